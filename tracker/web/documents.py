"""Documents: the list with counts, the whole text with every pledge highlighted, and
adding a pledge the extractor missed from a selection."""
from __future__ import annotations

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user
from tracker.services import queries, records, selection, workbench
from tracker.services.errors import ServiceError
from tracker.web import highlight
from tracker.web.auth import EDITORS, roles_required
from tracker.web.db import get_or_404, get_session, unit_of_work
from tracker.web.forms import AddPledgeForm
from tracker.web.pledges import after_arg, district_options
from tracker.web.validation import ID_MAX, int_arg

bp = Blueprint("documents", __name__, url_prefix="/documents")

STATE_MARK = {"pending": "hl-pending", "confirmed": "hl-confirmed", "rejected": "hl-rejected"}


def get_document(document_id: int):
    return get_or_404(records.document, document_id)


def index():
    session = get_session()
    q = (request.args.get("q") or "").strip() or None
    rows, next_after = queries.document_page(session, {"q": q}, after=after_arg(),
                                             limit=current_app.config["PAGE_SIZE"])
    totals = queries.document_count(session)
    return render_template("documents/index.html", rows=rows, next_after=next_after, q=q, total=totals)


bp.add_url_rule("/", endpoint="index", view_func=index)


def pledge_spans(session, document, window: tuple[int, int] | None = None) -> tuple[list[highlight.Span], list]:
    """The highlights of the document's pledges (and of pledges merged from it), those overlapping
    ``window`` (start, end) only when given."""
    pledges, sources = queries.document_pledges(session, document.id, window)
    spans = [highlight.Span(p.start, p.end, ("hl", STATE_MARK[p.review_state.value],
                                             *(("hl-manual",) if p.origin.value == "manual" else ())),
                            pledge_id=p.id, title=f"#{p.id} {p.review_state.label}")
             for p in pledges]
    for pledge_id, start, end, state in sources:
        spans.append(highlight.Span(start, end, ("hl", STATE_MARK[state.value], "hl-source"), pledge_id=pledge_id,
                                    title=f"#{pledge_id}（合并来源）{state.label}"))
    return spans, pledges


@bp.get("/<int:document_id>")
def view(document_id: int):
    """The stored text with its pledges highlighted, one part (``highlight.PART_CHARS``, about 20,000
    characters) at a time: ``?part=N`` (from 1), or ``?at=OFFSET`` for the part holding that offset.
    The counts are the whole document's, from one grouped query; only the part's pledges are loaded."""
    session = get_session()
    document = get_document(document_id)
    parts = highlight.part_bounds(document.text, current_app.config.get("DOCUMENT_PART_CHARS") or highlight.PART_CHARS)
    at = int_arg("at", maximum=ID_MAX)
    if at is not None:
        index = next((i for i, (a, b) in enumerate(parts) if a <= at < b), len(parts) - 1)
    else:
        index = (int_arg("part", minimum=1, maximum=ID_MAX) or 1) - 1
        if index >= len(parts):
            abort(404)
    window = parts[index]
    spans, pledges = pledge_spans(session, document, window)
    body = highlight.render(document.text[window[0]:window[1]], spans, base=window[0])
    by_state = queries.review_state_counts(session, document.id)
    counts = {state: 0 for state in STATE_MARK}
    counts.update({state.value: n for state, n in by_state.items()})
    return render_template("documents/view.html", document=document, body=body, pledges=pledges, counts=counts,
                           total=sum(counts.values()), part=index + 1, parts=len(parts), window=window)


def _prefill(form: AddPledgeForm, reading) -> None:
    """The extractor's reading of the selection (``selection.read_selection``), into an empty form."""
    f = reading.fields
    form.district.data = f.get("district")
    form.official.data = f.get("official")
    form.responsible_unit.data = f.get("responsible_unit")
    form.action.data = f.get("action")
    form.object.data = f.get("object")
    form.qualifier.data = f.get("qualifier")
    form.deadline_raw.data = f.get("deadline_raw")
    form.due_on.data = f.get("due_on")
    form.deadline_precision.data = f.get("deadline_precision") or ""
    while len(form.quantities.entries):
        form.quantities.pop_entry()
    for q in f.get("quantities") or []:
        form.quantities.append_entry(q)
    form.quantities.append_entry()


@bp.route("/<int:document_id>/add", methods=["GET", "POST"])
@roles_required(*EDITORS)
def add(document_id: int):
    session = get_session()
    document = get_document(document_id)
    form = AddPledgeForm()
    reading = None
    if request.method == "GET":
        try:
            start, end = int(request.args["start"]), int(request.args["end"])
        except (KeyError, ValueError):
            abort(400)
        if not 0 <= start < end <= len(document.text):
            abort(400)
        form.start.data, form.end.data = start, end
        reading = selection.read_selection(session, document, start, end)
        _prefill(form, reading)
    elif form.validate_on_submit():
        try:
            with unit_of_work():
                pledge = workbench.add_pledge(session, current_user.user, document.id, form.start.data,
                                              form.end.data, form.changes())
        except workbench.FieldError as exc:
            target = getattr(form, exc.field, None)
            if target is None or isinstance(target.errors, dict):
                form.form_errors.append(str(exc))
            else:
                target.errors = [*target.errors, str(exc)]
        except ServiceError as exc:
            form.form_errors.append(str(exc))
        else:
            flash(f"已添加承诺 #{pledge.id}", "success")
            return redirect(url_for("documents.view", document_id=document.id, at=pledge.start,
                                    _anchor=f"p-{pledge.id}"))
    start, end = form.start.data or 0, form.end.data or 0
    if not 0 <= start < end <= len(document.text):
        abort(400)
    left, right = highlight.paragraph_bounds(document.text, start, end)
    passage = highlight.render(document.text[left:right], [highlight.Span(start, end, ("hl", "hl-current"))],
                               base=left)
    return render_template("documents/add.html", document=document, form=form, passage=passage, reading=reading,
                           quote=document.text[start:end], district_options=district_options(session)), 400 if request.method == "POST" else 200
