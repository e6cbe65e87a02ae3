"""The red team's malformed requests, each a 400 with a Chinese message (never a 500) that changes
nothing, on SQLite and PostgreSQL: control characters and lone surrogates at the one place input
enters (API, forms, query strings), values of the wrong type, integers beyond 64 bits, url_for's
own arguments in a query string, JSON nested 100,000 deep, types that lie (``true`` as a version
or an id), more quantities than the form allows."""
from __future__ import annotations

import json

import pytest

from test_bad_forms import log_in, snapshot

BOTH = ["sqlite", "postgresql"]
HUGE = 2**64 + 5

CONTROLS = ["\x00", "\x07", "\x1b", "\r", "\x0b", "\x0c", "\x1f", "\x7f", "\x08"]


def _post_raw(client, url: str, text: str):
    return client.post(url, data=text.encode("utf-8", "surrogatepass"), content_type="application/json")


@pytest.mark.parametrize("backend", BOTH, indirect=True)
def test_control_characters_and_lone_surrogates_are_refused_everywhere(app, seeded):
    client = app.test_client()
    log_in(client, "editor")
    before = snapshot(seeded)
    failures = []
    for ch in CONTROLS:
        for changes in ({"object": f"幼儿园{ch}"}, {"quantities": [{"value": "3", "unit": f"所{ch}"}]},
                        {"district": ch}, {f"obj{ch}ect": "x"}):
            r = client.post("/api/pledges/1/confirm", json={"version": 1, "changes": changes})
            if r.status_code != 400 or "控制字符" not in r.get_json()["error"]:
                failures.append((repr(ch), changes, r.status_code, r.get_data(as_text=True)[:200]))
        r = client.post("/api/pledges/1/reject", json={"version": 1, "reason": f"不是承诺{ch}"})
        if r.status_code != 400 or r.get_json()["field"] != "reason":
            failures.append((repr(ch), "reason", r.status_code))
    # a new line or a tab in a one-line field is refused too
    for ch in ("\n", "\t"):
        r = client.post("/api/pledges/1/confirm", json={"version": 1, "changes": {"object": f"幼{ch}儿园"}})
        if r.status_code != 400 or r.get_json()["field"] != "object":
            failures.append((repr(ch), r.status_code))
    for raw in ('{"version": 1, "changes": {"object": "\\ud800"}}', '{"version": 1, "reason": "x\\udfff"}',
                '{"version": 1, "changes": {"\\ud83d": "x"}}'):
        url = "/api/pledges/1/reject" if "reason" in raw else "/api/pledges/1/confirm"
        r = _post_raw(client, url, raw)
        if r.status_code != 400 or "代理字符" not in r.get_json()["error"]:
            failures.append((raw, r.status_code, r.get_data(as_text=True)[:200]))
    for url in ("/api/pledges?q=%00", "/api/pledges?q=%1b%5b31m", "/api/documents?q=a%0db", "/api/pledges?a%00=1"):
        r = client.get(url)
        if r.status_code != 400 or "控制字符" not in r.get_json()["error"]:
            failures.append((url, r.status_code))
    assert not failures, failures
    page = client.get("/pledges/?q=%07")
    assert page.status_code == 400 and "控制字符" in page.get_data(as_text=True)
    assert snapshot(seeded) == before


@pytest.mark.parametrize("backend", BOTH, indirect=True)
def test_the_review_form_refuses_control_characters_and_keeps_a_textareas_lines(app, seeded):
    client = app.test_client()
    log_in(client, "editor")
    before = snapshot(seeded)
    r = client.post("/review/1", data={"version": "1", "decision": "confirm", "object": "幼儿园\x00",
                                       "quantities-0-value": "3", "quantities-0-unit": "所"})
    assert r.status_code == 400 and "控制字符 U+0000（NUL）" in r.get_data(as_text=True)
    r = client.post("/review/1", data={"version": "1", "decision": "reject", "reject_reason": "重复\x1b[31m",
                                       "quantities-0-value": "3", "quantities-0-unit": "所"})
    assert r.status_code == 400 and "U+001B（ESC）" in r.get_data(as_text=True)
    assert snapshot(seeded) == before
    # a browser's CRLF in a textarea is a line end: kept as \n, nothing else changes
    r = client.post("/review/1", data={"version": "1", "decision": "reject", "reject_reason": "第一行\r\n第二行\t完",
                                       "quantities-0-value": "3", "quantities-0-unit": "所"})
    assert r.status_code == 302, r.get_data(as_text=True)[:500]
    detail = client.get("/api/pledges/1").get_json()
    assert detail["reject_reason"] == "第一行\n第二行\t完" and detail["review_state"] == "rejected"


