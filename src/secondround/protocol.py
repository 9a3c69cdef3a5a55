"""What the page and the Python worker say to each other, declared once.

Every message, both ways, is one JSON text. The page sends events in; the worker answers with a
View (a whole tree or edits to the one on screen) and the effects the page must carry out. The
names the JavaScript needs are generated from here into build.mjs by the MkDocs hook, so no event
name, message kind, storage key, op kind or failure code is typed by hand in overrides/.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any, Literal, get_args

# A leaf: nothing of secondround is imported here, so every other module (the views, the
# model, the renderer, the door) can take its names from the protocol without a circle.

__all__ = [
    "ANY_EVENT_FIELDS",
    "EVENT_FIELDS",
    "EVENT_KINDS",
    "FAILURE_CODES",
    "FRESH_ID",
    "FRESH_ID_SHAPE",
    "FULL_TREE_EVENTS",
    "KIT_ID",
    "LOAD_STATUSES",
    "MESSAGE_KINDS",
    "NO_EFFECTS",
    "OP_KINDS",
    "PROBE_KEY",
    "ROOT_ID",
    "STORAGE_PREFIX",
    "TOKEN_MARK",
    "VALUE_TAG",
    "VIEW_CACHE_KEY",
    "Download",
    "Effects",
    "EventKind",
    "FailureCode",
    "FieldShape",
    "LoadStatus",
    "MessageKind",
    "OpKind",
    "encode",
    "for_javascript",
    "problem_with",
    "view_message",
]

# Events in: what the reader did (or the page saw), as {"type": kind, "arg", "value", clock...}.
EventKind = Literal[
    "boot",
    "mount",
    "field",
    "leave",
    "flag",
    "outcome",
    "add_interviewer",
    "remove_interviewer",
    "undo_remove",
    "check",
    "reset",
    "keep_example",
    "edit_start",
    "edit",
    "edit_done",
    "unedit",
    "forget",
    "restore",
    "dismiss",
    "import",
    "storage",
    "saving_off",
    "download",
    "app_add",
    "app_copy",
    "app_switch",
    "app_archive",
    "app_unarchive",
    "app_delete",
    "app_undelete",
]
EVENT_KINDS: tuple[EventKind, ...] = get_args(EventKind)
# After these the page holds no tree the worker knows of: it gets the whole tree, not edits.
# They are also not the reader acting, so the worker's warm-up goes on through them.
FULL_TREE_EVENTS: frozenset[EventKind] = frozenset({"boot", "mount"})

# Every event handed to update carries the identity a new application would take, drawn at the
# door (worker.py) from the browser's crypto, so update itself draws nothing: the same Model and
# event give the same result. 72 random bits as URL-safe base64: 12 characters.
FRESH_ID = "fresh_id"
FRESH_ID_SHAPE = re.compile(r"[A-Za-z0-9_-]{12}")

# What an event must carry beside its type, by kind; a field named here and absent is refused
# before update (the page's bug, said in the console), and so is a field of the wrong shape.
FieldShape = Literal["text", "true or false", "text or null", "a number", "an object"]
_ARG: dict[str, FieldShape] = {"arg": "text"}
_TEXT: dict[str, FieldShape] = {"value": "text"}
_FLAG: dict[str, FieldShape] = {"value": "true or false"}
EVENT_FIELDS: dict[EventKind, dict[str, FieldShape]] = {
    "boot": {"storage": "an object", "saving": "true or false"},
    "mount": _TEXT,
    "field": {**_ARG, **_TEXT},
    "leave": _ARG,
    "flag": {**_ARG, **_FLAG},
    "outcome": _TEXT,
    "remove_interviewer": _ARG,
    "check": {**_ARG, **_FLAG},
    "edit_start": _ARG,
    "edit": {**_ARG, **_TEXT},
    "unedit": _ARG,
    "dismiss": _ARG,
    "import": _TEXT,
    "storage": {**_ARG, "value": "text or null"},
    "download": _ARG,
    "app_switch": _ARG,
}
# Fields any event may carry; when present they must have this shape. ("value" on an event
# that declares none is not read, and "fresh_id" the door checks and draws anew.)
ANY_EVENT_FIELDS: dict[str, FieldShape] = {
    "arg": "text",
    "now_ms": "a number",
    "tz_offset_min": "a number",
    "language": "text",
    "build": "text",
}


def _fits(value: object, shape: FieldShape) -> bool:
    if shape == "text":
        return isinstance(value, str)
    if shape == "true or false":
        return isinstance(value, bool)
    if shape == "text or null":
        return value is None or isinstance(value, str)
    if shape == "a number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    return isinstance(value, dict)


def _json_kind(value: object) -> str:
    """What a JSON value is, in the words of a console message."""
    if value is None or isinstance(value, bool):
        return json.dumps(value)
    if isinstance(value, str):
        return "text"
    if isinstance(value, (int, float)):
        return "a number"
    return "a list" if isinstance(value, list) else "an object"


def problem_with(event: object) -> str:
    """Why the page's message cannot be an event, in one line; "" when it can.

    `event` is the message's parsed JSON. The page only sends what the View asked for, so a
    problem here is a bug on the page, refused before it reaches update.
    """
    if not isinstance(event, dict):
        return f'the message is {_json_kind(event)}, expected an object with a "type"'
    kind = event.get("type")
    if kind is None:
        return 'the message has no "type", expected one of the event kinds'
    if not isinstance(kind, str) or kind not in EVENT_KINDS:
        shown = json.dumps(kind[:40]) if isinstance(kind, str) else _json_kind(kind)
        return f'"type" is {shown}, expected one of the event kinds'
    required = EVENT_FIELDS.get(kind, {})
    for name, shape in {**ANY_EVENT_FIELDS, **required}.items():
        if name not in event:
            if name in required:
                return f'a "{kind}" event has no "{name}", expected {shape}'
            continue
        if not _fits(event[name], shape):
            got = _json_kind(event[name])
            return f'a "{kind}" event\'s "{name}" is {got}, expected {shape}'
    return ""


# Messages out, from the worker. Only "view" comes from Python; the others are the worker
# script's own reports while Python starts.
MessageKind = Literal["progress", "step", "starting", "runtime_cached", "failed", "view"]
MESSAGE_KINDS: tuple[MessageKind, ...] = get_args(MessageKind)

# Why the kit could not start; the page shows the sentence the kit's markup has for each code
# (kit_page.py), with the technical detail (a file name, an error) beside it.
FailureCode = Literal["stalled", "download", "start", "worker"]
FAILURE_CODES: tuple[FailureCode, ...] = get_args(FailureCode)

# The kit's loading line, shown one at a time (kit_page.py writes one element per status).
LoadStatus = Literal["static", "downloading", "starting", "ready", "failed"]
LOAD_STATUSES: tuple[LoadStatus, ...] = get_args(LoadStatus)

# The element the build renders the kit into (kit_page.py); the page mounts on it.
KIT_ID = "secondround-kit"
# The root of the View's tree (views.py draws it), which the page patches.
ROOT_ID = "sr-live"

# Edits to the page's copy of the tree; render.py says what each holds and makes them.
OpKind = Literal["node", "attrs", "children"]
OP_KINDS: tuple[OpKind, ...] = get_args(OpKind)
# An element whose content is its value: the tree keeps the text in its "value" attribute, and
# neither the HTML (render.py) nor the page's patcher (dom.js) gives it children.
VALUE_TAG = "textarea"

# localStorage keys: namespaced and versioned so another app or a later schema never collides.
STORAGE_PREFIX = "secondround:"
# The page's last View, for an instant repeat visit (dom.js reads it before the first paint).
VIEW_CACHE_KEY = "secondround:view-cache"
# Written and removed once, to learn whether this browser lets the kit save at all.
PROBE_KEY = "secondround:probe"
# Every version's bookmark token starts so (codec.BOOKMARK_PREFIX is this version's): a token
# from a later version is still recognised, and told apart from a stray fragment.
TOKEN_MARK = "sr"


@dataclass(frozen=True)
class Download:
    """A file the reader asked for, which the page offers as a download."""

    filename: str
    mime: str
    text: str


@dataclass(frozen=True)
class Effects:
    """What the page does once, after showing a View: `update` returns these beside the Model."""

    # localStorage writes, in order.
    writes: tuple[tuple[str, str], ...] = ()
    # A file the reader asked for.
    download: Download | None = None
    # The reader asked to be forgotten: every key, cache and worker of ours goes.
    forget: bool = False
    # The id of the element to focus once the View is shown (after a removal, say).
    focus: str = ""

    def __add__(self, later: Effects) -> Effects:
        return Effects(
            writes=(*self.writes, *later.writes),
            download=later.download or self.download,
            forget=self.forget or later.forget,
            focus=later.focus or self.focus,
        )


NO_EFFECTS = Effects()


def encode(message: dict[str, Any]) -> str:
    """The one encoding of every message: compact JSON text, non-ASCII kept as it is."""
    return json.dumps(message, ensure_ascii=False, separators=(",", ":"))


def view_message(shown: dict[str, Any], effects: Effects, answers: int = 1) -> str:
    """The worker's answer to events: the View (tree or ops, bookmark, announcement), effects.

    `answers` is how many of the page's events this one View answers.
    """
    download = effects.download
    return encode(
        {
            "type": "view",
            "answers": answers,
            "view": shown,
            "effects": {
                "writes": [list(pair) for pair in effects.writes],
                "download": None
                if download is None
                else {"filename": download.filename, "mime": download.mime, "text": download.text},
                "forget": effects.forget,
                "focus": effects.focus,
            },
        }
    )


def _names(values: tuple[str, ...]) -> dict[str, str]:
    return {value: value for value in values}


def for_javascript() -> dict[str, Any]:
    """The names the page and worker scripts use, as the hook writes them into build.mjs."""
    return {
        "EVENT": _names(EVENT_KINDS),
        "FULL_TREE_EVENTS": sorted(FULL_TREE_EVENTS),
        "MESSAGE": _names(MESSAGE_KINDS),
        "FAILURE": _names(FAILURE_CODES),
        "STATUS": _names(LOAD_STATUSES),
        "OP": _names(OP_KINDS),
        "VALUE_TAG": VALUE_TAG,
        "ROOT_ID": ROOT_ID,
        "KIT_ID": KIT_ID,
        "STORAGE_PREFIX": STORAGE_PREFIX,
        "PROBE_KEY": PROBE_KEY,
        "VIEW_CACHE_KEY": VIEW_CACHE_KEY,
        "TOKEN_MARK": TOKEN_MARK,
    }
