"""``tracker remind`` and ``tracker unit``: real SMTP and HTTP servers on loopback, once a day."""
from __future__ import annotations

import sqlalchemy as sa
from click.testing import CliRunner

from remind_servers import smtp_server, webhook_server  # noqa: F401 (fixtures)
from remind_world import build
from tracker.cli import main
from tracker.db.models import Reminder, Unit
from tracker.services.listing import shanghai_today


def _env(db_url, host, port, base):
    return {"DATABASE_URL": db_url, "TRACKER_SMTP_HOST": host, "TRACKER_SMTP_PORT": str(port),
            "TRACKER_SMTP_FROM": "duban@example.gov.cn", "TRACKER_REMIND_BASE_URL": "https://duban.example.gov.cn",
            "TRACKER_REMIND_WEBHOOK_URL": f"{base}/wecom", "TRACKER_REMIND_WEBHOOK_KIND": "wecom"}


def _count(session):
    session.rollback()
    return session.scalar(sa.select(sa.func.count()).select_from(Reminder))


def test_remind_sends_once_a_day_records_each_pledge_and_force_sends_again(db_url, session, smtp_server,
                                                                           webhook_server):
    host, port, box = smtp_server
    base, robots = webhook_server
    world = build(session, shanghai_today())
    env = _env(db_url, host, port, base)
    run = CliRunner().invoke

    dry = run(main, ["remind", "--dry-run"], env=env)
    assert dry.exit_code == 0, dry.output
    assert "将发送 牵头单位「区教育局」（电子邮件） → jyj@example.org：2 项" in dry.output
    assert box.messages == [] and robots.requests == [] and _count(session) == 0

    first = run(main, ["remind"], env=env)
    assert first.exit_code == 0, first.output
    assert "合计：发送 4，跳过 0，失败 0。" in first.output
    assert sorted(to[0] for to, _ in box.messages) == ["jyj@example.org", "reviewer@example.org", "zjj@example.org"]
    assert len(robots.requests) == 1
    # 2 + 1 pledges to the units, 4 to the reviewer, 4 to the office's robot
    assert _count(session) == 11

    second = run(main, ["remind"], env=env)
    assert second.exit_code == 0 and "跳过 牵头单位「区教育局」（电子邮件）：今天已发送过" in second.output
    assert len(box.messages) == 3 and _count(session) == 11

    forced = run(main, ["remind", "--force", "--days", "5"], env=env)
    assert forced.exit_code == 0, forced.output
    # 区住建局's one pledge falls due in 20 days: nothing to send it within 5
    assert len(box.messages) == 5 and "区住建局" not in forced.output
    assert _count(session) == 11 + 2 + 3 + 3
    session.rollback()
    red = session.scalars(sa.select(Reminder.recipient).where(Reminder.pledge_id == world.pledges["red"])).all()
    assert sorted(set(red)) == ["reviewer", "区教育局", "评议组群机器人"]


def test_a_failing_robot_is_reported_in_chinese_and_not_recorded(db_url, session, smtp_server, webhook_server):
    host, port, box = smtp_server
    base, _ = webhook_server
    build(session, shanghai_today())
    env = {**_env(db_url, host, port, base), "TRACKER_REMIND_WEBHOOK_URL": f"{base}/broken"}
    result = CliRunner().invoke(main, ["remind"], env=env)
    assert result.exit_code == 1
    assert "失败 评议员「评议组群机器人」（群机器人）：群机器人（127.0.0.1" in result.output
    assert "答复 HTTP 500（未记为已催办）" in result.output and "合计：发送 3，跳过 0，失败 1。" in result.output
    assert len(box.messages) == 3
    session.rollback()
    assert session.scalar(sa.select(sa.func.count()).select_from(Reminder).where(Reminder.channel == "webhook")) == 0


def test_units_are_added_with_their_contacts_and_accounts(db_url, session):
    run = CliRunner().invoke
    env = {"DATABASE_URL": db_url, "TRACKER_NEW_PASSWORD": "password-123"}
    result = run(main, ["unit", "add", "区教育局", "--email", "jyj@example.org", "--webhook",
                        "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k", "--webhook-kind", "wecom"], env=env)
    assert result.exit_code == 0 and "已保存牵头单位「区教育局」" in result.output
    result = run(main, ["unit", "add", "区教育局", "--email", "不是邮箱"], env=env)
    assert result.exit_code == 1 and "「不是邮箱」不是有效的电子邮件地址" in result.output
    result = run(main, ["unit", "user", "小李", "--unit", "区教育局"], env=env)
    assert result.exit_code == 0 and "已为「区教育局」添加账户 小李（责任单位）" in result.output
    result = run(main, ["unit", "user", "小张", "--unit", "区不存在局"], env=env)
    assert result.exit_code == 1 and "没有名为「区不存在局」的牵头单位" in result.output
    listing = run(main, ["unit", "list"], env=env)
    assert "区教育局\t邮箱：jyj@example.org\t群机器人：企业微信（Markdown）" in listing.output
    assert session.scalar(sa.select(Unit.webhook_kind)) == "wecom"


def test_every_remind_setting_and_the_sample_schedules_are_documented():
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    source = "".join((root / "tracker" / p).read_text(encoding="utf-8")
                     for p in ("services/remind.py", "web/progress.py"))
    keys = set(re.findall(r'cfg\.get\("([A-Z_]+)"\)', source)) | set(re.findall(
        r'config(?:\.get\(|\.setdefault\(|\[)"([A-Z_]+)"', source))
    assert {"REMIND_BASE_URL", "SMTP_HOST", "REMIND_WEBHOOK_SECRET", "UPLOAD_MAX_BYTES", "UPLOAD_FOLDER"} <= keys
    docs = (root / "docs" / "remind.md").read_text(encoding="utf-8")
    readme = "".join(p.read_text(encoding="utf-8") for p in [root / "README.md", *sorted((root / "docs").glob("*.md"))])
    missing = [k for k in sorted(keys) if f"TRACKER_{k}" not in docs or f"TRACKER_{k}" not in readme]
    assert not missing, f"settings missing from docs/remind.md or README.md and docs/*.md: {missing}"
    ops = root / "docs" / "operations"
    assert "tracker remind" in (ops / "tracker-remind.service").read_text(encoding="utf-8")
    assert "OnCalendar=" in (ops / "tracker-remind.timer").read_text(encoding="utf-8")
    assert re.search(r"^30 8 \* \* 1-5 .*tracker remind", (ops / "tracker-remind.cron").read_text(encoding="utf-8"),
                     re.M)
