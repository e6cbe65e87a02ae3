"""The status and flag badges of every list are Python functions (a Jinja macro call a row cost more than the
badge): they write exactly what the macros wrote, for every status, proposal, flag and lateness."""
from __future__ import annotations

import datetime as dt
import itertools
from types import SimpleNamespace

from tracker.db.enums import Status
from tracker.services.schedule import Flag
from tracker.web import create_app
from tracker.web.filters import flag_html, status_html

#: the macros as reports/_macros.html wrote them before (the reference)
MACROS = '{% macro flag(row) %}{% if row.status.value == \'done\' and row.due_on and row.status_on and row.status_on > row.due_on %}<span class="flag flag-late" title="完成日期晚于完成时限">逾期完成</span>{% endif %}{% if row.flag %}<span class="flag flag-{{ row.flag.value }}" title="{{ row.flag.meaning }}">{{ row.flag.label }}{% if row.days_overdue %} · 逾期 {{ row.days_overdue }} 天{% endif %}</span>{% endif %}{% endmacro %}\n\n{% macro status(row) %}<span class="status status-{{ row.status.value }}">{{ row.status.label }}</span>{% if row.proposed %} <span class="status status-proposed" title="待另一位评议员复核">{{ row.proposed.label }}·待复核</span>{% endif %}{% endmacro %}\n'

DAY = dt.date(2026, 6, 30)


def rows():
    for status, proposed, flag, days, (due_on, status_on) in itertools.product(
            Status, (None, Status.MISSED), (None, *Flag), (0, 12),
            ((None, None), (DAY, None), (DAY, DAY), (DAY, DAY + dt.timedelta(days=1)), (None, DAY))):
        yield SimpleNamespace(status=status, proposed=proposed, flag=flag, days_overdue=days, due_on=due_on,
                              status_on=status_on)


def test_the_badges_are_the_macros_text(tmp_path, monkeypatch):
    monkeypatch.setenv("TRACKER_INSTANCE", str(tmp_path))
    app = create_app({"TESTING": True, "SECRET_KEY": "x" * 40, "DATABASE_URL": f"sqlite:///{tmp_path}/t.sqlite3"})
    reference = app.jinja_env.from_string(MACROS + "{{ flag(r) }}|{{ status(r) }}")
    shipped = app.jinja_env.from_string('{% from "reports/_macros.html" import flag, status %}'
                                        "{{ flag(r) }}|{{ status(r) }}")
    seen = set()
    for row in rows():
        expected = reference.render(r=row).lstrip("\n")  # (the blank line between the macros)
        assert f"{flag_html(row)}|{status_html(row)}" == expected
        assert shipped.render(r=row) == expected
        seen.add(expected)
    assert any("逾期完成" in s for s in seen) and any("逾期 12 天" in s for s in seen)
    assert any("待复核" in s for s in seen)
