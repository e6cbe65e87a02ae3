"""The tense decision: does the clause look forward (a pledge) or back (a result)?

(forward?, strength 0..1) from the nearest strong cue before the quantity, looking wider step
by step: the clause, the clause after it, the sentence and paragraph, the section, the report.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from tracker.extract import lexicons
from tracker.extract.model import Role
from tracker.extract.pledges.base import (
    _COMPARED_WITH_LAST_YEAR, _CONTINUATION, _TIME_WORDS, _is_comparison, _modal_before, _walk_back, _without_modifiers,
    block_matches, block_positions,
)
from tracker.extract.pledges.cues import _cues_of
from tracker.extract.pledges.deadline import (
    PART_DONE, SENTENCE_END, article_completions, completion_sentences,
    completion_told_elsewhere,
)
from tracker.extract.pledges.frames import _plan_document
from tracker.extract.rules import rule


def _before(c) -> list:
    """Strong cues of the clause before the quantity, past cues inside a modifier left out."""
    if "tense_before" not in c.memo:
        in_clause = c.cues.all.between(c.clause.start, c.clause.end)
        c.memo["tense_before"] = _without_modifiers(c.text, [x for x in in_clause if x.pos < c.kept[0].start and x.strong])
    return c.memo["tense_before"]


def _next_clause(c):
    nxt = c.clauses[c.ci + 1] if c.ci + 1 < len(c.clauses) else None
    return nxt if nxt is not None and nxt.segment == c.clause.segment else None


_ESTIMATE = re.compile("|".join(map(re.escape, lexicons.words("estimate_words"))))
_COMMITS = re.compile(r"将(?!军)|力争|确保|计划|拟|争取|目标")


@rule("tense", "估计之词", needs=lexicons.words("estimate_words"))
def estimate_before_number(c):
    """A clause that estimates or guesses its figure (lexicon estimate_words) before the number states an
    expectation, not an intent, unless it also commits (将, 力争, 确保, 计划 …): "去年收购价在1.2每斤元左右，今年预计
    会达到1.4元/斤" (监利县 news, 2011); "每亩能够达到3万公斤" (沂南县 news, 2011); "亩产粮食大概就要减少50~100公斤"
    (监利县 news, 2011)."""
    first = min(q.start for q in c.kept) if c.kept else c.start
    m = _ESTIMATE.search(c.text, c.clause.start, first)
    if m is None or _COMMITS.search(c.text, c.clause.start, c.clause.end):
        return None
    return False, 0.9


@rule("tense", "数量前的时态词")
def cue_before_number(c):
    """The nearest strong cue before the number in its clause: 力争为经营主体减负1000亿元以上 (安徽, 2026);
    未来十年，长沙县将计划投资75亿元用于水利建设 (长沙县, 2011). A comparison with last year is a past cue, but
    after a modal it is the target's: 力争全年实际使用外资12亿美元，完成规上工业总产值4200亿元，同比增长8% (a rule test)."""
    before = _before(c)
    if not before:
        return None
    if _is_comparison(c.text, before[-1]) and _modal_before(c.text, c.cues, c.clause):
        return True, 0.8
    return before[-1].forward, 1.0


# A project's completion still ahead, after its figure in the same sentence: 预计在2012年春节前投入使用, 预计明年下半年可
# 交付使用, 预计今年8月底完工, 预计工期2年
_COMPLETION_AHEAD = re.compile(r"(?:预计|将于|将在|有望|计划|争取|力争)[^。；！？，,]{0,14}?(?:完工|建成|竣工|投入使用|交付使用|投用)"
                               r"|预计工期")
_BEGUN = re.compile("|".join(map(re.escape, lexicons.words("begun_work_words"))))
_SIZE_BEFORE = re.compile("|".join(map(re.escape, lexicons.words("project_size_words"))))


