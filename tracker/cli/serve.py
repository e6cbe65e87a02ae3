"""``tracker serve``, ``tracker demo`` and ``tracker user add``: the web app (gunicorn worker processes
on POSIX, waitress on Windows or with ``--workers 1``), and accounts."""
from __future__ import annotations

import errno
import gc
import os
import socket
import sys
from pathlib import Path

import click

from tracker.cli import words

DEMO_USERS = (  # name, password, role
    ("editor", "editor-demo", "editor"),
    ("reviewer", "reviewer-demo", "reviewer"),
    ("admin", "admin-demo", "admin"),
)
ROLES = ("reader", "editor", "reviewer", "admin")


def _app(generate_secret_key: bool = False):
    """The web app; a missing or weak SECRET_KEY is a one-line error, not a traceback."""
    from tracker.web import create_app  # lazy: keeps tracker --help fast
    from tracker.web.security import InsecureConfig

    try:
        app = create_app(generate_secret_key=generate_secret_key)
    except InsecureConfig as exc:
        raise click.ClickException(str(exc)) from None
    if app.testing:  # create_app takes TESTING from its caller only; a serving process never has it
        raise click.ClickException("测试模式下不提供服务（TESTING 只供测试夹具使用）")
    return app


def _check_port(host: str, port: int) -> None:
    """Bind ``host:port`` as waitress will (SO_REUSEADDR) and let it go again; raises OSError when taken."""
    for family, kind, proto, _, address in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM):
        with socket.socket(family, kind, proto) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind(address)
        return


def _freeze() -> None:
    """What is alive once the app is built lives as long as the process, so it leaves the cyclic
    collector's sight (``gc.freeze``, as in ``tracker.web.wsgi``): full collections during large
    pages then scan only their own objects. Before a fork, the frozen objects also stay shared."""
    gc.collect()
    gc.freeze()


def _port_free(host: str, port: int) -> None:
    """Refuse a port that is taken with one Chinese line (before any server binds it: a failed bind
    inside waitress leaves its sockets open, and gunicorn retries for seconds)."""
    try:
        _check_port(host, port)
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise click.ClickException(f"端口 {port} 已被占用（另一个程序正在用它）：请换一个端口，例如 --port {port + 1}") \
                from None
        if exc.errno == errno.EACCES:
            raise click.ClickException(f"无权使用端口 {port}：请换一个 1024 以上的端口，例如 --port 5000") from None
        raise click.ClickException(f"无法在 {host}:{port} 上启动：{exc.strerror or exc}") from None


def _serve(app, host: str, port: int, threads: int = 4) -> None:
    """Serve ``app`` on waitress: one process (one core under the GIL), ``threads`` threads."""
    from waitress import create_server  # lazy: keeps tracker --help fast

    _port_free(host, port)
    try:
        server = create_server(app, host=host, port=port, threads=threads, ident="tracker")
    except OSError as exc:
        raise click.ClickException(f"无法在 {host}:{port} 上启动：{exc.strerror or exc}") from None
    _freeze()
    server.run()


