"""Stage 2a — places as a first-class recogniser.

Every place a sentence names, with its head noun and its ``place_kind``:

- **units** in every spelling: "IB 236", "Infantry Battalion (IB) 236", "LIB-321",
  "Light Infantry Battalions 542 and 543", "366th Artillery Battalion", "MOC-21",
  "Military Operations Command No. 21", "ခလရ (၂၃၆)"; a unit names the base it occupies;
- **named sites**: a proper name and a head noun, "Nga Hpaw camp", "Htan Ta Pin Hill
  outpost", "Mong Ko police station", "Kyin San Kyawt border gate", "Bhamo Airport",
  "Hka Nan Ward", "Ward 3", "Lashio-Muse road", "the town of Hsenwi", "the village of Kan Gyi", "a
  strategic hill known as Hpare Bum", "the Nyaung Wun area", "Mt. Mel camp";
- **typed lists**: "the army camps at A, B and C" (B and C are camps too), "the wards of A and
  B", "the village of A … and that of B"; "X, a junta outpost near Y" makes X an outpost;
- **bare names**: a capitalised name with no head noun ("captured Mansi"): a town unless
  the text says otherwise;
- **back-references**: "the town", "the base", "the camp", "the two bases": no place by
  themselves, resolved later against the places the report named before (``document``).

A descriptive phrase ("a strategic gateway town", "three outposts") is never a place: it
is either a back-reference or a count for a figure claim.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from ingestion.extract.scan import AnyOf, finditer_at, finditer_positions, lower_keeps_matches, lowered, starts_re
from ingestion.models import Unit

BURMESE_DIGITS = str.maketrans("၀၁၂၃၄၅၆၇၈၉", "0123456789")

# ----------------------------------------------------------------------------- units
UNIT_WORDS = {
    "light infantry battalion": "light_infantry_battalion",
    "infantry battalion": "infantry_battalion",
    "tank battalion": "tank_battalion",
    "armoured battalion": "armoured_battalion",
    "armored battalion": "armoured_battalion",
    "artillery battalion": "artillery_battalion",
    "field artillery battalion": "artillery_battalion",
    "military operations command": "military_operations_command",
    "military operation command": "military_operations_command",
    "regional operations command": "regional_operations_command",
    "regional operation command": "regional_operations_command",
    "regional military command": "regional_military_command",
    "light infantry division": "light_infantry_division",
    "battalion": "battalion",
}
NAMED_COMMAND_RE = re.compile(
    r"\b(?:(?P<town>[A-Z][a-z][\w'’-]*(?:\s+[A-Z][a-z][\w'’-]*){0,2})\s+)?(?P<cmd>(?:Regional|Military|Tactical)\s+Operations?\s+Command)"
    r"(?:\s+(?P<hq>headquarters|HQ|base))?(?!\s*[-–(]?\s*(?:No\.?\s*)?\d)")
UNIT_ABBR = {
    "LIB": "light_infantry_battalion", "IB": "infantry_battalion", "TB": "tank_battalion",
    "AB": "armoured_battalion", "ArtyB": "artillery_battalion", "MOC": "military_operations_command",
    "ROC": "regional_operations_command", "RMC": "regional_military_command",
    "LID": "light_infantry_division", "AAB": "artillery_battalion", "FAB": "artillery_battalion",
    "TOC": "other", "LB": "other",
}
BURMESE_UNITS = {
    "ခလရ": "infantry_battalion", "ခမရ": "light_infantry_battalion", "တကရ": "tank_battalion",
    "စကခ": "military_operations_command", "ဒကစ": "regional_operations_command",
    "တမခ": "light_infantry_division", "အမရ": "artillery_battalion",
}
_UNIT_TYPE = (r"(?:(?:Field\s+)?Artillery\s+Battalions?|Light\s+Infantry\s+Battalions?|Infantry\s+Battalions?|"
              r"Tank\s+Battalions?|Armou?red\s+Battalions?|Military\s+Operations?\s+Commands?|"
              r"Regional\s+Operations?\s+Commands?|Regional\s+Military\s+Commands?|Light\s+Infantry\s+Divisions?|"
              r"Tactical\s+Operations?\s+Commands?|(?:Supply\s+and\s+Transport\s+|Logistics?\s+|Signal\s+|Engineering\s+)?Battalions?|"
              r"Ordnance\s+Depot|(?:Military\s+|Border\s+Guard\s+)?Police\s+Battalion)")
_N = r"\d{1,4}"
UNIT_RE = re.compile(
    rf"""(?:(?:(?P<ord>\d{{1,3}})(?:st|nd|rd|th)?\s+)?(?P<type>(?i:{_UNIT_TYPE}))
         (?:\s*\((?P<abbr>[A-Za-z]{{2,5}})\))?
         (?:\s*[-–]?\s*(?:\(|No\.?\s*)?(?P<num>{_N})\)?\b(?P<more>(?:\s*(?:,|,?\s*and|&)\s*(?:(?:LIB|IB)\s*)?{_N}\b(?!\s*(?:km|miles?|kilomet|soldiers|troops|people)))*))?
       | \b(?:No\.?\s*)?(?P<num3>\d{{1,3}})(?:st|nd|rd|th)?\s+(?P<ab3>LIB|IB|MOC|ROC|LID|TOC|(?:Military\s+|Border\s+Guard\s+)?Police\s+Battalion)\b
       | \b(?P<ab>LIB|IB|TB|AB|MOC|ROC|RMC|LID|ArtyB|AAB|FAB|TOC|LB)s?\s*[-–]?\s*(?:No\.?\s*)?\(?(?P<num2>{_N})\)?(?![\w-])
         (?P<more2>(?:\s*(?:,|,?\s*and|&)\s*{_N}\b(?!\s*(?:km|miles?|kilomet|soldiers|troops|people)))*)
       | (?P<bt>ခလရ|ခမရ|တကရ|စကခ|ဒကစ|တမခ|အမရ)\s*[\(（]?\s*(?P<bnum>[၀-၉0-9]{{1,4}})\s*[\)）]?
       | (?P<cmd>\b(?:Northern|Southern|Eastern|Western|Central|Coastal|North[- ]?[Ee]astern|North[- ]?[Ee]ast|
                    North[- ]?[Ww]estern|South[- ]?[Ee]astern|South[- ]?[Ww]estern|Yangon|Naypyitaw|Triangle)
                   \s+(?:Regional\s+)?(?:Military\s+)?Command)\b)
    """,
    re.X,
)
# the Burmese abbreviations written in Latin letters, one syllable a letter: "Ka La Ya 42", "Kha-Ma-Ya
# (336)", "Sa Ka Kha-16", "Sah Kah Khah 7", "KaLaYa 12" (the syllables of BURMESE_UNITS' letters)
ROMAN_UNITS = (
    (("ka", "kha"), ("la",), ("ya",), "infantry_battalion"),
    (("ka", "kha"), ("ma",), ("ya",), "light_infantry_battalion"),
    (("sa", "sah"), ("ka", "kah"), ("kha", "khah"), "military_operations_command"),
    (("ta",), ("ka",), ("ya",), "tank_battalion"),
    (("da",), ("ka",), ("sa",), "regional_operations_command"),
    (("ta",), ("ma",), ("kha",), "light_infantry_division"),
    (("a",), ("ma",), ("ya",), "artillery_battalion"),
)


def _roman_stems() -> tuple[str, ...]:
    """The last two syllables of every ROMAN_UNITS abbreviation as reports write them ("La Ya",
    "la-ya", "LaYa", "LA YA"): a sentence without one holds no such unit (one written "Kalaya" is
    not looked for)."""
    out = set()
    for _first, second, third, _type in ROMAN_UNITS:
        for b in second:
            for c in third:
                for sep in (" ", "-"):
                    out.update({f"{b.title()}{sep}{c.title()}", f"{b}{sep}{c}", f"{b.upper()}{sep}{c.upper()}"})
                out.add(f"{b.title()}{c.title()}")  # "KaLaYa" (not "Kaya": "Kayah" holds it)
    return tuple(sorted(out))


ROMAN_UNIT_RE = re.compile(
    r"\b(?i:" + "|".join(
        "(?P<r%d>%s)" % (i, r"[\s-]*".join("(?:%s)" % "|".join(syl) for syl in (a, b, c)))
        for i, (a, b, c, _t) in enumerate(ROMAN_UNITS)) + r")"
    r"\s*[-–]?\s*(?:No\.?\s*)?(?P<open>[\(（]\s*)?(?P<num>\d{1,4})(?(open)\s*[\)）])(?![\w-])")
UNIT_STEMS = (*_roman_stems(), "Battalion", "battalion", "command", "division", "Command", "Division", "Depot", "IB", "TB", "AB", "MOC", "ROC", "RMC", "LID", "TOC",
              "LB", "ArtyB", "FAB", *BURMESE_UNITS)
_UNIT_STEM_RE = re.compile("|".join(re.escape(k) for k in UNIT_STEMS))


_BRACKETED_UNIT = re.compile(r"\s*\(\s*")  # "Command (" before the command's number (``_bracketed_units``)
has_roman_stem = AnyOf(_roman_stems())  # a ROMAN_UNIT_RE match needs one (a cheap look first)
has_unit_stem = AnyOf(UNIT_STEMS)  # ``_UNIT_STEM_RE.search(s)`` (one of UNIT_STEMS, as written), one pass

_BASE_SUFFIX = re.compile(r"^\s*(?:forward\s+)?(?:bases?|camps?|headquarters|HQ|compound|garrison)\b")

# ----------------------------------------------------------------------------- named sites
# head noun (lower case, single spaces) -> place_kind. Order of the regex: longest first.
HEAD_KIND = {
    "town": "town", "city": "town", "township": "township", "ward": "urban_ward", "quarter": "urban_ward",
    "neighbourhood": "urban_ward", "neighborhood": "urban_ward",
    "village": "village", "village tract": "village",
    "airport": "airport", "airfield": "airport", "air base": "airport", "airbase": "airport",
    "base": "military_base", "headquarters": "military_base", "garrison": "military_base",
    "naval base": "military_base", "command": "military_base", "battalion": "military_base",
    "operations command": "military_base",
    "camp": "outpost", "military camp": "outpost", "outpost": "outpost", "post": "outpost",
    "guard post": "outpost", "border post": "outpost", "checkpoint": "outpost", "hill": "outpost",
    "hilltop": "outpost", "peak": "outpost", "position": "outpost", "strategic hill": "outpost",
    "police station": "other", "police outpost": "other", "station": "other", "border gate": "other",
    "trade gate": "other", "gate": "other", "bridge": "other", "jetty": "other", "port": "other",
    "dam": "other", "mountain": "other", "ridge": "outpost", "range": "other", "pagoda": "other", "monastery": "other", "school": "other", "hospital": "other",
    "factory": "other", "mine": "other", "prison": "other", "compound": "other", "office": "other",
    "road": "road", "highway": "road", "route": "road", "motorway": "road", "union highway": "road",
    "terminal": "other", "hub": "other", "plant": "other", "plain": "other", "cement factory": "other",
    "communication route": "road", "frontier military base": "military_base", "military base": "military_base",
    "market": "other", "toll gate": "other", "airstrip": "airport", "administration office": "other",
    "encampment": "outpost", "stronghold": "outpost", "security post": "outpost", "police post": "outpost",
    "substation": "other", "power station": "other", "power plant": "other", "facility": "other",
    "fortress": "military_base", "fort": "military_base", "university": "other", "college": "other", "stadium": "other", "industrial zone": "other",
    # sites a war's reports name by what they hold or serve: "the Ann fuel depot", "the Sin Ywa
    # telecom tower", "the Kyin San Kyawt border trade zone", "the Hpakant road junction"
    "depot": "military_base", "barracks": "military_base", "academy": "military_base", "tower": "other",
    "junction": "other", "zone": "other", "site": "other", "warehouse": "other",
    # the sites of a unit smaller than a battalion and of its guns: "the X army company", "the X
    # artillery battery", "the X barrack", "the X cantonment"
    "army company": "military_base", "infantry company": "military_base", "military company": "military_base",
    "junta company": "military_base", "police company": "military_base", "militia company": "military_base",
    "rifle company": "military_base", "regime company": "military_base",
    "battery": "outpost", "barrack": "military_base", "cantonment": "military_base", "bunker": "outpost",
    "strongpoint": "outpost",
    # "the X checkpost", "the X HQ", "the X-Y stretch" (of a road)
    "checkpost": "outpost", "check-post": "outpost", "headquarter": "military_base", "hq": "military_base",
    "tollgate": "other", "stretch": "road", "section": "road",
}
def word_trie_re(words) -> str:
    """One alternation of ``words`` as a trie ("base|bases|border" → "b(?:ase(?:s)?|order)"): the
    engine reads each character once instead of trying every word in turn, longest words first
    where one is the start of another; a space in a word is any white space, an apostrophe either
    kind."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [_trie_char(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(trie)


