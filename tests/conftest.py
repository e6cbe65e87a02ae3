"""Database fixtures: every test that takes ``db_url``, ``engine`` or ``session`` runs twice,
on a real SQLite file and on a real PostgreSQL database.

PostgreSQL comes from ``TRACKER_TEST_PG_URL`` (a server URL whose user may
CREATE DATABASE; ``.ci/run`` exports it). Without it, the fixtures start a
throwaway server when the PostgreSQL binaries are there, else the PostgreSQL
half is skipped with the reason. With ``TRACKER_REQUIRE_PG=1`` (set by CI) a
missing PostgreSQL is an error, never a skip.
"""
from __future__ import annotations

import os
import uuid

import pytest

PG_ENV = "TRACKER_TEST_PG_URL"
BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(scope="session")
def pg_server():
    """The URL of a PostgreSQL server the tests may create databases on."""
    url = os.environ.get(PG_ENV)
    if url:
        yield url
        return
    from tracker.db.throwaway import PostgresUnavailable, ThrowawayPostgres

    try:
        server = ThrowawayPostgres()
        url = server.start()
    except PostgresUnavailable as exc:
        if os.environ.get("TRACKER_REQUIRE_PG") == "1":
            pytest.fail(f"PostgreSQL required (TRACKER_REQUIRE_PG=1) but unavailable: {exc}")
        pytest.skip(f"PostgreSQL tests skipped: {exc}")
    try:
        yield url
    finally:
        server.stop()


@pytest.fixture(scope="session")
def pg_template(pg_server):
    """A database migrated to head once per session; test databases are copies of it."""
    from tracker.db import migrate
    from tracker.db.throwaway import create_database, drop_database

    name = f"tracker_tpl_{uuid.uuid4().hex[:8]}"
    url = create_database(pg_server, name)
    migrate.upgrade(url)
    yield name
    drop_database(pg_server, name)


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory):
    from tracker.db import migrate

    path = tmp_path_factory.mktemp("tpl") / "template.sqlite3"
    migrate.upgrade(f"sqlite:///{path}")
    return path


def _new_pg_database(pg_server, template=None):
    from tracker.db.throwaway import create_database

    name = f"tracker_test_{uuid.uuid4().hex[:12]}"
    return name, create_database(pg_server, name, template=template)


@pytest.fixture(params=BACKENDS)
def backend(request) -> str:
    return request.param


@pytest.fixture
def empty_db_url(backend, request, tmp_path):
    """The URL of a database with no tables at all."""
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'empty.sqlite3'}"
        return
    from tracker.db.throwaway import drop_database

    server = request.getfixturevalue("pg_server")
    name, url = _new_pg_database(server)
    yield url
    drop_database(server, name)


@pytest.fixture
def db_url(backend, request, tmp_path):
    """The URL of a fresh database migrated to head."""
    if backend == "sqlite":
        import shutil

        path = tmp_path / "tracker.sqlite3"
        shutil.copyfile(request.getfixturevalue("sqlite_template"), path)
        yield f"sqlite:///{path}"
        return
    from tracker.db.throwaway import drop_database

    server = request.getfixturevalue("pg_server")
    name, url = _new_pg_database(server, template=request.getfixturevalue("pg_template"))
    yield url
    drop_database(server, name)


@pytest.fixture(scope="session")
def seeded_sqlite_templates(tmp_path_factory):
    """{key: path} of the SQLite files migrated and seeded once per session (see ``seeded_copy``)."""
    return {"dir": tmp_path_factory.mktemp("seeded-tpl")}


@pytest.fixture(scope="session")
def seeded_pg_templates(pg_server):
    """{key: name} of the PostgreSQL databases migrated and seeded once per session; dropped at its end."""
    from tracker.db.throwaway import drop_database

    made: dict[str, str] = {}
    yield made
    for name in made.values():
        drop_database(pg_server, name)


@pytest.fixture
def seeded_copy(db_url, backend, request):
    """``seeded_copy(key, seed)`` makes the test's own database (``db_url``) a copy of a database
    migrated and then seeded by ``seed(url)`` once per session and ``key``, and returns ``db_url``.
    Seeding (accounts hash their passwords with scrypt) costs seconds; a copy costs milliseconds,
    a file copy on SQLite, ``CREATE DATABASE … TEMPLATE`` on PostgreSQL. Each test still gets its own
    database. ``seed`` must not depend on the test: the first test's seeding serves them all."""
    import shutil

    from sqlalchemy.engine import make_url

    def copy(key: str, seed) -> str:
        if backend == "sqlite":
            templates = request.getfixturevalue("seeded_sqlite_templates")
            template = templates.get(key)
            if template is None:
                template = templates["dir"] / f"{key}.sqlite3"
                shutil.copyfile(request.getfixturevalue("sqlite_template"), template)
                seed(f"sqlite:///{template}")
                templates[key] = template
            shutil.copyfile(template, make_url(db_url).database)
            return db_url
        from tracker.db.throwaway import create_database, drop_database

        server = request.getfixturevalue("pg_server")
        templates = request.getfixturevalue("seeded_pg_templates")
        if key not in templates:
            name = f"tracker_tpl_{key}_{uuid.uuid4().hex[:8]}"
            templates[key] = name
            seed(create_database(server, name, template=request.getfixturevalue("pg_template")))
        own = make_url(db_url).database
        drop_database(server, own)
        create_database(server, own, template=templates[key])
        return db_url

    return copy


@pytest.fixture
def engine(db_url):
    from tracker.db.engine import make_engine

    eng = make_engine(db_url)
    yield eng
    eng.dispose()


@pytest.fixture
def session_factory(engine):
    from tracker.db.engine import make_sessionmaker

    return make_sessionmaker(engine)


