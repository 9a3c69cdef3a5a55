"""view(model): the kit as an element tree, its bookmark token and what a screen reader hears."""

from __future__ import annotations

from typing import Any

from secondround.app.application_views import applications_section, summaries, today_across_all
from secondround.app.checklist_view import checklist_part, today_line
from secondround.app.drafts_view import answer_day, drafts_part, waiting_on
from secondround.app.form_view import profile_form, shown_errors
from secondround.app.keep_view import bookmark_token, keep_tools, notice_node
from secondround.app.model import Model
from secondround.app.render import el
from secondround.input.facts import Facts, facts_of
from secondround.input.profile import Profile
from secondround.plan.catchup import plan_for
from secondround.protocol import ROOT_ID
from secondround.saved.state import State, content
from secondround.writing.drafts import (
    drafts_for,
    other_drafts,
)

__all__ = ["view"]


def _announcement(facts: Facts, summary: str) -> str:
    names = [person.name for person in facts.people if person.name]
    who = f" for {', '.join(names)}" if names else ""
    return f"Drafts updated{who}." + (f" Checklist: {summary}." if summary else "")


def view(model: Model) -> dict[str, Any]:
    """The whole kit as JSON-ready data: the tree, the bookmark token and an announcement."""
    errors = shown_errors(model)
    state = model.state
    facts = facts_of(state.profile)
    # One plan per View: the Today line, the checklist and the drafts' dates read the same one.
    plan = plan_for(model.state, model.today)
    groups = drafts_for(facts, state.outcome, answer_day(plan))
    others = other_drafts(facts, state.outcome, waiting_on(model))
    checklist_node, summary = checklist_part(model, plan)
    listed = summaries(model, plan)
    # A blank kit (at most a holiday region chosen) has nothing to bookmark: the address bar
    # holds no token then.
    blank = State(profile=Profile(region=model.state.profile.region))
    bookmark = "" if content(model.state) == blank else bookmark_token(model.state)
    too_long = content(model.state) != blank and not bookmark
    tree = el(
        "div",
        {"id": ROOT_ID, "class": "sr-live"},
        el(
            "div",
            {"class": "sr-notices"},
            *[notice_node(i, n) for i, n in enumerate(model.notices)],
        ),
        today_across_all(model, listed),
        applications_section(model, listed),
        today_line(model, plan),
        el(
            "div",
            {"class": "sr-columns"},
            el(
                "div",
                {"class": "sr-col"},
                el("h2", {"id": "sr-form-h"}, "Your details"),
                profile_form(model, errors),
            ),
            el("div", {"class": "sr-col"}, checklist_node, drafts_part(model, groups, others)),
        ),
        keep_tools(model, bookmark, too_long),
    )
    return {"tree": tree, "bookmark": bookmark, "announce": _announcement(facts, summary)}
