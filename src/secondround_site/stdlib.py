"""The trimmed standard library: what Pyodide's start-up and the core import, as a stable zip."""

from __future__ import annotations

import _imp
import ast
import hashlib
import io
import json
import shutil
import sys
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from secondround_site.bytecode import compiled_zip

__all__ = [
    "LIST_PATH",
    "TrimmedStdlib",
    "build_trimmed_stdlib",
    "cached_trimmed_stdlib",
    "compiled_stdlib",
    "core_import_problems",
    "kept_modules",
    "module_of",
    "strip_source",
    "trimmed_lock",
]

# The modules kept, one a line: every module Pyodide's start-up, the worker's steps and the
# core load from the standard library (tests/pyodide/test_trimmed_stdlib.py records them).
LIST_PATH = "stdlib-modules.txt"
# Fixed entry metadata, so the same modules give the same bytes (and the same name) every build.
_STAMP = (1980, 1, 1, 0, 0, 0)
_MODE = 0o100644 << 16


@dataclass(frozen=True)
class TrimmedStdlib:
    path: Path
    sha256: str
    modules: tuple[str, ...]

    @property
    def name(self) -> str:
        return self.path.name


def module_of(entry: str) -> str | None:
    """The module a zip entry holds ("json/decoder.py" or its bytecode "json/decoder.pyc" ->
    "json.decoder"), or None."""
    for suffix in (".py", ".pyc"):
        if entry.endswith(suffix):
            return entry[: -len(suffix)].removesuffix("/__init__").replace("/", ".")
    return None


def kept_modules() -> tuple[str, ...]:
    """The list's module names, comments and blank lines left out."""
    text = files("secondround_site").joinpath(LIST_PATH).read_text("utf-8")
    lines = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return tuple(sorted({line for line in lines if line}))


def _entries(source: zipfile.ZipFile, modules: Iterable[str]) -> list[str]:
    by_module = {module_of(n): n for n in source.namelist() if module_of(n)}
    wanted: set[str] = set()
    unknown = []
    for module in modules:
        entry = by_module.get(module)
        if entry is None:
            unknown.append(module)
            continue
        wanted.add(entry)
        # A package's parents come too, with their folders, as in Pyodide's own zip.
        parts = entry.split("/")[:-1]
        for depth in range(1, len(parts) + 1):
            folder = "/".join(parts[:depth])
            wanted.add(folder + "/")
            wanted.add(folder + "/__init__.py")
    if unknown:
        raise ValueError(
            f"{LIST_PATH} names modules Pyodide's standard library does not have: "
            + ", ".join(sorted(unknown))
        )
    return sorted(n for n in wanted if n in set(source.namelist()))


