"""Every built page passes the Nu HTML Checker (W3C's validator), offline, with no error of ours."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VNU = ROOT / "tests" / "tools" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Material's own markup, not ours: its drawer and search toggles are checkboxes with
# autocomplete="off", which it sets so browsers do not restore them open after a reload.
KNOWN = ("Attribute “autocomplete” is only allowed when the input type is",)


def test_every_page_is_valid_html(built_site: Path) -> None:
    java = shutil.which("java")
    assert java, "The HTML check needs Java: run `make setup-test` (it installs a JRE as root)."
    assert VNU.is_file(), "vnu.jar is missing: run `make setup-test`."
    pages = sorted(str(p) for p in built_site.rglob("*.html"))
    result = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--format", "json", *pages],
        capture_output=True,
        text=True,
        check=False,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    ours = [
        f"{Path(m['url']).parent.name or 'home'}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if not m["message"].startswith(KNOWN)
    ]
    assert ours == []
    # The allowance is for Material's two toggles per page, and nothing more.
    assert len(messages) - len(ours) <= 2 * len(pages)
