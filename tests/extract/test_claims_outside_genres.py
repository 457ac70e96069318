"""Claims on invented sentences in the styles of junta state media, wire round-ups, analysis
prose, machine-translated rewrites and the Karenni, Chin and south-east outlets: a statement
issued by the junta's information team, a side's own bare losses, counts of battalions.

Every sentence here is made up (places, people and numbers are invented); none comes from
the evaluation sets.
"""
from __future__ import annotations

import pytest

from tests.extract.claim_helpers import MAF, PDF, KNLA, KNDF, claims, got


# ---------------------------------------------------------------- "the statement said"

@pytest.mark.parametrize("text", [
    "The junta's information team issued a statement on Sunday about the fighting in Hpapun.\n\n"
    "The statement said 14 KNU terrorists were killed and security forces seized 9 weapons.",
    "The military council's True News Information Team issued a statement on Friday about the clash near Thandaung.\n\n"
    "According to the statement, 14 terrorists were killed and 9 weapons were seized.",
])
def test_a_statement_of_the_junta_information_team_is_the_junta(text):
    assert got(text) == {("killed", 14, MAF), ("weapons_seized", 9, MAF)}


def test_the_statement_of_an_ethnic_army_stays_its_own():
    text = ("The KNDF issued a statement on Monday about the battle for Pasaung.\n\n"
            "The statement said 14 junta soldiers were killed.")
    assert got(text) == {("killed", 14, KNDF)}


# ---------------------------------------------------------------- a side's own bare losses

@pytest.mark.parametrize("text, expected", [
    ('A spokesperson for the KNLA, Padoh Saw Kyaw, said the group had overrun the Mae Ta camp.\n\n'
     '"Our side lost two," he said.', ("killed", 2, KNLA)),
    ("At least 70 regime soldiers died in the 16-day battle for Hpruso, and the resistance lost 12, the KNDF said.",
     ("killed", 12, KNDF)),
    ("The PDF side lost 3 in the ambush near Myinmu, the group said.", ("killed", 3, PDF)),
])
def test_own_bare_loss_is_killed(text, expected):
    assert expected in got(text)


def test_what_the_junta_lost_bare_is_no_death_count():
    assert not any(m == "killed" for m, _v, _c in got("The junta lost 12 in the first week, the KNLA said."))


# ---------------------------------------------------------------- counts of battalions

@pytest.mark.parametrize("text, expected", [
    ("The regime has lost 8 battalion headquarters in Kayin State, the KNU said.", ("bases_captured", 8, KNLA)),
    ("The KNU said it captured 12 army camps and 3 infantry battalion headquarters.", ("bases_captured", 3, KNLA)),
    ("The KNU said it overran 4 battalions this year.", ("bases_captured", 4, KNLA)),
])
def test_a_count_of_battalions_is_no_unit(text, expected):
    assert expected in got(text)


def test_a_numbered_unit_is_no_count():
    text = "The KNU said it captured the 55 Light Infantry Battalion headquarters and killed 12 soldiers."
    assert got(text) == {("killed", 12, KNLA)}


# ---------------------------------------------------------------- the junta's government as a speaker

@pytest.mark.parametrize("text", [
    "Myanmar authorities said on Sunday that 11 civilians were killed when armed groups shelled a market in Hsipaw.",
    "Myanmar's government said 11 civilians had been killed by insurgent shelling since Monday.",
    "The junta-appointed Kayah State government said 11 civilians were killed by KNDF shelling.",
    "The government in Naypyitaw said 11 civilians had been killed by a drone attack on the airport.",
])
def test_the_junta_government_speaks_for_the_junta(text):
    assert got(text, "Xin Wire") == {("killed", 11, MAF)}


@pytest.mark.parametrize("text, claimant", [
    ("The National Unity Government said 30 junta soldiers were killed.", PDF),
    ("The authorities said 30 insurgents were killed near the border.", "Xin Wire"),
])
def test_other_governments_are_not_the_junta(text, claimant):
    assert {c.claimant for c in claims(text, "Xin Wire")} == {claimant}


