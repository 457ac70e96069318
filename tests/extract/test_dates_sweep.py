"""Dates found by a phrasing sweep (invented reports, places and days; none from an evaluation
set): month ranges, parts of a named month, relative months and vague "days later", and which
date a change takes when a sentence tells two."""
from __future__ import annotations

import datetime as dt

import pytest

from ingestion.extract import extract_report
from ingestion.extract.dates import find_dates
from ingestion.models import ControlChange, Report

PUB = dt.date(2025, 7, 10)  # a Thursday


def changes(text: str, published: str = "2025-07-10") -> list[ControlChange]:
    return [f for f in extract_report(Report(id="t", published=published, text=text)) if isinstance(f, ControlChange)]


def date_of(facts, place: str) -> tuple[str | None, str | None]:
    return next((f.date, f.date_end) for f in facts if place in f.place)


def spans(text: str, pub: dt.date = PUB) -> list[tuple[dt.date | None, dt.date | None, str]]:
    return [(d.first, d.last, d.precision) for d in find_dates(text, pub)]


@pytest.mark.parametrize(("text", "first", "last"), [
    ("between February and April", dt.date(2025, 2, 1), dt.date(2025, 4, 30)),
    ("from Jan to March", dt.date(2025, 1, 1), dt.date(2025, 3, 31)),
    ("in October-November", dt.date(2024, 10, 1), dt.date(2024, 11, 30)),
    ("in April and May 2023", dt.date(2023, 4, 1), dt.date(2023, 5, 31)),
])
def test_two_months_end_to_end_are_one_interval(text, first, last):
    assert spans(text) == [(first, last, "month")]


def test_a_month_range_across_new_year_starts_the_year_before():
    assert spans("from October to February", dt.date(2026, 2, 20)) == [
        (dt.date(2025, 10, 1), dt.date(2026, 2, 20), "month")]


def test_a_month_then_a_day_is_not_a_month_range():
    assert [s[:2] for s in spans("from February to April 4")] == [
        (dt.date(2025, 2, 1), dt.date(2025, 2, 28)), (dt.date(2025, 4, 4), dt.date(2025, 4, 4))]


@pytest.mark.parametrize(("text", "first", "last"), [
    ("in the last week of February", dt.date(2025, 2, 22), dt.date(2025, 2, 28)),
    ("during the final week of March", dt.date(2025, 3, 25), dt.date(2025, 3, 31)),
    ("in the third week of May", dt.date(2025, 5, 15), dt.date(2025, 5, 21)),
    ("over the first two weeks of April", dt.date(2025, 4, 1), dt.date(2025, 4, 14)),
    ("in the last week of last month", dt.date(2025, 6, 24), dt.date(2025, 6, 30)),
    ("in the closing days of January", dt.date(2025, 1, 22), dt.date(2025, 1, 31)),
    ("in the second half of March", dt.date(2025, 3, 16), dt.date(2025, 3, 31)),
    ("in the first half of this month", dt.date(2025, 7, 1), dt.date(2025, 7, 10)),
    ("in the middle of April", dt.date(2025, 4, 10), dt.date(2025, 4, 20)),
])
def test_a_part_of_a_named_month(text, first, last):
    assert [s[:2] for s in spans(text)] == [(first, last)]


def test_last_week_of_a_month_is_not_last_week():
    facts = changes("The PDF overran Sagyin village in the last week of March, residents said.")
    assert date_of(facts, "Sagyin") == ("2025-03-25", "2025-03-31")


def test_the_weekend_of_a_date_is_that_date():
    facts = changes("The KNLA overran a junta camp at Htee Moo Hta on the weekend of May 17-18.")
    assert date_of(facts, "Htee Moo Hta") == ("2025-05-17", "2025-05-18")


def test_a_fortnight_ago():
    assert spans("a fortnight ago") == [(dt.date(2025, 6, 26), dt.date(2025, 6, 26), "day")]


def test_months_later_counts_months_from_the_date_before():
    facts = changes("The TNLA took Nam Lan town in February. Three months later, it seized Man Ton Hka town.")
    first, last = date_of(facts, "Man Ton Hka")
    assert "2025-04-10" <= first <= "2025-05-20" and "2025-05-10" <= last <= "2025-06-20"


def test_weeks_later_is_a_stretch_after_the_date_before():
    facts = changes("Resistance fighters took Sagyin village on April 4. Weeks later, they overran Kyun Taw village.")
    first, last = date_of(facts, "Kyun Taw")
    assert first > "2025-04-04" and last >= "2025-05-01"


def test_months_after_a_change_told_in_the_clause_counts_back():
    facts = changes("The junta retook Nam Lan town on June 25, four months after the TNLA seized it.")
    assert date_of(facts, "Nam Lan") == ("2025-06-25", None)