def core_count() -> int:
    """The cores this process may run on (the default number of worker processes)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


#: ``tracker serve``'s worker class (tracker/cli/workers.py), when the installed gunicorn allows it
BALANCED_WORKER = "tracker.cli.workers.BalancedThreadWorker"


#: seconds a gunicorn worker keeps an idle connection open for its next request: none since 2026-12-05 (branch
#: load20; gunicorn's default is 2). A kept connection's next request can only wait for the worker that holds it,
#: even while the other has a thread free; closed after each response, a client's next request comes on a new
#: connection that the worker with the fewest in hand accepts (``BalancedThreadWorker``). bench/load.sh in five
#: turns against 2 s: p99 lower in all five (median 362 against 464 ms), requests a second as high or higher
#: (docs/operations.md). Behind a reverse proxy the cost is a loopback connection a request
KEEP_ALIVE = 0


def gunicorn_settings(host: str, port: int, workers: int, threads: int, keep_alive: int = KEEP_ALIVE) -> dict:
    """gunicorn's configuration for ``tracker serve``. A kept-alive connection stays with the worker that
    accepted it, so how a burst of connections is dealt decides each worker's queue. With one shared
    socket and gunicorn's gthread the worker that won the accept race kept most (bench/load.sh's 32:
    25-27 + 5-7 in five runs of six); with a socket a worker (``reuse_port``, SO_REUSEPORT) the kernel
    deals them by a hash of their addresses (16-21 + 11-16). ``tracker.cli.workers.BalancedThreadWorker``
    keeps one socket and lets a worker accept only while it holds no more connections than any other live
    one (no cap: the least loaded worker always accepts), so 32 split 16 + 16 (docs/measuring.md, load18).
    Where the installed gunicorn lacks the event loop it needs (``workers.usable``; or on Windows, where
    gunicorn does not run), gthread with ``reuse_port`` on Linux as before (not on other systems: macOS
    and the BSDs do not spread connections over SO_REUSEPORT sockets).

    ``keep_alive`` 0 closes each connection after its response: a client's next request comes on a new
    connection, which the worker holding the fewest (so the fewest requests in hand) accepts, instead of
    waiting behind its connection's worker while the other has a thread free (docs/operations.md)."""
    balanced = _balanced_usable()
    return {"bind": f"{host}:{port}", "workers": workers, "threads": threads,
            "worker_class": BALANCED_WORKER if balanced else "gthread", "timeout": 120, "graceful_timeout": 20,
            "keepalive": keep_alive, "accesslog": None, "errorlog": "-", "loglevel": "info",
            "proc_name": "tracker", "preload_app": True,
            "reuse_port": not balanced and sys.platform.startswith("linux")}


def _balanced_usable() -> bool:
    try:
        from tracker.cli import workers
    except ImportError:  # no gunicorn (Windows)
        return False
    return workers.usable()


def gunicorn_server(app, host: str, port: int, workers: int, threads: int, keep_alive: int = KEEP_ALIVE):
    """A gunicorn application serving ``app`` with ``gunicorn_settings`` (its ``cfg`` is set; ``run()``
    serves)."""
    from gunicorn.app.base import BaseApplication  # lazy: keeps tracker --help fast

    class Server(BaseApplication):
        def load_config(self):
            for key, value in gunicorn_settings(host, port, workers, threads, keep_alive).items():
                self.cfg.set(key, value)

        def load(self):
            return app

    return Server()


def _serve_workers(app, host: str, port: int, workers: int, threads: int, keep_alive: int = KEEP_ALIVE) -> None:
    """Serve ``app`` on gunicorn: ``workers`` processes forked from this one (the app built and frozen
    once, before the fork; the connection pool emptied, so no worker inherits a connection), each
    with ``threads`` threads. Access lines and errors go to stderr, as waitress's do."""
    app.extensions["tracker.engine"].dispose()
    _freeze()
    gunicorn_server(app, host, port, workers, threads, keep_alive).run()


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="监听的地址。")
@click.option("--port", default=5000, show_default=True, type=int, help="监听的端口。")
@click.option("--threads", default=4, show_default=True, type=int, help="每个进程处理请求的线程数。")
@click.option("--workers", type=click.IntRange(min=1), default=None, metavar="整数",
              help="服务进程数（gunicorn）；默认等于处理器核数；1 表示单个 waitress 进程。")
@click.option("--keep-alive", "keep_alive", type=click.IntRange(min=0), default=KEEP_ALIVE, show_default=True,
              metavar="秒数", help="连接空闲时保持的秒数（gunicorn）；0 表示每个响应后关闭连接，"
                                  "下一个请求交给手头请求最少的进程。")
def serve(host: str, port: int, threads: int, workers: int | None, keep_alive: int) -> None:
    """运行网页工作台（数据库须已迁移：tracker db upgrade）：Linux 与 macOS 上用 gunicorn，每核一个工作进程；
    Windows 上或 --workers 1 时用 waitress。

    需要 SECRET_KEY（环境变量或 instance/config.py）：一个足够长的随机值。
    """
    from tracker.db import migrate  # lazy: keeps tracker --help fast
    from tracker.db.engine import redacted

    app = _app()
    url = app.config["DATABASE_URL"]
    current, head = migrate.current_revision(url), migrate.head_revision()
    if current != head:
        raise click.ClickException(f"数据库 {redacted(url)} 的版本是 {current or 'base'}，不是最新的 {head}："
                                   "请先运行 tracker db upgrade")
    workers = workers or core_count()
    if workers > 1 and sys.platform == "win32":
        click.echo("tracker serve：Windows 上只用一个进程（waitress）；--workers 需要 gunicorn（POSIX）", err=True)
        workers = 1
    how = f"{workers} 个进程 × {threads} 个线程（gunicorn）" if workers > 1 else f"{threads} 个线程（waitress）"
    click.echo(f"tracker serve：http://{host}:{port}/  （数据库 {redacted(url)}；{how}）", err=True)
    if workers > 1:
        _port_free(host, port)
        _serve_workers(app, host, port, workers, threads, keep_alive)
    else:
        _serve(app, host, port, threads)


