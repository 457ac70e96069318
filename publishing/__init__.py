"""Publishing the build warehouse to what BI tools read.

- ``duckdb_file``: the atomic swap of the published DuckDB file, its Parquet and CSV exports.
- ``postgres``: the optional PostgreSQL copy (``pg_schema``: its DDL and docs, ``pg_target``:
  its settings, ``pg_local``: a throwaway local server for tests and benchmarks).

No Dagster here: ``orchestration/assets/publish.py`` calls these functions.
"""
