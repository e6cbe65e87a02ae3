"""Follow-up: what a later text (a work report's review, a 完成情况 notice) says became of each pledge.

A pure module: pledges (``Candidate``) of an earlier plan and a later, already extracted document in;
one ``Finding`` per pledge out. No Flask, no SQLAlchemy, no I/O beyond the lexicon files.

Silence is the most common answer. A review statement reports a pledge only when it names the
pledge's object (its head and most of its modifiers, under one name per indicator), measures it in
the same dimension (家 and 万家 compare; 家 and % do not), with a verb of a compatible class (新增 is
not 淘汰; 达到 reports a stock, not an increment; 增长8% is a rate, 119.7亿元 a level), for the
period the pledge is due (a 年均 or 到2021年 target is not due at a one-year review), and is itself
an outcome rather than a target (the review's own 今年发展主要预期目标 or 原定的900万人以上的目标).
The link decides nothing about the outcome: the numbers do.

Each decision is a small named rule (``rule_*`` below) whose docstring quotes the real text it was
written from; a ``Finding`` carries the name of the rule that decided it.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from enum import Enum
from bisect import bisect_left
from functools import cache, lru_cache
from pathlib import Path

from tracker.extract import lexicons
from tracker.extract.model import Candidate, Quantity, Role, json_number
from tracker.extract.numbers import find_numbers, unit_table
from tracker.extract.script import reading_of, reading_of_piece

__all__ = ["MATCHER_VERSION", "Evidence", "Finding", "Outcome", "Restatement", "follow_up", "restatements"]

_LEXICONS = ("followup_verbs", "followup_synonyms", "followup_lower_better", "followup_classifiers", "followup_parts")


def _version() -> str:
    h = hashlib.sha256(Path(__file__).read_bytes())
    for name in _LEXICONS:
        h.update(Path(lexicons.path(name)).read_bytes())
    return h.hexdigest()[:12]


MATCHER_VERSION: str = _version()


class Outcome(str, Enum):
    DONE = "done"
    EXCEEDED = "exceeded"
    PARTIAL = "partial"
    MISSED = "missed"
    NOT_REPORTED = "not_reported"
    NOT_DUE = "not_due"


@dataclass(frozen=True)
class Evidence:
    quote: str
    start: int  # offsets in the review's normalised text
    end: int

    def to_dict(self) -> dict:
        return {"quote": self.quote, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class Finding:
    pledge: Candidate
    outcome: Outcome
    evidence: Evidence | None
    reported: tuple[Quantity, ...]  # the evidence's figures, the one the outcome was read from first; review offsets
    confidence: float
    rule: str = field(default="", compare=False)  # the rule that decided, for the reviewer's screen

    def to_dict(self) -> dict:
        return {
            **self.pledge.to_dict(),
            "outcome": self.outcome.value,
            "evidence": self.evidence.to_dict() if self.evidence else None,
            "reported": [{"value": json_number(q.value), "unit": q.unit, "raw": q.raw} for q in self.reported],
            "confidence": round(self.confidence, 3),
        }


@dataclass(frozen=True)
class Restatement:
    earlier: Candidate
    later: Candidate
    changes: tuple[str, ...]  # target_raised, target_lowered, deadline_later, deadline_earlier, same
    confidence: float


# ---------------------------------------------------------------------------------------------
# Words


_MAGNITUDE = (("万亿", Decimal(10) ** 12), ("千亿", Decimal(10) ** 11), ("百亿", Decimal(10) ** 10),
              ("十亿", Decimal(10) ** 9), ("千万", Decimal(10) ** 7), ("百万", Decimal(10) ** 6),
              ("十万", Decimal(10) ** 5), ("亿", Decimal(10) ** 8), ("万", Decimal(10) ** 4),
              ("千", Decimal(1000)), ("百", Decimal(100)))
_SAME_DIMENSION = {"平米": "平方米", "㎡": "平方米", "km": "公里", "千米": "公里", "％": "%"}


def dimension(unit: str | None) -> tuple[str, Decimal]:
    """``rule_unit_dimension_and_scale``: a unit's dimension and scale, so that figures of one
    dimension compare whatever their magnitude.

    Real cases: 粮食产量保持在1.3万亿斤以上 against 粮食产量1.37万亿斤,增产74亿斤 (万亿斤 and 亿斤 are both
    斤); 新增科技型中小企业1000家 against 2万家 (家 and 万家)."""
    u = (unit or "").strip()
    scale = Decimal(1)
    for mag, factor in _MAGNITUDE:
        if u.startswith(mag) and len(u) > len(mag):
            u, scale = u[len(mag):], factor
            break
    u = _SAME_DIMENSION.get(u, u)
    return u, scale


@cache
def _classifiers() -> tuple[tuple[str, frozenset[str]], ...]:
    return tuple((r[0], frozenset(r[1:])) for r in lexicons.rows("followup_classifiers") if len(r) > 2)


def rule_classifier_variants(obj: str, dim: str) -> frozenset[str]:
    """The units a count of ``obj`` may be reported in: its own, or, for an object named in lexicon
    followup_classifiers, every classifier of its line (个 is the general classifier).

    Real cases: 平价蔬菜超市，年内完成20个 (海拉尔区's 2013 report) against 新建10家平价蔬菜超市和直销店 (its 2014
    report: missed), the same shops counted 建成平价蔬菜超市和销售网点26个 a year later; 力争年内新增就业岗位5000个
    (its 2014 report) against 实现城镇新增就业5487人 (its 2015 report: exceeded), new jobs spelt as posts as in
    中国计划创造1100万个工作岗位 (新华社 on 国务院's 2017 城镇新增就业 target)."""
    for name, dims in _classifiers():
        if obj.endswith(name) and dim in dims:
            return dims
    return frozenset((dim,))


@cache
def _parts() -> tuple[tuple[str, tuple[tuple[str, ...], ...]], ...]:
    return tuple((r[0], tuple(tuple(w for w in f.split("|") if w) for f in r[1:]))
                 for r in lexicons.rows("followup_parts") if len(r) > 2)


def rule_respective_parts(obj: str, window: str) -> int | None:
    """The place of the pledge's part among the parts a review statement names together, or None.

    A statement naming a whole by its parts (城乡, or 城镇、农村 in a row) gives their figures in that order
    (lexicon followup_parts); a pledge on one of the parts takes the figure of its place, not the figure of its
    own place in its plan sentence. Real cases: 农村常住居民人均可支配收入17063元,增幅10.8% against 城乡居民人均可支配
    收入28100元和16042元,分别增长9%、8.82% (嘉鱼县, 2017 → 2018: 16042元, the second); 农民人均纯收入增长11% against
    城乡居民人均可支配收入分别增长8.7%和8.6% (海拉尔区, 2015 → 2016: 8.6%)."""
    for whole, parts in _parts():
        named = [i for i, words in enumerate(parts) if any(w in obj for w in words)]
        if len(named) != 1:
            continue  # the pledge names the whole, or both parts (城镇和农村…分别增长): its own order holds
        if whole in window:
            return named[0]
        at = [min((i for i in (window.find(w) for w in words) if i >= 0), default=-1) for words in parts]
        if all(i >= 0 for i in at) and at == sorted(at):
            return named[0]
    return None


@cache
def _verb_table() -> tuple[dict[str, str], re.Pattern]:
    table = lexicons.mapping("followup_verbs")
    return table, re.compile("|".join(re.escape(w) for w in sorted(table, key=len, reverse=True)))


def verb_class(text: str) -> str | None:
    """The class of the last outcome verb in ``text`` (the words before a figure)."""
    table, pat = _verb_table()
    last = None
    for m in pat.finditer(text):
        last = m.group()
    return table.get(last) if last else None


@cache
def _synonyms() -> tuple[dict[str, str], re.Pattern]:
    table = lexicons.mapping("followup_synonyms")
    return table, re.compile("|".join(re.escape(w) for w in sorted(table, key=len, reverse=True)))


def canonical(text: str) -> str:
    """``rule_indicator_synonyms``: one name per indicator.

    Real cases: 报告将2019年北京GDP预期增长目标设定为6%-6.5% against 全市地区生产总值比上年增长6.2%左右
    (北京市); 居民消费价格涨幅3.5%左右 against 全国居民消费价格指数(CPI)涨幅为2.5% (国务院)."""
    table, pat = _synonyms()
    return pat.sub(lambda m: table[m.group()], text) if table else text


@cache
def _lower_better() -> tuple[str, ...]:
    return lexicons.words("followup_lower_better")


def lower_is_better(obj: str) -> bool:
    """``rule_lower_is_better``: an unemployment rate or a price rise is a ceiling without 以内.

    Real cases: 城镇登记失业率5.5%左右 against 年末城镇登记失业率为3.62% (国务院, 2020: 优于预期目标);
    居民消费价格涨幅3%左右 against 居民消费价格上涨0.9% (国务院, 2021)."""
    return any(w in obj for w in _lower_better())


_RATE_WORDS = re.compile(r"(?:的)?(?:涨幅|增幅|增速|增长率|增长|降幅|上涨)$")
_CJK = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]")


