"""Properties the fuzzers hold, shared by tests/badinput/test_fuzz.py (a few hundred cases in CI)
and bench/fuzz.py (10,000 and more): any input in, no exception but the refusal each parser
documents, and what comes out is valid.

* the extractor: any text (Chinese pledge fragments, numerals of every kind, control characters,
  any Unicode) and any publication date: no exception; every candidate's span lies inside the
  normalised text and is its quote; confidences in [0, 1];
* the quantity parser (``workbench.parse_quantities``, behind the review form and the API): any
  JSON-like rows: a list of rows the database can hold (not negative, 18 integer digits, 6
  decimals, a short unit, value_max >= value) or ``ServiceError``;
* the API's ``changes`` parser: any JSON object: a dict of known keys or ``ServiceError``;
* the filters' date parser and keyset cursor: a day that exists or ``BadFilter``;
* the text decoder: any bytes: text without NUL, or ``UnreadableDocument``.
"""
from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

FRAGMENTS = ["今年", "年内", "将", "力争", "确保", "新建", "改造", "建成", "幼儿园", "小学", "城市绿道", "公里", "所",
             "个", "亿元", "万平方米", "以上", "左右", "到2025年", "十四五", "第十五届", "去年", "已", "完成了", "3", "15",
             "100", "417", "三", "十二", "两百", "１５", "一半", "两成", "翻一番", "过亿元", "百亿级", "3至5", "张店区",
             "区委书记", "马晓磊", "表示", "，", "。", "；", "、", "\n", "\n\n", "“", "”", "（", "）", "——",
             "2021年1月10日", "星期三", "\x00", "\u3000", "\t", "%", "\ufeff", "𠀀", "\u200b"]

texts = st.one_of(
    st.lists(st.sampled_from(FRAGMENTS), max_size=60).map("".join),
    st.text(max_size=300),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=5)), max_size=40).map("".join),
)
dates = st.one_of(st.none(), st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2060, 12, 31)))
json_scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True),
                         st.text(max_size=30),
                         st.sampled_from(["-5", "1e400", "NaN", "Infinity", "-0", "1e-7", "0.000001", "３",
                                          "1,000", "１，０００", "999999999999999999", "1000000000000000000",
                                          " 42 ", "4.2.1", "0x10", "٣"]))
json_values = st.recursive(json_scalars, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                                 st.dictionaries(st.text(max_size=8), inner, max_size=4)),
                           max_leaves=12)
quantity_rows = st.lists(st.one_of(
    st.fixed_dictionaries({"value": json_scalars, "unit": json_scalars},
                          optional={"value_max": json_scalars}),
    json_values), max_size=5)
change_bodies = st.one_of(
    json_values,
    st.fixed_dictionaries({}, optional={
        "changes": st.one_of(json_values, st.fixed_dictionaries({}, optional={
            "due_on": json_scalars, "quantities": st.one_of(quantity_rows, json_values),
            "object": json_scalars, "district": json_scalars, "role": json_scalars})),
    }),
)
day_texts = st.one_of(
    st.text(max_size=20),
    st.builds(lambda y, m, d, sep: f"{y}{sep[0]}{m}{sep[1]}{d}{sep[2]}", st.integers(0, 99999), st.integers(-1, 99),
              st.integers(-1, 99), st.sampled_from([("-", "-", ""), ("/", "/", ""), ("年", "月", "日"), (".", ".", "")])),
)


def check_extractor(text: str, published) -> int:
    from tracker.extract import extract_document

    doc = extract_document(text, published=published)
    for c in doc.candidates:
        assert 0 <= c.start < c.end <= len(doc.text), (c.start, c.end, len(doc.text))
        assert doc.text[c.start:c.end] == c.quote
        assert 0.0 <= c.confidence <= 1.0
        assert c.quantities
    return len(doc.candidates)


def check_quantities(rows) -> None:
    from tracker.services.errors import ServiceError
    from tracker.services.workbench import QUANTITY_LIMIT, parse_quantities

    try:
        out = parse_quantities(rows)
    except ServiceError as exc:
        assert str(exc) and "第" in str(exc)
        return
    for q in out:
        assert 0 <= q["value"] < QUANTITY_LIMIT and q["value"].as_tuple().exponent >= -6
        assert q["value_max"] is None or q["value"] <= q["value_max"] < QUANTITY_LIMIT
        assert 0 < len(q["unit"]) <= 20


def check_changes(body) -> None:
    from tracker.services.errors import ServiceError
    from tracker.web.api import CHANGE_KEYS, _changes

    if not isinstance(body, dict):
        return  # the view refuses a body that is not an object before it parses the changes
    try:
        changes = _changes(body)
    except ServiceError as exc:
        assert str(exc)
        return
    assert set(changes) <= set(CHANGE_KEYS)
    if changes.get("due_on"):
        assert isinstance(changes["due_on"], dt.date)


def check_day(text: str) -> None:
    from tracker.services.listing import BadFilter, parse_cursor, parse_date

    try:
        day = parse_date(text, "日期")
        assert isinstance(day, dt.date)
    except BadFilter as exc:
        assert "日期" in str(exc)
    for key in ("id", "due_on"):
        try:
            parse_cursor(text, key)
        except BadFilter as exc:
            assert "翻页参数" in str(exc)


def check_decode(data: bytes) -> None:
    from tracker.reading import UnreadableDocument, decode_bytes

    try:
        decoded = decode_bytes(data)
    except UnreadableDocument as exc:
        assert str(exc)
        return
    assert "\x00" not in decoded.text and decoded.text.strip()


TARGETS = {  # name: (strategy of argument tuples, check)
    "extractor": (st.tuples(texts, dates), lambda a: check_extractor(*a)),
    "quantities": (st.tuples(quantity_rows), lambda a: check_quantities(*a)),
    "api_changes": (st.tuples(change_bodies), lambda a: check_changes(*a)),
    "dates_cursors": (st.tuples(day_texts), lambda a: check_day(*a)),
    "decode_bytes": (st.tuples(st.one_of(st.binary(max_size=400), texts.map(lambda t: t.encode("gb18030", "replace")))),
                     lambda a: check_decode(*a)),
}
