"""Fast scanning helpers: the same matches as the big regular expressions, found sooner.

A large case-insensitive alternation (dates, figures) costs a lot because the regex engine
tries every alternative at every character. Every match of such a pattern starts at the
beginning of a word that begins with one of a few known words ("the", "on", "March", a digit).
``finditer_from`` finds those word starts with a small case-sensitive expression over the
lower-cased text, then tries the big pattern only there: the result is exactly
``pattern.finditer(text)``.

The lower-cased text has the same word boundaries as the original only for ASCII text
(Unicode case folding can change lengths or match odd letters such as "ſ" under
``re.IGNORECASE``), so text with letters or digits outside ASCII takes the plain ``finditer``
path; ``finditer_from`` and ``finditer_at`` (a window of the text, for the sentence-level
recognisers) take the fast path when the only non-ASCII characters are punctuation or
spaces (curly quotes).
"""
from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable, Iterator


_NON_ASCII_WORD = re.compile(r"(?![\x00-\x7f])\w")


def lower_keeps_matches(text: str) -> bool:
    """Whether ``text.lower()`` can stand for ``text`` when looking for where a case-insensitive
    pattern may start: true when every character outside ASCII is no letter or digit (curly
    quotes, dashes, non-breaking spaces). Letters outside ASCII may lower to other lengths
    ("İ") or match ASCII letters under ``re.IGNORECASE`` ("ſ", "K"); digits outside ASCII match
    ``\\d``: such text takes the plain path."""
    return text.isascii() or _NON_ASCII_WORD.search(text) is None


def finditer_from(pattern: re.Pattern, starts, text: str) -> Iterator[re.Match]:
    """``pattern.finditer(text)``, trying ``pattern`` only where ``starts`` matches the lower-cased text.

    ``starts`` must match (on ASCII lower-cased text) at every position where ``pattern``
    can match; ``pattern`` must never match the empty string. Text whose only non-ASCII
    characters are punctuation or spaces (curly quotes) takes the fast path too, as in
    ``finditer_at``.
    """
    low = _lowered(text)
    if low is None:
        yield from pattern.finditer(text)
        return
    done = 0
    match = pattern.match
    positions = starts.positions(low) if isinstance(starts, Starts) else (c.start() for c in starts.finditer(low))
    for p in positions:
        if p < done:
            continue
        m = match(text, p)  # the engine still sees text[p - 1] for \b and look-behinds
        if m is not None:
            yield m
            done = m.end()


def finditer_at(pattern: re.Pattern, starts, text: str, pos: int, endpos: int,
                keep: Callable[[int], bool] | None = None) -> Iterator[re.Match]:
    """``pattern.finditer(text, pos, endpos)``, trying ``pattern`` only where ``starts``
    matches the lower-cased ``text[pos:endpos]`` (the same matches, found sooner).

    ``starts`` must match the lower-cased window at every position where ``pattern`` can
    match (``tests/extract/test_scan.py`` checks it from the patterns themselves); ``pattern``
    must never match the empty string. The engine still sees ``text`` before ``pos`` for
    ``\\b`` and look-behinds, exactly as ``finditer`` with ``pos`` does. ``keep`` (optional, on
    the fast path only) is a further gate: it must be true at every position of ``text`` where
    a match can start.
    """
    # ``_lowered`` and ``Starts.positions`` written out here (it is called about 120 times a
    # report), and the matches found at once: ``pattern.match`` and ``keep`` read nothing the
    # caller changes while it iterates
    window = text[pos:endpos]
    last = _LAST_WINDOW
    if window is last[0] or window == last[0]:
        low, ok = last[1], last[2]
        if ok is None:
            ok = last[2] = lower_keeps_matches(window)
    else:
        low, ok = window.lower(), lower_keeps_matches(window)
        last[:] = window, low, ok
    if not ok:
        return pattern.finditer(text, pos, endpos)
    if isinstance(starts, Starts):
        slot = starts._slot
        if slot is None:
            offsets = starts.own_positions(low)
        else:
            found = SENTENCE_STARTS._memo.get(low)
            if found is None:
                offsets = SENTENCE_STARTS.positions(low, slot)
            else:
                offsets = found[slot]
                if type(offsets) is not list:
                    offsets = found[slot] = sorted(offsets)
    else:
        offsets = [c.start() for c in starts.finditer(low)]
    out: list[re.Match] = []
    if not offsets:
        return iter(out)
    done = pos
    match = pattern.match
    for c in offsets:
        p = c + pos
        if p < done or keep is not None and not keep(p):
            continue
        m = match(text, p, endpos)
        if m is not None:
            out.append(m)
            done = m.end()
    return iter(out)


