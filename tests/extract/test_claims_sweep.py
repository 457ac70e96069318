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


# ---------------------------------------------------------------- who says it

def test_who_denies_a_claim_and_says_more_claims_what_it_says():
    text = LEAD + "The junta said 70 KIA fighters were killed. The KIA denied the claim and said only 4 of its fighters had died."
    assert ("killed", 4, KIA) in got(text)


# ---------------------------------------------------------------- verbs of killing

@pytest.mark.parametrize("text", [
    "The PDF said it gunned down 13 junta soldiers.",
    "The PDF said its snipers picked off 13 junta soldiers.",
    "The PDF said it mowed down 13 junta soldiers.",
    "The PDF said it recovered the remains of 13 junta soldiers.",
])
def test_more_verbs_of_killing_before_the_count(text):
    assert got(LEAD + text) == {("killed", 13, PDF)}


def test_remains_as_a_verb_is_no_killing():
    assert got(LEAD + "The junta remains in 13 towns, the PDF said.") == set()


# ---------------------------------------------------------------- one person and kin

@pytest.mark.parametrize("text, n", [
    ("A junta airstrike killed a mother and her four children, residents said.", 5),
    ("A mother and her four children were killed in the airstrike, residents said.", 5),
    ("A junta airstrike killed a farmer and his wife, residents said.", 2),
])
def test_one_person_and_their_kin_are_counted_together(text, n):
    assert got(LEAD + text) == {("killed", n, WIRE)}


# ---------------------------------------------------------------- brackets

def test_a_part_in_brackets_between_the_count_and_its_verb():
    assert got(LEAD + "The KNDF said 19 soldiers (including three officers) were killed.") == {("killed", 19, KNDF)}


def test_a_tally_opening_a_bracket():
    assert got(LEAD + "The KNDF said the junta suffered heavy losses (19 killed, 33 wounded).") == {
        ("killed", 19, KNDF), ("wounded", 33, KNDF)}


def test_a_number_in_brackets_after_a_unit_is_no_count():
    assert got(LEAD + "The base of Light Infantry Battalion (517) was overrun, the KNDF said.") == set()


# ---------------------------------------------------------------- what a side has left

@pytest.mark.parametrize("text", [
    "The junta now controls just four of the state's townships, the KIA said.",
    "The junta still holds 4 towns in the state, the KIA said.",
    "The junta still controls about 40 camps in the hills, the KIA said.",
])
def test_what_a_side_still_holds_is_no_gain(text):
    assert got(LEAD + text) == set()


def test_a_count_of_towns_held_without_still_stays_a_figure():
    assert got(LEAD + "The KIA said it holds 9 towns.") == {("towns_captured", 9, KIA)}


# ---------------------------------------------------------------- number shapes

@pytest.mark.parametrize("words, n", [
    ("two-dozen", 24),
    ("four-hundred", 400),
    ("12k", 12000),
])
def test_a_number_with_its_multiplier_joined(words, n):
    assert got(LEAD + f"The PDF said it killed {words} junta soldiers.") == {("killed", n, PDF)}


@pytest.mark.parametrize("text", [
    "The PDF said it killed between 17-21 junta soldiers.",
    "The PDF said it killed between 17 to 21 junta soldiers.",
    "The PDF said it killed between 17 and 21 junta soldiers.",
])
def test_between_with_a_dash_or_to(text):
    from tests.extract.claim_helpers import claims
    [c] = claims(LEAD + text)
    assert (c.metric, c.value_low, c.value_high, c.claimant) == ("killed", 17, 21, PDF)


# ---------------------------------------------------------------- one person and others

@pytest.mark.parametrize("text, n", [
    ("A teacher and 6 others were killed in the shelling, residents said.", 7),
    ("A monk and five villagers were killed in the shelling, residents said.", 6),
    ("The shelling killed a teacher and 6 others, residents said.", 7),
])
def test_one_person_and_a_count_are_one_count(text, n):
    assert got(LEAD + text) == {("killed", n, WIRE)}


