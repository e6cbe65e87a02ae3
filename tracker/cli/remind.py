"""``tracker remind`` (催办 digests by e-mail and group robot) and ``tracker unit`` (responsible
units, their contacts and accounts). Thin: parse, call ``tracker.services.remind`` /
``tracker.services.progress``, commit, print in Chinese."""
from __future__ import annotations

import contextlib
import sys

import click


@contextlib.contextmanager
def _session():
    """A session on the configured database (``DATABASE_URL`` / instance), which must be migrated."""
    from tracker.db import migrate  # lazy: keeps tracker --help fast
    from tracker.db.engine import make_engine, make_sessionmaker, redacted
    from tracker.web import load_config

    cfg = load_config()
    url = cfg["DATABASE_URL"]
    if migrate.current_revision(url) != migrate.head_revision():
        raise click.ClickException(f"数据库 {redacted(url)} 尚未升级到最新结构：请先运行 tracker db upgrade")
    engine = make_engine(url)
    try:
        with make_sessionmaker(engine)() as session:
            yield cfg, session
    finally:
        engine.dispose()


@click.command("remind")
@click.option("--days", type=click.IntRange(0, 366), default=30, show_default=True, metavar="天数",
              help="列入几天内到期的承诺（逾期和欠进度的总会列入）。")
@click.option("--dry-run", is_flag=True, help="只列出将发送的催办及其正文，不发送、不记录。")
@click.option("--force", is_flag=True, help="今天已发送过的也再发一次。")
def remind(days: int, dry_run: bool, force: bool) -> None:
    """向各牵头单位和评议员发送催办：逾期（红）、欠进度（黄）和 N 天内到期的承诺。

    每天由 cron 或 systemd 定时器运行一次；同一天再运行不会重复发送（除非 --force）。
    设置：TRACKER_REMIND_BASE_URL（链接的网址前缀），TRACKER_SMTP_HOST / _PORT / _USER /
    _PASSWORD / _FROM / _STARTTLS / _SSL，TRACKER_REMIND_WEBHOOK_URL / _KIND / _SECRET（评议组的群机器人）。
    """
    from tracker.db.unit import unit_of_work
    from tracker.services import listing, remind as service  # lazy: keeps tracker --help fast

    failures = 0
    with _session() as (cfg, session):
        settings = service.Settings.from_config(cfg)
        day = listing.shanghai_today()
        if not settings.base_url:
            click.echo("提示：未设置 TRACKER_REMIND_BASE_URL，催办中的链接只有路径，没有网址前缀。", err=True)
        deliveries = service.plan(session, settings, day=day, days=days)
        if not deliveries:
            click.echo(f"{day.isoformat()}：没有需要催办的承诺（逾期、欠进度或 {days} 天内到期）。")
        for name in service.units_without_contact(session, day=day, days=days):
            click.echo(f"注意：牵头单位「{name}」有需催办的承诺，但没有登记邮箱或群机器人（tracker unit add）。", err=True)
        sent = skipped = 0
        for d in deliveries:
            counts = d.counts
            what = f"{len(d.items)} 项（逾期 {counts['red']}、欠进度 {counts['yellow']}、即将到期 {counts['due']}）"
            if d.already_sent and not force:
                click.echo(f"跳过 {d.describe()}：今天已发送过（--force 可再发）")
                skipped += 1
                continue
            if dry_run:
                click.echo(f"将发送 {d.describe()} → {d.address}：{what}")
                click.echo(service.plain_text(d, settings))
                continue
            try:
                service.deliver(d, settings)
            except service.DeliveryError as exc:
                failures += 1
                click.echo(f"失败 {d.describe()}：{exc}（未记为已催办）", err=True)
                continue
            with unit_of_work(session):
                service.record_sent(session, d)
            sent += 1
            click.echo(f"已发送 {d.describe()}：{what}")
        if deliveries and not dry_run:
            click.echo(f"合计：发送 {sent}，跳过 {skipped}，失败 {failures}。")
    if failures:
        sys.exit(1)


@click.group("unit")
def unit() -> None:
    """牵头单位：联系方式与账户；网页上由管理员在“牵头单位”页管理。"""


@unit.command("add")
@click.argument("name")
@click.option("--email", help="收催办邮件的地址，多个用逗号隔开。")
@click.option("--webhook", "webhook_url", help="群机器人的 Webhook 地址。")
@click.option("--webhook-kind", type=click.Choice(["wecom", "wecom_text", "dingtalk", "json"]),
              help="群机器人类型：wecom（企业微信 Markdown）、wecom_text（企业微信文本）、dingtalk（钉钉）、json。")
@click.option("--secret", "webhook_secret", help="钉钉机器人“加签”的密钥。")
def unit_add(name: str, email, webhook_url, webhook_kind, webhook_secret) -> None:
    """登记一个牵头单位，或修改其联系方式；NAME 须与承诺的“牵头单位”一字不差。"""
    from tracker.db.unit import unit_of_work
    from tracker.services import progress  # lazy: keeps tracker --help fast
    from tracker.services.errors import ServiceError

    with _session() as (_, session):
        try:
            with unit_of_work(session):
                saved = progress.save_unit(session, name, email=email, webhook_url=webhook_url,
                                           webhook_kind=webhook_kind, webhook_secret=webhook_secret)
        except ServiceError as exc:
            raise click.ClickException(str(exc)) from None
        robot = f"，群机器人：{saved.webhook_kind.label}" if saved.webhook_url else ""
        click.echo(f"已保存牵头单位「{saved.name}」（编号 {saved.id}，邮箱：{saved.email or '无'}{robot}）")


@unit.command("list")
def unit_list() -> None:
    """列出牵头单位及其联系方式。"""
    import sqlalchemy as sa  # lazy: keeps tracker --help fast

    from tracker.db.models import Unit

    with _session() as (_, session):
        for u in session.scalars(sa.select(Unit).order_by(Unit.name)):
            robot = u.webhook_kind.label if u.webhook_url else "无"
            click.echo(f"{u.id}\t{u.name}\t邮箱：{u.email or '无'}\t群机器人：{robot}")


@unit.command("user")
@click.argument("name")
@click.option("--unit", "unit_name", required=True, help="所属牵头单位的名称。")
@click.option("--email", help="该账户的电子邮件地址。")
@click.option("--password", envvar="TRACKER_NEW_PASSWORD", help="密码（否则会询问；或设置 TRACKER_NEW_PASSWORD）。")
def unit_user(name: str, unit_name: str, email, password) -> None:
    """为牵头单位添加账户（角色：责任单位）：只能报送本单位牵头承诺的进展。"""
    from tracker.db.unit import unit_of_work
    from tracker.services import progress  # lazy: keeps tracker --help fast
    from tracker.services.errors import ServiceError

    if not password:
        password = click.prompt("密码", hide_input=True, confirmation_prompt=True)
    with _session() as (_, session):
        try:
            with unit_of_work(session):
                account = progress.create_unit_user(session, name, password, unit_name, email=email)
        except ServiceError as exc:
            raise click.ClickException(str(exc)) from None
        click.echo(f"已为「{unit_name}」添加账户 {account.name}（责任单位）")


__all__ = ["remind", "unit"]
