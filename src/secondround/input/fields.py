"""The profile's form fields by path ("interviewers.2.email"): declarations, values, bounds."""

from __future__ import annotations

from secondround.input.form import FormField, declared
from secondround.input.profile import Interviewer, Profile
from secondround.input.text import strip_controls

__all__ = [
    "PERSON_TEXT",
    "clip",
    "clip_block",
    "field_spec",
    "field_value",
    "form_paths",
    "text_fields",
]


def text_fields(owner: type[Profile] = Profile) -> tuple[str, ...]:
    """The profile's declared one-text fields, by name (the qualifications are a list of three)."""
    return tuple(name for name, _ in declared(owner) if name != "qualifications")


# Each interviewer's declared fields, as "interviewers.<index>.<name>" in the form.
PERSON_TEXT: tuple[str, ...] = tuple(name for name, _ in declared(Interviewer))


def form_paths(person: int = 0, qualifications: int = 3) -> tuple[str, ...]:
    """Every path of the form's text fields, in the form's order, for one person's fields."""
    return (
        *text_fields(),
        *(f"qualifications.{i}" for i in range(qualifications)),
        *(f"interviewers.{person}.{name}" for name in PERSON_TEXT),
    )


def field_spec(path: str, owner: type[Profile] = Profile) -> FormField:
    """The declaration behind a form path such as "interviewers.2.email" or "qualifications.1"."""
    parts = path.split(".")
    if parts[0] == "interviewers" and len(parts) == 3:
        table = dict(declared(Interviewer))
        name = parts[2]
    else:
        table = dict(declared(owner))
        name = parts[0]
    if name not in table or (len(parts) == 2) != (name == "qualifications"):
        raise ValueError(f"Unknown form field: {path!r}")
    return table[name]


def field_value(profile: Profile, path: str) -> str:
    """What the form field at `path` holds; "" for a path past the last interviewer."""
    parts = path.split(".")
    if parts[0] == "qualifications":
        return profile.qualifications[int(parts[1])]
    if parts[0] == "interviewers":
        index = int(parts[1])
        if index >= len(profile.interviewers):
            return ""
        value: str = getattr(profile.interviewers[index], parts[2])
        return value
    text: str = getattr(profile, path)
    return text


def clip_block(text: str, limit: int) -> str:
    """A block of free text (a rewritten draft): control characters out, line breaks kept."""
    return strip_controls(text, True)[:limit]


def clip(path: str, text: str, owner: type[Profile] = Profile) -> str:
    """Bound what the user typed in a field: drop control characters and cut at its limit.

    Leading and trailing spaces are kept on purpose: this runs on every keystroke
    and trimming would eat the space between "Sam" and "Rivera" as it is typed.
    """
    spec = field_spec(path, owner)
    return strip_controls(text, spec.multiline)[: spec.limit]
