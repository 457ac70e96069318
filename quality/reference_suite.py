"""Great Expectations suites for the raw reference tables (``reference.<table>``, latest load).

The reference loaders append a new ``load_version`` whenever an input file changes; the
suites here validate the rows of the **latest** version of each table, before dbt builds
``dim_place`` / ``dim_unit`` / ``dim_actor`` from them. As everywhere in ``quality/``, the
rows are read with DuckDB (read-only, closed afterwards) and validated with GX's pandas
datasource (``quality.validation.run_suite``); GX is imported lazily.

Severities (the expectation's ``meta``): "error" = a structural fault that must stop the dbt
reference models (P-code shapes, keys, contract types, population arithmetic, the census
totals when the full census is loaded, known defects the loaders must have fixed); "warn" =
recorded only (coordinates outside Myanmar, unresolved garrisons, unmatched ward townships).

What the real files allow (and the dbt tests already accept), so the suites do too:

* the census CSV merges Bago as ``MMR111`` and Shan as ``MMR222`` (state P-code of its
  townships ``MMR007``/``MMR008`` and ``MMR014``-``MMR016``);
* MIMU city codes ``MMR<state>000777`` (Yangon, Mandalay, Nay Pyi Taw) are towns that do
  not start with their township's P-code;
* the Wa SAD's newer 3xx townships appear in the towns file only (sub-townships: not a
  check here, dim_place levels them);
* the artillery list repeats some battalions under two commands: ``unit_key`` may repeat in
  ``reference.units`` (dim_unit keeps the first listing), but only within one list and with
  one unit type, and each source row is loaded once;
* the demo gazetteer is a partial census: the totals (50,279,900; Kachin 1,642,841; Bhamo
  MMR001010 = 135,877, urban 58,696) apply only to a full census load.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from quality.settings import QualitySettings
from quality.validation import ExpectationOutcome, SuiteResult, expectation_suite, expectations, run_suite

SCHEMA = "reference"

# P-code shapes (MIMU)
STATE_PCODE = r"^MMR\d{3}$"
DISTRICT_PCODE = r"^MMR\d{3}[DS]\d{3}$"
TOWNSHIP_PCODE = r"^MMR\d{6}$"
TOWN_PCODE = r"^MMR\d{9}$"
CITY_PCODE = r"^MMR\d{3}000\d{3}$"  # city codes (MMR013000777 Yangon): no township prefix
AREA_CODE = r"^\d{6}$"
UNIT_KEY = r"^(?:IB|LIB|TB|AB|ArtyB|MOC|ROC|RMC|LID)-[A-Za-z0-9]+$"

# The census CSV merges split states: its state P-code → the MIMU states of its townships.
CENSUS_MERGED_STATES = {"MMR111": ("MMR007", "MMR008"), "MMR222": ("MMR014", "MMR015", "MMR016")}

# The 2014 census (enumerated population), checked only on a full census load.
FULL_CENSUS_TOWNSHIPS = 330
# A load of at least this many townships is taken as the full census: it must then have
# exactly 330 rows and the known totals (a full file that lost a few rows fails, it does not
# pass as "partial"). The demo gazetteer has 8.
FULL_CENSUS_MIN_ROWS = 300
CENSUS_TOTAL = 50_279_900
KACHIN_PCODE, KACHIN_TOTAL = "MMR001", 1_642_841
BHAMO_PCODE, BHAMO_TOTAL, BHAMO_URBAN = "MMR001010", 135_877, 58_696

# Myanmar's bounding box (as dim_place's dbt tests): coordinates outside are a warning.
LAT_RANGE, LON_RANGE = (9.0, 29.0), (92.0, 102.0)

ACTOR_SIDES = ("junta", "resistance", "other")
PAO_NAME = "ပအိုဝ်း"  # the Pa-O name published for TNLA by mistake; only PNLO may carry it
_LATIN = re.compile(r"[A-Za-z]")
REFERENCE_TABLES = ("townships", "towns", "census_workbook", "area_codes", "wards_village_tracts",
                    "units", "armed_groups", "town_control_events")
# Tables whose input file is optional (absent in the demo gazetteer → zero rows, nothing to check).
OPTIONAL_TABLES = frozenset(REFERENCE_TABLES) - {"townships"}


def _meta(severity: str, description: str) -> dict[str, str]:
    return {"severity": severity, "description": description}


def _err(description: str) -> dict[str, str]:
    return _meta("error", description)


def _warn(description: str) -> dict[str, str]:
    return _meta("warn", description)


# ---------------------------------------------------------------- reading


def read_latest(con, table: str):
    """Rows of the latest ``load_version`` of ``reference.<table>`` (None: no such table)."""
    from ingestion.tables import table_exists

    if not table_exists(con, SCHEMA, table):
        return None
    return con.execute(f'select * from {SCHEMA}."{table}" where load_version = '
                       f'(select max(load_version) from {SCHEMA}."{table}")').df()


def is_full_census(df) -> bool:
    """A census load large enough to be the full 2014 census (see FULL_CENSUS_MIN_ROWS)."""
    return df is not None and len(df) >= FULL_CENSUS_MIN_ROWS


# ---------------------------------------------------------------- shared pieces


def _pcode_expectations(gxe, columns: dict[str, str], table: str) -> list[Any]:
    """Not null and the MIMU shape for each P-code column (error)."""
    out: list[Any] = []
    for column, pattern in columns.items():
        out += [gxe.ExpectColumnValuesToNotBeNull(column=column, meta=_err(f"{table}: every row has {column}")),
                gxe.ExpectColumnValuesToMatchRegex(column=column, regex=pattern,
                                                   meta=_err(f"{table}: {column} matches {pattern}"))]
    return out


def _not_null(gxe, columns: Iterable[str], table: str, severity: str = "error") -> list[Any]:
    return [gxe.ExpectColumnValuesToNotBeNull(column=c, meta=_meta(severity, f"{table}: {c} is not null"))
            for c in columns]


def _population_expectations(gxe, table: str, *, urban_rural: bool = True) -> list[Any]:
    cols = ["pop_total", "pop_male", "pop_female"] + (["pop_urban", "pop_rural"] if urban_rural else [])
    out: list[Any] = []
    for c in cols:
        out.append(gxe.ExpectColumnValuesToBeBetween(column=c, min_value=0,
                                                     meta=_err(f"{table}: {c} is not negative")))
    out.append(gxe.ExpectColumnValuesToBeBetween(column="male_female_gap", min_value=0, max_value=0,
                                                 meta=_err(f"{table}: pop_male + pop_female = pop_total")))
    if urban_rural:
        out.append(gxe.ExpectColumnValuesToBeBetween(column="urban_rural_gap", min_value=0, max_value=0,
                                                     meta=_err(f"{table}: pop_urban + pop_rural = pop_total")))
    return out


def _coordinate_expectations(gxe, table: str, lat: str = "lat", lon: str = "lon") -> list[Any]:
    return [gxe.ExpectColumnValuesToBeBetween(column=lat, min_value=LAT_RANGE[0], max_value=LAT_RANGE[1],
                                              meta=_warn(f"{table}: latitude within Myanmar")),
            gxe.ExpectColumnValuesToBeBetween(column=lon, min_value=LON_RANGE[0], max_value=LON_RANGE[1],
                                              meta=_warn(f"{table}: longitude within Myanmar"))]


def _numeric(frame, columns: Iterable[str]) -> None:
    """Nullable integer/float columns → float64 (NaN for missing): GX's pandas metrics prefer it."""
    import pandas as pd

    for c in columns:
        if c in frame.columns:
            frame[c] = pd.to_numeric(frame[c], errors="coerce").astype("float64")


