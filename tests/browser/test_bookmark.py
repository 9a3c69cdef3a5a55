"""The address bar always holds the reader's checklist, and no example detail reaches a draft."""

from __future__ import annotations

import re
from typing import Any

import pytest
from browsing import address, open_kit, settle
from playwright.sync_api import Page, expect

from secondround.app.form_view import field_id
from secondround.input.form import declared
from secondround.input.profile import Profile

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
    kit.wait_for_function("() => location.hash.startsWith('#sr1.')")
    settle(kit)
    url = address(kit)

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
    # The home page's address holds no token of the kit's.
    kit.wait_for_url(re.compile(r"^http://127\.0\.0\.1:\d+/$"))
    kit.locator("a.sr-cta").click()
    kit.wait_for_function("() => location.hash.startsWith('#sr1.')")
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


def test_the_link_copies_with_feedback_and_the_shared_one_holds_no_contact_details(
    new_context: Any, site_url: str
) -> None:
    context = new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    open_kit(page, site_url + "kit/")
    page.fill("#sr-f-name", "Ada Byron")
    page.fill("#sr-f-email", "ada@example.org")
    page.fill("#sr-f-phone", "+44 20 7946 0000")
    page.fill("#sr-f-company", "Harbor Pine")
    settle(page)
    full = page.get_by_role("button", name="Copy the link to this checklist")
    here = address(page)
    expect(full).to_have_attribute("data-copy-link", here[here.index("#") :])
    # Held by its token, since its name changes while it says it copied.
    full = page.locator(f"[data-copy-link='{full.get_attribute('data-copy-link')}']")
    full.click()
    expect(full).to_have_text("Link copied")
    assert page.evaluate("navigator.clipboard.readText()") == address(page)
    page.get_by_role("button", name="Copy a link to share for feedback").click()
    shared = page.evaluate("navigator.clipboard.readText()")
    assert "#shared-sr1." in shared

    friend = new_context().new_page()
    open_kit(friend, shared)
    settle(friend)
    expect(friend.locator("#sr-f-company")).to_have_value("Harbor Pine")
    # Every field declared private is empty, whatever the friend's link was made from.
    for name, spec in declared(Profile):
        if spec.private:
            expect(friend.locator(f"#{field_id(name)}")).to_have_value("")
    expect(friend.locator(".sr-notice")).to_contain_text("without its owner's contact details")
    texts = "\n".join(friend.locator(".sr-draft__body").all_inner_texts())
    assert "Ada Byron" not in texts
    assert "ada@example.org" not in texts


def test_forget_me_removes_every_trace_from_this_browser(kit: Page) -> None:
    kit.fill("#sr-f-name", "Leaves No Trace")
    settle(kit)
    kit.wait_for_function("() => localStorage.getItem('secondround:view-cache') !== null")
    kit.get_by_role("button", name="Forget me on this device").click()
    settle(kit)
    # It asks once, saying what it erases, with an export offered first (and focused).
    expect(kit.locator("#sr-forget-ask")).to_contain_text("This erases your 1 application")
    expect(kit.get_by_role("button", name="Export every application first (.json)")).to_be_focused()
    kit.get_by_role("button", name="Yes, forget me").click()
    settle(kit)
    kit.wait_for_function(
        "() => Object.keys(localStorage).every(k => !k.startsWith('secondround:'))"
        " && !location.hash.includes('sr1.')"
    )
    for _ in range(50):
        names = kit.evaluate("caches.keys()")
        if not [n for n in names if n.startswith(("secondround-", "pyodide-"))]:
            break
        kit.wait_for_timeout(100)
    assert [n for n in names if n.startswith(("secondround-", "pyodide-"))] == []
    assert kit.evaluate("navigator.serviceWorker.getRegistrations()") == []
    expect(kit.locator(".sr-notice")).to_contain_text("Everything the kit kept in this browser")
    # The way back is where the reader is: focused, for as long as the tab stays open.
    expect(kit.get_by_role("button", name="Undo: bring my applications back")).to_be_focused()
    kit.reload()
    kit.wait_for_selector('[data-status="ready"]:not([hidden])')
    expect(kit.locator("#sr-f-name")).not_to_have_value("Leaves No Trace")


def test_forget_me_can_be_undone_while_the_tab_is_open(kit: Page) -> None:
    kit.fill("#sr-f-name", "Changed My Mind")
    settle(kit)
    kit.get_by_role("button", name="Forget me on this device").click()
    settle(kit)
    kit.get_by_role("button", name="Yes, forget me").click()
    settle(kit)
    expect(kit.locator("#sr-f-name")).not_to_have_value("Changed My Mind")
    kit.get_by_role("button", name="Undo: bring my applications back").click()
    settle(kit)
    expect(kit.locator("#sr-f-name")).to_have_value("Changed My Mind")
    kit.reload()
    kit.wait_for_selector('[data-status="ready"]:not([hidden])')
    expect(kit.locator("#sr-f-name")).to_have_value("Changed My Mind")


def test_an_older_bookmark_does_not_undo_later_ticks(kit: Page) -> None:
    kit.fill("#sr-f-name", "Ticks Kept")
    kit.fill("#sr-f-interview-date", "2026-11-20")
    settle(kit)
    older = address(kit)
    boxes = kit.locator(".sr-items input[type=checkbox]")
    for index in range(3):
        boxes.nth(index).check()
        settle(kit)
    newer = address(kit)
    assert older != newer, "each tick is a new revision, with a token of its own"
    # The reader opens the older bookmark in the same tab: the fragment changes, the page stays.
    kit.goto(older)
    # Python's answer to that bookmark is what the test waits for (not a time): it keeps the
    # newer version and puts its token back in the address.
    kit.wait_for_function("(newer) => location.href === newer", arg=newer)
    settle(kit)
    for index in range(3):
        expect(boxes.nth(index)).to_be_checked()
    expect(kit.locator(".sr-notice", has_text="older version")).to_be_visible()
    # And in a new tab of the same browser, where the page starts from the saved copy.
    tab = kit.context.new_page()
    open_kit(tab, older)
    settle(tab)
    for index in range(3):
        expect(tab.locator(".sr-items input[type=checkbox]").nth(index)).to_be_checked()
    expect(tab.locator(".sr-notice", has_text="older version")).to_be_visible()


def test_undo_is_in_view_after_clearing_the_kit_at_the_bottom(cleared_kit: Page) -> None:
    kit = cleared_kit
    kit.fill("#sr-f-company", "Cleared Then Back")
    settle(kit)
    clear = kit.get_by_role("button", name="Clear this application")
    clear.scroll_into_view_if_needed()
    clear.click()
    settle(kit)
    expect(kit.locator("#sr-f-company")).to_have_value("")
    undo = kit.get_by_role("button", name="Undo: bring back what you cleared")
    box = undo.bounding_box()
    viewport = kit.viewport_size
    assert box is not None
    assert viewport is not None
    assert box["y"] >= 0
    assert box["y"] + box["height"] <= viewport["height"]
    undo.click()
    settle(kit)
    expect(kit.locator("#sr-f-company")).to_have_value("Cleared Then Back")
