"""The JavaScript and Python agree on the protocol: names come from build.mjs, edits apply alike."""

from __future__ import annotations

import ast
import json
import re
import subprocess
from functools import cache
from html.parser import HTMLParser
from itertools import pairwise
from pathlib import Path
from typing import Any, get_args, is_typeddict

import pytest

from secondround import protocol, worker
from secondround.app.render import diff
from secondround.app.update import HANDLERS
from secondround.protocol import (
    DATA_ATTRIBUTES,
    ENTRY_POINTS,
    EVENT_KINDS,
    EVENT_SHAPES,
    MESSAGE_KINDS,
    MESSAGE_SHAPES,
    STORAGE_PREFIX,
    WORKER_MODULE,
    EffectsSent,
    Shape,
    ShownView,
    ViewMessage,
    fields_of,
)
from secondround.worker import Session
from secondround_site import hook, kit_page, offline, runtime
from secondround_site.names import javascript_const, protocol_names
from secondround_site.paths import ASSET_DIR, BUILD_MODULE, DOM_SCRIPT, IMMUTABLE_PATH

ROOT = Path(__file__).resolve().parents[2]
OVERRIDES = ROOT / "overrides"
CORE = ROOT / "src" / "secondround"
SW_TEMPLATE = ROOT / "src" / "secondround_site" / offline.TEMPLATE
# The page templates' inline scripts ship too, inside every page.
TEMPLATES = sorted(OVERRIDES.glob("*.html"))
INLINE_SCRIPT = re.compile(r"<script[^>]*>(.*?)</script>", re.S)
# `const { A, B } = PROTOCOL;` in dom.js, and `import { A, B } from "./build.mjs"` elsewhere.
IMPORTED = re.compile(r"(?:import|const)\s*\{([^}]*)\}\s*(?:from\s*\"\./build\.mjs\"|=\s*PROTOCOL)")
# EVENT.field, FIELD.value, DATA.copy_from, PYODIDE_FILE.wasm: a generated object's member.
USED = re.compile(r"\b(EVENT|MESSAGE|FIELD|FAILURE|OP|STATUS|STEP|DATA|ENTRY|PYODIDE_FILE)\.(\w+)")


