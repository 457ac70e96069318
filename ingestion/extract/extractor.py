"""``extract_report``: report (+ gazetteer) → facts. A pure function over sentences."""
from __future__ import annotations

import datetime as dt
import re
import threading
import warnings
from collections import Counter
from dataclasses import replace
from functools import partial

from ingestion.extract import attribution as attr
from ingestion.extract.actors import ACTORS, MILITARY, STATES, WEAK_MILITARY, add_builtin_actors
from ingestion.extract.context import (BASE_KINDS, ActorMention, ReportContext, SentenceView,
                                       is_pure_reference)
from ingestion.extract.dates import DateSpan, find_dates, not_after, parse_published
from ingestion.extract.matcher import Matcher, fold, fold_key, matcher_for
from ingestion.extract.places import NOT_PLACE, Place, bare_names, find_places
from ingestion.extract.rules_claims import find_claims
from ingestion.extract.rules_control import DENIAL, RawChange, find_changes
from ingestion.extract.scan import contains_any, may_contain
from ingestion.extract.sentences import split_sentences
from ingestion.extract.trigger_words import F_CLAIM, F_CONTROL, F_SPEECH, word_flags
from ingestion.gazetteer import Gazetteer, PlaceEntry
from ingestion.models import Claim, ControlChange
from ingestion.reports import MAX_TEXT_CHARS

EXTRACTOR_VERSION = "0.2.2"

ANAPHOR_RE = re.compile(  # the look-ahead (first letters) only spares the engine hopeless positions
    r"(?=[IiTtWwOo])\b(?:[Ii]t|[Tt]hey|[Ww]e|[Ii]ts\s+(?:own\s+)?(?:forces|fighters|troops|soldiers|units)|[Tt]heir\s+(?:forces|fighters|troops|soldiers)|"
    r"[Oo]ur\s+(?:forces|fighters|troops)|[Tt]he\s+(?:armed\s+)?group|[Tt]he\s+alliance|[Tt]he\s+organi[sz]ation|[Tt]he\s+coalition)\b")
SPEECH_DATE = re.compile(
    r"(?:\b(?:said|says|claimed|reported|told\s+[^,.;]{0,45}?|confirmed|announced|added|stated|statement|denied|acknowledged|"
    r"reporting|saying|claims|wrote|posted|media)\s+(?:late\s+|early\s+)?(?:on\s+)?)$")
_GAZ_LEVEL_KIND = {"town": "town", "ward": "urban_ward", "village_tract": "village", "village": "village",
                   "township": "town", "place": "village", "district": "town", "state": "other"}

DATE_HINT = re.compile(
    r"\d|[Jj]an|[Ff]eb|[Mm]ar|[Aa]pr|May|[Jj]un|[Jj]ul|[Aa]ug|[Ss]ep|[Oo]ct|[Nn]ov|[Dd]ec|day|[Ww]eek|[Mm]onth|[Yy]ear|"
    r"later|earlier|ago|before|after|previous|next|same|tonight|morning|night")
# DATE_HINT's alternatives as plain substrings (besides a digit): the same answer without the regex scan
_DATE_HINT_WORDS = ("Jan", "jan", "Feb", "feb", "Mar", "mar", "Apr", "apr", "May", "Jun", "jun", "Jul", "jul", "Aug",
                    "aug", "Sep", "sep", "Oct", "oct", "Nov", "nov", "Dec", "dec", "day", "Week", "week", "Month",
                    "month", "Year", "year", "later", "earlier", "ago", "before", "after", "previous", "next", "same",
                    "tonight", "morning", "night")
_DIGIT = re.compile(r"\d")
PLACE_HINT = re.compile(r"(?=[A-Ztbcoaw])\b(?:[A-Z]{2,4}|[A-Z]\w+\s+(?:town|village|ward|[Tt]ownship|[Aa]irport)|town|base|camp|outpost|airport|ward)\b")
# every PLACE_HINT match has two capitals in a row or one of these (case-sensitive)
_PLACE_HINT_STEMS = ("town", "village", "ward", "ownship", "irport", "base", "camp", "outpost")
_TWO_CAPS = re.compile(r"[A-Z]{2}")
GENERIC_RESISTANCE = {"resistance forces", "resistance fighters", "anti junta forces", "anti junta fighters",
                      "anti junta groups", "revolutionary forces", "joint resistance forces", "resistance",
                      "joint forces"}
