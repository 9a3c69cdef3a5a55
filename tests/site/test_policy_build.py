"""The build's Content-Security-Policy: every inline script hashed, one policy for every page."""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from secondround_site.csp import HEADERS_FILE, inline_script_hashes, page_policy


def sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<script>alert(1)</script>", {sha("alert(1)")}),
        ('<script type="module">go()</script>', {sha("go()")}),
        ('<script src="a.js"></script>', set()),
        ('<script id="__config" type="application/json">{"a": 1}</script>', set()),
        ("<script>\n  a();\n</script><script>b()</script>", {sha("\n  a();\n"), sha("b()")}),
    ],
    ids=["plain", "module", "external", "json-data", "two"],
)
def test_inline_scripts_are_hashed_exactly(html: str, expected: set[str]) -> None:
    assert inline_script_hashes(html) == expected


def test_the_policy_never_allows_inline_code_or_other_origins() -> None:
    policy = page_policy({sha("x")})
    assert "unsafe-inline" not in policy
    assert "unsafe-eval'" not in policy.replace("'wasm-unsafe-eval'", "")
    assert "http" not in policy
    assert "object-src 'none'" in policy


class Scripts(HTMLParser):
    """Every executable inline script of a page, as the browser sees it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.bodies: list[str] = []
        self._open = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        runs = found.get("type") in (None, "module", "text/javascript")
        self._open = tag == "script" and "src" not in found and runs
        if self._open:
            self.bodies.append("")

    def handle_data(self, data: str) -> None:
        if self._open:
            self.bodies[-1] += data

    def handle_endtag(self, tag: str) -> None:
        self._open = False


def test_every_built_page_carries_one_policy_that_allows_its_scripts(built_site: Path) -> None:
    pages = sorted(built_site.rglob("*.html"))
    policies = set()
    for page in pages:
        text = page.read_text("utf-8")
        found = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', text)
        assert len(found) == 1, page
        policies.add(found[0])
        head = text[: text.index("</head>")]
        assert head.index("Content-Security-Policy") < head.index("<script"), page
        parser = Scripts()
        parser.feed(text)
        for body in parser.bodies:
            assert sha(body) in found[0], f"{page}: an inline script is not allowed"
    # Instant navigation keeps the first page's policy: every page must carry the same one.
    assert len(policies) == 1
    headers = (built_site / HEADERS_FILE).read_text("utf-8")
    assert policies.pop() + "; frame-ancestors 'none'" in headers
    assert "X-Content-Type-Options: nosniff" in headers
    assert "Referrer-Policy: no-referrer" in headers
