"""The dated follow-up plan: which note, call or letter is due on which day."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from secondround.input.facts import Facts
from secondround.input.public_holidays import region_name
from secondround.input.text import clean_line, days_of
from secondround.input.words import format_date

__all__ = [
    "CALL_AFTER",
    "FIRST_AFTER_DECISION",
    "FOLLOWUP_GAP",
    "HEARD",
    "REMOTE_EXTRA",
    "Step",
    "add_business_days",
    "calendar_notes",
    "dated",
    "mail_day",
    "schedule",
]

# In business days, as the guide's timing rules say (docs/timing.md). With no decision date the
# call waits for the card: posted the next day, a local letter usually arrives a day later.
CALL_AFTER = 2
# A card posted after a video interview goes to an address the reader has not seen, often
# further away: the call waits this many more business days for it.
REMOTE_EXTRA = 2
# With a decision date, nothing chases before it: the first check-in comes one to two business
# days after it. The first of those days is the one the checklist shows, so it is never late.
FIRST_AFTER_DECISION = 1
# The second and last check-in comes a working week after the first.
FOLLOWUP_GAP = 5


@dataclass(frozen=True)
class Step:
    """One dated thing to do; `interviewer` is the index of the person it concerns, if any."""

    id: str
    title: str
    detail: str
    due: date
    interviewer: int | None


def add_business_days(d: date, n: int, off: Collection[date] = frozenset()) -> date:
    """The date n working days after d, before it when n is negative.

    Working days are Monday to Friday, less the days in `off` (the region's public holidays).
    With n == 0 the date is returned unchanged, even on a weekend or a holiday.
    """
    step = 1 if n >= 0 else -1
    left = abs(n)
    if off:
        # Holidays break the weekly rhythm: count one day at a time (n is a few dozen at most).
        while left:
            d += timedelta(days=step)
            if d.weekday() < 5 and d not in off:
                left -= 1
        return d
    while left and d.weekday() >= 5:
        # From a weekend the first working day reached counts as the first step.
        d += timedelta(days=step)
        if d.weekday() < 5:
            left -= 1
    # From a weekday, five working days are exactly one week: a large n costs no
    # more than a small one.
    weeks, left = divmod(left, 5)
    d += timedelta(weeks=weeks * step)
    while left:
        d += timedelta(days=step)
        if d.weekday() < 5:
            left -= 1
    return d


def mail_day(interview: date, off: Collection[date] = frozenset()) -> date:
    """The day the cards go in the post: the next working day after the interview.

    A working day, as every due date but the interview's own: the reader who posts on a
    Saturday is early, never late.
    """
    return add_business_days(interview, 1, off)


def _short(d: date) -> str:
    return format_date(d, weekday=False, short=True)


def _because(skipped: Sequence[date]) -> str:
    """ " (Dec 25 is a public holiday)" when holidays moved a step; "" when none did."""
    if not skipped:
        return ""
    days = [_short(d) for d in skipped]
    listed = days[0] if len(days) == 1 else f"{', '.join(days[:-1])} and {days[-1]}"
    verb = "is a public holiday" if len(days) == 1 else "are public holidays"
    return f" ({listed} {verb})"


def _why(due: date, skipped: Sequence[date]) -> str:
    """ " Due Mon, Dec 28 (Dec 25 is a public holiday)." when holidays moved the step."""
    return f" Due {format_date(due, short=True)}{_because(skipped)}." if skipped else ""


def _skipped(start: date, due: date, off: Collection[date]) -> list[date]:
    """The holidays a count from start to due stepped over: the ones that moved it later."""
    return sorted(d for d in off if start < d < due and d.weekday() < 5)


def _who(f: Facts, i: int) -> str:
    return f.people[i].label if i < len(f.people) else "your interviewer"


# Where the day the outcome was heard goes among the days the steps were done.
HEARD = ""


def schedule(
    f: Facts,
    outcome: str = "waiting",
    outcome_on: str = "",
    checks: Mapping[str, str] | None = None,
) -> tuple[Step, ...]:
    """Every step from the interview date on, ordered by due date; empty without a valid date.

    Business days skip the profile's region's public holidays. A step already ticked in
    `checks` is dated the day it was done, whatever the profile says since, and the steps after
    it count from that day. When the outcome is known (an offer, or not hired) the follow-up
    asking about the decision is dropped; not hired adds the letter asking to be kept in mind.
    """
    return dated(f, outcome, days_of({**(checks or {}), HEARD: outcome_on}))


def dated(f: Facts, outcome: str, done: Mapping[str, date]) -> tuple[Step, ...]:
    """schedule() with the ticks already read as days (`done`, with the day the outcome was
    heard under HEARD): the plan reads the stored stamps once for both its schedules."""
    if f.when is None:
        return ()
    try:
        return _schedule(f, f.when, outcome, done)
    except OverflowError:
        # Only reachable for dates in year 9999, where no plan makes sense anyway.
        return ()


def _offer_steps(main: str, lead: int, heard: date, off: Collection[date]) -> list[Step]:
    """After an offer: thank them and get it in writing, tell the others, then answer."""
    return [
        Step(
            id="offer-thanks",
            title=f"Thank {main} and ask for the offer in writing",
            detail="Reply within a day: thank them, ask for the salary, start date and "
            "conditions in writing, and for a few days to decide if you need them.",
            due=add_business_days(heard, 1, off),
            interviewer=lead,
        ),
        Step(
            id="offer-others",
            title="Tell other employers you are waiting on",
            detail="If another application is still open, a short note saying you have an "
            "offer with a deadline may bring their decision forward.",
            due=add_business_days(heard, 1, off),
            interviewer=None,
        ),
        Step(
            id="offer-answer",
            title="Give your answer in writing",
            detail="Accept (or decline) once the written offer is in hand, by the date you "
            "agreed. Then let the other employers know.",
            due=add_business_days(heard, 5, off),
            interviewer=lead,
        ),
    ]


def _schedule(
    f: Facts, interview: date, outcome: str, done_on: Mapping[str, date]
) -> tuple[Step, ...]:
    off = f.calendar.days
    steps: list[Step] = []

    def add(step_id: str, title: str, detail: str, due: date, who: int | None, why: str) -> date:
        done = done_on.get(step_id)
        if done is not None:
            # Done is done: a date typed or changed later never moves it.
            steps.append(Step(step_id, title, detail, done, who))
            return done
        steps.append(Step(step_id, title, detail + why, due, who))
        return due

    when = format_date(interview)
    for i, person in enumerate(f.people):
        who = person.label
        add(
            f"email-{person.id}",
            f"Email a thank-you note to {who}",
            f"Send it on the day of the interview ({when}), while the conversation is fresh. "
            "One short paragraph, to this person only.",
            interview,
            i,
            "",
        )
        card = (
            "The interview was by video, so ask the coordinator who set it up for a mailing "
            "address for the card. If there is no office to send it to, or they would rather "
            "not share an address, skip the card: your email carries the thanks."
            if f.remote
            else "Write it by hand the same day, in different words from the email: a card "
            "still arrives if the email is caught by a spam filter."
        )
        add(f"card-{person.id}", f"Write a thank-you card to {who}", card, interview, i, "")
    extra = REMOTE_EXTRA if f.remote else 0
    posted = mail_day(interview, off)
    count = len(f.people)
    if count:
        plural = "s" if count > 1 else ""
        longer = (
            " Post to an address you have not seen can take longer, so the plan allows for it."
            if f.remote
            else ""
        )
        held = _because(_skipped(interview, posted, off))
        posted = add(
            "post-cards",
            f"Post the thank-you card{plural}",
            f"Put the stamped card{plural} in the mail by {format_date(posted)}{held}.{longer}",
            posted,
            None,
            "",
        )

    # The call and the replies about the decision go to the person who coordinates it.
    lead = f.lead
    main = _who(f, lead)
    decision = f.plan_decision
    # The first check-in. Without a decision date it waits for the card to arrive; with one,
    # their timeline comes first: never before the date, one to two business days after it.
    after_interview = add_business_days(interview, CALL_AFTER + (0 if decision else extra), off)
    if decision is not None:
        base, call = decision, add_business_days(decision, FIRST_AFTER_DECISION, off)
        if after_interview > call:
            base, call = interview, after_interview
    else:
        base, call = interview, after_interview
        after_post = add_business_days(posted, 1 + extra, off)
        if after_post > call:
            base, call = posted, after_post
    by_email = f.prefer_email
    verb = "email" if by_email else "call"
    if decision is not None:
        ask = (
            f"They planned to decide by {format_date(decision)}. If you have had no word, "
            f"{verb} them: thank them, say you are still interested, ask whether a decision has "
            "been made, and if not, how the timing looks now and how to stay in touch."
        )
    else:
        ask = (
            f"{verb.capitalize()} them: thank them, say you are still interested, ask whether a "
            "decision has been made, and if not, when it will be and how they would like you "
            "to follow up."
        )
    called = add(
        "call",
        f"Send {main} the first follow-up email" if by_email else f"Call {main}",
        ask,
        call,
        lead,
        _why(call, _skipped(base, call, off)),
    )

    if outcome not in ("offer", "not_hired"):
        # The second and last chaser: a working week after the first, and still never before
        # the decision date (a call ticked early, before the date was known, stays where it is).
        base, second = called, add_business_days(called, FOLLOWUP_GAP, off)
        if decision is not None:
            floor = add_business_days(decision, FIRST_AFTER_DECISION, off)
            if floor > second:
                base, second = decision, floor
        add(
            "followup-1",
            f"Send {main} the last follow-up email",
            f"If there is still no answer a week after you {'wrote' if by_email else 'called'}, "
            "send the last follow-up email, politely. After this, let it rest: keep your search "
            "going.",
            second,
            lead,
            _why(second, _skipped(base, second, off)),
        )
    if outcome == "not_hired":
        heard = done_on.get(HEARD) or interview
        reply = add_business_days(heard, 1, off)
        add(
            "not-hired",
            f"Send {main} a gracious reply",
            "Thank them, wish them well and ask to be considered for positions that would fit "
            "you better. A leading company is worth staying in touch with.",
            reply,
            lead,
            _why(reply, _skipped(heard, reply, off)),
        )
    if outcome == "offer":
        heard = done_on.get(HEARD) or interview
        for step in _offer_steps(main, lead, heard, off):
            add(step.id, step.title, step.detail, step.due, step.interviewer, "")
    # A stable sort keeps the order above for steps on the same day.
    return tuple(sorted(steps, key=lambda s: s.due))


def calendar_notes(f: Facts, steps: Sequence[Step]) -> tuple[str, ...]:
    """What the dates skip, in words, and where the kit falls back to weekends only."""
    if not f.region:
        return ("The dates skip weekends only. Choose your country to skip its public holidays.",)
    calendar = f.calendar
    if not calendar.known:
        return (
            f"The kit does not know the public holidays of “{clean_line(f.region)}”, so the "
            "dates skip weekends only. Choose your country again from the list.",
        )
    outside = sorted({s.due.year for s in steps if not calendar.covers(s.due)})
    notes = [f"The dates skip weekends and public holidays ({region_name(f.region)})."]
    if outside:
        years = ", ".join(map(str, outside))
        notes.append(
            f"The kit knows public holidays from {calendar.first_year} to "
            f"{calendar.last_year} only: dates in {years} skip weekends only."
        )
    return tuple(notes)
