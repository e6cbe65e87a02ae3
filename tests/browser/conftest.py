"""The browser tests: Debian's chromium driven by Playwright against the app on waitress.

They skip, saying why, only when /usr/bin/chromium is absent (``.ci/run`` installs it).
Screenshots go to tests/artifacts/ (ignored by git) for a person to look at.
"""
from __future__ import annotations

import os
import socket
import threading
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


@pytest.fixture(params=["sqlite"])
def backend(request) -> str:
    return request.param


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


KEY = "browser-test-secret-key-0123456789abcdef"


@pytest.fixture
def serve_app(db_url, tmp_path):
    """Start the app on the test database, served by waitress in a thread: ``serve_app(prepare=None,
    **settings)`` returns the base URL (``prepare(app)`` runs before serving); stopped at the test's end."""
    from waitress import create_server

    from tracker.web import create_app

    running = []

    def start(prepare=None, **settings) -> str:
        app = create_app({"DATABASE_URL": db_url, "SECRET_KEY": KEY, "UPLOAD_FOLDER": str(tmp_path / "uploads"),
                          **settings})
        if prepare is not None:
            prepare(app)
        server = create_server(app, host="127.0.0.1", port=free_port(), threads=4)
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        running.append((server, thread, app))
        return f"http://127.0.0.1:{server.effective_port}"

    try:
        yield start
    finally:
        for server, thread, app in running:
            server.close()
            thread.join(5)
            app.extensions["tracker.engine"].dispose()


@pytest.fixture
def live_server(serve_app):
    """The demo's database (seeds/ ingested, demo accounts) served by waitress in a thread; yields the base URL."""
    from tracker.cli.serve import prepare_demo

    return serve_app(prepare=prepare_demo)


@pytest.fixture
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"{CHROMIUM} is absent: install Debian's chromium (apt-get install chromium) to run browser tests")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