def test_the_change_a_relative_date_counts_from_takes_the_date_before():
    facts = changes("The KNLA overran Kyaik Don town on May 11. Three days after Kyaik Don fell, it seized Paw Ban village.")
    assert date_of(facts, "Kyaik Don") == ("2025-05-11", None)
    assert date_of(facts, "Paw Ban") == ("2025-05-14", None)


def test_a_week_after_capturing_is_the_date_before():
    facts = changes("The AA seized Sa Bai village on April 8. A week after capturing Sa Bai, the AA took Ma Ei village.")
    assert date_of(facts, "Sa Bai") == ("2025-04-08", None)
    assert date_of(facts, "Ma Ei") == ("2025-04-15", None)


def test_a_date_opening_the_next_verb_is_not_the_first_verbs():
    facts = changes("On May 4, fighters of the local defence forces overran Nyaung Kone village and on May 9 they "
                    "captured Tha Yet Taw village.")
    assert date_of(facts, "Nyaung Kone") == ("2025-05-04", None)
    assert date_of(facts, "Tha Yet Taw") == ("2025-05-09", None)


def test_a_listed_place_with_its_own_verb_takes_that_verbs_date():
    facts = changes("The KIA captured Sama village on June 2, and Lung Hkawng village fell on June 5.")
    assert date_of(facts, "Sama") == ("2025-06-02", None)
    assert date_of(facts, "Lung Hkawng") == ("2025-06-05", None)


def test_a_day_before_a_change_puts_that_change_after():
    facts = changes("The MNDAA seized Hsen Wi village on 2 June, a day before it took Mong Ko village.")
    assert date_of(facts, "Hsen Wi") == ("2025-06-02", None)
    assert date_of(facts, "Mong Ko") == ("2025-06-03", None)


def test_a_relative_date_does_not_count_from_a_date_after_it():
    facts = changes("The KIA seized Sama village on 2 June. Lung Hkawng village fell four days later, and Nam Hpat "
                    "village on 9 June.")
    assert date_of(facts, "Lung Hkawng") == ("2025-06-06", None)


def test_a_paragraph_listing_what_the_one_before_told_takes_its_date():
    facts = changes("The KNLA said it had overrun four junta camps in March.\n\n"
                    "Its fighters seized the Kyaik Hto camp and the Win Yaw camp after weeks of shelling.")
    assert date_of(facts, "Kyaik Hto") == ("2025-03-01", "2025-03-31")


def test_a_paragraph_after_a_recent_date_keeps_the_week_before_the_report():
    facts = changes("The KNLA said it had overrun a junta camp on Tuesday.\n\n"
                    "Its fighters also seized the Win Yaw camp, residents said.")
    assert date_of(facts, "Win Yaw") == ("2025-07-03", "2025-07-10")


def test_a_bracketed_on_day_after_a_place_is_its_own():
    facts = changes("The TNLA took Nam Lan town (on May 2) and Man Ton Hka town (on May 6).")
    assert date_of(facts, "Nam Lan") == ("2025-05-02", None)
    assert date_of(facts, "Man Ton Hka") == ("2025-05-06", None)


def test_the_date_in_a_relative_clause_with_its_own_subject_is_not_the_main_verbs():
    facts = changes("Regime troops retook Nam Lan town, which the TNLA had seized on 4 February, on 20 May.")
    assert ("2025-05-20", None) in [(f.date, f.date_end) for f in facts if "Nam Lan" in f.place]


def test_an_undated_change_after_older_dates_runs_from_the_last_date_told():
    facts = changes("On June 12 the KNLA and the junta clashed near Win Yaw village.\n\n"
                    "On June 18 the KNLA freed its prisoners.\n\n"
                    "After the KNLA seized the Kyaik Hto camp, dozens of soldiers fled towards the river.")
    assert date_of(facts, "Kyaik Hto") == ("2025-06-18", "2025-07-10")


def test_an_undated_change_after_recent_dates_keeps_the_week_before_the_report():
    facts = changes("On Tuesday the KNLA and the junta clashed near Win Yaw village.\n\n"
                    "After the KNLA seized the Kyaik Hto camp, dozens of soldiers fled towards the river.")
    assert date_of(facts, "Kyaik Hto") == ("2025-07-03", "2025-07-10")


def test_an_undated_opening_participle_is_the_month_up_to_the_main_clause():
    facts = changes("Having overrun Nam Sai town, the AA moved on Zinma in early June.")
    assert date_of(facts, "Nam Sai") == ("2025-05-11", "2025-06-10")


