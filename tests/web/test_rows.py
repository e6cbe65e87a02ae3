"""The pledge list's rows and the progress bar are Python functions (tracker.web.rows: as Jinja they cost two
thirds of the list page): they write exactly what pledges/index.html's loop and the ``progress`` macro wrote,
for rows with and without each optional field, every review state, status, proposal, flag and progress, and
text that must be escaped."""
from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal
from types import SimpleNamespace

import pytest
from markupsafe import Markup

from tracker.db.enums import ReviewState, Status
from tracker.services.listing import Row
from tracker.services.schedule import Flag, Progress
from tracker.web.rows import document_index, ledger_rows, pledge_rows, progress_html, review_rows

#: the progress macro and the list's loop as reports/_macros.html and pledges/index.html wrote them (the reference)
PROGRESS = """{% macro progress(row) %}
{% if row.achieved_share is not none or row.time_share is not none %}
<div class="pace" title="完成 {{ row.achieved_share|share_pct or '—' }} / 序时 {{ row.time_share|share_pct or '—' }}">
  {# SVG geometry, not style attributes: the Content-Security-Policy allows no inline style #}
  <svg class="pace-bar" viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true"><rect class="track" width="100" height="8" rx="3"/><rect class="done" width="{{ (row.achieved_share or 0)|bar_length(100) }}" height="8" rx="3"/>
    {% if row.time_share is not none %}<rect class="time" x="{{ row.time_share|bar_length(99) }}" width="1" height="8"/>{% endif %}</svg>
  <span class="sub">{{ row.achieved_text or '—' }}{% if row.achieved_share is not none %}（{{ row.achieved_share|share_pct }}）{% endif %}{% if row.progress %} · <strong class="pace-{{ row.progress.value }}">{{ row.progress.label }}</strong>{% endif %}</span>
</div>
{% endif %}
{% endmacro %}"""
LOOP = """{% for r in rows %}
  <tr id="row-{{ r.id }}" class="{% if r.flag %}row-{{ r.flag.value }}{% endif %}">
    <td class="num"><a href="{{ pledge_base ~ r.id }}">#{{ r.id }}</a></td>
    <td class="quote"><a href="{{ pledge_base ~ r.id }}" title="{{ r.quote }}（{{ r.document_title }}）">{{ r.quote }}</a>
      <div class="sub"><a href="{{ links.with_('document', r.document_id) }}">{{ r.document_title }}</a></div></td>
    <td>{% if r.district %}<a href="{{ links.with_('district', r.district_id) }}">{{ r.district }}</a>{% endif %}
      {% if r.official %}<div class="sub"><a href="{{ links.with_('official', r.official_id) }}">{{ r.official }}</a></div>{% endif %}
      {% if r.responsible_unit %}<div class="sub">{{ r.responsible_unit }}</div>{% endif %}</td>
    <td>{{ r.target_text or '—' }}{% if r.achieved_share is not none or r.time_share is not none %}{{ progress(r) }}{% endif %}</td>
    <td class="when">{{ r.deadline_raw or '' }}{% if r.due_on %}<div class="sub">{{ r.due_on.isoformat() }}</div>{% endif %}</td>
    <td><span class="badge {{ STATE_CLASSES[r.review_state.value] }}">{{ r.review_state.label }}</span></td>
    <td class="when">{{ status_html(r) }}{% if r.status_on %}<div class="sub">{{ r.status_on.isoformat() }}</div>{% endif %}</td>
    <td>{% if r.flag or r.status_on %}{{ flag_html(r) }}{% endif %}</td>
  </tr>
{% endfor %}"""

DAY = dt.date(2026, 6, 30)


def row(n: int, **fields) -> Row:
    base = dict(id=n, document_id=7, document_title="某区<工作>报告 & “2026”", published_on=DAY, quote=f"新建学校{n}所",
                district_id=3, district="张店区", official_id=4, official="王某'某", responsible_unit=None, action="新建",
                object="学校", target_value=Decimal("12"), target_value_max=None, target_unit="所", achieved_value=None,
                deadline_raw="2026年底前", due_on=dt.date(2026, 12, 31), deadline_precision=None,
                review_state=ReviewState.CONFIRMED, status=Status.IN_PROGRESS, status_on=None, miss_reason=None,
                note=None, evidence=None, proposed=None)
    base.update(fields)
    return Row(**base)


