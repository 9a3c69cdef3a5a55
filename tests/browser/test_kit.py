"""The kit in Chromium, used as a reader uses it: type, tick, reload, bookmark, copy, download."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import pytest
from browsing import READY, Log, address, axe_violations, open_kit, settle
from playwright.sync_api import Page, expect

STATE_KEY = "secondround:v1:state"
APP_NAMES = (
    "Object.keys(localStorage).filter(k => k.startsWith('secondround:v3:app:'))"
    ".map(k => JSON.parse(localStorage.getItem(k)).state.profile.name)"
)


def draft_texts(page: Page) -> list[str]:
    return page.locator(".sr-draft__body").all_inner_texts()


def test_typing_rewrites_every_draft(kit: Page) -> None:
    kit.fill("#sr-f-name", "Ada Lovelace")
    kit.fill("#sr-f-company", "Analytical Engines Ltd")
    settle(kit)
    texts = draft_texts(kit)
    # The first edit clears the example: one blank interviewer, who coordinates the decision,
    # gets the email, card, call, voicemail, both follow-ups and the not-hired letter.
    assert len(texts) == 7
    assert all("Ada Lovelace" in text for text in texts)
    assert "Analytical Engines Ltd" in texts[0]
    assert not any("Jordan Rivera" in text for text in texts)
    expect(kit.locator("[data-announce]")).to_contain_text("Drafts updated")


def test_drafts_follow_each_interviewer_and_tone(cleared_kit: Page) -> None:
    kit = cleared_kit
    kit.fill("#sr-f-i0-name", "Priya Natarajan")
    settle(kit)
    before = kit.locator("#sr-d-0-email").inner_text()
    kit.check("input[name='sr-tone-0'][value='relaxed']")
    settle(kit)
    after = kit.locator("#sr-d-0-email").inner_text()
    assert after != before
    assert after.startswith("Hi Priya")
    kit.get_by_role("button", name="Add another interviewer").click()
    settle(kit)
    kit.fill("#sr-f-i1-name", "Lee Chen")
    settle(kit)
    expect(kit.get_by_role("heading", name="For Lee Chen", exact=True)).to_be_visible()
    expect(kit.locator("#sr-d-1-email")).to_contain_text("Lee Chen")


def test_ticked_items_survive_a_reload(kit: Page) -> None:
    first = kit.locator(".sr-items input[type=checkbox]").first
    first.check()
    settle(kit)
    expect(kit.locator("#sr-progress")).to_contain_text("1 of")
    kit.reload()
    kit.wait_for_selector(READY)
    expect(kit.locator(".sr-items input[type=checkbox]").first).to_be_checked()
    expect(kit.locator("#sr-progress")).to_contain_text("1 of")


def test_a_bookmark_restores_everything_in_a_fresh_browser(kit: Page, new_context: Any) -> None:
    kit.fill("#sr-f-name", "Grace Hopper")
    kit.fill("#sr-f-q0", "compilers that people can read")
    kit.fill("#sr-f-interview-date", "2026-11-20")
    settle(kit)
    kit.locator(".sr-items input[type=checkbox]").nth(1).check()
    settle(kit)
    url = address(kit)
    assert "#sr1." in url
    assert len(url.split("#", 1)[1]) <= 2000

    fresh = new_context().new_page()
    open_kit(fresh, url)
    settle(fresh)
    expect(fresh.locator("#sr-f-name")).to_have_value("Grace Hopper")
    expect(fresh.locator("#sr-f-q0")).to_have_value("compilers that people can read")
    expect(fresh.locator(".sr-items input[type=checkbox]").nth(1)).to_be_checked()
    assert fresh.evaluate(APP_NAMES) == ["Grace Hopper"]


def test_a_bookmark_opens_beside_the_application_already_here(
    kit: Page, new_context: Any, site_url: str
) -> None:
    kit.fill("#sr-f-company", "Bookmarked Co")
    settle(kit)
    bookmark = address(kit)

    other = new_context().new_page()
    open_kit(other, site_url + "kit/")
    other.fill("#sr-f-company", "Already Here Co")
    other.fill("#sr-f-name", "The reader here")
    settle(other)
    other.goto(bookmark)
    other.wait_for_selector(READY)
    settle(other)
    expect(other.locator("#sr-f-company")).to_have_value("Bookmarked Co")
    # The reader's own details here are kept: a link changes no other application.
    expect(other.locator("#sr-f-name")).to_have_value("The reader here")
    expect(other.locator(".sr-notice", has_text="added from the link")).to_be_visible()
    other.locator(".sr-apps").get_by_role("button", name="Already Here Co").click()
    settle(other)
    expect(other.locator("#sr-f-company")).to_have_value("Already Here Co")


def test_a_damaged_bookmark_is_reported_and_changes_nothing(kit: Page, site_url: str) -> None:
    kit.fill("#sr-f-name", "Unchanged")
    settle(kit)
    token = address(kit).split("#", 1)[1]
    damaged = token[:-6] + ("A" if token[-6] != "A" else "B") + token[-5:]
    kit.goto(site_url + "kit/#" + damaged)
    kit.wait_for_selector(READY)
    settle(kit)
    expect(kit.locator(".sr-notice--warning")).to_have_count(1)
    expect(kit.locator(".sr-notice--warning")).to_contain_text("could not be opened")
    expect(kit.locator("#sr-f-name")).to_have_value("Unchanged")


def test_instant_navigation_keeps_one_live_worker(kit: Page) -> None:
    kit.get_by_role("link", name="timing rules").first.click()
    expect(kit.locator("h1")).to_contain_text("Timing rules")
    kit.get_by_role("link", name="Your follow-up kit").first.click()
    kit.wait_for_selector("#sr-f-name")
    kit.fill("#sr-f-name", "Back again")
    settle(kit)
    expect(kit.locator("#sr-d-0-email")).to_contain_text("Back again")
    kit_workers = [w for w in kit.workers if w.url.endswith("worker.mjs")]
    assert len(kit_workers) == 1


def test_what_is_typed_before_python_is_ready_is_kept(
    new_context: Any, site_url: str, log: Log
) -> None:
    page = new_context().new_page()
    page.goto(site_url + "kit/")
    assert not page.locator(READY).is_visible()
    page.fill("#sr-f-position", "Typed early")
    page.wait_for_selector(READY)
    settle(page)
    expect(page.locator("#sr-f-position")).to_have_value("Typed early")
    expect(page.locator("#sr-d-0-email")).to_contain_text("Typed early")
    assert log.errors == []


def test_copy_puts_the_draft_on_the_clipboard(read_kit: Page) -> None:
    card = read_kit.locator("#sr-d-0-card").inner_text()
    button = read_kit.get_by_role("button", name="Copy the thank-you card").first
    label = button.inner_text()
    button.click()
    expect(button).to_have_text("Copied")
    assert read_kit.evaluate("navigator.clipboard.readText()") == card
    # The button says so for a moment, then reads as before.
    expect(button).to_have_text(label)


def test_the_mail_link_carries_the_draft(read_kit: Page) -> None:
    href = read_kit.locator(".sr-draft--email a", has_text="Open in mail app").first.get_attribute(
        "href"
    )
    assert href is not None
    address, _, query = href.partition("?")
    assert address == "mailto:priya.shah@example.com"
    fields = parse_qs(query)
    # The body, decoded, is the draft on screen, line for line (mail wants CRLF line breaks).
    shown = read_kit.locator("#sr-d-0-email").inner_text()
    assert fields["body"][0].split("\r\n") == shown.split("\n")
    assert "Jordan Rivera" in fields["subject"][0]


def test_the_calendar_download_is_an_icalendar_file(read_kit: Page) -> None:
    icalendar = pytest.importorskip("icalendar")
    with read_kit.expect_download() as info:
        read_kit.get_by_role("button", name="Add to calendar (.ics)").click()
    with open(info.value.path(), encoding="utf-8") as downloaded:
        text = downloaded.read()
    calendar = icalendar.Calendar.from_ical(text)
    events = [c for c in calendar.walk("VEVENT")]
    assert len(events) == read_kit.locator(".sr-items li").count()
    assert all(event.walk("VALARM") for event in events)


def test_export_then_import_brings_every_application_back(
    kit: Page, tmp_path: Any, new_context: Any, site_url: str
) -> None:
    kit.fill("#sr-f-name", "Exported Person")
    kit.fill("#sr-f-company", "First Co")
    kit.get_by_role("button", name="Add an application").click()
    settle(kit)
    kit.fill("#sr-f-company", "Second Co")
    settle(kit)
    with kit.expect_download() as info:
        kit.get_by_role("button", name="Export every application (.json)").click()
    exported = tmp_path / "applications.json"
    info.value.save_as(exported)
    saved = json.loads(exported.read_text("utf-8"))
    assert saved["you"]["name"] == "Exported Person"
    assert [a["state"]["profile"]["company"] for a in saved["applications"]] == [
        "First Co",
        "Second Co",
    ]
    elsewhere = new_context().new_page()
    open_kit(elsewhere, site_url + "kit/")
    elsewhere.set_input_files("#sr-import", str(exported))
    settle(elsewhere)
    expect(elsewhere.locator("#sr-f-name")).to_have_value("Exported Person")
    expect(elsewhere.locator(".sr-app")).to_have_count(2)
    expect(elsewhere.locator(".sr-notice")).to_contain_text("2 applications added")


def test_a_bad_import_file_is_reported(cleared_kit: Page, tmp_path: Any) -> None:
    kit = cleared_kit
    bad = tmp_path / "not-ours.json"
    bad.write_text('{"hello": "world"}', "utf-8")
    kit.fill("#sr-f-name", "Kept As It Was")
    settle(kit)
    kit.set_input_files("#sr-import", str(bad))
    settle(kit)
    expect(kit.locator(".sr-notice--error")).to_contain_text("could not be imported")
    expect(kit.locator("#sr-f-name")).to_have_value("Kept As It Was")


def test_two_tabs_stay_in_step(new_context: Any, site_url: str, log: Log) -> None:
    context = new_context()
    first, second = context.new_page(), context.new_page()
    open_kit(first, site_url + "kit/")
    open_kit(second, site_url + "kit/")
    first.fill("#sr-f-name", "Seen in both tabs")
    first.fill("#sr-f-interview-date", "2026-11-20")
    settle(first)
    expect(second.locator("#sr-f-name")).to_have_value("Seen in both tabs")
    second.locator(".sr-items input[type=checkbox]").first.check()
    settle(second)
    expect(first.locator(".sr-items input[type=checkbox]").first).to_be_checked()
    assert first.evaluate(APP_NAMES) == ["Seen in both tabs"]
    assert log.errors == []


def test_corrupt_saved_state_is_reported_and_kept(
    new_context: Any, site_url: str, log: Log
) -> None:
    context = new_context()
    context.add_init_script(
        f"try {{ if (!sessionStorage.getItem('seeded')) {{ sessionStorage.setItem('seeded', '1');"
        f" localStorage.setItem('{STATE_KEY}', '{{\"app\": \"someone-else\"}}'); }} }} catch {{}}"
    )
    page = context.new_page()
    open_kit(page, site_url + "kit/")
    settle(page)
    expect(page.locator(".sr-notice--warning")).to_contain_text("could not be read")
    backups = page.evaluate(
        "Object.keys(localStorage).filter(k => k.startsWith('secondround:v1:backup:'))"
        ".map(k => localStorage.getItem(k))"
    )
    assert backups == ['{"app": "someone-else"}']
    expect(page.locator("#sr-f-name")).to_have_value("Jordan Rivera")
    assert log.errors == []


def test_without_storage_the_kit_works_and_says_saving_is_off(
    new_context: Any, site_url: str, log: Log
) -> None:
    context = new_context()
    context.add_init_script(
        "Object.defineProperty(window, 'localStorage',"
        " { get() { throw new DOMException('denied'); } });"
    )
    page = context.new_page()
    open_kit(page, site_url + "kit/")
    expect(page.locator(".sr-notice--warning")).to_contain_text("not letting the kit save")
    page.fill("#sr-f-name", "No storage")
    settle(page)
    expect(page.locator("#sr-d-0-email")).to_contain_text("No storage")
    # Material's own palette script reads localStorage unguarded and throws here; ours must not.
    assert log.ours() == []


def test_a_full_storage_turns_saving_off_with_a_message(
    new_context: Any, site_url: str, log: Log
) -> None:
    context = new_context()
    context.add_init_script(
        "const real = Storage.prototype.setItem; Storage.prototype.setItem = function (k, v) {"
        " if (k.includes(':v3:')) throw new DOMException('full', 'QuotaExceededError');"
        " return real.call(this, k, v); };"
    )
    page = context.new_page()
    open_kit(page, site_url + "kit/")
    page.fill("#sr-f-name", "Quota")
    settle(page)
    expect(page.locator(".sr-notice--warning")).to_contain_text("not letting the kit save")
    expect(page.locator("#sr-d-0-email")).to_contain_text("Quota")
    assert log.errors == []


def test_a_storage_full_before_the_visit_still_shows_and_exports_what_it_holds(
    new_context: Any, site_url: str, log: Log
) -> None:
    context = new_context()
    page = context.new_page()
    open_kit(page, site_url + "kit/")
    page.fill("#sr-f-name", "Still Here")
    page.fill("#sr-f-company", "Harbor Pine")
    settle(page)
    # From now on every write fails, as in a browser whose storage another site filled.
    context.add_init_script(
        "Storage.prototype.setItem = function () {"
        " throw new DOMException('full', 'QuotaExceededError'); };"
    )
    # A new visit (no bookmark in the address): only storage can bring the application back.
    open_kit(page, site_url + "kit/")
    settle(page)
    expect(page.locator("#sr-f-name")).to_have_value("Still Here")
    expect(page.locator(".sr-notice--warning")).to_contain_text("not letting the kit save")
    with page.expect_download() as exported:
        page.get_by_role("button", name="Export every application (.json)").click()
    applications = json.loads(exported.value.path().read_text("utf-8"))["applications"]
    assert [a["state"]["profile"]["company"] for a in applications] == ["Harbor Pine"]
    assert log.errors == []


# The packed runtime, and the decoder that unpacks it: without either, nothing starts.
@pytest.mark.parametrize("lost", ["pyodide.asm.wasm.zst", "zstd.wasm"])
def test_a_failed_load_keeps_the_guide_readable_and_retries(
    new_context: Any, site_url: str, log: Log, lost: str
) -> None:
    context = new_context()
    context.route(f"**/{lost}", lambda route: route.abort())
    page = context.new_page()
    page.goto(site_url + "kit/")
    failed = page.locator('[data-status="failed"]')
    expect(failed).to_be_visible(timeout=60_000)
    # The reason, in the page's words, and which file: not the stall message, not a stack.
    expect(failed.locator('[data-failure="download"]')).to_be_visible()
    expect(failed.locator('[data-failure="stalled"]')).to_be_hidden()
    expect(failed.locator("[data-detail]")).to_have_text(lost)
    expect(page.locator("h1")).to_contain_text("Your follow-up kit")
    expect(page.locator("#sr-d-0-email")).to_contain_text("Jordan Rivera")
    context.unroute(f"**/{lost}")
    page.get_by_role("button", name="Retry").click()
    page.wait_for_selector(READY, timeout=60_000)
    page.fill("#sr-f-name", "After retry")
    settle(page)
    expect(page.locator("#sr-d-0-email")).to_contain_text("After retry")
    expect(failed).to_be_hidden()
    assert log.ours() == []


def test_the_kit_page_is_accessible_once_live(cleared_kit: Page) -> None:
    kit = cleared_kit
    kit.fill("#sr-f-email", "not an email")
    settle(kit)
    # Not while typing: once the reader leaves the field.
    expect(kit.locator("#sr-f-email")).not_to_have_attribute("aria-invalid", "true")
    kit.locator("#sr-f-email").press("Tab")
    settle(kit)
    expect(kit.locator("#sr-f-email")).to_have_attribute("aria-invalid", "true")
    assert axe_violations(kit, "#secondround-kit") == []


def test_the_kit_works_from_the_keyboard(cleared_kit: Page) -> None:
    kit = cleared_kit
    kit.focus("#sr-f-name")
    kit.keyboard.press("Control+A")
    kit.keyboard.type("Keys Only")
    kit.keyboard.press("Tab")
    kit.fill("#sr-f-interview-date", "2026-11-20")
    settle(kit)
    checkbox = kit.locator(".sr-items input[type=checkbox]").first
    checkbox.focus()
    kit.keyboard.press("Space")
    settle(kit)
    expect(checkbox).to_be_checked()
    expect(checkbox).to_be_focused()
    expect(kit.locator("#sr-d-0-email")).to_contain_text("Keys Only")


def test_pyodide_never_runs_on_the_main_thread(read_kit: Page) -> None:
    """Structural, not timed: the page never fetches or evaluates Pyodide; its worker does.

    How long the main thread is busy while Python loads is a speed goal, so it is measured by the
    benchmark (bench/run.py: long-task total), never asserted here.
    """
    page_files = read_kit.evaluate("performance.getEntriesByType('resource').map(r => r.name)")
    assert not [url for url in page_files if "/pyodide/" in url]
    assert read_kit.evaluate("typeof window.loadPyodide") == "undefined"
    (worker,) = [w for w in read_kit.workers if w.url.endswith("worker.mjs")]
    worker_files = worker.evaluate("performance.getEntriesByType('resource').map(r => r.name)")
    assert [url for url in worker_files if url.endswith("pyodide.asm.wasm.zst")]


def test_the_progress_line_counts_real_megabytes(read_kit: Page, built_site: Path) -> None:
    loaded = float(read_kit.locator("[data-loaded]").inner_text())
    total = float(read_kit.locator("[data-total]").inner_text())
    # What the worker fetches is the packed WebAssembly, library and wheel, as they are on disk.
    on_disk = sum(path.stat().st_size for path in built_site.rglob("*.zst")) / 1e6
    assert total == pytest.approx(on_disk, abs=0.05)
    assert loaded == pytest.approx(total, abs=0.1)


# The card's page, as site.css declares it: `@page sr-card { size: <width>in <height>in; ... }`.
CARD_PAGE = re.compile(r"@page\s+sr-card\s*\{[^}]*?size:\s*([\d.]+)in\s+([\d.]+)in")


BOX = re.compile(rb"/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)")


def pdf_pages(pdf: bytes) -> list[tuple[float, float]]:
    """Width and height in points of each page of a PDF: its /Type /Page objects, not /Pages."""
    objects = [found[1] for found in re.finditer(rb"\d+\s+0\s+obj(.*?)endobj", pdf, re.DOTALL)]
    tree = b"".join(o for o in objects if re.search(rb"/Type\s*/Pages", o))
    sizes = []
    for page in (o for o in objects if re.search(rb"/Type\s*/Page(?![a-zA-Z])", o)):
        box = BOX.search(page) or BOX.search(tree)  # a page may inherit its box
        assert box is not None, "a page without a MediaBox"
        x0, y0, x1, y1 = (float(v) for v in box.groups())
        sizes.append((x1 - x0, y1 - y0))
    return sizes


# Is the element, or one around it, left out of the layout?
OUT_OF_LAYOUT = """el => {
  for (; el; el = el.parentElement) if (getComputedStyle(el).display === 'none') return true;
  return false;
}"""
STUB_PRINT = """() => {
  window.__print = window.print;
  window.print = () => { window.__printed = (window.__printed || 0) + 1; };
}"""


def test_print_at_card_size_prints_the_card_once_on_one_card_sized_page(
    read_kit: Page, built_site: Path
) -> None:
    width, height = (
        float(v) * 72
        for v in CARD_PAGE.findall(
            (built_site / "assets" / "secondround" / "site.css").read_text("utf-8")
        )[0]
    )
    # A card, not a letter: smaller both ways.
    assert width < 8.5 * 72
    assert height < 11 * 72
    # The real button, with the browser's dialog stubbed: it records the call and returns.
    read_kit.evaluate(STUB_PRINT)
    try:
        read_kit.get_by_role("button", name="Print at card size").first.click()
        assert read_kit.evaluate("window.__printed") == 1
        target = read_kit.locator(".sr-print-target")
        expect(target).to_have_count(1)
        expect(target.locator(".sr-draft__body")).to_have_id("sr-d-0-card")
        read_kit.emulate_media(media="print")
        # The card alone: the rest of the page is out of the layout, not just hidden.
        expect(target.locator(".sr-draft__body")).to_be_visible()
        for other in ("#sr-d-0-email", "h1", "#sr-f-name", "header.md-header"):
            assert read_kit.locator(other).first.evaluate(OUT_OF_LAYOUT), (
                f"{other} still takes room on the printed page"
            )
        pdf = read_kit.pdf(prefer_css_page_size=True, print_background=True)
    finally:
        read_kit.emulate_media(media="screen")
        # What the browser does after its dialog: kit.js then takes its print classes off.
        read_kit.evaluate("window.print = window.__print; dispatchEvent(new Event('afterprint'))")
    expect(read_kit.locator(".sr-print-target")).to_have_count(0)
    sizes = pdf_pages(pdf)
    assert len(sizes) == 1, f"the card printed on {len(sizes)} pages"
    assert sizes[0] == pytest.approx((width, height), abs=1)
    # Not a blank page: the card's text is set in a font the PDF carries.
    assert b"/FontFile" in pdf or b"/Font" in pdf


def test_dark_palette_kit_is_accessible(new_context: Any, site_url: str, log: Log) -> None:
    page = new_context(color_scheme="dark").new_page()
    open_kit(page, site_url + "kit/")
    assert axe_violations(page, "#secondround-kit") == []
    assert log.errors == []


def test_first_time_readers_download_no_python_on_guide_pages(
    new_context: Any, site_url: str, log: Log
) -> None:
    page = new_context().new_page()
    page.goto(site_url + "steps/")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(1500)
    assert [u for u in log.requests if "/pyodide/" in u or ".whl" in u] == []
    assert page.workers == [] or all(not w.url.endswith("worker.mjs") for w in page.workers)


def test_returning_readers_get_python_warmed_up_unless_saving_data(
    new_context: Any, site_url: str, log: Log
) -> None:
    context = new_context()
    kit_page = context.new_page()
    open_kit(kit_page, site_url + "kit/")
    kit_page.fill("#sr-f-name", "Returning")
    settle(kit_page)
    kit_page.wait_for_function("() => localStorage.getItem('secondround:view-cache') !== null")
    kit_page.close()

    guide = context.new_page()
    guide.goto(site_url + "tips/")
    guide.wait_for_function(
        "() => performance.getEntriesByType('resource').some(r => r.name.endsWith('worker.mjs'))",
        timeout=30_000,
    )

    frugal = context.new_page()
    frugal.add_init_script(
        "Object.defineProperty(navigator, 'connection', { value: { saveData: true } });"
    )
    frugal.goto(site_url + "tips/")
    frugal.wait_for_load_state("networkidle")
    frugal.wait_for_timeout(2000)
    assert not [w for w in frugal.workers if w.url.endswith("worker.mjs")]
