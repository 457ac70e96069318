"""The asset checks (the data-quality gates), by the domain they guard; ``orchestration``
only loads them (``orchestration/definitions.py``).

=========================  =====================  ========  ========  ===========================
check                      asset                  severity  blocking  what
=========================  =====================  ========  ========  ===========================
reports_suite              raw/reports            ERROR     yes       GX: schema, ids, non-empty
                                                                      text (rows of the window)
reports_rules              raw/reports            WARN      no        GX: published date range,
                                                                      language, ids with different
                                                                      content
reports_quarantine_share   raw/reports            ERROR     yes       share of the run's reports
                                                                      quarantined ≤ max share
sources_have_data          raw/reports            ERROR     yes       no source silent N runs
facts_suite                raw/extracted_facts    ERROR     yes       GX: contract enums, evidence
                                                                      in text, dates ≤ published
facts_reference            raw/extracted_facts    WARN      no        GX: actors in dim_actor,
                                                                      unit keys in dim_unit
mart_gate                  fct_control_changes,   ERROR     yes       GX: row count vs published
                           fct_claims, dim_report,                    (max shrink), no orphans,
                           export_acled_events,                       keys present and unique
                           mart_tracker_crosscheck
reference_suite            reference/<each of     ERROR     yes       GX on the latest load_version:
                           the 8 tables>                              P-codes, keys, names, population
                                                                      sums, unit types, flagged names,
                                                                      census totals when full (330)
reference_rules            reference/townships,   WARN      no        GX: coordinates in Myanmar,
                           census_workbook, towns,                    urban_pct, garrisons and ward
                           wards_village_tracts,                      townships resolved, tracker
                           units, town_control_events                 townIds resolved
reference_shrink           reference/<each>       ERROR     yes       latest load removes at most
                                                                      5% of the previous load's rows
                                                                      (names the dimension)
=========================  =====================  ========  ========  ===========================

- ``reports``: raw/reports (``reports_suite`` and ``reports_rules`` are one multi-asset check:
  one read and one GX validation serve both).
- ``facts``: raw/extracted_facts (``facts_suite`` and ``facts_reference``, one multi-asset check).
- ``marts``: the ``mart_gate`` of each gated mart, before the publish (the five in one multi-asset
  check, ``mart_gates``: one step and one read-only connection, the published file attached to it).
- ``reference``: reference/<table> (``reference_suite``, where the table has soft rules
  ``reference_rules``, and ``reference_shrink``, of all eight tables in one multi-asset check:
  one step and one connection; a suite whose inputs did not change is not validated again).
- ``common``: what they share (the partition window, the result → metadata conversion).

The checks on the partitioned raw assets are partitioned too and read the rows of the run's
partition window (one day or a single-run range); without a partition they read the rows the
current run wrote (``run_id``). Every check reads the build warehouse read-only and closes it;
no check writes. Great Expectations is imported lazily, the first time a suite runs.
"""
