"""Rules for control changes: a trigger verb, the place(s) it governs, the actor that
does it, its date; negation and intent are not changes.

Each trigger has a *change* (captured / withdrew / contested / held) and a *voice*:
``active`` (actor before, places after: "the KIA seized Hopin"), ``passive`` (places before,
actor after: "the town fell to the KNLA"), ``state`` (places before, actor inside:
"remains under junta control").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ingestion.extract.context import (BASE_KINDS, ReportContext, SentenceView,
                                       is_pure_reference)
from ingestion.extract.places import Place
from ingestion.extract.scan import LiteralFilter, contains_any

_CTRL = r"(?:full\s+|complete\s+|effective\s+)?control\s+(?:of|over)"
TRIGGERS: list[tuple[str, str, str, re.Pattern]] = [
    ("captured_partial", "contested", "active", re.compile(
        r"\b(?:occup(?:y|ies|ied)|holds?|held|controls?|controlled|pushed\s+into|entered)\s+(?:more\s+than\s+half|half|part|parts|a\s+section|a\s+part|sections|most)\s+of\b")),
    ("captured_active", "captured", "active", re.compile(
        rf"\b(?:(?:have|has|had)\s+)?(?:captured|capturing|seized(?:\s+{_CTRL})?|seizing|overran|overrun|overrunning|"
        rf"(?:took|taken|taking|takes|gained|gaining|won|wrested)\s+{_CTRL}|took\s+over|taken\s+over|taking\s+over|take\s+over|"
        rf"took|stormed|storming|occupied|occupying|cleared|clearing|liberated|liberating)\b")),
    ("recaptured_active", "captured", "active", re.compile(
        rf"\b(?:(?:have|has|had)\s+)?(?:retook|retaken|retaking|recaptured|recapturing|regained(?:\s+{_CTRL})?|regaining(?:\s+{_CTRL})?|"
        rf"reclaimed|won\s+back|took\s+back|taken\s+back)\b")),
    ("captured_passive", "captured", "passive", re.compile(
        r"\b(?:was|were|had\s+been|has\s+been|have\s+been|being)\s+(?:captured|seized|overrun|taken|retaken|recaptured|occupied|stormed|cleared|liberated)\b"
        r"|\bfell\s+(?:to|into\s+the\s+hands\s+of)\b|\bfallen\s+to\b|\bfalls\s+to\b|\bfell\b"
        r"|\bcame\s+under\s+(?:the\s+)?control\s+of\b|\bcame\s+under\s+(?P<ua>[\w'’ -]{2,40}?)\s+control\b")),
    ("handed_over", "captured", "handover", re.compile(r"\bhanded\s+(?:\w+\s+)?(?:back|over)\s+to\b|\bhanded\s+back\b")),
    ("withdrew_active", "withdrew", "active", re.compile(
        r"\b(?:withdr[ae]wn?|withdrawing|pull(?:ed|ing)\s+(?:back|out)|retreat(?:ed|ing)|abandon(?:ed|ing)|evacuat(?:ed|ing)|"
        r"fled|vacated|lost\s+control\s+of)\b")),
    ("contested_active", "contested", "active", re.compile(
        r"\b(?:besieg(?:ed|ing)|laid\s+siege\s+to|laying\s+siege\s+to|surround(?:ed|ing)|encircl(?:ed|ing)|attacked|attacking|assaulted|"
        r"battling\b[^.;]{0,40}?\bfor|fighting\s+(?:for|over)|clashes\s+(?:near|around|at|in)|"
        r"(?:fighting|clashes|battles?)\s+(?:was\s+|were\s+|is\s+|are\s+|has\s+|have\s+|had\s+)?(?:been\s+)?(?:still\s+)?(?:continuing|continued|continues|ongoing|raging|going\s+on|reported|taking\s+place|under\s+way)\s+(?:on|in|at|around|near|for|inside)?)\b")),
    ("contested_state", "contested", "state", re.compile(
        r"\b(?:has|have|had)\s+been\s+(?:contested|besieged|under\s+siege)|\b(?:is|are|was|were|remains?|remained)\s+(?:still\s+)?(?:contested|besieged|under\s+siege)\b")),
    ("held_active", "held", "active", re.compile(
        rf"\b(?:(?:still|now|also|firmly)\s+)+(?:holds?|held|controls?|controlled|occup(?:y|ies))\b|\b(?:holds|has\s+held|have\s+held|had\s+held|controls)\b"
        rf"|\bremain(?:s|ed)?\s+in\s+{_CTRL}|\bmaintain(?:s|ed)?\s+{_CTRL}|\bheld\s+{_CTRL}|\bis\s+in\s+{_CTRL}|\bretain(?:s|ed)?\b")),
    ("held_state", "held", "state", re.compile(
        r"\b(?:remains?|remained|is|are)\s+(?:still\s+|firmly\s+)?under\s+the\s+control\s+of\b"
        r"|\b(?:remains?|remained|is|are|was|were|has\s+been|have\s+been|had\s+been|stays?|stayed|still)\s+(?:firmly\s+|still\s+|now\s+|fully\s+|largely\s+)?"
        r"(?:under|in)\s+(?:the\s+)?(?:full\s+|firm\s+)?(?!control\b)(?P<sa>[\w'’ -]{2,30}?)\s+(?:control|hands)\b"
        r"|\b(?:has|have|had)\s+been\s+(?:controlled|held)\s+by\b|\b(?:is|are|was|were)\s+(?:controlled|held)\s+by\b")),
]
# case-sensitive substrings one of which every match of the trigger contains: a trigger whose
# stems are all absent from a sentence is not searched at all
TRIGGER_STEMS: dict[str, tuple[str, ...]] = {
    "captured_partial": ("occup", "hold", "held", "control", "pushed", "entered"),
    "captured_active": ("captur", "seiz", "overr", "tak", "took", "gain", "won", "wrest", "storm", "occup", "clear",
                        "liberat"),
    "recaptured_active": ("retook", "retak", "recaptur", "regain", "reclaim", "back"),
    "captured_passive": ("captured", "seized", "overrun", "taken", "occupied", "stormed", "cleared", "liberated",
                         "fell", "fallen", "falls", "came"),
    "handed_over": ("handed",),
    "withdrew_active": ("withdr", "pull", "retreat", "abandon", "evacuat", "fled", "vacated", "lost"),
    "contested_active": ("besieg", "siege", "surround", "encircl", "attack", "assaulted", "battl", "fighting", "clashes"),
    "contested_state": ("contested", "besieged", "siege"),
    "held_active": ("hold", "held", "control", "occup", "maintain", "retain"),
    "held_state": ("control", "hands", "held"),
}
RECAPTURE_VERB = re.compile(r"\b(?:re(?:took|taken|taking|captured|capturing|gained|gaining|claimed)|back)\b")

# a sentence without any of these stems (any case) has no trigger
PRE_FILTER_STEMS = (
    "captur", "seiz", "overr", "control", "took", "taken", "taking", "stormed", "storming", "occup", "clear", "liberat",
    "retook", "retak", "regain", "recla", "back", "fell", "fallen", "falls", "hand", "withdr", "pull", "retreat",
    "abandon", "evacuat", "fled", "vacated", "siege", "besieg", "surround", "encircl", "attack", "assault", "battl",
    "fighting", "clashes", "contested", "hold", "held", "remain", "maintain", "retain", "hands", "entered", "pushed")
PRE_FILTER = LiteralFilter(re.compile("|".join(PRE_FILTER_STEMS), re.I), PRE_FILTER_STEMS)

NEGATION = re.compile(
    r"(?:\b(?:fail(?:ed|s)?|attempt(?:ed|ing|s)?|trying|tried|try|plan(?:s|ned)?|aim(?:s|ed)?|vow(?:ed|s)?|threaten(?:ed|s)?|"
    r"prepar(?:ing|ed|es)|sought|seek(?:s|ing)?|bid|push(?:ed)?|order(?:ed)?|want(?:s|ed)?|hope(?:s|d)?|intend(?:s|ed)?|"
    r"offensive|counteroffensive|counter-offensive|assaults?|operation|campaign)\s+to\s+(?:[\w'’-]+\s+){0,2}$"
    r"|\b(?:not|never|no\s+longer|n't|neither|nor|whether|denied|deny|denies|denying|prevent(?:ed|ing)?)\s+(?:[\w'’-]+\s+){0,4}$"
    r"|\b(?:would|will|could|might|(?-i:may)|can|cannot|to)\s+(?:\w+\s+)?$"
    r"|\b(?:if|unless|before\s+it)\s+(?:[\w'’-]+\s+){0,4}$)",
    re.I,
)
SUCCESS_TO = re.compile(r"\b(?:managed|succeeded|able|went\s+on)\s+to\s+(?:[\w'’-]+\s+){0,2}$", re.I)
ADJECTIVAL = re.compile(r"\b(?:the|a|an|two|three|four|both|its|their|newly|recently)\s+$", re.I)
CLAUSE_MARK = re.compile(r"\b(?:that|said|says|claimed|after|while|whereas|when|as|but|because|since|although|though)\b|[;:]|,\s+(?:and|but|while)\b")
CHAIN_GAP = re.compile(
    r"^(?:\s*,?\s*itself)?(?:\s*,?\s*(?:on|in|near|at|around|outside|above|below|inside|by|of|north|south|east|west|about)\b[^,;]{0,70}?)?"
    r"\s*(?:,|,?\s*and|,?\s*as\s+well\s+as|,?\s*along\s+with|,?\s*plus|&)\s*(?:also\s+)?(?:the\s+|its\s+|a\s+|an\s+)?"
    r"(?:(?:headquarters|base|bases|camp|camps)\s+of\s+(?:the\s+)?(?:(?:military|junta|army|regime|Tatmadaw)(?:[’']s)?\s+)?)?$", re.I)
OBJ_LEAD = re.compile(
    r"^\s*(?:back\s+)?(?:the\s+|a\s+|an\s+)?(?:(?:headquarters|base|bases|camp|seat|hq|compound|garrison|rest|remainder|whole|all|most|much|part|parts|half|some|several)\s+of\s+(?:the\s+)?)?"
    r"(?:(?:military|junta|army|regime|Tatmadaw|SAC)(?:[’']s)?\s+)?$", re.I)
REF_OBJ = re.compile(r"^\s*(?:forces\s+|troops\s+)?(?:from\s+)?(?:most\s+of\s+|all\s+of\s+|part\s+of\s+)?(?:its|their|the)\s+(?:area|posts|positions|position|post|camp|base|bases|outposts?)\b|^\s*(?:from\s+)?(?:it|them)\b", re.I)
_BARE_VERB_CLAUSE = re.compile(r"^\s*(?:still\s+|also\s+|now\s+)?$")
_POSS = re.compile(r"\s+[’']s\b")
DENIAL = re.compile(r"\bdenied\s+(?:the|this|that|these|those|such)\s+(?:reports?|claims?|accounts?)\b", re.I)
PEOPLE_SUBJECT = re.compile(r"\b(?:residents|villagers|civilians|people|families|households|refugees|men|women|children)\b", re.I)


@dataclass
class RawChange:
    """A change before dates and merging: the trigger, the places, the actors."""

    change: str
    rule: str
    places: list[Place]
    actor_to: str | None
    actor_from: str | None
    recapture: bool
    trig_start: int
    trig_end: int
    sentence: SentenceView
    obj_end: int


_RULE_BITS: dict[str, int] = {}  # word (as written) -> bit i set when it holds a stem of TRIGGERS[i]


def _word_rules(word: str) -> int:
    """The bits of the triggers one of whose stems ``word`` contains (cached: words repeat)."""
    bits = 0
    for i, (rule, _change, _voice, _rx) in enumerate(TRIGGERS):
        if contains_any(word, TRIGGER_STEMS[rule]):
            bits |= 1 << i
    if len(_RULE_BITS) < 200_000:
        _RULE_BITS[word] = bits
    return bits


def _rules_present(s: str) -> int:
    """The bits of the triggers whose stems ``s`` contains: a stem holds no white space, so it
    is in ``s`` exactly when it is in one of its words; one look-up per word, not per stem."""
    bits = 0
    get = _RULE_BITS.get
    for w in s.split():
        b = get(w)
        bits |= _word_rules(w) if b is None else b
    return bits


def find_triggers(s: str) -> list[tuple[int, int, str, str, str, re.Match]]:
    """(start, end, rule, change, voice, match) of every trigger, longest first at overlaps."""
    found = []
    present = _rules_present(s)
    for i, (rule, change, voice, rx) in enumerate(TRIGGERS):
        if not present >> i & 1:
            continue
        for m in rx.finditer(s):
            found.append((m.start(), m.end(), rule, change, voice, m))
    found.sort(key=lambda t: (t[0], -(t[1] - t[0])))
    out: list = []
    for t in found:
        if out and t[0] < out[-1][1]:
            if t[1] - t[0] > out[-1][1] - out[-1][0] and t[0] >= out[-1][0]:
                out[-1] = t
            continue
        out.append(t)
    return out


def negated(s: str, start: int) -> bool:
    prefix = s[max(0, start - 70):start]
    if SUCCESS_TO.search(prefix):
        return False
    if ADJECTIVAL.search(prefix) and not re.search(r"\b(?:has|have|had)\s+$", prefix):
        return True
    return NEGATION.search(prefix) is not None


def _clause_start(s: str, pos: int, floor: int) -> int:
    start = floor
    for m in CLAUSE_MARK.finditer(s, floor, pos):
        start = max(start, m.end())
    return start


def _actor_in(sent: SentenceView, a: int, b: int, ctx: ReportContext, first: bool = True) -> str | None:
    mentions = [m for m in sent.actors if m.start >= a and m.end <= b]
    if not first:
        mentions = mentions[::-1]
    for m in mentions:
        key = ctx.resolve_anaphor(m, sent)
        if key:
            return key
    return None


def _places_between(sent: SentenceView, a: int, b: int) -> list[Place]:
    return [p for p in sent.places if p.start >= a and p.end <= b]


def object_chain(sent: SentenceView, pos: int, limit: int, need_from: bool) -> tuple[list[Place], int]:
    """The place(s) a verb at ``pos`` governs: the first place after it, and those listed with it."""
    s = sent.text
    after = [p for p in sent.places if p.start >= pos and p.start < limit]
    if not after:
        return [], pos
    first = None
    for p in after:
        gap = s[pos:p.start]
        # skip actor mentions ("cleared junta troops from X") and short fillers
        g2 = gap
        for a in sent.actors:
            if a.start >= pos and a.end <= p.start:
                g2 = g2.replace(s[a.start:a.end], " ")
        g2 = _POSS.sub(" ", g2)
        if need_from:
            if re.search(r"\bfrom\s+(?:the\s+|a\s+|an\s+)?(?:[\w'’-]+\s+){0,3}$", g2) or re.match(
                    r"^\s*(?:its|their)\s+(?:troops|forces|soldiers|fighters)\s+from\s+(?:the\s+|a\s+)?$", g2):
                first = p
            elif re.match(r"^\s*(?:the\s+|a\s+|an\s+)?$", g2) and not p.bare:
                first = p
            break
        if OBJ_LEAD.match(g2) or re.match(r"^\s*(?:(?:junta|regime|army|military|\w+)\s+)?(?:troops|forces|soldiers)?\s*from\s+(?:the\s+)?$", g2):
            first = p
        elif re.match(r"^\s*(?:the\s+)?(?:[\w'’-]+\s+){0,2}(?:of|in|at|near)\s+(?:the\s+)?$", g2) and not p.bare:
            first = p
        elif len(g2) > 45:
            break
        if first is not None:
            break
        if len(gap) > 45:
            break
    if first is None:
        return [], pos
    chain = [first] + [p for p in sent.places if p is not first and p.start == first.start and p.unit]
    last = first
    for p in sent.places:
        if p.start < last.end or p is first or p.start >= limit:
            continue
        gap = s[last.end:p.start]
        if not first.generic and re.match(r"^\s*,\s*$", gap) and re.match(r"(?:a|an|one\s+of)\s", s[p.start:p.start + 8], re.I):
            break  # "Nam Mar, a railway town": an apposition, not a second place
        if CHAIN_GAP.match(gap) and (p.kind == first.kind or p.unit or first.unit or p.kind in BASE_KINDS and first.kind in BASE_KINDS
                                     or {p.kind, first.kind} <= {"town", "airport", "military_base", "outpost", "other"}):
            chain.append(p)
            last = p
        elif len(gap) > 90:
            break
    return chain, last.end


def subject_chain(sent: SentenceView, a: int, b: int) -> list[Place]:
    """The place(s) a passive or state verb is about: the first place of the clause and those
    listed with it; after ", which" the antecedent of the relative clause."""
    s = sent.text
    region = s[a:b]
    rel = None
    for m in re.finditer(r",?\s+(?:which|that|where)\b", region):
        rel = a + m.start()
    if rel is not None:
        ante = antecedent(sent, rel)
        if ante:
            return [ante]
    cands = _places_between(sent, a, b)
    if not cands:
        return []
    first = cands[0]
    chain = [first] + [p for p in cands[1:] if p.start == first.start and p.unit]
    last = first
    for p in cands[1:]:
        if p in chain:
            continue
        gap = s[last.end:p.start]
        if CHAIN_GAP.match(gap):
            chain.append(p)
            last = p
    return chain


def antecedent(sent: SentenceView, pos: int) -> Place | None:
    """The place a relative pronoun at ``pos`` points back to ("X on the edge of Y, which")."""
    s = sent.text
    before = [p for p in sent.places if p.end <= pos]
    if not before:
        return None
    best = before[-1]
    if s[best.end:pos].strip(" ,") not in ("",) and len(s[best.end:pos]) > 25:
        return None
    for p in reversed(before[:-1]):
        gap = s[p.end:best.start]
        if re.match(r"^\s*(?:of|on|in|near|at|outside|above|around|south\s+of|north\s+of|east\s+of|west\s+of)\b[^,;]{0,50}$", gap) or re.match(r"^\s*(?:of|,)\s*(?:the\s+)?$", gap):
            best = p
        else:
            break
    chain_start = best
    # prefer a named place over a pure reference at the head ("the base of IB 269")
    for p in sent.places:
        if p.start >= chain_start.start and p.end <= pos and not is_pure_reference(p):
            return p
    return chain_start


def find_changes(sent: SentenceView, ctx: ReportContext) -> list[RawChange]:
    s = sent.text
    if not PRE_FILTER.search(s):
        return []
    trigs = find_triggers(s)
    out: list[RawChange] = []
    prev_end = 0
    prev_actor: str | None = None
    prev_subj: str | None = None
    for idx, (t0, t1, rule, change, voice, m) in enumerate(trigs):
        next_t = trigs[idx + 1][0] if idx + 1 < len(trigs) else len(s)
        if negated(s, t0) or (change == "held" and m.group().startswith("had held")):
            prev_end = t1
            continue
        if rule == "captured_active" and m.group().endswith("took") and not re.match(r"\s+(?:the|a|an|over|\w+\s+(?:town|village|base|camp|outpost|ward))\b|\s+[A-Z]", s[t1:t1 + 30]):
            continue
        cstart = _clause_start(s, t0, prev_end)
        places: list[Place] = []
        actor_to = actor_from = None
        obj_end = t1
        recapture = rule.startswith("recaptured") or bool(RECAPTURE_VERB.search(m.group()))
        if voice == "active":
            need_from = change == "withdrew" and not re.match(r"abandon|evacuat|vacated|lost", m.group())
            places, obj_end = object_chain(sent, t1, next_t, need_from)
            if change == "withdrew" and re.match(r"evacuat", m.group()):
                if re.match(r"\s+(?:its|their|the)\s+(?:troops|forces|soldiers|garrison)\s+from\b", s[t1:t1 + 40]):
                    ev, ev_end = object_chain(sent, t1, next_t, True)
                    if ev:
                        places, obj_end = ev, ev_end
                elif not re.match(r"\s+(?:the|a|an)\s+(?:[\w'’-]+\s+){0,2}(?:base|camp|outpost|post|station|town|village|checkpoint)", s[t1:t1 + 50]):
                    places = []
            if not places and REF_OBJ.match(s[t1:t1 + 40]):
                earlier = [p for p in sent.places if p.end <= t0 and not is_pure_reference(p)]
                if out and out[-1].places:
                    places = list(out[-1].places)  # "retook X after the KIA withdrew from it": X
                elif earlier:
                    places = [earlier[-1]]
                elif ctx.last_capture and ctx.last_capture[0] >= sent.index - 1:
                    places = list(ctx.last_capture[1])
            if not places:
                rel = re.search(r"(?:,\s*|\s)(?:which|where)\b[^,;]*$", s[prev_end:t0])
                if rel:
                    ante = antecedent(sent, prev_end + rel.start())
                    if ante:
                        places = [ante]
            subj = _actor_in(sent, cstart, t0, ctx)
            if subj is None and prev_subj and re.search(r"\band\s+(?:then\s+|later\s+|also\s+)?(?:on\s+[^,;]{1,25}?\s+)?$", s[prev_end:t0]):
                subj = prev_subj  # "besieged X since May and on 12 June took Y": same subject
            if subj is not None:
                prev_subj = subj
            if change == "withdrew":
                from_context = False
                if not places:
                    places = [p for p in _places_between(sent, cstart, t0)
                              if not p.bare and p.kind not in ("town", "township") and not is_pure_reference(p)][:1]
                if not places:
                    # "the soldiers fled", "troops retreated towards X": they left the place just taken
                    caps = [c for c in out if c.change == "captured"]
                    if caps:
                        places = list(caps[-1].places)
                        from_context = True
                    elif ctx.last_capture and ctx.last_capture[0] >= sent.index - 3:
                        places = list(ctx.last_capture[1])
                        from_context = True
                if PEOPLE_SUBJECT.search(s[cstart:t0]) and subj is None:
                    continue
                if from_context:
                    cap = caps[-1] if caps else None
                    taker, loser = (cap.actor_to, cap.actor_from) if cap else (ctx.last_capture[2], ctx.last_capture[3])
                    if subj is None or subj == taker:
                        subj = loser or (ctx.military if taker and taker != ctx.military else None)
                if subj is None:
                    subj = prev_actor or (ctx.last_capture[3] if ctx.last_capture and ctx.last_capture[0] >= sent.index - 1 else None)
                actor_from = subj
            else:
                if subj is None:
                    subj = prev_actor if prev_actor else None
                actor_to = subj if change != "contested" else None
            if rule == "captured_partial":
                actor_to = None
        elif voice == "passive":
            places = subject_chain(sent, cstart, t0)
            ua = m.groupdict().get("ua")
            if ua:
                actor_to = _actor_in(sent, m.start("ua"), m.end("ua"), ctx)
            else:
                window_end = min(len(s), t1 + 70, next_t)
                actor_to = _actor_in(sent, t1, window_end, ctx) if re.search(r"\bby\b|\bto\b|\bof\b", s[t0:t1 + 4]) else None
                if actor_to is None and re.match(r"\s+by\b", s[t1:t1 + 5]):
                    actor_to = _actor_in(sent, t1, min(len(s), t1 + 60), ctx)
            if actor_to is None:
                actor_to = prev_actor or ctx.last_subject
        elif voice == "handover":
            places = subject_chain(sent, cstart, t0)
            if not places:
                rel = re.search(r"(?:,\s*|\s)which\b", s[:t0])
                if rel:
                    ante = antecedent(sent, rel.start())
                    places = [ante] if ante else []
            actor_to = _actor_in(sent, t1, min(len(s), t1 + 50), ctx)
            actor_from = _actor_in(sent, cstart, t0, ctx, first=False)
            if actor_from is None:
                rel = re.search(r"\bwhich\b", s[:t0])
                if rel:
                    actor_from = _actor_in(sent, rel.end(), t0, ctx)
            recapture = True
        elif voice == "state":
            places = subject_chain(sent, cstart, t0)
            if not places and cstart > 0 and _BARE_VERB_CLAUSE.match(s[cstart:t0]):
                # "X, near the airport, was hit by drones but remains under military control"
                places = subject_chain(sent, _clause_start(s, cstart - 1, 0) if False else 0, t0)[:1]
            if change == "held":
                sa = m.groupdict().get("sa")
                if sa:
                    actor_to = _actor_in(sent, m.start("sa"), m.end("sa"), ctx)
                    if actor_to is None:
                        prev_end = t1
                        continue
                else:
                    actor_to = _actor_in(sent, t1, min(len(s), t1 + 60), ctx)
        if change == "captured" and actor_to is not None:
            prev_actor = actor_to
        elif change == "withdrew" and actor_from is not None:
            prev_actor = prev_actor or actor_from
        elif change == "held" and actor_to is not None:
            prev_actor = actor_to
        prev_end = max(t1, obj_end)
        places = [p for p in places if p is not None]
        if not places:
            continue
        if change in ("captured", "held") and actor_to is None:
            continue
        if change == "withdrew" and actor_from is None:
            continue
        out.append(RawChange(change, rule, places, actor_to, actor_from, recapture, t0, t1, sent, obj_end))
    return out
