"""Who and where: officials credited with a statement, and the districts text names.

A person is found as a run of titles followed by a name (``淄博市委副书记、张店区委书记
马晓磊``), where the name starts with a known surname and is followed by a word
that ends it (在, 表示, 作, 接受, punctuation …). The district of a pledge is the
most local division named in its official's title, else one named in the text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from tracker.extract import lexicons
from tracker.extract.model import Official
from tracker.extract.rules import decide, rule
from tracker.extract.tokens import cut as _cut

# Words that may follow a name and so end it.
_AFTER_NAME = lexicons.words("after_name_words")
CREDIT = re.compile(r"(?:在接受[^，,。]{0,12}?(?:采访|专访)时|在[^，,。“”]{1,16}?(?:时|上|中|期间)[，,]?)?"
                     r"(?:表示|说|介绍|指出|强调|告诉记者|谈到|坦言|透露|要求|提出|宣布|承诺)"
                     r"|接受[^，,。]{0,8}?(?:采访|专访)"
                     r"|作(?:政府)?工作报告|作报告|代表[^，,。]{0,10}?作[^，,。]{0,6}?报告")
_INTERVIEW = re.compile(r"(?:专访|——访|—访|访谈|对话)")
_LEVEL_RANK = {"省": 0, "市": 1, "州": 1, "盟": 1, "区": 2, "县": 2, "旗": 2, "镇": 3, "乡": 3, "街道": 3}
# A division named as titles and sessions name it: two to five characters, its level, and then what a division's
# own government, congress, report or head is called (XX县人民政府, XX市第三届, XX区区长, XX县：…).
_DIVISION_NAME_LONGEST = 5
# no 的 in a name: 刚刚闭幕的秦安县第十七届人民代表大会 names 秦安县, 4月27日的镇安县政府工作报告 镇安县
_DIVISION_NAME = rf"[\u4e00-\u7683\u7685-\u9fff]{{2,{_DIVISION_NAME_LONGEST}}}?"
_DIVISION_LEVEL = r"(?P<level>省|市|区|县|旗|州|盟|镇|乡)"
_DIVISION_AFTER = (r"(?=委|人民政府|政府|人大|人民代表大会|政协|党委"
                   r"|第[一二三四五六七八九十\d]+届|国民经济和社会发展"
                   # the owner of a report or a list: 仙居县2024年民生实事项目, 贵州省政府工作报告
                   r"|(?:\d{4}年|[〇零一二三四五六七八九]{4}年)?(?:政府工作报告|民生实事|为民办实事|十件实事)"
                   # its head (杭州市拱墅区区长), or the host of a meeting (湛江市召开…会)
                   r"|(?:常务副|副|代)?(?P=level)长|召开|举行"
                   # a headline's subject: 兰考县：产业兴旺…
                   r"|[：:](?!\d))")
_GENERIC_DIVISION = re.compile(f"({_DIVISION_NAME}{_DIVISION_LEVEL}){_DIVISION_AFTER}")
# A 新区 with its own people's congress or government is a district (上海市浦东新区第六届人民代表大会, 浦东新区区长).
_NEW_DISTRICT = re.compile(r"([\u4e00-\u9fff]{2,4}新区)(?=第[一二三四五六七八九十\d]+届|人民代表大会|人民政府|区委|区长|副区长|区人大|区政协)")
_INNER_DIVISION = re.compile(r"(.+[省市州盟县区旗])([\u4e00-\u9fff]{2,}(?:市|区|县|旗|镇|乡))$")
# A zone that governs itself through a party working committee and an administrative committee
# (昆山开发区党工委, 两江新区管委会) makes pledges as a district does.
_ZONE_NAME_LONGEST = 10
_ZONE_NAME = rf"[\u4e00-\u9fff]{{2,{_ZONE_NAME_LONGEST}}}?"
_ZONE_ENDING = r"(?:开发区|高新区|新区|园区|示范区|试验区|保税区)"
_ZONE_AFTER = r"(?=党工委|工委|管委会|管理委员会)"
_ZONE_GOVERNMENT = re.compile(f"({_ZONE_NAME}{_ZONE_ENDING}){_ZONE_AFTER}")
# What every match of the two patterns above ends with, found without trying a name's characters at each place of
# a paragraph: no match starts more than the longest name before the first of these (``_first_possible``).
# Keyed by the pattern's identity (both live as long as the module): hashing a compiled pattern hashes its code, a few
# thousand instructions for these two, and a dict keyed by the pattern hashed it at every paragraph read.
_TAILS = {id(_GENERIC_DIVISION): (_GENERIC_DIVISION, re.compile(_DIVISION_LEVEL + _DIVISION_AFTER),
                                   _DIVISION_NAME_LONGEST),
          id(_ZONE_GOVERNMENT): (_ZONE_GOVERNMENT, re.compile(_ZONE_ENDING + _ZONE_AFTER), _ZONE_NAME_LONGEST)}


def _tail_of(pattern: re.Pattern):
    """(tail, longest name) of ``pattern`` when it is one of ``_TAILS``', else None."""
    got = _TAILS.get(id(pattern))
    return got[1:] if got is not None and got[0] is pattern else None


