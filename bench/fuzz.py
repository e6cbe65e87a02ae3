"""Fuzz the extractor and the form parsers with hypothesis: 10,000 cases per target by default.

    .venv/bin/python bench/fuzz.py                       # every target, 10,000 cases each
    .venv/bin/python bench/fuzz.py --examples 50000 extractor

The targets and their properties live in tests/badinput/fuzz_targets.py (CI runs the same ones
with a few hundred cases): the extractor (spans valid, quote = text[start:end]), the quantity
parser, the API's changes parser, the filters' date parser and cursor, the text decoder. Prints
the number of cases run per target and the first failure (hypothesis shrinks it), and exits 1
when any target failed. Each target stops at --examples cases or --max-seconds, whichever first.
"""
from __future__ import annotations

import argparse
import sys
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "badinput"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import figures  # noqa: E402


class OutOfTime(Exception):
    pass


def main() -> int:
    from hypothesis import HealthCheck, given, settings

    from fuzz_targets import TARGETS

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("targets", nargs="*", choices=[[], *sorted(TARGETS)], default=[], metavar="TARGET",
                    help=f"any of {', '.join(sorted(TARGETS))} (default: all)")
    ap.add_argument("--examples", type=int, default=10_000, help="cases per target")
    ap.add_argument("--max-seconds", type=float, default=900, help="time bound per target")
    figures.add_flag(ap)
    args = ap.parse_args()
    measured = []
    failed = 0
    total = 0
    for name in args.targets or sorted(TARGETS):
        strategy, check = TARGETS[name]
        runs = 0
        started = time.monotonic()

        def counted(a, check=check):
            nonlocal runs
            if time.monotonic() - started > args.max_seconds:
                raise OutOfTime
            runs += 1
            check(a)

        @settings(max_examples=args.examples, deadline=None, database=None, derandomize=False,
                  suppress_health_check=list(HealthCheck))
        @given(strategy)
        def run(a):
            counted(a)

        status = "ok"
        try:
            run()
        except OutOfTime:
            status = f"stopped at the {args.max_seconds:.0f} s bound"
        except Exception:  # noqa: BLE001 - hypothesis re-raises the shrunk failure: print it
            failed += 1
            status = "FAILED"
            traceback.print_exc()
        total += runs
        print(f"{name:<14} {runs:>7,} cases in {time.monotonic() - started:6.1f} s  {status}", flush=True)
        measured.append(figures.figure(name, f"{runs:,} cases ({time.monotonic() - started:.0f} s, {status})"))
    print(f"total {total:,} cases, {failed} target(s) failed")
    if args.write_figures:
        figures.record("fuzz", figures.command("bench/fuzz.py"),
                       [*measured, figures.figure(f"failures in {total:,} cases", failed)],
                       extra=f"up to {args.examples:,} cases a target")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
