"""Ticks stay with people: remove someone (with a confirming click), undo, and nothing moves."""

from __future__ import annotations

from typing import Any

from browsing import address, open_kit, settle
from playwright.sync_api import Page, expect


def test_removing_and_restoring_an_interviewer_keeps_every_tick_on_its_person(
    cleared_kit: Page,
) -> None:
    kit = cleared_kit
    kit.fill("#sr-f-name", "Panel Candidate")
    kit.fill("#sr-f-interview-date", "2026-11-20")
    kit.fill("#sr-f-i0-name", "Ana Alves")
    for index, name in ((1, "Ben Brook"), (2, "Cy Chen")):
        kit.get_by_role("button", name="Add another interviewer").click()
        settle(kit)
        kit.fill(f"#sr-f-i{index}-name", name)
    settle(kit)
    ben = kit.locator(".sr-item", has_text="Email a thank-you note to Ben Brook")
    ben.locator("input[type=checkbox]").check()
    settle(kit)

    remove = kit.get_by_role("button", name="Remove interviewer 1")
    remove.click()
    settle(kit)
    # The first click only asks; a double click cannot remove two people.
    expect(kit.locator("#sr-f-i0-name")).to_have_value("Ana Alves")
    kit.get_by_role("button", name="Yes, remove Ana Alves and their ticks").click()
    settle(kit)
    expect(kit.locator("#sr-f-i0-name")).to_have_value("Ben Brook")
    expect(kit.locator("#sr-f-i0-name")).to_be_focused()
    expect(ben.locator("input[type=checkbox]")).to_be_checked()
    cy = kit.locator(".sr-item", has_text="Email a thank-you note to Cy Chen")
    expect(cy.locator("input[type=checkbox]")).not_to_be_checked()

    kit.get_by_role("button", name="Undo: bring back Ana Alves").click()
    settle(kit)
    expect(kit.locator("#sr-f-i0-name")).to_have_value("Ana Alves")
    expect(ben.locator("input[type=checkbox]")).to_be_checked()
    ana = kit.locator(".sr-item", has_text="Email a thank-you note to Ana Alves")
    expect(ana.locator("input[type=checkbox]")).not_to_be_checked()


def test_an_edited_draft_survives_a_reload_and_a_bookmark(kit: Page, new_context: Any) -> None:
    kit.fill("#sr-f-name", "Edits Kept")
    settle(kit)
    draft = kit.locator(".sr-draft--email").first
    draft.get_by_role("button", name="Edit", exact=True).click()
    settle(kit)
    box = draft.locator("textarea")
    expect(box).to_be_focused()
    box.fill("Dear team,\n\nMy own <b>words</b>, as I would say them.\n\nEdits Kept")
    settle(kit)
    draft.get_by_role("button", name="Done editing").click()
    settle(kit)
    body = draft.locator(".sr-draft__body")
    expect(body).to_contain_text("My own <b>words</b>, as I would say them.")
    expect(draft).to_contain_text("no longer follows the form")
    kit.reload()
    kit.wait_for_selector('[data-status="ready"]:not([hidden])')
    expect(body).to_contain_text("My own <b>words</b>")
    link = address(kit)
    fresh = new_context().new_page()
    open_kit(fresh, link)
    settle(fresh)
    expect(fresh.locator(".sr-draft--email .sr-draft__body").first).to_contain_text(
        "My own <b>words</b>"
    )
    fresh.locator(".sr-draft--email").first.get_by_role(
        "button", name="Back to the generated text"
    ).click()
    settle(fresh)
    expect(fresh.locator(".sr-draft--email .sr-draft__body").first).not_to_contain_text("My own")


def test_a_late_start_re_plans_from_today(cleared_kit: Page) -> None:
    kit = cleared_kit
    kit.fill("#sr-f-name", "Late Starter")
    kit.fill("#sr-f-i0-name", "Dana Whitfield")
    late = kit.evaluate("new Date(Date.now() - 12 * 86400000).toISOString().slice(0, 10)")
    kit.fill("#sr-f-interview-date", late)
    settle(kit)
    expect(kit.locator("#sr-today")).to_contain_text(
        "Today: Email a thank-you note to Dana Whitfield"
    )
    email = kit.locator(".sr-item", has_text="Email a thank-you note to Dana Whitfield")
    expect(email).to_contain_text("still helps: send it today")
    expect(email.locator(".sr-badge")).to_have_text("Due today")
    card = kit.locator(".sr-item", has_text="Write a thank-you card to Dana Whitfield")
    expect(card.locator(".sr-badge")).to_have_text("Skip")
    expect(kit.locator(".sr-badge--overdue")).to_have_count(0)


def test_each_persons_drafts_fold_away_and_stay_folded_while_typing(kit: Page) -> None:
    kit.fill("#sr-f-name", "Folding")
    settle(kit)
    fold = kit.locator("details.sr-fold").first
    expect(fold.locator(".sr-draft__body").first).to_be_visible()
    fold.locator("summary").click()
    expect(fold.locator(".sr-draft__body").first).to_be_hidden()
    kit.fill("#sr-f-company", "Still Folded Ltd")
    settle(kit)
    expect(fold.locator(".sr-draft__body").first).to_be_hidden()
    expect(fold.locator(".sr-draft__body").first).to_contain_text("Still Folded Ltd")
