"""Numbers in Chinese text: find each numeral token, read its value, unit and kind.

Only tokens are converted, never whole sentences (a sentence-level converter
turns 统一零售价 into 统10售价). Chinese numerals are read by our own small
converter rather than cn2an: cn2an refuses 百名, 千亿级 and 一半 as they stand
and its wheel installs stray top-level packages; the tests hold this converter
against cn2an's ``an2cn`` as an oracle.

Each token gets a *kind*. Only ``quantity`` tokens can measure a pledge; the
others are kept so that callers can tell why a number was passed over:
``year``, ``date``, ``ordinal`` (第十五届), ``name`` (inside a short quoted name
such as “人才金政37条”, or a plan period such as 十四五), ``vague`` (一个, 每一项),
``bare`` (no unit: phone numbers, page numbers, list markers), ``temperature``.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache, lru_cache
from typing import NamedTuple

from tracker.extract import lexicons
from tracker.extract.model import Role
from tracker.extract.normalise import fold, folded

CN_DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_SMALL = {"十": 10, "百": 100, "千": 1000}
CN_BIG = {"万": 10**4, "亿": 10**8}
_CN_CHARS = "".join(CN_DIGITS) + "".join(CN_SMALL) + "".join(CN_BIG)
# Magnitudes that may stand between a number and its unit, and form a unit alone (十万 → 10 万).
MAGNITUDES = ("万亿", "千亿", "百亿", "十亿", "千万", "百万", "十万", "亿", "万")
_MAGNITUDE = re.compile("|".join(MAGNITUDES))  # the first of MAGNITUDES written at a place, in their order
_RANGE_SEP = r"\s*(?:至|到|~|～|-|—|－|－)\s*"
_ARABIC = r"\d+(?:,\d{3})*(?:\.\d+)?"
# Measure words after which 一 reads as "a", not as a count of one.
_GENERIC_MEASURES = frozenset("个项件种类位名人支场张块对组只头间次口")
_RANGE_RE = re.compile(_RANGE_SEP)
# Measure words that begin a noun with the character after them (部门, 部委, 处室).
_NOUN_AFTER_UNIT = {"部": "门委署件分长", "处": "室长", "方": "面案式向位"}
_GAP = re.compile(r"[ \u3000\u00a0]{1,2}")
_YEAR_TAIL = re.compile(r"年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?)?")
# The lookahead adds nothing to what matches; it lets the scan skip a character that begins neither
# branch with one test instead of two (the scan is a sixth of ``find_numbers`` on real reports).
_CN = f"[{_CN_CHARS}]"  # one Chinese numeral character
_CN_DECIMAL = f"点[{''.join(CN_DIGITS)}]+"  # 三点五's 点五
_CORE = re.compile(rf"(?=[\d{_CN_CHARS}])(?:(?P<ar>{_ARABIC})|(?P<cn>{_CN}+(?:{_CN_DECIMAL})?))")
# Words before a bare magnitude that make it a number: 过亿元 = more than 1 亿元.
_BARE_MAGNITUDE_PREFIX = lexicons.words("bare_magnitude_prefixes")
# A short quoted name or a 《title》. Its opening mark is one class, which re skips to (a pattern that opens on an
# alternation of a class and a literal gets no first characters and is tried at every position); the lookbehinds
# then tell the two kinds apart, as the branches' own first characters did.
_QUOTED_NAME = re.compile(r"[“‘「『\"《](?:(?<=[“‘「『\"])([^“”‘’「」『』\"\n，。；！？,;]{1,16})[”’」』\"]|(?<=《)[^《》\n]{1,60}》)")
_DAY_OR_MONTH = re.compile(r"月(?![度均])(?:份)?(?:\s*\d{1,2}\s*(?:[至到~～-]\s*\d{1,2}\s*)?[日号])?|[日号](?![均元])")
_PLAN_PERIOD = re.compile(r"[十][一二三四五六七八九]五")
# The label of a yearly list of practical things a government promises (十件民生实事, 十大惠民实事):
# the list's name, as 十二大攻坚行动 is; its items are the pledges.
_LIST_LABEL = re.compile(r"[一二三四五六七八九十]{1,3}(?:件|项|大)(?:重点|重大)?(?:民生|惠民|为民)?(?:实事|好事)")


class NotANumeral(ValueError):
    pass


def chinese_to_int(s: str) -> int:
    """Read a Chinese numeral (三, 十一, 一百二十, 两万, 二〇二五, 五百亿); NotANumeral if it is none."""
    if not s:
        raise NotANumeral(s)
    if all(ch in CN_DIGITS for ch in s):
        if len(s) == 1:
            return CN_DIGITS[s]
        if s[0] in "零〇○":
            raise NotANumeral(s)
        return int("".join(str(CN_DIGITS[ch]) for ch in s))
    total = 0  # everything above the current 万/亿 section
    section = 0  # the current section below 万
    digit: int | None = None
    last_small = 10**5  # small units must fall within a section: 千 > 百 > 十
    last_big = 10**13
    zero_seen = False
    for i, ch in enumerate(s):
        if ch in CN_DIGITS:
            if digit is not None:
                raise NotANumeral(s)  # two digits in a row: 十四五
            if CN_DIGITS[ch] == 0:
                zero_seen = True
                continue
            digit = CN_DIGITS[ch]
        elif ch in CN_SMALL:
            unit = CN_SMALL[ch]
            if unit >= last_small:
                raise NotANumeral(s)
            if digit is None:
                if i == 0 or (unit == 10 and zero_seen) or (unit == 10 and s[i - 1] in CN_BIG):
                    digit = 1  # 十一, 一百零十 is invalid but 一万十 reads as 10010 loosely
                else:
                    raise NotANumeral(s)
            section += digit * unit
            digit = None
            last_small = unit
            zero_seen = False
        else:  # 万 or 亿
            unit = CN_BIG[ch]
            if digit is not None:
                section += digit
                digit = None
            if section == 0 and total == 0:
                if i == 0:
                    section = 1  # 万 alone
                else:
                    raise NotANumeral(s)
            if unit >= last_big and not (unit == 10**8 and last_big == 10**4):
                raise NotANumeral(s)
            if unit == 10**8 and last_big == 10**4:
                total = (total + section) * unit  # 一万亿
            else:
                total += section * unit
            section = 0
            last_small = 10**5
            last_big = unit
            zero_seen = False
    if digit is not None:
        # 一万五 = 15000, 三百五 = 350: a trailing digit after a unit counts one step down.
        if zero_seen or s[-2:-1] in ("", "零", "〇"):
            section += digit
        elif len(s) >= 2 and s[-2] in CN_SMALL:
            section += digit * CN_SMALL[s[-2]] // 10
        elif len(s) >= 2 and s[-2] in CN_BIG:
            section += digit * CN_BIG[s[-2]] // 10
        else:
            section += digit
    return total + section


def read_number(s: str) -> Decimal:
    """Arabic (1,021 / 8.5), full-width or Chinese (一百二十, 三点五) numeral → Decimal."""
    s = fold(s).replace(",", "")
    try:
        return Decimal(s)
    except InvalidOperation:
        pass
    if "点" in s:
        whole, frac = s.split("点", 1)
        if not frac or any(ch not in CN_DIGITS for ch in frac):
            raise NotANumeral(s)
        return Decimal(chinese_to_int(whole) if whole else 0) + Decimal("0." + "".join(str(CN_DIGITS[c]) for c in frac))
    return Decimal(chinese_to_int(s))


@dataclass(frozen=True)
class NumberToken:
    """One numeral expression of a text (a number with its magnitude and unit), classified."""

    start: int  # span of the whole expression (number, magnitude, unit) in the text given
    end: int
    kind: str  # quantity, year, date, ordinal, name, vague, bare, temperature; pledges.py marks a year or age count it reads as a target "target"
    value: Decimal | None = None
    value_max: Decimal | None = None
    unit: str | None = None
    role: Role = Role.OTHER
    raw: str = ""


class _Read(NamedTuple):
    """A token as ``_read_token`` reads it, before ``_find_numbers`` classifies it and takes its raw text:
    a tuple, so the one NumberToken a token becomes is the only frozen dataclass built for it."""

    start: int
    end: int
    kind: str
    value: Decimal | None = None
    value_max: Decimal | None = None
    unit: str | None = None
    role: Role = Role.OTHER


@cache
def unit_table() -> tuple[dict[str, Role], re.Pattern]:
    """The units of the lexicon with their roles, and one pattern matching any of them (longest first)."""
    roles = {u: Role(r) for u, r in lexicons.mapping("units").items()}
    alts = lexicons.alternation(sorted(roles, key=len, reverse=True))
    return roles, re.compile(rf"(?:{alts})")


@cache
def _can_follow() -> frozenset[str]:
    """First characters of whatever may follow a numeral that is a number: units, magnitudes, 半, 成, 年 …"""
    roles, _ = unit_table()
    return frozenset({u[0] for u in roles} | set("万亿千百十年月日号%‰成倍半番级℃度至到~～-—－点"))


@cache
def _idiom_pattern() -> re.Pattern:
    return re.compile(lexicons.alternation(lexicons.words("numeral_idioms")))


@cache
def kind_number_pattern() -> re.Pattern:
    """Rule kind_number: a number right before a word of lexicon kind_number_words (人制) names a kind, 5人制足球场 a
    five-a-side pitch: part of the name, no quantity (晋江市 news 2015: 2个5人制足球场 read 5人; 阳泉市郊区 news:
    计划建设11人制、5人制足球场各一个; 福州 news 2020: 新建球场五人制50万元/片)."""
    words = lexicons.alternation(lexicons.words("kind_number_words"))
    return re.compile(rf"(?<![\d.])(?:\d{{1,2}}|[一二三四五六七八九十]{{1,3}})(?:[(（]\d{{1,2}}[)）])?(?:{words})")


@cache
def _kind_number_words() -> tuple[str, ...]:
    """The words of lexicon kind_number_words, one of which every match of ``kind_number_pattern`` ends with: a text
    without one is not scanned (the pattern opens on a lookbehind, so ``re`` tries it at every position)."""
    return tuple(lexicons.words("kind_number_words"))


_PHASE_WORDS = re.compile(r"工程|项目|建设|基地|中心|园区|厂")


def _counts_sessions(work: str, start: int, after: int) -> bool:
    """Rule sessions: N期 counts sessions of a training (lexicon session_words) when the training's word follows 期 in
    its clause, no word of a project's phase between (高质量完成40期国家援外培训任务, 海南 2026), or ends right before
    the number (已开办扶贫培训班6期, 西昌 news 2019); otherwise 期 is a phase (二期工程, 三期) and no unit."""
    words = lexicons.words("session_words")
    if work.endswith(tuple(words), max(0, start - 4), start):
        return True
    clause = re.match(r"[^，。；、,;！？\n]{0,10}", work[after:]).group(0)
    hit = min((i for i in (clause.find(w) for w in words) if i >= 0), default=-1)
    return hit >= 0 and not _PHASE_WORDS.search(clause, 0, hit)


def _can_follow_thousand(work: str, pos: int) -> bool:
    """After 8千: an approximation or a unit, so 千 is the number's magnitude (8千余户, 5千人)."""
    _, unit_re = unit_table()
    return work[pos:pos + 1] in ("余", "多") or unit_re.match(work, pos) is not None


