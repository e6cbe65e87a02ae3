"""The action decision: the verb of a pledge (新建, 改扩建, 引进, 建成, 打通 …).

Rules, in order: the verb before the number (a generic one, 推进/实施, giving way to a verb after
it), the verb after the number, a verb between two numbers, then a sibling conjunct's verb and
the verb of an earlier clause of the segment.
"""
from __future__ import annotations

import re
from functools import cache

from tracker.extract import lexicons
from tracker.extract.model import Role
from tracker.extract.numbers import find_numbers
from tracker.extract.pledges.base import (
    _ATTACHED, _GENERIC_ACTIONS, _NEAR_CLAUSES, _QUOTE_MARKS, _actions, _actions_in, _is_name, _joined_verbs,
    _nominal_actions, _qualifiers,
)
from tracker.extract.pledges.objects import _INVESTED, _name_heads, _nominal_action, _use_of_sum, verb_inside_a_name
from tracker.extract.rules import rule


# 后 and its longer forms after a verb: the verb's clause says when (投产后, 建成以后), it does not pledge the act.
_AFTER_IT = re.compile(r"(?:以后|之后|后)")


@rule("action", "时间状语中的动词", "time_clause_verb")
def _acts(text: str, start: int, end: int) -> list:
    """The verbs of the actions lexicon in ``text[start:end]``, those of a time clause left out: a verb followed by 后
    (以后, 之后) says when the pledge is due, it is not its act: 投产后预计实现年销售收入3000万元 (苏州高新区 news, 2011:
    实现, not 投产); 项目建成后将为长沙县北部乡镇抗旱提供充足水源，改善灌溉面积2.09万亩 (长沙县 news, 2011: 改善, not 建成)."""
    return [m for m in _actions_in(text, start, end) if not _AFTER_IT.match(text, m.end())]


def _verbs_before(c) -> list:
    if "verbs_before" not in c.memo:
        c.memo["verbs_before"] = _acts(c.text, c.start, c.kept[0].start)
    return c.memo["verbs_before"]


def _verbs_after(c) -> list:
    """The verb group after the number that governs it: the group that ends the quote when there is one, the words
    before it naming the object (1.22万个亿元以上|新建续建项目|建设, 湖北 2026), else the first group. A verb inside the
    name the number counts (粮食产能提升重点县) is passed over by verb_inside_a_name, not here."""
    if "verbs_after" not in c.memo:
        verbs = _actions_in(c.text, c.kept[-1].end, c.end)
        if len(verbs) > 1 and not c.text[verbs[-1].end():c.end].strip(_QUOTE_MARKS + " "):
            k = len(verbs) - 1
            while k > 0 and c.text[verbs[k - 1].end():verbs[k].start()] in ("、", ""):
                k -= 1
            verbs = verbs[k:]
        c.memo["verbs_after"] = verbs
    return c.memo["verbs_after"]


def _verb_before(c) -> str | None:
    """The verb group before the number that governs it.

    The verb attached to the number (增长8%, 累计达到1万家) governs it; otherwise the clause's first
    verb does, and later ones belong to the object's name (新开工棚户区改造安置住房1.2万套)."""
    text, before, qs = c.text, _verbs_before(c), c.kept
    if not before:
        return None
    gap = text[before[-1].end():qs[0].start]
    attached = not gap.strip() or gap in _qualifiers() or _ATTACHED.fullmatch(gap)
    # verbs joined by 、 or written together read as one action: 新建、改扩建中小学, 建成投用
    if attached:
        first = len(before) - 1
        while first > 0 and text[before[first - 1].end():before[first].start()] in ("、", ""):
            first -= 1
    else:
        first = 0
    if attached and first == 0 and len(before) == 1 and before[0].group(0) in _counted_acts() \
            and _actions_in(text, c.clause.start, c.start):
        return None  # 开展残疾人培训330人次、职技能培训1500人次: the noun-like verb names the count (noun_verb_in_a_list)
    if attached and first > 0 and before[first].group(0) in _qualifiers():
        first = 0  # 实现经济总量突破1500亿元, 培育企业突破500家: 突破 hedges the number, the verb before is the act
    elif attached and first > 0 and _nominal_action(before[first].group(0)):
        first = 0
    return _joined_verbs(text, before[first:], _actions())


