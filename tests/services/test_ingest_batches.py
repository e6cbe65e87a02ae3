"""Ingest stores a batch of documents in one transaction, on SQLite and PostgreSQL, and keeps the
one-document guarantees: a document that fails leaves nothing and the others land; an outcome
is reported only once its document is committed; a crash loses the uncommitted batch whole,
and the next run ingests it; the same text twice in one batch is stored once."""
from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa

import tracker.services.ingest as ingest
from tests.services.files import PLEDGE_TEXT
from tests.services.test_ingest import DOCUMENT_TABLES, by_state, counts
from tracker.db.models import AuditEvent, Candidate, District, Document, Official, OfficialTitle, Pledge, Quantity
from tracker.extract import Candidate as Found, Official as Person, Quantity as Q, Role, extract_document
from tracker.services.ingest import ingest_paths

TEXTS = {
    "a.txt": PLEDGE_TEXT,
    "b.txt": "淄川区将改造城市干道11条。\n",
    "c.txt": "临淄区年内建设20个中心村卫生室。\n",
}


def _with_new_places(text, published=None, *, bad: bool = False):
    """The real extractor's output plus a pledge naming a district and a person no row has yet
    (the resolver creates them in the batch's transaction); with ``bad``, also a candidate the
    database refuses (its span runs backwards)."""
    doc = extract_document(text, published=published)
    q = (Q(value=3, unit="所", raw="3所", start=0, end=2, role=Role.COUNT),)
    found = [*doc.candidates, Found(text[:4], 0, 4, q, district="新城区", official=Person("王新", "新城区区长"))]
    if bad:
        found.append(Found("x", 5, 2, q))
    return type(doc)(doc.text, doc.blocks, tuple(found), doc.published, doc.published_source)


def _folder(tmp_path, texts=TEXTS):
    folder = tmp_path / "docs"
    folder.mkdir()
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_a_failing_document_in_a_batch_leaves_nothing_and_the_others_land(session_factory, tmp_path):
    folder = _folder(tmp_path)

    def extract(text, published=None):
        return _with_new_places(text, published, bad=text == TEXTS["b.txt"])

    summary = ingest_paths(session_factory, [folder], extract=extract)
    states = by_state(summary)
    assert states == {"new": ["a.txt", "c.txt"], "failed": ["b.txt"]}
    assert "ck_candidate_span" in summary.outcomes[1].reason
    with session_factory() as s:
        docs = s.execute(sa.select(Document.file_name, Document.id).order_by(Document.file_name)).all()
        assert [name for name, _ in docs] == ["a.txt", "c.txt"]
        ids = {id_ for _, id_ in docs}
        for model in (Candidate, Pledge):
            assert set(s.scalars(sa.select(model.document_id))) == ids
        assert s.scalar(sa.select(sa.func.count(Pledge.id))) == summary.pledges
        assert set(s.scalars(sa.select(AuditEvent.entity_id).where(AuditEvent.entity == "document"))) == ids
        assert s.scalar(sa.select(sa.func.count(Quantity.id))) >= summary.pledges
        # The district and person the rolled-back attempt created were made again, once, and are used.
        xincheng = s.scalars(sa.select(District).where(District.name == "新城区")).one()
        person = s.scalars(sa.select(Official).where(Official.name == "王新")).one()
        assert s.scalars(sa.select(OfficialTitle.title).where(OfficialTitle.official_id == person.id)).all() == [
            "新城区区长"]
        placed = s.execute(sa.select(Pledge.document_id).where(Pledge.district_id == xincheng.id,
                                                               Pledge.official_id == person.id)).scalars().all()
        assert sorted(placed) == sorted(ids)


def test_a_failure_after_new_places_were_made_rolls_them_back_with_the_batch(session_factory, tmp_path,
                                                                              monkeypatch):
    """The last statement of the batch fails for one document, after the resolver has made a new
    district, person and title in the batch's transaction: they are made again for the others."""
    folder = _folder(tmp_path)
    real = ingest._INSERT_AUDIT.execute

    def audit(connection, rows):
        if any(r["new"]["file_name"] == "b.txt" for r in rows):
            raise RuntimeError("disk on fire")
        real(connection, rows)

    monkeypatch.setattr(ingest._INSERT_AUDIT, "execute", audit)
    summary = ingest_paths(session_factory, [folder], extract=_with_new_places)
    assert [(o.state, o.reason) for o in summary.outcomes] == [
        ("new", None), ("failed", "disk on fire"), ("new", None)]
    with session_factory() as s:
        ids = set(s.scalars(sa.select(Document.id)))
        assert len(ids) == 2 and set(s.scalars(sa.select(Pledge.document_id))) == ids
        xincheng = s.scalars(sa.select(District).where(District.name == "新城区")).one()
        person = s.scalars(sa.select(Official).where(Official.name == "王新")).one()
        assert s.scalars(sa.select(OfficialTitle.title).where(OfficialTitle.official_id == person.id)).all() == [
            "新城区区长"]
        placed = s.scalars(sa.select(Pledge.document_id).where(Pledge.district_id == xincheng.id,
                                                               Pledge.official_id == person.id)).all()
        assert sorted(placed) == sorted(ids)


