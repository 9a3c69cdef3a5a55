"""The JavaScript and Python agree on the protocol: names come from build.mjs, edits apply alike."""

from __future__ import annotations

import json
import re
import subprocess
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import Any

from secondround.app.render import diff
from secondround.app.update import HANDLERS
from secondround.protocol import EVENT_KINDS, STORAGE_PREFIX
from secondround.worker import Session
from secondround_site import offline
from secondround_site.names import javascript_const, protocol_names

ROOT = Path(__file__).resolve().parents[2]
OVERRIDES = ROOT / "overrides"
SCRIPTS = sorted(
    p for p in OVERRIDES.rglob("*") if p.suffix in (".js", ".mjs", ".html") and p.is_file()
)
# `const { A, B } = PROTOCOL;` in dom.js, and `import { A, B } from "./build.mjs"` elsewhere.
IMPORTED = re.compile(r"(?:import|const)\s*\{([^}]*)\}\s*(?:from\s*\"\./build\.mjs\"|=\s*PROTOCOL)")
# EVENT.field, FIELD.value, DATA.copy_from, PYODIDE_FILE.wasm: a generated object's member.
USED = re.compile(r"\b(EVENT|MESSAGE|FIELD|FAILURE|OP|STATUS|STEP|DATA|ENTRY|PYODIDE_FILE)\.(\w+)")
# The browser's own event names ("storage", "input") are not ours.
DOM_EVENT = re.compile(r"addEventListener\(\s*\"\w+\"")
QUOTED = re.compile(r"""["'`]([^"'`\n]*)["'`]""")


@cache
def _module(built_site: Path) -> dict[str, Any]:
    """build.mjs as JavaScript reads it: each export, and whether it is frozen."""
    module = (built_site / "assets/secondround/build.mjs").as_uri()
    script = (
        f"const m = await import({json.dumps(module)});"
        "process.stdout.write(JSON.stringify(Object.fromEntries(Object.entries(m).map("
        "([k, v]) => [k, [v, typeof v !== 'object' || Object.isFrozen(v)]]))));"
    )
    run = subprocess.run(
        ["node", "--input-type=module", "-e", script], capture_output=True, text=True, check=True
    )
    found: dict[str, Any] = json.loads(run.stdout)
    return found


def _exports(built_site: Path) -> dict[str, Any]:
    return {name: value for name, (value, _) in _module(built_site).items()}


def test_every_event_kind_has_a_handler_and_every_handler_a_declared_kind() -> None:
    assert set(HANDLERS) == set(EVENT_KINDS) - {"boot"}


def test_every_name_the_scripts_import_is_one_the_build_generates(built_site: Path) -> None:
    exports = _exports(built_site)
    for script in SCRIPTS:
        text = script.read_text(encoding="utf-8")
        for names in IMPORTED.findall(text):
            imported = {n.strip() for n in names.split(",") if n.strip()}
            assert imported <= set(exports), (script.name, imported - set(exports))
        for group, name in USED.findall(text):
            assert name in exports[group], f"{script.name}: {group}.{name} is not declared"


def test_the_scripts_get_the_protocols_names_frozen(built_site: Path) -> None:
    names = protocol_names()
    exports = _module(built_site)
    assert {key: exports[key] for key in names} == {key: [names[key], True] for key in names}
    # The patcher, a classic script, gets the same names in front of it (dom_script).
    dom = (built_site / "assets/secondround/dom.js").read_text(encoding="utf-8")
    assert f"\nconst PROTOCOL = {javascript_const(names)};\n" in dom


def _declared_strings() -> set[str]:
    """Every name and key the protocol declares, plus the offline copy's cache names."""
    out: set[str] = set()
    for value in protocol_names().values():
        if isinstance(value, dict):
            out.update(value.values())
        elif isinstance(value, list):
            out.update(value)
        else:
            out.add(value)
    # Cache names start so: a name typed whole or in part would bypass build.mjs.
    out.update(offline.CACHE_PREFIXES)
    return out


def test_no_declared_name_is_typed_by_hand_in_the_overrides() -> None:
    declared = _declared_strings()
    for script in SCRIPTS:
        text = DOM_EVENT.sub("", script.read_text(encoding="utf-8"))
        typed = {s for s in QUOTED.findall(text) if s in declared}
        # A key typed with a prefix glued on ("secondround:" + "probe") is still a key.
        prefixes = (STORAGE_PREFIX, *offline.CACHE_PREFIXES)
        typed |= {s for s in QUOTED.findall(text) if s.startswith(prefixes)}
        assert typed == set(), f"{script.relative_to(ROOT)} types {sorted(typed)}"


def _views() -> list[Any]:
    """Real trees, one per event of a reader's session: typing, adding, removing, ticking."""
    session = Session()
    clock = {"now_ms": 1_795_689_000_000, "tz_offset_min": 0}
    events: list[dict[str, Any]] = [
        {"type": "boot", "storage": {}, "saving": True},
        {"type": "field", "arg": "name", "value": "Ada Obi"},
        {"type": "field", "arg": "company", "value": "Brightwater <Labs>"},
        {"type": "add_interviewer"},
        {"type": "field", "arg": "interviewers.1.name", "value": "Sam"},
        {"type": "check", "arg": "email-p1", "value": True},
        {"type": "edit_start", "arg": "p1:email"},
        {"type": "edit", "arg": "p1:email", "value": "Dear Dana,\n\nMy own words."},
        {"type": "outcome", "value": "offer"},
        {"type": "remove_interviewer", "arg": "1"},
        {"type": "remove_interviewer", "arg": "1"},
        {"type": "undo_remove"},
        {"type": "reset"},
    ]
    trees = []
    for event in events:
        session.handle(json.dumps({**event, **clock}))
        trees.append(session.shown)
    return trees


def test_the_page_applies_pythons_edits_to_the_same_tree(built_site: Path) -> None:
    trees = _views()
    cases = [[old, diff(old, new), new] for old, new in pairwise(trees)]
    dom = built_site / "assets/secondround/dom.js"
    script = (
        "globalThis.self = globalThis;"
        f"(0, eval)(require('fs').readFileSync({json.dumps(str(dom))}, 'utf8'));"
        "const cases = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        "const out = cases.map(([old, ops]) => self.secondroundDom.editTree(old, ops));"
        "process.stdout.write(JSON.stringify(out));"
    )
    run = subprocess.run(
        ["node", "-e", script], input=json.dumps(cases), capture_output=True, text=True, check=True
    )
    applied = json.loads(run.stdout)
    assert all(ops for _, ops, _ in cases)  # every step changed something on screen
    assert applied == [new for _, _, new in cases]