def _text(frame, columns: Iterable[str]) -> None:
    """String columns → object with None for missing and blank (a blank name is no name)."""
    import pandas as pd

    for c in columns:
        if c in frame.columns:
            frame[c] = pd.Series([None if v is None or v != v or (isinstance(v, str) and not v.strip())
                                  else str(v) for v in frame[c].astype(object)], index=frame.index, dtype=object)


def _ensure(frame, columns: Iterable[str]) -> None:
    for c in columns:
        if c not in frame.columns:
            frame[c] = None


def _population_gaps(frame, *, urban_rural: bool = True) -> None:
    frame["male_female_gap"] = frame["pop_male"] + frame["pop_female"] - frame["pop_total"]
    if urban_rural:
        # An empty urban or rural part is published blank (the 28 all-urban Yangon townships
        # have no rural population): blank counts as 0 in the sum.
        frame["urban_rural_gap"] = (frame["pop_urban"].fillna(0) + frame["pop_rural"].fillna(0)
                                    - frame["pop_total"])


# ---------------------------------------------------------------- census townships (CSV and workbook)

CENSUS_TEXT = ("sr_pcode", "sr_name", "dt_pcode", "dt_name", "ts_pcode", "ts_name")
CENSUS_NUMBERS = ("pop_total", "pop_male", "pop_female", "pop_urban", "pop_rural", "urban_pct")


