"""No form letters: each person of a panel gets their own wording, deterministically."""

from __future__ import annotations

import re
from itertools import combinations

import pytest
from hypothesis import given, settings
from strategies import word_profiles

from secondround.input.facts import facts_of
from secondround.input.profile import Profile
from secondround.writing.drafts import Draft, drafts_for
from secondround.writing.wording import CARD, EMAIL


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def grams(text: str, n: int) -> set[tuple[str, ...]]:
    w = words(text)
    return {tuple(w[i : i + n]) for i in range(len(w) - n + 1)}


def ours(text: str, n: int) -> set[tuple[str, ...]]:
    """Runs of n of our own words: every word the reader typed here carries a digit tag
    (strategies.word_phrase), so a run stops at it. Dates, made of digits, count as theirs."""
    found: set[tuple[str, ...]] = set()
    run: list[str] = []
    for word in [*words(text), "0"]:
        if any(ch.isdigit() for ch in word):
            found.update(tuple(run[i : i + n]) for i in range(len(run) - n + 1))
            run = []
        else:
            run.append(word)
    return found


def typed(p: Profile, n: int) -> set[tuple[str, ...]]:
    """Runs that lie inside one thing the reader typed: those may repeat."""
    fields = [p.name, p.company, p.position, *p.qualifications]
    for person in p.interviewers:
        fields += [person.name, person.topics, person.salutation]
    return set().union(*(grams(f, n) for f in fields))


def message(d: Draft) -> str:
    # The paragraph between greeting and signature: a shared sign-off is no form letter.
    return d.body.split("\n\n")[1]


def notes(p: Profile) -> list[dict[str, str]]:
    return [
        {d.kind: message(d) for d in g.drafts if d.kind in ("email", "card")}
        for g in drafts_for(facts_of(p))
    ]


def _check(p: Profile) -> None:
    own6 = typed(p, 6)
    sets = notes(p)
    # Two people's notes: no run of eight of our words in common (the reader's own facts,
    # the same for everyone, may of course appear in every note).
    for a, b in combinations(sets, 2):
        for kind in ("email", "card"):
            shared = ours(a[kind], 8) & ours(b[kind], 8)
            assert not shared, (kind, shared)
    # One person's card and email: no run of six words in common at all, bar runs that lie
    # inside one thing the reader typed (as the guide says: the same facts in fresh words).
    for one in sets:
        shared = grams(one["card"], 6) & grams(one["email"], 6)
        assert shared <= own6, shared - own6


@given(word_profiles())
def test_no_two_people_get_the_same_note(p: Profile) -> None:
    _check(p)


@settings(max_examples=min(60, settings().max_examples))
@given(word_profiles(same_topics=True))
def test_no_form_letters_even_with_the_same_topic_for_everyone(p: Profile) -> None:
    _check(p)


@given(word_profiles())
def test_same_input_same_drafts(p: Profile) -> None:
    assert drafts_for(facts_of(p)) == drafts_for(facts_of(p))


@pytest.mark.parametrize("tone", ["formal", "relaxed"])
@pytest.mark.parametrize("table", ["email", "card"])
def test_every_slot_has_six_variants_that_share_no_eight_words(table: str, tone: str) -> None:
    slots = (EMAIL if table == "email" else CARD)[tone]
    for key, variants in slots.items():
        assert len(variants) == 6, key
        for a, b in combinations(variants, 2):
            assert not grams(a, 8) & grams(b, 8), (key, a, b)


@pytest.mark.parametrize("tone", ["formal", "relaxed"])
def test_card_sentences_open_with_words_no_email_sentence_opens_with(tone: str) -> None:
    # After a typed slot, the next word is the next sentence's first: the card's must differ.
    email_first = {words(v)[0] for variants in EMAIL[tone].values() for v in variants}
    for key, variants in CARD[tone].items():
        if key == "thanks":
            continue  # the card's first sentence follows the greeting, never a typed slot
        for v in variants:
            assert words(v)[0] not in email_first, (key, v)
