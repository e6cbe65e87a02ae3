"""Segmentation of a clause into pledges: conjuncts with their own numbers, 分别 lists, and a clause
that only sizes the pledge before it (总投资…).
"""
from __future__ import annotations

import dataclasses
import re
from functools import cache

from tracker.extract import lexicons
from tracker.extract.model import Candidate, Role
from tracker.extract.numbers import NumberToken
from tracker.extract.pledges.base import (
    _AT_PLACES, _ATTRIBUTIVE, _BOUND_AFTER_PLACES, _COORD, _QUOTE_MARKS, _Clause, _action_at, _actions_in, _verb_after_place, _class_units, _bound_qualifier, _object_before, _qualifier_lists,
    _qualifiers, _quantity,
)
from tracker.extract.pledges.pledge import _baseline
from tracker.extract.pledges.qualifiers import hedge_on_number
from tracker.extract.rules import rule
from tracker.extract.tokens import cut_words as _cut


@rule("pledge", "标题以空格分句")
def headline_space_separates(block) -> bool:
    """A headline, written without punctuation, sets its clauses apart with a space, as a comma would:
    芗城明年新增学位1.4万个 力争8条道路建成通车 (芗城区 news, 2016: two pledges, 力争 hedging the second);
    龙文区2018年将投建5所小学10所幼儿园 新增上万个学位 (龙文区 news, 2017: 新增上万个学位 a clause of its own)."""
    return block.kind == "heading"


# What may follow a class unit without making it a class: a bound (110千伏及以上), a hedge, 的.
_CLASS_NOT_NAME = "及以左约的"


def _class_of_object(text: str, q: NumberToken) -> bool:
    """Rule voltage_class: a number whose unit names a class of the thing after it (lexicon class_units)
    is part of that thing's name, not a quantity of the pledge; a clause with nothing else sizes nothing.

    在39个村改造升级10千伏线路16.66公里、0.4千伏线路200公里 (歙县 实事, 2025: 16.66公里 and 200公里, two
    pledges); 建设香积变等4座110千伏变电站 (长安区 实事, 2022: 4座). A bound after it keeps it a quantity
    (110千伏及以上输变电工程12项)."""
    nxt = text[q.end:q.end + 1]
    return (q.unit or "") in _class_units() and "\u4e00" <= nxt <= "\u9fff" and nxt not in _CLASS_NOT_NAME


_TOTAL_INVESTMENT = re.compile(r"(?:项目)?(?:计划|预计|估算|概算)?(?:总投资|投资总额|年度计划投资|年度投资)(?:额)?"
                               r"(?:约|达|达到|超过|超|近|逾)?")


def _sizes_the_pledge_before(text: str, start: int, end: int, qs: list[NumberToken], last: Candidate) -> bool:
    """Rule total_investment_clause: a clause, or a conjunct of one, giving nothing but the total investment of
    what the pledge before it counts is part of that pledge, as 总投资417亿元的24个项目 is; a pledge already
    sized by a sum takes no second one (…,总投资约80.9亿元,年度计划投资约7.2亿元: the year's share is a pledge
    of its own).

    实施重点产业项目68个，总投资超过650亿元 (a rule test); 2018年,龙文区委、区政府将实施27个为民办实事项目,
    总投资约80.9亿元 (龙文区 news, 2017); 开工建设重点项目50个、总投资300亿元 (a rule test)."""
    return last.start < start and bool(qs) \
        and bool(_TOTAL_INVESTMENT.fullmatch(text[start:qs[0].start].strip(_QUOTE_MARKS + " "))) \
        and all(q.role is Role.AMOUNT for q in qs) \
        and text[qs[-1].end:end].strip(_QUOTE_MARKS + " ") in ("", *_qualifiers()) \
        and any(q.role is Role.COUNT for q in last.quantities) \
        and not any(q.role is Role.AMOUNT for q in last.quantities)


