"""Follow-up: what a later text (a work report's review, a 完成情况 notice) says became of each pledge.

A pure module: pledges (``Candidate``) of an earlier plan and a later, already extracted
document in; one ``Finding`` per pledge out. No Flask, no SQLAlchemy, no I/O beyond the
lexicon files.

Silence is the most common answer. A review statement reports a pledge only when it names
the pledge's object (its head and its modifiers), measures it in the same dimension (家 and
万家 compare; 家 and % do not), with a verb of a compatible class (新增 is not 淘汰; 开工 is
not 竣工; 达到 reports a stock, not an increment) and for the same period (a 年均 or 到2021年
target is not due at a one-year review). The link decides nothing about the outcome: the
numbers do.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum
from functools import cache
from pathlib import Path

from tracker.extract import lexicons
from tracker.extract.model import Candidate, Quantity, Role, json_number

__all__ = ["MATCHER_VERSION", "Evidence", "Finding", "Outcome", "Restatement", "follow_up", "restatements"]


def _version() -> str:
    h = hashlib.sha256(Path(__file__).read_bytes())
    h.update(Path(lexicons.path("followup_verbs")).read_bytes())
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
    reported: tuple[Quantity, ...]  # offsets into the review text
    confidence: float
    rule: str = field(default="", compare=False)  # which rule decided, for the reviewer's screen

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
# Units: dimension and scale


_MAGNITUDE = (("万亿", Decimal(10) ** 12), ("千亿", Decimal(10) ** 11), ("百亿", Decimal(10) ** 10),
              ("十亿", Decimal(10) ** 9), ("千万", Decimal(10) ** 7), ("百万", Decimal(10) ** 6),
              ("十万", Decimal(10) ** 5), ("亿", Decimal(10) ** 8), ("万", Decimal(10) ** 4),
              ("千", Decimal(1000)), ("百", Decimal(100)))
# Units that measure the same thing under another name.
_SAME_DIMENSION = {"公顷": "公顷", "平米": "平方米", "㎡": "平方米", "km": "公里", "千米": "公里", "人次": "人次",
                   "户": "户", "座": "个", "处": "个", "项": "个", "个": "个"}
_PERCENT = ("%", "％", "个百分点")


def dimension(unit: str | None) -> tuple[str, Decimal]:
    """A unit's dimension and scale: 万家 → (家, 10000); 亿元 → (元, 10**8); % → (%, 1).

    ``ruleUnitScale``: 8000家 and 2万家 compare, 6.6亿元 and 5000万元 compare."""
    u = (unit or "").strip()
    scale = Decimal(1)
    for mag, factor in _MAGNITUDE:
        if u.startswith(mag) and len(u) > len(mag):
            u, scale = u[len(mag):], factor
            break
    if u in _PERCENT:
        return "%", scale
    return _SAME_DIMENSION.get(u, u), scale


def _base_value(q: Quantity) -> Decimal:
    return q.value * dimension(q.unit)[1]


# ---------------------------------------------------------------------------------------------
# Verbs


@cache
def _verb_table() -> tuple[dict[str, str], re.Pattern]:
    table = lexicons.mapping("followup_verbs")
    alts = "|".join(re.escape(w) for w in sorted(table, key=len, reverse=True))
    return table, re.compile(alts)


def verb_class(text: str) -> str | None:
    """The class of the last outcome verb in ``text`` (the words before a number)."""
    table, pat = _verb_table()
    last = None
    for m in pat.finditer(text):
        last = m.group()
    return table.get(last) if last else None


# ---------------------------------------------------------------------------------------------
# The review's statements


_SENTENCE = re.compile(r"[。；;！？!?\n]")
_CLAUSE = re.compile(r"[，,：:]")
_CJK = re.compile(r"[\u4e00-\u9fff]")


@dataclass
class _Statement:
    start: int  # the clause holding the figure
    end: int
    context_start: int  # where the words naming its object begin (an object-less clause borrows the one before)
    quantities: list  # NumberToken-like tuples (start, end, value, unit, raw) with absolute offsets
    sentence_end: int


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

    def quantity(self) -> Quantity:
        return Quantity(self.value, self.unit, self.raw, self.start, self.end, self.role)


class _Review:
    """The review's figures, indexed by unit dimension and by the character pairs around them."""

    def __init__(self, text: str):
        from tracker.extract.numbers import find_numbers

        self.text = text
        self.figures: list[_Figure] = []
        self.clause_of: list[tuple[int, int, int]] = []  # per figure: clause start, clause end, context start
        self.by_dim: dict[str, list[int]] = defaultdict(list)
        self.by_pair: dict[str, set[int]] = defaultdict(set)
        self.words: list[tuple[int, int]] = []  # completion statements without figures: (start, end)
        pos = 0
        for sm in list(_SENTENCE.finditer(text)) + [None]:
            s_end = sm.start() if sm else len(text)
            self._read_sentence(pos, s_end, find_numbers)
            pos = s_end + 1
        self.sentence_ends = sorted({c[1] for c in self.clause_of})

    def _read_sentence(self, s: int, e: int, find_numbers) -> None:
        text = self.text
        bounds = [s] + [m.end() for m in _CLAUSE.finditer(text, s, e)] + [e + 1]
        prev_ctx = s
        for i in range(len(bounds) - 1):
            cs, ce = bounds[i], bounds[i + 1] - 1
            clause = text[cs:ce]
            toks = [t for t in find_numbers(clause) if t.kind == "quantity" and t.value is not None]
            lead = clause[:toks[0].start] if toks else clause
            # an object-less clause (新增2000多台, 同比增长12.9%) reports on the object of the clause before
            own_object = len(_CJK.findall(_strip_verbs(lead))) >= 2
            ctx = cs if own_object or i == 0 else prev_ctx
            for t in toks:
                dim, scale = dimension(t.unit)
                f = _Figure(cs + t.start, cs + t.end, t.value, t.unit or "", t.raw, t.role, dim, t.value * scale)
                idx = len(self.figures)
                self.figures.append(f)
                self.clause_of.append((cs, ce, ctx))
                self.by_dim[dim].append(idx)
                window = text[ctx:ce]
                for k in range(len(window) - 1):
                    self.by_pair[window[k:k + 2]].add(idx)
            prev_ctx = ctx
        # keep the sentence for figure-less completions (…全部完成, 如期完成)
        self.words.append((s, e))