def _first_possible(pattern: re.Pattern, text: str) -> int | None:
    """Where a scan of ``text`` with ``pattern`` (``_GENERIC_DIVISION``, ``_ZONE_GOVERNMENT``) may start without
    passing a match, or None when ``text`` holds none: the first place its tail stands, less the longest name
    before a tail. The scans try a run of two to ten characters at every character of a paragraph, and most
    paragraphs name no division that way."""
    tail, longest = _tail_of(pattern)
    m = tail.search(text)
    return None if m is None else max(0, m.start() - longest)


# Words that look like a division but are not one (园区, 全区 …).
_NOT_DIVISION = frozenset(lexicons.words("not_division_words"))
# Endings of zones that are no administrative division (经济开发区, 产业园区 …).
_ZONE_ENDINGS = lexicons.words("zone_endings")


@dataclass(frozen=True)
class Person:
    """An official named in a text (title and name), and whether the text credits them."""

    start: int  # span of title + name in the text given
    end: int
    official: Official
    credited: bool  # the text credits this person with a statement, a report or an interview


@dataclass(frozen=True)
class District:
    """A known administrative division: its name, level and the division it belongs to."""

    name: str
    level: str
    parent: str | None


@cache
def districts() -> dict[str, District]:
    """Every known division by name and alias."""
    out: dict[str, District] = {}
    for row in lexicons.rows("districts"):
        name, level = row[0], (row[1] if len(row) > 1 else "")
        parent = row[2] if len(row) > 2 and row[2] else None
        d = District(name, level, parent)
        out[name] = d
        for alias in (row[3].split(",") if len(row) > 3 and row[3] else []):
            out.setdefault(alias.strip(), d)
    return out


@cache
def _district_pattern() -> re.Pattern:
    names = sorted(districts(), key=len, reverse=True)
    return re.compile(lexicons.alternation(names))


@cache
def _title_words() -> re.Pattern:
    return re.compile(lexicons.alternation(lexicons.words("titles")))


@cache
def _name_pattern() -> re.Pattern:
    """A name right after a title: a known surname, one or two more characters, then a word that ends it; or a
    surname and one character spaced apart at the end of the line."""
    surnames = sorted(lexicons.words("surnames"), key=len, reverse=True)
    double = "|".join(re.escape(s) for s in surnames if len(s) > 1)
    single = "".join(s for s in surnames if len(s) == 1)
    enders = "|".join(re.escape(w) for w in _AFTER_NAME)
    return re.compile(
        rf"[ \u3000]{{0,4}}(?:(?P<name>(?:{double}|[{single}])[\u4e00-\u9fff]{{1,2}}?)"
        rf"(?={enders}|[，,。、；;：:“”\"（(）)\s]|$)"
        # a two-character name spaced to the width of three at the end of its line (上海市市长 龚 正, 自治区主席 韦 韬:
        # the speaker's line of a report's header)
        rf"|(?P<first>{double}|[{single}])[ \u3000]{{1,2}}(?P<second>[\u4e00-\u9fff])(?=[ \u3000]*$))"
    )


