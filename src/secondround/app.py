"""The kit's one API, pure: update(model, event) -> (model, effects) and view(model) -> View."""

from __future__ import annotations

import base64
import os
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any, cast

from secondround import views
from secondround.calendar_ics import to_ics
from secondround.catchup import plan_for
from secondround.codec import StateError, from_bookmark, from_storage, to_bookmark, to_storage
from secondround.example import example_profile
from secondround.form import declared
from secondround.model import (
    BACKUP_PREFIX,
    SHARE_MARK,
    STATE_KEY,
    TOKEN_MARK,
    Download,
    Model,
    Notice,
    Removed,
)
from secondround.profile import (
    MAX_INTERVIEWERS,
    ROLES,
    Interviewer,
    Profile,
    Tone,
    clean_line,
    clip,
    clip_block,
    field_value,
    next_person_id,
)
from secondround.protocol import NO_EFFECTS, Effects, EventKind
from secondround.public_holidays import region_from_language
from secondround.state import EDIT_KEY, MAX_EDIT_CHARS, MAX_EDITS, State, content

__all__ = [
    "BACKUP_PREFIX",
    "STATE_KEY",
    "Model",
    "Notice",
    "Step",
    "boot",
    "update",
    "view",
]

Event = Mapping[str, Any]
# What an event leads to: the new Model, and what the page must do once (Elm's (model, Cmd)).
Step = tuple[Model, Effects]


def _then(step: Step, change: Callable[[Model], Model]) -> Step:
    """The step with its Model changed further and its effects kept."""
    return change(step[0]), step[1]


def _text_fields(owner: type[Profile]) -> tuple[str, ...]:
    """The profile's declared text fields, addressed by their own name in field events."""
    return tuple(name for name, _ in declared(owner) if name != "qualifications")


# Each interviewer's declared fields, as "interviewers.<index>.<name>".
PERSON_TEXT = tuple(name for name, _ in declared(Interviewer))

