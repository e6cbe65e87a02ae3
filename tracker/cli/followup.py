"""``tracker followup``: what a later text says became of each pledge of an earlier one, as JSON Lines
(see /README, "Follow-up")."""
from __future__ import annotations

import json
import os
import sys

import click

from tracker.cli.extract import parse_date


_REASONS = (("binary content", "二进制内容，不是文本"), ("empty", "空文件"), ("undecodable", "无法解码的字节"),
            ("is a directory", "是目录，不是文件"))


def _reason(exc: Exception) -> str:
    """The reader's reason in Chinese (the reader's own words stay in brackets)."""
    if isinstance(exc, FileNotFoundError):
        return "文件不存在"
    if isinstance(exc, PermissionError):
        return "没有读取权限"
    if isinstance(exc, IsADirectoryError):
        return "是目录，不是文件"
    said = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    for prefix, words in _REASONS:
        if said.startswith(prefix):
            return f"{words}（{said}）"
    return f"无法读取（{said}）"


def _read(path: str) -> str | None:
    from tracker.reading import UnreadableDocument, read_text_file

    try:
        return read_text_file(path).text
    except (UnreadableDocument, OSError) as exc:
        click.echo(f"tracker followup: {path}: {_reason(exc)}", err=True)
        return None


@click.command()
@click.option("--plan-published", callback=parse_date, metavar="YYYY-MM-DD",
              help="规划文本的发布日期；今年、年内等相对期限据此计算。")
@click.option("--review-published", callback=parse_date, metavar="YYYY-MM-DD",
              help="回顾文本的发布日期；据此判断多年目标是否到期。")
@click.option("--document", "document_ids", type=click.IntRange(min=1), multiple=True, metavar="ID",
              help="库中的文档编号：把它之前发布的、同一区县（及其上下级）的未结承诺与它比对，结果存为待评议员处理的建议。")
@click.argument("plan", type=click.Path(dir_okay=False, path_type=str), required=False)
@click.argument("review", type=click.Path(dir_okay=False, path_type=str), required=False)
def followup(plan_published: dt.date | None, review_published: dt.date | None, document_ids: tuple[int, ...],
             plan: str | None, review: str | None) -> None:
    """对 PLAN 中的每条承诺，说明 REVIEW 报告了什么结果：每行一个 JSON 对象。

    或者 --document ID：在数据库中比对，结果存为建议（见评议员的“后续建议”队列）。"""
    if document_ids:
        if plan or review:
            raise click.UsageError("--document 与 PLAN REVIEW 不能同时使用")
        _followup_documents(document_ids)
        return
    if not (plan and review):
        raise click.UsageError("需要 PLAN 和 REVIEW 两个文件，或 --document ID")
    from tracker.extract import extract_document
    from tracker.extract.followup import follow_up

    plan_text, review_text = _read(plan), _read(review)
    if plan_text is None or review_text is None:
        sys.exit(1)
    pledges = extract_document(plan_text, published=plan_published).candidates
    later = extract_document(review_text, published=review_published)
    out = sys.stdout
    name = os.path.basename(plan)
    for finding in follow_up(pledges, later, review_published=review_published, plan_published=plan_published):
        out.write(json.dumps({"file": name, **finding.to_dict()}, ensure_ascii=False) + "\n")
    out.flush()


def _followup_documents(document_ids: tuple[int, ...]) -> None:
    """Match stored documents and store the suggestions; one line per document on standard error."""
    from tracker.cli.ingest import open_database
    from tracker.services.followup import followup_documents

    engine, session_factory = open_database()
    failed = False
    try:
        with session_factory() as session:
            from tracker.db.models import Document

            missing = [i for i in document_ids if session.get(Document, i) is None]
        if missing:
            raise click.ClickException("没有编号为 " + "、".join(map(str, missing)) + " 的文档")
        for report in followup_documents(session_factory, document_ids):
            click.echo(f"tracker followup: {report.line()}", err=True)
            failed = failed or (report.skipped or "").startswith("follow-up failed")
    finally:
        engine.dispose()
    if failed:
        sys.exit(1)
