"""Which rules a sentence can possibly fire, from its words alone: one cheap pass.

Every word of a folded sentence (lower case, punctuation as spaces) maps to flag bits through a
cache filled on first sight, so the per-sentence cost is a ``split`` and a few dict look-ups.
The stems are supersets of the rules' own pre-filters (``rules_control.PRE_FILTER``,
``rules_claims.PRE_FILTER``): a sentence without any flag cannot yield a fact and only its
actors and places are kept as context.
"""
from __future__ import annotations

import re

F_CONTROL = 1  # a control-change trigger stem
F_CLAIM = 2  # a claim metric word and a figure in the same sentence
F_SPEECH = 4  # a speech verb or a speaker's role: attribution context
_F_METRIC = 8
_F_FIGURE = 16
_F_FIGHT = 32
_F_FPAIR = 64

_CONTROL = re.compile(
    r"^(?:captur\w*|seiz\w*|overr[au]n\w*|control\w*|took|taken|taking|takes|stormed|storming|occup\w*|clear(?:ed|ing)|"
    r"liberat\w*|retook|retak\w*|recaptur\w*|regain\w*|reclaimed|fell|fallen|falls|handed|withdr\w*|pull(?:ed|ing)|"
    r"retreat(?:ed|ing)|abandon(?:ed|ing)|evacuat(?:ed|ing)|fled|vacated|siege|besieg\w*|surround(?:ed|ing)|encircl\w*|"
    r"attack(?:ed|ing)|assaulted|battling|contested|holds?|held|maintain\w*|retain\w*|entered|pushed|gain(?:ed|ing)|"
    r"won|wrested|hands|includ(?:e|es|ed)|these|among)$")
# "fighting", "clashes", "battle" make a contested trigger only with a word of continuation
_FIGHT = re.compile(r"^(?:fighting|clashes|battles?)$")
_FIGHT_PAIR = re.compile(r"^(?:continuing|continued|continues|ongoing|raging|going|reported|taking|way|for|over|near|around|at|inside)$")
_METRIC = re.compile(
    r"^(?:kill|death|dead|died|toll|wound|injur|captur|prisoner|surrender|defect|handed|seiz|weapon|arms|shot|down|"
    r"fled|displac|uproot|left|lost|outpost|base|camp|town|clash|casualt|arrest|detain|taken|took|destroy|overr|"
    r"desert|confiscat|aircraft|jet|plane|helicopter|drone|post|position|headquarters|garrison|cities|city)")
_FIGURE = re.compile(
    r"^(?:\d.*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|"
    r"dozens?|scores|million|an|a)$")
_SPEECH = re.compile(
    r"^(?:said|says|say|told|according|claim|report|added|adding|stated|states|announc|confirm|acknowledg|insist|"
    r"alleg|denie|deny|estimat|disput|saying|accus|record|document|count|put|spokes|commander|official|officer|"
    r"leader|chairman|secretary|member|source|fighter|statement)")
_CACHE: dict[str, int] = {}


def _bits(word: str) -> int:
    b = 0
    if _CONTROL.match(word):
        b |= F_CONTROL
    if _FIGHT.match(word):
        b |= _F_FIGHT
    if _FIGHT_PAIR.match(word):
        b |= _F_FPAIR
    if _METRIC.match(word):
        b |= _F_METRIC
    if _FIGURE.match(word) and word not in ("a", "an"):
        b |= _F_FIGURE
    if word in ("a", "an"):  # "shot down a jet": a single aircraft
        b |= _F_FIGURE
    if _SPEECH.match(word):
        b |= F_SPEECH
    if len(_CACHE) < 200_000:
        _CACHE[word] = b
    return b


def word_flags(folded_sentence: str) -> int:
    """F_CONTROL | F_CLAIM | F_SPEECH of a folded sentence."""
    b = 0
    get = _CACHE.get
    for w in folded_sentence.split():
        v = get(w)
        b |= _bits(w) if v is None else v
    out = b & (F_CONTROL | F_SPEECH)
    if b & _F_FIGHT and b & _F_FPAIR:
        out |= F_CONTROL
    if b & _F_METRIC and b & _F_FIGURE:
        out |= F_CLAIM
    return out
