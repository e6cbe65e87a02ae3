"""``tracker export``: the pledge list (or a status table, or the 台账) as a file, with the
same filters as the web page and ``--as-of`` to rebuild it as it stood on a day."""
from __future__ import annotations

import os
import sys
import tempfile

import click

from tracker.cli.ingest import open_database

FILTER_OPTIONS = (  # option, the listing's key, help
    ("--district", "district", "区县（名称、简称或编号）"),
    ("--official", "official", "责任领导（姓名或编号）"),
    ("--unit", "unit", "牵头单位（包含）"),
    ("--status", "status", "状态（done 或 已完成 …）"),
    ("--review-state", "review_state", "审核状态（默认 已确认；all 为全部）"),
    ("--flag", "flag", "标记：红/黄/蓝 或 red/yellow/blue"),
    ("--due-from", "due_from", "完成时限不早于 YYYY-MM-DD"),
    ("--due-to", "due_to", "完成时限不晚于 YYYY-MM-DD"),
    ("--document", "document", "文档编号"),
    ("-q", "q", "原文、对象或文档标题包含的词（jieba 分词，词与词为“且”）"),
    ("--as-of", "as_of", "按历史重建截至该日（YYYY-MM-DD）的台账"),
    ("--sort", "sort", "排序：due_on、-due_on、id、-id、published_on、-published_on"),
)


def _filter_options(fn):
    for option, key, help_text in reversed(FILTER_OPTIONS):
        fn = click.option(option, key, default=None, help=help_text)(fn)
    return fn


@click.command("export")
@click.option("--format", "fmt", type=click.Choice(["csv", "xlsx", "json", "ledger"]), default="csv",
              show_default=True, help="ledger 为台账（XLSX，机关常用的列）。")
@click.option("--table", type=click.Choice(["district", "official"]), default=None,
              help="导出按区县或按责任领导的状态统计表，而不是承诺清单。")
@click.option("--header", type=click.Choice(["label", "key"]), default="label", show_default=True,
              help="CSV 表头：label 为中文列名，key 为英文字段键。")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, allow_dash=True),
              help="写入的文件（- 表示标准输出）。")
@_filter_options
def export(fmt: str, table: str | None, header: str, output: str, **filters) -> None:
    """把筛选后的承诺清单（与网页同一视图）写成 CSV、XLSX、JSON 或台账。"""
    # the services load SQLAlchemy and openpyxl: imported when the command runs, not for --help
    from tracker.services import exports, listing, tables  # lazy: keeps tracker --help fast
    from tracker.services.listing import BadFilter

    if table and fmt == "ledger":
        raise click.UsageError("台账（ledger）只导出承诺清单，不能与 --table 同用")
    args = {k: v for k, v in filters.items() if v not in (None, "")}
    engine, session_factory = open_database()
    try:
        with session_factory() as session:
            try:
                view = listing.parse_filters(session, args)
            except BadFilter as exc:
                raise click.ClickException(str(exc)) from None

            def write(fh) -> int:
                if table:  # counted by the database, as the page counts it
                    groups, total = tables.view_table(session, view, table)
                    records = [g.record() for g in groups] + [total.record()]
                    if fmt == "csv":
                        fh.write(exports.table_csv(tables.TABLE_COLUMNS, records, header=header))
                    elif fmt == "json":
                        fh.write(exports.table_json(tables.TABLE_COLUMNS, records, view, table))
                    else:
                        exports.write_table_xlsx(tables.TABLE_COLUMNS, records, fh, view,
                                                 "按区县" if table == "district" else "按责任领导")
                    return len(groups)
                tally = exports.Tally(listing.iter_rows(session, view))
                exports.write(fmt, tally, fh, view, header=header)
                return tally.total

            try:
                if output == "-":
                    n = write(sys.stdout.buffer)
                    sys.stdout.flush()
                else:  # write beside the target, then move: a failed export leaves no half file
                    folder = os.path.dirname(os.path.abspath(output))
                    fd, tmp = tempfile.mkstemp(prefix=".export-", dir=folder)
                    try:
                        with os.fdopen(fd, "wb") as fh:
                            n = write(fh)
                        os.replace(tmp, output)
                    except BaseException:
                        os.unlink(tmp)
                        raise
            except BadFilter as exc:
                raise click.ClickException(str(exc)) from None
    finally:
        engine.dispose()
    what = f"{n} 组（按{'区县' if table == 'district' else '责任领导'}）" if table else f"{n} 条承诺"
    kind = {"csv": "CSV", "xlsx": "Excel", "json": "JSON", "ledger": "台账"}[fmt]
    click.echo(f"tracker export：{what}，{kind} · {view.sentence()} · 截至 {view.day.isoformat()}", err=True)
