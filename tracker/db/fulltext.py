"""The full-text index behind the pledge list's text filter (``q``).

``pledge_search`` holds one row per pledge: the words it can be found by, space-joined.
The database indexes that column: on SQLite an FTS5 table (``pledge_search_fts``, external
content, kept in step by triggers on ``pledge_search``); on PostgreSQL a GIN index on
``to_tsvector('simple', words)``. Both are made by migration 0002 and are no part of the
models, so autogenerate leaves them alone (``include_name``).

Which words: every word of the extractor's jieba dictionary (its domain user dictionary
included) of two or more Chinese characters that occurs anywhere in the pledge's quote,
object or document title. jieba's DAG of the text lists them all: the words its search
mode yields (学校 out of 中小学校) and also the ones its cut steps over (学校 in 中小学校舍,
cut 中小学 / 校舍). So for a query word that is such a dictionary word (``is_word``), "the
index holds it" means exactly "the text contains it", and the index answers as a substring
scan would, only faster. Other query words (one character, Latin letters, digits, strings
the dictionary does not know) are substring tests: see ``tracker.services.search``.

Kept current: ORM writes of a pledge (new, or its quote / object / document changed) and of
a document's title, through the mapper events at the end of this module (registered by
``tracker.db.engine``, where every engine and session comes from); ingest's bulk inserts
call ``insert_rows``; ``rebuild`` recomputes every row (``tracker db reindex``, import-db).
After the jieba dictionary changes (the lexicon files), run ``tracker db reindex``.
"""
from __future__ import annotations

import re
import time
from functools import cache
from typing import Iterable

import sqlalchemy as sa
from sqlalchemy.engine import Connection
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.expression import ColumnElement
from sqlalchemy.sql.visitors import InternalTraversal

from tracker.extract import tokens
from tracker.db.bulk import BulkInsert
from tracker.db.models import Document, Pledge, PledgeSearch

TABLE = "pledge_search"
SQLITE_FTS = "pledge_search_fts"  # and its shadow tables pledge_search_fts_*
POSTGRESQL_INDEX = "ix_pledge_search_words"
#: PostgreSQL's partial indexes of pledge (migration 0009) for the ledger's and the reviewer's queue's counts:
#: (due_on, id) of the confirmed pledges, and of those still open (``OPEN_PREDICATE``). Outside the models,
#: as the GIN index: on SQLite the same indexes made the ledger 35 -> 80-95 ms (its planner chose them)
#: Migration 0010 adds (status_on NULLS FIRST, id) of the open ones without a deadline (``UNDATED_PREDICATE``):
#: the reviewer's queue's undated list and count (``tables.undated``), and status_event's ids of its proposals
#: (kind 'proposed': the queue's open proposals, ``tables.open_proposals``)
POSTGRESQL_ONLY_INDEXES = frozenset({"ix_pledge_confirmed_due_on", "ix_pledge_open_due_on", "ix_pledge_undated_status_on",
                                     "ix_status_event_proposed"})
CONFIRMED_PREDICATE = "review_state = 'confirmed' AND merged_into_id IS NULL"
OPEN_PREDICATE = CONFIRMED_PREDICATE + " AND status NOT IN ('done', 'missed', 'unassessable')"
UNDATED_PREDICATE = OPEN_PREDICATE + " AND due_on IS NULL"
BATCH = 2000


_HAN_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")


@cache
def _freq() -> dict[str, int]:
    """jieba's prefix dictionary (the extractor's tokenizer, domain words included): every word
    with its frequency, and every prefix of a word with 0 when it is no word itself."""
    return tokens.prefix_dictionary()


def is_word(text: str) -> bool:
    """A dictionary word of two or more Chinese characters: what the index holds and answers."""
    return len(text) >= 2 and _HAN_RUN.fullmatch(text) is not None and _freq().get(text, 0) > 0