def _split_magnitude(cn: str) -> tuple[str, str]:
    """十万 → (十, 万); 五百亿 → (五百, 亿); 三千 → (三千, '')."""
    for mag in ("亿", "万"):
        if cn.endswith(mag) and len(cn) > 1 and cn[:-1][-1:] not in CN_BIG:
            head = cn[:-1]
            if head and not head.endswith(("万", "亿")):
                return head, mag
    return cn, ""


def _masked_spans(text: str) -> list[tuple[int, int, str]]:
    spans = [(m.start(), m.end(), "name") for m in _QUOTED_NAME.finditer(text)]
    spans += [(m.start(), m.end(), "idiom") for m in _idiom_pattern().finditer(text)]
    spans += [(m.start(), m.end(), "name") for m in _PLAN_PERIOD.finditer(text)]
    if any(word in text for word in _kind_number_words()):  # the pattern's last word, found by a C search first
        spans += [(m.start(), m.end(), "name") for m in kind_number_pattern().finditer(text)]
    if "实事" in text or "好事" in text:  # the label's last word, found by a C search first
        spans += [(m.start(), m.end(), "name") for m in _LIST_LABEL.finditer(text)]
    return spans


# No masked span is longer than this (a 《title》 of 60 characters), so only spans
# starting this close before a token can hold it.
_LONGEST_MASK = 64