COALITION_AFTER = re.compile(r"(?:\s*\([^)]{1,12}\))?(?:-led|\s+and\s+(?:its|their)\s+allies|\s*-?led\s+(?:alliance|coalition)|\s+(?:alliance|coalition)\b)", re.I)
LIST_LEAD = re.compile(r"^\s*(?:These|They|Those)\s+(?:include[sd]?|are|were)\b|^\s*Among\s+them\s+(?:are|were)\b|^\s*They\s+included\b")
PLURAL_PLACE = re.compile(r"\b(?:outposts|bases|camps|posts|positions|wards|villages|towns|checkpoints|headquarters)\b", re.I)
_TOWNSHIP_RE = re.compile(r"\b([A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?)\s+[Tt]ownship\b")
QUOTE_MARK = re.compile(r'["“”]')
WEAK_NOUN_PLACE = re.compile(r"\s+(?:station|outpost|post|base|camp|headquarters|compound)s?\b")
SLIM_PATH = True  # speech-only sentences take ``_slim_view`` (the tests compare with it off)
_DEFAULT: Gazetteer | None = None
_PREPARED: dict[int, tuple[Gazetteer, Gazetteer, "_Prepared"]] = {}
_LOCK = threading.Lock()


def default_gazetteer() -> Gazetteer:
    """A gazetteer with the built-in actors only (no places): enough to extract."""
    global _DEFAULT
    if _DEFAULT is None:
        gaz = Gazetteer()
        add_builtin_actors(gaz)
        _DEFAULT = gaz
    return _DEFAULT


class _Prepared:
    """A gazetteer made ready for extraction: actors merged, matcher built, names known."""

    def __init__(self, gaz: Gazetteer):
        if not gaz.actors:
            merged = Gazetteer(places=gaz.places, units=gaz.units, actors=dict(gaz.actors),
                               aliases={k: list(v) for k, v in gaz.aliases.items()})
            add_builtin_actors(merged)
            gaz = merged
        self.gaz = gaz
        extra: dict[str, list[tuple[str, str]]] = {}
        for key, (name, _side, aliases) in ACTORS.items():
            for alias in [name, key, *aliases]:
                extra.setdefault(fold_key(alias), []).append(("actor", key))
        for canon, spellings in STATES.items():
            for sp in spellings:
                extra.setdefault(fold_key(sp), []).append(("state", canon))
        self.matcher: Matcher = matcher_for(gaz, extra)
        self.names = {k: v[0] for k, v in ACTORS.items()}
        self.names.update({k: a.name for k, a in gaz.actors.items()})
        junta = [k for kind, k in gaz.aliases.get("junta", []) if kind == "actor"]
        mil = [k for k, a in gaz.actors.items() if a.name == ACTORS[MILITARY][0]]
        self.military = (mil or junta or [MILITARY])[0]
        # every spelling of the military resolves to one key
        self.alias_of = {k: (self.military if k == MILITARY else k) for k in self.names}


def _prepare(gazetteer: Gazetteer | None) -> _Prepared:
    gaz = gazetteer if gazetteer is not None else default_gazetteer()
    with _LOCK:
        cached = _PREPARED.get(id(gaz))
        if cached is not None and cached[0] is gaz and len(cached[0].aliases) == len(cached[1].aliases if cached[1] is gaz else cached[0].aliases):
            return cached[2]
    prep = _Prepared(gaz)
    with _LOCK:
        if len(_PREPARED) > 8:
            _PREPARED.clear()
        _PREPARED[id(gaz)] = (gaz, gaz, prep)
    return prep


def _date_hint(s: str) -> bool:
    """``DATE_HINT.search(s)``: a digit or one of its words."""
    return _DIGIT.search(s) is not None or contains_any(s, _DATE_HINT_WORDS)


def _place_hint(s: str) -> bool:
    """``PLACE_HINT.search(s)``, answered without the regex when a cheap test rules it out."""
    if not contains_any(s, _PLACE_HINT_STEMS) and _TWO_CAPS.search(s) is None:
        return False
    return PLACE_HINT.search(s) is not None