@cache
def _module(built_site: Path) -> dict[str, Any]:
    """build.mjs as JavaScript reads it: each export, and whether it is frozen."""
    script = (
        f"const m = await import({json.dumps((built_site / BUILD_MODULE).as_uri())});"
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


# --- What the scripts may not type: every name the protocol and the build declare for them.


def _strings(value: Any) -> set[str]:
    if isinstance(value, dict):
        return {s for v in value.values() for s in _strings(v)}
    if isinstance(value, list | tuple):
        return {s for v in value for s in _strings(v)}
    return {value} if isinstance(value, str) else set()


# Typed whole: an event or message kind, a field, a code, a status, a step, an op, an id, a key,
# an entry point, a data-* attribute, what Pyodide is told our wheel is.
DECLARED = _strings(protocol_names()) | {runtime.WHEEL_FORMAT}
# Typed in part: a key or cache name with a prefix glued on ("secondround:" + "probe"), a path
# ending in one of Pyodide's files, the Python module the worker imports.
PREFIXES = (STORAGE_PREFIX, *offline.CACHE_PREFIXES)
CONTAINED = (*runtime.RUNTIME_FILES, WORKER_MODULE)
# Any data-* attribute of ours, in a selector or a call; Material's own (data-md-*) are not.
OUR_DATA = re.compile(r"\bdata-(?!md-)")
# A data-* name typed as a property (t.dataset.copyFrom) is a name typed by hand too.
DATASET = re.compile(r"\bdataset\b")
# The browser's own event names ("storage", "input") are not ours.
DOM_EVENT = re.compile(r"addEventListener\(\s*$")
# A script's comments and string literals (double, single, template). Good enough for ours:
# their regular expression literals hold no quote and no "//".
TOKEN = re.compile(
    r"""(?P<comment>//[^\n]*|/\*.*?\*/)"""
    r"""|(?P<string>"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`)""",
    re.S,
)


def typed_by_hand(source: str) -> list[str]:
    """The declared names a script's code types as string literals (comments aside)."""
    found = []
    code = []
    last = 0
    for token in TOKEN.finditer(source):
        code.append(source[last : token.start()])
        last = token.end()
        literal = token["string"]
        if literal is None or DOM_EVENT.search(source[: token.start()][-40:]):
            continue
        text = literal[1:-1]
        if (
            text in DECLARED
            or text.startswith(PREFIXES)
            or any(name in text for name in CONTAINED)
            or OUR_DATA.search(text)
        ):
            found.append(text)
    code.append(source[last:])
    if DATASET.search(" ".join(code)):
        found.append("dataset")
    return found


TYPED = [
    'send({ type: "field", arg: f });',
    "if (message[FIELD.type] === 'progress') show();",
    "post(MESSAGE.step, { step: `wheel` });",
    'const clock = { "now_ms": Date.now() };',
    'node.getAttribute("data-field");',
    "kit.querySelector('[data-status]');",
    "const name = t.dataset.copyFrom;",
    'caches.open("pyodide-" + version);',
    'localStorage.getItem("secondround:view-cache");',
    'store.removeItem(PREFIX_ALIAS + "probe") || store.getItem("secondround:probe");',
    "pyodide.pyimport('secondround.worker');",
    'entry["handle_all"](text);',
    "fetchEarly(PYODIDE_URL + '/pyodide.asm.wasm');",
    'pyodide.unpackArchive(bytes, "wheel");',
    'if (name === "value") node.value = value;',
]
NOT_TYPED = [
    'send(EVENT.field, about(field, t.value)); // sends "field" with data-field, as "now_ms"',
    "/* kit.dataset was once read here: 'data-status' */ showStatus(STATUS.ready);",
    'window.addEventListener("storage", (event) => update(event));',
    'new Response(body, { headers: { "content-type": "application/wasm" } });',
    'document.body.setAttribute("data-md-color-switching", "");',
    "if (t.type === 'radio' && marked(DATA.field)) go(`#${id}`);",
    'const url = "https://example.org/";',
]


@pytest.mark.parametrize("source", TYPED)
def test_the_guard_sees_a_name_typed_by_hand(source: str) -> None:
    assert typed_by_hand(source) != []


@pytest.mark.parametrize("source", NOT_TYPED)
def test_the_guard_leaves_comments_generated_names_and_the_browsers_own_words(source: str) -> None:
    assert typed_by_hand(source) == []


def _template_pattern(template: str) -> re.Pattern[str]:
    """sw.js as the build writes it: the template, each placeholder one line of JSON."""
    parts = offline.PLACEHOLDER.split(template)
    # split() alternates text and placeholder names: the names become groups.
    return re.compile("".join(re.escape(p) if i % 2 == 0 else "(.*)" for i, p in enumerate(parts)))


def _hand_written(built_site: Path, shipped: Path) -> str | None:
    """What a shipped script was written from, once checked that the build only added
    generated declarations to it; None for build.mjs, which is nothing but them."""
    rel = shipped.relative_to(built_site).as_posix()
    text = shipped.read_text(encoding="utf-8")
    if rel == BUILD_MODULE:
        # Each line declares one export, as the hook writes its value, and nothing else.
        exports = _exports(built_site)
        for line in text.splitlines()[1:]:
            declared = re.fullmatch(r"export const (\w+) = (.*);", line)
            assert declared, f"{rel} holds more than declarations: {line[:60]}"
            value = exports[declared[1]]
            assert declared[2] in (json.dumps(value), javascript_const(value)), line[:60]
        return None
    if rel == offline.SCRIPT_NAME:
        template = SW_TEMPLATE.read_text(encoding="utf-8")
        filled = _template_pattern(template).fullmatch(text)
        assert filled, f"{rel} is not {SW_TEMPLATE.name} with its placeholders filled in"
        for value in filled.groups():
            json.loads(value)
        return template
    source = OVERRIDES / rel
    assert source.is_file(), f"{rel} is shipped, but this test does not know its source"
    written = source.read_text(encoding="utf-8")
    expected = hook.dom_script(written) if rel == DOM_SCRIPT else written
    assert text == expected, f"{rel} is not its source as the build writes it"
    return written


def _shipped_scripts(built_site: Path) -> list[Path]:
    scripts = [p for p in (built_site / ASSET_DIR).rglob("*") if p.suffix in (".js", ".mjs")]
    return [*sorted(scripts), built_site / offline.SCRIPT_NAME]


def _sources(built_site: Path) -> dict[str, str]:
    """Every script the site serves, as written by hand, by where it ships (or its template)."""
    out: dict[str, str] = {}
    for shipped in _shipped_scripts(built_site):
        written = _hand_written(built_site, shipped)
        if written is not None:
            out[shipped.relative_to(built_site).as_posix()] = written
    for template in TEMPLATES:
        inline = INLINE_SCRIPT.findall(template.read_text(encoding="utf-8"))
        out[template.name] = "\n".join(inline)
    return out


def test_the_site_ships_the_scripts_this_test_reads(built_site: Path) -> None:
    shipped = set(_sources(built_site))
    for name in ("kit.js", "dom.js", "worker.mjs", "unzstd.mjs"):
        assert f"{ASSET_DIR}/{name}" in shipped
    assert {offline.SCRIPT_NAME, "kit.html", "main.html"} <= shipped


def test_no_declared_name_is_typed_by_hand_in_a_shipped_script(built_site: Path) -> None:
    for name, source in _sources(built_site).items():
        assert typed_by_hand(source) == [], f"{name} types {typed_by_hand(source)}"


def test_every_name_the_scripts_use_is_one_the_build_generates(built_site: Path) -> None:
    exports = _exports(built_site)
    for name, source in _sources(built_site).items():
        for names in IMPORTED.findall(source):
            imported = {n.strip() for n in names.split(",") if n.strip()}
            assert imported <= set(exports), (name, imported - set(exports))
        for group, member in USED.findall(source):
            assert member in exports[group], f"{name}: {group}.{member} is not declared"


def test_the_scripts_get_the_protocols_names_frozen(built_site: Path) -> None:
    names = protocol_names()
    exports = _module(built_site)
    assert {key: exports[key] for key in names} == {key: [names[key], True] for key in names}
    assert exports["PYODIDE_FILE"] == [runtime.PYODIDE_FILE, True]
    # The patcher, a classic script, gets the same names in front of it (dom_script).
    dom = (built_site / DOM_SCRIPT).read_text(encoding="utf-8")
    assert f"\nconst PROTOCOL = {javascript_const(names)};\n" in dom


# --- Shapes: each kind has one, and what Python sends has the shape declared.


def _kinds(shapes: tuple[Shape, ...]) -> list[str]:
    return [kind for shape in shapes for kind in get_args(fields_of(shape)["type"])]


def test_every_kind_has_exactly_one_shape() -> None:
    assert sorted(_kinds(EVENT_SHAPES)) == sorted(EVENT_KINDS)
    assert sorted(_kinds(MESSAGE_SHAPES)) == sorted(MESSAGE_KINDS)


def _nested(hint: Any) -> list[Any]:
    """The shapes a field's type holds (EffectsSent in ViewMessage, DownloadSent in that)."""
    if is_typeddict(hint):
        return [hint, *(s for h in fields_of(hint).values() for s in _nested(h))]
    return [s for arg in get_args(hint) for s in _nested(arg)]


def test_every_field_of_every_shape_is_generated_for_the_scripts() -> None:
    # The messages both ways, what they hold, and the View the page keeps in storage.
    shapes = [
        s for top in (*EVENT_SHAPES, *MESSAGE_SHAPES, protocol.ViewCache) for s in _nested(top)
    ]
    assert protocol.DownloadSent in shapes
    names = {name for shape in shapes for name in fields_of(shape)}
    assert set(protocol_names()["FIELD"]) == names


def _keys_fit(value: dict[str, Any], shape: Shape) -> None:
    assert shape.__required_keys__ <= set(value) <= set(fields_of(shape)), (shape, sorted(value))


def test_the_workers_answers_have_the_declared_shape() -> None:
    session = Session()
    events = _session_events()
    replies = [json.loads(session.handle(json.dumps(e))) for e in events[:-1]]
    # And the downloads the View offers, before the kit is reset (one at least has a file).
    offered = [a["data-arg"] for a in _attrs(session.shown) if a.get("data-action") == "download"]
    for arg in offered:
        event = {"type": "download", "arg": arg, **CLOCK}
        replies.append(json.loads(session.handle(json.dumps(event))))
    replies.append(json.loads(session.handle(json.dumps(events[-1]))))
    downloads = [r["effects"]["download"] for r in replies if r["effects"]["download"]]
    assert downloads, offered
    for reply in replies:
        _keys_fit(reply, ViewMessage)
        _keys_fit(reply["view"], ShownView)
        _keys_fit(reply["effects"], EffectsSent)
    for download in downloads:
        _keys_fit(download, protocol.DownloadSent)


def test_the_entry_points_are_the_worker_modules_functions() -> None:
    assert worker.__name__ == WORKER_MODULE
    for name in ENTRY_POINTS:
        assert callable(getattr(worker, name)), name


# --- data-* attributes: declared once, written by Python, read by the scripts.


def _attrs(tree: Any) -> list[dict[str, Any]]:
    if isinstance(tree, str):
        return []
    _tag, attrs, *children = tree
    return [attrs, *(a for child in children for a in _attrs(child))]


def _core_data_attributes() -> set[str]:
    """Every data-* attribute the core's source writes (the protocol, which declares them,
    aside)."""
    found: set[str] = set()
    for path in CORE.rglob("*.py"):
        if path.name == "protocol.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and str(node.value).startswith("data-"):
                found.add(str(node.value))
    return found


class _Attributes(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.names.update(name for name, _ in attrs if name.startswith("data-"))


def test_every_data_attribute_python_writes_is_declared() -> None:
    views = set(get_args(protocol.ViewAttribute))
    kit = set(get_args(protocol.KitAttribute))
    # The views' source: every branch, the rare ones included.
    assert _core_data_attributes() == views
    # What they draw in a reader's session.
    drawn = {name for tree in _views() for a in _attrs(tree) for name in a if name[:5] == "data-"}
    assert drawn <= views, sorted(drawn - views)
    # The kit's own markup around the View.
    parser = _Attributes()
    parser.feed(kit_page.widget_html("build", "dom.js"))
    assert kit <= parser.names <= set(DATA_ATTRIBUTES), sorted(parser.names - set(DATA_ATTRIBUTES))


def test_every_declared_data_attribute_is_read_by_a_script(built_site: Path) -> None:
    read = {m for s in _sources(built_site).values() for g, m in USED.findall(s) if g == "DATA"}
    assert read == set(protocol_names()["DATA"])


# --- The service worker's and the worker's names.


def test_the_immutable_folders_are_the_ones_the_build_names(built_site: Path) -> None:
    exports = _exports(built_site)
    paths = {
        f"/{exports['PYODIDE_DIR']}/{runtime.PYODIDE_FILE['loader']}": True,
        f"/{exports['WHEEL_URL']}{exports['PACKED_SUFFIX']}": True,
        f"/{exports['STDLIB_URL']}{exports['PACKED_SUFFIX']}": True,
        f"/{BUILD_MODULE}": False,
        f"/{DOM_SCRIPT}": False,
        "/kit/": False,
        f"/{offline.SCRIPT_NAME}": False,
    }
    for path, immutable in paths.items():
        assert (built_site / path.lstrip("/")).exists() or path.endswith("/"), path
        assert bool(re.search(IMMUTABLE_PATH, path)) is immutable, path
    # JavaScript's RegExp, as sw.js makes it, reads the pattern alike.
    script = (
        "const [pattern, paths] = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        "process.stdout.write(JSON.stringify(paths.map((p) => new RegExp(pattern).test(p))));"
    )
    run = subprocess.run(
        ["node", "-e", script],
        input=json.dumps([IMMUTABLE_PATH, list(paths)]),
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(run.stdout) == list(paths.values())


# --- The page's patcher applies Python's edits as Python does.

CLOCK = {"now_ms": 1_795_689_000_000, "tz_offset_min": 0}


def _session_events() -> list[dict[str, Any]]:
    """A reader's session: typing, adding, removing, ticking."""
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
    return [{**event, **CLOCK} for event in events]


def _views() -> list[Any]:
    """Real trees, one per event of a reader's session."""
    session = Session()
    trees = []
    for event in _session_events():
        session.handle(json.dumps(event))
        trees.append(session.shown)
    return trees


def test_the_page_applies_pythons_edits_to_the_same_tree(built_site: Path) -> None:
    trees = _views()
    cases = [[old, diff(old, new), new] for old, new in pairwise(trees)]
    dom = built_site / DOM_SCRIPT
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