@rule("tense", "在建项目的规模", needs=("完工", "建成", "竣工", "完成建设", "建设完成", "投入使用", "交付使用", "投用", "预计工期"))
def begun_project_scale(c):
    """The size of a project whose works the sentence tells begun or under way (lexicon begun_work_words: 开工, 动工,
    正在建设 …) while its completion is still ahead after the figure, in the same sentence (预计…投入使用, 预计工期):
    its investment or area (lexicon project_size_words before the number in its clause) describes what will be
    finished, not what was done, though the start is told in the past. "投资近2.2亿元的晋江八仙山全民健身中心已开始动工建设，
    预计工期2年" (晋江市 news, 2015); "去年，我市开工建设新的体育中心，总建筑面积为38633平方米，总投资约2亿元，预计明年下半年
    可交付使用" (泰兴市 news, 2010); "投资约5000万的茶山多功能体育馆已于近日破土动工，主体建设正在紧张施工中，预计在2012年春节前
    投入使用" (茶山镇 news, 2011); "总投入800万元的镇级文化广场正在建设，预计今年8月底完工投入使用" (平陵镇 news). A word of the
    past before the number in its clause (已完成投资1.19亿元) answers first (cue_before_number), and a sentence without a
    completion ahead (项目已开工，完成投资2亿元) is left to the rules after."""
    if not c.kept:
        return None
    text = c.text
    first = min(q.start for q in c.kept)
    if _SIZE_BEFORE.search(text, c.clause.start, first) is None:
        return None
    m = SENTENCE_END.search(text, c.clause.end, c.block.end)
    end = m.start() if m else c.block.end
    ahead = _COMPLETION_AHEAD.search(text, c.kept[-1].end, end)
    if ahead is not None and _BEGUN.search(text, c.clause.sentence_start, ahead.start()) is not None:
        return True, 0.7
    # the completion in one of the three sentences after it (a clause of no number of its own, a time not yet over
    # right before 完工, 交付使用 …), the start told from the figure's sentence to the completion's: …地下建筑面积为16000㎡。
    # …要求市图书馆项目今年必须开工建设。…2018年国庆节前完工并投入使用 (吕梁市 news, 2016)
    sentence = c.clause.sentence
    later = [s for s, _ in completion_sentences(c) if sentence < s <= sentence + _COMPLETION_REACH]
    if not later or PART_DONE.search(text, c.kept[-1].end, end) is not None:
        return None
    stop = max(cl.end for cl in c.clauses if cl.sentence == later[0])
    return (True, 0.6) if _BEGUN.search(text, c.clause.sentence_start, stop) is not None else None


_COMPLETION_REACH = 3  # sentences after the figure's in which its project's completion is still told


@rule("tense", "别段告知完工的在建项目", needs=("完工", "建成", "竣工", "完成建设", "建设完成", "交付使用", "投入使用", "投用"))
def begun_project_told_elsewhere(c):
    """The size of a project (lexicon project_size_words before the number in its clause) whose works the article
    tells begun or under way (lexicon begun_work_words, in the figure's paragraph or a completion's) and whose one
    completion, still ahead, another paragraph tells, within three before or after it (``completion_told_elsewhere``:
    the figure's sentence names the facility the completion's paragraph names, and does not tell its part done)
    looks forward, though nothing in its own paragraph does: "已运营34年的桃江县影剧院于10月24日起开始全面维修改造,目前施工
    正在紧锣密鼓地进行,预计今年底可以竣工并投入使用。| … | 据了解,县影剧院改造项目总投资300多万元" (桃江县 news, 2014, where
    the paragraph before tells the old theatre's 80年代); "陆丰市体育馆、游泳池建设工程项目,总投资2506万元,…用地面积约1.8万
    平方米 | … 陆丰市体育馆游泳池及配套设施工程项目,于2018年底开工至今,预计2020年8月份验收竣工" (陆丰市 news, 2020). Asked
    after the rules of the clause and before those of the paragraph and the section."""
    if not c.kept:
        return None
    text = c.text
    first = min(q.start for q in c.kept)
    if _SIZE_BEFORE.search(text, c.clause.start, first) is None or completion_told_elsewhere(c) is None:
        return None
    blocks = c.norm.blocks
    begun = any(_BEGUN.search(text, blocks[bi].start, blocks[bi].end) is not None
                for bi in {c.bi} | {x[0] for x in article_completions(c)})
    return (True, 0.6) if begun else None


