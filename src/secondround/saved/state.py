"""Everything the widget remembers, and its plain-dict form: read tolerantly, written sparsely.

A key this build declares but the dict lacks takes the field's default, so adding an optional
field needs no migration, and a field at its default is not written; a key this build does not
know (a newer build's) is kept, as protobuf keeps unknown fields, and written back unchanged. A
schema number changes only when a meaning does (migrations.py).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Literal, get_args

from secondround.input.fields import PERSON_TEXT, text_fields
from secondround.input.profile import MAX_INTERVIEWERS, ROLES, Interviewer, Profile

__all__ = [
    "EDIT_KEY",
    "MAX_CHECKS",
    "MAX_EDITS",
    "MAX_EDIT_CHARS",
    "MAX_REVISION",
    "MAX_UNKNOWN_CHARS",
    "SCHEMA_VERSION",
    "STATE_KEYS",
    "V1_STATE_KEYS",
    "FrozenChecks",
    "Outcome",
    "ShapeError",
    "State",
    "content",
    "flag_of",
    "kept_of",
    "kept_text",
    "list_of",
    "split_known",
    "state_from_dict",
    "state_to_dict",
    "text_of",
]


Outcome = Literal["waiting", "offer", "not_hired"]


_OUTCOMES: tuple[Outcome, ...] = get_args(Outcome)


SCHEMA_VERSION = 2


# Far above the 17 steps a six-interviewer plan has: a bound for hostile input only.
MAX_CHECKS = 64


class ShapeError(ValueError):
    """A dict that is not a saved state of this schema; the message names the first bad part."""


class FrozenChecks(Mapping[str, str]):
    """An immutable, hashable step id → ISO timestamp mapping that compares equal by content."""

    __slots__ = ("_data",)

    def __init__(self, items: Mapping[str, str] | None = None) -> None:
        self._data: dict[str, str] = dict(items or {})

    def __getitem__(self, key: str) -> str:
        return self._data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Mapping):
            return self._data == dict(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(frozenset(self._data.items()))

    def __repr__(self) -> str:
        return f"FrozenChecks({self._data!r})"


@dataclass(frozen=True)
class State:
    """The profile, the ticked steps and the outcome once known; any mapping given is frozen."""

    profile: Profile = Profile()  # noqa: RUF009 -- frozen, so one shared default is safe
    checks: Mapping[str, str] = field(default_factory=FrozenChecks)
    outcome: Outcome = "waiting"
    outcome_on: str = ""
    # Which checklist this is ("" until the reader first changes something) and how many saved
    # changes it has seen: an older bookmark of the same checklist never rolls it back.
    id: str = ""
    revision: int = 0
    # Drafts the reader rewrote, by "<person id>:<kind>": their text replaces the generated one.
    edits: Mapping[str, str] = field(default_factory=FrozenChecks)
    # Keys a newer build saved that this one does not know, as canonical JSON text (hashable,
    # comparable): {"state": {...}, "profile": {...}, "people": {"<person id>": {...}}}.
    unknown: str = ""

    def __post_init__(self) -> None:
        # Frozen dataclasses allow this only through object.__setattr__.
        if not isinstance(self.checks, FrozenChecks):
            object.__setattr__(self, "checks", FrozenChecks(self.checks))
        if not isinstance(self.edits, FrozenChecks):
            object.__setattr__(self, "edits", FrozenChecks(self.edits))


def content(s: State) -> State:
    """The state without its identity and revision: what the reader typed and ticked."""
    return replace(s, id="", revision=0)


# The profile's yes/no choices; every other field but the two lists is text.
_PROFILE_FLAGS = ("remote", "prefer_email")


_PROFILE_TEXT = text_fields(Profile)


def _canonical(obj: object) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def kept_of(unknown: str) -> dict[str, Any]:
    """What a newer build wrote that this one keeps: the JSON object of an `unknown` field."""
    kept = json.loads(unknown) if unknown else {}
    return kept if isinstance(kept, dict) else {}


_NO_PERSON = Interviewer()


def _changed(pairs: Iterable[tuple[str, Any, Any]]) -> dict[str, Any]:
    """The keys whose value is not the field's default: reading gives the default back."""
    return {key: value for key, value, default in pairs if value != default}


def _person_dict(i: Interviewer, kept: dict[str, Any]) -> dict[str, Any]:
    fields = (*PERSON_TEXT, "tone", "role")
    return {
        **kept,
        "id": i.id,
        **_changed((name, getattr(i, name), getattr(_NO_PERSON, name)) for name in fields),
    }


