"""The core's unit suite, run again inside Pyodide (Python 3.14, WebAssembly) under Node."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from background import Command, run
from secondround_site.wheel import build_wheel

ROOT = Path(__file__).resolve().parents[2]
RUNNER = ROOT / "tests" / "pyodide" / "run_core_suite.mjs"
WHEELS = ROOT / ".cache" / "pyodide-wheels"
IN_PYODIDE = "fast"


@run
def core_suite(work: Path) -> Command:
    node = shutil.which("node")
    if node is None:
        raise RuntimeError("Node.js is needed to run Pyodide: install it, then run `make test`.")
    wheels = sorted(WHEELS.glob("*.whl"))
    if not wheels:
        raise RuntimeError("The test wheels for Pyodide are missing: run `make setup-test`.")
    own = build_wheel(ROOT, work)
    args = [node, str(RUNNER), str(own.path), str(ROOT / "tests" / "unit"), *map(str, wheels)]
    # Hypothesis's fast profile here, whatever the session's: the thorough search of the inputs
    # runs on CPython (tests/unit), and this run checks the same properties on Pyodide's
    # platform. Thorough here too took some 55 s of CPU beside the browser tests, for no new
    # inputs.
    return Command([*args, "--", "-q"], timeout=900, env={"HYPOTHESIS_PROFILE": IN_PYODIDE})


def test_the_core_suite_passes_inside_pyodide() -> None:
    result = core_suite.result()
    report = result.stdout[-4000:] + result.stderr[-4000:]
    assert result.returncode == 0, report
    assert re.search(r"inside CPython 3\.14\.\d+ emscripten", result.stdout), report
    assert f"hypothesis profile: {IN_PYODIDE}" in result.stdout, report
    summary = re.search(r"(\d+) passed", result.stdout)
    assert summary, report
    assert int(summary.group(1)) >= 100, report
    assert " failed" not in result.stdout.splitlines()[-1]
