"""The one query builder: filters, their sentence, search, sort and keyset pages, flags on a
frozen day, and ``as_of`` rebuilds against a recorded history (tests/ledger_history.py)."""
from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest
import sqlalchemy as sa

from ledger_history import build
from tracker.db.enums import MissReason, ReviewState, Status
from tracker.db.models import StatusEvent
from tracker.services import listing
from tracker.services.listing import BadFilter
from tracker.services.schedule import Flag, Progress

TODAY = dt.date(2024, 7, 20)


@pytest.fixture
def history(session_factory):
    return build(session_factory)


def view(s, today=TODAY, **args):
    return listing.parse_filters(s, args, today=today)


def keys(history, rows):
    by_id = {v: k for k, v in history["ids"].items()}
    return [by_id[r.id] for r in rows]


def by_key(history, rows):
    by_id = {v: k for k, v in history["ids"].items()}
    return {by_id[r.id]: r for r in rows}


def test_the_default_view_holds_confirmed_pledges_soonest_deadline_first(session_factory, history):
    with session_factory() as s:
        f = view(s)
        rows = list(listing.iter_rows(s, f))
        assert keys(history, rows) == ["housing", "late", "schools", "soon", "kindergartens", "greenway"]
        assert listing.count(s, f) == 6
        assert f.sentence() == "审核状态 = 已确认"
        every = view(s, review_state="all")
        assert listing.count(s, every) == 7 and every.sentence() == "全部承诺"


def test_the_current_state_and_its_arithmetic(session_factory, history):
    with session_factory() as s:
        rows = by_key(history, listing.iter_rows(s, view(s)))
        k = rows["kindergartens"]
        assert (k.status, k.achieved_value, k.target_text, k.achieved_text) == (
            Status.IN_PROGRESS, Decimal(18), "30所", "18所")
        assert k.achieved_share == Decimal("0.6") and k.flag is None
        assert k.progress is Progress.ON_TRACK  # 60% done, 55% of the year gone: within 5 points
        assert (k.district, k.official, k.responsible_unit, k.note) == ("张店区", "马晓磊", "教育局", "已建成18所")
        assert (rows["housing"].status, rows["housing"].evidence, rows["housing"].flag) == (
            Status.DONE, "https://example.gov.cn/housing-done", None)
        schools = rows["schools"]
        assert (schools.status, schools.miss_reason, schools.evidence, schools.note) == (
            Status.MISSED, MissReason.FUNDING, "仅开工2所", "资金未到位")
        assert schools.flag is None  # judged missed: closed
        assert (rows["late"].flag, rows["late"].days_overdue) == (Flag.RED, 10)
        assert rows["soon"].flag is Flag.BLUE
        assert rows["greenway"].flag is None and rows["greenway"].status is Status.STALLED


@pytest.mark.parametrize("args, expected, sentence", [
    ({"district": "张店区"}, ["housing", "late", "kindergartens"], "区县 = 张店区 且 审核状态 = 已确认"),
    ({"district": "张店", "status": "已完成"}, ["housing"], "区县 = 张店区 且 状态 = 已完成 且 审核状态 = 已确认"),
    ({"status": "done"}, ["housing"], "状态 = 已完成 且 审核状态 = 已确认"),
    ({"official": "马晓磊"}, ["kindergartens"], "责任领导 = 马晓磊 且 审核状态 = 已确认"),
    ({"unit": "教育局"}, ["schools", "kindergartens"], "牵头单位 = 教育局 且 审核状态 = 已确认"),
    ({"flag": "红"}, ["late"], "审核状态 = 已确认 且 标记 = 红（逾期未完成）"),
    ({"flag": "blue"}, ["soon"], "审核状态 = 已确认 且 标记 = 蓝（30 天内到期）"),
    ({"flag": "red", "review_state": "all"}, ["pending", "late"], "标记 = 红（逾期未完成）"),
    ({"review_state": "pending"}, ["pending"], "审核状态 = 待核实"),
    ({"due_from": "2024-07-01", "due_to": "2024-08-31"}, ["late", "schools", "soon"],
     "审核状态 = 已确认 且 完成时限不早于 = 2024-07-01 且 完成时限不晚于 = 2024-08-31"),
    ({"q": "学校"}, ["schools"], "审核状态 = 已确认 且 包含 = 学校"),
    ({"q": "新建 幼儿园"}, ["kindergartens"], "审核状态 = 已确认 且 包含 = 新建 幼儿园"),
    ({"q": "民生实事 公交"}, ["soon"], "审核状态 = 已确认 且 包含 = 民生实事 公交"),  # title and quote together
    ({"q": "100%_"}, [], "审核状态 = 已确认 且 包含 = 100%_"),  # wildcards are text
])
def test_filters_and_their_sentence(session_factory, history, args, expected, sentence):
    with session_factory() as s:
        f = view(s, **args)
        assert keys(history, listing.iter_rows(s, f)) == expected
        assert f.sentence() == sentence
        assert listing.count(s, f) == len(expected)


