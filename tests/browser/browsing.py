"""Helpers for the browser tests: the request and console log, waiting for Python, and axe."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import BrowserContext, ConsoleMessage, Page, Request

__all__ = ["PYTHON_TIMEOUT_MS", "READY", "Log", "axe_violations", "open_kit", "settle", "watch"]

READY = '[data-status="ready"]:not([hidden])'
PYTHON_TIMEOUT_MS = 60_000


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