@pytest.fixture
def session(session_factory):
    with session_factory() as s:
        yield s


@pytest.fixture
def seeds_dir(tmp_path):
    """A copy of seeds/ (with its manifest.csv), so a test may add files beside them."""
    import shutil
    from pathlib import Path

    target = tmp_path / "seeds"
    shutil.copytree(Path(__file__).resolve().parents[1] / "seeds", target)
    return target


# ---------------------------------------------------------------- the fast run
# `python -m pytest -q -m "not slow"` is the daily run; `.ci/run` (no -m) runs everything.
# Slow: whole directories of real servers killed and real browsers; the PostgreSQL half of every
# database test (a fresh database copied from the template costs each test about a second: the
# daily run reads SQLite, CI both); and the tests named below (load-shaped, big inputs, subprocesses
# that build wheels or serve) that `--durations` showed to take seconds.
# A name without ``::`` is a whole file. tests/test_markers.py checks every name still names a test.
SLOW_DIRECTORIES = ("faults", "browser")
SLOW_TESTS = {
    # load-shaped: many requests, many cases, real server processes
    "security/test_api_fuzz.py::test_every_operation_as_every_role_holds_its_schema_and_never_fails",
    "security/test_shared_throttle.py::test_two_server_processes_count_failed_logins_together_in_redis",
    "security/test_shared_throttle.py::test_with_the_default_memory_store_each_process_keeps_its_own_count",
    "security/test_csp_in_browser.py::test_pages_work_under_the_policy_and_cannot_be_framed",
    "badinput/test_fuzz.py::test_fuzz",
    # big inputs (50 MB on one line, a million characters)
    "badinput/test_bad_files.py::test_fifty_megabytes_on_one_line_is_refused_by_the_document_bound",
    "badinput/test_bad_files.py::test_two_megabytes_on_one_line_is_read_whole",
    "badinput/test_bad_files.py::test_a_file_beyond_the_pledge_bound_is_refused_and_leaves_nothing",
    "badinput/test_big_documents.py::test_a_document_at_the_bounds_is_ingested_in_bounded_memory_and_served_in_parts",
    "badinput/test_big_documents.py::test_a_dense_million_characters_beyond_the_pledge_bound_is_refused_in_bounded_memory",
    # subprocesses that serve, build a wheel, or run the whole command line many times
    "cli/test_serve.py::test_demo_migrates_ingests_seeds_creates_logins_and_serves_twice",
    "cli/test_serve.py::test_demo_honours_database_url",
    "cli/test_serve.py::test_serve_runs_worker_processes_that_answer_and_stop_together",
    "cli/test_db.py::test_a_wheel_install_finds_its_migrations_outside_the_checkout",
    "cli/test_followup_cli.py::test_prints_one_json_object_per_pledge_with_its_outcome",
    "cli/test_export_cli.py::test_as_of_exports_equal_the_list_as_it_was_each_day_of_a_scripted_history",
    "cli/test_start_up.py::test_changed_demo_accounts_are_reset_only_when_someone_says_yes",
    "extract/test_deadlines.py::test_any_text_spans_are_valid",
    # every case of the view checked in SQL against the Python rules: seconds of setup a test
    "services/test_tables_sql.py",
    "services/test_search.py::test_the_index_answers_every_query_as_the_substring_scan_does",
    "services/test_as_of.py::test_the_list_as_of_each_day_is_the_list_as_it_was_that_day",
    # the command line as a subprocess, once or many times a test
    "cli/test_extract_cli.py",
    "cli/test_followup_cli.py",
    "security/test_ingest_links.py::test_a_link_given_on_the_command_line_is_not_followed_and_the_cli_says_why",
    "extract/test_people.py::test_a_user_extends_the_district_lexicon_without_touching_code",
    # corpora of bad files, every page and export, throttling windows waited out, sessions of real servers
    "badinput/test_bad_files.py::test_every_refused_file_gets_its_reason_and_leaves_nothing",
    "badinput/test_bad_files.py::test_every_common_chinese_encoding_reads_to_the_same_text",
    "web/test_vocabulary.py::test_no_code_name_on_any_page_or_export",
    "web/test_publish.py::test_the_published_site_has_no_broken_link_and_is_rewritten_only_where_the_data_changed",
    "web/test_queries.py::test_queries_per_page_do_not_grow_with_rows",
    "web/test_server_process.py::test_the_wsgi_entry_point_builds_the_app_and_freezes_what_lives_as_long_as_the_process",
    "web/test_review.py::test_two_editors_never_get_the_same_pledge",
    "security/test_sessions.py::test_a_role_change_a_deactivation_and_a_password_reset_end_every_session",
    "security/test_sessions.py::test_logout_ends_every_session_of_the_user_a_copied_cookie_included",
    "security/test_headers_and_logins.py::test_login_is_throttled_per_name_and_per_address",
    "security/test_headers_and_logins.py::test_a_throttled_name_may_try_again_once_the_window_has_passed",
}


def slow_name(item) -> str:
    """``dir/file.py::function`` of a collected test, its parameters left off."""
    from pathlib import Path

    path = Path(str(item.fspath)).resolve().relative_to(Path(__file__).resolve().parent)
    return f"{path.as_posix()}::{item.originalname if hasattr(item, 'originalname') else item.name}"


def pytest_collection_modifyitems(config, items):
    for item in items:
        name = slow_name(item)
        on_postgresql = getattr(getattr(item, "callspec", None), "params", {}).get("backend") == "postgresql"
        slow = name in SLOW_TESTS or name.split("::")[0] in SLOW_TESTS or name.split("/", 1)[0] in SLOW_DIRECTORIES
        if slow or on_postgresql:
            item.add_marker(pytest.mark.slow)
