"""Typed text made safe and read: a tidy line, a date, an email, a phone, an https address."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date

__all__ = [
    "SHAPES",
    "clean_line",
    "days_of",
    "is_email",
    "is_https_url",
    "parse_date",
    "strip_controls",
]


# Explicit bidi embeddings, overrides and isolates: one left unbalanced would
# reorder the rest of a letter, so they go; marks such as U+200F stay.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _drop(ch: str, keep_newline: bool) -> bool:
    code = ord(ch)
    if ch == "\n":
        return not keep_newline
    # C0, DEL and C1 controls, lone surrogates (they cannot be encoded as UTF-8).
    return code < 0x20 or 0x7F <= code <= 0x9F or 0xD800 <= code <= 0xDFFF or ch in _BIDI_CONTROLS


_NEEDS_CLEANING = re.compile(
    "[\x00-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069]", flags=re.UNICODE
)


def strip_controls(text: str, keep_newline: bool) -> str:
    if not _NEEDS_CLEANING.search(text):
        return text
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not keep_newline:
        # A pasted line break or tab in a one-line field reads as a space.
        text = text.replace("\n", " ").replace("\t", " ")
    else:
        text = text.replace("\t", " ")
    return "".join(ch for ch in text if not _drop(ch, keep_newline))


_SPACES = re.compile(r"\s+")


def clean_line(text: str) -> str:
    """One tidy line for a letter: no control characters, single spaces, no edges."""
    return _SPACES.sub(" ", strip_controls(text, keep_newline=False)).strip()


_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")


def days_of(stamps: Mapping[str, str]) -> dict[str, date]:
    """The day of each stored stamp (a date, or an ISO timestamp whose day is what counts);
    stamps that hold no readable day are left out."""
    days = {}
    for key, stamp in stamps.items():
        text = stamp.strip()
        day = parse_date(text[:10] if len(text) > 10 and text[10] in "T " else text)
        if day is not None:
            days[key] = day
    return days


def parse_date(s: str) -> date | None:
    """A calendar date from the YYYY-MM-DD text a date input produces, or None."""
    m = _ISO_DATE.fullmatch(s.strip())
    if m is None:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


# Deliberately loose: one @, something before it, a dotted domain after it and
# no spaces. Any Unicode is fine (internationalized addresses exist); the real
# test is whether mail arrives, which no pattern can tell.
_EMAIL = re.compile(r"[^\s@]+@[^\s@.]+(\.[^\s@.]+)+")


def is_email(text: str) -> bool:
    """Whether text looks like one email address."""
    return _EMAIL.fullmatch(text.strip()) is not None


# An https address with a dotted host and no spaces: what a profile or portfolio link is.
_HTTPS_URL = re.compile(r"https://[^\s/?#@]+\.[^\s/?#@.]+(?::[0-9]{1,5})?(?:[/?#]\S*)?", re.I)


def is_https_url(text: str) -> bool:
    """Whether text looks like one https:// address."""
    return _HTTPS_URL.fullmatch(text.strip()) is not None


def _is_phone(text: str) -> bool:
    digits = sum(ch.isdigit() for ch in text)
    return _PHONE_CHARS.fullmatch(text) is not None and 5 <= digits <= 20


_PHONE_CHARS = re.compile(r"[0-9+()\-. /]+(\s*(x|ext\.?)\s*[0-9]+)?", flags=re.IGNORECASE)


# What each input kind's text must look like, once typed (dates have their own messages).
SHAPES: dict[str, Callable[[str], bool]] = {
    "email": is_email,
    "tel": _is_phone,
    "url": is_https_url,
}
