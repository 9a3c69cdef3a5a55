"""The self-hosted Pyodide runtime: find it in node_modules, check its version, list its files."""

from __future__ import annotations

import json
from pathlib import Path

__all__ = [
    "RUNTIME_FILES",
    "SHIPPED_RUNTIME_FILES",
    "RuntimeMissing",
    "pinned_version",
    "runtime_dir",
]

# What the build reads from node_modules/pyodide (what bare loadPyodide() fetches).
RUNTIME_FILES: tuple[str, ...] = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
)
# What the site ships as it is: the standard library goes trimmed (stdlib.py), and the lock file
# goes inside build.mjs, cut down to its "info".
SHIPPED_RUNTIME_FILES: tuple[str, ...] = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")

FIX_COMMAND = "make setup"


class RuntimeMissing(RuntimeError):
    """node_modules/pyodide is absent, incomplete or not the pinned version."""


def pinned_version(root: Path) -> str:
    """The exact pyodide version that package.json pins."""
    pin: str = json.loads((root / "package.json").read_text("utf-8"))["dependencies"]["pyodide"]
    return pin


def runtime_dir(root: Path) -> Path:
    """The checked runtime folder, or RuntimeMissing with one line naming the fix."""
    wanted = pinned_version(root)
    folder = root / "node_modules" / "pyodide"
    manifest = folder / "package.json"
    if not manifest.is_file():
        raise RuntimeMissing(
            f"Pyodide {wanted} is not installed in node_modules/pyodide: run `{FIX_COMMAND}`."
        )
    found = json.loads(manifest.read_text("utf-8")).get("version")
    if found != wanted:
        raise RuntimeMissing(
            f"node_modules/pyodide is {found}, but package.json pins {wanted}: run `{FIX_COMMAND}`."
        )
    missing = [name for name in RUNTIME_FILES if not (folder / name).is_file()]
    if missing:
        raise RuntimeMissing(
            f"node_modules/pyodide lacks {', '.join(missing)}: run `{FIX_COMMAND}`."
        )
    return folder
