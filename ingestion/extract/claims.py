"""Stage 3b — claim assembly: a figure, what it counts, and who states it.

Reads the mentions of a sentence (figures, actors, speech verbs); looks only at a few dozen
characters around each figure.

- **What it counts** (the metric): the noun phrase after the figure ("40 junta soldiers",
  "three bases", "28 clashes", "15 of the 17 townships": the figure is 15, the noun
  "townships") and the verb of its clause: before the figure ("killed 12", "killing 12
  soldiers", "captured nine positions", "the death toll rose to 30"), or after the noun
  phrase ("30 soldiers were killed", "20 troops gave themselves up", "nine towns have
  fallen"). A noun that is the count itself needs no verb ("40 deaths", "28 clashes",
  "the bodies of 11 soldiers"). A bare figure coordinated with one just read shares its
  noun or verb ("killing 14 soldiers and capturing 11", "417 killed and 270 wounded").
- **Not figures**: years, ages, distances, times, percentages, money, unit and road
  numbers ("LIB 321", "Highway 5", "Operation 1027"), dates (taken by the date stage), a
  part of a count already read ("11 civilians, five of them children"), places named one by
  one around their count ("two towns: A and B", "A, B and C, three junta camps", "... three
  camps. They were A, B and C"; the extractor also drops a count no greater than the places of
  its kind one captor is found to take, named, in the report). Such numbers do not end the phrase of the
  count before them ("10,000 people from 18 villages had fled"). One person of any kind
  ("captured a lieutenant colonel", "killed a villager", "the other was wounded") counts
  as 1; counts of one kind joined under one verb are one count ("a woman and three men",
  "22 soldiers and 4 policemen were captured"); "thirty (30)" is one figure.
- **Who states it** (the claimant), in this order: the speaker the sentence attributes it to
  ("the KIA said", "according to the CNF", "said Naw Bu, a KIA spokesman", a person named
  with an actor before, "he said" / "the group said" → the speaker of the paragraph, else
  the last actor that spoke, else the actor that did it, else the report's main actor); a
  quotation or "we/our" → the speaker of its paragraph; else the actor that did what the
  figure counts ("the KIA overran 100 bases", "killed by KNLA fighters"), never for
  civilians killed or displaced and never the side that lost the soldiers; else the last
  actor that spoke; else the outlet. Residents, local media and monitors make the outlet
  the claimant. Junta state media and junta-run outlets (named as source, or as the
  outlet) speak for the junta ("it said" after them in the paragraph too); a local
  resistance group outside the registry ("the Yaw Revolution Army", "the Kani PDF") counts
  as the PDF; "the alliance" is the alliance the report named. In a sentence with two
  speakers, a figure is the word of the speaker whose verb stands nearest before it.
- **Whom it is about** (the subject): the actor of the counted noun phrase ("junta
  soldiers", "KIA fighters"), "enemy" → the other side, "our own" → the claimant; for
  places and weapons taken, the side that lost them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ingestion.extract.actors import ACTORS as _ACTORS
from ingestion.extract.actors import COALITIONS, MILITARY
from ingestion.extract.figures import Figure, may_hold_figure
from ingestion.extract.mentions import Actor, SentenceMentions
from ingestion.extract.scan import AnyOf, StemGated, finditer_at, starts_re

STATE_MEDIA = re.compile(r"global\s+new\s+light|new\s+light\s+of\s+myanmar|myawaddy\s+(?:tv|television|daily|news|media|webportal)|"
                         r"\bmoi\b|myanmar\s+digital\s+news|\bgnlm\b|\bmrtv\b|myawady|ministry\s+of\s+information|(?<!NUG['’]s\s)information\s+ministry|state[\s-]+(?:run\s+)?media|"
                         r"myanmar\s+radio\s+and\s+television|\bmitv\b|\bmwd\b|the\s+mirror\b|office\s+of\s+the\s+commander|"
                         r"true\s+news|myanma\s+alinn|kyemon|information\s+team|\bmna\b|myanmar\s+news\s+agency|"
                         r"state[\s-]+(?:run\s+)?(?:television|newspaper|broadcaster)", re.I)

# ------------------------------------------------------------------ nouns (lower case)
ARMED = {"soldier", "soldiers", "troop", "troops", "fighter", "fighters", "personnel", "police", "policemen",
         "policeman", "officers", "officer", "militiamen", "militia", "militiaman", "members", "member", "comrade",
         "comrades", "conscripts", "conscript", "men", "terrorists", "terrorist", "insurgents", "insurgent", "rebels",
         "rebel", "combatants", "servicemen", "recruits", "commanders", "commander", "guards", "attackers", "cadres",
         "troopers", "infantrymen", "marines", "sailors", "pilots", "generals", "colonels", "majors", "captains",
         "lieutenants", "brigadiers", "staff", "forces", "defectors", "deserters", "gunmen", "militants", "cadets",
         "trainees", "others", "more", "enemies", "enemy", "people's", "ranks", "volunteers", "draftees", "fascists"}
CIVIL = {"civilians", "civilian", "people", "persons", "person", "residents", "villagers", "children", "women",
         "locals", "inhabitants", "families", "households", "monks", "students", "workers", "foreigners", "refugees",
         "idps", "internally", "evacuees", "individuals", "teachers", "doctors", "nurses", "farmers", "passengers",
         "man", "woman", "child", "boy", "girl", "boys", "girls", "infants", "elderly", "youths", "teenagers",
         "patients", "protesters", "victims", "nuns", "novices", "pastors", "priests", "traders", "miners", "labourers",
         "laborers", "vendors", "worshippers", "pilgrims", "journalists", "sons", "daughters", "relatives", "siblings",
         "brothers", "sisters", "parents", "grandchildren", "servants", "employees", "administrators", "nationals", "citizens",
         "informants", "informers", "dalans", "dalan", "detainees", "suspects", "rohingya", "rohingyas"}
NOUN_METRIC = {
    "deaths": "killed", "death": "killed", "fatalities": "killed", "lives of": "killed", "corpse": "killed", "body of": "killed",
              "loss of": "lost", "fall of": "took", "capture of": "took", "seizure of": "took",
              "surrender of": "surrendered", "defection of": "surrendered", "bodies": "killed", "corpses": "killed",
    "dead": "killed", "lives": "killed", "lifes": "killed", "kills": "killed",
    "injuries": "wounded", "injured": "wounded", "wounded": "wounded",
    "pows": "pow", "pow": "pow", "prisoners-of-war": "pow",
    "clashes": "clashes", "battles": "clashes", "engagements": "clashes", "skirmishes": "clashes",
    "firefights": "clashes", "gunfights": "clashes", "encounters": "clashes", "exchanges": "clashes",
    "confrontations": "clashes",
    "casualties": "casualties",  # the dead and the wounded together: an "other" count
    "defections": "defections",  # a tally of defections: an "other" count, no surrender in battle
}
PLACE_METRIC = {
    "bases": "bases_captured", "base": "bases_captured", "battalions": "bases_captured", "battalion": "bases_captured",
    "headquarters": "bases_captured", "garrisons": "bases_captured", "strongholds": "bases_captured",
    "sites": "bases_captured", "commands": "bases_captured", "regiments": "bases_captured",
    "outposts": "outposts_captured", "outpost": "outposts_captured", "posts": "outposts_captured",
    "post": "outposts_captured", "positions": "outposts_captured", "position": "outposts_captured",
    "checkpoints": "outposts_captured", "checkpoint": "outposts_captured", "camps": "outposts_captured",
    "camp": "outposts_captured", "stations": "outposts_captured", "fortifications": "outposts_captured",
    "towns": "towns_captured", "town": "towns_captured", "cities": "towns_captured", "city": "towns_captured",
    "capitals": "towns_captured",
    "townships": "other",
    "weapons": "weapons_seized", "weapon": "weapons_seized", "arms": "weapons_seized", "firearms": "weapons_seized",
    "guns": "weapons_seized", "gun": "weapons_seized", "rifles": "weapons_seized", "rifle": "weapons_seized",
    "howitzers": "weapons_seized", "mortars": "weapons_seized", "launchers": "weapons_seized",
    "pistols": "weapons_seized", "missiles": "weapons_seized", "artillery": "weapons_seized",
    "aircraft": "aircraft_downed", "jets": "aircraft_downed", "jet": "aircraft_downed", "planes": "aircraft_downed",
    "plane": "aircraft_downed", "helicopters": "aircraft_downed", "helicopter": "aircraft_downed",
    "warplanes": "aircraft_downed", "warplane": "aircraft_downed",
}
# words that may stand between a figure and its noun ("40 junta soldiers", "five of the
# junta's military camps"); anything else ends the search for the noun
_NP_STOP = {"and", "or", "in", "on", "at", "from", "near", "during", "since", "after", "before", "by", "with", "to",
            "that", "which", "who", "were", "was", "had", "have", "has", "are", "is", "been", "be", "while", "when",
            "for", "as", "but", "into", "across", "inside", "outside", "along", "over", "under", "around", "between",
            "against", "per", "each", "than", "would", "will", "could", "also", "including", "among", "this", "last",
            "them", "those", "these", "they", "their", "it", "its", "a", "an",
            # verbs: the noun phrase is over
            "killed", "dead", "died", "wounded", "injured", "hurt", "captured", "seized", "taken", "arrested", "detained",
            "surrendered", "fled", "fell", "fallen", "gave", "handed", "lost", "perished", "remain", "remained",
            "escaped", "ran", "went", "crossed", "got", "may", "might", "reportedly", "allegedly", "now", "still",
            "having", "being", "managed", "made", "martyred", "sacrificed", "slain", "executed", "murdered",
            "abducted", "defected", "confiscated",
            # speech and time words: "killed 23 according to the KIA", "wounded 12 yesterday"
            "according", "said", "says", "told", "claimed", "reported", "yesterday", "today", "earlier", "overnight"}
_TOKEN = re.compile(r"[\w'’-]+|[,.;:()\"“”—–]")

# ------------------------------------------------------------------ verbs
# the verb right before a figure ("killed 12", "captured nine positions", "the toll rose to 30"),
# read from the last words before it: a look-up, no search over the text
HEAD_WORDS = frozenset("""
got collected collecting kill killed killing kills injure wound wounded wounding wounds injured injuring injures hurt captured capturing captures capture
detained detaining detains detain arrested arresting arrests arrest seized seizing seizes seize took taken taking takes
overran overrun overrunning overruns occupied occupying occupies control controls controlled controlling downed downing
lost losing loses lose misplaced displaced displacing displaces uprooted uprooting recaptured recapturing recaptures retook retaken
retaking surrendered surrendering ceded ceding hold holds holding held found recovered recovering confiscated
confiscating gained gaining liberated liberating conquered conquering abducted abducting executed executing massacred
massacring neutralised neutralized neutralising neutralizing eliminated eliminating slew murdered murdering apprehended apprehending driven driving drive drove forced
forcing pushed pushing left leaving secured securing secures wrested wresting regained
regaining reclaimed reclaiming cleared clearing grabbed grabbing obtained obtaining acquired acquiring slaughtered
slaughtering caught catching nabbed abandoned abandoning vacated vacating snatched snatching annihilated annihilating
died get""".split())  # "died 12 soldiers of the military council" (translated English)
HEAD_PAIRS = frozenset({"withdrew from", "withdrawn from", "retreated from", "pulled out of", "rounded up", "rounding up", "wiped out", "wiping out", "took over", "taken over", "taking over", "takes over", "hold of", "shot dead", "shot down", "brought down", "shooting down", "won back", "winning back", "win back",
                        "stripped of", "bodies of", "remains of", "took out", "taken out", "taking out", "left behind", "leaving behind", "burned alive", "burnt alive", "buried alive", "gunned down", "mowed down", "mown down", "picked off", "deaths of", "death of", "killing of", "fatalities of", "lives of",
                        "corpse of", "corpses of", "body of", "control of", "control over", "capture of", "seizure of", "fall of",
                        "loss of", "surrender of", "defection of", "deaths of", "killings of", "massacre of", "massacres of",
                        "murder of", "murders of", "genocide against", "massacre against", "displacement of",
                        "evacuation of", "arrest of", "arrests of", "detention of",
                        "their lives"})  # "lost their lives 14 people" (translated English)
_HEAD_FILL = re.compile(r"(?:\b(?:a\s+total\s+of|total|another|a\s+further|an\s+estimated|in\s+total|in\s+all|all|only|just|"
                        r"all\s+or\s+part\s+of|some\s+of|at\s*least|an?\s+(?:\w+\s+)?(?:haul|cache|stockpile|arsenal)\s+of)|[\"“])\s*$", re.I)
# what a _HEAD_FILL match ends with (lower case), before the white space that ends the text
_HEAD_FILL_ENDS = ("of", "total", "another", "further", "estimated", "all", "only", "just", "least", '"', "“")


def _head_fill(b: str) -> re.Match | None:
    """``_HEAD_FILL.search(b)``, not tried where no fill word ends ``b`` (ASCII text: case folding
    outside ASCII, as "ſ" for "s", is the expression's to judge)."""
    if b.isascii() and not b.rstrip().lower().endswith(_HEAD_FILL_ENDS):
        return None
    return _HEAD_FILL.search(b)
_QUOTES = re.compile(r"[\"“”]")
_LAST_WORDS = re.compile(r"([A-Za-z]+)\s+([A-Za-z]+)\s*$")
_TOLL = re.compile(r"\btoll\b", re.I)
_COUNT_NOUNS = frozenset({"deaths", "death", "dead", "killed", "fatalities", "injuries", "injured", "wounded", "clashes", "battles",
                          "prisoners", "captured", "displaced", "surrendered", "defected", "defections"})
_COUNT_OF = re.compile(r"\b(?:number|tally|total|count|toll)\s+(?:of\s+)?(?:[\w'’-]+\s+){0,4}?(?P<v>killed|dead|deaths|wounded|injured|"
                       r"captured|detained|displaced|surrendered|IDPs|refugees|prisoners\s+of\s+war|POWs|towns|bases|outposts|camps|positions|"
                       r"cities)\b", re.I)
# a count of places a tally or a side's gains come to: "the number of towns under its control (rose) to 14",
# "the group's gains include 9 towns", "its tally stands at 12 towns"
_TALLY_BEFORE = re.compile(r"\b(?:tally|total|count|number|gains?|haul|losses)\b[^.;:]{0,50}\b(?:at|to|reached|include[sd]?|"
                           r"including|stands?|stood|totals?|totalled|totaled|was|is)\s+$", re.I)
# count nouns that name the figure right after them, with no verb or colon between (clipped or garbled text)
_DEATH_TOLL = re.compile(r"\b(?:death|fatality)\s+toll\b[^.;:]{0,50}$", re.I)
_NOUN_HEADS = frozenset({"death", "deaths", "fatalities", "injuries", "toll"})
_CLASH_VERB = re.compile(r"\b(?:fought|clashed|battled|engaged|(?:traded|exchanged)\s+fire|"
                         r"(?:fighting|clashes|battles)\s+(?:broke\s+out|erupted|flared(?:\s+up)?|occurred|took\s+place))\b", re.I)


# a count noun as the subject of a linking verb, a time or a battle between: "junta casualties in the week
# numbered 47", "fatalities during the fighting reached 40", "casualties stood at 300"
_COUNT_SUBJECT = re.compile(r"\b(?P<v>deaths|dead|fatalities|injuries|casualties)\s+(?:(?:in|during|over|for|of|from|last|this|that|"
                            r"the|past|previous|week|month|year|weeks|months|days|\w+day|fighting|battle|clashes|offensive|"
                            r"operation|period|on|among|side|junta|regime|military|enemy|army)\s+){0,5}(?:numbered|totall?ed|"
                            r"reached|exceeded|hit|topped|stood\s+at|stands\s+at|came\s+to|rose\s+to|climbed\s+to|were|was|are|is|"
                            r"(?:(?:were|was|are|is)\s+)?(?:estimated|put|placed)\s+at|at)\s*$", re.I)
_LINKING_ENDS = frozenset({"numbered", "totalled", "totaled", "reached", "exceeded", "hit", "topped", "at", "to", "were",
                           "was", "are", "is"})


def _head(before: str) -> str | None:
    """The verb that ends ``before`` (fill words such as "a total of" skipped), or None."""
    b = before.rstrip()
    if len(b) == len(before) and not b.endswith(("\"", "“")):
        return None  # the figure is glued to the word before it
    for _ in range(2):
        m = _head_fill(b[-20:])
        if m is None:
            break
        b = b[:len(b) - 20 + m.start()].rstrip() if len(b) > 20 else b[:m.start()].rstrip()
    if _QUOTES.search(b, len(b) - 30):
        # a verb in scare quotes: 'had "eliminated" 11 terrorists', '“neutralised” 30 fighters'
        b = _QUOTES.sub("", b[-60:]).rstrip()
    if b.endswith((":", " -", " –", " —")):
        # "Junta losses: 14 killed", "soldiers killed – 30", "deaths: 40"
        b = b.rstrip(":-–— ")
        w = b.rsplit(None, 1)[-1].lower() if b.strip() else ""
        if w in _COUNT_NOUNS or w in HEAD_WORDS:
            return w
        label = b[b.rfind("\n") + 1:]  # the label of a tally line
        m = _COUNT_OF.search(label[-80:])
        if m:
            return m.group("v").lower()  # "The number of junta troops killed last week: 214"
        if label.lstrip(" \t•*·-").startswith(("The ", "A ", "An ")):
            return None  # "The KIA captured the town on Monday: 40 soldiers surrendered": a clause, no tally label
        m = _LABEL_PLACE.search(label)
        if m and m.group("v").lower() in HEAD_WORDS:
            return m.group("v").lower()  # "Towns seized by resistance forces: 3"
        words = label.split()
        if len(words) <= 8:
            # "Junta soldiers killed last week: 312", "Killed in May: 41": a tally label, its verb among its first words
            for w in words[:4]:
                lw = w.lower()
                if lw in ("the", "a", "an"):
                    break
                if lw in HEAD_WORDS or lw in _COUNT_NOUNS:
                    return lw
        return None
    m = _LAST_WORDS.search(b[-40:])
    if m is None:
        w = b.rsplit(None, 1)[-1].lower().lstrip(",;(") if b.strip() else ""  # ",injured 15"
        if w in ("to", "from"):
            m = _COUNT_OF.search(b[-80:])  # "the number of IDPs rose from 90,000 in 2022 to 200,000"
            if m is None and "toll" in b[-80:] and _DEATH_TOLL.search(b[-80:]):
                return "toll"  # "raised the death toll from 12 to 20"
            return m.group("v") if m else None
        return w if w in HEAD_WORDS else None
    w1, w2 = m.group(1).lower(), m.group(2).lower()
    if w2 in _NOUN_HEADS and len(b) == len(before.rstrip()):
        return w2  # "junta troops death 27, injured 15", "death toll 27": a count noun right before the figure
    if w2 in ("were", "was", "numbered", "totalled", "totaled") and w1 in _COUNT_NOUNS:
        return w1  # "junta deaths were 40"
    if w2 in ("dead", "injured", "wounded") and w1 in ("side", "enemy", "enemies", "junta", "council", "troops", "soldiers") \
            and len(b) == len(before.rstrip()):
        return w2  # "Enemy side dead 15 people, injured 20" (translated English)
    if f"{w1} {w2}" in HEAD_PAIRS:
        if w1 == "control" and re.search(r"\b(?:lost|losing|loses|lose|ceded|ceding)\s+control\s+(?:of|over)\s*$", b[-40:], re.I):
            return "lost"  # "the junta lost control of 4 townships"
        return f"{w1} {w2}"
    if w2 in HEAD_WORDS:
        return w2
    if w2 == "alive" and w1 in HEAD_WORDS:
        return w1  # "captured alive 5 terrorists", "arrested alive 3"
    if w2 in ("at", "to", "of", "reached", "hit", "is", "was", "stood", "stands") and _TOLL.search(b[-70:]):
        return "toll"
    if w2 in ("at", "to", "is", "was", "reached", "hit", "stood", "stands", "totalled", "totaled", "numbered", "exceeds",
              "exceeded", "tops", "topped", "surpassed", "from"):
        # "the number of soldiers killed is 30", "the tally of wounded stood at 12"
        m = _COUNT_OF.search(b[-80:])
        if m:
            return m.group("v")
    if w2 in _LINKING_ENDS:
        m = _COUNT_SUBJECT.search(b[-80:])
        if m:
            return m.group("v").lower()  # "junta casualties in the week numbered 47", "junta deaths last month reached 40"
    return None


_AUX = (r"(?:(?:had|have|has|were|was|are|is|reportedly|allegedly|also|now|all|been|being|later|subsequently|"
        r"eventually|then|either|both|having|having\s+been|may\s+have|said\s+to\s+have|forcibly|badly|seriously|"
        r"critically|severely|fatally|mostly|still|believed\s+to\s+have|reported|confirmed|since|already|in\s+total|"
        r"more|so\s+far|altogether|among\s+(?:those|the)(?:\s+who)?|remain(?:s|ed|ing)?(?=\s+in\s+(?:its|their|our|the)\s+(?:[\w'’-]+\s+){0,2}?custody))\s+)*")
TAIL_VERB = re.compile(
    r"\s*[\"”]?\s*" + _AUX +
    r"(?P<v>(?:fled|crossed|escaped|retreated|ran)\s+(?:[\w'’-]+\s+){0,6}?(?:in\s+order\s+)?to\s+surrender|"  # "crossed the river to surrender"
    r"(?:(?:(?:to\s+)?(?:fled|flee|escaped|escape|crossed|cross|retreated|ran)|(?:sought|taken|took|seeking|taking)\s+(?:shelter|refuge))"
    r"\s+(?:[\w'’-]+\s+){0,5}?(?:into|to|over|across|in)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?|(?:entered|entering)\s+(?:the\s+)?)"
    r"(?:Thailand|India|Bangladesh|China|Mizoram|Manipur|Mae\s+Sot|Mae\s+Hong\s+Son|Tak\s+[Pp]rovince|Chiang\s+Rai|Kanchanaburi|Ranong|Yunnan|Ruili|Cox['’]s\s+Bazar|Bandarban|Nagaland|Thai\\s+(?:side|territory|soil)|Indian\s+(?:side|territory|soil)|"
    r"Chinese\s+(?:side|territory|soil)|Bangladeshi\s+(?:side|territory|soil))|killed|dead|died|perished|slain|(?:was\s+|were\s+)?sacrific(?:ed|e)(?:\s+(?:their|his|her)\s+li(?:fe|ves))?|burned\s+to\s+death|burnt\s+to\s+death|(?:burned|burnt|buried)\s+alive|martyred|murdered|(?:taken\s+)?(?:in|into)\s+(?:its\s+|their\s+|our\s+|the\s+)?(?:[\w'’-]+\s+){0,2}?custody|gunned\s+down|executed|apprehended|nabbed|yielded|misplaced\s+(?:their|his|her)\s+li(?:fe|ves)|(?<=\sbeen\s)lost|(?<=\swere\s)lost|(?<=\swas\s)lost|brought\s+down|(?:raised|raising|hoisted)\s+(?:a|the)\s+white\s+flags?|(?:tortured|beaten|stabbed|hacked|bludgeoned)\s+to\s+death|massacred|wiped\s+out|slaughtered|beheaded|rounded\s+up|caught|(?:taking|seeking)\s+(?:refuge|shelter)|(?:ran|run|running)\s+for\s+their\s+lives|succumbed\s+to\s+(?:their|his|her)\s+(?:injuries|wounds)|neutrali[sz]ed|eliminated|annihilated|switched\s+sides|(?:sought|taken|took)\s+refuge|evacuated|lost\s+(?:(?:their|his|her)\s+)?li(?:fe|ves)|(?:gave|given)\s+(?:their|his|her)\s+li(?:fe|ves)|"
    r"wounded|injured|hurt|got\s+(?:injur\w*|wounded|hurt)|(?:sustained|suffered|received)\s+(?:\w+\s+)?(?:injuries|wounds)|(?:being\s+)?treated\s+for\s+(?:\w+\s+)?(?:injuries|wounds)|captured|taken\s+(?:as\s+)?(?:prisoners?|captive|alive|hostages?|POWs?)|arrested|detained|"
    r"(?<=\s)(?:die|dies|injure|arrest|capture|kill|occupy|seize|displace|surrender)(?=\s*[,.]|\s+(?:alive|and|in|at|during)\b)|"
    r"(?:gone\s+over|went\s+over|joined|defected)\s+to\s+(?:the\s+)?(?:civil\s+disobedience\s+movement|CDM)|(?:joined|joining)\s+(?:the\s+)?(?:civil\s+disobedience\s+movement|CDM)|"
    r"(?:came|come|coming|crossed|went|gone)\s+over\s+to\s+(?:the\s+|its\s+|their\s+|our\s+)?"
    r"(?:side|resistance|revolution(?:ary)?\b|people|(?-i:[A-Z]))|(?:joined|joining)\s+the\s+(?:resistance|revolution)(?!\s+(?:movement|in\b))|"
    r"surrendered|surrendering|defecting|returned\s+to\s+the\s+legal\s+fold|(?:gave|give|given|giving)\s+themselves\s+up|(?:gave|given|giving)\s+up\s+(?:their\s+)?(?:weapons|arms)|"
    r"(?:laid|lay|laying)\s+down\s+(?:their\s+)?(?:weapons|arms)|handing\s+themselves\s+(?:over|in)|"
    r"handed\s+themselves\s+(?:over|in)|turned\s+themselves\s+in|laid\s+down\s+(?:their\s+)?arms|defected|deserted\s+to(?=\s)|deserted(?!\s+(?:the|their|his|its|a|an)\b|\s+and\s+(?:then\s+)?(?:handed|gave|surrendered|turned|laid|defected|joined))|"
    r"displaced|(?:had\s+to\s+)?(?:leave|left|abandon(?:ed)?|flee|fled|depart(?:ed)?)\s+(?:their|his|her)\s+(?:homes?|houses?|properties|villages?)|"
    r"fled|flee|fleeing|uprooted|(?:sought|taken|took)\s+shelter|on\s+the\s+run|(?:sought|seeking)\s+safety|(?:made|left|rendered)\s+homeless|"
    r"(?:living|staying)\s+in\s+(?:[\w-]+\s+){0,2}?(?:camps|shelters|tents)|sheltering|left(?!\s+(?:behind|dead|injured|wounded|homeless|stranded|without|with|alone|over|out|in\s+the|on|for|to|empty|unguarded))|forced\s+(?:to\s+(?:flee|leave|abandon|move|relocate)|from|out)|(?:driven|chased)\s+(?:out|from|away)|(?:removed|evicted|expelled|relocated)(?=[^.;]{0,40}\bfrom\b)|"
    r"seized|confiscated|taken|recovered|collected|handed\s+over|overrun|occupied|secured|cleared|regained|reclaimed|liberated|shot\s+down|downed|"
    r"(?:gave|given)\s+up(?!\s+(?:the|their|its|his|her|on\s+(?:the\s+)?(?:idea|plan|hope)))|"
    r"moved\s+to\s+(?:safer|safety|other|nearby|neighbou?ring)|hiding\s+in\s+(?:the\s+)?(?:jungle|forest|mountains|hills)|"
    r"abandoned|vacated|left\s+(?:empty|unguarded|vacant)|(?:held|controlled)\s+by|"
    r"fell\s+in\s+(?:battle|action|combat|the\s+(?:fighting|battle|clash(?:es)?))|fell\s+into|fell(?!\s+back)|fallen|(?:came|come)\s+under\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}control|(?:now\s+)?in\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}hands|"
    r"under\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}control|remain(?:s|ed)?\s+in|captive|prisoners?|hostages?|alive)\b",
    re.I)
# the verb in the noun phrase's tail when another verb word stands between ("... whom the AA killed")
_TAIL_BAD_NP = re.compile(r"\b(?:said|says|that|which|who|whom|when|while|where|if|because|although)\b|[;:]|"
                          r",\s+and\s+(?:a|an|the|one|another|\d)\b", re.I)  # ", and a single soldier was seized": a clause of its own
# a relative clause whose subject is another, so the counted are its verb's object: "230 soldiers that it had
# captured", "35 rifles which the PDF seized", "12 soldiers whom its fighters killed"
_OBJECT_RELATIVE = re.compile(r"\s*(?:that|which|whom)\s+(?:it|they|we|he|she|(?:its|their|our|the)\s+(?:[\w'’-]+\s+){0,2}?[\w'’-]+"
                              r"|(?-i:[A-Z][\w'’-]*)(?:\s+(?-i:[A-Z][\w'’-]*)){0,3})\s*", re.I)
# a relative clause about the counted, whose verb is done to them or has no object: "500 soldiers who surrendered",
# "12 soldiers who were killed" (not "30 soldiers who killed villagers")
_SUBJECT_RELATIVE = re.compile(r"\s*,?\s*(?:who|that)\s*", re.I)
_PASSIVE_AUX = re.compile(r"\b(?:were|was|been|being|are|is)\b", re.I)
_RELATIVE_MAIN = re.compile(r"\s*,?\s*(?:who|that)\s+(?:[\w'’-]+\s+){1,8}?(?=(?:were|was|had\s+been|have\s+been|has\s+been|are|is)\s)", re.I)
# ... only as the object of a verb of another act ("accepted 500 soldiers who surrendered", "buried the bodies of 12
# soldiers who were killed"); as a subject ("Three generals who surrendered were sentenced") it describes them
_OBJECT_OF_VERB = re.compile(r"\b(?!(?:said|reported|claimed|stated|announced|confirmed|estimated|added|noted|stressed)\b)"
                             r"[a-z]+ed\s+(?:(?:a\s+total\s+of|the\s+bodies\s+of|some|about|around|nearly|almost|over|more\s+than|at\s+least)\s+)?$")
# after an active transitive verb, an object: "20 soldiers killed a woman" is no count of the dead
_OBJECT_NEXT = re.compile(r"^\s+(?:(?:a|an|the|his|her|their|its|one|two|three|four|five|six|seven|eight|nine|ten|several|some|"
                          r"many|all|most|both|half|dozens|scores|hundreds)\b|\d|(?-i:[A-Z]))", re.I)
_TRANSITIVE = ("killed", "wounded", "injured", "hurt", "captured", "arrested", "detained", "seized", "confiscated",
               "taken", "recovered", "occupied", "downed")

KILL_CLASS = {"came over": "cdm",
              "come over": "cdm", "coming over": "cdm", "crossed over": "cdm",  # defectors: an "other" count
              "went over to": "cdm", "gone over to": "cdm", "joined the": "cdm", "joining the": "cdm", "took out": "killed", "taken out": "killed", "taking out": "killed","left homeless": "displaced", "made homeless": "displaced", "rendered": "displaced", "on the run": "displaced",
              "living in": "displaced", "staying in": "displaced", "seeking safety": "displaced", "idps": "displaced", "refugee": "displaced", "sought shelter": "displaced", "taken shelter": "displaced", "took shelter": "displaced", "shelter": "displaced",
              "shot dead": "killed", "slain": "killed", "slaughter": "killed", "wip": "killed", "behead": "killed",
              "round": "captured_personnel", "caught": "captured_personnel", "catch": "captured_personnel",
              "nabbed": "captured_personnel", "yielded": "surrendered", "misplaced their": "killed", "misplaced his": "killed",
              "misplaced her": "killed", "depart": "displaced", "hold of": "took", "snatch": "took",
              "raised a white": "surrendered", "raised the white": "surrendered",
              "raising a white": "surrendered", "raising the white": "surrendered", "hoisted": "surrendered", "taken hostage": "captured_personnel", "hostage": "captured_personnel", "pows": "captured_personnel", "taking refuge": "displaced", "taking shelter": "displaced", "seeking shelter": "displaced",
              "ran for": "displaced", "run for": "displaced", "running for": "displaced",
              "seeking refuge": "displaced", "burn": "killed", "martyr": "killed", "sacrific": "killed", "was sacrific": "killed", "were sacrific": "killed", "murder": "killed",
              "taken in": "captured_personnel", "taken into": "captured_personnel", "in custody": "captured_personnel",
              "into custody": "captured_personnel", "slew": "killed", "gunned": "killed", "mowed": "killed", "buried alive": "killed", "mown": "killed", "picked off": "killed", "remains of": "killed", "apprehend": "captured_personnel",
              "switched": "surrendered", "sought": "displaced", "taken refuge": "displaced", "took refuge": "displaced",
              "evacuat": "displaced", "gave themselves": "surrendered", "give themselves": "surrendered", "giving themselves": "surrendered",
              "given themselves": "surrendered", "gave up": "surrendered", "given up": "surrendered",
              "giving up": "surrendered", "lay down": "surrendered", "laying down": "surrendered",
              "handing themselves": "surrendered",
              "fell in ": "killed",  # "fell in battle"
              "kill": "killed", "genocide": "killed", "dead": "killed", "died": "killed", "perished": "killed", "lost their": "killed", "lost li": "killed", "their li": "killed", "die": "killed",
              "lost his": "killed", "lost her": "killed", "gave ": "killed", "given ": "killed", "execut": "killed", "massacr": "killed",
              "neutrali": "killed", "succumbed": "killed", "eliminat": "killed", "annihilat": "killed", "returned to the legal": "surrendered", "claim": "killed", "toll": "killed", "bodies": "killed",
              "death": "killed", "fatalities": "killed", "casualties": "casualties", "lives of": "killed", "corpse": "killed", "body of": "killed",
              "loss of": "lost", "fall of": "took", "capture of": "took", "seizure of": "took",
              "surrender of": "surrendered", "defection of": "surrendered",
              "got injur": "wounded", "got wound": "wounded", "got hurt": "wounded",
              "wound": "wounded", "injur": "wounded", "hurt": "wounded", "sustained": "wounded", "suffered": "wounded", "treated": "wounded", "being treated": "wounded",
              "received": "wounded",
              "surrender": "surrendered", "gave themselves": "surrendered", "give themselves": "surrendered",
              "giving themselves": "surrendered", "handed themselves": "surrendered",
              "turned themselves": "surrendered", "laid down": "surrendered", "defected": "surrendered", "deserted": "surrendered",
              "captur": "captured_personnel", "arrest": "captured_personnel", "detain": "captured_personnel", "abduct": "captured_personnel",
              "taken as": "captured_personnel", "taken prisoner": "captured_personnel",
              "taken captive": "captured_personnel", "taken alive": "captured_personnel", "captive": "captured_personnel",
              "prisoner": "captured_personnel", "alive": "captured_personnel",
              "displac": "displaced", "leave": "displaced", "removed": "displaced", "evicted": "displaced",
              "expelled": "displaced", "relocated": "displaced", "abandon": "displaced", "had to": "displaced", "uproot": "displaced", "fled": "displaced", "flee": "displaced",
              "forced to": "displaced", "forced from": "displaced", "forced out": "displaced",
              "driven out": "displaced", "driven from": "displaced", "driven away": "displaced", "chased": "displaced",
              "driv": "drove", "drove": "drove", "forc": "drove", "push": "drove",
              "shot down": "downed", "shooting down": "downed", "brought down": "downed", "downed": "downed",
              "downing": "downed",
              "fought": "clashes", "clashed": "clashes", "clashes": "clashes", "battles": "clashes",
              "prisoners": "captured_personnel", "defections": "surrendered", "battled": "clashes", "engaged": "clashes", "traded": "clashes",
              "exchanged": "clashes",
              "found": "found", "recover": "found",
              "held by": "hold", "controlled by": "hold", "vacat": "left", "tortured": "killed", "beaten": "killed",
              "stabbed": "killed", "hacked": "killed", "bludgeoned": "killed",
              "moved to": "displaced", "hiding": "displaced", "handed over": "took", "collected": "took",
              "lost": "lost", "losing": "lost", "loses": "lost", "lose": "lost", "misplaced": "lost", "left": "left", "leaving": "left",
              "hold": "hold", "held": "hold", "remain": "hold", "in ": "hold", "under": "hold", "came under": "took",
              "come under": "took"}


_FLEE_ABROAD = re.compile(r"[^.;]{0,60}?\b(?:flee|cross|escape|seek\s+(?:shelter|refuge))\s+(?:[\w'’-]+\s+){0,4}?"
                          r"(?:into|to|over|across|in)\s+(?:the\s+)?(?:Thailand|India|Bangladesh|China|Mizoram|Manipur|Mae\s+Sot|Mae\s+Hong\s+Son|Tak\s+[Pp]rovince|Chiang\s+Rai|Kanchanaburi|Ranong|Yunnan|Ruili|Cox['’]s\s+Bazar|Bandarban|Nagaland)\b")
_ABROAD = re.compile(r"\b(?:Thailand|India|Bangladesh|China|Mizoram|Manipur|Thai|Indian|Chinese|Bangladeshi|Mae\s+Sot|Mae\s+Hong\s+Son|Tak\s+[Pp]rovince|Chiang\s+Rai|Kanchanaburi|Ranong|Yunnan|Ruili|Cox['’]s\s+Bazar|Bandarban|Nagaland)\b")


@lru_cache(maxsize=4096)  # a function of the words alone; few verbs, read again and again
def _verb_class(v: str) -> str:
    if v.endswith("to surrender"):
        return "surrendered"  # "crossed the river to surrender"
    if v.endswith(("movement", "CDM")) or v.lower() == "deserted":
        return "cdm"  # "500 soldiers have deserted": defectors, no surrender in battle (not "deserted to the KNLA")  # "12,000 soldiers have joined the civil disobedience movement": defectors, no surrender in battle
    if " " in v and _ABROAD.search(v):
        return "abroad"  # "fled into Thailand"
    if v.endswith("custody"):
        return "captured_personnel"  # "in its custody"
    v = " ".join(v.lower().split())
    for stem, cls in KILL_CLASS.items():
        if v.startswith(stem):
            return cls
    return "took"  # captured, seized, took, overran, occupied, control, fell ...


# ------------------------------------------------------------------ not figures
SKIP_AFTER = re.compile(
    r"^(?:\s*[-–]?\s*(?:%|percent|per\s*cent|km\b|kilomet|miles?\b|mi\b(?!-\d)|metres|meters|feet|ft\b|yards|years?\b|months?\b|"
    r"weeks?\b|days?\b|hours?\b|minutes?\b|a\.?m\b|p\.?m\b|o['’]clock|kyats?\b|baht\b|dollars|yuan|lakh|crore|acres?\b|"
    r"hectares|square|storey|mm\b|millimet|kg\b|tons?\b|tonnes?\b|decades?\b|centuries|year-old|-year|-month|-day|-mile|"
    r"mile\b|rounds\b(?!\s+of\s+(?:heavy\s+|armed\s+)?(?:fighting|clashes|combat|battle))|boxes\b|houses\b|homes\b|buildings\b|villages\b|st\b|nd\b|rd\b|th\b|times\b|occasions\b|"
    r"thirds?\b|quarters\b|fifths?\b)|"
    r"[:.]\d|/\d|,\s*(?:19|20)\d\d\b|\s*\))", re.I)
# a word right before a figure that makes it a name, a date or a measure: "LIB 345", "No. 5",
# "aged 45", "since 2021", "May 12", "Operation 1027", "of the 17 (townships)"
_SKIP_WORDS = frozenset("""
no nos number aged age since battalion battalions lib ib tb moc roc lid division brigade brigades command route highway
road mile ward wards quarter block street operation article section phase unit column regiment company camp gate bridge
hill point zone sector region group squad platoon battery january february march april may june july august september
october november december jan feb mar apr jun jul aug sep sept oct nov dec""".split())
_SKIP_END_CHARS = tuple("$€£#(0123456789")


_DAY_PAIR = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?\s*(?:,\s*|\s+)?"
                       r"(?:and|to|or|through|till|until)\s+$")


