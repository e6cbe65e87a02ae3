"""Fill the figure blocks of README.md and docs/*.md from docs/figures/*.json.

    python docs/render_figures.py           # rewrite every block from its JSON
    python docs/render_figures.py --check   # exit 1 (and name them) when a block differs

A block is

    <!-- figures:NAME -->          every run of docs/figures/NAME.json, newest first
    <!-- figures:NAME#TABLE -->    the table TABLE of that file
    <!-- figures:NAME@2 -->        its two newest runs
    ...generated...
    <!-- /figures -->

The bench scripts add runs with ``--write-figures`` (bench/figures.py); a figure is never
typed into the prose, so a new measurement changes a data file and this block, nothing else.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIGURES = ROOT / "docs" / "figures"
BLOCK = re.compile(r"(<!-- figures:(?P<spec>[\w.-]+(?:#[\w.-]+|@\d+)?) -->\n)(?P<body>.*?)(<!-- /figures -->)", re.S)


def documents() -> list[Path]:
    return [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def value(v) -> str:
    if isinstance(v, bool) or v is None:
        return json.dumps(v)
    if isinstance(v, (int, float)):
        return f"{v:,}"
    return str(v)


def figure(f: dict) -> str:
    text = f"{f['name']} {value(f['value'])}"
    unit = f.get("unit", "")
    if unit:
        text += unit if unit in ("%", "×") else f" {unit}"
    return f"**{text}**" if f.get("key") else text


def run_line(run: dict) -> str:
    head = f"- {run['date']}, `{run['command']}`"
    if run.get("conditions"):
        head += f" ({run['conditions']})"
    line = head + ": " + "; ".join(figure(f) for f in run["figures"]) + "."
    if run.get("note"):
        line += " " + run["note"]
    return line


def cell(v) -> str:
    return value(v).replace("|", "\\|").replace("\n", " ")


def table(t: dict) -> str:
    lines = []
    if t.get("caption"):
        lines += [t["caption"] + ":", ""]
    lines.append("| " + " | ".join(t["columns"]) + " |")
    lines.append("| " + " | ".join("---" for _ in t["columns"]) + " |")
    for row in t["rows"]:
        if len(row) != len(t["columns"]):
            raise ValueError(f"a row of {len(row)} cells under {len(t['columns'])} columns: {row}")
        lines.append("| " + " | ".join(cell(c) for c in row) + " |")
    source = ", ".join(x for x in (t.get("date", ""), f"`{t['command']}`" if t.get("command") else "") if x)
    if source or t.get("conditions"):
        lines += ["", f"({'; '.join(x for x in (source, t.get('conditions', '')) if x)})"]
    if t.get("note"):
        lines += ["", t["note"]]
    return "\n".join(lines)


def load(name: str) -> dict:
    path = FIGURES / f"{name}.json"
    if not path.exists():
        raise SystemExit(f"{path.relative_to(ROOT)}: no such figures file")
    return json.loads(path.read_text(encoding="utf-8"))


def render(spec: str) -> str:
    name, _, rest = spec.partition("#")
    name, _, count = name.partition("@")
    data = load(name)
    if rest:
        return table(data["tables"][rest]) + "\n"
    runs = data["runs"][: int(count)] if count else data["runs"]
    return "\n".join(run_line(r) for r in runs) + "\n"


def fill(text: str) -> str:
    return BLOCK.sub(lambda m: m.group(1) + render(m.group("spec")) + m.group(4), text)


def blocks(text: str) -> list[tuple[str, str]]:
    """(spec, body) of every block in the text."""
    return [(m.group("spec"), m.group("body")) for m in BLOCK.finditer(text)]


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    for path in documents():
        text = path.read_text(encoding="utf-8")
        new = fill(text)
        if new != text:
            stale.append(path.relative_to(ROOT))
            if not check:
                path.write_text(new, encoding="utf-8")
    if check and stale:
        print("figure blocks differ from docs/figures/: " + ", ".join(map(str, stale))
              + " (run python docs/render_figures.py)", file=sys.stderr)
        return 1
    for path in stale:
        print(f"rendered {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
