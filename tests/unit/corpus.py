"""Realistic typed inputs in every shape, and varied candidates, written by hand for the tests."""

from __future__ import annotations

from secondround.input.profile import Interviewer, Profile

__all__ = ["PANEL_PROFILES", "QUALIFICATIONS", "TOPICS"]

# (what a reader types as a qualification, how it must read inside our sentences)
QUALIFICATIONS: list[tuple[str, str]] = [
    ("six years of SQL and Python reporting", "six years of SQL and Python reporting"),
    ("Six years of SQL and Python reporting.", "six years of SQL and Python reporting"),
    ("leading a team of three analysts", "experience leading a team of three analysts"),
    ("Leading a team of three analysts", "experience leading a team of three analysts"),
    ("I closed $2M in new business last year", "I closed $2M in new business last year"),
    ("I closed $2M in new business last year.", "I closed $2M in new business last year"),
    ("i speak fluent Spanish", "I speak fluent Spanish"),
    (
        "Led a ward of 28 beds through a norovirus outbreak",
        "I led a ward of 28 beds through a norovirus outbreak",
    ),
    ("Managed budgets of up to £4m", "I managed budgets of up to £4m"),
    ("fluent in Spanish and Portuguese", "I am fluent in Spanish and Portuguese"),
    ("Calm under pressure", "I am calm under pressure"),
    ("bilingual", "I am bilingual"),
    ("BLS and ACLS certification", "BLS and ACLS certification"),
    ("NICEIC approved contractor status", "NICEIC approved contractor status"),
    (
        "a habit of turning messy data into decisions",
        "a habit of turning messy data into decisions",
    ),
    ("SQL, Python, and R", "SQL, Python, and R"),
    ("ten years in intensive care", "ten years in intensive care"),
    (
        "teaching experience in two inner-city schools",
        "teaching experience in two inner-city schools",
    ),
    ("teaching chemistry to GCSE and A level", "experience teaching chemistry to GCSE and A level"),
    (
        "engineering leadership at a 200-person startup",
        "engineering leadership at a 200-person startup",
    ),
    ("- knife skills from eight years on the line", "knife skills from eight years on the line"),
    ("“a strong record in contract negotiation”", "a strong record in contract negotiation"),
    (
        "over 300 domestic rewires, all signed off first time",
        "over 300 domestic rewires, all signed off first time",
    ),
    ("admitted to the New York bar in 2019", "I am admitted to the New York bar in 2019"),
    ("Licensed electrician", "I am a licensed electrician"),
    ("Registered Nurse (ICU)", "I am a Registered Nurse (ICU)"),
    ("experienced line cook", "I am an experienced line cook"),
    ("Licensed HVAC technician", "I am a licensed HVAC technician"),
    ("My team grew revenue 40% in two years", "my team grew revenue 40% in two years"),
    ("We cut waiting times by a third", "we cut waiting times by a third"),
    ("a licence to teach in Ontario", "a licence to teach in Ontario"),
    ("PhD in molecular biology", "a PhD in molecular biology"),
    ("forklift licence", "a forklift licence"),
    ("MSc in Data Science", "an MSc in Data Science"),
    ("HGV Class 1 licence", "an HGV Class 1 licence"),
    ("Bachelor's degree in nursing", "a bachelor's degree in nursing"),
    ("honours degree in law", "an honours degree in law"),
    ("university degree in chemistry", "a university degree in chemistry"),
    ("CSCS card", "a CSCS card"),
    ("Master of Science in Nursing", "a Master of Science in Nursing"),
    ("my CPA license", "my CPA license"),
    ("two degrees in engineering", "two degrees in engineering"),
    (
        "building reporting pipelines from scratch",
        "experience building reporting pipelines from scratch",
    ),
]

