"""MkDocs hook: ship the Pyodide runtime and the secondround wheel, render the kit and examples."""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from secondround_site import csp, examples, holiday_table, kit_page, offline
from secondround_site.bytecode import BytecodeFailed
from secondround_site.names import javascript_const, protocol_names
from secondround_site.packing import SUFFIX, Packed, packed
from secondround_site.paths import (
    BUILD_MODULE,
    DECODER,
    DECODER_LICENSE,
    DOM_SCRIPT,
    runtime_folder,
    wheel_folder,
)
from secondround_site.runtime import (
    LOCK_JSON,
    PACKED_RUNTIME_FILES,
    PYODIDE_FILE,
    SHIPPED_RUNTIME_FILES,
    STDLIB_ZIP,
    WHEEL_FORMAT,
    RuntimeMissing,
    decoder_wasm,
    pinned_version,
    runtime_dir,
)
from secondround_site.stdlib import (
    TrimmedStdlib,
    cached_trimmed_stdlib,
    compiled_stdlib,
    core_import_problems,
    kept_modules,
    trimmed_lock,
)
from secondround_site.wheel import BuiltWheel, build_wheel, compiled_wheel

EXAMPLE_MARKER = re.compile(
    r"^(?P<indent>[ \t]*)<!-- secondround:example (?P<kind>\w+) (?P<tone>\w+)"
    r"(?: (?P<role>\w+))? -->$",
    re.M,
)
KIT_MARKER = "<!-- secondround:kit -->"


@dataclass(frozen=True)
class Built:
    """What on_config prepared for this build, read by the later events."""

    root: Path
    stdlib: TrimmedStdlib
    # Pyodide's lock file (JSON text), with no packages.
    lock: str
    wheel: BuiltWheel
    # Names this build of the Python side (see build_id).
    build: str
    pyodide_version: str
    # What the worker fetches, each as `<name>.zst` (packing.py): the WebAssembly, the
    # library and the wheel, in that order.
    packed: tuple[Packed, ...]

    @property
    def pyodide_dir(self) -> str:
        return runtime_folder(self.pyodide_version)

    @property
    def wheel_uri(self) -> str:
        return f"{wheel_folder(self.wheel.sha256)}/{self.wheel.name}"

    def packed_uris(self) -> list[tuple[str, Packed]]:
        """Where each packed file goes: beside the name the worker asks for, plus SUFFIX."""
        folders = (self.pyodide_dir, self.pyodide_dir, self.wheel_uri.rsplit("/", 1)[0])
        return [
            (f"{folder}/{file.name}{SUFFIX}", file)
            for folder, file in zip(folders, self.packed, strict=True)
        ]


# MkDocs calls a hook module's functions with no object to keep state on: this is set once per
# build by on_config.
_built: Built | None = None
log = logging.getLogger("mkdocs.hooks.secondround")


def _current() -> Built:
    if _built is None:
        raise PluginError("the secondround hook's on_config did not run")
    return _built


def _root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _built
    root = _root(config)
    try:
        runtime = runtime_dir(root)
    except RuntimeMissing as problem:
        raise PluginError(str(problem)) from None
    # The holiday table goes inside the wheel, so it is brought up to date first.
    table = root / "src" / "secondround" / holiday_table.TABLE_PATH.name
    if holiday_table.ensure_current(table, root / ".cache" / "holidays"):
        log.info("Refreshed %s from the holidays package: commit it.", table)
    # A standard module the core imports but the trimmed zip lacks fails the build, by name.
    problems = core_import_problems(
        root / "src" / "secondround", runtime / STDLIB_ZIP, kept_modules()
    )
    if problems:
        raise PluginError("\n".join(problems))
    stdlib = cached_trimmed_stdlib(runtime / STDLIB_ZIP, root / ".cache" / "stdlib", kept_modules())
    # Both ship as bytecode: compiling the source was most of Python's start in the browser.
    try:
        stdlib = compiled_stdlib(stdlib, runtime, root / ".cache" / "stdlib-bytecode")
        wheel = compiled_wheel(
            build_wheel(root, root / ".cache" / "wheel"), runtime, root / ".cache" / "wheel"
        )
    except BytecodeFailed as problem:
        raise PluginError(str(problem)) from None
    version = pinned_version(root)
    cache = root / ".cache" / "packed"
    (wasm,) = (packed(runtime / name, cache / "runtime") for name in PACKED_RUNTIME_FILES)
    _built = Built(
        root=root,
        stdlib=stdlib,
        lock=trimmed_lock(runtime / LOCK_JSON),
        wheel=wheel,
        build=build_id(wheel, version),
        pyodide_version=version,
        packed=(wasm, packed(stdlib.path, cache / "stdlib"), packed(wheel.path, cache / "wheel")),
    )
    if str(root / "src") not in config.watch:
        config.watch.append(str(root / "src"))
    return config


def build_id(wheel: BuiltWheel, pyodide_version: str) -> str:
    """Names one build of the Python side: a cached View from another build is not trusted."""
    return f"{wheel.sha256[:16]}-{pyodide_version}"


