"""Claims on invented sentences, a fifth round of the genres of real reporting: soldiers "taken
hostage", the count of prisoners of war a tally comes to, hauls whose verb is an adjective ("200
captured weapons") or listed after "weapons seized included", people "driven from their homes" with
no noun after the figure, and counts of places that the report names one by one (no figure claim:
each place is a control change of its own).

Every sentence here is made up (places, people and numbers are invented); none comes from
the evaluation sets.
"""
from __future__ import annotations

import pytest

from tests.extract.claim_helpers import MAF, PDF, KNLA, KIA, AA, WIRE, got


# ---------------------------------------------------------------- prisoners

@pytest.mark.parametrize("text", [
    "The KNLA took 43 soldiers hostage.",
    "The KNLA said it took 43 junta troops hostage during the raid.",
])
def test_soldiers_taken_hostage_are_captured(text):
    assert got(text) == {("captured_personnel", 43, KNLA)}


@pytest.mark.parametrize("text", [
    "The KIA said the number of prisoners of war had reached 517.",
    "The number of POWs held by the KIA stood at 517, it said.",
])
def test_the_count_prisoners_of_war_come_to(text):
    assert got(text) == {("captured_personnel", 517, KIA)}


def test_political_prisoners_are_no_prisoners_of_war():
    assert got("The number of political prisoners has reached 21,400, a rights group said.") == set()


# ---------------------------------------------------------------- hauls

@pytest.mark.parametrize("text, n", [
    ("The KIA displayed 230 captured weapons.", 230),
    ("The KIA showed reporters 37 seized rifles.", 37),
])
def test_a_haul_whose_verb_is_an_adjective(text, n):
    assert got(text) == {("weapons_seized", n, KIA)}


def test_captured_soldiers_shown_stay_prisoners():
    assert got("The KIA showed 230 captured soldiers.") == {("captured_personnel", 230, KIA)}


@pytest.mark.parametrize("text, n", [
    ("Weapons seized included 27 assault rifles and 3 machine guns, the KNLA said.", 30),
    ("The haul included 14 rifles and 5 mortars, the KNLA said.", 19),
])
def test_the_parts_of_a_haul_after_included_are_summed(text, n):
    assert got(text) == {("weapons_seized", n, KNLA)}


# ---------------------------------------------------------------- displaced

@pytest.mark.parametrize("text, n", [
    ("The shelling has driven 6,300 from their homes, the PDF said.", 6300),
    ("The shelling has driven thousands from their homes, the PDF said.", 2000),
])
def test_driven_from_their_homes_with_no_noun(text, n):
    assert got(text) == {("displaced", n, PDF)}


# ---------------------------------------------------------------- places counted and named

def _place_counts(text: str) -> set[tuple]:
    return {t for t in got(text) if t[0] in ("bases_captured", "outposts_captured", "towns_captured")}


def test_a_count_of_bases_the_report_names_one_by_one_is_no_figure():
    text = ("The KNLA said on Sunday it had taken all three junta battalions stationed near Kawdo.\n\n"
            "The KNLA captured the bases of Light Infantry Battalion 871, Light Infantry Battalion 872 and "
            "Light Infantry Battalion 873 after five days of fighting.")
    assert _place_counts(text) == set()


def test_a_count_larger_than_the_places_named_stays_a_figure():
    text = ("The KNLA said on Sunday it had taken nine junta bases near Kawdo.\n\n"
            "The KNLA captured the bases of Light Infantry Battalion 871 and Light Infantry Battalion 872 "
            "after five days of fighting.")
    assert _place_counts(text) == {("bases_captured", 9, KNLA)}


def test_places_named_as_taken_by_two_captors_do_not_add_up():
    text = ("Resistance forces overran three junta battalion headquarters over the week.\n\n"
            "The KIA overran the headquarters of Light Infantry Battalion 871 on Tuesday.\n\n"
            "The AA captured the headquarters of Light Infantry Battalion 872 in Rakhine State on Monday.")
    assert {m for m, _v, _c in _place_counts(text)} == {"bases_captured"}


