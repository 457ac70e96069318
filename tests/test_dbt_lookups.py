"""The dbt lookups (seeds) and the Python registries they mirror cannot drift apart, and the
dbt project keeps its layout rules."""
from __future__ import annotations

import csv
import json
from pathlib import Path

from ingestion import settings
from ingestion.extract.actors import ACTORS
from ingestion.extract.claims import is_state_media

SEEDS = settings.DBT_PROJECT_DIR / "seeds"
MODELS = settings.DBT_PROJECT_DIR / "models"


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_actor_names_seed_matches_the_extractor_registry():
    seed = {r["short_code"]: r["canonical_name"] for r in rows(SEEDS / "reference" / "actor_canonical_names.csv")}
    registry = {key: name for key, (name, _side, _aliases) in ACTORS.items()}
    assert seed == registry


def test_outlet_sides_seed_agrees_with_is_state_media():
    outlets = rows(SEEDS / "outlet_sides.csv")
    real = [r for r in outlets if r["demo"] != "true"]
    assert real and all(is_state_media(r["outlet_name"]) == (r["outlet_side"] == "junta") for r in real)
    demo = [r["outlet_name"] for r in outlets if r["demo"] == "true"]
    assert demo == ["state bulletin"]  # the bundled demo's fictional state outlet, only there
    demo_outlets = {json.loads(p.read_text(encoding="utf-8")).get("outlet", "").lower()
                    for p in (settings.DEMO_DIR / "reports").glob("*.json")}
    assert set(demo) <= demo_outlets


def test_intermediate_models_live_under_intermediate():
    misplaced = [p.relative_to(MODELS) for p in MODELS.rglob("int_*.sql") if p.relative_to(MODELS).parts[0] != "intermediate"]
    assert misplaced == []


def test_incremental_models_fail_on_schema_change():
    manifest = json.loads((settings.DBT_PROJECT_DIR / "target" / "manifest.json").read_text())
    incremental = {n["name"]: n["config"].get("on_schema_change") for n in manifest["nodes"].values()
                   if n["resource_type"] == "model" and n["config"].get("materialized") == "incremental"}
    assert incremental and set(incremental.values()) == {"fail"}, incremental
