"""What the pledge rules share: the reading's state, clauses and cues, indexes, word lists, and the
small readings of a span (its object's words, its verbs, its hedges) that several decisions use.
"""
from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import chain
from operator import attrgetter, itemgetter

from tracker.extract import lexicons
from tracker.extract.deadlines import DeadlineMention
from tracker.extract.model import Deadline, Official, Precision, Quantity, Role
from tracker.extract.normalise import Block, fold
from tracker.extract.numbers import NumberToken, kind_number_pattern
from tracker.extract.people import districts, districts_in, find_people
from tracker.extract.rules import rule
from tracker.extract.tokens import cut_words as _cut


_SENTENCE_END = "。！？!?"
_CLAUSE_SEP = re.compile(r"[，,；;：:。！？!?]")
_SEGMENT_SEP = "；;"
# A coordinator between two counted objects; 及, 和 and 与 inside a word (惠及, 普及, 及时, 和谐,
# 总和, 参与, 与会; 和美乡村: 建成35个先导区、1000个和美乡村, 河南 2026; 打造150个和美乡村, 青海 2026) or a bound
# (110千伏及以上) coordinate nothing.
_COORD = re.compile(r"、|以及|(?<![惠涉普波危顾触提论企])及(?![时早以])|(?<![谐平总缓调温柔共])和(?![谐平]|美乡村)"
                    r"|(?<![参给])与(?!会)")
# 在 and the whole of a division before a count of places: 在|39个村, 在全县|509个自然屯 (the places where the work is
# done: work_after_its_places, places_of_the_work, and the conjunct split that leaves a run of places whole)
_AT_PLACES = re.compile(r"在(?:全[省市区县镇乡旗])?$")
# 在10台以上, 稳定在100万亩以上: 在 with a bound after the number states a threshold or a level, no places
_BOUND_AFTER_PLACES = ("以上", "以下", "以内", "左右", "及以上", "及以下")
# A number after these belongs to the object before it, not to a new one
# (改造老旧小区86个、惠及居民2.3万户: one pledge, two quantities).
_ATTRIBUTIVE = lexicons.words("attributive_verbs")
_QUOTE_MARKS = "“”‘’「」『』\"'《》"
_BULLETS = "●■◆▪•"  # a list item's mark (●地区生产总值增长8.5%), no part of its quote
_LEADING_DIGIT = re.compile(r"\s*[0-9０-９]")
_NUMERALISH = re.compile(r"[0-9０-９零〇一二两三四五六七八九十百千万亿半]")
_LEAD_STRIP = re.compile(r"(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、|\d+[、.．]|[^，,。“”]{0,12}?\d+月\d+日讯)?[“‘\"]?")
_SPEAKER_LABEL = re.compile(r"[^，,。；;“”：:\s]{1,16}[：:]")
# A reporting frame before what was said: 代区长王敏在…向代表作政府工作报告时表示,2017年,区政府将… (萧山区 news 2017);
# (记者 于潇潇)7日,潍坊市长刘曙光在作政府工作报告时提出,今年将… (潍坊市 news 2013). What was said opens after it.
_REPORTING_FRAME = re.compile(r"[^。；;！？“”]{2,60}?(?:表示|指出|提出|强调|透露|宣布|说|获悉|了解到)[，,：:]")
_ENUM_MARKER = re.compile(r"(?:[一二三四五六七八九十]+是|其[一二三四五六七八九十]"
                          r"|[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|\d{1,2}[、.．](?!\d))"
                          r"(?=[\u4e00-\u9fff“‘])")
# Cue words that are nouns after these words (年度计划, 发展目标): they name a plan, they plan nothing.
_PLAN_NOUNS = {"计划": ("年度", "全年", "工作", "行动", "发展", "实施", "投资", "建设", "五年", "原定", "既定", "招生"),
               "目标": ("年度", "全年", "既定", "原定")}
# 计划 ending the name of a programme (实施江淮英才计划，…; 三年行动计划深入实施; 入选国家“双高计划”) and 将 taking its
# object before the verb (将8个公司运营的16支…基金整合为…; 每年将75%以上的财力用于民生) intend nothing, nor does 未来
# naming a kind of industry (建设未来农业产业园, 安徽; 未来产业领域一批创新型成长型企业加快培育, 黑龙江).
_PROGRAMME_NAME_END = tuple("，,。；;、：:”’》）)的和与等")
# 未来 speaks of the time ahead before a span or a pause (未来五年, 未来一个时期, 未来，…), else it names a kind of thing
_FUTURE_SPAN_AFTER = re.compile(r"[0-9一二三四五六七八九十两几数]+个?(?:年|月)|一[个段](?:时期|时间)|[，,]|的?(?:发展|工作)")
_BA_OBJECT = tuple("0123456789０１２３４５６７８９一二三四五六七八九十两百千万几近")
# …and a demonstrative after 将 (lexicon ba_determiners) opens a thing already named, put before its verb as 把 puts it:
# 乡（镇）政府将这些资金与财政扶贫资金、小额贷款资金等捆绑使用 (富县 news 2011), 2001年，青岛海信以3500万元的价格将上述地块
# 转手卖给房地产开发商 (淄博 news 2011): 将 tells no time there.
_BA_DETERMINERS = tuple(lexicons.words("ba_determiners"))


def _ba_object(text: str, end: int) -> bool:
    """将 ending at ``end`` puts its object before the verb (将 as 把): a number (将8个公司运营的16支…基金整合为…) or a
    demonstrative (将这些资金与…捆绑使用, 将上述地块转手卖给…) follows it."""
    return text.startswith(_BA_OBJECT, end) or text.startswith(_BA_DETERMINERS, end)




# the two characters before 计划 that end a programme's name (营养改善计划补助标准, 营养改善计划提质扩面)
_PROGRAMME_PLAN_HEADS = frozenset(lexicons.words("programme_plan_heads"))


def _names_a_thing(text: str, start: int, word: str) -> bool:
    """计划 ending a programme's name (江淮英才计划，; 三年行动计划; “双高计划”; 年度计划的27%; after the heads of lexicon
    programme_plan_heads whatever follows: 营养改善计划补助标准, 新疆 2026; 营养改善计划提质扩面, 青海 2026) and 未来 naming a kind of
    industry (未来产业, 未来农业产业园) name things: no word of intent, no forward cue."""
    end = start + len(word)
    if word == "计划":
        head = text[max(0, start - 2):start]
        return text.startswith(_PROGRAMME_NAME_END, end) or head in _PLAN_NOUNS["计划"] or head in _PROGRAMME_PLAN_HEADS
    return word == "未来" and not _FUTURE_SPAN_AFTER.match(text, end)


