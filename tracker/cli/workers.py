"""gunicorn's threaded worker, with new connections dealt evenly among the workers (``tracker serve``).

A kept-alive connection stays with the worker that accepted it. With one shared listening socket the
worker that won the accept race kept most of a burst (bench/load.sh's 32 connections: 25-27 + 5-7);
with a socket a worker (SO_REUSEPORT) the kernel deals them by a hash of their addresses, so the split
is a coin toss a connection (16-21 + 11-16 at 32). The worker holding more connections answers each
of them more slowly: the cores are shared evenly, its queue is longer.

``BalancedThreadWorker`` keeps one shared socket and accepts a connection only while it holds no more
than any other live worker (``may_accept``): the counts never differ by more than the connections in
flight while two workers accept at once. No client is turned away or parked: the worker holding the
fewest connections always accepts (a gated worker's listener is unregistered from its poller, the
least loaded one's registered), a worker that stops answering (its loop writes a heartbeat at least
once a second) no longer counts, and a small thread wakes a gated worker's loop within
``WATCH_SECONDS`` once it may accept again. The counts, a heartbeat and the pid of each worker live in
shared memory the master makes before the fork (``setup``).

It needs gunicorn's event loop that re-reads ``worker_connections`` on every turn and registers or
unregisters its listeners (``ThreadWorker.set_accept_enabled``, gunicorn 24 on); ``usable()`` says
whether the installed gunicorn has it, and ``tracker serve`` falls back to gthread with ``reuse_port``
when not.
"""
from __future__ import annotations

import multiprocessing
import os
import threading
import time

from gunicorn.workers.gthread import ThreadWorker

#: workers that take part (more share no memory and accept as gthread does)
SLOTS = 64
#: a worker whose loop wrote no heartbeat for this long is not counted (its loop turns at least once a second)
STALE_SECONDS = 3.0
#: how often a gated worker's watcher looks whether it may accept again
WATCH_SECONDS = 0.01

# slot i: [pid, connections held, heartbeat (time.monotonic(): one clock for the whole machine)]
_shared = None


def usable() -> bool:
    """The installed gunicorn's gthread worker has the event loop this class relies on."""
    return hasattr(ThreadWorker, "set_accept_enabled")


class BalancedThreadWorker(ThreadWorker):
    """gunicorn's gthread worker that accepts only while it holds no more connections than any other."""

    @classmethod
    def setup(cls):
        """In the master, before any worker is forked (gunicorn calls it when it loads the class)."""
        global _shared
        if _shared is None:
            _shared = multiprocessing.RawArray("d", SLOTS * 3)

    def __init__(self, *args, **kwargs):
        self._cap = 0
        self._slot = None
        super().__init__(*args, **kwargs)

    # gthread's loop asks ``nr_conns < worker_connections`` on every turn to register or unregister its
    # listeners: the cap is the configured one while this worker may accept, else 0
    @property
    def worker_connections(self) -> int:
        if self._slot is None:
            return self._cap
        now = time.monotonic()
        base = self._slot * 3
        _shared[base + 1] = self.nr_conns
        _shared[base + 2] = now
        return self._cap if self.may_accept(now) else 0

    @worker_connections.setter
    def worker_connections(self, value: int) -> None:
        self._cap = value

    def may_accept(self, now: float) -> bool:
        """No other live worker holds fewer connections than this one."""
        mine = self.nr_conns
        for slot in range(SLOTS):
            if slot == self._slot:
                continue
            base = slot * 3
            pid, held, beat = _shared[base], _shared[base + 1], _shared[base + 2]
            if pid and now - beat < STALE_SECONDS and held < mine:
                return False
        return True

    def takes_part(self) -> bool:
        """Shared memory made, and one shared socket: with a socket a worker (``reuse_port``) a gated worker's
        own socket would keep the connections the kernel dealt it waiting, so there each accepts as gthread."""
        return _shared is not None and not self.cfg.reuse_port

    def init_process(self):
        if self.takes_part():
            self._slot = self._claim_slot()
        super().init_process()

    def _claim_slot(self) -> int | None:
        """This worker's slot: its age's, unless a live worker holds it, then any stale one."""
        now = time.monotonic()
        first = (self.age - 1) % SLOTS
        for slot in [first] + [s for s in range(SLOTS) if s != first]:
            base = slot * 3
            if not _shared[base] or now - _shared[base + 2] >= STALE_SECONDS:
                _shared[base], _shared[base + 1], _shared[base + 2] = os.getpid(), 0, now
                return slot
        return None  # more live workers than slots: this one accepts as gthread does

    def run(self):
        if self._slot is not None:
            threading.Thread(target=self._watch, name="tracker-accept-watch", daemon=True).start()
        try:
            super().run()
        finally:
            if self._slot is not None:
                _shared[self._slot * 3] = 0  # gone: no longer counted

    def _watch(self) -> None:
        """Wake the loop (blocked in its poller up to a second) when whether it may accept has changed."""
        while self.alive:
            time.sleep(WATCH_SECONDS)
            wanted = self.nr_conns < self._cap and self.may_accept(time.monotonic())
            if wanted != self._accepting:
                self.method_queue.defer(lambda: None)