_PROJECT_ATTRIBUTE = re.compile(r"(?:该|本)?(?:项目)?(?:规划|建设|地上|地下)?(?:"
                                + "|".join(map(re.escape, lexicons.words("project_attributes")))
                                + r")(?:约|达|达到|为|超过|超|近|逾|共)?(?:约)?")
_ATTRIBUTE_MEASURE = re.compile(r"(?:约|达|达到|为|超过|超|近|逾|共)?(?:约)?$")


def _describes_the_project_before(text: str, start: int, end: int, qs: list[NumberToken], last: Candidate,
                                  conjunct: bool = False) -> bool:
    """Rule project_attributes_join: a clause, or a conjunct of one, giving nothing but one attribute of a project
    (its total investment, its area, its floor area, its capacity, its length: lexicon project_attributes) right after
    the pledge that names or sizes that project in the same sentence describes that project: one pledge with all its
    numbers, as 总投资417亿元的24个项目 is, not a pledge per number, when that pledge describes a project as well (an
    attribute opens it, or no verb acts in it). A pledge that already has a number of that kind (a
    second sum: …,总投资约80.9亿元,年度计划投资约7.2亿元) takes no second one.

    消防应急中心，总投资2.22亿，占地面积4.9万平方米 (柳南乡's profile, 2021: one project, two numbers); 项目计划投资约1.37亿元，
    主要建设5台中速永磁风电机组，总装机量21.65MW (柳河县's energy report, 2022); 其中青岛段主线长89公里，总投资71亿元
    (青岛市 news, 2011). A conjunct after 、 sizes the count before it in its clause when no verb of its own acts in that
    count's words (an action the heading lends does not make it a task): 全区共计1534件、面积2489.71亩 and 共计13件、面积33.01亩
    (崇明区's land plan, 2020: the cases and their area, one pledge each)."""
    if not (last.start < start and qs and len({q.role for q in qs}) == 1):
        return False
    head = text[start:qs[0].start].strip(_QUOTE_MARKS + " \u3000")
    if not _PROJECT_ATTRIBUTE.fullmatch(head):
        return False
    if text[qs[-1].end:end].strip(_QUOTE_MARKS + " \u3000") not in ("", *_qualifiers()):
        return False
    role = qs[0].role
    if role is Role.AMOUNT and any(q.role is Role.AMOUNT for q in last.quantities):
        return False
    # an area of the same unit joins when it is another area of the project (规划占地面积…, 建筑面积…; 地上…, 地下…:
    # rule areas_of_one_project), not the same one told again
    word = _ATTRIBUTE_MEASURE.sub("", head)
    if role is not Role.AMOUNT and any(q.role is role and (q.unit or "") == (qs[0].unit or "") for q in last.quantities) \
            and (role is not Role.AREA or word in text[last.start:last.end]):
        return False
    # the pledge before describes a project too (an attribute opens it, or its last clause is one, or no verb acts in
    # it): after a task (完成2平方公里核心区开发任务，总投资200亿元: 扬州 news, 2014) the sum is a pledge of its own
    described = _PROJECT_ATTRIBUTE.match(text, last.start) is not None or _ends_on_an_area(text, last)
    if conjunct:
        return bool(last.quantities) and (described or not _actions_in(text, last.start, last.end))
    return bool(last.quantities) and (described or last.action is None)


def _ends_on_an_area(text: str, last: Candidate) -> bool:
    """Rule areas_of_one_project: the pledge's last clause gives nothing but one of the project's areas
    (…规划建设淄川区文化中心，规划用地面积约160亩: 淄川区 news, 2020), so an area clause after it sizes the same project."""
    if not last.quantities or last.quantities[-1].role is not Role.AREA:
        return False
    q = last.quantities[-1]
    cut = max(text.rfind("，", last.start, q.start), text.rfind(",", last.start, q.start))
    head = text[cut + 1 if cut >= 0 else last.start:q.start].strip(_QUOTE_MARKS + " \u3000")
    return cut >= 0 and _PROJECT_ATTRIBUTE.fullmatch(head) is not None and \
        text[q.end:last.end].strip(_QUOTE_MARKS + " \u3000") in ("", *_qualifiers())


