"""The shelf in storage (a record per application, a home record), its writes, its export."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any, cast

from secondround.input.profile import Profile
from secondround.saved.applications import (
    APP_ID,
    APP_PREFIX,
    HOME_KEY,
    MAX_ACTIVE,
    MAX_DELETED,
    STATUSES,
    YOU_FIELDS,
    YOU_FLAGS,
    Entry,
    Shelf,
    Status,
    TooMany,
    You,
    app_key,
    upsert,
    with_you,
    you_of,
)
from secondround.saved.codec import (
    APP,
    CorruptState,
    NotOurs,
    StateError,
    TooLarge,
    UnsupportedVersion,
    from_storage,
    read_json,
)
from secondround.saved.state import (
    ShapeError,
    State,
    flag_of,
    kept_of,
    kept_text,
    split_known,
    state_from_dict,
    state_to_dict,
    text_of,
)

__all__ = [
    "MAX_FILE_APPLICATIONS",
    "MAX_FILE_CHARS",
    "MAX_STORAGE_CHARS",
    "SCHEMA",
    "Home",
    "Loaded",
    "Merged",
    "file_text",
    "home_text",
    "load",
    "merge",
    "read_file",
    "read_home",
    "read_home_record",
    "read_record",
    "record_text",
    "save",
    "set_status",
    "shown",
]


# Schema 3 is the collection; each application inside it is a schema 2 State, as in a bookmark.
SCHEMA = 3


# An export of 25 full applications and many archived ones is far below this.
MAX_FILE_CHARS = 4 * 1024 * 1024


MAX_FILE_APPLICATIONS = 250


MAX_STORAGE_CHARS = 256 * 1024


def _dumps(obj: object) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def _kept_text(rest: dict[str, Any], where: str) -> str:
    """The keys of a record this build does not know, as the text it keeps (state.kept_text)."""
    try:
        return kept_text(rest)
    except ShapeError:
        raise CorruptState(f"{where} holds more than this version can keep unread.") from None


def _you_dict(you: You) -> dict[str, Any]:
    return {**kept_of(you.unknown), **{name: getattr(you.details, name) for name in YOU_FIELDS}}


def record_text(entry: Entry) -> str:
    """One application's storage text."""
    return _dumps(
        {
            **kept_of(entry.unknown),
            "app": APP,
            "schema": SCHEMA,
            "status": entry.status,
            "changed": entry.changed,
            "state": state_to_dict(entry.state),
        }
    )


def home_text(shelf: Shelf) -> str:
    """The home record: the reader's details, the list's order and the one shown last."""
    return _dumps(
        {
            **kept_of(shelf.unknown),
            "app": APP,
            "schema": SCHEMA,
            "you": _you_dict(shelf.you),
            "order": [e.id for e in shelf.entries],
            "current": shelf.current,
        }
    )


def _payload(text: object, limit: int, what: str) -> dict[str, Any]:
    """The top of a schema 3 record: ours, of a schema this page reads, its keys as given."""
    if not isinstance(text, str):
        raise NotOurs()
    if len(text) > limit:
        raise TooLarge(f"The {what} is too large to be genuine, so it was not read.")
    try:
        payload = read_json(text)
    except CorruptState as problem:
        # Said of what was being read (a file, a record), not of "the saved checklist".
        raise CorruptState(
            f"The {what} is not JSON, or is damaged, so it could not be read."
        ) from problem
    if not isinstance(payload, dict) or payload.get("app") != APP:
        raise NotOurs(f"This is not a Second Round {what}.")
    schema = payload.get("schema")
    if type(schema) is not int:
        raise CorruptState(f"The {what} does not say which version wrote it.")
    if schema > SCHEMA:
        raise UnsupportedVersion(
            f"The {what} was made by a newer version of Second Round. "
            "Reload the page to get the newest version."
        )
    return cast(dict[str, Any], payload)


def _split(d: object, where: str, keys: set[str]) -> tuple[dict[str, Any], dict[str, Any]]:
    """A record's keys this build declares and the rest (state.split_known), or CorruptState."""
    try:
        return split_known(d, where, frozenset(keys))
    except ShapeError:
        raise CorruptState(f"{where} is damaged and could not be read.") from None