def _words(s: str) -> str:
    return "".join(_CJK.findall(s))


@lru_cache(maxsize=4096)
def _pairs(s: str) -> tuple[str, ...]:
    return tuple(s[i:i + 2] for i in range(len(s) - 1)) if len(s) > 1 else (s,)


def rule_object_head_and_modifiers(obj: str, window: str) -> float:
    """Share of the object's character pairs the review's words hold; 0 unless its head (last pair) is there.

    Real cases: 淘汰落后织机2000台以上 is not reported by 全县先进无梭织机达到7200余台,新增2000多台
    (高阳县: 织机 is there, 落后 is not); 城镇登记失业率4.5%以内 is not reported by 调查失业率在5.3%以下
    (国务院, 2019: 登记 is not 调查), while 城镇调查失业率5.5%左右 is."""
    if not obj:
        return 0.0
    pairs = _pairs(obj)
    if pairs[-1] not in window:
        return 0.0
    return sum(1 for p in pairs if p in window) / len(pairs)


# ---------------------------------------------------------------------------------------------
# The review's figures


_SENTENCE = re.compile(r"[。！？!?\n]")
_CLAUSE = re.compile(r"[，,；;：:]")
_TARGET_CUES = re.compile(r"预期目标|目标是|目标为|目标:|目标：|任务清单|今年将|今年要|明年将|明年要|力争|提出,|提出，|提出:")
_PAST_AFTER_CUE = re.compile(r"完成|实现了|超额|达到了|落实情况")
_TARGET_BEFORE = re.compile(r"(?:原定|原计划|计划|目标|年度目标|任务|预期)(?:的|为|是)?(?:约|近)?$")
_TARGET_AFTER = re.compile(r"^(?:以上|以内|左右)?(?:的)?(?:年度)?(?:目标|任务|预期|计划)")
_TARGET_SECTION = re.compile(r"目标|任务|计划|安排")
_REVIEW_SECTION = re.compile(r"成绩|回顾|完成|实现|成效|过去|去年|落实情况")
_BULLET = re.compile(r"^[●•·▪◆■\-—*]|^\d+[、.．]|^[（(][一二三四五六七八九十\d]+[）)]")
_ESTIMATE = ("预计", "初步预计", "初步统计", "预期")
# ``rule_aside_is_transparent``: a figure-less aside between an object and its rate. Real cases: 实现地区生产总值
# 41610.9亿元,按不变价格计算,比上年增长0.7% (北京市统计局, 2022 results); 全市完成地区生产总值802.81亿元,按可比价格
# 计算,比上年同期增长28.6% (咸宁市's account of its 2021 targets, pages corpus).
_ASIDE = re.compile(r"^\s*(?:按[^，,；;]{0,8}(?:计算|计)|扣除[^，,；;]{0,10}因素|同口径|可比口径|剔除[^，,；;]{0,10}因素)\s*$")
# ``rule_aside_names_no_object``: nor is an aside inside a clause with a figure its object, so the clause borrows the
# object of the clause before. Real cases: 一般公共财政预算收入完成17亿元,按可比口径增长13% (海拉尔区's 2017 report,
# of 2016); 地区生产总值达到 287.9亿元,同比增长8.9%（按可比价计算） (its 2016 report, of 2015).
_ASIDE_WORDS = re.compile(r"[（(]?(?:按[^，,；;（）()\d]{0,8}?(?:计算|计|口径)|扣除[^，,；;\d]{0,10}因素|剔除[^，,；;\d]{0,10}因素"
                          r"|同口径|可比口径)[）)]?")


