"""Saving a State: JSON for localStorage and a short checksummed token for the URL fragment."""

from __future__ import annotations

import base64
import json
import re
import zlib
from typing import Any

from secondround.saved.migrations import MIGRATIONS, migrate
from secondround.saved.state import (
    SCHEMA_VERSION,
    ShapeError,
    State,
    state_from_dict,
    state_to_dict,
)

__all__ = [
    "APP",
    "BOOKMARK_PREFIX",
    "MAX_BOOKMARK_CHARS",
    "MAX_STORAGE_CHARS",
    "BadChecksum",
    "CorruptState",
    "NotOurs",
    "StateError",
    "TooLarge",
    "Truncated",
    "UnsupportedVersion",
    "from_bookmark",
    "from_storage",
    "read_json",
    "to_bookmark",
    "to_storage",
]

APP = "secondround"
BOOKMARK_PREFIX = "sr1."
MAX_STORAGE_CHARS = 256 * 1024
MAX_BOOKMARK_CHARS = 8000
# The decompressed bookmark may be no larger than what storage accepts: this is
# what stops a small token that inflates to gigabytes.
MAX_INFLATED_BYTES = MAX_STORAGE_CHARS
# Real states nest four levels deep; deeper JSON is hostile and, parsed, could
# exhaust the small WebAssembly stack before Python's recursion limit trips.
_MAX_DEPTH = 8


class StateError(ValueError):
    """A saved state that cannot be used; str(error) says why in plain words."""

    default = "The saved checklist could not be read."

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or self.default)


class CorruptState(StateError):
    default = "The saved checklist is damaged and could not be read."


class UnsupportedVersion(StateError):
    default = "The saved checklist comes from a version of Second Round this page does not know."


class NotOurs(StateError):
    default = "This is not a Second Round checklist."


class TooLarge(StateError):
    default = "The saved checklist is too large to be genuine, so it was not read."


class BadChecksum(StateError):
    default = "The bookmark link was changed or mistyped: its check digits do not match."


class Truncated(StateError):
    default = "The bookmark link is incomplete: it may have been cut off when it was copied."


def _dumps(obj: object) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def to_storage(s: State) -> str:
    """Compact, sorted JSON with the app name and schema version around the state."""
    return _dumps({"app": APP, "schema": SCHEMA_VERSION, "state": state_to_dict(s)})


# A JSON string as one token (so brackets inside text are skipped), or a bracket.
_JSON_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


def _too_deep(text: str) -> bool:
    if text.count("[") + text.count("{") <= _MAX_DEPTH:
        return False
    depth = 0
    for m in _JSON_TOKENS.finditer(text):
        ch = m.group()
        if ch in ("[", "{"):
            depth += 1
            if depth > _MAX_DEPTH:
                return True
        elif ch in ("]", "}"):
            depth -= 1
    return False


def _loads(text: str) -> Any:
    if _too_deep(text):
        raise CorruptState("The saved checklist is nested too deeply to be genuine.")
    try:
        return json.loads(text)
    except (ValueError, RecursionError) as e:
        raise CorruptState() from e


def read_json(text: str) -> Any:
    """Parse JSON text from storage, a file or a link: too deep or broken raises CorruptState."""
    return _loads(text)


def _read(payload: object, with_app: bool) -> State:
    if not isinstance(payload, dict) or (with_app and payload.get("app") != APP):
        raise NotOurs()
    schema = payload.get("schema")
    if type(schema) is not int:
        raise CorruptState("The saved checklist does not say which version wrote it.")
    if schema > SCHEMA_VERSION:
        raise UnsupportedVersion(
            "The saved checklist was made by a newer version of Second Round. "
            "Reload the page to get the newest version."
        )
    if schema != SCHEMA_VERSION and schema not in MIGRATIONS:
        raise UnsupportedVersion()
    expected = {"app", "schema", "state"} if with_app else {"schema", "state"}
    if set(payload) != expected:
        raise CorruptState()
    try:
        return state_from_dict(migrate(payload["state"], schema))
    except (ShapeError, KeyError, TypeError) as e:
        raise CorruptState(f"The saved checklist is damaged and could not be read: {e}") from e


def from_storage(text: str) -> State:
    """Read what to_storage wrote, migrating older schemas; anything else raises a StateError."""
    if not isinstance(text, str):
        raise NotOurs()
    if len(text) > MAX_STORAGE_CHARS:
        raise TooLarge()
    return _read(_loads(text), with_app=True)


def _b64encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def to_bookmark(s: State) -> str:
    """A short URL-fragment-safe token: "sr1." and base64url of a header and raw-deflated JSON.

    The header is the CRC-32 of everything after it, then the deflated length in
    two bytes: the length tells a link cut short from one that was altered.
    """
    text = _dumps({"schema": SCHEMA_VERSION, "state": state_to_dict(s)})
    # "surrogatepass" lets a lone surrogate (which JavaScript strings can hold) round-trip.
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    packed = packer.compress(text.encode("utf-8", "surrogatepass")) + packer.flush()
    if len(packed) > 0xFFFF:
        raise TooLarge("This checklist is too large to fit in a bookmark link.")
    body = len(packed).to_bytes(2, "big") + packed
    return BOOKMARK_PREFIX + _b64encode(zlib.crc32(body).to_bytes(4, "big") + body)


_TOKEN = re.compile(r"[A-Za-z0-9_-]*")
_VERSIONED = re.compile(r"sr[0-9]+\.")


def from_bookmark(token: str) -> State:
    """Read a to_bookmark token (a leading "#" is allowed); anything else raises a StateError."""
    if not isinstance(token, str):
        raise NotOurs()
    token = token.strip()
    token = token.removeprefix("#")
    if len(token) > MAX_BOOKMARK_CHARS:
        raise TooLarge("The bookmark link is too long to be genuine, so it was not read.")
    if not token.startswith(BOOKMARK_PREFIX):
        if _VERSIONED.match(token):
            raise UnsupportedVersion(
                "The bookmark link comes from a version of Second Round this page does not know."
            )
        raise NotOurs("This link does not hold a Second Round checklist.")
    body = token[len(BOOKMARK_PREFIX) :]
    if not _TOKEN.fullmatch(body):
        raise CorruptState(
            "The bookmark link holds characters it never contains: it was probably mistyped."
        )
    # A length of 4k + 1 is never whole base64: read what the rest holds to tell
    # a cut-off link from one with a stray character.
    extra = len(body) % 4 == 1
    if extra:
        body = body[:-1]
    raw = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
    if len(raw) < 6 or len(raw) - 6 < int.from_bytes(raw[4:6], "big"):
        raise Truncated()
    packed = raw[6:]
    # Only one spelling of the bytes is accepted, so a changed last character
    # can never slip through as "the same" token.
    if (
        extra
        or _b64encode(raw) != body
        or len(packed) > int.from_bytes(raw[4:6], "big")
        or zlib.crc32(raw[4:]).to_bytes(4, "big") != raw[:4]
    ):
        raise BadChecksum()
    unpacker = zlib.decompressobj(-15)
    try:
        data = unpacker.decompress(packed, MAX_INFLATED_BYTES + 1)
    except zlib.error as e:
        raise CorruptState() from e
    if len(data) > MAX_INFLATED_BYTES or unpacker.unconsumed_tail:
        raise TooLarge()
    if not unpacker.eof:
        raise Truncated()
    if unpacker.unused_data:
        raise CorruptState()
    try:
        text = data.decode("utf-8", "surrogatepass")
    except UnicodeDecodeError as e:
        raise CorruptState() from e
    return _read(_loads(text), with_app=False)