# A project's works told under way now, by a progressive or a span since the start: 工人们正加紧施工, 正在建设, 施工正在…进行,
# 加紧施工建设中, 自3月18日进场施工以来
_UNDER_WAY = re.compile(r"正在?[^。！？，,；;]{0,6}?(?:施工|建设)|(?:施工|建设)(?:正在|中)|(?:施工|开工|动工)以来")
# a project's own sizes (lexicon facility_size_words, 占地, 投资), not an area of land (耕地面积, 播种面积)
_PROJECT_SIZE = re.compile("|".join(map(re.escape, [*lexicons.words("facility_size_words"), "占地", "投资"])))
_SIZE_ROLES = frozenset({Role.AREA, Role.AMOUNT})
# a public facility named in the figure's sentence (lexicon completed_facility_heads: 中心, 博物馆, 体育馆 …), not a
# company's plant (奥特斯重庆工厂第一期投资为2.97亿美元: 重庆 news, 2011, read as one line)
_PUBLIC_FACILITY = re.compile("|".join(map(re.escape, lexicons.words("completed_facility_heads"))))
# the paragraph tells the project finished: 已建成, 已竣工, 落成, 已投入使用
_FINISHED = re.compile(r"已[^。；！？，,]{0,6}?(?:建成|竣工|完工|投入使用|交付使用|投用)|落成|竣工验收")


@rule("tense", "施工中项目的规模", needs=("施工", "建设"))
def under_way_project_scale(c):
    """The size of a project (lexicon project_size_words before the number in its clause) in a paragraph that tells
    its works under way now (正在建设, 正加紧施工, 施工正在…进行, 加紧施工建设中, 进场施工以来) and nowhere tells it finished
    (已建成, 落成, 已投入使用), within two sentences before the figure's and three after it, describes what will be
    finished, though no completion is told, when the figure's sentence names a public facility (lexicon
    completed_facility_heads): "12月7日,在霞浦县博物馆建设
    工地上,工人们正加紧施工。霞浦县九大馆…占地49.3亩,总建筑面积57341平方米,总投资达3.5亿元,目前已投资2亿元" (霞浦县 news,
    2012: the paragraph's 已投资 is the part done); "“五馆两中心”公共服务综合体项目…占地45.62亩,…项目总投资2.82亿元,总建筑
    面积41400平米。…自3月18日进场施工以来,…北综合体地下负二层加紧施工建设中" (顺平县 news, 2022). A word of the past before
    the number in its clause (已完成投资) answers first, and a figure whose own sentence tells its part done (已于…建成)
    is left to the rules after."""
    if not c.kept or not all(q.role in _SIZE_ROLES for q in c.kept):
        return None
    text, block = c.text, c.block
    first = min(q.start for q in c.kept)
    if _PROJECT_SIZE.search(text, c.clause.start, first) is None:
        return None
    ends = [m.end() for m in SENTENCE_END.finditer(text, block.start, block.end)]
    k = bisect_right(ends, c.clause.start)  # the figure's sentence: the k-th of its paragraph
    lo = ends[k - _UNDER_WAY_BEFORE - 1] if k > _UNDER_WAY_BEFORE else block.start
    hi = ends[k + _UNDER_WAY_AFTER] if k + _UNDER_WAY_AFTER < len(ends) else block.end
    if _UNDER_WAY.search(text, lo, hi) is None or _FINISHED.search(text, lo, hi):
        return None
    sentence_end = ends[k] if k < len(ends) else block.end
    if PART_DONE.search(text, c.kept[-1].end, sentence_end) or _PUBLIC_FACILITY.search(
            text, c.clause.sentence_start, sentence_end) is None:
        return None
    return True, 0.55


_UNDER_WAY_BEFORE, _UNDER_WAY_AFTER = 2, 3  # sentences before and after the figure's that still tell of its project


@rule("tense", "数量后的时态词")
def cue_after_number(c):
    """A strong cue after the number in its clause: 我们将新建、改扩建中小学8所，新增学位4500个，秋季开学前全部投入使用
    (a rule test); 遴选12所学校实施“新优质学校成长计划” (长安区 实事, 2022)."""
    after = [x for x in c.cues.all.between(c.clause.start, c.clause.end) if x.strong]
    return (after[0].forward, 0.9) if after else None


@rule("tense", "承接分句的时态词")
def continuation_clause_cue(c):
    """The clause after it continues it (确保, 力争, 并, 于, 计划 …) and carries the cue:
    今年将新建学校3所，改造道路5条，确保年底前全部完工 (a rule test); …总投资22.5亿元，计划通过3到5年 (长沙县, 2011)."""
    nxt = _next_clause(c)
    if nxt is not None and c.text.startswith(_CONTINUATION, nxt.start):
        follow = c.cues.strong.between(nxt.start, nxt.end)
        if follow:
            return follow[0].forward, 0.8
    return None


