"""Pledges: the filtered list, the pledge page (every field, its sources, its history) and merging duplicates.

The list (and its JSON twin ``/api/pledges``) is a view of ``tracker.services.listing``, the
query builder behind the ledger and every export: the same filters, sentence, flags and
keyset pages, so its export links hand the same arguments to ``/reports/export.<format>``.
"""
from __future__ import annotations

from functools import lru_cache
from types import MappingProxyType

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user
from markupsafe import Markup, escape
from tracker.db.enums import ReviewState, Status
from tracker.services import followup, listing, pages, records, workbench
from tracker.services.schedule import Flag
from tracker.web import caching, highlight
from tracker.web.auth import EDITORS, roles_required
from tracker.web.filters import ViewLinks
from tracker.web.db import get_or_404, get_session, unit_of_work
from tracker.web.forms import MergeForm
from tracker.web.validation import ID_MAX, int_arg

bp = Blueprint("pledges", __name__, url_prefix="/pledges")


def district_names(session) -> tuple[str, ...]:
    """Every district's name, for the district inputs' datalist (read again when the data changes)."""
    return caching.cached(session, "district_names", (), lambda: tuple(pages.district_names(session)),
                          patch=lambda kept, ids: kept)  # (a confirmation as read names no new district)


def district_by_id(session) -> MappingProxyType:
    """Every district's name by id, read again when the data changes (as ``district_names``)."""
    return caching.cached(session, "district_by_id", (), lambda: MappingProxyType(pages.district_by_id(session)),
                          patch=lambda kept, ids: kept)


def district_options(session) -> Markup:
    """The district inputs' datalist options (``<option value="名称">`` of each district), written once until
    the data changes: a Jinja loop over the ~100 names with an escape each was a fifth of the list page's
    template outside its rows."""
    return caching.cached(session, "district_options", (), lambda: Markup("".join(
        f'<option value="{escape(name)}">' for name in district_names(session))), patch=lambda kept, ids: kept)


#: each select of the list's filter form: its options as (the value its view's filter compares, the option's
#: value, its words), in the order the template's loops wrote them
_FORM_SELECTS = {
    "status": tuple((s, s.value, s.label) for s in Status),
    "review_state": tuple((s, s.value, s.label) for s in ReviewState),
    "flag": tuple((fl, fl.value, f"{fl.label}（{fl.meaning}）") for fl in Flag),
    "restated": tuple((k, k, label) for k, label in followup.RESTATED_KINDS.items()),
    "sort": tuple((key, key, label) for key, (label, _, _) in listing.SORTS.items()),
}


@lru_cache(maxsize=256)
def _select_options(name: str, chosen) -> Markup:
    return Markup("".join(f'<option value="{escape(value)}" {"selected" if chosen == key else ""}>{escape(words)}</option>'
                          for key, value, words in _FORM_SELECTS[name]))


def form_options(f: listing.Filters) -> dict[str, Markup]:
    """The options of the list's filter form's selects (状态, 审核状态, 标记, 后续重述, 排序), the view's own
    selected: what the template's five loops wrote (an escape a value and a word, a test an option), each
    select's text kept by its chosen value."""
    v = f.values
    return {"status": _select_options("status", v.get("status")),
            "review_state": _select_options("review_state", v.get("review_state")),
            "flag": _select_options("flag", v.get("flag")),
            "restated": _select_options("restated", v.get("restated")),
            "sort": _select_options("sort", f.sort)}


def get_pledge(pledge_id: int, *, full: bool = False):
    """The pledge (``records.pledge``, for the views that write) or 404; the pages that only read it
    use ``pages.pledge_for_page``."""
    return get_or_404(records.pledge, pledge_id, full=full)


def after_arg() -> int | None:
    """The keyset cursor ``?after=N`` of a list page or API list; 400 with a message when it is no
    number or beyond 64 bits."""
    return int_arg("after", maximum=ID_MAX)


#: The editor's list: every review state, newest first (the ledger /reports/ holds confirmed pledges,
#: soonest deadline first). Written into the view's arguments, so links and exports say them too.
LIST_DEFAULTS = {"review_state": listing.ALL, "sort": "-id"}


