"""Drive the kit's core as the page's worker does: every event kind, many profiles, downloads.

Run inside Pyodide (tests/pyodide/core_imports.mjs) against the trimmed standard library: any
module the core needs that the trimmed zip lacks raises here, with its name. It imports only
what the worker itself imports (json, and the core), so it pulls in nothing the kit would not.
"""

from __future__ import annotations

import json
from typing import Any

from secondround import app, worker
from secondround.app.model import STATE_KEY
from secondround.input.profile import MAX_INTERVIEWERS
from secondround.saved.applications import APP_PREFIX, HOME_KEY

# 2026-11-26 10:30 UTC; and a few other clocks: the year's end, a leap day, far west and east.
CLOCKS: list[dict[str, Any]] = [
    {"now_ms": 1_795_689_000_000, "tz_offset_min": 0},
    {"now_ms": 1_798_675_200_000, "tz_offset_min": 660},
    {"now_ms": 1_709_164_800_000, "tz_offset_min": -840},
    {"now_ms": 1_798_761_599_000, "tz_offset_min": 300},  # New Year's Eve, UTC-5
]
# A clock the page never sends: the door refuses an event with it, and update's own fallback
# (a fixed day) still copes when handed one.
BROKEN_CLOCK = {"now_ms": "soon", "tz_offset_min": "x"}

HOSTILE = '<script>alert("x")</script> & \u202eevil\u202c \x00\x07 \U0001f44b \ud800 e\u0301'


# Each profile: the text fields, interviewers as (name, title, email, tone), qualifications.
PROFILES: list[dict[str, Any]] = [
    {
        "fields": {"name": "Ada Lovelace", "company": "Analytical Engines", "position": "Analyst"},
        "dates": ("2026-11-24", "2026-12-02"),
        "people": [("Charles Babbage", "Founder", "cb@example.com", "formal")],
        "quals": ("maths", "", ""),
    },
    {
        "fields": {
            "name": "Zoë Ñúñez-O’Brien",
            "email": "zoe@example.org",
            "phone": "+44 20 7946 0958",
            "company": "Société Générale d’Études",
            "position": "Ingénieure",
            "discussed": "the new\nplatform, line two\n\nand a third paragraph",
            "availability": "mornings; not Fridays",
        },
        "dates": ("2026-12-31", "2027-01-15"),
        "people": [
            ("Jürgen Groß", "CTO", "jg@example.de", "relaxed"),
            ("李小龍", "", "", "formal"),
            ("محمد", "مدير", "not an email", "relaxed"),
        ],
        "quals": ("Python", "Rust", "leading a team"),
    },
    {
        "fields": {"name": HOSTILE, "company": HOSTILE, "position": "x" * 5000},
        "dates": ("2026-02-30", "yesterday"),
        "people": [(HOSTILE, HOSTILE, HOSTILE, "shouty")] * MAX_INTERVIEWERS,
        "quals": (HOSTILE, "y" * 10_000, ""),
    },
    {
        "fields": {"name": "", "company": "", "position": ""},
        "dates": ("", ""),
        "people": [("", "", "", "formal")],
        "quals": ("", "", ""),
    },
    {
        "fields": {"name": "Sam", "company": "Northwind", "position": "Data Analyst"},
        "dates": ("2026-11-27", "2026-11-20"),
        "people": [("Priya Shah", "Head of Analytics", "priya@example.com", "relaxed")] * 2,
        "quals": ("SQL", "", "dashboards"),
    },
    {
        "fields": {"name": "Leap Day", "company": "Calendars Inc.", "position": "Planner"},
        "dates": ("2028-02-29", "2028-03-01"),
        "people": [("Kim", "Lead", "kim@example.com", "formal")],
        "quals": ("", "", ""),
    },
]


