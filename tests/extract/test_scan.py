"""The fast scanners find exactly what the plain regular expressions find."""
from __future__ import annotations

import random
import re

import pytest

from ingestion.extract.dates import DATE_RE, DATE_STARTS
from ingestion.extract.figures import FIGURE_RE, FIGURE_STARTS
from ingestion.extract.scan import finditer_from

_TOKENS = (
    "the a an at on in of by this last over since early late mid mid- earlier later ago before after same "
    "previous next day days week weeks weekend month months year past start end beginning night morning "
    "Monday tuesday SUNDAY yesterday Today tonight January Jan. march March May may Sept sept. December dec "
    "1 2 12 31 3rd 21st 2024 2023-11-05 1999 0 100 4,600 3.4 million thousand hundred dozen a dozen scores "
    "dozens hundreds thousands tens several more than at least no fewer nearly almost close to about around "
    "some roughly approximately estimated up to as many as fewer less under another further total between and "
    "to - – % percent km one two three four five six seven eight nine ten eleven twelve thirteen twenty "
    "twenty-five forty ninety soldiers killed captured KIA Hopin Nam Mar town base said , . ; : ( ) \" ' _ x_5 "
    "its their our both many most part section dozens of junta military's hilltop police station stations outposts "
    "camps bases ward wards urban neighbourhood neighborhoods guard border trade gates bridges airport village "
    "headquarters checkpoint positions posts near around above outside Kutkai"
).split()


def _random_text(rng: random.Random) -> str:
    out = []
    for _ in range(rng.randint(1, 25)):
        tok = rng.choice(_TOKENS)
        if rng.random() < 0.2:
            tok = tok.upper() if rng.random() < 0.5 else tok.capitalize()
        out.append(tok)
        out.append(rng.choice([" ", " ", " ", "", ", ", ". ", "-", "\n"]))
    return "".join(out)


@pytest.mark.parametrize(("pattern", "starts"), [(DATE_RE, DATE_STARTS), (FIGURE_RE, FIGURE_STARTS)])
def test_finditer_from_equals_finditer(pattern, starts):
    rng = random.Random(1)
    for _ in range(4000):
        text = _random_text(rng)
        want = [(m.span(), m.groupdict()) for m in pattern.finditer(text)]
        got = [(m.span(), m.groupdict()) for m in finditer_from(pattern, starts, text)]
        assert got == want, text


@pytest.mark.parametrize(("pattern", "starts"), [(DATE_RE, DATE_STARTS), (FIGURE_RE, FIGURE_STARTS)])
def test_non_ascii_punctuation_takes_the_fast_path_with_the_same_matches(pattern, starts):
    rng = random.Random(2)
    for _ in range(2000):
        text = _random_text(rng)
        for ch in rng.sample(["“", "”", "’", "‘", "—", "–", "\u00a0", "\u2009", "…"], 3):
            i = rng.randint(0, len(text))
            text = text[:i] + ch + text[i:]
        want = [(m.span(), m.groupdict()) for m in pattern.finditer(text)]
        got = [(m.span(), m.groupdict()) for m in finditer_from(pattern, starts, text)]
        assert got == want, text


def test_non_ascii_text_takes_the_plain_path():
    text = "On 12 March, ſince Monday, ၁၂ soldiers"
    assert [m.span() for m in finditer_from(DATE_RE, DATE_STARTS, text)] == [m.span() for m in DATE_RE.finditer(text)]


# --------------------------------------------------------------------------------------------
# ``finditer_at`` prefilters: every match of a pattern starts where its ``starts`` expression
# matches. Proved from the pattern itself: the strings any match may begin with are read off
# the parsed pattern (lower-cased, cut where the pattern stops being literal), and each must
# begin with one of the listed starts.

import re._constants as _c  # noqa: E402
import re._parser as _parser  # noqa: E402

_MAX_PREFIX = 32
_SMALL_SET = 40


def _class_chars(items) -> set[str] | None:
    """The characters of a small character class (lower-cased), or None (too many / negated)."""
    chars: set[str] = set()
    for op, av in items:
        if op is _c.LITERAL:
            chars.add(" " if chr(av).isspace() else chr(av).lower())
        elif op is _c.RANGE and av[1] - av[0] < _SMALL_SET:
            chars.update(chr(x).lower() for x in range(av[0], av[1] + 1))
        elif op is _c.CATEGORY and av is _c.CATEGORY_DIGIT:
            chars.update("0123456789")  # other digits are word characters: plain path
        elif op is _c.CATEGORY and av is _c.CATEGORY_SPACE:
            chars.add(" ")  # a space in a start stands for \s (``scan.starts_re``)
        else:
            return None
    return chars if len(chars) <= _SMALL_SET else None


