"""Figures in text: "at least 40", "more than 20", "nearly 100", "between 30 and 40",
"scores of", "dozens", "a dozen", "five", "4,600", "3.4 million".
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ingestion.extract.scan import AnyOf, finditer_from, lowered

WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a hundred": 100, "one hundred": 100, "a dozen": 12, "dozen": 12,
    "a thousand": 1000, "one thousand": 1000, "a million": 1_000_000,
}
# "a hundred", "a  hundred" (a double space in pasted or garbled text): any run of spaces between the words
_WORD_RE = "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in WORDS), key=len, reverse=True))
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_TENS = "(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
# "one hundred and fifty", "a hundred and twenty-five", "two hundred and six", "one hundred fifty" (no "and")
_HUNDRED_AND = (rf"(?:a|{_UNITS})\s+hundred\s+(?:and\s+)?(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
                rf"(?:[- ](?:{_UNITS}))?|ten|eleven|twelve|(?:thir|four|fif|six|seven|eigh|nine)teen|{_UNITS})\b")
_SMALL = (rf"(?:ten|eleven|twelve|(?:thir|four|fif|six|seven|eigh|nine)teen|{_TENS}(?:[- ](?:{_UNITS}))?|{_UNITS})")
# "one thousand two hundred", "two thousand and fifty", "a thousand five hundred and twenty"
_THOUSAND_AND = (rf"(?:a|{_SMALL})\s+thousand\s+(?:(?:and\s+)?(?:a|{_UNITS})\s+hundred(?:\s+(?:and\s+)?{_SMALL})?|and\s+{_SMALL})\b")
# "1,02,000" (Indian grouping: lakhs, in South Asian outlets)
_LAKH_GROUPED = r"\d{1,2}(?:,\d\d)+,\d{3}(?![\d,])"
_NUM = rf"(?:{_THOUSAND_AND}|{_HUNDRED_AND}|{_LAKH_GROUPED}|\d{{1,3}}(?:,\d{{3}})+|\d{{1,3}}(?:[ \u00a0\u202f]\d{{3}})+(?!\d|[,.]\d)|\d+(?:\.\d+)?|{_TENS}[- ](?:{_UNITS})\b|(?:{_WORD_RE}))(?:\s+(?:million|thousand|hundred|dozen|lakhs?)\b|(?<=\d)(?:m|mn|k|K)\b)?"
_HEDGE = (r"(?:no|not)\s+(?:less|fewer)\s+than|no\s+more\s+than|at\s+most|more\s+than|more\s+then|greater\s+than|upwards?\s+of|in\s+excess\s+of|well\s+over|just\s+over|a\s+minimum\s+of|over|at\s*least|no\s+fewer\s+than|nearly|almost|close\s+to|about|around|some|roughly|"
          r"approximately|an\s+estimated|estimated|up\s+to|as\s+many\s+as|fewer\s+than|less\s+than|under|"
          r"another|a\s+further|a\s+total\s+of")
_VAGUE = (r"scores|dozens|hundreds\s+of\s+thousands|hundreds|thousands|tens\s+of\s+thousands|several\s+hundred|"
          r"several\s+thousand|several\s+dozen|a\s+few\s+(?:hundred|thousand|dozen)|tens(?=\s+of\s)")


def _figure_expression(hedge: str, between: str, num_first: str, vague: str) -> str:
    """The figure expression: ``num_first`` is the number it opens with (the second of a range is
    any ``_NUM``)."""
    return rf"""(?<![\w.-])(?<!\d,)(?:(?P<hedge>{hedge})\s+)?(?:
        {between}\s+(?P<b1>{_NUM})(?:\s+and\s+|\s*[-–]\s*|\s+to\s+)(?P<b2>{_NUM})
      | (?P<n1>{num_first})(?:\s*(?:-|–|to)\s*|\s+or\s+)(?P<n2>{_NUM})(?:(?<=million)|(?<=thousand)|(?<=hundred)|(?<=dozen)|(?<=lakh)|(?<=lakhs)|(?!\s+(?:million|thousand|hundred|dozen|lakhs?)\b)(?=\s+[a-z]))
      | (?P<vague>{vague})(?:\s+of)?
      | (?P<num>{num_first})
    )(?P<trail>\s+or\s+(?:more|so|above)|\+|-plus\b|-odd\b|\s+plus(?=\s+[a-z]+\b)(?!\s+(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|another)\b))?(?![\w%])(?!-(?:thirds?|quarters?|fifths?|tenths?)\b)"""


FIGURE_RE = re.compile(_figure_expression(_HEDGE, "between", _NUM, _VAGUE), re.X | re.I)
# FIGURE_RE at a digit: what opens with a letter (a hedge, "between", a vague count, a number
# word) cannot match there and never does here ("(?!)"; its group stays None): the same match
_NUM_DIGITS = (rf"(?:{_LAKH_GROUPED}|\d{{1,3}}(?:,\d{{3}})+|\d{{1,3}}(?:[ \u00a0\u202f]\d{{3}})+(?!\d|[,.]\d)|\d+(?:\.\d+)?)"
               r"(?:\s+(?:million|thousand|hundred|dozen|lakhs?)\b|(?<=\d)(?:m|mn|k|K)\b)?")
_FIGURE_AT_DIGIT = re.compile(_figure_expression("(?!)", "(?!)", _NUM_DIGITS, "(?!)"), re.X | re.I)
# where a figure can start (lower-cased text): a digit, a number word, a vague count, or a hedge
# followed within two words by one of those (see ``scan.finditer_from``)
_STARTS_NUM = (r"[0-9]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
               r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|dozen|"
               r"thousand|million|between|several|scores|dozens|hundreds|thousands|tens")
FIGURE_STARTS = re.compile(
    rf"\b(?:{_STARTS_NUM}|(?:a|an|as|at|no|up|upward|upwards|in|well|just|over|under|some|more|less|fewer|about|around|"
    rf"almost|nearly|close|roughly|approximately|estimated|another)(?=\s+(?:[a-z]+\s+){{0,2}}?(?:{_STARTS_NUM}|a\s)))")
VAGUE = {"scores": 20, "dozens": 24, "hundreds": 200, "thousands": 2000, "tens of thousands": 20000,
         "hundreds of thousands": 200000, "a few hundred": 200, "a few thousand": 2000, "a few dozen": 24,
         "several hundred": 200, "several thousand": 2000, "several dozen": 24,
         "tens": 20}  # "tens of soldiers" (translated English): scores


@dataclass(frozen=True)
class Figure:
    start: int
    end: int
    value: float | None
    low: float | None
    high: float | None
    approximate: bool
    text: str

    @property
    def point(self) -> float:
        for v in (self.value, self.low, self.high):
            if v is not None:
                return v
        return 0.0


_SPACED_THOUSANDS = re.compile(r"(?<=\d)[ \u00a0\u202f](?=\d{3}\b)")


_DOT_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")


def parse_number(text: str) -> float | None:
    if text.isascii():
        plain = text.replace(",", "")
        if plain.isdigit():
            return float(plain)  # "12", "4,600": what the steps below come to
        if _DOT_THOUSANDS.fullmatch(plain):
            return float(plain.replace(".", ""))  # "2.000 people" (dots for thousands, rewritten text): 2000
    t = " ".join(_SPACED_THOUSANDS.sub("", text.lower().replace(",", "")).split())
    if t in WORDS:
        return float(WORDS[t])
    if " thousand " in t:
        # "one thousand two hundred", "two thousand and fifty"
        thousands, rest = t.split(" thousand ", 1)
        h, r = parse_number(thousands + " thousand"), parse_number(rest[4:] if rest.startswith("and ") else rest)
        return h + r if h is not None and r is not None else None
    if " hundred and " in t or " hundred " in t:
        hundreds, rest = t.split(" hundred and " if " hundred and " in t else " hundred ", 1)
        h, r = parse_number(hundreds + " hundred"), parse_number(rest)
        return h + r if h is not None and r is not None else None
    mult = 1
    if t[-1:] == "k" and t[:-1].replace(".", "", 1).isdigit():
        return float(t[:-1]) * 1000  # "15k", "2.5k" (thousands in social-media copy)
    if t[-1:] in ("m", "n") and t[:1].isdigit() and t.rstrip("mn")[-1:].isdigit():
        t, mult = t.rstrip("mn"), 1_000_000  # "3.5m", "1.2mn" (millions in wire and British copy)
        try:
            return float(t) * mult
        except ValueError:
            return None
    for word, m in (("million", 1_000_000), ("thousand", 1000), ("hundred", 100), ("dozen", 12), ("lakh", 100_000),
                    ("lakhs", 100_000)):
        if t.endswith(" " + word):
            t, mult = t[: -len(word) - 1], m
    if not t:
        return None
    if t in ("a", "an"):
        return float(mult)
    try:
        return float(t) * mult
    except ValueError:
        pass
    if t in WORDS:
        return float(WORDS[t]) * mult
    parts = re.split(r"[- ]", t)
    if len(parts) == 2 and parts[0] in WORDS and parts[1] in WORDS and WORDS[parts[0]] % 10 == 0 and WORDS[parts[1]] < 10:
        return float(WORDS[parts[0]] + WORDS[parts[1]]) * mult
    return None


def _clean(v: float) -> float | int:
    return int(v) if v == int(v) else v


# every figure holds a digit, a number word or a vague count; a hedge can only stand right
# before one: the scan looks for numbers, then for a hedge in the few characters before


def _by_first_letter(words: list[str]) -> str:
    """The alternation of ``words`` grouped by their first letter ("t(?:wo|hree|en)"): the same
    matches (two words of different first letters never match at one position; within a group
    the order is kept), found without trying every word at every word start."""
    groups: dict[str, list[str]] = {}
    for w in words:
        groups.setdefault(w[0], []).append(w[1:])
    return "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in groups.items())


_NUM_START = re.compile(r"[0-9]|\b(?:" + _by_first_letter([r"a\s+(?:few\s+)?(?:dozen|hundred|thousand|million)",
                                                            *_STARTS_NUM[len("[0-9]|"):].split("|")]) + ")")
_HEDGE_BEFORE = re.compile(rf"(?<![\w.-])(?<!\d,)(?:{_HEDGE})\s+$")
# the last word of every alternative of _HEDGE ("more than" -> "than", "at least" -> "least")
_HEDGE_ENDS = ("than", "then", "most", "of", "over", "least", "nearly", "almost", "to", "about", "around", "some", "roughly",
               "approximately", "estimated", "as", "under", "another", "further")


def _hedge_may_end(low: str, lo: int, p: int) -> bool:
    """False only where ``_HEDGE_BEFORE.search(low, lo, p)`` finds nothing: a hedge and its
    white space end at ``p``, so ``low[lo:p]`` ends with white space after a hedge's last word."""
    seg = low[lo:p]
    return seg[-1:].isspace() and seg.rstrip().endswith(_HEDGE_ENDS)