_DAY_NEXT = re.compile(r"\s*(?:[,.;:)]|$|\s+(?:and|in|at|on|near|when|while|during|as|the|[A-Z]))")


_AGE_PAIR = re.compile(r"\b(?:aged|ages?(?:\s+of)?)\s+\d+\s*(?:to|and|-|–)\s*$", re.I)


_NAME_COMMA = re.compile(r"[A-Z][\w'’-]+,\s*$")
_COMMA_NEXT = re.compile(r"\s*(?:,|years?\s+old\b)")


def _age_of_name(before: str, after: str, f: Figure) -> bool:
    """"Ko Zaw Lin, 32, was shot dead": the number after a name, between commas, is an age."""
    return f.value is not None and f.value < 110 and _NAME_COMMA.search(before[-30:]) is not None \
        and _COMMA_NEXT.match(after) is not None


def _skip_before(before: str) -> bool:
    if not before:
        return False
    if before.endswith(_SKIP_END_CHARS) or before.endswith(".") and before[-2:-1].isdigit():
        return True
    if before[-1:] in "-–" and before[-2:-1].isalnum():
        return True  # "IB-135"
    if _AGE_PAIR.search(before[-25:]):
        return True  # "aged 18 to 25"
    b = before.rstrip().rstrip(".(-").rstrip()
    words = b[-40:].split()
    if not words:
        return False
    last = words[-1].lower()
    if last in _SKIP_WORDS:
        return True
    if len(words) >= 2 and (before.rstrip()[-1:].isalnum() or last.endswith(("'s", "’s"))):
        prev = words[-2].lower()
        if (prev, last) in (("in", "the"), ("out", "of"), ("of", "the")):
            return not (last == "the" and prev == "of" and len(words) >= 3 and words[-3].lower() == "all")  # "all of the (12)"
        if prev == "of" and last.endswith(("'s", "’s")):
            return True  # "of Rakhine's (17 townships)"
        if len(words) >= 3 and words[-3].lower() == "of" and prev == "the":
            return True  # "of the state's (17)", "of the remaining (5)"
        if len(words) >= 4 and words[-4].lower() == "of" and words[-3].lower() == "the" and last.endswith(("'s", "’s")):
            return True
    return False


# "Of the 57 terrorists killed, 12 were ...": the whole is a count of its own (a participle after its noun), not
# the total of an aggregate ("15 of the 17 townships")
_OF_THE_LEAD = re.compile(r"(?:^|[,;]\s*|\n)\s*(?:Of|Out\s+of)\s+the\s+$")
_OF_THE_COUNTED = re.compile(r"\s+(?:[\w'’-]+\s+){0,2}?(?:killed|dead|wounded|injured|captured|arrested|detained|displaced|"
                             r"surrendered|seized|overrun|lost|taken)(?:\s+(?:by|in|on|since|during|from|last|this)\s[^,;.:]{1,40}?)?\s*,", re.I)


def _of_the_counted(text: str, s0: int, f: Figure) -> bool:
    """"Of the 57 terrorists killed, ...": the figure after a leading "Of the" counts what its participle says."""
    if _OF_THE_COUNTED.match(text, f.end) is None:
        return False
    seg = text[max(s0, f.start - 14):f.start]
    m = _OF_THE_LEAD.search(seg)
    return m is not None and (m.start() > 0 or seg[:1] in (",", ";", "\n") or f.start - 14 <= s0)


# a speaker's aside between the counted phrase and its verb: "Twelve soldiers, the KIA said, were killed"
_ASIDE_SAID = re.compile(r"\s*,\s*(?:according\s+to\s+[^,;:.\"“”]{2,40}|(?:the\s+)?[^,;:.\"“”]{2,40}?\s+(?:said|says|claimed|claims|reported|added|told\s+\w+))\s*,")
# the parts of a count after "included": "the 40 soldiers killed included a major and (two captains)"
_INCLUDED = re.compile(r"\b(?:included|includes|include)\s+(?:(?:a|an|one|the|his|its|their)\s[^;.,()\d]{1,45}?"
                       r"(?:,|\s+and|\s+as\s+well\s+as)\s*)?$", re.I)
# "This brings to 450 the number of ...", "raising to 12 the toll of ..."
_BRINGS_TO = re.compile(r"\b(?:brings?|bringing|brought|raises?|raising|raised|takes?|taking|took|pushes|pushing|pushed|"
                        r"puts?|putting)\s+to\s+$", re.I)
_NAMED_COUNT = re.compile(r"\s+the\s+(?:overall\s+|total\s+)?" + _COUNT_OF.pattern, re.I)
_COUNT_OF_METRIC = {"killed": "killed", "dead": "killed", "deaths": "killed", "wounded": "wounded", "injured": "wounded",
                    "captured": "captured_personnel", "detained": "captured_personnel", "displaced": "displaced",
                    "idps": "displaced", "refugees": "displaced", "surrendered": "surrendered", "towns": "towns_captured",
                    "prisoners of war": "captured_personnel", "pows": "captured_personnel",
                    "cities": "towns_captured", "bases": "bases_captured", "outposts": "outposts_captured",
                    "camps": "outposts_captured", "positions": "outposts_captured"}
_UNIT_AFTER = re.compile(r"^\s+(?:Light\s+Infantry|Infantry|LIB|IB\b|MOC|ROC|LID|Military\s+Operations|Regional|"
                         r"Tactical|Battalion\b|Brigade\b|Division\b)")
# "including", also after a first part ("including a colonel and (two captains)", "including 19 rifles, 2 mortars
# and (4 machine guns)")
_INCLUDING = re.compile(r"(?:\bincluding|\bamong\s+them|\bof\s+whom|\bamong\s+(?:the|those)\s+\w+|\bsuch\s+as)"
                        r"(?:\s+(?:a|an|one|the|his|its|their|\d[\d,]*)\s[^;.,()\d]{1,45}?(?:,|\s+and|\s+as\s+well\s+as))*\s*$", re.I)
_AGGREGATE = re.compile(r"\s+(?:of|out\s+of)\s+(?:the\s+|its\s+|their\s+|all\s+)?(?:[\w-]+(?:\s+[\w-]+)?['’]s?\s+)?"
                        r"(?P<total>\d[\d,]*|\w+)\s+", re.I)
_OF_LEAD = re.compile(r"^\s*(?:Of|Out\s+of)\s+(?:the\s+)?(?:[\w-]+['’]s\s+)?(?:\d[\d,]*\s+)?(?:[\w-]+\s+){0,2}?"
                      r"(?P<noun>townships|towns|bases|outposts|camps|positions|cities)\b")
_COORD = re.compile(r"^[\s\"”,]*(?:[\w'’()-]+(?:[\s,]+|(?=,))){0,10}?(?:and|,|as\s+well\s+as|plus|along\s+with|while|with)\s+"
                    r"(?:also\s+|then\s+|had\s+|has\s+|have\s+|were\s+|was\s+)?(?:another\s+|a\s+further\s+|the\s+other\s+)?$", re.I)
_OWN = re.compile(r"\b(?:ours?|own|its\s+own|their\s+own|comrades?)\b", re.I)
_ENEMY = re.compile(r"\b(?:enemy|enemies|terrorists?|insurgents?|rebels?|attackers|terrorist)\b", re.I)
_RANKS = (r"(?:soldier|officer|commander|colonel|captain|lieutenant|general|brigadier|sergeant|corporal|policeman|"
          r"fighter|militiaman|pilot)")
_SINGLE_VERBS = ("killed", "killing", "wounding", "injuring", "capturing", "captured", "detained", "arrested", "wounded", "injured", "taken", "died", "shot", "lost his",
                 "lost her", "executed", "murdered", "beheaded", "capture of", "death of", "killing of", "among the dead")
_has_single_verb = AnyOf(_SINGLE_VERBS)  # any(v in text for v in _SINGLE_VERBS), in one pass
_SINGLE_HINT = re.compile(r"\b(?:[Aa]n?|[Oo]ne|[Aa]nother|[Tt]he\s+other)\s")
# one person: a rank or an armed member, or a civilian ("killed a villager", "an 8-year-old was wounded")
_CIVIL1 = (r"(?:civilian|villager|resident|man|woman|child|boy|girl|teenager|monk|nun|novice|teacher|student|farmer|"
           r"driver|doctor|nurse|medic|passenger|worker|person|infant|baby|youth|elder|administrator|journalist|"
           r"volunteer|mother|father|wife|husband|son|daughter|grandmother|grandfather|pregnant\s+woman|"
           r"\d{1,2}-year-old|[a-z]+-year-old)")
# "a major" is an officer, "a major camp" is not
_MAJOR = r"major(?!\s+(?!(?:was|were|had|has|is|and|in|at|on|during|from|of|who|with|by|near)\b)[a-z])"
_ARMED1 = _RANKS[:-1] + rf"|{_MAJOR}|militiawoman|member|combatant|conscript|recruit|sniper|trooper)"
# one more of the same fate after the clause: ", and so was a police officer", ", as did a captain"
_AND_SO_ONE = re.compile(rf"[^,;:.]{{0,50}},?\s+(?:and\s+so\s+(?:was|did|were)|as\s+(?:was|did))\s+(?:a|an|one)\s+"
                         rf"(?:[\w'’-]+\s+){{0,2}}?(?:{_ARMED1})\b")
_ONE_PERSON = (r"(?:[Aa]n?|[Oo]ne|[Aa]nother|[Tt]he\s+other)\s+(?:(?!(?:number|total|few|couple|lot|series|pair|handful|"
               r"dozen|hundred|thousand|of)\b)[\w'’-]+\s+(?!of\b)){0,3}?"
               rf"(?P<N>{_ARMED1}|{_CIVIL1})(?![\w-])")
_SINGLE_PERSON = re.compile(
    rf"\b(?P<v>killed|captured|detained|arrested|wounded|injured|shot\s+dead|shot\s+and\s+killed|executed|murdered|beheaded|"
    rf"killing|wounding|injuring|capturing)"
    rf"\s+(?:also\s+)?{_ONE_PERSON.replace('<N>', '<n>')}|"
    rf"(?:^|[^\w\s]\s*|\b(?:and|while|but|said|says|that|when|after|as|where)\s+){_ONE_PERSON.replace('<N>', '<n2>')}(?:\s+(?!(?:[Ww]ere|[Aa]nd|said|says|told|that|who|which|whose|while|when)\b)[\w'’-]+){{0,4}}?"
    rf",?\s+(?:(?:was|has\s+been|had\s+been|is)\s+(?:also\s+|reportedly\s+|later\s+|critically\s+|seriously\s+|severely\s+|"
    rf"badly\s+|fatally\s+)?(?P<v2>killed|captured|detained|arrested|wounded|injured|hurt|shot\s+dead|shot\s+and\s+killed|"
    rf"executed|murdered|beheaded|taken\s+(?:alive|prisoner|captive))|(?:also\s+)?(?P<v3>died|lost\s+(?:his|her)\s+life))\b|"
    # "one of them died and the other was wounded": the rest of a pair
    rf"\b(?:[Tt]he\s+other|[Aa]nother)(?:\s+one)?\s+(?:was|had\s+been|has\s+been)\s+(?P<v4>killed|wounded|injured|hurt)\b")
