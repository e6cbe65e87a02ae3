"""The docs say what the code does: every route, setting and command README.md and docs/*.md
name exists, and every figure block is what its docs/figures/*.json renders to.

As Datasette's documentation tests do, the names are read out of the markdown itself
(inline code and code blocks), so a doc that names a route, a setting or an option that is
gone, or was never there, fails here.
"""
from __future__ import annotations

import importlib.util
import json
import re
import shlex
from pathlib import Path

import click
import pytest
from werkzeug.exceptions import MethodNotAllowed, NotFound
from werkzeug.routing import RequestRedirect

from tracker.cli import main as cli_main
from tracker.web import create_app

ROOT = Path(__file__).resolve().parents[1]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]

_spec = importlib.util.spec_from_file_location("render_figures", ROOT / "docs" / "render_figures.py")
render_figures = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(render_figures)

FENCED = re.compile(r"^```.*?^```", re.S | re.M)
INLINE = re.compile(r"`([^`\n]+)`")
#: paths on a machine, not routes of the app
FILESYSTEM = ("/usr/", "/tmp/", "/etc/", "/var/", "/opt/", "/dev/", "/proc/", "/work/", "/home/", "/nonexistent",
              "/pypi/", "/simple/")
#: options of other programs the docs show beside tracker's own (gunicorn, pytest, score.py, wrk, pip, git)
FOREIGN_OPTIONS = {"--preload", "--workers", "--threads", "--durations", "--meta", "--show", "--cmd", "--docs", "--pred",
                   "--path", "--skip-editable", "--examples", "--max-seconds", "-m", "-k", "-q", "-x", "-p", "-s", "-o"}