# --------------------------------------------------------------------------------------
def extract_report(report, gazetteer: Gazetteer | None = None) -> list[ControlChange | Claim]:
    """Every control change and claim the report states, each with its evidence sentence."""
    prep = _prepare(gazetteer)
    text = report.text or ""
    if len(text) > MAX_TEXT_CHARS:
        warnings.warn(f"report {report.id}: text of {len(text)} characters cut to {MAX_TEXT_CHARS}", stacklevel=2)
        text = text[:MAX_TEXT_CHARS]
    if not text.strip():
        return []
    pub = parse_published(report.published)
    ctx = ReportContext(published=pub, military=prep.military, actor_names=prep.names)
    folded = fold(text)
    hits = prep.matcher.find(text, folded)
    sentences = split_sentences(text)
    views = _views(text, sentences, hits, prep, ctx, folded)
    raw_changes: list[tuple[RawChange, list]] = []
    raw_claims: list = []
    para_atts: dict[int, list] = {}
    atts_by_sent: list[list] = []
    last_changes: list[RawChange] = []
    for view in views:
        if not view.flags & (F_CONTROL | F_CLAIM | F_SPEECH):
            atts_by_sent.append([])
            _remember_subjects(view, ctx)
            _see_places(view, ctx, ())
            continue
        if view.slim:  # who speaks, and "denied the reports": nothing else can come of it
            atts = attr.attributions(view, ctx)
            atts_by_sent.append(atts)
            _learn_speakers(view, atts, ctx, para_atts)
            raw_changes = _drop_denied(view, raw_changes)
            continue
        attr.learn_people(view, ctx)
        atts = attr.attributions(view, ctx) if view.flags & (F_SPEECH | F_CLAIM) else []
        atts_by_sent.append(atts)
        _learn_speakers(view, atts, ctx, para_atts)
        _resolve_references(view, ctx)
        for a in view.actors:
            if a.key and a.key != ctx.military and re.search(r"alliance\b(?!\s+army)|brotherhood", a.text, re.I):
                ctx.last_alliance = a.key
        changes = find_changes(view, ctx) if view.flags & F_CONTROL else []
        if not changes and last_changes and LIST_LEAD.match(view.text):
            changes = _elaborate(view, last_changes)
        last_changes = [rc for rc in changes if rc.change != "held"] if changes else (last_changes if not view.places else [])
        raw_changes = _drop_denied(view, raw_changes)
        for rc in changes:
            dated = [_date_for(rc, p, ctx) for p in rc.places]
            raw_changes.append((rc, dated))
            if rc.change == "captured":
                if ctx.last_capture is None or ctx.last_capture[0] != view.index:  # the sentence's first capture
                    loser = rc.actor_from or _opponent(rc.actor_to, view, ctx, rc.actor_to)
                    ctx.last_capture = (view.index, rc.places, rc.actor_to, loser)
                ctx.last_subject = rc.actor_to
            elif rc.change == "held" and rc.actor_to:
                ctx.last_subject = ctx.last_subject or rc.actor_to
        _remember_subjects(view, ctx)
        if view.flags & F_CLAIM:
            skip = [(p.start, p.end) for p in view.places if p.unit] + [(d.start, d.end) for d in view.dates]
            for rcl in find_claims(view, skip):
                raw_claims.append((rcl, atts))
        _see_places(view, ctx, {id(p) for rc in changes for p in rc.places})
    facts: list[ControlChange | Claim] = []
    ctx.atts_by_sent = {v.index: a for v, a in zip(views, atts_by_sent)}
    ctx.para_atts = para_atts
    facts.extend(_control_facts(report, raw_changes, ctx, prep))
    facts.extend(_claim_facts(report, raw_claims, para_atts, ctx, prep))
    return facts


def _learn_speakers(view: SentenceView, atts: list, ctx: ReportContext, para_atts: dict[int, list]) -> None:
    """Remember who spoke last (in the report, in the paragraph, on the rebel side)."""
    para_atts.setdefault(view.para, []).extend(a for a in atts if a.actor)
    for a in atts:
        if a.actor:
            ctx.last_speaker = a.actor
            ctx.para_speaker.setdefault(view.para, a.actor)
            if a.actor != ctx.military:
                ctx.last_rebel_speaker = a.actor


def _drop_denied(view: SentenceView, raw_changes: list) -> list:
    """"... denied the reports": the captures of the sentence before are dropped."""
    if raw_changes and may_contain(view.text, ("denied",)) and DENIAL.search(view.text):
        return [rc for rc in raw_changes if not (rc[0].sentence.index == view.index - 1 and rc[0].change == "captured")]
    return raw_changes