# what every _NUM_START match holds: a digit or a number word
_may_hold_number = AnyOf((*"0123456789", *_STARTS_NUM[len("[0-9]|"):].split("|")))


def may_hold_figure(text: str) -> bool:
    """False only where ``find_figures(text)`` finds nothing: an ASCII text with no digit and no
    number word (a cheap test before the figures are asked for)."""
    return not text.isascii() or _may_hold_number(lowered(text))


def _number_hits():
    """The iterator of an automaton of the digits and ``_NUM_START``'s number words: each key ->
    (its length - 1, whether it is a "dozen", "hundred" or "thousand" that "a"/"a few" may open)."""
    import ahocorasick

    auto = ahocorasick.Automaton()
    for d in "0123456789":
        auto.add_word(d, (0, False))
    for w in _STARTS_NUM[len("[0-9]|"):].split("|"):
        auto.add_word(w, (len(w) - 1, w.startswith(("dozen", "hundred", "thousand", "million"))))
    auto.make_automaton()
    return auto.iter


_NUMBER_HITS = _number_hits()
_A_BEFORE = re.compile(r"\ba\s+(?:few\s+)?$")  # "a dozen", "a few hundred", "a million": _NUM_START's first words


def _number_starts(low: str) -> list[int]:
    """The positions of ``_NUM_START.finditer(low)`` in the lower-cased ASCII ``low``, but those
    right after a digit (no figure starts there: FIGURE_RE's look-behind, and no hedge ends
    there), from one Aho-Corasick pass: the first digit of a run of digits, each word start
    where a number word begins, and "a dozen", "a few hundred" at their "a" (the number word
    inside is no start of its own: ``_NUM_START`` reads it with the "a")."""
    out: list[int] = []
    for end, (back, multiple) in _NUMBER_HITS(low):
        p = end - back
        if p:
            prev = low[p - 1]
            if back == 0:
                if "0" <= prev <= "9":
                    continue  # inside a run of digits
            elif prev.isalnum() or prev == "_":
                continue  # inside a word: no \b
        if multiple:
            a = _A_BEFORE.search(low, 0, p)
            if a is not None:
                p = a.start()
        if not out or out[-1] < p:
            out.append(p)
    return out


