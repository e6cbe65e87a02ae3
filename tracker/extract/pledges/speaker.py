"""The district and official decisions: whose pledge it is.

What the text says for a pledge (the person it credits, the division that person heads, a
division named as the subject before it) wins over what the document's user gave (--official,
--district), which wins over the division the text names most often, a guess about the whole
document.
"""
from __future__ import annotations

from functools import cache

from tracker.extract import lexicons
from tracker.extract.model import Official
from tracker.extract.pledges.base import _district_near
from tracker.extract.people import district_of_title
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


@rule("official", "用户给出的讲话人")
def given_speaker(c) -> Official | None:
    """The document's speaker as its user knows him (tracker extract --official): a passage of a
    work report rarely names whose report it is (全年开工重点项目2000个以上, 安徽, 2026)."""
    return c.reading.given_official


OFFICIAL_RULES = (company_head_speaks, credited_in_text, given_speaker)


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


DISTRICT_RULES = (company_head_no_district, title_of_credited, named_before_pledge, given_district, dominant_division)