# A clause of nothing but a total investment (总投资288.1亿元, 计划总投资66.1亿元, 投资总额3793万元); a year's share
# (年度计划投资) is a plan of its own.
_TOTAL_SUM = re.compile(r"(?:项目)?(?:计划|预计|估算|概算)?(?:总投资|投资总额)(?:额)?(?:约|达|达到|超过|超|近|逾|为)?")


@rule("action", "翻番即动作", needs=("番",))
def doubling_is_the_act(c) -> str | None:
    """A doubling (翻一番, 翻两番, 翻番) is written as the verb of its own figure: it is the act, not a frame verb before it
    (实现) nor the verb of an earlier clause: "贸易结构趋于优化，力争外贸进出口总值翻一番" (甘肃 2026: 翻一番, not 优化);
    "实现2035年人均地区生产总值比2020年翻一番" (广西 2026: 翻一番, not 实现). The gold of both reads 翻一番. A verb written right
    against it (规上工业产值实现翻一番) stays the act, as verb_before_number reads it (the unseen examples' gold: 实现)."""
    for q in c.kept:
        if _DOUBLING.fullmatch(c.text, q.start, q.end):
            before = _actions_in(c.text, c.clause.start, q.start)
            if before and before[-1].end() == q.start:
                return None
            return c.text[q.start:q.end]
    return None


_DOUBLING = re.compile(r"翻[一两二三四]?番")


@rule("action", "服务人数", needs=("服务",))
def serving_count(c) -> str | None:
    """服务 written right before the count of those it serves, or before whom it serves (lexicon served_words: 居民, 企业;
    数 may follow) and then the count, is the pledge's act; 服务 is no verb of the actions lexicon (服务业, 服务中心,
    公共服务平台 name things), so without this the act was none, a verb of an earlier clause or one inside a label:
    图书馆拟服务100万人 (南沙区 news, undated: none before); 服务居民30万人以上 (萧山区 民生实事, 2017: not 达到 of the clause
    before); “创业帮扶”服务企业数46家 (芷江西路街道 实事, 2023: not 帮扶 of the label). A verb of the lexicon that holds it (联络服务,
    the seeds) is read as it was; the count is of people or firms (人, 人次, 家, 户, 名)."""
    if not c.kept:
        return None
    q = c.kept[0]
    if not c.clause.start <= q.start or not (q.unit or "").endswith(_SERVED_UNITS):
        return None  # 推出“一件事一次办”主题服务50项 (赣州, an unseen example): a count of services, no one served
    found = _served().search(c.text, c.clause.start, q.start)
    if found is None or any(v.end() > found.start() for v in _actions_in(c.text, c.clause.start, q.start)):
        return None
    return "服务"


_SERVED_UNITS = ("人", "人次", "家", "户", "名")


@cache
def _served():
    return re.compile("服务(?:%s)?数?$" % "|".join(map(re.escape, lexicons.words("served_words"))))


@rule("action", "前述项目的总投资", needs=("投资",))
def total_of_the_projects_before(c) -> str | None:
    """A clause of nothing but a total investment right after the clause of the projects it totals (their clause names
    项目 or 工程 after its verb, lexicon project_nouns) is done by those projects' verb, the first of that clause: 此次集中
    开工项目有23个，计划总投资66.1亿元 (阳新县 news, 2021: 开工); 漳州龙文区将实施教育、卫生与健康、养老、城乡民生基础设施等四个领域
    补短板项目162个,总投资288.1亿元 (龙文区 news, 2017: 实施); 2011年论证和启动古籍书库新建工程,投资总额3793万元 (大连 news,
    2011: 启动). After a task that names no project (完成2平方公里核心区开发任务，总投资200亿元: 扬州 news, 2014) or a breakdown
    with no verb (民生改善类项目357个，个数占比40.4%，总投资9809.6亿元: 深圳 news, 2022) the sum stays 投资."""
    if not c.kept or c.ci == 0 or any(q.role is not Role.AMOUNT for q in c.kept):
        return None
    clause, q = c.clause, c.kept[0]
    if not (clause.start <= c.start and _TOTAL_SUM.fullmatch(c.text[clause.start:q.start].strip(_QUOTE_MARKS + " "))):
        return None
    if c.text[c.kept[-1].end:clause.end].strip(_QUOTE_MARKS + " ") not in ("", *_qualifiers()):
        return None
    prev = c.clauses[c.ci - 1]
    if prev.segment != clause.segment:
        return None
    verbs = _acts(c.text, prev.start, prev.end)
    if not verbs or not any(c.text.find(noun, verbs[0].end(), prev.end) >= 0 for noun in _project_nouns()):
        return None
    return _joined_verbs(c.text, verbs, _actions())


