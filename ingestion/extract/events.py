"""Stage 3 — event assembly: one sentence's mentions → control-change events.

Every trigger that is not negated or merely intended becomes an event. Where its place and
its actor are depends on the voice of the trigger:

==============  ===============================  ===================================
voice           place(s)                         actor
==============  ===============================  ===================================
active          after the trigger                before it (the subject)
passive         before it ("X was seized")       after "by"
place_subject   before it ("X fell to")          after it ("to the AA", "AA control")
nominal         after "of" ("the fall of X")     after "by", or a possessive before
==============  ===============================  ===================================

Places after the trigger are the objects when they are coordinated ("A, B and C", "as well
as"); a place after a preposition ("the base at Shwe Gyin in Hpakant Township") only locates
the one before it. An event may keep a back-reference ("the town") or no place at all: the
document stage resolves it.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from ingestion.extract.actors import LOCAL_FORCES, MILITARY
from ingestion.extract.mentions import Actor, SentenceMentions
from ingestion.extract.places import HEAD_KIND, Place, kind_family, without_determiners
from ingestion.extract.scan import StemGated, finditer_at, starts_re
from ingestion.extract.triggers import Trigger

CHANGE_OF = {"capture": "captured", "recapture": "captured", "withdraw": "withdrew", "contest": "contested",
             "hold": "held"}
# where a clause ends: the actor or place of one verb is not looked for beyond it
CLAUSE_BREAK = re.compile(
    r";|:|\s[–—]\s|\s-\s|,\s*(?:while|whereas|but|which|who|where|when|as(?!\s+well\s+as)|after|before|and\s+then|although|though|"
    r"forcing|prompting|killing|leaving|following|according|said|adding|with)\b|\b(?:after|before|while|whereas|"
    r"when|because|since|until|(?<!well\s)(?<!such\s)as\s+(?:the|they|it|junta|regime|military))\s|\band\s+(?=(?:the\s+)?(?:junta|regime|"
    r"military|they|it|its|their)\b(?!['’]s))|\bbut\b", re.I)  # not "as well as the X", "and the regime's office in Y"
# where a CLAUSE_BREAK match can open (lower case; an opening space is one white-space
# character, another space any white space; proved in test_scan)
CLAUSE_BREAK_STARTS = ("after ", "and ", "as ", "because ", "before ", "but", "since ", "until ", "when", "whereas ",
                       "while ")
CLAUSE_BREAK_ANYWHERE = (";", ":", ",", " -", " –", " —")
_CLAUSE_BREAK_STARTS_RE = starts_re(CLAUSE_BREAK_STARTS, CLAUSE_BREAK_ANYWHERE, shared=True)
COORD_GAP = re.compile(
    r"^\s*(?:itself\s*)?(?:(?:village|town|ward|township)\s*)?(?:,|,?\s*and|,?\s*as\s+well\s+as|,?\s*along\s+with|&|,?\s*plus|,?\s*or)?\s*(?:also\s+|then\s+|later\s+)?"
    r"(?:(?:the|a|an|its|their|two|three|four|five|several|all|both|nearby|neighbouring|neighboring|"
    r"junta|junta['’]s|regime['’]s|military['’]s|military|army|key|strategic|major|main|important|remaining|"
    r"entire|whole|headquarters|seat|base|bases|camp|camps|of|including|belonging\s+to)\s+){0,6}$"
    # "A and the nearby village of B" (after "and": ", a village of B" is an apposition)
    r"|^\s*(?:,?\s*and|,?\s*as\s+well\s+as|,?\s*along\s+with|&|,?\s*plus)\s+(?:also\s+)?(?:the\s+)?"
    r"(?:(?:nearby|neighbouring|neighboring|adjacent|key|strategic|main|important|junta['’]s|regime['’]s)\s+){0,2}"
    r"(?:villages?|towns?|city|wards?|outposts?|posts?|hills?|hilltops?)\s+of\s+$"
    # "the village of A on 10 May and that of B": the same noun, said again by a pronoun
    r"|^\s*(?:,?\s*and|,?\s*as\s+well\s+as|,?\s*then)\s+(?:also\s+|then\s+|later\s+)?(?:that|those)\s+(?:of|at|in)\s+$"
    # "took A on 3 May, followed by B on 5 May"
    r"|^\s*,?\s*(?:and\s+)?followed\s+by\s+(?:the\s+)?$", re.I)
# what may stand between a verb and its first object: determiners, owners, adjectives, a head noun
OBJECT_GAP = re.compile(
    r"^\s*(?:(?:the|a|an|its|their|his|all|every|each|both|entire|whole|full|complete|effective|total|key|strategic|main|"
    r"important|major|remaining|last|nearby|neighbouring|neighboring|junta|junta['’]s|regime|regime['’]s|military|"
    r"military['’]s|army['’]s|army|Tatmadaw['’]s|SAC['’]s|enemy|enemy['’]s|border|frontline|hilltop|hill|"
    r"fortified|heavily|well|large|small|big|biggest|largest|former|old|new|towns?|city|cities|villages?|wards?|base|camp|"
    r"stronghold|garrison|position|"
    r"strategically|located|situated|vital|crucial|critical|notorious|sprawling|[\w'’]+-based|"
    r"headquarters|outpost|station|control|possession|charge|over|of|at|in|on|near|from|around|inside|into|"
    r"across|seat|capital|district|township|townships|area|areas|urban|centres?|centers?|heart|region|post|also|then|successfully|fully|completely|"
    r"close|to|outside|for|over|towards?|along|against|next|heavy|fierce|intense|more|than|half|nearly|almost|"
    r"troops|soldiers|forces|fighters|enemy|"
    r"reportedly|now|back|down|up|most|much|part|parts|rest|some|remainder|whole|final|positions|bases|camps|outposts|"
    r"posts|garrisons|strongholds|are|were|include|includes|included|including|among|them|namely|such|as|"
    # "the surrender of all of No. 129 Light Infantry Battalion", "took back security control of X"
    r"sections?|percent|per|cent|%|No\.|security|administrative|"
    r"(?:two|three|four|five|six|seven|eight|nine|ten|\d+)|battalions?|police|guard|communications|"
    r"remaining|last|"
    # any word that describes the place's noun: "the jade town of", "the riverside camp at"
    r"(?-i:[a-z][\w'’-]*)(?=\s+(?:towns?|city|villages?|camps?|bases?|outposts?|posts?|stations?|port|hub|seat)\b))"
    r"\s*[,:—–-]?\s+|(?-i:[A-Z][\w'’-]*\s+){0,2}[\w'’-]+['’]s\s+(?:\((?-i:[A-Z]{2,6})\)\s+)?"
    # "regained Kyauktaw Township's Kanni village": the area that holds it
    r"|(?-i:(?:[A-Z][\w'’-]*\s+){1,3})(?:township|region|state|district)['’]s\s+){0,9}$", re.I)
REF_NAMES = re.compile(r"^\s*(?:of|at|in|inside|within|on|atop|overlooking|near|called|named|including|such\s+as|:|,|close\s+to|next\s+to|near\s+to|outside|"
                       r"beside|by|above|on\s+the\s+outskirts\s+of|[—–-]|among\s+them|namely)\s*(?:the\s+)?"
                       r"(?:(?:junta|regime|military|army|Tatmadaw|SAC|enemy)['’]s\s+)?$", re.I)
FIGURE_OBJECT = re.compile(r"^\s*(?!\d+\s*(?:%|percent|per\s+cent))(?:more\s+than\s+|over\s+(?!(?:the|its|their|(?-i:[A-Z])\w*)\b)|at\s+least\s+|nearly\s+|about\s+|some\s+|around\s+|"
                           r"dozens|scores|hundreds|\d|(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                           r"fifteen|twenty|thirty|forty|fifty|several|many)\b)", re.I)
# "seized three towns: A, B and C", "won back three towns — A, B and C", "several camps,
# including A and B": the count is a figure, the list after it names the places
LIST_AFTER_COUNT = re.compile(  # (up to six words before: "14 of the state's 17 townships, including A")
    r"\s*(?:[\w'’-]+\s+){0,6}?(?P<noun>towns?|cities|villages?|wards?|bases?|camps?|outposts?|posts?|positions?|"
    r"stations?|townships?|strongholds?|garrisons?|battalions?|checkpoints?|hills?)\b"
    # "seven junta bases, strategic camps such as A and B among them": the noun said again
    r"(?:\s*,\s*(?:[a-z][\w'’-]*\s+){0,2}(?:towns|bases|camps|outposts|positions|posts)\b)?"
    # "three towns on a main highway between central Myanmar and China – A, B and C"
    r"(?:\s+(?:(?:stationed|based|located|deployed)\s+)?(?:in|of|near|across|along|at|on|between|around|inside|outside|close\s+to)"
    r"\s+(?:[\w'’-]+\s+){0,9}?[\w'’-]+)?"
    r"(?:\s+(?:last|this|on|in|over\s+the)\s+\w+|\s+since\s+\w+(?:\s+\d{4})?)?\s*(?:[:—–]|\s-\s|,?\s+(?:including|among\s+them|such\s+as|namely))\s*", re.I)
# "captured two junta outposts, A and B, near the border": after a count, names in apposition
LIST_APPOSED_TO_COUNT = re.compile(
    r"\s*(?:[\w'’-]+\s+){0,4}?(?P<noun>towns|cities|villages|wards|bases|camps|outposts|posts|positions|"
    r"stations|townships|strongholds|garrisons|battalions|checkpoints|hills)\s*,\s*(?=(?-i:[A-Z]))", re.I)
# "The camps that were taken … were A, B": the head noun that types the names listed after
LISTED_HEAD = re.compile(r"\b(camp|base|outpost|village|ward|post|position)s?\s+(?:that|which)\s+(?:\w+\s+){0,2}$", re.I)
# "the last junta stronghold in X, the LIB 5 base, fell": a unit in apposition
APPOSED_UNIT = re.compile(r"\s*,\s*(?:the|its|a)\s*", re.I)
OWN_HANDS = re.compile(r"\b(?:its|their|our)\s+(?:hands|control)\b", re.I)  # "X is now in its hands"
# "a hilltop camp belonging to LIB 321": the unit owns the unnamed site before it
OWNER_GAP = re.compile(r"^\s*,?\s*(?:belonging\s+to|of|run\s+by|used\s+by|manned\s+by)\s+(?:the\s+)?$", re.I)
# ", a district seat," ", the state capital,": a description between two listed names
# a relative clause closed by a comma and "and": the verb's objects go on after it
# (or a time between: "took A on 3 May, two weeks after the offensive began, and later B"; or
# a list's last item after "and then": "A in April, B in July, and then C")
REL_THEN_AND = re.compile(r",?\s*(?:(?:which|where|who|whose|according\s+to|(?:[\w-]+\s+){0,3}?(?:after|following))\b[^,;:.]{0,100},\s*"
                          r"(?:and|as\s+well\s+as|along\s+with|plus)\s+(?:then\s+|also\s+|later\s+)?"
                          r"|,\s*and\s+(?:then|later)\s+"
                          # "took A and, with the help of the TNLA, B", "… and, after three days, the base"
                          r"|(?<=\band),\s*(?:with|after|following|within|backed|supported|helped|together|along|alongside|"
                          r"later|finally|eventually|days|weeks|two|three|four|five|several|according\s+to)\b[^,;:.]{0,60},\s*"
                          r")", re.I)
BRACKETED = re.compile(r"\s*\([^()]{1,40}\)")
FROM_SIDE = re.compile(r"^\s*from\s+(?:the\s+)?(?:junta|regime|military|army|Tatmadaw|SAC|enemy|(?-i:[A-Z]{2,6}))(?:['’]s)?"
                       r"(?:\s+(?:troops|forces|soldiers|fighters|units))?(?=[\s,])", re.I)
# "overran a camp near A, a KIA spokesman said, and another outpost in B": who said it, between two objects
SPEAKER_ASIDE = re.compile(r",\s*(?:a|an|the)\s+[^,;:]{0,50}?\b(?:said|says|told|added)\b[^,;:.]{0,40}(?=,)")
APPOSITION = re.compile(r",\s+(?:a|an|the|its)\s+(?:[a-z][\w'’-]*\s+){0,7}?[a-z][\w'’-]*(?=\s*,)")
NEW_CLAUSE_AND = re.compile(r"[^,;]*?\s(?:and|but)\s+", re.I)  # words of the last clause, then "and" opening the next
RELATIVE_SUBJECT = re.compile(r"\W*(?:who|which|that)\b", re.I)  # a relative clause whose subject stands before it
WHERE_LEAD = re.compile(r"\W*where\b", re.I)  # a clause opening with "where": about the place before it
SETTLEMENTS_OF = re.compile(r"^\s*(?:in|at|across|around)\s+the\s+(?:villages|wards|neighbou?rhoods|village\s+tracts)\s+of\s+$", re.I)
FROM_WHICH = re.compile(r",?\s*(?:from|out\s+of)\s+which\b", re.I)
LOCATIVE = re.compile(r"\b(?:in|at|near|by|outside|inside|on|of|along|around|close\s+to|beside|overlooking|above|between|within|"
                      r"east|west|north|south|from|to|towards?|into)\b", re.I)
# "Hpasawng lies south of Bawlake, which …": a verb between, so the second place heads no phrase
# of the first; the relative clause is about the second (as in "the road between A, which …")
_FINITE_GAP = re.compile(r"^(?:(?!\b(?:which|that|where|who)\b).)*\b(?:lies|lie|lay|is|are|was|were|sits|sit|stands|remains|borders)\b",
                         re.I | re.S)
_BETWEEN_GAP = re.compile(r"\s*between\s+(?:the\s+)?", re.I)
FROM_RE = re.compile(r"\bfrom\s+(?:the\s+)?$", re.I)
_BLOW_TO = re.compile(r"\b(?:blow|setback|boost|threat|victory|gift|embarrassment|humiliation)\s+(?:to|for)\s+(?:the\s+)?$", re.I)
# a verb whose object is a nominal trigger, and whose subject is the trigger's actor
NOMINAL_LEAD = re.compile(r"\b(?P<verb>accept(?:ed|s|ing)?|receiv(?:ed|es|ing)|conced(?:ed|es|ing)|admitt?(?:ed|s|ing)|"
                          r"acknowledg(?:ed|es|ing)|suffer(?:ed|s|ing)?)\s+(?:the\s+|a\s+|its\s+|their\s+)?"
                          r"(?:\w+\s+)?$", re.I)
_RID_OF = re.compile(r"\b(?:cleared|clear|freed|free|rid|emptied|purged)\s+of\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}$", re.I)
BY_RE = re.compile(r"\b(?:by|to|of|under)\s+(?:the\s+)?(?:(?:combined|joint|allied|ethnic|resistance)\s+)?$", re.I)
DESTINATION = re.compile(r"\b(?:to|towards?|into|for)\s+(?:the\s+)?(?:\w+\s+){0,2}$", re.I)


@dataclass
class Event:
    """A control change as a sentence states it, before the document stage resolves it."""

    sentence: int  # index of the sentence
    trigger: Trigger
    change: str
    recapture: bool
    places: list[Place]
    agent: Actor | None
    source: Actor | None = None  # "seized the base from the junta"
    rule: str = ""
    shared_place: bool = False  # took the place of another event of its sentence
    extra: dict = field(default_factory=dict)


def assemble(sm: SentenceMentions, text: str) -> list[Event]:
    """The control-change events of one sentence."""
    events: list[Event] = []
    if not sm.triggers:
        return events
    s = sm.sentence
    breaks = [s.start] + [s.start + m.start() for m in finditer_at(CLAUSE_BREAK, _CLAUSE_BREAK_STARTS_RE, s.text, 0, len(s.text))] + [s.end]
    used_places: set[int] = set()
    candidates: list[Event] = []
    for trig in sm.triggers:
        lo, hi = _clause(breaks, trig.start)
        taker = False  # "the MNDAA accepted the surrender of X": the subject took it
        if trig.negated:
            continue
        attributive = text[trig.start - 1:trig.start] == "-"  # "the junta-held town": another verb may act on it too
        if trig.family == "hold" and trig.voice == "active" and (
                PEOPLE_OBJECT.match(text, trig.end, min(s.end, trig.end + 60))
                or FIGURE_OBJECT.match(text[trig.end:trig.end + 20]) and not LIST_AFTER_COUNT.match(text, trig.end, s.end)):
            # "the camp, which held roughly 60 soldiers": people, not a place; "controls 14 of the
            # 17 townships": a figure (a claim), unless the places are listed after it
            continue
        if trig.family == "hold" and UNTIL.search(text, trig.end, s.end):
            continue  # "the AA had held both villages until August, when …": a hold that ended
        people = CIVILIANS.search(text, max(lo, trig.start - 60), trig.start) if trig.family == "withdraw" else None
        if people is not None and not any(people.end("people") <= a.start < trig.start for a in sm.actors):
            continue  # "9,000 residents have fled Tedim": people displaced, no side withdrew
        if trig.voice == "active":
            if trig.family in ("capture", "recapture") and FIGURE_OBJECT.match(text[trig.end:trig.end + 20]):
                # "captured 23 soldiers", "seized three bases": a figure, a claim; a list after a
                # colon names what was counted ("took two towns: A and B"), a located count is a
                # place ("seized four outposts near Mading")
                listed = LIST_AFTER_COUNT.match(text, trig.end, s.end) or LIST_APPOSED_TO_COUNT.match(text, trig.end, s.end)
                located = [p for p in sm.places if trig.end < p.start <= trig.end + 2 and not p.inner and p.ref is None]
                places = (_typed_list(sm, text, listed.end(), s.end, trig.family, listed.group("noun"))
                          if listed else []) or located
                if not places:  # the other places of the sentence stay candidates, of the verb's subject
                    candidates += _candidates(sm, trig, [], _subject_of(sm, text, lo, trig, events))
                    continue
            else:
                listed = LIST_AFTER_COUNT.match(text, trig.end, s.end)
                following = FOLLOWING_LIST.match(text, trig.end, s.end) if not listed else None
                if following is not None:
                    places = _objects(sm, text, following.end(), s.end, trig.family)
                elif listed and not any(trig.end <= p.start < listed.end("noun") and p.end <= listed.start("noun")
                                      and not p.inner and p.ref is None for p in sm.places):
                    # (a place holding the noun is the counted phrase itself: "the three battalions
                    # stationed in X — A, B and C" names A, B and C)
                    places = _typed_list(sm, text, listed.end(), s.end, trig.family, listed.group("noun"))
                elif trig.family == "withdraw" and _FALL_BACK_ON.match(trig.text) and text.startswith(" on ", trig.end):
                    places = []  # "fell back on X": where they went, not what they left
                else:
                    places = _objects(sm, text, trig.end, hi, trig.family)
                    after = REL_THEN_AND.match(text, hi, s.end) if places and hi < s.end else None
                    if after is not None:
                        # "overran the X camp, where 50 soldiers were stationed, and the Y outpost";
                        # not "…, and then the town fell" (a verb of its own)
                        end = _clause(breaks, after.end())[1]
                        if not any(after.end() <= t.start < end for t in sm.triggers):
                            places = places + _objects(sm, text, after.end(), end, trig.family)
                from_which = FROM_WHICH.search(text, max(s.start, lo - 30), trig.start) if trig.family == "withdraw" else None
                if not places and from_which:
                    # "the Nyaung Kyo outpost in Penwegon Township, from which the troops fell back"
                    places = _antecedent(sm, text, from_which.start())
                if not places and trig.family == "capture" and _WHEN_LEAD.search(text, max(s.start, lo - 12), lo + 8) \
                        and trig.text.lower().rstrip().endswith("out"):
                    # "the AA had held both villages until August, when military assaults drove its
                    # fighters out": out of the places the clause before names
                    places = _subjects(sm, text, s.start, lo)
                if not places and trig.family == "hold" and WHERE_LEAD.match(text, lo, trig.start):
                    places = _antecedent(sm, text, lo)  # "Tangyan, where the UWSA is in control"
                if not places and trig.family == "withdraw":
                    # "soldiers manning a border post near Mae Kha fled": the post they left
                    places = [p for p in sm.places if lo <= p.start < trig.start and not p.inner
                              and MANNING.search(text[max(lo, p.start - 30):p.start])][:1]
                if not places and re.match(r"\s*,?\s*(?:which|that)\b", text[lo:trig.start]) and not re.search(
                        r"\b(?:which|that)\s+(?:\w+\s+){0,3}?(?:was|were|had\s+been|has\s+been)\b", text[lo:trig.start]):
                    places = _subjects(sm, text, max(s.start, lo - 200), lo)  # "the base, which the AA besieged"
            agent = _subject_of(sm, text, lo, trig, events)
            if attributive:  # "KIA-held", "rebel-controlled": the prefix holds it
                agent = next((a for a in sm.actors if a.end == trig.start - 1), None)
                if agent is None and REBEL_PREFIX.search(text, max(s.start, trig.start - 16), trig.start):
                    agent = Actor(trig.start - 1, trig.start - 1, None, "rebels")
                named = [p for p in sm.places if lo <= p.end < trig.start and not p.inner and p.ref is None
                         and _APPOSED_HELD.fullmatch(text, p.end, agent.start if agent else trig.start)]
                if named:
                    places = named[-1:]  # "Sadone, a KIA-held town in Waingmaw": the town is Sadone
                elif len(places) > 1 and text[trig.end:places[0].start].strip() == "" and any(
                        t.start > places[-1].end and t.family == "hold" for t in sm.triggers):
                    # "NDAA-controlled Mongla and Hopang, where the UWSA is in control": the name
                    # after the prefix only, when the rest have a holder of their own
                    places = places[:1]
            if agent is None and PARTICIPLE_LEAD.search(text[max(s.start, trig.start - 30):trig.start]):
                # "Having retaken X, junta troops …", "since retaking X, the AA …": the main clause's
                # subject; "junta columns moved on after taking X": the clause's before it
                agent = _before(sm.actors, s.start, trig.start, text) or _main_clause_subject(sm, text, trig.end, hi)
            if agent is None and RELATIVE_SUBJECT.match(text, lo, trig.start):
                # "… PDF fighters, who then took over the village": the side the clause is about
                agent = _before(sm.actors, s.start, lo, text)
            agent = agent or _subject(sm, trig.start)
        elif trig.voice == "nominal":
            of = text.find(" of ", trig.end - 1, trig.end + 4)
            places = _objects(sm, text, of + 3 if of >= 0 else trig.end, hi, trig.family)
            agent = _after_by(sm, text, trig.end, hi) or _possessor(sm, text, lo, trig.start)
            lead = NOMINAL_LEAD.search(text, max(lo, trig.start - 30), trig.start) if agent is None else None
            if lead is not None:
                # "the junta conceded the loss of X": the loser; "the MNDAA accepted the surrender
                # of X": the taker
                agent = _before(sm.actors, lo, lead.start(), text)
                if agent is not None and lead.group("verb").lower().startswith(("accept", "receiv")):
                    taker = True
        else:  # passive, place_subject
            places = _subjects(sm, text, _passive_start(text, breaks, lo, trig.start), trig.start)
            if not places and trig.voice == "passive":
                # a tally's line, "- Hpa Lin (Sagaing): captured by the PDF on 3 May": the label is the place
                places = [p for p in sm.places if not p.inner and _LINE_LEAD.fullmatch(text, s.start, p.start)
                          and _TALLY_LABEL.fullmatch(text, p.end, trig.start)][:1]
            if not places and SHARED_SUBJECT.match(text[lo:trig.start]):
                # "the X command has been shelled for days but remains under military control":
                # the verbs share the subject before the first one
                earlier = [b for b in breaks if b < lo]
                places = _subjects(sm, text, earlier[-1] if earlier else s.start, lo)
            if not places and RELATIVE_LEAD.match(text[lo:trig.start]):
                # "the MOC-44 headquarters, which remains under the control of the military"
                earlier = [b for b in breaks if b < lo]
                places = _subjects(sm, text, earlier[-1] if earlier else s.start, lo)
            if trig.family == "capture" and _GAVE_UP_TO.match(trig.text) and (not places or "themselves" in trig.text.lower()):
                # "police officers manning the X outpost gave themselves up to the AA": the post they
                # held (people give themselves up, not places: only a post they manned is handed over)
                places = [p for p in sm.places if lo <= p.start < trig.start and not p.inner
                          and kind_family(p.kind) == "base" and MANNING.search(text[max(lo, p.start - 30):p.start])
                          and PEOPLE_GAP.search(text[max(lo, p.start - 50):p.start])][:1]
            if trig.voice == "passive":
                agent = _after_by(sm, text, trig.end, hi)
                if agent is None and _OPENING_PASSIVE.match(text, s.start, trig.start):
                    # "Once X had been taken, military columns pressed on": the main clause's subject
                    agent = _main_clause_subject(sm, text, trig.end, hi)
            elif OWN_HANDS.search(trig.text):  # "X is now in its hands": the side named before
                # (not a possessor inside the place: "the regime's office in X is now in their control")
                own = [a for a in sm.actors if a.end <= trig.start and not text.startswith(("'s", "’s"), a.end)]
                agent = _before(own, s.start, trig.start, text) or Actor(trig.start, trig.start, None, "its")
            else:
                agent = _first_after(sm, text, trig.start, hi)
            if not places:  # "seized on Monday was the base at ..." is rare; "fell" with the place after
                places = _objects(sm, text, trig.end, hi, trig.family) if trig.voice == "place_subject" else []
        places = [p for p in places if id(p) not in used_places or trig.family in ("withdraw", "contest") or attributive
                  or trig.family == "hold" and trig.voice == "place_subject"]  # "besieged A and B, both still in its hands"
        source = _from_actor(sm, text, trig.end, hi)
        change = CHANGE_OF[trig.family]
        ev = Event(s.index, trig, change, trig.family == "recapture", places, agent, source,
                   rule=f"{trig.family}:{trig.voice}")
        if taker:
            ev.extra["taker"] = True
        if places and trig.family in ("capture", "recapture", "hold") and (
                PARTIAL.search(text[trig.end:places[0].start]) if places[0].start >= trig.end
                else PARTIAL_BEFORE.search(text[max(s.start, places[0].start - 40):places[0].start])):
            change = "contested"  # "captured parts of the base", "most of X has been taken": the rest is still fought over
            ev.change = change
        elif places and trig.family == "hold" and trig.voice == "active" and _AND_NOW.search(text, max(s.start, trig.start - 12), trig.start) \
                and any(e.trigger.family in ("capture", "recapture") and e.places for e in events):
            change = "captured"  # "overran the camp at X and now control the town": taken just now
            ev.change = change
            ev.extra["taken_now"] = True
        elif places and _ENTERED.match(trig.text) and _REPULSED.search(text, trig.end, s.end):
            change = "contested"  # "fighters entered the ward but were driven off": in it, never in control
            ev.change = change
        m = None
        if trig.voice in ("passive", "place_subject"):
            m = ENUM_AFTER.match(text, trig.end)
            if m is None and trig.voice == "passive":
                m = TALLY_HEADING.match(text, trig.end)  # "Captured by the AA: A (11 March), B"
        if m:
            # "The camps that were taken, he said, were A, B and C": the list names them
            listed = _objects(sm, text, m.end(), s.end, trig.family)
            if listed:
                noun = LISTED_HEAD.search(text, max(s.start, trig.start - 60), trig.start)  # "The camps that were"
                kind = HEAD_KIND.get(noun.group(1).lower()) if noun else None
                places = [_typed(q, Place(0, 0, noun.group(1), kind)) for q in listed] if kind else listed
                ev.places = places
        ev.extra["sentence_places"] = sm.places
        if not places and re.match(r"\s+(?:it|them|the\s+(?:site|area|position))\b", text[trig.end:trig.end + 16]):
            ev.extra["pronoun_object"] = True
            ev.extra["sentence_places"] = sm.places
        if not places and INTRANSITIVE.match(_without_dates(text, trig.end, hi, sm)):
            ev.extra["intransitive"] = True  # "the troops pulled out on Sunday": from where the report says
        events.append(ev)
        candidates += _candidates(sm, trig, places, agent, source)
        for p in places:
            used_places.add(id(p))
    # a withdrawal or capture with no place of its own shares the place of its sentence's other event
    for ev in events:
        if not ev.places and ev.change in ("withdrew", "captured") and not _OWN_OBJECT.match(text, ev.trigger.end, s.end):
            # (not a verb with an object of its own: "taking prisoners and capturing weapons", "went
            # on to capture other junta positions")
            others = [o for o in events if o is not ev and o.places and o.change != ev.change]
            if others:
                ev.places = list(others[0].places)
                ev.shared_place = True
    # "the KNLA drove junta troops out of X": and the junta troops left X
    events += [d for d in (_driven_out(sm, ev.trigger, ev.places, ev.change) for ev in list(events)) if d is not None]
    # a place another verb of the sentence acts on is not this one's too (a capture may still
    # follow a siege of the same place: those pairs the rules choose themselves)
    chosen = {q.start for ev in events for q in ev.places}
    candidates = [c for c in candidates if c.places[0].start not in chosen]
    return events + candidates


_DRIVE_OUT = re.compile(r"(?:drove|drive|drives|driving|forced|forcing|chased|chasing|expelled|expelling|ousted|ousting|pushed|pushing)\b"
                        r".*\b(?:out|from)\b", re.I | re.S)


def _driven_out(sm: SentenceMentions, trig: Trigger, places: list[Place], change: str) -> Event | None:
    """The withdrawal a capture that drives a side out tells too ("the KNLA drove junta troops
    out of X", "military assaults drove its fighters out"): the side named inside the verb left
    the places taken."""
    if not places or change != "captured" or trig.voice != "active" or not _DRIVE_OUT.match(trig.text):
        return None
    driven = next((a for a in sm.actors if trig.start < a.start and a.end < trig.end), None)
    if driven is None:
        return None
    left = Trigger(trig.start, trig.end, "withdraw", "active", trig.text, trig.negated)
    return Event(sm.sentence.index, left, "withdrew", False, list(places), driven, None, rule="withdraw:driven_out")


_BETWEEN_LEAD = re.compile(r"\b(?:positions|posts|outposts|camps|bases|villages|areas|sites|points)\s+(?:(?:lying|located|situated|sitting|that\s+lie|which\s+lie)\s+)?"
                           r"between\s+(?:the\s+)?$", re.I)
_RELATIVE_ASIDE = re.compile(r",\s*(?:which|that|where)\s+(?:lies|lie|lay|sits|sit|stands|is|are|was|were|borders|"
                             r"straddles|overlooks|guards)\b[^,;]{0,80},")
_AND_NOW = re.compile(r"\band\s+now\s+$", re.I)
_OWN_OBJECT = re.compile(r"\s+(?:(?:other|more|further|several|many|numerous|some)\b|(?:[\w'’-]+\s+){0,2}?(?:weapons|arms|ammunition|"
                         r"prisoners|guns|rifles|equipment|supplies|vehicles|drones|soldiers|troops|POWs|hostages)\b)", re.I)
_FALL_BACK_ON = re.compile(r"f[ae]ll(?:en|s)?\s+back$", re.I)
_WHEN_LEAD = re.compile(r",\s*when\b", re.I)
_ENTERED = re.compile(r"(?:enter|moved|marched|rolled|swept)", re.I)
_REPULSED = re.compile(r"\b(?:but|before|until)\s+(?:\w+\s+){0,4}?(?:driven\s+(?:off|out|back)|repulsed|repelled|pushed\s+back|"
                       r"beaten\s+back|forced\s+(?:to\s+(?:retreat|withdraw|pull)|out|back)|(?:retreated|withdrew|pulled\s+(?:out|back)))", re.I)
_GAVE_UP_TO = re.compile(r"(?:surrender|gave|give|giving)", re.I)
# between a name and the prefix of an attributive verb describing it: "X, a KIA-held town"
_APPOSED_HELD = re.compile(r",\s+(?:a|an|the|another)\s+(?:(?:key|strategic|small|large|major|border|remote|hilltop|former)\s+)?")


def _candidates(sm: SentenceMentions, trig: Trigger, chosen: list[Place], agent: Actor | None,
                source: Actor | None = None) -> list[Event]:
    """Every other pairing of ``trig`` with a place of its sentence, for the ranker to judge;
    a name that may be a base as well as a settlement is proposed as both."""
    taken = {id(p) for p in chosen}
    out = []
    base_words = BASE_WORDS.search(sm.sentence.text) is not None
    # "Demoso, which is held by the KNDF": a relative clause tells of its antecedent, the rules'
    # choice right before it; the places the sentence named before that are no object of its verb
    antecedents = [p for p in chosen if p.end <= trig.start]
    first = min((p.start for p in antecedents), default=0)
    relative = bool(antecedents) and _RELATIVE_AFTER.match(
        sm.sentence.text, max(p.end for p in antecedents) - sm.sentence.start) is not None
    # "the resistance holds half the land, while the junta retains A and B": a place after another
    # verb of the same family is that verb's
    nearer = min((t.start for t in sm.triggers if t.start >= trig.end and t.family == trig.family
                  and t.voice == "active"), default=None)
    for p in sm.places:
        if relative and p.end <= first or nearer is not None and p.start > nearer:
            continue
        if p.inner or p.unit is not None and trig.family != "withdraw" and _SOLDIERS_OF.search(
                sm.sentence.text, 0, p.start - sm.sentence.start):
            continue  # "soldiers belonging to LIB 137 fell into resistance hands": people, not the base
            # ("troops of IB 134 abandoned their base": the unit's base, whose troops left it)
        if p.unit is not None and trig.voice == "active" and trig.family != "withdraw" and p.end <= trig.start \
                and UNIT_SUBJECT_GAP.fullmatch(sm.sentence.text, p.end - sm.sentence.start, trig.start - sm.sentence.start):
            continue  # "the 33rd Light Infantry Division has been trying to retake X": the unit acts
        if trig.family == "withdraw" and trig.end <= p.start < trig.end + 40 and DESTINATION.search(
                sm.sentence.text, trig.end - sm.sentence.start, p.start - sm.sentence.start):
            continue  # "fell back to the MOC 21 base": where they went, not what they left
        alts = [] if id(p) in taken else [p]
        if base_words and p.unit is None and p.ref is None and kind_family(p.kind) in ("town", "village"):
            alts.append(Place(p.start, p.end, p.name, "outpost", bare=p.bare))
        for q in alts:
            ev = Event(sm.sentence.index, trig, CHANGE_OF[trig.family], trig.family == "recapture", [q], agent, source,
                       rule=f"{trig.family}:{trig.voice}:candidate")
            ev.extra["selected"] = False
            ev.extra["alt_kind"] = q is not p
            ev.extra["sentence_places"] = sm.places
            out.append(ev)
    return out


_RELATIVE_AFTER = re.compile(r"\s*,\s*(?:which|where|that)\b", re.I)


UNIT_SUBJECT_GAP = re.compile(r"\s+(?:(?:has|have|had|is|are|was|were|been|also|now|then|later|reportedly|\w+ly)\s+)*", re.I)
_SOLDIERS_OF = re.compile(r"\b(?:soldiers|troops|personnel|men|members|officers|commanders?|prisoners)\s+(?:\w+\s+){0,2}?"
                          r"(?:of|from|belonging\s+to|serving\s+(?:in|with)|in|under)\s+(?:the\s+)?(?:junta['’]s\s+|military['’]s\s+|regime['’]s\s+)?$", re.I)
BASE_WORDS = StemGated(re.compile(r"\b(?:camps?|bases?|outposts?|posts?|positions?|battalions?|headquarters|garrisons?|strongholds?)\b", re.I),
                       ("camp", "base", "post", "position", "battalion", "headquarters", "garrison", "stronghold"))


def carried(sm: SentenceMentions, prev: list[Event]) -> list[Event]:
    """Places of a sentence with no trigger, proposed with the last trigger of the sentence
    before ("They captured three camps. These were A, B and C." / "He meant the bases of …")."""
    last = [e for e in prev if e.extra.get("selected", True) and e.trigger.family != "hold"]
    if sm.triggers or not last or not sm.places:
        return []
    ev0 = last[0]  # the main clause's event ("Regime forces retook outposts that the KIA had held")
    out = []
    text, s0 = sm.sentence.text, sm.sentence.start
    turn = None
    low = text.lower()
    if ev0.change in ("captured", "withdrew") and ("next" in low or "then" in low or "turn of" in low or "followed" in low):
        turn = _NEXT_TURN.search(text) or _FOLLOWED_ANY.search(text)
    for p in sm.places:
        if p.inner or p.ref not in (None, "generic"):
            continue
        # "… took A on 3 May. Next came B, on 5 May." / "On 5 May it was the turn of B." / "B followed.":
        # the next place of the same story
        sequel = turn is not None and (p.start - s0 == turn.end() or p.ref is None and _FOLLOWED.match(text, p.end - s0)
                                       and _LINE_LEAD.fullmatch(text, 0, p.start - s0) is not None
                                       # "Next came A, on 28 August, and the dam at B on 25 November"
                                       or bool(out) and out[-1].extra["selected"] and _SEQUEL_AND.fullmatch(
                                           _without_dates(text, out[-1].places[0].end - s0, p.start - s0, sm, s0)) is not None)
        ev = Event(sm.sentence.index, ev0.trigger, ev0.change, ev0.recapture, [p], ev0.agent, ev0.source,
                   rule=f"{ev0.trigger.family}:{'sequel' if sequel else 'carried'}")
        ev.extra["selected"] = sequel
        ev.extra["carried"] = True
        ev.extra["sentence_places"] = sm.places
        if ev0.extra.get("taker"):  # "accepted the surrender of X. In the same way, Y …": the same taker
            ev.extra["taker"] = True
        out.append(ev)
    return out


ENUM_AFTER = re.compile(r"(?:\s*,[^,]{1,40},)?\s+(?:were|are|was|included|include|includes|comprised|namely)\s*:?\s*",
                        re.I)
# a tally's heading: "Captured by the AA: A (11 March), B", "Towns seized by resistance forces: 2
# (A and B)", "Junta bases captured: 5, including A and B"
TALLY_HEADING = re.compile(r"(?:\s+by\s+[^:;.\n]{1,40}?)?(?:\s+(?:in|on|this|last|since)\s+[^:;.\n]{1,20}?)?\s*:\s*"
                           r"(?:\d+\s*(?:\(\s*|,\s*(?:including|among\s+them)\s+))?", re.I)
# "captured the following this week: A, B and C"
FOLLOWING_LIST = re.compile(r"\s*the\s+following(?:\s+[\w'’-]+){0,4}?\s*:\s*", re.I)
CONTEST_GAP = re.compile(r"^[\w\s'’,-]{0,60}?\b(?:for|over|in|at|around|near|inside|on|outside|close\s+to|of)\s+"
                         r"(?:the\s+)?(?:[\w-]+['’]s\s+)?(?:(?:main|key|strategic|remaining)\s+)?$", re.I)
# a sentence telling the next place of a list of changes: "Next came B", "it was the turn of B", "B followed"
_NEXT_TURN = re.compile(r"\b(?:(?:next|then)\s+came|it\s+was\s+the\s+turn\s+of|(?:next|then)\s+(?:it\s+)?was)\s+(?:the\s+)?", re.I)
_FOLLOWED_ANY = re.compile(r"\s(?:followed|came\s+next)\b", re.I)  # (its end is no place's start)
_SEQUEL_AND = re.compile(r"(?:\s+and\s+its\s+surroundings)?[\s,]*(?:and|as\s+well\s+as)\s+(?:then\s+)?(?:the\s+)?", re.I)
_FOLLOWED = re.compile(r"\s+(?:(?:too|also)\s+)?(?:followed|came\s+next)\b", re.I)
_LINE_LEAD = re.compile(r"[-•*▪●◦–\s\d.)]*")
_TALLY_LABEL = re.compile(r"\s*(?:\([^()]{1,40}\))?\s*[:–—]\s*(?:(?:was|were|reportedly|fully|completely)\s+)*", re.I)
_HQ_OF = re.compile(r"\s*,\s*(?:the|its|a)\s+(?:main\s+|former\s+|tactical\s+)?(?:headquarters|base|home|garrison|seat)\s+of\s+(?:the\s+)?", re.I)
_EMPTY_ASIDE = re.compile(r",\s*(?=,)")  # a comma before another, what was between them blanked
_AND_COMMA = re.compile(r"\band\s*,\s*")
LATE_AND = re.compile(r"^[^,;.]{0,40}?\band\s+(?:also\s+|then\s+|later\s+)?(?:the\s+)?(?:[\w-]+['’]s\s+)?$", re.I)
PARTIAL = re.compile(r"\b(?:parts?|sections?|portions?|half|some|(?<!urban )areas?|much|most|positions\s+around|outskirts|edge|"
                     r"\d+\s*(?:%|percent|per\s+cent))\s+of\b", re.I)
PARTIAL_BEFORE = re.compile(r"\b(?:parts?|sections?|portions?|half|areas?|much|most|large\s+parts?|\d+\s*(?:%|percent|per\s+cent))"
                            r"\s+of\s+(?:the\s+)?(?:\w+\s+)?$", re.I)
GUARDING = re.compile(r"\b(?:outposts?|positions?|posts?|camps?|bases?|checkpoints?|defen[cs]es|hills?)\s+"
                      r"(?:protecting|guarding|defending|shielding|surrounding|around|ringing)\s+(?:the\s+)?$", re.I)
CIVILIANS = re.compile(r"\b(?P<people>people|civilians|residents|villagers|families|households|inhabitants|locals|"
                       r"refugees|displaced|IDPs|children|women|monks|patients|students|workers|administrators|"
                       r"officials|staff|employees|servants)\s+(?:\w+\s+){0,5}$", re.I)
UNTIL = re.compile(r"\buntil\b", re.I)
PEOPLE_OBJECT = re.compile(r"\s+(?:\w+\s+){0,3}?(?:\d[\d,]*|a\s+few|dozens|hundreds|several|some|two|three|four|five|six|"
                           r"seven|eight|nine|ten|twenty|thirty|forty|fifty)\s+(?:\w+\s+){0,2}?(?:soldiers|troops|"
                           r"personnel|men|prisoners|civilians|people|residents|families|POWs|detainees|hostages)\b", re.I)
REBEL_PREFIX = re.compile(r"\b(?:rebel|resistance|insurgent|opposition|anti-junta)-$", re.I)
INTRANSITIVE = re.compile(r"^\s*(?:(?:from|out\s+of)\s+(?:the\s+)?(?:area|town|base|camp|there|it|position|positions|"
                          r"village|outpost|post|city)\b)?[\s,]*(?:(?:on|in|at|by|early|late|last|after|before|when|as|"
                          r"back|to|towards?|into|across|"
                          r"overnight|quickly|hastily|without|entirely|completely)\b|[,.;\"”]|$)", re.I)
# a passive in a clause opening its sentence: "Once X had been taken, …", "After X fell to them, …"
_OPENING_PASSIVE = re.compile(r"\W*(?:once|after|when|as\s+soon\s+as|soon\s+after|shortly\s+after)\s+[^,;:]{1,80}$", re.I)
PARTICIPLE_LEAD = re.compile(r"(?:^|\b(?:[Hh]aving|[Ss]ince|[Aa]fter|[Uu]pon|[Oo]n|[Bb]efore)\s+(?:\w+ly\s+)?)$")
MANNING = re.compile(r"\b(?:manning|guarding|holding|stationed\s+(?:at|in|near)|posted\s+(?:at|in|near)|based\s+(?:at|in)|"
                     r"deployed\s+(?:at|in|near)|inside|in|at|from)\s+(?:the\s+|a\s+|an\s+|their\s+)?$", re.I)
SHARED_SUBJECT = re.compile(r"^\s*,?\s*(?:but|and|yet)\s+(?:still\s+|now\s+)?$", re.I)
RELATIVE_LEAD = re.compile(r"^\s*,?\s*(?:which|that|where)\s+(?:\w+\s+){0,2}$", re.I)
PARENTHETICAL = re.compile(r"^\s*,\s*(?:which|who|where|a|an|the)\b[^;]{0,140},\s*$", re.I)


def _passive_start(text: str, breaks: list[int], lo: int, pos: int) -> int:
    """Where the subject of a passive verb may stand: before a relative clause that ends in a
    comma just before the verb ("Mabein, which lies between A and B, was taken")."""
    seg = text[lo:pos]
    if re.match(r"\s*,\s*(?:which|who|where)\b[^,]*,\s*(?:\w+\s+){0,3}$", seg):
        earlier = [b for b in breaks if b < lo]
        return earlier[-1] if earlier else lo
    return lo


def _subject_of(sm: SentenceMentions, text: str, lo: int, trig: Trigger, events: list[Event]) -> Actor | None:
    """The subject of an active verb. An actor standing after an earlier verb of the clause
    is that verb's object ("took 100 army soldiers prisoner and seized A"): the verbs share
    the subject before the first one."""
    earlier = [e for e in events if lo <= e.trigger.start < trig.start and e.trigger.voice == "active"]
    conj = re.search(r"\band\b", text[earlier[-1].trigger.end:trig.start]) if earlier else None
    if conj and not any(earlier[-1].trigger.end + conj.end() <= a.start and a.end <= trig.start for a in sm.actors):
        # (a subject of its own after the "and": "… attacked A, and the TNLA took B")
        first = earlier[0]
        if first.agent is not None:
            return first.agent
        return _before(sm.actors, lo, first.trigger.start, text)
    return _before(sm.actors, lo, trig.start, text)


def _main_clause_subject(sm: SentenceMentions, text: str, pos: int, hi: int) -> Actor | None:
    """The subject of the main clause after a participle phrase ("Having retaken X, the junta
    …", "since retaking X, junta troops have …"): the first actor after the phrase's comma,
    when it opens the main clause."""
    comma = text.find(",", pos, sm.sentence.end)
    after = [a for a in sm.actors if a.start > comma] if comma >= 0 else []
    if after and after[0].start - comma <= 40 and not re.search(r"[,;:]", text[comma + 1:after[0].start]):
        return after[0]
    return next((a for a in sm.actors if a.start >= hi), None)


def _clause(breaks: list[int], pos: int) -> tuple[int, int]:
    """The clause around ``pos``: the last break at or before it and the first after it
    (``breaks`` ascending, from the sentence's start to its end)."""
    i = bisect.bisect_right(breaks, pos)
    return breaks[i - 1], breaks[i]


_ACTOR_JOIN = re.compile(r"^\s*(?-i:[A-Z][\w'’-]*\s+)?(?:/|-|,|and|&|and\s+allied|and\s+the\s+allied|and\s+the|,\s+the|of\s+the|of|with|with\s+the|along\s+with(?:\s+the)?|"
                         r"\(|\)|\)\s+and(?:\s+the)?|\)\s*,(?:\s+the)?|'s|’s)?\s*(?:\(|\)|/)?\s*(?-i:[A-Z][\w'’-]*\s+)?$", re.I)


# a member the registry does not know, between two it does: "the KIA, the Shanni Nationalities
# Army and the PDF"
_UNKNOWN_MEMBER = re.compile(r"^\s*(?:\)\s*)?,\s*(?:the\s+)?(?-i:(?:[A-Z][\w'’-]*\s+){0,4}(?:Army|Forces?|Front|"
                             r"Organi[sz]ation|Party|Alliance|Council|Group|Guards?)(?:\s*\([A-Z]{2,8}\))?)"
                             r"\s*(?:,|,?\s+and)(?:\s+the)?\s*$")


def _joined(text: str, a: Actor, b: Actor) -> bool:
    """Whether ``a`` and the actor ``b`` after it name one group ("the KIA and the PDF", "the
    KIA, the AA"). A comma alone never joins the junta to its enemies: "taken by resistance
    forces, the junta struck back" is two subjects."""
    gap = text[a.end:b.start]
    if not _ACTOR_JOIN.match(gap) and not _UNKNOWN_MEMBER.match(gap):
        return False
    return not ("," in gap and "and" not in gap and (a.key == MILITARY) != (b.key == MILITARY)
                and a.key is not None and b.key is not None)


GENERIC_ACTOR = re.compile(r"^(?:joint\s+forces|resistance(?:\s+forces|\s+fighters)?|revolutionary\s+forces|"
                           r"allied\s+forces|anti-junta\s+forces|troops|soldiers|forces)$", re.I)


# an actor that names things ("struck junta positions") or stands after a preposition
# ("attacks on the regime", "fighting against the junta") is no verb's subject
NOT_SUBJECT_AFTER = re.compile(r"['’]?s?\s+(?:positions?|bases?|camps?|outposts?|posts?|targets?|convoys?|vehicles?|"
                                r"defen[cs]es|lines|strongholds?|territory|areas?|checkpoints?)\b", re.I)
_NOT_SUBJECT_BEFORE = re.compile(r"\b(?:on|against|at|toward|towards|upon)\s+(?:the\s+)?$", re.I)
# "the KNLA, backed by the PDF and the KNDF, took X": the allies are not the subject
_ALLIES_ASIDE = re.compile(r",\s*(?:backed|supported|aided|joined|helped)\s+by\b[^,;]*,|"
                           r",\s*(?:fighting\s+)?(?:alongside|together\s+with|along\s+with|with\s+the\s+help\s+of|"
                           r"with\s+(?:support|help)\s+from|in\s+(?:cooperation|coordination|collaboration)\s+with)\b[^,;]*,", re.I)


def _before(actors: list[Actor], lo: int, pos: int, text: str = "") -> Actor | None:
    """The subject before a verb: the last actor before it in its clause, or, for a group
    ("KIA/PDF joint forces", "joint forces of the KIA and the PDF"), the group's first
    actor that is named."""
    cands = [a for a in actors if lo <= a.start and a.end <= pos]
    if text and "," in text[lo:pos]:
        asides = [m.span() for m in _ALLIES_ASIDE.finditer(text, lo, pos)]
        cands = [a for a in cands if not any(x <= a.start < y for x, y in asides)]
    if text:
        cands = [a for a in cands if not NOT_SUBJECT_AFTER.match(text, a.end)
                 and not _NOT_SUBJECT_BEFORE.search(text, max(0, a.start - 12), a.start)] or cands[:1]
    if not cands:
        return None
    group = [cands[-1]]
    for a in reversed(cands[:-1]):
        if text and _joined(text, a, group[0]):
            group.insert(0, a)
        else:
            break
    named = [a for a in group if a.key and not GENERIC_ACTOR.match(a.text)]
    return _lead(named) if named else group[-1]


def _lead(named: list[Actor]) -> Actor:
    """The member a joint operation is told of: "the PDF and the KNLA", "the BPLA and the
    KNLA" are the KNLA's — an organised armed group leads the local defence forces beside it
    — else the first named."""
    return next((a for a in named if a.key != LOCAL_FORCES), named[0])


def _subject(sm: SentenceMentions, pos: int) -> Actor | None:
    """The sentence's subject when the verb's own clause names none: the first actor of the
    sentence, when it stands before the verb."""
    cands = [a for a in sm.actors if a.end <= pos]
    return cands[0] if cands else None


def _first_after(sm: SentenceMentions, text: str, pos: int, hi: int) -> Actor | None:
    for a in sm.actors:
        if pos <= a.start < hi and (a.key is not None or a.text.lower().startswith(("the ", "them"))
                                    or a.text.lower() not in ("they", "it", "we")):
            return a
    return None


def _after_by(sm: SentenceMentions, text: str, pos: int, hi: int) -> Actor | None:
    for i, a in enumerate(sm.actors):
        by = BY_RE.search(text[max(pos, a.start - 40):a.start]) if pos <= a.start < hi else None
        if by and _BLOW_TO.search(text, max(pos, a.start - 40), a.start):
            continue  # "the fall of X was a blow to the junta": who suffered it
        if by and _RID_OF.search(text, max(0, a.start - 40), a.start):
            continue  # "X has been cleared of junta troops": who was driven out
        if by and any(p.start <= a.start and a.end <= p.end and not p.bare for p in sm.places):
            continue  # "the loss of the police station": a word of the place's name
        if by and (a.key is not None or a.text.lower().startswith("the ")) and not (
                by.group().lower().startswith("of") and text.startswith(("'s", "’s"), a.end)):
            # "three of the military's bases": the possessor of what follows, not the agent
            group = [a]
            for b in sm.actors[i + 1:]:
                if b.start < hi and _joined(text, group[-1], b):
                    group.append(b)
                else:
                    break
            named = [x for x in group if x.key and not GENERIC_ACTOR.match(x.text)]
            if not named and a.key is None:
                members = _members_of(sm, text, a)
                if members:
                    return members
            return _lead(named) if named else a
    return None


_MEMBERS_OF = re.compile(r"\s+(?:made\s+up\s+)?of\s+(?:the\s+)?[^,;.]{0,60}?$", re.I)


def _members_of(sm: SentenceMentions, text: str, a: Actor) -> Actor | None:
    """"a coalition of the PNO and the junta": the side of a group named by its members, the
    junta's if it is one of them (its militias and allies count as the military), else the
    first named member."""
    members = [b for b in sm.actors if a.end < b.start < a.end + 70 and b.key  # past "and": no clause break here
               and _MEMBERS_OF.match(text, a.end, b.start)]
    return next((b for b in members if b.key == MILITARY), members[0] if members else None)


def _possessor(sm: SentenceMentions, text: str, lo: int, pos: int) -> Actor | None:
    for a in reversed(sm.actors):
        if lo <= a.start and a.end <= pos and pos - a.end <= 12:
            return a
    return None


def _from_actor(sm: SentenceMentions, text: str, pos: int, hi: int) -> Actor | None:
    for a in sm.actors:
        if pos <= a.start < hi and a.key is not None and FROM_RE.search(text[max(pos, a.start - 12):a.start]):
            return a
    return None


def _objects(sm: SentenceMentions, text: str, pos: int, hi: int, family: str) -> list[Place]:
    """The places a verb acts on: the first place after it, and those coordinated with it.

    A back-reference followed by names ("the villages of A and B", "the camps at A") stands
    for the names, which take its kind."""
    out: list[Place] = []
    prev_end = pos
    list_kind: Place | None = None  # the head noun that types a list of bare names
    after_locative = False
    skip_until = -1
    described = [m.span() for m in APPOSITION.finditer(text, pos, hi)] if "," in text[pos:hi] else []
    for p in sm.places:
        if p.start < pos or p.start >= hi or p.inner:
            continue
        if p.start < skip_until:
            continue  # inside an alias in brackets, skipped below
        if out and any(a < p.start < b for a, b in described):
            continue  # "A, the junta's last stronghold in the township, and B": the township describes A
        gap = SPEAKER_ASIDE.sub(" ", APPOSITION.sub(" ", _without_dates(text, prev_end, p.start, sm)))
        if not out and "," in gap:
            gap = _ALLIES_ASIDE.sub(" ", gap)  # "captured, together with allied PDF forces, the town of X"
        if out and "(" in gap:
            gap = BRACKETED.sub(" ", gap)  # "A (Sagaing), B (Kayin) and C": where each one lies
        if out and "," in gap:
            # "A, and two days later, on July 16, B": the commas of a date told between two objects
            gap = _AND_COMMA.sub("and ", _EMPTY_ASIDE.sub("", gap))
        if out and "from" in gap:
            gap = FROM_SIDE.sub("", gap, count=1)  # "took A from junta troops on Monday, along with B"
        if out and p.unit is not None and out[-1].unit is None and _HQ_OF.fullmatch(gap):
            prev_end = p.end  # "the X base, the headquarters of LIB 345,": the base again, by its unit
            continue
        if out and p.ref == "generic" and gap.strip() == "," and text[p.end:p.end + 1] == ",":
            prev_end = p.end  # "A, a river port, and B": a description of A between two names
            continue
        if out and re.fullmatch(r"\s*\(\s*", gap):  # "Sin-Swe (Htee Ka Saw Me)": another name of the same place
            close = text.find(")", p.end, hi)
            if close > 0:
                prev_end = skip_until = close + 1
                continue
        if not out:
            if family == "withdraw" and DESTINATION.search(gap):
                break
            if not (OBJECT_GAP.match(gap) or family == "contest" and CONTEST_GAP.match(gap)):
                break
            out.append(p)
        elif out[-1].ref not in (None, "generic") and not p.ref and SETTLEMENTS_OF.match(gap):
            out[-1] = p  # "its positions in the wards of A and B": the wards, typed by their own noun
        elif out[-1].ref and not p.ref and REF_NAMES.match(gap):
            list_kind = out.pop()
            typed = _typed(p, list_kind)
            out.append(typed)
            if " near " in typed.name:
                break  # "the camp close to A and B": A and B only locate the camp
        elif p.ref and p.ref != "generic":
            break  # ", the township that ...": an apposition, not another object
        elif out[-1].ref == "generic" and p.unit is not None and OWNER_GAP.match(gap):
            out[-1] = p  # "a hilltop camp belonging to LIB 321": the unit's camp
        elif (COORD_GAP.match(gap) or after_locative and LATE_AND.match(gap)) and not (p.bare and out[-1].ref):
            if p.ref and p.name.lower().startswith("its ") and kind_family(out[-1].kind) == "town":
                p = Place(p.start, p.end, f"{out[-1].name.split()[0]} {p.name.split()[-1]}", p.kind)  # "X town, its airport"
            out.append(_typed(p, list_kind) if list_kind is not None else p)
            after_locative = False
        elif LOCATIVE.search(gap) and len(gap) < 60:
            after_locative = True  # locates the one before
        else:
            break
        prev_end = p.end
    return out


def _antecedent(sm: SentenceMentions, text: str, pos: int) -> list[Place]:
    """The place a relative clause at ``pos`` is about: the last one before it, or the one that
    place only locates ("the X outpost in Y Township, from which …" is about the outpost)."""
    before = [p for p in sm.places if p.end <= pos and not p.inner]
    if not before:
        return []
    last = before[-1]
    if len(before) >= 2 and re.fullmatch(r"\s*(?:in|near|at|of|outside|close\s+to)\s+(?:the\s+)?", text[before[-2].end:last.start], re.I):
        return [before[-2]]
    return [last]


def _typed_list(sm: SentenceMentions, text: str, pos: int, hi: int, family: str, noun: str) -> list[Place]:
    """The places listed after a plural head noun, bare names typed by it ("camps: A and B")."""
    head = noun.lower().rstrip("s") if noun.lower() not in ("cities",) else "city"
    kind = HEAD_KIND.get(head, "other")
    listed = _objects(sm, text, pos, hi, family)
    if kind in ("town", "city", "township", "other"):
        return listed
    return [Place(p.start, p.end, p.name, kind, p.unit, bare=False) if p.bare else p for p in listed]


def _without_dates(text: str, a: int, b: int, sm: SentenceMentions, offset: int = 0) -> str:
    """``text[a:b]`` with its date expressions blanked ("took control on Monday of ..."); ``text``
    starts at ``offset`` of the report (the dates' offsets are the report's)."""
    gap = text[a:b]
    for d in sm.dates:
        ds, de = d.start - offset, d.end - offset
        if a <= ds and de <= b:
            lead = _DATE_LEAD.search(gap, 0, ds - a)  # "on 3 May": the preposition is the date's too
            first = lead.start() if lead else ds - a
            gap = gap[:first] + " " * (de - a - first) + gap[de - a:]
    return gap


_DATE_LEAD = re.compile(r"\b(?:on|in|by|since)\s+$", re.I)


def _typed(p: Place, ref: Place) -> Place:
    """A name that a head noun before it types: "the camps at Hwelon" (a bare name takes the
    head's kind), "the junta's camp close to Man Wein village" (a base named by a village); a
    facility is only located by it ("the junta-run tea factory in Mong Ngaw")."""
    if ref.kind == "town" or p.unit is not None:
        return p
    if ref.ref is not None and FACILITY_END.search(ref.name) and kind_family(p.kind) in ("town", "village"):
        return Place(p.start, p.end, f"{without_determiners(ref.name)} in {p.name}", "other")
    if p.bare:
        return Place(p.start, p.end, p.name, ref.kind, p.unit, bare=False)
    if kind_family(ref.kind) == "base" and kind_family(p.kind) in ("village", "town"):
        noun = ref.name.split()[-1]
        return Place(p.start, p.end, f"{noun} near {p.name}", ref.kind)
    return p


FACILITY_END = re.compile(r"\b(?:factory|police\s+station|hospital|prison|jetty|port|dam|bridge|gate|compound|terminal|"
                          r"substation|plant|facility)$", re.I)
PEOPLE_GAP = re.compile(r"\b(?:soldiers|troops|personnel|commanders?|members|officers|police(?:men)?|fighters|"
                        r"people|civilians|residents|rounds|shells|bombs|villagers|prisoners|families|weapons|arms|guns|rifles|"
                        r"ammunition|vehicles|trucks|drones|equipment|supplies|bodies)\b", re.I)


def _subjects(sm: SentenceMentions, text: str, lo: int, pos: int) -> list[Place]:
    """Places before a passive verb ("A and B were captured"): the nearest and those
    coordinated with it; none when people or things stand between ("soldiers of IB 12 were
    taken", "shells fell on the ward")."""
    cands = [p for p in sm.places if lo <= p.start and p.end <= pos and not p.inner]
    if cands and _BETWEEN_LEAD.search(text, max(lo, cands[0].start - 40), cands[0].start):
        return []  # "five positions lying between A and B had fallen": A and B only locate them
    if len(cands) > 1 and "," in text[lo:pos]:
        # "X, which lies between A and B townships, was taken": the clause only describes X
        asides = [m.span() for m in _RELATIVE_ASIDE.finditer(text, lo, pos)]
        kept = [p for p in cands if not any(a <= p.start < b for a, b in asides)]
        cands = kept or cands
    if not cands:
        return []
    between = text[cands[-1].end:pos]
    if GUARDING.search(text[max(lo, cands[-1].start - 40):cands[-1].start]):
        return []  # "the outposts protecting the X base had been taken": the outposts were, not X
    if PEOPLE_GAP.search(text[max(lo, cands[-1].start - 40):cands[-1].start]) and len(between) < 60 and re.search(
            r"\b(?:of|from|belonging\s+to|with|in|at)\s+(?:the\s+)?$", text[max(lo, cands[-1].start - 20):cands[-1].start]):
        return []
    if PEOPLE_GAP.search(between) or len(between) > 90 and not PARENTHETICAL.match(between):
        return []
    out = [cands[-1]]
    for p in reversed(cands[:-1]):
        gap = text[p.end:out[0].start]
        if out[0].ref not in (None, "generic") and NEW_CLAUSE_AND.fullmatch(_without_dates(text, p.end, out[0].start, sm)):
            break  # "… on Kani on 3 March and the town fell": the reference opens a clause of its own
        if COORD_GAP.match(gap) and out[0].ref not in (None, "generic") and gap.strip() == ",":
            out[0] = p  # "Rihkhawdar, the main trade gate …, fell": an apposition
        elif out[0].unit is not None and APPOSED_UNIT.fullmatch(gap) and text.startswith(",", out[0].end):
            break  # "the last junta stronghold in X, the LIB 5 base, fell": the unit names it
        elif p.ref not in (None, "generic") and p.count != 1 and gap.strip() == "," and all(q.ref is None for q in out):
            out = [_typed(q, p) for q in out]  # "both villages, A and B, …": the names, typed by the noun before them
            break
        elif COORD_GAP.match(gap):
            out.insert(0, p)
        elif LOCATIVE.search(gap) and len(gap) < 40 and not _FINITE_GAP.search(gap) \
                and not _BETWEEN_GAP.fullmatch(gap):
            out[0] = p  # "the IB 237 headquarters by Dasai village in Momauk": the head comes first
        elif PARENTHETICAL.match(gap):
            continue
        else:
            break
    return [p for p in out if p.ref != "generic" or len(out) == 1]