@dataclass(frozen=True)
class _Figure:
    start: int
    end: int
    value: Decimal
    unit: str
    raw: str
    role: Role
    dim: str
    base: Decimal
    clause_start: int
    clause_end: int
    context_start: int  # where the words naming its object begin (an object-less clause borrows)
    verb: str | None  # class of the last verb before it in its clause
    is_target: bool
    ordinal: int  # its place among the figures of its dimension in its clause (分别增长8.8%和10%)

    def quantity(self) -> Quantity:
        return Quantity(self.value, self.unit, self.raw, self.start, self.end, self.role)


def _figures_in(clause: str):
    """The quantities of a clause, with 2000多台 read as a count (the number reader takes a bare
    four-digit number before 多/余 for a year)."""
    _, unit_re = unit_table()
    for t in find_numbers(clause):
        if t.kind == "quantity" and t.value is not None:
            yield t.start, t.end, t.value, t.unit or "", t.role
        elif t.kind == "year" and clause[t.end:t.end + 1] in ("多", "余"):
            u = unit_re.match(clause, t.end + 1)
            if u:
                yield t.start, u.end(), t.value, u.group(0), unit_table()[0].get(u.group(0), Role.OTHER)


class _Review:
    """The review's figures, indexed by unit dimension and by the character pairs of the words around them."""

    def __init__(self, text: str, blocks):
        # ``rule_review_read_in_simplified``: a review in traditional characters, or with each word's pinyin in
        # brackets, is read through the reading the extractor reads it by (tracker.extract.script), and what the
        # matcher hands out (the evidence, the reported figures) is taken back from the text as written.
        # Real cases: 全縣地區生產總值增長3.1% (白沙黎族自治县, 2025 report, a traditional page) and
        # 全年預(yù)計(jì)完成地區(qū)生產(chǎn)總值230億元 (嘉鱼县, 2018 report, a mirror site's traditional text with pinyin).
        self.written = text
        self.positions: tuple[int, ...] | None = None
        got = reading_of(text)
        if got is not None:
            text, kept = got
            if kept is not None:  # the pinyin left out: the paragraphs in the reading's offsets
                self.positions = tuple(kept) + (len(self.written),)
                blocks = [replace(b, start=bisect_left(kept, b.start), end=bisect_left(kept, b.end)) for b in blocks]
        self.text = text
        self.figures: list[_Figure] = []
        self.by_dim: dict[str, set[int]] = defaultdict(set)
        self.by_pair: dict[str, set[int]] = defaultdict(set)
        self.windows: list[str] = []
        self.evidence: dict[int, tuple] = {}  # figure index -> (Evidence, figures), built when first asked
        in_targets = False
        spans = [(b.start, b.end, b.kind) for b in blocks] or [(0, len(text), "body")]
        for start, end, kind in spans:
            par = text[start:end]
            in_targets = self._section(par, kind, in_targets)
            pos = start
            for sm in list(_SENTENCE.finditer(text, start, end)) + [None]:
                s_end = sm.start() if sm else end
                if s_end > pos:
                    self._read_sentence(pos, s_end, in_targets)
                pos = s_end + 1
        self.starts = [f.start for f in self.figures]

    @staticmethod
    def _section(par: str, kind: str, in_targets: bool) -> bool:
        """``rule_target_section``: figures under a heading of targets are targets.

        Real case: 长江日报's summary of 湖北省's 2025 report lists ■ 2024年成绩单 (outcomes) and then
        ■ 2025年经济社会发展的主要预期目标 with ●城镇新增就业70万人以上, the very words of the 2024 pledge."""
        head = par[:40]
        if _BULLET.match(par) and not par.startswith("■"):
            return in_targets
        if kind == "heading" or par.startswith("■") or len(par) <= 40:
            if _REVIEW_SECTION.search(head):
                return False
            if _TARGET_SECTION.search(head):
                return True
            return in_targets if kind == "heading" else False
        return False

    def _read_sentence(self, s: int, e: int, in_targets: bool) -> None:
        text = self.text
        bounds = [s] + [m.end() for m in _CLAUSE.finditer(text, s, e)] + [e + 1]
        prev_ctx = s
        for i in range(len(bounds) - 1):
            cs, ce = bounds[i], bounds[i + 1] - 1
            clause = text[cs:ce]
            figs = list(_figures_in(clause))
            # a clause names its own object before its first figure or after its last (其中14个项目列入省市重点);
            # one that names none (新增2000多台, 同比增长12.9%) reports on the object of the clause before
            rest = clause[:figs[0][0]] + clause[figs[-1][1]:] if figs else clause
            own_object = len(_words(_strip_verbs(_ASIDE_WORDS.sub("", rest)))) >= 2
            ctx = cs if own_object or i == 0 else prev_ctx
            if not figs and _ASIDE.match(clause):
                continue  # rule_aside_is_transparent: the clause after it borrows from the one before it
            seen: dict[str, int] = defaultdict(int)
            for fs, fe, value, unit, role in figs:
                a, b = cs + fs, cs + fe
                dim, scale = dimension(unit)
                ordinal = seen[dim]
                seen[dim] += 1
                target = in_targets or self._is_target(s, a, b) or self._is_average(cs, a)
                f = _Figure(a, b, value, unit, text[a:b], role, dim, value * scale, cs, ce, ctx,
                            verb_class(text[cs:a]), target, ordinal)
                idx = len(self.figures)
                self.figures.append(f)
                window = canonical(text[ctx:min(ce, b + 8)])
                self.windows.append(window)
                if target:
                    continue
                self.by_dim[dim].add(idx)
                for p in set(_pairs(window)):
                    self.by_pair[p].add(idx)
            prev_ctx = ctx

    def at(self, i: int) -> int:
        """Where the reading's offset ``i`` stands in the review as written (a character with the pinyin after it)."""
        return self.positions[i] if self.positions is not None else i

    def as_written(self, q: Quantity) -> Quantity:
        """A figure of the reading as the review writes it: its offsets, its words (億元 for 亿元)."""
        if self.written is self.text:
            return q
        a, b = self.at(q.start), self.at(q.end)
        unit = q.unit
        if unit and self.text[q.end - len(unit):q.end] == unit:
            unit = self.written[self.at(q.end - len(unit)):b]
        return replace(q, start=a, end=b, raw=self.written[a:b], unit=unit)

    def _is_average(self, cs: int, a: int) -> bool:
        """``rule_average_is_not_a_year``: 年均 figures report several years, not the one a pledge is due.

        Real cases: 国内生产总值增加到121万亿元,五年年均增长5.2% beside 全年国内生产总值增长3% (国务院, 2023
        report); 粮食产量连年稳定在1.3万亿斤以上 beside 粮食产量1.37万亿斤 (same report); 城镇新增就业年均
        1270多万人 beside 城镇新增就业1206万人 (same report)."""
        return bool(_SEVERAL_YEARS.search(self.text, cs, a))

    def _is_target(self, s: int, a: int, b: int) -> bool:
        """``rule_target_mention_is_not_outcome``: a target the review names is not its outcome.

        Real cases: 城镇新增就业1186万人,超额完成原定的900万人以上的目标 (国务院, 2020: 900万人 is the
        target, 1186万人 the outcome); 今年发展主要预期目标是:国内生产总值增长5.5%左右;城镇新增就业1100万人以上
        (国务院, 2022 report: the next year's targets in the same page as 2021's outcomes)."""
        text = self.text
        before, after = text[max(s, a - 6):a], text[b:b + 8]
        if _TARGET_BEFORE.search(before) or _TARGET_AFTER.match(after):
            return True
        head = text[s:a]
        cue = None
        for cue in _TARGET_CUES.finditer(head):
            pass
        return bool(cue) and not _PAST_AFTER_CUE.search(head, cue.end())