def _trie_char(ch: str) -> str:
    return r"\s+" if ch == " " else "['’]" if ch in "'’" else re.escape(ch)


_HEADS_RE = word_trie_re(HEAD_KIND)
# the same words as a plain alternation, longest first: for a pattern whose opening words
# ``test_scan`` reads to prove its starts (it cuts a trie's optional endings)
_HEADS_ALT = "|".join(sorted((h.replace(" ", r"\s+") for h in HEAD_KIND), key=len, reverse=True))
# after a name, "village tract" is written "village-tract" too ("Zee Kone village-tract")
_NAMED_HEADS_RE = word_trie_re([*HEAD_KIND, "village-tract"])
# a month is no word of a name, nor a day beside it ("by 20 September Hpa Lin", "on May 3 Hpa Lin")
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)\b"
CAP = rf"(?!{_MONTH})(?:Mt\.(?=\s+[A-Z])|[A-Z][\w'’]*|\d{{1,3}}(?:st|nd|rd|th)?(?:\s+|-)[Mm]ile)(?:[-–][A-Za-z][\w'’]*)*"
# "Point 666 Hill": a number inside a name, between two capitalised words
CAPSEQ = rf"{CAP}(?:\s+(?:{CAP}|\d{{2,4}}(?=\s+[A-Z])(?!\s+{_MONTH}))){{0,4}}"
# the words NAMED_SITE_RE reads between a name and its head noun ("Tibual military camp")
SITE_MODS = ("army", "military", "junta", "regime", "police", "militia", "border", "guard", "strategic", "tactical",
             "hilltop", "frontline", "main", "security", "village", "people's militia", "gas", "power", "telecom",
             "scam", "cement", "frontier", "onshore", "hydropower", "hydroelectric",
             # "the Lwemon border trade post", "the Hsihseng township police station", "the Natogyi
             # district administration office", "the Kyaukme-Hsipaw road checkpoint"
             "trade", "township", "district", "general", "administration", "road", "highway", "customs",
             "naval", "navy", "air", "riverside", "regional", "command", "council", "operations",
             # "the Kunlong-based battalion headquarters", "the Sami infantry battalion base"
             "battalion", "infantry", "artillery",
             "town", "city",  # "the Singu town police station"
             # "the X general administration department office", "the X ammunition depot", "the X
             # high school", "the X deep-sea port project site"
             "department", "fuel", "ammunition", "ordnance", "arms", "weapons", "supply", "logistics", "training",
             "signal", "communications", "radio", "television", "oil", "high", "middle", "primary",
             "deep-sea", "project", "relay",
             # the words of a unit's site and its place in a defence: "the X army company camp", "the X
             # junta infantry company headquarters", "the X forward operating base", "the X rear
             # headquarters", "the X mountain top camp", "the X area's security post" (a possessive
             # modifier: "the X junta column's camp")
             "company", "column", "regiment", "brigade", "platoon", "forward", "operating", "rear", "front",
             "front-line", "outer", "inner", "defensive", "defence", "defense", "fortified", "observation",
             "sentry", "lookout", "watch", "top", "mountain", "mountaintop", "hill", "hill-based", "ridge",
             "riverbank", "river", "jungle", "temporary", "mobile", "combat", "commando", "special", "area",
             "base", "bunker", "sub-township", "ward", "mine", "mining", "jade",
             "bridge", "railway", "checkpoint", "gate", "people's defence force", "people's defense force",
             "rural", "urban", "local", "communication")  # "X village's rural police station", "the X-Y communication road"
_MODS_RE = word_trie_re(SITE_MODS)
NAMED_SITE_RE = re.compile(
    # "the Ka Pa Sa 22 ordnance factory", "the Hpa Lu No. 3 outpost", "Tanghpe (Damphet) village" (a
    # second spelling in brackets)
    rf"\b(?P<name>{CAPSEQ}(?:\s+(?:\d{{1,4}}(?=\s+[a-z])|No\.?\s*\(?\d{{1,4}}\)?(?=\s)|\({CAP}(?:\s+{CAP}){{0,3}}\)(?=\s)))?)(?P<more>(?:\s*,\s*{CAPSEQ})*(?:\s*,?\s+and\s+{CAPSEQ}))?\s+"  # "the Ka Pa Sa 22 ordnance factory"
    rf"(?P<mod>(?i:(?:{_MODS_RE})(?:['’]s)?\s+){{0,4}})(?P<head>(?i:{_NAMED_HEADS_RE}))(?P<plural>s|es)?\b"
)
HEAD_FIRST_RE = re.compile(
    rf"\b(?P<head>town|city|village|township|ward|(?i:{_HEADS_ALT}))\s+(?:of|called|named|known\s+as)\s+(?P<name>{CAPSEQ})")
# the look-ahead first: every CAP opens with a capital or a digit, and the engine passes over the
# other characters sooner than with \b first (the same matches)
BARE_RE = re.compile(rf"(?=[A-Z\d])\b{CAPSEQ}\b")
# the words of a unit's type, as reports capitalise them ("the Light Infantry Battalion base in X")
_UNIT_TYPE_WORDS = r"(?:Light|Infantry|Battalion|Artillery|Field|Tank|Armou?red|Engineering|Signal|Division|Regiment|LIB|IB|LID|TB|AB)"
# an unnamed site placed by a name: "a hilltop outpost above Nam Mar", "two camps near Hpakant"
# a located site's head noun is at most the seventh word after its determiner ("the military
# council's tactical operations command in X")
LOCATED_HEAD_WITHIN = 7
LOCATED_SITE_RE = re.compile(
    rf"\b(?i:a|an|another|one|two|three|four|five|six|several|the|its|their|some|many|junta|regime|(?P<every>every|each))\s+"
    rf"(?P<poss>(?:military\s+council|military\s+regime|junta|regime|military|army)['’]s\s+"
    rf"|(?-i:(?:[A-Z][\w-]*\s+){{1,3}}[A-Z][\w-]*)['’]s\s+(?:\((?-i:[A-Z]{{2,6}})\)\s+)?)?"  # "the State Administration Council's (SAC) hilltop camp at X"
    # a side's site named by its acronym: "a KIA terrorist camp near X", "the PDF terrorists' stronghold at X"
    rf"(?:(?-i:[A-Z]{{2,6}})\s+(?:(?i:terrorist|insurgent|rebel)s?['’]?\s+)?"
    rf"(?=(?:(?i:military|army|hilltop|border|strategic|main|forward|frontline|security|tactical|regional)\s+){{0,2}}(?i:{_HEADS_RE})))?"
    rf"(?P<cowner>(?-i:Burma|Myanmar|Burmese|SAC|Tatmadaw)\s+)?"  # "the Burma army camp close to X": the owner by its country
    rf"(?:(?:[a-z][\w'’-]*|\d{{1,3}}(?:st|nd|rd|th))\s+){{0,2}}?(?:{_UNIT_TYPE_WORDS}\s+){{0,3}}(?P<head>(?i:{_HEADS_RE}))(?P<plural>s|es)?"
    rf"(?P<owner>\s+of\s+the\s+(?:[a-z][\w'’-]*\s+){{0,2}}?[a-z][\w'’-]*,?)?"  # "an outpost of the border guard police, at X"
    rf"(?:\s+(?:on|along)\s+the\s+(?:[a-z]+\s+)?(?:highway|road))?"
    rf"(?:\s+(?:that\s+|which\s+)?(?:they|it|the\s+(?:junta|regime|military|army))\s+(?:had\s+|has\s+|still\s+)?(?:held|occupied|manned|controlled))?"  # "the positions they held inside X"
    rf",?\s+(?:(?:located|based|stationed|situated|sited)\s+)?(?:(?:just|directly|immediately|right)\s+)?"
    rf"(?:(?:(?:about|some|around|nearly)\s+)?\d{{1,3}}(?:\.\d)?\s*(?:km|kilomet(?:re|er)s?|miles?)\s+(?=(?:north|south|east|west)))?"
    rf"(?:(?:(?:about|some|around|nearly)\s+)?\d{{1,3}}(?:\.\d)?\s*(?:km|kilomet(?:re|er)s?|miles?)\s+from|above|near|at|outside|inside|within|(?:on\s+the\s+)?outskirts\s+of|in|on|close\s+to|overlooking|east\s+of|west\s+of|north\s+of|south\s+of"
    # "the base just outside X", "the camp next to X", "the outpost northeast of X", "the base 5 km from X"
    rf"|next\s+to|adjacent\s+to|beside|behind|below|facing|guarding|(?:north|south)-?(?:east|west)\s+of|"
    rf"at\s+the\s+(?:edge|entrance|foot|mouth|top)\s+of)\s+(?:the\s+)?(?:(?:village|town)\s+of\s+)?(?P<name>{CAPSEQ})")
