"""``tracker ingest``: read documents into the database; a failing document leaves nothing and the run goes on."""
from __future__ import annotations

import sys

import click

from tracker.cli import words
from tracker.cli.extract import parse_date


def open_database():
    """(engine, sessionmaker) on $DATABASE_URL (else the instance folder's SQLite file); refuses a
    database that is not at the newest migration. A command's engine lives for seconds, so
    connections are not pinged before each use (one round trip less per document)."""
    from tracker.db import migrate  # lazy: keeps tracker --help fast
    from tracker.db.engine import database_url, make_engine, make_sessionmaker, redacted

    from sqlalchemy.exc import OperationalError

    engine = make_engine(pool_pre_ping=False)
    try:
        current, head = migrate.current_revision(engine=engine), migrate.head_revision()
    except OperationalError as exc:
        engine.dispose()
        raise click.ClickException(f"无法连接数据库 {redacted(database_url())}："
                                   f"{str(exc.orig).strip().splitlines()[0]}") from None
    if current != head:
        engine.dispose()
        raise click.ClickException(f"数据库 {redacted(database_url())} 的版本是 {current or 'base'}，"
                                   f"不是最新的 {head}：请先运行 tracker db upgrade")
    return engine, make_sessionmaker(engine)


@click.command()
@click.option("--published", callback=parse_date, metavar="YYYY-MM-DD",
              help="所给各文档的发布日期（优先于 manifest.csv）。")
@click.option("--source", metavar="URL", help="所给各文档的来源网址（优先于 manifest.csv）。")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
def ingest(published, source, paths) -> None:
    """把文本、HTML、.docx、.pdf 文件和文件夹（含子文件夹）导入数据库。

    文件旁的 manifest.csv（列：file,title,source,published）给出各文档的元数据。
    同样的内容导入两次不会重复。有文件失败时以非零状态退出；跳过的文件（其他类型）会列出。
    """
    from tracker.services.ingest import Limits, collect, ingest_paths  # lazy: keeps tracker --help fast
    from tracker.web import load_config

    limits = Limits.from_config(load_config())  # TRACKER_MAX_DOCUMENT_CHARS, TRACKER_MAX_DOCUMENT_PLEDGES
    engine, session_factory = open_database()
    err = sys.stderr
    bar = None
    try:
        if err.isatty():
            total = len(collect(paths)[0])
            bar = click.progressbar(length=total, label="导入", file=err)
            bar.__enter__()

        def report(outcome) -> None:
            if bar is not None:
                bar.update(1)
            if outcome.state in ("failed", "skipped"):
                line = f"tracker ingest：{outcome.path}：{words.STATES[outcome.state]}：{outcome.reason or ''}"
                if bar is not None:
                    err.write("\n")
                click.echo(line, err=True)

        summary = ingest_paths(session_factory, paths, published=published, source=source, on_outcome=report,
                               limits=limits)
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
        engine.dispose()
    for report in summary.followup_failed:
        click.echo(f"tracker ingest：文档 {report.document_id} 的后续比对失败：{report.skipped}"
                   f"（可运行 tracker followup --document {report.document_id} 重试）", err=True)
    click.echo(f"tracker ingest：{words.ingest_summary(summary)}", err=True)
    if summary.failed:
        sys.exit(1)
