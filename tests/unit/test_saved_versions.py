"""Every saved shape ever shipped opens with nothing lost; a newer build's keys survive our writes.

The fixtures in tests/unit/fixtures were written by the kit as it shipped (schema 1 and 2: one
checklist; schema 3: the collection, one record per application): never regenerate them with
newer code, or they stop testing what a reader already has in their browser.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from steps import boot, effects, update

from secondround.app.model import STATE_KEY
from secondround.saved.applications import APP_PREFIX, HOME_KEY
from secondround.saved.codec import from_bookmark
from secondround.saved.records import read_file

FIXTURES = Path(__file__).parent / "fixtures"
CLOCK = {"now_ms": 1_796_000_000_000, "tz_offset_min": 0}


def _fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8").strip()


def _storage_v3() -> dict[str, str]:
    stored: dict[str, str] = json.loads(_fixture("storage-v3.json"))
    return stored


# What every version's fixture holds, typed out from the fixtures by hand.
NORTHWIND_PEOPLE = ["Priya Shah", "Sam Okafor", "Lena Fischer"]


@pytest.mark.parametrize(
    ("storage", "company"),
    [
        pytest.param(
            lambda: {STATE_KEY: _fixture("state-v1.json")}, "Northwind Analytics", id="v1"
        ),
        pytest.param(
            lambda: {STATE_KEY: _fixture("state-v2.json")}, "Northwind Analytics", id="v2"
        ),
        pytest.param(_storage_v3, "Contoso", id="v3"),
    ],
)
def test_every_shipped_storage_opens(storage: Any, company: str) -> None:
    model = boot(storage(), True, CLOCK)
    assert model.notices == ()
    assert model.state.profile.company == company
    assert model.state.profile.name == "Jordan Rivera"


def test_the_v3_collection_opens_whole() -> None:
    model = boot(_storage_v3(), True, CLOCK)
    by_company = {e.state.profile.company: e for e in model.shelf.entries}
    assert list(by_company) == ["Northwind Analytics", "Contoso"]
    northwind, contoso = by_company.values()
    assert [p.name for p in northwind.state.profile.interviewers] == NORTHWIND_PEOPLE
    assert dict(northwind.state.checks) == {"email-p1": "2026-11-18T17:40"}
    assert northwind.state.edits["p1:email"].startswith("Dear Dr. Cho,")
    assert (northwind.state.revision, northwind.status) == (7, "active")
    assert (contoso.status, contoso.changed) == ("archived", "2026-12-01T09:30")
    assert (contoso.state.outcome, contoso.state.outcome_on) == ("offer", "2026-11-30")
    assert model.shelf.you.details.region == "US-NY"
    # Read as it is: nothing to migrate, so nothing is written.
    assert effects(model).writes == ()


def test_the_v3_export_file_reads_whole() -> None:
    you, entries = read_file(_fixture("export-v3.json"))
    assert you is not None
    assert you.details.email == "jordan.rivera@example.com"
    assert [e.state.profile.position for e in entries] == ["Senior Data Analyst", "Data Engineer"]


@pytest.mark.parametrize("name", ["bookmark-v1.txt", "bookmark-v2.txt"])
def test_every_shipped_bookmark_opens(name: str) -> None:
    state = from_bookmark(_fixture(name))
    assert state.profile.company == "Northwind Analytics"


def _newer(storage: dict[str, str]) -> dict[str, str]:
    """The v3 storage as a newer build might leave it: a key of its own at every level."""
    out = {}
    for key, text in storage.items():
        record = json.loads(text)
        record["synced"] = {"device": "phone"}
        if key == HOME_KEY:
            record["you"]["mastodon"] = "@jordan@example.social"
        else:
            record["state"]["pinned"] = True
            record["state"]["profile"]["portfolio"] = "https://example.org/work"
            record["state"]["profile"]["interviewers"][0]["pronouns"] = "she/her"
        out[key] = json.dumps(record, ensure_ascii=False)
    return out


def _leaves(text: str) -> set[str]:
    """Every newer key's path in a record, to compare what was written with what was read."""
    found: set[str] = set()

    def walk(value: Any, path: str) -> None:
        if isinstance(value, dict):
            for key, inner in value.items():
                walk(inner, f"{path}.{key}")
        elif isinstance(value, list):
            for i, inner in enumerate(value):
                walk(inner, f"{path}[{i}]")
        else:
            found.add(f"{path}={json.dumps(value)}")

    walk(json.loads(text), "")
    return {leaf for leaf in found if any(k in leaf for k in NEWER_KEYS)}


NEWER_KEYS = ("synced", "mastodon", "pinned", "portfolio", "pronouns")


def test_a_newer_builds_keys_survive_a_change_written_by_this_build() -> None:
    stored = _newer(_storage_v3())
    model = boot(stored, True, CLOCK)
    assert model.notices == ()
    # The reader changes their own details (the home record) and the application shown.
    written: dict[str, str] = {}
    for arg, value in (("phone", "555-0199"), ("position", "Lead")):
        model = update(model, {"type": "field", "arg": arg, "value": value, **CLOCK})
        written.update(effects(model).writes)
    assert set(written) == {HOME_KEY, APP_PREFIX + model.state.id}
    for key, text in written.items():
        assert _leaves(text) == _leaves(stored[key]), key
    # The next visit, by this build, reads its own writes, the newer keys still there.
    again = boot({**stored, **written}, True, CLOCK)
    assert again.notices == ()
    assert (again.state.profile.position, again.shelf.you.details.phone) == ("Lead", "555-0199")
