"""Personal follow-up drafts for each interviewer: notes, a call script and letters."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Literal, get_args

from secondround.facts import Facts, Person, person_of
from secondround.phrasing import (
    count_words,
    end,
    join_items,
)
from secondround.profile import Interviewer, Role, Tone, clean_line, format_date
from secondround.state import Outcome
from secondround.wording import CARD, EMAIL, Table

__all__ = [
    "CARD_MAX_WORDS",
    "DRAFT_KINDS",
    "EMAIL_WORDS",
    "UNKNOWN_EMPLOYER",
    "Draft",
    "DraftKind",
    "InterviewerDrafts",
    "Outcome",
    "WaitingEmployer",
    "drafts_for",
    "join_words",
    "mailto",
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
    "offer_accept",
    "offer_terms",
    "offer_other",
]
# The order drafts come in for each person: the order of the declaration above.
DRAFT_KINDS: tuple[DraftKind, ...] = get_args(DraftKind)

_TITLES: dict[DraftKind, str] = {
    "email": "Thank-you email",
    "card": "Thank-you card",
    "call": "Phone call script",
    "voicemail": "Voicemail message",
    "followup": "Follow-up email",
    "followup_final": "Second and last follow-up",
    "not_hired": "If you are not hired",
    "offer_accept": "Accept the offer",
    "offer_terms": "Ask for the offer in writing, and time to decide",
    "offer_other": "To another employer you are waiting on",
}

# The guide's lengths (docs/steps.md): one paragraph of 100 to 180 words; a card of three or
# four sentences and at most 90 words. Counted in the message, without greeting or signature.
EMAIL_WORDS = (100, 180)
CARD_MAX_WORDS = 90
CARD_SENTENCES = (3, 4)


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
    return join_items(list(items), last)


# The order in which the person at position i of the panel hears the qualifications: six
# different orders, so two emails never list them with the same words between the same two.
_ORDERS = ((0, 1, 2), (1, 2, 0), (2, 0, 1), (0, 2, 1), (2, 1, 0), (1, 0, 2))


def _greeting(who: Person) -> str:
    if who.salutation:
        return f"Dear {who.salutation}," if who.tone == "formal" else f"Hi {who.salutation},"
    if who.tone == "formal" and who.role == "hiring_manager":
        return "Dear Hiring Manager,"
    return "Hello,"


def _the(job: str, noun: str) -> str:
    return f"the {job} {noun}" if job else f"the {noun}"


def _slots(f: Facts) -> dict[str, str]:
    """The pieces the sentence tables fill in, each "" or with its own leading space."""
    at = f" at {f.company}" if f.company else ""
    when = f" on {format_date(f.when)}," if f.when else ""
    return {
        "when": when,
        "on": f" on {format_date(f.when)}" if f.when else "",
        "day": f" on {format_date(f.when, weekday=False)}" if f.when else "",
        "pos": _the(f.job, "position"),
        "role": _the(f.job, "role"),
        "opening": _the(f.job, "opening"),
        "role_of": f"the role of {f.job}" if f.job else "the role",
        # The card says "the position of X" and "the X job", never the email's "the X position".
        "job_opening": f"position of {f.job}" if f.job else "position",
        "at": at,
        "with_co": f" with {f.company}" if f.company else "",
        "co": f.company or "your team",
        "me": f.me,
    }


def _fill(template: str, slots: dict[str, str]) -> str:
    # format_map reads only our template: braces the reader typed are plain text in a value.
    return end(template.format_map(slots))


def _pick(table: Table, key: str, variant: int) -> str:
    options = table[key]
    return options[variant % len(options)]


def _role_key(role: Role) -> str:
    return "recruiter" if role in ("recruiter", "assistant") else role


def _quals_text(f: Facts, variant: int, limit: int, tone: Tone) -> tuple[list[str], str]:
    """The qualifications in this person's order, up to `limit`: a colon list, and a sentence
    of the reader's own clauses when they typed sentences and phrases side by side."""
    quals = f.quals
    if not quals:
        return [], ""
    order = [i for i in _ORDERS[variant % len(_ORDERS)] if i < len(quals)][:limit]
    picked = [quals[i] for i in order]
    phrases = [text for shape, text in picked if shape == "phrase"]
    clauses = [text for shape, text in picked if shape == "clause"]
    if not phrases:
        return [_clauses(clauses)], ""
    if not clauses:
        return phrases, ""
    # The reader's own sentences follow the list as one more point, not as a list item.
    more = "What is more" if tone == "formal" else "What's more"
    return phrases, end(f"{more}, {_clauses(clauses)}")