def _inside(spans, starts, start, end) -> str | None:
    """The kind of a masked span holding [start, end): spans sorted by start, looked up by bisection."""
    hi = bisect_right(starts, start)
    for i in range(bisect_left(starts, start - _LONGEST_MASK), hi):
        s, e, kind = spans[i]
        if end <= e:
            return kind
    return None


@lru_cache(maxsize=256)
def find_numbers(text: str) -> tuple[NumberToken, ...]:
    """Every numeral token in ``text`` (a clause or a paragraph), in order, classified.

    Cached for the few texts a document's reading asks about more than once."""
    return tuple(_find_numbers(text))


@cache
def _scan() -> re.Pattern:
    """``_CORE`` as the scan of a text uses it: a lone numeral character is found only where it may be a number,
    before what may follow one (``_can_follow``: 3所, 十万), after 百分之, or 十, 百, 千, 万 before 余 or 多 (十余所,
    百余个). A lone numeral character inside a word (一流, 进一步, 统一), a third of what ``_CORE`` finds in real
    reports, is passed over by the pattern, not by a turn of a Python loop."""
    follow = "".join(re.escape(ch) for ch in sorted(_can_follow()))
    return re.compile(rf"(?=[\d{_CN_CHARS}])(?:(?P<ar>{_ARABIC})|(?P<cn>{_CN}{{2,}}(?:{_CN_DECIMAL})?"
                      rf"|{_CN}{_CN_DECIMAL}|{_CN}(?=[{follow}])|(?<=百分之){_CN}"
                      rf"|[十百千万](?=[余多])))")


