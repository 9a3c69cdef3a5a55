"""Public holidays by region, from the compact table the build writes (public_holidays.json)."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache, lru_cache
from typing import Any

__all__ = [
    "NO_HOLIDAYS",
    "TABLE_FILE",
    "HolidayCalendar",
    "countries",
    "country_of",
    "holiday_calendar",
    "region_from_language",
    "region_name",
    "regions_of",
    "table_years",
]

# Beside this module inside the wheel; written by `python -m secondround_site.holiday_table`.
TABLE_FILE = os.path.join(os.path.dirname(__file__), "public_holidays.json")


@dataclass(frozen=True)
class HolidayCalendar:
    """The public holidays of one region over the table's years.

    `known` is False for a region the table does not have (a bookmark from a later build, say):
    such a calendar has no holidays, and the kit says it counts weekends only.
    """

    region: str
    known: bool
    days: frozenset[date]
    first_year: int
    last_year: int

    def is_holiday(self, d: date) -> bool:
        return d in self.days

    def covers(self, d: date) -> bool:
        """Whether the table knows this day's holidays; outside its years only weekends count."""
        return self.known and self.first_year <= d.year <= self.last_year


NO_HOLIDAYS = HolidayCalendar("", True, frozenset(), 1, 9999)


# The table is read from the wheel once a visit: it is the same file all along.
@cache
def _table() -> dict[str, Any]:
    # Read on first use, not at import: a reader who picks no region never pays for it.
    with open(TABLE_FILE, encoding="utf-8") as f:
        table: dict[str, Any] = json.load(f)
    return table


# Per country: (name, day gaps, {region: (name, gaps added, gaps dropped)}); gaps stay text
# until a calendar for that country is asked for.
_Country = tuple[str, str, dict[str, tuple[str, str, str]]]


# The countries' entries, indexed once from the table above.
@cache
def _countries() -> dict[str, _Country]:
    return {
        code: (name, days, {sub: (sub_name, add, drop) for sub, sub_name, add, drop in regions})
        for code, name, days, regions in _table()["countries"]
    }


def table_years() -> tuple[int, int]:
    """The first and last year the table covers."""
    first, last = _table()["years"]
    return int(first), int(last)


def countries() -> tuple[tuple[str, str], ...]:
    """(code, English name) of every country in the table, by name."""
    return tuple((code, entry[0]) for code, entry in _countries().items())


def regions_of(country: str) -> tuple[tuple[str, str], ...]:
    """(full code such as "US-CA", name) of each region of a country whose holidays differ, by
    name as a reader looks for it ("Alabama, Alaska, American Samoa", not by postal code)."""
    entry = _countries().get(country)
    if entry is None:
        return ()
    regions = ((f"{country}-{sub}", data[0]) for sub, data in entry[2].items())
    return tuple(sorted(regions, key=lambda pair: (pair[1].casefold(), pair[0])))


def country_of(region: str) -> str:
    """The country part of a region code: "US" for "US-CA" and for "US"."""
    return region.split("-", 1)[0]


def region_name(region: str) -> str:
    """Words for a region code, "California, United States"; the code itself when unknown."""
    country, _, sub = region.partition("-")
    entry = _countries().get(country)
    if entry is None:
        return region
    if not sub:
        return entry[0]
    local = entry[2].get(sub)
    return f"{local[0]}, {entry[0]}" if local is not None else region


def _days(gaps: str) -> set[int]:
    """Day numbers from the table's "0 107 3" gaps between sorted days."""
    days, total = set(), 0
    for gap in gaps.split():
        total += int(gap)
        days.add(total)
    return days


# A region's set of days off is built from the table's ranges: real work, once per region
# (bounded, as a hostile bookmark can name any region).
@lru_cache(maxsize=32)
def holiday_calendar(region: str) -> HolidayCalendar:
    """The calendar for a region code ("US", "US-CA", "GB-SCT"); "" means none is wanted."""
    if not region:
        return NO_HOLIDAYS
    first, last = table_years()
    country, dash, sub = region.partition("-")
    entry = _countries().get(country)
    local = entry[2].get(sub) if entry is not None and sub else None
    if entry is None or (dash and local is None):
        return HolidayCalendar(region, False, frozenset(), first, last)
    days = _days(entry[1])
    if local is not None:
        days = (days | _days(local[1])) - _days(local[2])
    start = date(first, 1, 1)
    return HolidayCalendar(
        region, True, frozenset(start + timedelta(days=n) for n in days), first, last
    )


def region_from_language(tag: object) -> str:
    """The country a browser language tag names, when the table has it: "en-GB" -> "GB".

    Only the country: the reader picks a state or province themselves. "en", "es-419" or a
    country the table lacks give "" (no holidays), which the reader can change.
    """
    if not isinstance(tag, str) or len(tag) > 64:
        return ""
    for part in tag.replace("_", "-").split("-")[1:]:
        if len(part) == 2 and part.isascii() and part.isalpha():
            code = part.upper()
            return code if code in _countries() else ""
    return ""