def _strip_verbs(s: str) -> str:
    _, pat = _verb_table()
    return pat.sub("", re.sub(r"全年|全县|全市|全区|全省|全国|今年|当年|同比|比上年同期|比上年|较上年|上年同期|同期|分别|其中|共|累计|实现|达|为|年末|预计|初步|在",
                              "", s))


# ---------------------------------------------------------------------------------------------
# A pledge


_FLOOR = ("以上", "突破", "超过", "不少于", "不低于", "至少")
_CEILING = ("以内", "以下", "控制在", "不超过", "低于", "不高于", "之内")
_AVERAGE = re.compile(r"年均|平均每年|年平均")
_SEVERAL_YEARS = re.compile(r"年均|平均每年|年平均|连年|连续[一二三四五六七八九十\d]+年|五年来|多年来")
_PROCESS = ("加紧实施", "正在", "加快推进", "有序推进", "扎实推进", "稳步推进", "加快", "推进", "进展顺利", "开工",
            "在建", "启动")
_COMPLETE = ("全部完成", "如期完成", "全面完成", "圆满完成", "顺利完成", "均已完成", "全部建成", "建成投用",
             "投入使用", "竣工", "通车")
_RANGE_BETWEEN = re.compile(r"^\s*(?:-|—|－|~|～|至|到)\s*$")
_BAND = Decimal("0.5")
_RATIO_OBJECT = re.compile(r"(?:率|比重|比例|占比|指数|份额|水平|价格)$")
_RANGE_RAW = re.compile(r"^\s*[\d.]+\s*%?\s*(?:-|—|－|~|～|至|到)\s*([\d.]+)")


