"""Stage 3b — claim assembly: a figure, what it counts, and who states it.

A figure ("at least 40", "dozens", "15 of the 17") becomes a claim when the words around
it say what it counts: the noun after it ("40 soldiers", "three bases", "5,000 people") and
the verb of its clause ("killed", "seized", "fled"), or a noun that is the count itself
("40 deaths", "12 prisoners of war"). The claimant is the actor the sentence (or its quoted
paragraph) attributes the figure to, else the actor that did what the figure counts, else
the outlet; junta state media speak for the junta. The subject is the actor the counted
people belong to ("junta soldiers"), or, for places taken, the side that lost them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ingestion.extract.figures import Figure
from ingestion.extract.mentions import Actor, SentenceMentions

PEOPLE = (r"(?:soldiers?|troops|fighters|people|persons|civilians|personnel|members|police(?:men)?|officers|"
          r"conscripts|militia(?:men)?|men|women|children|villagers|residents|combatants|comrades|rebels|insurgents|"
          r"terrorists|recruits|servicemen|staff|family\s+members|prisoners|POWs|captives|deserters|individuals|"
          r"commanders|cadres|pilots|monks|students|guards|infantrymen|militants|others|defectors|"
          r"[A-Z][A-Za-z]{1,6}\s+(?:soldiers|troops|fighters|members|personnel))")
METRIC_NOUNS: list[tuple[str, re.Pattern]] = [
    ("killed", re.compile(r"^(?:deaths?|fatalities|dead|bodies|corpses|killed|were\s+killed|lives)\b", re.I)),
    ("wounded", re.compile(r"^(?:injuries|injured|wounded)\b", re.I)),
    ("captured_personnel", re.compile(r"^(?:prisoners\s+of\s+war|POWs?|captives|detainees|prisoners|war\s+prisoners)\b", re.I)),
    ("surrendered", re.compile(r"^(?:defectors|deserters)\b", re.I)),
    ("displaced", re.compile(r"^(?:(?:internally\s+)?displaced|refugees|IDPs|evacuees|households|families)\b", re.I)),
    ("clashes", re.compile(r"^(?:clashes|battles|engagements|skirmishes|armed\s+clashes|rounds?\s+of\s+fighting|"
                           r"fights|military\s+engagements|offensives|confrontations|encounters|ambushes|attacks)\b", re.I)),
    ("aircraft_downed", re.compile(r"^(?:(?:military\s+|junta\s+|fighter\s+)?(?:aircraft|jets?|planes?|helicopters?|"
                                   r"airplanes?|fighter\s+jets?))\b", re.I)),
    ("bases_captured", re.compile(r"^(?:(?:\w+\s+){0,2}(?:bases|base|battalion\s+headquarters|headquarters|garrisons|"
                                  r"battalions|tactical\s+commands|commands))\b", re.I)),
    ("outposts_captured", re.compile(r"^(?:(?:\w+\s+){0,2}(?:outposts?|camps?|posts?|positions|checkpoints|"
                                     r"strongholds|hill\s+posts|security\s+posts|stations|fortifications))\b", re.I)),
    ("towns_captured", re.compile(r"^(?:(?:\w+\s+){0,1}(?:towns?|townships?|cities|city|district\s+capitals|"
                                  r"township\s+seats|border\s+towns|urban\s+centres))\b", re.I)),
    ("weapons_seized", re.compile(r"^(?:(?:\w+\s+){0,2}(?:weapons|arms|firearms|guns|rifles|ammunition|rounds|"
                                  r"bullets|mortars?|rockets?|launchers|vehicles|tanks|drones|artillery|"
                                  r"shells|bombs|grenades|landmines|mines|missiles))\b", re.I)),
]
PEOPLE_RE = re.compile(rf"^(?:(?:\w+['’]?s?\s+){{0,3}}){PEOPLE}\b")
VERB_CLASS: list[tuple[str, re.Pattern]] = [
    ("killed", re.compile(r"\b(?:kill(?:ed|ing|s)?|died|dead|deaths?|slain|lost\s+their\s+lives|perished|"
                          r"executed|massacred|murdered|fatalities|neutrali[sz]ed|eliminated|lost)\b", re.I)),
    ("wounded", re.compile(r"\b(?:wound(?:ed|ing)?|injur(?:ed|ing|ies)|hurt)\b", re.I)),
    ("surrendered", re.compile(r"\b(?:surrender(?:ed|ing|s)?|defect(?:ed|ing)?|laid\s+down|gave\s+up|"
                               r"handed\s+themselves)\b", re.I)),
    ("captured_personnel", re.compile(r"\b(?:captur(?:ed|ing|es?)|detain(?:ed|ing)|arrest(?:ed|ing)|"
                                      r"(?:taken|took)\s+(?:as\s+)?(?:prisoners?|captive)|abduct(?:ed|ing)|"
                                      r"held\s+captive|seized|apprehended|caught)\b", re.I)),
    ("displaced", re.compile(r"\b(?:displac(?:ed|ing|ement)|fled|flee(?:ing)?|forced\s+to\s+leave|"
                             r"sheltering|evacuat(?:ed|ing)|refuge|uprooted)\b", re.I)),
    ("seized", re.compile(r"\b(?:seiz(?:ed|ing|e)|captur(?:ed|ing|e)|overr(?:an|un)|took|taken|occupied|"
                          r"conquered|control(?:led)?|gained|won|liberated|fell|lost|recaptur(?:ed|ing)|"
                          r"retook|retaken|over)\b", re.I)),
    ("downed", re.compile(r"\b(?:shot\s+down|downed|destroyed|crashed)\b", re.I)),
    ("clashes", re.compile(r"\b(?:clash(?:es|ed)?|fought|fighting|battles?|engag(?:ed|ements?))\b", re.I)),
]
SKIP_AFTER = re.compile(
    r"^\s*(?:%|percent|per\s+cent|km|kilomet|miles?|mi\b|metres|meters|feet|ft\b|years?|months?|weeks?|days?|"
    r"hours?|minutes?|a\.?m\b|p\.?m\b|o['’]clock|kyats?|baht|dollars|US\$|\$|acres?|hectares|square|times|"
    r"th\b|st\b|nd\b|rd\b|storey|mm\b|millimet|kg\b|tons?|decades?|centuries|-year|-month|-day|-mile|mile|"
    r"battalions?\s+(?!headquarters)|Light\s+Infantry|Infantry|LIB|IB\b|MOC|ROC|Regional|Military\s+Operations)", re.I)
SKIP_BEFORE = re.compile(r"(?:\b(?:No\.?|number|aged|age|since|in|of\s+the|Battalion|LIB|IB|MOC|ROC|LID|"
                         r"Division|Command|Route|Highway|Mile|Ward|Quarter|Block|Road|Street)\s*[-–]?\s*|[$€£#])$")
_OF_THE = re.compile(r"^\s*(?:of|out\s+of)\s+(?:the|its|their|all)?\s*(?:\d[\d,]*|\w+)?\s*", re.I)
STATE_MEDIA = re.compile(r"global\s+new\s+light|mrtv|myawady|ministry\s+of\s+information|state\s+media|"
                         r"true\s+news|myanma\s+alinn|kyemon|information\s+team", re.I)


@dataclass
class RawClaim:
    figure: Figure
    metric: str
    claimant: str | None
    subject: str | None
    rule: str


def find_claims(sm: SentenceMentions, text: str, military: str, speaker: str | None,
                taken: list[tuple[int, int]]) -> list[RawClaim]:
    """The claims of one sentence. ``taken`` are spans already used (dates, unit numbers)."""
    out: list[RawClaim] = []
    s = sm.sentence
    for f in sm.figures:
        if any(not (f.end <= a or f.start >= b) for a, b in taken):
            continue
        if _is_year(f):
            continue
        after = text[f.end:min(s.end, f.end + 80)]
        before = text[max(s.start, f.start - 80):f.start]
        if SKIP_AFTER.match(after) or SKIP_BEFORE.search(before):
            continue
        agg = _OF_THE.match(after)
        noun_part = after[agg.end():] if agg and agg.end() > 3 else after
        noun_part = noun_part.lstrip()
        metric, rule = _metric(noun_part, before, after, text, f, s)
        if metric is None:
            continue
        claimant, subject = _parties(sm, text, f, metric, noun_part, military, speaker)
        out.append(RawClaim(f, metric, claimant, subject, rule))
    return out


def _is_year(f: Figure) -> bool:
    v = f.value
    return v is not None and 1900 <= v <= 2100 and "," not in f.text and float(v).is_integer() and len(f.text.strip()) == 4


def _clause_text(text: str, f: Figure, s) -> tuple[str, str]:
    a = max(s.start, f.start - 90)
    b = min(s.end, f.end + 90)
    left = re.split(r"[;:]|,\s*(?:while|but|and|whereas)\s", text[a:f.start])[-1]
    right = re.split(r"[;:]|,\s*(?:while|but|whereas)\s|\.\s", text[f.end:b])[0]
    return left, right


def _metric(noun_part: str, before: str, after: str, text: str, f: Figure, s) -> tuple[str | None, str]:
    for metric, rx in METRIC_NOUNS[:7]:
        if rx.match(noun_part):
            if metric == "aircraft_downed" and not VERB_CLASS[6][1].search(text[s.start:s.end]):
                continue
            if metric == "displaced" and noun_part.lower().startswith(("households", "families")):
                if not VERB_CLASS[4][1].search(text[s.start:s.end]):
                    continue
            return metric, f"noun:{metric}"
    left, right = _clause_text(text, f, s)
    if PEOPLE_RE.match(noun_part):
        for vclass, rx in VERB_CLASS[:5]:
            m_right = rx.search(right[:70])
            m_left = rx.search(left[-70:])
            if m_right or m_left:
                if vclass == "captured_personnel" and re.search(r"\bprisoners\b", noun_part[:30], re.I) is None:
                    pass
                return vclass, f"people:{vclass}"
        return None, ""
    for metric, rx in METRIC_NOUNS[7:]:
        if rx.match(noun_part):
            verb = VERB_CLASS[5][1]
            if metric == "weapons_seized":
                if verb.search(left[-70:]) or verb.search(right[:60]) or re.search(r"\bconfiscat|recover|haul", left + right, re.I):
                    return metric, f"noun:{metric}"
                return None, ""
            if verb.search(left[-80:]) or verb.search(right[:60]):
                return metric, f"noun:{metric}"
            if re.search(r"\b(?:under\s+(?:the\s+)?(?:control|\w+\s+control)|in\s+the\s+hands)", right[:80], re.I):
                return metric, f"noun:{metric}"
            return None, ""
    return None, ""


def _parties(sm: SentenceMentions, text: str, f: Figure, metric: str, noun_part: str, military: str,
             speaker: str | None) -> tuple[str | None, str | None]:
    named = [a for a in sm.actors if a.key]
    # the subject: an actor inside the counted noun phrase ("40 junta soldiers", "of the KIA")
    subject = None
    np_end = f.end + len(noun_part[:60])
    for a in named:
        if f.end <= a.start <= f.end + 45 and a.start < np_end:
            subject = a.key
            break
    agent = None
    before = [a for a in named if a.end <= f.start and f.start - a.end <= 140]
    if before:
        agent = before[0].key if len(before) > 1 and before[0].start == sm.sentence.start else before[-1].key
        if agent == subject and len(before) > 1:
            agent = next((a.key for a in reversed(before) if a.key != subject), agent)
    claimant = speaker or (agent if agent != subject else None)
    if metric in ("bases_captured", "outposts_captured", "towns_captured", "weapons_seized", "aircraft_downed",
                  "captured_personnel", "surrendered", "killed", "wounded") and subject is None:
        side = claimant or agent
        if metric in ("bases_captured", "outposts_captured", "towns_captured", "captured_personnel", "surrendered",
                      "aircraft_downed") and side and side != military:
            subject = military
    if metric == "displaced":
        subject = None
    return claimant, subject


def speaker_of(sm: SentenceMentions, text: str, outlet: str | None) -> str | None:
    """The actor the sentence's speech verb belongs to ("the KIA said", "according to the
    junta"); junta state media named in the sentence count as the junta."""
    for a, b in sm.speech:
        near = [x for x in sm.actors if x.key and (0 <= a - x.end <= 60 or 0 <= x.start - b <= 50)]
        if near:
            return min(near, key=lambda x: min(abs(a - x.end), abs(x.start - b))).key
    return None


def is_state_media(name: str | None) -> bool:
    return bool(name) and STATE_MEDIA.search(name) is not None


Actor = Actor  # re-exported for type hints in the pipeline
