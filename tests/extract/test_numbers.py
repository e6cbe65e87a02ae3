"""Numeral tokens: value, unit and kind, from the rules in tracker.extract.numbers."""
from decimal import Decimal

import cn2an
import pytest
from hypothesis import given, settings, strategies as st

from tracker.extract.numbers import NotANumeral, chinese_to_int, find_numbers, quantities


@pytest.mark.parametrize("numeral, value", [
    ("三", 3), ("十", 10), ("十一", 11), ("二十", 20), ("一百二十", 120), ("一百零五", 105), ("两千", 2000),
    ("三万", 30000), ("十万", 100000), ("一万五", 15000), ("三百五", 350), ("五百亿", 50_000_000_000),
    ("二〇二五", 2025), ("一千零一十", 1010),
])
def test_chinese_numerals(numeral, value):
    assert chinese_to_int(numeral) == value


@pytest.mark.parametrize("word", ["十四五", "一二三四五六七八九十百", "百千", "零零"])
def test_runs_that_are_no_numeral_are_refused(word):
    with pytest.raises(NotANumeral):
        chinese_to_int(word)


@given(st.integers(min_value=1, max_value=10**12 - 1))
@settings(max_examples=300, deadline=None)
def test_reader_agrees_with_cn2an_oracle(n):
    assert chinese_to_int(cn2an.an2cn(n)) == n


def q(text):
    return [(t.raw, t.value, t.value_max, t.unit, t.role.value) for t in quantities(text)]


@pytest.mark.parametrize("text, expected", [
    ("新建停车场12处", [("12处", Decimal(12), None, "处", "count")]),
    ("完成投资８５亿元", [("８５亿元", Decimal(85), None, "亿元", "amount")]),
    ("新增绿地41万平方米", [("41万平方米", Decimal(41), None, "万平方米", "area")]),
    ("铺设管网1.5公里", [("1.5公里", Decimal("1.5"), None, "公里", "length")]),
    ("覆盖率达到95%", [("95%", Decimal(95), None, "%", "ratio")]),
    ("引进人才百名", [("百名", Decimal(100), None, "名", "count")]),
    ("培育两个千亿级产业", [("两个", Decimal(2), None, "个", "count"), ("千亿级", Decimal(1000), None, "亿", "amount")]),
    ("审批时限压缩一半", [("一半", Decimal("0.5"), None, "ratio", "ratio")]),
    ("成本下降两成", [("两成", Decimal("0.2"), None, "ratio", "ratio")]),
    ("经济总量翻一番", [("翻一番", Decimal(2), None, "倍", "ratio")]),
    ("用3至5年时间", [("3至5年", Decimal(3), Decimal(5), "年", "duration")]),
    ("建设3-5个示范区", [("3-5个", Decimal(3), Decimal(5), "个", "count")]),
    ("引进过亿元项目", [("过亿元", Decimal(1), None, "亿元", "amount")]),
    ("占比提高百分之十五", [("百分之十五", Decimal(15), None, "%", "ratio")]),
    ("新增就业1,200人", [("1,200人", Decimal(1200), None, "人", "count")]),
    ("建设一所学校", [("一所", Decimal(1), None, "所", "count")]),
    # 静安区's fire plan (2019, batch H): 具 counts hydrants
    ("补建市政消火栓169具", [("169具", Decimal(169), None, "具", "count")]),
])
def test_quantities(text, expected):
    assert q(text) == expected


@pytest.mark.parametrize("text, kind", [
    ("2019年9月17日召开", "date"),
    ("3月22日举行", "date"),
    ("2023年建成", "year"),
    ("第十五届运动会", "bare"),  # 届 is no unit: not a quantity
    ("第3个项目", "ordinal"),
    ("严格兑现“人才新政20条”", "name"),
    ("拨打热线12345", "bare"),
    ("气温4~20℃", "temperature"),
    ("每一项任务", "vague"),
    ("建设一个中心", "vague"),
])
def test_numbers_that_are_no_quantity(text, kind):
    tokens = find_numbers(text)
    assert tokens and {t.kind for t in tokens} == {kind}
    assert quantities(text) == []


def test_an_article_number_spaced_by_its_copy_is_an_ordinal():
    # 柳河县's industry policy (2023), its PDF copy's layout: "第 6 条 对本土企业…", "第 1 7 条 种植基地建设奖励补助"
    for text in ("第 6 条 对本土企业将域外业务迁回柳河结算的", "第 1 7 条 种植基地建设奖励补助"):
        assert quantities(text) == []
        assert find_numbers(text)[-1].kind == "ordinal"
    assert [t.raw for t in quantities("新建 5 所学校")] == ["5 所"]


def test_articles_listed_under_one_ordinal_are_ordinals():
    # 柳河县's industry policy (2023): "项目固定资产投资奖励按第2、3条执行" names the second and third articles
    assert quantities("项目固定资产投资奖励按第2、3条执行") == []
    assert [t.raw for t in quantities("改造道路2、3条")] == ["3条"]


@pytest.mark.parametrize("text", ["统一零售价", "千家万户", "聘请一流团队", "策划实施一批项目", "“十四五”规划", "进一步加强",
                                  "展望未来，我们信心百倍", "精神百倍",
                                  # double digits, the size of a rate (惠民县's plan, 2022; 吉林's and 陕西's reports, 2026)
                                  "固定资产投资实现两位数增长", "产业链产值两位数增长",
                                  # the two markets and two resources of opening-up (安徽's and 河北's reports, 2026)
                                  "充分用好两个市场、两种资源", "用好两个市场两种资源"])
def test_words_with_numeral_characters_hold_no_quantity(text):
    assert quantities(text) == []


@given(st.text(max_size=80))
@settings(max_examples=300, deadline=None)
def test_any_text_gives_valid_spans(text):
    for t in find_numbers(text):
        assert 0 <= t.start < t.end <= len(text)
        assert t.raw == text[t.start:t.end]


@pytest.mark.parametrize("text, raw, value, unit", [
    ("解决周边8千余户群众用水问题", "8千余户", 8, "千户"),  # 长安区 实事, 2022 (tests/extract/real/changan_shishi_2022.txt)
    ("改造升级10千伏线路16.66公里", "10千伏", 10, "千伏"),  # a unit that begins with 千 stays that unit (歙县 实事, 2025)
    ("铺设管网3千米", "3千米", 3, "千米"),
])
def test_digits_before_thousand_read_it_as_their_magnitude(text, raw, value, unit):
    (t,) = [t for t in find_numbers(text) if t.raw == raw]
    assert (t.kind, t.value, t.unit) == ("quantity", value, unit)
