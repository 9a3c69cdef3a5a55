"""The drafts: content the article asks for, tone, length, safety and the mailto links."""

from __future__ import annotations

import re
from dataclasses import replace
from urllib.parse import quote, unquote

import pytest
from hypothesis import given
from hypothesis import strategies as st
from strategies import hostile_text, profiles, word_profiles

from secondround.drafts import DRAFT_KINDS, Draft, drafts_for, join_words, mailto
from secondround.profile import Interviewer, Profile, Tone, clean_line

DANA = Interviewer(
    name="Dana Whitfield", title="Head of Analytics", email="dana@northwind.example", tone="formal"
)
ANA = Interviewer(
    name="Dr. Ana Ruiz", title="Finance Director", email="ana@northwind.example", tone="relaxed"
)
SAM = Profile(
    name="Sam Rivera",
    email="sam.rivera@example.com",
    phone="+1 555 010 0199",
    company="Northwind Traders",
    position="Senior Data Analyst",
    interviewers=(DANA, ANA),
    interview_date="2026-11-24",
    qualifications=(
        "six years of SQL and Python reporting",
        "dashboards that finance teams use every day",
        "a habit of documenting each analysis",
    ),
    discussed="the plan to move monthly reporting to self-service",
    decision_date="2026-12-04",
)

# Realistic profiles, short to long, for the length rules.
PROFILES = {
    "full": SAM,
    "two-short-qualifications": replace(
        SAM, qualifications=("SQL", "Tableau", ""), discussed="", decision_date=""
    ),
    "no-discussed": replace(SAM, discussed=""),
    "no-date": replace(SAM, interview_date=""),
    "long-qualifications": replace(
        SAM,
        qualifications=(
            "eight years leading B2B sales teams across three regions of the Americas",
            "a record of growing accounts by a third within two years",
            "fluent Spanish and Portuguese, used daily with clients and partners",
        ),
        discussed="how the team plans to enter the Brazilian market next spring",
        position="Regional Sales Director, Latin America",
        company="Contoso Industrial Supply Company",
    ),
    "nurse": Profile(
        name="Priya Natarajan",
        email="priya.n@example.org",
        company="St. Mary's Hospital",
        position="charge nurse position",
        interviewers=(Interviewer(name="Tom Becker", tone="relaxed"),),
        interview_date="2027-03-05",
        qualifications=(
            "ten years in intensive care",
            "BLS and ACLS certification",
            "calm under pressure",
        ),
    ),
}


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def paragraph(draft: Draft) -> str:
    # Greeting, then the message, then the sign-off, separated by blank lines.
    return draft.body.split("\n\n")[1]


def by_kind(p: Profile, who: int = 0) -> dict[str, Draft]:
    return {d.kind: d for d in drafts_for(p)[who].drafts}


def test_formal_thank_you_email_reads_as_written() -> None:
    email = by_kind(SAM)["email"]
    assert email.to == "dana@northwind.example"
    assert (
        email.subject == "Thank you for the second interview for the Senior Data Analyst position"
    )
    assert email.body == (
        "Dear Dana Whitfield,\n"
        "\n"
        "Thank you for taking the time to meet with me on Tuesday, November 24, during the second "
        "round of interviews for the Senior Data Analyst position at Northwind Traders. I am Sam "
        "Rivera, and I valued the chance to learn more about your team and the work ahead of it. I "
        "particularly appreciated our discussion of the plan to move monthly reporting to "
        "self-service, which gave me a clearer picture of what success in the role would look "
        "like. I am confident that I could contribute from the start, bringing six years of SQL "
        "and Python reporting, dashboards that finance teams use every day, and a habit of "
        "documenting each analysis. Our conversation strengthened my interest in joining "
        "Northwind Traders, and I would be glad to provide any further information that would "
        "help with your decision. Thank you again for your time and consideration; I look forward "
        "to hearing from you about the next steps.\n"
        "\n"
        "Sincerely,\n"
        "Sam Rivera\n"
        "sam.rivera@example.com\n"
        "+1 555 010 0199"
    )