# What a title may be made of, read backwards from its last title word.
_TITLE_CHARS = re.compile(r"[\u4e00-\u9fffA-Za-z0-9、]{1,40}$")


def find_people(text: str) -> list[Person]:
    """Every title + name in ``text``, with whether the text credits the person.

    Anchored on title words, so a paragraph without one costs a single scan."""
    out = []
    last_end = 0
    names = _name_pattern()
    for t in _title_words().finditer(text):
        if t.start() < last_end:
            continue
        m = names.match(text, t.end())
        if m is None:
            continue
        if m.group("name"):
            name, end = m.group("name"), m.end("name")
        else:  # spaced out: the name without its space, the person's span over both characters
            name, end = m.group("first") + m.group("second"), m.end("second")
        if _title_words().match(text, m.start("name")):
            continue  # 书记 followed by 副书记: the title goes on
        back = _TITLE_CHARS.search(text, max(last_end, t.start() - 40), t.start())
        head = back.group(0) if back else ""
        raw_title = head + text[t.start():t.end()]
        title = re.split(r"——|—|专访|访|^.+?(?:时|上|日)", raw_title)[-1].strip("、，, ")
        title = title.lstrip("在于和与及对从向是为的据")
        start = t.end() - len(title) if title else t.start()
        after = text[end:end + 30]
        before = text[max(0, start - 6):start]
        # 市教育局副局长孙伟：… a transcript's speaker label credits the answer that follows
        credited = bool(CREDIT.match(after)) or bool(_INTERVIEW.search(before)) or after[:1] in ("：", ":")
        out.append(Person(start, end, Official(name=name, title=title or None), credited))
        last_end = end
    return out


# The speaker's line of a report's header whose name no surname of the lexicon opens: a title ending in a head of
# government's word, a space, and the name alone to the line's end, Tibetan or transliterated (自治区主席 嘎玛泽登,
# 自治区主席 艾尔肯·吐尼亚孜).
_SPEAKER_LINE = re.compile(r"(?P<title>[\u4e00-\u9fff]{0,20}?(?:主席|省长|市长|区长|县长|州长|旗长|盟长))[ \u3000]+"
                           r"(?P<name>[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{2,6}(?:[·•][\u4e00-\u9fff]{2,6})+)")


def speaker_line(text: str) -> Official | None:
    """Rule speaker_line (part of credited_in_text): a heading that is nothing but a head of government's title, a
    space and a name is the speaker of the text that follows, whatever the name's first character."""
    m = _SPEAKER_LINE.fullmatch(text.strip())
    return Official(m.group("name"), m.group("title")) if m else None


def credited_name(text: str, names: set[str]) -> str | None:
    """A known person credited by name alone in ``text`` (马晓磊表示, “…”马晓磊说): the first credited in
    the text, whatever the order of ``names`` (孔令俊在致辞中表示 … 周永刚在致辞中表示 → 孔令俊)."""
    found = [(m.start(), name) for name in names for m in re.finditer(re.escape(name), text)
             if CREDIT.match(text, m.end())]
    return min(found)[1] if found else None


def district_of_title(title: str | None) -> str | None:
    """The most local division a title names: 淄博市委副书记、张店区委书记 → 张店区."""
    if not title:
        return None
    found = []
    for m in _district_pattern().finditer(title):
        d = districts()[m.group(0)]
        found.append((_LEVEL_RANK.get(d.level, 1), m.start(), d.name))
    for start, name in _generic_names(title):
        if name in _NOT_DIVISION or name.endswith(_ZONE_ENDINGS):
            continue
        known = districts().get(name)
        if known is None:
            found.append((_LEVEL_RANK.get(name[-1], 1), start, name))
    for start, name in _zone_names(title):
        found.append((_LEVEL_RANK["区"], start, name))
    if not found:
        return None
    found.sort(key=lambda x: (-x[0], x[1]))
    return found[0][2]


def _strip_lead(name: str) -> str:
    """日在某某县 → 某某县: words that precede a place name are not part of it."""
    return name.lstrip("在于日年月的和与及对从向是为")


