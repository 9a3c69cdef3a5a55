"""The guide's worked example (docs/timing.md), dated by hand, is what the kit plans."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

from secondround.input.facts import facts_of
from secondround.input.profile import Interviewer, Profile
from secondround.plan.schedule import schedule

TIMING = Path(__file__).resolve().parents[2] / "docs" / "timing.md"
ROW = re.compile(r"^\| (?P<day>\w{3}, \w+ \d+) \| (?P<action>.+) \|$", re.M)


def _rows() -> dict[str, date]:
    example = TIMING.read_text("utf-8").split("## A worked example", 1)[1]
    rows = {}
    for m in ROW.finditer(example):
        day = datetime.strptime(f"{m['day']} 2026", "%a, %B %d %Y").date()
        rows[m["action"]] = day
    return rows


def _day_of(rows: dict[str, date], words: str) -> date:
    (day,) = [d for action, d in rows.items() if words in action]
    return day


def test_the_worked_example_table_is_the_kits_plan() -> None:
    rows = _rows()
    p = Profile(
        interviewers=(Interviewer(name="Dana"),),
        interview_date="2026-03-05",
        decision_date="2026-03-13",
    )
    due = {s.id: s.due for s in schedule(facts_of(p))}
    assert due["email-p1"] == _day_of(rows, "Send the thank-you email")
    assert due["post-cards"] == _day_of(rows, "Mail the card")
    assert _day_of(rows, "Their decision date") == date(2026, 3, 13)
    assert due["call"] == _day_of(rows, "No word yet: call")
    assert due["followup-1"] == _day_of(rows, "last follow-up email")
    assert set(due) == {"email-p1", "card-p1", "post-cards", "call", "followup-1"}


def test_the_example_without_a_decision_date_is_the_kits_plan() -> None:
    text = " ".join(
        TIMING.read_text("utf-8").split("If they had given no decision date", 1)[1].split()
    )
    p = Profile(interviewers=(Interviewer(name="Dana"),), interview_date="2026-03-05")
    due = {s.id: s.due for s in schedule(facts_of(p))}
    assert due["call"] == date(2026, 3, 9)
    assert "you would call on Monday, March 9" in text
    assert due["followup-1"] == date(2026, 3, 16)
    assert "a week later, on Monday, March 16" in text