@rule("action", "概况后的完工", needs=("投资",))
def finishing_after_the_profile(c) -> str | None:
    """A project's profile (its total investment, its sizes), with no verb of the actions lexicon before its numbers,
    is done by the work its sentence says is ahead after it: a time word or a modal, then the building or the
    finishing (开工建设, 建成, 竣工, 完工, 交付使用, 投入使用): "总建筑面积为38633平方米,总投资约2亿元,预计明年下半年可交付
    使用" (泰兴市 news, 2010: 交付使用, not 投资); "项目总投资约9800万元,将于2013年底建成投入" (闽侯县 news, 2012: 建成);
    "污水处理厂一期，总投资1.76亿元，占地面积7.65万平方米，目前三个项目都已经开工建设，预计在2021年11月份竣工" (柳南乡,
    2021: 竣工); "其中青岛段主线长89公里，总投资71亿元，…计划今年开工建设，2013年建成通车" (青岛 news, 2011: 开工建设, the
    gold's 建设). The gold of each names that work; a sum put to a use (投资9000万元扩建二期工厂) keeps its verb."""
    q = next((q for q in c.kept if q.role is Role.AMOUNT), None)
    if q is None or not _INVESTED.search(c.text, max(0, q.start - 8), q.start) \
            or _actions_in(c.text, min(c.start, c.clause.start), c.end):
        return None
    found = _work_ahead(c.text, c.end, c.block.end)
    if found is None or _PROGRESS.search(c.text, c.end, found.start()):
        return None  # after a report of progress (进入…阶段, 正在…) finishing_after_progress reads the finishing
    return found.group(1)


def act_of_a_joined_profile(text: str, start: int, end: int, block_end: int) -> tuple[str, str] | None:
    """(act, rule id) for a profile whose attributes were joined into one pledge after its act was read on the first
    piece alone (project_attributes_join: 县文化馆总建筑面积7046平方米,|计划总投资3500万元), that piece naming none: the
    work ahead in its sentence (finishing_after_the_profile: 其中青岛段主线长89公里，总投资71亿元，…计划今年开工建设, 青岛 news
    2011, the gold's 建设), else 投资 where the joined words end on an investment's sum (invested_sum_verb: 蕲春县's 县文化馆
    and 县图书馆, page batch U, the gold's 投资). None where a verb of the lexicon stands in the joined words."""
    if _actions_in(text, start, end):
        return None
    found = _work_ahead(text, end, block_end)
    if found is not None:  # finishing_after_progress is not asked of joined words: a report of progress is passed
        return found.group(1), finishing_after_the_profile.id
    tail = _SUM_AT_END.search(text, start, end)
    if tail is not None and _INVESTED.search(text[max(start, tail.start() - 8):tail.start()]):
        return "投资", invested_sum_verb.id
    return None


# A sum at the end of the joined words: its digits and its unit of money (3500万元, 4.64亿).
_SUM_AT_END = re.compile(r"[0-9０-９.．]+(?:多|余)?[万亿]?元?$")


def _work_ahead(text: str, end: int, block_end: int) -> re.Match | None:
    """The work ahead named after ``end`` in its sentence (_WORK_AHEAD), or None."""
    stop = text.find("。", end, block_end)
    return _WORK_AHEAD.search(text, end, block_end if stop < 0 else stop)


# After a project's profile, in its sentence: a time ahead, then the building or the finishing.
_WORK_AHEAD = re.compile(r"(?:预计|将于|将|计划|争取|力争|有望|确保)[^，,。；;]{0,14}?"
                         r"(开工建设|建成|竣工|完工|交付使用|投入使用|投用)")


