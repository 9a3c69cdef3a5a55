"""Parse once, at the door: the profile as typed becomes one typed value the rest only reads.

Dates are dates, names are written as names, the region is a holiday calendar, typed text is
shaped for sentences and each interviewer is one Person with a stable id. Drafts, the plan,
the checklist and the views read a Facts; none of them parses the raw text again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from secondround.input.names import default_salutation, written_name
from secondround.input.phrasing import Shape, as_item, organization, phrase, topic_item
from secondround.input.profile import (
    DECISION_HORIZON_DAYS,
    Interviewer,
    Profile,
    Role,
    Tone,
    coordinator_of,
)
from secondround.input.public_holidays import HolidayCalendar, holiday_calendar
from secondround.input.text import clean_line, is_email, is_https_url, parse_date
from secondround.input.validate import Problems, problems_of

__all__ = ["Facts", "Person", "facts_of", "person_of"]

_ROLE_WORDS = re.compile(r"\s+(position|role|job|opening|post|vacancy)$", flags=re.IGNORECASE)
# What the sentences put in front of the job themselves: "the", "a", "the role of", "job as a".
_JOB_LEAD = re.compile(
    r"^(?:(?:the|a|an)\s+)?(?:(?:position|role|job|post|vacancy)\s+(?:of|as)\s+)?(?:(?:the|a|an)\s+)?",
    flags=re.IGNORECASE,
)
# A greeting the reader typed into the salutation field itself.
_GREETING_WORDS = re.compile(r"^(?:dear|hi|hello|hey)\s+", flags=re.IGNORECASE)


@dataclass(frozen=True)
class Person:
    """One interviewer as everything after the door needs them."""

    index: int
    id: str
    tone: Tone
    role: Role
    # How the notes greet them ("Dr. Cho", "Helen"): "" when there is no name to address.
    salutation: str
    # How they would be greeted from their name and tone alone (the form's placeholder).
    default_salutation: str
    topic: tuple[Shape, str]
    # A valid address, or "" (a draft is then addressed by the reader).
    email: str
    # Their name as written in a sentence, "" when none was typed.
    name: str
    # How the checklist names them: their name, else "your interviewer" or "interviewer 2".
    label: str


@dataclass(frozen=True)
class Facts:
    """What the reader typed, parsed once, as it reads inside a sentence and on a calendar."""

    me: str
    my_email: str
    # The reader's profile address, when it is one (an https address), for their signature.
    my_linkedin: str
    my_phone: str
    company: str
    # The company as typed, as a title shows it ("City of Leeds", no closing period).
    company_as_typed: str
    # The company and the position on one line each, as the list of applications shows them.
    company_line: str
    position_line: str
    # The position without a lead ("the role of") or a trailing "position", "" when unknown.
    job: str
    # The interview day, and the decision day the drafts mention (never before the interview).
    when: date | None
    decision: date | None
    # The decision day the plan follows: also None past DECISION_HORIZON_DAYS (a likely typo).
    plan_decision: date | None
    quals: tuple[tuple[Shape, str], ...]
    availability: str
    people: tuple[Person, ...]
    # The index of the person the decision goes through.
    lead: int
    remote: bool
    prefer_email: bool
    # The region as typed ("" for none) and its public holidays.
    region: str
    calendar: HolidayCalendar
    # Every problem with what was typed, at its form field (the form shows those left).
    problems: Problems


def person_of(index: int, who: Interviewer, count: int = 1) -> Person:
    """One interviewer, parsed; `count` is the size of the panel (it names a nameless one)."""
    tone: Tone = "relaxed" if who.tone == "relaxed" else "formal"
    typed = _GREETING_WORDS.sub("", phrase(who.salutation))
    to = clean_line(who.email)
    role: Role = who.role if who.role in ("panel", "recruiter", "assistant") else "hiring_manager"
    name = written_name(who.name)
    default = default_salutation(who.name, tone)
    return Person(
        index=index,
        id=who.id,
        tone=tone,
        role=role,
        salutation=typed or default,
        default_salutation=default,
        topic=topic_item(who.topics),
        email=to if is_email(to) else "",
        name=name,
        label=name or ("your interviewer" if count <= 1 else f"interviewer {index + 1}"),
    )


# The one parse per change: every View asks for the Facts of the application shown (and of
# each one listed), and parsing a profile is most of the work a keystroke does.
@lru_cache(maxsize=64)
def facts_of(p: Profile) -> Facts:
    """The profile, parsed once."""
    typed = phrase(p.position)
    job = _JOB_LEAD.sub("", typed) or typed
    bare = _ROLE_WORDS.sub("", job)
    when = parse_date(p.interview_date)
    decision = parse_date(p.decision_date)
    if decision is not None and when is not None and decision < when:
        decision = None  # an impossible date would only confuse the reader
    plan_decision = None
    if when is not None and decision is not None:
        plan_decision = decision if (decision - when).days <= DECISION_HORIZON_DAYS else None
    count = len(p.interviewers)
    return Facts(
        me=written_name(p.name) if phrase(p.name) else "",
        my_email=clean_line(p.email),
        my_linkedin=clean_line(p.linkedin) if is_https_url(p.linkedin) else "",
        my_phone=clean_line(p.phone),
        company=organization(p.company),
        company_as_typed=phrase(p.company),
        company_line=clean_line(p.company),
        position_line=clean_line(p.position),
        job=bare or job,
        when=when,
        decision=decision,
        plan_decision=plan_decision,
        quals=tuple(item for item in (as_item(q) for q in p.qualifications) if item[1]),
        availability=phrase(p.availability),
        people=tuple(person_of(i, who, count) for i, who in enumerate(p.interviewers)),
        lead=coordinator_of(p),
        remote=p.remote,
        prefer_email=p.prefer_email,
        region=p.region,
        calendar=holiday_calendar(p.region),
        problems=problems_of(p),
    )