# --------------------------------------------------------------------------------------
def _views(text: str, sentences, hits, prep: _Prepared, ctx: ReportContext, folded: str) -> list[SentenceView]:
    views = []
    hi = 0
    nh = len(hits)
    for sent in sentences:
        s = sent.text
        while hi < nh and hits[hi].end <= sent.start:
            hi += 1
        local = []
        j = hi
        while j < nh and hits[j].start < sent.end:
            if hits[j].end <= sent.end:
                local.append(hits[j])
            j += 1
        flags = word_flags(folded[sent.start:sent.end])
        active = bool(flags & (F_CONTROL | F_CLAIM))
        placey = False if active else _place_hint(s)  # only matters for a sentence without triggers
        if not local and not placey and not flags & (F_CONTROL | F_CLAIM | F_SPEECH):
            if "ownship" in s:
                for m in _TOWNSHIP_RE.finditer(s):
                    ctx.townships.append(m.group(1))
            continue  # background: nothing to learn from it
        if SLIM_PATH and flags == F_SPEECH and not local and not placey:
            views.append(_slim_view(sent, flags, ctx))
            continue
        actors: list[ActorMention] = []
        states: list[str] = []
        gaz_places: list[tuple[int, int, list[str]]] = []
        taken: list[tuple[int, int]] = []
        for h in local:
            a, b = h.start - sent.start, h.end - sent.start
            akeys = [k for kind, k in h.targets if kind == "actor"]
            skeys = [k for kind, k in h.targets if kind == "state"]
            pkeys = [k for kind, k in h.targets if kind == "place"]
            if akeys and WEAK_NOUN_PLACE.match(s, b) and fold_key(h.text) in WEAK_MILITARY:
                continue  # "the police station", "an army base": part of a place name
            if akeys:
                key = prep.alias_of.get(akeys[0], akeys[0])
                if fold_key(h.text) in GENERIC_RESISTANCE:
                    key = _generic_rebel(ctx, sent.index) or key
                weak = fold_key(h.text) in WEAK_MILITARY
                actors.append(ActorMention(a, b, key, h.text, weak=weak))
                taken.append((a, b))
            elif skeys:
                states.append(skeys[0])
                taken.append((a, b))
            elif pkeys:
                gaz_places.append((a, b, pkeys))
        for m in (ANAPHOR_RE.finditer(s) if flags & (F_CONTROL | F_CLAIM | F_SPEECH) else ()):
            over = [x for x in actors if not (m.end() <= x.start or m.start() >= x.end)]
            if any(not x.weak for x in over):
                continue
            if over:  # "its troops": the anaphor, not the weak word "troops"
                actors = [x for x in actors if x not in over]
            anaphor = _anaphor(s, m)
            if anaphor is not None:
                actors.append(anaphor)
        actors.sort(key=lambda x: x.start)
        actors = _drop_weak(s, actors)
        for i, a in enumerate(actors[:-1]):  # "resistance forces led by the KIA" are the KIA's
            nxt = actors[i + 1]
            if fold_key(a.text) in GENERIC_RESISTANCE and nxt.key and nxt.key != ctx.military and re.match(
                    r"^\s*,?\s*(?:led\s+by|including|of|from|under|loyal\s+to)\s+(?:the\s+)?$", s[a.end:nxt.start]):
                a.key = nxt.key
        lead = None
        for a in actors:
            if a.key and a.key != ctx.military and not a.weak and fold_key(a.text) not in GENERIC_RESISTANCE:
                if ctx.main_rebel is None:
                    ctx.main_rebel = a.key
                if lead is None:
                    lead = a.key
                if "-led" in a.text or COALITION_AFTER.match(s, a.end) or re.search(r"alliance\b(?!\s+army)|brotherhood|\ballies\b", a.text, re.I):
                    ctx.coalition = (sent.index, a.key)
        if lead is not None:
            ctx.lead_rebel = (sent.index, lead)
        dates = find_dates(s, ctx.published) if active and _date_hint(s) else []
        taken_all = taken + [(d.start, d.end) for d in dates]
        places = find_places(s, taken_all) if active or placey else []
        ptaken = taken_all + [(p.start, p.end) for p in places]
        for a, b, keys in gaz_places:
            if all(b <= x or a >= y for x, y in ptaken):
                entries = [prep.gaz.places[k] for k in keys if k in prep.gaz.places]
                kind = _GAZ_LEVEL_KIND.get(entries[0].level, "town") if entries else "town"
                places.append(Place(a, b, s[a:b], kind, bare=True, gaz_keys=tuple(keys)))
                ptaken.append((a, b))
        for p in (bare_names(s, ptaken) if active else []):
            if p.name in ctx.people or any(p.name in n for n in ctx.people):
                continue
            places.append(p)
        for p in places:
            if not p.gaz_keys and not p.unit and prep.gaz.places:
                core = p.name
                for suffix in (" town", " village", " ward", " Township", " township"):
                    if core.endswith(suffix):
                        core = core[: -len(suffix)]
                found = prep.gaz.lookup(core, "place")
                if found:
                    p.gaz_keys = tuple(e.key for e in found)
                    if p.bare:
                        p.kind = _GAZ_LEVEL_KIND.get(found[0].level, p.kind) if len(found) == 1 else p.kind
        places.sort(key=lambda p: p.start)
        ctx.states.extend(states)
        if "ownship" in s:
            for m in _TOWNSHIP_RE.finditer(s):
                ctx.townships.append(m.group(1))
        view = SentenceView(s, sent.start, sent.para, sent.index, actors, places, dates, states)
        view.flags = flags
        views.append(view)
    return views


def _anaphor(s: str, m: re.Match) -> ActorMention | None:
    """The anaphor of an ANAPHOR_RE match ("it", "the group", "our forces"), None for an
    impersonal "it" ("it was not clear")."""
    w = m.group().lower()
    kind = ("we" if w.startswith(("we", "our")) else "group" if "group" in w or "organi" in w
            else "alliance" if "alliance" in w or "coalition" in w else "their" if w.startswith("their") else "it")
    if w == "it" and re.match(r"\s+(?:was|is|has\s+not|had\s+not)\s+(?:not\s+)?(?:clear|unclear|possible|difficult|unknown|the)", s[m.end():m.end() + 30]):
        return None
    return ActorMention(m.start(), m.end(), None, m.group(), anaphor=kind)


