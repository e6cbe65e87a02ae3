"""The database holds its invariants itself, the same on SQLite and PostgreSQL."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError, StatementError
from sqlalchemy.orm.exc import StaleDataError

from tracker.db.enums import DocumentFormat, ReviewState, Status
from tracker.db.models import Document, Pledge, Quantity


def _document(session, text="今年将新建幼儿园3所。", sha="a" * 64) -> Document:
    doc = Document(title="t", file_name="a.txt", format=DocumentFormat.TEXT, text=text, sha256=sha,
                   raw_sha256=sha, encoding="utf-8", extractor_version="1")
    session.add(doc)
    session.flush()
    return doc


def _pledge(doc, **kw) -> Pledge:
    fields = dict(document=doc, start=0, end=5, quote="今年将新建")
    fields.update(kw)
    return Pledge(**fields)


@pytest.mark.parametrize("start,end", [(-1, 3), (5, 5), (6, 2)])
def test_a_span_must_run_forward_from_zero(session, start, end):
    doc = _document(session)
    session.add(_pledge(doc, start=start, end=end))
    with pytest.raises(IntegrityError, match="(?i)ck_pledge_span"):
        session.flush()


def test_an_enum_column_refuses_a_value_outside_its_check_constraint(session):
    doc = _document(session)
    pledge = _pledge(doc)
    session.add(pledge)
    session.flush()
    with pytest.raises(IntegrityError, match="(?i)ck_pledge_status"):
        session.execute(sa.text("UPDATE pledge SET status = 'finished' WHERE id = :id"), {"id": pledge.id})


def test_the_orm_refuses_a_string_that_is_not_a_member(session):
    doc = _document(session)
    session.add(_pledge(doc, review_state="maybe"))
    with pytest.raises(StatementError, match="maybe"):
        session.flush()


def test_same_text_twice_violates_the_sha256_unique_constraint(session):
    _document(session)
    with pytest.raises(IntegrityError, match="(?i)uq_document_sha256|unique"):
        _document(session)


def test_foreign_keys_are_enforced(session):
    session.add(_pledge(None, document_id=999_999))
    with pytest.raises(IntegrityError):
        session.flush()


def test_quantities_come_back_as_exact_decimals(session):
    doc = _document(session)
    pledge = _pledge(doc)
    pledge.quantities = [
        Quantity(position=0, value=Decimal("417"), unit="亿元", raw="417亿元"),
        Quantity(position=1, value=Decimal("0.1"), value_max=Decimal("12345678901234567.5"), unit="%", raw="0.1%"),
    ]
    session.add(pledge)
    session.commit()
    session.expunge_all()
    values = session.execute(sa.select(Quantity.value, Quantity.value_max).order_by(Quantity.position)).all()
    assert values == [(Decimal("417"), None), (Decimal("0.1"), Decimal("12345678901234567.5"))]
    assert str(values[1][0]) == "0.1"


def test_timestamps_come_back_aware_in_utc(session):
    doc = _document(session)
    beijing = dt.timezone(dt.timedelta(hours=8))
    doc.ingested_at = dt.datetime(2024, 1, 1, 8, 0, tzinfo=beijing)
    session.commit()
    session.expunge_all()
    got = session.scalar(sa.select(Document.ingested_at))
    assert got == dt.datetime(2024, 1, 1, 0, 0, tzinfo=dt.timezone.utc)
    assert got.utcoffset() == dt.timedelta(0)


def test_a_stale_version_is_refused(session_factory):
    with session_factory() as s:
        doc = _document(s)
        s.add(_pledge(doc))
        s.commit()
    # As in the web app: each side read the pledge in its own, finished transaction.
    with session_factory() as first, session_factory() as second:
        mine = first.scalars(sa.select(Pledge)).one()
        first.commit()
        theirs = second.scalars(sa.select(Pledge)).one()
        theirs.status = Status.IN_PROGRESS
        second.commit()
        mine.review_state = ReviewState.CONFIRMED
        with pytest.raises(StaleDataError):
            first.commit()
    with session_factory() as s:
        pledge = s.scalars(sa.select(Pledge)).one()
        assert (pledge.status, pledge.review_state, pledge.version_id) == (Status.IN_PROGRESS, ReviewState.PENDING, 2)


def test_labels_are_chinese_and_round_trip():
    assert Status.MISSED.label == "未完成"
    assert Status.from_label("部分完成") is Status.PARTLY_DONE
    assert ReviewState.choices()[0] == ("pending", "待核实")
    assert all(member.label for enum in (Status, ReviewState) for member in enum)


def test_sqlite_read_then_write_waits_for_a_concurrent_writer_with_begin_immediate(tmp_path, sqlite_template):
    """Deferred BEGIN: a commit between our read and our write fails us at once; ``write=True``
    (BEGIN IMMEDIATE) makes the other writer wait for us instead (what a request that reads, then
    saves, needs)."""
    import shutil

    from sqlalchemy.exc import OperationalError

    from tracker.db.engine import make_engine

    path = tmp_path / "db.sqlite3"
    shutil.copyfile(sqlite_template, path)
    url = f"sqlite:///{path}"
    ours = make_engine(url)
    theirs = make_engine(url, connect_args={"timeout": 0})
    try:
        with theirs.connect() as other:
            other.exec_driver_sql("PRAGMA busy_timeout = 0")
            other.commit()
            for mode, their_write_goes_through in (("", True), ("IMMEDIATE", False)):
                with ours.connect() as conn:
                    conn = conn.execution_options(write=True) if mode else conn
                    with conn.begin():
                        conn.exec_driver_sql("SELECT count(*) FROM user").scalar()
                        try:
                            other.exec_driver_sql(
                                "INSERT INTO user (name, password_hash, role, is_active, created_at) "
                                f"VALUES ('u{mode}', 'x', 'reader', 1, '2024-01-01 00:00:00')")
                            other.commit()
                            went_through = True
                        except OperationalError:
                            other.rollback()
                            went_through = False
                        assert went_through is their_write_goes_through
                        if went_through:  # our snapshot is stale: our write cannot happen
                            with pytest.raises(OperationalError, match="locked"):
                                conn.exec_driver_sql("UPDATE user SET is_active = 1")
                        else:
                            conn.exec_driver_sql("UPDATE user SET is_active = 1")
    finally:
        ours.dispose()
        theirs.dispose()
