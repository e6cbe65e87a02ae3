"""How fast is the extractor, compared with jieba on the same text, and does its memory stay flat?

    .venv/bin/python bench/extract.py              # 10 MB of the real development passages
    .venv/bin/python bench/extract.py --mb 20
    .venv/bin/python bench/extract.py --quick      # 1 MB, for a smoke test
    .venv/bin/python bench/extract.py --generated  # the older corpus of varied seed paragraphs

The corpus is made of the real development passages under ``tests/extract/real/``
(work reports' plan sections, 民生实事 lists, county news: number-dense, as real
reports are), each with the publication date its gold file gives, copied as they
are, one file per copy, until the corpus has the size asked for. With ``--generated``
it is made of the paragraphs in ``seeds/`` varied deterministically (``--seed``):
shuffled and mixed across articles, numbers swapped, years shifted, places
swapped; that text is less dense in numbers than real reports and flatters the
extractor. Either is written as many files to a temporary folder, with a manifest
of publication dates, then read back one file at a time (streaming, as the CLI does).

In one run it measures:

1. characters per second of the whole extraction,
   ``tracker.extract.extract_document(raw, published=...)`` per file;
2. characters per second of ``jieba.lcut`` over the same files;

and prints both with the cost ratio (extraction time / jieba time; the target
is at most 0.35). Both are timed after jieba's dictionary is loaded and after
one warm-up extraction, so neither pays a one-off start-up. File reading is
outside both timings. On a machine shared with other work the two are timed in
turn ``--rounds`` times (default 3) and the best of each is kept, in wall-clock
time (the cost ratio) and in CPU time (the steadier figure when the load moves).

``--against DIR`` compares this checkout with an older one instead (DIR holds its ``tracker/``
package: ``git archive COMMIT tracker | tar -x -C DIR``): fresh processes of each, in turn,
``--alternations`` times, each timing extraction and jieba over the real passages in CPU time (best
of ``--rounds``); it prints the median cost ratio of each and the change in extraction time. A
difference of a few per cent is within what one process differs from the next on a shared machine.

Then it extracts the first half of the corpus and the whole corpus, each in a
fresh child process, and prints each child's peak RSS (``resource.getrusage``):
flat memory means the two peaks are about the same. Last, the corpus joined into one
paragraph of each size of ``--paragraphs`` is extracted, its rate in characters per
second of CPU printed: a flat rate is a reading linear in paragraph length; then the
corpus joined as one document of many paragraphs of the same sizes (linear in the
number of paragraphs and sections).

``--stages`` prints where the extraction's CPU goes over the real passages, by stage (a sampling
profile: jieba, numeral tokens, each rule list, cues, frames …); ``--profile N`` the N costliest
functions after a run (cProfile, which makes cheap calls look dear).

``--processes`` measures whole processes instead: a fresh Python that imports the extractor
and extracts every file of the corpus, and a fresh Python that imports jieba and cuts every
file with ``jieba.lcut``, in turn ``--alternations`` times; the CPU time of each whole process
(start-up, imports, the dictionary each loads, reading the files) and its ratio. jieba's process
pays its dictionary load; the extractor reads only the part of its own tokenizer's dictionary
(with the project's words) that its cuts need, from the compiled file its first process wrote
(``tracker.extract.tokens``; built before the timed processes); the in-process figures above
leave both out. The bytecode of the extractor's package and of jieba is written before the timed
processes (``compileall``), as an installed package has it: with ``PYTHONDONTWRITEBYTECODE`` set no
process would write it, and each would compile the extractor's sources again. With ``--against DIR``
as well, an older checkout's extraction processes (``PYTHONPATH=DIR``) take their turn in the same
alternation, so both trees' figures come from one run and share one jieba median:

    .venv/bin/python bench/extract.py --quick --processes --alternations 5 --against DIR

jieba writes its dictionary cache to the system temp folder by default; here it
goes to ``$XDG_CACHE_HOME/tracker/jieba`` (``~/.cache/tracker/jieba``).
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import figures

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
REAL = ROOT / "tests" / "extract" / "real"
MB = 1_000_000

# The year each seed article was published (they carry no metadata; see the gold's notes).
# A generated document shifts it with its years, so relative deadlines stay plausible.
SEED_YEARS = {"000": 2020, "001": 2022, "002": 2021, "003": 2020, "004": 2020}
CITIES = ["淄博", "潍坊", "临沂", "济宁", "泰安", "德州", "聊城", "滨州", "东营", "日照"]
DISTRICTS = ["张店", "淄川", "临淄", "博山", "周村", "奎文", "坊子", "兰山", "罗庄", "任城", "岱岳", "德城"]
_PLACE = re.compile("|".join(CITIES + DISTRICTS))
_NUMBER = re.compile(r"(?<![\d.])(?:(?P<year>(?:19|20)\d\d)(?=\s*年)|\d+(?:\.\d+)?)")


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    path = Path(base) / "tracker" / "jieba"
    path.mkdir(parents=True, exist_ok=True)
    return path


def load_jieba():
    """jieba with its dictionary loaded and its cache file where we put it."""
    import jieba

    jieba.setLogLevel(60)  # its start-up chatter goes to stderr otherwise
    jieba.dt.tmp_dir = str(cache_dir())
    jieba.dt.cache_file = "jieba.cache"
    jieba.initialize()
    return jieba


# ---------------------------------------------------------------- corpus

def seed_articles() -> list[tuple[str, list[str]]]:
    """(seed id, non-empty lines) per seed file; a line is the unit we shuffle (OCR cuts stay as they are)."""
    out = []
    for path in sorted(SEEDS.glob("*.txt")):
        lines = [line for line in path.read_text(encoding="utf-8-sig").splitlines() if line.strip()]
        out.append((path.name[:3], lines))
    if not out:
        sys.exit(f"no seed articles in {SEEDS}")
    return out


def vary(lines: list[str], rng: random.Random, year_shift: int) -> str:
    """One variant of an article: lines shuffled in small blocks, numbers, years and places swapped."""
    head, body = lines[:6], lines[6:]
    blocks, i = [], 0
    while i < len(body):
        step = rng.randint(1, 4)
        blocks.append(body[i:i + step])
        i += step
    rng.shuffle(blocks)
    places = dict(zip(CITIES, rng.sample(CITIES, len(CITIES)))) | dict(zip(DISTRICTS, rng.sample(DISTRICTS, len(DISTRICTS))))

    def number(m: re.Match[str]) -> str:
        if m.group("year"):
            return str(int(m.group("year")) + year_shift)
        raw = m.group()
        if rng.random() < 0.5:
            return raw
        whole, _, frac = raw.partition(".")
        new = str(rng.randint(10 ** (len(whole) - 1) if len(whole) > 1 else 1, 10 ** len(whole) - 1))
        return new + ("." + str(rng.randint(1, 9)) if frac else "")

    out = []
    for line in head + [line for block in blocks for line in block]:
        line = _NUMBER.sub(number, line)
        line = _PLACE.sub(lambda m: places[m.group()], line)
        out.append(line)
        if rng.random() < 0.5:
            out.append("")  # the OCR's blank lines, sometimes in the middle of a sentence
    return "\n".join(out) + "\n"


def write_corpus(folder: Path, megabytes: float, seed: int) -> list[tuple[Path, dt.date]]:
    """Documents of varied seed text, ``megabytes`` of UTF-8 in all; a manifest of publication dates."""
    rng = random.Random(seed)
    articles = seed_articles()
    pool = [line for _, lines in articles for line in lines[6:]]
    docs, total, n = [], 0, 0
    while total < megabytes * MB:
        seed_id, lines = rng.choice(articles)
        lines = lines + rng.sample(pool, k=min(len(pool), rng.randint(0, 30)))  # mix in other articles' paragraphs
        shift = rng.randint(-3, 3)
        text = vary(lines, rng, shift)
        published = dt.date(SEED_YEARS.get(seed_id, 2022) + shift, rng.randint(1, 12), rng.randint(1, 28))
        n += 1
        path = folder / f"doc_{n:06d}.txt"
        data = text.encode("utf-8")
        path.write_bytes(data)
        total += len(data)
        docs.append((path, published))
    with open(folder / "manifest.tsv", "w", encoding="utf-8") as fh:
        for path, published in docs:
            fh.write(f"{path.name}\t{published.isoformat()}\n")
    return docs


def real_passages() -> list[tuple[str, dt.date]]:
    """(text, publication date) of every real development passage with a gold entry."""
    import json

    published = {}
    for batch in sorted((REAL / "gold").glob("*.json")):
        for doc in json.loads(batch.read_text(encoding="utf-8"))["docs"]:
            published[doc["file"]] = dt.date.fromisoformat(doc["published"])
    out = [(path.read_text(encoding="utf-8"), published[path.name])
           for path in sorted(REAL.glob("*.txt")) if path.name in published]
    if not out:
        sys.exit(f"no annotated passages in {REAL}")
    return out


def write_real_corpus(folder: Path, megabytes: float) -> list[tuple[Path, dt.date]]:
    """Copies of the real passages, in turn, ``megabytes`` of UTF-8 in all; a manifest of their dates."""
    passages = real_passages()
    docs, total, n = [], 0, 0
    while total < megabytes * MB:
        text, published = passages[n % len(passages)]
        n += 1
        path = folder / f"doc_{n:06d}.txt"
        data = text.encode("utf-8")
        path.write_bytes(data)
        total += len(data)
        docs.append((path, published))
    with open(folder / "manifest.tsv", "w", encoding="utf-8") as fh:
        for path, published in docs:
            fh.write(f"{path.name}\t{published.isoformat()}\n")
    return docs


def read_manifest(folder: Path) -> list[tuple[Path, dt.date]]:
    with open(folder / "manifest.tsv", encoding="utf-8") as fh:
        return [(folder / name, dt.date.fromisoformat(day)) for name, day in (line.rstrip("\n").split("\t") for line in fh)]


# ---------------------------------------------------------------- measuring

def extract_all(docs: list[tuple[Path, dt.date]], cpu: list[float] | None = None) -> tuple[int, float, int]:
    """(characters, seconds, candidates) of extract_document over the files, read one at a time;
    the CPU seconds are added to ``cpu[0]`` when given."""
    from tracker.extract import extract_document

    chars, seconds, found, cpu_seconds = 0, 0.0, 0, 0.0
    for path, published in docs:
        raw = path.read_text(encoding="utf-8")
        start, start_cpu = time.perf_counter(), time.process_time()
        doc = extract_document(raw, published=published)
        seconds += time.perf_counter() - start
        cpu_seconds += time.process_time() - start_cpu
        chars += len(raw)
        found += len(doc.candidates)
    if cpu is not None:
        cpu[0] += cpu_seconds
    return chars, seconds, found


def segment_all(jieba, docs: list[tuple[Path, dt.date]], cpu: list[float] | None = None) -> tuple[int, float]:
    chars, seconds, cpu_seconds = 0, 0.0, 0.0
    for path, _ in docs:
        raw = path.read_text(encoding="utf-8")
        start, start_cpu = time.perf_counter(), time.process_time()
        jieba.lcut(raw)
        seconds += time.perf_counter() - start
        cpu_seconds += time.process_time() - start_cpu
        chars += len(raw)
    if cpu is not None:
        cpu[0] += cpu_seconds
    return chars, seconds


def timed_rounds(jieba, docs, rounds: int) -> dict:
    """Extraction and jieba.lcut over the corpus in turn, ``rounds`` times: the best wall-clock and
    CPU seconds of each (a shared machine's load slows some rounds, never speeds one up)."""
    best = {"ex": float("inf"), "jb": float("inf"), "ex_cpu": float("inf"), "jb_cpu": float("inf")}
    chars = found = 0
    for _ in range(max(1, rounds)):
        ex_cpu, jb_cpu = [0.0], [0.0]
        chars, ex_seconds, found = extract_all(docs, ex_cpu)
        _, jb_seconds = segment_all(jieba, docs, jb_cpu)
        for key, v in (("ex", ex_seconds), ("jb", jb_seconds), ("ex_cpu", ex_cpu[0]), ("jb_cpu", jb_cpu[0])):
            best[key] = min(best[key], v)
    return {**best, "chars": chars, "found": found}


def peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / MB if sys.platform == "darwin" else peak * 1024 / MB  # bytes on macOS, KiB on Linux


def warm_up(jieba) -> None:
    """Load everything the extractor loads lazily (jieba, its user dictionary, lexicons, patterns)."""
    from tracker.extract import extract_document

    for path in sorted(SEEDS.glob("*.txt")):
        extract_document(path.read_text(encoding="utf-8-sig"), published=dt.date(2021, 1, 15))
    jieba.lcut(path.read_text(encoding="utf-8-sig"))


def profile(docs: list[tuple[Path, dt.date]], top: int) -> None:
    """Where the extraction spends its time (cProfile over the corpus; slower than the timed run)."""
    import cProfile
    import pstats

    profiler = cProfile.Profile()
    profiler.enable()
    extract_all(docs)
    profiler.disable()
    print(f"\nprofile of the extraction, {top} costliest functions by total time:")
    pstats.Stats(profiler, stream=sys.stdout).sort_stats("tottime").print_stats(top)


#: the stage a function's frame stands for, the innermost one of a sample deciding (``stages``)
_STAGE_OF = {
    "find_numbers": "numbers", "_find_numbers": "numbers",
    "responsible_unit_with_rule": "rules: responsible unit",
    "candidate": "candidate (context, trimming, result)",
    "_block_cues": "cues and deadline mentions", "_mentions": "cues and deadline mentions",
    "_cues_of": "cues and deadline mentions", "find_deadlines": "cues and deadline mentions",
    "_read_block": "clauses and segmenting (reader, segment)",
    "find_pledges": "paragraph frames and people",
    "cut_precise": "words (jieba's dictionary and route, the object windows)",
    "is_word": "words (jieba's dictionary and route, the object windows)",
    "normalise": "normalise",
    "extract_text": "extract_text (caches)",
}


def stages(rounds: int) -> None:
    """Where the CPU of whole extraction goes, by stage, over the real passages: a sampling profile
    (SIGPROF every millisecond of CPU; each sample goes to the innermost stage on its stack: jieba,
    the numeral tokens, the rule list being decided, the paragraph's cues …). Unlike cProfile it adds
    no cost per call, so cheap calls are not made to look dear."""
    import collections
    import signal

    from tracker.extract import extract_document
    from tracker.extract.pledges import (
        ACTION_RULES, DEADLINE_RULES, DISTRICT_RULES, ELLIPSIS_RULES, FOUND_RULES, OFFICIAL_RULES, PLEDGE_RULES,
        QUALIFIER_RULES, TENSE_RULES,
    )
    from tracker.extract.pledges.objects import SPAN_RULES

    lists = {id(PLEDGE_RULES): "rules: is it a pledge (their own work)", id(TENSE_RULES): "rules: tense",
             id(FOUND_RULES): "rules: object", id(SPAN_RULES): "rules: object", id(ELLIPSIS_RULES): "rules: object",
             id(ACTION_RULES): "rules: action", id(QUALIFIER_RULES): "rules: qualifier",
             id(DEADLINE_RULES): "rules: deadline", id(OFFICIAL_RULES): "rules: official and district",
             id(DISTRICT_RULES): "rules: official and district"}
    by_decision = {"pledge": "rules: is it a pledge (their own work)", "tense": "rules: tense", "object": "rules: object",
                   "action": "rules: action", "qualifier": "rules: qualifier", "deadline": "rules: deadline",
                   "official": "rules: official and district", "district": "rules: official and district"}

    def stage(frame) -> str:
        while frame is not None:
            code = frame.f_code
            if "jieba" in code.co_filename:
                return "jieba (the object windows)"
            if code.co_name == "decide":
                rules = frame.f_locals.get("rules")
                # a document's reading asks each list without the rules whose words it lacks (rules.asked): a
                # subset of the module's list, named by its first rule's decision
                return lists.get(id(rules)) or (by_decision.get(rules[0].decision, "rules: other") if rules
                                                 else "rules: other")
            if code.co_name in _STAGE_OF:
                return _STAGE_OF[code.co_name]
            frame = frame.f_back
        return "other"

    jieba = load_jieba()
    warm_up(jieba)
    passages = real_passages()
    counts: collections.Counter[str] = collections.Counter()
    sampling = False

    def sample(signum, frame) -> None:
        if sampling:
            counts[stage(frame)] += 1

    signal.signal(signal.SIGPROF, sample)
    signal.setitimer(signal.ITIMER_PROF, 0.001, 0.001)
    sampling = True
    start = time.process_time()
    for _ in range(max(1, rounds)):
        for text, day in passages:
            extract_document(text, published=day)
    sampling = False
    signal.setitimer(signal.ITIMER_PROF, 0, 0)
    total = sum(counts.values()) or 1
    print(f"\nwhere the extraction's CPU goes ({len(passages)} real passages, {rounds} rounds, "
          f"{time.process_time() - start:.2f} s, {total:,} samples):")
    for name, n in counts.most_common():
        print(f"{100 * n / total:5.1f}%  {name}")


def child_rss(folder: Path, files: int) -> tuple[float, int]:
    """Peak RSS (MB) and characters of a fresh process that extracts the first ``files`` files."""
    out = subprocess.run(
        [sys.executable, __file__, "--rss-child", str(folder), "--files", str(files)],
        capture_output=True, text=True, check=True,
    )
    rss, chars = out.stdout.split()
    return float(rss), int(chars)


def ab_child(rounds: int) -> None:
    """Best CPU seconds of extraction and of jieba.lcut over the real passages (in memory), printed."""
    from tracker.extract import extract_document

    jieba = load_jieba()
    warm_up(jieba)
    passages = real_passages()
    best_ex = best_jb = float("inf")
    found = 0
    for _ in range(max(1, rounds)):
        start = time.process_time()
        found = sum(len(extract_document(text, published=day).candidates) for text, day in passages)
        best_ex = min(best_ex, time.process_time() - start)
        start = time.process_time()
        for text, _ in passages:
            jieba.lcut(text)
        best_jb = min(best_jb, time.process_time() - start)
    print(f"{best_ex} {best_jb} {found}")


def against(older: Path, alternations: int, rounds: int) -> dict:
    """This checkout and the one in ``older``, in fresh processes, in turn: median CPU cost ratios."""
    import statistics

    runs: dict[str, list[tuple[float, float, int]]] = {"older": [], "this": []}
    for i in range(max(1, alternations)):
        for which in (("older", "this") if i % 2 == 0 else ("this", "older")):
            env = dict(os.environ)
            if which == "older":
                env["PYTHONPATH"] = os.pathsep.join(x for x in (str(older), env.get("PYTHONPATH")) if x)
            out = subprocess.run([sys.executable, __file__, "--ab-child", "--rounds", str(rounds)],
                                 capture_output=True, text=True, check=True, env=env)
            ex, jb, found = out.stdout.split()
            runs[which].append((float(ex), float(jb), int(found)))
    result = {}
    for which, rows in runs.items():
        ratios = [ex / jb for ex, jb, _ in rows]
        result[which] = {"ratio": statistics.median(ratios), "best": min(ratios), "worst": max(ratios),
                         "extraction": statistics.median(ex for ex, _, _ in rows), "candidates": rows[0][2]}
        print(f"{which:>5}: cost ratio in CPU time, median of {len(rows)} processes {result[which]['ratio']:.3f} "
              f"(best {min(ratios):.3f}, worst {max(ratios):.3f}); extraction {result[which]['extraction']:.3f} s; "
              f"candidates {rows[0][2]:,}")
    change = result["this"]["extraction"] / result["older"]["extraction"] - 1
    print(f"extraction CPU time, this checkout against the older: {change:+.1%}")
    result["change"] = change
    return result


def rss_child(folder: Path, files: int) -> None:
    jieba = load_jieba()
    warm_up(jieba)
    chars, _, _ = extract_all(read_manifest(folder)[:files])
    print(f"{peak_rss_mb():.1f} {chars}")


def whole_child(which: str, folder: Path) -> None:
    """The whole of one run as a user's process does it: import, load, read and extract (or cut) every file
    (``dictionary``: only load the extractor's tokenizer, which its first process compiles)."""
    if which == "dictionary":
        import compileall

        import jieba  # imported only to find its folder (load_jieba would load its dictionary here)
        import tracker
        from tracker.extract import tokens

        # the bytecode of both packages written before the timed processes, as an installed package has it
        # (PYTHONDONTWRITEBYTECODE, set on the project's machines, would leave every timed process compiling
        # the extractor's sources, about 0.18 s of CPU, and jieba's none)
        for package in (tracker, jieba):
            compileall.compile_dir(os.path.dirname(package.__file__), quiet=1)
        tokens.tokenizer()
    elif which == "extract":
        from tracker.extract import extract_document

        for path, published in read_manifest(folder):
            extract_document(path.read_text(encoding="utf-8"), published=published)
    else:
        jieba = load_jieba()
        for path, _ in read_manifest(folder):
            jieba.lcut(path.read_text(encoding="utf-8"))


def _older_env(older: Path | None) -> dict | None:
    """The environment of a child that imports the tracker/ package in ``older`` (None: this checkout's)."""
    if older is None:
        return None
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(x for x in (str(older), env.get("PYTHONPATH")) if x)
    return env


def whole_processes(folder: Path, alternations: int, older: Path | None = None) -> dict:
    """CPU seconds of whole child processes extracting the corpus and cutting it with jieba.lcut, in turn:
    the median of each and their ratio. With ``older`` (a folder holding an older checkout's tracker/
    package) its extraction processes take their turn too, in the same alternation."""
    import statistics

    kinds = ("extract", "jieba") + (("older",) if older else ())
    runs: dict[str, list[float]] = {k: [] for k in kinds}
    for i in range(max(1, alternations)):
        for which in (kinds if i % 2 == 0 else kinds[::-1]):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            child = "extract" if which == "older" else which
            subprocess.run([sys.executable, __file__, "--whole-child", child, str(folder)], check=True,
                           env=_older_env(older if which == "older" else None))
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            runs[which].append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    med = {k: statistics.median(v) for k, v in runs.items()}
    ex, jb = med["extract"], med["jieba"]
    result = {"extract": ex, "jieba": jb, "ratio": ex / jb}
    if older:
        result |= {"older": med["older"], "older_ratio": med["older"] / jb, "change": ex / med["older"] - 1}
        print(f"whole processes (CPU, median of {len(runs['extract'])}): older extraction {med['older']:.2f} s, "
              f"cost ratio {result['older_ratio']:.3f}")
    print(f"whole processes (CPU, median of {len(runs['extract'])}): extraction {ex:.2f} s, jieba.lcut {jb:.2f} s; "
          f"cost ratio {ex / jb:.3f}")
    if older:
        print(f"whole extraction process, this checkout against the older: {result['change']:+.1%}")
    return result


# ---------------------------------------------------------------- main

def one_line(docs, sizes=(250_000, 1_000_000, 4_000_000), *, paragraphs: bool = False) -> list[tuple[int, float, float]]:
    """The corpus with its line breaks removed, as one paragraph of growing size (the corpus taken
    again from its start when it is shorter): the rate must hold (a file of 50 MB on one line is a
    real input). With ``paragraphs`` the files are joined as they are, one document of growing size
    and many paragraphs: the rate must hold there too (what the reader carries from paragraph to
    paragraph, its headings and sections, grows with the document). (size, chars/s, chars/s of CPU)
    per size."""
    from tracker.extract import extract_document

    parts, total, i = [], 0, 0
    while total < max(sizes):
        part = docs[i % len(docs)][0].read_text(encoding="utf-8")
        part = part if paragraphs else part.replace("\n", "")
        parts.append(part)
        total += len(part) + paragraphs
        i += 1
    text = ("\n" if paragraphs else "").join(parts)
    rates = []
    measured = []
    for n in sizes:
        chunk = text[:n]
        start, start_cpu = time.perf_counter(), time.process_time()
        extract_document(chunk, published=dt.date(2021, 1, 15))
        rate = len(chunk) / (time.perf_counter() - start)
        cpu_rate = len(chunk) / (time.process_time() - start_cpu)
        measured.append((len(chunk), rate, cpu_rate))
        rates.append(f"{len(chunk):,} chars {rate:,.0f} chars/s ({cpu_rate:,.0f} of CPU)")
    print(("one document of many paragraphs: " if paragraphs else "one paragraph: ") + "; ".join(rates))
    return measured


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=10.0, help="corpus size in MB of UTF-8 (default 10)")
    ap.add_argument("--quick", action="store_true", help="a 1 MB corpus, for a smoke test")
    ap.add_argument("--seed", type=int, default=20210115, help="seed of the corpus variations (--generated)")
    ap.add_argument("--generated", action="store_true",
                    help="varied seed paragraphs instead of the real development passages")
    ap.add_argument("--keep", metavar="DIR", help="write the corpus to DIR and keep it")
    ap.add_argument("--profile", type=int, metavar="N", default=0,
                    help="after measuring, profile the extraction and print its N costliest functions")
    ap.add_argument("--stages", action="store_true",
                    help="only profile the extraction of the real passages by stage (a sampling profile; --rounds)")
    ap.add_argument("--rounds", type=int, default=3,
                    help="time extraction and jieba in turn this many times, keep the best of each (default 3)")
    ap.add_argument("--against", metavar="DIR", help="compare with the tracker/ package of an older checkout in DIR")
    ap.add_argument("--alternations", type=int, default=6,
                    help="with --against or --processes: fresh processes of each, in turn (default 6)")
    ap.add_argument("--paragraphs", metavar="SIZES",
                    help="sizes in characters of the one-paragraph runs, comma-separated "
                         "(default 250000,1000000,4000000; 100000,300000,1000000 with --quick)")
    ap.add_argument("--processes", action="store_true",
                    help="compare whole processes (start-up and dictionary loads included) over the corpus")
    ap.add_argument("--note", default="", help="a sentence to keep with the figures (--write-figures)")
    figures.add_flag(ap)
    ap.add_argument("--rss-child", metavar="DIR", help=argparse.SUPPRESS)
    ap.add_argument("--ab-child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--whole-child", nargs=2, metavar=("WHICH", "DIR"), help=argparse.SUPPRESS)
    ap.add_argument("--files", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.rss_child:
        rss_child(Path(args.rss_child), args.files)
        return 0
    if args.ab_child:
        ab_child(args.rounds)
        return 0
    if args.stages:
        stages(args.rounds)
        return 0
    if args.whole_child:
        whole_child(args.whole_child[0], Path(args.whole_child[1]))
        return 0
    if args.against and not args.processes:
        result = against(Path(args.against), args.alternations, args.rounds)
        if args.write_figures:
            figures.record("extract", figures.command("bench/extract.py", argv), [
                figures.figure("cost ratio in CPU time, older checkout", round(result["older"]["ratio"], 3)),
                figures.figure("cost ratio in CPU time, this checkout", round(result["this"]["ratio"], 3), key=True),
                figures.figure("extraction CPU time, this against older", round(result["change"] * 100, 1), "%"),
                figures.figure("candidates, older", result["older"]["candidates"]),
                figures.figure("candidates, this", result["this"]["candidates"]),
            ], extra=f"the {len(real_passages())} real passages, medians of {args.alternations} processes each, "
                     f"best of {args.rounds} rounds in each", note=args.note)
        return 0

    megabytes = 1.0 if args.quick else args.mb
    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="tracker-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        start = time.perf_counter()
        docs = write_corpus(folder, megabytes, args.seed) if args.generated else write_real_corpus(folder, megabytes)
        size = sum(path.stat().st_size for path, _ in docs)
        kind = "varied seed paragraphs" if args.generated else f"copies of {len(real_passages())} real passages"
        print(f"corpus: {kind}, {len(docs)} files, {size / MB:.1f} MB in {folder} ({time.perf_counter() - start:.1f} s to write)")

        if args.processes:
            load_jieba()  # jieba's own cache file written before the first timed process
            # and the extractor's compiled dictionary (its first process builds it; see tracker.extract.tokens)
            subprocess.run([sys.executable, __file__, "--whole-child", "dictionary", str(folder)], check=True)
            older = Path(args.against) if args.against else None
            if older:
                subprocess.run([sys.executable, __file__, "--whole-child", "dictionary", str(folder)], check=True,
                               env=_older_env(older))
            whole = whole_processes(folder, args.alternations, older)
            if args.write_figures:
                before = [
                    figures.figure("whole process, older extraction", round(whole["older"], 2), "s CPU"),
                    figures.figure("cost ratio of whole processes, older checkout", round(whole["older_ratio"], 3)),
                ] if older else []
                after = [figures.figure("whole extraction process, this against older", round(whole["change"] * 100, 1),
                                        "%")] if older else []
                figures.record("extract", figures.command("bench/extract.py", argv), before + [
                    figures.figure("whole process, extraction", round(whole["extract"], 2), "s CPU"),
                    figures.figure("whole process, jieba.lcut", round(whole["jieba"], 2), "s CPU"),
                    figures.figure("cost ratio of whole processes", round(whole["ratio"], 3), key=True),
                ] + after, extra=f"{kind}, {size / MB:.1f} MB, medians of {args.alternations} processes each",
                    note=args.note)
            return 0
        jieba = load_jieba()
        warm_up(jieba)
        timed = timed_rounds(jieba, docs, args.rounds)
        chars, found, ex_seconds, jb_seconds = timed["chars"], timed["found"], timed["ex"], timed["jb"]
        cpu_ratio = timed["ex_cpu"] / timed["jb_cpu"]
        print(f"characters: {chars:,}")
        print(f"extraction: {chars / ex_seconds:12,.0f} chars/s  ({ex_seconds:.2f} s, {found:,} candidates)")
        print(f"jieba.lcut: {chars / jb_seconds:12,.0f} chars/s  ({jb_seconds:.2f} s)")
        print(f"cost ratio: {ex_seconds / jb_seconds:.3f}  (extraction time / jieba time, best of {args.rounds}; "
              f"target <= 0.35)")
        print(f"cost ratio in CPU time: {cpu_ratio:.3f}  ({timed['ex_cpu']:.2f} s / {timed['jb_cpu']:.2f} s)")
        print(f"peak RSS of this run: {peak_rss_mb():.1f} MB")

        half_rss, half_chars = child_rss(folder, len(docs) // 2)
        full_rss, full_chars = child_rss(folder, len(docs))
        print(f"peak RSS, extraction only: half corpus ({half_chars:,} chars) {half_rss:.1f} MB; "
              f"full corpus ({full_chars:,} chars) {full_rss:.1f} MB; growth {full_rss - half_rss:+.1f} MB")
        sizes = tuple(int(n) for n in args.paragraphs.split(",")) if args.paragraphs else \
            (100_000, 300_000, 1_000_000) if args.quick else (250_000, 1_000_000, 4_000_000)
        paragraph_rates = one_line(docs, sizes)
        document_rates = one_line(docs, sizes, paragraphs=True)
        if args.write_figures:
            figures.record("extract", figures.command("bench/extract.py", argv), [
                figures.figure("characters", chars),
                figures.figure("extraction", round(chars / ex_seconds), "chars/s"),
                figures.figure("jieba.lcut", round(chars / jb_seconds), "chars/s"),
                figures.figure("cost ratio", round(ex_seconds / jb_seconds, 3), key=True),
                figures.figure("cost ratio in CPU time", round(cpu_ratio, 3)),
                figures.figure("candidates", found),
                figures.figure("peak RSS, half corpus", round(half_rss, 1), "MB"),
                figures.figure("peak RSS, whole corpus", round(full_rss, 1), "MB"),
                *(figures.figure(f"one paragraph of {n:,} characters", round(rate), "chars/s")
                  for n, rate, _ in paragraph_rates),
                *(figures.figure(f"one paragraph of {n:,} characters, CPU", round(cpu_rate), "chars/s")
                  for n, _, cpu_rate in paragraph_rates),
                *(figures.figure(f"one document of {n:,} characters in paragraphs, CPU", round(cpu_rate), "chars/s")
                  for n, _, cpu_rate in document_rates),
            ], extra=f"{kind}, {size / MB:.1f} MB, best of {args.rounds} rounds", note=args.note)
        if args.profile:
            profile(docs, args.profile)
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
