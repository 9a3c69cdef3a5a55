"""The trimmed standard library: stripping only removes text; imports are checked by name."""

from __future__ import annotations

from pathlib import Path

import pytest

from secondround_site.stdlib import core_import_problems, kept_modules, module_of, strip_source

ROOT = Path(__file__).resolve().parents[2]
FULL = ROOT / "node_modules" / "pyodide" / "python_stdlib.zip"

SOURCE = b'''"""The module's docstring."""
from __future__ import annotations
# a comment line

class Empty(Exception):
    """Only a docstring."""

def one_liner(): "doc"; return 1

def template():
    """Multi-line
    docstring # with a hash
    """
    text = """kept
# not a comment

"""  # a trailing comment stays
    return text
'''


def test_stripping_drops_docstrings_comments_and_blank_lines_only() -> None:
    stripped = strip_source(SOURCE).decode()
    assert "docstring" not in stripped
    assert "# a comment line" not in stripped
    assert "\n\n" not in stripped.split('"""kept')[0]
    namespace: dict[str, object] = {}
    exec(compile(stripped, "<stripped>", "exec"), namespace)
    assert namespace["template"]() == "kept\n# not a comment\n\n"  # type: ignore[operator]
    assert namespace["one_liner"]() == 1  # type: ignore[operator]
    assert namespace["Empty"].__doc__ is None


@pytest.mark.parametrize(
    "source",
    [b"def f(:\n    pass\n", b"\xff\xfe not utf-8", b"# -*- coding: latin-1 -*-\n"],
    ids=["newer-or-bad-syntax", "not-utf-8", "encoding-line"],
)
def test_what_cannot_be_stripped_safely_ships_whole(source: bytes) -> None:
    assert strip_source(source) == source


@pytest.mark.parametrize(
    ("code", "problem"),
    [
        ("import csv\n", "imports csv"),
        ("from email import message\n", "imports email"),
        ("def f():\n    import sqlite3\n", "imports sqlite3"),
        ("import json\nfrom collections import OrderedDict\nimport js\n", None),
        ("from json import decoder\nfrom typing import Any\n", None),
    ],
    ids=["missing", "missing-from", "inside-a-function", "kept-or-builtin", "submodule-kept"],
)
def test_a_core_import_outside_the_trimmed_library_is_named(
    tmp_path: Path, code: str, problem: str | None
) -> None:
    package = tmp_path / "secondround"
    package.mkdir()
    (package / "mod.py").write_text(code, "utf-8")
    problems = core_import_problems(package, FULL, kept_modules())
    if problem is None:
        assert problems == []
    else:
        assert problems
        assert problems[0].startswith(f"secondround/mod.py:{code.count(chr(10))}")
        assert problem in problems[0]
        assert "add it to src/secondround_site/stdlib-modules.txt" in problems[0]


def test_the_real_core_imports_nothing_the_trimmed_library_lacks() -> None:
    assert core_import_problems(ROOT / "src" / "secondround", FULL, kept_modules()) == []


@pytest.mark.parametrize(
    ("entry", "module"),
    [
        ("json/decoder.py", "json.decoder"),
        ("json/__init__.py", "json"),
        ("json/", None),
        # The shipped zip holds bytecode.
        ("json/decoder.pyc", "json.decoder"),
        ("json/__init__.pyc", "json"),
        ("json/README.txt", None),
    ],
)
def test_module_of(entry: str, module: str | None) -> None:
    assert module_of(entry) == module
