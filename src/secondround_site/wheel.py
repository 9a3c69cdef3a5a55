"""Build the secondround wheel offline and reproducibly, with the project's own backend."""

from __future__ import annotations

import base64
import hashlib
import zipfile
from dataclasses import dataclass
from pathlib import Path

from secondround_site.bytecode import compiled_zip

__all__ = ["BuiltWheel", "build_wheel", "compiled_wheel"]


@dataclass(frozen=True)
class BuiltWheel:
    path: Path
    sha256: str

    @property
    def name(self) -> str:
        return self.path.name


def build_wheel(root: Path, out_dir: Path) -> BuiltWheel:
    """Build `secondround-<version>-py3-none-any.whl` into out_dir; same sources, same bytes."""
    # hatchling's reproducible mode pins every zip timestamp and sorts entries; it needs no
    # network because the backend runs in-process from the venv instead of an isolated env.
    from hatchling.builders.wheel import WheelBuilder

    out_dir.mkdir(parents=True, exist_ok=True)
    for old in out_dir.glob("secondround-*.whl"):
        old.unlink()
    builder = WheelBuilder(root=str(root))
    (built,) = builder.build(directory=str(out_dir), versions=["standard"])
    path = Path(built)
    return BuiltWheel(path=path, sha256=hashlib.sha256(path.read_bytes()).hexdigest())


def _record_line(name: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}"


def compiled_wheel(wheel: BuiltWheel, pyodide: Path, cache: Path) -> BuiltWheel:
    """The wheel with its modules as Pyodide's bytecode (bytecode.py), its RECORD to match.

    Its entries are stored, as the compiled zip's are: the site ships it zstd-compressed.
    """
    compiled = compiled_zip(wheel.path, pyodide, cache / "bytecode")
    # Beside the compiled zip, in the folder named by its inputs: made once, like it.
    out = compiled.path.parent / "with-record" / wheel.name
    if out.is_file():
        return BuiltWheel(path=out, sha256=hashlib.sha256(out.read_bytes()).hexdigest())
    out.parent.mkdir(exist_ok=True)
    with zipfile.ZipFile(compiled.path) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename.endswith(".dist-info/RECORD"):
                lines = [
                    _record_line(entry.filename, source.read(entry))
                    for entry in source.infolist()
                    if entry.filename != info.filename and not entry.filename.endswith("/")
                ]
                data = "\n".join([*lines, f"{info.filename},,", ""]).encode()
            target.writestr(info, data, compress_type=zipfile.ZIP_STORED)
    return BuiltWheel(path=out, sha256=hashlib.sha256(out.read_bytes()).hexdigest())
