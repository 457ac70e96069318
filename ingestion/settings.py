"""Paths and settings, each from one environment variable with a default.

FRONTLINE_WAREHOUSE        the private build warehouse (dbt and Dagster write it)
FRONTLINE_PUBLISHED        the published warehouse BI tools read
FRONTLINE_SOURCES          the sources file (sources.yaml)
FRONTLINE_REFERENCE_SOURCE a folder or base URL laid out like ../shared/reference
FRONTLINE_GAZETTEER        the gazetteer JSON `frontline extract` reads (default: built-in)
"""
from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DBT_PROJECT_DIR = PROJECT_ROOT / "dbt_project"
DEMO_DIR = PROJECT_ROOT / "data" / "demo"


def _path(var: str, default: Path) -> Path:
    value = os.environ.get(var)
    return Path(value) if value else default


def warehouse_path() -> Path:
    return _path("FRONTLINE_WAREHOUSE", PROJECT_ROOT / "warehouse" / "frontline.duckdb")


def published_path() -> Path:
    return _path("FRONTLINE_PUBLISHED", PROJECT_ROOT / "warehouse" / "published" / "frontline.duckdb")


def sources_path() -> Path:
    return _path("FRONTLINE_SOURCES", PROJECT_ROOT / "sources.yaml")


def reference_source() -> str | None:
    """Folder or base URL of the reference files; None means the demo's own gazetteer."""
    return os.environ.get("FRONTLINE_REFERENCE_SOURCE") or None