class Driver:
    """One worker session, the way the page's worker uses it, with what it saw recorded."""

    def __init__(self, clock: dict[str, Any], storage: dict[str, str] | None = None) -> None:
        self.clock = clock
        self.session = worker.Session()
        self.kinds: set[str] = set()
        self.shown: dict[str, Any] = {}
        self.send("boot", storage=storage or {}, saving=True, build="drive")

    def send(self, kind: str, **fields: Any) -> dict[str, Any]:
        before = self.session.model
        event = {"type": kind, **self.clock, **fields}
        reply = json.loads(self.session.handle(json.dumps(event)))
        assert reply["type"] == "view", reply
        model = self.session.model
        assert model is not None
        if worker.FAILED_EVENT in model.notices and (
            before is None or worker.FAILED_EVENT not in before.notices
        ):
            # The session keeps the reader's checklist when an event fails: run the event
            # again outside it, so the real error (a missing module, say) is what is raised.
            assert before is not None
            app.update(before, event)
            raise AssertionError(f"{kind} failed inside the session but not outside it")
        self.kinds.add(kind)
        # What the page would read: the View and, beside it, the effects.
        self.shown = {**reply["view"], **reply["effects"]}
        return self.shown

    def check_ids(self) -> list[str]:
        assert self.session.shown is not None
        out: list[str] = []

        def walk(node: Any) -> None:
            if isinstance(node, list):
                attrs = node[1] if len(node) > 1 and isinstance(node[1], dict) else {}
                if attrs.get("data-action") == "check":
                    out.append(str(attrs["data-arg"]))
                for child in node[2:]:
                    walk(child)

        walk(self.session.shown)
        return out


def drive_profile(profile: dict[str, Any], clock: dict[str, Any]) -> set[str]:
    d = Driver(clock)
    for name, value in profile["fields"].items():
        d.send("field", arg=name, value=value)
        if name == "name":
            # The first edit cleared the example; keep its other details, then start over.
            d.send("keep_example")
            d.send("reset")
            d.send("field", arg=name, value=value)
    d.send("field", arg="interview_date", value=profile["dates"][0])
    d.send("field", arg="decision_date", value=profile["dates"][1])
    for i, qualification in enumerate(profile["quals"]):
        d.send("field", arg=f"qualifications.{i}", value=qualification)
    for i, (name, title, email, tone) in enumerate(profile["people"]):
        if i:
            d.send("add_interviewer")
        for part, value in (("name", name), ("title", title), ("email", email), ("tone", tone)):
            d.send("field", arg=f"interviewers.{i}.{part}", value=value)
    d.send("field", arg="region", value="GB-ENG")
    d.send("flag", arg="remote", value=True)
    d.send("flag", arg="prefer_email", value=True)
    d.send("leave", arg="name")
    d.send("add_interviewer")
    # Removal asks first, then removes; Undo brings the person back.
    d.send("remove_interviewer", arg="0")
    d.send("remove_interviewer", arg="0")
    d.send("undo_remove")
    d.send("remove_interviewer", arg="0")
    d.send("remove_interviewer", arg="0")
    d.send("remove_interviewer", arg="99")
    d.send("edit_start", arg="p1:email")
    d.send("edit", arg="p1:email", value=HOSTILE)
    d.send("edit_done")
    d.send("unedit", arg="p1:email")
    d.send("edit", arg="p2:card", value="My own card.")
    for step in d.check_ids():
        d.send("check", arg=step, value=True)
    for step in d.check_ids()[:2]:
        d.send("check", arg=step, value=False)
    for outcome in ("offer", "not_hired", "bogus", "waiting", "not_hired"):
        d.send("outcome", value=outcome)
    calendar = d.send("download", arg="ics")["download"]
    assert calendar is None or calendar["text"].startswith("BEGIN:VCALENDAR"), calendar
    exported = d.send("download", arg="json")["download"]
    assert exported["filename"].endswith(".json"), exported
    d.send("download", arg="pdf")
    bookmark = d.shown["bookmark"]
    # Several applications: add, copy, switch, archive and back, delete and Undo, one calendar.
    first = d.session.model.state.id if d.session.model else ""
    d.send("app_add")
    d.send("field", arg="company", value=profile["fields"]["company"] + " II")
    d.send("app_copy")
    d.send("app_switch", arg=first)
    d.send("app_switch", arg="no-such-application")
    d.send("app_archive")
    d.send("app_unarchive")
    d.send("app_delete")
    d.send("app_undelete")
    d.send("app_delete", arg="no-such-application")
    d.send("app_switch", arg=first)
    everything = d.send("download", arg="ics_all")["download"]
    assert everything is None or everything["text"].startswith("BEGIN:VCALENDAR"), everything
    exported = d.send("download", arg="json")["download"]

    # The exported file imported in another browser, and the bookmark opened in a third.
    other = Driver(clock, {STATE_KEY: '{"broken'})
    other.send("field", arg="name", value="Someone else")
    other.send("import", value=exported["text"])
    other.send("restore")
    other.send("import", value="not a checklist")
    other.send("dismiss", arg="0")
    other.send("storage", arg=STATE_KEY, value=exported["text"])
    other.send("storage", arg=STATE_KEY, value="{}")
    other.send("storage", arg=HOME_KEY, value=exported["text"])
    other.send("storage", arg=APP_PREFIX + "x", value="{}")
    other.send("storage", arg=APP_PREFIX + "x", value=None)
    other.send("storage", arg="another-key", value="x")
    third = Driver(clock)
    third.send("mount", value="#" + bookmark)
    third.send("mount", value="#sr1.not-a-real-bookmark")
    third.send("field", arg="name", value="Mine now")
    third.send("mount", value="#" + bookmark)
    third.send("saving_off")
    third.send("reset")
    third.send("restore")
    third.send("mount", value="#shared-" + bookmark)
    third.send("forget")
    third.send("forget", arg="cancel")
    third.send("forget")
    third.send("forget", arg="confirm")
    third.send("unforget")
    third.send("no_such_event")
    for garbage in ("", "not json", "[1, 2]", "null"):
        third.session.handle(garbage)
    return d.kinds | other.kinds | third.kinds