# A sentence longer than this is hard to take in at one reading (Harper flags 40 words).
_LONGEST_SENTENCE = 36


def _quals_sentences(table: Table, v: int, slots: dict[str, str], listed: list[str]) -> list[str]:
    """The qualifications in the email: one sentence, or two when the list alone is long."""
    one = _fill(_pick(table, "quals", v), {**slots, "quals": join_items(listed)})
    if count_words(one) <= _LONGEST_SENTENCE or len(listed) < 2:
        return [one]
    first = _fill(_pick(table, "quals", v), {**slots, "quals": listed[0]})
    return [first, end(f"I can also add {join_items(listed[1:])}")]


def _clauses(clauses: list[str]) -> str:
    if len(clauses) <= 1:
        return "".join(clauses)
    return ", ".join(clauses[:-1]) + f", and {clauses[-1]}"


def _fit(levels: list[list[str]], ok: Callable[[list[str]], bool]) -> list[str]:
    """The fullest version that keeps the rule, else the shortest one."""
    for sentences in levels:
        if ok(sentences):
            return sentences
    return levels[-1]


def _email(f: Facts, who: Person) -> tuple[str, str, str, str]:
    """Subject, paragraph, closing and a note on length of the thank-you email."""
    table = EMAIL[who.tone]
    v = who.index
    slots = _slots(f)
    topic = who.topic[1]

    # Each sentence is written once; the versions below only choose among them.
    thanks = _fill(_pick(table, "thanks", v), slots)
    name = _fill(_pick(table, "name", v), slots) if f.me else ""
    about = _fill(_pick(table, "topic", v), {**slots, "topic": topic}) if topic else ""
    quals: dict[int, list[str]] = {}
    for limit in (3, 2, 1):
        listed, more = _quals_text(f, v, limit, who.tone)
        quals[limit] = [
            *(_quals_sentences(table, v, slots, listed) if listed else []),
            *([more] if more else []),
        ]
    middle = _fill(_pick(table, _role_key(who.role), v), slots)
    fillers = [_fill(_pick(table, key, v), slots) for key in ("extra", "extra2", "extra3")]
    close = _fill(_pick(table, "close", v), slots)

    def build(extras: int, with_name: bool, quals_limit: int, with_topic: bool) -> list[str]:
        head = [thanks, name if with_name else "", about if with_topic else ""]
        return [s for s in (*head, *quals[quals_limit], middle, *fillers[:extras], close) if s]

    def length(sentences: list[str]) -> int:
        return sum(count_words(s) for s in sentences)

    low, high = EMAIL_WORDS
    # Everything the reader gave first; when that is too long, optional sentences go one by
    # one (the reminder of your name, which the signature carries, then qualifications, and
    # only then what you discussed). When it is short, our own extra lines fill it out.
    cores = [(True, 3, True), (False, 3, True), (False, 2, True), (False, 1, True)]
    cores.append((False, 1, False))
    sentences = build(0, *cores[-1])
    for core in cores:
        candidate = build(0, *core)
        if length(candidate) <= high:
            sentences = candidate
            for extras in (1, 2, 3):
                if length(sentences) >= low:
                    break
                longer = build(extras, *core)
                if length(longer) > high:
                    break
                sentences = longer
            break
    paragraph = " ".join(sentences)
    words = count_words(paragraph)
    note = ""
    if words > high:
        note = (
            f"This email runs to {words} words, more than the {high} the guide suggests: "
            "shortening what you typed for it will tighten it."
        )
    elif words < low:
        note = (
            f"This email has {words} words; the guide suggests {low} to {high}. "
            "A detail from your conversation would round it out."
        )
    closing = "Sincerely," if who.tone == "formal" else "All the best,"
    return _subject("Thank you", f), paragraph, closing, note


