"""Normalising OCR'd newspaper text: joins, paragraph ends, what is set aside."""
import pytest
from hypothesis import given, settings, strategies as st

from tracker.extract.normalise import fold, normalise


def kinds(raw):
    n = normalise(raw)
    return [(n.block_text(b), b.kind) for b in n.blocks]


def test_cut_inside_a_word_is_joined():
    raw = "在城市建设方面，今年将加快推进中心城区道路改造项\n\n目建设，新建公园5处。\n"
    assert normalise(raw).text == "在城市建设方面，今年将加快推进中心城区道路改造项目建设，新建公园5处。"


def test_real_paragraph_ends_are_kept():
    raw = "今年将新建学校3所。\n\n明年将新建医院2所。"
    assert normalise(raw).text == "今年将新建学校3所。\n明年将新建医院2所。"


def test_line_cut_after_a_comma_is_joined_even_when_short():
    assert normalise("今年，\n\n全区将新建学校3所。").text == "今年，全区将新建学校3所。"


def test_headline_with_spaced_phrases_is_not_joined_to_the_body():
    raw = "聚焦民生 加快发展 ——访某某区区长王明，一年来\n\n“今年我们将新建学校3所。”"
    n = normalise(raw)
    assert len(n.blocks) == 2


@pytest.mark.parametrize("line, kind", [
    ("记者 张三 通讯员 李四", "byline"),
    ("扫描二维码看更多内容", "ad"),
    ("新闻热线 1234567", "ad"),
    ("2021年3月1日 星期一", "furniture"),
    ("资料照片", "caption"),
    ("今日天气：晴，3~12℃ / 明日，多云，5~14℃", "furniture"),
])
def test_page_furniture_is_set_aside(line, kind):
    got = dict(kinds(f"{line}\n\n今年将新建学校3所，改造道路5条，确保年底前全部完工。"))
    assert got[line] == kind


def test_body_and_heading():
    got = kinds("二、2021年重点工作\n\n今年将新建学校3所，改造道路5条，确保年底前全部完工。")
    assert got == [("二、2021年重点工作", "heading"), ("今年将新建学校3所，改造道路5条，确保年底前全部完工。", "body")]


def test_fold_keeps_length_and_folds_full_width():
    s = "新建学校１２所，达到８０％"
    assert fold(s) == "新建学校12所,达到80%"
    assert len(fold(s)) == len(s)


@given(st.text(max_size=200))
@settings(max_examples=300, deadline=None)
def test_normalise_never_changes_a_character_of_a_paragraph(raw):
    n = normalise(raw)
    for b in n.blocks:
        par = n.block_text(b)
        assert par and "\n" not in par
        # every paragraph is made of the input's lines, stripped and joined
        assert all(ch in raw for ch in par)


def test_a_narrow_column_cut_every_line_is_one_paragraph():
    raw = ("本报讯（记者 赵敏）记者从区住建局获悉，今年\n我区将实施老旧小区改造项目\n46个，涉及居民1.2万户，计\n"
           "划年底前全部完工。\n\n广告\n\n区住建局局长孙强介绍，明年\n将新建保障性租赁住房2000套。\n")
    n = normalise(raw)
    assert [(b.kind, n.block_text(b)[:12]) for b in n.blocks] == [
        ("body", "本报讯（记者 赵敏）记者"), ("ad", "广告"), ("body", "区住建局局长孙强介绍，明")]
    assert "今年我区将实施老旧小区改造项目46个，涉及居民1.2万户，计划年底前全部完工。" in n.text


def test_a_short_sentence_with_a_note_after_it_is_prose_not_a_heading():
    norm = normalise("一、经济发展\n\n3．新增规上工业企业25家。（牵头单位：县工信局）\n")
    assert [b.kind for b in norm.blocks] == ["heading", "body"]


# SogouCA's paragraph mark (U+E40C) in two real articles of 2012 (tests/extract/real/, batch T): each paragraph its own
# line, as the article had it, and the reader no longer takes the mark for binary content.
@pytest.mark.parametrize("name, before, after", [
    ("qingdao_toilets_news_2012.txt", "免费的大盘卫生纸。", "“谁没有个紧急情况？"),
    ("guangzhou_greening_news_2012.txt", "约１０００人参加。", "条例亮点"),
])
def test_a_news_corpus_paragraph_mark_ends_a_paragraph(name, before, after):
    from pathlib import Path

    from tracker.reading import PARAGRAPH_MARKS, read_text_file
    from tracker.extract.normalise import PARAGRAPH_MARKS as NORMALISER_MARKS

    assert PARAGRAPH_MARKS == NORMALISER_MARKS == "\ue40c"
    path = Path(__file__).parent / "real" / name
    decoded = read_text_file(str(path))  # refused as 二进制内容 before: U+E40C is over 1% of its characters
    assert decoded.text.count("\ue40c") > 10
    n = normalise(decoded.text)
    assert "\ue40c" not in n.text
    assert n.text.index(after) == n.text.index(before) + len(before) + 1  # the mark became the line break
    assert n.text[n.text.index(before) + len(before)] == "\n"


def test_private_use_code_points_other_than_a_paragraph_mark_are_still_binary():
    from tracker.reading import UnreadableDocument, decode_bytes

    with pytest.raises(UnreadableDocument):
        decode_bytes((("今年将新建幼儿园3所。" + "\ue001\ue002\ue003") * 20).encode("utf-8"))
    assert decode_bytes(("今年将新建幼儿园3所。\ue40c" * 20).encode("utf-8")).text.count("\ue40c") == 20
