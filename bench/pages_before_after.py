"""Pages' CPU before and after a change, in one run: ``bench/pages.py`` of an older checkout and of this one,
alternately, on one database; the best round of each.

    git worktree add --detach /tmp/before 3e5201c
    python bench/pages_before_after.py --before /tmp/before --url URL --pages district.html,official.html \\
        --rounds 3 --requests 200 [--after-change] [--write-figures]

Each round runs ``bench/pages.py --url URL --pages ... --requests N`` with ``PYTHONPATH`` set to the
checkout (the older first, then this one) and reads the figures it wrote to that checkout's
bench/out/pages-<backend>.json. The best (least total CPU) of the rounds of each is kept: on shared cores
the other processes only ever add. ``--write-figures`` adds the run to docs/figures/pages.json as
"new (before)" per page.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
import figures  # noqa: E402


def one(checkout: Path, args) -> dict:
    env = dict(os.environ, PYTHONPATH=str(checkout))
    cmd = [sys.executable, str(checkout / "bench" / "pages.py"), "--url", args.url, "--pages", args.pages,
           "--requests", str(args.requests)] + (["--after-change"] if args.after_change else [])
    subprocess.run(cmd, env=env, check=True, cwd=checkout, stdout=subprocess.DEVNULL)
    backend = "postgresql" if args.url.startswith("postgresql") else "sqlite"
    return json.loads((checkout / "bench" / "out" / f"pages-{backend}.json").read_text(encoding="utf-8"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--before", type=Path, required=True, help="the older checkout (a git worktree)")
    parser.add_argument("--url", required=True, help="a database filled by bench/pages.py before")
    parser.add_argument("--pages", required=True, help="comma-separated page names of bench/pages.py")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--after-change", action="store_true",
                        help="bench/pages.py --after-change: each GET right after an unmeasured confirmation")
    figures.add_flag(parser)
    args = parser.parse_args()
    best: dict[str, dict[str, dict]] = {"before": {}, "new": {}}
    for n in range(args.rounds):
        for which, checkout in (("before", args.before.resolve()), ("new", ROOT)):
            run = one(checkout, args)
            for page, r in run["pages"].items():
                kept = best[which].get(page)
                if kept is None or r["total_ms"] < kept["total_ms"]:
                    best[which][page] = r
                print(f"round {n + 1} {which:<6} {page:<14} app {r['app_ms']:6.2f}  db {r['db_ms']:6.2f}  "
                      f"= {r['total_ms']:6.2f} ms", flush=True)
    backend = run["backend"]
    print(f"\nbest of {args.rounds} rounds, {run['pledges']:,} pledges on {backend}:")
    measured = []
    for page in best["new"]:
        b, a = best["before"][page], best["new"][page]
        print(f"{page:<14} before {b['total_ms']:6.2f} (app {b['app_ms']:.2f} + db {b['db_ms']:.2f})  "
              f"new {a['total_ms']:6.2f} (app {a['app_ms']:.2f} + db {a['db_ms']:.2f}) ms CPU")
        text = f"{a['total_ms']:.1f} (before {b['total_ms']:.1f})"
        if backend == "postgresql":
            text += f"; app {a['app_ms']:.1f} + db {a['db_ms']:.1f} (before {b['app_ms']:.1f} + {b['db_ms']:.1f})"
        measured.append(figures.figure(f"{backend} {page}", text, "ms CPU", key=True))
    if args.write_figures:
        head = subprocess.run(["git", "-C", str(args.before), "rev-parse", "--short", "HEAD"], capture_output=True,
                              text=True).stdout.strip()
        figures.record("pages", figures.command("bench/pages_before_after.py"), measured,
                       extra=f"{run['pledges']:,} pledges on {backend}, {args.requests} requests a page, in-process "
                             f"(app + database backends){'; each GET right after a confirmation' if args.after_change else ''}; "
                             f"the code before ({head}) and the new alternately, "
                             f"{args.rounds} rounds, the best of each; new (before)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
