"""The kit's static HTML: the View of the example, wrapped in the load-status messages."""

from __future__ import annotations

from datetime import date
from html import escape

from secondround.app import boot
from secondround.render import to_html
from secondround.views import view

__all__ = ["widget_html"]

# The kit gives up only after this long with nothing arriving and no start-up step done: a slow
# link that keeps moving may take minutes, and that is fine.
STALL_SECONDS = 30


def _status_html() -> str:
    # The loader only toggles these and fills in numbers: every word is written here, in Python.
    return (
        '<div class="sr-status" data-status-box>'
        '<p data-status="static">This kit shows an example. With JavaScript on, it becomes yours: '
        "Python runs here in your browser and nothing you type is sent anywhere.</p>"
        '<p data-status="loading" hidden role="status">Downloading Python for the kit: '
        "<span data-loaded>0.0</span> of <span data-total>about 12</span> MB"
        "<span data-left-seconds hidden>, about <span data-left>0</span> seconds left</span>"
        "<span data-left-minutes hidden>, about <span data-left>0</span> minutes left</span>. "
        "You can start typing now.</p>"
        '<p data-status="starting" hidden role="status">Starting Python…</p>'
        '<p data-status="ready" hidden role="status">Ready: your drafts update as you type.</p>'
        '<div data-status="failed" hidden role="alert">'
        "<p>The kit could not start Python in this browser "
        "(<span data-reason>an error</span>"
        "<span data-reason-stalled hidden>nothing arrived for <span data-stall-seconds>"
        f"{STALL_SECONDS}</span> seconds</span>). "
        "The guide still works, and the drafts below are the last ones the kit wrote.</p>"
        '<button type="button" class="md-button" data-retry>Retry</button></div>'
        "</div>"
    )


def widget_html(build: str, dom_script: str, today: date | None = None) -> str:
    """The whole widget as the build writes it: complete and readable before any script runs."""
    # The example is dated from the day of the build, so its checklist reads as a live one.
    day = today or date.today()
    model = boot({}, True, {"now_ms": _ms(day), "tz_offset_min": 0})
    tree = view(model, build)["tree"]
    return (
        f'<section id="secondround-kit" class="sr-kit" data-build="{escape(build)}" '
        'aria-label="Your follow-up kit">'
        f"{_status_html()}"
        '<noscript><p class="sr-noscript">Turn on JavaScript to make these drafts your own; '
        "the example shows what the kit writes.</p></noscript>"
        '<div class="sr-announce sr-visually-hidden" aria-live="polite" data-announce></div>'
        f"{to_html(tree)}</section>"
        # Right after the markup, before the first paint: a returning reader's own View
        # replaces the example at once (the script is small and cached).
        f'<script src="{escape(dom_script)}" data-apply-cache></script>'
    )


def _ms(day: date) -> int:
    return (day.toordinal() - date(1970, 1, 1).toordinal()) * 86_400_000
