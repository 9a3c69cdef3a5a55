"""The call script follows their timeline: it never asks for a date the interviewer gave."""

from __future__ import annotations

import pytest

from secondround.input.facts import facts_of
from secondround.input.profile import Interviewer, Profile
from secondround.writing.drafts import drafts_for

ASKS_WHEN = ("When do you expect the decision to be made?", "When do you think you'll decide?")


def _call(decision: str, tone: str) -> str:
    person = Interviewer(name="Dana Whitfield", tone="relaxed" if tone == "relaxed" else "formal")
    p = Profile(
        name="Sam Rivera",
        interviewers=(person,),
        interview_date="2026-11-24",
        decision_date=decision,
    )
    (call,) = [d for d in drafts_for(facts_of(p))[0].drafts if d.kind == "call"]
    return call.body


@pytest.mark.parametrize(
    ("tone", "line"),
    [
        (
            "formal",
            "You mentioned you hoped to decide by Friday, December 4. Has the timeline changed? "
            "When do you now expect to decide, and how would you like me to follow up until "
            "then?",
        ),
        (
            "relaxed",
            "You'd said Friday, December 4 for the decision. Has that moved? When do you think "
            "you'll know, and what's the best way to check in with you until then?",
        ),
    ],
)
def test_with_a_date_the_call_asks_whether_it_moved(tone: str, line: str) -> None:
    body = _call("2026-12-04", tone)
    assert line in body.splitlines()
    assert not [ask for ask in ASKS_WHEN if ask in body]
    # The call is made after that date: nothing may wait for it "by then".
    assert "by then" not in body


@pytest.mark.parametrize(("tone", "ask"), [("formal", ASKS_WHEN[0]), ("relaxed", ASKS_WHEN[1])])
@pytest.mark.parametrize("decision", ["", "2026-11-01"], ids=["no-date", "date-before-interview"])
def test_without_a_usable_date_the_call_asks_when(tone: str, ask: str, decision: str) -> None:
    assert any(line.startswith(ask) for line in _call(decision, tone).splitlines())


@pytest.mark.parametrize(
    ("name", "salutation", "greeting"),
    [
        ("Priya Shah", "", "Hello, this is Sam Rivera. I interviewed"),
        ("Dr. Helen Cho", "", "Hello Dr. Cho, this is Sam Rivera."),
        ("Helen Cho", "Helen", "Hello Helen, this is Sam Rivera."),
        ("Margaret O'Neill", "Ms. O'Neill", "Hello Ms. O'Neill, this is Sam Rivera."),
    ],
)
def test_the_call_greets_as_a_person_would_on_the_phone(
    name: str, salutation: str, greeting: str
) -> None:
    person = Interviewer(name=name, salutation=salutation)
    p = Profile(name="Sam Rivera", interviewers=(person,), interview_date="2026-11-24")
    (call,) = [d for d in drafts_for(facts_of(p))[0].drafts if d.kind == "call"]
    assert any(line.startswith(greeting) for line in call.body.splitlines())
