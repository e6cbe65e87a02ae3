"""A ``tracker`` command that serves HTTP, run in a subprocess on a free loopback port until it
answers: ``tracker demo`` in the newcomer's tests, ``tracker serve`` in the fault tests."""
from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

TRACKER = [sys.executable, "-c", "from tracker.cli import main; main()"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class TrackerProcess:
    """``tracker ARGS --port P`` in ``cwd``, its output in a log file beside it; waits (bounded by
    ``timeout`` seconds) until ``ready_path`` answers 200, and fails with the log if it exits first."""

    def __init__(self, args: list[str], cwd: Path, env: dict, *, timeout: float, ready_path: str) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = cwd / f"{args[0]}-{self.port}.log"
        with self.log.open("w") as log:  # the child keeps its own copy of the descriptor
            self.proc = subprocess.Popen([*TRACKER, *args, "--port", str(self.port)], cwd=cwd, env=env,
                                         stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise AssertionError(f"{args[0]} exited {self.proc.returncode}:\n{self.output}")
            try:
                with urllib.request.urlopen(self.base + ready_path, timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise AssertionError(f"{args[0]} did not answer in {timeout} s:\n{self.output}")

    @property
    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(10)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
