"""Helpers for the browser tests: the request and console log, waiting for Python, and axe."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page, Request

__all__ = [
    "COLLECT_VIOLATIONS",
    "IDENTITY",
    "KIT_STATE",
    "PLACE",
    "PYTHON_TIMEOUT_MS",
    "READY",
    "TO_THE_TOP",
    "Log",
    "SharedKit",
    "address",
    "axe_violations",
    "open_kit",
    "settle",
    "watch",
]

READY = '[data-status="ready"]:not([hidden])'
PYTHON_TIMEOUT_MS = 60_000
# An init script: every policy violation the page sees, from the first script on.
COLLECT_VIOLATIONS = (
    "window.__violations = [];"
    "document.addEventListener('securitypolicyviolation', (e) =>"
    " window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}`));"
)


@dataclass
class Log:
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def ours(self) -> list[str]:
        """Errors raised in our own scripts (for tests where the theme's own code must fail)."""
        return [e for e in self.errors if "assets/secondround/" in e or "sr-" in e]

    def policy_violations(self) -> list[str]:
        """What the Content-Security-Policy blocked, as Chromium reports it in the console."""
        return [e for e in self.errors if "Content Security Policy" in e]

    def foreign(self) -> list[str]:
        """Requests that left 127.0.0.1 (data: and blob: URLs never leave the browser)."""
        out = []
        for url in self.requests:
            parts = urlsplit(url)
            if parts.scheme in ("data", "blob"):
                continue
            if parts.hostname != "127.0.0.1":
                out.append(url)
        return out


def watch(context: BrowserContext, log: Log) -> None:
    def on_request(request: Request) -> None:
        log.requests.append(request.url)

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            log.errors.append(message.text)

    def on_page(page: Page) -> None:
        page.on("console", on_console)
        page.on(
            "pageerror",
            lambda error: log.errors.append(f"uncaught: {error.message} at {error.stack}"),
        )

    context.on("request", on_request)
    context.on("page", on_page)


def open_kit(page: Page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector(READY, timeout=PYTHON_TIMEOUT_MS)


def address(page: Page) -> str:
    """The address as the page holds it now. Playwright's `page.url` learns of the kit's
    history.replaceState from the browser process, by an event that can trail the page itself."""
    return str(page.evaluate("location.href"))


def settle(page: Page) -> None:
    """Wait until the worker has answered every event sent so far."""
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => setTimeout(r, 50)))")
    page.wait_for_function("() => !window.__secondround || window.__secondround.pending() === 0")


def axe_violations(page: Page, selector: str | None = None) -> list[str]:
    results = Axe().run(page, context=selector) if selector else Axe().run(page)
    out = []
    for violation in results.response["violations"]:
        targets = [node["target"] for node in violation["nodes"]]
        out.append(f"{violation['id']}: {violation['help']} at {targets}")
    return out


# What a test could change on the kit: the address, the saved checklist, the form, the drafts,
# the notices, the page's classes (printing sets some), and what lives in the page alone (folds
# closed, a draft being edited, focus, scrolling).
KIT_STATE = """() => {
  const kit = document.querySelector('#secondround-kit');
  return {
    url: location.href,
    saved: Object.keys(localStorage).filter(k => !k.endsWith('view-cache')).sort()
      .map(k => [k, localStorage.getItem(k)]),
    fields: [...kit.querySelectorAll('input, textarea, select')].map(f =>
      [f.id || f.name, f.type === 'checkbox' || f.type === 'radio' ? f.checked : f.value]),
    drafts: [...kit.querySelectorAll('.sr-draft__body')].map(d => d.textContent),
    notices: [...kit.querySelectorAll('.sr-notice')].map(n => n.textContent),
    classes: [document.documentElement.className, document.body.className,
      ...[...kit.querySelectorAll('[class*="sr-print"]')].map(e => e.className)],
    folds: [...kit.querySelectorAll('details')].map(d => d.open),
    focus: document.activeElement?.id || document.activeElement?.tagName || '',
    scroll: Math.round(window.scrollY),
  };
}"""
# The parts of KIT_STATE that say which checklist this is (a cleared kit is a new one each time).
IDENTITY = ("url", "saved")
# And where the reader is on the page: a click moves the focus, and may scroll.
PLACE = ("focus", "scroll")
# Back to the top of the page, with nothing focused.
TO_THE_TOP = "() => { document.activeElement?.blur(); window.scrollTo(0, 0); }"


class SharedKit:
    """One kit page, booted once and shared by several tests, in a context of its own."""

    def __init__(self, browser: Browser, url: str) -> None:
        self.browser = browser
        self.url = url
        self.log = Log()
        self.context: BrowserContext | None = None
        self.page: Page | None = None
        # For a kit cleared before each test: the state every test must find it in.
        self.cleared: dict[str, object] | None = None

    def open(self) -> Page:
        if self.page is None:
            self.log = Log()
            # Clipboard access for the copy buttons; the violation collector for the policy.
            self.context = self.browser.new_context(
                permissions=["clipboard-read", "clipboard-write"]
            )
            self.context.add_init_script(COLLECT_VIOLATIONS)
            watch(self.context, self.log)
            self.page = self.context.new_page()
            self.page.goto(self.url)
            self.page.wait_for_selector(READY, timeout=PYTHON_TIMEOUT_MS)
            settle(self.page)
            # Booting is checked like every test: clean, local, within the policy.
            assert self.log.errors == [], self.log.errors
            assert self.log.foreign() == []
        return self.page

    def close(self) -> None:
        if self.context is not None:
            self.context.close()
        self.context = None
        self.page = None
        self.cleared = None

    def mark(self) -> tuple[int, int]:
        return len(self.log.errors), len(self.log.requests)

    def problems_since(self, mark: tuple[int, int]) -> list[str]:
        """What the `kit` fixture checks after a test: console errors (policy violations among
        them), requests off 127.0.0.1, and violations the page itself saw."""
        assert self.page is not None
        errors, requests = mark
        found = [*self.log.errors[errors:], *Log(requests=self.log.requests[requests:]).foreign()]
        violations: list[str] = self.page.evaluate("window.__violations")
        return found + violations
