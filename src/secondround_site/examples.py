"""The guide's static example drafts, written by the same core that writes a reader's own."""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from html import escape
from typing import cast

from secondround.drafts import Draft, drafts_for
from secondround.example import example_profile
from secondround.profile import Tone

__all__ = ["SAMPLE_PROFILE", "example_html"]

SAMPLE_PROFILE = example_profile()


@cache
def _draft(kind: str, tone: str) -> Draft:
    if tone not in ("formal", "relaxed"):
        raise KeyError(f"{kind} {tone}")
    person = replace(SAMPLE_PROFILE.interviewers[0], tone=cast(Tone, tone))  # one is enough here
    profile = replace(SAMPLE_PROFILE, interviewers=(person,))
    for draft in drafts_for(profile)[0].drafts:
        if draft.kind == kind:
            return draft
    raise KeyError(f"{kind} {tone}")


def example_html(kind: str, tone: str) -> str:
    """One line of HTML (so it can sit indented inside a Markdown tab) showing one example draft."""
    draft = _draft(kind, tone)
    parts = [f'<figure class="sr-example" data-kind="{escape(kind)}">']
    if draft.subject:
        parts.append(
            f'<p class="sr-example__subject"><strong>Subject:</strong> {escape(draft.subject)}</p>'
        )
    for paragraph in draft.body.split("\n\n"):
        lines = "<br>".join(escape(line) for line in paragraph.splitlines())
        parts.append(f"<p>{lines}</p>")
    parts.append(
        f"<figcaption>Example: {escape(draft.title.lower())}, {escape(tone)} tone</figcaption>"
    )
    parts.append("</figure>")
    return "".join(parts)
