"""The list's text search (``q``) on the seeds, on SQLite and PostgreSQL: real phrasings, the
index's answer equal to the substring scan's, and the index kept current by every writing path."""
from __future__ import annotations

import dataclasses
import random
import re

import pytest
import sqlalchemy as sa

from tracker.db import fulltext
from tracker.db.models import Document, Pledge, PledgeSearch, User
from tracker.services import listing, search, workbench
from tracker.services.reextract import reextract_all

KINDERGARTENS = {"启动齐润花园幼儿园等30所幼儿园新建、改扩建工程", "新建改建幼儿园4处", "新建幼儿园3所"}
SCHOOLS = {"持续推进科技苑等9所中小学校建设", "加快建设区实验中学南校区等5所学校"}
LONG = ("启动齐润花园幼儿园等30所幼儿园新建、改扩建工程" * 5)[:100]


def found(s, q: str | None, *, scan: bool = False) -> list[str]:
    """The quotes the list shows for ``q`` (every review state), in the list's order."""
    f = listing.parse_filters(s, {"q": q, "review_state": "all", "sort": "id"})
    if scan and f.values.get("terms"):
        f.values["terms"] = f.values["terms"].scan_only()
    return [r.quote for r in listing.iter_rows(s, f)]


@pytest.mark.parametrize("q, expected", [
    ("学校", SCHOOLS),  # a two-character word inside 中小学校
    ("中小学校", {"持续推进科技苑等9所中小学校建设"}),
    ("学校 中小学校", {"持续推进科技苑等9所中小学校建设"}),
    ("幼儿园", KINDERGARTENS),
    ("幼儿", KINDERGARTENS),  # a dictionary word inside 幼儿园
    ("儿园", KINDERGARTENS),  # no word: the substring fallback
    ("园", KINDERGARTENS | {"实施儿童公园等8项园林绿化改造提升工程", "力争新增园林绿化地70万平方米"}),
    ("标准厂房", {"年内新增标准厂房41万平方米"}),
    ("厂房", {"年内新增标准厂房41万平方米"}),
    ("新建 幼儿园", KINDERGARTENS),  # two words, in any order and anywhere
    ("幼儿园，新建！", KINDERGARTENS),  # punctuation separates words
    ("新建幼儿园", KINDERGARTENS),  # cut into 新建 + 幼儿园
    ("新建幼儿园3所", {"新建幼儿园3所"}),  # 3所 is a substring test
    ("专访 幼儿园", {"启动齐润花园幼儿园等30所幼儿园新建、改扩建工程"}),  # 专访 is in the document title
    ("郭庆 幼儿园", {"新建改建幼儿园4处"}),
    ("学校 绿道", set()),
    ("MEMS", {"集中培育有机氟硅、新能源汽车、MEMS等20个左右产业链群"}),
    ("mems 产业", {"集中培育有机氟硅、新能源汽车、MEMS等20个左右产业链群"}),  # Latin letters in any case
    ("100%_", set()),  # wildcards are text
    (LONG, {"启动齐润花园幼儿园等30所幼儿园新建、改扩建工程"}),  # a 100-character query
    ("幼儿园" * 50, KINDERGARTENS),  # 150 characters: read up to 100
    ("火星基地", set()),
])
def test_real_phrasings(session_factory, ingested, q, expected):
    with session_factory() as s:
        indexed = found(s, q)
        assert set(indexed) == expected
        assert indexed == found(s, q, scan=True)  # the same rows in the same order as the scan


@pytest.mark.parametrize("q", ["", "   ", "，。！？", None])
def test_an_empty_query_is_no_filter(session_factory, ingested, q):
    with session_factory() as s:
        assert len(found(s, q)) == ingested.pledges


def test_the_query_is_cut_into_index_words_and_substrings():
    assert search.terms("新建 学校") == search.Query(("新建", "学校"), ())
    assert search.terms("学校 中小学校") == search.Query(("中小学校",), ())  # 学校 is implied
    assert search.terms("PPP项目") == search.Query(("项目",), ("PPP",))
    assert search.terms("儿园") == search.Query((), ("儿园",))  # neighbouring single characters stay together
    assert search.terms("新建1所学校") == search.Query(("新建", "学校"), ("1所",))
    assert not search.terms("，。") and not search.terms(None)
    assert len(search.terms(LONG).terms) <= search.MAX_TERMS


