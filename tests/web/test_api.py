"""The JSON API: the pages' filters, keyset pagination, details, decisions, and its OpenAPI file."""
from __future__ import annotations

import json
import re
from importlib import resources

import pytest
import sqlalchemy as sa

from tracker.db.enums import ReviewState
from tracker.db.models import Pledge
from web_helpers import BOTH, csrf_token, login, pending_ids


def test_pledges_list_pages_with_a_keyset(client):
    first = client.get("/api/pledges?limit=2").get_json()
    assert [set(first)] == [{"items", "next"}]
    assert len(first["items"]) == 2 and first["next"]
    assert "after=" in first["next"] and "limit=2" in first["next"]
    seen = [p["id"] for p in first["items"]]
    url = first["next"]
    while url:
        page = client.get(url.replace("http://localhost", "")).get_json()
        seen += [p["id"] for p in page["items"]]
        url = page["next"]
    assert seen == sorted(seen, reverse=True) and len(seen) == len(set(seen)) == 5


def test_pledges_take_the_pages_filters(client, db):
    p = db.scalar(sa.select(Pledge).where(Pledge.object == "幼儿园"))
    items = client.get(f"/api/pledges?document={p.document_id}&district={p.district_id}&q=幼儿").get_json()["items"]
    assert [i["id"] for i in items] == [p.id]
    assert items[0]["quantities"] == [{"value": "3", "value_max": None, "unit": "所", "raw": "3所", "role": "count"}]
    assert items[0]["district"] == "张店区" and items[0]["official"] == "马晓磊"
    assert client.get("/api/pledges?review_state=confirmed").get_json()["items"] == []
    bad = client.get("/api/pledges?review_state=maybe")
    assert bad.status_code == 400 and "审核状态「maybe」无法识别" in bad.get_json()["error"]
    html = client.get(f"/pledges/?document={p.document_id}&district={p.district_id}&q=幼儿").get_data(as_text=True)
    assert re.findall(r'href="/pledges/(\d+)"', html)[0] == str(p.id)  # the page agrees with the API
    json_link = re.search(r'<a id="page-json" href="([^"]+)">本页 JSON</a>', html).group(1).replace("&amp;", "&")
    assert client.get(json_link).get_json()["items"] == items


def test_details(client, db):
    p = db.scalar(sa.select(Pledge).where(Pledge.object == "幼儿园"))
    detail = client.get(f"/api/pledges/{p.id}").get_json()
    assert detail["quote"] == "今年张店区将新建幼儿园3所" and detail["version"] == p.version_id
    assert detail["sources"] == [] and detail["merged_into_id"] is None
    doc = client.get(f"/api/documents/{p.document_id}").get_json()
    assert doc["text"][p.start:p.end] == p.quote
    docs = client.get("/api/documents").get_json()["items"]
    assert docs[0]["pledges"] == {"total": 5, "pending": 5, "confirmed": 0, "rejected": 0}
    district = client.get(f"/api/districts/{p.district_id}").get_json()
    assert district["name"] == "张店区" and "张店" in district["aliases"]
    official = client.get(f"/api/officials/{p.official_id}").get_json()
    assert official["name"] == "马晓磊" and official["titles"][0]["title"] == "张店区委书记"
    assert client.get("/api/officials?q=马").get_json()["items"][0]["id"] == p.official_id
    assert client.get("/api/pledges/99999").status_code == 404
    assert client.get("/api/pledges/99999").get_json() == {"error": "不存在"}


@pytest.mark.parametrize("backend", BOTH, indirect=True)
def test_decisions_through_the_api_with_csrf(csrf_app, db):
    client = csrf_app.test_client()
    login(client, "editor", csrf=csrf_token(client, "/login"))
    token = client.get("/api/csrf").get_json()["csrf_token"]
    pid, other = pending_ids(db)[:2]
    version = client.get(f"/api/pledges/{pid}").get_json()["version"]
    assert client.post(f"/api/pledges/{pid}/confirm", json={"version": version}).status_code == 400  # no token
    r = client.post(f"/api/pledges/{pid}/confirm", headers={"X-CSRFToken": token},
                    json={"version": version, "changes": {"quantities": [{"value": "4", "unit": "所"}]}})
    assert r.status_code == 200, r.get_json()
    body = r.get_json()
    assert body["review_state"] == "confirmed" and body["is_corrected"] and body["quantities"][0]["value"] == "4"
    stale = client.post(f"/api/pledges/{pid}/confirm", headers={"X-CSRFToken": token}, json={"version": version})
    assert stale.status_code == 409
    assert stale.get_json()["current"]["version"] == body["version"]
    r = client.post(f"/api/pledges/{other}/reject", headers={"X-CSRFToken": token},
                    json={"version": client.get(f"/api/pledges/{other}").get_json()["version"], "reason": ""})
    assert r.status_code == 400 and r.get_json()["field"] == "reason"  # the API's own name (openapi.json)
    history = client.get(f"/api/pledges/{pid}/history").get_json()["items"]
    assert [(e["user"], e["action"]) for e in history] == [("editor", "correct")]
    assert history[0]["old"]["quantities"][0]["value"] == "3" and history[0]["new"]["quantities"][0]["value"] == "4"
    db.rollback()
    assert db.get(Pledge, pid).review_state is ReviewState.CONFIRMED


