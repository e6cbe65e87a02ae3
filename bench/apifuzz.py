"""The API fuzz at benchmark size: `python bench/apifuzz.py [--examples 1000] [--roles editor,admin]
[--operations REGEX] [--postgresql URL]`.

tests/security/api_fuzz.py for every operation of openapi.json, anonymous and as each role, on a
fresh SQLite database (or a new database on the PostgreSQL server given) holding 50 pledges and
one account per role; ``--examples`` cases per operation and role (Hypothesis' count of generated
cases). Prints the cases and the status codes per operation, and the time. Any 5xx, response off
the schema or change made by a refused request stops it with the failing case.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
import uuid
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "security"))
sys.path.insert(0, str(ROOT / "tests" / "faults"))
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import figures  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=1000)
    parser.add_argument("--roles", default=",".join(("anonymous", "reader", "editor", "reviewer", "admin")))
    parser.add_argument("--operations", help="only operations whose 'METHOD /path' matches this regex")
    parser.add_argument("--postgresql", metavar="URL", help="a PostgreSQL server URL to create the database on")
    figures.add_flag(parser)
    args = parser.parse_args()

    from api_fuzz import fuzz
    from live import PASSWORD, ROLES, SECRET, seed_pledges
    from tracker.db import migrate
    from tracker.web import create_app

    work = Path(tempfile.mkdtemp(prefix="apifuzz-"))
    drop = None
    if args.postgresql:
        from tracker.db.throwaway import create_database, drop_database

        name = f"tracker_apifuzz_{uuid.uuid4().hex[:8]}"
        db_url = create_database(args.postgresql, name)
        drop = lambda: drop_database(args.postgresql, name)  # noqa: E731
    else:
        db_url = f"sqlite:///{work / 'fuzz.sqlite3'}"
    try:
        migrate.upgrade(db_url)
        seed_pledges(db_url, 50, ["editor"], ROLES)
        app = create_app({"DATABASE_URL": db_url, "SECRET_KEY": SECRET})
        began = time.perf_counter()
        tally = fuzz(app, db_url, PASSWORD, examples=args.examples, roles=tuple(args.roles.split(",")),
                     operations=args.operations)
        wall = time.perf_counter() - began
        app.extensions["tracker.engine"].dispose()
    finally:
        if drop:
            drop()
    per_op = Counter()
    for (op, _role), n in tally.cases.items():
        per_op[op] += n
    print(f"{'operation':<46} {'cases':>7}  statuses")
    for op in sorted(per_op):
        statuses = ", ".join(f"{status}: {n}" for (o, status), n in sorted(tally.statuses.items()) if o == op)
        print(f"{op:<46} {per_op[op]:>7}  {statuses}")
    total = sum(per_op.values())
    fivexx = sum(n for (_, status), n in tally.statuses.items() if status >= 500)
    print(f"\n{total:,} cases over {len(per_op)} operations x {len(args.roles.split(','))} roles "
          f"(--examples {args.examples}) in {wall:.0f} s; 5xx: {fivexx}; every response matched openapi.json; "
          f"no refused request changed the database")
    if args.write_figures:
        statuses = {op: ", ".join(f"{status}: {n}" for (o, status), n in sorted(tally.statuses.items()) if o == op)
                    for op in per_op}
        figures.record("apifuzz", figures.command("bench/apifuzz.py"),
                       [*(figures.figure(f"`{op}`", f"{per_op[op]:,} cases, {statuses[op]}") for op in sorted(per_op)),
                        figures.figure("wall", round(wall), "s"), figures.figure("5xx", fivexx)],
                       extra=f"roles {args.roles}; {'PostgreSQL' if args.postgresql else 'SQLite'}")


if __name__ == "__main__":
    main()
