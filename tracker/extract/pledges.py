"""Pledge finding: clauses that hold a quantity and look forward.

The document is read paragraph by paragraph, sentence by sentence, clause by
clause (a clause ends at ，；：。 …). A clause becomes a candidate when it holds a
quantity (see ``numbers``), the number measures a deliverable (not a programme's
name or a discourse structure such as 从4个方面), and the nearest tense cue — in
the clause, its sentence, its paragraph, or the lead of its section — looks
forward. Coordinated objects with their own numbers (9个棚户区、18个老旧小区)
become separate candidates; one object with several numbers stays one.

jieba is used only on clauses that hold a quantity, to find where the counted
object's noun phrase begins and ends.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace
from functools import cache

from tracker.extract import lexicons
from tracker.extract.deadlines import DeadlineMention, find_deadlines, in_year
from tracker.extract.model import Candidate, Deadline, NO_DEADLINE, Official, Precision, Role
from tracker.extract.normalise import Block, Normalised, fold
from tracker.extract.numbers import NumberToken, find_numbers
from tracker.extract.people import credited_name, district_of_title, districts_in, find_people, responsible_unit

_SENTENCE_END = "。！？!?"
_CLAUSE_SEP = re.compile(r"[，,；;：:。！？!?]")
_SEGMENT_SEP = "；;"
# A coordinator between two counted objects; 及, 和 and 与 inside a word (惠及, 普及, 及时, 和谐,
# 总和, 参与, 与会) or a bound (110千伏及以上) coordinate nothing.
_COORD = re.compile(r"、|以及|(?<![惠涉普波危顾触提论企])及(?![时早以])|(?<![谐平总缓调温柔共])和(?![谐平])"
                    r"|(?<![参给])与(?!会)")
# A number after these belongs to the object before it, not to a new one
# (改造老旧小区86个、惠及居民2.3万户: one pledge, two quantities).
_ATTRIBUTIVE = ("惠及", "涉及", "受益", "覆盖", "带动")
_QUOTE_MARKS = "“”‘’「」『』\"'《》"
_BULLETS = "●■◆▪•"  # a list item's mark (●地区生产总值增长8.5%), no part of its quote
_LEADING_DIGIT = re.compile(r"\s*[0-9０-９]")
_NUMERALISH = re.compile(r"[0-9０-９零〇一二两三四五六七八九十百千万亿半]")
_LEAD_STRIP = re.compile(r"(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、|\d+[、.．]|[^，,。“”]{0,12}?\d+月\d+日讯)?[“‘\"]?")
_SPEAKER_LABEL = re.compile(r"[^，,。；;“”：:\s]{1,16}[：:]")
_ENUM_MARKER = re.compile(r"(?:[一二三四五六七八九十]+是|其[一二三四五六七八九十]"
                          r"|[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|\d{1,2}[、.．](?!\d))"
                          r"(?=[\u4e00-\u9fff“‘])")
# Cue words that are nouns after these words (年度计划, 发展目标): they name a plan, they plan nothing.
_PLAN_NOUNS = {"计划": ("年度", "全年", "工作", "行动", "发展", "实施", "投资", "建设", "五年", "原定", "既定", "招生"),
               "目标": ("年度", "全年", "既定", "原定")}
_ROUND_NUMBER_HEADS = "上数近几"
_RANK_WORDS = ("强", "佳")
_ASIDE_AT_END = re.compile(r"[（(][^（）()]{1,12}[）)]$")
_SPAN_WORD = re.compile(r"[一二两三四五六七八九十]+个?(?:年|月)(?:内|底|前|末|间)?")
_SPAN_ENDS = ("内", "底", "前", "末", "间", "以内", "之内")
_HAS_DIGIT = re.compile(r"[0-9０-９]")
_NO_WORD = re.compile(r"[^\u4e00-\u9fffA-Za-z“”‘’\"]+")  # punctuation, spaces: no word of a name
_TIME_WORDS = frozenset({"期间", "时期", "以来", "年内", "年底", "年末", "年初", "年中", "上半年", "下半年", "今年", "明年",
                         "今后", "未来", "届时", "目前", "当前"})
_RATE_BASIS = re.compile(r"(?:每[^每]{1,2})+")
_TECH_NAME = re.compile(r"[0-9]+[A-Za-z]+|[A-Za-z]+[0-9]+")  # 5G, 3D, 110kV, G20
_CONTINUATION = ("确保", "力争", "争取", "并", "于", "在", "到", "预计", "计划")
# What a closing clause says besides its deadline: that all of it is done (…，年底前全部建成投用).
_COMPLETION = re.compile(r"(?:并|确保|力争|争取|将|要|计划|预计)?(?:在|于)?(?:前|内|之前|以前)?"
                         r"(?:全部|全面|均|陆续|同步|基本|如期|按期)?(?:建成|完成|完工|竣工|交付|开放|开园|开业|开工|落地|到位|投入|投用|投运)"
                         r"(?:投用|投入使用|使用|运营|运行|开放|通车|并网)?")
_ATTACHED = re.compile(r"(?:到|至|为|在)?(?:约|近|超过|超|逾|累计|共|了)?")
_GENERIC_ACTIONS = {"启动", "推进", "实施", "开展"}
_PAST_LE = re.compile(r"[\u4e00-\u9fff]了(?![解不起])")
_NOT_PAST_LE = ("为了", "除了", "罢了", "好了", "对了")
_YEAR_ONLY = ("全年", "当年", "本年", "年末")
_COMPARED_WITH_LAST_YEAR = ("比上年", "较上年", "比去年", "较去年", "同比")
# A period already behind the speaker: 今年前三季度, 1-9月.
_PAST_PERIOD = re.compile(r"前[一二三四五六七八九十两\d]+(?:个)?(?:季度|个月|月)|\d{1,2}[-—至~]\d{1,2}月份?")
_FUTURE_SPAN = re.compile(r"未来[一二三四五六七八九十\d]+年|[一二三四五六七八九十\d]+年内")
# A past time inside a modifier of the object tells when the object came to be, not when the
# clause happens: 改造2000年底前建成的老旧小区215个.
_ATTRIBUTIVE_TIME = re.compile(r"(?:底|末|初)?(?:以前|之前|前|以后|之后|后)?[\u4e00-\u9fff]{0,4}?的")
# Modals that make a comparison with last year a target (力争…，同比增长8%), not a statistic.
_MODALS = frozenset({"将", "将要", "要", "力争", "确保", "争取", "计划", "拟", "预计", "目标", "努力"})
# Roles whose quantity alone makes no pledge (三年行动, 60周岁以上).
_WEAK_ROLES = {Role.DURATION}
_WEAK_UNITS = ("周岁", "岁")


@dataclass
class _Cue:
    pos: int  # absolute offset in the document text
    forward: bool
    strong: bool
    word: str = ""


@dataclass
class _Clause:
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
        self.keys = [key(i) for i in items]

    def between(self, lo: int, hi: int) -> list:
        return self.items[bisect_left(self.keys, lo):bisect_left(self.keys, hi)]

    def last_before(self, lo: int, hi: int):
        i = bisect_left(self.keys, hi) - 1
        return self.items[i] if i >= 0 and self.keys[i] >= lo else None


@dataclass
class _Cues:
    all: _Index
    strong: _Index

    @classmethod
    def of(cls, cues: list["_Cue"]) -> "_Cues":
        return cls(_Index(cues, lambda c: c.pos), _Index([c for c in cues if c.strong], lambda c: c.pos))


@dataclass
class _Context:
    """What the reader carries from paragraph to paragraph."""

    published: dt.date | None
    official: Official | None = None
    district: str | None = None
    given_official: Official | None = None  # the document's speaker as its user knows him (--official)
    given_district: str | None = None  # the document's government as its user knows it (--district)
    review_section: bool = False  # under a heading that reviews (一、2023年工作回顾), until one that plans
    review_paragraphs: bool = False  # since a paragraph that opened in the past (近年来,…), until one that plans
    body_since_credit: bool = False
    section_blocks: list[int] = field(default_factory=list)  # body blocks since the last heading
    headings: list[int] = field(default_factory=list)  # every heading so far, the latest last
    names: set[str] = field(default_factory=set)
    walk_memo: dict = field(default_factory=dict)  # (kind, block) → what a walk back from that block found
    district_marks: dict = field(default_factory=dict)  # block → _Index of divisions named in it
    sentence_stops: dict = field(default_factory=dict)  # block → _sentence_stops of its text
    summaries: dict = field(default_factory=dict)  # block → [(offset, deadline)] of its 上述… sentences
    plan_year: Deadline | None = None  # set once a report has stated its year's targets (主要预期目标是：…)
    target_heading: Deadline | None = None  # a heading naming targets (主要预期目标) leads the lines after it


@cache
def _cue_table() -> tuple[re.Pattern, dict[str, tuple[bool, bool]]]:
    table: dict[str, tuple[bool, bool]] = {}
    for name, forward in (("cue_forward", True), ("cue_past", False)):
        for row in lexicons.rows(name):
            table[row[0]] = (forward, (row[1] if len(row) > 1 else "strong") == "strong")
    alts = "|".join(re.escape(w) for w in sorted(table, key=len, reverse=True))
    return re.compile(alts), table


@cache
def _word_pattern(name: str) -> re.Pattern:
    return re.compile("|".join(re.escape(w) for w in lexicons.words(name)))


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


@cache
def _tokenizer():
    """Our own jieba tokenizer with the domain dictionary, its cache file placed deliberately."""
    import jieba

    jieba.setLogLevel(60)
    tok = jieba.Tokenizer()
    cache_dir = os.environ.get("TRACKER_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "tracker")
    try:
        os.makedirs(cache_dir, exist_ok=True)
        tok.tmp_dir = cache_dir
    except OSError:
        pass  # an unwritable home: jieba falls back to rebuilding the dictionary in memory
    with open(lexicons.path("userdict"), "rb") as fh:
        tok.load_userdict(fh)
    for w in lexicons.words("actions") + lexicons.words("object_stops"):
        tok.add_word(w, 10000)
    return tok


def _cut(text: str) -> list[str]:
    return _tokenizer().lcut(text, HMM=False)


# ---------------------------------------------------------------- segmentation

def _clauses(text: str, base: int) -> list[_Clause]:
    out, start, sentence, segment, sentence_start = [], 0, 0, 0, 0
    for m in _CLAUSE_SEP.finditer(text + "。"):
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


# ---------------------------------------------------------------- the reader

def find_pledges(norm: Normalised, published: dt.date | None, *, district: str | None = None,
                 official: Official | None = None) -> list[Candidate]:
    text = norm.text
    ctx = _Context(published, given_official=official, given_district=district)
    ctx.district = _dominant_district(norm)
    out: list[Candidate] = []
    blocks = norm.blocks
    leads: dict[int, Deadline | None] = {}
    cues_cache: dict[int, list[_Cue]] = {}
    for i, block in enumerate(blocks):
        btext = text[block.start:block.end]
        if block.kind in ("ad", "byline", "caption", "furniture"):
            if block.kind in ("ad", "byline") and ctx.body_since_credit:
                ctx.official = None  # an article ended
            ctx.section_blocks = []
            continue
        _update_people(ctx, btext, block)
        if block.kind == "heading" and not _target_item(ctx, btext):
            ctx.target_heading = _target_heading(btext, ctx.published) or (
                ctx.target_heading if _names_a_place(btext) else None)
            ctx.review_section = _section_frame(btext, ctx.review_section, ctx.published)
            ctx.review_paragraphs = False
            if _headline_pledge(btext):
                out += _read_block(norm, i, ctx, leads, cues_cache)
            ctx.headings.append(i)
            ctx.section_blocks = []
            continue
        ctx.body_since_credit = True
        ctx.review_paragraphs = _paragraph_frame(btext, ctx.review_paragraphs)
        if _NUMERALISH.search(btext):
            out += _read_block(norm, i, ctx, leads, cues_cache)
        ctx.section_blocks.append(i)
        if block.kind == "heading":  # an item whose line runs on into the next heading (…慈善制度2021任务清单)
            ctx.target_heading = _target_heading(btext, ctx.published) or ctx.target_heading
        if ctx.plan_year is None and ctx.published is not None:
            ctx.plan_year = _states_the_years_targets(btext, ctx.published)
    return out


_HEADLINE_CUE = re.compile(r"将|力争|确保|计划|要|拟")


def _headline_pledge(btext: str) -> bool:
    """A headline or sub-heading without closing punctuation can state a pledge itself.

    News puts its main pledges in the headline (龙文区2018年将投建5所小学10所幼儿园; 力争13条道路建成通车
    as a sub-heading; 芗城明年新增学位1.4万个 力争8条道路建成通车): a heading with a modal of intent
    and a number is read as a sentence is; a heading without one (一、2023年工作回顾) stays a heading."""
    return bool(_HEADLINE_CUE.search(btext)) and bool(_NUMERALISH.search(btext))


# Headings that review (一、过去一年工作回顾; (一)主要目标完成情况; 一年来,我们重点做了以下工作:) and
# headings that plan (二、2024年工作安排; 2023年工作计划); a review heading wins when both words appear
# (2023年上半年国民经济和社会发展计划执行情况).
_REVIEW_HEADING = re.compile(r"回顾|总结|一年来|五年来|年以来|执行情况|完成情况|主要成就|工作成效")
_PLAN_HEADING = re.compile(r"安排|计划|打算|展望|思路|任务|目标|举措|重点工作|主要工作|工作重点|今后|明年|下一步|意见|建议")
# A paragraph or sentence that opens in the past (近年来,…; 今年以来,…; 截至目前,…; 据统计,…; 原来,…).
_PAST_LEAD = re.compile(r"(?:[（(][一二三四五六七八九十\d]{1,2}[)）]|[一二三四五六七八九十]{1,2}、|——)?"
                        r"(?:近年来|近几年来?|多年来|一年来|五年来|今年以来|\d{4}年以来|[^，,。；;]{0,16}以来"
                        r"|截至目前|截至\d|截止目前|截止\d|到目前为止|目前|至此|据统计|据不完全统计|经统计|原来|此前|过去一年|过去五年)")
# Words of intent that make a sentence look forward even in a review (下一步将…, 预计年底前建成).
# (争取 and 预计 are not among them: in a review 争取上级转移支付31.8亿元 was secured and
# 预计全年… projects the year just ended.)
_INTENT = re.compile(r"将(?!军)|要|力争|确保|计划|拟|下一步|今后|明年|未来")


def _section_frame(heading: str, current: bool, published: dt.date | None = None) -> bool:
    """Whether the text under ``heading`` reviews the past: a review heading opens a review,
    a plan heading (or one naming a year not yet over: 二、2021年主要工作) ends it, any other
    heading (（一）坚持项目支撑…) keeps the frame it is in."""
    if _REVIEW_HEADING.search(heading):
        return True
    if _PLAN_HEADING.search(heading):
        return False
    years = [int(y) for y in re.findall(r"(?<!\d)(20\d\d)年", heading)]
    if published is not None and years and max(years) >= published.year:
        return False
    return current


def _in_past_frame(ctx: _Context, text: str, block: Block, clause: _Clause) -> bool:
    """A past action needs no 了 when its frame is past.

    Reviews state what was done without a past marker: under 一、过去一年工作回顾,
    "158个重点项目完成投资189.4亿元" (汉滨区, 2025) is an achievement; after 近年来,…, "今年又新增
    小额担保贷款300万元" (定南县, news of 2015-12-13) was done this year, not promised; after
    据统计, "该县今年新增创业人员5000多人" counts what happened. The frame is the section (a heading
    that reviews, until a heading that plans), the paragraph's opening clause, or the sentence's
    opening words; a sentence with a word of intent (将, 要, 力争, 计划 …) still looks forward."""
    if ctx.review_section or ctx.review_paragraphs:
        return True
    return bool(_PAST_LEAD.match(text, clause.sentence_start, clause.end))


def _paragraph_frame(btext: str, current: bool) -> bool:
    """Whether a paragraph is read in the past: it opens in the past (近年来,…; 龙华区正式挂牌成立一年以来,…),
    or follows such a paragraph (预计地区生产总值超过2100亿元,… in a report's review) and does not open
    with a word of intent or a time ahead (今年,…; 2024年,我们将…)."""
    first = re.split(r"[，,。；;：:]", btext, maxsplit=1)[0]
    if _PAST_LEAD.match(first) and not _INTENT.search(first):
        return True
    if _INTENT.search(first) or re.search(r"今年|明年|年内|年底|\d{4}年", first):
        return False
    return current


def _update_people(ctx: _Context, btext: str, block: Block) -> None:
    people = find_people(btext)
    for p in people:
        ctx.names.add(p.official.name)
    # a line that is nothing but a title and a name (县长 张建国) presents the text that follows
    credited = [p for p in people if p.credited or (block.kind == "heading" and p.start == 0 and p.end == len(btext))]
    if credited:
        p = credited[0]
        if ctx.official is None or ctx.official.name != p.official.name or (p.official.title and not ctx.official.title):
            ctx.official = p.official
        ctx.body_since_credit = False
        return
    if ctx.official is None:
        name = credited_name(btext, ctx.names)
        if name:
            ctx.official = Official(name, None)


def _dominant_district(norm: Normalised) -> str | None:
    counts: dict[str, int] = {}
    from tracker.extract.people import districts

    from tracker.extract.people import generic_divisions

    generic: dict[str, int] = {}
    for i, block in enumerate(norm.blocks):
        if block.set_aside:
            continue
        btext = norm.text[block.start:block.end]
        for _, name in districts_in(btext):
            if districts()[name].level in ("市", "区", "县"):
                counts[name] = counts.get(name, 0) + 1
        if i < 4 or block.kind == "heading":  # where a text names its own division: title, byline, session
            for name in generic_divisions(btext[:_OPENING]):
                generic[name] = generic.get(name, 0) + 1
    if not counts and not generic:
        for block in norm.blocks[4:]:
            if not block.set_aside and block.kind != "heading":
                for name in generic_divisions(norm.text[block.start:block.end]):
                    generic[name] = generic.get(name, 0) + 1
    # A division the text names as it names its own (XX区人民政府, 福州市长乐区第三届人民代表大会)
    # and more often than the known ones is the text's: 长乐区, not 福州市.
    unknown = {k: v for k, v in generic.items() if k not in districts()}
    if unknown and (not counts or max(unknown.values()) > max(counts.values())):
        counts = unknown
    elif not counts:
        counts = generic
    return max(counts, key=lambda k: (counts[k], k)) if counts else None


_BARE_SPAN = re.compile(r"(?:[一二三四五六七八九十两]+|\d{1,2})年")
_SPAN_BEFORE = ("未来", "用", "利用", "再用", "通过", "力争", "争取", "经过", "花")
_DOCUMENT_VERBS = ("实施", "编制", "落实", "制定", "执行", "贯彻", "印发", "推进", "对接")
_SPAN_AFTER = ("内", "时间", "行动", "计划", "左右", "攻坚", "规划", "目标", "间")


def _mentions(text: str, base: int, published: dt.date | None) -> list[DeadlineMention]:
    """Deadline mentions of a paragraph, in document offsets. A bare span of years
    (极不平凡的一年) is a deadline only where the words make it one: 未来五年, 三年内,
    用三年时间, 三年行动."""
    out = []
    for m in find_deadlines(text, published):
        if _BARE_SPAN.fullmatch(m.deadline.raw or ""):
            before, after = text[max(0, m.start - 2):m.start], text[m.end:m.end + 2]
            if not (before.endswith(_SPAN_BEFORE) or after.startswith(_SPAN_AFTER)):
                continue
        if m.deadline.precision is Precision.PLAN and (m.deadline.raw or "").endswith(("规划", "计划")) \
                and text[max(0, m.start - 2):m.start].endswith(_DOCUMENT_VERBS):
            continue  # 实施“十四五”规划: the plan as a document, not its end as a deadline
        out.append(DeadlineMention(base + m.start, base + m.end, m.deadline, m.year_given))
    return out


def _cues_of(norm: Normalised, bi: int, ctx: _Context, cues_cache: dict[int, "_Cues"]) -> "_Cues":
    """The cues of another paragraph or heading, read once."""
    if bi not in cues_cache:
        b = norm.blocks[bi]
        btext = norm.text[b.start:b.end]
        mentions = _mentions(btext, b.start, ctx.published)
        cues_cache[bi] = _Cues.of(_block_cues(norm.text, b, ctx.published, find_numbers(btext), mentions))
    return cues_cache[bi]


def _block_cues(text: str, block: Block, published: dt.date | None, tokens_by_pos, mentions) -> list[_Cue]:
    pattern, table = _cue_table()
    btext = text[block.start:block.end]
    cues = []
    for m in pattern.finditer(btext):
        word = m.group(0)
        if word == "已" and btext[max(0, m.start() - 1):m.start()] in ("而", "不"):
            continue
        if word in _PLAN_NOUNS and (btext[max(0, m.start() - 2):m.start()] in _PLAN_NOUNS[word]
                                    or btext[m.end():m.end() + 1] in ("的", "数", "书", "表")):
            continue  # 完成年度计划的27%: the plan as a thing, not a plan to do
        forward, strong = table[word]
        cues.append(_Cue(block.start + m.start(), forward, strong, word))
    for m in _PAST_PERIOD.finditer(btext):
        cues.append(_Cue(block.start + m.start(), False, True))
    for m in _FUTURE_SPAN.finditer(btext):
        cues.append(_Cue(block.start + m.start(), True, True))
    for m in _PAST_LE.finditer(btext):
        if btext[m.start():m.end()] not in _NOT_PAST_LE:
            cues.append(_Cue(block.start + m.start(), False, True))
    if published:
        stops = starts = None
        for t in tokens_by_pos:
            if t.kind in ("year", "date") and t.value is not None:
                when = _token_date(t, published)
                if when is None:
                    continue
                if btext[max(0, t.start - 1):t.start] in ("比", "较", "于") or btext[max(0, t.start - 2):t.start] in ("相比", "对比"):
                    continue  # 比2020年翻一番: a baseline, not when anything happens
                if t.kind == "date" and "年" not in t.raw:  # 6月底前 after 明年，… or 2025年，…
                    if stops is None:
                        stops, starts = _sentence_stops(btext), [m.start for m in mentions]
                    year = _named_year(text, block.start, t.start, mentions, starts, stops)
                    if year is not None and year > when.year:
                        when = when.replace(year=year, day=1)
                if when < published.replace(day=1) if t.kind == "date" else when.year < published.year:
                    if not _ATTRIBUTIVE_TIME.match(btext, t.end):
                        cues.append(_Cue(block.start + t.start, False, True))
                elif t.kind == "year" and when.year >= published.year:
                    cues.append(_Cue(block.start + t.start, True, True))
    # A deadline still ahead looks forward as surely as 将 does; 全年 and 当年 only
    # name a year, which may be the one a report looks back on.
    for m in mentions:
        if _ahead(m.deadline, published) \
                and not text.startswith(_YEAR_ONLY, m.start):
            cues.append(_Cue(m.start, True, True))
        elif m.deadline.precision is Precision.PLAN and not _ATTRIBUTIVE_TIME.match(text, m.end):
            cues.append(_Cue(m.start, False, True))  # “十三五”时期: a plan period already over
    cues.sort(key=lambda c: c.pos)
    return cues


# The words a task list labels its time limit with (完成时限：2024年8月底前), as a line or a note.
_TIME_LIMIT_WORDS = "完成时限|完成时间|完成期限|时间节点|实施期限|时限要求|办结时限|截止时间|时限"
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


def _token_date(t: NumberToken, published: dt.date) -> dt.date | None:
    raw = fold(t.raw)
    m = re.match(r"(?:(\d{4})年)?\s*(?:(\d{1,2})月)?\s*(?:(\d{1,2})[日号])?", raw)
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


def _read_block(norm: Normalised, bi: int, ctx: _Context, leads, cues_cache) -> list[Candidate]:
    text = norm.text
    block = norm.blocks[bi]
    btext = text[block.start:block.end]
    tokens = find_numbers(btext)
    if not any(t.kind == "quantity" for t in tokens):
        return []
    clauses = _clauses(btext, block.start)
    mentions = _Index(_mentions(btext, block.start, ctx.published), lambda m: m.start)
    cues = _Cues.of(_block_cues(text, block, ctx.published, tokens, mentions.items))
    cues_cache[bi] = cues
    quantities = _Index([NumberToken(block.start + t.start, block.start + t.end, t.kind, t.value, t.value_max, t.unit,
                                     t.role, t.raw) for t in tokens if t.kind == "quantity"], lambda t: t.start)
    out = []
    last_ci = None  # the clause of the last candidate
    for ci, clause in enumerate(clauses):
        qs = [t for t in quantities.between(clause.start, clause.end) if t.end <= clause.end]
        if not qs:
            continue
        if out and ci > 0 and _sizes_the_pledge_before(text, clauses[ci - 1], clause, qs, out[-1]):
            out[-1] = _sized(text, out[-1], clause, qs)
            last_ci = ci
            continue
        if _word_pattern("self_reference").search(text, clause.start, clause.end):
            continue  # 现将2023年十件民生实事印发给你们: the document names itself
        respectively = _respectively(text, clause, qs)
        pieces = respectively[0] if respectively else _conjuncts(text, clause, qs)
        for k, (conj_start, conj_end, conj_qs) in enumerate(pieces):
            cand = _candidate(norm, bi, ctx, clauses, ci, conj_start, conj_end, conj_qs, cues, mentions, leads, cues_cache)
            if cand is None:
                continue
            if respectively:
                first = out[-1] if k and out and last_ci == ci else cand
                cand = replace(cand, object=respectively[1][k], action=cand.action or first.action,
                               qualifier=cand.qualifier or first.qualifier,
                               deadline=cand.deadline if cand.deadline.date else first.deadline)
            first, last = min(q.start for q in cand.quantities), max(q.end for q in cand.quantities)
            if out and last_ci == ci and _TOTAL_INVESTMENT.fullmatch(text, cand.start, first) \
                    and text[last:cand.end].strip(_QUOTE_MARKS + " ") in ("", *_qualifiers()) \
                    and any(q.role is Role.COUNT for q in out[-1].quantities) \
                    and all(q.role is Role.AMOUNT for q in cand.quantities):
                # 开工建设重点项目50个、总投资300亿元: the projects' size, one pledge with them
                prev = out[-1]
                out[-1] = replace(prev, quote=text[prev.start:cand.end], end=cand.end,
                                  quantities=prev.quantities + cand.quantities)
                continue
            out.append(cand)
            last_ci = ci
    return out


_TOTAL_INVESTMENT = re.compile(r"(?:项目)?(?:计划|预计|估算|概算)?(?:总投资|投资总额|年度计划投资|年度投资)(?:额)?"
                               r"(?:约|达|达到|超过|超|近|逾)?")


def _sizes_the_pledge_before(text: str, prev: _Clause, clause: _Clause, qs: list[NumberToken], last: Candidate) -> bool:
    """实施重点产业项目68个，总投资超过650亿元: a clause giving nothing but the total investment of what the
    clause before counts is part of that pledge, as 总投资417亿元的24个项目 is."""
    return prev.sentence == clause.sentence and prev.start <= last.end <= prev.end \
        and bool(_TOTAL_INVESTMENT.match(text, clause.start)) and all(q.role is Role.AMOUNT for q in qs) \
        and text[qs[-1].end:clause.end].strip(_QUOTE_MARKS + " ") in ("", *_qualifiers()) \
        and any(q.role is Role.COUNT for q in last.quantities)


def _sized(text: str, cand: Candidate, clause: _Clause, qs: list[NumberToken]) -> Candidate:
    suffixes, prefixes, _ = _qualifier_lists()
    end = clause.end
    while end > clause.start and text[end - 1] in _QUOTE_MARKS + " ":
        end -= 1
    return dataclasses.replace(
        cand, quote=text[cand.start:end], end=end, quantities=cand.quantities + tuple(_quantity(q) for q in qs),
        qualifier=cand.qualifier or _bound_qualifier(text, clause.start, qs[0], suffixes, prefixes))


def _conjuncts(text: str, clause: _Clause, qs: list[NumberToken]) -> list[tuple[int, int, list[NumberToken]]]:
    """Split a clause where coordinated objects carry their own numbers: 9个棚户区、18个老旧小区."""
    cuts = []
    for i, (a, b) in enumerate(zip(qs, qs[1:])):
        between = text[a.end:b.start]
        m = None
        for m_ in _COORD.finditer(between):
            m = m_
        if m is None:
            continue
        head = between[:m.start()].strip(_QUOTE_MARKS + "的 ")
        tail = between[m.end():].strip(_QUOTE_MARKS + "的 ")
        if tail.startswith(_ATTRIBUTIVE):
            continue
        if any(part and re.search(r"[\u4e00-\u9fffA-Za-z]", part) and part not in _qualifiers() for part in (head, tail)) \
                or _sizes_a_later_object(text, a, b, qs[i + 2] if i + 2 < len(qs) else None):
            cuts.append((a.end + m.start(), a.end + m.end()))
    if not cuts:
        return [(clause.start, clause.end, qs)]
    out, start = [], clause.start
    for cut_start, cut_end in cuts + [(clause.end, clause.end)]:
        group = [q for q in qs if start <= q.start and q.end <= cut_start]
        out.append((start, cut_start, group))
        start = cut_end
    return [c for c in out if c[2]]


_RESPECTIVELY = re.compile(r"分别")
_LIST_JOIN = re.compile(r"\s*(?:、|和|及|与|，)\s*")


def _respectively(text: str, clause: _Clause, qs: list[NumberToken]):
    """Rule respectively_splits: N fields joined by 、, then 分别 and N numbers, are N pledges, one number
    and one field each; a head the last field writes out is shared (交通、水利、能源领域投资额).

    力争全年交通、水利、能源领域投资额分别达2400亿元、450亿元、1700亿元 (江苏, 2026);
    认定跨国公司地区总部、外资研发中心分别从771家、481家增加到1076家、636家 (上海, 2026 review).
    The fields may be joined by 和/及/与 as well (财政总收入和地方财政收入分别增长10.6%和12.3%左右, 镇安县 2015;
    城镇登记失业率、居民价格消费指数和人口自增率分别控制在4.2%、3%、2.5‰以内, ibid.).
    Two rates of one field (城乡居民收入分别增长6%和8%) stay one pledge. Returns the pieces as
    _conjuncts does and each piece's object, or None when the clause is no such list."""
    m = _RESPECTIVELY.search(text, clause.start, qs[0].start) if len(qs) > 1 else None
    if m is None:
        return None
    base = _baseline(text, m.start(), clause.end, qs)
    targets = [q for q in qs if not (base and base[0] <= q.start < base[1])]
    head = text[clause.start:m.start()]
    fields = head.split("、")
    if len(fields) != len(targets):  # 财政总收入和地方财政收入分别增长10.6%和12.3%左右 (镇安县, 2015)
        fields = [f for f in _COORD.split(head)]
    if len(targets) < 2 or len(fields) != len(targets) or not all(fields) \
            or any(not _LIST_JOIN.fullmatch(text, a.end, b.start) for a, b in zip(targets, targets[1:])):
        return None
    first = _object_before(text, clause.start, clause.start + len(fields[0]))
    fields[0] = first[0] if first else fields[0]
    last = _cut(fields[-1])
    if len(last) > 1 and all(len(_cut(f)) == 1 for f in fields[:-1]):
        objects = [f + "".join(last[1:]) for f in fields[:-1]] + [fields[-1]]
    else:
        objects = fields
    pieces = [(clause.start, targets[0].end, [targets[0]])] + [(q.start, q.end, [q]) for q in targets[1:]]
    pieces[-1] = (targets[-1].start, clause.end, [targets[-1]]) if len(pieces) > 1 else pieces[-1]
    return pieces, objects


def _sizes_a_later_object(text: str, a: NumberToken, b: NumberToken, c: NumberToken | None) -> bool:
    """超10亿元产业项目10个、超亿元项目40个: after a count, a sum that sizes the next object counted
    (b sizes what c counts) opens a new conjunct, though nothing but 、 stands between a and b."""
    return c is not None and a.role is Role.COUNT and b.role is Role.AMOUNT and c.role is Role.COUNT \
        and bool(re.fullmatch(r"(?:以上|的)?[\u4e00-\u9fffA-Za-z“”‘’\"]+", text[b.end:c.start])) \
        and not _COORD.search(text[b.end:c.start])


# ---------------------------------------------------------------- one candidate

def _candidate(norm, bi, ctx, clauses, ci, start, end, qs, cues, mentions, leads, cues_cache) -> Candidate | None:
    text = norm.text
    clause = clauses[ci]
    # Trim quote marks and white space at the edges of the quote.
    while start < end and text[start] in _QUOTE_MARKS + _BULLETS + " ":
        start += 1
    while end > start and text[end - 1] in _QUOTE_MARKS + " ":
        end -= 1
    # 一是新开工项目不少于20个, 1.新建…, （三）改造…: the list's word, not the pledge's
    marker = _ENUM_MARKER.match(text, start, end)
    if marker:
        start = marker.end()
    if text.startswith(_ATTRIBUTIVE, start) and ci > 0 and clauses[ci - 1].sentence == clause.sentence \
            and any(t.kind == "quantity" for t in find_numbers(text[clauses[ci - 1].start:clauses[ci - 1].end])):
        return None  # …改造项目46个，涉及居民1.2万户: whom the pledge before reaches, no pledge of its own
    qs = [q for q in qs if start <= q.start and q.end <= end]
    if not qs:
        return None
    qs = [_as_target_in_years(text, q) for q in qs]
    if all(_weak(q) for q in qs):
        return None
    # a time span or an age (为65岁以上老年人体检20万人次) sizes no pledge beside another number
    kept = [q for q in qs if not _weak(q)] or qs
    kept = [q for q in kept if not _is_threshold(q, text, kept)] + [q for q in kept if _is_threshold(q, text, kept)]
    if _names_programme(text, kept, clause.end):
        return None
    baseline = _baseline(text, start, end, kept)
    if baseline:
        kept = [q for q in kept if not baseline[0] <= q.start < baseline[1]]
    found = (_object_before(text, start, baseline[0]) if baseline else None) or _object(text, start, end, kept)
    if found and (_strip_quotes(found[1]) in _abstract_objects() or _strip_quotes(found[0]) in _abstract_objects()):
        return None
    obj = found[0] if found else None
    if obj is None and ci > 0 and clauses[ci - 1].sentence == clause.sentence:
        # 新开工安置住房1.2万套，基本建成8000套: the object of an elliptical clause is the one before
        prev = clauses[ci - 1]
        prev_qs = [t for t in find_numbers(text[prev.start:prev.end]) if t.kind == "quantity"]
        # the same unit (…1.2万套，基本建成8000套), or a rate of the same subject (…达到45亿元，增长7%)
        rate_of_it = kept[0].role is Role.RATIO and bool(_actions_in(text, start, kept[0].start)) \
            and not found
        if prev_qs and (_base_unit(prev_qs[-1].unit) == _base_unit(kept[0].unit) or rate_of_it):
            before = _object(text, prev.start, prev.end, [
                NumberToken(prev.start + t.start, prev.start + t.end, t.kind, t.value, t.value_max, t.unit, t.role, t.raw)
                for t in prev_qs])
            obj = before[0] if before else None
    forward, strength = _tense(norm, bi, ctx, clauses, ci, kept[0], cues, cues_cache)
    if not forward:
        return None
    if _in_past_frame(ctx, text, norm.blocks[bi], clause) and not _INTENT.search(text, clause.sentence_start, end):
        return None
    action = _action(text, start, end, kept, clauses, ci)
    qualifier = _qualifier(text, start, end, kept, clauses, ci, action)
    deadline = _deadline(norm, bi, clauses, ci, start, end, kept, mentions, leads, ctx)
    official, district = _speaker(ctx, text, bi, norm.blocks[bi], kept[0].start)
    unit = responsible_unit(text, clause.sentence_start, start, end, norm.blocks[bi].end, ctx.official)
    confidence = 0.45 + 0.2 * strength + (0.1 if action else 0) + (0.1 if obj else 0) \
        + (0.05 if deadline.raw else 0) + (0.05 if any(q.role in (Role.COUNT, Role.AMOUNT, Role.AREA, Role.LENGTH) for q in kept) else 0)
    return Candidate(
        quote=text[start:end], start=start, end=end,
        quantities=tuple(_quantity(q) for q in kept),
        action=action, object=obj, qualifier=qualifier, deadline=deadline,
        district=district, official=official, confidence=min(confidence, 0.99), responsible_unit=unit,
    )


_FROM_TO = re.compile(r"(?:分别)?(?P<from>[由从])(?P<span>[^由从，,；;。]{1,40}?)(?:提高|提升|增加|增长|扩大|降低|下降|减少|缩减|上调|下调|调整|增|降|减)"
                      r"(?:至|到)(?=[^，,；;。]{0,8}?[0-9０-９一二三四五六七八九十百千万两])")


def _baseline(text: str, start: int, end: int, qs: list[NumberToken]) -> tuple[int, int] | None:
    """Rule baseline_apart: 从X提高到Y states the target Y; X is the baseline, no quantity of the pledge,
    and the object stands before 从/由.

    保费由每生每年5元提高至10元 (内蒙古 民生实事, 2026); 每千人口托位数从0.5个增至4.8个 (another province's
    review); 分别从771家、481家增加到1076家、636家 drops both baselines. Returns the span from 从/由 to the verb
    when a quantity of the pledge lies in it and another after it."""
    for m in _FROM_TO.finditer(text, start, end):
        inside = [q for q in qs if m.start() <= q.start < m.end()]
        if inside and any(q.start >= m.end() for q in qs):
            return m.start(), m.end()
    return None


_YEARS_MEASURED = re.compile(r"(?:年限|寿命|年龄)再?(?:达到|达|提高到|提高至|提升到|提升至|增至|超过|为|提高|延长|增加)$")


def _as_target_in_years(text: str, q: NumberToken) -> NumberToken:
    """Rule years_as_target: a measure counted in years or of an age (受教育年限, 预期寿命) takes its number
    as a target, not as a time span or an eligibility age: the token comes back with role ``other`` and
    marked ``target`` in its kind.

    劳动年龄人口平均受教育年限达到10.5年, 人均预期寿命达到78岁 (甘肃, 2026); 人均受教育年限达到11.7年 (宁夏, 2026);
    人均预期寿命提高到80岁以上 (安徽, 2026); 人均预期寿命再提高1岁 (国务院, 2021: a rise, in years)."""
    if _weak(q) and _YEARS_MEASURED.search(text, max(0, q.start - 8), q.start):
        return dataclasses.replace(q, role=Role.OTHER, kind="target")
    return q


def _weak(q: NumberToken) -> bool:
    """A time span or an age: no size of a pledge beside another number, and no pledge alone."""
    return q.kind != "target" and (q.role in _WEAK_ROLES or (q.unit or "").endswith(_WEAK_UNITS))


def _base_unit(unit: str | None) -> str:
    return (unit or "").lstrip("十百千万亿")


def _quantity(t: NumberToken):
    from tracker.extract.model import Quantity

    return Quantity(value=t.value, unit=t.unit or "", raw=t.raw, start=t.start, end=t.end, role=t.role, value_max=t.value_max)


def _names_programme(text: str, qs: list[NumberToken], clause_end: int) -> bool:
    """三年十万大学生来淄创新创业计划: a number inside a programme's name, not its target.

    A short count of events (20场招聘活动) is a target; a long name, or one that
    opens with a span of years (五年百万人才计划), is a name."""
    if all(_COUNTED_IN_DIGITS.match(q.raw) and q.role is Role.COUNT for q in qs):
        return False  # Rule counted_not_named: 增加5000个普通高中招生计划 (内蒙古 民生实事, 2026), 建设300个乡村全民健身提升工程
    rest = text[qs[-1].end:clause_end].strip(_QUOTE_MARKS)
    opens_with_span = bool(re.search(r"[一二三四五六七八九十\d]+年$", text[max(0, qs[0].start - 4):qs[0].start]))
    if len(rest) <= 6 and not opens_with_span:
        return False
    return bool(_programme_end().search(rest))


# Arabic digits and a measure word count things (增加5000个…招生计划); a programme's name writes its
# number in Chinese (百名专家淄川行活动, 三年十万大学生来淄创新创业计划).
_COUNTED_IN_DIGITS = re.compile(r"[0-9０-９][0-9０-９.,]*[个项名家所座条处]")


@cache
def _programme_end() -> re.Pattern:
    return re.compile(rf"(?:{'|'.join(map(re.escape, lexicons.words('programme_heads')))})[”’\"]?$")


# ---------------------------------------------------------------- tense

def _tense(norm, bi, ctx, clauses, ci, q, cues, cues_cache) -> tuple[bool, float]:
    """(forward?, strength 0..1) from the nearest strong cue before the quantity, looking wider step by step."""
    text = norm.text
    block = norm.blocks[bi]
    clause = clauses[ci]
    in_clause = cues.all.between(clause.start, clause.end)
    before = _without_modifiers(text, [c for c in in_clause if c.pos < q.start and c.strong])
    if before:
        if _is_comparison(text, before[-1]) and _modal_before(text, cues, clause):
            return True, 0.8  # 力争…，同比增长8%: the comparison is the target's
        return before[-1].forward, 1.0
    after = [c for c in in_clause if c.strong]
    if after:
        return after[0].forward, 0.9
    nxt = clauses[ci + 1] if ci + 1 < len(clauses) and clauses[ci + 1].segment == clause.segment else None
    if nxt is not None and text.startswith(_CONTINUATION, nxt.start):
        follow = cues.strong.between(nxt.start, nxt.end)
        if follow:
            return follow[0].forward, 0.8
    if nxt is not None and text.startswith(_COMPARED_WITH_LAST_YEAR, nxt.start) \
            and not _modal_before(text, cues, clause):
        return False, 0.8  # 全年地区生产总值4520亿元，比上年增长4.1%: a statistic, not a target
    if ctx.target_heading is not None and not cues.strong.last_before(block.start, clause.start):
        return True, 0.7  # 主要目标\n生产总值增长11.5%左右,全社会固定资产投资增长23%左右…: the heading's items
    # the sentence, then the paragraph, before this clause
    last = cues.strong.last_before(block.start, clause.start)
    if last is not None:
        return last.forward, 0.8
    # the section: earlier paragraphs back to the heading, then the headings above,
    # nearest first (（一）扩大有效投资 under 二、2021年工作安排)
    found = _walk_back(ctx, "tense", lambda j: (lambda c: c.forward if c is not None else None)(
        _cues_of(norm, j, ctx, cues_cache).strong.items[-1] if _cues_of(norm, j, ctx, cues_cache).strong.items else None))
    if found is not None:
        return found, 0.6
    if ctx.target_heading is not None:
        return True, 0.7  # an item under 主要预期目标: ●地区生产总值增长8.5%
    if ctx.plan_year is not None:
        return True, 0.5  # after the year's targets, a work report plans: 统筹安排省级财政资金350亿元以上
    # No cue at all: a task verb in the clause reads as a plan in an interview or report.
    weak = [c for c in in_clause if c.forward]
    if weak and ctx.official is not None:
        return True, 0.3
    return False, 0.0


# Words naming a rate of something: the object is what the rate is of (地区生产总值年均增速 → 地区生产总值增速).
_RATE_HEADS = frozenset({"增速", "增幅", "涨幅", "增长率", "增长", "占比", "比重"})
_AVERAGED = frozenset({"年均", "平均", "年平均"})
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

def _strip_quotes(s: str) -> str:
    return "".join(ch for ch in s if ch not in _QUOTE_MARKS).strip()


_Obj = tuple[str, str] | None  # (object, its first word)


_BOUND_AT_START = re.compile(r"^(?:及以上|及以下|以上|左右|以内|多|余)")
_OF_AT_START = re.compile(r"^(?:规模)?的")


def _object_after(text: str, pos: int, end: int) -> _Obj:
    window = text[pos:end].lstrip(" \u3000\u00a0")
    window = _BOUND_AT_START.sub("", window)
    window = _OF_AT_START.sub("", window)
    if not window or _LEADING_DIGIT.match(window):
        return None
    words = []
    stops = _stops()
    actions = _actions()
    for w in _cut(window):
        if _HAS_DIGIT.search(w) or _NO_WORD.fullmatch(w):
            break
        if (w in stops and (words or w not in ("新", "新的"))) or (words and w in actions):
            break
        words.append(w)
        if sum(map(len, words)) >= 24:
            break
    obj = _strip_quotes("".join(words))
    return (obj, words[0]) if obj else None


@cache
def _stops_before() -> frozenset[str]:
    """What ends an object read backwards from its number: verbs, qualifiers, cue words, adverbs."""
    _, table = _cue_table()
    return _stops() | (set(_actions()) - _nominal_actions()) | set(_qualifiers()) | set(table) | {"至", "再", "将", "要", "共", "总", "新", "计", "达", "为", "还", "也", "又", "仍", "均", "都", "可", "可望", "有望", "年均", "平均", "分别", "同比", "基本", "全部", "累计",
        # the speaker's own territory is where, not what: 全区|一般公共预算收入
        "全区", "全市", "全县", "全省", "全镇", "全乡", "全旗", "全州", "全盟", "我市", "我区", "我县", "我旗", "我州",
        "本市", "本区", "本县", "本旗"}


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
    words = _cut(window)
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
_SHARE_WORDS = ("占比", "比重", "之比")
# Verbs that put a sum to a use: the object is what follows them (筹措7亿元实施|就业惠民工程).
_USE_VERBS = ("用于", "支持", "实施")


def _object(text: str, start: int, end: int, qs: list[NumberToken]) -> _Obj:
    """The counted thing: read after the last number, else before the first.

    Rule sum_for_a_use: a sum followed by a verb of use names its use as the object: 筹措7亿元实施就业惠民工程,
    筹措280.44亿元实施社保惠民工程 (广西, 2026); 三年安排450亿元支持以AI为引领的新质生产力发展 (广西, 2026);
    省级财政累计投入665亿元用于为民办实事项目 (福建, its review)."""
    for q in reversed(qs):
        use = next((v for v in _USE_VERBS if q.role is Role.AMOUNT and text.startswith(v, q.end)), None)
        obj = _object_after(text, q.end + len(use), end) if use else None
        if obj:
            return obj
        obj = _object_after(text, q.end, end)
        if obj:
            return obj
    verbs = _actions_in(text, start, qs[0].start)
    while len(verbs) > 1 and _nominal_action(verbs[-1].group(0)):
        verbs.pop()  # 发放…租赁补贴|1.6万户: the noun-like verb ends the name, the verb before is the act
    if not verbs:
        return _object_before(text, start, qs[0].start)
    # 新建保障性住房1021套: the object stands between verb and number; 地区生产总值增长7%: before the verb.
    # A verb between name words names the object (实施|老旧小区改造项目|46个), unless it is attached
    # to the number (完成老旧小区|改造86个).
    k = last = len(verbs) - 1
    if _is_name(text[verbs[k].end():qs[0].start]):
        while k > 0 and _is_name(text[verbs[k - 1].end():verbs[k].start()]):
            k -= 1
    return _object_before(text, verbs[k].end(), qs[0].start, named_verbs=k < last) \
        or _object_before(text, start, verbs[-1].start())


def _is_name(gap: str) -> bool:
    """Words that can stand in an object's name: no verb, adverb, qualifier or punctuation among them."""
    if not gap or not re.fullmatch(r"[\u4e00-\u9fffA-Za-z0-9]+", gap):
        return False
    stops = _stops_before()
    return not any(w in stops for w in _cut(gap))


@cache
def _action_pattern() -> re.Pattern:
    return re.compile("|".join(re.escape(w) for w in sorted(_actions(), key=len, reverse=True)))


def _actions_in(text: str, start: int, end: int) -> list[re.Match]:
    return [m for m in _action_pattern().finditer(text, start, end) if text[m.start() - 1:m.start()] != "总"]


def _action(text, start, end, qs, clauses, ci) -> str | None:
    table = _actions()
    before = _actions_in(text, start, qs[0].start)
    after = _actions_in(text, qs[-1].end, end)
    if before:
        # The verb attached to the number (增长8%, 累计达到1万家) governs it; otherwise the
        # clause's first verb does, and later ones belong to the object's name
        # (新开工棚户区改造安置住房1.2万套).
        gap = text[before[-1].end():qs[0].start]
        attached = not gap.strip() or gap in _qualifiers() or _ATTACHED.fullmatch(gap)
        # verbs joined by 、 or written together read as one action: 新建、改扩建中小学, 建成投用
        if attached:
            first = len(before) - 1
            while first > 0 and text[before[first - 1].end():before[first].start()] in ("、", ""):
                first -= 1
        else:
            first = 0
        if attached and first > 0 and before[first].group(0) in _qualifiers():
            first = 0  # 实现经济总量突破1500亿元, 培育企业突破500家: 突破 hedges the number, the verb before is the act
        elif attached and first > 0 and _nominal_action(before[first].group(0)):
            first = 0
        verb = _joined_verbs(text, before[first:], table)
        if verb in _GENERIC_ACTIONS and after:
            return _joined_verbs(text, after, table)
        return verb
    if after:
        return _joined_verbs(text, after, table)
    between = _actions_in(text, qs[0].end, qs[-1].start)
    if between:  # 为1.2万户困难家庭发放补贴3000万元
        return _joined_verbs(text, between, table)
    clause = clauses[ci]
    # a sibling conjunct in the same clause (the verb nearest to this one), then earlier clauses of the segment
    sib_before = _actions_in(text, clause.start, start)
    if sib_before:  # the whole verb group: 新建改扩建中小学校4所、幼儿园6所 → 新建改扩建 for both
        first = len(sib_before) - 1
        while first > 0 and text[sib_before[first - 1].end():sib_before[first].start()] in ("、", ""):
            first -= 1
        return _joined_verbs(text, sib_before[first:], table)
    sib_after = _actions_in(text, end, clause.end)
    if sib_after:
        return table[sib_after[0].group(0)]
    for k in range(ci - 1, max(-1, ci - 1 - _NEAR_CLAUSES), -1):  # by index, and never far
        prev = clauses[k]
        if prev.segment != clause.segment:
            break
        found = _actions_in(text, prev.start, prev.end)
        if found:
            return table[found[-1].group(0)]
    return None


@cache
def _nominal_actions() -> frozenset[str]:
    return frozenset(lexicons.words("nominal_actions"))


def _nominal_action(word: str) -> bool:
    """Rule nominal_verb_ends_object: a verb that also names a thing (lexicon nominal_actions), written
    against the number after another verb, is the object's last word; the verb before is the act.

    发放城镇住房保障家庭租赁补贴1.6万户 (内蒙古 民生实事, 2026); 拆除违法建设500万平方米 (北京, 2026)."""
    return word in _nominal_actions()


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


def _is_threshold(q: NumberToken, text: str = "", qs: list[NumberToken] = ()) -> bool:
    """过亿元, 亿元以上: a bare magnitude that describes the object rather than counts it; so does
    an amount with 以上 between it and the object a later number counts (5亿元以上项目60个)."""
    if q.value == 1 and (q.unit or "")[:1] in ("万", "亿") and not re.match(r"[\d一]", fold(q.raw)):
        return True
    return q.role is Role.AMOUNT and any(o.start > q.end and o.role is Role.COUNT for o in qs) \
        and bool(_SIZE_CLASS_AFTER.match(text, q.end))


def _bound_qualifier(text, start, q, suffixes, prefixes) -> str | None:
    """The hedge written against one quantity: 60个以上, 3万余户, 突破100公里, 累计达到1万家."""
    for s in suffixes:
        if text.startswith(s, q.end) or (s in ("余", "多") and re.search(rf"[\d万亿千百十]{s}", q.raw)):
            return s
    for p in prefixes:
        if q.raw.startswith(p):
            return p
    head = text[start:q.start]
    verbs = _actions_in(head, 0, len(head))
    if verbs and verbs[-1].end() == len(head) and verbs[-1].group(0) not in prefixes:
        head = head[:verbs[-1].start()]
    for p in prefixes:
        if head.endswith(p):
            return p
    return None


@cache
def _qualifier_lists() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """(suffixes, prefixes longest first, modals) of the qualifier lexicon."""
    quals = _qualifiers()
    return (tuple(w for w, pos in quals.items() if pos == "suffix"),
            tuple(sorted((w for w, pos in quals.items() if pos == "prefix"), key=len, reverse=True)),
            tuple(w for w, pos in quals.items() if pos == "modal"))


def _qualifier(text, start, end, qs, clauses, ci, action) -> str | None:
    suffixes, prefixes, modals = _qualifier_lists()
    primary = [q for q in qs if not _is_threshold(q, text, qs)]
    for q in primary:
        found = _bound_qualifier(text, start, q, suffixes, prefixes)
        if found:
            return found
    clause = clauses[ci]
    for m in modals:  # in the quote, or before it in its clause (力争新招引…项目8个、…项目25个)
        if m in text[start:end] or m in text[clause.start:start]:
            return m
    if primary:  # 累计 before the verb counts the total as surely as before the number: 将累计新增3万人
        verbs = _actions_in(text, start, primary[0].start)
        if verbs and text[start:verbs[0].start()].endswith("累计"):
            return "累计"
    if not primary:  # only a threshold: 年内实现税收过亿元楼宇新的突破
        for q in qs:
            found = _bound_qualifier(text, start, q, suffixes, prefixes)
            if found:
                return found
    clause = clauses[ci]
    if ci + 1 < len(clauses) and clauses[ci + 1].segment == clause.segment:
        nxt = text[clauses[ci + 1].start:clauses[ci + 1].end]
        for m in modals:
            if nxt.startswith(m) and not find_numbers(nxt)[1:]:
                # …，确保年底前建成: the modal of its deadline; …，力争到2025年消除… is a task of its own
                found = find_deadlines(nxt, None)
                if found and _COMPLETION.fullmatch(nxt[:found[0].start] + nxt[found[0].end:]):
                    return m
    if not _actions_in(text, start, end) and ci > 0 and clauses[ci - 1].segment == clause.segment:
        prev = text[clauses[ci - 1].start:clauses[ci - 1].end]
        for m in modals:
            if m in prev:
                return m
    # 力争全年新增…，完成…: a modal opening the sentence (or its part after ；) hedges each task it lists
    j = ci
    while j > 0 and ci - j < _NEAR_CLAUSES and clauses[j - 1].segment == clause.segment:
        j -= 1
    first = clauses[j]
    if first.start < start and (j == 0 or clauses[j - 1].segment != clause.segment):
        for m in modals:
            if text.startswith(m, first.start):
                return m
    return None


# ---------------------------------------------------------------- deadline

def _deadline(norm, bi, clauses, ci, start, end, qs, mentions, leads, ctx) -> Deadline:
    published = ctx.published
    text = norm.text

    clause = clauses[ci]

    def in_context(m: DeadlineMention) -> DeadlineMention:
        """年底前, 6月底前, 全年 in the year the sentence or its paragraph's lead names (明年，…)."""
        if m.year_given or not published:
            return m
        block = norm.blocks[bi]
        if bi not in ctx.sentence_stops:
            ctx.sentence_stops[bi] = _sentence_stops(text[block.start:block.end])
        year = _named_year(text, block.start, m.start - block.start, mentions.items, mentions.keys,
                           ctx.sentence_stops[bi])
        return in_year(m, year, published) if year is not None and year > published.year else m

    def usable(m: DeadlineMention) -> bool:
        d = m.deadline
        return _ahead(d, published)

    inside = [m for m in map(in_context, mentions.between(start, end)) if m.end <= end and usable(m)]
    if inside:
        before = [m for m in inside if m.start < qs[0].start]
        return (before[-1] if before else inside[0]).deadline
    # …新增学位4500个，秋季开学前全部投入使用: a closing clause that says when all of it is done
    # by index (islice would step over the clauses before), and never far: a sentence without
    # a full stop may run on for thousands of clauses
    for k in range(ci + 1, min(ci + 1 + _NEAR_CLAUSES, len(clauses))):
        later = clauses[k]
        if later.sentence != clause.sentence:
            break
        found = [m for m in mentions.between(later.start, later.end) if m.end <= later.end and usable(m)]
        if found:
            rest = text[later.start:found[0].start] + text[found[0].end:later.end]
            if _COMPLETION.fullmatch(rest):
                return _inherited(found[0].deadline)
            break
    # 上述项目力争于11月底前全部完成: a later sentence of the paragraph that dates what it lists
    summary = _summary_deadline(ctx, bi, clauses, mentions, text, start, usable)
    if summary is not None:
        return _inherited(summary)
    # A deadline opening the sentence governs its clauses (汛期前，完成…，新建…，力争到2025年消除…)
    # before one that a later clause sets for a task of its own.
    same_sentence = [m for m in map(in_context, mentions.between(clause.sentence_start, start))
                     if m.end <= start and usable(m)]
    if same_sentence:
        return _inherited(same_sentence[-1].deadline)
    target = _target_list_deadline(text, clause.sentence_start, start, published)
    if target is not None:
        return target
    if ci + 1 < len(clauses) and clauses[ci + 1].segment == clause.segment:
        nxt = clauses[ci + 1]
        nxt_text = text[nxt.start:nxt.end]
        if nxt_text.startswith(_CONTINUATION):
            found = [m for m in mentions.between(nxt.start, nxt.end) if m.end <= nxt.end and usable(m)]
            if found and not find_numbers(nxt_text[:found[0].start - nxt.start]):
                return _inherited(found[0].deadline)
    # a task list's note after the sentence: …25家。（牵头单位：县工信局；完成时限：2024年10月底前）
    reach = range(ci + 1, min(ci + 1 + 4 * _NEAR_CLAUSES, len(clauses)))
    after = next((clauses[k].sentence_start for k in reach if clauses[k].sentence != clause.sentence), None)
    note = _DEADLINE_NOTE.match(text, after) if after is not None else None
    if note:
        found = [m for m in map(in_context, mentions.between(note.start("when"), note.end("when")))
                 if m.end <= note.end("when") and usable(m)]
        if found:
            return _inherited(found[0].deadline)
    # a list item's own line: 建设内容：新建中小学校5所。\n完成时限：2024年8月底前。
    labelled = _labelled_deadline(norm, bi, published)
    if labelled is not None:
        return _inherited(labelled)
    if ctx.target_heading is not None:
        return ctx.target_heading
    lead = _lead_deadline(norm, bi, leads, published)
    if lead is not None and norm.blocks[bi].start + 0 <= start:
        return _inherited(lead)
    # the lead of an earlier paragraph of the section, then the headings above
    # (二、2021年工作安排 governs （一）扩大有效投资 and what follows)
    lead = _walk_back(ctx, "deadline", lambda j: _lead_deadline(
        norm, j, leads, published, whole=norm.blocks[j].kind == "heading"))
    if lead is not None:
        return _inherited(lead)
    return ctx.plan_year or NO_DEADLINE


_TARGET_LEAD = re.compile(r"(?:预期目标|主要目标|主要指标|发展目标)[^：:。]{0,12}[：:]")
_PLAN_LEAD = re.compile(r"纲要|规划|五年|[十][一二三四五六七八九]五")


def _target_list_deadline(text: str, sentence_start: int, start: int, published: dt.date | None) -> Deadline | None:
    """Rule target_list_lead: the targets listed after a lead naming them (主要预期目标为：…) hold for the
    report's year; those after a five-year plan's lead (《纲要草案》…设置了29项主要指标，包括：…) hold for its
    period, which ends in the year a multiple of five that the publication year falls in or before.

    建议经济社会发展主要预期目标为：地区生产总值增长5%以上 (山东, 2026) and 主要预期目标是：地区生产总值增长5%以上
    (河北, 2026) → 2026-12-31; 《纲要草案》…29项主要指标，包括：地区生产总值年均增速4.5%-5% (北京, 2026) → 2030-12-31."""
    if published is None:
        return None
    lead = None
    for m in _TARGET_LEAD.finditer(text, sentence_start, start):
        lead = m
    if lead is None:
        return None
    head = text[sentence_start:lead.end()]
    if _PLAN_LEAD.search(head):
        year = published.year + (-published.year) % 5
        return Deadline(_PLAN_LEAD.search(head).group(0), dt.date(year, 12, 31), Precision.PLAN, inherited=True)
    return Deadline(lead.group(0).rstrip("：:"), dt.date(published.year, 12, 31), Precision.YEAR, inherited=True)


# A heading naming targets (主要预期目标, 主要目标, 主要指标, 预期目标, 2021任务清单); one naming their
# outcome (主要目标完成情况) reviews, it leads nothing.
_TARGET_HEADING = re.compile(r"(?:主要(?:预期)?|预期|规划)(?:目标|指标)|任务清单")
#: words by which a heading naming targets speaks of their outcome (主要目标完成情况): it leads no targets
_OUTCOME_HEADING = re.compile(r"完成|实现|情况|回顾|成效|成绩")
_PLACE_HEADING = 6  # characters of a heading that may name a known division the targets are of (广州市)
_LABEL_HEADING = 3  # characters of a heading that may name any place or a group of the targets (惠州, 镇安县, 就业)


def _target_heading(btext: str, published: dt.date | None) -> Deadline | None:
    """Rule target_heading_lead: a heading naming targets, without closing punctuation, leads the lines
    or the sentence after it: its items are targets of the report's year (of the plan's period under a
    five-year plan's heading), with or without a forward cue, until a heading of another kind.

    主要预期目标\n惠州\n●地区生产总值增长8.5%\n●规上工业增加值增长7.5%以上 (惠州日报, 2021);
    主要目标\n生产总值增长11.5%左右,全社会固定资产投资增长23%左右 (镇安县, 2015)."""
    m = _TARGET_HEADING.search(btext)
    if m is None or _OUTCOME_HEADING.search(btext) or published is None:
        return None
    named = [m.deadline for m in find_deadlines(btext, published) if m.year_given]
    if named:  # ■ 2025年经济社会发展的主要预期目标: the year it names; a past year's targets are reviewed
        return _inherited(named[0]) if _ahead(named[0], published) else None
    plan = _PLAN_LEAD.search(btext)
    if plan:
        year = published.year + (-published.year) % 5
        return Deadline(plan.group(0), dt.date(year, 12, 31), Precision.PLAN, inherited=True)
    raw = re.split(r"[，,。；;：:]", btext[:m.end()])[-1] + btext[m.end():]  # …慈善制度2021任务清单: the heading's part
    return Deadline(raw.strip(" " + _BULLETS), dt.date(published.year, 12, 31), Precision.YEAR, inherited=True)


def _target_item(ctx: _Context, btext: str) -> bool:
    """A short line under a target heading that holds a quantity (●固定资产投资增长18%) or a list bullet
    (■制定促进共同富裕行动纲要) is one of its items, read as a paragraph though it ends without a mark."""
    return ctx.target_heading is not None and (btext.startswith(tuple(_BULLETS)) or any(
        t.kind == "quantity" for t in find_numbers(btext)))


def _names_a_place(btext: str) -> bool:
    """惠州, 广州: a short heading naming a place (or a group: 就业) between a target heading and its
    items; a longer heading of another kind (重点工作) ends the targets."""
    from tracker.extract.people import districts

    name = btext.strip(" ●■◆")
    return 0 < len(name) <= _LABEL_HEADING or 0 < len(name) <= _PLACE_HEADING and any(
        name + suffix in districts() for suffix in ("", "市", "县", "区", "省"))


def _states_the_years_targets(btext: str, published: dt.date) -> Deadline | None:
    """Rule report_year_after_targets: once a work report has stated the year's targets (主要预期目标是：…),
    what it plans after them is that year's work, though a paragraph names no year.

    经济社会发展的主要预期目标是：全省地区生产总值增长5%—5.5%…（一）加力扩内需稳增长 … 统筹安排省级财政资金350亿元以上
    (安徽, 2026); 建议经济社会发展主要预期目标为：… （一）奋力推进全方位扩大内需 … 推进2000个省级重点项目 (山东, 2026)."""
    m = _TARGET_LEAD.search(btext)
    if m is None or _PLAN_LEAD.search(btext, 0, m.end()):
        return None
    return Deadline(m.group(0).rstrip("：:"), dt.date(published.year, 12, 31), Precision.YEAR, inherited=True)


_NEAR_CLAUSES = 8  # how far a closing clause or an opening modal reaches
_OPENING = 300  # characters of an opening paragraph where a text names itself
_SUMMARY_HEADS = ("上述", "以上", "前述", "这些")


def _summary_deadline(ctx, bi, clauses, mentions, text, start, usable) -> Deadline | None:
    """The deadline of the first later sentence of the paragraph that opens with 上述/以上 and
    holds no number of its own (上述项目力争于11月底前全部完成). Found once per paragraph."""
    found = ctx.summaries.get(bi)
    if found is None:
        found = []
        for k, c in enumerate(clauses):
            if (k == 0 or clauses[k - 1].sentence != c.sentence) and text.startswith(_SUMMARY_HEADS, c.start):
                j = k
                while j < len(clauses) and clauses[j].sentence == c.sentence:
                    j += 1
                end = clauses[j - 1].end
                ms = [m for m in mentions.between(c.start, end) if m.end <= end and usable(m)]
                if ms and not any(t.kind == "quantity" for t in find_numbers(text[c.start:end])):
                    found.append((c.start, ms[0].deadline))
        ctx.summaries[bi] = found
    return next((d for pos, d in found if pos > start), None)


_DEADLINE_LABEL = re.compile(rf"(?:{_TIME_LIMIT_WORDS})[：:]")


def _labelled_deadline(norm: Normalised, bi: int, published: dt.date | None) -> Deadline | None:
    """The deadline a list item gives on a line of its own after its content (完成时限：2024年8月底前),
    read from the next few paragraphs up to the item's next heading or content line."""
    for j in range(bi + 1, min(bi + 4, len(norm.blocks))):
        b = norm.blocks[j]
        m = _DEADLINE_LABEL.match(norm.text, b.start, b.end)
        if m is None:
            if b.kind == "body":
                return None  # the next item's content, or prose
            continue  # 责任单位：… and other short lines of the item
        found = find_deadlines(norm.text[m.end():b.end], published)
        return found[0].deadline if found else None
    return None


def _walk_back(ctx: _Context, kind: str, probe):
    """The first non-None ``probe(block)`` over the section's earlier paragraphs, nearest
    first, then over the headings above.

    What a walk finds from a given block on never changes while the reader stays in
    its section, so it is remembered per block: a long document is walked once, not
    once per clause."""
    order = list(reversed(ctx.section_blocks)) + list(reversed(ctx.headings))
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


def _lead_deadline(norm, bi, leads, published, whole=False) -> Deadline | None:
    """The deadline a paragraph opens with (今年，… / 2020年，…将), which governs what follows."""
    key = (bi, whole)
    if key in leads:
        return leads[key]
    block = norm.blocks[bi]
    btext = norm.text[block.start:block.end]
    lead = None
    offset = 0
    for _ in range(2):  # 答：市教育局副局长孙伟：今年，… a transcript's speaker labels
        label = _SPEAKER_LABEL.match(btext, offset)
        if label is None or find_deadlines(label.group(0), None):
            break
        offset = label.end()
    m = _LEAD_STRIP.match(btext, offset)
    offset = m.end() if m else offset
    first = re.split(r"[，,。；;：:]", btext[offset:], maxsplit=1)[0] if not whole else btext
    for mention in find_deadlines(first, published):
        if mention.start <= 2 or whole:
            d = mention.deadline
            if _ahead(d, published):
                lead = d
            break
    leads[key] = lead
    return lead


def _speaker(ctx: _Context, text: str, bi: int, block: Block, start: int) -> tuple[Official | None, str | None]:
    """(official, district) of a pledge: what the text says for it (the person it credits, the
    division that person heads, a division named as the subject before it) wins over what the
    document's user gave (--official, --district), which wins over the division the text names
    most often, a guess about the whole document."""
    official = ctx.official or ctx.given_official
    district = district_of_title(ctx.official.title) if ctx.official else None
    if district is None:
        district = _district_near(ctx, text, bi, block, start) or ctx.given_district
    if district is None and ctx.official is None and ctx.given_official is not None:
        district = district_of_title(ctx.given_official.title)
    return official, district or ctx.district


def _district_near(ctx: _Context, text: str, bi: int, block: Block, pos: int) -> str | None:
    """A division named as the subject before the pledge in its paragraph (临淄区将…)."""
    from tracker.extract.people import districts

    marks = ctx.district_marks.get(bi)
    if marks is None:
        marks = _Index([(block.start + off, name) for off, name in districts_in(text[block.start:block.end])
                        if districts()[name].level in ("市", "区", "县")], lambda x: x[0])
        ctx.district_marks[bi] = marks
    found = marks.last_before(block.start, pos)
    return found[1] if found else None
