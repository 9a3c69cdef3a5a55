"""Storage JSON and bookmark tokens: exact round trips and clean, typed rejection of the rest."""

from __future__ import annotations

import base64
import contextlib
import json
import zlib
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from strategies import hostile_text, states

from secondround.input.facts import facts_of
from secondround.input.profile import Interviewer, Profile
from secondround.plan.schedule import schedule
from secondround.saved.codec import (
    BadChecksum,
    CorruptState,
    NotOurs,
    StateError,
    TooLarge,
    Truncated,
    UnsupportedVersion,
    from_bookmark,
    from_storage,
    to_bookmark,
    to_storage,
)
from secondround.saved.state import State

REALISTIC_PROFILE = Profile(
    name="Alexandra Montgomery-Okonkwo",
    email="alexandra.montgomery.okonkwo@example.com",
    phone="+44 20 7946 0958 ext. 204",
    company="Northwind Traders International Ltd",
    position="Senior Data Analyst, Finance Transformation",
    interviewers=(
        Interviewer(
            "Dana Whitfield", "Head of Analytics and Reporting", "dana.whitfield@northwind.example"
        ),
        Interviewer(
            "Dr. Ana Ruiz", "Finance Director, EMEA", "ana.ruiz@northwind.example", "relaxed"
        ),
        Interviewer(
            "Oluwaseun Adeyemi-Barrett",
            "Senior Manager, Data Engineering",
            "oluwaseun.adeyemi-barrett@northwind.example",
        ),
    ),
    interview_date="2026-11-24",
    qualifications=(
        "six years of SQL and Python reporting for finance teams in two FTSE 250 companies",
        "dashboards in Power BI and Tableau that finance directors use every single day",
        "a habit of documenting each analysis so anyone on the team can rerun it",
    ),
    decision_date="2026-12-04",
    availability="weekdays after 2 pm UK time",
    region="GB-ENG",
    remote=True,
    prefer_email=True,
)
REALISTIC = State(
    profile=REALISTIC_PROFILE,
    checks={
        s.id: f"{s.due.isoformat()}T17:42:19.123Z" for s in schedule(facts_of(REALISTIC_PROFILE))
    },
    outcome="waiting",
    outcome_on="",
)


def test_storage_format() -> None:
    text = to_storage(State(checks={"call": "2026-11-27T10:00:00Z"}))
    # Only what differs from the defaults is written: reading takes the default for the rest.
    assert text == (
        '{"app":"secondround","schema":2,"state":{"checks":{"call":"2026-11-27T10:00:00Z"}}}'
    )
    assert to_storage(State()) == '{"app":"secondround","schema":2,"state":{}}'


def test_storage_keeps_unicode_readable() -> None:
    text = to_storage(State(profile=Profile(name="Zoë 李")))
    assert '"name":"Zoë 李"' in text


@given(states(hostile_text))
def test_storage_round_trip(s: State) -> None:
    assert from_storage(to_storage(s)) == s


@given(states(hostile_text))
def test_bookmark_round_trip(s: State) -> None:
    token = to_bookmark(s)
    assert token.startswith("sr1.")
    assert all(ch.isascii() and (ch.isalnum() or ch in "-_.") for ch in token)
    assert from_bookmark(token) == s


def test_realistic_bookmark_is_short() -> None:
    # Email and card for each of three people, the post, and the two check-ins.
    assert len(REALISTIC.checks) == 9
    token = to_bookmark(REALISTIC)
    assert len(token) <= 2000
    assert from_bookmark(token) == REALISTIC
    assert from_bookmark("#" + token) == REALISTIC


def test_bookmark_is_deterministic() -> None:
    # The same checklist built another way (ticks recorded in another order) gives one token.
    reordered = replace(REALISTIC, checks=dict(reversed(list(REALISTIC.checks.items()))))
    assert list(reordered.checks) != list(REALISTIC.checks)
    assert to_bookmark(REALISTIC) == to_bookmark(reordered)


V0_STORAGE = json.dumps(
    {
        "app": "secondround",
        "schema": 0,
        "state": {
            "profile": {
                "name": "Sam",
                "email": "sam@example.com",
                "phone": "",
                "company": "Northwind",
                "position": "Analyst",
                "interview_date": "2026-11-24",
                "qualifications": ["SQL"],
                "discussed": "",
                "interviewer": {"name": "Dana", "title": "", "email": "", "tone": "formal"},
            },
            "checks": {"call": "2026-11-27T10:00:00Z"},
        },
    }
)


def test_storage_migrates_schema_0() -> None:
    assert from_storage(V0_STORAGE) == State(
        profile=Profile(
            name="Sam",
            email="sam@example.com",
            company="Northwind",
            position="Analyst",
            interviewers=(Interviewer(name="Dana"),),
            interview_date="2026-11-24",
            qualifications=("SQL", "", ""),
        ),
        checks={"call": "2026-11-27T10:00:00Z"},
    )