def _prefixes(items: list, acc: str = "", at_word: bool = False, optional: bool = False) -> set[tuple[str, bool]]:
    """(prefix, at a word start) pairs: every match of ``items`` begins with one of the prefixes;
    ``at word start`` when a ``\\b`` comes before the first character. ``optional``: an optional
    group (``?``) is read through, both ways (longer prefixes, slower), else cut after it."""
    if len(acc) >= _MAX_PREFIX or not items:
        return {(acc, at_word)}
    (op, av), rest = items[0], list(items[1:])
    if op is _c.LITERAL:
        return _prefixes(rest, acc + (" " if chr(av).isspace() else chr(av).lower()), at_word, optional)
    if op is _c.IN:
        chars = _class_chars(av)
        if chars is None or acc and len(chars) > 3:  # a big class after the first character: cut (fewer prefixes)
            return {(acc, at_word)}
        return set().union(*(_prefixes(rest, acc + ch, at_word, optional) for ch in chars))
    if op is _c.AT:
        return _prefixes(rest, acc, at_word or (av is _c.AT_BOUNDARY and acc == ""), optional)
    if op in (_c.ASSERT, _c.ASSERT_NOT):
        return _prefixes(rest, acc, at_word, optional)  # a look-around consumes nothing: skipped (conservative)
    if op is _c.SUBPATTERN:
        return _prefixes(list(av[-1]) + rest, acc, at_word, optional)
    if op is _c.BRANCH:
        return set().union(*(_prefixes(list(b) + rest, acc, at_word, optional) for b in av[1]))
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        lo, hi, sub = av
        if lo >= 1 and len(sub) == 1 and sub[0][0] is _c.IN and _class_chars(sub[0][1]) == {" "}:
            if not acc:  # a start's opening space is one white-space character: a run opening the match is cut
                return {(" ", at_word)}
            return _prefixes(rest, acc + " ", at_word, optional)  # white space, one or more: a space
        once = _prefixes(list(sub), acc, at_word, optional)
        out: set[tuple[str, bool]] = set()
        if lo == 0:
            out |= _prefixes(rest, acc, at_word, optional)  # skipped
        if lo == hi == 1 or optional and hi == 1:  # once (or not at all, above): what follows is followed
            return out | _prefixes(list(sub) + rest, acc, at_word, optional)
        return out | once  # taken at least once: cut there (what follows is not followed)
    return {(acc, at_word)}  # anything else: the prefix ends here


def match_prefixes(pattern: re.Pattern, optional: bool = False) -> set[tuple[str, bool]]:
    return _prefixes(list(_parser.parse(pattern.pattern, pattern.flags)), optional=optional)


def _covered(prefix: str, at_word: bool, word_starts: tuple[str, ...], anywhere: tuple[str, ...]) -> bool:
    return any(prefix.startswith(k) for k in anywhere) or (at_word and any(prefix.startswith(k) for k in word_starts))


def test_prefix_reader_on_small_patterns():
    assert match_prefixes(re.compile(r"\b(?:ab|c[de]f)\s")) == {("ab ", True), ("cdf ", True), ("cef ", True)}
    assert match_prefixes(re.compile(r"(?:x\s+)?y+z")) == {("x ", False), ("y", False)}
    assert match_prefixes(re.compile(r"(?:x\s+)?y+z"), optional=True) == {("x y", False), ("y", False)}
    assert match_prefixes(re.compile(r"\d{1,3}th")) == {(d, False) for d in "0123456789"}


def _check_starts(pattern: re.Pattern, word_starts: tuple[str, ...], anywhere: tuple[str, ...] = (),
                  optional: bool = False) -> None:
    missing = sorted(p for p, w in match_prefixes(pattern, optional) if not _covered(p, w, word_starts, anywhere))
    assert not missing, f"matches may open with {missing[:20]}: add them to the starts"


def test_trigger_starts_cover_every_form():
    from ingestion.extract.triggers import TRIGGER_RE, TRIGGER_STARTS

    _check_starts(TRIGGER_RE, TRIGGER_STARTS)


