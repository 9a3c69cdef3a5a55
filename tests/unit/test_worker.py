"""The worker session: whole trees after boot and mount, edits in between, and no lost state."""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from shelves import storage_of
from test_render import apply_ops

from secondround import app, worker
from secondround.app.model import Model
from secondround.app.update import view
from secondround.input.example import example_profile
from secondround.protocol import FRESH_ID, FRESH_ID_SHAPE
from secondround.saved.applications import APP_PREFIX, HOME_KEY, app_key
from secondround.saved.state import State, content
from secondround.worker import FAILED_EVENT, Session

CLOCK = {"now_ms": 1_795_689_000_000, "tz_offset_min": 0}


def answer(session: Session, kind: str, **fields: Any) -> dict[str, Any]:
    event = json.dumps({"type": kind, **CLOCK, **fields})
    reply: dict[str, Any] = json.loads(session.handle(event))
    assert reply["type"] == "view"
    assert set(reply) == {"type", "answers", "view", "effects"}
    assert reply["answers"] == 1
    return reply


def send(session: Session, kind: str, **fields: Any) -> dict[str, Any]:
    shown: dict[str, Any] = answer(session, kind, **fields)["view"]
    return shown


def writes(session: Session, kind: str, **fields: Any) -> list[list[str]]:
    found: list[list[str]] = answer(session, kind, **fields)["effects"]["writes"]
    return found


def test_boot_and_mount_send_the_whole_tree_and_typing_sends_edits() -> None:
    session = Session()
    first = send(session, "boot", storage={}, saving=True, build="b1")
    assert "tree" in first
    assert "ops" not in first
    reply = answer(session, "field", arg="name", value="Ada")
    typed = reply["view"]
    assert "tree" not in typed
    assert session.model is not None
    assert apply_ops(first["tree"], typed["ops"]) == view(session.model)["tree"]
    assert len(json.dumps(typed["ops"])) < len(json.dumps(first["tree"])) / 2
    key = app_key(session.model.state.id)
    saved = json.loads(dict(reply["effects"]["writes"])[key])
    assert saved["state"]["profile"]["name"] == "Ada"
    assert "tree" in send(session, "mount", value="")


def test_writes_are_handed_over_once() -> None:
    session = Session()
    send(session, "boot", storage={}, saving=True)
    written = [key for key, _ in writes(session, "field", arg="name", value="Ada")]
    assert session.model is not None
    # The application, and the reader's own details (the name is theirs, in every application).
    assert set(written) == {app_key(session.model.state.id), HOME_KEY}
    assert writes(session, "dismiss", arg="9") == []


@pytest.mark.parametrize("message", ["", "not json", "[1, 2]", "null"])
def test_garbage_from_the_page_still_gets_a_view(message: str) -> None:
    session = Session()
    reply = json.loads(session.handle(message))
    assert reply["view"]["tree"][0] == "div"


def test_a_failing_event_keeps_the_checklist_and_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    session = Session()
    send(session, "boot", storage={}, saving=True)
    before = session.model

    def broken(model: Any, event: Any) -> Any:
        raise RuntimeError("a bug")

    monkeypatch.setattr(worker, "update", broken)
    send(session, "field", arg="name", value="Ada")
    assert session.model is not None
    assert before is not None
    assert session.model.state == before.state
    assert FAILED_EVENT in session.model.notices


def test_a_view_that_fails_keeps_the_checklist_and_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    session = Session()
    send(session, "boot", storage={}, saving=True)
    send(session, "field", arg="name", value="Ada")
    before = session.model

    def breaks_on_boom(model: Any) -> Any:
        if model.state.profile.name == "Boom":
            raise RuntimeError("a drawing bug")
        return view(model)

    monkeypatch.setattr(worker, "view", breaks_on_boom)
    reply = answer(session, "field", arg="name", value="Boom")
    assert reply["effects"]["writes"] == []  # the change that could not be drawn is not saved
    shown = reply["view"]
    assert session.model is not None
    assert before is not None
    assert session.model.state == before.state
    assert FAILED_EVENT in session.model.notices
    assert "ops" in shown  # still edits to the tree on screen: the page carries on
    assert "went wrong" in json.dumps(shown["ops"])


