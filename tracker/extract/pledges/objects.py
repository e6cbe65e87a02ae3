"""The object decision: what a pledge counts (幼儿园, 城市干道, 保障性住房).

Rules, in order: a baseline's object (从X提高到Y), a sum's use, the words after the last number,
the words before the first number (no verb), the words between verb and number, the words before
the verb; and, for a clause that names nothing, the object of the clause before it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from tracker.extract import lexicons
from tracker.extract.model import Role
from tracker.extract.numbers import NumberToken, find_numbers
from tracker.extract.pledges.base import (
    _AT_PLACES, _MODAL_BEFORE_HEDGE, _QUOTE_MARKS, _USE_VERBS, _strip_quotes, _action_pattern, _actions_in, _verb_after_place, _base_unit, _hedge_before_base, _is_name, _nominal_actions, _Obj, _object_after,
    _object_before, _qualifiers,
)
from tracker.extract.rules import decide, rule


@dataclass
class Span:
    """The part of a context the object rules read: a quote's span and its numbers."""

    text: str
    start: int
    end: int
    kept: list[NumberToken]
    baseline: tuple[int, int] | None = None
    memo: dict = field(default_factory=dict)


# An investment before a sum (投资67亿元, 计划总投资43.6亿元): any verb after it, even past a comma and a word
# of manner (，大力实施…), says what the sum is spent on.
_INVESTED = re.compile(r"投资(?:总额|额)?(?:约|达|达到|超过|超|近|逾)?$")
_AFTER_SUM = re.compile(r"[，,]?(?:[\u4e00-\u9fff]{2})?")


def _use_of_sum(text: str, q: NumberToken, end: int) -> re.Match | None:
    """The verb after a sum that puts it to a use: a verb of use (筹措7亿元实施…, 投入665亿元用于…), or, after an
    investment, any verb (投资9000万元扩建二期工厂, 投资67亿元,实施…项目38个); None for no sum or no such verb."""
    if q.role is not Role.AMOUNT:
        return None
    use = _use_verb_pattern().match(text, q.end, end)
    if use or not _INVESTED.search(text, max(0, q.start - 8), q.start):
        return use
    for k in (0, 1, 2, 3):
        if k and not _AFTER_SUM.fullmatch(text, q.end, q.end + k):
            continue
        verb = _action_pattern().match(text, q.end + k, end) or _use_verb_pattern().match(text, q.end + k, end)
        if verb:
            return verb
    comma = q.end + 1 if text.startswith(("，", ","), q.end) else q.end
    return _verb_after_place(text, comma, end)


@cache
def _use_verb_pattern() -> re.Pattern:
    return re.compile("|".join(re.escape(w) for w in sorted(_USE_VERBS, key=len, reverse=True)))


# Where the words after a verb of use stop: the end of their clause.
_USE_STOP = re.compile(r"[，,；;。：:！？!?]")


@rule("object", "用途的中心语", "head_of_use")
def _head_of_use(text: str, start: int, end: int) -> int:
    """Where the object after a verb of use begins: past a modifier ending in 的, and past bare names listed before a
    project's name they share (the last item ends in 工程 or 项目, lexicon project_nouns, and no verb stands in the
    items before it), so the object is the work the sum is spent on: 投资6.6亿元,实施两河圣山文化旅游景区的基础设施建设
    (海拉尔区, 2017: 基础设施建设); 三年安排450亿元支持以AI为引领的新质生产力发展 (广西, 2026: 新质生产力发展, not 以AI);
    投资3.1亿元，实施桃李中学、三中分校、第五中学扩建工程 (海拉尔区 实事, 2015: 第五中学扩建工程, not 桃李中学). A list of
    works, each its own, keeps its first (今年计划投资13000万元进行南源水电站建设、阊江流域综合治理、…: 黄山市 news, 2011)."""
    stop = _USE_STOP.search(text, start, end)
    span_end = stop.start() if stop else end
    de = text.rfind("的", start, span_end)
    if 0 <= de and de + 1 < span_end:
        return de + 1
    dun = text.rfind("、", start, span_end)
    if 0 <= dun and not _actions_in(text, start, dun) \
            and text[dun + 1:span_end].rstrip(_QUOTE_MARKS + " ").endswith(_project_nouns()):
        return dun + 1
    return start


@cache
def _project_nouns() -> tuple[str, ...]:
    return lexicons.words("project_nouns")


def _after_number(c) -> tuple[_Obj, str] | None:
    """The object read after the last number that has one, and whether a verb of use came first."""
    if "after_number" not in c.memo:
        found = None
        for q in reversed(c.kept):
            use = _use_of_sum(c.text, q, c.end)
            obj = _object_after(c.text, _head_of_use(c.text, use.end(), c.end), c.end) if use else None
            if obj:
                found = (obj, "use")
                break
            obj = _object_after(c.text, q.end, c.end)
            if obj:
                found = (obj, "after")
                break
        c.memo["after_number"] = found
    return c.memo["after_number"]


def _verbs(c) -> list:
    """The verbs before the first number, a noun-like verb at their end taken as the object's last word."""
    if "verbs" not in c.memo:
        verbs = _actions_in(c.text, c.start, c.kept[0].start)
        while len(verbs) > 1 and _nominal_action(verbs[-1].group(0)):
            verbs.pop()  # 发放…租赁补贴|1.6万户: the noun-like verb ends the name, the verb before is the act
        c.memo["verbs"] = verbs
    return c.memo["verbs"]


@rule("action", "名词性动词归对象")
def nominal_verb_ends_object(word: str) -> bool:
    """A verb that also names a thing (lexicon nominal_actions), written
    against the number after another verb, is the object's last word; the verb before is the act.

    发放城镇住房保障家庭租赁补贴1.6万户 (内蒙古 民生实事, 2026); 拆除违法建设500万平方米 (北京, 2026)."""
    return word in _nominal_actions()


