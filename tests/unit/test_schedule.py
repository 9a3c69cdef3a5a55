"""Business-day arithmetic and the dated plan, with every expected date worked out by hand."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from strategies import hostile_text, profiles

from secondround.input.facts import facts_of
from secondround.input.profile import Interviewer, Profile, Role
from secondround.input.public_holidays import countries, holiday_calendar, regions_of
from secondround.plan.schedule import Step, add_business_days, calendar_notes, mail_day, schedule

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
    ("start", "n", "off", "expected"),
    [
        pytest.param("2026-12-24", 1, ["2026-12-25"], "2026-12-28", id="over-a-friday-holiday"),
        pytest.param("2026-12-24", 0, ["2026-12-24"], "2026-12-24", id="zero-stays-on-holiday"),
        pytest.param("2026-12-25", 1, ["2026-12-25"], "2026-12-28", id="from-a-holiday"),
        pytest.param(
            "2026-04-02", 2, ["2026-04-03", "2026-04-06"], "2026-04-08", id="easter-weekend"
        ),
        pytest.param("2026-12-28", -1, ["2026-12-25"], "2026-12-24", id="backwards"),
        pytest.param("2026-11-27", 1, ["2026-11-28"], "2026-11-30", id="saturday-holiday-moot"),
    ],
)
def test_add_business_days_skips_holidays(
    start: str, n: int, off: list[str], expected: str
) -> None:
    assert add_business_days(D(start), n, frozenset(map(D, off))) == D(expected)


@given(
    st.dates(min_value=date(2024, 6, 1), max_value=date(2031, 6, 30)),
    st.integers(min_value=-30, max_value=30),
    st.sets(st.dates(min_value=date(2024, 1, 1), max_value=date(2031, 12, 31)), max_size=40),
)
def test_add_business_days_with_holidays_matches_counting_one_by_one(
    start: date, n: int, off: set[date]
) -> None:
    d, left = start, abs(n)
    while left:
        d += timedelta(days=1 if n > 0 else -1)
        if d.weekday() < 5 and d not in off:
            left -= 1
    assert add_business_days(start, n, frozenset(off)) == d


@pytest.mark.parametrize(
    ("interview", "posted"),
    [
        ("2026-11-24", "2026-11-25"),  # Tuesday -> Wednesday
        ("2026-11-27", "2026-11-30"),  # Friday -> Monday: a working day, like every due date
        ("2026-11-28", "2026-11-30"),  # Saturday -> Monday
        ("2026-12-31", "2027-01-01"),  # no region: New Year's Day is not known to be off
    ],
)
def test_mail_day(interview: str, posted: str) -> None:
    assert mail_day(D(interview)) == D(posted)


def _profile(
    interview: str,
    decision: str = "",
    people: int = 1,
    region: str = "",
    remote: bool = False,
    prefer_email: bool = False,
) -> Profile:
    return Profile(
        name="Sam Rivera",
        interviewers=tuple(Interviewer(name=f"Person {i}") for i in range(people)),
        interview_date=interview,
        decision_date=decision,
        region=region,
        remote=remote,
        prefer_email=prefer_email,
    )


def _dates(steps: tuple[Step, ...]) -> dict[str, date]:
    return {s.id: s.due for s in steps}


# Every date below was worked out by hand on a calendar: thanks, post, first check-in, last.
@pytest.mark.parametrize(
    ("interview", "decision", "expected"),
    [
        pytest.param(
            "2026-11-24",
            "2026-12-04",
            ["2026-11-24", "2026-11-25", "2026-12-07", "2026-12-14"],
            id="tuesday-decision-friday-call-after-it",
        ),
        pytest.param(
            "2026-11-27",
            "",
            ["2026-11-27", "2026-11-30", "2026-12-01", "2026-12-08"],
            id="friday-no-decision",
        ),
        pytest.param(
            "2026-11-28",
            "",
            ["2026-11-28", "2026-11-30", "2026-12-01", "2026-12-08"],
            id="saturday-interview",
        ),
        pytest.param(
            "2026-11-30",
            "2026-12-05",
            ["2026-11-30", "2026-12-01", "2026-12-07", "2026-12-14"],
            id="month-end-decision-saturday",
        ),
        pytest.param(
            "2026-11-24",
            "2026-11-29",
            ["2026-11-24", "2026-11-25", "2026-11-30", "2026-12-07"],
            id="decision-sunday-call-monday-then-a-week",
        ),
        pytest.param(
            "2026-12-31",
            "",
            ["2026-12-31", "2027-01-01", "2027-01-04", "2027-01-11"],
            id="year-end-no-region",
        ),
        pytest.param(
            "2028-02-29",
            "2028-03-01",
            ["2028-02-29", "2028-03-01", "2028-03-02", "2028-03-09"],
            id="leap-day-decision-next-day",
        ),
        pytest.param(
            "2026-11-24",
            "2026-11-24",
            ["2026-11-24", "2026-11-25", "2026-11-26", "2026-12-03"],
            id="decision-same-day-call-waits-for-the-card",
        ),
        pytest.param(
            "2026-11-24",
            "2026-11-20",
            ["2026-11-24", "2026-11-25", "2026-11-26", "2026-12-03"],
            id="decision-before-interview-ignored",
        ),
        pytest.param(
            "2026-11-24",
            "2029-11-24",
            ["2026-11-24", "2026-11-25", "2026-11-26", "2026-12-03"],
            id="decision-years-away-ignored",
        ),
        pytest.param(
            "2026-11-24",
            "2027-05-26",
            ["2026-11-24", "2026-11-25", "2027-05-27", "2027-06-03"],
            id="decision-six-months-on-believed",
        ),
        pytest.param(
            "2026-11-24",
            "next week",
            ["2026-11-24", "2026-11-25", "2026-11-26", "2026-12-03"],
            id="decision-unreadable-ignored",
        ),
    ],
)
def test_schedule_dates(interview: str, decision: str, expected: list[str]) -> None:
    thanks, posted, call, last = map(D, expected)
    assert _dates(schedule(facts_of(_profile(interview, decision)))) == {
        "email-p1": thanks,
        "card-p1": thanks,
        "post-cards": posted,
        "call": call,
        "followup-1": last,
    }


# Public holidays from the table, each case checked by hand against the calendar of that year.
@pytest.mark.parametrize(
    ("region", "interview", "expected", "moved"),
    [
        pytest.param(
            "US",
            "2026-12-24",
            ["2026-12-28", "2026-12-29", "2027-01-06"],
            ["Dec 25", "Dec 25", "Jan 1"],
            id="christmas-us",
        ),
        pytest.param(
            "GB-ENG",
            "2026-12-24",
            ["2026-12-29", "2026-12-30", "2027-01-07"],
            ["Dec 25 and Dec 28", "Dec 25 and Dec 28", "Jan 1"],
            id="christmas-england-boxing-day-observed",
        ),
        pytest.param(
            "US",
            "2026-12-31",
            ["2027-01-04", "2027-01-05", "2027-01-12"],
            ["Jan 1", "Jan 1", ""],
            id="new-year-us",
        ),
        pytest.param(
            "US",
            "2026-11-25",
            ["2026-11-27", "2026-11-30", "2026-12-07"],
            ["Nov 26", "Nov 26", ""],
            id="thanksgiving-us",
        ),
        pytest.param(
            "GB-ENG",
            "2026-04-02",
            ["2026-04-07", "2026-04-08", "2026-04-15"],
            ["Apr 3 and Apr 6", "Apr 3 and Apr 6", ""],
            id="good-friday-and-easter-monday-england",
        ),
        pytest.param(
            "GB-SCT",
            "2026-04-02",
            ["2026-04-06", "2026-04-07", "2026-04-14"],
            ["Apr 3", "Apr 3", ""],
            id="scotland-works-on-easter-monday",
        ),
        pytest.param(
            "CA-ON",
            "2026-06-30",
            ["2026-07-02", "2026-07-03", "2026-07-10"],
            ["Jul 1", "Jul 1", ""],
            id="canada-day-ontario",
        ),
        pytest.param(
            "IN",
            "2025-10-17",
            ["2025-10-21", "2025-10-22", "2025-10-29"],
            ["Oct 20", "Oct 20", ""],
            id="diwali-india",
        ),
        pytest.param(
            "SG",
            "2025-10-17",
            ["2025-10-21", "2025-10-22", "2025-10-29"],
            ["Oct 20", "Oct 20", ""],
            id="deepavali-singapore",
        ),
        pytest.param(
            "US",
            "2028-02-28",
            ["2028-02-29", "2028-03-01", "2028-03-08"],
            ["", "", ""],
            id="leap-day-us",
        ),
        pytest.param(
            "",
            "2026-12-24",
            ["2026-12-25", "2026-12-28", "2027-01-04"],
            ["", "", ""],
            id="no-region-weekends-only",
        ),
        pytest.param(
            "US",
            "2031-12-24",
            ["2031-12-25", "2031-12-26", "2032-01-02"],
            ["", "", ""],
            id="after-the-table-weekends-only",
        ),
        pytest.param(
            "ZZ-QQ",
            "2026-12-24",
            ["2026-12-25", "2026-12-28", "2027-01-04"],
            ["", "", ""],
            id="unknown-region-weekends-only",
        ),
    ],
)
def test_public_holidays_move_the_steps_and_say_why(
    region: str, interview: str, expected: list[str], moved: list[str]
) -> None:
    steps = {s.id: s for s in schedule(facts_of(_profile(interview, region=region)))}
    ids = ("post-cards", "call", "followup-1")
    assert [steps[i].due for i in ids] == list(map(D, expected))
    for step_id, holidays in zip(ids, moved, strict=True):
        detail = steps[step_id].detail
        if not holidays:
            assert "public holiday" not in detail
        elif " and " in holidays:
            assert f"({holidays} are public holidays)" in detail
        else:
            assert f"({holidays} is a public holiday)" in detail


def test_a_moved_step_names_its_day_and_the_holiday() -> None:
    steps = {s.id: s for s in schedule(facts_of(_profile("2026-12-24", region="US")))}
    assert steps["post-cards"].detail == (
        "Put the stamped card in the mail by Monday, December 28 (Dec 25 is a public holiday)."
    )
    assert steps["call"].detail.endswith(" Due Tue, Dec 29 (Dec 25 is a public holiday).")


def test_ids_and_order_for_three_interviewers() -> None:
    steps = schedule(facts_of(_profile("2026-11-24", "2026-12-04", people=3)))
    assert [s.id for s in steps] == [
        "email-p1",
        "card-p1",
        "email-p2",
        "card-p2",
        "email-p3",
        "card-p3",
        "post-cards",
        "call",
        "followup-1",
    ]
    assert [s.interviewer for s in steps] == [0, 0, 1, 1, 2, 2, None, 0, 0]
    assert steps[2].title == "Email a thank-you note to Person 1"
    assert steps[6].title == "Post the thank-you cards"
    assert steps[7].title == "Call Person 0"


def test_a_name_typed_in_one_case_or_surname_first_is_written_as_a_name() -> None:
    people = (
        Interviewer(name="bec nguyen"),
        Interviewer(name="CRAIG DAWSON"),
        Interviewer(name="Smith, John (HR)"),
    )
    steps = schedule(facts_of(Profile(interview_date="2026-11-24", interviewers=people)))
    titles = [s.title for s in steps]
    assert "Email a thank-you note to Bec Nguyen" in titles
    assert "Write a thank-you card to Craig Dawson" in titles
    # As the drafts greet them: in reading order, without the directory's note.
    assert "Email a thank-you note to John Smith" in titles


def test_titles_without_names() -> None:
    steps = schedule(facts_of(Profile(interview_date="2026-11-24")))
    assert [s.title for s in steps][:4] == [
        "Email a thank-you note to your interviewer",
        "Write a thank-you card to your interviewer",
        "Post the thank-you card",
        "Call your interviewer",
    ]
    two = schedule(
        facts_of(Profile(interview_date="2026-11-24", interviewers=(Interviewer(),) * 2))
    )
    assert two[2].title == "Email a thank-you note to interviewer 2"


def test_the_call_names_the_decision_date_and_asks_no_date_when_none_was_given() -> None:
    dated = {s.id: s for s in schedule(facts_of(_profile("2026-11-24", "2026-12-04")))}
    assert dated["call"].detail.startswith("They planned to decide by Friday, December 4. ")
    assert "when it will be" not in dated["call"].detail
    undated = {s.id: s for s in schedule(facts_of(_profile("2026-11-24")))}
    assert "ask whether a decision has been made, and if not, when it will be" in (
        undated["call"].detail
    )


def test_a_reader_who_prefers_email_gets_an_email_instead_of_the_call() -> None:
    steps = {
        s.id: s for s in schedule(facts_of(_profile("2026-11-24", "2026-12-04", prefer_email=True)))
    }
    assert steps["call"].title == "Send Person 0 the first follow-up email"
    assert "If you have had no word, email them" in steps["call"].detail
    assert (steps["call"].due, steps["followup-1"].due) == (D("2026-12-07"), D("2026-12-14"))
    assert "a week after you wrote" in steps["followup-1"].detail


@pytest.mark.parametrize(
    ("decision", "call", "last"),
    [
        pytest.param("", "2026-11-30", "2026-12-07", id="no-date-the-post-gets-two-more-days"),
        pytest.param("2026-12-04", "2026-12-07", "2026-12-14", id="their-date-comes-first"),
    ],
)
def test_a_video_interview(decision: str, call: str, last: str) -> None:
    steps = {s.id: s for s in schedule(facts_of(_profile("2026-11-24", decision, remote=True)))}
    assert "ask the coordinator who set it up for a mailing address" in steps["card-p1"].detail
    assert "skip the card" in steps["card-p1"].detail
    assert "can take longer" in steps["post-cards"].detail
    assert (steps["call"].due, steps["followup-1"].due) == (D(call), D(last))


def test_offer_drops_the_follow_ups_and_adds_its_own_steps() -> None:
    steps = schedule(facts_of(_profile("2026-11-24")), "offer", "2026-11-30")
    assert [s.id for s in steps] == [
        "email-p1",
        "card-p1",
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
    steps = {s.id: s for s in schedule(facts_of(p))}
    for step_id in ("call", "followup-1"):
        assert steps[step_id].interviewer == lead
    assert steps["call"].title == f"Call Person {lead}"
    not_hired = {s.id: s for s in schedule(facts_of(p), "not_hired", "2026-11-30")}
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
    steps = {s.id: s for s in schedule(facts_of(_profile("2026-11-24")), "not_hired", outcome_on)}
    assert set(steps) == {"email-p1", "card-p1", "post-cards", "call", "not-hired"}
    assert steps["not-hired"].due == D(due)
    assert steps["not-hired"].interviewer == 0


def test_not_hired_reply_skips_a_holiday() -> None:
    steps = {
        s.id: s
        for s in schedule(facts_of(_profile("2026-12-20", region="US")), "not_hired", "2026-12-24")
    }
    assert steps["not-hired"].due == D("2026-12-28")
    assert "(Dec 25 is a public holiday)" in steps["not-hired"].detail


@pytest.mark.parametrize("interview", ["", "2026-02-30", "soon", "9999-12-31"])
def test_no_plan_without_a_usable_date(interview: str) -> None:
    assert schedule(facts_of(_profile(interview))) == ()


@given(
    profiles(hostile_text), st.sampled_from(["waiting", "offer", "not_hired", "?"]), hostile_text
)
def test_schedule_never_fails_and_is_ordered(p: Profile, outcome: str, outcome_on: str) -> None:
    steps = schedule(facts_of(p), outcome, outcome_on)
    assert [s.due for s in steps] == sorted(s.due for s in steps)
    assert len({s.id for s in steps}) == len(steps)
    if steps and p.interviewers:
        assert steps[0].due.isoformat() == p.interview_date.strip()


@given(st.integers(min_value=1, max_value=6))
def test_ids_are_stable_for_the_same_count(n: int) -> None:
    a = schedule(facts_of(_profile("2026-11-24", people=n)))
    b = schedule(
        facts_of(replace(_profile("2027-06-01", "2027-06-10", people=n), name="Someone Else"))
    )
    assert [s.id for s in a] == [s.id for s in b]


def test_the_guides_worked_example() -> None:
    """docs/timing.md works through this case by hand; the kit must give the same dates."""
    steps = _dates(schedule(facts_of(_profile("2026-03-05", "2026-03-13"))))
    assert steps["post-cards"] == D("2026-03-06")
    assert steps["call"] == D("2026-03-16")  # not before their Friday: the Monday after it
    assert steps["followup-1"] == D("2026-03-23")
    assert "followup-2" not in steps
    undated = _dates(schedule(facts_of(_profile("2026-03-05"))))
    assert (undated["call"], undated["followup-1"]) == (D("2026-03-09"), D("2026-03-16"))


def test_a_done_step_keeps_its_day_and_the_rest_move() -> None:
    """Ticks record the day a step was done; a decision date given later moves only the rest."""
    checks = {"email-p1": "2026-11-25T08:10", "call": "2026-11-26T15:00"}
    before = _dates(schedule(facts_of(_profile("2026-11-24")), checks=checks))
    after = _dates(schedule(facts_of(_profile("2026-11-24", "2026-12-04")), checks=checks))
    assert before == {
        "email-p1": D("2026-11-25"),  # sent the morning after: dated when it was done
        "card-p1": D("2026-11-24"),
        "post-cards": D("2026-11-25"),
        "call": D("2026-11-26"),
        "followup-1": D("2026-12-03"),
    }
    # The call already happened; the last check-in waits for the day after their date.
    assert after == {**before, "followup-1": D("2026-12-07")}


def test_a_late_post_holds_back_the_call() -> None:
    checks = {"post-cards": "2026-11-30T12:00"}
    assert _dates(schedule(facts_of(_profile("2026-11-24")), checks=checks))["call"] == D(
        "2026-12-01"
    )


@pytest.mark.parametrize("stamp", ["", "yesterday", "2026-02-30T10:00"])
def test_an_unreadable_tick_keeps_the_planned_day(stamp: str) -> None:
    steps = _dates(schedule(facts_of(_profile("2026-11-24")), checks={"call": stamp}))
    assert steps["call"] == D("2026-11-26")


def _all_regions() -> list[str]:
    return [code for country, _ in countries() for code in (country, *dict(regions_of(country)))]


@given(
    st.dates(min_value=date(2025, 1, 1), max_value=date(2030, 12, 31)),
    st.one_of(st.none(), st.integers(min_value=-20, max_value=400)),
    st.sampled_from(_all_regions()),
    st.booleans(),
    st.booleans(),
    st.integers(min_value=1, max_value=3),
)
def test_no_step_lands_on_a_day_off_and_nothing_chases_before_their_date(
    interview: date, days_to_decision: int | None, region: str, remote: bool, email: bool, n: int
) -> None:
    decision = None if days_to_decision is None else interview + timedelta(days_to_decision)
    p = _profile(
        interview.isoformat(),
        decision.isoformat() if decision else "",
        people=n,
        region=region,
        remote=remote,
        prefer_email=email,
    )
    off = holiday_calendar(region).days
    steps = schedule(facts_of(p))
    thanks = {f"{kind}-p{i}" for kind in ("email", "card") for i in range(1, n + 1)}
    # After the thank-yous: the post, then two check-ins at most, the call among them.
    assert {s.id for s in steps} == thanks | {"post-cards", "call", "followup-1"}
    for step in steps:
        if step.id in thanks:
            assert step.due == interview  # the day of the interview, whatever day it was
        else:
            assert step.due.weekday() < 5, step
            assert step.due not in off, step
    chasers = [s.due for s in steps if s.id in ("call", "followup-1")]
    assert chasers[0] < chasers[1]
    believed = decision is not None and 0 <= (decision - interview).days <= 183
    floor = decision if believed and decision is not None else interview
    assert all(day > floor for day in chasers)


@pytest.mark.parametrize(
    ("region", "interview", "notes"),
    [
        pytest.param(
            "",
            "2026-12-24",
            ["The dates skip weekends only. Choose your country to skip its public holidays."],
            id="none",
        ),
        pytest.param(
            "GB-SCT",
            "2026-12-24",
            ["The dates skip weekends and public holidays (Scotland, United Kingdom)."],
            id="known",
        ),
        pytest.param(
            "US",
            "2030-12-30",
            [
                "The dates skip weekends and public holidays (United States).",
                "The kit knows public holidays from 2025 to 2030 only: dates in 2031 skip "
                "weekends only.",
            ],
            id="running-past-the-table",
        ),
        pytest.param(
            "FR-99",
            "2026-12-24",
            [
                "The kit does not know the public holidays of “FR-99”, so the dates skip "
                "weekends only. Choose your country again from the list."
            ],
            id="unknown",
        ),
    ],
)
def test_the_notes_say_what_the_dates_skip(region: str, interview: str, notes: list[str]) -> None:
    p = _profile(interview, region=region)
    assert list(calendar_notes(facts_of(p), schedule(facts_of(p)))) == notes
