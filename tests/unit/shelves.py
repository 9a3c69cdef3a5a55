"""Test helpers: a browser's storage holding given applications, and what a model saved."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from steps import effects

from secondround.app.model import Model
from secondround.saved.applications import HOME_KEY, Entry, Shelf, Status, app_key, you_of
from secondround.saved.codec import to_storage
from secondround.saved.records import home_text, read_record, record_text
from secondround.saved.state import State


def with_ids(*states: State) -> tuple[State, ...]:
    """The states, each with an identity ("app1", "app2", ... where it had none)."""
    return tuple(s if s.id else replace(s, id=f"app{i + 1}") for i, s in enumerate(states))


def storage_of(
    *states: State, statuses: Sequence[Status] = (), current: str = ""
) -> dict[str, str]:
    """localStorage as schema 3 writes it for these applications (the first one's details)."""
    named = with_ids(*states)
    entries = tuple(
        Entry(s, statuses[i] if i < len(statuses) else "active") for i, s in enumerate(named)
    )
    shelf = Shelf(entries, you_of(named[0].profile), current or named[0].id)
    return {
        **{app_key(e.id): record_text(e) for e in entries},
        HOME_KEY: home_text(shelf),
    }


def saved_state(model: Model) -> str | None:
    """The shown application as this model asked the page to save it, in to_storage's form."""
    key = app_key(model.state.id)
    text = dict(effects(model).writes).get(key)
    return None if text is None else to_storage(read_record(key, text).state)
