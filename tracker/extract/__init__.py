"""Rule-based extraction of quantified pledges from Chinese government text.

A pure library: text in, candidates out. It reads jieba's dictionary (compiled by jieba
in a process's first reading, then read in place without importing jieba, only for
clauses that hold a candidate number) and its own lexicon files; it never touches
Flask, SQLAlchemy, the network or the caller's files.

    >>> from tracker.extract import extract_document
    >>> import datetime
    >>> doc = extract_document("今年将新建幼儿园3所。", published=datetime.date(2021, 1, 15))
    >>> [c.to_dict()["object"] for c in doc.candidates]
    ['幼儿园']
"""
from __future__ import annotations

import datetime as dt
import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from tracker.extract.charsets import remember_charsets
from tracker.extract.patterns import keep_compiled, save as _save_patterns
from tracker.extract.tokens import cache_dir


def code_files() -> list[Path]:
    """The files the extractor's version is a hash of: every module under tracker/extract (the rule
    modules of ``pledges/`` included), every packaged lexicon, and a user's lexicon additions
    (``TRACKER_LEXICON_DIR``), which change what the extractor reads."""
    return [Path(p) for p in _code_paths()]


def _code_paths() -> list[str]:
    """``code_files`` as plain paths, in its order (modules by their path from here, then the lexicons by name, then a
    user's additions by name), walked without ``pathlib`` (read at every import: a third of the version's time)."""
    here = os.path.dirname(os.path.abspath(__file__))
    modules = []
    for folder, _, names in os.walk(here):
        rel = os.path.relpath(folder, here).replace(os.sep, "/")
        modules += [((name if rel == "." else f"{rel}/{name}"), os.path.join(folder, name))
                    for name in names if name.endswith(".py")]
    lexicon = os.path.join(here, "lexicon")
    files = [full for _, full in sorted(modules)] + _txt_in(lexicon)
    extra = os.environ.get("TRACKER_LEXICON_DIR")
    if extra and os.path.isdir(extra):
        files += _txt_in(extra)
    return files


def _txt_in(folder: str) -> list[str]:
    try:
        return [os.path.join(folder, name) for name in sorted(os.listdir(folder)) if name.endswith(".txt")]
    except OSError:
        return []


def _code_version() -> str:
    """A short hash of the extractor's code and word lists (``code_files``): changes whenever a rule
    or a lexicon does.

    Read once at import (about 60 files, a few hundred kilobytes: well under a millisecond
    of hashing), so ``tracker reextract`` knows which stored readings an older extractor made."""
    inside = os.path.dirname(os.path.abspath(__file__)) + os.sep  # a file under it is named by its path from there (pledges/base.py)
    digest = hashlib.sha256()
    for full in _code_paths():
        name = full[len(inside):].replace(os.sep, "/") if full.startswith(inside) else os.path.basename(full)
        digest.update(name.encode() + b"\0")
        try:
            with open(full, "rb") as fh:
                digest.update(fh.read())
        except OSError:
            continue
        digest.update(b"\0")
    return digest.hexdigest()[:12]


#: The extractor's version as stored with each candidate: a hash of its code and lexicon files.
EXTRACTOR_VERSION = _code_version()


remember_charsets()  # before the modules below compile their patterns
keep_compiled(cache_dir(), EXTRACTOR_VERSION)  # their code read from the cache folder, once it has been written

from tracker.extract.deadlines import find_document_date  # noqa: E402
from tracker.extract.model import Candidate, Deadline, Official, Precision, Quantity, Role  # noqa: E402
from tracker.extract.normalise import Block, Normalised, folded, normalise  # noqa: E402
from tracker.extract.numbers import find_numbers  # noqa: E402
from tracker.extract.pledges import find_pledges  # noqa: E402
from tracker.extract.pledges.base import actions_between  # noqa: E402
from tracker.extract.script import as_written  # noqa: E402
from tracker.extract.tokens import cut_words  # noqa: E402

_save_patterns()  # what the import compiled, the first time

__all__ = [
    "EXTRACTOR_VERSION", "Block", "Candidate", "Deadline", "ExtractedDocument", "Normalised", "Official",
    "Precision", "Quantity", "Role", "extract_document", "extract_text", "normalise",
]


@dataclass(frozen=True)
class ExtractedDocument:
    """What the extractor read of one document: its text, paragraphs, candidates and declined pieces."""

    text: str  # the normalised text; every candidate's start/end index into it
    blocks: tuple[Block, ...]
    candidates: tuple[Candidate, ...]
    published: dt.date | None  # the date relative deadlines were resolved against
    published_source: str | None  # "given", "stated" (found in the text) or None
    # the clause pieces with a quantity that no pledge came of, and the rules that said so: (start, end, pledge
    # rule, tense rule), e.g. (12, 30, "looks_back", "cue_before_number"), the tense rule "" when the pledge rule
    # answered before the tense was read; the provenance of a pledge the extractor left out
    declined: tuple[tuple[int, int, str, str], ...] = field(default=(), compare=False)


def extract_document(raw: str, published: dt.date | None = None, *, district: str | None = None,
                     official: Official | None = None, plan_year: int | None = None) -> ExtractedDocument:
    """Normalise a decoded document and extract its pledges.

    ``district`` and ``official`` are the document's government and speaker as its user knows
    them (a work report of 某市人民政府, delivered by its 市长): they fill a pledge's district and
    official where the text names none for it; what the text says about a pledge wins. ``plan_year``
    says the document is a plan for that year as a whole (a plan section cut from its report, as
    ``tracker followup --plan-year`` is told): its task paragraphs are that year's work."""
    norm = normalise(raw)
    return extract_text(norm, published=published, district=district, official=official, plan_year=plan_year)


def extract_text(norm: Normalised, published: dt.date | None = None, *, district: str | None = None,
                 official: Official | None = None, plan_year: int | None = None) -> ExtractedDocument:
    """Extract pledges from text that is already normalised (e.g. a stored document)."""
    find_numbers.cache_clear()  # the caches serve one document's reading, not the next document
    cut_words.cache_clear()
    folded.cache_clear()
    actions_between.cache_clear()

    read = norm if norm.reading is None else Normalised(norm.reading, norm.reading_blocks or norm.blocks)
    source = "given" if published else None
    if published is None:
        published = find_document_date(read.text)
        source = "stated" if published else None
    declined: list[tuple[int, int, str, str]] = []
    candidates = find_pledges(read, published, district=district or None, official=official, declined=declined,
                              plan_year=plan_year)
    if norm.reading is not None:  # read in simplified characters, without pinyin: the words as the text writes them
        candidates = [as_written(c, norm.text, norm.reading, _paragraph(read.blocks, c.start), norm.positions)
                      for c in candidates]
        if norm.positions is not None:
            at = norm.positions
            declined = [(at[s], at[e], p, t) for s, e, p, t in declined]
    _save_patterns()  # the patterns first built by this reading, if any (the first documents of the first process)
    return ExtractedDocument(norm.text, tuple(norm.blocks), tuple(candidates), published, source, tuple(declined))


def _paragraph(blocks: tuple[Block, ...], at: int) -> tuple[int, int]:
    for block in blocks:
        if block.start <= at <= block.end:
            return block.start, block.end
    return at, at
