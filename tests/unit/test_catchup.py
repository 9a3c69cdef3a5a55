"""Late starters: nothing undone stays in the past, late cards are skipped, outcomes prune steps."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from secondround.input.profile import Interviewer, Profile
from secondround.plan.catchup import LATE_CARD_DAYS, first_business_day, plan_for
from secondround.plan.schedule import FOLLOWUP_GAP, add_business_days
from secondround.saved.state import Outcome, State

INTERVIEW = date(2026, 11, 2)  # a Monday
PROFILE = Profile(
    name="Sam Rivera",
    company="Northwind",
    interview_date=INTERVIEW.isoformat(),
    interviewers=(Interviewer(name="Dana Whitfield"), Interviewer(name="Ana Lee")),
)


def due(state: State, today: date) -> dict[str, date]:
    return {s.id: s.due for s in plan_for(state, today).steps}


def test_a_reader_a_week_and_a_half_late_gets_today_and_no_cards() -> None:
    today = date(2026, 11, 12)  # Thursday, ten days after the interview
    plan = plan_for(State(profile=PROFILE), today)
    days = {s.id: s.due for s in plan.steps}
    assert days["email-p1"] == days["email-p2"] == today
    assert days["call"] == today
    assert days["followup-1"] == date(2026, 11, 19)  # a working week after the call
    assert {s.id for s in plan.skipped} == {"card-p1", "card-p2", "post-cards"}
    assert all("Skip this one" in s.detail for s in plan.skipped)
    # The emails may still be due: the skipped card never says they were sent.
    assert not [s for s in plan.skipped if "already" in s.detail]
    email = next(s for s in plan.steps if s.id == "email-p1")
    assert email.detail.startswith("This was due on November 2.")


def test_a_few_days_late_the_cards_still_go_out_today() -> None:
    today = INTERVIEW + timedelta(days=3)
    plan = plan_for(State(profile=PROFILE), today)
    assert plan.skipped == ()
    assert due(State(profile=PROFILE), today)["card-p1"] == today


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2026, 11, 14), date(2026, 11, 16)),  # Saturday: the call waits for Monday
        (date(2026, 11, 16), date(2026, 11, 16)),  # Monday: today
    ],
)
def test_a_late_call_waits_for_a_business_day(today: date, expected: date) -> None:
    assert due(State(profile=PROFILE), today)["call"] == expected


def test_done_steps_keep_the_day_they_were_done() -> None:
    state = State(
        profile=PROFILE, checks={"email-p1": "2026-11-02T18:00", "call": "2026-11-05T10:00"}
    )
    days = due(state, date(2026, 11, 20))
    assert days["email-p1"] == INTERVIEW
    assert days["call"] == date(2026, 11, 5)
    assert days["email-p2"] == date(2026, 11, 20)


@pytest.mark.parametrize("outcome", ["offer", "not_hired"])
def test_a_known_outcome_drops_the_call_that_would_ask_for_it(outcome: Outcome) -> None:
    state = State(profile=PROFILE, outcome=outcome, outcome_on="2026-11-04")
    assert "call" not in due(state, date(2026, 11, 10))
    ticked = State(
        profile=PROFILE, outcome=outcome, outcome_on="2026-11-04", checks={"call": "2026-11-04"}
    )
    assert "call" in due(ticked, date(2026, 11, 10))


@given(
    late=st.integers(min_value=-30, max_value=90),
    done=st.sets(st.sampled_from(["email-p1", "card-p1", "post-cards", "call", "followup-1"])),
)
def test_nothing_undone_is_ever_planned_in_the_past(late: int, done: set[str]) -> None:
    today = INTERVIEW + timedelta(days=late)
    checks = {step: "2026-11-02T12:00" for step in done}
    plan = plan_for(State(profile=PROFILE, checks=checks), today)
    for step in plan.steps:
        if step.id not in done:
            assert step.due >= today, step
    days = {s.id: s.due for s in plan.steps}
    for chaser in ("call", "followup-1"):
        if chaser in days and chaser not in done:
            assert days[chaser] == first_business_day(days[chaser])
    if "call" in days and "followup-1" in days and "followup-1" not in done:
        assert days["followup-1"] >= add_business_days(days["call"], FOLLOWUP_GAP)
    # The second interviewer's card is never ticked here: it is skipped once a week has gone.
    assert any(s.id == "card-p2" for s in plan.skipped) == (late > LATE_CARD_DAYS)


def test_ticking_a_step_never_moves_it_in_the_list() -> None:
    today = INTERVIEW + timedelta(days=3)
    before = [s.id for s in plan_for(State(profile=PROFILE), today).steps]
    for step_id in before:
        ticked = State(profile=PROFILE, checks={step_id: f"{today.isoformat()}T12:00"})
        assert [s.id for s in plan_for(ticked, today).steps] == before
