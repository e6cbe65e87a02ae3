"""Texts in traditional characters: read through their simplified reading, handed out as written.

Real news pages in traditional characters, mirror-site copies kept by the search tool's page store
(tests/extract/real/short_pages/ab_pages.json names their addresses): 太原's ten 民生实事 (一是…十是, digipub.cc),
甘谷縣's ten of 2022 ((1)…(10) under its work report's lead, yhg994208.cn) and 榆中縣's ten of 2016 (1.…10.).
Before the simplified reading the extractor found one of the first two pages' 16 core pledges."""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import opencc
import pytest

from tracker.extract import extract_document, lexicons, normalise
from tracker.extract.script import _PINYIN, is_traditional, simplified

REAL = Path(__file__).parent / "real"
PAGES = REAL / "short_pages"
TAIYUAN = PAGES / "taiyuan_shishi_news_trad.txt"
GANGU = PAGES / "gangu_shishi_news_2021_trad.txt"
TRADITIONAL = tuple(sorted(PAGES.glob("*_trad.txt")))  # batch AB: 太原, 甘谷縣, 榆中縣; batch AH: 承德, 淳安縣
# batch AB's pages, whose lines are their paragraphs (承德's transcript joins 分享: to the line after it)
LINE_PAGES = {"taiyuan_shishi_news_trad.txt", "gangu_shishi_news_2021_trad.txt", "yuzhong_shishi_news_2016_trad.txt"}
# batch AB's copies with the pinyin of many characters in brackets after them: 秦安縣 2015, 吉縣 2016; batch AH: 閩清縣 2018
PINYIN = tuple(sorted(PAGES.glob("*_pinyin.txt")))


def _simplified_texts() -> list[Path]:
    files = sorted(REAL.glob("*.txt")) + sorted(PAGES.glob("*.txt"))
    return [f for f in files if f not in TRADITIONAL + PINYIN]


def _markers() -> str:
    return "".join(lexicons.words("traditional_markers"))


def test_every_marker_is_a_traditional_character_opencc_changes():
    convert = opencc.OpenCC("t2s").convert
    markers = _markers()
    assert len(markers) >= 100
    assert [ch for ch in markers if convert(ch) == ch] == []


def test_no_marker_in_the_simplified_real_passages():
    markers = set(_markers())
    found = {f.name: sorted(set(f.read_text(encoding="utf-8")) & markers) for f in _simplified_texts()}
    assert len(found) > 150
    assert {name: chars for name, chars in found.items() if chars} == {}


def test_the_two_pages_are_traditional_and_no_simplified_passage_is():
    assert len(TRADITIONAL) == 5 and all(is_traditional(f.read_text(encoding="utf-8")) for f in TRADITIONAL)
    assert [f.name for f in _simplified_texts() if is_traditional(f.read_text(encoding="utf-8"))] == []
    # a simplified text quoting a few traditional names stays simplified
    assert not is_traditional("今年将新建幼儿园3所，引进《國語》《東方日報》等报刊10种。")


@pytest.mark.parametrize("path", TRADITIONAL, ids=lambda p: p.stem)
def test_the_reading_has_the_texts_length_and_the_stored_text_is_as_written(path):
    raw = path.read_text(encoding="utf-8")
    assert len(simplified(raw)) == len(raw)
    norm = normalise(raw)
    assert norm.reading is not None and len(norm.reading) == len(norm.text)
    # the stored text keeps every character as written
    assert re.sub(r"\s", "", norm.text) == re.sub(r"\s", "", raw)
    if path.name in LINE_PAGES:  # batch AB's pages: the paragraphs are the page's lines
        assert norm.text == "\n".join(line.strip() for line in raw.split("\n") if line.strip())
    # paragraphs joined and classified as the same page in simplified characters would be
    assert norm.blocks == normalise(simplified(raw)).blocks


def _read(path: Path, published: dt.date | None) -> list:
    doc = extract_document(path.read_text(encoding="utf-8"), published)
    for c in doc.candidates:
        assert doc.text[c.start:c.end] == c.quote
        for q in c.quantities:
            assert doc.text[q.start:q.end] == q.raw
    return list(doc.candidates)


def test_gangu_2022_list_read_and_handed_out_as_written():
    found = {c.quote: c for c in _read(GANGU, dt.date(2021, 11, 28))}
    bridge = found["改造農村危橋4座"]
    assert (bridge.action, bridge.object, [(q.raw, q.unit) for q in bridge.quantities]) == \
        ("改造", "農村危橋", [("4座", "座")])
    lanes = found["巷道61萬平方米"]
    assert (lanes.action, lanes.object, lanes.quantities[0].unit, float(lanes.quantities[0].value)) == \
        ("硬化", "巷道", "萬平方米", 61.0)
    money = found["落實“雨露計劃”培訓補貼1950萬元"]
    assert (money.action, money.object, money.quantities[0].raw) == ("落實", "培訓補貼", "1950萬元")
    places = found["園位600個以上"]
    assert (places.action, places.object, places.qualifier) == ("新增", "園位", "以上")
    assert {c.district for c in found.values()} == {"甘谷縣"}
    # a word the extractor joined from pieces of the quote comes back in the quote's characters
    checks = found["城鎮及農村婦女“兩癌”免費檢查5300人"]
    assert checks.object is None or all(ch in checks.quote for ch in checks.object)
    assert len(found) == 12


