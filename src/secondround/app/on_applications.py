"""Handlers for the list of applications: add, copy, switch, archive, delete and bring back."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from secondround.app.model import Model, Notice
from secondround.app.notices import FULL
from secondround.app.steps import (
    Ids,
    Outbox,
    active_count,
    adopt,
    blank_state,
    fresh_id,
    notify,
    persist,
    seed_of,
    show_entry,
    show_next,
    store,
    switched,
)
from secondround.app.summaries import named
from secondround.saved import applications, records
from secondround.saved.applications import (
    MAX_ACTIVE,
    Entry,
)

__all__ = [
    "glance",
    "on_app_add",
    "on_app_archive",
    "on_app_copy",
    "on_app_delete",
    "on_app_switch",
    "on_app_unarchive",
    "on_app_undelete",
]


def on_app_switch(model: Model, arg: str, value: Any, out: Outbox) -> Model:
    entry = model.shelf.get(arg)
    if entry is None or entry.status == "deleted" or arg == model.state.id:
        return model
    return show_entry(model, entry.state, out)


def glance(model: Model, ident: str) -> Model | None:
    """What switching to application `ident` would show, with nothing stored or sent: the
    worker draws it ahead of time, so the real switch finds its parts already built."""
    entry = model.shelf.get(ident)
    if entry is None or entry.status == "deleted" or ident == model.state.id:
        return None
    return show_entry(model, entry.state, Outbox(Ids(fresh_id({}, seed_of(model)))))


def on_app_add(model: Model, arg: str, value: Any, out: Outbox) -> Model:
    if active_count(model) >= MAX_ACTIVE:
        return notify(model, FULL)
    new = replace(blank_state(model), id=out.ids.take())
    out.focus = "sr-f-company"
    return persist(switched(model, new), out)


def on_app_copy(model: Model, arg: str, value: Any, out: Outbox) -> Model:
    if active_count(model) >= MAX_ACTIVE:
        return notify(model, FULL)
    source = named(model.state)
    new = applications.copy_of(model.state, out.ids.take())
    out.focus = "sr-f-company"
    copied = persist(switched(model, new), out)
    return notify(
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
    shelf, writes = records.set_status(model.shelf, entry.id, status, model.now)
    return store(replace(model, shelf=shelf), writes, out)


def on_app_archive(model: Model, arg: str, value: Any, out: Outbox) -> Model:
    entry = _target(model, arg)
    if entry is None or entry.status != "active":
        return model
    return _with_status(model, entry, "archived", out)


def on_app_unarchive(model: Model, arg: str, value: Any, out: Outbox) -> Model:
    entry = _target(model, arg)
    if entry is None or entry.status != "archived":
        return model
    if active_count(model) >= MAX_ACTIVE:
        return notify(model, FULL)
    return _with_status(model, entry, "active", out)


def on_app_delete(model: Model, arg: str, value: Any, out: Outbox) -> Model:
    entry = _target(model, arg)
    if entry is None or entry.status == "deleted":
        return model
    name = named(entry.state)
    notices = tuple(n for n in model.notices if n.action != "app_undelete")
    model = replace(_with_status(model, entry, "deleted", out), deleted=entry.id, notices=notices)
    if entry.id == model.state.id:
        model = show_next(model, out)
    undo = Notice("info", f"You deleted {name}.", "app_undelete", "Undo: bring it back")
    return notify(model, undo)


def on_app_undelete(model: Model, arg: str, value: Any, out: Outbox) -> Model:
    """Bring back the application deleted last, or the one a bookmark link is to."""
    returning = model.returning
    entry = model.shelf.get(returning.id if returning else model.deleted)
    notices = tuple(n for n in model.notices if n.action != "app_undelete")
    model = replace(model, notices=notices, returning=None, deleted="")
    if entry is None or entry.status != "deleted":
        return model
    if active_count(model) >= MAX_ACTIVE:
        return notify(model, FULL)
    model = _with_status(model, entry, "active", out)
    model = show_entry(model, entry.state, out)
    if returning is not None and returning.revision > entry.state.revision:
        # The link holds a newer copy than the one kept here: the newer one comes back.
        model = persist(adopt(model, returning), out)
    return model
