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
from tests.extract.claim_helpers import MAF, PDF, KNLA, KNDF, KIA, AA, WIRE, claims, got


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


# ---------------------------------------------------------------- figures in words

@pytest.mark.parametrize("text, expected", [
    ("Half a million people have fled their homes in northern Rakhine, the UN said.", ("displaced", 500000, WIRE)),
    ("Nearly a million people are displaced in Magway, according to the UN.", ("displaced", 1000000, WIRE)),
    ("More than a million people have fled their homes since the coup, OCHA said.", ("displaced", 1000001, WIRE)),
    ("Thirty-four junta troops surrendered with their weapons, the MNDAA said.",
     ("surrendered", 34, "Myanmar National Democratic Alliance Army")),
    ("Two hundred and sixty soldiers were captured at the Taungup base, the AA said.", ("captured_personnel", 260, AA)),
])
def test_figures_in_words(text, expected):
    assert expected in got(text)


# ---------------------------------------------------------------- Burmese-translated English

@pytest.mark.parametrize("text, expected", [
    ("In the battle, died 14 soldiers of the military council, the PDF said.", {("killed", 14, PDF)}),
    ("In the fighting died 6 enemy soldiers and injured 11, the CDF said.",
     {("killed", 6, "Chin National Front"), ("wounded", 11, "Chin National Front")}),
])
def test_died_before_the_count(text, expected):
    assert got(text) == expected


@pytest.mark.parametrize("text", [
    "He died 3 days later in the hospital at Hakha, the PDF said.",
    "The commander, who died 2 years ago, was buried near Mansi.",
])
def test_died_before_a_measure_is_no_count(text):
    assert got(text) == set()


# ---------------------------------------------------------------- a speaker in a relative clause

@pytest.mark.parametrize("text, outlet, claimant", [
    ('The outlet could not reach junta spokesman Maj. Gen. Zaw Min Tun, who has previously said 55 "terrorists" '
     "were killed in the region.", "Radio Free Asia (RFA)", MAF),
    ("Calls to KNDF spokesperson Khu Meh Soe, who said last week that 38 soldiers were killed, went unanswered.",
     "Radio Free Asia (RFA)", KNDF),
])
def test_who_said_is_the_person_named(text, outlet, claimant):
    assert {c for _m, _v, c in got(text, outlet)} == {claimant}


# ---------------------------------------------------------------- the border: refugees, surrenders, foreign officials

@pytest.mark.parametrize("text, expected", [
    ("About 2,600 Myanmar nationals crossed into Tak province on Sunday to flee the fighting, Thai officials said.",
     ("displaced", 2600, WIRE)),
    ("More than 1,500 people fled across the border into Mae Sot overnight, officials said.", ("displaced", 1501, WIRE)),
    ("Chinese authorities said 450 people crossed into Yunnan to escape the shelling.", ("displaced", 450, WIRE)),
])
def test_civilians_who_crossed_a_border_province_are_displaced(text, expected):
    assert got(text) == {expected}


@pytest.mark.parametrize("text, expected", [
    ("The AA said 74 border guards crossed into Bangladesh to surrender.", ("surrendered", 74, AA)),
    ("The KNLA said 212 junta soldiers had crossed the Thaungyin River to surrender.", ("surrendered", 212, KNLA)),
])
def test_crossed_to_surrender_is_surrendered(text, expected):
    assert got(text) == {expected}


@pytest.mark.parametrize("text", [
    "The Thai army said 45 Myanmar soldiers had crossed the border to surrender.",
    "Thai authorities said 45 Myanmar soldiers had crossed the border to surrender.",
    "India's border police said 45 Myanmar soldiers had crossed the border to surrender.",
])
def test_a_neighbours_army_or_officials_are_no_side(text):
    assert got(text) == {("surrendered", 45, WIRE)}


# ---------------------------------------------------------------- civilians taken are no prisoners of war

@pytest.mark.parametrize("text", [
    "The junta detained 45 young men for forced conscription in Thayet, residents said.",
    "Junta troops arrested 17 village men in Salingyi, the PDF said.",
])
def test_young_men_detained_are_no_prisoners_of_war(text):
    assert not any(m == "captured_personnel" for m, _v, _c in got(text))


