"""One declaration makes a form field: the form, validation, events and storage all follow it."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import pytest

from secondround import app
from secondround.app.model import Model
from secondround.app.render import to_html
from secondround.input.fields import field_spec
from secondround.input.form import ask, declared
from secondround.input.profile import Interviewer, Profile, left_out, without_contact
from secondround.input.validate import validate
from secondround.saved.applications import app_key
from secondround.saved.codec import to_storage
from secondround.saved.state import State

CLOCK = {"now_ms": 1_795_689_000_000, "tz_offset_min": 0}


@dataclass(frozen=True)
class WithReferral(Profile):
    """The profile with one more field, declared as a real one would be."""

    referral: str = field(
        default="",
        metadata=ask(
            "Who referred you",
            40,
            section="job",
            hint="Their name, if someone put you forward.",
            missing="Enter who referred you.",
        ),
    )


def _walk(node: Any) -> Any:
    if isinstance(node, list):
        yield node
        for child in node[2:]:
            yield from _walk(child)


def _kit(profile: Profile) -> Model:
    model, _ = app.boot({}, True, CLOCK)
    return Model(state=State(profile=profile), today=model.today, now=model.now)


def test_a_field_added_by_one_declaration_is_in_the_form() -> None:
    tree = app.view(_kit(WithReferral(referral="Ana")))["tree"]
    box = next(n for n in _walk(tree) if n[1].get("data-field") == "referral")
    assert box[0] == "input"
    assert box[1]["value"] == "Ana"
    assert box[1]["maxlength"] == "40"
    assert box[1]["aria-required"] == "true"
    html = to_html(tree)
    assert '<label for="sr-f-referral">Who referred you</label>' in html
    assert "Their name, if someone put you forward." in html
    # In the fieldset it was declared for, after the job's other fields.
    job = next(n for n in _walk(tree) if n[0] == "fieldset" and "The job" in json.dumps(n[2]))
    assert "sr-f-referral" in json.dumps(job)


def test_a_field_added_by_one_declaration_is_validated_and_bounded() -> None:
    assert validate(WithReferral())["referral"] == ["Enter who referred you."]
    too_long = validate(WithReferral(referral="x" * 41))["referral"]
    assert too_long == ["Keep this to 40 characters or fewer (it has 41)."]
    assert "referral" not in validate(WithReferral(referral="Ana"))
    model, effects = app.update(
        _kit(WithReferral()), {"type": "field", "arg": "referral", "value": "R\x00uth" + "h" * 60}
    )
    assert isinstance(model.state.profile, WithReferral)
    assert model.state.profile.referral == "Ruth" + "h" * 36  # cleaned, cut at its limit
    saved = json.loads(dict(effects.writes)[app_key(model.state.id)])
    assert saved["state"]["profile"]["referral"] == model.state.profile.referral


def test_a_field_added_by_one_declaration_is_stored() -> None:
    text = to_storage(State(profile=WithReferral(referral="Ana")))
    assert json.loads(text)["state"]["profile"]["referral"] == "Ana"


def test_every_text_field_is_declared_once_with_a_label_and_a_limit() -> None:
    paths = [name for name, _ in declared(Profile)] + [
        f"interviewers.0.{name}" for name, _ in declared(Interviewer)
    ]
    assert len(paths) == len(set(paths))
    for path in paths:
        spec = field_spec(path if path != "qualifications" else "qualifications.0")
        assert spec.label
        assert 10 <= spec.limit <= 300


@dataclass(frozen=True)
class WithPortfolio(Profile):
    """The profile with a private link field, declared as a real one would be."""

    portfolio: str = field(
        default="",
        metadata=ask(
            "Portfolio link",
            200,
            section="you",
            input="url",
            private=True,
            invalid="Check the portfolio link: it should start with https://.",
        ),
    )


@pytest.mark.parametrize(
    ("text", "fits"),
    [
        ("https://www.linkedin.com/in/sam-rivera", True),
        ("https://example.org", True),
        ("HTTPS://Example.org/work?tab=1#top", True),
        ("https://example.org:8443/me", True),
        ("  https://example.org/me  ", True),
        ("http://example.org/me", False),
        ("www.linkedin.com/in/sam", False),
        ("https://localhost/me", False),
        ("https://exa mple.org", False),
        ("https://user@example.org", False),
        ("javascript:alert(1)", False),
    ],
)
def test_a_url_field_takes_only_an_https_address(text: str, fits: bool) -> None:
    problems = validate(WithPortfolio(portfolio=text)).get("portfolio", [])
    assert problems == (
        [] if fits else ["Check the portfolio link: it should start with https://."]
    )


def test_a_field_declared_private_leaves_the_shared_link_and_is_named_in_its_wording() -> None:
    profile = WithPortfolio(
        name="Sam Rivera",
        email="sam@example.com",
        phone="555-0142",
        company="Northwind",
        portfolio="https://example.org/sam",
        interviewers=(Interviewer(name="Dana Cho", email="dana@example.com"),),
    )
    shared = without_contact(profile)
    assert isinstance(shared, WithPortfolio)
    assert (shared.name, shared.email, shared.phone, shared.portfolio) == ("", "", "", "")
    assert shared.interviewers[0].email == ""
    # What is not private stays, so the friend still reads the same drafts.
    assert (shared.company, shared.interviewers[0].name) == ("Northwind", "Dana Cho")
    # Named in the reader's order, the profile's own first, each as a sentence reads it; what
    # is not private is not named.
    words = left_out("their", WithPortfolio)
    assert words.startswith("their name, email, phone")
    assert words.endswith(" and portfolio link, and their interviewers' emails")
    public = [spec.label.lower() for _, spec in declared(WithPortfolio) if not spec.private]
    assert [label for label in public if label in words] == []


@dataclass(frozen=True)
class WithGitHub(Profile):
    github: str = field(default="", metadata=ask("GitHub profile", 200, private=True))


def test_a_private_field_named_with_capitals_inside_keeps_them_in_the_wording() -> None:
    assert " and GitHub profile, and your interviewers' emails" in left_out("your", WithGitHub)
