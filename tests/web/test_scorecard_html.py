"""A scorecard's cards, status timelines and pace bars are Python functions (a Jinja macro call a pledge cost more
than what it wrote, hundreds a page): they write exactly what the ``timeline`` and ``progress`` macros wrote,
for every kind of event with and without each optional part, the empty timeline, and every pace."""
from __future__ import annotations

import datetime as dt
import itertools
from collections import namedtuple
from decimal import Decimal
from types import SimpleNamespace

from tracker.db.enums import MissReason, ReviewState, Status, StatusEventKind
from tracker.services.listing import Row
from tracker.services.schedule import Progress
from tracker.services.schedule import Flag
from tracker.web.filters import IdLinks, progress_html, scorecard_card_html, scorecard_cards_html, timeline_html

#: the macro as reports/_macros.html wrote it before (the reference)
MACRO = '''{% macro timeline(events) %}
<ol class="timeline">
  {% for e in events %}
  <li class="ev-{{ e.kind.value }}"><time>{{ e.as_of_on.isoformat() }}</time>
    {% if e.kind.value == 'confirmation' %}复核确认「{{ e.new_status.label }}」
    {% elif e.kind.value == 'withdrawal' %}撤回「{{ e.new_status.label }}」提议
    {% elif e.kind.value == 'proposed' %}提议「{{ e.new_status.label }}」（待复核）
    {% else %}<span class="status status-{{ e.new_status.value }}">{{ e.new_status.label }}</span>{% endif %}
    {% if e.achieved_value is not none %} · 完成 {{ e.achieved_value|number }}{% endif %}
    {% if e.miss_reason %} · 原因：{{ e.miss_reason.label }}{% endif %}
    {% if e.note %}<span class="sub">{{ e.note }}</span>{% endif %}
    {% if e.evidence_url %}<span class="sub">佐证：<a href="{{ e.evidence_url }}" rel="nofollow noopener" target="_blank">{{ e.evidence_url }}</a></span>{% endif %}
    {% if e.evidence_quote %}<span class="sub">佐证：“{{ e.evidence_quote }}”</span>{% endif %}
  </li>
  {% else %}<li class="muted">尚无评估</li>
  {% endfor %}
</ol>
{% endmacro %}'''


def events():
    for kind, status, achieved, reason, note, url, quote in itertools.product(
            StatusEventKind, (Status.DONE, Status.MISSED), (None, Decimal("0"), Decimal("12.50")),
            (None, MissReason.choices()[0][0]), (None, "已开工 <b>&"), (None, "https://example.org/a?b=1&c=<2>"),
            (None, "项目“完工”")):
        yield SimpleNamespace(kind=kind, new_status=status, as_of_on=dt.date(2026, 6, 30), achieved_value=achieved,
                              miss_reason=MissReason(reason) if reason else None, note=note, evidence_url=url,
                              evidence_quote=quote)


def test_the_timeline_is_the_macros_text(bare_app):
    app = bare_app
    reference = app.jinja_env.from_string(MACRO + "{{ timeline(es) }}")
    shipped = app.jinja_env.from_string('{% from "reports/_macros.html" import timeline %}{{ timeline(es) }}')
    every = list(events())
    cases = [[], *([e] for e in every), every[:7], every[-3:]]
    seen = set()
    for es in cases:
        expected = reference.render(es=es)
        assert str(timeline_html(es)) == expected
        assert shipped.render(es=es) == expected
        seen.add(expected)
    assert len(seen) > 100
    assert any("尚无评估" in s for s in seen) and any("&lt;b&gt;&amp;" in s for s in seen)
    assert any("复核确认「已完成」" in s for s in seen) and any("完成 12.50" in s for s in seen)


PROGRESS = '''{% macro progress(row) %}
{% if row.achieved_share is not none or row.time_share is not none %}
<div class="pace" title="完成 {{ row.achieved_share|share_pct or '—' }} / 序时 {{ row.time_share|share_pct or '—' }}">
  {# SVG geometry, not style attributes: the Content-Security-Policy allows no inline style #}
  <svg class="pace-bar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true"><rect class="track" width="100" height="8" rx="3"/><rect class="done" width="{{ (row.achieved_share or 0)|bar_length(100) }}" height="8" rx="3"/>
    {% if row.time_share is not none %}<rect class="time" x="{{ row.time_share|bar_length(99) }}" width="1" height="8"/>{% endif %}</svg>
  <span class="sub">{{ row.achieved_text or '—' }}{% if row.achieved_share is not none %}（{{ row.achieved_share|share_pct }}）{% endif %}{% if row.progress %} · <strong class="pace-{{ row.progress.value }}">{{ row.progress.label }}</strong>{% endif %}</span>
</div>
{% endif %}
{% endmacro %}'''


