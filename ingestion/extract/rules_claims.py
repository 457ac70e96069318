"""Rules for claims: a figure, the verb or noun that says what it counts, who says it and
whom it is about. "More than 80 junta soldiers were killed and we captured 35 alive" gives
killed (low 81, subject the military) and captured_personnel (35).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ingestion.extract.context import SentenceView
from ingestion.extract.figures import Figure, find_figures
from ingestion.extract.scan import LiteralFilter, may_contain

# a sentence without any of these (any case) states no claim
PRE_FILTER_STEMS = (
    "kill", "death", "dead", "died", "toll", "wound", "injur", "captur", "prisoner", "surrender", "defect", "seiz",
    "weapon", "arms", "downed", "fled", "displac", "uproot", "left", "lost", "outpost", "base", "camp", "town", "clash")
PRE_FILTER = LiteralFilter(
    re.compile("|".join(PRE_FILTER_STEMS) + r"|handed\s+themselves|shot\s+down", re.I), PRE_FILTER_STEMS,
    partial=("handed", "shot"))

# verb right before the figure: "killed 14", "captured 35", "put the death toll at 16"
HEAD_VERB = re.compile(
    r"(?P<v>killed|killing|kill|wounded|wounding|injured|injuring|captured|capturing|seized|seizing|took|taken|"
    r"arrested|detained|lost|losing|shot\s+down|downed|destroyed|displaced|displacing|overran|overrunning|"
    r"death\s+toll\s+(?:at|to|of|rose\s+to|climbed\s+to)|put\s+the\s+death\s+toll\s+at|deaths\s+of|"
    r"(?:took|taken|gained|seized)\s+control\s+of|surrendered|freed|recaptured|retook)\s+"
    r"(?:(?:a\s+total\s+of|another|a\s+further|an\s+estimated|in\s+total|in\s+all)\s+)?$", re.I)
# verb after the figure and its noun: "30 junta soldiers were killed", "nine captured"
TAIL_VERB = re.compile(
    r"^\s*(?P<np>(?:[\w'’-]+,?\s+){0,7}?)(?:(?:had|have|has|were|was|are|is|reportedly|allegedly|also|now|since|been|being)\s+)*"
    r"(?P<v>killed|dead|died|deaths|death|wounded|injured|captured|taken\s+prisoner|taken\s+captive|arrested|detained|"
    r"surrendered|defected|deserted|handed\s+themselves\s+over|displaced|fled|left|uprooted|seized|confiscated|shot\s+down|"
    r"lost\s+their\s+lives|casualties)\b", re.I)
WEAPONS = re.compile(r"\b(?:weapons?|arms|firearms|guns?|rifles?|ammunition|mortars?|rockets?|launchers?|vehicles?|tanks?|drones?)\b", re.I)
OUTPOSTS = re.compile(r"\b(?:outposts?|posts?|positions?|checkpoints?)\b", re.I)
BASES = re.compile(r"\b(?:bases?|camps?|battalion|headquarters|garrisons?)\b", re.I)
TOWNS = re.compile(r"\b(?:towns?|township\s+seats?|cities|city|townships)\b", re.I)
AIRCRAFT = re.compile(r"\b(?:aircraft|jets?|planes?|helicopters?|drones?)\b", re.I)
PEOPLE = re.compile(r"\b(?:people|residents|villagers|civilians|families|households|persons|men|women|children|IDPs|refugees|inhabitants)\b", re.I)
ARMED = re.compile(r"\b(?:soldiers|troops|fighters|police|policemen|conscripts|militia|personnel|officers|terrorists|insurgents|rebels|members)\b", re.I)
SKIP_AFTER = re.compile(
    r"^\s*(?:-|–)?\s*(?:days?|weeks?|months?|years?|hours?|minutes?|miles?|km|kilometres?|kilometers?|yards?|metres?|meters?|feet|"
    r"mm|am|pm|a\.m|p\.m|percent|per\s+cent|%|year-old|-year-old|times|rounds?|o'clock|th|st|nd|rd|kyat|baht|dollars?|USD|\$)\b", re.I)
SKIP_BEFORE = re.compile(
    r"(?:\b(?:since|in|of|by|from|until|before|after|aged|age|Operation|No\.?|number|phase|Battalion|IB|LIB|TB|MOC|LID|ROC|Brigade|Division|"
    r"Command|Article|Section|route|Highway|the\s+\d+(?:st|nd|rd|th)?)\s*[-–(]?\s*|\d\s*,?\s*|\bof\s+the\s+(?:state|region|country)[’']s\s+)$", re.I)
INCLUDING = re.compile(r"\b(?:including|among\s+them|of\s+whom|of\s+them)\s+$", re.I)
COORD = re.compile(r"^\s*(?:[\w'’-]+,?\s+){0,14}?(?:and|,|along\s+with|as\s+well\s+as|plus|while)\s+(?:also\s+)?(?:another\s+)?$", re.I)
OWN = re.compile(r"^\s*(?:of\s+)?(?:its|their|our|his|her)\s+own\b|^\s*of\s+(?:its|their|our)\b|^\s*(?:of\s+)?(?:our|its|their)\s+(?:fighters|members|troops|soldiers|men|comrades)\b", re.I)


# the last word before the trailing white space of every HEAD_VERB / INCLUDING match ends
# with one of these (lower case): a cheap test before the end-anchored searches
HEAD_VERB_ENDS = (
    "kill", "killed", "killing", "wounded", "wounding", "injured", "injuring", "captured", "capturing", "seized",
    "seizing", "took", "taken", "arrested", "detained", "lost", "losing", "down", "downed", "destroyed", "displaced",
    "displacing", "overran", "overrunning", "at", "to", "of", "surrendered", "freed", "recaptured", "retook",
    "another", "further", "estimated", "total", "all")
INCLUDING_ENDS = ("including", "them", "whom")


def _may_end_with(text: str, ends: tuple[str, ...]) -> bool:
    """False only when an end-anchored case-insensitive pattern whose matches end with one of
    the lower-case ``ends`` and then white space cannot match ``text``. Non-ASCII: True."""
    if not text.isascii():
        return True
    word = text.rstrip()
    if len(word) == len(text) or not word:
        return False
    return word.lower().endswith(ends)


def _head_verb(head: str) -> re.Match | None:
    """``HEAD_VERB.search(head)``, skipped when the last word cannot end it."""
    return HEAD_VERB.search(head) if _may_end_with(head, HEAD_VERB_ENDS) else None


def _including(text: str) -> bool:
    """``INCLUDING.search(text)``, skipped when the last word cannot end it."""
    return _may_end_with(text, INCLUDING_ENDS) and INCLUDING.search(text) is not None


# "shot down a junta fighter jet": every match contains "down" (any case)
SINGLE_AIRCRAFT = re.compile(
    r"\b(?:shot\s+down|downed|brought\s+down)\s+(?:a|an|one)\s+(?:[\w'’-]+\s+){0,3}?(?:aircraft|jet|plane|helicopter|fighter|drone)\b",
    re.I)


@dataclass
class RawClaim:
    metric: str
    figure: Figure
    subject_hint: str | None  # "own", "enemy", "actor:<key>", "people", None
    pos: int
    sentence: SentenceView


def _verb_class(v: str) -> str:
    v = v.lower()
    if v.startswith(("kill", "dead", "died", "death", "lost their", "put the death", "casualt")):
        return "killed"
    if v.startswith("los"):
        return "lost"
    if v.startswith(("wound", "injur")):
        return "wounded"
    if v.startswith(("surrender", "defect", "desert", "handed")):
        return "surrendered"
    if v.startswith(("displac", "fled", "left", "uproot")):
        return "displaced"
    if v.startswith(("shot down", "downed")):
        return "aircraft"
    if v.startswith(("arrest", "detain", "taken prisoner", "taken captive")):
        return "captured_personnel"
    if v.startswith("destroy"):
        return "destroyed"
    return "captured"


def _metric(vclass: str, np: str) -> str | None:
    if vclass == "captured":
        if WEAPONS.search(np):
            return "weapons_seized"
        if AIRCRAFT.search(np) and not ARMED.search(np):
            return "aircraft_downed"
        if TOWNS.search(np):
            return "towns_captured"
        if OUTPOSTS.search(np):
            return "outposts_captured"
        if BASES.search(np):
            return "bases_captured"
        return "captured_personnel"
    if vclass == "lost":
        if ARMED.search(np) or re.search(r"\b(?:lives|men)\b", np):
            return "killed"
        return None
    if vclass == "displaced":
        return "displaced" if PEOPLE.search(np) and not ARMED.search(np) else None
    if vclass == "aircraft":
        return "aircraft_downed"
    if vclass == "destroyed":
        return None
    return vclass


def _np_after(s: str, pos: int) -> str:
    m = re.match(r"^\s*(?:of\s+(?:the\s+)?(?:[\w'’-]+\s+)?\d[\d,]*\s+)?(?:[\w'’-]+[,.;:]?\s*){0,5}", s[pos:pos + 100])
    return m.group() if m else ""


def _subject_hint(np: str, sent: SentenceView, a: int, b: int) -> str | None:
    if OWN.search(np):
        return "own"
    for m in sent.actors:
        if m.start >= a and m.end <= b and m.key:
            return f"actor:{m.key}"
    if re.search(r"\b(?:terrorists|insurgents|rebels|attackers|enemy)\b", np, re.I):
        return "enemy"
    if re.search(r"\b(?:soldiers|troops|police|policemen|conscripts|personnel)\b", np, re.I):
        return "military"
    if PEOPLE.search(np):
        return "people"
    return None


def find_claims(sent: SentenceView, skip_spans: list[tuple[int, int]]) -> list[RawClaim]:
    s = sent.text
    if not PRE_FILTER.search(s):
        return []
    figs = [f for f in find_figures(s) if all(f.end <= a or f.start >= b for a, b in skip_spans)]
    figs = [f for f in figs if not (SKIP_AFTER.match(s[f.end:f.end + 20]) or SKIP_BEFORE.search(s[max(0, f.start - 25):f.start]))]
    # a figure inside "including two officers" does not cut the phrase it qualifies
    figs = [f for f in figs if not (_including(s[max(0, f.start - 20):f.start]) and not re.match(r"^\s*(?:[\w'’-]+\s+){0,2}?(?:in|from|at)\b", s[f.end:f.end + 30]))]
    out: list[RawClaim] = []
    prev_end = 0
    prev_class: str | None = None
    for i, f in enumerate(figs):
        next_start = figs[i + 1].start if i + 1 < len(figs) else len(s)
        head = s[prev_end:f.start]
        tail = s[f.end:next_start]
        if SKIP_AFTER.match(tail) or SKIP_BEFORE.search(s[max(0, f.start - 25):f.start]):
            prev_end = f.end
            continue
        if re.match(r"^\s*(?:of\s+the\s+)?\d", tail) and not re.match(r"^\s*(?:of\s+the\s+)", tail):
            prev_end = f.end
            continue
        if _including(head) and not re.match(r"^\s*(?:in|from|at)\b", tail):
            prev_end = f.end
            continue
        vclass = None
        np = ""
        hv = _head_verb(head)
        if hv:
            vclass = _verb_class(hv.group("v"))
            np = _np_after(s, f.end)
            stop = re.search(r"\b(?:and|while|but|who|which|that|in|on|at|during|since|after|near|from|,)\b|,", np)
            if stop:
                np = np[:stop.start()]
        else:
            tm = TAIL_VERB.match(tail[:90])
            if tm and not re.search(r"\b(?:said|says|that|which|who|when)\b|[;:]", tm.group("np")):
                vclass = _verb_class(tm.group("v"))
                np = tm.group("np")
                if vclass == "captured" and not np.strip() and re.match(r"\s*(?:were\s+|had\s+been\s+)?captured", tail) is None:
                    pass
            elif prev_class and COORD.match(head):
                vclass = prev_class
                np = _np_after(s, f.end)
        if vclass is None:
            prev_end = f.end
            continue
        metric = _metric(vclass, np)
        if vclass == "displaced" and metric is None and not ARMED.search(np) and re.search(r"\b(?:displaced)\b", tail[:40]):
            metric = "displaced"
        if metric is None:
            prev_end = f.end
            continue
        hint = _subject_hint(np, sent, f.end, f.end + len(np) + 1)
        if metric == "killed" and hint is None and re.match(r"^\s*(?:of\s+)?(?:its|their|our)\s+own", tail):
            hint = "own"
        out.append(RawClaim(metric, f, hint, f.start, sent))
        prev_class = vclass
        prev_end = f.end
    # "shot down a junta fighter jet": a single aircraft
    for m in (SINGLE_AIRCRAFT.finditer(s) if may_contain(s, ("down",)) else ()):
        if not any(c.metric == "aircraft_downed" and m.start() <= c.pos <= m.end() for c in out):
            out.append(RawClaim("aircraft_downed", Figure(m.start(), m.end(), 1, None, None, False, m.group()), "military", m.start(), sent))
    return out
