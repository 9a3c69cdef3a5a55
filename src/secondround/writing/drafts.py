"""Personal follow-up drafts: which drafts each person gets, and what each one holds."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from typing import Literal, get_args

from secondround.input.facts import Facts, Person, person_of
from secondround.input.profile import Interviewer
from secondround.input.words import count_words
from secondround.saved.state import Outcome
from secondround.writing.calls import call_script, voicemail_message
from secondround.writing.letters import (
    final_followup_email,
    followup_email,
    not_hired_letter,
    offer_accept_email,
    offer_decline_email,
    offer_other_note,
    offer_other_note_to,
    offer_terms_email,
)
from secondround.writing.mailto import mail_link
from secondround.writing.notes import thank_you_card, thank_you_email
from secondround.writing.sentences import as_letter, greeting, signed

__all__ = [
    "DRAFT_KINDS",
    "UNKNOWN_EMPLOYER",
    "Draft",
    "DraftKind",
    "InterviewerDrafts",
    "WaitingEmployer",
    "drafts_for",
    "other_drafts",
]


DraftKind = Literal[
    "email",
    "card",
    "call",
    "voicemail",
    "followup",
    "followup_final",
    "not_hired",
    "offer_terms",
    "offer_accept",
    "offer_decline",
    "offer_other",
]


# The order drafts come in for each person: the order of the declaration above.
DRAFT_KINDS: tuple[DraftKind, ...] = get_args(DraftKind)


_TITLES: dict[DraftKind, str] = {
    "email": "Thank-you email",
    "card": "Thank-you card",
    "call": "Phone call script",
    "voicemail": "Voicemail message",
    # The checklist's steps say the same names ("Send ... the first follow-up email").
    "followup": "First follow-up email",
    "followup_final": "Last follow-up email",
    "not_hired": "If you are not hired",
    "offer_terms": "Ask for the offer in writing, and time to decide",
    "offer_accept": "Accept the offer, once it is in writing",
    "offer_decline": "Decline the offer",
    "offer_other": "To another employer you are waiting on",
}


@dataclass(frozen=True)
class Draft:
    """One ready-to-send text; `mailto` opens it in the user's mail program when it is an email.

    `words` counts the message (greeting and signature aside); `note` is a gentle word when
    what the reader typed still makes it longer than the guide suggests.
    """

    kind: DraftKind
    title: str
    to: str
    subject: str
    body: str
    mailto: str
    words: int = 0
    note: str = ""


@dataclass(frozen=True)
class InterviewerDrafts:
    """All drafts addressed to one interviewer, in the order of DRAFT_KINDS."""

    index: int
    person: Person
    drafts: tuple[Draft, ...]


def _draft(
    kind: DraftKind,
    to: str,
    subject: str,
    body: str,
    *,
    email: bool,
    words: int = 0,
    note: str = "",
) -> Draft:
    return Draft(
        kind=kind,
        title=_TITLES[kind],
        to=to,
        subject=subject,
        body=body,
        mailto=mail_link(to, subject, body) if email else "",
        words=words,
        note=note,
    )


def _mail(
    kind: DraftKind, f: Facts, who: Person, parts: tuple[str, str, str], note: str = ""
) -> Draft:
    subject, paragraph, closing = parts
    body = as_letter(greeting(who), paragraph, signed(f, closing))
    return _draft(
        kind, who.email, subject, body, email=True, words=count_words(paragraph), note=note
    )


# A keystroke changes one field: the other people's drafts are reused as they were.
@lru_cache(maxsize=128)
def _for_one(
    f: Facts, who: Person, lead: bool, outcome: Outcome, answer_by: date | None
) -> tuple[Draft, ...]:
    subject, paragraph, closing, note = thank_you_email(f, who)
    drafts = [_mail("email", f, who, (subject, paragraph, closing), note)]

    card_text, card_closing, card_note = thank_you_card(f, who)
    card_sign = f"{card_closing}\n{f.me}" if f.me else card_closing
    drafts.append(
        _draft(
            "card",
            "",
            "",
            as_letter(greeting(who), card_text, card_sign),
            email=False,
            words=count_words(card_text),
            note=card_note,
        )
    )
    if not lead:
        return tuple(drafts)
    # The call and the replies about the decision go to the one person who coordinates it.
    if outcome == "waiting":
        call = call_script(f, who)
        voicemail = voicemail_message(f, who)
        drafts.append(_draft("call", "", "", call, email=False, words=count_words(call)))
        drafts.append(
            _draft("voicemail", "", "", voicemail, email=False, words=count_words(voicemail))
        )
        drafts.append(_mail("followup", f, who, followup_email(f, who)))
        drafts.append(_mail("followup_final", f, who, final_followup_email(f, who)))
    if outcome in ("waiting", "not_hired"):
        drafts.append(_mail("not_hired", f, who, not_hired_letter(f, who)))
    if outcome == "offer":
        # In the checklist's order: the offer in writing and a date to answer first, then the
        # answer either way.
        drafts.append(_mail("offer_terms", f, who, offer_terms_email(f, who, answer_by)))
        drafts.append(_mail("offer_accept", f, who, offer_accept_email(f, who)))
        drafts.append(_mail("offer_decline", f, who, offer_decline_email(f, who)))
    return tuple(drafts)


def drafts_for(
    f: Facts, outcome: str = "waiting", answer_by: date | None = None
) -> tuple[InterviewerDrafts, ...]:
    """One set of drafts per interviewer: each person gets their own notes, never a copy.

    Everyone gets an email and a card; the person coordinating the decision also gets the
    call script and the letters that depend on where things stand. Missing fields are
    worded around ("the position", "your team"), so this never fails and never shows a
    placeholder, whatever the profile holds.
    """
    known: Outcome = outcome if outcome in ("offer", "not_hired") else "waiting"  # type: ignore[assignment]
    return tuple(
        InterviewerDrafts(
            index=person.index,
            person=person,
            drafts=_for_one(f, person, person.index == f.lead, known, answer_by),
        )
        for person in f.people
    )


# The key's "person" for the note to an employer the kit knows nothing of.
UNKNOWN_EMPLOYER = "others"


# Greets as "Dear Hiring Manager," when an application lists nobody.
_NOBODY = person_of(0, Interviewer())


@dataclass(frozen=True)
class WaitingEmployer:
    """Another of the reader's applications, still waiting on its employer's decision."""

    # Names its note among the drafts (and the reader's edit of it): short, stable, unique.
    key: str
    facts: Facts


def other_drafts(
    f: Facts, outcome: str = "waiting", waiting: tuple[WaitingEmployer, ...] = ()
) -> tuple[tuple[str, Draft], ...]:
    """After an offer, a note to each employer still deciding on another of the reader's
    applications (to its coordinator, naming its role); with none known, one note for the reader
    to address. Each comes with its key."""
    if outcome != "offer":
        return ()
    notes = []
    for other in waiting:
        them = other.facts
        if not (them.company or them.job):
            continue  # nothing to name it by: the general note covers it
        # Greeted as the first person of a panel would be: the note's wording does not vary.
        who = replace(them.people[them.lead], index=0) if them.people else _NOBODY
        subject, paragraph, closing = offer_other_note_to(f, them, who)
        body = as_letter(greeting(who), paragraph, signed(f, closing))
        draft = _draft(
            "offer_other", who.email, subject, body, email=True, words=count_words(paragraph)
        )
        # A label, as the reader typed the name: "To City of Leeds (Analyst)".
        named = " ".join(
            part for part in (them.company_as_typed, f"({them.job})" if them.job else "") if part
        )
        notes.append((other.key, replace(draft, title=f"To {named}")))
    if notes:
        return tuple(notes)
    subject, paragraph, closing = offer_other_note(f)
    body = as_letter("Hello,", paragraph, signed(f, closing))
    draft = _draft("offer_other", "", subject, body, email=True, words=count_words(paragraph))
    return ((UNKNOWN_EMPLOYER, draft),)
