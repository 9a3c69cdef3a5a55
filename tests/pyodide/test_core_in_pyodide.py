"""The core's unit suite, run again inside Pyodide (Python 3.14, WebAssembly) under Node."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from secondround_site.wheel import build_wheel

ROOT = Path(__file__).resolve().parents[2]
RUNNER = ROOT / "tests" / "pyodide" / "run_core_suite.mjs"
WHEELS = ROOT / ".cache" / "pyodide-wheels"


def test_the_core_suite_passes_inside_pyodide(tmp_path: Path) -> None:
    node = shutil.which("node")
    if node is None:
        pytest.fail("Node.js is needed to run Pyodide: install it, then run `make test`.")
    wheels = sorted(WHEELS.glob("*.whl"))
    assert wheels, "The test wheels for Pyodide are missing: run `make setup-test`."
    own = build_wheel(ROOT, tmp_path)
    result = subprocess.run(
        [
            node,
            str(RUNNER),
            str(own.path),
            str(ROOT / "tests" / "unit"),
            *map(str, wheels),
            "--",
            "-q",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    report = result.stdout[-4000:] + result.stderr[-4000:]
    assert result.returncode == 0, report
    assert re.search(r"inside CPython 3\.14\.\d+ emscripten", result.stdout), report
    summary = re.search(r"(\d+) passed", result.stdout)
    assert summary, report
    assert int(summary.group(1)) >= 100, report
    assert " failed" not in result.stdout.splitlines()[-1]