def census_suite(table: str = "townships", *, full: bool = False):
    """Township rows of the census (``townships`` CSV or ``census_workbook``).

    Error: P-code shapes (state, district, township), township P-code unique, names not null,
    populations not negative and male + female = urban + rural = total, the district and the
    state P-code agree with the township's (merged census states allowed); when the full
    census is loaded: 330 townships summing to 50,279,900, Kachin 1,642,841, Bhamo
    MMR001010 135,877 (urban 58,696). Warn: urban_pct agrees with pop_urban / pop_total."""
    gxe = expectations()
    exps: list[Any] = [gxe.ExpectTableRowCountToBeBetween(min_value=1, meta=_err(f"{table}: has rows"))]
    exps += _pcode_expectations(gxe, {"sr_pcode": STATE_PCODE, "dt_pcode": DISTRICT_PCODE,
                                      "ts_pcode": TOWNSHIP_PCODE}, table)
    exps += [
        gxe.ExpectColumnValuesToBeUnique(column="ts_pcode", meta=_err(f"{table}: one row per township P-code")),
        *_not_null(gxe, ("sr_name", "dt_name", "ts_name"), table),
        *_not_null(gxe, ("pop_total", "pop_male", "pop_female"), table),
        *_population_expectations(gxe, table),
        gxe.ExpectColumnValuesToBeInSet(column="district_in_township_state", value_set=[True],
                                        meta=_err(f"{table}: district P-code has the township's state prefix")),
        gxe.ExpectColumnValuesToBeInSet(column="state_matches_township", value_set=[True],
                                        meta=_err(f"{table}: state P-code is the township's (or the census "
                                                  "merge MMR111 Bago / MMR222 Shan)")),
        gxe.ExpectColumnValuesToBeBetween(column="urban_pct_gap", min_value=-0.1, max_value=0.1,
                                          meta=_warn(f"{table}: urban_pct = 100 * pop_urban / pop_total")),
    ]
    if full:
        exps += [
            gxe.ExpectTableRowCountToEqual(value=FULL_CENSUS_TOWNSHIPS,
                                           meta=_err(f"{table}: the full census has {FULL_CENSUS_TOWNSHIPS} townships")),
            gxe.ExpectColumnSumToBeBetween(column="pop_total", min_value=CENSUS_TOTAL, max_value=CENSUS_TOTAL,
                                           meta=_err(f"{table}: townships sum to the enumerated {CENSUS_TOTAL:,}")),
            gxe.ExpectColumnSumToBeBetween(column="kachin_pop_total", min_value=KACHIN_TOTAL, max_value=KACHIN_TOTAL,
                                           meta=_err(f"{table}: Kachin ({KACHIN_PCODE}) sums to {KACHIN_TOTAL:,}")),
            gxe.ExpectColumnSumToBeBetween(column="bhamo_pop_total", min_value=BHAMO_TOTAL, max_value=BHAMO_TOTAL,
                                           meta=_err(f"{table}: Bhamo {BHAMO_PCODE} = {BHAMO_TOTAL:,}")),
            gxe.ExpectColumnSumToBeBetween(column="bhamo_pop_urban", min_value=BHAMO_URBAN, max_value=BHAMO_URBAN,
                                           meta=_err(f"{table}: Bhamo {BHAMO_PCODE} urban = {BHAMO_URBAN:,}")),
        ]
    return expectation_suite(f"reference_{table}" + ("_full" if full else ""), exps)


