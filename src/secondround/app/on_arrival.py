"""Handlers for what reaches the kit: a visit's start, a bookmark, another tab, a file."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime
from typing import Any

from secondround.app import summaries
from secondround.app.model import SHARE_MARK, STATE_KEY, Model, Notice
from secondround.app.notices import (
    EXAMPLE_NOTICE,
    NO_DATES,
    NO_DATES_ALL,
    OLDER_BOOKMARK,
    SAVING_OFF,
    SHARED,
)
from secondround.app.steps import (
    Event,
    Ids,
    Outbox,
    Step,
    active_count,
    adopt,
    blank_state,
    capital,
    clock,
    counted,
    fresh_id,
    keep_aside,
    notify,
    persist,
    show_entry,
    show_next,
    store,
    switched,
    untouched,
)
from secondround.app.summaries import named
from secondround.input.example import example_profile
from secondround.input.names import written_name
from secondround.input.public_holidays import region_from_language
from secondround.plan.calendar_ics import to_ics
from secondround.plan.catchup import plan_for
from secondround.protocol import TOKEN_MARK, Download
from secondround.saved import applications, records
from secondround.saved.applications import (
    APP_PREFIX,
    HOME_KEY,
    MAX_ACTIVE,
    with_you,
)
from secondround.saved.codec import (
    MAX_BOOKMARK_CHARS,
    StateError,
    from_bookmark,
    to_bookmark,
    to_storage,
)
from secondround.saved.state import State, content

__all__ = [
    "boot",
    "on_download",
    "on_import",
    "on_mount",
    "on_saving_off",
    "on_storage",
]


def boot(storage: Mapping[str, str], saving: bool, event: Event) -> Step:
    """The first Model of a visit, from what this browser saved; reports what it cannot use."""
    # What was saved tells one browser's start from another's (names and sizes: enough, and
    # cheap), should the event carry no fresh_id.
    seed = repr(sorted((key, len(text)) for key, text in storage.items()))
    out = Outbox(Ids(fresh_id(event, seed)))
    return _boot(storage, saving, event, out), out.effects()


def _boot(storage: Mapping[str, str], saving: bool, event: Event, out: Outbox) -> Model:
    today, now, utc = clock(event)
    home = region_from_language(event.get("language"))
    model = Model(today=today, now=now, utc=utc, saving=saving, home_region=home)
    if not saving:
        model = replace(model, notices=(SAVING_OFF,))
    loaded = records.load(storage, STATE_KEY, out.ids.take())
    for key, text, problem in loaded.unreadable:
        if key == STATE_KEY:
            why = f"Your saved checklist could not be read. {problem} The kit started clean."
        elif key == HOME_KEY:
            why = f"The list of your applications could not be read. {problem}"
        else:
            why = f"One of your saved applications could not be read. {problem}"
        model = keep_aside(model, text, why, out, moved_from=key)
    # Schema 1 or 2's one checklist becomes the first application, saved as such at once.
    model = store(replace(model, shelf=loaded.shelf), loaded.writes, out)
    if loaded.current is not None:
        return adopt(model, loaded.current)
    if loaded.shelf.entries:
        # Only deleted applications are left: a blank one, not the example, is shown.
        return adopt(model, blank_state(model))
    # A first visit starts from the example the page already shows, so nothing jumps when Python
    # arrives; it is saved only once the reader changes something.
    example = State(profile=replace(example_profile(today), region=home))
    return notify(adopt(model, example), EXAMPLE_NOTICE)


def _open_bookmark(model: Model, token: str, out: Outbox) -> Model:
    """A bookmark adds its application beside the others, or updates the same one: it never
    replaces another, and never changes the reader's own details kept here."""
    shared = token.startswith(SHARE_MARK)
    try:
        marked = from_bookmark(token.removeprefix(SHARE_MARK))
    except StateError as problem:
        return keep_aside(
            model,
            token,
            f"This bookmark link could not be opened. {problem} "
            "Your applications here are unchanged.",
            out,
            # The link itself stays in the address bar and the browser's history.
            most=MAX_BOOKMARK_CHARS,
        )
    if shared:
        # The friend's copy is an application of its own, not a revision of the owner's.
        marked = replace(marked, id="", revision=0)
    mine = model.state
    # Someone else's link: it takes the reader's own details here, and is added saying so.
    maker = written_name(marked.profile.name)
    reader = written_name(model.shelf.you.details.name)
    made_by_another = bool(maker and reader and maker.casefold() != reader.casefold())
    if any(e.id != marked.id for e in model.shelf.entries):
        marked = with_you(marked, model.shelf.you)
    if content(marked) == content(mine) and marked.revision <= mine.revision:
        return model
    if marked.id and marked.id == mine.id:
        if marked.revision < mine.revision:
            # An old bookmark of this same application must not undo what was done since.
            return replace(notify(model, OLDER_BOOKMARK), kept_aside=to_storage(marked))
        # A newer copy of this application (from another device): nothing of the reader's is lost.
        return persist(adopt(model, marked), out)
    entry = model.shelf.get(marked.id)
    if entry is not None:
        if entry.status == "deleted":
            offer = Notice(
                "info",
                f"This link is to {named(marked)}, which you deleted from this browser.",
                "app_undelete",
                "Bring it back",
            )
            return notify(replace(model, returning=marked), offer)
        shown = show_entry(model, entry.state, out)
        if marked.revision > entry.state.revision:
            return persist(adopt(shown, marked), out)
        if content(marked) != content(entry.state):
            shown = replace(notify(shown, OLDER_BOOKMARK), kept_aside=to_storage(marked))
        return shown
    if untouched(model):
        adopted = persist(adopt(model, marked), out)
        return notify(adopted, SHARED) if shared else adopted
    if active_count(model) >= MAX_ACTIVE:
        return keep_aside(
            model,
            token,
            f"The application in this bookmark link was not added: you already have "
            f"{MAX_ACTIVE} active applications, the most the kit keeps at once. Archive one, "
            "then open the link again.",
            out,
        )
    added = persist(switched(model, marked), out)
    beside = Notice(
        "info",
        capital(named(added.state))
        + " was added from the link, beside your other applications."
        + (
            " It was shared without its owner's contact details: your own are filled in."
            if shared
            else ""
        )
        + (
            f" It was made by {maker}: it now carries your own details, so its drafts are "
            f"signed {reader}."
            if made_by_another and not shared
            else ""
        ),
    )
    return notify(added, beside)


