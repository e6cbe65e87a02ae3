"""``tracker reextract``: read stored documents with the current extractor; keep human work."""
from __future__ import annotations

import sys

import click


@click.command()
@click.option("--document", "document_ids", type=int, multiple=True, metavar="ID",
              help="Only this document (repeatable); default: every document.")
def reextract(document_ids) -> None:
    """Refresh machine output with the current extractor version.

    The version is a hash of the extractor's code and word lists, so every document
    read by an earlier version is read again once the rules change; the command ends
    with how many pledges that changed (added, changed, gone).

    Pending pledges nobody touched are refreshed, added or retracted; confirmed,
    corrected, rejected and rated pledges are never changed: where the extractor
    now reads them differently, the disagreement is printed, not applied.
    """
    from tracker.cli.ingest import open_database
    from tracker.services.reextract import reextract_all

    engine, session_factory = open_database()
    failed = 0

    def report(r) -> None:
        nonlocal failed
        if r.failed:
            failed += 1
            click.echo(f"tracker reextract: document {r.document_id}: failed: {r.failed}", err=True)
        elif r.skipped:
            click.echo(f"tracker reextract: document {r.document_id}: skipped: {r.skipped}", err=True)
        else:
            click.echo(f"tracker reextract: document {r.document_id}: {r.candidates} candidate(s); "
                       f"{r.refreshed} refreshed ({r.changed} changed), {r.added} added, {r.retracted} retracted, "
                       f"{r.kept} kept as people left them", err=True)
        for d in r.disagreements:
            click.echo(f"  disagreement: {d.line()}")

    try:
        reports = reextract_all(session_factory, document_ids=document_ids or None, on_report=report)
    finally:
        engine.dispose()
    done = [r for r in reports if not r.skipped and not r.failed]
    added, changed, gone = (sum(getattr(r, k) for r in done) for k in ("added", "changed", "retracted"))
    click.echo(f"tracker reextract: {added + changed + gone} pledge(s) changed: {added} added, {changed} changed, "
               f"{gone} gone (extractor {done[0].version if done else 'unchanged'})")
    click.echo(f"tracker reextract: {len(reports)} document(s): {len(done)} re-read, "
               f"{sum(1 for r in reports if r.skipped)} skipped, {failed} failed; "
               f"{sum(len(r.disagreements) for r in reports)} disagreement(s) reported", err=True)
    if failed:
        sys.exit(1)