@pytest.mark.parametrize("name", ["UNIT", "HEAD_FIRST", "LOCATED_SITE", "INDEF", "REF"])
def test_place_pattern_starts_cover_every_form(name):
    from ingestion.extract import places

    pattern = getattr(places, f"{name}_RE")
    if name == "UNIT":
        _check_starts(pattern, places.UNIT_WORD_STARTS, places.UNIT_ANYWHERE)
    else:
        _check_starts(pattern, getattr(places, f"{name}_STARTS"))


def test_ref_pattern_matches_as_its_backtracking_form():
    """REF_RE's modifier word is ``[a-z]+(?:-[a-z]*)?``, not the ``[a-z]+-?[a-z]*`` it was: the
    same words, without the many ways to split one word that made a failing match slow."""
    from ingestion.extract.places import REF_RE

    old = re.compile(REF_RE.pattern.replace("[a-z]+(?:-[a-z]*)?", "[a-z]+-?[a-z]*"))
    assert old.pattern != REF_RE.pattern
    words = ("the this its their both two 3 junta's regime key-town hill-top front-line strategic main- "
             "large towns town city bases base camps camp police station stations border gates gate "
             "administration township office offices road army's villagers' ward wards Hpakant and of - ’s 's").split()
    rng = random.Random(3)
    for _ in range(6000):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 12)))
        want = [(m.span(), m.group("noun")) for m in old.finditer(text)]
        assert [(m.span(), m.group("noun")) for m in REF_RE.finditer(text)] == want, text


def test_negation_starts_cover_every_form():
    from ingestion.extract.triggers import NEGATION, NEGATION_ANYWHERE, NEGATION_STARTS, negated

    _check_starts(NEGATION, NEGATION_STARTS, NEGATION_ANYWHERE)
    for before in ("the KIA failed to ", "troops didn't ", "they could not yet ", "on 3 May ", "may ", "the AA "):
        assert negated(before) == (NEGATION.search(before) is not None), before


def test_date_starts_cover_every_form():
    from ingestion.extract.dates import DATE_RE, DATE_WORD_STARTS

    _check_starts(DATE_RE, DATE_WORD_STARTS, optional=True)  # "last" alone never opens a date: "last week" does


def test_clause_break_starts_cover_every_form():
    from ingestion.extract import events

    _check_starts(events.CLAUSE_BREAK, events.CLAUSE_BREAK_STARTS, events.CLAUSE_BREAK_ANYWHERE)
    assert match_prefixes(re.compile(r"\s+-")) == {(" ", False)}  # a run of white space opening a match: cut
    assert match_prefixes(re.compile(r"\s-")) == {(" -", False)}


def test_speech_and_anaphor_starts_cover_every_form():
    from ingestion.extract import mentions

    _check_starts(mentions.SPEECH_RE, mentions.SPEECH_STARTS)
    _check_starts(mentions.ANAPHOR_RE, mentions.ANAPHOR_STARTS, optional=True)


def test_head_first_starts_expression_is_its_list():
    """The factored expression reports the positions the list's own expression reports."""
    from ingestion.extract import places

    keyed = places.starts_re(places.HEAD_FIRST_STARTS)
    rng = random.Random(5)
    words = [*places.HEAD_KIND, "of", "called", "named", "the", "x"]
    for _ in range(3000):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 8)))
        want = [m.start() for m in keyed.finditer(text)]
        assert [m.start() for m in places._HEAD_FIRST_STARTS_RE.finditer(text)] == want, text


def test_starts_report_positions_inside_longer_beginnings():
    from ingestion.extract.scan import starts_re

    assert [m.start() for m in starts_re(("police station of", "station of")).finditer("police station of")] == [0, 7]


def test_a_space_in_a_start_is_any_white_space():
    from ingestion.extract.scan import starts_re

    rx = starts_re(("the town",))
    assert [m.start() for m in rx.finditer("x the  town, the\ttown, the\n town, the\u00a0town, thetown")] == [2, 13, 23, 34]


