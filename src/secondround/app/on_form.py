"""Handlers for the form: fields, people, ticks, the outcome, clearing and undoing."""

from __future__ import annotations

from dataclasses import replace
from typing import Any, cast

from secondround.app.form_view import field_id
from secondround.app.model import Model, Notice, Removed
from secondround.app.notices import CLEARED, EXAMPLE_CLEARED, EXAMPLE_NOTICE, SWAPPED
from secondround.app.steps import (
    Outbox,
    adopt,
    blank_state,
    notify,
    persist,
    replace_state,
    with_profile,
)
from secondround.input.example import example_profile
from secondround.input.fields import PERSON_TEXT, clip, field_value, form_paths, text_fields
from secondround.input.profile import (
    MAX_INTERVIEWERS,
    ROLES,
    Interviewer,
    Profile,
    Tone,
    next_person_id,
)
from secondround.input.text import clean_line
from secondround.saved.codec import StateError, from_storage, to_storage
from secondround.saved.state import content

__all__ = [
    "on_add_interviewer",
    "on_check",
    "on_dismiss",
    "on_field",
    "on_flag",
    "on_keep_example",
    "on_leave",
    "on_outcome",
    "on_remove_interviewer",
    "on_reset",
    "on_restore",
    "on_undo_remove",
]


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


def on_field(model: Model, arg: str, value: Any, out: Outbox) -> Model:
    text = value if isinstance(value, str) else ""
    if EXAMPLE_NOTICE in model.notices and _set_field(model.state.profile, arg, text) != (
        model.state.profile
    ):
        # The first edit of the example starts the reader's own checklist from blank: an
        # example phone number or interviewer left in a sent email would be worse than retyping.
        blank = replace(model, state=blank_state(model), touched=frozenset({arg}), left=frozenset())
        own = _set_field(blank.state.profile, arg, text)
        return notify(with_profile(blank, own, out), EXAMPLE_CLEARED)
    touched = replace(model, touched=model.touched | {arg})
    return with_profile(touched, _set_field(model.state.profile, arg, text), out)


def on_leave(model: Model, arg: str, value: Any, out: Outbox) -> Model:
    if arg not in model.touched or arg in model.left:
        return model
    return replace(model, left=model.left | {arg})


def on_keep_example(model: Model, arg: str, value: Any, out: Outbox) -> Model:
    """The reader chose to keep the example's details in the fields they have not filled."""
    mine = model.state.profile
    kept = example_profile(model.today)
    for path in sorted(model.touched):
        kept = _set_field(kept, path, field_value(mine, path))
    notices = tuple(n for n in model.notices if n != EXAMPLE_CLEARED)
    return with_profile(replace(model, notices=notices), kept, out)


def on_outcome(model: Model, arg: str, value: Any, out: Outbox) -> Model:
    if value not in ("waiting", "offer", "not_hired"):
        return model
    outcome_on = model.today.isoformat() if value != "waiting" else ""
    state = replace(model.state, outcome=value, outcome_on=outcome_on)
    return persist(replace(model, state=state), out)


def on_add_interviewer(model: Model, arg: str, value: Any, out: Outbox) -> Model:
    profile = model.state.profile
    if len(profile.interviewers) >= MAX_INTERVIEWERS:
        return model
    # A second person is most often another panel member; the first one met is usually the
    # hiring manager, which is the Interviewer default.
    person = Interviewer(id=next_person_id(profile.interviewers), role="panel")
    return with_profile(model, replace(profile, interviewers=(*profile.interviewers, person)), out)


def _person_steps(person: Interviewer) -> tuple[str, ...]:
    return (f"email-{person.id}", f"card-{person.id}")


def on_remove_interviewer(model: Model, arg: str, value: Any, out: Outbox) -> Model:
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
    return persist(model, out)


def on_undo_remove(model: Model, arg: str, value: Any, out: Outbox) -> Model:
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
    return persist(replace(model, state=state, removed=None, notices=notices), out)


def on_flag(model: Model, arg: str, value: Any, out: Outbox) -> Model:
    if not isinstance(value, bool):
        return model
    profile = model.state.profile
    if arg == "remote":
        return with_profile(model, replace(profile, remote=value), out)
    if arg == "prefer_email":
        return with_profile(model, replace(profile, prefer_email=value), out)
    return model


def on_check(model: Model, arg: str, value: Any, out: Outbox) -> Model:
    if not arg:
        return model
    checks = dict(model.state.checks)
    if value:
        checks.setdefault(arg, model.now)  # the first tick is the record of when it was done
    else:
        checks.pop(arg, None)
    return persist(replace(model, state=replace(model.state, checks=checks)), out)


def on_reset(model: Model, arg: str, value: Any, out: Outbox) -> Model:
    blank = blank_state(model)
    if content(model.state) == blank:
        return model
    if EXAMPLE_NOTICE in model.notices:
        # Only the untouched example goes: nothing of the reader's to keep aside. The button
        # that was pressed goes with it: the reader starts typing in the form's first field.
        out.focus = field_id(form_paths()[0])
        return persist(replace(model, state=blank, touched=frozenset(), left=frozenset()), out)
    # The same application, emptied: it keeps its place and its identity.
    blank = replace(blank, id=model.state.id, revision=model.state.revision)
    cleared = replace_state(model, blank, CLEARED, out)
    return replace(cleared, touched=frozenset(), left=frozenset())


def on_restore(model: Model, arg: str, value: Any, out: Outbox) -> Model:
    try:
        back = from_storage(model.kept_aside)
    except StateError:
        return model
    # Never an older revision than the one it replaces: other tabs and bookmarks see it as new.
    if back.id == model.state.id:
        back = replace(back, revision=max(back.revision, model.state.revision))
    # What was shown goes aside in its turn, with the way back offered: one click never
    # replaces a version for good (an older bookmark's, a cleared application's).
    restored = replace(adopt(model, back), kept_aside=to_storage(model.state), notices=(SWAPPED,))
    return persist(restored, out)


def on_dismiss(model: Model, arg: str, value: Any, out: Outbox) -> Model:
    notices = tuple(n for i, n in enumerate(model.notices) if str(i) != arg)
    return replace(model, notices=notices)