def state_to_dict(s: State) -> dict[str, Any]:
    """The state as JSON-ready builtins, each field only when it is not its default (reading
    takes the default for a missing key); `state_from_dict` reads it back exactly, and the keys
    a newer build saved go back where they were."""
    kept = kept_of(s.unknown)
    people_kept = kept.get("people", {})
    p = s.profile
    # The defaults of the profile's own class (a subclass may declare more fields).
    blank = type(p)()
    names = (*text_fields(type(p)), *_PROFILE_FLAGS, "coordinator")
    profile = {
        **kept.get("profile", {}),
        **_changed((name, getattr(p, name), getattr(blank, name)) for name in names),
    }
    if p.qualifications != blank.qualifications:
        profile["qualifications"] = list(p.qualifications)
    if p.interviewers != blank.interviewers:
        profile["interviewers"] = [
            _person_dict(i, people_kept.get(i.id, {})) for i in p.interviewers
        ]
    top = _changed(
        (
            ("id", s.id, ""),
            ("revision", s.revision, 0),
            ("edits", dict(s.edits), {}),
            ("profile", profile, {}),
            ("checks", dict(s.checks), {}),
            ("outcome", s.outcome, "waiting"),
            ("outcome_on", s.outcome_on, ""),
        )
    )
    return {**kept.get("state", {}), **top}


def text_of(value: object, where: str) -> str:
    if not isinstance(value, str):
        raise ShapeError(f"{where} should be text.")
    try:
        # JSON can spell a lone surrogate ("\\ud800"); no form can type one, and no encoder
        # downstream (bookmark, mailto, calendar) could write it.
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ShapeError(f"{where} holds broken text (a lone surrogate).") from None
    return value


def flag_of(value: object, where: str) -> bool:
    if not isinstance(value, bool):
        raise ShapeError(f"{where} should be true or false.")
    return value


def list_of(value: object, where: str) -> list[Any]:
    if not isinstance(value, list):
        raise ShapeError(f"{where} should be a list.")
    return value


V1_STATE_KEYS = frozenset({"profile", "checks", "outcome", "outcome_on"})


STATE_KEYS = V1_STATE_KEYS | {"id", "revision", "edits"}


# A rewritten draft may be long, but a bookmark must stay a link: these bound hostile input.
MAX_EDITS = 24


MAX_EDIT_CHARS = 3000


EDIT_KEY = re.compile(r"[A-Za-z0-9_-]{1,16}:[a-z_]{1,24}")


_ID = re.compile(r"[A-Za-z0-9_-]{0,32}")


# Far beyond any reader's edits (one per keystroke), and exact as a JSON number in any parser.
MAX_REVISION = 2**53 - 1


# What a newer build may add that this one keeps unread: generous for new fields, far below
# what storage and a bookmark link hold.
MAX_UNKNOWN_CHARS = 16 * 1024


_PROFILE_KEYS = frozenset(
    {*_PROFILE_TEXT, *_PROFILE_FLAGS, "interviewers", "qualifications", "coordinator"}
)


_INTERVIEWER_KEYS = frozenset({*PERSON_TEXT, "tone", "role", "id"})


_PERSON_ID = re.compile(r"[A-Za-z0-9_-]{1,16}")


