"""Loaders for the community OSINT lists of Myanmar Armed Forces units (unverified).

Each list becomes rows of one schema (``UNIT_SCHEMA``) with a contract ``unit_type``
(``ingestion.units.UNIT_PREFIX``) and ``unit_key`` ("IB-236"). Known defects handled:

* ``infantry_battalions.csv``: ``type`` says LIB for every row; the Burmese prefix decides
  (ခလရ = infantry battalion IB, ခမရ = light infantry battalion LIB). Its ``id`` is
  1000 + number for LIBs, so the number is read from the Burmese/English name instead.
* ``armoured_battalions.csv``: တကရ = tank battalion (TB); သတရ/သကရ = armoured battalions (AB).
* Burmese digits (၀-၉) are converted; locations in Burmese keep the Burmese text.
* ``light_infantry_divisions.csv``: some parent commands are wrong; kept as published.
"""
from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from ingestion.reference.burmese import number_in, split_location, to_ascii_digits
from ingestion.reference.frames import Schema, conform, empty, read_csv_or_empty
from ingestion.units import unit_key

UNIT_SCHEMA: Schema = {
    "unit_key": "string", "unit_type": "string", "unit_number": "string",
    "name_en": "string", "name_mm": "string", "abbr_mm": "string",
    "location_en": "string", "location_mm": "string", "state_name": "string",
    "parent_command": "string", "parent_command_mm": "string",
    "lat": "Float64", "lon": "Float64", "status": "string", "type_as_published": "string",
    "source_list": "string", "source_row": "Int64",
}

BURMESE_PREFIX_TYPE = {
    "ခလရ": "infantry_battalion", "ခမရ": "light_infantry_battalion",
    "တကရ": "tank_battalion", "သတရ": "armoured_battalion", "သကရ": "armoured_battalion",
}
TYPE_NAME_EN = {
    "infantry_battalion": "Infantry Battalion", "light_infantry_battalion": "Light Infantry Battalion",
    "tank_battalion": "Tank Battalion", "armoured_battalion": "Armoured Battalion",
    "artillery_battalion": "Artillery Battalion", "military_operations_command": "Military Operations Command",
    "regional_operations_command": "Regional Operations Command",
    "regional_military_command": "Regional Military Command", "light_infantry_division": "Light Infantry Division",
}


def _coords(text: str | None) -> tuple[float | None, float | None]:
    try:
        lat, lon = json.loads(text)
        return float(lat), float(lon)
    except (TypeError, ValueError):
        return None, None


def _load_list(path: Path | None, source: str, row: Callable[[dict], dict]) -> pd.DataFrame:
    """One unit list (``source``): ``row`` maps each CSV record to a unit; ``source_row`` counts from 1."""
    df = read_csv_or_empty(path)
    if df is None:
        return empty(UNIT_SCHEMA)
    records = [{**row(r), "source_row": i} for i, r in enumerate(df.to_dict("records"), start=1)]
    units = pd.DataFrame.from_records(records) if records else pd.DataFrame()
    if not units.empty:
        units["source_list"] = source
    return conform(units, UNIT_SCHEMA)


def _infantry_battalion(r: dict) -> dict:
    name_mm = (r.get("regimentMm") or "").strip()
    prefix = re.split(r"[\s(]", name_mm, maxsplit=1)[0]
    utype = BURMESE_PREFIX_TYPE.get(prefix)
    if utype is None:  # no Burmese prefix: fall back to the English name, never to `type`
        en = (r.get("regimentEn") or "").upper()
        utype = "light_infantry_battalion" if en.startswith("LIB") else "infantry_battalion"
    num = number_in(name_mm) or number_in(r.get("regimentEn") or "")
    return {
        "unit_key": unit_key(utype, num), "unit_type": utype, "unit_number": num,
        "name_en": f"{TYPE_NAME_EN[utype]} {num}", "name_mm": name_mm, "abbr_mm": prefix,
        "location_en": r.get("locationEn"), "location_mm": r.get("locationMm"), "state_name": r.get("region"),
        "lat": r.get("lat"), "lon": r.get("lng"), "status": r.get("status"),
        "type_as_published": r.get("type"),
    }


