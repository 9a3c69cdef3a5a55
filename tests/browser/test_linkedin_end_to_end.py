"""The LinkedIn field end to end: typed, signed in the email, kept by the bookmark and the export,
left out of the link shared for feedback."""

from __future__ import annotations

import json
from typing import Any

from browsing import address, open_kit, settle
from playwright.sync_api import Page, expect

PROFILE_URL = "https://www.linkedin.com/in/grace-hopper"


def test_the_profile_is_signed_kept_by_the_bookmark_and_left_out_of_the_feedback_link(
    kit: Page, new_context: Any
) -> None:
    kit.fill("#sr-f-name", "Grace Hopper")
    kit.fill("#sr-f-linkedin", "http://www.linkedin.com/in/grace-hopper")
    kit.locator("#sr-f-name").focus()  # leaving the field shows its problem
    settle(kit)
    expect(kit.locator(".sr-form")).to_contain_text("it should start with https://")
    kit.fill("#sr-f-linkedin", PROFILE_URL)
    settle(kit)
    email = kit.locator(".sr-draft--email .sr-draft__body").first
    expect(email).to_contain_text(f"Grace Hopper\n{PROFILE_URL}")
    expect(kit.locator(".sr-draft--card .sr-draft__body").first).not_to_contain_text(PROFILE_URL)

    with kit.expect_download() as exported:
        kit.get_by_role("button", name="Export every application (.json)").click()
    text = exported.value.path().read_text("utf-8")
    assert json.loads(text)["you"]["linkedin"] == PROFILE_URL

    bookmark = address(kit)
    shared = kit.get_by_role("button", name="Copy a link to share for feedback").get_attribute(
        "data-copy-link"
    )
    assert shared is not None

    elsewhere = new_context().new_page()
    open_kit(elsewhere, bookmark)
    settle(elsewhere)
    expect(elsewhere.locator("#sr-f-linkedin")).to_have_value(PROFILE_URL)

    friend = new_context().new_page()
    open_kit(friend, bookmark.split("#", 1)[0] + shared)
    settle(friend)
    expect(friend.locator("#sr-f-linkedin")).to_have_value("")
    drafts = "\n".join(friend.locator(".sr-draft__body").all_inner_texts())
    assert PROFILE_URL not in drafts
    expect(friend.locator(".sr-notice")).to_contain_text("LinkedIn profile")
