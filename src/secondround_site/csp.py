"""One site-wide Content-Security-Policy, from the inline scripts of every built page."""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

__all__ = [
    "HEADERS_FILE",
    "META_MARK",
    "inline_script_hashes",
    "page_policy",
    "write_policy",
]

HEADERS_FILE = "_headers"
META_MARK = '<meta http-equiv="Content-Security-Policy"'

# An executable inline script: no src, and a JavaScript type or none (Material's `__config` is
# JSON data, which the browser never runs and CSP does not govern).
_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S)
_CHARSET = re.compile(r'<meta charset="utf-8">', re.I)

# Directives for the pages, each piece justified:
_DIRECTIVES: tuple[tuple[str, str], ...] = (
    ("default-src", "'self'"),
    # Pyodide compiles WebAssembly ('wasm-unsafe-eval', never 'unsafe-eval'); the theme and the
    # kit each have a few small inline scripts, allowed by their exact hashes only.
    ("script-src", "'self' 'wasm-unsafe-eval'"),
    # Stylesheets come from the site only. The theme sets element.style from script (CSSOM),
    # which CSP does not restrict, and writes no style attribute or <style> element.
    ("style-src", "'self'"),
    # The theme's icons are data: SVGs in its stylesheet; downloads are blob: URLs, not images.
    ("img-src", "'self' data:"),
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("worker-src", "'self'"),
    ("manifest-src", "'self'"),
    ("object-src", "'none'"),
    ("base-uri", "'none'"),
    ("form-action", "'none'"),
    # No Trusted Types (require-trusted-types-for 'script'): Material's bundle writes HTML
    # strings through innerHTML (its element helper appends string children with
    # `innerHTML +=`, and search results and tooltips are set the same way), which the
    # policy would block; a permissive default policy would only pretend to enforce it.
)

# Only a header can carry these: a <meta> policy ignores frame-ancestors.
HEADER_ONLY = (("frame-ancestors", "'none'"),)
PERMISSIONS = (
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), encrypted-media=(), "
    "fullscreen=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), "
    "payment=(), picture-in-picture=(), publickey-credentials-get=(), screen-wake-lock=(), "
    "serial=(), usb=(), xr-spatial-tracking=()"
)


def inline_script_hashes(html: str) -> set[str]:
    """The CSP source for each executable inline script in one page, e.g. 'sha256-…'."""
    out = set()
    for match in _SCRIPT.finditer(html):
        attrs = match["attrs"]
        if "src=" in attrs:
            continue
        kind = re.search(r'type="([^"]*)"', attrs)
        if kind and kind.group(1) not in ("module", "text/javascript"):
            continue
        digest = hashlib.sha256(match["body"].encode("utf-8")).digest()
        out.add(f"'sha256-{base64.b64encode(digest).decode('ascii')}'")
    return out


def page_policy(hashes: set[str], extra: tuple[tuple[str, str], ...] = ()) -> str:
    """The policy text: every directive above, the script hashes sorted for a stable build."""
    parts = []
    for name, value in (*_DIRECTIVES, *extra):
        if name == "script-src" and hashes:
            value = f"{value} {' '.join(sorted(hashes))}"
        parts.append(f"{name} {value}")
    return "; ".join(parts)


def write_policy(site_dir: Path) -> str:
    """Put one policy in every page's head, and the same as headers in `_headers`; return it.

    Instant navigation keeps the first page's policy for the whole visit, so the policy must
    allow the inline scripts of every page, not just its own.
    """
    pages = sorted(site_dir.rglob("*.html"))
    texts = {page: page.read_text("utf-8") for page in pages}
    hashes: set[str] = set()
    for text in texts.values():
        hashes |= inline_script_hashes(text)
    policy = page_policy(hashes)
    meta = f'{META_MARK} content="{policy}">'
    for page, text in texts.items():
        if META_MARK in text:
            continue
        # First thing after the charset: the policy must come before any script it governs.
        marked, found = _CHARSET.subn(lambda m: f"{m.group(0)}\n      {meta}", text, count=1)
        if not found:
            raise ValueError(f"{page}: no <meta charset> to put the policy after")
        page.write_text(marked, "utf-8")
    headers = (
        "/*\n"
        f"  Content-Security-Policy: {page_policy(hashes, HEADER_ONLY)}\n"
        "  X-Content-Type-Options: nosniff\n"
        "  Referrer-Policy: no-referrer\n"
        f"  Permissions-Policy: {PERMISSIONS}\n"
    )
    (site_dir / HEADERS_FILE).write_text(headers, "utf-8")
    return policy
