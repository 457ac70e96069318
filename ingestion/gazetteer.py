"""The gazetteer the extractor matches against: every spelling → the thing(s) it names.

It is built from the warehouse dimensions (``dim_place``, ``dim_unit``, ``dim_actor``) by
``ingestion.reference.gazetteer_builder`` and saved as JSON, so the extractor (a pure
function) never needs the warehouse. An alias that names two things stays ambiguous:
``lookup`` returns every candidate and the caller resolves by context.
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Literal

EntryKind = Literal["place", "unit", "actor"]


def normalize_alias(text: str) -> str:
    """Case-, accent-, punctuation- and space-insensitive form of a spelling.

    ``"Infantry Battalion (IB) 236"`` → ``"infantry battalion ib 236"``; Burmese letters are
    kept (NFC) so Burmese spellings match too.
    """
    text = unicodedata.normalize("NFC", text).casefold()
    text = text.replace("’", "'").replace("'", "")
    text = re.sub(r"[^\w]+", " ", text)
    return " ".join(text.split())


@dataclass(frozen=True)
class PlaceEntry:
    key: str  # P-code (or a demo id)
    name: str  # canonical English name
    level: str  # state | district | township | town | ward | village_tract | place
    township: str | None = None  # canonical township name
    state: str | None = None  # canonical state/region name
    township_pcode: str | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True)
class UnitEntry:
    key: str  # "IB-236"
    type: str  # contract unit type
    number: str
    name: str  # "Infantry Battalion 236"
    garrison: str | None = None
    township: str | None = None
    state: str | None = None
    township_pcode: str | None = None


@dataclass(frozen=True)
class ActorEntry:
    key: str  # actor id in dim_actor, e.g. "KIA"
    name: str  # canonical name, e.g. "Kachin Independence Army"
    side: str | None = None


@dataclass
class Gazetteer:
    places: dict[str, PlaceEntry] = field(default_factory=dict)
    units: dict[str, UnitEntry] = field(default_factory=dict)
    actors: dict[str, ActorEntry] = field(default_factory=dict)
    # normalized spelling -> [(kind, key), ...]; more than one target = ambiguous
    aliases: dict[str, list[tuple[EntryKind, str]]] = field(default_factory=dict)

    def add_alias(self, spelling: str, kind: EntryKind, key: str) -> None:
        norm = normalize_alias(spelling)
        if not norm:
            return
        targets = self.aliases.setdefault(norm, [])
        if (kind, key) not in targets:
            targets.append((kind, key))

    def lookup(self, spelling: str, kind: EntryKind | None = None) -> list[PlaceEntry | UnitEntry | ActorEntry]:
        """Every entry the spelling may name (of one kind if given); empty if unknown."""
        found = []
        for k, key in self.aliases.get(normalize_alias(spelling), []):
            if kind is not None and k != kind:
                continue
            table = {"place": self.places, "unit": self.units, "actor": self.actors}[k]
            if key in table:
                found.append(table[key])
        return found

    def spellings(self, kind: EntryKind | None = None) -> list[str]:
        """Every normalized spelling (of one kind if given), for building matchers."""
        return [a for a, targets in self.aliases.items()
                if kind is None or any(k == kind for k, _ in targets)]

    # --- persistence -------------------------------------------------------------
    def to_json(self) -> dict:
        return {
            "places": [asdict(p) for p in self.places.values()],
            "units": [asdict(u) for u in self.units.values()],
            "actors": [asdict(a) for a in self.actors.values()],
            "aliases": {a: [list(t) for t in ts] for a, ts in sorted(self.aliases.items())},
        }

    @classmethod
    def from_json(cls, data: dict) -> "Gazetteer":
        return cls(
            places={p["key"]: PlaceEntry(**p) for p in data.get("places", [])},
            units={u["key"]: UnitEntry(**u) for u in data.get("units", [])},
            actors={a["key"]: ActorEntry(**a) for a in data.get("actors", [])},
            aliases={a: [tuple(t) for t in ts] for a, ts in data.get("aliases", {}).items()},
        )

    def save(self, path: str | Path) -> None:
        from ingestion.atomic import write_atomic

        write_atomic(path, json.dumps(self.to_json(), ensure_ascii=False), mode=0o644)

    @classmethod
    def load(cls, path: str | Path) -> "Gazetteer":
        return cls.from_json(json.loads(Path(path).read_text(encoding="utf-8")))