def text_of(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def inline_code(text: str) -> list[str]:
    return INLINE.findall(FENCED.sub("", text))


def code_lines(text: str) -> list[str]:
    """Lines of indented code blocks and inline code spans: where commands are written."""
    lines = [line.strip() for line in text.splitlines() if line.startswith("    ") and not line.lstrip().startswith(("|", "*", "-"))]
    return lines + inline_code(text)


def doc_ids():
    return [str(p.relative_to(ROOT)) for p in DOCS]


# ------------------------------------------------------------------ figures

@pytest.mark.parametrize("path", DOCS, ids=doc_ids())
def test_figure_blocks_are_what_their_json_renders(path):
    for spec, body in render_figures.blocks(text_of(path)):
        assert body == render_figures.render(spec), (
            f"{path.name}: the block figures:{spec} differs from docs/figures/; run python docs/render_figures.py")


def test_every_run_says_when_and_how_it_was_measured():
    files = sorted((ROOT / "docs" / "figures").glob("*.json"))
    assert files
    for path in files:
        data = json.loads(text_of(path))
        assert data["runs"] or data["tables"], path.name
        for run in data["runs"]:
            assert run["date"][:4].isdigit() and run["command"] and run["figures"], (path.name, run)
        for table in data.get("tables", {}).values():
            assert table["date"] and table["command"], path.name


def test_every_figures_file_is_quoted_somewhere():
    quoted = {spec.split("#")[0].split("@")[0] for p in DOCS for spec, _ in render_figures.blocks(text_of(p))}
    files = {p.stem for p in (ROOT / "docs" / "figures").glob("*.json")}
    assert files <= quoted, f"figures no doc quotes: {sorted(files - quoted)}"


def test_a_changed_figure_makes_its_block_stale(tmp_path, monkeypatch):
    """The check can fail: one figure changed in a copy of a file changes the rendered block."""
    data = json.loads(text_of(ROOT / "docs" / "figures" / "suite.json"))
    before = render_figures.render("suite")
    data["runs"][0]["figures"][0]["value"] = -1
    (tmp_path / "suite.json").write_text(json.dumps(data), encoding="utf-8")
    monkeypatch.setattr(render_figures, "FIGURES", tmp_path)
    assert render_figures.render("suite") != before


# ------------------------------------------------------------------ routes

def routes_named(text: str) -> set[str]:
    found = set()
    for span in inline_code(text):
        if "<!--" in span:
            continue  # a figure block's marker, not a route
        span = re.sub(r"<[^>]+>", "<id>", span)
        for word in span.replace("(", " ").replace(")", " ").replace(",", " ").split():
            if not word.startswith("/") or word.startswith(FILESYSTEM) or word == "/":
                if word == "/":
                    found.add(word)
                continue
            found.add(word.split("?")[0].rstrip(".:;"))
    return found


def expand(route: str) -> list[str]:
    """`/reports/export.csv|xlsx|json` is three routes; `<id>` is any number."""
    route = re.sub(r"<[^>]+>|\{[^}]+\}", "1", route)
    if "|" not in route:
        return [route]
    first, *others = route.split("|")
    base = first.rsplit(".", 1)[0]
    return [first, *(f"{base}.{ext}" for ext in others)]


@pytest.fixture(scope="module")
def url_map(tmp_path_factory):
    folder = tmp_path_factory.mktemp("docs-app")
    app = create_app({"DATABASE_URL": f"sqlite:///{folder / 'docs.sqlite3'}", "TESTING": True,
                      "SECRET_KEY": "docs-test-secret-key-0123456789abcdefXYZ"})
    return app.url_map


def route_exists(url_map, route: str) -> bool:
    if route.endswith("…"):
        prefix = route.rstrip("…")
        return any(rule.rule.startswith(prefix) for rule in url_map.iter_rules())
    adapter = url_map.bind("localhost")
    for method in ("GET", "POST"):
        try:
            adapter.match(route, method=method)
            return True
        except (RequestRedirect, MethodNotAllowed):
            return True
        except NotFound:
            continue
    return False


@pytest.mark.parametrize("path", DOCS, ids=doc_ids())
def test_every_route_the_docs_name_exists(path, url_map):
    missing = [r for named in sorted(routes_named(text_of(path))) for r in expand(named) if not route_exists(url_map, r)]
    assert not missing, f"{path.name} names routes the app does not have: {missing}"


def test_a_route_that_does_not_exist_is_found_missing(url_map):
    assert routes_named("see `/pledges/<id>/nowhere` and `GET /api/pledges`") == {"/pledges/<id>/nowhere", "/api/pledges"}
    assert not route_exists(url_map, expand("/pledges/<id>/nowhere")[0])
    assert route_exists(url_map, "/api/pledges")


# ------------------------------------------------------------------ settings

SETTING = re.compile(r"\b(TRACKER_[A-Z0-9_]*[A-Z0-9]|DATABASE_URL|SECRET_KEY)\b")
CAPS = re.compile(r"^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$")


@pytest.fixture(scope="module")
def sources() -> dict[str, str]:
    """The code that reads settings: the package, and for test and CI switches, tests/, bench/ and .ci/run."""
    package = "\n".join(text_of(p) for p in (ROOT / "tracker").rglob("*.py"))
    rest = "\n".join(text_of(p) for d in ("tests", "bench", "migrations") for p in (ROOT / d).rglob("*.py")
                     if p.resolve() != Path(__file__).resolve())
    rest += "\n" + "\n".join(text_of(p) for p in (ROOT / "bench").glob("*.sh")) + text_of(ROOT / ".ci" / "run")
    return {"package": package, "all": package + "\n" + rest}


def literal(name: str, text: str) -> bool:
    return f'"{name}"' in text or f"'{name}'" in text


def setting_exists(name: str, sources: dict[str, str]) -> bool:
    if literal(name, sources["all"]) or re.search(rf"\b{name}\b\s*[:=]", sources["all"]):
        return True
    if name.startswith("TRACKER_"):  # Flask reads TRACKER_<NAME> into the config key <NAME> (from_prefixed_env)
        return literal(name.removeprefix("TRACKER_"), sources["package"])
    return False


def settings_named(text: str) -> set[str]:
    names = set(SETTING.findall(text))
    names |= {span for span in inline_code(text) if CAPS.match(span)}
    return names


@pytest.mark.parametrize("path", DOCS, ids=doc_ids())
def test_every_setting_the_docs_name_is_read(path, sources):
    missing = sorted(n for n in settings_named(text_of(path)) if not setting_exists(n, sources))
    assert not missing, f"{path.name} names settings no code reads: {missing}"


def test_a_setting_nobody_reads_is_found_missing(sources):
    assert settings_named("set `TRACKER_NO_SUCH_THING` and `SMTP_HOST`") == {"TRACKER_NO_SUCH_THING", "SMTP_HOST"}
    assert not setting_exists("TRACKER_NO_SUCH_THING", sources)
    assert setting_exists("TRACKER_SMTP_HOST", sources) and setting_exists("DATABASE_URL", sources)


# ------------------------------------------------------------------ commands

STOP = {"&&", ";", "#", ">", "||", "2>", "<"}


def commands_named(text: str) -> list[list[str]]:
    """Each `tracker …` invocation the docs write, as its words (brackets and alternatives kept as words)."""
    found = []
    for line in code_lines(text):
        for match in re.finditer(r"(?:^|[\s(])tracker\s+(.*)", line):
            try:
                words = shlex.split(match.group(1).replace("[", " ").replace("]", " ").replace("…", " "), comments=False)
            except ValueError:
                words = match.group(1).split()
            cut = []
            for w in words:
                if w in STOP or w.startswith("#"):
                    break
                cut.append(w)
            if cut and re.match(r"^[a-z][a-z-]*$", cut[0]):
                found.append(cut)
    return found


def check_command(words: list[str]) -> list[str]:
    """What in ``tracker words…`` click does not know: an unknown command or an unknown option."""
    command: click.Command = cli_main
    ctx = click.Context(cli_main)
    path = ["tracker"]
    rest = list(words)
    while isinstance(command, click.Group) and rest and not rest[0].startswith("-"):
        name = rest.pop(0)
        sub = command.get_command(ctx, name)
        if sub is None:
            return [f"{' '.join(path)} {name}: no such command"]
        command, path = sub, [*path, name]
        while isinstance(command, click.Group) and rest and rest[0] == "|":  # `db check | current`
            rest.pop(0)
    problems = []
    if isinstance(command, click.Group):
        for i, word in enumerate(rest):
            if word != "|" and not word.startswith("-") and (i == 0 or rest[i - 1] == "|"):
                if command.get_command(ctx, word) is None:
                    problems.append(f"{' '.join(path)} {word}: no such command")
    options = {opt for param in command.params for opt in (*param.opts, *param.secondary_opts)} | {"-h", "--help"}
    for word in rest:
        if word.startswith("-") and len(word) > 1 and not word[1].isdigit():
            name = word.split("=", 1)[0]
            if name not in options:
                problems.append(f"{' '.join(path)} {name}: no such option")
    return problems


@pytest.mark.parametrize("path", DOCS, ids=doc_ids())
def test_every_command_and_option_the_docs_name_exists(path):
    problems = [p for words in commands_named(text_of(path)) for p in check_command(words)]
    assert not problems, f"{path.name}: {problems}"


def all_options() -> set[str]:
    seen, stack = set(), [cli_main]
    while stack:
        command = stack.pop()
        seen |= {opt for param in command.params for opt in (*param.opts, *param.secondary_opts)}
        if isinstance(command, click.Group):
            stack.extend(command.commands.values())
    return seen


@pytest.mark.parametrize("path", DOCS, ids=doc_ids())
def test_every_bare_option_the_docs_name_exists(path):
    """A lone `--port` in the prose is an option of some tracker command, of a bench script, or of
    a program the docs show beside it (FOREIGN_OPTIONS)."""
    bench = "\n".join(text_of(p) for p in (ROOT / "bench").rglob("*.py")) + text_of(ROOT / "bench" / "load.sh")
    known = all_options() | FOREIGN_OPTIONS | {"-h", "--help"}
    missing = []
    for span in inline_code(text_of(path)):
        for word in re.findall(r"(?:^|\s)(--[a-z][a-z0-9-]*|-[a-zA-Z]\b)", span):
            if span.lstrip().startswith(("python", "pip", "gunicorn", "bench/", "apt-get", "rsync", "sync", "systemctl", "nice", "valgrind", "py-spy")):
                continue  # a whole command line of another program: its options are its own
            if word not in known and f'"{word}"' not in bench:
                missing.append(word)
    assert not missing, f"{path.name} names options nothing has: {sorted(set(missing))}"


def test_a_command_or_option_that_does_not_exist_is_found_missing():
    named = commands_named("    tracker ingest --published 2024-01-01 seeds/\n\nrun `tracker db reindex` or `tracker fly --far`")
    assert named == [["fly", "--far"], ["ingest", "--published", "2024-01-01", "seeds/"], ["db", "reindex"]] or \
        sorted(named) == sorted([["ingest", "--published", "2024-01-01", "seeds/"], ["db", "reindex"], ["fly", "--far"]])
    assert check_command(["ingest", "--published", "2024-01-01", "seeds/"]) == []
    assert check_command(["db", "check", "|", "current", "|", "downgrade", "REVISION"]) == []
    assert check_command(["fly"]) == ["tracker fly: no such command"]
    assert check_command(["serve", "--colour"]) == ["tracker serve --colour: no such option"]
    assert check_command(["db", "reboot"]) == ["tracker db reboot: no such command"]
