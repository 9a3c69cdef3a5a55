"""The View's cached parts: whatever a reader does, the View equals one built with every cache
empty, and a tree already handed out is never changed afterwards."""

from __future__ import annotations

import copy
from dataclasses import replace
from datetime import date
from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from shelves import storage_of
from steps import boot, update
from strategies import hostile_text

from secondround.app import application_views, views
from secondround.app.model import Model
from secondround.app.on_applications import glance
from secondround.app.update import view
from secondround.input.example import example_profile
from secondround.input.fields import form_paths
from secondround.saved.state import State

CLOCK = {"now_ms": 1_795_689_000_000, "tz_offset_min": 0}

# Every declared field of the form, for three people (a field added later is typed in too).
_PATHS = st.sampled_from(sorted({path for i in range(3) for path in form_paths(i)}))
_DATES = st.sampled_from(["2026-11-02", "2026-11-20", "2026-12-24", "not a date", ""])

_events = st.one_of(
    st.tuples(st.just("field"), _PATHS, hostile_text),
    st.tuples(st.just("field"), st.sampled_from(["interview_date", "decision_date"]), _DATES),
    st.tuples(st.just("leave"), _PATHS, st.just("")),
    st.tuples(st.just("add_interviewer"), st.just(""), st.just("")),
    st.tuples(st.just("remove_interviewer"), st.sampled_from(["0", "1", "2"]), st.just("")),
    st.tuples(st.just("undo_remove"), st.just(""), st.just("")),
    st.tuples(st.just("check"), st.sampled_from(["email-p1", "card-p1", "call"]), st.just("")),
    st.tuples(st.just("outcome"), st.sampled_from(["waiting", "offer", "not_hired"]), st.just("")),
    st.tuples(st.just("edit_start"), st.just("p1:email"), st.just("")),
    st.tuples(st.just("edit"), st.just("p1:email"), hostile_text),
    st.tuples(st.just("app_add"), st.just(""), st.just("")),
    st.tuples(st.just("app_copy"), st.just(""), st.just("")),
    st.tuples(st.just("dismiss"), st.just("0"), st.just("")),
)


def _uncached_view(model: Model) -> dict[str, Any]:
    for module in (views, application_views):
        for value in vars(module).values():
            if callable(getattr(value, "cache_clear", None)):
                value.cache_clear()
    return view(model)


@given(st.lists(_events, max_size=12))
def test_the_view_is_the_same_with_or_without_its_caches(
    steps: list[tuple[str, str, str]],
) -> None:
    model = boot({}, True, CLOCK)
    handed_out: list[tuple[Any, Any]] = []
    for kind, arg, value in steps:
        model = update(model, {"type": kind, "arg": arg, "value": value, **CLOCK})
        cached = view(model)
        handed_out.append((cached["tree"], copy.deepcopy(cached["tree"])))
        assert cached == _uncached_view(model)
    # The trees given to the page earlier are as they were: a cache hit never edits a tree.
    for tree, as_given in handed_out:
        assert tree == as_given


def test_a_part_that_did_not_change_is_the_same_object() -> None:
    model = boot({}, True, CLOCK)
    model = update(model, {"type": "add_interviewer", **CLOCK})
    model = update(model, {"type": "field", "arg": "interviewers.1.name", "value": "A", **CLOCK})
    before = view(model)["tree"]
    model = update(model, {"type": "field", "arg": "interviewers.1.name", "value": "Al", **CLOCK})
    after = view(model)["tree"]
    # The first person's fieldset did not change, so the diff skips it without walking it.
    people_before = _find(before, "sr-person")
    people_after = _find(after, "sr-person")
    assert people_before[0] is people_after[0]
    assert people_before[1] is not people_after[1]


def _find(node: Any, css: str) -> list[Any]:
    if not isinstance(node, list):
        return []
    found = [node] if css in str(node[1].get("class", "")).split() else []
    for child in node[2:]:
        found += _find(child, css)
    return found


def test_a_switch_finds_the_parts_drawn_ahead_of_it() -> None:
    example = example_profile(date(2026, 11, 2))
    storage = storage_of(
        State(profile=replace(example, company="Acme")),
        State(profile=replace(example, company="Birch")),
    )
    model = boot(storage, True, CLOCK)
    other = next(e.id for e in model.shelf.entries if e.id != model.state.id)
    ahead = glance(model, other)
    assert ahead is not None
    drawn = view(ahead)["tree"]
    switched = view(update(model, {"type": "app_switch", "arg": other, **CLOCK}))["tree"]
    assert switched == drawn
    assert _find(switched, "sr-draft")[0] is _find(drawn, "sr-draft")[0]
    assert _find(switched, "sr-person")[0] is _find(drawn, "sr-person")[0]