def on_import(model: Model, arg: str, value: Any, out: Outbox) -> Model:
    """A file of applications goes beside the ones here, as a bookmark does: none is replaced."""
    try:
        you, incoming = records.read_file(value if isinstance(value, str) else "")
        # The reader's own details kept here win over a file's; a first visit takes the file's.
        if model.shelf.entries:
            you = model.shelf.you
        elif you is None:
            you = applications.you_of(incoming[0].state.profile)
        # A checklist from before applications may have no identity yet.
        incoming = tuple(
            e if e.id else replace(e, state=replace(e.state, id=out.ids.take())) for e in incoming
        )
        merged = records.merge(model.shelf, incoming, you)
    except StateError as problem:
        text = f"That file could not be imported. {problem} Nothing was changed."
        return notify(model, Notice("error", text))
    model = store(replace(model, shelf=merged.shelf), merged.writes, out)
    shown = merged.shelf.get(model.state.id)
    if shown is not None and shown.state != model.state:
        model = adopt(model, shown.state)
    elif shown is None and merged.first:
        # The example or a blank application was shown: the first imported one is shown instead.
        first = merged.shelf.get(merged.first)
        if first is not None:
            model = show_entry(model, first.state, out)
    if not merged.added and not merged.updated:
        text = (
            "Nothing was imported: this browser already has every application in that file, "
            "in the same or a newer version."
        )
    else:
        parts = [
            counted(merged.added, "application added", "applications added"),
            counted(
                merged.updated, "application brought up to date", "applications brought up to date"
            ),
        ]
        text = "Imported: " + " and ".join(p for p in parts if p) + "."
    return notify(model, Notice("info", text))