@pytest.mark.parametrize("backend", BOTH, indirect=True)
def test_values_of_the_wrong_type_and_numbers_beyond_64_bits_are_400s(app, seeded):
    client = app.test_client()
    log_in(client, "editor")
    before = snapshot(seeded)
    cases = [
        ("/api/pledges/1/confirm", {"version": 1, "changes": {"object": 5}}, "object"),
        ("/api/pledges/1/confirm", {"version": 1, "changes": {"object": ["幼儿园"]}}, "object"),
        ("/api/pledges/1/confirm", {"version": 1, "changes": {"object": {"a": 1}}}, "object"),
        ("/api/pledges/1/confirm", {"version": 1, "changes": {"district": 3}}, "district"),
        ("/api/pledges/1/confirm", {"version": 1, "changes": {"deadline_raw": True}}, "deadline_raw"),
        ("/api/pledges/1/confirm", {"version": 1, "changes": {"quantities": [{"value": "3", "unit": 5}]}}, "quantities"),
        ("/api/pledges/1/confirm", {"version": 1, "changes": []}, "changes"),
        ("/api/pledges/1/confirm", {"version": True}, "version"),
        ("/api/pledges/1/confirm", {"version": 1.0}, "version"),
        ("/api/pledges/1/confirm", {"version": "1"}, "version"),
        ("/api/pledges/1/confirm", {"version": HUGE}, "version"),
        ("/api/pledges/1/confirm", {"version": 2**63}, "version"),
        ("/api/pledges/1/confirm", {"version": 1, "changes": {"quantities": [{"value": "3", "unit": "所"}] * 1000}},
         "quantities"),
        ("/api/pledges/1/confirm", {"version": 1, "changes": {"quantities": [{"value": "3", "unit": "所"}] * 13}},
         "quantities"),
        ("/api/pledges/1/reject", {"version": 1, "reason": 7}, "reason"),
        ("/api/pledges/1/reject", {"version": 1, "reason": "x" * 2001}, "reason"),
        ("/api/pledges/1/merge", {"duplicate": True}, "duplicate"),
        ("/api/pledges/1/merge", {"duplicate": HUGE}, "duplicate"),
        ("/api/pledges/1/merge", {"duplicate": 2**40}, "duplicate"),
        ("/api/pledges/1/merge", {"duplicate": 0}, "duplicate"),
        ("/api/pledges/1/merge", {"duplicate": 2, "extra": 1}, None),
        ("/api/documents/1/pledges", {"start": True, "end": 5}, "start"),
        ("/api/documents/1/pledges", {"start": 0, "end": HUGE}, "end"),
        ("/api/documents/1/pledges", {"start": -1, "end": 5}, "start"),
    ]
    failures = []
    for url, body, field in cases:
        r = client.post(url, json=body)
        got = r.get_json(silent=True) or {}
        if r.status_code != 400 or not got.get("error") or got.get("field") not in (field, None):
            failures.append((url, str(body)[:80], r.status_code, got))
    assert not failures, failures
    r = client.post("/api/pledges/1/confirm", json={"version": 1, "changes": {"quantities": [{"value": "3", "unit": "所"}] * 1000}})
    assert "最多 12 项" in r.get_json()["error"]
    assert snapshot(seeded) == before