@rule("tense", "比上年的统计")
def compared_with_last_year(c):
    """A comparison with last year without a modal is a statistic: 1-9月，全市规上工业总产值完成4200亿元，
    同比增长8% (a rule test)."""
    nxt = _next_clause(c)
    if nxt is not None and c.text.startswith(_COMPARED_WITH_LAST_YEAR, nxt.start) \
            and not _modal_before(c.text, c.cues, c.clause):
        return False, 0.8
    return None


@rule("tense", "目标标题下的条目")
def target_heading_items(c):
    """主要目标\n生产总值增长11.5%左右,全社会固定资产投资增长23%左右 (镇安县, 2015, a rule test): a heading
    naming targets leads its items, when nothing in the paragraph before the clause says otherwise (when
    something does, ``paragraph_cue``, next in the list, answers: so nothing after it needs the heading);
    主要预期目标\n惠州\n●地区生产总值增长8.5% (惠州日报, 2021, a rule test)."""
    if c.reading.target_heading is not None and not c.cues.strong.last_before(c.block.start, c.clause.start):
        return True, 0.7
    return None


def _outline_states() -> re.Pattern:
    titles = "|".join(map(re.escape, lexicons.words("outline_titles")))
    verbs = "|".join(map(re.escape, lexicons.words("stating_verbs")))
    return re.compile(rf"《[^《》]{{0,40}}(?:{titles})[^《》]{{0,6}}》[^，。；：！？、]{{0,8}}?(?:{verbs})了?(?!的)"
                      r"[^。；！？]{0,60}?(?:目标|指标)")


_OUTLINE_STATES = _outline_states()


@rule("tense", "规划纲要所列指标", needs=("》",))
def plan_outline_states(c):
    """A plan outline named as the subject of a verb of stating, with or without 了 (《纲要（草案）》明确了…主要指标：;
    lexicons outline_titles and stating_verbs), lists the plan's targets: they look forward, and its 了 tells what the
    document holds, not what was done. 《纲要（草案）》明确了经济社会发展主要指标：一是围绕经济发展，提出6项指标，其中地区生产总值
    年均增长5%左右。二是… (辽宁, 2026); 《纲要草案》据此细化设定了今后五年我省…五大类24个主要指标，包括地区生产总值年均增长5%左右
    (福建, 2026). A word of the past between the statement and the clause, or a review around it, leaves the clause to
    the rules after."""
    r = c.reading
    if r.review_section or r.review_paragraphs or r.past_year_run or r.outcome_run:
        return None
    closes = block_positions(c, "》")
    if not closes or closes[0] >= c.clause.start:
        return None
    ends, found = block_matches(c, _OUTLINE_STATES)  # the paragraph's statements, found once
    k = bisect_right(ends, c.clause.start)
    last = found[k - 1] if k else None
    if last is None or any(not x.forward for x in c.cues.strong.between(last.end(), c.clause.start)):
        return None
    return True, 0.8


# A paragraph's numbered title: its first sentence, after （一） or 一、, up to its full stop
_NUMBERED_TITLE = re.compile(r"(?:[（(][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)[^。！？!?；;]{2,40}[。！!]")


def _numbered_title_end(c) -> int | None:
    """Where the numbered title of the clause's paragraph ends (offset), or None."""
    m = _NUMBERED_TITLE.match(c.text, c.block.start, c.block.end)
    return m.end() if m else None


_SENTENCE_BOUND = frozenset(lexicons.words("sentence_bound_cues"))
# a comparison with last year opening a clause of nothing but a rate after a level (，同比增长21%；, 、同比增长7%左右。):
# it speaks of that one target's growth (level_then_rate), not of the targets after it
_RATE_OF_ONE_TARGET = re.compile(r"(?:" + "|".join(map(re.escape, lexicons.words("compared_with_last_year")))
                                 + r"|同比)(?:增长|下降)[0-9.]+[%％](?:以上|左右)?[；;。，,]")
# the level that rate is the growth of, reached by a verb (达到240亿元，, 达到8400亿元、): a bare statistic (社会消费品零售总额
# 8641.70亿元，同比增长11.8%；总量比2019年同期增长5.0%: 深圳 news 2022) keeps its comparison as the paragraph's cue
_LEVEL_REACHED_BEFORE = re.compile(r"(?:达到|达|完成|实现|突破)(?:约|近)?[0-9.]+[^，,；;。0-9]{0,3}[，,、]$")


