"""Claims on invented sentences, a fourth round of the genres of real reporting: a local defence
force after "according to" at a sentence's end, prisoners "taken as POWs", relative clauses about
the counted ("230 soldiers that it had captured", "accepted 500 soldiers who surrendered", "30
soldiers who were guarding the bridge were killed"), every part listed after "including", "the
displacement / evacuation / arrest of N", tallies of attacks in state media ("There were 46 terror
acts"), "Of the 14 towns captured by X, ...", the junta's words after the junta spoke, millions
abbreviated ("3.5m") and fractions, unnamed unit officers, "according to the ministry('s report)",
"the groups" after members of a coalition, casualty nouns before a linking verb ("junta casualties in
the week numbered 47"), "killed and wounded" as one count, deserters, interview questions ("Asked how
many towns ..."), people on the run or in camps, places "liberated", and "the junta's figure of 40".

Every sentence here is made up (places, people and numbers are invented); none comes from
the evaluation sets.
"""
from __future__ import annotations

import pytest

from ingestion.extract.figures import find_figures
from tests.extract.claim_helpers import MAF, PDF, KNLA, KNDF, KIA, AA, WIRE, claims, got


# ---------------------------------------------------------------- who says it

@pytest.mark.parametrize("text", [
    "26 junta soldiers were killed, according to the Yaw Defence Force.",
    "26 junta soldiers were killed, according to the Myaung Defence Force.",
    "According to the Myaung Defence Force, 26 junta soldiers were killed.",
])
def test_a_local_defence_force_after_according_to_is_the_pdf(text):
    assert got(text) == {("killed", 26, PDF)}


# ---------------------------------------------------------------- prisoners of war

@pytest.mark.parametrize("text", [
    "More than 80 junta soldiers, including a lieutenant colonel, were taken as POWs, the KIA said.",
    "The KIA said 81 junta soldiers were taken as POWs.",
    "The KIA said 81 junta soldiers were taken as prisoners of war.",
])
def test_taken_as_pows_are_captured(text):
    assert {(m, c) for m, _v, c in got(text)} == {("captured_personnel", KIA)}


@pytest.mark.parametrize("text, metric", [
    ("The TNLA released a video of 230 soldiers that it had captured.", "captured_personnel"),
    ("The TNLA released a video of 230 soldiers whom it had captured.", "captured_personnel"),
    ("The TNLA showed 230 soldiers whom its fighters captured.", "captured_personnel"),
    ("The TNLA displayed 230 rifles which its fighters seized.", "weapons_seized"),
])
def test_a_relative_clause_with_a_subject_of_its_own_counts_its_object(text, metric):
    assert got(text) == {(metric, 230, "Ta'ang National Liberation Army")}


def test_a_relative_clause_whose_subject_is_the_count_is_no_object():
    # "who killed": the counted did it
    assert got("The KNDF said 230 soldiers who killed villagers in Demoso had fled.") == set()


# ---------------------------------------------------------------- the parts of a count after "including"

@pytest.mark.parametrize("text", [
    "The PDF seized 21 weapons, including 19 rifles and 2 machine guns.",
    "The PDF seized 21 weapons, including 14 rifles, 5 pistols and 2 machine guns.",
])
def test_every_listed_part_after_including_is_no_count(text):
    assert got(text) == {("weapons_seized", 21, PDF)}


def test_a_haul_of_no_count_listed_after_including_is_still_summed():
    assert got("The PDF seized arms and ammunition, including 19 rifles, 2 machine guns and 4 mortars.") == {
        ("weapons_seized", 25, PDF)}


def test_a_count_after_the_parts_and_a_comma_is_its_own():
    assert got("The KNDF said 17 soldiers were killed, including 6 officers, and 30 were wounded.") == {
        ("killed", 17, KNDF), ("wounded", 30, KNDF)}


# ---------------------------------------------------------------- a noun of the act before its count

@pytest.mark.parametrize("text, metric, value", [
    ("The offensive has led to the displacement of around 30,000 people, OCHA said.", "displaced", 30000),
    ("Local groups organised the evacuation of 2,500 villagers from Mese.", "displaced", 2500),
    ("The AA reported the arrest of 14 junta soldiers near Kyaukphyu.", "captured_personnel", 14),
])
def test_the_displacement_evacuation_or_arrest_of_a_count(text, metric, value):
    assert {(m, v) for m, v, _c in got(text)} == {(metric, value)}


def test_the_detention_of_civilians_is_no_prisoners_of_war():
    assert got("The junta ordered the detention of 40 residents.") == set()


# ---------------------------------------------------------------- relative clauses about the counted

@pytest.mark.parametrize("text, metric", [
    ("The AA said it had accepted 500 junta soldiers who surrendered.", "surrendered"),
    ("The AA said it had accepted 500 junta soldiers who had surrendered with their families.", "surrendered"),
    ("The AA buried the bodies of 500 soldiers who were killed in the battle.", "killed"),
])
def test_the_object_of_another_act_counted_by_its_relative_clause(text, metric):
    assert got(text) == {(metric, 500, AA)}