def _subject(lead: str, f: Facts, about: str = "interview") -> str:
    what = f"{f.job} {about}" if f.job else f"second {about}" if about == "interview" else about
    return f"{lead}: {what}" + (f", {f.me}" if f.me else "")


def _card(f: Facts, who: Person) -> tuple[str, str, str]:
    table = CARD[who.tone]
    v = who.index
    slots = _slots(f)
    kind, topic = who.topic
    qual_shape, qual = (
        f.quals[_ORDERS[v % len(_ORDERS)][0] % len(f.quals)]
        if f.quals
        else (
            "phrase",
            "",
        )
    )

    def topic_sentence(with_topic: bool) -> str:
        if with_topic and topic:
            key = "topic" if kind == "phrase" else "topic_clause"
            return _fill(_pick(table, key, v), {**slots, "topic_np": topic, "topic": topic})
        return _fill(_pick(table, "no_topic", v), slots)

    def qual_sentence() -> list[str]:
        if not qual:
            return []
        if qual_shape == "clause":
            return [_fill(_pick(table, "qual_clause", v), {**slots, "qual": qual})]
        return [_fill(_pick(table, "qual", v), {**slots, "qual": qual})]

    first = _fill(_pick(table, "thanks", v), slots)
    closing = _fill(_pick(table, _role_key(who.role), v), slots)
    levels = [
        [first, topic_sentence(True), *qual_sentence(), closing],
        [first, topic_sentence(True), *qual_sentence()],
        [first, topic_sentence(False), *qual_sentence(), closing],
        [first, topic_sentence(False), *qual_sentence()],
        [first, topic_sentence(False), closing],
    ]
    # Without a qualification the card still needs three sentences: keep its closing line.
    low, high = CARD_SENTENCES
    levels = [s for s in levels if low <= len(s) <= high] or levels[:1]
    sentences = _fit(levels, lambda s: count_words(" ".join(s)) <= CARD_MAX_WORDS)
    paragraph = " ".join(sentences)
    words = count_words(paragraph)
    note = ""
    if words > CARD_MAX_WORDS:
        note = (
            f"This card runs to {words} words; a card has room for about 60 to "
            f"{CARD_MAX_WORDS}. Shortening what you typed for it will make it fit."
        )
    sign = "With sincere thanks," if who.tone == "formal" else "Warmly,"
    return paragraph, sign, note


def _signature(f: Facts, closing: str) -> str:
    return "\n".join([closing, *(line for line in (f.me, f.my_email, f.my_phone) if line)])


def _letter(greeting: str, paragraph: str, signature: str) -> str:
    return f"{greeting}\n\n{paragraph}\n\n{signature}"


def _spoken_name(who: Person) -> str:
    if who.salutation:
        return who.salutation
    return "the hiring manager" if who.role == "hiring_manager" else "the person handling the hire"


def _ask_when(f: Facts, *, relaxed: bool) -> tuple[str, str]:
    # The call comes after the date they gave: ask whether it moved, never for it again.
    if f.decision is not None:
        day = format_date(f.decision)
        if relaxed:
            return (
                "If not, ask whether the timing has moved, and how to follow up:",
                f"You'd said {day} for the decision. Is that still the plan, or has it moved? "
                "And what's the best way to check in with you after that?",
            )
        return (
            "If not, ask whether the timeline has changed, and how to follow up:",
            f"You mentioned a decision by {day}. Has the timeline changed? If I have not "
            "heard anything by then, how would you like me to follow up?",
        )
    if relaxed:
        return (
            "If not, ask when, and how to follow up:",
            "When do you think you'll decide? And if I haven't heard by then, what's the "
            "best way to check in with you?",
        )
    return (
        "If not, ask when, and how to follow up:",
        "When do you expect the decision to be made? If I have not heard anything by "
        "then, how would you like me to follow up?",
    )


