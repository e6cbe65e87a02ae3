"""Deadline words and the last day they allow.

``find_deadlines`` finds every deadline expression in a clause or sentence
(年内, 今年6月底前, 2025年底前, 上半年, 一季度, 秋季开学, 三年行动, 3至5年,
“十四五”期间 …) and ``resolve`` turns the words into the last day they allow,
with the precision the words give (day, month, quarter, half, year, plan
period). Relative words resolve against the publication date, never against
today: without a publication date their date is ``None``.

``find_document_date`` reads the publication date a document states of itself
(a masthead ``2020年1月1日 星期三``, ``发布时间：2021-01-15``, a dateline
``晨报淄博3月21日讯`` with a year stated beside it).

Pure: no I/O beyond the ``deadline_seasons`` lexicon. Chinese numerals are
converted by the small ``_cn_int`` below (years digit by digit, months, days and
spans up to 万), so the runtime needs no cn2an.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from tracker.extract import lexicons
from tracker.extract.model import Deadline, Precision
from tracker.extract.normalise import fold, folded

__all__ = ["DeadlineMention", "find_deadlines", "find_document_date", "resolve"]


@dataclass(frozen=True)
class DeadlineMention:
    """Words of a text that name a deadline, where they stand and what they resolve to."""

    start: int  # offsets of the deadline words in the text given; deadline.raw == text[start:end]
    end: int
    deadline: Deadline
    # The words name their year (2025年底, 明年6月, 三年内, 十四五); 年底前, 6月底前 and 全年 do not,
    # and take the publication year unless the sentence has named another (明年，…年底前…).
    year_given: bool = True


# ---------------------------------------------------------------- numerals

_CN_DIGIT = {"〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
             "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNIT = {"十": 10, "百": 100, "千": 1000}


def _cn_int(token: str) -> int | None:
    """An Arabic or Chinese numeral token as an int (up to 万); None when it is not one.

    Digit strings without a unit read digit by digit (二〇二五 → 2025), the way
    years are written; 十二 → 12, 二十 → 20, 三十一 → 31, 一百二十 → 120.
    """
    if not token:
        return None
    if token.isascii():
        return int(token) if token.isdigit() else None
    if all(ch in _CN_DIGIT for ch in token):
        value = 0
        for ch in token:
            value = value * 10 + _CN_DIGIT[ch]
        return value
    total, section, digit = 0, 0, None
    for ch in token:
        if ch in _CN_DIGIT:
            if digit is not None and _CN_DIGIT[ch] != 0:
                return None  # two digits in a row inside a numeral with units (三五十)
            digit = _CN_DIGIT[ch] or None
        elif ch in _CN_UNIT:
            section += (1 if digit is None else digit) * _CN_UNIT[ch]
            digit = None
        elif ch == "万":
            total += (section + (digit or 0)) * 10000
            section, digit = 0, None
        else:
            return None
    return total + section + (digit or 0)


def _span_upper(token: str) -> int | None:
    """The upper bound of a span numeral: 三 → 3, 十 → 10; 两三 → 3 and 三五 → 5 (colloquial ranges)."""
    if len(token) == 2 and all(ch in _CN_DIGIT for ch in token):
        lo, hi = _CN_DIGIT[token[0]], _CN_DIGIT[token[1]]
        return hi if 0 < lo < hi else None
    return _cn_int(token)


# ---------------------------------------------------------------- patterns

_NUM_CH = "〇○零一二两三四五六七八九十百千万"
_NOT_AFTER_NUM = rf"(?<![\d.{_NUM_CH}])"
_YEAR4 = r"(?:\d{4}|[〇○零一二三四五六七八九]{4})"
_MONTH = r"(?:\d{1,2}|十[一二]?|[一二三四五六七八九])"
_DAY = r"(?:\d{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"
_BEFORE = r"(?:之前|以前|前)(?![\d一二三四五六七八九十两个几])"

# Relative year words → offset from the publication year.
_REL_YEARS = {"今明两年": 1, "明后两年": 2, "今后两年": 1, "今年": 0, "本年": 0, "当年": 0, "明年": 1, "次年": 1, "来年": 1, "后年": 2,
              "去年": -1, "上年": -1, "前年": -2}
# Relative month words → offset from the publication month; 月底 alone is this month's end.
_REL_MONTHS = {"本月": 0, "当月": 0, "下个月": 1, "下月": 1, "次月": 1, "上个月": -1, "上月": -1}
_PLAN_TAILS = "期间|末期|时期|初期|规划|计划|末"
# A span (三年, 5年) preceded by one of these is the past, a recurrence or an ordinal, not a deadline.
_PAST_BEFORE = lexicons.words("past_before_span")
# 比上年增长8%, 较去年同期: a past year as the baseline of a comparison, not a deadline.
_BASELINE_BEFORE = tuple("比较与同于")
_BASELINE_AFTER = ("同期", "同比")
_AFTER_WORDS = ("后", "以后", "之后")
# 建成, 投产, 达产 …: with 后 they say once the work is done, so 后年 right after one is not the year after next.
_AFTER_COMPLETION = lexicons.words("after_completion_words")


@cache
def _seasons() -> dict[str, tuple[str, str]]:
    """Seasonal word → (MM-DD or "-", precision) from lexicon ``deadline_seasons``."""
    out = {}
    for row in lexicons.rows("deadline_seasons"):
        if len(row) >= 2:
            out[row[0]] = (row[1], row[2] if len(row) > 2 else "month")
    return out


def _tail(s: str) -> str:
    """What may follow a year (or stand alone): a month or day, a half, a quarter, a season. ``s`` suffixes group names."""
    season = "|".join(re.escape(w) for w in sorted(_seasons(), key=len, reverse=True)) or "(?!)"
    return (
        rf"(?:(?P<mon{s}>{_MONTH})[ ]?月份?(?:(?:{_DAY})[日号]?(?:至|到|-|~|—)(?P<dayto{s}>{_DAY})[ ]?[日号]"
        rf"|(?P<day{s}>{_DAY})[ ]?[日号]|(?P<xun{s}>上旬|中旬|下旬)|(?P<mend{s}>底|末))?"
        rf"|(?P<half{s}>上半年|下半年)"
        rf"|第?(?P<q{s}>[一二三四1-4])季度(?:末|底)?"
        rf"|(?P<season{s}>{season}))"
    )


@cache
def _pattern() -> re.Pattern[str]:
    anchor = (
        # 2022年至2025年, 2023—2025年: a range of years ends with its last year
        rf"(?:{_NOT_AFTER_NUM}(?:{_YEAR4}年?[ ]?(?:至|到|-|–|—|~)[ ]?)?(?P<y>{_YEAR4})[ ]?年(?!代|级|龄|轻|纪)"
        rf"|{_NOT_AFTER_NUM}(?P<yt>\d{{4}})这一?年"
        rf"|(?<![年相])(?P<rel>{'|'.join(sorted(_REL_YEARS, key=len, reverse=True))})(?!轻|龄|纪|级|代|均|华))"
    )
    after_anchor = (
        # 明年的6月1日之前 (广州 news, 2014), 持续到明年的3月31日 (中储棉 news, 2011): 的 between the year and its date
        rf"(?:的?{_tail('_a')}"
        r"|(?P<yhalf>年中)|(?P<yend>年底|年末|底|末)|(?P<within>以内|之内|内)|度|(?P<vision>远景目标))"
    )
    alone = (
        rf"(?:(?<![\d{_NUM_CH}个几多每]){_tail('_b')}"
        rf"|(?<![\d{_NUM_CH}个几多每近往历同去今明当本后前上次来])(?:(?P<bend>年底|年末)|(?P<bin>年内|全年)"
        rf"|(?P<bhalf>年中)(?=前|以前|之前|[,，。;；、]|$|完成|实现|建成|基本|全面|力争|确保))"
        rf"|(?<![\d{_NUM_CH}个几多每])(?:(?P<relm>{'|'.join(sorted(_REL_MONTHS, key=len, reverse=True))})(?:底|末|内)?|(?P<bmon>月底|月末))"
        r")"
    )
    plan = (
        rf"(?:(?<![\d{_NUM_CH}第])[“\"]?十(?P<pn>[一二三四五六七八九])五(?![个万千百名岁人年次届元亿条项家位倍%])"
        rf"[”\"]?(?:{_PLAN_TAILS})?"
        rf"|第(?P<pn2>十[一二三四五六七八九]|1\d)个五年(?:规划|计划)?)"
    )
    span_num = r"(?:\d{1,2}|[一二两三四五六七八九十]{1,3})"
    span = (
        rf"(?:(?P<fut>未来|今后|再用|再过)?{_NOT_AFTER_NUM}(?P<n1>{span_num})"
        rf"(?:[ ]?(?:至|到|-|~|—|－|～)[ ]?(?P<n2>{span_num}))?个?年(?:以内|之内|内)?"
        r"(?![级代龄前来后多半间度均薪期轻份头底末中初会报鉴货画夜味假关终里一]|以上|以下|及以上))"
    )
    date = rf"(?:{anchor}(?:{after_anchor}(?:{_BEFORE})?|{_BEFORE})?|{alone}(?:{_BEFORE})?)"
    return re.compile(rf"{_admits()}(?:(?P<plan>{plan})|(?P<date>{date})|(?P<span>{span}))")


# Every mention holds one of these characters, this close to its start: a year, a span of years, a
# relative year word, 年底, 全年 and 上半年 hold 年; a month, 下个月 and 月底 hold 月; a quarter 季; a plan
# period 五 (“十四五”, 第十四个五年); a seasonal word its last character (汛期前, 暑假). The farthest is
# 12 characters after the start: a range of years whose first year goes without 年 (2022 — 2025 年,
# four digits twice, a dash between spaces), a span 未来一十二 至 一十三个年.
_ANCHORS = "年月季五"
_ANCHOR_WITHIN = 12


@cache
def _anchors() -> tuple[re.Pattern[str], int]:
    """(a class of the characters one of which every mention holds, how far from its start at most)."""
    seasons = _seasons()
    anchors = set(_ANCHORS) | {w[-1] for w in seasons}
    within = max([_ANCHOR_WITHIN, *(len(w) - 1 for w in seasons)])
    return re.compile("[" + "".join(sorted(re.escape(ch) for ch in anchors)) + "]"), within


def _admits() -> str:
    """The lookaheads a mention's start must pass before its long alternation is tried.

    Every match starts with a character of the first class: a numeral, a relative word's first
    character (今, 明, 上 …), 年, 月, a quotation mark before 十四五, 第, or a seasonal word's first
    character. Every match holds an anchor character (``_anchors``) within so many characters of
    its start. Both are only what every match has, so the mentions found are the same; in real
    reports most positions the first class admits (一, 上, 前, the digits of amounts) have no anchor
    near, and the second lookahead turns them away in a short scan instead of the alternation
    (the deadline pattern was a tenth of a pass's regular expressions, issue 9)."""
    first = set("〇○零一二两三四五六七八九十" "今本当明次来后去上下前" "年全月“\"第未再") | {w[0] for w in _seasons()}
    first_class = "".join(sorted(re.escape(ch) for ch in first))
    anchor, within = _anchors()
    return rf"(?=[\d{first_class}])(?=(?s:.){{0,{within}}}?{anchor.pattern})"


# ---------------------------------------------------------------- resolution

# The last day of a month's first and second ten days (上旬, 中旬); 下旬 runs to the month's end.
_XUN_LAST_DAY = {"上旬": 10, "中旬": 20}


def _last_of_month(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


class _Skip(Exception):
    """The words look like a deadline but are not one (2月30日, 13月, 过去五年)."""


def _g(m: re.Match[str], name: str) -> str | None:
    return m.group(f"{name}_a") or m.group(f"{name}_b")


def _resolve_match(m: re.Match[str], text: str, published: dt.date | None) -> tuple[dt.date | None, Precision | None]:
    if m.group("plan"):
        n = _cn_int(m.group("pn")) + 10 if m.group("pn") else _cn_int(m.group("pn2"))
        # Plan period n runs from 1956 + 5(n-1) to 1955 + 5n: 十三五 = 2016–2020, 十四五 = 2021–2025.
        return dt.date(1955 + 5 * n, 12, 31), Precision.PLAN
    if m.group("span"):
        return _resolve_span(m, text, published)
    if text.startswith(_AFTER_WORDS, m.end()):
        raise _Skip  # 秋季开学后, 2025年以后: when something starts, not when it is due
    if m.group("y") and text[max(0, m.start() - 1):m.start()] in ("比", "较"):
        raise _Skip  # 较2023年翻一番: the baseline of a comparison, not a deadline
    rel = m.group("rel")
    if rel == "后年" and text.endswith(_AFTER_COMPLETION, 0, m.start()):
        raise _Skip  # 达产后年产值500亿元, 投产后年产芯片…: 后 closes 达产后, 年 opens 年产值
    if rel in ("去年", "上年", "前年") and (
            text[max(0, m.start() - 1):m.start()] in _BASELINE_BEFORE
            or text.startswith(_BASELINE_AFTER, m.end())):
        raise _Skip
    return _resolve_date(m, published)


def _resolve_span(m: re.Match[str], text: str, published: dt.date | None) -> tuple[dt.date | None, Precision | None]:
    if not m.group("fut") and text[max(0, m.start() - 4):m.start()].endswith(_PAST_BEFORE):
        raise _Skip
    hi = _span_upper(m.group("n2") or m.group("n1"))
    lo = _span_upper(m.group("n1"))
    if not hi or not lo or hi > 20 or lo > hi:
        raise _Skip
    if published is None:
        return None, Precision.YEAR
    # The publication year counts as year 1: 2022 + 三年 → 2024-12-31.
    return dt.date(published.year + hi - 1, 12, 31), Precision.YEAR


def _resolve_date(m: re.Match[str], published: dt.date | None) -> tuple[dt.date | None, Precision | None]:
    year: int | None
    if m.group("y") or m.group("yt"):
        year = _cn_int(m.group("y") or m.group("yt"))
        if year is None or not 1900 <= year <= 2100:
            raise _Skip
    elif m.group("rel"):
        year = published.year + _REL_YEARS[m.group("rel")] if published else None
    else:
        year = published.year if published else None

    if m.group("relm") or m.group("bmon"):
        if published is None:
            return None, Precision.MONTH
        index = published.year * 12 + published.month - 1 + _REL_MONTHS.get(m.group("relm"), 0)
        return _last_of_month(index // 12, index % 12 + 1), Precision.MONTH
    month, day, quarter = _g(m, "mon"), _g(m, "dayto") or _g(m, "day"), _g(m, "q")  # 3月22-28日 → the 28th
    half, season = _g(m, "half"), _g(m, "season")
    if month:
        mo = _cn_int(month)
        if mo is None or not 1 <= mo <= 12:
            raise _Skip
        if day:
            d = _cn_int(day)
            if d is None or not 1 <= d <= 31:
                raise _Skip
            if year is None:
                if not 1 <= d <= calendar.monthrange(2000, mo)[1]:  # a leap year allows 2月29日
                    raise _Skip
                return None, Precision.DAY
            try:
                return dt.date(year, mo, d), Precision.DAY
            except ValueError:
                raise _Skip from None
        xun = _g(m, "xun")  # 11月中旬: the month's second ten days, to the 20th; 下旬 to its end
        if xun in _XUN_LAST_DAY:
            return (dt.date(year, mo, _XUN_LAST_DAY[xun]) if year else None), Precision.DAY
        if not xun and not _g(m, "mend") and m.group(0).endswith("前"):
            # Rule month_before: 7月前 is before July begins, so it allows the last day of June; 7月底前
            # allows July's (柳河县 2022: 项目计划将于2023年7月前完成建设 → 2023-06-30, as its gold reads;
            # 合肥 news 2011: 合肥市政府机关将在今年9月份之前全面使用正版软件 → 2011-08-31).
            if year is None:
                return None, Precision.MONTH
            return _last_of_month(year - (mo == 1), 12 if mo == 1 else mo - 1), Precision.MONTH
        return (_last_of_month(year, mo) if year else None), Precision.MONTH
    if quarter:
        q = _cn_int(quarter)
        return (_last_of_month(year, 3 * q) if year else None), Precision.QUARTER
    if half:
        return (_last_of_month(year, 6 if half == "上半年" else 12) if year else None), Precision.HALF
    if m.group("yhalf") or m.group("bhalf"):
        return (dt.date(year, 6, 30) if year else None), Precision.HALF
    if season:
        mmdd, precision = _seasons()[season]
        if mmdd == "-":
            # Lunar festivals (春节, 中秋) move every year: the words stay, the date is not guessed.
            return None, None
        mo, d = (int(x) for x in mmdd.split("-"))
        return (dt.date(year, mo, d) if year else None), Precision(precision)
    if m.group("vision"):
        return (dt.date(year, 12, 31) if year else None), Precision.PLAN
    return (dt.date(year, 12, 31) if year else None), Precision.YEAR


# ---------------------------------------------------------------- public API

_WIDE = re.compile("[\uff01-\uff5e\u3000]")


def _fold(text: str) -> str:
    """``fold`` (length-preserving), skipped when the text holds no full-width character at all."""
    return fold(text) if _WIDE.search(text) else text


def _matches(work: str) -> Iterator[re.Match[str]]:
    """Every match of the deadline pattern in ``work``: none where no anchor stands (most clauses,
    found by one scan of a short class), and none starting too far before the first."""
    anchor, within = _anchors()
    first = anchor.search(work)
    return iter(()) if first is None else _pattern().finditer(work, max(0, first.start() - within))


def find_deadlines(text: str, published: dt.date | None) -> list[DeadlineMention]:
    """Every deadline expression in ``text``, in order, non-overlapping, longest first.

    Full-width digits are folded on a working copy; ``raw`` is sliced from ``text``.
    Words that look like a deadline but are not one (2月30日, 过去五年) are skipped.
    """
    work = folded(text)
    out = []
    for m in _matches(work):
        try:
            date, precision = _resolve_match(m, work, published)
        except _Skip:
            continue
        except (ValueError, OverflowError):  # a publication date near year 1 or 9999
            date, precision = None, None
        year_given = not m.group("date") or bool(m.group("y") or m.group("yt") or m.group("rel")
                                                  or m.group("relm") or m.group("bmon"))
        out.append(DeadlineMention(m.start(), m.end(), Deadline(text[m.start():m.end()], date, precision), year_given))
    return out


def in_year(mention: DeadlineMention, year: int, published: dt.date) -> DeadlineMention:
    """A mention that names no year (年底前, 6月底前, 全年) read in ``year`` instead of the
    publication year: 明年，…年底前建成 → the end of next year."""
    if mention.year_given or year == published.year:
        return mention
    try:
        day = published.replace(year=year)
    except ValueError:  # 2月29日 published in a leap year
        day = published.replace(year=year, day=28)
    found = find_deadlines(mention.deadline.raw or "", day)
    if len(found) != 1:
        return mention
    d = found[0].deadline
    return DeadlineMention(mention.start, mention.end, Deadline(mention.deadline.raw, d.date, d.precision,
                                                                mention.deadline.inherited), False)


def resolve(raw: str, published: dt.date | None) -> Deadline:
    """The deadline words → the last day they allow, with precision; ``raw`` is kept as given.

    ``到2025年`` and ``2025年`` give the same day. Words that name no deadline give
    ``Deadline(raw)`` with no date.
    """
    mentions = find_deadlines(raw, published)
    if not mentions:
        return Deadline(raw=raw)
    best = max(mentions, key=lambda mm: mm.end - mm.start)
    return Deadline(raw, best.deadline.date, best.deadline.precision)


# ---------------------------------------------------------------- the document's own date

_WEEKDAYS = "一二三四五六日天"
_FULL_DATE = re.compile(
    rf"{_NOT_AFTER_NUM}(?P<y>{_YEAR4})[ ]?年[ ]?(?P<m>{_MONTH})[ ]?月[ ]?(?P<d>{_DAY})[ ]?日"
    rf"|(?<![\d.])(?P<iy>\d{{4}})(?P<sep>[-/.])(?P<im>\d{{1,2}})(?P=sep)(?P<id>\d{{1,2}})(?![\d.])"
)
_WEEKDAY_AFTER = re.compile(rf"[ ,，]{{0,3}}(?:星期|周|礼拜)(?P<w>[{_WEEKDAYS}])")
# 发布时间：, 发布于, 日期: at the start of a line or field; not 会议时间： or 报名时间：, which date events.
_CUE_BEFORE = re.compile(r"(?:(?:发布|发表|刊发|出版|更新|录入)(?:时间|日期)?[于在]?|(?:^|[\s|｜/])(?:日期|时间))[ ]*[:：]?[ ]*$")
# What follows an event's date in a story: 2019年9月5日,中共淄博市委… / 2019年9月17日，在…
_EVENT_AFTER = re.compile(r"[ ]*(?:[,，、]|[上下中晚早]午|晚上|凌晨|至|到|-|—|起|以来|举行|召开|在|前|后)")
_CLOCK_AFTER = re.compile(r"[ ]*\d{1,2}[:：]\d{2}")
_DATELINE = re.compile(rf"(?P<m>{_MONTH})月(?P<d>{_DAY})日(?:讯|电)")
_NEAR_YEAR = re.compile(rf"{_NOT_AFTER_NUM}(?P<y>\d{{4}})[ ]?年(?!代)")
_FIRST_LINES = 6
_NEAR = 40


def _date_of(m: re.Match[str]) -> dt.date | None:
    if m.group("iy"):
        parts = (m.group("iy"), m.group("im"), m.group("id"))
    else:
        parts = (m.group("y"), m.group("m"), m.group("d"))
    y, mo, d = (_cn_int(p) for p in parts)
    if y is None or mo is None or d is None or not 1900 <= y <= 2100:
        return None
    try:
        return dt.date(y, mo, d)
    except ValueError:
        return None


# What follows the date in a work report's dateline: the session it was delivered to.
_REPORT_SESSION = re.compile(r"\s*在[^\n]{2,60}?(?:会议|大会|全会)")


def find_document_date(text: str) -> dt.date | None:
    """The publication date the document states of itself, or None when unsure.

    In order of trust: a full date with its weekday (a masthead ``2020年1月1日
    星期三``; the weekday must agree); a full date behind a cue (``发布时间：``);
    a full date standing on its own line, or leading one of the first lines
    without going on as a story (``2019年9月5日,中共淄博市委…`` is an event); a
    dateline ``3月21日讯`` when a year is stated within a few characters.
    """
    work = _fold(text)
    first_lines_end = -1
    for _ in range(_FIRST_LINES):
        first_lines_end = work.find("\n", first_lines_end + 1)
        if first_lines_end < 0:
            first_lines_end = len(work)
            break
    best: tuple[int, int, dt.date] | None = None  # (-score, position, date)

    def offer(score: int, pos: int, date: dt.date) -> None:
        nonlocal best
        if best is None or (-score, pos) < best[:2]:
            best = (-score, pos, date)

    for m in _FULL_DATE.finditer(work):
        date = _date_of(m)
        if date is None:
            continue
        after = work[m.end():m.end() + 12]
        line_start = work.rfind("\n", 0, m.start()) + 1
        line_end = work.find("\n", m.end())
        line_end = len(work) if line_end < 0 else line_end
        before = work[line_start:m.start()]
        wd = _WEEKDAY_AFTER.match(after)
        if wd and re.match(r"[ ]*[,，、]", work[m.end() + wd.end():m.end() + wd.end() + 3]):
            continue  # 2019年9月5日 星期四，市委召开会议: an event with its weekday
        if wd:
            if _WEEKDAYS.index(wd.group("w")) % 7 == date.weekday() or (wd.group("w") in "日天" and date.weekday() == 6):
                offer(4, m.start(), date)
            else:
                offer(1, m.start(), date)  # a weekday that disagrees: an OCR slip or a misprint
            continue
        if _CUE_BEFORE.search(before[-16:]) or after.startswith(("讯", "电")):
            offer(3, m.start(), date)  # 发布时间：2021年1月15日 / 本报2021年3月5日讯
            continue
        if m.start() < first_lines_end and before.strip() in ("——", "—", "--", "-") and _REPORT_SESSION.match(work, m.end()):
            offer(3, m.start(), date)  # a work report's dateline: ——2022年1月10日在青山县第十八届人民代表大会…上
            continue
        if m.start() < first_lines_end and _CLOCK_AFTER.match(after):
            offer(2, m.start(), date)  # a page's time stamp: 2021-07-09 09:30
            continue
        if _EVENT_AFTER.match(after):
            continue
        rest = work[m.end():line_end].strip()
        if not rest or len(rest) <= 8 and not re.search(r"[，,。；;]", rest):
            # The date stands on its own line (behind a page number or the paper's name).
            if len(before.strip()) <= 12 and not before.rstrip().endswith((":", "：")):  # not 会议时间：
                offer(2, m.start(), date)
            continue
        if m.start() < first_lines_end and not before.strip() and m.group("iy"):
            offer(2, m.start(), date)
    if best is not None:
        return best[2]

    for m in _DATELINE.finditer(work):
        mo, d = _cn_int(m.group("m")), _cn_int(m.group("d"))
        window_start = max(0, m.start() - _NEAR)
        years = [y for y in _NEAR_YEAR.finditer(work, window_start, m.end() + _NEAR)]
        if not years or mo is None or d is None:
            continue
        nearest = min(years, key=lambda y: abs(y.start() - m.start()))
        year = int(nearest.group("y"))
        if not 1900 <= year <= 2100:
            continue
        try:
            return dt.date(year, mo, d)
        except ValueError:
            continue
    return None