#: the helper's old name
_nominal_action = nominal_verb_ends_object


@rule("object", "基数之前的对象")
def baseline_object_before(c) -> _Obj:
    """从X提高到Y: the object stands before 从/由, the baseline X no part of it.

    保费由每生每年5元提高至10元 (内蒙古 民生实事, 2026); 每千人口托位数从0.5个增至4.8个 (a province's review)."""
    return _object_before(c.text, c.start, c.baseline[0]) if c.baseline else None


@rule("object", "资金用途")
def sum_for_a_use(c) -> _Obj:
    """A sum followed by a verb of use names its use as the object.

    筹措7亿元实施就业惠民工程, 筹措280.44亿元实施社保惠民工程 (广西, 2026);
    三年安排450亿元支持以AI为引领的新质生产力发展 (广西, 2026); 省级财政累计投入665亿元用于为民办实事项目 (福建, its review)."""
    found = _after_number(c)
    return found[0] if found and found[1] == "use" else None




@rule("object", "作业地点之后的对象")
def work_after_its_places(c) -> _Obj:
    """A count after 在 counts the places where the work is done, and the verb after the places governs the object:
    在39个村改造升级10千伏线路16.66公里, 在17个乡镇(街道办)硬化道路10万平方米 (歙县 实事, 2025: 10千伏线路, 道路);
    项目计划在全县509个自然屯建设总装机容量100MW的分布式屋顶光伏项目 (柳河县 光伏, 2022: 分布式屋顶光伏项目). The
    object is read after the last 的 past the verb (the head its modifier describes), else after the last number past
    it that has one, else right after the verb. The places' count is the quote's first number even where it is no
    quantity of the pledge (places_of_the_work keeps it in ``memo["places"]``)."""
    q = (c.memo.get("places") or c.kept)[0]
    if not _AT_PLACES.search(c.text, max(c.start, q.start - 3), q.start):
        return None
    verbs = _actions_in(c.text, q.end, c.end)
    if not verbs or not _is_name(c.text[q.end:verbs[0].start()].split("(")[0].split("（")[0]):
        return None
    after = verbs[0].end()
    for nxt in verbs[1:]:  # the whole group: 改造升级
        if c.text[after:nxt.start()] not in ("", "、"):
            break
        after = nxt.end()
    of = c.text.rfind("的", after, c.end)  # 建设|总装机容量100MW的|分布式屋顶光伏项目: the head after 的
    obj = _object_after(c.text, of + 1, c.end) if of != -1 else None
    for t in reversed([t for t in find_numbers(c.text[after:c.end]) if t.kind == "quantity"]):
        obj = obj or _object_after(c.text, after + t.end, c.end)  # 改造升级10千伏|线路|16.66公里
    return obj or _object_after(c.text, after, c.end)


# after a count: the places (老旧小区, 村 …), 的, and the work done in them, to the quote's end
@cache
def _places_then_work() -> re.Pattern:
    places = "|".join(re.escape(w) for w in sorted(lexicons.words("counted_places"), key=len, reverse=True))
    works = "|".join(re.escape(w) for w in sorted(lexicons.words("place_work_endings"), key=len, reverse=True))
    return re.compile(rf"((?:{places}))的([\u4e00-\u9fff]{{0,12}}(?:{works}))")


@rule("object", "所计处所的工程")
def work_at_counted_places(c) -> _Obj:
    """A count of places (a word of lexicon counted_places: 老旧小区, 小区, 村 …), then 的 and the work done there
    (ending as lexicon place_work_endings ends: 改造, 工程 …), counts the places the work reaches; the object is the
    places with their work, as completed_work gives 完成22个小区供电设施改造: 实施36个老旧小区的既有建筑节能改造、
    45个老旧小区基础设施综合改造、23个老旧小区的三级供热管网改造 (海拉尔区's 2017 report: 老旧小区的既有建筑节能改造,
    老旧小区的三级供热管网改造); 投资1260万元，完成5个村的饮水安全工程 and 建华等7个小区的节能改造 (海拉尔区's 2015
    report: 村的饮水安全工程, 小区的节能改造). The work must end the quote; a head that is no work (18个行政村的村集体
    经济项目 is one) is left to the other rules only when it ends otherwise."""
    q = c.kept[-1]
    m = _places_then_work().match(c.text, q.end, c.end)
    if m is None or c.text[m.end():c.end].strip(_QUOTE_MARKS + " \u3000"):
        return None
    return m.group(1) + "的" + m.group(2), m.group(1)


@cache
def _completion_verbs() -> frozenset[str]:
    return frozenset(lexicons.words("completion_verbs"))


@rule("object", "所完成的工程")
def completed_work(c) -> _Obj:
    """After a verb of completion (lexicon completion_verbs: 完成), the number counts the things and the verb that
    ends the quote names the work done on them: the object is the things with their work, the act stays 完成:
    完成广场南路等5条路雨污分流改造, 完成22个小区供电设施改造 (长安区 实事, 2022: 路雨污分流改造, 小区供电设施改造);
    年内完成15万平方米老旧小区既有建筑节能改造 (海拉尔区 民生, 2014: …节能改造); 我区三年应累计完成5800亩存量违法
    用地整治 (嘉定区, 2026: 存量违法用地整治)."""
    before = _actions_in(c.text, c.start, c.kept[0].start)
    if not before or before[-1].group(0) not in _completion_verbs():
        return None
    found = _after_number(c)
    if not found or found[1] != "after":
        return None
    obj, first = found[0]
    at = c.text.find(obj[-1:], c.kept[-1].end, c.end)
    while at != -1 and not c.text.startswith(obj, at - len(obj) + 1):
        at = c.text.find(obj[-1:], at + 1, c.end)
    if at == -1:
        return None
    work = _action_pattern().match(c.text, at + 1, c.end)
    if work is None or c.text[work.end():c.end].strip(_QUOTE_MARKS + " "):
        return None
    return obj + work.group(0), first