def rows() -> list[Row]:
    out = []
    shares = (None, Decimal("0"), Decimal("0.4567"), Decimal("1.2"))
    for n, (achieved, time_share, progress) in enumerate(itertools.product(shares, shares, (None, *Progress))):
        out.append(row(n, achieved_share=achieved, time_share=time_share, progress=progress,
                       achieved_value=None if achieved is None else Decimal("5.5")))
    variants = itertools.product(ReviewState, Status, (None, Status.MISSED), (None, *Flag),
                                 ((None, None), (DAY, DAY + dt.timedelta(days=3)), (None, DAY)))
    for n, (state, status, proposed, flag, (due_on, status_on)) in enumerate(variants, start=len(out)):
        out.append(row(n, review_state=state, status=status, proposed=proposed, flag=flag, due_on=due_on,
                       status_on=status_on, days_overdue=9 if flag is Flag.RED else 0))
    n = len(out)
    out += [row(n, district=None, district_id=None, official=None, official_id=None),
            row(n + 1, responsible_unit="市教育局<&>", quote='含"引号"与<标签>', deadline_raw=None, due_on=None),
            row(n + 2, target_value=None, target_unit=None, document_id=8, document_title="另一份文档"),
            row(n + 3, target_value=Decimal("1.5"), target_value_max=Decimal("3"), target_unit="万平方米")]
    return out


@pytest.fixture()
def app(bare_app):
    return bare_app  # (tests/web/conftest.py: an app on an empty file, for rendering)


@pytest.mark.parametrize("args", [{"review_state": "all", "sort": "-id"},
                                  {"q": "学校 & 医院", "district": "3", "sort": "due_on", "after": "x"}, {}])
def test_the_rows_are_the_templates_text(app, args):
    reference = app.jinja_env.from_string(PROGRESS + LOOP)
    every = rows()
    with app.test_request_context("/pledges/"):
        links = app.jinja_env.globals["ViewLinks"]("pledges.index", args)
        expected = reference.render(rows=every, links=links, pledge_base="/pledges/")
        assert pledge_rows(every, links, "/pledges/") == expected
    assert expected.count("<tr id=") == len(every)
    for seen in ("&lt;工作&gt;", "&#39;", "&#34;引号&#34;", "市教育局&lt;&amp;&gt;", 'class="row-red"', "逾期 9 天",
                 "·待复核", "（46%）", "（120%）", "pace-behind", 'x="99"', "district=3"):
        assert seen in expected, seen


#: the list page's links that carry the whole view, as pledges/index.html wrote them with url_for (the reference)
VIEW_LINKS = """{% from "reports/_macros.html" import exports %}{{ exports(f) }}
[{{ feed_url_for_list(f) }}]
[{{ url_for('api.pledges', **f.query(after=request.args.get('after'))) }}]
[{{ url_for('pledges.index', **f.query(after=next_after)) }}]"""
WHOLE_LINKS = """{{ links.exports() }}
[{{ links.whole('feeds.pledge_list') }}]
[{{ links.whole('api.pledges', after=request.args.get('after')) }}]
[{{ links.whole('pledges.index', after=next_after) }}]"""


@pytest.mark.parametrize("args, query", [
    ({}, "/pledges/"),
    ({"review_state": "all", "sort": "-id"}, "/pledges/?after=123"),
    ({"q": "学校 & 医院/“新建”", "district": "3", "review_state": "confirmed", "due_from": "2026-01-01",
      "sort": "due_on"}, "/pledges/?q=x&after=2026-12-31~42"),
    ({"official": "王某'某 (副区长)", "unit": "市教育局<&>", "flag": "red", "as_of": "2026-06-30", "restated": "dropped"},
     "/pledges/?after=%E5%AD%A6 5"),
])
def test_the_view_links_are_url_fors_text(app, args, query):
    """ViewLinks.whole and .exports (the arguments encoded once a page) write what url_for and the exports macro did."""
    from tracker.services.listing import Filters
    f = Filters(args=dict(args))
    with app.test_request_context(query):
        links = app.jinja_env.globals["ViewLinks"]("pledges.index", f.args)
        for next_after in (None, "2026-12-31~42", "学校 & 5"):
            expected = app.jinja_env.from_string(VIEW_LINKS).render(f=f, next_after=next_after)
            assert app.jinja_env.from_string(WHOLE_LINKS).render(links=links, next_after=next_after) == expected
            assert expected.count("/reports/export.") == 4


