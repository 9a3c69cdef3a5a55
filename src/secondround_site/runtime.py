"""The self-hosted Pyodide runtime: find it in node_modules, check its version, list its files."""

from __future__ import annotations

import base64
import json
import re
from pathlib import Path

__all__ = [
    "LOCK_JSON",
    "PACKED_RUNTIME_FILES",
    "PYODIDE_FILE",
    "RUNTIME_FILES",
    "SHIPPED_RUNTIME_FILES",
    "STDLIB_ZIP",
    "WHEEL_FORMAT",
    "RuntimeMissing",
    "decoder_wasm",
    "pinned_version",
    "runtime_dir",
]

# Pyodide's files the kit's worker asks for by name (build.mjs's PYODIDE_FILE): the loader it
# imports, the module script the loader imports, and the WebAssembly.
PYODIDE_FILE: dict[str, str] = {
    "loader": "pyodide.mjs",
    "asm": "pyodide.asm.mjs",
    "wasm": "pyodide.asm.wasm",
}
STDLIB_ZIP = "python_stdlib.zip"
LOCK_JSON = "pyodide-lock.json"
# What the build reads from node_modules/pyodide (what bare loadPyodide() fetches).
RUNTIME_FILES: tuple[str, ...] = (*PYODIDE_FILE.values(), STDLIB_ZIP, LOCK_JSON)
# What the site ships as it is: the module scripts (imported, so the worker cannot unpack them).
# The WebAssembly ships zstd-compressed (packing.py), the standard library trimmed (stdlib.py)
# and compressed too, and the lock file inside build.mjs, cut down to its "info".
SHIPPED_RUNTIME_FILES: tuple[str, ...] = (PYODIDE_FILE["loader"], PYODIDE_FILE["asm"])
PACKED_RUNTIME_FILES: tuple[str, ...] = (PYODIDE_FILE["wasm"],)
# What pyodide.unpackArchive is told our wheel is.
WHEEL_FORMAT = "wheel"
# The zstd decoder the worker runs: zstd compiled to WebAssembly by the zstddec package (pinned in
# package.json), which carries it inside this module as base64.
DECODER = ("zstddec", "dist/zstddec-stream.mjs")
_EMBEDDED_WASM = re.compile(r'const wasm = "([A-Za-z0-9+/=]+)";')

FIX_COMMAND = "make setup"


class RuntimeMissing(RuntimeError):
    """node_modules/pyodide is absent, incomplete or not the pinned version."""


def pinned_version(root: Path, package: str = "pyodide") -> str:
    """The exact version of an npm package that package.json pins."""
    pin: str = json.loads((root / "package.json").read_text("utf-8"))["dependencies"][package]
    return pin


def _installed_version(folder: Path) -> str | None:
    manifest = folder / "package.json"
    if not manifest.is_file():
        return None
    found: str | None = json.loads(manifest.read_text("utf-8")).get("version")
    return found


def decoder_wasm(root: Path) -> tuple[bytes, str]:
    """zstd's decoder as WebAssembly, and the licences it comes under (zstddec's, zstd's).

    RuntimeMissing names the fix when zstddec is absent, not the pinned version, or no longer
    embeds the WebAssembly where this reads it.
    """
    package, module = DECODER
    wanted = pinned_version(root, package)
    folder = root / "node_modules" / package
    found = _installed_version(folder)
    if found != wanted or not (folder / module).is_file():
        raise RuntimeMissing(
            f"{package} {wanted} is not installed in node_modules/{package}: run `{FIX_COMMAND}`."
        )
    embedded = _EMBEDDED_WASM.search((folder / module).read_text("utf-8"))
    wasm = base64.b64decode(embedded[1]) if embedded else b""
    if not wasm.startswith(b"\0asm"):
        raise RuntimeMissing(
            f"{package} {wanted}'s {module} holds no WebAssembly where the build looks for it."
        )
    return wasm, (folder / "LICENSE").read_text("utf-8")


def runtime_dir(root: Path) -> Path:
    """The checked runtime folder, or RuntimeMissing with one line naming the fix."""
    wanted = pinned_version(root)
    folder = root / "node_modules" / "pyodide"
    found = _installed_version(folder)
    if found is None:
        raise RuntimeMissing(
            f"Pyodide {wanted} is not installed in node_modules/pyodide: run `{FIX_COMMAND}`."
        )
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