def test_the_index_answers_every_query_as_the_substring_scan_does(session_factory, ingested):
    """Every index word of every pledge, and random pieces of the texts, give the same rows both ways."""
    rng = random.Random(5)
    with session_factory() as s:
        texts = s.execute(sa.select(Pledge.quote, Pledge.object, Document.title).join(Document)).all()
        entries = s.scalars(sa.select(PledgeSearch.words)).all()
        queries = sorted({w for e in entries for w in e.split()})
        for _ in range(150):
            text = rng.choice([t for row in texts for t in row if t])
            start = rng.randrange(len(text))
            queries.append(text[start:start + rng.randint(1, 6)])
        queries += [" ".join(rng.sample(queries[:100], 2)) for _ in range(30)]
        assert len(queries) > 300
        for q in queries:
            assert found(s, q) == found(s, q, scan=True), q
        assert found(s, "学校")  # not vacuous


def stored_entries(s) -> dict[int, str]:
    return dict(s.execute(sa.select(PledgeSearch.pledge_id, PledgeSearch.words)).all())


def expected_entries(s) -> dict[int, str]:
    rows = s.execute(sa.select(Pledge.id, Pledge.quote, Pledge.object, Document.title).join(Document)).all()
    return {pid: fulltext.entry(quote, obj, title) for pid, quote, obj, title in rows}


def assert_index_current(s) -> None:
    assert stored_entries(s) == expected_entries(s)
    if s.get_bind().dialect.name == "sqlite":  # the FTS5 table agrees with pledge_search
        s.execute(sa.text("INSERT INTO pledge_search_fts(pledge_search_fts, rank) VALUES ('integrity-check', 1)"))


def test_ingest_indexes_every_pledge(session_factory, ingested):
    with session_factory() as s:
        assert len(stored_entries(s)) == ingested.pledges
        assert_index_current(s)


def test_the_editors_corrections_additions_and_undo_keep_the_index_current(session_factory, ingested, users):
    with session_factory() as s:
        editor = s.get(User, users["editor"])
        pid = s.scalars(sa.select(Pledge.id).where(Pledge.object == "楼宇")).one()
        assert found(s, "污水处理厂") == []
        workbench.confirm_pledge(s, pid, editor, version=None, changes={"object": "污水处理厂"})
        s.commit()
        assert_index_current(s)
        assert found(s, "污水处理厂") == ["年内实现税收过亿元楼宇新的突破"]
        assert found(s, "楼宇") == ["年内实现税收过亿元楼宇新的突破"]  # still in the quote

        doc = s.scalars(sa.select(Document).order_by(Document.id)).first()
        start = doc.text.index("大力发展会展")
        added = workbench.add_pledge(s, editor, doc.id, start, start + 6, {"object": "会展经济", "district": "张店区",
                                                                               "non_quantified": True, "no_deadline": True})
        s.commit()
        assert_index_current(s)
        assert found(s, "会展经济") == [added.quote]

        workbench.merge_pledges(s, editor, pid, added.id)
        s.commit()
        assert_index_current(s)
        assert found(s, "会展经济") == []  # a merged duplicate leaves the list

        undone = workbench.confirm_pledge(s, pid, editor, version=None, changes={"object": "楼宇经济"})
        s.commit()
        workbench.undo_last(s, editor)
        s.commit()
        assert_index_current(s)
        assert s.get(Pledge, undone.id).object == "污水处理厂" and found(s, "楼宇经济") == []


def test_a_retitled_document_and_a_deleted_pledge_keep_the_index_current(session_factory, ingested):
    with session_factory() as s:
        doc = s.scalars(sa.select(Document).order_by(Document.id)).first()
        doc.title = "关于污水处理厂的报告"
        s.commit()
        assert_index_current(s)
        assert len(found(s, "污水处理厂")) == len(doc.pledges) > 0
        gone = doc.pledges[0]
        s.delete(gone)
        s.commit()
        assert gone.id not in stored_entries(s)
        assert_index_current(s)


