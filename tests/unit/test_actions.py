"""Every button the views draw sends a declared event: each data-action, and each notice's
action, is one of the protocol's EVENT_KINDS (a typo would be a button that does nothing)."""

from __future__ import annotations

import ast
import importlib
import pkgutil
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from steps import boot, update
from strategies import states

import secondround
from secondround.app.model import SHARE_MARK, Model, Notice
from secondround.app.render import Node
from secondround.app.update import view
from secondround.input.example import example_profile
from secondround.protocol import EVENT_KINDS, problem_with
from secondround.saved import applications
from secondround.saved.codec import to_bookmark
from secondround.saved.state import State

CLOCK = {"now_ms": 1_795_689_000_000, "tz_offset_min": 0}
CORE = Path(secondround.__file__).parent


def actions(node: str | Node) -> Iterator[str]:
    """Every data-action in a tree, in document order."""
    if isinstance(node, str):
        return
    attrs = node[1]
    assert isinstance(attrs, dict)
    action = attrs.get("data-action")
    if action is not None:
        assert isinstance(action, str)
        yield action
    for child in node[2:]:
        assert not isinstance(child, dict)
        yield from actions(child)


def tree_of(model: Model) -> Node:
    tree: Node = view(model)["tree"]
    return tree


def visit() -> Iterator[Model]:
    """A reader's visit, one Model per event: the example, a cleared kit, several applications,
    an offer and a rejection, a removed interviewer, an edited draft, a shared bookmark."""
    model = boot({}, True, CLOCK)
    yield model
    friend = State(
        profile=replace(example_profile(model.today), name="Kim Lee", company="Far Away Ltd"),
        id="friend-app",
        revision=3,
    )
    events: list[dict[str, Any]] = [
        {"type": "field", "arg": "name", "value": "Ada Obi"},  # the example clears
        {"type": "keep_example"},
        {"type": "field", "arg": "company", "value": "Brightwater"},
        {"type": "add_interviewer"},
        {"type": "field", "arg": "interviewers.1.name", "value": "Sam Roe"},
        {"type": "remove_interviewer", "arg": "1"},
        {"type": "remove_interviewer", "arg": "1"},  # confirmed: an Undo notice
        {"type": "undo_remove"},
        {"type": "edit_start", "arg": "p1:email"},
        {"type": "edit", "arg": "p1:email", "value": "Dear Dana,\n\nMy own words."},
        {"type": "check", "arg": "email-p1", "value": True},
        {"type": "outcome", "value": "offer"},
        {"type": "outcome", "value": "not_hired"},
        {"type": "download", "arg": "ics"},
        {"type": "app_copy"},
        {"type": "field", "arg": "company", "value": "Northwind"},
        {"type": "app_add"},
        {"type": "field", "arg": "company", "value": "Contoso"},
        {"type": "app_archive"},
        {"type": "app_delete"},  # an Undo notice
        {"type": "app_undelete"},
        {"type": "reset"},  # a cleared application, kept aside: a Restore notice
        {"type": "mount", "value": "#" + SHARE_MARK + to_bookmark(friend)},
        {"type": "mount", "value": "#" + to_bookmark(replace(friend, revision=1))},
        {"type": "forget"},  # asks first: the export, "Yes, forget me" and Cancel
        {"type": "forget", "arg": "confirm"},  # an Undo notice
    ]
    for event in events:
        model = update(model, {**event, **CLOCK})
        yield model


def test_every_data_action_of_a_visit_is_a_declared_event_kind() -> None:
    seen: set[str] = set()
    for model in visit():
        found = set(actions(tree_of(model)))
        assert found <= set(EVENT_KINDS), sorted(found - set(EVENT_KINDS))
        seen |= found
    # The visit drew the buttons of every notice that has one, and of the applications list:
    # the walk above checked them, rather than passing for lack of buttons.
    assert {
        "reset",
        "keep_example",
        "undo_remove",
        "restore",
        "app_undelete",
        "app_switch",
        "app_unarchive",
        "edit_done",
        "unedit",
        "dismiss",
    } <= seen


def _modules() -> list[Any]:
    return [
        importlib.import_module(info.name)
        for info in pkgutil.walk_packages([str(CORE)], prefix="secondround.")
    ]


def declared_notices() -> list[Notice]:
    """Every Notice a core module keeps as a global (SAVING_OFF, EXAMPLE_NOTICE, ...)."""
    found = {v for m in _modules() for v in vars(m).values() if isinstance(v, Notice)}
    return sorted(found, key=repr)


