"""``tracker reextract`` after the rules change: the version is a hash of the extractor, every document
is read again, machine pledges are added, changed or retracted and counted so, and human work stays."""
from __future__ import annotations

import dataclasses
import re

import sqlalchemy as sa

from tracker.db.enums import ReviewState
from tracker.db.models import Document, Pledge, User
from tracker.services import workbench
from tracker.services.reextract import reextract_all


def test_extractor_version_is_a_hash_of_the_code_and_the_word_lists(tmp_path, monkeypatch):
    from tracker.extract import EXTRACTOR_VERSION, _code_version

    assert re.fullmatch(r"[0-9a-f]{12}", EXTRACTOR_VERSION)
    assert _code_version() == EXTRACTOR_VERSION  # the same files give the same version
    (tmp_path / "actions.txt").write_text("打通\n", encoding="utf-8")
    monkeypatch.setenv("TRACKER_LEXICON_DIR", str(tmp_path))
    assert _code_version() != EXTRACTOR_VERSION  # a user's added word list changes what is read


def test_changed_rules_refresh_machine_pledges_count_the_change_and_keep_human_work(
        session_factory, ingested, users):
    from tracker.extract import extract_document

    with session_factory() as s:
        editor = s.get(User, users["editor"])
        doc = s.scalars(sa.select(Document).order_by(Document.id)).first()
        mine = s.scalars(sa.select(Pledge).where(Pledge.document_id == doc.id).order_by(Pledge.start)).all()
        assert len(mine) >= 4, "the first seed should hold four pledges or more"
        confirmed, rejected, dropped, altered = mine[0], mine[1], mine[2], mine[3]
        workbench.confirm_pledge(s, confirmed.id, editor, version=None, changes={"object": "编辑改过的对象"})
        workbench.reject_pledge(s, rejected.id, editor, version=None, reason="不是承诺")
        s.commit()
        text = doc.text
        human = {confirmed.id: (ReviewState.CONFIRMED, "编辑改过的对象"), rejected.id: (ReviewState.REJECTED, rejected.object)}
        spans = {"dropped": (dropped.start, dropped.end), "altered": (altered.start, altered.end)}
        taken = [(p.start, p.end) for p in mine]

    # A free stretch of the first text (no pledge on it) where the new rules find one more pledge.
    free = next(i for i in range(len(text) - 8) if all(e <= i or s >= i + 8 for s, e in taken) and text[i:i + 8].strip())

    def new_rules(raw, published=None, **given):
        found = extract_document(raw, published=published, **given)
        if raw != text:
            return found
        out = []
        for c in found.candidates:
            if (c.start, c.end) == spans["dropped"]:
                continue  # no longer found: the untouched pending pledge is retracted
            if (c.start, c.end) == spans["altered"]:
                c = dataclasses.replace(c, object="新规则读出的对象")
            out.append(c)
        extra = dataclasses.replace(out[-1], quote=text[free:free + 8], start=free, end=free + 8)
        return dataclasses.replace(found, candidates=tuple(out) + (extra,))

    reports = reextract_all(session_factory, version="rules-2", extract=new_rules)
    assert [r.failed for r in reports] == [None] * len(reports)
    assert (sum(r.added for r in reports), sum(r.changed for r in reports), sum(r.retracted for r in reports)) == (1, 1, 1)

    with session_factory() as s:
        for pid, (state, obj) in human.items():
            p = s.get(Pledge, pid)
            assert (p.review_state, p.object) == (state, obj)
        assert s.scalar(sa.select(Pledge.object).where(Pledge.start == spans["altered"][0])) == "新规则读出的对象"
        assert s.scalar(sa.select(sa.func.count()).select_from(Pledge).where(Pledge.start == spans["dropped"][0])) == 0
        assert s.scalar(sa.select(sa.func.count()).select_from(Pledge).where(Pledge.start == free)) == 1

    # The same version again changes nothing.
    again = reextract_all(session_factory, version="rules-2", extract=new_rules)
    assert all(r.skipped for r in again) and sum(r.changed + r.added + r.retracted for r in again) == 0