_ROUND_NUMBER_HEADS = "".join(lexicons.words("round_number_heads"))
_RANK_WORDS = lexicons.words("rank_words")
_ASIDE_AT_END = re.compile(r"[（(][^（）()]{1,12}[）)]$")
_SPAN_WORD = re.compile(r"[一二两三四五六七八九十]+个?(?:年|月)(?:内|底|前|末|间)?")
_SPAN_ENDS = lexicons.words("span_ends")
_HAS_DIGIT = re.compile(r"[0-9０-９]")
_NO_WORD = re.compile(r"[^\u4e00-\u9fffA-Za-z“”‘’\"]+")  # punctuation, spaces: no word of a name
_TIME_WORDS = frozenset(lexicons.words("time_words"))
_RATE_BASIS = re.compile(r"(?:每[^每]{1,2})+")
_TECH_NAME = re.compile(r"[0-9]+[A-Za-z]+|[A-Za-z]+[0-9]+")  # 5G, 3D, 110kV, G20
_CONTINUATION = lexicons.words("continuation_words")
# What a closing clause says besides its deadline: that all of it is done (…，年底前全部建成投用).
_COMPLETION = re.compile(r"(?:并|确保|力争|争取|将|要|计划|预计)?(?:在|于)?(?:前|内|之前|以前)?"
                         r"(?:全部|全面|均|陆续|同步|基本|如期|按期)?(?:建成|完成|完工|竣工|交付|开放|开园|开业|开工|落地|到位|投入|投用|投运)"
                         r"(?:投用|投入使用|使用|运营|运行|开放|通车|并网)?")
_ATTACHED = re.compile(r"(?:到|至|为|在)?(?:约|近|超过|超|逾|累计|共|了)?")
_GENERIC_ACTIONS = frozenset(lexicons.words("generic_actions"))
# 了 before 就 or 又 joins a condition to what follows it, done or not: 规划定了就做得到 (新疆, 2026), 定了就干 (甘肃,
# 2026), 让大美青海成为广大游客来了就不想离开、离开了又魂牵梦绕的“第二故乡” (青海, 2026); 就业 is a word of its own
# (体现了就业优先的政策导向).
_PAST_LE = re.compile(r"了(?<=[\u4e00-\u9fff]了)(?![解不起又])(?!就(?![业医学近餐诊读地位绪]))")


def past_le(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each Han character with the 了 after it (建成了, 完成了) that ``_PAST_LE`` allows, in order,
    none overlapping: 了了 gives its first two characters. The pattern opens on 了 and looks back for the
    character, so the engine finds 了 as it finds a literal, instead of trying a Han character at every
    position of the paragraph."""
    last = 0
    for m in _PAST_LE.finditer(text):
        start = m.start() - 1
        if start >= last:  # the character before this 了 is not the 了 of the word before
            last = m.end()
            yield start, last
_NOT_PAST_LE = lexicons.words("not_past_le")
_YEAR_ONLY = lexicons.words("year_only_words")
_COMPARED_WITH_LAST_YEAR = lexicons.words("compared_with_last_year")
# A period already behind the speaker: 今年前三季度, 1-9月.
_PAST_PERIOD = re.compile(r"前[一二三四五六七八九十两\d]+(?:个)?(?:季度|个月|月)|\d{1,2}[-—至~]\d{1,2}月份?")
_FUTURE_SPAN = re.compile(r"未来[一二三四五六七八九十\d]+年|[一二三四五六七八九十\d]+年内")
# A past time inside a modifier of the object tells when the object came to be, not when the
# clause happens: 改造2000年底前建成的老旧小区215个.
_ATTRIBUTIVE_TIME = re.compile(r"(?:底|末|初)?(?:以前|之前|前|以后|之后|后)?[\u4e00-\u9fff]{0,4}?的")
# Modals that make a comparison with last year a target (力争…，同比增长8%), not a statistic.
_MODALS = frozenset(lexicons.words("modal_words"))
# Roles whose quantity alone makes no pledge (三年行动, 60周岁以上).
_WEAK_ROLES = {Role.DURATION}
_WEAK_UNITS = lexicons.words("age_units")


@dataclass
class _Cue:
    """A word of tense or intent in a paragraph: where it stands, whether it looks ahead, how strong it is."""

    pos: int  # absolute offset in the document text
    forward: bool
    strong: bool
    word: str = ""


@dataclass
class _Clause:
    """A clause of a paragraph: its offsets, its sentence and segment, where its sentence starts."""

    start: int  # absolute offsets
    end: int
    sentence: int  # index within the block
    segment: int
    sentence_start: int  # absolute offset where the clause's sentence begins


class _Index:
    """Items sorted by position, sliced by a position range in logarithmic time.

    Keeps the reading linear in the length of a paragraph: a 50 MB paragraph has
    as many clauses as cues, and a scan of every cue per clause would be quadratic."""

    def __init__(self, items, key):
        self.items = items
        self.keys = list(map(key, items))  # a C key (attrgetter, itemgetter) keeps this a C loop

    def between(self, lo: int, hi: int) -> list:
        return self.items[bisect_left(self.keys, lo):bisect_left(self.keys, hi)]

    def last_before(self, lo: int, hi: int):
        i = bisect_left(self.keys, hi) - 1
        return self.items[i] if i >= 0 and self.keys[i] >= lo else None


def block_matches(c, pattern: re.Pattern) -> tuple[list[int], list[re.Match]]:
    """The matches of ``pattern`` in the candidate's paragraph, found once for all its candidates (the ends,
    sorted, then the matches): a rule that looks back from the quote to the paragraph's start takes those
    ending before the quote (``bisect_right(ends, pos)``) instead of scanning the paragraph again for each
    quote, which made one long paragraph read in quadratic time."""
    key = ("matches", id(pattern))  # a pattern's own hash hashes its code, thousands of instructions for some
    got = c.para_memo.get(key)
    if got is None or got[0] is not pattern:
        found = list(pattern.finditer(c.text, c.block.start, c.block.end))
        got = c.para_memo[key] = (pattern, [m.end() for m in found], found)
    return got[1], got[2]


def block_positions(c, char: str) -> list[int]:
    """The offsets of ``char`` in the candidate's paragraph, sorted, found once for all its candidates."""
    key = ("positions", char)
    got = c.para_memo.get(key)
    if got is None:
        text, start, end, out = c.text, c.block.start, c.block.end, []
        i = text.find(char, start, end)
        while i >= 0:
            out.append(i)
            i = text.find(char, i + 1, end)
        got = c.para_memo[key] = out
    return got


