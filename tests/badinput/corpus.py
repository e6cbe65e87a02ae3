"""The bad-input corpus, generated on the spot (nothing binary is committed): the same article in
every common Chinese encoding, and files that must be refused with their reason — empty, NUL
bytes, random binary, a zip bomb posing as .docx, a truncated .docx, an encrypted PDF, HTML with
no article text — and files that are odd but readable (50 MB on one line, broken HTML)."""
from __future__ import annotations

import os
import random
import zipfile
from pathlib import Path

from tests.services.files import make_docx, make_pdf

ARTICLE = "张店区2021年民生实事\n今年张店区将新建幼儿园3所，确保年内建成小学2处。\n力争新增城市绿道15公里。\n"
#: Traditional characters for Big5 (which has no simplified forms).
ARTICLE_BIG5 = "張店區2021年民生實事\n今年張店區將新建幼兒園3所，確保年內建成小學2處。\n力爭新增城市綠道15公里。\n"
SIMPLIFIED_ENCODINGS = ("utf-8", "utf-8-sig", "gb2312", "gbk", "gb18030", "utf-16", "utf-16-le-bom", "utf-16-be-bom")
BOMB_BYTES = 400 * 1024 * 1024  # what the bomb's document.xml inflates to (a few hundred KB on disk)


def encode(text: str, encoding: str) -> bytes:
    if encoding == "utf-16-le-bom":
        return b"\xff\xfe" + text.encode("utf-16-le")
    if encoding == "utf-16-be-bom":
        return b"\xfe\xff" + text.encode("utf-16-be")
    return text.encode(encoding)


def encodings_corpus(folder: Path) -> list[str]:
    """The simplified article once per encoding (one text, so one document), and the traditional in Big5."""
    folder.mkdir(parents=True, exist_ok=True)
    names = []
    for encoding in SIMPLIFIED_ENCODINGS:
        name = f"article-{encoding}.txt"
        (folder / name).write_bytes(encode(ARTICLE, encoding))
        names.append(name)
    (folder / "article-big5.txt").write_bytes(ARTICLE_BIG5.encode("big5"))
    (folder / "article-big5hkscs.txt").write_bytes(ARTICLE_BIG5.encode("big5hkscs"))
    return names


def zip_bomb_docx(path: Path, inflated: int = BOMB_BYTES) -> Path:
    """A real .docx (python-docx) whose word/document.xml is replaced by ``inflated`` bytes of one
    paragraph repeated: a few hundred KB on disk, hundreds of MB once inflated. Written in chunks."""
    source = path.with_suffix(".src.docx")
    make_docx(source, ["今年将新建幼儿园3所。"])
    paragraph = b'<w:p><w:r><w:t>\xe4\xbb\x8a\xe5\xb9\xb4\xe5\xb0\x86\xe6\x96\xb0\xe5\xbb\xba3\xe6\x89\x80</w:t></w:r></w:p>'
    head = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document '
            b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>')
    tail = b"</w:body></w:document>"
    chunk = paragraph * (1024 * 1024 // len(paragraph))
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as out:
        for item in src.infolist():
            if item.filename != "word/document.xml":
                out.writestr(item, src.read(item.filename))
        with out.open("word/document.xml", "w", force_zip64=True) as fh:
            fh.write(head)
            written = len(head)
            while written < inflated:
                fh.write(chunk)
                written += len(chunk)
            fh.write(tail)
    source.unlink()
    return path


def encrypted_pdf(path: Path) -> Path:
    """A PDF with a Chinese text layer, encrypted with a user password (pypdf)."""
    from pypdf import PdfReader, PdfWriter

    plain = path.with_suffix(".plain.pdf")
    make_pdf(plain, ["今年将新建幼儿园3所。"])
    writer = PdfWriter()
    for page in PdfReader(str(plain)).pages:
        writer.add_page(page)
    writer.encrypt(user_password="secret-1", owner_password="owner-secret-1", algorithm="RC4-128")
    with path.open("wb") as fh:
        writer.write(fh)
    plain.unlink()
    return path


def refused_corpus(folder: Path) -> dict[str, str]:
    """Files tracker must refuse; {file name: words its reason must contain}."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(6)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_bytes(" \n\t\r\n　\n".encode("utf-8"))
    (folder / "nul-bytes.txt").write_bytes(ARTICLE.encode("utf-8")[:30] + b"\x00" * 64 + ARTICLE.encode("utf-8"))
    (folder / "random.txt").write_bytes(bytes(rng.randrange(256) for _ in range(65536)))
    (folder / "bad-gbk.txt").write_bytes(ARTICLE.encode("gbk") + b"\x81\x20\xff\xfe\x80" * 200 + ARTICLE.encode("gbk"))
    (folder / "empty.docx").write_bytes(b"")
    (folder / "truncated.docx").write_bytes(make_docx(folder / "whole.docx", [ARTICLE]).read_bytes()[:900])
    (folder / "whole.docx").unlink()
    (folder / "not-a-zip.docx").write_bytes(b"PK\x03\x04" + os.urandom(4096))
    zip_bomb_docx(folder / "bomb.docx")
    encrypted_pdf(folder / "encrypted.pdf")
    (folder / "truncated.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog")
    (folder / "script-only.html").write_text(
        "<html><head><script>alert('今年将新建100所')</script></head><body><nav>首页</nav></body></html>",
        encoding="utf-8")
    (folder / "binary.html").write_bytes(b"\x00\x01\x02" * 1000)
    return {
        "empty.txt": "空文件", "blank.txt": "空文件", "nul-bytes.txt": "NUL", "random.txt": "二进制",
        "bad-gbk.txt": "无法解码", "empty.docx": "空文件", "truncated.docx": ".docx",
        "not-a-zip.docx": ".docx", "bomb.docx": "过大", "encrypted.pdf": "加密",
        "truncated.pdf": "PDF", "script-only.html": "HTML 页面没有正文", "binary.html": "二进制",
    }


def one_line_file(path: Path, megabytes: int = 50) -> Path:
    """``megabytes`` MB on one line: a pledge, then Chinese prose with no pledge, then a pledge."""
    filler = "会议强调要坚持稳中求进工作总基调完整准确全面贯彻新发展理念" * 1000  # ~90 KB, no numbers
    with path.open("w", encoding="utf-8") as fh:
        fh.write("今年张店区将新建幼儿园3所，")
        written = 0
        block = filler.encode("utf-8")
        while written < megabytes * 1024 * 1024:
            fh.write(filler)
            written += len(block)
        fh.write("，力争年内新增城市绿道15公里。")
    return path
