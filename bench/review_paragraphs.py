"""How many candidates the review sections of the 2026 provincial work reports give when each paragraph is read
alone (as a passage cut from a review without its heading reaches a user). Every candidate there is a false alarm:
a review states results.

    .venv/bin/python bench/review_paragraphs.py GIT_DIR [--list OUT.json] [--plan-list PLAN.json]

GIT_DIR is a clone of johncodes404/china-provincial-gov-reports-2026 (its output/2026_raw_text/ at HEAD). The
reports reserved for evaluation (四川, 重庆, 广东, 浙江, 贵州, 湖南, 江西) are never opened. A review section runs from
a short line naming a review (…工作回顾, …工作总结…) to the next top-level heading (二、…, a 十五五 heading naming targets, …);
each non-empty line inside it is read alone with the report's date of delivery (its header's 2026年M月D日). The
whole report is read too: how many of its candidates fall inside the review section, read under its heading.
Per report it prints [review paragraphs, candidates of the paragraphs read alone, candidates inside the review
read whole, plan paragraphs, candidates of the plan paragraphs read alone, candidates of the plan read whole]. The
plan runs from the line that ends the review to the end of the report: its candidates are mostly pledges, so a rule
that takes review candidates must leave those two counts as they were (a recall guard, not a score).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import subprocess

from tracker.extract import extract_document

RESERVED = ("四川", "重庆", "广东", "浙江", "贵州", "湖南", "江西")


def _opens_review(s: str) -> bool:
    # 一、2025年工作回顾; 一、“十四五”时期和2025年工作回顾; 一、2025年工作总结和“十四五”发展成就 (宁夏)
    return len(s) < 45 and ("回顾" in s or "工作总结" in s) and ("工作" in s or "时期" in s)


def _ends_review(s: str) -> bool:
    return len(s) < 45 and bool(re.match(r"^[二三]、", s) or (
        "十五五" in s and any(w in s for w in ("目标", "考虑", "要求"))) or (s.startswith("2026年") and "工作" in s))


def review_paragraphs(text: str) -> list[str]:
    out, inside = [], False
    for line in text.split("\n"):
        s = line.strip()
        if not inside and _opens_review(s):
            inside = True
            continue
        if inside and _ends_review(s):
            break
        if inside and s:
            out.append(s)
    return out


def plan_paragraphs(text: str) -> list[str]:
    """The non-empty lines after the line that ends the review section (none when no review is found)."""
    out, state = [], "before"
    for line in text.split("\n"):
        s = line.strip()
        if state == "before" and _opens_review(s):
            state = "review"
        elif state == "review" and _ends_review(s):
            state = "plan"
        if state == "plan" and s:
            out.append(s)
    return out


def review_span(text: str) -> tuple[int, int] | None:
    """Where the review section runs in ``text`` (offsets), found as ``review_paragraphs`` finds its lines."""
    start, at = None, 0
    for line in text.split("\n"):
        s = line.strip()
        if start is None and _opens_review(s):
            start = at + len(line)
        elif start is not None and _ends_review(s):
            return start, at
        at += len(line) + 1
    return (start, len(text)) if start is not None else None


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("git_dir")
    ap.add_argument("--list", help="write every candidate (province, quote, tense rule, paragraph) here")
    ap.add_argument("--plan-list", help="write every candidate of the plans (province, alone or whole, quote) here, "
                    "to compare two runs")
    a = ap.parse_args()
    names = subprocess.run(["git", "-C", a.git_dir, "ls-tree", "--name-only", "-z", "HEAD", "output/2026_raw_text/"],
                           capture_output=True, text=True, check=True).stdout.split("\0")
    found, per, paragraphs, planned = [], {}, 0, []
    for name in names:
        if not name.endswith("政府工作报告.csv") or any(r in name for r in RESERVED):
            continue
        text = subprocess.run(["git", "-C", a.git_dir, "show", "HEAD:" + name], capture_output=True, text=True,
                              check=True).stdout
        prov = name.split("_")[-2]
        m = re.search(r"(20\d\d)年(\d+)月(\d+)日", text[:3000]) or re.search(r",(20\d\d)-(\d+)-(\d+),", text[:3000])
        published = dt.date(*map(int, m.groups()))
        paras = review_paragraphs(text)
        paragraphs += len(paras)
        plan = plan_paragraphs(text)
        per[prov] = [len(paras), 0, 0, len(plan), 0, 0]
        for p in paras:
            for c in extract_document(p, published).candidates:
                found.append((prov, c.quote, dict(c.why).get("tense"), p))
                per[prov][1] += 1
        for p in plan:
            for c in extract_document(p, published).candidates:
                planned.append((prov, "alone", c.quote))
                per[prov][4] += 1
        # the whole report, its review read under its heading: the candidates inside the review section
        doc = extract_document(text, published)
        span = review_span(doc.text)
        if span is not None:
            per[prov][2] = sum(1 for c in doc.candidates if span[0] <= c.start < span[1])
            planned += [(prov, "whole", c.quote) for c in doc.candidates if c.start >= span[1]]
            per[prov][5] = sum(1 for c in doc.candidates if c.start >= span[1])
    print(json.dumps(per, ensure_ascii=False))
    print(f"reports {len(per)} (with a review heading found: {sum(1 for v in per.values() if v[0])}), "
          f"review paragraphs {paragraphs}, candidates {len(found)}; "
          f"read whole, candidates inside the review sections {sum(v[2] for v in per.values())}; "
          f"plan paragraphs {sum(v[3] for v in per.values())}, candidates of the plan paragraphs read alone "
          f"{sum(v[4] for v in per.values())}, read whole {sum(v[5] for v in per.values())}")
    if a.list:
        with open(a.list, "w", encoding="utf-8") as f:
            json.dump(found, f, ensure_ascii=False, indent=0)
    if a.plan_list:
        with open(a.plan_list, "w", encoding="utf-8") as f:
            json.dump(planned, f, ensure_ascii=False, indent=0)


if __name__ == "__main__":
    main()