def _find_numbers(text: str) -> list[NumberToken]:
    work = folded(text)
    roles, unit_re = unit_table()
    scan = _scan()
    masked = None
    out: list[NumberToken] = []
    pos = 0
    while True:
        m = scan.search(work, pos)
        if not m:
            break
        start, end = m.start(), m.end()
        pos = end
        if masked is None:
            masked = sorted(_masked_spans(work))
            starts = [m_[0] for m_ in masked]
        tok = _read_token(work, m, roles, unit_re)
        if tok is None:
            continue
        start, end = tok.start, tok.end
        pos = max(pos, end)
        where = _inside(masked, starts, m.start(), m.end())
        if where == "idiom":
            continue
        kind = tok.kind
        if where == "name" and kind in ("quantity", "vague", "bare"):
            kind = "name"
        elif kind == "quantity":
            before = work[max(0, start - 1):start]
            # 第 across a copy's layout spaces, its digits spaced too: 第 1 7 条 (柳河县's policy, 2023)
            if before == "第" or work.find("第", max(0, start - 12), start) >= 0 \
                    and (_ORDINAL_SPACED.search(work, max(0, start - 8), start)
                         or _ORDINAL_LISTED.search(work, max(0, start - 12), start)):
                kind = "ordinal"
            elif before == "每" or work[max(0, start - 2):start] in ("每一", "这一", "那一"):
                kind = "vague"
        out.append(number_token(start, end, kind, tok.value, tok.value_max, tok.unit, tok.role, text[start:end]))
    return out


