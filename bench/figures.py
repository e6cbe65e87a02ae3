"""Where the bench scripts keep what they measured: ``docs/figures/<name>.json``.

Each file holds ``runs`` (newest first), one a measurement: its day, the command, the
conditions (machine, load), and its figures as ``{"name", "value", "unit"}``; and ``tables``
the docs quote whole. A script given ``--write-figures`` adds its run to the front of
``runs`` (and replaces the tables it measures); ``python docs/render_figures.py`` then writes
the blocks of the docs that quote the file. The printed output of every script stays as it was.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import shlex
import sys
from pathlib import Path

FIGURES = Path(__file__).resolve().parents[1] / "docs" / "figures"


def add_flag(parser) -> None:
    parser.add_argument("--write-figures", action="store_true",
                        help="also add this run's figures to docs/figures/ (then: python docs/render_figures.py)")


def figure(name: str, value, unit: str = "", key: bool = False) -> dict:
    """One figure (``key``: the one the run is about, shown in bold); floats are rounded so the files stay readable."""
    if isinstance(value, float):
        value = round(value, 3) if abs(value) < 100 else round(value, 1)
    return {"name": name, "value": value, "unit": unit, **({"key": True} if key else {})}


def conditions(extra: str = "") -> str:
    """The machine as it was: cores and load average, and what the run measured."""
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    said = f"{os.cpu_count()} cores, load average {load} at the end"
    return f"{extra}; {said}" if extra else said


def command(script: str, argv: list[str] | None = None) -> str:
    """The command as run, without --write-figures and --note (the note is kept beside it)."""
    args, given = [], list(sys.argv[1:] if argv is None else argv)
    while given:
        a = given.pop(0)
        if a == "--note":
            given = given[1:]
        elif a != "--write-figures" and not a.startswith("--note="):
            args.append(a)
    return " ".join(["python", script, *map(shlex.quote, args)])


def record(name: str, cmd: str, figures: list[dict], *, note: str = "", tables: dict | None = None,
           extra: str = "", path: Path | None = None) -> Path:
    """Add one run to the front of ``docs/figures/<name>.json``; replace the tables given."""
    path = path or FIGURES / f"{name}.json"
    data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {"title": name, "runs": [], "tables": {}}
    run = {"date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"), "command": cmd,
           "conditions": conditions(extra), "figures": figures}
    if note:
        run["note"] = note
    data.setdefault("runs", []).insert(0, run)
    for key, table in (tables or {}).items():
        table = dict(table, date=run["date"], command=cmd)
        data.setdefault("tables", {})[key] = table
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"figures written to {path} (python docs/render_figures.py renders the docs)", file=sys.stderr)
    return path
