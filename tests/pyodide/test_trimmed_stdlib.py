"""The trimmed standard library the site ships: the core runs on it alone, and it misses nothing.

The trimmed run uses what the site ships: the zip and the wheel as Pyodide's bytecode. Both runs
start Pyodide under Node as the kit's worker does and drive the core through every
event kind and many profiles (drive_core.py). A module the zip lacks fails here, by name.
"""

from __future__ import annotations

import functools
import json
import re
import shutil
import tempfile
import threading
import zipfile
from pathlib import Path
from typing import Any

import pytest

from background import Command, Run, run
from secondround.app.update import HANDLERS
from secondround_site.stdlib import (
    LIST_PATH,
    TrimmedStdlib,
    build_trimmed_stdlib,
    compiled_stdlib,
    kept_modules,
    module_of,
    trimmed_lock,
)
from secondround_site.wheel import build_wheel, compiled_wheel

ROOT = Path(__file__).resolve().parents[2]
PYODIDE = ROOT / "node_modules" / "pyodide"
RUNNER = ROOT / "tests" / "pyodide" / "core_imports.mjs"
DRIVER = ROOT / "tests" / "pyodide" / "drive_core.py"
FIX = f"add it to src/secondround_site/{LIST_PATH}"


_lock = threading.Lock()


@functools.cache
def _built() -> tuple[TrimmedStdlib, Path, Path]:
    """The trimmed zip and its lock file, and the wheel, as the site ships them (compiled to
    bytecode): built once, for both runs and tests."""
    work = Path(tempfile.mkdtemp(prefix="secondround-stdlib-"))
    trimmed = build_trimmed_stdlib(PYODIDE / "python_stdlib.zip", work / "stdlib", kept_modules())
    trimmed = compiled_stdlib(trimmed, PYODIDE, work / "stdlib-bytecode")
    lock = work / "lock.json"
    lock.write_text(trimmed_lock(PYODIDE / "pyodide-lock.json"), "utf-8")
    wheel = compiled_wheel(build_wheel(ROOT, work / "wheel"), PYODIDE, work / "wheel")
    return trimmed, lock, wheel.path


def built() -> tuple[TrimmedStdlib, Path, Path]:
    with _lock:
        return _built()


def _drive(*options: str) -> Command:
    node = shutil.which("node")
    if node is None:
        raise RuntimeError("Node.js is needed to run Pyodide: install it, then run `make test`.")
    _, _, wheel = built()
    return Command([node, str(RUNNER), str(wheel), str(DRIVER), *options], timeout=600)


@run
def on_the_trimmed_library(work: Path) -> Command:
    trimmed, lock, _ = built()
    return _drive("--stdlib", str(trimmed.path), "--lock", str(lock))


@run
def on_the_full_library(work: Path) -> Command:
    return _drive()


@pytest.fixture(scope="module")
def trimmed() -> TrimmedStdlib:
    return built()[0]


def report_of(driven: Run) -> dict[str, Any]:
    result = driven.result()
    missing = re.findall(r"No module named '([\w.]+)'", result.stderr)
    assert not missing, f"the trimmed standard library lacks {sorted(set(missing))}: {FIX}"
    assert result.returncode == 0, result.stderr[-4000:]
    report: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    assert set(HANDLERS) <= set(report["driven"]["kinds"]), report["driven"]
    assert report["driven"]["profiles"] >= 20
    return report


def test_the_core_runs_on_the_trimmed_standard_library_alone(trimmed: TrimmedStdlib) -> None:
    report = report_of(on_the_trimmed_library)
    # It really ran on the trimmed zip: nothing it loaded lies outside it.
    shipped = set(zipfile.ZipFile(trimmed.path).namelist())
    assert set(report["stdlib_modules"].values()) <= shipped


def test_every_standard_module_the_core_loads_is_kept(trimmed: TrimmedStdlib) -> None:
    """With the full library, every module read from it must be in the trimmed zip too."""
    report = report_of(on_the_full_library)
    # The full library holds sources ("x.py"), the shipped zip bytecode ("x.pyc").
    shipped = {module_of(name) for name in zipfile.ZipFile(trimmed.path).namelist()}
    missing = sorted(
        name for name, file in report["stdlib_modules"].items() if module_of(file) not in shipped
    )
    assert missing == [], f"the trimmed standard library lacks {missing}: {FIX}"
    # And the list holds nothing that nobody loads.
    loaded = {module_of(file) for file in report["stdlib_modules"].values()}
    assert sorted(set(kept_modules()) - loaded) == []