@cache
def _not_place_words() -> frozenset[str]:
    """The generated list (build_lexicon) and the words added to it by hand."""
    return frozenset(lexicons.words("not_place_words") + lexicons.words("not_place_words_extra"))


@cache
def _place_like(stem: str) -> bool:
    """No verb, adverb, pronoun … among the words of ``stem``: 市长陈明主持召开市政府 names no 明主持召开市."""
    return not any(w in _not_place_words() for w in _cut(stem))


# 各乡镇, 全县, 本市, 有关县区: every division of a kind, or the speaker's own (not 全椒县, 本溪市)
_NOT_A_NAME_START = re.compile(r"各|每|有关|相关|所在|所属|[全本我该](?=[省市区县乡镇旗州])")


def _generic_names(text: str, pattern: re.Pattern = _GENERIC_DIVISION) -> list[tuple[int, str]]:
    """(offset, name) of each division named the way titles and sessions name them, its name made
    of place-like words: the longest such tail of what the pattern found (日在某某县 → 某某县)."""
    out = []
    start = _first_possible(pattern, text) if _tail_of(pattern) is not None else 0
    for m in (pattern.finditer(text, start) if start is not None else ()):
        name = _strip_lead(m.group(1))
        if _NOT_A_NAME_START.match(name):
            continue  # 各乡镇人民政府, 有关县区…: every division of a kind, none by name
        offset = m.end(1) - len(name)
        while len(name) >= 3 and not _place_like(name[:-1]):
            name, offset = name[1:], offset + 1
        inner = _INNER_DIVISION.match(name)
        if inner:  # 宜兴市丁蜀镇 → 丁蜀镇: the most local division the run names
            offset, name = offset + inner.start(2), inner.group(2)
        if len(name) >= 3 or len(name) == 2 and _place_like(name[:-1]) and name == _strip_lead(m.group(1)):
            out.append((offset, name))
    return out


def _zone_names(text: str) -> list[tuple[int, str]]:
    """(offset, name) of each zone named with its own government (昆山开发区党工委 → 昆山开发区)."""
    out = []
    for o, n in (_generic_names(text, _NEW_DISTRICT) if "新区" in text else ()):
        tail = re.split(r"[省市]", n)[-1]  # 上海市浦东新区 → 浦东新区
        if tail.endswith("新区") and len(tail) > 3:
            out.append((o + len(n) - len(tail), tail))
    if "委" not in text:
        return out
    start = _first_possible(_ZONE_GOVERNMENT, text)
    for m in (_ZONE_GOVERNMENT.finditer(text, start) if start is not None else ()):
        ending = next(e for e in _ZONE_ENDINGS_LONGEST if m.group(1).endswith(e))
        stem = _strip_lead(m.group(1)[:-len(ending)])
        while len(stem) >= 2 and not _place_like(stem):
            stem = stem[1:]
        if len(stem) >= 2 and _place_like(stem) and not stem.startswith(("全", "本", "我", "该", "国家", "省级")):
            out.append((m.end(1) - len(stem) - len(ending), stem + ending))
    return out


# The kind of zone, which names no place: 经济开发区 alone is any zone.
_ZONE_KINDS = lexicons.words("zone_kinds")
_ZONE_ENDINGS_LONGEST = tuple(sorted(_ZONE_ENDINGS + _ZONE_KINDS, key=len, reverse=True))


@cache
def _province_as_own() -> re.Pattern:
    """A province-level division of the lexicon by its full name, named as titles and sessions name a text's own: the
    generic pattern's names are at most five characters, 宁夏回族自治区第十三届人民代表大会 and 内蒙古自治区第十四届… are longer."""
    names = sorted((k for k, v in districts().items() if v.level == "省"), key=len, reverse=True)
    return re.compile("(" + "|".join(re.escape(n[:-1]) for n in names) + r")(?P<level>[省市区])" + _DIVISION_AFTER)