# two unnamed sites placed by one name: "the police station and (the) administration office in Sinbo"
COORD_SITES_RE = re.compile(
    rf"\b(?i:the|its|their)\s+(?P<one>(?:[a-z][\w'’-]*\s+){{0,2}}?(?P<h1>(?i:{_HEADS_RE})))\s+and\s+(?:(?:the|its|their)\s+)?"
    rf"(?P<two>(?:[a-z][\w'’-]*\s+){{0,2}}?(?P<h2>(?i:{_HEADS_RE})))\s+(?:in|at|of)\s+(?:the\s+)?(?P<name>{CAPSEQ})")
# "a military communications camp", "an outpost": an unnamed site, a place only as a verb's object
INDEF_RE = re.compile(
    r"\b(?:[Aa]|[Aa]n|[Oo]ne|[Aa]nother)\s+(?P<mods>(?:(?!(?:of|in|at|on|near|and|the|to|from|by|with)\b)[a-z][\w'’-]*\s+){0,3}?)"
    r"(?P<noun>camp|base|outpost|post|guard\s+post|checkpoint|police\s+station|border\s+post|position|hilltop\s+base|"
    r"garrison|headquarters|station|bridge|gate|village|ward|substation|power\s+station|factory|hospital|prison|jetty|"
    r"port|dam|office|compound|airport|airfield)\b")
# wards of a town told together: "two (urban) wards of Loikaw", "Kyaukme's wards", "wards 3, 4 and 5
# of Kyauktaw" (one place per number)
WARDS_GROUP_RE = re.compile(
    rf"(?:\b(?P<owner>{CAPSEQ})['’]s\s+(?:(?:urban|downtown|eastern|western|northern|southern)\s+)?[Ww]ards\b"
    rf"|\b[Ww]ards\s+(?:No\.?\s*)?(?P<nums>\d{{1,3}}(?:\s*,\s*\d{{1,3}})*\s*,?\s*and\s+\d{{1,3}})\s+(?:of|in)\s+(?:the\s+)?(?P<town>{CAPSEQ})"
    rf"|\b(?:(?:two|three|four|five|six|several|many|some|most\s+of\s+the|all(?:\s+the)?|\d{{1,2}})\s+(?:urban\s+)?|urban\s+)"
    rf"[Ww]ards\s+(?:of|in)\s+(?:the\s+)?(?P<town2>{CAPSEQ})(?!\s*,\s*(?-i:[A-Z])|\s+and\s+(?-i:[A-Z])))")
# (not "the wards of A, B and C": wards named A, B and C)
# "Hill 1052", "Point 808", "Camp No. 1", "Outpost 14", "Gate (2)": a site named by its number
NUMBERED_HILL_RE = re.compile(r"(?:\b(?:Hill|Point)\s+(?:No\.?\s*)?\d{2,5}\b|\b(?:Camp|Outpost|Post)\s+No\.?\s*\d{1,3}\b"
                              r"|\b(?P<site>Camp|Outpost|Post|Gate|Checkpoint|Bridge)\s+(?:No\.?\s*)?(?:\(\d{1,3}\)|\d{1,3}\b))"
                              r"(?![\d.,]*\s*(?:km|miles?|%|feet|ft|metres|meters)|\s+[A-Z])")  # ("Point 666 Hill": a name)
_NUMBERED_SITE_WORDS = ("Camp ", "Outpost ", "Post ", "Gate ", "Checkpoint ", "Bridge ")
# "Ward 3", "Myitkyina's Ward No. 5", "No. 2 ward": a ward named by its number
NUMBERED_WARD_RE = re.compile(
    r"\b(?:[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2}['’]s\s+)?(?:Ward|ward|WARD)\s+(?:No\.?\s*)?\(?\d{1,3}\)?(?![\d.,]*\s*(?:km|miles?|%))"
    r"|\bNo\.?\s*\d{1,3}\s+[Ww]ard\b")
# "the town", "the base", "the two bases", "the junta's camp": a back-reference
REF_RE = re.compile(
    r"\b(?:the|this|that|these|those|its|their|both)\s+(?:(?:two|three|four|five|2|3|4|5)\s+)?"
    r"(?:(?:(?:junta|regime|military|army|strategic|key|main|important|border|frontline|hilltop|nearby|remaining|"
    r"last|former|captured|besieged|embattled|major|large|small|(?!(?:the|a|an|and|or|of|in|at|to|by|on|from)\s)[a-z]+(?:-[a-z]*)?)['’]?s?\s+){0,4})"
    r"(?P<noun>towns?|city|cities|villages?|wards?|neighbou?rhoods?|bases?|camps?|outposts?|posts?|headquarters|airport|airfield|"
    r"garrisons?|hills?|positions?|bridge|road|highway|township|police\s+stations?|stations?|border\s+gates?|gates?|battalions?|"
    r"factory|hospital|prison|jetty|port|dam|(?:administration\s+|township\s+)?offices?|compound|checkpoints?)\b"
    r"(?!\s+(?:known\s+as|called|named)\s+(?-i:[A-Z]))(?!['’]s\b)")  # "the junta base known as Loi Sam" names it;
# "the town's No. 3 ward" is the ward

# where a match of each pattern can open (lower case; a space stands for any white space):
# the patterns are tried only there (``scan.finditer_at``; ``test_scan`` proves each list
# from its pattern)
UNIT_WORD_STARTS = ("aab", "ab", "artyb", "central ", "coastal ", "eastern ", "fab", "ib", "lb", "lib", "lid", "moc",
                    "naypyitaw ", "no", "north", "rmc", "roc", "south", "tb", "toc", "triangle ", "western ", "yangon ")
UNIT_ANYWHERE = ("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "armor", "armou", "artillery ", "battalion", "border ",
                 "engineering ", "field ", "infantry ", "light ", "logistic", "military ", "ordnance ", "police ",
                 "regional ", "signal ", "supply ", "tactical ", "tank ", *BURMESE_UNITS)
# a head noun, then "of", "called" or "named": "the town of Hsenwi"
_HEAD_FIRST_LINKS = ("of", "called", "named", "known")
HEAD_FIRST_STARTS = tuple(f"{h} {w}" for h in HEAD_KIND for w in _HEAD_FIRST_LINKS)
LOCATED_SITE_STARTS = ("a ", "an ", "another ", "each ", "every ", "five ", "four ", "its ", "junta ", "many ", "one ", "regime ", "several ",
                       "six ", "some ", "the ", "their ", "three ", "two ")
INDEF_STARTS = ("a ", "an ", "another ", "one ")
REF_STARTS = ("both ", "its ", "that ", "the ", "their ", "these ", "this ", "those ")
_UNIT_STARTS_RE = starts_re(UNIT_WORD_STARTS, UNIT_ANYWHERE)
_HEAD_FIRST_STARTS_RE = starts_re(HEAD_FIRST_STARTS, shared=True)
_LOCATED_SITE_STARTS_RE = starts_re(LOCATED_SITE_STARTS, shared=True)
_INDEF_STARTS_RE = starts_re(INDEF_STARTS, shared=True)
_REF_STARTS_RE = starts_re(REF_STARTS, shared=True)