def seeds_dir() -> Path | None:
    """``seeds/`` in the current directory, else beside the package (a checkout)."""
    import tracker  # the package's own folder (the name ``tracker`` is this module's command too)

    for candidate in (Path.cwd() / "seeds", Path(tracker.__file__).resolve().parent.parent / "seeds"):
        if candidate.is_dir():
            return candidate
    return None


def prepare_demo(app, reset=None, create=None) -> tuple[str, object]:
    """Migrate, ingest seeds/ and create the demo accounts (idempotent); returns (url, ingest summary).

    A demo account someone changed since (its password, role or being disabled) is reset only when
    ``reset(names)`` answers yes: an editor's own password is not put back silently. On a database
    tracker demo did not make (it holds other accounts), the missing demo accounts, whose passwords
    everyone knows, are created only when ``create(names)`` answers yes."""
    from tracker.db import migrate  # lazy: keeps tracker --help fast
    from tracker.db.engine import make_engine, make_sessionmaker
    from tracker.db.unit import unit_of_work
    from tracker.services import users
    from tracker.services.ingest import ingest_paths

    url = app.config["DATABASE_URL"]
    migrate.upgrade(url)
    engine = make_engine(url)
    try:
        factory = make_sessionmaker(engine)
        seeds = seeds_dir()
        summary = ingest_paths(factory, [seeds]) if seeds is not None else None
        with factory() as session, unit_of_work(session):
            names = [name for name, _, _ in DEMO_USERS]
            changed = [name for name, password, role in DEMO_USERS
                       if users.differs(session, name, password, role)]
            missing = [name for name in names if users.find_user(session, name) is None]
            foreign = users.others_exist(session, names)
            do_reset = bool(changed) and reset is not None and reset(changed)
            do_create = not (foreign and missing) or (create is not None and create(missing))
            for name, password, role in DEMO_USERS:
                if name in missing and not do_create or name in changed and not do_reset:
                    continue
                users.ensure_user(session, name, password, role)
    finally:
        engine.dispose()
    return url, summary


def _answer(question: str, refused: str) -> bool:
    """Ask ``question`` (default no); without a terminal to answer, say ``refused`` and answer no."""
    if not sys.stdin.isatty():
        click.echo(f"{refused}：没有可以回答的终端。要这样做，请在终端里运行 tracker demo 并回答 y。")
        return False
    return click.confirm(question, default=False)


def _ask_reset(names: list[str]) -> bool:
    """Ask before resetting changed demo accounts; without a terminal to answer, do not (and say so)."""
    listed = "、".join(names)
    return _answer(f"演示账号 {listed} 已被改过（密码、角色或停用）。重置为演示设置吗？",
                   f"演示账号 {listed} 已被改过（密码、角色或停用），未重置")


def _ask_create(names: list[str]) -> bool:
    """Ask before adding the demo accounts (known passwords) to a database with other accounts."""
    listed = "、".join(names)
    return _answer(f"这个数据库里已有其他账号，不是 tracker demo 建立的。要在其中建立密码公开的演示账号 {listed} 吗？",
                   f"这个数据库里已有其他账号，未建立密码公开的演示账号 {listed}")


