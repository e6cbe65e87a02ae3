"""Smaller holes: UTF-16 without a byte-order mark is read (not refused as "NUL bytes"), a ``next=``
of any length is bounded, and API links never come from the Host header (see also
tests/badinput/test_malformed_requests.py)."""
from __future__ import annotations

import pytest

from live import PASSWORD

ARTICLE = "张店区2021年民生实事\n今年张店区将新建幼儿园3所，确保年内建成小学2处。\n一是改造老旧小区20个。\n"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_read(encoding):
    from tracker.reading import decode_bytes

    decoded = decode_bytes(ARTICLE.encode(encoding))
    assert decoded.text == ARTICLE and decoded.encoding == encoding


@pytest.mark.parametrize("data", [b"\x00" * 64, "正文".encode() + b"\x00" * 63 + "正文".encode(),
                                  bytes(range(256)) * 4])
def test_nul_bytes_that_are_no_utf16_are_still_refused_with_the_reason(data):
    from tracker.reading import UnreadableDocument, decode_bytes

    with pytest.raises(UnreadableDocument, match="NUL|binary"):
        decode_bytes(data)


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"], indirect=True)
def test_a_utf16_file_without_bom_is_ingested(session_factory, tmp_path):
    from tracker.services.ingest import ingest_paths

    (tmp_path / "windows.txt").write_bytes(ARTICLE.encode("utf-16-le"))
    summary = ingest_paths(session_factory, [tmp_path / "windows.txt"])
    assert summary.new == 1 and summary.pledges >= 1, summary.outcomes


def test_a_next_of_any_length_is_bounded(app):
    client = app.test_client()
    long_next = "/pledges/?q=" + "幼" * 100_000
    page = client.get("/login", query_string={"next": long_next})
    assert page.status_code == 200 and "幼" * 3000 not in page.get_data(as_text=True)
    html = client.get("/login").get_data(as_text=True)
    token = html.split('name="csrf_token" type="hidden" value="', 1)[1].split('"', 1)[0]
    r = client.post("/login", data={"name": "editor", "password": PASSWORD, "next": long_next, "csrf_token": token})
    assert r.status_code == 302 and r.headers["Location"] == "/"
    anonymous = app.test_client()
    r = anonymous.get("/admin/users?" + "x=" + "y" * 5000)
    assert r.status_code == 302 and len(r.headers["Location"]) < 3000
