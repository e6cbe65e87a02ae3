"""Rule-based extraction of quantified pledges from Chinese government text.

A pure library: text in, candidates out. It imports jieba (lazily, only for
clauses that hold a candidate number) and reads its own lexicon files; it never
touches Flask, SQLAlchemy, the network or the caller's files.

    >>> from tracker.extract import extract_document
    >>> import datetime
    >>> doc = extract_document("今年将新建幼儿园3所。", published=datetime.date(2021, 1, 15))
    >>> [c.to_dict()["object"] for c in doc.candidates]
    ['幼儿园']
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tracker.extract.model import Candidate, Deadline, Official, Precision, Quantity, Role
from tracker.extract.normalise import Block, Normalised, normalise

EXTRACTOR_VERSION = "1"

__all__ = [
    "EXTRACTOR_VERSION", "Block", "Candidate", "Deadline", "ExtractedDocument", "Normalised", "Official",
    "Precision", "Quantity", "Role", "extract_document", "extract_text", "normalise",
]


@dataclass(frozen=True)
class ExtractedDocument:
    text: str  # the normalised text; every candidate's start/end index into it
    blocks: tuple[Block, ...]
    candidates: tuple[Candidate, ...]
    published: dt.date | None  # the date relative deadlines were resolved against
    published_source: str | None  # "given", "stated" (found in the text) or None


def extract_document(raw: str, published: dt.date | None = None) -> ExtractedDocument:
    """Normalise a decoded document and extract its pledges."""
    norm = normalise(raw)
    return extract_text(norm, published=published)


def extract_text(norm: Normalised, published: dt.date | None = None) -> ExtractedDocument:
    """Extract pledges from text that is already normalised (e.g. a stored document)."""
    from tracker.extract.deadlines import find_document_date
    from tracker.extract.numbers import find_numbers
    from tracker.extract.pledges import find_pledges

    find_numbers.cache_clear()  # the cache serves one document's reading, not the next document

    source = "given" if published else None
    if published is None:
        published = find_document_date(norm.text)
        source = "stated" if published else None
    candidates = find_pledges(norm, published)
    return ExtractedDocument(norm.text, tuple(norm.blocks), tuple(candidates), published, source)