@dataclass
class _Cues:
    """A paragraph's cues, all of them and the strong ones, each indexed by position."""

    all: _Index
    strong: _Index

    @classmethod
    def of(cls, cues: list["_Cue"]) -> "_Cues":
        pos = attrgetter("pos")
        return cls(_Index(cues, pos), _Index([c for c in cues if c.strong], pos))


@dataclass
class _Reading:
    """What the reader carries from paragraph to paragraph."""

    published: dt.date | None
    official: Official | None = None
    district: str | None = None
    given_official: Official | None = None  # the document's speaker as its user knows him (--official)
    given_district: str | None = None  # the document's government as its user knows it (--district)
    review_section: bool = False  # under a heading that reviews (一、2023年工作回顾), until one that plans
    review_paragraphs: bool = False  # since a paragraph that opened in the past (近年来,…), until one that plans
    past_year_run: bool = False  # since a paragraph that opened on a year before publication, until one that plans
    outcome_run: bool = False  # since a paragraph led by an outcome (就业促进更有力。), until one that plans
    body_since_credit: bool = False
    section_blocks: list[int] = field(default_factory=list)  # body blocks since the last heading
    headings: list[int] = field(default_factory=list)  # every heading so far, the latest last
    names: set[str] = field(default_factory=set)
    titled: dict[str, Official] = field(default_factory=dict)  # name → the person with the title the text gave him
    official_before_block: Official | None = None  # the credited person when the current paragraph began
    block_credits: dict = field(default_factory=dict)  # block → [(offset, person or "")] of the credits in it
    walk_memo: dict = field(default_factory=dict)  # (kind, block) → what a walk back from that block found
    district_marks: dict = field(default_factory=dict)  # block → _Index of divisions named in it
    people_of: dict = field(default_factory=dict)  # block → find_people of its text, read once (_people_in)
    districts_of: dict = field(default_factory=dict)  # block → districts_in of its text, read once (_districts_of)
    sentence_stops: dict = field(default_factory=dict)  # block → _sentence_stops of its text
    mentions_of: dict = field(default_factory=dict)  # block → _mentions of its text, read once (_block_mentions)
    summaries: dict = field(default_factory=dict)  # block → [(offset, deadline)] of its 上述… sentences
    completions: dict = field(default_factory=dict)  # block → [(sentence, deadline)] of its completion clauses
    # (block, sentence, deadline) of every clause of the body so far that says when the project is finished
    told_completions: list = field(default_factory=list)
    # body paragraph → its completion clauses (block, sentence, deadline, names), the whole article's read before its
    # first paragraph (``article_completions``: a completion told after a figure speaks of it too)
    article_completions: dict = field(default_factory=dict)
    plan_year: Deadline | None = None  # set once a report has stated its year's targets (主要预期目标是：…)
    target_heading: Deadline | None = None  # a heading naming targets (主要预期目标) leads the lines after it
    # the clause pieces with a quantity that a pledge rule turned down, in reading order: (start, end, the pledge
    # rule's id, the tense rule's id or "" when the pledge rule answered before the tense was read)
    declined: list[tuple[int, int, str, str]] = field(default_factory=list)
    # each decision list without the rules that need words the text lacks (rules.asked), found once a document
    asked: dict = field(default_factory=dict)


@cache
def _cue_table() -> tuple[re.Pattern, dict[str, tuple[bool, bool]]]:
    table: dict[str, tuple[bool, bool]] = {}
    for name, forward in (("cue_forward", True), ("cue_past", False)):
        for row in lexicons.rows(name):
            table[row[0]] = (forward, (row[1] if len(row) > 1 else "strong") == "strong")
    words = set(table) | set(lexicons.words("not_cue_words"))  # 重要, 主要: matched first, then skipped
    # longest first, the words of one length in their own order: the same pattern whatever the set's order, which
    # moves with the process's hash seed (the pattern then found in the file of compiled patterns: patterns.py)
    alts = lexicons.alternation(sorted(words, key=lambda w: (-len(w), w)))
    return re.compile(alts), table


@cache
def _word_pattern(name: str) -> re.Pattern:
    return re.compile(lexicons.alternation(lexicons.words(name)))


@cache
def _actions() -> dict[str, str]:
    return {k: (v or k) for k, v in lexicons.mapping("actions").items()}


@cache
def _qualifiers() -> dict[str, str]:
    return lexicons.mapping("qualifiers")


@cache
def _abstract_objects() -> frozenset[str]:
    return frozenset(lexicons.words("abstract_objects"))


@cache
def _stops() -> frozenset[str]:
    return frozenset(lexicons.words("object_stops"))


# A headline writes its clauses apart with a space: 芗城明年新增学位1.4万个 力争8条道路建成通车.
_CLAUSE_SEP_HEADLINE = re.compile(r"[，,；;：:。！？!?]|(?<=[\u4e00-\u9fff0-9%])[ \u3000]+(?=[\u4e00-\u9fff])")


def _clauses(text: str, base: int, *, headline: bool = False) -> list[_Clause]:
    out, start, sentence, segment, sentence_start = [], 0, 0, 0, 0
    for m in (_CLAUSE_SEP_HEADLINE if headline else _CLAUSE_SEP).finditer(text + "。"):
        if m.start() > start:
            out.append(_Clause(base + start, base + m.start(), sentence, segment, base + sentence_start))
        start = m.end()
        if m.group(0) in _SENTENCE_END:
            sentence += 1
            segment += 1
            sentence_start = m.end()
        elif m.group(0) in _SEGMENT_SEP:
            segment += 1
    return out