def test_men_of_a_battalion_captured_are_prisoners_of_war():
    assert got("The PDF said it captured 19 men of the junta's LIB 57.") == {("captured_personnel", 19, PDF)}


# ---------------------------------------------------------------- tallies in lines ("in numbers" round-ups)

NUMBERS = "The Irrawaddy (Conflicts in Numbers)"


def test_a_tally_label_with_a_place_noun_and_its_verb():
    text = "Airstrikes: 87\nClashes: 193\nTowns seized by resistance forces: 4\nCivilians displaced: 9,800"
    found = got(text, NUMBERS)
    assert ("towns_captured", 4) in {(m, v) for m, v, _c in found}
    assert ("clashes", 193) in {(m, v) for m, v, _c in found}
    assert ("displaced", 9800) in {(m, v) for m, v, _c in found}


def test_the_number_of_label_before_a_colon():
    assert {(m, v) for m, v, _c in got("The number of junta troops killed last week: 176", NUMBERS)} == {("killed", 176)}


def test_a_figure_that_opens_a_line_then_a_dash():
    text = ("176 – junta soldiers killed in clashes across the country\n"
            "41 – civilians killed by junta airstrikes and shelling\n"
            "4 – towns seized by resistance forces")
    assert {(m, v) for m, v, _c in got(text, NUMBERS)} == {("killed", 176), ("killed", 41), ("towns_captured", 4)}


def test_a_dash_inside_a_sentence_is_no_tally_line():
    # "the village – 12 houses" is no count of ours; the dash line rule needs the figure to open its line
    assert got("The PDF said the junta burned the village of Zee Pin – 12 houses and a school – on Monday.") == set()


# ---------------------------------------------------------------- junta statements: hauls listed after the dead

def test_a_list_of_things_seized_keeps_its_verb_to_the_weapons():
    text = "Tatmadaw members found 9 bodies of PDF terrorists and seized 3 mines, 5 hand grenades and 6 homemade rifles."
    assert got(text, "The Global New Light of Myanmar") == {("killed", 9, MAF), ("weapons_seized", 6, MAF)}


def test_things_after_a_new_clause_keep_no_verb():
    # "; 4 rifles were found" has its own verb; "while 3 drones hovered" is no haul
    text = "The KNLA seized 2 mortars; while 3 drones and 4 rifles were left behind, the group said."
    assert not any(m == "weapons_seized" and v == 4 for m, v, _c in got(text))


# ---------------------------------------------------------------- resistance groups outside the registry, peoples' forces

@pytest.mark.parametrize("text, outlet, claimant", [
    ("Karenni revolutionaries said they killed 9 junta soldiers in the battle for Moebye.", "Kantarawaddy Times", KNDF),
    ("Kachin guerrillas said they killed 9 junta soldiers near Waingmaw.", WIRE, KIA),
    ("The Sittaung Valley Revolution Force and its allies killed 9 soldiers in Kyaukkyi Township, the group said.",
     "Independent Mon News Agency (IMNA)", PDF),
])
def test_peoples_revolutionaries_and_unregistered_resistance_groups(text, outlet, claimant):
    assert got(text, outlet) == {("killed", 9, claimant)}


def test_the_group_long_after_an_unregistered_group_is_not_guessed():
    text = ("The Sittaung Valley Revolution Force attacked a junta convoy in May.\n\n"
            "Heavy rain fell over the township for a week.\n\nSchools closed in the district.\n\n"
            "The group said 9 soldiers were killed.")
    assert {c for _m, _v, c in got(text)} != {PDF}


# ---------------------------------------------------------------- a whole, then its parts; vague counts; losses

@pytest.mark.parametrize("text", [
    "Of the 63 terrorists killed, 17 were members of the KIA and 46 belonged to PDF groups, the junta said.",
    "Fighting went on for a week. Of the 63 terrorists killed, 17 were members of the KIA, the junta said.",
])
def test_of_the_n_killed_is_the_count_and_the_rest_its_parts(text):
    assert got(text) == {("killed", 63, MAF)}


def test_of_the_n_townships_stays_an_aggregate():
    assert got("Of the 17 townships, 11 are under AA control, the group said.") == {("other", 11, AA)}


