"""Server-side highlighting: escape first, then wrap; offsets are code points into the stored text."""
from __future__ import annotations

import re

from hypothesis import given, strategies as st

from tracker.web.highlight import Span, paragraph_bounds, render


def plain(html: str) -> str:
    from html import unescape

    return unescape(re.sub(r"<[^>]+>", "", html.replace("</p>\n<p>", "\n")))


def test_marks_a_span_and_keeps_the_rest():
    html = str(render("今年将新建幼儿园3所。", [Span(3, 10, ("hl",), pledge_id=7)]))
    assert html == ('<p><span data-o="0">今年将</span><mark data-o="3" class="hl" data-pledge="7" id="p-7">'
                    '新建幼儿园3所</mark><span data-o="10">。</span></p>')


def test_escapes_before_wrapping():
    text = "将<script>alert(1)</script>建成&"
    html = str(render(text, [Span(1, 9, ("hl",))]))
    assert "<script>" not in html
    assert '<mark data-o="1" class="hl">&lt;script&gt;</mark>' in html
    assert plain(html) == text


def test_nested_spans_union_their_classes():
    html = str(render("新建幼儿园3所", [Span(0, 7, ("hl", "hl-current")), Span(5, 7, ("hl-qty",))]))
    assert '<mark data-o="5" class="hl hl-current hl-qty">3所</mark>' in html
    assert '<mark data-o="0" class="hl hl-current">新建幼儿园</mark>' in html


def test_lines_become_paragraphs_and_marks_never_cross_them():
    text = "第一段承诺\n第二段承诺"
    html = str(render(text, [Span(3, 8, ("hl",), pledge_id=1)]))
    assert html.count("<p>") == 2
    assert html.split("</p>")[0].endswith("</mark>")
    assert html.count('id="p-1"') == 1  # the anchor sits on the first piece only
    assert html.count('data-pledge="1"') == 2


def test_offsets_are_code_points_even_beyond_the_bmp():
    text = "𠀀𠀁将建成3所"  # two characters outside the BMP (two UTF-16 units each)
    html = str(render(text, [Span(2, 7, ("hl",))]))
    assert '<mark data-o="2" class="hl">将建成3所</mark>' in html


def test_a_slice_keeps_its_offsets_in_the_whole_text():
    text = "甲。\n今年将新建学校2所。\n乙。"
    left, right = paragraph_bounds(text, text.index("新建"), text.index("所") + 1)
    assert text[left:right] == "今年将新建学校2所。"
    html = str(render(text[left:right], [Span(text.index("新建"), text.index("所") + 1, ("hl",))], base=left))
    assert f'<mark data-o="{text.index("新建")}"' in html


@given(st.text(alphabet=st.sampled_from(list("将建<>&\"'\n新3所𠀀 ")), max_size=40), st.data())
def test_any_text_and_spans_render_back_to_the_text(text, data):
    spans = []
    for _ in range(data.draw(st.integers(0, 4))):
        if len(text) < 1:
            break
        a = data.draw(st.integers(0, len(text) - 1))
        b = data.draw(st.integers(a + 1, len(text)))
        spans.append(Span(a, b, ("hl",)))
    html = str(render(text, spans))
    assert "<script" not in html
    assert plain(html) == text.strip("\n") or plain(html).replace("\n", "") == text.replace("\n", "")