@dataclass(frozen=True)
class _Pledge:
    cand: Candidate
    q: Quantity
    hi: Decimal | None  # upper end of a range target (6%-6.5%)
    obj: str
    dim: str
    rate: str | None  # growth / decline for a percentage that measures a change
    verb: str | None
    ordinal: int  # the main quantity's place among the pledge's quantities of its dimension
    read: Candidate  # the pledge as the matcher reads it (``rule_pledge_read_in_simplified``)


_SIZE_CLASS_AFTER = re.compile(r"(?:及以上|以上)(?=[\u4e00-\u9fff])(?!的)")


def _main_quantity(c: Candidate) -> Quantity | None:
    """The figure a pledge commits to: not a duration, not a size class (实施千万元以上重点项目50个以上 commits
    to 50个 projects of the 千万元以上 class)."""
    qs = [q for q in c.quantities if q.role is not Role.DURATION]
    sized = [q for q in qs if not _SIZE_CLASS_AFTER.match(c.quote, q.end - c.start)]
    qs = sized or qs
    return qs[0] if qs else (c.quantities[0] if c.quantities else None)


_EXPECTED_AFTER = re.compile(r"(?:预期|预计)$")
_PLACE_PREFIX = re.compile(r"^(?:预期|预计|力争|今年)?(?:全?[\u4e00-\u9fff]{0,4}?[省市县区州旗])?$")


def rule_place_before_indicator(obj: str) -> str:
    """A place name (and 预期) before an indicator's name is not one of its modifiers: a review seldom
    repeats it. Only a prefix that is a place is dropped: 城镇居民人均可支配收入 keeps 城镇.

    Real cases: 预期成都市地区生产总值增长7%以上 against 预计全年实现地区生产总值1.2万亿元,增长7.5% (成都市,
    2016 → 2017 report); 2022年全省地区生产总值将增长6.5%以上 against 全省地区生产总值全年增长4.2% (甘肃省).
    Nor is the 预期 after it (北京GDP预期增长目标设定为6%-6.5%: the object 北京GDP预期)."""
    obj = _EXPECTED_AFTER.sub("", obj) or obj
    for name in _indicator_names():
        if len(name) < 4 or not obj.endswith(name) or obj == name:
            continue
        prefix = obj[:-len(name)]
        if _PLACE_PREFIX.match(prefix) or _names_a_division(prefix):
            return name
    return obj


def _names_a_division(prefix: str) -> bool:
    """北京, 惠州: a division's name without its 市/县/区/省 (the gazetteer's names)."""
    from tracker.extract.people import districts

    return 2 <= len(prefix) <= 4 and any(prefix + suffix in districts() for suffix in ("市", "省", "县", "区"))


@cache
def _indicator_names() -> tuple[str, ...]:
    return tuple(sorted(set(_synonyms()[0].values()), key=len, reverse=True))


#: ``_pledge`` of the candidates read lately, by identity: ingest matches the same open pledges (the same
#: ``Candidate`` objects, kept by ``services.followup.Places``) against every new document of their
#: districts, and ``restatements`` reads them again; each is read once. The candidate is kept beside
#: its reading, so its id cannot be reused while the entry lives.
_READ: dict[int, tuple[Candidate, "_Pledge | None"]] = {}
_READ_MAX = 50_000


def _pledge(c: Candidate) -> _Pledge | None:
    hit = _READ.get(id(c))
    if hit is not None and hit[0] is c:
        return hit[1]
    p = _read_pledge(c)
    if len(_READ) >= _READ_MAX:
        _READ.clear()
    _READ[id(c)] = (c, p)
    return p