def test_tens_of_is_a_vague_count():
    assert full("The KNDF said tens of soldiers were killed in the fighting near Mese.") == {
        ("killed", None, 20, None, True, KNDF, MAF)}


def test_tens_of_thousands_is_still_tens_of_thousands():
    assert ("displaced", 20000, WIRE) in got("Tens of thousands of people have fled their homes, the UN said.")


def test_get_before_weapons_translated():
    assert got("We could get 7 guns and 2000 bullets from the enemy, the PDF said.") == {("weapons_seized", 7, PDF)}


def test_the_regimes_losses_include_places():
    text = "The regime's losses since October include 9 towns, 170 outposts and more than 2,000 troops, the NUG said."
    found = got(text)
    assert ("towns_captured", 9, PDF) in found and ("outposts_captured", 170, PDF) in found


# ---------------------------------------------------------------- defectors to the CDM; "and so was a ..."

@pytest.mark.parametrize("text, value", [
    ("Nearly 9,000 police and soldiers have gone over to the civil disobedience movement, the NUG said.", 9000),
    ("More than 2,500 soldiers have joined the CDM since the coup, according to the NUG.", 2501),
])
def test_defectors_to_the_cdm_are_other(text, value):
    assert got(text) == {("other", value, PDF)}


def test_defected_to_a_group_in_battle_stays_surrendered():
    assert got("The KNLA said 23 soldiers defected to the group during the siege of Kyondoe.") == {("surrendered", 23, KNLA)}


@pytest.mark.parametrize("text, expected", [
    ("Four soldiers were killed in the ambush near Hpruso, and so was a police officer, the KNDF said.", ("killed", 5, KNDF)),
    ("Two of the junta's majors died in the fighting, and so did a police captain, the CNF said.",
     ("killed", 3, "Chin National Front")),
])
def test_and_so_was_one_more(text, expected):
    assert got(text) == {expected}


def test_and_so_did_a_town_is_no_person():
    assert got("Four soldiers were killed in the ambush near Hpruso, and so did the town suffer, the KNDF said.") == {
        ("killed", 4, KNDF)}


# ---------------------------------------------------------------- passive speech verbs; casualties

@pytest.mark.parametrize("text, expected", [
    ("43 soldiers were confirmed dead after the battle for Kyaikdon, the KNLA said.", {("killed", 43, KNLA)}),
    ("The deaths of more than 43 soldiers were confirmed by the KNLA.", {("killed", 44, KNLA)}),
    ("43 soldiers were said to have been killed near Shwegu, the KIA told reporters.", {("killed", 43, KIA)}),
])
def test_a_passive_speech_verb_has_no_speaker_before_it(text, expected):
    assert got(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The KIA said the junta suffered over 400 casualties in the battle for Mansi.", {("other", 401, KIA)}),
    ("Junta troops suffered 37 casualties, including 13 dead, in the ambush, the KNLA said.",
     {("other", 37, KNLA), ("killed", 13, KNLA)}),
])
def test_casualties_are_the_dead_and_wounded_together(text, expected):
    assert got(text) == expected


# ---------------------------------------------------------------- monitors and rights groups; the generic resistance

@pytest.mark.parametrize("text", [
    "According to the Assistance Association for Political Prisoners, junta forces have killed more than 5,900 civilians.",
    "According to ACLED data, junta forces have killed more than 5,900 civilians.",
    "According to a tally by Data for Myanmar, junta forces have killed more than 5,900 civilians.",
])
def test_a_rights_group_or_monitor_is_no_actor(text):
    report = ("The Kani PDF said it had ambushed a junta column near Yinmabin.\n\n" + text)
    assert ("killed", 5901, "Radio Free Asia (RFA)") in got(report, "Radio Free Asia (RFA)")


def test_the_generic_resistance_after_a_groups_speaker_is_that_group():
    text = ("The KNDF and allied groups said they seized the headquarters of LIB 512 near Shadaw on Sunday. "
            "At least 26 soldiers were killed, the KNDF said on Monday. The resistance groups also seized more than "
            "70 weapons.")
    assert ("weapons_seized", 71, KNDF) in got(text, "The Irrawaddy")


