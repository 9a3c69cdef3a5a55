"""The worker session: whole trees after boot and mount, edits in between, and no lost state."""

from __future__ import annotations

import json
from typing import Any

import pytest
from test_render import apply_ops

from secondround import worker
from secondround.app import view
from secondround.applications import app_key
from secondround.worker import FAILED_EVENT, Session

CLOCK = {"now_ms": 1_795_689_000_000, "tz_offset_min": 0}


def send(session: Session, kind: str, **fields: Any) -> dict[str, Any]:
    reply = json.loads(session.handle(json.dumps({"type": kind, **CLOCK, **fields})))
    assert reply["type"] == "view"
    shown: dict[str, Any] = reply["view"]
    return shown


def test_boot_and_mount_send_the_whole_tree_and_typing_sends_edits() -> None:
    session = Session()
    first = send(session, "boot", storage={}, saving=True, build="b1")
    assert "tree" in first
    assert "ops" not in first
    typed = send(session, "field", arg="name", value="Ada")
    assert "tree" not in typed
    assert session.model is not None
    assert apply_ops(first["tree"], typed["ops"]) == view(session.model, "b1")["tree"]
    assert len(json.dumps(typed["ops"])) < len(json.dumps(first["tree"])) / 2
    assert dict(typed["writes"])[app_key(session.model.state.id)]
    assert "tree" in send(session, "mount", value="")


def test_writes_are_handed_over_once() -> None:
    session = Session()
    send(session, "boot", storage={}, saving=True)
    assert send(session, "field", arg="name", value="Ada")["writes"]
    assert send(session, "dismiss", arg="9")["writes"] == []


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

    def breaks_on_boom(model: Any, build: str = "") -> Any:
        if model.state.profile.name == "Boom":
            raise RuntimeError("a drawing bug")
        return view(model, build)

    monkeypatch.setattr(worker, "view", breaks_on_boom)
    shown = send(session, "field", arg="name", value="Boom")
    assert session.model is not None
    assert before is not None
    assert session.model.state == before.state
    assert FAILED_EVENT in session.model.notices
    assert "ops" in shown  # still edits to the tree on screen: the page carries on
    assert "went wrong" in json.dumps(shown["ops"])