def test_search_finds_a_two_character_word_inside_a_longer_one(session_factory, history):
    with session_factory() as s:
        # 学校 sits inside 中小学校; 中小学 is no word of the quote on its own
        assert keys(history, listing.iter_rows(s, view(s, q="中小学校"))) == ["schools"]
        assert keys(history, listing.iter_rows(s, view(s, q="学校 新建"))) == ["schools"]
        assert keys(history, listing.iter_rows(s, view(s, q="学校 绿道"))) == []


def test_search_ignores_the_case_of_latin_letters_on_both_databases(session_factory, history):
    from tracker.db.models import Pledge

    with session_factory() as s:
        pledge = s.get(Pledge, history["ids"]["soon"])
        pledge.object = "BRT公交线路"
        s.commit()
        assert keys(history, listing.iter_rows(s, view(s, q="brt"))) == ["soon"]


@pytest.mark.parametrize("args, message", [
    ({"district": "火星区"}, "未知的区县「火星区」"),
    ({"district": "99999"}, "没有编号为 99999 的区县"),
    ({"official": "张三"}, "未知的责任领导「张三」"),
    ({"status": "finished"}, "状态「finished」无法识别"),
    ({"review_state": "maybe"}, "审核状态「maybe」无法识别"),
    ({"flag": "绿"}, "标记「绿」无法识别"),
    ({"due_from": "2024-02-30"}, "完成时限不早于「2024-02-30」这一天不存在"),
    ({"due_to": "明年"}, "不是日期"),
    ({"due_from": "2024-09-01", "due_to": "2024-08-01"}, "晚于终点"),
    ({"as_of": "2024-07-21"}, "历史只能回看"),
    ({"document": "abc"}, "文档须为编号"),
    ({"sort": "random"}, "排序「random」无法识别"),
    ({"district": "99999999999999999999"}, "没有编号为 99999999999999999999 的区县"),  # found by hypothesis
    ({"document": "٣"}, "文档须为编号"),  # an Arabic-Indic digit is no id
    ({"district": "张店\x00区"}, "控制字符"),  # PostgreSQL refuses NUL in text (found by hypothesis)
])
def test_bad_filters_say_why_in_chinese(session_factory, history, args, message):
    with session_factory() as s:
        with pytest.raises(BadFilter, match=message):
            view(s, **args)


def test_a_broken_page_cursor_is_refused(session_factory, history):
    with session_factory() as s:
        with pytest.raises(BadFilter, match="翻页参数"):
            list(listing.iter_rows(s, view(s), after="yesterday"))


@pytest.mark.parametrize("sort", sorted(listing.SORTS))
def test_keyset_pages_walk_the_whole_view_once(session_factory, history, sort):
    with session_factory() as s:
        f = view(s, sort=sort, review_state="all")
        whole = [r.id for r in listing.iter_rows(s, f)]
        seen, after = [], None
        while True:
            rows, after = listing.page(s, f, after=after, limit=2)
            seen += [r.id for r in rows]
            if after is None:
                break
        assert seen == whole and len(set(seen)) == 7


def test_pages_of_a_flag_view_fill_up(session_factory, history):
    with session_factory() as s:
        f = view(s, flag="red", review_state="all")
        first, after = listing.page(s, f, limit=1)
        second, end = listing.page(s, f, after=after, limit=1)
        assert keys(history, first + second) == ["pending", "late"] and end is None