# the last window ``lowered`` saw: [window, window.lower(), lower_keeps_matches(window)] (the
# sentence-level recognisers read the same sentence one after the other: it is lowered and
# checked once, not once per pattern)
_LAST_WINDOW: list = ["", "", True]


def lowered(window: str) -> str:
    """``window.lower()``; the very same string object for a window equal to the last one
    (strings are immutable: an equal string has the same lower case), so that its hash is
    computed once for ``SharedStarts``' memo."""
    last = _LAST_WINDOW
    if window is last[0] or window == last[0]:
        return last[1]
    last[:] = window, window.lower(), None
    return last[1]


def _lowered(window: str) -> str | None:
    """``window.lower()`` if ``lower_keeps_matches(window)``, else None (kept for the last window,
    as ``lowered``)."""
    low = lowered(window)
    last = _LAST_WINDOW
    if last[2] is None:
        last[2] = lower_keeps_matches(window)
    return low if last[2] else None


def finditer_positions(pattern: re.Pattern, positions: Iterable[int], text: str) -> Iterator[re.Match]:
    """``pattern.finditer(text)`` when every match starts at one of ``positions`` (ascending):
    ``pattern`` is tried there only. ``pattern`` must never match the empty string."""
    done = 0
    match = pattern.match
    for p in positions:
        if p < done:
            continue
        m = match(text, p)
        if m is not None:
            yield m
            done = m.end()


# the ASCII characters each class escape matches (``FirstCharDispatch`` dispatches ASCII only)
_ASCII_CATEGORIES = {
    "CATEGORY_DIGIT": "0123456789", "CATEGORY_UNI_DIGIT": "0123456789",
    "CATEGORY_SPACE": " \t\n\r\f\v\x1c\x1d\x1e\x1f", "CATEGORY_UNI_SPACE": " \t\n\r\f\v\x1c\x1d\x1e\x1f",
    "CATEGORY_WORD": "abcdefghijklmnopqrstuvwxyz0123456789_", "CATEGORY_UNI_WORD": "abcdefghijklmnopqrstuvwxyz0123456789_",
}


def first_chars(regex: str, flags: int = 0) -> frozenset[str] | None:
    """The lower-cased ASCII characters a match of ``regex`` can open with (a superset, never a
    subset, for a text whose character there is ASCII), or None when the expression does not
    bound it (it may match the empty string, or opens with ``.``, a negated class, a
    back-reference…). Read from the parsed expression (``re._parser``): zero-width items
    (``\\b``, look-arounds) and optional ones are passed over to what may follow."""
    from re import _constants as c, _parser

    def of(items) -> tuple[frozenset[str] | None, bool]:
        """(the opening characters, whether ``items`` may match the empty string)."""
        out: set[str] = set()
        for op, av in items:
            if op is c.AT or op is c.ASSERT or op is c.ASSERT_NOT:
                continue  # zero-width: the next item consumes the first character
            if op is c.LITERAL:
                got, empty = frozenset(chr(av).lower()), False
            elif op is c.IN:
                chars: set[str] = set()
                for iop, iav in av:
                    if iop is c.LITERAL:
                        chars.add(chr(iav).lower())
                    elif iop is c.RANGE and iav[1] < 128:
                        chars.update(chr(x).lower() for x in range(iav[0], iav[1] + 1))
                    elif iop is c.CATEGORY and str(iav) in _ASCII_CATEGORIES:
                        chars.update(_ASCII_CATEGORIES[str(iav)])
                    else:
                        return None, True  # a negated set, another category, a wide range
                got, empty = frozenset(chars), False
            elif op is c.BRANCH:
                got, empty = frozenset(), False
                for alt in av[1]:
                    f, e = of(alt)
                    if f is None:
                        return None, True
                    got, empty = got | f, empty or e
            elif op is c.SUBPATTERN:
                got, empty = of(av[3])
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
                got, empty = of(av[2])
                empty = empty or av[0] == 0
            else:
                return None, True  # anything else: no bound on the first character
            if got is None:
                return None, True
            out |= got
            if not empty:
                return frozenset(out), False
        return frozenset(out), True

    got, empty = of(_parser.parse(regex, flags).data)
    return None if empty else got


