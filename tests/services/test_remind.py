"""催办 digests: who gets what, sent to a real SMTP server and a real HTTP server on loopback."""
from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa

from remind_servers import DINGTALK_SECRET, smtp_server, webhook_server  # noqa: F401 (fixtures)
from remind_world import build
from tracker.db.enums import Channel, RecipientKind, WebhookKind
from tracker.db.models import Reminder
from tracker.services import remind

DAY = dt.date(2026, 6, 1)
BASE = "https://duban.example.gov.cn"


@pytest.fixture
def world(session):
    return build(session, DAY)


def _settings(**kw):
    return remind.Settings(base_url=BASE, smtp_from="duban@example.gov.cn", timeout=5, **kw)


def _by(deliveries, recipient, channel=Channel.EMAIL):
    return next(d for d in deliveries if d.recipient == recipient and d.channel is channel)


def test_each_unit_gets_its_own_red_yellow_and_due_pledges_and_reviewers_get_all(session, world):
    items = remind.items_due(session, DAY, 30)
    p = world.pledges
    assert [(i.row.id, i.reason) for i in items] == [
        (p["red"], "red"), (p["orphan"], "red"), (p["yellow"], "yellow"), (p["due"], "due")]
    assert not any(i.row.id in (p["far"], p["done"]) for i in items)
    deliveries = remind.plan(session, _settings(), day=DAY, days=30)
    assert sorted((d.recipient, d.channel.value) for d in deliveries) == [
        ("reviewer", "email"), ("区住建局", "email"), ("区教育局", "email")]
    assert [i.row.id for i in _by(deliveries, "区教育局").items] == [p["red"], p["yellow"]]
    assert [i.row.id for i in _by(deliveries, "区住建局").items] == [p["due"]]
    assert len(_by(deliveries, "reviewer").items) == 4
    # fewer days: the pledge due in 20 days is no longer listed
    assert [i.row.id for i in remind.items_due(session, DAY, 7)] == [p["red"], p["orphan"], p["yellow"]]
    assert remind.units_without_contact(session, day=DAY) == []


def test_an_email_digest_reaches_a_real_smtp_server_and_is_recorded_once_a_day(session, world, smtp_server):
    host, port, box = smtp_server
    settings = _settings(smtp_host=host, smtp_port=port)
    d = _by(remind.plan(session, settings, day=DAY), "区教育局")
    remind.deliver(d, settings)
    remind.record_sent(session, d)
    session.commit()
    (to, msg), = box.messages
    assert to == ["jyj@example.org"]
    assert msg["Subject"] == "【催办】区教育局：逾期 1 项、欠进度 1 项（2026-06-01）"
    body = msg.get_content()
    assert "[红·逾期 10 天]" in body and "[黄·欠进度]" in body
    assert f"{BASE}/pledges/{world.pledges['red']}" in body and f"{BASE}/progress/" in body
    assert f"{BASE}/progress/notices/{world.units['区教育局']}" in body
    rows = session.scalars(sa.select(Reminder).order_by(Reminder.id)).all()
    assert [(r.pledge_id, r.recipient, r.sent_on, r.channel, r.flag) for r in rows] == [
        (world.pledges["red"], "区教育局", DAY, Channel.EMAIL, "red"),
        (world.pledges["yellow"], "区教育局", DAY, Channel.EMAIL, "yellow")]
    again = remind.plan(session, settings, day=DAY)
    assert _by(again, "区教育局").already_sent and not _by(again, "区住建局").already_sent
    assert not _by(remind.plan(session, settings, day=DAY + dt.timedelta(days=1)), "区教育局").already_sent
    assert remind.counts(session, world.pledges.values()) == {world.pledges["red"]: 1, world.pledges["yellow"]: 1}


def test_a_refused_recipient_or_an_unreachable_server_is_a_chinese_failure(session, world, smtp_server):
    host, port, _ = smtp_server
    d = _by(remind.plan(session, _settings(), day=DAY), "区教育局")
    d.address = "refuse@example.org"
    with pytest.raises(remind.DeliveryError, match="拒收收件人"):
        remind.deliver(d, _settings(smtp_host=host, smtp_port=port))
    with pytest.raises(remind.DeliveryError, match="邮件发送失败"):
        remind.deliver(d, _settings(smtp_host="127.0.0.1", smtp_port=1))
    with pytest.raises(remind.DeliveryError, match="未配置邮件服务器"):
        remind.deliver(d, _settings())


def _robot_world(session, base):
    return build(session, DAY, unit_email={}, unit_webhook={
        "区教育局": (f"{base}/wecom?key=abc", "wecom", None),
        "区住建局": (f"{base}/dingtalk?access_token=t", "dingtalk", DINGTALK_SECRET)}, reviewer_email=None)


def test_group_robots_get_their_own_message_formats(session, webhook_server):
    base, robots = webhook_server
    world = _robot_world(session, base)
    settings = _settings(office_webhook_url=f"{base}/wecom-text", office_webhook_kind=WebhookKind.WECOM_TEXT)
    deliveries = remind.plan(session, settings, day=DAY)
    assert sorted((d.recipient, d.channel.value) for d in deliveries) == [
        ("区住建局", "webhook"), ("区教育局", "webhook"), (remind.OFFICE_ROBOT, "webhook")]
    for d in deliveries:
        remind.deliver(d, settings)
    by_path = {path: (query, body) for path, query, _, body in robots.requests}
    query, wecom = by_path["/wecom"]
    assert query == {"key": "abc"} and wecom["msgtype"] == "markdown"
    assert '<font color="warning">［红·逾期 10 天］' in wecom["markdown"]["content"]
    assert f"[查看]({BASE}/pledges/{world.pledges['red']})" in wecom["markdown"]["content"]
    query, ding = by_path["/dingtalk"]
    assert ding["msgtype"] == "markdown" and ding["markdown"]["title"].startswith("【催办】区住建局")
    assert set(query) == {"access_token", "timestamp", "sign"}  # the server checked the signature: errcode 0
    _, text = by_path["/wecom-text"]
    assert text["msgtype"] == "text" and "逾期 2 项" in text["text"]["content"]
    assert all(h["Content-Type"] == "application/json; charset=utf-8" for _, _, h, _ in robots.requests)


