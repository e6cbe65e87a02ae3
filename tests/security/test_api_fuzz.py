"""The API fuzzed from its own openapi.json (tests/security/api_fuzz.py), a CI-sized run on SQLite
and PostgreSQL: every operation, anonymous and as each role, no 5xx, responses as the schema
says, nothing changed by a refused request. bench/apifuzz.py runs 1,000+ cases an operation."""
from __future__ import annotations

import pytest

from api_fuzz import ROLES, fuzz
from live import PASSWORD

CI_EXAMPLES = 12


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"], indirect=True)
def test_every_operation_as_every_role_holds_its_schema_and_never_fails(app, seeded):
    tally = fuzz(app, seeded, PASSWORD, examples=CI_EXAMPLES)
    operations = {op for op, _ in tally.cases}
    import json
    from importlib import resources

    spec = json.loads(resources.files("tracker.web").joinpath("openapi.json").read_text(encoding="utf-8"))
    listed = {f"{method.upper()} {path}" for path, ops in spec["paths"].items() for method in ops}
    # every operation openapi.json lists (Schemathesis leaves out the one serving the schema itself)
    assert operations == listed - {"GET /api/openapi.json"}, listed - operations
    assert app.test_client().get("/api/openapi.json").get_json() == spec
    assert {role for _, role in tally.cases} == set(ROLES)
    assert not any(status >= 500 for _, status in tally.statuses)
    assert any(status == 200 for _, status in tally.statuses) and any(status == 400 for _, status in tally.statuses)