class FirstCharDispatch:
    """A big alternation tried through the alternatives that can open with the character at
    the position tried: ``match`` gives what ``pattern.match`` gives (an alternative that cannot
    open with that character cannot match there; dropping it keeps the others' order, so the
    same alternative wins, with the same span and named group). ``by_char`` maps an ASCII
    character, as written, to the narrower expression; any other character (letters outside
    ASCII may match ASCII ones under ``re.IGNORECASE``) and the end of the text use ``pattern``.
    ``finditer`` is ``pattern``'s (for ``finditer_at``'s plain path)."""

    def __init__(self, pattern: re.Pattern, by_char: dict[str, re.Pattern]):
        self.pattern = pattern
        self.finditer = pattern.finditer
        self._by_char = by_char

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match | None:
        return self._by_char.get(text[pos:pos + 1], self.pattern).match(text, pos, endpos)


def contains_any(low: str, words: tuple[str, ...]) -> bool:
    """Whether the lower-cased ``low`` contains one of ``words`` (a cheap pre-filter)."""
    for w in words:
        if w in low:
            return True
    return False


class LiteralFilter:
    """A case-insensitive pre-filter regex made of literal stems, answered with ``in`` tests.

    ``literals`` are lower-case stems any of which proves a match (the pattern's own
    alternatives); ``partial`` are lower-case parts of the non-literal alternatives
    (``shot\\s+down`` → ``"shot"``): their presence sends the text to the pattern itself.
    Non-ASCII text always goes to the pattern (Unicode case folding is not ``str.lower``).
    """

    _LITERAL, _PARTIAL = 1, 2

    def __init__(self, pattern: re.Pattern, literals: tuple[str, ...], partial: tuple[str, ...] = ()):
        self.pattern = pattern
        self.literals = literals
        self.partial = partial
        self._words: dict[str, int] = {}  # word (as written) -> _LITERAL | _PARTIAL bits (words repeat)

    def _word_bits(self, word: str) -> int:
        low = word.lower()
        bits = (self._LITERAL if contains_any(low, self.literals) else 0) | (
            self._PARTIAL if contains_any(low, self.partial) else 0)
        if len(self._words) < 200_000:
            self._words[word] = bits
        return bits

    def search(self, text: str) -> bool:
        """Whether ``pattern.search(text)`` would find something.

        A stem holds no white space: it is in the lower-cased text exactly when it is in one of
        its lower-cased words, so each word is looked up once (cached) instead of each stem."""
        if not text.isascii():
            return self.pattern.search(text) is not None
        bits = 0
        get = self._words.get
        for w in text.split():
            b = get(w)
            bits |= self._word_bits(w) if b is None else b
            if bits & self._LITERAL:
                return True
        if bits & self._PARTIAL:
            return self.pattern.search(text) is not None
        return False


class StemGated:
    """A regular expression of ASCII letters every match of which holds, lower-cased, one of
    ``stems``: its ``search`` and ``finditer`` answer without the engine when the lower-cased
    text holds none (no stem, no match), else they are the pattern's own. Lower-casing turns
    the ASCII letters of a match into the stem in place, whatever else the text holds; a
    case-insensitive pattern may also match letters outside ASCII ("ſ" for "s"): non-ASCII
    text goes to it.
    """

    def __init__(self, pattern: re.Pattern, stems: tuple[str, ...]):
        self.pattern = pattern
        self.stems = stems
        self._any_case = bool(pattern.flags & re.IGNORECASE)
        self._last: tuple[str, re.Match | None] = ("", None)  # the last text searched whole, and what was found

    def _none(self, text: str) -> bool:
        """Whether ``text`` cannot hold a match."""
        return not (self._any_case and not text.isascii()) and not contains_any(lowered(text), self.stems)

    def search(self, text: str, *args) -> re.Match | None:
        """``pattern.search(text, *args)``; a whole text searched again (a sentence asked once
        per trigger) is answered from the last search."""
        if args:
            return None if self._none(text) else self.pattern.search(text, *args)
        last_text, found = self._last
        if text is last_text:
            return found
        found = None if self._none(text) else self.pattern.search(text)
        self._last = (text, found)
        return found

    def finditer(self, text: str, *args) -> Iterator[re.Match]:
        return iter(()) if self._none(text) else self.pattern.finditer(text, *args)


