"""The core's layers: each package imports only those below it, and the protocol is a leaf."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import secondround.protocol

PROTOCOL = Path(secondround.protocol.__file__)


def _imported(source: str) -> set[str]:
    """Every module a source imports, anywhere in it (a relative import counts as ours)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            found.add("secondround" if node.level else node.module or "")
    return found


def _ours(modules: set[str]) -> set[str]:
    return {m for m in modules if m == "secondround" or m.startswith("secondround.")}


def test_the_scan_sees_every_way_of_importing_a_core_module() -> None:
    source = (
        "import json\n"
        "from secondround import model\n"
        "import secondround.views as v\n"
        "from . import render\n"
        "def late():\n"
        "    from secondround.app import update\n"
    )
    assert _ours(_imported(source)) == {"secondround", "secondround.views", "secondround.app"}


def test_the_protocol_imports_nothing_of_the_core() -> None:
    assert _ours(_imported(PROTOCOL.read_text(encoding="utf-8"))) == set()


@pytest.mark.skipif(sys.platform == "emscripten", reason="Pyodide starts no processes")
def test_importing_the_protocol_loads_no_other_core_module() -> None:
    # A fresh interpreter: in this one the other tests have long imported everything.
    code = (
        "import sys, secondround.protocol;"
        "print(sorted(m for m in sys.modules if m.startswith('secondround.')))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip() == "['secondround.protocol']"


# What draws randomness or reads the time: only the door may (worker.py), so update stays pure.
IMPURE = {"random", "secrets", "uuid", "time"}


def test_only_the_door_draws_randomness() -> None:
    core = PROTOCOL.parent
    for path in sorted(core.rglob("*.py")):
        if path.name == "worker.py":
            continue
        source = path.read_text(encoding="utf-8")
        assert _imported(source) & IMPURE == set(), path.name
        assert "urandom" not in source, path.name


CORE = PROTOCOL.parent
# Each package of the core and what it may import of the core: the input at the bottom, the
# saved data on it, the writing and the plan beside each other above, the app on top; the
# protocol is a leaf anyone may import, and the door (worker.py) sits above everything.
BELOW = {
    "input": {"input", "protocol"},
    "saved": {"saved", "input", "protocol"},
    "writing": {"writing", "saved", "input", "protocol"},
    "plan": {"plan", "saved", "input", "protocol"},
    "app": {"app", "writing", "plan", "saved", "input", "protocol"},
}


def _package_of(module: str) -> str:
    return module.removeprefix("secondround.").split(".")[0]


@pytest.mark.parametrize("package", sorted(BELOW))
def test_a_package_imports_only_the_layers_below_it(package: str) -> None:
    uphill = []
    for path in sorted((CORE / package).rglob("*.py")):
        for module in _ours(_imported(path.read_text(encoding="utf-8"))):
            if module == "secondround" or _package_of(module) not in BELOW[package]:
                uphill.append(f"{path.relative_to(CORE)} imports {module}")
    assert uphill == []


def test_every_core_module_is_in_a_package_but_the_protocol_and_the_door() -> None:
    loose = sorted(p.name for p in CORE.glob("*.py") if p.name != "__init__.py")
    assert loose == ["protocol.py", "worker.py"]
    assert {p.name for p in CORE.iterdir() if p.is_dir() and p.name != "__pycache__"} == set(BELOW)


# A module a newcomer reads in one sitting (the brief's "about 500 lines").
MOST_LINES = 500


def test_no_module_is_longer_than_a_sitting() -> None:
    long = {
        str(p.relative_to(CORE)): n
        for p in CORE.rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MOST_LINES
    }
    assert long == {}
