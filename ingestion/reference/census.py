"""Loaders for the 2014 census files (Department of Population; MIMU baseline release 2016).

* ``load_township_population``: ``township_population_2014.csv`` (330 townships).
* ``load_census_workbook``: the MIMU baseline workbook's population sheet (header rows found
  by content), a typed subset of columns plus every one of the 282 columns in ``columns_json``.
* ``load_area_codes``: census area codes (incl. "(ST)" sub-townships) → MIMU township P-codes.
* ``load_ward_population``: ward / village-tract population; township names without P-codes
  ("Bhamo Township") are matched by ``places.match_ward_townships``.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd

from ingestion.reference.frames import Schema, blank_to_none, conform, empty, read_csv_or_empty, snake_case

TOWNSHIP_SCHEMA: Schema = {
    "sr_pcode": "string", "sr_name": "string", "dt_pcode": "string", "dt_name": "string",
    "ts_pcode": "string", "ts_name": "string", "pop_total": "Int64", "pop_male": "Int64",
    "pop_female": "Int64", "pop_urban": "Int64", "pop_rural": "Int64", "urban_pct": "Float64",
}


def load_township_population(path: Path | None) -> pd.DataFrame:
    df = read_csv_or_empty(path)
    if df is None:
        return empty(TOWNSHIP_SCHEMA)
    df.columns = [snake_case(c) for c in df.columns]
    for col in ("sr_name", "dt_name", "ts_name"):
        df[col] = blank_to_none(df[col])
    return conform(df, TOWNSHIP_SCHEMA)


# workbook: (group header, sub header) → typed column; everything also goes to columns_json
_WORKBOOK_COLUMNS: dict[tuple[str, str], str] = {
    ("total population", "both sexes"): "pop_total",
    ("total population", "male"): "pop_male",
    ("total population", "female"): "pop_female",
    ("total population", "sex ratio"): "sex_ratio",
    ("population in conventional households", "both sexes"): "pop_conventional_households",
    ("population in institutions", "both sexes"): "pop_institutions",
    ("urban population", "both sexes"): "pop_urban",
    ("rural population", "both sexes"): "pop_rural",
    ("rural population", "urban population (%)"): "urban_pct",
    ("selected age groups and dependency ratios", "0 - 14"): "pop_age_0_14",
    ("selected age groups and dependency ratios", "15 - 64"): "pop_age_15_64",
    ("selected age groups and dependency ratios", "65+"): "pop_age_65_plus",
    ("selected age groups and dependency ratios", "18+"): "pop_age_18_plus",
    ("both sexes (total 15 year and above)", "% literate"): "literacy_pct",
}
WORKBOOK_SCHEMA: Schema = {
    "sr_pcode": "string", "sr_name": "string", "dt_pcode": "string", "dt_name": "string",
    "ts_pcode": "string", "ts_name": "string",
    **{c: ("Float64" if c in ("sex_ratio", "urban_pct", "literacy_pct") else "Int64")
       for c in _WORKBOOK_COLUMNS.values()},
    "columns_json": "string",
}
_ID_COLUMNS = ["sr_pcode", "sr_name", "dt_pcode", "dt_name", "ts_pcode", "ts_name"]


def _header_row(rows: list[tuple]) -> int:
    """Index of the row whose cells name the township P-code column."""
    for i, row in enumerate(rows[:20]):
        if any(isinstance(c, str) and c.strip().lower() == "township pcode" for c in row):
            return i
    raise ValueError("census workbook: no header row with 'Township Pcode'")


def workbook_column_names(groups: tuple, subs: tuple) -> list[tuple[str, str]]:
    """(group, sub) header pairs, the group carried right across merged cells."""
    out, group = [], ""
    for g, s in zip(groups, subs):
        if g is not None and str(g).strip():
            group = " ".join(str(g).split())
        out.append((group.lower(), " ".join(str(s or "").split()).lower()))
    return out


def load_census_workbook(path: Path | None) -> pd.DataFrame:
    """Township rows of the population sheet: ids, a typed subset, and all columns as JSON.

    ``columns_json`` maps ``"<group> | <sub-header>"`` (as published, lower-cased) to the
    value, so every one of the 282 columns stays queryable (DuckDB ``json_extract``).
    """
    if path is None or not Path(path).is_file():
        return empty(WORKBOOK_SCHEMA)
    import openpyxl

    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        ws = next((w for w in wb.worksheets if "population" in w.title.lower()), wb.worksheets[0])
        rows = list(ws.iter_rows(values_only=True))
    finally:
        wb.close()
    h = _header_row(rows)
    names = workbook_column_names(rows[h - 1] if h else tuple([None] * len(rows[h])), rows[h])
    records = []
    for row in rows[h + 1:]:
        if not row or not isinstance(row[4], str) or not re.fullmatch(r"MMR\d{6}", row[4].strip()):
            continue  # blank, notes or total rows
        rec = {c: (v.strip() if isinstance(v, str) else v) for c, v in zip(_ID_COLUMNS, row[:6])}
        all_cols: dict[str, object] = {}
        for (group, sub), value in list(zip(names, row))[6:]:
            label = f"{group} | {sub}"
            while label in all_cols:
                label += "'"
            all_cols[label] = value
            typed = _WORKBOOK_COLUMNS.get((group, sub))
            if typed and typed not in rec:
                rec[typed] = value
        rec["columns_json"] = json.dumps(all_cols, ensure_ascii=False, default=str)
        records.append(rec)
    return conform(pd.DataFrame.from_records(records), WORKBOOK_SCHEMA)


AREA_CODE_SCHEMA: Schema = {
    "area_code": "string", "sr_name": "string", "district_name": "string",
    "census_township_name": "string", "is_sub_township": "boolean",
    "ts_pcode": "string", "ts_name": "string",
}


def load_area_codes(path: Path | None) -> pd.DataFrame:
    """The crosswalk; ``AREA # 010151`` → ``010151``; "Hsinbo(ST)" → name "Hsinbo", sub-township."""
    df = read_csv_or_empty(path)
    if df is None:
        return empty(AREA_CODE_SCHEMA)
    name = blank_to_none(df["TsName_Census"]).fillna("")
    out = pd.DataFrame({
        "area_code": df["AreaCode"].str.extract(r"(\d+)", expand=False),
        "sr_name": blank_to_none(df["SR"]),
        "district_name": blank_to_none(df["District"]),
        "census_township_name": name.str.replace(r"\s*\(ST\)\s*$", "", regex=True).str.strip(),
        "is_sub_township": name.str.contains(r"\(ST\)\s*$", regex=True),
        "ts_pcode": blank_to_none(df["TsCode_MIMU"]),
        "ts_name": blank_to_none(df["TsName_MIMU"]),
    })
    return conform(out, AREA_CODE_SCHEMA)


