"""MkDocs hook: ship the Pyodide runtime and the secondround wheel, render the kit and examples."""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

from secondround import model
from secondround_site import csp, examples, holiday_table, kit_page, offline
from secondround_site.runtime import (
    SHIPPED_RUNTIME_FILES,
    RuntimeMissing,
    pinned_version,
    runtime_dir,
)
from secondround_site.stdlib import (
    TrimmedStdlib,
    cached_trimmed_stdlib,
    core_import_problems,
    kept_modules,
    trimmed_lock,
)
from secondround_site.wheel import BuiltWheel, build_wheel

# Where the build puts what the browser loads, relative to the site root. The runtime's folder
# names its version and the wheel's names its hash, so a host may cache both for good.
ASSET_DIR = "assets/secondround"
BUILD_MODULE = f"{ASSET_DIR}/build.mjs"

EXAMPLE_MARKER = re.compile(
    r"^(?P<indent>[ \t]*)<!-- secondround:example (?P<kind>\w+) (?P<tone>\w+)"
    r"(?: (?P<role>\w+))? -->$",
    re.M,
)
KIT_MARKER = "<!-- secondround:kit -->"
# loadPyodide() imports pyodide.mjs and pyodide.asm.mjs as modules; it fetches the WebAssembly
# and the (trimmed) standard library, and reads the lock file from build.mjs.
FETCHED_RUNTIME_FILES = ("pyodide.asm.wasm",)

_built: dict[str, Any] = {}
log = logging.getLogger("mkdocs.hooks.secondround")


def _root(config: Any) -> Path:
    return Path(config.config_file_path).resolve().parent


def on_config(config: Any) -> Any:
    root = _root(config)
    try:
        runtime = runtime_dir(root)
    except RuntimeMissing as problem:
        raise PluginError(str(problem)) from None
    # The holiday table goes inside the wheel, so it is brought up to date first.
    table = root / "src" / "secondround" / holiday_table.TABLE_PATH.name
    if holiday_table.ensure_current(table):
        log.info("Refreshed %s from the holidays package: commit it.", table)
    # A standard module the core imports but the trimmed zip lacks fails the build, by name.
    problems = core_import_problems(
        root / "src" / "secondround", runtime / "python_stdlib.zip", kept_modules()
    )
    if problems:
        raise PluginError("\n".join(problems))
    stdlib = cached_trimmed_stdlib(
        runtime / "python_stdlib.zip", root / ".cache" / "stdlib", kept_modules()
    )
    wheel = build_wheel(root, root / ".cache" / "wheel")
    version = pinned_version(root)
    _built.update(
        stdlib=stdlib,
        lock=trimmed_lock(runtime / "pyodide-lock.json"),
        root=root,
        wheel=wheel,
        build=build_id(wheel, version),
        pyodide_dir=f"pyodide/{version}",
        pyodide_version=version,
        wheel_uri=f"{ASSET_DIR}/wheel-{wheel.sha256[:12]}/{wheel.name}",
    )
    if str(root / "src") not in config.watch:
        config.watch.append(str(root / "src"))
    return config


def build_id(wheel: BuiltWheel, pyodide_version: str) -> str:
    """Names one build of the Python side: a cached View from another build is not trusted."""
    return f"{wheel.sha256[:16]}-{pyodide_version}"


def on_files(files: Files, config: Any) -> Files:
    root = _root(config)
    runtime = runtime_dir(root)
    for name in SHIPPED_RUNTIME_FILES:
        uri = f"{_built['pyodide_dir']}/{name}"
        files.append(File.generated(config, uri, abs_src_path=str(runtime / name)))
    # Named by its hash, in the runtime's folder: cached for good, and by the kit's Retry too.
    stdlib: TrimmedStdlib = _built["stdlib"]
    uri = f"{_built['pyodide_dir']}/{stdlib.name}"
    files.append(File.generated(config, uri, abs_src_path=str(stdlib.path)))
    wheel: BuiltWheel = _built["wheel"]
    files.append(File.generated(config, _built["wheel_uri"], abs_src_path=str(wheel.path)))
    files.append(File.generated(config, BUILD_MODULE, content=build_module()))
    return files


def build_module() -> str:
    """A tiny ES module the page and the worker import: no path or version is hard-coded in JS."""
    consts = {
        "BUILD": _built["build"],
        "WHEEL_URL": _built["wheel_uri"],
        "PYODIDE_DIR": _built["pyodide_dir"],
        "STDLIB_URL": f"{_built['pyodide_dir']}/{_built['stdlib'].name}",
        # Pyodide's lock file, with no packages: the kit loads none (one download fewer).
        "LOCK_FILE": _built["lock"],
        "SERVICE_WORKER": offline.SCRIPT_NAME,
        "RUNTIME_CACHE": offline.runtime_cache(_built["pyodide_version"]),
        "CACHE_PREFIXES": list(offline.CACHE_PREFIXES),
        # Keys and tokens the page handles without reading them: declared once, in Python.
        "STORAGE_PREFIX": model.STORAGE_PREFIX,
        "BOOKMARK_PREFIX": model.BOOKMARK_PREFIX,
        # The kit gives up after this long with no byte arrived and no start-up step done; the
        # failure message names it (kit_page.STALL_SECONDS).
        "STALL_MS": kit_page.STALL_SECONDS * 1000,
        # What the worker downloads with fetch, by file name, decompressed: the progress line's
        # total (the module scripts are imported, not fetched, and count as steps instead).
        "DOWNLOAD_BYTES": download_bytes(),
    }
    lines = [f"export const {key} = {json.dumps(value)};" for key, value in consts.items()]
    return "// Generated by the MkDocs hook for this build.\n" + "\n".join(lines) + "\n"


def download_bytes() -> dict[str, int]:
    """Each file the worker fetches while it starts, with its size as the build wrote it."""
    runtime = runtime_dir(_built["root"])
    sizes = {name: (runtime / name).stat().st_size for name in FETCHED_RUNTIME_FILES}
    stdlib: TrimmedStdlib = _built["stdlib"]
    sizes[stdlib.name] = stdlib.path.stat().st_size
    wheel: BuiltWheel = _built["wheel"]
    sizes[wheel.name] = wheel.path.stat().st_size
    return sizes


def on_page_markdown(markdown: str, page: Any, config: Any, files: Files) -> str:
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


def on_page_content(html: str, page: Any, config: Any, files: Files) -> str:
    html = WRAPPED_EXAMPLE.sub(r"\1", html)
    if KIT_MARKER not in html:
        return html
    dom_script = get_relative_url(f"{ASSET_DIR}/dom.js", page.url)
    return html.replace(KIT_MARKER, kit_page.widget_html(_built["build"], dom_script))


def on_post_build(config: Any) -> None:
    site = Path(config.site_dir)
    # The policy goes into every page before the service worker hashes the pages it keeps.
    csp.write_policy(site)
    # Last, once every file is written: the service worker lists them and is named by their hash.
    offline.write_service_worker(site, _built["pyodide_version"])
