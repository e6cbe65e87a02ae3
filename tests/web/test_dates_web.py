"""The list's filter form reads a day as the command line and manifest.csv do, with the same messages."""
from __future__ import annotations

import pytest

from tracker.services import dates


@pytest.mark.parametrize("text, message", [
    ("2026-02-30", dates.nonexistent("完成时限不早于", "2026-02-30")),
    ("明年", dates.unreadable("完成时限不早于", "明年")),
])
def test_the_filter_form_says_it(client, text, message):
    response = client.get("/pledges/", query_string={"due_from": text})
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)


def test_the_filter_form_reads_the_chinese_form(client):
    response = client.get("/pledges/", query_string={"due_from": "2021年3月1日"})
    assert response.status_code == 200
    assert "完成时限不早于 = 2021-03-01" in response.get_data(as_text=True)
