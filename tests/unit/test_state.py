"""The State value, its dict form, strict reading and the schema migration path."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from hypothesis import given
from strategies import hostile_text, states

from secondround.profile import Interviewer, Profile
from secondround.state import (
    MIGRATIONS,
    SCHEMA_VERSION,
    FrozenChecks,
    ShapeError,
    State,
    migrate,
    state_from_dict,
    state_to_dict,
    with_check,
    without_check,
)

SAMPLE = State(
    profile=Profile(
        name="Sam Rivera",
        email="sam@example.com",
        company="Northwind",
        position="Analyst",
        interviewers=(Interviewer(name="Dana Whitfield", tone="relaxed"),),
        interview_date="2026-11-24",
        qualifications=("SQL", "Tableau", ""),
    ),
    checks={"email-0": "2026-11-24T18:00:00Z"},
    outcome="waiting",
)

SAMPLE_DICT: dict[str, Any] = {
    "profile": {
        "name": "Sam Rivera",
        "email": "sam@example.com",
        "phone": "",
        "company": "Northwind",
        "position": "Analyst",
        "interviewers": [
            {
                "name": "Dana Whitfield",
                "title": "",
                "email": "",
                "tone": "relaxed",
                "salutation": "",
                "role": "hiring_manager",
                "topics": "",
            }
        ],
        "interview_date": "2026-11-24",
        "qualifications": ["SQL", "Tableau", ""],
        "decision_date": "",
        "availability": "",
        "coordinator": -1,
    },
    "checks": {"email-0": "2026-11-24T18:00:00Z"},
    "outcome": "waiting",
    "outcome_on": "",
}


def test_frozen_checks_behave_like_a_value() -> None:
    a = FrozenChecks({"a": "1", "b": "2"})
    b = FrozenChecks({"b": "2", "a": "1"})
    assert a == b
    assert a == {"a": "1", "b": "2"}
    assert hash(a) == hash(b)
    assert dict(a) == {"a": "1", "b": "2"}
    assert len(a) == 2
    with pytest.raises(TypeError):
        a["c"] = "3"  # type: ignore[index]


def test_state_freezes_any_mapping_given() -> None:
    source = {"email-0": "t"}
    s = State(checks=source)
    source["card-0"] = "t"
    assert dict(s.checks) == {"email-0": "t"}
    assert isinstance(s.checks, FrozenChecks)
    assert s == State(checks=FrozenChecks({"email-0": "t"}))
    assert hash(s) == hash(State(checks={"email-0": "t"}))
    assert State() == State()


def test_with_and_without_check() -> None:
    s = with_check(State(), "call", "2026-11-27T10:00:00Z")
    assert dict(s.checks) == {"call": "2026-11-27T10:00:00Z"}
    assert without_check(s, "call") == State()
    assert without_check(State(), "call") == State()


def test_to_dict() -> None:
    assert state_to_dict(SAMPLE) == SAMPLE_DICT


def test_from_dict() -> None:
    assert state_from_dict(SAMPLE_DICT) == SAMPLE


@given(states(hostile_text))
def test_round_trip(s: State) -> None:
    assert state_from_dict(state_to_dict(s)) == s


def _broken(path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    d = copy.deepcopy(SAMPLE_DICT)
    target: Any = d
    for key in path[:-1]:
        target = target[key]
    if value is KeyError:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return d


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        pytest.param(("profile", "name"), 42, "profile.name should be text", id="number-name"),
        pytest.param(("profile", "name"), None, "profile.name should be text", id="null-name"),
        pytest.param(("profile", "phone"), KeyError, "is missing phone", id="missing-phone"),
        pytest.param(("profile", "shoe"), "42", "has unknown shoe", id="extra-key"),
        pytest.param(("profile", "interviewers"), {}, "should be a list", id="interviewers-object"),
        pytest.param(
            ("profile", "interviewers"),
            [SAMPLE_DICT["profile"]["interviewers"][0]] * 7,
            "more than 6",
            id="seven-interviewers",
        ),
        pytest.param(
            ("profile", "interviewers", 0, "tone"), "grumpy", "formal or relaxed", id="bad-tone"
        ),
        pytest.param(
            ("profile", "interviewers", 0), "Dana", "should be an object", id="person-text"
        ),
        pytest.param(("profile", "qualifications"), ["a", "b"], "exactly three", id="two-quals"),
        pytest.param(("profile", "qualifications", 2), 7, r"qualifications\[2\]", id="number-qual"),
        pytest.param(("checks",), [], "checks should be an object", id="checks-list"),
        pytest.param(("checks", "call"), True, "checks.call should be text", id="check-bool"),
        pytest.param(("outcome",), "maybe", "waiting, offer or not_hired", id="bad-outcome"),
        pytest.param(("outcome_on",), 3, "outcome_on should be text", id="number-outcome-on"),
        pytest.param(
            ("profile", "interviewers", 0, "role"), "boss", "role should be one of", id="bad-role"
        ),
        pytest.param(
            ("profile", "interviewers", 0, "topics"), 1, "topics should be text", id="number-topics"
        ),
        pytest.param(("profile", "coordinator"), "0", "coordinator should be", id="text-lead"),
        pytest.param(("profile", "coordinator"), True, "coordinator should be", id="bool-lead"),
        pytest.param(("profile", "coordinator"), 6, "coordinator should be", id="lead-too-big"),
        pytest.param(("profile",), None, "profile should be an object", id="no-profile"),
    ],
)
def test_from_dict_is_strict(path: tuple[Any, ...], value: Any, message: str) -> None:
    with pytest.raises(ShapeError, match=message):
        state_from_dict(_broken(path, value))


def test_from_dict_rejects_non_dicts() -> None:
    bad: object
    for bad in (None, [], "state", 1):
        with pytest.raises(ShapeError):
            state_from_dict(bad)


def test_too_many_checks() -> None:
    d = copy.deepcopy(SAMPLE_DICT)
    d["checks"] = {f"x{i}": "t" for i in range(65)}
    with pytest.raises(ShapeError, match="more than 64"):
        state_from_dict(d)


V0: dict[str, Any] = {
    "profile": {
        "name": "Sam Rivera",
        "email": "sam@example.com",
        "phone": "",
        "company": "Northwind",
        "position": "Analyst",
        "interview_date": "2026-11-24",
        "qualifications": ["SQL", "Tableau"],
        "discussed": "",
        "interviewer": {"name": "Dana Whitfield", "title": "", "email": "", "tone": "relaxed"},
    },
    "checks": {"email-0": "2026-11-24T18:00:00Z"},
}


def test_schema_versions() -> None:
    assert SCHEMA_VERSION == 2
    assert set(MIGRATIONS) == {0, 1}


def test_migrate_v0() -> None:
    assert migrate(copy.deepcopy(V0), 0) == SAMPLE_DICT
    assert state_from_dict(migrate(copy.deepcopy(V0), 0)) == SAMPLE


def test_migrate_current_is_identity() -> None:
    assert migrate(SAMPLE_DICT, SCHEMA_VERSION) is SAMPLE_DICT


@pytest.mark.parametrize("version", [-1, 3, 99])
def test_migrate_unknown_version(version: int) -> None:
    with pytest.raises(ShapeError, match=f"schema {version}"):
        migrate(copy.deepcopy(V0), version)


def test_migrate_rejects_a_broken_v0() -> None:
    broken = copy.deepcopy(V0)
    del broken["profile"]["interviewer"]
    with pytest.raises(ShapeError, match="missing interviewer"):
        migrate(broken, 0)
    broken = copy.deepcopy(V0)
    broken["profile"]["qualifications"] = ["a", "b", "c", "d"]
    with pytest.raises(ShapeError, match="more than three"):
        migrate(broken, 0)


@pytest.mark.parametrize("where", ["name", "availability"])
def test_a_lone_surrogate_is_refused_with_its_place(where: str) -> None:
    data = state_to_dict(State())
    data["profile"][where] = "\ud800"
    with pytest.raises(ShapeError, match=f"profile.{where} holds broken text"):
        state_from_dict(data)


V1_PERSON = {"name": "Dana Whitfield", "title": "Head", "email": "", "tone": "formal"}


def _v1(discussed: str, people: int) -> dict[str, Any]:
    d = copy.deepcopy(SAMPLE_DICT)
    profile = {k: v for k, v in d["profile"].items() if k != "coordinator"}
    profile["discussed"] = discussed
    profile["interviewers"] = [dict(V1_PERSON, name=f"P{i}") for i in range(people)]
    d["profile"] = profile
    return d


@pytest.mark.parametrize("people", [1, 3])
def test_migrate_v1_puts_what_was_discussed_on_every_person(people: int) -> None:
    s = state_from_dict(migrate(_v1("the rota", people), 1))
    assert [p.topics for p in s.profile.interviewers] == ["the rota"] * people
    assert [p.role for p in s.profile.interviewers] == ["hiring_manager"] + ["panel"] * (people - 1)
    assert [p.salutation for p in s.profile.interviewers] == [""] * people
    assert s.profile.coordinator == -1


def test_migrate_v1_refuses_a_state_without_discussed() -> None:
    d = _v1("", 1)
    del d["profile"]["discussed"]
    with pytest.raises(ShapeError, match="missing discussed"):
        migrate(d, 1)
