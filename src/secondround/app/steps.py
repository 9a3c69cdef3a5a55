"""What every handler shares: the event's clock and ids, the outbox, saving, notices."""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

from secondround.app.model import BACKUP_PREFIX, Model, Notice
from secondround.app.notices import EXAMPLE_NOTICE
from secondround.input.fields import PERSON_TEXT, text_fields
from secondround.input.profile import (
    Profile,
)
from secondround.protocol import FRESH_ID, FRESH_ID_SHAPE, Download, Effects
from secondround.saved import records
from secondround.saved.applications import (
    with_you,
)
from secondround.saved.codec import MAX_STORAGE_CHARS, to_storage
from secondround.saved.state import State, content

__all__ = [
    "Event",
    "Handler",
    "Ids",
    "Outbox",
    "Step",
    "active_count",
    "adopt",
    "backup_key",
    "blank_state",
    "capital",
    "clock",
    "counted",
    "filled_fields",
    "fresh_id",
    "keep_aside",
    "notify",
    "persist",
    "replace_state",
    "seed_of",
    "show_entry",
    "show_next",
    "store",
    "switched",
    "untouched",
    "with_profile",
]


Event = Mapping[str, Any]


# What an event leads to: the new Model, and what the page must do once (Elm's (model, Cmd)).
Step = tuple[Model, Effects]


class Ids:
    """The identities one event may give out: its fresh_id, then ones derived from it.

    `update` draws no randomness (the door does, worker.py), so the same Model and event always
    give the same result; an event that needs several ids (an import) derives the others.
    """

    def __init__(self, fresh: str) -> None:
        self._fresh = fresh
        self._given = 0

    def take(self) -> str:
        given, self._given = self._given, self._given + 1
        return self._fresh if given == 0 else _derived(f"{self._fresh}:{given}")


def _derived(text: str) -> str:
    """An id of the same shape as the door's (12 URL-safe characters), from a text."""
    return base64.urlsafe_b64encode(hashlib.sha256(text.encode("utf-8")).digest()[:9]).decode()


def fresh_id(event: Event, seed: str) -> str:
    """The event's fresh_id; one derived from its clock and `seed` (what the Model holds) when
    it has none, as when a test or the build calls update directly."""
    given = event.get(FRESH_ID)
    if isinstance(given, str) and FRESH_ID_SHAPE.fullmatch(given):
        return given
    fields = (event.get("now_ms"), event.get("tz_offset_min"), event.get("type"), event.get("arg"))
    return _derived(repr((*fields, seed)))


def seed_of(model: Model) -> str:
    """What tells this Model from the next: the shown application and every one kept, each at
    its revision (a new id joins the shelf, so the next event derives another)."""
    kept = ";".join(f"{e.id}.{e.state.revision}.{e.status}" for e in model.shelf.entries)
    return f"{model.state.id}.{model.state.revision}|{kept}"


class Outbox:
    """What the page must do for one event (writes, a download, a focus), collected as the
    handlers run; `update` hands it back beside the Model, never inside it. It also holds the
    ids the event may give out."""

    def __init__(self, ids: Ids) -> None:
        self.ids = ids
        self.writes: list[tuple[str, str]] = []
        self.download: Download | None = None
        self.forget = False
        self.focus = ""

    def effects(self) -> Effects:
        return Effects(tuple(self.writes), self.download, self.forget, self.focus)


def clock(event: Event) -> tuple[date, str, str]:
    """The reader's local date and time, and the moment in UTC, from the page's clock (epoch
    ms, minutes west of UTC)."""
    try:
        ms = float(event["now_ms"])
        offset = int(event.get("tz_offset_min", 0))
        utc = datetime.fromtimestamp(ms / 1000, tz=UTC)
        moment = utc - timedelta(minutes=offset)
    except (KeyError, TypeError, ValueError, OverflowError, OSError):
        utc = moment = datetime(2026, 1, 1, tzinfo=UTC)
    local = moment.replace(tzinfo=None)
    universal = utc.replace(tzinfo=None).isoformat(timespec="seconds")
    return local.date(), local.isoformat(timespec="minutes"), universal


def persist(model: Model, out: Outbox) -> Model:
    """The state changed on purpose: it is the reader's own now; save it, drop the example hint."""
    notices = tuple(n for n in model.notices if n != EXAMPLE_NOTICE)
    state = model.state
    # Every saved change is a new revision of the same checklist.
    state = replace(state, id=state.id or out.ids.take(), revision=state.revision + 1)
    model = replace(model, notices=notices, state=state)
    shelf, writes = records.save(model.shelf, state)
    return store(replace(model, shelf=shelf), writes, out)


def store(model: Model, writes: tuple[tuple[str, str], ...], out: Outbox) -> Model:
    """Ask the page to make these writes, when this browser lets the kit save."""
    if model.saving:
        out.writes.extend(writes)
    return model