def _state_matches(sr: Any, ts: Any) -> bool:
    if not isinstance(sr, str) or not isinstance(ts, str):
        return True  # nulls are the not-null expectations' business
    return ts.startswith(sr) or ts[:6] in CENSUS_MERGED_STATES.get(sr, ())


def _prefix_agrees(a: Any, b: Any, n: int = 6) -> bool:
    if not isinstance(a, str) or not isinstance(b, str):
        return True
    return a[:n] == b[:n]


def prepare_census(df):
    frame = df.copy()
    _ensure(frame, (*CENSUS_TEXT, *CENSUS_NUMBERS))
    _text(frame, CENSUS_TEXT)
    _numeric(frame, CENSUS_NUMBERS)
    _population_gaps(frame)
    frame["district_in_township_state"] = [_prefix_agrees(d, t) for d, t in zip(frame["dt_pcode"], frame["ts_pcode"])]
    frame["state_matches_township"] = [_state_matches(s, t) for s, t in zip(frame["sr_pcode"], frame["ts_pcode"])]
    frame["urban_pct_gap"] = frame["urban_pct"] - 100.0 * frame["pop_urban"] / frame["pop_total"].where(frame["pop_total"] > 0)
    frame["kachin_pop_total"] = frame["pop_total"].where(frame["sr_pcode"] == KACHIN_PCODE, 0.0)
    frame["bhamo_pop_total"] = frame["pop_total"].where(frame["ts_pcode"] == BHAMO_PCODE, 0.0)
    frame["bhamo_pop_urban"] = frame["pop_urban"].where(frame["ts_pcode"] == BHAMO_PCODE, 0.0)
    return frame


# ---------------------------------------------------------------- towns


def towns_suite():
    """MIMU towns. Error: P-code shapes, town P-code unique and inside its township (or a
    city code), names not null. Warn: coordinates within Myanmar."""
    gxe = expectations()
    exps: list[Any] = _pcode_expectations(gxe, {"sr_pcode": STATE_PCODE, "dt_pcode": DISTRICT_PCODE,
                                                "ts_pcode": TOWNSHIP_PCODE, "town_pcode": TOWN_PCODE}, "towns")
    exps += [
        gxe.ExpectColumnValuesToBeUnique(column="town_pcode", meta=_err("towns: one row per town P-code")),
        *_not_null(gxe, ("town_name", "ts_name", "sr_name"), "towns"),
        gxe.ExpectColumnValuesToBeInSet(column="town_in_its_township", value_set=[True],
                                        meta=_err("towns: town P-code starts with its township's (city codes "
                                                  "MMR<state>000<nnn> excepted)")),
        gxe.ExpectColumnValuesToBeInSet(column="township_in_its_state", value_set=[True],
                                        meta=_err("towns: township and district P-codes start with the state's")),
        *_coordinate_expectations(gxe, "towns"),
    ]
    return expectation_suite("reference_towns", exps)


def prepare_towns(df):
    frame = df.copy()
    _ensure(frame, ("sr_pcode", "dt_pcode", "ts_pcode", "town_pcode", "town_name", "ts_name", "sr_name", "lat", "lon"))
    _text(frame, ("sr_pcode", "dt_pcode", "ts_pcode", "town_pcode", "town_name", "ts_name", "sr_name"))
    _numeric(frame, ("lat", "lon"))
    city = re.compile(CITY_PCODE)
    frame["town_in_its_township"] = [
        not isinstance(town, str) or not isinstance(ts, str) or town.startswith(ts) or bool(city.match(town))
        for town, ts in zip(frame["town_pcode"], frame["ts_pcode"])]
    frame["township_in_its_state"] = [
        not isinstance(sr, str) or ((not isinstance(ts, str) or ts.startswith(sr)) and
                                    (not isinstance(dt, str) or dt.startswith(sr)))
        for sr, ts, dt in zip(frame["sr_pcode"], frame["ts_pcode"], frame["dt_pcode"])]
    return frame


# ---------------------------------------------------------------- census area codes


