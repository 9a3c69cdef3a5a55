"""The service worker: precache one build of the site under a cache named by its content hash."""

from __future__ import annotations

import hashlib
import json
import re
from importlib.resources import files
from pathlib import Path
from typing import Any

from secondround_site.paths import IMMUTABLE_PATH

__all__ = [
    "CACHE_PREFIXES",
    "PLACEHOLDER",
    "SCRIPT_NAME",
    "TEMPLATE",
    "fill",
    "precache_list",
    "runtime_cache",
    "write_service_worker",
]

SCRIPT_NAME = "sw.js"
# Not worth keeping offline: crawler files, source maps, and the search-language packs for
# languages this site does not use.
SKIP_PREFIXES = ("sitemap.xml", "assets/javascripts/lunr/", "assets/images/favicon")
SKIP_SUFFIXES = (".map",)


def _urls(site_dir: Path) -> list[tuple[str, Path]]:
    out = []
    for path in sorted(site_dir.rglob("*")):
        rel = path.relative_to(site_dir).as_posix()
        skip = rel.startswith(SKIP_PREFIXES) or rel.endswith(SKIP_SUFFIXES)
        if not path.is_file() or rel == SCRIPT_NAME or skip:
            continue
        # Pages are requested by their folder URL ("kit/"): that is the key to cache them under.
        if rel == "index.html":
            rel = "./"
        elif rel.endswith("/index.html"):
            rel = rel[: -len("index.html")]
        out.append((rel, path))
    return out


def precache_list(site_dir: Path) -> tuple[list[str], str]:
    """The URLs to precache (relative to the site root) and a hash of their contents."""
    digest = hashlib.sha256()
    urls = []
    for url, path in _urls(site_dir):
        urls.append(url)
        digest.update(url.encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return urls, digest.hexdigest()[:16]


# Every cache of ours starts with one of these: "Forget me" deletes them all.
CACHE_PREFIXES = ("secondround-", "pyodide-")


def runtime_cache(pyodide_version: str) -> str:
    """The cache the worker fills with the Pyodide runtime as it downloads it (one per version)."""
    return f"{CACHE_PREFIXES[1]}{pyodide_version}"


# sw.js is a classic script (no imports): the build writes its names and lists in, as JSON, in
# place of each __NAME__ (the template lives in this package, beside this module).
TEMPLATE = "assets/sw.js"
PLACEHOLDER = re.compile(r"__([A-Z][A-Z_]*[A-Z])__")


def fill(template: str, values: dict[str, Any]) -> str:
    """The template with each placeholder replaced by its value as JSON; all must be given."""
    missing = set(PLACEHOLDER.findall(template)) - set(values)
    if missing:
        raise KeyError(f"{TEMPLATE} has placeholders with no value: {sorted(missing)}")
    return PLACEHOLDER.sub(lambda match: json.dumps(values[match[1]]), template)


def write_service_worker(site_dir: Path, pyodide_version: str) -> str:
    """Write sw.js for this build; returns the cache name it uses."""
    urls, content_hash = precache_list(site_dir)
    cache = f"{CACHE_PREFIXES[0]}{content_hash}"
    template = files("secondround_site").joinpath(TEMPLATE).read_text("utf-8")
    values = {
        "CACHE": cache,
        "RUNTIME_CACHE": runtime_cache(pyodide_version),
        "PRECACHE": urls,
        "CACHE_PREFIXES": list(CACHE_PREFIXES),
        "IMMUTABLE_PATH": IMMUTABLE_PATH,
    }
    (site_dir / SCRIPT_NAME).write_text(fill(template, values), "utf-8")
    return cache
