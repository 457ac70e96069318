"""The fast scanners find exactly what the plain regular expressions find."""
from __future__ import annotations

import random

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


def test_non_ascii_text_takes_the_plain_path():
    text = "On 12 March, ſince Monday, ၁၂ soldiers"
    assert [m.span() for m in finditer_from(DATE_RE, DATE_STARTS, text)] == [m.span() for m in DATE_RE.finditer(text)]
