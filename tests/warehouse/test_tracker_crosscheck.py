"""mart_tracker_crosscheck on the fixture: Frontline's town-level changes against the
tracker rows of tests/warehouse/fixtures.py (TRACKER)."""
from __future__ import annotations

import shutil

import pytest

import duckdb

from tests.warehouse.conftest import run_dbt

pytestmark = pytest.mark.slow  # dbt builds of the fixture warehouse

FIGURES = ("agreed", "holder_disagreements", "tracker_only", "frontline_only", "tracker_events",
           "tracker_outside_coverage", "tracker_unresolved_towns", "frontline_changes")


def _figures(con, where: str) -> dict:
    row = con.execute(f"select {', '.join(FIGURES)} from mart_tracker_crosscheck where {where}").fetchall()
    assert len(row) == 1, where
    return dict(zip(FIGURES, row[0]))


def test_overall_figures(con):
    overall = _figures(con, "scope = 'overall'")
    # agreed: Lashio (dated 2 days later by the tracker), Kawlin captured by the PDF, Kawlin
    # left by the PDF to the military; disagreement: Shwegu (KIA in the reports, PDF in the
    # tracker); tracker-only: Kyaukme (listed under two slugs, counted once); outside
    # Frontline's dates: Paletwa 2024; unresolved: a slug the gazetteer has no town for.
    assert overall == {"agreed": 3, "holder_disagreements": 1, "tracker_only": 1, "frontline_only": 0,
                       "tracker_events": 6, "tracker_outside_coverage": 1, "tracker_unresolved_towns": 1,
                       "frontline_changes": 4}
    share = con.execute("select tracker_agreement_share, window_days from mart_tracker_crosscheck "
                        "where scope = 'overall'").fetchall()[0]
    assert share == (0.6, 7)


def test_per_town_rows(con):
    assert _figures(con, "town_name = 'Shwegu'")["holder_disagreements"] == 1
    kawlin = _figures(con, "town_name = 'Kawlin'")
    assert (kawlin["agreed"], kawlin["frontline_changes"]) == (2, 2)
    details = con.execute("select tracker_details from mart_tracker_crosscheck where town_name = 'Kyaukme'").fetchall()[0][0]
    assert [(d["town_id"], d["actor_key"], d["status"]) for d in details] == [("kyaukmae", "MILITARY", "tracker_only")]
    shwegu = con.execute("select tracker_details from mart_tracker_crosscheck where town_name = 'Shwegu'").fetchall()[0][0]
    assert shwegu[0]["actor_as_published"] == "PDF_NUG" and shwegu[0]["actor_key"] == "PDF"
    towns = {r[0] for r in con.execute("select town_name from mart_tracker_crosscheck where scope = 'town'").fetchall()}
    assert towns == {"Lashio", "Shwegu", "Kawlin", "Kyaukme", "Paletwa"}


def test_the_window_is_configurable(built_warehouse, tmp_path, monkeypatch):
    """With a window of one day, the tracker's Lashio date (two days after the reports')
    no longer matches: one tracker-only and one Frontline-only event instead of an agreement."""
    copy = tmp_path / "window.duckdb"
    shutil.copy(built_warehouse, copy)
    monkeypatch.setenv("FRONTLINE_TRACKER_WINDOW_DAYS", "1")
    run_dbt(copy, "run", "--select", "mart_tracker_crosscheck", target_path=tmp_path / "target")
    narrow = duckdb.connect(str(copy), read_only=True)
    try:
        overall = _figures(narrow, "scope = 'overall'")
        window = narrow.execute("select window_days from mart_tracker_crosscheck where scope = 'overall'").fetchall()[0][0]
    finally:
        narrow.close()
    assert window == 1
    assert (overall["agreed"], overall["tracker_only"], overall["frontline_only"]) == (2, 2, 1)


def test_the_bi_doc_queries_run(con):
    import re

    from tests.warehouse.fixtures import ROOT

    doc = (ROOT / "docs" / "bi.md").read_text(encoding="utf-8")
    section = doc.split("## Frontline and the town-control tracker", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```\n(.*?)```", section, flags=re.S).group(1)
    overview, details = [q.strip() for q in block.split(";") if q.strip()]
    rows = con.execute(overview).fetchall()
    assert rows[0][:6] == ("overall", None, 3, 1, 1, 0)
    assert {r[1] for r in rows[1:]} == {"Kyaukme", "Shwegu"}
    statuses = {(r[0], r[4]) for r in con.execute(details).fetchall()}
    assert ("Shwegu", "holder_disagrees") in statuses and ("Kyaukme", "tracker_only") in statuses
