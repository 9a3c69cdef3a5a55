"""What the page and the Python worker say to each other, declared once: names and shapes.

Every message, both ways, is one JSON text. The page sends events in; the worker answers with a
View (a whole tree or edits to the one on screen) and the effects the page must carry out. Each
message's shape is a TypedDict here. The build writes the names the scripts need (kinds, fields,
codes, keys, the data-* attributes they read, the Python they call) into build.mjs, so none is
typed by hand in a shipped script (secondround_site/names.py, tests/site/test_protocol.py).
"""

# No `from __future__ import annotations` here: the shapes are read at import (EVENT_FIELDS),
# and with postponed annotations Python 3.11 takes a NotRequired key for a required one.

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal, NotRequired, Protocol, TypedDict, cast, get_args, get_origin

# A leaf: nothing of secondround is imported here, so every other module (the views, the
# model, the renderer, the door) can take its names from the protocol without a circle.

__all__ = [
    "DATA_ATTRIBUTES",
    "ENTRY_POINTS",
    "EVENT_FIELDS",
    "EVENT_KINDS",
    "EVENT_SHAPES",
    "FAILURE_CODES",
    "FIELDS",
    "FRESH_ID",
    "FRESH_ID_SHAPE",
    "FULL_TREE_EVENTS",
    "KIT_ID",
    "LOAD_STATUSES",
    "LOAD_STEPS",
    "MESSAGE_KINDS",
    "MESSAGE_SHAPES",
    "NO_EFFECTS",
    "OP_KINDS",
    "PROBE_KEY",
    "ROOT_ID",
    "STORAGE_PREFIX",
    "TOKEN_MARK",
    "VALUE_ATTR",
    "VALUE_TAG",
    "VIEW_CACHE_KEY",
    "WORKER_MODULE",
    "DataAttribute",
    "Download",
    "DownloadSent",
    "Effects",
    "EffectsSent",
    "EntryPoint",
    "Event",
    "EventKind",
    "FailureCode",
    "FieldShape",
    "KitAttribute",
    "LoadStatus",
    "LoadStep",
    "Message",
    "MessageKind",
    "OpKind",
    "Shape",
    "ShownView",
    "ViewAttribute",
    "ViewCache",
    "ViewMessage",
    "encode",
    "fields_of",
    "problem_with",
    "view_message",
]


class Shape(Protocol):
    """A message's shape, as a class: one of the TypedDicts below."""

    __required_keys__: frozenset[str]
    __optional_keys__: frozenset[str]
    __annotations__: dict[str, Any]


# As an object: mypy will not compare get_origin's answer with the special form itself.
_NOT_REQUIRED: object = NotRequired


def fields_of(shape: Shape) -> dict[str, Any]:
    """A message shape's fields, its bases' included, and their types (NotRequired unwrapped)."""
    # The TypedDict's own __annotations__ hold its bases' too; typing.get_type_hints would give
    # the same, some ten times slower, in the worker's start-up.
    return {
        name: get_args(hint)[0] if get_origin(hint) is _NOT_REQUIRED else hint
        for name, hint in shape.__annotations__.items()
    }


# --- Events in: what the reader did (or the page saw), grouped by what each kind carries.

