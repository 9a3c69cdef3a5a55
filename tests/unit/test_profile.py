"""Profile cleaning, date parsing and validation messages."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from strategies import hostile_text, profiles

from secondround.input.fields import clip, field_spec, form_paths
from secondround.input.names import default_salutation, first_name, in_name_case
from secondround.input.profile import Interviewer, Profile, Role, Tone, coordinator_of
from secondround.input.text import clean_line, is_email, parse_date
from secondround.input.validate import validate
from secondround.input.words import format_date

GOOD = Profile(
    name="Sam Rivera",
    email="sam.rivera@example.com",
    phone="+1 (555) 010-0199",
    company="Northwind Traders",
    position="Senior Data Analyst",
    interviewers=(
        Interviewer(
            name="Dana Whitfield",
            email="dana@northwind.example",
            topics="the move to self-service reporting",
        ),
    ),
    interview_date="2026-11-24",
    qualifications=("six years of SQL reporting", "dashboard design", ""),
    decision_date="2026-12-04",
)


@pytest.mark.parametrize(
    ("path", "text", "expected"),
    [
        pytest.param("name", "Sam Rivera", "Sam Rivera", id="plain"),
        pytest.param("name", "Sam ", "Sam ", id="trailing-space-kept-while-typing"),
        pytest.param("name", "Sam\tRivera", "Sam Rivera", id="tab-becomes-space"),
        pytest.param("name", "Sam\r\nRivera", "Sam Rivera", id="pasted-newline-becomes-space"),
        pytest.param("name", "Sa\x00m\x07", "Sam", id="controls-dropped"),
        pytest.param("name", "Sam\x85", "Sam", id="c1-control-dropped"),
        pytest.param("name", "abc\u202eevil", "abcevil", id="bidi-override-dropped"),
        pytest.param(
            "name", "\u05e9\u05e8\u05d4 \u200f", "\u05e9\u05e8\u05d4 \u200f", id="rtl-mark-kept"
        ),
        pytest.param("name", "Zoë 👩🏽‍💻", "Zoë 👩🏽‍💻", id="emoji-zwj-kept"),
        pytest.param("name", "bad\ud800", "bad", id="lone-surrogate-dropped"),
        pytest.param(
            "interviewers.0.topics",
            "one\r\ntwo\rthree",
            "one\ntwo\nthree",
            id="textarea-keeps-lines",
        ),
        pytest.param("name", "x" * 130, "x" * 120, id="cut-at-120"),
        pytest.param("phone", "1" * 50, "1" * 40, id="phone-cut-at-40"),
        pytest.param("qualifications.2", "q" * 250, "q" * 200, id="qualification-cut-at-200"),
        pytest.param("interviewers.1.topics", "d" * 400, "d" * 300, id="topics-cut-at-300"),
        pytest.param("interviewers.0.salutation", "s" * 90, "s" * 80, id="salutation-cut-at-80"),
    ],
)
def test_clip(path: str, text: str, expected: str) -> None:
    assert clip(path, text) == expected


@pytest.mark.parametrize(
    "path", ["favourite_colour", "interviewers.0.shoe_size", "qualifications", "name.0"]
)
def test_clip_unknown_field(path: str) -> None:
    with pytest.raises(ValueError, match="Unknown form field"):
        clip(path, "blue")


FORM_PATHS = form_paths(person=3, qualifications=1)


@given(st.sampled_from(FORM_PATHS), hostile_text)
def test_clip_is_bounded_clean_and_idempotent(path: str, text: str) -> None:
    once = clip(path, text)
    assert len(once) <= field_spec(path).limit
    assert clip(path, once) == once
    assert all(ch == "\n" or ord(ch) >= 0x20 for ch in once)
    once.encode("utf-8")  # no lone surrogates left


@pytest.mark.parametrize(
    ("path", "limit", "multiline"),
    [
        ("name", 120, False),
        ("interviewers.2.email", 254, False),
        ("interviewers.0.title", 120, False),
        ("qualifications.1", 200, False),
        ("interview_date", 10, False),
        ("decision_date", 10, False),
        ("region", 32, False),
        ("interviewers.1.topics", 300, True),
        ("interviewers.0.salutation", 80, False),
    ],
)
def test_each_path_finds_its_declaration(path: str, limit: int, multiline: bool) -> None:
    spec = field_spec(path)
    assert (spec.limit, spec.multiline) == (limit, multiline)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("2026-11-24", date(2026, 11, 24), id="iso"),
        pytest.param(" 2026-11-24 ", date(2026, 11, 24), id="spaces"),
        pytest.param("2028-02-29", date(2028, 2, 29), id="leap-day"),
        pytest.param("2027-02-29", None, id="not-a-leap-year"),
        pytest.param("2026-13-01", None, id="month-13"),
        pytest.param("", None, id="empty"),
        pytest.param("24/11/2026", None, id="slashes"),
        pytest.param("20261124", None, id="basic-format"),
        pytest.param("2026-11-24T10:00", None, id="timestamp"),
        pytest.param("２０２６-11-24", None, id="fullwidth-digits"),
        pytest.param("tomorrow", None, id="words"),
    ],
)
def test_parse_date(text: str, expected: date | None) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("d", "kwargs", "expected"),
    [
        (date(2026, 11, 24), {}, "Tuesday, November 24"),
        (date(2028, 2, 29), {}, "Tuesday, February 29"),
        (date(2027, 1, 1), {"weekday": False}, "January 1"),
        (date(2026, 12, 31), {"year": True}, "Thursday, December 31, 2026"),
    ],
)
def test_format_date(d: date, kwargs: dict[str, bool], expected: str) -> None:
    assert format_date(d, **kwargs) == expected


@pytest.mark.parametrize(
    ("full", "first"),
    [
        ("Dana Whitfield", "Dana"),
        ("Dr. Ana Ruiz", "Ana"),
        ("prof Lee", "Lee"),
        ("  Mx   Jo  Park ", "Jo"),
        ("Dr.", "Dr."),
        ("Madonna", "Madonna"),
        ("", ""),
    ],
)
def test_first_name(full: str, first: str) -> None:
    assert first_name(full) == first


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("sam@example.com", True),
        ("sam.rivera+jobs@mail.example.co.uk", True),
        ("zoë@bücher.example", True),
        ("sam@example", False),
        ("sam example.com", False),
        ("sam@@example.com", False),
        ("@example.com", False),
        ("sam@.com", False),
        ("", False),
    ],
)
def test_is_email(text: str, ok: bool) -> None:
    assert is_email(text) is ok


def test_clean_line() -> None:
    assert clean_line("  Sam \n\t Rivera\x00 ") == "Sam Rivera"


def test_valid_profile_has_no_problems() -> None:
    assert validate(GOOD) == {}


def test_empty_profile_lists_every_required_field() -> None:
    assert validate(Profile()) == {
        "name": ["Enter your name as you want to sign the notes."],
        "email": ["Enter your email address, for example sam@example.com."],
        "company": ["Enter the company you interviewed with."],
        "position": ["Enter the position you interviewed for."],
        "interview_date": ["Enter the date of your second interview."],
        "qualifications": ["Add at least two qualifications."],
        "interviewers.0.name": ["Enter the name of the person who interviewed you."],
    }


@pytest.mark.parametrize(
    ("changes", "path", "message"),
    [
        pytest.param({"email": "sam"}, "email", "should look like sam@example.com", id="bad-email"),
        pytest.param({"phone": "call me"}, "phone", "Check your phone number", id="bad-phone"),
        pytest.param({"phone": "12"}, "phone", "Check your phone number", id="short-phone"),
        pytest.param(
            {"interview_date": "2026-02-30"}, "interview_date", "a real date", id="impossible-date"
        ),
        pytest.param(
            {"decision_date": "2026-11-20"},
            "decision_date",
            "The decision date is before the interview date: check it. Until it is fixed, the "
            "checklist plans as if no date was given.",
            id="decision-before-interview",
        ),
        pytest.param(
            {"decision_date": "2027-05-26"},  # 183 days after the interview: still believed
            "decision_date",
            None,
            id="decision-six-months-on",
        ),
        pytest.param(
            {"decision_date": "2027-05-27"},
            "decision_date",
            "The decision date is more than six months after the interview: check the year. "
            "Until it is fixed, the checklist plans as if no date was given.",
            id="decision-years-away",
        ),
        pytest.param({"region": "GB-SCT"}, "region", None, id="known-region"),
        pytest.param({"region": "US"}, "region", None, id="known-country"),
        pytest.param(
            {"region": "XK"},
            "region",
            "The kit does not know the public holidays of “XK”, so it counts weekends only. "
            "Choose a country from the list.",
            id="unknown-country",
        ),
        pytest.param(
            {"region": "US-XX"}, "region", "does not know the public holidays", id="unknown-state"
        ),
        pytest.param({"region": "US-"}, "region", "does not know", id="dash-but-no-state"),
        pytest.param(
            {"region": "R" * 33},
            "region",
            "Keep this to 32 characters or fewer (it has 33).",
            id="long-region",
        ),
        pytest.param(
            {"decision_date": "soon"}, "decision_date", "or leave it empty", id="bad-decision"
        ),
        pytest.param(
            {"qualifications": ("SQL", "", "")},
            "qualifications",
            "Add one more qualification.",
            id="one-qualification",
        ),
        pytest.param(
            {"qualifications": ("SQL", "x" * 201, "")},
            "qualifications.1",
            "Keep this to 200 characters or fewer (it has 201).",
            id="long-qualification",
        ),
        pytest.param(
            {"name": "n" * 121},
            "name",
            "Keep this to 120 characters or fewer (it has 121).",
            id="long-name",
        ),
        pytest.param(
            {"interviewers": (Interviewer(name="Dana", topics="d" * 301),)},
            "interviewers.0.topics",
            "Keep this to 300 characters or fewer (it has 301).",
            id="long-topics",
        ),
        pytest.param({"interviewers": ()}, "interviewers", "Add the person", id="no-interviewers"),
        pytest.param(
            {"interviewers": (Interviewer(name="A"),) * 7},
            "interviewers",
            "at most 6 interviewers",
            id="seven-interviewers",
        ),
        pytest.param(
            {"interviewers": (Interviewer(name="A"), Interviewer(title="CTO"))},
            "interviewers.1.name",
            "Enter this interviewer's name, or remove them from the list.",
            id="second-interviewer-unnamed",
        ),
        pytest.param(
            {"interviewers": (Interviewer(name="A", email="a@b"),)},
            "interviewers.0.email",
            "should look like dana@example.com",
            id="bad-interviewer-email",
        ),
        pytest.param(
            {"interviewers": (Interviewer(name="A", title="t" * 121),)},
            "interviewers.0.title",
            "120 characters",
            id="long-title",
        ),
    ],
)
def test_validate_reports(changes: dict[str, object], path: str, message: str | None) -> None:
    """Each bad field gets its own message, and only it; None marks a value that is fine."""
    problems = validate(replace(GOOD, **changes))  # type: ignore[arg-type]
    if message is None:
        assert problems == {}
        return
    assert list(problems) == [path]
    assert any(message in text for text in problems[path])


def test_validate_reports_everything_at_once() -> None:
    bad = replace(GOOD, email="nope", phone="??", decision_date="2020-01-01", name="")
    assert set(validate(bad)) == {"name", "email", "phone", "decision_date"}


def test_unicode_everywhere_is_accepted() -> None:
    p = replace(
        GOOD,
        name="李小龍",
        company="شركة المستقبل",
        position="Développeuse 👩🏽‍💻",
        interviewers=(Interviewer(name="Ngũgĩ wa Thiong'o"),),
    )
    assert validate(p) == {}


def test_phone_is_optional() -> None:
    assert validate(replace(GOOD, phone="")) == {}


@given(profiles(hostile_text))
def test_validate_never_raises_and_speaks_in_sentences(p: Profile) -> None:
    for messages in validate(p).values():
        assert messages
        for text in messages:
            assert text[:1].isupper()
            assert text.endswith(".")


@pytest.mark.parametrize(
    ("name", "tone", "expected"),
    [
        pytest.param("Dr. Helen Cho", "formal", "Dr. Cho", id="doctor"),
        pytest.param("Dr. Helen Cho", "relaxed", "Helen", id="doctor-relaxed"),
        pytest.param("Prof. Margaret O'Neill", "formal", "Professor O'Neill", id="professor"),
        pytest.param("Dr Cho", "formal", "Dr. Cho", id="doctor-surname-only"),
        pytest.param("Helen Cho", "formal", "Helen Cho", id="no-honorific-full-name"),
        pytest.param("Sir Keir Jones", "formal", "Sir Keir", id="sir-given-name"),
        pytest.param("Zoë Martin-Lévy", "relaxed", "Zoë", id="accents"),
        pytest.param("李明", "formal", "李明", id="one-word"),
        pytest.param("  ", "formal", "", id="empty"),
        # A rank or office is a title, never the name a relaxed note greets.
        pytest.param("Captain Jane Hook", "formal", "Captain Hook", id="rank"),
        pytest.param("Captain Jane Hook", "relaxed", "Jane", id="rank-relaxed"),
        pytest.param("Sgt. Pepper", "relaxed", "Sergeant Pepper", id="rank-surname-relaxed"),
        pytest.param("Cllr Priya Das", "formal", "Councillor Das", id="office"),
        pytest.param("Judge Ann Lee", "formal", "Judge Lee", id="judge"),
        # A title with one name: that name is the surname, so even a relaxed note keeps both.
        pytest.param("Dr Smith", "relaxed", "Dr. Smith", id="doctor-surname-relaxed"),
        # A given name that is also a short form of a rank, typed without its period.
        pytest.param("Gen Hoshino", "formal", "Gen Hoshino", id="given-name-gen"),
        pytest.param("Gen Hoshino", "relaxed", "Gen", id="given-name-gen-relaxed"),
        pytest.param("Justice Mensah", "relaxed", "Justice", id="given-name-justice"),
        # Typed all in one case: capitals as names have them; a mixed case is the reader's.
        pytest.param("john smith", "formal", "John Smith", id="lower"),
        pytest.param("JOHN SMITH", "relaxed", "John", id="upper"),
        pytest.param("ludwig van beethoven", "formal", "Ludwig van Beethoven", id="particle"),
        pytest.param("siobhán o'connor-byrne", "formal", "Siobhán O'Connor-Byrne", id="marks"),
        pytest.param("bell hooks Jr", "formal", "bell hooks Jr", id="mixed-kept"),
        pytest.param("McKenzie", "formal", "McKenzie", id="inner-capital-kept"),
        # What a directory or a signature adds around a name is no part of a greeting.
        pytest.param("Smith, John", "relaxed", "John", id="directory-order"),
        pytest.param(
            "García López, María José", "formal", "María José García López", id="two-surnames"
        ),
        pytest.param("Jane Doe (she/her)", "formal", "Jane Doe", id="pronouns"),
        pytest.param("Jane Doe - Head of HR", "formal", "Jane Doe", id="dash-title"),
        pytest.param("Jane Doe, Head of Talent", "relaxed", "Jane", id="comma-title"),
        pytest.param("Dr. Ruth Adeyemi, PhD, FRCS", "formal", "Dr. Adeyemi", id="letters-after"),
        pytest.param("Doe, Jane, PhD", "formal", "Jane Doe", id="directory-and-letters"),
        pytest.param("J. Smith", "relaxed", "J. Smith", id="initial-only"),
        pytest.param("jane.doe@acme.com", "formal", "", id="an-address-is-no-name"),
    ],
)
def test_default_salutation(name: str, tone: Tone, expected: str) -> None:
    assert default_salutation(name, tone) == expected


@pytest.mark.parametrize(
    ("roles", "marked", "expected"),
    [
        pytest.param(("hiring_manager", "panel"), -1, 0, id="default-first-manager"),
        pytest.param(("recruiter", "hiring_manager"), -1, 1, id="default-finds-manager"),
        pytest.param(("recruiter", "panel"), -1, 0, id="no-manager-first"),
        pytest.param(("hiring_manager", "recruiter"), 1, 1, id="marked"),
        pytest.param(("hiring_manager", "recruiter"), 5, 0, id="marked-past-the-list"),
    ],
)
def test_coordinator_of(roles: tuple[Role, ...], marked: int, expected: int) -> None:
    people = tuple(Interviewer(name=f"P{i}", role=r) for i, r in enumerate(roles))
    assert coordinator_of(Profile(interviewers=people, coordinator=marked)) == expected


# Names in many scripts and cases, with the marks names carry.
_name_words = st.text(
    st.sampled_from("abcdeéıiİğsßøØ'’-ABCDEÉĞSØ李明ивановИВАНОВ"), min_size=1, max_size=9
)
names = st.lists(_name_words, min_size=1, max_size=4).map(" ".join)


@given(st.one_of(names, hostile_text))
def test_mending_a_name_changes_only_its_case_and_only_once(name: str) -> None:
    typed = clean_line(name)
    mended = in_name_case(name)
    assert len(mended) == len(typed)
    assert all(m in (t, t.upper(), t.lower()) for m, t in zip(mended, typed, strict=True))
    assert in_name_case(mended) == mended


@given(st.one_of(names, hostile_text), st.sampled_from(["formal", "relaxed"]))
def test_a_default_greeting_ends_with_a_word_of_the_name(name: str, tone: Tone) -> None:
    # "Dr. Cho", "Helen", "Sir Keir", "Sergeant Pepper": a title may lead, a name word ends it.
    greeting = default_salutation(name, tone)
    if greeting:

        def word(text: str) -> str:
            return text.strip(",()[]").casefold().replace("ı", "i")  # "ı" capitalizes as "I"

        assert word(greeting.split(" ")[-1]) in {
            word(w) for w in re.split(r"[\s,]+", clean_line(name))
        }
