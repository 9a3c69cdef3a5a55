"""The form as an element tree: each declared field, each person, the holidays, the outcome."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache

from secondround.app.model import Model
from secondround.app.render import Attrs, Node, el
from secondround.input.facts import Person, facts_of
from secondround.input.fields import field_spec, field_value
from secondround.input.form import FormField, Section, declared
from secondround.input.profile import MAX_INTERVIEWERS, Interviewer, Profile
from secondround.input.public_holidays import countries, country_of, regions_of
from secondround.input.validate import Problems
from secondround.protocol import VALUE_TAG

__all__ = [
    "field_box",
    "field_id",
    "flag_box",
    "labelled",
    "profile_form",
    "radios",
    "select_box",
    "shown_errors",
]


def field_id(path: str) -> str:
    """The input's id: "sr-f-name", "sr-f-interview-date", "sr-f-q0", "sr-f-i1-email"."""
    parts = path.split(".")
    if parts[0] == "qualifications":
        return f"sr-f-q{parts[1]}"
    if parts[0] == "interviewers":
        return f"sr-f-i{parts[1]}-{parts[2]}"
    return "sr-f-" + path.replace("_", "-")


def field_box(
    profile: Profile,
    errors: Mapping[str, Sequence[str]],
    path: str,
    *,
    label: str = "",
    required: bool | None = None,
    placeholder: str = "",
) -> Node:
    """One labelled input for a declared profile field, with its hint and errors tied to it.

    What the declaration (form.py) cannot know is given here: a label with a number in it,
    whether a person in a list is required, a placeholder worked out from other fields.
    """
    problems = tuple(errors.get(path, ()))
    value = field_value(profile, path)
    spec = field_spec(path, type(profile))
    return _field_node(spec, path, value, problems, label, required, placeholder)


# Trees are never changed once built, so a part whose inputs did not change is the same object
# as in the last View: nothing to build, and the diff skips it at once (list equality checks
# identity first). Keyed by values only, so a cached part can never show another state's text.
@lru_cache(maxsize=1024)
def _field_node(
    spec: FormField,
    path: str,
    value: str,
    problems: tuple[str, ...],
    label: str,
    required: bool | None,
    placeholder: str,
) -> Node:
    needed = spec.required if required is None else required
    input_id = field_id(path)
    attrs: Attrs = {"id": input_id, "name": path, "data-field": path, "value": value}
    if spec.multiline:
        attrs["rows"] = "2"
    else:
        attrs["type"] = spec.input
    if spec.input != "date":
        attrs["maxlength"] = str(spec.limit)
    if needed:
        attrs["aria-required"] = "true"
    if spec.autocomplete:
        attrs["autocomplete"] = spec.autocomplete
    if placeholder or spec.placeholder:
        attrs["placeholder"] = placeholder or spec.placeholder
    tag = VALUE_TAG if spec.multiline else "input"
    label_text = (label or spec.label) + ("" if needed else " (optional)")
    return labelled(label_text, spec.hint, problems, tag, attrs)


def _section(profile: Profile, errors: Mapping[str, Sequence[str]], section: Section) -> list[Node]:
    """The declared one-line and free-text fields of one part of the form, in their order."""
    return [
        field_box(profile, errors, name)
        for name, spec in declared(type(profile))
        if spec.section == section and name != "qualifications"
    ]


def labelled(
    label: str, hint: str, problems: Sequence[str], tag: str, attrs: Attrs, *children: Node
) -> Node:
    """A form control with its label, and its hint and errors tied to it for screen readers."""
    control_id = str(attrs["id"])
    described = []
    hint_node = error_node = None
    if hint:
        hint_node = el("p", {"class": "sr-hint", "id": f"{control_id}-hint"}, hint)
        described.append(f"{control_id}-hint")
    if problems:
        error_node = el("p", {"class": "sr-error", "id": f"{control_id}-error"}, " ".join(problems))
        described.append(f"{control_id}-error")
        attrs["aria-invalid"] = "true"
    if described:
        attrs["aria-describedby"] = " ".join(described)
    return el(
        "div",
        {"class": "sr-field" + (" sr-field--invalid" if problems else "")},
        el("label", {"for": control_id}, label),
        hint_node,
        el(tag, attrs, *children),
        error_node,
    )


