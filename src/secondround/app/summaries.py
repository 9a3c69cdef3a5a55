"""Each application at a glance: its next step, what is due, its name in a list or sentence."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from secondround.input.facts import facts_of
from secondround.plan.calendar_ics import CalendarEntry, to_ics_all
from secondround.plan.catchup import Plan, plan_for
from secondround.saved.applications import MAX_ACTIVE
from secondround.saved.state import (
    State,
)

__all__ = ["Summary", "calendar", "label", "named", "summary", "summary_of"]


@dataclass(frozen=True)
class Summary:
    """One application at a glance, on a given day."""

    # The next step not done yet, and its day ("" and None when there is none).
    next_title: str
    next_due: date | None
    # Steps due today or overdue, not done: (title, due).
    due: tuple[tuple[str, date], ...]
    # It has dated steps at all (an interview date).
    planned: bool


def summary_of(state: State, plan: Plan, today: date) -> Summary:
    """What the list and "Today" say of one application, from the plan its checklist shows."""
    todo = sorted((s for s in plan.steps if not state.checks.get(s.id)), key=lambda s: s.due)
    due = tuple((s.title, s.due) for s in todo if s.due <= today)
    if not todo:
        return Summary("", None, due, bool(plan.steps))
    return Summary(todo[0].title, todo[0].due, due, True)


# By the state object itself: the applications not on screen are the same objects from one
# view to the next, and checking identity costs nothing where hashing a whole state does not.
_SUMMARIES: dict[int, tuple[State, date, Summary]] = {}


def summary(state: State, today: date) -> Summary:
    """Cached: the applications not on screen rarely change between two views."""
    hit = _SUMMARIES.get(id(state))
    if hit is not None and hit[0] is state and hit[1] == today:
        return hit[2]
    if len(_SUMMARIES) > 4 * MAX_ACTIVE:
        _SUMMARIES.clear()
    made = summary_of(state, plan_for(state, today), today)
    _SUMMARIES[id(state)] = (state, today, made)
    return made


def calendar(entries: Iterable[State], stamp: datetime, today: date) -> str:
    """One calendar for every application given: what is left to do, with stable event ids."""
    groups = []
    for state in entries:
        plan = plan_for(state, today)
        todo = tuple(s for s in plan.steps if not state.checks.get(s.id))
        if todo:
            groups.append(CalendarEntry(todo, state.profile, state.id))
    return to_ics_all(groups, stamp)


def label(state: State) -> str:
    """The application in the list: "Analyst at Northwind", or what there is of it."""
    facts = facts_of(state.profile)
    company, position = facts.company_line, facts.position_line
    if company and position:
        return f"{position} at {company}"
    return company or position or "New application (no company yet)"


def named(state: State) -> str:
    """The application in a sentence: "the application for Analyst at Northwind"."""
    facts = facts_of(state.profile)
    if not facts.company_line and not facts.position_line:
        return "an application with no company or position yet"
    return f"the application for {label(state)}"
