"""raw.extracted_facts is rewritten per window, from a stream, in one transaction."""
from __future__ import annotations

import datetime as dt

import duckdb
import pytest

from ingestion import facts_store
from ingestion.batching import batched
from ingestion.models import ControlChange, Unit

NOW = dt.datetime(2025, 3, 4, 12, 0)


def _row(report_id: str, day: str, place: str = "IB 236 base") -> dict:
    fact = ControlChange(report_id=report_id, change="captured", place=place, place_kind="military_base",
                         evidence="The KIA seized the IB 236 base.", unit=Unit("infantry_battalion", "236"),
                         actor_to="Kachin Independence Army", date=day, date_precision="day")
    return facts_store.fact_row(fact.to_dict(), content_hash="h", published_date=day, run_id="r", extracted_at=NOW)


def test_batched_keeps_order_and_bounds():
    assert list(batched(range(5), 2)) == [[0, 1], [2, 3], [4]]
    assert list(batched([], 3)) == []
    with pytest.raises(ValueError):
        list(batched([1], 0))


def test_fact_row_carries_the_unit_key():
    row = _row("a", "2025-03-03")
    assert (row["unit_type"], row["unit_number"], row["unit_key"]) == ("infantry_battalion", "236", "IB-236")


def test_a_window_is_replaced_from_a_generator_and_other_days_stay():
    con = duckdb.connect()
    facts_store.replace_window(con, [_row("old", "2025-03-02"), _row("a", "2025-03-03")], "2025-03-02", "2025-03-04")
    rows = (_row(f"r{i}", "2025-03-03", place=f"outpost {i}") for i in range(7))
    assert facts_store.replace_window(con, rows, "2025-03-03", "2025-03-04", batch_size=3) == 7
    by_day = dict(con.execute("select cast(published_date as varchar), count(*) from raw.extracted_facts "
                              "group by 1").fetchall())
    assert by_day == {"2025-03-02": 1, "2025-03-03": 7}
    # the same window again: the same rows, not twice as many
    facts_store.replace_window(con, (_row(f"r{i}", "2025-03-03", place=f"outpost {i}") for i in range(7)),
                               "2025-03-03", "2025-03-04", batch_size=3)
    assert con.execute("select count(*) from raw.extracted_facts").fetchall()[0][0] == 8


def test_a_failing_stream_leaves_the_window_as_it_was():
    con = duckdb.connect()
    facts_store.replace_window(con, [_row("a", "2025-03-03")], "2025-03-03", "2025-03-04")

    def broken():
        yield _row("b", "2025-03-03")
        raise RuntimeError("extractor crashed")

    with pytest.raises(RuntimeError):
        facts_store.replace_window(con, broken(), "2025-03-03", "2025-03-04", batch_size=1)
    assert con.execute("select report_id from raw.extracted_facts").fetchall() == [("a",)]
