"""Reading the shipped holiday table: known days, regions, names, and what it does not know."""

from __future__ import annotations

from datetime import date

import pytest

from secondround.input.public_holidays import (
    NO_HOLIDAYS,
    country_of,
    holiday_calendar,
    region_from_language,
    region_name,
    regions_of,
    table_years,
)


# Each day checked by hand against that year's calendar of the place.
@pytest.mark.parametrize(
    ("region", "day", "off"),
    [
        pytest.param("US", "2026-11-26", True, id="thanksgiving"),
        pytest.param("US", "2026-11-27", False, id="day-after-thanksgiving-is-not-federal"),
        pytest.param("US", "2026-12-25", True, id="christmas-us"),
        pytest.param("US", "2027-01-01", True, id="new-year-us"),
        pytest.param("GB-ENG", "2026-04-03", True, id="good-friday-england"),
        pytest.param("GB-ENG", "2026-04-06", True, id="easter-monday-england"),
        pytest.param("GB-SCT", "2026-04-06", False, id="easter-monday-is-worked-in-scotland"),
        pytest.param("GB-SCT", "2027-01-04", True, id="scotlands-second-of-january-observed"),
        pytest.param("GB", "2026-12-26", False, id="a-saturday-holiday-is-a-weekend-anyway"),
        pytest.param("GB", "2026-12-28", True, id="boxing-day-observed"),
        pytest.param("CA", "2026-07-01", True, id="canada-day"),
        pytest.param("CA-QC", "2026-06-24", True, id="saint-jean-baptiste-quebec"),
        pytest.param("CA-ON", "2026-06-24", False, id="not-in-ontario"),
        pytest.param("IN", "2025-10-20", True, id="diwali"),
        pytest.param("AU-VIC", "2026-11-03", True, id="melbourne-cup"),
        pytest.param("AU-NSW", "2026-11-03", False, id="not-in-sydney"),
        pytest.param("DE-BY", "2026-01-06", True, id="epiphany-bavaria"),
        pytest.param("DE-BE", "2026-01-06", False, id="not-in-berlin"),
        pytest.param("US", "2028-02-29", False, id="leap-day-is-a-working-day"),
    ],
)
def test_known_days(region: str, day: str, off: bool) -> None:
    calendar = holiday_calendar(region)
    assert calendar.known
    assert calendar.is_holiday(date.fromisoformat(day)) is off


def test_the_table_years_and_coverage() -> None:
    assert table_years() == (2025, 2030)
    us = holiday_calendar("US")
    assert not us.covers(date(2024, 12, 25))
    assert us.covers(date(2025, 1, 1))
    assert us.covers(date(2030, 12, 31))
    assert not us.covers(date(2031, 1, 1))
    assert NO_HOLIDAYS.covers(date(2031, 1, 1))
    assert not NO_HOLIDAYS.days


@pytest.mark.parametrize("region", ["ZZ", "US-ZZ", "US-", "us", "GB-ENG-X", "-"])
def test_a_region_the_table_lacks_has_no_holidays_and_says_so(region: str) -> None:
    calendar = holiday_calendar(region)
    assert not calendar.known
    assert not calendar.days
    assert not calendar.covers(date(2026, 12, 25))


def test_no_region_means_no_holidays() -> None:
    assert holiday_calendar("") is NO_HOLIDAYS


@pytest.mark.parametrize(
    ("region", "name"),
    [
        ("US", "United States"),
        ("US-CA", "California, United States"),
        ("GB-NIR", "Northern Ireland, United Kingdom"),
        ("FR-971", "Guadeloupe, France"),
        ("US-ZZ", "US-ZZ"),
        ("ZZ", "ZZ"),
    ],
)
def test_region_names(region: str, name: str) -> None:
    assert region_name(region) == name


def test_regions_of_a_country() -> None:
    assert regions_of("GB") == (
        ("GB-ENG", "England"),
        ("GB-NIR", "Northern Ireland"),
        ("GB-SCT", "Scotland"),
        ("GB-WLS", "Wales"),
    )
    assert regions_of("IE") == ()
    assert regions_of("ZZ") == ()
    assert country_of("CA-QC") == "CA"
    assert country_of("CA") == "CA"


@pytest.mark.parametrize(
    ("tag", "region"),
    [("en-NZ", "NZ"), ("en-IE", "IE"), ("pt-BR", "BR"), ("x" * 100, ""), ("en-us", "US")],
)
def test_region_from_language(tag: str, region: str) -> None:
    assert region_from_language(tag) == region


def test_states_are_listed_by_name_not_by_code() -> None:
    names = [name for _, name in regions_of("US")]
    assert names[:5] == ["Alabama", "Alaska", "American Samoa", "Arizona", "Arkansas"]
    assert names == sorted(names, key=str.casefold)
