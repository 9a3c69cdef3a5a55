#!/usr/bin/env bash
# The whole suite, as CI and the README run it: lint, then types beside pytest (unit, Pyodide,
# build, browser), and the outcome of both.
set -uo pipefail
py=${1:-.venv/bin/python}
"$py" -m ruff check src tests bench || exit 1
"$py" -m ruff format --check src tests bench || exit 1
# mypy takes half a minute on a clean clone: it runs beside pytest, and its report follows.
types_log=$(mktemp)
bash scripts/typecheck.sh "$py" >"$types_log" 2>&1 &
types=$!
# The thorough Hypothesis profile, whatever the shell exported (`make test-fast` uses "fast").
HYPOTHESIS_PROFILE=thorough "$py" -m pytest
status=$?
wait "$types"
types_status=$?
echo "--- mypy (scripts/typecheck.sh)"
cat "$types_log"
rm -f "$types_log"
# pytest exits 5 when it collected no test: that is a broken suite, not a pass.
if [ "$status" = 5 ]; then
  echo "pytest collected no tests: failing on purpose."
  exit 1
fi
if [ "$types_status" != 0 ]; then
  echo "mypy found type errors (above): failing."
  exit 1
fi
exit "$status"
