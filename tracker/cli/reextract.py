"""``tracker reextract``: read stored documents with the current extractor; keep human work."""
from __future__ import annotations

import sys

import click

from tracker.cli import words
from tracker.cli.ingest import open_database


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
    from tracker.services.reextract import reextract_all  # the extractor and SQLAlchemy: not for --help

    engine, session_factory = open_database()
    failed = 0

    def report(r) -> None:
        nonlocal failed
        failed += bool(r.failed)
        click.echo(f"tracker reextract：{words.reextract_document(r)}", err=True)
        for d in r.disagreements:
            click.echo(f"  分歧：{words.disagreement(d)}")

    try:
        reports = reextract_all(session_factory, document_ids=document_ids or None, on_report=report)
    finally:
        engine.dispose()
    done = [r for r in reports if not r.skipped and not r.failed]
    added, changed, gone = (sum(getattr(r, k) for r in done) for k in ("added", "changed", "retracted"))
    version = f"抽取器版本 {done[0].version}" if done else "抽取器没有变化"
    click.echo(f"tracker reextract：{added + changed + gone} 条承诺有变化：新增 {added}，改变 {changed}，"
               f"撤回 {gone}（{version}）")
    click.echo(f"tracker reextract：{len(reports)} 篇文档：重读 {len(done)}，"
               f"跳过 {sum(1 for r in reports if r.skipped)}，失败 {failed}；"
               f"报告分歧 {sum(len(r.disagreements) for r in reports)} 处", err=True)
    if failed:
        sys.exit(1)