@cache
def _grade_counts() -> tuple[re.Pattern, re.Pattern]:
    """A grade word (lexicon grades: 国家级, 省级 …) alone after a number, to the quote's end; and, after the quote, 、
    or 和 with a further count and its grade, as often as they come (、19个省级, 和22个省级)."""
    grades = "|".join(re.escape(w) for w in lexicons.words("grades"))
    return (re.compile(rf"[\s\u3000]*(?:{grades})[\s\u3000]*"),
            re.compile(rf"(?:[、和及][\s\u3000]*[0-9０-９.]+[个家所座项][\s\u3000]*(?:{grades}))+"))


@rule("object", "分级计数共用的名词")
def noun_shared_by_grades(c) -> _Obj:
    """Counts of two grades or more share the noun written after the last: the first count's quote ends on its grade
    (新建6个国家级、20个省级临床重点专科, 山西 2026: 临床重点专科; 布局建设20个国家级、19个省级粮食产能提升重点县, 辽宁 2026:
    粮食产能提升重点县), and its object is that noun, read after the grades that follow (lexicon grades)."""
    q = c.kept[-1]
    alone, more = _grade_counts()
    if not alone.fullmatch(c.text, q.end, c.end):
        return None
    m = more.match(c.text, c.end)
    if m is None:
        return None
    noun = _object_after(c.text, m.end(), min(len(c.text), m.end() + 24))
    return noun


