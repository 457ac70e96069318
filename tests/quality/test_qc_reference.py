"""GX suites on the raw reference tables (quality/reference_suite.py) and their asset checks.

The real files (../shared/reference, never copied) are loaded once per session into a
temporary DuckDB; the demo gazetteer likewise. Faults are injected into copies of the
loaded frames; blocking is proven with ``materialize`` and with the reference_refresh job.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path
from unittest import mock

import duckdb
import pandas as pd
import pytest
from dagster import AssetKey, asset, materialize

from ingestion import settings as ingestion_settings
from quality.checks import reference as reference_checks
from orchestration.resources import SourcesResource, WarehouseResource
from quality import reference_suite as rs

SHARED_REFERENCE = ingestion_settings.PROJECT_ROOT.parent / "shared" / "reference"
DEMO_GAZETTEER = ingestion_settings.DEMO_DIR / "gazetteer"


def _load(path: Path, source: str | None) -> dict[str, pd.DataFrame]:
    from ingestion.reference.pipeline import load_reference

    with mock.patch.dict(os.environ):
        os.environ.pop("FRONTLINE_REFERENCE_SOURCE", None)  # None = the demo gazetteer
        con = duckdb.connect(str(path))
        try:
            load_reference(con, source=source)
        finally:
            con.close()
    con = duckdb.connect(str(path), read_only=True)
    try:
        return {t: rs.read_latest(con, t) for t in rs.REFERENCE_TABLES}
    finally:
        con.close()


@pytest.fixture(scope="session")
def real(tmp_path_factory) -> dict[str, pd.DataFrame]:
    if not SHARED_REFERENCE.is_dir():
        pytest.skip("../shared/reference not present")
    return _load(tmp_path_factory.mktemp("qc_ref_real") / "ref.duckdb", str(SHARED_REFERENCE))


@pytest.fixture(scope="session")
def demo(tmp_path_factory) -> dict[str, pd.DataFrame]:
    return _load(tmp_path_factory.mktemp("qc_ref_demo") / "ref.duckdb", None)


def _failed(result) -> set[str]:
    return {o.label() for o in result.failed}


# ---------------------------------------------------------------- the suites pass on good data


# Warnings the real files raise on purpose: the tracker has slugs no MIMU town (or several) fits.
REAL_FILE_WARNINGS = {"town_control_events": {"expect_column_values_to_not_be_null(town_pcode_or_alias)"}}


@pytest.mark.parametrize("table", rs.REFERENCE_TABLES)
def test_real_reference_files_pass(real, table):
    result = rs.validate_reference(table, real[table])
    assert result.error is None
    assert result.rows > 0 and result.expectations_passed > 0
    assert not result.errors, result.failing_examples()
    assert _failed(result) == REAL_FILE_WARNINGS.get(table, set()), result.failing_examples()
    if table in ("townships", "census_workbook"):
        assert result.suite.endswith("_full")  # 330 townships: the totals were checked
        assert {o.label() for o in result.passed} >= {
            "expect_column_sum_to_be_between(pop_total)", "expect_column_sum_to_be_between(kachin_pop_total)",
            "expect_column_sum_to_be_between(bhamo_pop_total)", "expect_table_row_count_to_equal"}


def test_real_units_repeat_keys_within_one_list_and_pass(real):
    units = real["units"]
    repeated = units[units.duplicated("unit_key", keep=False)]
    assert len(repeated) and set(repeated["source_list"]) == {"artillery_battalions"}  # legitimate repeats


@pytest.mark.parametrize("table", rs.REFERENCE_TABLES)
def test_demo_gazetteer_passes(demo, table):
    result = rs.validate_reference(table, demo[table])
    assert result.success and not result.failed, result.failing_examples()
    if table == "townships":
        assert not result.suite.endswith("_full") and result.rows == 8  # partial: no totals


# ---------------------------------------------------------------- faults fail with a named expectation


def test_broken_township_pcode(real):
    df = real["townships"].copy()
    df.loc[df["ts_pcode"] == "MMR001011", "ts_pcode"] = "MMR00111"
    result = rs.validate_reference("townships", df)
    assert not result.success
    assert "expect_column_values_to_match_regex(ts_pcode)" in _failed(result)
    assert "MMR00111" in result.failing_examples()["expect_column_values_to_match_regex(ts_pcode)"]["examples"]


def test_broken_town_and_district_pcodes(demo):
    towns = demo["towns"].copy()
    towns.loc[0, "town_pcode"] = "MMR001010-701"
    towns.loc[1, "dt_pcode"] = "MMR001X003"
    failed = _failed(rs.validate_reference("towns", towns))
    assert {"expect_column_values_to_match_regex(town_pcode)", "expect_column_values_to_match_regex(dt_pcode)"} <= failed


def test_town_outside_its_township_fails_but_city_codes_pass(real):
    towns = real["towns"]
    assert towns["town_pcode"].str.match(rs.CITY_PCODE).sum() >= 3  # Yangon, Mandalay, Nay Pyi Taw
    bad = towns.copy()
    bad.loc[bad["town_pcode"] == "MMR001010701", "ts_pcode"] = "MMR001011"
    assert "expect_column_values_to_be_in_set(town_in_its_township)" in _failed(rs.validate_reference("towns", bad))


def test_duplicate_township_full_census(real):
    df = real["townships"]
    dup = pd.concat([df, df[df["ts_pcode"] == "MMR001010"]], ignore_index=True)
    result = rs.validate_reference("townships", dup)
    failed = _failed(result)
    assert "expect_column_values_to_be_unique(ts_pcode)" in failed
    assert {"expect_table_row_count_to_equal", "expect_column_sum_to_be_between(pop_total)",
            "expect_column_sum_to_be_between(bhamo_pop_total)"} <= failed
    assert result.failing_examples()["expect_column_values_to_be_unique(ts_pcode)"]["examples"] == ["MMR001010"]


def test_duplicate_township_partial_census(demo):
    df = demo["townships"]
    result = rs.validate_reference("townships", pd.concat([df, df.iloc[[0]]], ignore_index=True))
    assert _failed(result) == {"expect_column_values_to_be_unique(ts_pcode)"}


def test_wrong_total_full_census_names_the_sum(real):
    df = real["townships"].copy()
    row = df.index[df["ts_pcode"] == "MMR013001"][0]  # a Yangon township: outside Kachin and Bhamo
    for c in ("pop_total", "pop_male", "pop_urban"):
        df.loc[row, c] += 1000  # arithmetic per row stays right; only the census total is off
    result = rs.validate_reference("townships", df)
    assert {o.label() for o in result.errors} == {"expect_column_sum_to_be_between(pop_total)"}
    assert result.failing_examples()["expect_column_sum_to_be_between(pop_total)"]["observed"] == rs.CENSUS_TOTAL + 1000


def test_wrong_bhamo_and_kachin_full_census(real):
    df = real["townships"].copy()
    row = df.index[df["ts_pcode"] == "MMR001010"][0]
    df.loc[row, ["pop_total", "pop_female", "pop_rural"]] += 5
    failed = {o.label() for o in rs.validate_reference("townships", df).errors}
    assert {"expect_column_sum_to_be_between(bhamo_pop_total)",
            "expect_column_sum_to_be_between(kachin_pop_total)"} <= failed


def test_partial_census_skips_the_totals(real):
    part = real["townships"].head(40)
    result = rs.validate_reference("townships", part)
    assert result.success and not result.suite.endswith("_full")


def test_full_census_missing_rows_still_checked(real):
    result = rs.validate_reference("townships", real["townships"].iloc[:-5])
    assert {"expect_table_row_count_to_equal", "expect_column_sum_to_be_between(pop_total)"} <= _failed(result)


def test_population_arithmetic(demo):
    df = demo["townships"].copy()
    df.loc[0, "pop_male"] += 1
    df.loc[1, "pop_rural"] = -1
    failed = _failed(rs.validate_reference("townships", df))
    assert {"expect_column_values_to_be_between(male_female_gap)", "expect_column_values_to_be_between(pop_rural)",
            "expect_column_values_to_be_between(urban_rural_gap)"} <= failed


def test_null_township_name(demo):
    df = demo["townships"].copy()
    df.loc[2, "ts_name"] = " "
    assert "expect_column_values_to_not_be_null(ts_name)" in _failed(rs.validate_reference("townships", df))


def test_infantry_typed_lib_under_burmese_ib_prefix(demo):
    units = demo["units"].copy()
    row = units.index[units["unit_key"] == "IB-236"][0]
    units.loc[row, ["unit_key", "unit_type"]] = ["LIB-236", "light_infantry_battalion"]  # ခလရ kept
    result = rs.validate_reference("units", units)
    label = "expect_column_values_to_be_in_set(type_matches_burmese_prefix)"
    assert label in {o.label() for o in result.errors}
    assert result.failing_examples()[label]["examples"] == ["LIB-236"]


def test_unit_type_outside_contract_and_key_collision(demo):
    units = demo["units"].copy()
    units.loc[0, "unit_type"] = "brigade"
    units.loc[len(units)] = units.iloc[1].copy()
    units.loc[len(units) - 1, "source_list"] = "artillery_battalions"  # same key in another list
    failed = _failed(rs.validate_reference("units", units))
    assert {"expect_column_values_to_be_in_set(unit_type)",
            "expect_column_values_to_be_between(unit_key_lists)"} <= failed


def test_flagged_burmese_name_imported(real):
    groups = real["armed_groups"].copy()
    groups.loc[groups["actor_id"] == "TNLA", "burmese_names"] = "ပအိုဝ်းအမျိုးသားလွတ်မြောက်ရေးအဖွဲ့"
    groups.loc[groups["actor_id"] == "KIA", "acronyms"] = ""
    failed = {o.label() for o in rs.validate_reference("armed_groups", groups).errors}
    assert {"expect_column_values_to_be_in_set(flagged_burmese_name_imported)",
            "expect_column_values_to_be_in_set(pao_name_misplaced)",
            "expect_column_values_to_not_be_null(acronyms)"} <= failed


def test_empty_optional_table_passes_but_townships_must_have_rows(demo):
    assert rs.validate_reference("area_codes", demo["area_codes"].iloc[0:0]).success
    result = rs.validate_reference("townships", demo["townships"].iloc[0:0])
    assert not result.success and _failed(result) == {"expect_table_row_count_to_be_between"}


# ---------------------------------------------------------------- the asset checks: blocking


def _reference_folder(tmp_path: Path, break_township: bool) -> Path:
    """The demo gazetteer laid out like ../shared/reference; optionally one broken P-code."""
    from ingestion.reference.sources import REFERENCE_FILES

    base = tmp_path / "reference_src"
    for ref in REFERENCE_FILES:
        src = DEMO_GAZETTEER / ref.flat_name
        if src.is_file():
            dst = base / ref.rel_path
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, dst)
    if break_township:
        path = base / "census" / "township_population_2014.csv"
        path.write_text(path.read_text(encoding="utf-8").replace("MMR001011", "MMR0010X1"), encoding="utf-8")
    return base


RAN: list[str] = []


@asset(key=AssetKey("dim_place"), deps=[AssetKey(["reference", "townships"]), AssetKey(["reference", "towns"])])
def fake_dim_place() -> None:
    RAN.append("dim_place")


def _checks_by_key(result) -> dict[tuple[str, str], object]:
    return {(e.asset_key.path[-1], e.check_name): e for e in result.get_asset_check_evaluations()}


@pytest.mark.slow
@pytest.mark.parametrize("broken", [False, True])
def test_reference_suite_blocks_downstream(tmp_path, monkeypatch, broken):
    from orchestration.assets.reference import reference_tables

    RAN.clear()
    monkeypatch.setenv("FRONTLINE_REFERENCE_SOURCE", str(_reference_folder(tmp_path, broken)))
    resources = {"warehouse": WarehouseResource(path=str(tmp_path / "build.duckdb")),
                 "sources": SourcesResource(path=str(tmp_path / "no-sources.yaml"))}
    result = materialize([reference_tables, *reference_checks.REFERENCE_CHECKS, fake_dim_place], resources=resources,
                         raise_on_error=False)
    evals = _checks_by_key(result)
    assert len(evals) == sum(len(c.check_keys) for c in reference_checks.REFERENCE_CHECKS)
    suite = evals[("townships", "reference_suite")]
    assert suite.passed is (not broken)
    assert suite.severity.value == "ERROR"
    meta = {k: getattr(v, "value", v) for k, v in suite.metadata.items()}
    assert meta["table"] == "reference.townships" and meta["load_version"] == 1 and meta["rows_validated"] == 8
    assert meta["expectations_passed"] > 0
    if broken:
        assert meta["expectations_failed"] >= 1
        assert "expect_column_values_to_match_regex(ts_pcode)" in meta["failed_expectations"]
        assert meta["failing_examples"]["expect_column_values_to_match_regex(ts_pcode)"]["examples"] == ["MMR0010X1"]
        assert RAN == []  # the blocking check stopped dim_place
        assert not result.success
    else:
        assert all(e.passed for e in evals.values())
        assert RAN == ["dim_place"]


@pytest.mark.slow
def test_reference_refresh_job_includes_the_checks_and_stops_dbt(tmp_path, monkeypatch):
    """The real job, against a temp warehouse with a broken townships file: the blocking check
    fails and none of the dbt reference models materialises (dbt is never invoked)."""
    from orchestration.definitions import build_defs
    from orchestration.resources import build_resources

    monkeypatch.setenv("FRONTLINE_REFERENCE_SOURCE", str(_reference_folder(tmp_path, True)))
    defs = build_defs(build_resources(tmp_path / "build.duckdb", tmp_path / "published" / "frontline.duckdb",
                                      tmp_path / "no-sources.yaml"))
    job = defs.resolve_job_def("reference_refresh")
    job_checks = {(k.asset_key.to_user_string(), k.name) for k in job.asset_layer.asset_graph.asset_check_keys}
    for table in rs.REFERENCE_TABLES:
        assert (f"reference/{table}", "reference_suite") in job_checks
    result = job.execute_in_process(raise_on_error=False)
    assert not result.success
    evals = _checks_by_key(result)
    assert evals[("townships", "reference_suite")].passed is False
    assert evals[("towns", "reference_suite")].passed is True
    materialized = {e.asset_key.to_user_string() for e in result.get_asset_materialization_events()}
    assert "reference/townships" in materialized
    assert not {"dim_place", "dim_unit", "dim_actor", "stg_reference__townships"} & materialized


@pytest.mark.slow
def test_reference_suites_run_again_only_when_what_they_read_changed(tmp_path, monkeypatch):
    """The suites are skipped while the fingerprint of their inputs (the table's latest load,
    the suite code, the settings) is the one recorded by the last passing validation; a
    changed reference file validates its table again, and a failed suite is never skipped."""
    from dagster import DagsterInstance

    from orchestration.assets.reference import reference_tables

    folder = _reference_folder(tmp_path, break_township=False)
    monkeypatch.setenv("FRONTLINE_REFERENCE_SOURCE", str(folder))
    resources = {"warehouse": WarehouseResource(path=str(tmp_path / "build.duckdb")),
                 "sources": SourcesResource(path=str(tmp_path / "no-sources.yaml"))}
    instance = DagsterInstance.ephemeral()
    validated: list[str] = []
    real_validate = reference_checks._validate

    def counting(table, warehouse, **kw):
        validated.append(table)
        return real_validate(table, warehouse, **kw)

    monkeypatch.setattr(reference_checks, "_validate", counting)

    def new_loads(result) -> set[str]:
        return {e.asset_key.path[-1] for e in result.get_asset_materialization_events()
                if e.materialization.metadata["changed"].value}

    def run():
        validated.clear()
        result = materialize([reference_tables, *reference_checks.REFERENCE_SUITE_CHECKS], resources=resources,
                             instance=instance, raise_on_error=False)
        return result, _checks_by_key(result)

    first, evals = run()
    assert first.success and sorted(validated) == sorted(rs.REFERENCE_TABLES)
    assert all(reference_checks.FINGERPRINT in e.metadata for (_t, name), e in evals.items() if name != "reference_shrink")

    second, evals = run()  # nothing changed: nothing validated, the same outcomes
    assert second.success and validated == []
    suite = evals[("towns", "reference_suite")]
    assert suite.passed and suite.description.startswith(f"unchanged since run {first.run_id}, not validated again: ok")
    assert suite.metadata["validated_in_run"].value == first.run_id
    assert suite.metadata["rows_validated"].value > 0  # the recorded validation's figures
    assert len(evals) == sum(len(c.check_keys) for c in reference_checks.REFERENCE_SUITE_CHECKS)

    towns = next(folder.rglob("mimu_towns.csv"))
    towns.write_text(towns.read_text(encoding="utf-8").replace("hand-made demo row", "a demo row"), encoding="utf-8")
    third, evals = run()  # one reference file changed: the tables it feeds only (a new load_version each)
    reloaded = new_loads(third)
    assert third.success and sorted(validated) == sorted(reloaded) and "towns" in reloaded
    assert "townships" not in reloaded
    assert not evals[("towns", "reference_suite")].description.startswith("unchanged")
    assert evals[("townships", "reference_suite")].metadata["validated_in_run"].value == first.run_id

    monkeypatch.setenv("FRONTLINE_QC_MAX_EXAMPLES", "3")  # a setting the suites read: all again
    run()
    assert sorted(validated) == sorted(rs.REFERENCE_TABLES)

    townships = next(folder.rglob("township_population_2014.csv"))
    townships.write_text(townships.read_text(encoding="utf-8").replace("MMR001011", "MMR0010X1"), encoding="utf-8")
    fourth, evals = run()
    assert not fourth.success and sorted(validated) == sorted(new_loads(fourth)) and "townships" in validated
    fifth, evals = run()  # a failed suite is validated again, every time
    assert not fifth.success and validated == ["townships"] and not evals[("townships", "reference_suite")].passed
