"""Turn a file's bytes into text, once, and say plainly why when that cannot be done.

Shared by ``tracker extract`` and the ingest: the text returned here is what the
normaliser sees, and its encoding is recorded beside the stored document.

``read_document(path)`` reads any format the ingest takes: plain text in any
common Chinese encoding, ``.html``/``.htm`` (the article's text only, through
BeautifulSoup with lxml), ``.docx`` (python-docx) and ``.pdf`` with a text layer
(pdfminer.six). Any other suffix raises ``UnsupportedDocument``.
"""
from __future__ import annotations

import codecs
import hashlib
import io
import logging
import os
import stat
import unicodedata
import zipfile
from dataclasses import dataclass

# What charset-normalizer may choose among for files that are not UTF-8. GBK and
# GB2312 are subsets of GB18030, so a file in either is read as GB18030.
CANDIDATE_ENCODINGS = ["gb18030", "big5hkscs", "utf_16", "utf_16_le", "utf_16_be", "utf_32"]
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "cp936": "gb18030", "big5": "big5hkscs", "cp950": "big5hkscs"}
# A text file has next to no control characters; a binary one has many.
_CONTROL_SHARE = 0.01
_NOT_TEXT = {"Cc", "Cn", "Co", "Cs"}


class UnreadableDocument(ValueError):
    """The file cannot be read as text; the message says why, in a few words."""


class UnsupportedDocument(UnreadableDocument):
    """Not a kind of file the ingest reads (by its suffix): skipped, not failed."""


def os_reason(exc: OSError) -> str:
    """Why the system refused a file, in Chinese (the system's own words kept for the rarer errors)."""
    if isinstance(exc, FileNotFoundError):
        return "文件不存在"
    if isinstance(exc, PermissionError):
        return "没有读取权限"
    if isinstance(exc, IsADirectoryError):
        return "是目录，不是文件"
    return f"无法读取（{exc.strerror or exc}）"


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    sha256: str
    title: str | None = None  # the document's own title, where the format has one (HTML <title>, docx core properties)


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# The private-use code point a news corpus writes where a paragraph ends (SogouCA and SogouCS, 搜狗's corpora of
# 2012 news, end every paragraph with U+E40C): a line break of its source, as tracker.extract.normalise reads it
# (its PARAGRAPH_MARKS), not a sign of another format's bytes.
PARAGRAPH_MARKS = "\ue40c"


def _control_share(text: str) -> float:
    """Share of characters no text file holds: controls, unassigned and private-use code points (a paragraph mark
    of PARAGRAPH_MARKS is a line break, not one of them)."""
    if not text:
        return 0.0
    bad = sum(1 for ch in text if ch not in "\t\n\r\f\v" and ch not in PARAGRAPH_MARKS
              and unicodedata.category(ch) in _NOT_TEXT)
    return bad / len(text)


def _checked(text: str, encoding: str) -> Decoded:
    if "\x00" in text or _control_share(text) > _CONTROL_SHARE:
        raise UnreadableDocument("二进制内容，不是文本")
    if not text.strip():
        raise UnreadableDocument("空文件（只有空白）")
    return Decoded(text=text, encoding=encoding, sha256=sha256_text(text))


def _plain_share(text: str) -> float:
    """Share of characters a Chinese text is made of: CJK ideographs and punctuation, full-width
    forms, ASCII and white space. Bytes of the other byte order read as UTF-16 land all over the
    plane (Hangul, Yi, symbols) and score low."""
    if not text:
        return 0.0
    plain = sum(1 for ch in text if ch < "\x7f" or "\u3000" <= ch <= "\u303f" or "\u4e00" <= ch <= "\u9fff"
                or "\uff00" <= ch <= "\uffef" or "\u3400" <= ch <= "\u4dbf" or "\u2000" <= ch <= "\u206f")
    return plain / len(text)


def _utf16_without_bom(data: bytes) -> Decoded | None:
    """UTF-16 without a byte-order mark (what some Windows tools write): the byte order whose text
    is plainly Chinese or ASCII, when one is; None when neither reads as text."""
    if len(data) % 2:
        return None
    best = None
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        share = _plain_share(text)
        if share >= 0.9 and (best is None or share > best[0]):
            best = (share, text, encoding)
    if best is None:
        return None
    try:
        return _checked(best[1], best[2])
    except UnreadableDocument:
        return None