def _iter_figures(text: str):
    """``FIGURE_RE.finditer(text)``, found from the numbers: FIGURE_RE tried where a number starts
    (``_number_starts``), or at a hedge that ends there (the same matches, but that a number word
    read with an "a" before it is not tried alone: "a dozens" has no figure)."""
    if not text.isascii():
        # curly quotes, dashes, no-break spaces: tried where FIGURE_STARTS opens (``test_scan``
        # proves the same matches); letters outside ASCII: the plain scan (``finditer_from``)
        yield from finditer_from(FIGURE_RE, FIGURE_STARTS, text)
        return
    low = lowered(text)
    done = 0
    match, at_digit = FIGURE_RE.match, _FIGURE_AT_DIGIT.match
    for p in _number_starts(low):
        if p < done:
            continue
        m = None
        lo = max(done, p - 32)
        h = _HEDGE_BEFORE.search(low, lo, p) if _hedge_may_end(low, lo, p) else None
        if h is not None:
            m = match(text, h.start())
        if m is None:
            m = (at_digit if "0" <= low[p] <= "9" else match)(text, p)
        if m is not None:
            yield m
            done = m.end()


_HALF_BEFORE = re.compile(r"(?<![\w-])(?:a\s+)?half\s+$", re.I)  # "half a dozen", "a half dozen"
_ABOUT_BEFORE = re.compile(r"\b(?:about|around|some|roughly|approximately)\s+$", re.I)
_PARTICLE_OVER = re.compile(r"\b(?:hand(?:s|ed|ing)?|turn(?:s|ed|ing)?|t(?:ook|aken|aking|akes|ake)|control)\s+$", re.I)


