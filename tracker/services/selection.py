"""The extractor's reading of a passage an editor selected (to add a pledge it missed).

The selection is read in its context, as the extractor reads a pledge: the whole stored
document goes through the extractor, and a candidate it found over the selection gives every
field. Otherwise the selection is read as a sentence (quantities, action, object, qualifier,
its own deadline words), and what the selection does not say is taken from its neighbours:
the deadline words of its sentence, then of its paragraph before it; the district and the
official of the extractor's candidates in the same paragraph (the nearest before, else after),
else the people and places the paragraph names, else the district the document is mostly about;
the responsible unit (牵头单位) of the nearest pledge of the same paragraph an editor gave one.

``read_selection`` returns the fields (as the add form takes them) and the labels of the fields
it could not read, so the form can say so. Nothing here writes.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy.orm import Session

from tracker import glossary
from tracker.db.models import Document, Pledge
from tracker.extract import extract_document
from tracker.extract.deadlines import find_deadlines, resolve
from tracker.extract.people import districts_in, find_people

#: the fields a reading fills, in the form's order (their labels come from the glossary)
READ_FIELDS = ("district", "official", "responsible_unit", "action", "object", "quantities", "deadline_raw", "due_on")
_SENTENCE_END = re.compile(r"[。！？；!?;\n]")


@dataclass
class SelectionReading:
    fields: dict = field(default_factory=dict)  # district, official, …, quantities [{value, unit}], due_on
    sources: dict = field(default_factory=dict)  # field → where it was read (选区, 句子, 段落, 全文)

    @property
    def unread(self) -> list[str]:
        """Labels of the fields nothing was read for."""
        return [glossary.field_label(k) for k in READ_FIELDS if not self.fields.get(k)]


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _bounds(text: str, start: int, end: int, stops: re.Pattern) -> tuple[int, int]:
    left = max((m.end() for m in stops.finditer(text, 0, start)), default=0)
    m = stops.search(text, end)
    return left, (m.end() if m else len(text))


def paragraph(text: str, start: int, end: int) -> tuple[int, int]:
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    return left, (len(text) if right < 0 else right)


def sentence(text: str, start: int, end: int) -> tuple[int, int]:
    return _bounds(text, start, end, _SENTENCE_END)


def _from_candidate(reading: SelectionReading, c, where: str) -> None:
    values = {
        "district": c.district, "official": c.official.name if c.official else None, "action": c.action,
        "object": c.object, "qualifier": c.qualifier, "deadline_raw": c.deadline.raw, "due_on": c.deadline.date,
        "deadline_precision": c.deadline.precision.value if c.deadline.precision else None,
        "quantities": [{"value": format(q.value, "f"), "unit": q.unit} for q in c.quantities],
    }
    for key, value in values.items():
        if value and not reading.fields.get(key):
            reading.fields[key] = value
            reading.sources[key] = where


def _deadline_near(text: str, span: tuple[int, int], limit: int, published: dt.date | None):
    """The deadline words of ``text[span]`` nearest before ``limit`` (else the first after it)."""
    found = [m for m in find_deadlines(text[span[0]:span[1]], published)
             if m.deadline.date and (published is None or m.deadline.date >= published)]  # not 去年
    if not found:
        return None
    before = [m for m in found if span[0] + m.start < limit]
    return (before[-1] if before else found[0]).deadline


def read_selection(session: Session, document: Document, start: int, end: int) -> SelectionReading:
    """The extractor's reading of ``document.text[start:end]`` in its sentence and paragraph: each step
    fills only the fields the steps before it left empty."""
    text = document.text
    published = document.published_on
    reading = SelectionReading()
    whole = extract_document(text, published=published)
    fits = whole.text == text  # the stored text is the normalised one: offsets fit
    candidates = list(whole.candidates) if fits else []
    s_span, p_span = sentence(text, start, end), paragraph(text, start, end)
    _read_candidates(reading, text, published, candidates, start, end, s_span)
    _read_deadline(reading, text, published, start, end, s_span, p_span)
    _read_places(reading, text, candidates, start, p_span)
    unit = session.execute(
        sa.select(Pledge.responsible_unit).where(Pledge.document_id == document.id,
                                                 Pledge.responsible_unit.is_not(None),
                                                 Pledge.start >= p_span[0], Pledge.start < p_span[1])
        .order_by(sa.func.abs(Pledge.start - start)).limit(1)).scalar()
    if unit:
        reading.fields["responsible_unit"], reading.sources["responsible_unit"] = unit, "同段承诺"
    return reading


def _read_candidates(reading: SelectionReading, text: str, published, candidates: list, start: int, end: int,
                     s_span: tuple[int, int]) -> None:
    """The whole text's candidate over the selection, then its sentence read alone, then the selection."""
    best = max(candidates, key=lambda c: _overlap((c.start, c.end), (start, end)), default=None)
    if best is not None and _overlap((best.start, best.end), (start, end)) > 0:
        _from_candidate(reading, best, "抽取结果")
    if not reading.fields.get("quantities"):
        # the selection's sentence, read alone (as its own paragraph): its cue words and deadline words count
        own = extract_document(text[s_span[0]:s_span[1]], published=published).candidates
        over = [c for c in own if _overlap((s_span[0] + c.start, s_span[0] + c.end), (start, end)) > 0]
        if over:
            _from_candidate(reading, max(over, key=lambda c: _overlap((s_span[0] + c.start, s_span[0] + c.end),
                                                                      (start, end))), "所在句子")
    quote = text[start:end].strip()
    if quote:
        as_sentence = quote if quote[-1] in "。！？；!?;" else quote + "。"
        own = extract_document(as_sentence, published=published).candidates
        if own:
            _from_candidate(reading, max(own, key=lambda c: (len(c.quantities), c.end - c.start)), "选区")


