"""reference/<table>: the raw reference tables (census, MIMU places, unit lists, armed groups,
the town-control tracker).

One multi-asset, unpartitioned, group "reference": it resolves the reference files
(``sources.yaml``'s ``reference_source``, which ``FRONTLINE_REFERENCE_SOURCE`` overrides, else
the demo gazetteer folder; single files from ``sources.yaml``'s ``reference:`` list), and
appends a new ``load_version`` only to the
tables whose input files changed (SHA-256); unchanged tables cost a hash. The logic lives in
``ingestion.reference.pipeline`` (plain Python).
"""

from dagster import AssetExecutionContext, AssetKey, AssetSpec, DataVersion, MaterializeResult, multi_asset

from orchestration.resources import SourcesResource, WarehouseResource

REFERENCE_TABLES = ("townships", "towns", "census_workbook", "area_codes", "wards_village_tracts",
                    "units", "armed_groups", "town_control_events")
_DESCRIPTIONS = {
    "townships": "2014 census population per township (MIMU P-codes), versioned by file SHA-256.",
    "towns": "MIMU towns with P-codes, Burmese names, coordinates.",
    "census_workbook": "MIMU census baseline workbook (population sheet; typed subset + all 282 columns as JSON).",
    "area_codes": "Census area codes incl. (ST) sub-townships → MIMU township P-codes.",
    "wards_village_tracts": "Ward/village-tract population 2014; township names matched to P-codes.",
    "units": "Myanmar Armed Forces unit lists unioned (unit_type), garrisons resolved to townships (unverified OSINT).",
    "armed_groups": "Armed-group registry (flagged Burmese names not imported).",
    "town_control_events": "Community tracker of town-level control events; townId resolved to MIMU towns "
                           "(unresolved slugs reported), aliases flagged.",
}


def reference_settings(sources: SourcesResource) -> tuple[dict[str, str], tuple[str, bool] | None]:
    """(single-file overrides, configured base) from the sources file. No sources file: none
    of either. A sources file that exists but cannot be read or is invalid is an error that
    names it: the run stops rather than load the wrong reference data."""
    from pathlib import Path

    from dagster import Failure

    from ingestion.reference.sources import configured_base, overrides_from_config
    from ingestion.sources.config import ConfigError

    if not Path(sources.path).exists():
        return {}, None
    try:
        cfg = sources.config()
    except ConfigError as exc:
        raise Failure(description=f"cannot read the reference settings: {exc}") from None
    return overrides_from_config(cfg.reference, getattr(cfg, "base_dir", None)), configured_base(cfg)


@multi_asset(
    specs=[AssetSpec(AssetKey(["reference", t]), group_name="reference", description=_DESCRIPTIONS[t],
                     kinds={"duckdb", "python"}) for t in REFERENCE_TABLES],
    can_subset=True,
    name="reference_tables",
)
def reference_tables(context: AssetExecutionContext, warehouse: WarehouseResource, sources: SourcesResource):
    from ingestion.reference.pipeline import load_reference

    tables = [k.path[-1] for k in context.selected_asset_keys]
    overrides, configured = reference_settings(sources)
    with warehouse.connect() as con:
        loads = load_reference(con, tables=tables, overrides=overrides, configured=configured)
    for load in loads:
        metadata = {"load_version": load.load_version, "changed": load.changed, "rows": load.rows,
                    "seconds": round(load.seconds, 3), "fingerprint": load.fingerprint,
                    **{f"sha256/{k}": v or "absent" for k, v in load.file_hashes.items()}}
        for k, v in load.report.items():
            metadata[k] = v if isinstance(v, (int, float, str)) else str(v)
        context.log.info(f"reference.{load.table}: version {load.load_version} "
                         f"({'new' if load.changed else 'unchanged'}), {load.rows} rows")
        yield MaterializeResult(asset_key=AssetKey(["reference", load.table]), metadata=metadata,
                                data_version=DataVersion(load.fingerprint))


reference_assets = [reference_tables]
__all__ = ["reference_tables", "reference_assets", "REFERENCE_TABLES"]
