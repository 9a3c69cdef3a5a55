"""The personal checklist: each scheduled step with its status on a given day."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Literal

from secondround.plan.schedule import Step

__all__ = ["ChecklistItem", "Status", "checklist", "progress", "skipped_items", "status"]

Status = Literal["done", "overdue", "due", "upcoming", "skipped"]


def status(step: Step, done_at: str | None, today: date) -> Status:
    """Done once checked (whatever the date); otherwise judged by the due date against today."""
    if done_at:
        return "done"
    if step.due < today:
        return "overdue"
    if step.due == today:
        return "due"
    return "upcoming"


@dataclass(frozen=True)
class ChecklistItem:
    """A step as shown in the checklist; `done_at` is "" until it is checked."""

    step: Step
    status: Status
    done_at: str


def checklist(
    steps: Iterable[Step], checks: Mapping[str, str], today: date
) -> tuple[ChecklistItem, ...]:
    """The steps in their given order with their status; checks for unknown steps are ignored.

    Checks are kept by step id, so a step that leaves the plan (the follow-ups
    after an offer) and comes back later keeps its tick.
    """
    items = []
    for step in steps:
        done_at = checks.get(step.id) or ""
        items.append(ChecklistItem(step=step, status=status(step, done_at, today), done_at=done_at))
    return tuple(items)


def skipped_items(steps: Iterable[Step]) -> tuple[ChecklistItem, ...]:
    """Steps the plan advises to skip, shown as such and never counted as left to do."""
    return tuple(ChecklistItem(step=step, status="skipped", done_at="") for step in steps)


def progress(items: Iterable[ChecklistItem]) -> tuple[int, int]:
    """How many items are done, out of how many (skipped ones are not counted)."""
    done = total = 0
    for item in items:
        if item.status == "skipped":
            continue
        total += 1
        done += item.status == "done"
    return done, total