def _all_starts():
    from ingestion.extract import events, mentions, places, triggers

    return [(mentions.ANAPHOR_RE, mentions._ANAPHOR_STARTS_RE), (mentions.SPEECH_RE, mentions._SPEECH_STARTS_RE),
            (places.UNIT_RE, places._UNIT_STARTS_RE), (places.LOCATED_SITE_RE, places._LOCATED_SITE_STARTS_RE),
            (places.INDEF_RE, places._INDEF_STARTS_RE), (places.REF_RE, places._REF_STARTS_RE),
            (places.HEAD_FIRST_RE, places._HEAD_FIRST_STARTS_RE), (triggers.NEGATION, triggers._NEGATION_STARTS_RE),
            (triggers.TRIGGER_RE, triggers.TRIGGER_STARTS_RE), (events.CLAUSE_BREAK, events._CLAUSE_BREAK_STARTS_RE)]


@pytest.mark.parametrize("index", range(10))
def test_automaton_starts_report_every_position_of_the_expression(index):
    """``Starts.positions`` (Aho-Corasick) reports every position its exact expression reports
    (more are allowed: they only cost a failed try), and ``finditer_at`` finds what the
    pattern's own ``finditer`` finds."""
    from ingestion.extract.scan import Starts, finditer_at

    pattern, starts = _all_starts()[index]
    if not isinstance(starts, Starts):
        pytest.skip("a plain expression")
    rng = random.Random(11 + index)
    words = sorted({w for k in (starts.regex.pattern,) for w in re.findall(r"[a-z'-]+", k)} | set(_TOKENS))
    seps = [" ", "  ", "", ", ", ". ", "-", "\n", "\t", "\u00a0", " – ", "’", "_"]
    for _ in range(3000):
        parts = []
        for _ in range(rng.randint(1, 14)):
            w = rng.choice(words)
            r = rng.random()
            parts.append(w.upper() if r < 0.1 else w.capitalize() if r < 0.3 else w)
            parts.append(rng.choice(seps))
        text = "".join(parts)
        low = text.lower()
        want = {m.start() for m in starts.regex.finditer(low)}
        assert want <= set(starts.positions(low)), text
        assert ([(m.span(), m.groupdict()) for m in finditer_at(pattern, starts, text, 0, len(text))]
                == [(m.span(), m.groupdict()) for m in pattern.finditer(text)]), text


def test_bare_name_gates_answer_as_their_expressions():
    """``places._speaker_after`` / ``_area_after`` / ``_list_before`` answer as the expressions
    they spare (their verbs and first letters read off the expressions)."""
    from ingestion.extract import places

    tail = places._SPEAKER_AFTER.pattern.rsplit("(?:", 1)[1]
    assert set(tail[:tail.index(")")].split("|")) == set(places._SPEAKER_VERBS)
    words = ["said", "Said", "says", "told", "noted", "claimed", "the", "a", "spokesman", "officer", "region", "Region",
             "areas", "hills", "Hills", "river", "ſpecial", "special", "sub-township", "self-administered", "border",
             "area", "and", "of", "near", "at", ",", "X", "Kyauk", "Mon", "Ward", *re.findall(r"[a-z]{3,}", places._TITLE_BEFORE.pattern),
             "spokesperson", "Spokesman", "spokeswoman",
             "VILLAGER", "xofficer", "ſpokesman", "Battalion", "command", "LIB", "Depot", "ခလရ"]
    seps = [" ", "  ", "", ",", ", ", "\t", "\n", "\u00a0", " , "]
    rng = random.Random(21)
    for _ in range(1500):
        s = "".join(rng.choice(words) + rng.choice(seps) for _ in range(rng.randint(1, 8)))
        for e in range(len(s) + 1):
            assert places._speaker_after(s, e) == (places._SPEAKER_AFTER.match(s, e) is not None), (s, e)
            assert places._area_after(s, e) == (places._AREA_AFTER.match(s, e) is not None), (s, e)
            assert places._list_before(s, e) == (places._LIST_BEFORE.search(s, 0, e) is not None), (s, e)
            assert places._title_before(s, e) == (places._TITLE_BEFORE.search(s[max(0, e - 25):e]) is not None
                                                  and places._TITLE_BEFORE.search(s, 0, e) is not None), (s, e)
            assert places.has_unit_stem(s[:e]) == (places._UNIT_STEM_RE.search(s[:e]) is not None), (s, e)


