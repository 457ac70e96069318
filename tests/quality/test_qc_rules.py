"""The pure row-level rules and systemic thresholds."""
from __future__ import annotations

import datetime as dt

import pytest

from quality.rules import (
    conflicting_ids, evidence_in_text, quarantine_share, row_count_bounds, row_count_ok,
    silent_sources, split_facts, split_reports, too_many_quarantined,
)
from quality.settings import QualitySettings
from qc_helpers import TEXT, TODAY, fact, report


def test_split_reports_keeps_good_and_names_rule_and_reason(settings):
    good, bad = split_reports([
        report("ok"),
        report("future", published="2025-04-01"),
        report("old", published="2020-12-31"),
        report("fr", language="fr"),
        report("tomorrow", published="2025-03-11"),  # within the 1-day tolerance
        report("blank", text="   "),
    ], settings)
    assert [r.id for r in good] == ["ok", "tomorrow"]
    rules = {b.row.id: (b.rule, b.reason) for b in bad}
    assert rules["future"][0] == "published_in_future" and "2025-04-01" in rules["future"][1]
    assert rules["old"][0] == "published_too_early" and "2021-01-01" in rules["old"][1]
    assert rules["fr"][0] == "language_not_allowed"
    assert rules["blank"][0] == "empty_text"


def test_earliest_date_and_languages_from_env(monkeypatch):
    monkeypatch.setenv("FRONTLINE_QC_EARLIEST_DATE", "2019-01-01")
    monkeypatch.setenv("FRONTLINE_QC_LANGUAGES", "en, fr")
    monkeypatch.setenv("FRONTLINE_QC_MAX_SHRINK_SHARE", "0.5")
    s = QualitySettings.from_env(today=TODAY)
    assert s.earliest_date == dt.date(2019, 1, 1) and s.languages == ("en", "fr")
    assert s.max_shrink_share == 0.5 and s.max_quarantine_share == 0.5 and s.nights_without_data == 3
    good, bad = split_reports([report("old", published="2020-06-01"), report("fr", language="fr")], s)
    assert len(good) == 2 and not bad


def test_conflicting_ids_flags_same_id_different_text():
    assert conflicting_ids([report("a"), report("a"), report("b"), report("b", text="other")]) == {"b": 2}


@pytest.mark.parametrize("evidence,ok", [
    ("captured the junta's Infantry Battalion (IB) 236 base", True),
    ("CAPTURED   the junta\u2019s infantry battalion (IB) 236 base", True),  # case, spaces, quote
    ("The Kachin Independence Army (KIA) captured ... Fighting continued in the town", True),
    ("Fighting continued ... The Kachin Independence Army", False),  # fragments out of order
    ("The KIA seized Bhamo airport", False),
    ("", False),
    (None, False),
])
def test_evidence_in_text(evidence, ok):
    assert evidence_in_text(evidence, TEXT) is ok


def test_split_facts_rules():
    texts = {"r1": TEXT}
    rows = [
        fact(fact_id="good"),
        fact(fact_id="claim", kind="claim"),
        fact(fact_id="not-in-text", evidence="The junta retook Lashio."),
        fact(fact_id="bad-enum", change="liberated"),
        fact(fact_id="bad-metric", kind="claim", metric="casualties"),
        fact(fact_id="late", date="2025-03-05"),
        fact(fact_id="late-end", date="2025-03-01", date_end="2025-03-04"),
        fact(fact_id="no-change", change=None),
        fact(fact_id="orphan", report_id="nope"),
        fact(fact_id="inverted", date="2025-03-02", date_end="2025-03-01"),
    ]
    good, bad = split_facts(rows, texts)
    assert [g["fact_id"] for g in good] == ["good", "claim"]
    got = {b.row["fact_id"]: b.rule for b in bad}
    assert got == {"not-in-text": "evidence_not_in_text", "bad-enum": "invalid_enum",
                   "bad-metric": "invalid_enum", "late": "date_after_published",
                   "late-end": "date_after_published", "no-change": "missing_field",
                   "orphan": "unknown_report", "inverted": "date_range_inverted"}
    assert all(b.reason for b in bad)


def test_split_facts_uses_published_dates_when_rows_lack_them():
    row = fact(date="2025-03-05")
    row.pop("published_date")
    good, bad = split_facts([row], {"r1": TEXT}, {"r1": "2025-03-03"})
    assert not good and bad[0].rule == "date_after_published"


def test_quarantine_share_threshold(settings):
    assert quarantine_share(0, 0) == 0.0
    assert not too_many_quarantined(1, 2, settings)  # 50% is not more than 50%
    assert too_many_quarantined(2, 3, settings)
    assert too_many_quarantined(2, 2, settings)


def test_silent_sources():
    history = {"a": [0, 0, 0, 5], "b": [0, 0], "c": [0, 4, 0], "d": [1, 0, 0]}
    assert silent_sources(history, 3) == ["a"]
    assert silent_sources(history, 2) == ["a", "b"]
    assert silent_sources(history, 0) == []


def test_row_count_bounds(settings):
    assert row_count_bounds(None, settings) == (0, None)
    assert row_count_bounds(100, settings) == (80, None)
    assert row_count_ok(80, 100, settings) and not row_count_ok(79, 100, settings)
    grow = QualitySettings(max_growth_factor=2.0)
    assert row_count_bounds(100, grow) == (80, 200) and not row_count_ok(201, 100, grow)


def test_a_report_text_is_normalised_once_for_all_its_facts():
    from quality import rules

    text = "The KIA captured  the base of\nLIB 321 on Tuesday. “Troops fled,” a resident said."
    rules._norm_text.cache_clear()
    verdicts = [rules.evidence_in_text(e, text) for e in
                ("the KIA captured the base of LIB 321", '"Troops fled," a resident said.',
                 "The KIA captured ... a resident said", "the AA captured the base")]
    assert verdicts == [True, True, True, False]
    assert rules._norm_text.cache_info().misses == 1  # one normalisation, four facts
