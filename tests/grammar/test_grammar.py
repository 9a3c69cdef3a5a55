"""Every draft for a corpus of varied candidates passes Harper, an offline grammar checker."""

from __future__ import annotations

import functools
import json
import shutil
import threading
from dataclasses import replace
from pathlib import Path

from corpus import PANEL_PROFILES, QUALIFICATIONS, TOPICS

from background import Command, run
from secondround.input.example import example_profile
from secondround.input.facts import facts_of
from secondround.input.fields import PERSON_TEXT, text_fields
from secondround.input.phrasing import as_item, phrase, topic_item
from secondround.input.profile import ROLES, Interviewer, Profile, Role, Tone
from secondround.input.text import clean_line
from secondround.writing.drafts import WaitingEmployer, drafts_for, other_drafts
from secondround_site.examples import example_profile_for

ROOT = Path(__file__).resolve().parents[2]
_PUNCTUATION = " \t\n.,;:!?'’\"“”()"
LINT = ROOT / "tests" / "grammar" / "lint.mjs"
_lock = threading.Lock()
_PEOPLE: tuple[tuple[str, Tone, Role], ...] = (
    ("Helen Cho", "formal", "hiring_manager"),
    ("Sam Okafor", "relaxed", "panel"),
    ("Lena Fischer", "formal", "recruiter"),
    ("Kofi Mensah", "relaxed", "hiring_manager"),
    ("Ruth Adeyemi", "formal", "panel"),
    ("Tom Becker", "relaxed", "assistant"),
)
PANEL = tuple(Interviewer(name=name, tone=tone, role=role) for name, tone, role in _PEOPLE)
BASE = Profile(
    name="Sam Rivera",
    email="sam@example.com",
    phone="555 0100",
    company="Northwind Traders",
    position="Senior Data Analyst",
    interview_date="2026-11-24",
    decision_date="2026-12-04",
    qualifications=("", "dashboards that finance teams use every day", "fluent Spanish"),
    interviewers=PANEL,
)


def corpus() -> dict[str, Profile]:
    """Candidates from several trades, plus every typed shape of the unit corpus in every
    position of a six-person panel (so each wording variant meets each shape)."""
    profiles = {**PANEL_PROFILES, "example": example_profile()}
    # The guide's own samples (docs/*.md markers) come from these one-person profiles.
    for tone in ("formal", "relaxed"):
        for role in ROLES:
            profiles[f"guide-{tone}-{role}"] = example_profile_for(tone, role)
    for n, (typed, _) in enumerate(QUALIFICATIONS):
        profiles[f"qualification-{n}"] = replace(
            BASE, qualifications=(typed, *BASE.qualifications[1:])
        )
    for n, (typed, _) in enumerate(TOPICS):
        people = tuple(replace(person, topics=typed) for person in PANEL)
        profiles[f"topic-{n}"] = replace(BASE, interviewers=people)
    return profiles


def typed_text(p: Profile) -> list[str]:
    # Every declared field: a field added later is the reader's own text too.
    fields = [getattr(p, name) for name in text_fields(type(p))] + list(p.qualifications)
    for person in p.interviewers:
        fields += [getattr(person, name) for name in PERSON_TEXT]
    # A name also appears in parts ("Dr. Cho", "Helen"): each of its words is the reader's.
    for name in (p.name, p.company, *(person.name for person in p.interviewers)):
        fields += [word.strip(_PUNCTUATION) for word in name.split()]
    return [f for f in fields if f.strip()]


PREFIXES = ("qualification-", "topic-")


