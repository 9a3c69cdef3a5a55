"""The benchmark: the kit beside the bare-Pyodide floor, in one run, in headless Chromium.

    make bench                     # or: .venv/bin/python bench/run.py [--runs 5] [--keys 100]

Prints a table and writes bench/results/latest.json. It is a benchmark, not a test: nothing in
the test suite depends on these timings.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from secondround_site.runtime import pinned_version  # noqa: E402
from serving import (  # noqa: E402
    CHROMIUM_ARGS,
    DEBIAN_CHROMIUM,
    build_site,
    chromium_launch_args,
    free_port,
    serve,
)

LONG_TASKS = (
    "window.__long = []; new PerformanceObserver(list => { for (const e of list.getEntries())"
    " window.__long.push([e.startTime, e.duration]); })"
    ".observe({ type: 'longtask', buffered: true });"
)
TIMEOUT_MS = 90_000

# The floor: a bare page that only loads Pyodide, in a module worker or on the main thread.
FLOOR_WORKER_PAGE = """<!doctype html><meta charset="utf-8"><title>floor: worker</title>
<script type="module">
const worker = new Worker("floor-worker.mjs", { type: "module" });
worker.onmessage = () => { window.__ready = performance.now(); };
</script>"""
FLOOR_WORKER = """import { loadPyodide } from "../pyodide/%(v)s/pyodide.mjs";
await loadPyodide({ indexURL: new URL("../pyodide/%(v)s/", import.meta.url).href });
postMessage("ready");
"""
FLOOR_MAIN_PAGE = """<!doctype html><meta charset="utf-8"><title>floor: main thread</title>
<script type="module">
import { loadPyodide } from "../pyodide/%(v)s/pyodide.mjs";
await loadPyodide({ indexURL: new URL("../pyodide/%(v)s/", location.href).href });
window.__ready = performance.now();
</script>"""


def build(out: Path, port: int, config: Path | None = None) -> float:
    return build_site(ROOT, out, port, config)


def build_times(port: int, repeats: int = 3) -> dict[str, float]:
    """Median wall time of `mkdocs build`, with the hook and with it turned off."""
    no_hook = ROOT / ".cache" / "mkdocs-no-hook.yml"
    no_hook.parent.mkdir(exist_ok=True)
    no_hook.write_text(
        "INHERIT: ../mkdocs.yml\ndocs_dir: ../docs\nhooks: []\n"
        "theme:\n  name: material\n  custom_dir: ../overrides\n",
        "utf-8",
    )
    with tempfile.TemporaryDirectory() as tmp:
        with_hook = [build(Path(tmp) / f"h{i}", port) for i in range(repeats)]
        without = [build(Path(tmp) / f"n{i}", port, no_hook) for i in range(repeats)]
    return {
        "with_hook_s": statistics.median(with_hook),
        "without_hook_s": statistics.median(without),
    }


def add_floor_pages(site: Path) -> None:
    version = {"v": pinned_version(ROOT)}
    # The floor is bare Pyodide: the WebAssembly as npm has it, the full standard library and
    # the lock file, which the site itself does not ship (it sends the WebAssembly and a trimmed
    # library zstd-compressed, and carries an empty lock in build.mjs).
    for name in ("pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"):
        shutil.copy(ROOT / "node_modules" / "pyodide" / name, site / "pyodide" / version["v"])
    floor = site / "bench-floor"
    floor.mkdir()
    (floor / "worker.html").write_text(FLOOR_WORKER_PAGE, "utf-8")
    (floor / "floor-worker.mjs").write_text(FLOOR_WORKER % version, "utf-8")
    (floor / "main.html").write_text(FLOOR_MAIN_PAGE % version, "utf-8")


def summary(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    return {
        "median": statistics.median(ordered),
        "min": ordered[0],
        "max": ordered[-1],
        "spread": ordered[-1] - ordered[0],
        "n": len(ordered),
    }


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


@contextmanager
def chromium() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(**chromium_launch_args())
        try:
            yield browser
        finally:
            browser.close()


def mark(page: Any, name: str) -> float | None:
    found: float | None = page.evaluate(
        f"(performance.getEntriesByName('{name}').slice(-1)[0] || {{}}).startTime ?? null"
    )
    return found


def long_task_total(page: Any, until: float) -> float:
    tasks = page.evaluate("window.__long")
    return float(sum(duration for start, duration in tasks if start <= until))


class Wire:
    """Bytes over the wire as the browser received them, page and module worker alike.

    Encoded sizes (with gzip, what went over the wire, not the decompressed bytes) of each
    finished response, as Chromium reports them through Playwright.
    """

    def __init__(self, context: Any) -> None:
        self.received: list[int] = []
        context.on("requestfinished", self._finished)

    def _finished(self, request: Any) -> None:
        try:
            sizes = request.sizes()
        except Exception:
            return
        self.received.append(max(0, sizes["responseBodySize"]) + sizes["responseHeadersSize"])

    def total(self) -> int:
        return sum(self.received)


SERVICE_WORKER_BYTES = (
    "performance.getEntriesByType('resource').reduce((sum, e) => sum + e.transferSize, 0)"
)


def floor_run(browser: Any, url: str) -> tuple[float, float, int]:
    context = browser.new_context()
    context.add_init_script(LONG_TASKS)
    page = context.new_page()
    wire = Wire(context)
    page.goto(url)
    page.wait_for_function("() => window.__ready !== undefined", timeout=TIMEOUT_MS)
    ready = float(page.evaluate("window.__ready"))
    long_total = long_task_total(page, ready)
    context.close()
    return ready, long_total, wire.total()


TYPED = "Quentin Zed"
# Lighthouse's mobile preset and Chrome's "Slow 4G": 1.6 Mbps down, 750 kbps up, 150 ms.
SLOW_4G = {
    "offline": False,
    "latency": 150,
    "downloadThroughput": 200_000,
    "uploadThroughput": 93_750,
}
PHONE = {
    "viewport": {"width": 412, "height": 915},
    "device_scale_factor": 2.625,
    "is_mobile": True,
    "has_touch": True,
}


def typed_run(browser: Any, base: str, phone: bool = False) -> dict[str, float]:
    """A reader who types their name as soon as the kit paints: when do the drafts show it?

    Times from navigation start: first paint, the first keystroke, the drafts showing what was
    typed (the first answer), and Python ready; and the bytes received by then.
    """
    context = browser.new_context(**(PHONE if phone else {}))
    page = context.new_page()
    wire = Wire(context)
    if phone:
        # On the page's DevTools session: it throttles the module worker's downloads too.
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", SLOW_4G)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
    page.add_init_script(
        "document.addEventListener('input', () => { window.__typed ??= performance.now(); }, true);"
    )
    page.goto(base + "kit/", wait_until="commit")
    timeout = TIMEOUT_MS * (4 if phone else 1)
    page.wait_for_function(
        "() => performance.getEntriesByName('first-contentful-paint').length > 0",
        polling="raf",
        timeout=timeout,
    )
    field = page.locator("#sr-f-name")
    field.click()
    page.keyboard.press("Control+A")
    field.press_sequentially(TYPED)
    shown = page.wait_for_function(
        f"""() => [...document.querySelectorAll('.sr-draft__body')]
             .some(d => d.textContent.includes({json.dumps(TYPED)})) && performance.now()""",
        polling="raf",
        timeout=timeout,
    ).json_value()
    wire_at_answer = wire.total()
    page.wait_for_function(
        "() => performance.getEntriesByName('sr-python-ready').length > 0", timeout=timeout
    )
    result = {
        "first_paint_ms": float(
            page.evaluate("performance.getEntriesByName('first-contentful-paint')[0].startTime")
        ),
        "typed_ms": float(page.evaluate("window.__typed")),
        "answer_ms": float(shown),
        "ready_ms": mark(page, "sr-python-ready") or 0.0,
        "wire_bytes_at_answer": float(wire_at_answer),
    }
    context.close()
    return result


def bytes_of(page: Any, sizes: list[int], first_paint: float) -> tuple[int, int]:
    """(bytes before first paint on the main thread, bytes in total including the worker)."""
    before = page.evaluate(
        f"""(() => {{
          const nav = performance.getEntriesByType('navigation')[0];
          let total = nav.transferSize;
          for (const r of performance.getEntriesByType('resource'))
            if (r.responseEnd <= {first_paint}) total += r.transferSize;
          return total;
        }})()"""
    )
    return int(before), sum(sizes)


def kit_run(browser: Any, base: str, keys: int) -> dict[str, Any]:
    context = browser.new_context()
    context.add_init_script(LONG_TASKS)
    page = context.new_page()
    sizes: list[int] = []

    def on_finished(request: Any) -> None:
        try:
            measured = request.sizes()
        except Exception:
            return
        sizes.append(measured["responseBodySize"] + measured["responseHeadersSize"])

    context.on("requestfinished", on_finished)
    wire = Wire(context)
    page.goto(base + "kit/")
    page.wait_for_function(
        "() => performance.getEntriesByName('sr-python-ready').length > 0", timeout=TIMEOUT_MS
    )
    ready = mark(page, "sr-python-ready") or 0.0
    first_paint = float(
        page.evaluate(
            "(performance.getEntriesByName('first-contentful-paint')[0]"
            " || {startTime: 0}).startTime"
        )
    )
    long_total = long_task_total(page, ready)
    page.wait_for_load_state("networkidle")
    before_paint, total = bytes_of(page, sizes, first_paint)
    # The offline copy: the service worker takes over once it has cached the site; what it
    # downloaded (the runtime it finds in the worker's cache) is in its own Resource Timing.
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=TIMEOUT_MS)
    wire_page = wire.total()
    offline_copy = sum(int(sw.evaluate(SERVICE_WORKER_BYTES)) for sw in context.service_workers)

    cdp = context.new_cdp_session(page)
    cdp.send("Performance.enable")
    metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
    (worker,) = [w for w in page.workers if w.url.endswith("worker.mjs")]
    wasm = worker.evaluate("self.secondroundStats().wasmBytes")

    key_ms = keystrokes(page, keys) if keys else []

    # Repeat visit in the same context: the cached View, before Pyodide has started.
    page.goto(base + "kit/")
    page.wait_for_function(
        "() => performance.getEntriesByName('sr-python-ready').length > 0", timeout=TIMEOUT_MS
    )
    repeat_view = mark(page, "sr-cached-view-applied")
    repeat_ready = mark(page, "sr-python-ready")

    # A returning reader: five seconds on a guide page, then instant navigation to the kit.
    page.goto(base)
    page.wait_for_timeout(5000)
    page.get_by_role("link", name="Your follow-up kit").first.click()
    # A function, not an expression: the kit page's policy refuses to evaluate strings.
    page.wait_for_function(
        """() => { const m = performance.getEntriesByName('sr-kit-mounted').slice(-1)[0];
             return m && performance.getEntriesByName('sr-view-applied')
               .some(v => v.startTime >= m.startTime); }""",
        timeout=TIMEOUT_MS,
    )
    arrival = page.evaluate(
        """(() => { const m = performance.getEntriesByName('sr-kit-mounted').slice(-1)[0];
             const v = performance.getEntriesByName('sr-view-applied')
               .find(v => v.startTime >= m.startTime);
             return v.startTime - m.startTime; })()"""
    )
    context.close()
    return {
        "ready_ms": ready,
        "long_task_ms": long_total,
        "first_paint_ms": first_paint,
        "bytes_before_first_paint": before_paint,
        "bytes_total": total,
        "wire_bytes_first_visit": wire_page + offline_copy,
        "page_js_heap_bytes": metrics.get("JSHeapUsedSize", 0.0),
        "worker_wasm_heap_bytes": wasm,
        "keystroke_ms": key_ms,
        "repeat_view_ms": repeat_view,
        "repeat_ready_ms": repeat_ready,
        "returning_ready_after_arrival_ms": arrival,
    }


def keystrokes(page: Any, count: int) -> list[float]:
    """Time from each input event to the drafts being updated on screen.

    Typing starts 1.5 s after Python is ready, as a reader's would: that is when the
    worker warms its engine up (worker.rehearse), which is part of what is measured.
    """
    page.wait_for_timeout(1500)
    page.evaluate(
        "document.addEventListener('input', () => { window.__input = performance.now(); }, true)"
    )
    page.click("#sr-f-i0-topics")
    page.keyboard.press("End")
    out = []
    for i in range(count):
        before = page.evaluate("performance.getEntriesByName('sr-view-applied').length")
        page.keyboard.type("abcdefghij"[i % 10])
        page.wait_for_function(
            f"() => performance.getEntriesByName('sr-view-applied').length > {before}"
        )
        out.append(
            page.evaluate(
                "performance.getEntriesByName('sr-view-applied').slice(-1)[0].startTime"
                " - window.__input"
            )
        )
    return out


def stored_applications(count: int) -> dict[str, str]:
    """localStorage holding `count` applications (the example's, at several companies)."""
    from dataclasses import replace
    from datetime import date, timedelta

    from secondround.input.example import example_profile
    from secondround.saved.applications import HOME_KEY, Entry, Shelf, app_key, you_of
    from secondround.saved.records import home_text, record_text
    from secondround.saved.state import State

    day = date.today()
    states = [
        State(
            profile=replace(
                example_profile(day - timedelta(days=i % 9)), company=f"Company {i + 1}"
            ),
            id=f"bench{i + 1}",
            revision=1,
        )
        for i in range(count)
    ]
    entries = tuple(Entry(s) for s in states)
    shelf = Shelf(entries, you_of(states[0].profile), states[0].id)
    return {**{app_key(e.id): record_text(e) for e in entries}, HOME_KEY: home_text(shelf)}


def apps_run(browser: Any, base: str, count: int, switches: int, keys: int) -> dict[str, Any]:
    """A browser holding `count` applications: Python ready, switching, and typing."""
    context = browser.new_context()
    seed = json.dumps(stored_applications(count))
    context.add_init_script(
        "if (!sessionStorage.getItem('seeded')) { sessionStorage.setItem('seeded', '1');"
        f" for (const [k, v] of Object.entries({seed})) localStorage.setItem(k, v); }}"
    )
    page = context.new_page()
    page.goto(base + "kit/")
    page.wait_for_function(
        "() => performance.getEntriesByName('sr-python-ready').length > 0", timeout=TIMEOUT_MS
    )
    ready = mark(page, "sr-python-ready") or 0.0
    switch_ms: list[float] = []
    if count > 1:
        page.wait_for_timeout(1500)
        for i in range(switches):
            button = page.locator(".sr-apps button[data-action=app_switch]").nth(i % (count - 1))
            before = page.evaluate("performance.getEntriesByName('sr-view-applied').length")
            # The pointer rests on the button (its hover drawn) before the press, as a hand's
            # does; a plain mouse press then, since locator.click() runs its own checks in the
            # page around the click, and those would be counted as the kit's time.
            button.scroll_into_view_if_needed()
            box = button.bounding_box()
            assert box is not None
            page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
            page.evaluate(
                "() => new Promise((done) =>"
                " requestAnimationFrame(() => requestAnimationFrame(done)))"
            )
            page.evaluate(
                "document.addEventListener('click', () => { window.__click = performance.now(); },"
                " { capture: true, once: true })"
            )
            page.mouse.down()
            page.mouse.up()
            page.wait_for_function(
                f"() => performance.getEntriesByName('sr-view-applied').length > {before}"
            )
            switch_ms.append(
                page.evaluate(
                    "performance.getEntriesByName('sr-view-applied').slice(-1)[0].startTime"
                    " - window.__click"
                )
            )
    key_ms = keystrokes(page, keys) if keys else []
    context.close()
    return {"ready_ms": ready, "switch_ms": switch_ms, "keystroke_ms": key_ms}


def lighthouse(url: str, out: Path, preset: str = "desktop") -> dict[str, Any] | str:
    """Lighthouse's scores; preset "desktop", or "mobile" (its default: a phone on Slow 4G)."""
    cli = ROOT / "bench" / "node_modules" / "lighthouse" / "cli" / "index.js"
    if not cli.exists():
        return "not installed: run `make bench` (it runs npm ci in bench/)"
    env = {**os.environ, "CHROME_PATH": str(DEBIAN_CHROMIUM) if DEBIAN_CHROMIUM.exists() else ""}
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    result = subprocess.run(
        [
            "node",
            str(cli),
            url,
            *(["--preset=desktop"] if preset == "desktop" else ["--form-factor=mobile"]),
            "--quiet",
            "--output=json",
            f"--output-path={out}",
            f"--chrome-flags={flags}",
            "--only-categories=performance,accessibility,best-practices",
        ],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    if result.returncode != 0 or not out.exists():
        return f"failed: {result.stderr.strip().splitlines()[-1:]}"
    report = json.loads(out.read_text("utf-8"))
    scores: dict[str, Any] = {
        name: round(cat["score"] * 100) for name, cat in report["categories"].items()
    }
    failing = [
        audit_id
        for cat in report["categories"].values()
        for ref in cat["auditRefs"]
        if ref["weight"]
        and (audit_id := ref["id"]) in report["audits"]
        and report["audits"][audit_id]["score"] not in (None, 1)
    ]
    if failing:
        scores["below_full_marks"] = failing
    for key, audit_id in LIGHTHOUSE_TIMINGS.items():
        scores[key] = round(report["audits"][audit_id]["numericValue"])
    return scores


# The timings behind the performance score, kept beside it in each report's summary.
LIGHTHOUSE_TIMINGS = {
    "fcp_ms": "first-contentful-paint",
    "lcp_ms": "largest-contentful-paint",
    "tbt_ms": "total-blocking-time",
}


def lighthouse_runs(url: str, out: Path, runs: int) -> dict[str, Any] | str:
    """Lighthouse mobile `runs` times: the median score and its range, as one run is not enough.

    On this 2-core machine one mobile run of the same build scores anywhere from the low 80s to
    99: Lighthouse simulates a phone from the trace it records, and whether the first paint
    falls before or after Material's script moves the first paint and the blocking time together.
    """
    found: list[dict[str, Any]] = []
    for _ in range(runs):
        scores = lighthouse(url, out, "mobile")
        if isinstance(scores, str):
            return scores
        found.append(scores)
    performance = [s["performance"] for s in found]
    summary_: dict[str, Any] = {
        "performance": statistics.median(performance),
        "performance_range": [min(performance), max(performance)],
        "runs": runs,
        "accessibility": min(s["accessibility"] for s in found),
        "best-practices": min(s["best-practices"] for s in found),
    }
    for key in LIGHTHOUSE_TIMINGS:
        summary_[key] = statistics.median(s[key] for s in found)
    return summary_


def core_times(repeats: int = 200) -> dict[str, float]:
    """The core alone on CPython, per keystroke: every draft written anew (the candidate's own
    name changes, so no cached note is reused) and the schedule, for a three-person panel. Once
    a test asserting under 2 ms; a timing belongs in the benchmark instead."""
    from dataclasses import replace

    from secondround.input.example import example_profile
    from secondround.input.facts import facts_of
    from secondround.plan.schedule import schedule
    from secondround.writing.drafts import drafts_for

    example = example_profile()
    first = example.interviewers[0]
    panel = tuple(replace(first, name=name) for name in ("Dana Whitfield", "Ana Ruiz", "Lee Park"))
    profiles = [
        replace(example, name=f"Sam Rivera{'s' * n}", interviewers=panel)
        for n in range(repeats + 1)
    ]
    drafts_for(facts_of(profiles[-1]))
    times = []
    for profile in profiles[:repeats]:
        start = time.perf_counter()
        drafts_for(facts_of(profile))
        schedule(facts_of(profile))
        times.append((time.perf_counter() - start) * 1000)
    return summary(times)


def measure(
    runs: int, keys: int, with_lighthouse: bool, lighthouse_mobile_runs: int = 5
) -> dict[str, Any]:
    port = free_port()
    builds = build_times(port)
    core = core_times()
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        build(site, port)
        add_floor_pages(site)
        # Gzip on the way, as real static hosts send the site.
        server = serve(lambda: site, port, compress=True)
        base = f"http://127.0.0.1:{port}/"
        floor_worker, floor_main, kits, typed = [], [], [], []
        one_app: list[dict[str, Any]] = []
        ten_apps: list[dict[str, Any]] = []
        try:
            with chromium() as browser:
                for _ in range(runs):
                    # Interleaved, so drift on the machine touches every column alike.
                    floor_worker.append(floor_run(browser, base + "bench-floor/worker.html"))
                    floor_main.append(floor_run(browser, base + "bench-floor/main.html"))
                    # Every run types (its share of the keystrokes), so every repeat visit
                    # and returning reader has a saved checklist to come back to.
                    kits.append(kit_run(browser, base, max(10, keys // runs)))
                    typed.append(typed_run(browser, base))
                    per_run = max(10, keys // runs)
                    one_app.append(apps_run(browser, base, 1, 0, 0))
                    ten_apps.append(apps_run(browser, base, 10, per_run, per_run))
                phone = typed_run(browser, base, phone=True)
            scores = {}
            if with_lighthouse:
                results_dir = ROOT / "bench" / "results"
                results_dir.mkdir(exist_ok=True)
                for name, path in (("kit", "kit/"), ("home", "")):
                    out = results_dir / f"lighthouse-{name}.json"
                    scores[name] = lighthouse(base + path, out, "desktop")
                # The kit page on a phone, and beside it a guide page, which has Material's
                # script and styles and no kit: what the theme alone scores in the same minutes.
                for name, path in (("kit (mobile)", "kit/"), ("guide page (mobile)", "steps/")):
                    slug = path.strip("/")
                    out = results_dir / f"lighthouse-{slug}-mobile.json"
                    scores[name] = lighthouse_runs(base + path, out, lighthouse_mobile_runs)
        finally:
            server.shutdown()
            server.server_close()
    keys_ms = [ms for kit in kits for ms in kit["keystroke_ms"]]
    switch_ms = [ms for run in ten_apps for ms in run["switch_ms"]]
    ten_keys_ms = [ms for run in ten_apps for ms in run["keystroke_ms"]]
    floor = summary([r for r, _, _ in floor_worker])
    kit_ready = summary([k["ready_ms"] for k in kits])
    return {
        "machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0]},
        "runs": runs,
        "floor_worker_ready_ms": floor,
        "floor_worker_long_task_ms": summary([lt for _, lt, _ in floor_worker]),
        "floor_worker_wire_bytes": summary([b for _, _, b in floor_worker]),
        "floor_main_thread_ready_ms": summary([r for r, _, _ in floor_main]),
        "floor_main_thread_long_task_ms": summary([lt for _, lt, _ in floor_main]),
        "kit_ready_ms": kit_ready,
        "kit_ready_vs_floor": kit_ready["median"] / floor["median"],
        "kit_long_task_ms": summary([k["long_task_ms"] for k in kits]),
        "kit_first_paint_ms": summary([k["first_paint_ms"] for k in kits]),
        "keystroke_ms": {
            "p50": percentile(keys_ms, 0.5) if keys_ms else None,
            "p95": percentile(keys_ms, 0.95) if keys_ms else None,
            "n": len(keys_ms),
        },
        "apps_one_ready_ms": summary([r["ready_ms"] for r in one_app]),
        "apps_ten_ready_ms": summary([r["ready_ms"] for r in ten_apps]),
        "apps_switch_ms": _percentiles(switch_ms),
        "apps_ten_keystroke_ms": _percentiles(ten_keys_ms),
        "repeat_view_ms": summary([k["repeat_view_ms"] or float("nan") for k in kits]),
        "repeat_ready_ms": summary([k["repeat_ready_ms"] or float("nan") for k in kits]),
        "returning_ready_after_arrival_ms": summary(
            [k["returning_ready_after_arrival_ms"] for k in kits]
        ),
        "bytes_before_first_paint": summary([k["bytes_before_first_paint"] for k in kits]),
        "bytes_total": summary([k["bytes_total"] for k in kits]),
        "wire_bytes_first_visit": summary([k["wire_bytes_first_visit"] for k in kits]),
        "typed_answer_ms": summary([t["answer_ms"] for t in typed]),
        "typed_keystroke_ms": summary([t["typed_ms"] for t in typed]),
        "typed_ready_ms": summary([t["ready_ms"] for t in typed]),
        "phone": phone,
        "page_js_heap_bytes": summary([k["page_js_heap_bytes"] for k in kits]),
        "worker_wasm_heap_bytes": summary([k["worker_wasm_heap_bytes"] for k in kits]),
        "core_cpython_ms": core,
        "build_s": builds,
        "build_ratio": builds["with_hook_s"] / builds["without_hook_s"],
        "lighthouse": scores,
    }


def _percentiles(values: list[float]) -> dict[str, float | int | None]:
    return {
        "p50": percentile(values, 0.5) if values else None,
        "p95": percentile(values, 0.95) if values else None,
        "n": len(values),
    }


def table(results: dict[str, Any]) -> str:
    def row(label: str, key: str, unit: str = "ms", scale: float = 1.0, target: str = "") -> str:
        s = results[key]
        digits = 2 if unit == "MB" else 1
        return (
            f"{label:<44} {s['median'] / scale:>10.{digits}f} {s['min'] / scale:>9.{digits}f}"
            f" {s['max'] / scale:>9.{digits}f} {unit:<3} {target}"
        )

    keys = results["keystroke_ms"]
    switch = results["apps_switch_ms"]
    ten_keys = results["apps_ten_keystroke_ms"]
    build = results["build_s"]
    answer_vs_floor = (
        results["typed_answer_ms"]["median"] / results["floor_worker_ready_ms"]["median"]
    )
    lines = [
        f"{'measure (median, min, max over ' + str(results['runs']) + ' fresh contexts)':<44}"
        f" {'median':>10} {'min':>9} {'max':>9}",
        row("(a) floor: loadPyodide() in a module worker", "floor_worker_ready_ms"),
        row("(b) loadPyodide() on the main thread", "floor_main_thread_ready_ms"),
        row("(b) ... its main-thread long tasks", "floor_main_thread_long_task_ms"),
        row(
            "(c) kit: navigation start -> Python ready",
            "kit_ready_ms",
            target=f"x{results['kit_ready_vs_floor']:.2f} of (a); goal <= x1.10",
        ),
        row(
            "(c) kit: main-thread long tasks while loading",
            "kit_long_task_ms",
            target="goal <= 200 ms",
        ),
        row("(c) kit: first contentful paint", "kit_first_paint_ms"),
        row(
            "(c) typed at first paint: first keystroke",
            "typed_keystroke_ms",
            target="(the reader types their name)",
        ),
        row(
            "(c) ... drafts show it (first answer)",
            "typed_answer_ms",
            target=f"x{answer_vs_floor:.2f} of (a)",
        ),
        row("(c) ... Python ready in that same run", "typed_ready_ms"),
        f"{'(c) keystroke -> drafts updated, p50 / p95':<44} {keys['p50'] or 0:>10.1f}"
        f" {keys['p95'] or 0:>9.1f} {'':>9} ms  (n={keys['n']}; goal p95 <= 16 ms)",
        row("(d) one application stored: Python ready", "apps_one_ready_ms"),
        row(
            "(d) ten applications stored: Python ready",
            "apps_ten_ready_ms",
            target="goal: as with one, within noise",
        ),
        f"{'(d) click -> other application shown, p50/p95':<44}"
        f" {switch['p50'] or 0:>10.1f} {switch['p95'] or 0:>9.1f} {'':>9} ms "
        f" (n={switch['n']}; goal p95 <= 16 ms)",
        f"{'(d) keystroke with ten stored, p50 / p95':<44}"
        f" {ten_keys['p50'] or 0:>10.1f} {ten_keys['p95'] or 0:>9.1f} {'':>9} ms "
        f" (n={ten_keys['n']}; as (c))",
        row("(c) repeat visit: cached View on screen", "repeat_view_ms", target="goal <= 150 ms"),
        row("(c) repeat visit: Python ready", "repeat_ready_ms"),
        row(
            "(c) returning reader: ready after arrival",
            "returning_ready_after_arrival_ms",
            target="goal <= 100 ms",
        ),
        row("(c) bytes before first paint", "bytes_before_first_paint", "kB", 1000),
        row(
            "(a) floor: bytes over the wire (gzip)",
            "floor_worker_wire_bytes",
            "MB",
            1e6,
            target="bare Pyodide",
        ),
        row("(c) kit: bytes over the wire (page+worker)", "bytes_total", "MB", 1e6),
        row(
            "(c) ... first visit, with the offline copy",
            "wire_bytes_first_visit",
            "MB",
            1e6,
            target="goal <= 4.5 MB",
        ),
        row("(c) page JS heap", "page_js_heap_bytes", "MB", 1e6),
        row("(c) worker WebAssembly heap", "worker_wasm_heap_bytes", "MB", 1e6),
        row(
            "core on CPython: drafts + schedule, 3 people",
            "core_cpython_ms",
            target="per keystroke; goal <= 2 ms",
        ),
        f"{'mkdocs build with / without the hook':<44} {build['with_hook_s']:>10.2f}"
        f" {build['without_hook_s']:>9.2f} {'':>9} s   "
        f"x{results['build_ratio']:.2f}; goal <= x2",
    ]
    phone = results["phone"]
    lines += [
        "phone: 412 px, Slow 4G (1.6 Mbps, 150 ms), 4x CPU, one run",
        f"{'  first paint / first keystroke':<44} {phone['first_paint_ms']:>10.1f}"
        f" {phone['typed_ms']:>9.1f} {'':>9} ms",
        f"{'  drafts show what was typed (first answer)':<44} {phone['answer_ms']:>10.1f}"
        f" {'':>9} {'':>9} ms",
        f"{'  Python ready':<44} {phone['ready_ms']:>10.1f} {'':>9} {'':>9} ms",
        f"{'  bytes over the wire by the first answer':<44}"
        f" {phone['wire_bytes_at_answer'] / 1e6:>10.2f} {'':>9} {'':>9} MB",
    ]
    for name, scores in results["lighthouse"].items():
        label = name if "mobile" in name else f"{name} (desktop)"
        lines.append(f"{'Lighthouse ' + label:<44} {scores}")
    return "\n".join(lines)


def main(argv: list[str] | None = None, clock: Callable[[], float] = time.time) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--keys", type=int, default=100)
    parser.add_argument("--no-lighthouse", action="store_true")
    parser.add_argument(
        "--lighthouse-runs", type=int, default=5, help="Lighthouse mobile runs per page (median)"
    )
    args = parser.parse_args(argv)
    results = measure(args.runs, args.keys, not args.no_lighthouse, args.lighthouse_runs)
    results["measured_at"] = clock()
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / "latest.json").write_text(json.dumps(results, indent=2), "utf-8")
    print(table(results))
    print(f"\nwritten to {out / 'latest.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
