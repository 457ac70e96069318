"""gazetteer: every spelling of every place, unit and actor, built from the dimensions."""

from pathlib import Path

from dagster import AssetExecutionContext, AssetKey, MaterializeResult, asset

from orchestration.resources import WarehouseResource


def gazetteer_file(warehouse: WarehouseResource) -> Path:
    return Path(warehouse.path).parent / "gazetteer.json"


def load_gazetteer(warehouse: WarehouseResource):
    """The gazetteer this warehouse built, else the extractor's built-in one."""
    from ingestion.extract import default_gazetteer
    from ingestion.gazetteer import Gazetteer

    path = gazetteer_file(warehouse)
    return Gazetteer.load(path) if path.exists() else default_gazetteer()


@asset(
    key=AssetKey("gazetteer"),
    group_name="reference",
    deps=[AssetKey("dim_place"), AssetKey("dim_unit"), AssetKey("dim_actor")],
    description="JSON gazetteer (spelling → place/unit/actor, ambiguity kept) generated from "
    "dim_place, dim_unit and dim_actor; the extractor's only view of the reference data.",
)
def gazetteer(context: AssetExecutionContext, warehouse: WarehouseResource) -> MaterializeResult:
    from ingestion.reference.gazetteer_builder import gazetteer_from_warehouse

    with warehouse.connect(read_only=True) as con:
        gaz = gazetteer_from_warehouse(con)
    path = gazetteer_file(warehouse)
    gaz.save(path)
    ambiguous = sum(1 for targets in gaz.aliases.values() if len(targets) > 1)
    return MaterializeResult(metadata={
        "path": str(path), "places": len(gaz.places), "units": len(gaz.units),
        "actors": len(gaz.actors), "spellings": len(gaz.aliases), "ambiguous_spellings": ambiguous,
    })


__all__ = ["gazetteer", "load_gazetteer", "gazetteer_file"]
