"""Generate the gazetteer (``ingestion.gazetteer.Gazetteer``) from the reference dimensions.

Every spelling is generated, not typed: official names with their administrative words
("Kachin State", "Bhamo Township"), Burmese names, romanisation variants and exonyms
(``spelling``), and for units every key/abbreviation/number pattern reports use ("IB 236",
"Infantry Battalion (IB) 236", "ခလရ (၂၃၆)", "21st Military Operations Command").

Ambiguity rules:
* a spelling that names several unrelated things keeps every target (two towns of one
  name in different states; "Battalion 236" for IB-236 and LIB-236);
* a bare name shared by nested places of one chain is not ambiguous: a state/region takes
  it over its own district/township/town ("Sagaing" → Sagaing Region), otherwise the most
  specific place does ("Bhamo" → Bhamo town; "Bhamo Township" → the township);
* spellings are tiered (official names > generated variants > ward/village-tract names):
  a generated variant never takes a spelling that an official name already has.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

import pandas as pd

from ingestion.gazetteer import Gazetteer, PlaceEntry, UnitEntry, ActorEntry, normalize_alias
from ingestion.reference.burmese import to_burmese_digits
from ingestion.reference.spelling import EXONYMS, romanisation_variants
from ingestion.reference.unit_lists import TYPE_NAME_EN

_STATES = {"Kachin", "Kayah", "Kayin", "Chin", "Mon", "Rakhine", "Shan"}
_SPLIT = re.compile(r"^(?P<base>.+?)\s*\((?P<part>North|South|East|West)\)$")
_PART_ADJ = {"North": "Northern", "South": "Southern", "East": "Eastern", "West": "Western"}


def _val(v):
    if v is None:
        return None
    try:
        if pd.isna(v):
            return None
    except (TypeError, ValueError):
        pass
    return v


def _as_list(v) -> list:
    v = _val(v) if not hasattr(v, "__len__") or isinstance(v, str) else v
    if v is None:
        return []
    if isinstance(v, str):
        return [v]
    return [x for x in list(v) if _val(x) is not None]


def _paren_parts(name: str) -> list[str]:
    """"Ho Tawng (Ho Tao)" → ["Ho Tawng (Ho Tao)", "Ho Tawng", "Ho Tao"]."""
    out = [name]
    inner = re.findall(r"\((.*?)\)", name)
    bare = re.sub(r"\s*\(.*?\)", "", name).strip()
    if bare and bare != name:
        out.append(bare)
    out += [i for i in inner if i and not _SPLIT.match(f"x ({i})")]
    return out


def _camel_split(name: str) -> str:
    """"NawngMo" → "Nawng Mo" (the ward CSV writes names in CamelCase)."""
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", name)


def state_spellings(name: str) -> list[str]:
    """"Kachin" → Kachin, Kachin State; "Sagaing" → Sagaing Region; "Shan (North)" → Shan State
    (North), Northern Shan State, North Shan, Shan, Shan State; exonyms too ("Karen State")."""
    m = _SPLIT.match(name)
    base, part = (m.group("base"), m.group("part")) if m else (name, None)
    bases = [base, *EXONYMS.get(base, ())]
    out: list[str] = [name]
    for b in bases:
        word = "State" if base in _STATES else "Region"
        if base == "Nay Pyi Taw":
            out += [b, f"{b} Union Territory", f"{b} Council Territory"]
            continue
        out += [b, f"{b} {word}"]
        if part:
            adj = _PART_ADJ[part]
            out += [f"{b} {word} ({part})", f"{b} ({part})", f"{adj} {b}", f"{adj} {b} {word}",
                    f"{part} {b}", f"{part}ern {b}", f"{b} {word} {part}"]
    return list(dict.fromkeys(out))


class _Claims:
    """spelling → {tier: [keys]}; the best tier of a spelling wins."""

    def __init__(self) -> None:
        self.claims: dict[str, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))

    def add(self, spelling: str | None, tier: int, key: str) -> None:
        norm = normalize_alias(spelling or "")
        if norm and key not in self.claims[norm][tier]:
            self.claims[norm][tier].append(key)

    def best(self) -> Iterable[tuple[str, list[str]]]:
        for norm, tiers in self.claims.items():
            yield norm, tiers[min(tiers)]


def _collapse_nested(keys: list[str], places: dict[str, dict]) -> list[str]:
    """Drop places nested in (or containing) another target of one chain; see module doc."""
    if len(keys) < 2:
        return keys

    def chain(k: str) -> set[str]:
        p = places[k]
        return {x for x in (p.get("state_pcode"), p.get("district_pcode"), p.get("township_pcode"),
                            p.get("town_pcode"), p.get("parent_key")) if x} - {k}

    states = [k for k in keys if places[k]["level"] == "state"]
    kept = [k for k in keys if not any(s in chain(k) for s in states)]  # a state takes its own descendants
    # otherwise the most specific wins: drop any place that is an ancestor of another target
    return [k for k in kept if not any(k in chain(o) for o in kept if o != k)]


def _place_entries(places: pd.DataFrame) -> dict[str, dict]:
    rows = {}
    for r in places.to_dict("records"):
        rows[r["place_key"]] = {k: _val(v) for k, v in r.items()}
    return rows


def add_places(gaz: Gazetteer, places: pd.DataFrame) -> None:
    rows = _place_entries(places)
    claims = _Claims()
    for key, p in rows.items():
        level, name = p["level"], p.get("name") or ""
        ts_name = p.get("township_name") if level not in ("state", "district") else None
        gaz.places[key] = PlaceEntry(
            key=key, name=name, level=level, township=ts_name, state=p.get("state_name"),
            township_pcode=p.get("township_pcode"),
            lat=float(p["lat"]) if p.get("lat") is not None else None,
            lon=float(p["lon"]) if p.get("lon") is not None else None)
        claims.add(key, 0, key)  # the P-code itself
        if level == "state":
            for s in state_spellings(name):
                claims.add(s, 1, key)
        elif level == "district":
            for n in _paren_parts(name):
                claims.add(f"{n} District", 1, key)
        elif level in ("township", "sub_township"):
            for n in _paren_parts(name):
                claims.add(n, 1, key)
                for suffix in ("Township", "Twp", "Tsp", "Myo Nè"):
                    claims.add(f"{n} {suffix}", 1, key)
                for v in romanisation_variants(n):
                    claims.add(v, 2, key)
                    claims.add(f"{v} township", 2, key)
        elif level == "town":
            for n in _paren_parts(name):
                claims.add(n, 1, key)
                claims.add(f"{n} town", 1, key)
                for v in romanisation_variants(n):
                    claims.add(v, 2, key)
            if p.get("name_mm"):
                claims.add(p["name_mm"], 1, key)
                claims.add(p["name_mm"] + "မြို့", 1, key)
        elif level in ("ward", "village_tract"):
            word = "Ward" if level == "ward" else "Village Tract"
            for n in {name, _camel_split(name)}:
                claims.add(f"{n} {word}", 3, key)
                claims.add(f"{n} ({'W' if level == 'ward' else 'VT'})", 3, key)
                claims.add(n, 4, key)
    for norm, keys in claims.best():
        for key in _collapse_nested(keys, rows):
            gaz.add_alias(norm, "place", key)


def _ordinal(n: str) -> str | None:
    if not n.isdigit():
        return None
    i = int(n)
    suffix = "th" if 10 <= i % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(i % 10, "th")
    return f"{i}{suffix}"


_GENERIC = {  # unit type → generic word shared across types ("Battalion 236")
    "infantry_battalion": "Battalion", "light_infantry_battalion": "Battalion", "tank_battalion": "Battalion",
    "armoured_battalion": "Battalion", "artillery_battalion": "Battalion",
}
_EXTRA_TYPE_NAMES = {
    "armoured_battalion": ["Armored Battalion"], "artillery_battalion": ["Artillery Bn", "Arty Battalion"],
    "light_infantry_battalion": ["Light Infantry Bn"], "infantry_battalion": ["Infantry Bn"],
}
_BURMESE_ABBR = {"artillery_battalion": ["အမရ"], "military_operations_command": ["စကခ"],
                 "light_infantry_division": ["တမ", "တပ်မ"], "regional_operations_command": ["ဒကစ"]}


def unit_spellings(u: dict) -> list[str]:
    """Every spelling of one unit (see module doc); ``u`` is a dim_unit row."""
    key, utype, num = u["unit_key"], u["unit_type"], str(u.get("unit_number") or "")
    prefix = key.split("-", 1)[0]
    type_names = [TYPE_NAME_EN.get(utype, utype.replace("_", " ").title()), *_EXTRA_TYPE_NAMES.get(utype, [])]
    out = [key, u.get("name_en") or "", u.get("name_mm") or ""]
    if utype == "regional_military_command":
        name = u.get("name_en") or ""
        out += [name, name.replace("Command", "Regional Military Command"), f"{name} (RMC)",
                f"RMC {num}", u.get("abbr_mm") or ""]
        return [s for s in dict.fromkeys(out) if s]
    if utype == "regional_operations_command":
        out += [f"ROC {num}", f"{num} ROC", f"Regional Operations Command {num}", f"{num} Regional Operations Command",
                f"Regional Operations Command ({num})", f"ROC ({num})", f"ROC-{num}"]
        return [s for s in dict.fromkeys(out) if s]
    mm = to_burmese_digits(num)
    out += [f"{prefix} {num}", f"{prefix}-{num}", f"{prefix}{num}", f"{prefix} ({num})", f"{prefix} No. {num}",
            f"{prefix} No {num}"]
    ordn = _ordinal(num)
    for t in type_names:
        out += [f"{t} {num}", f"{t} ({prefix}) {num}", f"{t} No. {num}", f"{t} No {num}", f"{t} ({num})",
                f"{t}-{num}", f"No. {num} {t}", f"{num} {t}", f"{t} {prefix}-{num}"]
        if ordn:
            out += [f"{ordn} {t}", f"{ordn} {t} ({prefix})"]
    if utype in _GENERIC:
        g = _GENERIC[utype]
        out += [f"{g} {num}", f"{g} No. {num}", f"{g} ({num})", f"Bn {num}", f"Bn-{num}"]
    for abbr in [u.get("abbr_mm"), *_BURMESE_ABBR.get(utype, [])]:
        if abbr:
            out += [f"{abbr} ({mm})", f"{abbr} {mm}", f"{abbr}({mm})", f"{abbr}-{mm}", f"{abbr} ({num})", f"{abbr} {num}",
                    f"အမှတ် ({mm}) {abbr}"]
    if utype == "light_infantry_division":
        out += [f"Division {num}", f"{ordn} Division" if ordn else "", f"LID ({num})", f"Div {num}"]
    return [s for s in dict.fromkeys(out) if s]


def add_units(gaz: Gazetteer, units: pd.DataFrame) -> None:
    for u in units.to_dict("records"):
        u = {k: _val(v) for k, v in u.items()}
        key = u["unit_key"]
        gaz.units[key] = UnitEntry(
            key=key, type=u["unit_type"], number=str(u.get("unit_number") or ""), name=u.get("name_en") or key,
            garrison=u.get("garrison_name"), township=u.get("garrison_township_name"),
            state=u.get("garrison_state_name"), township_pcode=u.get("garrison_township_pcode"))
        for s in unit_spellings(u):
            gaz.add_alias(s, "unit", key)


def add_actors(gaz: Gazetteer, actors: pd.DataFrame) -> None:
    for a in actors.to_dict("records"):
        key = a["actor_key"]
        gaz.actors[key] = ActorEntry(key=key, name=a["canonical_name"], side=_val(a.get("side")))
        spellings = [a["canonical_name"], key, _val(a.get("short_code")), *_as_list(a.get("acronyms")),
                     *_as_list(a.get("aliases")), *_as_list(a.get("burmese_names"))]
        for s in spellings:
            if s:
                gaz.add_alias(s, "actor", key)


def build_gazetteer(places: pd.DataFrame, units: pd.DataFrame, actors: pd.DataFrame) -> Gazetteer:
    """The gazetteer of dim_place, dim_unit and dim_actor rows (pure: frames in, gazetteer out)."""
    gaz = Gazetteer()
    add_places(gaz, places)
    add_units(gaz, units)
    add_actors(gaz, actors)
    return gaz


def gazetteer_from_warehouse(con) -> Gazetteer:
    """Read ``main.dim_place``, ``main.dim_unit``, ``main.dim_actor`` and build the gazetteer."""
    places = con.sql("select * from main.dim_place").df()
    units = con.sql("select * from main.dim_unit").df()
    actors = con.sql("select * from main.dim_actor").df()
    return build_gazetteer(places, units, actors)
