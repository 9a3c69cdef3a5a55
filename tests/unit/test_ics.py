"""The iCalendar export: RFC 5545 lines, folding, escaping, and a real parser's reading of it."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from secondround.input.facts import facts_of
from secondround.input.profile import Interviewer, Profile
from secondround.plan.calendar_ics import escape_text, fold, to_ics
from secondround.plan.schedule import Step, schedule

PROFILE = Profile(
    name="Sam Rivera",
    email="sam@example.com",
    company="Northwind",
    position="Analyst",
    interviewers=(Interviewer(name="Dana Whitfield"), Interviewer(name="Ana Ruiz")),
    interview_date="2026-11-24",
    decision_date="2026-12-04",
)
STAMP = datetime(2026, 11, 24, 18, 5, 9, tzinfo=timezone(timedelta(hours=-5)))
HOSTILE = "Call Dana; then, \\ rest\nBEGIN:VEVENT\r\nEND:VCALENDAR"


def _step(title: str = "Call Dana", detail: str = "Ask politely.") -> Step:
    return Step(id="call", title=title, detail=detail, due=date(2026, 11, 27), interviewer=0)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("plain", "plain"),
        ("a,b;c", "a\\,b\\;c"),
        ("back\\slash", "back\\\\slash"),
        ("two\nlines", "two\\nlines"),
        ("crlf\r\nline", "crlf\\nline"),
        ("bell\x07tab\tend", "belltab end"),
        ("Zoë 李", "Zoë 李"),
    ],
)
def test_escape_text(text: str, expected: str) -> None:
    assert escape_text(text) == expected


def test_fold_short_line() -> None:
    assert fold("SUMMARY:Hi") == "SUMMARY:Hi\r\n"


def test_fold_at_75_octets() -> None:
    line = "SUMMARY:" + "x" * 100
    assert fold(line) == "SUMMARY:" + "x" * 67 + "\r\n " + "x" * 33 + "\r\n"


def test_fold_never_splits_a_character() -> None:
    line = "SUMMARY:" + "é" * 60  # 8 + 120 octets
    folded = fold(line)
    parts = folded.split("\r\n")[:-1]
    assert parts == ["SUMMARY:" + "é" * 33, " " + "é" * 27]
    assert [len(p.encode()) for p in parts] == [74, 55]


@given(st.text(max_size=300))
def test_fold_unfolds_back(text: str) -> None:
    line = "DESCRIPTION:" + escape_text(text)
    folded = fold(line)
    assert folded.endswith("\r\n")
    for part in folded.split("\r\n")[:-1]:
        assert len(part.encode("utf-8")) <= 75
    assert folded[:-2].replace("\r\n ", "") == line


def test_calendar_shape() -> None:
    text = to_ics([_step()], PROFILE, STAMP)
    assert text.endswith("\r\n")
    assert "\n" not in text.replace("\r\n", "")
    lines = text.split("\r\n")[:-1]
    assert lines[:5] == [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Second Round//Follow-up checklist//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ]
    assert lines[5] == "BEGIN:VEVENT"
    assert lines[6].startswith("UID:call-")
    assert lines[6].endswith("@secondround")
    assert lines[7:] == [
        "DTSTAMP:20261124T230509Z",
        "DTSTART;VALUE=DATE:20261127",
        "DTEND;VALUE=DATE:20261128",
        "SUMMARY:Call Dana (Northwind)",
        "DESCRIPTION:Ask politely.",
        "TRANSP:TRANSPARENT",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        "DESCRIPTION:Call Dana (Northwind)",
        "TRIGGER:PT9H",
        "END:VALARM",
        "END:VEVENT",
        "END:VCALENDAR",
    ]


def test_naive_stamp_is_taken_as_utc() -> None:
    assert "DTSTAMP:20261124T180509Z" in to_ics(
        [_step()], PROFILE, datetime(2026, 11, 24, 18, 5, 9)
    )


def test_hostile_text_cannot_break_out() -> None:
    text = to_ics([_step(HOSTILE, HOSTILE)], PROFILE, STAMP)
    lines = text.split("\r\n")
    assert lines.count("BEGIN:VEVENT") == 1
    assert lines.count("END:VCALENDAR") == 1
    assert "SUMMARY:Call Dana\\; then\\, \\\\ rest\\nBEGIN:VEVENT\\nEND:VCALENDAR" in text.replace(
        "\r\n ", ""
    )


def test_uids_are_stable_per_step_and_application() -> None:
    steps = schedule(facts_of(PROFILE))
    a = [line for line in to_ics(steps, PROFILE, STAMP).split("\r\n") if line.startswith("UID:")]
    moved = Profile(**{**PROFILE.__dict__, "interview_date": "2026-11-25"})
    b = [
        line
        for line in to_ics(schedule(facts_of(moved)), moved, STAMP + timedelta(days=1)).split(
            "\r\n"
        )
        if line.startswith("UID:")
    ]
    assert len(set(a)) == len(a) == len(steps)
    assert a == b
    other = Profile(**{**PROFILE.__dict__, "company": "Contoso"})
    c = [line for line in to_ics(steps, other, STAMP).split("\r\n") if line.startswith("UID:")]
    assert not set(a) & set(c)


def test_icalendar_reads_it() -> None:
    icalendar = pytest.importorskip("icalendar")
    steps = schedule(facts_of(PROFILE))
    steps = (*steps, _step(HOSTILE, "Line one\nLine two, with; marks"))
    cal = icalendar.Calendar.from_ical(to_ics(steps, PROFILE, STAMP))
    events = list(cal.walk("VEVENT"))
    assert len(events) == len(steps)
    for event, step in zip(events, steps, strict=True):
        assert event.decoded("DTSTART") == step.due
        assert event.decoded("DTEND") == step.due + timedelta(days=1)
        assert str(event["SUMMARY"]) == step.title.replace("\r\n", "\n") + " (Northwind)"
        alarms = list(event.walk("VALARM"))
        assert len(alarms) == 1
        assert str(alarms[0]["ACTION"]) == "DISPLAY"
        assert alarms[0].decoded("TRIGGER") == timedelta(hours=9)
    assert str(events[-1]["DESCRIPTION"]) == "Line one\nLine two, with; marks"
    assert events[0].decoded("DTSTAMP") == datetime(2026, 11, 24, 23, 5, 9, tzinfo=UTC)


def test_icalendar_reads_the_holiday_dates_the_checklist_shows() -> None:
    icalendar = pytest.importorskip("icalendar")
    christmas = Profile(
        **{
            **PROFILE.__dict__,
            "interview_date": "2026-12-24",
            "decision_date": "",
            "region": "GB-ENG",
        }
    )
    steps = schedule(facts_of(christmas))
    cal = icalendar.Calendar.from_ical(to_ics(steps, christmas, STAMP))
    events = list(cal.walk("VEVENT"))
    assert [e.decoded("DTSTART") for e in events] == [s.due for s in steps]
    by_step = {str(e["UID"]).rsplit("-", 1)[0]: e for e in events}
    # England: Christmas Day, and Boxing Day (a Saturday) observed on Monday the 28th.
    assert by_step["post-cards"].decoded("DTSTART") == date(2026, 12, 29)
    assert by_step["call"].decoded("DTSTART") == date(2026, 12, 30)
    assert by_step["followup-1"].decoded("DTSTART") == date(2027, 1, 7)
    assert "(Dec 25 and Dec 28 are public holidays)" in str(by_step["post-cards"]["DESCRIPTION"])