# The words a task list labels its time limit with (完成时限：2024年8月底前), as a line or a note.
_TIME_LIMIT_WORDS = "|".join(map(re.escape, lexicons.words("time_limit_labels")))
_DEADLINE_NOTE = re.compile(rf"[（(][^（()）]{{0,40}}?(?:{_TIME_LIMIT_WORDS})[:：]?(?P<when>[^（()）；;]{{1,20}})")
_PER_AT_END = re.compile(r"(?:每(?:人|户|亩|月|年|天|日|床|平方米|千人|万人)|人均|户均)+$")
_SIZE_CLASS_AFTER = re.compile(r"(?:及以上|以上)(?=[\u4e00-\u9fff])(?!的)")
_BASELINE_AT_END = re.compile(r"(?:比|较|相比|比照)(?:\d{4}年|上年|去年|上一年|基期)(?:末|底)?(?:实现|再)?$")

_SENTENCE_STOP = re.compile(r"[。！？!?；;\n]")
_LEAD_PAD = " \t“\"‘'（(、"


def _sentence_stops(btext: str) -> list[int]:
    """Where each sentence of a paragraph ends (offsets after its stop), in order."""
    return [m.end() for m in _SENTENCE_STOP.finditer(btext)]


def _named_year(text: str, base: int, pos: int, mentions: list[DeadlineMention], starts: list[int],
                stops: list[int]) -> int | None:
    """The year the sentence holding ``base + pos``, or else its paragraph (at ``base``), opens
    with: 明年，… / 2025年，全市将… / 明年我市将…; it governs the dates in it that name no year
    (年底前, 6月底前, 全年). A year further in (确保2023年…突破100公里；…年内…) belongs to its own
    clause. ``mentions`` are sorted by start (``starts``); ``stops`` are ``_sentence_stops``."""
    k = bisect_left(stops, pos + 1) - 1
    for lo in ([base + stops[k]] if k >= 0 else []) + [base]:
        head = text[lo:lo + 4]
        at = lo + len(head) - len(head.lstrip(_LEAD_PAD))
        i = bisect_left(starts, at)
        if i < len(mentions) and starts[i] == at and at < base + pos:
            m = mentions[i]
            if m.year_given and m.deadline.date and m.deadline.precision is not Precision.PLAN:
                return m.deadline.date.year
    return None


def _ahead(d: Deadline, published: dt.date | None) -> bool:
    """Whether a deadline can still be met: not before publication, and a day not the day of
    publication itself (4月18日，市政府新闻办召开… dates the news, it sets no deadline)."""
    if published is None or d.date is None:
        return True
    return d.date > published if d.precision is Precision.DAY else d.date >= published


_TOKEN_DATE = re.compile(r"(?:(\d{4})年)?\s*(?:(\d{1,2})月)?\s*(?:(\d{1,2})[日号])?")


def _token_date(t: NumberToken, published: dt.date) -> dt.date | None:
    raw = fold(t.raw)
    m = _TOKEN_DATE.match(raw)
    if not m or not any(m.groups()):
        if t.kind == "year":
            try:
                return dt.date(int(t.value), 12, 31)
            except (ValueError, OverflowError):
                return None
        return None
    year = int(m.group(1)) if m.group(1) else published.year
    month = int(m.group(2)) if m.group(2) else (12 if m.group(1) else published.month)
    day = int(m.group(3)) if m.group(3) else 1
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _weak(q: NumberToken) -> bool:
    """A time span or an age: no size of a pledge beside another number, and no pledge alone."""
    return q.kind != "target" and (q.role in _WEAK_ROLES or (q.unit or "").endswith(_WEAK_UNITS))


def _base_unit(unit: str | None) -> str:
    return (unit or "").lstrip("十百千万亿")


def _quantity(t: NumberToken):


    return Quantity(value=t.value, unit=t.unit or "", raw=t.raw, start=t.start, end=t.end, role=t.role, value_max=t.value_max)


# Words naming a rate of something: the object is what the rate is of (地区生产总值年均增速 → 地区生产总值增速).
_RATE_HEADS = frozenset(lexicons.words("rate_heads"))
_AVERAGED = frozenset(lexicons.words("averaged_words"))
_MODIFIER_TAIL = re.compile(r"[\u4e00-\u9fff]{0,6}?(?:基础上|的)")


def _without_modifiers(text: str, cues: list[_Cue]) -> list[_Cue]:
    """Past cues inside a modifier after a forward cue of the clause are the object's history, not the
    clause's tense: 今年将在去年基础上新增…, 今年将继续实施已启动的改造项目30个."""
    out: list[_Cue] = []
    for c in cues:
        if not c.forward and c.word and any(p.forward for p in out) \
                and _MODIFIER_TAIL.match(text, c.pos + len(c.word)):
            continue
        out.append(c)
    return out


def _is_comparison(text: str, c: _Cue) -> bool:
    """同比, 比上年, 较去年: a comparison with last year, which a statistic and a target both make."""
    return c.word == "同比" or c.word in ("上年", "去年") and text[c.pos - 1:c.pos] in ("比", "较")


def _modal_before(text: str, cues: _Cues, clause: _Clause) -> bool:
    """The nearest strong cue of the sentence up to the end of ``clause``, comparisons aside, is a
    modal (力争, 将, 确保 …): 力争全年完成规上工业总产值4200亿元，同比增长8% is a target."""
    for c in reversed(cues.strong.between(clause.sentence_start, clause.end)):
        if _is_comparison(text, c):
            continue
        if not c.forward:
            return False
        if c.word in _MODALS:
            return True  # 力争今年完成投资比去年增长10%: a time word between modal and comparison
    return False


# ---------------------------------------------------------------- object, action, qualifier

# (a pattern's sub, not str.translate: translate looks up every character in its table, and an object
# rarely holds a quote mark; the sub is two to three times faster on the objects of real reports)
_ANY_QUOTE_MARK = re.compile(f"[{re.escape(_QUOTE_MARKS)}]")


def _strip_quotes(s: str) -> str:
    return _ANY_QUOTE_MARK.sub("", s).strip()


_Obj = tuple[str, str] | None  # (object, its first word)


