"""Dagster resources: the build warehouse, the sources file, the dbt CLI."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
from dagster import ConfigurableResource, EnvVar

from ingestion import settings


class WarehouseResource(ConfigurableResource):
    """The private build warehouse (DuckDB file) that every writer asset uses in turn."""

    path: str

    @contextmanager
    def connect(self, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
        """A connection that is always closed: DuckDB allows one writer process at a time."""
        Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        con = duckdb.connect(self.path, read_only=read_only)
        try:
            yield con
        finally:
            con.close()


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


def default_resources() -> dict:
    from orchestration.dbt import dbt_resource

    return {
        "warehouse": WarehouseResource(path=str(settings.warehouse_path())),
        "sources": SourcesResource(path=str(settings.sources_path())),
        "publish_target": PublishResource(path=str(settings.published_path())),
        "dbt": dbt_resource(),
    }


__all__ = ["WarehouseResource", "SourcesResource", "PublishResource", "default_resources", "EnvVar"]