def radios(
    css: str, legend: str, shared: Attrs, options: tuple[tuple[str, str], ...], current: str
) -> Node:
    """A fieldset of radio buttons; `shared` says how the page reports a choice."""
    buttons = [
        el(
            "label",
            {"class": "sr-radio"},
            el("input", {"type": "radio", **shared, "value": value, "checked": current == value}),
            text,
        )
        for value, text in options
    ]
    return el("fieldset", {"class": css}, el("legend", {}, legend), *buttons)


def select_box(
    select_id: str,
    label: str,
    options: tuple[tuple[str, str], ...],
    current: str,
    *,
    hint: str = "",
    problems: tuple[str, ...] = (),
) -> Node:
    """A labelled drop-down for the region field: its choice travels as a "field" event.

    The choice is marked on the option (`selected`), not on the select, so the built HTML and
    the page's copy of the tree say the same thing.
    """
    choices = [
        el("option", {"value": value, "selected": value == current}, text)
        for value, text in options
    ]
    attrs: Attrs = {"id": select_id, "data-field": "region"}
    return labelled(label, hint, problems, "select", attrs, *choices)


# Rebuilt only when the region or its problem changes: the lists of options are long.
@lru_cache(maxsize=16)
def _region_fields(region: str, problems: tuple[str, ...]) -> Node:
    """Country, then (where holidays differ within it) the state, province or region."""
    country = country_of(region) if region else ""
    known = countries()
    options = (("", "None: skip weekends only"), *known)
    if country and country not in dict(known):
        # A bookmark from a later build may name one this build lacks: show it as it is.
        options = (*options, (country, f"“{country}” (not known: weekends only)"))
    subs = regions_of(country)
    country_select = select_box(
        "sr-f-country",
        "Country",
        options,
        country,
        hint="The dates skip its public holidays as well as weekends.",
        problems=() if subs else problems,
    )
    if not subs:
        return el(
            "fieldset", {"class": "sr-region"}, el("legend", {}, "Public holidays"), country_select
        )
    sub_options = ((country, "The whole country: national holidays only"), *subs)
    if region not in dict(sub_options):
        sub_options = (*sub_options, (region, f"“{region}” (not known: weekends only)"))
    return el(
        "fieldset",
        {"class": "sr-region"},
        el("legend", {}, "Public holidays"),
        country_select,
        select_box(
            "sr-f-region",
            "State, province or region",
            sub_options,
            region,
            hint="Holidays differ within this country: choose where the employer is.",
            problems=problems,
        ),
    )


def flag_box(p: Profile, name: str, label: str, hint: str) -> Node:
    """A yes/no choice of the profile, as a checkbox sending a "flag" event."""
    box_id = "sr-f-" + name.replace("_", "-")
    return el(
        "div",
        {"class": "sr-field sr-field--check"},
        el(
            "input",
            {
                "type": "checkbox",
                "id": box_id,
                "data-action": "flag",
                "data-arg": name,
                "checked": bool(getattr(p, name)),
                "aria-describedby": f"{box_id}-hint",
            },
        ),
        el("label", {"for": box_id}, label),
        el("p", {"class": "sr-hint", "id": f"{box_id}-hint"}, hint),
    )


# Placeholders in the shape that reads best in the notes: a phrase that finishes "I would bring".
_QUAL_SHAPES = (
    "six years of SQL and Python reporting",
    "experience leading a team of five",
    "fluency in Spanish",
)


def shown_errors(model: Model) -> Problems:
    # Errors for untouched empty fields would greet a new reader with a wall of red.
    return tuple(
        (path, msgs)
        for path, msgs in facts_of(model.state.profile).problems
        if path in model.left
        or (
            path.startswith("qualifications")
            and any(t.startswith("qualifications") for t in model.left)
        )
    )