def test_as_of_rebuilds_the_table_from_the_history(session_factory, history):
    with session_factory() as s:
        def state(day):
            f = view(s, as_of=day.isoformat())
            return {k: (r.status, r.achieved_value, r.flag, r.proposed)
                    for k, r in by_key(history, listing.iter_rows(s, f)).items()}

        before = state(dt.date(2024, 1, 1))
        assert before == {}  # nothing was recorded yet
        april = state(dt.date(2024, 4, 15))
        # 6 of 30 (20%) with 29% of the time gone: behind, yellow
        assert april["kindergartens"] == (Status.IN_PROGRESS, Decimal(6), Flag.YELLOW, None)
        assert april["housing"] == (Status.UNASSESSED, None, None, None)
        assert april["greenway"][0] is Status.UNASSESSED
        june26 = state(dt.date(2024, 6, 26))
        assert june26["housing"][0] is Status.DONE
        assert june26["schools"] == (Status.UNASSESSED, None, Flag.BLUE, Status.MISSED)  # proposed, not in force
        assert june26["greenway"][0] is Status.STALLED
        june28 = state(dt.date(2024, 6, 28))
        assert june28["schools"][:2] == (Status.MISSED, None) and june28["schools"][3] is None
        assert june28["kindergartens"][1] == Decimal(6)  # 18 was reported on 07-01
        assert state(dt.date(2024, 7, 1))["kindergartens"][1] == Decimal(18)


def test_as_of_today_agrees_with_the_current_table(session_factory, history):
    with session_factory() as s:
        now = [(r.id, r.status, r.achieved_value, r.flag, r.evidence) for r in listing.iter_rows(s, view(s))]
        rebuilt = [(r.id, r.status, r.achieved_value, r.flag, r.evidence)
                   for r in listing.iter_rows(s, view(s, as_of=TODAY.isoformat()))]
        assert now == rebuilt


def test_as_of_counts_what_was_known_that_day_not_what_was_backdated_later(session_factory, history):
    with session_factory() as s:
        # a verdict recorded on 07-01 about 03-31 is not in the table as it stood on 04-15
        event = s.scalar(sa.select(StatusEvent).where(StatusEvent.pledge_id == history["ids"]["greenway"]))
        assert event.as_of_on == dt.date(2024, 5, 1)
        f = view(s, as_of="2024-05-01")
        [row] = [r for r in listing.iter_rows(s, f) if r.id == history["ids"]["greenway"]]
        assert row.status is Status.UNASSESSED  # recorded on 05-02
        assert ReviewState.CONFIRMED is row.review_state


def test_any_filter_text_either_reads_or_is_refused_in_chinese(session_factory, history):
    from hypothesis import given, settings, strategies as st

    keys_ = st.sampled_from(listing.FILTER_KEYS + ("after", "unknown"))
    text = st.one_of(st.text(max_size=12), st.sampled_from(["张店区", "2024-02-30", "2024-07-01", "红", "done", "all",
                                                             "-due_on", "0", "99999999999999999999", "%", "_"]))

    with session_factory() as s:
        @settings(max_examples=80, deadline=None)
        @given(st.dictionaries(keys_, text, max_size=4))
        def check(args):
            try:
                f = view(s, **args)
                rows, _ = listing.page(s, f, after=args.get("after") or None, limit=3)
            except BadFilter as exc:
                assert any("\u4e00" <= ch <= "\u9fff" for ch in str(exc))  # a Chinese message
                s.rollback()
                return
            assert len(rows) <= 3 and f.sentence()

        check()


def test_a_views_statement_is_built_once_per_shape_and_its_values_bound(session_factory, history):
    """Two views that differ only in a bound filter's value (another district, another cursor) run the
    very same kept statement with other parameters, and each finds its own rows."""
    with session_factory() as s:
        every = list(listing.iter_rows(s, view(s, review_state="all")))
        districts = sorted({r.district_id for r in every if r.district_id is not None})
        assert len(districts) >= 2
        listing._rows_select.cache_clear()
        listing._count_select.cache_clear()
        for district in districts:
            f = view(s, review_state="all", district=str(district), sort="-id")
            rows, _ = listing.page(s, f, limit=1)
            expected = sorted((r.id for r in every if r.district_id == district), reverse=True)
            assert [r.id for r in rows] == expected[:1]
            assert listing.count(s, f) == len(expected)
            if len(expected) > 1:  # the next page: the cursor is bound too
                more, _ = listing.page(s, f, after=listing.cursor_of(rows[0], f), limit=5)
                assert [r.id for r in more] == expected[1:6]
        built = listing._rows_select.cache_info()
        assert built.misses <= 2 and built.hits >= len(districts) - 1  # page 1 and a page after a cursor
        assert listing._count_select.cache_info().misses == 1
        # a value is never compiled into the statement; the review state is written in at execution
        sql = str(listing._select(*listing._shape(view(s, district=str(districts[0])))))
        assert ":f_district" in sql and "[POSTCOMPILE_f_review_state]" in sql