def on_files(files: Files, config: MkDocsConfig) -> Files:
    built = _current()
    runtime = runtime_dir(built.root)
    for name in SHIPPED_RUNTIME_FILES:
        uri = f"{built.pyodide_dir}/{name}"
        files.append(File.generated(config, uri, abs_src_path=str(runtime / name)))
    # The library is named by its hash, in the runtime's folder: cached for good, and by the
    # kit's Retry too. Only the packed copies ship: nothing asks the site for the others.
    for uri, file in built.packed_uris():
        files.append(File.generated(config, uri, abs_src_path=str(file.path)))
    try:
        decoder, license_text = decoder_wasm(built.root)
    except RuntimeMissing as problem:
        raise PluginError(str(problem)) from None
    files.append(File.generated(config, DECODER, content=decoder))
    files.append(File.generated(config, DECODER_LICENSE, content=license_text))
    files.append(File.generated(config, BUILD_MODULE, content=build_module()))
    patcher = files.get_file_from_path(DOM_SCRIPT)
    if patcher is None or patcher.abs_src_path is None:
        raise PluginError(f"{DOM_SCRIPT} is missing from the theme overrides")
    source = Path(patcher.abs_src_path).read_text(encoding="utf-8")
    files.remove(patcher)
    files.append(File.generated(config, DOM_SCRIPT, content=dom_script(source)))
    return files


def dom_script(source: str) -> str:
    """The DOM patcher as the browser gets it: the protocol's names, then the patcher itself."""
    names = javascript_const(protocol_names())
    head = "// Generated by the MkDocs hook: secondround.protocol for this build."
    # In a block: instant navigation may run the script again, and a const is declared once.
    return f"{head}\n{{\nconst PROTOCOL = {names};\n{source}}}\n"


def build_module() -> str:
    """A tiny ES module the page and the worker import: no path or version is hard-coded in JS."""
    built = _current()
    facts = {
        "BUILD": built.build,
        "WHEEL_URL": built.wheel_uri,
        "PYODIDE_DIR": built.pyodide_dir,
        "STDLIB_URL": f"{built.pyodide_dir}/{built.stdlib.name}",
        # Pyodide's lock file, with no packages: the kit loads none (one download fewer).
        "LOCK_FILE": built.lock,
        "SERVICE_WORKER": offline.SCRIPT_NAME,
        "RUNTIME_CACHE": offline.runtime_cache(built.pyodide_version),
        "CACHE_PREFIXES": list(offline.CACHE_PREFIXES),
        # The kit gives up after this long with no byte arrived and no start-up step done; the
        # failure message names it (kit_page.STALL_SECONDS).
        "STALL_MS": kit_page.STALL_SECONDS * 1000,
        # The files the worker fetches as `<name>` + PACKED_SUFFIX and unpacks as they arrive.
        "PACKED_FILES": [file.name for file in built.packed],
        "PACKED_SUFFIX": SUFFIX,
        "DECODER_URL": DECODER,
        # What the worker downloads with fetch, by the name it fetches, as it goes over the
        # wire: the progress line's total (the module scripts are imported, not fetched, and
        # count as steps instead).
        "DOWNLOAD_BYTES": download_bytes(),
    }
    names = {
        # Pyodide's own files the worker asks for by name, and what it tells Pyodide our wheel is.
        "PYODIDE_FILE": PYODIDE_FILE,
        "WHEEL_FORMAT": WHEEL_FORMAT,
        # Event and message kinds and their fields, failure codes, load statuses and steps, op
        # kinds, storage keys, data-* attributes and the Python entry points: declared once, in
        # secondround.protocol.
        **protocol_names(),
    }
    lines = [f"export const {key} = {json.dumps(value)};" for key, value in facts.items()]
    # The names are frozen: a script that assigns to one fails at once.
    lines += [f"export const {key} = {javascript_const(value)};" for key, value in names.items()]
    return "// Generated by the MkDocs hook for this build.\n" + "\n".join(lines) + "\n"


def download_bytes() -> dict[str, int]:
    """Each file the worker fetches while it starts, with its size as the build wrote it."""
    return {file.name + SUFFIX: file.size for file in _current().packed}


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    def replace(match: re.Match[str]) -> str:
        try:
            html = examples.example_html(
                match["kind"], match["tone"], match["role"] or "hiring_manager"
            )
        except KeyError as unknown:
            raise PluginError(f"{page.file.src_uri}: unknown example {unknown}") from None
        return match["indent"] + html

    return EXAMPLE_MARKER.sub(replace, markdown)


# Inside a tab, Markdown does not see the example's HTML as a block and wraps it in a paragraph;
# a <figure> cannot sit in a <p>, so the wrapper goes.
WRAPPED_EXAMPLE = re.compile(r"<p>\s*(<figure class=\"sr-example\".*?</figure>)\s*</p>", re.S)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    html = WRAPPED_EXAMPLE.sub(r"\1", html)
    if KIT_MARKER not in html:
        return html
    dom_script = get_relative_url(DOM_SCRIPT, page.url)
    return html.replace(KIT_MARKER, kit_page.widget_html(_current().build, dom_script))


def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    # The policy goes into every page before the service worker hashes the pages it keeps.
    csp.write_policy(site)
    # Last, once every file is written: the service worker lists them and is named by their hash.
    offline.write_service_worker(site, _current().pyodide_version)
