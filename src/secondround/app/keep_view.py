"""The notices and the Keep section: bookmark links, export and import, forget me."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from secondround.app.checklist_view import download_button
from secondround.app.model import SHARE_MARK, Model, Notice
from secondround.app.render import Node, el
from secondround.input.profile import left_out, without_contact
from secondround.saved.codec import MAX_BOOKMARK_CHARS, StateError, to_bookmark
from secondround.saved.state import State

__all__ = ["bookmark_token", "keep_tools", "notice_node"]


# A notice, by what it says: the same notices stand from one keystroke to the next.
@lru_cache(maxsize=32)
def notice_node(index: int, notice: Notice) -> Node:
    role = "alert" if notice.kind == "error" else "status"
    action = None
    if notice.action:
        action = el(
            "button",
            {
                "type": "button",
                "class": "md-button sr-small",
                "id": f"sr-notice-{index}-action",
                "data-action": notice.action,
            },
            notice.action_label,
        )
    return el(
        "div",
        {
            # A way back stays in view wherever the reader is on the page (see site.css).
            "class": f"sr-notice sr-notice--{notice.kind}"
            + (" sr-notice--restore" if notice.action in ("restore", "unforget") else ""),
            "role": role,
        },
        el("p", {}, notice.text),
        action,
        el(
            "button",
            {
                "type": "button",
                "class": "sr-dismiss",
                "data-action": "dismiss",
                "data-arg": str(index),
                "aria-label": "Dismiss this message",
            },
            "×",
        ),
    )


def _link_button(token: str, label: str, copied: str) -> Node:
    # The page copies the full address (this page's URL with the token) and says it did.
    return el(
        "button",
        {
            "type": "button",
            "class": "md-button",
            "data-copy-link": f"#{token}",
            "data-copied": copied,
        },
        label,
    )


# Encoding a token compresses the whole state: worth keeping while the state is unchanged.
@lru_cache(maxsize=64)
def bookmark_token(state: State) -> str:
    """The state's link token; "" when it would be longer than a link the kit opens (many long
    rewritten drafts): such a link is never offered, nor kept in the address bar."""
    try:
        token = to_bookmark(state)
    except StateError:
        return ""
    return token if len(token) <= MAX_BOOKMARK_CHARS else ""


# Where the focus goes when "Forget me" asks (the export it offers first), and once it has
# erased (the Undo of the notice it leaves, the first and only one).
FORGET_FIRST = "sr-forget-export"
UNDO_FORGET = "sr-notice-0-action"


def keep_tools(model: Model, bookmark: str, too_long: bool = False) -> Node:
    state = model.state
    shared = ""
    if bookmark:
        shared = bookmark_token(replace(state, profile=without_contact(state.profile)))
    asking = _what_forget_erases(model) if model.confirm_forget else ""
    return _keep_section(bookmark, shared, asking, too_long)


def _what_forget_erases(model: Model) -> str:
    entries = model.shelf.entries
    active = sum(e.status == "active" for e in entries)
    if not entries:
        return "This erases the example and the kit's copy for offline use from this browser."
    counts = f"{len(entries)} application" + ("s" if len(entries) != 1 else "")
    if active != len(entries):
        counts += f" ({active} active)"
    return (
        f"This erases your {counts}, your details, any copies the kit kept aside, the saved "
        "view and the offline copy from this browser. To keep them, export them first: the "
        "file opens in any browser."
    )


def _forget_tools(asking: str) -> Node:
    if not asking:
        return el(
            "button",
            {"type": "button", "class": "md-button", "data-action": "forget"},
            "Forget me on this device",
        )
    return el(
        "div",
        {"class": "sr-confirm", "role": "group", "aria-labelledby": "sr-forget-ask"},
        el("p", {"id": "sr-forget-ask"}, asking),
        el(
            "button",
            {
                "type": "button",
                "class": "md-button",
                "id": FORGET_FIRST,
                "data-action": "download",
                "data-arg": "json",
            },
            "Export every application first (.json)",
        ),
        el(
            "button",
            {
                "type": "button",
                "class": "md-button",
                "data-action": "forget",
                "data-arg": "confirm",
            },
            "Yes, forget me",
        ),
        el(
            "button",
            {"type": "button", "class": "md-button", "data-action": "forget", "data-arg": "cancel"},
            "Cancel",
        ),
    )


# The Keep section, by what it shows: it changes only with the links or the question asked.
@lru_cache(maxsize=32)
def _keep_section(bookmark: str, shared: str, asking: str, too_long: bool) -> Node:
    links: list[Node] = []
    if bookmark:
        links = [_link_button(bookmark, "Copy the link to this checklist", "Link copied")]
    if bookmark and shared:
        links.append(
            _link_button(
                SHARE_MARK + shared,
                "Copy a link to share for feedback",
                "Link without your contact details copied",
            )
        )
    long_note = None
    if too_long:
        long_note = el(
            "p",
            {"class": "sr-hint", "role": "status"},
            "This application now holds more than a link can carry (its rewritten drafts make "
            "it long), so the address bar no longer carries it. It is saved in this browser; to "
            "open it in another, export it to a file and import the file there.",
        )
    return el(
        "section",
        {"class": "sr-keep", "aria-labelledby": "sr-keep-h"},
        el("h2", {"id": "sr-keep-h"}, "Keep it"),
        long_note,
        el(
            "p",
            {},
            "Your details stay in this browser. The address of this page carries the whole "
            "checklist of the application shown: your details, your interviewers' names and "
            "emails, your notes and your ticks. Each application has its own address. "
            "Bookmark it to open that application in any browser, beside any others there, and "
            "keep it to yourself.",
        ),
        el(
            "p",
            {},
            "To ask a friend or a coach for a second opinion, share the link for feedback "
            f"instead: it holds the same checklist without {left_out('your')}.",
        ),
        el(
            "div",
            {"class": "sr-actions"},
            *links,
            download_button("json", "Export every application (.json)"),
            el("label", {"class": "md-button sr-file", "for": "sr-import"}, "Import (.json)"),
            el(
                "input",
                {
                    "type": "file",
                    "id": "sr-import",
                    "accept": "application/json,.json",
                    "data-action": "import",
                    "class": "sr-visually-hidden",
                },
            ),
            el(
                "button",
                {"type": "button", "class": "md-button", "data-action": "reset"},
                "Clear this application",
            ),
        ),
        _forget_tools(asking),
    )