def decode_bytes(data: bytes) -> Decoded:
    """Decode a text file's bytes: UTF-8 (with or without BOM) first, then the best Chinese encoding."""
    if not data:
        raise UnreadableDocument("空文件（0 字节）")
    for bom, name in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                      (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return _checked(data.decode(name), name)
            except UnicodeDecodeError as exc:
                raise UnreadableDocument(f"无法解码的字节：有 {name} 字节序标记，但第 {exc.start} 字节处无法解码") from None
    if b"\x00" in data:
        guessed = _utf16_without_bom(data)
        if guessed is not None:
            return guessed
        raise UnreadableDocument("二进制内容，不是文本（含 NUL 字节，也不是 UTF-16）")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    else:
        return _checked(text, "utf-8-sig" if data.startswith(codecs.BOM_UTF8) else "utf-8")

    from charset_normalizer import from_bytes  # imported here: most files are UTF-8

    best = from_bytes(data, cp_isolation=CANDIDATE_ENCODINGS).best()
    if best is None:
        raise UnreadableDocument("无法解码的字节：不是 UTF-8、GB18030、Big5 或 UTF-16")
    encoding = _SUPERSETS.get(best.encoding, best.encoding)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise UnreadableDocument(f"无法解码的字节：第 {exc.start} 字节处（最接近的编码 {encoding}）") from None
    return _checked(text, encoding)


def read_text_file(path: str | os.PathLike) -> Decoded:
    """Read and decode one plain-text file; raises UnreadableDocument (or OSError) with the reason."""
    if os.path.isdir(path):
        raise UnreadableDocument("是目录，不是文件")
    with open(path, "rb") as fh:
        data = fh.read()
    return decode_bytes(data)


# --- other formats ------------------------------------------------------------------------

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".shtml", ".xhtml"})
#: suffix -> format name, as ``document.format`` stores it
FORMATS = {**{s: "text" for s in TEXT_SUFFIXES}, **{s: "html" for s in HTML_SUFFIXES}, ".docx": "docx", ".pdf": "pdf"}

# Elements that are never article text.
_HTML_NOISE = ("script", "style", "noscript", "template", "iframe", "object", "svg", "canvas", "form",
               "button", "select", "input", "textarea", "nav", "header", "footer", "aside", "menu")
# Block-level elements: their edges are paragraph breaks; inline ones (<a>, <span>, <strong>) are not.
_HTML_BLOCKS = ("p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
                "dl", "dt", "dd", "table", "tr", "td", "th", "caption", "blockquote", "pre", "figure",
                "figcaption", "address", "center", "hr")
# Containers Chinese news and government sites put the article in (TRS_Editor is the TRS CMS).
_HTML_ARTICLE_HINTS = ("trs_editor", "article", "content", "zoom", "text", "detail", "main", "news", "body")


def document_format(path: str | os.PathLike) -> str | None:
    """``text``, ``html``, ``docx`` or ``pdf`` for a suffix the ingest reads, else None."""
    return FORMATS.get(os.path.splitext(os.fspath(path))[1].lower())


def read_document(path: str | os.PathLike, data: bytes | None = None) -> Decoded:
    """Read one document of any supported format; raises UnsupportedDocument for other suffixes,
    UnreadableDocument (or OSError) with the reason when the file cannot be read. With ``data``
    (the file's bytes, read by the caller: ingest opens files itself, never following a symbolic
    link) ``path`` only names the format."""
    fmt = document_format(path)
    if fmt is None:
        suffix = os.path.splitext(os.fspath(path))[1]
        raise UnsupportedDocument(f"不是 tracker 读取的文档类型（{suffix or '无扩展名'}；"
                                  "可读 .txt、.html/.htm、.docx、.pdf）")
    if data is not None:
        return {"text": decode_bytes, "html": decode_html_bytes, "docx": read_docx_bytes,
                "pdf": read_pdf_bytes}[fmt](data)
    if os.path.isdir(path):
        raise UnreadableDocument("是目录，不是文件")
    return {"text": read_text_file, "html": read_html_file, "docx": read_docx_file, "pdf": read_pdf_file}[fmt](path)


class NotARegularFile(UnsupportedDocument):
    """A symbolic link, a device, a FIFO, a socket, or a file whose real path lies outside the folder
    given: never read (the message says which, in Chinese)."""


