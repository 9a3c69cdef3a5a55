"""The worker's entry: JSON text in, JSON text out, one Model per browser tab.

The page's worker script calls handle() with each event; Python never touches `js` here, because
plain strings cross the boundary faster and keep this module testable on CPython.
"""

from __future__ import annotations

import json
import traceback
from dataclasses import replace
from typing import Any

from secondround.app import boot, update, view
from secondround.model import Model, Notice

__all__ = ["handle"]

FAILED_EVENT = Notice(
    "error",
    "Something went wrong with that change, so it was not made. Your checklist is as it was.",
)

_session: dict[str, Any] = {"model": None, "build": ""}


def handle(message: str) -> str:
    """Apply one event from the page and answer with the View to show and the writes to make."""
    try:
        event = json.loads(message)
    except ValueError:
        event = {}
    if not isinstance(event, dict):
        event = {}
    model: Model | None = _session["model"]
    if event.get("type") == "boot" or model is None:
        storage = event.get("storage")
        storage = (
            {k: v for k, v in storage.items() if isinstance(v, str)}
            if isinstance(storage, dict)
            else {}
        )
        _session["build"] = str(event.get("build", ""))
        model = boot(storage, bool(event.get("saving", True)), event)
    else:
        try:
            model = update(model, event)
        except Exception:
            traceback.print_exc()
            model = replace(model, notices=(*model.notices, FAILED_EVENT))
    result = view(model, _session["build"])
    # The page makes these writes (and the download) now; never again with the next View.
    _session["model"] = replace(model, writes=(), download=None)
    return json.dumps({"type": "view", "view": result}, ensure_ascii=False, separators=(",", ":"))
