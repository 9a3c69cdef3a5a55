"""Letters that depend on where things stand: follow-ups, not hired, offers, other employers."""

from __future__ import annotations

from datetime import date

from secondround.input.facts import Facts, Person
from secondround.input.words import end, format_date
from secondround.writing.sentences import slots_of, subject_line, the_noun

__all__ = [
    "final_followup_email",
    "followup_email",
    "not_hired_letter",
    "offer_accept_email",
    "offer_decline_email",
    "offer_other_note",
    "offer_other_note_to",
    "offer_terms_email",
]


def followup_email(f: Facts, who: Person) -> tuple[str, str, str]:
    slots = slots_of(f)
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
        return subject_line("Checking in", f), " ".join(parts), "Best,"
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
    return subject_line("Following up", f), " ".join(parts), "Kind regards,"


def final_followup_email(f: Facts, who: Person) -> tuple[str, str, str]:
    slots = slots_of(f)
    if who.tone == "relaxed":
        parts = [
            end(f"Just one more quick check-in about {slots['role']}{slots['at']}"),
            "I know these decisions can take some time, and I'm still very interested.",
            "If you've already gone another way, a one-line reply would be really helpful, "
            "and either way, thanks for all your time.",
        ]
        return subject_line("One last check-in", f, "role"), " ".join(parts), "Best,"
    parts = [
        end(f"I am writing once more about {slots['pos']}{slots['at']}"),
        "I understand that decisions like this can take time, and my interest in the role is "
        "unchanged.",
        "If the position has already been filled, a brief reply would help me plan; either "
        "way, thank you for the time and consideration you have given me.",
    ]
    return subject_line("A final follow-up", f, "position"), " ".join(parts), "Kind regards,"


def not_hired_letter(f: Facts, who: Person) -> tuple[str, str, str]:
    slots = slots_of(f)
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
        return subject_line("Thank you", f, "role"), " ".join(parts), "All the best,"
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
    return subject_line("Thank you", f, "position"), " ".join(parts), "With best wishes,"


def offer_accept_email(f: Facts, who: Person) -> tuple[str, str, str]:
    # Sent once the written offer is in hand, as the checklist says: it accepts that offer.
    slots = slots_of(f)
    co = f.company or "your organization"
    if who.tone == "relaxed":
        parts = [
            end(
                f"Thank you so much for the written offer for {slots['role']}{slots['at']}; "
                "I'm delighted to say yes"
            ),
            "I'll sign it and send it straight back.",
            end(
                f"I can't wait to join {co}; just let me know if you need anything from me "
                "before my first day"
            ),
        ]
        return subject_line("Accepting your offer", f, "role"), " ".join(parts), "All the best,"
    parts = [
        end(
            f"Thank you for offering me {slots['pos']}{slots['at']}, and for sending the offer "
            "in writing; I am delighted to accept"
        ),
        "I will sign the offer and return it promptly.",
        end(f"I look forward to working with you and the team at {co}"),
        "Please let me know if you need anything from me before my first day.",
    ]
    return subject_line("Accepting your offer", f, "position"), " ".join(parts), "Sincerely,"


def offer_decline_email(f: Facts, who: Person) -> tuple[str, str, str]:
    # No reason is given: the reader owes none, and a reason invites a counter-offer they may
    # not want. The door stays open.
    slots = slots_of(f)
    co = f.company or "your organization"
    if who.tone == "relaxed":
        parts = [
            end(f"Thank you so much for offering me {slots['role']}{slots['at']}"),
            "It wasn't an easy decision, but after a lot of thought I've decided not to accept it.",
            end(
                f"I really enjoyed getting to know you and the team at {co}, and I'd be glad to "
                "stay in touch"
            ),
            "I wish you all the best in finding the right person.",
        ]
        return subject_line("Your offer", f, "role"), " ".join(parts), "All the best,"
    parts = [
        end(f"Thank you for offering me {slots['pos']}{slots['at']}"),
        "After careful thought, I have decided not to accept the offer.",
        end(
            f"This was not an easy decision: I valued meeting you and the team at {co}, and I "
            "hope our paths cross again"
        ),
        "I wish you every success in filling the role.",
    ]
    return subject_line("Your offer", f, "position"), " ".join(parts), "Kind regards,"


def offer_terms_email(f: Facts, who: Person, answer_by: date | None = None) -> tuple[str, str, str]:
    # The date asked for is the checklist's "Give your answer" day, when there is one.
    slots = slots_of(f)
    by = f"by {format_date(answer_by)}" if answer_by else "by the end of next week"
    if who.tone == "relaxed":
        parts = [
            end(
                f"Thanks so much for the offer for {slots['role']}{slots['at']}; I'm really pleased"
            ),
            "Could you send it over in writing, with the salary, start date, benefits, and any "
            "conditions?",
            "I'd also appreciate a few days to look it over properly: would it work if I got "
            f"back to you {by}?",
            "I'm still very excited about the role and about working with you.",
        ]
        return subject_line("Your offer", f, "role"), " ".join(parts), "All the best,"
    parts = [
        end(
            f"Thank you very much for the offer of {slots['pos']}{slots['at']}; I am very pleased "
            "to receive it"
        ),
        "So that I can give it the attention it deserves, could you send me the offer in "
        "writing, including the salary, start date, benefits, and any conditions?",
        "I would also be grateful for a few days to consider it: would it suit you if I gave you "
        f"my answer {by}?",
        "I remain enthusiastic about the role and about working with you.",
    ]
    return subject_line("Your offer", f, "position"), " ".join(parts), "Kind regards,"


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


def offer_other_note(f: Facts) -> tuple[str, str, str]:
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


def offer_other_note_to(f: Facts, them: Facts, who: Person) -> tuple[str, str, str]:
    """The note to one employer still deciding on another of the reader's applications: their
    role, their company and their own timeline, in their person's tone."""
    role = the_noun(them.job, "position" if who.tone == "formal" else "role")
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
