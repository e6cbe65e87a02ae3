"""How fast is the follow-up matcher: one long review against the open pledges of its district?

    .venv/bin/python bench/followup.py                      # a 30,000-character review, 2,000 pledges
    .venv/bin/python bench/followup.py --chars 60000 --pledges 5000
    .venv/bin/python bench/followup.py --quick              # a smoke test

The inputs are built from real texts only: the review from the review passages of the follow-up
development pairs (tests/extract/followup/*_review.txt), the shared development review if it is there,
and the real news pages in seeds/, their paragraphs repeated in a shuffled order (``--seed``) up to
``--chars``; the pledges are what ``tracker extract`` finds in the plan texts of the pairs and in the
seeds, repeated with their numbers varied up to ``--pledges``.

Each measurement is its own function, so more can sit beside it (ingest with and without matching):

1. ``measure_follow_up``: ``tracker.extract.followup.follow_up(pledges, review_doc)``, the pure matcher,
   best of ``--repeat`` runs after one warm-up (the review is extracted once, outside the timing, as
   ingest does before matching); the target is under 1 s for 30,000 characters and 2,000 pledges;
2. ``measure_review_extraction``: ``extract_document`` of the same review, for scale;
3. ``measure_ingest`` (``--ingest N``, skipped with 0): ``tracker.services.ingest.ingest_paths`` of
   ``bench/ingest.py``'s corpus of N documents (real seed paragraphs, places, years and numbers
   varied; publication dates spread over several years, so later documents meet the open pledges of
   earlier ones of their districts) into a new SQLite file, without matching (``followup=False``) and
   with it (the default), alternately, best of ``--ingest-repeat`` each; the target is at most 1.3x.
"""
from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import random
import sys
import time
from decimal import Decimal
from pathlib import Path

import figures

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PAIRS = ROOT / "tests" / "extract" / "followup"
SEEDS = ROOT / "seeds"
SHARED_REVIEW = ROOT.parent.parent / "shared" / "eval" / "followup" / "gaoyang_2018_review.txt"


def _paragraphs(paths) -> list[str]:
    out = []
    for p in paths:
        for line in p.read_text(encoding="utf-8").splitlines():
            if line.strip():
                out.append(line.strip())
    return out


def build_review(chars: int, rng: random.Random) -> str:
    """Real review and news paragraphs, repeated in a shuffled order up to ``chars`` characters."""
    sources = sorted(PAIRS.glob("*_review.txt")) + sorted(SEEDS.glob("*.txt"))
    if SHARED_REVIEW.exists():
        sources.append(SHARED_REVIEW)
    pars = _paragraphs(sources)
    out, size = [], 0
    while size < chars:
        batch = pars[:]
        rng.shuffle(batch)
        for par in batch:
            out.append(par)
            size += len(par) + 1
            if size >= chars:
                break
    return "\n".join(out)[:chars]


def build_pledges(n: int, rng: random.Random):
    """The pledges ``tracker extract`` finds in the real plan texts, repeated with varied numbers up to ``n``."""
    from tracker.extract import extract_document

    found = []
    for p in sorted(PAIRS.glob("*_plan.txt")) + sorted(SEEDS.glob("*.txt")):
        found += extract_document(p.read_text(encoding="utf-8"), published=dt.date(2021, 1, 15)).candidates
    if not found:
        raise SystemExit("bench/followup.py: no pledges found in the plan texts")
    out = []
    while len(out) < n:
        c = found[len(out) % len(found)]
        if len(out) >= len(found):  # a variant: the same words, another number
            factor = Decimal(rng.choice(["0.5", "0.8", "1.2", "1.5", "2", "3"]))
            c = dataclasses.replace(c, quantities=tuple(dataclasses.replace(q, value=q.value * factor)
                                                        for q in c.quantities))
        out.append(c)
    return out


def measure_review_extraction(review_text: str, repeat: int) -> float:
    from tracker.extract import extract_document

    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        extract_document(review_text, published=dt.date(2022, 1, 20))
        best = min(best, time.perf_counter() - t)
    return best


def measure_follow_up(pledges, review_doc, repeat: int) -> tuple[float, int]:
    """Best wall time of ``follow_up`` over ``repeat`` runs, and how many findings had evidence."""
    from tracker.extract.followup import follow_up

    follow_up(pledges[:50], review_doc)  # warm-up: lexicons, regexes
    best, linked = float("inf"), 0
    for _ in range(repeat):
        t = time.perf_counter()
        findings = follow_up(pledges, review_doc, review_published=dt.date(2022, 1, 20))
        best = min(best, time.perf_counter() - t)
        linked = sum(1 for f in findings if f.evidence)
    return best, linked


