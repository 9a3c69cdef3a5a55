"""Personal follow-up drafts for each interviewer: emails, a card, a call script and letters."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

from secondround.profile import (
    Interviewer,
    Profile,
    Tone,
    clean_line,
    first_name,
    format_date,
    is_email,
    parse_date,
)

__all__ = [
    "DRAFT_KINDS",
    "Draft",
    "DraftKind",
    "InterviewerDrafts",
    "drafts_for",
    "join_words",
    "mailto",
]

DraftKind = Literal["email", "card", "call", "voicemail", "followup", "not_hired"]
DRAFT_KINDS: tuple[DraftKind, ...] = ("email", "card", "call", "voicemail", "followup", "not_hired")

_TITLES: dict[DraftKind, str] = {
    "email": "Thank-you email",
    "card": "Thank-you card",
    "call": "Phone call script",
    "voicemail": "Voicemail message",
    "followup": "Follow-up email",
    "not_hired": "If you are not hired",
}


@dataclass(frozen=True)
class Draft:
    """One ready-to-send text; `mailto` opens it in the user's mail program when it is an email."""

    kind: DraftKind
    title: str
    to: str
    subject: str
    body: str
    mailto: str


@dataclass(frozen=True)
class InterviewerDrafts:
    """All drafts addressed to one interviewer, in the order of DRAFT_KINDS."""

    index: int
    interviewer: Interviewer
    drafts: tuple[Draft, ...]


def mailto(to: str, subject: str, body: str) -> str:
    """A mailto: URI (RFC 6068) for one recipient, every character outside the safe set encoded.

    The scheme is fixed, and "?", "&", "#", "," and ":" in any part are encoded,
    so no input can add recipients or headers or turn the link into another scheme.
    """
    body = body.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\r\n")
    address = _percent(clean_line(to), keep="@")
    query = []
    subject = clean_line(subject)
    if subject:
        query.append("subject=" + _percent(subject))
    if body:
        query.append("body=" + _percent(body))
    return "mailto:" + address + ("?" + "&".join(query) if query else "")


# urllib's quote() walks byte by byte in Python and was most of the time spent
# building drafts. One str.replace per special character present is ten times
# faster for letters; only runs of non-ASCII characters are encoded byte by byte.
_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
# "%" first, so the escapes added afterwards are never escaped again.
_SPECIAL = ("%", *(chr(c) for c in range(128) if chr(c) not in _UNRESERVED and chr(c) != "%"))
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def _quote_run(m: re.Match[str]) -> str:
    # A lone surrogate cannot be UTF-8: it becomes an encoded "?", as urllib's quote() does.
    # (urllib.parse itself is not imported: it costs 60 ms of the kit's start in Pyodide.)
    return "".join(f"%{byte:02X}" for byte in m.group().encode("utf-8", "replace"))


def _percent(text: str, keep: str = "") -> str:
    for ch in _SPECIAL:
        if ch in text and ch != keep:
            text = text.replace(ch, f"%{ord(ch):02X}")
    return text if text.isascii() else _NON_ASCII.sub(_quote_run, text)


def join_words(items: tuple[str, ...] | list[str], last: str = "and") -> str:
    """An English list: "A", "A and B", "A, B, and C"."""
    if len(items) <= 1:
        return "".join(items)
    if len(items) == 2:
        return f"{items[0]} {last} {items[1]}"
    return ", ".join(items[:-1]) + f", {last} {items[-1]}"


def _card_list(items: tuple[str, ...]) -> str:
    # Joined unlike the email's "A, B, and C" at every seam, so the card never
    # repeats a run of the email's words that spans two qualifications.
    if len(items) <= 1:
        return "".join(items)
    if len(items) == 2:
        return f"{items[0]} as well as {items[1]}"
    return f"{' and '.join(items[:-1])}, as well as {items[-1]}"


_ROLE_WORDS = re.compile(r"\s+(position|role|job|opening|post|vacancy)$", flags=re.IGNORECASE)
_TRAILING = re.compile(r"[\s.,;:!?]+$")


def _phrase(text: str) -> str:
    # User phrases go mid-sentence, so their own closing punctuation goes.
    return _TRAILING.sub("", clean_line(text))


@dataclass(frozen=True)
class _Facts:
    me: str
    my_email: str
    my_phone: str
    company: str
    job: str  # the position without a trailing "position"/"role", "" when unknown
    when: date | None
    decision: date | None
    quals: tuple[str, ...]
    discussed: str
    availability: str