def test_the_progress_macro_is_the_reference(app):
    reference = app.jinja_env.from_string(PROGRESS + "[{{ progress(r) }}]")
    shipped = app.jinja_env.from_string('{% from "reports/_macros.html" import progress %}[{{ progress(r) }}]')
    drawn = 0
    for r in rows():
        expected = reference.render(r=r)
        assert shipped.render(r=r) == expected == f"[{progress_html(r)}]"
        drawn += expected != "[]"
    assert drawn > 20


#: the review queue's loop as review/queue.html wrote it (the reference)
REVIEW_LOOP = """{% for p in rows %}
  {% set open = screen.of(p.id) %}{# a comment #}
  <tr>
    <td class="num"><a href="{{ open }}">#{{ p.id }}</a></td>
    <td class="quote"><a href="{{ open }}" title="{{ p.quote }}（{{ p.document.title }}）">{{ p.quote }}</a>
      <div class="sub"><a href="{{ here.with_('document', p.document_id) }}">{{ p.document.title }}</a></div></td>
    <td>{% if p.district %}<a href="{{ here.with_('district', p.district_id) }}">{{ p.district.name }}</a>{% endif %}
      {% if p.official %}<div class="sub"><a href="{{ here.with_('official', p.official_id) }}">{{ p.official.name }}</a></div>{% endif %}</td>
    <td>{% for q in p.quantities %}<span class="qty">{{ q|quantity }}</span>{% endfor %}</td>
    <td class="num">{{ '%.2f'|format(p.confidence) if p.confidence is not none else '—' }}</td>
  </tr>
{% endfor %}"""


def review_items() -> list:
    def item(n, *, district=True, official=True, quantities=(("12", None, "所"),), confidence=0.456, title="某区报告"):
        qs = [SimpleNamespace(value=Decimal(v), value_max=None if m is None else Decimal(m), unit=u)
              for v, m, u in quantities]
        return SimpleNamespace(id=n, quote=f"新建<学校>{n}所 & “更多”", document_id=n % 3 + 1,
                               document=SimpleNamespace(id=n % 3 + 1, title=title), district_id=5 if district else None,
                               district=SimpleNamespace(name="张店区'") if district else None,
                               official_id=6 if official else None,
                               official=SimpleNamespace(name="王某") if official else None,
                               quantities=qs, confidence=confidence)

    return [item(1), item(2, district=False), item(3, official=False, confidence=None),
            item(4, quantities=()), item(5, quantities=(("1.5", "3", "万平方米"), ("200", None, None))),
            item(6, confidence=1.0, title="另一份 & <文档>"), item(7, confidence=0.005)]


@pytest.mark.parametrize("query", ["/review/", "/review/?order=oldest&district=5", "/review/?q=a%26b"])
def test_the_review_rows_are_the_templates_text(app, query):
    reference = app.jinja_env.from_string(REVIEW_LOOP)
    items = review_items()
    with app.test_request_context(query):
        filters = app.jinja_env.globals
        screen = filters["IdLinks"]("review.screen", "pledge_id", order="oldest")
        here = filters["PageLinks"]()
        expected = reference.render(rows=items, screen=screen, here=here)
        assert review_rows(items, screen, here) == expected
    for seen in ("&lt;学校&gt;", "张店区&#39;", "另一份 &amp; &lt;文档&gt;", "<td class=\"num\">—</td>", "0.46", "1.00",
                 "<td></td>", "document=2"):
        assert seen in expected, seen


#: a document page's index of its pledges as documents/view.html wrote it (the reference)
INDEX_LOOP = """{% for p in pledges %}
    <li><a href="#p-{{ p.id }}" class="badge {{ STATE_CLASSES[p.review_state.value] }}">{{ p.review_state.label }}</a>
      <a href="{{ pledge_link.of(p.id) }}">#{{ p.id }} {{ document.text[p.start:p.end] }}</a></li>
{% endfor %}"""


