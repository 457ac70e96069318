"""Claims on invented sentences in shapes of real reporting that the other claim tests do not
cover: casualty tables in text, counts broken down after a colon or a dash, parts of a count
in the next sentence, totals ("for a total of"), a counterclaim that restates "the figure",
second verbs that share a subject ("claimed ... and said"), aims, threats, modals and
negations before a verb, denials of unnamed reports, numbers in words past a thousand and
South Asian lakhs, the honorifics of the ethnic states, and state media's "nabbed".

Every sentence here is made up (places, people and numbers are invented); none comes from
the evaluation sets.
"""
from __future__ import annotations

import pytest

from ingestion.extract.figures import find_figures
from tests.extract.claim_helpers import MAF, PDF, KNLA, KNDF, KIA, AA, WIRE, claims, got

TNLA = "Ta'ang National Liberation Army"
MNDAA = "Myanmar National Democratic Alliance Army"
MONTHLY = "Resistance Monthly"


# ---------------------------------------------------------------- casualty tables in text

def test_a_table_of_pipes_counts_by_its_header():
    assert got("Wounded | Killed | Arrested\n23 | 41 | 6", MONTHLY) == {
        ("wounded", 23, MONTHLY), ("killed", 41, MONTHLY), ("captured_personnel", 6, MONTHLY)}


def test_a_table_of_tabs_with_a_row_label():
    text = "Junta losses in April (KNLA figures)\n\nDistrict\tDead\tInjured\nHpapun\t17\t22\nDooplaya\t5\t8"
    found = {(m, v) for m, v, _c in got(text, MONTHLY)}
    assert found == {("killed", 17), ("wounded", 22), ("killed", 5), ("wounded", 8)}


def test_a_total_line_is_the_tables_one_count():
    text = "Township | Dead | Wounded\nMese | 7 | 11\nBawlakhe | 2 | 3\nTotal | 9 | 14"
    assert got(text, MONTHLY) == {("killed", 9, MONTHLY), ("wounded", 14, MONTHLY)}


def test_a_page_crumb_with_a_pipe_is_no_table():
    assert got("Home | News | 17 soldiers killed near Kalaw, PDF says", MONTHLY) == {("killed", 17, PDF)}


# ---------------------------------------------------------------- a count broken down

@pytest.mark.parametrize("text", [
    "The KNDF said 31 people were killed: 22 soldiers and 9 policemen.",
    "The KNDF said 31 people were killed — 22 soldiers and 9 policemen.",
    "The KNDF said 31 people were killed (22 soldiers and 9 policemen).",
    "The KNDF said it killed 31 soldiers: 22 in Mese and 9 in Bawlakhe.",
])
def test_the_parts_after_a_colon_dash_or_bracket_are_no_counts(text):
    assert {(m, v) for m, v, _c in got(text)} == {("killed", 31)}


def test_parts_that_sum_to_more_are_counts_of_their_own():
    # "31 were killed: 40 wounded ..." is no breakdown (40 is more than 31)
    found = {(m, v) for m, v, _c in got("The KNDF said 31 soldiers were killed; 40 were wounded.")}
    assert found == {("killed", 31), ("wounded", 40)}


@pytest.mark.parametrize("text", [
    "The KIA said 37 people were killed in the shelling. Among the dead were 25 soldiers.",
    "The KIA said 37 people were killed. Among those killed were 25 soldiers and a captain.",
])
def test_among_the_dead_after_a_count_is_its_part(text):
    assert got(text) == {("killed", 37, KIA)}


def test_among_the_dead_with_no_count_before_is_a_count():
    assert ("killed", 25, KIA) in got("Many soldiers died, the KIA said. Among the dead were 25 soldiers.")


# ---------------------------------------------------------------- totals, counterclaims

@pytest.mark.parametrize("text", [
    "The KNLA said 14 more soldiers had been killed, for a total of 63 this month.",
    "The KNLA said 14 soldiers had been killed on Friday, making a total of 63 since Monday.",
])
def test_for_a_total_of(text):
    assert got(text) == {("killed", 14, KNLA), ("killed", 63, KNLA)}


@pytest.mark.parametrize("text, expected", [
    ("The MNDAA said 71 soldiers were killed. The junta put the figure at 9.", ("killed", 9, MAF)),
    ("The MNDAA said 71 soldiers were killed. State media gave a much lower figure of 9.", ("killed", 9, MAF)),
    ("The MNDAA said it captured 71 soldiers. The military put the number at 9.", ("captured_personnel", 9, MAF)),
])
def test_the_figure_of_a_counterclaim_is_the_count_spoken_of(text, expected):
    assert expected in got(text)


def test_put_the_figure_at_with_no_count_before_is_no_claim():
    assert got("The military put the figure at 9.") == set()