def test_every_document_of_a_batch_failing_leaves_no_rows(session_factory, tmp_path):
    folder = _folder(tmp_path)
    summary = ingest_paths(session_factory, [folder], extract=lambda t, published=None: _with_new_places(
        t, published, bad=True))
    assert by_state(summary) == {"failed": ["a.txt", "b.txt", "c.txt"]}
    with session_factory() as s:
        assert all(counts(s)[t] == 0 for t in DOCUMENT_TABLES)
        assert s.scalar(sa.select(sa.func.count(District.id)).where(District.name == "新城区")) == 0


def test_an_outcome_is_reported_only_once_its_document_is_committed(session_factory, tmp_path):
    folder = _folder(tmp_path)
    seen = []

    def on_outcome(outcome):
        with session_factory() as other:  # another connection sees only what is committed
            committed = other.scalar(sa.select(Document.id).where(Document.id == outcome.document_id))
        seen.append((outcome.state, committed == outcome.document_id))

    ingest_paths(session_factory, [folder], on_outcome=on_outcome)
    assert seen == [("new", True)] * 3


def test_a_crash_while_storing_a_batch_leaves_none_of_it_and_the_next_run_ingests_it(
        session_factory, tmp_path, monkeypatch):
    folder = _folder(tmp_path)
    seen = []

    def crash(connection, rows):
        raise KeyboardInterrupt  # as a kill would: not an error ingest may catch and go on from

    monkeypatch.setattr(ingest._INSERT_AUDIT, "execute", crash)  # the last insert of a batch
    with pytest.raises(KeyboardInterrupt):
        ingest_paths(session_factory, [folder], on_outcome=seen.append)
    assert seen == []  # nothing was reported stored
    with session_factory() as s:
        assert all(counts(s)[t] == 0 for t in DOCUMENT_TABLES)
    monkeypatch.undo()
    summary = ingest_paths(session_factory, [folder])
    assert by_state(summary) == {"new": ["a.txt", "b.txt", "c.txt"]}


def test_batches_smaller_than_the_run_store_every_document_once(session_factory, seeds_dir, monkeypatch):
    monkeypatch.setattr(ingest, "READ_AHEAD", 2)
    first = ingest_paths(session_factory, [seeds_dir])
    again = ingest_paths(session_factory, [seeds_dir])
    assert (first.new, again.unchanged) == (5, 5)
    with session_factory() as s:
        assert s.scalar(sa.select(sa.func.count(Document.id))) == 5
        assert s.scalar(sa.select(sa.func.count(Pledge.id))) == first.pledges
        assert s.scalar(sa.select(sa.func.count(Candidate.id))) == first.pledges
        # Every pledge points at its own document's candidate.
        assert s.scalar(sa.select(sa.func.count()).select_from(Pledge).join(
            Candidate, Candidate.id == Pledge.candidate_id).where(Candidate.document_id != Pledge.document_id)) == 0


def test_the_same_text_twice_in_one_batch_is_stored_once(session_factory, tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_text(PLEDGE_TEXT, encoding="utf-8")
    (folder / "b.txt").write_bytes(PLEDGE_TEXT.encode("gb18030"))  # another encoding, the same text
    (folder / "c.txt").write_text(PLEDGE_TEXT, encoding="utf-8")  # the same bytes
    (folder / "d.txt").write_text(TEXTS["b.txt"], encoding="utf-8")
    summary = ingest_paths(session_factory, [folder], published=dt.date(2021, 1, 15))
    assert [(o.path.rsplit("/", 1)[-1], o.state) for o in summary.outcomes] == [
        ("a.txt", "new"), ("b.txt", "unchanged"), ("c.txt", "unchanged"), ("d.txt", "new")]
    assert len({summary.outcomes[i].document_id for i in range(3)}) == 1
    with session_factory() as s:
        assert s.scalar(sa.select(sa.func.count(Document.id))) == 2


def test_known_text_in_another_encoding_is_unchanged_without_failing_the_batch(session_factory, tmp_path):
    folder = _folder(tmp_path)
    ingest_paths(session_factory, [folder / "a.txt"])
    (folder / "a.txt").write_bytes(PLEDGE_TEXT.encode("gb18030"))
    summary = ingest_paths(session_factory, [folder])
    assert by_state(summary) == {"unchanged": ["a.txt"], "new": ["b.txt", "c.txt"]}
