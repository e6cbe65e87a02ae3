"""Whole 2026 provincial work reports read end to end, against the passages of them the corpus annotates.

    python bench/whole_reports.py GIT_DIR [--score ../shared/eval/score.py] [--show] [--json OUT.json]

GIT_DIR is a clone of johncodes404/china-provincial-gov-reports-2026. For every allowed province that has passages
in tests/extract/real/gold.json (their ``source`` gives the CSV file, its commit and the passage's characters in
it), the report's text (the ``full_text`` cell of the CSV, from the header's title to its last line) is read whole by
``python -m tracker.cli extract`` with ``--published``, ``--district``, ``--official`` and ``--official-title`` as
``score.py --meta`` passes them (the ones most of the province's gold pledges name), and each annotated passage is
read alone the same way. The report is read whole once more with ``--published`` only: whose pledges its header
makes them (district, official) when nobody says whose report it is. The reports reserved for evaluation (四川, 重庆, 广东, 浙江, 贵州, 湖南, 江西) are never
opened.

Per report it prints its characters, the seconds the whole reading took (one process, start-up included), and its
candidates by section: the header (before the review), the review (…工作回顾, …发展成就: every candidate there a
false alarm), the plan period (十五五), the year's plan (2026年重点工作) and the tail (the government's own conduct,
the closing). Per annotated passage: the gold's core recall and precision of the candidates whose quote starts
inside the passage's range, read whole and read alone, and with ``--show`` what differs between the two readings.
"""
from __future__ import annotations

import argparse
import collections
import importlib.util
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tracker.extract.normalise import normalise

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "tests" / "extract" / "real"
REPO = "johncodes404/china-provincial-gov-reports-2026"
RESERVED = ("四川", "重庆", "广东", "浙江", "贵州", "湖南", "江西")
FIELDS = ("action", "object", "quantities", "qualifier", "deadline", "district", "official")


