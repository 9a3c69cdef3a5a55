"""Typed text in every shape fits our sentences: a hand-written corpus of realistic inputs."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from corpus import QUALIFICATIONS, TOPICS
from hypothesis import given
from hypothesis import strategies as st

from secondround.input.facts import facts_of
from secondround.input.phrasing import as_item, organization, phrase, topic_item
from secondround.input.profile import Interviewer, Profile, Role, Tone
from secondround.input.words import end, join_items
from secondround.writing.drafts import drafts_for

BASE = Profile(
    name="Sam Rivera",
    email="sam@example.com",
    phone="555 0100",
    company="Northwind Traders",
    position="Senior Data Analyst",
    interview_date="2026-11-24",
    qualifications=("", "dashboards that finance teams use every day", "fluent Spanish"),
)
_PARTS: list[tuple[Tone, Role]] = [
    ("formal", "hiring_manager"),
    ("relaxed", "panel"),
    ("formal", "recruiter"),
    ("relaxed", "hiring_manager"),
    ("formal", "panel"),
    ("relaxed", "assistant"),
]
PANEL = tuple(
    Interviewer(name=f"Person {n}", tone=tone, role=role) for n, (tone, role) in enumerate(_PARTS)
)
# A typed sentence dropped where a noun belongs: "drawing on I closed", "our discussion of We".
_BROKEN = re.compile(
    r"\b(?i:of|about|on|bringing|offer you|gain|use|from|with|having|drawing on|put|"
    r"contribute|through|into) (?:I|We|She|He|They|My|i)\b"
    r"|experience experience|I am I\b|I I\b|\.\.|\s[,.;:]|,,|:\s*[.,]|\b(?i:the the)\b"
)


def test_the_corpus_is_large_enough() -> None:
    assert len(QUALIFICATIONS) + len(TOPICS) >= 40


@pytest.mark.parametrize(("typed", "reads"), QUALIFICATIONS, ids=[q for q, _ in QUALIFICATIONS])
def test_a_qualification_reads_well_mid_sentence(typed: str, reads: str) -> None:
    assert as_item(typed)[1] == reads


@pytest.mark.parametrize(("typed", "reads"), TOPICS, ids=[t for t, _ in TOPICS])
def test_a_topic_reads_well_mid_sentence(typed: str, reads: str) -> None:
    assert topic_item(typed)[1] == reads


def _notes(p: Profile) -> list[str]:
    return [
        draft.body.split("\n\n")[1]
        for group in drafts_for(facts_of(p))
        for draft in group.drafts
        if draft.kind in ("email", "card")
    ]


@pytest.mark.parametrize(("typed", "reads"), QUALIFICATIONS, ids=[q for q, _ in QUALIFICATIONS])
def test_every_note_frames_a_qualification_grammatically(typed: str, reads: str) -> None:
    p = replace(BASE, qualifications=(typed, *BASE.qualifications[1:]), interviewers=PANEL)
    notes = _notes(p)
    emails = notes[::2]
    for text in notes:
        assert _BROKEN.search(text) is None, text
    # Every email lists every qualification, in the words the reader chose.
    for text in emails:
        assert reads in text or reads[0].upper() + reads[1:] in text


@pytest.mark.parametrize(("typed", "reads"), TOPICS, ids=[t for t, _ in TOPICS])
def test_every_note_frames_a_topic_grammatically(typed: str, reads: str) -> None:
    people = tuple(replace(person, topics=typed) for person in PANEL)
    p = replace(BASE, qualifications=("six years of SQL", "dashboards", ""), interviewers=people)
    for text in _notes(p):
        assert _BROKEN.search(text) is None, text
        assert reads in text


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Acme, Inc.", "Acme, Inc."),
        ("Acme Inc", "Acme Inc"),
        ("weekdays after 2 pm.", "weekdays after 2 pm"),
        ("Hartley & Co.", "Hartley & Co."),
        ("the U.S.", "the U.S."),
        ("really?!", "really"),
        ("  spaced   out ,", "spaced out"),
        ("“quoted”", "quoted"),
        ("• bulleted", "bulleted"),
        ("1. numbered", "numbered"),
        ("…", ""),
        ("", ""),
    ],
)
def test_phrase(typed: str, expected: str) -> None:
    assert phrase(typed) == expected


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("University of Leeds", "the University of Leeds"),
        ("university of leeds", "the university of leeds"),
        ("City of Cape Town", "the City of Cape Town"),
        ("Massachusetts Institute of Technology", "the Massachusetts Institute of Technology"),
        ("London School of Economics", "the London School of Economics"),
        ("Department of Health and Social Care", "the Department of Health and Social Care"),
        ("State of Ohio", "the State of Ohio"),
        ("The University of Edinburgh", "The University of Edinburgh"),
        ("the Museum of London", "the Museum of London"),
        # No article in English, or none a rule can know: as typed.
        ("Bank of America", "Bank of America"),
        ("House of Fraser", "House of Fraser"),
        ("University College London", "University College London"),
        ("Ohio State University", "Ohio State University"),
        ("Acme, Inc.", "Acme, Inc."),
        ("Cityworks", "Cityworks"),
        ("", ""),
    ],
)
def test_an_employer_reads_with_the_article_english_gives_it(typed: str, expected: str) -> None:
    assert organization(typed) == expected


@pytest.mark.parametrize("outcome", ["waiting", "offer", "not_hired"])
def test_every_draft_names_a_university_with_its_article(outcome: str) -> None:
    profile = replace(BASE, company="University of Leeds", interviewers=PANEL)
    texts = [
        f"{draft.subject}\n{draft.body}"
        for group in drafts_for(facts_of(profile), outcome)
        for draft in group.drafts
    ]
    naming = [text for text in texts if "University of Leeds" in text]
    assert len(naming) >= len(PANEL)
    bare = re.compile(r"(?<!the )University of Leeds")
    assert [text for text in naming if bare.search(text)] == []


@pytest.mark.parametrize(
    ("typed", "job"),
    [
        ("the Data Analyst role", "Data Analyst"),
        ("a Data Analyst", "Data Analyst"),
        ("an Office Manager", "Office Manager"),
        ("the position of Senior Nurse", "Senior Nurse"),
        ("job as a welder", "welder"),
        ("A&E Nurse", "A&E Nurse"),
        ("Theatre Nurse", "Theatre Nurse"),
    ],
)
def test_a_position_typed_with_its_article_gets_only_ours(typed: str, job: str) -> None:
    assert job in " ".join(
        d.body for g in drafts_for(facts_of(replace(BASE, position=typed))) for d in g.drafts
    )
    profile = replace(BASE, position=typed, interviewers=PANEL)
    for outcome in ("waiting", "offer", "not_hired"):
        for group in drafts_for(facts_of(profile), outcome):
            for draft in group.drafts:
                text = f"{draft.subject}\n{draft.body}"
                assert not re.search(r"(?i)\b(?:the|an?) (?:the|an?)\s", text), text
                assert not re.search(r"(?i)\b(?:role|position) of (?:the|an?)\s", text), text
                assert not re.search(r"(?i)\b(?:role|position) of (?:position|role)\b", text)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [("at Acme, Inc.", "at Acme, Inc."), ("Thanks", "Thanks."), ("Really?", "Really?")],
)
def test_end_closes_a_sentence_once(sentence: str, expected: str) -> None:
    assert end(sentence) == expected


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        (["A"], "A"),
        (["A", "B"], "A and B"),
        (["A", "B", "C"], "A, B, and C"),
        (["SQL, Python, and R", "B", "C"], "SQL, Python, and R; B; and C"),
    ],
)
def test_join_items(items: list[str], expected: str) -> None:
    assert join_items(items) == expected


_typed = st.one_of(
    st.text(max_size=40),
    st.lists(
        st.sampled_from(
            [
                "the",
                "a",
                "An",
                "University",
                "of",
                "Bank",
                "PhD",
                "licence",
                "degree",
                "in",
                "my",
                "two",
                "Leeds",
                "forklift",
                "MSc",
                "honours",
                "card",
                "(ICU)",
                "Grant",
                "deadlines",
            ]
        ),
        min_size=1,
        max_size=6,
    ).map(" ".join),
)


@given(_typed)
def test_an_employer_gets_at_most_our_article_and_keeps_its_words(typed: str) -> None:
    name = organization(typed)
    assert name in (phrase(typed), "the " + phrase(typed))
    if name != phrase(typed):
        assert phrase(typed).split(" ")[0].casefold() not in ("the", "a", "an"), name


@given(_typed)
def test_an_item_never_gets_an_article_before_another(typed: str) -> None:
    _, item = as_item(typed)
    own = phrase(typed)
    # We only ever add in front of what was typed ("a", "I am", "experience"), or lower a capital.
    assert item.casefold().endswith(own.casefold())
    added = item[: len(item) - len(own)]
    if added in ("a ", "an "):
        first = own.split(" ")[0].casefold()
        assert first not in ("a", "an", "the", "my", "our", "two"), item