# 已正式启动, 启动: the act that begins a programme; not a ground-breaking (开工, 动工) nor a launch of many projects
# at once (集中启动, 集中开工), whose ceremony reports the projects' totals
_LAUNCH = re.compile(r"(?<!集中)(?:正式)?启动(?![^。；！？]{0,12}(?:活动|仪式))")
# what tells the figures after a launch are done: 完成投资2亿元, 已建成, 累计, 共计 …
_DONE_AFTER_LAUNCH = re.compile(r"完成|建成|竣工|累计|实现|达到|已|了|共计")


@rule("tense", "启动后的规模", needs=("启动",))
def launched_programme_scale(c):
    """The scale of a programme or project whose launch the paragraph has just told: the launch is the paragraph's
    last word of the past (已正式启动), or comes after it (…促进了…，…启动…建设), in the clause's sentence or the one
    before, and nothing between the launch and the number, nor after the number in its sentence, says the work is
    done: what was launched is to be built. "本市全民健身设施今年将大规模兴建。日前，本市…工作已正式启动，1500处设施建设，
    总投资近7000万元的投入" (天津市 news, 2014); "…促进了全民健身活动的开展，邵武市卫闽镇启动农民体育健身工程建设，…。
    项目总投资107万元，建设内容包括…，完善全长2.4公里的健身步道，增设健身路径13套" (卫闽镇 news, 2017). 项目已开工，完成投资
    2亿元 stays a result (完成), and so does a launch in a review or after a past year's run. A ground-breaking and a
    launch of many projects at once tell a ceremony whose projects' totals are reported, not planned: 集中开工…。…等7个外资
    项目，合计总投资12.1亿美元 (苏州高新区 news, 2011), 新开工项目集中启动活动举行，本次集中启动的新开工项目共200个，总投资约
    1624.4亿元 (深圳 news, 2022) stay unread."""
    r = c.reading
    if r.review_section or r.review_paragraphs or r.past_year_run or r.outcome_run:
        return None
    last = c.cues.strong.last_before(c.block.start, c.clause.start)
    if last is None or last.forward:
        return None
    text = c.text
    m = _LAUNCH.match(text, last.pos + 1) if text.startswith("已", last.pos) else None
    if m is None:
        before = text.rfind("。", c.block.start, max(c.block.start, c.clause.sentence_start - 1))
        lo = max(last.pos + 1, before + 1 if before >= 0 else c.block.start)
        found = list(_LAUNCH.finditer(text, lo, c.clause.start))
        m = found[-1] if found else None
    if m is None or _DONE_AFTER_LAUNCH.search(text, m.end(), c.clause.end):
        return None
    stop = text.find("。", c.clause.end, c.block.end)
    if any(not x.forward for x in c.cues.all.between(c.clause.end, c.block.end if stop < 0 else stop)):
        return None
    return True, 0.6


_LIST_LEADS = tuple(lexicons.words("target_list_leads"))


def _comparison_in_a_target_list(c, x) -> bool:
    """`comparison_in_a_target_list`: a comparison with last year (同比, 比上年) in the clause's own sentence, before it,
    whose nearest strong cue before it in that sentence (other comparisons aside) opens a list of targets (lexicon
    target_list_leads: 力争, 确保, 目标是 …) is one target's comparison, as targets make it, no past cue for the targets
    after it: "力争固定资产投资增幅16%以上、…、限上社零额同比增长15%以上、高新技术产业增加值增幅15%以上，财政总收入达到20亿元、
    增幅12%以上，市场主体实现增长60%以上" (鄂城区's 2023 targets); "2012年全区经济社会发展的预期目标是：地区生产总值达到240
    亿元，同比增长21%；地方财政总收入达到20亿元，同比增长24.6%；…" (海拉尔区's 2012 report)."""
    start = c.clause.sentence_start
    if not start <= x.pos < c.clause.start or not _is_comparison(c.text, x):
        return False
    for y in reversed(c.cues.strong.between(start, x.pos)):
        if not _is_comparison(c.text, y):
            return y.forward and c.text.startswith(_LIST_LEADS, y.pos)
    return False