_KIN_ONE = re.compile(r"(?:wife|husband|son|daughter|mother|father|brother|sister|grandmother|grandfather|child|baby)\b")
_AND_MORE = re.compile(r"\s*,?\s+and\s+(?:(?:his|her|their)\s+)?")  # "a woman and (her) three children"
_AND_ONE_MORE = re.compile(rf"[\"”]?(?:,\s*|\s+)(?:and|plus)\s+(?:a|an|one|(?:his|her|their)(?=\s+(?:mother|father|grandmother|grandfather|wife|husband)\b))\s+(?:(?!(?:of|who|whom|that)\b)[\w'’-]+\s+){{0,2}}?"
                           rf"(?:(?P<armed>{_ARMED1})|{_CIVIL1})(?![\w-])")
_ONE_AND_KIN = re.compile(rf"\b(?:[Aa]n?|[Oo]ne)\s+(?:[\w'’-]+\s+){{0,2}}?(?:{_ARMED1}|{_CIVIL1})\s+and\s+(?:his|her|their)\s+$")
_ONE_PERSON_AND = re.compile(rf"(?:^|[,;:]\s+|\b(?:said|says|that)\s+)(?:[Aa]n?|[Oo]ne)\s+(?:[\w'’-]+\s+){{0,2}}?(?:{_ARMED1}|{_CIVIL1})\s+and\s+$")
_ANOTHER_ONE = re.compile(rf"(?:an?|one)\s+(?:[\w'’-]+\s+){{0,2}}?(?:{_ARMED1}|{_CIVIL1})\b")
_SINGLE_AIRCRAFT = re.compile(
    r"\b(?:shot\s+down|downed|brought\s+down)\s+(?:a|an|one)\s+(?:[\w'’-]+\s+){0,3}?(?:aircraft|jet|plane|helicopter|"
    r"fighter|warplane)\b|\b(?:a|an|one)\s+(?:[\w'’-]+\s+){0,3}?(?:aircraft|jet|plane|helicopter|fighter|warplane)\s+"
    r"(?:was\s+|had\s+been\s+)?(?:shot|brought)\s+down\b", re.I)
_AND_ONE_AIRCRAFT = re.compile(r"\s+and\s+(?:a|an|one)\s+(?:[\w'’-]+\s+){0,3}?(?:aircraft|jet|plane|helicopter|fighter|warplane)\b", re.I)
_TIMES = re.compile(r"^\s+(?:times|occasions)\b", re.I)
# one officer named by his post, not counted with "a"/"one": "the battalion commander, Lt-Col Aung Min, was
# killed", "its deputy commander was captured alive", "a brigadier general was among those killed", "the
# capture of an army corporal"
_OFFICER = (rf"(?:commander|colonel|captain|{_MAJOR}|general|brigadier|sergeant|corporal|lieutenant|officer|"
            r"commandant|chief)")
_OFFICER_STEMS = ("ommand", "olonel", "aptain", "ajor", "eneral", "rigadier", "ergeant", "orporal", "ieutenant",
                  "fficer", "chief")
_has_officer_stem = AnyOf(_OFFICER_STEMS)
_ONE_OFFICER = re.compile(
    rf"\b(?:[Tt]he|[Ii]ts|[Tt]heir|[Hh]is)\s+(?:(?!(?:said|says|told|who|that|of)\b)[\w'’-]+\s+){{0,4}}?{_OFFICER}"
    rf"(?:\s+of\s+(?:the\s+)?(?:[\w'’-]+\s+){{0,4}}?(?:[\w'’-]+))?(?:\s*,\s*[^,;:.\"“”]{{2,40}},)?"
    rf"\s+(?:was|had\s+been|has\s+been)\s+(?:also\s+|reportedly\s+|later\s+|allegedly\s+)?"
    rf"(?P<v>killed|captured|detained|arrested|wounded|injured|shot\s+dead|taken\s+(?:alive|prisoner|captive))\b|"
    rf"\b(?:[Aa]n?|[Oo]ne)\s+(?:[\w'’-]+\s+){{0,3}}?{_OFFICER}\s+(?:was|were)\s+among\s+(?:those|the)\s+"
    rf"(?P<v2>killed|dead|wounded|injured|captured)\b|"
    rf"\b(?P<v3>capture|death|killing)(?:\s+(?:last|on|this)\s+[A-Z]?[a-z]+)?(?:\s*,\s*[^,;:.()\"“”]{{2,40}},)?"
    rf"\s+of\s+(?:an?|one)\s+(?:[\w'’-]+\s+){{0,3}}?{_OFFICER}\b")
# one person named with a Myanmar honorific: "killed Daw Hla Myint", "U Tin Maung was shot dead"
_HONORIFIC = (r"(?:U|Daw|Ko|Ma|Maung|Naw|Saw|Sai|Nang|Nan|Nant|Mahn|Khun|Salai|"
               r"Nai|Mi|Sao|Pu|Pi|Duwa|Bo|Saya|Sayama|Thra|Hkun|Mai|Padoh|Phado)")  # Mon, Shan, Chin, Kachin, Karen, Ta'ang
_NAMED = rf"{_HONORIFIC}\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+){{0,3}}"
_VICTIM_VERB = r"killed|shot\s+dead|shot\s+and\s+killed|executed|murdered|beheaded|wounded|injured"
_NAMED_VICTIM = re.compile(
    rf"\b(?P<v>{_VICTIM_VERB})(?:\s+(?:on\s+the\s+spot|instantly|outright))?\s+{_NAMED}\b|"
    rf"\b{_NAMED}(?:\s*,\s*[^,;:.\"“”]{{1,50}},)?\s+(?:was|had\s+been|has\s+been)\s+(?:also\s+|reportedly\s+|later\s+)?"
    rf"(?P<v2>{_VICTIM_VERB})\b")
# one officer named with his rank: "Brigadier General Aung Tun, who led the division, was shot dead"
_RANK_TITLE = (r"(?:(?:Brigadier|Major|Lieutenant)[\s-]+General|Brig\.?[\s-]*Gen\.?|Maj\.?[\s-]*Gen\.?|Lieutenant[\s-]+Colonel|"
               r"Lt\.?[\s-]*Col\.?|Colonel|Col\.?|Major|Captain|Capt\.?|General|Gen\.)")
_RANKED_VICTIM = re.compile(
    rf"(?<![\w-]){_RANK_TITLE}\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+){{0,3}}(?:\s*,\s*[^,;:.\"“”]{{1,70}},)?\s+"
    rf"(?:was|had\s+been|has\s+been)\s+(?:also\s+|reportedly\s+|later\s+|allegedly\s+)?"
    rf"(?P<v2>{_VICTIM_VERB}|captured|taken\s+(?:alive|prisoner|captive))\b")
_WITH_ONE_MORE = re.compile(rf"[^.;]{{0,60}}?\b(?:together\s+with|along\s+with|and)\s+(?:a|an|one)\s+(?:[\w'’-]+\s+){{0,2}}?"
                            rf"(?:{_ARMED1})(?![\w-])")
_OFFICER_METRIC = {"capture": "captured_personnel", "death": "killed", "killing": "killed", "dead": "killed"}


@dataclass
class RawClaim:
    figure: Figure
    metric: str
    agent: str | None  # who did what the figure counts, when the sentence names it
    subject_hint: str | None  # "actor:<key>", "own", "enemy", "armed", "civil", "place", None
    rule: str
    further: bool = False  # "another 5", "two further soldiers": a count of its own, not a restatement
    definite: bool = False  # "the 40 soldiers", "those 40 deaths": a count the text spoke of before, if it did


_DEFINITE_BEFORE = re.compile(r"\b(?:[Tt]he|[Tt]hese|[Tt]hose)\s+$")
_FURTHER_BEFORE = re.compile(r"(?i)^(?:another|a\s+further)\b")
_FURTHER_AFTER = re.compile(r"(?i)\s+(?:further|more|additional|other)\b")


def _is_further(text: str, f: Figure) -> bool:
    """A count that adds to one stated before ("another 5 soldiers", "two further soldiers", "3 more
    were killed"): equal to an earlier figure, it is still a count of its own."""
    return _FURTHER_BEFORE.match(f.text) is not None or _FURTHER_AFTER.match(text, f.end) is not None


def _is_year(f: Figure) -> bool:
    v = f.value
    t = f.text.strip()
    return v is not None and 1900 <= v <= 2100 and float(v).is_integer() and len(t) == 4 and t.isdigit()


_YEAR_BEFORE = re.compile(r"\b(?:in|since|of|by|until|till|from|during|year|early|late|mid|the|before|after)\s+$", re.I)
_WORD_AFTER = re.compile(r"\s+(?:(?:junta|regime|military|government|more|other|armed|resistance|rebel)\s+)?([a-z]+)")


def _counted_after(text: str, f: Figure) -> bool:
    """"1500 soldiers", "2000 people": a four-digit count of people, not a year."""
    if _YEAR_BEFORE.search(text, max(0, f.start - 12), f.start):
        return False
    m = _WORD_AFTER.match(text, f.end)
    return m is not None and (m.group(1).lower() in ARMED or m.group(1).lower() in CIVIL)


_LIST_NEXT = re.compile(r"(?:,\s*|\s+and\s+|\s+or\s+|,\s+and\s+)([\w-]+)")
_OF_POSS = re.compile(r"^\s+of\s+(?:(?:the|their|its|our|his|her|those|these)\s+(?=[a-z])|(?:them|whom|ours|theirs)\b)", re.I)


_LIST_NAME = r"(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|\d+))*"
_NAMES_BEFORE = re.compile(rf"(?:{_LIST_NAME}\s*,\s*)*{_LIST_NAME}\s*,?\s+and\s+{_LIST_NAME}\s*,\s*$")
_LIST_SEP = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")


def _named_before(before: str) -> int:
    """How many places a list of names right before a count names ("Kawlin, Khampat and Mawlaik, (three
    towns)"), 0 when no such list ends ``before``."""
    m = _NAMES_BEFORE.search(before)
    return len(_LIST_SEP.split(m.group().rstrip(" ,"))) if m else 0


# the next sentence names the places a count counts: "They were Nam Pa and Loi Kham", "The camps taken were ..."
_NAMED_NEXT = re.compile(r"[\s\"”]*(?:They|These|The\s+(?:[\w'’-]+\s+){0,2}?(?:bases|camps|outposts|towns|positions|posts|"
                         r"battalions|headquarters)(?:\s+(?:that\s+were\s+|which\s+were\s+)?(?:taken|captured|seized|overrun))?)"
                         r"(?:,\s+[^,.;]{1,30},)?\s+(?:were|are)\s+(?:at\s+|in\s+)?"
                         rf"(?P<names>{_LIST_NAME}(?:\s*,\s*(?:and\s+)?{_LIST_NAME}|\s+and\s+{_LIST_NAME})*)")


def _named_next(text: str, end: int) -> int:
    """How many places the sentence that starts at ``end`` names as "They were A, B and C" (0: none)."""
    m = _NAMED_NEXT.match(text, end, end + 300)
    return len(_LIST_SEP.split(m.group("names"))) if m else 0


_LABEL_MARK = re.compile(r":|\s[–—-]\s")
_BOUTS = frozenset({"rounds", "incidents", "instances", "bouts", "episodes"})
_BOUT_OF = re.compile(r"\s+of\s+(?:heavy\s+|armed\s+)?(?:fighting|clashes|combat|battle)\b", re.I)
_PIECES = frozenset({"pieces", "piece", "pcs", "sets", "types", "kinds", "items", "units"})
_WORD_NEXT = re.compile(r"\s+([A-Za-z]+)")
_HAUL_ADJ = frozenset({"captured", "seized", "confiscated", "recovered"})
_HAUL_NEXT = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:weapons|arms|firearms|guns|rifles|howitzers|mortars|launchers|pistols|"
                        r"missiles|artillery)\b", re.I)
_HAUL_ADJ_AT = re.compile(r"\s+(?:captured|seized|confiscated|recovered)\s", re.I)
_ACT_NOUNS = frozenset({"attacks", "acts", "incidents", "bombings", "raids", "ambushes", "assaults", "activities", "strikes"})


def _noun(after: str) -> tuple[str | None, str | None, int, bool]:
    """(class, word, end offset in ``after``, dead-adjective) of the counted noun after a figure.
    class: a metric, "armed", "civil", "pow", "displaced", "bare", "thing" or None. A noun
    that is a metric ("terrorist corpses", "police outposts") outranks a people noun before
    it; of coordinated place nouns ("bases, outposts and camps") the last one counts."""
    dead = False
    n = 0
    best: tuple[str, str, int] | None = None
    unknown = 0
    plural_unknown = -1  # the place of the last plural noun of no class ("wards")
    best_n = -9  # the place of the last noun read into ``best``
    prev_w = ""
    for m in _TOKEN.finditer(after):
        w = m.group().lower().replace("’", "'")
        if w in ('"', "“", "”", "-odd", "-plus", "odd", "plus", "+"):
            continue  # 'killed 100 "terrorists"', "40-odd soldiers"
        n += 1
        if n > 8:
            break
        if w in ("dead",):
            dead = True
            continue
        if n == 1 and w in _HAUL_ADJ and _HAUL_NEXT.match(after, m.end()):
            continue  # "200 captured weapons", "35 seized rifles": a haul, its verb an adjective
        if w == "displaced":
            best = ("displaced", w, m.end())
            continue
        base = w[:-2] if w.endswith("'s") else (w[:-1] if w.endswith("'") else w)
        if base in NOUN_METRIC:
            return NOUN_METRIC[base], base, m.end(), dead
        if base == "seats" and prev_w == "township":
            return "towns_captured", base, m.end(), dead  # "14 township seats"
        word_before, prev_w = prev_w, base
        if base in PLACE_METRIC:
            cls = PLACE_METRIC[base]
            end = m.end()
            compound = _WORD_NEXT.match(after, end)
            if compound is not None and cls != "weapons_seized" \
                    and PLACE_METRIC.get(compound.group(1).lower()) not in (None, "weapons_seized"):
                end = compound.end()  # "two battalion headquarters": one noun
            # "bases, outposts and camps": the last of the list
            lm = _LIST_NEXT.match(after, end)
            while lm is not None:
                c2 = PLACE_METRIC.get(lm.group(1).lower())
                if c2 is None or (c2 == "weapons_seized") != (cls == "weapons_seized"):
                    break
                cls = "bases_captured" if "bases_captured" in (cls, c2) else c2
                end = lm.end()
                lm = _LIST_NEXT.match(after, end)
            return cls, base, end, dead
        if base in ("prisoners", "prisoner", "detainees") and word_before == "political":
            return "civil", base, m.end(), dead  # "27,000 political prisoners arrested": no prisoners of war
        if base in ("prisoners", "prisoner", "captives", "detainees"):
            if after[m.end():m.end() + 7].lower().startswith(" of war"):
                return "pow", base, m.end() + 7, dead
            return "captured_personnel", base, m.end(), dead
        if base in ("bodies", "corpses", "remains"):
            return "killed", "bodies", m.end(), dead
        if base in ("members", "member") and word_before in ("family", "families", "household"):
            if best is None or best[0] == "armed" and best[1] in ("family", "families"):
                best = ("civil", base, m.end())  # "1,600 family members": the soldiers' families, no soldiers
            continue
        if base == "men" and word_before in ("young", "local", "village", "civilian", "unarmed"):
            if best is None:
                best = ("armed", "civil men", m.end())  # "30 young men detained for conscription": no prisoners of war
            continue
        if base in ARMED and base not in ("more", "others", "people's"):
            if best is None or best[0] == "displaced" and False:
                best = ("armed", base, m.end())
            elif best[0] == "armed" and best_n == n - 1:
                best = (best[0], best[1], m.end())  # "12 police officers": the noun phrase ends at its last noun
            best_n = n
            continue
        if base in CIVIL:
            if best is None:
                best = ("displaced" if base in ("internally", "idps", "refugees", "evacuees") else "civil", base, m.end())
            elif best[0] == "civil" and best_n == n - 1 and best[1] != "civil men":
                best = (best[0], best[1], m.end())  # "5 elderly people who ...": the noun phrase ends at "people"
            best_n = n
            continue
        if base in _BOUTS:
            bout = _BOUT_OF.match(after, m.end())
            if bout is not None:
                return "clashes", base, bout.end(), dead  # "28 rounds of fighting", "12 incidents of armed clashes"
        if base in _PIECES and after[m.end():m.end() + 4].lower() == " of ":
            continue  # "300 pieces of weapons", "12 types of guns": the noun after "of" is the count's
        if base == "of" and plural_unknown == n - 1:
            return "thing", None, 0, dead  # "4 wards of Kani town": the noun before "of" is the count's, no place noun after
        if base in ("alive", "more", "other", "additional", "further", "junta", "regime", "military", "army", "enemy",
                    "government", "sac", "council", "rebel", "ethnic", "armed", "resistance", "allied", "of",
                    "strategic", "key", "major", "important", "small", "large", "heavy", "northern", "southern",
                    "eastern", "western", "central", "main", "new", "seriously", "critically", "severely"):
            continue
        if base == "others":
            return "bare", base, m.end(), dead
        if w in _NP_STOP or not w[0].isalnum():
            break
        if best is not None:
            if best[0] == "armed" and base in _ACT_NOUNS and word_before == best[1]:
                return "thing", None, 0, dead  # "46 terrorist attacks": what they did, not the people
            break  # "soldiers manning ...": the noun is found
        if w[0].isalpha() and not m.group()[0].isupper():  # a capitalised word is a name's ("3 Pyu Saw Htee members")
            unknown += 1
            if w.endswith("s") and not w.endswith("ss"):
                plural_unknown = n
            if unknown > 2:
                break
    if best is not None:
        return best[0], best[1], best[2], dead
    if unknown:
        return "thing", None, 0, dead  # "three houses", "36 air raids": not a count we know
    return None, None, 0, dead


_WORDS_POS = re.compile(r"[A-Za-z]+|[;.]")
_CLAUSE_BREAK = {";", ".", "were", "was", "is", "are", "said", "says", "that", "which", "who", "while", "when", "but",
                 "after", "before", "because", "if"}
_AMONG_THEM = re.compile(r"\s+(?:were\s+|was\s+)?among\s+(?:them|those|the\s+dead)\b")
_WORDS = re.compile(r"[A-Za-z]+")
_ENUMERATION = re.compile(r"(?:(?:(?!\b(?:have|has|had|were|was|are|is|been|fell|fallen|said)\b)[^:;—–(.,]){0,60}?\s*[:—–(]\s*|,\s+)"
                          r"(?:the\s+)?[A-Z][\w'’-]+(?:\s+(?:[A-Z][\w'’-]+|\d+|\([A-Z]+\)))*\s*(?:,|and\b)")
# a part named with no commas around it: "2,011 people including 1,102 civil servants have been killed"
_INCLUDING_BARE = re.compile(r"\s+(?:[\w'’-]+\s+){1,3}?including\s+")
_PART_VERB = re.compile(r"\s+(?:[\w'’-]+\s+){1,3}?(?:have|has|had|were|was|are|is)\s")
_OF_THEM = re.compile(r"\s+of\s+(?:them|whom|those)\b")
_PAREN_END = re.compile(r"[^,;.()–—]{0,40}(?:,|\)|\s[–—])")  # "17 people, including 6 soldiers, were", "27 soldiers (including 2 officers) were"
_PAREN_FIG = re.compile(r"\s+(?:of\s+(?:them|whom)|among\s+them)\b[^,;–—]{0,40}(?:,|\s[–—])")
_BARE_OK = re.compile(r"^(?:\s*(?:[,.;:)\"”]|$)|\s+(?:and|in|on|at|during|from|while|when|near|more|others?|of|alive|"
                      r"as|after|before|so|with|over|inside|were|was|had|have)\b)", re.I)
_REFERENCE = re.compile(r"\b(?:the|these|those|both|its|their|our)\s+$", re.I)
_FELL_INTO = re.compile(r"^fell\s+into", re.I)
_FROM_HOMES = re.compile(r"^[^.;]{0,50}?\b(?:(?:from|out\s+of|to\s+leave)\s+(?:their\s+|the\s+)?(?:homes?|villages?|houses?)|to\s+flee\b|"
                         r"into\s+(?:the\s+)?(?:nearby\s+)?(?:jungles?|forests?|hills|mountains|woods)\b|"
                         r"(?:out(?:\s+of)?|away\s+from|to\s+leave)\s+(?:the\s+)?[A-Z])", re.I)


_IN_PLACE = re.compile(r"\s+(?:people\s+|residents\s+|civilians\s+)?(?:in|from|across)\s+(?:the\s+)?[A-Z][a-z]")
_MEASURE_AFTER = re.compile(r"\s+(?:(?:nearby|neighbouring|neighboring|surrounding|other|different|separate|remote|local)\s+)?(?:villages|houses|homes|buildings|km|kilometres|kilometers|miles|metres|meters|feet|"
                            r"years|months|weeks|days|hours|minutes|percent|per\s+cent|kyats?|baht|acres|hectares|tons|tonnes|"
                            r"rounds(?!\s+of\s+(?:heavy\s+|armed\s+)?(?:fighting|clashes|combat|battle))|boxes|storey)\b", re.I)
_PAREN_OPEN = re.compile(r"\s*\(\s*$")
_PAREN_CLOSE = re.compile(r"\s*\)")


def _restated(figs: list[Figure], text: str) -> list[Figure]:
    """"thirty (30) soldiers", "30 (thirty) soldiers": one figure, read up to the bracket."""
    if len(figs) < 2:
        return figs
    out: list[Figure] = []
    i = 0
    while i < len(figs):
        f = figs[i]
        if i + 1 < len(figs):
            g = figs[i + 1]
            close = _PAREN_CLOSE.match(text, g.end)
            if g.start - f.end <= 3 and _PAREN_OPEN.match(text[f.end:g.start]) and close and f.value is not None \
                    and f.value == g.value:
                out.append(Figure(f.start, close.end(), f.value, f.low, f.high, f.approximate, text[f.start:close.end()]))
                i += 2
                continue
        out.append(f)
        i += 1
    return out


_WORD_BEFORE_BRACKET = re.compile(r"([A-Za-z]+)\s*$")
_BRACKET_COUNT = re.compile(r"\s+(?:killed|dead|deaths|wounded|injured|captured|detained|arrested|surrendered|displaced)\b", re.I)


def _unbracketed(text: str, f: Figure) -> Figure:
    """"killed (12) soldiers", "junta soldiers (20) were killed" (translated statements): a count
    in brackets after a lower-case word is read with its brackets, as if they were not there; after
    a name or a unit ("Ma Hla (32)", "Battalion (345)") it stays an age or a number."""
    if f.start < 1 or text[f.start - 1] != "(" or f.value is None:
        return f
    closed = text[f.end:f.end + 1] == ")"
    if not closed and not _BRACKET_COUNT.match(text, f.end, f.end + 40):
        return f
    m = _WORD_BEFORE_BRACKET.search(text, max(0, f.start - 25), f.start - 1)
    if m is None or not m.group(1).islower():
        return f
    if not closed:
        # "suffered heavy losses (27 killed, 40 wounded)": a tally opening a bracket
        return Figure(f.start - 1, f.end, f.value, f.low, f.high, f.approximate, text[f.start - 1:f.end])
    return Figure(f.start - 1, f.end + 1, f.value, f.low, f.high, f.approximate, text[f.start - 1:f.end + 1])


def may_claim(sm: SentenceMentions) -> bool:
    """A cheap test: can the sentence state a claim at all (a figure, a downed aircraft, one person)?"""
    t = sm.sentence.text
    if "down" in t or "capture " in t or "death " in t or _has_single_verb(t):
        return True
    return may_hold_figure(t) and bool(sm.figures)  # no digit, no number word: no figure to look for


_OF_COMPLEMENT_AND = re.compile(r"\s+of\s+(?:the\s+)?[\w'’ -]{1,40}?\s*,?\s*(?:and|or)\s+")


_COUNTED_UNITS = re.compile(r"\d{1,3}\s+(?:(?:light\s+)?infantry\s+|artillery\s+|tank\s+)?battalion"
                            r"(?:s\b|\s+(?:headquarters|bases|camps)\b)")
_THE_BEFORE = re.compile(r"(?:\b[Tt]he|['’]s)\s+$")


# a haul seized, then its parts: "seized arms and ammunition, including 24 small arms"
_SEIZED_INCLUDING = re.compile(r"\b(?:seized|seizing|confiscated|confiscating|captured|capturing|recovered|recovering)\s+"
                               r"(?:a\s+(?:large\s+)?(?:number|quantity|cache)\s+of\s+)?(?:[\w-]+\s+){0,3}?"
                               r"(?:arms|weapons|ammunition|munitions|firearms|military\s+equipment)\b[^.;]{0,25}?,?\s*including\s+$", re.I)