@pytest.mark.parametrize("backend", BOTH, indirect=True)
def test_cursors_beyond_64_bits_are_400s_with_a_message(app, seeded):
    client = app.test_client()
    for url in (f"/api/documents?after={HUGE}", f"/api/officials?after={HUGE}", f"/api/districts?after={HUGE}",
                f"/api/documents?after={2**40}", f"/api/officials?district={2**40}",
                f"/api/officials?district={HUGE}", f"/api/documents?limit={HUGE}x", "/api/districts?after=abc",
                f"/api/pledges?after={HUGE}", f"/api/pledges?after=2021-01-01~{HUGE}&sort=due_on"):
        r = client.get(url)
        assert r.status_code == 400 and r.get_json()["error"], (url, r.status_code, r.get_data(as_text=True)[:200])
    for url in (f"/documents/?after={HUGE}", f"/documents/?after={2**40}"):
        r = client.get(url)
        assert r.status_code == 400 and "翻页游标" in r.get_data(as_text=True)
    for url in (f"/pledges/{HUGE}", f"/api/pledges/{HUGE}", f"/api/documents/{HUGE}", f"/documents/{HUGE}",
                f"/api/pledges/{2**40}", f"/api/officials/{2**62}"):
        assert client.get(url).status_code == 404, url
    log_in(client, "editor")
    r = client.post("/pledges/1/merge", data={"duplicate": str(HUGE)})
    assert r.status_code == 302  # the form's message, flashed
    assert "重复条目编号" in client.get("/pledges/1").get_data(as_text=True)


@pytest.mark.parametrize("backend", BOTH, indirect=True)
def test_url_for_arguments_in_a_query_string_and_the_host_header_do_not_reach_the_links(app, seeded):
    client = app.test_client()
    for path in ("/api/pledges", "/api/documents", "/api/districts", "/api/officials"):
        r = client.get(f"{path}?limit=1&_external=1&_method=POST&endpoint=auth.login&_scheme=javascript&_anchor=x",
                       headers={"Host": "evil.example"})
        assert r.status_code == 200, (path, r.get_data(as_text=True)[:300])
        body = r.get_json()
        for link in [body["next"], *(i.get("url") for i in body["items"])]:
            if link is not None:
                assert link.startswith("/") and "evil" not in link and "://" not in link, link
    nxt = client.get("/api/pledges?limit=1&endpoint=x", headers={"Host": "evil.example"}).get_json()["next"]
    assert nxt.startswith("/api/pledges?") and "endpoint=x" in nxt and "after=" in nxt
    assert client.get(nxt).status_code == 200


@pytest.mark.parametrize("backend", BOTH, indirect=True)
def test_json_nested_100000_deep_is_a_400(app, seeded):
    client = app.test_client()
    log_in(client, "editor")
    before = snapshot(seeded)
    for body in ("[" * 100_000 + "]" * 100_000, '{"version": 1, "changes": ' + '{"a": ' * 100_000 + "1" + "}" * 100_001,
                 json.dumps({"version": 1, "changes": {"quantities": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}})):
        r = _post_raw(client, "/api/pledges/1/confirm", body)
        assert r.status_code == 400 and "嵌套过深" in r.get_json()["error"], r.get_data(as_text=True)[:200]
    assert snapshot(seeded) == before


def test_a_body_beyond_max_content_length_is_a_413_with_a_message(app, seeded):
    client = app.test_client()
    log_in(client, "editor")
    r = client.post("/api/pledges/1/reject", data=b'{"version": 1, "reason": "' + b"x" * (2 * 2**20) + b'"}',
                    content_type="application/json")
    assert r.status_code == 413 and "请求体过大" in r.get_json()["error"]
    r = client.post("/review/1", data={"version": "1", "object": "x" * (2 * 2**20)})
    assert r.status_code == 413 and "请求体过大" in r.get_data(as_text=True)


def test_the_forms_take_their_limits_from_the_schema_the_api_publishes(app):
    from tracker.web import forms, validation

    spec = app.test_client().get("/api/openapi.json").get_json()
    changes = spec["components"]["schemas"]["PledgeChanges"]["properties"]
    assert forms.LIMITS["quantities"] == changes["quantities"]["maxItems"] == 12
    for name in ("district", "official", "responsible_unit", "action", "object", "qualifier", "deadline_raw"):
        assert forms.LIMITS[name] == changes[name]["maxLength"]
        field = getattr(forms.PledgeFieldsForm, name)
        lengths = [v for v in field.kwargs["validators"] if v.__class__.__name__ == "Length"]
        assert lengths and lengths[0].max == changes[name]["maxLength"]
    assert validation.change_limits() == forms.LIMITS
