"""Handlers for a draft the reader rewrites: start, edit, done, back to the generated text."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from secondround.app import drafts_view
from secondround.app.model import Model
from secondround.app.steps import Outbox, persist
from secondround.input.fields import clip_block
from secondround.saved.state import EDIT_KEY, MAX_EDIT_CHARS, MAX_EDITS

__all__ = ["on_edit", "on_edit_done", "on_edit_start", "on_unedit"]


def on_edit_start(model: Model, arg: str, value: Any, out: Outbox) -> Model:
    if not EDIT_KEY.fullmatch(arg):
        return model
    out.focus = drafts_view.edit_box_id(arg)
    return replace(model, editing=arg)


def on_edit_done(model: Model, arg: str, value: Any, out: Outbox) -> Model:
    return replace(model, editing="")


def on_edit(model: Model, arg: str, value: Any, out: Outbox) -> Model:
    """The reader rewrote a draft: their text is kept, and travels with the checklist."""
    if not EDIT_KEY.fullmatch(arg) or not isinstance(value, str):
        return model
    edits = dict(model.state.edits)
    text = clip_block(value, MAX_EDIT_CHARS)
    waiting = drafts_view.waiting_on(model)
    if text == drafts_view.generated_text(model.state, arg, waiting, model.today):
        edits.pop(arg, None)  # typed back to what the form writes: it follows the form again
    elif len(edits) < MAX_EDITS or arg in edits:
        edits[arg] = text
    if edits == dict(model.state.edits):
        return model
    return persist(replace(model, state=replace(model.state, edits=edits)), out)


def on_unedit(model: Model, arg: str, value: Any, out: Outbox) -> Model:
    if arg not in model.state.edits:
        return model
    edits = {k: v for k, v in model.state.edits.items() if k != arg}
    state = replace(model.state, edits=edits)
    return persist(
        replace(model, state=state, editing="" if model.editing == arg else model.editing), out
    )