def test_events_queued_during_start_up_get_one_view_with_all_their_effects() -> None:
    typed = [{"type": "field", "arg": "name", "value": "Ada"[:n], **CLOCK} for n in (1, 2, 3)]
    events = [
        {"type": "boot", "storage": {}, "saving": True, **CLOCK},
        {"type": "mount", "value": "", **CLOCK},
        *typed,
    ]
    one_by_one = Session()
    for event in events:
        last = json.loads(one_by_one.handle(json.dumps(event)))
    together = Session()
    reply = json.loads(together.handle_many([json.dumps(e) for e in events]))
    assert reply["answers"] == len(events)
    assert "tree" in reply["view"]  # the page's markup is the static example: a whole tree
    assert together.model is not None
    assert one_by_one.model is not None
    # The same checklist (each session gives it an identity of its own, hence content()).
    assert content(together.model.state) == content(one_by_one.model.state)
    assert together.model.state.profile.name == "Ada"
    assert together.shown == reply["view"]["tree"]
    # Every keystroke's save happened, in order; the last is what one event at a time leaves.
    assert together.model is not None
    key = app_key(together.model.state.id)
    records = [text for k, text in reply["effects"]["writes"] if k == key]
    names = [json.loads(text)["state"]["profile"]["name"] for text in records]
    assert names == ["A", "Ad", "Ada"]
    assert len([k for k, _ in last["effects"]["writes"] if k.startswith(APP_PREFIX)]) == 1


