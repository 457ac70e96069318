"""The ``meta`` schema's writers and readers: what each run did.

- ``runs``: ``meta.runs``, one row per run (written by the publish; a run that did not
  publish is recorded by its launcher and carried by the next publish).
- ``source_runs``: ``meta.source_runs``, reports per source per run (written by raw/reports).
- ``fact_builds``: ``meta.dbt_fact_builds``, the reference state each fact build used.
- ``report``: the run report (checks, rows in/out/quarantined) read from Dagster's events.

The DDL of every ``meta`` table is in ``ingestion.tables``.
"""
