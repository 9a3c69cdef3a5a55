#!/usr/bin/env bash
# The whole suite, as CI and the README run it: lint; then, side by side, types, the browser
# tests, and the rest of pytest (unit, build, Pyodide, grammar); then the outcome of each.
set -uo pipefail
py=${1:-.venv/bin/python}
"$py" -m ruff check src tests bench || exit 1
"$py" -m ruff format --check src tests bench || exit 1
# Browser tests spend part of their time waiting on Chromium; on two cores the other sessions
# fill it. They run niced, so the browser tests (the longest part, and the only one that waits
# on timeouts) come first for the CPU. Each reports after the browser tests, in full.
types_log=$(mktemp)
rest_log=$(mktemp)
nice -n 10 bash scripts/typecheck.sh "$py" >"$types_log" 2>&1 &
types=$!
# The thorough Hypothesis profile, whatever the shell exported (`make test-fast` uses "fast").
HYPOTHESIS_PROFILE=thorough SECONDROUND_BESIDE_BROWSER=1 \
  nice -n 10 "$py" -m pytest -m "not browser" -p no:cacheprovider >"$rest_log" 2>&1 &
rest=$!
HYPOTHESIS_PROFILE=thorough "$py" -m pytest -m browser
browser_status=$?
wait "$rest"
rest_status=$?
wait "$types"
types_status=$?
echo "--- pytest -m 'not browser' (unit, build, Pyodide, grammar)"
cat "$rest_log"
echo "--- mypy (scripts/typecheck.sh)"
cat "$types_log"
rm -f "$types_log" "$rest_log"
failed=0
for part in "browser:$browser_status" "rest:$rest_status"; do
  # pytest exits 5 when it collected no test: that is a broken suite, not a pass.
  case ${part#*:} in
    0) ;;
    5) echo "pytest (${part%%:*}) collected no tests: failing on purpose."; failed=1 ;;
    *) echo "pytest (${part%%:*}) failed."; failed=1 ;;
  esac
done
if [ "$types_status" != 0 ]; then
  echo "mypy found type errors (above): failing."
  failed=1
fi
exit "$failed"
