"""Several applications in one browser: the shelf, each entry and the reader's own details."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal, get_args

from secondround.input.form import declared
from secondround.input.profile import Interviewer, Profile
from secondround.saved.codec import (
    StateError,
)
from secondround.saved.state import (
    State,
)

__all__ = [
    "APP_ID",
    "APP_PREFIX",
    "HOME_KEY",
    "MAX_ACTIVE",
    "MAX_DELETED",
    "STATUSES",
    "YOU_FIELDS",
    "YOU_FLAGS",
    "Entry",
    "Shelf",
    "Status",
    "TooMany",
    "You",
    "app_key",
    "copy_of",
    "upsert",
    "with_you",
    "you_of",
]


# One key per application, so two tabs editing two applications never write the same key; one
# key for the reader's own details and the list's order.
APP_PREFIX = "secondround:v3:app:"


HOME_KEY = "secondround:v3:home"


# Past this, the list and the "Today" section stop being a glance: archive the finished ones.
MAX_ACTIVE = 25


# Deleted applications are kept aside (a bookmark to one offers it back); past this many the
# one deleted longest ago goes for good.
MAX_DELETED = 25


Status = Literal["active", "archived", "deleted"]


STATUSES: tuple[Status, ...] = get_args(Status)


APP_ID = re.compile(r"[A-Za-z0-9_-]{1,32}")


class TooMany(StateError):
    default = (
        f"You already have {MAX_ACTIVE} active applications, the most the kit keeps at once. "
        "Archive one you are no longer following, then try again."
    )


# The reader's own details, typed once and the same in every application: the form's "you"
# section as declared (profile.py), the region whose holidays they keep, and how they check in.
YOU_FIELDS = (
    *(name for name, spec in declared(Profile) if spec.section == "you"),
    "region",
    "prefer_email",
)


YOU_FLAGS = tuple(name for name in YOU_FIELDS if isinstance(getattr(Profile(), name), bool))


@dataclass(frozen=True)
class You:
    """The reader's own details: typed once, the same in every application.

    `details` is a profile holding only YOU_FIELDS (the rest at their defaults), so a field
    declared in the form's "you" section is one of them with no other change.
    """

    details: Profile = Profile()  # noqa: RUF009 -- frozen, so one shared default is safe
    # Details a newer build saved that this one does not know, as canonical JSON text: kept,
    # and written back unchanged (they live here, not in any application's profile).
    unknown: str = ""


def _only_you(p: Profile) -> Profile:
    return Profile(**{name: getattr(p, name) for name in YOU_FIELDS})


def you_of(p: Profile, unknown: str = "") -> You:
    """The reader's details as this profile holds them (and what a newer build kept beside)."""
    return You(_only_you(p), unknown)


def with_you(s: State, you: You) -> State:
    """The state with the reader's own details in its profile."""
    if _only_you(s.profile) == you.details:
        return s
    profile = replace(s.profile, **{name: getattr(you.details, name) for name in YOU_FIELDS})
    return replace(s, profile=profile)


@dataclass(frozen=True)
class Entry:
    """One application as kept in this browser."""

    state: State
    status: Status = "active"
    # When it was archived or deleted (the reader's local time): the oldest deleted goes first.
    changed: str = ""
    # The record's keys a newer build wrote that this one does not know, kept (JSON text).
    unknown: str = ""

    @property
    def id(self) -> str:
        return self.state.id


@dataclass(frozen=True)
class Shelf:
    """Every application kept in this browser, in the list's order, and the reader's details."""

    entries: tuple[Entry, ...] = ()
    you: You = You()
    # The one shown last, as the home record says: the next visit opens it.
    current: str = ""
    # The home record's keys a newer build wrote that this one does not know, kept (JSON text).
    unknown: str = ""

    def get(self, ident: str) -> Entry | None:
        if not ident:
            return None
        return next((e for e in self.entries if e.id == ident), None)

    def with_status(self, status: Status) -> tuple[Entry, ...]:
        return tuple(e for e in self.entries if e.status == status)


def app_key(ident: str) -> str:
    return APP_PREFIX + ident


def upsert(entries: tuple[Entry, ...], entry: Entry) -> tuple[Entry, ...]:
    if any(e.id == entry.id for e in entries):
        return tuple(entry if e.id == entry.id else e for e in entries)
    return (*entries, entry)


def copy_of(state: State, ident: str) -> State:
    """A new application started from another: what does not depend on the company.

    The reader's details, qualifications and their usual tone carry over; the company,
    position, dates, interviewers, notes and ticks are the new one's own.
    """
    p = state.profile
    tone = p.interviewers[0].tone if p.interviewers else "formal"
    profile = replace(
        Profile(qualifications=p.qualifications, interviewers=(Interviewer(tone=tone),)),
        **{name: getattr(p, name) for name in YOU_FIELDS},
    )
    return State(profile=profile, id=ident)