@rule("action", "投资的用途动词")
def invested_sum_verb(c) -> str | None:
    """An investment with no verb before it (投资 is no act of the lexicon) is done by the verb of its use after
    the sum, else it is the act itself: 黄山市计划总投资43.6亿元，大力实施生态环境保护工程 (黄山市 news, 2010: 实施);
    投资67亿元,实施服务业和工业项目38个 (龙文区 news, 2017: 实施); 今年计划投资13000万元进行南源水电站建设
    (黄山市: 投资, 进行 being no act); 总投资200亿元 (扬州 news, 2014: 投资)."""
    q = next((q for q in c.kept if q.role is Role.AMOUNT), None)
    if q is None or _actions_in(c.text, min(c.start, c.clause.start), q.start) or not _INVESTED.search(c.text, max(0, q.start - 8), q.start):
        return None
    use = _use_of_sum(c.text, q, c.end)
    if use is not None and use.group(0) in _actions():
        return _actions()[use.group(0)]
    if use is not None or not c.text[q.end:c.end].strip(_QUOTE_MARKS + " ") \
            or c.text[q.end:c.end].strip(_QUOTE_MARKS + " ") in _qualifiers():
        return "投资"
    return None


@rule("action", "泛化动词让位")
def generic_verb_gives_way(c) -> str | None:
    """A generic verb before the number (启动, 推进, 实施, 开展) gives way to a verb of doing after it:
    实施100条客运班线公交化改造 (吉林 民生实事, 2026: 改造); 实施7公里燃气老化管道改造 (松江区, 2025: 改造);
    not to 建设 naming the work (work_noun_keeps_generic_verb), nor, after 实施 and 推进, to a verb inside the name of a
    project (project_name_keeps_generic_verb: 实施黑羊站水厂3万吨扩建项目, 海拉尔区 实事, 2014: 实施)."""
    verb = _verb_before(c)
    if verb in _GENERIC_ACTIONS and _verbs_after(c) and not _names_the_work(c) and verb_inside_a_name(c) is None:
        return _joined_verbs(c.text, _verbs_after(c), _actions())
    return None


@rule("action", "工作名词不夺泛化动词", "work_noun_keeps_generic_verb")
def _names_the_work(c) -> bool:
    """建设 (and a group ending on it, 开发建设) after the number names the work as a noun, the object's last word:
    it does not take over the generic verb before the number, which stays the act: 推进144个“15分钟”社区生活圈建设项目,
    推进5个“美丽街区”建设 (松江区, 2025: 推进); 龙文区将全力推进187个重点项目开发建设 (龙文区 news, 2017: 推进);
    全面启动…两个核心旅游景区二期建设 (海拉尔区, 2012: 启动). A verb of doing after the number still does: 启动齐润花园幼儿园等
    30所幼儿园新建、改扩建工程 (the seeds: 新建、改扩建)."""
    return c.text[_verbs_after(c)[-1].start():_verbs_after(c)[-1].end()] in _nominal_actions() \
        or _names_the_project(c)


@rule("action", "工程名称不夺泛化动词", "project_name_keeps_generic_verb")
def _names_the_project(c) -> bool:
    """A verb of doing after the number inside the name of a project (its words run on to 工程 or 项目 at the quote's
    end, lexicon project_nouns) does not take the place of a generic verb that takes a project as its object (lexicon
    project_verbs: 实施, 推进): 实施100个社区儿童友好空间改造工程 (甘肃 民生实事, 2026: 实施); 推进总投资103.7亿元的棚户区改造工程
    (海拉尔区, 2017: 推进); 实施4个小区内综合整治等美丽家园项目 (枝江 实事, 2023: 实施). 启动 still gives way: the seeds read
    启动齐润花园幼儿园等30所幼儿园新建、改扩建工程 as 新建、改扩建."""
    if _verb_before(c) not in _project_verbs():
        return False
    return c.text[_verbs_after(c)[-1].end():c.end].rstrip(_QUOTE_MARKS + " ").endswith(_project_nouns())


@cache
def _project_verbs() -> frozenset[str]:
    return frozenset(lexicons.words("project_verbs"))


@cache
def _project_nouns() -> tuple[str, ...]:
    return lexicons.words("project_nouns")


@rule("action", "数量前的动词")
def verb_before_number(c) -> str | None:
    """The verb before the number: 全年开工重点项目2000个以上 (安徽, 2026: 开工);
    今年将新建保障性住房1021套 (the seeds: 新建)."""
    return _verb_before(c)


@cache
def _modal_short_verb() -> re.Pattern:
    """A modal, then a one-character verb, ending right before a number."""
    return re.compile("(?:%s)(%s)$" % (lexicons.alternation(lexicons.words("modal_words")),
                                      lexicons.alternation(lexicons.words("short_verbs"))))


