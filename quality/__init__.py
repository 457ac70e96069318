"""Data quality: Great Expectations suites, row-level rules and quarantine, run reports.

- ``settings``: the knobs (``FRONTLINE_QC_*`` environment variables), one small object.
- ``rules``: pure row-level rules (``split_reports``, ``split_facts``) and systemic thresholds.
- ``suites`` / ``validation``: GX Core 1.x suites run on pandas in one ephemeral context.
- ``store``: rejected facts → ``quarantine.facts``, rejected reports → ``quarantine.reports``.

The Dagster asset checks that run them are in ``quality/checks/`` (by domain).
"""