@cache
def _name_heads() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(the heads a number counts itself: lexicon designation_heads, the project heads: lexicon project_nouns)."""
    return lexicons.words("designation_heads"), lexicons.words("project_nouns")


@rule("action", "计数名称中的动词", "verb_inside_a_name",
      needs=tuple(lexicons.words("designation_heads")) + tuple(lexicons.words("project_nouns")))
def verb_inside_a_name(c) -> tuple[int, int, int] | None:
    """A verb after the last number that stands inside the name the number counts: name words after the number, one
    verb group, and the name's head at the quote's end, a head the number counts itself (lexicon designation_heads:
    重点县) or a project's head (lexicon project_nouns: 工程, 项目) after further name words. The verb is no act of the
    pledge, and the object runs through it to the head: 布局建设20个国家级、19个省级粮食产能提升重点县 (辽宁, 2026: 建设,
    粮食产能提升重点县, not 提升); 推进66个粮食产能提升重点县和豫东平原200万亩整区域工程化建设高标准农田项目 (河南, 2026: 推进,
    not 提升 or 建设). A work the number's things get keeps its verb: 启动齐润花园幼儿园等30所幼儿园新建、改扩建工程 (the seeds:
    新建、改扩建, 工程 right after the verbs); 为62户贫困残疾人家庭实施家居无障碍改造工程 (甘谷县 news, 2020: a second verb, 改造,
    after 实施). Returns (the verbs' start, their end, the head's end), or None."""
    memo = c.memo
    if "inside_name" in memo:
        return memo["inside_name"]
    memo["inside_name"] = None
    kept = c.kept
    if not kept:
        return None
    q = kept[-1]
    tail = c.text[q.end:c.end].rstrip(_QUOTE_MARKS + " ")
    counted, projects = _name_heads()
    if not tail.endswith(counted) and not tail.endswith(projects):  # most quotes: one test, no loop
        return None
    head = next(h for h in counted + projects if tail.endswith(h))
    end = q.end + len(tail)
    verbs = _actions_in(c.text, q.end, end)
    if not verbs:
        return None
    last = verbs[0]
    for nxt in verbs[1:]:  # one group: verbs written together or joined by 、
        if c.text[last.end():nxt.start()] not in ("", "、"):
            return None
        last = nxt
    between = c.text[last.end():end - len(head)]
    if not _is_name(c.text[q.end:verbs[0].start()]) or (between and not _is_name(between)) \
            or (not between and head not in counted):
        return None
    c.memo["inside_name"] = (verbs[0].start(), last.end(), end)
    return c.memo["inside_name"]


@rule("object", "名称连同其中的动词", needs=tuple(lexicons.words("designation_heads")) + tuple(lexicons.words("project_nouns")))
def name_through_its_verb(c) -> _Obj:
    """The name a number counts, read through the verb inside it to its head (verb_inside_a_name): 19个省级粮食产能提升
    重点县 (辽宁, 2026: 省级粮食产能提升重点县, not 省级粮食产能); 豫东平原200万亩整区域工程化建设高标准农田项目 (河南, 2026:
    整区域工程化建设高标准农田项目, not 整区域工程化)."""
    inside = verb_inside_a_name(c)
    if inside is None:
        return None
    first = _object_after(c.text, c.kept[-1].end, inside[0])
    if first is None:
        return None
    return first[0] + c.text[inside[0]:inside[2]], first[1]


@rule("object", "数量之后的对象")
def object_after_number(c) -> _Obj:
    """The counted thing written after its number: 建成、改造长安十小、长安六中、太乙中心校等11所中小学及幼儿园硬件设施
    (长安区 实事, 2022: 中小学); not a word naming the target itself (target_is_no_object)."""
    found = _after_number(c)
    return found[0] if found and found[1] == "after" and not _names_the_target(found[0][0]) else None


@rule("object", "目标不是对象", "target_is_no_object")
def _names_the_target(obj: str) -> bool:
    """Words after the number that are a name of the target itself (lexicon target_nouns: 目标, 目标要求) say that
    the number is a target, not what it counts, which the words before the number name: 城镇新增就业45万人以上的目标
    (辽宁, 2026: 就业, not 目标); 落实海绵城市达标区面积占建成区50%的目标要求 (松江区, 2025: 海绵城市达标区面积…);
    实现经济总量达到4万亿元“十四五”经济目标 (深圳 news, 2022: 经济总量)."""
    return _target_noun().fullmatch(_strip_quotes(obj)) is not None


@cache
def _target_noun() -> re.Pattern:
    """A target noun alone, or after the plan period it belongs to (“十四五”经济目标); 政府隐性债务化解目标 (海拉尔区, 2019) and
    增长目标 (辽宁, 2026) name what they count."""
    return re.compile(r"(?:十[一二三四五六七八九]五)?(?:%s)" % lexicons.alternation(lexicons.words("target_nouns")))


@rule("object", "数量之前的对象")
def object_before_number(c) -> _Obj:
    """No verb before the number: the words before it name what it counts:
    城镇调查失业率5.5%左右 (安徽, 2026); 服务贸易年均增速5%左右 (北京, 2026: 服务贸易增速)."""
    return None if _verbs(c) else _object_before(c.text, c.start, c.kept[0].start)


@rule("object", "动词与数量之间的对象")
def object_after_verb(c) -> _Obj:
    """新建保障性住房1021套: the object stands between verb and number. A verb between name words names
    the object (实施|老旧小区改造项目|46个), unless it is attached to the number (完成老旧小区|改造86个)."""
    verbs = _verbs(c)
    if not verbs:
        return None
    k = last = len(verbs) - 1
    if _is_name(c.text[verbs[k].end():c.kept[0].start]):
        while k > 0 and _is_name(c.text[verbs[k - 1].end():verbs[k].start()]):
            k -= 1
    return _object_before(c.text, verbs[k].end(), c.kept[0].start, named_verbs=k < last)


@rule("object", "动词之前的对象")
def object_before_verb(c) -> _Obj:
    """A rate's subject stands before its verb: 全省地区生产总值增长5%—5.5%, 社会消费品零售总额增长4%左右
    (安徽, 2026)."""
    verbs = _verbs(c)
    return _object_before(c.text, c.start, verbs[-1].start()) if verbs else None


# A modifier after the number, ending in 的, before the head it describes: 3000余名|符合条件的|残疾人.
_MODIFIER_OF = re.compile(r"(?:以上|以下|余|多)?([\u4e00-\u9fff]{2,12}?)的(?=[\u4e00-\u9fff])")


@rule("object", "的字结构的中心语")
def head_after_modifier(c) -> _Obj:
    """The number counts the head after a modifier that ends in 的 when the modifier is a predicate (a relative
    clause: a verb of the actions lexicon or a word of lexicon modifier_predicates in it), not the modifier's words:
    帮扶3000余名符合条件的残疾人就业创业 (山西 民生实事, 2026: 残疾人); 挑选不少于1宗整治难度较大的地块 (嘉定区, 2026:
    地块). A noun phrase before 的 is what the number counts: 加强对300家重点企业的调度监测和精准服务 (the seeds: 重点企业);
    形成新增年产1.62亿片硅片的生产规模 (苏州高新区 news, 2011: 硅片)."""
    q = c.kept[-1]
    m = _MODIFIER_OF.match(c.text, q.end, c.end)
    if m is None or c.text.startswith("是", m.end()) or _action_pattern().match(c.text, m.end(), c.end):
        return None
    modifier = m.group(1)
    if not (_actions_in(modifier, 0, len(modifier)) or _predicate_word().search(modifier)):
        return None
    return _object_after(c.text, m.end(), c.end)


@cache
def _predicate_word() -> re.Pattern:
    return re.compile("|".join(map(re.escape, lexicons.words("modifier_predicates"))))


# What stands before a length that only says which part is measured: 全长约, 其中青岛段长约, 其中青岛段主线长.
_LENGTH_OF = re.compile(r"(?:其中)?(?:[\u4e00-\u9fff]{1,6}段)?(?:主线|全|总)?长(?:度)?(?:为|约|达|近|超过)?")


@cache
def _route_head() -> re.Pattern:
    """A route's head word (lexicon route_heads) that ends its clause or the subject before 是."""
    return re.compile("(?:" + "|".join(map(re.escape, lexicons.words("route_heads"))) + r")(?=是|$)")


@rule("object", "长度所量的线路")
def length_of_named_route(c) -> _Obj:
    """A clause of nothing but a length (全长约70公里, 其中青岛段长约140公里) measures the route its segment names
    first, a name ending in a route's head word (lexicon route_heads: 公路, 通道, 管网 …) at its clause's end or
    before 是: 另“一纵”是指平营高速公路，北起平度城区，南至胶州湾高速营海镇，全长约70公里 (青岛 news, 2011: 平营高速公路);
    铺设将军大道(龙山电厂-状元街段)供热主管网,全长约4.3公里 (涉县 实事, 2025: 供热主管网)."""
    q = c.kept[0]
    if q.role is not Role.LENGTH or not _LENGTH_OF.fullmatch(c.text, c.start, q.start):
        return None
    first = c.ci
    while first > 0 and c.clauses[first - 1].segment == c.clause.segment:
        first -= 1
    for k in range(first, c.ci):
        cl = c.clauses[k]
        words = c.text[cl.start:cl.end]
        head = _route_head().search(words)
        if head:
            named = _NAMED_AS.search(words, 0, head.start())  # “一横”是指|新谭公路: the name after 是指, whole
            if named:
                return words[named.end():head.end()], words[named.end():head.end()]
            return _object_before(c.text, cl.start, cl.start + head.end())
    return None