def _strip_verbs(s: str) -> str:
    _, pat = _verb_table()
    return pat.sub("", re.sub(r"(?:全年|全县|全市|全区|全省|今年|当年|同比|比上年|较上年|分别|其中|共|累计|实现|达|为)", "", s))


# ---------------------------------------------------------------------------------------------
# Matching a pledge


_FLOOR = ("以上", "突破", "超过", "不少于", "不低于", "至少", "力争", "多")
_CEILING = ("以内", "以下", "控制在", "不超过", "低于", "不高于", "之内")
_APPROX = ("左右", "约", "近")
_AVERAGE = re.compile(r"年均|平均每年|年平均")
_PROCESS = ("加紧实施", "正在", "加快推进", "有序推进", "扎实推进", "稳步推进", "加快", "推进", "进展顺利", "开工")
_COMPLETE = ("全部完成", "如期完成", "全面完成", "圆满完成", "顺利完成", "均已完成", "全部建成", "建成投用",
             "投入使用", "建成", "完成", "竣工", "通车")


def _pairs(s: str) -> list[str]:
    return [s[i:i + 2] for i in range(len(s) - 1)] if len(s) > 1 else [s]


def _main_quantity(c: Candidate) -> Quantity | None:
    qs = [q for q in c.quantities if q.role is not Role.DURATION]
    return qs[0] if qs else (c.quantities[0] if c.quantities else None)


