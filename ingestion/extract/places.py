"""Places named in a sentence: military units ("IB 236", "ခလရ (၂၃၆)"), typed places
("Mohnyin town", "the village of Kyauk Yan", "the checkpoint at Taw Naw"), generic ones
("two hilltop outposts near Kutkai", "the base") and bare names ("Hopin").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingestion.extract.scan import contains_any, finditer_from
from ingestion.models import Unit

BURMESE_DIGITS = str.maketrans("၀၁၂၃၄၅၆၇၈၉", "0123456789")

UNIT_WORDS = {
    "light infantry battalion": "light_infantry_battalion",
    "infantry battalion": "infantry_battalion",
    "tank battalion": "tank_battalion",
    "armoured battalion": "armoured_battalion",
    "armored battalion": "armoured_battalion",
    "artillery battalion": "artillery_battalion",
    "military operations command": "military_operations_command",
    "military operation command": "military_operations_command",
    "regional operations command": "regional_operations_command",
    "regional operation command": "regional_operations_command",
    "regional military command": "regional_military_command",
    "light infantry division": "light_infantry_division",
    "battalion": "battalion",
}
UNIT_ABBR = {
    "LIB": "light_infantry_battalion", "IB": "infantry_battalion", "TB": "tank_battalion",
    "AB": "armoured_battalion", "ArtyB": "artillery_battalion", "MOC": "military_operations_command",
    "ROC": "regional_operations_command", "RMC": "regional_military_command",
    "LID": "light_infantry_division", "AAB": "artillery_battalion",
}
BURMESE_UNITS = {
    "ခလရ": "infantry_battalion", "ခမရ": "light_infantry_battalion", "တကရ": "tank_battalion",
    "စကခ": "military_operations_command", "ဒကစ": "regional_operations_command",
    "တမခ": "light_infantry_division", "အမရ": "artillery_battalion",
}

_UNIT_TYPE = (r"(?:Light\s+Infantry\s+Battalions?|Infantry\s+Battalions?|Tank\s+Battalions?|Armou?red\s+Battalions?|"
              r"Artillery\s+Battalions?|Military\s+Operations?\s+Commands?|Regional\s+Operations?\s+Commands?|"
              r"Regional\s+Military\s+Commands?|Light\s+Infantry\s+Divisions?|Battalions?)")
_NUM = r"\d{1,4}"
# Each expression below opens with a look-ahead for the first characters its matches can start
# with: it changes no match, but lets the regex engine skip every other position at C speed.
UNIT_RE = re.compile(
    rf"""(?=\d|[LITAMRBNSECWYခတစဒအ])
       (?:(?:(?P<ord>\d{{1,3}})(?:st|nd|rd|th)\s+)?(?P<type>{_UNIT_TYPE})
         (?:\s*\((?P<abbr>[A-Za-z]{{2,5}})\))?
         (?:\s*[-–]?\s*(?:No\.?\s*)?(?P<num>{_NUM})\b(?P<more>(?:\s*(?:,|,?\s*and|&)\s*{_NUM}\b)*))?
       | \b(?P<ab>LIB|IB|TB|AB|MOC|ROC|RMC|LID|ArtyB|AAB)\s*[-–]?\s*\(?(?P<num2>{_NUM})\)?(?![\w-])
       | (?P<bt>ခလရ|ခမရ|တကရ|စကခ|ဒကစ|တမခ|အမရ)\s*[\(（]?\s*(?P<bnum>[၀-၉0-9]{{1,4}})\s*[\)）]?
       | (?P<cmd>\b(?:Northern|Southern|Eastern|Western|Central|Coastal|North[- ]?[Ee]astern|North[- ]?[Ee]ast|North[- ]?[Ww]estern|South[- ]?[Ee]astern|South[- ]?[Ww]estern|Yangon|Naypyitaw|Triangle)\s+(?:Regional\s+)?(?:Military\s+)?Command)\b)
    """,
    re.X,
)
# every UNIT_RE match contains one of these (case-sensitive)
UNIT_STEMS = ("Battalion", "Command", "Division", "IB", "TB", "AB", "MOC", "ROC", "RMC", "LID", "ArtyB", *BURMESE_UNITS)
_BASE_SUFFIX = re.compile(r"^\s*(?:forward\s+)?(?:bases?|camps?|headquarters|HQ|compound|garrison)\b")

CAP = r"[A-Z][\w'’]*(?:-[A-Z][\w'’]*)?"
CAPSEQ = rf"{CAP}(?:\s+{CAP}){{0,3}}"

HEAD_KIND = {
    "town": "town", "city": "town", "village": "village", "ward": "urban_ward", "wards": "urban_ward",
    "township": "township", "airport": "airport", "airbase": "military_base", "air base": "military_base",
    "naval base": "military_base", "bridge": "other", "border gate": "other", "trade gate": "other",
    "gate": "other", "police station": "other", "checkpoint": "outpost", "outpost": "outpost",
    "border post": "outpost", "police outpost": "outpost", "post": "outpost", "guard post": "outpost",
    "camp": "outpost", "base": "military_base", "headquarters": "military_base", "peak": "outpost",
    "hill": "outpost", "road": "road", "highway": "road", "neighbourhood": "urban_ward",
    "neighborhood": "urban_ward", "quarter": "urban_ward",
}
_HEADS = (r"(?:naval\s+base|air\s*base|border\s+gate|trade\s+gate|police\s+station|police\s+outpost|border\s+post|guard\s+post|"
          r"town|city|village|ward|[Tt]ownship|[Aa]irport|bridge|gate|checkpoint|outpost|camp|base|[Pp]eak|[Hh]ill)")
# every head of _HEADS contains one of these (case-sensitive): no stem, no typed place
HEAD_STEMS = ("base", "gate", "station", "post", "town", "ownship", "city", "village", "ward", "irport", "bridge",
              "checkpoint", "camp", "eak", "ill")
TYPED_AFTER_RE = re.compile(rf"(?=[A-Z])\b(?P<name>{CAPSEQ})\s+(?P<head>{_HEADS})\b(?!\s+of\b)")
TYPED_BEFORE_RE = re.compile(
    rf"(?=[tcvwnabpgoTAPHh])\b(?P<head>town|city|village|ward|township|{_HEADS}s?)\s+(?:of|at|near|above|in|on|called)\s+(?:the\s+)?(?P<name>{CAPSEQ})"
    rf"(?:\s+(?P<tail>village|ward|town)|\s+(?P<geo>ridge|range|hills?|mountains?|river|valley|pass|highway|road))?")
_TYPED_PRE = re.compile(
    r"\b(?P<det>the|a|an|its|their|two|three|four|five|six|seven|eight|nine|ten|several|both|\d{1,3})\s+"
    r"(?P<mods>(?:(?!(?:the|a|an|and|or|of|in|at|on|near|to|from|by|with)\b)[\w'’-]+\s+){0,2})$", re.I)
_NAME_BEFORE = re.compile(r"\b([A-Z][\w'’-]*)\s+$")
_OF_OWNER = re.compile(r"\s+of\s+(?:the\s+)?(?:(?:military|junta|army|regime|Tatmadaw|SAC)['’]s\s+)?", re.I)
_MOD_SKIP = re.compile(r"^(?:(?:junta|regime|military|army|SAC|Tatmadaw)(?:['’]s)?\s+)+$", re.I)
_GENERIC_NOUN = (r"(?:urban\s+wards?|wards?|urban\s+neighbou?rhoods?|neighbou?rhoods?|guard\s+posts?|border\s+posts?|police\s+outposts?|"
                 r"police\s+stations?|border\s+(?:trade\s+)?gates?|checkpoints?|outposts?|camps?|bases?|posts?|positions?|"
                 r"bridges?|airport|town|village|headquarters)")
_DET = (r"(?:the|a|an|its|their|our|two|three|four|five|six|seven|eight|nine|ten|several|both|some|many|\d{1,3}(?!\d)|"
        r"more\s+than\s+\d+|dozens\s+of|scores\s+of|most\s+of\s+(?:the|its)|part\s+of\s+the|a\s+section\s+of\s+the)")
GENERIC_RE = re.compile(
    rf"\b(?P<det>{_DET})\s+(?P<mods>(?:(?!(?:the|a|an|it|its|and|or|of|in|at|on|near|to|from|by|with)\b)[\w'’-]+\s+){{0,3}}?)(?P<noun>{_GENERIC_NOUN})\b"
    rf"(?:\s+(?P<prep>near|around|above|at|on|in|outside|of)\s+(?:the\s+)?(?P<loc>(?-i:{CAPSEQ})))?",
    re.I,
)
# every _GENERIC_NOUN contains one of these (any case)
GENERIC_STEMS = ("ward", "neighbo", "post", "station", "gate", "checkpoint", "camp", "base", "position", "bridge",
                 "airport", "town", "village", "headquarters")
# where GENERIC_RE can start (lower-cased text): a determiner of _DET (see ``scan.finditer_from``)
GENERIC_STARTS = re.compile(
    r"\b(?:[0-9]|(?:the|a|an|its|their|our|two|three|four|five|six|seven|eight|nine|ten|several|both|some|many|more|"
    r"dozens|scores|most|part)\b)")
BARE_RE = re.compile(rf"\b{CAPSEQ}\b")

NOT_PLACE = {
    "The", "A", "An", "In", "On", "At", "By", "It", "Its", "He", "She", "They", "We", "Our", "Their",
    "This", "That", "These", "Those", "But", "And", "Or", "After", "Before", "Since", "According",
    "Junta", "Regime", "State", "Region", "Township", "Residents", "Fighters", "Troops", "Soldiers",
    "Police", "Army", "Military", "Government", "Elsewhere", "Further", "Two", "Three", "Four",
    "Nearly", "More", "Some", "Most", "Many", "Several", "About", "Also", "Both", "Neither", "None",
    "Nobody", "One", "While", "When", "Where", "Which", "Who", "Colonel", "Col", "Major", "Maj",
    "General", "Gen", "Captain", "Capt", "Lieutenant", "Lt", "Brigadier", "Spokesperson", "Saw",
    "Salai", "Naw", "Bo", "Sai", "Nang", "Daw", "Ko", "Ma", "Mr", "Ms", "Mrs", "Dr", "Local", "Thai",
    "Chinese", "Indian", "United", "Nations", "UN", "Telegram", "Facebook", "Operation", "Northeast",
    "Command", "Brigade", "Battalion", "Myanmar", "Burma", "Burmese", "China", "India", "Thailand",
    "Bangladesh", "Asian", "Highway", "River", "Range", "Monday", "Tuesday", "Wednesday", "Thursday",
    "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December", "Regional", "Light", "Infantry",
    "Meanwhile", "However", "Now", "Then", "Today", "Yesterday", "Last", "Earlier", "Later",
    "If", "As", "With", "From", "For", "To", "Of", "Despite", "Although", "Though", "Until",
    "Hundreds", "Thousands", "Dozens", "Scores", "Hopes", "People's", "Defence", "Force", "Forces",
    "Independence", "National", "Liberation", "Alliance", "Brotherhood", "Council", "Islamic",
    "Tatmadaw", "Kachin", "Karen", "Karenni", "Chin", "Shan", "Rakhine", "Mon", "Kayin", "Kayah",
    "Sagaing", "Magway", "Mandalay", "Bago", "Yangon", "Ayeyarwady", "Tanintharyi", "Arakan",
    "Kokang", "Wa", "Ta'ang", "Bamar", "Pa-O", "Junta-controlled", "Junta-run", "Regime-controlled",
    "Neither", "Nor", "Such", "There", "Here", "What", "Why", "How", "All", "No", "Yes", "Only",
    "Ahead", "Voting", "Families", "Villagers", "Civilians", "Camp", "Aid", "Relief", "Red", "Cross",
    "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Eleven", "Twelve", "Thirteen", "Fourteen", "Fifteen",
    "Twenty", "Thirty", "Forty", "Fifty", "Hundred", "Dozen", "Several", "Another", "Other", "Insurgents",
    "Terrorists", "Rebels", "Security",
}


LEAD_STOP = {
    "The", "A", "An", "In", "On", "At", "By", "It", "Its", "He", "She", "They", "We", "Our", "Their",
    "This", "That", "These", "Those", "But", "And", "Or", "After", "Before", "Since", "According",
    "Elsewhere", "Further", "While", "When", "Where", "Which", "Who", "If", "As", "With", "From", "For",
    "To", "Of", "Despite", "Although", "Though", "Until", "Meanwhile", "However", "Now", "Then", "Also",
    "Both", "Some", "Most", "Many", "Several", "About", "Nearly", "More", "Two", "Three", "Four",
    "Junta", "Regime", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "Residents", "Troops", "Soldiers", "Police", "Local", "Last", "Earlier",
}


@dataclass
class Place:
    """A place mention in a sentence (offsets relative to the sentence)."""

    start: int
    end: int
    name: str
    kind: str
    unit: Unit | None = None
    generic: bool = False  # no proper name ("the base", "two outposts")
    definite: bool = False  # "the base", "the two bases": may point back
    count: int = 1  # "the two bases" -> 2
    bare: bool = False  # a capitalised name with no type word
    gaz_keys: tuple[str, ...] = field(default_factory=tuple)
    ref: str | None = None  # merge key, filled by the extractor

    @property
    def key(self) -> str:
        if self.unit is not None:
            return self.unit.key
        return self.ref or norm_name(self.name)


_STRIP = re.compile(r"\b(?:the|base|bases|headquarters|hq|camp|town|city|township|ward|village)\b|[^\w]+", re.I)


def norm_name(name: str) -> str:
    return " ".join(_STRIP.sub(" ", name.lower().replace("’", "'").replace("'s", "")).split())


_DANGLING_OF = re.compile(r"\b(?:of|the|of the)$")
_COUNT = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
          "ten": 10, "both": 2}


def _unit_mentions(s: str) -> list[Place]:
    out: list[Place] = []
    if not contains_any(s, UNIT_STEMS):
        return out
    for m in UNIT_RE.finditer(s):
        start, end = m.start(), m.end()
        suffix = _BASE_SUFFIX.match(s[end:])
        name_end = end + (suffix.end() if suffix else 0)
        if m.group("type"):
            tword = " ".join(m.group("type").lower().split()).rstrip("s")
            if tword.endswith("command") or tword.endswith("division") or tword.endswith("battalion"):
                pass
            utype = UNIT_WORDS.get(tword, UNIT_WORDS.get(tword + "s", "other"))
            abbr = m.group("abbr")
            if abbr and abbr.upper() in {k.upper() for k in UNIT_ABBR}:
                utype = UNIT_ABBR.get(abbr, UNIT_ABBR.get(abbr.upper(), utype))
            nums = []
            if m.group("num"):
                nums = [m.group("num")] + re.findall(r"\d{1,4}", m.group("more") or "")
            elif m.group("ord"):
                nums = [m.group("ord")]
            if not nums:
                if utype == "battalion":
                    continue  # "PDF battalions": not a place
                # a named command without number ("the Regional Operations Command")
                pre = re.search(rf"({CAPSEQ})\s+$", s[:start])
                lead = pre.group(1) + " " if pre and pre.group(1).split()[-1] not in NOT_PLACE else ""
                nstart = pre.start(1) if lead else start
                nm = lead + " ".join(m.group("type").split())
                out.append(Place(nstart, name_end, nm + (" headquarters" if not suffix else s[end:name_end].rstrip()),
                                 "military_base", None))
                continue
            for n in nums:
                unit = Unit(utype, n.lstrip("0") or "0")
                out.append(Place(start, name_end, _unit_name(s[start:end], suffix is not None, s[end:name_end]), "military_base", unit))
        elif m.group("ab"):
            unit = Unit(UNIT_ABBR[m.group("ab")], m.group("num2").lstrip("0") or "0")
            out.append(Place(start, name_end, _unit_name(s[start:end], suffix is not None, s[end:name_end]), "military_base", unit))
        elif m.group("bt"):
            num = m.group("bnum").translate(BURMESE_DIGITS)
            unit = Unit(BURMESE_UNITS[m.group("bt")], num.lstrip("0") or "0")
            out.append(Place(start, name_end, s[start:end].strip(), "military_base", unit))
        elif m.group("cmd"):
            nm = " ".join(m.group("cmd").split())
            out.append(Place(start, name_end, nm + (" headquarters" if not suffix else s[end:name_end].rstrip()),
                             "military_base", None))
    # "21st Military Operations Command (MOC-21)": one unit, not two
    dedup: list[Place] = []
    for p in out:
        if dedup and p.unit and dedup[-1].unit and p.unit.key == dedup[-1].unit.key and p.start - dedup[-1].end <= 3:
            dedup[-1].end = max(dedup[-1].end, p.end)
            continue
        dedup.append(p)
    return dedup


def _unit_name(text: str, has_suffix: bool, suffix: str) -> str:
    text = " ".join(text.split())
    if has_suffix:
        word = suffix.strip().split()[-1].lower()
        return f"{text} {'base' if word in ('bases', 'base') else word}"
    return f"{text} base"


_UNIT, _HEAD, _GENERIC = 1, 2, 4  # a word holds a stem of UNIT_STEMS, HEAD_STEMS, GENERIC_STEMS (any case)
_WORD_STEMS: dict[str, int] = {}  # word (as written) -> its bits (words repeat)


def _word_stems(word: str) -> int:
    bits = ((_UNIT if contains_any(word, UNIT_STEMS) else 0) | (_HEAD if contains_any(word, HEAD_STEMS) else 0)
            | (_GENERIC if contains_any(word.lower(), GENERIC_STEMS) else 0))
    if len(_WORD_STEMS) < 200_000:
        _WORD_STEMS[word] = bits
    return bits


def _stems_in(s: str) -> int:
    """Which stem families ``s`` holds, one look-up per word instead of one test per stem (a
    stem holds no white space: it is in ``s`` exactly when it is in one of its words).
    _GENERIC follows ``may_contain``: always set for non-ASCII text."""
    bits = 0 if s.isascii() else _GENERIC
    get = _WORD_STEMS.get
    for w in s.split():
        b = get(w)
        bits |= _word_stems(w) if b is None else b
    return bits


def _loc_end(m: re.Match) -> int | None:
    """End of the place named after a generic noun ("the camp near Hpakant"), None when the
    words after the preposition name no place: a time ("the base on Tuesday night", "at
    dawn", "in March") or a sentence word ("But", "After"). The name stops at its last
    capitalised word that is no time or function word."""
    loc = m.group("loc")
    if not loc:
        return None
    words = loc.split()
    if words[0] in LEAD_STOP or words[0] in _TIME_WORDS:
        return None
    keep = 0
    for i, w in enumerate(words):
        if w in LEAD_STOP or w in _TIME_WORDS:
            break
        keep = i + 1
    words = words[:keep]
    if not words or all(w in NOT_PLACE for w in words):
        return None
    start = m.start("loc")
    return start + len(" ".join(words)) if loc.startswith(" ".join(words)) else m.end("loc")


_TIME_WORDS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
               "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept",
               "Oct", "Nov", "Dec", "Christmas", "Thingyan"}


def find_places(s: str, taken: list[tuple[int, int]]) -> list[Place]:
    """Every place mention of sentence ``s``; ``taken`` are spans of actors (never places)."""
    stems = _stems_in(s)
    places = _unit_mentions(s) if stems & _UNIT else []

    def free(a: int, b: int) -> bool:
        return all(b <= x or a >= y for x, y in taken) and all(b <= p.start or a >= p.end for p in places)

    typed = stems & _HEAD
    for m in (TYPED_BEFORE_RE.finditer(s) if typed else ()):
        name = m.group("name")
        if name.split()[0] in LEAD_STOP or all(w in NOT_PLACE for w in name.split()):
            continue
        head = m.group("head").lower().rstrip("s") if m.group("head").lower() not in ("headquarters",) else "headquarters"
        head = " ".join(head.split())
        named = _NAME_BEFORE.search(s, 0, m.start())
        if named and named.group(1) not in NOT_PLACE and named.group(1) not in LEAD_STOP:
            continue  # "Shwe Kyee Nar ward in Bhamo": the head closes the name before it
        kind = HEAD_KIND.get(head, "other")
        if head in ("town", "city", "village", "ward", "township"):
            nm = name
        else:
            nm = s[m.start():m.end()]
            if m.group("tail"):
                nm = s[m.start():m.end()]
        if m.group("tail") and head in ("checkpoint", "outpost", "camp", "post", "border post", "police outpost"):
            pass
        a = m.start()
        count = 1
        pre = _TYPED_PRE.search(s[:a])
        if pre and head not in ("town", "city", "village", "ward", "township"):
            # "two hilltop outposts near X", "a junta camp at X": the determiner and modifiers belong to it
            mods = pre.group("mods") or ""
            det = pre.group("det").lower()
            if m.group("head").lower().endswith("s") and head != "headquarters":
                count = int(det) if det.isdigit() else _COUNT.get(det, 1)
            if free(pre.start(), m.end()):
                a = pre.start()
                nm = (mods + nm) if mods and not _MOD_SKIP.match(mods) else nm
            elif mods and free(pre.start("mods"), m.end()):
                a = pre.start("mods")
                nm = mods + nm
        if free(a, m.end()):
            places.append(Place(a, m.end(), nm, kind, count=count))
        elif free(m.start(), m.end()):
            places.append(Place(m.start(), m.end(), nm, kind, count=count))
    for m in (TYPED_AFTER_RE.finditer(s) if typed else ()):
        name = m.group("name")
        words = name.split()
        while words and words[0] in LEAD_STOP:
            words = words[1:]
        if not words or all(w in NOT_PLACE for w in words):
            continue
        a = m.start("name") + name.index(words[0])
        head = " ".join(m.group("head").lower().split())
        kind = HEAD_KIND.get(head.replace("airbase", "air base"), "other")
        nm = " ".join(words) + " " + m.group("head")
        if kind in ("town", "village", "urban_ward", "township"):
            nm = " ".join(words) if kind != "urban_ward" else nm
        if free(a, m.end()):
            places.append(Place(a, m.end(), nm, kind))
    for m in (finditer_from(GENERIC_RE, GENERIC_STARTS, s) if stems & _GENERIC else ()):
        if not free(m.start("noun"), m.end("noun")):
            continue  # "the town of X": already a typed place
        if not free(m.start(), m.start("noun")):
            continue
        det = m.group("det").lower()
        noun = " ".join(m.group("noun").lower().split())
        sing = noun[:-1] if noun.endswith("s") and not noun.endswith("headquarters") else noun
        if sing.startswith("urban "):
            sing = sing[6:]
        kind = HEAD_KIND.get(sing, HEAD_KIND.get(sing.split()[-1], "other"))
        if sing == "position":
            kind = "outpost"
        mods = (m.group("mods") or "").lower()
        if "battalion" in mods or "army base" in (mods + sing) or "military base" in (mods + sing):
            kind = "military_base" if sing in ("base", "headquarters") else kind
        count = _COUNT.get(det, 1)
        if det.isdigit():
            count = int(det)
        plural = noun.endswith("s") and not noun.endswith("headquarters")
        loc_end = _loc_end(m)
        has_loc = loc_end is not None
        end = loc_end if has_loc else m.end("noun")
        nm = s[m.start():end]
        if nm.lower().startswith(("the ", "a ", "an ")):
            nm = nm.split(" ", 1)[1]
        definite = det in ("the", "its", "their", "both", "our") and not has_loc
        if not free(m.start(), end):
            end = m.end("noun")
            nm = s[m.start():end]
            definite = det in ("the", "its", "their", "both", "our")
        places.append(Place(m.start(), end, nm, kind, None, generic=not has_loc,
                            definite=definite, count=count if plural or det == "both" else 1))
    places = [p for p in places if not _DANGLING_OF.search(p.name)]
    places.sort(key=lambda p: p.start)
    # "the headquarters of the military's Western Command": one place, the named one
    starts = {p.start for p in places if not p.generic}
    out = []
    for p in places:
        if (p.generic or p.definite) and p.count == 1 and not p.unit:
            m = _OF_OWNER.match(s, p.end)
            if m and m.end() in starts:
                continue
        out.append(p)
    return out


def bare_names(s: str, taken: list[tuple[int, int]]) -> list[Place]:
    """Capitalised names not already taken: candidate towns ("seized Hopin")."""
    out = []
    for m in BARE_RE.finditer(s):
        a, b = m.start(), m.end()
        if any(not (b <= x or a >= y) for x, y in taken):
            continue
        words = m.group().split()
        while words and words[0] in LEAD_STOP:
            a += len(words[0]) + 1
            words = words[1:]
        while words and words[-1] in LEAD_STOP:
            words = words[:-1]
        if not words or all(w in NOT_PLACE for w in words):
            continue
        name = " ".join(words)
        b = a + len(name)
        if name.endswith(("’s", "'s")):
            name = name[:-2]
        if len(name) < 3 or name.isupper():
            continue
        out.append(Place(a, b, name, "town", bare=True))
    return out
