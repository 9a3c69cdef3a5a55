"""The drafts as an element tree: each person's group, copy and mail buttons, edits, lengths."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date
from functools import lru_cache

from secondround.app.model import Model
from secondround.app.render import Node, el
from secondround.input.facts import facts_of
from secondround.input.words import count_words
from secondround.plan.catchup import Plan, plan_for
from secondround.saved.state import State
from secondround.writing.drafts import (
    Draft,
    InterviewerDrafts,
    WaitingEmployer,
    drafts_for,
    other_drafts,
)
from secondround.writing.mailto import mail_link

__all__ = ["drafts_part", "edit_box_id", "generated_text", "waiting_on"]


# The view is rebuilt on every keystroke; a draft or checklist row whose inputs did not change is
# reused as it was (trees are never mutated after they are built), which halves the work.
@lru_cache(maxsize=128)
def edit_box_id(key: str) -> str:
    """The id of the box a draft is edited in, from its key "<person id>:<kind>"."""
    return "sr-e-" + key.replace(":", "-")


def answer_day(plan: Plan) -> date | None:
    """The day the checklist says to give an answer to an offer: the drafts ask for the same."""
    return next((s.due for s in plan.steps if s.id == "offer-answer"), None)


def generated_text(
    state: State, key: str, waiting: tuple[WaitingEmployer, ...], today: date
) -> str | None:
    """What the form writes for the draft `key`, before any edit; None for no such draft."""
    who, _, kind = key.partition(":")
    facts = facts_of(state.profile)
    # The same answer day as the View shows, so the generated text typed back matches it.
    for group in drafts_for(facts, state.outcome, answer_day(plan_for(state, today))):
        if group.person.id == who:
            return next((d.body for d in group.drafts if d.kind == kind), None)
    others = other_drafts(facts, state.outcome, waiting)
    return next((d.body for to, d in others if to == who and d.kind == kind), None)


def waiting_on(model: Model) -> tuple[WaitingEmployer, ...]:
    """The reader's other active applications still waiting on a decision, in the list's order:
    after an offer, each gets a note of its own, keyed "o-" and the start of its id (the note to
    an employer the kit knows nothing of is keyed UNKNOWN_EMPLOYER)."""
    return tuple(
        WaitingEmployer(key="o-" + entry.id[:14], facts=facts_of(entry.state.profile))
        for entry in model.shelf.entries
        if entry.status == "active"
        and entry.id
        and entry.id != model.state.id
        and entry.state.outcome == "waiting"
    )


def _edit_tools(key: str, edited: bool, editing: bool, body: str, title: str) -> list[Node]:
    box_id = edit_box_id(key)
    tools: list[Node] = []
    if editing:
        tools.append(
            el(
                "div",
                {"class": "sr-field sr-edit"},
                el("label", {"for": box_id}, f"Your version of the {title[0].lower()}{title[1:]}"),
                el(
                    "textarea",
                    {"id": box_id, "data-edit": key, "rows": "12", "value": body},
                ),
            )
        )
    if edited:
        tools.append(
            el(
                "p",
                {"class": "sr-hint sr-edited"},
                "You rewrote this draft, so it no longer follows the form: changes to your "
                "details will not reach it.",
            )
        )
    return tools


# A draft's part of the tree, by what it shows: a keystroke rebuilds only the drafts it changed.
@lru_cache(maxsize=512)
def _draft_node(
    index: int,
    draft: Draft,
    who: str = "",
    key: str = "",
    edit: str | None = None,
    editing: bool = False,
) -> Node:
    body_id = f"sr-d-{index}-{draft.kind}"
    if edit is not None:
        # The reader's own words, in the copy, the mail link and the card alike.
        # Its length is the reader's text's, and the guide's verdict on the generated one goes.
        draft = replace(
            draft,
            body=edit,
            mailto=mail_link(draft.to, draft.subject, edit) if draft.mailto else "",
            words=count_words(edit),
            note="",
        )
    meta = []
    if draft.to:
        meta.append(el("p", {"class": "sr-draft__meta"}, el("strong", {}, "To: "), draft.to))
    if draft.subject:
        meta.append(
            el(
                "p",
                {"class": "sr-draft__meta"},
                el("strong", {}, "Subject: "),
                el("span", {"id": f"{body_id}-subject"}, draft.subject),
            )
        )
    # Far down a long page the group's heading is out of sight: each draft names its person.
    title = f"{draft.title} for {who}" if who else draft.title
    actions: list[Node | None] = [
        el(
            "button",
            {
                "type": "button",
                "class": "md-button sr-small",
                "data-copy-from": body_id,
                "data-copied": "Copied",
                "aria-label": f"Copy the {title[0].lower()}{title[1:]}",
            },
            "Copy",
        ),
    ]
    if draft.subject:
        actions.append(
            el(
                "button",
                {
                    "type": "button",
                    "class": "md-button sr-small",
                    "data-copy-from": f"{body_id}-subject",
                    "data-copied": "Copied",
                },
                "Copy the subject",
            )
        )
    if draft.mailto:
        actions.append(
            el("a", {"class": "md-button sr-small", "href": draft.mailto}, "Open in mail app")
        )
    if draft.kind == "card":
        actions.append(
            el(
                "button",
                {"type": "button", "class": "md-button sr-small", "data-print": body_id},
                "Print at card size",
            )
        )
    if key:
        small = {"type": "button", "class": "md-button sr-small", "data-arg": key}
        if editing:
            actions.append(el("button", {**small, "data-action": "edit_done"}, "Done editing"))
        else:
            actions.append(el("button", {**small, "data-action": "edit_start"}, "Edit"))
        if edit is not None:
            actions.append(
                el("button", {**small, "data-action": "unedit"}, "Back to the generated text")
            )
    return el(
        "article",
        {"class": f"sr-draft sr-draft--{draft.kind}", "aria-labelledby": f"{body_id}-h"},
        el("h4", {"id": f"{body_id}-h"}, title),
        *meta,
        el("div", {"class": "sr-draft__body", "id": body_id}, draft.body),
        *(_edit_tools(key, edit is not None, editing, draft.body, title) if key else []),
        _length_node(draft, edited=edit is not None),
        el("div", {"class": "sr-actions"}, *actions),
    )


def _group_label(group: InterviewerDrafts) -> str:
    name = group.person.name
    return f"Drafts for interviewer {group.index + 1}" + (f": {name}" if name else "")


def _length_node(draft: Draft, edited: bool = False) -> Node | None:
    if not draft.words or draft.kind in ("call", "voicemail"):
        return None
    counted = f"{draft.words} words in " + ("your text" if edited else "the message")
    return el(
        "p",
        {"class": "sr-draft__length" + (" sr-draft__length--over" if draft.note else "")},
        f"{counted}. {draft.note}" if draft.note else f"{counted}.",
    )


def drafts_part(
    model: Model, groups: tuple[InterviewerDrafts, ...], others: tuple[tuple[str, Draft], ...]
) -> Node:
    return _drafts_section(groups, others, model.state.edits, model.editing)


# The whole drafts part, by what it shows: a switch back to an application finds it built.
@lru_cache(maxsize=64)
def _drafts_section(
    groups: tuple[InterviewerDrafts, ...],
    others: tuple[tuple[str, Draft], ...],
    edits: Mapping[str, str],
    editing: str,
) -> Node:
    def node(index: int, draft: Draft, who: str, person: str) -> Node:
        key = f"{person}:{draft.kind}"
        return _draft_node(index, draft, who, key, edits.get(key), editing == key)

    sections = []
    for group in groups:
        who = group.person.name or f"interviewer {group.index + 1}"
        lead = None
        if any(d.kind in ("call", "not_hired", "offer_terms") for d in group.drafts):
            lead = el(
                "p",
                {"class": "sr-hint"},
                "Coordinates the decision: the call and the replies about the outcome go to "
                "this person only.",
            )
        sections.append(
            el(
                "section",
                # Two people may share a name: the number keeps each region's label unique.
                {"class": "sr-group", "aria-label": _group_label(group)},
                el("h3", {}, f"For {who}"),
                lead,
                # Open to start with; a reader who folds one person away keeps it folded while
                # they type (the page only edits what changed).
                el(
                    "details",
                    {"class": "sr-fold", "open": True},
                    el("summary", {}, f"{len(group.drafts)} drafts for {who}"),
                    *[node(group.index, d, who, group.person.id) for d in group.drafts],
                ),
            )
        )
    if others:
        sections.append(
            el(
                "section",
                {"class": "sr-group", "aria-label": "Drafts for other employers"},
                el("h3", {}, "For other employers"),
                *[node(len(groups), d, "", key) for key, d in others],
            )
        )
    return el(
        "div", {"class": "sr-drafts"}, el("h2", {"id": "sr-drafts-h"}, "Your drafts"), *sections
    )
