"""What the rules see of a sentence (its actors, places, dates) and what they remember of
the report so far (the last speaker, the last places named), to resolve "it", "the group",
"the base", "the two bases", "the town".
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ingestion.extract.dates import DateSpan
from ingestion.extract.places import Place


@dataclass
class ActorMention:
    start: int
    end: int
    key: str | None  # actor key; None for an unresolved anaphor
    text: str
    anaphor: str | None = None  # "it", "group", "alliance", "we", "they", "poss"
    weak: bool = False  # "soldiers", "troops": the military unless qualified


@dataclass
class SentenceView:
    text: str
    start: int  # offset in the report text
    para: int
    index: int
    actors: list[ActorMention]
    places: list[Place]
    dates: list[DateSpan]
    states: list[str] = field(default_factory=list)
    townships: list[str] = field(default_factory=list)
    flags: int = -1  # trigger_words flags of the sentence (all set when unknown)
    slim: bool = False  # a speech word only, no known name, no place word: read for who speaks only


@dataclass
class ReportContext:
    published: dt.date
    military: str
    actor_names: dict[str, str]
    last_speaker: str | None = None
    last_rebel_speaker: str | None = None
    last_alliance: str | None = None
    last_subject: str | None = None  # last actor seen as the doer of a change
    main_rebel: str | None = None  # first non-military actor named: "anti-junta forces" are its
    coalition: tuple[int, str] | None = None  # (sentence, key) of the last "X-led alliance" / "X and its allies"
    lead_rebel: tuple[int, str] | None = None  # (sentence, key) first rebel actor of the last sentence naming one
    para_speaker: dict[int, str] = field(default_factory=dict)
    places_seen: list[tuple[int, Place]] = field(default_factory=list)  # (para, place)
    anchor: tuple[int, dt.date, dt.date] | None = None  # (para, first, last) of last event date
    last_capture: tuple[int, list[Place], str | None, str | None] | None = None  # (sentence, places, to, from)
    people: dict[str, str] = field(default_factory=dict)  # person name -> actor key
    atts_by_sent: dict = field(default_factory=dict)  # sentence index -> attributions
    para_atts: dict = field(default_factory=dict)  # paragraph -> attributions naming an actor
    states: list[str] = field(default_factory=list)
    townships: list[str] = field(default_factory=list)

    def resolve_anaphor(self, a: ActorMention, sent: SentenceView) -> str | None:
        """The actor an anaphor names: a preceding actor of the sentence, else the context."""
        if a.key is not None:
            return a.key
        kind = a.anaphor
        if kind == "we":
            return self.para_speaker.get(sent.para) or self.last_speaker
        if kind == "alliance":
            return self.last_alliance or self.last_rebel_speaker
        prev = [m for m in sent.actors if m.end <= a.start and m.key is not None and not m.weak]
        if prev:
            if kind == "group":
                rebels = [m for m in prev if m.key != self.military]
                if rebels:
                    return rebels[-1].key
            else:
                return prev[-1].key
        if kind == "group":
            return self.last_rebel_speaker or self.last_subject
        return self.last_subject or self.last_speaker

    def recent_place(self, family: set[str], para: int, count: int = 1, before: list[Place] | None = None) -> list[Place]:
        """The last ``count`` distinct places of the given kinds named in this paragraph or
        the one before (``before``: places earlier in the current sentence, searched first)."""
        found: list[Place] = []
        keys: set[str] = set()
        pool = [(para, p) for p in (before or [])][::-1] + self.places_seen[::-1]
        for pp, p in pool:
            if pp < para - 1:
                break
            if p.kind in family and not p.definite and p.key not in keys:
                if p.generic and p.count > 1 and count == 1:
                    continue
                found.append(p)
                keys.add(p.key)
                if len(found) >= count:
                    break
        return found


BASE_KINDS = {"military_base", "outpost"}
TOWN_KINDS = {"town"}

_DEF_ADJ = re.compile(
    r"\b(?:the|its|their|our|both|two|three|four|nearby|empty|main|same|recaptured|captured|besieged|"
    r"battalion|army|military|junta|junta's|military's|army's|regime's|regime|former|old|remaining|"
    r"forward|two-storey|large|small|smaller|key|strategic|last|town's|city's|other|whole|entire|rest of the)\b",
    re.I,
)


def is_pure_reference(p: Place) -> bool:
    """"the base", "the two recaptured bases": a pointer back, with nothing of its own."""
    if not p.definite:
        return False
    words = p.name.lower().split()
    head = words[-1] if words else ""
    rest = " ".join(words[:-1])
    rest = _DEF_ADJ.sub(" ", rest)
    rest = re.sub(r"[^\w]+", " ", rest).strip()
    return not rest or head in ("town", "airport", "village") and not rest
