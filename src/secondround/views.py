"""view(model): the kit as an element tree, its bookmark token and what a screen reader hears."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date
from functools import lru_cache
from typing import Any

from secondround.application_views import applications_section, summaries, today_across_all
from secondround.catchup import Plan, plan_for
from secondround.checklist import ChecklistItem, checklist, progress, skipped_items
from secondround.codec import to_bookmark
from secondround.drafts import (
    Draft,
    InterviewerDrafts,
    WaitingEmployer,
    drafts_for,
    mailto,
    other_drafts,
)
from secondround.facts import Facts, Person, facts_of
from secondround.form import FormField, Section, declared
from secondround.model import SHARE_MARK, Model, Notice
from secondround.profile import (
    MAX_INTERVIEWERS,
    Interviewer,
    Profile,
    field_spec,
    field_value,
    format_date,
    parse_date,
    validate,
    without_contact,
)
from secondround.protocol import ROOT_ID, VALUE_TAG
from secondround.public_holidays import countries, country_of, regions_of
from secondround.render import Attrs, Node, el
from secondround.schedule import calendar_notes
from secondround.state import State, content

__all__ = ["view"]

STATUS_WORDS = {
    "done": "Done",
    "overdue": "Overdue",
    "due": "Due today",
    "upcoming": "Upcoming",
    "skipped": "Skip",
}


def field_id(path: str) -> str:
    """The input's id: "sr-f-name", "sr-f-interview-date", "sr-f-q0", "sr-f-i1-email"."""
    parts = path.split(".")
    if parts[0] == "qualifications":
        return f"sr-f-q{parts[1]}"
    if parts[0] == "interviewers":
        return f"sr-f-i{parts[1]}-{parts[2]}"
    return "sr-f-" + path.replace("_", "-")