def test_the_pace_bar_is_the_macros_text(bare_app):
    app = bare_app
    reference = app.jinja_env.from_string(PROGRESS + "[{{ progress(r) }}]")
    shipped = app.jinja_env.from_string('{% from "reports/_macros.html" import progress %}[{{ progress(r) }}]')
    shares = (None, Decimal("0"), Decimal("0.4567"), Decimal("1"), Decimal("1.75"), Decimal("-0.2"))
    seen = set()
    for achieved, elapsed, text, pace in itertools.product(shares, shares, ("", "3个", "<5>&亿元"),
                                                          (None, *Progress)):
        row = SimpleNamespace(achieved_share=achieved, time_share=elapsed, achieved_text=text, progress=pace)
        expected = reference.render(r=row)
        assert f"[{progress_html(row)}]" == expected
        assert shipped.render(r=row) == expected
        seen.add(expected)
    assert "[]" in seen and any('width="45.7"' in s for s in seen) and any('x="99"' in s for s in seen)
    assert any("&lt;5&gt;&amp;亿元" in s for s in seen) and any("pace-behind" in s for s in seen)


#: a card as reports/scorecard.html wrote it before (the reference), its loop around it
CARD = '''{% for r in rows %}
<article class="card pledge-card" id="pledge-{{ r.id }}">
  <header><h2><a href="{{ pledge_link.of(r.id) }}">{{ r.quote }}</a></h2>
    <p>{{ status_html(r) }} {{ flag_html(r) }}</p></header>
  <p class="meta"><span>目标 {{ r.target_text or '—' }}</span><span>完成时限 {{ r.due_on.isoformat() if r.due_on else (r.deadline_raw or '未定') }}</span>
    {% if r.responsible_unit %}<span>牵头 {{ r.responsible_unit }}</span>{% endif %}<span>出自 {{ r.document_title }}</span></p>
  {{ progress_html(r) }}
  {{ timeline_html(timelines.get(r.id, ())) }}
</article>
{% endfor %}'''
SHIPPED = '''{% if rows %}
{{ scorecard_cards_html(rows, timelines, pledge_link) }}
{% endif %}'''


#: a timeline's event as ``tracker.services.tables.timelines`` reads it: a row of these columns
Event = namedtuple("Event", "pledge_id kind new_status as_of_on achieved_value miss_reason note evidence_url "
                   "evidence_quote")


def timeline_rows(es) -> list:
    return [Event(0, e.kind, e.new_status, e.as_of_on, e.achieved_value, e.miss_reason, e.note, e.evidence_url,
                  e.evidence_quote) for e in es]


def row(**values) -> Row:
    """A list row (``tracker.services.listing.Row``) of these values, the rest empty."""
    base = dict(document_id=1, document_title="某区政府工作报告", published_on=None, district_id=None, district=None,
                official_id=None, official=None, responsible_unit=None, action=None, object=None, target_value=None,
                target_value_max=None, target_unit="所", achieved_value=None, deadline_raw=None, due_on=None,
                deadline_precision=None, review_state=ReviewState.CONFIRMED, status=Status.IN_PROGRESS,
                status_on=None, miss_reason=None, note=None, evidence=None, proposed=None, reminders=0,
                time_share=None, achieved_share=None, progress=None, flag=None, days_overdue=0)
    return Row(**{**base, **values})


def test_a_scorecards_cards_are_the_templates_text(bare_app):
    app = bare_app
    rows = []
    for n, (status, flag, due_on, raw, unit, achieved, quote) in enumerate(itertools.product(
            (Status.DONE, Status.IN_PROGRESS), (None, Flag.RED), (None, dt.date(2026, 6, 30)), (None, "年底前"),
            (None, "市<住建>局"), (None, Decimal("0.5")), ("新建幼儿园 3 所", "引号\"与&符号"))):
        rows.append(row(
            id=n + 1, quote=quote, status=status, flag=flag, days_overdue=3 if flag else 0,
            due_on=due_on, status_on=due_on, target_value=Decimal(3) if achieved else None, deadline_raw=raw,
            responsible_unit=unit, achieved_share=achieved, time_share=Decimal("0.25") if achieved else None,
            achieved_value=Decimal(1) if achieved else None, progress=Progress.BEHIND if achieved else None))
    assert rows[-1].target_text == "3所" and rows[-1].achieved_text == "1所"
    timelines = {1: timeline_rows(list(events())[:3]), 4: timeline_rows(list(events())[-2:])}
    with app.test_request_context("/reports/districts/1"):
        link = IdLinks("pledges.view", "pledge_id")
        expected = app.jinja_env.from_string(CARD).render(rows=rows, timelines=timelines, pledge_link=link)
        shipped = app.jinja_env.from_string(SHIPPED).render(rows=rows, timelines=timelines, pledge_link=link)
        by_hand = "".join(f"{scorecard_card_html(r, timelines.get(r.id, ()), link.of(r.id))}\n" for r in rows)
        in_one = f"{scorecard_cards_html(rows, timelines, link)}\n"
    assert shipped == expected and by_hand == expected and in_one == expected
    assert "市&lt;住建&gt;局" in expected and "年底前" in expected and expected.count("<li class=\"ev-") == 5
    assert expected.count("<article") == len(rows) == 128