NOT_PLACE = {
    # sentence adverbs and common capitalised words that are never a place on their own
    "Instead", "Next", "Moreover", "Nevertheless", "Nonetheless", "Furthermore", "Additionally", "Still", "Yet", "Thus",
    "Hence", "Therefore", "Overall", "Separately", "Similarly", "Likewise", "Currently", "Recently", "Previously",
    "Initially", "Finally", "Eventually", "Subsequently", "Afterwards", "Anniversary", "Catholic", "Buddhist",
    "Christian", "Muslim", "Baptist", "Hindu", "Islamic",
    "Fighting", "Clashes", "Battles", "Heavy", "Fierce", "Intense", "Counter-Terrorism", "Action",
    "The", "A", "An", "In", "On", "At", "By", "It", "Its", "He", "She", "They", "We", "Our", "Their", "His", "Her",
    "This", "That", "These", "Those", "But", "And", "Or", "After", "Before", "Since", "Once", "According", "Following",
    "Junta", "Regime", "State", "Region", "Division", "Township", "District", "Residents", "Fighters", "Troops",
    "Soldiers", "Police", "Army", "Military", "Government", "Elsewhere", "Further", "Nearly", "More", "Some", "Most",
    "Many", "Several", "About", "Also", "Both", "Neither", "None", "Nobody", "One", "While", "When", "Where",
    "Which", "Who", "Colonel", "Col", "Major", "Maj", "General", "Gen", "Captain", "Capt", "Lieutenant", "Lt",
    "Brigadier", "Spokesperson", "Spokesman", "Saw", "Salai", "Naw", "Bo", "Sai", "Nang", "Daw", "Ko", "Ma", "Mr",
    "Ms", "Mrs", "Dr", "U", "Local", "Thai", "Chinese", "Indian", "United", "Nations", "UN", "Telegram",
    "Facebook", "Operation", "Northeast", "Command", "Brigade", "Battalion", "Myanmar", "Burma", "Burmese",
    "China", "India", "Thailand", "Bangladesh", "Asian", "River", "Range", "Monday", "Tuesday", "Wednesday",
    "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug",
    "Sep", "Sept", "Oct", "Nov", "Dec", "Regional", "Light", "Infantry", "Meanwhile", "However", "Now", "Then",
    "Today", "Yesterday", "Last", "Earlier", "Later", "If", "As", "With", "From", "For", "To", "Of", "Despite",
    "Although", "Though", "Until", "Hundreds", "Thousands", "Dozens", "Scores", "People's", "Defence", "Defense",
    "Force", "Forces", "Independence", "National", "Liberation", "Alliance", "Brotherhood", "Council", "Tatmadaw",
    "Kachin", "Karen", "Karenni", "Chin", "Shan", "Rakhine", "Mon", "Kayin", "Kayah", "Sagaing", "Magway",
    "Mandalay", "Bago", "Yangon", "Ayeyarwady", "Tanintharyi", "Arakan", "Kokang", "Wa", "Ta'ang", "Bamar",
    "Pa-O", "Such", "There", "Here", "What", "Why", "How", "All", "No", "Yes", "Only", "Families", "Villagers",
    "Civilians", "Aid", "Red", "Cross", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten",
    "Twenty", "Hundred", "Another", "Other", "Insurgents", "Terrorists", "Rebels", "Security", "Radio", "Free",
    "Asia", "News", "Agency", "Network", "Reuters", "AFP", "BBC", "VOA", "Irrawaddy", "Frontier", "Mizzima",
    "Global", "New", "Light", "MRTV", "Myawady", "Ministry", "Information", "Office", "Party", "Democracy",
    "League", "Tuesday's", "Sunday's", "Monday's", "Union", "Day", "Revolution", "Spring", "Commander",
    "Chief", "Senior", "Min", "Aung", "Hlaing", "Sources", "Source", "Witnesses", "Officials", "Official",
    "Democratic", "Northern", "Southern", "Eastern", "Western", "Central", "Upper", "Lower", "North", "South",
    "East", "West", "Special", "Group", "Operations", "Air", "Navy", "Organization", "Organisation", "Front",
    "Association", "Committee", "Interim", "Executive", "Administration", "Peace", "Commission", "Deputy",
    "Brig-Gen", "Maj-Gen", "Lt-Gen", "Lt-Col", "Major-General", "Sergeant", "Private", "Corporal",
    "Japan", "Russia", "Laos", "Singapore", "Malaysia", "Indonesia", "Vietnam", "Cambodia", "Philippines", "US", "USA",
    "UK", "Britain", "America", "American", "British", "Japanese", "Russian", "ASEAN", "European", "EU", "Western",
    "Eleven", "Twelve", "Thirteen", "Fourteen", "Fifteen", "Sixteen", "Seventeen", "Eighteen", "Nineteen", "Thirty",
    "Forty", "Fifty", "Sixty", "Seventy", "Eighty", "Ninety", "Thousand", "Million", "First", "Second", "Third",
    "Students", "Reply", "Comment", "Comments", "Photo", "Image", "Video", "Read", "Share", "Subscribe", "Related",
    "Advertisement", "Copyright", "Source", "Update", "Updated", "Editor", "Note", "Nationalities", "Operation",
    "Christian", "Buddhist", "Muslim", "Rohingya", "Kachins", "Karens", "Arakanese", "Rakhines", "Chins",
}
_AREA_AFTER = re.compile(r"\s+(?:region|area|areas|district|division|frontier|border\s+area|valley|river|"
                         r"mountains?|range|hills\b|self-administered|special\s+region|sub-township)", re.I)
PERSON_TITLES = {"Colonel", "Col", "Major", "Maj", "General", "Gen", "Captain", "Capt", "Lieutenant", "Lt", "Brigadier",
                 "Brig", "Lt-Col", "Lt-Gen", "Maj-Gen", "Brig-Gen", "Dr", "Mr", "Ms", "Mrs", "U", "Daw", "Saw", "Salai",
                 "Naw", "Sai", "Nang", "Ko", "Ma", "Khun", "Mahn", "Padoh", "Sergeant", "Sgt", "Corporal", "Cpl",
                 "Private", "Pte", "Commander", "Chairman", "Spokesperson", "Spokesman", "Minister", "Senior"}
_SPEAKER_AFTER = re.compile(r"(?:,\s+(?:a|an|the)\s+[\w\s'’-]{0,40}?(?:spokes\w+|officer|official|commander|leader|"
                            r"member|resident|source|chairman|secretary|director|analyst|researcher|villager)\w*"
                            r"(?:\s+(?:for|of|with|from)\s+[\w\s'’-]{0,40}?)?,)?"  # "X, a spokesman for the AA, said": X speaks;
                            r"\s+(?:said|says|told|added|explained|stated|wrote|confirmed|noted|claimed|learned|learnt)\b")  # "took X, a spokesman said": no
_TITLE_BEFORE = re.compile(r"\b(?:spokes(?:person|man|woman)|officer|official|commander|leader|chairman|secretary|"
                           r"director|analyst|resident|villager|colonel|general|captain|major|lieutenant)\s+$", re.I)
HONORIFICS = {"Saw", "Salai", "Naw", "Bo", "Sai", "Nang", "Daw", "Ko", "Ma", "U", "Min"}
_LISTED_NAME_WORDS = HONORIFICS | {"Aung"}  # "the wards of A, Aung Zay Ya and B": part of a listed name
_LIST_BEFORE = re.compile(r"(?:,|\band|\bof|\bat|\bnear)\s+$")
_OUTLET_WORDS = {"Times", "News", "Post", "Media", "Agency", "Herald", "English", "Journal", "Daily", "Voice",
                 "Online", "Weekly", "Review", "Network", "Press", "Tribune", "Monitor", "Observer", "Today"}
_NAMESAKE_LEAD = frozenset({"New", "Old", "Upper", "Lower"})
LEAD_STOP = {w for w in NOT_PLACE if w[0].isupper()} - {"Kachin", "Shan", "Chin", "Mon", "Wa", "Mar", "Jan", "Jun",
                                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Feb", "Apr",
                                                          "Sept"}


@dataclass(frozen=True)
class Place:
    """A place mention; offsets are in the report text."""

    start: int
    end: int
    name: str
    kind: str
    unit: Unit | None = None
    bare: bool = False  # a capitalised name with no head noun
    ref: str | None = None  # a back-reference: the head noun family ("town", "base", ...)
    count: int = 1  # "the two bases" -> 2 (back-references only)
    inner: bool = False  # the name inside a located site ("Nan Mar" in "a camp at Nan Mar"): no object

    @property
    def key(self) -> str:
        """What makes two mentions the same place: the unit, else the folded name."""
        return self.unit.key if self.unit is not None else norm_name(self.name)


_STRIP = re.compile(r"\b(?:the|base|bases|headquarters|hq|camp|camps|town|city|township|ward|village|outpost|"
                    r"post|military|junta|junta's|regime|army|police|station)\b|[^\w]+", re.I)
_STATION = re.compile(r"\b(?:police|station)\b", re.I)


@lru_cache(maxsize=65536)
def norm_name(name: str) -> str:
    """A place name folded for comparison: "Bhamo Town" and "the town of Bhamo" → "bhamo", "the
    Bhamo police station" → "bhamo station"
    (cached: the same names are compared again and again)."""
    folded = " ".join(_STRIP.sub(" ", name.lower().replace("’", "'").replace("'s", "")).split())
    # a police station is a site of its own, not its town nor the army's base there ("the X police
    # station" and "the X village station" are one; "X", "X town" and "the X military base" others)
    return folded + " station" if _STATION.search(name) else folded


_KIND_FAMILY = {"military_base": "base", "outpost": "base", "other": "base", "town": "town", "urban_ward": "town",
                "township": "town", "village": "village", "airport": "airport", "road": "road"}


def kind_family(kind: str) -> str:
    """Kinds that name the same sort of place (a back-reference "the base" finds an outpost too)."""
    return _KIND_FAMILY.get(kind, "base")


REF_FAMILY = {"town": "town", "towns": "town", "city": "town", "cities": "town", "township": "town",
              "village": "village", "villages": "village", "ward": "town", "wards": "town",
              "neighborhood": "town", "neighborhoods": "town", "neighbourhood": "town", "neighbourhoods": "town",
              "airport": "airport", "airfield": "airport", "road": "road", "highway": "road"}
_COUNT = {"two": 2, "three": 3, "four": 4, "five": 5, "2": 2, "3": 3, "4": 4, "5": 5, "both": 2}


def find_units(text: str, start: int, end: int) -> list[Place]:
    """The units ``find_places`` finds in ``text[start:end]`` ("IB 236", "MOC-21"), alone: it
    keeps every one of them, whatever else the sentence names."""
    s = text[start:end]
    return _units(s, start) if has_unit_stem(s) else []