# A value alone: the address's fragment (mount), the outcome chosen, a file's text.
_ValueKind = Literal["mount", "outcome", "import"]
# An action on the one thing `arg` names: a field left, a person, a draft, a notice, a file.
_ArgKind = Literal[
    "leave", "remove_interviewer", "edit_start", "unedit", "dismiss", "download", "app_switch"
]
# Text typed into the field (its path) or the draft (its key) that `arg` names.
_TextKind = Literal["field", "edit"]
# A box ticked or cleared: a profile flag or a checklist step, named by `arg`.
_FlagKind = Literal["flag", "check"]
# Actions that carry nothing but their kind: on the form and the drafts...
_FormKind = Literal["add_interviewer", "undo_remove", "reset", "keep_example", "edit_done"]
# ...on what the kit keeps (forget me, restore, saving found impossible)...
_KeepKind = Literal["forget", "unforget", "restore", "saving_off"]
# ...and on the reader's applications: a new one or a copy, and one archived or deleted (the
# current one, unless `arg` names another), and back.
_ShelfKind = Literal["app_archive", "app_unarchive", "app_delete", "app_undelete"]
_PlainKind = Literal[_FormKind, _KeepKind, "app_add", "app_copy", _ShelfKind]
EventKind = Literal["boot", _ValueKind, _ArgKind, _TextKind, _FlagKind, "storage", _PlainKind]
EVENT_KINDS: tuple[EventKind, ...] = get_args(EventKind)
# After these the page holds no tree the worker knows of: it gets the whole tree, not edits.
# They are also not the reader acting, so the worker's warm-up goes on through them.
FULL_TREE_EVENTS: frozenset[EventKind] = frozenset({"boot", "mount"})

# Every event handed to update carries the identity a new application would take, drawn at the
# door (worker.py) from the browser's crypto, so update itself draws nothing: the same Model and
# event give the same result. 72 random bits as URL-safe base64: 12 characters.
FRESH_ID = "fresh_id"
FRESH_ID_SHAPE = re.compile(r"[A-Za-z0-9_-]{12}")


# Each group's shape. A field marked NotRequired may be absent, and is checked when present:
# the door (worker.py) refuses an event that lacks a required field or has one of the wrong
# shape, before update.
class _Sent(TypedDict):
    # What the page adds to every event (kit.js): its clock when the reader acted, in
    # milliseconds since the epoch and the minutes its time zone is behind UTC
    # (Date.getTimezoneOffset()). FRESH_ID is not checked: the door keeps a well formed one
    # and draws one otherwise.
    now_ms: NotRequired[float]
    tz_offset_min: NotRequired[float]
    fresh_id: NotRequired[str]


class _MayName(_Sent):
    # A button sends its data-arg with any action; the kinds that need one require it.
    arg: NotRequired[str]


class _Boot(_MayName):
    # The page's first event: its stored keys of ours, whether it may save, which build.
    type: Literal["boot"]
    storage: dict[str, str]
    saving: bool
    build: NotRequired[str]
    language: NotRequired[str]


class _Value(_MayName):
    type: _ValueKind
    value: str


class _Arg(_Sent):
    type: _ArgKind
    arg: str


class _Text(_Sent):
    type: _TextKind
    arg: str
    value: str


class _Flag(_Sent):
    type: _FlagKind
    arg: str
    value: bool


class _Storage(_Sent):
    # Another tab wrote the key of ours `arg` names; `value` is null when it removed it.
    type: Literal["storage"]
    arg: str
    value: str | None


class _Plain(_MayName):
    type: _PlainKind


Event = _Boot | _Value | _Arg | _Text | _Flag | _Storage | _Plain
EVENT_SHAPES: tuple[Shape, ...] = get_args(Event)

# What a field's JSON must be, in the words of a console message.
FieldShape = Literal["text", "true or false", "text or null", "a number", "an object"]
_SHAPES: dict[object, FieldShape] = {
    str: "text",
    bool: "true or false",
    str | None: "text or null",
    float: "a number",
}


def _shape(hint: object) -> FieldShape:
    return "an object" if get_origin(hint) is dict else _SHAPES[hint]


_ByKind = dict[EventKind, dict[str, FieldShape]]


def _event_fields() -> tuple[_ByKind, _ByKind]:
    required: _ByKind = {}
    optional: _ByKind = {}
    for shape in EVENT_SHAPES:
        fields = fields_of(shape)
        checked = {n: _shape(h) for n, h in fields.items() if n not in ("type", FRESH_ID)}
        for kind in get_args(fields["type"]):
            required[kind] = {n: s for n, s in checked.items() if n in shape.__required_keys__}
            optional[kind] = {n: s for n, s in checked.items() if n in shape.__optional_keys__}
    return required, optional


