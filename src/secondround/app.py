"""The kit's one API: update(model, event) -> model and view(model) -> View, both pure."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

from secondround import views
from secondround.model import BACKUP_PREFIX, BOOKMARK_PREFIX, STATE_KEY, Model, Notice
from secondround.codec import StateError, from_bookmark, from_storage, to_bookmark, to_storage
from secondround.profile import FIELD_LIMITS, MAX_INTERVIEWERS, Interviewer, Profile, clip
from secondround.example import example_profile
from secondround.state import State

__all__ = [
    "BACKUP_PREFIX",
    "STATE_KEY",
    "Model",
    "Notice",
    "boot",
    "update",
    "view",
]

Event = Mapping[str, Any]

SAVING_OFF = Notice(
    "warning", "This browser is not letting the kit save, so your checklist lasts only for this "
    "visit. Use Export or the bookmark link to keep it.")
EXAMPLE_NOTICE = Notice(
    "info", "This is an example. Type over it with your own details; they stay in this browser.",
    "reset", "Start blank")


def clock(event: Event) -> tuple[date, str]:
    """The reader's local date and time from the page's clock (ms since epoch, minutes west of UTC)."""
    try:
        ms = float(event.get("now_ms", 0))
        offset = int(event.get("tz_offset_min", 0))
        moment = datetime.fromtimestamp(ms / 1000, tz=UTC) - timedelta(minutes=offset)
    except (TypeError, ValueError, OverflowError, OSError):
        moment = datetime(2026, 1, 1, tzinfo=UTC)
    local = moment.replace(tzinfo=None)
    return local.date(), local.isoformat(timespec="minutes")


def _persist(model: Model) -> Model:
    """The state changed on purpose: it is the reader's own now, so save it and drop the example hint."""
    notices = tuple(n for n in model.notices if n != EXAMPLE_NOTICE)
    model = replace(model, notices=notices)
    if not model.saving:
        return model
    return replace(model, writes=(*model.writes, (STATE_KEY, to_storage(model.state))))


def _keep_aside(model: Model, text: str, reason: str) -> Model:
    """Store text that could not be used under a backup key, and say so: nothing is dropped."""
    key = f"{BACKUP_PREFIX}{model.now}"
    notice = Notice("warning", f"{reason} The original was kept in this browser under “{key}”.")
    writes = ((key, text),) if model.saving else ()
    return replace(model, notices=(*model.notices, notice), writes=(*model.writes, *writes))


def _filled_fields(profile: Profile) -> frozenset[str]:
    names = {n for n in ("name", "email", "phone", "company", "position", "interview_date",
                         "decision_date", "discussed") if getattr(profile, n)}
    names.update(f"qualifications.{i}" for i, q in enumerate(profile.qualifications) if q)
    for i, person in enumerate(profile.interviewers):
        names.update(f"interviewers.{i}.{n}" for n in ("name", "title", "email") if getattr(person, n))
    return frozenset(names)


def _adopt(model: Model, state: State) -> Model:
    return replace(model, state=state, touched=_filled_fields(state.profile))


def boot(storage: Mapping[str, str], saving: bool, event: Event) -> Model:
    """The first Model of a visit, from what this browser saved; reports what it cannot use."""
    today, now = clock(event)
    model = Model(today=today, now=now, saving=saving)
    if not saving:
        model = replace(model, notices=(SAVING_OFF,))
    saved_text = storage.get(STATE_KEY)
    if saved_text:
        try:
            return _adopt(model, from_storage(saved_text))
        except StateError as problem:
            model = _keep_aside(model, saved_text, f"Your saved checklist could not be read ({problem}), so the kit started clean.")
    # A first visit starts from the example the page already shows, so nothing jumps when Python
    # arrives; it is saved only once the reader changes something.
    example = State(profile=example_profile(today))
    return replace(_adopt(model, example), notices=(*model.notices, EXAMPLE_NOTICE))


def _open_bookmark(model: Model, token: str) -> Model:
    try:
        marked = from_bookmark(token)
    except StateError as problem:
        return _keep_aside(model, token, f"This bookmark link could not be opened ({problem}). Your saved checklist is unchanged.")
    if marked == model.state:
        return model
    if model.state != State():
        model = replace(model, kept_aside=to_storage(model.state), notices=(*model.notices, Notice(
            "info", "This is the checklist from your bookmark. The checklist you had in this "
            "browser is kept aside.", "restore", "Switch back to it")))
    return _persist(_adopt(model, marked))


