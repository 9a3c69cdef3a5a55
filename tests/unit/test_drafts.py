"""The drafts: content the article asks for, tone, length, safety and the mailto links."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from urllib.parse import quote, unquote

import pytest
from hypothesis import given
from hypothesis import strategies as st
from strategies import hostile_text, profiles

from secondround.input.facts import facts_of
from secondround.input.profile import MAX_INTERVIEWERS, Interviewer, Profile, Tone
from secondround.input.text import clean_line
from secondround.writing.drafts import (
    DRAFT_KINDS,
    UNKNOWN_EMPLOYER,
    Draft,
    WaitingEmployer,
    drafts_for,
    other_drafts,
)
from secondround.writing.mailto import mailto
from secondround.writing.sentences import join_words

DANA = Interviewer(
    name="Dana Whitfield",
    title="Head of Analytics",
    email="dana@northwind.example",
    topics="the plan to move monthly reporting to self-service",
)
ANA = Interviewer(
    name="Dr. Ana Ruiz",
    title="Finance Director",
    email="ana@northwind.example",
    tone="relaxed",
    role="panel",
    topics="how finance and analytics share one backlog",
)
LEE = Interviewer(name="Lee Park", title="Talent Partner", role="recruiter", topics="")
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
    decision_date="2026-12-04",
)


def paragraph(draft: Draft) -> str:
    # Greeting, then the message, then the sign-off, separated by blank lines.
    return draft.body.split("\n\n")[1]


def by_kind(p: Profile, who: int = 0, outcome: str = "waiting") -> dict[str, Draft]:
    return {d.kind: d for d in drafts_for(facts_of(p), outcome)[who].drafts}


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s]


def test_formal_thank_you_email_reads_as_written() -> None:
    email = by_kind(SAM)["email"]
    assert email.to == "dana@northwind.example"
    assert email.subject == "Thank you: Senior Data Analyst interview, Sam Rivera"
    assert email.body == (
        "Dear Dana Whitfield,\n"
        "\n"
        "Thank you for taking the time to meet with me on Tuesday, November 24, during the "
        "second round of interviews for the Senior Data Analyst position at Northwind Traders. "
        "I am Sam Rivera, and I valued the chance to learn more about the work ahead. I "
        "particularly appreciated one part of our discussion: the plan to move monthly "
        "reporting to self-service. Here is what I would bring from the start: six years of SQL "
        "and Python reporting, dashboards that "
        "finance teams use every day, and a habit of documenting each analysis. Our "
        "conversation strengthened my interest in joining Northwind Traders, and I would be "
        "glad to send any further information that could help with your decision. Thank you "
        "again for your time and consideration; I look forward to hearing from you about the "
        "next steps.\n"
        "\n"
        "Sincerely,\n"
        "Sam Rivera\n"
        "sam.rivera@example.com\n"
        "+1 555 010 0199"
    )
    assert email.words == 135  # counted with wc -w


def test_relaxed_card_reads_as_written() -> None:
    card = by_kind(SAM, 1)["card"]
    assert (card.to, card.subject, card.mailto) == ("", "", "")
    assert card.body == (
        "Hi Ana,\n"
        "\n"
        "Big thanks for talking with me on November 24 about the position of Senior Data "
        "Analyst with Northwind Traders. Most of all, I enjoyed talking through how finance and "
        "analytics share one backlog. Bringing dashboards that finance teams use every day, "
        "I'd be ready to pitch in right away. Collaborating with you would be a lot of fun.\n"
        "\n"
        "Warmly,\n"
        "Sam Rivera"
    )


@pytest.mark.parametrize(
    ("outcome", "lead_kinds"),
    [
        pytest.param(
            "waiting",
            ("email", "card", "call", "voicemail", "followup", "followup_final", "not_hired"),
            id="waiting",
        ),
        pytest.param("not_hired", ("email", "card", "not_hired"), id="not-hired"),
        pytest.param(
            "offer",
            ("email", "card", "offer_terms", "offer_accept", "offer_decline"),
            id="offer",
        ),
    ],
)
def test_the_coordinator_alone_gets_the_call_and_the_decision_letters(
    outcome: str, lead_kinds: tuple[str, ...]
) -> None:
    p = replace(SAM, interviewers=(DANA, ANA, LEE), coordinator=2)
    groups = drafts_for(facts_of(p), outcome)
    assert [g.index for g in groups] == [0, 1, 2]
    assert [g.person.name for g in groups] == [DANA.name, ANA.name, LEE.name]
    for g in groups:
        kinds = tuple(d.kind for d in g.drafts)
        assert kinds == (lead_kinds if g.index == 2 else ("email", "card"))
        assert list(kinds) == sorted(kinds, key=DRAFT_KINDS.index)
        for d in g.drafts:
            # One note per person: never a second address, never a group email.
            assert d.to in ("", g.person.email)
            assert bool(d.mailto) == (d.kind not in ("card", "call", "voicemail"))


def test_without_a_mark_the_hiring_manager_coordinates() -> None:
    p = replace(SAM, interviewers=(LEE, ANA, DANA))
    leads = [g.index for g in drafts_for(facts_of(p)) if any(d.kind == "call" for d in g.drafts)]
    assert leads == [2]


def test_after_an_offer_a_note_to_another_employer() -> None:
    assert other_drafts(facts_of(SAM), "waiting") == ()
    ((key, note),) = other_drafts(facts_of(SAM), "offer")
    assert key == UNKNOWN_EMPLOYER
    assert note.kind == "offer_other"
    assert note.body.startswith("Hello,\n\n")
    assert "another employer" in note.body
    assert note.subject == "An update on my application, Sam Rivera"


# Other applications still waiting on a decision when this one brings an offer.
HARBOUR = Profile(
    company="Harbour Health",
    position="Data Analyst",
    decision_date="2026-12-11",
    interviewers=(
        Interviewer(name="Mei Chen", role="panel"),
        Interviewer(name="Tomás Ortega", email="tomas@harbour.example", tone="relaxed"),
    ),
    coordinator=1,
)
CIVIC = Profile(
    company="City of Leeds",
    position="Reporting Officer",
    interviewers=(Interviewer(name="Dr. Ruth Adeyemi", email="r.adeyemi@leeds.example"),),
)
NOBODY_LISTED = Profile(company="Acme Logistics")
UNNAMED = Profile(interviewers=(Interviewer(name="Pat Doe"),))


@pytest.mark.parametrize(
    ("other", "to", "greeting", "names", "title"),
    [
        # The coordinator, in their own tone, with the date they gave.
        (
            HARBOUR,
            "tomas@harbour.example",
            "Hi Tomás,",
            ("the Data Analyst role at Harbour Health", "decide by Friday, December 11"),
            "To Harbour Health (Data Analyst)",
        ),
        (
            CIVIC,
            "r.adeyemi@leeds.example",
            "Dear Dr. Adeyemi,",
            ("the Reporting Officer position at the City of Leeds",),
            "To City of Leeds (Reporting Officer)",
        ),
        # Nobody listed: the hiring manager, and the company alone.
        (
            NOBODY_LISTED,
            "",
            "Dear Hiring Manager,",
            ("my application for the position at Acme Logistics",),
            "To Acme Logistics",
        ),
    ],
    ids=["relaxed-coordinator", "formal-title", "nobody-listed"],
)
def test_an_offer_brings_a_note_to_each_employer_still_deciding(
    other: Profile, to: str, greeting: str, names: tuple[str, ...], title: str
) -> None:
    ((key, note),) = other_drafts(
        facts_of(SAM), "offer", (WaitingEmployer("o-abc", facts_of(other)),)
    )
    assert key == "o-abc"
    assert note.kind == "offer_other"
    assert note.to == to
    assert note.title == title
    assert note.body.startswith(greeting + "\n\n")
    for text in names:
        assert text in note.body
    # The employer with the offer stays unnamed, and so does this application's own company.
    assert "another employer" in note.body
    assert "Northwind" not in note.body
    assert note.body.endswith("Sam Rivera\nsam.rivera@example.com\n+1 555 010 0199")
    assert note.mailto.startswith(f"mailto:{to}?") if to else note.mailto.startswith("mailto:?")


def test_each_employer_gets_its_own_note_and_one_with_nothing_to_name_gets_none() -> None:
    waiting = (
        WaitingEmployer("o-1", facts_of(HARBOUR)),
        WaitingEmployer("o-2", facts_of(UNNAMED)),
        WaitingEmployer("o-3", facts_of(CIVIC)),
    )
    notes = other_drafts(facts_of(SAM), "offer", waiting)
    assert [key for key, _ in notes] == ["o-1", "o-3"]
    assert len({note.body for _, note in notes}) == 2
    # With only applications it cannot name, the general note is there instead.
    only_unnamed = other_drafts(
        facts_of(SAM), "offer", (WaitingEmployer("o-2", facts_of(UNNAMED)),)
    )
    assert [key for key, _ in only_unnamed] == [UNKNOWN_EMPLOYER]
    assert other_drafts(facts_of(SAM), "not_hired", waiting) == ()


@pytest.mark.parametrize(
    ("other", "subject"),
    [
        (HARBOUR, "An update on my application for the Data Analyst role, Sam Rivera"),
        (CIVIC, "An update on my application for the Reporting Officer position, Sam Rivera"),
        (NOBODY_LISTED, "An update on my application to Acme Logistics, Sam Rivera"),
    ],
)
def test_the_note_to_an_employer_still_deciding_names_the_application(
    other: Profile, subject: str
) -> None:
    ((_, note),) = other_drafts(facts_of(SAM), "offer", (WaitingEmployer("o-1", facts_of(other)),))
    assert note.subject == subject


def test_offer_drafts_thank_accept_and_ask_for_writing_and_time() -> None:
    kinds = by_kind(SAM, 0, "offer")
    accept = paragraph(kinds["offer_accept"])
    assert "Thank you for offering me the Senior Data Analyst position" in accept
    assert "delighted to accept" in accept
    # Accepted once it is in writing, as the checklist says: it no longer waits for it.
    assert "for sending the offer in writing" in accept
    assert "Once I have the offer in writing" not in accept
    terms = paragraph(kinds["offer_terms"])
    assert "in writing" in terms
    assert "a few days to consider it" in terms
    decline = paragraph(kinds["offer_decline"])
    assert "I have decided not to accept the offer" in decline
    assert "hope our paths cross again" in decline


@pytest.mark.parametrize(
    ("tone", "asks"), [("formal", "my answer by"), ("relaxed", "back to you by")]
)
def test_the_offer_reply_asks_for_the_checklists_answer_day(tone: Tone, asks: str) -> None:
    p = replace(SAM, interviewers=(replace(DANA, tone=tone),))
    (group,) = drafts_for(facts_of(p), "offer", date(2026, 12, 14))
    (terms,) = [d for d in group.drafts if d.kind == "offer_terms"]
    assert f"{asks} Monday, December 14?" in terms.body
    (group,) = drafts_for(facts_of(p), "offer")
    (terms,) = [d for d in group.drafts if d.kind == "offer_terms"]
    assert f"{asks} the end of next week?" in terms.body


@pytest.mark.parametrize(
    ("person", "greeting"),
    [
        pytest.param(Interviewer(name="Dana Whitfield"), "Dear Dana Whitfield,", id="formal"),
        pytest.param(Interviewer(name="Dana Whitfield", tone="relaxed"), "Hi Dana,", id="relaxed"),
        pytest.param(Interviewer(name="Dr. Ana Ruiz", tone="relaxed"), "Hi Ana,", id="honorific"),
        pytest.param(Interviewer(name="Dr. Helen Cho"), "Dear Dr. Cho,", id="doctor"),
        pytest.param(
            Interviewer(name="Prof. Margaret O'Neill"), "Dear Professor O'Neill,", id="professor"
        ),
        pytest.param(
            Interviewer(name="Helen Cho", salutation="Ms. Cho"), "Dear Ms. Cho,", id="typed"
        ),
        pytest.param(
            Interviewer(name="Helen Cho", salutation=" Dear Helen, "),
            "Dear Helen,",
            id="typed-dear",
        ),
        pytest.param(Interviewer(), "Dear Hiring Manager,", id="formal-no-name"),
        pytest.param(Interviewer(role="recruiter"), "Hello,", id="recruiter-no-name"),
        pytest.param(Interviewer(tone="relaxed"), "Hello,", id="relaxed-no-name"),
    ],
)
def test_greeting_uses_the_salutation_and_never_guesses_gender(
    person: Interviewer, greeting: str
) -> None:
    for d in drafts_for(facts_of(replace(SAM, interviewers=(person,))))[0].drafts:
        if d.kind not in ("call", "voicemail"):
            assert d.body.splitlines()[0] == greeting
        if "Ms." not in greeting:
            assert "Mr." not in d.body
            assert "Ms." not in d.body


@pytest.mark.parametrize("typed", ["sam rivera", "SAM RIVERA", "  sam   rivera ", "Rivera, Sam"])
def test_a_name_typed_in_one_case_or_surname_first_is_signed_as_written(typed: str) -> None:
    person = Interviewer(name="dana whitfield", tone="relaxed")
    for d in drafts_for(facts_of(replace(SAM, name=typed, interviewers=(person,))))[0].drafts:
        if d.kind not in ("call", "voicemail"):
            assert d.body.splitlines()[0] == "Hi Dana,"
            assert "\nSam Rivera" in d.body
        assert "Sam Rivera" in d.body
        assert "sam rivera" not in d.body
        assert "SAM RIVERA" not in d.body


def test_the_call_script_covers_the_guide() -> None:
    p = replace(SAM, interviewers=(replace(DANA, name="Dr. Helen Cho"),))
    call = by_kind(p)["call"].body
    assert call.startswith(
        "When someone answers:\nHello, this is Sam Rivera. May I speak with Dr. Cho, please?"
    )
    for cue in (
        "this is Sam Rivera",
        "Is now a good time",
        "Thank you again for the interview",
        "remain very interested",
        "Has a hiring decision been made yet?",
        # Sam was given a date: the script asks whether it moved (test_drafts_timing).
        "Has the timeline changed?",
        "how would you like me to follow up",
        "If they offer you the job:",
        "offer in writing",
        "If they chose someone else:",
        "I wish the person you chose every success",
    ):
        assert cue in call, cue


@pytest.mark.parametrize("tone", ["formal", "relaxed"])
def test_voicemail_says_the_number_twice(tone: Tone) -> None:
    p = replace(SAM, interviewers=(replace(DANA, tone=tone),))
    vm = by_kind(p)["voicemail"].body
    assert vm.count("+1 555 010 0199") == 2
    assert "Sam Rivera" in vm


@pytest.mark.parametrize("tone", ["formal", "relaxed"])
def test_voicemail_without_phone_gives_the_email_and_promises_no_call(tone: Tone) -> None:
    p = replace(
        SAM, phone="", availability="weekdays after 2 pm", interviewers=(replace(DANA, tone=tone),)
    )
    vm = by_kind(p)["voicemail"].body
    assert vm.count("sam.rivera@example.com") == 2
    for promise in ("call you back", "return it", "call back", "best time to reach me"):
        assert promise not in vm


def test_voicemail_says_when_to_reach_you() -> None:
    vm = by_kind(replace(SAM, availability="weekdays after 2 pm."))["voicemail"].body
    assert "The best time to reach me is weekdays after 2 pm." in vm


def test_followup_names_the_decision_date() -> None:
    followup = by_kind(SAM)["followup"]
    assert followup.subject == "Following up: Senior Data Analyst interview, Sam Rivera"
    assert "decision by Friday, December 4" in followup.body
    assert "decision by" not in by_kind(replace(SAM, decision_date=""))["followup"].body


@pytest.mark.parametrize("tone", ["formal", "relaxed"])
def test_the_last_follow_up_is_shorter_and_graceful(tone: Tone) -> None:
    p = replace(SAM, interviewers=(replace(DANA, tone=tone),))
    kinds = by_kind(p)
    final = paragraph(kinds["followup_final"])
    assert len(final.split()) < len(paragraph(kinds["followup"]).split())
    assert "Senior Data Analyst" in final
    assert "thank" in final.lower()


def test_followup_ignores_an_impossible_decision_date() -> None:
    body = by_kind(replace(SAM, decision_date="2026-11-01"))["followup"].body
    assert "November 1" not in body


@pytest.mark.parametrize("tone", ["formal", "relaxed"])
def test_not_hired_letter_follows_the_guide(tone: Tone) -> None:
    p = replace(SAM, interviewers=(replace(DANA, tone=tone),))
    body = paragraph(by_kind(p, 0, "not_hired")["not_hired"]).lower()
    assert "thank" in body
    assert "disappoint" not in body
    assert "the person you chose" in body  # wishes the chosen candidate well
    assert "considered" in body or "keep me in mind" in body
    assert "feedback" in body
    assert "reconsider" not in body
    assert body.count("would") <= 2


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


@pytest.mark.parametrize(
    ("company", "shown"),
    [
        ("Acme, Inc.", "at Acme, Inc."),
        ("Smith & Jones Co.", "at Smith & Jones Co."),
        ("O'Neill's Bakery", "at O'Neill's Bakery"),
        ("St. Mary's Hospital.", "at St. Mary's Hospital."),
    ],
)
def test_names_keep_their_punctuation(company: str, shown: str) -> None:
    email = paragraph(by_kind(replace(SAM, company=company))["email"])
    assert shown in email
    assert ".." not in email
    assert "Inc," not in email


def test_subjects_carry_the_role_and_the_candidate() -> None:
    kinds = by_kind(SAM)
    assert kinds["email"].subject == "Thank you: Senior Data Analyst interview, Sam Rivera"
    assert kinds["not_hired"].subject == "Thank you: Senior Data Analyst position, Sam Rivera"
    no_job = by_kind(replace(SAM, position="", name=""))
    assert no_job["email"].subject == "Thank you: second interview"


def test_the_recruiter_is_thanked_for_arranging_things() -> None:
    p = replace(SAM, interviewers=(DANA, LEE))
    recruiter = by_kind(p, 1)
    assert "arrang" in paragraph(recruiter["email"]).lower() or "organiz" in paragraph(
        recruiter["email"]
    )
    card = paragraph(recruiter["card"])
    assert "join it" not in card
    assert "Seeing how your group works" not in card


@pytest.mark.parametrize("tone", ["formal", "relaxed"])
def test_empty_profile_reads_gracefully(tone: Tone) -> None:
    for d in drafts_for(facts_of(Profile(interviewers=(Interviewer(tone=tone),))))[0].drafts:
        text = d.subject + d.body
        assert "  " not in text
        assert " ." not in text
        assert " ," not in text
        for artefact in ("{", "}", "[", "]", "None", "on ,", "spoke.", ": ."):
            assert artefact not in text


@given(profiles(hostile_text), st.sampled_from(["waiting", "offer", "not_hired"]))
def test_drafts_never_fail(p: Profile, outcome: str) -> None:
    groups = drafts_for(facts_of(p), outcome)
    assert len(groups) == len(p.interviewers)
    for g in groups:
        waiting = (WaitingEmployer("o-x", facts_of(p)),)
        for d in (*g.drafts, *(note for _, note in other_drafts(facts_of(p), outcome, waiting))):
            assert d.mailto == "" or d.mailto.startswith("mailto:")
            d.body.encode("utf-8")


# User text without brackets or "None", so any that shows up is our artefact.
_plain = st.text(st.characters(exclude_characters="{}[]"), max_size=40).filter(
    lambda s: "none" not in s.lower()
)


@given(profiles(_plain))
def test_no_placeholder_artefacts(p: Profile) -> None:
    for g in drafts_for(facts_of(p)):
        for d in g.drafts:
            for part in (d.subject, d.body):
                for artefact in ("{", "}", "[", "]", "None"):
                    assert artefact not in part


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
    for g in drafts_for(facts_of(p)):
        for d in g.drafts:
            if d.mailto and d.body:
                body = unquote(d.mailto.split("body=", 1)[1])
                assert body == d.body.replace("\n", "\r\n")


_marks = st.text(st.sampled_from(" .,;:!?-–—'\"“”…()"), max_size=12)


@given(_marks, _marks, _marks, _marks, _marks, _marks)
def test_punctuation_alone_reads_as_an_empty_field(
    name: str, company: str, position: str, qualification: str, topics: str, salutation: str
) -> None:
    people = (replace(DANA, name=name, salutation=salutation, topics=topics), ANA)
    typed = replace(
        SAM,
        name=name,
        company=company,
        position=position,
        qualifications=(qualification, *SAM.qualifications[1:]),
        interviewers=people,
    )
    people = (replace(DANA, name="", salutation="", topics=""), ANA)
    empty = replace(
        SAM,
        name="",
        company="",
        position="",
        qualifications=("", *SAM.qualifications[1:]),
        interviewers=people,
    )
    for got, want in zip(drafts_for(facts_of(typed)), drafts_for(facts_of(empty)), strict=True):
        assert [d.body for d in got.drafts] == [d.body for d in want.drafts]


@given(profiles(hostile_text), st.sampled_from(["waiting", "offer", "not_hired"]))
def test_every_draft_s_address_and_subject_are_one_clean_line(p: Profile, outcome: str) -> None:
    # The drafts' mail links take them as they are (mail_link): they must already be clean.
    for group in drafts_for(facts_of(p), outcome):
        for d in group.drafts:
            assert (d.to, d.subject) == (clean_line(d.to), clean_line(d.subject))
            assert d.mailto in ("", mailto(d.to, d.subject, d.body))


@pytest.mark.parametrize("tone", ["formal", "relaxed"])
def test_a_thank_you_note_sent_the_same_day_never_asks_to_be_placed(tone: Tone) -> None:
    # The email goes out on the day of the interview: nothing in it assumes days have passed.
    stale = ("place me", "as a reminder", "may remember", "blur of interviews")
    for n in range(MAX_INTERVIEWERS):
        people = tuple(
            Interviewer(name=f"Person {i}", tone=tone, id=f"p{i + 1}") for i in range(n + 1)
        )
        p = replace(SAM, interviewers=people)
        for group in drafts_for(facts_of(p)):
            email = next(d for d in group.drafts if d.kind == "email")
            assert [s for s in stale if s in email.body.lower()] == [], email.body