# One person's part of the form, rebuilt only when what it shows changed (see _field_node).
@lru_cache(maxsize=128)
def _person_fieldset(
    i: int,
    person: Interviewer,
    parsed: Person,
    errors: Problems,
    *,
    asking: bool,
    leads: bool,
    removable: bool,
) -> Node:
    problems = dict(errors)
    base = f"interviewers.{i}"
    tones = radios(
        "sr-tone",
        "Their style in the interview",
        {"name": f"sr-tone-{i}", "data-field": f"{base}.tone"},
        (("formal", "Formal"), ("relaxed", "Relaxed, low-key")),
        person.tone,
    )
    roles = radios(
        "sr-role",
        "Their part in the hiring",
        {"name": f"sr-role-{i}", "data-field": f"{base}.role"},
        (
            ("hiring_manager", "Hiring manager"),
            ("panel", "Panel member"),
            ("recruiter", "Recruiter or HR"),
            ("assistant", "Coordinator or assistant"),
        ),
        person.role,
    )
    lead = el(
        "label",
        {"class": "sr-radio sr-lead"},
        el(
            "input",
            {
                "type": "radio",
                "name": "sr-coordinator",
                "data-field": "coordinator",
                "value": str(i),
                "checked": leads,
            },
        ),
        "Coordinates the decision: the call and any reply about the outcome go to them",
    )
    greeting = parsed.default_salutation or (
        "Hiring Manager" if parsed.tone == "formal" and parsed.role == "hiring_manager" else ""
    )
    remove = None
    if removable:
        who = parsed.name or f"interviewer {i + 1}"
        remove = el(
            "button",
            {
                "type": "button",
                "class": "md-button sr-small" + (" sr-confirm" if asking else ""),
                "data-action": "remove_interviewer",
                "data-arg": str(i),
            },
            f"Yes, remove {who} and their ticks" if asking else f"Remove interviewer {i + 1}",
        )
    return el(
        "fieldset",
        {"class": "sr-person"},
        el("legend", {}, f"Interviewer {i + 1}"),
        # Only the first person must be named; the others can be removed instead.
        *[
            _field_node(
                spec,
                f"{base}.{name}",
                getattr(person, name),
                problems.get(f"{base}.{name}", ()),
                "",
                (i == 0) if name == "name" else None,
                greeting if name == "salutation" else "",
            )
            for name, spec in declared(Interviewer)
        ],
        tones,
        roles,
        lead,
        remove,
    )


def profile_form(model: Model, shown: Problems) -> Node:
    return _form(model.state.profile, shown, model.confirm_remove, model.state.outcome)


# The whole form, the checklist and the drafts are cached too: switching back to an application
# (or to one drawn ahead, see worker.prepare) finds each in one lookup.
@lru_cache(maxsize=64)
def _form(
    p: Profile,
    shown: Problems,
    confirm_remove: str,
    outcome: str,
) -> Node:
    errors = dict(shown)
    facts = facts_of(p)
    coordinator = facts.lead
    people = [
        _person_fieldset(
            i,
            person,
            facts.people[i],
            tuple(pair for pair in shown if pair[0].startswith(f"interviewers.{i}.")),
            asking=confirm_remove == person.id,
            leads=coordinator == i,
            removable=len(p.interviewers) > 1,
        )
        for i, person in enumerate(p.interviewers)
    ]
    add = None
    if len(p.interviewers) < MAX_INTERVIEWERS:
        add = el(
            "button",
            {"type": "button", "class": "md-button sr-small", "data-action": "add_interviewer"},
            "Add another interviewer",
        )
    quals = [
        field_box(
            p,
            errors,
            f"qualifications.{i}",
            label=f"{field_spec('qualifications.0').label} {i + 1}",
            required=i < 2,
            placeholder=_QUAL_SHAPES[i],
        )
        for i in range(len(p.qualifications))
    ]
    where = radios(
        "sr-outcome",
        "Where things stand",
        {"name": "sr-outcome", "data-action": "outcome"},
        (
            ("waiting", "Waiting to hear"),
            ("offer", "I got an offer"),
            ("not_hired", "I was not hired"),
        ),
        outcome,
    )
    return el(
        "form",
        {"class": "sr-form", "aria-label": "Your details", "novalidate": True},
        el(
            "fieldset",
            {},
            el("legend", {}, "You"),
            *_section(p, errors, "you"),
            flag_box(
                p,
                "prefer_email",
                "I would rather not call",
                "Your first check-in is then an email instead of a phone call.",
            ),
        ),
        el(
            "fieldset",
            {},
            el("legend", {}, "The job"),
            *_section(p, errors, "job"),
            flag_box(
                p,
                "remote",
                "The interview was by video",
                "The checklist then says how to get an address for the card, and gives the post "
                "more time.",
            ),
            _region_fields(p.region, tuple(errors.get("region", ()))),
            where,
        ),
        el(
            "fieldset",
            {},
            el("legend", {}, "Why you fit"),
            el(
                "p",
                {"class": "sr-hint"},
                "Two or three short phrases that finish “I would bring …”, for example "
                "“eight years of B2B sales” or “a license to teach chemistry”.",
            ),
            *quals,
        ),
        el(
            "fieldset",
            {"class": "sr-people"},
            el("legend", {}, "Who interviewed you"),
            el("p", {"class": "sr-hint"}, "One note each: never a group email."),
            *people,
            add,
        ),
    )