def _ingest_once(folder: Path, followup: bool) -> tuple[float, int, int, int]:
    """(seconds, documents, pledges, suggestions) of ingesting ``folder`` into a new migrated SQLite file."""
    import tempfile

    import sqlalchemy as sa

    from tracker.db import migrate
    from tracker.db.engine import make_engine, make_sessionmaker
    from tracker.db.models import Suggestion
    from tracker.services.ingest import ingest_paths

    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/bench.sqlite3"
        migrate.upgrade(url)
        engine = make_engine(url)
        try:
            factory = make_sessionmaker(engine)
            t = time.perf_counter()
            summary = ingest_paths(factory, [folder], followup=followup)
            took = time.perf_counter() - t
            with factory() as s:
                suggestions = s.scalar(sa.select(sa.func.count(Suggestion.id)))
        finally:
            engine.dispose()
    return took, summary.new, summary.pledges, suggestions


def measure_ingest(docs: int, seed: int, repeat: int) -> tuple[float, float, int, int, int]:
    """Best ingest time without and with matching, and the documents, pledges and suggestions."""
    import importlib.util
    import tempfile

    spec = importlib.util.spec_from_file_location("bench_ingest", ROOT / "bench" / "ingest.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        module.write_corpus(folder, docs, seed)
        _ingest_once(folder, True)  # warm-up: jieba, lexicons, the matcher's tables
        without, with_ = float("inf"), float("inf")
        for _ in range(repeat):
            t, *_ = _ingest_once(folder, False)
            without = min(without, t)
            t, n, pledges, suggestions = _ingest_once(folder, True)
            with_ = min(with_, t)
    return without, with_, n, pledges, suggestions


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--chars", type=int, default=30_000)
    ap.add_argument("--pledges", type=int, default=2_000)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--quick", action="store_true", help="5,000 characters, 300 pledges, 2 runs")
    ap.add_argument("--ingest", type=int, default=300, metavar="N",
                    help="documents for the ingest measurement (0 skips it)")
    ap.add_argument("--ingest-repeat", type=int, default=2)
    figures.add_flag(ap)
    a = ap.parse_args(argv)
    if a.quick:
        a.chars, a.pledges, a.repeat, a.ingest, a.ingest_repeat = 5_000, 300, 2, 50, 1

    from tracker.extract import extract_document
    from tracker.extract.followup import MATCHER_VERSION

    rng = random.Random(a.seed)
    review_text = build_review(a.chars, rng)
    pledges = build_pledges(a.pledges, rng)
    review_doc = extract_document(review_text, published=dt.date(2022, 1, 20))

    t_extract = measure_review_extraction(review_text, max(1, a.repeat // 2))
    t_match, linked = measure_follow_up(pledges, review_doc, a.repeat)
    print(f"matcher {MATCHER_VERSION}: review {len(review_text):,} characters, {len(pledges):,} pledges, "
          f"best of {a.repeat}")
    print(f"follow_up:           {t_match:.3f} s  ({len(pledges) / t_match:,.0f} pledges/s; {linked:,} with evidence)"
          f"  target < 1 s: {'met' if t_match < 1 else 'NOT met'}")
    print(f"extract the review:  {t_extract:.3f} s  (for scale; ingest pays it with or without matching)")
    measured = [figures.figure("review", len(review_text), "characters"), figures.figure("pledges", len(pledges)),
                figures.figure("follow_up()", round(t_match, 3), "s", key=True), figures.figure("extract the review", round(t_extract, 3), "s")]
    if a.ingest:
        without, with_, n, pledges, suggestions = measure_ingest(a.ingest, a.seed, a.ingest_repeat)
        ratio = with_ / without
        print(f"ingest into SQLite, {n:,} documents, {pledges:,} pledges, best of {a.ingest_repeat}:")
        print(f"  without matching:  {without:.2f} s  ({n / without:,.1f} docs/s)")
        print(f"  with matching:     {with_:.2f} s  ({n / with_:,.1f} docs/s; {suggestions:,} suggestions stored)")
        print(f"  ratio {ratio:.2f}x  target <= 1.3x: {'met' if ratio <= 1.3 else 'NOT met'}")
        measured += [figures.figure("ingest documents", n), figures.figure("ingest pledges", pledges),
                     figures.figure("ingest without matching", round(without, 2), "s"),
                     figures.figure("ingest with matching", round(with_, 2), "s"),
                     figures.figure("suggestions stored", suggestions), figures.figure("with ÷ without", round(ratio, 2), "×", key=True)]
    if a.write_figures:
        figures.record("followup_bench", figures.command("bench/followup.py", argv), measured,
                       extra=f"best of {a.repeat} (ingest: best of {a.ingest_repeat})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