def words_in(text: str | None) -> set[str]:
    """Every dictionary word (``is_word``) that occurs in ``text``.

    jieba's ``get_DAG`` walk (from each character, extend while the fragment is in the prefix
    dictionary, keep the fragments that are words), run on the runs of Chinese characters only
    and keeping words of two or more: the same words, in half the time of ``get_DAG`` (a test
    holds the two equal), which matters because ingest indexes every pledge it stores.
    """
    out: set[str] = set()
    if not text:
        return out
    freq = _freq()
    for match in _HAN_RUN.finditer(text):
        run = match.group()
        n = len(run)
        for start in range(n - 1):
            if run[start] not in freq:
                continue
            end = start + 2
            fragment = run[start:end]
            while fragment in freq:
                if freq[fragment]:
                    out.add(fragment)
                if end >= n:
                    break
                end += 1
                fragment = run[start:end]
    return out


def entry(quote: str | None, object_: str | None, title: str | None) -> str:
    """A pledge's index entry: its words, sorted, space-joined."""
    return " ".join(sorted(words_in(quote) | words_in(object_) | words_in(title)))


def _table():
    return PledgeSearch.__table__


def _source(pledge_ids=None, document_id: int | None = None):
    stmt = (sa.select(Pledge.id, Pledge.quote, Pledge.object, Document.title)
            .join(Document, Document.id == Pledge.document_id))
    if pledge_ids is not None:
        stmt = stmt.where(Pledge.id.in_(list(pledge_ids)))
    if document_id is not None:
        stmt = stmt.where(Pledge.document_id == document_id)
    return stmt


@cache
def _bulk():
    return BulkInsert(_table())


def insert_rows(connection: Connection, pledges: Iterable[tuple[int, str | None, str | None, str | None]]) -> None:
    """Index new pledges, given as (id, quote, object, document title); one batched INSERT."""
    titles: dict[str | None, set[str]] = {}  # the pledges of one document share its title: read it once
    rows = []
    for pid, quote, obj, title in pledges:
        if title not in titles:
            titles[title] = words_in(title)
        rows.append({"pledge_id": pid, "words": " ".join(sorted(words_in(quote) | words_in(obj) | titles[title]))})
    _bulk().execute(connection, rows)


def refresh(connection: Connection, pledge_ids: Iterable[int] | None = None, *,
            document_id: int | None = None) -> None:
    """Recompute the entries of these pledges (or of every pledge of ``document_id``) from the database."""
    rows = connection.execute(_source(pledge_ids, document_id)).all()
    if not rows:
        return
    table = _table()
    connection.execute(table.delete().where(table.c.pledge_id.in_([r[0] for r in rows])))
    insert_rows(connection, rows)


def rebuild(connection: Connection, batch: int = BATCH) -> int:
    """Recompute every entry (flush-level: the caller commits); returns how many pledges are indexed."""
    connection.execute(_table().delete())
    last, n = 0, 0
    while True:
        rows = connection.execute(_source().where(Pledge.id > last).order_by(Pledge.id).limit(batch)).all()
        if not rows:
            break
        insert_rows(connection, rows)
        last, n = rows[-1][0], n + len(rows)
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql(f"INSERT INTO {SQLITE_FTS}({SQLITE_FTS}) VALUES ('optimize')")
    return n


def include_name(name, type_, parent_names) -> bool:
    """For Alembic: leave the database-specific parts (FTS5 tables, the GIN index, ``POSTGRESQL_ONLY_INDEXES``)
    out of comparisons."""
    if type_ == "table":
        return not (name == SQLITE_FTS or str(name).startswith(SQLITE_FTS + "_"))
    if type_ == "index":
        return name != POSTGRESQL_INDEX and name not in POSTGRESQL_ONLY_INDEXES
    return True