def _spoken_greeting(who: Person) -> str:
    # On the phone a first and last name together ("Hello Priya Shah") sounds like a form
    # letter read aloud: a title ("Dr. Cho") or one name is spoken, a bare full name is not.
    words = who.salutation.split()
    titled = bool(words) and words[0].rstrip(".") in _SPOKEN_TITLES
    return f" {who.salutation}" if words and (titled or len(words) == 1) else ""


_SPOKEN_TITLES = frozenset(
    {"Dr", "Prof", "Professor", "Mr", "Mrs", "Ms", "Mx", "Miss", "Sir", "Dame"}
)


def _call(f: Facts, who: Person) -> str:
    slots = _slots(f)
    name = _spoken_name(who)
    if who.tone == "relaxed":
        # "this is", not "it's": a checker reads "it's Jordan" as a possessive slip.
        me = f"this is {f.me}" if f.me else "this is the candidate from the second round"
        lines = [
            ("When someone answers:", f"Hi, {me}. Could I speak with {name}, please?"),
            (
                "When they come on the line, say who you are:",
                f"Hi {who.salutation or 'there'}, {me}. We met{slots['when']} about "
                f"{slots['role']}. Have you got a couple of minutes?",
            ),
            ("If it's a bad time:", "No problem at all. When would be a better time to call?"),
            (
                "Thank them and say you're still interested:",
                "Thanks again for the interview. I really enjoyed it, and I'm still very "
                "interested in the job.",
            ),
            ("Ask about the decision:", "Have you had a chance to make a decision yet?"),
            _ask_when(f, relaxed=True),
            (
                "If they offer you the job:",
                "That's great news, thank you! Could you send me the offer in writing so I can "
                "look it over? And when do you need my answer?",
            ),
            (
                "If they chose someone else:",
                "Thanks for letting me know. I really enjoyed meeting the team, and I wish the "
                "new person well. If something opens up that fits me better, I'd love to hear "
                "about it.",
            ),
            ("Close:", "Thanks so much for your time. Talk soon."),
        ]
    else:
        me = f"this is {f.me}" if f.me else "this is the candidate from the second round"
        lines = [
            ("When someone answers:", f"Hello, {me}. May I speak with {name}, please?"),
            (
                "When they come on the line, say who you are:",
                f"Hello{_spoken_greeting(who)}, {me}. I interviewed "
                f"with you{slots['when']} for {slots['pos']}. "
                "Is now a good time for a few minutes?",
            ),
            ("If it is not a good time:", "Of course. When would be a better time to call?"),
            (
                "Thank them and say you are still interested:",
                "Thank you again for the interview. I enjoyed our conversation, and I remain "
                "very interested in the position.",
            ),
            ("Ask about the decision:", "Has a hiring decision been made yet?"),
            _ask_when(f, relaxed=False),
            (
                "If they offer you the job:",
                "Thank you, that is wonderful news. Could you send me the offer in writing, so "
                "that I can review the details? When do you need my answer?",
            ),
            (
                "If they chose someone else:",
                "Thank you for letting me know, and for your time. I wish the person you chose "
                "every success, and I would be glad to be considered for future openings.",
            ),
            ("Close:", "Thank you for your time. I look forward to hearing from you."),
        ]
    return "\n\n".join(f"{cue}\n{said}" for cue, said in lines)


def _reach_me(f: Facts, tone: Tone) -> str:
    relaxed = tone == "relaxed"
    if f.my_phone:
        said = (
            f"My number is {f.my_phone}. Once more, that's {f.my_phone}."
            if relaxed
            else f"You can reach me at {f.my_phone}. Again, that is {f.my_phone}."
        )
        if f.availability:
            return f"{said} {end(f'The best time to reach me is {f.availability}')}"
        if relaxed:
            return f"{said} If I miss you, leave me a message and I'll call you back the same day."
        return (
            f"{said} If I miss your call, please leave a message and I will return it the same day."
        )
    if f.my_email:
        # No number to call back on: say how to write, and promise nothing about calls.
        if relaxed:
            return f"The easiest way to reach me is email: {f.my_email}. Once more, {f.my_email}."
        return f"You can reach me by email at {f.my_email}. Again, that is {f.my_email}."
    return ""


