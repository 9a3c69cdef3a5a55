"""The service worker: the kit offline, a clean switch to a new build, self-repair, and no SW."""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browsing import READY, Log, open_kit, settle
from playwright.sync_api import Page, expect

from serving import build_site, free_port, serve

ROOT = Path(__file__).resolve().parents[2]

MARKER_B = "This is build B of the guide."


class Switchable:
    """A static server whose folder the test can swap, as a host does when it deploys."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder


@pytest.fixture(scope="module")
def two_builds(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[str, Switchable, Path, Path]]:
    port = free_port()
    base = tmp_path_factory.mktemp("builds")
    site_a, site_b = base / "a", base / "b"
    build_site(ROOT, site_a, port)
    project_b = base / "project-b"
    for name in ("docs", "overrides"):
        shutil.copytree(ROOT / name, project_b / name)
    for name in ("mkdocs.yml", "package.json", "pyproject.toml"):
        shutil.copy(ROOT / name, project_b / name)
    (project_b / "node_modules").symlink_to(ROOT / "node_modules")
    (project_b / "src").symlink_to(ROOT / "src")
    # The build's caches are keyed by their inputs, which B shares with A: compiling and
    # packing the runtime again would only cost time.
    (ROOT / ".cache").mkdir(exist_ok=True)
    (project_b / ".cache").symlink_to(ROOT / ".cache")
    index = project_b / "docs" / "index.md"
    index.write_text(index.read_text("utf-8") + f"\n\n{MARKER_B}\n", "utf-8")
    build_site(project_b, site_b, port)
    # A real deploy comes later than the one before it; HTTP dates have one-second resolution,
    # so without this the server could answer "304 Not Modified" for build B's pages.
    later = time.time() + 60
    for path in site_b.rglob("*"):
        os.utime(path, (later, later))
    state = Switchable(site_a)
    server = serve(lambda: state.folder, port)
    yield f"http://127.0.0.1:{port}/", state, site_a, site_b
    server.shutdown()
    server.server_close()


def cache_names(page: Page) -> list[str]:
    """The site's build caches (the runtime's own cache, one per Pyodide version, aside)."""
    names: list[str] = page.evaluate("caches.keys()")
    return [name for name in names if name.startswith("secondround-")]


def wait_for_cache(page: Page, wanted: Any, timeout: float = 60) -> list[str]:
    """Poll until the cache names satisfy `wanted` (the service worker works in the background)."""
    deadline = time.monotonic() + timeout
    while True:
        names = cache_names(page)
        if wanted(names):
            return names
        assert time.monotonic() < deadline, f"cache names stayed {names}"
        page.wait_for_timeout(200)


def wait_for_control(page: Page) -> None:
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=60_000)


def test_an_update_replaces_the_old_cache_and_the_kit_then_works_offline(
    two_builds: tuple[str, Switchable, Path, Path], new_context: Any, log: Log
) -> None:
    url, server, site_a, site_b = two_builds
    server.folder = site_a
    context = new_context()
    page = context.new_page()
    open_kit(page, url + "kit/")
    (old,) = wait_for_cache(page, lambda names: len(names) == 1)
    wait_for_control(page)
    # The offline copy reuses what the worker downloaded: the runtime came over the wire once.
    assert len([u for u in log.requests if u.endswith("pyodide.asm.wasm.zst")]) == 1

    server.folder = site_b  # deploy build B
    page.goto(url)
    # Pages come from the network first: the reader sees the new build at once, never a stale copy.
    expect(page.locator("article")).to_contain_text(MARKER_B)
    (new,) = wait_for_cache(page, lambda names: len(names) == 1 and names[0] != old)

    context.set_offline(True)
    page.goto(url + "kit/")
    page.wait_for_selector(READY, timeout=60_000)
    page.fill("#sr-f-name", "Offline Reader")
    settle(page)
    expect(page.locator("#sr-d-0-email")).to_contain_text("Offline Reader")
    page.goto(url)
    expect(page.locator("article")).to_contain_text(MARKER_B)
    assert new.startswith("secondround-")
    # The runtime's cache is named by its version, so a new build of the site keeps it.
    assert "pyodide-314.0.7" in page.evaluate("caches.keys()")
    assert log.foreign() == []


def test_a_half_filled_cache_falls_back_to_the_network_and_repairs_itself(
    two_builds: tuple[str, Switchable, Path, Path], new_context: Any, log: Log
) -> None:
    url, server, _, site_b = two_builds
    server.folder = site_b
    page = new_context().new_page()
    open_kit(page, url + "kit/")
    (name,) = wait_for_cache(page, lambda names: len(names) == 1)
    wait_for_control(page)
    wheel = page.evaluate(
        f"caches.open('{name}').then(c => c.keys())"
        ".then(keys => keys.map(k => k.url).find(u => u.endsWith('.whl.zst')))"
    )
    assert page.evaluate(f"caches.open('{name}').then(c => c.delete('{wheel}'))") is True
    page.reload()
    page.wait_for_selector(READY, timeout=60_000)
    page.fill("#sr-f-name", "Repaired")
    settle(page)
    expect(page.locator("#sr-d-0-email")).to_contain_text("Repaired")
    # The cache answers with a promise, which wait_for_function would take as truthy at once:
    # evaluate() awaits it.
    back = f"caches.open('{name}').then(c => c.match('{wheel}')).then(r => !!r)"
    deadline = time.monotonic() + 10
    while not page.evaluate(back):
        assert time.monotonic() < deadline, "the wheel never came back into the offline copy"
        page.wait_for_timeout(200)
    assert [e for e in log.errors if "secondround" in e] == []


def test_with_service_workers_blocked_everything_works_online(
    new_context: Any, site_url: str, log: Log
) -> None:
    page = new_context(service_workers="block").new_page()
    open_kit(page, site_url + "kit/")
    page.fill("#sr-f-name", "No Service Worker")
    settle(page)
    expect(page.locator("#sr-d-0-email")).to_contain_text("No Service Worker")
    assert page.evaluate(
        "navigator.serviceWorker === undefined || !navigator.serviceWorker.controller"
    )
    assert log.errors == []
