"""The phone call script and the voicemail, for the person who coordinates the decision."""

from __future__ import annotations

from secondround.input.facts import Facts, Person
from secondround.input.profile import Tone
from secondround.input.words import end, format_date
from secondround.writing.sentences import slots_of

__all__ = [
    "ask_when",
    "call_script",
    "reach_me",
    "spoken_greeting",
    "spoken_name",
    "voicemail_message",
]


def spoken_name(who: Person) -> str:
    if who.salutation:
        return who.salutation
    return "the hiring manager" if who.role == "hiring_manager" else "the person handling the hire"


def ask_when(f: Facts, *, relaxed: bool) -> tuple[str, str]:
    # The call comes once the date they gave has passed: it asks when the decision is now
    # expected, never for that date again, and never "by then" of a day already gone.
    if f.decision is not None:
        day = format_date(f.decision)
        if relaxed:
            return (
                "If not, ask when they now expect to decide, and how to follow up:",
                f"You'd said {day} for the decision. Has that moved? When do you think you'll "
                "know, and what's the best way to check in with you until then?",
            )
        return (
            "If not, ask when they now expect to decide, and how to follow up:",
            f"You mentioned you hoped to decide by {day}. Has the timeline changed? When do "
            "you now expect to decide, and how would you like me to follow up until then?",
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


def spoken_greeting(who: Person) -> str:
    # On the phone a first and last name together ("Hello Priya Shah") sounds like a form
    # letter read aloud: a title ("Dr. Cho") or one name is spoken, a bare full name is not.
    words = who.salutation.split()
    titled = bool(words) and words[0].rstrip(".") in _SPOKEN_TITLES
    return f" {who.salutation}" if words and (titled or len(words) == 1) else ""


_SPOKEN_TITLES = frozenset(
    {"Dr", "Prof", "Professor", "Mr", "Mrs", "Ms", "Mx", "Miss", "Sir", "Dame"}
)


def call_script(f: Facts, who: Person) -> str:
    slots = slots_of(f)
    name = spoken_name(who)
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
            ask_when(f, relaxed=True),
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
                f"Hello{spoken_greeting(who)}, {me}. I interviewed "
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
            ask_when(f, relaxed=False),
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


def reach_me(f: Facts, tone: Tone) -> str:
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


def voicemail_message(f: Facts, who: Person) -> str:
    slots = slots_of(f)
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
    return " ".join(part for part in (hello, reason, reach_me(f, who.tone), bye) if part)