# A clause of nothing but a site's or a building's area, told before the project's sum: 建设用地面积约25.8亩,
# 规划占地88.78亩, 总用地面积4.3万平方米, 建筑面积约6万平方米 (lexicon site_area_words, after at most a word that says
# whose or which plan: 项目, 规划, 建设).
_AREA_BEFORE_SUM = re.compile(r"(?:该|本)?(?:项目)?(?:规划|建设)?(?:" + "|".join(
    map(re.escape, sorted(lexicons.words("site_area_words"), key=len, reverse=True))) + r")(?:约|为|达|达到|共)?约?")


def _areas_before_the_sum(text: str, clauses: list[_Clause], ci: int, start: int, qs: list[NumberToken],
                          taken_to: int, numbers_of) -> tuple[int, list[NumberToken]] | None:
    """Rule areas_before_the_sum: the clauses of nothing but a site's or a building's area right before the clause
    that gives a project's total investment, in the same sentence and read as no pledge of their own, size that
    project with it: one pledge with all its numbers, its quote from the first area on, as project_attributes_join
    makes one when the areas come after the sum.

    闽侯县博物馆新馆,位于…,建设用地面积约25.8亩,总建筑面积15753.15平方米,项目总投资约9800万元,将于2013年底建成投入使用
    (闽侯县 news, 2012); 巴中市体育馆、游泳馆位于巴城北龛寺,规划占地88.78亩,建筑面积约6万平方米,计划总投资1.96亿元 (巴中市
    news, 2014); …总用地面积4.3万平方米,总建筑面积10.2万平方米,计划总投资6.7亿元 (龙海市 news, 2017). Returns the first area
    clause's start and the areas' numbers, or None. An area clause a pledge was read from (``taken_to`` past its start)
    stays that pledge's."""
    if not qs or not all(q.role is Role.AMOUNT for q in qs) or ci == 0 \
            or clauses[ci - 1].sentence != clauses[ci].sentence or clauses[ci - 1].start < taken_to:
        return None  # no clause of the sentence before it to read (the loop below would read none)
    if not _TOTAL_INVESTMENT.fullmatch(text[start:qs[0].start].strip(_QUOTE_MARKS + " \u3000")):
        return None
    sentence = clauses[ci].sentence
    first, areas = None, []
    j = ci - 1
    while j >= 0 and clauses[j].sentence == sentence and clauses[j].start >= taken_to:
        cl = clauses[j]
        aqs = numbers_of(cl)
        if not aqs or not all(q.role is Role.AREA for q in aqs) \
                or not _AREA_BEFORE_SUM.fullmatch(text[cl.start:aqs[0].start].strip(_QUOTE_MARKS + " \u3000")) \
                or text[aqs[-1].end:cl.end].strip(_QUOTE_MARKS + " \u3000") not in ("", *_qualifiers()):
            break
        first, areas = cl.start, aqs + areas
        j -= 1
    return (first, areas) if areas else None


def _sized_before(text: str, cand: Candidate, start: int, qs: list[NumberToken]) -> Candidate:
    """The candidate with the numbers of the clauses from ``start`` on before it: its quote from there."""
    why = dict(cand.why)
    why["quantities"] = areas_before_the_sum.id
    return dataclasses.replace(cand, quote=text[start:cand.end], start=start,
                               quantities=tuple(_quantity(q) for q in qs) + cand.quantities, why=tuple(why.items()))


# A clause of nothing but an investment (投资67亿元, 计划总投资43.6亿元, 再投资6230万元) and the clause after it,
# opening with a verb after at most two words of manner (大力实施, 加快实施, 实施): the sum and its use.
_INVESTMENT_ALONE = re.compile(r"[^，,；;。：:]{0,12}?投资(?:总额|额)?(?:约|达|达到|超过|超|近|逾)?$")