def find_places(text: str, start: int, end: int) -> list[Place]:
    """Every place named in ``text[start:end]`` (a sentence), in order, without overlaps.

    Units first, then named sites, then bare names and back-references in what is left.
    """
    s = text[start:end]
    found: list[Place] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        """Whether ``s[a:b]`` overlaps nothing found so far."""
        for x, y in taken:
            if b > x and a < y:
                return False
        return True

    def inside(a: int, b: int) -> bool:
        """Whether ``s[a:b]`` lies inside one place found so far (then nothing in it is free)."""
        for x, y in taken:
            if x <= a and b <= y:
                return True
        return False

    def add(p: Place) -> None:
        found.append(p)
        taken.append((p.start - start, p.end - start))

    if has_unit_stem(s):  # one of UNIT_STEMS
        for p in _units(s, start):
            add(p)
        for m in NAMED_COMMAND_RE.finditer(s):
            if free(m.start(), m.end()):
                town = _strip_lead(m.group("town")) if m.group("town") else None
                a = m.start("town") + m.group("town").find(town) if town else m.start("cmd")
                add(Place(start + a, start + m.end(), " ".join(((town or "") + " " + m.group("cmd")).split()),
                          "military_base"))
    if "Hill " in s or "Point " in s or "No." in s or "No " in s or any(w in s for w in _NUMBERED_SITE_WORDS):
        for m in NUMBERED_HILL_RE.finditer(s):  # "Hill 1052", "Point 808" (its height), "Camp No. 1", "Gate 2"
            if free(m.start(), m.end()):
                kind = "other" if m.group("site") in ("Gate", "Bridge") else "outpost"
                add(Place(start + m.start(), start + m.end(), " ".join(m.group().split()), kind))
    if "wards" in s:  # "two wards of Loikaw", "Kyaukme's wards", "wards 3, 4 and 5 of Kyauktaw"
        for m in WARDS_GROUP_RE.finditer(s):
            town = _strip_lead(m.group("town") or m.group("town2") or m.group("owner") or "")
            if not free(m.start(), m.end()) or not town:
                continue
            if m.group("nums"):
                for n in re.finditer(r"\d{1,3}", m.group("nums")):
                    a, b = m.start("nums") + n.start(), m.start("nums") + n.end()
                    add(Place(start + a, start + b, f"Ward {n.group()} of {town}", "urban_ward"))
            else:
                add(Place(start + m.start(), start + m.end(), f"{town} wards", "urban_ward"))
    if "ard" in s or "No" in s:  # "Ward 3", "Hpa-an's Ward No. 5", "No. 2 ward"
        for m in NUMBERED_WARD_RE.finditer(s):
            if free(m.start(), m.end()):
                add(Place(start + m.start(), start + m.end(), " ".join(m.group().split()), "urban_ward"))
    inner: list[Place] = []
    plural_sites: list[tuple[int, str]] = []  # (end, kind) of a located site with a plural head noun
    low = lowered(s)
    heads = has_head_word(low)
    gates = None
    upper = low != s if s.isascii() else any(c.isupper() for c in s)  # ASCII: lowering changes only capitals
    if heads and upper:
        gates = site_gates(s, low)
        keep = None if gates is None else (lambda p: gates.head_within(p, LOCATED_HEAD_WITHIN))
        if " and " in s:
            for m in COORD_SITES_RE.finditer(s):
                name = _strip_lead(m.group("name"))
                h1, h2 = (" ".join(m.group(h).lower().split()) for h in ("h1", "h2"))
                if name and free(m.start(), m.end()) and not {h1, h2} & _SETTLEMENT_HEADS:
                    for part, h, end in (("one", h1, m.end("one")), ("two", h2, m.end())):
                        words = [w for w in m.group(part).split() if not w.endswith(("'s", "’s"))]  # no owner
                        add(Place(start + m.start(part), start + end, f"{' '.join(words)} in {name}",
                                  HEAD_KIND.get(h, "other")))
        for m in finditer_at(LOCATED_SITE_RE, _LOCATED_SITE_STARTS_RE, s, 0, len(s), keep):
            name = _strip_lead(m.group("name"))
            head = " ".join(m.group("head").lower().split())
            if name and free(m.start(), m.end()) and head not in ("town", "city", "township", "village", "ward"):
                tail = _INNER_HEAD.match(s, m.end())
                settlement = Place(start + m.start("name"), start + (tail.end() if tail else m.end()), name,
                                   HEAD_KIND.get(tail.group(1).lower(), "town") if tail else "town",
                                   bare=tail is None, inner=True)
                held_in = (_IN_AT.match(s, m.end("head"), m.start("name")) if m.group("every") and not m.group("plural")
                           else _IN_AT.match(s, m.end("plural"), m.start("name")) if m.group("plural") else None)
                if held_in and (head == "position" and (_WHOLE_SET.search(s, m.start(), m.start("head")) or held_in.group("held")
                                                        or m.group("every"))
                                or _LAST_OF_ALL.search(s, m.start(), m.start("head"))):
                    # "the military's last remaining bases in Mansi town": the settlement they held
                    # "the military's remaining positions in Ann": the settlement they held, taken whole;
                    # "the positions they held inside Ann" too, the clause with it (its verb is no change);
                    # "every junta position in Mone" is all of them
                    add(replace(settlement, inner=False, start=start + m.start()) if held_in.group("held")
                        else replace(settlement, inner=False))
                    continue
                words = (m.group() if m.group("owner") is None
                         else s[m.start():m.start("owner")] + s[m.end("owner"):m.end()]).split()
                if words[0].lower() in ("the", "a", "an", "another"):
                    words = words[1:]
                # "the camp close to Hpa Lu village": the settlement's head noun is the label's too
                geo = _GEO_TAIL.match(s, m.end()) or tail
                label = " ".join(words) + (" " + " ".join(geo.group().split()) if geo else "")
                # "two military outposts located in Momauk Township", "camps in Waingmaw and Momauk
                # townships": unnamed sites placed only by an area are a figure, never a place (no
                # object); "two outposts near Mading" are places
                counted = bool(m.group("plural")) and (_AREA_END.search(m.group("name")) is not None
                                                       or _AREAS_AFTER.match(s, m.end()) is not None)
                owned = m.end("cowner") if m.group("cowner") else (
                    m.end("poss") if m.group("poss") and m.group("poss")[0].isupper() else -1)
                if owned >= 0:
                    # the owner is a side, named apart ("the State Administration Council's (SAC) hilltop
                    # camp", "the Burma army camp")
                    label = " ".join(s[owned:m.end()].split()) + (geo.group() if geo else "")
                    add(Place(start + owned, start + m.end(), label, HEAD_KIND.get(head, "other"), inner=counted))
                else:
                    add(Place(start + m.start(), start + m.end(), label, HEAD_KIND.get(head, "other"), inner=counted))
                if m.group("plural"):  # "the camps at A, B and C": B and C are camps too
                    plural_sites.append((start + m.end(), HEAD_KIND.get(head, "other")))
                inner.append(settlement)
        for p in _named_sites(s, start, free, gates):
            add(p)
        if gates is not None and "the " in s:
            for p in _described_sites(s, start, free, gates):
                add(p)
        if gates is not None and _DIGIT.search(s):
            for p in _numbered_sites(s, start, free, gates):
                add(p)
    if upper:
        for m in BARE_RE.finditer(s):
            if taken and inside(m.start(), m.end()):
                continue  # "Nga Hpaw" of "Nga Hpaw camp": whatever _trim_bare keeps of it is taken
            a, b, name = _trim_bare(m, s)
            if name and free(a, b):
                add(Place(start + a, start + b, name, "town", bare=True))
    if not heads:
        found.sort(key=lambda p: p.start)
        return found
    for m in finditer_at(INDEF_RE, _INDEF_STARTS_RE, s, 0, len(s)):
        if free(m.start(), m.end()) and m.group("noun") not in ("village", "ward"):
            noun = " ".join(m.group("noun").split())
            name = " ".join((m.group("mods") + noun).split())
            add(Place(start + m.start(), start + m.end(), name, HEAD_KIND.get(noun, "outpost"), ref="generic"))
    for m in finditer_at(REF_RE, _REF_STARTS_RE, s, 0, len(s), _ref_gate(s, low, gates)):
        if not free(m.start(), m.end()):
            continue
        noun = m.group("noun").lower()
        fam = REF_FAMILY.get(noun, "base")
        words = m.group().lower().split()
        count = next((_COUNT[w] for w in words if w in _COUNT), 1)
        if noun.endswith("s") and noun not in ("headquarters",) and count == 1 and "both" not in words:
            count = 0  # "the bases": all of the ones named just before
        add(Place(start + m.start(), start + m.end(), m.group(), _REF_KIND.get(fam, "military_base"),
                  ref=fam, count=count))
    found.sort(key=lambda p: p.start)
    if "(" in s and has_unit_stem(s):
        found = _bracketed_units(text, found)
    if plural_sites:
        found = _listed_sites(text, found, plural_sites)
    if "," in s or "(" in s or "—" in s or "–" in s or " - " in s:
        found = _apposed(text, found)
    return _merge_ref_of(text, found) + inner


def _bracketed_units(text: str, places: list[Place]) -> list[Place]:
    """"the Hsipaw Operations Command (Sa Ka Kha-9)", "the Mong Hsat base (LIB 570)": a site named,
    then its unit in brackets: one place, the unit's."""
    out: list[Place] = []
    for p in places:
        last = out[-1] if out else None
        if (last is not None and p.unit is not None and last.unit is None and last.ref is None and not last.bare
                and kind_family(last.kind) == "base" and _BRACKETED_UNIT.fullmatch(text, last.end, p.start)):
            end = p.end
            close = _CLOSE_BRACKET.match(text, end)
            if close is None and text[end - 1] != ")":
                out.append(p)
                continue
            end = close.end() if close else end
            inner = " ".join(text[p.start:end - 1].split())
            inner = inner[:-5] if inner.endswith(" base") else inner
            out[-1] = Place(last.start, end, f"{last.name} ({inner})", last.kind, p.unit)
            continue
        out.append(p)
    return out


_CLOSE_BRACKET = re.compile(r"\s*\)")


def _ref_gate(s: str, low: str, gates: SiteGates | None):
    """The ``keep`` of REF_RE in ``s`` (``finditer_at``): its noun opens one of the five words
    after the one it starts at (a determiner, a count, three modifiers), with a head noun's
    first word ("cities" aside: no head noun opens it; then no gate)."""
    if "cities" in low:
        return None
    gates = gates or site_gates(s, low)
    return None if gates is None else (lambda p: gates.head_within(p, 5))


_APPOSED_SITE = re.compile(r"(?:,\s+(?:which\s+(?:served|serves|had\s+served|was|is|had\s+been|has\s+been)\s+(?:as\s+)?|the\s+site\s+of\s+)?|\s*\(\s*|\s*[—–]\s*|\s+-\s+)"  # "X — a junta outpost —"
                           r"(?:a|an|the|its|their)\s+(?:(?!of\b|in\b|at\b|near\b)(?-i:[a-z\d])[\w'’-]*\s+){0,3}?"
                           r"(?P<head>camp|base|outpost|post|hill|hilltop|position|checkpoint|stronghold|garrison|village|ward)\b")


# "A and B, two villages on the highway", "A, B and C, all junta outposts": a list in apposition
_APPOSED_SITES = re.compile(r",\s+(?:the\s+)?(?:two|three|four|five|six|seven|both|all|several)\s+(?:(?!of\b|in\b|at\b|near\b)[\w'’-]+\s+){0,3}?"
                            r"(?P<head>camp|base|outpost|post|hill|hilltop|position|checkpoint|stronghold|garrison|village|ward)s\b")