def provinces_as_own(text: str) -> list[str]:
    """The province-level divisions ``text`` names as its own (在内蒙古自治区第十四届人民代表大会…, 黑龙江省政府工作报告)."""
    return [m.group(1) + m.group("level") for m in _province_as_own().finditer(text)
            if m.group(1) + m.group("level") in districts()]


def generic_divisions(text: str) -> list[str]:
    """Divisions named in the way titles and sessions name them (XX县人民政府, XX区第五届…), known or not."""
    out = []
    for _, name in _generic_names(text):
        if len(name) >= 2 and name not in _NOT_DIVISION and not name.endswith(_ZONE_ENDINGS):
            out.append(districts()[name].name if name in districts() else name)
    out += [name for _, name in _zone_names(text)]
    return out


# What may follow a place name that then names something else: a longer division (长沙县 is not
# 长沙市), a zone (苏州高新区, 苏州工业园), or a benchmark (浦东速度, 昆山经验).
_MODIFIED_PLACE = re.compile(r"[县区市旗镇乡](?![委长政])|高新|工业园|产业园|园区|开发区|新区|经济区|保税区|自贸|片区|城区|"
                             r"速度|经验|模式|样板|标准|品牌"
                             # a company's name: 苏州协鑫光伏科技有限公司, 苏州市欧陆杰电器有限公司
                             r"|[\u4e00-\u9fff（）()]{0,16}?(?:有限公司|股份|集团|公司)")
# …and what may precede it: 对标浦东, 学习昆山, 借鉴…
_BENCHMARK_BEFORE = lexicons.words("benchmark_verbs")


def districts_in(text: str) -> list[tuple[int, str]]:
    """(offset, canonical name) of every known division named in ``text`` as itself.

    A place name that modifies something else is not that place: 长沙县 names a county, not
    长沙市 (长沙县 news of 2011: 长沙县将计划投资75亿元); 苏州高新区 names a zone, not 苏州市 (a
    zone's news of 2011), 苏州市欧陆杰电器有限公司 a company; 对标浦东速度 names a benchmark.
    The name is skipped there."""
    out = []
    for m in _district_pattern().finditer(text):
        name = m.group(0)
        following = _MODIFIED_PLACE.match(text, m.end())
        if following and (name[-1] not in "省市县区旗镇乡盟" or following.group(0).endswith(("公司", "集团", "股份"))):
            continue
        if text[max(0, m.start() - 2):m.start()] in _BENCHMARK_BEFORE:
            continue
        out.append((m.start(), districts()[name].name))
    return out


# ---------------------------------------------------------------- responsible unit

@cache
def department_pattern() -> re.Pattern:
    """A department with the division that owns it: 县教育局, 市住建局, 庐江县教体局, 区发改委."""
    names = lexicons.alternation(lexicons.words("departments"))
    return re.compile(rf"(?:[\u4e00-\u9fff]{{2,5}}?[省市县区旗州镇]|[省市县区旗州镇])?(?:{names})")


@cache
def _department_word() -> re.Pattern:
    """A department's own name alone (教育局, 发改委): what every match of ``department_pattern`` ends on."""
    return re.compile(lexicons.alternation(lexicons.words("departments")))


def departments_in(text: str) -> list[re.Match]:
    """Every match of ``department_pattern`` in ``text``, in order (``finditer``). The pattern tries its
    optional division (2-5 characters before 省市县区…) at every offset, 0.12 s over the bench corpus's
    2,883 paragraphs, of which 122 hold a department's name at all: a text without one, which no match can
    be, costs a scan for the names alone (0.009 s for all of them)."""
    if _department_word().search(text) is None:
        return []
    return list(department_pattern().finditer(text))


# 牵头单位：县工信局 / 责任单位：县教育局、县财政局 / 由市住建局牵头 / 县民政局牵头
_UNIT_LABEL = re.compile(r"(?:牵头责任单位|牵头单位|责任单位|主办单位|实施单位)[:：]\s*(?P<unit>[^；;，,。）)、|\s]{2,20})")
_LEADS = re.compile(r"由(?P<unit>[^，,。；;由]{2,16}?)(?:牵头|负责|组织实施|承办)")
#: words before a department naming it as a source or a capacity (据荣成市财政局介绍, 作为安徽省发改委主任): no part of it
_SOURCE_WORDS = re.compile(r"根据|据|作为")
_HEAD_WORDS = re.compile(r"(?:常务)?(?:副)?(?:局长|主任|书记|总经理|经理|理事长|部长)$")


