"""The district and official decisions: whose pledge it is.

What the text says for a pledge (the person it credits, the division that person heads, a
division named as the subject before it) wins over what the document's user gave (--official,
--district), which wins over the division the text names most often, a guess about the whole
document.
"""
from __future__ import annotations

import re
from functools import cache

from tracker.extract import lexicons
from tracker.extract.model import Official
from tracker.extract.pledges.base import _district_near, _people_in
from tracker.extract.people import CREDIT, departments_in, district_of_title
from tracker.extract.rules import rule


#: what a rule answers when the text makes a pledge no government's: no official, no district (``candidate`` stores
#: None), and no later rule (the document's speaker, its dominant division) asked
NOBODY = ""


@cache
def _company_words() -> tuple[str, ...]:
    return tuple(lexicons.words("company_titles"))


def _company_head(official: Official | None) -> bool:
    """The credited person heads a company (lexicon company_titles: 董事长, 集团 …), not a government."""
    return official is not None and bool(official.title) and any(w in official.title for w in _company_words())


def _company_head_here(c) -> bool:
    """A company's head is credited and named in the pledge's paragraph: what it says there is the company's; past
    it (据了解，全市共签约33个项目) his credit says nothing of whose a pledge is."""
    official = c.reading.official
    return _company_head(official) and c.text.find(official.name, c.block.start, c.block.end) >= 0


@rule("official", "企业负责人所言")
def company_head_speaks(c) -> str | None:
    """What the text credits to a company's head is the company's pledge, no official's: 娲石集团党委书记、董事长魏华山
    表示：…项目建成投产后，预计阳新片区新老项目可实现年上交税收6-8亿元，安置就业超过1000人 (阳新县 news, 2021);
    魏华山表示，…预计阳新片区新老项目可实现年上交税收6-8亿元 (黄石市 news, 2021, under the line 娲石集团党委书记、董事长
    魏华山)."""
    return NOBODY if _company_head_here(c) else None


@rule("official", "正文所引述的人")
def credited_in_text(c) -> Official | None:
    """The person the text credits: a byline, a quotation's speaker, a title and name on a line of
    their own: 淄博市人民政府副市长、淄川区委书记田兵兵在接受采访时表示 (the seeds). A company's head is none
    (company_head_speaks)."""
    return None if _company_head(c.reading.official) else c.reading.official


# A department that publishes (深圳市发改委发布《…计划》): what follows is its document, no official's.
_PUBLISHES = re.compile(r"发布|印发|公布")
# A department that gives an account (南京市财政局介绍，合肥市规划局透露，…): no person speaks.
_DEPARTMENT = "department"
# A credit right after a closing quotation mark (“…。”马晓磊说) speaks what the quotation before it said.
_QUOTE_CLOSE = re.compile(r"[”」\"]\s*[，,]?$")


def _credits(c) -> list[tuple[int, Official | str]]:
    """The credits of the pledge's paragraph, in order: (where, the person; NOBODY for a department)."""
    bi = c.bi
    memo = c.reading.block_credits
    if bi not in memo:
        start, btext = c.block.start, c.text[c.block.start:c.block.end]
        found: list[tuple[int, Official | str]] = []
        spans = []
        for p in _people_in(c.reading, bi, btext):
            spans.append((p.start, p.end))
            if p.credited:  # with the title the text first gave him (专访某某市委常委、东城区委书记刘明远)
                found.append((p.start, c.reading.titled.get(p.official.name) or p.official))
        for name in c.reading.names:
            for m in re.finditer(re.escape(name), btext):
                if CREDIT.match(btext, m.end()) and not any(a <= m.start() < b for a, b in spans):
                    found.append((m.start(), c.reading.titled.get(name) or Official(name, None)))
        for m in departments_in(btext):
            if any(a <= m.start() < b for a, b in spans):
                continue
            if _PUBLISHES.match(btext, m.end()):
                found.append((m.start(), NOBODY))
            elif CREDIT.match(btext, m.end()):
                found.append((m.start(), _DEPARTMENT))
        # a credit after a quotation speaks from the quotation's opening mark
        memo[bi] = sorted((start + (btext.rfind("“", 0, pos) if _QUOTE_CLOSE.search(btext, 0, pos) else pos), who)
                          for pos, who in found)
    return memo[bi]


@rule("official", "段中在前的引述", "credited_before_in_paragraph")
def credited_before_in_paragraph(c) -> Official | str | None:
    """Whose words a pledge is, sentence by sentence: the last person (or department) its paragraph credits before
    it, else, when the paragraph credits someone only after it, who spoke before the paragraph: 南京市财政局介绍，…又有7类
    产品将进入网上竞价系统…共1200多家…。南京市委常委、纪委书记龙翔介绍，南京正在探索… (南京 news, 2011: the department's
    account, no official but the one the user gives, not 龙翔); 同日，深圳市发改委发布《深圳市2022年政府投资项目计划》，根据计划，2022年，深圳安排市政府
    投资项目522个 (深圳 news, 2022: the department's plan, not the mayor's). A name alone credits the person the text titled
    before (合肥市代市长张庆军… / 张庆军说: 合肥 news, 2011); a credit after a closing quotation mark (“…”马晓磊说) speaks
    the quotation before it."""
    credits = _credits(c)
    if not credits:
        return None
    before = [who for pos, who in credits if pos <= c.start]
    if before:
        who = before[-1]
        if who == _DEPARTMENT:  # a department's account, in the article of whoever the user says it is
            return c.reading.given_official or NOBODY
        return None if isinstance(who, Official) and _company_head(who) else who
    # credited only after it: who spoke before the paragraph, or whose text the user says it is; else the paragraph's
    # speaker after all (a headline run into the article: 北京今年发展目标:GDP增长5%以上 … 市长陈吉宁作政府工作报告)
    return c.reading.official_before_block or c.reading.given_official


