"""The kit's one API, pure: update(model, event) -> (model, effects) and view(model) -> View."""

from __future__ import annotations

from dataclasses import replace
from typing import Any, cast

from secondround.app import views
from secondround.app.model import Model
from secondround.app.on_applications import (
    on_app_add,
    on_app_archive,
    on_app_copy,
    on_app_delete,
    on_app_switch,
    on_app_unarchive,
    on_app_undelete,
)
from secondround.app.on_arrival import (
    on_download,
    on_import,
    on_mount,
    on_saving_off,
    on_storage,
)
from secondround.app.on_drafts import on_edit, on_edit_done, on_edit_start, on_unedit
from secondround.app.on_forget import on_forget, on_unforget
from secondround.app.on_form import (
    on_add_interviewer,
    on_check,
    on_dismiss,
    on_field,
    on_flag,
    on_keep_example,
    on_leave,
    on_outcome,
    on_remove_interviewer,
    on_reset,
    on_restore,
    on_undo_remove,
)
from secondround.app.steps import Event, Handler, Ids, Outbox, Step, clock, fresh_id, seed_of
from secondround.protocol import Effects, EventKind

__all__ = ["HANDLERS", "update", "view"]


# Every event kind but "boot" (which makes the first Model): tests/site check both lists agree.
HANDLERS: dict[EventKind, Handler] = {
    "field": on_field,
    "leave": on_leave,
    "flag": on_flag,
    "outcome": on_outcome,
    "add_interviewer": on_add_interviewer,
    "remove_interviewer": on_remove_interviewer,
    "undo_remove": on_undo_remove,
    "check": on_check,
    "reset": on_reset,
    "keep_example": on_keep_example,
    "edit_start": on_edit_start,
    "edit": on_edit,
    "edit_done": on_edit_done,
    "unedit": on_unedit,
    "forget": on_forget,
    "unforget": on_unforget,
    "restore": on_restore,
    "dismiss": on_dismiss,
    "import": on_import,
    "mount": on_mount,
    "storage": on_storage,
    "saving_off": on_saving_off,
    "download": on_download,
    "app_add": on_app_add,
    "app_copy": on_app_copy,
    "app_switch": on_app_switch,
    "app_archive": on_app_archive,
    "app_unarchive": on_app_unarchive,
    "app_delete": on_app_delete,
    "app_undelete": on_app_undelete,
}


def update(model: Model, event: Event) -> Step:
    """Apply one user action; unknown or malformed events leave the model as it was."""
    today, now, utc = clock(event)
    kind = str(event.get("type"))
    # A removal waiting for its confirming click is forgotten once the reader does anything else.
    armed = model.confirm_remove if kind in ("remove_interviewer", "leave") else ""
    # So is a "Forget me" waiting for its confirming click (an export first keeps it asked).
    asked = model.confirm_forget and kind in ("forget", "download")
    model = replace(
        model, today=today, now=now, utc=utc, confirm_remove=armed, confirm_forget=asked
    )
    handler = HANDLERS.get(cast(EventKind, kind))  # any text may arrive: unknown gives None
    if handler is None:
        return model, Effects()
    out = Outbox(Ids(fresh_id(event, seed_of(model))))
    model = handler(model, str(event.get("arg") or ""), event.get("value"), out)
    return model, out.effects()


def view(model: Model) -> dict[str, Any]:
    """Everything the page shows, as plain JSON-ready data (what it stores comes as Effects)."""
    return views.view(model)
