"""The guide's lengths hold for every draft: emails of 100 to 180 words, cards of three or four
sentences and at most 90 words; a gentle note says so when the reader's own text is too long."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from corpus import PANEL_PROFILES
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import roles, tones

from secondround.input.example import example_profile
from secondround.input.facts import facts_of
from secondround.input.fields import field_spec
from secondround.input.profile import MAX_INTERVIEWERS, Interviewer, Profile, Role, Tone
from secondround.writing.drafts import Draft, drafts_for

# Counted apart from the code under test: words between spaces, sentences by their ends.
_END = re.compile(r"(?<!\bSt|\bDr|\bMr|\bMs)(?<!\bMrs)[.!?](?=\s+[A-Z\d]|$)")


def message(d: Draft) -> str:
    return d.body.split("\n\n")[1]


def count(text: str) -> int:
    return len(text.split())


def sentence_count(text: str) -> int:
    return len(_END.findall(text))


def _all(p: Profile) -> list[tuple[Draft, Draft]]:
    out = []
    for g in drafts_for(facts_of(p)):
        kinds = {d.kind: d for d in g.drafts}
        out.append((kinds["email"], kinds["card"]))
    return out


_PARTS: list[tuple[Tone, Role]] = [
    ("formal", "hiring_manager"),
    ("formal", "recruiter"),
    ("relaxed", "assistant"),
    ("relaxed", "hiring_manager"),
    ("formal", "panel"),
    ("relaxed", "panel"),
]
SHORT = Profile(
    name="Al Wu",
    email="al@example.com",
    company="Zed",
    position="Cook",
    interview_date="2026-01-05",
    qualifications=("SQL", "Excel", ""),
    interviewers=tuple(
        Interviewer(name=f"Person {i}", tone=tone, role=role)
        for i, (tone, role) in enumerate(_PARTS)
    ),
)
REALISTIC = {
    **PANEL_PROFILES,
    "example": example_profile(),
    "short": SHORT,
    "no-name": replace(SHORT, name=""),
}


@pytest.mark.parametrize("name", list(REALISTIC))
def test_realistic_notes_keep_the_guide_s_lengths(name: str) -> None:
    for email, card in _all(REALISTIC[name]):
        assert 100 <= count(message(email)) <= 180, message(email)
        assert email.words == count(message(email))
        assert email.note == ""
        assert 3 <= sentence_count(message(card)) <= 4, message(card)
        assert count(message(card)) <= 90
        assert card.note == ""


# Real words, so a long field is long the way people write, up to each field's limit.
_WORDS = [
    "managing",
    "complex",
    "projects",
    "across",
    "several",
    "international",
    "teams",
    "with",
    "budgets",
    "of",
    "the",
    "and",
    "reporting",
    "patients",
    "clients",
    "wiring",
    "kitchens",
    "classrooms",
    "contracts",
    "for",
    "in",
    "to",
    "on",
    "safety",
    "quality",
    "customers",
    "growth",
    "analysis",
    "planning",
    "Northwind",
    "Hospital",
    "School",
    "Electrical",
    "Bistro",
]


def _long(path: str, at_least: int = 0) -> st.SearchStrategy[str]:
    limit = field_spec(path).limit
    return (
        st.lists(st.sampled_from(_WORDS), min_size=1, max_size=limit // 3)
        .map(lambda ws: " ".join(ws)[:limit].strip())
        .filter(lambda s: len(s) >= at_least)
    )


@st.composite
def long_profiles(draw: st.DrawFn) -> Profile:
    count_people = draw(st.integers(min_value=1, max_value=MAX_INTERVIEWERS))
    return Profile(
        name=draw(_long("name")),
        email="sam@example.com",
        phone="555 0100",
        company=draw(_long("company")),
        position=draw(_long("position")),
        interview_date="2026-11-24",
        qualifications=(
            draw(_long("qualifications.0")),
            draw(_long("qualifications.0")),
            draw(st.one_of(st.just(""), _long("qualifications.0"))),
        ),
        interviewers=tuple(
            Interviewer(
                name=draw(_long("name")),
                tone=draw(tones),
                role=draw(roles),
                topics=draw(st.one_of(st.just(""), _long("interviewers.0.topics"))),
            )
            for _ in range(count_people)
        ),
    )


@settings(max_examples=min(80, settings().max_examples))
@given(long_profiles())
def test_up_to_the_field_limits_notes_fit_or_say_why(p: Profile) -> None:
    for email, card in _all(p):
        words = count(message(email))
        assert email.words == words
        if words > 180:
            assert f"runs to {words} words" in email.note
        elif words < 100:
            assert f"has {words} words" in email.note
        else:
            assert email.note == ""
        assert 3 <= sentence_count(message(card)) <= 4, message(card)
        card_words = count(message(card))
        assert (card_words > 90) == bool(card.note), message(card)


def test_long_realistic_input_drops_optional_sentences_instead_of_overflowing() -> None:
    # Long but ordinary: what a reader with a lot to say types, well inside the limits.
    p = replace(
        PANEL_PROFILES["analyst-three"],
        company="Northwind Analytics and Reporting Services International",
        position="Senior Data Analyst, Finance Transformation Programme",
        qualifications=(
            "six years of building reporting pipelines in SQL and Python for finance teams in "
            "two listed companies",
            "leading a team of three analysts through a migration to a new data warehouse",
            "a habit of documenting each analysis so that anyone on the team can rerun it",
        ),
        interviewers=tuple(
            replace(
                person,
                topics="the plan to move the monthly management dashboards to real-time data by "
                "the end of next year, and how the analysts would support finance through it",
            )
            for person in PANEL_PROFILES["analyst-three"].interviewers
        ),
    )
    for email, card in _all(p):
        assert 100 <= count(message(email)) <= 180
        assert count(message(card)) <= 90
        assert email.note == card.note == ""