def _entry(d: object, where: str) -> Entry:
    top, rest = _split(d, where, {"status", "changed", "state"})
    status = top.get("status", "active")
    changed = top.get("changed", "")
    if status not in STATUSES or not isinstance(changed, str) or len(changed) > 40:
        raise CorruptState(f"{where} is damaged and could not be read.")
    if "state" not in top:
        raise CorruptState(f"{where} holds no application, so it could not be read.")
    try:
        state = state_from_dict(top["state"])
    except ShapeError as e:
        raise CorruptState(f"{where} is damaged and could not be read: {e}") from e
    if not APP_ID.fullmatch(state.id):
        raise CorruptState(f"{where} has no identity, so it could not be read.")
    return Entry(state, cast(Status, status), changed, _kept_text(rest, where))


def read_record(key: str, text: str) -> Entry:
    """One application from its storage key and text; anything else raises a StateError."""
    payload = _payload(text, MAX_STORAGE_CHARS, "saved application")
    if payload["schema"] != SCHEMA:
        raise CorruptState("The saved application does not say which version wrote it.")
    entry = _entry(
        {k: v for k, v in payload.items() if k not in ("app", "schema")}, "The saved application"
    )
    if app_key(entry.id) != key:
        raise CorruptState("The saved application is stored under another application's name.")
    return entry


def _you(d: object) -> You:
    you, rest = _split(d, "Your saved details", set(YOU_FIELDS))
    for name, value in you.items():
        try:
            (flag_of if name in YOU_FLAGS else text_of)(value, name)
        except ShapeError:
            raise CorruptState("Your saved details are damaged and could not be read.") from None
    return You(Profile(**you), _kept_text(rest, "Your saved details"))


@dataclass(frozen=True)
class Home:
    """The home record: the reader's details, the list's order, the one shown last."""

    you: You
    order: tuple[str, ...]
    current: str
    unknown: str = ""


def read_home_record(text: str) -> Home:
    """The home record, with the keys a newer build wrote kept aside to be written back."""
    payload = _payload(text, MAX_STORAGE_CHARS, "list of applications")
    keys = {"app", "schema", "you", "order", "current"}
    home, rest = _split(payload, "The list of applications", keys)
    order = home.get("order", [])
    current = home.get("current", "")
    if (
        payload["schema"] != SCHEMA
        or not isinstance(order, list)
        or len(order) > MAX_FILE_APPLICATIONS
        or not all(isinstance(i, str) for i in order)
        or not isinstance(current, str)
    ):
        raise CorruptState("The list of applications is damaged and could not be read.")
    you = _you(home.get("you", {}))
    return Home(you, tuple(order), current, _kept_text(rest, "The list of applications"))


def read_home(text: str) -> tuple[You, tuple[str, ...], str]:
    """The reader's details, the list's order and the application shown last."""
    home = read_home_record(text)
    return home.you, home.order, home.current


@dataclass(frozen=True)
class Loaded:
    """What this browser holds, read once at the start of a visit."""

    shelf: Shelf
    # What to show first: None when nothing is saved (a first visit shows the example).
    current: State | None
    # Keys whose text could not be read, with why: kept aside, never dropped.
    unreadable: tuple[tuple[str, str, str], ...] = ()
    # The writes that finish a migration from schema 1 or 2.
    writes: tuple[tuple[str, str], ...] = ()


def _first_shown(shelf: Shelf) -> State | None:
    shown = shelf.get(shelf.current)
    if shown is None or shown.status == "deleted":
        shown = next(iter(shelf.with_status("active") + shelf.with_status("archived")), None)
    return None if shown is None else shown.state