# ---------------------------------------------------------------- a second verb shares the subject

@pytest.mark.parametrize("text, claimant", [
    ("The TNLA claimed the capture of 3 junta camps and said 48 soldiers had laid down their arms.", TNLA),
    ("Zaw Min Tun rejected the KNDF's account and said only 6 soldiers had died.", MAF),
    ("The AA seized the Kyeintali base and said 85 soldiers had surrendered.", AA),
])
def test_and_said_has_the_clauses_subject(text, claimant):
    assert {c for _m, _v, c in got(text) if _v in (48, 6, 85)} == {claimant}


def test_a_second_speaker_named_after_and_keeps_its_own_word():
    text = "The KNDF said 18 soldiers were killed and the junta said 4 of its troops died."
    assert {(v, c) for _m, v, c in got(text)} == {(18, KNDF), (4, MAF)}


# ---------------------------------------------------------------- no count of what happened

@pytest.mark.parametrize("text", [
    "The KNLA hopes to seize 25 more outposts before the rains, its commander said.",
    "The junta threatened to kill 40 detainees if the KIA did not withdraw.",
    "Analysts said the junta could lose 8 more towns this year.",
    "The PDF said it did not kill 14 civilians, as state media claimed.",
    "If 60 soldiers were killed, the column would have withdrawn, the KNDF said.",
    "The AA plans to capture 4 towns in the dry season.",
])
def test_aims_threats_modals_negations_and_conditions_are_no_counts(text):
    assert got(text) == set()


@pytest.mark.parametrize("text, expected", [
    ("The junta may have lost 300 soldiers in the battle for Nam Hsan, the TNLA said.", ("other", 300, TNLA)),
    ("The KNDF said it managed to kill 19 soldiers near Ywathit.", ("killed", 19, KNDF)),
    ("The KNDF has not only killed 19 soldiers but also seized 7 weapons, it said.", ("killed", 19, KNDF)),
])
def test_an_estimate_or_an_outcome_is_still_a_count(text, expected):
    assert expected in got(text)


def test_a_denial_of_unnamed_reports_is_the_outlets_figure():
    assert got("The junta denied reports that 27 villagers were killed in the airstrike on Lel Pyin.") == {
        ("killed", 27, WIRE)}


def test_a_denial_of_an_actors_claims_is_that_actors():
    assert got("The KNLA rejected junta claims that 150 of its fighters had died.") == {("killed", 150, MAF)}


# ---------------------------------------------------------------- numbers

@pytest.mark.parametrize("text, value", [
    ("one thousand three hundred soldiers", 1300),
    ("two thousand and forty people", 2040),
    ("a thousand six hundred and fifteen villagers", 1615),
    ("1,03,000 refugees", 103000),
    ("1.4 lakh people", 140000),
    ("nine hundred", 900),
])
def test_numbers_in_words_past_a_thousand_and_lakhs(text, value):
    assert [f.value for f in find_figures(text)] == [value]


def test_a_number_in_words_past_a_thousand_is_counted():
    assert got("The NUG said the junta had killed one thousand four hundred civilians in Magway.") == {
        ("killed", 1400, PDF)}


def test_lakhs_of_refugees():
    assert ("displaced", 130000, WIRE) in got("About 1.3 lakh people have fled into Mizoram, officials said.")


# ---------------------------------------------------------------- honorifics of the ethnic states; state media verbs

@pytest.mark.parametrize("text, claimant", [
    ("Nai Soe Lwin was shot dead by junta troops near Thanbyuzayat, residents said.", WIRE),
    ("Pu Lian Mang was killed in a junta airstrike on Falam, the CNF said.", "Chin National Front"),
    ("Sao Kham Leng was shot dead near Namtu, the TNLA said.", TNLA),
    ("Duwa Hkun Nawng was killed in the shelling of Mansi, the KIA said.", KIA),
])
def test_one_person_named_with_an_ethnic_honorific(text, claimant):
    assert got(text) == {("killed", 1, claimant)}


@pytest.mark.parametrize("text, expected", [
    ("Local people informed the security forces, and 5 terrorists were nabbed.", ("captured_personnel", 5, MAF)),
    ("The MNDAA said 2 helicopters had been brought down.", ("aircraft_downed", 2, MNDAA)),
    ("The MNDAA said 120 soldiers raised the white flag at the Hsenwi base.", ("surrendered", 120, MNDAA)),
])
def test_more_verbs_after_the_counted_noun(text, expected):
    outlet = "The Global New Light of Myanmar" if "terrorists" in text else WIRE
    assert got(text, outlet) == {expected}


# ---------------------------------------------------------------- losses conceded; ratios

