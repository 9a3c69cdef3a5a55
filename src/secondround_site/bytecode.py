"""Python compiled ahead for the browser: Pyodide, under Node at build time, makes the bytecode."""

from __future__ import annotations

import functools
import hashlib
import shutil
import subprocess
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

__all__ = ["BytecodeFailed", "Compiled", "compiled_zip", "file_digest"]

SCRIPT = "compile_bytecode.mjs"
# Compiling boots Pyodide under Node (a few seconds): slow enough to be worth a failure that
# says what to do, not a hang.
TIMEOUT_S = 300


class BytecodeFailed(RuntimeError):
    """Node is missing, or Pyodide could not compile a module (the message says which)."""


@dataclass(frozen=True)
class Compiled:
    path: Path
    sha256: str


def _script() -> Path:
    return Path(str(files("secondround_site").joinpath("assets", SCRIPT)))


@functools.cache
def _digest(path: Path, mtime_ns: int, size: int) -> bytes:
    return hashlib.sha256(path.read_bytes()).digest()


def file_digest(path: Path) -> bytes:
    """A file's SHA-256, read once per version of it: the runtime is 12 MB, and `make serve`
    builds again on every edit."""
    stat = path.stat()
    return _digest(path, stat.st_mtime_ns, stat.st_size)


def compiled_zip(source: Path, pyodide: Path, cache: Path) -> Compiled:
    """source with every .py entry compiled to .pyc by the Pyodide in `pyodide`, in `cache`.

    The name is source's own; the folder is named after everything the bytes depend on (the
    source, the compiler script, the runtime), so it is compiled again only when one changes.
    """
    key = hashlib.sha256(hashlib.sha256(source.read_bytes()).digest())
    for part in (_script(), pyodide / "pyodide.asm.wasm", pyodide / "python_stdlib.zip"):
        key.update(file_digest(part))
    folder = cache / key.hexdigest()[:16]
    out = folder / source.name
    if not out.is_file():
        node = shutil.which("node")
        if node is None:
            raise BytecodeFailed(
                "Node.js is needed to compile the kit's Python ahead: install it, then run"
                " `make setup`."
            )
        if cache.is_dir():
            shutil.rmtree(cache)
        folder.mkdir(parents=True)
        partial = folder / (source.name + ".part")
        done = subprocess.run(
            [node, str(_script()), str(pyodide), str(source), str(partial)],
            capture_output=True,
            text=True,
            timeout=TIMEOUT_S,
            check=False,
        )
        if done.returncode != 0:
            shutil.rmtree(folder)
            lines = [line for line in done.stderr.splitlines() if len(line) < 400]
            raise BytecodeFailed(
                f"Pyodide could not compile {source.name}:\n" + "\n".join(lines[-15:])
            )
        partial.rename(out)
    return Compiled(path=out, sha256=hashlib.sha256(out.read_bytes()).hexdigest())