def test_relaxed_card_reads_as_written() -> None:
    card = by_kind(SAM, 1)["card"]
    assert (card.to, card.subject, card.mailto) == ("", "", "")
    assert card.body == (
        "Hi Ana,\n"
        "\n"
        "A quick handwritten thank-you for our chat on November 24 about the role of Senior "
        "Data Analyst with Northwind Traders. I loved hearing how the team works, and I'd be "
        "thrilled to contribute six years of SQL and Python reporting and dashboards that "
        "finance teams use every day, as well as a habit of documenting each analysis.\n"
        "\n"
        "Warmly,\n"
        "Sam Rivera"
    )


def test_one_set_per_interviewer_in_kind_order() -> None:
    groups = drafts_for(SAM)
    assert [g.index for g in groups] == [0, 1]
    assert [g.interviewer.name for g in groups] == [DANA.name, ANA.name]
    for g in groups:
        assert tuple(d.kind for d in g.drafts) == DRAFT_KINDS
        assert [d.title for d in g.drafts] == [
            "Thank-you email",
            "Thank-you card",
            "Phone call script",
            "Voicemail message",
            "Follow-up email",
            "If you are not hired",
        ]
        for d in g.drafts:
            # One note per person: never a second address, never a group email.
            assert d.to in ("", g.interviewer.email)
            assert bool(d.mailto) == (d.kind in ("email", "followup", "not_hired"))


@pytest.mark.parametrize("name", list(PROFILES))
@pytest.mark.parametrize("tone", ["formal", "relaxed"])
def test_email_is_one_paragraph_of_100_to_180_words(name: str, tone: Tone) -> None:
    p = PROFILES[name]
    p = replace(p, interviewers=(replace(p.interviewers[0], tone=tone),))
    email = by_kind(p)["email"]
    assert email.body.count("\n\n") == 2
    assert 100 <= len(words(paragraph(email))) <= 180


@pytest.mark.parametrize("name", list(PROFILES))
@pytest.mark.parametrize("tone", ["formal", "relaxed"])
def test_card_is_at_most_90_words(name: str, tone: Tone) -> None:
    p = PROFILES[name]
    p = replace(p, interviewers=(replace(p.interviewers[0], tone=tone),))
    assert len(words(by_kind(p)["card"].body)) <= 90


@pytest.mark.parametrize("kind", ["email", "card"])
def test_notes_carry_the_facts(kind: str) -> None:
    text = by_kind(SAM)[kind].body
    for fact in (
        "Sam Rivera",
        "Senior Data Analyst",
        "Northwind Traders",
        "November 24",
        *SAM.qualifications,
    ):
        assert fact in text
    if kind == "email":
        assert "Tuesday, November 24" in text
        assert "the plan to move monthly reporting to self-service" in text


def test_formal_and_relaxed_differ_throughout() -> None:
    formal, relaxed = by_kind(SAM, 0), by_kind(SAM, 1)
    for kind in ("email", "card", "call", "voicemail", "followup", "not_hired"):
        a, b = formal[kind].body, relaxed[kind].body
        sentences_a = set(re.split(r"(?<=[.!?])\s+", a))
        sentences_b = set(re.split(r"(?<=[.!?])\s+", b))
        assert not sentences_a & sentences_b, kind
    assert formal["email"].body.splitlines()[-4] == "Sincerely,"
    assert relaxed["email"].body.splitlines()[-4] == "All the best,"
    assert formal["card"].body.splitlines()[-2] == "With sincere thanks,"
    assert relaxed["card"].body.splitlines()[-2] == "Warmly,"


@pytest.mark.parametrize(
    ("person", "greeting"),
    [
        pytest.param(Interviewer(name="Dana Whitfield"), "Dear Dana Whitfield,", id="formal"),
        pytest.param(Interviewer(name="Dana Whitfield", tone="relaxed"), "Hi Dana,", id="relaxed"),
        pytest.param(Interviewer(name="Dr. Ana Ruiz", tone="relaxed"), "Hi Ana,", id="honorific"),
        pytest.param(Interviewer(name="Dr. Ana Ruiz"), "Dear Dr. Ana Ruiz,", id="formal-title"),
        pytest.param(Interviewer(), "Dear Hiring Manager,", id="formal-no-name"),
        pytest.param(Interviewer(tone="relaxed"), "Hello,", id="relaxed-no-name"),
    ],
)
def test_greeting_never_guesses_gender(person: Interviewer, greeting: str) -> None:
    for d in drafts_for(replace(SAM, interviewers=(person,)))[0].drafts:
        if d.kind in ("email", "card", "followup", "not_hired"):
            assert d.body.splitlines()[0] == greeting
        assert "Mr." not in d.body
        assert "Ms." not in d.body


