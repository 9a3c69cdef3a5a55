"""Several applications in Chromium: add, switch, archive, delete, links, tabs, migration."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from browsing import Log, address, open_kit, settle
from playwright.sync_api import Page, expect

FIXTURES = Path(__file__).resolve().parents[1] / "unit" / "fixtures"
STATE_KEY = "secondround:v1:state"
APP_KEYS = "Object.keys(localStorage).filter(k => k.startsWith('secondround:v3:app:')).sort()"


def start(page: Page, company: str, interview: str = "") -> None:
    """Type one application's company (and interview date), on the form shown."""
    page.fill("#sr-f-company", company)
    if interview:
        page.fill("#sr-f-interview-date", interview)
    settle(page)


def add(page: Page, company: str, interview: str = "") -> None:
    page.get_by_role("button", name="Add an application").click()
    settle(page)
    expect(page.locator("#sr-f-company")).to_be_focused()
    start(page, company, interview)


def rows(page: Page) -> Any:
    return page.locator(".sr-apps .sr-app")


def test_add_switch_and_today_across_all(kit: Page) -> None:
    kit.fill("#sr-f-name", "Sam Rivera")
    start(kit, "Northwind", "2026-11-20")
    add(kit, "Contoso", "2026-11-21")
    add(kit, "Fabrikam")
    expect(rows(kit)).to_have_count(3)
    # The reader's own name is shared; each application keeps its own company.
    expect(kit.locator("#sr-f-name")).to_have_value("Sam Rivera")
    today = kit.locator(".sr-today-all")
    expect(today).to_contain_text("Today, across all your applications")
    expect(today).to_contain_text("Northwind")
    expect(today).to_contain_text("Contoso")
    today.get_by_role("button").filter(has_text="Contoso").first.click()
    settle(kit)
    expect(kit.locator("#sr-f-company")).to_have_value("Contoso")
    expect(kit.locator("#sr-f-interview-date")).to_have_value("2026-11-21")
    kit.locator(".sr-apps").get_by_role("button", name="Northwind").click()
    settle(kit)
    expect(kit.locator("#sr-f-company")).to_have_value("Northwind")
    assert "#sr1." in address(kit)
    assert len(kit.evaluate(APP_KEYS)) == 3
    # A reload opens the one shown last, with the others beside it.
    kit.reload()
    open_kit(kit, address(kit))
    expect(kit.locator("#sr-f-company")).to_have_value("Northwind")
    expect(rows(kit)).to_have_count(3)


def test_archive_then_delete_with_undo(kit: Page) -> None:
    start(kit, "Northwind", "2026-11-20")
    add(kit, "Contoso", "2026-11-21")
    kit.get_by_role("button", name="Archive this one").click()
    settle(kit)
    expect(rows(kit).filter(has_text="Contoso")).to_contain_text("Archived")
    expect(kit.locator(".sr-today-all")).to_have_count(0)
    kit.get_by_role("button", name="Make this one active again").click()
    settle(kit)
    expect(rows(kit).filter(has_text="Contoso")).to_contain_text("Waiting to hear")
    kit.get_by_role("button", name="Delete this one").click()
    settle(kit)
    expect(kit.locator("#sr-f-company")).to_have_value("Northwind")
    expect(rows(kit)).to_have_count(1)
    kit.get_by_role("button", name="Undo: bring it back").click()
    settle(kit)
    expect(kit.locator("#sr-f-company")).to_have_value("Contoso")
    expect(rows(kit)).to_have_count(2)


def test_a_bookmark_is_added_beside_and_a_deleted_ones_link_offers_it_back(
    kit: Page, new_context: Any, site_url: str
) -> None:
    start(kit, "From a link", "2026-11-20")
    link = address(kit)

    page = new_context().new_page()
    open_kit(page, site_url + "kit/")
    start(page, "Northwind")
    add(page, "Contoso")
    page.goto(link)
    open_kit(page, link)
    settle(page)
    expect(page.locator("#sr-f-company")).to_have_value("From a link")
    expect(rows(page)).to_have_count(3)
    page.get_by_role("button", name="Delete this one").click()
    settle(page)
    expect(rows(page)).to_have_count(2)
    page.goto(site_url + "kit/#" + link.split("#", 1)[1])
    open_kit(page, link)
    settle(page)
    notice = page.locator(".sr-notice", has_text="which you deleted from this browser")
    expect(notice).to_be_visible()
    notice.get_by_role("button", name="Bring it back").click()
    settle(page)
    expect(page.locator("#sr-f-company")).to_have_value("From a link")
    expect(rows(page)).to_have_count(3)


def test_two_tabs_edit_two_applications_and_both_stay_whole(
    new_context: Any, site_url: str, log: Log
) -> None:
    context = new_context()
    first = context.new_page()
    open_kit(first, site_url + "kit/")
    start(first, "Northwind")
    add(first, "Contoso")
    second = context.new_page()
    open_kit(second, site_url + "kit/")
    expect(second.locator("#sr-f-company")).to_have_value("Contoso")
    second.locator(".sr-apps").get_by_role("button", name="Northwind").click()
    settle(second)
    for i in range(3):
        first.fill("#sr-f-position", f"Analyst {i}")
        second.fill("#sr-f-position", f"Lead {i}")
    settle(first)
    settle(second)
    expect(first.locator("#sr-f-position")).to_have_value("Analyst 2")
    expect(second.locator("#sr-f-position")).to_have_value("Lead 2")
    expect(first.locator(".sr-apps")).to_contain_text("Lead 2 at Northwind")
    expect(second.locator(".sr-apps")).to_contain_text("Analyst 2 at Contoso")
    third = context.new_page()
    open_kit(third, site_url + "kit/")
    text = third.locator(".sr-apps").inner_text()
    assert "Lead 2 at Northwind" in text
    assert "Analyst 2 at Contoso" in text
    assert log.errors == []


def test_todays_saved_checklist_and_bookmark_become_applications(
    new_context: Any, site_url: str, log: Log
) -> None:
    saved = (FIXTURES / "state-v1.json").read_text("utf-8").strip()
    bookmark = (FIXTURES / "bookmark-v2.txt").read_text("utf-8").strip()
    context = new_context()
    context.add_init_script(
        "try { if (!sessionStorage.getItem('seeded')) { sessionStorage.setItem('seeded', '1');"
        f" localStorage.setItem('{STATE_KEY}', {json.dumps(saved)}); }} }} catch {{}}"
    )
    page = context.new_page()
    open_kit(page, site_url + "kit/")
    settle(page)
    profile = json.loads(saved)["state"]["profile"]
    expect(page.locator("#sr-f-company")).to_have_value(profile["company"])
    expect(page.locator("#sr-f-name")).to_have_value(profile["name"])
    expect(page.locator(".sr-items input[type=checkbox]:checked")).to_have_count(2)
    expect(rows(page)).to_have_count(1)
    assert len(page.evaluate(APP_KEYS)) == 1
    # A bookmark from today's build opens beside it, with the reader's details kept.
    page.goto(site_url + "kit/#" + bookmark)
    open_kit(page, site_url + "kit/#" + bookmark)
    settle(page)
    expect(rows(page)).to_have_count(2)
    expect(page.locator("#sr-f-name")).to_have_value(profile["name"])
    assert len(page.evaluate(APP_KEYS)) == 2
    assert log.errors == []