def test_a_wrong_signature_an_http_error_and_a_long_digest(session, webhook_server):
    base, robots = webhook_server
    _robot_world(session, base)
    d = _by(remind.plan(session, _settings(), day=DAY), "区住建局", Channel.WEBHOOK)
    d.webhook_secret = "SECwrong"
    with pytest.raises(remind.DeliveryError, match="拒收：errcode=310000 sign not match"):
        remind.deliver(d, _settings())
    d.address = f"{base}/broken"
    with pytest.raises(remind.DeliveryError, match="HTTP 500"):
        remind.deliver(d, _settings())
    d.address, d.webhook_kind = f"{base}/json", WebhookKind.JSON
    remind.deliver(d, _settings())
    body = robots.requests[-1][3]
    assert body["recipient"] == "区住建局" and body["items"][0]["reason_label"] == "即将到期"
    # a digest longer than the robot takes is cut, saying how many were left off
    d.items = d.items * 200
    d.webhook_kind = WebhookKind.WECOM
    content = remind.payload(d, _settings())["markdown"]["content"]
    assert len(content.encode()) <= remind.WEBHOOK_LIMITS[WebhookKind.WECOM] and "……另有" in content


def test_the_dingtalk_signature_is_the_documented_one():
    # timestamp + "\n" + secret, HMAC-SHA256 with the secret, base64, then URL-encoded
    url = remind.dingtalk_signed_url("https://oapi.dingtalk.com/robot/send?access_token=x", "SECabc",
                                     timestamp_ms=1700000000000)
    assert url == ("https://oapi.dingtalk.com/robot/send?access_token=x&timestamp=1700000000000"
                   "&sign=jcUpW0QmtKduN03n4JqQ0PBosVjqnM8gU7fIIvsDmCM%3D")


def test_recorded_reminders_read_back_per_day_and_recipient(session, world):
    d = _by(remind.plan(session, _settings(), day=DAY), "区教育局")
    remind.record_sent(session, d)
    d.channel = Channel.WEBHOOK
    remind.record_sent(session, d)
    lines = remind.grouped(remind.reminders_of(session, world.pledges["red"]))
    assert lines == [(DAY, "牵头单位「区教育局」", ["电子邮件", "群机器人"])]
    assert remind.counts(session, [world.pledges["red"]]) == {world.pledges["red"]: 1}
    assert session.scalar(sa.select(sa.func.count()).select_from(Reminder)
                          .where(Reminder.recipient_kind == RecipientKind.UNIT)) == 4


def test_the_ledger_and_every_export_count_the_days_a_unit_was_chased(session, world):
    import io

    from openpyxl import load_workbook

    from tracker.services import exports, listing

    d = _by(remind.plan(session, _settings(), day=DAY), "区教育局")
    remind.record_sent(session, d)
    d.channel = Channel.WEBHOOK
    remind.record_sent(session, d)  # the same day by another channel: still one 催办
    d.day = DAY + dt.timedelta(days=1)
    remind.record_sent(session, d)
    reviewer_copy = _by(remind.plan(session, _settings(), day=DAY), "reviewer")
    remind.record_sent(session, reviewer_copy)  # a reviewer's digest is no 催办 of the unit
    session.commit()
    today = DAY + dt.timedelta(days=1)
    f = listing.parse_filters(session, {}, today=today)
    counts = {r.id: r.reminders for r in listing.iter_rows(session, f)}
    p = world.pledges
    assert counts[p["red"]] == 2 and counts[p["yellow"]] == 2 and counts[p["due"]] == 0 and counts[p["orphan"]] == 0
    # as of the first day, one (the pledges were recorded long before)
    from tracker.db.models import Pledge

    session.execute(sa.update(Pledge).values(created_at=dt.datetime(2025, 1, 1, tzinfo=dt.timezone.utc)))
    session.commit()
    f_then = listing.parse_filters(session, {"as_of": DAY.isoformat()}, today=today)
    assert {r.id: r.reminders for r in listing.iter_rows(session, f_then)}[p["red"]] == 1
    assert exports.LABELS["reminders"] == "催办次数" and exports.COLUMN_KEYS[-1] == "reminders"
    item = exports.json_item(next(r for r in listing.iter_rows(session, f) if r.id == p["red"]))
    assert item["reminders"] == 2
    out = io.BytesIO()
    exports.write_ledger(listing.iter_rows(session, listing.parse_filters(session, {"unit": "区教育局"}, today=today)),
                         out, f)
    sheet = load_workbook(io.BytesIO(out.getvalue()))["台账"]
    rows = list(sheet.iter_rows(values_only=True))
    header = next(r for r in rows if r and r[0] == "序号")
    assert header[-1] == "催办次数"
    by_task = {r[1]: r[-1] for r in rows[rows.index(header) + 1:] if r and r[1]}
    assert by_task["年底前新建幼儿园3所"] == 2 and by_task["建成学校食堂5处"] == 0