def test_civil_servants_are_people_counted():
    text = "The junta said 3 soldiers and 2 civil servants had been killed by a drone attack on the Kalay airport."
    assert ("killed", 2, MAF) in got(text) and ("killed", 3, MAF) in got(text)


# ---------------------------------------------------------------- "killed or wounded"

@pytest.mark.parametrize("text, value", [
    ("The KNDF said about 60 soldiers were killed or wounded in the fighting near Bawlakhe.", 60),
    ("Of the roughly 900 junta troops in the town, around 500 were killed or captured, the KNLA estimated.", 500),
    ("The PDF said it had killed or wounded 45 junta soldiers since May.", 45),
])
def test_killed_or_wounded_is_no_death_count(text, value):
    assert {(m, v) for m, v, _c in got(text)} == {("other", value)}


def test_killed_and_wounded_stay_two_counts():
    assert {(m, v) for m, v, _c in got("The PDF said 45 soldiers were killed and 20 wounded.")} == {
        ("killed", 45), ("wounded", 20)}


# ---------------------------------------------------------------- "taken over 300 bases"

def test_taken_over_a_round_count_is_more_than():
    c = claims("The Arakan Army said it had taken over 170 outposts and bases across the state.")
    assert [(x.metric, x.value, x.value_low) for x in c] == [("bases_captured", None, 171)]


def test_took_over_a_small_count_is_the_particle():
    c = claims("The KNLA said it took over 3 camps near the river on Friday.")
    assert [(x.metric, x.value, x.value_low) for x in c] == [("outposts_captured", 3, None)]


# ---------------------------------------------------------------- machine-translated rewrites

@pytest.mark.parametrize("text, expected", [
    ("The SAC army bombed the village with jet fighter, as the result 6 villagers lost life include 2 children.",
     ("killed", 6, "Test Wire")),
    ("According to the CDF Tonzang, the CDF side lose 2 comrades in the battle.", ("killed", 2, "Chin National Front")),
    ("The PDF side lose 3 in the battle near Salin, the group said.", ("killed", 3, PDF)),
])
def test_garbled_losses(text, expected):
    assert expected in got(text)


def test_the_junta_lose_soldiers_is_no_death_count():
    text = "According to the CDF Tonzang, the junta army lose more than 20 soldiers in the battle."
    assert not any(m == "killed" for m, _v, _c in got(text))


def test_lost_to_death_capture_or_desertion_is_no_death_count():
    text = "By one estimate, the junta has lost some 12,000 soldiers to death, capture or desertion since the coup."
    assert {(m, v) for m, v, _c in got(text, "Policy Review")} == {("other", 12000)}


def test_lost_to_death_alone_is_killed():
    text = "The KNLA said the junta had lost 40 soldiers to death in the week's fighting near Kyondoe."
    assert ("killed", 40, KNLA) in got(text)


# ---------------------------------------------------------------- state media hauls and captives

def test_captured_alive_before_the_count():
    text = "The Tatmadaw columns captured alive 4 terrorists and seized 2 guns near Htantabin."
    assert got(text, "The Global New Light of Myanmar") == {("captured_personnel", 4, MAF), ("weapons_seized", 2, MAF)}


@pytest.mark.parametrize("text, outlet, expected", [
    ("Security forces seized arms and ammunition including 18 small arms and 3,200 rounds from the terrorists.",
     "The Global New Light of Myanmar", {("weapons_seized", 18, MAF)}),
    ("The KNDF said it had killed 25 soldiers and seized weapons, including 9 rifles.", "Test Wire",
     {("killed", 25, KNDF), ("weapons_seized", 9, KNDF)}),
])
def test_a_haul_with_no_count_counts_its_parts(text, outlet, expected):
    assert got(text, outlet) == expected


def test_parts_of_a_counted_haul_are_no_counts():
    text = "The KNDF said it had seized 30 weapons, including 9 rifles."
    assert got(text) == {("weapons_seized", 30, KNDF)}