@rule("tense", "句段中的时态词")
def paragraph_cue(c):
    """The sentence, then the paragraph, before this clause: 社会消费品零售总额增长4%左右，进出口总额增长6%左右
    after 主要预期目标是 (安徽, 2026). A word of intent in the paragraph's numbered title speaks of the title's aim, not
    of the sentences after it: under "（一）聚焦扩大内需，确保经济平稳运行。" (陕西, 2026) and "（二）争创人工智能发展优势，
    激活创新动能。" (广西, 2026), their reviews of 2025 state results (争取中央预算内投资…分别增长64.8％; 新签约人工智能产业
    项目208个); a plan's titled paragraph keeps the cues of its own sentences, its section and its report, and a time
    its title names (（二）今年重点办好以下民生实事。) still frames the paragraph. A cue of
    lexicon sentence_bound_cues (即将) reaches the clauses of its own sentence only: "…定西医院即将建成。庆阳、张掖、天水3个
    省级区域医疗中心加快建设" (甘肃's review, 2026). A comparison with last year opening a target's rate clause (2012年全区
    经济社会发展的预期目标是：地区生产总值达到240亿元，同比增长21%；地方财政总收入达到20亿元，…, 海拉尔区 2012; 力争…、限上社零额
    同比增长15%以上、…，财政总收入达到20亿元, 鄂城区 2023) speaks of that target only, not of the clauses after it, when a
    word that opens a list of targets leads it in its sentence (`_comparison_in_a_target_list`)."""
    title = _numbered_title_end(c)
    if title is not None and title > c.clause.start:
        title = None

    def counts(x) -> bool:
        if title is not None and x.pos < title and x.word and x.word not in _TIME_WORDS:
            return False  # （一）…，确保经济平稳运行。: the title's aim (a time it names, 今年…, still frames)
        # 即将建成。 tells its own sentence's near future (lexicon sentence_bound_cues)
        if x.word in _SENTENCE_BOUND and x.pos < c.clause.sentence_start:
            return False
        # …预期目标是：地区生产总值达到240亿元，同比增长21%；地方财政总收入达到20亿元 (海拉尔区 2012), …达到8400亿元、同比增长7%左右。
        # (山西 2026): 同比 is one target's, by its place in a list of targets or as the rate of a level just reached
        return not (_comparison_in_a_target_list(c, x)
                    or 0 < x.pos < c.clause.start and _rate_of_one_target(c.text, x.pos))

    last = c.cues.strong.last_before(c.block.start, c.clause.start)
    if last is not None and not counts(last):
        last = next((x for x in reversed(c.cues.strong.between(c.block.start, c.clause.start)) if counts(x)), None)
    return (last.forward, 0.8) if last is not None else None


@rule("tense", "章节中的时态词")
def section_cue(c):
    """The section: earlier paragraphs back to the heading, then the headings above, nearest first:
    引进省级首店200家以上 (安徽, 2026); 疏解提质一般制造业企业80家 (北京, 2026)."""
    def probe(j):
        strong = _cues_of(c.norm, j, c.reading, c.cues_cache).strong.items
        return strong[-1].forward if strong else None
    found = _walk_back(c.reading, "tense", probe)
    return (found, 0.6) if found is not None else None


@rule("tense", "报告年度目标之后")
def report_year_after_targets(c):
    """After the year's targets a work report plans: 统筹安排省级财政资金350亿元以上 (安徽, 2026)."""
    return (True, 0.5) if c.reading.plan_year is not None else None


@rule("tense", "讲话中的任务动词")
def task_verb_of_speaker(c):
    """No cue at all: a task verb in the clause reads as a plan in an interview by a named speaker:
    县住建局副局长刘子伦:“第一批改造计划投资4262万元,…” (永吉县 news of 2020, a rule test)."""
    weak = [x for x in c.cues.all.between(c.clause.start, c.clause.end) if x.forward]
    return (True, 0.3) if weak and c.reading.official is not None else None


@rule("tense", "报告中的任务段落")
def task_paragraph_of_report(c):
    """No strong cue anywhere, but the text is a speaker's report (named in it, or given as the document's) and
    the clause's paragraph speaks in task verbs (two or more: 着力, 推进, 加快, 实施 …) with no word of the past:
    a plan section read out of its report. 着力促进就业增收。…应届高校毕业生就业率保持95%以上、市场就业率70%以上，
    城镇新增就业5万人 (西藏, 2026); 更高水平扩大对外开放。着力打造…，加快…。稳妥运行14个传统边贸点 (西藏, 2026)."""
    r = c.reading
    if r.review_section or r.review_paragraphs or r.past_year_run or r.outcome_run:
        return None
    if (r.official or r.given_official) is None and not (r.given_district and _task_heading(c)):
        return None
    looks_back, weak_forward = _paragraph_cue_counts(c)
    if looks_back or weak_forward < 2:
        return None
    return True, 0.3