_NAMED_AS = re.compile(r"(?s:.*)(?:是指|是)")


# A project's investment before a sum, its subject before it: 该项目2021年|计划投资|7500万元, 项目|计划总投资|3.8亿元,
# 白石洞水库|总投资|32819.1万元; a field's investment (水利投资超220亿元, 产业投资) names what it counts and has no 计划/总.
_BARE_INVESTMENT = re.compile(r"(?:(?:计划|预计|拟)总?|总)投资(?:总额|额)?(?:约|达|达到|超过|超|近|逾)?$")
# What opens a subject and names no part of it (该项目, 此次…), and the time words that close it (该项目2021年).
_SUBJECT_OPENING = re.compile(r"^(?:该|此次|这个|这一|本|其中)")
_SUBJECT_TIME = re.compile(r"(?:\d{4}年(?:度)?|全年|今年|年内|当年|年度|[，,])$")


def _investment_subject(text: str, start: int, pos: int) -> _Obj:
    """The name before a bare investment (该项目2021年计划投资 → 项目), time words and demonstratives aside."""
    window = text[start:pos]
    while (m := _SUBJECT_TIME.search(window)) is not None:
        window = window[:m.start()]
    opening = _SUBJECT_OPENING.match(window)
    skip = opening.end() if opening else 0
    if not window[skip:] or _actions_in(text, start + skip, start + len(window)):
        return None
    found = _object_before(text, start + skip, start + len(window))
    if found is None or found[0] in _TIME_OF_SUBJECT or found[0].endswith(_investors()):
        return None
    return found


@cache
def _investors() -> tuple[str, ...]:
    """Words that end an investor's name (lexicon investor_words: 公司, 集团): who invests, not in what."""
    return tuple(lexicons.words("investor_words"))


_TIME_OF_SUBJECT = frozenset(("全年", "今年", "年内", "当年", "年度"))


@rule("object", "投资额所属的项目")
def invested_sum_of_project(c) -> _Obj:
    """A sum written after a bare investment (计划投资, 总投资), no verb before it and no use after it, sizes the
    project its clause names before the investment, else the one the clause before it in the sentence names: a name
    alone, or what its verb makes: 项目计划总投资3.8亿元 (柳河县 光伏, 2022: 项目); 该项目2021年计划投资7500万元
    (向阳镇, 2021: 项目); 消防应急中心，总投资2.22亿 (柳南乡, 2021: 消防应急中心); 全力建设中俄蒙国际物流园区，全年计划
    投资3亿元 (海拉尔区, 2013: 中俄蒙国际物流园区)."""
    q = c.kept[0]
    if q.role is not Role.AMOUNT:
        return None
    clause = c.clause
    if not clause.start <= q.start <= clause.end:
        return None
    bare = _BARE_INVESTMENT.search(c.text, clause.start, q.start)
    rest = c.text[q.end:c.end].strip(_QUOTE_MARKS + " ")
    if bare is None or _actions_in(c.text, clause.start, q.start) or _use_of_sum(c.text, q, c.end) \
            or rest and rest not in _qualifiers():
        return None
    own = _investment_subject(c.text, clause.start, bare.start())
    if own:
        return own
    if c.ci == 0 or c.clauses[c.ci - 1].sentence != clause.sentence or bare.start() > clause.start \
            and c.text[clause.start:bare.start()] not in _TIME_OF_SUBJECT:
        return None
    prev = c.clauses[c.ci - 1]
    if any(t.kind == "quantity" for t in find_numbers(c.text[prev.start:prev.end])):
        return None
    verbs = _actions_in(c.text, prev.start, prev.end)
    if verbs:
        return _object_after(c.text, verbs[-1].end(), prev.end)
    return _object_before(c.text, prev.start, prev.end)


# A copula between the projects and their count (项目有23个, 项目共200个).
_COUNT_COPULA = re.compile(r"(?:共有|共计|合计|有|共|为)$")
# How far back in its sentence a sum looks for the projects it sizes (项目250个，个数占比28.3%，总投资…: two clauses).
_PROJECTS_BACK = 3


@rule("object", "投资额所属的计数项目")
def invested_sum_of_counted_projects(c) -> _Obj:
    """A total after a bare investment (总投资, 计划总投资), its clause naming nothing but the time, sizes the projects an
    earlier clause of its sentence counts, past the clauses that give their share or another sum of theirs:
    此次集中开工项目有23个,计划总投资66.1亿元 (阳新县 news, 2021: 项目); 基础设施类项目276个，个数占比31.3%，总投资15491.9亿元
    (深圳 news, 2022: 基础设施类项目). A clause with another quantity (完成2平方公里核心区开发任务，总投资200亿元) counts no
    projects; a year's tranche (实施27个为民办实事项目,总投资约80.9亿元,年度计划投资约7.2亿元: 年度计划投资) is no total."""
    q = c.kept[0]
    if q.role is not Role.AMOUNT or not c.clause.start <= q.start <= c.clause.end:
        return None
    clause = c.clause
    bare = _BARE_INVESTMENT.search(c.text, clause.start, q.start)
    rest = c.text[q.end:c.end].strip(_QUOTE_MARKS + " ")
    if bare is None or "总" not in bare.group(0) or _actions_in(c.text, clause.start, q.start) \
            or _use_of_sum(c.text, q, c.end) or rest and rest not in _qualifiers():
        return None
    lead = c.text[clause.start:bare.start()]
    while (m := _SUBJECT_TIME.search(lead)) is not None and lead:
        lead = lead[:m.start()]
    if lead:
        return None  # the clause names its own subject (invested_sum_of_project)
    for k in range(c.ci - 1, max(-1, c.ci - 1 - _PROJECTS_BACK), -1):
        prev = c.clauses[k]
        if prev.sentence != clause.sentence:
            return None
        qs = [t for t in find_numbers(c.text[prev.start:prev.end]) if t.kind == "quantity"]
        counts = [t for t in qs if t.role is Role.COUNT]
        if counts:
            t = counts[-1]
            found = _object(c.text, prev.start, prev.end, [NumberToken(
                prev.start + t.start, prev.start + t.end, t.kind, t.value, t.value_max, t.unit, t.role, t.raw)])
            if not found or "项目" not in found[0]:
                return None
            name = _COUNT_COPULA.sub("", found[0])  # 集中开工项目有|23个: 有 says how many, it names nothing
            return name, found[1]
        if not qs or not all(t.role is Role.RATIO or t.role is Role.AMOUNT and _BARE_INVESTMENT.search(
                c.text[prev.start:prev.start + t.start]) for t in qs):
            return None
    return None