WARD_RAW_SCHEMA: Schema = {
    "source_township_name": "string", "township_name": "string", "name_as_published": "string",
    "name": "string", "place_type": "string", "pop_total": "Int64", "pop_male": "Int64",
    "pop_female": "Int64", "lon": "Float64", "lat": "Float64",
}


def load_ward_population(path: Path | None) -> pd.DataFrame:
    """Ward ("(W)") and village-tract ("(VT)") rows, township suffix " Township" removed.

    Rows repeated with only the coordinates changed (a join artefact of the publisher) are
    collapsed to one; genuinely distinct places of one name (NawngMo in Bhamo, twice) stay.
    """
    df = read_csv_or_empty(path)
    if df is None:
        return empty(WARD_RAW_SCHEMA)
    raw_name = blank_to_none(df["Ward/VillageTract"]).fillna("")
    kind = raw_name.str.extract(r"\((W|VT)\)\s*$", expand=False)
    out = pd.DataFrame({
        "source_township_name": blank_to_none(df["Township"]),
        "township_name": blank_to_none(df["Township"]).str.replace(r"\s+Township\s*$", "", regex=True),
        "name_as_published": raw_name,
        "name": raw_name.str.replace(r"\s*\((W|VT)\)\s*$", "", regex=True).str.strip(),
        "place_type": kind.map({"W": "ward", "VT": "village_tract"}),
        "pop_total": df["total_population"], "pop_male": df["male_population"],
        "pop_female": df["female_population"], "lon": df["Longitude"], "lat": df["Latitude"],
    })
    out = conform(out, WARD_RAW_SCHEMA)
    return out.drop_duplicates(subset=["source_township_name", "name_as_published", "pop_total",
                                       "pop_male", "pop_female"], keep="first").reset_index(drop=True)
