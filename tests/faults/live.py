"""A real ``tracker serve`` (waitress) in a subprocess on a free loopback port, and a small HTTP
client with its own cookie jar that logs in through the login form and posts JSON with the
CSRF token. Used by the concurrency and fault tests; no mocks, only 127.0.0.1."""
from __future__ import annotations

import datetime as dt
import http.cookiejar
import json
import os
import re
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from pathlib import Path

import pytest
import sqlalchemy as sa

from tests.processes import TRACKER, TrackerProcess, free_port  # noqa: F401 (the fault and security tests take these from here)

PASSWORD = "faults-password-1"
SECRET = "faults-secret-key-7f3a9c1e5b2d8046a1c9e7b3f5d20864"  # strong enough for the key check (zxcvbn)


def tracker_env(db_url: str, **extra: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "TRACKER_INSTANCE")}
    env.update(DATABASE_URL=db_url, SECRET_KEY=SECRET, PYTHONWARNINGS="error::DeprecationWarning")
    env.update(extra)
    return env


class Server(TrackerProcess):
    """``tracker serve`` on ``db_url``, one process unless ``workers`` says more (what these tests
    prove is about one process: its throttle store, its connection pool); waits (bounded) until it
    answers; ``kill()`` is SIGKILL."""

    def __init__(self, db_url: str, cwd: Path, threads: int = 8, env: dict | None = None,
                 timeout: float = 60, workers: int = 1) -> None:
        super().__init__(["serve", "--threads", str(threads), "--workers", str(workers)], cwd,
                         {**tracker_env(db_url), **(env or {})}, timeout=timeout, ready_path="/login")


class Client:
    """One person's browser: a cookie jar, a login, JSON posts with the CSRF header."""

    def __init__(self, base: str, timeout: float = 30) -> None:
        self.base = base
        self.timeout = timeout
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        self.token: str | None = None

    def request(self, path: str, data: bytes | None = None, headers: dict | None = None) -> tuple[int, bytes, dict]:
        req = urllib.request.Request(self.base + path, data=data, headers=headers or {})
        try:
            with self.opener.open(req, timeout=self.timeout) as response:
                return response.status, response.read(), dict(response.headers)
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read(), dict(exc.headers)

    def login(self, name: str, password: str = PASSWORD) -> None:
        status, body, _ = self.request("/login")
        assert status == 200, body[:500]
        token = re.search(rb'name="csrf_token" type="hidden" value="([^"]+)"', body).group(1).decode()
        form = urllib.parse.urlencode({"csrf_token": token, "name": name, "password": password}).encode()
        status, body, _ = self.request("/login", form)
        assert status == 200 and "欢迎".encode() in body, (status, body[:500])
        status, body, _ = self.request("/api/csrf")
        self.token = json.loads(body)["csrf_token"]

    def get_json(self, path: str) -> tuple[int, dict]:
        status, body, _ = self.request(path, headers={"Accept": "application/json"})
        return status, json.loads(body) if body else {}

    def post_json(self, path: str, payload: dict) -> tuple[int, dict]:
        status, body, _ = self.request(path, json.dumps(payload).encode(),
                                       {"Content-Type": "application/json", "X-CSRFToken": self.token or ""})
        try:
            return status, json.loads(body)
        except ValueError:
            return status, {"raw": body.decode("utf-8", "replace")}


def seed_pledges(db_url: str, count: int, editors: list[str], others: dict | None = None) -> list[int]:
    """One document holding ``count`` pending pledges (one quantity each: ``i`` 所), and an
    editor account per name in ``editors`` (plus ``others`` {name: role}); returns the pledge ids."""
    from tracker.db.engine import make_engine, make_sessionmaker
    from tracker.db.enums import DocumentFormat, PledgeOrigin, QuantityRole
    from tracker.db.models import Document, Pledge, Quantity
    from tracker.reading import sha256_text
    from tracker.services import users

    sentences = [f"今年新建幼儿园{i}所。" for i in range(1, count + 1)]
    text = "".join(sentences)
    engine = make_engine(db_url)
    try:
        with make_sessionmaker(engine)() as session:
            doc = Document(title="并发测试", file_name="concurrency.txt", format=DocumentFormat.TEXT,
                           published_on=dt.date(2021, 1, 15), text=text, sha256=sha256_text(text),
                           raw_sha256=sha256_text(text), encoding="utf-8", extractor_version="test")
            session.add(doc)
            session.flush()
            ids = []
            offset = 0
            for i, sentence in enumerate(sentences, 1):
                quote = sentence[:-1]
                raw = f"{i}所"
                q_start = offset + quote.index(raw)
                pledge = Pledge(document_id=doc.id, origin=PledgeOrigin.MACHINE, start=offset,
                                end=offset + len(quote), quote=quote, object="幼儿园", confidence=0.9)
                pledge.quantities.append(Quantity(position=0, value=str(i), unit="所", raw=raw,
                                                  role=QuantityRole.COUNT, start=q_start, end=q_start + len(raw)))
                session.add(pledge)
                session.flush()
                ids.append(pledge.id)
                offset += len(sentence)
            for name in editors:
                users.create_user(session, name, PASSWORD, "editor")
            for name, role in (others or {}).items():
                users.create_user(session, name, PASSWORD, role)
            session.commit()
            return ids
    finally:
        engine.dispose()


