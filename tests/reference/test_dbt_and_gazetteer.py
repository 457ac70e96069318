"""The dbt reference group on the full reference set and on the demo, and the gazetteer."""
from __future__ import annotations

import duckdb
import pandas as pd
import pytest

from ingestion.reference.gazetteer_builder import build_gazetteer, gazetteer_from_warehouse
from ingestion.reference.pipeline import load_reference

from .conftest import run_dbt_reference

pytestmark = pytest.mark.slow  # dbt builds of the reference group on the real files


def test_dim_place_counts(full_con):
    counts = dict(full_con.execute("select level, count(*) from main.dim_place group by 1").fetchall())
    assert counts["township"] == 330
    assert counts["town"] == 494
    assert counts["state"] == 18
    total = full_con.execute("select sum(pop_total_2014) from main.dim_place where level = 'township'").fetchall()[0][0]
    assert total == 50_279_900
    row = full_con.execute("select pop_total_2014, pop_urban_2014, state_name from main.dim_place "
                           "where place_key = 'MMR001010'").fetchall()[0]
    assert row == (135_877, 58_696, "Kachin")
    kachin = full_con.execute("select pop_total_2014 from main.dim_place where place_key = 'MMR001'").fetchall()[0][0]
    assert kachin == 1_642_841


def test_dim_unit_and_actor(full_con):
    assert full_con.execute("select count(*) from main.dim_unit").fetchall()[0][0] > 640
    row = full_con.execute("select garrison_township_pcode, garrison_township_name from main.dim_unit "
                           "where unit_key = 'IB-236'").fetchall()[0]
    assert row == ("MMR001010", "Bhamo")
    actors = dict(full_con.execute("select actor_key, canonical_name from main.dim_actor").fetchall())
    assert len(actors) == 23
    assert actors["MILITARY"] == "Myanmar Armed Forces"
    assert actors["KIA"] == "Kachin Independence Army"
    assert full_con.execute("select count(*) from main.dim_date").fetchall()[0][0] == 2556


@pytest.fixture(scope="module")
def gazetteer(full_warehouse):
    con = duckdb.connect(str(full_warehouse), read_only=True)
    try:
        return gazetteer_from_warehouse(con)
    finally:
        con.close()


@pytest.mark.parametrize("spelling,key", [
    ("IB 236", "IB-236"), ("Infantry Battalion (IB) 236", "IB-236"), ("IB-236", "IB-236"),
    ("ခလရ (၂၃၆)", "IB-236"), ("MOC-21", "MOC-21"), ("MOC 21", "MOC-21"),
    ("21st Military Operations Command", "MOC-21"), ("LIB 20", "LIB-20"), ("33rd Light Infantry Division", "LID-33"),
])
def test_unit_spellings(gazetteer, spelling, key):
    assert [u.key for u in gazetteer.lookup(spelling, "unit")] == [key]


@pytest.mark.parametrize("spelling,key", [
    ("Bhamo", "MMR001010701"), ("Bhamaw", "MMR001010701"), ("Banmaw", "MMR001010701"),
    ("Bhamo Township", "MMR001010"), ("Kachin State", "MMR001"), ("Kachin", "MMR001"),
    ("Sagaing Region", "MMR005"), ("Sagaing", "MMR005"), ("Northern Shan State", "MMR015"),
])
def test_place_spellings(gazetteer, spelling, key):
    assert [p.key for p in gazetteer.lookup(spelling, "place")] == [key]


def test_canonical_names_and_garrison(gazetteer):
    town = gazetteer.places["MMR001010701"]
    assert (town.township, town.state, town.township_pcode) == ("Bhamo", "Kachin", "MMR001010")
    ib = gazetteer.units["IB-236"]
    assert (ib.township_pcode, ib.township, ib.state) == ("MMR001010", "Bhamo", "Kachin")
    assert [a.key for a in gazetteer.lookup("Tatmadaw", "actor")] == ["MILITARY"]


def test_ambiguity_is_kept(gazetteer):
    myothit = {p.key for p in gazetteer.lookup("Myothit", "place")}
    assert len(myothit) == 2 and len({gazetteer.places[k].state for k in myothit}) == 2
    both = {u.key for u in gazetteer.lookup("Battalion 1", "unit")}
    assert {"IB-1", "LIB-1"} <= both


def test_build_gazetteer_pure_ambiguity():
    places = pd.DataFrame([
        {"place_key": "MMR001", "level": "state", "name": "Kachin", "state_pcode": "MMR001", "state_name": "Kachin"},
        {"place_key": "MMR009", "level": "state", "name": "Magway", "state_pcode": "MMR009", "state_name": "Magway"},
        {"place_key": "MMR001001701", "level": "town", "name": "Namhkam", "state_pcode": "MMR001", "state_name": "Kachin",
         "township_pcode": "MMR001001", "township_name": "A", "parent_key": "MMR001001"},
        {"place_key": "MMR009001701", "level": "town", "name": "Namhkam", "state_pcode": "MMR009", "state_name": "Magway",
         "township_pcode": "MMR009001", "township_name": "B", "parent_key": "MMR009001"},
    ])
    units = pd.DataFrame([
        {"unit_key": "IB-236", "unit_type": "infantry_battalion", "unit_number": "236", "name_en": "Infantry Battalion 236", "abbr_mm": "ခလရ"},
        {"unit_key": "LIB-236", "unit_type": "light_infantry_battalion", "unit_number": "236", "name_en": "Light Infantry Battalion 236", "abbr_mm": "ခမရ"},
    ])
    actors = pd.DataFrame([{"actor_key": "KIA", "canonical_name": "Kachin Independence Army", "acronyms": ["KIA", "KIO"],
                            "aliases": [], "burmese_names": [], "side": "resistance", "short_code": "KIA"}])
    gaz = build_gazetteer(places, units, actors)
    assert {p.key for p in gaz.lookup("Namhkam")} == {"MMR001001701", "MMR009001701"}
    assert {u.key for u in gaz.lookup("Battalion 236")} == {"IB-236", "LIB-236"}
    assert [u.key for u in gaz.lookup("ခမရ (၂၃၆)")] == ["LIB-236"]
    assert [a.key for a in gaz.lookup("KIO")] == ["KIA"]


def test_demo_gazetteer_runs_with_nothing_set(tmp_path, monkeypatch):
    monkeypatch.delenv("FRONTLINE_REFERENCE_SOURCE", raising=False)
    path = tmp_path / "demo.duckdb"
    con = duckdb.connect(str(path))
    loads = {x.table: x for x in load_reference(con)}
    con.close()
    assert loads["townships"].rows > 0 and loads["census_workbook"].rows == 0  # absent optional file
    result = run_dbt_reference(path, tmp_path)
    assert result.returncode == 0, result.stdout[-4000:]
    con = duckdb.connect(str(path), read_only=True)
    gaz = gazetteer_from_warehouse(con)
    con.close()
    assert [u.key for u in gaz.lookup("IB 236")] == ["IB-236"]
    assert gaz.units["IB-236"].township_pcode == "MMR001010"
