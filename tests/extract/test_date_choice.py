"""Which date a control change takes (issue 9; invented reports, places and days): a speech
date is not the event's, a relative day counts from its own clause and from the last date told,
an opening perfect participle defers to a later sentence, a bracketed day belongs to its place."""
from __future__ import annotations

from ingestion.extract import extract_report
from ingestion.models import ControlChange, Report


def changes(text: str, published: str = "2025-06-20") -> list[ControlChange]:
    return [f for f in extract_report(Report(id="t", published=published, text=text)) if isinstance(f, ControlChange)]


def spans_of(facts, change: str = "captured") -> list[tuple[str | None, str | None]]:
    return [(f.date, f.date_end) for f in facts if f.change == change]


def test_a_range_of_days_dates_the_capture():
    facts = changes("The Arakan Army overran the Light Infantry Battalion 588 base near Zinma between 9 and 12 June.")
    assert spans_of(facts) == [("2025-06-09", "2025-06-12")]


def test_date_before_a_speech_verb_is_when_it_was_said():
    facts = changes("On Wednesday, the KIA announced that its troops had overrun the Light Infantry Battalion 589 base "
                    "near Loi Hkam.")
    assert spans_of(facts) == [("2025-06-11", "2025-06-18")]  # the week up to Wednesday 18 June


def test_said_on_a_day_dates_a_change_before_it():
    facts = changes("The TNLA said on Tuesday that it had seized the Light Infantry Battalion 590 base near Man Pying.")
    assert spans_of(facts) == [("2025-06-10", "2025-06-17")]


def test_relative_day_counts_from_its_own_clause_not_an_earlier_verb():
    facts = changes("The KIA began an assault on May 2 and captured Hkawng Lum town ten days later.")
    assert spans_of(facts) == [("2025-05-12", None)]


def test_opening_perfect_participle_takes_the_date_told_later():
    facts = changes("Having overrun Nam Sai town, the AA moved on Zinma in early June.\n\n"
                    "The AA had overrun Nam Sai town in March.")
    assert spans_of(facts) == [("2025-03-01", "2025-03-31")]


def test_bracketed_day_after_a_place_is_its_own():
    facts = changes("The KIA took the Light Infantry Battalion 591 base on Thursday, after capturing the Light Infantry "
                    "Battalion 592 base (June 10) and the Light Infantry Battalion 593 base (June 11).")
    got = {f.unit.number: f.date for f in facts if f.change == "captured" and f.unit}
    assert got["591"] == "2025-06-19" and got["592"] == "2025-06-10"
    assert got.get("593", "2025-06-11") == "2025-06-11"


def test_relative_day_opening_a_paragraph_counts_from_the_last_date():
    facts = changes("Fighting for Loi Hkam began on June 3, a KIA officer said.\n\n"
                    "Two days later, KIA troops seized the Light Infantry Battalion 594 base near Loi Hkam.")
    assert spans_of(facts) == [("2025-06-05", None)]


def test_the_following_day_dates_the_capture_after_the_attack():
    facts = changes("TNLA troops attacked the Light Infantry Battalion 595 base on June 7. The following day, they "
                    "captured the Light Infantry Battalion 595 base.")
    assert ("2025-06-08", None) in spans_of(facts)


def test_a_capture_told_in_passing_takes_its_date_from_where_it_is_told():
    facts = changes("Drones struck Loi Sam town, which the TNLA overran.\n\n"
                    "The TNLA overran Loi Sam town on 2 February after a week of fighting.")
    assert spans_of(facts) == [("2025-02-02", None)]


def test_a_capture_told_in_passing_with_no_date_is_not_last_week():
    # not the week before the report: the month before it, as wide a guess as it is (and the
    # weakest date in a merge, so a mention that dates it wins)
    facts = changes("Aid workers reached Loi Sam town, which the TNLA had overrun.")
    assert all((f.date, f.date_end) == ("2025-05-21", "2025-06-20") for f in facts if f.change == "captured")


def test_a_holding_told_in_a_relative_clause_is_dated_at_the_report():
    facts = changes("Troops dug in near Loi Sam town, which the TNLA now controls, residents said.")
    assert all(f.date is not None for f in facts if f.change == "held")


# --- claims ---------------------------------------------------------------------------------

from ingestion.models import Claim  # noqa: E402


def claim_spans(text: str, published: str = "2025-06-20") -> list[tuple[str | None, str | None, str]]:
    return [(c.date, c.date_end, c.date_precision)
            for c in extract_report(Report(id="t", published=published, text=text)) if isinstance(c, Claim)]


def test_figures_take_the_date_of_the_fighting_told_before():
    got = claim_spans("TNLA fighters clashed with junta troops near Loi Sam on June 9.\n\n"
                      "The TNLA said 14 junta soldiers were killed in the fighting.")
    assert got == [("2025-06-09", None, "day")]


def test_figures_of_the_next_day_count_from_the_anchor():
    got = claim_spans("TNLA fighters clashed with junta troops near Loi Sam on June 9. "
                      "The next day, the TNLA said, 6 junta soldiers were killed.")
    assert got == [("2025-06-10", None, "day")]


def test_undated_figures_are_the_week_before_the_report():
    assert claim_spans("The TNLA said 14 junta soldiers were killed near Loi Sam.") == [("2025-06-13", "2025-06-20", "week")]


def test_said_in_a_statement_on_a_day_is_a_speech_date():
    facts = changes("The AA said in a Telegram post on Wednesday that it had overrun the Light Infantry Battalion 596 "
                    "base near Zinma.")
    assert spans_of(facts) == [("2025-06-11", "2025-06-18")]


def test_a_date_inside_the_opening_participle_is_its_own():
    facts = changes("Having overrun Nam Sai town on 4 May, the AA moved on Zinma in early June.")
    assert spans_of(facts) == [("2025-05-04", None)]


def test_an_undated_capture_opening_a_paragraph_takes_the_next_sentences_date():
    facts = changes("Mong Hpa town has fallen to the TNLA, residents said. Fighting ended on 12 April when the last "
                    "junta troops fled.\n\nAid groups are preparing to return.")
    assert spans_of(facts) == [("2025-04-12", None)]


def test_an_undated_contest_opening_a_paragraph_is_the_week_before_the_report():
    facts = changes("Clashes have flared around Mong Hpa town, residents said. The TNLA had withdrawn from nearby hills "
                    "in late April.")
    assert spans_of(facts, "contested") in ([], [("2025-06-13", "2025-06-20")])