# weapons taken with what was seized before them: "seized the police station along with 17 firearms"
_SEIZED_WITH = re.compile(r"\b(?:seized|seizing|captured|capturing|confiscated|confiscating|took|taking|overran|overrunning|"
                          r"found|finding|recovered|recovering|discovered|discovering)\s+"
                          r"(?:[^.;:,]{1,60}?\s+)?(?:along\s+with|together\s+with|as\s+well\s+as)\s+$", re.I)
# one more weapon after a count of them: "seized 9 rifles and a machine gun"
_AND_ONE_WEAPON = re.compile(r"(?:,\s*|\s+)(?:and|plus)\s+(?:a|an|one)\s+(?:[\w-]+\s+){0,2}?(?:rifle|gun|pistol|mortar|"
                             r"launcher|howitzer|weapon|firearm|carbine)(?![\w-])", re.I)
# a count of attacks a side made: "carried out 21 attacks", "launched 36 air raids", "committed 1,220 acts of terrorism"
_ATTACK_VERB = re.compile(r"\b(?:carried\s+out|carrying\s+out|carries\s+out|launched|launching|launches|conducted|conducting|"
                          r"staged|staging|committed|committing|mounted|mounting|flew|flown)\s+(?:a\s+total\s+of\s+)?$", re.I)
_ATTACK_NOUN = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:attacks|ambushes|raids|assaults|air\s*strikes|drone\s+strikes|strikes|"
                          r"sorties|bombings|acts\s+of\s+(?:terrorism|violence|terror)|terror(?:ist)?\s+acts)\b", re.I)
# the same told of the attacks: "46 terror attacks were carried out", "There were 46 attacks", "recorded 46 airstrikes"
_ATTACK_PASSIVE = re.compile(r"(?:\s+(?:on|against|in|by)\s[^.;,]{0,40}?)?\s+(?:(?:were|have\s+been|had\s+been)\s+(?:carried\s+out|"
                             r"launched|conducted|committed|staged|mounted|recorded|reported|documented)|occurred|took\s+place)\b", re.I)
_THERE_WERE = re.compile(r"\b(?:[Tt]here\s+(?:were|have\s+been|had\s+been)|recorded|counted|documented|tallied)\s+"
                         r"(?:a\s+total\s+of\s+|at\s+least\s+|more\s+than\s+|over\s+|nearly\s+|some\s+|about\s+)?$")
_DISPLACED_NEXT = re.compile(r"\s+(?:people\s+)?(?:displaced|uprooted)\b", re.I)
_CASUALTY_METRICS = frozenset({"killed", "wounded", "captured_personnel"})
_OR_CASUALTY_AFTER = re.compile(r"(?:\s*,\s*(?:were\s+|been\s+)?(?:killed|wounded|injured|captured|arrested|detained))*,?"
                                r"\s+(?:or|and/or)\s+(?:were\s+|was\s+|have\s+|had\s+|been\s+)*(?:killed|dead|died|wounded|injured|"
                                r"hurt|captured|taken\s+(?:prisoner|captive)|missing|defected|deserted)\b", re.I)
_OR_CASUALTY_BEFORE = re.compile(r"\b(?:killed|killing|wounded|wounding|injured|injuring|captured|capturing)\s+(?:or|and/or)\s+"
                                 r"[a-z]+\s+$", re.I)


# one count of the dead and the wounded together, no second figure: "60 soldiers were killed and wounded",
# "40 dead and injured", "killed and wounded 40"
_BOTH_CASUALTY_AFTER = re.compile(r"\s+and\s+(?:were\s+)?(?:wounded|injured|killed|dead)\b(?!\s+(?:\d|a\b|an\b|one\b|two\b|three\b|"
                                  r"four\b|five\b|six\b|seven\b|eight\b|nine\b|ten\b|others?\b|more\b|many\b|several\b|dozens\b|scores\b|"
                                  r"was\b|were\b|is\b|are\b|numbered\b|totall?ed\b|stood\b|[:(]))", re.I)
_BOTH_CASUALTY_BEFORE = re.compile(r"\b(?:killed|dead)\s+and\s+(?:wounded|injured)\s+(?:a\s+total\s+of\s+|about\s+|some\s+|over\s+|"
                                   r"more\s+than\s+|nearly\s+|at\s+least\s+)?$", re.I)


# an interview's question gives the answer's count its verb: 'Asked how many towns the TNLA has captured, he said: "7"'
_ASKED = re.compile(r"\b[Aa]sked\s+(?:about\s+)?how\s+many\s+(?P<n>[a-z]+)\s+(?:[\w'’-]+\s+){0,6}?"
                    r"(?P<v>captured|taken|seized|overrun|killed|died|wounded|injured|arrested|detained|surrendered|lost|fled|displaced)\b"
                    r"[^.;\"“”]{0,60}?,[^.;]{0,40}?(?:said|replied|answered|told|says)\b")


def _either_casualty(text: str, before: str, vend: int | None) -> bool:
    """"60 soldiers were killed or wounded", "killing or capturing 40": one count of two fates,
    no count of either."""
    if _OR_CASUALTY_BEFORE.search(before[-35:]):
        return True
    return vend is not None and _OR_CASUALTY_AFTER.match(text, vend) is not None


def _counted_units(text: str, a: int, b: int) -> bool:
    """"captured 5 battalion headquarters", "lost 12 battalions": a count of battalions in lower
    case, not the unit "the 55 Light Infantry Battalion" the place stage read in it."""
    return _COUNTED_UNITS.match(text, a, b) is not None and _THE_BEFORE.search(text, max(0, a - 6), a) is None


def find_claims(sm: SentenceMentions, text: str, military: str, taken: list[tuple[int, int]]) -> list[RawClaim]:
    """The claims of one sentence. ``taken`` are spans already used (dates, unit numbers)."""
    s = sm.sentence
    if taken:
        taken = [t for t in taken if not _counted_units(text, *t)]
    figs = [f for f in sm.figures if not any(not (f.end <= a or f.start >= b) for a, b in taken)
            and not (_is_year(f) and not _counted_after(text, f))]
    if " in " in s.text:
        figs = _no_ratios(figs, text)
    figs = _restated(figs, text)
    if "(" in s.text:
        figs = [_unbracketed(text, f) for f in figs]
    # measures and the like ("18 villages", "5 km", "40 houses") are no counts; they do not end the
    # window of the count before them ("10,000 people from 18 villages had fled")
    figs = [f for f in figs if not _MEASURE_AFTER.match(text, f.end, f.end + 30)
            and (not _skip_before(text[max(s.start, f.start - 70):f.start]) or _of_the_counted(text, s.start, f))]
    if len(figs) >= 2 and "respectively" in s.text:
        resp = _respectively(sm, text, figs)
        if resp is not None:
            return resp
    if figs and ("|" in s.text or "\t" in s.text):
        table = _table_claims(text, s.start, s.end, figs)
        if table is not None:
            return table
    out: list[RawClaim] = []
    single = _has_single_verb(s.text)
    if not figs and "down" not in s.text and not single and "capture " not in s.text and "death " not in s.text:
        return out
    prev: tuple[str | None, str | None, int] | None = None  # (verb class, noun class, end) of the last figure read
    pending: list[tuple[Figure, str, int]] = []  # figures with a noun, waiting for a verb
    skip_until = -1
    prev_agent: str | None = None
    seized_list = False  # a haul of no count of its own listed after "including"
    among_at = _among_lead_at(s.text, s.start)  # where "Among the dead were (19 soldiers)" has its figure
    for i, f in enumerate(figs):
        if f.start < skip_until:
            continue
        k = i + 1
        while k < len(figs) and (_PAREN_FIG.match(text, figs[k].end) and text[f.end:figs[k].start].rstrip().endswith((",", "–", "—"))
                                 or _INCLUDING.search(text, max(f.end, figs[k].start - 75), figs[k].start)
                                 and _PAREN_END.match(text, figs[k].end) and not _other_place_kind(text, f, figs[k])
                                 or _INCLUDING_BARE.fullmatch(text, f.end, figs[k].start) and _PART_VERB.match(text, figs[k].end)):
            k += 1  # "2,400 soldiers, 200 of them officers, laid down", "17 people, including 6 soldiers, were"
        if k < len(figs):
            k_part = k
            k = _past_apposition(text, f, figs, k)
            if k > k_part:
                skip_until = max(skip_until, figs[k - 1].end)  # the parts are no counts of their own
        nxt = figs[k].start if k < len(figs) else s.end
        after = text[f.end:min(nxt, f.end + 110, s.end)]
        before = text[max(s.start, f.start - 70):f.start]
        if "\n" in after[:4] and not after[:after.find("\n")].strip() \
                and _LABEL_MARK.search(text, text.rfind("\n", s.start, f.start) + 1 or s.start, f.start):
            after = after[:after.find("\n")]  # "• Killed: 212" ending its line: the next line's label is no noun of it
        if _skip_before(before) and _of_the_counted(text, s.start, f):
            skip_until = s.end  # "Of the 57 terrorists killed, 12 were KIA members and 45 ...": the rest are its parts
        if out and f.value is not None and _has_breakdown_mark(text[out[-1].figure.end:f.start]):
            end = _breakdown_end(text, f, out[-1], sm.figures, s.end)
            if end is not None:
                skip_until = end  # "28 people were killed: 19 soldiers and 9 police": the parts of the count
                continue
        if f.value is not None and _EXCEEDS.search(before[-14:]):
            # "the number of IDPs now exceeds 80,000": more than the figure
            f = Figure(f.start, f.end, None, f.value + 1, None, f.approximate, f.text)
        if before.endswith("to ") and _BRINGS_TO.search(before[-30:]):
            named = _NAMED_COUNT.match(after, 0, 110)
            metric = _COUNT_OF_METRIC.get(" ".join(named.group("v").lower().split())) if named else None
            if metric:
                # "This brings to 450 the number of soldiers who have surrendered": the count named after the figure
                out.append(RawClaim(f, metric, None, None, "total:" + metric))
                skip_until = max(skip_until, f.end + named.end())
                prev = None
                continue
        if out and (_TOTAL_TO.search(before[-80:]) or f.text[:10].lower() == "a total of" and _FOR_TOTAL.search(before[-16:])) \
                and _head(before) is None:
            # "12 soldiers were killed, taking the total this year to 300": a total of the count before
            last = out[-1]
            out.append(RawClaim(f, last.metric, last.agent, last.subject_hint, "total:" + last.metric))
            prev = None
            continue
        if before.endswith(("at ", "of ", "as ", "to ")) and _may_name_figure(before[-60:]) \
                and (_FIGURE_AT.search(before[-70:]) or not out and before.endswith("to ") and _TOTAL_REF.search(before[-90:])):
            # "The TNLA said 14 soldiers were killed. The junta put the figure at 4": the count the text spoke of
            ref = _referred_metric(text, max(0, s.start - 300), f.start)
            if ref and "losses" in before[-40:] and any(b <= f.start for _a, b in sm.speech):
                ref = None  # "X said 40 were killed, while Y put its losses at 12": whose word it is, unread here
            if ref:
                out.append(RawClaim(f, ref, _agent(sm, text, f.start), None, "figure_at:" + ref))
                prev = None
                continue
        inc = _DEAD_INCLUDED.search(before[-50:]) if before.endswith(("included ", "include ", "includes ")) else None
        inc_kinds = ("weapons_seized",) if inc is not None and inc.group("s") else ("armed", "civil")
        if inc is not None and f.value is not None and _noun(after)[0] in inc_kinds:
            # "the dead included 34 soldiers": at least that many, when no count of them was read before;
            # "weapons seized included 30 rifles and 4 mortars": the haul, 34
            if not out and not _counted_before(text, s.start, f.value):
                metric = "weapons_seized" if inc.group("s") else "killed" if inc.group("k") else \
                    "wounded" if inc.group("w") else "captured_personnel"
                low, end = f.value, f.end + _noun(after)[2]
                for g in figs[i + 1:]:
                    if g.value is None or text[end:g.start].strip() not in (",", "and", ", and"):
                        break
                    gn = _noun(text[g.end:g.end + 60])
                    if gn[0] not in inc_kinds:
                        break
                    low, end = low + g.value, g.end + gn[2]  # "included 12 soldiers and 3 police": 15
                out.append(RawClaim(Figure(f.start, end, None, low, None, f.approximate, text[f.start:end]), metric,
                                    None, None, "included:" + metric))
            skip_until = s.end
            continue
        if f.start == among_at and f.value is not None and _counted_before(text, s.start, f.value):
            # "28 people were killed. Among the dead were 19 soldiers": the parts of the count before
            skip_until = s.end
            continue
        if out and f.value is not None and before.endswith(", ") and _GAPPED_PLACE.search(before[-60:]) \
                and _GAPPED_END.match(after):
            # "45 terrorists were killed in Sagaing; in Magway, 12; and in Mandalay, 8": the count before, of another place
            last = out[-1]
            out.append(RawClaim(f, last.metric, last.agent, last.subject_hint, "gapped:" + last.metric))
            prev = None
            continue
        if _TIMES.match(after):
            cv = _CLASH_VERB.search(before[-60:])
            if cv:
                out.append(RawClaim(f, "clashes", _agent(sm, text, f.start - len(before[-60:]) + cv.start()), None,
                                    "times:clashes"))
            continue
        if _OR_NEXT.match(after):
            continue  # "three or four houses", "one township after another"
        if before.endswith((" and ", " to ", " or ", " through ", " till ", " until ")) and _DAY_PAIR.search(before[-30:]) \
                and _DAY_NEXT.match(after):
            prev = None
            continue  # "between July 7 and 11,": the second day of a date
        # (``_skip_before(before)`` is false here: ``figs`` holds no figure it is true of)
        if SKIP_AFTER.match(after) or (f.text[:1].isdigit() and _UNIT_AFTER.match(after)) or _age_of_name(before, after, f):
            prev = None
            continue
        if _INCLUDING.search(before[-75:]) and not (seized_list and not re.search(r"including\s*$", before)):
            # (the later items of a haul listed after "including" go on as before: one count with the first)
            part = _PART_METRIC.match(after)
            if part and (not out or out[-1].metric != _PART_CLASS[part.group(1).lower()]) and not _OF_POSS.match(after):
                # "40 casualties, including 12 dead": a part of another kind than the count is one of its own
                metric = _PART_CLASS[part.group(1).lower()]
                out.append(RawClaim(f, metric, prev_agent, None, "part:" + metric))
                continue
            if out and _IN_PLACE.match(after):
                # "3 million displaced, including 120,000 in Kachin State": the count of a place
                last = out[-1]
                out.append(RawClaim(f, last.metric, last.agent, last.subject_hint, "part:" + last.metric))
            if out and out[-1].metric in ("bases_captured", "outposts_captured") and _TOWN_PART.match(after) \
                    and out[-1].figure.end <= f.start:
                # "seized 422 positions, including 18 towns": the towns are a count of their own kind
                last = out[-1]
                if _TOWN_PART.match(after).group().split()[-1].lower() != "townships":
                    out.append(RawClaim(f, "towns_captured", last.agent, last.subject_hint, "part:towns_captured"))
                continue
            if any(c.metric == "weapons_seized" for c in out) or not _SEIZED_INCLUDING.search(before[-75:]):
                continue  # "including two officers": part of a count already read
            seized_list = True  # "seized arms and ammunition, including 24 rifles": the first count
        # "15 of the 17 townships": the noun follows the total, which is no figure of its own
        agg = _AGGREGATE.match(text, f.end, min(s.end, f.end + 60))
        np_from = 0
        if agg and (agg.group("total")[0].isdigit() or agg.group("total").lower() in _NUMBER_WORDS):
            np_from = agg.end() - f.end
            skip_until = agg.end()
            k = i + 1
            while k < len(figs) and figs[k].start < skip_until:
                k += 1
            after = text[f.end:min(figs[k].start if k < len(figs) else s.end, f.end + 150, s.end)]
        elif _OF_POSS.match(after):
            np_from = _OF_POSS.match(after).end()
        elif after[:3].lstrip()[:1] in ("–", "—", "-") and _DASH_LEAD.match(after) and _LINE_OPEN.search(text, max(0, f.start - 8), f.start):
            np_from = _DASH_LEAD.match(after).end()  # a tally line "214 – junta soldiers killed in clashes"
        ncls, _word, nend, dead = _noun(after[np_from:])
        own_np = bool(np_from) and _OF_OWN_PEOPLE.match(after) is not None  # "3 of its fighters", "2 of their own"
        if own_np and (ncls == "thing" or ncls is None and after[np_from - 4:np_from].lower() == "ours"):
            ncls, nend = "armed", _OF_OWN_PEOPLE.match(after).end() - np_from  # "killed 4 soldiers and 2 of its own"
        if np_from and _OF_OWN.match(after) and before and _head(before) in ("lost", "losing", "loses"):
            # "while losing 2 of their own": the group's own dead
            out.append(RawClaim(f, "killed", None, "own", "lost:own"))
            prev = None
            continue
        if ncls == "thing":
            # "seized 240 explosives and 31 firearms": no count of ours, but its verb is the next one's
            thing_head = _head(before) if before else None
            if thing_head:
                prev = (_verb_class(thing_head), None, f.end)
            elif prev is not None and prev[0] is not None and _COORD.match(text[prev[2]:f.start]) \
                    and not _TAIL_BAD_NP.search(text[prev[2]:f.start]):
                prev = (prev[0], None, f.end)  # "seized 2 bombs, 3 grenades and 4 rifles": the list goes on
            else:
                prev = None
            if f.point >= 10 and (_ATTACK_VERB.search(before[-40:]) or _THERE_WERE.search(before[-30:])) and _ATTACK_NOUN.match(after) \
                    or f.point >= 10 and _ATTACK_NOUN.match(after) and _ATTACK_PASSIVE.match(after, _ATTACK_NOUN.match(after).end()):
                # "the terrorists carried out 21 attacks", "the junta launched 36 air raids": a tally of other
                # kind (not the "three raids" of one battle's story)
                out.append(RawClaim(f, "other", _agent(sm, text, f.start), None, "attacks:other"))
            continue
        nend = np_from + nend if ncls else np_from
        if ncls in ("armed", "civil") and f.value is not None:
            one = _AND_ONE_MORE.match(after, nend)
            if one is not None and (one.group("armed") is not None) == (ncls == "armed") \
                    and _one_side(sm, f.start, f.end + one.end()):
                # "13 soldiers and an officer were captured", "four villagers and a monk": one more of the kind
                f = Figure(f.start, f.end, f.value + 1, None, None, f.approximate, f.text)
                nend = one.end()
        if ncls == "weapons_seized" and f.value is not None and " and " in after[nend:nend + 8]:
            one = _AND_ONE_WEAPON.match(after, nend)
            if one is not None:
                f = Figure(f.start, f.end, f.value + 1, None, None, f.approximate, f.text)
                nend = one.end()
        if ncls is None and np_from == 0 and s.text.lstrip().startswith(("Of ", "Out of ")):
            lead = _OF_LEAD.match(s.text)
            if lead and f.start > s.start + lead.end():
                ncls = PLACE_METRIC.get(lead.group("noun").lower())
        if ncls in ("armed", "civil") and out and out[-1].metric in _CASUALTY_METRICS and _INCLUDED.search(before[-75:]):
            continue  # "the 40 soldiers killed included a major and two captains": parts of the count read
        if np_from and ncls in ("armed", "civil") and _OF_THEM_WHOM.match(after):
            continue  # "nine civilians, four of them children": a part of a count already read
        if ncls in PLACE_METRIC.values() and ncls != "weapons_seized" and _ENUMERATION.match(after, nend):
            prev = None
            continue  # "two towns: Kawlin and Khampat": the places are named, each its own fact
        if ncls in _PLACE_COUNTS and f.value is not None and _named_next(text, s.end) == f.value:
            prev = None
            continue  # "took two outposts on Monday. They were Nam Pa and Loi Kham": named in the next sentence
        if ncls in _PLACE_COUNTS and f.value is not None and before.endswith(", ") \
                and _named_before(text[max(s.start, f.start - 200):f.start]) == f.value:
            prev = None
            continue  # "took Kawlin, Khampat and Mawlaik, three towns of Sagaing": the same, named first
        if ncls is None and before.endswith(("the other ", "The other ")):
            continue  # "two children, one five and the other nine"
        if ncls in PLACE_METRIC.values() and _REFERENCE.search(before[-8:]) and not _of_the_counted(text, s.start, f):
            prev = None
            continue  # "the three camps fell": places named before, no count of its own
        # the verb: right before the figure, else after its noun phrase, else shared
        head = _head(text[max(s.start, f.start - 100):f.start]) if before else None  # "the number of X rose from"
        if head is None and ncls in ("armed", "civil") and before.endswith("the "):
            the = _VERB_THE.search(before[-40:])
            if the is not None:
                head = the.group(1).lower()  # "killed the 12 soldiers guarding the bridge", "captured all the 30 troops"
        if ncls is None and head and np_from == 0:
            listed = _LISTED_NOUN.search(before[-40:])
            if listed and listed.group(2).lower() == head.split()[-1] and listed.group(1).lower() in PLACE_METRIC:
                ncls = PLACE_METRIC[listed.group(1).lower()]  # "Weapons seized: 9", "Outposts overrun - 12"
            elif _LISTED_HEAD.search(before[-4:]):
                label = _LABEL_PLACE.search(before[before.rfind("\n") + 1:].rstrip(":-–— "))
                if label and label.group("v").lower() == head.split()[-1] and label.group("n").lower() in PLACE_METRIC:
                    ncls = PLACE_METRIC[label.group("n").lower()]  # "Towns seized by resistance forces: 3"
        vcls = None
        vend = None
        if head:
            vcls = _verb_class(head)
            if vcls == "left" and not re.search(r"\bleft\s+$", before) and not (head.endswith("behind") and ncls == "weapons_seized"):
                vcls = None
            if vcls == "casualties" and _PART_METRIC.match(after):
                vcls = None  # "Casualties were 27 killed and 16 wounded": the word after says what each counts
            if vcls == "drove" and not _FROM_HOMES.match(after[nend:]):
                vcls = None
            elif vcls == "drove" and _FLEE_ABROAD.match(after, nend):
                vcls = "abroad"  # "forcing 40 border police to flee into Bangladesh"
        tail_m = None
        aside = _ASIDE_SAID.match(after, nend) if "," in after[nend:nend + 3] else None
        tail_at = aside.end() if aside is not None else nend  # "Twelve soldiers, the KIA said, were killed"
        tail_text = after[tail_at:]
        of_them = np_from and ncls is None and _OF_THEM.match(after)
        if of_them and before.rstrip().endswith(",") and i > 0 and f.start - figs[i - 1].end < 60:
            continue  # "two captains, one of them a commander, died": a part of the count
        if (vcls is None or vcls in ("took", "hold") and ncls in ("armed", "civil", None)) and (ncls is not None or np_from == 0 or of_them):
            # "took 30 soldiers captive", "30 soldiers were killed"
            for m in _iter_tail(tail_text):
                if not _TAIL_BAD_NP.search(tail_text[:m.start()]) or _OBJECT_RELATIVE.fullmatch(tail_text, 0, m.start()) \
                        or _SUBJECT_RELATIVE.fullmatch(tail_text, 0, m.start()) and _OBJECT_OF_VERB.search(before[-30:]) and (
                            m.group("v").lower() not in _TRANSITIVE or _PASSIVE_AUX.search(tail_text, m.start(), m.start("v"))):
                    tail_m = m
            if tail_m is None and tail_text[:8].lstrip(" ,").startswith(("who ", "that ")):
                # "30 soldiers who were guarding the bridge were killed": the main verb after the relative clause
                rel = _RELATIVE_MAIN.match(tail_text)
                m = TAIL_VERB.match(tail_text, rel.end()) if rel is not None else None
                if m is not None:
                    tail_m = m  # (a passive or a state: _RELATIVE_MAIN ends before "were", "had been", ...)
        if tail_m is not None:
            v = tail_m.group("v")
            # an active verb with an object after it: the counted people did it, it was not done to them
            aux_before = re.search(r"\b(?:were|was|been|being|had|have|has|are|is)\s*$", tail_text[:tail_m.start("v")], re.I)
            if v.lower().startswith(("held", "controlled")) and not _HELD_AUX.search(tail_text[:tail_m.start("v")]):
                tail_m = None  # "towns controlled by the AA were bombed": a description, no claim
            elif v.lower() == "died" and re.match(r"\s+(?:of|from)\s+(?!(?:their|his|her)\s+(?:wounds|injuries))", tail_text[tail_m.end():]):
                tail_m = None  # "died of illness"
            elif v.lower() in _TRANSITIVE and not aux_before \
                    and _OBJECT_NEXT.match(text[f.end + tail_at + tail_m.end():min(s.end, f.end + tail_at + tail_m.end() + 12)]) \
                    and not re.match(r"^\s+(?:in|on|at|by|during|and|while|when|after|before|as|from|near|last|this|over|since)\b",
                                     text[f.end + tail_at + tail_m.end():f.end + tail_at + tail_m.end() + 40], re.I):
                # "attacked 5 camps and seized 2 of them": the verb has an object of its own (the next figure too)
                tail_m = None
            else:
                tcls = _verb_class(v)
                if _FELL_INTO.match(v):
                    tcls = "captured_personnel" if ncls in ("armed", None) else "took"
                if vcls in ("took", "hold") and tcls == "captured_personnel" or vcls is None:
                    vcls = tcls
                vend = f.end + tail_at + tail_m.end()
        if of_them and ncls is None and head and prev is not None and prev[1] in _OF_THEM_NOUNS \
                and f.start - prev[2] < 60 and ";" not in text[prev[2]:f.start]:
            ncls = prev[1]  # "attacked 5 camps and seized 2 of them", "ambushed 30 soldiers, killing 10 of them"
        if vcls is None and tail_m is None and "sked how many" in s.text:
            asked = _ASKED.search(text, s.start, f.start)
            if asked is not None and (ncls is None or _noun(" " + asked.group("n"))[0] == ncls):
                # 'Asked how many towns the TNLA has captured, he said: "It is now 7 towns"': the question's verb
                vcls = _verb_class(asked.group("v").lower())
                ncls = ncls or _noun(" " + asked.group("n"))[0]
                vend = s.start + asked.end("v")
        if vcls is None and ncls == "weapons_seized" and _SEIZED_WITH.search(before):
            vcls = "took"  # "seized the police station along with 17 firearms"
        if vcls in (None, "captured_personnel") and ncls == "weapons_seized" and _HAUL_ADJ_AT.match(after):
            vcls = "took"  # "displayed 200 captured weapons"
        coord = prev is not None and _COORD.match(text[prev[2]:f.start]) and not _TAIL_BAD_NP.search(text[prev[2]:f.start])
        inherited = joined = False
        if vcls is None and coord and prev[0] is not None and (ncls not in (None, "bare") or _BARE_OK.match(after[nend:])) \
                and not _DISPLACED_NEXT.match(after):  # "1,100 killed and 270,000 displaced": a count of its own
            vcls = prev[0]  # "killed 61 civilians, injured 78", "417 soldiers killed and 270 wounded"
            if vcls == "killed" and ncls == "weapons_seized" and _FOUND_BEFORE.search(before[-120:]):
                vcls = "found"  # "found the bodies of 6 terrorists, 3 firearms and mines": the weapons found with them
            inherited = True
            # "killed three soldiers and two policemen": one count of both (one side, one verb)
            # (not the speaker's own after the other side's: "killed 9 soldiers and 3 of its fighters")
            joined = ncls in ("armed", "civil", "weapons_seized") and ncls == prev[1] and not own_np \
                and (text[prev[2]:f.start].strip() in ("and", ",", ", and") and not _TIMES.match(after))
            # (a haul listed kind by kind is one count: "seized 6 assault rifles, 2 machine guns and a pistol")
            if ncls in (None, "bare"):
                ncls = prev[1]
        elif vcls is not None and ncls in (None, "bare") and coord and prev[1] is not None \
                and prev[1] not in ("killed", "wounded", "pow", "displaced"):
            ncls = prev[1]  # "killing 14 soldiers, capturing 11"; not "12 wounded and 5 captured"
        elif vcls is not None and head and ncls in (None, "bare") and prev is not None and prev[1] in ("armed", "civil") \
                and _VERB_COORD.fullmatch(text, prev[2], f.start):
            ncls = prev[1]  # "killing 6 villagers and wounding 9": the same people
        if vcls is None and ncls in PLACE_METRIC.values() and ncls not in ("aircraft_downed", "weapons_seized"):
            # the verb of the clause: "seized the police station and 12 military sites", "lost several towns
            # and 100 outposts", "giving up several bases — three battalion headquarters among them"
            wide = _TOOK_PLACE.sub(" ", text[max(s.start, f.start - 110):f.start])
            appos = wide.rstrip().endswith(",") and (f.text.lower() == "one" or re.match(r"\s+of\b", after) is not None)
            vcls = _listed_with(wide, comma=appos)
        if vcls is None and ncls in ("armed", "civil") and _PEOPLE_JOIN.search(before[-12:]):
            # "killed the battalion's deputy commander and 7 other soldiers": the verb of the list
            vcls = _listed_with(text[max(s.start, f.start - 110):f.start], comma=False, people=True)
            if vcls is not None and _OTHERS.match(after):
                f = Figure(f.start, f.end, f.value + 1, None, None, f.approximate, f.text) if f.value is not None else f
        if head in _PLACE_NOUNS:
            vcls, ncls = "took", PLACE_METRIC[head]  # "the number of towns it holds rose to 14"
        if vcls is None and seized_list and ncls == "weapons_seized":
            vcls = "took"
        if vcls is None and ncls in _PLACE_COUNTS and _TALLY_BEFORE.search(before):
            vcls = "took"
        if vcls is None and dead and ncls in ("armed", "civil", None):
            vcls = "killed"  # "ten dead soldiers were seen"
        if vcls is None and ncls in ("armed", "civil") and _AS_WERE.search(before[-16:]):
            # "several soldiers were wounded, as were six students": the verb of the clause before
            for w in reversed(_WORDS.findall(before)[-14:]):
                if w.lower() in _AS_WERE_VERBS:
                    vcls = _verb_class(w)
                    break
        if vcls is None and _AMONG_THEM.match(after, nend):
            # "killed junta officers, two generals among them": the verb of the clause before
            for w in reversed(_WORDS.findall(before)[-12:]):
                if w.lower() in HEAD_WORDS:
                    vcls = _verb_class(w)
                    break
        if vcls is None:
            if ncls in NOUN_METRIC.values() or ncls in ("pow", "displaced"):
                vcls = "noun"
            elif ncls not in (None, "bare"):
                pending.append((f, ncls, f.end + nend))
                prev = (None, ncls, f.end + nend)
                continue
            else:
                prev = None
                continue
        if dead and vcls in ("found", "noun", "took", "left", "lost"):
            vcls = "killed"
        if head and not inherited and _unreal_head(before, head, after) or not head and tail_m is not None and _IF_BEFORE.search(before[-12:]):
            # "hopes to capture 30 more outposts", "could lose 10 towns", "had not killed 30 civilians", "if 30
            # soldiers were killed": no count of what happened
            prev = None
            continue
        if tail_m is not None and not head and f.value is not None \
                and (ncls in ("armed", "civil") or ncls == "bare" and _OTHERS_WORD.match(after)) \
                and before.endswith(" and ") and (_OTHERS.match(after) and _ONE_BEFORE_AND.search(before[-70:])
                                                  or _ONE_PERSON_AND.search(before[-60:])):
            # "Ko Zaw and 3 other villagers were killed", "a major and 11 other soldiers were captured", "a woman
            # and three men were killed": one more
            f = Figure(f.start, f.end, f.value + 1, None, None, f.approximate, f.text)
        vtext = (head or "") + " " + (tail_m.group("v") if tail_m else "")
        if ncls in _PLACE_COUNTS and _CONTESTED_AFTER.match(after, nend):
            prev = None
            continue  # "four more towns under siege": no count of places taken
        metric = _metric(vcls, ncls, dead, before, vtext, big=f.point >= 1000)
        if metric is None and vcls == "hold" and ncls == "armed" and head in ("holding", "holds", "held", "hold") \
                and not _HELD_PLACE.match(after, np_from + nend) and not _GARRISON.search(before[-60:]):
            metric = "captured_personnel"  # "the KIA is holding 14 junta soldiers": prisoners
        if metric is None and vcls == "took" and ncls == "armed" and _AS_PRISONERS.match(after, np_from + nend):
            metric = "captured_personnel"  # "took 9 soldiers as POWs"
        if metric == "wounded" and ncls == "wounded" and _word in ("wounded", "injured") \
                and _WOUNDED_TAKEN.search(vtext) and _PERSON_AFTER.match(after, np_from + nend):
            metric = "captured_personnel"  # "captured 30 wounded soldiers", "30 injured soldiers were detained": taken
        if ncls in _PLACE_COUNTS and _WITHDREW.search(vtext):
            metric = "other"  # "the junta abandoned 8 outposts": a withdrawal, no capture
        if metric in _CASUALTY_METRICS and _either_casualty(text, before, vend):
            metric = "other"  # "60 soldiers were killed or wounded": casualties, not the dead
        elif metric in ("killed", "wounded") and (_BOTH_CASUALTY_BEFORE.search(before[-30:]) or _BOTH_CASUALTY_AFTER.match(
                text, vend if vend is not None else f.end + (nend if ncls in ("killed", "wounded") else 0))):
            metric = "other"  # "40 soldiers were killed and wounded", "suffered 40 dead and wounded": one count of both
        if metric == "wounded" and ncls == "wounded" and tail_m is not None and _verb_class(tail_m.group("v")) == "killed":
            metric = "killed"  # "one of the wounded soldiers died"
        if metric is None and vcls == "took" and ncls == "armed" and tail_m is not None \
                and tail_m.group("v").lower() in ("seized", "captured") and "," not in tail_text[:tail_m.start()]:
            metric = "captured_personnel"  # "60 soldiers killed and 40 seized"
        # "2,389 soldiers and 1,600 family members surrendered": families surrender no arms (the soldiers before do)
        civil_surrender = metric == "surrendered" and ncls == "civil"
        if metric == "captured_personnel" and _word == "civil men":
            metric = None  # "the junta detained 30 young men": civilians taken, no prisoners of war
        if metric is None and vcls == "lost" and ncls in (None, "bare") and _own_loss(sm, text, before, f.start, military):
            out.append(RawClaim(f, "killed", None, "own", "lost:own"))  # "our side lost two", "the KNDF lost 4"
            prev = (vcls, ncls, f.end + nend)
            continue
        if metric is None:
            prev = (vcls, ncls, f.end + nend)
            continue
        hint = _subject_hint(sm, text, f, after[:nend] if nend else "", ncls)
        if hint is None and ncls in (None, "bare") and metric in ("killed", "wounded") and head and _STRIKE_KILLS.search(before[-70:]):
            hint = "civil"  # "Junta airstrike kills 12, injures 30": the dead of a strike, no count its striker claims
        if inherited:
            agent = prev_agent
        elif vcls == "noun":
            agent = None  # "417 killed and 270 wounded": no one named did it
        elif tail_m is not None and not head:
            agent = _by_agent(sm, text, vend)  # "30 soldiers were killed (by X)": no one before the count did it
        elif head and _LISTED_HEAD.search(before[-4:]):
            agent = None  # "Junta soldiers killed – 12": the actor before is the counted, not who did it
        else:
            agent = _agent(sm, text, f.start - (len(before) - before.lower().rfind(head.split()[0])) if head and head.split()[0] in before.lower() else f.start)
        if metric == "killed" and vcls == "lost" and ncls == "armed" and not _lost_dead(_word, after[nend:]) \
                and (agent in (None, "?", military) or _speaker_before(sm, agent, f.start)):
            # "the junta lost 30 troops": killed, captured or fled, not said which; a resistance
            # group that lost fighters lost their lives
            metric = "other"
        if vcls == "lost" and agent:
            if hint in ("armed", None):
                hint = "actor:" + agent  # "the junta lost 37 soldiers": the loser's own
            agent = None  # and the loser is not who claims it: the speaker is
        if metric in ("killed", "wounded") and f.value is not None and _ONE_AND_KIN.search(before[-50:]):
            # "a woman and her two children were killed": one more than the figure
            f = Figure(f.start, f.end, f.value + 1, None, None, f.approximate, f.text)
        if metric in _CASUALTY_METRICS and f.value is not None and vend is not None and tail_m is not None and ncls == "armed":
            so = _AND_SO_ONE.match(text, vend, s.end)
            if so is not None and not any(vend <= g.start < so.end() for g in figs):
                # "three soldiers were killed in the ambush, and so was a police officer": one more
                f = Figure(f.start, f.end, f.value + 1, None, None, f.approximate, f.text)
        last = out[-1] if out else None
        if joined and last is not None and last.metric == metric and last.figure.value is not None \
                and f.value is not None and _one_side(sm, last.figure.start, f.end + nend):
            out[-1] = RawClaim(Figure(last.figure.start, f.end, last.figure.value + f.value, None, None,
                                      last.figure.approximate or f.approximate, text[last.figure.start:f.end]),
                               metric, last.agent, last.subject_hint, f"summed:{ncls}")
        elif not civil_surrender:
            out.append(RawClaim(f, metric, agent, hint, f"{vcls}:{ncls}"))
        prev_agent = agent
        # figures read before with a noun and no verb share this one ("nine towns and 130 bases have fallen")
        if tail_m is not None and pending:
            # the pending figures listed right before this one, each joined to the next by "," or "and":
            # "12 soldiers, 8 policemen and 5 militiamen were killed"
            chain: list[tuple[Figure, str, int]] = []
            nxt = f.start
            for pf, pn, pend in reversed(pending):
                gap = text[pend:nxt].strip(" ,")
                if gap in ("and", "", "or") or _OF_COMPLEMENT_AND.fullmatch(text, pend, nxt):
                    # "41 members of the security forces and 17 civilians were killed"
                    chain.append((pf, pn, pend))
                    nxt = pf.start
                elif nxt == f.start:
                    continue
                else:
                    break
            chain.reverse()
            pms = [_metric(vcls, pn, False, "") for _pf, pn, _pend in chain]
            if chain and out and out[-1].figure is f and text[chain[-1][2]:f.start].strip(" ,") == "and" \
                    and ncls in ("armed", "civil") and all(pm == metric and pn == ncls and pf.value is not None
                                                           for pm, (pf, pn, _pend) in zip(pms, chain)) \
                    and all(text[pe:nf.start].strip(" ,") in ("", "and") for (_pf, _pn, pe), (nf, _nn, _ne) in zip(chain, chain[1:])) \
                    and f.value is not None and _one_side(sm, chain[0][0].start, f.end + nend):
                # "six students and two teachers were wounded": one count of all
                last, first = out[-1], chain[0][0]
                out[-1] = RawClaim(Figure(first.start, f.end, sum(pf.value for pf, _pn, _pe in chain) + f.value, None, None,
                                          any(pf.approximate for pf, _pn, _pe in chain) or f.approximate,
                                          text[first.start:f.end]),
                                   metric, last.agent, last.subject_hint, f"summed:{ncls}")
            else:
                for pm, (pf, pn, pend) in zip(pms, chain):
                    if pm:
                        out.append(RawClaim(pf, pm, _agent(sm, text, pf.start), None, f"shared:{pn}"))
        pending = []
        prev = (vcls, ncls, f.end + nend)
    if single and _SINGLE_HINT.search(s.text):
        # "captured a lieutenant colonel", "a soldier was killed", "killed a villager": one person
        for m in _SINGLE_PERSON.finditer(s.text):
            a, b = s.start + m.start(), s.start + m.end()
            if any(a <= c.figure.start < b or c.figure.start <= a < c.figure.end for c in out):
                continue  # "killed one member": the figure is read
            v = m.group("v") or m.group("v2") or m.group("v3") or m.group("v4")
            metric = _verb_class(v)
            armed = re.fullmatch(_ARMED1, (m.group("n") or m.group("n2") or "soldier").lower()) is not None
            if metric == "captured_personnel" and not armed or metric not in ("killed", "wounded", "captured_personnel"):
                continue  # a civilian arrested is no prisoner of war
            nxt = _AND_MORE.match(text, b)
            if nxt is not None and m.group("v") and (_ANOTHER_ONE.match(text, nxt.end()) or _KIN_ONE.match(text, nxt.end())
                                                      and text[nxt.start():nxt.end()].rstrip().endswith(("his", "her", "their"))):
                # "killed a captain and a sergeant", "killed a farmer and his wife": two people under one verb
                two = _ANOTHER_ONE.match(text, nxt.end()) or _KIN_ONE.match(text, nxt.end())
                out.append(RawClaim(Figure(a, two.end(), 2, None, None, False, text[a:two.end()]), metric,
                                    _agent(sm, text, a), "armed" if armed else "civil", "single_person+"))
                continue
            more = next((f for f in figs if nxt is not None and f.start == nxt.end() and f.value is not None), None)
            if more is not None and (_noun(text[more.end:more.end + 40])[0] in ("armed", "civil")
                                     or _OTHERS_WORD.match(text, more.end, more.end + 10)):
                # "killed a woman and three men": one count of both
                out[:] = [c for c in out if c.figure.start != more.start]
                out.append(RawClaim(Figure(a, more.end, more.value + 1, None, None, more.approximate, text[a:more.end]),
                                    metric, _agent(sm, text, a) if m.group("v") else None, "armed" if armed else "civil",
                                    "single_person+"))
                continue
            out.append(RawClaim(Figure(a, b, 1, None, None, False, m.group()), metric,
                                _agent(sm, text, a) if m.group("v") else None, "armed" if armed else "civil",
                                "single_person"))
    if single or "capture " in s.text or "death " in s.text:
        out.extend(_one_officer(sm, text, out))  # "the capture on Friday, near X, of a junta sergeant"
    if single:
        out.extend(_named_victims(sm, text, out))
    if "down" in s.text and not any(c.metric == "aircraft_downed" for c in out):
        m = _SINGLE_AIRCRAFT.search(s.text)
        if m:
            a = s.start + m.start()
            two = _AND_ONE_AIRCRAFT.match(text, s.start + m.end(), s.end)
            if two is not None:
                # "downed a Mi-17 helicopter and a K-8 jet": two aircraft
                out.append(RawClaim(Figure(a, two.end(), 2, None, None, False, text[a:two.end()]), "aircraft_downed",
                                    _agent(sm, text, a), "actor:" + military, "single_aircraft+"))
            else:
                out.append(RawClaim(Figure(a, s.start + m.end(), 1, None, None, False, m.group()), "aircraft_downed",
                                    _agent(sm, text, a), "actor:" + military, "single_aircraft"))
    for c in out:
        c.further = _is_further(text, c.figure)
        c.definite = _DEFINITE_BEFORE.search(text, max(s.start, c.figure.start - 7), c.figure.start) is not None
    return out