def load(storage: Mapping[str, str], legacy_key: str, new_id: str) -> Loaded:
    """The shelf from this browser's storage; schema 1 or 2's one checklist becomes the first."""
    # An emptied key (a damaged one, once kept aside) counts as no key.
    home = storage.get(HOME_KEY) or None
    keys = sorted(k for k in storage if k.startswith(APP_PREFIX) and storage[k])
    problems: list[tuple[str, str, str]] = []
    if home is None and not keys:
        legacy = storage.get(legacy_key)
        if not legacy:
            return Loaded(Shelf(), None)
        try:
            state = from_storage(legacy)
        except StateError as problem:
            return Loaded(Shelf(), None, ((legacy_key, legacy, str(problem)),))
        state = replace(state, id=state.id or new_id)
        entry = Entry(state)
        shelf = Shelf((entry,), you_of(state.profile), state.id)
        writes = ((app_key(state.id), record_text(entry)), (HOME_KEY, home_text(shelf)))
        return Loaded(shelf, state, (), writes)
    entries: dict[str, Entry] = {}
    for key in keys:
        try:
            entries[key.removeprefix(APP_PREFIX)] = read_record(key, storage[key])
        except StateError as problem:
            problems.append((key, storage[key], str(problem)))
    you: You | None = None
    order: tuple[str, ...] = ()
    current = ""
    kept = ""
    if home:
        try:
            record = read_home_record(home)
            you, order, current, kept = record.you, record.order, record.current, record.unknown
        except StateError as problem:
            problems.append((HOME_KEY, home, str(problem)))
    listed = [i for i in dict.fromkeys(order) if i in entries]
    listed += [i for i in entries if i not in listed]
    if you is None:
        # The details live in every application too: the last shown one's are the newest.
        first = entries.get(current) or next(iter(entries.values()), None)
        you = you_of(first.state.profile) if first else You()
    shelf = Shelf(
        tuple(replace(entries[i], state=with_you(entries[i].state, you)) for i in listed),
        you,
        current,
        kept,
    )
    return Loaded(shelf, _first_shown(shelf), tuple(problems))


def save(shelf: Shelf, state: State) -> tuple[Shelf, tuple[tuple[str, str], ...]]:
    """The shelf with this application saved and shown, and the writes that keep it.

    A change of the reader's own details reaches every application at once; only the home
    record is written for it (each application takes them from there when read).
    """
    old = shelf.get(state.id)
    entry = Entry(state) if old is None else replace(old, state=state)
    you = you_of(state.profile, shelf.you.unknown)
    entries = upsert(shelf.entries, entry)
    if you != shelf.you:
        entries = tuple(
            e if e.id == state.id else replace(e, state=with_you(e.state, you)) for e in entries
        )
    new = replace(shelf, entries=entries, you=you, current=state.id)
    writes = [(app_key(state.id), record_text(entry))]
    if (new.you, new.current, [e.id for e in new.entries]) != (
        shelf.you,
        shelf.current,
        [e.id for e in shelf.entries],
    ):
        writes.append((HOME_KEY, home_text(new)))
    return new, tuple(writes)


def shown(shelf: Shelf, ident: str) -> tuple[Shelf, tuple[tuple[str, str], ...]]:
    """The shelf with another application shown: only the home record changes."""
    if ident == shelf.current:
        return shelf, ()
    new = replace(shelf, current=ident)
    return new, ((HOME_KEY, home_text(new)),)


def set_status(
    shelf: Shelf, ident: str, status: Status, now: str
) -> tuple[Shelf, tuple[tuple[str, str], ...]]:
    """The shelf with one application archived, deleted or active again; deleted ones past
    MAX_DELETED are emptied for good, the oldest first."""
    old = shelf.get(ident)
    if old is None or old.status == status:
        return shelf, ()
    entry = replace(old, status=status, changed=now)
    entries = upsert(shelf.entries, entry)
    writes = [(app_key(ident), record_text(entry))]
    deleted = sorted((e for e in entries if e.status == "deleted"), key=lambda e: e.changed)
    gone = {e.id for e in deleted[: max(0, len(deleted) - MAX_DELETED)]}
    if gone:
        entries = tuple(e for e in entries if e.id not in gone)
        # The page can only write: an empty text is a key with nothing in it.
        writes += [(app_key(i), "") for i in sorted(gone)]
        writes.append((HOME_KEY, home_text(replace(shelf, entries=entries))))
    return replace(shelf, entries=entries), tuple(writes)