def rule_pledge_read_in_simplified(c: Candidate) -> Candidate:
    """A pledge quoted from a plan in traditional characters, or with each word's pinyin in brackets, is read
    through its simplified reading (``script.reading_of_piece``): its object, verb, qualifier and figures are
    matched against the review, and its target compared, as a simplified plan's would be. The pledge handed out
    (the finding's) stays as the extractor printed it.

    Real cases: 力爭固定資產(chǎn)投資增幅16%以上, object 固定資產(chǎn)投資增幅, against 固定资产投资预计同比增长22.78%
    (鄂城区's 2023 targets on a mirror page, against its plan-execution report); 新增城鎮就業5500人以上 on 甘谷縣's
    2021 page of 实事 (a traditional mirror: tests/extract/real/short_pages/gangu_shishi_news_2021_trad.txt)."""
    got = reading_of_piece(c.quote)
    words = {}
    for name in ("object", "action", "qualifier"):
        value = getattr(c, name)
        read = reading_of_piece(value, traditional=got is not None) if value else None
        if read is not None:
            words[name] = read[0]
    if got is None and not words:
        return c
    quote, kept = got if got is not None else (c.quote, None)

    def at(i: int) -> int:  # an offset of the quote as written, in the reading
        return c.start + (bisect_left(kept, i - c.start) if kept is not None else i - c.start)

    quantities = []
    for q in c.quantities:
        unit = reading_of_piece(q.unit, traditional=got is not None) if q.unit else None
        raw = reading_of_piece(q.raw, traditional=got is not None) if q.raw else None
        quantities.append(replace(q, start=at(q.start), end=at(q.end), unit=unit[0] if unit else q.unit,
                                  raw=raw[0] if raw else q.raw))
    return replace(c, quote=quote, end=c.start + len(quote), quantities=tuple(quantities), **words)


def _read_pledge(written: Candidate) -> _Pledge | None:
    c = rule_pledge_read_in_simplified(written)
    q = _main_quantity(c)
    if q is None:
        return None
    dim, scale = dimension(q.unit)
    hi = q.value_max * scale if q.value_max is not None else None
    later = [x for x in c.quantities if x is not q and dimension(x.unit)[0] == dim and x.start >= q.end]
    if hi is None and later and _RANGE_BETWEEN.match(c.quote[q.end - c.start:later[0].start - c.start]):
        hi = later[0].value * dimension(later[0].unit)[1]
    lead = c.quote[:max(0, q.start - c.start)]
    obj = canonical(_words(c.object or ""))
    named = _synonyms()[1].findall(lead)
    if named:
        name = _synonyms()[0][named[-1]]
        if name not in obj:
            obj = name  # the extractor's object missed the indicator the quote names (…GDP预期增长目标设定为6%)
    obj = rule_place_before_indicator(obj)
    rate = None
    m = _RATE_WORDS.search(obj)
    if m:
        obj = obj[:m.start()]
        rate = "decline" if "降" in m.group() else "growth"
    if dim == "%" and rate is None:
        cls = verb_class(lead)
        rate = cls if cls in ("growth", "decline") else None
        if rate is None and obj and not _RATIO_OBJECT.search(obj):
            rate = "growth"  # 地区生产总值6%: a percentage of an amount can only be its growth
    if hi is None:
        m = _RANGE_RAW.match(q.raw)
        if m and Decimal(m.group(1)) > q.value:
            hi = Decimal(m.group(1)) * scale
    verb = verb_class(c.action or "") or verb_class(lead)
    at = q.start - c.start
    ordinal = sum(1 for fs, _, _, unit, _ in _figures_in(c.quote) if fs < at and dimension(unit)[0] == dim) \
        if "分别" in c.quote else 0
    return _Pledge(written, q, hi, obj, dim, rate, verb, ordinal, c)


def _covered_end(review_published: dt.date | None) -> dt.date | None:
    """The last day a review reports on: a report of January to June reviews the year before."""
    if review_published is None:
        return None
    year = review_published.year - 1 if review_published.month <= 6 else review_published.year
    return dt.date(year, 12, 31)


_YEAR = re.compile(r"(?<![\d.])(20\d\d|19\d\d)年(?![代度均])")


def _covered_end_from_text(text: str, floor: int | None = None) -> dt.date | None:
    """Without a date, the year a review speaks of most (2017年，面对雄安新区…; 2017年工作回顾).

    ``rule_review_year_not_before_plan``: a review reports on the plan's year or a later one; the years
    it names before ``floor`` (the plan's year: its date, else its earliest dated pledge) are history; when
    it names no later year, all its years count. Real cases: 威海市's yearbook
    entry on 2017 opens with 1987年,地级威海市成立 (山东省情网); 平凉市's 2021 report measures 2020 against
    the past twice (是2015年的1.3倍和1.5倍 … 是2015年的1.45倍和1.5倍)."""
    counts: dict[str, int] = defaultdict(int)
    for m in _YEAR.finditer(text):
        if floor is None or int(m.group(1)) >= floor:
            counts[m.group(1)] += 1
    if not counts:
        return None
    year = max(counts, key=lambda y: (counts[y], -int(y)))
    return dt.date(int(year), 12, 31)


def rule_multi_year_not_due(c: Candidate, covered_end: dt.date | None) -> bool:
    """Whether a pledge is due at a review that covers up to ``covered_end``.

    Real cases: 到2021年全县生产总值达到170亿元,年均增长12%以上 at the 2017 review (高阳县: not due);
    劳动年龄人口平均受教育年限提高到11.3年 among the 14th five-year plan's targets at the 2021 review
    (国务院: due 2025)."""
    if _AVERAGE.search(c.quote):
        return False
    d = c.deadline.date
    if d is None or covered_end is None:
        return True
    return d <= covered_end


