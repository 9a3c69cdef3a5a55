#!/usr/bin/env bash
# The whole suite, as CI and the README run it: lint, types, then pytest (unit, Pyodide, build, browser).
set -uo pipefail
py=${1:-.venv/bin/python}
"$py" -m ruff check src tests bench || exit 1
"$py" -m ruff format --check src tests bench || exit 1
bash scripts/typecheck.sh "$py" || exit 1
# The thorough Hypothesis profile, whatever the shell exported (`make test-fast` uses "fast").
HYPOTHESIS_PROFILE=thorough "$py" -m pytest
status=$?
# pytest exits 5 when it collected no test: that is a broken suite, not a pass.
if [ "$status" = 5 ]; then
  echo "pytest collected no tests: failing on purpose."
  exit 1
fi
exit "$status"
