"""The State value, its dict form, strict reading and the schema migration path."""

from __future__ import annotations

import copy
from dataclasses import replace
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from strategies import hostile_text, states

from secondround.input.profile import Interviewer, Profile
from secondround.saved.migrations import MIGRATIONS, _dates_v1_to_v2, migrate
from secondround.saved.state import (
    SCHEMA_VERSION,
    FrozenChecks,
    ShapeError,
    State,
    state_from_dict,
    state_to_dict,
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
    checks={"email-p1": "2026-11-24T18:00:00Z"},
    outcome="waiting",
    id="k3Xq_9-b",
    revision=12,
    edits={"p1:email": "Dear Dana,\n\nMy own words."},
)

SAMPLE_DICT: dict[str, Any] = {
    "id": "k3Xq_9-b",
    "revision": 12,
    "edits": {"p1:email": "Dear Dana,\n\nMy own words."},
    "profile": {
        "name": "Sam Rivera",
        "email": "sam@example.com",
        "phone": "",
        "company": "Northwind",
        "position": "Analyst",
        "interviewers": [
            {
                "id": "p1",
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
        "region": "",
        "remote": False,
        "prefer_email": False,
        "coordinator": -1,
    },
    "checks": {"email-p1": "2026-11-24T18:00:00Z"},
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
    source = {"email-p1": "t"}
    s = State(checks=source)
    source["card-p1"] = "t"
    assert dict(s.checks) == {"email-p1": "t"}
    assert isinstance(s.checks, FrozenChecks)
    assert s == State(checks=FrozenChecks({"email-p1": "t"}))
    assert hash(s) == hash(State(checks={"email-p1": "t"}))
    assert State() == State()


# SAMPLE as it is written: a field at its default is left out.
SPARSE: dict[str, Any] = {
    "id": "k3Xq_9-b",
    "revision": 12,
    "edits": {"p1:email": "Dear Dana,\n\nMy own words."},
    "profile": {
        "name": "Sam Rivera",
        "email": "sam@example.com",
        "company": "Northwind",
        "position": "Analyst",
        "interviewers": [{"id": "p1", "name": "Dana Whitfield", "tone": "relaxed"}],
        "interview_date": "2026-11-24",
        "qualifications": ["SQL", "Tableau", ""],
    },
    "checks": {"email-p1": "2026-11-24T18:00:00Z"},
}


def test_to_dict() -> None:
    assert state_to_dict(SAMPLE) == SPARSE
    assert state_from_dict(SPARSE) == SAMPLE


def test_a_profile_with_nobody_listed_says_so() -> None:
    # One blank person is the default; an empty list is not, and is written.
    nobody = State(profile=Profile(interviewers=()))
    assert state_to_dict(nobody) == {"profile": {"interviewers": []}}
    assert state_from_dict(state_to_dict(nobody)) == nobody


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
        pytest.param(
            ("profile", "region"), None, "profile.region should be text", id="null-region"
        ),
        pytest.param(
            ("profile", "remote"), "yes", "profile.remote should be true or false", id="text-remote"
        ),
        pytest.param(
            ("profile", "prefer_email"), 1, "prefer_email should be true or false", id="one-email"
        ),
    ],
)
def test_from_dict_is_strict(path: tuple[Any, ...], value: Any, message: str) -> None:
    with pytest.raises(ShapeError, match=message):
        state_from_dict(_broken(path, value))


@pytest.mark.parametrize(
    ("path", "read", "default"),
    [
        pytest.param(("profile", "phone"), lambda s: s.profile.phone, "", id="phone"),
        pytest.param(("profile", "remote"), lambda s: s.profile.remote, False, id="remote"),
        pytest.param(
            ("profile", "coordinator"), lambda s: s.profile.coordinator, -1, id="coordinator"
        ),
        pytest.param(
            ("profile", "qualifications"),
            lambda s: s.profile.qualifications,
            ("", "", ""),
            id="qualifications",
        ),
        pytest.param(
            ("profile", "interviewers", 0, "topics"),
            lambda s: s.profile.interviewers[0].topics,
            "",
            id="topics",
        ),
        pytest.param(
            ("profile", "interviewers", 0, "role"),
            lambda s: s.profile.interviewers[0].role,
            "hiring_manager",
            id="role",
        ),
        pytest.param(("checks",), lambda s: dict(s.checks), {}, id="checks"),
        pytest.param(("edits",), lambda s: dict(s.edits), {}, id="edits"),
        pytest.param(("revision",), lambda s: s.revision, 0, id="revision"),
        pytest.param(("outcome",), lambda s: s.outcome, "waiting", id="outcome"),
    ],
)
def test_a_missing_key_takes_its_fields_default(
    path: tuple[Any, ...], read: Any, default: Any
) -> None:
    state = state_from_dict(_broken(path, KeyError))
    assert read(state) == default
    # Nothing else moved: the name, the first person and the ticks are read as they were.
    assert (state.profile.name, state.profile.interviewers[0].name) == (
        "Sam Rivera",
        "Dana Whitfield",
    )


def test_a_state_with_no_keys_is_the_empty_state() -> None:
    assert state_from_dict({}) == State()


@pytest.mark.parametrize(
    "path",
    [
        pytest.param(("pinned",), id="state"),
        pytest.param(("profile", "mastodon"), id="profile"),
        pytest.param(("profile", "interviewers", 0, "pronouns"), id="person"),
    ],
)
def test_keys_from_a_newer_build_are_kept_and_written_back(path: tuple[Any, ...]) -> None:
    newer = copy.deepcopy(SPARSE)
    target: Any = newer
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = {"url": "https://example.org/in/sam", "since": [2026, 12]}
    state = state_from_dict(newer)
    assert state_to_dict(state) == newer
    # A change made by this build keeps them too.
    renamed = replace(state, profile=replace(state.profile, name="Sam R."))
    expected = copy.deepcopy(newer)
    expected["profile"]["name"] = "Sam R."
    assert state_to_dict(renamed) == expected


_json = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**53), 2**53) | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)
_new_key = st.text(min_size=1, max_size=12).filter(
    lambda k: (
        k not in SAMPLE_DICT
        and k not in SAMPLE_DICT["profile"]
        and k not in SAMPLE_DICT["profile"]["interviewers"][0]
    )
)


