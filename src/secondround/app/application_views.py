"""The list of applications and "Today, across all": the part of the view above the form."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from secondround.app.model import Model
from secondround.app.render import Attrs, Node, el
from secondround.app.summaries import Summary, label, summary, summary_of
from secondround.input.words import format_date
from secondround.plan.catchup import Plan
from secondround.protocol import EventKind
from secondround.saved.applications import MAX_ACTIVE, Entry

__all__ = ["applications_section", "listed", "summaries", "today_across_all"]

OUTCOME_WORDS = {"waiting": "Waiting to hear", "offer": "Offer", "not_hired": "Not hired"}


def listed(model: Model) -> tuple[Entry, ...]:
    """Every application not deleted, in the list's order; the one shown even if not saved yet."""
    entries = tuple(e for e in model.shelf.entries if e.status != "deleted")
    if model.shelf.get(model.state.id) is None:
        entries = (*entries, Entry(model.state))
    return entries


Summaries = list[tuple[Entry, Summary]]


def summaries(model: Model, plan: Plan) -> Summaries:
    # The one on screen uses the plan its checklist shows: never planned twice per keystroke.
    return [
        (
            e,
            summary_of(model.state, plan, model.today)
            if e.id == model.state.id
            else summary(e.state, model.today),
        )
        for e in listed(model)
    ]


def _next_text(s: Summary, today: date) -> str:
    if s.next_due is None:
        return "Nothing left to do." if s.planned else "No interview date yet."
    if s.next_due < today:
        return f"Overdue: {s.next_title}, due {format_date(s.next_due, short=True)}."
    if s.next_due == today:
        return f"Today: {s.next_title}."
    return f"Next: {s.next_title}, {format_date(s.next_due, short=True)}."


# One line of the list, by what it shows: the lines of the other applications rarely change.
@lru_cache(maxsize=128)
def _row(ident: str, name: str, next_text: str, status: str, css: str, current: bool) -> Node:
    if current:
        head: Node = el("strong", {"class": "sr-app__name", "aria-current": "true"}, name)
    else:
        head = el(
            "button",
            {
                "type": "button",
                "class": "sr-app__name sr-linkish",
                "data-action": "app_switch",
                "data-arg": ident,
            },
            name,
        )
    return el(
        "li",
        {"class": f"sr-app sr-app--{css}" + (" sr-app--current" if current else "")},
        head,
        el("span", {"class": f"sr-badge sr-app__status sr-app__status--{css}"}, status),
        el("span", {"class": "sr-app__next"}, next_text),
    )


def _button(action: EventKind, text: str, arg: str = "") -> Node:
    attrs: Attrs = {"type": "button", "class": "md-button sr-small", "data-action": action}
    if arg:
        attrs["data-arg"] = arg
    return el("button", attrs, text)


def applications_section(model: Model, listed_: Summaries) -> Node:
    """The compact list: company, position, next step and status; a click shows another one."""
    rows = []
    active = archived = 0
    for entry, s in listed_:
        current = entry.id == model.state.id
        name = label(entry.state)
        # The example's notice offers to start blank: while it shows, so does this word.
        if not entry.id and any(n.action == "reset" for n in model.notices):
            name = f"Example: {name}"
        if entry.status == "archived":
            archived += 1
            status, css, next_text = "Archived", "archived", ""
        else:
            active += 1
            outcome = entry.state.outcome
            status, css = OUTCOME_WORDS[outcome], outcome.replace("_", "-")
            next_text = _next_text(s, model.today) if outcome == "waiting" else ""
        rows.append(_row(entry.id, name, next_text, status, css, current))
    counts = f"{active} active" + (f", {archived} archived" if archived else "") + "."
    if active >= MAX_ACTIVE:
        counts += (
            " That is the most the kit keeps at once: archive one you are no longer following "
            "to add another."
        )
    shown = model.shelf.get(model.state.id)
    tools: list[Node | None] = [
        _button("app_add", "Add an application"),
        _button("app_copy", "Start a new one from this one"),
    ]
    if shown is not None:
        tools += [
            _button("app_unarchive", "Make this one active again")
            if shown.status == "archived"
            else _button("app_archive", "Archive this one"),
            _button("app_delete", "Delete this one"),
        ]
    tools.append(
        el(
            "button",
            {
                "type": "button",
                "class": "md-button sr-small",
                "data-action": "download",
                "data-arg": "ics_all",
            },
            "Calendar of every active application (.ics)",
        )
    )
    return el(
        "section",
        {"class": "sr-apps", "aria-labelledby": "sr-apps-h"},
        el("h2", {"id": "sr-apps-h"}, "Your applications"),
        el("p", {"class": "sr-hint", "id": "sr-apps-count"}, counts),
        el("ul", {"class": "sr-apps__list"}, *rows),
        el("div", {"class": "sr-actions"}, *tools),
    )


def today_across_all(model: Model, listed_: Summaries) -> Node | None:
    """What is due today or late in every active application, each line leading to it; shown
    once there is more than one application to look across."""
    pairs = [(e, s) for e, s in listed_ if e.status == "active"]
    if len(pairs) < 2:
        return None
    lines: list[Node] = []
    for entry, s in pairs:
        if not s.due:
            continue
        # One line per application, however many steps: the list stays a glance.
        (title, due), more = s.due[0], len(s.due) - 1
        text = f"{label(entry.state)}: {title}"
        if due < model.today:
            text += f" (late: it was due {format_date(due, short=True)})"
        if more:
            text += f", and {more} more" + (" step" if more == 1 else " steps")
        if entry.id == model.state.id:
            lines.append(el("li", {}, el("a", {"href": "#sr-check-h"}, text)))
        else:
            attrs: Attrs = {
                "type": "button",
                "class": "sr-linkish",
                "data-action": "app_switch",
                "data-arg": entry.id,
            }
            lines.append(el("li", {}, el("button", attrs, text)))
    body: Node = (
        el("ul", {"class": "sr-today-all__list"}, *lines)
        if lines
        else el("p", {}, "Nothing is due today in any of your active applications.")
    )
    return el(
        "section",
        {"class": "sr-today-all", "aria-labelledby": "sr-today-all-h"},
        el("h2", {"id": "sr-today-all-h"}, "Today, across all your applications"),
        body,
    )