# Read from the shapes above: what each event kind must carry beside its type, and what it may
# carry (each checked when present).
EVENT_FIELDS, _MAY_CARRY = _event_fields()


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
    required = EVENT_FIELDS[kind]
    for name, shape in {**_MAY_CARRY[kind], **required}.items():
        if name not in event:
            if name in required:
                return f'a "{kind}" event has no "{name}", expected {shape}'
            continue
        if not _fits(event[name], shape):
            got = _json_kind(event[name])
            return f'a "{kind}" event\'s "{name}" is {got}, expected {shape}'
    return ""


# --- Messages out, from the worker. Only "view" comes from Python; the others are the worker
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

# The worker's start-up steps after its downloads: Pyodide's loader imported, our wheel unpacked.
LoadStep = Literal["loader", "wheel"]
LOAD_STEPS: tuple[LoadStep, ...] = get_args(LoadStep)


# The worker script's reports (worker.mjs): bytes arrived so far of what it downloads to start,
# and the whole of it; a start-up step done (a sign of life for the page's stall timer);
# Pyodide loaded, Python starting; the runtime in its cache or not (the page may now set up the
# offline copy); and why Python cannot start, with the technical detail shown beside it.
class _Progress(TypedDict):
    type: Literal["progress"]
    loaded: int
    expected: int


class _Step(TypedDict):
    type: Literal["step"]
    step: LoadStep


class _Starting(TypedDict):
    type: Literal["starting"]


class _RuntimeCached(TypedDict):
    type: Literal["runtime_cached"]


class _Failed(TypedDict):
    type: Literal["failed"]
    code: FailureCode
    detail: str


# A file the reader asked for (Download), as the page gets it.
class DownloadSent(TypedDict):
    filename: str
    mime: str
    text: str


class EffectsSent(TypedDict):
    """Effects, as the page gets them: writes as [key, value] pairs, in order."""

    writes: list[list[str]]
    download: DownloadSent | None
    forget: bool
    focus: str


class ShownView(TypedDict):
    """What the views draw (views.view), with the tree as the page needs it."""

    # The whole tree (render.py's [tag, attrs, ...children]) after boot or mount, else the
    # edits (render.diff) that turn the tree on screen into it.
    tree: NotRequired[Any]
    ops: NotRequired[list[Any]]
    # The address fragment's token ("" for a blank kit), and the sentence for screen readers.
    bookmark: str
    announce: str


class ViewMessage(TypedDict):
    """The worker's answer to `answers` of the page's events: the View and its effects."""

    type: Literal["view"]
    answers: int
    view: ShownView
    effects: EffectsSent


Message = _Progress | _Step | _Starting | _RuntimeCached | _Failed | ViewMessage
MESSAGE_SHAPES: tuple[Shape, ...] = get_args(Message)


# The page's last View, kept under VIEW_CACHE_KEY and shown at once on the next visit, with the
# build that drew it: one from another build could disagree with this page's code.
class ViewCache(TypedDict):
    build: str
    tree: Any


# Every field name of every shape: the scripts take them from build.mjs (FIELD.value).
_PARTS: tuple[Shape, ...] = (DownloadSent, EffectsSent, ShownView, ViewCache)
FIELDS: tuple[str, ...] = tuple(
    sorted(
        {name for shape in (*EVENT_SHAPES, *MESSAGE_SHAPES, *_PARTS) for name in fields_of(shape)}
    )
)

# --- The page's markup and storage.

# The element the build renders the kit into (kit_page.py); the page mounts on it.
KIT_ID = "secondround-kit"
# The root of the View's tree (views.py draws it), which the page patches.
ROOT_ID = "sr-live"

