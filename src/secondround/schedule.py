"""The dated follow-up plan: which note, call or letter is due on which day."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from secondround.profile import Profile, clean_line, coordinator_of, format_date, parse_date

__all__ = [
    "CALL_AFTER",
    "FOLLOWUP_AFTER_DECISION",
    "FOLLOWUP_GAP",
    "FOLLOWUP_WITHOUT_DECISION",
    "Step",
    "add_business_days",
    "mail_day",
    "schedule",
]

# In business days, as the guide's timing rules say (docs/timing.md). The call waits
# for the card: posted the next day, a local letter usually arrives a day later.
CALL_AFTER = 2
# Follow up one to two business days after the date the interviewer gave: the first
# of those days is the one the checklist shows, so the reminder is never late.
FOLLOWUP_AFTER_DECISION = 1
# When no decision date was given: a working week after the interview.
FOLLOWUP_WITHOUT_DECISION = 5
# The second and last follow-up comes a working week after the first.
FOLLOWUP_GAP = 5


@dataclass(frozen=True)
class Step:
    """One dated thing to do; `interviewer` is the index of the person it concerns, if any."""

    id: str
    title: str
    detail: str
    due: date
    interviewer: int | None


def add_business_days(d: date, n: int) -> date:
    """The date n working days (Monday to Friday) after d; before it when n is negative.

    With n == 0 the date is returned unchanged, even on a weekend. Holidays are
    not known: they differ by country and employer.
    """
    step = 1 if n >= 0 else -1
    left = abs(n)
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


def mail_day(interview: date) -> date:
    """The day the cards go in the post: the day after the interview, Monday instead of Sunday."""
    day = interview + timedelta(days=1)
    return day + timedelta(days=1) if day.weekday() == 6 else day


def _who(p: Profile, i: int) -> str:
    if i < len(p.interviewers):
        name = clean_line(p.interviewers[i].name)
        if name:
            return name
    return "your interviewer" if len(p.interviewers) <= 1 else f"interviewer {i + 1}"


def _outcome_day(outcome_on: str) -> date | None:
    # The app may store a date or a full ISO timestamp; the day is what counts.
    text = outcome_on.strip()
    return parse_date(text[:10] if len(text) > 10 and text[10] in "T " else text)


def schedule(p: Profile, outcome: str = "waiting", outcome_on: str = "") -> tuple[Step, ...]:
    """Every step from the interview date on, ordered by due date; empty without a valid date.

    A decision date before the interview is ignored, as validation reports it.
    When the outcome is known (an offer, or not hired) the follow-ups asking about
    the decision are dropped; not hired adds the letter asking to be kept in mind.
    """
    interview = parse_date(p.interview_date)
    if interview is None:
        return ()
    try:
        return _schedule(p, interview, outcome, outcome_on)
    except OverflowError:
        # Only reachable for dates in year 9999, where no plan makes sense anyway.
        return ()


def _offer_steps(main: str, lead: int, heard: date) -> list[Step]:
    """After an offer: thank them and get it in writing, tell the others, then answer."""
    return [
        Step(
            id="offer-thanks",
            title=f"Thank {main} and ask for the offer in writing",
            detail="Reply within a day: thank them, ask for the salary, start date and "
            "conditions in writing, and for a few days to decide if you need them.",
            due=add_business_days(heard, 1),
            interviewer=lead,
        ),
        Step(
            id="offer-others",
            title="Tell other employers you are waiting on",
            detail="If another application is still open, a short note saying you have an "
            "offer with a deadline may bring their decision forward.",
            due=add_business_days(heard, 1),
            interviewer=None,
        ),
        Step(
            id="offer-answer",
            title="Give your answer in writing",
            detail="Accept (or decline) once the written offer is in hand, by the date you "
            "agreed. Then let the other employers know.",
            due=add_business_days(heard, 5),
            interviewer=lead,
        ),
    ]


def _schedule(p: Profile, interview: date, outcome: str, outcome_on: str) -> tuple[Step, ...]:
    steps: list[Step] = []
    when = format_date(interview)
    for i in range(len(p.interviewers)):
        who = _who(p, i)
        steps.append(
            Step(
                id=f"email-{i}",
                title=f"Email a thank-you note to {who}",
                detail=f"Send it on the day of the interview ({when}), while the conversation "
                "is fresh. One short paragraph, to this person only.",
                due=interview,
                interviewer=i,
            )
        )
        steps.append(
            Step(
                id=f"card-{i}",
                title=f"Write a thank-you card to {who}",
                detail="Write it by hand the same day, in different words from the email: "
                "a card still arrives if the email is caught by a spam filter.",
                due=interview,
                interviewer=i,
            )
        )
    count = len(p.interviewers)
    if count:
        posted = mail_day(interview)
        steps.append(
            Step(
                id="post-cards",
                title="Post the thank-you cards" if count > 1 else "Post the thank-you card",
                detail=f"Put the stamped card{'s' if count > 1 else ''} in the mail "
                f"by {format_date(posted)}.",
                due=posted,
                interviewer=None,
            )
        )
    # The call and the replies about the decision go to the person who coordinates it.
    lead = coordinator_of(p)
    main = _who(p, lead)
    call = add_business_days(interview, CALL_AFTER)
    steps.append(
        Step(
            id="call",
            title=f"Call {main}",
            detail="Thank them, say you are still interested, ask whether a decision has been "
            "made, and if not, when it will be and how they would like you to follow up.",
            due=call,
            interviewer=lead,
        )
    )

    decision = parse_date(p.decision_date)
    if decision is not None and decision < interview:
        decision = None
    if outcome not in ("offer", "not_hired"):
        if decision is not None:
            first = add_business_days(decision, FOLLOWUP_AFTER_DECISION)
            why = f"You were told to expect a decision by {format_date(decision)}."
        else:
            first = add_business_days(interview, FOLLOWUP_WITHOUT_DECISION)
            why = "No decision date was given, so allow a working week."
        # Never before the call: a follow-up asks about what the call set up.
        first = max(first, add_business_days(call, 1))
        steps.append(
            Step(
                id="followup-1",
                title=f"Follow up with {main} if you have had no word",
                detail=f"{why} If you have heard nothing, send the follow-up email, or call "
                "the way they asked you to.",
                due=first,
                interviewer=lead,
            )
        )
        steps.append(
            Step(
                id="followup-2",
                title="Send a second and last follow-up",
                detail="If there is still no answer, send the shorter last follow-up. After "
                "this, let it rest: keep your search going.",
                due=add_business_days(first, FOLLOWUP_GAP),
                interviewer=lead,
            )
        )
    if outcome == "not_hired":
        heard = _outcome_day(outcome_on) or interview
        steps.append(
            Step(
                id="not-hired",
                title=f"Send {main} a gracious reply",
                detail="Thank them, wish them well and ask to be considered for positions "
                "that would fit you better. A leading company is worth staying in touch with.",
                due=add_business_days(heard, 1),
                interviewer=lead,
            )
        )
    if outcome == "offer":
        heard = _outcome_day(outcome_on) or interview
        steps.extend(_offer_steps(main, lead, heard))
    # A stable sort keeps the order above for steps on the same day.
    return tuple(sorted(steps, key=lambda s: s.due))
