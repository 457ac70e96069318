"""Reference files → versioned ``reference.*`` tables: which files feed which table.

``load_reference(con)`` fetches/hashes the files, and for each table whose inputs changed
parses them and appends a new ``load_version`` (``store.store``); unchanged tables cost a
hash and a lookup. Plain Python: the Dagster assets and the tests call it.
"""
from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from ingestion.reference import actors, census, places, store, tracker, unit_lists
from ingestion.reference.sources import LocalFile, fetch_files


@dataclass(frozen=True)
class TableSpec:
    name: str
    inputs: tuple[str, ...]  # reference file names (sources.REFERENCE_FILES)
    build: Callable[[dict[str, LocalFile]], tuple[pd.DataFrame, Any, dict[str, Any]]]
    description: str


def _path(files: dict[str, LocalFile], name: str):
    return files[name].path


def _index(files: dict[str, LocalFile]) -> places.PlaceIndex:
    return places.PlaceIndex.build(census.load_township_population(_path(files, "townships")),
                                   places.load_towns(_path(files, "towns")))


def _single(loader, name):
    def build(files):
        return loader(_path(files, name)), files[name].sha256, {}
    return build


def _wards(files):
    raw = census.load_ward_population(_path(files, "wards_village_tracts"))
    matched = places.match_ward_townships(raw, _index(files))
    unmatched = places.unmatched_townships(matched)
    return matched, files["wards_village_tracts"].sha256, {"unmatched_townships": unmatched,
                                                           "unmatched_rows": int(matched["ts_pcode"].isna().sum())}


def _units(files):
    units = unit_lists.load_units({n: _path(files, n) for n in unit_lists.UNIT_LOADERS}, _index(files))
    row_sha = units["source_list"].map(lambda s: files[s].sha256).astype("string")
    unresolved = units.loc[units["garrison_ts_pcode"].isna(), "unit_key"].tolist()
    return units, row_sha, {"garrison_unresolved": len(unresolved), "garrison_unresolved_units": unresolved[:50],
                            "by_type": units["unit_type"].value_counts().to_dict()}


def _tracker(files):
    events = tracker.load_town_control_events(_path(files, "town_control_events"), _index(files))
    unresolved = tracker.unresolved_town_ids(events)
    return events, files["town_control_events"].sha256, {
        "unresolved_towns": len(unresolved), "unresolved_town_ids": unresolved[:50],
        "alias_rows": int(events["is_alias_duplicate"].fillna(False).sum()),
        "by_match": events["town_match"].value_counts().to_dict()}


UNIT_FILES = tuple(unit_lists.UNIT_LOADERS)
TABLES: dict[str, TableSpec] = {t.name: t for t in (
    TableSpec("townships", ("townships",), _single(census.load_township_population, "townships"),
              "2014 census population per township (330), with MIMU P-codes."),
    TableSpec("towns", ("towns",), _single(places.load_towns, "towns"),
              "MIMU towns (494) with P-codes, Burmese names and coordinates."),
    TableSpec("census_workbook", ("census_workbook",), _single(census.load_census_workbook, "census_workbook"),
              "MIMU census baseline workbook, population sheet: a typed subset + all 282 columns as JSON."),
    TableSpec("area_codes", ("area_codes",), _single(census.load_area_codes, "area_codes"),
              "Census area codes (incl. (ST) sub-townships) → MIMU township P-codes."),
    TableSpec("wards_village_tracts", ("wards_village_tracts", "townships", "towns"), _wards,
              "Ward / village-tract population 2014, township names matched to P-codes."),
    TableSpec("units", UNIT_FILES + ("townships", "towns"), _units,
              "Every Myanmar Armed Forces unit list unioned (unit_type), garrisons resolved to townships."),
    TableSpec("armed_groups", ("armed_groups",), _single(actors.load_armed_groups, "armed_groups"),
              "Armed-group registry: acronyms, names, alliances, side (flagged Burmese names dropped)."),
    TableSpec("town_control_events", ("town_control_events", "townships", "towns"), _tracker,
              "Community tracker of town control: townId slugs resolved to MIMU towns, aliases flagged."),
)}


@dataclass
class TableLoad:
    table: str
    load_version: int
    changed: bool
    rows: int
    fingerprint: str
    file_hashes: dict[str, str | None]
    seconds: float
    report: dict[str, Any] = field(default_factory=dict)


def load_reference(con, tables: Iterable[str] | None = None, source: str | None = None,
                   overrides: Mapping[str, str] | None = None, client=None,
                   download_dir=None, configured: tuple[str, bool] | None = None) -> list[TableLoad]:
    """Load the requested reference tables (all by default) into ``reference.*``.
    ``configured``: the sources file's (reference_source, flat?) — see ``resolve_base``."""
    specs = [TABLES[t] for t in (tables or TABLES)]
    needed = sorted({f for s in specs for f in s.inputs})
    files = fetch_files(needed, source=source, overrides=overrides, client=client, download_dir=download_dir,
                        configured=configured)
    results = []
    for spec in specs:
        t0 = time.perf_counter()
        hashes = {n: files[n].sha256 for n in spec.inputs}
        fp = store.fingerprint(hashes)
        if store.is_current(con, spec.name, fp):
            res = store.store(con, spec.name, pd.DataFrame(), hashes)  # no-op: returns the latest version
            results.append(TableLoad(spec.name, res.load_version, False, res.rows, fp, hashes,
                                     time.perf_counter() - t0))
            continue
        df, row_sha, report = spec.build(files)
        origin = {n: files[n].origin for n in spec.inputs}
        res = store.store(con, spec.name, df, hashes, row_sha256=row_sha, origin=origin)
        results.append(TableLoad(spec.name, res.load_version, res.changed, res.rows, fp, hashes,
                                 time.perf_counter() - t0, report))
    return results
