"""Dagster resources: the build warehouse, the sources file, the dbt CLI."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
from dagster import ConfigurableResource

from ingestion import duck, settings


class WarehouseResource(ConfigurableResource):
    """The private build warehouse (DuckDB file) that every writer asset uses in turn."""

    path: str

    @contextmanager
    def connect(self, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
        """A connection that is always closed: DuckDB allows one writer process at a time."""
        Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        duck.release_memory()  # what an earlier step freed (frames, results) goes back first
        con = duck.connect(self.path, read_only=read_only)
        try:
            yield con
        finally:
            con.close()
            duck.release_memory()  # what DuckDB and the step freed goes back before the next step


class SourcesResource(ConfigurableResource):
    """Where the report sources are configured (sources.yaml)."""

    path: str

    def config(self):
        from ingestion.sources.config import load_config

        return load_config(Path(self.path))


class PublishResource(ConfigurableResource):
    """Where the published warehouse (what BI tools read) lives."""

    path: str

    @property
    def folder(self) -> Path:
        return Path(self.path).parent


def build_resources(warehouse: Path, published: Path, sources: Path) -> dict:
    """Every resource the assets need, for the given files."""
    from orchestration.dbt import dbt_resource

    return {
        "warehouse": WarehouseResource(path=str(warehouse)),
        "sources": SourcesResource(path=str(sources)),
        "publish_target": PublishResource(path=str(published)),
        "dbt": dbt_resource(),
    }


def default_resources() -> dict:
    """Resources from the environment (FRONTLINE_WAREHOUSE, FRONTLINE_PUBLISHED, FRONTLINE_SOURCES)."""
    return build_resources(settings.warehouse_path(), settings.published_path(), settings.sources_path())


__all__ = ["WarehouseResource", "SourcesResource", "PublishResource", "build_resources", "default_resources"]