def _slim_view(sent, flags: int, ctx: ReportContext) -> SentenceView:
    """The view of a sentence with a speech word but no trigger, no known name and no place
    word: all the later sentences can take from it is who speaks (its attributions).

    Exactly what the full preparation gives such a sentence: its only actors are anaphors
    (no name to overlap, none weak, none generic, none keyed: ``_drop_weak``, the "led by"
    and lead-rebel passes change nothing); it has no date (not active), no place (no
    gazetteer hit, no place hint) and no state. In ``extract_report`` every other step is then
    a no-op for it: ``learn_people``, the alliance pass and ``_remember_subjects`` need a keyed
    actor; ``_resolve_references``, ``_elaborate`` and ``_see_places`` a place (``last_changes``
    stays); ``find_changes`` and ``find_claims`` a trigger flag. Only its attributions and the
    "denied the reports" check remain.
    """
    s = sent.text
    actors = [a for a in map(partial(_anaphor, s), ANAPHOR_RE.finditer(s)) if a is not None]
    if "ownship" in s:
        for m in _TOWNSHIP_RE.finditer(s):
            ctx.townships.append(m.group(1))
    view = SentenceView(s, sent.start, sent.para, sent.index, actors, [], [], [])
    view.flags = flags
    view.slim = True
    return view


_SUBJ_AFTER = re.compile(r"\s*(?:\([^)]*\)\s*)?(?:-led\s+\w+\s*)?(?:has|have|had|said|says|is|was|are|were|also|now|captured|seized|took|overran)\b")
_PLACE_PREP = re.compile(r"\b(?:in|at|near|of|from|to|towards|outside|around|into|seized|captured|took|retook)\s+$")


def _remember_subjects(view: SentenceView, ctx: ReportContext) -> None:
    for a in view.actors:
        if a.key and not a.weak and a.key != ctx.military and a.anaphor is None:
            if _SUBJ_AFTER.match(view.text, a.end, a.end + 30):
                ctx.last_subject = a.key


def _see_places(view: SentenceView, ctx: ReportContext, used) -> None:
    for p in view.places:
        if p.definite or (p.generic and p.count > 1):
            continue
        if p.bare and id(p) not in used and not _PLACE_PREP.search(view.text, max(0, p.start - 12), p.start):
            continue
        ctx.places_seen.append((view.para, p))


def _elaborate(view: SentenceView, prev: list[RawChange]) -> list[RawChange]:
    """"Regime forces retook outposts in X. These include the IB 236 and TB 5014 bases": the
    named places of the list sentence take the change of the plural place before it."""
    src = next((rc for rc in reversed(prev) if any(p.count > 1 or PLURAL_PLACE.search(p.name) for p in rc.places)), None)
    if src is None:
        return []
    fam = BASE_KINDS if any(p.kind in BASE_KINDS for p in src.places) else None
    named = [p for p in view.places if (p.unit or not (p.generic or p.bare)) and (fam is None or p.kind in fam)]
    if not named:
        return []
    return [RawChange(src.change, src.rule + "_list", named, src.actor_to, src.actor_from, src.recapture,
                      0, 0, view, 0)]


def _generic_rebel(ctx: ReportContext, index: int) -> str | None:
    """Whom "anti-junta fighters", "resistance forces" name: the coalition named lately ("the
    KIA-led alliance"), else the leading group of the last sentence that named one, else the
    report's main rebel actor."""
    if ctx.coalition and index - ctx.coalition[0] <= 6:
        return ctx.coalition[1]
    if ctx.lead_rebel and index - ctx.lead_rebel[0] <= 3:
        return ctx.lead_rebel[1]
    return ctx.main_rebel


def _drop_weak(s: str, actors: list[ActorMention]) -> list[ActorMention]:
    out = []
    for i, a in enumerate(actors):
        if a.weak:
            prev = actors[i - 1] if i else None
            nxt = actors[i + 1] if i + 1 < len(actors) else None
            if prev is not None and a.start - prev.end <= 3:
                continue
            if re.search(r"\b(?:its|their|our|his|her|the\s+\w+['’]s|[A-Z][a-z]+)\s+$", s[max(0, a.start - 25):a.start]) and not re.search(r"(?:^|[.!?]\s+)[A-Z][a-z]+\s+$", s[max(0, a.start - 25):a.start]):
                if not re.search(r"\b(?:The|the)\s+$", s[max(0, a.start - 5):a.start]):
                    continue
            if nxt is not None and re.match(r"^\s+(?:of|from)\s+(?:the\s+)?$", s[a.end:nxt.start]):
                continue
        out.append(a)
    return out


