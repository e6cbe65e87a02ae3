"""Does a change to the extractor leave its output identical? Dump every candidate, then compare.

    .venv/bin/python bench/extract_identical.py --dump /tmp/before.jsonl   # before the change
    .venv/bin/python bench/extract_identical.py --check /tmp/before.jsonl  # after it: 0 differences

For a change meant to make the extractor faster (or tidier) without changing what it reads. It
reads every text the project develops on: the real passages (``tests/extract/real/*.txt``), the
seeds (``seeds/*.txt``) and the unit examples (``tests/extract/unseen/*.txt``), each

- as ``score.py --meta`` passes it (publication date, the district and official most of its gold
  pledges name),
- without any of that (the document's own date, or none),
- and, for the real passages, joined into one line (one long paragraph, as a badly converted file
  gives it),

and writes one JSON line per candidate, ``tracker extract --explain``'s fields and ``why``, prefixed
by the file and the reading. ``--check`` prints the first differences and exits 1 when there are any.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import difflib
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "tests" / "extract" / "real"
UNSEEN = ROOT / "tests" / "extract" / "unseen"
EXCERPTS = ROOT / "tests" / "extract" / "excerpts"
SEEDS = ROOT / "seeds"


def gold_docs() -> dict[str, dict]:
    """Gold entries by file name (real passages' batches, the unseen examples' gold)."""
    out = {}
    for path in sorted((REAL / "gold").glob("*.json")) + [UNSEEN / "gold.json", EXCERPTS / "sources.json"]:
        if path.exists():
            for doc in json.loads(path.read_text(encoding="utf-8"))["docs"]:
                out[doc["file"]] = doc
    return out


def meta(doc: dict | None):
    """(district, Official or None) as ``score.py --meta`` passes them: what most gold pledges name."""
    from tracker.extract import Official

    if not doc:
        return None, None
    districts = Counter(g.get("district") for g in doc.get("pledges", []) if g.get("district"))
    officials = Counter((g["official"].get("name"), g["official"].get("title")) for g in doc.get("pledges", [])
                        if isinstance(g.get("official"), dict) and g["official"].get("name"))
    district = districts.most_common(1)[0][0] if districts else doc.get("district")
    named = doc.get("official") if isinstance(doc.get("official"), dict) else {}
    name, title = officials.most_common(1)[0][0] if officials else (named.get("name"), named.get("title"))
    return district, (Official(name, title or None) if name else None)


def readings():
    """(label, raw text, published, district, official) for every reading the check makes."""
    from tracker.reading import read_text_file

    gold = gold_docs()
    with open(SEEDS / "manifest.csv", encoding="utf-8") as fh:
        seed_days = {row["file"]: row["published"] for row in csv.DictReader(fh)}
    files = (sorted(REAL.glob("*.txt")) + sorted(SEEDS.glob("*.txt")) + sorted(UNSEEN.glob("*.txt"))
             + sorted(EXCERPTS.glob("*.txt")))
    for path in files:
        raw = read_text_file(path).text  # as tracker extract decodes it (some files are GB18030)
        doc = gold.get(path.name)
        day = (doc or {}).get("published") or seed_days.get(path.name)
        published = dt.date.fromisoformat(day) if day else None
        district, official = meta(doc)
        name = f"{path.parent.name}/{path.name}"
        yield f"{name} meta", raw, published, district, official
        yield f"{name} bare", raw, None, None, None
        if path.parent == REAL:
            yield f"{name} one-line", raw.replace("\n", ""), published, None, None


def dump_lines() -> list[str]:
    from tracker.extract import extract_document

    lines = []
    for label, raw, published, district, official in readings():
        doc = extract_document(raw, published=published, district=district, official=official)
        lines.append(f"## {label} published={doc.published} ({doc.published_source}) candidates={len(doc.candidates)}")
        for cand in doc.candidates:
            row = {**cand.to_dict(), "why": cand.why_dict()}
            lines.append(json.dumps(row, ensure_ascii=False, sort_keys=True))
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    group = ap.add_mutually_exclusive_group(required=True)
    group.add_argument("--dump", metavar="FILE", help="write every candidate of every reading to FILE")
    group.add_argument("--check", metavar="FILE", help="compare this extractor's output with FILE's")
    args = ap.parse_args(argv)
    lines = dump_lines()
    candidates = sum(1 for line in lines if not line.startswith("## "))
    if args.dump:
        Path(args.dump).write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"{candidates:,} candidates of {len(lines) - candidates} readings written to {args.dump}")
        return 0
    before = Path(args.check).read_text(encoding="utf-8").splitlines()
    diff = list(difflib.unified_diff(before, lines, "before", "now", n=0, lineterm=""))
    changed = sum(1 for line in diff if line[:1] in "+-" and not line.startswith(("+++", "---")))
    print(f"{candidates:,} candidates of {len(lines) - candidates} readings; {changed} lines differ from {args.check}")
    for line in diff[:40]:
        print(line[:300])
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
