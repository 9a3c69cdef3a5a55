"""A saved state and a bookmark written by schema 1 (before regions and ids) still open."""

from __future__ import annotations

from datetime import date

from shelves import saved_state
from steps import boot, update

from secondround.app.model import STATE_KEY
from secondround.input.facts import facts_of
from secondround.input.profile import Interviewer, Profile
from secondround.plan.schedule import schedule
from secondround.saved.codec import from_bookmark, from_storage, to_storage
from secondround.saved.state import State, content

# Written by the kit at schema 1 (commit 04a553d), copied here verbatim: never regenerate them
# with newer code, or they stop testing what an existing reader has in their browser.
STORAGE_V1 = (
    '{"app":"secondround","schema":1,"state":{"checks":{"card-0":"2026-12-23T18:05",'
    '"email-0":"2026-12-23T18:00"},"outcome":"waiting","outcome_on":"","profile":'
    '{"availability":"weekdays after 2 pm","company":"Northwind","decision_date":"2027-01-08",'
    '"discussed":"the dashboards","email":"sam@example.com","interview_date":"2026-12-23",'
    '"interviewers":[{"email":"dana@example.com","name":"Dana Whitfield","title":"Head of Data",'
    '"tone":"relaxed"},{"email":"","name":"Lee Park","title":"","tone":"formal"}],'
    '"name":"Sam Rivera","phone":"+1 555 010 0199","position":"Analyst",'
    '"qualifications":["SQL","Tableau",""]}}}'
)
BOOKMARK_V1 = (
    "sr1.HzccaAFZbZFPT8MwDMW_SuQrK2qLxp-dQNqBw4SAIXFACHmNS62lSUmyjWnqd8cpsE2IQ6X0_exnv2QHoWqoRZgU"
    "IwgRI8FkByJVyzCc0OsshwmUeXmeFWVWnj0Vl5N8DCOQNjb_wRz6EbhVrFwrdrBBjmzfYa-9OSuy_Hfe1WyGkbgWM1yw"
    "4bhNPURLjdugsI7kVam6VuqluUOb-J3zsdmw1aJqqjiws296WD9tc5HlRZZfJsihWoVAWkBsSGkMzcJJqvCbQEDA9po-"
    "se0MncoMIWxl7Jppc2T6E_GYkpdbetntjTRa_ONkcbiEqRD13HCsmUzaOnJMyeGWUCtXqylGTLKzSfVk8FOW7kcH84PZ"
    "jEjdo18e2Rxaa-dbNNC_7svn2KpHXpNPA7rmu-ykUOPxWOVFLt_VVSIuyEMNb3Nj0WxDFPFjhYZrrjCRFBbmDzPRn3Bh"
    "CFdygte-778A"
)

# What both hold, typed out by hand.
EXPECTED = State(
    profile=Profile(
        name="Sam Rivera",
        email="sam@example.com",
        phone="+1 555 010 0199",
        company="Northwind",
        position="Analyst",
        interviewers=(
            # What was discussed went onto every person; the first was the hiring manager.
            Interviewer(
                name="Dana Whitfield",
                title="Head of Data",
                email="dana@example.com",
                tone="relaxed",
                topics="the dashboards",
            ),
            Interviewer(name="Lee Park", role="panel", topics="the dashboards", id="p2"),
        ),
        interview_date="2026-12-23",
        qualifications=("SQL", "Tableau", ""),
        decision_date="2027-01-08",
        availability="weekdays after 2 pm",
    ),
    checks={"email-p1": "2026-12-23T18:00", "card-p1": "2026-12-23T18:05"},
)


def test_a_v1_saved_state_opens_unchanged() -> None:
    assert from_storage(STORAGE_V1) == EXPECTED


def test_a_v1_bookmark_opens_unchanged() -> None:
    assert from_bookmark(BOOKMARK_V1) == EXPECTED


def test_the_region_is_unset_so_the_dates_stay_as_they_were() -> None:
    state = from_storage(STORAGE_V1)
    assert state.profile.region == ""
    assert (state.profile.remote, state.profile.prefer_email) == (False, False)
    # No region: weekends only, so Christmas Day stays a working day as it was in schema 1;
    # and the steps ticked then keep their day.
    due = {s.id: s.due for s in schedule(facts_of(state.profile), checks=state.checks)}
    assert due["post-cards"] == date(2026, 12, 24)
    assert due["email-p1"] == date(2026, 12, 23)


def test_a_v1_state_in_storage_boots_as_it_was_whatever_the_browser_language() -> None:
    model = boot({STATE_KEY: STORAGE_V1}, True, {"language": "en-US"})
    # The first application: the same checklist, with an identity of its own from now on.
    assert content(model.state) == EXPECTED
    assert model.state.id != ""
    assert model.notices == ()


def test_a_v1_bookmark_opens_from_the_url_with_the_region_unset() -> None:
    model = update(boot({}, True, {"language": "en-GB"}), {"type": "mount", "value": BOOKMARK_V1})
    assert content(model.state) == EXPECTED
    assert model.state.profile.region == ""
    # Saved again in the new schema, now with an identity of its own, and read back the same.
    assert model.state.id != ""
    assert saved_state(model) == to_storage(model.state)
