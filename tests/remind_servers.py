"""Real servers on loopback for the 催办 tests: an SMTP server (aiosmtpd) that keeps what it
receives, and an HTTP server that answers as the group robots do (企业微信 / 钉钉 return
``{"errcode": 0, "errmsg": "ok"}``; 钉钉 checks the 加签 signature against its secret).

Import the fixtures into a test module: ``from remind_servers import smtp_server, webhook_server``.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import json
import socket
import threading
from email import message_from_bytes, policy
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest

DINGTALK_SECRET = "SEC0123456789abcdef"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Mailbox:
    def __init__(self) -> None:
        self.messages = []  # (envelope recipients, parsed message)

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((list(envelope.rcpt_tos), message_from_bytes(envelope.content, policy=policy.default)))
        return "250 Message accepted for delivery"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.startswith("refuse"):
            return "550 no such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"


@pytest.fixture
def smtp_server():
    """(host, port, mailbox) of an SMTP server on loopback."""
    from aiosmtpd.controller import Controller

    box = Mailbox()
    port = free_port()
    controller = Controller(box, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield "127.0.0.1", port, box
    finally:
        controller.stop()


class Robots:
    def __init__(self) -> None:
        self.requests = []  # (path, query, headers, json body)


def _handler(robots: Robots):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):  # quiet
            pass

        def do_POST(self):
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length)
            parts = urlsplit(self.path)
            query = {k: v[0] for k, v in parse_qs(parts.query).items()}
            try:
                body = json.loads(raw.decode("utf-8"))
            except ValueError:
                body = None
            robots.requests.append((parts.path, query, dict(self.headers), body))
            if parts.path == "/broken":
                self.send_response(500)
                self.end_headers()
                return
            answer = {"errcode": 0, "errmsg": "ok"}
            if parts.path.startswith("/dingtalk"):
                expected = base64.b64encode(hmac.new(DINGTALK_SECRET.encode(),
                                                     f"{query.get('timestamp')}\n{DINGTALK_SECRET}".encode(),
                                                     hashlib.sha256).digest()).decode()
                if query.get("sign") != expected:
                    answer = {"errcode": 310000, "errmsg": "sign not match"}
            if not isinstance(body, dict) or ("msgtype" not in body and parts.path != "/json"):
                answer = {"errcode": 40008, "errmsg": "invalid message type"}
            data = json.dumps(answer).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    return Handler


@pytest.fixture
def webhook_server():
    """(base URL, robots) of an HTTP server on loopback answering as the group robots do."""
    robots = Robots()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(robots))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", robots
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
