"""The fact marts over the fixture warehouse (demo reports + hand facts + hand dims)."""
from __future__ import annotations

import datetime as dt

import pytest

pytestmark = pytest.mark.slow  # a dbt build of the fixture warehouse (session)

D = dt.date


def rows(con, sql, *params):
    cur = con.execute(sql, list(params))
    cols = [c[0] for c in cur.description]
    return [dict(zip(cols, r)) for r in cur.fetchall()]


def test_changes_keyed_to_dims(con):
    ib236 = rows(con, "select * from fct_control_changes where unit_key = 'IB-236' order by fact_id")
    assert {r["place_key"] for r in ib236} == {"MMR001010"}  # the unit's garrison township
    assert {r["place_resolution"] for r in ib236} == {"unit_garrison"}
    capture = next(r for r in ib236 if r["change"] == "captured")
    assert (capture["actor_to_key"], capture["actor_from_key"], capture["attributed_to_key"]) == ("KIA", "MILITARY", "KIA")
    assert capture["time_precision"] == 1 and capture["geo_precision"] == 1
    assert capture["event_date_key"] == 20250302
    ward = rows(con, "select * from fct_control_changes where place_name = 'Nawng Kho ward'")[0]
    assert ward["place_key"] == "MMR001010-W-nawngkho" and ward["place_resolution"] == "place_name"
    airport = rows(con, "select * from fct_control_changes where place_name = 'Bhamo Airport' limit 1")[0]
    assert airport["place_key"] == "MMR001010" and airport["geo_precision"] == 2
    kyaukme = rows(con, "select * from fct_control_changes where change = 'contested' and place_name = 'Kyaukme'")[0]
    assert kyaukme["time_precision"] == 2  # a stated week
    unknown_date = rows(con, "select * from fct_control_changes where date_precision = 'unknown' limit 1")[0]
    assert unknown_date["time_precision"] == 3


def test_event_merges_outlets_confirmed_by_both_sides(con):
    ib236 = rows(con, "select * from fct_control_events where site_key = 'unit:IB-236'")
    assert len(ib236) == 1  # KIA's capture and the junta's "relocation" are one event
    event = ib236[0]
    assert event["change"] == "captured" and event["actor_to_name"] == "Kachin Independence Army"
    assert event["n_reports"] == 2 and event["outlets"] == ["Northern Dispatch", "State Bulletin"]
    assert event["confirmation"] == "confirmed_both_sides"
    assert (event["first_reported"], event["last_reported"]) == (D(2025, 3, 3), D(2025, 3, 3))
    tb = rows(con, "select * from fct_control_events where site_key = 'unit:TB-5014' order by event_date")
    assert [(e["actor_to_key"], e["n_reports"], e["confirmation"]) for e in tb] == [
        ("KIA", 2, "one_side"), ("MILITARY", 2, "confirmed_both_sides")]
    confirmed = {r["site_key"] for r in rows(
        con, "select site_key from fct_control_events where confirmation = 'confirmed_both_sides'")}
    assert confirmed == {"unit:IB-236", "unit:TB-5014", "place:MMR015001701", "place:MMR001011701",
                         "place:MMR001010-W-shwekyeenar"}
    unattributed = rows(con, "select * from fct_control_events where site_key like '%tigerhill%'")
    assert unattributed[0]["confirmation"] == "unattributed"


def test_periods_capture_then_recapture(con):
    tb = rows(con, "select holder_actor_key, valid_from, valid_to, is_current from fct_control_periods "
                   "where site_key = 'unit:TB-5014' order by valid_from")
    assert tb == [
        {"holder_actor_key": "KIA", "valid_from": D(2025, 3, 4), "valid_to": D(2025, 3, 13), "is_current": False},
        {"holder_actor_key": "MILITARY", "valid_from": D(2025, 3, 13), "valid_to": None, "is_current": True},
    ]
    lib = rows(con, "select holder_actor_key, is_contested, valid_from, valid_to from fct_control_periods "
                    "where site_key = 'unit:LIB-376' order by valid_from")
    assert [(p["holder_actor_key"], p["is_contested"]) for p in lib] == [
        ("AA", False), ("MILITARY", False), ("MILITARY", True), ("AA", False)]
    assert lib[-1]["valid_from"] == D(2025, 3, 12)


def test_control_as_of_table_macro_and_snapshot(con):
    on_5th = dict(con.execute("select site_key, holder_actor_key from control_as_of(date '2025-03-05') "
                              "where site_key like 'unit:%'").fetchall())
    assert on_5th["unit:TB-5014"] == "KIA" and on_5th["unit:IB-236"] == "KIA"
    assert "unit:ArtyB-366" in on_5th and on_5th["unit:ArtyB-366"] is None  # contested, holder unknown
    snap = dict(con.execute("select site_key, holder_actor_key from mart_control_snapshot").fetchall())
    assert snap["unit:TB-5014"] == "MILITARY" and snap["place:MMR015001701"] == "MILITARY"
    assert con.execute("select distinct as_of_date from mart_control_snapshot").fetchall() == [(D(2025, 3, 14),)]


def test_claims_reconciled_low_best_high(con):
    shwegu = rows(con, "select * from mart_claims_reconciled where metric = 'killed' and place_key = 'MMR001011701'")
    assert len(shwegu) == 1
    group = shwegu[0]
    assert (group["low"], group["best"], group["high"]) == (12, 12, 25)
    assert group["n_claimants"] == 2 and group["is_disputed"] and group["claimant_sides"] == "both_sides"
    assert group["ratio_high_low"] == 2.08
    figures = {f["claimant"]: f["figure"] for f in group["claimant_figures"]}
    assert figures == {"Myanmar Armed Forces": 12, "Kachin Independence Army": 25}
    bhamo = rows(con, "select * from mart_claims_reconciled where metric = 'killed' and subject_key = 'KIA' "
                      "and place_key = 'MMR001010701'")[0]
    assert (bhamo["low"], bhamo["best"], bhamo["high"]) == (5, 5, 100)  # "nearly 100" is an upper bound


def test_population_under_control(con):
    pop = {r["holder_actor_key"]: r for r in rows(con, "select * from mart_population_under_control")}
    # KIA: Shwegu town (urban 20,722) + Nawng Kho ward (8,359); bases count nothing
    assert pop["KIA"]["population_held"] == 20722 + 8359
    # the junta: Bhamo (58,696), Lashio (174,335), Kawlin (21,431); Shwe Kyee Nar ward is inside
    # Bhamo town, which it holds: not counted twice
    assert pop["MILITARY"]["population_held"] == 58696 + 174335 + 21431
    assert pop["MILITARY"]["wards_held"] == 1


def test_census_crosscheck_bhamo(con):
    bhamo = {r["metric"]: r for r in rows(
        con, "select * from mart_census_crosscheck where report_id = 'demo-2025-03-01-bhamo-siege'")}
    assert bhamo["population"]["stated_value"] == 100000 and bhamo["population"]["census_value"] == 58696
    assert bhamo["population"]["township_population_2014"] == 135877
    assert bhamo["urban_wards"]["stated_value"] == 16
    assert bhamo["urban_wards"]["census_value"] == 3  # the fixture's ward list (the real census: 13)
    ward = rows(con, "select * from mart_census_crosscheck where place_level = 'ward'")[0]
    assert (ward["stated_value"], ward["census_value"]) == (8400, 8359)
    displaced = rows(con, "select * from mart_census_crosscheck where stated_value in (10000, 3000, 12000)")
    assert displaced == []  # people fleeing are not a population figure