def _opens_with_a_verb(text: str, start: int, end: int) -> bool:
    """The clause at ``start`` opens with a verb, after at most one word of manner (大力实施, 加快实施)."""
    at = start + next((len(w) for w in _manner_words() if text.startswith(w, start)), 0)
    return at < end and (_action_at(text, at) is not None or _verb_after_place(text, at, end) is not None)


@cache
def _manner_words() -> tuple[str, ...]:
    return tuple(sorted(lexicons.words("manner_words"), key=len, reverse=True))


def _invests_in_next(text: str, clause: _Clause, nxt: _Clause | None, qs: list[NumberToken],
                     next_qs: list[NumberToken]) -> bool:
    """Rule investment_opens_its_use: a clause that states nothing but an investment, and the clause after it
    in the sentence that opens with the verb of its use, are one pledge: the sum and what it is spent on.

    加大产业投入,投资67亿元,实施服务业和工业项目38个 (龙文区 news, 2017: 67亿元 and 38个, one pledge);
    黄山市计划总投资43.6亿元，大力实施生态环境保护工程 (黄山市 news, 2010: the object 生态环境保护工程).
    A next clause with a size of its own is a pledge of its own (总投资200亿元，完成建筑面积300万平米)."""
    return nxt is not None and nxt.sentence == clause.sentence and len(next_qs) <= 1 \
        and all(q.role is Role.COUNT for q in next_qs) \
        and all(q.role is Role.AMOUNT for q in qs) \
        and bool(_INVESTMENT_ALONE.search(text, clause.start, qs[0].start)) \
        and not _actions_in(text, clause.start, qs[0].start) \
        and text[qs[-1].end:clause.end].strip(_QUOTE_MARKS + " ") in ("", *_qualifiers()) \
        and _opens_with_a_verb(text, nxt.start, (next_qs[0].start if next_qs else nxt.end))


# A clause of nothing but the level a growth reaches: 达到282亿元, 力争实现15.8亿元, 突破100亿元.
_LEVEL_ALONE = re.compile(r"(?:力争|预计|将)?(?:达到|达|实现|突破)(?:约|近)?")
_GROWTH = re.compile(r"增长|增加|提高")


def _level_of_the_growth(text: str, start: int, end: int, qs: list[NumberToken], last: Candidate) -> bool:
    """Rule growth_reaches_level: a clause, or a conjunct of one, giving nothing but the level (达到/实现/突破 and
    an amount or a count, no object of its own) after a pledge of growth in the same sentence states where that
    growth leads: one pledge with both quantities.

    经济社会发展主要预期目标是：地区生产总值增长20%，达到282亿元；地方财政总收入增长20%，达到24.8亿元 (海拉尔区
    2013); 地区生产总值增长7.5%，达到309亿元；公共财政预算收入增长5%，达到15.8亿元 (海拉尔区 2016). A level
    clause naming a thing of its own (旅游收入达到38亿元) is a pledge of its own; a pledge that already has a
    level takes no second one."""
    return last.start < start and len(qs) == 1 \
        and bool(_LEVEL_ALONE.fullmatch(text[start:qs[0].start].strip(_QUOTE_MARKS + " "))) \
        and qs[0].role in (Role.AMOUNT, Role.COUNT) \
        and text[qs[-1].end:end].strip(_QUOTE_MARKS + " ") in ("", *_qualifiers()) \
        and bool(last.quantities) and all(q.role is Role.RATIO for q in last.quantities) \
        and bool(_GROWTH.search(text, last.start, last.end))


# A clause of nothing but a growth rate, no subject of its own: 增长7%, 同比增长21%, 年均增长4.6% (lexicon growth_openings).
_RATE_ALONE = re.compile(r"(?:" + "|".join(map(re.escape, sorted(lexicons.words("growth_openings"), key=len, reverse=True)))
                         + r")(?:约|达|达到|为)?")


