"""Stage 2 — typed mentions from one scan of the report.

One pass of the Aho-Corasick automaton over the whole text finds the actors (and, with a
gazetteer, the places it knows); the place recogniser (``places``), the trigger recogniser
(``triggers``), dates (``dates``) and figures (``figures``) run over each sentence. The
result is, per sentence, one list of mentions in text order: what the assembly reads.
"""
from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field, replace

from ingestion.extract.dates import DateSpan, find_dates
from ingestion.extract.figures import Figure, find_figures
from ingestion.extract.matcher import Hit
from ingestion.extract.places import Place, find_places, find_units
from ingestion.extract.scan import SENTENCE_STARTS, finditer_at, starts_re
from ingestion.extract.sentences import Sentence
from ingestion.extract.triggers import Trigger, find_triggers

# words that stand for an actor named before: "they", "the group", "its fighters"
ANAPHOR_RE = re.compile(
    r"\b(?:[Tt]hey|[Ww]e|[Ii]t|(?<=\b(?:to|by)\s)them|[Tt]he\s+(?:armed\s+)?groups?|[Tt]he\s+(?:three\s+|allied\s+)groups|[Tt]he\s+[Aa]lliance|[Tt]he\s+organi[sz]ation|[Tt]he\s+coalition|"
    r"(?:[Ii]ts|[Tt]heir|[Oo]ur)\s+(?:own\s+)?(?:forces|fighters|troops|soldiers|units|members|allies)|"
    r"(?:[Tt]he\s+)?(?:[Rr]ebels|[Ii]nsurgents|[Tt]errorists)|(?:[Tt]he\s+)?(?:[Rr]ebel|[Ii]nsurgent|[Aa]nti-regime|[Tt]errorist)\s+(?:forces|fighters|groups))\b")
SPEECH_RE = re.compile(
    r"\b(?:said|says|say|claimed|claims|claim|reported|reports|told|announced|confirmed|stated|declared|added|"
    r"statement|[Aa]ccording\s+to|acknowledged|admitted|posted|wrote|alleged|insisted|denied|boasted|reporting)\b")
# where a match of each can open (lower case, a space for any white space; proved in test_scan)
ANAPHOR_STARTS = ("anti-regime ", "insurgent", "it", "our ", "rebel", "terrorist", "the alliance", "the anti-regime ", "the armed group",
                  "the coalition", "the group", "the three ", "the allied ", "the insurgent", "the organi", "the rebel", "the terrorist",
                  "their ", "them", "they", "we")
SPEECH_STARTS = ("according ", "acknowledged", "added", "admitted", "alleged", "announced", "boasted", "claim",
                 "confirmed", "declared", "denied", "insisted", "posted", "report", "said", "say", "stated",
                 "statement", "told", "wrote")
_ANAPHOR_STARTS_RE = starts_re(ANAPHOR_STARTS, shared=True)
_SPEECH_STARTS_RE = starts_re(SPEECH_STARTS, shared=True)
_LOWER_WORD = re.compile(r"\b[a-z][a-z'’-]+\b")
_INNER_CAP = re.compile(r"[a-z,;]\s+(?:\w+\s+)?([A-Z][\w'’-]+)")  # a capitalised word inside a sentence
# what follows a sentence-initial name that is the sentence's subject ("Tonzang, about ...", "Hpakant fell")
_SUBJECT_NEXT = re.compile(r"(?:\s*,|\s+(?:was|were|is|has|had|fell|remains|remained|came|lies|sits|now|also|itself)\b|"
                           r"\s+and\s+[A-Z])")  # "Sittwe and Kyaukphyu remain …"


@dataclass(frozen=True)
class Actor:
    start: int
    end: int
    key: str | None  # None: an anaphor ("they") resolved by the document stage
    text: str
    led: bool = False  # "KIA-led forces", "the AA and its allies"