def _with(**changes: object) -> str:
    envelope = json.loads(to_storage(State()))
    envelope.update(changes)
    return json.dumps(envelope)


@pytest.mark.parametrize(
    ("text", "error"),
    [
        pytest.param("", CorruptState, id="empty"),
        pytest.param("{", CorruptState, id="cut-json"),
        pytest.param("null", NotOurs, id="null"),
        pytest.param("[]", NotOurs, id="list"),
        pytest.param('"secondround"', NotOurs, id="string"),
        pytest.param('{"app":"othertool","schema":1,"state":{}}', NotOurs, id="other-app"),
        pytest.param(_with(schema=3), UnsupportedVersion, id="newer-schema"),
        pytest.param(_with(schema=-1), UnsupportedVersion, id="negative-schema"),
        pytest.param(_with(schema="1"), CorruptState, id="text-schema"),
        pytest.param(_with(schema=True), CorruptState, id="bool-schema"),
        pytest.param(_with(schema=1.0), CorruptState, id="float-schema"),
        pytest.param(_with(extra=1), CorruptState, id="extra-envelope-key"),
        pytest.param(_with(state=None), CorruptState, id="null-state"),
        pytest.param(V0_STORAGE.replace('"interviewer"', '"boss"'), CorruptState, id="broken-v0"),
        pytest.param("[" * 200_000 + "]" * 200_000, TooLarge, id="too-large"),
        pytest.param("[" * 100_000 + "]" * 100_000, CorruptState, id="deep-nesting"),
        pytest.param('{"a":' * 50 + "1" + "}" * 50, CorruptState, id="deep-objects"),
        pytest.param("NaN", NotOurs, id="nan"),
    ],
)
def test_storage_rejects(text: str, error: type[StateError]) -> None:
    with pytest.raises(error) as caught:
        from_storage(text)
    assert type(caught.value) is error


def test_brackets_inside_text_are_not_nesting() -> None:
    s = State(profile=Profile(name="[" * 300, position='{"[' * 40))
    assert from_storage(to_storage(s)) == s
    assert from_bookmark(to_bookmark(s)) == s


def _wrap(packed: bytes, crc: bytes | None = None) -> str:
    # The token layout, written out independently: CRC-32, length, deflated JSON.
    body = len(packed).to_bytes(2, "big") + packed
    check = crc if crc is not None else zlib.crc32(body).to_bytes(4, "big")
    return "sr1." + base64.urlsafe_b64encode(check + body).rstrip(b"=").decode()


def _token(payload: bytes, *, crc: bytes | None = None) -> str:
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    return _wrap(packer.compress(payload) + packer.flush(), crc)


def test_crafted_token_of_schema_0_migrates() -> None:
    payload = json.loads(V0_STORAGE)
    del payload["app"]
    assert from_bookmark(_token(json.dumps(payload).encode())) == from_storage(V0_STORAGE)


GOOD = to_bookmark(REALISTIC)


