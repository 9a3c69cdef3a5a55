"""Business-day arithmetic and the dated plan, with every expected date worked out by hand."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from strategies import hostile_text, profiles

from secondround.profile import Interviewer, Profile, Role
from secondround.schedule import add_business_days, mail_day, schedule

D = date.fromisoformat


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        pytest.param("2026-11-24", 0, "2026-11-24", id="tue+0"),
        pytest.param("2026-11-28", 0, "2026-11-28", id="sat+0-unchanged"),
        pytest.param("2026-11-24", 1, "2026-11-25", id="tue+1"),
        pytest.param("2026-11-27", 1, "2026-11-30", id="fri+1-skips-weekend"),
        pytest.param("2026-11-28", 1, "2026-11-30", id="sat+1"),
        pytest.param("2026-11-29", 1, "2026-11-30", id="sun+1"),
        pytest.param("2026-11-28", 5, "2026-12-04", id="sat+5"),
        pytest.param("2026-11-27", 5, "2026-12-04", id="fri+5"),
        pytest.param("2026-11-25", 7, "2026-12-04", id="wed+7"),
        pytest.param("2026-11-30", 3, "2026-12-03", id="month-end"),
        pytest.param("2026-12-31", 1, "2027-01-01", id="year-end"),
        pytest.param("2026-12-31", 2, "2027-01-04", id="year-end-weekend"),
        pytest.param("2028-02-28", 1, "2028-02-29", id="into-leap-day"),
        pytest.param("2028-02-29", 1, "2028-03-01", id="out-of-leap-day"),
        pytest.param("2028-02-25", 2, "2028-02-29", id="fri-to-leap-day"),
        pytest.param("2026-11-30", -1, "2026-11-27", id="mon-1"),
        pytest.param("2026-11-29", -1, "2026-11-27", id="sun-1"),
        pytest.param("2026-12-04", -10, "2026-11-20", id="fri-10"),
        pytest.param("2026-01-05", 260, "2027-01-04", id="a-working-year"),
    ],
)
def test_add_business_days(start: str, n: int, expected: str) -> None:
    assert add_business_days(D(start), n) == D(expected)


@given(
    st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31)),
    st.integers(min_value=-300, max_value=300),
)
def test_add_business_days_matches_counting_one_by_one(start: date, n: int) -> None:
    d, left = start, abs(n)
    while left:
        d += timedelta(days=1 if n > 0 else -1)
        if d.weekday() < 5:
            left -= 1
    assert add_business_days(start, n) == d


@pytest.mark.parametrize(
    ("interview", "posted"),
    [
        ("2026-11-24", "2026-11-25"),  # Tuesday -> Wednesday
        ("2026-11-27", "2026-11-28"),  # Friday -> Saturday: mail is collected
        ("2026-11-28", "2026-11-30"),  # Saturday -> Monday, not Sunday
        ("2026-12-31", "2027-01-01"),
    ],
)
def test_mail_day(interview: str, posted: str) -> None:
    assert mail_day(D(interview)) == D(posted)


def _profile(interview: str, decision: str = "", people: int = 1) -> Profile:
    return Profile(
        name="Sam Rivera",
        interviewers=tuple(Interviewer(name=f"Person {i}") for i in range(people)),
        interview_date=interview,
        decision_date=decision,
    )


@pytest.mark.parametrize(
    ("interview", "decision", "expected"),
    [
        pytest.param(
            "2026-11-24",
            "2026-12-04",
            ["2026-11-24", "2026-11-25", "2026-11-26", "2026-12-07", "2026-12-14"],
            id="tuesday-decision-friday",
        ),
        pytest.param(
            "2026-11-27",
            "",
            ["2026-11-27", "2026-11-28", "2026-12-01", "2026-12-04", "2026-12-11"],
            id="friday-no-decision",
        ),
        pytest.param(
            "2026-11-28",
            "",
            ["2026-11-28", "2026-11-30", "2026-12-01", "2026-12-04", "2026-12-11"],
            id="saturday-interview",
        ),
        pytest.param(
            "2026-11-30",
            "2026-12-05",
            ["2026-11-30", "2026-12-01", "2026-12-02", "2026-12-07", "2026-12-14"],
            id="month-end-decision-saturday",
        ),
        pytest.param(
            "2026-11-24",
            "2026-11-29",
            ["2026-11-24", "2026-11-25", "2026-11-26", "2026-11-30", "2026-12-07"],
            id="decision-sunday",
        ),
        pytest.param(
            "2026-12-31",
            "",
            ["2026-12-31", "2027-01-01", "2027-01-04", "2027-01-07", "2027-01-14"],
            id="year-end",
        ),
        pytest.param(
            "2028-02-29",
            "2028-03-01",
            ["2028-02-29", "2028-03-01", "2028-03-02", "2028-03-03", "2028-03-10"],
            id="leap-day-decision-next-day",
        ),
        pytest.param(
            "2026-11-24",
            "2026-11-24",
            ["2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27", "2026-12-04"],
            id="decision-same-day-follow-up-after-call",
        ),
        pytest.param(
            "2026-11-24",
            "2026-11-20",
            ["2026-11-24", "2026-11-25", "2026-11-26", "2026-12-01", "2026-12-08"],
            id="decision-before-interview-ignored",
        ),
        pytest.param(
            "2026-11-24",
            "next week",
            ["2026-11-24", "2026-11-25", "2026-11-26", "2026-12-01", "2026-12-08"],
            id="decision-unreadable-ignored",
        ),
    ],
)
def test_schedule_dates(interview: str, decision: str, expected: list[str]) -> None:
    steps = schedule(_profile(interview, decision))
    due = {s.id: s.due for s in steps}
    thanks, posted, call, first, second = map(D, expected)
    assert due == {
        "email-0": thanks,
        "card-0": thanks,
        "post-cards": posted,
        "call": call,
        "followup-1": first,
        "followup-2": second,
    }


def test_ids_and_order_for_three_interviewers() -> None:
    steps = schedule(_profile("2026-11-24", "2026-12-04", people=3))
    assert [s.id for s in steps] == [
        "email-0",
        "card-0",
        "email-1",
        "card-1",
        "email-2",
        "card-2",
        "post-cards",
        "call",
        "followup-1",
        "followup-2",
    ]
    assert [s.interviewer for s in steps] == [0, 0, 1, 1, 2, 2, None, 0, 0, 0]
    assert steps[2].title == "Email a thank-you note to Person 1"
    assert steps[6].title == "Post the thank-you cards"
    assert steps[7].title == "Call Person 0"


def test_titles_without_names() -> None:
    steps = schedule(Profile(interview_date="2026-11-24"))
    assert [s.title for s in steps][:4] == [
        "Email a thank-you note to your interviewer",
        "Write a thank-you card to your interviewer",
        "Post the thank-you card",
        "Call your interviewer",
    ]
    two = schedule(Profile(interview_date="2026-11-24", interviewers=(Interviewer(),) * 2))
    assert two[2].title == "Email a thank-you note to interviewer 2"


def test_followup_detail_names_the_decision_date() -> None:
    steps = {s.id: s for s in schedule(_profile("2026-11-24", "2026-12-04"))}
    assert "by Friday, December 4." in steps["followup-1"].detail


def test_offer_drops_the_follow_ups_and_adds_its_own_steps() -> None:
    steps = schedule(_profile("2026-11-24"), "offer", "2026-11-30")
    assert [s.id for s in steps] == [
        "email-0",
        "card-0",
        "post-cards",
        "call",
        "offer-thanks",
        "offer-others",
        "offer-answer",
    ]
    due = {s.id: s.due for s in steps}
    assert due["offer-thanks"] == date(2026, 12, 1)
    assert due["offer-answer"] == date(2026, 12, 7)


@pytest.mark.parametrize(
    ("roles", "marked", "lead"),
    [
        pytest.param(("recruiter", "hiring_manager"), -1, 1, id="the-hiring-manager"),
        pytest.param(("hiring_manager", "recruiter"), 1, 1, id="the-one-marked"),
    ],
)
def test_the_call_and_follow_ups_go_to_the_coordinator(
    roles: tuple[Role, ...], marked: int, lead: int
) -> None:
    people = tuple(Interviewer(name=f"Person {i}", role=r) for i, r in enumerate(roles))
    p = Profile(interview_date="2026-11-24", interviewers=people, coordinator=marked)
    steps = {s.id: s for s in schedule(p)}
    for step_id in ("call", "followup-1", "followup-2"):
        assert steps[step_id].interviewer == lead
    assert steps["call"].title == f"Call Person {lead}"
    not_hired = {s.id: s for s in schedule(p, "not_hired", "2026-11-30")}
    assert not_hired["not-hired"].interviewer == lead


@pytest.mark.parametrize(
    ("outcome_on", "due"),
    [
        pytest.param("2026-12-10", "2026-12-11", id="thursday"),
        pytest.param("2026-12-11T16:30:00Z", "2026-12-14", id="friday-timestamp"),
        pytest.param("", "2026-11-25", id="no-date-uses-interview"),
        pytest.param("garbage", "2026-11-25", id="unreadable-uses-interview"),
    ],
)
def test_not_hired_adds_the_letter(outcome_on: str, due: str) -> None:
    steps = {s.id: s for s in schedule(_profile("2026-11-24"), "not_hired", outcome_on)}
    assert set(steps) == {"email-0", "card-0", "post-cards", "call", "not-hired"}
    assert steps["not-hired"].due == D(due)
    assert steps["not-hired"].interviewer == 0


@pytest.mark.parametrize("interview", ["", "2026-02-30", "soon", "9999-12-31"])
def test_no_plan_without_a_usable_date(interview: str) -> None:
    assert schedule(_profile(interview)) == ()


@given(
    profiles(hostile_text), st.sampled_from(["waiting", "offer", "not_hired", "?"]), hostile_text
)
def test_schedule_never_fails_and_is_ordered(p: Profile, outcome: str, outcome_on: str) -> None:
    steps = schedule(p, outcome, outcome_on)
    assert [s.due for s in steps] == sorted(s.due for s in steps)
    assert len({s.id for s in steps}) == len(steps)
    if steps and p.interviewers:
        assert steps[0].due.isoformat() == p.interview_date.strip()


@given(st.integers(min_value=1, max_value=6))
def test_ids_are_stable_for_the_same_count(n: int) -> None:
    a = schedule(_profile("2026-11-24", people=n))
    b = schedule(replace(_profile("2027-06-01", "2027-06-10", people=n), name="Someone Else"))
    assert [s.id for s in a] == [s.id for s in b]


def test_the_guides_worked_example() -> None:
    """docs/timing.md works through this case by hand; the kit must give the same dates."""
    steps = {s.id: s.due for s in schedule(_profile("2026-03-05", "2026-03-13"))}
    assert steps["post-cards"] == D("2026-03-06")
    assert steps["call"] == D("2026-03-09")
    assert steps["followup-1"] == D("2026-03-16")
    assert steps["followup-2"] == D("2026-03-23")
    undated = {s.id: s.due for s in schedule(_profile("2026-03-05"))}
    assert (undated["followup-1"], undated["followup-2"]) == (D("2026-03-12"), D("2026-03-19"))
