"""Shared Hypothesis strategies: profiles and states with arbitrary Unicode or plain words."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from hypothesis import strategies as st

from secondround.input.fields import PERSON_TEXT
from secondround.input.form import declared
from secondround.input.profile import MAX_INTERVIEWERS, ROLES, Interviewer, Profile, Role, Tone
from secondround.saved.state import State

__all__ = [
    "any_text",
    "hostile_text",
    "iso_dates",
    "profiles",
    "states",
    "word_profiles",
]

# Every code point a browser can hand over, bar lone surrogates: no form can type one, and the
# codec refuses them (tested on their own in test_state).
hostile_text = st.text(st.characters(exclude_categories=["Cs"]), max_size=60)
any_text = st.text(max_size=60)
iso_dates = st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31)).map(date.isoformat)
tones: st.SearchStrategy[Tone] = st.sampled_from(("formal", "relaxed"))
roles: st.SearchStrategy[Role] = st.sampled_from(ROLES)
# Regions the table has, one it lacks, none, and (from a hostile bookmark) anything at all.
region_codes = st.sampled_from(["", "US", "US-CA", "GB-SCT", "DE-BY", "IN", "ZZ", "US-ZZ"])


@st.composite
def profiles(draw: st.DrawFn, text: st.SearchStrategy[str] = any_text) -> Profile:
    # Every declared text field, whatever it is (a field added later is drawn too): dates
    # sometimes real, the region sometimes one the table has.
    people = draw(
        st.lists(
            st.builds(
                Interviewer,
                **{name: text for name in PERSON_TEXT},
                tone=tones,
                role=roles,
            ),
            min_size=0,
            max_size=MAX_INTERVIEWERS,
        )
    )
    dates = st.one_of(iso_dates, st.just(""), text)
    typed = {
        name: draw(dates if spec.input == "date" else text)
        for name, spec in declared(Profile)
        if name != "qualifications"
    }
    return Profile(
        **{**typed, "region": draw(st.one_of(region_codes, text))},
        # Ids as the kit gives them: unique, and not always in order (people were removed).
        interviewers=tuple(replace(x, id=f"p{2 * i + 1}") for i, x in enumerate(people)),
        qualifications=(draw(text), draw(text), draw(text)),
        remote=draw(st.booleans()),
        prefer_email=draw(st.booleans()),
        coordinator=draw(st.integers(min_value=-1, max_value=MAX_INTERVIEWERS - 1)),
    )


# Phrases of plain lowercase words, tagged per field: with punctuation out of the
# way and no word shared between two fields, a run of words two drafts share can
# only come from our own wording or from inside one field.
_word = st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyz"), min_size=1, max_size=8)


def word_phrase(tag: str) -> st.SearchStrategy[str]:
    return st.lists(_word, min_size=1, max_size=7).map(lambda ws: " ".join(w + tag for w in ws))


@st.composite
def word_profiles(draw: st.DrawFn, same_topics: bool = False) -> Profile:
    """A profile of tagged words, one to six interviewers, each with their own topics
    (or all the same topics, as a schema 1 state migrates to)."""
    count = draw(st.integers(min_value=1, max_value=MAX_INTERVIEWERS))
    shared = draw(word_phrase("0d"))

    def maybe(tag: str) -> st.SearchStrategy[str]:
        return st.one_of(st.just(""), word_phrase(tag))

    people = tuple(
        Interviewer(
            name=draw(word_phrase(f"{i}i")),
            title=draw(word_phrase(f"{i}t")),
            tone=draw(tones),
            role=draw(roles),
            topics=shared if same_topics else draw(maybe(f"{i}d")),
        )
        for i in range(count)
    )
    return Profile(
        name=draw(word_phrase("0n")),
        email="sam@example.com",
        phone="555 0100",
        company=draw(maybe("0c")),
        position=draw(maybe("0p")),
        # Ids as the kit gives them: unique, and not always in order (people were removed).
        interviewers=tuple(replace(x, id=f"p{2 * i + 1}") for i, x in enumerate(people)),
        interview_date=draw(st.one_of(st.just(""), iso_dates)),
        qualifications=(
            draw(word_phrase("1q")),
            draw(word_phrase("2q")),
            draw(maybe("3q")),
        ),
        decision_date=draw(st.one_of(st.just(""), iso_dates)),
        region=draw(region_codes),
        remote=draw(st.booleans()),
        prefer_email=draw(st.booleans()),
        coordinator=draw(st.integers(min_value=-1, max_value=count - 1)),
    )


_step_ids = st.sampled_from(
    ["post-cards", "call", "followup-1", "followup-2", "not-hired"]  # followup-2: schema 1
    + [f"{kind}-{i}" for kind in ("email", "card") for i in range(MAX_INTERVIEWERS)]
)
_stamps = st.datetimes().map(lambda t: t.isoformat(timespec="seconds") + "Z")


@st.composite
def states(draw: st.DrawFn, text: st.SearchStrategy[str] = any_text) -> State:
    return State(
        profile=draw(profiles(text)),
        checks=draw(st.dictionaries(_step_ids, st.one_of(_stamps, text), max_size=17)),
        outcome=draw(st.sampled_from(["waiting", "offer", "not_hired"])),
        outcome_on=draw(st.one_of(st.just(""), iso_dates, text)),
        id=draw(st.from_regex(r"[A-Za-z0-9_-]{0,32}", fullmatch=True)),
        revision=draw(st.integers(min_value=0, max_value=2**53 - 1)),
    )
