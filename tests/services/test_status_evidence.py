"""Evidence from a later document in the database, checked by ``status.set_status``."""
from __future__ import annotations

import datetime as dt

import pytest

from ledger_history import build
from tracker.db.enums import DocumentFormat, Status
from tracker.db.models import Document, Pledge, StatusEvent, User
from tracker.reading import sha256_text
from tracker.services import status
from tracker.services.errors import ServiceError

TODAY = dt.date(2024, 7, 20)


def _document(s, published_on, text):
    doc = Document(title=f"跟踪报道{published_on}", file_name=f"{published_on}.txt", format=DocumentFormat.TEXT,
                   published_on=published_on, text=text, sha256=sha256_text(text), raw_sha256=sha256_text(text),
                   encoding="utf-8", extractor_version="test")
    s.add(doc)
    s.flush()
    return doc


@pytest.fixture
def history(session_factory):
    return build(session_factory)


def test_a_later_document_in_the_database_is_evidence(session_factory, history):
    with session_factory() as s:
        text = "截至7月，全区7月10日前建成口袋公园8个，全部投入使用。"
        later = _document(s, dt.date(2024, 7, 16), text)
        pledge = s.get(Pledge, history["ids"]["late"])
        reviewer = s.get(User, history["users"]["ledger_reviewer"])
        start = text.index("建成口袋公园8个")
        event = status.set_status(s, pledge, reviewer, status.StatusChange(
                Status.DONE, as_of_on=dt.date(2024, 7, 16), evidence_document_id=later.id, evidence_quote="建成口袋公园8个",
                evidence_start=start, evidence_end=start + 8), today=TODAY)
        s.commit()
        assert (event.evidence_document_id, pledge.status) == (later.id, Status.DONE)


@pytest.mark.parametrize("case, message", [
    ("missing", "没有编号为"), ("earlier", "早于承诺出处"), ("outside", "不在该文档正文之内"),
])
def test_bad_document_evidence_is_refused_and_changes_nothing(session_factory, history, case, message):
    with session_factory() as s:
        earlier = _document(s, dt.date(2023, 12, 1), "去年的报道。")
        later = _document(s, dt.date(2024, 7, 16), "后续报道。")
        document_id, span = {"missing": (999_999, (None, None)), "earlier": (earlier.id, (None, None)),
                             "outside": (later.id, (2, 99))}[case]
        pledge = s.get(Pledge, history["ids"]["late"])
        with pytest.raises(ServiceError, match=message):
            status.set_status(s, pledge, s.get(User, history["users"]["ledger_reviewer"]), status.StatusChange(
                    Status.DONE, as_of_on=TODAY, evidence_document_id=document_id, evidence_start=span[0],
                    evidence_end=span[1]), today=TODAY)
        assert pledge.status is Status.UNASSESSED
        assert s.query(StatusEvent).filter_by(pledge_id=pledge.id).count() == 0
