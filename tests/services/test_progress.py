"""Units report progress on their own pledges; only a reviewer turns a report into a status."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
import sqlalchemy as sa

from remind_world import build, user
from tracker.db.enums import ReportState, Status, StatusEventKind, UserRole
from tracker.db.models import Pledge, ProgressReport, StatusEvent
from tracker.services import progress, users
from tracker.services.errors import NotAllowed, ServiceError

DAY = dt.date(2026, 6, 1)
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def world(session):
    return build(session, DAY)


def _submit(session, world, name="jyj", key="red", tmp=None, **kw):
    kw.setdefault("note", "三所幼儿园已完成主体施工")
    kw.setdefault("as_of_on", DAY)
    return progress.submit_report(session, user(session, name), world.pledges[key], today=DAY, folder=tmp, **kw)


def test_a_unit_reports_on_its_own_pledge_and_nothing_changes_until_a_reviewer_accepts(session, world, tmp_path):
    report = _submit(session, world, achieved_value="2", evidence_url="https://jyj.example.org/1",
                     upload=progress.Upload("进展/../照片.pdf", PDF), tmp=tmp_path)
    session.commit()
    pledge = session.get(Pledge, world.pledges["red"])
    assert report.state is ReportState.SUBMITTED
    assert pledge.status is Status.IN_PROGRESS and pledge.quantities[0].achieved_value is None
    assert session.scalar(sa.select(sa.func.count()).select_from(StatusEvent)) == 0
    # the file is kept by its digest, under the folder, never by the name given
    assert report.file_name == "照片.pdf" and report.file_type == "application/pdf" and report.file_size == len(PDF)
    assert progress.file_path(tmp_path, report.file_sha256).read_bytes() == PDF

    event = progress.accept_report(session, report.id, user(session, "reviewer"), Status.IN_PROGRESS, today=DAY)
    session.commit()
    session.refresh(pledge)
    assert event.kind is StatusEventKind.EFFECTIVE and event.achieved_value == Decimal("2")
    assert pledge.quantities[0].achieved_value == Decimal("2") and pledge.status_on == DAY
    assert "采纳区教育局报送" in event.note and event.evidence_url == "https://jyj.example.org/1"
    assert report.state is ReportState.ACCEPTED and report.status_event_id == event.id


def test_a_unit_cannot_report_on_another_units_pledge_or_one_without_a_unit(session, world):
    for key in ("due", "orphan"):
        with pytest.raises(NotAllowed):
            _submit(session, world, key=key)
    with pytest.raises(NotAllowed):
        progress.own_pledge(session, user(session, "jyj"), 999_999)


@pytest.mark.parametrize("name", ["reviewer", "editor", "admin"])
def test_only_unit_accounts_report(session, world, name):
    with pytest.raises(NotAllowed):
        _submit(session, world, name=name)


def test_a_unit_cannot_accept_or_return_reports(session, world):
    report = _submit(session, world)
    for who in ("jyj", "zjj", "editor"):
        with pytest.raises(NotAllowed):
            progress.accept_report(session, report.id, user(session, who), Status.DONE, today=DAY)
        with pytest.raises(NotAllowed):
            progress.return_report(session, report.id, user(session, who), "不行")


def test_a_returned_report_says_why_and_cannot_then_be_accepted(session, world):
    report = _submit(session, world)
    with pytest.raises(ServiceError, match="理由"):
        progress.return_report(session, report.id, user(session, "reviewer"), "  ")
    progress.return_report(session, report.id, user(session, "reviewer"), "缺少佐证材料")
    assert report.state is ReportState.RETURNED and report.return_reason == "缺少佐证材料"
    with pytest.raises(ServiceError, match="已退回"):
        progress.accept_report(session, report.id, user(session, "reviewer"), Status.IN_PROGRESS, today=DAY)
    assert session.get(Pledge, world.pledges["red"]).status is Status.IN_PROGRESS


def test_accepting_as_done_takes_the_attached_file_as_evidence(session, world, tmp_path):
    report = _submit(session, world, upload=progress.Upload("验收.pdf", PDF), tmp=tmp_path)
    event = progress.accept_report(session, report.id, user(session, "reviewer"), Status.DONE,
                                   file_url="https://tracker.example.org/progress/1/file", today=DAY)
    assert event.new_status is Status.DONE and event.evidence_url.endswith("/progress/1/file")


def test_accepting_as_done_without_any_evidence_is_refused_by_the_status_rules(session, world):
    report = _submit(session, world)
    with pytest.raises(ServiceError, match="佐证"):
        progress.accept_report(session, report.id, user(session, "reviewer"), Status.DONE, today=DAY)


@pytest.mark.parametrize("name, data, message", [
    ("a.exe", b"MZ\x90\x00", "不受支持"),
    ("scan.pdf", b"<html><script>alert(1)</script>", "内容不是PDF"),
    ("photo.png", b"\xff\xd8\xff\xe0JFIF", "内容不是PNG"),
    ("empty.pdf", b"", "空文件"),
    ("noext", b"%PDF-1.4", "无后缀"),
])
def test_files_of_the_wrong_type_are_refused_and_nothing_is_stored(session, world, tmp_path, name, data, message):
    folder = tmp_path / "uploads"
    with pytest.raises(ServiceError, match=message):
        _submit(session, world, upload=progress.Upload(name, data), tmp=folder)
    assert not folder.exists()


def test_a_file_over_the_limit_is_refused(session, world, tmp_path):
    with pytest.raises(ServiceError, match="附件过大"):
        _submit(session, world, upload=progress.Upload("big.pdf", PDF + b"0" * 2048), tmp=tmp_path, max_bytes=1024)


@pytest.mark.parametrize("field, value, message", [
    ("note", " ", "进展说明"), ("achieved_value", "-1", "负数"), ("achieved_value", "三", "数字"),
    ("achieved_value", "1e30", "超出范围"), ("evidence_url", "javascript:alert(1)", "网址"),
    ("as_of_on", DAY + dt.timedelta(days=1), "晚于今天"),
])
def test_bad_reports_get_a_chinese_reason(session, world, field, value, message):
    with pytest.raises(ServiceError, match=message):
        _submit(session, world, **{field: value})
    assert session.scalar(sa.select(sa.func.count()).select_from(ProgressReport)) == 0


def test_a_unit_account_needs_a_unit_and_the_database_holds_it(session, world):
    with pytest.raises(ServiceError, match="所属单位"):
        users.create_user(session, "nobody", "password-123", UserRole.UNIT)
    with pytest.raises(ServiceError, match="没有名为"):
        progress.create_unit_user(session, "x", "password-123", "区不存在局")
    with pytest.raises(ServiceError, match="所属单位"):
        users.set_role(session, world.users["editor"], UserRole.UNIT, by=user(session, "admin"))
    session.execute(sa.text('UPDATE "user" SET unit_id = NULL WHERE name = \'editor\''))
    with pytest.raises(sa.exc.IntegrityError):
        session.execute(sa.text('UPDATE "user" SET role = \'unit\' WHERE name = \'editor\''))
        session.flush()
    session.rollback()


def test_unit_contacts_are_checked(session, world):
    with pytest.raises(ServiceError, match="电子邮件"):
        progress.save_unit(session, "区教育局", email="not an address")
    with pytest.raises(ServiceError, match="http"):
        progress.save_unit(session, "区教育局", webhook_url="ftp://x")
    unit = progress.save_unit(session, "区教育局", email="a@example.org；b@example.org")
    assert unit.email == "a@example.org, b@example.org"