# ---------------------------------------------------------------- "he said" after a person of a known side

@pytest.mark.parametrize("text, claimant", [
    ("Junta spokesman Zaw Min Tun acknowledged the loss of Hsenwi. He told state media that 21 soldiers had been "
     "killed and the TNLA had lost about 300 fighters.", MAF),
    ("KNDF spokesperson Maw Reh Soe described the battle for Bawlakhe.\n\nHe told reporters that 21 soldiers had been "
     "killed and the KNLA had lost about 300 fighters.", KNDF),
])
def test_he_is_the_person_named_just_before(text, claimant):
    assert {c.claimant for c in claims(text)} == {claimant}


# ---------------------------------------------------------------- a list of groups did it

@pytest.mark.parametrize("text, claimant", [
    ("The Three Brotherhood Alliance launched its offensive in late October. The MNDAA, TNLA and AA have since "
     "seized 11 towns.", "Three Brotherhood Alliance"),
    ("The KIA and the PDF captured 9 bases near Shwegu.", "Kachin Independence Army"),
    ("The TNLA captured 9 bases near Namhsan.", "Ta'ang National Liberation Army"),
])
def test_a_list_of_allies_is_the_coalition_or_the_first(text, claimant):
    assert {c.claimant for c in claims(text)} == {claimant}


# ---------------------------------------------------------------- local forces outside the registry

@pytest.mark.parametrize("text, claimant", [
    ("The Black Leopard Force said it killed 7 junta soldiers in Taze Township.", PDF),
    ("Ko Min, a spokesperson for the Thunder Force, told the outlet that 7 soldiers were killed.", PDF),
    ("The Myanmar Police Force said 7 insurgents were arrested near Wundwin.", MAF),
])
def test_a_local_force_is_the_resistance_and_the_police_force_the_junta(text, claimant):
    assert {c.claimant for c in claims(text)} == {claimant}


# ---------------------------------------------------------------- bracketed counts, "the death toll is"

@pytest.mark.parametrize("text, expected", [
    ("The PDF said (18) junta soldiers were killed and (6) weapons were seized.",
     {("killed", 18, PDF), ("weapons_seized", 6, PDF)}),
    ("The PDF said it captured (6) weapons and killed (11) soldiers near Ayadaw.",
     {("weapons_seized", 6, PDF), ("killed", 11, PDF)}),
    ("The PDF said junta soldiers (18) were killed in the battle.", {("killed", 18, PDF)}),
])
def test_a_bracketed_count(text, expected):
    assert got(text) == expected


def test_a_bracketed_age_after_a_name_is_no_count():
    assert not any(v == 41 for _m, v, _c in got("Daw Khin Win (41) was wounded in the shelling, the KNDF said."))


def test_the_death_toll_is():
    assert got("The death toll of military council is 17 persons, the PDF said.") == {("killed", 17, PDF)}


@pytest.mark.parametrize("text", [
    "The military council's spokesman said 13 fighters were killed near Kyaikmaraw.",
    "The military council's Southeastern Command said 13 KNLA fighters were killed near Kyaikmaraw.",
])
def test_the_military_councils_spokesman_is_the_junta(text):
    assert {c.claimant for c in claims(text)} == {MAF}


def test_weapons_seized_along_with_a_place():
    text = ("Resistance forces killed at least 22 regime soldiers and seized the Kyun Taw police station along with "
            "14 firearms, according to the Taungtha PDF.")
    assert got(text) == {("killed", 22, PDF), ("weapons_seized", 14, PDF)}


# ---------------------------------------------------------------- tallies of attacks

@pytest.mark.parametrize("text, outlet, expected", [
    ("From 1 March to 30 April, the terrorists carried out 33 attacks in the region.",
     "The Global New Light of Myanmar", ("other", 33, MAF)),
    ("The KNLA said the junta had launched 48 air raids on its areas since June.", "Test Wire", ("other", 48, KNLA)),
])
def test_a_tally_of_attacks_is_other(text, outlet, expected):
    assert got(text, outlet) == {expected}