def file_text(shelf: Shelf) -> str:
    """Every application kept (deleted ones excepted) and the reader's details, as one file."""
    return _dumps(
        {
            "app": APP,
            "schema": SCHEMA,
            "you": _you_dict(shelf.you),
            "applications": [
                {
                    **kept_of(e.unknown),
                    "status": e.status,
                    "changed": e.changed,
                    "state": state_to_dict(e.state),
                }
                for e in shelf.entries
                if e.status != "deleted"
            ],
        }
    )


def read_file(text: object) -> tuple[You | None, tuple[Entry, ...]]:
    """An export file: ours (this schema, or one checklist of an older one) or a StateError.

    A file of one checklist from before applications (schema 1 or 2) holds no shared
    details of its own: None, and the checklist's profile says them.
    """
    payload = _payload(text, MAX_FILE_CHARS, "file")
    if payload["schema"] != SCHEMA:
        state = from_storage(cast(str, text))
        return None, (Entry(state),)
    top, _newer = _split(payload, "The file", {"app", "schema", "you", "applications"})
    apps = top.get("applications", [])
    if not isinstance(apps, list):
        raise CorruptState("The file is damaged and could not be read.")
    if len(apps) > MAX_FILE_APPLICATIONS:
        raise TooLarge(
            "The file holds more applications than any reader keeps, so it was not read."
        )
    you = _you(top.get("you", {}))
    entries = tuple(_entry(a, f"Application {i + 1} in the file") for i, a in enumerate(apps))
    if len({e.id for e in entries}) != len(entries):
        raise CorruptState("The file holds one application twice, so it was not read.")
    if any(e.status == "deleted" for e in entries):
        raise CorruptState("The file is damaged and could not be read.")
    # One budget where data enters: nothing is taken in that reading it back would refuse.
    for i, entry in enumerate(entries):
        if len(record_text(entry)) > MAX_STORAGE_CHARS:
            raise TooLarge(
                f"Application {i + 1} in the file is larger than the kit keeps for one "
                "application, so the file was not read."
            )
    if len(home_text(Shelf(entries, you))) > MAX_STORAGE_CHARS:
        raise TooLarge("Your details in the file are too large to be genuine, so it was not read.")
    return you, entries


@dataclass(frozen=True)
class Merged:
    shelf: Shelf
    writes: tuple[tuple[str, str], ...]
    added: int
    updated: int
    first: str


def merge(shelf: Shelf, incoming: Iterable[Entry], you: You) -> Merged:
    """Applications from a file or a link put beside the ones here; none is ever replaced.

    The same application (same id) is updated when the incoming copy is newer, and brought
    back if it was deleted here. Raises TooMany, and changes nothing, past MAX_ACTIVE.
    """
    entries = shelf.entries
    added = updated = 0
    first = ""
    writes: list[tuple[str, str]] = []
    for new in incoming:
        new = replace(new, state=with_you(new.state, you))
        old = next((e for e in entries if e.id == new.id), None)
        if old is not None:
            newer = new.state.revision > old.state.revision
            if not newer and old.status != "deleted":
                continue
            new = replace(new, state=new.state if newer else old.state)
            updated += 1
        else:
            added += 1
        first = first or new.id
        entries = upsert(entries, new)
        writes.append((app_key(new.id), record_text(new)))
    if sum(e.status == "active" for e in entries) > max(
        MAX_ACTIVE, sum(e.status == "active" for e in shelf.entries)
    ):
        raise TooMany(
            f"That would make more than {MAX_ACTIVE} active applications, the most the kit "
            "keeps at once. Archive some you are no longer following, then try again."
        )
    new_shelf = replace(shelf, entries=entries, you=you)
    if new_shelf != shelf:
        writes.append((HOME_KEY, home_text(new_shelf)))
    return Merged(new_shelf, tuple(writes), added, updated, first)
