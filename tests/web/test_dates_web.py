"""The web's forms read a day as the command line and manifest.csv do, with the same messages: the
list's filters and the forms' date fields (forms.DayField)."""
from __future__ import annotations

import pytest
from flask import Flask
from werkzeug.datastructures import MultiDict

from tracker.services import dates
from tracker.web.forms import ReviewForm
from tracker.web.progress import ReportForm
from tracker.web.reports import StatusForm


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


@pytest.mark.parametrize("form, field, label", [(ReviewForm, "due_on", "完成时限"), (ReportForm, "as_of_on", "截至日期"),
                                                (StatusForm, "as_of_on", "截至日期")])
@pytest.mark.parametrize("text, day, message", [
    ("2026年12月3日", "2026-12-03", None),
    ("2026/12/3", "2026-12-03", None),
    ("2026-02-30", None, dates.nonexistent),
    ("明年", None, dates.unreadable),
])
def test_a_form_date_field_reads_a_day_as_the_command_line_does(form, field, label, text, day, message):
    app = Flask(__name__)
    app.config.update(SECRET_KEY="date-field-test", WTF_CSRF_ENABLED=False)
    with app.test_request_context():
        filled = form(formdata=MultiDict({field: text}))
        filled.validate()
        got = getattr(filled, field)
        assert (got.data.isoformat() if got.data else None) == day
        assert got.errors == ([message(label, text)] if message else [])
