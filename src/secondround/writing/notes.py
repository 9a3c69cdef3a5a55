"""The thank-you email and the handwritten card, worded for each person."""

from __future__ import annotations

from secondround.input.facts import Facts, Person
from secondround.input.words import count_words
from secondround.writing.sentences import (
    CARD_MAX_WORDS,
    CARD_SENTENCES,
    EMAIL_WORDS,
    ORDERS,
    fill,
    fit_levels,
    pick,
    quals_sentences,
    quals_text,
    role_key,
    slots_of,
    subject_line,
)
from secondround.writing.wording import CARD, EMAIL

__all__ = ["thank_you_card", "thank_you_email"]


def thank_you_email(f: Facts, who: Person) -> tuple[str, str, str, str]:
    """Subject, paragraph, closing and a note on length of the thank-you email."""
    table = EMAIL[who.tone]
    v = who.index
    slots = slots_of(f)
    topic = who.topic[1]

    # Each sentence is written once; the versions below only choose among them.
    thanks = fill(pick(table, "thanks", v), slots)
    name = fill(pick(table, "name", v), slots) if f.me else ""
    about = fill(pick(table, "topic", v), {**slots, "topic": topic}) if topic else ""
    quals: dict[int, list[str]] = {}
    for limit in (3, 2, 1):
        listed, more = quals_text(f, v, limit, who.tone)
        quals[limit] = [
            *(quals_sentences(table, v, slots, listed) if listed else []),
            *([more] if more else []),
        ]
    middle = fill(pick(table, role_key(who.role), v), slots)
    fillers = [fill(pick(table, key, v), slots) for key in ("extra", "extra2", "extra3")]
    close = fill(pick(table, "close", v), slots)

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
    return subject_line("Thank you", f), paragraph, closing, note


def thank_you_card(f: Facts, who: Person) -> tuple[str, str, str]:
    table = CARD[who.tone]
    v = who.index
    slots = slots_of(f)
    kind, topic = who.topic
    qual_shape, qual = (
        f.quals[ORDERS[v % len(ORDERS)][0] % len(f.quals)]
        if f.quals
        else (
            "phrase",
            "",
        )
    )

    def topic_sentence(with_topic: bool) -> str:
        if with_topic and topic:
            key = "topic" if kind == "phrase" else "topic_clause"
            return fill(pick(table, key, v), {**slots, "topic_np": topic, "topic": topic})
        return fill(pick(table, "no_topic", v), slots)

    def qual_sentence() -> list[str]:
        if not qual:
            return []
        if qual_shape == "clause":
            return [fill(pick(table, "qual_clause", v), {**slots, "qual": qual})]
        return [fill(pick(table, "qual", v), {**slots, "qual": qual})]

    first = fill(pick(table, "thanks", v), slots)
    closing = fill(pick(table, role_key(who.role), v), slots)
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
    sentences = fit_levels(levels, lambda s: count_words(" ".join(s)) <= CARD_MAX_WORDS)
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
