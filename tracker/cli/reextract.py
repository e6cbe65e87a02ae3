"""``tracker reextract``: read stored documents with the current extractor; keep human work."""
from __future__ import annotations

import sys

import click


@click.command()
@click.option("--document", "document_ids", type=int, multiple=True, metavar="ID",
              help="只处理这篇文档（可重复给出）；默认全部文档。")
def reextract(document_ids) -> None:
    """用当前版本的抽取器重新读取已入库的文档。

    版本号是抽取器代码与词表的哈希值，规则一变，旧版本读过的文档都会重读一次；
    结束时报告有多少条承诺因此改变（新增、改变、撤回）。

    无人处理过的待核实承诺会被更新、新增或撤回；已确认、修改过、已驳回或已评估的承诺
    一律不动：抽取器现在读得不同之处只列出分歧，不会改写。
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
