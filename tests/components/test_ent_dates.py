"""Date expressions resolved against the publication date (pure function, no model)."""

import datetime as dt

from pipeline.components.ent_dates import find_dates


def _iso(text: str, published: dt.date | None = dt.date(2024, 11, 15)) -> list[tuple[str, str]]:
    return [(text[d.start:d.end], d.iso) for d in find_dates(text, published)]


def test_month_day_takes_the_nearest_year():
    assert _iso("held on Nov. 14 and on November 14") == [("Nov. 14", "2024-11-14"), ("November 14", "2024-11-14")]
    assert _iso("on January 3", dt.date(2024, 12, 20)) == [("January 3", "2025-01-03")]


def test_ranges_months_and_years():
    assert _iso("from July 22 to 23") == [("July 22 to 23", "2024-07-22")]
    assert _iso("in August 2024") == [("August 2024", "2024-08")]
    assert _iso("established in 2019") == [("2019", "2019")]
    assert _iso("on 3 March 2025") == [("3 March 2025", "2025-03-03")]


def test_no_year_no_date():
    assert _iso("on November 14", None) == []
    assert _iso("the 35th meeting") == []


def test_bare_month_after_a_preposition():
    assert _iso("scheduled for July.", dt.date(2023, 6, 21)) == [("July", "2023-07")]
    assert _iso("floods since late June", dt.date(2025, 9, 9)) == [("June", "2025-06")]
    assert _iso("to be held in January", dt.date(2024, 12, 20)) == [("January", "2025-01")]
    assert _iso("in May 2024") == [("May 2024", "2024-05")]  # the month-year form, not a bare month
    assert _iso("Korea may join") == [] and _iso("July was hot") == []  # no preposition, no date