_TOOK_OVER = re.compile(r"\bt(?:ook|aken|aking|akes|ake)\s+$", re.I)


def _took_over_round(text: str, start: int, n: float) -> bool:
    """"has taken over 300 bases": after "take", "over" before a round number of 20 or more is
    "more than" (the particle of "took over 3 camps" stands before small and exact counts)."""
    return n >= 20 and n % 10 == 0 and _TOOK_OVER.search(text, max(0, start - 8), start) is not None


# a change from one figure to another: "rose from 11 to 26", "raised the toll from 11 to 26" (not "from 2,000 to 3,000 people fled")
_FROM_BEFORE = re.compile(r"\b(?:rose|risen|rising|rises|increased|increasing|climbed|jumped|grew|grown|surged|soared|doubled|"
                          r"fell|fallen|dropped|declined|raised|raising|revised|revising|lowered|went|gone|up|down)\b"
                          r"[^.;:]{0,40}\bfrom\s+$", re.I)
_MULTIPLIERS = {"hundred": 100, "thousand": 1000, "million": 1_000_000}


def _shared_multiplier(a: float, b: float, first: str, second: str) -> float:
    """"2-3 thousand", "5 to 10 million": the multiplier of the second number is the first's too."""
    last = second.split()[-1].lower() if second.split() else ""
    mult = _MULTIPLIERS.get(last)
    if mult is None or first.split()[-1].lower() in _MULTIPLIERS or a * mult > b:
        return a
    return a * mult


_HYPHEN_MULT = frozenset({"dozen", "hundred", "thousand", "million"})
_GROUPS = ("hedge", "b1", "n1", "b2", "n2", "vague", "num", "trail")


