"""A long window's facts are validated a few weeks at a time (bounded memory) and still judged
as one: every part's failures count, and a fact id repeated across parts fails the suite."""
from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd
import pytest

from quality.checks.facts import _with_unique_ids, duplicate_fact_ids, window_chunks
from quality.suites import validate_facts
from quality.validation import ExpectationOutcome, SuiteResult, merge_results

D = dt.date


def test_window_chunks_cover_the_window_in_order_without_overlap():
    spans = window_chunks((D(2025, 1, 1), D(2025, 2, 5)), days=14)
    assert spans == [(D(2025, 1, 1), D(2025, 1, 15)), (D(2025, 1, 15), D(2025, 1, 29)),
                     (D(2025, 1, 29), D(2025, 2, 5))]
    assert window_chunks((D(2025, 1, 1), D(2025, 1, 2))) == [(D(2025, 1, 1), D(2025, 1, 2))]
    assert window_chunks(None) == [None]


def _part(success: bool, count: int, examples: list[str], rows: int = 10) -> SuiteResult:
    return SuiteResult(suite="s", rows=rows, outcomes=[
        ExpectationOutcome("expect_column_values_to_not_be_null", "fact_id", True, "error", 0),
        ExpectationOutcome("expect_column_values_to_be_in_set", "kind", success, "error", count, examples)])


def test_a_failure_in_any_part_fails_the_merged_result_with_the_counts_added():
    merged = merge_results([_part(True, 0, []), _part(False, 2, ["f1", "f2"]), _part(False, 4, ["f3"])],
                           max_examples=2)
    assert merged.rows == 30 and not merged.success
    kind = merged.outcomes[1]
    assert (kind.success, kind.unexpected_count, kind.examples) == (False, 6, ["f1", "f2"])
    assert merged.outcomes[0].success


def test_parts_that_all_pass_pass():
    assert merge_results([_part(True, 0, []), _part(True, 0, [])]).success


def test_a_gx_error_in_one_part_is_the_merged_result_s():
    broken = SuiteResult(suite="s", rows=5, error="ValueError: boom")
    merged = merge_results([_part(True, 0, []), broken])
    assert merged.error == "ValueError: boom" and not merged.success


def test_a_fact_id_repeated_across_parts_fails_the_unique_expectation():
    con = duckdb.connect()
    con.execute("create schema raw")
    con.execute("create table raw.extracted_facts (fact_id varchar, published_date date, run_id varchar)")
    con.execute("insert into raw.extracted_facts values ('a', '2025-01-02', 'r'), ('b', '2025-01-20', 'r'), "
                "('a', '2025-01-21', 'r'), ('c', '2024-12-01', 'r'), ('c', '2025-01-03', 'r')")
    count, ids = duplicate_fact_ids(con, (D(2025, 1, 1), D(2025, 2, 1)), "r")
    assert (count, ids) == (2, ["a"])  # 'c' repeats only with a day outside the window
    merged = merge_results([SuiteResult(suite="s", rows=2, outcomes=[
        ExpectationOutcome("expect_column_values_to_be_unique", "fact_id", True, "error", 0)])] * 2)
    assert not _with_unique_ids(merged, (count, ids)).success
    assert _with_unique_ids(merged, (0, [])).success


@pytest.mark.parametrize("n_parts", [1, 3])
def test_the_real_facts_suite_merges_part_by_part(n_parts):
    rows = [{"fact_id": f"f{i}", "report_id": "r1", "kind": "bogus" if i == 4 else "claim", "metric": "killed",
             "evidence": "x", "published_date": "2025-01-02"} for i in range(6)]
    frame = pd.DataFrame(rows)
    parts = [validate_facts(chunk, {"r1": "x y"}) for chunk in
             (frame.iloc[i::n_parts].reset_index(drop=True) for i in range(n_parts))]
    merged = merge_results(parts)
    assert "expect_column_values_to_be_in_set(kind)" in [o.label() for o in merged.errors]


def test_gx_keeps_no_frame_once_a_suite_ran():
    """GX's execution engine caches every batch's data it loads (one frame per suite, for the
    life of the process): run_suite drops it, so a year's frames are not carried into the
    steps after the checks; the verdict is the same on the next run of the suite."""
    from quality import validation

    gxe = validation.expectations()
    suite = validation.expectation_suite("forget_me", [gxe.ExpectColumnValuesToNotBeNull(column="x")])
    first = validation.run_suite(pd.DataFrame({"x": range(1000)}), suite)
    manager = validation._state["datasource"].get_execution_engine().batch_manager
    assert first.error is None and all(o.success for o in first.outcomes)
    assert manager.batch_data_cache == {}
    again = validation.run_suite(pd.DataFrame({"x": [1, None, 3]}), suite)
    assert again.error is None and [o.unexpected_count for o in again.outcomes] == [1]
    assert manager.batch_data_cache == {}
