"""The guide's static example drafts, written by the same core that writes a reader's own."""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from html import escape
from typing import cast

from secondround.input.example import example_profile
from secondround.input.facts import facts_of
from secondround.input.profile import ROLES, Profile, Tone
from secondround.writing.drafts import Draft, drafts_for

__all__ = ["SAMPLE_PROFILE", "example_html", "example_profile_for"]

SAMPLE_PROFILE = example_profile()
# The drafts that exist only once the outcome is known.
_OUTCOME = {
    "not_hired": "not_hired",
    "offer_accept": "offer",
    "offer_terms": "offer",
}
_ROLE_WORDS = {
    "hiring_manager": "to the hiring manager",
    "panel": "to a panel member",
    "recruiter": "to a recruiter",
    "assistant": "to a coordinator",
}


def example_profile_for(tone: str, role: str) -> Profile:
    """The example candidate writing to one person: the example's first interviewer in that
    part, or the example's own recruiter; one person, so they also coordinate."""
    if tone not in ("formal", "relaxed") or role not in ROLES:
        raise KeyError(f"{tone} {role}")
    people = SAMPLE_PROFILE.interviewers
    who = next((p for p in people if p.role == role), people[0])
    person = replace(who, tone=cast(Tone, tone), role=role)
    return replace(SAMPLE_PROFILE, interviewers=(person,), coordinator=0)


@cache
def _draft(kind: str, tone: str, role: str) -> Draft:
    profile = example_profile_for(tone, role)
    for draft in drafts_for(facts_of(profile), _OUTCOME.get(kind, "waiting"))[0].drafts:
        if draft.kind == kind:
            return draft
    raise KeyError(f"{kind} {tone}")


def example_html(kind: str, tone: str, role: str = "hiring_manager") -> str:
    """One line of HTML (so it can sit indented inside a Markdown tab) showing one example draft."""
    draft = _draft(kind, tone, role)
    parts = [f'<figure class="sr-example" data-kind="{escape(kind)}">']
    if draft.subject:
        parts.append(
            f'<p class="sr-example__subject"><strong>Subject:</strong> {escape(draft.subject)}</p>'
        )
    for paragraph in draft.body.split("\n\n"):
        lines = "<br>".join(escape(line) for line in paragraph.splitlines())
        parts.append(f"<p>{lines}</p>")
    caption = f"Example: {draft.title[0].lower()}{draft.title[1:]}, {tone} tone"
    if role != "hiring_manager":
        caption += f", {_ROLE_WORDS[role]}"
    parts.append(f"<figcaption>{escape(caption)}</figcaption>")
    parts.append("</figure>")
    return "".join(parts)
