"""Every problem with a profile at once, each at its form field, from the declarations."""

from __future__ import annotations

from secondround.input.fields import field_spec
from secondround.input.form import FormField, declared
from secondround.input.profile import (
    DECISION_HORIZON_DAYS,
    MAX_INTERVIEWERS,
    ROLES,
    Interviewer,
    Profile,
)
from secondround.input.public_holidays import holiday_calendar
from secondround.input.text import SHAPES, clean_line, parse_date

__all__ = ["Problems", "problems_of", "validate"]

# A field's problems as (path, messages) pairs: frozen, so the cached parts can be keyed by them.
Problems = tuple[tuple[str, tuple[str, ...]], ...]


def _too_long(path: str, text: str, owner: type[Profile] = Profile) -> str | None:
    limit = field_spec(path, owner).limit
    if len(text) > limit:
        return f"Keep this to {limit} characters or fewer (it has {len(text)})."
    return None


def _misshapen(spec: FormField, text: str) -> str | None:
    """The field's message when its text does not have its input's shape; None when it does."""
    text = clean_line(text)
    fits = SHAPES.get(spec.input)
    if not text or fits is None or not spec.invalid or fits(text):
        return None
    return spec.invalid


def validate(p: Profile) -> dict[str, list[str]]:
    """Every problem with the profile at once, keyed by form field path; empty when all is well.

    Required: your name and email, the company, the position, the interview date,
    the first interviewer's name and two qualifications. The phone number is
    optional because the emails and card work without it; the call script and
    voicemail then give the email address instead.
    """
    errors: dict[str, list[str]] = {}

    def add(path: str, message: str | None) -> None:
        if message is not None:
            errors.setdefault(path, []).append(message)

    # What every declared field asks: filled in when it must be, within its limit, and in
    # its input's shape.
    owner = type(p)
    for name, spec in declared(owner):
        text = getattr(p, name)
        if not isinstance(text, str):
            continue
        if spec.required and not clean_line(text):
            add(name, spec.missing)
        add(name, _too_long(name, text, owner))
        add(name, _misshapen(spec, text))

    interview = parse_date(p.interview_date)
    if p.interview_date.strip() and interview is None:
        add("interview_date", "Enter the interview date as a real date, for example 2026-11-24.")

    if p.decision_date.strip():
        decision = parse_date(p.decision_date)
        if decision is None:
            add(
                "decision_date",
                "Enter the decision date as a real date, for example 2026-12-04, "
                "or leave it empty.",
            )
        elif interview is not None and decision < interview:
            add(
                "decision_date",
                "The decision date is before the interview date: check it. Until it is fixed, "
                "the checklist plans as if no date was given.",
            )
        elif interview is not None and (decision - interview).days > DECISION_HORIZON_DAYS:
            add(
                "decision_date",
                "The decision date is more than six months after the interview: check the "
                "year. Until it is fixed, the checklist plans as if no date was given.",
            )

    filled = [q for q in p.qualifications if clean_line(q)]
    if len(filled) < 2:
        add(
            "qualifications",
            "Add at least two qualifications." if not filled else "Add one more qualification.",
        )
    for i, q in enumerate(p.qualifications):
        add(f"qualifications.{i}", _too_long(f"qualifications.{i}", q))

    if p.region and not holiday_calendar(p.region).known:
        add(
            "region",
            f"The kit does not know the public holidays of “{clean_line(p.region)}”, so it "
            "counts weekends only. Choose a country from the list.",
        )

    if not p.interviewers:
        add("interviewers", "Add the person who interviewed you.")
    elif len(p.interviewers) > MAX_INTERVIEWERS:
        add(
            "interviewers",
            f"List at most {MAX_INTERVIEWERS} interviewers: the people you spoke with most.",
        )
    for i, person in enumerate(p.interviewers):
        at = f"interviewers.{i}"
        if not clean_line(person.name):
            add(
                f"{at}.name",
                "Enter the name of the person who interviewed you."
                if i == 0
                else "Enter this interviewer's name, or remove them from the list.",
            )
        for name, spec in declared(Interviewer):
            add(f"{at}.{name}", _too_long(f"{at}.{name}", getattr(person, name)))
            add(f"{at}.{name}", _misshapen(spec, getattr(person, name)))
        if person.tone not in ("formal", "relaxed"):
            add(f"{at}.tone", "Choose a formal or a relaxed tone.")
        if person.role not in ROLES:
            add(f"{at}.role", "Choose this person's part in the hiring.")
    return errors


def problems_of(p: Profile) -> Problems:
    """validate(p), frozen."""
    return tuple((path, tuple(messages)) for path, messages in validate(p).items())
