"""Server-side highlighting from stored code-point offsets: escape first, then wrap in <mark>.

``render(text, spans)`` cuts the text at every span boundary and newline; each piece is
escaped and, when spans cover it, wrapped in one ``<mark>`` whose classes are the
union of the covering spans' classes (so a quantity inside a pledge is marked as
both). Every piece carries ``data-o``, its offset in the stored text, so a selection
in the browser maps back to offsets exactly. Each line becomes a ``<p>``.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup, escape


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    classes: tuple[str, ...] = ()
    pledge_id: int | None = None  # the <mark> links to it and the first piece gets id="p-<id>"
    title: str | None = None
    attrs: dict = field(default_factory=dict, compare=False)


def _piece(text: str, offset: int, active: list[Span], anchors: set[int]) -> str:
    body = escape(text)
    if not active:
        return f'<span data-o="{offset}">{body}</span>'
    classes = []
    for span in active:
        for c in span.classes:
            if c not in classes:
                classes.append(c)
    inner = min(active, key=lambda s: (s.end - s.start, s.start))
    owner = next((s for s in sorted(active, key=lambda s: (s.end - s.start)) if s.pledge_id is not None), None)
    attrs = [f'data-o="{offset}"', f'class="{escape(" ".join(classes))}"']
    if owner is not None:
        attrs.append(f'data-pledge="{owner.pledge_id}"')
        if owner.pledge_id not in anchors:
            anchors.add(owner.pledge_id)
            attrs.append(f'id="p-{owner.pledge_id}"')
    title = inner.title or (owner.title if owner else None)
    if title:
        attrs.append(f'title="{escape(title)}"')
    return f"<mark {' '.join(attrs)}>{body}</mark>"


def render(text: str, spans: list[Span], *, base: int = 0) -> Markup:
    """``text`` (which starts at offset ``base`` of the stored text) as <p> paragraphs with ``spans`` marked."""
    end_all = base + len(text)
    spans = [s for s in spans if s.start < end_all and s.end > base and s.start < s.end]
    cuts = {base, end_all}
    for s in spans:
        cuts.add(max(base, s.start))
        cuts.add(min(end_all, s.end))
    i = text.find("\n")
    while i >= 0:  # (str.find, not a loop over every character: a document's text is long)
        cuts.add(base + i)
        cuts.add(base + i + 1)
        i = text.find("\n", i + 1)
    bounds = sorted(cuts)
    anchors: set[int] = set()
    out: list[str] = ["<p>"]
    for a, b in zip(bounds, bounds[1:]):
        piece = text[a - base:b - base]
        if piece == "\n":
            out.append("</p>\n<p>")
            continue
        active = [s for s in spans if s.start <= a and s.end >= b]
        out.append(_piece(piece, a, active, anchors))
    out.append("</p>")
    html = "".join(out).replace("<p></p>", "")
    return Markup(html)


#: The most a passage shows on either side of its span: a paragraph of a million characters on one
#: line (OCR without line breaks) is shown as a window around the pledge, not whole.
PASSAGE_MARGIN = 3_000


def paragraph_bounds(text: str, start: int, end: int, margin: int = PASSAGE_MARGIN) -> tuple[int, int]:
    """The lines around [start, end): from the newline before ``start`` to the one after ``end``,
    at most ``margin`` characters either side of the span."""
    left = text.rfind("\n", max(0, start - margin), start) + 1 or max(0, start - margin)
    right = text.find("\n", end, end + margin)
    return left, min(len(text), end + margin) if right == -1 else right


#: About how many characters one part of a document page holds (a page never renders more than one part).
PART_CHARS = 20_000


def part_bounds(text: str, size: int = PART_CHARS) -> list[tuple[int, int]]:
    """The text cut into parts of at most ``size`` characters, each ending at a line end where the
    second half of its stretch has one (else cut where the size ends)."""
    parts, start, n = [], 0, len(text)
    while start < n:
        end = min(n, start + size)
        if end < n:
            cut = text.rfind("\n", start + size // 2, end)
            if cut != -1:
                end = cut + 1
        parts.append((start, end))
        start = end
    return parts or [(0, 0)]