def _covered_end(review_published: dt.date | None) -> dt.date | None:
    """The last day a review reports on: a report of January to June reviews the year before."""
    if review_published is None:
        return None
    year = review_published.year - 1 if review_published.month <= 6 else review_published.year
    return dt.date(year, 12, 31)


def _due(c: Candidate, covered_end: dt.date | None) -> bool:
    """``ruleMultiYearNotDue``: 到2021年生产总值达到170亿元, 年均增长12%以上 are not due at a one-year review."""
    if _AVERAGE.search(c.quote):
        return False
    d = c.deadline.date
    if d is None or covered_end is None:
        return True
    return d <= covered_end


def _object_words(c: Candidate) -> str:
    obj = c.object or ""
    return re.sub(r"[^\u4e00-\u9fffA-Za-z0-9]", "", obj)


def _object_score(obj: str, window: str) -> float:
    """Share of the object's character pairs found in the window; the head (last pair) must be there.

    ``ruleObjectHeadAndModifiers``: 落后织机 is not reported by 全县先进无梭织机达到7200余台."""
    if not obj:
        return 0.0
    pairs = _pairs(obj)
    if pairs[-1] not in window:
        return 0.0
    found = sum(1 for p in pairs if p in window)
    return found / len(pairs)


def _compatible(plan_cls: str | None, rev_cls: str | None, plan_percent: bool) -> bool:
    """``ruleVerbClass``: the review's verb must be able to report the plan's."""
    if plan_cls == "remove" or rev_cls == "remove":
        return plan_cls == rev_cls
    if rev_cls == "stock" and plan_cls in ("add",):
        return False  # 达到11042家 does not report 新增1000家
    if plan_cls == "finish" and rev_cls == "start":
        return True  # reported, but only partly (开工 is not 竣工); the outcome says partial
    if plan_percent:
        return True
    return True


def _outcome(c: Candidate, q: Quantity, fig: _Figure, rev_cls: str | None, plan_cls: str | None,
             clause: str) -> tuple[Outcome, str]:
    """``ruleNumbersDecide``: compare the reported figure with the target."""
    if plan_cls in ("finish", "add") and rev_cls == "start":
        return Outcome.PARTIAL, "start_not_finish"
    target = _base_value(q)
    got = fig.base
    qual = c.qualifier or ""
    ceiling = any(w in qual for w in _CEILING) or any(w in c.quote for w in _CEILING)
    approx = any(w in qual for w in _APPROX) or "左右" in c.quote
    if fig.dim == "%" and approx:
        if abs(got - target) < Decimal("0.5"):
            return Outcome.DONE, "within_band"
    if got == target:
        return Outcome.DONE, "equal"
    if ceiling:
        return (Outcome.EXCEEDED, "below_ceiling") if got < target else (Outcome.MISSED, "above_ceiling")
    if got > target:
        return Outcome.EXCEEDED, "above_target"
    if any(w in clause for w in _PROCESS):
        return Outcome.PARTIAL, "under_way"
    return Outcome.MISSED, "below_target"


def _evidence(review: _Review, idx: int, text: str) -> tuple[Evidence, list[_Figure]]:
    cs, ce, ctx = review.clause_of[idx]
    start = ctx
    end = ce
    # a rate right after the figure (…达到2.99亿美元，同比增长12.9%) belongs to the statement
    nxt = text[end + 1:end + 16] if end < len(text) and text[end:end + 1] in "，," else ""
    m = re.match(r"(?:同比|比上年|较上年)?(?:增长|下降)\d+(?:\.\d+)?%", nxt)
    if m:
        end = end + 1 + m.end()
    figs = [f for f in review.figures if start <= f.start and f.end <= end]
    return Evidence(text[start:end], start, end), figs


