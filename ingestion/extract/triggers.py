"""Stage 2b — trigger words: the verbs and nouns that state a change of control.

Each lemma family is listed once with every form reports use: active ("seized"), passive
("was seized by", "fell to"), nominal ("the capture of", "the fall of"). A trigger says:

- ``family``: ``capture``, ``recapture``, ``withdraw``, ``contest``, ``hold``;
- ``voice``: ``active`` (agent before, place after: "the AA seized Paletwa"), ``passive``
  (place before, agent after "by"/"to": "Paletwa fell to the AA"), ``nominal`` (place after
  "of", agent after "by" or before as a possessive: "the AA's capture of Paletwa");
- whether it is negated or only intended ("failed to capture", "an offensive to retake").
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ingestion.extract.scan import AnyOf, FirstCharDispatch, finditer_at, first_chars, lowered, starts_re

# family -> active forms (past, present, participle), one alternation each. A form is one
# regular expression; ``FORMS`` below joins them.
ACTIVE: dict[str, list[str]] = {
    "capture": [
        r"captur(?:e|es|ed|ing)", r"seiz(?:e|es|ed|ing)", r"overr(?:an|un|uns|unning)", r"overpower(?:ed|ing)?",
        r"occup(?:y|ies|ied|ying)", r"conquer(?:s|ed|ing)?", r"liberat(?:e|es|ed|ing)", r"storm(?:s|ed|ing)?",
        r"(?:took|take|takes|taking|taken)\s+(?:full\s+|complete\s+|effective\s+|total\s+)?(?:control|possession|charge)(?:\s+(?:on|in|at|by|early|late|last)(?:\s+[\w,]+){1,3}?)?\s+(?:of|over)",
        r"(?:took|take|takes|taking|taken)\s+over", r"(?:gained|gain|gains|gaining|won|win|wins|assumed|established|seized|secured|got|gets|getting)\s+(?:full\s+|complete\s+|total\s+)?control\s+(?:of|over)",
        r"taking(?=\s+(?:the|control|over|all|full|[A-Z]))", r"takes?(?=\s+(?:the|control|over|all|full|[A-Z]))(?!\s+in\b)",
        r"taken(?!\s+(?:alive|prisoners?|captive|hostage|away|into\s+custody|to\s+(?:hospital|safety)|place|part|refuge|shelter|"
        r"(?:heavy\s+|huge\s+|serious\s+|severe\s+)?(?:losses|casualties)|"
        r"over\s+by\s+(?:fear|panic)))", r"took(?=\s+(?:the|all|a|an|three|two|four|five|several|most|junta|regime|military|full|[A-Z]))",
        r"wrest(?:s|ed|ing)?(?:\s+control\s+of)?",
        # state media: "the columns were able to clear the terrorists from X"
        r"clear(?:ed|ing)?\s+(?:[\w'’-]+\s+){1,4}?(?:out\s+)?from", r"clear(?:ed|ing)?(?=\s+(?:the|all|a|an|junta|military|regime|remaining|[A-Z]))",
        r"secur(?:e|es|ed|ing)(?=\s+(?:the|all|full|a|an|[A-Z]))", r"over-?ran", r"annex(?:ed|ing)?",
        r"(?:completely|fully)\s+control(?:led)?",
        # "the AA is now in full control of X": the change just made ("is in control of": holding)
        r"(?:is|are|was|were)\s+now\s+in\s+(?:full\s+|complete\s+|effective\s+|total\s+|firm\s+)?control\s+(?:of|over)", r"claim(?:s|ed|ing)?\s+(?:full\s+|complete\s+|total\s+)?control\s+(?:of|over)",
        # "the junta lost two camps": the subject loses X to the other side (see ``document``)
        r"(?:lost|loses|losing|lose)(?=\s+(?:the|control|all|two|three|four|five|several|its|their|[A-Z]))",
        # "drove the junta out of X", "chased junta troops from X": the subject takes X
        r"(?:drove|drive|drives|driving|driven|forced|forcing)\s+(?:[\w'’-]+\s+){1,4}?out\s+of",
        # "… until August, when military assaults drove its fighters out": out of the places the clause before names
        r"(?:drove|drive|drives|driving|forced|forcing)\s+(?:[\w'’-]+\s+){1,3}?out\b(?!\s+of\b)",
        r"(?:drove|drive|drives|driving|driven|pushed|pushing|chased|chasing|expelled|expelling|ousted|ousting)"
        r"\s+(?:[\w'’-]+\s+){1,4}?(?:out\s+)?from",
        # "the regime surrendered three townships": like "lost", the subject gives X up to the other side
        r"surrender(?:ed|s|ing)?(?=\s+(?:the|its|their|all|two|three|four|five|several|[A-Z]))",
        # "the MNDAA handed Lashio back to the junta": so does the subject of a handover
        r"hand(?:ed|s|ing)\s+(?:over|back)(?=\s+(?:the\s+)?[A-Z])",
        r"hand(?:ed|s|ing)(?=\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}\s+(?:back|over)\s+to\b)",
        # "Tatmadaw columns have now entered the town", "UWSA troops moved into X": in the place now
        r"(?<!road\s)(?<!highway\s)(?<!river\s)(?<!route\s)(?:entered|enters|entering)"
        r"(?=\s+(?:the\s+)?(?:(?!(?:Thailand|Thai|China|Chinese|India|Indian|Bangladesh|Laos)\b)(?-i:[A-Z])|town|city|village|camp|base|outpost|ward))",
        r"(?<!been\s)(?<!were\s)(?<!was\s)(?<!being\s)(?:moved|marched|rolled|swept)\s+into",
        # "fighters raised their flag over the police station": the flag of who took it
        r"(?:raised|raises|raising|hoisted|hoists|hoisting|planted|plants|planting)\s+(?:their|its|our|the|a)\s+(?:\w+\s+){0,2}?flags?\s+(?:over|on|at|above|atop|in)",
    ],
    "recapture": [
        r"recaptur(?:e|es|ed|ing)", r"retak(?:e|es|en|ing)", r"retook",
        r"regain(?:s|ed|ing)?(?:\s+(?:full\s+|complete\s+|total\s+)?(?:territorial\s+|security\s+|administrative\s+|effective\s+)?control\s+(?:of|over))?",
        r"reclaim(?:s|ed|ing)?", r"re-?occup(?:y|ied|ying)", r"re-?seiz(?:e|ed|ing)",
        r"(?:took|take|takes|taking|won|win|wins|winning)\s+back", r"re-?captur(?:e|ed|ing)",
        # "with the TNLA gone, the junta again controls the highway": control regained
        r"(?:once\s+)?again\s+(?:controls|controlled|holds)(?!\s+of)",
        # "the army recovered important towns", "the military got the village back"
        r"recover(?:s|ed|ing)?(?=\s+(?:full\s+)?(?:control\s+(?:of|over)|(?:the\s+)?(?-i:[A-Z])|(?:the\s+|all\s+|several\s+|two\s+|three\s+|"
        r"important\s+|key\s+|strategic\s+|lost\s+|its\s+|their\s+)+(?:towns?|villages?|bases?|camps?|outposts?|territory|areas?|positions?|ground)\b))"
        r"(?:\s+(?:full\s+)?control\s+(?:of|over))?",
        r"(?:got|get|gets|getting)\s+(?:it|them|both\s+of\s+them|(?:the|its|their)\s+(?:town|village|base|camp|area|outpost|post|city))\s+back",
        # "the military got Hpa Lin back", "the junta won the Hpa Lin camp back": the name between the words
        r"(?:got|get|gets|getting|won|win|wins|winning)(?=\s+(?:the\s+)?(?-i:[A-Z])[\w'’-]*(?:\s+[\w'’-]+){0,3}?\s+back\b)",
        # state media: "restored stability in X", "restored administrative control over X"
        r"restor(?:e|ed|es|ing)\s+(?:full\s+|complete\s+|administrative\s+|state\s+|regional\s+|local\s+)?(?:control|stability|peace\s+and\s+stability|"
        r"law\s+and\s+order|the\s+rule\s+of\s+law)\s+(?:of|over|in|to)",
        # state media: "regional stability was restored in X"
        r"(?:stability|peace\s+and\s+stability|law\s+and\s+order|the\s+rule\s+of\s+law|normalcy)\s+(?:was|were|has\s+been|had\s+been|have\s+been)\s+"
        r"(?:fully\s+)?restored\s+(?:in|to)",
    ],
    "withdraw": [
        r"withdr(?:ew|aw|aws|awn|awing)", r"retreat(?:s|ed|ing)?", r"pull(?:s|ed|ing)?\s+(?:out|back)",
        r"pull(?:s|ed|ing)?\s+(?:its|their|the|his|all)\s+(?:\w+\s+){0,2}?(?:troops|forces|soldiers|fighters|men|units)\s+(?:out|back)",
        r"abandon(?:s|ed|ing)?", r"fled", r"flee(?:s|ing)?", r"evacuated(?=\s+(?:the|their|its|[A-Z]))", r"vacat(?:e|es|ed|ing)",
        r"(?:left|leave|leaves|leaving)(?=\s+(?:the|their|its|[A-Z]))(?!\s+(?:in|at|on|over|for|with|to)\b)"
        r"(?!(?:\s+[\w,]+){1,6}?\s+(?:dead|injured|wounded|homeless|displaced)\b)", r"moved\s+out", r"deserted",
        r"relocat(?:e|ed|ing)", r"ran\s+(?:away|off)",
        # "the PDF gave up its positions in X": the places it held, not its arms
        r"(?:gave|give|gives|giving|given)\s+up(?=\s+(?:its|their|our)\s+(?:\w+\s+)?(?:positions?|bases?|camps?|outposts?|posts?|control|hold)\b)", r"f[ae]ll(?:en)?\s+back", r"withdrawal(?=\s+from\b)",
        # "junta troops were driven from X": the subject leaves the place after
        r"(?:driven|pushed|forced|chased|expelled|ousted)\s+(?:out\s+)?(?:of|from)",
    ],
    "contest": [
        r"attack(?:s|ed|ing)?", r"assault(?:s|ed|ing)?", r"besieg(?:e|es|ed|ing)", r"surround(?:s|ed|ing)?",
        r"encircl(?:e|es|ed|ing)", r"raid(?:s|ed|ing)?", r"stormed",
        r"(?:fight|fighting|fought|battled?|battling|clash(?:es|ed)?|skirmish(?:es|ed)?)(?=(?:\s+(?!and\b|but\b)[a-z]+){0,5}?\s+(?:for|over|in|at|around|near|inside|on|outside|close\s+to|to\s+(?:capture|seize|take|control|retake|recapture))\b)",
        r"(?:launched|launch|launching|mounted)\s+(?:an?\s+)?(?:\w+\s+)?(?:offensive|attack|assault)s?\s+(?:on|against)",
        r"(?:tries|tried|trying|try|attempt(?:s|ed|ing)?|sought|seeks?|seeking|push(?:es|ed|ing)?|fought|fighting|fights|"
        r"struggl(?:e|es|ed|ing)|moved|moving|bid|efforts?|offensive|operations?|battle)"
        r"(?:\s+by\s+(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+){0,2}?(?=\s+to\s))?\s+to\s+(?:capture|seize|take|retake|"  # "the first attempt by rebel forces to seize X"
        r"recapture|overrun|enter|control|win\s+back|take\s+back|reclaim|regain|reoccupy)",
        r"(?:push(?:es|ed|ing)?|advanc(?:e|es|ed|ing)|clos(?:e|es|ed|ing)\s+in)\s+(?:on|towards?|into)", r"(?:moved|moving)\s+(?:on|towards?)",
    ],
    "hold": [
        r"(?:had|has|have)\s+been\s+occupying",  # "the terrorists who had been occupying X": held it, no capture
        r"control(?:s|led|ling)(?!\s+of)",
        r"control(?!\s+of)", r"(?:holds|held|holding|hold)(?!\s+(?:talks|a\s+meeting|meetings|elections?|a\s+press|an?\s+))",
        r"retain(?:s|ed|ing)?", r"maintain(?:s|ed|ing)?\s+control\s+(?:of|over)",
        r"(?:still|remains?|remained)\s+in\s+(?:full\s+|complete\s+|effective\s+|firm\s+)?control\s+of",
        r"administer(?:s|ed|ing)?", r"occupies",
        r"(?:(?:is|are|was|were)(?!\s+now\b)|now|(?:has|have|had)\s+(?:long\s+)?been)\s+in\s+(?:full\s+|complete\s+|effective\s+|total\s+|firm\s+)?(?:control|charge)\s+(?:of|over)",
        r"(?:has|have|had)\s+(?:now\s+)?(?:full|complete|effective|total|firm)\s+control\s+(?:of|over)",
        # "Tangyan, where the UWSA is in control": the place is the clause's antecedent (``events``)
        r"(?:is|are|remains?|remained)\s+(?:now\s+|still\s+|firmly\s+)?in\s+(?:full\s+|firm\s+|complete\s+|effective\s+)?control\b(?!\s+(?:of|over)\b)",
        # "junta troops are now confined to the town centre of X": all the subject still holds
        r"(?:is|are|was|were|remains?|remained)\s+(?:now\s+|still\s+|largely\s+|mostly\s+)?(?:confined|restricted)\s+to",
    ],
}
# nominal forms: the place follows "of"
NOMINAL: dict[str, list[str]] = {
    "capture": [r"capture", r"seizure", r"takeover", r"take-over", r"fall", r"occupation", r"conquest", r"liberation",
                r"capturing", r"seizing", r"overrunning", r"loss", r"surrender",
                r"(?:lost|lose|loses|losing)\s+(?:full\s+|complete\s+|effective\s+)?control"],  # "lost control of X to A"
    "recapture": [r"recapture", r"retaking", r"reoccupation", r"recapturing"],
    "withdraw": [r"withdrawal", r"retreat", r"evacuation", r"abandonment", r"abandoning", r"pull-?out"],
    "contest": [r"siege", r"battle", r"assault", r"attack", r"offensive", r"fighting", r"encirclement", r"blockade"],
}
# passive-like forms whose subject is the place: "X fell to A", "X came under A's control"
PLACE_SUBJECT: dict[str, list[str]] = {
    # state media: "Kone Thar village has been restored to peace and stability" (by the junta)
    "recapture": [r"(?:(?:has|have|had)\s+been|was|were)\s+restored\s+to\s+(?:peace|stability|normal|law\s+and\s+order)",
                  # "after the area returned to stability": state media's word for the junta back in control
                  r"return(?:ed|s)\s+to\s+(?:peace\s+and\s+stability|stability|normal(?:cy)?|law\s+and\s+order)"],
    "capture": [r"f[ae]ll(?:s|en|ing)?\s+(?:in)?to(?:\s+the\s+hands\s+of)?", r"f[ae]ll(?:s|en)?\s+under",
                # "came under KNDF control", not "comes under the Regional Operations Command" (a unit's chain of command)
                r"(?:came|come|comes|coming|now)\s+(?:fully\s+|completely\s+)?under(?=\s+(?:the\s+)?(?:full\s+|complete\s+)?(?:control|"
                r"(?-i:[A-Z])[\w'’-]*(?:\s+[\w'’-]+){0,4}?\s+(?:control|rule|administration)\b|\w+['’]s?\s+control|\w+-controlled))",
                r"(?:is|are|was|were)\s+now\s+in\s+the\s+hands\s+of",  # without "now": a statement of holding
                r"handed\s+(?:over\s+|back\s+)?to", r"pass(?:ed|es)\s+(?:entirely\s+|fully\s+|completely\s+)?(?:in)?to", r"surrender(?:ed|s)?\s+to",
                r"pass(?:ing)?\s+(?:entirely\s+|fully\s+|completely\s+)?into\s+the\s+hands\s+of",  # "the second township to pass into the hands of X"
                r"(?:gave|give|gives|giving)\s+themselves\s+up\s+to",  # "the officers manning X gave themselves up to the AA"
                r"(?:is|are|was|were|now)\s+(?:now\s+|firmly\s+|entirely\s+|completely\s+)?in\s+(?:its|their|our|\w+['’]s?)\s+hands",
                r"(?:is|are|was|were)\s+now\s+(?:fully\s+|completely\s+|entirely\s+)?(?:in|under)\s+(?:its|their|our)\s+control",
                r"(?:fell|fallen)(?!\s+(?:on(?!\s+(?:the\s+(?:following|next|same|second|third)\s+(?:day|morning|night)|Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|\d))|upon|back|in\s+love|into\s+(?!the\s+hands)|silent|ill|short|apart|sharply|by|"
                r"to\s+(?:the\s+ground|zero|its|their|his|her)|victim|within|under\s+(?:fire|attack|shell))\b)"],
    "hold": [r"(?:remains?|remained|stays?|stayed|is\s+still|are\s+still|still|is|are|was|were|has\s+been|have\s+been|had\s+been)\s+"
             r"(?:firmly\s+|now\s+|still\s+|largely\s+|mostly\s+|entirely\s+|fully\s+|completely\s+)?"
             r"(?:under(?=\s+(?:the\s+)?(?:full\s+|complete\s+|firm\s+)?(?:control|(?-i:[A-Z])|\w+['’]s?\s+(?:full\s+|complete\s+|firm\s+)?control|\w+-controlled|\w+\s+(?:full\s+|complete\s+|firm\s+)?control))|in\s+the\s+hands\s+of)",
             r"(?:is|are|was|were|has\s+been|have\s+been|had\s+been)\s+(?:now\s+|still\s+)?(?:completely\s+|fully\s+|firmly\s+|totally\s+|entirely\s+|effectively\s+)?(?:controlled|occupied|held|administered|run|governed)\s+by",
             r"(?:remains?|remained)\s+(?:firmly\s+|still\s+)?(?:in\s+)?(?:\w+\s+)?hands",
             r"(?:has|have|had)\s+been\s+(?:firmly\s+)?in\s+(?:\w+['’]?s?\s+)?hands",
             # "A, B and C, the three townships still in regime hands"
             r"still\s+in\s+(?:the\s+)?(?:\w+['’]?s?\s+)?hands(?!\s+of)"],
    "contest": [r"chang(?:ed|es|ing)\s+hands",
                r"(?:is|are|was|were|has\s+been|have\s+been|had\s+been|came|come)\s+under\s+(?:heavy\s+|fierce\s+|intense\s+|renewed\s+)?(?:attack|siege|assault|fire)"],
}
_INTRANSITIVE_WITHDRAW = re.compile(r"(?:retreated|fled|withdrew|ran\s+away|fell\s+back|moved\s+out)$", re.I)
_PASSIVE_AUX = re.compile(r"(?:\b(?:was|were|been|being|is|are|be|got|get|gets)\s+(?:\w+ly\s+|also\s+|now\s+|reportedly\s+|successfully\s+)?)[\"“‘']?$")  # 'had been "liberated"'
NEGATION = re.compile(
    r"(?:\b(?:fail(?:ed|s|ing)?|attempt(?:ed|s|ing)?|tried|trying|tries|try|intend(?:ed|s|ing)?|seek(?:s|ing)?|sought|"
    r"plan(?:ned|s|ning)?)(?:\s+(?!to\b)[\w.]+){1,4}?\s+to\s+(?:\w+\s+(?:and|or)\s+)?"  # "trying since May 2 to take"
    # "a column set out this morning (January 17) to take back X", "troops were sent to retake X": a purpose
    # "ordered the deputy commander to retake X", "urged the people's forces to capture X": an order is no capture
    r"|\b(?:set(?:s|ting)?\s+out|set(?:s|ting)?\s+off|sent|dispatched|deployed|mobili[sz]ed|order(?:ed|s)?|instruct(?:ed|s)?|"
    r"urg(?:ed|es)|command(?:ed|s)|direct(?:ed|s)|told|asked|call(?:ed|s)?\s+(?:up)?on)(?:\s+(?!to\b)\S+){0,6}?\s+to\s+"
    r"|\b(?:fail(?:ed|s|ing)?|unable|attempt(?:ed|s|ing)?|tried|trying|tries|try|aim(?:ed|s|ing)?|plan(?:ned|s|ning)?|"
    r"hop(?:e|es|ed|ing)|intend(?:ed|s|ing)?|vow(?:ed|s|ing)?|threat(?:en|ened|ens|ening)|bid|effort|efforts|"
    r"offensive|operation|push|drive|campaign|order(?:ed|s)?|prepar(?:e|ed|es|ing)|want(?:ed|s)?|seek(?:s|ing)?|"
    r"sought|struggl(?:e|ed|ing)|need(?:ed|s)?|(?<!\bwas\s)(?<!\bwere\s)(?<!\bbeen\s)able|ability|bid|preparing|poised|set|going|go\s+on|expected|likely|"
    r"ready|determined|tasked|strategy|chance|time)\s+to\s+(?:\w+\s+(?:and|or)\s+)?"  # "intends to attack and capture"
    r"|(?:\b(?:aimed|aiming|aim|attention|pressing|press|push|pushing|bid|goal|objective|intention|intent|order|designed|"
    r"focus(?:ed|ing)?|efforts?|hopes?|moved|moving|poised|preparing|prepared|plans?|planning|ready|vowed|vowing)\s+"
    r"(?:\w+\s+){0,2}?(?:to|at|of|on)\s+(?:\w+\s+)?)$|n't\s+(?:yet\s+)?(?:\w+\s+){0,1}?$|\b(?:not|never|no\s+longer|cannot|can't|can|could|would|will|(?-i:may)(?<!\d\s(?-i:may))|might|should|must|denied|deny|"
    r"denies|rumou?rs?\s+(?:that|of)|unconfirmed)\s+(?:\w+\s+){0,2}?|"
    # "the junta denied that X had fallen", "dismissed claims that X was captured", "rumours that X had fallen"
    r"\b(?:denied|deny|denies|dismissed|rejected|refuted|rumou?rs?|false\s+reports?)\s+(?:the\s+)?(?:reports?\s+|claims?\s+|rumou?rs?\s+|allegations?\s+)?"
    r"that\s+(?:[\w'’-]+\s+){0,6}?|\b(?:if|unless)\s+(?:\w+\s+){0,4}?|\b(?:close|closer|near|nearer|verge\s+of|brink\s+of|within\s+(?:[\w-]+\s+){1,3}?of|steps?\s+(?:away\s+)?from)\s+(?:to\s+)?|\b(?:is|are)\s+to\s+|\b(?:still|yet)\s+to\s+be\s+|\bno\s+(?:[\w-]+\s+){1,5}?(?:has|have|had)\s+(?:yet|ever)\s+|\bno\s+)$", re.I)


# where a NEGATION match can open (lower case, a space for any white space; proved in test_scan)
NEGATION_STARTS = (
    "ability ", "able ", "aim", "asked ", "attempt", "attention ", "bid ", "brink ", "call", "campaign ", "can't ",
    "cannot ", "chance ", "close", "command", "could ", "direct", "instruct", "near", "step", "told ", "urg", "verge ",
    "within ",
    "den", "dismissed ", "rejected ", "refuted ", "false ", "designed ", "determined ", "drive ", "effort", "expected ", "fail", "focus", "go ", "goal ", "going ",
    "hop", "if ", "intend", "intent", "is ", "are ", "likely ", "may ", "might ", "moved ", "moving ", "must ", "need", "never ",
    "no ", "not ", "objective ", "can ", "sent ", "dispatched ", "deployed ", "mobili", "sets", "setting", "offensive ", "operation ", "order", "plan", "poised ", "prepar", "press", "push",
    "ready ", "rumo", "seek", "set ", "should ", "sought ", "strategy ", "struggl", "tasked ", "threaten", "time ",
    "tried ", "tries ", "try", "unable ", "unconfirmed ", "unless ", "vow", "want", "will ", "would ", "still ", "yet ")
NEGATION_ANYWHERE = ("n't ",)
_NEGATION_STARTS_RE = starts_re(NEGATION_STARTS, NEGATION_ANYWHERE)


def negated(before: str) -> bool:
    """``NEGATION.search(before) is not None``, the pattern tried only where it can open."""
    return next(finditer_at(NEGATION, _NEGATION_STARTS_RE, before, 0, len(before)), None) is not None


@dataclass(frozen=True)
class Trigger:
    start: int
    end: int
    family: str  # capture, recapture, withdraw, contest, hold
    voice: str  # active, passive, nominal, place_subject
    text: str
    negated: bool = False


_PARTICIPLE = re.compile(r"(?:ed|en|wn|un|held|left|fled|took|ran|over|out|back)$", re.I)


_CONTROL_VERB = re.compile(r"\b(?:still|now|fully|also|jointly|effectively|they|we|which|that|who|and|to)\s+$", re.I)
_BY_AFTER = re.compile(r"\s+by\b")
# a capitalised name right after a passive form (not a weekday or month: "was seized Monday")
_GARBLED_OBJECT = re.compile(
    r"\s+(?:the\s+)?(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|"
    r"June|July|August|September|October|November|December|On|In|At|By|After|Before|And|But)\b)[A-Z][a-z]")
_LEFT_PLACE = re.compile(r"\s+(?:the|their|its|[A-Z])")  # what "leaving" leaves: a place, not a count


def _alt(forms: list[str]) -> str:
    return "|".join(forms)


def _trigger_re(keep: Callable[[str], bool] = lambda form: True) -> re.Pattern | None:
    """The trigger expression made of the forms ``keep`` keeps (all: ``TRIGGER_RE``), in the
    same order and named groups; None when it keeps none."""
    def alt(forms: list[str]) -> str:
        return _alt([f for f in forms if keep(f)])

    groups = ([(f"ps_{f}", alt(v), "") for f, v in PLACE_SUBJECT.items()]
              + [(f"nom_{f}", alt(v), "(?=\\s+of\\b)") for f, v in NOMINAL.items()]
              + [(f"act_{f}", alt(v), "") for f, v in ACTIVE.items()])
    body = "|".join(f"(?P<{name}>(?:{forms})){after}" if after else f"(?P<{name}>{forms})"
                    for name, forms, after in groups if forms)
    return re.compile(rf"\b(?:{body})\b", re.I) if body else None


TRIGGER_RE = _trigger_re()


def _trigger_dispatch() -> FirstCharDispatch:
    """TRIGGER_RE tried, at each position, through the forms that can open with its character
    (about a tenth of them): the same matches (``FirstCharDispatch``; ``test_triggers`` compares)."""
    opens = {form: first_chars(form, re.I) for forms in (*PLACE_SUBJECT.values(), *NOMINAL.values(), *ACTIVE.values())
             for form in forms}
    by_lower: dict[str, re.Pattern] = {}
    for ch in map(chr, range(128)):
        low = ch.lower()
        if low not in by_lower:
            sub = _trigger_re(lambda form: opens[form] is None or low in opens[form])
            by_lower[low] = sub if sub is not None else _NEVER
    return FirstCharDispatch(TRIGGER_RE, {ch: by_lower[ch.lower()] for ch in map(chr, range(128))})


_NEVER = re.compile(r"(?!)")  # matches nothing: no form opens with the character
TRIGGER_DISPATCH = _trigger_dispatch()
# every trigger match opens with one of these word beginnings (lower case): TRIGGER_RE is
# tried only there (``scan.finditer_at``; ``test_scan`` reads the forms to prove the list covers them)
_STATE_NEXT = ("administered", "completely", "controlled", "effectively", "entirely", "firmly", "totally", "fully", "governed", "held", "in", "largely", "mostly",
               "now", "occupied", "run ", "still", "under", "confined", "restricted")  # "is now in the hands of", "was controlled by", "are under"
TRIGGER_STARTS = (
    "abandon", "administer", "advanc", "annex", "assault", "assum", "attack", "attempt", "battl", "besieg",
    "has been occupying", "had been occupying", "have been occupying", "has been restored", "had been restored",
    "have been restored", "was restored", "were restored", "raised ", "raises ", "raising ", "hoist", "plant",
    "bid", "blockade", "came ", "captur", "chas", "expel", "oust", "claim", "clash", "clear", "clos", "come", "coming ", "completely", "conque",
    "control", "desert", "driv", "drov", "effort", "forc", "encircl", "establish", "evacuat", "fall", "fell", "fight", "fled", "flee",
    "fought", "fully", "gain", "gave up", "give up", "gives up", "giving up", "given up", "gave themselves", "give themselves", "gives themselves",
    "giving themselves", "got", "hand", "pass", "had been", "has been", "have been", "had long ", "has long ", "have long ", "held", "hold", "launch", "leav", "left",
    "liberat", "los", "maintain", "mount", "moved", "moving", "occup", "offensive", "operation", "over", "pull",
    "push", "raid", "ran", "re-", "recaptur", "recover", "get", "reclaim", "regain", "relocat", "remain", "reoccup", "reseiz",
    "retain", "retak", "retook", "retreat", "secur", "seek", "seiz", "siege", "skirmish", "sought", "stay",
    "storm", "struggl", "surrender", "restor", "surround", "chang", "tak", "took", "tried", "tries", "try", "vacat", "win", "withdr", "won",
    "wrest", "again ", "once ", "enter", "stabil", "peace and", "law and", "the rule ", "normalcy", "return", "marched ", "rolled ", "swept ",
    *(f"{aux} {nxt}" for aux in ("is", "are", "was", "were") for nxt in _STATE_NEXT),
    *(f"{aux} {adj}" for aux in ("has", "have", "had") for adj in ("now", "full", "complete", "effective", "total", "firm")),
    *(f"{w} {nxt}" for w in ("now", "still") for nxt in ("completely", "entirely", "firmly", "fully", "in", "now",
                                                         "still", "under", "largely", "mostly")))
TRIGGER_STARTS_RE = starts_re(TRIGGER_STARTS, shared=True)


# every trigger form holds one of these (lower case): a sentence with none has no trigger and
# is spared the big expression (``test_triggers`` checks every example against them)
KEYS = ("captur", "seiz", "flag", "overr", "overp", "over-r", "occup", "conquer", "liberat", "storm", "took", "tak", "gain",
        "won", "win", "assum", "establish", "secur", "wrest", "clear", "annex", "control", "retak", "retook",
        "regain", "reclaim", "withdr", "retreat", "pull", "abandon", "fled", "flee", "evacuat", "vacat", "left",
        "leav", "moved", "desert", "relocat", "ran away", "ran off", "fell", "fall", "attack", "assault", "besieg", "surround",
        "encircl", "raid", "fight", "fought", "battl", "clash", "skirmish", "offensive", "push", "moving", "advanc",
        "clos", "hold", "held", "retain", "maintain", "administer", "under", "hands", "siege", "blockade", "loss",
        "seizure", "conquest", "lost", "losing", "lose", "handed", "chas", "expel", "oust", "charge", "run by", "governed", "passe", "drove", "driv", "forc", "launch", "mount", "tried", "tries", "try", "attempt", "sought", "seek", "struggl",
        "bid", "effort", "operation", "occupies", "gave up", "give up", "gives up", "giving up", "given up", "reoccup", "re-", "recaptur", "recover", " back", "surrender", "restor", "changed hands",
        "changes hands", "changing hands", "confined to", "restricted to", "again control", "again hold", "themselves up", "enter", "into", "returned to", "returns to")


may_trigger = AnyOf(KEYS)  # whether a lower-cased text holds one of KEYS


def find_triggers(text: str, start: int, end: int) -> list[Trigger]:
    """Every trigger in ``text[start:end]``; offsets in ``text``."""
    out: list[Trigger] = []
    if not may_trigger(lowered(text[start:end])):
        return out
    for m in finditer_at(TRIGGER_DISPATCH, TRIGGER_STARTS_RE, text, start, end):
        group = m.lastgroup or ""
        kind, family = group.split("_", 1)
        voice = {"ps": "place_subject", "nom": "nominal", "act": "active"}[kind]
        before = text[max(start, m.start() - 60):m.start()]
        if m.group().lower() == "control" and not _CONTROL_VERB.search(before):
            continue  # "under junta control": the noun, not the verb
        if m.group() == "leaving" and before.endswith(", ") and not _LEFT_PLACE.match(text, m.end()):
            continue  # "…, leaving 12 dead", "…, leaving only two towns": what followed, no one left
        if voice == "active" and _PARTICIPLE.search(m.group()) and (
                _PASSIVE_AUX.search(before) or _BY_AFTER.match(text, m.end())):
            voice = "passive"  # "was seized by", "a post held by the junta"
            if not _BY_AFTER.match(text, m.end()) and _GARBLED_OBJECT.match(text, m.end(), end):
                voice = "active"  # "the KIA was captured the Moe Kaung outpost": a garbled active, its object after it
            elif family == "withdraw" and _INTRANSITIVE_WITHDRAW.match(m.group()) and not _BY_AFTER.match(text, m.end()):
                voice = "active"  # "the troops were retreated from the camp": a garbled active (no one retreats a side)
        neg = negated(before)
        if neg and _COULD.search(before) and _DONE_ON.match(text, m.end(), end):
            neg = False  # "the resistance could seize the camp on 3 March": translated English for "managed to"
        out.append(Trigger(m.start(), m.end(), family, voice, m.group(), negated=neg))
    return out


_COULD = re.compile(r"(?<!\bif\s)(?<!\bthat\s)\bcould\s+(?:successfully\s+|finally\s+|eventually\s+|completely\s+)?$", re.I)
# a past day told right after the verb and its object: what could be done on a day that has passed was done
_DONE_ON = re.compile(r"[^.;:!?]{0,80}?\b(?:on\s+(?:\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\b)"
                      r"|yesterday|last\s+(?:week|night|month))")