def test_the_document_index_is_the_templates_text(app):
    text = "一、新建<学校>3所 & 改造“道路”5公里。\n二、建成医院1家'。"
    pledges = [SimpleNamespace(id=n, start=start, end=end, review_state=state)
               for n, (start, end, state) in enumerate([(2, 13, ReviewState.PENDING), (16, 24, ReviewState.CONFIRMED),
                                                         (26, 34, ReviewState.REJECTED), (0, 0, ReviewState.PENDING)],
                                                        start=41)]
    with app.test_request_context("/documents/1"):
        link = app.jinja_env.globals["IdLinks"]("pledges.view", "pledge_id")
        expected = app.jinja_env.from_string(INDEX_LOOP).render(pledges=pledges, document=SimpleNamespace(text=text),
                                                               pledge_link=link)
        assert document_index(pledges, text, link) == expected
    for seen in ("&lt;学校&gt;3所 &amp; ", "医院1家&#39;", "st-rejected", 'href="/pledges/44">#44 </a>'):
        assert seen in expected, seen


#: the 台账's loop as reports/list.html wrote it (the reference for ``ledger_rows``)
LEDGER_LOOP = """{% for r in rows %}
  <tr id="row-{{ r.id }}" class="{% if r.flag %}row-{{ r.flag.value }}{% endif %}">
    <td class="num"><a href="{{ pledge_link.of(r.id) }}">#{{ r.id }}</a></td>
    <td class="quote"><a href="{{ pledge_link.of(r.id) }}" title="{{ r.quote }}（{{ r.document_title }}）">{{ r.quote }}</a>
      <div class="sub">{{ r.document_title }}{% if r.published_on %}（{{ r.published_on.isoformat() }}）{% endif %}</div></td>
    <td>{% if r.district %}<a href="{{ district_link.of(r.district_id) }}">{{ r.district }}</a>{% endif %}
      {% if r.official %}<div class="sub"><a href="{{ official_link.of(r.official_id) }}">{{ r.official }}</a></div>{% endif %}
    </td>
    <td class="unit">{% if r.responsible_unit %}<a href="{{ unit_link.with_('unit', r.responsible_unit) }}">{{ r.responsible_unit }}</a>{% endif %}</td>
    <td>{{ r.target_text or '—' }}{{ progress_html(r) }}</td>
    <td class="when">{{ r.due_on.isoformat() if r.due_on else (r.deadline_raw or '—') }}</td>
    <td class="when">{{ status_html(r) }}{% if r.status_on %}<div class="sub">{{ r.status_on.isoformat() }}</div>{% endif %}
      {% if rate_link %}<div class="sub"><a href="{{ rate_link.of(r.id) }}">评估</a></div>{% endif %}</td>
    <td class="note"{% if r.note %} title="{{ r.note }}"{% endif %}>{{ r.note or '' }}</td>
    <td>{{ flag_html(r) }}</td>
  </tr>
{% endfor %}"""


@pytest.mark.parametrize("reviewer", [False, True])
@pytest.mark.parametrize("args", [{}, {"q": "学校 & 医院", "district": "3", "sort": "due_on"}])
def test_the_ledger_rows_are_the_templates_text(app, args, reviewer):
    reference = app.jinja_env.from_string(LEDGER_LOOP)
    every = rows()
    n = len(every)
    every += [row(n, note='进展<顺利> & "按期"', responsible_unit="区教育局", published_on=None),
              row(n + 1, note="另一条", responsible_unit="市教育局<&>", district_id=5, district="淄川区",
                  official_id=6, official="李某"),
              row(n + 2, district_id=5, district="淄川区（新名）", deadline_raw=None, due_on=None)]
    with app.test_request_context("/reports/?q=%E5%AD%A6&flag=red"):
        g = app.jinja_env.globals
        links = dict(pledge_link=g["IdLinks"]("pledges.view", "pledge_id"),
                     district_link=g["IdLinks"]("reports.district_card", "district_id"),
                     official_link=g["IdLinks"]("reports.official_card", "official_id"),
                     unit_link=g["ViewLinks"]("reports.pledges", args),
                     rate_link=g["IdLinks"]("reports.set_status", "pledge_id", next="/reports/?q=学&flag=red")
                     if reviewer else None)
        expected = reference.render(rows=every, **links)
        assert ledger_rows(every, **links) == expected
    assert expected.count("<tr id=") == len(every)
    for seen in ("&lt;工作&gt;", "&#39;", "&#34;引号&#34;", "市教育局&lt;&amp;&gt;", 'class="row-red"', "逾期 9 天",
                 "·待复核", "（46%）", 'title="进展&lt;顺利&gt; &amp; &#34;按期&#34;"', "淄川区（新名）", "unit=",
                 "（2026-06-30）"):
        assert seen in expected, seen
    assert ("评估</a>" in expected) is reviewer


