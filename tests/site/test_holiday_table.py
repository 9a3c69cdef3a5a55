"""The shipped public-holiday table: what the pinned `holidays` package says, small, shipped."""

from __future__ import annotations

import gzip
import zipfile
from pathlib import Path

import holidays
import pytest

from secondround.input.public_holidays import countries, holiday_calendar, regions_of, table_years
from secondround_site import holiday_table
from secondround_site.holiday_table import FIRST_YEAR, LAST_YEAR, TABLE_PATH, build_table, render
from secondround_site.wheel import build_wheel

REFRESH = "make holidays"
# The budget for everything the holidays cost a reader, gzipped.
BUDGET = 60_000


def test_the_committed_table_is_what_the_package_says() -> None:
    assert TABLE_PATH.read_text(encoding="utf-8") == render(build_table()), (
        f"src/secondround/input/public_holidays.json is out of date: run `{REFRESH}` and commit it."
    )


def test_the_core_reads_back_every_regions_weekday_holidays() -> None:
    years = range(FIRST_YEAR, LAST_YEAR + 1)
    wrong = []
    for country, _ in countries():
        for region in (country, *dict(regions_of(country))):
            sub = region.partition("-")[2] or None
            expected = {
                d
                for d in holidays.country_holidays(country, subdiv=sub, years=years)
                if d.weekday() < 5
            }
            calendar = holiday_calendar(region)
            if not calendar.known or calendar.days != expected:
                wrong.append(region)
    assert wrong == []


def test_the_table_covers_the_years_around_today_and_the_likely_countries() -> None:
    # The year before the one this was written in, and three after it.
    assert table_years() == (FIRST_YEAR, LAST_YEAR) == (2025, 2030)
    codes = dict(countries())
    for country in ("US", "CA", "GB", "AU", "IE", "NZ", "IN", "DE", "FR", "ES", "IT", "NL"):
        assert country in codes
    assert {"US-CA", "CA-QC", "GB-SCT", "AU-VIC"} <= {
        code for country in ("US", "CA", "GB", "AU") for code, _ in regions_of(country)
    }


def test_what_ships_stays_within_budget(tmp_path: Path) -> None:
    wheel = build_wheel(Path(__file__).resolve().parents[2], tmp_path)
    with zipfile.ZipFile(wheel.path) as z:
        shipped = {
            name: z.read(name)
            for name in (
                "secondround/input/public_holidays.json",
                "secondround/input/public_holidays.py",
            )
        }
    assert shipped["secondround/input/public_holidays.json"] == TABLE_PATH.read_bytes()
    gzipped = sum(len(gzip.compress(data, mtime=0)) for data in shipped.values())
    assert gzipped <= BUDGET, f"The holidays cost {gzipped} bytes gzipped, over {BUDGET}."


def test_the_builds_check_is_kept_until_the_table_or_package_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    table = tmp_path / "public_holidays.json"
    table.write_text(TABLE_PATH.read_text(encoding="utf-8"), encoding="utf-8")
    cache = tmp_path / "cache"
    assert holiday_table.ensure_current(table, cache) is False
    # Kept: the next build does not ask the package again.
    monkeypatch.setattr(holiday_table, "build_table", _must_not_run)
    assert holiday_table.ensure_current(table, cache) is False
    monkeypatch.undo()
    # A table edited by hand is a new question: the package's answer is written back.
    table.write_text('{"edited": true}\n', encoding="utf-8")
    assert holiday_table.ensure_current(table, cache) is True
    assert table.read_text(encoding="utf-8") == TABLE_PATH.read_text(encoding="utf-8")
    assert len(list(cache.glob("*.current"))) == 1


def _must_not_run() -> None:
    raise AssertionError("the table was worked out again although nothing changed")
