#!/usr/bin/env bash
# Make sure the tests have a Chromium (Debian's if present or installable, else Playwright's) and
# a Java runtime for the HTML checker.
set -euo pipefail
py=${1:-.venv/bin/python}
if ! command -v java >/dev/null && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing a Java runtime for the HTML checker..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null
fi
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's chromium for the browser tests..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "No /usr/bin/chromium and not root: installing Playwright's Chromium instead."
"$py" -m playwright install chromium
