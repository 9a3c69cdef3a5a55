"""The example candidate: the kit's first view and the guide's sample drafts."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from secondround.input.profile import Interviewer, Profile

__all__ = ["GUIDE_INTERVIEW_DATE", "example_profile"]

# The guide's worked example (timing.md) is an interview on Thursday, March 5, 2026.
GUIDE_INTERVIEW_DATE = date(2026, 3, 5)

_EXAMPLE = Profile(
    name="Jordan Rivera",
    email="jordan.rivera@example.com",
    phone="555-0142",
    company="Northwind Analytics",
    position="Senior Data Analyst",
    interviewers=(
        Interviewer(
            name="Priya Shah",
            title="Head of Analytics",
            email="priya.shah@example.com",
            role="hiring_manager",
            topics="the plan to move the monthly dashboards to real-time data",
        ),
        Interviewer(
            name="Sam Okafor",
            title="Data Engineering Lead",
            email="sam.okafor@example.com",
            tone="relaxed",
            role="panel",
            topics="how the data engineers and analysts share one code review rota",
        ),
        Interviewer(
            name="Lena Fischer",
            title="Talent Partner",
            email="lena.fischer@example.com",
            role="recruiter",
            topics="what the first three months in the team would look like",
        ),
    ),
    qualifications=(
        "six years of building reporting pipelines in SQL and Python",
        "leading a team of three analysts",
        "a habit of turning messy data into decisions",
    ),
)


def example_profile(interview: date = GUIDE_INTERVIEW_DATE, decision_in_days: int = 8) -> Profile:
    """The example, interviewed on the given day with a decision promised some days later."""
    decision = date.fromordinal(interview.toordinal() + decision_in_days)
    return replace(
        _EXAMPLE, interview_date=interview.isoformat(), decision_date=decision.isoformat()
    )
