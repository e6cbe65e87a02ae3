"""The rows of the pledge list (``/pledges/``) and of the review queue (``/review/``) and the progress bar, written
in Python.

A list page renders 50 rows of 8 cells; as Jinja (attribute look-ups, an ``escape`` and a call through the
template context for every value, a macro call for the progress bar) the rows cost about two thirds of the
page's CPU, more than its queries. Here each row is one f-string of escaped values, character for
character what pledges/index.html and the ``progress`` macro of reports/_macros.html wrote
(tests/web/test_rows.py holds them to that text).
"""
from __future__ import annotations

from markupsafe import Markup, escape

from tracker.web.filters import STATE_CLASSES, flag_html, progress_html, quantity_text, status_html
# ``markupsafe.escape``'s text of a ``str`` (the same five characters replaced), without building a ``Markup``
# for each value: a list page escapes some 800 values, the reviewer's queue some 1,000 (filters.escape_text)
from tracker.web.filters import escape_text as _escape


class _PageMemo:
    """What a page's rows write again and again, each written once a page: the escaped link that narrows
    the page's view to a document, district or official (``links.with_(key, value)``: a ``ViewLinks`` or
    ``PageLinks``), and the escaped text of a title or name."""

    __slots__ = ("links", "_narrowed", "_texts")

    def __init__(self, links) -> None:
        self.links = links
        self._narrowed: dict[tuple, str] = {}
        self._texts: dict[str, str] = {}

    def narrow(self, key: str, value) -> str:
        link = self._narrowed.get((key, value))
        if link is None:
            link = self._narrowed[(key, value)] = _escape(self.links.with_(key, value))
        return link

    def text(self, value: str) -> str:
        found = self._texts.get(value)
        if found is None:
            found = self._texts[value] = _escape(value)
        return found


def pledge_rows(rows, links, pledge_base: str) -> Markup:
    """The ``<tr>`` of each ``listing.Row`` of a list page: ``links`` a ``filters.ViewLinks`` of the page's
    view (a document, district or official of the row narrows the view to it), ``pledge_base`` the URL a
    pledge's id is appended to."""
    base = escape(pledge_base)
    # a page's rows share a few documents, districts, officials, states and badges: each written once
    memo = _PageMemo(links)
    narrow, text = memo.narrow, memo.text
    badges: dict = {}

    out = []
    for r in rows:
        ident = r.id
        href = f"{base}{ident}"  # an int: nothing to escape
        title = text(r.document_title)
        quote = _escape(r.quote)
        who = ""
        if r.district:
            who = f'<a href="{narrow("district", r.district_id)}">{text(r.district)}</a>'
        if r.official:
            who += f'<div class="sub"><a href="{narrow("official", r.official_id)}">{text(r.official)}</a></div>'
        if r.responsible_unit:
            who += f'<div class="sub">{text(r.responsible_unit)}</div>'
        # (f-strings throughout: ``Markup + str`` would escape the str)
        target = _escape(r.target_text or "—")
        if r.achieved_share is not None or r.time_share is not None:
            target += f"{progress_html(r)}"
        due = _escape(r.deadline_raw or "")
        if r.due_on:
            due += f'<div class="sub">{r.due_on.isoformat()}</div>'  # digits and hyphens
        state, flag = r.review_state, r.flag
        badge = badges.get((state, r.status, r.proposed))
        if badge is None:
            badge = badges[(state, r.status, r.proposed)] = (
                f'<span class="badge {escape(STATE_CLASSES[state.value])}">{escape(state.label)}</span>',
                f"{status_html(r)}")
        status = badge[1]
        if r.status_on:
            status += f'<div class="sub">{r.status_on.isoformat()}</div>'
        out.append(
            f'  <tr id="row-{ident}" class="{f"row-{escape(flag.value)}" if flag else ""}">\n'
            f'    <td class="num"><a href="{href}">#{ident}</a></td>\n'
            f'    <td class="quote"><a href="{href}" title="{quote}（{title}）">{quote}</a>\n'
            f'      <div class="sub"><a href="{narrow("document", r.document_id)}">{title}</a></div></td>\n'
            f'    <td>{who}</td>\n'
            f'    <td>{target}</td>\n'
            f'    <td class="when">{due}</td>\n'
            f'    <td>{badge[0]}</td>\n'
            f'    <td class="when">{status}</td>\n'
            f'    <td>{flag_html(r) if flag or r.status_on else ""}</td>\n'
            '  </tr>\n')
    return Markup("".join(out))


