"""``tracker db upgrade|downgrade|check|current``: the schema, through Alembic; ``tracker db reindex``:
the pledge search index rebuilt."""
from __future__ import annotations

import sys

import click


def _target() -> str:
    from tracker.db.engine import database_url, redacted  # lazy: keeps tracker --help fast

    return redacted(database_url())


class _DbGroup(click.Group):
    """Turns a missing migrations folder or an unreachable database into a one-line error."""

    def invoke(self, ctx):
        from sqlalchemy.exc import OperationalError  # lazy: keeps tracker --help fast

        from tracker.db.migrate import MigrationsNotFound

        try:
            return super().invoke(ctx)
        except MigrationsNotFound:
            raise click.ClickException("找不到 migrations/ 文件夹：tracker 包旁、已安装的包的数据文件中、当前目录下都没有")\
                from None
        except OperationalError as exc:
            raise click.ClickException(f"无法连接数据库 {_target()}：{str(exc.orig).strip().splitlines()[0]}") from None


@click.group(cls=_DbGroup)
def db() -> None:
    """建立并迁移数据库（$DATABASE_URL，未设置时为 instance/tracker.sqlite3）。"""


@db.command()
@click.argument("revision", default="head")
def upgrade(revision: str) -> None:
    """把数据库迁移到版本 REVISION（默认最新 head）；数据库不存在时新建。"""
    from tracker.db import migrate  # lazy: keeps tracker --help fast

    migrate.upgrade(revision=revision)
    click.echo(f"tracker db：{_target()} 现在的版本是 {migrate.current_revision()}")


@db.command()
@click.argument("revision", default="-1")
def downgrade(revision: str) -> None:
    """把数据库退回到版本 REVISION（默认退一步；base 删除所有表）。"""
    from tracker.db import migrate  # lazy: keeps tracker --help fast

    migrate.downgrade(revision=revision)
    click.echo(f"tracker db：{_target()} 现在的版本是 {migrate.current_revision() or 'base'}")


@db.command()
def current() -> None:
    """显示数据库当前的版本。"""
    from tracker.db import migrate  # lazy: keeps tracker --help fast

    click.echo(migrate.current_revision() or "base")


@db.command()
def reindex() -> None:
    """重建承诺的全文检索索引（改动词表中的 jieba 词典后运行）。"""
    from tracker.db import fulltext  # lazy: keeps tracker --help fast
    from tracker.db.engine import make_engine

    engine = make_engine()
    try:
        with engine.begin() as connection:
            n = fulltext.rebuild(connection)
    finally:
        engine.dispose()
    click.echo(f"tracker db：{_target()}：已为检索重建 {n} 条承诺的索引")


@db.command()
def check() -> None:
    """数据库已是最新版本且与模型一致时返回 0，否则说明哪里不同。"""
    from tracker.db import migrate  # lazy: keeps tracker --help fast

    result = migrate.check()
    if result.ok:
        click.echo(f"tracker db：{_target()} 已是最新版本（{result.head}），与模型一致")
        return
    if result.current != result.head:
        click.echo(f"tracker db：{_target()} 的版本是 {result.current or 'base'}，最新的是 {result.head}："
                   "请运行 tracker db upgrade", err=True)
    else:
        for diff in result.drift:
            click.echo(f"tracker db：模型与数据库不一致：{diff}", err=True)
    sys.exit(1)
