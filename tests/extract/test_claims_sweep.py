"""Claims on invented sentences from a phrasing sweep: shapes of real war reporting written
from scratch (lists of three kinds under one passive verb, number words with no "and", ...),
each kept fix with a sentence of its own.

Every sentence here is made up (places, people and numbers are invented); none comes from
the evaluation sets.
"""
from __future__ import annotations

import pytest

from tests.extract.claim_helpers import KIA, KNDF, PDF, WIRE, got

LEAD = "Residents described a tense week in the area. Markets stayed closed and schools were shut. "


# ---------------------------------------------------------------- lists under one passive verb

@pytest.mark.parametrize("text, n", [
    ("The KNDF said 14 soldiers, 6 policemen and 3 militiamen were killed.", 23),
    ("The KNDF said 14 soldiers, 6 policemen, and 3 militiamen were killed.", 23),
    ("The KNDF said 14 soldiers and 6 policemen were killed.", 20),
])
def test_a_list_of_three_kinds_under_one_passive_verb_is_one_count(text, n):
    assert got(LEAD + text) == {("killed", n, KNDF)}


def test_a_list_of_three_kinds_of_civilians_is_one_count():
    assert got(LEAD + "Nine villagers, 2 monks and 4 teachers were wounded.") == {("wounded", 15, WIRE)}


def test_a_list_of_three_kinds_of_places_stays_three_counts():
    assert got(LEAD + "Seven towns, 110 bases and 35 outposts have fallen to the KIA, it said.") == {
        ("towns_captured", 7, KIA), ("bases_captured", 110, KIA), ("outposts_captured", 35, KIA)}


# ---------------------------------------------------------------- number words

@pytest.mark.parametrize("words, n", [
    ("one hundred forty", 140),
    ("three hundred seven", 307),
    ("one thousand four hundred sixty", 1460),
    ("a hundred and forty", 140),
])
def test_number_words_with_no_and(words, n):
    assert got(LEAD + f"The PDF said it killed {words} junta soldiers.") == {("killed", n, PDF)}
