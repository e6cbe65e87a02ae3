"""``tracker extract``: print the pledges found in text files as JSON Lines (see README, "Output contract")."""
from __future__ import annotations

import datetime as dt
import json
import os
import sys

import click

from tracker.cli import words
from tracker.services import dates


def parse_date(ctx, param, value):
    """A click callback: a day as ``dates.parse_day`` reads it, or its Chinese message as a usage error."""
    if value is None:
        return None
    try:
        return dates.parse_day(value, "发布日期")
    except dates.BadDate as exc:
        raise click.BadParameter(str(exc)) from None


@click.command()
@click.option("--published", callback=parse_date, metavar="YYYY-MM-DD",
              help="发布日期；“今年”“年内”“三年内”等相对时限据此推算。")
@click.option("--district", metavar="NAME", help="文档所属的政府（如 张店区）；正文自己的说法优先。")
@click.option("--official", metavar="NAME", help="文档的讲话人（如 马晓磊）；正文所引述的人优先。")
@click.option("--official-title", metavar="TITLE", help="讲话人的职务（如 张店区委书记）；须同时给出 --official。")
@click.option("--explain", is_flag=True, help="每条另加 why 字段：各字段由哪条规则判定。")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=str))
def extract(published: dt.date | None, district: str | None, official: str | None, official_title: str | None,
            explain: bool, files: tuple[str, ...]) -> None:
    """读取文本文件，每抽到一条承诺输出一行 JSON（JSON Lines）。"""
    from tracker.extract import Official, extract_document  # lazy: keeps tracker --help fast
    from tracker.reading import UnreadableDocument, read_text_file

    district, official, official_title = (v.strip() if v else None for v in (district, official, official_title))
    if official_title and not official:
        raise click.UsageError("--official-title 须与 --official（有此职务的人的姓名）一同给出")
    speaker = Official(official, official_title or None) if official else None
    failed = 0
    out = sys.stdout
    for path in files:
        name = os.path.basename(path)
        try:
            decoded = read_text_file(path)
        except (UnreadableDocument, OSError) as exc:
            click.echo(f"tracker extract：{path}：{words.exception_reason(exc)}", err=True)
            failed += 1
            continue
        doc = extract_document(decoded.text, published=published, district=district or None, official=speaker)
        for cand in doc.candidates:
            row = {"file": name, **cand.to_dict()}
            if explain:
                row["why"] = cand.why_dict()
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    out.flush()
    if failed:
        click.echo(f"tracker extract：{len(files)} 个文件中有 {failed} 个无法读取", err=True)
        sys.exit(1)