def ledger_rows(rows, pledge_link, district_link, official_link, unit_link, rate_link=None) -> Markup:
    """The ``<tr>`` of each ``listing.Row`` of a 台账 page (reports/list.html): ``pledge_link``,
    ``district_link``, ``official_link`` and ``rate_link`` (a reviewer's, else None) ``filters.IdLinks``,
    ``unit_link`` a ``filters.ViewLinks`` of the page's view (a unit narrows it). The text is the loop's as
    it was (tests/web/test_rows.py); as Jinja the loop was most of the page's CPU once its count was kept."""
    memo = _PageMemo(unit_link)
    narrow, text = memo.narrow, memo.text
    districts: dict = {}
    officials: dict = {}
    out = []
    for r in rows:
        ident = r.id
        href = _escape(pledge_link.of(ident))
        quote = _escape(r.quote)
        title = text(r.document_title)
        published = f"（{r.published_on.isoformat()}）" if r.published_on else ""
        who = ""
        if r.district:  # (each district's and official's link written once a page)
            who = districts.get((r.district_id, r.district))
            if who is None:
                who = districts[(r.district_id, r.district)] = (
                    f'<a href="{_escape(district_link.of(r.district_id))}">{text(r.district)}</a>')
        if r.official:
            found = officials.get((r.official_id, r.official))
            if found is None:
                found = officials[(r.official_id, r.official)] = (
                    f'<div class="sub"><a href="{_escape(official_link.of(r.official_id))}">{text(r.official)}</a></div>')
            who += found
        unit = (f'<a href="{narrow("unit", r.responsible_unit)}">{text(r.responsible_unit)}</a>'
                if r.responsible_unit else "")
        due = r.due_on.isoformat() if r.due_on else _escape(r.deadline_raw or "—")
        status = f"{status_html(r)}"
        if r.status_on:
            status += f'<div class="sub">{r.status_on.isoformat()}</div>'
        if rate_link is not None:
            status += f'<div class="sub"><a href="{_escape(rate_link.of(ident))}">评估</a></div>'
        note = r.note
        note_title = f' title="{_escape(note)}"' if note else ""
        flag = r.flag
        out.append(
            f'  <tr id="row-{ident}" class="{f"row-{escape(flag.value)}" if flag else ""}">\n'
            f'    <td class="num"><a href="{href}">#{ident}</a></td>\n'
            f'    <td class="quote"><a href="{href}" title="{quote}（{title}）">{quote}</a>\n'
            f'      <div class="sub">{title}{published}</div></td>\n'
            f'    <td>{who}    </td>\n'
            f'    <td class="unit">{unit}</td>\n'
            f'    <td>{_escape(r.target_text or "—")}{progress_html(r)}</td>\n'
            f'    <td class="when">{due}</td>\n'
            f'    <td class="when">{status}</td>\n'
            f'    <td class="note"{note_title}>{_escape(note or "")}</td>\n'
            f'    <td>{flag_html(r)}</td>\n'
            '  </tr>\n')
    return Markup("".join(out))


def queue_rows(rows, rate_link) -> Markup:
    """The ``<tr>`` of each ``listing.Row`` of the reviewer's queue's red or yellow list (reports/queue.html),
    ``rate_link`` a ``filters.IdLinks`` of the status form; 没有 when there is none. The text is the template
    loop's as it was (tests/web/test_rows.py): as Jinja its 100 rows were most of the queue page's CPU."""
    if not rows:
        return Markup('<tr><td colspan="7" class="muted">没有</td></tr>\n')
    return Markup("".join(
        f'    <tr id="q-{r.id}">\n'
        f'      <td class="num">#{r.id}</td>\n'
        f'      <td class="quote">{_escape(r.quote)}</td>\n'
        f'      <td>{_escape(r.district or "")}</td>\n'
        f'      <td>{r.due_on.isoformat() if r.due_on else ""} {flag_html(r)}</td>\n'
        f'      <td>{status_html(r)}</td>\n'
        f'      <td>{progress_html(r)}</td>\n'
        f'      <td><a class="button primary" href="{_escape(rate_link.of(r.id))}">评估</a></td>\n'
        '    </tr>\n' for r in rows))


def undated_rows(rows, rate_link) -> Markup:
    """The ``<tr>`` of each ``tables.Undated`` of the reviewer's queue's list of pledges without a deadline, as
    ``queue_rows`` writes the red and yellow lists."""
    if not rows:
        return Markup('<tr><td colspan="6" class="muted">没有</td></tr>\n')
    return Markup("".join(
        f'    <tr id="q-{r.id}">\n'
        f'      <td class="num">#{r.id}</td>\n'
        f'      <td class="quote">{_escape(r.quote)}</td>\n'
        f'      <td>{_escape(r.district or "")}</td>\n'
        f'      <td class="when">{r.status_on.isoformat() if r.status_on else "从未"}</td>\n'
        f'      <td><span class="status status-{_escape(r.status.value)}">{_escape(r.status.label)}</span></td>\n'
        f'      <td><a class="button primary" href="{_escape(rate_link.of(r.id))}">评估</a></td>\n'
        '    </tr>\n' for r in rows))