def load_infantry_battalions(path: Path | None) -> pd.DataFrame:
    return _load_list(path, "infantry_battalions", _infantry_battalion)


def _armoured_battalion(r: dict) -> dict:
    abbr = (r.get("abbr") or "").strip()
    utype = BURMESE_PREFIX_TYPE.get(abbr, "armoured_battalion")
    num = number_in(r.get("num") or "")
    return {
        "unit_key": unit_key(utype, num), "unit_type": utype, "unit_number": num,
        "name_en": f"{TYPE_NAME_EN[utype]} {num}", "name_mm": f"{abbr} ({to_ascii_digits(num or '')})",
        "abbr_mm": abbr, "location_mm": r.get("loc"),
        "parent_command": f"{r.get('command_hq')} ({to_ascii_digits(r.get('command_abbr') or '')})",
        "parent_command_mm": r.get("command_abbr"), "type_as_published": r.get("name"),
    }


def load_armoured_battalions(path: Path | None) -> pd.DataFrame:
    return _load_list(path, "armoured_battalions", _armoured_battalion)


def _artillery_battalion(r: dict) -> dict:
    num = number_in(r.get("num") or "")
    return {
        "unit_key": unit_key("artillery_battalion", num), "unit_type": "artillery_battalion",
        "unit_number": num, "name_en": f"Artillery Battalion {num}", "name_mm": f"အမရ ({num})",
        "abbr_mm": "အမရ", "location_mm": r.get("loc"),
        "parent_command": f"{r.get('command_hq')} ({to_ascii_digits(r.get('command_abbr') or '')})",
        "parent_command_mm": r.get("command_abbr"),
    }


def load_artillery_battalions(path: Path | None) -> pd.DataFrame:
    return _load_list(path, "artillery_battalions", _artillery_battalion)


def _moc(r: dict) -> dict:
    num = number_in(r.get("num") or "")
    lat, lon = _coords(r.get("coords"))
    return {
        "unit_key": unit_key("military_operations_command", num), "unit_type": "military_operations_command",
        "unit_number": num, "name_en": f"Military Operations Command {num}", "name_mm": r.get("abbr"),
        "abbr_mm": "စကခ", "location_en": r.get("hq"), "location_mm": r.get("hqBurmese"),
        "state_name": r.get("state"), "parent_command": r.get("cmd"), "parent_command_mm": r.get("cmdAbbr"),
        "lat": lat, "lon": lon,
    }


def load_mocs(path: Path | None) -> pd.DataFrame:
    return _load_list(path, "military_operations_commands", _moc)


def _roc(r: dict) -> dict:
    hq = (r.get("hq") or "").strip()
    lat, lon = _coords(r.get("coords"))
    return {
        "unit_key": unit_key("regional_operations_command", hq.replace(" ", "")),
        "unit_type": "regional_operations_command", "unit_number": hq,
        "name_en": f"Regional Operations Command {hq}", "name_mm": r.get("abbr"), "abbr_mm": "ဒကစ",
        "location_en": hq, "location_mm": r.get("hqBurmese"), "state_name": r.get("state"),
        "parent_command": r.get("cmd"), "parent_command_mm": r.get("cmdAbbr"), "lat": lat, "lon": lon,
    }


def load_rocs(path: Path | None) -> pd.DataFrame:
    """ROCs have no number: the key uses the HQ town ("ROC-Kalay")."""
    return _load_list(path, "regional_operations_commands", _roc)


def _rmc(r: dict) -> dict:
    code = (r.get("id") or "").strip().upper()
    lat, lon = _coords(r.get("coords"))
    return {
        "unit_key": unit_key("regional_military_command", code), "unit_type": "regional_military_command",
        "unit_number": code, "name_en": r.get("name"), "name_mm": r.get("burmese"), "abbr_mm": r.get("abbr"),
        "location_en": r.get("hq"), "state_name": r.get("region"), "lat": lat, "lon": lon,
    }


