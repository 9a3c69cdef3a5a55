"""Build the secondround wheel offline and reproducibly, with the project's own backend."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

__all__ = ["BuiltWheel", "build_wheel"]


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