def test_reextract_refreshes_retracts_and_keeps_the_index_current(session_factory, ingested):
    from tracker.extract import extract_document

    def renamed(text, published=None):
        doc = extract_document(text, published=published)
        candidates = tuple(dataclasses.replace(c, object="污水处理厂") if i % 2 else c
                           for i, c in enumerate(doc.candidates) if i % 5)  # every fifth no longer found
        return dataclasses.replace(doc, candidates=candidates)

    reports = reextract_all(session_factory, version="renamed", extract=renamed)
    assert sum(r.refreshed for r in reports) and sum(r.retracted for r in reports)
    with session_factory() as s:
        assert_index_current(s)
        hits = found(s, "污水处理厂")
        assert hits and len(hits) == s.scalar(sa.select(sa.func.count()).where(Pledge.object == "污水处理厂"))


def test_rebuild_recomputes_every_entry(session_factory, ingested):
    with session_factory() as s:
        s.execute(sa.update(PledgeSearch).values(words="过时"))
        s.commit()
        assert found(s, "学校") == []
        assert fulltext.rebuild(s.connection()) == ingested.pledges
        s.commit()
        assert_index_current(s)
        assert set(found(s, "学校")) == SCHOOLS


def test_the_index_condition_is_cached_once_and_bound_per_query():
    a = listing.base_select(listing.Filters(values={"terms": search.terms("学校")}))
    b = listing.base_select(listing.Filters(values={"terms": search.terms("幼儿园")}))
    c = listing.base_select(listing.Filters(values={"terms": search.terms("PPP学校")}))
    ka, kb, kc = a._generate_cache_key(), b._generate_cache_key(), c._generate_cache_key()
    assert ka.key == kb.key != kc.key  # one compiled statement for any one word, another with a substring
    assert '"学校"' in [p.effective_value for p in ka.bindparams]  # the words are bound, not compiled in
    assert '"幼儿园"' in [p.effective_value for p in kb.bindparams]
    with pytest.raises(ValueError):
        fulltext.HoldsWords(Pledge.id, ["儿园"])  # only index words reach the index


def test_a_search_reads_the_pledges_the_index_names_not_the_whole_table(session, ingested):
    """The index condition is a bare predicate (not "IN (...) = 1", which SQLite cannot plan by), so
    SQLite looks the matching pledges up by id; on PostgreSQL the ids (from the GIN index) filter
    the pledge scan itself: as a semi-join they came after every pledge was joined."""
    f = listing.parse_filters(session, {"q": "标准厂房", "review_state": "all", "sort": "-id"})
    stmt = listing._ordered(listing.base_select(f), f, None).limit(51)
    sql = str(stmt.compile(session.get_bind(), compile_kwargs={"literal_binds": True}))
    conn = session.connection()
    if session.get_bind().dialect.name == "sqlite":
        plan = [r[3] for r in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql)]
        [pledge] = [line for line in plan if line.split()[1:2] == ["pledge"]]
        assert pledge.startswith("SEARCH pledge") and "rowid=?" in pledge, plan  # by id, from the index's list
        assert any("pledge_search_fts VIRTUAL TABLE" in line for line in plan), plan
    else:
        # the ids filter the scan of pledge itself, before the view's eight joins (not a semi-join after them)
        plan = [r[0] for r in conn.exec_driver_sql("EXPLAIN " + sql)]
        scan = next(i for i, line in enumerate(plan) if re.search(r"Scan.* on pledge\b", line))
        conditions = []  # the scan node's own Index Cond / Filter lines
        for line in plan[scan + 1:]:
            if "->" in line or not re.match(r"\s+(Index Cond|Filter|Recheck Cond):", line):
                break
            conditions.append(line)
        assert any("(id = ANY" in line for line in conditions), plan
        # and the subquery's expression is the GIN index's own (on a few rows, show that the index can serve)
        subquery = re.search(r"\(\s*(SELECT pledge_id FROM pledge_search WHERE .*?\))\)", sql, re.S).group(1)
        conn.exec_driver_sql("SET LOCAL enable_seqscan = off")
        plan = " | ".join(r[0] for r in conn.exec_driver_sql("EXPLAIN " + subquery))
        assert "Bitmap Index Scan on ix_pledge_search_words" in plan, plan
    assert [r.quote for r in listing.iter_rows(session, f)] == ["年内新增标准厂房41万平方米"]