def _voicemail(f: Facts, who: Person) -> str:
    slots = _slots(f)
    when = slots["when"]
    if who.tone == "relaxed":
        hello = f"Hi {who.salutation}, " if who.salutation else "Hi, "
        hello += f"this is {f.me}." if f.me else "this is your second-round candidate."
        reason = (
            f"We met{when} about {slots['role']}{slots['at']}, and I'm calling to say thanks "
            "again and to see whether there's any news on your decision."
        )
        bye = "Thanks, and talk soon!"
    else:
        hello = f"Hello {who.salutation}, " if who.salutation else "Hello, "
        hello += f"this is {f.me}." if f.me else "this is your second-round candidate."
        reason = (
            f"I interviewed with you{when} for {slots['pos']}{slots['at']}, and I am calling to "
            "thank you for your time and to ask whether there is any news about the decision."
        )
        bye = "Thank you, and have a good day."
    return " ".join(part for part in (hello, reason, _reach_me(f, who.tone), bye) if part)


def _followup(f: Facts, who: Person) -> tuple[str, str, str]:
    slots = _slots(f)
    if who.tone == "relaxed":
        parts = [
            "I hope your week is going well.",
            end(
                f"I wanted to check in about {slots['role']}{slots['at']}"
                + (f"; we last spoke{slots['on']}" if f.when else "")
            ),
            f"You mentioned you were hoping to decide by {format_date(f.decision)}, so I "
            "thought I'd see if there's any news."
            if f.decision
            else "I'd love to hear whether there's any news, or a rough timeline for the decision.",
            "I'm still really excited about the chance to join the team, and I'm happy to send "
            "anything else that would help. Thanks so much!",
        ]
        return _subject("Checking in", f), " ".join(parts), "Best,"
    parts = [
        "I hope this finds you well.",
        end(
            f"I am writing to follow up on my second interview{slots['when']} for "
            f"{slots['pos']}{slots['at']}"
        ),
        f"When we spoke, you mentioned that you expected to reach a decision by "
        f"{format_date(f.decision)}, so I wanted to ask whether there is any news."
        if f.decision
        else "I wanted to ask whether there is any news about the decision, or a timeline you "
        "are able to share.",
        "I remain very interested in the role and would welcome the chance to contribute to "
        "your team. If anything further would help, I will gladly provide it. Thank you for "
        "your time.",
    ]
    return _subject("Following up", f), " ".join(parts), "Kind regards,"


def _followup_final(f: Facts, who: Person) -> tuple[str, str, str]:
    slots = _slots(f)
    if who.tone == "relaxed":
        parts = [
            end(f"Just one more quick check-in about {slots['role']}{slots['at']}"),
            "I know these decisions can take some time, and I'm still very interested.",
            "If you've already gone another way, a one-line reply would be really helpful, "
            "and either way, thanks for all your time.",
        ]
        return _subject("One last check-in", f, "role"), " ".join(parts), "Best,"
    parts = [
        end(f"I am writing once more about {slots['pos']}{slots['at']}"),
        "I understand that decisions like this can take time, and my interest in the role is "
        "unchanged.",
        "If the position has already been filled, a brief reply would help me plan; either "
        "way, thank you for the time and consideration you have given me.",
    ]
    return _subject("A final follow-up", f, "position"), " ".join(parts), "Kind regards,"


