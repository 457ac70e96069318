"""Reference data: where it comes from lives in sources.yaml, a malformed file is an error,
and a load that removes more than 5% of a dimension's rows is not published."""
from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from dagster import Failure, materialize

from ingestion.reference.sources import configured_base, resolve_base
from ingestion.sources.config import load_config
from quality.checks import reference as reference_checks
from orchestration.resources import PublishResource, SourcesResource, WarehouseResource
from quality.rules import shrink_share, shrunk_tables


def test_reference_source_lives_in_the_sources_file_and_the_variable_overrides(tmp_path, monkeypatch):
    monkeypatch.delenv("FRONTLINE_REFERENCE_SOURCE", raising=False)
    (tmp_path / "ref").mkdir()
    f = tmp_path / "sources.yaml"
    f.write_text("sources: []\nreference_source: ref\nreference_layout: flat\n", encoding="utf-8")
    config = load_config(f)
    assert config.reference_source == str((tmp_path / "ref").resolve())
    assert resolve_base(None, configured_base(config)) == (str((tmp_path / "ref").resolve()), True)
    monkeypatch.setenv("FRONTLINE_REFERENCE_SOURCE", "https://mirror.example.org/reference")
    assert resolve_base(None, configured_base(config)) == ("https://mirror.example.org/reference", False)


def test_the_bundled_sources_file_names_the_demo_gazetteer(monkeypatch):
    from ingestion import settings

    monkeypatch.delenv("FRONTLINE_REFERENCE_SOURCE", raising=False)
    config = load_config(settings.PROJECT_ROOT / "sources.yaml")
    assert resolve_base(None, configured_base(config)) == (str(settings.DEMO_DIR / "gazetteer"), True)


def test_malformed_sources_file_stops_the_reference_load_with_a_clear_error(tmp_path):
    from orchestration.assets.reference import reference_settings

    bad = tmp_path / "sources.yaml"
    bad.write_text("sources: [\n  - {name: x, type: folder\n", encoding="utf-8")
    with pytest.raises(Failure) as info:
        reference_settings(SourcesResource(path=str(bad)))
    assert "sources.yaml" in str(info.value.description) and "invalid YAML" in str(info.value.description)
    typo = tmp_path / "typo.yaml"
    typo.write_text("sources: []\nreferences_source: /x\n", encoding="utf-8")
    with pytest.raises(Failure, match="invalid sources file"):
        reference_settings(SourcesResource(path=str(typo)))
    assert reference_settings(SourcesResource(path=str(tmp_path / "absent.yaml"))) == ({}, None)


def test_shrink_rules():
    assert shrink_share(10_882, 31) > 0.99 and shrink_share(None, 5) == 0 and shrink_share(100, 120) == 0
    assert shrunk_tables({"dim_place": (10_882, 31), "dim_unit": (100, 96)}, 0.05) == [
        "dim_place: 10882 → 31 rows (-100%)"]
    assert shrunk_tables({"dim_unit": (100, 94)}, 0.05) == ["dim_unit: 100 → 94 rows (-6%)"]


def _log_loads(path: Path, table: str, counts: list[int]) -> None:
    con = duckdb.connect(str(path))
    from ingestion.reference.store import ensure_log

    ensure_log(con)
    for version, n in enumerate(counts, 1):
        con.execute("insert into reference._loads values (?, ?, 'fp', '{}', '{}', ?, now())", [table, version, n])
    con.close()


def test_reference_shrink_check_names_the_dimension(tmp_path):
    wh = WarehouseResource(path=str(tmp_path / "w.duckdb"))
    _log_loads(tmp_path / "w.duckdb", "towns", [494, 12])
    _log_loads(tmp_path / "w.duckdb", "units", [1000, 990])
    towns = reference_checks.reference_shrink_result("towns", wh)
    assert not towns.passed and towns.severity.value == "ERROR"
    assert "dim_place" in towns.description and "reference.towns: 494 → 12" in towns.description
    assert reference_checks.reference_shrink_result("units", wh).passed
    assert reference_checks.reference_shrink_result("armed_groups", wh).passed  # never loaded


def _dim_file(path: Path, rows: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(path))
    con.execute(f"create table dim_place as select range as place_key from range({rows})")
    con.close()


def test_publish_refuses_a_dimension_that_shrank(tmp_path):
    from orchestration.assets.publish import published_warehouse

    build, published = tmp_path / "build.duckdb", tmp_path / "pub" / "frontline.duckdb"
    _dim_file(build, 31)
    _dim_file(published, 10_882)
    before = published.stat().st_mtime_ns
    sources = tmp_path / "sources.yaml"
    sources.write_text("sources: []\n", encoding="utf-8")
    resources = {"warehouse": WarehouseResource(path=str(build)),
                 "publish_target": PublishResource(path=str(published)),
                 "sources": SourcesResource(path=str(sources))}
    result = materialize([published_warehouse], resources=resources, partition_key="2025-03-04",
                         raise_on_error=False)
    assert not result.success
    (failure,) = [e for e in result.all_events if e.event_type_value == "STEP_FAILURE"]
    message = str(failure.event_specific_data.error.message) + str(failure.event_specific_data)
    assert "dim_place: 10882 → 31 rows" in message
    assert published.stat().st_mtime_ns == before  # the published file is untouched
    con = duckdb.connect(str(published), read_only=True)
    assert con.execute("select count(*) from dim_place").fetchall() == [(10_882,)]
    con.close()
    _dim_file(tmp_path / "grown.duckdb", 10_900)
    resources["warehouse"] = WarehouseResource(path=str(tmp_path / "grown.duckdb"))
    assert materialize([published_warehouse], resources=resources, partition_key="2025-03-04",
                       raise_on_error=False).success
