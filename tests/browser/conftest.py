"""Browser fixtures: fresh contexts whose requests and console errors the tests check; one booted
kit that the tests which only read it share; and one that tests starting from an empty kit share,
cleared before each of them."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from browsing import (
    IDENTITY,
    KIT_STATE,
    PLACE,
    PYTHON_TIMEOUT_MS,
    READY,
    TO_THE_TOP,
    Log,
    SharedKit,
    settle,
    watch,
)
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


def _state(page: Page, leave_out: tuple[str, ...]) -> dict[str, object]:
    state: dict[str, object] = page.evaluate(KIT_STATE)
    return {key: value for key, value in state.items() if key not in leave_out}


@pytest.fixture(scope="session")
def shared_kit(browser: Browser, site_url: str) -> Iterator[SharedKit]:
    shared = SharedKit(browser, site_url + "kit/")
    yield shared
    shared.close()


@pytest.fixture
def read_kit(shared_kit: SharedKit) -> Iterator[Page]:
    """The session's one booted kit, for tests that only read it (or put back what they touch).

    After each test, as for `kit`: no console error, no request off 127.0.0.1, no policy
    violation; and the kit as the test found it (else the next test gets a fresh one).
    """
    page = shared_kit.open()
    before = _state(page, leave_out=PLACE)
    mark = shared_kit.mark()
    yield page
    settle(page)
    page.evaluate(TO_THE_TOP)
    after = _state(page, leave_out=PLACE)
    problems = shared_kit.problems_since(mark)
    if problems or after != before:
        shared_kit.close()
    assert problems == []
    assert after == before, "a test on the shared kit changed it: use the `kit` fixture"


@pytest.fixture(scope="session")
def cleared_shared_kit(browser: Browser, site_url: str) -> Iterator[SharedKit]:
    shared = SharedKit(browser, site_url + "kit/")
    yield shared
    shared.close()


def _clear(page: Page) -> dict[str, object]:
    page.evaluate(TO_THE_TOP)
    # "Forget me" empties the browser of every application and detail: clearing one application
    # would keep the reader's own details and the others.
    page.get_by_role("button", name="Forget me on this device").click()
    settle(page)
    page.get_by_role("button", name="Yes, forget me").click()
    settle(page)
    # Forgetting says so: dismissed, so every test finds no notice.
    dismiss = page.locator(".sr-notice .sr-dismiss")
    for _ in range(5):
        if not dismiss.count():
            break
        dismiss.first.click()
        settle(page)
    page.evaluate(TO_THE_TOP)
    return _state(page, leave_out=IDENTITY)


@pytest.fixture
def cleared_kit(cleared_shared_kit: SharedKit) -> Iterator[Page]:
    """A booted kit, emptied ("Forget me on this device") for each test: for tests that start
    from an empty kit and may change it. Before each test the kit must be exactly the empty kit
    the first test found (form, drafts, notices, folds, focus, scrolling), else a fresh one is
    booted; after each, the checks of `kit`: no console error, nothing off 127.0.0.1, no
    policy violation.
    """
    shared = cleared_shared_kit
    for _ in range(2):
        page = shared.open()
        state = _clear(page)
        if shared.cleared is None:
            shared.cleared = state
        if state == shared.cleared:
            break
        shared.close()  # it could not be put back: a fresh kit
    assert state == shared.cleared, "a fresh kit, cleared, is not the empty kit"
    mark = shared.mark()
    yield page
    problems = shared.problems_since(mark)
    if problems:
        shared.close()
    assert problems == []
