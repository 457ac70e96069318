"""No fact is dated after its report's publication (0.2.1): invented sentences and places.

A past event's date is on or before publication: a day named without a year is resolved
backwards, an interval running past publication ends on the publication day, and a day
after publication ("next Friday", "by 20 March 2025") is a plan, not an event date.
"""
from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

import pytest

from ingestion.extract import extract_report
from ingestion.extract.dates import find_dates, not_after
from ingestion.models import ControlChange, Report
from ingestion.reports import parse_report
from synthetic.reports import generate

PUB = "2025-03-05"  # a Wednesday
DEMO = Path(__file__).parents[2] / "data" / "demo" / "reports"


def run(text: str, published: str = PUB):
    return extract_report(Report(id="t", published=published, text=text))


def dates_of(facts):
    return [(f.date, f.date_end) for f in facts]


def assert_not_after(facts, published: str = PUB):
    for f in facts:
        assert f.date is None or f.date <= published[:10], (f.date, f.evidence)
        assert f.date_end is None or f.date_end <= published[:10], (f.date_end, f.evidence)


def test_relative_day_after_the_anchor_stops_at_publication():
    facts = run("Kachin Independence Army fighters captured the Infantry Battalion 901 base near Lwe Gyaw on Tuesday. "
                "Two days later, KIA fighters seized the Light Infantry Battalion 902 base near Lwe Gyaw.")
    caps = {f.unit.key: f for f in facts if isinstance(f, ControlChange) and f.unit}
    assert caps["IB-901"].date == "2025-03-04"
    assert caps["LIB-902"].date == PUB  # March 6 would be after publication
    assert_not_after(facts)


def test_day_without_year_just_after_publication_is_no_event_date():
    facts = run("The KIA said its fighters captured the Infantry Battalion 903 base near Hka Lun on March 7.")
    assert facts and all(f.date != "2025-03-07" for f in facts)
    assert_not_after(facts)
    assert find_dates("by March 7", dt.date(2025, 3, 5)) == []


def test_day_without_year_far_after_publication_is_last_year():
    spans = find_dates("on December 10", dt.date(2025, 3, 5))
    assert [(d.first, d.last) for d in spans] == [(dt.date(2024, 12, 10), dt.date(2024, 12, 10))]


def test_weekday_resolves_backwards_and_next_weekday_is_no_date():
    pub = dt.date(2025, 3, 5)
    assert [d.first for d in find_dates("on Friday", pub)] == [dt.date(2025, 2, 28)]
    assert [d.first for d in find_dates("on Wednesday", pub)] == [pub]
    assert find_dates("next Friday", pub) == []
    assert find_dates("the coming Monday", pub) == []


def test_interval_end_is_clipped_to_publication():
    pub = dt.date(2025, 3, 25)
    (late,) = find_dates("in late March", pub)
    assert late.first == dt.date(2025, 3, 21) and late.last == pub
    facts = run("Arakan Army fighters overran the Light Infantry Battalion 904 base near Pauk Sin in late March.",
                "2025-03-25")
    assert dates_of(facts) == [("2025-03-21", "2025-03-25")]


def test_explicit_future_dates_are_not_dates():
    pub = dt.date(2025, 3, 5)
    assert find_dates("on 20 March 2025", pub) == []
    assert find_dates("on 2025-04-01", pub) == []
    assert find_dates("since December 2025", pub) == []
    assert find_dates("since 2026", pub) == []
    facts = run("The junta said it would hold the Infantry Battalion 905 base near Zee Pin until 20 March 2025, "
                "and KIA fighters have besieged it since December 2025.")
    assert_not_after(facts)


def test_future_plan_is_no_change():
    facts = run("The KIA vowed to capture the Infantry Battalion 906 base near Sin Lun by March 20.")
    assert not [f for f in facts if isinstance(f, ControlChange) and f.change == "captured"]


def test_not_after_guard():
    pub = dt.date(2025, 3, 5)
    assert not_after(dt.date(2025, 3, 1), dt.date(2025, 3, 9), pub) == (dt.date(2025, 3, 1), pub)
    assert not_after(dt.date(2025, 3, 6), None, pub) == (None, None)
    assert not_after(None, None, pub) == (None, None)


def test_demo_reports_have_no_fact_after_publication():
    for path in sorted(DEMO.glob("*.json")):
        rep = parse_report(json.loads(path.read_text()), str(path))
        assert_not_after(extract_report(rep), rep.published)


@pytest.mark.parametrize("seed", [1, 2])
def test_no_fact_after_publication_even_with_a_wrong_publication_day(seed):
    """Synthetic reports whose publication day is moved earlier than the events they tell."""
    rng = random.Random(seed)
    for rep, _ in generate(40, words=300, seed=seed, event_share=0.5):
        pub = dt.date.fromisoformat(rep.published[:10]) - dt.timedelta(days=rng.randint(0, 10))
        moved = Report(id=rep.id, published=pub.isoformat(), text=rep.text)
        assert_not_after(extract_report(moved), moved.published)
