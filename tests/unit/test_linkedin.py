"""The reader's LinkedIn profile: one declaration, signed under their name, never shared."""

from __future__ import annotations

import json
from typing import Any

import pytest
from steps import boot, effects, update

from secondround.app import view
from secondround.app.model import Model
from secondround.input.facts import facts_of
from secondround.input.validate import validate
from secondround.saved.codec import from_bookmark, from_storage
from secondround.writing.drafts import drafts_for

CLOCK = {"now_ms": 1_795_689_000_000, "tz_offset_min": 0, "language": "en-GB"}
PROFILE_URL = "https://www.linkedin.com/in/ada-okafor"


def ev(kind: str, **fields: Any) -> dict[str, Any]:
    return {"type": kind, **CLOCK, **fields}


def _typed(*pairs: tuple[str, str]) -> Model:
    model = boot({}, True, CLOCK)
    for arg, value in (("name", "Ada Okafor"), ("email", "ada@example.org"), *pairs):
        model = update(model, ev("field", arg=arg, value=value))
    return model


def _walk(node: Any) -> Any:
    if isinstance(node, list):
        yield node
        for child in node[2:]:
            yield from _walk(child)


def test_it_is_in_the_form_with_the_readers_own_details() -> None:
    tree = view(_typed())["tree"]
    (box,) = [n for n in _walk(tree) if n[1].get("data-field") == "linkedin"]
    assert (box[0], box[1]["type"], box[1]["maxlength"]) == ("input", "url", "200")
    you = next(n for n in _walk(tree) if n[0] == "fieldset" and "sr-f-linkedin" in json.dumps(n))
    assert "sr-f-email" in json.dumps(you)


@pytest.mark.parametrize(
    ("typed", "problem"),
    [
        (PROFILE_URL, False),
        ("", False),
        ("http://www.linkedin.com/in/ada-okafor", True),
        ("linkedin.com/in/ada-okafor", True),
        ("Ada Okafor on LinkedIn", True),
    ],
)
def test_only_an_https_address_is_taken(typed: str, problem: bool) -> None:
    model = _typed(("linkedin", typed))
    found = validate(model.state.profile).get("linkedin", [])
    assert bool(found) == problem
    assert all("https://" in message for message in found)


def test_emails_and_letters_are_signed_with_it_under_the_name() -> None:
    profile = _typed(("linkedin", PROFILE_URL), ("phone", "+44 20 7946 0000")).state.profile
    for outcome in ("waiting", "offer", "not_hired"):
        for group in drafts_for(facts_of(profile), outcome):
            for draft in group.drafts:
                signed = PROFILE_URL in draft.body
                # The handwritten card and the spoken scripts carry no address.
                assert signed == (draft.kind not in ("card", "call", "voicemail")), draft.kind
                if signed:
                    tail = draft.body.splitlines()[-4:]
                    assert tail == [
                        "Ada Okafor",
                        "ada@example.org",
                        "+44 20 7946 0000",
                        PROFILE_URL,
                    ]


def test_an_address_that_is_not_one_signs_nothing() -> None:
    profile = _typed(("linkedin", "http://example.org/ada")).state.profile
    bodies = [d.body for g in drafts_for(facts_of(profile)) for d in g.drafts]
    assert not [body for body in bodies if "example.org/ada" in body]


def test_the_bookmark_and_the_export_keep_it_and_the_link_for_feedback_leaves_it_out() -> None:
    model = _typed(("linkedin", PROFILE_URL))
    shown = view(model)
    assert from_bookmark(shown["bookmark"]).profile.linkedin == PROFILE_URL
    (feedback,) = [
        n[1]["data-copy-link"]
        for n in _walk(shown["tree"])
        if n[1].get("data-copy-link", "").startswith("#shared-")
    ]
    assert from_bookmark(feedback.removeprefix("#shared-")).profile.linkedin == ""
    exported = update(model, ev("download", arg="json"))
    download = effects(exported).download
    assert download is not None
    (application,) = json.loads(download.text)["applications"]
    assert application["state"]["profile"]["linkedin"] == PROFILE_URL


def test_it_is_the_same_in_every_application_and_kept_across_a_visit() -> None:
    storage: dict[str, str] = {}
    model = boot({}, True, CLOCK)
    for arg, value in (("name", "Ada Okafor"), ("linkedin", PROFILE_URL), ("company", "Acme")):
        model = update(model, ev("field", arg=arg, value=value))
        storage.update(effects(model).writes)
    model = update(model, ev("app_add"))
    storage.update(effects(model).writes)
    assert model.state.profile.linkedin == PROFILE_URL
    again = boot(storage, True, CLOCK)
    assert len(again.shelf.entries) == 2
    assert {e.state.profile.linkedin for e in again.shelf.entries} == {PROFILE_URL}


def test_an_application_saved_before_the_field_existed_opens_without_it() -> None:
    text = '{"app":"secondround","schema":2,"state":{"profile":{"name":"Ada Okafor"}}}'
    assert from_storage(text).profile.linkedin == ""