def open_regular(path: str | os.PathLike, root: str | os.PathLike | None = None, *,
                 max_bytes: int | None = None) -> bytes:
    """The bytes of ``path`` if it is a regular file, not a symbolic link, whose real path lies under
    ``root`` (a folder, or the file itself); NotARegularFile otherwise. The file is opened without
    following a final symbolic link (O_NOFOLLOW) and without blocking on a FIFO, and what is checked
    is the file opened (fstat, its path in /proc/self/fd), so a link swapped in between does not
    count. ``max_bytes``: refuse a larger file before reading it (UnreadableDocument)."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if os.path.islink(path):
            raise NotARegularFile(f"符号链接，未读取（指向 {os.readlink(path)}）") from None
        raise exc
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            kind = ("目录" if stat.S_ISDIR(info.st_mode) else "命名管道（FIFO）" if stat.S_ISFIFO(info.st_mode)
                    else "设备文件" if stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode)
                    else "套接字" if stat.S_ISSOCK(info.st_mode) else "特殊文件")
            raise NotARegularFile(f"不是普通文件（{kind}），未读取")
        if root is not None:
            proc = f"/proc/self/fd/{fd}"
            real = os.readlink(proc) if os.path.exists(proc) else os.path.realpath(path)
            base = os.path.realpath(root)
            if real != base and not real.startswith(base.rstrip(os.sep) + os.sep):
                raise NotARegularFile(f"实际路径 {real} 不在所给的 {base} 之内（经符号链接到达），未读取")
        if max_bytes is not None and info.st_size > max_bytes:
            raise UnreadableDocument(f"文件过大：{info.st_size:,} 字节，超过每篇文档的上限 {max_bytes:,} 字节"
                                     "（TRACKER_MAX_DOCUMENT_CHARS）")
        chunks, total = [], 0
        while True:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                break
            total += len(chunk)
            if max_bytes is not None and total > max_bytes:  # it grew while being read
                raise UnreadableDocument(f"文件过大：超过每篇文档的上限 {max_bytes:,} 字节（TRACKER_MAX_DOCUMENT_CHARS）")
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def _text_from_lines(lines) -> str:
    return "\n".join(line for line in (ln.strip() for ln in lines) if line)


def _html_article(soup):
    """The element holding the article: <article>, else a hinted container, else the element with most <p> text."""
    article = soup.find("article")
    if article is not None and article.get_text(strip=True):
        return article
    best, best_len = None, 0
    for tag in soup.find_all(["div", "section", "main", "td"]):
        marks = " ".join([tag.get("id") or "", *(tag.get("class") or [])]).lower()
        own = sum(len(p.get_text(strip=True)) for p in tag.find_all("p", recursive=False))
        if any(h in marks for h in _HTML_ARTICLE_HINTS):
            own = max(own, len(tag.get_text(strip=True)) // 2)
        if own > best_len:
            best, best_len = tag, own
    return best if best is not None else (soup.body or soup)


def html_to_text(html: str) -> tuple[str, str | None]:
    """The article text of an HTML page (paragraphs one per line) and its title."""
    from bs4 import BeautifulSoup, Comment

    soup = BeautifulSoup(html, "lxml")
    title = soup.title.get_text(" ", strip=True) if soup.title else None
    for tag in soup.find_all(_HTML_NOISE):
        tag.decompose()
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    article = _html_article(soup)
    for br in article.find_all("br"):
        br.replace_with("\n")
    for tag in article.find_all(_HTML_BLOCKS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    # Heading of the article, when it sits outside the chosen container.
    heading = soup.find("h1")
    lines = article.get_text().split("\n")
    if heading is not None and article.find("h1") is None and heading.get_text(strip=True):
        lines.insert(0, heading.get_text(" ", strip=True))
    return _text_from_lines(lines), title or None


def _declared_html_encoding(data: bytes) -> str | None:
    from bs4.dammit import EncodingDetector

    declared = EncodingDetector.find_declared_encoding(data, is_html=True, search_entire_document=False)
    if not declared:
        return None
    declared = declared.lower().replace("-", "").replace("_", "")
    return {"gb2312": "gb18030", "gbk": "gb18030", "gb18030": "gb18030", "big5": "big5hkscs",
            "utf8": "utf-8", "utf16": "utf-16"}.get(declared, declared)


def decode_html_bytes(data: bytes) -> Decoded:
    """Decode an HTML page (its declared charset first, read GBK/GB2312 as GB18030), keep the article text."""
    if not data:
        raise UnreadableDocument("空文件（0 字节）")
    declared = _declared_html_encoding(data)
    html = encoding = None
    if declared:
        try:
            html, encoding = data.decode(declared), declared
        except (UnicodeDecodeError, LookupError):
            pass  # the page lies about its charset: detect it instead
    if html is None:
        decoded = decode_bytes(data)
        html, encoding = decoded.text, decoded.encoding
    if "\x00" in html:
        raise UnreadableDocument("二进制内容，不是 HTML")
    text, title = html_to_text(html)
    if not text.strip():
        raise UnreadableDocument("HTML 页面没有正文")
    checked = _checked(text, encoding)
    return Decoded(checked.text, checked.encoding, checked.sha256, title)


def read_html_file(path: str | os.PathLike) -> Decoded:
    with open(path, "rb") as fh:
        return decode_html_bytes(fh.read())


#: The most a .docx may inflate to (all its parts); a work report is a few MB.
MAX_DOCX_INFLATED = 100 * 2**20


def read_docx_file(path: str | os.PathLike) -> Decoded:
    """Paragraphs and table rows of a .docx in reading order (python-docx)."""
    with open(path, "rb") as fh:
        return read_docx_bytes(fh.read())


def read_docx_bytes(data: bytes) -> Decoded:
    """Paragraphs and table rows of a .docx (its bytes) in reading order (python-docx)."""
    import docx  # lazy, as the other format readers: a text-only run never loads them
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table

    if not data:
        raise UnreadableDocument("空文件（0 字节）")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:  # zipfile reads no more than each entry declares
            inflated = sum(item.file_size for item in archive.infolist())
        if inflated > MAX_DOCX_INFLATED:
            raise UnreadableDocument(f".docx 解压后过大，未读取：{inflated / 2**20:,.0f} MB，"
                                     f"上限 {MAX_DOCX_INFLATED // 2**20} MB（压缩炸弹？）")
        document = docx.Document(io.BytesIO(data))
        lines: list[str] = []
        for block in document.iter_inner_content():
            if isinstance(block, Table):
                for row in block.rows:
                    lines.append("\t".join(cell.text.strip() for cell in row.cells))
            else:
                lines.append(block.text)
        title = (document.core_properties.title or "").strip() or None
    except UnreadableDocument:
        raise
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, EOFError) as exc:
        raise UnreadableDocument(f"不是可读的 .docx 文件（损坏或不完整：{exc}）") from None
    except Exception as exc:  # noqa: BLE001 - a damaged archive fails anywhere in zlib, lxml or python-docx
        raise UnreadableDocument(f"不是可读的 .docx 文件（已损坏：{exc.__class__.__name__}: {exc}）") from None
    text = _text_from_lines(lines)
    if not text:
        raise UnreadableDocument("空 .docx 文件（段落和表格里都没有文字）")
    checked = _checked(text, "docx")
    return Decoded(checked.text, checked.encoding, checked.sha256, title)


def read_pdf_file(path: str | os.PathLike) -> Decoded:
    """The text layer of a PDF (pdfminer.six); a scan without one is refused with that reason."""
    with open(path, "rb") as fh:
        return read_pdf_bytes(fh.read())


def read_pdf_bytes(data: bytes) -> Decoded:
    """The text layer of a PDF (its bytes; pdfminer.six); a scan without one is refused with that reason."""
    from pdfminer.high_level import extract_text
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psexceptions import PSException

    if not data:
        raise UnreadableDocument("空文件（0 字节）")
    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # it logs every font quirk
    try:
        text = extract_text(io.BytesIO(data))
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise UnreadableDocument(f"加密的 PDF（{exc.__class__.__name__}）") from None
    except (PDFSyntaxError, PSException) as exc:
        raise UnreadableDocument(f"不是可读的 PDF（损坏或不完整：{exc}）") from None
    except Exception as exc:  # noqa: BLE001 - pdfminer fails in many ways on malformed objects and streams
        raise UnreadableDocument(f"不是可读的 PDF（已损坏：{exc.__class__.__name__}: {exc}）") from None
    text = _text_from_lines(text.replace("\x0c", "\n").split("\n"))
    if not text:
        raise UnreadableDocument("PDF 没有文字层（扫描图片？）：请先做 OCR")
    return _checked(text, "pdf")
