"""BulkInsert writes the rows an ORM insert would: same conversions, same defaults."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import sqlalchemy as sa

from tracker.db.bulk import BulkInsert
from tracker.db.enums import DocumentFormat, PledgeOrigin, Precision, QuantityRole, ReviewState, Status
from tracker.db.models import Candidate, Document, Pledge, Quantity


def test_bulk_rows_read_back_like_orm_rows(session):
    doc = Document(title="t", file_name="a.txt", format=DocumentFormat.TEXT, text="今年将新建幼儿园3所。",
                   sha256="s" * 64, raw_sha256="s" * 64, encoding="utf-8", extractor_version="1")
    session.add(doc)
    session.flush()
    BulkInsert(Candidate.__table__).execute(session.connection(), [
        {"document_id": doc.id, "extractor_version": "1", "ordinal": i, "start": 2, "end": 10, "quote": "将新建幼儿园3所",
         "district_name": None, "official_name": None, "official_title": None, "action": "新建", "object": "幼儿园",
         "qualifier": None, "deadline_raw": "今年", "due_on": dt.date(2021, 12, 31),
         "deadline_precision": Precision.YEAR, "deadline_inherited": i == 1,
         "quantities": [{"value": "3", "unit": "所", "raw": "3所"}], "confidence": 0.75, "cues": ["将"]}
        for i in range(2)])
    candidates = session.scalars(sa.select(Candidate).order_by(Candidate.ordinal)).all()
    assert [(c.due_on, c.deadline_precision, c.deadline_inherited, c.quantities, c.cues) for c in candidates] == [
        (dt.date(2021, 12, 31), Precision.YEAR, False, [{"value": "3", "unit": "所", "raw": "3所"}], ["将"]),
        (dt.date(2021, 12, 31), Precision.YEAR, True, [{"value": "3", "unit": "所", "raw": "3所"}], ["将"]),
    ]
    assert candidates[0].created_at.tzinfo is not None

    BulkInsert(Pledge.__table__).execute(session.connection(), [
        {"document_id": doc.id, "candidate_id": candidates[0].id, "origin": PledgeOrigin.MACHINE, "start": 2, "end": 10,
         "quote": "将新建幼儿园3所", "confidence": 0.75}])
    pledge = session.scalars(sa.select(Pledge)).one()
    assert (pledge.review_state, pledge.status, pledge.version_id, pledge.is_corrected) == (
        ReviewState.PENDING, Status.UNASSESSED, 1, False)  # the columns' defaults
    assert abs(pledge.updated_at - pledge.created_at) < dt.timedelta(seconds=1)
    assert pledge.created_at.utcoffset() == dt.timedelta(0)

    BulkInsert(Quantity.__table__).execute(session.connection(), [
        {"pledge_id": pledge.id, "position": 0, "value": Decimal("0.5"), "value_max": None, "unit": "ratio",
         "raw": "一半", "role": QuantityRole.RATIO, "start": None, "end": None}])
    session.expire_all()
    assert [(q.value, q.role) for q in session.get(Pledge, pledge.id).quantities] == [(Decimal("0.5"),
                                                                                      QuantityRole.RATIO)]
