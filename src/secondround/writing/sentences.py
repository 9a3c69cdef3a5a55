"""The pieces every draft is built from: greetings, slots, the qualifications, signatures."""

from __future__ import annotations

from collections.abc import Callable

from secondround.input.facts import Facts, Person
from secondround.input.profile import Role, Tone
from secondround.input.words import count_words, end, format_date, join_items
from secondround.writing.wording import Table

# The guide's lengths (docs/steps.md): one paragraph of 100 to 180 words; a card of three or
# four sentences and at most 90 words. Counted in the message, without greeting or signature.
EMAIL_WORDS = (100, 180)


CARD_MAX_WORDS = 90


CARD_SENTENCES = (3, 4)

__all__ = [
    "CARD_MAX_WORDS",
    "CARD_SENTENCES",
    "EMAIL_WORDS",
    "LONGEST_SENTENCE",
    "ORDERS",
    "as_clauses",
    "as_letter",
    "fill",
    "fit_levels",
    "greeting",
    "join_words",
    "pick",
    "quals_sentences",
    "quals_text",
    "role_key",
    "signed",
    "slots_of",
    "subject_line",
    "the_noun",
]


def join_words(items: tuple[str, ...] | list[str], last: str = "and") -> str:
    """An English list: "A", "A and B", "A, B, and C"."""
    return join_items(list(items), last)


# The order in which the person at position i of the panel hears the qualifications: six
# different orders, so two emails never list them with the same words between the same two.
ORDERS = ((0, 1, 2), (1, 2, 0), (2, 0, 1), (0, 2, 1), (2, 1, 0), (1, 0, 2))


def greeting(who: Person) -> str:
    if who.salutation:
        return f"Dear {who.salutation}," if who.tone == "formal" else f"Hi {who.salutation},"
    if who.tone == "formal" and who.role == "hiring_manager":
        return "Dear Hiring Manager,"
    return "Hello,"


def the_noun(job: str, noun: str) -> str:
    return f"the {job} {noun}" if job else f"the {noun}"


def slots_of(f: Facts) -> dict[str, str]:
    """The pieces the sentence tables fill in, each "" or with its own leading space."""
    at = f" at {f.company}" if f.company else ""
    when = f" on {format_date(f.when)}," if f.when else ""
    return {
        "when": when,
        "on": f" on {format_date(f.when)}" if f.when else "",
        "day": f" on {format_date(f.when, weekday=False)}" if f.when else "",
        "pos": the_noun(f.job, "position"),
        "role": the_noun(f.job, "role"),
        "opening": the_noun(f.job, "opening"),
        "role_of": f"the role of {f.job}" if f.job else "the role",
        # The card says "the position of X" and "the X job", never the email's "the X position".
        "job_opening": f"position of {f.job}" if f.job else "position",
        "at": at,
        "with_co": f" with {f.company}" if f.company else "",
        "co": f.company or "your team",
        "me": f.me,
    }


def fill(template: str, slots: dict[str, str]) -> str:
    # format_map reads only our template: braces the reader typed are plain text in a value.
    return end(template.format_map(slots))


def pick(table: Table, key: str, variant: int) -> str:
    options = table[key]
    return options[variant % len(options)]


def role_key(role: Role) -> str:
    return "recruiter" if role in ("recruiter", "assistant") else role


def quals_text(f: Facts, variant: int, limit: int, tone: Tone) -> tuple[list[str], str]:
    """The qualifications in this person's order, up to `limit`: a colon list, and a sentence
    of the reader's own clauses when they typed sentences and phrases side by side."""
    quals = f.quals
    if not quals:
        return [], ""
    order = [i for i in ORDERS[variant % len(ORDERS)] if i < len(quals)][:limit]
    picked = [quals[i] for i in order]
    phrases = [text for shape, text in picked if shape == "phrase"]
    clauses = [text for shape, text in picked if shape == "clause"]
    if not phrases:
        return [as_clauses(clauses)], ""
    if not clauses:
        return phrases, ""
    # The reader's own sentences follow the list as one more point, not as a list item.
    more = "What is more" if tone == "formal" else "What's more"
    return phrases, end(f"{more}, {as_clauses(clauses)}")


# A sentence longer than this is hard to take in at one reading (Harper flags 40 words).
LONGEST_SENTENCE = 36


def quals_sentences(table: Table, v: int, slots: dict[str, str], listed: list[str]) -> list[str]:
    """The qualifications in the email: one sentence, or two when the list alone is long."""
    one = fill(pick(table, "quals", v), {**slots, "quals": join_items(listed)})
    if count_words(one) <= LONGEST_SENTENCE or len(listed) < 2:
        return [one]
    first = fill(pick(table, "quals", v), {**slots, "quals": listed[0]})
    return [first, end(f"I can also add {join_items(listed[1:])}")]


def as_clauses(clauses: list[str]) -> str:
    if len(clauses) <= 1:
        return "".join(clauses)
    return ", ".join(clauses[:-1]) + f", and {clauses[-1]}"


def fit_levels(levels: list[list[str]], ok: Callable[[list[str]], bool]) -> list[str]:
    """The fullest version that keeps the rule, else the shortest one."""
    for sentences in levels:
        if ok(sentences):
            return sentences
    return levels[-1]


def subject_line(lead: str, f: Facts, about: str = "interview") -> str:
    what = f"{f.job} {about}" if f.job else f"second {about}" if about == "interview" else about
    return f"{lead}: {what}" + (f", {f.me}" if f.me else "")


def signed(f: Facts, closing: str) -> str:
    lines = (f.me, f.my_email, f.my_phone, f.my_linkedin)
    return "\n".join([closing, *(line for line in lines if line)])


def as_letter(greeting: str, paragraph: str, signature: str) -> str:
    return f"{greeting}\n\n{paragraph}\n\n{signature}"
