"""export_acled_events against ACLED's codebook tables (../shared/reference/acled/): the
column order, and every coded value in the codebook's vocabulary."""
from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # a dbt build of the fixture warehouse (session)

# Columns of ACLED's current exports that the acledR codebook does not list, and the
# codebook column each follows in those exports.
EXTRA_COLUMNS = {"disorder_type": "time_precision", "tags": "fatalities"}
NO_ACTOR2 = 0  # ACLED's inter2 when there is no actor2


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def acled(shared_dir):
    folder = shared_dir / "reference" / "acled"
    codebook = _read(folder / "codebook.csv")
    return {
        "variables": [r["Variable"] for r in codebook],
        "values": {r["Variable"]: r["Values"] for r in codebook},
        "categories": _read(folder / "event_categories.csv"),
        "inter_codes": {int(float(r["Numeric Code"])) for r in _read(folder / "interaction_codes.csv")},
    }


def codes(values_text: str) -> set[int]:
    """``"1 = Actual date; 2 = Specific week"`` → ``{1, 2}``."""
    return {int(m) for m in re.findall(r"(?:^|;)\s*(\d+)\s*=", values_text)}


@pytest.fixture(scope="module")
def export(built_warehouse):
    import duckdb

    con = duckdb.connect(str(built_warehouse), read_only=True)
    try:
        cursor = con.execute("select * from export_acled_events")
        columns = [d[0] for d in cursor.description]
        rows = [dict(zip(columns, r)) for r in cursor.fetchall()]
        types = dict(con.execute("select column_name, data_type from information_schema.columns "
                                 "where table_name = 'export_acled_events'").fetchall())
        events = con.execute("select event_id, event_class, change, site_key, event_date from fct_control_events").fetchall()
    finally:
        con.close()
    assert rows, "the export is empty"
    return {"columns": columns, "rows": rows, "types": types, "events": events}


def test_columns_in_codebook_order(export, acled):
    columns = export["columns"]
    assert [c for c in columns if c in acled["variables"]] == acled["variables"]
    extras = [c for c in columns if c not in acled["variables"]]
    assert extras == list(EXTRA_COLUMNS)
    for extra, after in EXTRA_COLUMNS.items():
        assert columns.index(extra) == columns.index(after) + 1


def test_coded_values_are_in_the_codebook(export, acled):
    values = acled["values"]
    time_codes, geo_codes = codes(values["time_precision"]), codes(values["geo_precision"])
    interactions = codes(values["interaction"])
    assert {1, 2, 3} <= time_codes and 12 in interactions  # the codebook was parsed
    for row in export["rows"]:
        assert row["time_precision"] in time_codes
        assert row["geo_precision"] in geo_codes
        assert row["inter1"] in acled["inter_codes"] and row["inter1"] in codes(values["inter1"])
        if row["actor2"] is None:
            assert row["inter2"] == NO_ACTOR2
        else:
            assert row["inter2"] in acled["inter_codes"]
        assert row["interaction"] in interactions


def test_event_types_and_disorder_types_follow_the_categories(export, acled):
    categories = {(c["event_type"], c["sub_event_type"]): c for c in acled["categories"]}
    listed = {v.strip().lower() for v in acled["values"]["event_type"].split(";")}
    for row in export["rows"]:
        category = categories[(row["event_type"], row["sub_event_type"])]  # a pair the categories list
        assert row["event_type"].lower() in listed  # the codebook capitalises "Strategic Developments"
        political = float(category["political_violence"]) == 1.0
        assert row["disorder_type"] == ("Political violence" if political else "Strategic developments")


def test_identity_and_place_columns(export):
    types = export["types"]
    assert types["event_date"] == "DATE" and types["latitude"] == "DOUBLE"
    ids = [r["event_id_cnty"] for r in export["rows"]]
    assert len(ids) == len(set(ids))
    for row in export["rows"]:
        assert row["iso"] == 104 and row["iso3"] == "MMR" and row["country"] == "Myanmar"
        assert row["event_id_cnty"] == f"MMR{row['event_id_no_cnty']}" and row["data_id"] == row["event_id_no_cnty"]
        assert row["year"] == row["event_date"].year
        assert row["notes"].startswith("On ") and len(row["notes"]) <= 330
        assert row["fatalities"] >= 0 and row["actor1"]


def test_ids_are_derived_from_the_event_ids(built_warehouse):
    """event_id_no_cnty is a function of fct_control_events.event_id: the same event keeps
    its ACLED id in every run."""
    import duckdb

    con = duckdb.connect(str(built_warehouse), read_only=True)
    try:
        unmatched = con.execute("""
            select count(*) from export_acled_events as x
            where not exists (select 1 from fct_control_events as e
                              where cast(md5_number(e.event_id) % 1000000000000 as bigint) = x.event_id_no_cnty)
        """).fetchall()[0][0]
    finally:
        con.close()
    assert unmatched == 0


def _row(export, place, sub_event_type):
    """The one exported event whose evidence names ``place`` (the fixture's evidence is
    "(fixture) <change> <place>")."""
    rows = [r for r in export["rows"] if re.search(rf"\b{re.escape(place)}$", r["notes"])
            and r["sub_event_type"] == sub_event_type]
    assert len(rows) == 1, (place, sub_event_type, [(r["notes"], r["sub_event_type"]) for r in export["rows"]])
    return rows[0]


def test_vocabulary_of_each_kind_of_change(export):
    lashio = _row(export, "Lashio", "Government regains territory")
    assert (lashio["event_type"], lashio["actor1"], lashio["inter1"]) == ("Battles", "Military Forces of Myanmar (2021-)", 1)
    assert (lashio["actor2"], lashio["inter2"], lashio["interaction"]) == (
        "MNDAA: Myanmar National Democratic Alliance Army", 2, 12)
    shwegu = _row(export, "Shwegu", "Non-state actor overtakes territory")
    assert shwegu["actor1"] == "KIA: Kachin Independence Army" and shwegu["time_precision"] == 1
    assert "Demo Wire" in shwegu["source"] and "State Bulletin" in shwegu["source"]
    assert shwegu["source_scale"] == "National-Other" and shwegu["tags"] == "confirmation=confirmed_both_sides"
    kawlin_out = _row(export, "Kawlin", "Non-violent transfer of territory")
    assert kawlin_out["event_type"] == kawlin_out["disorder_type"] == "Strategic developments"
    ward = _row(export, "Thar Si ward", "Armed clash")
    assert ward["location"] == "Bhamo - Thar Si ward" and ward["actor1"] == "Unidentified Armed Group (Myanmar)" and ward["interaction"] == 30


def test_held_events_are_not_exported(export):
    exported = {r["event_id_no_cnty"] for r in export["rows"]}
    held = [e for e in export["events"] if e[1] == "held"]
    assert held and len(export["rows"]) == len(export["events"]) - len(held)
    assert len(exported) == len(export["rows"])


def test_fatalities_are_the_conservative_figure_of_the_covering_claims(export):
    """Shwegu, 8 March: the KIA claims 25 soldiers killed, the junta 12 (its own). The
    lowest figure, 12, is the one ACLED would code; an event no claim covers has 0."""
    shwegu = _row(export, "Shwegu", "Non-state actor overtakes territory")
    assert shwegu["fatalities"] == 12
    assert _row(export, "Lashio", "Government regains territory")["fatalities"] == 0
