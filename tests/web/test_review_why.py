"""The review screen's machine reading names, per field, the rule that decided it, in Chinese."""
from __future__ import annotations

import re

import sqlalchemy as sa

from test_vocabulary import code_words, visible_text
from web_helpers import login


def test_machine_reading_shows_each_fields_rule_by_its_chinese_label(client, db):
    from tracker.db.models import Candidate, Pledge
    from tracker.extract import rules

    pledge = db.scalar(sa.select(Pledge).where(Pledge.object == "幼儿园"))
    db.execute(sa.update(Candidate).where(Candidate.id == pledge.candidate_id).values(
        cues=["将", "deadline=list_lead_inherits", "official=credited_in_text", "district=no_rule"]))
    db.commit()
    login(client, "editor")
    html = client.get(f"/review/{pledge.id}").get_data(as_text=True)
    shown = visible_text(html)
    labels = rules.labels()
    assert f"时限：依据「{labels['list_lead_inherits']}」" in shown
    assert f"责任领导：依据「{labels['credited_in_text']}」" in shown and "区县：依据「无依据」" in shown
    assert re.search(r'data-rule="list_lead_inherits"', html)
    assert "list_lead_inherits" not in shown and "credited_in_text" not in shown  # the id only in data-rule
    assert not code_words(shown) - {"editor"}  # the account's login name, not a code the page wrote
    assert "线索" in shown and "将" in shown


def test_every_rule_has_a_short_chinese_label():
    from tracker.extract import rules

    labels = rules.labels()
    assert len(labels) > 40
    assert all(re.search(r"[\u4e00-\u9fff]", label) and len(label) <= 12 for label in labels.values()), labels
