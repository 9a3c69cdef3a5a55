"""update is a function: the same Model and event give the same result, and the ids a new
application takes come in with the event (the door draws them), never from os.urandom."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from shelves import storage_of
from test_actions import visit

from secondround import app
from secondround.app.model import SHARE_MARK, STATE_KEY, Model
from secondround.app.steps import Ids, fresh_id
from secondround.input.example import example_profile
from secondround.protocol import FRESH_ID, FRESH_ID_SHAPE
from secondround.saved.codec import to_bookmark, to_storage
from secondround.saved.state import State

CLOCK = {"now_ms": 1_795_689_000_000, "tz_offset_min": 0}
GIVEN = "given-by-doo"


def ev(kind: str, **fields: Any) -> dict[str, Any]:
    return {"type": kind, **CLOCK, **fields}


def _example() -> Model:
    return app.boot({}, True, ev("boot"))[0]


def _company(name: str, ident: str = "") -> State:
    profile = replace(example_profile(_example().today), company=name)
    return State(profile=profile, id=ident, revision=2)


def _three() -> Model:
    """A browser keeping three applications."""
    storage = storage_of(_company("Northwind"), _company("Contoso"), _company("Fabrikam"))
    return app.boot(storage, True, ev("boot"))[0]


def _export_of_three() -> str:
    download = app.update(_three(), ev("download", arg="json"))[1].download
    assert download is not None
    return download.text


# (what the case is, the Model before, the event): events that add applications. Each gives
# out a new id, but an import of this schema's file, whose applications have theirs.
CASES: list[tuple[str, Callable[[], Model], dict[str, Any]]] = [
    ("first edit of the example", _example, ev("field", arg="name", value="Ada Obi")),
    ("add an application", _three, ev("app_add")),
    ("copy an application", _three, ev("app_copy")),
    ("import several applications", _example, ev("import", value=_export_of_three())),
    (
        "import a checklist from before identities",
        _three,
        ev("import", value=to_storage(_company("Old Ltd"))),
    ),
    (
        "open a shared bookmark",
        _three,
        ev("mount", value="#" + SHARE_MARK + to_bookmark(_company("Shared Co", "friend"))),
    ),
]
NAMES = [name for name, _, _ in CASES]
KEEP_THEIR_IDS = {"import several applications"}


def _new_ids(before: Model, after: Model) -> set[str]:
    old = {e.id for e in before.shelf.entries} | {before.state.id}
    return {e.id for e in after.shelf.entries} - old


@pytest.mark.parametrize(("name", "start", "event"), CASES, ids=NAMES)
@pytest.mark.parametrize("door", [False, True], ids=["no-fresh-id", "fresh-id"])
def test_the_same_model_and_event_give_the_same_result(
    name: str, start: Callable[[], Model], event: dict[str, Any], door: bool
) -> None:
    model = start()
    sent = {**event, FRESH_ID: GIVEN} if door else event
    first = app.update(model, sent)
    again = app.update(model, sent)
    assert first == again
    made = _new_ids(model, first[0])
    assert made, "nothing was added: the case tests nothing"
    if name in KEEP_THEIR_IDS:
        return
    assert all(FRESH_ID_SHAPE.fullmatch(ident) for ident in made)
    if door:
        assert GIVEN in made  # the first new id is the one the door drew


@pytest.mark.parametrize(
    ("name", "start", "event"),
    [case for case in CASES if case[0] not in KEEP_THEIR_IDS],
    ids=[name for name in NAMES if name not in KEEP_THEIR_IDS],
)
def test_another_fresh_id_gives_another_application(
    name: str, start: Callable[[], Model], event: dict[str, Any]
) -> None:
    model = start()
    one = app.update(model, {**event, FRESH_ID: "AAAAAAAAAAAA"})[0]
    two = app.update(model, {**event, FRESH_ID: "BBBBBBBBBBBB"})[0]
    assert _new_ids(model, one) != _new_ids(model, two)


def test_update_and_boot_never_draw_randomness(monkeypatch: pytest.MonkeyPatch) -> None:
    def no(n: int) -> bytes:
        raise AssertionError("os.urandom was called inside the core")

    monkeypatch.setattr(os, "urandom", no)
    for _, start, event in CASES:
        model = start()
        for sent in (event, {**event, FRESH_ID: GIVEN}):
            after = app.update(model, sent)[0]
            assert _new_ids(model, after)
    legacy = {STATE_KEY: to_storage(_company("Legacy Ltd"))}
    booted = app.boot(legacy, True, ev("boot"))[0]
    assert FRESH_ID_SHAPE.fullmatch(booted.state.id)
    # A whole visit: most event kinds, several of them adding applications.
    assert len(list(visit())) > 20


def test_an_event_without_a_fresh_id_gets_one_from_its_clock_and_the_model() -> None:
    model = _three()
    seed = repr(model.shelf)
    made = fresh_id(ev("app_add"), seed)
    assert FRESH_ID_SHAPE.fullmatch(made)
    assert made == fresh_id(ev("app_add"), seed)
    assert made != fresh_id(ev("app_add"), seed + "another application")
    assert made != fresh_id({**ev("app_add"), "now_ms": CLOCK["now_ms"] + 1}, seed)
    # A fresh_id of the wrong shape is not taken as it is.
    for wrong in ("short", "x" * 13, "twelve chars", 123456789012, None):
        assert fresh_id({**ev("app_add"), FRESH_ID: wrong}, seed) != wrong
    assert fresh_id({**ev("app_add"), FRESH_ID: GIVEN}, seed) == GIVEN


def test_two_new_applications_in_a_row_get_two_ids() -> None:
    model = _three()
    one = app.update(model, ev("app_add"))[0]
    two = app.update(one, ev("app_add"))[0]
    assert one.state.id != two.state.id
    assert len({e.id for e in two.shelf.entries}) == len(two.shelf.entries) == 5


@given(fresh=st.from_regex(r"[A-Za-z0-9_-]{12}", fullmatch=True))
def test_one_event_gives_out_distinct_ids_derived_from_its_fresh_one(fresh: str) -> None:
    ids = Ids(fresh)
    taken = [ids.take() for _ in range(30)]
    assert taken[0] == fresh
    assert len(set(taken)) == len(taken)
    assert all(FRESH_ID_SHAPE.fullmatch(ident) for ident in taken)
    again = Ids(fresh)
    assert [again.take() for _ in range(30)] == taken