def _facts(p: Profile) -> _Facts:
    job = _phrase(p.position)
    bare = _ROLE_WORDS.sub("", job)
    when = parse_date(p.interview_date)
    decision = parse_date(p.decision_date)
    if decision is not None and when is not None and decision < when:
        decision = None  # an impossible date would only confuse the reader
    return _Facts(
        me=clean_line(p.name),
        my_email=clean_line(p.email),
        my_phone=clean_line(p.phone),
        company=_phrase(p.company),
        job=bare or job,
        when=when,
        decision=decision,
        quals=tuple(q for q in (_phrase(x) for x in p.qualifications) if q),
        discussed=_phrase(p.discussed),
        availability=_phrase(p.availability),
    )


def _signature(f: _Facts, closing: str) -> str:
    return "\n".join([closing, *(line for line in (f.me, f.my_email, f.my_phone) if line)])


def _on(d: date | None, *, mid: bool = False, weekday: bool = True) -> str:
    # "on Tuesday, November 24, to talk": the date is set off by commas mid-sentence.
    if d is None:
        return ""
    text = f" on {format_date(d, weekday=weekday)}"
    return text + "," if mid and weekday else text


def _at(company: str, word: str = "at") -> str:
    return f" {word} {company}" if company else ""


def _the(job: str, noun: str) -> str:
    return f"the {job} {noun}" if job else f"the {noun}"


def _greeting(person: Interviewer, tone: Tone) -> str:
    full = clean_line(person.name)
    if tone == "relaxed":
        return f"Hi {first_name(full)}," if full else "Hello,"
    return f"Dear {full}," if full else "Dear Hiring Manager,"


def _email(f: _Facts, tone: Tone) -> tuple[str, str, str]:
    """Subject, paragraph and closing of the thank-you email."""
    if tone == "relaxed":
        subject = f"Thanks for the conversation about {_the(f.job, 'role')}"
        parts = [
            f"Thanks so much for sitting down with me{_on(f.when, mid=True)} to talk about "
            f"{_the(f.job, 'role')}{_at(f.company)}.",
            f"In case the week has been a blur of interviews, I'm {f.me}, and I really enjoyed "
            "our second-round conversation."
            if f.me
            else "I really enjoyed our second-round conversation.",
        ]
        if f.discussed:
            parts.append(
                f"I especially liked hearing about {f.discussed}; it's exactly the kind of "
                "work I'd be excited to dig into."
            )
        parts.append(
            "I came away even more confident that I could jump right in and help, "
            f"drawing on {join_words(f.quals)}."
            if f.quals
            else "I came away even more confident that I could jump right in and help."
        )
        parts.append(
            "I'm still very keen on the role, so if there's anything else you need from me, "
            "just say the word. Thanks again for your time; I'm looking forward to hearing "
            "about next steps."
        )
        return subject, " ".join(parts), "All the best,"

    subject = f"Thank you for the second interview for {_the(f.job, 'position')}"
    parts = [
        f"Thank you for taking the time to meet with me{_on(f.when, mid=True)} during the "
        f"second round of interviews for {_the(f.job, 'position')}{_at(f.company)}.",
        f"I am {f.me}, and I valued the chance to learn more about your team and the work "
        "ahead of it."
        if f.me
        else "I valued the chance to learn more about your team and the work ahead of it.",
    ]
    if f.discussed:
        parts.append(
            f"I particularly appreciated our discussion of {f.discussed}, which gave me a "
            "clearer picture of what success in the role would look like."
        )
    parts.append(
        f"I am confident that I could contribute from the start, bringing {join_words(f.quals)}."
        if f.quals
        else "I am confident that I could contribute from the start."
    )
    parts.append(
        f"Our conversation strengthened my interest in joining {f.company or 'your team'}, "
        "and I would be glad to provide any further information that would help with your "
        "decision. Thank you again for your time and consideration; I look forward to "
        "hearing from you about the next steps."
    )
    return subject, " ".join(parts), "Sincerely,"


def _card(f: _Facts, tone: Tone) -> tuple[str, str]:
    """Paragraph and closing of the handwritten card: the email's facts in other words."""
    # The email says "the <job> position at <company>": a word shared on either side
    # of what the user typed would let the card echo a run of the email's words.
    about = f"the role of {f.job}" if f.job else "the role"
    about += _at(f.company, "with")
    day = _on(f.when, weekday=False)
    if tone == "relaxed":
        parts = [f"A quick handwritten thank-you for our chat{day} about {about}."]
        parts.append(
            "I loved hearing how the team works, and I'd be thrilled to contribute "
            f"{_card_list(f.quals)}."
            if f.quals
            else "I loved hearing how the team works, and I'd be thrilled to join you."
        )
        return " ".join(parts), "Warmly,"
    parts = [f"I am grateful for our conversation{day} about {about}."]
    parts.append(
        "Seeing how your group works made me certain that I want to join it, and I hope to "
        f"offer you {_card_list(f.quals)}."
        if f.quals
        else "Seeing how your group works made me certain that I want to join it."
    )
    return " ".join(parts), "With sincere thanks,"


