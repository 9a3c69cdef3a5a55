"""A mailto: link (RFC 6068) that no typed text can turn into more recipients or headers."""

from __future__ import annotations

import re

from secondround.input.text import clean_line

__all__ = ["mail_link", "mailto"]


def mailto(to: str, subject: str, body: str) -> str:
    """A mailto: URI (RFC 6068) for one recipient, every character outside the safe set encoded.

    The scheme is fixed, and "?", "&", "#", "," and ":" in any part are encoded,
    so no input can add recipients or headers or turn the link into another scheme.
    """
    return mail_link(clean_line(to), clean_line(subject), body)


def mail_link(to: str, subject: str, body: str) -> str:
    """mailto() for an address and a subject already clean (the drafts make theirs from Facts):
    the same encoding, without reading the text again."""
    body = body.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\r\n")
    address = _percent(to, keep="@")
    query = []
    if subject:
        query.append("subject=" + _percent(subject))
    if body:
        query.append("body=" + _percent(body))
    return "mailto:" + address + ("?" + "&".join(query) if query else "")


# urllib's quote() walks byte by byte in Python and was most of the time spent
# building drafts. One str.replace per special character present is ten times
# faster for letters; only runs of non-ASCII characters are encoded byte by byte.
_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")


# "%" first, so the escapes added afterwards are never escaped again.
_SPECIAL = ("%", *(chr(c) for c in range(128) if chr(c) not in _UNRESERVED and chr(c) != "%"))


_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def _quote_run(m: re.Match[str]) -> str:
    # A lone surrogate cannot be UTF-8: it becomes an encoded "?", as urllib's quote() does.
    # (urllib.parse itself is not imported: it costs 60 ms of the kit's start in Pyodide.)
    return "".join(f"%{byte:02X}" for byte in m.group().encode("utf-8", "replace"))


def _percent(text: str, keep: str = "") -> str:
    for ch in _SPECIAL:
        if ch in text and ch != keep:
            text = text.replace(ch, f"%{ord(ch):02X}")
    return text if text.isascii() else _NON_ASCII.sub(_quote_run, text)