# jieba cuts a text run by run (a run: Han characters, letters, digits and +#&._%-) and gives any other
# character as a word of its own; a word of these characters ends an object read forwards, and one
# of these but 、 and non-ASCII digits ends an object read backwards. So the window is cut only up
# to the first (after the number) or from the last (before it): the words the reading reaches are
# the same, and no time goes into cutting the rest of the clause.
_ENDS_OBJECT_AFTER = re.compile(r"[^\u4e00-\u9fffA-Za-z0-9+#&._%\-“”‘’\"]")
_ENDS_OBJECT_BEFORE = re.compile(r"(?s:.*)[^\u4e00-\u9fffA-Za-z0-9+#&._%\-“”‘’\"、\d]")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_BOUND_AT_START = re.compile(r"^(?:及以上|及以下|以上|左右|以内|多|余)")
_OF_AT_START = re.compile(r"^(?:规模)?的")


@cache
def _class_units() -> frozenset[str]:
    """Units that name a class of the thing after them (lexicon class_units: 10千伏线路)."""
    return frozenset(lexicons.words("class_units"))


@cache
def _class_at_start() -> re.Pattern:
    units = sorted(_class_units(), key=lambda u: (-len(u), u))  # longest first; one pattern whatever the set's order
    return re.compile(r"^[0-9.]+(?:" + "|".join(map(re.escape, units)) + r")(?=[\u4e00-\u9fff])")


@rule("object", "数量后另起成分", "nothing_named_after")
def _names_nothing_after(window: str) -> bool:
    """What follows the number opens a coordinated object or the clause's next part (a conjunction, a cue
    word), so the number's object stands before it: 铺设污水管网348米|及其他附属设施 (歙县 实事, 2025);
    单晶硅、多晶硅多线切割机500台|将投入生产 (苏州高新区 news, 2011)."""
    m = _COORD.match(window)
    if m and m.start() == 0:
        return True
    return window.startswith(_MODAL_ADVERBS)


# Modals that only open a predicate (拟, 计划, 目标 also name a thing: 3500多个拟竣工投产项目, 招生计划).
_MODAL_ADVERBS = ("将", "力争", "确保", "争取", "预计")


@rule("object", "名称中的新字", "new_inside_name")
def _new_inside_name(word: str, following: list[str], stops: frozenset[str]) -> bool:
    """新 between words of a name, before a noun (no verb, no stop word), is part of the name, not the start of the
    clause's next part: 培育打造20个融合性服务消费新场景 (上海, 2026: 融合性服务消费新场景); 发挥济青烟3个新业态新模式
    新场景消费试点作用 (山东, 2026)."""
    return word == "新" and bool(following) and following[0] not in stops and following[0] not in _actions() \
        and _NAME_CHARS.fullmatch(following[0]) is not None


# An aside inside a name, the name going on after it: 乡(镇)|中心幼儿园, 电动自行车集中充电（停放）|场所.
_INLINE_ASIDE = re.compile(r"[（(][^（）()，,。；;、]{1,8}[）)](?=[\u4e00-\u9fff])")


@rule("object", "名称中的括注", "aside_inside_name")
def _aside_inside_name(window: str) -> tuple[str, list[tuple[int, int]]]:
    """An aside in brackets inside a name (the name going on after it) glosses the word before it; the name is read
    past it, and the aside stays in the object as written: 对全县17所乡(镇)中心幼儿园全面提档升级 (歙县 实事, 2025:
    乡(镇)中心幼儿园, not 乡); 为老旧小区内既有的40个电动自行车集中充电（停放）场所加装消防设施 (虹口区, 2026:
    电动自行车集中充电（停放）场所, not 电动自行车集中充电). Returns the window without its asides and where they were."""
    if "（" not in window and "(" not in window:
        return window, []  # most windows hold no bracket: two scans for one character, no pattern's
    spans = [m.span() for m in _INLINE_ASIDE.finditer(window)]
    return (_INLINE_ASIDE.sub("", window), spans) if spans else (window, [])


def _with_asides(window: str, spans: list[tuple[int, int]], length: int) -> str:
    """The first ``length`` characters of the window read without its asides, the asides inside them put back."""
    out, k, taken = [], 0, 0
    for a, b in spans:
        if taken + (a - k) >= length:
            break
        out.append(window[k:a])
        taken += a - k
        out.append(window[a:b])
        k = b
    out.append(window[k:k + length - taken])
    return "".join(out)


def _object_after(text: str, pos: int, end: int) -> _Obj:
    window = text[pos:end].lstrip(" \u3000\u00a0")
    window = _BOUND_AT_START.sub("", window)
    window = _OF_AT_START.sub("", window)
    window = _class_at_start().sub("", window)  # 4座|110千伏|变电站: the class is part of the name, not a number
    kind = kind_number_pattern().match(window)  # 2个|5人制|足球场: the kind, as a class is (kind_number)
    if kind and _CJK.match(window, kind.end()):
        window = window[kind.end():]
    if not window or _LEADING_DIGIT.match(window) or _names_nothing_after(window):
        return None
    read, asides = _aside_inside_name(window)
    words = _words_after(read)
    obj = _strip_quotes(_with_asides(window, asides, sum(map(len, words))) if asides else "".join(words))
    return (obj, words[0]) if obj else None


@rule("object", "命名类别中的动词", "verb_names_a_designation")
def verb_names_a_designation(text: str, end: int) -> bool:
    """A verb written right before the head of a designated kind of place or unit (lexicon designation_heads: 重点县,
    示范区, 先行区) is part of that kind's name, which the number counts, so an object read forwards goes on through it
    to the head: 布局建设20个国家级、19个省级粮食产能提升重点县 (辽宁 2026: the first count's shared noun 粮食产能提升重点县,
    not 粮食产能); 推进66个粮食产能提升重点县 (河南 2026). That the verb is no act of the pledge is verb_inside_a_name's
    (pledges/objects.py), which reads the same lexicon."""
    return text.startswith(_designation_heads(), end)


@cache
def _designation_heads() -> tuple[str, ...]:
    return lexicons.words("designation_heads")


def _words_after(window: str) -> list[str]:
    """The words of the object read forwards from the window's start."""
    words = []
    stops = _stops()
    actions = _actions()
    stop = _ENDS_OBJECT_AFTER.search(window)
    cut = _cut(window[:stop.start()] if stop else window)
    for i, w in enumerate(cut):
        if words and grade_floor_in_name("".join(words), cut[i:i + 2]):
            words.append(w)  # 25—30家省级|及|以上|企业技术中心: the grade's floor, not the count's hedge
            continue
        if _HAS_DIGIT.search(w) or _NO_WORD.fullmatch(w):
            break
        if ((w in stops and (words or w not in ("新", "新的")) and not _new_inside_name(w, cut[i + 1:i + 2], stops))
                or (words and w in actions)) \
                and not (words and verb_names_a_designation("".join(cut[i:i + 4]), len(w))):
            break
        words.append(w)
        if sum(map(len, words)) >= 24:
            break
    return words


