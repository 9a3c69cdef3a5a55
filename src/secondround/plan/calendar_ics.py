"""The checklist as an iCalendar file (RFC 5545): one all-day event with a reminder per step."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from secondround.input.profile import Profile
from secondround.input.text import clean_line
from secondround.plan.schedule import Step

__all__ = ["PRODID", "REMINDER", "CalendarEntry", "escape_text", "fold", "to_ics", "to_ics_all"]

PRODID = "-//Second Round//Follow-up checklist//EN"
# Relative to the start of an all-day event, that is midnight of the due day.
REMINDER = "PT9H"


def escape_text(text: str) -> str:
    """A TEXT value: backslash, semicolon, comma and line breaks escaped; other controls dropped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = "\n".join(clean_line(line) for line in text.split("\n"))
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line: str) -> str:
    """Fold a content line at 75 octets of UTF-8, never inside a character; CRLF-terminated."""
    if len(line.encode("utf-8")) <= 75:
        return line + "\r\n"
    out: list[str] = []
    current: list[str] = []
    size = 0
    limit = 75
    for ch in line:
        n = len(ch.encode("utf-8"))
        if size + n > limit:
            out.append("".join(current))
            # Each continuation line starts with a space, which counts against its 75.
            current, size, limit = [], 0, 74
        current.append(ch)
        size += n
    out.append("".join(current))
    return "\r\n ".join(out) + "\r\n"


def _day(d: date) -> str:
    return f"{d.year:04d}{d.month:02d}{d.day:02d}"


def _stamp(t: datetime) -> str:
    # A naive stamp is taken to be UTC already: DTSTAMP must be in UTC.
    u = t.astimezone(UTC) if t.tzinfo is not None else t
    return f"{_day(u.date())}T{u.hour:02d}{u.minute:02d}{u.second:02d}Z"


def _uid_seed(p: Profile) -> str:
    # The application, not its dates: fixing a mistyped date and importing again
    # updates the same events instead of adding copies.
    key = "\x1f".join(clean_line(x).casefold() for x in (p.email, p.company, p.position))
    return hashlib.sha256(key.encode("utf-8", "replace")).hexdigest()[:16]


@dataclass(frozen=True)
class CalendarEntry:
    """One application's steps left to do, its profile and its identity."""

    steps: Sequence[Step]
    profile: Profile
    ident: str = ""


def to_ics(steps: Iterable[Step], p: Profile, stamp: datetime) -> str:
    """A VCALENDAR with one all-day VEVENT per step and a display alarm at 9:00 on the day."""
    return to_ics_all([CalendarEntry(tuple(steps), p)], stamp)


def to_ics_all(entries: Iterable[CalendarEntry], stamp: datetime) -> str:
    """One VCALENDAR for several applications: each event's UID stays the same from one export
    to the next, so importing the file again updates the events instead of adding copies."""
    when = _stamp(stamp)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ]
    seeds: set[str] = set()
    for entry in entries:
        p = entry.profile
        seed = _uid_seed(p)
        if seed in seeds and entry.ident:
            # Two applications for the same company, position and email: the second one's
            # events take its own identity, so neither overwrites the other's.
            seed = hashlib.sha256(entry.ident.encode("ascii", "replace")).hexdigest()[:16]
        seeds.add(seed)
        company = clean_line(p.company)
        for step in entry.steps:
            # In a calendar beside other events, each title says which application it is for.
            summary = escape_text(f"{step.title} ({company})" if company else step.title)
            lines += [
                "BEGIN:VEVENT",
                f"UID:{escape_text(step.id)}-{seed}@secondround",
                f"DTSTAMP:{when}",
                f"DTSTART;VALUE=DATE:{_day(step.due)}",
                f"DTEND;VALUE=DATE:{_day(step.due + timedelta(days=1))}",
                f"SUMMARY:{summary}",
                f"DESCRIPTION:{escape_text(step.detail)}",
                # A reminder to do something, not a meeting: the day stays free.
                "TRANSP:TRANSPARENT",
                "BEGIN:VALARM",
                "ACTION:DISPLAY",
                f"DESCRIPTION:{summary}",
                f"TRIGGER:{REMINDER}",
                "END:VALARM",
                "END:VEVENT",
            ]
    lines.append("END:VCALENDAR")
    return "".join(fold(line) for line in lines)
