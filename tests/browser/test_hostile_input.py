"""Hostile text in every field is shown as text and never runs, and leaves no console error.

Every payload goes into the same booted kit, cleared before each (the `cleared_kit` fixture).
"""

from __future__ import annotations

import pytest
from browsing import settle
from playwright.sync_api import Dialog, Page, expect

from secondround.app.form_view import field_id
from secondround.input.fields import field_spec, form_paths

# Every field the reader can type in, from the form's one declaration (form.py): a field added
# later is tried too. Date inputs and the holiday selects take no free text.
FIELDS = [
    "#" + field_id(path)
    for path in form_paths()
    if field_spec(path).input != "date" and field_spec(path).section != "holidays"
]
PAYLOADS = {
    "script": "<script>window.__pwned = 1</script>",
    "img-onerror": '<img src=x onerror="window.__pwned = 1">',
    "attr-break": '"><svg onload="window.__pwned = 1">',
    "javascript-url": "javascript:window.__pwned = 1",
    "template": "{name} {{7*7}} ${window.__pwned = 1}",
    "header-injection": "a@b.test%0D%0ABcc: c@d.test\r\nBcc: e@f.test",
    "rtl-override": "\u202egnp.exe\u202c Zoë",
    "emoji": "👩🏽‍💻 Ana 🎉 ✉️",
    "huge": "x" * 100_000,
}


@pytest.mark.parametrize("payload", PAYLOADS.values(), ids=PAYLOADS.keys())
def test_payload_is_text_and_never_runs(cleared_kit: Page, payload: str) -> None:
    kit = cleared_kit
    dialogs: list[str] = []

    def on_dialog(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    kit.on("dialog", on_dialog)
    try:
        for field in FIELDS:
            kit.fill(field, payload)
        settle(kit)
    finally:
        kit.remove_listener("dialog", on_dialog)
    assert kit.evaluate("window.__pwned") is None
    assert dialogs == []
    live = kit.locator("#sr-live")
    expect(live.locator("script, img, svg, iframe")).to_have_count(0)
    hrefs = live.locator("a[href]").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert hrefs
    safe = ("mailto:", "#")
    assert [h for h in hrefs if not h.startswith(safe)] == []
    if len(payload) < 100:
        # Shown literally (bar the control characters the core strips), in the draft text.
        visible = payload.replace("\r\n", " ").replace("\u202e", "").replace("\u202c", "")
        assert visible.split()[0] in kit.locator("#sr-d-0-email").inner_text()
    else:
        assert len(kit.input_value("#sr-f-name")) == 120