def test_stem_gated_patterns_answer_as_their_expressions():
    """``StemGated`` only spares searches: the same matches as the plain expression."""
    from ingestion.extract.claims import _ROLE_HINT
    from ingestion.extract.events import BASE_WORDS

    words = ["camp", "Camps", "BASE", "bases", "outpost", "Post", "positions", "battalion", "Headquarters", "garrison",
             "strongholds", "baſe", "Spokesman", "spokesperson", "Officer", "commander", "Leader", "chairman",
             "Secretary", "head", "Chief", "member", "Representative", "director", "Minister", "speaks", "SPOKESMAN",
             "İstanbul", "Kamp", "the", "said", "x", "’", "-", "—"]
    rng = random.Random(5)
    for _ in range(3000):
        text = "".join(rng.choice(words) + rng.choice([" ", "", ", ", "-"]) for _ in range(rng.randint(0, 8)))
        for gated in (BASE_WORDS, _ROLE_HINT):
            assert [m.span() for m in gated.finditer(text)] == [m.span() for m in gated.pattern.finditer(text)], text
            got, want = gated.search(text), gated.pattern.search(text)
            assert (got and got.span()) == (want and want.span()), text


def test_state_media_gate_answers_as_the_expression():
    """``document._STATE_MEDIA`` (STATE_MEDIA asked only of a text with one of its stems) finds
    what STATE_MEDIA finds: each alternative, spelt in every case, and random texts."""
    from ingestion.extract.claims import STATE_MEDIA
    from ingestion.extract.document import _STATE_MEDIA

    names = ["Global New Light of Myanmar", "GNLM", "MRTV", "Myawady", "Ministry of Information", "information ministry",
             "NUG's information ministry", "state-run media", "State media", "Myanmar Radio and Television", "MITV",
             "The Mirror", "Office of the Commander-in-Chief", "True News", "Myanma Alinn", "Kyemon",
             "the information team", "MNA", "Myanmar News Agency", "state-run television", "state newspaper",
             "state broadcaster", "Mizzima", "The Irrawaddy", "ſtate media", "\u212ayemon"]
    words = [w for n in names for w in n.split()] + ["the", "said", "x", "’", "-", "(junta)"]
    texts = names + [n.upper() for n in names] + [n.lower() for n in names]
    rng = random.Random(11)
    texts += [" ".join(rng.choice(words) for _ in range(rng.randint(0, 6))) for _ in range(3000)]
    for text in texts:
        got, want = _STATE_MEDIA.search(text), STATE_MEDIA.search(text)
        assert (got and got.span()) == (want and want.span()), text
    # a new alternative of STATE_MEDIA needs a stem of its own in the gate
    depth, alternatives, cur = 0, [], ""
    for ch in STATE_MEDIA.pattern:
        depth += (ch == "(") - (ch == ")")
        if ch == "|" and depth == 0:
            alternatives.append(cur)
            cur = ""
        else:
            cur += ch
    alternatives.append(cur)
    for alt in alternatives:
        body = re.sub(r"\(\?<!.*?\)", "", alt)  # not what a look-behind reads
        assert any(stem in body for stem in _STATE_MEDIA.stems), alt


def test_speech_date_gate_answers_as_the_expression():
    """``document._SPEECH_DATE`` (asked only of a text with one of its speech words) finds what
    SPEECH_DATE finds; every speech word of SPEECH_DATE holds one of the stems."""
    from ingestion.extract.document import _SPEECH_DATE, SPEECH_DATE, SPEECH_DATE_STEMS

    verbs = re.search(r"\\b\(\?:(.*?)\)\\s\+", SPEECH_DATE.pattern).group(1)
    alternatives = [a for a in verbs.split("|")]
    for alt in alternatives:
        assert any(stem in alt for stem in SPEECH_DATE_STEMS), alt
    words = [re.sub(r"\\s.*", "", a) for a in alternatives] + ["in", "a", "statement", "on", "late", "its", "Telegram",
                                                             "channel", "the", "x", "Said", "SAID", "ſaid", "Monday"]
    rng = random.Random(17)
    for _ in range(4000):
        text = "".join(rng.choice(words) + rng.choice([" ", "  ", "", ", ", "\n"]) for _ in range(rng.randint(0, 7)))
        got, want = _SPEECH_DATE.search(text), SPEECH_DATE.search(text)
        assert (got and got.span()) == (want and want.span()), text


