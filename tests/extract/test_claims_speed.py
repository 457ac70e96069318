"""The claims stage's shortcuts (figures found from an automaton's number starts, cheap gates
before regular expressions) answer exactly as the plain expressions they stand for."""
from __future__ import annotations

import random
import re

from ingestion.extract import figures as F

_TOKENS = (
    "the a an at on in of by over under some about around nearly almost more than less fewer no not least atleast "
    "most up to as many another further total estimated roughly approximately close well just minimum excess upwards "
    "upward between and or so plus odd half few dozen dozens a few hundred hundreds thousand thousands tens scores "
    "several million one two three four five six seven eight nine ten eleven twelve thirteen twenty twenty-five "
    "forty ninety often someone tension tends onerous fourth sixty-one 0 1 7 12 31 2024 1999 4,600 3.4 10 000 "
    "100,000 2023-11-05 IB-135 x5 _ten soldiers killed captured towns said % km - , . ; : ( ) \" '"
).split()
_GAPS = [" ", " ", " ", "", ", ", ". ", "-", "\n", "  ", "\t", " \n "]


def _random_text(rng: random.Random) -> str:
    out = []
    for _ in range(rng.randint(1, 25)):
        tok = rng.choice(_TOKENS)
        if rng.random() < 0.15:
            tok = tok.upper() if rng.random() < 0.5 else tok.capitalize()
        out.append(tok)
        out.append(rng.choice(_GAPS))
    return "".join(out)


def test_number_starts_are_the_number_expressions_but_inside_digit_runs():
    rng = random.Random(21)
    for _ in range(6000):
        low = _random_text(rng).lower()
        want = [m.start() for m in F._NUM_START.finditer(low) if not (m.start() and low[m.start() - 1].isdigit())]
        assert F._number_starts(low) == want, low
    for low in ("a dozen", "a few  dozen", "a\nthousands", "xa dozen", "a-dozen", "a few few dozen", "2024-11"):
        want = [m.start() for m in F._NUM_START.finditer(low) if not (m.start() and low[m.start() - 1].isdigit())]
        assert F._number_starts(low) == want, low


def _scan_at_number_starts(text: str):
    """The figures' scan as written before the number starts and the hedge gate: FIGURE_RE tried at
    each ``_NUM_START`` match, after a hedge that ends there (its matches are FIGURE_RE.finditer's
    but where "a dozens" hides "dozens", and the like: kept as they were)."""
    low, done = text.lower(), 0
    for c in F._NUM_START.finditer(low):
        p = c.start()
        if p < done:
            continue
        m = None
        h = F._HEDGE_BEFORE.search(low, max(done, p - 32), p)
        if h is not None:
            m = F.FIGURE_RE.match(text, h.start())
        if m is None:
            m = F.FIGURE_RE.match(text, p)
        if m is not None:
            yield m
            done = m.end()


def test_figures_found_from_number_starts_are_the_scan_before():
    """ASCII text (the path the number starts serve; other text goes through ``finditer_from``)."""
    rng = random.Random(22)
    for _ in range(6000):
        text = _random_text(rng)
        want = [(m.span(), m.groupdict()) for m in _scan_at_number_starts(text)]
        assert [(m.span(), m.groupdict()) for m in F._iter_figures(text)] == want, text


def test_the_figure_expression_at_a_digit_is_the_full_one():
    rng = random.Random(25)
    for _ in range(4000):
        text = _random_text(rng)
        for p, ch in enumerate(text):
            if "0" <= ch <= "9":
                want, got = F.FIGURE_RE.match(text, p), F._FIGURE_AT_DIGIT.match(text, p)
                assert (got and (got.span(), got.groupdict())) == (want and (want.span(), want.groupdict())), (text, p)


def test_hedge_ends_are_the_last_words_of_the_hedges():
    depth, alts, cur = 0, [], ""
    for ch in F._HEDGE:  # the top-level alternatives of _HEDGE
        depth += (ch == "(") - (ch == ")")
        if ch == "|" and depth == 0:
            alts.append(cur)
            cur = ""
        else:
            cur += ch
    alts.append(cur)
    last = {re.split(r"\\s[*+]", a)[-1] for a in alts}
    assert all(re.fullmatch("[a-z]+", w) for w in last), last
    assert last == set(F._HEDGE_ENDS)


def test_hedge_gate_answers_as_the_hedge_expression():
    rng = random.Random(23)
    for _ in range(3000):
        low = _random_text(rng).lower()
        for p in range(len(low) + 1):
            lo = max(0, p - 32)
            if not F._hedge_may_end(low, lo, p):
                assert F._HEDGE_BEFORE.search(low, lo, p) is None, (low, p)


def test_no_number_no_figure():
    rng = random.Random(24)
    for _ in range(4000):
        text = _random_text(rng)
        if not F.may_hold_figure(text):
            assert F.find_figures(text) == [], text
    assert not F.may_hold_figure("The junta said") and F.may_hold_figure("a dozen") and F.may_hold_figure("x7")
    assert F.may_hold_figure("Thé junta said")  # letters outside ASCII: the plain path decides