def on_mount(model: Model, arg: str, value: Any, out: Outbox) -> Model:
    # The kit page was opened (or its fragment changed): a bookmark token in it wins.
    token = value.lstrip("#") if isinstance(value, str) else ""
    own = token.removeprefix(SHARE_MARK)
    if own.startswith(TOKEN_MARK) and token != to_bookmark(model.state):
        return _open_bookmark(model, token, out)
    return model


def on_storage(model: Model, arg: str, value: Any, out: Outbox) -> Model:
    # Another tab saved: show what it saved, and write nothing back (no ping-pong between tabs).
    shelf = model.shelf
    if arg == HOME_KEY and isinstance(value, str):
        try:
            you, order, _current = records.read_home(value)
        except StateError:
            return model
        rank = {ident: i for i, ident in enumerate(order)}
        ordered = sorted(shelf.entries, key=lambda e: rank.get(e.id, len(rank)))
        # This tab keeps showing its own application; only the other tab's choice is stored.
        shelf = replace(
            shelf, entries=tuple(replace(e, state=with_you(e.state, you)) for e in ordered), you=you
        )
        return replace(model, shelf=shelf, state=with_you(model.state, you))
    if not arg.startswith(APP_PREFIX):
        return model
    ident = arg.removeprefix(APP_PREFIX)
    if not isinstance(value, str) or not value:
        # Emptied for good (or removed): it leaves the list; what is on screen stays.
        entries = tuple(e for e in shelf.entries if e.id != ident)
        return replace(model, shelf=replace(shelf, entries=entries))
    try:
        entry = records.read_record(arg, value)
    except StateError:
        return model
    entry = replace(entry, state=with_you(entry.state, shelf.you))
    old = shelf.get(ident)
    entries = (
        tuple(entry if e.id == ident else e for e in shelf.entries)
        if old is not None
        else (*shelf.entries, entry)
    )
    model = replace(model, shelf=replace(shelf, entries=entries))
    if ident != model.state.id:
        # This tab showed only the example: the reader's own application, begun in another
        # tab, takes its place.
        if entry.status == "active" and untouched(model):
            return switched(model, entry.state)
        return model
    if entry.status == "deleted":
        return show_next(model, out)
    return adopt(model, entry.state) if entry.state != model.state else model


def on_download(model: Model, arg: str, value: Any, out: Outbox) -> Model:
    state = model.state
    if arg == "json":
        text = records.file_text(model.shelf)
        out.download = Download("second-round-applications.json", "application/json", text)
        return model
    # DTSTAMP is in UTC (RFC 5545): the moment of the download, not the reader's wall clock.
    stamp = datetime.fromisoformat(model.utc) if model.utc else datetime(2026, 1, 1)
    if arg == "ics_all":
        active = [e.state for e in model.shelf.with_status("active")]
        if model.shelf.get(state.id) is None:
            active.append(state)
        ics = summaries.calendar(active, stamp, model.today)
        if "BEGIN:VEVENT" not in ics:
            return notify(model, NO_DATES_ALL)
        out.download = Download("second-round-all-applications.ics", "text/calendar", ics)
        return model
    if arg != "ics":
        return model
    plan = plan_for(state, model.today)
    if not plan.steps:
        return notify(model, NO_DATES)
    # Reminders are for what is left to do: done steps are history, late ones are due today.
    todo = [s for s in plan.steps if not state.checks.get(s.id)]
    ics = to_ics(todo, state.profile, stamp)
    out.download = Download("second-round-follow-up.ics", "text/calendar", ics)
    return model


def on_saving_off(model: Model, arg: str, value: Any, out: Outbox) -> Model:
    return notify(replace(model, saving=False), SAVING_OFF)