def _not_hired(f: Facts, who: Person) -> tuple[str, str, str]:
    slots = _slots(f)
    co = f.company or "your team"
    if who.tone == "relaxed":
        parts = [
            f"Thanks for letting me know about {slots['role']}, and for all the time you and "
            "the team spent with me.",
            f"I really enjoyed getting to know {co}, and I wish the person you chose a great "
            "start.",
            "I'd still love to work with you one day, so please keep me in mind if something "
            "opens up that fits me even better.",
            "And if you ever have a minute for feedback on my interviews, I'd be glad to hear it.",
            "Thanks again.",
        ]
        return _subject("Thank you", f, "role"), " ".join(parts), "All the best,"
    parts = [
        f"Thank you for letting me know your decision about {slots['pos']}, and for the time "
        "you and your colleagues gave me throughout the interviews.",
        end(
            f"I enjoyed getting to know {co}, and I wish you and the person you chose every success"
        ),
        "I remain keen to work with you, and I would be grateful to be considered for future "
        "openings that match my experience even more closely.",
        "If you have a moment to share any feedback on my interviews, I would value it.",
        "Thank you again for your consideration.",
    ]
    return _subject("Thank you", f, "position"), " ".join(parts), "With best wishes,"


def _offer_accept(f: Facts, who: Person) -> tuple[str, str, str]:
    slots = _slots(f)
    co = f.company or "your organization"
    if who.tone == "relaxed":
        parts = [
            end(f"Thank you so much for offering me {slots['role']}{slots['at']}"),
            "I'm delighted to say yes!",
            "Once I have the offer in writing, with the start date, salary, and any "
            "conditions, I'll sign it and send it straight back.",
            end(
                f"I can't wait to join {co}; just let me know if you need anything from me "
                "before my first day"
            ),
        ]
        return _subject("Accepting your offer", f, "role"), " ".join(parts), "All the best,"
    parts = [
        end(f"Thank you for offering me {slots['pos']}{slots['at']}; I am delighted to accept"),
        "Once I have the offer in writing, with the start date, salary, and any conditions, I "
        "will sign and return it promptly.",
        end(f"I look forward to working with you and the team at {co}"),
        "Please let me know if you need anything from me before my first day.",
    ]
    return _subject("Accepting your offer", f, "position"), " ".join(parts), "Sincerely,"


def _offer_terms(f: Facts, who: Person) -> tuple[str, str, str]:
    slots = _slots(f)
    if who.tone == "relaxed":
        parts = [
            end(
                f"Thanks so much for the offer for {slots['role']}{slots['at']}; I'm really pleased"
            ),
            "Could you send it over in writing, with the salary, start date, benefits, and any "
            "conditions?",
            "I'd also appreciate a few days to look it over properly: would it work if I got "
            "back to you by the end of next week?",
            "I'm still very excited about the role and about working with you.",
        ]
        return _subject("Your offer", f, "role"), " ".join(parts), "All the best,"
    parts = [
        end(
            f"Thank you very much for the offer of {slots['pos']}{slots['at']}; I am very pleased "
            "to receive it"
        ),
        "So that I can give it the attention it deserves, could you send me the offer in "
        "writing, including the salary, start date, benefits, and any conditions?",
        "I would also be grateful for a few days to consider it: would it suit you if I gave you "
        "my answer by the end of next week?",
        "I remain enthusiastic about the role and about working with you.",
    ]
    return _subject("Your offer", f, "position"), " ".join(parts), "Kind regards,"


# What every formal note to another employer says after its opening: the offer, the question,
# the thanks.
_OFFER_NEWS = (
    "I have since received a job offer from another employer, and I have been asked to give my "
    "answer within the next few days."
)
_ASK_WHERE_IT_STANDS = (
    "Before I reply, I wanted to let you know, in case you are able to share where your own "
    "decision stands."
)
_HOPE_TO_HEAR = "Thank you for your time, and I hope to hear from you soon."


def _offer_other(f: Facts) -> tuple[str, str, str]:
    """The note for an employer the kit knows nothing of: the reader adds who and which role."""
    parts = [
        "I am writing about the role I interviewed for with you, which still interests me "
        "very much.",
        _OFFER_NEWS,
        _ASK_WHERE_IT_STANDS,
        _HOPE_TO_HEAR,
    ]
    subject = "An update on my application" + (f", {f.me}" if f.me else "")
    return subject, " ".join(parts), "Kind regards,"


