"""Loader for the community tracker of town control (``events/town_control_events.csv``).

The published file has five columns, ``townId, date, actor, contested, comment``: one row per
town-level control event ("on this date this actor took the town"; ``contested`` = true when
the tracker marks the change as disputed). Its defects, each handled here:

* ``townId`` is a slug of the tracker's own ("maw-lu", "lay-taung-town", "kha-maung-seik"),
  not a P-code; several towns appear under two slugs ("mogok" and "mogoke", "namkham" and
  "namhkan"), the second one often with a ``comment`` "MIMU: <name>" or "MIMU alias".
  Each slug is resolved to a MIMU town (``PlaceIndex``: exact name, then romanisation
  variants; the "MIMU: <name>" hint first when present); a slug that fits no town, or
  several, stays unresolved and is reported, never guessed.
* the same event listed under two slugs becomes two rows: the later one resolving to the
  same town, date and actor is flagged ``is_alias_duplicate`` (dbt keeps one).
* ``actor`` is the tracker's code (``AA``, ``MILITARY``, ``PDF_NUG``, ``KNLA``, ``UNKNOWN``),
  not always a registry id: it is kept as published and resolved to ``dim_actor`` in dbt
  (``int_tracker_events__resolved``); ``UNKNOWN`` stays without an actor.
* placeholder dates (``2022-01-01`` with ``contested`` for "the town never fell") are kept
  as published; the comment says so.
"""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from ingestion.reference.frames import Schema, conform, empty, read_csv_or_empty
from ingestion.reference.places import Match, PlaceIndex
from ingestion.reference.spelling import name_key, romanisation_variants

TRACKER_SCHEMA: Schema = {
    "source_row": "Int64", "town_id": "string", "event_date": "string", "actor": "string",
    "contested": "boolean", "comment": "string", "town_pcode": "string", "ts_pcode": "string",
    "town_match": "string", "is_alias_duplicate": "boolean",
}
_HINT = re.compile(r"\bMIMU:\s*([^;,]+)", re.I)
_TRUE = {"true", "yes", "1", "y"}


def slug_names(town_id: str, comment: str | None = None) -> list[str]:
    """Names a tracker slug may stand for, most specific first.

    ``("lay-taung-town", None)`` → ``["Lay Taung", "lay-taung-town"]``;
    ``("chipwi", "MIMU: Chipwi")`` → ``["Chipwi", "chipwi"]``.
    """
    names: list[str] = []
    hint = _HINT.search(comment or "")
    if hint:
        names.append(hint.group(1).strip())
    words = [w for w in (town_id or "").strip().split("-") if w]
    if words and words[-1].lower() == "town":
        words = words[:-1]
    if words:
        names.append(" ".join(w.capitalize() for w in words))
    if town_id and town_id not in names:
        names.append(town_id)
    return list(dict.fromkeys(n for n in names if n))


def _spelling_variant(index: PlaceIndex, name: str) -> Match | None:
    """The one MIMU town whose name is a romanisation variant of ``name`` ("Taungup" → "Toungup")."""
    keys = {name_key(name), *romanisation_variants(name)}
    towns = {t for k in keys for t in (*index.towns.get(k, []), *index.variants_town.get(k, []))}
    if len({t[0] for t in towns}) == 1:
        town = towns.pop()
        return Match(town[1], town[0], "variant")
    return None


def resolve_town(index: PlaceIndex, town_id: str, comment: str | None = None) -> Match:
    """The MIMU town a slug names (``town_pcode`` None when none or several fit)."""
    fallback = Match(None, None, "none")
    names = slug_names(town_id, comment)
    for name in names:
        m = index.resolve(name)
        if m.town_pcode:
            return m
        if m.method == "ambiguous":
            fallback = m
        elif m.ts_pcode and fallback.method == "none":
            fallback = Match(m.ts_pcode, None, "township_only")
    if fallback.method != "ambiguous":
        for name in names:
            if (m := _spelling_variant(index, name)) and fallback.ts_pcode in (None, m.ts_pcode):
                return m
    return fallback


def _date(text: str | None) -> str | None:
    try:
        return pd.Timestamp(str(text).strip()).date().isoformat() if text else None
    except ValueError:
        return None


def load_town_control_events(path: Path | None, index: PlaceIndex) -> pd.DataFrame:
    """The tracker's rows with the town resolved (``town_pcode``, ``ts_pcode``, ``town_match``)."""
    df = read_csv_or_empty(path)
    if df is None:
        return empty(TRACKER_SCHEMA)
    records, seen = [], set()
    for n, r in enumerate(df.to_dict("records"), start=1):
        town_id = (r.get("townId") or "").strip()
        comment = (r.get("comment") or "").strip() or None
        m = resolve_town(index, town_id, comment)
        date = _date(r.get("date"))
        actor = (r.get("actor") or "").strip() or None
        key = (m.town_pcode, date, (actor or "").upper())
        duplicate = m.town_pcode is not None and key in seen
        seen.add(key)
        records.append({
            "source_row": n, "town_id": town_id, "event_date": date, "actor": actor,
            "contested": str(r.get("contested") or "").strip().lower() in _TRUE, "comment": comment,
            "town_pcode": m.town_pcode, "ts_pcode": m.ts_pcode, "town_match": m.method,
            "is_alias_duplicate": duplicate,
        })
    mark_aliases(records)
    return conform(pd.DataFrame.from_records(records), TRACKER_SCHEMA)


def mark_aliases(records: list[dict]) -> None:
    """Flag a row that repeats its neighbour's event under another slug: an unresolved row
    next to a row of the same date and actor whose comment names the MIMU spelling
    ("chiphwe" next to "chipwi ... MIMU: Chipwi"; "mogok" next to "mogoke ... MIMU alias")."""
    for i, row in enumerate(records):
        if row["town_pcode"] is not None or row["is_alias_duplicate"]:
            continue
        for j in (i - 1, i + 1):
            if 0 <= j < len(records):
                other = records[j]
                if (other["event_date"], other["actor"]) == (row["event_date"], row["actor"]) \
                        and "mimu" in (other["comment"] or "").lower():
                    row["is_alias_duplicate"] = True
                    break


def unresolved_town_ids(events: pd.DataFrame) -> list[str]:
    """Slugs that resolved to no MIMU town, aliases of a listed row aside (for the load report)."""
    rows = events["town_pcode"].isna() & ~events["is_alias_duplicate"].fillna(False)
    return sorted(events.loc[rows, "town_id"].dropna().unique().tolist())