class AnyOf:
    """Whether a text holds one of ``words`` (as written, anywhere): one Aho-Corasick pass,
    stopped at the first hit. Callable: ``AnyOf(("seiz", "captur"))("they seized it")``.

    The answer for the last text asked is kept: the stages ask about the same sentence one
    after the other (a sentence's claims are looked for twice, its units by two recognisers)."""

    def __init__(self, words: Iterable[str]):
        import ahocorasick

        self.auto = ahocorasick.Automaton()
        for w in words:
            self.auto.add_word(w, w)
        self.auto.make_automaton()
        self._last: tuple[str, bool] = ("", False)  # (text, answer), replaced in one assignment

    def __call__(self, text: str) -> bool:
        last_text, answer = self._last
        if text is last_text or text == last_text:
            return answer
        answer = False
        for _ in self.auto.iter(text):
            answer = True
            break
        self._last = (text, answer)
        return answer


def may_contain(text: str, stems: tuple[str, ...]) -> bool:
    """False only when a case-insensitive pattern needing one of the lower-case ``stems``
    cannot match ``text``: an ASCII text without any of them. Non-ASCII text: always True."""
    return not text.isascii() or contains_any(lowered(text), stems)


# every character ``\s`` matches (``str.isspace``: the same test as the regex engine's)
_WHITE = tuple(chr(c) for c in range(0x3001) if chr(c).isspace())


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"  # ``\w`` of a str pattern


class Starts:
    """The ``starts`` of ``finditer_at`` from lower-case beginnings, found by one Aho-Corasick
    pass instead of a regular expression (an alternation of look-aheads costs a try of every
    beginning at every word).

    It reports every position ``regex`` (the exact ``starts_re`` expression) reports, and
    sometimes more: ``finditer_at`` only tries the pattern there, so a position too many
    changes nothing but time (``tests/extract/test_scan.py`` checks both). Two automata: when
    every white space of the text is a single " " (the common case, ``str.isprintable`` and no
    double space), the beginnings as written ("is now" with its one space); otherwise each
    beginning cut after its first white space ("is" and any one white-space character). ``\b``
    before a ``word_starts`` key is checked by hand. ``finditer`` is the expression's (tests).

    ``shared``: the beginnings come from ``SENTENCE_STARTS``, one pass for all the shared ones
    (for the recognisers that read every sentence; the same positions).
    """

    def __init__(self, word_starts: tuple[str, ...], anywhere: tuple[str, ...] = (), shared: bool = False):
        self.regex = _starts_regex(word_starts, anywhere)
        self.finditer = self.regex.finditer
        fine: dict[str, bool | None] = {}  # key -> its first character is a word character (\b before it); None: anywhere
        coarse: dict[str, bool | None] = {}
        for group, at_word in ((word_starts, True), (anywhere, False)):
            for k in group:
                if not k:
                    raise ValueError("an empty start")
                wordy = _is_word(k[0]) if at_word else None
                _add_key(fine, k, wordy)
                if k[0] == " ":  # one white-space character opens it (" - ": a dash between spaces)
                    head = k[1:].partition(" ")[0]
                    coarse_keys = [w + head for w in _WHITE]
                else:
                    head, space, _ = k.partition(" ")
                    coarse_keys = [head + w for w in _WHITE] if space else [head]
                for key in coarse_keys:
                    _add_key(coarse, key, wordy)
        self._fine = _automaton(fine).iter
        self._coarse = _automaton(coarse).iter
        self.keys = (fine, coarse)  # what the automata hold (key -> wordy), for ``SharedStarts``
        self._slot = SENTENCE_STARTS.add(self) if shared else None

    def positions(self, low: str) -> list[int]:
        """Every position of the lower-cased ``low`` where a beginning may stand, in order."""
        if self._slot is not None:
            return SENTENCE_STARTS.positions(low, self._slot)
        return self.own_positions(low)

    def own_positions(self, low: str) -> list[int]:
        """``positions`` from this one's own automata."""
        found: set[int] = set()
        it = self._fine if low.isprintable() and "  " not in low else self._coarse
        for end, (back, wordy) in it(low):
            p = end - back
            if wordy is not None:  # \b before the key: the previous character differs in kind
                if p:
                    prev = low[p - 1]
                    if (prev.isalnum() or prev == "_") is wordy:
                        continue
                elif not wordy:
                    continue
            found.add(p)
        return sorted(found)


