"""Where the build puts what the browser loads, relative to the site root."""

from __future__ import annotations

__all__ = [
    "ASSET_DIR",
    "BUILD_MODULE",
    "DECODER",
    "DECODER_LICENSE",
    "DOM_SCRIPT",
    "IMMUTABLE_PATH",
    "runtime_folder",
    "wheel_folder",
]

ASSET_DIR = "assets/secondround"
BUILD_MODULE = f"{ASSET_DIR}/build.mjs"
# The DOM patcher is a classic script (it runs before the first paint, see kit_page.py), so it
# cannot import build.mjs: the build puts the same declarations in front of it instead.
DOM_SCRIPT = f"{ASSET_DIR}/dom.js"
# zstd's decoder as WebAssembly, which the worker runs to unpack the packed downloads, and the
# licences it comes under.
DECODER = f"{ASSET_DIR}/zstd.wasm"
DECODER_LICENSE = f"{ASSET_DIR}/zstd.wasm.LICENSE.txt"

# The runtime's folder names its version and the wheel's its hash, so a host may cache both
# for good.
_RUNTIME_ROOT = "pyodide"
_WHEEL_FOLDER = f"{ASSET_DIR}/wheel-"


def runtime_folder(pyodide_version: str) -> str:
    return f"{_RUNTIME_ROOT}/{pyodide_version}"


def wheel_folder(wheel_sha256: str) -> str:
    return f"{_WHEEL_FOLDER}{wheel_sha256[:12]}"


# A URL path inside either folder: its file never changes, so the service worker serves it from
# its cache first (sw.js). One pattern for Python's re and JavaScript's RegExp alike.
IMMUTABLE_PATH = f"/({_RUNTIME_ROOT}/[^/]+|{_WHEEL_FOLDER}[0-9a-f]+)/"