@click.command()
@click.option("--port", default=5000, show_default=True, type=int, help="监听的端口。")
def demo(port: int) -> None:
    """给新用户演示：迁移数据库、导入 seeds/、建立演示账号，在 127.0.0.1 上运行。

    设置了 $DATABASE_URL 就用它，否则用 instance/tracker.sqlite3。可以反复运行。
    没有 SECRET_KEY 时生成一个，存入 instance/secret_key（仅限演示）。演示账号被改过时，
    先询问再重置。
    """
    from tracker import glossary  # lazy: keeps tracker --help fast
    from tracker.db.engine import redacted
    from tracker.db.enums import UserRole

    app = _app(generate_secret_key=True)
    _port_free("127.0.0.1", port)  # before anything is migrated, ingested or asked
    declined: list[str] = []

    def asked(question):
        def ask(names):
            yes = question(names)
            declined.extend([] if yes else names)
            return yes
        return ask

    url, summary = prepare_demo(app, reset=asked(_ask_reset), create=asked(_ask_create))
    out = click.echo
    out(f"数据库：{redacted(url)}")
    if app.config.get("SECRET_KEY_FILE"):
        out(f"密钥：{app.config['SECRET_KEY_FILE']}（仅为演示生成；tracker serve 需要设置 SECRET_KEY）")
    if summary is None:
        out("没有找到 seeds/ 文件夹：没有导入文档")
    else:
        out(f"样例 seeds/：{words.ingest_summary(summary)}")
    out("演示账号（用户名 / 密码 / 角色）：")
    for name, password, role in DEMO_USERS:
        shown = "（未建立或未重置）" if name in declined else password
        out(f"  {name:<9} {shown:<14} {glossary.label(UserRole(role))}")
    out(f"\n打开：http://127.0.0.1:{port}/   （按 Ctrl+C 停止）")
    sys.stdout.flush()
    _serve(app, "127.0.0.1", port)


@click.group()
def user() -> None:
    """管理账号。"""


@user.command("add")
@click.argument("name")
@click.option("--role", type=click.Choice(ROLES), default="reader", show_default=True,
              help="角色：reader 读者，editor 编辑，reviewer 评议员，admin 管理员。")
@click.option("--password", envvar="TRACKER_NEW_PASSWORD",
              help="密码（不给则询问；也可设 TRACKER_NEW_PASSWORD）。")
def user_add(name: str, role: str, password: str | None) -> None:
    """新建账号：tracker user add 姓名 --role editor。"""
    from tracker.db import migrate  # lazy: keeps tracker --help fast
    from tracker.db.engine import make_engine, make_sessionmaker, redacted
    from tracker.db.unit import unit_of_work
    from tracker.services import users
    from tracker.services.errors import ServiceError

    if not password:
        password = click.prompt("密码", hide_input=True, confirmation_prompt=True)
    from tracker.web import load_config  # lazy: keeps tracker --help fast

    url = load_config()["DATABASE_URL"]
    if migrate.current_revision(url) != migrate.head_revision():
        raise click.ClickException(f"数据库 {redacted(url)} 尚未迁移：请先运行 tracker db upgrade")
    engine = make_engine(url)
    factory = make_sessionmaker(engine)
    try:
        with factory() as session:
            try:
                with unit_of_work(session):
                    created = users.create_user(session, name, password, role)
            except ServiceError as exc:
                raise click.ClickException(str(exc)) from None
            click.echo(f"tracker user：已添加账号 {created.name}（{created.role.label}）")
    finally:
        engine.dispose()


@user.command("password")
@click.argument("name")
@click.option("--password", envvar="TRACKER_NEW_PASSWORD",
              help="新密码（不给则询问；也可设 TRACKER_NEW_PASSWORD）。")
def user_password(name: str, password: str | None) -> None:
    """在命令行设置账号的密码（例如管理员忘了自己的密码）；该账号已登录的会话随之失效。"""
    from tracker.db import migrate  # lazy: keeps tracker --help fast
    from tracker.db.engine import make_engine, make_sessionmaker, redacted
    from tracker.db.unit import unit_of_work
    from tracker.services import users
    from tracker.services.errors import ServiceError
    from tracker.web import load_config

    url = load_config()["DATABASE_URL"]
    if migrate.current_revision(url) != migrate.head_revision():
        raise click.ClickException(f"数据库 {redacted(url)} 尚未迁移：请先运行 tracker db upgrade")
    engine = make_engine(url)
    try:
        with make_sessionmaker(engine)() as session:
            account = users.find_user(session, name)
            if account is None:
                raise click.ClickException(f"没有名为 {name} 的账号")
            if not password:
                password = click.prompt("新密码", hide_input=True, confirmation_prompt=True)
            try:
                with unit_of_work(session):
                    users.set_password(session, account.id, password, by=None)
            except ServiceError as exc:
                raise click.ClickException(str(exc)) from None
            click.echo(f"tracker user：已为 {account.name} 设置新密码")
    finally:
        engine.dispose()


__all__ = ["demo", "serve", "user"]