def test_a_thing_and_a_count_are_no_more_people():
    assert got(LEAD + "A truck and 6 soldiers were destroyed in the blast, the PDF said.") != {("killed", 7, PDF)}


# ---------------------------------------------------------------- burned alive

@pytest.mark.parametrize("text", [
    "Nine villagers were burned alive, residents said.",
    "Junta troops burned alive nine villagers, residents said.",
    "Nine villagers were buried alive, residents said.",
])
def test_burned_or_buried_alive_is_killed(text):
    assert got(LEAD + text) == {("killed", 9, WIRE)}


def test_captured_alive_stays_captured():
    assert got(LEAD + "Nine soldiers were captured alive, the PDF said.") == {("captured_personnel", 9, PDF)}


# ---------------------------------------------------------------- places attacked, some taken

@pytest.mark.parametrize("text", [
    "The KIA attacked 6 junta outposts in the hills on Sunday and captured one of them.",
    "The KIA attacked 6 junta outposts in the hills on Sunday and captured two of them.",
])
def test_places_attacked_are_no_count_of_places_taken(text):
    assert ("outposts_captured", 6, KIA) not in got(LEAD + text)


# ---------------------------------------------------------------- denials with a claim of their own

@pytest.mark.parametrize("text", [
    "The junta said 80 KIA fighters were killed. The KIA rejected the reports and added that it had killed 23 soldiers.",
    "The junta said 80 KIA fighters were killed. The KIA dismissed the claims, saying it had killed 23 soldiers.",
])
def test_who_rejects_reports_and_adds_a_figure_claims_it(text):
    assert ("killed", 23, KIA) in got(LEAD + text)


def test_kills_as_a_noun():
    assert got(LEAD + "The PDF claimed 31 kills in the month.") == {("killed", 31, PDF)}


# ---------------------------------------------------------------- the wounded taken

@pytest.mark.parametrize("text", [
    "The KNDF said it captured 18 wounded junta soldiers.",
    "The KNDF said 18 wounded soldiers were captured.",
])
def test_wounded_soldiers_captured_are_prisoners(text):
    assert got(LEAD + text) == {("captured_personnel", 18, KNDF)}


def test_wounded_soldiers_carried_away_stay_wounded():
    assert got(LEAD + "The KNDF said 18 injured soldiers were airlifted out.") == {("wounded", 18, KNDF)}


# ---------------------------------------------------------------- spokesmen quoted by name alone

@pytest.mark.parametrize("text, who", [
    ("Khaing Thukha told reporters that 36 junta soldiers were killed.", "Arakan Army"),
    ('"We killed 36 soldiers," Lway Yay Oo said.', "Ta'ang National Liberation Army"),
])
def test_a_group_s_spokesman_named_alone_speaks_for_it(text, who):
    assert got(LEAD + text) == {("killed", 36, who)}


# ---------------------------------------------------------------- "the" and "all of the" before a count

@pytest.mark.parametrize("text, metric", [
    ("The KNDF said it killed the 16 soldiers guarding the bridge.", "killed"),
    ("The KNDF said it captured all the 16 soldiers at the post.", "captured_personnel"),
    ("All of the 16 soldiers at the post were captured, the KNDF said.", "captured_personnel"),
])
def test_a_count_after_the_or_all_of_the(text, metric):
    assert got(LEAD + text) == {(metric, 16, KNDF)}


def test_a_count_said_again_with_the_is_one_claim():
    text = LEAD + "The KNDF said 16 soldiers were guarding the bridge. It said it killed the 16 soldiers."
    assert got(text) == {("killed", 16, KNDF)}


def test_part_of_the_whole_stays_no_count_of_the_whole():
    assert ("other", 17, KNDF) not in got(LEAD + "The KNDF said it had taken 9 of the 17 townships.")


# ---------------------------------------------------------------- one figure, said as lost and as killed

def test_soldiers_lost_in_the_headline_and_killed_in_the_body_are_one_count():
    text = ("Junta loses more than 70 troops in failed push on Hpa Lan\n\n"
            "The PDF said more than 70 junta soldiers were killed in four days of fighting.")
    assert got(text) == {("killed", 71, PDF)}