# --- a corpus to ingest and the check that a database holds only whole documents (test_kill, test_ingest_while_deciding) ---

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
DOCUMENTS = 300  # several of ingest's batches (it may commit many documents at once)


def make_corpus(folder: Path, documents: int = DOCUMENTS) -> Path:
    """Distinct articles: the seed texts, each copy with its own closing line (so its own sha256)."""
    folder.mkdir()
    texts = sorted(SEEDS.glob("*.txt"))
    for i in range(documents):
        body = texts[i % len(texts)].read_text(encoding="utf-8")
        (folder / f"{i:03d}.txt").write_text(f"{body}\n（本文第 {i} 份副本）\n", encoding="utf-8")
    return folder


def count(conn, table: str) -> int:
    return conn.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar_one()


def assert_consistent(db_url: str, seeded: frozenset[int] = frozenset()) -> int:
    """Every document whole (its ingest event, as many candidates as that event says, one pledge
    per candidate); no pledge, candidate or event pointing at a missing row. Returns the documents
    ingested. ``seeded``: documents a test wrote itself (seed_pledges), with no ingest behind them."""
    from tracker.db.engine import make_engine

    engine = make_engine(db_url)
    try:
        with engine.connect() as conn:
            docs = set(conn.execute(sa.text("SELECT id FROM document")).scalars()) - seeded
            events = conn.execute(sa.text("SELECT entity_id, new FROM audit_event "
                                          "WHERE entity = 'document' AND action = 'ingest'")).all()
            candidates = Counter(conn.execute(sa.text("SELECT document_id FROM candidate")).scalars())
            pledges = Counter(conn.execute(sa.text("SELECT document_id FROM pledge")).scalars())
            orphans = conn.execute(sa.text(
                "SELECT count(*) FROM pledge p LEFT JOIN document d ON d.id = p.document_id WHERE d.id IS NULL"
            )).scalar_one()
            unpaired = conn.execute(sa.text(
                "SELECT count(*) FROM candidate c LEFT JOIN pledge p ON p.candidate_id = c.id WHERE p.id IS NULL"
            )).scalar_one()
            quantity_orphans = conn.execute(sa.text(
                "SELECT count(*) FROM quantity q LEFT JOIN pledge p ON p.id = q.pledge_id WHERE p.id IS NULL"
            )).scalar_one()
    finally:
        engine.dispose()
    assert orphans == 0 and unpaired == 0 and quantity_orphans == 0
    by_doc = {doc_id: (new if isinstance(new, dict) else json.loads(new)) for doc_id, new in events}
    assert set(by_doc) == docs  # an event for every document, no event without its document
    for doc_id in docs:
        assert candidates[doc_id] == by_doc[doc_id]["candidates"] == pledges[doc_id], doc_id
    assert set(pledges) <= docs | seeded
    return len(docs)


# --- fixtures shared by tests/security and tests/badinput (imported into their conftest.py) ---

ROLES = {"reader": "reader", "reviewer": "reviewer", "admin": "admin"}


@pytest.fixture(params=["sqlite"])
def backend(request) -> str:
    return request.param


@pytest.fixture
def seeded(seeded_copy) -> str:
    """A real database with 50 pledges, an editor and one account per other role (a copy of a
    database seeded once per session)."""
    return seeded_copy("live", lambda url: seed_pledges(url, 50, ["editor"], ROLES))