_new = object.__new__


def number_token(start: int, end: int, kind: str, value: Decimal | None, value_max: Decimal | None,
                 unit: str | None, role: Role, raw: str) -> NumberToken:
    """``NumberToken(start, end, kind, value, value_max, unit, role, raw)``, the same token, built in a third of the
    time: a frozen dataclass's ``__init__`` sets each of its eight fields through ``object.__setattr__``, this
    writes them to the new token's ``__dict__`` in the same order. A report's reading builds one or two for each
    number it holds (a tenth of ``find_numbers``)."""
    t = _new(NumberToken)
    d = t.__dict__
    d["start"], d["end"], d["kind"], d["value"] = start, end, kind, value
    d["value_max"], d["unit"], d["role"], d["raw"] = value_max, unit, role, raw
    return t


_ORDINAL_SPACED = re.compile(r"第[ \u3000]+(?:\d[ \u3000]+)*$")
# the second of a list of ordinals under one 第: 按第2、3条执行 (柳河县's policy, 2023)
_ORDINAL_LISTED = re.compile(r"第[ \u3000]*(?:\d[ \u3000]*)+(?:、[ \u3000]*(?:\d[ \u3000]*)+)*、[ \u3000]*$")


def quantities(text: str) -> list[NumberToken]:
    return [t for t in find_numbers(text) if t.kind == "quantity"]


_PERCENT_RANGE = re.compile(rf"{_RANGE_SEP}(?P<hi>{_ARABIC})(?P<sign>[%‰])")


def _percent_range(work: str, pos: int, sign: str, value: Decimal, value_max: Decimal | None):
    """Rule percent_range: a range written with its sign on both ends is one quantity, as 3至5年 is.

    地区生产总值年均增速4.5%-5%、努力争取更好结果 (北京, 2026); 全省地区生产总值年均增长5%—5.5% (安徽, 2026).
    Returns the end of the token and its upper bound."""
    m = _PERCENT_RANGE.match(work, pos)
    if value_max is None and m and m.group("sign") == sign:
        hi = Decimal(m.group("hi").replace(",", ""))
        if hi > value:
            return m.end(), hi
    return pos, value_max


# What a rate is counted per, after the slash: 人, 百亿元, 立方米, 人·月.
_PER_MAGNITUDE = r"(?:万亿|千亿|百亿|十亿|亿|千万|百万|十万|万|千|百)?"
_PER_EXTRA = ("月", "年", "天", "日", "小时", "秒", "亩")


def _rate_denominator(work: str, pos: int, unit_re: re.Pattern) -> int | None:
    """Rule rate_unit: a unit, a slash and what it is counted per make one compound unit.

    全员劳动生产率达58万元/人左右; 生产安全事故死亡率控制在0.6人/百亿元以下 (北京, 2026);
    全员劳动生产率提高到42万元/人以上 (上海, 2026 review). Returns where slash and denominator end."""
    if work[pos:pos + 1] not in ("/", "／"):
        return None
    mag = re.match(_PER_MAGNITUDE, work[pos + 1:pos + 4])
    at = pos + 1 + (mag.end() if mag else 0)
    den = unit_re.match(work, at)
    stop = den.end() if den else next((at + len(w) for w in _PER_EXTRA if work.startswith(w, at)), None)
    if stop is None:
        return None
    if work[stop:stop + 1] in ("·", "•", "・"):  # 元/人·月
        more = unit_re.match(work, stop + 1)
        stop = more.end() if more else next((stop + 1 + len(w) for w in _PER_EXTRA if work.startswith(w, stop + 1)), stop)
    return stop