@rule("action", "情态词后的单字动词",
      needs=tuple(m[-1] + v for m in lexicons.words("modal_words") for v in lexicons.words("short_verbs")))
def modal_short_verb(c) -> str | None:
    """A one-character verb (lexicon short_verbs: 建, 装) right after a modal (lexicon modal_words: 将, 拟, 要) and right
    before the number is the act, of the number's conjuncts too: 龙文区2018年将建5所小学10所幼儿园 (龙文区 news, 2017: 建 for
    both); 凤阳将建112个农家书屋9个乡镇文化站 (凤阳县 news, 2011: 建); 全市拟装６万电子眼监控地沟油 (北京 news, 2012: 装).
    Elsewhere a single character is too often part of a word (建筑, 装备) to be read as a verb."""
    if not c.kept:
        return None
    q = c.kept[0]
    if not c.clause.start <= q.start or _acts(c.text, c.clause.start, q.start):
        return None
    first = next((k for k in range(c.clause.start, q.start) if _COUNT_AT.match(c.text, k)), q.start)
    m = _modal_short_verb().search(c.text, max(c.clause.start, first - 6), first)
    return m.group(1) if m else None


# A period's output word (年产, 年生产) and the nouns that begin with it (年产值, 年产能, 年产量: no verb).
_OUTPUT_NOUN_AFTER = re.compile(r"[值能量]")


@cache
def _output_verbs() -> re.Pattern:
    return re.compile(lexicons.alternation(lexicons.words("output_verbs")))


@rule("action", "产出动词", needs=("产",))
def output_verb(c) -> str | None:
    """A plant's output (lexicon output_verbs) is the act of a clause with no verb of the actions lexicon before its
    number: 项目建成后预计年生产50万吨铁精粉, 预计年产铁精粉6万吨 (孤山子镇's profile, 2021: 生产, 年产, not the 建设 or 改造 of
    the clause before); 预计年产手术室医疗设备20000台、液压机械5000台 (苏州高新区 news, 2011: 年产 for both); 重庆将在3年之内
    生产1亿台以上的笔记本电脑和1亿台以上的其它电子终端 (重庆 news, 2011: 生产, not the 开工 of 开工仪式 before). A word with 年
    counts wherever it stands before the number, 生产 alone only against a number; 年产值, 年产能 and 年产量 are nouns, and
    日产 is left out (东风日产 names a company: 东风日产在花都的总投资将超过100亿元, 花都区 news, 2011)."""
    if not c.kept:
        return None
    q = c.kept[0]
    if not c.clause.start <= q.start or _acts(c.text, c.clause.start, q.start):
        return None
    found = None
    for m in _output_verbs().finditer(c.text, c.clause.start, q.start):
        if _OUTPUT_NOUN_AFTER.match(c.text, m.end()):
            continue
        if m.group(0) == "生产" and not _COUNT_AT.match(c.text, m.end()):
            continue
        found = m.group(0)
    return found
@rule("action", "进展之后的完工", needs=("进展顺利", "进入", "正在"))
def finishing_after_progress(c) -> str | None:
    """After the number, a report of progress (进展顺利, 进入…阶段, 正在…) and then when the work will be finished (有望在
    10月底前全部建成, 预计9月投入使用) make the finishing the act, not the verb of the progress: "全市31个乡镇街综合文化站
    建设进展顺利,有望在10月底前全部建成" (福州市 news, 2008: 建成, not 建设); "计划总投资4828多万元的新图书馆和计划总投资2000多万元
    的新艺术馆目前进入室内装修收尾阶段,预计9月投入使用" (三明市 news, 2014: 投入使用, not 进入). Only the number's sentence is
    read; a verb before the number (verb_before_number) is asked first."""
    last = max(q.end for q in c.kept)
    stop = c.text.find("。", last, c.block.end)
    stop = c.block.end if stop < 0 else stop
    progress = _PROGRESS.search(c.text, last, stop)
    if progress is None:
        return None
    done = _FINISH_AHEAD.search(c.text, progress.end(), stop)
    return done.group(1) if done else None