def notify(model: Model, notice: Notice) -> Model:
    """Add a notice once: the same problem met twice is still one message."""
    if notice in model.notices:
        return model
    return replace(model, notices=(*model.notices, notice))


def backup_key(model: Model, text: str) -> str:
    """Where a text kept aside goes: its minute and a digest of it, so a second problem in the
    same minute never replaces the first one's copy, and the same text keeps its one key."""
    digest = base64.urlsafe_b64encode(
        hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()
    )
    return f"{BACKUP_PREFIX}{model.now}-{digest[:8].decode()}"


def keep_aside(
    model: Model,
    text: str,
    reason: str,
    out: Outbox,
    moved_from: str = "",
    most: int = MAX_STORAGE_CHARS,
) -> Model:
    """Store text that could not be used under a backup key, and say so: nothing is dropped.

    `moved_from` is the storage key it was read from: once the copy is written that key is
    emptied (the page writes in order, and stops at the first write that fails), so the same
    problem is not reported, and copied again, on every visit. A text longer than `most` (more
    than the kit ever writes there) is not copied: it would take the room the reader's own
    applications need.
    """
    if not model.saving:
        where = f"it is still under “{moved_from}”" if moved_from else "no copy of it was kept"
        said = f"{reason} This browser is not letting the kit save, so {where}."
        return notify(model, Notice("warning", said))
    if len(text) > most:
        # Too large to be anything the kit wrote; an original in storage stays where it is.
        where = f" It stays under “{moved_from}”." if moved_from else ""
        said = f"{reason} It is too large to keep a copy of in this browser.{where}"
        return notify(model, Notice("warning", said))
    key = backup_key(model, text)
    notice = Notice("warning", f"{reason} The original was kept in this browser under “{key}”.")
    writes = ((key, text), (moved_from, "")) if moved_from else ((key, text),)
    return store(notify(model, notice), writes, out)


def filled_fields(profile: Profile) -> frozenset[str]:
    names = {n for n in text_fields(type(profile)) if getattr(profile, n)}
    names.update(f"qualifications.{i}" for i, q in enumerate(profile.qualifications) if q)
    for i, person in enumerate(profile.interviewers):
        names.update(f"interviewers.{i}.{n}" for n in PERSON_TEXT if getattr(person, n))
    return frozenset(names)


def adopt(model: Model, state: State) -> Model:
    filled = filled_fields(state.profile)
    return replace(model, state=state, touched=filled, left=filled)


def blank_state(model: Model) -> State:
    """An empty application: nothing typed yet but the reader's own details (on a first visit,
    only the holidays of the browser's region)."""
    if model.shelf.entries:
        return with_you(State(), model.shelf.you)
    return State(profile=Profile(region=model.home_region))


def untouched(model: Model) -> bool:
    """The example, or a blank application never saved: not worth keeping beside another."""
    if model.shelf.get(model.state.id) is not None:
        return False
    return EXAMPLE_NOTICE in model.notices or content(model.state) in (State(), blank_state(model))


def with_profile(model: Model, profile: Profile, out: Outbox) -> Model:
    if profile == model.state.profile:
        return model
    return persist(replace(model, state=replace(model.state, profile=profile)), out)


def replace_state(model: Model, state: State, notice: Notice, out: Outbox) -> Model:
    """Adopt a new state and keep the current one aside, with a one-click way back."""
    # Only one state is ever kept aside: an older notice offering to restore another would lie.
    notices = tuple(n for n in model.notices if n.action != "restore")
    aside = replace(adopt(model, state), kept_aside=to_storage(model.state), notices=notices)
    return persist(notify(aside, notice), out)


def capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def counted(n: int, one: str, many: str) -> str:
    return "" if n == 0 else f"one {one}" if n == 1 else f"{n} {many}"


def active_count(model: Model) -> int:
    return len(model.shelf.with_status("active"))


def switched(model: Model, state: State) -> Model:
    """Another application on screen: its form, drafts and checklist; nothing of the last one's
    visit (an open draft, an armed removal, an Undo for one of its people) follows it."""
    notices = tuple(
        n
        for n in model.notices
        if n.action not in ("undo_remove", "keep_example", "restore", "reset")
    )
    model = replace(
        model, notices=notices, editing="", confirm_remove="", removed=None, kept_aside=""
    )
    return adopt(model, state)


def show_entry(model: Model, state: State, out: Outbox) -> Model:
    """Switch to a saved application; the next visit opens it too."""
    shelf, writes = records.shown(model.shelf, state.id)
    return store(replace(switched(model, state), shelf=shelf), writes, out)


def show_next(model: Model, out: Outbox) -> Model:
    """After the shown application went: the first active one, else an archived one, else blank."""
    shelf = model.shelf
    rest = [e for e in shelf.with_status("active") + shelf.with_status("archived")]
    if rest:
        return show_entry(model, rest[0].state, out)
    return switched(model, blank_state(model))


Handler = Callable[[Model, str, Any, Outbox], Model]