def test_a_few_raids_in_a_story_are_no_tally():
    assert got("The PDF launched three raids on the police station before dawn, the group said.") == set()


def test_the_groups_after_two_members_of_a_coalition_are_the_coalition():
    text = ("The MNDAA and the TNLA attacked junta positions near Monekoe on Friday. "
            "The groups say they have taken 70 soldiers prisoner.")
    assert got(text) == {("captured_personnel", 70, "Three Brotherhood Alliance")}


# ---------------------------------------------------------------- "citing", "as reported by"

@pytest.mark.parametrize("text, claimant", [
    ("Citing the KNDF, the outlet said 13 junta soldiers were killed in Shadaw.", KNDF),
    ("As reported by state media, 13 terrorists were killed near Kyauktaga.", MAF),
    ("13 junta soldiers were killed, as claimed by the KNLA.", KNLA),
])
def test_citing_and_reported_by_name_the_claimant(text, claimant):
    assert {c.claimant for c in claims(text)} == {claimant}


# ---------------------------------------------------------------- "2-3 thousand", "two-thirds of"

def test_a_range_shares_the_multiplier_of_its_second_number():
    c = claims("The KNDF said 4-5 thousand people had fled the shelling of Hpasawng.")
    assert [(x.metric, x.value_low, x.value_high) for x in c] == [("displaced", 4000, 5000)]


def test_a_fraction_is_no_count():
    assert got("The KNDF said two-thirds of the 90 soldiers at the camp surrendered.") == set()


# ---------------------------------------------------------------- junta outlets by other spellings

@pytest.mark.parametrize("outlet", ["The New Light of Myanmar", "Myawaddy TV", "MOI Webportal", "Myanmar Digital News"])
def test_junta_outlets_speak_for_the_junta(outlet):
    assert got("Security forces found the bodies of 5 terrorists near Kyonpyaw.", outlet) == {("killed", 5, MAF)}


def test_the_town_of_myawaddy_is_no_outlet():
    assert {c.claimant for c in claims("In Myawaddy, the KNU said 5 junta soldiers were killed.")} == {KNLA}


@pytest.mark.parametrize("text", [
    "The IEC said 900 civilians had been killed in Karenni State since the coup and 210,000 displaced.",
    "The IEC said the junta had killed 900 civilians and 210,000 people displaced since the coup.",
])
def test_displaced_after_a_death_count_is_a_count_of_its_own(text):
    assert got(text) == {("killed", 900, KNDF), ("displaced", 210000, KNDF)}


@pytest.mark.parametrize("text, expected", [
    ("The KNDF and allied troops capture the station, 6 soldiers was arrest alive and 1 soldier die, the KNDF said.",
     {("captured_personnel", 6, KNDF), ("killed", 1, KNDF)}),
    ("Because of military council attack by aircraft, 3 civilians include child were die and 9 people injure in Ywathit.",
     {("killed", 3, "Test Wire"), ("wounded", 9, "Test Wire")}),
    ("The PDF attack with drone to the military council camp, kill 4 soldiers and injure 7, the PDF said.",
     {("killed", 4, PDF), ("wounded", 7, PDF)}),
    ("The CDF said the military council army lost their lives 13 people and injured 19 people in the fight.",
     {("killed", 13, "Chin National Front"), ("wounded", 19, "Chin National Front")}),
    ("Five soldiers die in clash near Kalay, the CDF said.", {("killed", 5, "Chin National Front")}),
])
def test_bare_verbs_of_translated_english(text, expected):
    assert got(text) == expected


def test_a_bare_verb_with_an_object_is_no_tail():
    assert got("The PDF said 30 soldiers capture the village of Kyauk Sin every week.") == set()