def split_known(
    value: object, where: str, known: frozenset[str]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The keys this build declares (a missing one takes its field's default), and the rest."""
    if not isinstance(value, dict):
        raise ShapeError(f"{where} should be an object.")
    mine = {k: v for k, v in value.items() if k in known}
    rest = {k: v for k, v in value.items() if k not in known}
    return mine, rest


def _interviewer(value: object, where: str) -> tuple[Interviewer, dict[str, Any]]:
    d, rest = split_known(value, where, _INTERVIEWER_KEYS)
    found: dict[str, Any] = {
        name: text_of(d[name], f"{where}.{name}") for name in PERSON_TEXT if name in d
    }
    if "id" in d:
        person_id = text_of(d["id"], f"{where}.id")
        if not _PERSON_ID.fullmatch(person_id):
            raise ShapeError(
                f"{where}.id should be 1 to 16 letters, digits, dashes or underscores."
            )
        found["id"] = person_id
    if "tone" in d:
        if d["tone"] not in ("formal", "relaxed"):
            raise ShapeError(f"{where}.tone should be formal or relaxed.")
        found["tone"] = d["tone"]
    if "role" in d:
        if d["role"] not in ROLES:
            raise ShapeError(f"{where}.role should be one of {', '.join(ROLES)}.")
        found["role"] = d["role"]
    return Interviewer(**found), rest


def _text_map(value: object, where: str, most: int) -> dict[str, str]:
    """A JSON object of text to text, of at most `most` entries."""
    if not isinstance(value, dict):
        raise ShapeError(f"{where} should be an object.")
    if len(value) > most:
        raise ShapeError(f"{where} has more than {most} entries.")
    for key, text in value.items():
        text_of(key, f"a {where} entry's name")
        text_of(text, f"{where}.{key}")
    return value


def _profile(value: object) -> tuple[Profile, dict[str, Any], dict[str, Any]]:
    """The profile, what a newer build added to it, and to each person (by their id)."""
    p, rest = split_known(value, "profile", _PROFILE_KEYS)
    found: dict[str, Any] = {
        name: text_of(p[name], f"profile.{name}") for name in _PROFILE_TEXT if name in p
    }
    for name in _PROFILE_FLAGS:
        if name in p:
            found[name] = flag_of(p[name], f"profile.{name}")
    extras: list[dict[str, Any]] = []
    if "interviewers" in p:
        people = list_of(p["interviewers"], "profile.interviewers")
        if len(people) > MAX_INTERVIEWERS:
            raise ShapeError(f"profile.interviewers has more than {MAX_INTERVIEWERS} people.")
        ids = [x["id"] for x in people if isinstance(x, dict) and "id" in x]
        if len(set(map(str, ids))) != len(ids):
            raise ShapeError("profile.interviewers has two people with the same id.")
        read = [_interviewer(x, f"profile.interviewers[{i}]") for i, x in enumerate(people)]
        found["interviewers"] = tuple(person for person, _ in read)
        extras = [extra for _, extra in read]
    if "qualifications" in p:
        quals = list_of(p["qualifications"], "profile.qualifications")
        if len(quals) != 3:
            raise ShapeError("profile.qualifications should have exactly three entries.")
        found["qualifications"] = tuple(
            text_of(q, f"profile.qualifications[{i}]") for i, q in enumerate(quals)
        )
    if "coordinator" in p:
        coordinator = p["coordinator"]
        # bool is an int to Python, never to the form.
        if type(coordinator) is not int or not -1 <= coordinator < MAX_INTERVIEWERS:
            raise ShapeError(
                f"profile.coordinator should be a number from -1 to {MAX_INTERVIEWERS - 1}."
            )
        found["coordinator"] = coordinator
    profile = Profile(**found)
    # After the profile is made: a person saved without an id has one now. (No saved people:
    # the default person, and no extras to pair.)
    paired = zip(profile.interviewers, extras, strict=False)
    people_rest = {person.id: extra for person, extra in paired if extra}
    return profile, rest, people_rest


def state_from_dict(d: object) -> State:
    """Read a current-schema dict: a missing key takes its default, an unknown one is kept;
    a present key of the wrong type or out of bounds is a ShapeError naming it."""
    top, rest = split_known(d, "state", STATE_KEYS)
    found: dict[str, Any] = {}
    profile_rest: dict[str, Any] = {}
    people_rest: dict[str, Any] = {}
    if "profile" in top:
        found["profile"], profile_rest, people_rest = _profile(top["profile"])
    if "checks" in top:
        found["checks"] = FrozenChecks(_text_map(top["checks"], "checks", MAX_CHECKS))
    if "outcome" in top:
        if top["outcome"] not in _OUTCOMES:
            raise ShapeError("outcome should be waiting, offer or not_hired.")
        found["outcome"] = top["outcome"]
    if "outcome_on" in top:
        found["outcome_on"] = text_of(top["outcome_on"], "outcome_on")
    if "id" in top:
        ident = text_of(top["id"], "id")
        if not _ID.fullmatch(ident):
            raise ShapeError("id should be up to 32 letters, digits, dashes or underscores.")
        found["id"] = ident
    if "revision" in top:
        revision = top["revision"]
        if type(revision) is not int or not 0 <= revision <= MAX_REVISION:
            raise ShapeError("revision should be a whole number from 0 up.")
        found["revision"] = revision
    if "edits" in top:
        edits = _text_map(top["edits"], "edits", MAX_EDITS)
        for key, value in edits.items():
            if not EDIT_KEY.fullmatch(key):
                raise ShapeError(f"edits has an entry named {key[:40]!r}, which names no draft.")
            if len(value) > MAX_EDIT_CHARS:
                raise ShapeError(f"edits.{key} is longer than {MAX_EDIT_CHARS} characters.")
        found["edits"] = FrozenChecks(edits)
    kept = {
        part: value
        for part, value in (("state", rest), ("profile", profile_rest), ("people", people_rest))
        if value
    }
    found["unknown"] = kept_text(kept)
    return State(**found)


def kept_text(kept: dict[str, Any]) -> str:
    """The keys a newer build wrote, as the canonical text this one keeps ("" for none)."""
    if not kept:
        return ""
    text = _canonical(kept)
    if len(text) > MAX_UNKNOWN_CHARS:
        raise ShapeError(
            f"it holds more than {MAX_UNKNOWN_CHARS} characters this version does not know."
        )
    text_of(text, "a part this version does not know")
    return text
