"""The one refresh policy, used by ``frontline refresh`` (``orchestration.runner.refresh``) and by
the daemon (``reference_schedule`` + ``reference_rebuild_sensor``) alike:

1. load the reference tables (``reference_tables_refresh``: a hash per file when nothing
   changed), with their checks;
2. rebuild the dimensions and the gazetteer (``reference_refresh``) only when step 1 loaded a
   new version of a table, or this warehouse has no gazetteer yet;
3. the night's facts, marts, gates and publish (``nightly_refresh``).

The decision of step 2 is ``rebuild_dimensions``; both callers pass it what the run of
step 1 materialized.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

REFERENCE_PREFIX = "reference/"


def reference_changed(materialized: Mapping[str, Mapping[str, Any]]) -> bool:
    """Did a run load a new version of any reference table? ``materialized``: asset key (as
    "reference/towns") → its materialization metadata in that run."""
    return any(meta.get("changed") for key, meta in materialized.items() if key.startswith(REFERENCE_PREFIX))


def rebuild_dimensions(materialized: Mapping[str, Mapping[str, Any]], gazetteer_ready: bool) -> bool:
    """Step 2 of the policy: rebuild the dimensions and the gazetteer after the reference
    tables' run?"""
    return reference_changed(materialized) or not gazetteer_ready