@pytest.mark.parametrize("text", [
    "The KNLA said it overran two battalion headquarters, LIB 614 and IB 29, on Sunday.",
    "The KNLA said it overran two junta bases near Kawdo — Light Infantry Battalion 614 and Infantry Battalion 29.",
    "The KNLA said it overran Htee Moo, Kaw Lah and Pa Leh, three junta camps in Dooplaya District.",
    "Htee Moo, Kaw Lah and Pa Leh, three of the junta's camps, fell to the KNLA on Sunday.",
    "The KNLA said it overran three junta camps on Sunday. They were Htee Moo, Kaw Lah and Pa Leh.",
    "The KNLA said it overran three junta camps on Sunday. The camps taken, it said, were Htee Moo, Kaw Lah and Pa Leh.",
])
def test_places_named_one_by_one_around_their_count_are_no_figure(text):
    assert _place_counts(text) == set()


@pytest.mark.parametrize("text", [
    "The KNLA said it overran three junta camps on Sunday. They were attacked with drones first.",
    "The KNLA said it overran three junta camps on Sunday. They were Htee Moo and Kaw Lah, among others.",
    "The KNLA said it overran Htee Moo, Kaw Lah and nine other junta camps in Dooplaya District.",
])
def test_a_count_its_names_do_not_cover_stays_a_figure(text):
    assert {m for m, _v, _c in _place_counts(text)} == {"outposts_captured"}


# ---------------------------------------------------------------- who says it

@pytest.mark.parametrize("text", [
    '"Our fighters killed 27 enemy soldiers," said a statement from the KNLA.',
    '"Our fighters killed 27 enemy soldiers," said a statement issued by the KNLA.',
    '"Our fighters killed 27 enemy soldiers," said a statement from the KNLA\'s Brigade 6.',
])
def test_a_statement_after_a_quotation_is_its_issuer_s(text):
    assert got(text) == {("killed", 27, KNLA)}


def test_who_denies_a_claim_and_says_more_claims_what_it_says():
    assert got("The KNLA denied the claim, saying it had killed 27 soldiers.") == {("killed", 27, KNLA)}


def test_denied_reports_with_their_figure_stay_no_word_of_the_denier():
    assert ("killed", 27, MAF) not in got("The junta denied reports that 27 soldiers were killed.")


# ---------------------------------------------------------------- the dead as a noun

@pytest.mark.parametrize("text, n", [
    ("The KNLA estimated junta deaths at around 46.", 46),
    ("Junta deaths were estimated at 46, the KNLA said.", 46),
    ("The KNLA put junta fatalities at 46.", 46),
    ("Fatalities on the junta side exceeded 46, the KNLA said.", 47),
    ("The KNLA said that the enemy lost 46 dead.", 46),
])
def test_the_dead_a_count_of_deaths_comes_to(text, n):
    assert got(text) == {("killed", n, KNLA)}


@pytest.mark.parametrize("text", [
    "There are now 19 junta soldiers in KIA custody, the group said.",
    "Nineteen junta soldiers are in the KIA's custody, the group said.",
])
def test_soldiers_in_a_named_side_s_custody_are_captured(text):
    assert got(text) == {("captured_personnel", 19, KIA)}


# ---------------------------------------------------------------- lines

def test_a_tally_in_bullet_lines_reads_each_line_alone():
    text = ("The KIA released its figures for May on Monday.\n\n"
            "• Junta soldiers killed: 318\n• Wounded: 207\n• Captured: 23\n• Weapons seized: 41")
    assert got(text) == {("killed", 318, KIA), ("wounded", 207, KIA), ("captured_personnel", 23, KIA),
                         ("weapons_seized", 41, KIA)}


def test_a_line_with_no_full_stop_does_not_take_the_next_line_for_its_object():
    text = "Kalay – 31 junta soldiers killed\nTamu – 9 junta soldiers killed"
    assert {v for _m, v, _c in got(text)} == {31, 9}