def rule_review_covers_a_later_year(c: Candidate, covered_end: dt.date | None) -> bool:
    """A figure due in a year before the one a review covers was settled by the review of its own year: the
    later review's figures are of another year.

    Real cases: 威海市's 2017 report restates the 2016 result 全市生产总值3212.2亿元,增长8% before its 2017
    targets, and the 2017 yearbook gives 增长8.1% for 2017, not for 2016; 成都市's 2016 report restates
    2015年,成都预计全年固定资产投资7006亿元, and the 2017 report's 固定资产投资8370亿元 is 2016's."""
    d = c.deadline.date
    return d is not None and covered_end is not None and d.year < covered_end.year


def rule_verb_class(plan: str | None, review: str | None) -> bool:
    """Whether the review's verb can report the plan's.

    Real cases: 淘汰落后织机2000台以上 is not reported by 新增2000多台 (高阳县: remove against add);
    全年新增先进无梭织机1000台以上 is not reported by 全县先进无梭织机达到7200余台, only by 新增2000多台
    (``rule_stock_is_not_increment``: 达到 gives the stock); a pledge to start (新开工) is not reported by
    what was finished (竣工投产), while a pledge to finish reported only as started is partial."""
    if plan == "remove" or review == "remove":
        return plan == review
    if review == "stock" and plan in ("add",):
        return False
    if plan == "start" and review == "finish":
        return False  # 竣工30个 does not count the projects 开工; the reverse is partial (rule_start_is_not_finish)
    return True


def rule_rate_is_not_level(p: _Pledge, f: _Figure) -> bool:
    """A growth target is reported by a growth figure, a level by a level, a cut by a cut.

    Real cases: 生产总值增长11.5%左右 against 全年实现生产总值83.91亿元、增长10.8% (镇安县: the 10.8%, not
    the 83.91亿元, which has another dimension anyway); 居民消费价格涨幅3%左右 against 居民消费价格上涨0.9%
    (国务院: 涨幅 and 上涨 are one rate); 城镇调查失业率5.5%左右 is a level, reported by 平均为5.1%."""
    if p.dim != "%":
        return True
    got = f.verb if f.verb in ("growth", "decline") else None
    return p.rate == got


def follow_up(pledges: Sequence[Candidate], review, *, review_published: dt.date | None = None,
              plan_published: dt.date | None = None) -> list[Finding]:
    """One ``Finding`` per pledge, in order. ``review`` is ``extract_document(review_text, published)``."""
    index = _Review(review.text, getattr(review, "blocks", ()))
    years = [c.deadline.date.year for c in pledges if c.deadline.date is not None]
    floor = plan_published.year if plan_published else (min(years) if years else None)
    covered_end = _covered_end(review_published or review.published) or \
        _covered_end_from_text(review.text, floor) or _covered_end_from_text(review.text)
    return [_find(c, index, covered_end) for c in pledges]


