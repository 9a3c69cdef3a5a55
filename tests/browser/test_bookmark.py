"""The address bar always holds the reader's checklist, and no example detail reaches a draft."""

from __future__ import annotations

from typing import Any

import pytest
from browsing import open_kit, settle
from playwright.sync_api import Page, expect

# Example details a reader could send by mistake if they survived an edit.
EXAMPLE_VALUES = (
    "Jordan Rivera",
    "555-0142",
    "Northwind",
    "Senior Data Analyst",
    "Priya",
    "Okafor",
    "three analysts",
    "real-time data",
)


def test_scrolling_and_in_page_links_keep_the_checklist_in_the_url(
    kit: Page, new_context: Any
) -> None:
    kit.fill("#sr-f-name", "Grace Hopper")
    kit.fill("#sr-f-interview-date", "2026-11-20")
    settle(kit)
    kit.locator(".sr-items input[type=checkbox]").first.check()
    settle(kit)
    kit.mouse.wheel(0, 4000)
    kit.wait_for_timeout(800)  # longer than the theme's debounce on scroll tracking
    kit.mouse.wheel(0, -4000)
    kit.wait_for_timeout(800)
    # An in-page link (the table of contents) changes the fragment; the kit puts the token back.
    toc = kit.locator(".md-sidebar--secondary a.md-nav__link").first
    if toc.is_visible():
        toc.click()
    else:
        kit.evaluate("location.hash = 'how-the-kit-decides-the-dates'")
    kit.wait_for_function("location.hash.startsWith('#sr1.')")
    settle(kit)
    url = kit.url

    fresh = new_context().new_page()
    open_kit(fresh, url)
    settle(fresh)
    expect(fresh.locator("#sr-f-name")).to_have_value("Grace Hopper")
    expect(fresh.locator(".sr-items input[type=checkbox]").first).to_be_checked()


def test_leaving_and_coming_back_restores_the_token(kit: Page) -> None:
    kit.fill("#sr-f-name", "Round Trip")
    settle(kit)
    # By instant navigation: to the home page by the logo, then back by its way to the kit.
    kit.locator("a.md-header__button.md-logo").click()
    kit.wait_for_url(lambda url: url.rstrip("/").endswith(str(kit.url).split("/")[2]))
    kit.locator("a.sr-cta").click()
    kit.wait_for_function("location.hash.startsWith('#sr1.')")
    settle(kit)
    expect(kit.locator("#sr-f-name")).to_have_value("Round Trip")


def test_changing_only_the_name_leaves_no_example_value_in_any_draft(kit: Page) -> None:
    kit.fill("#sr-f-name", "Ada Okonkwo")
    settle(kit)
    texts = "\n".join(kit.locator(".sr-draft__body").all_inner_texts())
    assert "Ada Okonkwo" in texts
    assert [value for value in EXAMPLE_VALUES if value in texts] == []
    # Keeping the example is the reader's explicit choice, and their own name stays.
    kit.get_by_role("button", name="Fill the fields I left empty from the example").click()
    settle(kit)
    texts = "\n".join(kit.locator(".sr-draft__body").all_inner_texts())
    assert "Northwind" in texts
    assert "Ada Okonkwo" in texts
    assert "Jordan Rivera" not in texts


@pytest.mark.parametrize(("width", "height"), [(1280, 900), (390, 844)], ids=["desktop", "phone"])
def test_the_home_page_leads_to_the_kit_above_the_fold(
    new_context: Any, site_url: str, width: int, height: int
) -> None:
    page = new_context(viewport={"width": width, "height": height}).new_page()
    page.goto(site_url)
    link = page.locator("a.sr-cta")
    expect(link).to_be_visible()
    box = link.bounding_box()
    assert box is not None
    assert box["y"] + box["height"] <= height
    link.click()
    page.wait_for_url("**/kit/**")
