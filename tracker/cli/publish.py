"""``tracker publish DIR``: the public site as static files (``tracker.web.publish``)."""
from __future__ import annotations

import secrets
from pathlib import Path

import click

from tracker.cli import words


@click.command()
@click.argument("target", type=click.Path(file_okay=False, path_type=Path))
@click.option("--site-url", help="线上应用的地址：未发布的页面（编辑页面、筛选视图、登录）的链接指向它；"
                                 "不给则这些链接没有目标。")
@click.option("--force", is_flag=True, help="数据没有变化也重新生成每个页面。")
def publish(target: Path, site_url: str | None, force: bool) -> None:
    """把公开站点（台账、状态统计表、看板、评分卡、承诺页面及其 CSV / Excel / JSON 文件）写入 TARGET，
    成为用相对链接的静态文件。再次运行时只写有变化的部分（TARGET/.tracker-publish.json 记下写过什么）。"""
    from tracker.db import migrate  # lazy: keeps tracker --help fast
    from tracker.db.engine import redacted
    from tracker.web import create_app
    from tracker.web.publish import publish as publish_site

    # the pages are rendered for an anonymous reader and no session leaves this process: any key will do
    app = create_app({"SECRET_KEY": secrets.token_hex(32), "PUBLIC_READ": True, "SERVER_NAME": None})
    url = app.config["DATABASE_URL"]
    try:
        if migrate.current_revision(url) != migrate.head_revision():
            raise click.ClickException(f"数据库 {redacted(url)} 不是最新版本：请先运行 tracker db upgrade")
        report = publish_site(app, target, site_url=site_url, force=force)
    finally:
        app.extensions["tracker.engine"].dispose()
    click.echo(words.publish_report(report))


__all__ = ["publish"]
