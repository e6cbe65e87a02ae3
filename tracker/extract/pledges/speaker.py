"""The district and official decisions: whose pledge it is.

What the text says for a pledge (the person it credits, the division that person heads, a
division named as the subject before it) wins over what the document's user gave (--official,
--district), which wins over the division the text names most often, a guess about the whole
document.
"""
from __future__ import annotations

from tracker.extract.model import Official
from tracker.extract.pledges.base import _district_near
from tracker.extract.people import district_of_title
from tracker.extract.rules import rule


@rule("official", "正文所引述的人")
def credited_in_text(c) -> Official | None:
    """The person the text credits: a byline, a quotation's speaker, a title and name on a line of
    their own: 淄博市人民政府副市长、淄川区委书记田兵兵在接受采访时表示 (the seeds)."""
    return c.reading.official


@rule("official", "用户给出的讲话人")
def given_speaker(c) -> Official | None:
    """The document's speaker as its user knows him (tracker extract --official): a passage of a
    work report rarely names whose report it is (全年开工重点项目2000个以上, 安徽, 2026)."""
    return c.reading.given_official


OFFICIAL_RULES = (credited_in_text, given_speaker)


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


DISTRICT_RULES = (title_of_credited, named_before_pledge, given_district, dominant_division)