@pytest.mark.parametrize("text, expected", [
    ("The junta's spokesman admitted that 9 towns had been lost since October.", ("towns_captured", 9, MAF)),
    ("The regime conceded the loss of 9 towns in northern Shan.", ("towns_captured", 9, MAF)),
])
def test_a_loss_of_places_conceded(text, expected):
    assert expected in got(text)


@pytest.mark.parametrize("text", [
    "About one in four of the 60,000 residents of Matupi have fled, the CNF said.",
    "Two in three soldiers at the camp were conscripts, the KNLA said.",
])
def test_a_ratio_is_no_count(text):
    assert got(text) == set()


def test_a_count_in_some_places_is_no_ratio():
    assert got("Junta troops killed 7 in two villages near Yinmabin, the PDF said.") == {("killed", 7, PDF)}


# ---------------------------------------------------------------- who is counted

@pytest.mark.parametrize("text, expected", [
    ("The Salin PDF said it had executed 4 dalan informants.", ("killed", 4, PDF)),
    ("Our joint forces annihilated 16 fascists near Myaing, the PDF said.", ("killed", 16, PDF)),
])
def test_informers_and_fascists_are_people_counted(text, expected):
    assert got(text) == {expected}


def test_alleged_as_an_adjective_is_no_speaker():
    assert got("The PDF executed 4 alleged informers near Salin, residents said.") == {("killed", 4, WIRE)}


@pytest.mark.parametrize("text, value", [
    ("Ma Hnin and 4 other villagers were killed in the airstrike on Let Yet Kone, residents said.", 5),
    ("A lieutenant and 13 other soldiers were captured near Mogaung, the KIA said.", 14),
    ("The column commander and 13 other soldiers were killed near Mogaung, the KIA said.", 14),
])
def test_one_person_and_n_others(text, value):
    assert {v for _m, v, _c in got(text)} == {value}


def test_people_and_n_others_stay_n():
    assert {v for _m, v, _c in got("The officers and 13 other soldiers were captured near Mogaung, the KIA said.")} == {13}


def test_n_plus_is_at_least_n():
    c = claims("The AA said 230 plus soldiers surrendered at the Ann base.")
    assert [(x.metric, x.value, x.value_low) for x in c] == [("surrendered", None, 230)]


# ---------------------------------------------------------------- spun synonyms of rewritten copy

@pytest.mark.parametrize("text, expected", [
    ("The KNLA said it snatched 26 firearms from the camp.", ("weapons_seized", 26, KNLA)),
    ("The KNLA said it took hold of 26 weapons at the camp.", ("weapons_seized", 26, KNLA)),
    ("The KNLA said 26 troopers had yielded to its forces.", ("surrendered", 26, KNLA)),
    ("The KNLA said 26 troopers misplaced their lives within the combat.", ("killed", 26, KNLA)),
    ("The KNLA said 2,600 residents had been pressured to depart their houses.", ("displaced", 2600, KNLA)),
])
def test_spun_synonyms(text, expected):
    assert got(text) == {expected}


# ---------------------------------------------------------------- "the dead included"

def test_the_dead_included_with_no_count_before_is_a_bound():
    c = claims("The KNDF said the dead included 21 soldiers and 4 police officers.")
    assert [(x.metric, x.value, x.value_low) for x in c] == [("killed", None, 25)]


@pytest.mark.parametrize("text", [
    "The KNDF said it killed 40 soldiers. Those killed included 6 officers.",
    "The KNDF said 40 people were killed. The dead included 21 soldiers.",
])
def test_the_dead_included_after_a_count_is_its_part(text):
    assert {(m, v) for m, v, _c in got(text)} == {("killed", 40)}


# ---------------------------------------------------------------- the dead of a junta strike, no noun named

@pytest.mark.parametrize("text", [
    "Junta airstrike kills 9, injures 17 in Wetlet",
    "A regime air raid on the Wetlet market on Sunday killed 9 and wounded 17, residents said.",
])
def test_the_dead_of_a_strike_are_no_count_of_the_striker(text):
    assert {c for _m, _v, c in got(text)} == {WIRE}


def test_the_striker_still_claims_the_enemy_dead_it_names():
    assert got("Junta airstrikes killed 9 KIA fighters near Momauk, the junta said.") == {("killed", 9, MAF)}


# ---------------------------------------------------------------- an armed group's own information office

@pytest.mark.parametrize("text, claimant", [
    ("The Arakan Army's information team said 14 soldiers were killed near Ann.", AA),
    ("The KIA's news and information department said 14 soldiers were killed near Momauk.", KIA),
    ("The junta's information team said 14 AA fighters were killed near Ann.", MAF),
])
def test_an_information_team_is_its_groups(text, claimant):
    assert {c for _m, _v, c in got(text)} == {claimant}


# ---------------------------------------------------------------- a toll revised