class HoldsWords(ColumnElement[bool]):
    """The pledges whose entry holds every word, through the database's own index.

    SQLite: ``pledge.id IN (SELECT rowid FROM pledge_search_fts WHERE ... MATCH ?)``, which its
    planner turns into look-ups by id. PostgreSQL: ``pledge.id = ANY (ARRAY(SELECT ...))``: the
    ids are found once (GIN) and filter the pledge scan itself; as ``IN (SELECT ...)`` the
    list's nine-table join exceeds ``join_collapse_limit`` and the semi-join came last, after
    joining every pledge (240 ms instead of 3 ms for a rare word at 100,000 pledges).
    The words (``is_word`` ones: Chinese characters only, so no quoting rules of either
    engine come into play) travel as one bound string, so statements stay cacheable.
    """

    type = sa.Boolean()
    _is_implicitly_boolean = True  # a predicate as it stands: no "= 1" after it, which would hide it from the planner
    inherit_cache = True
    _traverse_internals = [("pledge_id", InternalTraversal.dp_clauseelement),
                           ("query", InternalTraversal.dp_clauseelement)]

    def __init__(self, pledge_id, words: Iterable[str]) -> None:
        words = list(words)
        if not words or not all(is_word(w) for w in words):
            raise ValueError(f"not index words: {words!r}")
        self.pledge_id = pledge_id
        # FTS5 reads '"学校" "新建"' as 学校 AND 新建; plainto_tsquery reads the quotes as blanks
        self.query = sa.bindparam(None, " ".join(f'"{w}"' for w in words), type_=sa.String(), unique=True)


@compiles(HoldsWords, "sqlite")
def _holds_sqlite(element, compiler, **kw):
    return (f"{compiler.process(element.pledge_id, **kw)} IN (SELECT rowid FROM {SQLITE_FTS} "
            f"WHERE {SQLITE_FTS} MATCH {compiler.process(element.query, **kw)})")


@compiles(HoldsWords, "postgresql")
def _holds_postgresql(element, compiler, **kw):
    return (f"{compiler.process(element.pledge_id, **kw)} = ANY (ARRAY(SELECT pledge_id FROM {TABLE} "
            f"WHERE to_tsvector('simple'::regconfig, words) @@ "
            f"plainto_tsquery('simple'::regconfig, {compiler.process(element.query, **kw)})))")


@compiles(HoldsWords)
def _holds_other(element, compiler, **kw):
    raise sa.exc.CompileError(f"the pledge search index exists on SQLite and PostgreSQL only, "
                              f"not {compiler.dialect.name}")


#: SQLite: the FTS5 table as a FROM item, its rowid the pledge's id (``MatchesWords`` its condition). A list
#: page in id order joins it and orders by its rowid, which FTS5 walks in order and stops after the page:
#: as ``HoldsWords`` (an IN list) SQLite read every hit of a common word (10,000 for 幼儿园) and sorted
#: them to keep 51 (1.6 ms -> 0.05 ms at 100,000 pledges). Ordered by ``pledge.id`` instead, the same
#: join sorted every hit in a temporary B-tree (16 ms): the order must name the rowid
SQLITE_HITS = sa.table(SQLITE_FTS, sa.column("rowid", sa.Integer()))


class MatchesWords(ColumnElement[bool]):
    """SQLite: ``pledge_search_fts MATCH ?`` with ``SQLITE_HITS`` in the FROM list (``HoldsWords``'s words,
    bound the same way)."""

    type = sa.Boolean()
    _is_implicitly_boolean = True
    inherit_cache = True
    _traverse_internals = [("query", InternalTraversal.dp_clauseelement)]

    def __init__(self, words: Iterable[str]) -> None:
        words = list(words)
        if not words or not all(is_word(w) for w in words):
            raise ValueError(f"not index words: {words!r}")
        self.query = sa.bindparam(None, " ".join(f'"{w}"' for w in words), type_=sa.String(), unique=True)


@compiles(MatchesWords, "sqlite")
def _matches_sqlite(element, compiler, **kw):
    return f"{SQLITE_FTS} MATCH {compiler.process(element.query, **kw)}"


@compiles(MatchesWords)
def _matches_other(element, compiler, **kw):
    raise sa.exc.CompileError(f"the FTS5 table exists on SQLite only, not {compiler.dialect.name}")


