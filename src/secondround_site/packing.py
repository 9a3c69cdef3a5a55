"""The kit's three big downloads as zstd frames, which the worker unpacks as they arrive.

Hosts gzip the WebAssembly on the way (3.5 MB) and send a zip as it is. zstd at level 19 makes
the WebAssembly 2.9 MB, and, over a zip whose entries are stored, compresses across modules:
the bytecode library goes from 0.85 MB (deflated entries) to 0.62 MB. On a phone link every
100 KB is half a second.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import shutil
from dataclasses import dataclass
from pathlib import Path

import zstandard

from secondround_site.bytecode import file_digest

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


def packed(source: Path, cache: Path) -> Packed:
    """source compressed at LEVEL, in `cache` (one per packed file), made once per version of
    it: level 19 takes seconds. A new version clears the cache of the old one."""
    key = hashlib.sha256(
        f"{file_digest(source).hex()} {LEVEL} {importlib.metadata.version('zstandard')}".encode()
    ).hexdigest()[:16]
    out = cache / key / (source.name + SUFFIX)
    if not out.is_file():
        if cache.is_dir():
            shutil.rmtree(cache)
        out.parent.mkdir(parents=True)
        partial = out.with_name(out.name + ".part")
        # The frame records the content size, so a decoder knows the end without guessing.
        compressor = zstandard.ZstdCompressor(level=LEVEL, write_content_size=True)
        partial.write_bytes(compressor.compress(source.read_bytes()))
        partial.rename(out)
    return Packed(path=out, name=source.name)


def unpacked_bytes(path: Path) -> bytes:
    """What a packed file holds (for the build's checks and the tests)."""
    return zstandard.ZstdDecompressor().decompress(path.read_bytes())
