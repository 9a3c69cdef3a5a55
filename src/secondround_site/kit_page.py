"""The kit's static HTML: the View of the example, wrapped in the load-status messages."""

from __future__ import annotations

from datetime import date
from html import escape

from secondround.app import boot, view
from secondround.app.render import to_html
from secondround.protocol import FAILURE_CODES, KIT_ID, DataAttribute, FailureCode, LoadStatus

__all__ = ["widget_html"]

# The kit gives up only after this long with nothing arriving and no start-up step done: a slow
# link that keeps moving may take minutes, and that is fine.
STALL_SECONDS = 30


def _data(name: DataAttribute, value: str = "") -> str:
    """One of the data-* attributes the page's scripts read (protocol.DataAttribute)."""
    return f'{name}="{escape(value)}"' if value else name


def _span(name: DataAttribute, content: str, attrs: str = "") -> str:
    return f"<span {_data(name)}{attrs}>{content}</span>"


# Why the kit could not start, by the code the worker or the page sends (protocol.FailureCode).
FAILURE_WORDS: dict[FailureCode, str] = {
    # The page puts the seconds build.mjs gives it (the same figure, unless a test shortens it).
    "stalled": f"nothing arrived for {_span('data-stall-seconds', str(STALL_SECONDS))} seconds",
    "download": "a file it needs could not be downloaded",
    "start": "Python stopped while starting",
    "worker": "this browser would not run its background script",
}


def _shown(status: LoadStatus, attrs: str = " hidden") -> str:
    return f"{_data('data-status', status)}{attrs}"


def _status_html() -> str:
    # The loader only toggles these and fills in numbers and details: every word is written
    # here, in Python.
    reasons = "".join(
        f"<span {_data('data-failure', code)} hidden>{FAILURE_WORDS[code]}</span>"
        for code in FAILURE_CODES
    )
    left = _span("data-left", "0")
    detail = _span("data-detail", "")
    return (
        '<div class="sr-status">'
        f"<p {_shown('static', '')}>This kit shows an example. With JavaScript on, it becomes "
        "yours: Python runs here in your browser and nothing you type is sent anywhere.</p>"
        f'<p {_shown("downloading")} role="status">Downloading Python for the kit: '
        f"{_span('data-loaded', '0.0')} of {_span('data-total', 'about 12')} MB"
        f"{_span('data-left-seconds', f', about {left} seconds left', ' hidden')}"
        f"{_span('data-left-minutes', f', about {left} minutes left', ' hidden')}. "
        "You can start typing now.</p>"
        f'<p {_shown("starting")} role="status">Starting Python…</p>'
        f'<p {_shown("ready")} role="status">Ready: your drafts update as you type.</p>'
        f'<div {_shown("failed")} role="alert">'
        f"<p>The kit could not start Python in this browser: {reasons}"
        f"{_span('data-failure-detail', f' ({detail})', ' hidden')}. "
        "The guide still works, and the drafts below are the last ones the kit wrote.</p>"
        f'<button type="button" class="md-button" {_data("data-retry")}>Retry</button></div>'
        "</div>"
    )


def widget_html(build: str, dom_script: str, today: date | None = None) -> str:
    """The whole widget as the build writes it: complete and readable before any script runs."""
    # The example is dated from the day of the build, so its checklist reads as a live one.
    day = today or date.today()
    model, _ = boot({}, True, {"now_ms": _ms(day), "tz_offset_min": 0})
    tree = view(model)["tree"]
    return (
        f'<section id="{KIT_ID}" class="sr-kit" {_data("data-build", build)} '
        'aria-label="Your follow-up kit">'
        f"{_status_html()}"
        '<noscript><p class="sr-noscript">Turn on JavaScript to make these drafts your own; '
        "the example shows what the kit writes.</p></noscript>"
        '<div class="sr-announce sr-visually-hidden" aria-live="polite" '
        f"{_data('data-announce')}></div>"
        f"{to_html(tree)}</section>"
        # Right after the markup, before the first paint: a returning reader's own View
        # replaces the example at once (the script is small and cached).
        f'<script src="{escape(dom_script)}" {_data("data-apply-cache")}></script>'
    )


def _ms(day: date) -> int:
    return (day.toordinal() - date(1970, 1, 1).toordinal()) * 86_400_000