def _role_for_bare_magnitude(mag: str) -> Role:
    return Role.AMOUNT if mag.endswith("亿") else Role.COUNT


def _read_token(work: str, m: re.Match, roles: dict[str, Role], unit_re: re.Pattern) -> _Read | None:
    start, end = m.start(), m.end()
    ar, cn = m.group("ar"), m.group("cn")
    magnitude = ""
    if cn:
        # Special words first: 一半, 翻一番, N成.
        if cn.endswith("一") and work.startswith("半", end) and cn == "一":
            return _Read(start, end + 1, "quantity", Decimal("0.5"), None, "ratio", Role.RATIO)
        if work[max(0, start - 1):start] == "翻" and work.startswith("番", end):
            try:
                n = chinese_to_int(cn)
            except NotANumeral:
                return None
            return _Read(start - 1, end + 1, "quantity", Decimal(2 ** n), None, "倍", Role.RATIO)
        if len(cn) == 1 and cn in CN_BIG:  # tested before any loop over the characters: most tokens are longer
            # a bare 万 or 亿: a number only behind 过/超/上 (过亿元 = over one 亿元)
            prefix = next((p for p in _BARE_MAGNITUDE_PREFIX if work.endswith(p, 0, start)), None)
            u = unit_re.match(work, end)
            if prefix is None:
                # 亿元以上项目: a threshold of one 亿元
                if not (u and work.startswith("以上", u.end())):
                    return None
                return _Read(start, u.end() + 2, "quantity", Decimal(1), None, cn + u.group(0),
                             roles.get(u.group(0), Role.OTHER))
            unit = cn + (u.group(0) if u else "")
            role = roles.get(u.group(0), Role.OTHER) if u else _role_for_bare_magnitude(cn)
            stop = u.end() if u else end
            return _Read(start - len(prefix), stop, "quantity", Decimal(1), None, unit, role)
        head, magnitude = _split_magnitude(cn)
        try:
            value = read_number(head)
        except NotANumeral:
            return _Read(start, end, "name")
        core_end = end
    else:
        value = Decimal(ar.replace(",", ""))
        # 新增就业 1.2 万人, 新建学校 12 所: text drawn from a PDF spaces numbers off from their units
        gap = _GAP.match(work, end)
        if gap and (work.startswith(MAGNITUDES, gap.end()) or work.startswith(("%", "‰"), gap.end())
                    or unit_re.match(work, gap.end())):
            end = gap.end()
        core_end = end
        mag = _MAGNITUDE.match(work, end)
        if mag:
            magnitude = mag.group(0)
            core_end = mag.end()
        else:
            if work.startswith("千", end) and not unit_re.match(work, end) and _can_follow_thousand(work, end + 1):
                magnitude, core_end = "千", end + 1  # 8千余户: a thousand after digits, unless a unit begins with it (10千伏)
    # A range: 3至5年, 3-5个, 三至五年.
    value_max = None
    rng = _RANGE_RE.match(work, core_end) if not magnitude else None
    if rng:
        m2 = _CORE.match(work, rng.end())
        if m2:
            try:
                hi = Decimal(m2.group("ar").replace(",", "")) if m2.group("ar") else read_number(m2.group("cn"))
            except (NotANumeral, InvalidOperation):
                hi = None
            if hi is not None and hi > value:
                value_max = hi
                core_end = m2.end()
                if m2.group("ar"):
                    mag = _MAGNITUDE.match(work, core_end)
                    if mag:
                        magnitude = mag.group(0)
                        core_end = mag.end()
                elif m2.group("cn"):
                    head2, mag2 = _split_magnitude(m2.group("cn"))
                    if mag2:
                        magnitude = mag2
                        value_max = read_number(head2)
    rest = work[core_end:core_end + 8]
    # Percentages and ratios.
    if rest.startswith(("%", "‰")):
        stop, value_max = _percent_range(work, core_end + 1, rest[0], value, value_max)
        return _Read(start, stop, "quantity", value, value_max, rest[0], Role.RATIO)
    if work.endswith("百分之", 0, start) and not magnitude:
        return _Read(start - 3, core_end, "quantity", value, value_max, "%", Role.RATIO)
    if rest.startswith("℃") or rest.startswith("度") and "气温" in work[max(0, start - 10):start]:
        return _Read(start, core_end + 1, "temperature", value, value_max, "℃")
    if cn and rest.startswith("成") and not magnitude and value < 10:
        return _Read(start, core_end + 1, "quantity", value / 10, None, "ratio", Role.RATIO)
    # Dates and years.
    is_year_number = ar is not None and "." not in ar and len(ar) == 4 and 1900 <= int(ar) <= 2100
    if cn and len(cn) == 4 and all(ch in CN_DIGITS for ch in cn):
        is_year_number = True
    if is_year_number and value_max is None and not magnitude:
        d = _YEAR_TAIL.match(work, core_end)
        # 2000亩, 2000张, 2000辆: a four-digit count with its unit is a quantity, not a year; so is one with 多 or 余
        # between it and its unit (宁夏 2026: 实施重大项目1900多个; 驼腰岭镇 2021: 药材2000余亩)
        near = core_end + 1 if work[core_end:core_end + 1] in ("余", "多") else core_end
        u = None if d is not None or not ar else unit_re.match(work, near)
        if u is None or roles[u.group(0)] is Role.DURATION:
            stop = d.end() if d else core_end
            return _Read(start, stop, "year" if (d is None or d.group(0) == "年") else "date", value)
    if not magnitude and value_max is None or not magnitude and rest.startswith("日"):
        d = _DAY_OR_MONTH.match(work, core_end)
        if d and not (d.group(0).startswith("日") and work.startswith("个", core_end - 1)):
            return _Read(start, d.end(), "date", value, value_max)
    # Size class: 百亿级, 千亿级, 五百亿级.
    if magnitude and rest.startswith("级"):
        return _Read(start, core_end + 1, "quantity", value, value_max, magnitude, _role_for_bare_magnitude(magnitude))
    # 3万余户, 100多家: an approximation between number and unit
    approx = 1 if work[core_end:core_end + 1] in ("余", "多") and unit_re.match(work, core_end + 1) else 0
    u = unit_re.match(work, core_end + approx)
    if not u and not magnitude and work.startswith("期", core_end) and _counts_sessions(work, start, core_end + 1):
        return _Read(start, core_end + 1, "quantity", value, value_max, "期", Role.COUNT)
    if u and u.group(0) in _NOUN_AFTER_UNIT and work[u.end():u.end() + 1] \
            and work[u.end():u.end() + 1] in _NOUN_AFTER_UNIT[u.group(0)]:
        u = None  # 两部门, 三部委: a noun the measure word begins, not a measure
    if u:
        unit = u.group(0)
        role = roles[unit]
        stop = u.end()
        per = _rate_denominator(work, stop, unit_re)
        if per:  # 58万元/人, 0.6人/百亿元, 29微克/立方米, 元/人·月: a rate, one unit
            unit += work[stop:per].replace("／", "/")
            stop = per
        full_unit = magnitude + unit
        kind = "quantity"
        if cn and value == 1 and not magnitude and cn in ("一",) and value_max is None and unit in _GENERIC_MEASURES:
            kind = "vague"  # 一个中心, 一项任务: an article, not a count (一所学校 is a count)
        return _Read(start, stop, kind, value, value_max, full_unit, role)
    if magnitude:
        return _Read(start, core_end, "quantity", value, value_max, magnitude, _role_for_bare_magnitude(magnitude))
    if cn and value in (100, 1000) and head in ("百", "千"):
        return None  # 百 or 千 alone with no unit: a word (百姓, 千方百计), not a number
    return _Read(start, core_end, "bare", value, value_max)
