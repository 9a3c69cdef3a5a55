"""The kit's standing notices: saving off, an older bookmark, a shared link, and the like."""

from __future__ import annotations

from secondround.app.model import Notice
from secondround.input.profile import left_out
from secondround.saved.applications import (
    TooMany,
)

__all__ = [
    "CLEARED",
    "EXAMPLE_CLEARED",
    "EXAMPLE_NOTICE",
    "FORGOTTEN",
    "FULL",
    "NO_DATES",
    "NO_DATES_ALL",
    "OLDER_BOOKMARK",
    "SAVING_OFF",
    "SHARED",
]


SAVING_OFF = Notice(
    "warning",
    "This browser is not letting the kit save, so your checklist lasts only for this "
    "visit. Use Export or the bookmark link to keep it.",
)


NO_DATES = Notice(
    "warning", "Enter the date of your interview first: the calendar holds your dated steps."
)


NO_DATES_ALL = Notice(
    "warning",
    "None of your active applications has a step left with a date yet, so there is nothing to "
    "put in a calendar.",
)


CLEARED = Notice(
    "info",
    "This application was cleared. What it held is kept aside.",
    "restore",
    "Undo: bring back what you cleared",
)


EXAMPLE_NOTICE = Notice(
    "info",
    "This is an example. Type over it with your own details; they stay in this browser.",
    "reset",
    "Start blank",
)


SWAPPED = Notice(
    "info",
    "The version you chose is shown, and saved. The one it replaced is kept aside: Undo brings "
    "it back.",
    "restore",
    "Undo: show the version it replaced",
)
OLDER_BOOKMARK = Notice(
    "info",
    "This bookmark holds an older version of the checklist saved in this browser, so the "
    "newer one was kept.",
    "restore",
    "Open the bookmarked version instead",
)


SHARED = Notice(
    "info",
    "This checklist was shared without its owner's contact details: "
    f"{left_out('their')} are left empty on purpose.",
)


FULL = Notice("warning", TooMany.default)


FORGOTTEN = Notice(
    "info",
    "Everything the kit kept in this browser is gone: your checklist, its backups, the saved "
    "view and the offline copy. The link in the address bar no longer holds your details.",
)
FORGOTTEN_UNDO = Notice(
    "info",
    FORGOTTEN.text + " Until you close this tab, you can still bring your applications back.",
    "unforget",
    "Undo: bring my applications back",
)
BROUGHT_BACK = Notice(
    "info",
    "Your applications and your details are back in this browser. The offline copy comes back "
    "the next time the page loads.",
)


EXAMPLE_CLEARED = Notice(
    "info",
    "You started your own checklist, so the example's other details were cleared: none of "
    "them can end up in your drafts by mistake.",
    "keep_example",
    "Fill the fields I left empty from the example",
)
