"""The migrations from each older saved schema, one step at a time: only where a meaning changed."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, cast

from secondround.saved.state import SCHEMA_VERSION, STATE_KEYS, V1_STATE_KEYS, ShapeError, list_of

__all__ = ["MIGRATIONS", "migrate"]


def _obj(value: object, where: str, keys: frozenset[str]) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ShapeError(f"{where} should be an object.")
    if set(value) != keys:
        missing = sorted(keys - set(value))
        extra = sorted(set(value) - keys)
        what = (
            f"is missing {', '.join(missing)}"
            if missing
            else f"has unknown {', '.join(map(str, extra))}"
        )
        raise ShapeError(f"{where} {what}.")
    return cast(dict[str, Any], value)


def _v0_to_v1(d: dict[str, Any]) -> dict[str, Any]:
    """Schema 0 kept one interviewer, up to three qualifications and no outcome or dates to decide.

    No schema 0 state was ever published; it is defined so the migration path
    is exercised by tests before a real schema change needs it.
    """
    old = _obj(d, "state", frozenset({"profile", "checks"}))
    p = _obj(
        old["profile"],
        "profile",
        frozenset(
            {
                "name",
                "email",
                "phone",
                "company",
                "position",
                "interview_date",
                "qualifications",
                "discussed",
                "interviewer",
            }
        ),
    )
    quals = list_of(p["qualifications"], "profile.qualifications")
    if len(quals) > 3:
        raise ShapeError("profile.qualifications has more than three entries.")
    profile = {k: v for k, v in p.items() if k != "interviewer"}
    profile.update(
        interviewers=[p["interviewer"]],
        qualifications=[*quals, *[""] * (3 - len(quals))],
        decision_date="",
        availability="",
    )
    return {"profile": profile, "checks": old["checks"], "outcome": "waiting", "outcome_on": ""}


def _dates_v1_to_v2(d: dict[str, Any]) -> dict[str, Any]:
    """Schema 2's date fields: no region, an in-person interview, a call as the first check-in.

    With no region a schema 1 state keeps the dates it had (weekends only) until the reader
    picks one. The input is never changed.
    """
    old = _obj(d, "state", V1_STATE_KEYS)
    if not isinstance(old["profile"], dict):
        raise ShapeError("profile should be an object.")
    profile = {**old["profile"], "region": "", "remote": False, "prefer_email": False}
    return {**old, "profile": profile}


def _identity_v1_to_v2(d: dict[str, Any]) -> dict[str, Any]:
    """Schema 2's identity (a schema 1 checklist gets one at its next save) and no edits yet."""
    return {"id": "", "revision": 0, "edits": {}, **d}


_PER_PERSON_STEP = re.compile(r"(email|card)-(\d+)")


def _ids_v1_to_v2(d: dict[str, Any]) -> dict[str, Any]:
    """Schema 2's people have ids ("p1", "p2" by position) and their ticks follow the ids.

    Schema 1 kept a tick as "email-0": the first person's, whoever that was at the time.
    """
    old = _obj(d, "state", STATE_KEYS)
    profile = old["profile"]
    if not isinstance(profile, dict):
        raise ShapeError("profile should be an object.")
    people = list_of(profile.get("interviewers"), "profile.interviewers")
    with_ids = [
        {**x, "id": f"p{i + 1}"} if isinstance(x, dict) else x  # refused later, with its place
        for i, x in enumerate(people)
    ]
    checks = old["checks"]
    if not isinstance(checks, dict):
        raise ShapeError("checks should be an object.")
    renamed = {}
    for key, value in checks.items():
        match = _PER_PERSON_STEP.fullmatch(key) if isinstance(key, str) else None
        renamed[f"{match[1]}-p{int(match[2]) + 1}" if match else key] = value
    return {**old, "profile": {**profile, "interviewers": with_ids}, "checks": renamed}


def _people_v1_to_v2(d: dict[str, Any]) -> dict[str, Any]:
    """Schema 1 had one "discussed" for the whole profile and no part or salutation per person.

    What was discussed moves onto every interviewer: the reader can then make each
    one their own, and no note loses the detail it had. The first interviewer was the
    one the call went to, so they become the hiring manager; the others the panel.
    Salutations start empty, which means the default from the name and tone.
    """
    old = _obj(d, "state", V1_STATE_KEYS)
    p = old["profile"]
    if not isinstance(p, dict) or "discussed" not in p:
        raise ShapeError("profile is missing discussed.")
    profile = {k: v for k, v in p.items() if k != "discussed"}
    discussed = p["discussed"]
    people = list_of(p.get("interviewers"), "profile.interviewers")
    profile["interviewers"] = [
        {
            **person,
            "salutation": "",
            "role": "hiring_manager" if i == 0 else "panel",
            "topics": discussed,
        }
        if isinstance(person, dict)
        else person  # left for state_from_dict to refuse with its place
        for i, person in enumerate(people)
    ]
    profile["coordinator"] = -1
    return {**old, "profile": profile}


def _v1_to_v2(d: dict[str, Any]) -> dict[str, Any]:
    """Schema 1 to 2: each part of the change migrates its own fields, in this order."""
    return _ids_v1_to_v2(_identity_v1_to_v2(_people_v1_to_v2(_dates_v1_to_v2(d))))


# MIGRATIONS[v] turns a schema v state dict into a schema v + 1 one.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {
    0: _v0_to_v1,
    1: _v1_to_v2,
}


def migrate(d: dict[str, Any], version: int) -> dict[str, Any]:
    """Bring a state dict of an older schema up to SCHEMA_VERSION, one step at a time."""
    if version > SCHEMA_VERSION or (version < SCHEMA_VERSION and version not in MIGRATIONS):
        raise ShapeError(f"There is no migration from schema {version}.")
    while version < SCHEMA_VERSION:
        d = MIGRATIONS[version](d)
        version += 1
    return d