def _offer_other_to(f: Facts, them: Facts, who: Person) -> tuple[str, str, str]:
    """The note to one employer still deciding on another of the reader's applications: their
    role, their company and their own timeline, in their person's tone."""
    role = _the(them.job, "position" if who.tone == "formal" else "role")
    at = f" at {them.company}" if them.company else ""
    if who.tone == "relaxed":
        parts = [
            f"I wanted to give you a quick update on my application for {role}{at}, which "
            "I'm still really keen on.",
            "I've since had a job offer from another employer, and they've asked for my "
            "answer in the next few days.",
            (
                f"I know you were planning to decide by {format_date(them.decision)}, so before "
                "I reply I wanted to check whether you can share where things stand."
                if them.decision
                else "Before I reply, I wanted to check whether you can share where your "
                "decision stands."
            ),
            "Thanks so much, and I hope to hear from you soon.",
        ]
        closing = "All the best,"
    else:
        parts = [
            f"I am writing about my application for {role}{at}, which still interests me "
            "very much.",
            _OFFER_NEWS,
            (
                f"I know that you planned to reach a decision by {format_date(them.decision)}; "
                "before I reply, I wanted to ask whether you are able to share where it stands."
                if them.decision
                else _ASK_WHERE_IT_STANDS
            ),
            _HOPE_TO_HEAR,
        ]
        closing = "Kind regards,"
    about = f" for {role}" if them.job else f" to {them.company}"
    subject = f"An update on my application{about}" + (f", {f.me}" if f.me else "")
    return subject, " ".join(parts), closing


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
        mailto=mailto(to, subject, body) if email else "",
        words=words,
        note=note,
    )


def _mail(
    kind: DraftKind, f: Facts, who: Person, parts: tuple[str, str, str], note: str = ""
) -> Draft:
    subject, paragraph, closing = parts
    body = _letter(_greeting(who), paragraph, _signature(f, closing))
    return _draft(
        kind, who.email, subject, body, email=True, words=count_words(paragraph), note=note
    )


# A keystroke changes one field: the other people's drafts are reused as they were.
@lru_cache(maxsize=128)
def _for_one(f: Facts, who: Person, lead: bool, outcome: Outcome) -> tuple[Draft, ...]:
    subject, paragraph, closing, note = _email(f, who)
    drafts = [_mail("email", f, who, (subject, paragraph, closing), note)]

    card_text, card_closing, card_note = _card(f, who)
    card_sign = f"{card_closing}\n{f.me}" if f.me else card_closing
    drafts.append(
        _draft(
            "card",
            "",
            "",
            _letter(_greeting(who), card_text, card_sign),
            email=False,
            words=count_words(card_text),
            note=card_note,
        )
    )
    if not lead:
        return tuple(drafts)
    # The call and the replies about the decision go to the one person who coordinates it.
    if outcome == "waiting":
        call = _call(f, who)
        voicemail = _voicemail(f, who)
        drafts.append(_draft("call", "", "", call, email=False, words=count_words(call)))
        drafts.append(
            _draft("voicemail", "", "", voicemail, email=False, words=count_words(voicemail))
        )
        drafts.append(_mail("followup", f, who, _followup(f, who)))
        drafts.append(_mail("followup_final", f, who, _followup_final(f, who)))
    if outcome in ("waiting", "not_hired"):
        drafts.append(_mail("not_hired", f, who, _not_hired(f, who)))
    if outcome == "offer":
        drafts.append(_mail("offer_accept", f, who, _offer_accept(f, who)))
        drafts.append(_mail("offer_terms", f, who, _offer_terms(f, who)))
    return tuple(drafts)


def drafts_for(f: Facts, outcome: str = "waiting") -> tuple[InterviewerDrafts, ...]:
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
            drafts=_for_one(f, person, person.index == f.lead, known),
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
        subject, paragraph, closing = _offer_other_to(f, them, who)
        body = _letter(_greeting(who), paragraph, _signature(f, closing))
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
    subject, paragraph, closing = _offer_other(f)
    body = _letter("Hello,", paragraph, _signature(f, closing))
    draft = _draft("offer_other", "", subject, body, email=True, words=count_words(paragraph))
    return ((UNKNOWN_EMPLOYER, draft),)
