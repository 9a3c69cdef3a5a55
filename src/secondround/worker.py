"""The worker's entry: one JSON text in, one JSON text out, one Model per browser tab.

The page's worker script calls handle() with each event (protocol.py declares both sides).
Plain strings cross the boundary (no `js` import here), which is fast and keeps this module
testable on CPython. Between views of the same page only the edits are sent (render.diff), so
the page's main thread does little per key. It is also where randomness is drawn: every event
gets its fresh_id here (protocol.FRESH_ID), so app.update stays a function of its inputs.
"""

from __future__ import annotations

import base64
import json
import os
import sys
import traceback
from dataclasses import dataclass, replace
from typing import Any

from secondround.app import Model, Notice, boot, glance, update, view
from secondround.app.render import Node, diff
from secondround.protocol import (
    FRESH_ID,
    FRESH_ID_SHAPE,
    FULL_TREE_EVENTS,
    NO_EFFECTS,
    problem_with,
    view_message,
)

__all__ = [
    "FAILED_EVENT",
    "Session",
    "handle",
    "handle_all",
    "new_id",
    "prepare",
    "read_event",
    "rehearse",
]

FAILED_EVENT = Notice(
    "error",
    "Something went wrong with that change, so it was not made. Your checklist is as it was.",
)


@dataclass
class Session:
    model: Model | None = None
    shown: Node | None = None

    def handle(self, message: str) -> str:
        """Apply one event from the page; answer with the View (or its edits) and the effects."""
        return self.handle_many([message])

    def handle_many(self, messages: list[str]) -> str:
        """Apply events in order and answer them with one View: the last one is all that shows.

        The events typed while Python started arrive together; drawing each in turn would keep
        the reader waiting for Views no one sees.
        """
        start = self.model
        effects = NO_EFFECTS
        whole = False
        for message in messages:
            event, problem = read_event(message)
            kind = event.get("type")
            # Even a refused boot or mount leaves the page holding a tree the worker never drew.
            whole = whole or (isinstance(kind, str) and kind in FULL_TREE_EVENTS)
            if problem:
                # The page's bug, not the reader's: said in the console (Pyodide routes stderr
                # there), and the kit carries on as it was. Only a first message, with no
                # Model yet, still starts the kit from what can be read of it.
                print(f"Second Round ignored a message from the page: {problem}", file=sys.stderr)
                if self.model is not None:
                    continue
            event = _with_fresh_id(event)
            if kind == "boot" or self.model is None:
                self.model, done = boot(
                    _storage(event.get("storage")), bool(event.get("saving", True)), event
                )
                start = None
                effects = effects + done
                continue
            before = self.model
            try:
                self.model, done = update(before, event)
                effects = effects + done
            except Exception:  # a bug must not take the reader's checklist down with it
                traceback.print_exc()
                self.model = _failed(before)
        try:
            shown = self._render(whole)
        except Exception:
            # A bug in drawing the new state: the reader keeps the state they had, and is told;
            # they are never told that Python could not start.
            traceback.print_exc()
            if start is None:
                raise
            self.model, effects = _failed(start), NO_EFFECTS
            shown = self._render(whole)
        return view_message(shown, effects, answers=len(messages))

    def _render(self, whole: bool) -> dict[str, Any]:
        """The View of the current model: the whole tree, or edits to the one on screen."""
        assert self.model is not None
        shown = view(self.model)
        tree: Node = shown.pop("tree")
        if whole or self.shown is None:
            shown["tree"] = tree
        else:
            shown["ops"] = diff(self.shown, tree)
        self.shown = tree
        return shown


def _failed(model: Model) -> Model:
    return replace(model, notices=(*model.notices, FAILED_EVENT))


def read_event(message: str) -> tuple[dict[str, Any], str]:
    """The page's message as an event, and why it cannot be one ("" when it can)."""
    try:
        event = json.loads(message)
    except (ValueError, RecursionError):  # RecursionError: nested past the parser's depth
        return {}, "the message is not JSON text"
    problem = problem_with(event)
    return (event if isinstance(event, dict) else {}), problem


def new_id() -> str:
    """A fresh application identity: 72 random bits, URL-safe (the browser's crypto in Pyodide).

    Drawn here, at the door, never inside update: update stays a function of its inputs.
    """
    return base64.urlsafe_b64encode(os.urandom(9)).decode("ascii")


def _with_fresh_id(event: dict[str, Any]) -> dict[str, Any]:
    """The event with a fresh id for whatever it may create: the page's if well formed."""
    given = event.get(FRESH_ID)
    if isinstance(given, str) and FRESH_ID_SHAPE.fullmatch(given):
        return event
    return {**event, FRESH_ID: new_id()}


def _storage(value: Any) -> dict[str, str]:
    if not isinstance(value, dict):
        return {}
    return {k: v for k, v in value.items() if isinstance(k, str) and isinstance(v, str)}


_session = Session()
_rehearsal = Session()


def handle(message: str) -> str:
    """The tab's one session: what the worker script calls."""
    return _session.handle(message)


def handle_all(messages: str) -> str:
    """The events that queued while Python started, as a JSON list of their texts."""
    try:
        texts = json.loads(messages)
    except ValueError:
        texts = []
    if not isinstance(texts, list) or not texts:
        texts = [""]
    return _session.handle_many([t if isinstance(t, str) else "" for t in texts])


# Enough for every application the kit keeps active, and the caches of the view hold them all.
MAX_PREPARED = 25


def prepare(step: int) -> bool:
    """Draw, unseen, the `step`th other application the reader may switch to; False when
    there is none left. The page calls this while the reader reads: the View's parts are
    cached by what they show, so the switch itself then only puts them together.
    """
    model = _session.model
    if model is None or step >= MAX_PREPARED:
        return False
    others = [e.id for e in model.shelf.entries if e.status != "deleted" and e.id != model.state.id]
    if step >= len(others):
        return False
    try:
        ahead = glance(model, others[step])
        if ahead is not None:
            view(ahead)
    except Exception:  # only a head start: the real switch draws it anyway, and says so if it fails
        traceback.print_exc()
        return False
    return True


def rehearse(step: int) -> None:
    """One made-up keystroke on a private session, never shown or saved.

    WebAssembly starts on a baseline compiler and optimizes what runs often; a few dozen of
    these while the reader is still reading make their first keystrokes as fast as the rest.
    """
    if _rehearsal.model is None:
        _rehearsal.handle(json.dumps({"type": "boot", "storage": {}, "saving": False}))
    _rehearsal.handle(
        json.dumps({"type": "field", "arg": "interviewers.0.topics", "value": "x" * (step % 30)})
    )