def openapi_spec() -> dict:
    return json.loads(resources.files("tracker.web").joinpath("openapi.json").read_text(encoding="utf-8"))


def test_the_openapi_file_describes_every_api_route_and_nothing_else(app, client):
    spec = openapi_spec()
    routes = set()
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith("/api/"):
            path = re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule.rule)
            for method in rule.methods - {"HEAD", "OPTIONS"}:
                routes.add((path, method.lower()))
    documented = {(path, method) for path, ops in spec["paths"].items() for method in ops}
    assert documented == routes
    for path, ops in spec["paths"].items():
        declared = set(re.findall(r"{(\w+)}", path))
        for method, op in ops.items():
            params = {p["name"] for p in op.get("parameters", []) if p["in"] == "path"}
            assert params == declared, (path, method)
            if method == "post":
                assert any(p["name"] == "X-CSRFToken" for p in op["parameters"]), path
    assert client.get("/api/openapi.json").get_json() == spec


def test_the_documented_list_filters_are_the_ones_the_api_reads(client):
    spec = openapi_spec()
    documented = {p["name"] for p in spec["paths"]["/api/pledges"]["get"]["parameters"]}
    from tracker.services.listing import FILTER_KEYS

    assert documented == set(FILTER_KEYS) | {"after", "limit"}


def test_merge_and_add_through_the_api(client, db):
    from tracker.db.models import PledgeSource
    from web_helpers import TEXT

    login(client, "editor")
    keep, dup = pending_ids(db)[:2]
    r = client.post(f"/api/pledges/{keep}/merge", json={"duplicate": dup})
    assert r.status_code == 200, r.get_json()
    assert [s["merged_pledge_id"] for s in r.get_json()["sources"]] == [dup]
    assert client.post(f"/api/pledges/{keep}/merge", json={"duplicate": dup}).status_code == 400  # already merged
    assert client.post(f"/api/pledges/{keep}/merge", json={"duplicate": "x"}).get_json()["field"] == "duplicate"
    start = TEXT.index("张店区委书记")
    r = client.post("/api/documents/1/pledges", json={"start": start, "end": start + 6,
                                                       "changes": {"object": "讲话", "due_on": "2021-12-31",
                                                                   "district": "张店区", "non_quantified": True}})
    assert r.status_code == 201, r.get_json()
    body = r.get_json()
    assert (body["quote"], body["origin"], body["review_state"], body["due_on"]) == \
        ("张店区委书记", "manual", "confirmed", "2021-12-31")
    assert client.post("/api/documents/1/pledges", json={"start": 5, "end": 10 ** 6}).status_code == 400
    assert client.post("/api/documents/999/pledges", json={"start": 0, "end": 2}).status_code == 404
    db.rollback()
    assert db.scalar(sa.select(sa.func.count(PledgeSource.id))) == 1


@pytest.mark.parametrize("backend", BOTH, indirect=True)
def test_the_api_reads_each_pledge_as_the_orm_object_would_show_it(client, db):
    """The list and detail routes read plain rows (``queries.pledge_records``): the same JSON as
    ``api.pledge_json`` of the ORM object, field for field, for every pledge, merged sources included."""
    from tracker.web import api

    ids = list(db.scalars(sa.select(Pledge.id).order_by(Pledge.id)))
    assert ids
    listed = {i["id"]: i for i in client.get("/api/pledges?limit=100&review_state=all").get_json()["items"]}
    with client.application.test_request_context("/"):
        for pledge_id in ids:
            orm = api.pledge_json(db.get(Pledge, pledge_id), full=True)
            assert client.get(f"/api/pledges/{pledge_id}").get_json() == orm
            if pledge_id in listed:
                item = listed[pledge_id]
                assert {k: item[k] for k in orm if k not in ("sources", "merged_into_id", "status")} == \
                    {k: v for k, v in orm.items() if k not in ("sources", "merged_into_id", "status")}
    assert listed and client.get(f"/api/pledges/{max(ids) + 1000}").status_code == 404
