"""Handlers for "Forget me on this device": asked once, then erased, with an Undo for the tab."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from secondround.app.keep_view import FORGET_FIRST, UNDO_FORGET
from secondround.app.model import STATE_KEY, Model
from secondround.app.notices import BROUGHT_BACK, FORGOTTEN, FORGOTTEN_UNDO
from secondround.app.steps import Outbox, adopt, blank_state, notify, store
from secondround.saved import records
from secondround.saved.applications import HOME_KEY, app_key

__all__ = ["on_forget", "on_unforget"]


def _blank(model: Model) -> Model:
    """A kit with nothing of the reader's, on the same clock, in the same browser."""
    return Model(
        today=model.today,
        now=model.now,
        utc=model.utc,
        saving=model.saving,
        home_region=model.home_region,
    )


def on_forget(model: Model, arg: str, value: Any, out: Outbox) -> Model:
    if arg == "cancel":
        return replace(model, confirm_forget=False)
    if arg != "confirm" or not model.confirm_forget:
        # The first click asks, with an export offered first (where the focus goes).
        out.focus = FORGET_FIRST
        return replace(model, confirm_forget=True)
    # Nothing is kept aside in storage, on purpose: the reader asked for nothing of theirs to
    # remain in this browser. This tab's memory keeps the writes that would bring it back.
    kept = tuple((app_key(e.id), records.record_text(e)) for e in model.shelf.entries)
    if kept:
        kept += ((HOME_KEY, records.home_text(model.shelf)),)
        out.focus = UNDO_FORGET
    out.forget = True
    return replace(_blank(model), notices=(FORGOTTEN_UNDO if kept else FORGOTTEN,), forgotten=kept)


def on_unforget(model: Model, arg: str, value: Any, out: Outbox) -> Model:
    if not model.forgotten:
        return model
    loaded = records.load(dict(model.forgotten), STATE_KEY, out.ids.take())
    back = replace(_blank(model), shelf=loaded.shelf)
    back = adopt(back, loaded.current if loaded.current is not None else blank_state(back))
    return notify(store(back, model.forgotten, out), BROUGHT_BACK)
