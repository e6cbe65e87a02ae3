"""Which named rule decides on which real document: every real passage (with its meta from the gold, as
``score.py --meta`` passes it) and every seed is read once, and each rule id is counted by the documents in
which it decides a field of a candidate (or turns a clause piece down: the pledge rules that say no).

    python tests/extract/real/rule_coverage.py              # per rule: how many documents, which
    python tests/extract/real/rule_coverage.py --rule ID    # every decision of one rule: document, quote, value

tests/extract/test_rule_examples.py reads the documents the same way (``documents``, ``decisions``); a rule
with fewer than two documents here needs a second real example (docs/rules.md, "Adding a rule").
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from tracker.extract import ExtractedDocument, Official, extract_document, rules

ROOT = Path(__file__).resolve().parents[3]
HERE = Path(__file__).parent
EXCERPTS = HERE.parent / "excerpts"
FOLLOWUP = HERE.parent / "followup"


@dataclass(frozen=True)
class Document:
    path: str  # relative to the project: tests/extract/real/x.txt, seeds/000_….txt
    published: dt.date | None
    district: str | None = None
    official: Official | None = None

    def text(self) -> str:
        return (ROOT / self.path).read_text(encoding="utf-8")

    def read(self) -> ExtractedDocument:
        return extract_document(self.text(), published=self.published, district=self.district,
                                official=self.official)


def _meta(doc: dict) -> tuple[str | None, Official | None]:
    """The district and official most of a passage's gold pledges name (``score.py``'s ``doc_meta``)."""
    districts = Counter(p.get("district") for p in doc["pledges"] if p.get("district"))
    officials = Counter((p["official"].get("name"), p["official"].get("title")) for p in doc["pledges"]
                        if isinstance(p.get("official"), dict) and p["official"].get("name"))
    district = districts.most_common(1)[0][0] if districts else None
    official = Official(*officials.most_common(1)[0][0]) if officials else None
    return district, official


def documents() -> list[Document]:
    """The real passages (gold/*.json), the seeds (seeds/manifest.csv) and the excerpts (tests/extract/excerpts/:
    real passages without a gold, each read with the date, district and official its sources.json records) and the
    follow-up pairs' plans and reviews (tests/extract/followup/: real passages, each read with its date), in that
    order."""
    out = []
    for batch in sorted((HERE / "gold").glob("*.json")):
        for doc in json.loads(batch.read_text(encoding="utf-8"))["docs"]:
            out.append(Document(f"tests/extract/real/{doc['file']}", dt.date.fromisoformat(doc["published"]),
                                *_meta(doc)))
    with open(ROOT / "seeds" / "manifest.csv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            out.append(Document(f"seeds/{row['file']}", dt.date.fromisoformat(row["published"])))
    for doc in json.loads((EXCERPTS / "sources.json").read_text(encoding="utf-8"))["docs"]:
        official = Official(doc["official"]["name"], doc["official"].get("title")) if doc.get("official") else None
        out.append(Document(f"tests/extract/excerpts/{doc['file']}", dt.date.fromisoformat(doc["published"]),
                            doc.get("district"), official))
    for pair in json.loads((FOLLOWUP / "gold.json").read_text(encoding="utf-8"))["pairs"]:
        for side in ("plan", "review"):
            published = pair[side].get("published")
            out.append(Document(f"tests/extract/followup/{pair[side]['file']}",
                                dt.date.fromisoformat(published) if published else None))
    return out


def value(cand, field: str):
    """A candidate's field as the examples table writes it: a string (the official's name, the deadline's
    date or its words when it has none, the quantities' raw texts joined by 、), True for pledge and tense."""
    if field in ("pledge", "tense"):
        return True
    if field == "official":
        return cand.official.name if cand.official else None
    if field == "deadline":
        return cand.deadline.date.isoformat() if cand.deadline.date else cand.deadline.raw
    if field == "quantities":
        return "、".join(q.raw for q in cand.quantities)
    return getattr(cand, field)


def decisions(doc: ExtractedDocument) -> list[tuple[str, str, str, object]]:
    """(quote, field, rule id, value) of every field of every candidate, then (quote, "pledge", rule, False)
    and (quote, "tense", rule, False) for each clause piece turned down."""
    out = []
    for c in doc.candidates:
        for field, rule_id in c.why:
            out.append((c.quote, field, rule_id, value(c, field)))
    for start, end, pledge_rule, tense_rule in doc.declined:
        quote = doc.text[start:end]
        out.append((quote, "pledge", pledge_rule, False))
        if tense_rule and pledge_rule == "looks_back":
            out.append((quote, "tense", tense_rule, False))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rule", help="list every decision of this rule")
    args = ap.parse_args()
    labels = rules.labels()
    where: dict[str, dict[str, list]] = defaultdict(dict)
    for d in documents():
        for quote, field, rule_id, val in decisions(d.read()):
            where[rule_id].setdefault(d.path, []).append((quote, field, val))
    if args.rule:
        for path, found in where[args.rule].items():
            for quote, field, val in found:
                print(f"{path}\t{field}\t{val!r}\t{quote}")
        return
    for rule_id in sorted(labels, key=lambda r: (len(where[r]), r)):
        docs = where[rule_id]
        print(f"{len(docs):3d} {rule_id} ({labels[rule_id]}): "
              + ", ".join(Path(p).stem for p in list(docs)[:6]) + (" …" if len(docs) > 6 else ""))


if __name__ == "__main__":
    main()