# A clause that only totals (全区共计|1534件, 剔除农民宅基地项目后共计|71件, 合计|6300名): a scope, a total's word, the count.
_TOTAL_ONLY = re.compile(r"(?:[全本我该][\u4e00-\u9fff]{0,3}?[省市区县镇乡]?|[^，,。；;]{1,16}后)?(?:共计|合计|总计|共有|共)$")


@rule("object", "合计所数的前一分句")
def total_of_clause_before(c) -> _Obj:
    """A clause that only totals a count (a scope, 共计/合计, the number, nothing named after it) counts what the clause
    before it in its sentence ends with: 本区新三年行动剩余存量工矿仓储等经营性违法用地，共计13件、面积33.01亩 (崇明区, 2020:
    经营性违法用地, not 面积); 资助残疾人大学生和困难残疾人家庭子女大学生，合计6300名 (山西 民生实事, 2026: 大学生)."""
    q = c.kept[0]
    clause = c.clause
    if q.role is not Role.COUNT or c.ci == 0 or not clause.start <= q.start \
            or not _TOTAL_ONLY.fullmatch(c.text, clause.start, q.start):
        return None
    if _object_after(c.text, q.end, c.end):
        return None
    prev = c.clauses[c.ci - 1]
    if prev.sentence != clause.sentence or any(t.kind == "quantity" and t.role is not Role.DURATION
                                               for t in find_numbers(c.text[prev.start:prev.end])):
        return None  # a span of time (新三年行动) counts nothing
    verbs = _actions_in(c.text, prev.start, prev.end)
    if verbs:
        return _object_after(c.text, verbs[-1].end(), prev.end)
    return _object_before(c.text, prev.start, prev.end)


@rule("object", "份额所量之物")
def measured_before_hedged_share(c) -> _Obj:
    """What a share measures stands before the hedge that bounds it, the share's base after the hedge (rule
    hedge_before_share_base), a modal (应, 须) between: 其中等级应急避难场所建设面积应不少于总量的30% (奉贤区, 2022:
    等级应急避难场所建设面积, not 面积应不少于总量); 各街镇（管委会）以“拆除还地”和“清退没收”方式整治的面积应不低于年度计划任务量的60%
    (嘉定区, 2026: 面积)."""
    q = c.kept[0]
    hedge = _hedge_before_base(c.text, c.start, q)
    if hedge is None or c.text[q.end:c.end].strip(_QUOTE_MARKS + " "):
        return None
    end = hedge.start("hedge")
    modal = _MODAL_BEFORE_HEDGE.search(c.text, c.start, end)
    found = _object_before(c.text, c.start, modal.start() if modal else end)
    # the share is the number, not a count of the name's first word (等级|应急避难场所…: no 6个等级): read it whole
    return (found[0], found[0]) if found else None


# A sentence that opens on a facility's name, then where it lies or what it holds: 闽侯县博物馆新馆,位于…;
# 巴中市体育馆、游泳馆位于…; “四馆一中心”包括…
_SITED_NAME = re.compile(r"[“\"]?([^，,。；;：:“”\"0-9０-９]{2,24}?)[”\"]?[，,]?(?:位于|包括|选址)")
_SITED_ENDINGS = tuple(lexicons.words("sited_facility_endings"))
# a quote that opens on a project's attribute (its area or its sum), no verb of its own before its number
_OPENS_ON_ATTRIBUTE = re.compile(r"(?:该|本)?(?:项目)?(?:规划|建设|计划|预计)?总?(?:用地面积|建筑面积|占地面积|占地|面积|投资)")


def _sizes_only(c) -> bool:
    """Whether the pledge's numbers are all a project's sizes (areas or sums), as the facility-name rules read."""
    return bool(c.kept) and all(q.role in (Role.AREA, Role.AMOUNT) for q in c.kept)


@rule("object", "选址前的设施名")
def project_named_before_its_site(c) -> _Obj:
    """The sizes of a project (its areas, its sum: a quote that opens on one of them) size the facility its sentence
    opens on, named before where it lies or what it holds (位于, 包括, 选址), not the attribute: "闽侯县博物馆新馆,位于…,
    建设用地面积约25.8亩,总建筑面积15753.15平方米,项目总投资约9800万元" (闽侯县 news, 2012: 闽侯县博物馆新馆, not 项目);
    "巴中市体育馆、游泳馆位于巴城北龛寺,规划占地88.78亩,建筑面积约6万平方米,计划总投资1.96亿元" (巴中市 news, 2014: not
    投资); "“四馆一中心”包括龙海市新闻中心、…,总用地面积4.3万平方米,总建筑面积10.2万平方米,计划总投资6.7亿元" (龙海市 news,
    2017). The name ends as a facility's does (lexicon sited_facility_endings) and opens on no demonstrative (该项目)."""
    if not _sizes_only(c):
        return None
    if not _OPENS_ON_ATTRIBUTE.match(c.text, c.start) or c.start <= c.clause.sentence_start:
        return None
    m = _SITED_NAME.match(c.text, c.clause.sentence_start, c.start)
    if m is None:
        return None
    name = m.group(1).strip()
    if not name.endswith(_SITED_ENDINGS) or _SUBJECT_OPENING.match(name):
        return None
    return name, name