_OR_NEXT = re.compile(r"^\s+or\s+\w|^\s+(?:\w+\s+)?after\s+another")  # "three or four houses", "one after another"
_OF_THEM_WHOM = re.compile(r"\s+of\s+(?:them|whom)\b")
_OF_OWN = re.compile(r"\s+of\s+(?:their|its|our|his|her)\s+own\b", re.I)
# a part of the speaker's own side: "3 of its fighters", "2 of their own", "5 of our comrades"
_OF_OWN_PEOPLE = re.compile(r"\s+of\s+(?:(?:their|its|our)\s+(?:own\b(?:\s+(?:fighters|members|troops|soldiers|comrades|men)\b)?|"
                            r"(?:fighters|members|troops|soldiers|comrades|men|cadres|personnel)\b)|ours\b)", re.I)
_EXCEEDS = re.compile(r"\b(?:exceeds|exceeded|tops|topped|surpassed)\s+$")
_TOTAL_TO = re.compile(r",\s+(?:(?:bringing|taking|raising|pushing|putting)\s+(?:the|its|their)\s+(?:overall\s+|total\s+)?"
                       r"(?:total|tally|number|count|toll)\b[^.;:,]{0,40}?\s+to|(?:for|making|to\s+make)\s+(?:a|an)\s+"
                       r"(?:overall\s+|cumulative\s+|combined\s+|grand\s+)?total\s+of)\s+$", re.I)
_FOR_TOTAL = re.compile(r",\s+(?:for|making|to\s+make)\s+$", re.I)  # "..., for (a total of 47)"
# "the junta put the figure at 4", "state media gave a lower figure of 12": a figure of the count spoken of
_FIGURE_AT = re.compile(r"\b(?:put|puts|putting|placed|places|placing|gave|gives|giving|cited|cites|citing|estimated|estimates|"
                        r"revised|revises|revising|raised|raises|raising|lowered|lowers|lowering|updated|updates|updating|"
                        r"increased|increases|adjusted|adjusts|corrected|corrects)\s+"
                        r"(?:the|a|its|their|this|that)\s+(?:[\w-]+\s+){0,2}?(?:figure|number|count|tally|losses)\s+"
                        r"(?:at|of|as|(?:(?:from\s+[\d,]+\s+)?(?:up|down)\s+)?to)\s+$", re.I)
# "This takes the total to 300", "It brings the tally for the week to 47": a total of the count spoken of
_TOTAL_REF = re.compile(r"\b(?:brings?|bringing|brought|takes?|taking|took|raises?|raising|raised|pushes|pushing|pushed|puts?|"
                        r"putting)\s+(?:the|its|their)\s+(?:[\w'’-]+\s+){0,2}?(?:total|tally|number|count|figure)\b"
                        r"[^.;:,\d]{0,40}?\s+to\s+$", re.I)
_may_name_figure = AnyOf(("figure", "number", "count", "tally", "total", "losses"))  # in every _FIGURE_AT and _TOTAL_REF match
_REFERRED = re.compile(r"\b(?:(?P<k>killed|dead|died|deaths|fatalities)|(?P<w>wounded|injured|injuries)|"
                       r"(?P<c>captured|prisoners|detained)|(?P<s>surrendered)|(?P<d>displaced|fled))\b", re.I)
_REFERRED_METRIC = {"k": "killed", "w": "wounded", "c": "captured_personnel", "s": "surrendered", "d": "displaced"}


def _referred_metric(text: str, lo: int, hi: int) -> str | None:
    """The metric of the last count word in ``text[lo:hi]``."""
    last = None
    for last in _REFERRED.finditer(text, lo, hi):
        pass
    return _REFERRED_METRIC[last.lastgroup] if last is not None else None


# the parts of a count named by its noun: "the dead included (34 soldiers)", "those captured included"
_DEAD_INCLUDED = re.compile(r"\b(?:(?P<s>(?:weapons|arms|firearms)\s+(?:seized|captured|confiscated|recovered)|seized|confiscated|haul)|"
                            r"(?P<k>dead|killed|victims|fatalities)|(?P<w>wounded|injured)|(?P<c>captured|prisoners|captives))"
                            r"\s+(?:also\s+)?(?:included|include|includes)\s+$", re.I)
# a sentence that opens on the parts of a count: "Among the dead were (19 soldiers)", "Among those killed was (one)"
_AMONG_LEAD = re.compile(r"(?:Among|Included\s+among)\s+(?:the|those)\s+(?:dead|killed|victims|wounded|injured|casualties|"
                         r"captured|captives|prisoners|detained|arrested)(?:\s+[a-z]+){0,3}?\s+(?:were|was)\s+")
_VERB_BEFORE_COUNT = re.compile(r"\b(?:killed|killing|wounded|wounding|injured|injuring|captured|capturing|detained|arrested)"
                                r"\s+(?:[\w-]+\s+){0,2}$", re.I)
_COUNT_BEFORE = re.compile(r"\s+(?:[\w'’-]+\s+){0,3}?(?:were\s+|was\s+|had\s+been\s+|have\s+been\s+)?"
                           r"(?:killed|dead|died|wounded|injured|captured|detained|arrested|casualties)\b", re.I)


def _among_lead_at(t: str, s0: int) -> int:
    """Where the figure after ``_AMONG_LEAD`` at the start of the sentence ``t`` (at ``s0``) stands, else -1."""
    if not t.lstrip()[:8].startswith(("Among", "Included")):
        return -1
    lead = len(t) - len(t.lstrip())
    m = _AMONG_LEAD.match(t, lead)
    return s0 + m.end() if m else -1


def _counted_before(text: str, s0: int, value: float) -> bool:
    """Whether the text right before the sentence at ``s0`` (its paragraph, at most 300 characters)
    counts casualties of at least ``value``: "28 people were killed."."""
    lo = max(0, s0 - 300, text.rfind("\n", 0, max(0, s0 - 1)) + 1)
    from ingestion.extract.figures import find_figures
    return any(g.point >= value and (_COUNT_BEFORE.match(text, lo + g.end, s0) or _VERB_BEFORE_COUNT.search(text, lo, lo + g.start))
               for g in find_figures(text[lo:s0]))


# "20 and 15 soldiers were killed and wounded respectively", "the dead and wounded numbered 20 and 15 respectively"
_RESP_WORD = r"(?:killed|dead|deaths|wounded|injured|captured|arrested|detained|surrendered|displaced)"
_RESP_WORDS = re.compile(rf"\b{_RESP_WORD}(?:\s*,\s*(?:the\s+)?{_RESP_WORD})*\s*,?\s+and\s+(?:the\s+)?{_RESP_WORD}\b", re.I)
_RESP_ONE = re.compile(_RESP_WORD, re.I)
_RESP_METRIC = {"killed": "killed", "dead": "killed", "deaths": "killed", "wounded": "wounded", "injured": "wounded",
                "captured": "captured_personnel", "arrested": "captured_personnel", "detained": "captured_personnel",
                "surrendered": "surrendered", "displaced": "displaced"}


