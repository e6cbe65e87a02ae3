"""``tracker followup``: what a later text says became of each pledge of an earlier one, as JSON Lines
(see /README, "Follow-up")."""
from __future__ import annotations

import datetime as dt
import json
import os
import sys

import click

from tracker.cli import words
from tracker.cli.extract import parse_date
from tracker.cli.ingest import open_database


def _read(path: str) -> str | None:
    from tracker.reading import UnreadableDocument, read_text_file  # lazy: keeps tracker --help fast

    try:
        return read_text_file(path).text
    except (UnreadableDocument, OSError) as exc:
        click.echo(f"tracker followup：{path}：{words.exception_reason(exc)}", err=True)
        return None


@click.command()
@click.option("--plan-published", callback=parse_date, metavar="YYYY-MM-DD",
              help="规划文本的发布日期；今年、年内等相对期限据此计算。")
@click.option("--review-published", callback=parse_date, metavar="YYYY-MM-DD",
              help="回顾文本的发布日期；据此判断多年目标是否到期。")
@click.option("--plan-year", type=click.IntRange(1949, 2100), metavar="YYYY",
              help="PLAN 整篇是该年度的计划（如从工作报告中截出的任务段落）：未写时间的任务按该年度读。")
@click.option("--document", "document_ids", type=click.IntRange(min=1), multiple=True, metavar="ID",
              help="库中的文档编号：把它之前发布的、同一区县（及其上下级）的未结承诺与它比对，结果存为待评议员处理的建议。")
@click.argument("plan", type=click.Path(dir_okay=False, path_type=str), required=False)
@click.argument("review", type=click.Path(dir_okay=False, path_type=str), required=False)
def followup(plan_published: dt.date | None, review_published: dt.date | None, plan_year: int | None,
             document_ids: tuple[int, ...], plan: str | None, review: str | None) -> None:
    """对 PLAN 中的每条承诺，说明 REVIEW 报告了什么结果：每行一个 JSON 对象。

    或者 --document ID：在数据库中比对，结果存为建议（见评议员的“后续建议”队列）。"""
    if document_ids:
        if plan or review or plan_year:
            raise click.UsageError("--document 与 PLAN REVIEW（及 --plan-year）不能同时使用")
        _followup_documents(document_ids)
        return
    if not (plan and review):
        raise click.UsageError("需要 PLAN 和 REVIEW 两个文件，或 --document ID")
    from tracker.extract import extract_document  # lazy: keeps tracker --help fast
    from tracker.extract.followup import follow_up

    plan_text, review_text = _read(plan), _read(review)
    if plan_text is None or review_text is None:
        sys.exit(1)
    pledges = extract_document(plan_text, published=plan_published, plan_year=plan_year).candidates
    later = extract_document(review_text, published=review_published)
    out = sys.stdout
    name = os.path.basename(plan)
    for finding in follow_up(pledges, later, review_published=review_published, plan_published=plan_published):
        out.write(json.dumps({"file": name, **finding.to_dict()}, ensure_ascii=False) + "\n")
    out.flush()


def _followup_documents(document_ids: tuple[int, ...]) -> None:
    """Match stored documents and store the suggestions; one line per document on standard error."""
    from tracker.db.models import Document  # SQLAlchemy and the services: loaded when the command runs
    from tracker.services.followup import FAILED, followup_documents

    engine, session_factory = open_database()
    failed = False
    try:
        with session_factory() as session:
            missing = [i for i in document_ids if session.get(Document, i) is None]
        if missing:
            raise click.ClickException("没有编号为 " + "、".join(map(str, missing)) + " 的文档")
        for report in followup_documents(session_factory, document_ids):
            click.echo(f"tracker followup：{words.followup_document(report)}", err=True)
            failed = failed or (report.skipped or "").startswith(FAILED)
    finally:
        engine.dispose()
    if failed:
        sys.exit(1)