SAVING_OFF = Notice(
    "warning",
    "This browser is not letting the kit save, so your checklist lasts only for this "
    "visit. Use Export or the bookmark link to keep it.",
)
NO_DATES = Notice(
    "warning", "Enter the date of your interview first: the calendar holds your dated steps."
)
CLEARED = Notice(
    "info",
    "The kit was cleared. Your previous checklist is kept aside.",
    "restore",
    "Undo: bring back the checklist you cleared",
)
FROM_BOOKMARK = Notice(
    "info",
    "This is the checklist from your bookmark. "
    "The checklist you had in this browser is kept aside.",
    "restore",
    "Switch back to it",
)
IMPORTED = Notice(
    "info",
    "Imported. The checklist you had before is kept aside.",
    "restore",
    "Switch back to the checklist you had before the import",
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
SHARED_OVER_YOURS = replace(
    SHARED,
    text=f"{SHARED.text} The checklist you had in this browser is kept aside.",
    action="restore",
    action_label="Switch back to it",
)
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


def new_id() -> str:
    """A fresh checklist identity: 72 random bits, URL-safe (the browser's crypto in Pyodide)."""
    return base64.urlsafe_b64encode(os.urandom(9)).decode("ascii")


def _persist(model: Model, effects: Effects = NO_EFFECTS) -> Step:
    """The state changed on purpose: it is the reader's own now; save it, drop the example hint."""
    notices = tuple(n for n in model.notices if n != EXAMPLE_NOTICE)
    state = model.state
    # Every saved change is a new revision of the same checklist.
    state = replace(state, id=state.id or new_id(), revision=state.revision + 1)
    model = replace(model, notices=notices, state=state)
    if not model.saving:
        return model, effects
    return model, effects + Effects(writes=((STATE_KEY, to_storage(model.state)),))


def _notify(model: Model, notice: Notice) -> Model:
    """Add a notice once: the same problem met twice is still one message."""
    if notice in model.notices:
        return model
    return replace(model, notices=(*model.notices, notice))


def _keep_aside(model: Model, text: str, reason: str) -> Step:
    """Store text that could not be used under a backup key, and say so: nothing is dropped."""
    key = f"{BACKUP_PREFIX}{model.now}"
    notice = Notice("warning", f"{reason} The original was kept in this browser under “{key}”.")
    writes = ((key, text),) if model.saving else ()
    return _notify(model, notice), Effects(writes=writes)


def _filled_fields(profile: Profile) -> frozenset[str]:
    names = {n for n in _text_fields(type(profile)) if getattr(profile, n)}
    names.update(f"qualifications.{i}" for i, q in enumerate(profile.qualifications) if q)
    for i, person in enumerate(profile.interviewers):
        names.update(f"interviewers.{i}.{n}" for n in PERSON_TEXT if getattr(person, n))
    return frozenset(names)


def _adopt(model: Model, state: State) -> Model:
    filled = _filled_fields(state.profile)
    return replace(model, state=state, touched=filled, left=filled)


def boot(storage: Mapping[str, str], saving: bool, event: Event) -> Step:
    """The first Model of a visit, from what this browser saved; reports what it cannot use."""
    today, now = clock(event)
    home = region_from_language(event.get("language"))
    model = Model(today=today, now=now, saving=saving, home_region=home)
    if not saving:
        model = replace(model, notices=(SAVING_OFF,))
    saved_text = storage.get(STATE_KEY)
    effects = NO_EFFECTS
    if saved_text:
        try:
            return _adopt(model, from_storage(saved_text)), NO_EFFECTS
        except StateError as problem:
            model, effects = _keep_aside(
                model,
                saved_text,
                f"Your saved checklist could not be read. {problem} The kit started clean.",
            )
    # A first visit starts from the example the page already shows, so nothing jumps when Python
    # arrives; it is saved only once the reader changes something.
    example = State(profile=replace(example_profile(today), region=home))
    return _notify(_adopt(model, example), EXAMPLE_NOTICE), effects


def _blank(model: Model) -> State:
    """An empty kit: nothing typed yet, holidays of the browser's region."""
    return State(profile=Profile(region=model.home_region))


def _open_bookmark(model: Model, token: str) -> Step:
    shared = token.startswith(SHARE_MARK)
    try:
        marked = from_bookmark(token.removeprefix(SHARE_MARK))
    except StateError as problem:
        return _keep_aside(
            model,
            token,
            f"This bookmark link could not be opened. {problem} Your checklist here is unchanged.",
        )
    if shared:
        # The friend's copy is a checklist of its own, not a revision of the owner's.
        marked = replace(marked, id="", revision=0)
    if content(marked) == content(model.state) and marked.revision <= model.state.revision:
        return model, NO_EFFECTS
    mine = model.state
    if marked.id and marked.id == mine.id and not shared:
        if marked.revision < mine.revision:
            # An old bookmark of this same checklist must not undo what was done since.
            older = replace(_notify(model, OLDER_BOOKMARK), kept_aside=to_storage(marked))
            return older, NO_EFFECTS
        # A newer copy of this checklist (from another device): nothing of the reader's is lost.
        return _persist(_adopt(model, marked))
    # The untouched example is not worth keeping; anything the reader typed is.
    if content(model.state) in (State(), _blank(model)) or EXAMPLE_NOTICE in model.notices:
        adopted = _persist(_adopt(model, marked))
        return _then(adopted, lambda m: _notify(m, SHARED)) if shared else adopted
    return _replace_state(model, marked, SHARED_OVER_YOURS if shared else FROM_BOOKMARK)


def _set_interviewer(person: Interviewer, field: str, value: str) -> Interviewer:
    if field == "tone":
        return replace(person, tone=cast(Tone, value)) if value in ("formal", "relaxed") else person
    if field == "role":
        return replace(person, role=value) if value in ROLES else person
    if field in PERSON_TEXT:
        return replace(person, **{field: clip(f"interviewers.0.{field}", value)})  # type: ignore[arg-type]
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
    if path in _text_fields(owner):
        return replace(profile, **{path: clip(path, value, owner)})  # type: ignore[arg-type]
    if path == "coordinator" and value.isascii() and value.isdigit():
        index = int(value)
        return replace(profile, coordinator=index) if index < len(profile.interviewers) else profile
    return profile


def _with_profile(model: Model, profile: Profile) -> Step:
    if profile == model.state.profile:
        return model, NO_EFFECTS
    return _persist(replace(model, state=replace(model.state, profile=profile)))


def _replace_state(model: Model, state: State, notice: Notice) -> Step:
    """Adopt a new state and keep the current one aside, with a one-click way back."""
    # Only one state is ever kept aside: an older notice offering to restore another would lie.
    notices = tuple(n for n in model.notices if n.action != "restore")
    aside = replace(_adopt(model, state), kept_aside=to_storage(model.state), notices=notices)
    return _persist(_notify(aside, notice))


# --- One handler per user action: (model, arg, value) -> (model, effects).


def _on_field(model: Model, arg: str, value: Any) -> Step:
    text = value if isinstance(value, str) else ""
    if EXAMPLE_NOTICE in model.notices and _set_field(model.state.profile, arg, text) != (
        model.state.profile
    ):
        # The first edit of the example starts the reader's own checklist from blank: an
        # example phone number or interviewer left in a sent email would be worse than retyping.
        blank = replace(model, state=_blank(model), touched=frozenset({arg}), left=frozenset())
        own = _set_field(blank.state.profile, arg, text)
        return _then(_with_profile(blank, own), lambda m: _notify(m, EXAMPLE_CLEARED))
    touched = replace(model, touched=model.touched | {arg})
    return _with_profile(touched, _set_field(model.state.profile, arg, text))


def _on_leave(model: Model, arg: str, value: Any) -> Step:
    if arg not in model.touched or arg in model.left:
        return model, NO_EFFECTS
    return replace(model, left=model.left | {arg}), NO_EFFECTS


def _on_edit_start(model: Model, arg: str, value: Any) -> Step:
    if not EDIT_KEY.fullmatch(arg):
        return model, NO_EFFECTS
    return replace(model, editing=arg), Effects(focus=views.edit_box_id(arg))


def _on_edit_done(model: Model, arg: str, value: Any) -> Step:
    return replace(model, editing=""), NO_EFFECTS


def _on_edit(model: Model, arg: str, value: Any) -> Step:
    """The reader rewrote a draft: their text is kept, and travels with the checklist."""
    if not EDIT_KEY.fullmatch(arg) or not isinstance(value, str):
        return model, NO_EFFECTS
    edits = dict(model.state.edits)
    text = clip_block(value, MAX_EDIT_CHARS)
    if text == views.generated_text(model.state, arg):
        edits.pop(arg, None)  # typed back to what the form writes: it follows the form again
    elif len(edits) < MAX_EDITS or arg in edits:
        edits[arg] = text
    if edits == dict(model.state.edits):
        return model, NO_EFFECTS
    return _persist(replace(model, state=replace(model.state, edits=edits)))


def _on_unedit(model: Model, arg: str, value: Any) -> Step:
    if arg not in model.state.edits:
        return model, NO_EFFECTS
    edits = {k: v for k, v in model.state.edits.items() if k != arg}
    state = replace(model.state, edits=edits)
    return _persist(
        replace(model, state=state, editing="" if model.editing == arg else model.editing)
    )


def _on_keep_example(model: Model, arg: str, value: Any) -> Step:
    """The reader chose to keep the example's details in the fields they have not filled."""
    mine = model.state.profile
    kept = example_profile(model.today)
    for path in sorted(model.touched):
        kept = _set_field(kept, path, field_value(mine, path))
    notices = tuple(n for n in model.notices if n != EXAMPLE_CLEARED)
    return _with_profile(replace(model, notices=notices), kept)


def _on_outcome(model: Model, arg: str, value: Any) -> Step:
    if value not in ("waiting", "offer", "not_hired"):
        return model, NO_EFFECTS
    outcome_on = model.today.isoformat() if value != "waiting" else ""
    state = replace(model.state, outcome=value, outcome_on=outcome_on)
    return _persist(replace(model, state=state))


def _on_add_interviewer(model: Model, arg: str, value: Any) -> Step:
    profile = model.state.profile
    if len(profile.interviewers) >= MAX_INTERVIEWERS:
        return model, NO_EFFECTS
    # A second person is most often another panel member; the first one met is usually the
    # hiring manager, which is the Interviewer default.
    person = Interviewer(id=next_person_id(profile.interviewers), role="panel")
    return _with_profile(model, replace(profile, interviewers=(*profile.interviewers, person)))


def _person_steps(person: Interviewer) -> tuple[str, ...]:
    return (f"email-{person.id}", f"card-{person.id}")


def _on_remove_interviewer(model: Model, arg: str, value: Any) -> Step:
    people = model.state.profile.interviewers
    if not arg.isdigit() or len(people) <= 1 or int(arg) >= len(people):
        return model, NO_EFFECTS
    index = int(arg)
    person = people[index]
    if model.confirm_remove != person.id:
        # The first click asks: a double click cannot remove two people.
        return replace(model, confirm_remove=person.id), NO_EFFECTS
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
    return _persist(model, Effects(focus=f"sr-f-i{min(index, len(people) - 2)}-name"))


def _on_undo_remove(model: Model, arg: str, value: Any) -> Step:
    gone = model.removed
    people = model.state.profile.interviewers
    if gone is None or len(people) >= MAX_INTERVIEWERS:
        return model, NO_EFFECTS
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
    return _persist(
        replace(model, state=state, removed=None, notices=notices),
        Effects(focus=f"sr-f-i{index}-name"),
    )


def _on_flag(model: Model, arg: str, value: Any) -> Step:
    if not isinstance(value, bool):
        return model, NO_EFFECTS
    profile = model.state.profile
    if arg == "remote":
        return _with_profile(model, replace(profile, remote=value))
    if arg == "prefer_email":
        return _with_profile(model, replace(profile, prefer_email=value))
    return model, NO_EFFECTS


def _on_check(model: Model, arg: str, value: Any) -> Step:
    if not arg:
        return model, NO_EFFECTS
    checks = dict(model.state.checks)
    if value:
        checks.setdefault(arg, model.now)  # the first tick is the record of when it was done
    else:
        checks.pop(arg, None)
    return _persist(replace(model, state=replace(model.state, checks=checks)))


def _on_reset(model: Model, arg: str, value: Any) -> Step:
    blank = _blank(model)
    if content(model.state) == blank:
        return model, NO_EFFECTS
    if EXAMPLE_NOTICE in model.notices:
        # Only the untouched example goes: nothing of the reader's to keep aside.
        return _persist(replace(model, state=blank, touched=frozenset(), left=frozenset()))
    cleared = _replace_state(model, blank, CLEARED)
    return _then(cleared, lambda m: replace(m, touched=frozenset(), left=frozenset()))


def _on_restore(model: Model, arg: str, value: Any) -> Step:
    try:
        back = from_storage(model.kept_aside)
    except StateError:
        return model, NO_EFFECTS
    restored = replace(_adopt(model, back), kept_aside=to_storage(model.state), notices=())
    return _persist(restored)


def _on_dismiss(model: Model, arg: str, value: Any) -> Step:
    notices = tuple(n for i, n in enumerate(model.notices) if str(i) != arg)
    return replace(model, notices=notices), NO_EFFECTS


def _on_import(model: Model, arg: str, value: Any) -> Step:
    try:
        imported = from_storage(value if isinstance(value, str) else "")
    except StateError as problem:
        text = f"That file could not be imported. {problem} Nothing was changed."
        return _notify(model, Notice("error", text)), NO_EFFECTS
    return _replace_state(model, imported, IMPORTED)


def _on_mount(model: Model, arg: str, value: Any) -> Step:
    # The kit page was opened (or its fragment changed): a bookmark token in it wins.
    token = value.lstrip("#") if isinstance(value, str) else ""
    own = token.removeprefix(SHARE_MARK)
    if own.startswith(TOKEN_MARK) and token != to_bookmark(model.state):
        return _open_bookmark(model, token)
    return model, NO_EFFECTS


def _on_forget(model: Model, arg: str, value: Any) -> Step:
    # Nothing is kept aside here, on purpose: the reader asked for nothing of theirs to remain.
    blank = Model(today=model.today, now=model.now, saving=model.saving)
    forgotten = replace(blank, notices=(FORGOTTEN,), home_region=model.home_region)
    return forgotten, Effects(forget=True)


def _on_storage(model: Model, arg: str, value: Any) -> Step:
    # Another tab saved: show its state, and do not write it back (no ping-pong between tabs).
    if arg != STATE_KEY or not isinstance(value, str):
        return model, NO_EFFECTS
    try:
        return _adopt(model, from_storage(value)), NO_EFFECTS
    except StateError:
        return model, NO_EFFECTS


def _on_download(model: Model, arg: str, value: Any) -> Step:
    state = model.state
    if arg == "json":
        file = Download("second-round-checklist.json", "application/json", to_storage(state))
        return model, Effects(download=file)
    if arg != "ics":
        return model, NO_EFFECTS
    plan = plan_for(state, model.today)
    if not plan.steps:
        return _notify(model, NO_DATES), NO_EFFECTS
    stamp = datetime.fromisoformat(model.now) if model.now else datetime(2026, 1, 1)
    # Reminders are for what is left to do: done steps are history, late ones are due today.
    todo = [s for s in plan.steps if not state.checks.get(s.id)]
    ics = to_ics(todo, state.profile, stamp)
    return model, Effects(download=Download("second-round-follow-up.ics", "text/calendar", ics))


def _on_saving_off(model: Model, arg: str, value: Any) -> Step:
    return _notify(replace(model, saving=False), SAVING_OFF), NO_EFFECTS


Handler = Callable[[Model, str, Any], Step]
# Every event kind but "boot" (which makes the first Model): tests/unit check both lists agree.
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
        return model, NO_EFFECTS
    return handler(model, str(event.get("arg") or ""), event.get("value"))


def view(model: Model) -> dict[str, Any]:
    """Everything the page shows, as plain JSON-ready data (what it stores comes as Effects)."""
    return views.view(model)