def test_soldiers_lost_with_no_other_count_stay_a_loss():
    assert {m for m, _v, _c in got(LEAD + "The junta lost 70 soldiers in the push, the PDF said.")} == {"other"}


# ---------------------------------------------------------------- hauls

@pytest.mark.parametrize("text, n", [
    ("The PDF said it seized 11 rifles and a machine gun.", 12),
    ("The PDF said it seized 11 rifles, 3 pistols and a mortar.", 15),
])
def test_one_more_weapon_after_a_count_of_them(text, n):
    assert got(LEAD + text) == {("weapons_seized", n, PDF)}


def test_weapons_found_along_with_the_dead():
    assert got(LEAD + "The PDF said 13 bodies of soldiers were found along with 6 small arms.") == {
        ("killed", 13, PDF), ("weapons_seized", 6, PDF)}


# ---------------------------------------------------------------- towns among places taken

def test_towns_among_positions_taken_are_a_count_of_their_own():
    assert got(LEAD + "The KIA said it had seized 260 junta positions, including 11 towns, since March.") == {
        ("outposts_captured", 260, KIA), ("towns_captured", 11, KIA)}


def test_bases_among_positions_taken_stay_a_part():
    assert got(LEAD + "The KIA said it had seized 260 junta positions, including 11 battalion bases.") == {
        ("outposts_captured", 260, KIA)}


# ---------------------------------------------------------------- a numbered brigade speaking

def test_a_spokesman_for_a_group_s_numbered_brigade_speaks_for_the_group():
    text = (LEAD + "Saw Htoo Wah, a spokesman for the Karen National Union's Brigade 3, said a junta drone strike "
            "killed 5 villagers.")
    assert got(text) == {("killed", 5, "Karen National Liberation Army")}


# ---------------------------------------------------------------- noun phrases and asides

def test_a_noun_phrase_of_two_nouns_before_a_relative_clause():
    text = LEAD + "A resident said at least 6 elderly people who could not flee were burned to death."
    assert got(text) == {("killed", 6, WIRE)}


@pytest.mark.parametrize("text", [
    "The PDF said 140 soldiers – among them two majors – were taken prisoner.",
    "The PDF said 140 soldiers – including two majors – were taken prisoner.",
    "The PDF said 140 soldiers, among them two majors, were taken prisoner.",
])
def test_a_part_between_dashes_is_no_count_of_its_own(text):
    assert got(LEAD + text) == {("captured_personnel", 140, PDF)}


# ---------------------------------------------------------------- found with the dead; treated for injuries

def test_weapons_listed_after_the_bodies_found_are_seized():
    text = LEAD + "Junta columns found the bodies of 4 terrorists, 7 firearms and mines at the site, state media said."
    assert got(text) == {("killed", 4, "Myanmar Armed Forces"), ("weapons_seized", 7, "Myanmar Armed Forces")}


@pytest.mark.parametrize("text", [
    "A rescue worker said 27 people were being treated for injuries.",
    "Twenty-seven people were treated for wounds at the hospital, a rescue worker said.",
])
def test_people_treated_for_injuries_are_wounded(text):
    assert got(LEAD + text) == {("wounded", 27, WIRE)}


# ---------------------------------------------------------------- "N of them" after a clause, not a count

def test_n_of_them_after_a_clause_is_a_count():
    text = (LEAD + "The junta sent about 400 troops to retake the town. Within a week, about 70 of them had been "
            "killed and 25 captured, the PDF said.")
    assert got(text) == {("killed", 70, PDF), ("captured_personnel", 25, PDF)}


def test_n_of_them_after_a_count_stays_a_part():
    assert got(LEAD + "The PDF said 19 soldiers were killed, 4 of them officers.") == {("killed", 19, PDF)}


def test_a_half_dozen():
    assert got(LEAD + "The PDF said it killed a half dozen junta soldiers.") == {("killed", 6, PDF)}