@pytest.mark.parametrize("state", ["confirmed", "pending", "rejected"])
def test_the_review_state_reaches_the_database_as_a_literal(session_factory, history, state):
    """PostgreSQL's partial indexes on confirmed pledges (migration 0009) match a literal only: with the state
    a parameter, its generic plan could not use them and the 台账's statement was planned anew each run. The
    state is in the text sent; each view still finds its own rows."""
    sent = []

    def record(conn, cursor, statement, parameters, context, executemany):
        sent.append(statement)

    with session_factory() as s:
        every = list(listing.iter_rows(s, view(s, review_state="all")))
        engine = s.get_bind()
        sa.event.listen(engine, "before_cursor_execute", record)
        try:
            f = view(s, review_state=state, sort="due_on")
            rows, _ = listing.page(s, f, limit=5)
            total = listing.count(s, f)
        finally:
            sa.event.remove(engine, "before_cursor_execute", record)
    assert sent and all(f"review_state = '{state}'" in sql for sql in sent)
    expected = [r for r in every if r.review_state.value == state]
    expected.sort(key=lambda r: (r.due_on is None, r.due_on or dt.date.max, r.id))
    assert [r.id for r in rows] == [r.id for r in expected[:5]] and total == len(expected)


@pytest.mark.parametrize("day", [None, dt.date(2024, 4, 15), dt.date(2024, 6, 26), dt.date(2024, 7, 1), TODAY])
def test_a_small_view_read_whole_holds_what_the_streamed_view_holds(session_factory, history, day):
    """A view read whole (``stream=False``: a scorecard) joins the latest verdict and report LATERAL on
    PostgreSQL; its rows are the streamed view's (the scalar form), field for field, now and as of a day."""
    with session_factory() as s:
        args = {"review_state": "all"} | ({"as_of": day.isoformat()} if day else {})
        f = view(s, **args)
        streamed = [repr(r) for r in listing.iter_rows(s, f)]
        whole = [repr(r) for r in listing.iter_rows(s, f, stream=False)]
        assert whole == streamed and streamed  # on SQLite a LATERAL would not run at all
        lateral = listing._rows_select(listing._shape(f), f.sort, False, None, False, False, True)
        assert str(lateral.compile(s.get_bind())).count("LATERAL") == (2 if day else 1)


@pytest.mark.parametrize("day", [None, dt.date(2024, 4, 15), dt.date(2024, 6, 26), TODAY])
@pytest.mark.parametrize("extra", [{}, {"flag": "yellow"}, {"flag": "red"}, {"status": "done"}])
def test_a_scorecards_rows_are_the_views_but_for_what_its_cards_do_not_show(session_factory, history, day, extra):
    """``iter_rows(card=True)`` (a scorecard) reads neither the names, nor the verdict's note and evidence,
    nor the reminders: those are None and 0, every other field is the full view's, now and as of a day."""
    with session_factory() as s:
        args = {"review_state": "all", **extra} | ({"as_of": day.isoformat()} if day else {})
        f = view(s, **args)
        full = list(listing.iter_rows(s, f, stream=False))
        card = list(listing.iter_rows(s, f, stream=False, card=True))
        assert [r.id for r in card] == [r.id for r in full]
        assert all(getattr(r, name) is None for r in card for name in listing.CARD_UNSHOWN)
        assert all(r.reminders == 0 for r in card)
        blank = {name: None for name in listing.CARD_UNSHOWN} | {"reminders": 0}
        assert [repr(r) for r in card] == [repr(dataclasses.replace(r, **blank)) for r in full]
        if not extra:  # the history holds notes, names and evidence: the full view shows them
            assert any(r.district or r.note or r.evidence for r in full)


@pytest.mark.parametrize("args", [{"flag": "yellow"}, {"flag": "red", "review_state": "all"}, {"review_state": "all"},
                                  {"flag": "yellow", "as_of": "2024-04-15"}, {"flag": "yellow", "sort": "-id"}])
@pytest.mark.parametrize("limit", [1, 2, 50])
def test_page_and_count_is_the_first_page_and_the_count_read_once(session_factory, history, args, limit):
    with session_factory() as s:
        f = view(s, **args)
        rows, total = listing.page_and_count(s, f, limit=limit)
        page, _ = listing.page(s, f, limit=limit)
        assert [repr(r) for r in rows] == [repr(r) for r in page]
        assert total == listing.count(s, f)
        if args.get("flag") == "yellow" and "as_of" in args:
            assert keys(history, rows) == ["kindergartens"] and total == 1


def test_page_and_count_refuses_a_flag_decided_in_python(session_factory, history):
    with session_factory() as s:
        with pytest.raises(ValueError):
            listing.page_and_count(s, view(s, flag="blue"))
