"""Checklist status by date and tick, and progress counting."""

from __future__ import annotations

from datetime import date

import pytest

from secondround.plan.checklist import ChecklistItem, checklist, progress, status
from secondround.plan.schedule import Step

TODAY = date(2026, 11, 26)


def step(id: str, due: date) -> Step:
    return Step(id=id, title=f"Do {id}", detail="", due=due, interviewer=None)


@pytest.mark.parametrize(
    ("due", "done_at", "expected"),
    [
        pytest.param(date(2026, 11, 25), None, "overdue", id="yesterday-open"),
        pytest.param(date(2026, 11, 26), None, "due", id="today-open"),
        pytest.param(date(2026, 11, 27), None, "upcoming", id="tomorrow-open"),
        pytest.param(date(2026, 11, 25), "2026-11-25T09:00:00Z", "done", id="done-on-time"),
        pytest.param(date(2026, 12, 25), "2026-11-20T09:00:00Z", "done", id="done-early"),
        pytest.param(date(2026, 11, 1), "2026-11-26T09:00:00Z", "done", id="done-late"),
        pytest.param(date(2026, 11, 25), "", "overdue", id="empty-stamp-is-not-a-tick"),
    ],
)
def test_status(due: date, done_at: str | None, expected: str) -> None:
    assert status(step("x", due), done_at, TODAY) == expected


def test_checklist_keeps_order_and_ignores_unknown_checks() -> None:
    steps = (step("email-p1", date(2026, 11, 24)), step("call", date(2026, 11, 27)))
    checks = {"email-p1": "2026-11-24T18:00:00Z", "followup-9": "2026-11-25T10:00:00Z"}
    assert checklist(steps, checks, TODAY) == (
        ChecklistItem(step=steps[0], status="done", done_at="2026-11-24T18:00:00Z"),
        ChecklistItem(step=steps[1], status="upcoming", done_at=""),
    )


@pytest.mark.parametrize(
    ("ticked", "expected"),
    [((), (0, 3)), (("a",), (1, 3)), (("a", "b", "c"), (3, 3))],
)
def test_progress(ticked: tuple[str, ...], expected: tuple[int, int]) -> None:
    steps = [step(i, date(2026, 11, 24)) for i in ("a", "b", "c")]
    items = checklist(steps, dict.fromkeys(ticked, "2026-11-24T10:00:00Z"), TODAY)
    assert progress(items) == expected


def test_progress_of_nothing() -> None:
    assert progress(()) == (0, 0)
