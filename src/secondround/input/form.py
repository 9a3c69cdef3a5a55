"""The form, declared once: each field's label, hint, limit and input, as dataclass metadata.

A text field of Profile or Interviewer is declared where it is defined, with
`field(default="", metadata=ask(...))`. Cleaning and bounds (profile.clip), validation
(profile.validate), the form's markup (views.py), the event handling (app.py), what is saved
(state.py), what a link shared for feedback leaves out and the words that say so, and the tests'
lists of fields all read these declarations: adding a field is one declaration, plus its use
in the drafts.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any, Literal

__all__ = ["FormField", "InputKind", "Section", "ask", "declared"]

InputKind = Literal["text", "email", "tel", "url", "date", "textarea"]
# The fieldset a field of the profile belongs to; an interviewer's fields go in their own.
Section = Literal["you", "job", "why", "holidays", "person"]


@dataclass(frozen=True)
class FormField:
    label: str
    # At most this many characters are kept; the input says so too (maxlength).
    limit: int
    section: Section = "person"
    hint: str = ""
    input: InputKind = "text"
    # What the reader is told when they leave it empty; "" makes the field optional.
    missing: str = ""
    # What the reader is told when the text does not have its input's shape (an email
    # address, a phone number, an https address); "" when any text will do.
    invalid: str = ""
    # Left out of a link shared for feedback: it says who the reader is or how to reach them.
    private: bool = False
    autocomplete: str = ""
    placeholder: str = ""

    @property
    def multiline(self) -> bool:
        return self.input == "textarea"

    @property
    def required(self) -> bool:
        return bool(self.missing)


_KEY = "secondround.form"


def ask(label: str, limit: int, **details: Any) -> Mapping[str, FormField]:
    """The metadata that makes a dataclass field a form field."""
    return {_KEY: FormField(label, limit, **details)}


_declared: dict[type, tuple[tuple[str, FormField], ...]] = {}


def declared(cls: type) -> tuple[tuple[str, FormField], ...]:
    """The form fields of a dataclass, in the order they are defined (read once per class)."""
    found = _declared.get(cls)
    if found is None:
        found = tuple((f.name, f.metadata[_KEY]) for f in fields(cls) if _KEY in f.metadata)
        _declared[cls] = found
    return found