def test_a_sentence_that_names_the_pdf_keeps_the_pdf():
    text = ("At least 26 soldiers were killed near Shadaw, the KNDF said on Monday. Resistance forces of the Demoso PDF "
            "also seized 70 weapons.")
    assert ("weapons_seized", 70, PDF) in got(text, "The Irrawaddy")


# ---------------------------------------------------------------- a haul listed kind by kind

@pytest.mark.parametrize("text, outlet, expected", [
    ("The Tatmadaw also seized 7 assault rifles, 3 machine guns and 4 drones from the terrorists.",
     "Myawady (Myanmar military-run media)", {("weapons_seized", 10, MAF)}),
    ("The KNLA said it seized 12 rifles and 2 mortars from the camp.", WIRE, {("weapons_seized", 14, KNLA)}),
])
def test_a_haul_listed_kind_by_kind_is_one_count(text, outlet, expected):
    assert got(text, outlet) == expected


def test_weapons_of_two_verbs_stay_two_counts():
    text = "The KNLA said it seized 12 rifles on Monday and captured 2 mortars in a second raid on Tuesday."
    assert got(text) == {("weapons_seized", 12, KNLA), ("weapons_seized", 2, KNLA)}


# ---------------------------------------------------------------- the UN under a military headline; fates in a list; garbled rewrites

def test_the_un_is_not_the_headlines_speaker():
    report = Report(id="t", published="2025-03-10", outlet="Associated Press (via Morning Sun)",
                    title="Myanmar's military says it retook town from rebels",
                    text="State-run MRTV said army troops had retaken Kutkai on Wednesday.\n\n"
                         "More than 2.7 million people in Myanmar have been displaced, according to the U.N.")
    found = {(c.metric, c.value_low, c.claimant) for c in extract_report(report) if isinstance(c, Claim)}
    assert found == {("displaced", 2700001, "Associated Press (via Morning Sun)")}


@pytest.mark.parametrize("text", [
    "Since then, thousands have been killed, captured or have defected, the NUG said.",
    "About 400 soldiers were killed, captured or deserted, the KNLA said.",
])
def test_killed_captured_or_defected_is_no_death_count(text):
    assert {m for m, _v, _c in got(text)} == {"other"}


@pytest.mark.parametrize("text, expected", [
    ("Brotherhood alliance was say they capture more then 1500 junta troop and take 12 town.",
     {("captured_personnel", 1501, "Three Brotherhood Alliance"), ("towns_captured", 12, "Three Brotherhood Alliance")}),
    ("The KIA said 40 military camp was occupy.", {("outposts_captured", 40, KIA)}),
    ("Many people flee, the UN says 35000 people was displace.", {("displaced", 35000, WIRE)}),
])
def test_garbled_rewrites(text, expected):
    assert got(text) == expected


def test_an_actor_after_a_is_a_thing_not_the_agent():
    text = "The PDF shot down a junta drone near Pale and killed 6 soldiers, taking its tally this month to 39."
    assert got(text) == {("killed", 6, PDF), ("killed", 39, PDF)}


# ---------------------------------------------------------------- names in the counted phrase; fell in battle; draftees

@pytest.mark.parametrize("text, expected", [
    ("The PDF said 7 Pyu Saw Htee members were captured near Ayadaw.", ("captured_personnel", 7, PDF)),
    ("He said 4 Karen National Liberation Army fighters died in the clash, the KNU said.", ("killed", 4, KNLA)),
    ("The PDF said 23 Kani villagers were killed in the airstrike.", ("killed", 23, PDF)),
])
def test_a_multiword_name_in_the_counted_phrase(text, expected):
    assert got(text) == {expected}


@pytest.mark.parametrize("text", [
    "Six KNLA fighters fell in battle last month, the group said.",
    "Six KNLA fighters fell in the fighting at Thingannyinaung, the group said.",
])
def test_fell_in_battle_is_killed(text):
    assert got(text) == {("killed", 6, KNLA)}


def test_fell_into_enemy_hands_stays_captured():
    assert got("The KIA said 6 soldiers fell into its hands near Momauk.") == {("captured_personnel", 6, KIA)}


def test_draftees_are_soldiers():
    assert got("The KNDF said it captured 19 new draftees who were sent to the front line.") == {
        ("captured_personnel", 19, KNDF)}