@rule("object", "等级下限在名称中", "grade_floor_in_name")
def grade_floor_in_name(before: str, words: Sequence[str]) -> bool:
    """A grade's floor or ceiling written after the grade inside the counted noun (省级及以上, 二级及以上, 二级以下) says
    which grades the thing counted is of, no hedge of the count: the object read forwards goes on through it.
    新建…25—30家省级及以上企业技术中心 (山西 2026: 省级及以上企业技术中心, not 省级); 256家二级及以上公立医疗机构实现检查检验结果
    互认 (新疆 2026, its review: 二级及以上公立医疗机构, not 二级). ``before``: the object's words read so far; ``words``:
    this word and the next."""
    if not words:
        return False
    w = words[0]
    if before.endswith("级及"):
        return w in ("以上", "以下")
    return before.endswith("级") and (w in ("及以上", "及以下", "以上", "以下")
                                     or (w == "及" and tuple(words[1:2]) in (("以上",), ("以下",))))


@cache
def _stops_before() -> frozenset[str]:
    """What ends an object read backwards from its number: verbs, qualifiers, cue words, adverbs."""
    _, table = _cue_table()
    return _stops() | (set(_actions()) - _nominal_actions()) | set(_qualifiers()) | set(table) \
        | set(lexicons.words("object_stops_before"))


@cache
def _measure_heads() -> frozenset[str]:
    return frozenset(lexicons.words("measure_heads"))


@rule("object", "量度名词读其所量", "measure_names_its_thing")
def _measures_its_thing(head: str, word: str) -> bool:
    """A noun of measure (lexicon measure_heads: 面积, 存栏数) names a measure of what stands before it, with a verb or 总
    saying which measure: those words are read into the object, not left as its end: 发展刺梨种植面积达到9.5万亩 (长顺县,
    2017: 刺梨种植面积, not 面积); 绿壳蛋鸡总存栏数达到1000万羽 (长顺县: 绿壳蛋鸡总存栏数)."""
    return head in _measure_heads() and (word == "总" or word in _actions() and word not in _qualifiers())


def _object_before(text: str, start: int, pos: int, *, named_verbs: bool = False) -> _Obj:
    """The object read backwards from ``pos``; with ``named_verbs`` a verb inside the run is part of
    the name (老旧小区改造项目)."""
    # 老年食堂（助餐点）|30家: the aside glosses the object; 学校 |12 所: a PDF's spacing
    window = _ASIDE_AT_END.sub("", text[start:pos].rstrip(" \u3000\u00a0"))
    baseline = _BASELINE_AT_END.search(window)  # 收入比2020年|翻一番: the baseline, not the name's end
    if baseline:
        window = window[:baseline.start()]
    per = _PER_AT_END.search(window)  # 低保标准提高到|每人每月|760元: the rate's basis, not the name
    if per:
        window = window[:per.start()]
    kinds = list(kind_number_pattern().finditer(window)) if "制" in window else []
    if kinds and kinds[-1].end() < len(window):  # 5人制|足球场|6块: the kind's number ends the name read back
        window = window[kinds[-1].end():]
    stop = _ENDS_OBJECT_BEFORE.match(window)  # (a digit such as ² would not end it: cut it all)
    words = _cut(window[stop.end():] if stop and not window[stop.end() - 1].isdigit() else window)
    stops = _stops_before()
    actions = _actions() if named_verbs else {}
    run: list[str] = []
    joined = 0  # len(run) when a 、 joined an earlier object sharing the number (中小学校、幼儿园25所)
    for i, w in reversed(list(enumerate(words))):
        if i and w in _nominal_actions() and _is_name(words[i - 1]):
            run.append(w)  # 违法|建设|500万平方米, 低效|建设|用地: a noun-like verb inside the name
            continue
        if w == "、" and run and not joined:
            joined = len(run)
            run.append(w)
            continue
        if _TECH_NAME.fullmatch(w) and run:  # 5G基站, 110kV变电站: a technical name, no number of the pledge
            run.append(w)
            continue
        if w.isdigit() and run and run[-1] in _RANK_WORDS:  # 世界500强企业: a ranking's name
            run.append(w)
            continue
        if _HAS_DIGIT.search(w) or w in ("年", "月", "日") or _NO_WORD.fullmatch(w):
            if _HAS_DIGIT.search(w):  # 15分钟|便民生活圈: the unit of a number inside the name goes with it
                while run and run[-1] in _unit_words():
                    run.pop()
            break
        if w in _AVERAGED and len(run) == 1 and run[0] in _RATE_HEADS:
            continue  # Rule rate_of_subject: 地区生产总值|年均|增速4.5%-5%, 服务贸易|年均|增速5%左右: the rate's subject
        if w in _TIME_WORDS:
            break  # “十四五”期间|将累计投入: when, not what
        if _SPAN_WORD.fullmatch(w) and (w[-1] in _SPAN_ENDS or run and run[-1] in _SPAN_ENDS):
            if run and run[-1] in _SPAN_ENDS:
                run.pop()
            break  # 三年|内|高新技术企业数量: when, not what
        if len(run) == 1 and _measures_its_thing(run[0], w):
            run.append(w)  # 刺梨|种植|面积, 绿壳蛋鸡|总|存栏数: which measure of what
            continue
        if w in stops and not (run and w in actions):
            if run:
                break
            continue  # verbs and adverbs right before the number: 累计|达到|1万家
        run.append(w)
    if joined and len(run) == joined + 1:  # nothing but a verb before the 、: 新建、改扩建幼儿园
        run = run[:joined]
    obj = _strip_quotes("".join(reversed(run)))
    if len(obj) > 1 and obj[-1] in "比较" and not obj.endswith(_SHARE_WORDS):
        obj = obj[:-1]  # 完成投资比|去年增长10%: the comparison's particle, not the object's
    if _RATE_BASIS.fullmatch(obj):
        return None  # 提高到每人每月850元: what the sum is counted per, not what is counted
    if len(obj) > 1 and obj[-1] in _ROUND_NUMBER_HEADS and text[pos - 1:pos] == obj[-1] and _NUMERALISH.match(text, pos):
        obj = obj[:-1]  # 引进企业上|千家, 投资数|十亿元: a word of the round number, not of the object
    # a hedge the segmenter glued to the object: 面积不少于|20平方公里, 项目不低于|5个
    for hedge in _long_prefix_qualifiers():
        if obj.endswith(hedge) and len(obj) > len(hedge):
            obj = obj[:-len(hedge)]
            break
    return (obj, run[-1]) if obj else None