def _apposed(text: str, places: list[Place]) -> list[Place]:
    """"Hpare Bum, a strategic hilltop outpost near Laiza": the bare name takes the kind of its
    apposition, and the site the apposition describes is the same place (no object of its own);
    so do the bare names of a list in a plural apposition ("A and B, two villages near Y")."""
    out = list(places)
    for i, p in enumerate(out):
        m = _APPOSED_SITE.match(text, p.end) if p.bare and text.startswith((",", " (", "(", " —", "—", " –", "–", " - "), p.end) else None
        if m is None:
            many = _APPOSED_SITES.match(text, p.end) if p.bare and text.startswith(",", p.end) else None
            if many is not None:
                kind = HEAD_KIND[many.group("head").lower()]
                k = i
                while k > 0 and out[k - 1].bare and _LIST_GAP.fullmatch(text, out[k - 1].end, out[k].start):
                    k -= 1
                if k < i:  # a list, not one name before a plural ("Kyaukme, three villages…" is no list)
                    for j in range(k, i + 1):
                        q = out[j]
                        out[j] = Place(q.start, q.end, q.name, kind)
            continue
        out[i] = Place(p.start, p.end, p.name, HEAD_KIND[m.group("head").lower()])
        for j in range(i + 1, len(out)):
            q = out[j]
            if q.start > m.end("head"):
                break
            if q.ref is None and q.unit is None and not q.bare:
                out[j] = Place(q.start, q.end, q.name, q.kind, inner=True)
    return out


_LIST_GAP = re.compile(r"\s*(?:,|,?\s*and|&)\s*")


# after a name: it names an area ("… in Momauk Township", "in Waingmaw and Momauk townships")
_AREAS_AFTER = re.compile(r"(?:\s*(?:,|,?\s*and|&)\s*[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})*\s+"
                         r"(?:[Tt]ownships?|[Dd]istricts?|[Rr]egions?|[Ss]tates?)\b")


_AREA_END = re.compile(r"\b(?:[Tt]ownship|[Dd]istrict|[Rr]egion|[Ss]tate)$")


def _listed_sites(text: str, places: list[Place], sites: list[tuple[int, str]]) -> list[Place]:
    """"the army camps at A, B and C", "outposts in A and B villages": the bare names listed
    right after a located site with a plural head noun are sites of its kind."""
    out = list(places)
    for end, kind in sites:
        if _AREAS_AFTER.match(text, end):
            continue
        for i, p in enumerate(out):
            if p.start < end:
                continue
            if not _LIST_GAP.fullmatch(text, end, p.start) or p.ref is not None or p.unit is not None:
                break
            if p.bare or kind_family(p.kind) == "village":
                out[i] = Place(p.start, p.end, p.name, kind)
            end = p.end
    return out


_LAST_OF_ALL = re.compile(r"\b(?:last\s+remaining|remaining|last)\s", re.I)
_WHOLE_SET = re.compile(r"\b(?:remaining|last|all|junta['’]s|military['’]s|regime['’]s|army['’]s|their|its)\s", re.I)
_IN_AT = re.compile(r"(?P<held>\s+(?:that\s+|which\s+)?(?:they|it|the\s+\w+)\s+(?:had\s+|has\s+|still\s+)?(?:held|occupied|manned|controlled))?"
                    r"\s+(?:in|at|inside|within)\s+(?:the\s+)?(?:(?:village|town)\s+of\s+)?$", re.I)
_SETTLEMENT_HEADS = frozenset({"town", "city", "township", "village", "village tract", "ward", "quarter",
                               "neighbourhood", "neighborhood"})
_GEO_TAIL = re.compile(r"\s+(?:ridge|hill|hills|mountain|range|river|pass|valley|road|highway|area)\b")
_INNER_HEAD = re.compile(r"\s+(village|ward|town|township)\b", re.I)
_OF_NAME = re.compile(r"\s+of\s+(?:the\s+)?(?:(?:junta|regime|military|army|Tatmadaw|SAC|enemy)['’]s\s+)?$", re.I)


_THAT_OF = re.compile(r"\b(?:that|those)\s+of\s+$", re.I)
_WARDS = re.compile(r"\b(?:wards?|neighbou?rhoods?)$", re.I)


def _merge_ref_of(text: str, places: list[Place]) -> list[Place]:
    """"the headquarters of the 15th MOC", "the villages of A and B": the names, not a reference."""
    out: list[Place] = []
    kind_from: Place | None = None
    of_kind: Place | None = None  # the kind of the last "the villages of" of the sentence
    for p in places:
        if out and out[-1].ref not in (None, "generic") and p.ref is None and _OF_NAME.match(text[out[-1].end:p.start]):
            ref = out.pop()
            kind_from = ref if ref.ref in ("village", "base") else None
            if _WARDS.search(ref.name):  # "the wards of A and B"
                kind_from = Place(ref.start, ref.end, ref.name, "urban_ward")
            of_kind = kind_from
            out.append(_retype(p, kind_from))
            continue
        if kind_from is not None and out and p.bare and re.match(r"^\s*(?:,|and|,\s*and)\s*$", text[out[-1].end:p.start]):
            out.append(_retype(p, kind_from))
            continue
        if of_kind is not None and out and p.bare and _THAT_OF.search(text, out[-1].end, p.start):
            out.append(_retype(p, of_kind))  # "the village of A on Monday and that of B": B is a village too
            continue
        kind_from = None
        out.append(p)
        continue
    return out


_DETERMINERS = frozenset(("the", "this", "that", "its", "their"))


def without_determiners(name: str) -> str:
    """"the police station" → "police station": a facility's name, to be located ("… in Mone")."""
    return " ".join(w for w in name.split() if w.lower() not in _DETERMINERS)


def _retype(p: Place, ref: Place | None) -> Place:
    if ref is None or not p.bare:
        return p
    return Place(p.start, p.end, p.name, ref.kind)


def _head_automaton():
    import ahocorasick

    auto = ahocorasick.Automaton()
    words = set(HEAD_KIND) | {"headquarters", "battalion", "station", "gate", "office", "hill", "plain", "area", "cities"}
    for w in words:
        stem = w.split()[-1][:5]  # "camps", "hills", "township": every form starts with its first letters
        auto.add_word(stem, stem)
    auto.make_automaton()
    return auto


_HEADS_AUTO = _head_automaton()


def has_head_word(lowered: str) -> bool:
    """Whether a lower-cased sentence holds a head noun of a site ("camp", "town", "police station"…):
    without one, only units and bare names can be places in it."""
    for _ in _HEADS_AUTO.iter(lowered):
        return True
    return False


# ----------------------------------------------------------------------------- gates of the site patterns
# NAMED_SITE_RE and LOCATED_SITE_RE both need a head noun (HEAD_KIND), which opens a word (a
# run of characters that are neither white space nor commas), a few words after where they
# start: the head nouns of a sentence, found by one Aho-Corasick pass, tell where the patterns
# can match, and they are tried only there (``tests/extract/test_places.py`` compares them
# with the plain scans).
_CAP_START = re.compile(r"\b[A-Z0-9]")  # where a NAMED_SITE_RE match can start (its CAP)
_WORD_BEFORE = re.compile(r"[\s,]+([^\s,]+)")  # the word before, read in the reversed text
# how the words of head nouns open (lower case): "police station" -> "police"
_HEAD_OPENERS = tuple(sorted({h.split()[0] for h in HEAD_KIND}))
# the lower-case words NAMED_SITE_RE may read after its first name, as beginnings: "and",
# "mile" ("12 mile camp"), the modifiers of its ``mod`` group and every word of a head noun
# (capitalised names and numbers need no list)
_SITE_WORDS = tuple(sorted({"and", "mile", *(m.split("'")[0] for m in SITE_MODS),
                            *(w for h in HEAD_KIND for w in h.split())}))
_CAPS_DIGITS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
_NAMEABLE: dict[str, bool] = {}  # word -> a NAMED_SITE_RE match may read it after its first name


def _nameable(word: str) -> bool:
    ok = _NAMEABLE.get(word)
    if ok is None:
        bare = word.lstrip("(")  # "(Damphet)", "(5)": a second spelling, a number in brackets
        ok = bare[:1] in _CAPS_DIGITS or word.lower().startswith(_SITE_WORDS)
        if len(_NAMEABLE) < 200_000:
            _NAMEABLE[word] = ok
    return ok


def _openers_automaton():
    import ahocorasick

    auto = ahocorasick.Automaton()
    for w in _HEAD_OPENERS:
        auto.add_word(w, len(w))
    auto.make_automaton()
    return auto


_OPENERS_AUTO = _openers_automaton()


class SiteGates:
    """Where the named-site patterns can match in a sentence ``s`` (``low`` is ``s.lower()``):
    only for a sentence whose non-ASCII characters, if any, are no letters or digits
    (``scan.lower_keeps_matches``: the case-insensitive head nouns are then plain lower case)."""

    def __init__(self, s: str, low: str):
        self.s = s
        # where a word opens with a head noun
        self.heads = sorted({end - n + 1 for end, n in _OPENERS_AUTO.iter(low)
                             if end - n + 1 == 0 or low[end - n].isspace() or low[end - n] == ","})

    def named_site_starts(self) -> list[int]:
        """Every position where NAMED_SITE_RE may match: a capital or digit at a word boundary
        in a word followed by a head noun with only words the pattern can read in between
        (``_nameable``: capitalised names, numbers, ``_SITE_WORDS``)."""
        s = self.s
        n = len(s)
        rev = None
        found: set[int] = set()
        for h in self.heads:
            if rev is None:
                rev = s[::-1]
            lo = h
            back = n - h  # the head's start in the reversed text
            while True:
                m = _WORD_BEFORE.match(rev, back)
                if m is None:
                    break
                lo = n - m.end(1)
                if not _nameable(s[lo:n - m.start(1)]):
                    break  # a match may still start inside this word ("x-Nam camp"), not before it
                back = m.end(1)
            found.update(c.start() for c in _CAP_START.finditer(s, lo, h))
        return sorted(found)

    def head_within(self, pos: int, n: int) -> bool:
        """Whether a head noun opens one of the ``n`` words after the word holding ``pos`` (no
        comma in between)."""
        i = bisect.bisect_right(self.heads, pos)
        if i == len(self.heads):
            return False
        between = self.s[pos:self.heads[i]]
        return "," not in between and len(between.split()) <= n