def _reach_me(f: _Facts, tone: Tone) -> str:
    relaxed = tone == "relaxed"
    if f.my_phone:
        said = f"My number is {f.my_phone}. Once more, that's {f.my_phone}."
        if not relaxed:
            said = f"You can reach me at {f.my_phone}. Again, that is {f.my_phone}."
    elif f.my_email:
        said = f"You can reach me by email at {f.my_email}. Again, that is {f.my_email}."
    else:
        said = ""
    if f.availability:
        when = f"The best time to reach me is {f.availability}."
    elif relaxed:
        when = "If I miss you, leave me a message and I'll call you back the same day."
    else:
        when = "If I miss your call, please leave a message and I will return it the same day."
    return f"{said} {when}".strip()


def _call(f: _Facts, person: Interviewer, tone: Tone) -> str:
    full = clean_line(person.name)
    relaxed = tone == "relaxed"
    on = _on(f.when, mid=True)
    if relaxed:
        ask = f"Hi, it's {f.me}. " if f.me else "Hi there. "
        ask += f"Is {first_name(full)} around?" if full else "Is the hiring manager around?"
    else:
        ask = f"Hello, this is {f.me}. " if f.me else "Hello. "
        ask += (
            f"May I speak with {full}, please?"
            if full
            else "May I speak with the hiring manager, please?"
        )
    lines = [
        "When someone answers:",
        ask,
        "",
        "Thank them and say you are still interested:",
        f"Thanks again for meeting with me{on} about {_the(f.job, 'role')}. I really "
        "enjoyed it, and I'm still very interested in the job."
        if relaxed
        else f"Thank you again for interviewing me{on} for {_the(f.job, 'position')}. "
        "I enjoyed our conversation, and I remain very interested in the role.",
        "",
        "Ask about the decision:",
        "Have you had a chance to make a decision yet?"
        if relaxed
        else "Has a hiring decision been made yet?",
        "",
        *_call_timing(f, relaxed),
        "",
        "Ask how to follow up:",
        "And if I haven't heard anything by then, what's the best way to check in with you?"
        if relaxed
        else "If I have not heard anything by then, how would you like me to follow up?",
        "",
        "Close:",
        "Great, thanks so much for your time. Talk soon!"
        if relaxed
        else "Thank you for your time. I look forward to hearing from you.",
    ]
    return "\n".join(lines)


def _call_timing(f: _Facts, relaxed: bool) -> tuple[str, str]:
    # Issue 9: with a date given the call comes after it, so it asks whether the timing moved
    # instead of asking for a date they already named.
    if f.decision is not None:
        date_text = format_date(f.decision)
        return (
            "If not, ask whether the timing has changed:",
            f"You'd said {date_text} for the decision. Is that still the plan, or has it moved?"
            if relaxed
            else f"You mentioned a decision by {date_text}. Has the timeline changed?",
        )
    return (
        "If not, ask when:",
        "When do you think you'll decide?"
        if relaxed
        else "When do you expect the decision to be made?",
    )


def _voicemail(f: _Facts, person: Interviewer, tone: Tone) -> str:
    full = clean_line(person.name)
    on = _on(f.when, mid=True)
    if tone == "relaxed":
        hello = f"Hi {first_name(full)}, " if full else "Hi, "
        hello += f"it's {f.me}." if f.me else "it's your second-round candidate."
        reason = (
            f"We met{on} about {_the(f.job, 'role')}{_at(f.company)}, and I'm just "
            "calling to say thanks again and to see whether there's any news on your decision."
        )
        bye = "Thanks, and talk soon!"
    else:
        hello = f"Hello {full}, " if full else "Hello, "
        hello += f"this is {f.me}." if f.me else "this is your second-round candidate."
        reason = (
            f"I interviewed with you{on} for {_the(f.job, 'position')}{_at(f.company)}, "
            "and I am calling to thank you for your time and to ask whether there is any news "
            "about the decision."
        )
        bye = "Thank you, and have a good day."
    return " ".join(part for part in (hello, reason, _reach_me(f, tone), bye) if part)