#: the reviewer's queue's loops as reports/queue.html wrote them (the reference for ``queue_rows`` and ``undated_rows``)
QUEUE_LOOP = """    <tbody>
    {% for r in rows %}
    <tr id="q-{{ r.id }}">
      <td class="num">#{{ r.id }}</td>
      <td class="quote">{{ r.quote }}</td>
      <td>{{ r.district or '' }}</td>
      <td>{{ r.due_on.isoformat() if r.due_on else '' }} {{ flag_html(r) }}</td>
      <td>{{ status_html(r) }}</td>
      <td>{{ progress_html(r) }}</td>
      <td><a class="button primary" href="{{ rate_link.of(r.id) }}">评估</a></td>
    </tr>
    {% else %}<tr><td colspan="7" class="muted">没有</td></tr>
    {% endfor %}
    </tbody>"""
UNDATED_LOOP = """    <tbody>
    {% for r in undated %}
    <tr id="q-{{ r.id }}">
      <td class="num">#{{ r.id }}</td>
      <td class="quote">{{ r.quote }}</td>
      <td>{{ r.district or '' }}</td>
      <td class="when">{{ r.status_on.isoformat() if r.status_on else '从未' }}</td>
      <td><span class="status status-{{ r.status.value }}">{{ r.status.label }}</span></td>
      <td><a class="button primary" href="{{ rate_link.of(r.id) }}">评估</a></td>
    </tr>
    {% else %}<tr><td colspan="6" class="muted">没有</td></tr>
    {% endfor %}
    </tbody>"""


def test_the_queue_rows_are_the_templates_text(app):
    from tracker.web.rows import queue_rows, undated_rows

    every = rows()
    n = len(every)
    every.append(row(n, quote='含"引号"与<标签>', district="淄川区<&>", due_on=None))
    undated = [SimpleNamespace(id=7, quote="<未定>&'期'", district=None, status_on=None, status=Status.UNASSESSED),
               SimpleNamespace(id=8, quote="新建学校", district="张店区", status_on=DAY, status=Status.IN_PROGRESS)]
    with app.test_request_context("/reports/queue"):
        rate_link = app.jinja_env.globals["IdLinks"]("reports.set_status", "pledge_id")
        render = app.jinja_env.from_string
        for part in (every, every[:3], []):
            expected = render(QUEUE_LOOP).render(rows=part, rate_link=rate_link)
            assert render("    <tbody>\n{{ queue_rows(rows, rate_link) }}{# x #}\n    </tbody>").render(
                rows=part, rate_link=rate_link, queue_rows=queue_rows) == expected
            assert expected.count("<tr id=") == len(part) and ("没有" in expected) is not part
        for part in (undated, []):
            expected = render(UNDATED_LOOP).render(undated=part, rate_link=rate_link)
            assert render("    <tbody>\n{{ undated_rows(undated, rate_link) }}{# x #}\n    </tbody>").render(
                undated=part, rate_link=rate_link, undated_rows=undated_rows) == expected
    full = render(QUEUE_LOOP).render(rows=every, rate_link=rate_link)
    for seen in ("&#34;引号&#34;", "淄川区&lt;&amp;&gt;", "逾期 9 天", "pace-behind", "/reports/pledges/1/status"):
        assert seen in full, seen


