"""The GX suites on small DataFrames (GX is imported once per process)."""
from __future__ import annotations

import datetime as dt

import pandas as pd

from qc_helpers import TEXT, fact
from quality import suites


def _reports(**overrides) -> pd.DataFrame:
    base = {"id": ["a", "b"], "published_date": [dt.date(2025, 3, 3)] * 2, "language": ["en", "my"],
            "text": [TEXT, TEXT], "content_hash": ["h1", "h2"], "version": [1, 1], "run_id": ["r"] * 2}
    base.update(overrides)
    return pd.DataFrame(base)


def test_reports_suite_passes_clean_rows(settings):
    result = suites.validate_reports(_reports(), settings)
    assert result.success and result.expectations_failed == 0 and result.expectations_passed > 5
    assert result.metadata()["rows_validated"] == 2


def test_reports_suite_errors_and_warnings(settings):
    frame = _reports(id=["a", "a", "c"], published_date=[dt.date(2025, 3, 3), dt.date(2030, 1, 1), dt.date(2019, 5, 1)],
                     language=["en", "fr", "en"], text=[TEXT, " ", TEXT], content_hash=["h1", "h2", "h3"],
                     version=[1, 2, 1], run_id=["r"] * 3)
    result = suites.validate_reports(frame, settings)
    assert not result.success
    assert [o.label() for o in result.errors] == ["expect_column_values_to_be_between(text_chars)"]
    warned = {o.column: o for o in result.warnings}
    assert set(warned) == {"published_day", "language", "content_variants"}
    assert warned["published_day"].examples == ["a", "c"]
    examples = result.metadata()["failing_examples"]
    assert examples["expect_column_values_to_be_between(text_chars)"]["examples"] == ["a"]


def test_reports_suite_missing_column_is_an_error(settings):
    result = suites.validate_reports(_reports().drop(columns=["content_hash"]), settings)
    assert "expect_column_to_exist(content_hash)" in [o.label() for o in result.errors]


def test_facts_suite(settings):
    rows = [fact(fact_id="ok"), fact(fact_id="claim", kind="claim"),
            fact(fact_id="bad-evidence", evidence="not there"),
            fact(fact_id="bad-enum", place_kind="castle"),
            fact(fact_id="late", date="2025-03-09")]
    result = suites.validate_facts(pd.DataFrame(rows), {"r1": TEXT}, settings)
    failed = {o.label(): o.examples for o in result.failed}
    assert failed == {
        "expect_column_values_to_be_in_set(place_kind)": ["bad-enum"],
        "expect_column_values_to_be_in_set(evidence_in_text)": ["bad-evidence"],
        "expect_column_pair_values_a_to_be_greater_than_b(published_day>=date_day)": ["late"],
    }
    clean = suites.validate_facts(pd.DataFrame(rows[:2]), {"r1": TEXT}, settings)
    assert clean.success, clean.metadata()


def test_facts_reference_suite_is_warn(settings):
    frame = pd.DataFrame([fact(fact_id="x", actor_to="Kachin Independence Army", unit_key="IB-236"),
                          fact(fact_id="y", actor_to="KIA-ish", unit_key="IB-999")])
    result = suites.validate_fact_references(frame, ["Kachin Independence Army"], ["IB-236"], settings)
    assert result.success  # warnings only
    assert {o.column: o.examples for o in result.warnings} == {"actor_to": ["y"], "unit_key": ["y"]}
    assert suites.validate_fact_references(frame, None, None, settings).outcomes == []


def test_mart_suite_shrink_and_orphans(settings):
    frame = pd.DataFrame({"fact_id": ["f1", "f2", "f3"], "report_id": ["a", "b", "zz"]})
    result = suites.validate_mart("fct_claims", frame, 10, ["a", "b"], settings)
    assert {o.label() for o in result.errors} == {"expect_table_row_count_to_be_between",
                                                  "expect_column_values_to_be_in_set(report_known)"}
    assert result.failing_examples()["expect_column_values_to_be_in_set(report_known)"]["examples"] == ["zz"]
    assert suites.validate_mart("fct_claims", frame.iloc[:2], 2, ["a", "b"], settings).success
    assert suites.validate_mart("fct_claims", frame.iloc[:2], None, ["a", "b"], settings).success


def test_mart_suite_keys(settings):
    """The ACLED export and the cross-check have no report ids: their key must be present and unique."""
    frame = pd.DataFrame({"mart_key": ["MMR1", "MMR2", "MMR2", None]})
    result = suites.validate_mart("export_acled_events", frame, None, None, settings, key_column="mart_key")
    assert {o.label() for o in result.errors} == {"expect_column_values_to_be_unique(mart_key)",
                                                  "expect_column_values_to_not_be_null(mart_key)"}
    assert suites.validate_mart("export_acled_events", frame.iloc[:2], 2, None, settings,
                                key_column="mart_key").success
