"""update/boot/view: every user action, what is saved, and what is kept aside instead of dropped."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from hypothesis import given, reject
from hypothesis import strategies as st
from strategies import hostile_text, states

from secondround.app import EXAMPLE_NOTICE, SAVING_OFF, boot, clock, update, view
from secondround.codec import StateError, from_storage, to_bookmark, to_storage
from secondround.model import BACKUP_PREFIX, STATE_KEY, Model
from secondround.profile import Interviewer, Profile
from secondround.state import State

# 2026-11-26 10:30 UTC, as the page's clock reports it.
NOW_MS = 1_795_689_000_000
CLOCK = {"now_ms": NOW_MS, "tz_offset_min": 0}
SAVED = State(profile=Profile(name="Sam Rivera", company="Northwind", interview_date="2026-11-24"))


def ev(kind: str, **fields: Any) -> dict[str, Any]:
    return {"type": kind, **CLOCK, **fields}


def fresh(state: State = SAVED) -> Model:
    return boot({STATE_KEY: to_storage(state)}, True, CLOCK)


def saved_state(model: Model) -> str | None:
    return dict(model.writes).get(STATE_KEY)


@pytest.mark.parametrize(
    ("now_ms", "offset", "expected_day", "expected_time"),
    [
        (NOW_MS, 0, date(2026, 11, 26), "2026-11-26T10:30"),
        (NOW_MS, 660, date(2026, 11, 25), "2026-11-25T23:30"),  # UTC-11: still the day before
        (NOW_MS, -840, date(2026, 11, 27), "2026-11-27T00:30"),  # UTC+14: already tomorrow
    ],
    ids=["utc", "west", "east"],
)
def test_clock_reads_the_readers_local_day(
    now_ms: int, offset: int, expected_day: date, expected_time: str
) -> None:
    assert clock({"now_ms": now_ms, "tz_offset_min": offset}) == (expected_day, expected_time)


@pytest.mark.parametrize(
    "bad", [{}, {"now_ms": "soon"}, {"now_ms": 1e30}], ids=["missing", "text", "huge"]
)
def test_a_broken_clock_does_not_raise(bad: dict[str, Any]) -> None:
    day, _ = clock(bad)
    assert isinstance(day, date)


def test_a_first_visit_starts_from_the_example_and_saves_nothing() -> None:
    model = boot({}, True, CLOCK)
    assert model.state.profile.name == "Jordan Rivera"
    assert model.state.profile.interview_date == "2026-11-26"
    assert EXAMPLE_NOTICE in model.notices
    assert model.writes == ()


def test_the_first_edit_makes_the_example_the_readers_own() -> None:
    model = update(boot({}, True, CLOCK), ev("field", arg="name", value="Ada"))
    assert model.state.profile.name == "Ada"
    assert EXAMPLE_NOTICE not in model.notices
    assert saved_state(model) == to_storage(model.state)


def test_saved_state_is_restored_without_rewriting_it() -> None:
    model = fresh()
    assert model.state == SAVED
    assert model.writes == ()
    assert model.notices == ()


@pytest.mark.parametrize(
    "text",
    [
        "{not json",
        '{"app": "someone-else"}',
        '{"app": "secondround", "schema": 99, "state": {}}',
        "x" * 300_000,
    ],
    ids=["broken-json", "foreign", "future-schema", "oversized"],
)
def test_unreadable_storage_is_reported_and_kept_under_a_backup_key(text: str) -> None:
    model = boot({STATE_KEY: text}, True, CLOCK)
    backup_key = f"{BACKUP_PREFIX}2026-11-26T10:30"
    assert dict(model.writes) == {backup_key: text}
    assert any("could not be read" in n.text and backup_key in n.text for n in model.notices)
    assert model.state.profile.name == "Jordan Rivera"  # the kit starts clean, from the example


def test_without_storage_the_reader_is_told_and_nothing_is_written() -> None:
    model = boot({}, False, CLOCK)
    assert SAVING_OFF in model.notices
    model = update(model, ev("field", arg="name", value="Ada"))
    assert model.writes == ()
    assert model.state.profile.name == "Ada"


def test_a_failed_write_turns_saving_off_once() -> None:
    model = update(update(fresh(), ev("saving_off")), ev("saving_off"))
    assert model.saving is False
    assert model.notices.count(SAVING_OFF) == 1


@pytest.mark.parametrize(
    ("path", "value", "read"),
    [
        ("name", "Ada Lovelace", lambda p: p.name),
        ("email", "ada@example.com", lambda p: p.email),
        ("availability", "after 2 pm", lambda p: p.availability),
        ("interview_date", "2026-12-01", lambda p: p.interview_date),
        ("qualifications.2", "writes clearly", lambda p: p.qualifications[2]),
        ("interviewers.0.title", "CTO", lambda p: p.interviewers[0].title),
        ("interviewers.0.tone", "relaxed", lambda p: p.interviewers[0].tone),
    ],
    ids=lambda v: v if isinstance(v, str) else "",
)
def test_field_events_set_the_right_field(path: str, value: str, read: Any) -> None:
    model = update(fresh(), ev("field", arg=path, value=value))
    assert read(model.state.profile) == value
    assert saved_state(model) == to_storage(model.state)


@pytest.mark.parametrize(
    ("path", "value"),
    [
        ("interviewers.0.tone", "sarcastic"),
        ("interviewers.7.name", "Nobody"),
        ("interviewers.0.salary", "1"),
        ("qualifications.3", "fourth"),
        ("__class__", "x"),
        ("checks", "x"),
        ("", "x"),
    ],
)
def test_field_events_outside_the_form_change_nothing(path: str, value: str) -> None:
    before = fresh()
    after = update(before, ev("field", arg=path, value=value))
    assert after.state == before.state
    assert after.writes == ()


def test_long_text_is_cut_at_the_fields_limit() -> None:
    model = update(fresh(), ev("field", arg="name", value="x" * 10_000))
    assert model.state.profile.name == "x" * 120


def test_interviewers_can_be_added_up_to_six_and_removed_down_to_one() -> None:
    model = fresh()
    for _ in range(10):
        model = update(model, ev("add_interviewer"))
    assert len(model.state.profile.interviewers) == 6
    for _ in range(10):
        model = update(model, ev("remove_interviewer", arg="0"))
    assert len(model.state.profile.interviewers) == 1


def test_removing_an_interviewer_removes_that_one() -> None:
    people = (Interviewer(name="A"), Interviewer(name="B"), Interviewer(name="C"))
    model = fresh(replace(SAVED, profile=replace(SAVED.profile, interviewers=people)))
    model = update(model, ev("remove_interviewer", arg="1"))
    assert [p.name for p in model.state.profile.interviewers] == ["A", "C"]


def test_checking_records_when_and_unchecking_forgets() -> None:
    model = update(fresh(), ev("check", arg="call", value=True))
    assert dict(model.state.checks) == {"call": "2026-11-26T10:30"}
    again = update(model, {**ev("check", arg="call", value=True), "now_ms": NOW_MS + 3_600_000})
    assert dict(again.state.checks) == {"call": "2026-11-26T10:30"}  # the first tick is the record
    assert dict(update(again, ev("check", arg="call", value=False)).state.checks) == {}


@pytest.mark.parametrize(
    ("outcome", "on"), [("offer", "2026-11-26"), ("not_hired", "2026-11-26"), ("waiting", "")]
)
def test_the_outcome_is_dated_today(outcome: str, on: str) -> None:
    model = update(fresh(), ev("outcome", value=outcome))
    assert (model.state.outcome, model.state.outcome_on) == (outcome, on)


def test_reset_keeps_the_old_state_aside_and_restore_brings_it_back() -> None:
    model = update(fresh(), ev("reset"))
    assert model.state == State()
    assert model.kept_aside == to_storage(SAVED)
    assert any(n.action == "restore" for n in model.notices)
    back = update(model, ev("restore"))
    assert back.state == SAVED
    assert saved_state(back) == to_storage(SAVED)


def test_import_adopts_a_good_file_and_keeps_the_previous_aside() -> None:
    other = State(profile=Profile(name="Imported"))
    model = update(fresh(), ev("import", value=to_storage(other)))
    assert model.state == other
    assert model.kept_aside == to_storage(SAVED)


@pytest.mark.parametrize("text", ["", "[]", '{"hello": "world"}', "\x00" * 10])
def test_a_bad_import_says_why_and_changes_nothing(text: str) -> None:
    before = fresh()
    model = update(before, ev("import", value=text))
    assert model.state == before.state
    assert model.writes == ()
    assert [n.kind for n in model.notices] == ["error"]
    assert "could not be imported" in model.notices[0].text


def test_a_bookmark_over_a_different_saved_state_keeps_that_one_aside() -> None:
    marked = State(profile=Profile(name="From the link"))
    model = update(fresh(), ev("mount", value="#" + to_bookmark(marked)))
    assert model.state == marked
    assert model.kept_aside == to_storage(SAVED)
    assert saved_state(model) == to_storage(marked)
    assert update(model, ev("restore")).state == SAVED


def test_a_bookmark_on_a_first_visit_replaces_the_example_without_fuss() -> None:
    marked = State(profile=Profile(name="From the link"))
    model = update(boot({}, True, CLOCK), ev("mount", value="#" + to_bookmark(marked)))
    assert model.state == marked
    assert model.kept_aside == ""


def test_the_same_bookmark_again_changes_nothing() -> None:
    model = fresh()
    assert update(model, ev("mount", value="#" + to_bookmark(SAVED))) == replace(
        model, now=model.now
    )


def test_a_damaged_bookmark_is_reported_once_and_kept() -> None:
    token = to_bookmark(State(profile=Profile(name="Lost?")))
    damaged = token[:-3] + ("A" if token[-3] != "A" else "B") + token[-2:]
    model = fresh()
    for _ in range(2):
        model = update(model, ev("mount", value="#" + damaged))
    assert model.state == SAVED
    assert len(model.notices) == 1
    assert "could not be opened" in model.notices[0].text
    assert damaged in dict(model.writes).values()


def test_a_plain_anchor_is_not_a_bookmark() -> None:
    model = fresh()
    assert update(model, ev("mount", value="#how-the-kit-decides-the-dates")).state == SAVED


def test_another_tabs_save_is_shown_but_not_written_back() -> None:
    other = State(profile=Profile(name="Other tab"))
    model = update(fresh(), ev("storage", arg=STATE_KEY, value=to_storage(other)))
    assert model.state == other
    assert model.writes == ()
    ignored = update(fresh(), ev("storage", arg=STATE_KEY, value="garbage"))
    assert ignored.state == SAVED


@given(
    st.dictionaries(
        st.text(max_size=10),
        st.one_of(st.text(max_size=20), st.integers(), st.none(), st.booleans()),
    )
)
def test_any_event_is_safe(event: dict[str, Any]) -> None:
    model = update(fresh(), event)
    assert isinstance(view(model), dict)


def _walk(node: Any) -> Any:
    if isinstance(node, list):
        yield node
        for child in node[2:]:
            yield from _walk(child)


@given(states(hostile_text))
def test_views_are_json_and_carry_no_code(state: State) -> None:
    try:
        # Only states that can reach the kit: through the codec (the form's clip() is stricter).
        state = from_storage(to_storage(state))
    except StateError:
        reject()
    model = replace(boot({}, True, CLOCK), state=state)
    shown = view(model, "build-1")
    assert json.loads(json.dumps(shown)) == shown
    for node in _walk(shown["tree"]):
        attrs = node[1]
        assert node[0] not in ("script", "style", "iframe", "object")
        assert not [name for name in attrs if name.lower().startswith("on") or name == "style"]
        href = attrs.get("href")
        if href is not None:
            assert href.startswith(("mailto:", "#"))


def test_the_view_holds_drafts_checklist_progress_and_bookmark() -> None:
    model = update(fresh(boot({}, True, CLOCK).state), ev("check", arg="email-0", value=True))
    shown = view(model)
    text = json.dumps(shown["tree"])
    assert "Thank-you email" in text
    assert "1 of 10 done" in text  # email and card for each of three, post, call, two follow-ups
    assert shown["bookmark"] == to_bookmark(model.state)
    assert shown["announce"].startswith("Drafts updated for Priya Shah, Sam Okafor, Lena Fischer.")


def test_field_errors_show_only_for_fields_the_reader_touched() -> None:
    blank = update(boot({}, True, CLOCK), ev("reset"))
    assert "sr-error" not in json.dumps(view(blank)["tree"])
    typed = update(blank, ev("field", arg="email", value="not an address"))
    errors = [n for n in _walk(view(typed)["tree"]) if n[1].get("class") == "sr-error"]
    assert [n[1]["id"] for n in errors] == ["sr-f-email-error"]


def test_a_download_is_handed_over_once_and_only_when_asked() -> None:
    model = fresh(boot({}, True, CLOCK).state)
    assert view(model)["download"] is None
    asked = update(model, ev("download", arg="json"))
    shown = view(asked)
    assert shown["download"]["filename"] == "second-round-checklist.json"
    assert from_storage(shown["download"]["text"]) == model.state


def test_the_calendar_download_holds_one_event_per_step() -> None:
    model = update(fresh(boot({}, True, CLOCK).state), ev("download", arg="ics"))
    assert model.download is not None
    assert model.download.mime == "text/calendar"
    assert model.download.text.count("BEGIN:VEVENT") == 10
    assert model.download.text.startswith("BEGIN:VCALENDAR\r\n")


def test_a_calendar_without_dates_is_refused_with_a_reason() -> None:
    model = update(fresh(State()), ev("download", arg="ics"))
    assert model.download is None
    assert "date of your interview" in model.notices[-1].text


def test_starting_blank_from_the_example_keeps_nothing_aside() -> None:
    model = update(boot({}, True, CLOCK), ev("reset"))
    assert model.state == State()
    assert model.kept_aside == ""
    assert model.notices == ()


def test_each_note_shows_its_word_count_and_a_gentle_note_when_too_long() -> None:
    model = fresh(boot({}, True, CLOCK).state)
    text = json.dumps(view(model)["tree"])
    assert "words in the message." in text
    assert "sr-draft__length--over" not in text
    # What the reader typed for the notes' required parts leaves nothing optional to drop.
    typed = model
    for path, limit in (("company", 120), ("position", 120), ("qualifications.0", 200)):
        value = " ".join(["a b c"] * limit)[:limit]
        typed = update(typed, ev("field", arg=path, value=value))
    text = json.dumps(view(typed)["tree"])
    assert "sr-draft__length--over" in text
    assert "Shortening what you typed for it will make it fit." in text


def test_the_interviewer_form_asks_for_salutation_part_topics_and_coordinator() -> None:
    model = fresh(boot({}, True, CLOCK).state)
    nodes = list(_walk(view(model)["tree"]))
    fields = {n[1].get("data-field") for n in nodes}
    for path in ("interviewers.0.salutation", "interviewers.0.role", "interviewers.0.topics"):
        assert path in fields
    salutation = next(n for n in nodes if n[1].get("id") == "sr-f-i0-salutation")
    assert salutation[1]["placeholder"] == "Priya Shah"
    leads = [n for n in nodes if n[1].get("data-field") == "coordinator"]
    assert [n[1]["checked"] for n in leads] == [True, False, False]
    marked = update(model, ev("field", arg="coordinator", value="2"))
    assert marked.state.profile.coordinator == 2
    removed = update(marked, ev("remove_interviewer", arg="1"))
    assert removed.state.profile.coordinator == 1
    gone = update(removed, ev("remove_interviewer", arg="1"))
    assert gone.state.profile.coordinator == -1
    role = update(model, ev("field", arg="interviewers.1.role", value="recruiter"))
    assert role.state.profile.interviewers[1].role == "recruiter"
    boss = update(model, ev("field", arg="interviewers.1.role", value="boss"))
    assert boss.state == model.state