_FAMILY = [
    (re.compile(r"(?:bases?|camps?|headquarters|posts?|outposts?|checkpoints?|positions?|garrison)$"), BASE_KINDS),
    (re.compile(r"(?:town|city)$"), {"town"}),
    (re.compile(r"airport$"), {"airport"}),
    (re.compile(r"village$"), {"village"}),
    (re.compile(r"(?:wards?|neighbou?rhoods?)$"), {"urban_ward"}),
    (re.compile(r"(?:bridge|gate)$"), {"other"}),
]


_TOWNS_OWN = re.compile(r"\b(?:town|city)['’]s\b")
_TOWNS_OWN_OR_ITS = re.compile(r"\b(?:town|city)['’]s\b|\bits\b")


def _resolve_references(view: SentenceView, ctx: ReportContext) -> None:
    """Replace "the base", "the two bases", "the town", "its airport" by what they point to."""
    out: list[Place] = []
    for p in view.places:
        name = p.name.lower()
        if p.generic and not p.definite and p.kind == "urban_ward" and not p.bare:
            town = ctx.recent_place({"town"}, view.para, before=[q for q in out if q.kind == "town"])
            if town:
                p.name = f"{town[0].name} {p.name.split()[-1]}"
                p.generic = False
            out.append(p)
            continue
        if not is_pure_reference(p) and not _TOWNS_OWN.search(name):
            out.append(p)
            continue
        fam = None
        for rx, kinds in _FAMILY:
            if rx.search(name):
                fam = kinds
                break
        if fam is None:
            continue
        if _TOWNS_OWN_OR_ITS.search(name) and fam != {"town"}:
            town = ctx.recent_place({"town"}, view.para, before=[q for q in out if q.kind == "town"])
            if town and fam == {"airport"}:
                out.append(replace(p, name=f"{town[0].name} airport", generic=False, definite=False, ref=None))
                continue
            if town and fam == {"urban_ward"}:
                out.append(replace(p, name=f"{town[0].name} {name.split()[-1]}", generic=False, definite=False, ref=None))
                continue
            if not is_pure_reference(p):
                out.append(p)
                continue
        found = ctx.recent_place(fam, view.para, p.count, before=[q for q in out])
        if not found and fam == {"town"}:
            found = ctx.recent_place({"town"}, view.para + 10, 1, before=[q for q in out])
        for f in found[::-1] if p.count > 1 else found:
            out.append(replace(f, start=p.start, end=p.end, definite=False))
    view.places[:] = sorted(out, key=lambda q: q.start)


# --------------------------------------------------------------------------------------
def _date_for(rc: RawChange, place: Place, ctx: ReportContext):
    """(first, last, precision, explicit) of one change at one place."""
    s = rc.sentence.text
    pub = ctx.published
    if rc.change == "held":
        return pub, None, "day", 0
    cands = [d for d in rc.sentence.dates if not SPEECH_DATE.search(s[max(0, d.start - 60):d.start])]
    speech = [d for d in rc.sentence.dates if d not in cands]
    best: DateSpan | None = None
    if cands:
        # a date right after this place (before the next place of the list) wins
        later = [p for p in rc.places if p.start > place.start]
        nxt = later[0].start if later else len(s)
        own = [d for d in cands if place.end <= d.start < nxt and d.start < rc.obj_end + 60]
        if own and len(rc.places) > 1:
            best = own[0]
        else:
            def dist(d: DateSpan) -> int:
                if d.start >= rc.trig_start:
                    return max(0, d.start - max(rc.obj_end, rc.trig_end))
                return (rc.trig_start - d.end) + 5
            best = min(cands, key=dist)
    anchor_first = None
    if best is not None:
        # relative dates need the anchor: a date earlier in the sentence, else the context
        if best.first is None:
            prior = [d for d in cands if d.end <= best.start and d.first is not None]
            base = prior[-1].first if prior else (ctx.anchor[2] if ctx.anchor else None)
            if ctx.anchor and not prior:
                base = ctx.anchor[1] if ctx.anchor[1] == ctx.anchor[2] else ctx.anchor[2]
            if prior and best.relative and best.end <= rc.trig_start and re.search(r"(?:after|before)$", s[best.start:best.end], re.I):
                # "X fell on March 4, two days after Y was overrun": Y is two days *before* the anchor
                best = replace(best, relative=-best.relative)
            res = best.resolve(base, pub)
            if res is None:
                best = None
            else:
                anchor_first = res
        else:
            anchor_first = (best.first, best.last or best.first)
    if best is not None and anchor_first is not None:
        first, last = anchor_first
        prec = best.precision
        if best.first is not None and best.last is not None and best.last != best.first and prec == "day":
            prec = "day" if best.since else "week"
        ctx.anchor = (rc.sentence.para, first, last)
        return first, (last if last != first else None), prec, 2
    if ctx.anchor and ctx.anchor[0] == rc.sentence.para:
        return ctx.anchor[1], (ctx.anchor[2] if ctx.anchor[2] != ctx.anchor[1] else None), "day" if ctx.anchor[1] == ctx.anchor[2] else "week", 1
    top = pub
    if speech and speech[0].first is not None:
        top = speech[0].last or speech[0].first
    return top - dt.timedelta(days=7), top, "week", 0