def _load_score(path: str):
    spec = importlib.util.spec_from_file_location("score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def body_of(csv_text: str) -> tuple[str, int]:
    """The ``full_text`` cell of a report's CSV and where it starts in the file (no doubled quotes inside: checked)."""
    start = csv_text.index(',"') + 2
    end = csv_text.rindex('"')
    body = csv_text[start:end]
    if '""' in body:
        raise SystemExit("whole_reports: a doubled quote inside the text; offsets would not map")
    return body, start


def _is_heading(s: str) -> bool:
    return len(s) < 45 and not s.endswith(("。", "：", ":"))


def sections(text: str) -> list[tuple[str, int]]:
    """(section, start) in the normalised text, in order: header, review, period, plan, tail. A heading is a short
    line without a final mark or one the normaliser ran into the paragraph below it (福建's 一、…新成效2025年是…): its
    first 45 characters are read."""
    out, at = [("header", 0)], 0
    for line in text.split("\n"):
        s = line.strip()
        if re.match(r"^[一二三四五六七八九十]+、", s) or _is_heading(s):
            s = s[:45]
            kind = None
            if "回顾" in s or "工作总结" in s or "持续取得新进展" in s:
                kind = "review"
            elif ("十五五" in s and any(w in s for w in ("目标", "考虑", "任务")) and "开好局" not in s) or (
                    s.startswith("二、") and out[-1][0] == "review"):
                kind = "period"
            elif ("2026年" in s and "工作" in s) or "开好局" in s:
                kind = "plan"
            elif re.match(r"^[四五]、", s) and "政府" in s:
                kind = "tail"
            if out[-1][0] == "header" and kind != "review":  # the header's title names the year too
                kind = None
            if kind and kind != out[-1][0]:
                out.append((kind, at))
        at += len(line) + 1
    return out


def section_of(secs: list[tuple[str, int]], pos: int) -> str:
    name = secs[0][0]
    for kind, start in secs:
        if start <= pos:
            name = kind
    return name


def run(argv: list[str], env: dict) -> tuple[list[dict], float]:
    t0 = time.perf_counter()
    r = subprocess.run([sys.executable, "-m", "tracker.cli", "extract", *argv], capture_output=True, text=True,
                       env=env, check=True)
    return [json.loads(x) for x in r.stdout.splitlines() if x.strip()], time.perf_counter() - t0


def meta_args(docs: list[dict], score) -> list[str]:
    district, (name, title) = score.doc_meta({"pledges": [p for d in docs for p in d["pledges"]]})
    out = ["--published", docs[0]["published"]]
    if district:
        out += ["--district", district]
    if name:
        out += ["--official", name] + (["--official-title", title] if title else [])
    return out


def agreement(score, golds: list[dict], preds: list[dict]) -> dict:
    pairs = score.match(golds, preds)
    core = [i for i, g in enumerate(golds) if g.get("tier", "core") == "core"]
    hit = {gi for gi, _ in pairs}
    fields = {f: sum(1 for gi, pi in pairs if score.field_ok(f, golds[gi], preds[pi])) for f in FIELDS}
    return {"core": len(core), "found": sum(1 for i in core if i in hit), "output": len(preds),
            "right": len(pairs), "fields": fields}


def _key(c: dict) -> str:
    return json.dumps({k: c.get(k) for k in ("quote", *FIELDS)}, ensure_ascii=False, sort_keys=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("git_dir")
    ap.add_argument("--score", default=str(ROOT.parent.parent / "shared" / "eval" / "score.py"))
    ap.add_argument("--only", help="comma-separated provinces (e.g. 山东省,陕西省)")
    ap.add_argument("--show", action="store_true")
    ap.add_argument("--json", help="write every reading here")
    a = ap.parse_args()
    score = _load_score(a.score)
    gold = json.loads((REAL / "gold.json").read_text(encoding="utf-8"))["docs"]
    by_path = collections.defaultdict(list)
    for d in gold:
        src = d.get("source") or {}
        if src.get("repo") == REPO and not any(r in src["path"] for r in RESERVED):
            by_path[src["path"]].append(d)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    only = set(a.only.split(",")) if a.only else None
    report, totals = {}, collections.Counter()
    tmp = Path(tempfile.mkdtemp(prefix="whole_reports_"))
    for path, docs in sorted(by_path.items()):
        prov = path.split("_")[-2]
        if only and prov not in only:
            continue
        csv_text = subprocess.run(["git", "-C", a.git_dir, "show", f"HEAD:{path}"], capture_output=True,
                                  text=True, check=True).stdout
        for d in docs:  # the passage still reads as recorded at its commit
            s, e = d["source"]["chars"]
            passage = (REAL / d["file"]).read_text(encoding="utf-8")
            assert csv_text[s:e] == passage[:-1] or csv_text[s:e] == passage, d["file"]
        body, offset = body_of(csv_text)
        whole_file = tmp / f"{prov}.txt"
        whole_file.write_text(body, encoding="utf-8")
        margs = meta_args(docs, score)
        whole, seconds = run([*margs, str(whole_file)], env)
        bare, _ = run(["--published", docs[0]["published"], str(whole_file)], env)
        said = collections.Counter(f"{c['district']} {(c['official'] or {}).get('title')} {(c['official'] or {}).get('name')}"
                                   for c in bare)
        norm = normalise(body).text
        secs = sections(norm)
        per_section = collections.Counter(section_of(secs, c["start"]) for c in whole)
        entry = {"chars": len(body), "seconds": round(seconds, 2), "candidates": len(whole),
                 "sections": {k: per_section.get(k, 0) for k in ("header", "review", "period", "plan", "tail")},
                 "section_starts": secs, "passages": {},
                 "read_bare": dict(said)}
        if a.show:
            for c in whole:
                if section_of(secs, c["start"]) in ("header", "review"):
                    print(f"  {prov} {section_of(secs, c['start'])}: {c['quote']}")
        for d in docs:
            ptext = normalise((REAL / d["file"]).read_text(encoding="utf-8")).text
            at = norm.find(ptext)
            if at < 0:  # a passage cut inside a paragraph: find its second paragraph on
                cut = ptext.index("\n") + 1
                at = norm.find(ptext[cut:]) - cut
            lo, hi = at, at + len(ptext)
            inside = [c for c in whole if lo <= c["start"] < hi]
            alone, _ = run([*meta_args([d], score), str(REAL / d["file"])], env)
            w = agreement(score, d["pledges"], inside)
            p = agreement(score, d["pledges"], alone)
            entry["passages"][d["file"]] = {"range": d["source"]["chars"], "whole": w, "alone": p}
            for k in ("core", "found", "output", "right"):
                totals["whole_" + k] += w[k]
                totals["alone_" + k] += p[k]
            if a.show:
                ka = {c["quote"]: c for c in alone}
                kw = {c["quote"]: c for c in inside}
                for q in ka.keys() - kw.keys():
                    print(f"  {d['file']} alone only: {q}")
                for q in kw.keys() - ka.keys():
                    print(f"  {d['file']} whole only: {q}")
                for q in ka.keys() & kw.keys():
                    diff = [f"{f} {json.dumps(ka[q].get(f), ensure_ascii=False)} → "
                            f"{json.dumps(kw[q].get(f), ensure_ascii=False)}" for f in FIELDS
                            if _key({f: ka[q].get(f)}) != _key({f: kw[q].get(f)})]
                    if diff:
                        print(f"  {d['file']} {q}: alone → whole: {'; '.join(diff)}")
        report[prov] = entry
        s = entry["sections"]
        print(f"{prov}: sections at {secs}")
        print(f"{prov}: {entry['chars']} characters, {entry['seconds']:.1f} s, {entry['candidates']} candidates "
              f"(header {s['header']}, review {s['review']}, period {s['period']}, plan {s['plan']}, "
              f"tail {s['tail']})")
        print(f"  read with --published only, district title name: {dict(said)}")
        for f, v in entry["passages"].items():
            w, p = v["whole"], v["alone"]
            print(f"  {f:34s} gold {w['core']:3d} | whole: found {w['found']:3d} output {w['output']:3d} right "
                  f"{w['right']:3d} fields {sum(w['fields'].values()):3d} | alone: found {p['found']:3d} output "
                  f"{p['output']:3d} right {p['right']:3d} fields {sum(p['fields'].values()):3d}")
    t = totals
    for way in ("whole", "alone"):
        for f in FIELDS:
            t[way + "_fields"] += sum(v["passages"][x][way]["fields"][f] for v in report.values() for x in v["passages"])
        r = t[way + "_found"] / t[way + "_core"] if t[way + "_core"] else 0
        p = t[way + "_right"] / t[way + "_output"] if t[way + "_output"] else 0
        print(f"annotated ranges read {way}: recall {r:.4f} ({t[way + '_found']}/{t[way + '_core']}), "
              f"precision {p:.4f} ({t[way + '_right']}/{t[way + '_output']}), "
              f"fields right {t[way + '_fields']}/{len(FIELDS) * t[way + '_right']}")
    if a.json:
        Path(a.json).write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
