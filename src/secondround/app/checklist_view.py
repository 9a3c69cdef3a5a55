"""The dated checklist and the Today line as element trees."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from functools import lru_cache

from secondround.app.model import Model
from secondround.app.render import Node, el
from secondround.input.facts import Facts, facts_of
from secondround.input.text import parse_date
from secondround.input.words import format_date
from secondround.plan.catchup import Plan
from secondround.plan.checklist import ChecklistItem, checklist, progress, skipped_items
from secondround.plan.schedule import calendar_notes

__all__ = ["STATUS_WORDS", "checklist_part", "download_button", "today_line"]


STATUS_WORDS = {
    "done": "Done",
    "overdue": "Overdue",
    "due": "Due today",
    "upcoming": "Upcoming",
    "skipped": "Skip",
}


# One step's line, by what it shows: a tick rebuilds that line alone.
@lru_cache(maxsize=128)
def _item_node(item: ChecklistItem) -> Node:
    step = item.step
    box_id = f"sr-c-{step.id}"
    when = format_date(step.due, year=True, short=True)
    state_text = STATUS_WORDS[item.status]
    if item.status == "done" and item.done_at:
        done_on = parse_date(item.done_at[:10])
        state_text = (
            f"Done {format_date(done_on, weekday=False, short=True)}" if done_on else "Done"
        )
    return el(
        "li",
        {"class": f"sr-item sr-item--{item.status}"},
        el(
            "input",
            {
                "type": "checkbox",
                "id": box_id,
                "data-action": "check",
                "data-arg": step.id,
                "checked": item.status == "done",
                "aria-describedby": f"{box_id}-d",
            },
        ),
        # One text node after the date: HTML would merge two adjacent ones, and the page's
        # edits address children by position.
        el(
            "label", {"for": box_id}, el("span", {"class": "sr-item__date"}, when), f" {step.title}"
        ),
        el("span", {"class": f"sr-badge sr-badge--{item.status}"}, state_text),
        el("p", {"class": "sr-hint", "id": f"{box_id}-d"}, step.detail),
    )


def download_button(kind: str, label: str) -> Node:
    # The file is written by Python only when asked (app's "download" event), not per keystroke.
    return el(
        "button",
        {"type": "button", "class": "md-button", "data-action": "download", "data-arg": kind},
        label,
    )


def checklist_part(model: Model, plan: Plan) -> tuple[Node, str]:
    state = model.state
    return _checklist_section(plan, state.checks, model.today, facts_of(state.profile))


# The whole checklist, by what it shows: typing in a field that moves no date reuses it.
@lru_cache(maxsize=64)
def _checklist_section(
    plan: Plan, checks: Mapping[str, str], today: date, facts: Facts
) -> tuple[Node, str]:
    steps = plan.steps
    items = checklist(steps, checks, today) + skipped_items(plan.skipped)
    done, total = progress(items)
    if not items:
        body: Node = el(
            "p", {"class": "sr-hint"}, "Enter the date of your interview to see your dated steps."
        )
        return el(
            "section",
            {"class": "sr-checklist", "aria-labelledby": "sr-check-h"},
            el("h2", {"id": "sr-check-h"}, "Your checklist"),
            body,
        ), ""
    summary = f"{done} of {total} done"
    overdue = sum(1 for i in items if i.status == "overdue")
    if overdue:
        summary += f", {overdue} overdue"
    return el(
        "section",
        {"class": "sr-checklist", "aria-labelledby": "sr-check-h"},
        el("h2", {"id": "sr-check-h"}, "Your checklist"),
        el("p", {"class": "sr-progress-text", "id": "sr-progress"}, summary),
        el("progress", {"max": str(total), "value": str(done), "aria-labelledby": "sr-progress"}),
        el("ul", {"class": "sr-items"}, *[_item_node(i) for i in items]),
        *[el("p", {"class": "sr-hint sr-holidays"}, note) for note in calendar_notes(facts, steps)],
        el("div", {"class": "sr-actions"}, download_button("ics", "Add to calendar (.ics)")),
    ), summary


# The most steps the Today line names one by one.
_TODAY_AT_MOST = 4


def today_line(model: Model, plan: Plan) -> Node:
    """The top of the kit: what is due today, and links to its three parts (a phone reader
    reaches the checklist without scrolling past the whole form)."""
    state = model.state
    todo = [s for s in plan.steps if not state.checks.get(s.id)]
    due = [s.title for s in todo if s.due <= model.today]
    if not plan.steps:
        line = "Enter the date of your interview to get your dated checklist."
    elif len(due) > _TODAY_AT_MOST:
        # A large panel has a dozen steps on the day: the first few, and the checklist for the rest.
        shown = "; ".join(due[: _TODAY_AT_MOST - 1])
        line = f"Today: {shown}; and {len(due) - _TODAY_AT_MOST + 1} more in the checklist."
    elif due:
        line = "Today: " + "; ".join(due) + "."
    elif todo:
        nxt = todo[0]
        line = f"Nothing is due today. Next: {nxt.title}, {format_date(nxt.due)}."
    else:
        line = "Everything on your checklist is done."
    jumps = (("sr-form-h", "Your details"), ("sr-check-h", "Checklist"), ("sr-drafts-h", "Drafts"))
    return el(
        "div",
        {"class": "sr-today"},
        el("p", {"class": "sr-today__line", "id": "sr-today"}, line),
        el(
            "nav",
            {"class": "sr-jumps", "aria-label": "Parts of the kit"},
            *[el("a", {"href": f"#{target}"}, label) for target, label in jumps],
        ),
    )