def site_gates(s: str, low: str) -> SiteGates | None:
    """The gates of sentence ``s`` (``low``: ``s.lower()``), or None where they do not apply
    (letters or digits outside ASCII)."""
    return SiteGates(s, low) if lower_keeps_matches(s) else None


_REF_KIND = {"town": "town", "village": "village", "airport": "airport", "road": "road", "base": "military_base"}


def _units(s: str, offset: int) -> list[Place]:
    out: list[Place] = []
    for m in finditer_at(UNIT_RE, _UNIT_STARTS_RE, s, 0, len(s)):
        a, b = m.start(), m.end()
        suffix = _BASE_SUFFIX.match(s[b:])
        name_end = b + (suffix.end() if suffix else 0)
        nums: list[str] = []
        if m.group("type"):
            tword = " ".join(m.group("type").lower().split())
            tword = tword[:-1] if tword.endswith("s") and not tword.endswith("ss") else tword
            utype = UNIT_WORDS.get(tword, "other")
            abbr = m.group("abbr")
            if abbr and abbr in UNIT_ABBR:
                utype = UNIT_ABBR[abbr]
            if m.group("num"):
                nums = [m.group("num")] + re.findall(r"\d{1,4}", m.group("more") or "")
            elif m.group("ord"):
                nums = [m.group("ord")]
            if not nums:
                continue  # "PDF battalions", "the battalion": no numbered unit
        elif m.group("ab3"):
            if re.match(r"\s*(?:-\s*)?\d", s[b:]):
                continue  # "captured 25 LIB 599 soldiers": a count before the unit "LIB 599"
            utype = UNIT_ABBR.get(m.group("ab3"), "other")
            nums = [m.group("num3")]
        elif m.group("ab"):
            utype = UNIT_ABBR[m.group("ab")]
            nums = [m.group("num2")] + re.findall(r"\d{1,4}", m.group("more2") or "")
        elif m.group("bt"):
            utype = BURMESE_UNITS[m.group("bt")]
            nums = [m.group("bnum").translate(BURMESE_DIGITS)]
        else:
            name = " ".join(m.group("cmd").split())
            out.append(Place(offset + a, offset + name_end, name + " headquarters", "military_base"))
            continue
        label = " ".join(s[a:name_end].split())
        if not suffix:
            label += " base"
        for n in nums:
            if len(nums) > 1:  # "Light Infantry Battalions 771 and 772": one label per battalion
                head = re.sub(r"(?i)(battalion|command|division)s\b", r"\1", label.split(nums[0])[0]).strip()
                label_n = f"{head} {n} base"
            else:
                label_n = label
            out.append(Place(offset + a, offset + name_end, label_n, "military_base", Unit(utype, n.lstrip("0") or "0")))
    for m in (ROMAN_UNIT_RE.finditer(s) if has_roman_stem(s) else ()):
        a, b = m.start(), m.end()
        if any(not (b <= p.start - offset or a >= p.end - offset) for p in out):
            continue
        utype = next(ROMAN_UNITS[int(k[1:])][3] for k, v in m.groupdict().items() if k[0] == "r" and v)
        suffix = _BASE_SUFFIX.match(s[b:])
        name_end = b + (suffix.end() if suffix else 0)
        label = " ".join(s[a:name_end].split()) + ("" if suffix else " base")
        out.append(Place(offset + a, offset + name_end, label, "military_base", Unit(utype, m.group("num").lstrip("0") or "0")))
    out.sort(key=lambda p: p.start)
    merged: list[Place] = []  # "21st Military Operations Command (MOC-21)": one unit, not two
    for p in out:
        if merged and p.unit and merged[-1].unit == p.unit and p.start - merged[-1].end <= 3:
            last = merged.pop()
            merged.append(Place(last.start, p.end, last.name, last.kind, last.unit))
            continue
        merged.append(p)
    return merged


def _named_sites(s: str, offset: int, free, gates: SiteGates | None = None) -> list[Place]:
    out: list[Place] = []
    for rx in (NAMED_SITE_RE, HEAD_FIRST_RE):
        if rx is NAMED_SITE_RE:
            found = rx.finditer(s) if gates is None else finditer_positions(rx, gates.named_site_starts(), s)
        else:
            found = finditer_at(rx, _HEAD_FIRST_STARTS_RE, s, 0, len(s))
        for m in found:
            if not free(m.start(), m.end()) or any(not (m.end() <= p.start - offset or m.start() >= p.end - offset) for p in out):
                continue
            head = " ".join(m.group("head").lower().replace("-", " ").split())
            kind = HEAD_KIND.get(head, HEAD_KIND.get(head.rstrip("s"), "other"))
            names = [m.group("name")]
            if rx is NAMED_SITE_RE and m.group("more"):
                names += [n for n in re.split(r"\s*,\s*(?:and\s+)?|\s*,?\s+and\s+", m.group("more")) if n]
            for i, raw in enumerate(names):
                town = _strip_lead(raw[:-6]) if rx is NAMED_SITE_RE and len(names) == 1 and raw.endswith("-based") else ""
                if town:  # "the Kunlong-based battalion headquarters": a site in Kunlong
                    a = m.start() + raw.rfind(town)
                    out.append(Place(offset + a, offset + m.end(), f"{m.group('mod') or ''}{m.group('head')} in {town}", kind))
                    continue
                name = _strip_lead(raw)
                if not name or name in UNIT_ABBR or name.isupper() and len(name) <= 4:
                    continue
                if i < len(names) - 1 and _AREA_END.search(name):
                    continue  # "B village in Gwa Township and C village": the township locates B
                if rx is NAMED_SITE_RE:
                    mod = m.group("mod") or ""
                    label = (f"{name} {mod}{m.group('head')}" if i == len(names) - 1 or len(names) == 1
                             else f"{name} {mod}{head}")
                    if kind == "outpost" and head in ("hill", "hilltop", "peak", "position", "strategic hill") and i == 0:
                        label = f"{name} {m.group('head')}"
                else:
                    label = f"{head} of {name}"
                    if head in ("town", "city", "township", "village", "ward"):
                        label = name
                a = s.find(raw, m.start()) if len(names) > 1 else m.start()
                a = max(a, s.find(name, a))  # without its owner: "the Military Council's X camp"
                b = m.end() if (len(names) == 1 or i == len(names) - 1) else a + len(raw)
                out.append(Place(offset + a, offset + b, label, kind))
    return out


# "the Hpa Lu area's sentry post", "the Hpa Lu hilltop fortified camp": a name anchored by "the",
# then one to three lower-case words the modifier list does not hold, then a site's head noun
_DESCRIBED_HEADS = frozenset({"camp", "base", "outpost", "post", "headquarters", "garrison", "checkpoint", "stronghold",
                              "encampment", "company", "battalion", "command", "barracks", "barrack", "cantonment",
                              "bunker", "battery", "station", "gate", "police station", "security post", "guard post",
                              "border post", "police post", "military base", "military camp", "depot"})
_DESCRIBED_BEFORE = re.compile(
    rf"\b(?i:the)\s+(?P<name>{CAPSEQ})(?:['’]s)?\s+(?P<mod>(?:[a-z][a-z'’-]*\s+){{1,3}})$")
_DESCRIBED_HEAD = re.compile(rf"(?i:{_HEADS_RE})(?![\w-])")
# the words that end a noun phrase or open another: never a modifier of a site's name
_NOT_MODIFIER = frozenset("""
the a an and or but nor of in at on to from by with for near into onto over under after before since as that this
these those which who whom whose where when while its their his her our your my is was were are be been being has
had have having also not no then than said says told including plus both all every each some many several few two
three four five six seven eight nine ten other another such just only nearby remaining last first second third
refugee refugees displacement displaced idp idps relief evacuation evacuee evacuees people residents civilians
villagers students workers labour labor detention prisoners prisoner home homes houses house family families
children women men it they he she we there here what how why so yet if because though although whether
""".split())


def _described_sites(s: str, offset: int, free, gates: SiteGates) -> list[Place]:
    """Sites a name anchors whose modifiers NAMED_SITE_RE does not know ("the Hpa Lu area's
    sentry post"): the name after "the", at most three lower-case words that are no function
    word, then a head noun of a military or guarded site (``_DESCRIBED_HEADS``)."""
    out: list[Place] = []
    low = s.lower()
    for h in gates.heads:
        head = _DESCRIBED_HEAD.match(s, h)
        if head is None:
            continue
        hw = " ".join(head.group().lower().split())
        if hw not in _DESCRIBED_HEADS or not free(h, head.end()):
            continue
        # the name's "the": no other "the" stands between it and the head noun
        lo = max(0, h - 160)
        the = low.rfind("the", lo, h)
        while the >= 0 and (the > 0 and low[the - 1].isalnum() or not low[the + 3:the + 4].isspace()):
            the = low.rfind("the", lo, the)  # ("they", "Northern": no word "the")
        m = _DESCRIBED_BEFORE.match(s, the, h) if the >= 0 else None
        if m is None:
            continue
        mods = m.group("mod").split()
        if any(w.rstrip("'’s").rstrip("'’") in _NOT_MODIFIER or w in _NOT_MODIFIER or w.endswith("ly") for w in mods):
            continue
        a = m.start("name")
        if not free(a, head.end()) or any(not (head.end() <= p.start - offset or a >= p.end - offset) for p in out):
            continue
        name = _strip_lead(m.group("name"))
        if not name or name in UNIT_ABBR or name.isupper() and len(name) <= 4:
            continue
        a = max(a, s.find(name, a))
        out.append(Place(offset + a, offset + head.end(), " ".join(s[a:head.end()].split()), HEAD_KIND.get(hw, "other")))
    return out


_DIGIT = re.compile(r"\d")
# "the border guard post 12", "the police station No. (3)": a site a number names, its modifiers before it
_NUMBERED_HEAD = re.compile(
    r"(?P<head>camp|outpost|post|gate|checkpoint|bridge|base|station|police\s+station|guard\s+post|security\s+post|"
    r"border\s+post|checkpost)\s+(?:[Nn]o\.?\s*)?(?:\(\d{1,3}\)|\d{1,3}\b)"
    r"(?![\d,.]*\s*(?:km|kilomet|miles?|%|feet|ft|met(?:re|er)s|days?|times|hours?|weeks?|months?|years?|[a-z]+s\b))")
