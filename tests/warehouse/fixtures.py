"""A small, realistic warehouse for the dbt fact models: the demo reports, hand-written
facts about them, and the reference dimensions built by hand from the demo gazetteer.

The dims have the columns of the reference models (models/marts/reference) that the fact
models read; the tests build only the fact models (``--exclude`` the reference paths), so
they do not depend on the reference loaders. ``build_fixture_warehouse(path)`` writes all
of it into a fresh DuckDB file.
"""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import duckdb

from ingestion.facts_store import COLUMNS, ensure_schema

ROOT = Path(__file__).resolve().parents[2]
REPORTS_DIR = ROOT / "data" / "demo" / "reports"

MAF = "Myanmar Armed Forces"
KIA = "Kachin Independence Army"
AA = "Arakan Army"
TNLA = "Ta'ang National Liberation Army"
MNDAA = "Myanmar National Democratic Alliance Army"
PDF = "People's Defence Force"

# ---------------------------------------------------------------------------------------
# dims (columns as in models/marts/reference)

ACTORS = [  # actor_key, canonical_name, acronyms, aliases, side
    ("MILITARY", MAF, ["SAC", "Tatmadaw", "junta", "regime"], ["Myanmar Armed Forces", "Tatmadaw", "the military"], "junta"),
    ("KIA", KIA, ["KIA", "KIO"], ["Kachin Independence Army", "Kachin Independence Organisation"], "resistance"),
    ("AA", AA, ["AA", "ULA"], ["Arakan Army", "United League of Arakan"], "resistance"),
    ("TNLA", TNLA, ["TNLA"], ["Ta'ang National Liberation Army"], "resistance"),
    ("MNDAA", MNDAA, ["MNDAA"], ["Myanmar National Democratic Alliance Army"], "resistance"),
    ("PDF", PDF, ["PDF"], ["People's Defence Force"], "resistance"),
]

# township: pcode, name, state pcode, state name, district pcode, district, pop total, urban, rural
TOWNSHIPS = [
    ("MMR001010", "Bhamo", "MMR001", "Kachin", "MMR001D003", "Bhamo", 135877, 58696, 77181),
    ("MMR001011", "Shwegu", "MMR001", "Kachin", "MMR001D003", "Bhamo", 94784, 20722, 74062),
    ("MMR004009", "Paletwa", "MMR004", "Chin", "MMR004D002", "Mindat", 97053, 9406, 87647),
    ("MMR005024", "Kawlin", "MMR005", "Sagaing", "MMR005D004", "Katha", 145297, 21431, 123866),
    ("MMR012004", "Kyauktaw", "MMR012", "Rakhine", "MMR012D005", "Mrauk-U", 173100, 19492, 153608),
    ("MMR015001", "Lashio", "MMR015", "Shan (North)", "MMR015D001", "Lashio", 323405, 174335, 149070),
    ("MMR015012", "Kyaukme", "MMR015", "Shan (North)", "MMR015D003", "Kyaukme", 172109, 44711, 127398),
    ("MMR015014", "Hsipaw", "MMR015", "Shan (North)", "MMR015D003", "Kyaukme", 176158, 20897, 155261),
]
TOWN_COORDS = {  # township pcode -> (town pcode, lat, lon)
    "MMR001010": ("MMR001010701", 24.255, 97.234), "MMR001011": ("MMR001011701", 24.207, 96.806),
    "MMR004009": ("MMR004009701", 21.304, 92.855), "MMR005024": ("MMR005024701", 23.790, 95.683),
    "MMR012004": ("MMR012004701", 20.844, 92.973), "MMR015001": ("MMR015001701", 22.953, 97.747),
    "MMR015012": ("MMR015012701", 22.542, 97.037), "MMR015014": ("MMR015014701", 22.619, 97.298),
}
WARDS = [  # township pcode, name, level, population, lat, lon
    ("MMR001010", "ShweKyeeNar", "ward", 2779, 24.2690, 97.2405),
    ("MMR001010", "NawngKho", "ward", 8359, 24.2655, 97.2440),
    ("MMR001010", "TharSi", "ward", 10304, 24.2605, 97.2375),
    ("MMR001010", "ManHpar", "village_tract", 844, 24.2188, 97.2662),
]
UNITS = [  # unit_key, type, number, name, garrison township, lat, lon
    ("IB-47", "infantry_battalion", "47", "Infantry Battalion 47", "MMR001010", 24.228, 97.251),
    ("IB-56", "infantry_battalion", "56", "Infantry Battalion 56", "MMR001011", 24.215, 96.812),
    ("IB-236", "infantry_battalion", "236", "Infantry Battalion 236", "MMR001010", 24.290, 97.250),
    ("LIB-376", "light_infantry_battalion", "376", "Light Infantry Battalion 376", "MMR012004", 20.830, 92.960),
    ("TB-5014", "tank_battalion", "5014", "Tank Battalion 5014", "MMR001010", None, None),
    ("AB-7006", "armoured_battalion", "7006", "Armoured Battalion 7006", "MMR001010", None, None),
    ("ArtyB-366", "artillery_battalion", "366", "Artillery Battalion 366", "MMR001010", None, None),
    ("MOC-21", "military_operations_command", "21", "Military Operations Command 21", "MMR001010", 24.27, 97.24),
]