# ---------------------------------------------------------------- a speaker's aside inside the clause

@pytest.mark.parametrize("text, expected", [
    ("Fourteen soldiers, the KIA said, were killed in the attack on Nam Hpat Kar.", {("killed", 14, KIA)}),
    ("Fourteen soldiers, according to the KNLA, were captured near Payathonzu.", {("captured_personnel", 14, KNLA)}),
])
def test_a_speakers_aside_between_count_and_verb(text, expected):
    assert got(text) == expected


def test_an_aside_of_place_is_no_speaker_aside():
    # the aside names a place, not a speaker: the verb after it is still the count's
    assert got("Fourteen soldiers, most of them new recruits, were killed near Laiza, the KIA said.") == {("killed", 14, KIA)}


# ---------------------------------------------------------------- "the ministry said" in a resistance weekly report

def test_the_ministry_is_the_last_speakers():
    text = ("According to the weekly report of the NUG Ministry of Defence, resistance forces killed 187 junta troops "
            "between 8 and 14 April.\n\nThe junta also conducted 27 airstrikes in the week, killing 44 civilians, "
            "the ministry said.")
    assert got(text, "Spring Revolution Power") == {("killed", 187, PDF), ("other", 27, PDF), ("killed", 44, PDF)}


def test_the_ministry_after_junta_media_is_the_juntas():
    text = ("The Ministry of Information said security forces repelled an attack near Shwebo.\n\n"
            "Nineteen terrorists were killed, the ministry said.")
    assert got(text) == {("killed", 19, MAF)}


# ---------------------------------------------------------------- parts after "included"

def test_parts_after_included_are_no_counts():
    text = ("The KIA said it killed 37 soldiers in the battle for Hpakant.\n\n"
            "Residents said the 37 soldiers killed included a major and two captains.")
    assert got(text) == {("killed", 37, KIA)}


def test_a_tally_that_includes_places_still_counts():
    assert ("towns_captured", 6, AA) in got("The AA said its gains this year include 6 towns.")


# ---------------------------------------------------------------- political prisoners are no prisoners of war

def test_political_prisoners_arrested_are_no_prisoners_of_war():
    text = "Over 24,000 political prisoners have been arrested since the coup, according to AAPP, and 19,000 remain in detention."
    assert not any(m == "captured_personnel" for m, _v, _c in got(text))


def test_prisoners_of_war_stay_prisoners_of_war():
    assert got("The AA said it had taken 1,300 prisoners of war during the battle for Kyauktaw.") == {
        ("captured_personnel", 1300, AA)}


# ---------------------------------------------------------------- defections tallied

def test_a_tally_of_defections_is_other():
    assert got("The military has suffered some 3,800 defections since the coup, the NUG said.") == {("other", 3800, PDF)}


def test_defectors_killed_are_killed():
    assert got("The KNLA said 6 defectors were killed when junta troops shelled the camp.") == {("killed", 6, KNLA)}


# ---------------------------------------------------------------- cumulative totals named after the figure

@pytest.mark.parametrize("text, expected", [
    ("The AA said 26 more soldiers surrendered on Monday. This brings to 380 the number of soldiers who have "
     "surrendered since December, the group said.", {("surrendered", 26, AA), ("surrendered", 380, AA)}),
    ("The KNDF said 9 soldiers were killed on Friday, bringing to 212 the total number of junta troops killed "
     "in the operation.", {("killed", 9, KNDF), ("killed", 212, KNDF)}),
])
def test_brings_to_n_the_number_of(text, expected):
    assert got(text) == expected


# ---------------------------------------------------------------- dots for thousands (rewritten text)

@pytest.mark.parametrize("text, expected", [
    ("The AA said 1.350 soldiers surrendered in Toungup.", ("surrendered", 1350, AA)),
    ("More than 3.000 people fled the fighting, the UN said.", ("displaced", 3001, WIRE)),
])
def test_dots_for_thousands(text, expected):
    assert got(text) == {expected}


def test_a_decimal_stays_a_decimal():
    assert ("displaced", 1500000, WIRE) in got("About 1.5 million people are displaced, the UN said.")
