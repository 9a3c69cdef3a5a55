"""Browser fixtures: fresh contexts whose requests and console errors the tests check."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from browsing import PYTHON_TIMEOUT_MS, READY, Log, watch
from playwright.sync_api import Browser, BrowserContext, Page


@pytest.fixture
def log() -> Log:
    return Log()


@pytest.fixture
def new_context(browser: Browser, log: Log) -> Iterator[Any]:
    """Make fresh contexts (empty storage) that all report into the test's log."""
    made: list[BrowserContext] = []

    def make(**kwargs: Any) -> BrowserContext:
        context = browser.new_context(**kwargs)
        watch(context, log)
        made.append(context)
        return context

    yield make
    for context in made:
        context.close()
    # Every browser test is also a test of the policy: nothing it does may be blocked by it.
    assert log.policy_violations() == []


@pytest.fixture
def kit(new_context: Any, site_url: str, log: Log) -> Iterator[Page]:
    """The kit page in a fresh browser, once Python is ready; fails on any console error."""
    page = new_context().new_page()
    page.goto(site_url + "kit/")
    page.wait_for_selector(READY, timeout=PYTHON_TIMEOUT_MS)
    yield page
    assert log.errors == []
    assert log.foreign() == []