@dataclass
class SentenceMentions:
    """The mentions of one sentence. Places, dates and figures are found on first use: most
    sentences of a report state nothing, and are never asked for them."""

    sentence: Sentence
    actors: list[Actor]
    triggers: list[Trigger]
    speech: list[tuple[int, int]]
    _dates: list[DateSpan] | None = field(default=None, repr=False)
    _figures: list[Figure] | None = field(default=None, repr=False)
    published: dt.date | None = None
    _places: list[Place] | None = field(default=None, repr=False)
    _ctx: tuple | None = field(default=None, repr=False)  # (text, hits, common words, inner capitals)

    @property
    def hits(self) -> list[Hit]:
        """The automaton's hits inside the sentence."""
        return self._ctx[1]

    @property
    def places(self) -> list[Place]:
        if self._places is None:
            text, hits, common, inner_caps = self._ctx
            s = self.sentence
            actors = self.actors
            places = [p for p in find_places(text, s.start, s.end) if not _overlaps(p, actors)
                      and not (p.bare and " " not in p.name and (p.name.lower() in common or (
                          p.start - s.start <= 2 and not _SUBJECT_NEXT.match(text, p.end)
                          and p.name not in inner_caps)))]  # the report's inner capitals: read last
            places += _gazetteer_places(hits, places, actors)
            places.sort(key=lambda p: p.start)
            self._places = places
        return self._places

    @property
    def units(self) -> list[Place]:
        """The units among ``places`` (as spans: in the order of ``places`` once they are found),
        found alone while the other places are not needed."""
        if self._places is not None:
            return [p for p in self._places if p.unit is not None]
        s = self.sentence
        return find_units(self._ctx[0], s.start, s.end)

    @property
    def dates(self) -> list[DateSpan]:
        """Date expressions, offsets in the report text (found on first use)."""
        if self._dates is None:
            found = find_dates(self.sentence.text, self.published) if self.published else []
            self._dates = _shifted(found, self.sentence.start)
        return self._dates

    @property
    def figures(self) -> list[Figure]:
        """Figures, offsets in the report text (found on first use)."""
        if self._figures is None:
            self._figures = _shifted(find_figures(self.sentence.text), self.sentence.start)
        return self._figures


def _shifted(spans: list, offset: int) -> list:
    """Spans found in a sentence, moved to offsets in the report text (``dataclasses.replace``
    without its per-call field walk, for the plain frozen dataclasses it is used on)."""
    out = []
    for x in spans:
        if type(x) not in _PLAIN:
            out.append(replace(x, start=x.start + offset, end=x.end + offset))
            continue
        y = object.__new__(type(x))
        d = y.__dict__
        d.update(x.__dict__)
        d["start"] = x.start + offset
        d["end"] = x.end + offset
        out.append(y)
    return out


def _plain(cls) -> bool:
    """Whether ``replace`` on ``cls`` only copies its fields: every field set by ``__init__``, no
    ``__post_init__``, no slots."""
    return (not hasattr(cls, "__post_init__") and not hasattr(cls, "__slots__")
            and all(f.init for f in dataclasses.fields(cls)))


_PLAIN = {cls for cls in (DateSpan, Figure) if _plain(cls)}


def scan(text: str, sentences: list[Sentence], hits: list[Hit], published: dt.date | None) -> list[SentenceMentions]:
    """The mentions of every sentence of ``text``."""
    SENTENCE_STARTS.reset()  # a new report: the patterns' beginnings of its own sentences only
    starts = [s.start for s in sentences]
    by_sentence: list[list[Hit]] = [[] for _ in sentences]
    for h in hits:
        i = bisect.bisect_right(starts, h.start) - 1
        if 0 <= i < len(sentences) and h.end <= sentences[i].end:
            by_sentence[i].append(h)
    out = []
    common = _Pieces(_is_lower_word, text)  # the words of ``_LOWER_WORD.findall(text)``
    inner_caps = _Pieces(_is_inner_capital, text)  # the capitals of ``_INNER_CAP.findall(text)``
    for s, shits in zip(sentences, by_sentence):
        actors = _actors(text, s, shits)
        triggers = find_triggers(text, s.start, s.end)
        speech = [(m.start() + s.start, m.end() + s.start)
                  for m in finditer_at(SPEECH_RE, _SPEECH_STARTS_RE, s.text, 0, len(s.text))]
        out.append(SentenceMentions(s, actors, triggers, speech, published=published,
                                    _ctx=(text, shits, common, inner_caps)))
    return out


class _Pieces:
    """Whether an item is one of the pieces an expression finds in ``text`` (``findall``), each
    item answered on its own by ``is_piece(text, item)`` and kept: the whole text is never
    scanned (a report asks about a few names only)."""

    def __init__(self, is_piece, text: str):
        self._is_piece = is_piece
        self._text = text
        self._known: dict[str, bool] = {}

    def __contains__(self, item: str) -> bool:
        got = self._known.get(item)
        if got is None:
            got = self._known[item] = self._is_piece(self._text, item)
        return got