def _respectively(sm: SentenceMentions, text: str, figs: list[Figure]) -> list[RawClaim] | None:
    """The claims of a sentence that pairs a list of figures with a list of counts "respectively",
    in order; None when it holds no two such lists of one length."""
    s = sm.sentence
    run: list[Figure] = []
    for f in figs:
        if f.value is None and f.low is None and f.high is None:
            continue
        if run and text[run[-1].end:f.start].strip() not in (",", "and", ", and"):
            if len(run) >= 2:
                break
            run = []
        run.append(f)
    if len(run) < 2:
        return None
    for m in _RESP_WORDS.finditer(s.text):
        a, b = s.start + m.start(), s.start + m.end()
        if run[0].start <= a < run[-1].end:
            continue
        words = [w.lower() for w in _RESP_ONE.findall(m.group())]
        if len(words) != len(run):
            continue
        ncls = _noun(text[run[-1].end:run[-1].end + 60])[0]
        hint = ncls if ncls in ("armed", "civil") else None
        agent = _agent(sm, text, min(a, run[0].start))
        return [RawClaim(f, _RESP_METRIC[w], agent, hint, "respectively:" + _RESP_METRIC[w]) for f, w in zip(run, words)]
    return None


# a casualty table in text: cells split by "|" or tabs, a header line of labels above the lines of figures
_CELLS = re.compile(r"[^|\t]+")
_CELL_NUMBER = re.compile(r"\s*\(?\d[\d,]*\)?\s*")
_LABEL_METRICS = ((re.compile(r"\b(?:killed|dead|deaths?|fatalities)\b", re.I), "killed"),
                  (re.compile(r"\b(?:wounded|injured|injuries)\b", re.I), "wounded"),
                  (re.compile(r"\b(?:captured|arrested|detained|prisoners|POWs?|captives)\b", re.I), "captured_personnel"),
                  (re.compile(r"\b(?:surrendered|surrenders|defected|defectors)\b", re.I), "surrendered"),
                  (re.compile(r"\b(?:weapons|arms|guns|firearms|rifles)\b", re.I), "weapons_seized"),
                  (re.compile(r"\b(?:displaced|IDPs|fled|refugees)\b", re.I), "displaced"),
                  (re.compile(r"\b(?:clashes|battles|engagements)\b", re.I), "clashes"))
_TOTAL_CELL = re.compile(r"\s*(?:total|altogether|all|overall)\b", re.I)


def _cells(text: str, a: int, b: int) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _CELLS.finditer(text, a, b) if text[m.start():m.end()].strip()]


def _label_metric(cell: str) -> str | None:
    for rx, metric in _LABEL_METRICS:
        if rx.search(cell):
            return metric
    return None


def _table_claims(text: str, s0: int, s1: int, figs: list[Figure]) -> list[RawClaim] | None:
    """The claims of the table lines in ``text[s0:s1]``: each figure cell counts what the label
    above it in the table's header line says ("Killed | Wounded" over "34 | 21"); a "Total" line,
    when the table has one, is its only count. None when the sentence holds no such table line."""
    a0 = text.rfind("\n", 0, s0) + 1
    lo = a0
    for _ in range(8):  # the header: the nearest line above (or in) the sentence with labels, no figures
        if lo <= 0:
            break
        lo = text.rfind("\n", 0, lo - 1) + 1
    header: list[str | None] | None = None
    rows: list[tuple[int, list[tuple[int, int]], list[str | None]]] = []  # (line start, cells, labels)
    for a, b in _line_spans(text, lo, len(text)):
        if a >= s1 and not rows:
            break
        cells = _cells(text, a, b)
        if len(cells) < 2:
            if a >= s1 or rows:
                break  # the table ends
            header = None
            continue
        numbers = [_CELL_NUMBER.fullmatch(text, x, y) is not None for x, y in cells]
        if not any(numbers):
            if rows:
                break
            labels = [_label_metric(text[x:y]) for x, y in cells]
            header = labels if any(labels) else None
        elif header is not None and len(cells) == len(header):
            rows.append((a, cells, header))
        elif rows:
            break
    mine = [r for r in rows if a0 <= r[0] < s1]
    if not mine:
        return None
    if any(_TOTAL_CELL.match(text, *r[1][0]) for r in rows):
        mine = [r for r in mine if _TOTAL_CELL.match(text, *r[1][0])]  # a "Total" line: the table's one count
    out: list[RawClaim] = []
    for _a, cells, labels in mine:
        for (x, y), metric in zip(cells, labels):
            if metric is None:
                continue
            f = next((g for g in figs if x <= g.start and g.end <= y), None)
            if f is not None and f.value is not None:
                out.append(RawClaim(f, metric, None, None, "table:" + metric))
    return out


def _line_spans(text: str, lo: int, hi: int):
    """The (start, end) of each line of ``text[lo:hi]``, one by one."""
    while lo < hi:
        b = text.find("\n", lo, hi)
        b = hi if b < 0 else b
        yield lo, b
        lo = b + 1


# what keeps the verb before a figure from telling what happened: an aim, a threat, a modal, a negation
_IRREALIS = re.compile(r"\b(?:(?:hope|plan|aim|want|threaten|vow|seek|intend|attempt|pledge|promise|expect|fail|prepare|"
                       r"tr(?:y|ie))(?:s|d|ed|ing)?\s+to|(?:sought|going|ready|unable|poised)\s+to|"
                       r"(?P<could>could)|would|might|will|shall|can|cannot|may|must|not|never|n['’]t)\s+"
                       r"(?:(?:also|still|soon|easily|yet|even|actually)\s+)?$")  # not "may have killed 50": an estimate
_IF_BEFORE = re.compile(r"(?:^|[\s,;(])(?:[Ii]f|[Uu]nless|[Ww]hether)\s+$")


def _unreal_head(before: str, head: str, after: str) -> bool:
    """Whether the verb ``head`` that ends ``before`` stands after an aim, a modal or a negation
    ("could" only before a loss or more of a count: "we could get 7 guns" of translated English is
    what happened)."""
    low = before.lower()
    at = low.rfind(head.split()[0])
    if at <= 0:
        return False
    pre = before[max(0, at - 30):at]
    if not pre.endswith(" "):
        return False
    m = _IRREALIS.search(pre)
    if m is None:
        return False
    return m.group("could") is None or head.startswith(("los", "lose")) or _FURTHER_AFTER.match(after) is not None


# one person named as the subject before "and N other ...": "A woman and", "Ko Zaw and", "The battalion commander and"
_ONE_BEFORE_AND = re.compile(r"(?:^|[,;:]\s+|\b(?:said|says|that)\s+)(?:(?:[Aa]n?|[Oo]ne|[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)\s+"
                             r"(?:[\w'’-]+\s+){0,3}?[a-z][\w'’-]*[^s\W]|(?:[A-Z][\w.'’-]*\s+){1,5}?[A-Z][\w'’-]*[^s\W])\s+and\s+$")
# the junta's strikes that killed or wounded people not named: "Junta airstrike kills 12", "regime shelling killed 7"
_STRIKE_KILLS = re.compile(r"\b(?:[Jj]unta|[Rr]egime|[Mm]ilitary|[Aa]rmy|Tatmadaw|SAC)(?:['’]s)?\s+(?:air\s*strikes?|air\s+raids?|"
                           r"shelling|bombing|bombardment|drone\s+(?:strikes?|attacks?)|artillery(?:\s+fire)?|warplanes?|"
                           r"(?:fighter\s+)?jets?|mortar\s+(?:fire|shells?))\s+(?:[\w'’,-]+\s+){0,6}?"
                           r"(?:kill|kills|killed|killing|wound|wounds|wounded|wounding|injure|injures|injured|injuring)\s+$")
# a gapped clause of the count before: "; in Magway Region, (12)", "; and in Mandalay, (8)."
_GAPPED_PLACE = re.compile(r";\s+(?:and\s+)?(?:in|at|near|around)\s+(?:[A-Z][\w'’-]*\s+){0,3}[A-Z][\w'’-]*"
                           r"(?:\s+(?:Region|State|Township|District|town))?,\s+$")
_GAPPED_END = re.compile(r"\s*(?:[;.]|,?\s+and\s|$)")
# a ratio: "one in five of the residents", "1 in 3 soldiers were new recruits"
_RATIO = re.compile(r"\s+in\s+(?:every\s+)?(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,3})(?=\s+(?:of|people|persons|"
                    r"residents|households|families|children|adults|civilians|soldiers|troops|recruits)\b|\s*[,.;]|"
                    r"\s+(?:have|had|were|are|is|was)\b)", re.I)


def _no_ratios(figs: list[Figure], text: str) -> list[Figure]:
    """``figs`` without the two numbers of a ratio ("one in five")."""
    out, drop_to = [], -1
    for f in figs:
        if f.start < drop_to:
            continue
        m = _RATIO.match(text, f.end) if f.value is not None and f.value <= 10 else None
        if m is not None:
            drop_to = m.end()
            continue
        out.append(f)
    return out


# a count broken down right after it: "28 people were killed: 19 soldiers and 9 police", "(19 in X and 9 in Y)"
_has_breakdown_mark = AnyOf((":", "—", "–", "(", " - "))
_BREAKDOWN_OPEN = re.compile(r"(?:[:—–(]|\s-)\s*$")
_BREAKDOWN_CLOSE = re.compile(r"[);]|\s[—–]\s|$")
_BREAKDOWN_VERB = re.compile(r"\b(?:killed|dead|died|wounded|injured|captured|arrested|detained|surrendered|fled|displaced|"
                             r"seized|were|was|are|is|have|has|had)\b", re.I)


def _breakdown_end(text: str, f: Figure, last: "RawClaim", figs: list[Figure], s_end: int) -> int | None:
    """Where the breakdown that holds ``f`` ends, when it breaks down the count ``last`` read just
    before it in the sentence: a colon, dash or bracket after that count opens with a figure, and
    its parts (no verb of their own) sum to no more than the count. Else None."""
    total = last.figure.value
    if total is None or last.metric not in _CASUALTY_METRICS and last.metric not in ("surrendered", "displaced"):
        return None
    first = next((g for g in figs if last.figure.end <= g.start <= f.start), None)
    if first is None:
        return None
    gap = text[last.figure.end:first.start]
    if len(gap) > 70 or "\n" in gap or ";" in gap or "," in gap or not _BREAKDOWN_OPEN.search(gap):
        return None
    close = _BREAKDOWN_CLOSE.search(text, f.end, s_end)
    end = close.start() if close is not None else s_end
    if _BREAKDOWN_VERB.search(text, first.end, end):
        return None
    parts = [g for g in figs if first.start <= g.start < end]
    if any(g.value is None for g in parts) or sum(g.value for g in parts) > total:
        return None
    return end
_OF_THEM_NOUNS = frozenset({"armed", "civil", "bases_captured", "outposts_captured", "towns_captured"})
_AS_WERE = re.compile(r"\b(?:as|so)\s+(?:were|was)\s+$", re.I)
_AS_WERE_VERBS = frozenset({"killed", "wounded", "injured", "hurt", "captured", "detained", "arrested"})
# the label of a tally line: a noun and the verb after it ("Towns seized by resistance forces", "Bases overrun in May")
_LABEL_PLACE = re.compile(r"^[\s•*·-]*(?:[A-Z][\w'’-]*\s+){0,2}?(?P<n>[A-Za-z]+)\s+(?P<v>[a-z]+)\b[^:\n]{0,40}$")
# a figure that opens a line, then a dash and what it counts: "214 – junta soldiers killed", "3 - towns seized"
_DASH_LEAD = re.compile(r"\s*[–—-]\s+(?=[A-Za-z])")
_LINE_OPEN = re.compile(r"(?:^|\n)[ \t•*·]*$")
_LISTED_HEAD = re.compile(r"[:–—-]\s*$")
_LISTED_NOUN = re.compile(r"\b([A-Za-z]+)\s+([A-Za-z]+)\s*[:–—-]\s*$")
_VERB_COORD = re.compile(r"\s*(?:,\s*|,?\s+and\s+)(?:also\s+)?[A-Za-z]+\s+(?:another\s+|a\s+further\s+)?")
_TOOK_PLACE = re.compile(r"\b(?:took|take|takes|taking|taken)\s+place\b", re.I)  # an event, no taking
_PLACE_NOUNS = frozenset({"towns", "bases", "outposts", "camps", "positions", "cities"})
_HELD_AUX = re.compile(r"\b(?:are|were|is|was|been|remains?|remained)\s+(?:now\s+|still\s+|all\s+)?$", re.I)
_PLACE_COUNTS = frozenset({"bases_captured", "outposts_captured", "towns_captured"})
_WITHDREW = re.compile(r"\b(?:abandon|vacat|withdr[ae]w|retreated|pulled\s+out|left\s+(?:empty|unguarded|vacant))", re.I)
_CONTESTED_AFTER = re.compile(r"\s*(?:are\s+|were\s+|remain\s+|now\s+|more\s+|others?\s+)*(?:under\s+siege|besieged|surrounded|encircled|"
                              r"under\s+attack|contested)\b", re.I)
_PART_METRIC = re.compile(r"\s+(?:people\s+|persons\s+)?(dead|killed|deaths|fatalities|wounded|injured)\b", re.I)
_PART_CLASS = {"dead": "killed", "killed": "killed", "deaths": "killed", "fatalities": "killed", "wounded": "wounded",
               "injured": "wounded"}
_APPOS_OPEN = re.compile(r"[\w'’ -]{0,40},\s+[\w'’ -]{0,45}")
_APPOS_CLOSE = re.compile(r"[^,;:.()\"“”]{0,60},\s+(?:were|was|had|have|are)\b")


def _past_apposition(text: str, f: Figure, figs: list[Figure], k: int) -> int:
    """The index of the first figure after an apposition that parts the count ``f`` ("three
    children, one aged six and the others eight, were wounded", "two soldiers, one a sergeant
    and the other a private, were captured"): the verb after it is the count's; ``k`` when
    ``figs[k]`` stands in no such apposition."""
    g = figs[k]
    if not _APPOS_OPEN.fullmatch(text, f.end, g.start):
        return k
    close = _APPOS_CLOSE.match(text, g.end)
    if close is None:
        return k
    while k < len(figs) and figs[k].start < close.end():
        k += 1
    return k


_OWN_WORDS = frozenset({"comrade", "comrades", "fighter", "fighters", "member", "members"})  # the resistance's words
_LOST_DEAD = re.compile(r"\s*(?:,\s*)?(?:killed|dead|in\s+action|to\s+death(?!\s*(?:,|or\b|and\b))|lives)\b", re.I)


def _lost_dead(word: str | None, rest: str) -> bool:
    """Whether "lost N <word>" counts the dead: a group's own ("the KNLA lost three comrades", "it lost 4 fighters"),
    or a loss said to be of lives ("lost 12 soldiers killed")."""
    return word in _OWN_WORDS or _LOST_DEAD.match(rest) is not None


_OWN_LOSER = re.compile(r"\b(?:[Ww]e|[Oo]ur\s+(?:side|forces|fighters|troops|comrades|group))\s+"
                        r"(?:also\s+|only\s+|have\s+|had\s+)*lo(?:st|se|ses)\s+$")
_LOSER_GAP = re.compile(r"(?:['’]s)?\s+(?:side\s+|forces\s+|fighters\s+|troops\s+)?(?:also\s+|only\s+|has\s+|have\s+|had\s+)*lo(?:st|se|ses)\s+$")


def _speaker_before(sm: SentenceMentions, key: str, fstart: int) -> bool:
    """Whether the actor ``key`` read as the agent only speaks before the figure ("the KNLA said Column 2
    of LIB 545 lost 12 soldiers": a speech verb stands between its last mention and the figure)."""
    last = max((a.end for a in sm.actors if a.key == key and a.end <= fstart), default=None)
    return last is not None and any(last <= a and b <= fstart for a, b in sm.speech)


def _own_loss(sm: SentenceMentions, text: str, before: str, fstart: int, military: str) -> bool:
    """"Our side lost two", "the resistance lost 12", "the KNDF side lost 3": a bare count lost by
    the speaker's side or a resistance group is of its dead (what the junta lost is not said)."""
    if _OWN_LOSER.search(before[-40:]):
        return True
    return any(a.key and a.key != military and a.end <= fstart and _LOSER_GAP.fullmatch(text, a.end, fstart)
               for a in sm.actors)


def _one_side(sm: SentenceMentions, a: int, b: int) -> bool:
    """The actors named in ``[a, b)`` are one side: "four soldiers and two policemen were captured"
    is one count, "5 PDF members and 9 soldiers died" two."""
    keys = {x.key for x in sm.actors if x.key and a <= x.start < b}
    return len(keys) <= 1


_PEOPLE_JOIN = re.compile(r"\s(?:and|as\s+well\s+as|along\s+with)\s+$")
_OTHERS = re.compile(r"\s+(?:others?|more)\b", re.I)
_OTHERS_WORD = re.compile(r"\s+others\b", re.I)  # "a captain and 4 others"


def _listed_with(wide: str, comma: bool, people: bool = False) -> str | None:
    """The verb of the clause a count stands in ("seized the police station and 12 military sites",
    "captured the Western Command and 14 towns", "lost several towns, 100 outposts"): "took" or
    "lost", from the last such verb of the clause; "captured" not over an apposition (``comma``:
    "the Western Command, one of its 14 commands"). With ``people``,
    a verb done to people ("killed the deputy commander and 7 other soldiers")."""
    for w in reversed(_WORDS_POS.findall(wide)):
        lw = w.lower()
        if lw in _CLAUSE_BREAK:
            return None
        if lw in HEAD_WORDS:
            cls = _verb_class(lw)
            if people:
                if cls in ("killed", "wounded", "captured_personnel"):
                    return cls
                continue
            if cls in ("took", "lost"):
                return cls
            if cls == "captured_personnel" and not comma:
                return "took"
    return None


def _named_victims(sm: SentenceMentions, text: str, found: list[RawClaim]) -> list[RawClaim]:
    """One person named with an honorific, killed or wounded (see ``_NAMED_VICTIM``); not one
    a claim already read covers ("Saw Eh Doh, a KNLA soldier, was killed")."""
    s = sm.sentence
    out: list[RawClaim] = []
    for m in _NAMED_VICTIM.finditer(s.text):
        a, b = s.start + m.start(), s.start + m.end()
        if any(c.figure.start < b and a < c.figure.end for c in found + out):
            continue
        metric = "wounded" if (m.group("v") or m.group("v2")).lower() in ("wounded", "injured") else "killed"
        agent = _agent(sm, text, a) if m.group("v") else None
        out.append(RawClaim(Figure(a, b, 1, None, None, False, m.group()), metric, agent, "civil", "named_person"))
    if any(t in s.text for t in ("Gen", "Col", "Maj", "Capt", "Brig")):
        for m in _RANKED_VICTIM.finditer(s.text):
            a, b = s.start + m.start(), s.start + m.end()
            if any(c.figure.start < b and a < c.figure.end for c in found + out):
                continue
            v = m.group("v2").lower()
            metric = "wounded" if v in ("wounded", "injured") else "killed" if not v.startswith(("captured", "taken")) \
                else "captured_personnel"
            more = _WITH_ONE_MORE.match(text, b)
            n, end = (2, more.end()) if more else (1, b)
            out.append(RawClaim(Figure(a, end, n, None, None, False, text[a:end]), metric, None, "armed", "ranked_person"))
    return out


def _one_officer(sm: SentenceMentions, text: str, found: list[RawClaim]) -> list[RawClaim]:
    """One officer killed, captured or wounded, named by his post (see ``_ONE_OFFICER``); not one
    whose span a claim already read covers."""
    s = sm.sentence
    low = s.text.lower()
    if not _has_officer_stem(low):
        return []
    out: list[RawClaim] = []
    for m in _ONE_OFFICER.finditer(s.text):
        a, b = s.start + m.start(), s.start + m.end()
        if any(c.figure.start < b and a < c.figure.end for c in found + out):
            continue
        v = (m.group("v") or m.group("v2") or m.group("v3")).lower()
        metric = _OFFICER_METRIC.get(v) or _verb_class(v)
        if metric not in ("killed", "wounded", "captured_personnel"):
            continue
        agent = (_by_agent(sm, text, b) or _agent(sm, text, a)) if m.group("v3") else None  # "the capture of a major by the KIA"
        out.append(RawClaim(Figure(a, b, 1, None, None, False, m.group()), metric, agent, "armed", "one_officer"))
    return out


_NUMBER_WORDS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                 "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty",
                 "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred"}


_GAPS = re.compile(r"[\s,\"”()]+")


# every TAIL_VERB match contains one of these (lower case): a cheap test before the matching
_TAIL_STEMS = ("occupy", "joined", "gone over", "went over", "to death", "die", "desert", "sacrific", "massacr", "collected", "handed", "gave up", "given up", "moved to", "hiding",
               "abandon", "vacat", "held by", "controlled by", "secur", "clear", "wiped", "slaughter", "behead", "rounded", "caught", "regain", "reclaim", "succumbed", "neutrali", "eliminat", "annihilat", "legal fold", "escaped", "crossed", "retreated", "ran ", "left", "shelter", "death", "martyr", "murder", "custody", "driven", "chased", "slain", "gunned", "execut", "apprehend", "switched", "refuge", "evacuat", "kill", "dead", "died", "perish", "lives", "life", "wound", "injur", "hurt", "captur", "taken", "arrest", "detain",
               "surrender", "themselves", "laid", "defect", "displac", "home", "fled", "flee", "uproot", "forced", "seiz",
               "removed", "evicted", "expelled", "relocated", "sustained", "suffered", "received", "treated",
               "confiscat", "recover", "overrun", "occupied", "down", "fell", "fallen", "under", "hands", "remain",
               "captive", "prisoner", "hostage", "alive", "nabbed", "white flag", "lost", "yielded", "misplaced", "depart", "entered",
               "the run", "safety", "living in", "staying in", "liberat", "came over", "come over", "coming over")  # ("homeless" holds "home")
_has_tail_stem = AnyOf(_TAIL_STEMS)


def _iter_tail(tail: str):
    """The first verb after the noun phrase (within ten words)."""
    low = tail[:120].lower()
    if not _has_tail_stem(low):
        return
    m = TAIL_VERB.match(tail)
    if m:
        yield m
        return
    for w in _GAPS.finditer(tail, 0, 95):
        m = TAIL_VERB.match(tail, w.end())
        if m:
            yield m
            return


_STILL_HOLDS = re.compile(r"\bstill\s+(?:(?:firmly|only|just)\s+)?(?:holds?|held|holding|controls?|controlled|controlling|retains?|"
                          r"retained|keeps?|kept|occupies|occupied|has|had)\s+(?:(?:only|just|some|about|around|nearly|over)\s+)?$", re.I)


_WOUNDED_TAKEN = re.compile(r"\b(?:captur|detain|arrest|taken\s+(?:prisoner|captive|alive)|took\s+(?:prisoner|captive))", re.I)
_PERSON_AFTER = re.compile(r"\s+(?:junta\s+|regime\s+|enemy\s+|military\s+)?(?:soldiers?|troops?|personnel|policemen|police|officers?|"
                           r"fighters?|militiamen|members|men)\b", re.I)


_VERB_THE = re.compile(r"\b(killed|killing|captured|capturing|arrested|detained|wounded|wounding|injured|injuring|executed)\s+"
                       r"(?:all\s+(?:of\s+)?)?the\s+$", re.I)


_TOWN_PART = re.compile(r"\s+(?:[\w'’-]+\s+){0,2}?(?:towns|cities|townships)\b", re.I)


def _other_place_kind(text: str, whole: Figure, part: Figure) -> bool:
    """Whether the count after "including" is of towns and the count it is part of of other places
    ("seized 422 positions, including 18 towns"): a count of its own kind, no mere part."""
    return _TOWN_PART.match(text, part.end, part.end + 40) is not None \
        and _noun(text[whole.end:whole.end + 60])[0] in ("bases_captured", "outposts_captured")


_GARRISON = re.compile(r"\b(?:which|that|where|camps?|bases?|outposts?|posts?|stations?|towns?|prisons?|jails?|garrisons?|"
                      r"positions?)\s+(?:\w+\s+){0,2}?(?:held|holds|holding|hold)\b", re.I)  # "the camp, which held 60 soldiers"
_HELD_PLACE = re.compile(r"\s+(?:in\s+reserve|back|at\s+bay|positions?)\b", re.I)
_AS_PRISONERS = re.compile(r"\s+as\s+(?:prisoners(?:\s+of\s+war)?|POWs?|PoWs|captives|hostages)\b", re.I)
_FOUND_BEFORE = re.compile(r"\b(?:found|recovered|discovered|seized|confiscated|collected)\b", re.I)


