"""Claims on invented sentences in genres of real reporting that the other claim tests hardly
cover: rights groups' and monitors' casualty round-ups (AAPP-, ISP-, ACLED-style tallies), UN
displacement figures, junta statements with sub-counts, resistance weekly and monthly reports,
figures in words, ranges and bounds, cumulative totals, attribution by "according to", quotes
that span sentences, wire stories from the border, and Burmese-translated English.

Every sentence here is made up (places, people, groups' spokesmen and numbers are invented);
none comes from the evaluation sets.
"""
from __future__ import annotations

import pytest

from ingestion.extract.extractor import extract_report
from ingestion.models import Claim, Report

MAF = "Myanmar Armed Forces"
PDF = "People's Defence Force"
KNLA = "Karen National Liberation Army"
KNDF = "Karenni Nationalities Defence Force"
KIA = "Kachin Independence Army"
AA = "Arakan Army"
WIRE = "Test Wire"


def claims(text: str, outlet: str | None = WIRE) -> list[Claim]:
    report = Report(id="t", published="2025-03-10", text=text, outlet=outlet, title=None)
    return [f for f in extract_report(report) if isinstance(f, Claim)]


def got(text: str, outlet: str | None = WIRE) -> set[tuple]:
    return {(c.metric, c.value if c.value is not None else (c.value_low if c.value_low is not None else c.value_high),
             c.claimant) for c in claims(text, outlet)}


def full(text: str, outlet: str | None = WIRE) -> set[tuple]:
    return {(c.metric, c.value, c.value_low, c.value_high, c.approximate, c.claimant, c.subject)
            for c in claims(text, outlet)}


# ---------------------------------------------------------------- a side's own count after the other side's

@pytest.mark.parametrize("text, expected", [
    ("The SSPP said the clash near Mongyai killed 6 RCSS soldiers and 3 of its own.",
     {("killed", 6, "Shan State Progress Party", "Restoration Council of Shan State"),
      ("killed", 3, "Shan State Progress Party", "Shan State Progress Party")}),
    ("The KNLA said the fighting at Ler Mu killed 11 junta soldiers and 2 of its fighters.",
     {("killed", 11, KNLA, MAF), ("killed", 2, KNLA, KNLA)}),
    ("The KNDF said the ambush wounded 8 soldiers and 4 of their own members.",
     {("wounded", 8, KNDF, MAF), ("wounded", 4, KNDF, KNDF)}),
])
def test_own_count_after_the_enemys_is_a_count_of_its_own(text, expected):
    assert {(c.metric, c.value, c.claimant, c.subject) for c in claims(text)} == expected


def test_two_kinds_of_the_same_side_are_still_summed():
    assert got("The KNLA said the fighting killed 9 soldiers and 3 policemen.") == {("killed", 12, KNLA)}


# ---------------------------------------------------------------- a part named without commas

@pytest.mark.parametrize("text, outlet, expected", [
    ("Altogether 3,412 people including 1,208 civil servants have been killed by terrorists since 2021.",
     "The Global New Light of Myanmar", {("killed", 3412, MAF)}),
    ("The AA said 214 soldiers including 9 officers were captured at the Kyauktaw base.", WIRE,
     {("captured_personnel", 214, AA)}),
    ("The AA said 214 soldiers, including 9 officers, were captured at the Kyauktaw base.", WIRE,
     {("captured_personnel", 214, AA)}),
])
def test_a_part_without_commas_is_no_count_of_its_own(text, outlet, expected):
    assert got(text, outlet) == expected
