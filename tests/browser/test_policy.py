"""The Content-Security-Policy is live on every page, and the kit works under it unhindered."""

from __future__ import annotations

from typing import Any

import pytest
from browsing import COLLECT_VIOLATIONS, READY, Log, address, open_kit, settle
from playwright.sync_api import BrowserContext, Page, expect

PAGES = ("", "steps/", "tips/", "timing/", "404.html")


def violations(page: Page) -> list[str]:
    found: list[str] = page.evaluate("window.__violations || []")
    return found


def watched(new_context: Any, **kwargs: Any) -> BrowserContext:
    context: BrowserContext = new_context(**kwargs)
    context.add_init_script(COLLECT_VIOLATIONS)
    return context


def assert_policy(page: Page) -> None:
    policy = page.locator('meta[http-equiv="Content-Security-Policy"]')
    expect(policy).to_have_count(1)
    content = policy.get_attribute("content") or ""
    assert "script-src 'self' 'wasm-unsafe-eval' 'sha256-" in content
    assert "object-src 'none'" in content
    assert "unsafe-inline" not in content


@pytest.mark.parametrize("path", PAGES)
def test_every_page_carries_the_policy_and_breaks_none_of_it(
    new_context: Any, site_url: str, log: Log, path: str
) -> None:
    page = watched(new_context).new_page()
    page.goto(site_url + path)
    page.wait_for_load_state("networkidle")
    assert_policy(page)
    assert violations(page) == []
    assert log.errors == []


def test_the_kit_page_carries_the_policy_and_breaks_none_of_it(read_kit: Page) -> None:
    """The kit's page, booted: its fixture checks the violations and the console."""
    assert_policy(read_kit)


def test_the_whole_kit_flow_runs_without_a_violation(
    new_context: Any, site_url: str, log: Log, tmp_path: Any
) -> None:
    context = watched(new_context, permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    # In by instant navigation from the home page, as most readers arrive.
    page.goto(site_url)
    page.locator("a.sr-cta").click()
    page.wait_for_selector(READY, timeout=60_000)
    page.fill("#sr-f-name", "Policy Reader")
    page.fill("#sr-f-interview-date", "2026-11-20")
    settle(page)
    page.locator(".sr-items input[type=checkbox]").first.check()
    settle(page)
    page.locator("[data-copy-from]").first.click()
    href = page.locator(".sr-draft a[href^='mailto:']").first.get_attribute("href")
    assert href is not None
    assert href.startswith("mailto:")
    page.emulate_media(media="print")
    page.emulate_media(media="screen")
    with page.expect_download() as calendar:
        page.get_by_role("button", name="Add to calendar (.ics)").click()
    assert calendar.value.suggested_filename.endswith(".ics")
    with page.expect_download() as export:
        page.get_by_role("button", name="Export every application (.json)").click()
    assert export.value.suggested_filename.endswith(".json")
    bookmark = address(page)
    page.reload()
    page.wait_for_selector(READY, timeout=60_000)
    # A fresh page from the bookmark, with the service worker in charge by now.
    fresh = context.new_page()
    open_kit(fresh, bookmark)
    settle(fresh)
    assert violations(page) == []
    assert violations(fresh) == []
    assert log.ours() == []


def test_an_injected_script_and_a_javascript_url_are_blocked(
    new_context: Any, site_url: str, log: Log
) -> None:
    page = watched(new_context).new_page()
    open_kit(page, site_url + "kit/")
    page.evaluate(
        "() => { const s = document.createElement('script');"
        " s.textContent = 'window.__pwned = 1'; document.body.append(s); }"
    )
    page.evaluate(
        "() => { const a = document.createElement('a'); a.href = 'javascript:window.__pwned = 2';"
        " document.body.append(a); a.click(); }"
    )
    page.wait_for_function("() => window.__violations.length >= 2")
    assert page.evaluate("window.__pwned") is None
    assert all(v.startswith("script-src") for v in violations(page))
    # Chromium said so in the console too; these two were wanted, so the fixture's check of
    # every test for violations is told they were seen.
    assert len(log.policy_violations()) >= 2
    log.errors.clear()


def test_a_damaged_theme_setting_throws_nothing_and_is_reset(
    new_context: Any, site_url: str, log: Log
) -> None:
    context = new_context()
    # about:blank, where the context's scripts also run, has no storage to write to.
    context.add_init_script("try { localStorage.setItem('/.__palette', '{broken') } catch {}")
    page = context.new_page()
    page.goto(site_url + "steps/")
    page.wait_for_load_state("networkidle")
    assert log.errors == []
    assert page.evaluate("localStorage.getItem('/.__palette')") != "{broken"