def paged(s, q: str, sort: str, size: int = 2, **more) -> list[int]:
    """The ids of every page of the list for ``q`` (``page``: its SQL limit and cursors), in order."""
    f = listing.parse_filters(s, {"q": q, "review_state": "all", "sort": sort, **more})
    ids, after = [], None
    while True:
        rows, after = listing.page(s, f, after=after, limit=size)
        ids += [r.id for r in rows]
        if after is None:
            return ids


@pytest.mark.parametrize("sort", ["-id", "id"])
def test_a_page_in_id_order_gives_the_views_rows_page_by_page(session_factory, ingested, sort):
    """A searched page in id order (on SQLite: the ids found by walking the FTS5 table in rowid order) holds
    the view's rows, whatever the words, the substrings beside them, another filter or the cursor."""
    with session_factory() as s:
        district = s.scalar(sa.select(Pledge.district_id).where(Pledge.district_id.is_not(None)).limit(1))
        for q, more in [("幼儿园", {}), ("新建", {}), ("学校", {}), ("新建 幼儿园", {}), ("新建幼儿园3所", {}),
                        ("PPP项目", {}), ("建设", {"district": str(district)}), ("火星基地", {})]:
            f = listing.parse_filters(s, {"q": q, "review_state": "all", "sort": sort, **more})
            whole = [r.id for r in listing.iter_rows(s, f)]  # no SQL limit: the view's own query
            assert paged(s, q, sort, **more) == whole, (q, more)
        assert len(paged(s, "新建", sort)) > 4  # several pages: the cursor is walked


def test_a_searched_page_in_id_order_walks_the_fts_table_in_order_on_sqlite(session, ingested):
    """SQLite: the page's ids come from the FTS5 table walked in rowid order (it stops after the page),
    not from an IN list of every hit sorted to keep a page (10,000 hits of 幼儿园 at 100,000 pledges)."""
    if session.get_bind().dialect.name != "sqlite":
        pytest.skip("the FTS5 table is SQLite's; PostgreSQL's GIN index gives no order")
    f = listing.parse_filters(session, {"q": "新建 幼儿园", "review_state": "all", "sort": "-id"})
    stmt = listing._rows_select(listing._shape(f), "-id", True, 51, True, True).params(f_after_id=10**6)
    sql = str(stmt.compile(session.get_bind(), compile_kwargs={"literal_binds": True}))
    assert "ORDER BY pledge_search_fts.rowid DESC" in sql and "pledge_search_fts.rowid <" in sql
    plan = [r[3] for r in session.connection().exec_driver_sql(
        "EXPLAIN QUERY PLAN " + sql)]
    assert not any("TEMP B-TREE" in line for line in plan[:plan.index(next(
        line for line in plan if "pledge_search_fts VIRTUAL TABLE" in line)) + 3]), plan
    walked = next(line for line in plan if "pledge_search_fts VIRTUAL TABLE" in line)
    assert walked.startswith("SCAN pledge_search_fts") and ":M" in walked, plan
    rows, _ = listing.page(session, f, limit=51)
    assert {r.quote for r in rows} == KINDERGARTENS and [r.id for r in rows] == sorted((r.id for r in rows), reverse=True)