def _docstrings(tree: ast.AST) -> Iterable[tuple[ast.expr, bool]]:
    """Each docstring, and whether it is the module's (whose body may be left empty)."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            first = node.body[0] if node.body else None
            if (
                isinstance(first, ast.Expr)
                and isinstance(first.value, ast.Constant)
                and isinstance(first.value.value, str)
            ):
                yield first.value, isinstance(node, ast.Module)


def strip_source(source: bytes) -> bytes:
    """The module without docstrings, comment lines and blank lines: what `python -OO` drops.

    A module the build's Python cannot parse (newer syntax) ships whole, and so does any result
    that would not compile: this only ever removes text, never changes code.
    """
    try:
        text = source.decode("utf-8")
        tree = ast.parse(text)
    except (SyntaxError, UnicodeDecodeError, ValueError):
        return source
    lines = text.splitlines(keepends=True)
    # Lines inside a string literal are the string's own: never touched.
    in_string: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant | ast.JoinedStr) and node.end_lineno != node.lineno:
            in_string.update(range(node.lineno, (node.end_lineno or node.lineno) + 1))
    # Each docstring becomes `pass` (a body may hold nothing else; a module's may, and its
    # `from __future__` imports must come first), from the last one up so the positions of
    # those before it stay right.
    found = sorted(_docstrings(tree), key=lambda d: (d[0].lineno, d[0].col_offset), reverse=True)
    for doc, of_module in found:
        first, last = doc.lineno - 1, (doc.end_lineno or doc.lineno) - 1
        head = lines[first].encode()[: doc.col_offset].decode()
        tail = lines[last].encode()[doc.end_col_offset or 0 :].decode()
        blank = of_module and not head.strip() and not tail.strip()
        lines[first : last + 1] = ["" if blank else head + "pass" + tail] + [""] * (last - first)
        in_string.difference_update(range(doc.lineno, last + 2))
    kept = []
    for number, line in enumerate(lines, 1):
        bare = line.strip()
        # The first two lines may declare the file's encoding: they stay.
        if number > 2 and number not in in_string and (not bare or bare.startswith("#")):
            continue
        kept.append(line)
    stripped = "".join(kept)
    try:
        compile(stripped, "<stripped>", "exec", dont_inherit=True)
    except SyntaxError:
        return source
    return stripped.encode("utf-8")


def build_trimmed_stdlib(source: Path, out_dir: Path, modules: Iterable[str]) -> TrimmedStdlib:
    """Write python_stdlib-<hash>.zip into out_dir: the listed modules of source, nothing else."""
    modules = tuple(sorted(set(modules)))
    buffer = io.BytesIO()
    with zipfile.ZipFile(source) as full, zipfile.ZipFile(buffer, "w") as out:
        for name in _entries(full, modules):
            info = zipfile.ZipInfo(name, _STAMP)
            info.external_attr = _MODE if not name.endswith("/") else (0o40755 << 16) | 0x10
            info.create_system = 3
            # Compressed inside the zip: most hosts do not gzip a .zip on the way.
            info.compress_type = zipfile.ZIP_STORED if name.endswith("/") else zipfile.ZIP_DEFLATED
            data = full.read(name)
            out.writestr(
                info, strip_source(data) if name.endswith(".py") else data, compresslevel=9
            )
    data = buffer.getvalue()
    digest = hashlib.sha256(data).hexdigest()
    out_dir.mkdir(parents=True, exist_ok=True)
    for old in out_dir.glob("python_stdlib-*.zip"):
        old.unlink()
    path = out_dir / f"python_stdlib-{digest[:12]}.zip"
    path.write_bytes(data)
    return TrimmedStdlib(path=path, sha256=digest, modules=modules)


def cached_trimmed_stdlib(source: Path, cache: Path, modules: Iterable[str]) -> TrimmedStdlib:
    """build_trimmed_stdlib, done again only when its inputs change (it takes a few seconds)."""
    modules = tuple(sorted(set(modules)))
    key = hashlib.sha256()
    key.update(hashlib.sha256(source.read_bytes()).digest())
    key.update("\n".join(modules).encode())
    key.update(Path(__file__).read_bytes())
    # Which sources the build's Python can parse (and so strip) depends on its version.
    key.update(sys.version.encode())
    folder = cache / key.hexdigest()[:16]
    found = sorted(folder.glob("python_stdlib-*.zip"))
    if len(found) == 1:
        data = found[0].read_bytes()
        return TrimmedStdlib(found[0], hashlib.sha256(data).hexdigest(), modules)
    if cache.is_dir():
        shutil.rmtree(cache)
    return build_trimmed_stdlib(source, folder, modules)


def compiled_stdlib(trimmed: TrimmedStdlib, pyodide: Path, cache: Path) -> TrimmedStdlib:
    """The trimmed zip as Pyodide's bytecode (bytecode.py), named after its own bytes."""
    compiled = compiled_zip(trimmed.path, pyodide, cache)
    # Beside it, in the folder named by its inputs (a new build there clears the old ones).
    path = compiled.path.parent / "named" / f"python_stdlib-{compiled.sha256[:12]}.zip"
    if not path.is_file():
        path.parent.mkdir(exist_ok=True)
        shutil.copyfile(compiled.path, path)
    return TrimmedStdlib(path=path, sha256=compiled.sha256, modules=trimmed.modules)


def trimmed_lock(source: Path) -> str:
    """Pyodide's lock file with no packages: the kit loads none, and Pyodide checks only "info"."""
    info = json.loads(source.read_text("utf-8"))["info"]
    return json.dumps({"info": info, "packages": {}}, sort_keys=True, separators=(",", ":"))


def _imports(tree: ast.AST) -> Iterable[tuple[str, int]]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module, node.lineno
            for alias in node.names:
                yield f"{node.module}.{alias.name}", node.lineno


def core_import_problems(package: Path, source: Path, kept: Iterable[str]) -> list[str]:
    """Each import in the core's sources of a standard module the trimmed zip leaves out."""
    with zipfile.ZipFile(source) as full:
        in_stdlib = {m for m in map(module_of, full.namelist()) if m}
    kept = set(kept)
    problems = []
    for path in sorted(package.rglob("*.py")):
        for name, line in _imports(ast.parse(path.read_text("utf-8"), str(path))):
            # "from a import b" names a module only when a/b.py exists; else b is an attribute.
            # Frozen modules (os, stat, codecs...) are compiled into the interpreter, Pyodide's
            # as CPython's: they never come from the zip.
            if name in in_stdlib and name not in kept and not _imp.is_frozen(name):
                problems.append(
                    f"{path.relative_to(package.parent).as_posix()}:{line} imports {name},"
                    f" which the trimmed standard library leaves out: add it to"
                    f" src/secondround_site/{LIST_PATH}"
                )
    return problems