def drive_failure() -> None:
    """An event that raises: the session's own error path (traceback) runs too."""
    d = Driver(CLOCKS[0])
    names = vars(worker)  # the session calls update() through the module's own names
    real = names["update"]

    def broken(model: Any, event: Any) -> Any:
        raise RuntimeError("a deliberate failure")

    names["update"] = broken
    try:
        event = {"type": "field", "arg": "name", "value": "Ada"}
        reply = json.loads(d.session.handle(json.dumps(event)))
    finally:
        names["update"] = real
    assert reply["type"] == "view"
    assert d.session.model is not None
    assert worker.FAILED_EVENT in d.session.model.notices


def drive_broken_clock() -> None:
    """A broken clock: a boot still starts the kit; a later event is refused, the kit unchanged."""
    session = worker.Session()
    boot = {"type": "boot", "storage": {}, "saving": True, **BROKEN_CLOCK}
    assert json.loads(session.handle(json.dumps(boot)))["type"] == "view"
    before = session.model
    assert before is not None
    typed = {"type": "field", "arg": "name", "value": "Ada", **BROKEN_CLOCK}
    assert "ops" in json.loads(session.handle(json.dumps(typed)))["view"]
    assert session.model is before
    after, _ = app.update(before, typed)
    assert after.state.profile.name == "Ada"


def main() -> dict[str, Any]:
    kinds: set[str] = {"boot"}
    profiles = 0
    for clock in CLOCKS:
        for profile in PROFILES:
            kinds |= drive_profile(profile, clock)
            profiles += 1
    drive_failure()
    drive_broken_clock()
    for step in range(40):
        worker.rehearse(step)
    missing = sorted(set(app.HANDLERS) - kinds)
    assert not missing, f"event kinds this driver never sends: {missing}"
    return {"kinds": sorted(kinds), "profiles": profiles}


if __name__ == "__main__":
    print(json.dumps(main()))