def test_pieces_answer_as_findall():
    """``mentions._is_lower_word`` and ``_is_inner_capital`` (read only around each place the
    item stands) answer as membership in the set ``findall`` gives over the whole text."""
    from ingestion.extract.mentions import _INNER_CAP, _LOWER_WORD, _is_inner_capital, _is_lower_word

    rng = random.Random(13)
    alphabet = list("abcXYZ ,;.'’-\n\t") + ["Foo", "bar", "Bar", "x-y", "A.", "é", "É", "1", "_"]
    texts = ["The AA took Foo. In Foo, the town of Bar fell; residents of bar-town fled, and Foo Bar held.",
             *("".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60))) for _ in range(3000))]
    for text in texts:
        words, capitals = set(_LOWER_WORD.findall(text)), set(_INNER_CAP.findall(text))
        for item in set(re.findall(r"[\w'’-]+", text)) | {w.lower() for w in re.findall(r"[\w'’-]+", text)}:
            assert _is_lower_word(text, item) == (item in words), (text, item)
            assert _is_inner_capital(text, item) == (item in capitals), (text, item)


def test_no_number_word_no_number_start():
    """``figures._may_hold_number`` is false only where ``_NUM_START`` finds nothing."""
    from ingestion.extract.figures import _NUM_START, _may_hold_number

    rng = random.Random(9)
    for _ in range(4000):
        low = _random_text(rng).lower()
        if not _may_hold_number(low):
            assert _NUM_START.search(low) is None, low
    assert not _may_hold_number("the junta said") and _may_hold_number("a dozen") and _may_hold_number("x7")


def test_named_most_is_the_sole_top_of_most_common():
    from collections import Counter

    from ingestion.extract.document import _named_most

    rng = random.Random(4)
    for _ in range(3000):
        states = [rng.choice("ABCD") for _ in range(rng.randint(0, 7))]
        counts = Counter(states).most_common(2)
        want = counts[0][0] if counts and (len(counts) == 1 or counts[0][1] > counts[1][1]) else None
        assert _named_most(states) == want, states


def test_shared_starts_report_each_members_own_positions():
    """One pass for all the sentence-level beginnings (``scan.SENTENCE_STARTS``) gives every
    member exactly the positions its own automata give, on single and odd white space too."""
    import ingestion.extract.events  # noqa: F401  (their patterns join the shared pass on import)
    import ingestion.extract.mentions  # noqa: F401
    import ingestion.extract.places  # noqa: F401
    import ingestion.extract.triggers  # noqa: F401
    from ingestion.extract.scan import SENTENCE_STARTS

    rng = random.Random(11)
    assert len(SENTENCE_STARTS.members) >= 9
    for _ in range(3000):
        text = _random_text(rng)
        for low in (text.lower(), text.lower().replace(" ", "  "), "_" + text.lower()):
            SENTENCE_STARTS.reset()
            for slot, starts in enumerate(SENTENCE_STARTS.members):
                assert SENTENCE_STARTS.positions(low, slot) == starts.own_positions(low), low


def test_number_starts_match_the_plain_alternation():
    """``_NUM_START`` (number words grouped by first letter) matches what the plain alternation does."""
    from ingestion.extract.figures import _NUM_START, _STARTS_NUM

    plain = re.compile(r"[0-9]|\b(?:a\s+(?:dozen|hundred|thousand|million)|" + _STARTS_NUM[len("[0-9]|"):] + ")")
    rng = random.Random(12)
    for _ in range(4000):
        low = _random_text(rng).lower()
        assert [m.span() for m in _NUM_START.finditer(low)] == [m.span() for m in plain.finditer(low)], low


def test_ref_gate_keeps_every_back_reference():
    """REF_RE tried only where ``places._ref_gate`` lets it finds what the plain scan finds."""
    from ingestion.extract.places import REF_RE, _REF_STARTS_RE, _ref_gate
    from ingestion.extract.scan import finditer_at

    rng = random.Random(13)
    extra = ["the two junta's strategic key bases fell", "its main anti-regime town", "both towns, the cities",
             "those  police\tstations", "their administration offices", "this x y z w town", "the three old border gates"]
    for i in range(4000):
        text = extra[i % len(extra)] if i < len(extra) else _random_text(rng)
        got = [m.span() for m in finditer_at(REF_RE, _REF_STARTS_RE, text, 0, len(text), _ref_gate(text, text.lower(), None))]
        assert got == [m.span() for m in REF_RE.finditer(text)], text