_SIZE_WORDS = lexicons.words("facility_size_words")
# a quote that opens on a facility's name, then one of its sizes (总, 规划 … before it), then the number
_NAME_THEN_SIZE = re.compile(r"[“\"]?(?P<name>[\u4e00-\u9fff、]{2,24}?)[”\"]?(?:总|规划|计划|预计|建设)*(?:"
                             + "|".join(map(re.escape, _SIZE_WORDS)) + r")(?:约|为|达|达到|近|超过|逾|共)?")


@rule("object", "面积前的设施名", needs=_SIZE_WORDS)
def facility_named_before_its_size(c) -> _Obj:
    """A facility named right before its size in the same clause (its floor or ground area, its sum: lexicon
    facility_size_words, 总 or 规划 between) is what the number sizes, not the attribute: "县文化馆总建筑面积7046平方米,
    计划总投资3500万元" (蕲春县 news, 2015: 县文化馆, not 建筑面积); "金华市科技文化中心总建筑面积约9.3万平方米" (金华市 news:
    金华市科技文化中心); "新博物馆建筑面积达8158.4平方米" (龙海市 news, 2017: 新博物馆, not 博物馆建筑面积). The name ends as a
    facility's does (lexicon sited_facility_endings), is more than that ending, holds no verb and opens on no
    demonstrative (该项目总投资…: left to the rules after). A verb right before the name's 项目 or 工程 names the kind of
    work and is part of the name: "据了解,县影剧院改造项目总投资300多万元" (桃江县 news, 2014: 县影剧院改造项目, not 投资);
    "两河生态风光带建设项目总投资22.5亿元" (长沙县 news, 2011)."""
    if not _sizes_only(c):
        return None
    m = _NAME_THEN_SIZE.fullmatch(c.text, c.start, c.kept[0].start)
    if m is None:
        return None
    name = m.group("name")
    if not name.endswith(_SITED_ENDINGS) or name in _SITED_ENDINGS or _SUBJECT_OPENING.match(name) \
            or any(not _VERB_NAMES_PROJECT.fullmatch(name, v.end()) for v in _actions_in(name, 0, len(name))):
        return None
    return name, name


# a verb that names the project's kind of work at its name's end (县影剧院改造项目, 两河生态风光带建设项目): part of the name
_VERB_NAMES_PROJECT = re.compile(r"(?:工程)?(?:项目|工程)")


# a sentence whose subject is a project told of before (该项目, 该工程, 该工程项目), past a short lead (据介绍,)
_DEMONSTRATIVE_PROJECT = re.compile(r"\s*(?:[^，,。；;：:\s]{1,6}[，,：:]\s*)?(?:该|本)(?:工程)?(?:项目|工程)")
# how far back the project's name is looked for: sentences, and characters
_NAMED_BACK_SENTENCES = 8
_NAMED_BACK_CHARS = 1200
_SENTENCE_END = re.compile(r"[。！？!?\n]")
_NOT_NAME_OPENINGS = lexicons.words("not_name_openings")


@cache
def _opening_facility() -> re.Pattern:
    """A sentence that opens on a facility's name (the shortest run ending as a facility's name does)."""
    endings = "|".join(map(re.escape, _SITED_ENDINGS))
    return re.compile(r"[\s\u3000]*[“\"]?(?P<name>[\u4e00-\u9fff]{1,22}?(?:" + endings + "))")


@rule("object", "前句所述的项目", needs=("该项目", "该工程", "本项目", "本工程"))
def project_named_sentences_before(c) -> _Obj:
    """A project's sizes told of 该项目 or 该工程 (the sentence's subject, the quote opening on one of its areas or its
    sum) size the project an earlier sentence opens on, not the attribute: "洋县全民健身中心建设项目进展顺利。该项目总投资额
    2.4亿元" (洋县 news, 2021: 洋县全民健身中心, not 项目); "淄川区文化中心项目是…。…文化中心项目概念图 主要建设任务:该项目建设
    总投资为5.8亿元" (淄川区 news, 2020: 文化中心, not 投资); "琼中黎族苗族自治县中部少数民族文化演艺中心开工 … 据介绍,该工程项目
    位于“三月三”广场北侧,总投资约3600万元" (琼中县 news, 2013). The nearest of the eight sentences before (within 1200
    characters) that opens on a name ending as a facility's does (lexicon sited_facility_endings), with no verb in it
    and no preposition before it (lexicon not_name_openings: 从工业项目签约数据来看 frames, it names nothing), names it;
    none such, the rules after read the quote. A clause of such a sentence that opens on the name after a lead of its
    own names it too: "据悉,客家祖地博物馆建设项目系宁化海西客家祖始文化园的子项目之一,…。该项目占地57亩" (宁化县 news, 2013:
    客家祖地博物馆, not the byline line 宁化县新闻中心 above it); "…,近日,滁州市南谯区清流关全民健身中心开工建设。该项目位于…,
    项目占地2000平方米" (南谯区 news, 2022: not 投资)."""
    if not _sizes_only(c):
        return None
    sentence_start = c.clause.sentence_start
    subject = _DEMONSTRATIVE_PROJECT.match(c.text, sentence_start, c.end)
    if subject is None or subject.end() > c.start + 4 \
            or not _OPENS_ON_ATTRIBUTE.match(c.text, max(c.start, subject.end())):
        return None
    lo = max(0, sentence_start - _NAMED_BACK_CHARS)
    starts = [m.end() for m in _SENTENCE_END.finditer(c.text, lo, max(lo, sentence_start - 1))]
    if lo == 0:
        starts.insert(0, 0)
    ends = starts[1:] + [sentence_start]
    for start, end in reversed(list(zip(starts, ends))[-_NAMED_BACK_SENTENCES:]):
        # the sentence's first clause that opens on the name: its own opening, or a clause after a short lead of its
        # own (据悉,客家祖地博物馆建设项目系…; …,近日,滁州市南谯区清流关全民健身中心开工建设)
        for pos in [start] + [m.end() for m in _LEAD_CLAUSE.finditer(c.text, start, end)]:
            m = _opening_facility().match(c.text, pos, end)
            if m is None:
                continue
            name = m.group("name")
            if name in _SITED_ENDINGS or _SUBJECT_OPENING.match(name) or name.startswith(_NOT_NAME_OPENINGS) \
                    or _actions_in(name, 0, len(name)):
                continue
            return name, name
    return None