def _followup(f: _Facts, tone: Tone) -> tuple[str, str, str]:
    if tone == "relaxed":
        subject = f"Checking in on {_the(f.job, 'role')}"
        parts = [
            f"I hope your week is going well! I wanted to check in about {_the(f.job, 'role')}"
            f"{_at(f.company)}{f'; we last spoke{_on(f.when)}' if f.when else ''}."
        ]
        parts.append(
            f"You'd mentioned you were hoping to decide by {format_date(f.decision)}, so I "
            "thought I'd see if there's any news."
            if f.decision
            else "I'd love to hear whether there's any news, or a rough timeline for the decision."
        )
        parts.append(
            "I'm still really excited about the chance to join the team, and I'm happy to send "
            "anything else that would help. Thanks so much!"
        )
        return subject, " ".join(parts), "Best,"
    subject = f"Following up on {_the(f.job, 'position')}"
    parts = [
        f"I hope this finds you well. I am writing to follow up on my second interview for "
        f"{_the(f.job, 'position')}{_at(f.company)}{_on(f.when)}."
    ]
    parts.append(
        f"When we spoke, you mentioned that you expected to reach a decision by "
        f"{format_date(f.decision)}, so I wanted to ask whether there is any news."
        if f.decision
        else "I wanted to ask whether there is any news about the decision, or a timeline you "
        "are able to share."
    )
    parts.append(
        "I remain very interested in the role and would welcome the chance to contribute to "
        "your team. If anything further would help, I would be glad to provide it. Thank you "
        "for your time."
    )
    return subject, " ".join(parts), "Kind regards,"


def _not_hired(f: _Facts, tone: Tone) -> tuple[str, str, str]:
    if tone == "relaxed":
        subject = f"Thanks for letting me know about {_the(f.job, 'role')}"
        body = (
            f"Thanks for letting me know about {_the(f.job, 'role')}, and for all the time you "
            f"and the team gave me, right up to our conversation{_on(f.when)}. I'm disappointed, "
            f"of course, but I really enjoyed getting to know {f.company or 'the team'}, and I "
            "wish you all the best. I'd still love to work with you someday, so if something "
            "opens up that's a better match for me, please keep me in mind; I'd be glad to hear "
            "about it. Thanks again!"
        )
        return subject, body, "All the best,"
    subject = f"Thank you for considering me for {_the(f.job, 'position')}"
    body = (
        f"Thank you for letting me know your decision about {_the(f.job, 'position')}, and for "
        f"the time you spent with me during the interviews, including our second meeting"
        f"{_on(f.when)}. While I am disappointed, I enjoyed learning about "
        f"{f.company or 'your organization'}, and I wish you and your team every success. I "
        "would still very much like to work with you: if a position opens that would be a "
        "better fit for what I offer, I would be grateful to be considered, and I would "
        "appreciate hearing about it. Thank you again for your consideration."
    )
    return subject, body, "With best wishes,"


def _letter(greeting: str, paragraph: str, signature: str) -> str:
    return f"{greeting}\n\n{paragraph}\n\n{signature}"


def _draft(kind: DraftKind, to: str, subject: str, body: str, *, email: bool) -> Draft:
    return Draft(
        kind=kind,
        title=_TITLES[kind],
        to=to,
        subject=subject,
        body=body,
        mailto=mailto(to, subject, body) if email else "",
    )


def _for_one(f: _Facts, index: int, person: Interviewer) -> InterviewerDrafts:
    tone: Tone = "relaxed" if person.tone == "relaxed" else "formal"
    to = clean_line(person.email)
    to = to if is_email(to) else ""
    hello = _greeting(person, tone)

    subject, paragraph, closing = _email(f, tone)
    email = _draft(
        "email", to, subject, _letter(hello, paragraph, _signature(f, closing)), email=True
    )

    card_text, card_closing = _card(f, tone)
    card_sign = f"{card_closing}\n{f.me}" if f.me else card_closing
    card = _draft("card", "", "", _letter(hello, card_text, card_sign), email=False)

    call = _draft("call", "", "", _call(f, person, tone), email=False)
    voicemail = _draft("voicemail", "", "", _voicemail(f, person, tone), email=False)

    subject, paragraph, closing = _followup(f, tone)
    followup = _draft(
        "followup", to, subject, _letter(hello, paragraph, _signature(f, closing)), email=True
    )
    subject, paragraph, closing = _not_hired(f, tone)
    not_hired = _draft(
        "not_hired", to, subject, _letter(hello, paragraph, _signature(f, closing)), email=True
    )
    return InterviewerDrafts(
        index=index,
        interviewer=person,
        drafts=(email, card, call, voicemail, followup, not_hired),
    )


def drafts_for(p: Profile) -> tuple[InterviewerDrafts, ...]:
    """One full set of drafts per interviewer: each person gets their own note, never a group one.

    Missing fields are worded around ("the position", "your team"), so this never
    fails and never shows a placeholder, whatever the profile holds.
    """
    f = _facts(p)
    return tuple(_for_one(f, i, person) for i, person in enumerate(p.interviewers))
