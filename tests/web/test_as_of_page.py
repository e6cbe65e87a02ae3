"""``?as_of=`` on the list page and its exports: the table as it stood that day, rebuilt from the
history of tests/as_of_script.py, equals what the page would have shown then."""
from __future__ import annotations

import json
import re

import pytest

from as_of_script import DAYS, play
from tracker.services import exports, listing
from web_helpers import BOTH

pytestmark = pytest.mark.parametrize("backend", BOTH, indirect=True)


def _snapshot(session, day):
    f = listing.parse_filters(session, {"review_state": "all"}, today=day)
    return [exports.json_item(r) for r in listing.iter_rows(session, f)]


@pytest.fixture
def script(seeded_url, session_factory):
    return play(session_factory, _snapshot)


def test_the_list_page_and_its_json_as_of_each_day(client, script):
    document = script["document"]
    for day in DAYS:
        expected = [item for item in script["snapshots"][day] if item["document_id"] == document]
        query = f"as_of={day.isoformat()}&review_state=all&document={document}"
        page = client.get(f"/reports/?{query}")
        assert page.status_code == 200
        text = page.get_data(as_text=True)
        assert f"截至 = {day.isoformat()}" in text
        assert [int(i) for i in re.findall(r'<tr id="row-(\d+)"', text)] == [item["id"] for item in expected], day
        data = json.loads(client.get(f"/reports/export.json?{query}").get_data())
        assert data["as_of"] == day.isoformat() and data["items"] == expected, day


def test_the_page_shows_a_field_as_it_was_before_a_later_correction(client, script):
    b = script["ids"]["B"]
    query = f"review_state=all&document={script['document']}"

    def row(day):
        text = client.get(f"/reports/?{query}&as_of={day.isoformat()}").get_data(as_text=True)
        return re.search(rf'<tr id="row-{b}".*?</tr>', text, re.S).group(0)

    first, second = row(DAYS[0]), row(DAYS[1])
    assert "住建局" in first and "25个" in first and "2024-09-30" in first and "城管局" not in first
    assert "城管局" in second and "25–30个" in second and "马晓磊" in second
