"""The core's layers: the protocol is a leaf, so nothing it declares can drag the view up."""

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
    for path in sorted(core.glob("*.py")):
        if path.name == "worker.py":
            continue
        source = path.read_text(encoding="utf-8")
        assert _imported(source) & IMPURE == set(), path.name
        assert "urandom" not in source, path.name