def area_codes_suite():
    """Census area codes → township P-codes. Error: area code shape and unique, township
    P-code shape, census name not null and without the "(ST)" suffix, sub-township flag set."""
    gxe = expectations()
    exps: list[Any] = [
        *_not_null(gxe, ("area_code", "census_township_name", "is_sub_township"), "area_codes"),
        gxe.ExpectColumnValuesToMatchRegex(column="area_code", regex=AREA_CODE,
                                           meta=_err("area_codes: area code is six digits")),
        gxe.ExpectColumnValuesToBeUnique(column="area_code", meta=_err("area_codes: one row per area code")),
        *_pcode_expectations(gxe, {"ts_pcode": TOWNSHIP_PCODE}, "area_codes"),
        gxe.ExpectColumnValuesToNotMatchRegex(column="census_township_name", regex=r"\(ST\)",
                                              meta=_err("area_codes: sub-township suffix (ST) stripped")),
    ]
    return expectation_suite("reference_area_codes", exps)


def prepare_area_codes(df):
    frame = df.copy()
    _ensure(frame, ("area_code", "census_township_name", "is_sub_township", "ts_pcode"))
    _text(frame, ("area_code", "census_township_name", "ts_pcode"))
    frame["is_sub_township"] = frame["is_sub_township"].astype(object).where(frame["is_sub_township"].notna(), None)
    return frame


# ---------------------------------------------------------------- wards and village tracts


def wards_suite():
    """Ward / village-tract population. Error: names and types, township P-code shape where
    matched, one row per (township, type, name, ordinal), populations not negative and
    male + female = total. Warn: township matched to a P-code, coordinates within Myanmar."""
    gxe = expectations()
    table = "wards_village_tracts"
    exps: list[Any] = [
        *_not_null(gxe, ("name", "source_township_name", "place_type", "pop_total"), table),
        gxe.ExpectColumnValuesToBeInSet(column="place_type", value_set=["ward", "village_tract"],
                                        meta=_err(f"{table}: place_type is ward or village_tract")),
        gxe.ExpectColumnValuesToMatchRegex(column="ts_pcode", regex=TOWNSHIP_PCODE,
                                           meta=_err(f"{table}: ts_pcode matches {TOWNSHIP_PCODE}")),
        gxe.ExpectCompoundColumnsToBeUnique(column_list=["source_township_name", "place_type", "name",
                                                         "duplicate_ordinal"],
                                            meta=_err(f"{table}: repeated names kept apart by duplicate_ordinal")),
        *_population_expectations(gxe, table, urban_rural=False),
        gxe.ExpectColumnValuesToNotBeNull(column="ts_pcode",
                                          meta=_warn(f"{table}: township name matched to a P-code")),
        *_coordinate_expectations(gxe, table),
    ]
    return expectation_suite("reference_wards_village_tracts", exps)


def prepare_wards(df):
    frame = df.copy()
    _ensure(frame, ("name", "source_township_name", "place_type", "ts_pcode", "duplicate_ordinal",
                    "pop_total", "pop_male", "pop_female", "lat", "lon"))
    _text(frame, ("name", "source_township_name", "place_type", "ts_pcode"))
    _numeric(frame, ("pop_total", "pop_male", "pop_female", "lat", "lon", "duplicate_ordinal"))
    _population_gaps(frame, urban_rural=False)
    frame["ward_id"] = [f"{s}/{t}/{n}" for s, t, n in zip(frame["source_township_name"], frame["place_type"],
                                                           frame["name"])]
    return frame


# ---------------------------------------------------------------- units


def _unit_contract():
    from ingestion.models import UNIT_TYPES
    from ingestion.reference.unit_lists import BURMESE_PREFIX_TYPE
    from ingestion.units import UNIT_PREFIX

    return UNIT_TYPES, UNIT_PREFIX, BURMESE_PREFIX_TYPE