def test_plain_numbers_parse_as_before():
    for s, v in (("12", 12.0), ("4,600", 4600.0), ("0", 0.0), ("007", 7.0), ("3.4", 3.4), ("10 000", 10000.0),
                 ("a dozen", 12.0), ("twenty-five", 25.0), ("3.4 million", 3_400_000.0)):
        assert F.parse_number(s) == v, s
    assert F.parse_number("٣") == 3.0  # a digit outside ASCII: the steps, as before


# ---------------------------------------------------------------- claims: gates before expressions
_CLAIM_WORDS = ("Senior General Min Aung Hlaing said the coup leader Commander-in-Chief Gen. Snr Gen Sr. Gen group "
                "spokesman Naw Bu , a KIA spokesperson who speaks for the KIA speaking for an officer of the Army "
                "killed killing wounded captured taken died shot lost his lost her capture of death of among the dead "
                "Command Colonel captain major general chief state media information true news commander mirror "
                "to death fled fell down under remain alive , the an a ; . ’ “ ” a total of in all only just at least atleast "
                "another further estimated \" Yaw Defence Force Revolutionary Army Student Armed Forces resistance group "
                "local defense team Guerrilla Column Tigers District Battalion 5 Local Defence juſt").split()


def _claim_text(rng: random.Random) -> str:
    return "".join(rng.choice(_CLAIM_WORDS) + rng.choice([" ", " ", "", ", ", "\n", "  "]) for _ in range(rng.randint(0, 14)))


def test_claim_gates_answer_as_their_expressions():
    from ingestion.extract import claims as C

    rng = random.Random(31)
    for _ in range(3000):
        t = _claim_text(rng)
        low = t.lower()
        assert C._has_single_verb(t) == any(v in t for v in C._SINGLE_VERBS), t
        assert C._has_officer_stem(low) == any(st in low for st in C._OFFICER_STEMS), t
        assert C._has_tail_stem(low) == any(st in low for st in C._TAIL_STEMS), t
        assert C._has_state_media_stem(low) == any(st in low for st in C._STATE_MEDIA_STEMS), t
        if not C._may_name_chief(t):
            assert C._MILITARY_CHIEF.search(t) is None, t
        lo = rng.randint(0, len(t))
        hi = rng.randint(lo, len(t))
        if C._COMMA_ARTICLE.search(t, lo, hi) is None:
            assert next(C._NAME_ROLE.finditer(t, lo, hi), None) is None, (t, lo, hi)
        if "speak" not in t and "spoke" not in t:
            assert C._NAME_SPEAKS.search(t) is None, t
        for end in (len(t), max(0, len(t) - 7)):
            got, want = C._head_fill(t[:end]), C._HEAD_FILL.search(t[:end])
            assert (got and got.span()) == (want and want.span()), t[:end]
        want = C._RESISTANCE_NAME.search(t) is not None or C._RESISTANCE_WORDS.search(t) is not None
        assert C._resistance_before(t) == want, t
        if not C._has_resistance_head(t):
            assert C._RESISTANCE_NAME.match(t) is None, t


def test_may_claim_skips_the_figures_of_a_sentence_without_numbers():
    from ingestion.extract import claims as C
    from ingestion.extract.mentions import SentenceMentions
    from ingestion.extract.sentences import Sentence

    def sm(text: str) -> SentenceMentions:
        return SentenceMentions(Sentence(0, len(text), text, 0, 0), [], [], [])

    quiet = sm("The junta said the town was calm.")
    assert not C.may_claim(quiet) and quiet._figures is None  # never asked for
    assert C.may_claim(sm("The KIA said 12 soldiers died."))
    assert C.may_claim(sm("A soldier was killed."))
    assert C.may_claim(sm("The vote was held in 2024."))  # a figure (a year: find_claims drops it)


def test_role_patterns_tried_at_their_openings_find_every_match():
    from ingestion.extract import claims as C
    from ingestion.extract.scan import finditer_at

    words = ["Spokesman", "spokesperson", "SPOKESMAN", "Officer", "official", "information officer", "commander",
             "Leader", "chairman", "chair", "Secretary", "head", "Chief", "member", "Representative", "director",
             "Minister", "speaks", "general", "colonel", "captain", "major", "Col.", "Naw", "Bu", "Lt", "Maj",
             "Tun", "the", "KIA", "x", "’s", "-", "İstanbul", "baſe"]
    rng = random.Random(32)
    for _ in range(4000):
        t = "".join(rng.choice(words) + rng.choice([" ", "", ", ", "-", "  ", "\n"]) for _ in range(rng.randint(0, 12)))
        lo = rng.randint(0, len(t))
        hi = rng.randint(lo, len(t))
        got = [m.span() for m in finditer_at(C._ROLE_HINT.pattern, C._ROLE_HINT_STARTS, t, 0, len(t))]
        assert got == [m.span() for m in C._ROLE_HINT.pattern.finditer(t)], t
        got = [(m.span(), m.group("name")) for m in finditer_at(C._ROLE_NAME, C._ROLE_NAME_STARTS, t, lo, hi)]
        assert got == [(m.span(), m.group("name")) for m in C._ROLE_NAME.finditer(t, lo, hi)], (t, lo, hi)
