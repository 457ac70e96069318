"""The production example sources file stays valid: every source and reference file with a URL."""
from __future__ import annotations

from pathlib import Path

from ingestion.reference.sources import FILES_BY_NAME, overrides_from_config
from ingestion.sources.config import load_config

REPO = Path(__file__).resolve().parents[1]


def test_the_production_example_names_a_url_for_every_reference_file():
    config = load_config(REPO / "sources.production.yaml")
    assert {s.type for s in config.sources} == {"folder", "rss", "json"}
    overrides = overrides_from_config(config.reference, REPO)
    assert set(overrides) == set(FILES_BY_NAME)
    assert all(str(url).startswith("https://") for url in overrides.values())


def test_the_production_example_publishes_to_postgres_without_a_password_in_the_file():
    from publishing.pg_target import resolve_target

    target = resolve_target(load_config(REPO / "sources.production.yaml").publish.get("postgres"), {})
    assert target.url.startswith("postgresql://frontline_publisher@") and target.blocking