# a clause of a short lead (据悉, 近日: one to six characters, as before 该项目) and its comma
_LEAD_CLAUSE = re.compile(r"(?:^|(?<=[，,。！？!?\s]))[^，,。；;：:！？!?\s]{1,6}[，,]")


#: the object read in a span alone (``_object``): after the number, else before it
SPAN_RULES = (sum_for_a_use, work_after_its_places, work_at_counted_places, head_after_modifier, completed_work, noun_shared_by_grades, name_through_its_verb, object_after_number, object_before_number, object_after_verb, object_before_verb)
#: the object a candidate's own words name; abstract ones (工作, 任务) make it no pledge
FOUND_RULES = (baseline_object_before, length_of_named_route, project_named_before_its_site, facility_named_before_its_size,
               project_named_sentences_before, invested_sum_of_project, invested_sum_of_counted_projects,
               measured_before_hedged_share, total_of_clause_before, *SPAN_RULES)


def _object(text: str, start: int, end: int, qs: list[NumberToken]) -> _Obj:
    """The counted thing: read after the last number, else before the first."""
    return decide(SPAN_RULES, Span(text, start, end, qs))[0]


def object_with_rule(text: str, start: int, end: int, qs: list[NumberToken]) -> tuple[_Obj, str]:
    return decide(SPAN_RULES, Span(text, start, end, qs))


@rule("object", "承前并列成分的对象", needs=("、",))
def conjunct_object_before(c) -> str | None:
    """A conjunct that is a verb and its number alone, after 、, counts what the conjunct before it counts in the same
    unit, its object written once before the first verb: 新能源开工1600万千瓦、投产1000万千瓦以上 (云南 2026: 新能源 for
    both); 年投资亿元以上项目新开工43个以上、竣工38个以上 (海南 2026: 项目 for both)."""
    text, kept = c.text, c.kept
    if not kept or c.start < 1 or text[c.start - 1] != "、" or c.start <= c.clause.start:
        return None
    if not _actions_in(text, c.start, kept[0].start) or text[c.start:kept[0].start].strip() != _verbs_only(text, c.start, kept[0].start):
        return None
    start = max(text.rfind("、", c.clause.start, c.start - 1) + 1, c.clause.start)
    prev_qs = [t for t in find_numbers(text[start:c.start - 1]) if t.kind == "quantity"]
    if not prev_qs or _base_unit(prev_qs[-1].unit) != _base_unit(kept[0].unit):
        return None
    before = _object(text, start, c.start - 1, [
        NumberToken(start + t.start, start + t.end, t.kind, t.value, t.value_max, t.unit, t.role, t.raw) for t in prev_qs])
    return before[0] if before else None


def _verbs_only(text: str, start: int, end: int) -> str:
    """The verbs of the actions lexicon in ``text[start:end]``, joined: the whole span when it holds nothing else."""
    return "".join(m.group(0) for m in _actions_in(text, start, end))


@rule("object", "承前省略的对象")
def elliptical_clause_object(c) -> str | None:
    """A clause that names nothing counts what the clause before it in the sentence counts: the same
    unit, or a rate of the same subject: 今年计划新开工安置住房1.2万套，基本建成8000套 (a rule test)."""
    text, clause, clauses, ci, kept = c.text, c.clause, c.clauses, c.ci, c.kept
    if not (ci > 0 and clauses[ci - 1].sentence == clause.sentence):
        return None
    prev = clauses[ci - 1]
    prev_qs = [t for t in find_numbers(text[prev.start:prev.end]) if t.kind == "quantity"]
    # the same unit (…1.2万套，基本建成8000套), or a rate of the same subject (…达到45亿元，增长7%)
    rate_of_it = kept[0].role is Role.RATIO and bool(_actions_in(text, c.start, kept[0].start)) \
        and not c.found
    if prev_qs and (_base_unit(prev_qs[-1].unit) == _base_unit(kept[0].unit) or rate_of_it):
        before = _object(text, prev.start, prev.end, [
            NumberToken(prev.start + t.start, prev.start + t.end, t.kind, t.value, t.value_max, t.unit, t.role, t.raw)
            for t in prev_qs])
        return before[0] if before else None
    return None


ELLIPSIS_RULES = (conjunct_object_before, elliptical_clause_object)
