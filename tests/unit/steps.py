"""Test helpers: boot and update as the tests follow them, Model to Model, with each step's
effects (writes, a download, a focus) kept aside for the tests that ask about them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from secondround import app
from secondround.app.model import Model
from secondround.app.steps import Step
from secondround.protocol import Effects

_steps: dict[int, Step] = {}


def _record(step: Step) -> Model:
    # Property tests take thousands of steps and a test looks a few back: the oldest go, never
    # the latest (clearing them all once lost the step a test had just made).
    if len(_steps) >= 500:
        for key in list(_steps)[:250]:
            del _steps[key]
    # Moved to the end if already there (an update that changed nothing returns the same Model).
    _steps.pop(id(step[0]), None)
    _steps[id(step[0])] = step
    return step[0]


def boot(storage: Mapping[str, str], saving: bool, event: Mapping[str, Any]) -> Model:
    return _record(app.boot(storage, saving, event))


def update(model: Model, event: Mapping[str, Any]) -> Model:
    return _record(app.update(model, event))


def effects(model: Model) -> Effects:
    """The effects of the step that made this Model (a Model no step made has none)."""
    step = _steps.get(id(model))
    return step[1] if step is not None and step[0] is model else Effects()