def _locate(place: Place, view: SentenceView, ctx: ReportContext, prep: _Prepared) -> tuple[str | None, str | None]:
    gaz = prep.gaz
    if place.unit is not None:
        u = gaz.units.get(place.unit.key)
        if u is not None:
            return u.township, u.state
    entries: list[PlaceEntry] = [gaz.places[k] for k in place.gaz_keys if k in gaz.places]
    if len(entries) == 1:
        return entries[0].township, entries[0].state
    if len(entries) > 1:
        near_t = {t.lower() for t in ctx.townships}
        near_s = set(view.states) | set(ctx.states)
        fit = [e for e in entries if (e.township or "").lower() in near_t] or [e for e in entries if e.state in near_s]
        if len({(e.township, e.state) for e in fit}) == 1:
            return fit[0].township, fit[0].state
        return None, None
    if place.unit is None and not place.generic and not place.bare:
        inner = _inner_place(place, view, ctx, prep)
        if inner is not None:
            return inner
    if place.bare or (place.generic and place.unit is None):
        # a bare name ("Paletwa") may lie in another state than the report's main one
        states = set(view.states) or set(ctx.states)
        return None, (next(iter(states)) if len(states) == 1 else None)
    return None, _sentence_or_dominant_state(view, ctx)


_INNER_WORD = re.compile(r"[A-Z][\w'’-]*")
_INNER_HEADS = {"Airport", "Airbase", "Bridge", "Gate", "Camp", "Base", "Checkpoint", "Outpost", "Post", "Hill",
                "Peak", "Station", "Road", "Highway", "Headquarters", "Ward", "Town", "Village", "Township"}


def _inner_place(place: Place, view: SentenceView, ctx: ReportContext,
                 prep: _Prepared) -> tuple[str | None, str | None] | None:
    """Township and state of a place named after a known one ("Bhamo Airport", "the bridge
    at Nawnghkio"): the longest run of capitalised words of the name the gazetteer knows,
    when it names one township (or one fits the report). None when no run is known or the
    run is ambiguous."""
    if not prep.gaz.places:
        return None
    words = [w for w in _INNER_WORD.findall(place.name) if w not in _INNER_HEADS and w not in NOT_PLACE]
    if not words:
        return None
    for size in range(len(words), 0, -1):
        for i in range(len(words) - size + 1):
            found = [e for e in prep.gaz.lookup(" ".join(words[i:i + size]), "place") if isinstance(e, PlaceEntry)]
            if not found:
                continue
            found = [e for e in found if e.level != "state"] or found
            if len({(e.township, e.state) for e in found}) > 1:
                near_t = {t.lower() for t in ctx.townships}
                near_s = set(view.states) | set(ctx.states)
                found = [e for e in found if (e.township or "").lower() in near_t] or [e for e in found if e.state in near_s]
            if found and len({(e.township, e.state) for e in found}) == 1:
                e = found[0]
                return (e.township or (e.name if e.level == "township" else None)), e.state
            return None
    return None


def _sentence_or_dominant_state(view: SentenceView, ctx: ReportContext) -> str | None:
    """The state the sentence names (if only one), else the report's dominant state (the one
    named most often, if no other ties it) when the sentence names none."""
    here = set(view.states)
    if here:
        return next(iter(here)) if len(here) == 1 else None
    counts = Counter(ctx.states)
    if not counts:
        return None
    top = counts.most_common(2)
    if len(top) > 1 and top[1][1] == top[0][1]:
        return None
    return top[0][0]


def _opponent(actor: str | None, view: SentenceView, ctx: ReportContext, exclude: str | None) -> str | None:
    if actor is None:
        return None
    if actor != ctx.military:
        return ctx.military
    for a in view.actors:
        if a.key and a.key not in (ctx.military, exclude) and not a.weak:
            return a.key
    return None


