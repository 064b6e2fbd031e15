#!/bin/sh
# The whole benchmark: bench/run.sh [--n 100000] [--workers N] [--reps 5] [--no-pages] [--reuse-db]
cd "$(dirname "$0")/.." || exit 1
PY=.venv/bin/python
[ -x "$PY" ] || PY=python3
exec "$PY" -m bench "$@"
