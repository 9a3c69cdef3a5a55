"""Shared fixtures: one strict build of the site per session, served on 127.0.0.1, and Chromium.

Every test is marked by its folder (unit, site, pyodide, grammar, browser), so a run can pick
parts with `-m`: `make test-fast` is `-m "not browser and not grammar"`.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import background
from serving import build_site, chromium_launch_args, free_port, serve

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests"
# The folders under tests/ that hold tests, each the name of its marker (pyproject.toml).
PARTS = ("unit", "site", "pyodide", "grammar", "browser")
# Set by scripts/run-tests.sh for the session that runs beside the browser tests' own.
BESIDE_BROWSER = "SECONDROUND_BESIDE_BROWSER"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        part = item.path.relative_to(TESTS).parts[0]
        assert part in PARTS, f"{item.nodeid}: a test outside the folders {PARTS} has no marker"
        item.add_marker(getattr(pytest.mark, part))
    # Tests that wait for a background run go last, so the rest runs while those runs work.
    items.sort(key=lambda item: background.has_runs(_module_name(item)))


def _module_name(item: pytest.Item) -> str | None:
    module = getattr(item, "module", None)
    return None if module is None else str(module.__name__)


def pytest_collection_finish(session: pytest.Session) -> None:
    # The long Node runs of the tests about to run start now, beside the rest (tests/background.py).
    if session.config.option.collectonly:
        return
    browser = any(item.get_closest_marker("browser") for item in session.items)
    # scripts/run-tests.sh runs the browser tests in a session of their own, beside this one.
    beside_browser = os.environ.get(BESIDE_BROWSER) == "1"
    modules = {_module_name(item) for item in session.items} - {None}
    background.start_runs_of(modules, workers=1 if browser or beside_browser else 2)


def pytest_sessionfinish(session: pytest.Session) -> None:
    background.stop()


@pytest.fixture(scope="session")
def site_port() -> int:
    return free_port()


@pytest.fixture(scope="session")
def built_site(site_port: int, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site as `mkdocs build --strict` makes it, for the address the tests serve it on."""
    out = tmp_path_factory.mktemp("site")
    build_site(ROOT, out, site_port)
    return out


@pytest.fixture(scope="session")
def site_url(built_site: Path, site_port: int) -> Iterator[str]:
    server = serve(lambda: built_site, site_port)
    yield f"http://127.0.0.1:{site_port}/"
    server.shutdown()
    server.server_close()


# For the tests only: WebAssembly stays on V8's baseline compiler (Liftoff). The suite boots
# Python some ninety times, and optimizing Pyodide's interpreter loop with TurboFan was a third
# of each boot's CPU on this 2-core machine. The same WebAssembly runs, only less optimized;
# the benchmark (bench/run.py) keeps Chromium's defaults, as readers have them.
TEST_ONLY_ARGS = ["--js-flags=--liftoff-only"]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    launch = {**browser_type_launch_args, **chromium_launch_args()}
    return {**launch, "args": [*launch["args"], *TEST_ONLY_ARGS]}
