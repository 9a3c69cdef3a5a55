"""Compiling ahead (bytecode.py): each module becomes bytecode, the same bytes every time, and a
module Pyodide cannot compile fails the build by name."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from secondround_site.bytecode import BytecodeFailed, compiled_zip

ROOT = Path(__file__).resolve().parents[2]
PYODIDE = ROOT / "node_modules" / "pyodide"
# PEP 552: a hash-based .pyc that is never checked against a source (there is none to check).
UNCHECKED_HASH = (1).to_bytes(4, "little")


def _zip(path: Path, entries: dict[str, str]) -> Path:
    with zipfile.ZipFile(path, "w") as out:
        for name, text in entries.items():
            out.writestr(name, text)
    return path


def test_each_module_becomes_bytecode_and_the_rest_stays_the_same_bytes(tmp_path: Path) -> None:
    source = _zip(
        tmp_path / "pkg.zip",
        {
            "pkg/__init__.py": "",
            "pkg/mod.py": "ORDER = {'b', 'a', 'c'}\ndef f():\n    return sorted(ORDER)\n",
            "pkg/table.json": '{"kept": true}',
        },
    )
    first = compiled_zip(source, PYODIDE, tmp_path / "one")
    second = compiled_zip(source, PYODIDE, tmp_path / "two")
    # Reproducible: a set's order does not leak into the bytes (the compiler's hash seed is fixed).
    assert first.path.read_bytes() == second.path.read_bytes()
    assert first.sha256 == second.sha256
    with zipfile.ZipFile(first.path) as out:
        assert sorted(out.namelist()) == ["pkg/__init__.pyc", "pkg/mod.pyc", "pkg/table.json"]
        assert out.read("pkg/table.json") == b'{"kept": true}'
        for name in ("pkg/__init__.pyc", "pkg/mod.pyc"):
            assert out.read(name)[4:8] == UNCHECKED_HASH


def test_a_module_pyodide_cannot_compile_fails_by_name(tmp_path: Path) -> None:
    source = _zip(tmp_path / "bad.zip", {"pkg/broken.py": "def f(:\n    pass\n"})
    with pytest.raises(BytecodeFailed, match=r"pkg/broken\.py"):
        compiled_zip(source, PYODIDE, tmp_path / "cache")
    # Nothing half-made is left behind to be taken for a result next time.
    assert not list((tmp_path / "cache").rglob("*.zip"))