TRACKER = [  # the tracker's rows: slug, date, actor code, contested, town P-code, match, alias row
    ("paletwa", "2024-01-14", "AA", False, "MMR004009701", "exact_township", False),
    ("lashio", "2025-03-07", "MILITARY", False, "MMR015001701", "exact_township", False),  # 2 days late
    ("shwegu", "2025-03-08", "PDF_NUG", False, "MMR001011701", "exact_township", False),  # Frontline: KIA
    ("kawlin", "2025-03-09", "PDF_NUG", False, "MMR005024701", "exact_township", False),
    ("kawlin", "2025-03-12", "MILITARY", False, "MMR005024701", "exact_township", False),
    ("kyaukmae", "2025-03-13", "MILITARY", False, "MMR015012701", "variant", False),
    ("kyaukme", "2025-03-13", "MILITARY", False, "MMR015012701", "exact_township", True),
    ("nam-hpak-ka-town", "2025-03-10", "TNLA", False, None, "none", False),
]


def create_dims(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("""
        create or replace table main.dim_actor (
            actor_key varchar, canonical_name varchar, short_code varchar, acronyms varchar[],
            aliases varchar[], side varchar, alliance_memberships struct(alliance_key varchar)[])""")
    for key, name, acronyms, aliases, side in ACTORS:
        con.execute("insert into main.dim_actor values (?, ?, ?, ?, ?, ?, [])",
                    [key, name, key, acronyms, aliases, side])

    con.execute("""
        create or replace table main.dim_place (
            place_key varchar, level varchar, name varchar, name_mm varchar, parent_key varchar,
            state_pcode varchar, state_name varchar, district_pcode varchar, district_name varchar,
            township_pcode varchar, township_name varchar, town_pcode varchar, town_name varchar,
            pop_total_2014 bigint, pop_urban_2014 bigint, pop_rural_2014 bigint, lat double, lon double)""")
    states = {(t[2], t[3]) for t in TOWNSHIPS}
    for pcode, name in sorted(states):
        con.execute("insert into main.dim_place (place_key, level, name, state_pcode, state_name) "
                    "values (?, 'state', ?, ?, ?)", [pcode, name, pcode, name])
    for ts, name, sp, sn, dp, dn, total, urban, rural in TOWNSHIPS:
        town, lat, lon = TOWN_COORDS[ts]
        con.execute("insert into main.dim_place values (?, 'township', ?, null, ?, ?, ?, ?, ?, ?, ?, null, null, ?, ?, ?, ?, ?)",
                    [ts, name, dp, sp, sn, dp, dn, ts, name, total, urban, rural, lat, lon])
        con.execute("insert into main.dim_place values (?, 'town', ?, null, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, null, null, ?, ?)",
                    [town, name, ts, sp, sn, dp, dn, ts, name, town, name, lat, lon])
    for ts, name, level, pop, lat, lon in WARDS:
        sp, sn, dp, dn, tsn = next((t[2], t[3], t[4], t[5], t[1]) for t in TOWNSHIPS if t[0] == ts)
        key = f"{ts}-{'W' if level == 'ward' else 'VT'}-{name.lower()}"
        con.execute("insert into main.dim_place values (?, ?, ?, null, ?, ?, ?, ?, ?, ?, ?, null, null, ?, ?, ?, ?, ?)",
                    [key, level, name, ts, sp, sn, dp, dn, ts, tsn, pop,
                     pop if level == "ward" else 0, pop if level != "ward" else 0, lat, lon])

    con.execute("""
        create or replace table main.dim_unit (
            unit_key varchar, unit_type varchar, unit_prefix varchar, unit_number varchar,
            name_en varchar, name_mm varchar, garrison_name varchar, garrison_town_pcode varchar,
            garrison_township_pcode varchar, garrison_township_name varchar, parent_command varchar,
            lat double, lon double)""")
    for key, utype, number, name, ts, lat, lon in UNITS:
        tsn = next(t[1] for t in TOWNSHIPS if t[0] == ts)
        con.execute("insert into main.dim_unit values (?, ?, ?, ?, ?, null, ?, ?, ?, ?, null, ?, ?)",
                    [key, utype, key.split("-")[0], number, name, tsn, TOWN_COORDS[ts][0], ts, tsn, lat, lon])

    con.execute("""
        create or replace table main.stg_reference__town_control_events (
            source_row integer, town_id varchar, event_date date, actor_as_published varchar,
            is_contested boolean, comment varchar, town_pcode varchar, township_pcode varchar,
            town_match varchar, is_alias_duplicate boolean, load_version integer, file_sha256 varchar,
            loaded_at timestamp)""")
    for n, (slug, day, actor, contested, town, match, alias) in enumerate(TRACKER, start=1):
        con.execute("insert into main.stg_reference__town_control_events values "
                    "(?, ?, ?, ?, ?, null, ?, ?, ?, ?, 1, 'fixture', current_timestamp)",
                    [n, slug, day, actor, contested, town, town[:9] if town else None, match, alias])

    con.execute("""
        create or replace table main.dim_date as
        select cast(strftime(d, '%Y%m%d') as integer) as date_key, cast(d as date) as date_day,
               year(d) as year, month(d) as month, cast(date_trunc('month', d) as date) as month_start
        from generate_series(date '2024-01-01', date '2025-12-31', interval 1 day) as t(d)""")


# ---------------------------------------------------------------------------------------
# reports and facts

def _d(day: int) -> str:
    return f"2025-03-{day:02d}"


R = {  # short name -> demo report id
    "siege": "demo-2025-03-01-bhamo-siege", "kyauktaw_holds": "demo-2025-03-01-kyauktaw-aa-holds",
    "ib236": "demo-2025-03-03-kia-ib236", "kyauktaw_off": "demo-2025-03-03-kyauktaw-offensive",
    "sb_reloc": "demo-2025-03-03-sb-bhamo-relocation", "tb5014_nd": "demo-2025-03-05-kia-tb5014-nd",
    "tb5014": "demo-2025-03-05-kia-tb5014", "arty_failed": "demo-2025-03-06-arty366-failed",
    "lashio": "demo-2025-03-06-lashio-mndaa-withdraws", "sb_lashio": "demo-2025-03-06-sb-lashio",
    "wards": "demo-2025-03-07-bhamo-wards", "sb_airport": "demo-2025-03-07-sb-airport",
    "sb_kyauktaw": "demo-2025-03-08-sb-kyauktaw", "kyauktaw_denial": "demo-2025-03-09-kyauktaw-denial",
    "sb_shwegu": "demo-2025-03-09-sb-shwegu", "shwegu": "demo-2025-03-09-shwegu",
    "kawlin": "demo-2025-03-10-kawlin-pdf", "arty": "demo-2025-03-10-kia-arty366",
    "kyaukme": "demo-2025-03-10-kyaukme", "arty_il": "demo-2025-03-11-arty366-il",
    "sb_kawlin": "demo-2025-03-11-sb-kawlin", "ward_retaken": "demo-2025-03-12-bhamo-ward-retaken",
    "hsipaw": "demo-2025-03-12-hsipaw", "sb_ward": "demo-2025-03-12-sb-bhamo-ward",
    "kawlin_out": "demo-2025-03-13-kawlin-pdf-withdraws", "kyauktaw_aa": "demo-2025-03-13-kyauktaw-aa",
    "sb_tb5014": "demo-2025-03-14-sb-tb5014", "tb5014_retaken": "demo-2025-03-14-tb5014-retaken",
}

UNIT_TYPES = {"IB": "infantry_battalion", "LIB": "light_infantry_battalion", "TB": "tank_battalion",
              "AB": "armoured_battalion", "ArtyB": "artillery_battalion", "MOC": "military_operations_command"}

# report, change, place, place_kind, unit key, township, state, actor_to, actor_from,
# attributed_to, date, date_end, precision, recapture
CONTROL = [
    ("siege", "held", "Bhamo", "town", None, "Bhamo", "Kachin", MAF, None, KIA, None, None, "unknown", False),
    ("siege", "held", "Infantry Battalion (IB) 47 base", "military_base", "IB-47", "Bhamo", "Kachin", MAF, None, KIA, None, None, "unknown", False),
    ("siege", "held", "Bhamo Airport", "airport", None, "Bhamo", "Kachin", MAF, None, None, None, None, "unknown", False),
    ("siege", "held", "Armoured Battalion 7006 base", "military_base", "AB-7006", "Bhamo", "Kachin", MAF, None, KIA, None, None, "unknown", False),
    ("kyauktaw_holds", "held", "Kyauktaw", "town", None, "Kyauktaw", "Rakhine", AA, None, AA, None, None, "unknown", False),
    ("kyauktaw_holds", "held", "Paletwa", "town", None, "Paletwa", "Chin", AA, None, None, None, None, "unknown", False),
    ("kyauktaw_holds", "held", "Light Infantry Battalion (LIB) 376 base", "military_base", "LIB-376", "Kyauktaw", "Rakhine", AA, None, AA, None, None, "unknown", False),
    ("ib236", "captured", "Infantry Battalion (IB) 236 base", "military_base", "IB-236", "Bhamo", "Kachin", KIA, MAF, KIA, _d(2), None, "day", False),
    ("ib236", "held", "MOC-21 headquarters", "military_base", "MOC-21", "Bhamo", "Kachin", MAF, None, None, None, None, "unknown", False),
    ("kyauktaw_off", "held", "Kyauktaw", "town", None, "Kyauktaw", "Rakhine", AA, None, AA, _d(3), None, "day", False),
    ("sb_reloc", "withdrew", "IB 236 base", "military_base", "IB-236", "Bhamo", "Kachin", None, MAF, MAF, _d(2), None, "day", False),
    ("sb_reloc", "held", "Bhamo Airport", "airport", None, "Bhamo", "Kachin", MAF, None, MAF, None, None, "unknown", False),
    ("tb5014_nd", "captured", "Tank Battalion (TB) 5014 base", "military_base", "TB-5014", "Bhamo", "Kachin", KIA, MAF, KIA, _d(4), None, "day", False),
    ("tb5014", "captured", "TB 5014 base", "military_base", "TB-5014", "Bhamo", "Kachin", KIA, MAF, None, _d(4), None, "day", False),
    ("tb5014", "contested", "Bhamo Airport", "airport", None, "Bhamo", "Kachin", None, None, None, _d(4), None, "day", False),
    ("arty_failed", "contested", "Artillery Battalion 366 base", "military_base", "ArtyB-366", "Bhamo", "Kachin", None, None, KIA, _d(4), _d(5), "day", False),
    ("lashio", "withdrew", "Lashio", "town", None, "Lashio", "Shan", MAF, MNDAA, MNDAA, _d(5), None, "day", False),
    ("sb_lashio", "captured", "Lashio", "town", None, "Lashio", "Shan", MAF, MNDAA, MAF, _d(5), None, "day", True),
    ("wards", "captured", "Shwe Kyee Nar ward", "urban_ward", None, "Bhamo", "Kachin", KIA, MAF, KIA, _d(6), None, "day", False),
    ("wards", "captured", "Nawng Kho ward", "urban_ward", None, "Bhamo", "Kachin", KIA, MAF, KIA, _d(6), None, "day", False),
    ("wards", "contested", "Thar Si ward", "urban_ward", None, "Bhamo", "Kachin", None, None, None, _d(6), None, "day", False),
    ("sb_airport", "held", "Bhamo Airport", "airport", None, "Bhamo", "Kachin", MAF, None, MAF, _d(6), None, "day", False),
    ("sb_kyauktaw", "captured", "LIB 376 base", "military_base", "LIB-376", "Kyauktaw", "Rakhine", MAF, AA, MAF, _d(7), None, "day", True),
    ("kyauktaw_denial", "contested", "LIB 376 base", "military_base", "LIB-376", "Kyauktaw", "Rakhine", None, None, AA, _d(9), None, "day", False),
    ("kyauktaw_denial", "held", "Kyauktaw", "town", None, "Kyauktaw", "Rakhine", AA, None, AA, None, None, "unknown", False),
    ("shwegu", "captured", "Shwegu", "town", None, "Shwegu", "Kachin", KIA, MAF, KIA, _d(8), None, "day", False),
    ("shwegu", "captured", "IB 56 base", "military_base", "IB-56", "Shwegu", "Kachin", KIA, MAF, KIA, _d(8), None, "day", False),
    ("sb_shwegu", "withdrew", "Shwegu", "town", None, "Shwegu", "Kachin", None, MAF, MAF, _d(8), None, "day", False),
    ("kawlin", "captured", "Kawlin", "town", None, "Kawlin", "Sagaing", PDF, MAF, PDF, _d(9), None, "day", False),
    ("arty", "captured", "Artillery Battalion 366 base", "military_base", "ArtyB-366", "Bhamo", "Kachin", KIA, MAF, KIA, _d(9), None, "day", False),
    ("kyaukme", "held", "Kyaukme", "town", None, "Kyaukme", "Shan", TNLA, None, TNLA, None, None, "unknown", False),
    ("kyaukme", "contested", "Kyaukme", "town", None, "Kyaukme", "Shan", TNLA, None, None, _d(6), _d(9), "week", False),
    ("arty_il", "captured", "Artillery Battalion 366", "military_base", "ArtyB-366", "Bhamo", "Kachin", KIA, MAF, None, _d(9), _d(10), "day", False),
    ("sb_kawlin", "held", "Kawlin", "town", None, "Kawlin", "Sagaing", MAF, None, MAF, None, None, "unknown", False),
    ("ward_retaken", "captured", "Shwe Kyee Nar ward", "urban_ward", None, "Bhamo", "Kachin", MAF, KIA, KIA, _d(11), None, "day", True),
    ("hsipaw", "held", "Hsipaw", "town", None, "Hsipaw", "Shan", TNLA, None, TNLA, _d(10), None, "day", False),
    ("sb_ward", "captured", "Shwe Kyee Nar ward", "urban_ward", None, "Bhamo", "Kachin", MAF, KIA, MAF, _d(11), None, "day", True),
    ("kawlin_out", "withdrew", "Kawlin", "town", None, "Kawlin", "Sagaing", MAF, PDF, PDF, _d(12), None, "day", False),
    ("kyauktaw_aa", "captured", "LIB 376 base", "military_base", "LIB-376", "Kyauktaw", "Rakhine", AA, MAF, AA, _d(12), None, "day", True),
    ("sb_tb5014", "captured", "TB 5014 base", "military_base", "TB-5014", "Bhamo", "Kachin", MAF, KIA, MAF, _d(13), None, "day", True),
    ("tb5014_retaken", "captured", "Tank Battalion 5014 base", "military_base", "TB-5014", "Bhamo", "Kachin", MAF, KIA, KIA, _d(13), None, "day", True),
    ("tb5014_retaken", "contested", "Tiger Hill outpost", "outpost", None, "Bhamo", "Kachin", None, None, None, None, None, "unknown", False),
]

# report, claimant, subject, metric, value, low, high, approximate, place, date, date_end, precision
CLAIMS = [
    ("ib236", KIA, MAF, "killed", None, 30, None, False, "Bhamo", _d(2), None, "day"),
    ("ib236", KIA, MAF, "captured_personnel", 18, None, None, False, "Bhamo", _d(2), None, "day"),
    ("ib236", KIA, MAF, "weapons_seized", None, 51, None, False, "Bhamo", _d(2), None, "day"),
    ("ib236", KIA, KIA, "killed", 5, None, None, False, "Bhamo", _d(2), None, "day"),
    ("sb_reloc", MAF, KIA, "killed", None, None, 100, True, "Bhamo", _d(1), _d(2), "day"),
    ("siege", "local aid group", None, "displaced", None, 10001, None, False, "Bhamo", None, None, "unknown"),
    ("sb_airport", MAF, KIA, "killed", None, 40, None, False, "Bhamo Airport", _d(6), None, "day"),
    ("sb_airport", MAF, None, "weapons_seized", None, 31, None, False, "Bhamo Airport", _d(6), None, "day"),
    ("kyauktaw_off", AA, MAF, "killed", None, 15, None, False, "Kyauktaw", _d(1), None, "day"),
    ("kyauktaw_denial", MAF, AA, "killed", None, 61, None, False, "Kyauktaw", _d(7), None, "day"),
    ("kyauktaw_denial", AA, MAF, "killed", None, 101, None, False, "Kyauktaw", _d(1), _d(9), "week"),
    ("shwegu", KIA, MAF, "killed", 25, None, None, True, "Shwegu", _d(8), None, "day"),
    ("sb_shwegu", MAF, MAF, "killed", 12, None, None, False, "Shwegu", _d(8), None, "day"),
    ("wards", KIA, MAF, "captured_personnel", 6, None, None, False, "Bhamo", _d(6), None, "day"),
    ("wards", "local relief group", None, "displaced", None, 3000, None, False, "Bhamo", _d(6), None, "day"),
]

FACT_COLUMNS = list(COLUMNS)


def _published(report_id: str) -> str:
    return report_id[len("demo-"):len("demo-") + 10]


def fact_rows() -> list[dict]:
    run_at = dt.datetime(2025, 3, 15, 0, 0)
    rows = []
    for n, (rep, change, place, kind, unit, ts, st, to, frm, attr, date, date_end, prec, recap) in enumerate(CONTROL):
        report_id = R[rep]
        prefix, number = unit.split("-") if unit else (None, None)
        rows.append(dict.fromkeys(FACT_COLUMNS) | dict(
            fact_id=f"{report_id}#c{n:02d}", report_id=report_id, content_hash=f"hash-{report_id}",
            published_date=_published(report_id), kind="control_change", change=change, recapture=recap,
            place=place, place_kind=kind, unit_type=UNIT_TYPES.get(prefix), unit_number=number, unit_key=unit,
            township=ts, state=st, actor_to=to, actor_from=frm, attributed_to=attr, date=date,
            date_end=date_end, date_precision=prec, evidence=f"(fixture) {change} {place}",
            rule="fixture", extractor_version="fixture", run_id="fixture", extracted_at=run_at))
    for n, (rep, claimant, subject, metric, value, low, high, approx, place, date, date_end, prec) in enumerate(CLAIMS):
        report_id = R[rep]
        rows.append(dict.fromkeys(FACT_COLUMNS) | dict(
            fact_id=f"{report_id}#k{n:02d}", report_id=report_id, content_hash=f"hash-{report_id}",
            published_date=_published(report_id), kind="claim", claimant=claimant, subject=subject,
            metric=metric, value=value, value_low=low, value_high=high, approximate=approx, place=place,
            date=date, date_end=date_end, date_precision=prec, evidence=f"(fixture) {metric}",
            rule="fixture", extractor_version="fixture", run_id="fixture", extracted_at=run_at))
    return rows


def load_reports(con: duckdb.DuckDBPyConnection) -> int:
    from ingestion import tables

    tables.ensure(con, "raw.reports")
    n = 0
    for path in sorted(REPORTS_DIR.glob("*.json")):
        report = json.loads(path.read_text(encoding="utf-8"))
        published = report["published"][:10]
        con.execute(
            "insert into raw.reports (id, url, outlet, title, published, published_date, published_iso, "
            "fetched_at, language, text, content_hash, source, version, loaded_at, run_id) "
            "values (?, ?, ?, ?, cast(? as timestamp), cast(? as date), ?, cast(? as timestamp), ?, ?, ?, "
            "'demo', 1, cast(? as timestamp), 'fixture')",
            [report["id"], report.get("url"), report.get("outlet"), report.get("title"), published, published,
             report["published"], "2025-03-15", report.get("language") or "en", report["text"],
             f"hash-{report['id']}", "2025-03-15"])
        n += 1
    return n


def load_facts(con: duckdb.DuckDBPyConnection) -> int:
    from ingestion.facts_store import replace_window

    ensure_schema(con)
    return replace_window(con, fact_rows(), "1900-01-01", "2999-12-31")


def load_census_figures(con: duckdb.DuckDBPyConnection) -> int:
    """raw.census_figures read from the fixture reports, as the facts asset does."""
    from ingestion import census_figures
    from ingestion.raw_store import latest_reports

    run_at = dt.datetime(2025, 3, 15, 0, 0)
    rows = [row for report in latest_reports(con)
            for row in census_figures.figure_rows(report, run_id="fixture", extracted_at=run_at)]
    return census_figures.replace_window(con, rows, "1900-01-01", "2999-12-31")


def build_fixture_warehouse(path: Path | str) -> Path:
    """A fresh DuckDB file with raw.reports, raw.extracted_facts and the four dims."""
    path = Path(path)
    path.unlink(missing_ok=True)
    con = duckdb.connect(str(path))
    try:
        load_reports(con)
        load_facts(con)
        load_census_figures(con)
        create_dims(con)
    finally:
        con.close()
    return path


def execute(path: Path | str, *statements: str) -> None:
    """Run ``statements`` on the warehouse file at ``path`` (opened read-write, then closed)."""
    con = duckdb.connect(str(path))
    try:
        for statement in statements:
            con.execute(statement)
    finally:
        con.close()