@pytest.mark.parametrize(("text", "first", "last"), [
    ("in the first half of the year", dt.date(2025, 1, 1), dt.date(2025, 6, 30)),
    ("during the third quarter of 2024", dt.date(2024, 7, 1), dt.date(2024, 9, 30)),
    ("in the first three months of last year", dt.date(2024, 1, 1), dt.date(2024, 3, 31)),
    ("in the last two months of 2023", dt.date(2023, 11, 1), dt.date(2023, 12, 31)),
    ("in the last two weeks of April", dt.date(2025, 4, 17), dt.date(2025, 4, 30)),
])
def test_a_part_of_a_year_or_month_after_in_the(text, first, last):
    assert [s[:2] for s in spans(text)] == [(first, last)]


@pytest.mark.parametrize(("text", "first"), [
    ("in recent weeks", dt.date(2025, 6, 10)),
    ("in recent months", dt.date(2025, 3, 12)),
    ("over the past few days", dt.date(2025, 7, 3)),
])
def test_recent_stretches_run_to_the_report(text, first):
    assert [s[:2] for s in spans(text)] == [(first, PUB)]


def test_the_week_ending_a_day_and_the_week_of_a_day():
    assert [s[:2] for s in spans("in the week ending May 18")] == [(dt.date(2025, 5, 12), dt.date(2025, 5, 18))]
    assert [s[:2] for s in spans("during the week of 12 May")] == [(dt.date(2025, 5, 12), dt.date(2025, 5, 18))]


def test_yesterday_in_quoted_speech_is_the_day_before_it_was_said():
    facts = changes('"Yesterday our troops took Sama village," a KIA officer told reporters on Monday.')
    assert date_of(facts, "Sama") == ("2025-07-06", None)


def test_days_ago_said_on_a_day_counts_from_that_day():
    facts = changes("The AA said on Monday that it had overrun Sa Bai village three days ago.")
    assert date_of(facts, "Sa Bai") == ("2025-07-04", None)


def test_a_weekday_after_the_day_it_was_said_is_the_week_before():
    facts = changes("State media said on July 2 that troops had regained Nam Lan town on Thursday.")
    assert date_of(facts, "Nam Lan") == ("2025-06-26", None)


def test_relative_dates_chain_from_sentence_to_sentence():
    facts = changes("The TNLA took Nam Lan town on May 3. The next day it seized Man Ton Hka town. Three days later it "
                    "overran Pang Hseng village.")
    assert date_of(facts, "Man Ton Hka") == ("2025-05-04", None)
    assert date_of(facts, "Pang Hseng") == ("2025-05-07", None)


def test_relative_dates_chain_within_a_sentence():
    facts = changes("The TNLA took Nam Lan town on May 3. Two days later it seized Man Ton Hka town, and a week after "
                    "that it overran Pang Hseng village.")
    assert date_of(facts, "Man Ton Hka") == ("2025-05-05", None)
    assert date_of(facts, "Pang Hseng") == ("2025-05-12", None)


def test_a_day_told_beside_a_relative_clause_is_the_main_verbs():
    facts = changes("On May 9, three days after the Light Infantry Battalion 771 base was overrun, the AA took Sa Bai "
                    "village.")
    assert date_of(facts, "Sa Bai") == ("2025-05-09", None)
    assert date_of(facts, "771") == ("2025-05-06", None)


def test_a_relative_date_counts_from_the_day_told_in_its_clause():
    facts = changes("Two weeks after the KNLA seized Kyaik Don town on April 3, regime troops withdrew from Paw Ban "
                    "village.")
    assert date_of(facts, "Kyaik Don") == ("2025-04-03", None)
    assert date_of(facts, "Paw Ban") == ("2025-04-17", None)
    facts = changes("Regime troops withdrew from Paw Ban village two weeks after the KNLA seized Kyaik Don town on April 3.")
    assert date_of(facts, "Paw Ban") == ("2025-04-17", None)


@pytest.mark.parametrize(("text", "first"), [
    ("since late March", dt.date(2025, 3, 21)),
    ("since mid-March", dt.date(2025, 3, 10)),
    ("since early March", dt.date(2025, 3, 1)),
])
def test_since_part_of_a_month_starts_in_that_part(text, first):
    assert [s[:2] for s in spans(text)] == [(first, PUB)]


def test_on_an_ordinal_day_and_a_numeric_date_without_zeros():
    assert [s[:2] for s in spans("regained the camp on 3rd.")] == [(dt.date(2025, 7, 3), dt.date(2025, 7, 3))]
    assert [s[:2] for s in spans("on 2025-6-9")] == [(dt.date(2025, 6, 9), dt.date(2025, 6, 9))]
    assert spans("on 3rd floor") == []


def test_a_relative_date_with_nothing_told_before_is_the_week_before_the_report():
    facts = changes("Days after regime troops pulled back, the PDF overran Sagyin village.")
    assert date_of(facts, "Sagyin") == ("2025-07-03", "2025-07-10")
