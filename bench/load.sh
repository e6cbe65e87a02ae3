#!/usr/bin/env bash
# Load test: tracker serve (one worker process a core) on PostgreSQL with 100,000 pledges, wrk for 60 s at 32
# connections over a mix of logged-in readers, editors and reviewers (see bench/load/run.py).
# Needs wrk (Debian: apt-get install wrk) and the PostgreSQL binaries (or --pg-url).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v wrk >/dev/null; then
    echo "bench/load.sh: wrk not found (apt-get install wrk)" >&2
    exit 2
fi
python=${PYTHON:-.venv/bin/python}
[ -x "$python" ] || python=python3
exec timeout 1800 "$python" bench/load/run.py "$@"