def _rate_of_the_level(text: str, start: int, end: int, qs: list[NumberToken], last: Candidate) -> bool:
    """Rule level_then_rate: a clause giving nothing but a rate of growth or decline (增长/同比增长/年均增长/下降 …,
    lexicon growth_openings, and one rate; no subject of its own) right after a pledge that gives the level of an
    indicator (an amount or a count, no rate) in the same sentence is that indicator's growth: one target with both
    quantities, its quote spanning both, as the gold counts it.

    2023年经济社会发展主要预期目标是:地区生产总值达到236.6亿元,增长7%,…;固定资产投资达到171.6亿元,增长7% (云霄县 2023);
    2012年全区经济社会发展的预期目标是：地区生产总值达到240亿元，同比增长21%；地方财政总收入达到20亿元，同比增长24.6%
    (海拉尔区 2012). A rate with its own subject (居民收入增长7%) is a pledge of its own; a pledge that already has a rate
    takes no second one, and a pledge of two numbers already (深圳2022年重大项目计划共安排项目883个，总投资35674.8亿元，同比增长26.2%:
    深圳 news 2022, the rate of the sum, a statistic) gives no one level. The mirror of growth_reaches_level."""
    return last.start < start and len(qs) == 1 and qs[0].role is Role.RATIO \
        and bool(_RATE_ALONE.fullmatch(text[start:qs[0].start].strip(_QUOTE_MARKS + " \u3000"))) \
        and text[qs[-1].end:end].strip(_QUOTE_MARKS + " \u3000") in ("", *_qualifiers()) \
        and len(last.quantities) == 1 and last.quantities[0].role in (Role.AMOUNT, Role.COUNT)


def _sized(text: str, cand: Candidate, start: int, end: int, qs: list[NumberToken],
           rule_id: str | None = None) -> Candidate:
    suffixes, prefixes, _ = _qualifier_lists()
    while end > cand.end and text[end - 1] in _QUOTE_MARKS + " ":
        end -= 1
    why = dict(cand.why)
    why["quantities"] = rule_id or total_investment_clause.id
    qualifier = cand.qualifier
    if not qualifier:
        qualifier = _bound_qualifier(text, start, qs[0], suffixes, prefixes)
        if qualifier:
            why["qualifier"] = hedge_on_number.id
    return dataclasses.replace(
        cand, quote=text[cand.start:end], end=end, quantities=cand.quantities + tuple(_quantity(q) for q in qs),
        qualifier=qualifier, why=tuple(why.items()))


def _places_run_on(text: str, q: NumberToken, coord: int) -> bool:
    """Rule places_of_the_work (the split): a count right after 在 counts the places where the work is done, and a
    和 or 、 after those places, before any verb, joins more places (在14个市州城区和兰州新区增补义务教育学位2万个, 甘肃 2026),
    not a second pledge: the clause is not cut there. 在 with a bound after the number (确保粮食播种面积稳定在100万亩以上、
    蔬菜产量稳定在200万吨左右, 北京 2026) states a level, no places."""
    return q.role is Role.COUNT and _AT_PLACES.search(text, max(0, q.start - 3), q.start) is not None \
        and not text.startswith(_BOUND_AFTER_PLACES, q.end) and not _actions_in(text, q.end, coord)


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
        if _places_run_on(text, a, a.end + m.start()):
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


#: the rules above as the registry names them (they split and join clauses, so the reader calls them directly)
respectively_splits = rule("object", "分别对应", "respectively_splits")(_respectively)
voltage_class = rule("quantities", "电压等级非数量", "voltage_class")(_class_of_object)
investment_opens_its_use = rule("quantities", "投资分句连其用途", "investment_opens_its_use")(_invests_in_next)
total_investment_clause = rule("quantities", "总投资分句并入", "total_investment_clause")(_sizes_the_pledge_before)
growth_reaches_level = rule("quantities", "增长所达总量并入", "growth_reaches_level")(_level_of_the_growth)
level_then_rate = rule("quantities", "总量后增速并入", "level_then_rate")(_rate_of_the_level)
project_attributes_join = rule("quantities", "项目属性并入", "project_attributes_join")(_describes_the_project_before)
areas_before_the_sum = rule("quantities", "项目面积在前并入", "areas_before_the_sum")(_areas_before_the_sum)
