"""The kit on a slow link: a download that keeps moving finishes, a stalled one fails with Retry."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path
from typing import Any

from browsing import PYTHON_TIMEOUT_MS, READY, Log
from playwright.sync_api import Page, Route, expect

FAILED = '[data-status="failed"]'
# The files the worker fetches, packed (the module scripts are imported, and counted as steps);
# the trimmed standard library's name carries its hash.
STDLIB = re.compile(r"/python_stdlib-[0-9a-f]{12}\.zip\.zst$")
WASM = "pyodide.asm.wasm.zst"


def requested(log: Log, name: str | re.Pattern[str]) -> int:
    urls = [url.split("?")[0] for url in log.requests]
    if isinstance(name, re.Pattern):
        return sum(1 for url in urls if name.search(url))
    return sum(1 for url in urls if url.endswith("/" + name))


# The stall timeout the tests inject through build.mjs, in place of the build's 30 s.
STALL_S = 4
# build.mjs as the hook writes it, and as the tests serve it: the timeout a `let`, which kit.js
# reads live, so a test can put the build's own value back (restore_stall) before Python starts:
# a busy machine's start-up, after the downloads, is never taken for a stall.
BUILT_STALL = re.compile(r"export const STALL_MS = (\d+);")
INJECTED_STALL = (
    "export let STALL_MS = {short}; const BUILT_STALL_MS = {built};"
    " globalThis.__srRestoreStall = () => {{ STALL_MS = BUILT_STALL_MS; }};"
)


def shorter_stall(route: Route) -> None:
    """Serve build.mjs with a STALL_S timeout, as a test build would."""
    response = route.fetch()
    body, found = BUILT_STALL.subn(
        lambda built: INJECTED_STALL.format(short=STALL_S * 1000, built=built[1]), response.text()
    )
    # Served unchanged if the hook's line changed: the test then fails on its first check.
    route.fulfill(response=response, body=body if found == 1 else response.text())


def restore_stall(page: Page) -> None:
    assert page.evaluate("typeof globalThis.__srRestoreStall") == "function", (
        "build.mjs no longer has the line the test rewrites: update BUILT_STALL"
    )
    page.evaluate("globalThis.__srRestoreStall()")


def download_megabytes(built_site: Path) -> float:
    """What the worker will fetch, as build.mjs tells the page (DOWNLOAD_BYTES), in MB."""
    module = (built_site / "assets" / "secondround" / "build.mjs").read_text("utf-8")
    found = re.search(r"export const DOWNLOAD_BYTES = (.*);", module)
    assert found, "build.mjs no longer declares DOWNLOAD_BYTES"
    sizes: dict[str, int] = json.loads(found[1])
    return sum(sizes.values()) / 1e6


def test_a_download_slower_than_the_stall_timeout_still_finishes(
    new_context: Any, site_url: str, built_site: Path, log: Log
) -> None:
    context = new_context()
    context.route("**/assets/secondround/build.mjs", shorter_stall)
    page = context.new_page()
    cdp = page.context.new_cdp_session(page)
    # About 5.3 MB (the packed runtime and the page) in some 18 s: several times the stall
    # timeout, while the longest silence (importing pyodide.asm.mjs, 1.25 MB, whose bytes are not
    # counted, beside the counted WebAssembly) stays under it.
    cdp.send("Network.enable")
    cdp.send(
        "Network.emulateNetworkConditions",
        {
            "offline": False,
            "latency": 150,
            "downloadThroughput": 300_000,
            "uploadThroughput": 90_000,
        },
    )
    start = time.monotonic()
    page.goto(site_url + "kit/")
    loading = page.locator('[data-status="downloading"]')
    expect(loading).to_be_visible()
    # The total is what the build knows it will fetch, not a Content-Length (which a host that
    # compresses would change).
    expect(loading).to_contain_text(f"of {download_megabytes(built_site):.1f} MB")
    expect(
        loading.locator("[data-left-seconds]:not([hidden]), [data-left-minutes]:not([hidden])")
    ).to_have_count(1, timeout=15_000)
    # Most of the way in, still loading under the short timeout: then the build's own timeout
    # again (the next progress message restarts the clock with it) for Python's start-up.
    page.wait_for_function(
        "() => Number(document.querySelector('[data-loaded]').textContent) >="
        " 0.8 * Number(document.querySelector('[data-total]').textContent)",
        timeout=60_000,
    )
    took = time.monotonic() - start
    expect(page.locator(FAILED)).to_be_hidden()
    expect(loading).to_be_visible()
    restore_stall(page)
    assert took > 3 * STALL_S, f"the throttled download took only {took:.0f} s: it proves nothing"
    page.wait_for_selector(READY, timeout=150_000)
    expect(page.locator(FAILED)).to_be_hidden()
    assert log.ours() == []


def test_a_stalled_download_fails_then_retry_keeps_what_arrived(
    new_context: Any, site_url: str, log: Log
) -> None:
    context = new_context()
    context.route("**/assets/secondround/build.mjs", shorter_stall)
    stalled: list[Route] = []
    # Never answered: the request hangs.
    context.route(f"**/{WASM}", lambda route: stalled.append(route))
    page = context.new_page()
    page.goto(site_url + "kit/")
    expect(page.locator(FAILED)).to_be_visible(timeout=60_000)
    expect(page.locator(FAILED)).to_contain_text(f"nothing arrived for {STALL_S} seconds")
    expect(page.locator('[data-failure="download"]')).to_be_hidden()
    # The guide and the example drafts stay readable.
    expect(page.locator("h1")).to_contain_text("Your follow-up kit")
    expect(page.locator("#sr-d-0-email")).to_contain_text("Jordan Rivera")
    assert requested(log, STDLIB) == 1
    context.unroute(f"**/{WASM}")
    restore_stall(page)
    page.get_by_role("button", name="Retry").click()
    page.wait_for_selector(READY, timeout=60_000)
    # What finished before the stall came from the kit's own cache, not the network again.
    assert requested(log, STDLIB) == 1
    # The lock file comes inside build.mjs, and the full standard library never.
    assert requested(log, "pyodide-lock.json") == 0
    assert requested(log, "python_stdlib.zip") == 0
    assert requested(log, WASM) == 2
    # Only the packed copy exists on the site: nothing asks for the unpacked one.
    assert requested(log, "pyodide.asm.wasm") == 0
    assert log.ours() == []


def test_webassembly_sent_with_a_wrong_type_still_starts(
    new_context: Any, site_url: str, log: Log
) -> None:
    """Hosts label the packed WebAssembly as they please; the worker labels what it unpacks."""
    context = new_context()

    def wrong_type(route: Route) -> None:
        response = route.fetch()
        headers = {**response.headers, "content-type": "text/plain"}
        route.fulfill(response=response, headers=headers)

    context.route(f"**/{WASM}", wrong_type)
    page: Page = context.new_page()
    page.goto(site_url + "kit/")
    page.wait_for_selector(READY, timeout=60_000)
    assert requested(log, WASM) == 1
    assert log.ours() == []


def test_what_is_typed_before_the_kits_script_runs_is_kept(
    new_context: Any, site_url: str, log: Log
) -> None:
    # On a phone link the page's script can arrive after the reader has started typing (it
    # shares the link with Python's downloads): held back here until the name is typed.
    context = new_context()

    def hold(route: Route) -> None:
        response = route.fetch()
        wait = "await new Promise((go) => { window.__releaseKit = go; });\n"
        route.fulfill(response=response, body=wait + response.text())

    context.route("**/assets/secondround/kit.js*", hold)
    page = context.new_page()
    page.goto(site_url + "kit/")
    page.wait_for_function("() => typeof window.__releaseKit === 'function'")
    page.fill("#sr-f-name", "Typed Before The Script")
    page.evaluate("() => window.__releaseKit()")
    page.wait_for_selector(READY, timeout=PYTHON_TIMEOUT_MS)
    expect(page.locator("#sr-d-0-email")).to_contain_text("Typed Before The Script")
    expect(page.locator("#sr-f-name")).to_have_value("Typed Before The Script")
    assert log.errors == []
