"""MIMU towns, and matching free-text place names (ward CSV townships, unit garrisons) to
township P-codes through the census townships and MIMU towns.

Matching is by ``spelling.name_key`` (exact), then romanisation variants, then Burmese
town names (``Town_MMR4``), always inside the state/region when one is known; a name that
fits several townships stays unresolved (reported, never guessed).
"""
from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ingestion.reference.burmese import strip_place_suffix
from ingestion.reference.frames import Schema, blank_to_none, conform, empty, read_csv_or_empty
from ingestion.reference.spelling import clean_name, name_key, romanisation_variants

TOWN_SCHEMA: Schema = {
    "sr_pcode": "string", "sr_name": "string", "dt_pcode": "string", "dt_name": "string",
    "ts_pcode": "string", "ts_name": "string", "town_pcode": "string", "town_name": "string",
    "town_name_mm": "string", "lon": "Float64", "lat": "Float64", "town_level": "string",
    "source_note": "string", "remark": "string",
}


def load_towns(path: Path | None) -> pd.DataFrame:
    """``mimu_towns.csv`` (494 towns; Bhamo = MMR001010701)."""
    df = read_csv_or_empty(path)
    if df is None:
        return empty(TOWN_SCHEMA)
    rename = {"SD_Pcode": "sr_pcode", "State_Divi": "sr_name", "D_Pcode": "dt_pcode", "District": "dt_name",
              "TS_Pcode": "ts_pcode", "Township": "ts_name", "Town_Pcode": "town_pcode", "Town": "town_name",
              "Town_MMR4": "town_name_mm", "Longitude": "lon", "Latitude": "lat", "Level": "town_level",
              "Source": "source_note", "Remark": "remark"}
    df = df.rename(columns=rename)
    for col in ("sr_name", "dt_name", "ts_name", "town_name", "town_name_mm"):
        if col in df:
            df[col] = blank_to_none(df[col])
    return conform(df, TOWN_SCHEMA)


# state/region words as units lists and reports write them → census state names
_STATE_WORDS = {
    "kachin": ["Kachin"], "kayah": ["Kayah"], "karenni": ["Kayah"], "kayin": ["Kayin"], "karen": ["Kayin"],
    "chin": ["Chin"], "mon": ["Mon"], "rakhine": ["Rakhine"], "arakan": ["Rakhine"], "sagaing": ["Sagaing"],
    "tanintharyi": ["Tanintharyi"], "magway": ["Magway"], "magwe": ["Magway"], "mandalay": ["Mandalay"],
    "yangon": ["Yangon"], "ayeyarwady": ["Ayeyarwady"], "irrawaddy": ["Ayeyarwady"],
    "bago": ["Bago (East)", "Bago (West)"], "shan": ["Shan (North)", "Shan (South)", "Shan (East)"],
    "naypyidaw": ["Nay Pyi Taw"], "naypyitaw": ["Nay Pyi Taw"], "naypyidawuniontaritory": ["Nay Pyi Taw"],
    "kokang": ["Shan (North)"],
}


def state_names_in(text: str | None) -> set[str]:
    """Census state names a free text mentions ("Bhamo, Kachin State" → {"Kachin"})."""
    key = name_key(text or "")
    out: set[str] = set()
    for word, states in _STATE_WORDS.items():
        if word in key:
            out.update(states)
    return out


@dataclass
class Match:
    ts_pcode: str | None
    town_pcode: str | None
    method: str  # exact_township | exact_town | variant | burmese | ambiguous | none