def load_rmcs(path: Path | None) -> pd.DataFrame:
    """Regional military commands: key from the list's id upper-cased ("RMC-NC" = Northern Command)."""
    return _load_list(path, "regional_military_commands", _rmc)


def _lid(r: dict) -> dict:
    num = number_in(r.get("num") or "")
    lat, lon = _coords(r.get("coords"))
    return {
        "unit_key": unit_key("light_infantry_division", num), "unit_type": "light_infantry_division",
        "unit_number": num, "name_en": r.get("name") or f"Light Infantry Division {num}",
        "name_mm": f"တမ ({num})", "abbr_mm": "တမ", "location_en": r.get("loc"),
        "parent_command": r.get("cmd"), "lat": lat, "lon": lon,
    }


def load_lids(path: Path | None) -> pd.DataFrame:
    return _load_list(path, "light_infantry_divisions", _lid)


UNIT_LOADERS = {
    "infantry_battalions": load_infantry_battalions,
    "armoured_battalions": load_armoured_battalions,
    "artillery_battalions": load_artillery_battalions,
    "military_operations_commands": load_mocs,
    "regional_operations_commands": load_rocs,
    "regional_military_commands": load_rmcs,
    "light_infantry_divisions": load_lids,
}

GARRISON_SCHEMA: Schema = {"garrison_name": "string", "garrison_ts_pcode": "string",
                           "garrison_town_pcode": "string", "garrison_match": "string"}


def resolve_garrisons(units: pd.DataFrame, index) -> pd.DataFrame:
    """Units with their garrison resolved to a township (``places.PlaceIndex``).

    Tries, in order: the English location's parts (town first, then "X Township"), then the
    Burmese location's parts against MIMU's Burmese town names, inside the unit's state
    when the list gives one. ``garrison_match`` says how (or ``none``).
    """
    from ingestion.reference.places import state_names_in

    out = []
    for r in units.to_dict("records"):
        states = state_names_in(r.get("state_name") if isinstance(r.get("state_name"), str) else None) or None
        en_parts = [p.strip() for p in re.split(r"[,/]", r.get("location_en") or "") if p.strip()]
        mm_parts = split_location(r.get("location_mm") or "")
        garrison = None
        match = None
        for part in en_parts:
            if state_names_in(part) and re.search(r"\b(state|region|territory)\b", part, re.I):
                continue
            m = index.resolve(part, states)
            garrison = garrison or re.sub(r"\s*\(.*?\)", "", part).strip()
            if m.ts_pcode:
                match = m
                break
        if match is None:
            for part in reversed(mm_parts):
                part = re.sub(r"\(.*?\)", "", part).split()[0] if part.split() else part
                m = index.resolve(part, states, burmese=True)
                if m.ts_pcode:
                    match = m
                    garrison = garrison or part
                    break
            garrison = garrison or (mm_parts[-1] if mm_parts else None)
        out.append({"garrison_name": garrison,
                    "garrison_ts_pcode": match.ts_pcode if match else None,
                    "garrison_town_pcode": match.town_pcode if match else None,
                    "garrison_match": match.method if match else "none"})
    g = conform(pd.DataFrame.from_records(out), GARRISON_SCHEMA) if out else empty(GARRISON_SCHEMA)
    return pd.concat([units.reset_index(drop=True), g], axis=1)


def load_units(paths: dict[str, Path | None], index=None) -> pd.DataFrame:
    """Every unit list unioned (missing lists = zero rows), garrisons resolved when ``index`` is given."""
    frames = [loader(paths.get(name)) for name, loader in UNIT_LOADERS.items()]
    frames = [f for f in frames if not f.empty] or [empty(UNIT_SCHEMA)]
    units = conform(pd.concat(frames, ignore_index=True), UNIT_SCHEMA)
    if index is not None:
        return resolve_garrisons(units, index)
    return pd.concat([units, empty(GARRISON_SCHEMA).reindex(units.index)], axis=1)
