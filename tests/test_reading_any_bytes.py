"""Any bytes at all, under any supported suffix: text, or UnreadableDocument with a reason. Never another exception."""
from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.services.files import make_docx, make_pdf
from tracker.reading import UnreadableDocument, read_document

_GOOD = {}


def _good(suffix: str) -> bytes:
    """A valid file of the kind, to mutate: damage looks like a real file gone wrong."""
    if suffix not in _GOOD:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / f"good{suffix}"
            if suffix == ".docx":
                make_docx(path, ["今年将新建幼儿园3所。"])
            elif suffix == ".pdf":
                make_pdf(path, ["今年将新建幼儿园3所。"])
            else:
                path.write_bytes("<html><body><p>今年将新建幼儿园3所。</p></body></html>".encode())
            _GOOD[suffix] = path.read_bytes()
    return _GOOD[suffix]


@st.composite
def damaged(draw, suffix):
    data = bytearray(_good(suffix))
    kind = draw(st.sampled_from(["cut", "flip", "random"]))
    if kind == "cut":
        return bytes(data[: draw(st.integers(0, len(data)))])
    if kind == "flip":
        for _ in range(draw(st.integers(1, 20))):
            i = draw(st.integers(0, len(data) - 1))
            data[i] = draw(st.integers(0, 255))
        return bytes(data)
    return draw(st.binary(max_size=2000))


def _read(tmp_path_factory, suffix, data):
    folder = Path(tempfile.mkdtemp(dir=tmp_path_factory.getbasetemp()))
    path = folder / f"doc{suffix}"
    path.write_bytes(data)
    try:
        decoded = read_document(path)
    except UnreadableDocument as exc:
        assert str(exc).strip(), "a reason, in words"
        return
    assert decoded.text.strip()


_SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@_SETTINGS
@given(data=damaged(".docx"))
def test_any_docx_bytes(tmp_path_factory, data):
    _read(tmp_path_factory, ".docx", data)


@_SETTINGS
@given(data=damaged(".pdf"))
def test_any_pdf_bytes(tmp_path_factory, data):
    _read(tmp_path_factory, ".pdf", data)


@_SETTINGS
@given(data=damaged(".html"))
def test_any_html_bytes(tmp_path_factory, data):
    _read(tmp_path_factory, ".html", data)


@_SETTINGS
@given(data=st.binary(max_size=3000))
def test_any_text_bytes(tmp_path_factory, data):
    _read(tmp_path_factory, ".txt", data)