def units_suite():
    """Unit lists. Error: unit_key shape, unit_type in the contract, the key's prefix is the
    type's, the Burmese prefix decides the type (ခလရ = IB, ခမရ = LIB: no infantry row typed LIB
    under ခလရ), each source row loaded once, a repeated unit_key only within one list and with
    one type (dim_unit keeps the first listing), English name and number present, garrison
    P-code shapes. Warn: most garrisons resolved to a township, coordinates within Myanmar."""
    unit_types, _, _ = _unit_contract()
    gxe = expectations()
    exps: list[Any] = [
        *_not_null(gxe, ("unit_key", "unit_type", "unit_number", "name_en", "source_list"), "units"),
        gxe.ExpectColumnValuesToMatchRegex(column="unit_key", regex=UNIT_KEY,
                                           meta=_err("units: unit_key is <prefix>-<number>")),
        gxe.ExpectColumnValuesToBeInSet(column="unit_type", value_set=list(unit_types),
                                        meta=_err("units: unit_type in the contract's unit types")),
        gxe.ExpectColumnValuesToBeInSet(column="key_prefix_matches_type", value_set=[True],
                                        meta=_err("units: unit_key prefix is the unit type's (IB = infantry...)")),
        gxe.ExpectColumnValuesToBeInSet(column="type_matches_burmese_prefix", value_set=[True],
                                        meta=_err("units: the Burmese prefix decides the type (ခလရ = IB, "
                                                  "ခမရ = LIB, တကရ = TB, သတရ/သကရ = AB)")),
        gxe.ExpectCompoundColumnsToBeUnique(column_list=["source_list", "source_row"],
                                            meta=_err("units: each row of each list loaded once")),
        gxe.ExpectColumnValuesToBeBetween(column="unit_key_lists", min_value=1, max_value=1,
                                          meta=_err("units: a repeated unit_key stays within one list "
                                                    "(two lists on one key = a key collision)")),
        gxe.ExpectColumnValuesToBeBetween(column="unit_key_types", min_value=1, max_value=1,
                                          meta=_err("units: one unit_type per unit_key")),
        gxe.ExpectColumnValuesToMatchRegex(column="garrison_ts_pcode", regex=TOWNSHIP_PCODE,
                                           meta=_err(f"units: garrison township matches {TOWNSHIP_PCODE}")),
        gxe.ExpectColumnValuesToMatchRegex(column="garrison_town_pcode", regex=TOWN_PCODE,
                                           meta=_err(f"units: garrison town matches {TOWN_PCODE}")),
        gxe.ExpectColumnValuesToNotBeNull(column="garrison_ts_pcode", mostly=0.8,
                                          meta=_warn("units: at least 80% of garrisons resolved to a township")),
        *_coordinate_expectations(gxe, "units"),
    ]
    return expectation_suite("reference_units", exps)


def prepare_units(df):
    _, unit_prefix, burmese_prefix_type = _unit_contract()
    frame = df.copy()
    _ensure(frame, ("unit_key", "unit_type", "unit_number", "name_en", "abbr_mm", "source_list", "source_row",
                    "garrison_ts_pcode", "garrison_town_pcode", "lat", "lon"))
    _text(frame, ("unit_key", "unit_type", "unit_number", "name_en", "abbr_mm", "source_list",
                  "garrison_ts_pcode", "garrison_town_pcode"))
    _numeric(frame, ("lat", "lon", "source_row"))
    frame["key_prefix_matches_type"] = [
        not isinstance(k, str) or not isinstance(t, str) or k.split("-", 1)[0] == unit_prefix.get(t)
        for k, t in zip(frame["unit_key"], frame["unit_type"])]
    frame["type_matches_burmese_prefix"] = [
        not isinstance(a, str) or a.strip() not in burmese_prefix_type or burmese_prefix_type[a.strip()] == t
        for a, t in zip(frame["abbr_mm"], frame["unit_type"])]
    keyed = frame["unit_key"].fillna("")
    frame["unit_key_lists"] = frame.groupby(keyed)["source_list"].transform("nunique").astype("float64")
    frame["unit_key_types"] = frame.groupby(keyed)["unit_type"].transform("nunique").astype("float64")
    return frame


# ---------------------------------------------------------------- armed groups


