"""The kit on a slow link: a download that keeps moving finishes, a stalled one fails with Retry."""

from __future__ import annotations

import re
import time
from typing import Any

from browsing import READY, Log
from playwright.sync_api import Page, Route, expect

FAILED = '[data-status="failed"]'
# The files the worker fetches (the module scripts are imported, and counted as steps); the
# trimmed standard library's name carries its hash.
STDLIB = re.compile(r"/python_stdlib-[0-9a-f]{12}\.zip$")


def requested(log: Log, name: str | re.Pattern[str]) -> int:
    urls = [url.split("?")[0] for url in log.requests]
    if isinstance(name, re.Pattern):
        return sum(1 for url in urls if name.search(url))
    return sum(1 for url in urls if url.endswith("/" + name))


def stall_after(seconds: int) -> Any:
    """A route handler that serves build.mjs with a shorter stall timeout, as a test build would."""

    def handler(route: Route) -> None:
        response = route.fetch()
        body = re.sub(r"STALL_MS = \d+;", f"STALL_MS = {seconds * 1000};", response.text())
        route.fulfill(response=response, body=body)

    return handler


def test_a_download_slower_than_the_stall_timeout_still_finishes(
    new_context: Any, site_url: str, log: Log
) -> None:
    page = new_context().new_page()
    cdp = page.context.new_cdp_session(page)
    # About 11.5 MB (the runtime and the page) in some 50 s: well over the 30 s the kit waits
    # on a silent download.
    cdp.send("Network.enable")
    cdp.send(
        "Network.emulateNetworkConditions",
        {
            "offline": False,
            "latency": 150,
            "downloadThroughput": 225_000,
            "uploadThroughput": 90_000,
        },
    )
    start = time.monotonic()
    page.goto(site_url + "kit/")
    loading = page.locator('[data-status="downloading"]')
    expect(loading).to_be_visible()
    # The total is what the build knows it will fetch, not a compressed Content-Length.
    expect(loading).to_contain_text(re.compile(r"of 10\.\d MB"))
    expect(
        loading.locator("[data-left-seconds]:not([hidden]), [data-left-minutes]:not([hidden])")
    ).to_have_count(1, timeout=15_000)
    page.wait_for_selector(READY, timeout=150_000)
    took = time.monotonic() - start
    assert took > 35, f"the throttled download took only {took:.0f} s: the test proves nothing"
    expect(page.locator(FAILED)).to_be_hidden()
    assert log.ours() == []


def test_a_stalled_download_fails_then_retry_keeps_what_arrived(
    new_context: Any, site_url: str, log: Log
) -> None:
    context = new_context()
    context.route("**/assets/secondround/build.mjs", stall_after(20))
    stalled: list[Route] = []
    # Never answered: the request hangs.
    context.route("**/pyodide.asm.wasm", lambda route: stalled.append(route))
    page = context.new_page()
    page.goto(site_url + "kit/")
    expect(page.locator(FAILED)).to_be_visible(timeout=60_000)
    expect(page.locator(FAILED)).to_contain_text("nothing arrived for 20 seconds")
    expect(page.locator('[data-failure="download"]')).to_be_hidden()
    # The guide and the example drafts stay readable.
    expect(page.locator("h1")).to_contain_text("Your follow-up kit")
    expect(page.locator("#sr-d-0-email")).to_contain_text("Jordan Rivera")
    assert requested(log, STDLIB) == 1
    context.unroute("**/pyodide.asm.wasm")
    page.get_by_role("button", name="Retry").click()
    page.wait_for_selector(READY, timeout=60_000)
    # What finished before the stall came from the kit's own cache, not the network again.
    assert requested(log, STDLIB) == 1
    # The lock file comes inside build.mjs, and the full standard library never.
    assert requested(log, "pyodide-lock.json") == 0
    assert requested(log, "python_stdlib.zip") == 0
    assert requested(log, "pyodide.asm.wasm") == 2
    assert log.ours() == []


def test_webassembly_sent_with_a_wrong_type_still_starts(
    new_context: Any, site_url: str, log: Log
) -> None:
    context = new_context()

    def octet_stream(route: Route) -> None:
        response = route.fetch()
        headers = {**response.headers, "content-type": "application/octet-stream"}
        route.fulfill(response=response, headers=headers)

    context.route("**/pyodide.asm.wasm", octet_stream)
    page: Page = context.new_page()
    page.goto(site_url + "kit/")
    page.wait_for_selector(READY, timeout=60_000)
    assert requested(log, "pyodide.asm.wasm") == 1
    assert log.ours() == []