class SharedStarts:
    """The beginnings of several ``Starts`` found in one Aho-Corasick pass over a text.

    The sentence-level recognisers (triggers, speech, anaphors, dates, the place patterns, the
    clause breaks) each look for their beginnings in the same lower-cased sentence; the pass
    over the text costs more than the beginnings found. Here one pass over a sentence finds the
    positions of every member, kept (keyed by the text itself) until ``reset`` (a new report),
    and each member then reads its own: the same positions as its own automata. Past
    ``_MEMO_SIZE`` sentences (a very long report) a member finds its own, as without sharing.
    """

    _MEMO_SIZE = 4096  # sentences of one report

    def __init__(self) -> None:
        self.members: list[Starts] = []
        self._automata = None  # (fine, coarse) iterators, built on first use
        self._memo: dict[str, list] = {}

    def add(self, starts: "Starts") -> int:
        """Make ``starts`` a member; its slot in the positions of a text."""
        self.members.append(starts)
        self._automata = None
        self._memo = {}
        return len(self.members) - 1

    def reset(self) -> None:
        """Forget the sentences seen so far (a new report: its sentences are not the last one's)."""
        self._memo = {}

    def _build(self):
        """The two automata (fine, coarse): each key -> (its length - 1, the slots it opens a
        beginning of anywhere, at a word start (``\\b``: no word character before it), after a
        word character (``\\b`` before a key that opens with no word character))."""
        import ahocorasick

        autos = []
        for which in (0, 1):  # fine, coarse
            merged: dict[str, tuple[list[int], list[int], list[int]]] = {}
            for slot, st in enumerate(self.members):
                for key, wordy in st.keys[which].items():
                    anywhere, at_word, after_word = merged.setdefault(key, ([], [], []))
                    (anywhere if wordy is None else at_word if wordy else after_word).append(slot)
            auto = ahocorasick.Automaton()
            for key, (anywhere, at_word, after_word) in merged.items():
                auto.add_word(key, (len(key) - 1, tuple(anywhere), tuple(at_word), tuple(after_word)))
            auto.make_automaton()
            autos.append(auto.iter)
        self._automata = tuple(autos)
        return self._automata

    def positions(self, low: str, slot: int) -> list[int]:
        """``members[slot].own_positions(low)``."""
        memo = self._memo
        found = memo.get(low)
        if found is None:
            if len(memo) >= self._MEMO_SIZE:
                return self.members[slot].own_positions(low)
            found = memo[low] = self._scan(low)
        got = found[slot]
        if type(got) is not list:
            got = found[slot] = sorted(got)
        return got

    def _scan(self, low: str) -> list:
        """Every member's positions in ``low`` (a set each, sorted when asked for)."""
        fine, coarse = self._automata or self._build()
        found: list = [set() for _ in self.members]
        for end, (back, anywhere, at_word, after_word) in (fine if low.isprintable() and "  " not in low else coarse)(low):
            p = end - back
            if at_word or after_word:
                prev = low[p - 1] if p else ""
                for slot in (after_word if p and (prev.isalnum() or prev == "_") else at_word):
                    found[slot].add(p)
            for slot in anywhere:
                found[slot].add(p)
        return found


SENTENCE_STARTS = SharedStarts()


def _add_key(keys: dict, key: str, wordy: bool | None) -> None:
    """A key once: anywhere (None) wins over at a word start."""
    keys[key] = None if wordy is None or keys.get(key, wordy) is None else wordy


def _automaton(keys: dict):
    import ahocorasick

    auto = ahocorasick.Automaton()
    for key, wordy in keys.items():
        auto.add_word(key, (len(key) - 1, wordy))
    auto.make_automaton()
    return auto


def starts_re(word_starts: tuple[str, ...], anywhere: tuple[str, ...] = (), shared: bool = False) -> Starts:
    """The ``starts`` of ``finditer_at`` from lower-case beginnings: ``word_starts`` at the start
    of a word, ``anywhere`` at any position; a space stands for white space (one character or
    more), except a space that opens a beginning: one white-space character (" - ", the
    white space right before the dash). See ``Starts``; its ``regex`` is the exact expression.
    ``shared``: found with the others of ``SENTENCE_STARTS`` (for patterns tried on every sentence)."""
    return Starts(word_starts, anywhere, shared)


def _starts_regex(word_starts: tuple[str, ...], anywhere: tuple[str, ...] = ()) -> re.Pattern:
    """The ``starts`` expression from lower-case beginnings (see ``starts_re``). It matches the
    empty string before each beginning, so that every position is reported, even one inside a
    longer beginning."""
    def alt(keys: tuple[str, ...]) -> str:
        return "|".join((r"\s" if k[0] == " " else "") + re.escape(k[1:] if k[0] == " " else k).replace(r"\ ", r"\s+")
                        for k in sorted(keys, key=len, reverse=True))

    parts = [rf"\b(?={alt(word_starts)})"] if word_starts else []
    if anywhere:
        parts.append(f"(?={alt(anywhere)})")
    return re.compile("|".join(parts))  # look-aheads: no start hides inside another