def _field(
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
    return _labelled(label_text, spec.hint, problems, tag, attrs)


def _section(profile: Profile, errors: Mapping[str, Sequence[str]], section: Section) -> list[Node]:
    """The declared one-line and free-text fields of one part of the form, in their order."""
    return [
        _field(profile, errors, name)
        for name, spec in declared(type(profile))
        if spec.section == section and name != "qualifications"
    ]


def _labelled(
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


def _radios(
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


def _select(
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
    return _labelled(label, hint, problems, "select", attrs, *choices)


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
    country_select = _select(
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
        _select(
            "sr-f-region",
            "State, province or region",
            sub_options,
            region,
            hint="Holidays differ within this country: choose where the employer is.",
            problems=problems,
        ),
    )


def _flag(p: Profile, name: str, label: str, hint: str) -> Node:
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


# A field's problems as (path, messages) pairs: frozen, so the cached parts can be keyed by them.
Problems = tuple[tuple[str, tuple[str, ...]], ...]


@lru_cache(maxsize=64)
def _problems(profile: Profile) -> Problems:
    return tuple((path, tuple(msgs)) for path, msgs in validate(profile).items())


def _shown_errors(model: Model) -> Problems:
    # Errors for untouched empty fields would greet a new reader with a wall of red.
    return tuple(
        (path, msgs)
        for path, msgs in _problems(model.state.profile)
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
    tones = _radios(
        "sr-tone",
        "Their style in the interview",
        {"name": f"sr-tone-{i}", "data-field": f"{base}.tone"},
        (("formal", "Formal"), ("relaxed", "Relaxed, low-key")),
        person.tone,
    )
    roles = _radios(
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


def _profile_form(model: Model, shown: Problems) -> Node:
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
        _field(
            p,
            errors,
            f"qualifications.{i}",
            label=f"{field_spec('qualifications.0').label} {i + 1}",
            required=i < 2,
            placeholder=_QUAL_SHAPES[i],
        )
        for i in range(len(p.qualifications))
    ]
    where = _radios(
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
            _flag(
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
            _flag(
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


# The view is rebuilt on every keystroke; a draft or checklist row whose inputs did not change is
# reused as it was (trees are never mutated after they are built), which halves the work.
@lru_cache(maxsize=128)
def edit_box_id(key: str) -> str:
    """The id of the box a draft is edited in, from its key "<person id>:<kind>"."""
    return "sr-e-" + key.replace(":", "-")


def generated_text(state: State, key: str, waiting: tuple[WaitingEmployer, ...] = ()) -> str | None:
    """What the form writes for the draft `key`, before any edit; None for no such draft."""
    who, _, kind = key.partition(":")
    facts = facts_of(state.profile)
    for group in drafts_for(facts, state.outcome):
        if group.person.id == who:
            return next((d.body for d in group.drafts if d.kind == kind), None)
    others = other_drafts(facts, state.outcome, waiting)
    return next((d.body for to, d in others if to == who and d.kind == kind), None)


def waiting_on(model: Model) -> tuple[WaitingEmployer, ...]:
    """The reader's other active applications still waiting on a decision, in the list's order:
    after an offer, each gets a note of its own, keyed "o-" and the start of its id (the note to
    an employer the kit knows nothing of is keyed UNKNOWN_EMPLOYER)."""
    return tuple(
        WaitingEmployer(key="o-" + entry.id[:14], facts=facts_of(entry.state.profile))
        for entry in model.shelf.entries
        if entry.status == "active"
        and entry.id
        and entry.id != model.state.id
        and entry.state.outcome == "waiting"
    )


def _edit_tools(key: str, edited: bool, editing: bool, body: str, title: str) -> list[Node]:
    box_id = edit_box_id(key)
    tools: list[Node] = []
    if editing:
        tools.append(
            el(
                "div",
                {"class": "sr-field sr-edit"},
                el("label", {"for": box_id}, f"Your version of the {title[0].lower()}{title[1:]}"),
                el(
                    "textarea",
                    {"id": box_id, "data-edit": key, "rows": "12", "value": body},
                ),
            )
        )
    if edited:
        tools.append(
            el(
                "p",
                {"class": "sr-hint sr-edited"},
                "You rewrote this draft, so it no longer follows the form: changes to your "
                "details will not reach it.",
            )
        )
    return tools


@lru_cache(maxsize=512)
def _draft_node(
    index: int,
    draft: Draft,
    who: str = "",
    key: str = "",
    edit: str | None = None,
    editing: bool = False,
) -> Node:
    body_id = f"sr-d-{index}-{draft.kind}"
    if edit is not None:
        # The reader's own words, in the copy, the mail link and the card alike.
        draft = replace(
            draft, body=edit, mailto=mailto(draft.to, draft.subject, edit) if draft.mailto else ""
        )
    meta = []
    if draft.to:
        meta.append(el("p", {"class": "sr-draft__meta"}, el("strong", {}, "To: "), draft.to))
    if draft.subject:
        meta.append(
            el(
                "p",
                {"class": "sr-draft__meta"},
                el("strong", {}, "Subject: "),
                el("span", {"id": f"{body_id}-subject"}, draft.subject),
            )
        )
    # Far down a long page the group's heading is out of sight: each draft names its person.
    title = f"{draft.title} for {who}" if who else draft.title
    actions: list[Node | None] = [
        el(
            "button",
            {
                "type": "button",
                "class": "md-button sr-small",
                "data-copy-from": body_id,
                "data-copied": "Copied",
                "aria-label": f"Copy the {title[0].lower()}{title[1:]}",
            },
            "Copy",
        ),
    ]
    if draft.subject:
        actions.append(
            el(
                "button",
                {
                    "type": "button",
                    "class": "md-button sr-small",
                    "data-copy-from": f"{body_id}-subject",
                    "data-copied": "Copied",
                },
                "Copy the subject",
            )
        )
    if draft.mailto:
        actions.append(
            el("a", {"class": "md-button sr-small", "href": draft.mailto}, "Open in mail app")
        )
    if draft.kind == "card":
        actions.append(
            el(
                "button",
                {"type": "button", "class": "md-button sr-small", "data-print": body_id},
                "Print at card size",
            )
        )
    if key:
        small = {"type": "button", "class": "md-button sr-small", "data-arg": key}
        if editing:
            actions.append(el("button", {**small, "data-action": "edit_done"}, "Done editing"))
        else:
            actions.append(el("button", {**small, "data-action": "edit_start"}, "Edit"))
        if edit is not None:
            actions.append(
                el("button", {**small, "data-action": "unedit"}, "Back to the generated text")
            )
    return el(
        "article",
        {"class": f"sr-draft sr-draft--{draft.kind}", "aria-labelledby": f"{body_id}-h"},
        el("h4", {"id": f"{body_id}-h"}, title),
        *meta,
        el("div", {"class": "sr-draft__body", "id": body_id}, draft.body),
        *(_edit_tools(key, edit is not None, editing, draft.body, title) if key else []),
        _length_node(draft),
        el("div", {"class": "sr-actions"}, *actions),
    )


def _group_label(group: InterviewerDrafts) -> str:
    name = group.person.name
    return f"Drafts for interviewer {group.index + 1}" + (f": {name}" if name else "")


def _length_node(draft: Draft) -> Node | None:
    if not draft.words or draft.kind in ("call", "voicemail"):
        return None
    counted = f"{draft.words} words in the message"
    return el(
        "p",
        {"class": "sr-draft__length" + (" sr-draft__length--over" if draft.note else "")},
        f"{counted}. {draft.note}" if draft.note else f"{counted}.",
    )


def _drafts(
    model: Model, groups: tuple[InterviewerDrafts, ...], others: tuple[tuple[str, Draft], ...]
) -> Node:
    return _drafts_section(groups, others, model.state.edits, model.editing)


@lru_cache(maxsize=64)
def _drafts_section(
    groups: tuple[InterviewerDrafts, ...],
    others: tuple[tuple[str, Draft], ...],
    edits: Mapping[str, str],
    editing: str,
) -> Node:
    def node(index: int, draft: Draft, who: str, person: str) -> Node:
        key = f"{person}:{draft.kind}"
        return _draft_node(index, draft, who, key, edits.get(key), editing == key)

    sections = []
    for group in groups:
        who = group.person.name or f"interviewer {group.index + 1}"
        lead = None
        if any(d.kind in ("call", "not_hired", "offer_accept") for d in group.drafts):
            lead = el(
                "p",
                {"class": "sr-hint"},
                "Coordinates the decision: the call and the replies about the outcome go to "
                "this person only.",
            )
        sections.append(
            el(
                "section",
                # Two people may share a name: the number keeps each region's label unique.
                {"class": "sr-group", "aria-label": _group_label(group)},
                el("h3", {}, f"For {who}"),
                lead,
                # Open to start with; a reader who folds one person away keeps it folded while
                # they type (the page only edits what changed).
                el(
                    "details",
                    {"class": "sr-fold", "open": True},
                    el("summary", {}, f"{len(group.drafts)} drafts for {who}"),
                    *[node(group.index, d, who, group.person.id) for d in group.drafts],
                ),
            )
        )
    if others:
        sections.append(
            el(
                "section",
                {"class": "sr-group", "aria-label": "Drafts for other employers"},
                el("h3", {}, "For other employers"),
                *[node(len(groups), d, "", key) for key, d in others],
            )
        )
    return el(
        "div", {"class": "sr-drafts"}, el("h2", {"id": "sr-drafts-h"}, "Your drafts"), *sections
    )


@lru_cache(maxsize=128)
def _item_node(item: ChecklistItem) -> Node:
    step = item.step
    box_id = f"sr-c-{step.id}"
    when = format_date(step.due, year=True, short=True)
    state_text = STATUS_WORDS[item.status]
    if item.status == "done" and item.done_at:
        done_on = parse_date(item.done_at[:10])
        state_text = (
            f"Done {format_date(done_on, weekday=False, short=True)}" if done_on else "Done"
        )
    return el(
        "li",
        {"class": f"sr-item sr-item--{item.status}"},
        el(
            "input",
            {
                "type": "checkbox",
                "id": box_id,
                "data-action": "check",
                "data-arg": step.id,
                "checked": item.status == "done",
                "aria-describedby": f"{box_id}-d",
            },
        ),
        # One text node after the date: HTML would merge two adjacent ones, and the page's
        # edits address children by position.
        el(
            "label", {"for": box_id}, el("span", {"class": "sr-item__date"}, when), f" {step.title}"
        ),
        el("span", {"class": f"sr-badge sr-badge--{item.status}"}, state_text),
        el("p", {"class": "sr-hint", "id": f"{box_id}-d"}, step.detail),
    )


def _download_button(kind: str, label: str) -> Node:
    # The file is written by Python only when asked (app's "download" event), not per keystroke.
    return el(
        "button",
        {"type": "button", "class": "md-button", "data-action": "download", "data-arg": kind},
        label,
    )


def _checklist(model: Model, plan: Plan) -> tuple[Node, str]:
    state = model.state
    return _checklist_section(plan, state.checks, model.today, facts_of(state.profile))


@lru_cache(maxsize=64)
def _checklist_section(
    plan: Plan, checks: Mapping[str, str], today: date, facts: Facts
) -> tuple[Node, str]:
    steps = plan.steps
    items = checklist(steps, checks, today) + skipped_items(plan.skipped)
    done, total = progress(items)
    if not items:
        body: Node = el(
            "p", {"class": "sr-hint"}, "Enter the date of your interview to see your dated steps."
        )
        return el(
            "section",
            {"class": "sr-checklist", "aria-labelledby": "sr-check-h"},
            el("h2", {"id": "sr-check-h"}, "Your checklist"),
            body,
        ), ""
    summary = f"{done} of {total} done"
    overdue = sum(1 for i in items if i.status == "overdue")
    if overdue:
        summary += f", {overdue} overdue"
    return el(
        "section",
        {"class": "sr-checklist", "aria-labelledby": "sr-check-h"},
        el("h2", {"id": "sr-check-h"}, "Your checklist"),
        el("p", {"class": "sr-progress-text", "id": "sr-progress"}, summary),
        el("progress", {"max": str(total), "value": str(done), "aria-labelledby": "sr-progress"}),
        el("ul", {"class": "sr-items"}, *[_item_node(i) for i in items]),
        *[el("p", {"class": "sr-hint sr-holidays"}, note) for note in calendar_notes(facts, steps)],
        el("div", {"class": "sr-actions"}, _download_button("ics", "Add to calendar (.ics)")),
    ), summary


# The most steps the Today line names one by one.
_TODAY_AT_MOST = 4


def _today(model: Model, plan: Plan) -> Node:
    """The top of the kit: what is due today, and links to its three parts (a phone reader
    reaches the checklist without scrolling past the whole form)."""
    state = model.state
    todo = [s for s in plan.steps if not state.checks.get(s.id)]
    due = [s.title for s in todo if s.due <= model.today]
    if not plan.steps:
        line = "Enter the date of your interview to get your dated checklist."
    elif len(due) > _TODAY_AT_MOST:
        # A large panel has a dozen steps on the day: the first few, and the checklist for the rest.
        shown = "; ".join(due[: _TODAY_AT_MOST - 1])
        line = f"Today: {shown}; and {len(due) - _TODAY_AT_MOST + 1} more in the checklist."
    elif due:
        line = "Today: " + "; ".join(due) + "."
    elif todo:
        nxt = todo[0]
        line = f"Nothing is due today. Next: {nxt.title}, {format_date(nxt.due)}."
    else:
        line = "Everything on your checklist is done."
    jumps = (("sr-form-h", "Your details"), ("sr-check-h", "Checklist"), ("sr-drafts-h", "Drafts"))
    return el(
        "div",
        {"class": "sr-today"},
        el("p", {"class": "sr-today__line", "id": "sr-today"}, line),
        el(
            "nav",
            {"class": "sr-jumps", "aria-label": "Parts of the kit"},
            *[el("a", {"href": f"#{target}"}, label) for target, label in jumps],
        ),
    )


@lru_cache(maxsize=32)
def _notice_node(index: int, notice: Notice) -> Node:
    role = "alert" if notice.kind == "error" else "status"
    action = None
    if notice.action:
        action = el(
            "button",
            {"type": "button", "class": "md-button sr-small", "data-action": notice.action},
            notice.action_label,
        )
    return el(
        "div",
        {
            # A way back stays in view wherever the reader is on the page (see site.css).
            "class": f"sr-notice sr-notice--{notice.kind}"
            + (" sr-notice--restore" if notice.action == "restore" else ""),
            "role": role,
        },
        el("p", {}, notice.text),
        action,
        el(
            "button",
            {
                "type": "button",
                "class": "sr-dismiss",
                "data-action": "dismiss",
                "data-arg": str(index),
                "aria-label": "Dismiss this message",
            },
            "×",
        ),
    )


def _link_button(token: str, label: str, copied: str) -> Node:
    # The page copies the full address (this page's URL with the token) and says it did.
    return el(
        "button",
        {
            "type": "button",
            "class": "md-button",
            "data-copy-link": f"#{token}",
            "data-copied": copied,
        },
        label,
    )


# Encoding a token compresses the whole state: worth keeping while the state is unchanged.
@lru_cache(maxsize=64)
def _token(state: State) -> str:
    return to_bookmark(state)


def _keep_tools(state: State, bookmark: str) -> Node:
    shared = ""
    if bookmark:
        shared = _token(replace(state, profile=without_contact(state.profile)))
    return _keep_section(bookmark, shared)


@lru_cache(maxsize=32)
def _keep_section(bookmark: str, shared: str) -> Node:
    links: list[Node] = []
    if bookmark:
        links = [
            _link_button(bookmark, "Copy the link to this checklist", "Link copied"),
            _link_button(
                SHARE_MARK + shared,
                "Copy a link to share for feedback",
                "Link without your contact details copied",
            ),
        ]
    return el(
        "section",
        {"class": "sr-keep", "aria-labelledby": "sr-keep-h"},
        el("h2", {"id": "sr-keep-h"}, "Keep it"),
        el(
            "p",
            {},
            "Your details stay in this browser. The address of this page carries the whole "
            "checklist of the application shown: your name, email and phone, your interviewers' "
            "names and emails, your notes and your ticks. Each application has its own address. "
            "Bookmark it to open that application in any browser, beside any others there, and "
            "keep it to yourself.",
        ),
        el(
            "p",
            {},
            "To ask a friend or a coach for a second opinion, share the link for feedback "
            "instead: it holds the same checklist without your name, email and phone.",
        ),
        el(
            "div",
            {"class": "sr-actions"},
            *links,
            _download_button("json", "Export every application (.json)"),
            el("label", {"class": "md-button sr-file", "for": "sr-import"}, "Import (.json)"),
            el(
                "input",
                {
                    "type": "file",
                    "id": "sr-import",
                    "accept": "application/json,.json",
                    "data-action": "import",
                    "class": "sr-visually-hidden",
                },
            ),
            el(
                "button",
                {"type": "button", "class": "md-button", "data-action": "reset"},
                "Clear this application",
            ),
            el(
                "button",
                {"type": "button", "class": "md-button", "data-action": "forget"},
                "Forget me on this device",
            ),
        ),
    )


def _announcement(facts: Facts, summary: str) -> str:
    names = [person.name for person in facts.people if person.name]
    who = f" for {', '.join(names)}" if names else ""
    return f"Drafts updated{who}." + (f" Checklist: {summary}." if summary else "")


def view(model: Model) -> dict[str, Any]:
    """The whole kit as JSON-ready data: the tree, the bookmark token and an announcement."""
    errors = _shown_errors(model)
    state = model.state
    facts = facts_of(state.profile)
    groups = drafts_for(facts, state.outcome)
    others = other_drafts(facts, state.outcome, waiting_on(model))
    # One plan per View: the Today line and the checklist read the same one.
    plan = plan_for(model.state, model.today)
    checklist_node, summary = _checklist(model, plan)
    listed = summaries(model, plan)
    # A blank kit (at most a holiday region chosen) has nothing to bookmark: the address bar
    # holds no token then.
    blank = State(profile=Profile(region=model.state.profile.region))
    bookmark = "" if content(model.state) == blank else _token(model.state)
    tree = el(
        "div",
        {"id": ROOT_ID, "class": "sr-live"},
        el(
            "div",
            {"class": "sr-notices"},
            *[_notice_node(i, n) for i, n in enumerate(model.notices)],
        ),
        today_across_all(model, listed),
        applications_section(model, listed),
        _today(model, plan),
        el(
            "div",
            {"class": "sr-columns"},
            el(
                "div",
                {"class": "sr-col"},
                el("h2", {"id": "sr-form-h"}, "Your details"),
                _profile_form(model, errors),
            ),
            el("div", {"class": "sr-col"}, checklist_node, _drafts(model, groups, others)),
        ),
        _keep_tools(model.state, bookmark),
    )
    return {"tree": tree, "bookmark": bookmark, "announce": _announcement(facts, summary)}