def _metric(vcls: str, ncls: str | None, dead: bool, before: str, vtext: str = "", big: bool = False) -> str | None:
    """The contract metric of a figure from its verb class and noun class (None: no claim);
    ``big``: the figure is a thousand or more."""
    if ncls in ("killed", "wounded") and vcls in ("noun", "found", "took", "left", "lost", "killed", "wounded"):
        return ncls
    if vcls == "casualties":
        return "other" if ncls in (None, "bare") else None  # "junta casualties numbered 47": killed and wounded, not said which
    if vcls == "cdm":
        return "other" if ncls in ("armed", None, "bare") else None
    if ncls in ("casualties", "defections"):
        return "other"  # "the junta suffered over 300 casualties": killed and wounded, not said which
    if ncls == "clashes":
        return "clashes" if vcls in ("noun", "clashes", "took", "found", "left", "lost", "killed", "hold") else None
    if ncls == "captured_personnel":
        return "captured_personnel" if vcls in ("took", "captured_personnel", "hold", "noun", "found") else (
            vcls if vcls in ("killed", "wounded", "surrendered") else None)
    if ncls == "displaced":
        return "displaced" if vcls != "killed" else "killed"
    if ncls == "pow":
        return "captured_personnel"
    if vcls == "noun":
        return None
    if ncls in ("armed", "civil", None, "bare"):
        if vcls in ("killed", "wounded", "surrendered"):
            return vcls
        if vcls == "captured_personnel":
            # civilians arrested or abducted are no prisoners of war; "taken alive" are
            return vcls if ncls != "civil" or re.search(r"\b(?:taken|took|captive|prisoners?|alive)\b", vtext, re.I) else None
        if vcls == "took" and ncls in ("armed", None, "bare") and re.search(r"\b(?:captur|detain|arrest)\w*\s+\W*\w*\W*$", before[-30:], re.I):
            return "captured_personnel"
        if vcls == "took" and ncls == "armed" and re.search(r"\b(?:captur|detain|arrest|seiz)", before[-25:], re.I):
            return "captured_personnel"
        if vcls == "lost" and ncls == "armed":
            return "killed"  # "the junta lost 12 soldiers", "troops lost 12 and many were injured"
        if vcls == "abroad":
            # soldiers who fled across the border are no count of the contract's metrics; civilians are displaced
            return "other" if ncls == "armed" else "displaced" if ncls == "civil" else None
        if vcls in ("displaced", "drove") and ncls == "civil" or vcls == "left" and ncls == "civil" and "left" in vtext:
            return "displaced"
        if vcls == "displaced" and ncls is None and re.search(r"\bdisplac|\bIDPs\b|\brefugees\b", before[-80:], re.I):
            return "displaced"
        if vcls == "drove" and ncls in (None, "bare"):
            return "displaced"  # "the fighting drove 5,000 from their homes" (``drove`` only with the homes left)
        if vcls == "displaced" and ncls is None and big:
            return "displaced"  # "more than 3 million are displaced": thousands who fled are people
        if vcls == "found" and dead:
            return "killed"
        if vcls == "clashes" and ncls in (None, "bare") and re.search(r"(?i)\b(?:clashes|battles)\W*$", before):
            return "clashes"  # "Clashes: 12"
        if vcls == "downed":
            return "aircraft_downed" if ncls is None else None
        return None
    if ncls == "aircraft_downed":
        return "aircraft_downed" if vcls in ("downed", "took", "found", "captured_personnel") else None
    if ncls == "weapons_seized":
        if vcls == "left" and vtext.startswith(("left behind", "leaving behind")):
            return "weapons_seized"  # "they lost 40 men and left behind 25 weapons": arms the other side took
        return "weapons_seized" if vcls in ("took", "found", "captured_personnel") else None
    if ncls == "other":  # townships
        return "other" if vcls in ("took", "hold", "lost", "left", "surrendered", "captured_personnel") and not re.search(r"\b(?:only|just|merely)\s+$", before) else None
    # bases, outposts, towns
    if vcls in ("took", "hold") and _STILL_HOLDS.search(before[-40:]):
        return None  # "the junta still holds 3 towns": what a side has left, no gain
    if vcls in ("took", "lost", "captured_personnel"):
        return ncls
    if vcls == "hold" and not re.search(r"\b(?:only|just|merely)\s+$", before):
        return ncls
    return None


_OBJECT_VERBS = frozenset({"attacked", "ambushed", "hit", "struck", "raided", "shelled", "bombed", "fought", "against",
                           "attacking", "ambushing", "raiding", "targeting", "targeted"})
_COUNTED = re.compile(r"\s+(?:[\w'’-]+\s+){0,2}")
_WEAK_MILITARY = {"soldiers", "troops", "police", "policemen", "army", "the army"}


def _by_agent(sm: SentenceMentions, text: str, vend: int | None) -> str | None:
    if vend is not None and _BY.match(text, vend):
        for a in sm.actors:
            if a.key and vend <= a.start <= vend + 40:
                return a.key
    return None


_BY = re.compile(r"\s+(?:by|to|into)\s+")


def _agent(sm: SentenceMentions, text: str, fstart: int, vend: int | None = None) -> str | None:
    """The actor that did what the figure counts: "by X" after a passive verb, else the
    nearest actor before the figure in its clause (not a possessive: "the junta's camps")."""
    if vend is not None:
        m = re.match(r"^\s+(?:by|to|into)\s+(?:the\s+)?", text[vend:vend + 12])
        if m:
            for a in sm.actors:
                if a.key and vend <= a.start <= vend + 40:
                    return a.key
    best = None
    s0 = sm.sentence.start
    for a in sm.actors:
        if a.end > fstart:
            break
        if fstart - a.end > 140:
            continue
        if a.key is None:
            if best not in (None, "?") and text[max(0, a.start - 5):a.start].lower().endswith(" and "):
                continue  # "the Tatmadaw and the groups exchanged fire": the side named first
            if a.text.lower() not in ("we", "it", "they") or fstart - a.end < 40:
                # "the group", "its fighters": the actor the sentence named before, else the report's
                named = [x for x in sm.actors if x.key and x.end <= a.start and not _embedded(x, text, s0)]
                best = named[-1].key if named and a.text.lower().startswith(("its", "their")) else "?"
            continue
        tail = text[a.end:a.end + 2]
        if tail in ("'s", "’s") or tail[:1] in ("'", "’"):
            continue
        if any(0 <= a.start - f.end <= 20 and _COUNTED.fullmatch(text, f.end, a.start) for f in sm.figures):
            continue  # "16 junta troops": the counted people, not who did it
        pw = _WORDS.findall(text[max(s0, a.start - 20):a.start])[-2:]
        if any(w.lower() in HEAD_WORDS or w.lower() in _OBJECT_VERBS for w in pw):
            continue  # "killed a junta officer": the object, not who did it
        if a.text.lower() in _WEAK_MILITARY and not re.search(r"(?:junta|regime|military|government|army|Myanmar|SAC|the)\s+$",
                                                             text[max(s0, a.start - 12):a.start]):
            continue  # "KIA and allied troops", "resistance soldiers"
        pre = text[max(s0, a.start - 12):a.start].lower()
        if _PREPOSITION_BEFORE.search(pre) or _ARTICLE_BEFORE.search(pre):
            continue  # "against the junta", "shot down a junta drone": no agent
        best = _coalition_of_list(sm, text, a) or a.key
    return best


_LIST_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?")


def _coalition_of_list(sm: SentenceMentions, text: str, last: Actor) -> str | None:
    """"The MNDAA, TNLA and AA seized ...": a list of members of one coalition, ending at
    ``last``, did it together: the coalition; a list of other allies is led by the first named."""
    if not COALITIONS:
        return None
    keys = [last.key]
    nxt = last
    for a in reversed([x for x in sm.actors if x.end <= last.start]):
        if not a.key or not _LIST_JOIN.fullmatch(text, a.end, nxt.start):
            break
        keys.append(a.key)
        nxt = a
    if len(set(keys)) < 2 or MILITARY in keys:
        return None  # one actor, or the two sides ("the KNLA and junta troops"): the nearest
    for coalition, members in COALITIONS.items():
        if set(keys) <= members:
            return coalition
    return keys[-1]  # "the KIA and the PDF captured ...": the side named first leads


_ARTICLE_BEFORE = re.compile(r"\b(?:a|an)\s+$")  # "a junta drone", "an AA outpost": the actor names a thing
_PREPOSITION_BEFORE = re.compile(r"\b(?:against|with|from|of|on|to|by|for|between|into)\s+(?:the\s+)?$")
_POSSESSIVE_BEFORE = re.compile(r"['’]s\s+(?:\w+\s+)?$")
_NP_OF = re.compile(r"\s+(?:of|from|belonging\s+to|with|under)\s+(?:the\s+)?(?:[\w'’-]+\s+)?")


def _subject_hint(sm: SentenceMentions, text: str, f: Figure, np: str, ncls: str | None) -> str | None:
    if np:
        np_end = f.end + len(np)
        in_np = [a for a in sm.actors if a.key and f.end <= a.start < np_end + 25
                 and (a.start < np_end or _NP_OF.fullmatch(text, np_end, a.start))]
        if in_np:
            strong = [a for a in in_np if a.text.lower() not in ("soldiers", "troops", "police", "policemen", "army")]
            return "actor:" + (strong or in_np)[0].key
        if _OWN.search(np) or re.match(r"\s+of\s+(?:their|its|our)\b", np):
            return "own"
        if _ENEMY.search(np):
            return "enemy"
    # "the junta's 13 soldiers"
    pre = text[max(sm.sentence.start, f.start - 25):f.start]
    if _POSSESSIVE_BEFORE.search(pre):
        for a in sm.actors:
            if a.key and a.end <= f.start and f.start - a.end <= 20:
                return "actor:" + a.key
    if ncls == "civil":
        return "civil"
    if ncls in ("armed",):
        return "armed"
    return None


# ------------------------------------------------------------------ who speaks
_ROLE = r"(?:spokes(?:person|man|woman)|information\s+officer|officer|official|commander|leader|chairman|chair|secretary|" \
        r"head|chief|member|representative|director|minister|general|colonel|captain|major)"
_TITLE = r"(?:(?:Col|Lt|Maj|Gen|Capt|Brig|Dr|Sgt)\.?\s+|(?:Colonel|Major|General|Captain|Lieutenant|Brigadier|Commander)\s+)"
_NAME = r"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3})"
_NAME_ROLE = re.compile(rf"(?:{_TITLE})*{_NAME},\s+(?:a|an|the)\s+[^,.;]{{0,70}}?\b{_ROLE}\b")
_ROLE_NAME = re.compile(rf"\b{_ROLE}\s+(?:{_TITLE})*{_NAME}")
_COMMA_ARTICLE = re.compile(r",\s+(?:a|an|the)\s")  # in every _NAME_ROLE match (a cheap search first)
# "speak" or "spoke" is in every match
_NAME_SPEAKS = re.compile(rf"(?:{_TITLE})*{_NAME},\s+(?:who\s+(?:speaks|spoke|is\s+speaking)\s+(?:for|on\s+behalf\s+of)|"
                          rf"(?:speaking|a\s+spokes\w+)\s+(?:for|of))\s+")
_NON_ACTOR = re.compile(r"\b(?:residents?|villagers?|witness(?:es)?|locals\b|local\b(?!\s+(?:commanders?|defen[cs]e|resistance|"
                        r"PDF|fighters?|troops|forces|leaders?|militia|armed|spokes\w*|officers?|groups?|units?))|"
                        r"sources?|aid\s+(?:groups?|workers?)|relief|United\s+Nations|UN|U\.N|OCHA|UNHCR|volunteers?|"
                        r"monitors?|analysts?|doctors?|medics?|hospital|media|reports?|observers?|rescuers?|"
                        r"police\s+official|activists?|rights\s+groups?|researchers?|journalists?|newspapers?|outlets?|"
                        r"institute|organi[sz]ation|network|Facebook|Telegram|"
                        # rights groups and conflict monitors by their names or their data
                        r"association|AAPP|ACLED|ISP-Myanmar|Data\s+for\s+Myanmar|Amnesty|Human\s+Rights\s+Watch|Fortify\s+Rights|"
                        r"UNICEF|Red\s+Cross|ICRC|think[\s-]+tanks?|data|database|tall(?:y|ies)|study|survey)\b", re.I)
# bodies that count for no side: the UN and its agencies, rights groups, conflict monitors
_MONITOR = re.compile(r"\b(?:United\s+Nations|UN|U\.N|OCHA|UNHCR|UNICEF|AAPP|ACLED|Assistance\s+Association|ISP-Myanmar|"
                      r"Data\s+for\s+Myanmar|Human\s+Rights\s+Watch|Amnesty|Fortify\s+Rights|rights\s+groups?|monitors?|"
                      r"monitoring\s+groups?)\b")


def names_monitor(text: str) -> bool:
    """Whether ``text`` names a body that counts for no side (the UN, a rights group, a monitor)."""
    return _MONITOR.search(text) is not None


_ACCORDING = re.compile(r"according\s+to|\b(?:citing|quoting|(?:as\s+)?(?:reported|claimed|stated|announced|confirmed)\s+by|"
                        r"[Bb]ased\s+on(?=\s+(?:the\s+)?[A-Z]))\b", re.I)
_ACCORDING_CUES = ("ccording to", "iting", "uoting", "eported by", "ased on", "onfirmed by")
_COUNT_VERBS = re.compile(r"\b(?:estimated|estimates|counted|recorded|documented|tallied|listed|noted|cited|reports|"
                          r"put|puts|confirmed|announced|released|issued|conceded|concedes|conceding)\b")
_TAIL_NAMES = re.compile(rf"(?:^|[^.\w]\s*)((?:{_TITLE}(?:[A-Z][\w'’.-]+\s+){{1,4}})|(?:[A-Z][\w'’-]+\s+){{2,4}})(?:\([^)]{{1,25}}\)\s*)?[,]?\s*(?:has\s+|have\s+|had\s+|also\s+)?$")


_GAP_ROLE = re.compile(r"^\)?(?:['’]s)?\s*(?:\([^)]{1,60}\)\s*)?(?:[\w-]+(?:['’]s)?\s+){0,3}?(?:spokes\w+|officer|official|commander|leader|"
                       r"chairman|sources?|statement|report|representative|secretary|head|chief|department|office|ministry|minister|"
                       r"Ministry\s+of(?:\s+[A-Z][\w-]+){1,3}\s*|"
                       r"information\s+team|wing|(?i:brigade|battalion)(?:\s+(?:No\.?\s*)?\d+)?)?(?:,?\s+" + _TITLE + r"?(?:[A-Z][\w'’.-]+\s*){1,4})?,?\s*"
                       r"(?:has\s+|have\s+|had\s+|also\s+|later\s+|further\s+|then\s+)*$")


def _speaker_gap(gap: str) -> bool:
    """The words between an actor and a speech verb keep the actor the speaker: "the KIA said",
    "the KIA's spokesperson, Col. Naw Bu, said", "the Arakan Army (AA) said"; not "… troops in
    the clash," Naw Bu said" or "… battalions in the town, and say"."""
    if len(gap) > 75 or any(c in gap for c in "\"“”;:"):
        return False
    if "who" in gap:
        who = _GAP_WHO.search(gap)
        if who is not None:
            gap = gap[:who.start()]  # "junta spokesman Zaw Min Tun, who has previously said": the person named
    return _GAP_ROLE.match(gap) is not None or _GAP_ALLIES.match(gap) is not None or _GAP_ASIDE.match(gap) is not None


# a neighbouring country's forces or officials speaking: no side of the war
_FOREIGN_SPEAKER = re.compile(r"\b(?:Thai|Thailand['’]s|Indian|India['’]s|Chinese|China['’]s|Bangladeshi|Bangladesh['’]s)\s+"
                              r"(?:(?:army|military|armed\s+forces|border\s+(?:guards?|police)|soldiers|troops|authorities|"
                              r"officials?|government|police|foreign\s+ministry|ministry|embassy|immigration)\b[^,;:\"“”]{0,25}?)"
                              r"\s*,?\s*(?:has\s+|have\s+|had\s+|also\s+)?$")
_PASSIVE_SPEECH = frozenset({"reports", "reported", "reporting", "confirmed", "claimed", "said", "stated", "announced"})
_GAP_WHO = re.compile(r",?\s+who\s+(?:(?:has|have|had|previously|earlier|also|repeatedly|often|once|later|then|publicly|"
                      r"recently|last\s+week|last\s+month|last\s+year)\s+)*$")
# an armed group's own information office: "the Arakan Army's information team said" (no junta outlet)
_OWN_OFFICE = re.compile(r"['’]s\s+(?:[\w-]+\s+){0,2}?(?:information|news|media)\s+(?:team|department|desk|office|committee|unit|wing)"
                         r"\s*,?\s*(?:has\s+|have\s+|had\s+|also\s+)?$")
# a denial of reports or claims by no one named: "the junta denied (reports) that", "dismissed as false (claims) that"
_DENIED_NOUN = re.compile(r"\b(?:denied|denies|deny|denying|rejected|rejects|rejecting|dismissed|dismisses|disputed|disputes|"
                          r"refuted|refutes)\s+(?:as\s+[\w-]+\s+)?(?:the\s+|these\s+|those\s+|such\s+)?"
                          r"(?:(?:media|news|online|earlier|unconfirmed|false|recent|local)\s+)?$", re.I)
# where "alleged" is an adjective: after an article, a possessive or a count
_ADJECTIVE_SLOT = re.compile(r"(?:\b(?:[Aa]n?|[Tt]he|its|their|his|her|two|three|four|five|six|seven|eight|nine|ten|several|dozens|"
                             r"hundreds|scores|of)|\d)\s+$")
# a second verb that shares the subject of the clause: "X captured the base and said ...", "but added"
_AND_SAID = re.compile(r"[^;\"“”],?\s+(?:and|but)\s+$")
# what may stand before the subject at the sentence start: "The", a quote mark
_SUBJECT_LEAD = re.compile(r"[\s\"“]*(?:[Tt]he\s+)?")
_GAP_ASIDE = re.compile(r"\s*,[^,;:\"“”]{1,40},\s*(?:has\s+|have\s+|had\s+|also\s+)?$")  # "the junta, for its part, said"
_GAP_ALLIES = re.compile(r"\s+and\s+(?:its|their)\s+(?:[\w'’-]+\s+){0,4}(?:allies|partners)\s*$")


_AFTER_SAID = re.compile(r"\s+(?:the\s+|a\s+|an\s+)?[A-Z]|\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}(?:spokes|officer|official|commander|source|leader)")
_STATEMENT_BY = re.compile(r"\s+(?:(?:issued|released|published|posted)\s+(?:\w+\s+){0,2}?)?(?:from|by|of)\s+(?:the\s+)?", re.I)
_ROLE_WORDS = re.compile(r"spokes|officer|official|commander|leader|member|chairman|secretary|\bfor\b|\bof\b")
# a speaker not in the registry that names a local armed resistance group ("the Yaw Revolution
# Army", "the Student Armed Forces", "the Shwegyin People's Defence Team"): the PDF family
_RESISTANCE_HEADS = (r"(?:Defen[cs]e\s+(?:Force|Team|Army|Group)s?|"
                     r"Revolution(?:ary)?\s+(?:Army|Force)s?|Armed\s+Forces?|Liberation\s+Army|Guerrilla\w*|Column|Democratic\s+Front|"
                     r"Tigers?|Warriors|District\s+Battalion\s+\d+|Army|(?:Strike|Task|Guerrilla|Commando)\s+Forces?|"
                     r"Resistance\s+(?:Force|Group|Army)s?|Local\s+Defen[cs]e\w*|"
                     r"(?<!Guard\s)(?<!Air\s)(?<!Police\s)(?<!Security\s)(?<!Border\s)(?<!Militia\s)Force)")
_RESISTANCE_NAME = re.compile(r"(?:^|\s)(?:the\s+)?(?:[A-Z][\w'’-]+\s+){1,5}?" + _RESISTANCE_HEADS + r"(?:[\s-][\w-]+)?\s*(?:\([^)]*\))?[,\s]*"
                              r"(?:(?:a|an|the)\s+[^,]{0,40},\s*)?(?:has\s+|have\s+|had\s+|also\s+)?$")
# a local armed resistance group named anywhere in a sentence ("the Mon State Revolution Force and its allies took ...")
_RESISTANCE_NAMED = re.compile(r"(?:^|(?<=\s))(?:[A-Z][\w'’-]+\s+){1,5}?" + _RESISTANCE_HEADS + r"\b")
# the same after the speech verb: "..., said the Myaing Revolutionary Force", "said a spokesman for the Yaw Defence Force"
_RESISTANCE_AFTER = re.compile(r"\s+(?:(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:of|for|from|with)\s+)?(?:the\s+)?(?:[A-Z][\w'’-]+\s+){1,5}?"
                               + _RESISTANCE_HEADS + r"\b")
# "the Myaing Revolutionary Force (MRF)": the group's short name, for "the MRF said" later
_RESISTANCE_SHORT = re.compile(r"(?:^|\s)(?:the\s+)?(?:[A-Z][\w'’-]+\s+){1,5}?" + _RESISTANCE_HEADS +
                               r"\s*\((?P<short>[A-Z][A-Za-z-]{1,9})\)")
# a local armed resistance group described, not named: "Ko Thura, who leads the Myaing resistance group, said"
_RESISTANCE_WORDS = re.compile(r"\b(?:resistance|local\s+defen[cs]e|guerrilla|revolutionary)\s+(?:group|force|team|unit|column)s?"
                               r"\s*,?\s*(?:has\s+|have\s+|had\s+|also\s+)?$", re.I)
# every match of _RESISTANCE_NAME holds one of these (as written), of _RESISTANCE_WORDS one of these (lower case)
_has_resistance_head = AnyOf(("Defen", "Revolution", "Armed", "Army", "Guerrilla", "Column", "Democratic", "Tiger",
                              "Warriors", "District", "Force", "Resistance", "Local"))
_has_resistance_word = AnyOf(("resistance", "local", "guerrilla", "revolutionary"))


def _resistance_before(before: str) -> bool:
    """A local resistance group named or described right before a speech verb."""
    return _has_resistance_head(before) and _RESISTANCE_NAME.search(before) is not None or (
        not before.isascii() or _has_resistance_word(before.lower())) and _RESISTANCE_WORDS.search(before) is not None


_PRONOUNS = {"he", "she", "they", "it", "we"}
_PRONOUN_NOUNS = {"spokesperson", "spokesman", "spokeswoman", "officer", "official", "commander", "group", "groups",
                  "alliance", "statement", "army", "organisation", "organization", "leader", "colonel", "general",
                  "rebels", "allies", "insurgents", "report", "council", "front", "union", "ministry"}
# the people who speak for a side: "a resistance spokesperson said" (the resistance at large)
_SPOKES_WORDS = frozenset({"spokesperson", "spokesman", "spokeswoman", "official", "officials", "leader", "leaders",
                           "commander", "commanders", "officer", "source", "sources"})
# the junta's chief named by his rank or role, with no actor word: "Senior General Min Aung Hlaing said"
_MILITARY_CHIEF = re.compile(r"(?:^|\s)(?:the\s+)?(?:Senior[\s-]+Gen(?:eral|\.)?|Snr\.?\s+Gen\.?|Sr\.\s+Gen\.?|coup\s+(?:leader|maker)|"
                             r"[Cc]ommander-in-[Cc]hief)\s")
_CHIEF_NAME = re.compile(_MILITARY_CHIEF.pattern + r"(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,3})")


def _may_name_chief(t: str) -> bool:
    """False only where ``_MILITARY_CHIEF`` cannot match ``t``: each of its forms holds one of these."""
    return "Gen" in t or "coup" in t or "in-" in t