@pytest.mark.parametrize(
    ("token", "error"),
    [
        pytest.param("", NotOurs, id="empty"),
        pytest.param("hello", NotOurs, id="words"),
        pytest.param("#section-2", NotOurs, id="page-anchor"),
        pytest.param("sr2." + GOOD[4:], UnsupportedVersion, id="newer-version"),
        pytest.param("sr0.abc", UnsupportedVersion, id="older-version"),
        pytest.param("sr1.", Truncated, id="prefix-only"),
        pytest.param(GOOD[:-1], Truncated, id="last-char-cut"),
        pytest.param(GOOD[: len(GOOD) // 2], Truncated, id="cut-in-half"),
        pytest.param(GOOD[:9], Truncated, id="cut-in-header"),
        pytest.param(GOOD + "A", BadChecksum, id="char-added"),
        pytest.param(GOOD[:10] + "!" + GOOD[11:], CorruptState, id="foreign-char"),
        pytest.param(GOOD[:10] + "+" + GOOD[11:], CorruptState, id="standard-base64-char"),
        pytest.param(GOOD + "=", CorruptState, id="padding"),
        pytest.param("sr1." + "A" * 9000, TooLarge, id="too-long"),
        pytest.param(_token(b"{}", crc=b"\0\0\0\0"), BadChecksum, id="wrong-crc"),
        pytest.param(_token(b"{not json"), CorruptState, id="not-json"),
        pytest.param(_token(b'{"schema":1,"state":{}}'), CorruptState, id="wrong-shape"),
        pytest.param(_token(b'{"schema":9,"state":{}}'), UnsupportedVersion, id="future-schema"),
        pytest.param(_token(b"[1]"), NotOurs, id="json-list"),
        pytest.param(_token(b"\xff\xfe"), CorruptState, id="not-utf8"),
        pytest.param(_token(b" " * 2_000_000), TooLarge, id="decompression-bomb"),
        pytest.param(_token(b"[" * 5000 + b"]" * 5000), CorruptState, id="deep-nesting"),
    ],
)
def test_bookmark_rejects(token: str, error: type[StateError]) -> None:
    with pytest.raises(error) as caught:
        from_bookmark(token)
    assert type(caught.value) is error


def test_bomb_token_is_small() -> None:
    # The point of the bomb case: a token well under the length limit.
    assert len(_token(b" " * 2_000_000)) < 8000


def test_every_truncation_is_rejected_as_truncated() -> None:
    for end in range(len("sr1."), len(GOOD)):
        with pytest.raises(Truncated):
            from_bookmark(GOOD[:end])


_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"


@given(st.data())
def test_single_character_changes_are_rejected(data: st.DataObject) -> None:
    i = data.draw(st.integers(min_value=0, max_value=len(GOOD) - 1))
    ch = data.draw(st.one_of(st.sampled_from(_ALPHABET), st.characters()))
    mutated = GOOD[:i] + ch + GOOD[i + 1 :]
    if mutated == GOOD:
        return
    with pytest.raises(StateError):
        from_bookmark(mutated)


@given(st.data())
def test_single_byte_changes_are_rejected(data: st.DataObject) -> None:
    raw = bytearray(base64.urlsafe_b64decode(GOOD[4:] + "=" * (-len(GOOD[4:]) % 4)))
    i = data.draw(st.integers(min_value=0, max_value=len(raw) - 1))
    raw[i] ^= data.draw(st.integers(min_value=1, max_value=255))
    token = "sr1." + base64.urlsafe_b64encode(bytes(raw)).rstrip(b"=").decode()
    with pytest.raises(StateError):
        from_bookmark(token)


@given(st.text(max_size=300))
def test_random_text_only_ever_raises_state_errors(text: str) -> None:
    for reader in (from_bookmark, from_storage):
        # Anything but a StateError escapes suppress() and fails the test.
        with contextlib.suppress(StateError):
            reader(text)


@given(st.text(st.sampled_from(_ALPHABET), max_size=300))
def test_random_tokens_only_ever_raise_state_errors(body: str) -> None:
    with pytest.raises(StateError):
        from_bookmark("sr1." + body)


@given(st.binary(max_size=300))
def test_random_bytes_behind_a_valid_checksum_raise_state_errors(payload: bytes) -> None:
    with pytest.raises(StateError):
        from_bookmark(_wrap(payload))


@pytest.mark.parametrize(
    "error",
    [StateError, CorruptState, UnsupportedVersion, NotOurs, TooLarge, BadChecksum, Truncated],
)
def test_errors_explain_themselves(error: type[StateError]) -> None:
    e = error()
    assert isinstance(e, ValueError)
    text = str(e)
    assert text[0].isupper()
    assert text.endswith(".")
    assert "Error" not in text
    assert str(error("Custom words.")) == "Custom words."


FIXTURES = Path(__file__).parent / "fixtures"
# What the schema 1 code saved (tests/unit/fixtures, written before schema 2 existed).
V1_PROFILE = Profile(
    name="Jordan Rivera",
    email="jordan.rivera@example.com",
    phone="555-0142",
    company="Northwind Analytics",
    position="Senior Data Analyst",
    interviewers=(
        Interviewer(
            name="Dr. Helen Cho",
            title="Head of Analytics",
            email="helen.cho@example.com",
            role="hiring_manager",
            topics="the plan to move the monthly dashboards to real-time data",
        ),
        Interviewer(
            name="Zoë O'Neill-Park",
            title="Data Engineering Lead",
            tone="relaxed",
            role="panel",
            topics="the plan to move the monthly dashboards to real-time data",
        ),
    ),
    interview_date="2026-03-05",
    qualifications=(
        "six years of SQL and Python reporting",
        "leading a team of three analysts",
        "",
    ),
    decision_date="2026-03-13",
    availability="weekdays after 2 pm",
)
V1_STATE = State(
    profile=V1_PROFILE,
    # Ticks kept by position in schema 1 are now kept by person.
    checks={"email-p1": "2026-03-05T18:02", "card-p2": "2026-03-05T19:40"},
)


def test_a_schema_1_saved_state_opens_with_sensible_defaults() -> None:
    text = (FIXTURES / "state-v1.json").read_text(encoding="utf-8").strip()
    assert '"schema":1' in text
    assert from_storage(text) == V1_STATE


def test_a_schema_1_bookmark_opens_with_sensible_defaults() -> None:
    token = (FIXTURES / "bookmark-v1.txt").read_text(encoding="utf-8").strip()
    assert from_bookmark(token) == V1_STATE