def _control_facts(report, raw_changes, ctx: ReportContext, prep: _Prepared) -> list[ControlChange]:
    merged: dict[tuple, tuple[int, ControlChange]] = {}
    order: list[tuple] = []
    history: dict[str, list[tuple[dt.date | None, str]]] = {}
    for rc, dated in raw_changes:
        for p in rc.places:
            if p.kind in ("township",) and rc.change != "held":
                continue
            if rc.change in ("contested", "held") and p.generic and not p.unit and p.count > 1:
                continue
            first, last, prec, quality = dated[rc.places.index(p)]
            first, last = not_after(first, last, ctx.published)
            if first is None:
                prec = "unknown"
            actor_to, actor_from = rc.actor_to, rc.actor_from
            if rc.change == "captured" and actor_from is None:
                actor_from = _opponent(actor_to, rc.sentence, ctx, actor_to)
                if actor_to == ctx.military:
                    prior = [a for d, a in history.get(p.key, []) if a != ctx.military]
                    actor_from = prior[-1] if prior else actor_from
            if actor_to == actor_from:
                actor_from = None if rc.change != "withdrew" else actor_from
            township, state = _locate(p, rc.sentence, ctx, prep)
            recapture = rc.recapture and rc.change == "captured"
            if rc.change == "captured" and any(a == actor_to for _, a in history.get(p.key, []) if a):
                pass
            attributed = _attributed(rc, ctx, prep)
            fact = ControlChange(
                report_id=report.id, change=rc.change, place=p.name, place_kind=p.kind,
                evidence=rc.sentence.text, recapture=recapture, unit=p.unit, township=township, state=state,
                actor_to=_name(actor_to if rc.change in ("captured", "held") else None, prep),
                actor_from=_name(actor_from if rc.change in ("captured", "withdrew") else None, prep),
                attributed_to=attributed,
                date=first.isoformat() if first else None, date_end=last.isoformat() if last else None,
                date_precision=prec, rule=rc.rule, extractor_version=EXTRACTOR_VERSION,
            )
            if rc.change in ("captured", "held"):
                history.setdefault(p.key, []).append((first, actor_to))
            key = (rc.change, p.key, fact.actor_to, fact.actor_from if rc.change == "withdrew" else None)
            if key in merged:
                q, old = merged[key]
                old.recapture = old.recapture or fact.recapture
                if quality > q:
                    fact.recapture = old.recapture
                    merged[key] = (quality, fact)
            else:
                merged[key] = (quality, fact)
                order.append(key)
    return [merged[k][1] for k in order]


def _attributed(rc: RawChange, ctx: ReportContext, prep: _Prepared) -> str | None:
    """Who asserts the change: "the junta claimed", "state media reported", "according to X"
    in its sentence; in a quotation, the speaker of the paragraph."""
    view = rc.sentence
    atts = ctx.atts_by_sent.get(view.index) or []
    a = attr.nearest(atts, rc.trig_start)
    if a is not None:
        return _name(a.actor, prep) or a.label
    if QUOTE_MARK.search(view.text):
        pa = ctx.para_atts.get(view.para)
        if pa:
            return _name(pa[0].actor, prep)
    return None


def _name(key: str | None, prep: _Prepared) -> str | None:
    if key is None:
        return None
    return prep.names.get(key, key)


def _claim_facts(report, raw_claims, para_atts, ctx: ReportContext, prep: _Prepared) -> list[Claim]:
    out: list[Claim] = []
    seen: set[tuple] = set()
    for rcl, atts in raw_claims:
        view = rcl.sentence
        a = attr.nearest(atts, rcl.pos)
        claimant_key = a.actor if a else None
        label = a.label if a else None
        if a is None:
            pa = para_atts.get(view.para)
            if pa and ('"' in view.text or "“" in view.text or "”" in view.text or re.search(r"\b(?:we|our)\b", view.text, re.I)):
                claimant_key = pa[0].actor
        claimant = _name(claimant_key, prep) or label or report.outlet or "unattributed"
        hint = rcl.subject_hint
        subject = None
        if rcl.metric != "displaced":
            if hint == "own":
                subject = claimant_key
            elif hint and hint.startswith("actor:"):
                subject = hint[6:]
            elif hint == "military":
                subject = ctx.military
            elif hint == "people":
                subject = None
            else:
                subject = _opponent(claimant_key, view, ctx, claimant_key) if claimant_key else None
                if hint == "enemy" and claimant_key == ctx.military:
                    subject = subject or ctx.last_rebel_speaker
        f = rcl.figure
        dates = [d for d in view.dates if d.first is not None and not SPEECH_DATE.search(view.text[max(0, d.start - 60):d.start])]
        date = date_end = None
        prec = "unknown"
        if dates:
            d = min(dates, key=lambda d: abs(d.start - rcl.pos))
            first, last = not_after(d.first, d.last, ctx.published)
            if first is not None:
                date, date_end, prec = first.isoformat(), (last.isoformat() if last and last != first else None), d.precision
        place = next((p.name for p in view.places if not p.generic and not p.bare), None)
        key = (rcl.metric, claimant, f.value, f.low, f.high)
        if key in seen:
            continue
        seen.add(key)
        out.append(Claim(
            report_id=report.id, claimant=claimant, metric=rcl.metric, evidence=view.text,
            subject=_name(subject, prep), value=f.value, value_low=f.low, value_high=f.high,
            approximate=f.approximate, place=place, date=date, date_end=date_end, date_precision=prec,
            rule=f"claim_{rcl.metric}", extractor_version=EXTRACTOR_VERSION,
        ))
    return out