@pytest.mark.parametrize("messages", ["", "{}", "[]", '[1, "x"]'])
def test_a_broken_batch_still_gets_a_view(messages: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(worker, "_session", Session())
    reply = json.loads(worker.handle_all(messages))
    assert reply["type"] == "view"
    assert reply["view"]["tree"][0] == "div"


def _three_applications() -> dict[str, str]:
    example = example_profile(date(2026, 11, 2))
    return storage_of(
        *(State(profile=replace(example, company=name)) for name in ("Acme", "Birch", "Cobalt")),
        statuses=("active", "archived", "deleted"),
    )


def test_preparing_draws_each_other_listed_application_and_changes_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    session = Session()
    monkeypatch.setattr(worker, "_session", session)
    send(session, "boot", storage=_three_applications(), saving=True)
    model, shown = session.model, session.shown
    drawn: list[str] = []

    def noting(ahead: Model) -> dict[str, Any]:
        drawn.append(ahead.state.profile.company)
        return {}

    monkeypatch.setattr(worker, "view", noting)
    steps = 0
    while worker.prepare(steps):
        steps += 1
    # The archived one can be switched to; the deleted one and the one shown are not drawn.
    assert drawn == ["Birch"]
    assert steps == 1
    assert session.model is model
    assert session.shown is shown


def test_preparing_before_boot_or_after_a_failure_does_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    session = Session()
    monkeypatch.setattr(worker, "_session", session)
    assert worker.prepare(0) is False
    send(session, "boot", storage=_three_applications(), saving=True)

    def broken(model: Any) -> dict[str, Any]:
        raise RuntimeError("boom")

    monkeypatch.setattr(worker, "view", broken)
    assert worker.prepare(0) is False  # a head start only: the switch draws it and reports


# A message the page should never send: what is wrong, and what the console line must name.
REFUSED = [
    pytest.param('{"type": "field", "arg": "name"}', ['"field"', '"value"', "text"], id="no-value"),
    pytest.param('{"type": "field", "value": "Ada"}', ['"field"', '"arg"', "text"], id="no-arg"),
    pytest.param(
        '{"type": "field", "arg": 5, "value": "Ada"}',
        ['"arg"', "a number", "text"],
        id="arg-number",
    ),
    pytest.param(
        '{"type": "field", "arg": "name", "value": ["Ada"]}',
        ['"value"', "a list", "text"],
        id="value-list",
    ),
    pytest.param(
        '{"type": "edit", "arg": "p1:email", "value": null}', ['"value"', "null"], id="edit-null"
    ),
    pytest.param(
        '{"type": "check", "arg": "email-p1", "value": "yes"}',
        ['"check"', '"value"', "true or false"],
        id="check-text",
    ),
    pytest.param('{"type": "flag", "arg": "remote"}', ['"flag"', '"value"'], id="flag-no-value"),
    pytest.param(
        '{"type": "storage", "arg": "k"}', ['"storage"', '"value"'], id="storage-no-value"
    ),
    pytest.param(
        '{"type": "import", "value": {"a": 1}}', ['"value"', "an object"], id="import-obj"
    ),
    pytest.param('{"type": "dismiss", "arg": null}', ['"arg"', "null"], id="dismiss-null"),
    pytest.param('{"type": "reset", "now_ms": "soon"}', ['"now_ms"', "a number"], id="clock-text"),
    pytest.param('{"type": "fieldz", "arg": "name"}', ['"fieldz"', "event kinds"], id="unknown"),
    pytest.param('{"type": ["field"]}', ['"type"', "a list"], id="type-list"),
    pytest.param('{"arg": "name", "value": "Ada"}', ['"type"'], id="no-type"),
    pytest.param("[1, 2]", ["a list", "object"], id="a-list"),
    pytest.param("null", ["null", "object"], id="null"),
    pytest.param("not json", ["not JSON"], id="not-json"),
    pytest.param('{"type": "boot", "storage": [], "saving": true}', ['"storage"'], id="boot"),
]


@pytest.mark.parametrize(("message", "named"), REFUSED)
def test_a_malformed_message_is_refused_and_said_in_the_console(
    message: str, named: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    session = Session()
    send(session, "boot", storage={}, saving=True)
    send(session, "field", arg="name", value="Ada")
    capsys.readouterr()
    model, tree = session.model, session.shown
    reply = json.loads(session.handle(message))
    # Nothing changed: not the Model, not the screen (no edits; after a boot, the same whole
    # tree, as the page may hold a fresh copy of the markup), nothing written.
    assert session.model is model
    assert reply["view"].get("ops", []) == []
    assert reply["view"].get("tree", tree) == tree
    assert reply["effects"]["writes"] == []
    said = capsys.readouterr()
    assert said.out == ""
    lines = said.err.splitlines()
    assert len(lines) == 1, said.err
    assert lines[0].startswith("Second Round ignored a message from the page: ")
    for name in named:
        assert name in lines[0]
    # And the kit keeps working.
    assert "ops" in send(session, "field", arg="name", value="Ada Obi")
    assert session.model is not None
    assert session.model.state.profile.name == "Ada Obi"


# Messages the page does send, with the optional parts left out or null where declared.
ACCEPTED = [
    {"type": "edit_done"},
    {"type": "app_delete"},
    {"type": "storage", "arg": "secondround:elsewhere", "value": None},
    {"type": "outcome", "value": "offer"},
    {"type": "reset"},
    {"type": "field", "arg": "name", "value": "Ada", "fresh_id": 7},
]


@pytest.mark.parametrize("event", ACCEPTED, ids=[json.dumps(e) for e in ACCEPTED])
def test_a_well_formed_message_reaches_update(
    event: dict[str, Any], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    session = Session()
    send(session, "boot", storage={}, saving=True)
    seen: list[dict[str, Any]] = []
    real = app.update

    def noting(model: Model, given: dict[str, Any]) -> Any:
        seen.append(given)
        return real(model, given)

    monkeypatch.setattr(worker, "update", noting)
    capsys.readouterr()
    send(session, event["type"], **{k: v for k, v in event.items() if k != "type"})
    assert len(seen) == 1
    assert capsys.readouterr().err == ""


def test_a_refused_mount_still_sends_the_whole_tree() -> None:
    session = Session()
    send(session, "boot", storage={}, saving=True)
    # The page mounted a fresh copy of the markup: edits to the old one would land wrong.
    reply = json.loads(session.handle('{"type": "mount", "value": 5}'))
    assert "tree" in reply["view"]


def test_every_event_reaches_update_with_a_fresh_id_of_the_doors(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: list[Any] = []
    real = app.update

    def noting(model: Model, event: dict[str, Any]) -> Any:
        seen.append(event.get(FRESH_ID))
        return real(model, event)

    monkeypatch.setattr(worker, "update", noting)
    session = Session()
    send(session, "boot", storage={}, saving=True)
    for _ in range(3):
        send(session, "app_add")
    send(session, "app_add", fresh_id="from-page-12")
    send(session, "app_add", fresh_id="not the shape")
    assert len(seen) == 5
    assert all(isinstance(i, str) and FRESH_ID_SHAPE.fullmatch(i) for i in seen)
    assert seen[3] == "from-page-12"  # a well formed one from the page is kept
    assert len(set(seen)) == 5
    assert session.model is not None
    # Each new application took the id its event brought.
    assert {e.id for e in session.model.shelf.entries} == set(seen)


def test_two_tabs_adding_at_the_same_moment_get_two_applications() -> None:
    one, two = Session(), Session()
    for session in (one, two):
        send(session, "boot", storage={}, saving=True)
        send(session, "app_add")
    assert one.model is not None
    assert two.model is not None
    assert one.model.state.id != two.model.state.id


# In Pyodide the WebAssembly stack overflows (a fatal error) before Python's recursion check;
# the page's own messages are never nested so deep.
@pytest.mark.skipif(sys.platform == "emscripten", reason="Pyodide's stack overflows first")
def test_a_message_nested_past_the_parsers_depth_is_refused() -> None:
    session = Session()
    send(session, "boot", storage={}, saving=True)
    model = session.model
    reply = json.loads(session.handle('{"type": "field", "value": ' + "[" * 100_000 + "}"))
    assert session.model is model
    assert reply["view"]["ops"] == []
