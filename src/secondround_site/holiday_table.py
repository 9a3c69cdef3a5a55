"""Write the kit's compact public-holiday table from the `holidays` package (build time only).

Run `make holidays` (or `python -m secondround_site.holiday_table`) to refresh the table,
src/secondround/input/public_holidays.json, after changing the pinned `holidays` version, the years
or the countries below.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import sys
from datetime import date
from importlib.metadata import version
from pathlib import Path
from typing import Any

__all__ = [
    "COUNTRIES",
    "FIRST_YEAR",
    "LAST_YEAR",
    "TABLE_PATH",
    "build_table",
    "ensure_current",
    "gzip_size",
    "render",
    "write",
]

# The years around today (late 2026): an interview last year still has its dates right, and a
# decision promised a few years out still counts. Outside them the kit says it counts weekends.
FIRST_YEAR = 2025
LAST_YEAR = 2030
# Where readers of an English guide are likely to be, with each one's regions where the package
# knows them. Each costs a few hundred bytes; the table must stay far below 60 kB gzipped.
COUNTRIES = (
    "AT",
    "AU",
    "BE",
    "BR",
    "CA",
    "CH",
    "DE",
    "DK",
    "ES",
    "FI",
    "FR",
    "GB",
    "IE",
    "IN",
    "IT",
    "JP",
    "MX",
    "NL",
    "NO",
    "NZ",
    "PH",
    "PL",
    "PT",
    "SE",
    "SG",
    "US",
    "ZA",
)
TABLE_PATH = Path(__file__).resolve().parents[1] / "secondround" / "input" / "public_holidays.json"

_EPOCH = date(FIRST_YEAR, 1, 1).toordinal()
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")


def _days(found: Any) -> list[int]:
    """Day numbers from January 1 of FIRST_YEAR, weekends left out: no count ever lands on one."""
    return sorted(d.toordinal() - _EPOCH for d in found if d.weekday() < 5)


def _deltas(days: list[int]) -> str:
    """Gaps between sorted days, "0 107 3": small numbers gzip well, and one string per list
    is ten times quicker for the browser to parse than a JSON list of numbers."""
    return " ".join(str(b - a) for a, b in zip([0, *days], days, strict=False))


def _country_name(code: str) -> str:
    from holidays.registry import COUNTRIES as REGISTRY

    for class_name, registered, *_ in REGISTRY.values():
        if registered == code:
            # "UnitedKingdom" -> "United Kingdom"
            return str(_CAMEL.sub(" ", class_name))
    raise KeyError(code)


def _region_names(cls: Any) -> dict[str, str]:
    names: dict[str, str] = {}
    for name, code in (getattr(cls, "subdivisions_aliases", None) or {}).items():
        # The package lists the usual name first, bar a few codes ("GP" before "Guadeloupe").
        if code not in names and any(ch.islower() for ch in name):
            names[code] = name
    return names


def build_table() -> dict[str, Any]:
    """The table as plain data: for each country its days, and each region's days added/dropped."""
    import holidays

    years = range(FIRST_YEAR, LAST_YEAR + 1)
    countries: list[tuple[str, str, str, list[list[str]]]] = []
    for code in COUNTRIES:
        national = holidays.country_holidays(code, years=years)
        base = _days(national)
        names = _region_names(type(national))
        regions = []
        for sub in type(national).subdivisions:
            local = _days(holidays.country_holidays(code, subdiv=sub, years=years))
            added = sorted(set(local) - set(base))
            dropped = sorted(set(base) - set(local))
            regions.append([sub, names.get(sub, sub), _deltas(added), _deltas(dropped)])
        countries.append((code, _country_name(code), _deltas(base), regions))
    countries.sort(key=lambda c: c[1])
    return {
        "source": f"holidays {version('holidays')}",
        "years": [FIRST_YEAR, LAST_YEAR],
        # [code, name, day gaps, [[region code, name, gaps of days added, gaps of days dropped]]]
        # where day gaps count from January 1 of the first year.
        "countries": countries,
    }


def render(table: dict[str, Any]) -> str:
    """The table's one JSON spelling: same data, same bytes, so the wheel stays reproducible."""
    return json.dumps(table, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n"


def gzip_size(text: str) -> int:
    """Bytes the table costs a reader whose host sends gzip (mtime pinned, so it is stable)."""
    return len(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))


def write(path: Path = TABLE_PATH) -> str:
    """Regenerate the table file; returns its text."""
    text = render(build_table())
    path.write_text(text, encoding="utf-8")
    return text


def ensure_current(path: Path = TABLE_PATH, cache: Path | None = None) -> bool:
    """Rewrite the table if the pinned package says otherwise; True when it had to.

    The build calls this before it builds the wheel, so the wheel always ships what the
    package says; the committed copy keeps the wheel (and the unit tests) the same without it.
    Working the table out takes the package over a second and a half, so with a `cache`
    folder the answer is kept for this package version, this module and this table.
    """
    checked = None if cache is None else cache / f"{_check_key(path)}.current"
    if checked is not None and checked.is_file():
        return False
    text = render(build_table())
    rewritten = not (path.is_file() and path.read_text(encoding="utf-8") == text)
    if rewritten:
        path.write_text(text, encoding="utf-8")
    if cache is not None:
        # One answer kept: a new package, module or table makes a new key.
        for old in cache.glob("*.current"):
            old.unlink()
        cache.mkdir(parents=True, exist_ok=True)
        (cache / f"{_check_key(path)}.current").write_text(version("holidays"), encoding="utf-8")
    return rewritten


def _check_key(path: Path) -> str:
    parts = [
        version("holidays").encode(),
        Path(__file__).read_bytes(),
        path.read_bytes() if path.is_file() else b"",
    ]
    return hashlib.sha256(b"\0".join(parts)).hexdigest()[:32]


if __name__ == "__main__":
    written = write()
    raw = len(written.encode("utf-8"))
    print(f"Wrote {TABLE_PATH}: {raw} bytes, {gzip_size(written)} gzipped.", file=sys.stderr)
