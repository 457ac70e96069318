"""The community tracker of town control (events/town_control_events.csv) as reference data:
slugs resolved to MIMU towns, aliases flagged, the unresolved reported, actors to dim_actor."""
from __future__ import annotations

import shutil

import duckdb
import pytest

from ingestion.reference import census, places, tracker
from tests.dbt_helpers import dbt_cli

KYAUKTAW_TOWN = "MMR012004701"


@pytest.fixture(scope="module")
def index(ref_dir):
    return places.PlaceIndex.build(census.load_township_population(ref_dir / "census/township_population_2014.csv"),
                                   places.load_towns(ref_dir / "places/mimu_towns.csv"))


@pytest.fixture(scope="module")
def events(ref_dir, index):
    return tracker.load_town_control_events(ref_dir / "events/town_control_events.csv", index)


def test_slug_names():
    assert tracker.slug_names("lay-taung-town") == ["Lay Taung", "lay-taung-town"]
    assert tracker.slug_names("chipwi", "MIMU: Chipwi") == ["Chipwi", "chipwi"]
    assert tracker.slug_names("maw-lu") == ["Maw Lu", "maw-lu"]


def test_every_row_is_kept_and_most_towns_resolve(events):
    assert len(events) == 145 and events["source_row"].tolist() == list(range(1, 146))
    assert events["event_date"].notna().all() and events["actor"].notna().all()
    kyauktaw = events[events["town_id"] == "kyauktaw"].iloc[0]
    assert (kyauktaw["town_pcode"], kyauktaw["event_date"], kyauktaw["actor"]) == (KYAUKTAW_TOWN, "2024-02-07", "AA")
    resolved = events["town_pcode"].notna().sum()
    assert resolved >= 110, resolved
    assert events["town_pcode"].dropna().str.fullmatch(r"MMR\d{9}").all()


def test_spelling_variants_resolve(events):
    by_slug = events.drop_duplicates("town_id").set_index("town_id")
    assert by_slug.loc["taungup", "town_match"] == "variant"  # "Taungup" → MIMU "Toungup"
    assert by_slug.loc["taungup", "town_pcode"] == by_slug.loc["toungup", "town_pcode"]
    assert by_slug.loc["mogoke", "town_pcode"] is not None


def test_aliases_are_flagged_and_not_reported(events):
    alias = set(events.loc[events["is_alias_duplicate"], "town_id"])
    # listed twice, once under the tracker's slug and once with a "MIMU: ..." / "MIMU alias" comment
    assert {"chiphwe", "mogok", "namkham", "mahein", "toungup"} <= alias
    unresolved = tracker.unresolved_town_ids(events)
    assert "chiphwe" not in unresolved and "mogok" not in unresolved
    assert {"shwepiyaye", "sadon", "panglong"} <= set(unresolved)  # no MIMU town of that name: reported
    assert "myohla" in unresolved  # several towns fit: never guessed
    assert events.loc[events["town_id"] == "myohla", "town_match"].iloc[0] == "ambiguous"


@pytest.mark.slow
def test_reference_suite_passes_and_warns_on_unresolved(events):
    from quality.reference_suite import validate_reference

    result = validate_reference("town_control_events", events)
    assert not result.errors, [o.label() for o in result.errors]
    assert [o.column for o in result.warnings] == ["town_pcode_or_alias"]


def test_load_reports_unresolved_and_versions(ref_dir, tmp_path):
    from ingestion.reference.pipeline import load_reference

    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    try:
        (first,) = load_reference(con, tables=["town_control_events"], source=str(ref_dir))
        (again,) = load_reference(con, tables=["town_control_events"], source=str(ref_dir))
    finally:
        con.close()
    assert first.changed and first.rows == 145 and first.load_version == 1
    assert not again.changed and again.load_version == 1
    assert first.report["unresolved_towns"] == len(first.report["unresolved_town_ids"]) > 0
    assert "sha256/town_control_events" not in first.report and first.file_hashes["town_control_events"]


@pytest.mark.slow
def test_actors_resolve_to_dim_actor(full_warehouse, tmp_path):
    """Built on the real registry: every actor code of the tracker but UNKNOWN has a dim_actor
    key (KNLA through the KNU's acronyms, PDF_NUG through its first part)."""
    copy = tmp_path / "tracker.duckdb"
    shutil.copy(full_warehouse, copy)
    result = dbt_cli(copy, ["run", "--select", "int_actors__lookup", "int_tracker_events__resolved"],
                     target_path=tmp_path / "target", log_path=tmp_path / "logs")
    assert result.returncode == 0, result.stdout[-3000:]
    con = duckdb.connect(str(copy), read_only=True)
    try:
        codes = dict(con.execute("select distinct actor_as_published, actor_key from int_tracker_events__resolved").fetchall())
        n_events = con.execute("select count(*) from int_tracker_events__resolved").fetchall()[0][0]
        staged = con.execute("select count(*), count(*) filter (where is_alias_duplicate) "
                             "from stg_reference__town_control_events").fetchall()[0]
    finally:
        con.close()
    assert codes["KNLA"] == "KNU" and codes["PDF_NUG"] == "PDF" and codes["MILITARY"] == "MILITARY"
    assert codes["UNKNOWN"] is None
    assert all(v is not None for k, v in codes.items() if k != "UNKNOWN")
    assert staged[0] == 145 and n_events == 145 - staged[1]
