"""Loaders on the real published files in ../shared/reference."""
from __future__ import annotations

from ingestion.reference import actors, census, places, unit_lists
from ingestion.reference.burmese import number_in, strip_place_suffix, to_ascii_digits
from ingestion.reference.sources import REFERENCE_FILES


def _paths(ref_dir):
    return {f.name: ref_dir / f.rel_path for f in REFERENCE_FILES}


def test_burmese_digits_and_suffixes():
    assert to_ascii_digits("ခလရ (၂၃၆)") == "ခလရ (236)"
    assert number_in("ခမရ (၀၂၀)") == "20"
    assert strip_place_suffix("ဗန်းမော်မြို့") == "ဗန်းမော်"
    assert strip_place_suffix("သထုံမြို့နယ်") == "သထုံ"


def test_township_population(ref_dir):
    df = census.load_township_population(_paths(ref_dir)["townships"])
    assert len(df) == 330
    assert df["pop_total"].sum() == 50_279_900
    bhamo = df[df["ts_name"] == "Bhamo"].iloc[0]
    assert (bhamo["ts_pcode"], bhamo["pop_total"], bhamo["pop_urban"]) == ("MMR001010", 135_877, 58_696)
    assert df.loc[df["sr_name"] == "Kachin", "pop_total"].sum() == 1_642_841


def test_census_workbook_finds_header_and_keeps_all_columns(ref_dir):
    import json

    df = census.load_census_workbook(_paths(ref_dir)["census_workbook"])
    assert len(df) == 330
    assert df["pop_total"].sum() == 50_279_900
    assert df["ts_pcode"].str.fullmatch(r"MMR\d{6}").all()
    assert len(json.loads(df["columns_json"].iloc[0])) == 282 - 6
    bhamo = df[df["ts_pcode"] == "MMR001010"].iloc[0]
    assert bhamo["pop_total"] == 135_877


def test_area_codes_flag_sub_townships(ref_dir):
    df = census.load_area_codes(_paths(ref_dir)["area_codes"])
    assert len(df) == 413
    assert df["is_sub_township"].sum() == 76
    assert not df["census_township_name"].str.contains(r"\(ST\)").any()
    assert df["ts_pcode"].str.fullmatch(r"MMR\d{6}").all()


def test_towns(ref_dir):
    df = places.load_towns(_paths(ref_dir)["towns"])
    assert len(df) == 494
    assert df.loc[df["town_name"] == "Bhamo", "town_pcode"].tolist() == ["MMR001010701"]


def test_wards_match_townships_within_state(ref_dir):
    p = _paths(ref_dir)
    raw = census.load_ward_population(p["wards_village_tracts"])
    assert not raw["township_name"].str.endswith(" Township").any()
    index = places.PlaceIndex.build(census.load_township_population(p["townships"]), places.load_towns(p["towns"]))
    wards = places.match_ward_townships(raw, index)
    assert places.unmatched_townships(wards) == []
    assert wards["source_township_name"].nunique() == 170
    bhamo = wards[wards["ts_pcode"] == "MMR001010"]
    assert (bhamo["place_type"] == "ward").sum() == 13
    assert bhamo.loc[bhamo["place_type"] == "ward", "pop_total"].sum() == 58_696
    nawngmo = bhamo[bhamo["name"] == "NawngMo"]
    assert sorted(nawngmo["duplicate_ordinal"].tolist()) == [1, 2]  # two places of one name, both kept


def test_units(ref_dir):
    p = _paths(ref_dir)
    index = places.PlaceIndex.build(census.load_township_population(p["townships"]), places.load_towns(p["towns"]))
    units = unit_lists.load_units({n: p[n] for n in unit_lists.UNIT_LOADERS}, index)
    assert len(units) > 640
    inf = units[units["source_list"] == "infantry_battalions"]
    assert (inf["type_as_published"] == "LIB").all()  # the defect is there...
    assert set(inf["unit_type"]) == {"infantry_battalion", "light_infantry_battalion"}  # ...and not trusted
    assert (inf.loc[inf["abbr_mm"] == "ခလရ", "unit_type"] == "infantry_battalion").all()
    ib236 = units[units["unit_key"] == "IB-236"].iloc[0]
    assert ib236["garrison_ts_pcode"] == "MMR001010"
    moc21 = units[units["unit_key"] == "MOC-21"].iloc[0]
    assert moc21["garrison_ts_pcode"] == "MMR001010"
    assert set(units.loc[units["source_list"] == "armoured_battalions", "unit_type"]) == {"tank_battalion", "armoured_battalion"}
    for prefix in ("IB", "LIB", "TB", "AB", "ArtyB", "MOC", "ROC", "RMC", "LID"):
        assert units["unit_key"].str.startswith(prefix + "-").any(), prefix


def test_armed_groups_drop_flagged_burmese_names(ref_dir):
    df = actors.load_armed_groups(_paths(ref_dir)["armed_groups"])
    assert len(df) == 23
    by_id = df.set_index("actor_id")
    for flagged in ("TNLA", "UWSA"):
        assert by_id.loc[flagged, "burmese_names"] == ""
        assert bool(by_id.loc[flagged, "burmese_name_rejected"])
    assert "Tatmadaw" in by_id.loc["MILITARY", "english_names"].split("|")
    assert by_id.loc["KIA", "acronyms"].split("|") == ["KIA", "KIO", "KIO/KIA"]


def test_missing_optional_files_are_zero_rows(tmp_path):
    assert len(census.load_census_workbook(tmp_path / "absent.xlsx")) == 0
    assert list(unit_lists.load_units({}).columns)[:2] == ["unit_key", "unit_type"]
