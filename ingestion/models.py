"""Records that cross module lines: reports in, facts out.

The field names and enums follow ``../shared/contract/facts.md``; facts carry a few more
columns than the contract (``rule``, ``extractor_version``, ``fact_id``) so the warehouse
can explain every row and re-extract history when the extractor changes.
"""
from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field, fields, is_dataclass
from typing import Any, Literal

CHANGES = ("captured", "withdrew", "contested", "held")
PLACE_KINDS = ("military_base", "outpost", "town", "urban_ward", "village", "township",
               "airport", "road", "other")
UNIT_TYPES = ("infantry_battalion", "light_infantry_battalion", "tank_battalion",
              "armoured_battalion", "artillery_battalion", "military_operations_command",
              "regional_operations_command", "regional_military_command",
              "light_infantry_division", "battalion", "other")
METRICS = ("killed", "wounded", "captured_personnel", "surrendered", "bases_captured",
           "outposts_captured", "towns_captured", "weapons_seized", "aircraft_downed",
           "displaced", "clashes", "other")
DATE_PRECISIONS = ("day", "week", "month", "year", "unknown")


def content_hash(text: str) -> str:
    """SHA-256 of a report's text: the identity of one version of a report."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Report:
    """One news report, as the contract defines it, plus where it came from."""

    id: str
    published: str  # ISO date or datetime, as given
    text: str
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    language: str = "en"
    source: str | None = None  # name of the configured source that delivered it
    fetched_at: str | None = None  # ISO datetime, UTC

    @property
    def published_date(self) -> str:
        """The publication day (YYYY-MM-DD)."""
        return self.published[:10]

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Unit:
    type: str  # one of UNIT_TYPES
    number: str

    @property
    def key(self) -> str:
        """Key of the unit in ``dim_unit``, such as ``IB-236``."""
        from ingestion.units import unit_key  # local import: units imports models

        return unit_key(self.type, self.number)


_SCALARS = (str, int, float, bool, type(None))
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _fact_dict(fact: Any) -> dict[str, Any]:
    """``dataclasses.asdict(fact)`` without its generic deep copy, which cost a worker about
    5 % of a backfill: a fact's fields are scalars and a ``Unit``, copied as they are (a
    nested dataclass through ``asdict``); any other value takes ``asdict`` whole."""
    names = _FIELD_NAMES.get(type(fact))
    if names is None:
        names = _FIELD_NAMES[type(fact)] = tuple(f.name for f in fields(fact))
    out: dict[str, Any] = {}
    for name in names:
        value = getattr(fact, name)
        if isinstance(value, _SCALARS):
            out[name] = value
        elif is_dataclass(value) and not isinstance(value, type):
            out[name] = asdict(value)
        else:
            return asdict(fact)
    return out


@dataclass
class ControlChange:
    report_id: str
    change: Literal["captured", "withdrew", "contested", "held"]
    place: str
    place_kind: str
    evidence: str
    recapture: bool = False
    unit: Unit | None = None
    township: str | None = None
    state: str | None = None
    actor_to: str | None = None
    actor_from: str | None = None
    attributed_to: str | None = None
    date: str | None = None
    date_end: str | None = None
    date_precision: str = "unknown"
    rule: str | None = None  # the rule that produced the fact
    extractor_version: str | None = None
    kind: str = field(default="control_change", init=False)

    def to_dict(self) -> dict[str, Any]:
        d = _fact_dict(self)
        d["fact_id"] = fact_id(d)
        return d


@dataclass
class Claim:
    report_id: str
    claimant: str
    metric: str
    evidence: str
    subject: str | None = None
    value: float | None = None
    value_low: float | None = None
    value_high: float | None = None
    approximate: bool = False
    place: str | None = None
    date: str | None = None
    date_end: str | None = None
    date_precision: str = "unknown"
    rule: str | None = None
    extractor_version: str | None = None
    kind: str = field(default="claim", init=False)

    def to_dict(self) -> dict[str, Any]:
        d = _fact_dict(self)
        d["fact_id"] = fact_id(d)
        return d


Fact = ControlChange | Claim

# Every field that tells two facts of one report apart (the evidence sentence aside: the same
# fact stated twice in one report is one fact). The unit is part of it: "the bases of Light
# Infantry Battalions 542 and 543" are two facts with one place string.
_IDENTITY = {
    "control_change": ("report_id", "change", "recapture", "place", "place_kind", "unit.type",
                       "unit.number", "township", "state", "actor_to", "actor_from",
                       "attributed_to", "date", "date_end", "date_precision"),
    "claim": ("report_id", "claimant", "subject", "metric", "value", "value_low", "value_high",
              "approximate", "place", "date", "date_end", "date_precision"),
}


_IDENTITY_PATHS = {kind: tuple(tuple(k.split(".")) for k in keys) for kind, keys in _IDENTITY.items()}


def _field(d: dict[str, Any], path: tuple[str, ...]) -> str:
    """``d[a]``, or ``d[a][b]`` for the path (a, b) (a missing level is None)."""
    value: Any = d
    for part in path:
        value = value.get(part) if isinstance(value, dict) else None
    return str(value)


def fact_id(d: dict[str, Any]) -> str:
    """Stable id of a fact from its identifying fields (same report, same fact → same id)."""
    parts = [d["kind"]] + [_field(d, p) for p in _IDENTITY_PATHS[d["kind"]]]
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]
