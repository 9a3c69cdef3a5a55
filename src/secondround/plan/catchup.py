"""The plan from today: late steps move to today with a reason, and late cards are skipped."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache

from secondround.input.facts import facts_of
from secondround.input.text import days_of
from secondround.input.words import format_date
from secondround.plan.schedule import FOLLOWUP_GAP, HEARD, Step, add_business_days, dated
from secondround.saved.state import State

__all__ = ["LATE_CARD_DAYS", "Plan", "catch_up", "first_business_day", "plan_for"]

# A card posted more than a week after the interview reads as an afterthought, and the
# decision may be made before it lands: by then the email has said thank you.
LATE_CARD_DAYS = 7
# Steps a reader speaks or writes to the employer for: they wait for a business day.
_ON_BUSINESS_DAYS = ("call", "followup-1", "not-hired")


@dataclass(frozen=True)
class Plan:
    """What to do and when, counted from today; `skipped` lists late steps no longer worth it."""

    steps: tuple[Step, ...]
    skipped: tuple[Step, ...] = ()


def first_business_day(day: date, off: Collection[date] = frozenset()) -> date:
    """The day itself when it is a working day, else the next one."""
    return add_business_days(day - timedelta(days=1), 1, off)


def _late_detail(step: Step) -> str:
    was = f"This was due on {format_date(step.due, weekday=False)}."
    if step.id.startswith("email-"):
        return (
            f"{was} A thank-you a few days late still helps: send it today, one short paragraph "
            "to this person only, with no need to apologise for the delay."
        )
    if step.id.startswith("card-"):
        return (
            f"{was} A card a few days late is still welcome: write it by hand today, in "
            "different words from the email."
        )
    if step.id.startswith("post-"):
        return f"{was} Put the cards in the mail today."
    return f"{was} It is still worth doing now. {step.detail}"


def _skip_detail(step: Step, interview: date) -> str:
    days = (step.due - interview).days
    return (
        "Skip this one: the interview was more than a week ago, and a card arriving now would "
        "read as an afterthought. Let the thank-you email carry your thanks."
        if days >= 0
        else step.detail
    )


def catch_up(
    steps: Sequence[Step],
    checks: Mapping[str, str],
    today: date,
    interview: date,
    off: Collection[date] = frozenset(),
) -> Plan:
    """The schedule re-planned for a reader who is behind: nothing undone stays in the past.

    Done steps keep their day. An undone step whose day has passed moves to today (a call or a
    follow-up to the first business day), and the last follow-up keeps its week after the call.
    Cards and their posting are skipped once the interview is more than a week old.
    """
    out: list[Step] = []
    skipped: list[Step] = []
    late_cards = (today - interview).days > LATE_CARD_DAYS
    first_chaser: date | None = None
    for step in steps:
        if checks.get(step.id):
            out.append(step)
            if step.id == "call":
                first_chaser = step.due
            continue
        due = step.due
        detail = step.detail
        if due < today:
            if late_cards and step.id.startswith(("card-", "post-")):
                skipped.append(replace(step, detail=_skip_detail(step, interview)))
                continue
            detail = _late_detail(step)
            due = today
        if step.id in _ON_BUSINESS_DAYS:
            due = first_business_day(due, off)
        if step.id == "call":
            first_chaser = due
        elif step.id == "followup-1" and first_chaser is not None:
            due = max(due, add_business_days(first_chaser, FOLLOWUP_GAP, off))
        out.append(replace(step, due=due, detail=detail))
    # A stable sort keeps the schedule's order for steps on the same day.
    return Plan(tuple(sorted(out, key=lambda s: s.due)), tuple(skipped))


def _in_plan_order(plan: Plan, base: Sequence[Step]) -> Plan:
    # The list keeps the order of the plan as first made: ticking a step, or catching up on a
    # late one, never moves it under the reader's pointer.
    rank = {s.id: (s.due, i) for i, s in enumerate(base)}
    ordered = sorted(plan.steps, key=lambda s: rank.get(s.id, (s.due, len(rank))))
    return replace(plan, steps=tuple(ordered))


# Scheduling twice and catching up is real work, asked for on every View and for each
# application listed; a Plan is frozen, so it is shared.
@lru_cache(maxsize=64)
def plan_for(state: State, today: date) -> Plan:
    """The reader's plan as the checklist and the calendar show it, from today on."""
    f = facts_of(state.profile)
    # The stored stamps read once, for both schedules below.
    done = days_of({**state.checks, HEARD: state.outcome_on})
    steps = dated(f, state.outcome, done)
    interview = f.when
    if not steps or interview is None:
        return Plan(())
    if state.outcome != "waiting":
        # Once they have decided, a call to ask whether they have is pointless; a call already
        # made stays on the record.
        steps = tuple(s for s in steps if s.id != "call" or state.checks.get(s.id))
    plan = catch_up(steps, state.checks, today, interview, f.calendar.days)
    heard = {HEARD: done[HEARD]} if HEARD in done else {}
    return _in_plan_order(plan, dated(f, state.outcome, heard))
