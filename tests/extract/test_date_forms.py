"""Date forms of issue 9 (invented sentences, places and days): ranges, a weekday beside its
day, a year counted from publication, parts of a year, "N months ago"."""
from __future__ import annotations

import datetime as dt

from ingestion.extract.dates import find_dates

PUB = dt.date(2025, 6, 20)  # a Friday


def spans(text: str, pub: dt.date = PUB) -> list[tuple[dt.date, dt.date, str]]:
    return [(d.first, d.last, d.precision) for d in find_dates(text, pub)]


def d(y: int, m: int, day: int) -> dt.date:
    return dt.date(y, m, day)


def test_day_ranges_are_one_interval():
    assert spans("between 5 and 8 June") == [(d(2025, 6, 5), d(2025, 6, 8), "day")]
    assert spans("on 11-13 May") == [(d(2025, 5, 11), d(2025, 5, 13), "day")]
    assert spans("from May 11 to 14,") == [(d(2025, 5, 11), d(2025, 5, 14), "day")]
    assert spans("from May 11 to May 14") == [(d(2025, 5, 11), d(2025, 5, 14), "day")]
    assert spans("from 30 April until 2 May") == [(d(2025, 4, 30), d(2025, 5, 2), "day")]


def test_a_count_after_a_day_is_no_range():
    assert spans("On May 11 and 4 soldiers") != [(d(2025, 5, 4), d(2025, 5, 11), "day")]
    assert spans("on May 11 and 14 soldiers were hurt") == [(d(2025, 5, 11), d(2025, 5, 11), "day")]


def test_weekday_beside_its_day_is_that_day():
    assert spans("on Tuesday, May 13") == [(d(2025, 5, 13), d(2025, 5, 13), "day")]
    assert spans("on 13 May (Tuesday)") == [(d(2025, 5, 13), d(2025, 5, 13), "day")]


def test_last_year_after_a_day_or_month():
    assert spans("on May 9 last year") == [(d(2024, 5, 9), d(2024, 5, 9), "day")]
    assert spans("in April of last year")[0][:2] == (d(2024, 4, 1), d(2024, 4, 30))
    assert spans("in early May this year")[0][:2] == (d(2025, 5, 1), d(2025, 5, 10))


def test_parts_of_a_year():
    assert spans("in mid-2023") == [(d(2023, 5, 1), d(2023, 8, 31), "month")]
    assert spans("by late 2022") == [(d(2022, 9, 1), d(2022, 12, 31), "month")]
    (since,) = find_dates("since early 2024", PUB)
    assert since.since and since.first == d(2024, 1, 1) and since.last == PUB


def test_months_and_years_ago():
    assert spans("about three months ago") == [(d(2025, 3, 5), d(2025, 4, 4), "month")]
    (year,) = spans("a year ago")
    assert year[0] < d(2024, 6, 20) < year[1] and year[2] == "year"


def test_beginning_of_the_month():
    assert spans("at the beginning of the month")[0][0] == d(2025, 6, 1)


def test_a_range_runs_forwards():
    assert spans("on May 11 to 4,") == [(d(2025, 5, 11), d(2025, 5, 11), "day")]


def test_and_joins_two_days_only_after_between():
    assert spans("21 died on June 3 and 8 more on June 4")[0] == (d(2025, 6, 3), d(2025, 6, 3), "day")
    assert spans("fighting between June 3 and 9,") == [(d(2025, 6, 3), d(2025, 6, 9), "day")]


def test_numeric_days():
    assert spans("on 4/6/2025") == [(d(2025, 6, 4), d(2025, 6, 4), "day")]  # day first
    assert spans("on 05.13.2025") == [(d(2025, 5, 13), d(2025, 5, 13), "day")]  # no 13th month: month first
    assert spans("on 2025/06/04") == [(d(2025, 6, 4), d(2025, 6, 4), "day")]
    assert spans("on 2025-06-04") == [(d(2025, 6, 4), d(2025, 6, 4), "day")]


def test_weekday_of_last_week():
    assert spans("on Tuesday last week") == [(d(2025, 6, 10), d(2025, 6, 10), "day")]
    assert spans("on Tuesday") == [(d(2025, 6, 17), d(2025, 6, 17), "day")]


def test_few_and_several_ago():
    (few,) = spans("a few days ago")
    assert few[0] <= d(2025, 6, 16) <= few[1] < PUB
    (several,) = spans("several weeks ago")
    assert several[0] <= d(2025, 5, 20) <= several[1] and several[2] == "month"


def test_the_following_day_and_that_night_count_from_the_anchor():
    anchor = d(2025, 6, 3)
    for words, days in (("The following day", 1), ("later that day", 0), ("that night", 0), ("The day after", 1)):
        (span,) = find_dates(words, PUB)
        assert span.resolve(anchor, PUB) == (anchor + dt.timedelta(days=days),) * 2, words


def test_ordinal_day_without_a_month():
    assert spans("on the 14th,") == [(d(2025, 6, 14), d(2025, 6, 14), "day")]
    assert spans("on the 28th.") == [(d(2025, 5, 28), d(2025, 5, 28), "day")]  # after publication: last month's
    assert spans("on the 3rd of last month") == [(d(2025, 5, 3), d(2025, 5, 3), "day")]
    assert spans("the 33rd Light Infantry Division") == []
    assert spans("the 33rd, 77th and 99th divisions") == []


def test_date_dispatch_same_matches():
    """``DATE_DISPATCH`` (each position tried through the alternatives that can open with its
    character) finds what ``DATE_RE`` finds, span and every group, at every position."""
    from ingestion.extract.dates import DATE_DISPATCH, DATE_RE

    texts = ["On Monday, 3 March 2024, the junta said; since early June 2023 and in 2024 the TNLA held it.",
             "From 12-14 May to 2024-05-03, on 3/4/2024 two days later, the same day, a few weeks ago.",
             "SINCE THE START OF MARCH; Since mid-April; late on Friday night of last week; the 21st, and",
             "the previous night, that same evening, earlier this month, in the past three weeks, by 2023.",
             "yesterday Today tonight this morning; the weekend; over the weekend; Sept. 4, Aug 13-15 people.",
             "ſince March Ｍay 3 \u212aIA 1st 23 ...", "", "x", "s", "since", "June", "junta"]
    for text in texts:
        for p in range(len(text) + 1):
            a, b = DATE_RE.match(text, p), DATE_DISPATCH.match(text, p)
            assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups())), (text, p)