@pytest.mark.parametrize("text", ["", "新建学校3所", "某区<工作>报告 & “2026”", "王某'某", 'a"b"&amp;', "<<&&>>''\"\"", "\u2028é𝄞"])
def test_the_rows_escape_is_markupsafes_text(text):
    """rows._escape writes what ``markupsafe.escape`` does, as a ``str``."""
    from markupsafe import escape

    from tracker.web.rows import _escape
    assert _escape(text) == str(escape(text))
    assert type(_escape(text)) is str


#: the list's filter form's five loops as pledges/index.html wrote them (the reference)
FORM_LOOPS = """{% for s in Status %}<option value="{{ s.value }}" {% if f.values.status == s %}selected{% endif %}>{{ s.label }}</option>{% endfor %}
{% for s in ReviewState %}<option value="{{ s.value }}" {% if f.values.review_state == s %}selected{% endif %}>{{ s.label }}</option>{% endfor %}
{% for fl in Flag %}<option value="{{ fl.value }}" {% if f.values.flag == fl %}selected{% endif %}>{{ fl.label }}（{{ fl.meaning }}）</option>{% endfor %}
{% for k, l in RESTATED_KINDS.items() %}<option value="{{ k }}" {% if f.values.restated == k %}selected{% endif %}>{{ l }}</option>{% endfor %}
{% for key, (label, _, _) in sort_options() %}<option value="{{ key }}" {% if f.sort == key %}selected{% endif %}>{{ label }}</option>{% endfor %}"""


def test_the_form_options_are_the_templates_text(app):
    """pledges.form_options writes what the filter form's loops did, for no choice and for each choice of each select.
    (The reference's line ends go with its block tags: trim_blocks.)"""
    from tracker.db.enums import ReviewState as States
    from tracker.services import followup, listing
    from tracker.web.pledges import form_options

    views = [{}, {"review_state": listing.ALL}, {"sort": "-id"}]
    views += [{"status": s} for s in Status] + [{"review_state": s} for s in States] + [{"flag": fl} for fl in Flag]
    views += [{"restated": k} for k in followup.RESTATED_KINDS] + [{"sort": key} for key in listing.SORTS]
    views.append({"status": Status.DONE, "review_state": States.CONFIRMED, "flag": Flag.RED, "restated": "later",
                  "sort": "due_on"})
    with app.test_request_context("/pledges/"):
        reference = app.jinja_env.from_string(FORM_LOOPS)
        context = {}
        app.update_template_context(context)
        for values in views:
            f = listing.Filters(values=dict(values))
            options = form_options(f)
            assert "".join(options[k] for k in ("status", "review_state", "flag", "restated", "sort")) == \
                reference.render(context, f=f), values
            assert options["sort"].count(" selected>") == 1


#: the reviewer's queue's 待复核 loop as reports/queue.html wrote it (the reference for ``proposal_rows``)
PROPOSAL_LOOP = """    <tbody>
    {% for p in proposals %}
    <tr id="proposal-{{ p.id }}">
      <td class="num"><a href="{{ rate_link.of(p.pledge_id) }}">#{{ p.pledge_id }}</a></td>
      <td>{{ p.quote }}<div class="sub">{{ p.user_name or '' }} 提议「{{ p.new_status.label }}」，截至 {{ p.as_of_on.isoformat() }}</div></td>
      <td>{{ p.miss_reason.label if p.miss_reason else '' }}{% if p.note %}：{{ p.note }}{% endif %}
        <div class="sub">{{ p.evidence_url or p.evidence_quote or '' }}</div></td>
      <td>
        {% if p.user_id != current_user.id %}
        <form method="post" action="{{ confirm_link.of(p.id) }}" class="inline">
          {{ csrf_field }}<button class="primary">复核确认</button></form>
        {% else %}<span class="sub">需另一位评议员复核</span>{% endif %}
        <form method="post" action="{{ withdraw_link.of(p.id) }}" class="inline">
          {{ csrf_field }}<button>撤回</button></form>
      </td>
    </tr>
    {% endfor %}
    </tbody>"""


