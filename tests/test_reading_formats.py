"""Reading HTML, .docx and .pdf into text, and the reasons given when a file cannot be read."""
from __future__ import annotations

import pytest

from tests.services.files import make_docx, make_pdf
from tracker.reading import (
    UnreadableDocument,
    UnsupportedDocument,
    decode_html_bytes,
    document_format,
    read_document,
)

PAGE = """<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>张店区将新建幼儿园3所_淄博市人民政府</title>
<script>var tracker = "今年将新建100所";</script><style>p {{ color: red }}</style></head>
<body><nav><a href="/">首页</a> 政务公开 新闻中心</nav>
<div class="header">网站导航 无障碍</div>
<div class="TRS_Editor">
<h1>张店区将新建幼儿园3所</h1>
<p>今年张店区将<strong>新建</strong>幼儿园<span>3所</span>，确保年内建成小学2处。</p>
<p>力争新增城市绿道15公里。<br>第二行文字。</p>
</div>
<footer>版权所有 淄博市人民政府 主办 电话 3585000</footer>
<!-- 统计代码 1000 -->
</body></html>"""


def test_html_keeps_the_article_text_only_in_the_declared_charset():
    decoded = decode_html_bytes(PAGE.encode("gb18030"))
    assert decoded.encoding == "gb18030"
    assert decoded.title == "张店区将新建幼儿园3所_淄博市人民政府"
    assert decoded.text.split("\n") == [
        "张店区将新建幼儿园3所",
        "今年张店区将新建幼儿园3所，确保年内建成小学2处。",
        "力争新增城市绿道15公里。",
        "第二行文字。",
    ]
    for noise in ("首页", "版权所有", "var tracker", "color", "统计代码", "网站导航"):
        assert noise not in decoded.text


def test_html_whose_declared_charset_is_wrong_is_detected_instead():
    lying = PAGE.replace("charset=gb2312", "charset=utf-8").encode("gb18030")
    decoded = decode_html_bytes(lying)
    assert "新建幼儿园3所" in decoded.text


def test_html_without_article_text_is_refused():
    with pytest.raises(UnreadableDocument, match="没有正文"):
        decode_html_bytes(b"<html><body><script>x=1</script></body></html>")


def test_docx_paragraphs_and_tables_in_reading_order(tmp_path):
    path = make_docx(tmp_path / "a.docx", ["今年将新建幼儿园3所。", "", "确保年内建成小学2处。"],
                     table=[["任务", "目标"], ["城市绿道", "15公里"]], title="民生实事")
    decoded = read_document(path)
    assert decoded.text == "今年将新建幼儿园3所。\n确保年内建成小学2处。\n任务\t目标\n城市绿道\t15公里"
    assert decoded.encoding == "docx"
    assert decoded.title == "民生实事"


@pytest.mark.parametrize("damage", ["truncated", "text_renamed", "empty_zip"])
def test_a_damaged_docx_says_so(tmp_path, damage):
    good = make_docx(tmp_path / "good.docx", ["今年将新建幼儿园3所。"])
    bad = tmp_path / "bad.docx"
    if damage == "truncated":
        bad.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    elif damage == "text_renamed":
        bad.write_text("今年将新建幼儿园3所。", encoding="utf-8")
    else:
        import zipfile

        with zipfile.ZipFile(bad, "w") as z:
            z.writestr("hello.txt", "x")
    with pytest.raises(UnreadableDocument, match=r"不是可读的 \.docx"):
        read_document(bad)


def test_pdf_text_layer_is_read(tmp_path):
    path = make_pdf(tmp_path / "a.pdf", ["今年将新建幼儿园3所。", "确保年内建成小学2处。"])
    decoded = read_document(path)
    assert decoded.text == "今年将新建幼儿园3所。\n确保年内建成小学2处。"
    assert decoded.encoding == "pdf"


def test_image_only_pdf_says_it_has_no_text_layer(tmp_path):
    path = make_pdf(tmp_path / "scan.pdf", None, image=True)
    with pytest.raises(UnreadableDocument, match="没有文字层"):
        read_document(path)


def test_truncated_pdf_says_so(tmp_path):
    good = make_pdf(tmp_path / "good.pdf", ["今年将新建幼儿园3所。"])
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(good.read_bytes()[:200])
    with pytest.raises(UnreadableDocument, match="PDF"):
        read_document(bad)


@pytest.mark.parametrize("name", ["photo.jpg", "table.xlsx", "README", "notes.doc"])
def test_other_suffixes_are_unsupported_with_the_reason(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b"\xff\xd8\xff\xe0 not text")
    with pytest.raises(UnsupportedDocument, match="不是 tracker 读取的文档类型"):
        read_document(path)
    assert document_format(path) is None


def test_text_files_keep_their_behaviour(tmp_path):
    path = tmp_path / "gbk.txt"
    path.write_bytes("今年将新建幼儿园3所。".encode("gbk"))
    decoded = read_document(path)
    assert (decoded.text, decoded.encoding, decoded.title) == ("今年将新建幼儿园3所。", "gb18030", None)