@pytest.mark.parametrize("text", [
    "Three generals who surrendered were sentenced to death, the junta said.",
    "The KNDF said 230 soldiers who killed villagers in Demoso had fled.",
    "Food aid is needed by 3,000 people who have been forced from their homes.",
])
def test_a_relative_clause_that_describes_the_counted_is_no_count(text):
    assert got(text) == set()


@pytest.mark.parametrize("text, metric", [
    ("The KNDF said 30 soldiers who were guarding the bridge were killed.", "killed"),
    ("The KNDF said 30 soldiers who were guarding the bridge had been killed.", "killed"),
    ("The KNDF said 30 soldiers who fled the base were later captured.", "captured_personnel"),
])
def test_the_main_verb_after_a_relative_clause_counts(text, metric):
    assert got(text) == {(metric, 30, KNDF)}


# ---------------------------------------------------------------- tallies of attacks

@pytest.mark.parametrize("text", [
    "There were 46 terror acts in Mandalay Region during the period, the information team said.",
    "A total of 46 terrorist attacks were carried out in the region in the first quarter.",
    "46 terrorist attacks occurred in Sagaing Region in June.",
])
def test_a_tally_of_attacks_told_of_the_attacks(text):
    assert got(text, "Global New Light of Myanmar") == {("other", 46, MAF)}


def test_a_monitor_that_recorded_airstrikes():
    assert got("The KNLA said it had recorded 63 junta airstrikes in May.") == {("other", 63, KNLA)}


def test_a_few_attacks_of_one_story_are_no_tally():
    assert got("There were 3 attacks on the town.") == set()


def test_terrorist_attacks_are_no_count_of_terrorists():
    assert got("The junta said 46 terrorist attacks had killed 12 civilians.", "Global New Light of Myanmar") == {
        ("killed", 12, MAF)}


# ---------------------------------------------------------------- "Of the N x captured by Y, ..."

@pytest.mark.parametrize("text, metric", [
    ("Of the 14 towns captured by the AA, 6 were in Rakhine State.", "towns_captured"),
    ("Of the 14 soldiers captured in the raid, 5 were officers, the AA said.", "captured_personnel"),
])
def test_the_whole_before_its_parts_with_a_phrase_after_its_participle(text, metric):
    assert {(m, v) for m, v, _c in got(text)} == {(metric, 14)}


def test_the_places_named_before_are_still_no_count():
    assert got("The AA attacked Kyauktaw and Minbya. The two towns fell on Monday.") == set()


# ---------------------------------------------------------------- the junta's words after the junta spoke

def test_a_count_in_the_juntas_words_after_state_media_spoke_is_the_juntas():
    text = ("The Global New Light of Myanmar reported clashes in Mogaung. "
            "Security forces suffered 4 casualties while 14 KIA insurgents were killed.")
    assert got(text) == {("other", 4, MAF), ("killed", 14, MAF)}


def test_a_count_in_plain_words_after_the_junta_spoke_is_not_made_the_juntas():
    text = "The junta said fighting broke out near Hpakant. 14 KIA fighters were killed."
    assert {c for _m, _v, c in got(text)} != {MAF}


# ---------------------------------------------------------------- figures: millions abbreviated, fractions

@pytest.mark.parametrize("text, low, high", [
    ("nearly 3.5m people", None, 3_500_000),
    ("more than 1.2mn displaced", 1_200_001, None),
])
def test_millions_abbreviated_after_a_digit(text, low, high):
    [f] = find_figures(text)
    assert (f.low, f.high) == (low, high)


def test_a_fraction_is_no_figure():
    assert [f.value for f in find_figures("two-thirds of the 300 soldiers")] == [300]
    assert find_figures("one-third of them") == []


def test_displaced_millions_in_british_copy():
    assert got("Fighting has displaced more than 3.5m people, the UN says.") == {("displaced", 3_500_001, WIRE)}


@pytest.mark.parametrize("tail", ["according to a Brigade 5 officer", "according to a frontline commander",
                                  "a Brigade 5 officer told Karen News"])
def test_an_unnamed_officer_of_a_unit_speaks_for_the_side_the_report_named(tail):
    text = f"The KNLA attacked a junta column near Kawkareik. Twelve junta soldiers were wounded, {tail}."
    assert got(text, "Karen News") == {("wounded", 12, KNLA)}


# ---------------------------------------------------------------- a count noun, then a time, then a linking verb

@pytest.mark.parametrize("text, metric, low", [
    ("The KNDF reported that junta casualties in the week numbered 47.", "other", 47),
    ("The KNDF said junta casualties stood at 47 for the week.", "other", 47),
    ("The KNDF said junta fatalities during the week reached 47.", "killed", 47),
    ("The KNDF reported that junta deaths in the week numbered 47.", "killed", 47),
    ("The KNDF said junta casualties last month exceeded 46.", "other", 47),
])
def test_a_count_noun_subject_of_a_linking_verb(text, metric, low):
    assert got(text) == {(metric, low, KNDF)}