def _found_from(pattern: re.Pattern, group: int, text: str, item: str, restart, stop) -> bool:
    """Whether ``item`` is one of ``pattern.findall(text)`` (the ``group``'s texts), reading the
    text only around the places ``item`` stands, from ``restart(text, i)`` to ``stop(text, j)``
    (``i``, ``j``: where that place starts and ends). ``restart`` gives a position the scan from
    the start also tries, ``stop`` one no match reaches over (so that the matches in between
    are the whole-text scan's); the reading ends at the first match that starts after ``i`` (a
    match whose piece stands at ``i`` starts at ``i`` or before it)."""
    i = text.find(item)
    while i >= 0:
        for m in pattern.finditer(text, restart(text, i), stop(text, i + len(item))):
            if m.start() > i:
                break
            if m.group(group) == item:
                return True
        i = text.find(item, i + 1)
    return False


_WORD_RUN = frozenset("abcdefghijklmnopqrstuvwxyz'’-")  # what a match of _LOWER_WORD is made of
_NOT_IN_WORD = re.compile(r"[^\w'’-]")  # no match of _LOWER_WORD holds it, and \b reads it as the end of the text


def _run_start(text: str, i: int) -> int:
    """The start of the run of ``_WORD_RUN`` characters that holds position ``i``."""
    while i and text[i - 1] in _WORD_RUN:
        i -= 1
    return i


def _run_stop(text: str, j: int) -> int:
    """The first ``_NOT_IN_WORD`` character from ``j`` on (the end of the text if none)."""
    m = _NOT_IN_WORD.search(text, j)
    return len(text) if m is None else m.start()


def _is_lower_word(text: str, word: str) -> bool:
    """``word in set(_LOWER_WORD.findall(text))``: a match holds only ``_WORD_RUN`` characters."""
    return _found_from(_LOWER_WORD, 0, text, word, _run_start, _run_stop)


def _after_full_stop(text: str, i: int) -> int:
    """The position after the last full stop before ``i`` (0 if none)."""
    return text.rfind(".", 0, i) + 1


def _next_full_stop(text: str, j: int) -> int:
    """The first full stop from ``j`` on (the end of the text if none)."""
    k = text.find(".", j)
    return len(text) if k < 0 else k


def _is_inner_capital(text: str, name: str) -> bool:
    """``name in set(_INNER_CAP.findall(text))``: a match holds letters, digits, white space and
    ``,;'’-`` only, never a full stop (and _INNER_CAP reads nothing around a match)."""
    return _found_from(_INNER_CAP, 1, text, name, _after_full_stop, _next_full_stop)


def _actors(text: str, s: Sentence, hits: list[Hit]) -> list[Actor]:
    out: list[Actor] = []
    for h in hits:
        keys = [k for kind, k in h.targets if kind == "actor"]
        if not keys or text[max(0, h.start - 5):h.start].lower() == "anti-":
            continue  # "anti-regime forces" are not the regime's
        if h.text.lower() in ("troops", "soldiers") and _ALLIED.search(text, max(0, h.start - 10), h.start):
            continue  # "the allied troops": not the junta's (whose allies a report names)
        if h.text.lower() in ("troops", "soldiers") and _OWNED.search(text, max(0, h.start - 10), h.start):
            continue  # "the KIA said its troops had overrun …": the group's own, an anaphor below
        if h.text.lower() in ("troops", "soldiers", "forces") and out and out[-1].key not in (None, keys[0]) \
                and _JOINT_GAP.fullmatch(text, out[-1].end, h.start):
            continue  # "PDF and KNDF joint troops": the groups' own, not the junta's
        if h.text == "Army":
            named = _NAMED_ARMY.search(text, max(0, h.start - 40), h.start)
            if named and not named.group().rstrip().endswith(("'s", "’s")):
                words = named.group().split()
                while words and words[0] in _NOT_ARMY_NAME:
                    words.pop(0)  # "the Burmese People's Liberation Army" is a group; "the Myanmar Army" is not
                if words:
                    # "the Arakkha Army", "the Zomi Revolutionary Army": a group whose spelling the
                    # registry does not know, not the junta's army
                    out.append(Actor(named.start(), h.end, None, text[named.start():h.end]))
                    continue
        after = text[h.end:h.end + 30]
        led = after.startswith(("-led", " and its allies", " and allied", "-allied")) or "-led" in h.text
        out.append(Actor(h.start, h.end, keys[0], h.text, led))
    for m in finditer_at(ANAPHOR_RE, _ANAPHOR_STARTS_RE, s.text, 0, len(s.text)):
        a, b = m.start() + s.start, m.end() + s.start
        if any(not (b <= x.start or a >= x.end) for x in out):
            continue
        if any(x.key and x.end < a and text[x.end:a].isspace() for x in out):
            continue  # "PDF terrorists", "KIA insurgents": the group just named
        if text[a - 1:a] in ("\"", "“") and "errorist" in m.group():
            continue  # killed 34 "terrorists": a word quoted from the junta, no one's agent
        out.append(Actor(a, b, None, m.group()))
    out.sort(key=lambda x: x.start)
    return out