@dataclass
class PlaceIndex:
    """Township and town names → P-codes, for resolving names found in other files."""

    townships: dict[str, list[tuple[str, str]]] = field(default_factory=lambda: defaultdict(list))  # key -> [(ts_pcode, state)]
    towns: dict[str, list[tuple[str, str, str]]] = field(default_factory=lambda: defaultdict(list))  # key -> [(town_pcode, ts_pcode, state)]
    towns_mm: dict[str, list[tuple[str, str, str]]] = field(default_factory=lambda: defaultdict(list))
    variants_ts: dict[str, list[tuple[str, str]]] = field(default_factory=lambda: defaultdict(list))
    variants_town: dict[str, list[tuple[str, str, str]]] = field(default_factory=lambda: defaultdict(list))
    town_xy: dict[str, tuple[float, float, str, str]] = field(default_factory=dict)  # town -> (lat, lon, ts, state)

    @classmethod
    def build(cls, townships: pd.DataFrame, towns: pd.DataFrame) -> "PlaceIndex":
        idx = cls()
        ts_rows = pd.concat([townships[["ts_pcode", "ts_name", "sr_name"]],
                             towns[["ts_pcode", "ts_name", "sr_name"]]]).dropna().drop_duplicates("ts_pcode")
        for r in ts_rows.itertuples(index=False):
            idx.townships[name_key(r.ts_name)].append((r.ts_pcode, r.sr_name))
            for v in romanisation_variants(r.ts_name):
                idx.variants_ts[v].append((r.ts_pcode, r.sr_name))
        for r in towns.dropna(subset=["town_pcode"]).itertuples(index=False):
            target = (r.town_pcode, r.ts_pcode, r.sr_name)
            idx.towns[name_key(r.town_name)].append(target)
            for v in romanisation_variants(r.town_name or ""):
                idx.variants_town[v].append(target)
            if isinstance(r.town_name_mm, str) and r.town_name_mm:
                idx.towns_mm[name_key(strip_place_suffix(r.town_name_mm))].append(target)
            if pd.notna(r.lat) and pd.notna(r.lon):
                idx.town_xy[r.town_pcode] = (float(r.lat), float(r.lon), r.ts_pcode, r.sr_name)
        return idx

    @staticmethod
    def _pick(cands: list, states: set[str] | None, ts_pos: int) -> list:
        uniq = list(dict.fromkeys(cands))
        if states:
            inside = [c for c in uniq if c[-1] in states]
            uniq = inside or ([] if len({c[ts_pos] for c in uniq}) > 1 else uniq)
        return uniq

    def resolve(self, name: str | None, states: set[str] | None = None, burmese: bool = False) -> Match:
        """A township/town name → (township P-code, town P-code) inside ``states`` if given."""
        if not name:
            return Match(None, None, "none")
        if burmese:
            key = name_key(strip_place_suffix(name))
            c = self._pick(self.towns_mm.get(key, []), states, 1)
            if len({x[1] for x in c}) == 1:
                return Match(c[0][1], c[0][0] if len(c) == 1 else None, "burmese")
            return Match(None, None, "ambiguous" if c else "none")
        keys = list(dict.fromkeys(k for k in (name_key(name), name_key(clean_name(name))) if k))
        for table, method, ts_pos in ((self.townships, "exact_township", 0), (self.towns, "exact_town", 1),
                                      (self.variants_ts, "variant", 0), (self.variants_town, "variant", 1)):
            for key in keys:
                c = self._pick(table.get(key, []), states, ts_pos)
                ts = {x[ts_pos] for x in c}
                if len(ts) == 1:
                    ts_pcode = ts.pop()
                    same = [t for t in self.towns.get(key, []) if t[1] == ts_pcode]
                    town = c[0][0] if ts_pos == 1 and len(c) == 1 else (same[0][0] if len(same) == 1 else None)
                    return Match(ts_pcode, town, method)
                if len(ts) > 1:
                    return Match(None, None, "ambiguous")
        return Match(None, None, "none")

    def nearest_state(self, lat: float, lon: float) -> str | None:
        """State of the MIMU town nearest to a coordinate (to place a name-only township)."""
        best, state = math.inf, None
        for tlat, tlon, _, st in self.town_xy.values():
            d = (tlat - lat) ** 2 + ((tlon - lon) * math.cos(math.radians(lat))) ** 2
            if d < best:
                best, state = d, st
        return state


WARD_SCHEMA: Schema = {
    "ts_pcode": "string", "township_name": "string", "source_township_name": "string",
    "name": "string", "name_as_published": "string", "place_type": "string",
    "duplicate_ordinal": "Int64", "pop_total": "Int64", "pop_male": "Int64", "pop_female": "Int64",
    "lon": "Float64", "lat": "Float64", "township_match": "string",
}


def match_ward_townships(wards: pd.DataFrame, index: PlaceIndex) -> pd.DataFrame:
    """Ward/village-tract rows with ``ts_pcode`` and how it matched (``township_match``).

    The CSV names townships only ("Bhamo Township"): the state comes from the nearest MIMU
    town to the township's rows, and the name is matched inside that state. Rows of one
    township sharing a name get ``duplicate_ordinal`` 1, 2, ... (by population) so
    ``ts_pcode + type + name + ordinal`` is a stable key. Unmatched rows keep a null P-code.
    """
    if wards.empty:
        return empty(WARD_SCHEMA)
    resolved: dict[str, Match] = {}
    for tname, group in wards.groupby("source_township_name", sort=False):
        lat, lon = group["lat"].astype(float).median(), group["lon"].astype(float).median()
        state = index.nearest_state(lat, lon) if pd.notna(lat) and pd.notna(lon) else None
        m = index.resolve(group["township_name"].iloc[0], {state} if state else None)
        if m.ts_pcode is None and state:  # nearest town may sit across a state border
            m = index.resolve(group["township_name"].iloc[0], None)
        resolved[tname] = m
    out = wards.copy()
    out["ts_pcode"] = out["source_township_name"].map(lambda t: resolved[t].ts_pcode)
    out["township_match"] = out["source_township_name"].map(lambda t: resolved[t].method)
    out = out.sort_values(["source_township_name", "place_type", "name", "pop_total", "pop_male"], kind="stable")
    out["duplicate_ordinal"] = out.groupby(["source_township_name", "place_type", "name"]).cumcount() + 1
    return conform(out, WARD_SCHEMA)


def unmatched_townships(wards: pd.DataFrame) -> list[str]:
    """Township names of the ward CSV that got no P-code (for the load report)."""
    return sorted(wards.loc[wards["ts_pcode"].isna(), "source_township_name"].dropna().unique().tolist())