def list_filters() -> listing.Filters:
    """The view the list page or ``/api/pledges`` asks for (``listing.BadFilter`` on bad input)."""
    given = dict(request.args.items())
    for key, value in LIST_DEFAULTS.items():
        if not (given.get(key) or "").strip():
            given[key] = value
    session = get_session()
    # ``district=<id>`` (the list's own links): its name from the districts kept until the data changes,
    # not a statement of its own a request (``listing.parse_filters`` reads what is not found there)
    known = None
    district = given.get("district")
    if isinstance(district, str) and (district := district.strip()).isascii() and district.isdigit() \
            and len(district) <= 12:
        name = district_by_id(session).get(int(district))
        if name is not None:
            known = {"district": (int(district), name)}
    return listing.parse_filters(session, given, known=known)


def list_page(limit: int) -> tuple[listing.Filters, list[listing.Row], str | None]:
    """The view, one keyset page of it (``?after=`` a cursor the previous page handed out) and the next cursor."""
    f = list_filters()
    rows, next_after = listing.page(get_session(), f, after=request.args.get("after") or None, limit=limit)
    return f, rows, next_after


@bp.get("/")
def index():
    session = get_session()
    try:
        f, rows, next_after = list_page(current_app.config["PAGE_SIZE"])
    except listing.BadFilter as exc:
        return render_template("error.html", code=400, message=str(exc)), 400
    cap = current_app.config["LIST_COUNT_CAP"]
    total = caching.cached_count(session, "pledges", (tuple(sorted(f.args.items())), cap),
                                 lambda: listing.count(session, f, cap=cap),
                                 patch=lambda kept, ids: listing.count_after_confirming(session, f, kept, ids, cap=cap))
    return render_template("pledges/index.html", rows=rows, next_after=next_after, f=f,
                           links=ViewLinks("pledges.index", f.args), options=form_options(f),
                           total=min(total, cap), more=total > cap,
                           district_options=district_options(session))


@bp.get("/<int:pledge_id>")
def view(pledge_id: int):
    """The pledge page: the pledge and its lists read by ``pages`` (a list is asked for only when the
    pledge's row says it holds something)."""
    session = get_session()
    pledge = get_or_404(pages.pledge_for_page, pledge_id)
    document = pledge.document
    left, right = highlight.paragraph_bounds(document.text, pledge.start, pledge.end)
    spans = [highlight.Span(pledge.start, pledge.end, ("hl", "hl-current"))]
    spans += [highlight.Span(q.start, q.end, ("hl-qty",)) for q in pledge.quantities if q.start is not None]
    passage = highlight.render(document.text[left:right], spans, base=left)
    earlier, later = followup.chain(session, pledge) if pledge.has_earlier or pledge.has_later else ([], [])
    return render_template("pledges/view.html", pledge=pledge, document=document, passage=passage,
                           events=pages.history(session, pledge),
                           merge_form=MergeForm() if current_user.is_authenticated and current_user.is_editor else None,
                           duplicates=pages.possible_duplicates(session, pledge),
                           suggestions=followup.suggestions_of(session, pledge.id) if pledge.has_suggestions else [],
                           chain_earlier=earlier, chain_later=later,
                           dropped=followup.dropped_in(session, pledge) if pledge.has_restated_siblings else [])


@bp.post("/<int:pledge_id>/merge")
@roles_required(*EDITORS)
def merge(pledge_id: int):
    session = get_session()
    form = MergeForm()
    if not form.validate_on_submit():
        if getattr(form, "csrf_token", None) is not None and form.csrf_token.errors:  # (CSRF may be off in tests)
            abort(400)
        flash("请填写要并入的重复条目编号", "error")
        return redirect(url_for("pledges.view", pledge_id=pledge_id))
    get_pledge(pledge_id)
    with unit_of_work(back=url_for("pledges.view", pledge_id=pledge_id)):  # a refusal: flashed, back there
        workbench.merge_pledges(session, current_user.user, pledge_id, form.duplicate.data)
    flash(f"已把 #{form.duplicate.data} 并入 #{pledge_id}", "success")
    return redirect(url_for("pledges.view", pledge_id=pledge_id))