class EntryHolds(ColumnElement[bool]):
    """PostgreSQL: does this one pledge's entry hold every word? ``(SELECT ' ' || words || ' ' LIKE ALL
    (ARRAY['% 学校 %', …]) FROM pledge_search WHERE pledge_id = <id>)``, a probe of pledge_search's primary
    key and a substring test a row, for a page walked in id order (``listing._walk_select``).

    The same answer as ``HoldsWords``'s ``to_tsvector('simple', words) @@ plainto_tsquery(…)`` for these
    words: an entry is its words space-joined and a query word is an ``is_word`` (Chinese characters
    only, two or more, no ``%`` or ``_``), which the default parser reads as one token each and the simple
    dictionary keeps as it is (tests/services/test_search.py holds the two equal on PostgreSQL). Not the
    tsvector itself: built per row it costs 22 µs for an entry of real text (about 100 characters) against
    1 µs for the substring test. A scalar subquery, so that the planner probes the entry of each walked
    row instead of hashing the whole index table for a semi-join."""

    type = sa.Boolean()
    _is_implicitly_boolean = True
    inherit_cache = True
    _traverse_internals = [("pledge_id", InternalTraversal.dp_clauseelement),
                           ("patterns", InternalTraversal.dp_clauseelement)]

    def __init__(self, pledge_id, words: Iterable[str]) -> None:
        words = list(words)
        if not words or not all(is_word(w) for w in words):
            raise ValueError(f"not index words: {words!r}")
        self.pledge_id = pledge_id
        self.patterns = sa.bindparam(None, [f"% {w} %" for w in words], type_=sa.ARRAY(sa.String()), unique=True)


@compiles(EntryHolds, "postgresql")
def _entry_holds_postgresql(element, compiler, **kw):
    return (f"(SELECT ' ' || words || ' ' LIKE ALL ({compiler.process(element.patterns, **kw)}) FROM {TABLE} "
            f"WHERE {TABLE}.pledge_id = {compiler.process(element.pledge_id, **kw)})")


@compiles(EntryHolds)
def _entry_holds_other(element, compiler, **kw):
    raise sa.exc.CompileError(f"EntryHolds is written for PostgreSQL, not {compiler.dialect.name}")


#: ``word_shares``'s answers, by database, with when they were read; read again after ``SHARES_SECONDS``
_shares: dict[str, tuple[float, dict[str, float]]] = {}
SHARES_SECONDS = 300.0


def word_shares(connection: Connection) -> dict[str, float]:
    """PostgreSQL: the share of the pledges whose entry holds each of the index's most common words, as
    ``ANALYZE`` last sampled them (``pg_stats.most_common_elems`` of the GIN index's expression: what the
    planner reckons a search by). Words not listed are rarer than every listed one. Kept a few minutes
    per process (``SHARES_SECONDS``); empty when the statistics cannot be read (not analysed yet, no right)."""
    key = connection.engine.url.render_as_string(hide_password=True)
    now = time.monotonic()
    found = _shares.get(key)
    if found is not None and now - found[0] < SHARES_SECONDS:
        return found[1]
    shares: dict[str, float] = {}
    row = connection.exec_driver_sql(
        "SELECT most_common_elems::text::text[], most_common_elem_freqs FROM pg_stats "
        f"WHERE tablename = '{POSTGRESQL_INDEX}' AND schemaname = current_schema()").first()
    if row is not None and row[0] is not None:
        shares = {word: float(share) for word, share in zip(row[0], row[1])}  # (the freqs' 3 extra values dropped)
    _shares[key] = (now, shares)
    return shares


# --- keeping the index current on ORM writes (the models know nothing of the index) -----------


@sa.event.listens_for(Pledge, "after_insert")
def _index_new_pledge(mapper, connection, pledge: Pledge) -> None:
    refresh(connection, [pledge.id])


@sa.event.listens_for(Pledge, "after_update")
def _index_changed_pledge(mapper, connection, pledge: Pledge) -> None:
    attrs = sa.inspect(pledge).attrs
    if any(attrs[name].history.has_changes() for name in ("quote", "object", "document_id")):
        refresh(connection, [pledge.id])


@sa.event.listens_for(Document, "after_update")
def _index_retitled_document(mapper, connection, document: Document) -> None:
    if sa.inspect(document).attrs.title.history.has_changes():
        refresh(connection, document_id=document.id)