def test_the_number_rose_from_to():
    text = ("The number of displaced people in Kayah rose from 80,000 in 2022 to more than 190,000 by mid-2024, "
            "according to UN figures.")
    c = claims(text, "Policy Watch")
    assert {(x.metric, x.value, x.value_low) for x in c} == {("displaced", 80000, None), ("displaced", None, 190001)}


# ---------------------------------------------------------------- "the council said", "deserted to"

@pytest.mark.parametrize("text, claimant", [
    ("During the battle, the Chinland Council lost 21 of its fighters, and 43 civilians were killed in junta "
     "airstrikes, the council said.", "Chin National Front"),
    ("The State Administration Council met in Naypyitaw on Monday. The council said 43 terrorists were killed in "
     "Magway last week.", MAF),
    ("The Karen National Union held a congress on Monday. The union said 43 junta soldiers were killed in Kayin "
     "State last week.", KNLA),
])
def test_the_council_is_the_actor_named_so(text, claimant):
    assert ("killed", 43, claimant) in got(text)


def test_deserted_to_a_group_is_surrendered():
    text = "The KNU's Mergui-Tavoy district said 4 junta soldiers deserted to the KNLA with their weapons last week."
    assert got(text) == {("surrendered", 4, KNLA)}


@pytest.mark.parametrize("text", [
    "Myanmar's shadow government said its forces had killed 1,100 junta soldiers in the first quarter.",
    "The parallel civilian government said 1,100 junta soldiers were killed in the first quarter.",
    "The exiled government's spokesman Kyaw Zaw said 1,100 junta soldiers were killed in the first quarter.",
])
def test_the_shadow_government_is_the_resistance(text):
    assert got(text) == {("killed", 1100, PDF)}


# ---------------------------------------------------------------- who denies does not claim

@pytest.mark.parametrize("text, claimant", [
    ("The AA was accused of killing 120 villagers near Buthidaung, which it denied.", "Test Wire"),
    ("The junta denied the AA's claim that 130 soldiers had surrendered.", "Arakan Army"),
    ("The KNDF denied that 30 of its fighters had been killed, as state media claimed.", MAF),
])
def test_a_denial_is_no_claim(text, claimant):
    assert {c.claimant for c in claims(text)} == {claimant}


def test_a_bare_count_before_martyred():
    text = "Battle results (according to KNDF)\nEnemy dead - 18\nOur side - 3 martyred"
    assert got(text) == {("killed", 18, KNDF), ("killed", 3, KNDF)}


# ---------------------------------------------------------------- the junta's spokesmen by name

@pytest.mark.parametrize("text", [
    "Major General Zaw Min Tun said 27 insurgents had been killed near Kawlin.",
    "Deputy Information Minister Major General Zaw Min Tun told reporters that 27 insurgents had been killed.",
    "The junta's information minister, Maung Maung Ohn, said 27 insurgents had been killed.",
])
def test_the_junta_spokesmen_by_name(text):
    assert got(text) == {("killed", 27, MAF)}


def test_the_speaker_is_not_the_side_that_lost_soldiers():
    text = "The KNLA said Column 3 of LIB 557 lost 11 soldiers in the ambush near Kawkareik."
    assert {(m, v) for m, v, _c in got(text)} == {("other", 11)}


def test_a_group_that_lost_soldiers_lost_lives():
    assert ("killed", 4, KNLA) in got("The KNLA lost 4 soldiers in the fighting near Kawkareik, it said.")


def test_a_count_of_things_passes_its_verb_on():
    text = "The Tatmadaw and security forces seized 210 explosives and 27 firearms during the operations."
    assert got(text, "The Global New Light of Myanmar") == {("weapons_seized", 27, MAF)}


# ---------------------------------------------------------------- rewritten (spun) English

def test_based_on_an_actor_is_according_to():
    assert got("Based on the AA, 41 junta troopers had been killed near Ann.") == {("killed", 41, "Arakan Army")}


def test_misplaced_is_lost():
    text = "The regime misplaced 6 bases to the KNLA final week, the group said."
    assert got(text) == {("bases_captured", 6, KNLA)}