def _set_field(profile: Profile, path: str, value: str) -> Profile:
    parts = path.split(".")
    if parts[0] == "interviewers" and len(parts) == 3 and parts[1].isdigit():
        index, name = int(parts[1]), parts[2]
        people = list(profile.interviewers)
        if index >= len(people) or name not in ("name", "title", "email", "tone"):
            return profile
        if name == "tone":
            if value not in ("formal", "relaxed"):
                return profile
            people[index] = replace(people[index], tone=value)  # type: ignore[arg-type]
        else:
            people[index] = replace(people[index], **{name: clip(f"interviewer_{name}", value)})
        return replace(profile, interviewers=tuple(people))
    if parts[0] == "qualifications" and len(parts) == 2 and parts[1] in ("0", "1", "2"):
        quals = list(profile.qualifications)
        quals[int(parts[1])] = clip("qualification", value)
        return replace(profile, qualifications=(quals[0], quals[1], quals[2]))
    if len(parts) == 1 and path in FIELD_LIMITS and path in Profile.__dataclass_fields__:
        return replace(profile, **{path: clip(path, value)})
    return profile


def _checks_with(checks: Mapping[str, str], step_id: str, done: bool, now: str) -> dict[str, str]:
    out = dict(checks)
    if done:
        out.setdefault(step_id, now)
    else:
        out.pop(step_id, None)
    return out


def update(model: Model, event: Event) -> Model:
    """Apply one user action; unknown or malformed events leave the model as it was."""
    today, now = clock(event)
    model = replace(model, today=today, now=now)
    kind = event.get("type")
    arg = str(event.get("arg") or "")
    value = event.get("value")
    state = model.state
    if kind == "field":
        text = value if isinstance(value, str) else ""
        profile = _set_field(state.profile, arg, text)
        model = replace(model, touched=model.touched | {arg})
        if profile == state.profile:
            return model
        return _persist(replace(model, state=replace(state, profile=profile)))
    if kind == "outcome" and value in ("waiting", "offer", "not_hired"):
        outcome_on = model.today.isoformat() if value != "waiting" else ""
        return _persist(replace(model, state=replace(state, outcome=value, outcome_on=outcome_on)))
    if kind == "add_interviewer" and len(state.profile.interviewers) < MAX_INTERVIEWERS:
        people = (*state.profile.interviewers, Interviewer())
        return _persist(replace(model, state=replace(state, profile=replace(state.profile, interviewers=people))))
    if kind == "remove_interviewer" and arg.isdigit():
        people = list(state.profile.interviewers)
        if len(people) > 1 and int(arg) < len(people):
            del people[int(arg)]
            return _persist(replace(model, state=replace(state, profile=replace(state.profile, interviewers=tuple(people)))))
        return model
    if kind == "check" and arg:
        checks = _checks_with(state.checks, arg, bool(value), model.now)
        return _persist(replace(model, state=replace(state, checks=checks)))
    if kind == "reset":
        if state == State():
            return model
        aside = Notice("info", "The kit was cleared. Your previous checklist is kept aside.", "restore", "Undo")
        return _persist(replace(model, state=State(), kept_aside=to_storage(state), touched=frozenset(),
                                notices=(*model.notices, aside)))
    if kind == "restore" and model.kept_aside:
        try:
            back = from_storage(model.kept_aside)
        except StateError:
            return model
        return _persist(replace(_adopt(model, back), kept_aside=to_storage(state), notices=()))
    if kind == "dismiss" and arg.isdigit():
        notices = tuple(n for i, n in enumerate(model.notices) if i != int(arg))
        return replace(model, notices=notices)
    if kind == "import" and isinstance(value, str):
        try:
            imported = from_storage(value)
        except StateError as problem:
            return replace(model, notices=(*model.notices, Notice(
                "error", f"That file could not be imported ({problem}). Nothing was changed.")))
        aside = Notice("info", "Imported. The checklist you had before is kept aside.", "restore", "Switch back to it")
        return _persist(replace(_adopt(model, imported), kept_aside=to_storage(state),
                                notices=(*model.notices, aside)))
    if kind == "mount" and isinstance(value, str):
        # The kit page was opened (or its fragment changed): a bookmark token in it wins.
        token = value.lstrip("#")
        if token.startswith(BOOKMARK_PREFIX) and token != to_bookmark(state):
            return _open_bookmark(model, token)
        return model
    if kind == "storage" and arg == STATE_KEY and isinstance(value, str):
        # Another tab saved: show its state, and do not write it back (no ping-pong between tabs).
        try:
            return _adopt(model, from_storage(value))
        except StateError:
            return model
    if kind == "saving_off" and model.saving:
        return replace(model, saving=False, writes=(), notices=(*model.notices, SAVING_OFF))
    return model


def view(model: Model, build: str = "") -> dict[str, Any]:
    """Everything the page shows and stores, as plain JSON-ready data."""
    return views.view(model, build)
