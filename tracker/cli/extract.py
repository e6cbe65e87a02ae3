"""``tracker extract``: print the pledges found in text files as JSON Lines (see README, "Output contract")."""
from __future__ import annotations

import datetime as dt
import json
import os
import sys

import click


def parse_date(ctx, param, value):
    """A click callback: YYYY-MM-DD that names a real day, or a clear usage error."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a real date in the form YYYY-MM-DD") from None


@click.command()
@click.option("--published", callback=parse_date, metavar="YYYY-MM-DD",
              help="Publication date; relative deadlines (今年, 年内, 三年内 …) resolve against it.")
@click.option("--district", metavar="NAME", help="The document's government (张店区); the text's own evidence wins.")
@click.option("--official", metavar="NAME", help="The document's speaker (马晓磊); the person the text credits wins.")
@click.option("--official-title", metavar="TITLE", help="The speaker's title (张店区委书记); needs --official.")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=str))
def extract(published: dt.date | None, district: str | None, official: str | None, official_title: str | None,
            files: tuple[str, ...]) -> None:
    """Print one JSON object per extracted pledge, one per line."""
    from tracker.extract import Official, extract_document
    from tracker.reading import UnreadableDocument, read_text_file

    district, official, official_title = (v.strip() if v else None for v in (district, official, official_title))
    if official_title and not official:
        raise click.UsageError("--official-title needs --official (the name of the person with that title)")
    speaker = Official(official, official_title or None) if official else None
    failed = 0
    out = sys.stdout
    for path in files:
        name = os.path.basename(path)
        try:
            decoded = read_text_file(path)
        except (UnreadableDocument, OSError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            click.echo(f"tracker extract: {path}: {reason}", err=True)
            failed += 1
            continue
        doc = extract_document(decoded.text, published=published, district=district or None, official=speaker)
        for cand in doc.candidates:
            row = {"file": name, **cand.to_dict()}
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    out.flush()
    if failed:
        click.echo(f"tracker extract: {failed} of {len(files)} file(s) could not be read", err=True)
        sys.exit(1)