# Edits to the page's copy of the tree; render.py says what each holds and makes them.
OpKind = Literal["node", "attrs", "children"]
OP_KINDS: tuple[OpKind, ...] = get_args(OpKind)
# An element whose content is its value: the tree keeps the text in its VALUE_ATTR attribute,
# and neither the HTML (render.py) nor the page's patcher (dom.js) gives it children. The
# patcher sets that attribute as the element's live value too.
VALUE_TAG = "textarea"
VALUE_ATTR = "value"

# The data-* attributes the page's scripts read. The views write them on what the reader acts
# on (kit.js sends the event in data-action, about data-arg, or the field's or draft's text)
# and on the buttons that copy (an element's text or a link, then say data-copied) or print.
_ActedOn = Literal["data-field", "data-edit", "data-action", "data-arg"]
ViewAttribute = Literal[_ActedOn, "data-copy-from", "data-copy-link", "data-copied", "data-print"]
# The kit's markup (kit_page.py) writes them on the kit (its build), its patcher's script and
# its announcer; on its loading line (each status's element, the megabytes, the time left)...
_KitMarks = Literal["data-build", "data-apply-cache", "data-announce"]
_Left = Literal["data-left", "data-left-seconds", "data-left-minutes"]
_Loading = Literal["data-status", "data-loaded", "data-total", _Left]
# ...and on its failure (each code's sentence, the detail, the stall's seconds) and Retry.
_Failure = Literal["data-failure", "data-failure-detail", "data-detail", "data-stall-seconds"]
KitAttribute = Literal[_KitMarks, _Loading, _Failure, "data-retry"]
# The page itself marks the kit once it has put the cached View on screen (dom.js).
DataAttribute = Literal[ViewAttribute, KitAttribute, "data-cache-applied"]
DATA_ATTRIBUTES: tuple[DataAttribute, ...] = get_args(DataAttribute)

# localStorage keys: namespaced and versioned so another app or a later schema never collides.
STORAGE_PREFIX = "secondround:"
# The page's last View, for an instant repeat visit (dom.js reads it before the first paint).
VIEW_CACHE_KEY = "secondround:view-cache"
# Written and removed once, to learn whether this browser lets the kit save at all.
PROBE_KEY = "secondround:probe"
# Every version's bookmark token starts so (codec.BOOKMARK_PREFIX is this version's): a token
# from a later version is still recognised, and told apart from a stray fragment.
TOKEN_MARK = "sr"

# The Python the worker script calls: the module it imports, and that module's functions.
WORKER_MODULE = "secondround.worker"
EntryPoint = Literal["handle", "handle_all", "prepare", "rehearse"]
ENTRY_POINTS: tuple[EntryPoint, ...] = get_args(EntryPoint)


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

    def __add__(self, later: "Effects") -> "Effects":
        return Effects(
            writes=(*self.writes, *later.writes),
            download=later.download or self.download,
            forget=self.forget or later.forget,
            focus=later.focus or self.focus,
        )


NO_EFFECTS = Effects()


def encode(message: Mapping[str, Any]) -> str:
    """The one encoding of every message: compact JSON text, non-ASCII kept as it is."""
    return json.dumps(message, ensure_ascii=False, separators=(",", ":"))


def view_message(shown: Mapping[str, Any], effects: Effects, answers: int = 1) -> str:
    """The worker's answer to events: the View (tree or ops, bookmark, announcement), effects.

    `shown` is a ShownView (views.view's, tree or ops); `answers` is how many of the page's
    events this one View answers.
    """
    download = effects.download
    message: ViewMessage = {
        "type": "view",
        "answers": answers,
        "view": cast(ShownView, shown),
        "effects": {
            "writes": [list(pair) for pair in effects.writes],
            "download": None
            if download is None
            else {"filename": download.filename, "mime": download.mime, "text": download.text},
            "forget": effects.forget,
            "focus": effects.focus,
        },
    }
    return encode(message)