def test_the_proposal_rows_are_the_templates_text(app):
    from tracker.db.enums import MissReason
    from tracker.services.tables import Proposal
    from tracker.web.rows import proposal_rows

    proposals = [
        Proposal(11, 3, '含"引号"与<标签>', 5, "评议员<甲>", Status.MISSED, DAY, list(MissReason)[0], "原因 & 说明",
                 "https://example.org/a?b=1&c=2", None),
        Proposal(12, 4, "新建学校", 6, None, Status.MISSED, DAY, None, None, None, "「引文」<b>"),
        Proposal(13, 5, "道路'改造'", None, "乙", Status.MISSED, DAY, list(MissReason)[-1], "", "", ""),
    ]
    with app.test_request_context("/reports/queue"):
        make = app.jinja_env.globals["IdLinks"]
        links = {"rate_link": make("reports.set_status", "pledge_id"),
                 "confirm_link": make("reports.answer_proposal", "event_id", action="confirm"),
                 "withdraw_link": make("reports.answer_proposal", "event_id", action="withdraw")}
        csrf_field = Markup('<input id="csrf_token" name="csrf_token" type="hidden" value="t&amp;k">')
        render = app.jinja_env.from_string
        for user_id in (5, 6, 99):  # the proposer of the first, of the second, of none
            for part in (proposals, proposals[1:2]):
                expected = render(PROPOSAL_LOOP).render(proposals=part, current_user=SimpleNamespace(id=user_id),
                                                        csrf_field=csrf_field, **links)
                written = render("    <tbody>\n{{ proposal_rows(proposals, user_id, csrf_field, rate_link, "
                                 "confirm_link, withdraw_link) }}{# x #}\n    </tbody>").render(
                    proposals=part, user_id=user_id, csrf_field=csrf_field, proposal_rows=proposal_rows, **links)
                assert written == expected
                assert expected.count('<tr id="proposal-') == len(part)
                assert expected.count("复核确认") == sum(p.user_id != user_id for p in part)
        full = render(PROPOSAL_LOOP).render(proposals=proposals, current_user=SimpleNamespace(id=5),
                                            csrf_field=csrf_field, **links)
    for seen in ("&#34;引号&#34;", "评议员&lt;甲&gt;", "：原因 &amp; 说明", "b=1&amp;c=2", "「引文」&lt;b&gt;",
                 "需另一位评议员复核", "/reports/proposals/12/confirm", "/reports/proposals/11/withdraw",
                 "道路&#39;改造&#39;", 'value="t&amp;k"'):
        assert seen in full, seen


#: the 台账's district menu as reports/list.html wrote it (the reference for ``district_options``)
DISTRICT_LOOP = """  <label>区县<select name="district"><option value="">全部</option>
    {% for d in districts %}<option value="{{ d.id }}" {% if f.values.district == d.id %}selected{% endif %}>{{ d.name }}</option>{% endfor %}</select></label>"""


def test_the_district_options_are_the_templates_text(app):
    from tracker.web.rows import district_options

    districts = [SimpleNamespace(id=3, name="张店区"), SimpleNamespace(id=12, name="淄川<区>&'新'"),
                 SimpleNamespace(id=40, name="周村区")]
    render = app.jinja_env.from_string
    for part in (districts, districts[:1], []):
        for selected in (None, 12, 3, 99):
            f = SimpleNamespace(values={"district": selected} if selected is not None else {})
            expected = render(DISTRICT_LOOP).render(districts=part, f=f)
            written = render("""  <label>区县<select name="district"><option value="">全部</option>
{{ district_options(districts, f.values.district) }}</select></label>""").render(
                districts=part, f=f, district_options=district_options)
            assert written == expected, (part, selected)
            assert expected.count("selected") == sum(d.id == selected for d in part)
            assert ("淄川&lt;区&gt;&amp;&#39;新&#39;" in expected) is (len(part) > 1)


@pytest.mark.parametrize("text", ["", "张店区", "<a href=\"x\">&'</a>", "&amp;&#39;", "\u3000＜全角＞", "a" * 300 + "&"])
def test_the_escape_of_the_rows_is_markupsafes(text):
    """The rows' and cards' escape (five replaces on a str, no ``Markup`` built) writes what ``markupsafe.escape``
    writes."""
    from markupsafe import escape

    from tracker.web.filters import escape_text
    from tracker.web.rows import _escape

    assert _escape(text) == escape_text(text) == str(escape(text))
    assert type(escape_text(text)) is str