def follow_up(pledges: Sequence[Candidate], review, *, review_published: dt.date | None = None) -> list[Finding]:
    """One ``Finding`` per pledge, in order. ``review`` is ``extract_document(review_text, published)``."""
    text = review.text
    index = _Review(text)
    covered_end = _covered_end(review_published or review.published)
    out = []
    for c in pledges:
        out.append(_find(c, index, text, covered_end))
    return out


def _find(c: Candidate, review: _Review, text: str, covered_end: dt.date | None) -> Finding:
    q = _main_quantity(c)
    if q is None:
        return Finding(c, Outcome.NOT_REPORTED, None, (), 0.5, "no_quantity")
    if not _due(c, covered_end):
        return Finding(c, Outcome.NOT_DUE, None, (), 0.7, "multi_year_not_due")
    obj = _object_words(c)
    if len(obj) < 2:
        return Finding(c, Outcome.NOT_REPORTED, None, (), 0.3, "no_object")
    dim = dimension(q.unit)[0]
    head = obj[-2:]
    candidates = review.by_pair.get(head, set()).intersection(review.by_dim.get(dim, ()))
    plan_cls = verb_class(c.quote[:max(0, q.start - c.start)] or c.quote) if c.quote else None
    plan_cls = verb_class(c.action or "") or plan_cls
    plan_growth = dim == "%" and any(w in c.quote for w in ("增长", "提高"))
    best = None
    for idx in sorted(candidates):
        fig = review.figures[idx]
        cs, ce, ctx = review.clause_of[idx]
        window = text[ctx:fig.end + 8 if fig.end + 8 < ce else ce]
        score = _object_score(obj, window)
        if score < 0.6:
            continue
        lead = text[cs:fig.start]
        rev_cls = verb_class(lead)
        if not _compatible(plan_cls, rev_cls, dim == "%"):
            continue
        if dim == "%" and plan_growth != (rev_cls == "growth"):
            continue
        key = (score, -abs(fig.start - (ctx + window.find(obj[-2:]))))
        if best is None or key > best[0]:
            best = (key, idx, rev_cls)
    if best is None:
        return Finding(c, Outcome.NOT_REPORTED, None, (), 0.6, "silence")
    (score, _), idx, rev_cls = best
    fig = review.figures[idx]
    cs, ce, ctx = review.clause_of[idx]
    outcome, rule = _outcome(c, q, fig, rev_cls, plan_cls, text[cs:ce])
    ev, figs = _evidence(review, idx, text)
    return Finding(c, outcome, ev, tuple(f.quantity() for f in figs) or (fig.quantity(),),
                   round(0.5 + 0.4 * score, 3), rule)


# ---------------------------------------------------------------------------------------------
# Restatements


def restatements(earlier: Sequence[Candidate], later: Sequence[Candidate]) -> list[Restatement]:
    """A later plan's restatement of an earlier pledge: the same object, measured in the same dimension."""
    out = []
    for b in later:
        qb = _main_quantity(b)
        ob = _object_words(b)
        if qb is None or len(ob) < 2:
            continue
        best = None
        for a in earlier:
            qa = _main_quantity(a)
            oa = _object_words(a)
            if qa is None or len(oa) < 2 or dimension(qa.unit)[0] != dimension(qb.unit)[0]:
                continue
            score = min(_object_score(oa, ob), _object_score(ob, oa))
            if score >= 0.75 and (best is None or score > best[0]):
                best = (score, a, qa)
        if best is None:
            continue
        score, a, qa = best
        changes = []
        va, vb = _base_value(qa), _base_value(qb)
        if vb > va:
            changes.append("target_raised")
        elif vb < va:
            changes.append("target_lowered")
        da, db = a.deadline.date, b.deadline.date
        if da and db and db > da:
            changes.append("deadline_later")
        elif da and db and db < da:
            changes.append("deadline_earlier")
        out.append(Restatement(a, b, tuple(changes) or ("same",), round(0.5 + 0.4 * score, 3)))
    return out