def proposal_rows(proposals, user_id, csrf_field, rate_link, confirm_link, withdraw_link) -> Markup:
    """The ``<tr>`` of each ``tables.Proposal`` of the reviewer's queue's 待复核 list (reports/queue.html): a
    proposal of another reviewer than ``user_id`` can be confirmed, each withdrawn, by a form carrying
    ``csrf_field`` (the token's field, rendered once); the links ``filters.IdLinks``. The text is the template
    loop's as it was (tests/web/test_rows.py): as Jinja its 50 rows were a third of the queue page's CPU."""
    out = []
    for p in proposals:
        ident = p.id
        note = f"：{_escape(p.note)}" if p.note else ""
        if p.user_id != user_id:
            confirm = (f'        <form method="post" action="{_escape(confirm_link.of(ident))}" class="inline">\n'
                       f'          {csrf_field}<button class="primary">复核确认</button></form>\n')
        else:
            confirm = '<span class="sub">需另一位评议员复核</span>'
        out.append(
            f'    <tr id="proposal-{ident}">\n'
            f'      <td class="num"><a href="{_escape(rate_link.of(p.pledge_id))}">#{p.pledge_id}</a></td>\n'
            f'      <td>{_escape(p.quote)}<div class="sub">{_escape(p.user_name or "")} 提议「{_escape(p.new_status.label)}」'
            f'，截至 {p.as_of_on.isoformat()}</div></td>\n'
            # (no line break after the note: trim_blocks took the one after the loop's {% endif %})
            f'      <td>{_escape(p.miss_reason.label) if p.miss_reason else ""}{note}'
            f'        <div class="sub">{_escape(p.evidence_url or p.evidence_quote or "")}</div></td>\n'
            '      <td>\n'
            f'{confirm}'
            f'        <form method="post" action="{_escape(withdraw_link.of(ident))}" class="inline">\n'
            f'          {csrf_field}<button>撤回</button></form>\n'
            '      </td>\n'
            '    </tr>\n')
    return Markup("".join(out))


def district_options(districts, selected) -> Markup:
    """The ``<option>`` of each district of the 台账's district menu ((id, name) rows: the ~90 districts with
    pledges), ``selected`` the view's district id or None: the template loop's text as it was (three look-ups,
    an escape and a test through the template context an option, tests/web/test_rows.py)."""
    return Markup("".join(
        f'<option value="{d.id}" {"selected" if d.id == selected else ""}>{_escape(d.name)}</option>'
        for d in districts))


def review_rows(rows, screen, here) -> Markup:
    """The ``<tr>`` of each pledge of the review queue's page (``pages.queue_rows``): ``screen`` a
    ``filters.IdLinks`` of the review screen, ``here`` a ``filters.PageLinks`` of this page (a document,
    district or official narrows the queue to it)."""
    memo = _PageMemo(here)
    narrow, text = memo.narrow, memo.text
    out = []
    for p in rows:
        ident = p.id
        href = _escape(screen.of(ident))
        title = text(p.document.title)
        quote = _escape(p.quote)
        who = ""
        if p.district:
            who = f'<a href="{narrow("district", p.district_id)}">{text(p.district.name)}</a>'
        if p.official:
            who += f'<div class="sub"><a href="{narrow("official", p.official_id)}">{text(p.official.name)}</a></div>'
        quantities = "".join(f'<span class="qty">{_escape(quantity_text(q))}</span>' for q in p.quantities)
        confidence = escape("%.2f" % p.confidence) if p.confidence is not None else "—"
        out.append(
            '  <tr>\n'
            f'    <td class="num"><a href="{href}">#{ident}</a></td>\n'
            f'    <td class="quote"><a href="{href}" title="{quote}（{title}）">{quote}</a>\n'
            f'      <div class="sub"><a href="{narrow("document", p.document_id)}">{title}</a></div></td>\n'
            f'    <td>{who}</td>\n'
            f'    <td>{quantities}</td>\n'
            f'    <td class="num">{confidence}</td>\n'
            '  </tr>\n')
    return Markup("".join(out))


def document_index(pledges, text: str, pledge_link) -> Markup:
    """The ``<li>`` of each pledge in a document page's index of its pledges (``queries.document_pledges``'s
    rows): its state badge (a link to its highlight) and its id and words (a link to the pledge's page,
    ``pledge_link`` a ``filters.IdLinks``)."""
    badges = {state: f'class="badge {escape(STATE_CLASSES[state.value])}">{escape(state.label)}</a>'
              for state in {p.review_state for p in pledges}}
    return Markup("".join(
        f'    <li><a href="#p-{p.id}" {badges[p.review_state]}\n'
        f'      <a href="{escape(pledge_link.of(p.id))}">#{p.id} {_escape(text[p.start:p.end])}</a></li>\n'
        for p in pledges))


def init_app(app) -> None:
    """The templates' names for these functions (after ``filters.init_app``: the ``progress`` macro calls
    ``progress_html``)."""
    app.jinja_env.globals.update(pledge_rows=pledge_rows, review_rows=review_rows, ledger_rows=ledger_rows, document_index=document_index,
                                queue_rows=queue_rows, undated_rows=undated_rows, proposal_rows=proposal_rows,
                                 district_options=district_options,
                                 progress_html=progress_html)