# (what a reader types about one person's conversation, how it must read)
TOPICS: list[tuple[str, str]] = [
    # Sentence case drops its capital; a name keeps its own.
    ("Grant deadlines in March", "grant deadlines in March"),
    ("Budget planning for next year", "budget planning for next year"),
    ("Grant Thornton audit", "Grant Thornton audit"),
    ("Sales Cloud rollout", "Sales Cloud rollout"),
    (
        "the plan to move the monthly dashboards to real-time data",
        "the plan to move the monthly dashboards to real-time data",
    ),
    ("We talked about their on-call rota.", "their on-call rota"),
    ("We discussed staffing ratios on night shifts", "staffing ratios on night shifts"),
    ("managing the rota over the holidays", "managing the rota over the holidays"),
    ("we discussed the new ward opening in May", "the new ward opening in May"),
    ("talked about the menu for the spring launch", "the menu for the spring launch"),
    ("About the move to a four-day week", "the move to a four-day week"),
    (
        "how the team plans to enter the Brazilian market next spring",
        "how the team plans to enter the Brazilian market next spring",
    ),
    (
        "How the team plans to enter the Brazilian market.",
        "how the team plans to enter the Brazilian market",
    ),
    (
        "their mentoring scheme for newly qualified teachers",
        "their mentoring scheme for newly qualified teachers",
    ),
    ("She described the new ward opening in May", "you described the new ward opening in May"),
    ("you are moving the whole team to Kubernetes", "you are moving the whole team to Kubernetes"),
    ("the firm's pro bono programme", "the firm's pro bono programme"),
    (
        "the rota, which has been hard to staff since spring",
        "the rota, which has been hard to staff since spring",
    ),
    (
        "Whether the kitchen will open for Sunday lunch",
        "whether the kitchen will open for Sunday lunch",
    ),
    ("the switch from paper job sheets to tablets", "the switch from paper job sheets to tablets"),
    ("safety culture on large commercial sites", "safety culture on large commercial sites"),
    (
        "They are hiring two more electricians next year.",
        "they are hiring two more electricians next year",
    ),
    ("- the year 9 science curriculum", "the year 9 science curriculum"),
    ("Re: the merger with Hartley & Co.", "the merger with Hartley & Co."),
    (
        "what success looks like in the first 90 days",
        "what success looks like in the first 90 days",
    ),
    ("I asked about flexible hours", "I asked about flexible hours"),
    ("the patient-flow project", "the patient-flow project"),
    ("He's rebuilding the apprenticeship scheme", "you're rebuilding the apprenticeship scheme"),
]


def _panel(*people: Interviewer) -> tuple[Interviewer, ...]:
    return people