_NAMED_ARMY = re.compile(r"\b([A-Z][\w'’-]+)(?:\s+[A-Z][\w'’-]+)*\s+$")  # capitalised words before "Army"
_NOT_ARMY_NAME = {"The", "Myanmar", "Burma", "Burmese", "National", "Junta", "Regime", "Government"}
_JOINT_GAP = re.compile(r"\s+(?:joint|allied|combined|and\s+allied"
                        # "KNLA Brigade 6 troops", "the KIA's 3rd Brigade soldiers": the group's own formation
                        r"|(?:['’]s\s+)?(?:(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:brigade|battalion|division|column|company)(?:\s+(?:no\.?\s*)?\d{1,3})?)"
                        r")\s+", re.I)
_ALLIED = re.compile(r"\b(?:[Aa]llied|[Cc]ombined|[Jj]oint)\s+$")
_OWNED = re.compile(r"\b(?:[Ii]ts|[Oo]ur)\s+(?:own\s+)?$")  # "their soldiers" in a quote are often the enemy's
_COMMON_ACTOR_WORDS = {"military", "army", "junta", "regime", "police", "navy", "air force", "troops", "soldiers",
                       "security forces", "government forces", "resistance"}


def _overlaps(p: Place, actors: list[Actor]) -> bool:
    """A place that holds an actor's name is the actor ("Arakan Army"), unless the name is a
    common noun inside a named site ("Tibual military camp")."""
    if p.unit is not None:
        return False  # "Military Operations Command 44": a unit, whatever words it holds
    return any(not (p.end <= a.start or p.start >= a.end) for a in actors
               if (a.key is not None or a.text.endswith(" Army")) and (p.bare or _common_word(a.text) not in _COMMON_ACTOR_WORDS)
               and not _owner_inside(p, a))


def _owner_inside(p: Place, a: Actor) -> bool:
    """"the Hpa Lu BGF camp", "the Kyein Taung military council base": a named site whose name
    comes first and whose owner stands between the name and the head noun (the actor inside,
    after the name, before the end): the site, not the actor."""
    if p.bare or p.ref is not None or not (p.start <= a.start and a.end < p.end):
        return False
    if p.start < a.start and not p.name.startswith(a.text) and p.name[:1].isupper():
        return True
    # "a KIA terrorist camp near X", "the PDF terrorists' stronghold at X": a side's site placed by a name
    i = p.name.find(a.text)
    return i >= 0 and _SIDE_SITE.match(p.name, i + len(a.text)) is not None and _PLACED_BY.search(p.name) is not None


_SIDE_SITE = re.compile(r"(?:['’]s?)?\s+[a-z]")
_PLACED_BY = re.compile(r"\s(?:near|at|in|outside|inside|close\s+to|above|overlooking)\s+[A-Z]")


def _common_word(actor_text: str) -> str:
    """"the army" in "the army camps at X": the common noun without its article."""
    low = actor_text.lower()
    return low[4:] if low.startswith("the ") else low


def _gazetteer_places(hits: list[Hit], places: list[Place], actors: list[Actor]) -> list[Place]:
    """Known places the recogniser missed (a lower-case or one-word spelling of the gazetteer)."""
    out = []
    for h in hits:
        pk = [k for kind, k in h.targets if kind == "place"]
        if not pk or any(not (h.end <= p.start or h.start >= p.end) for p in places):
            continue
        if any(not (h.end <= a.start or h.start >= a.end) for a in actors):
            continue
        if not h.text[:1].isupper():
            continue
        out.append(Place(h.start, h.end, h.text, "town", bare=True))
    return out