# A report of progress after the number (建设进展顺利, 进入室内装修收尾阶段, 正在加紧施工), then a time ahead and the finishing.
_PROGRESS = re.compile(r"进展顺利|进入[^，,。；;]{0,10}?阶段|正在")
_FINISH_AHEAD = re.compile(r"(?:有望|预计|将|计划|争取|力争|确保)[^，,。；;]{0,12}?(?:前|以前|之前|内)?"
                           r"(?:全部|全面|均|基本|如期|按期)?(完工|建成|竣工|交付使用|投入使用|投用)")


@rule("action", "数量后的动词")
def verb_after_number(c) -> str | None:
    """The verb after the number: 未来十年，长沙县将计划投资75亿元用于水利建设 (长沙县, 2011: 建设);
    完成靖宁路、长兴南路2个积水点改造 (长安区 实事, 2022: 改造)."""
    after = _verbs_after(c)
    return _joined_verbs(c.text, after, _actions()) if after and verb_inside_a_name(c) is None else None


@rule("action", "两数之间的动词")
def verb_between_numbers(c) -> str | None:
    """The verb between the beneficiaries or places and what they get: 在17个乡镇(街道办)硬化道路10万平方米
    并安装太阳能路灯1000盏, 在39个村改造升级10千伏线路16.66公里 (歙县 实事, 2025)."""
    between = _actions_in(c.text, c.kept[0].end, c.kept[-1].start)
    return _joined_verbs(c.text, between, _actions()) if between else None


# What names an indicator's level right before its number: a rate's head (lexicon rate_heads: 涨幅, 增速, 占比, 比重), a
# word of 率 (失业率, 覆盖率), an intensity (研发投入强度) or an output level (lexicon level_heads: 产量, 生产能力).
_INDICATOR_BEFORE = re.compile(r"(?:%s|[\u4e00-\u9fff]率|强度)$")


@cache
def _indicator_before():
    heads = sorted(lexicons.words("rate_heads") + lexicons.words("level_heads"), key=len, reverse=True)
    return re.compile(_INDICATOR_BEFORE.pattern % "|".join(map(re.escape, heads)))


@rule("action", "指标水平无动作")
def indicator_level_no_verb(c) -> str | None:
    """An indicator named right before its number, with no verb of its own, states the level it is to stand at: it
    takes no verb from a sibling or an earlier clause: 城镇新增就业68万人左右，城镇调查失业率5.5%左右，居民消费价格涨幅2%左右
    (安徽, 陕西, 黑龙江, 河南, 江苏 2026: not 新增); 服务贸易年均增速5%左右, 居民消费价格涨幅2%左右 (北京 2026: not 增长, 控制);
    战略性新兴产业增加值占规上工业比重30% (河南 2026: not 增长). An output level too (lexicon level_heads, act20):
    粮食产量1600亿斤以上 (黑龙江 2026: not 增长 of the clause before), 粮食综合生产能力526亿斤左右 (辽宁 2026); and a level
    whose name holds a verb read whole (lexicon verb_hiding_nouns: 全社会研发投入占比6%以上, 北京 2026; 全社会研发投入强度
    3.42%左右, 江苏 2026: not 投入). The gold of the corpus reads no act for each."""
    if not c.kept:
        return None
    q = c.kept[0]
    own = _conjunct_start(c)
    if c.clause.start < own <= q.start and not _actions_in(c.text, own, q.start) \
            and _SHARE_BEFORE.search(c.text, own, q.start):
        return ""
    if not c.clause.start <= q.start or _actions_in(c.text, c.clause.start, q.start):
        return None
    return "" if _indicator_before().search(c.text, c.clause.start, q.start) else None


# A share written right before its number (占50%以上, 占全国23.6%: what the figure is of comes between).
_SHARE_BEFORE = re.compile(r"占[\u4e00-\u9fff“”]{0,12}?(?:比重|比例)?$")


def _conjunct_start(c) -> int:
    """Where the words of the pledge's own conjunct begin: after the 、 that joins it to a sibling figure of its clause
    (增加值将达到6400亿元左右、占地方生产总值比重16%左右, 深圳 news 2022; 实际对外直接投资增长10%、对共建“一带一路”国家投资占50%以上,
    海南 2026), else at the clause's start. A conjunct stating a share of something (占 …, 占…比重) with no verb of its own
    takes none of its sibling's: the gold of both reads none. A rate's level after a sibling's verb does take it
    (应届高校毕业生就业率保持95%以上、市场就业率70%以上, 西藏 2026: 保持, the gold's), so only the share is read so."""
    if c.start > c.clause.start and c.text[c.start - 1] == "、":
        return c.start
    return c.clause.start


