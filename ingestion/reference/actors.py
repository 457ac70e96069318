"""Loader for the armed-group registry (``actors/armed_groups.csv``).

Acronyms are ';'-separated; English names ';'- or ' / '-separated with parenthetical
acronyms ("Myanmar Armed Forces (Tatmadaw)"); Burmese names ' / '- or ' — '-separated.
Burmese names the registry flags as wrong (``quality_notes`` "do not import": TNLA, UWSA)
or that are not Burmese at all ("(published value ... is WRONG ...)") are NOT imported.
"""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from ingestion.reference.frames import Schema, conform, empty, read_csv_or_empty

ACTOR_SCHEMA: Schema = {
    "actor_id": "string", "acronyms": "string", "english_names": "string", "burmese_names": "string",
    "burmese_name_rejected": "boolean", "alliances": "string", "is_alliance": "boolean",
    "side": "string", "side_note": "string", "sources": "string", "quality_notes": "string",
}
LIST_SEP = "|"  # lists are stored '|'-joined; dbt splits them into VARCHAR[]

_BURMESE = re.compile(r"[\u1000-\u109F]")


def split_list(text: str | None, seps: str = r";") -> list[str]:
    return [p.strip() for p in re.split(seps, text or "") if p.strip()]


def english_names(text: str | None, acronyms: list[str] | None = None) -> list[str]:
    """``"Myanmar Armed Forces (Tatmadaw); State Administration Council (SAC)"`` →
    ``["Myanmar Armed Forces", "Tatmadaw", "State Administration Council", "SAC"]``."""
    out: list[str] = []
    for part in split_list(text, r";|\s/\s"):
        inner = re.findall(r"\((.*?)\)", part)
        bare = re.sub(r"\s*\(.*?\)", "", part).strip()
        inner = [i for i in inner if i.isupper() or i in (acronyms or [])]
        for name in [bare, *inner]:
            if name and "," not in name and not name.lower().startswith(("political", "earlier")) and name not in out:
                out.append(name)
    return out


def burmese_names(text: str | None, quality_notes: str | None) -> tuple[list[str], bool]:
    """Burmese names as published, or ``([], True)`` when the registry flags them wrong."""
    notes = (quality_notes or "").lower()
    if "do not import" in notes or "burmese name" in notes and "wrong" in notes:
        return [], True
    parts = split_list(text, r"\s/\s|\s—\s|\s-\s")
    parts = [re.sub(r"\s*\(.*?\)", "", p).strip() for p in parts]
    good = [p for p in parts if _BURMESE.search(p) and not re.search(r"[A-Za-z]", p)]
    return good, bool(parts) and len(good) < len(parts)


def load_armed_groups(path: Path | None) -> pd.DataFrame:
    df = read_csv_or_empty(path)
    if df is None:
        return empty(ACTOR_SCHEMA)
    records = []
    for r in df.to_dict("records"):
        names_mm, rejected = burmese_names(r.get("burmese_name_as_published"), r.get("quality_notes"))
        side_raw = (r.get("side_2021_plus") or "").strip()
        side = side_raw.split(" ")[0] if side_raw else None
        bloc = (r.get("alliance_or_bloc") or "").strip()
        is_alliance = bloc.lower() == "alliance"
        alliances = [] if is_alliance else [re.sub(r"\s*\(.*?\)", "", a).strip() for a in split_list(bloc)]
        acronyms = [re.sub(r"\s*\(.*?\)", "", a).strip() for a in split_list(r.get("acronyms"))]
        records.append({
            "actor_id": (r.get("actor_id") or "").strip(),
            "acronyms": LIST_SEP.join(acronyms),
            "english_names": LIST_SEP.join(english_names(r.get("english_names"), acronyms)),
            "burmese_names": LIST_SEP.join(names_mm),
            "burmese_name_rejected": rejected,
            "alliances": LIST_SEP.join(alliances),
            "is_alliance": is_alliance,
            "side": side, "side_note": side_raw if side_raw != side else None,
            "sources": r.get("sources"), "quality_notes": r.get("quality_notes"),
        })
    return conform(pd.DataFrame.from_records(records), ACTOR_SCHEMA)