def test_an_entry_holds_the_words_exactly_when_the_gin_index_says_so_on_postgresql(session, ingested):
    """``EntryHolds`` (a substring test of one entry, the walk's) and ``HoldsWords`` (the GIN index) name the
    same pledges for every index word of every entry, alone and two together."""
    if session.get_bind().dialect.name != "postgresql":
        pytest.skip("EntryHolds is PostgreSQL's")
    entries = session.scalars(sa.select(PledgeSearch.words)).all()
    words = sorted({w for e in entries for w in e.split()})
    rng = random.Random(7)
    queries = [[w] for w in words] + [rng.sample(words, 2) for _ in range(40)] + [["幼儿园", "新建"]]
    assert len(words) > 100
    for query in queries:
        by_index = set(session.scalars(sa.select(Pledge.id).where(fulltext.HoldsWords(Pledge.id, query))))
        by_entry = set(session.scalars(sa.select(Pledge.id).where(fulltext.EntryHolds(Pledge.id, query))))
        assert by_index == by_entry, query
    assert set(session.scalars(sa.select(Pledge.id).where(fulltext.EntryHolds(Pledge.id, ["幼儿园"]))))  # not vacuous
    with pytest.raises(ValueError):
        fulltext.EntryHolds(Pledge.id, ["儿园"])


@pytest.mark.parametrize("sort", ["-id", "id"])
@pytest.mark.parametrize("window", [20, 2])
def test_a_searched_page_walked_in_id_order_gives_the_views_rows_on_postgresql(session_factory, ingested, monkeypatch,
                                                                              sort, window):
    """PostgreSQL, words its statistics call common: the page is walked in id order (``_walked_rows``), and
    gives the view's rows page by page; with a window of two pages' rows the walk often stops short and the
    GIN index gives the rest, after the window."""
    with session_factory() as s:
        if s.get_bind().dialect.name != "postgresql":
            pytest.skip("the walk is PostgreSQL's")
        common = dict.fromkeys(words_seen(s), 1.0)  # every word as common as can be
        monkeypatch.setattr(fulltext, "word_shares", lambda connection: common)
        monkeypatch.setattr(listing, "WALK_WINDOW", window)
        listing._walk_selects.cache_clear()
        walked = []
        real = listing._walked_rows
        monkeypatch.setattr(listing, "_walked_rows", lambda *a: walked.append(a[0]) or real(*a))
        district = s.scalar(sa.select(Pledge.district_id).where(Pledge.district_id.is_not(None)).limit(1))
        for q, more in [("幼儿园", {}), ("新建", {}), ("学校", {}), ("新建 幼儿园", {}), ("新建幼儿园3所", {}),
                        ("PPP项目", {}), ("建设", {"district": str(district)}), ("建设", {"review_state": "confirmed"}),
                        ("火星基地", {})]:
            f = listing.parse_filters(s, {"q": q, "review_state": "all", "sort": sort, **more})
            whole = [r.id for r in listing.iter_rows(s, f)]  # no SQL limit: the view's own query
            for size in (2, 3, 50):
                assert paged(s, q, sort, size, **more) == whole, (q, more, size)
        assert len(walked) > 20  # the walk was taken (not for the district, nor for 火星基地: no index word)
    listing._walk_selects.cache_clear()


def words_seen(s) -> set[str]:
    return {w for e in s.scalars(sa.select(PledgeSearch.words)) for w in e.split()}


def test_the_shares_of_words_come_from_postgresqls_statistics(session, ingested):
    """``word_shares``: the share of the entries holding each common word, as ANALYZE sampled the GIN index's
    expression (every row, on a table this small), read once and kept a while."""
    if session.get_bind().dialect.name != "postgresql":
        pytest.skip("PostgreSQL's statistics")
    session.commit()
    conn = session.connection()
    conn.exec_driver_sql("ANALYZE pledge_search")
    fulltext._shares.clear()
    shares = fulltext.word_shares(conn)
    entries = session.scalars(sa.select(PledgeSearch.words)).all()
    for word in sorted(shares)[:20]:
        held = sum(word in e.split() for e in entries) / len(entries)
        assert shares[word] == pytest.approx(held, abs=0.02), word  # every row sampled on a small table
    assert shares and max(shares.values()) > 0.1
    assert fulltext.word_shares(conn) is shares  # kept a while