# Candidates from other trades and countries, panels of one to six.
PANEL_PROFILES: dict[str, Profile] = {
    "analyst-three": Profile(
        name="Jordan Rivera",
        email="jordan.rivera@example.com",
        phone="555-0142",
        company="Northwind Analytics",
        position="Senior Data Analyst",
        interviewers=_panel(
            Interviewer(
                name="Priya Shah",
                role="hiring_manager",
                topics="the plan to move the monthly dashboards to real-time data",
            ),
            Interviewer(
                name="Sam Okafor",
                tone="relaxed",
                role="panel",
                topics="We talked about their on-call rota.",
            ),
            Interviewer(name="Lena Fischer", role="recruiter"),
        ),
        interview_date="2026-03-05",
        qualifications=(
            "six years of building reporting pipelines in SQL and Python",
            "leading a team of three analysts",
            "I closed $2M in new business last year.",
        ),
        decision_date="2026-03-13",
    ),
    "nurse-one": Profile(
        name="Siobhán O'Connor",
        email="siobhan.oconnor@example.ie",
        phone="+353 1 555 0100",
        company="St. Vincent's University Hospital",
        position="Clinical Nurse Manager",
        interviewers=_panel(
            Interviewer(
                name="Dr. Aoife Byrne",
                role="hiring_manager",
                topics="we discussed the new ward opening in May",
            ),
        ),
        interview_date="2026-05-12",
        qualifications=("ten years in intensive care", "BLS and ACLS certification", ""),
    ),
    "electrician-two": Profile(
        name="Marek Nowak-Kowalski",
        email="marek@example.co.uk",
        company="Brightline Electrical Ltd.",
        position="Electrical Supervisor",
        interviewers=_panel(
            Interviewer(
                name="Gareth Jones",
                tone="relaxed",
                topics="the switch from paper job sheets to tablets",
            ),
            Interviewer(
                name="Ruth Adeyemi",
                role="assistant",
                topics="safety culture on large commercial sites",
            ),
        ),
        interview_date="2026-09-01",
        qualifications=(
            "over 300 domestic rewires, all signed off first time",
            "NICEIC approved contractor status",
            "Led a team of six apprentices",
        ),
        availability="weekdays before 8 am",
    ),
    "teacher-four": Profile(
        name="Amara Nwosu",
        email="amara.nwosu@example.org",
        phone="416 555 0199",
        company="Riverside Secondary School",
        position="Head of Science",
        interviewers=_panel(
            Interviewer(name="Prof. Margaret O'Neill", topics="the year 9 science curriculum"),
            Interviewer(
                name="Tom Becker",
                tone="relaxed",
                role="panel",
                topics="their mentoring scheme for newly qualified teachers",
            ),
            Interviewer(name="李明", role="panel", topics="how the labs are shared"),
            Interviewer(name="Dana Whitfield", role="recruiter", topics=""),
        ),
        interview_date="2026-06-18",
        qualifications=(
            "teaching chemistry to GCSE and A level",
            "fluent in French",
            "a licence to teach in Ontario",
        ),
        decision_date="2026-06-26",
    ),
    "chef-six": Profile(
        name="José Álvarez",
        email="jose@example.es",
        phone="+34 600 000 000",
        company="Casa Lúcia",
        position="Head Chef position",
        interviewers=_panel(
            Interviewer(
                name="Lúcia Ferreira",
                role="hiring_manager",
                topics="the menu for the spring launch",
            ),
            Interviewer(name="Ben Carter", tone="relaxed", role="panel", topics="knife work"),
            Interviewer(
                name="Ana Ruiz",
                tone="relaxed",
                role="panel",
                topics="Whether the kitchen will open for Sunday lunch",
            ),
            Interviewer(name="Kofi Mensah", role="panel", topics="the supplier list"),
            Interviewer(name="Mia Wong", role="assistant", topics=""),
            Interviewer(name="Omar Haddad", tone="relaxed", role="recruiter", topics=""),
        ),
        interview_date="2026-04-02",
        qualifications=(
            "- knife skills from eight years on the line",
            "Calm under pressure",
            "a food safety level 3 certificate",
        ),
    ),
    "lawyer-two": Profile(
        name="Hannah Goldberg-Stein",
        email="hannah@example.com",
        phone="(212) 555-0123",
        company="Acme, Inc.",
        position="Associate General Counsel",
        interviewers=_panel(
            Interviewer(
                name="Sir Keir Jones",
                role="hiring_manager",
                topics="Re: the merger with Hartley & Co.",
            ),
            Interviewer(
                name="Maya Patel",
                salutation="Maya",
                role="recruiter",
                topics="the firm's pro bono programme",
            ),
        ),
        interview_date="2026-10-07",
        qualifications=(
            "admitted to the New York bar in 2019",
            "“a strong record in contract negotiation”",
            "",
        ),
        decision_date="2026-10-16",
        coordinator=1,
    ),
    # A researcher at a "University of": the employer takes "the", the degree "a".
    "researcher-three": Profile(
        name="Priya Nair",
        email="priya.nair@example.edu.au",
        company="University of Melbourne",
        position="Research Assistant (Genomics)",
        interviewers=_panel(
            Interviewer(
                name="Prof. Helen O'Brien",
                role="panel",
                topics="the single-cell sequencing pipeline",
            ),
            Interviewer(name="Dr. Tom Li", role="hiring_manager", topics="grant deadlines"),
            Interviewer(name="Jess Hart", tone="relaxed", role="assistant"),
        ),
        interview_date="2026-11-30",
        qualifications=("PhD in molecular biology", "first-aid certificate", "MSc in Data Science"),
        decision_date="2026-12-11",
    ),
    # A tradesman in Australia: a name typed all in lower case, a trade certificate, a card.
    "welder-two": Profile(
        name="Liam O'Sullivan",
        email="liam.osullivan@example.com.au",
        phone="0412 555 010",
        company="Hunter Steel Fabrication Pty Ltd",
        position="Boilermaker / Welder",
        interviewers=_panel(
            Interviewer(
                name="bec nguyen",
                tone="relaxed",
                role="hiring_manager",
                topics="the night shift roster and the new plasma cutter",
            ),
            Interviewer(
                name="Craig Dawson", role="panel", topics="WHS inductions for new starters"
            ),
        ),
        interview_date="2026-12-02",
        qualifications=(
            "Certificate III in Engineering - Fabrication Trade",
            "white card",
            "ten years of MIG and TIG welding",
        ),
        decision_date="2026-12-09",
    ),
    # A city job with ranked interviewers, one relaxed.
    "records-three": Profile(
        name="Daniela Ruiz",
        email="daniela.ruiz@example.com",
        company="City of Austin",
        position="Police Records Specialist",
        interviewers=_panel(
            Interviewer(
                name="Sgt. Maria Lopez",
                role="hiring_manager",
                topics="the backlog of open requests",
            ),
            Interviewer(name="Lt. James Carter", tone="relaxed", role="panel"),
            Interviewer(name="Ana Torres", role="recruiter"),
        ),
        interview_date="2026-12-03",
        qualifications=(
            "bachelor's degree in criminal justice",
            "bilingual",
            "five years of records management",
        ),
    ),
}
