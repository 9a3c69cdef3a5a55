"""The kit's one API, pure: boot, update(model, event) -> (model, effects) and view(model).

The handlers are grouped by what they act on (on_form, on_drafts, on_applications,
on_arrival); the view is built in parts (form_view, checklist_view, drafts_view, keep_view).
"""

from secondround.app.model import Model, Notice
from secondround.app.on_applications import glance
from secondround.app.on_arrival import boot
from secondround.app.steps import Event, Step
from secondround.app.update import HANDLERS, update, view

__all__ = ["HANDLERS", "Event", "Model", "Notice", "Step", "boot", "glance", "update", "view"]
