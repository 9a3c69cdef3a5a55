"""Every guide page in Chromium: loads clean, stays on 127.0.0.1, passes axe, navigates fast."""

from __future__ import annotations

from typing import Any

import pytest
from browsing import Log, axe_violations
from playwright.sync_api import Page, expect

PAGES = ["", "steps/", "tips/", "timing/"]

# Records what makes the browser style every element of a page again once it is laid out: a
# change to the classes of <html> made after the body exists, or Material's palette flag put on
# <body> after the footer is parsed. (Setting a class or an attribute to what it already is
# makes a mutation record too, but no change, and no new styles.)
RESTYLES_OF_THE_PAGE = """
window.__restyles = [];
new MutationObserver((changes) => {
  if (!document.body) return;
  const root = changes.filter((change) => change.target === document.documentElement);
  root.forEach((change, i) => {
    const after = i + 1 < root.length ? root[i + 1].oldValue : document.documentElement.className;
    if (change.oldValue !== after) window.__restyles.push(change.oldValue + " -> " + after);
  });
  for (const change of changes) {
    const late = document.querySelector(".md-footer") !== null;
    const flag = change.attributeName === "data-md-color-switching";
    if (change.target === document.body && flag && change.oldValue === null && late) {
      window.__restyles.push("body: data-md-color-switching set");
    }
  }
}).observe(document, {
  subtree: true,
  attributeFilter: ["class", "data-md-color-switching"],
  attributeOldValue: true,
});
"""


@pytest.mark.parametrize("path", PAGES, ids=["overview", "steps", "tips", "timing"])
def test_page_loads_clean_and_accessible(
    new_context: Any, site_url: str, log: Log, path: str
) -> None:
    page = new_context().new_page()
    page.add_init_script(RESTYLES_OF_THE_PAGE)
    page.goto(site_url + path)
    page.wait_for_load_state("networkidle")
    expect(page.locator("h1")).to_have_count(1)
    # Material's script sets the classes and the flag the page already set (overrides/main.html),
    # so the whole page is not styled again in its long task; and it takes its flag off again.
    assert page.evaluate("window.__restyles") == []
    assert page.evaluate("document.documentElement.className") == "js js-focus-visible"
    expect(page.locator("body")).not_to_have_attribute("data-md-color-switching", "")
    assert axe_violations(page) == []
    assert log.errors == []
    assert log.foreign() == []


def test_the_kit_page_loads_clean_and_accessible(read_kit: Page) -> None:
    """The kit's page, live: its fixture checks the console, the requests and the policy."""
    expect(read_kit.locator("h1")).to_have_count(1)
    assert axe_violations(read_kit) == []


def test_dark_palette_is_accessible_too(new_context: Any, site_url: str, log: Log) -> None:
    page = new_context(color_scheme="dark").new_page()
    page.goto(site_url + "steps/")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    assert axe_violations(page) == []
    assert log.errors == []


def test_navigation_is_instant_and_search_finds_the_card(
    new_context: Any, site_url: str, log: Log
) -> None:
    page = new_context().new_page()
    page.goto(site_url)
    page.evaluate("window.__sameDocument = true")
    page.get_by_role("link", name="The three steps").first.click()
    expect(page.locator("h1")).to_contain_text("The three steps")
    # Instant navigation swaps the page without reloading it, so the marker survives.
    assert page.evaluate("window.__sameDocument") is True
    page.locator(".md-search__input").click()
    page.keyboard.type("handwritten")
    expect(page.locator(".md-search-result__meta")).to_contain_text("matching")
    expect(page.locator(".md-search-result__list")).to_contain_text("card")
    assert log.errors == []
    assert log.foreign() == []


def test_a_page_prints_without_the_site_chrome(new_context: Any, site_url: str) -> None:
    page = new_context().new_page()
    page.goto(site_url + "steps/")
    page.emulate_media(media="print")
    expect(page.locator(".md-header")).to_be_hidden()
    expect(page.locator("h1")).to_be_visible()