def test_taiyuan_list_read_and_handed_out_as_written():
    found = {c.quote: c for c in _read(TAIYUAN, None)}
    assert {"完成6處以上試點改造任務", "建設6個完整社區標桿示范項目", "實施29個未完成安置補償的城中村改造工作"} <= set(found)
    trial = found["完成6處以上試點改造任務"]
    assert (trial.action, trial.qualifier, trial.quantities[0].unit) == ("完成", "以上", "處")
    assert trial.object in "試點改造任務"
    # the page names no year: 今年 stays undated
    assert all(c.deadline.date is None for c in found.values())
    # the eligibility age of 九是為35周歲以上人群… is no pledge
    assert not any("35周歲" in q for q in found)


def test_the_gold_of_every_page_is_found_whole():
    """Every core pledge of the pages in traditional characters, and all but the two 村 counts (31村, 110村: 村 is
    no unit the extractor reads) of the two with pinyin."""
    gold = json.loads((PAGES / "ab_pages.json").read_text(encoding="utf-8"))
    missed = []
    for doc in gold["docs"]:
        published = dt.date.fromisoformat(doc["published"]) if doc["published"] else None
        text = re.sub(r"\s+", "", (PAGES / doc["file"]).read_text(encoding="utf-8"))
        quotes = [re.sub(r"\s+", "", c.quote) for c in _read(PAGES / doc["file"], published)]
        for p in doc["pledges"]:
            if p["tier"] == "core":
                assert p["quote"] in text
                if not any(p["quote"] in q or q in p["quote"] for q in quotes):
                    missed.append(p["quote"])
    assert sorted(missed) == sorted(["完成隴城上袁等31村扶貧開(kāi)發(fā)整村推進(jìn)項(xiàng)目建設(shè)",
                                     "實(shí)施110村農(nóng)村公益事業(yè)“一事一議”財(cái)政獎(jiǎng)補(bǔ)項(xiàng)目"])


def test_a_big5_file_is_decoded_and_read_as_written(tmp_path):
    """A Big5 file (how a page in traditional characters is often saved) through ``tracker extract``: decoded as
    big5hkscs by tracker.reading, read through its simplified reading, printed as the file writes it."""
    import subprocess
    import sys

    path = tmp_path / "gangu_big5.txt"
    path.write_bytes(GANGU.read_text(encoding="utf-8").encode("big5hkscs"))
    out = subprocess.run([sys.executable, "-m", "tracker.cli", "extract", "--published", "2021-11-28", str(path)],
                         capture_output=True, text=True, encoding="utf-8", check=True).stdout
    rows = [json.loads(line) for line in out.splitlines()]
    assert len(rows) == 12
    bridge = next(r for r in rows if r["quote"] == "改造農村危橋4座")
    assert (bridge["object"], bridge["district"], bridge["deadline"]["date"]) == ("農村危橋", "甘谷縣", "2022-12-31")


@pytest.mark.parametrize("path", PINYIN, ids=lambda p: p.stem)
def test_bracketed_pinyin_is_left_out_of_the_reading_and_kept_in_the_text(path):
    raw = path.read_text(encoding="utf-8")
    norm = normalise(raw)
    assert norm.positions is not None and norm.reading_blocks is not None
    assert _PINYIN.search(norm.reading) is None and _PINYIN.search(norm.text) is not None
    assert len(norm.positions) == len(norm.reading) + 1 and norm.positions[-1] == len(norm.text)
    # every character of the reading stands, simplified, where the text writes it
    assert all(simplified(norm.text[at]) == ch for ch, at in zip(norm.reading, norm.positions))
    assert len(norm.blocks) == len(norm.reading_blocks)
    assert [norm.text[b.start:b.end] for b in norm.blocks] == norm.text.split("\n")


def test_qinan_2015_list_read_through_the_pinyin():
    found = {c.quote: c for c in _read(PAGES / "qinan_shishi_news_2015_pinyin.txt", dt.date(2015, 2, 11))}
    water = found["解決劉坪、中山等鄉(xiāng)鎮(zhèn)4萬(wàn)人的飲水不安全問(wèn)題"]
    # a character's pinyin goes with it: the unit 萬(wàn)人 as the page writes it
    assert [(q.raw, q.unit, float(q.value)) for q in water.quantities] == [("4萬(wàn)人", "萬(wàn)人", 4.0)]
    assert (water.action, water.object) == ("解決", "飲水不安全問(wèn)題")
    houses = found["改造農(nóng)村危舊房2000戶"]
    assert (houses.action, houses.object, houses.deadline.date) == ("改造", "農(nóng)村危舊房", dt.date(2015, 12, 31))
    assert {c.district for c in found.values()} == {"秦安縣"}
    assert len(found) >= 10


def test_jixian_2016_range_read_through_the_pinyin():
    found = {c.quote: c for c in _read(PAGES / "jixian_projects_news_2016_pinyin.txt", dt.date(2016, 3, 31))}
    lead = next(c for q, c in found.items() if q.startswith("縣委、縣政府決定重點(diǎn)實(shí)施10項(xiàng)"))
    assert [(q.raw, q.unit) for q in lead.quantities] == [("10項(xiàng)", "項(xiàng)")]
    leaders = next(c for q, c in found.items() if q.startswith("培養(yǎng)400名至500名蘋果產(chǎn)業(yè)帶頭人"))
    assert leaders.object == "蘋果產(chǎn)業(yè)帶頭人"
