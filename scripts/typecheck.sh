#!/usr/bin/env bash
# mypy --strict on everything: the packages, then each test folder on its own (pytest's
# conftest.py files share one module name, which a single mypy run cannot tell apart).
set -euo pipefail
py=${1:-.venv/bin/python}
"$py" -m mypy
for part in tests/unit tests/grammar tests/browser "tests/site tests/pyodide tests/conftest.py tests/serving.py" bench/run.py; do
  # shellcheck disable=SC2086  # the parts are word lists on purpose
  MYPYPATH=tests:tests/unit:src "$py" -m mypy --strict $part
done