# ---------------------------------------------------------------- a count spoken of again

@pytest.mark.parametrize("second", [
    "Among the 53 soldiers killed was a battalion commander, the PDF said.",
    "Junta media did not mention the 53 deaths.",
])
def test_the_count_named_again_with_the_is_no_claim_of_its_own(second):
    text = "The KNLA said it had killed 53 junta soldiers near Kyondoe on Monday.\n\n" + second
    assert got(text) == {("killed", 53, KNLA)}


def test_a_first_count_with_the_is_still_a_claim():
    assert got("The KNLA said the 53 soldiers who guarded the bridge were all killed.") == {("killed", 53, KNLA)}


def test_a_figure_of_the_resistance_at_large_and_of_a_named_group_is_the_group_s():
    text = ("Resistance fighters have taken the Loi Nan base and say they brought down a junta helicopter.\n\n"
            "The KNDF said its fighters had shot down one helicopter over Loi Nan on Tuesday.")
    assert got(text) == {("aircraft_downed", 1, "Karenni Nationalities Defence Force")}


def test_the_same_figure_from_the_resistance_and_the_junta_stays_two_claims():
    text = ("Resistance fighters said 37 junta soldiers were killed near Loi Nan.\n\n"
            "The junta said 37 terrorists were killed near Loi Nan.")
    assert {c for _m, _v, c in got(text)} == {PDF, MAF}


def test_places_named_as_taken_by_one_side_do_not_cover_the_other_side_s_count():
    text = ("The KNLA captured the bases of Light Infantry Battalion 871, Light Infantry Battalion 872 and "
            "Light Infantry Battalion 873 after five days of fighting.\n\n"
            "State media said on Friday that junta troops had retaken three bases from the KNLA.")
    assert {m for m, _v, _c in _place_counts(text)} == {"bases_captured"}


def test_the_alliance_after_two_of_its_members_is_their_alliance():
    assert got("The junta has lost 11 towns to the MNDAA and the TNLA, the alliance said.") == {
        ("towns_captured", 11, "Three Brotherhood Alliance")}


# ---------------------------------------------------------------- figures

@pytest.mark.parametrize("text, figures", [
    ("rose from 300,000 to 1.2 million, the UN said", [(300000, None, None), (1200000, None, None)]),
    ("rose from 3 to 5 million people", [(3000000, None, None), (5000000, None, None)]),
    ("fell from 30 to 12 soldiers", [(30, None, None), (12, None, None)]),
    ("fled, 2 to 3 million.", [(None, 2000000, 3000000)]),
    ("20 to 30 soldiers", [(None, 20, 30)]),
])
def test_a_second_number_keeps_its_multiplier(text, figures):
    from ingestion.extract.figures import find_figures
    assert [(f.value, f.low, f.high) for f in find_figures(text)] == figures


def test_a_count_that_rose_to_millions_is_read():
    assert ("displaced", 1200000, WIRE) in got("The number of IDPs in Sagaing rose from 300,000 to 1.2 million, the UN said.")


@pytest.mark.parametrize("text, n", [
    ("The KNLA captured 340 pieces of weapons and ammunition.", 340),
    ("The KNLA seized 14 types of guns from the camp.", 14),
    ("The KNLA seized a haul of 340 weapons.", 340),
    ("The KNLA seized a large cache of 340 weapons.", 340),
])
def test_a_haul_counted_in_pieces_or_as_a_cache(text, n):
    assert got(text) == {("weapons_seized", n, KNLA)}


@pytest.mark.parametrize("text", [
    "The KNU recorded 31 rounds of fighting in Dooplaya District in May.",
    "The KNU said there had been 31 incidents of armed clashes in May.",
])
def test_rounds_and_incidents_of_fighting_are_clashes(text):
    assert got(text) == {("clashes", 31, KNLA)}


def test_rounds_of_ammunition_stay_no_count():
    assert got("The KNLA seized 3 rifles and 500 rounds of ammunition.") == {("weapons_seized", 3, KNLA)}