@rule("action", "数量前的计数动词")
def counted_act_against_number(c) -> str | None:
    """A verb that names what its number counts (lexicon counted_acts: 就业, 培训) written right against the number, with
    no verb of the actions lexicon before it in its clause, is the pledge's act; no sibling's or earlier clause's verb is
    asked: 高校毕业生留省就业17万人 (吉林 民生实事, 2026: 就业, not 转移 of the clause before); 力争有组织有规模外出就业25万人次以上
    (青海 民生实事, 2026: 就业, not 培训)."""
    if not c.kept:
        return None
    q = c.kept[0]
    if not c.clause.start <= q.start or _actions_in(c.text, c.clause.start, q.start):
        return None
    for word in sorted(_counted_acts(), key=len, reverse=True):
        if c.text.endswith(word, c.clause.start, q.start):
            return word
    return None


def _sibling_groups(c) -> tuple[list, int]:
    """The verbs of the clause before this conjunct, and where the group nearest to it begins."""
    if "sibling_groups" not in c.memo:
        verbs = _actions_in(c.text, c.clause.start, c.start)
        while len(verbs) > 1 and _inside_sibling_name(c, verbs[-1]):
            verbs.pop()  # 推进66个粮食产能提升重点县和|豫东平原…: 提升 is the sibling's name's, 推进 governs both
        first = len(verbs) - 1
        while first > 0 and c.text[verbs[first - 1].end():verbs[first].start()] in ("、", ""):
            first -= 1
        c.memo["sibling_groups"] = (verbs, first)
    return c.memo["sibling_groups"]


_CONJUNCTION_AT_END = re.compile(r"(?:和|及|以及|与|、)$")


def _inside_sibling_name(c, verb: re.Match) -> bool:
    """Whether ``verb`` stands inside the name a sibling conjunct's number counts (verb_inside_a_name's shape: a number,
    name words, the verb, and a head at the sibling's end before 和 or 、): 推进66个粮食产能提升重点县和豫东平原200万亩…项目
    (河南, 2026: the second conjunct is governed by 推进, not by 提升)."""
    gap = _CONJUNCTION_AT_END.sub("", c.text[verb.end():c.start].rstrip(_QUOTE_MARKS + " "))
    counted, projects = _name_heads()
    head = next((h for h in counted + projects if gap.endswith(h)), None)
    if head is None or (gap == head and head not in counted) or (gap != head and not _is_name(gap[:-len(head)])):
        return False
    numbers = [t for t in find_numbers(c.text[c.clause.start:verb.start()]) if t.kind == "quantity"]
    return bool(numbers) and _is_name(c.text[c.clause.start + numbers[-1].end:verb.start()])


# A number right after a verb: the verb names what the number counts (转移就业64万人, 培训330人次).
_COUNT_AT = re.compile(r"[\d一二三四五六七八九十两百千万]")


def _names_a_count(c, verbs, first) -> bool:
    return first > 0 and verbs[-1].group(0) in _counted_acts() and _COUNT_AT.match(c.text, verbs[-1].end()) is not None


@cache
def _counted_acts() -> frozenset[str]:
    """Verbs that name what the number written against them counts (lexicon counted_acts: 培训, 就业)."""
    return frozenset(lexicons.words("counted_acts"))


@rule("action", "并列成分的动词")
def sibling_verb_before(c) -> str | None:
    """A sibling conjunct in the same clause: the whole verb group nearest to this one
    (今年将新建改扩建中小学校4所、幼儿园6所 → 新建改扩建 for both, a rule test); 改造城镇老旧小区10万户、市政管网1000公里、
    供热设施4000台 (甘肃, 2026)."""
    verbs, first = _sibling_groups(c)
    if not verbs or _names_a_count(c, verbs, first):
        return None
    return _joined_verbs(c.text, verbs[first:], _actions())