def _task_heading(c) -> bool:
    """Whether the heading nearest above the paragraph sets a task (a word that looks forward, none that looks
    back): a government's plan read with no speaker, its sections headed by what they are to do. "（二）加快培育新兴
    产业 … 新增产业互联网企业150家以上" (长宁区's 十五五 outline, 2026); "1.加强城市基础设施建设改造 … 配合推进示范区线、
    嘉闵线等7条轨交线路建设" (闵行区's renewal plan, 2026). A town's profile is headed by its trades (3.畜牧养殖业 …
    全镇养猪专业户16户, 向阳镇 2021), which set no task."""
    if not c.reading.headings:
        return False
    j = c.reading.headings[-1]
    key = ("task_heading", j)
    got = c.reading.walk_memo.get(key)
    if got is None:
        b = c.norm.blocks[j]
        cues = _cues_of(c.norm, j, c.reading, c.cues_cache).all.items
        got = c.reading.walk_memo[key] = (not any(not x.forward for x in cues)
                                          and _TASK_HEADING.match(c.text, b.start, b.end) is not None)
    return got


def _task_heading_pattern() -> re.Pattern:
    manner = [w for w, strength in ((r[0], r[1] if len(r) > 1 else "") for r in lexicons.rows("cue_forward"))
              if strength == "weak"]
    verbs = set(lexicons.words("task_heading_verbs")) | set(lexicons.words("actions"))
    return re.compile(r"[\s#]*(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|\d+[.．、])\s*"
                      rf"(?:{lexicons.alternation(manner)})*(?:{lexicons.alternation(verbs)})")


_TASK_HEADING = _task_heading_pattern()


def _paragraph_cue_counts(c) -> tuple[bool, int]:
    """Whether a cue of the paragraph looks back, and how many weak cues look forward: read once a paragraph. A
    comparison with last year that is one target's rate (省级重点产业链营收达到8400亿元、同比增长7%左右。, 山西 2026) does
    not look back."""
    got = c.para_memo.get("cue_counts")
    if got is None:
        para = c.cues.all.between(c.block.start, c.block.end)
        got = c.para_memo["cue_counts"] = (any(not x.forward and not _rate_of_one_target(c.text, x.pos) for x in para),
                                           sum(1 for x in para if x.forward and not x.strong))
    return got


def _rate_of_one_target(text: str, pos: int) -> bool:
    """Whether the comparison with last year at ``pos`` opens a clause of nothing but a rate right after a level
    reached by a verb: the growth of that one target (level_then_rate), no statistic's cue for its paragraph."""
    return pos > 0 and _RATE_OF_ONE_TARGET.match(text, pos) is not None \
        and _LEVEL_REACHED_BEFORE.search(text, max(0, pos - 24), pos) is not None


@rule("tense", "方案文件中的任务")
def plan_document_frame(c):
    """No cue in the clause, its paragraph, its section or the report, but the document is a plan by its kind
    (a title ending in 行动方案, 实施方案, 工作方案 …: lexicon plan_documents): what its task paragraphs require is
    what the plan will do. "黄浦区可再生能源发展行动方案 … （二）开展新建建筑光伏项目建设工程\n落实新建机关办公建筑和
    教育建筑屋顶安装太阳能光伏面积比例不低于50%" (黄浦区, 2025). A paragraph read as past, or one that holds a word of
    the past, stays unread."""
    r = c.reading
    if r.review_section or r.review_paragraphs or r.past_year_run or r.outcome_run:
        return None
    if _paragraph_cue_counts(c)[0]:
        return None
    return (True, 0.4) if _plan_document(r, c.norm, c.bi) else None


@rule("tense", "无时态线索")
def no_cue(c):
    """Nothing in the clause, sentence, paragraph, section or report looks forward or back, and no
    speaker is named: a number alone is no pledge."""
    return False, 0.0


TENSE_RULES = (estimate_before_number, cue_before_number, begun_project_scale, cue_after_number, continuation_clause_cue, compared_with_last_year,
               target_heading_items, plan_outline_states, launched_programme_scale, begun_project_told_elsewhere, under_way_project_scale, paragraph_cue, section_cue, report_year_after_targets, task_verb_of_speaker,
               task_paragraph_of_report, plan_document_frame, no_cue)
