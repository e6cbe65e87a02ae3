"""``tracker export-db`` / ``tracker import-db``: the whole database as JSON, and back."""
from __future__ import annotations

import os
import sys
import tempfile

import click

from tracker.cli.ingest import open_database


@click.command("export-db")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, allow_dash=True),
              help="写入的文件（- 表示标准输出）。")
def export_db(output: str) -> None:
    """把所有表及其完整历史写入一个 JSON 文件（UTF-8）。"""
    from tracker.services.transfer import export_db as export  # SQLAlchemy: loaded when the command runs

    engine, session_factory = open_database()
    try:
        with session_factory() as session:
            if output == "-":
                counts = export(session, sys.stdout)
            else:  # write beside the target, then move: a failed export leaves no half file
                folder = os.path.dirname(os.path.abspath(output))
                fd, tmp = tempfile.mkstemp(prefix=".export-", suffix=".json", dir=folder)
                try:
                    with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
                        counts = export(session, fh)
                    os.replace(tmp, output)
                except BaseException:
                    os.unlink(tmp)
                    raise
    finally:
        engine.dispose()
    click.echo(f"tracker export-db：导出 {len(counts)} 张表的 {sum(counts.values())} 行", err=True)


@click.command("import-db")
@click.argument("source", type=click.File("r", encoding="utf-8"))
def import_db(source) -> None:
    """把 export-db 导出的文件载入一个已迁移的空数据库（一个事务内完成）。"""
    from tracker.db.unit import unit_of_work
    from tracker.services.transfer import TransferError, import_db as load  # as above

    engine, session_factory = open_database()
    try:
        with session_factory() as session:
            try:
                with unit_of_work(session):  # the whole file, or nothing of it
                    counts = load(session, source)
            except TransferError as exc:
                raise click.ClickException(str(exc)) from None
    finally:
        engine.dispose()
    click.echo(f"tracker import-db：载入 {len(counts)} 张表的 {sum(counts.values())} 行", err=True)