def _literal_actions() -> Iterator[tuple[str, int, str]]:
    """(file, line, action) of every Notice(...) call in the core whose action is a literal."""
    for path in sorted(CORE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else ""
            if name != "Notice":
                continue
            given = [*node.args[2:3], *(k.value for k in node.keywords if k.arg == "action")]
            for value in given:
                if isinstance(value, ast.Constant) and isinstance(value.value, str):
                    yield path.name, node.lineno, value.value


def test_every_notice_a_module_declares_has_a_declared_action() -> None:
    notices = declared_notices()
    assert len(notices) >= 8  # the scan found the module globals at all
    for notice in notices:
        assert notice.action in ("", *EVENT_KINDS), notice


def test_every_notice_written_in_the_core_has_a_declared_action() -> None:
    found = list(_literal_actions())
    # Those of app.py's notices built as the reader acts (Undo a removal, bring one back).
    assert {action for _, _, action in found} >= {"undo_remove", "app_undelete", "restore"}
    wrong = [(f, line, action) for f, line, action in found if action not in EVENT_KINDS]
    assert wrong == []


@given(
    state=states(),
    notices=st.lists(st.sampled_from(declared_notices()), max_size=4, unique=True),
    editing=st.booleans(),
)
def test_every_data_action_of_any_state_is_a_declared_event_kind(
    state: State, notices: list[Notice], editing: bool
) -> None:
    model = Model(state=state, notices=tuple(notices), editing="p1:email" if editing else "")
    found = set(actions(tree_of(model)))
    assert found <= set(EVENT_KINDS), sorted(found - set(EVENT_KINDS))


@given(
    shown=states(),
    others=st.lists(states(), max_size=4),
    statuses=st.lists(st.sampled_from(["active", "archived", "deleted"]), min_size=4, max_size=4),
)
def test_every_data_action_beside_other_applications_is_a_declared_event_kind(
    shown: State, others: list[State], statuses: list[applications.Status]
) -> None:
    named = [replace(s, id=f"app{i}") for i, s in enumerate([shown, *others])]
    entries = tuple(
        applications.Entry(s, "active" if i == 0 else statuses[i - 1]) for i, s in enumerate(named)
    )
    shelf = applications.Shelf(entries, applications.you_of(shown.profile), named[0].id)
    found = set(actions(tree_of(Model(state=named[0], shelf=shelf))))
    assert found <= set(EVENT_KINDS), sorted(found - set(EVENT_KINDS))


def elements(node: str | Node) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every element of a tree: its tag and attributes."""
    if isinstance(node, str):
        return
    tag, attrs = node[0], node[1]
    assert isinstance(tag, str)
    assert isinstance(attrs, dict)
    yield tag, attrs
    for child in node[2:]:
        assert not isinstance(child, dict)
        yield from elements(child)


def messages(tree: Node) -> Iterator[dict[str, Any]]:
    """The events the page's script (kit.js) sends from this tree's controls, as it builds them:
    a button sends its action and data-arg, a checkbox its state, a radio or a field its value,
    a file input the file's text, an edit box the draft's text."""
    for tag, attrs in elements(tree):
        kind = attrs.get("type")
        arg = {"arg": attrs["data-arg"]} if "data-arg" in attrs else {}
        if "data-field" in attrs:
            yield {"type": "field", "arg": attrs["data-field"], "value": "typed", **CLOCK}
            yield {"type": "leave", "arg": attrs["data-field"], **CLOCK}
        if "data-edit" in attrs:
            yield {"type": "edit", "arg": attrs["data-edit"], "value": "typed", **CLOCK}
        action = attrs.get("data-action")
        if action is None:
            continue
        if tag == "button":
            yield {"type": action, **arg, **CLOCK}
        elif kind == "checkbox":
            yield {"type": action, **arg, "value": True, **CLOCK}
        elif kind == "radio":
            yield {"type": action, **arg, "value": attrs["value"], **CLOCK}
        elif kind == "file":
            yield {"type": action, "value": "the file's text", **CLOCK}
        else:
            raise AssertionError(f"kit.js sends nothing from a <{tag}> with data-action={action}")


def test_every_message_the_views_lead_the_page_to_send_is_accepted_at_the_door() -> None:
    sent: set[str] = set()
    for model in visit():
        for message in messages(tree_of(model)):
            assert problem_with(message) == "", message
            sent.add(message["type"])
    assert {"field", "leave", "edit", "check", "flag", "outcome", "import", "dismiss"} <= sent