def texts() -> tuple[list[dict[str, str]], dict[str, list[str]]]:
    out: list[dict[str, str]] = []
    typed: dict[str, list[str]] = {}
    candidates = [p for name, p in corpus().items() if not name.startswith(PREFIXES)]
    for name, p in corpus().items():
        # The typed shapes only reach the notes; the candidates get every draft of every outcome.
        shapes = name.startswith(PREFIXES)
        # After an offer, a note to each other candidate's employer, as if they were the reader's
        # other applications still waiting; and the general note, when there are none.
        others = [o for o in candidates if o != p]
        waiting = tuple(WaitingEmployer(f"o-{i}", facts_of(o)) for i, o in enumerate(others))
        # Names typed for those applications may appear in their notes, and only there.
        typed_elsewhere = [text for other in others[:3] for text in typed_text(other)]
        for outcome in ("waiting",) if shapes else ("waiting", "offer", "not_hired"):
            drafts = [d for g in drafts_for(facts_of(p), outcome) for d in g.drafts]
            drafts += [note for _, note in other_drafts(facts_of(p), outcome)]
            drafts += [note for _, note in other_drafts(facts_of(p), outcome, waiting[:3])]
            if shapes:
                drafts = [d for d in drafts if d.kind in ("email", "card")]
            for i, d in enumerate(drafts):
                key = f"{name}/{outcome}/{i}/{d.kind}"
                # Greeting, message and sign-off as written; the subject as its own line.
                out.append({"id": key, "text": f"{d.subject}\n\n{d.body}" if d.subject else d.body})
                elsewhere = typed_elsewhere if d.kind == "offer_other" else []
                typed[key] = typed_text(p) + elsewhere
    return out, typed


def _typed_ranges(text: str, fields: list[str]) -> list[tuple[int, int]]:
    """Where the reader's own words stand in a draft, in each form the drafts give them."""
    low = text.lower()
    ranges = []
    for field in fields:
        for form in {clean_line(field), phrase(field), as_item(field)[1], topic_item(field)[1]}:
            form = form.lower()
            at = low.find(form) if form else -1
            while at != -1:
                ranges.append((at, at + len(form)))
                at = low.find(form, at + 1)
    return ranges


def _inside_typed(text: str, start: int, end: int, fields: list[str]) -> bool:
    # A finding on the reader's own words (the spelling of a name, a phone number's hyphen,
    # their capitals) is theirs to judge; a stray period of ours beside them does not count.
    while start < end and text[start] in _PUNCTUATION:
        start += 1
    while end > start and text[end - 1] in _PUNCTUATION:
        end -= 1
    return any(a <= start and end <= b for a, b in _typed_ranges(text, fields))


@functools.cache
def _checked() -> tuple[list[dict[str, str]], dict[str, list[str]]]:
    items, typed = texts()
    # A control with known slips, so a checker that finds nothing cannot pass by accident.
    items.append({"id": "control", "text": "She go to the the office with a apple."})
    typed["control"] = []
    return items, typed


def checked() -> tuple[list[dict[str, str]], dict[str, list[str]]]:
    with _lock:
        return _checked()


@run
def harper(work: Path) -> Command:
    node = shutil.which("node")
    if node is None:
        raise RuntimeError("Node.js is needed to run Harper: install it, then run `make test`.")
    if not (ROOT / "node_modules" / "harper.js").is_dir():
        raise RuntimeError("harper.js is missing: run `make setup-test` (npm ci).")
    source = work / "drafts.json"
    source.write_text(json.dumps(checked()[0]), encoding="utf-8")
    return Command([node, str(LINT), str(source)], timeout=300)


def test_every_draft_passes_harper() -> None:
    items, typed = checked()
    assert len(items) >= 701  # 700 drafts or more, and the control
    result = harper.result()
    assert result.returncode == 0, result.stderr[-4000:]
    findings = json.loads(result.stdout)
    control = {f["kind"] for f in findings if f["id"] == "control"}
    assert {"Repetition", "Agreement"} <= control, control
    findings = [f for f in findings if f["id"] != "control"]
    # The spelling of names and terms the reader typed is theirs to check, not ours.
    by_id = {item["id"]: item["text"] for item in items}
    left = [
        f
        for f in findings
        if not _inside_typed(by_id[f["id"]], f["start"], f["end"], typed[f["id"]])
    ]
    report = "\n".join(
        f"{f['id']}: {f['kind']}: {f['message']} [{f['problem']}]" for f in left[:60]
    )
    assert not left, f"{len(left)} findings:\n{report}"
