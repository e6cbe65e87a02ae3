"""A property-based fuzz of the JSON API from its own ``openapi.json`` (Schemathesis, in-process
through the WSGI app, CSRF on as in production), shared by tests/security/test_api_fuzz.py (a
CI-sized run) and bench/apifuzz.py (1,000+ cases an operation).

For every operation, anonymous and logged in as each role (the session cookie and a valid CSRF
token in every request): no 5xx, the status code and every response body as openapi.json says, and
nothing in the database changes when a request is refused (4xx)."""
from __future__ import annotations

import re
import time
from collections import Counter
from dataclasses import dataclass, field

import sqlalchemy as sa

ROLES = ("anonymous", "reader", "editor", "reviewer", "admin")
SNAPSHOT = sa.text(
    "SELECT (SELECT count(*) FROM audit_event), (SELECT coalesce(sum(version_id), 0) FROM pledge), "
    "(SELECT count(*) FROM pledge), (SELECT count(*) FROM quantity), (SELECT count(*) FROM pledge_source), "
    "(SELECT count(*) FROM official), (SELECT count(*) FROM status_event), "
    "(SELECT coalesce(sum(session_version), 0) FROM \"user\")")


def login_headers(app, role: str, password: str) -> tuple[dict, dict]:
    """What a logged-in browser's script sends: a CSRF token header, and its session cookie."""
    client = app.test_client()
    if role == "anonymous":
        html = client.get("/login").get_data(as_text=True)
        token = client.get("/api/csrf").get_json()["csrf_token"]
    else:
        html = client.get("/login").get_data(as_text=True)
        form_token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html).group(1)
        response = client.post("/login", data={"name": role, "password": password, "csrf_token": form_token})
        assert response.status_code == 302, response.get_data(as_text=True)[:300]
        token = client.get("/api/csrf").get_json()["csrf_token"]
    cookie = client.get_cookie("session")
    return {"X-CSRFToken": token}, ({"session": cookie.value} if cookie is not None else {})


def _aim(case, engine) -> None:
    """Point half the generated cases at rows that exist (an id within the 50 seeded pledges, the
    pledge's current version), so writes succeed too and their answers are checked, not only 404s."""
    params = case.path_parameters or {}
    for name, value in list(params.items()):
        if isinstance(value, int) and value % 2 == 0:
            params[name] = value % 55 + 1
    body = case.body if isinstance(case.body, dict) else None
    if body is None:
        return
    if isinstance(body.get("duplicate"), int) and not isinstance(body["duplicate"], bool) and body["duplicate"] % 2 == 0:
        body["duplicate"] = body["duplicate"] % 55 + 1
    version = body.get("version")
    pledge_id = params.get("pledge_id")
    if isinstance(version, int) and not isinstance(version, bool) and version % 2 == 0 and isinstance(pledge_id, int):
        with engine.connect() as conn:
            current = conn.execute(sa.text("SELECT version_id FROM pledge WHERE id = :i"), {"i": pledge_id}).scalar()
        if current is not None:
            body["version"] = current


@dataclass
class Tally:
    cases: Counter = field(default_factory=Counter)  # (operation, role) -> cases
    statuses: Counter = field(default_factory=Counter)  # (operation, status) -> count
    seconds: float = 0.0


def fuzz(app, db_url: str, password: str, *, examples: int, roles=ROLES, tally: Tally | None = None,
         operations: str | None = None) -> Tally:
    """Run ``examples`` generated cases per operation and role; raises on the first failure."""
    from hypothesis import HealthCheck, Phase, given, settings
    import schemathesis
    from schemathesis.checks import not_a_server_error
    from schemathesis.specs.openapi.checks import (content_type_conformance, response_schema_conformance,
                                                   status_code_conformance)

    from tracker.db.engine import make_engine

    tally = tally or Tally()
    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", app)
    engine = make_engine(db_url)
    checks = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
    try:
        for role in roles:
            headers, cookies = login_headers(app, role, password)
            for result in schema.get_all_operations():
                operation = result.ok()
                label = f"{operation.method.upper()} {operation.path}"
                if operations and not re.search(operations, label):
                    continue

                @settings(max_examples=examples, deadline=None, database=None, derandomize=False,
                          phases=[Phase.generate], suppress_health_check=list(HealthCheck))
                @given(case=operation.as_strategy())
                def run(case):
                    case.headers = {**(case.headers or {}), **headers}
                    _aim(case, engine)
                    with engine.connect() as conn:
                        before = conn.execute(SNAPSHOT).one()
                    response = case.call(cookies=cookies)
                    tally.cases[label, role] += 1
                    tally.statuses[label, response.status_code] += 1
                    case.validate_response(response, checks=checks)
                    if response.status_code >= 400:
                        with engine.connect() as conn:
                            after = conn.execute(SNAPSHOT).one()
                        assert after == before, (label, role, response.status_code, case.body, before, after)

                began = time.perf_counter()
                run()
                tally.seconds += time.perf_counter() - began
    finally:
        engine.dispose()
    return tally
