"""The matcher alone, on the gold's own pledges: writes predictions for score_followup.py --pred.

    python tests/extract/followup/matcher_only.py GOLD.json > /tmp/pred.jsonl
    python ../shared/eval/score_followup.py GOLD.json --pred /tmp/pred.jsonl

`tracker followup` scores the extractor and the matcher together: a pledge the extractor misses or
merges with its neighbour is a wrong decision whatever the matcher does. Here each gold pledge is
handed to follow_up() as the extractor would give it (quote, object, action, quantities, qualifier,
deadline), so the figures tell the matcher's share of the errors.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import sys
from decimal import Decimal

sys.path.insert(0, os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..")))

from tracker.extract import extract_document  # noqa: E402
from tracker.extract.followup import follow_up  # noqa: E402
from tracker.extract.model import Candidate, Deadline, Precision, Quantity, Role  # noqa: E402


def candidate(g: dict) -> Candidate:
    quote = g["quote"]
    qs, qualifier = [], None
    for q in g["quantities"]:
        at = quote.find(q["raw"])
        at = max(at, 0)
        qs.append(Quantity(Decimal(str(q["value"])), q["unit"], q["raw"], at, at + len(q["raw"]),
                           Role(q.get("role", "other")) if q.get("role") in {r.value for r in Role} else Role.OTHER))
        qualifier = qualifier or q.get("qualifier")
    d = g.get("deadline") or {}
    date = dt.date.fromisoformat(d["date"]) if d.get("date") else None
    return Candidate(quote, 0, len(quote), tuple(qs), action=g.get("action"), object=g.get("object"),
                     qualifier=qualifier, deadline=Deadline(d.get("raw"), date, Precision.YEAR if date else None))


def main(argv=None) -> int:
    path = (argv or sys.argv[1:])[0]
    root = os.path.dirname(os.path.abspath(path))
    gold = json.load(open(path, encoding="utf-8"))
    for pair in gold["pairs"]:
        review_date = dt.date.fromisoformat(pair["review"]["published"]) if pair["review"].get("published") else None
        text = open(os.path.join(root, pair["review"]["file"]), encoding="utf-8").read()
        review = extract_document(text, published=review_date)
        pledges = [candidate(ln["pledge"]) for ln in pair["links"]]
        for f in follow_up(pledges, review, review_published=review_date):
            print(json.dumps({"pair": pair["pair_id"], **f.to_dict()}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
