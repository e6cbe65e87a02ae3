"""A document's government and speaker as its user gives them (--district, --official): they fill a
pledge's district and official where the text names none; what the text says about a pledge wins."""
from __future__ import annotations

import datetime as dt

from tracker.extract import Official, extract_document

PUBLISHED = dt.date(2024, 1, 20)
# A passage of a plan section: it never says whose report it is (real reports' passages rarely do).
PASSAGE = "2024年，我们将新建幼儿园3所，改造老旧小区12个。"
GIVEN = Official("张建国", "某某县人民政府县长")


def test_given_district_and_official_fill_a_passage_that_names_neither():
    found = extract_document(PASSAGE, published=PUBLISHED, district="某某县", official=GIVEN).candidates
    assert [(c.district, c.official) for c in found] == [("某某县", GIVEN)] * 2


def test_without_them_nothing_is_invented():
    found = extract_document(PASSAGE, published=PUBLISHED).candidates
    assert [(c.district, c.official) for c in found] == [(None, None)] * 2


def test_the_division_of_the_given_officials_title_stands_in_for_a_missing_district():
    found = extract_document(PASSAGE, published=PUBLISHED, official=Official("张建国", "兰考县县长")).candidates
    assert {c.district for c in found} == {"兰考县"}


def test_the_person_the_text_credits_wins_over_the_given_speaker():
    text = "张店区委书记马晓磊表示，今年将新建幼儿园3所。"
    [c] = extract_document(text, published=PUBLISHED, district="淄博市", official=GIVEN).candidates
    assert (c.official.name, c.district) == ("马晓磊", "张店区")


def test_a_division_the_text_makes_the_subject_wins_over_the_given_district():
    text = "临淄区将新建幼儿园3所。"
    [c] = extract_document(text, published=PUBLISHED, district="淄博市").candidates
    assert c.district == "临淄区"