@pytest.mark.parametrize("text", [
    "The CNF raised the death toll from 11 to 26 on Thursday.",
    "The CNF first reported 11 deaths but later revised the figure to 26.",
])
def test_a_revised_toll(text):
    assert ("killed", 26, "Chin National Front") in got(text)


@pytest.mark.parametrize("text, expected", [
    ("the toll rose from 11 to 26 on Monday", [(11, None, None), (26, None, None)]),
    ("from 2,000 to 3,000 people fled", [(None, 2000, 3000)]),
])
def test_a_change_from_one_figure_to_another_is_no_range(text, expected):
    assert [(f.value, f.low, f.high) for f in find_figures(text)] == expected


# ---------------------------------------------------------------- "respectively"

@pytest.mark.parametrize("text", [
    "The KNDF said 27 and 16 soldiers were killed and wounded respectively near Hpasawng.",
    "The KNDF said the dead and the injured numbered 27 and 16, respectively.",
])
def test_figures_paired_respectively(text):
    assert got(text) == {("killed", 27, KNDF), ("wounded", 16, KNDF)}


def test_counts_with_their_own_words_are_no_pairs():
    assert got("Casualties were 27 killed and 16 wounded, respectively, the KNDF said.") == {
        ("killed", 27, KNDF), ("wounded", 16, KNDF)}


# ---------------------------------------------------------------- tally labels with a time or place after the verb

@pytest.mark.parametrize("text, expected", [
    ("Junta troops killed in Magway in June: 287", ("killed", 287)),
    ("Junta troops killed last week: 287 (up from 201 the week before)", ("killed", 287)),
    ("Captured in June: 19", ("captured_personnel", 19)),
])
def test_a_tally_label_with_a_time_after_its_verb(text, expected):
    assert expected in {(m, v) for m, v, _c in got(text, MONTHLY)}


def test_a_sentence_before_a_colon_is_no_tally_label():
    text = "The KIA captured the town of Mansi on Monday: 40 soldiers surrendered, the group said."
    assert got(text) == {("surrendered", 40, KIA)}


# ---------------------------------------------------------------- Bangladeshi outlets

def test_rohingya_who_entered_bangladesh_are_displaced():
    assert got("About 45,000 more Rohingyas have entered Bangladesh since May, officials said.", "Dhaka Daily") == {
        ("displaced", 45000, "Dhaka Daily")}


def test_a_plural_noun_of_no_class_before_of_is_the_counted_noun():
    # "4 wards of Kani town": wards, no towns captured
    assert got("The PDF said it overran 4 junta-held wards of Kani town.") == set()


def test_enemy_side_dead_before_the_figure():
    assert got("Enemy side dead 11 people, injured 23 people, the PDF said.") == {("killed", 11, PDF), ("wounded", 23, PDF)}


def test_this_takes_the_total_to():
    text = "The AA said 19 more soldiers surrendered at Gwa on Monday. This takes the total to 412."
    assert got(text) == {("surrendered", 19, AA), ("surrendered", 412, AA)}


def test_a_gapped_clause_of_another_place_keeps_the_count():
    text = "In Bago Region, 31 terrorists were killed; in Magway Region, 14; and in Sagaing Region, 9."
    assert got(text, "The Global New Light of Myanmar") == {("killed", 31, MAF), ("killed", 14, MAF), ("killed", 9, MAF)}


@pytest.mark.parametrize("text", [
    "The KNU said fighting broke out 44 times in Dooplaya District in June.",
    "The KNU counted 44 confrontations in Dooplaya District in June.",
])
def test_more_ways_to_count_clashes(text):
    assert got(text) == {("clashes", 44, KNLA)}


def test_family_members_who_surrender_are_no_count_but_the_soldiers_are():
    text = "The MNDAA said 1,140 soldiers and 870 family members surrendered at the Hsenwi base."
    assert got(text) == {("surrendered", 1140, MNDAA)}


@pytest.mark.parametrize("text", [
    'Lt. Col. Saw Eh, a KNLA battalion commander, said: "We captured 9. Three of ours were injured."',
    "The KNLA said 17 soldiers were killed and 3 of ours were injured.",
])
def test_of_ours_is_the_speakers_own(text):
    assert [(c.metric, c.value, c.claimant, c.subject) for c in claims(text) if c.metric == "wounded"] == [
        ("wounded", 3, KNLA, KNLA)]


@pytest.mark.parametrize("outlet", ["MWD Web Portal", "Myanmar International TV"])
def test_more_junta_outlets(outlet):
    assert got("Security forces killed 8 terrorists near Kawlin.", outlet) == {("killed", 8, MAF)}


def test_mwd_named_in_the_text_is_junta_state_media():
    from ingestion.extract.claims import _state_media

    assert _state_media("MWD reported that")
    assert not _state_media("the KNDF reported that")
