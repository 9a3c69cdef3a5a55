"""Parse once, at the door: one view() enters the parsing modules a few times, not at every turn."""

from __future__ import annotations

import sys
from collections import Counter
from types import FrameType
from typing import Any

import pytest
from steps import boot, update

from secondround.app import view
from secondround.app.model import Model

# The modules that read what the reader typed: everything above them reads their Facts.
PARSING = ("text", "names", "phrasing", "validate", "facts")
CLOCK = {"now_ms": 1_795_689_000_000, "tz_offset_min": 0, "language": "en-US"}
# facts_of for the application shown (its profile changed), and at most two more doors: the
# goal the issue set (17 entries into profile.py, 5 parses of a date, before).
MOST_ENTRIES = 3


def _module(frame: FrameType) -> str:
    return str(frame.f_globals.get("__name__", ""))


def _entries_during(call: Any) -> Counter[str]:
    """Calls into a parsing module from outside the input package, by callee."""
    entries: Counter[str] = Counter()
    parsing = {f"secondround.input.{name}" for name in PARSING}

    def watch(frame: FrameType, event: str, arg: object) -> None:
        if event != "call" or _module(frame) not in parsing or frame.f_back is None:
            return
        if frame.f_code.co_name.startswith("__"):
            return  # a Facts compared or hashed as a cache key: no text is read
        caller = _module(frame.f_back)
        # Calls from the standard library (a re.sub callback) are the parse's own.
        stdlib = caller.split(".")[0] in sys.stdlib_module_names
        if not stdlib and not caller.startswith("secondround.input."):
            entries[f"{_module(frame)}.{frame.f_code.co_name} from {_module(frame.f_back)}"] += 1

    sys.setprofile(watch)
    try:
        call()
    finally:
        sys.setprofile(None)
    return entries


def _kit(*events: dict[str, Any]) -> Model:
    """The kit after these events, each shown as the worker shows it (a View after each)."""
    model = boot({}, True, CLOCK)
    view(model)
    for event in events:
        model = update(model, {**event, **CLOCK})
        view(model)
    return update(model, {"type": "field", "arg": "company", "value": "Contoso", **CLOCK})


@pytest.mark.parametrize(
    "events",
    [
        pytest.param([{"type": "field", "arg": "name", "value": "Ada Lovelace"}], id="a-keystroke"),
        pytest.param(
            [
                {"type": "add_interviewer"},
                {"type": "field", "arg": "interviewers.1.name", "value": "dr. lee park"},
                {"type": "field", "arg": "decision_date", "value": "2026-12-15"},
            ],
            id="a-panel-with-a-decision-date",
        ),
        pytest.param(
            [{"type": "outcome", "value": "offer"}, {"type": "app_add"}], id="two-applications"
        ),
    ],
)
def test_a_view_after_a_keystroke_enters_the_parsing_modules_at_most_three_times(
    events: list[dict[str, Any]],
) -> None:
    model = _kit(*events)
    entries = _entries_during(lambda: view(model))
    assert sum(entries.values()) <= MOST_ENTRIES, entries


def test_the_count_sees_a_parse_from_above() -> None:
    # The watch itself: a view layer that parsed a date would be counted.
    from secondround.input.text import parse_date

    entries = _entries_during(lambda: parse_date("2026-12-07"))
    assert entries == Counter({"secondround.input.text.parse_date from test_parse_once": 1})