@pytest.mark.parametrize("who", [0, 1])
def test_call_script_covers_the_article(who: int) -> None:
    call = by_kind(SAM, who)["call"].body.lower()
    for cue in ("thank", "interested", "decision", "when", "follow up", "sam rivera"):
        assert cue in call.replace("check in", "follow up"), cue


@pytest.mark.parametrize("who", [0, 1])
def test_voicemail_says_the_number_twice(who: int) -> None:
    vm = by_kind(SAM, who)["voicemail"].body
    assert vm.count("+1 555 010 0199") == 2
    assert "Sam Rivera" in vm
    assert "call you back" in vm or "return it" in vm


def test_voicemail_without_phone_gives_the_email_twice() -> None:
    vm = by_kind(replace(SAM, phone=""))["voicemail"].body
    assert vm.count("sam.rivera@example.com") == 2


def test_voicemail_says_when_to_reach_you() -> None:
    vm = by_kind(replace(SAM, availability="weekdays after 2 pm."))["voicemail"].body
    assert "The best time to reach me is weekdays after 2 pm." in vm


def test_followup_names_the_decision_date() -> None:
    followup = by_kind(SAM)["followup"]
    assert followup.subject == "Following up on the Senior Data Analyst position"
    assert "decision by Friday, December 4" in followup.body
    assert "decision by" not in by_kind(replace(SAM, decision_date=""))["followup"].body


def test_followup_ignores_an_impossible_decision_date() -> None:
    body = by_kind(replace(SAM, decision_date="2026-11-01"))["followup"].body
    assert "November 1" not in body


@pytest.mark.parametrize("who", [0, 1])
def test_not_hired_letter_thanks_wishes_well_and_asks(who: int) -> None:
    body = by_kind(SAM, who)["not_hired"].body.lower()
    assert "thank" in body
    assert "wish you" in body
    assert "considered" in body or "keep me in mind" in body
    assert "better" in body


@pytest.mark.parametrize(
    ("position", "phrase"),
    [
        ("Senior Data Analyst", "the Senior Data Analyst position"),
        ("charge nurse position", "the charge nurse position"),
        ("Product Designer role", "the Product Designer position"),
        ("", "the position"),
    ],
)
def test_position_is_named_once(position: str, phrase: str) -> None:
    body = by_kind(replace(SAM, position=position))["email"].body
    assert phrase in body
    assert "position position" not in body


@pytest.mark.parametrize("tone", ["formal", "relaxed"])
def test_empty_profile_reads_gracefully(tone: Tone) -> None:
    for d in drafts_for(Profile(interviewers=(Interviewer(tone=tone),)))[0].drafts:
        text = d.subject + d.body
        assert "the position" in text or "the role" in text or "the opening" in text
        assert "  " not in text
        assert " ." not in text
        assert " ," not in text
        for artefact in ("{", "}", "[", "]", "None", "on ,", "spoke."):
            assert artefact not in text


@given(profiles(hostile_text))
def test_drafts_never_fail(p: Profile) -> None:
    groups = drafts_for(p)
    assert len(groups) == len(p.interviewers)
    for g in groups:
        for d in g.drafts:
            assert d.mailto == "" or d.mailto.startswith("mailto:")
            d.body.encode("utf-8")


# User text without brackets or "None", so any that shows up is our artefact.
_plain = st.text(st.characters(exclude_characters="{}[]"), max_size=40).filter(
    lambda s: "none" not in s.lower()
)


@given(profiles(_plain))
def test_no_placeholder_artefacts(p: Profile) -> None:
    for g in drafts_for(p):
        for d in g.drafts:
            for part in (d.subject, d.body):
                for artefact in ("{", "}", "[", "]", "None"):
                    assert artefact not in part