@cache
def _unit_words() -> frozenset[str]:
    return frozenset(lexicons.mapping("units"))


@cache
def _long_prefix_qualifiers() -> tuple[str, ...]:
    """The hedges written before a number, of two characters or more, longest first (不少于, 超过)."""
    return tuple(sorted((q for q, kind in _qualifiers().items() if kind == "prefix" and len(q) > 1),
                        key=len, reverse=True))


# 占比, 比重 name a share: their 比 is no comparison's particle (养老机构护理型床位占比达到70%, 全社会研发投入占比6%以上).
_SHARE_WORDS = lexicons.words("share_words")
# Verbs that put a sum to a use: the object is what follows them (筹措7亿元实施|就业惠民工程).
_USE_VERBS = lexicons.words("use_verbs")


_NAME_CHARS = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]+")


def _is_name(gap: str) -> bool:
    """Words that can stand in an object's name: no verb, adverb, qualifier or punctuation among them."""
    if not gap or not _NAME_CHARS.fullmatch(gap):
        return False
    stops = _stops_before()
    longest = _longest_stop_before()
    if not any(gap[i:j] in stops for i in range(len(gap)) for j in range(i + 1, min(len(gap), i + longest) + 1)):
        return True  # no stop word anywhere in it, so none among its words (jieba's words are pieces of it)
    return not any(w in stops for w in _cut(gap))


@cache
def _longest_stop_before() -> int:
    return max(map(len, _stops_before()), default=0)


@cache
def _action_pattern() -> re.Pattern:
    return re.compile(lexicons.alternation(sorted(_actions(), key=len, reverse=True)))


def _action_at(text: str, pos: int) -> re.Match | None:
    """The verb of the actions lexicon written at ``pos``, longest first."""
    return _action_pattern().match(text, pos)


# Where a sum is spent, between it and the verb of its use: 在 and a place of at most 16 characters (no stop but 、),
# and an adverb of the count (共, 再, 又) before the verb.
_PLACE_OF_USE = re.compile(r"在[^，,；;。：:！？!?“”\d]{1,16}?[共再又]?")


@rule("action", "花费之处后的动词", "place_of_use")
def _verb_after_place(text: str, start: int, end: int) -> re.Match | None:
    """The place where a sum is spent (shaping investment_opens_its_use, invested_sum_verb and the object after the
    sum): the verb that follows 在 and a place, at ``start``, is the verb of the sum's use: 投资5000万元，在孤山子镇隆兴村新建选矿厂 and 投资1000万元，在板庙子采矿点建设选矿设施
    (孤山子镇's profile, 2021: 新建, 建设); 总投资230万元,在金河镇、硖石镇共新建农村户厕500座 (金台区 实事, 2023: 新建). The
    verb is the first of the stretch, so one inside the place's name (开发区) is no verb of it; None when the
    stretch does not open on 在 and a place right before its first verb."""
    if not text.startswith("在", start):
        return None
    verbs = actions_between(text, start, end)
    if not verbs:
        return None
    return verbs[0] if _PLACE_OF_USE.fullmatch(text, start, verbs[0].start()) else None


@cache
def _verb_scan() -> tuple[re.Pattern, frozenset[str]]:
    """The verbs of the lexicon and the nouns that hide one (lexicon verb_hiding_nouns), longest first."""
    hiding = frozenset(lexicons.words("verb_hiding_nouns"))
    words = sorted(set(_actions()) | hiding, key=lambda w: (-len(w), w))  # one pattern whatever the set's order
    return re.compile(lexicons.alternation(words)), hiding


@rule("action", "名词中的动词", "verb_inside_noun")
def _hides_a_verb(word: str) -> bool:
    """A noun whose characters hold a verb (lexicon verb_hiding_nouns) is read whole, so the verb inside it is no
    act, nor one that begins inside it: 本区建成区80%以上面积达到海绵城市建设目标要求 (普陀区, 2025: 达到);
    推动商洛电厂二期、店头电厂二期等402万千瓦机组建成投运 (陕西, 2026: 建成投运, not 组建)."""
    return word in _verb_scan()[1]


def _actions_in(text: str, start: int, end: int) -> list[re.Match]:
    """The verbs of ``text[start:end]`` (a new list each call: callers may shorten it)."""
    return list(actions_between(text, start, end))


@lru_cache(maxsize=1024)
def actions_between(text: str, start: int, end: int) -> tuple[re.Match, ...]:
    """The verbs found between ``start`` and ``end``, remembered: a candidate's rules ask for the same window
    (the clause before the quote, the quote up to its number) one after another, half of the 9,328 scans over
    the bench corpus. ``tracker.extract.extract_text`` empties it per document."""
    scan, hidden = _verb_scan()  # hidden: the words _hides_a_verb names
    return tuple(m for m in scan.finditer(text, start, end)
                 if text[m.start() - 1:m.start()] != "总" and m.group(0) not in hidden)


@cache
def _nominal_actions() -> frozenset[str]:
    return frozenset(lexicons.words("nominal_actions"))


def _joined_verbs(text: str, matches: list[re.Match], table: dict[str, str]) -> str:
    """新建、改扩建, 建成投用: verbs joined by 、 or written one after another read as one action."""
    first = matches[0]
    verb = table[first.group(0)]
    for nxt in matches[1:]:
        gap = text[first.end():nxt.start()]
        if gap in ("、", ""):
            verb += gap + table[nxt.group(0)]
            first = nxt
        else:
            break
    return verb


_ONE_AT_START = re.compile(r"[\d一]")