@rule("official", "用户给出的讲话人")
def given_speaker(c) -> Official | None:
    """The document's speaker as its user knows him (tracker extract --official): a passage of a
    work report rarely names whose report it is (全年开工重点项目2000个以上, 安徽, 2026)."""
    return c.reading.given_official



@rule("district", "企业负责人所言")
def company_head_no_district(c) -> str | None:
    """What the text credits to a company's head is no division's pledge (company_head_speaks): 安置就业超过1000人
    (阳新县 news, 2021); 预计阳新片区新老项目可实现年上交税收6-8亿元 (黄石市 news, 2021)."""
    return NOBODY if _company_head_here(c) else None


@rule("district", "讲话人职务所属地")
def title_of_credited(c) -> str | None:
    """The division the credited person heads: 淄博市委副书记、张店区委书记 → 张店区."""
    return district_of_title(c.reading.official.title) if c.reading.official else None


@rule("district", "承诺前的地名主语")
def named_before_pledge(c) -> str | None:
    """A division named as the subject before the pledge in its paragraph: 临淄区将…;
    长沙县将计划投资75亿元 (changsha_county_water_2011)."""
    return _district_near(c.reading, c.text, c.bi, c.block, c.kept[0].start)


@rule("district", "用户给出的政府")
def given_district(c) -> str | None:
    """The document's government as its user knows it: the division it gives (tracker extract --district), else,
    when the text credits no one, the division of the speaker it gives (--official-title 张店区委书记);
    全年开工重点项目2000个以上 (安徽, 2026) names no province."""
    reading = c.reading
    if reading.given_district:
        return reading.given_district
    if reading.official is None and reading.given_official is not None:
        return district_of_title(reading.given_official.title)
    return None


@rule("district", "全文最常提到的地名")
def dominant_division(c) -> str | None:
    """The division the text names most often, or names as its own (XX区人民政府): a guess about the
    whole text: 经区委区政府研究,拟从以下十个方面开展工作 (长安区 实事, 2022)."""
    return c.reading.district


# A plan named as the source of what follows (按照深圳“十四五”发展规划纲要，…; 根据上述规划，…; 《…规划》提出…).
_PLAN_CITED = re.compile(
    r"(?:根据|按照|依据|依照)(?:上述|该|这一?)?[^，。；！？]{0,30}?(?:规划|纲要|计划|方案)"
    r"|《[^》]{0,40}(?:规划|纲要|计划|方案)[^》]{0,10}》[^。；！？]{0,12}?(?:提出|明确|显示|要求)")


#: what every match of _PLAN_CITED holds: the rules that read it need one of them
_PLAN_CITED_WORDS = ("根据", "按照", "依据", "依照", "《")


def _plan_speaks(c) -> bool:
    """The pledge's paragraph names a plan as its source before the pledge, and credits no one there: the targets are
    the plan's, whoever else the article quotes. Read once a candidate (its official's rules, then its district's)."""
    got = c.memo.get("plan_speaks")
    if got is None:
        got = c.memo["plan_speaks"] = not any(pos <= c.start for pos, _ in _credits(c)) \
            and _PLAN_CITED.search(c.text, c.block.start, c.start) is not None
    return got


@rule("official", "规划所定的目标", "plan_is_the_source", needs=_PLAN_CITED_WORDS)
def plan_is_the_source(c) -> Official | str | None:
    """A target its paragraph credits to a plan, not to a person, is no person's, unless the user says whose text
    it is (--official): 根据上述规划，到2025年，宁德为锂电新能源产业定下的发展目标是冲击4000亿产值 (宁德 news, 2022: not the
    福鼎市委书记 the article quoted two paragraphs before); 按照深圳“十四五”发展规划纲要，到2025年深圳的经济总量将达到4万亿元
    (深圳 news, 2022: not the mayor whose new-year letter opens the article)."""
    return (c.reading.given_official or NOBODY) if _plan_speaks(c) else None


@rule("district", "规划所定的目标", "plan_is_the_source_district", needs=_PLAN_CITED_WORDS)
def plan_is_the_source_district(c) -> str | None:
    """The division of a plan's target (plan_is_the_source) is the one named before it, the user's, or the text's
    own, not the division of a person the article quoted elsewhere: 根据上述规划，到2025年，宁德为锂电新能源产业定下的发展目标是
    冲击4000亿产值 (宁德 news, 2022: 宁德市, not the 福鼎市 of 福鼎市委书记林青, quoted two paragraphs before)."""
    if not _plan_speaks(c):
        return None
    return named_before_pledge(c) or given_district(c) or dominant_division(c)


OFFICIAL_RULES = (company_head_speaks, credited_before_in_paragraph, plan_is_the_source, credited_in_text, given_speaker)
DISTRICT_RULES = (company_head_no_district, plan_is_the_source_district, title_of_credited, named_before_pledge, given_district,
                  dominant_division)