def armed_groups_suite():
    """Armed-group registry. Error: actor id present and unique, acronyms and English names
    present, side in junta/resistance/other, no Burmese name imported where quality_notes flag
    it as wrong ("do not import": TNLA, UWSA), no Latin text among Burmese names, the Pa-O
    name only on PNLO."""
    gxe = expectations()
    exps: list[Any] = [
        *_not_null(gxe, ("actor_id",), "armed_groups"),
        gxe.ExpectColumnValuesToBeUnique(column="actor_id", meta=_err("armed_groups: one row per actor")),
        gxe.ExpectColumnValuesToNotBeNull(column="acronyms", meta=_err("armed_groups: every actor has acronyms")),
        gxe.ExpectColumnValuesToNotBeNull(column="english_names",
                                          meta=_err("armed_groups: every actor has an English name")),
        gxe.ExpectColumnValuesToBeInSet(column="side", value_set=list(ACTOR_SIDES),
                                        meta=_err("armed_groups: side is junta, resistance or other")),
        gxe.ExpectColumnValuesToBeInSet(column="flagged_burmese_name_imported", value_set=[False],
                                        meta=_err("armed_groups: no Burmese name the quality_notes flag as wrong")),
        gxe.ExpectColumnValuesToBeInSet(column="burmese_name_has_latin", value_set=[False],
                                        meta=_err("armed_groups: Burmese names hold no Latin text")),
        gxe.ExpectColumnValuesToBeInSet(column="pao_name_misplaced", value_set=[False],
                                        meta=_err("armed_groups: only PNLO carries the Pa-O name")),
    ]
    return expectation_suite("reference_armed_groups", exps)


def flags_burmese_name_wrong(notes: Any) -> bool:
    """The registry's quality_notes say the published Burmese name must not be imported."""
    text = (notes if isinstance(notes, str) else "").lower()
    return "do not import" in text or ("burmese name" in text and ("wrong" in text or "incorrect" in text))


def prepare_armed_groups(df):
    frame = df.copy()
    _ensure(frame, ("actor_id", "acronyms", "english_names", "burmese_names", "side", "quality_notes"))
    _text(frame, ("actor_id", "acronyms", "english_names", "burmese_names", "side", "quality_notes"))
    names = [[n for n in (v or "").split("|") if n.strip()] for v in frame["burmese_names"]]
    frame["flagged_burmese_name_imported"] = [flags_burmese_name_wrong(q) and bool(n)
                                              for q, n in zip(frame["quality_notes"], names)]
    frame["burmese_name_has_latin"] = [any(_LATIN.search(x) for x in n) for n in names]
    frame["pao_name_misplaced"] = [a != "PNLO" and any(PAO_NAME in x for x in n)
                                   for a, n in zip(frame["actor_id"], names)]
    return frame


# ---------------------------------------------------------------- town-control tracker


def town_control_events_suite():
    """Community tracker. Error: one row per source row, a townId, an ISO date and an actor
    on every row, a resolved town P-code of MIMU shape. Warn: every townId resolves to a MIMU
    town (aliases of a listed row aside): the unresolved ones are reported, never guessed."""
    gxe = expectations()
    table = "town_control_events"
    exps: list[Any] = [
        *_not_null(gxe, ("source_row", "town_id", "event_date", "actor"), table),
        gxe.ExpectColumnValuesToBeUnique(column="source_row", meta=_err(f"{table}: one row per source row")),
        gxe.ExpectColumnValuesToMatchRegex(column="event_date", regex=r"^\d{4}-\d{2}-\d{2}$",
                                           meta=_err(f"{table}: date is YYYY-MM-DD")),
        gxe.ExpectColumnValuesToMatchRegex(column="town_pcode", regex=TOWN_PCODE,
                                           meta=_err(f"{table}: town_pcode matches {TOWN_PCODE}")),
        gxe.ExpectColumnValuesToNotBeNull(column="town_pcode_or_alias",
                                          meta=_warn(f"{table}: townId resolved to a MIMU town")),
    ]
    return expectation_suite("reference_town_control_events", exps)


def prepare_town_control_events(df):
    frame = df.astype(object).where(df.notna(), None)  # pandas NA (loader frames) → None
    _ensure(frame, ("source_row", "town_id", "event_date", "actor", "town_pcode", "is_alias_duplicate"))
    _text(frame, ("town_id", "event_date", "actor", "town_pcode"))
    _numeric(frame, ("source_row",))
    alias = frame["is_alias_duplicate"].fillna(False).astype(bool)
    frame["town_pcode_or_alias"] = [p if p is not None or not a else "alias"
                                    for p, a in zip(frame["town_pcode"], alias)]
    return frame


# ---------------------------------------------------------------- one entry point


