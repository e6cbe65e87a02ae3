"""One candidate: the context its rules read, whether it is a pledge, and each of its fields.

``candidate`` trims the quote, builds one ``Context`` and asks each decision's rule list in turn:
is it a pledge (``PLEDGE_RULES``), its tense, object, action, qualifier, deadline, official,
district and responsible unit. Every answer comes with the id of the rule that gave it; the
candidate carries them as ``why``.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterator
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cache
from operator import attrgetter

from tracker.extract import lexicons
from tracker.extract.model import Candidate, Role
from tracker.extract.normalise import Block, Normalised
from tracker.extract.numbers import NumberToken, find_numbers
from tracker.extract.people import responsible_unit_with_rule
from tracker.extract.pledges.actions import ACTION_RULES
from tracker.extract.pledges.base import (
    _AT_PLACES, _ATTRIBUTIVE, _BOUND_AFTER_PLACES, _BULLETS, _ENUM_MARKER, _QUOTE_MARKS, _Clause, _Cues, _Index, _Reading,
    _abstract_objects, _actions_in, _is_threshold, _quantity, _strip_quotes,
    _weak, block_matches, block_positions,
)
from tracker.extract.pledges.deadline import DEADLINE_RULES
from tracker.extract.pledges.frames import _INTENT, _in_past_frame
from tracker.extract.pledges.objects import ELLIPSIS_RULES, FOUND_RULES
from tracker.extract.pledges.qualifiers import QUALIFIER_RULES
from tracker.extract.pledges.speaker import DISTRICT_RULES, OFFICIAL_RULES
from tracker.extract.pledges.tense import TENSE_RULES
from tracker.extract.pledges.view import NumbersView
from tracker.extract.rules import Needed, decide, rule
from tracker.extract.tokens import cut as _cut, is_word


def _alternation(name: str) -> str:
    """The entries of lexicon ``name`` as one regex alternation, longest first."""
    return lexicons.alternation(lexicons.words(name))


@dataclass
class Paragraph:
    """A paragraph as the reader has cut it: its clauses, tense cues and deadline mentions, with the
    reader's caches of other paragraphs' leads and cues."""

    norm: Normalised
    bi: int  # the block's index in norm.blocks
    clauses: list[_Clause]
    cues: _Cues
    mentions: _Index
    leads: dict
    cues_cache: dict
    memo: dict = field(default_factory=dict)  # what the rules of every candidate of the paragraph share


class Context:
    """One candidate's reading, the one object every rule reads: the document and its reading so far
    (``reading``), the paragraph (``bi``, ``block``), its clauses and cues, the clause (``ci``), the
    quote (``start``:``end``) and its numbers, and what earlier decisions found (``found``, ``tense``).
    ``memo`` keeps what several rules of a decision share."""

    def __init__(self, para: Paragraph, reading: _Reading, ci: int, start: int, end: int,
                 qs: list[NumberToken]) -> None:
        self.norm, self.text, self.bi = para.norm, para.norm.text, para.bi
        self.block: Block = para.norm.blocks[para.bi]
        self.reading = reading
        self.published: dt.date | None = reading.published
        self.clauses, self.ci, self.clause = para.clauses, ci, para.clauses[ci]
        self.start, self.end = start, end
        self.qs = qs  # the clause piece's numbers, before the quote was trimmed
        self.cues, self.mentions, self.leads, self.cues_cache = para.cues, para.mentions, para.leads, para.cues_cache
        self.para_memo = para.memo
        self.memo: dict = {}
        self.in_quote: list[NumberToken] = []  # the numbers inside the quote, a measure in years as a target
        self._kept: list[NumberToken] = []  # the numbers that size the pledge, thresholds last (``kept``)
        # what the rules ask of them (units, roles, first start, last end), built each time ``kept`` is set: the rules
        # read it ~41,000 times a pass over the real passages, as an instance's attribute (a property, or a
        # ``__getattr__`` on the class, would make every read, or every attribute read of the context, slower)
        self.numbers: NumbersView = _NO_NUMBERS
        self.baseline: tuple[int, int] | None = None
        self.found = None  # (object, its first word) the quote's own words name
        self.found_rule = ""
        self.tense: tuple[bool, float] = (False, 0.0)
        self.tense_rule = ""

    def _set_kept(self, kept: list[NumberToken]) -> None:
        # a rule replaces the list, never changes it in place: the view is of the list set
        self._kept, self.numbers = kept, NumbersView.of(kept, self.text)

    # read ~65,000 times a pass over the real passages: by a C getter (no Python frame, as Rule.__call__)
    kept = property(attrgetter("_kept"), _set_kept, doc="The numbers that size the pledge, thresholds last.")


_NO_NUMBERS = NumbersView.of([], "")  # the view of no numbers (one shared instance)


# ---------------------------------------------------------------- which numbers size it

_FROM_TO = re.compile(r"(?:分别)?(?P<from>[由从])(?P<span>[^由从，,；;。]{1,40}?)(?:提高|提升|增加|增长|扩大|降低|下降|减少|缩减|上调|下调|调整|增|降|减)"
                      r"(?:至|到)(?=[^，,；;。]{0,8}?[0-9０-９一二三四五六七八九十百千万两])")


@rule("quantities", "基数不计入")
def baseline_apart(text: str, start: int, end: int, qs: list[NumberToken]) -> tuple[int, int] | None:
    """从X提高到Y states the target Y; X is the baseline, no quantity of the pledge,
    and the object stands before 从/由.

    保费由每生每年5元提高至10元 (内蒙古 民生实事, 2026); 每千人口托位数从0.5个增至4.8个 (another province's
    review); 分别从771家、481家增加到1076家、636家 drops both baselines. Returns the span from 从/由 to the verb
    when a quantity of the pledge lies in it and another after it."""
    if text.find("从", start, end) < 0 and text.find("由", start, end) < 0:
        return None  # every match opens on 从 or 由: most quotes hold neither, found without the pattern's scan
    for m in _FROM_TO.finditer(text, start, end):
        inside = [q for q in qs if m.start() <= q.start < m.end()]
        if inside and any(q.start >= m.end() for q in qs):
            return m.start(), m.end()
    return None


_YEARS_MEASURED = re.compile(r"(?:年限|寿命|年龄)再?(?:达到|达|提高到|提高至|提升到|提升至|增至|超过|为|提高|延长|增加)$")


@rule("quantities", "年限与寿命为目标")
def years_as_target(text: str, q: NumberToken) -> NumberToken:
    """A measure counted in years or of an age (受教育年限, 预期寿命) takes its number
    as a target, not as a time span or an eligibility age: the token comes back with role ``other`` and
    marked ``target`` in its kind.

    劳动年龄人口平均受教育年限达到10.5年, 人均预期寿命达到78岁 (甘肃, 2026); 人均受教育年限达到11.7年 (宁夏, 2026);
    人均预期寿命提高到80岁以上 (安徽, 2026); 人均预期寿命再提高1岁 (国务院, 2021: a rise, in years)."""
    if _weak(q) and _YEARS_MEASURED.search(text, max(0, q.start - 8), q.start):
        return dataclasses.replace(q, role=Role.OTHER, kind="target")
    return q


#: the helpers' old names, for the rule tests and the segmenter
_baseline, _as_target_in_years = baseline_apart, years_as_target


@rule("pledge", "项目名称中的数字（判断）", "names_programme")
def names_programme(text: str, qs: list[NumberToken], clause_end: int) -> bool:
    """三年十万大学生来淄创新创业计划: a number inside a programme's name, not its target.

    A short count of events (20场招聘活动) is a target; a long name, or one that
    opens with a span of years (五年百万人才计划), is a name."""
    if not qs:
        return False
    rest = text[qs[-1].end:clause_end].strip(_QUOTE_MARKS)
    if not rest.endswith(_programme_endings()):
        return False  # no head of a name ends the clause (the pattern below wants one): most clauses, found first
    if all(_COUNTED_IN_DIGITS.match(q.raw) and q.role is Role.COUNT for q in qs):
        return False  # Rule counted_not_named: 增加5000个普通高中招生计划 (内蒙古 民生实事, 2026), 建设300个乡村全民健身提升工程
    opens_with_span = _SPAN_OF_YEARS_BEFORE.search(text, max(0, qs[0].start - 4), qs[0].start) is not None
    if len(rest) <= 6 and not opens_with_span:
        return False
    return bool(_programme_end().search(rest))


# a span of years right before the number: 五年百万人才计划
_SPAN_OF_YEARS_BEFORE = re.compile(r"[一二三四五六七八九十\d]+年$")
# Arabic digits and a measure word count things (增加5000个…招生计划); a programme's name writes its
# number in Chinese (百名专家淄川行活动, 三年十万大学生来淄创新创业计划).
_COUNTED_IN_DIGITS = re.compile(r"[0-9０-９][0-9０-９.,]*[个项名家所座条处]")


@cache
def _programme_end() -> re.Pattern:
    return re.compile(rf"(?:{'|'.join(map(re.escape, lexicons.words('programme_heads')))})[”’\"]?$")


@cache
def _programme_endings() -> tuple[str, ...]:
    """What a text ends with when ``_programme_end`` finds its match: a head, a closing mark or none, and the line
    break ``$`` matches before."""
    return tuple(head + mark + br for head in lexicons.words("programme_heads") for mark in ("", "”", "’", '"')
                 for br in ("", "\n"))


#: the helper's old name, for the rule tests
_names_programme = names_programme


# ---------------------------------------------------------------- is it a pledge

# Words by which a sentence describes what a place has now (lexicon present_stock_words), and 有 right
# before a number or after a division's name (三江县有林地面积20.11万公顷).
# 有 is found as a literal and the character before it looked back to in present_stock_words (a pattern opening
# on a lookbehind has no first characters for the engine to skip to: it is tried at every position); the
# lookahead's first branch (group "digit") is the number right after 有, its second the number after a name.
_PRESENT_STOCK = re.compile("|".join(map(re.escape, lexicons.words("present_stock_words")))
                            + r"|有(?=(?P<digit>[0-9０-９一二三四五六七八九十两几])|[\u4e00-\u9fff]{2,8}[0-9０-９])")
_NOT_BEFORE_HAS_NUMBER = "将要会没还未"  # 将有, 没有 + a number: no stock
_DIVISION_BEFORE_HAS = "县市区镇乡村省"  # 三江县有林地面积20.11万公顷: 有 after a division's name


def search_not_after(pattern: re.Pattern, not_after: str | tuple[str, ...], text: str, pos: int = 0,
                     endpos: int | None = None) -> re.Match | None:
    """``pattern.search(text, pos, endpos)`` skipping a match right after ``not_after`` (a word, or a tuple of
    words), as a pattern opening on ``(?<!不)`` does, the text before ``pos`` looked back to as a lookbehind
    does. A pattern that opens on a lookbehind has no first characters for the engine to skip to and is tried
    at every position; its words alone are skipped to, and a match after ``not_after`` is searched past, one
    character on (where the lookbehind's pattern would try next)."""
    if endpos is None:
        endpos = len(text)
    while (m := pattern.search(text, pos, endpos)) is not None:
        if not text.endswith(not_after, 0, m.start()):
            return m
        pos = m.start() + 1
    return None


def closes_word_before(text: str, start: int) -> bool:
    """Rule cue_inside_word: a cue word whose first character closes the word before it is not that word but the end of
    one and the start of the next, whatever jieba makes of the run (it cuts 实现在 as 实/现在, 现在 being so frequent):
    "实现在全省县域经济排名中位次前移" (云霄县's 2023 targets: 实现 + 在, not 现在) and "固定资产投资项目实现在线审批"
    (海拉尔区's review of 2017: 实现 + 在线); 比如今年 (比如 + 今年, not 如今), 发现有 (发现 + 有, not 现有), 项目前期 (项目 +
    前期, not 目前) alike. The test: the character before the cue and the cue's first character are a word of the
    dictionary."""
    return start > 0 and is_word(text[start - 1:start + 1])


def present_stock_words(text: str, pos: int, endpos: int) -> Iterator[re.Match]:
    """The matches, in order, of the words by which a sentence describes what a place has now (lexicon
    present_stock_words), and of 有 right before a number unless after 将要会没还未, or after a division's name
    (县市区…) and before a name and a number, in ``text[pos:endpos]``: what the alternation
    ``words|(?<![将要会没还未])有(?=number)|(?<=[县市区镇乡村省])有(?=name number)`` finds, the characters before
    ``pos`` looked back to as its lookbehinds do."""
    for m in _PRESENT_STOCK.finditer(text, pos, endpos):
        if len(m.group(0)) > 1 and closes_word_before(text, m.start()):
            continue
        if m.group(0) == "有":
            before = text[m.start() - 1] if m.start() else ""
            if not (before and before in _DIVISION_BEFORE_HAS) and (
                    m.group("digit") is None or (before and before in _NOT_BEFORE_HAS_NUMBER)):
                continue
        yield m
_RATE_BASIS_BEFORE = re.compile(r"每[^，,。；;]{0,4}$|人均$|[万千百]人$")


@rule("pledge", "涉及人数非承诺")
def reach_of_pledge_before(c: Context):
    """今年我区将实施老旧小区改造项目46个，涉及居民1.2万户 (a rule test): whom the pledge before reaches,
    no pledge of its own."""
    text, clauses, ci = c.text, c.clauses, c.ci
    if text.startswith(_ATTRIBUTIVE, c.start) and ci > 0 and clauses[ci - 1].sentence == c.clause.sentence \
            and any(t.kind == "quantity" for t in find_numbers(text[clauses[ci - 1].start:clauses[ci - 1].end])):
        return False
    return None


@rule("pledge", "无可计数的数量")
def spans_and_ages_only(c: Context):
    """Nothing in the quote sizes a pledge: no number at all (the numbers of the clause piece all stand in what the
    quote leaves out, a list's marker: 1.通过“以工代赈”发放“三北”工程、高标准农田建设劳务报酬20亿元以上 (内蒙古 民生实事,
    2026) keeps 20亿元, not 1), or only a time span or an age: 三年行动, 60周岁以上. A measure in years is a target
    (劳动年龄人口平均受教育年限达到10.5年, 人均预期寿命达到78岁: 甘肃, 2026)."""
    qs = [q for q in c.qs if c.start <= q.start and q.end <= c.end]
    if not qs:
        return False
    # a time span or an age (为65岁以上老年人体检20万人次) sizes no pledge beside another number; only such a number may be
    # a measure in years, a target (years_as_target gives every other back as it is)
    text, in_quote, kept = c.text, [], []
    for q in qs:
        if _weak(q):
            q = _as_target_in_years(text, q)
            if q.kind == "target":  # no longer weak
                kept.append(q)
        else:
            kept.append(q)
        in_quote.append(q)
    c.in_quote = in_quote
    if not kept:
        return False
    thresholds = [_is_threshold(q, c.text, kept) for q in kept]  # each number asked once
    c.kept = [q for q, t in zip(kept, thresholds) if not t] + [q for q, t in zip(kept, thresholds) if t] \
        if any(thresholds) else kept
    return None


# 一 and one measure word (一台, 一处, 一条): the indefinite article of a story or a description, unless a word
# before it or 以上 after it makes it a count (各组建一个, 至少一处, 一个以上).
_ONE_ARTICLE = re.compile(r"一[^\s\d一二三四五六七八九十百千万亿]{1,2}")
_ONE_COUNTED_BEFORE = ("各", "每", "再", "第", "只", "仅", "至少", "不少于", "不低于", "超过")


def _one_as_article(text: str, q: NumberToken) -> bool:
    return q.value == 1 and _ONE_ARTICLE.fullmatch(q.raw) is not None \
        and not text[max(0, q.start - 3):q.start].endswith(_ONE_COUNTED_BEFORE) \
        and not text.startswith(("以上", "多"), q.end)


@rule("pledge", "一为不定冠词")
def one_as_article(c: Context):
    """一 with one measure word is how a story or a description says "a", not a count to deliver: "不远处，一台大型
    水泵正轰鸣作响", "这是湖北监利县新沟镇北临东荆河的一处取水点" (监利县 news, 2011); "建成一条集休闲、采摘、园艺一体的
    生态旅游线路" (红石镇's profile, 2021); "未来的繁华大道将真正成为一条“从肥西到肥东”的穿城要道" (合肥市 news, 2011);
    "一艘正往上游缓慢开动的采砂船被执法人员的灯光照到" (南宁市 news, 2011). Beside another number it sizes nothing
    (打一口机井要花费近2000元 keeps 2000元); a word before it or 以上 after it makes it a count (各组建一个采砂管理站)."""
    if 1 not in c.numbers.values:
        return None
    kept = [q for q in c.kept if not _one_as_article(c.text, q)]
    if not kept:
        return False
    c.kept = kept
    return None


@rule("pledge", "作业地点之数")
def places_of_the_work(c: Context):
    """A count right after 在 (在39个村, 在全县509个自然屯) counts the places where the work is done; when a number of
    the work follows it in the quote, with no 、 between (a list of places: 在12个省、36个地区), that number sizes the
    pledge and the places' count is no quantity of it: 在39个村改造升级10千伏线路16.66公里, 在17个乡镇(街道办)硬化道路
    10万平方米 (涉县 实事, 2025: 16.66公里, 10万平方米); 在14个市州城区和兰州新区增补义务教育学位2万个 (甘肃 2026: 2万个, the
    places joined by 和 kept in one piece by the conjunct split). A count of places with no other number is the target
    (在3000个小区设置智能回收机, 北京 2026); so is one beside a number that only describes the thing built there (在全县
    509个自然屯建设总装机容量100MW的分布式屋顶光伏项目, 柳河县 2022: the number before 的), and 在 with a bound after the
    count states a threshold, not places (采购人申请的采购数量在10台以上, 无锡 news 2011)."""
    if len(c.kept) < 2:
        return None
    places = [q for q in c.kept if q.role is Role.COUNT
              and _AT_PLACES.search(c.text, max(c.start, q.start - 3), q.start) is not None
              and not c.text.startswith(_BOUND_AFTER_PLACES, q.end)
              and any(o.start >= q.end and "、" not in c.text[q.end:o.start] and not c.text.startswith("的", o.end)
                      for o in c.kept if o is not q)]
    if places:
        c.kept = [q for q in c.kept if q not in places]
        c.memo["places"] = places  # read by work_after_its_places: where the work is done
    return None


@rule("pledge", "行为的参与方")
def parties_to_an_act(c: Context):
    """A count of parties (N方, N家) right before an act they do together (lexicon joint_acts: 签字, 盖章, 所长, 联合 …,
    after at most a noun of lexicon party_nouns) counts who act, not a deliverable: "并由技术专家、终端用户、市直行政主管
    部门和采购中心经办人四方签字盖章" (黑河市 news, 2011); "上海（扬州）国际医学园的发展思路是集两家所长" (扬州 news,
    2014). A count of companies brought in (引进企业两家) names no act after it and stays."""
    if c.numbers.units.isdisjoint(("方", "家")):
        return None
    kept = [q for q in c.kept if q.unit not in ("方", "家") or not _PARTIES_ACT.match(c.text, q.end)]
    if not kept:
        return False
    c.kept = kept
    return None


# after a count of 方 or 家: at most a party's noun, then an act the parties do together
_PARTIES_ACT = re.compile(rf"(?:{_alternation('party_nouns')})?(?:{_alternation('joint_acts')})")


@rule("pledge", "规格尺寸")
def dimension_standard(c: Context):
    """A thing's width, thickness or height (lexicon dimension_words) is the standard it is built to, not a quantity to
    deliver: "要求：30户以上村民组通组公路路基宽度不得小于4.5米、路面宽度不得小于3.5米,水泥路面厚度不得小于15厘米"
    (长顺县's poverty targets, 2017); "厂房建筑平均举架净高约6米" (柳河县's energy report, 2022). The dimensions are
    left out of the quantities; a piece left with nothing, or with nothing but the size class of what the standard
    applies to (30户以上村民组), is no pledge."""
    if Role.LENGTH not in c.numbers.roles:
        return None
    dims = [q for q in c.kept if q.role is Role.LENGTH and _DIMENSION_BEFORE.search(c.text, max(c.clause.start, q.start - 12), q.start)]
    if not dims:
        return None
    kept = [q for q in c.kept if q not in dims]
    if all(_SIZE_CLASS.match(c.text, q.end) for q in kept):
        return False
    c.kept = kept
    return None


# a word of dimension right before the number, with at most a comparison between: 路基宽度不得小于4.5米, 净高约6米
_DIMENSION_BEFORE = re.compile(rf"(?:{_alternation('dimension_words')})(?:不得|应|须|应当)?(?:不小于|不低于|小于|低于|不少于|少于|为|达到|达|约)?约?[\s\u3000]*$")
# a number with 以上 or 以下 before a noun: the size class of what a standard applies to (30户以上村民组)
_SIZE_CLASS = re.compile(r"(?:以上|以下)(?:（含）|\(含\))?[\u4e00-\u9fff]")


@rule("pledge", "尺寸之类", needs=lexicons.words("kind_dimension_heads"))
def kind_dimension(c: Context):
    """A length written right before a facility's name, with no 的 between (the facility's head one of lexicon
    kind_dimension_heads: 游泳池, 训练池, 跑道 …, at most eight characters after the number), names the facility's kind,
    as 5人制 names a pitch's: "将配备网球训练馆、综合训练馆、游泳馆及50米室外游泳训练池、儿童训练池" (晋江市 news, 2015);
    "内设4500人座多功能标准篮球场1个,2000人座、50×25米标准游泳池一个" (巴中市 news, 2014). Such lengths are left out of the
    quantities; a piece left with none (or with nothing but a 一个 that counts the one facility) is no pledge. A length
    the work covers (完善全长2.4公里的健身步道, 新建健身步道10公里) is in 公里 or stands after its noun, and stays."""
    if Role.LENGTH not in c.numbers.roles:
        return None
    kinds = [q for q in c.kept if q.role is Role.LENGTH and (q.unit or "") == "米" and _KIND_AFTER.match(c.text, q.end)]
    if not kinds:
        return None
    kept = [q for q in c.kept if q not in kinds]
    if not kept:
        return False
    c.kept = kept
    return None


# a facility's name right after its length, no 的 between: 室外游泳训练池, 标准游泳池
_KIND_AFTER = re.compile(rf"[\u4e00-\u9fff]{{0,6}}?(?:{_alternation('kind_dimension_heads')})")


@rule("pledge", "分类之数")
def classes_of_a_division(c: Context):
    """A count of classes (N类, N种, N个等级) after a verb that sorts a thing into them (lexicon division_verbs: 分为,
    分成 …) in its sentence tells how the thing is divided, not what is to be delivered: "本区应急避难场所建设类型分为
    等级应急避难场所（包括6个等级）和社区应急避难场所2类" (奉贤区's shelter plan, 2022); "网上竞价分为单品牌比价、多品牌
    比价和多部门团购3种形式" (南京市 news, 2011). A count of kinds that something is done to (又有7类产品将进入网上竞价
    系统, the same news) follows no such verb and stays."""
    if not c.kept or not c.numbers.units.issubset(_CLASS_UNITS) or not all(_is_class_count(c.text, q) for q in c.kept):
        return None
    return False if _DIVISION.search(c.text, c.clause.sentence_start, c.numbers.first) else None


_CLASS_UNITS = frozenset({"类", "种", "档", "级", "大类", "个"})


def _is_class_count(text: str, q: NumberToken) -> bool:
    return (q.unit or "") in ("类", "种", "档", "级", "大类") or (
        (q.unit or "") == "个" and text.startswith(("等级", "类别", "档次", "级别"), q.end))


# a verb that sorts into classes, before the count in its sentence
_DIVISION = re.compile(_alternation("division_verbs"))


@rule("pledge", "名单之数")
def count_before_its_names(c: Context):
    """A count that a colon or 分别是 follows with the names it counts (two or more between 、), in a clause where nothing
    is done, tells which places or things there are, not what is to be delivered: "7.敦操乡3个：打召村、斗麻村、敦操村"
    (长顺县's poverty targets, 2017: its deeply poor villages); "10个站点分别是成都东、简阳、资阳、…、重庆北站" (重庆市's
    rail plans in the news, 2011). A count with a verb (新建3个产业园：…, 共涉及安置点3个:…) is left to the other rules."""
    if c.numbers.roles != _COUNTS:
        return None
    if not _NAMES_AFTER.match(c.text, c.numbers.last) or _actions_in(c.text, c.clause.start, c.clause.end):
        return None
    return False


_COUNTS = frozenset({Role.COUNT})
# after the count: at most a short noun, then a colon or 分别是/分别为 and two names or more between 、
_NAMES_AFTER = re.compile(r"[^，,。；;：:、\s]{0,6}?(?:[:：]|分别是|分别为)[^，,。；;：:、]{1,12}、[^，,。；;：:、]{1,12}")


@rule("pledge", "场地面积")
def site_area_apart(c: Context):
    """A clause of nothing but a site's or a building's area (lexicon site_area_words: 总用地面积, 总建筑面积, 占地面积 …)
    and its figure, after another clause of its sentence, describes what that sentence names; when it is not joined to a
    pledge before it (project_attributes_join), it is no pledge of its own: "长寨：596套2470人，总投资1.06亿元，总用地面积
    25938平方米，总建筑面积39739平方米" (长顺县's poverty targets, 2017); "柳河县海华矿业有限公司位于凉水河子镇回头沟村，
    占地面积56亩，建筑面积4500平方米" (凉水河子镇's profile, 2021). An area to be built (完成建筑面积300万平米: 扬州 news,
    2014) opens on its verb and stays."""
    if c.numbers.roles != _AREAS or c.clause.start <= c.clause.sentence_start:
        return None
    first, last = min(c.kept, key=lambda q: q.start), max(c.kept, key=lambda q: q.end)
    head = c.text[c.start:first.start].strip(_QUOTE_MARKS + " \u3000")
    tail = c.text[last.end:c.end].strip(_QUOTE_MARKS + " \u3000")
    return False if _SITE_AREA.fullmatch(head) and tail in ("", "左右", "以上") else None


_AREAS = frozenset({Role.AREA})
# a site's area and at most a word of measure: 总用地面积, 占地面积约, 总占地约, 建筑面积为
_SITE_AREA = re.compile(rf"(?:该|本)?(?:项目)?(?:{_alternation('site_area_words')})(?:约|为|达|达到|共)?约?")


@rule("pledge", "标准之项")
def items_of_a_standard(c: Context):
    """A count of 项 or 类 right before a standard's noun (lexicon standard_heads: 标准; at most four characters naming
    what it is the standard of between) numbers the items the standard covers, not things to deliver: "健全分层分类社会
    救助体系，提高残疾人两项补贴标准" (山西's 民生实事, 2026: 两项补贴 is the name of two allowances); "黑羊站水厂扩建
    项目投入使用,供水水质达到国家106项卫生标准" (海拉尔区's 2016 review). Such counts are left out of the quantities;
    a piece left with none is no pledge. After a verb that makes a standard (lexicon standard_making_verbs: 制定, 修订 …)
    the count is of standards to be made and stays: "制定首批5项核心团体标准" (海南's 2026 report)."""
    if c.numbers.units.isdisjoint(("项", "类")) or _STANDARD_MAKING.search(c.text, c.clause.start, c.end):
        return None
    kept = [q for q in c.kept if not ((q.unit or "") in ("项", "类") and _STANDARD_AFTER.match(c.text, q.end))]
    if len(kept) == len(c.kept):
        return None
    if not kept:
        return False
    c.kept = kept
    return None


# after the count: at most four characters of what the standard is of, then the standard's noun
_STANDARD_MAKING = re.compile(_alternation("standard_making_verbs"))
_STANDARD_AFTER = re.compile(rf"[\u4e00-\u9fff]{{0,4}}?(?:{_alternation('standard_heads')})")


# A round magnitude written without digits (千亩, 百万, 千万吨) right before the noun it qualifies: an epithet
_BARE_MAGNITUDE = re.compile(r"[百千万亿]+[^\s\d百千万亿级]{0,2}")


def _magnitude_as_epithet(text: str, q: NumberToken) -> bool:
    nxt = text[q.end:q.end + 1]
    return _BARE_MAGNITUDE.fullmatch(q.raw) is not None and "级" not in q.raw \
        and "\u4e00" <= nxt <= "\u9fff" and nxt not in "级余多以左上个" and not text.startswith(_LEVEL_NOUNS, q.start + _magnitude_length(q.raw))


def _magnitude_length(raw: str) -> int:
    return len(raw) - len(raw.lstrip("百千万亿"))  # 千亿台阶 is read 千亿台 + 阶: the level noun starts after 千亿


#: nouns after a magnitude that make it a level reached (迈上千亿台阶, 突破千亿大关), not an epithet
_LEVEL_NOUNS = ("台阶", "大关", "规模", "量级")


@rule("pledge", "整数量级为修饰语")
def magnitude_as_epithet(c: Context):
    """A round magnitude written without digits right before the noun it qualifies (千亩包菜, 百万长安人民,
    千万吨炼化) is an epithet of that noun, not a count to deliver: "千亩包菜滞销，襄州区委、区政府十分操心"
    (襄阳市 news, 2011); "进一步提升百万长安人民的幸福指数" (长安区 实事, 2022); "推进延安千万吨炼化一体化" (陕西,
    2026). A magnitude of a class (百亿级产业集群, 千亿级产业链) or one in a list of levels (冲击千亿、500亿…的行业龙头
    企业) or a level reached (工业总产值迈上千亿台阶: 天长市, 2016) stays a quantity."""
    if c.numbers.openings.isdisjoint("百千万亿"):
        return None
    kept = [q for q in c.kept if not _magnitude_as_epithet(c.text, q)]
    if not kept:
        return False
    c.kept = kept
    return None


# A capacity that opens a facility's name: 年产/日产 right before the number, and the name running on without a stop to a
# facility's noun (lexicons capacity_leads, facility_heads)
_CAPACITY_LEAD = re.compile(rf"(?:{_alternation('capacity_leads')})$")
_CAPACITY_LEAD_ENDS = frozenset(w[-1] for w in lexicons.words("capacity_leads"))  # the character right before the number
_FACILITY_AFTER = re.compile(rf"[^，,。；;：:！!？?\s]{{0,24}}?(?:{_alternation('facility_heads')})")


def _capacity_in_name(text: str, q: NumberToken) -> bool:
    return _CAPACITY_LEAD.search(text, max(0, q.start - 4), q.start) is not None \
        and _FACILITY_AFTER.match(text, q.end) is not None


@rule("pledge", "产能为设施名称")
def capacity_names_facility(c: Context):
    """A capacity written before a facility's noun (年产2000万吨…生产线项目, 日产6200吨…生产线) is part of that facility's
    name, not a quantity to deliver: "娲石6200t/d新型绿色智能化熟料生产线和年产2000万吨绿色环保建材生产线项目开工仪式在阳新县
    富池镇举行" (阳新县 news, 2021); "投资40亿元，建设日产6200吨新型绿色智能化熟料生产线以及这次签约的年产2000万吨绿色环保
    建材生产线" (黄石市 news, 2021: 40亿元 stays). A capacity that is the predicate (年产2万余台闸阀…: 苏州高新区 news, 2011)
    runs on to no facility's noun and stays a quantity."""
    if c.numbers.before.isdisjoint(_CAPACITY_LEAD_ENDS):
        return None
    kept = [q for q in c.kept if not _capacity_in_name(c.text, q)]
    if not kept:
        return False
    c.kept = kept
    return None


@rule("pledge", "项目名称中的数字")
def programme_name(c: Context):
    """A number inside a programme's name, not its target: 扎实推进三年十万大学生来淄创新创业计划 (the seeds);
    增加5000个普通高中招生计划 counts (内蒙古 民生实事, 2026)."""
    if _names_programme(c.text, c.kept, c.clause.end):
        return False
    c.baseline = _baseline(c.text, c.start, c.end, c.kept)
    if c.baseline:
        c.kept = [q for q in c.kept if not c.baseline[0] <= q.start < c.baseline[1]]
    return None


@rule("pledge", "抽象对象")
def abstract_object(c: Context):
    """An abstract object (lexicon abstract_objects) counts no deliverable: 淄川区将从4个方面聚焦品质提升 (the seeds);
    so does a count of the text's own tasks ranked by a word of lexicon priority_words (要抓好三项最重要的工作: 云南's
    governor, 2019; 七项重点工作当中: 营口, a press conference on its work report).
    It reads the object the quote's words name (``found``, FOUND_RULES, with jieba), so it comes after
    looks_back: the tense turns down about four in ten pieces for less, and those need no object. A piece both
    abstract and in the past ("从业务管理、…监督管理4个方面进行了明确规定": 平凉市 news, 2011) is declined as
    looks_back: both rules hold, and the first one read names it."""
    c.found, c.found_rule = decide(_asked(c, "found"), c)
    found = c.found
    if found and (_strip_quotes(found[1]) in _abstract_objects() or _strip_quotes(found[0]) in _abstract_objects()):
        return False
    if c.kept and _ranked_own_tasks().match(c.text, c.kept[-1].end):
        return False
    return None


@cache
def _ranked_own_tasks() -> re.Pattern:
    """Right after the count, a word that ranks the text's own tasks (lexicon priority_words), 的 or not, then an
    abstract object (工作, 任务 …) that ends there (or before 当中, 中): 三项最重要的工作:一是… (云南 2019),
    七项重点工作当中 (营口). A deliverable named after the word (重点工作站, 重点项目) is none of these."""
    return re.compile(rf"(?:{_alternation('priority_words')})的?(?:{_alternation('abstract_objects')})"
                      r"(?=当中|中|[^\u4e00-\u9fff]|$)")


# A money rate (元/平方米, 元/斤, 万元/每份) under a cap or on a basis (不超过, 按, 按照): what is paid per unit
_RATE_RULE_BEFORE = re.compile(rf"(?:{_alternation('rate_cap_words')}|按照?[^，,。；;]{{0,12}}?)$")


# 每 and a unit that is no span of time, then the period (每平方米每年, 每片光伏板每年): a rate per unit
_PER_UNIT_BEFORE = re.compile(r"每(?![年月日天季周])[^，,。；;每\d]{1,6}每[年月]$")
# the words that name a rate a price, a fee, a rent or a reward (价格为, 费用标准, 标准为, 给予…奖励)
_PRICE_WORD = re.compile(_alternation("price_words"))
# a rate raised or reached is a target (基础养老金最低标准提高到每人每月200元)
_CHANGE_BEFORE = re.compile(_alternation("rate_change_words"))
_TRANCHE_AFTER = re.compile(rf"的?(?:{_alternation('tranche_words')})")
_TRANCHE_VERB = re.compile(_alternation("tranche_verbs"))


@rule("pledge", "计价规则", needs=("/", "／", "每", *lexicons.words("tranche_words")))
def payment_rate(c: Context):
    """A price, a fee or a subsidy fixed per unit, under a cap or on a basis, is a standing rule of a plan, not a
    quantity to deliver: "所有减量化项目由街道统一招标确定服务单位，并签署服务合同。服务费用不超过16元/平方米"
    (头桥街道's plan, 2024); "不少菜农还是愿意按0.4元/斤的价格付款" (襄阳市 news, 2011); "标准按照集热器面积200元/平方米
    补贴" (北京市 news, 2011, test_real_rules.py). A rate that is a target (全员劳动生产率达58万元/人左右) has neither.
    So is the share of the funds paid at a stage of a project: "验收资金：…通知各村申请金额，各村携带相关收据进行申请
    剩余的30%资金" (头桥街道's plan, 2024: 30%, 40% and the rest at approval, clearance and acceptance).
    So is a tariff, a rent or a reward per unit, written X元/unit or 每unit每年X元, that its sentence names a price, a fee,
    a standard or a reward: "项目售电收益为公司所有，售电价格为0.37元/度" and "标准为：前10年每片光伏板每年50元"
    (柳河县's energy report, 2022), "对新建面积在500亩以上的，给予企业200元/亩奖励" (柳河县's industry policy, 2023); a
    rate raised or reached (提高到每人每月200元) is a target."""
    if not c.numbers.money() and not (c.kept and c.numbers.only_units("%")):
        return None  # neither a sum of money nor only shares: none of the three below
    rates = [q for q in c.kept if "元" in (q.unit or "") and ("/" in (q.unit or "") or c.text.startswith("/", q.end))]
    if rates and len(rates) == len(c.kept) and all(
            _RATE_RULE_BEFORE.search(c.text, c.clause.start, q.start) for q in rates):
        return False
    # a tariff, a rent or a reward per unit (售电价格为0.37元/度, 每平方米每年140—160元, 给予企业200元/亩奖励: 柳河县)
    per_unit = [q for q in c.kept if "元" in (q.unit or "") and (
        "/" in (q.unit or "") or c.text.startswith("/", q.end)
        or _PER_UNIT_BEFORE.search(c.text, max(c.clause.start, q.start - 12), q.start))]
    if per_unit and len(per_unit) == len(c.kept) and _PRICE_WORD.search(c.text, c.clause.sentence_start, c.clause.end) \
            and not any(_CHANGE_BEFORE.search(c.text, c.clause.start, q.start) for q in per_unit):
        return False
    # a tranche: the share of the funds applied for or paid out at a stage (各村携带相关收据进行申请30%资金: 头桥街道)
    if c.kept and all((q.unit or "") == "%" and _TRANCHE_AFTER.match(c.text, q.end)
                      and _TRANCHE_VERB.search(c.text, c.clause.start, q.start) for q in c.kept):
        return False
    return None


@rule("pledge", "单位价格")
def unit_cost(c: Context):
    """What one unit costs (one device, one mu of land, one site) is a price or an estimate's basis, not a sum to spend
    nor a target: every number of the piece a sum of money with, before it in its clause, a word of lexicon
    one_unit_words (每台, 每个, 每亩, 一亩 …) and no word of granting or raising between them (给予每人1万元救助 and
    提高到每人每月200元 are plans). "一家企业负责人透露，每台设备（包括感应器和采集器）５００多元" (北京 news of 2012);
    "因此一亩地光浇水就得花300多元" and "这样算下来，一亩地一年下来就得花1000元左右的水钱" (富县 news of 2011); "经初步匡算，
    每个电动自行车集中充电（停放）场所建设费用以10万元计，共需经费约400万元" (虹口区's plan of 2026: the total, 400万元,
    stays a plan)."""
    if not c.kept or not all("元" in (q.unit or "") for q in c.kept):
        return None
    text, start = c.text, c.clause.start
    for q in c.kept:
        ones = list(_ONE_UNIT.finditer(text, start, q.start))
        if not ones or _GRANT_OR_RAISE.search(text, ones[-1].end(), q.start):
            return None
    return False


# 每台, 每个, 一亩: one unit as what the sum is for (lexicon one_unit_words)
_ONE_UNIT = re.compile(_alternation("one_unit_words"))
# a subsidy granted or a standard raised per unit is a plan (给予每人1万元救助, 提高到每人每月200元)
_GRANT_OR_RAISE = re.compile(rf"{_alternation('grant_words')}|{_alternation('grant_verbs')}|{_alternation('rate_change_words')}")


# The words by which a policy grants a reward or a subsidy (lexicon grant_words: 奖励, 补助, 补贴, 奖补, 资助)
_GRANT = re.compile(_alternation("grant_words"))
# A segment that opens on the beneficiary of a policy's term (对…, 凡…), after an article's or an item's number
# (第 1 7 条, 4., （三）), spaced as a PDF copy spaces it
_TERM_OPENING = re.compile(r"[\s\u3000]*(?:第[\s\d一二三四五六七八九十百]+条[\s\u3000]*|[（(][一二三四五六七八九十\d]{1,3}[)）]"
                           r"|\d{1,2}[.．、](?!\d)|[一二三四五六七八九十]{1,3}、)?[\s\u3000]*(?:"
                           + _alternation("beneficiary_openers") + ")")
# The grant right around a sum or a share: 给予企业30万元奖励, 奖励企业200万元, 一次性奖励1万元, 70%给予企业奖励, 80%的奖励
_GRANT_BEFORE = re.compile(rf"(?:{_alternation('grant_words')}|{_alternation('grant_verbs')})[^，,。；;：:\d]{{0,12}}$")
_GRANT_AFTER = re.compile(rf"[^，,。；;：:\d]{{0,12}}?(?:{_alternation('grant_words')}|{_alternation('grant_verbs')})")
# A basis or a rate a grant is counted on (按固定资产投资的5%, 参照其…的70%, 每满一万人奖励一万元)
_TERM_BASIS = re.compile(_alternation("grant_bases"))


def _segment_span(c: Context) -> tuple[int, int]:
    """Where the clause's segment (its sentence up to a ；) begins and ends, looked for within a bounded window around
    the clause, so a paragraph with no stop at all is still read in linear time. The segment opens after the
    last stop before the clause, looked up among the paragraph's stops (found once for all its quotes) rather
    than by a search back for each kind of stop."""
    text, lo, hi = c.text, max(c.clause.sentence_start, c.clause.start - _SEGMENT_WINDOW), c.clause.start
    ends, _ = block_matches(c, _SEGMENT_STOP)  # a stop's end is the offset after it
    k = bisect_right(ends, hi) - 1
    start = ends[k] if k >= 0 and ends[k] > lo else lo
    stop = _SEGMENT_STOP.search(text, c.clause.end, min(c.block.end, c.clause.end + _SEGMENT_WINDOW))
    return start, (stop.start() if stop else min(c.block.end, c.clause.end + _SEGMENT_WINDOW))


_SEGMENT_WINDOW = 400  # characters: longer than any policy article's segment in the corpus
_SEGMENT_STOP = re.compile(r"[；;。！？!?\n]")


@rule("pledge", "政策奖补条款")
def policy_terms(c: Context):
    """A policy's conditional rewards and subsidies are its terms, not pledges: the thresholds of the condition a
    beneficiary must meet (对新建面积在500亩以上的，…; 对年组织游客…人数达到1万人次以上的旅行社、户外团队进行奖励) and the
    sum or share it is then granted (给予企业200万元奖励, 按固定资产投资的5%—20%给予企业奖励, 每满一万人奖励一万元).
    "对医药企业投资新建 GAP中药材种植基地和道地药材种植基地面积在100亩及以 上至500亩的，给予企业100元/亩奖励；对新建面积
    在500亩以上的，给予企业200元/亩奖励" and "企业自兼并重组完成 后的3年内，…参照其 年度新增地方财政贡献的70%给予企业
    奖励" (柳河县's industry policy, 2023); "对新评定为国家3A、4A、5A级的旅游景区，一次性分别给予10万元、50万元、100万元
    奖励", "对年组织游客来柳河旅游景区人数达到1万人次以上的旅行社、户外团队进行奖励" (柳河县's tourism policy, 2019).
    A number is a condition when a grant word (lexicon grant_words) follows it in its segment and a relative clause
    closes (的) between them, the segment opening on the beneficiary (对…, 凡…) or the condition standing as a clause
    of its own (…的，给予); a sum or a share is a grant when a grant word stands right before or after it and the
    segment opens on the beneficiary, holds a condition clause, or counts it on a basis (lexicon grant_bases: 按, 参照,
    每满). The beneficiary opens the segment with a word of lexicon beneficiary_openers (对, 对于, 凡). A clause that
    raises or reaches its figure (提高到每人每月200元) keeps it a target; so does a count (为1000户…发放补贴 counts
    households, and 给予每人1万元救助, relief, is no grant word)."""
    if not c.kept:
        return None
    text = c.text
    if c.numbers.only_units("%") and all(q.unit == "%" and _PROPORTION.search(text, c.clause.start, q.start) and text.startswith("比例", q.end)
           for q in c.kept):
        return False  # 按50%比例进行分配: a standing proportion
    if all(_THRESHOLD_AFTER.match(text, q.end) for q in c.kept) and _DEFINES_A_CLASS.match(text, c.kept[-1].end, c.clause.end):
        return False  # 固定资产投资在1亿元及以上…的工业类、现代服务业类项目为重大产业项目: a class defined
    if not block_matches(c, _GRANT)[0]:
        return None  # no grant word in the whole paragraph (found once for its quotes), so none in the segment
    seg_start, seg_end = _segment_span(c)
    grants = [m.start() for m in _GRANT.finditer(c.text, seg_start, seg_end)]
    if not grants:
        return None
    opens_on_beneficiary = _TERM_OPENING.match(c.text, seg_start) is not None

    def condition(q: NumberToken) -> bool:
        after = next((g for g in grants if g >= q.end), None)
        if after is None:
            return False
        between = text[q.end:after]
        return "的" in between and (opens_on_beneficiary or _CONDITION_CLOSES.search(between) is not None)

    # a grant's sums or shares stand in a list (分别给予企业100万元、50万元和30万元奖励): the grant words around the list
    money = [q for q in c.kept if "元" in (q.unit or "") or q.unit == "%"]
    runs: list[list[NumberToken]] = []
    for q in money:
        if runs and _LIST_BETWEEN.fullmatch(text, runs[-1][-1].end, q.start):
            runs[-1].append(q)
        else:
            runs.append([q])

    def granted(run: list[NumberToken]) -> bool:
        first, last = run[0], run[-1]
        if search_not_after(_CHANGE_BEFORE_GRANT, "不", text, c.clause.start, first.start):
            return False  # 提高到每人每月200元: a target
        before = _GRANT_BEFORE.search(text, max(c.clause.start, first.start - 14), first.start)
        after = _GRANT_AFTER.match(text, last.end, c.clause.end)
        if before and after:
            return True  # 给予企业30万元奖励: the grant's own words on both sides
        return bool(before or after) and (
            opens_on_beneficiary or _CONDITION_CLOSES.search(text, seg_start, first.start) is not None
            or _TERM_BASIS.search(text, c.clause.start, first.start) is not None)

    terms = {id(q) for run in runs if granted(run) for q in run}
    if all(id(q) in terms or condition(q) for q in c.kept):
        return False
    return None


# a condition stated as a clause of its own: …以上的，给予
_CONDITION_CLOSES = re.compile(r"的[\s\u3000]*[，,]")
# what may stand between the sums of one list: 、 和 及 与 and a copy's spaces
_LIST_BETWEEN = re.compile(r"[\s\u3000]*(?:、|和|及|与)[\s\u3000]*")
# a rate raised or reached before a grant makes it a target (提高到每人每月200元); a cap (不超过) does not
_CHANGE_BEFORE_GRANT = re.compile(_alternation("rate_change_words"))  # not after 不: search_not_after
# a threshold (1亿元及以上, 200万元以上) and a class it defines (…的工业类项目为重大产业项目)
_THRESHOLD_AFTER = re.compile(r"[\s\u3000]*(?:及以上|以上|及以下|以下)|(?=[^，,。；;]{0,6}的)")
_DEFINES_A_CLASS = re.compile(r"[^，,。；;]*?的[^，,。；;的]{1,24}?为[^，,。；;]{2,12}$")
_PROPORTION = re.compile(r"按[^，,。；;]{0,20}$")


@rule("pledge", "各占的构成", needs=("占",))
def shares_of_a_whole(c: Context):
    """各占 before the number tells how a whole is made up, not a target: "其中多晶硅片和单晶硅片各占50%" (苏州高新区
    news, 2011); "早中晚水稻种植各占48万亩、121万亩、55万亩" (监利县 news, 2011). So does a part's share of its
    place's whole, 占全市的 or 占全县…的 right before it, unless the clause means to reach it: "2021年，列入省级重点项目
    11个，其中新港园区5个，项目个数占全市的45.8%，计划投资占全市的55%" (阳新县 news, 2021); "目前，沂南县蔬菜种植面积
    68万亩，…蔬菜产值占全县农民人均纯收入的5成以上" (沂南县 news, 2011)."""
    first = c.numbers.first
    if c.text[max(c.clause.start, first - 4):first].endswith(("各占", "分别占", "各约占")):
        return False
    # a part's share of its place's whole, in a report of what is (项目个数占全市的45.8%: 阳新县 news, 2021)
    if c.numbers.only_units("%", "成") and _SHARE_OF_WHOLE_BEFORE.search(c.text, c.clause.start, first) \
            and not _SHARE_TARGET_BEFORE.search(c.text, c.clause.start, first):
        return False
    return None


@rule("pledge", "句首占比", needs=("占",))
def share_opens_clause(c: Context):
    """A clause that opens on 占 or on 占比 (with at most a two-character label: 个数占比, 投资占比) gives the share of
    the figure just before it in some whole: how a plan or a result is made up, no target of its own. "安排位于原特区外
    或连接原特区内外项目582个，个数占比65.9%，年度计划完成1533.7亿元，投资占比68.4%" and "其中，政府投资575.5亿元，
    占25.7%" (深圳市's 2022 report in the news); "搬迁人口中建档立卡贫困户4321户16870人，占搬迁人口的82.69%"
    (长顺县's poverty targets, 2017). A share that has a subject of its own in the clause is a target and is left
    alone: "全社会研发投入占比6%以上" (北京, 2026), "工业中战略性新兴产业占比30％以上" (陕西, 2026); so is one the clause
    means to reach (占比达到70%: 甘肃, 2026)."""
    first = c.numbers.first
    if c.numbers.only_units("%", "成") and _SHARE_OPENS.match(c.text, c.clause.start, first) \
            and not _SHARE_TARGET_BEFORE.search(c.text, c.clause.start, first):
        return False
    return None


# the clause opens on the share: 占, 占…的, or 占比 after a label of two characters at most (个数占比, 投资占比)
_SHARE_OPENS = re.compile(r"[\s\u3000]*(?:[\u4e00-\u9fff]{0,2}占比|占[^，,。；;占]{0,10}?的?)[\s\u3000]*$")
# 占 the whole of a place, then 的, right before the share: 占全市的, 占全县农民人均纯收入的
_SHARE_OF_WHOLE_BEFORE = re.compile(r"占全[市县省区国镇乡][^，,。；;占]{0,10}的$")
# a share a plan means to reach is a target (力争…占全市的30%)
_SHARE_TARGET_BEFORE = re.compile(r"达到|提高|提升|力争|确保|争取|将|要")


# The year's task and its figure inside a sentence of progress: 全年60亿元采购任务的53% (lexicon task_words)
_YEAR_TASK = re.compile(rf"(?:{_alternation('task_years')})[^，,。；;]{{0,12}}?(?P<n>[0-9０-９][0-9０-９.]*[^，,。；;的]{{0,3}}?)[^，,。；;的]{{0,10}}?"
                        rf"(?:{_alternation('task_words')})(?:的(?P<p>[0-9０-９.]+%))?")


@rule("pledge", "进度中的年度任务")
def year_task_in_progress(c: Context):
    """A year's task restated inside a sentence of its progress states the target, though the sentence speaks of
    what is done: its figure (全年60亿元) is the pledge, the share done (53%) is progress, no part of it. "截至上周，…
    完成了全年60亿元采购任务的53%" and "…已完成市政府下达的全年60亿元采购任务的53%" (中关村 news, 2011-06-20);
    "已完成北京市政府设定的全年60亿元采购任务的53%" (中关村 news, 2011-06-10, another article). The clause must name the
    year (全年, 今年, 年度), the figure and the task (lexicon task_words) in that order, and its progress (the share done
    after 的): "年度36项重点改革任务扎实推进" (山西, 2026 review) is a result, and "完成2019年度7.89亿元政府隐性债务化解
    目标" (海拉尔区, 2019) a plan the other rules read; a share of a task with no figure
    (完成基础教育优化布局总任务的70%) is left to the other rules."""
    for m in _YEAR_TASK.finditer(c.text, c.start, c.end):
        target = [q for q in c.kept if q.start == m.start("n")]
        done = [q for q in c.kept if m.group("p") and q.start == m.start("p")]
        if done and target and target[0].unit and "%" not in target[0].unit and len(target) + len(done) == len(c.kept):
            c.kept = target
            c.tense, c.tense_rule = (True, 0.7), year_task_in_progress.id
            c.found, c.found_rule = decide(_asked(c, "found"), c)
            return True
    return None


@rule("pledge", "回顾而非承诺")
def looks_back(c: Context):
    """The tense decision reads it as past or as a statistic: 1-9月，全市规上工业总产值完成4200亿元，同比增长8%
    (a rule test)."""
    c.tense, c.tense_rule = decide(_asked(c, "tense"), c)
    return False if not c.tense[0] else None


@rule("pledge", "回顾性段落")
def past_frame(c: Context):
    """A past action needs no 了 when its frame is past: under 一、过去一年工作回顾, "158个重点项目完成投资189.4亿元"
    (汉滨区, 2025) is an achievement; after 近年来,…, "今年又新增小额担保贷款300万元" (定南县, 2015) was done.
    A sentence with a word of intent (将, 要, 力争 …) still looks forward."""
    if c.tense_rule in ("begun_project_scale", "begun_project_told_elsewhere", "under_way_project_scale"):
        # 去年，我市开工建设新的体育中心，总投资约2亿元，预计明年下半年可交付使用: the completion is ahead; so it is where
        # another paragraph tells it (据了解,县影剧院改造项目总投资300多万元 … 预计今年年底竣工: 桃江县 news, 2014)
        return None
    if _in_past_frame(c.reading, c.text, c.block, c.clause) and not _INTENT.search(c.text, c.clause.sentence_start, c.end):
        return False
    return None


@rule("pledge", "上年开篇的回顾")
def past_year_opening(c: Context):
    """A paragraph that opens on a year already over reviews it, and so do the paragraphs after it
    until a heading or a word of intent: "刚刚过去的2025年，…全年GDP增长4%，快于2024年1.8个百分点"
    (山西, 2026) and, two paragraphs on, "谋划9条技术路径，制定出台20条具体举措" are that year's results,
    though 科学谋划“十五五” and 全年 stand nearby. A sentence with a word of intent (将, 要, 力争 …) still
    looks forward."""
    if c.reading.past_year_run and not _INTENT.search(c.text, c.clause.sentence_start, c.end):
        return False
    return None


_HONOURS = re.compile("|".join(map(re.escape, lexicons.words("review_honours"))))
# before an honour word in its clause: a word of intent or of seeking makes it an aim (力争入选…, 争创…获评)
_SEEKING = re.compile(r"争|努力|申报|申请|推动|创建")
_CLAUSE_START = re.compile(r"[，,。；;：:！!？?]")
_HONOURS_NEEDED = 2  # different honour words a paragraph holds before it is read as a review


def _honours_review(c: Context) -> bool:
    """Whether the paragraph holds two different words of lexicon review_honours, each without a word of intent
    or of seeking before it in its clause (read once a paragraph)."""
    key = ("honours", c.block.start)
    memo = c.reading.walk_memo
    if key not in memo:
        found = set()
        for m in _HONOURS.finditer(c.text, c.block.start, c.block.end):
            stop = None
            for stop in _CLAUSE_START.finditer(c.text, c.block.start, m.start()):
                pass
            head = c.text[stop.end() if stop else c.block.start:m.start()]
            if not _INTENT.search(head) and not _SEEKING.search(head):
                found.add(m.group(0))
        memo[key] = len(found) >= _HONOURS_NEEDED
    return memo[key]


@rule("pledge", "荣誉与成绩的段落")
def honours_paragraph(c: Context):
    """A paragraph that tells honours received and ranks held is a review, its heading shown or not: the page of
    清河县's report with sections (六)(七) of its review of 2022 and no heading ("…王官庄、油坊被命名为省级卫生乡镇,15个村被
    命名为省级卫生村,6个村入选省民主法治示范村。…" and, in the same paragraph, "完成13个美丽乡村创建"), and 东光县's review of
    2021 with its heading inside the page's one line ("…全年实现项目落地110个,获评全市唯一2021年河北省优化营商环境推动高质量发展
    先进县。" and "抢播冬小麦11.18万亩"). Two different words of lexicon review_honours, each without a word of intent or of
    seeking before it in its clause (力争入选… is an aim), make the paragraph a review; a sentence with a word of intent
    or naming the time ahead (今年, 明年, 年内) up to the number still looks forward. Decided after the rules of the
    frames and of stocks, so that it only takes what they leave."""
    if not c.kept or not _honours_review(c):
        return None
    if _INTENT.search(c.text, c.clause.sentence_start, c.end) or _AHEAD_WORDS.search(c.text, c.clause.sentence_start, c.end):
        return None
    return False


_AHEAD_WORDS = re.compile(r"今年|明年|年内|年底前|下一步|今后")


@rule("pledge", "往年的计划")
def past_years_plan(c: Context):
    """A plan of a year already over, restated beside what became of it, is no pledge, though 计划 speaks of
    intent: a sentence opening on a year before the text's own ("2016年：计划搬迁1297户7000人，其中建档立卡人口5572人。
    完成情况：…": 长顺县's poverty targets, written in 2017) or naming 去年 or 上年 before its figure ("从2021年完成
    情况来看，深圳市去年本级政府投资项目计划共安排588个，计划安排投资500亿元": 深圳市's 2022 report in the news).
    A sentence that also names the present year or a later one (在去年基础上，今年计划新建…) still looks forward."""
    if c.published is None or not c.kept:
        return None
    first = c.numbers.first
    if c.text.find("计划", c.clause.sentence_start, first) < 0:
        return None  # no plan named before the figure
    head = c.text[c.clause.sentence_start:first]
    # a list's lead runs on into its lines (…这个时间节点，我县：2016年：计划搬迁…): the line's own year opens its head
    openings = list(_YEAR_OPENS.finditer(head))
    if openings:
        head = head[openings[-1].start(1):]
    if "计划" not in head or _NOW_OR_LATER.search(head):
        return None
    years = [int(y) for y in _YEAR.findall(head)]
    if any(y >= c.published.year for y in years):
        return None
    if (openings and int(openings[-1].group(1)) < c.published.year) or _LAST_YEAR.search(head):
        return False
    return None


# a sentence, or a line after a colon, opening on a year and a colon or comma: 2016年：计划搬迁…
_YEAR_OPENS = re.compile(r"(?:^|(?<=[：:。；;]))[\s\u3000]*((?:19|20)\d\d)年[：:，,]")
_YEAR = re.compile(r"((?:19|20)\d\d)年")
_LAST_YEAR = re.compile(r"去年|上年")
_NOW_OR_LATER = re.compile(r"今年|明年|本年|年内|当年|全年")


@rule("pledge", "其中按地分解", needs=("其中",))
def place_breakdown(c: Context):
    """After 其中, a total's parts by place, each a place and its figure in the unit of the total, tell how the total
    is shared out, no pledge of their own: "2021年，列入省级重点项目11个，其中新港园区5个" (阳新县 news, 2021);
    "渝黔铁路新线全长345公里，其中，重庆境内112公里，贵州境内233公里" (重庆市 news, 2011); "完成建设安置房1469套
    （其中：长寨街道204套、广顺镇400套、摆所镇127套…）" (长顺县's poverty targets, 2017). Every piece from 其中 to the
    figure must be a place (a name ending as lexicon breakdown_place_endings ends) and its figure, and a figure of
    the same unit must stand before 其中 in the sentence; a part that does more than name its place (其中青岛段主线长
    89公里, 其中建档立卡人口5572人) is left to the other rules."""
    found = _part_after_qizhong(c, _BREAKDOWN_PARTS)
    if found is None:
        return None
    q, at = found
    totals = find_numbers(c.text[c.clause.sentence_start:at])
    return False if any(t.unit == q.unit for t in totals) else None


def _part_after_qizhong(c: Context, parts: re.Pattern[str]):
    """The piece's one figure (with a unit) and where its sentence's last 其中 before it stands, when the text
    from 其中 to the figure is all ``parts`` and nothing but a closing bracket follows the figure in the piece;
    else None. What place_breakdown and kind_breakdown share."""
    if len(c.kept) != 1 or not c.kept[0].unit:
        return None
    q = c.kept[0]
    at = c.text.rfind("其中", c.clause.sentence_start, q.start)
    if at < 0 or not parts.fullmatch(c.text, at + 2, q.start) or c.text[q.end:c.end].strip("）) \u3000"):
        return None
    return q, at


# from 其中 to the figure: earlier parts (place, figure) and the piece's own place, each after a mark
_BREAKDOWN_PLACE = rf"[\u4e00-\u9fff]{{0,8}}?(?:{_alternation('breakdown_place_endings')})"
_BREAKDOWN_PARTS = re.compile(rf"[：:，,（(\s\u3000]*(?:{_BREAKDOWN_PLACE}[0-9０-９.]+[^\s\u3000，,、；;0-9０-９]{{1,3}}[、，,；;\s\u3000]+)*"
                              rf"{_BREAKDOWN_PLACE}[\s\u3000]*")


@rule("pledge", "其中按类分解", needs=("其中",))
def kind_breakdown(c: Context):
    """After 其中, a total's parts by kind, each a kind named as a class (its name ending as lexicon
    breakdown_kind_endings ends: 类, 类项目) and its figure, tell what the total is made of, no pledge of their own:
    "今年，我区安排重点项目105个，其中，工业类3个、城市建设类28个、农业类21个、商贸流通类7个、民生社会事业类46个"
    (海拉尔区's 2015 report); "根据工作部署，2022年重大项目计划重点安排于现代产业、基础设施、民生改善三大领域：
    其中，现代产业类项目250个，个数占比28.3%" (深圳市's 2022 plan of key projects in the news: the total, 883个, two
    paragraphs before). A name ending in 类 is a class by its own word, so the total need not stand in the sentence as
    place_breakdown asks of a place; every piece from 其中 to the figure must be a class and its figure."""
    return None if _part_after_qizhong(c, _KIND_PARTS) is None else False


# from 其中 to the figure: earlier parts (class, figure) and the piece's own class, each after a mark
_KIND_NAME = rf"[\u4e00-\u9fff]{{1,8}}?(?:{_alternation('breakdown_kind_endings')})"
_KIND_PARTS = re.compile(rf"[：:，,（(\s\u3000]*(?:{_KIND_NAME}[0-9０-９.]+[^\s\u3000，,、；;0-9０-９]{{1,3}}[、，,；;\s\u3000]+)*"
                         rf"{_KIND_NAME}[\s\u3000]*")


@rule("pledge", "与他者比较")
def comparison_with_other(c: Context):
    """A clause that compares the pledge with another thing gives the other's figure or the gap, no target of its own:
    "这个目标高于全国GDP5.5%的增长目标" (深圳市's 2022 report in the news: the nation's target, after 高于 and before 的);
    "最高时速350公里，可在56分钟左右通达，比现在两地间的“和谐号”还要快1个多小时" (重庆市's rail plans, 2011 news: the
    gap with today's train, after 比…还要). Every number of the piece must stand so: between a word of lexicon
    comparison_above and 的, or right after 比…还(要) and a word of lexicon comparison_adjectives. A comparison with a
    year (比上年增长8%, 比2020年下降13.5%) has a verb, no 还要, and is left to the other rules."""
    if not c.kept:
        return None
    for q in c.kept:
        before = c.text[c.clause.start:q.start]
        other = search_not_after(_OTHER_FIGURE, "不", before) and c.text.startswith("的", q.end)
        if not (other or _GAP_WITH_OTHER.search(before)):
            return None
    return False


# 高于全国GDP…的: another's figure, between a word setting it above or below and 的
_OTHER_FIGURE = re.compile(rf"(?:{_alternation('comparison_above')})[^，,。；;的]{{1,16}}$")  # not after 不
# 比现在…还要快: the gap with another thing, after 比…还(要) and what it is more or less of
_GAP_WITH_OTHER = re.compile(rf"比[^，,。；;]{{1,20}}?还要?(?:{_alternation('comparison_adjectives')})[\s\u3000]*$")


@rule("pledge", "列举之数")
def count_of_named_kinds(c: Context):
    """A count right after a closed enumeration of the kinds it counts (three items or more between 、, with no 等 to
    leave the list open) sums the names up, no deliverable: "带动烤烟、中草药种植、大辣椒种植、果蔬大棚、畜牧业养殖5个
    产业共同发展" (柳南乡's profile, 2021); "全力支持战略新 兴、医药健康、现代服务业、特色农业四个重点产业规模化、
    集群化、高端化、特色化发展" (柳河县's policy for industry, 2023, spaced as its PDF copy is). The counted noun (after at most 重点, 主导, 特色) must be a
    word of lexicon enumerated_kinds (产业, 行业, 领域 …): 太乙、子午、五台3个街道新型农村社区 (长安区, 2022) and
    宝安燕罗、…等20个先进制造业园区 (深圳市 news, 2022) count places or parks built and are left to the other rules.

    The same holds for a count of the places or parts just named, its noun a word of lexicon enumerated_areas (片区,
    区域, 城市 …, after at most two characters of modifier) that ends the counted noun (a mark, or 内, 对, 间, 之 after
    it): the places act or hold the work, the count is no size of it: "充分发挥安阳、商丘、信阳、三门峡四个端点城市对内联动、
    对外开放作用" and "推动东北、西北、西南、东南四个片区内城市共同实施一批重大合作事项" (河南's 2026 report, batch Z);
    "儿童公园分为入口广场、农耕乐园、山体滑梯、动感游园四个主要区域" (广州 news, 2014). A place word that names
    something more (3个省级区域医疗中心, 3个街道新型农村社区) is left to the other rules."""
    if len(c.kept) != 1:
        return None
    q = c.kept[0]
    if c.text.count("、", c.clause.start, q.start) < 2 or not _CLOSED_ENUMERATION.search(c.text, c.clause.start, q.start):
        return None
    if _counted_areas().match(c.text, q.end):
        return False
    after = _KIND_MODIFIER.sub("", c.text[q.end:q.end + 10], count=1)
    words = _cut(after)
    return False if words and words[0] in _enumerated_kinds() else None


@cache
def _counted_areas() -> re.Pattern:
    """A count's noun that is a kind of place (lexicon enumerated_areas), after at most two characters of modifier,
    ending the noun: a mark, the end, or 内, 对, 间, 之 after it."""
    return re.compile(rf"[\u4e00-\u9fff]{{0,2}}?(?:{_alternation('enumerated_areas')})(?=[内对间之，,。；;、：:\s\u3000]|$)")


@cache
def _enumerated_kinds() -> frozenset[str]:
    return frozenset(lexicons.words("enumerated_kinds"))


# three items or more between 、 ending right before the number, the last with no 等 (a list left open)
_CLOSED_ENUMERATION = re.compile(r"(?:[^、，,。；;：:]{1,14}、){2,}[^、，,。；;：:]{1,14}(?<!等)$")
_KIND_MODIFIER = re.compile(r"^[\s\u3000]*(?:重点|主导|特色|支柱)?")


@rule("pledge", "完成情况", needs=lexicons.words("completion_frames"))
def completion_frame(c: Context):
    """An account of what became of a plan, opened by 完成情况 with a colon or a comma after it (or 从…完成情况来看，),
    reports results in its sentence and the one after it, within its paragraph: "2016年：计划搬迁1297户7000人，其中建档立卡人口5572人。完成情况：
    安置点共7个，涉及全县5镇1乡1街道，完成建设安置房1469套" (长顺县's poverty targets, 2017); "从2021年完成情况来看，…
    其中，交通运输、教育、科技以及信息化行业分别完成182.4亿元、164.5亿元和70.2亿元，位列各行业投资完成量前三位"
    (深圳市's 2022 report in the news). A sentence with a word of intent (将, 要, 力争 …) still looks forward.
    The frame words are lexicon completion_frames; a heading (主要目标完成情况) or
    a request (于12月31日前报送完成情况。) has no colon or comma after them and frames nothing."""
    ends, frames = block_matches(c, _COMPLETION_FRAME)
    k = bisect_right(ends, c.start)  # the frames before the quote (the paragraph's matches found once)
    if not k:
        return None
    # the frame reaches its own sentence and the one after it (其中，…分别完成…), not a whole run-on paragraph,
    # nor a sentence with a word of intent
    stops = block_positions(c, "。")
    if bisect_left(stops, c.clause.sentence_start) - bisect_left(stops, frames[k - 1].end()) > 1 \
            or _INTENT.search(c.text, c.clause.sentence_start, c.end):
        return None
    return False


# 完成情况：, 完成情况，, 完成情况来看，: the frame, then a colon or a comma
_COMPLETION_FRAME = re.compile(rf"(?:{_alternation('completion_frames')})(?:来看)?[：:，,]")


def _every_number_after(c: Context, before: re.Pattern, reach: int):
    """False (no pledge) when every number of the piece follows, within ``reach`` characters of its clause, what
    ``before`` matches (a head that makes the number a description: 设计时速, 辖区面积); None (undecided) otherwise."""
    if not c.kept:
        return None
    for q in c.kept:
        if not before.search(c.text, max(c.clause.start, q.start - reach), q.start):
            return None
    return False


@rule("pledge", "辖区面积", needs=lexicons.words("place_area_heads"))
def place_area(c: Context):
    """The area a place covers (lexicon place_area_heads: 辖区面积, 幅员面积, 总面积, 流域面积 …) said right before a
    number in square kilometres is the place's size, not a target, whatever the sentences around it intend:
    "万亿元市辖区是什么概念？具体至海淀区，该辖区面积431平方公里" (海淀区 news of 2022, after 海淀区将在2022年跨进万亿);
    "全镇幅员面积569.08平方公里" (凉水镇's profile, 2021); "全乡幅员面积150平方公里" (柳南乡's profile, 2021). Every number
    of the piece must be such an area; a verb of work before the head (治理…面积, 新增…面积) is not this rule's."""
    if not all(u.endswith(("平方公里", "平方千米")) for u in c.numbers.units):
        return None
    return _every_number_after(c, _PLACE_AREA_BEFORE, 10)


# the head right before the number: 辖区面积431平方公里, 幅员面积为150平方公里, 总面积约286.8平方公里
_PLACE_AREA_BEFORE = re.compile(rf"(?<!治理)(?<!新增)(?<!建设)(?<!改造)(?<!整治)(?<!修复)(?<!规划)(?:{_alternation('place_area_heads')})[为达约共]?[\s\u3000]*$")


@rule("pledge", "问句", needs=("？", "?"))
def question_clause(c: Context):
    """A clause that closes with a question mark asks; it commits to nothing, whatever the words of intent around it:
    "GDP今年破两亿元？" (a news item's lead on whether 杭州 reaches 2万亿 this year, 2021); "那么，深圳的3万亿之路是
    如何炼成的？" (深圳 news of the leaders' greeting letter, 2022). Only the clause holding the number is read: in
    "这个目标高于全国GDP5.5%的增长目标，也高于其他一线城市，深圳的底气何在，如何实现？" the number's clause ends with
    a comma, and the question is the sentence's, not the number's."""
    return False if c.text[c.clause.end:c.clause.end + 1] in ("？", "?") else None


@rule("pledge", "随着", needs=("随着",))
def circumstance_clause(c: Context):
    """A clause that opens with 随着 names the circumstance the sentence goes on from (a change done or under way),
    not a target of its own: "随着深圳经济总量破3万亿元，分析人士预计，…" (深圳 news of its 十四五 targets, 2022);
    "经济总量方面，随着深圳经济总量破3万亿元，预计2021年粤港澳大湾区11城GDP可超过12万亿人民币" (深圳 news of the
    leaders' greeting letter, 2022). The clause after it keeps its own reading: "随着这次签约，盈科资本将迁移12个基金…"
    (a seed) is read as before."""
    return False if c.text.startswith("随着", c.clause.start) else None


@rule("pledge", "同比", needs=lexicons.words("year_on_year_words"))
def year_on_year_result(c: Context):
    """A figure compared with the same period of the year before (lexicon year_on_year_words: 同比, 上年同期, 去年同期)
    in the quote is a growth measured against last year, as statistics report it, not a target, whatever cue the
    paragraph carries: "总投资35674.8亿元，同比增长26.2%，年度计划完成2241.3亿元，同比增长6.3%" (深圳 news of the year's
    projects, 2022: the plan's sums against last year's, each growth a clause of its own); "商品销售和社会消费品零售总额同比
    分别增长14.3%" and "居民人均可支配收入同比增长9%" (宝山区 news of its review, 2019). No pledge of the corpus, the pages or
    the seeds is stated 同比, and 38 negatives of their gold are. Only the quote is read: the figure before 同比增长 in the
    next clause keeps its own reading (深圳's 共安排项目883个，总投资35674.8亿元 is the year's plan), and a word of intent
    before 同比 in its clause makes it a target (今年将确保规上工业增加值同比增长7%, a rule test; 计划 there names a plan's
    sum: "水泥行业固定资产总计划投资同比增加16%", 新疆 news of April's statistics, 2011)."""
    found = _YEAR_ON_YEAR.search(c.text, c.start, c.end)
    if found is None:
        return None
    intent = _INTENT.search(c.text, c.clause.start, found.start())
    while intent is not None and intent.group(0) == "计划":  # 计划投资同比增加16%: a plan's sum measured, no intent
        intent = _INTENT.search(c.text, intent.end(), found.start())
    return False if intent is None else None


_YEAR_ON_YEAR = re.compile(_alternation("year_on_year_words"))


@rule("pledge", "会场人数", needs=lexicons.words("attendance_words"))
def event_attendance(c: Context):
    """Who was at an event, counted, is what happened there, not a target: a word of attendance (lexicon
    attendance_words: 济济一堂, 座无虚席, 出席, 发问 …) after the number in its sentence, and no word of intent in the
    sentence. "200多名来自美国加州大学、中科院药研所…的代表济济一堂" (扬州 news of a forum, 2014); "西城区261个社区的
    数百位居民和各单位的职工代表座无虚席，…并与5位副区长一同回答市民提问" and "十多位市民就入园难、停车难等发问"
    (西城区 news of a public meeting, 2016)."""
    if not c.kept:
        return None
    end = c.text.find("。", c.kept[-1].end)
    end = len(c.text) if end < 0 else end
    if _ATTENDANCE.search(c.text, c.kept[-1].end, end) is None \
            or _INTENT.search(c.text, c.clause.sentence_start, end):
        return None
    return False


_ATTENDANCE = re.compile(_alternation("attendance_words"))


@rule("pledge", "设计时速", needs=lexicons.words("speed_words"))
def design_speed(c: Context):
    """A speed a road, a line or a train is built or run at is its specification, not a target: "渝黔新线规划设计速度
    250公里/小时，运行速度200公里/小时，工期5年" and "最高时速350公里" (重庆市's rail plans, 2011 news); "本路段为双向
    四车道标准，设计时速80公里" and "将开行时速200公里的动车组" (四川's highways, 2011 news). Every number of the
    piece must follow a word of speed (lexicon speed_words)."""
    return _every_number_after(c, _SPEED_BEFORE, 8)


# a word of speed right before the number: 设计速度250公里/小时, 设计时速80公里, 最高时速350公里, 设计速度为80公里/小时
_SPEED_BEFORE = re.compile(rf"(?:{_alternation('speed_words')})[为达约]?[\s\u3000]*$")


@rule("pledge", "成效式段首")
def outcome_lead(c: Context):
    """A paragraph led by a subject and what became of it (lexicon outcome_leads) reviews, and so do the
    paragraphs after it until a heading or a word of intent: under "文化遗产焕发生机。", "10个项目列入中国
    世界文化遗产预备名单" (福建, 2026) is a result; after "就业形势保持稳定。", "城镇新增就业86.22万人"
    (海南, 2026). A plan's lead opens with a verb instead (着力促进就业增收。: 西藏, 2026)."""
    if c.reading.outcome_run and not _INTENT.search(c.text, c.clause.sentence_start, c.end):
        return False
    return None


@rule("pledge", "现状存量")
def present_stock(c: Context):
    """What a place has now is a description, not a pledge: a sentence that says so before the number
    (目前, 当前, 现有, 拥有, 共有, 有 + a number) without a word of intent. "目前拥有茶园13.8万亩，…共有茶叶
    加工厂220多家，规模以上企业10多家" (三江侗族自治县 news, 2011); "目前，全市农村建垃圾焚烧炉81个，垃圾
    填埋场52个" (黄山市 news, 2011); "平台开通5个月来，有9家供应商因服务不到位等原因被警告" (南京市 news, 2011)."""
    if c.tense_rule in _CLAUSE_CUES or c.tense_rule == "begun_project_scale":
        # 目前，总投入800万元的镇级文化广场正在建设，预计今年8月底完工 (平陵镇 news): a project under way, its completion ahead
        return None  # 在巩固现有航线的基础上，年内新开通…3条航线: the clause's own time ahead outweighs the sentence's 现有
    first = c.numbers.first if c.kept else c.start
    for m in present_stock_words(c.text, c.clause.sentence_start, first + 1):
        if _RATE_BASIS_BEFORE.search(c.text, max(c.clause.sentence_start, m.start() - 5), m.start()):
            continue  # 每千人口拥有执业医师数达到3.5人: an indicator's name, not a description
        if len(m.group(0)) > 1 and m.group(0) not in _cut(c.text[max(c.clause.sentence_start, m.start() - 3):m.end() + 2]):
            continue  # 做实重大项目前期工作: 目前 across two words is no word
        # a clause that opens on the present word speaks of the present whatever the clause before it intends:
        # “要对储备粮的规模进行合理的评估，现在县里500万公斤储备粮的量…是很容易完成的” (监利县 news, 2011)
        opens = m.start() == c.clause.sentence_start or c.text[m.start() - 1] in _CLAUSE_OPENERS
        return None if _INTENT.search(c.text, m.start() if opens else c.clause.sentence_start, c.end) else False
    return None


_CLAUSE_OPENERS = "，,；;：:“\"「"

#: the tense rules that found the cue in the number's own clause
_CLAUSE_CUES = frozenset({"cue_before_number", "cue_after_number"})


@rule("pledge", "罚款", needs=("罚", *lexicons.words("penalty_words")))
def penalty_amount(c: Context):
    """A fine is what an offender pays, not a sum the government spends nor a target: every number of the piece a sum
    of money (or 万 of it) right after 罚 (罚２万, 可罚５０万, 要罚２万), or after 处/处以 with a penalty word of lexicon
    penalty_words (罚款, 罚金) after it in its clause. "施工不当损伤树木，即罚２万－１０万元，若是损害古树名木，最高可罚
    ５０万" and "建设单位未采取避让和保护措施…的，处以２万元以上１０万元以下罚款" (广州市 news of its greening regulation,
    2012); "…或者与招标人、投标人串通损害国家利益的，处5万元以上25万元以下的罚款" (平凉市 news of a tendering rule, 2011)."""
    if not c.kept or not all((q.unit or "").endswith(("元", "万")) for q in c.kept):
        return None
    text, first, last = c.text, c.kept[0], c.kept[-1]
    if all(_FINE_BEFORE.search(text, max(c.clause.start, q.start - 4), q.start)
           or i and _RANGE_JOIN.fullmatch(text, c.kept[i - 1].end, q.start) for i, q in enumerate(c.kept)):
        return False  # 即罚２万－１０万元 (the second sum joined to the first), 最高可罚５０万
    if _LEVY_BEFORE.search(text, max(c.clause.start, first.start - 3), first.start) \
            and _PENALTY_AFTER.search(text, last.end, c.clause.end):
        return False  # 处以２万元以上１０万元以下罚款: the first sum after 处以, the penalty word after the last
    return None


# 罚２万, 可罚５０万, 要罚２万, 最高罚５０万: 罚 right before the sum (a word of two characters between at most)
_FINE_BEFORE = re.compile(r"罚[可要处]?[\s\u3000]*$")
_RANGE_JOIN = re.compile(r"[－\-—~～至到]")
_LEVY_BEFORE = re.compile(r"处以?[\s\u3000]*$")
_PENALTY_AFTER = re.compile(rf"(?:{_alternation('penalty_words')})")


@rule("pledge", "法规条文", needs=("《",))
def law_provision(c: Context):
    """A law's or a regulation's provisions are its norms (a minimum, a ratio, a fine, a standard of relief), not the
    government's targets: a number after a clause that opens on the name of a law in book-title marks (its last word one
    of lexicon law_names: 条例, 法, 办法, 细则) with 规定, 明确 or 要求 after it, to the end of its paragraph. "《条例》明确，
    居住区、居住小区和住宅组团的绿地率不低于３０％，旧城改造区及城中村不低于２５％。其中人均公共绿地面积，居住区不低于
    １．５平方米，…" (广州市 news of its greening regulation, 2012); "《条例》规定，灾害救助可以采取…等方式。…五、遇难人员
    家属抚慰金：每名遇难者不低于五千元。" (深圳市 news of its draft assistance regulation, 2012). A plan's name (《…规划》
    提出) is no law's; plan_is_the_source reads its figures as targets."""
    ends, _ = block_matches(c, _LAW_PROVISION)
    return False if bisect_right(ends, c.start) else None


# 《条例》规定, 《深圳经济特区社会救助条例》明确, 《政府采购法》要求: at a clause's opening
_LAW_PROVISION = re.compile(rf"(?:^|(?<=[，,。；;：:\n]))《[^《》]{{0,40}}(?:{_alternation('law_names')})》(?:规定|明确|要求)")


@rule("pledge", "假设", needs=(*lexicons.words("condition_words"), "的话"))
def hypothetical_clause(c: Context):
    """A clause that supposes (a conjunction of lexicon condition_words: 如果, 假如, 倘若 …, or a clause ending in 的话)
    states a condition, and the rest of its sentence what would follow; neither commits to anything (a condition in the
    number's own clause or in a clause before it in its sentence): "６万多家餐馆如果都
    安装这样的装置，费用是否昂贵？" (北京市 news of its waste-oil cameras, 2012); "如果按照新闻报道，“双城雨润国际农产品
    采购中心”项目占地面积157万平方米，这样大规模的占地项目，如何能获得审批通过，让人不解" (双城市 news, 2011); "…放在浙医
    二院本部进行的话，加上交通转运等开销，赵女士自己要自付的费用就将超过8000元" (建德市 news, 2013). A condition in a later
    clause of the sentence leaves the number to the other rules."""
    if not c.kept:
        return None
    return False if _SUPPOSES.search(c.text, c.clause.sentence_start, c.clause.end) else None


# 如果…, 假如…, or a clause ending in 的话 before the number in its sentence
_SUPPOSES = re.compile(rf"(?:{_alternation('condition_words')})|的话[，,]")


@rule("pledge", "昨日之事", needs=lexicons.words("past_days"))
def past_day_opening(c: Context):
    """A news sentence that opens on a day already past (lexicon past_days: 昨天, 昨日, 前天, 前日, a part of the day after
    it, then a comma; or a clause of the sentence before the number so opened) tells what happened that day, unless a
    word of intent in the sentence looks forward (昨天，记者从…
    获悉，今年将…): "前天上午，北京市首批公共自行车开始投入使用，共计２０００辆，分布在地铁５号线、地铁１０号线沿线等６３个
    租赁点" (北京市 news of its public bicycles, 2012); "昨日，广州市林业和园林局在英雄广场举行“依法护绿治绿，打造花城绿城”
    的大型法规宣传活动，约１０００人参加" (广州市 news of its greening regulation, 2012: 为了普及新条例，昨日，…). Only the
    sentence is read: a paragraph is not framed by it."""
    if not c.kept or not _PAST_DAY.search(c.text, c.clause.sentence_start, c.kept[0].start):
        return None
    stop = c.text.find("。", c.clause.end)
    if _INTENT.search(c.text, c.clause.sentence_start, len(c.text) if stop < 0 else stop):
        return None
    return False


# 昨日，…; 前天上午，…: a day already past, a part of the day, a comma, opening the sentence or one of its clauses
_PAST_DAY = re.compile(rf"(?:^|(?<=[，,。！？\n]))(?:{_alternation('past_days')})(?:上午|下午|中午|晚上|晚间|早上|早晨|凌晨|夜间)?[，,]")


@rule("pledge", "相关新闻列表", needs=lexicons.words("related_list_headings"))
def related_list(c: Context):
    """A news page's list of other pages, after a line that is only its heading (lexicon related_list_headings:
    相关新闻, 相关链接, 热门分享 …, a colon or >> after it at most), holds other articles' headlines to the page's end,
    not the page's pledges: "相关新闻 / - 2011-12-14北京中轴线时间博物馆明年开建 计划投资1.6亿元" (闽侯县's museum news,
    2012); "相关新闻 / - 2013-01-15今年莆田市交通基础设施建设计划投资48.29亿" (城厢区's news, 2013); "热门分享 /
    - 福州明年要办好六件大事…" (福州市's news, 2008). The heading is looked for once a document."""
    memo = c.reading.walk_memo
    start = memo.get("related_list")
    if start is None:
        m = _RELATED_HEADING.search(c.text)
        start = memo["related_list"] = m.start() if m else len(c.text)
    return False if c.clause.start > start else None


# 相关新闻, 相关阅读：, 相关评论>>: a line that is a related-list heading and nothing else
_RELATED_HEADING = re.compile(rf"(?:^|(?<=\n))[ \t\u3000]*(?:{_alternation('related_list_headings')})[:：>》]*[ \t\u3000]*(?=\n|$)")


@rule("pledge", "前瞻的数量")
def forward_quantity(c: Context):
    """A quantity that measures a deliverable in a clause that looks forward: 全年开工重点项目2000个以上
    (安徽, 2026); 张店区委书记马晓磊表示，今年将新建幼儿园3所 (a rule test)."""
    return True


#: Whether a clause piece is a pledge: the first rule that says no decides. On their way the rules set
#: on the context, in this order, what the later decisions read: the quote's numbers (``in_quote``), the
#: numbers that size it (``kept``), the baseline, the tense (TENSE_RULES) and the object its words name
#: (``found``, FOUND_RULES); so the order of this list is also the order of that reading. The tense comes
#: before the object because the object costs a jieba cut and the tense turns down about four in ten pieces.
PLEDGE_RULES = (related_list, reach_of_pledge_before, spans_and_ages_only, one_as_article, places_of_the_work, parties_to_an_act, dimension_standard, kind_dimension, site_area_apart, items_of_a_standard, programme_name,
                magnitude_as_epithet, capacity_names_facility, place_area, event_attendance, question_clause, circumstance_clause, penalty_amount, law_provision, hypothetical_clause, past_day_opening, payment_rate, unit_cost, policy_terms, shares_of_a_whole, share_opens_clause, year_task_in_progress, looks_back, classes_of_a_division, abstract_object,
                past_frame, past_year_opening, past_years_plan, place_breakdown, kind_breakdown, comparison_with_other, count_of_named_kinds, count_before_its_names, completion_frame, design_speed, outcome_lead, present_stock, honours_paragraph, year_on_year_result, forward_quantity)


# 第 1 条 设立…, 第19条 对…: a policy's article number, spaced as a PDF copy spaces it, is the list's word too
_ARTICLE_MARKER = re.compile(r"第[ \u3000]*[\d一二三四五六七八九十百]+(?:[ \u3000]*\d)*[ \u3000]*条[ \u3000]*(?=[\u4e00-\u9fff“‘])")


def _asked_lists(reading: _Reading, text: str) -> dict[str, tuple]:
    """Every decision list a candidate asks, each without the rules that need words ``text`` (the document) lacks
    (``rules.asked``), found for the first candidate of a document and kept on its reading."""
    lists = (PLEDGE_RULES, TENSE_RULES, FOUND_RULES, ELLIPSIS_RULES, ACTION_RULES, QUALIFIER_RULES, DEADLINE_RULES,
             OFFICIAL_RULES, DISTRICT_RULES)  # read anew each document: a test may put another list in place of one
    needed = _needed(lists)
    reading.asked = dict(zip(_LIST_NAMES, needed.asked(needed.found(text))))
    return reading.asked


_LIST_NAMES = ("pledge", "tense", "found", "ellipsis", "action", "qualifier", "deadline", "official", "district")
_needed_of: dict[tuple[int, ...], tuple[tuple, Needed]] = {}


def _needed(lists: tuple[tuple, ...]) -> Needed:
    """The words the rules of ``lists`` need, found by one scan of a document: built once for the lists a process
    reads (by their identity)."""
    key = tuple(map(id, lists))
    got = _needed_of.get(key)
    if got is None or any(a is not b for a, b in zip(got[0], lists)):
        got = _needed_of[key] = (lists, Needed(lists))
    return got[1]


def _asked(c: Context, name: str) -> tuple:
    """Decision list ``name`` as the candidate's document asks it (``_asked_lists``)."""
    return (c.reading.asked or _asked_lists(c.reading, c.text))[name]


def candidate(para: Paragraph, reading: _Reading, ci: int, start: int, end: int,
              qs: list[NumberToken]) -> Candidate | None:
    """The candidate of the clause piece ``start``:``end`` of clause ``ci``, or None when it is no pledge."""
    text = para.norm.text
    # Trim quote marks and white space at the edges of the quote.
    while start < end and text[start] in _QUOTE_MARKS + _BULLETS + " ":
        start += 1
    while end > start and text[end - 1] in _QUOTE_MARKS + " ":
        end -= 1
    # 一是新开工项目不少于20个, 1.新建…, （三）改造…: the list's word, not the pledge's
    marker = _ENUM_MARKER.match(text, start, end) or _ARTICLE_MARKER.match(text, start, end)
    if marker:
        start = marker.end()
    c = Context(para, reading, ci, start, end, qs)
    lists = reading.asked or _asked_lists(reading, text)
    is_pledge, pledge_rule = decide(lists["pledge"], c)
    if not is_pledge:
        reading.declined.append((start, end, pledge_rule, c.tense_rule))
        return None
    obj, object_rule = (c.found[0], c.found_rule) if c.found else decide(lists["ellipsis"], c)
    action, action_rule = decide(lists["action"], c)
    qualifier, qualifier_rule = decide(lists["qualifier"], c)
    deadline, deadline_rule = decide(lists["deadline"], c)
    official, official_rule = decide(lists["official"], c)
    district, district_rule = decide(lists["district"], c)
    official, district = official or None, district or None  # NOBODY: the text makes it no government's
    unit, unit_rule = responsible_unit_with_rule(text, c.clause.sentence_start, start, end, c.block.end,
                                                 reading.official)
    kept = c.kept
    strength = c.tense[1]
    confidence = 0.45 + 0.2 * strength + (0.1 if action else 0) + (0.1 if obj else 0) \
        + (0.05 if deadline.raw else 0) + (0.05 if any(q.role in (Role.COUNT, Role.AMOUNT, Role.AREA, Role.LENGTH) for q in kept) else 0)
    why = (("pledge", pledge_rule), ("tense", c.tense_rule), ("action", action_rule), ("object", object_rule),
           ("quantities", baseline_apart.id if c.baseline else years_as_target.id
            if any(q.kind == "target" for q in kept) else "numbers_of_quote"), ("qualifier", qualifier_rule), ("deadline", deadline_rule),
           ("district", district_rule), ("official", official_rule), ("responsible_unit", unit_rule))
    return Candidate(
        quote=text[start:end], start=start, end=end,
        quantities=tuple(_quantity(q) for q in kept),
        action=action or None, object=obj, qualifier=qualifier, deadline=deadline,
        district=district, official=official, confidence=min(confidence, 0.99), responsible_unit=unit, why=why,
    )


@rule("quantities", "引文中的数量")
def numbers_of_quote(c: Context):
    """The numbers of the quote that size the pledge, a time span or an age beside another number left out
    (为65岁以上老年人体检20万人次 counts 20万人次), thresholds last (5亿元以上项目60个)."""
    return c.kept
