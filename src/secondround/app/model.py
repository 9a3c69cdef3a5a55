"""What the kit knows during a visit: the shown State, the shelf of applications, notices, clock."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from secondround.input.profile import Interviewer
from secondround.protocol import STORAGE_PREFIX, EventKind
from secondround.saved.applications import Shelf
from secondround.saved.state import State

__all__ = [
    "BACKUP_PREFIX",
    "SHARE_MARK",
    "STATE_KEY",
    "Model",
    "Notice",
    "NoticeKind",
    "Removed",
]

# Schema 1 and 2's one checklist, and what could not be read (the protocol owns the namespace).
STATE_KEY = f"{STORAGE_PREFIX}v1:state"
BACKUP_PREFIX = f"{STORAGE_PREFIX}v1:backup:"
# Put before a bookmark token, it marks a link shared without the reader's contact details.
SHARE_MARK = "shared-"

NoticeKind = Literal["info", "warning", "error"]


@dataclass(frozen=True)
class Notice:
    kind: NoticeKind
    text: str
    # The event its button sends (views write it as the button's data-action); "" for none.
    action: EventKind | Literal[""] = ""
    action_label: str = ""


@dataclass(frozen=True)
class Removed:
    """An interviewer just removed, with their ticks and place: what Undo puts back."""

    index: int
    person: Interviewer
    checks: tuple[tuple[str, str], ...]
    # They were the one coordinating the decision: Undo makes them so again.
    lead: bool = False


@dataclass(frozen=True)
class Model:
    """Everything the kit shows: the saved State plus what only this visit knows."""

    state: State = field(default_factory=State)
    today: date = date(2026, 1, 1)
    # The reader's local time ("2026-12-07T01:46"), and the same moment in UTC, as a calendar
    # file's DTSTAMP must be.
    now: str = ""
    utc: str = ""
    # The region the browser's language names ("GB" for en-GB): a new or cleared kit starts
    # with it, and the reader can change it. Saved states keep their own.
    home_region: str = ""
    notices: tuple[Notice, ...] = ()
    # Storage text of a state that a bookmark, import or reset displaced: one click brings it back.
    kept_aside: str = ""
    saving: bool = True
    touched: frozenset[str] = frozenset()
    # Fields the reader has edited and then left: only these show their errors, so an email
    # address is not called wrong after its first letter.
    left: frozenset[str] = frozenset()
    # A first click on "Remove" only asks to confirm: the person whose removal is asked.
    confirm_remove: str = ""
    removed: Removed | None = None
    # A first click on "Forget me" only asks to confirm; after the second, what was erased
    # stays in this tab's memory (the storage writes that bring it all back) until it closes.
    confirm_forget: bool = False
    forgotten: tuple[tuple[str, str], ...] = ()
    # The draft open for editing ("<person id>:<kind>"), if any.
    editing: str = ""
    # Every application kept in this browser (`state` is the one shown, saved or not yet).
    shelf: Shelf = field(default_factory=Shelf)
    # The application deleted last: what Undo brings back.
    deleted: str = ""
    # A bookmark of an application the reader deleted here: offered back, not yet taken.
    returning: State | None = None