_BRACKETED = re.compile(r"\(([A-Z][A-Za-z-]{1,9})\)")
_SHORT_WORD = re.compile(r"\b[A-Z][A-Za-z-]{1,9}\b")
# every spelling of the registry's actors: a short name in brackets that is one is no new group
_ACTOR_SPELLINGS = frozenset(sp for k, (name, _side, aliases) in _ACTORS.items() for sp in (k, name, *aliases))
_PLURAL_GROUPS = frozenset({"groups", "allies"})
_GROUP_COUNTS = frozenset({"the", "three", "two", "four", "allied", "both", "ethnic", "armed"})
_CAPITALS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ(")
_SKIP_LAST = {"also", "further", "later", "has", "have", "had", "then", "again"}
_STATE_MEDIA_STEMS = ("global new light", "new light", "myawaddy", "moi", "digital news", "gnlm", "mrtv", "myawady", "information", "state", "true news", "alinn",
                      "kyemon", "mna", "news agency", "radio and television", "mitv", "mwd", "mirror", "commander")
_has_state_media_stem = AnyOf(_STATE_MEDIA_STEMS)


def _state_media(t: str) -> bool:
    low = t.lower()
    return _has_state_media_stem(low) and STATE_MEDIA.search(t) is not None


# the junta's government named as such: "Myanmar authorities said", "the junta-appointed Kayah
# State government said" (not the National Unity Government, not Thai authorities)
_JUNTA_GOVERNMENT = re.compile(
    r"(?:\bMyanmar(?:['’]s)?\s+(?:(?:military|junta|central|Union)\s+)?(?:government|authorities|administration)|"
    r"\b(?:military|junta)[\s-]+(?:appointed|run|installed|controlled|led|backed)\s+(?:[A-Z][\w]+\s+){0,3}"
    r"(?:government|authorities|administration)|\bNational\s+Defen[cs]e\s+and\s+Security\s+Council|\bMyanmar\s+Police\s+Force|"
    r"\bgovernment\s+in\s+Nay\s*[Pp]yi\s*[Tt]aw|\bNay\s*[Pp]yi\s*[Tt]aw\s+government)"
    r"(?:['’]s\s+(?:[\w-]+\s+){0,2}?(?:spokes\w+|office|ministry))?\s*,?\s*(?:has\s+|have\s+|had\s+|also\s+)?$")


# the National Unity Government described, not named: "the shadow government", "the exiled government's spokesman"
_NUG_GOVERNMENT = re.compile(
    r"\b(?:shadow|parallel|exiled?|opposition|underground|anti-junta|civilian)\s+(?:civilian\s+)?government"
    r"(?:['’]s\s+(?:[\w-]+\s+){0,2}?(?:spokes\w+|office|ministry|minister)(?:\s+[A-Z][\w]+){0,3})?\s*,?\s*"
    r"(?:has\s+|have\s+|had\s+|also\s+)?$", re.I)


def _junta_government(before: str) -> bool:
    """Whether ``before`` ends with the junta's government as a speaker ("Myanmar authorities")."""
    return ("overnment" in before or "uthorities" in before or "dministration" in before or "Council" in before
            or "Police" in before) \
        and _JUNTA_GOVERNMENT.search(before) is not None


def _last_words(before: str) -> list[str]:
    """The last words before a speech verb, lower-cased except the last one's first letter
    kept for the capital test; "also", "has" and the like dropped."""
    words = before[-40:].replace(",", " ").split()
    while words and words[-1].lower() in _SKIP_LAST:
        words.pop()
    if not words:
        return []
    out = [w.lower() for w in words[-3:]]
    if words[-1][:1] in _CAPITALS:
        out[-1] = words[-1]
    return out


_PAIR = re.compile(r"\s*,?\s*and\s+(?:its|their|the)?\s*$")
_PREV_CAP = re.compile(r"([A-Z][\w'’-]*)\s+$")
_NOT_NAME_PART = {"The", "A", "An", "In", "On", "At", "By", "According", "Said", "And", "Of", "For", "From", "With",
                  "That", "When", "While", "After", "Before", "But", "As", "To"}


def _embedded(a: Actor, text: str, s0: int) -> bool:
    """An actor spelling inside a longer name: "the Student Armed Forces" is not the army; a
    local resistance group named after its place ("the Kani PDF", "the Pale People's Defence
    Force") is still the PDF."""
    if not a.text[:1].isupper() or a.key == "PDF":
        return False
    m = _PREV_CAP.search(text, max(s0, a.start - 25), a.start)
    # "Myanmar's State Administration Council", "Rakhine's Arakan Army": a possessive is no part of the name
    return m is not None and m.group(1) not in _NOT_NAME_PART and not m.group(1).endswith(("'s", "’s"))


def _speakers_near(sm: SentenceMentions, text: str, lo: int, hi: int) -> list[Actor]:
    return [x for x in sm.actors if x.key and lo <= x.start and x.end <= hi and not _embedded(x, text, sm.sentence.start)]


_ROLE_HINT = StemGated(re.compile(r"[Ss]pok|[Oo]ffic|[Cc]ommander|[Ll]eader|[Cc]hair|[Ss]ecretary|[Hh]ead|[Cc]hief|[Mm]ember|"
                                   r"[Rr]epresentative|[Dd]irector|[Mm]inister|speak"),
                       ("spok", "offic", "commander", "leader", "chair", "secretary", "head", "chief", "member",
                        "representative", "director", "minister", "speak"))
# where a _ROLE_HINT match can open (lower case, anywhere), and a _ROLE_NAME match (a role word at a word
# start): the expressions are tried there only (``finditer_at``, the same matches)
_ROLE_HINT_STARTS = starts_re((), anywhere=_ROLE_HINT.stems)
_ROLE_NAME_STARTS = starts_re(("spokes", "information", "offic", "commander", "leader", "chair", "secretary", "head",
                               "chief", "member", "representative", "director", "minister", "general", "colonel",
                               "captain", "major"))


# the actors named "... Army": "the army said" may be theirs
_ARMY_KEYS = frozenset(k for k, (name, _side, aliases) in _ACTORS.items()
                       if k != MILITARY and any(n.endswith(("Army", "army")) for n in (name, *aliases)))


# pronoun speakers that stand for an organisation (not a person): "the group said", "it said"
_GROUP_ANAPHORS = frozenset({"it", "they", "group", "groups", "organisation", "organization", "army", "rebels",
                             "insurgents", "allies", "alliance", "council", "front", "union"})
# the junta's leaders and spokesmen the wires quote by name alone
_JUNTA_PEOPLE = ("Zaw Min Tun", "Min Aung Hlaing", "Maung Maung Ohn")
# the armed groups' leaders and spokesmen the press quotes by name alone (public figures, from general knowledge)
_GROUP_PEOPLE = {"Khaing Thukha": "AA", "Twan Mrat Naing": "AA", "Saw Taw Nee": "KNLA", "Lway Yay Oo": "TNLA",
                 "Tar Aik Bong": "TNLA", "Tar Bhone Kyaw": "TNLA", "Nay Phone Latt": "PDF", "Gun Maw": "KIA",
                 "Peng Daxun": "MNDAA"}
_SAYING_AFTER = re.compile(r"\s*,\s+(?:saying|adding|insisting|claiming|and\s+said)\b|"
                           r"\s+and\s+(?:said|says|added|insisted|claimed|stated)\b", re.I)  # "X denied the claim and said ..."
_DENIALS = frozenset({"denied", "denies", "deny", "denying", "rejected", "rejects", "dismissed", "disputed"})
_NAME_HEADS = frozenset({"council", "front", "union"})  # "the council said": an actor whose name ends so
# words for what a speaker issued: "the statement said" is the last speaker's, whoever it is
_THE_DOCUMENT = re.compile(r"\s*the\s+(ministry|report|statement)\b(?:['’]s\s+(?:report|statement|figures|data|tally)\b)?"
                           r"(?!\s+(?:by|of|from|in|on|released|published|issued)\b)", re.I)
_POSS_FIGURE = re.compile(r"['’]s\s+(?:own\s+|latest\s+|official\s+)?(?:figures?|tally|count|estimate|toll|numbers?)\s+(?:of|at|was|is|stood|puts?)\b")
_DOCUMENT_ANAPHORS = frozenset({"statement", "report", "ministry"})  # "the ministry said": the last speaker's ministry


@dataclass
class Speakers:
    """Who spoke so far in the report: people tied to actors, the last speaker, the main actor."""
    military: str
    main: str | None
    people: dict[str, str]
    last: str | None = None
    last_named: str | None = None  # the last non-military actor the report named
    it: bool = False  # the last pronoun speaker read was "it" (an organisation, not a person)
    alliance: str | None = None  # the alliance the report named ("the alliance said" speaks for it)
    anaphor: str | None = None  # the word of the last pronoun speaker read ("it", "group", "spokesperson")
    short: dict[str, str] = field(default_factory=dict)  # short names of groups outside the registry ("MRF" → PDF)
    named_keys: set[str] = field(default_factory=set)  # every actor the report named so far
    by_head: dict[str, str] = field(default_factory=dict)  # last word of a name read → its actor ("council" → SAC)
    person_seen: tuple[int, str] | None = None  # (sentence index, actor) of the last person of a known side named
    resistance_seen: int | None = None  # the index of the last sentence naming a resistance group outside the registry
    _index: int = -1  # the index of the sentence read last

    def __post_init__(self) -> None:
        for name in _JUNTA_PEOPLE:
            self.people.setdefault(name, self.military)  # "Major General Zaw Min Tun said": the junta's spokesman
        for name, key in _GROUP_PEOPLE.items():
            self.people.setdefault(name, key)  # "Khaing Thukha told reporters": the Arakan Army's spokesman

    def learn(self, sm: SentenceMentions, text: str) -> None:
        """Remember the people the sentence ties to actors, and the last such person it names."""
        self._learn_names(sm, text)
        self._index = sm.sentence.index
        for a in sm.actors:
            if a.key:
                self.named_keys.add(a.key)
                self.by_head[a.text.rsplit(None, 1)[-1].lower()] = a.key  # "Chinland Council" → "council"
        if self.people:
            key = self.person(sm.sentence.text)
            if key:
                self.person_seen = (sm.sentence.index, key)
        t = sm.sentence.text
        if _has_resistance_head(t):
            for m in _RESISTANCE_NAMED.finditer(t):
                a0, b0 = sm.sentence.start + m.start(), sm.sentence.start + m.end()
                if not any(x.key and x.start < b0 and a0 < x.end for x in sm.actors):
                    self.resistance_seen = sm.sentence.index  # "the Mon State Revolution Force and its allies ..."
                    break

    def _learn_names(self, sm: SentenceMentions, text: str) -> None:
        """Remember "KIA spokesperson Naw Bu" and "Naw Bu, the KIA's spokesperson" → KIA."""
        s = sm.sentence
        if _may_name_chief(s.text) and _MILITARY_CHIEF.search(s.text):
            for m in _CHIEF_NAME.finditer(s.text):
                self._remember(m.group("name"), self.military)  # "Senior General Min Aung Hlaing" → the junta
        if "(" in s.text:
            for b in _BRACKETED.finditer(s.text):
                if b.group(1) not in _ACTOR_SPELLINGS and b.group(1) not in self.short:
                    m = _RESISTANCE_SHORT.search(s.text, max(0, b.start() - 90), b.end())
                    if m is not None and m.end() == b.end():
                        self.short[b.group(1)] = "PDF"  # "the Myaing Revolutionary Force (MRF)"
        if not any(a.key for a in sm.actors):
            return
        if self.alliance is None:
            self.alliance = next((a.key for a in sm.actors if a.key and a.text.lower().endswith("alliance") and a.key != self.military), None)
        hints = [h.start() for h in finditer_at(_ROLE_HINT.pattern, _ROLE_HINT_STARTS, s.text, 0, len(s.text))]
        if not hints:
            return
        lo, hi = max(0, hints[0] - 110), min(len(s.text), hints[-1] + 80)  # names stand near their role
        for m in finditer_at(_ROLE_NAME, _ROLE_NAME_STARTS, s.text, lo, hi):
            a0 = s.start + m.start()
            near = [a for a in sm.actors if a.key and a.end <= a0 and a0 - a.end <= 40]
            if near:
                self._remember(m.group("name"), self._whose(near[-1]))
        for m in (_NAME_SPEAKS.finditer(s.text, lo, hi) if "speak" in s.text or "spoke" in s.text else ()):
            a0 = s.start + m.end()
            near = [a for a in sm.actors if a.key and a0 <= a.start <= a0 + 12]
            if near:
                self._remember(m.group("name"), self._whose(near[0]))
        for m in (_NAME_ROLE.finditer(s.text, lo, hi) if _COMMA_ARTICLE.search(s.text, lo, hi) else ()):
            a0, b0 = s.start + m.end("name"), s.start + m.end() + 35
            near = [a for a in sm.actors if a.key and a0 <= a.start <= b0]
            if near:
                self._remember(m.group("name"), self._whose(near[0]))

    def _coalition_named(self) -> str | None:
        """The coalition two or more of whose members the report named (and no other group; "anti-junta groups",
        the resistance at large, are no other group)."""
        others = self.named_keys - {self.military, "PDF"}
        for coalition, members in COALITIONS.items():
            if len(others & members) >= 2 and others <= members | {coalition}:
                return coalition
        return None

    def _whose(self, a: Actor) -> str:
        """The actor a person's role names: "the army's information officer" after the report named
        an ethnic army is that army's officer, not the junta's (as "the army said" is)."""
        if a.key == self.military and a.text.lower() in ("army", "the army") and self.last_named in _ARMY_KEYS:
            return self.last_named
        return a.key

    def _remember(self, name: str, key: str) -> None:
        words = name.split()
        self.people[name] = key
        if len(words) >= 2:
            self.people[" ".join(words[-2:])] = key

    def short_name(self, phrase: str, anywhere: bool = False) -> str | None:
        """The group of a short name learnt before ("MRF") in ``phrase``: at its end, or followed
        only by a role ("MRF officer"); with ``anywhere``, at any place in it."""
        if not self.short:
            return None
        for m in _SHORT_WORD.finditer(phrase):
            key = self.short.get(m.group())
            if key and (anywhere or _speaker_gap(phrase[m.end():])):
                return key
        return None

    def person(self, phrase: str) -> str | None:
        for name, key in self.people.items():
            if name in phrase:
                return key
        return None

    def fallback(self, para_speaker: str | None, agent: str | None = None, para_last: str | None = None,
                 para_named: str | None = None) -> str | None:
        """A speaker named by a pronoun or a name not met before: the paragraph's, else the one
        that spoke last in the paragraph ("State media reported … It said …"), else the last
        non-military actor the paragraph named before ("In Sagaing, the Yinmabin PDF ambushed a
        convoy. The group said …"), else the last non-military speaker, else the actor of the
        figure, else the report's main actor."""
        if para_speaker:
            return para_speaker
        if para_last and (para_last != self.military or self.it):
            return para_last
        if self.anaphor in ("he", "she") and self.person_seen and self._index - self.person_seen[0] <= 2:
            return self.person_seen[1]  # "Junta spokesman Zaw Min Tun ... He told reporters ...": that person's side
        if para_named and self.anaphor in _GROUP_ANAPHORS:
            return para_named
        if self.anaphor in _GROUP_ANAPHORS and self.resistance_seen is not None and self._index - self.resistance_seen <= 1:
            return "PDF"  # "the group said" after a local resistance group outside the registry
        if self.last and self.anaphor in _DOCUMENT_ANAPHORS:
            return self.last  # "the statement said": the statement of the last speaker, the junta's too
        if self.last and self.last != self.military:
            return self.last
        if agent and agent != "?" and agent != self.military:
            return agent
        return self.main or self.last

    def of_sentence(self, sm: SentenceMentions, text: str, claims: bool = False) -> tuple[str | None, bool]:
        """(actor, found): the actor the sentence's speech verb belongs to. ``found`` with no
        actor: a speaker who is no actor (residents, local media): the outlet claims it;
        ``found`` with actor "?": a pronoun or unknown name to resolve from the context."""
        s = sm.sentence
        self.it = False
        self.anaphor = None
        spans = sm.speech
        if any(c in s.text for c in _ACCORDING_CUES):
            # "according to the KIA", "citing the KNDF", "as reported by state media"
            extra = [(s.start + m.start(), s.start + m.end()) for m in _ACCORDING.finditer(s.text)]
            extra = [x for x in extra if not any(a <= x[0] < b or x[0] <= a < x[1] for a, b in spans)]
            if extra:
                spans = sorted(spans + extra)
        if not spans and claims and ("'s " in s.text or "’s " in s.text):
            # "the junta's figure of 40 dead", "a KNLA tally of 60": whose figure it is
            for m in _POSS_FIGURE.finditer(s.text):
                a0 = s.start + m.start()
                x = next((x for x in sm.actors if x.key and x.end == a0), None)
                if x is not None:
                    return x.key, True
        if not spans and claims:
            # verbs of counting that also attribute: "the KNU estimated", "the group recorded"; only
            # an actor right before them counts
            for m in _COUNT_VERBS.finditer(s.text):
                r = self._one(sm, text, s.start + m.start(), s.start + m.end())
                if r[0] not in (None, "?"):
                    return r
            return None, False
        fallback: tuple[str | None, bool] = (None, False)
        for a, b in spans:
            r = self._one(sm, text, a, b)
            if r[0] not in (None, "?"):
                return r
            if r[1] and (not fallback[1] or r[0] == "?" and fallback[0] is None):
                fallback = r
        return fallback

    def _one(self, sm: SentenceMentions, text: str, a: int, b: int, coord: bool = False) -> tuple[str | None, bool]:
        """The speaker of the speech verb at ``text[a:b]`` (see ``of_sentence``); ``coord``: the
        subject of a verb that a second one ("... and said") shares, a denial's too."""
        s = sm.sentence
        verb = text[a:b].lower()
        if verb in _DENIALS and not coord:
            return None, False  # "..., which it denied": who denies a figure does not claim it
        if verb in ("reports", "claims", "report", "claim") and _DENIED_NOUN.search(text, max(s.start, a - 45), a):
            if _SAYING_AFTER.match(text, b, s.end):
                denial = [sp for sp in sm.speech if s.start <= sp[0] and sp[1] < a and text[sp[0]:sp[1]].lower() in _DENIALS]
                if denial:
                    return self._one(sm, text, *denial[-1], coord=True)  # "X denied the claim, saying ...": X's word
                first = next((x for x in sm.actors if x.key and x.start < a), None)
                if first is not None and _SUBJECT_LEAD.fullmatch(text, s.start, first.start) \
                        and text[first.end:first.end + 2] not in ("'s", "’s") and not _embedded(first, text, s.start):
                    return first.key, True  # "X rejected the reports and added that ...": X's word
            return None, True  # "the junta denied reports that ...": unnamed reports, the outlet's word
        if verb in ("reported", "claimed", "stated", "announced", "confirmed") and text[b:b + 4] == " by ":
            verb = text[a:b + 3].lower()  # "as reported by state media", "claimed by the AA": who is after "by"
            b += 3
        if _ACCORDING.match(verb):
            after = text[b:min(s.end, b + 70)]
            if _state_media(after[:45]):
                return self.military, True
            near = [x for x in _speakers_near(sm, text, b, b + 80) if x.start <= b + 45 and "," not in text[b:x.start]]
            if near:
                return near[0].key, True
            head = after.split(",")[0]
            p = self.person(head) or self.short_name(head[:45], anywhere=True)
            if p:
                return p, True
            doc = _THE_DOCUMENT.match(after)
            if doc is not None:
                self.anaphor = doc.group(1).lower()
                return "?", True  # "according to the ministry('s report)", "according to the report": the last speaker's
            if _NON_ACTOR.search(head[:40]):
                return None, True
            if _has_resistance_head(head) and _RESISTANCE_NAME.match(head.rstrip(" .;:\"”’')")):
                return "PDF", True  # "according to the Yaw Defence Force." at the sentence's end too
            if verb.startswith("based"):
                return None, False  # "based on the Arakan Army" (rewritten English) names an actor or no one
            if re.match(r"\s*(?:a|an|the)?\s*(?:(?:Brigade|Battalion|Column|Division|Company|Regiment)\s+\d+\s+|frontline\s+|senior\s+|field\s+)?"
                        r"(?:spokes|officer|official|commander|statement|group|army|alliance|"
                        r"organi[sz]ation|rebels|him|her|them|(?:ministry|group|army|alliance)['’]s\s+(?:report|statement|figures|data|tally))", after, re.I) \
                    or re.match(rf"\s*(?:the\s+)?{_TITLE}?[A-Z]", after):
                return "?", True
            return None, True  # "according to a monitoring group": no actor
        before = text[max(s.start, a - 80):a]
        if verb == "alleged" and _ADJECTIVE_SLOT.search(before[-16:]):
            return None, False  # "executed 5 alleged informers", "an alleged PDF member": no speech
        if not coord and before.endswith((" and ", " but ")) and _AND_SAID.search(before[-16:]):
            # "the MNDAA claimed the capture of 4 bases and said 39 soldiers ...", "Zaw Min Tun dismissed the
            # KIA's account and said ...": a second verb with no subject of its own has the clause's subject
            prev = [sp for sp in sm.speech if s.start <= sp[0] and sp[1] < a - 4]
            if prev:
                return self._one(sm, text, *prev[-1], coord=True)
            first = next((x for x in sm.actors if x.key and x.start < a), None)
            if first is not None and _SUBJECT_LEAD.fullmatch(text, s.start, first.start) \
                    and text[first.end:first.end + 2] not in ("'s", "’s") and not _embedded(first, text, s.start):
                return first.key, True
            lead = text[s.start:min(a, s.start + 50)]
            p = self.person(lead) if self.people and lead[:1].isupper() else None
            if p and lead.find(next(n for n in self.people if n in lead)) < 20:
                return p, True
        if _FOREIGN_SPEAKER.search(before[-50:]):
            return None, True  # "the Thai army said", "Indian officials said": no side of the war (not the junta's "army")
        if verb in _PASSIVE_SPEECH and re.search(r"\b(?:were|was|been|is|are)\s+$", before):
            return None, False  # "were reported killed", "50 soldiers were confirmed dead": no one speaks
        if verb == "statement":
            # (not the counted inside a quotation before it: '"... 22 soldiers," said a statement')
            near = [x for x in sm.actors if x.key and x.end <= a and a - x.end <= 25 and _QUOTES.search(text, x.end, a) is None]
            if near:
                return near[-1].key, True
            if _state_media(before[-50:]):
                return self.military, True  # "the junta's information team issued a statement"
            by = _STATEMENT_BY.match(text, b, s.end)
            if by is not None:
                x = next((x for x in sm.actors if x.key and by.end() <= x.start <= by.end() + 4), None)
                if x is not None:
                    return x.key, True  # "a statement from the KNU said", '"...," said a statement issued by the KNU'
            return None, False
        last = _last_words(before)
        lw = last[-1].lower() if last else ""
        if lw == "groups" and len(last) >= 2 and last[-2] == "resistance" and (len(last) < 3 or last[-3] != "the"):
            return "PDF", True  # "resistance groups say": the resistance at large, no anaphor
        if lw in _SPOKES_WORDS and len(last) >= 2 and last[-2].lower() in ("resistance", "rebel", "anti-junta", "revolutionary"):
            return "PDF", True  # "a resistance spokesperson said": the resistance at large
        if lw in _PRONOUNS or len(last) >= 2 and lw in _PRONOUN_NOUNS and (last[-2] in ("the", "ethnic", "armed", "resistance")
                                                                        or lw in _PLURAL_GROUPS and last[-2] in _GROUP_COUNTS):
            if lw == "alliance" and self.alliance:
                return self.alliance, True  # "the alliance said": the alliance the report named
            if lw == "alliance" and self._coalition_named():
                return self._coalition_named(), True  # "the alliance said" after two of its members
            if lw in _PLURAL_GROUPS and self.alliance:
                return self.alliance, True  # "the groups say", "the three allies said": the alliance the report named
            if lw in _PLURAL_GROUPS and self._coalition_named():
                return self._coalition_named(), True  # "the groups say" after two members of one coalition
            if lw == "army" and self.last_named not in _ARMY_KEYS:
                return self.military, True  # "the army said": no ethnic army named before it
            if lw in _NAME_HEADS and lw in self.by_head:
                return self.by_head[lw], True  # "the council said": the last actor named "... Council"
            self.it = lw == "it"
            self.anaphor = lw
            return "?", True
        near = _speakers_near(sm, text, a - 90, a)
        if near and a - near[-1].end > 55:
            near = []
        if _state_media(before[-50:]) and not (near and near[-1].key != self.military and _OWN_OFFICE.match(text, near[-1].end, a)) \
                or _junta_government(before[-70:]):
            return self.military, True
        if "overnment" in before and _NUG_GOVERNMENT.search(before[-70:]):
            return "PDF", True  # "Myanmar's shadow government said": the National Unity Government
        if near:
            x = near[-1]
            gap = text[x.end:a]
            if _speaker_gap(gap):
                # "the KIA and its PDF allies say": the first of a pair
                for y in reversed(near[:-1]):
                    if _PAIR.match(text, y.end, x.start):
                        x = y
                return x.key, True
        if _may_name_chief(before[-60:]) and _MILITARY_CHIEF.search(before[-60:]):
            return self.military, True  # "Senior General Min Aung Hlaing said", "the coup leader told ..."
        p = self.short_name(before[-45:]) if self.short else None
        if p:
            return p, True  # "the MRF said", "a MRF officer told ..."
        tail_names = _TAIL_NAMES.search(before) if last and last[-1][:1] in _CAPITALS else None
        if tail_names:
            p = self.person(tail_names.group(1))
            if p:
                return p, True
        if _resistance_before(before[-60:]):
            return "PDF", True
        if _NON_ACTOR.search(before[-40:]):
            return None, True
        if verb in ("said", "says", "told", "claimed", "added", "stated"):
            after = text[b:min(s.end, b + 100)]
            if not _AFTER_SAID.match(after):
                return ("?", True) if tail_names else (None, False)
            if _state_media(after[:60]) or _may_name_chief(after) and _MILITARY_CHIEF.match(after):
                return self.military, True
            near = [x for x in sm.actors if x.key and b <= x.start <= b + 90 and
                    (x.start <= b + 6 or _ROLE_WORDS.search(text[b:x.start]))]
            if near:
                return near[0].key, True
            p = self.person(after[:60])
            if p:
                return p, True
            if _RESISTANCE_AFTER.match(after):
                return "PDF", True
            if _NON_ACTOR.search(after[:40]):
                return None, True
            if re.match(rf"\s+(?:{_TITLE})?[A-Z]|\s+(?:a|an|the)\s+(?:spokes|officer|official|commander|source)", after):
                return "?", True
        if tail_names:
            return "?", True
        return None, False


# an outlet run by or speaking for the junta: "Ministry of Home Affairs (junta)", "NP News
# (junta-aligned outlet)", "moha.gov.mm"; never the resistance government's ministries
_JUNTA_OUTLET = re.compile(r"(?<!anti-)(?<!anti\s)\bjunta\b|military\s+council|\btatmadaw\b|\bSAC\b|commander-in-chief|"
                           r"\.gov\.mm|\bministry\s+of\b|\bMWD\b|myanmar\s+international\s+(?:tv|television)", re.I)
_RESISTANCE_OUTLET = re.compile(r"\bNUG\b|national\s+unity|anti-junta|resistance|opposition|exile", re.I)


def is_state_media(name: str | None) -> bool:
    if not name:
        return False
    if STATE_MEDIA.search(name) is not None:
        return True
    return _JUNTA_OUTLET.search(name) is not None and _RESISTANCE_OUTLET.search(name) is None


def opponent(key: str | None, military: str, main: str | None) -> str | None:
    if key is None:
        return None
    return main if key == military else military