def _grams(text: str, n: int = 6) -> set[tuple[str, ...]]:
    w = words(text)
    return {tuple(w[i : i + n]) for i in range(len(w) - n + 1)}


@given(word_profiles())
def test_card_never_repeats_six_words_of_the_email(p: Profile) -> None:
    # A run shared with the email is fine only when it lies inside one thing the
    # user typed (a long qualification has to appear in both).
    fields = [p.name, p.company, p.position, p.discussed, *p.qualifications]
    fields += [person.name for person in p.interviewers]
    own = set().union(*(_grams(f) for f in fields))
    for g in drafts_for(p):
        kinds = {d.kind: d for d in g.drafts}
        shared = _grams(paragraph(kinds["card"])) & _grams(paragraph(kinds["email"]))
        assert shared <= own


@pytest.mark.parametrize(
    ("items", "expected"),
    [((), ""), (("a",), "a"), (("a", "b"), "a and b"), (("a", "b", "c"), "a, b, and c")],
)
def test_join_words(items: tuple[str, ...], expected: str) -> None:
    assert join_words(items) == expected


@pytest.mark.parametrize(
    ("to", "subject", "body", "expected"),
    [
        pytest.param(
            "dana@example.com",
            "Thank you",
            "Hi Dana,\n\nThanks!",
            "mailto:dana@example.com?subject=Thank%20you&body=Hi%20Dana%2C%0D%0A%0D%0AThanks%21",
            id="plain",
        ),
        pytest.param("", "Hi", "", "mailto:?subject=Hi", id="no-recipient"),
        pytest.param("a@b.c", "", "", "mailto:a@b.c", id="address-only"),
        pytest.param(
            "zoë@bücher.example",
            "Café & co",
            "",
            "mailto:zo%C3%AB@b%C3%BCcher.example?subject=Caf%C3%A9%20%26%20co",
            id="utf8",
        ),
        pytest.param(
            "a@b.c?cc=evil@x.y&bcc=z@x.y",
            "",
            "",
            "mailto:a@b.c%3Fcc%3Devil@x.y%26bcc%3Dz@x.y",
            id="no-header-injection",
        ),
        pytest.param(
            "javascript:alert(1)//@x.y",
            "",
            "",
            "mailto:javascript%3Aalert%281%29%2F%2F@x.y",
            id="no-scheme-switch",
        ),
        pytest.param("a@b.c, d@e.f", "", "", "mailto:a@b.c%2C%20d@e.f", id="one-recipient"),
        pytest.param("", "", "x\r\ny\rz", "mailto:?body=x%0D%0Ay%0D%0Az", id="crlf"),
        pytest.param("", "a\nb", "", "mailto:?subject=a%20b", id="subject-one-line"),
    ],
)
def test_mailto(to: str, subject: str, body: str, expected: str) -> None:
    assert mailto(to, subject, body) == expected


@given(hostile_text, hostile_text, hostile_text)
def test_mailto_is_always_plain_ascii_mailto(to: str, subject: str, body: str) -> None:
    link = mailto(to, subject, body)
    assert link.startswith("mailto:")
    assert re.fullmatch(r"mailto:[A-Za-z0-9%@._~?=&-]*", link)


@given(hostile_text, st.text())
def test_mailto_agrees_with_urllib(subject: str, body: str) -> None:
    # urllib's quote() is the reference the faster encoder has to match exactly.
    expected = (
        "mailto:?subject=" + quote(clean_line(subject), safe="")
        if clean_line(subject)
        else "mailto:"
    )
    assert mailto("", subject, "") == expected
    crlf = body.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\r\n")
    assert mailto("", "", body) == ("mailto:?body=" + quote(crlf, safe="") if body else "mailto:")


@given(profiles())
def test_mailto_decodes_back_to_the_draft(p: Profile) -> None:
    for g in drafts_for(p):
        for d in g.drafts:
            if d.mailto and d.body:
                body = unquote(d.mailto.split("body=", 1)[1])
                assert body == d.body.replace("\n", "\r\n")