def test_the_parts_of_such_a_count():
    assert got("The KNDF reported that junta casualties in the week numbered 47, including 19 dead.") == {
        ("other", 47, KNDF), ("killed", 19, KNDF)}


# ---------------------------------------------------------------- "according to the ministry('s report)"

@pytest.mark.parametrize("source", ["the ministry's report", "the ministry", "the report", "the statement"])
def test_according_to_the_document_of_the_last_speaker(source):
    text = ("The NUG's defence ministry said it had compiled its figures. "
            f"214 junta soldiers were captured, according to {source}.")
    assert got(text) == {("captured_personnel", 214, PDF)}


def test_according_to_a_report_by_an_outlet_is_not_the_last_speakers():
    text = ("The NUG's defence ministry said it had compiled its figures. "
            "214 junta soldiers were captured, according to a report by Radio Free Asia.")
    assert got(text) != {("captured_personnel", 214, PDF)}


# ---------------------------------------------------------------- "the groups" after two members of a coalition

def test_the_groups_are_the_coalition_though_the_resistance_at_large_was_named():
    text = ("Anti-junta groups have taken several towns in northern Shan State this month. "
            "The TNLA, together with its ally the MNDAA, took Namhsan on Friday. "
            "The groups also say they have taken roughly 80 soldiers prisoner.")
    assert got(text) == {("captured_personnel", 80, "Three Brotherhood Alliance")}


# ---------------------------------------------------------------- one count of the dead and the wounded together

@pytest.mark.parametrize("text", [
    "The KNLA said about 60 junta soldiers were killed and wounded.",
    "The junta suffered 60 dead and wounded, the KNLA said.",
    "The KNLA said it had killed and wounded some 60 junta soldiers.",
])
def test_killed_and_wounded_in_one_count_is_other(text):
    assert {(m, v) for m, v, _c in got(text)} == {("other", 60)}


@pytest.mark.parametrize("text", [
    "The KNLA said 60 junta soldiers were killed and 20 wounded.",
    "The KNLA said 60 junta soldiers were killed and many others wounded.",
])
def test_killed_then_a_count_of_its_own_is_still_the_dead(text):
    assert ("killed", 60) in {(m, v) for m, v, _c in got(text)}


# ---------------------------------------------------------------- deserters

@pytest.mark.parametrize("text, metric", [
    ("Around 500 junta soldiers have deserted since the offensive began, the NUG said.", "other"),
    ("Around 500 junta soldiers have deserted to the KNLA since the offensive began, the NUG said.", "surrendered"),
    ("Around 500 conscripts had deserted and handed themselves over with their rifles, the NUG said.", "surrendered"),
])
def test_deserters_are_other_unless_they_gave_themselves_up(text, metric):
    assert got(text) == {(metric, 500, PDF)}


# ---------------------------------------------------------------- interviews: the question gives the answer its verb

@pytest.mark.parametrize("text, metric", [
    ('The KIA took Mansi on Friday. Asked how many towns the KIA has captured, its spokesman said: '
     '"It is now 9 towns, counting Mansi."', "towns_captured"),
    ('The KIA took Mansi on Friday. Asked how many soldiers had been killed, its spokesman replied: "About 9."', "killed"),
])
def test_the_question_gives_the_answer_its_verb(text, metric):
    assert {(m, v, c) for m, v, c in got(text)} == {(metric, 9, KIA)}


def test_a_question_about_named_things_is_no_count():
    assert got("Asked about the 3 towns, he said the KIA had taken them.") == set()


# ---------------------------------------------------------------- more ways to be displaced

@pytest.mark.parametrize("text", [
    "Between 10,000 and 15,000 people are on the run after the airstrikes, the KNDF said.",
    "Nearly 15,000 people are now living in makeshift camps, the KNDF said.",
    "Over 10,000 villagers have sought safety in the jungle, the KNDF said.",
    "About 10,000 people have been made homeless by the fighting, the KNDF said.",
])
def test_people_on_the_run_in_camps_or_made_homeless_are_displaced(text):
    assert {(m, c) for m, _v, c in got(text)} == {("displaced", KNDF)}


def test_soldiers_on_the_run_are_no_displaced():
    assert got("About 40 junta soldiers are on the run after the fall of the camp, the KNDF said.") == set()


def test_towns_liberated_are_captured():
    assert got("Since the start of the offensive, 5 towns have been liberated, the NUG said.") == {
        ("towns_captured", 5, PDF)}


def test_people_liberated_are_no_prisoners_taken():
    assert got("The AA said 120 political prisoners were liberated from the Kyaukphyu jail.") == set()


# ---------------------------------------------------------------- whose figure: "the junta's figure of 40"

@pytest.mark.parametrize("text, claimant", [
    ("The junta's figure of 40 dead could not be verified.", MAF),
    ("The KNLA's count of 40 dead soldiers could not be verified by AFP.", KNLA),
    ("The KIA's tally of 40 junta soldiers killed was released on Monday.", KIA),
])
def test_a_sides_figure_of_n_is_its_claim(text, claimant):
    assert got(text, "AFP") == {("killed", 40, claimant)}