@given(
    top=st.dictionaries(_new_key, _json, max_size=2),
    profile=st.dictionaries(_new_key, _json, max_size=2),
    person=st.dictionaries(_new_key, _json, max_size=2),
)
def test_any_unknown_json_survives_a_round_trip(
    top: dict[str, Any], profile: dict[str, Any], person: dict[str, Any]
) -> None:
    newer = copy.deepcopy(SPARSE)
    newer.update(top)
    newer["profile"].update(profile)
    newer["profile"]["interviewers"][0].update(person)
    state = state_from_dict(newer)
    assert state_to_dict(state) == newer
    assert state_from_dict(state_to_dict(state)) == state


def test_too_much_unknown_data_is_refused() -> None:
    with pytest.raises(ShapeError, match="does not know"):
        state_from_dict({**SAMPLE_DICT, "blob": "x" * 20_000})


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
    assert migrate(copy.deepcopy(V0), 0) == {**SAMPLE_DICT, "id": "", "revision": 0, "edits": {}}
    migrated = state_from_dict(migrate(copy.deepcopy(V0), 0))
    assert migrated == replace(SAMPLE, id="", revision=0, edits={})


def test_migrate_current_is_identity() -> None:
    assert migrate(SAMPLE_DICT, SCHEMA_VERSION) is SAMPLE_DICT


@pytest.mark.parametrize("version", [-1, 3, 99])
def test_migrate_unknown_version(version: int) -> None:
    with pytest.raises(ShapeError, match=f"schema {version}"):
        migrate(copy.deepcopy(V0), version)


