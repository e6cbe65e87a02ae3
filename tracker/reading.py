"""Turn a file's bytes into text, once, and say plainly why when that cannot be done.

Shared by ``tracker extract`` and the ingest: the text returned here is what the
normaliser sees, and its encoding is recorded beside the stored document.
"""
from __future__ import annotations

import codecs
import hashlib
import os
import unicodedata
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


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    sha256: str


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _control_share(text: str) -> float:
    """Share of characters no text file holds: controls, unassigned and private-use code points."""
    if not text:
        return 0.0
    bad = sum(1 for ch in text if ch not in "\t\n\r\f\v" and unicodedata.category(ch) in _NOT_TEXT)
    return bad / len(text)


def _checked(text: str, encoding: str) -> Decoded:
    if "\x00" in text or _control_share(text) > _CONTROL_SHARE:
        raise UnreadableDocument("binary content, not text")
    if not text.strip():
        raise UnreadableDocument("empty file (white space only)")
    return Decoded(text=text, encoding=encoding, sha256=sha256_text(text))


def decode_bytes(data: bytes) -> Decoded:
    """Decode a text file's bytes: UTF-8 (with or without BOM) first, then the best Chinese encoding."""
    if not data:
        raise UnreadableDocument("empty file (0 bytes)")
    for bom, name in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                      (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return _checked(data.decode(name), name)
            except UnicodeDecodeError as exc:
                raise UnreadableDocument(f"{name} byte-order mark but undecodable bytes at offset {exc.start}") from None
    if b"\x00" in data:
        raise UnreadableDocument("binary content, not text (NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    else:
        return _checked(text, "utf-8-sig" if data.startswith(codecs.BOM_UTF8) else "utf-8")

    from charset_normalizer import from_bytes  # imported here: most files are UTF-8

    best = from_bytes(data, cp_isolation=CANDIDATE_ENCODINGS).best()
    if best is None:
        raise UnreadableDocument("undecodable: not UTF-8, GB18030, Big5 or UTF-16")
    encoding = _SUPERSETS.get(best.encoding, best.encoding)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise UnreadableDocument(f"undecodable bytes at offset {exc.start} (closest encoding {encoding})") from None
    return _checked(text, encoding)


def read_text_file(path: str | os.PathLike) -> Decoded:
    """Read and decode one plain-text file; raises UnreadableDocument (or OSError) with the reason."""
    if os.path.isdir(path):
        raise UnreadableDocument("is a directory")
    with open(path, "rb") as fh:
        data = fh.read()
    return decode_bytes(data)
