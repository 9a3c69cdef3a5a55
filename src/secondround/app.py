"""The kit's one API, pure: update(model, event) -> (model, effects) and view(model) -> View."""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any, cast

from secondround import applications, views
from secondround.applications import (
    APP_PREFIX,
    HOME_KEY,
    MAX_ACTIVE,
    Entry,
    TooMany,
    named,
    with_you,
)
from secondround.calendar_ics import to_ics
from secondround.catchup import plan_for
from secondround.codec import StateError, from_bookmark, from_storage, to_bookmark, to_storage
from secondround.example import example_profile
from secondround.model import BACKUP_PREFIX, SHARE_MARK, STATE_KEY, Model, Notice, Removed
from secondround.profile import (
    MAX_INTERVIEWERS,
    PERSON_TEXT,
    ROLES,
    Interviewer,
    Profile,
    Tone,
    clean_line,
    clip,
    clip_block,
    field_value,
    next_person_id,
    text_fields,
)
from secondround.protocol import FRESH_ID, FRESH_ID_SHAPE, TOKEN_MARK, Download, Effects, EventKind
from secondround.public_holidays import region_from_language
from secondround.state import EDIT_KEY, MAX_EDIT_CHARS, MAX_EDITS, State, content

__all__ = [
    "BACKUP_PREFIX",
    "STATE_KEY",
    "Ids",
    "Model",
    "Notice",
    "Outbox",
    "Step",
    "boot",
    "fresh_id",
    "glance",
    "update",
    "view",
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


def _seed(model: Model) -> str:
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


SAVING_OFF = Notice(
    "warning",
    "This browser is not letting the kit save, so your checklist lasts only for this "
    "visit. Use Export or the bookmark link to keep it.",
)
NO_DATES = Notice(
    "warning", "Enter the date of your interview first: the calendar holds your dated steps."
)
NO_DATES_ALL = Notice(
    "warning",
    "None of your active applications has a step left with a date yet, so there is nothing to "
    "put in a calendar.",
)
CLEARED = Notice(
    "info",
    "This application was cleared. What it held is kept aside.",
    "restore",
    "Undo: bring back what you cleared",
)
EXAMPLE_NOTICE = Notice(
    "info",
    "This is an example. Type over it with your own details; they stay in this browser.",
    "reset",
    "Start blank",
)
OLDER_BOOKMARK = Notice(
    "info",
    "This bookmark holds an older version of the checklist saved in this browser, so the "
    "newer one was kept.",
    "restore",
    "Open the bookmarked version instead",
)
SHARED = Notice(
    "info",
    "This checklist was shared without its owner's contact details: the name, email and phone "
    "fields are empty on purpose.",
)
FULL = Notice("warning", TooMany.default)
FORGOTTEN = Notice(
    "info",
    "Everything the kit kept in this browser is gone: your checklist, its backups, the saved "
    "view and the offline copy. The link in the address bar no longer holds your details.",
)
EXAMPLE_CLEARED = Notice(
    "info",
    "You started your own checklist, so the example's other details were cleared: none of "
    "them can end up in your drafts by mistake.",
    "keep_example",
    "Fill the fields I left empty from the example",
)


def clock(event: Event) -> tuple[date, str]:
    """The reader's local date and time from the page's clock (epoch ms, minutes west of UTC)."""
    try:
        ms = float(event["now_ms"])
        offset = int(event.get("tz_offset_min", 0))
        moment = datetime.fromtimestamp(ms / 1000, tz=UTC) - timedelta(minutes=offset)
    except (KeyError, TypeError, ValueError, OverflowError, OSError):
        moment = datetime(2026, 1, 1, tzinfo=UTC)
    local = moment.replace(tzinfo=None)
    return local.date(), local.isoformat(timespec="minutes")


def _persist(model: Model, out: Outbox) -> Model:
    """The state changed on purpose: it is the reader's own now; save it, drop the example hint."""
    notices = tuple(n for n in model.notices if n != EXAMPLE_NOTICE)
    state = model.state
    # Every saved change is a new revision of the same checklist.
    state = replace(state, id=state.id or out.ids.take(), revision=state.revision + 1)
    model = replace(model, notices=notices, state=state)
    shelf, writes = applications.save(model.shelf, state)
    return _store(replace(model, shelf=shelf), writes, out)


def _store(model: Model, writes: tuple[tuple[str, str], ...], out: Outbox) -> Model:
    """Ask the page to make these writes, when this browser lets the kit save."""
    if model.saving:
        out.writes.extend(writes)
    return model


def _notify(model: Model, notice: Notice) -> Model:
    """Add a notice once: the same problem met twice is still one message."""
    if notice in model.notices:
        return model
    return replace(model, notices=(*model.notices, notice))


def _keep_aside(model: Model, text: str, reason: str, out: Outbox) -> Model:
    """Store text that could not be used under a backup key, and say so: nothing is dropped."""
    key = f"{BACKUP_PREFIX}{model.now}"
    # Several texts kept aside at once (a start-up with more than one unreadable key) each get
    # a key of their own; the same text again keeps its key.
    taken = [k for k, v in out.writes if k.startswith(key) and v != text]
    key += f"-{len(taken) + 1}" if taken else ""
    notice = Notice("warning", f"{reason} The original was kept in this browser under “{key}”.")
    return _store(_notify(model, notice), ((key, text),), out)


def _filled_fields(profile: Profile) -> frozenset[str]:
    names = {n for n in text_fields(type(profile)) if getattr(profile, n)}
    names.update(f"qualifications.{i}" for i, q in enumerate(profile.qualifications) if q)
    for i, person in enumerate(profile.interviewers):
        names.update(f"interviewers.{i}.{n}" for n in PERSON_TEXT if getattr(person, n))
    return frozenset(names)


def _adopt(model: Model, state: State) -> Model:
    filled = _filled_fields(state.profile)
    return replace(model, state=state, touched=filled, left=filled)


def boot(storage: Mapping[str, str], saving: bool, event: Event) -> Step:
    """The first Model of a visit, from what this browser saved; reports what it cannot use."""
    # What was saved tells one browser's start from another's (names and sizes: enough, and
    # cheap), should the event carry no fresh_id.
    seed = repr(sorted((key, len(text)) for key, text in storage.items()))
    out = Outbox(Ids(fresh_id(event, seed)))
    return _boot(storage, saving, event, out), out.effects()


def _boot(storage: Mapping[str, str], saving: bool, event: Event, out: Outbox) -> Model:
    today, now = clock(event)
    home = region_from_language(event.get("language"))
    model = Model(today=today, now=now, saving=saving, home_region=home)
    if not saving:
        model = replace(model, notices=(SAVING_OFF,))
    loaded = applications.load(storage, STATE_KEY, out.ids.take())
    for key, text, problem in loaded.unreadable:
        if key == STATE_KEY:
            why = f"Your saved checklist could not be read. {problem} The kit started clean."
        elif key == HOME_KEY:
            why = f"The list of your applications could not be read. {problem}"
        else:
            why = f"One of your saved applications could not be read. {problem}"
        model = _keep_aside(model, text, why, out)
    # Schema 1 or 2's one checklist becomes the first application, saved as such at once.
    model = _store(replace(model, shelf=loaded.shelf), loaded.writes, out)
    if loaded.current is not None:
        return _adopt(model, loaded.current)
    if loaded.shelf.entries:
        # Only deleted applications are left: a blank one, not the example, is shown.
        return _adopt(model, _blank(model))
    # A first visit starts from the example the page already shows, so nothing jumps when Python
    # arrives; it is saved only once the reader changes something.
    example = State(profile=replace(example_profile(today), region=home))
    return _notify(_adopt(model, example), EXAMPLE_NOTICE)


def _blank(model: Model) -> State:
    """An empty application: nothing typed yet but the reader's own details (on a first visit,
    only the holidays of the browser's region)."""
    if model.shelf.entries:
        return with_you(State(), model.shelf.you)
    return State(profile=Profile(region=model.home_region))


def _open_bookmark(model: Model, token: str, out: Outbox) -> Model:
    """A bookmark adds its application beside the others, or updates the same one: it never
    replaces another, and never changes the reader's own details kept here."""
    shared = token.startswith(SHARE_MARK)
    try:
        marked = from_bookmark(token.removeprefix(SHARE_MARK))
    except StateError as problem:
        return _keep_aside(
            model,
            token,
            f"This bookmark link could not be opened. {problem} "
            "Your applications here are unchanged.",
            out,
        )
    if shared:
        # The friend's copy is an application of its own, not a revision of the owner's.
        marked = replace(marked, id="", revision=0)
    mine = model.state
    if any(e.id != marked.id for e in model.shelf.entries):
        marked = with_you(marked, model.shelf.you)
    if content(marked) == content(mine) and marked.revision <= mine.revision:
        return model
    if marked.id and marked.id == mine.id:
        if marked.revision < mine.revision:
            # An old bookmark of this same application must not undo what was done since.
            return replace(_notify(model, OLDER_BOOKMARK), kept_aside=to_storage(marked))
        # A newer copy of this application (from another device): nothing of the reader's is lost.
        return _persist(_adopt(model, marked), out)
    entry = model.shelf.get(marked.id)
    if entry is not None:
        if entry.status == "deleted":
            offer = Notice(
                "info",
                f"This link is to {named(marked)}, which you deleted from this browser.",
                "app_undelete",
                "Bring it back",
            )
            return _notify(replace(model, returning=marked), offer)
        shown = _show(model, entry.state, out)
        if marked.revision > entry.state.revision:
            return _persist(_adopt(shown, marked), out)
        if content(marked) != content(entry.state):
            shown = replace(_notify(shown, OLDER_BOOKMARK), kept_aside=to_storage(marked))
        return shown
    if _untouched(model):
        adopted = _persist(_adopt(model, marked), out)
        return _notify(adopted, SHARED) if shared else adopted
    if _active(model) >= MAX_ACTIVE:
        return _keep_aside(
            model,
            token,
            f"The application in this bookmark link was not added: you already have "
            f"{MAX_ACTIVE} active applications, the most the kit keeps at once. Archive one, "
            "then open the link again.",
            out,
        )
    added = _persist(_switched(model, marked), out)
    beside = Notice(
        "info",
        _capital(named(added.state))
        + " was added from the link, beside your other applications."
        + (
            " It was shared without its owner's contact details: your own are filled in."
            if shared
            else ""
        ),
    )
    return _notify(added, beside)


def _untouched(model: Model) -> bool:
    """The example, or a blank application never saved: not worth keeping beside another."""
    if model.shelf.get(model.state.id) is not None:
        return False
    return EXAMPLE_NOTICE in model.notices or content(model.state) in (State(), _blank(model))


def _set_interviewer(person: Interviewer, field: str, value: str) -> Interviewer:
    if field == "tone":
        return replace(person, tone=cast(Tone, value)) if value in ("formal", "relaxed") else person
    if field == "role":
        return replace(person, role=value) if value in ROLES else person
    if field in PERSON_TEXT:
        text = clip(f"interviewers.0.{field}", value)
        return replace(person, **{field: text})  # type: ignore[arg-type]
    return person


def _set_field(profile: Profile, path: str, value: str) -> Profile:
    """The profile with one form field set; a path that names no field changes nothing."""
    parts = path.split(".")
    if parts[0] == "interviewers" and len(parts) == 3 and parts[1].isdigit():
        index = int(parts[1])
        if index >= len(profile.interviewers):
            return profile
        people = list(profile.interviewers)
        people[index] = _set_interviewer(people[index], parts[2], value)
        return replace(profile, interviewers=tuple(people))
    if parts[0] == "qualifications" and len(parts) == 2 and parts[1] in ("0", "1", "2"):
        quals = list(profile.qualifications)
        quals[int(parts[1])] = clip(path, value)
        return replace(profile, qualifications=(quals[0], quals[1], quals[2]))
    owner = type(profile)
    if path in text_fields(owner):
        return replace(profile, **{path: clip(path, value, owner)})  # type: ignore[arg-type]
    if path == "coordinator" and value.isascii() and value.isdigit():
        index = int(value)
        return replace(profile, coordinator=index) if index < len(profile.interviewers) else profile
    return profile


def _with_profile(model: Model, profile: Profile, out: Outbox) -> Model:
    if profile == model.state.profile:
        return model
    return _persist(replace(model, state=replace(model.state, profile=profile)), out)


def _replace_state(model: Model, state: State, notice: Notice, out: Outbox) -> Model:
    """Adopt a new state and keep the current one aside, with a one-click way back."""
    # Only one state is ever kept aside: an older notice offering to restore another would lie.
    notices = tuple(n for n in model.notices if n.action != "restore")
    aside = replace(_adopt(model, state), kept_aside=to_storage(model.state), notices=notices)
    return _persist(_notify(aside, notice), out)


# --- One handler per user action: (model, arg, value, outbox) -> model.


def _on_field(model: Model, arg: str, value: Any, out: Outbox) -> Model:
    text = value if isinstance(value, str) else ""
    if EXAMPLE_NOTICE in model.notices and _set_field(model.state.profile, arg, text) != (
        model.state.profile
    ):
        # The first edit of the example starts the reader's own checklist from blank: an
        # example phone number or interviewer left in a sent email would be worse than retyping.
        blank = replace(model, state=_blank(model), touched=frozenset({arg}), left=frozenset())
        own = _set_field(blank.state.profile, arg, text)
        return _notify(_with_profile(blank, own, out), EXAMPLE_CLEARED)
    touched = replace(model, touched=model.touched | {arg})
    return _with_profile(touched, _set_field(model.state.profile, arg, text), out)


def _on_leave(model: Model, arg: str, value: Any, out: Outbox) -> Model:
    if arg not in model.touched or arg in model.left:
        return model
    return replace(model, left=model.left | {arg})


def _on_edit_start(model: Model, arg: str, value: Any, out: Outbox) -> Model:
    if not EDIT_KEY.fullmatch(arg):
        return model
    out.focus = views.edit_box_id(arg)
    return replace(model, editing=arg)


def _on_edit_done(model: Model, arg: str, value: Any, out: Outbox) -> Model:
    return replace(model, editing="")


def _on_edit(model: Model, arg: str, value: Any, out: Outbox) -> Model:
    """The reader rewrote a draft: their text is kept, and travels with the checklist."""
    if not EDIT_KEY.fullmatch(arg) or not isinstance(value, str):
        return model
    edits = dict(model.state.edits)
    text = clip_block(value, MAX_EDIT_CHARS)
    if text == views.generated_text(model.state, arg, views.waiting_on(model)):
        edits.pop(arg, None)  # typed back to what the form writes: it follows the form again
    elif len(edits) < MAX_EDITS or arg in edits:
        edits[arg] = text
    if edits == dict(model.state.edits):
        return model
    return _persist(replace(model, state=replace(model.state, edits=edits)), out)


def _on_unedit(model: Model, arg: str, value: Any, out: Outbox) -> Model:
    if arg not in model.state.edits:
        return model
    edits = {k: v for k, v in model.state.edits.items() if k != arg}
    state = replace(model.state, edits=edits)
    return _persist(
        replace(model, state=state, editing="" if model.editing == arg else model.editing), out
    )


def _on_keep_example(model: Model, arg: str, value: Any, out: Outbox) -> Model:
    """The reader chose to keep the example's details in the fields they have not filled."""
    mine = model.state.profile
    kept = example_profile(model.today)
    for path in sorted(model.touched):
        kept = _set_field(kept, path, field_value(mine, path))
    notices = tuple(n for n in model.notices if n != EXAMPLE_CLEARED)
    return _with_profile(replace(model, notices=notices), kept, out)


def _on_outcome(model: Model, arg: str, value: Any, out: Outbox) -> Model:
    if value not in ("waiting", "offer", "not_hired"):
        return model
    outcome_on = model.today.isoformat() if value != "waiting" else ""
    state = replace(model.state, outcome=value, outcome_on=outcome_on)
    return _persist(replace(model, state=state), out)


def _on_add_interviewer(model: Model, arg: str, value: Any, out: Outbox) -> Model:
    profile = model.state.profile
    if len(profile.interviewers) >= MAX_INTERVIEWERS:
        return model
    # A second person is most often another panel member; the first one met is usually the
    # hiring manager, which is the Interviewer default.
    person = Interviewer(id=next_person_id(profile.interviewers), role="panel")
    return _with_profile(model, replace(profile, interviewers=(*profile.interviewers, person)), out)


def _person_steps(person: Interviewer) -> tuple[str, ...]:
    return (f"email-{person.id}", f"card-{person.id}")


def _on_remove_interviewer(model: Model, arg: str, value: Any, out: Outbox) -> Model:
    people = model.state.profile.interviewers
    if not arg.isdigit() or len(people) <= 1 or int(arg) >= len(people):
        return model
    index = int(arg)
    person = people[index]
    if model.confirm_remove != person.id:
        # The first click asks: a double click cannot remove two people.
        return replace(model, confirm_remove=person.id)
    mine = _person_steps(person)
    kept = tuple((k, v) for k, v in model.state.checks.items() if k in mine)
    checks = {k: v for k, v in model.state.checks.items() if k not in mine}
    # The coordinator mark follows its person; removing them hands it back to the default.
    lead = model.state.profile.coordinator
    lead = -1 if lead == index else lead - 1 if lead > index else lead
    profile = replace(
        model.state.profile, interviewers=people[:index] + people[index + 1 :], coordinator=lead
    )
    who = clean_line(person.name) or f"interviewer {index + 1}"
    notice = Notice("info", f"Removed {who}.", "undo_remove", f"Undo: bring back {who}")
    notices = tuple(n for n in model.notices if n.action != "undo_remove")
    model = replace(
        model,
        state=replace(model.state, profile=profile, checks=checks),
        removed=Removed(index, person, kept, model.state.profile.coordinator == index),
        confirm_remove="",
        notices=(*notices, notice),
    )
    # The neighbour that took the removed person's place, or the one before.
    out.focus = f"sr-f-i{min(index, len(people) - 2)}-name"
    return _persist(model, out)


def _on_undo_remove(model: Model, arg: str, value: Any, out: Outbox) -> Model:
    gone = model.removed
    people = model.state.profile.interviewers
    if gone is None or len(people) >= MAX_INTERVIEWERS:
        return model
    person = gone.person
    if any(p.id == person.id for p in people):
        person = replace(person, id=next_person_id(people))
    index = min(gone.index, len(people))
    lead = model.state.profile.coordinator
    lead = index if gone.lead else lead + 1 if lead >= index else lead
    profile = replace(
        model.state.profile,
        interviewers=(*people[:index], person, *people[index:]),
        coordinator=lead,
    )
    ticks = {k.replace(gone.person.id, person.id, 1): v for k, v in gone.checks}
    state = replace(model.state, profile=profile, checks={**model.state.checks, **ticks})
    notices = tuple(n for n in model.notices if n.action != "undo_remove")
    out.focus = f"sr-f-i{index}-name"
    return _persist(replace(model, state=state, removed=None, notices=notices), out)


def _on_flag(model: Model, arg: str, value: Any, out: Outbox) -> Model:
    if not isinstance(value, bool):
        return model
    profile = model.state.profile
    if arg == "remote":
        return _with_profile(model, replace(profile, remote=value), out)
    if arg == "prefer_email":
        return _with_profile(model, replace(profile, prefer_email=value), out)
    return model


def _on_check(model: Model, arg: str, value: Any, out: Outbox) -> Model:
    if not arg:
        return model
    checks = dict(model.state.checks)
    if value:
        checks.setdefault(arg, model.now)  # the first tick is the record of when it was done
    else:
        checks.pop(arg, None)
    return _persist(replace(model, state=replace(model.state, checks=checks)), out)


def _on_reset(model: Model, arg: str, value: Any, out: Outbox) -> Model:
    blank = _blank(model)
    if content(model.state) == blank:
        return model
    if EXAMPLE_NOTICE in model.notices:
        # Only the untouched example goes: nothing of the reader's to keep aside.
        return _persist(replace(model, state=blank, touched=frozenset(), left=frozenset()), out)
    # The same application, emptied: it keeps its place and its identity.
    blank = replace(blank, id=model.state.id, revision=model.state.revision)
    cleared = _replace_state(model, blank, CLEARED, out)
    return replace(cleared, touched=frozenset(), left=frozenset())


def _on_restore(model: Model, arg: str, value: Any, out: Outbox) -> Model:
    try:
        back = from_storage(model.kept_aside)
    except StateError:
        return model
    # Never an older revision than the one it replaces: other tabs and bookmarks see it as new.
    if back.id == model.state.id:
        back = replace(back, revision=max(back.revision, model.state.revision))
    restored = replace(_adopt(model, back), kept_aside=to_storage(model.state), notices=())
    return _persist(restored, out)


def _on_dismiss(model: Model, arg: str, value: Any, out: Outbox) -> Model:
    notices = tuple(n for i, n in enumerate(model.notices) if str(i) != arg)
    return replace(model, notices=notices)


def _on_import(model: Model, arg: str, value: Any, out: Outbox) -> Model:
    """A file of applications goes beside the ones here, as a bookmark does: none is replaced."""
    try:
        you, incoming = applications.read_file(value if isinstance(value, str) else "")
        # The reader's own details kept here win over a file's; a first visit takes the file's.
        if model.shelf.entries:
            you = model.shelf.you
        elif you is None:
            you = applications.you_of(incoming[0].state.profile)
        # A checklist from before applications may have no identity yet.
        incoming = tuple(
            e if e.id else replace(e, state=replace(e.state, id=out.ids.take())) for e in incoming
        )
        merged = applications.merge(model.shelf, incoming, you)
    except StateError as problem:
        text = f"That file could not be imported. {problem} Nothing was changed."
        return _notify(model, Notice("error", text))
    model = _store(replace(model, shelf=merged.shelf), merged.writes, out)
    shown = merged.shelf.get(model.state.id)
    if shown is not None and shown.state != model.state:
        model = _adopt(model, shown.state)
    elif shown is None and merged.first:
        # The example or a blank application was shown: the first imported one is shown instead.
        first = merged.shelf.get(merged.first)
        if first is not None:
            model = _show(model, first.state, out)
    if not merged.added and not merged.updated:
        text = (
            "Nothing was imported: this browser already has every application in that file, "
            "in the same or a newer version."
        )
    else:
        parts = [
            _count(merged.added, "application added", "applications added"),
            _count(
                merged.updated, "application brought up to date", "applications brought up to date"
            ),
        ]
        text = "Imported: " + " and ".join(p for p in parts if p) + "."
    return _notify(model, Notice("info", text))


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _count(n: int, one: str, many: str) -> str:
    return "" if n == 0 else f"one {one}" if n == 1 else f"{n} {many}"


def _on_mount(model: Model, arg: str, value: Any, out: Outbox) -> Model:
    # The kit page was opened (or its fragment changed): a bookmark token in it wins.
    token = value.lstrip("#") if isinstance(value, str) else ""
    own = token.removeprefix(SHARE_MARK)
    if own.startswith(TOKEN_MARK) and token != to_bookmark(model.state):
        return _open_bookmark(model, token, out)
    return model


def _on_forget(model: Model, arg: str, value: Any, out: Outbox) -> Model:
    # Nothing is kept aside here, on purpose: the reader asked for nothing of theirs to remain.
    blank = Model(today=model.today, now=model.now, saving=model.saving)
    out.forget = True
    return replace(blank, notices=(FORGOTTEN,), home_region=model.home_region)


def _on_storage(model: Model, arg: str, value: Any, out: Outbox) -> Model:
    # Another tab saved: show what it saved, and write nothing back (no ping-pong between tabs).
    shelf = model.shelf
    if arg == HOME_KEY and isinstance(value, str):
        try:
            you, order, _current = applications.read_home(value)
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
        entry = applications.read_record(arg, value)
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
        if entry.status == "active" and _untouched(model):
            return _switched(model, entry.state)
        return model
    if entry.status == "deleted":
        return _show_next(model, out)
    return _adopt(model, entry.state) if entry.state != model.state else model


def _on_download(model: Model, arg: str, value: Any, out: Outbox) -> Model:
    state = model.state
    if arg == "json":
        text = applications.file_text(model.shelf)
        out.download = Download("second-round-applications.json", "application/json", text)
        return model
    stamp = datetime.fromisoformat(model.now) if model.now else datetime(2026, 1, 1)
    if arg == "ics_all":
        active = [e.state for e in model.shelf.with_status("active")]
        if model.shelf.get(state.id) is None:
            active.append(state)
        ics = applications.calendar(active, stamp, model.today)
        if "BEGIN:VEVENT" not in ics:
            return _notify(model, NO_DATES_ALL)
        out.download = Download("second-round-all-applications.ics", "text/calendar", ics)
        return model
    if arg != "ics":
        return model
    plan = plan_for(state, model.today)
    if not plan.steps:
        return _notify(model, NO_DATES)
    # Reminders are for what is left to do: done steps are history, late ones are due today.
    todo = [s for s in plan.steps if not state.checks.get(s.id)]
    ics = to_ics(todo, state.profile, stamp)
    out.download = Download("second-round-follow-up.ics", "text/calendar", ics)
    return model


# --- Applications: add, switch, archive, delete, and start one from another.


def _active(model: Model) -> int:
    return len(model.shelf.with_status("active"))


def _switched(model: Model, state: State) -> Model:
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
    return _adopt(model, state)


def _show(model: Model, state: State, out: Outbox) -> Model:
    """Switch to a saved application; the next visit opens it too."""
    shelf, writes = applications.shown(model.shelf, state.id)
    return _store(replace(_switched(model, state), shelf=shelf), writes, out)


def _show_next(model: Model, out: Outbox) -> Model:
    """After the shown application went: the first active one, else an archived one, else blank."""
    shelf = model.shelf
    rest = [e for e in shelf.with_status("active") + shelf.with_status("archived")]
    if rest:
        return _show(model, rest[0].state, out)
    return _switched(model, _blank(model))


def _on_app_switch(model: Model, arg: str, value: Any, out: Outbox) -> Model:
    entry = model.shelf.get(arg)
    if entry is None or entry.status == "deleted" or arg == model.state.id:
        return model
    return _show(model, entry.state, out)


def glance(model: Model, ident: str) -> Model | None:
    """What switching to application `ident` would show, with nothing stored or sent: the
    worker draws it ahead of time, so the real switch finds its parts already built."""
    entry = model.shelf.get(ident)
    if entry is None or entry.status == "deleted" or ident == model.state.id:
        return None
    return _show(model, entry.state, Outbox(Ids(fresh_id({}, _seed(model)))))


def _on_app_add(model: Model, arg: str, value: Any, out: Outbox) -> Model:
    if _active(model) >= MAX_ACTIVE:
        return _notify(model, FULL)
    new = replace(_blank(model), id=out.ids.take())
    out.focus = "sr-f-company"
    return _persist(_switched(model, new), out)


def _on_app_copy(model: Model, arg: str, value: Any, out: Outbox) -> Model:
    if _active(model) >= MAX_ACTIVE:
        return _notify(model, FULL)
    source = named(model.state)
    new = applications.copy_of(model.state, out.ids.take())
    out.focus = "sr-f-company"
    copied = _persist(_switched(model, new), out)
    return _notify(
        copied,
        Notice(
            "info",
            f"A new application, started from {source}: your details, your "
            "qualifications and your usual tone came with it. The company, the people and the "
            "dates are for you to fill in.",
        ),
    )


def _target(model: Model, arg: str) -> Entry | None:
    return model.shelf.get(arg or model.state.id)


def _with_status(model: Model, entry: Entry, status: applications.Status, out: Outbox) -> Model:
    shelf, writes = applications.set_status(model.shelf, entry.id, status, model.now)
    return _store(replace(model, shelf=shelf), writes, out)


def _on_app_archive(model: Model, arg: str, value: Any, out: Outbox) -> Model:
    entry = _target(model, arg)
    if entry is None or entry.status != "active":
        return model
    return _with_status(model, entry, "archived", out)


def _on_app_unarchive(model: Model, arg: str, value: Any, out: Outbox) -> Model:
    entry = _target(model, arg)
    if entry is None or entry.status != "archived":
        return model
    if _active(model) >= MAX_ACTIVE:
        return _notify(model, FULL)
    return _with_status(model, entry, "active", out)


def _on_app_delete(model: Model, arg: str, value: Any, out: Outbox) -> Model:
    entry = _target(model, arg)
    if entry is None or entry.status == "deleted":
        return model
    name = named(entry.state)
    notices = tuple(n for n in model.notices if n.action != "app_undelete")
    model = replace(_with_status(model, entry, "deleted", out), deleted=entry.id, notices=notices)
    if entry.id == model.state.id:
        model = _show_next(model, out)
    undo = Notice("info", f"You deleted {name}.", "app_undelete", "Undo: bring it back")
    return _notify(model, undo)


def _on_app_undelete(model: Model, arg: str, value: Any, out: Outbox) -> Model:
    """Bring back the application deleted last, or the one a bookmark link is to."""
    returning = model.returning
    entry = model.shelf.get(returning.id if returning else model.deleted)
    notices = tuple(n for n in model.notices if n.action != "app_undelete")
    model = replace(model, notices=notices, returning=None, deleted="")
    if entry is None or entry.status != "deleted":
        return model
    if _active(model) >= MAX_ACTIVE:
        return _notify(model, FULL)
    model = _with_status(model, entry, "active", out)
    model = _show(model, entry.state, out)
    if returning is not None and returning.revision > entry.state.revision:
        # The link holds a newer copy than the one kept here: the newer one comes back.
        model = _persist(_adopt(model, returning), out)
    return model


def _on_saving_off(model: Model, arg: str, value: Any, out: Outbox) -> Model:
    return _notify(replace(model, saving=False), SAVING_OFF)


Handler = Callable[[Model, str, Any, Outbox], Model]
# Every event kind but "boot" (which makes the first Model): tests/site check both lists agree.
HANDLERS: dict[EventKind, Handler] = {
    "field": _on_field,
    "leave": _on_leave,
    "flag": _on_flag,
    "outcome": _on_outcome,
    "add_interviewer": _on_add_interviewer,
    "remove_interviewer": _on_remove_interviewer,
    "undo_remove": _on_undo_remove,
    "check": _on_check,
    "reset": _on_reset,
    "keep_example": _on_keep_example,
    "edit_start": _on_edit_start,
    "edit": _on_edit,
    "edit_done": _on_edit_done,
    "unedit": _on_unedit,
    "forget": _on_forget,
    "restore": _on_restore,
    "dismiss": _on_dismiss,
    "import": _on_import,
    "mount": _on_mount,
    "storage": _on_storage,
    "saving_off": _on_saving_off,
    "download": _on_download,
    "app_add": _on_app_add,
    "app_copy": _on_app_copy,
    "app_switch": _on_app_switch,
    "app_archive": _on_app_archive,
    "app_unarchive": _on_app_unarchive,
    "app_delete": _on_app_delete,
    "app_undelete": _on_app_undelete,
}


def update(model: Model, event: Event) -> Step:
    """Apply one user action; unknown or malformed events leave the model as it was."""
    today, now = clock(event)
    kind = str(event.get("type"))
    # A removal waiting for its confirming click is forgotten once the reader does anything else.
    armed = model.confirm_remove if kind in ("remove_interviewer", "leave") else ""
    model = replace(model, today=today, now=now, confirm_remove=armed)
    handler = HANDLERS.get(cast(EventKind, kind))  # any text may arrive: unknown gives None
    if handler is None:
        return model, Effects()
    out = Outbox(Ids(fresh_id(event, _seed(model))))
    model = handler(model, str(event.get("arg") or ""), event.get("value"), out)
    return model, out.effects()


def view(model: Model) -> dict[str, Any]:
    """Everything the page shows, as plain JSON-ready data (what it stores comes as Effects)."""
    return views.view(model)