def _find(c: Candidate, review: _Review, covered_end: dt.date | None) -> Finding:
    p = _pledge(c)
    if p is None:
        return Finding(c, Outcome.NOT_REPORTED, None, (), 0.5, "no_quantity")
    if not rule_multi_year_not_due(c, covered_end):
        return Finding(c, Outcome.NOT_DUE, None, (), 0.7, "rule_multi_year_not_due")
    if rule_review_covers_a_later_year(c, covered_end):
        return Finding(c, Outcome.NOT_REPORTED, None, (), 0.6, "rule_review_covers_a_later_year")
    if len(p.obj) < 2:
        return Finding(c, Outcome.NOT_REPORTED, None, (), 0.3, "no_object")
    text = review.text
    dims = rule_classifier_variants(p.obj, p.dim)
    found = review.by_pair.get(p.obj[-2:], set()) & set().union(*(review.by_dim.get(d, set()) for d in dims))
    best = None
    for idx in found:
        f = review.figures[idx]
        score = rule_object_head_and_modifiers(p.obj, review.windows[idx])
        if score < 0.6:
            continue
        if not rule_verb_class(p.verb, f.verb) or not rule_rate_is_not_level(p, f):
            continue
        window = review.windows[idx]
        gap = abs(window.find(f.raw) - window.rfind(p.obj[-2:])) if f.raw in window else len(window)
        # ``rule_respective_figures``: 城乡居民收入分别增长11%和13%左右 is reported in order by 分别增长8.8%和10%
        # (镇安县); a tie goes to the later statement, the body after its headline
        part = rule_respective_parts(p.obj, window)
        key = (score, f.ordinal == (p.ordinal if part is None else part), -(gap // 16), f.start)
        if best is None or key > best[0]:
            best = (key, idx)
    if best is None:
        return Finding(c, Outcome.NOT_REPORTED, None, (), 0.6, "silence")
    (score, *_), idx = best
    f = review.figures[idx]
    outcome, rule = rule_numbers_decide(p, f, text[f.clause_start:f.clause_end])
    if idx not in review.evidence:
        review.evidence[idx] = _evidence(review, f)
    ev, figs = review.evidence[idx]
    confidence = 0.5 + 0.4 * score - (0.1 if any(w in text[f.context_start:f.start] for w in _ESTIMATE) else 0)
    # the figure the outcome was read from comes first: it is the achieved value a reviewer accepts
    reported = tuple(review.as_written(q) for q in (f.quantity(),) + tuple(x.quantity() for x in figs if x is not f))
    return Finding(c, outcome, ev, reported, round(confidence, 3), rule)


def rule_numbers_decide(p: _Pledge, f: _Figure, clause: str) -> tuple[Outcome, str]:
    """Compare the reported figure with the target; the link has no say.

    Real cases: 新增外贸出口企业30家以上 -> 新增外贸出口企业45家: exceeded; 全县外贸出口总额突破3亿美元 ->
    达到2.99亿美元: missed (高阳县); 报告将2019年北京GDP预期增长目标设定为6%-6.5% -> 增长6.2%左右: done
    (北京市, a range); 城镇调查失业率6%左右 -> 平均为5.6%: done (国务院, within 0.5pp of 左右);
    加快40所项目校建设 -> 40所项目校建设加紧实施: partial (高阳县, ``rule_under_way_is_partial``)."""
    c = p.read
    if p.verb in ("finish", "add") and f.verb == "start":
        return Outcome.PARTIAL, "rule_start_is_not_finish"
    target = p.q.value * dimension(p.q.unit)[1]
    got = f.base
    qual = (c.qualifier or "") + c.quote[p.q.end - c.start:p.q.end - c.start + 3]
    approx = "左右" in qual
    if p.hi is not None:
        if target <= got <= p.hi:
            return Outcome.DONE, "rule_within_range"
        return (Outcome.EXCEEDED, "rule_above_range") if got > p.hi else (Outcome.MISSED, "rule_below_range")
    ceiling = any(w in qual or w in c.quote for w in _CEILING) or (p.rate != "decline" and lower_is_better(p.obj))
    if approx and f.dim in ("%", "个百分点", "‰") and abs(got - target) < _BAND:
        return Outcome.DONE, "rule_within_band"
    if got == target:
        if any(w in clause for w in _PROCESS) and not any(w in clause for w in _COMPLETE):
            return Outcome.PARTIAL, "rule_under_way_is_partial"
        return Outcome.DONE, "rule_equal"
    if ceiling:
        return (Outcome.EXCEEDED, "rule_below_ceiling") if got < target else (Outcome.MISSED, "rule_above_ceiling")
    if got > target:
        return Outcome.EXCEEDED, "rule_above_target"
    if any(w in clause for w in _PROCESS):
        return Outcome.PARTIAL, "rule_under_way_is_partial"
    return Outcome.MISSED, "rule_below_target"


_RATE_AFTER = re.compile(r"(?:同比|比上年|较上年)?(?:增长|下降|上涨)\d+(?:\.\d+)?%")


def _evidence(review: _Review, f: _Figure) -> tuple[Evidence, list[_Figure]]:
    text = review.text
    start, end = f.context_start, f.clause_end
    # a rate right after the figure's clause (…达到2.99亿美元,同比增长12.9%) belongs to the statement
    if text[end:end + 1] in ",，" and f.dim != "%":
        m = _RATE_AFTER.match(text, end + 1)
        if m:
            end = m.end()
    first = bisect_left(review.starts, start)
    figs = []
    for x in review.figures[first:]:
        if x.start >= end:
            break
        if x.end <= end and not x.is_target:
            figs.append(x)
    a, b = review.at(start), review.at(end)
    return Evidence(review.written[a:b], a, b), figs


# ---------------------------------------------------------------------------------------------
# Restatements


def restatements(earlier: Sequence[Candidate], later: Sequence[Candidate]) -> list[Restatement]:
    """A later plan's restatement of an earlier pledge: the same object (both ways), the same dimension,
    the same kind of rate; what changed is the target and the deadline."""
    index: dict[str, list[_Pledge]] = defaultdict(list)
    for a in earlier:
        pa = _pledge(a)
        if pa is not None and len(pa.obj) >= 2:
            index[pa.obj[-2:]].append(pa)
    out = []
    for b in later:
        pb = _pledge(b)
        if pb is None or len(pb.obj) < 2:
            continue
        best = None
        for pa in index.get(pb.obj[-2:], ()):
            if pa.dim != pb.dim or pa.rate != pb.rate:
                continue
            score = min(rule_object_head_and_modifiers(pa.obj, pb.obj), rule_object_head_and_modifiers(pb.obj, pa.obj))
            if score >= 0.75 and (best is None or score > best[0]):
                best = (score, pa)
        if best is None:
            continue
        score, pa = best
        changes = []
        va = pa.q.value * dimension(pa.q.unit)[1]
        vb = pb.q.value * dimension(pb.q.unit)[1]
        if vb != va:  # the number, whatever the indicator: 失业率5.5% -> 5% is target_lowered
            changes.append("target_raised" if vb > va else "target_lowered")
        da, db = pa.cand.deadline.date, b.deadline.date
        if da and db and db > da:
            changes.append("deadline_later")
        elif da and db and db < da:
            changes.append("deadline_earlier")
        out.append(Restatement(pa.cand, b, tuple(changes) or ("same",), round(0.5 + 0.4 * score, 3)))
    return out
