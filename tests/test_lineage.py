"""Every table of the raw, quarantine and meta schemas is declared once (ingestion.tables)
and is an asset of the definitions, written by the one asset WRITERS names."""
from __future__ import annotations

from dagster import AssetKey

from ingestion.tables import DDL, SCHEMAS, WRITERS
from orchestration.definitions import defs


def test_every_side_table_is_an_asset_and_names_its_writer():
    graph = defs.resolve_asset_graph()
    keys = set(graph.get_all_asset_keys())
    assert {name.split(".")[0] for name in DDL} == set(SCHEMAS)
    assert set(WRITERS) == set(DDL)
    for name in DDL:
        key = AssetKey(name.split("."))
        assert key in keys, name
        writer = WRITERS[name]
        if graph.get(key).is_materializable:  # written by the multi-asset that yields it
            op = graph.get(key).assets_def
            assert AssetKey(writer.split("/")) in op.keys, (name, writer)
        else:  # declared, with its writer named
            assert graph.get(key).metadata["writer"] == writer


def test_one_table_exists():
    import subprocess

    out = subprocess.run(["git", "grep", "-n", "def table_exists", "--", "*.py", ":!tests"], capture_output=True,
                         text=True, cwd=__file__.rsplit("/tests/", 1)[0]).stdout.splitlines()
    assert [line.split(":")[0] for line in out] == ["ingestion/tables.py"]
