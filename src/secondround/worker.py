"""The worker's entry: JSON text in, JSON text out, one Model per browser tab.

The page's worker script calls handle() with each event. Plain strings cross the boundary (no
`js` import here), which is fast and keeps this module testable on CPython. Between views of the
same page only the edits are sent (render.diff), so the page's main thread does little per key.
"""

from __future__ import annotations

import json
import traceback
from dataclasses import dataclass, replace
from typing import Any

from secondround.app import boot, update, view
from secondround.model import Model, Notice
from secondround.render import Node, diff

__all__ = ["FAILED_EVENT", "Session", "handle", "rehearse"]

FAILED_EVENT = Notice(
    "error",
    "Something went wrong with that change, so it was not made. Your checklist is as it was.",
)
# Events after which the page holds no tree we know of: it gets the whole tree, not edits.
FULL_TREE_EVENTS = frozenset({"boot", "mount"})


@dataclass
class Session:
    model: Model | None = None
    build: str = ""
    shown: Node | None = None

    def handle(self, message: str) -> str:
        """Apply one event from the page; answer with the View (or its edits) and the writes."""
        event = _parse(message)
        kind = event.get("type")
        if kind == "boot" or self.model is None:
            self.build = str(event.get("build", ""))
            self.model = boot(
                _storage(event.get("storage")), bool(event.get("saving", True)), event
            )
            before = None
        else:
            before = self.model
            try:
                self.model = update(self.model, event)
            except Exception:  # a bug must not take the reader's checklist down with it
                traceback.print_exc()
                self.model = replace(self.model, notices=(*self.model.notices, FAILED_EVENT))
        try:
            shown, tree, ops = self._render(kind)
        except Exception:
            # A bug in drawing the new state: the reader keeps the state they had, and is told;
            # they are never told that Python could not start.
            traceback.print_exc()
            if before is None:
                raise
            self.model = replace(before, notices=(*before.notices, FAILED_EVENT))
            shown, tree, ops = self._render(kind)
        if ops is None:
            shown["tree"] = tree
        else:
            shown["ops"] = ops
        self.shown = tree
        # The page makes these writes (and the download) now; never again with the next View.
        self.model = replace(self.model, writes=(), download=None, forget=False, focus="")
        return json.dumps(
            {"type": "view", "view": shown}, ensure_ascii=False, separators=(",", ":")
        )

    def _render(self, kind: object) -> tuple[dict[str, Any], Node, Any]:
        """The View of the current model: the whole tree, or edits to the one on screen."""
        assert self.model is not None
        shown = view(self.model, self.build)
        tree: Node = shown.pop("tree")
        if kind in FULL_TREE_EVENTS or self.shown is None:
            return shown, tree, None
        return shown, tree, diff(self.shown, tree)


def _parse(message: str) -> dict[str, Any]:
    try:
        event = json.loads(message)
    except ValueError:
        return {}
    return event if isinstance(event, dict) else {}


def _storage(value: Any) -> dict[str, str]:
    if not isinstance(value, dict):
        return {}
    return {k: v for k, v in value.items() if isinstance(k, str) and isinstance(v, str)}


_session = Session()
_rehearsal = Session()


def handle(message: str) -> str:
    """The tab's one session: what the worker script calls."""
    return _session.handle(message)


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
