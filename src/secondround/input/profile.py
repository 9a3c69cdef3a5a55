"""The candidate's profile as typed: plain data, declared once, and what a shared link omits."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Literal

from secondround.input.form import ask, declared

__all__ = [
    "DECISION_HORIZON_DAYS",
    "MAX_INTERVIEWERS",
    "ROLES",
    "Interviewer",
    "Profile",
    "Role",
    "Tone",
    "coordinator_of",
    "left_out",
    "next_person_id",
    "without_contact",
]


Tone = Literal["formal", "relaxed"]


# Each person's part in the hiring: it decides what their notes thank them for.
Role = Literal["hiring_manager", "panel", "recruiter", "assistant"]


ROLES: tuple[Role, ...] = ("hiring_manager", "panel", "recruiter", "assistant")


# Limits: generous enough for real names and long job titles, small enough that a bookmark of a
# full profile stays short and a draft stays readable.
_NAME_CHARS = 120


_EMAIL_CHARS = 254  # RFC 5321's limit on a forward path


_DATE_CHARS = 10


@dataclass(frozen=True)
class Interviewer:
    """One person who interviewed the candidate; each gets their own notes.

    `salutation` is how the notes address them ("Dr. Cho", "Helen"); empty means
    the default worked out from the name and tone. `topics` is what the candidate
    talked about with this person in particular.
    """

    name: str = field(default="", metadata=ask("Name", _NAME_CHARS))
    title: str = field(default="", metadata=ask("Job title", 120))
    email: str = field(
        default="",
        metadata=ask(
            "Email",
            _EMAIL_CHARS,
            input="email",
            private=True,
            invalid="Check this email address: it should look like dana@example.com, or leave "
            "it empty.",
        ),
    )
    tone: Tone = "formal"
    salutation: str = field(
        default="",
        metadata=ask(
            "How to address them",
            80,
            hint="As in “Dear …” or “Hi …”. Leave empty to use the name as shown.",
        ),
    )
    role: Role = "hiring_manager"
    topics: str = field(
        default="",
        metadata=ask(
            "What you talked about with them",
            300,
            input="textarea",
            hint="A phrase reads best, for example “their plan to open a second kitchen”. "
            "Something different for each person keeps the notes personal.",
            placeholder="the plan to open a second kitchen",
        ),
    )
    # Stable within a profile ("p1", "p2", ...): ticks are kept by person, not by position.
    id: str = "p1"


@dataclass(frozen=True)
class Profile:
    """Everything the drafts and the schedule need, kept as the raw text the user typed."""

    name: str = field(
        default="",
        metadata=ask(
            "Your name",
            _NAME_CHARS,
            section="you",
            missing="Enter your name as you want to sign the notes.",
            autocomplete="name",
            private=True,
        ),
    )
    email: str = field(
        default="",
        metadata=ask(
            "Your email",
            _EMAIL_CHARS,
            section="you",
            input="email",
            missing="Enter your email address, for example sam@example.com.",
            invalid="Check your email address: it should look like sam@example.com.",
            autocomplete="email",
            private=True,
        ),
    )
    phone: str = field(
        default="",
        metadata=ask(
            "Your phone",
            40,
            section="you",
            input="tel",
            autocomplete="tel",
            hint="Used in the voicemail and your signature.",
            invalid="Check your phone number: use digits, spaces, +, - or brackets, "
            "for example +1 555 010 0199.",
            private=True,
        ),
    )
    company: str = field(
        default="",
        metadata=ask(
            "Company",
            _NAME_CHARS,
            section="job",
            missing="Enter the company you interviewed with.",
            autocomplete="organization",
        ),
    )
    position: str = field(
        default="",
        metadata=ask(
            "Position",
            _NAME_CHARS,
            section="job",
            missing="Enter the position you interviewed for.",
        ),
    )
    interviewers: tuple[Interviewer, ...] = (Interviewer(),)
    interview_date: str = field(
        default="",
        metadata=ask(
            "Date of the second interview",
            _DATE_CHARS,
            section="job",
            input="date",
            missing="Enter the date of your second interview.",
        ),
    )
    # Each one a phrase that finishes "I would bring …"; the first two are needed.
    qualifications: tuple[str, str, str] = field(
        default=("", "", ""), metadata=ask("Qualification", 200, section="why")
    )
    decision_date: str = field(
        default="",
        metadata=ask(
            "Decision date they gave",
            _DATE_CHARS,
            section="job",
            input="date",
            hint="If they said when they would decide. Leave empty if they did not.",
        ),
    )
    # When the candidate can take a call, said in the voicemail ("weekdays after 2 pm").
    # Empty means a generic promise.
    availability: str = field(
        default="",
        metadata=ask(
            "When you can take a call",
            120,
            section="you",
            hint="For the voicemail, for example “weekdays after 2 pm”.",
        ),
    )
    # Under the reader's name in the emails and letters; never in a link shared for feedback.
    linkedin: str = field(
        default="",
        metadata=ask(
            "Your LinkedIn profile",
            200,
            section="you",
            input="url",
            autocomplete="url",
            placeholder="https://www.linkedin.com/in/your-name",
            hint="Shown under your name in your emails and letters. Optional.",
            invalid="Check the address of your profile: it should start with https://, for "
            "example https://www.linkedin.com/in/sam-rivera.",
            private=True,
        ),
    )
    # Whose public holidays the dates skip: "US", "US-CA", "GB-SCT"; "" counts weekends only.
    # Codes such as "BR-São Paulo Capital": the table's longest is 20 characters.
    region: str = field(
        default="", metadata=ask("State, province or region", 32, section="holidays")
    )
    # The interview was by video: the card needs an address asked for, and more time in the post.
    remote: bool = False
    # The reader would rather not phone: the first check-in is an email instead of a call.
    prefer_email: bool = False

    def __post_init__(self) -> None:
        # Ids are unique within a profile: ticks are kept under them. A person built without
        # one (every Interviewer() is "p1") gets the next free id.
        seen: list[Interviewer] = []
        for person in self.interviewers:
            if any(other.id == person.id for other in seen):
                person = replace(person, id=next_person_id(tuple(seen)))
            seen.append(person)
        if tuple(seen) != self.interviewers:
            object.__setattr__(self, "interviewers", tuple(seen))

    # The index of the person who coordinates the decision: they get the call, and the
    # replies about the outcome. -1 (or an index past the list) means the hiring manager.
    coordinator: int = -1


# A decision promised further out than this is taken for a typo in the year: a hiring decision
# half a year away is rare, and a plan built around one would leave the reader waiting silently.
DECISION_HORIZON_DAYS = 183


MAX_INTERVIEWERS = 6


def next_person_id(people: tuple[Interviewer, ...]) -> str:
    """An id no one in `people` has: one past the highest "pN" (never reused while listed)."""
    numbers = [int(x.id[1:]) for x in people if x.id[:1] == "p" and x.id[1:].isdigit()]
    return f"p{max(numbers, default=0) + 1}"


def _private(owner: type) -> dict[str, Any]:
    return {name: "" for name, spec in declared(owner) if spec.private}


def without_contact(profile: Profile) -> Profile:
    """The profile to share for feedback: every field declared private left out (the reader's
    name and how to reach them, and their interviewers')."""
    people = tuple(replace(person, **_private(Interviewer)) for person in profile.interviewers)
    return replace(profile, **_private(type(profile)), interviewers=people)


def _what(label: str) -> str:
    """A label as words in a sentence: "Your name" -> "name", "LinkedIn profile" as it is."""
    words = label.removeprefix("Your ")
    first = words.split(" ", 1)[0]
    # A name with capitals inside ("LinkedIn", "GitHub", "URL") keeps them.
    return words[:1].lower() + words[1:] if first[1:].islower() else words


def _listed(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def left_out(whose: str = "your", owner: type[Profile] = Profile) -> str:
    """What a link shared for feedback leaves out, from the declarations: "your name, email and
    phone, and your interviewers' emails"."""
    own = [_what(spec.label) for _, spec in declared(owner) if spec.private]
    theirs = [_what(spec.label) + "s" for _, spec in declared(Interviewer) if spec.private]
    parts = [f"{whose} {_listed(own)}"] if own else []
    if theirs:
        parts.append(f"{whose} interviewers' {_listed(theirs)}")
    return ", and ".join(parts)


def coordinator_of(p: Profile) -> int:
    """The index of the person the decision goes through: the one marked, else the first
    hiring manager, else the first interviewer."""
    if 0 <= p.coordinator < len(p.interviewers):
        return p.coordinator
    for i, person in enumerate(p.interviewers):
        if person.role == "hiring_manager":
            return i
    return 0