_MODS_BEFORE = re.compile(rf"(?<![\w'’-])(?:(?:{_MODS_RE})\s+){{0,3}}$", re.I)


def _numbered_sites(s: str, offset: int, free, gates: SiteGates) -> list[Place]:
    """Sites named by a number after their head noun, lower case ("the border guard post 12",
    "the police station No. 3"), with the modifiers before the head noun."""
    out: list[Place] = []
    for h in gates.heads:
        m = _NUMBERED_HEAD.match(s, h)
        if m is None or not free(h, m.end()) or any(h < p.end - offset for p in out):
            continue
        mods = _MODS_BEFORE.search(s, max(0, h - 80), h)
        a = mods.start() if mods else h
        if not free(a, m.end()):
            a = h
        head = " ".join(m.group("head").lower().split())
        out.append(Place(offset + a, offset + m.end(), " ".join(s[a:m.end()].split()), HEAD_KIND.get(head, "other")))
    return out


_HELD_BY = re.compile(r"^[\w'’]+-(?:controlled|held|occupied|run|based|backed|led|allied)$", re.I)


_HONORIFICS = frozenset({"Ma", "Ko", "Daw", "Saw", "Naw", "Nang", "Sai", "Bo", "U"})
# the first words a site's name keeps before another capitalised word: Burmese syllables that are
# also titles or common names ("Aung Thar Yar camp", "Min Gyi outpost") and the words that tell a
# place from its namesake ("New Ywa Thit outpost", "Upper Hpa Lu camp")
_NAME_LEADS = _HONORIFICS | frozenset({"Min", "Aung", "Hlaing", "New", "Old", "Upper", "Lower"})


def _strip_lead(name: str) -> str:
    """A site name without the sentence words before it and without its owner ("the
    Military Council's Thit Cha camp" → "Thit Cha")."""
    words = name.split()
    owner = max((i for i, w in enumerate(words) if w.endswith(("'s", "’s"))), default=-1)
    if 0 <= owner < len(words) - 1:
        words = words[owner + 1:]
    while words and (words[0] in LEAD_STOP or words[0].lower() in ("the",) or _HELD_BY.match(words[0])):
        if words[0] in _NAME_LEADS and len(words) >= 2 and words[1][:1].isupper() and words[1] not in NOT_PLACE:
            break  # "Ma Hlaing Gone village", "Min Gyi camp", "Upper Hpa Lu camp": a word of the name, not a title
        words = words[1:]
    if not words or all(w in NOT_PLACE or w.endswith(("'s", "’s")) and w[:-2] in NOT_PLACE for w in words):
        return ""  # "Kachin's jade hub": a region's, no name of a site
    return " ".join(words)


# one word that ``_trim_bare`` always drops: a sentence word or title (``LEAD_STOP``), a word
# of ``NOT_PLACE`` alone, anything shorter than three characters
_NEVER_BARE = frozenset(LEAD_STOP) | frozenset(w for w in NOT_PLACE if not any(c.isspace() for c in w))


_ETHNIC_LEAD = frozenset({"Chin", "Shan", "Kachin", "Mon", "Wa", "Karen", "Kayin", "Kayah"})  # "Chin Shwe Haw" is a town
_SPEAKER_VERBS = ("said", "says", "told", "added", "explained", "stated", "wrote", "confirmed", "noted", "claimed",
                  "learned", "learnt")  # "…, Tongsan learned": the outlet
_AREA_FIRST = frozenset("radfvmhsb")  # the first letters of _AREA_AFTER's words


def _speaker_after(s: str, e: int) -> bool:
    """``_SPEAKER_AFTER.match(s, e)``, tried only where it can match: at a comma, or after white
    space at a comma or one of its verbs (``_SPEAKER_VERBS``, checked in ``test_places``)."""
    n = len(s)
    j = e
    while j < n and s[j].isspace():
        j += 1
    if j < n and s[j] == "," or j > e and s.startswith(_SPEAKER_VERBS, j):
        return _SPEAKER_AFTER.match(s, e) is not None
    return False


def _area_after(s: str, e: int) -> bool:
    """``_AREA_AFTER.match(s, e)``, tried only after white space and before a letter one of its
    words opens with (any letter outside ASCII: case folding may match it)."""
    n = len(s)
    j = e
    while j < n and s[j].isspace():
        j += 1
    if j == e or j == n or s[j].isascii() and s[j].lower() not in _AREA_FIRST:
        return False
    return _AREA_AFTER.match(s, e) is not None


# the words of _TITLE_BEFORE (lower case; checked in ``test_scan``)
_TITLES = ("spokesperson", "spokesman", "spokeswoman", "officer", "official", "commander", "leader", "chairman",
           "secretary", "director", "analyst", "resident", "villager", "colonel", "general", "captain", "major",
           "lieutenant")


def _title_before(s: str, a: int) -> bool:
    """``_TITLE_BEFORE`` found both in the 25 characters before ``a`` and in ``s[:a]``, looked for
    only where it can match: an ASCII window must end, white space stripped, with one of
    ``_TITLES`` (case-insensitive matching of non-ASCII letters goes to the expression)."""
    window = s[max(0, a - 25):a]
    if window.isascii() and not window.rstrip().lower().endswith(_TITLES):
        return False
    return _TITLE_BEFORE.search(window) is not None and _TITLE_BEFORE.search(s, 0, a) is not None


def _list_before(s: str, a: int) -> bool:
    """``_LIST_BEFORE.search(s, 0, a)``, looked for only where it can match: the word ("and",
    ",", "of" …) must end where the white space before ``a`` begins."""
    j = len(s[:a].rstrip())
    if j == a:
        return False  # no white space before ``a``: ``\s+$`` cannot match
    return _LIST_BEFORE.search(s, max(0, j - 4), a) is not None


_THE_AREA = re.compile(r"\s+area\b")


_GROUP_AFTER = re.compile(r"\s+(?:armed\s+(?:group|groups|organi[sz]ation)|militias?|rebels|insurgents)\b")


def _trim_bare(m: re.Match, s: str) -> tuple[int, int, str]:
    """A bare capitalised name without the sentence words and titles around it; none when
    what is left is a possessive of a known name ("Myanmar's"), a common word opening the
    sentence ("Locals", "Backed", "Shortly") or an outlet ("… Times")."""
    group = m.group()
    if len(group) < 3 or group in _NEVER_BARE:
        return 0, 0, ""  # one word every path below drops (a cheap look first)
    words = group.split()
    a = m.start()
    e = m.end()
    first = words[0]
    # "Min Let Pan", "Nawn Thlawk Bo": a Burmese honorific inside a place name listed or
    # located ("the villages of A, Min Let Pan and B") is part of the name
    listed = len(words) > 1 and _list_before(s, a)
    if _GROUP_AFTER.match(s, e):
        return 0, 0, ""  # "the Kadu armed group", "Pa-O militia": people, not a place
    while words and (words[0] in LEAD_STOP or words[0].rstrip("'’s") in NOT_PLACE and len(words) > 1
                     or len(words) > 1 and _HELD_BY.match(words[0])) and not (
            listed and words[0] in _LISTED_NAME_WORDS) and not (
            words[0] in _ETHNIC_LEAD and len(words) >= 3 and not any(w in NOT_PLACE for w in words[1:])) and not (
            # "New Likkamaw", "Old Bagan", "Upper Hpa Lu": a village told apart from its namesake
            words[0] in _NAMESAKE_LEAD and len(words) >= 2 and not any(w.rstrip("'’s") in NOT_PLACE for w in words[1:])):
        a = s.find(words[1], a + len(words[0])) if len(words) > 1 else m.end()
        words = words[1:]
    while words and words[-1] in LEAD_STOP and words[-1] not in HONORIFICS and not (
            # "Wan Aung", "Ywa Aung": a last syllable of a place's name, not a person's ("Ko Aung" is one)
            words[-1] == "Aung" and len(words) >= 2 and words[0] not in LEAD_STOP and words[-2] not in LEAD_STOP):
        words = words[:-1]
    if not words:
        return 0, 0, ""
    if words[-1].endswith(("'s", "’s")):
        words[-1] = words[-1][:-2]
        if words[-1] in NOT_PLACE or len(words) == 1:
            return 0, 0, ""
    if _area_after(s, e):
        area = _THE_AREA.match(s, e) if s[max(0, a - 4):a].lower() == "the " else None
        if area is None or len(words) > 3 or words[-1] in NOT_PLACE:
            return 0, 0, ""  # "the Indawgyi region", "Karen State": an area, not a site
        words.append("area")  # "regained the Nyaung Wun area": the place and around it
        e = area.end()
    if all(w in NOT_PLACE for w in words) or words[-1] in _OUTLET_WORDS or words[0] in NOT_PLACE and len(words) == 1:
        return 0, 0, ""
    if len(words) == 1 and words[0].lower() in HEAD_KIND:
        return 0, 0, ""  # "the Asian Highway" without its first word: a head noun, no name
    if a == 0 or s[:a].strip() in ("\"", "“", "‘", "'"):
        w = words[0]
        if len(words) == 1 and (w.endswith(("ed", "ly", "s")) or w.endswith("ing") and re.match(
                r"\s+(?:the|a|an|to|by|on|in|at|from|with|through|its|their|his|her|into|up|down)\b", s[a + len(w):])):
            return 0, 0, ""
    name = " ".join(words)
    if len(name) < 3 or name.isupper() and len(name) <= 5:
        return 0, 0, ""  # acronyms are actors or units, not places
    if _person(s, first, m.start(), m.end()):
        return 0, 0, ""  # "Colonel Naw Bu", "Sui Khar said": a person (every test above is pure: the costliest goes last)
    b = s.find(words[-1], a) + len(words[-1])
    return a, b, name


def _person(s: str, first: str, a: int, e: int) -> bool:
    """Whether the capitalised run ``s[a:e]`` (its first word ``first``) names a person: a title
    opens it, a speech verb follows it ("Sui Khar said") or a title stands before it."""
    return first.rstrip(".") in PERSON_TITLES or _speaker_after(s, e) or (
        a > 0 and s[a - 1].isspace() and _title_before(s, a))