# ---------------------------------------------------------------- kin; weapons left behind

@pytest.mark.parametrize("text", [
    "The shelling killed four children and their grandmother, residents said.",
    "Four children and their mother were killed in the shelling, residents said.",
])
def test_a_count_and_their_parent_is_one_more(text):
    assert got(LEAD + text) == {("killed", 5, WIRE)}


@pytest.mark.parametrize("text", [
    "The junta troops fled, leaving behind 19 weapons, the PDF said.",
    '"They left behind 19 weapons," a PDF commander said.',
])
def test_weapons_left_behind_are_seized(text):
    assert got(LEAD + text) == {("weapons_seized", 19, PDF)}


def test_people_left_behind_are_no_count():
    assert got(LEAD + "The junta troops left behind 300 civilians in the town.") == set()


def test_two_aircraft_downed_one_by_one():
    assert got(LEAD + "The KNDF said it had downed a Mi-35 helicopter and a Yak-130 jet.") == {("aircraft_downed", 2, KNDF)}


def test_one_aircraft_downed():
    assert got(LEAD + "The KNDF said it had downed a Mi-35 helicopter near the town.") == {("aircraft_downed", 1, KNDF)}


# ---------------------------------------------------------------- taken out, taken as prisoners, defectors

def test_taken_out_is_killed():
    assert got(LEAD + "The PDF said it took out 14 junta soldiers with drones.") == {("killed", 14, PDF)}


@pytest.mark.parametrize("text", [
    "The PDF said it had taken 14 soldiers as POWs.",
    "The PDF said it held 14 soldiers as hostages.",
])
def test_soldiers_taken_as_prisoners_are_captured(text):
    assert got(LEAD + text) == {("captured_personnel", 14, PDF)}


@pytest.mark.parametrize("text", [
    "The PDF said 14 soldiers came over to its side.",
    "The PDF said 14 soldiers had crossed over to the resistance.",
    "The PDF said 14 police officers joined the revolution with their weapons.",
])
def test_defectors_to_the_resistance_are_an_other_count(text):
    assert got(LEAD + text) == {("other", 14, PDF)}


# ---------------------------------------------------------------- soldiers held

@pytest.mark.parametrize("text", [
    "The PDF said it was holding 21 junta soldiers.",
    "The PDF said 21 junta soldiers remain in its custody.",
])
def test_soldiers_a_group_holds_are_prisoners(text):
    assert got(LEAD + text) == {("captured_personnel", 21, PDF)}


@pytest.mark.parametrize("text", [
    "The PDF struck the camp, which held about 80 soldiers, the group said.",
    "The base held 80 soldiers before the attack, the PDF said.",
])
def test_a_garrison_held_is_no_count_of_prisoners(text):
    assert got(LEAD + text) == set()


# ---------------------------------------------------------------- people who fled

@pytest.mark.parametrize("text", [
    "The shelling has driven some 7,000 people into the jungle, residents said.",
    "Around 7,000 people are taking shelter in the forest, residents said.",
    "Some 7,000 villagers ran for their lives, residents said.",
])
def test_more_ways_of_fleeing(text):
    assert got(LEAD + text) == {("displaced", 7000, WIRE)}


def test_troops_driven_into_a_town_are_no_displaced():
    assert got(LEAD + "The junta drove 7,000 troops into the town, residents said.") == set()


# ---------------------------------------------------------------- a side's own losses put at a figure

def test_a_side_putting_its_losses_at_a_figure_after_the_other_side_s_count():
    text = LEAD + "The junta said 52 KNDF fighters were killed. The KNDF put its losses at 6."
    assert got(text) == {("killed", 52, "Myanmar Armed Forces"), ("killed", 6, KNDF)}


def test_losses_put_in_the_sentence_of_another_speaker_are_no_claim_of_it():
    text = LEAD + "The junta said 52 KNDF fighters were killed, while the KNDF put its own losses at 6."
    assert ("killed", 6, "Myanmar Armed Forces") not in got(text)