_PREPARE: dict[str, tuple[Callable, Callable[..., Any], str]] = {
    "townships": (prepare_census, lambda full: census_suite("townships", full=full), "ts_pcode"),
    "census_workbook": (prepare_census, lambda full: census_suite("census_workbook", full=full), "ts_pcode"),
    "towns": (prepare_towns, lambda full: towns_suite(), "town_pcode"),
    "area_codes": (prepare_area_codes, lambda full: area_codes_suite(), "area_code"),
    "wards_village_tracts": (prepare_wards, lambda full: wards_suite(), "ward_id"),
    "units": (prepare_units, lambda full: units_suite(), "unit_key"),
    "armed_groups": (prepare_armed_groups, lambda full: armed_groups_suite(), "actor_id"),
    "town_control_events": (prepare_town_control_events, lambda full: town_control_events_suite(), "town_id"),
}


def build_suite(table: str, *, full: bool = False):
    """The ExpectationSuite of one reference table (``full``: the full-census expectations)."""
    return _PREPARE[table][1](full)


def validate_reference(table: str, df, settings: QualitySettings | None = None) -> SuiteResult:
    """Validate the latest rows of ``reference.<table>`` (a pandas frame, ``None`` = no table).

    An optional table with no rows (its file absent, as in the demo gazetteer) passes with
    nothing validated; ``townships`` must have rows."""
    settings = settings or QualitySettings.from_env()
    prepare, _, id_column = _PREPARE[table]
    full = table in ("townships", "census_workbook") and is_full_census(df)
    name = f"reference_{table}" + ("_full" if full else "")
    if df is None or len(df) == 0:
        result = SuiteResult(suite=name, rows=0)
        if table not in OPTIONAL_TABLES:
            result.outcomes.append(ExpectationOutcome(
                expectation="expect_table_row_count_to_be_between", column=None, success=False,
                severity="error", observed=0, description=f"{table}: has rows"))
        return result
    frame = prepare(df)
    return run_suite(frame, build_suite(table, full=full), id_column=id_column,
                     max_examples=settings.max_examples)


def validation_fingerprint(con, table: str, settings: QualitySettings | None = None) -> str:
    """A hash of everything ``validate_latest`` depends on: the latest load of the table as
    the reference log records it (version, the SHA-256 of its input files, row count, when
    it was loaded), the code of the suites, the quality settings and the GX version. Equal
    fingerprints validate the same rows the same way."""
    import dataclasses
    import hashlib
    import json
    from importlib.metadata import version
    from pathlib import Path

    from ingestion.reference.store import LOG_TABLE
    from ingestion.tables import table_exists
    from quality import validation

    settings = settings or QualitySettings.from_env()
    schema, name = LOG_TABLE.split(".")
    load = (con.execute(f"select load_version, fingerprint, row_count, cast(loaded_at as varchar) from {LOG_TABLE} "
                        "where table_name = ? order by load_version desc limit 1", [table]).fetchall()
            if table_exists(con, schema, name) else [])
    rows = (con.execute(f'select count(*) from {SCHEMA}."{table}"').fetchall()[0][0]
            if table_exists(con, SCHEMA, table) else None)
    digest = hashlib.sha256()
    for source in (__file__, validation.__file__):
        digest.update(Path(source).read_bytes())
    payload = {"table": table, "load": [list(r) for r in load], "rows": rows, "code": digest.hexdigest(),
               "settings": dataclasses.asdict(settings), "gx": version("great_expectations")}
    return hashlib.sha256(json.dumps(payload, sort_keys=True, default=str).encode()).hexdigest()


def validate_latest(con, table: str, settings: QualitySettings | None = None) -> tuple[SuiteResult, int | None]:
    """(result, load_version) for the latest load of ``reference.<table>`` read through ``con``."""
    df = read_latest(con, table)
    version = int(df["load_version"].iloc[0]) if df is not None and len(df) else None
    return validate_reference(table, df, settings), version


__all__ = ["REFERENCE_TABLES", "OPTIONAL_TABLES", "read_latest", "is_full_census", "build_suite",
           "validate_reference", "validate_latest", "validation_fingerprint", "flags_burmese_name_wrong", "census_suite", "towns_suite",
           "area_codes_suite", "wards_suite", "units_suite", "armed_groups_suite",
           "town_control_events_suite"]