@rule("action", "列举所共用的动词")
def noun_verb_in_a_list(c) -> str | None:
    """The verb nearest before a conjunct that has none is written against the earlier conjunct's number, so it names
    what that number counts (就业, 培训), and the verb group before it governs the list: 实现农牧民转移就业64万人以上、
    劳务收入70亿元以上 (西藏, 2026: 实现); 开展残疾人培训330人次、职技能培训1500人次 (长安区 实事, 2022: 开展)."""
    verbs, first = _sibling_groups(c)
    if not verbs or not _names_a_count(c, verbs, first):
        return None
    earlier = verbs[:first]
    k = len(earlier) - 1
    while k > 0 and c.text[earlier[k - 1].end():earlier[k].start()] in ("、", ""):
        k -= 1
    return _joined_verbs(c.text, earlier[k:], _actions())


@rule("action", "后续并列成分的动词")
def sibling_verb_after(c) -> str | None:
    """A verb after this conjunct in its clause governs it too: 加快中国邮政国际航空枢纽、洛阳等10个国家物流枢纽、
    商丘等5个国家骨干冷链物流基地建设 (河南, 2026: 建设)."""
    sib_after = _actions_in(c.text, c.end, c.clause.end)
    return _actions()[sib_after[0].group(0)] if sib_after else None


@rule("action", "前面分句的动词")
def verb_of_earlier_clause(c) -> str | None:
    """The verb of an earlier clause of the segment, by index and never far:
    城镇新增就业68万人左右，城镇调查失业率5.5%左右 (安徽, 2026); 今年计划新开工安置住房1.2万套，基本建成8000套 (a rule test)."""
    clause = c.clause
    for k in range(c.ci - 1, max(-1, c.ci - 1 - _NEAR_CLAUSES), -1):
        prev = c.clauses[k]
        if prev.segment != clause.segment:
            break
        found = _acts(c.text, prev.start, prev.end)
        if found:
            return _actions()[found[-1].group(0)]
    return None


_LABEL = re.compile(r"[：:]")
# A heading's number (二、, （一）, 1.) and its kind: a heading of another kind above the nearest one is its parent.
_HEADING_NUMBER = re.compile(r"\s*(?:([一二三四五六七八九十]+、)|([（(][一二三四五六七八九十\d]+[)）])|(\d+[.．、]))\s*")


def _heading_kind(m: re.Match | None) -> int:
    return next((k for k in (1, 2, 3) if m and m.group(k)), 0)


@rule("action", "标题的动词")
def verb_of_heading(c) -> str | None:
    """An item with no verb in its sentence takes the verb its heading opens with, the work the heading names:
    二、整治内容 / （一）专项任务 / 1.设施农业疑似违法项目：…全区共计1534件、面积2489.71亩 (崇明区 违法用地整治, 2020: 整治);
    建设“两纵两横”大通道 / …“一横”是指新谭公路，西起平度新河镇，东至莱阳谭格庄镇，全长约90公里 (青岛 news, 2011: 建设).
    The nearest heading, then, when it is numbered, the nearest one above it numbered in another kind (二、 over （一）, past （一） for
    （二）), never a sibling; the verb opens the heading (after its number), or the heading names no work (设备商从抵制到积极支持,
    （二）着力推动能源转型); never the document's first line (its title) nor a label (发布时间：…)."""
    if c.block.kind != "body":
        return None
    kinds = []
    for j in reversed(c.reading.headings):
        if j >= c.bi:
            continue
        if j == 0 or len(kinds) == 2:
            break
        block = c.norm.blocks[j]
        number = _HEADING_NUMBER.match(c.text, block.start, block.end)
        kind = _heading_kind(number)
        if kinds and (kind == 0 or kinds[-1] == 0):
            break  # an unnumbered heading stands alone
        if kind in kinds:
            continue  # a heading of a kind seen is a sibling (（一） before （二）), not a parent
        kinds.append(kind)
        if _LABEL.search(c.text, block.start, block.end):
            continue  # 发布时间：2011-03-30 labels a page, it heads nothing
        opening = number.end() if number else block.start
        found = _acts(c.text, opening, block.end)
        if found and found[0].start() == opening:
            return _joined_verbs(c.text, found, _actions())
    return None


ACTION_RULES = (doubling_is_the_act, serving_count, total_of_the_projects_before, finishing_after_the_profile,
                invested_sum_verb, generic_verb_gives_way, verb_before_number, modal_short_verb,
                output_verb, finishing_after_progress, verb_after_number, verb_between_numbers,
                indicator_level_no_verb, counted_act_against_number, sibling_verb_before, noun_verb_in_a_list, sibling_verb_after, verb_of_earlier_clause, verb_of_heading)