def _words(s: str | None) -> str:
    """``s`` lower-cased, its white space runs made single spaces ("" for None)."""
    return " ".join(s.lower().split()) if s else ""


def _cleaned(v: float | None) -> float | int | None:
    return None if v is None else _clean(v)


def find_figures(text: str) -> list[Figure]:
    out = []
    for m in _iter_figures(text):
        hedge, b1, n1, b2, n2, vague, num, trail = m.group(*_GROUPS)  # one call for all the groups
        hedge = _words(hedge)
        value = low = high = None
        approx = False
        if n1 and _words(n2) in _HYPHEN_MULT and not trail and m.end("n2") == m.end() and text[m.end("n1"):m.start("n2")] == "-":
            num, n1 = f"{n1} {n2}", None  # "two-dozen", "three-hundred": one number
        if b1 or n1:
            a = parse_number(b1 or n1)
            b = parse_number(b2 or n2)
            if a is not None and b is not None and a > b and a % 10 == 0 and b < 10 and n1 \
                    and not n1[0].isdigit() and "-" in m.group():
                value = a + b  # "twenty-seven"
                out.append(Figure(m.start(), m.end(), _clean(value), None, None, False, m.group()))
                continue
            if a is None or b is None:
                continue
            if n1 and not hedge and _FROM_BEFORE.search(text, max(0, m.start() - 60), m.start()) \
                    and re.match(r"\s+to\s", text[m.end("n1"):m.start("n2") + 1]):
                # "rose from 11 to 26", "fell from 30 to 12": two figures, no range
                for g, v in (("n1", _shared_multiplier(a, b, n1, n2)), ("n2", b)):  # "from 3 to 5 million": 3 million
                    out.append(Figure(m.start(g), m.end(g), _cleaned(v), None, None, False, m.group(g)))
                continue
            if a > b:
                continue
            a = _shared_multiplier(a, b, b1 or n1, b2 or n2)
            low, high = a, b
            approx = hedge in ("about", "around", "some", "roughly", "approximately", "nearly")
        elif vague:
            low, approx = VAGUE[_words(vague)], True
        else:
            n = parse_number(num)
            if n is None:
                continue
            half = _HALF_BEFORE.search(text, max(0, m.start() - 8), m.start()) if not hedge else None
            if half is not None and n in (12, 100, 1000, 1_000_000):
                # "half a dozen", "half a million": half the number
                about = _ABOUT_BEFORE.search(text, max(0, half.start() - 16), half.start()) is not None
                out.append(Figure(half.start(), m.end(), _clean(n / 2), None, None, about, text[half.start():m.end()]))
                continue
            if hedge == "over" and _PARTICLE_OVER.search(text, max(0, m.start() - 12), m.start()) \
                    and not _took_over_round(text, m.start(), n):
                # "handed over 14 prisoners", "took over 3 camps", "control over 5 towns": a particle, no bound
                hedge = ""
                start = m.start("num")
                out.append(Figure(start, m.end(), _clean(n), None, None, False, text[start:m.end()]))
                continue
            trail = _words(trail)  # the bound written after a number: "20 or more", "a dozen or so"
            if hedge in ("more than", "more then", "greater than", "over", "upwards of", "upward of", "in excess of", "well over", "just over"):
                low = n + 1 if n == int(n) else n
            elif hedge in ("at least", "atleast", "no fewer than", "a minimum of", "no less than", "not less than",
                           "not fewer than") or trail in ("or more", "or above", "+", "-plus", "plus"):
                low = n
            elif hedge in ("nearly", "almost", "close to"):
                high, approx = n, True
            elif hedge in ("about", "around", "some", "roughly", "approximately", "an estimated", "estimated") \
                    or trail in ("or so", "-odd"):
                value, approx = n, True
            elif hedge in ("up to", "as many as", "at most", "no more than"):
                high = n
            elif hedge in ("fewer than", "less than", "under"):
                high = n - 1
            else:
                value = n
        out.append(Figure(m.start(), m.end(), _cleaned(value), _cleaned(low), _cleaned(high), approx, m.group()))
    return out
