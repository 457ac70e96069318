"""One Aho-Corasick automaton per gazetteer, built once and cached, to find every known
spelling (actors, places, states) in a text in one pass.

The text is folded to lower case with punctuation turned into spaces *keeping its
length*, so a hit's offsets are offsets in the original text.
"""
from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick

from ingestion.gazetteer import Gazetteer

_PUNCT_CHARS = "'’‘`\"“”()[]{},.;:!?/\\|-–—_&+*#@%$^=<>~"
_PUNCT = str.maketrans({c: " " for c in _PUNCT_CHARS})
# the same replacement for a text outside ASCII (curly quotes, dashes): ``str.translate`` with
# a mapping takes a slow path there, a character class does not
_PUNCT_RE = re.compile("[" + re.escape(_PUNCT_CHARS) + "]")
_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Lower case, punctuation → space; same length as ``text`` whenever possible."""
    low = text.lower()
    if len(low) != len(text):  # a few characters change length when lowered
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return low.translate(_PUNCT) if low.isascii() else _PUNCT_RE.sub(" ", low)


@lru_cache(maxsize=65536)
def fold_key(spelling: str) -> str:
    """The automaton key of a spelling: folded with single spaces (cached: spellings repeat)."""
    return _SPACES.sub(" ", fold(spelling)).strip()


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    targets: tuple[tuple[str, str], ...]  # (kind, key)
    text: str


def _needs_caps(key: str) -> bool:
    """Short single-word spellings ("aa", "kia", "sac") count only in capitals."""
    return " " not in key and len(key) <= 4 and key not in ("army", "navy", "cdf")


_AREA_LEVELS = ("state", "district")


class Matcher:
    def __init__(self, gaz: Gazetteer, extra: dict[str, list[tuple[str, str]]] | None = None):
        auto = ahocorasick.Automaton()
        entries: dict[str, list[tuple[str, str]]] = {}
        for alias, targets in gaz.aliases.items():
            key = fold_key(alias)
            if len(key) < 2:
                continue
            lst = entries.setdefault(key, [])
            for t in targets:
                t = (t[0], t[1])
                if t[0] == "place" and t[1] in gaz.places and gaz.places[t[1]].level in _AREA_LEVELS:
                    continue  # "Kachin State", "Bhamo District": an area, never a site taken or held
                if t not in lst:
                    lst.append(t)
        for key, targets in (extra or {}).items():
            lst = entries.setdefault(key, [])
            for t in targets:
                if t not in lst:
                    lst.append(t)
        for key, targets in entries.items():
            auto.add_word(key, (len(key), tuple(targets), _needs_caps(key)))
        if entries:
            auto.make_automaton()
        self._auto = auto if entries else None

    def find(self, text: str, folded: str | None = None) -> list[Hit]:
        """Leftmost-longest, word-bounded, non-overlapping hits in ``text``."""
        if self._auto is None or not text:
            return []
        folded = folded if folded is not None else fold(text)
        n = len(folded)
        cands = []
        for end_idx, (length, targets, caps) in self._auto.iter(folded):
            start = end_idx - length + 1
            end = end_idx + 1
            if start > 0 and folded[start - 1].isalnum():
                continue
            if end < n and folded[end].isalnum():
                continue
            if caps:
                raw = text[start:end]
                if sum(1 for c in raw if c.isupper()) < 2 or any(c.islower() for c in raw[:-1]):
                    continue
            cands.append((start, -length, end, targets))
        cands.sort()
        hits: list[Hit] = []
        last_end = -1
        for start, _, end, targets in cands:
            if start < last_end:
                continue
            hits.append(Hit(start, end, targets, text[start:end]))
            last_end = end
        return hits


_CACHE: dict[int, tuple[object, Matcher]] = {}
_LOCK = threading.Lock()


def matcher_for(gaz: Gazetteer, extra: dict[str, list[tuple[str, str]]] | None = None) -> Matcher:
    """The cached matcher of ``gaz`` (rebuilt if its alias table changed size)."""
    ident = id(gaz)
    sig = (len(gaz.aliases), len(gaz.places), len(gaz.actors))
    with _LOCK:
        cached = _CACHE.get(ident)
        if cached is not None and cached[0][0] == sig and cached[0][1] is gaz:
            return cached[1]
    m = Matcher(gaz, extra)
    with _LOCK:
        if len(_CACHE) > 8:
            _CACHE.clear()
        _CACHE[ident] = ((sig, gaz), m)
    return m