V1: dict[str, Any] = {
    "profile": {
        **{
            k: v
            for k, v in SAMPLE_DICT["profile"].items()
            if k not in ("region", "remote", "prefer_email", "coordinator")
        },
        "discussed": "",
        "interviewers": [
            {k: v for k, v in x.items() if k not in ("id", "salutation", "role", "topics")}
            for x in SAMPLE_DICT["profile"]["interviewers"]
        ],
    },
    # Schema 1 kept ticks by position: "email-0" is the first person's.
    "checks": {"email-0": "2026-11-24T18:00:00Z"},
    "outcome": "waiting",
    "outcome_on": "",
}


def test_migrate_v1_adds_no_region_and_changes_nothing_else() -> None:
    before = copy.deepcopy(V1)
    # A schema 1 checklist has no identity yet: it gets one at its next save.
    assert migrate(V1, 1) == {**SAMPLE_DICT, "id": "", "revision": 0, "edits": {}}
    assert before == V1  # the caller's dict is left as it was
    assert _dates_v1_to_v2(copy.deepcopy(V1))["profile"]["region"] == ""


@pytest.mark.parametrize(
    ("broken", "message"),
    [
        pytest.param([], "state should be an object", id="list"),
        pytest.param({**V1, "profile": "Sam"}, "profile should be an object", id="profile-text"),
        pytest.param({"profile": V1["profile"]}, "is missing checks", id="no-checks"),
    ],
)
def test_migrate_rejects_a_broken_v1(broken: Any, message: str) -> None:
    with pytest.raises(ShapeError, match=message):
        migrate(broken, 1)


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
    data = {"profile": {where: "\ud800"}}
    with pytest.raises(ShapeError, match=f"profile.{where} holds broken text"):
        state_from_dict(data)


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("id", "has spaces"),
        ("id", "x" * 33),
        ("id", 7),
        ("revision", -1),
        ("revision", 1.5),
        ("revision", True),
        ("revision", "3"),
        ("revision", 2**53),
    ],
)
def test_a_bad_identity_or_revision_is_a_shape_error(key: str, value: Any) -> None:
    with pytest.raises(ShapeError, match=key):
        state_from_dict({**SAMPLE_DICT, key: value})


def test_v1_ticks_kept_by_position_move_onto_the_people_who_held_those_positions() -> None:
    two = [
        {"name": "Ana", "title": "", "email": "", "tone": "formal"},
        {"name": "Ben", "title": "", "email": "", "tone": "relaxed"},
    ]
    v1 = {
        **V1,
        "profile": {**V1["profile"], "interviewers": two},
        "checks": {"email-1": "2026-11-24T10:00", "card-0": "2026-11-24T11:00", "call": "x"},
    }
    state = state_from_dict(migrate(copy.deepcopy(v1), 1))
    ana, ben = state.profile.interviewers
    assert (ana.name, ana.id, ben.name, ben.id) == ("Ana", "p1", "Ben", "p2")
    assert dict(state.checks) == {
        "email-p2": "2026-11-24T10:00",
        "card-p1": "2026-11-24T11:00",
        "call": "x",
    }


V1_PERSON = {"name": "Dana Whitfield", "title": "Head", "email": "", "tone": "formal"}


def _v1(discussed: str, people: int) -> dict[str, Any]:
    v1_top = ("profile", "checks", "outcome", "outcome_on")
    d = {k: v for k, v in copy.deepcopy(SAMPLE_DICT).items() if k in v1_top}
    v2_only = ("coordinator", "region", "remote", "prefer_email")
    profile = {k: v for k, v in d["profile"].items() if k not in v2_only}
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


@pytest.mark.parametrize(
    ("edits", "message"),
    [
        ([], "edits should be an object"),
        ({"p1": "x"}, "names no draft"),
        ({"p1:email": 3}, "edits.p1:email should be text"),
        ({"p1:email": "x" * 3001}, "longer than 3000"),
        ({f"p{i}:email": "x" for i in range(25)}, "more than 24 entries"),
    ],
)
def test_bad_edits_are_a_shape_error(edits: Any, message: str) -> None:
    with pytest.raises(ShapeError, match=message):
        state_from_dict({**SAMPLE_DICT, "edits": edits})