@dataclass
class _UnitSpan:
    """What the responsible-unit rules read: a pledge's span in its sentence and paragraph."""

    text: str
    sentence_start: int
    start: int
    end: int
    block_end: int
    official: Official | None

    def __post_init__(self) -> None:
        self.sentence_end = min(self.block_end, self.end + 80)
        self.close = _SENTENCE_CLOSE.search(self.text, self.end, self.sentence_end)


@rule("responsible_unit", "牵头单位标注")
def unit_label(u: _UnitSpan) -> str | None:
    """A label after the pledge in its sentence or its note: …项目50个，其中10亿元以上项目5个。（牵头单位：县商务局；
    完成时限：2024年12月底） (a rule test)."""
    note_end = u.close.end() + 60 if u.close else u.sentence_end
    label = _UNIT_LABEL.search(u.text, u.start, min(u.block_end, note_end))
    return label.group("unit") if label else None


@rule("responsible_unit", "由…牵头")
def led_by(u: _UnitSpan) -> str | None:
    """由…牵头 in the pledge's sentence: 今年将改造老旧小区12个，由市住建局牵头 (a rule test)."""
    lead = _LEADS.search(u.text, u.sentence_start, u.close.start() if u.close else u.sentence_end)
    return lead.group("unit") if lead and department_pattern().fullmatch(lead.group("unit")) else None


@rule("responsible_unit", "部门作主语")
def department_subject(u: _UnitSpan) -> str | None:
    """A department that is the subject of its sentence: 县教体局多次与市县教育、财政、规划等职能部门对接
    (庐江县 news of 2019, a rule test); a word that names it as a source or a capacity is no part of it:
    据无锡市财政局政府采购管理处处长华静娴介绍，… (无锡 news of 2011) → 无锡市财政局."""
    source = _SOURCE_WORDS.match(u.text, u.sentence_start)
    subject = department_pattern().match(u.text, source.end() if source else u.sentence_start, u.start + 1)
    return subject.group(0) if subject else None


@rule("responsible_unit", "讲话人所在部门")
def department_of_official(u: _UnitSpan) -> str | None:
    """The department of the person the text credits with it: 县住建局副局长刘子伦:“第一批改造计划投资4262万元,…”
    (永吉县 news of 2020, a rule test) → 县住建局."""
    if u.official and u.official.title:
        title = _HEAD_WORDS.sub("", u.official.title.split("、")[-1])
        dept = department_pattern().search(title)
        if dept and dept.end() == len(title):
            return dept.group(0)
    return None


UNIT_RULES = (unit_label, led_by, department_subject, department_of_official)


def responsible_unit_with_rule(text: str, sentence_start: int, start: int, end: int, block_end: int,
                               official: Official | None = None) -> tuple[str | None, str]:
    """``responsible_unit`` and the id of the rule that found it."""
    return decide(UNIT_RULES, _UnitSpan(text, sentence_start, start, end, block_end, official))


def responsible_unit(text: str, sentence_start: int, start: int, end: int, block_end: int,
                     official: Official | None = None) -> str | None:
    """The unit the text makes responsible for the pledge at ``start:end`` (牵头单位).

    In order (``UNIT_RULES``): a label after the pledge in its sentence or its note (……，年底前完成。（牵头单位：
    县工信局）), a 由…牵头 in its sentence (由市住建局牵头), a department that is the subject of its
    sentence (县教体局多次与…对接,制定本年度…计划,其中拟维修改造…42所学校: 庐江县 news of 2019),
    and the department of the person the text credits with it (县教育局局长刘芳表示 → 县教育局)."""
    return responsible_unit_with_rule(text, sentence_start, start, end, block_end, official)[0]


_SENTENCE_CLOSE = re.compile(r"[。！？!?]")