@rule("quantities", "门槛数量置后", "threshold_last")
def _is_threshold(q: NumberToken, text: str = "", qs: list[NumberToken] = ()) -> bool:
    """过亿元, 亿元以上: a bare magnitude that describes the object rather than counts it; so does
    an amount with 以上 between it and the object a later number counts (5亿元以上项目60个)."""
    if q.value == 1 and (q.unit or "")[:1] in ("万", "亿") and not _ONE_AT_START.match(fold(q.raw)):
        return True
    return q.role is Role.AMOUNT and any(o.start > q.end and o.role is Role.COUNT for o in qs) \
        and bool(_SIZE_CLASS_AFTER.match(text, q.end))


_APPROX_IN_RAW = {s: re.compile(rf"[\d万亿千百十]{s}") for s in ("余", "多")}


def _bound_qualifier(text, start, q, suffixes, prefixes) -> str | None:
    """The hedge written against one quantity: 60个以上, 3万余户, 突破100公里, 累计达到1万家."""
    for s in suffixes:
        if text.startswith(s, q.end) or (s in _APPROX_IN_RAW and _APPROX_IN_RAW[s].search(q.raw)):
            return s
    for p in prefixes:
        if q.raw.startswith(p):
            return p
    head = text[start:q.start]
    if not _any_word_in(prefixes, head):
        return None  # no prefix anywhere before the number, so none at the end of what the verb leaves of it
    verbs = _actions_in(head, 0, len(head))
    if verbs and verbs[-1].end() == len(head) and verbs[-1].group(0) not in prefixes:
        head = head[:verbs[-1].start()]
    for p in prefixes:
        if head.endswith(p):
            return p
    return None


@lru_cache(maxsize=16)
def _words_pattern(words: tuple[str, ...]) -> re.Pattern:
    return re.compile(lexicons.alternation(words))


def _any_word_in(words: tuple[str, ...], text: str) -> bool:
    """Whether one of ``words`` stands anywhere in ``text`` (one search of their alternation)."""
    return bool(words) and _words_pattern(words).search(text) is not None


# A modal before the hedge (面积应|不少于): no part of what is measured.
_MODAL_BEFORE_HEDGE = re.compile(r"(?:应当|应|须|需|要|必须)$")


def _hedge_before_base(text: str, start: int, q) -> re.Match | None:
    """The hedge written before the base of a share (应不少于|总量的|30%), as a match (group ``hedge``) in ``text``."""
    if q.unit not in ("%", "％"):
        return None
    return _hedged_base_pattern().search(text, start, q.start)


@cache
def _hedged_base_pattern() -> re.Pattern:
    hedges = "|".join(map(re.escape, _qualifier_lists()[1]))
    return re.compile(rf"(?P<hedge>{hedges})[\u4e00-\u9fff]{{1,12}}的$")


@cache
def _qualifier_lists() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """(suffixes, prefixes longest first, modals) of the qualifier lexicon."""
    quals = _qualifiers()
    return (tuple(w for w, pos in quals.items() if pos == "suffix"),
            tuple(sorted((w for w, pos in quals.items() if pos == "prefix"), key=len, reverse=True)),
            tuple(w for w, pos in quals.items() if pos == "modal"))



_TARGET_LEAD = re.compile(r"(?:预期目标|主要目标|主要指标|发展目标)[^：:。]{0,12}[：:]")
_PLAN_LEAD = re.compile(r"纲要|规划|五年|[十][一二三四五六七八九]五")



_NEAR_CLAUSES = 8  # how far a closing clause or an opening modal reaches
_OPENING = 300  # characters of an opening paragraph where a text names itself
_SUMMARY_HEADS = lexicons.words("summary_heads")


def _walk_back(ctx: _Reading, kind: str, probe):
    """The first non-None ``probe(block)`` over the section's earlier paragraphs, nearest
    first, then over the headings above.

    What a walk finds from a given block on never changes while the reader stays in
    its section, so it is remembered per block: a long document is walked once, not
    once per clause. The blocks are walked as iterators, not copied into a list first: a copy
    of every heading so far, made for each clause, grows with the document (quadratic in a
    long report of many sections), while the walk itself stops at the first remembered block."""
    order = chain(reversed(ctx.section_blocks), reversed(ctx.headings))
    pending = []
    found = None
    for j in order:
        key = (kind, j)
        if key in ctx.walk_memo:
            found = ctx.walk_memo[key]
            break
        pending.append(key)
        found = probe(j)
        if found is not None:
            break
    for key in pending:
        ctx.walk_memo[key] = found
    return found


def _inherited(d: Deadline) -> Deadline:
    return Deadline(d.raw, d.date, d.precision, inherited=True)


def _people_in(ctx: _Reading, bi: int, btext: str) -> tuple:
    """``find_people`` of block ``bi``'s text (``btext``), read once a document: the reader asks for a paragraph's
    people when it enters it and again when it credits a pledge in it (one call in six over the real passages
    was a repeat). The memo lives in the document's reading, so it ends with the document."""
    got = ctx.people_of.get(bi)
    if got is None:
        got = ctx.people_of[bi] = tuple(find_people(btext))
    return got


def _districts_of(ctx: _Reading, bi: int, btext: str) -> tuple:
    """``districts_in`` of block ``bi``'s text (``btext``), read once a document: for the document's dominant
    division and again for the subject before a pledge (one call in seven over the real passages was a repeat)."""
    got = ctx.districts_of.get(bi)
    if got is None:
        got = ctx.districts_of[bi] = tuple(districts_in(btext))
    return got


def _district_near(ctx: _Reading, text: str, bi: int, block: Block, pos: int) -> str | None:
    """A division named as the subject before the pledge in its paragraph (临淄区将…, 江苏省南京市在政府采购中引入…,
    根据淄博市委、市政府…的部署要求): written in full, as an actor is. A short name modifies what follows it and says
    nothing of whose pledge it is: 支持福州争创国家低空经济发展示范区, 厦门科学城, 日照至五莲铁路, 推进西安国际化消费环境
    建设, 昆明长水国际机场 (福建, 山东, 陕西, 云南 2026), in a province's report."""
    marks = ctx.district_marks.get(bi)
    if marks is None:
        btext = text[block.start:block.end]
        marks = _Index([(block.start + off, name) for off, name in _districts_of(ctx, bi, btext)
                        if districts()[name].level in ("市", "区", "县") and btext.startswith(name, off)],
                       itemgetter(0))
        ctx.district_marks[bi] = marks
    found = marks.last_before(block.start, pos)
    return found[1] if found else None