def _read_deadline(reading: SelectionReading, text: str, published, start: int, end: int,
                   s_span: tuple[int, int], p_span: tuple[int, int]) -> None:
    """Deadline words near the selection, in its sentence, else in its paragraph up to its end."""
    if reading.fields.get("due_on"):
        return
    for span, where in ((s_span, "所在句子"), ((p_span[0], end), "所在段落")):
        deadline = _deadline_near(text, span, start, published)
        if deadline is not None:
            reading.fields.update(deadline_raw=deadline.raw, due_on=deadline.date,
                                  deadline_precision=deadline.precision.value if deadline.precision else None)
            reading.sources["due_on"] = reading.sources["deadline_raw"] = where
            return


def _read_places(reading: SelectionReading, text: str, candidates: list, start: int,
                 p_span: tuple[int, int]) -> None:
    """District and official from the paragraph's other pledges, then its words, then the whole text."""
    neighbours = sorted((c for c in candidates if p_span[0] <= c.start < p_span[1]),
                        key=lambda c: (c.start > start, abs(c.start - start)))
    for key, get in (("district", lambda c: c.district), ("official", lambda c: c.official and c.official.name)):
        if reading.fields.get(key):
            continue
        value = next((get(c) for c in neighbours if get(c)), None)
        if value:
            reading.fields[key], reading.sources[key] = value, "同段承诺"
    p_text = text[p_span[0]:p_span[1]]
    if not reading.fields.get("official"):
        people = find_people(p_text)
        if people:
            reading.fields["official"], reading.sources["official"] = people[0].official.name, "所在段落"
    if not reading.fields.get("district"):
        named = districts_in(p_text)
        if named:
            reading.fields["district"], reading.sources["district"] = named[0][1], "所在段落"
        else:
            common = (Counter(c.district for c in candidates if c.district)
                      or Counter(name for _, name in districts_in(text))).most_common(1)
            if common:
                reading.fields["district"], reading.sources["district"] = common[0][0], "全文"


def resolve_deadline(raw: str, published: dt.date | None):
    """Typed deadline words (三年, 年底前, 2025年) → the extractor's ``Deadline`` (date and precision)."""
    return resolve(raw, published)
