"""What the command line says, in Chinese: the one place for the lines the commands print about
their runs (ingest, reextract, followup, publish) and for the readers' reasons a file was refused.

The services return reports as data; a person at the terminal reads
these. Field names and states come from ``tracker.glossary`` (one vocabulary)."""
from __future__ import annotations

import sys

from tracker.reading import os_reason

#: an ingest outcome's state as the command line names it
STATES = {"new": "新入库", "unchanged": "已在库中", "failed": "失败", "skipped": "跳过"}


def _glossary():
    """``tracker.glossary``, imported when a line is written: it loads the enumerations and with them
    tracker.extract (some 0.2 s), which ``tracker --help`` should not wait for."""
    from tracker import glossary  # lazy: keeps tracker --help fast

    return glossary


def exception_reason(exc: Exception) -> str:
    """Why a file could not be read, in Chinese: the reader's own reason (``UnreadableDocument`` says it
    in Chinese where it is raised) or the system's error."""
    return os_reason(exc) if isinstance(exc, OSError) else str(exc)


def ingest_summary(summary) -> str:
    """An ingest run in one line: 7 个文件：新入库 5，已在库中 0，失败 1，跳过 1；新增承诺 12 条；后续建议 3 条。"""
    line = (f"{len(summary.outcomes)} 个文件：新入库 {summary.new}，已在库中 {summary.unchanged}，"
            f"失败 {summary.failed}，跳过 {summary.skipped}；新增承诺 {summary.pledges} 条")
    if summary.suggestions:
        line += f"；{_glossary().field_label('suggestion')} {summary.suggestions} 条"
    if summary.followup_failed:
        line += f"；{len(summary.followup_failed)} 篇文档的后续比对失败"
    return line


def disagreement(d) -> str:
    """A pledge with human work the extractor now reads differently (kept as people left it)."""
    state = _glossary().value("review_state", d.review_state)
    head = f"承诺 {d.pledge_id}（{state}）"
    if d.field == "pledge":
        return f"{head}：抽取器现在读不到这条承诺；保留原样"
    if d.field == "review_state":
        quote = str(d.machine).removeprefix("still found: ")
        return f"{head}：抽取器仍读到它（{quote}）；保留驳回"
    return (f"{head}{_glossary().field_label(d.field)}：保留「{_glossary().value(d.field, d.human)}」，"
            f"抽取器现在读作「{_glossary().value(d.field, d.machine)}」")


def reextract_document(r) -> str:
    """One document of ``tracker reextract``."""
    if r.failed:
        return f"文档 {r.document_id}：失败：{r.failed}"
    if r.skipped:
        return f"文档 {r.document_id}：跳过：{r.skipped}"
    return (f"文档 {r.document_id}：抽取结果 {r.candidates} 条；更新 {r.refreshed} 条（其中改变 {r.changed} 条），"
            f"新增 {r.added} 条，撤回 {r.retracted} 条，{r.kept} 条有人处理过，保持原样")


def followup_document(report) -> str:
    """One document of ``tracker followup --document``."""
    if report.skipped:
        return f"文档 {report.document_id}：跳过：{report.skipped}"
    return (f"文档 {report.document_id}：比对到之前的承诺 {report.pledges} 条；{_glossary().field_label('suggestion')}"
            f"新增 {report.added}，更新 {report.refreshed}，撤回 {report.retracted}，未变 {report.unchanged}，"
            f"已处理而保留 {report.kept}；重述 {report.restatements} 条")


def publish_report(report) -> str:
    """``tracker publish``'s last line."""
    if report.skipped:
        return "tracker publish：数据自上次发布以来没有变化，未写任何文件"
    return (f"tracker publish：写入 {len(report.written)} 个文件，{report.unchanged} 个未变，"
            f"删除 {len(report.removed)} 个")


def database_problem(exc: BaseException) -> str | None:
    """A database that cannot be used, in one Chinese line (``tracker``'s group turns it into an error
    instead of a traceback); None for any other exception. SQLAlchemy is looked at only when it is
    loaded already (an exception from it means it is)."""
    sa_exc = sys.modules.get("sqlalchemy.exc")
    if sa_exc is None or not isinstance(exc, (sa_exc.ArgumentError, sa_exc.OperationalError)):
        return None
    from tracker.db.engine import database_url, redacted  # lazy: keeps tracker --help fast

    url = database_url()
    try:
        shown = redacted(url)
    except Exception:  # noqa: BLE001 - an address SQLAlchemy cannot even parse: shown without its password
        shown = url.split("@")[-1] if "@" in url else url
    if isinstance(exc, sa_exc.ArgumentError):
        return (f"数据库地址 {shown} 无效（DATABASE_URL）：应形如 sqlite:////路径/tracker.sqlite3 或 "
                "postgresql+psycopg://用户@主机:端口/库名")
    said = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    return f"无法连接数据库 {shown}：{said[0] if said else exc.__class__.__name__}"
