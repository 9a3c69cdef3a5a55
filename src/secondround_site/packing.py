"""The kit's three big downloads as zstd frames, which the worker unpacks as they arrive.

Hosts gzip the WebAssembly on the way (3.5 MB) and send a zip as it is. zstd at level 19 makes
the WebAssembly 2.9 MB, and, over a zip whose entries are stored, compresses across modules:
the bytecode library goes from 0.85 MB (deflated entries) to 0.62 MB. On a phone link every
100 KB is half a second.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import shutil
from dataclasses import dataclass
from pathlib import Path

import zstandard

__all__ = ["LEVEL", "SUFFIX", "Packed", "packed", "unpacked_bytes"]

SUFFIX = ".zst"
# Level 19 keeps zstd's window at 8 MB, what the decoder in the reader's browser must hold;
# 22 would make it 128 MB, for under 0.1% fewer bytes.
LEVEL = 19


@dataclass(frozen=True)
class Packed:
    """A file as the site ships it: `<name>.zst`, beside nothing else of that name."""

    path: Path
    # The file's name before packing, the one Pyodide and the worker ask for.
    name: str

    @property
    def size(self) -> int:
        return self.path.stat().st_size


@functools.cache
def _source_digest(path: Path, mtime_ns: int, size: int) -> str:
    # The runtime's 9.6 MB WebAssembly is read once per version, not on every build of `make serve`.
    return hashlib.sha256(path.read_bytes()).hexdigest()


def packed(source: Path, cache: Path) -> Packed:
    """source compressed at LEVEL, made once per version of it (level 19 takes seconds)."""
    stat = source.stat()
    key = hashlib.sha256(
        f"{_source_digest(source, stat.st_mtime_ns, stat.st_size)} {LEVEL} "
        f"{importlib.metadata.version('zstandard')}".encode()
    ).hexdigest()[:16]
    out = cache / key / (source.name + SUFFIX)
    if not out.is_file():
        out.parent.mkdir(parents=True, exist_ok=True)
        partial = out.with_name(out.name + ".part")
        # The frame records the content size, so a decoder knows the end without guessing.
        compressor = zstandard.ZstdCompressor(level=LEVEL, write_content_size=True)
        partial.write_bytes(compressor.compress(source.read_bytes()))
        partial.rename(out)
        _prune(cache, keep=_used_keys(cache, key))
    return Packed(path=out, name=source.name)


def _used_keys(cache: Path, new: str) -> set[str]:
    # A few builds' worth: the wasm, the library and the wheel each have a folder, and the
    # tests build sites from other configs with the same inputs.
    folders = sorted(cache.iterdir(), key=lambda p: p.stat().st_mtime, reverse=True)
    return {new, *(folder.name for folder in folders[:12])}


def _prune(cache: Path, keep: set[str]) -> None:
    for folder in cache.iterdir():
        if folder.is_dir() and folder.name not in keep:
            shutil.rmtree(folder, ignore_errors=True)


def unpacked_bytes(path: Path) -> bytes:
    """What a packed file holds (for the build's checks and the tests)."""
    return zstandard.ZstdDecompressor().decompress(path.read_bytes())
