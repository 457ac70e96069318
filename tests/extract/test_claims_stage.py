"""The claims stage (ingestion/extract/claims.py) on invented sentences, one phenomenon each.

Every sentence here is made up (places, people and numbers are invented); none comes from
the evaluation sets.
"""
from __future__ import annotations

import pytest

from ingestion.extract.extractor import extract_report
from ingestion.models import Claim, Report

MAF = "Myanmar Armed Forces"


def claims(text: str, outlet: str | None = "Test Wire") -> list[Claim]:
    report = Report(id="t", published="2024-06-10", text=text, outlet=outlet)
    return [f for f in extract_report(report) if isinstance(f, Claim)]


def one(text: str, metric: str, outlet: str | None = "Test Wire") -> Claim:
    found = [c for c in claims(text, outlet) if c.metric == metric]
    assert len(found) == 1, (metric, [(c.metric, c.value, c.value_low, c.value_high) for c in claims(text, outlet)])
    return found[0]


def figure(c: Claim) -> tuple:
    return (c.value, c.value_low, c.value_high)


# ---------------------------------------------------------------- metric nouns and verbs

@pytest.mark.parametrize("text, metric, value", [
    ("The TNLA said its fighters fought 33 clashes with regime troops in Mong Yaw last month.", "clashes", 33),
    ("The KNDF said the bodies of 14 junta soldiers were recovered near Pan Kham village.", "killed", 14),
    ("The KNDF said 14 junta soldiers' bodies were recovered near Pan Kham village.", "killed", 14),
    ("According to the AA, 57 deaths were recorded among regime troops near Ywar Thit.", "killed", 57),
    ("The AA said it was holding 38 prisoners of war taken at Kyauk Ta Lone.", "captured_personnel", 38),
    ("The CNF said 26 soldiers had surrendered at the Lai Vang camp.", "surrendered", 26),
    ("The CNF said 26 soldiers gave themselves up at the Lai Vang camp.", "surrendered", 26),
    ("The KIA said its forces seized 13 outposts along the Nam Sai road.", "outposts_captured", 13),
    ("The KIA said its forces seized 6 junta bases along the Nam Sai road.", "bases_captured", 6),
    ("The TNLA said it has captured 5 towns since the offensive began.", "towns_captured", 5),
    ("The KNLA said 230 weapons were seized when the camp at Hti Lu fell.", "weapons_seized", 230),
    ("The KNDF said its fighters shot down two junta helicopters over Daw Ta Ma.", "aircraft_downed", 2),
    ("The KNDF said its fighters shot down a junta fighter jet over Daw Ta Ma.", "aircraft_downed", 1),
    ("Shelling near Wa Ri Village has driven 3,400 villagers from their homes.", "displaced", 3400),
    ("Some 3,400 villagers have fled their homes in Wa Ri village tract.", "displaced", 3400),
    ("The KIA said it took 17 junta soldiers captive at the Sha Du camp.", "captured_personnel", 17),
    ("Twenty-seven junta soldiers were killed in the fighting at Ma Lin, the KIA said.", "killed", 27),
])
def test_metric_from_noun_and_verb(text, metric, value):
    c = one(text, metric)
    assert value in figure(c)


def test_killing_and_wounding():
    cs = claims("CNF fighters ambushed a regime column near Lai Vang on Sunday, killing 12 soldiers and wounding 5.")
    got = {(c.metric, c.value) for c in cs}
    assert ("killed", 12) in got and ("wounded", 5) in got


def test_passive_coordination():
    cs = claims("The PDF said 41 junta soldiers were killed and 19 wounded in the clash at Kan Gyi.")
    got = {(c.metric, c.value) for c in cs}
    assert got >= {("killed", 41), ("wounded", 19)}


def test_taken_captive_after_killed():
    cs = claims("The KNLA said 9 junta troops died and another 13 were taken captive near Mae Ta Waw.")
    got = {(c.metric, c.value) for c in cs}
    assert got >= {("killed", 9), ("captured_personnel", 13)}


def test_shared_verb_for_a_list_of_counts():
    cs = claims("Since the offensive began, at least 4 towns and more than 60 outposts have fallen to the alliance.")
    got = {(c.metric, c.value_low) for c in cs}
    assert got >= {("towns_captured", 4), ("outposts_captured", 61)}


# ---------------------------------------------------------------- hedges and numbers in words

@pytest.mark.parametrize("phrase, expected", [
    ("more than 45", (None, 46, None)),
    ("at least 12", (None, 12, None)),
    ("no fewer than 12", (None, 12, None)),
    ("upwards of 70", (None, 71, None)),
    ("nearly 300", (None, None, 300)),
    ("up to 300", (None, None, 300)),
    ("between 20 and 25", (None, 20, 25)),
    ("thirty-two", (32, None, None)),
    ("more than a hundred", (None, 101, None)),
    ("dozens of", (None, 24, None)),
])
def test_hedges(phrase, expected):
    c = one(f"The AA said {phrase} junta soldiers were killed near Kyein Chaung.", "killed")
    assert figure(c) == expected


def test_approximate():
    c = one("The AA said about 80 junta soldiers were killed near Kyein Chaung.", "killed")
    assert c.value == 80 and c.approximate


# ---------------------------------------------------------------- aggregates

def test_aggregate_counts_the_part_not_the_total():
    cs = claims("The AA now controls 11 of the 14 townships in the state, the group said.")
    assert [(c.metric, c.value) for c in cs] == [("other", 11)]


def test_aggregate_of_outposts():
    c = one("The KNDF said it had captured 6 of the 9 junta outposts around Naung Pa.", "outposts_captured")
    assert c.value == 6


# ---------------------------------------------------------------- claimant and subject

def test_the_junta_said_of_its_own_troops():
    c = one("The junta said 19 of its soldiers were killed in the attack by KIA fighters.", "killed")
    assert c.claimant == MAF and c.subject == MAF


def test_actor_that_did_it_is_claimant_without_speaker():
    c = one("KNLA fighters killed 21 junta soldiers near Htee Moo Kee on Tuesday.", "killed")
    assert c.claimant == "Karen National Liberation Army" and c.subject == MAF


def test_quote_speaker():
    text = '"We seized 4 outposts and captured 23 soldiers," said a spokesperson for the MNDAA.'
    got = {(c.metric, c.value, c.claimant) for c in claims(text)}
    assert ("outposts_captured", 4, "Myanmar National Democratic Alliance Army") in got
    assert ("captured_personnel", 23, "Myanmar National Democratic Alliance Army") in got


def test_pronoun_speaker_from_paragraph_before():
    text = ("KNDF spokesperson Khu Plu Reh said the camp at Loi Nan fell on Monday.\n\n"
            "He said 8 junta soldiers were taken prisoner.")
    c = one(text, "captured_personnel")
    assert c.claimant == "Karenni Nationalities Defence Force"


def test_person_named_before():
    text = ("Saw Lah Eh, a spokesperson for the KNU, described the assault.\n\n"
            "Saw Lah Eh said 15 junta soldiers died in the fighting.")
    c = one(text, "killed")
    assert c.claimant == "Karen National Liberation Army"


def test_residents_do_not_make_the_agent_claimant():
    c = one("Residents told the outlet that 6 civilians were killed by junta shelling in Nat Gyi.", "killed")
    assert c.claimant == "Test Wire"


def test_local_resistance_group_is_pdf():
    c = one("The Yinmabin Revolution Army said it killed 24 junta soldiers near Kyaung Su.", "killed")
    assert c.claimant == "People's Defence Force"


def test_name_containing_an_actor_spelling():
    c = one("According to the Student Armed Forces (SAF), 18 junta soldiers were killed at Pyin Oo.", "killed")
    assert c.claimant != MAF


@pytest.mark.parametrize("text", [
    "The KNLA attacked a camp near Ta Khaw. The Lay Pin PDF said 17 junta soldiers were killed.",
    "The KNLA attacked a camp near Ta Khaw. According to the Sein Pan PDF, 17 junta soldiers were killed.",
])
def test_pdf_named_after_its_place_is_the_pdf(text):
    assert one(text, "killed").claimant == "People's Defence Force"


def test_local_commander_is_a_speaker_not_a_resident():
    text = ("The Thaung Tan PDF said 4 junta soldiers were killed on Friday.\n\n"
            "The fighting also wounded 2 resistance fighters, a local commander said.")
    assert one(text, "wounded").claimant == "People's Defence Force"


def test_it_after_state_media_in_the_paragraph_is_the_junta():
    text = ("The KIA said its fighters held the hill at Nam Hkam.\n\n"
            "State television said troops had repelled an attack near Sa Lin. It said 31 insurgents were killed.")
    assert one(text, "killed").claimant == MAF


def test_he_after_state_media_keeps_the_last_resistance_speaker():
    text = ("KNDF spokesperson Khu Hte Bu said the group held the ward.\n\n"
            "State media denied this. He said 11 junta soldiers had been captured.")
    assert one(text, "captured_personnel").claimant == "Karenni Nationalities Defence Force"


def test_two_speakers_in_one_sentence():
    text = ("The TNLA said on Sunday it had killed 52 junta soldiers near Mong Ngaw; "
            "the military said 140 insurgents had died in the same fighting.")
    got = {(c.value, c.claimant) for c in claims(text) if c.metric == "killed"}
    assert got == {(52, "Ta'ang National Liberation Army"), (140, MAF)}


def test_the_alliance_is_the_alliance_named_before():
    text = ("The Three Brotherhood Alliance launched attacks on junta posts near Kun Hai.\n\n"
            "MNDAA spokesperson Li Zhen Hua said its fighters took the hill on Tuesday.\n\n"
            "The alliance said it had captured 63 soldiers.")
    assert one(text, "captured_personnel").claimant == "Three Brotherhood Alliance"


# ---------------------------------------------------------------- junta state media

def test_state_media_outlet():
    c = one("Security forces found the bodies of 7 terrorists after the clash near Sin Gaung.", "killed",
            outlet="The Global New Light of Myanmar")
    assert c.claimant == MAF


def test_state_media_outlet_overrides_pronoun():
    text = "Officials said 9 terrorists were killed near Sin Gaung.\n\nHe said 4 weapons were seized."
    for c in claims(text, outlet="Myawady"):
        assert c.claimant == MAF


def test_state_media_as_named_source():
    c = one("According to MRTV, 16 insurgents were killed in the fighting near Kone Thar.", "killed")
    assert c.claimant == MAF


# ---------------------------------------------------------------- not figures

@pytest.mark.parametrize("text", [
    "In 2023 the KIA seized the camp at Sha Du, the group said.",
    "The army killed a farmer 20 miles from Nam Hka, residents said.",
    "KIA fighters overran LIB 345 near Nam Hka, the group said.",
    "A 45-year-old man was killed in the shelling of Nam Hka, residents said.",
    "On 12 March the AA seized the base at Kyauk Pyin, the group said.",
    "The KNDF said it now controls 80 percent of the town of Daw Nyay.",
    "The camp at Nam Hka fell at 4 am on Tuesday, the KIA said.",
    "The alliance launched Operation 1028 against junta bases near Hsen Lan.",
    "Junta troops fled along Highway 8 after the base fell, the KNLA said.",
    "Two patients died of illness at the camp in Nam Hka, aid workers said.",
])
def test_not_figures(text):
    # one person killed is a count of one ("killed a farmer"); the distance or the age is none
    assert [c for c in claims(text) if c.rule != "single_person"] == []


def test_one_displaced_resident_is_no_count():
    assert not [c for c in claims('"I cannot go back," said one displaced resident of Mong Wan.') if c.metric == "displaced"]


def test_enumerated_towns_are_no_count():
    cs = claims("The alliance has taken three towns: Nam Lin, Pang Ku and Ho Tao.")
    assert not [c for c in cs if c.metric == "towns_captured"]


def test_counted_people_who_did_something_are_not_victims():
    cs = claims("About 30 junta soldiers fleeing the base killed a farmer near Loi Mun, residents said.")
    assert not [c for c in cs if c.metric == "killed" and c.value == 30]


def test_part_of_a_count_is_not_a_second_count():
    cs = claims("A junta airstrike killed 11 civilians, five of them children, in Kan Thar, residents said.")
    assert [(c.metric, c.value) for c in cs] == [("killed", 11)]


# ---------------------------------------------------------------- more phrasing

@pytest.mark.parametrize("text, metric, value", [
    ("The CNF said 19 people, including 7 soldiers, were killed in Hri Lai.", "killed", 19),
    ("The PDF said its snipers had shot dead 5 soldiers near Ye Oo.", "killed", 5),
    ("The number of regime soldiers killed is 44, the KNDF said.", "killed", 44),
    ("More than 2,300 residents were forcibly removed by the militia from four villages, the group said.", "displaced", 2301),
    ("Four members of the security forces sustained minor injuries in the blast near Ta Mu.", "wounded", 4),
    ("Close to 900 regime soldiers, more than 60 of them officers, laid down their arms at Nam Pa.", "surrendered", 900),
    ("The TNLA said two dozen soldiers were captured near Man Hsang.", "captured_personnel", 24),
    ("The AA said it had killed a total of 140 junta soldiers and detained 75 during the month.", "captured_personnel", 75),
    ("The KNLA said 12 junta troops were killed and another 8 taken captive at Kaw Hta.", "captured_personnel", 8),
])
def test_more_phrasing(text, metric, value):
    c = one(text, metric)
    assert value in figure(c)


def test_speaker_after_an_aside():
    c = one("The junta, for its part, said its forces had killed 70 insurgents near Hpa Do.", "killed")
    assert c.claimant == MAF


def test_count_verb_attributes_to_the_actor_before_it():
    c = one("The KNU estimated that 35 junta soldiers died in the fighting at Mae Hto.", "killed")
    assert c.claimant == "Karen National Liberation Army"


def test_junta_run_outlet():
    c = one("Security forces found 3 bodies after the clash near Ma Gyi.", "killed",
            outlet="Ministry of Home Affairs (junta)")
    assert c.claimant == MAF


def test_resistance_outlet_is_not_junta():
    c = one("Residents said the bodies of 3 villagers were found after the clash near Ma Gyi.", "killed",
            outlet="Example News (anti-junta)")
    assert c.claimant == "Example News (anti-junta)"


def test_civilian_count_is_not_claimed_by_the_killer():
    c = one("Junta airstrikes killed at least 26 civilians in Pan Se, according to a monitoring group.", "killed")
    assert c.claimant == "Test Wire"


def test_figure_starts_are_exact():
    from ingestion.extract.figures import FIGURE_RE, FIGURE_STARTS
    from ingestion.extract.scan import finditer_from
    text = ("More than a hundred soldiers, at least 40 fighters, no fewer than five camps, upwards of 70 people, an "
            "estimated 3.4 million residents, as many as 30 guns, a total of 12 posts, in excess of 200 and some 50 "
            "others; about a dozen, between 30 and 40, in 2023, at 4 am, thirty-two and dozens of troops.")
    assert [m.group() for m in finditer_from(FIGURE_RE, FIGURE_STARTS, text)] == [m.group() for m in FIGURE_RE.finditer(text)]


def test_figures_found_from_numbers_are_exact():
    from ingestion.extract.figures import FIGURE_RE, _iter_figures
    text = ("Moreover 5 posts fell; no more than 20 soldiers, more than a hundred troops, at least 40 fighters and "
            "upwards of 70 people, an estimated 3.4 million residents, a total of 12 posts, some 50 others, about a "
            "dozen, between 30 and 40, in 2023, at 4 am, IB-135, thirty-two, two dozen and dozens of troops.")
    assert [m.group() for m in _iter_figures(text)] == [m.group() for m in FIGURE_RE.finditer(text)]


@pytest.mark.parametrize("text, metric", [
    ("During the clash near Loi Ta, the KNDF captured a lieutenant colonel, its spokesperson said.", "captured_personnel"),
    ("A junta soldier was killed in the clash at Pan Hsang, the TNLA said.", "killed"),
    ("The AA said a battalion commander had been killed near Kyauk Ni.", "killed"),
])
def test_one_person(text, metric):
    c = one(text, metric)
    assert c.value == 1


def test_a_major_camp_is_no_person():
    assert not [c for c in claims("The KIA said it captured a major camp near Nam San on Friday.")
                if c.metric == "captured_personnel"]


def test_one_of_them_died():
    c = one("Two soldiers came under fire near Hta Law; one of them died and the other fled.", "killed")
    assert c.value == 1


def test_part_of_them_in_an_aside():
    cs = claims("Three junta captains, one of them a battalion commander, died in the fighting, the CNF said.")
    assert [(c.metric, c.value) for c in cs] == [("killed", 3)]


def test_object_of_the_verb_is_not_the_agent():
    c = one("KIA fighters killed a junta officer near Hka Ya and captured 4 soldiers.", "captured_personnel")
    assert c.claimant == "Kachin Independence Army"


@pytest.mark.parametrize("text, metric", [
    ("A junta artillery shell hit the market in Zee Kone on Friday and killed a 9-year-old.", "killed"),
    ("Soldiers who raided Taung Lay village shot dead a farmer, residents said.", "killed"),
    ("A monk was seriously wounded when the drone struck the monastery at Kan Oo.", "wounded"),
    ("A villager lost his life in the shelling of Hpa Yar, the KNLA said.", "killed"),
    ("The PDF said a fighter was injured near Leik Pyin, and the junta said a trooper died.", "wounded"),
])
def test_one_person_of_any_kind(text, metric):
    c = one(text, metric)
    assert c.value == 1


def test_the_other_of_a_pair():
    got = {(c.metric, c.value) for c in claims("Two porters were hit near Mye Ni. One of them died and the other was wounded.")}
    assert ("wounded", 1) in got and ("killed", 1) in got


def test_a_civilian_arrested_is_no_prisoner_of_war():
    assert not [c for c in claims("Police arrested a teacher in Kyun Hla on Monday.") if c.metric == "captured_personnel"]


def test_one_person_and_a_count_make_one_count():
    c = one("Junta troops raiding Sin Tel village killed an elderly man and four women, residents said.", "killed")
    assert c.value == 5


def test_a_person_who_speaks_is_not_the_one_counted():
    text = "A Hsin Ywa PDF member said the captain was taken alive but died later of his wounds."
    assert not [c for c in claims(text) if c.rule == "single_person"]


@pytest.mark.parametrize("text, metric, value", [
    ("The CNF said 17 junta soldiers were slain near Rih Khaw.", "killed", 17),
    ("The PDF said 6 junta soldiers were gunned down at the Kan Ma checkpoint.", "killed", 6),
    ("The KNLA said 8 villagers were executed by junta troops in Mae Nu.", "killed", 8),
    ("The KIA said 23 junta soldiers were apprehended as they fled the Hpun Lum post.", "captured_personnel", 23),
    ("Some 4,500 residents of Thar Yar have taken refuge in monasteries, the KNDF said.", "displaced", 4500),
    ("About 2,600 villagers were evacuated from the Nam Pat area, the TNLA said.", "displaced", 2600),
    ("The KNDF said its fighters shot down 2 Mi-35 helicopters near Bawla Khe.", "aircraft_downed", 2),
    ("The AA said it handed over 26 prisoners of war to the Red Cross.", "captured_personnel", 26),
    ("The TNLA said it took over 9 junta camps near Nam Kham.", "outposts_captured", 9),
])
def test_more_verbs_and_particles(text, metric, value):
    c = one(text, metric)
    assert c.value == value


def test_an_aside_with_a_first_part_is_no_count():
    text = "The KNLA said 44 soldiers, including a battalion commander and three lieutenants, died near Mae Pa."
    assert {(c.metric, c.value) for c in claims(text)} == {("killed", 44)}


@pytest.mark.parametrize("text, value", [
    ("The KNDF said more than 7,000 residents had been forced to leave Moe Bye.", 7001),
    ("The shelling has driven 1,300 villagers out of Htee Kho, the KNLA said.", 1300),
])
def test_forced_to_leave_a_place(text, value):
    c = one(text, "displaced")
    assert value in figure(c)


def test_township_seats_are_towns():
    c = one("The AA said it now holds 11 of the state's 17 township seats.", "towns_captured")
    assert c.value == 11


def test_control_over_is_no_bound():
    c = one("The TNLA said it had gained control over 6 townships in the north.", "other")
    assert c.value == 6


def test_who_lost_control_does_not_claim_it():
    c = one("Analysts said the junta had lost control of 9 townships in Chin State.", "other")
    assert c.claimant != MAF


def test_a_list_after_a_wounded_count():
    got = {(c.metric, c.value) for c in claims("The KIA said 41 junta soldiers were killed, 17 wounded and 6 captured alive.")}
    assert got == {("killed", 41), ("wounded", 17), ("captured_personnel", 6)}


def test_a_word_after_the_verb_is_no_object_unless_it_names_one():
    assert one("The PNLA said 13 soldiers killed yesterday were left behind.", "killed").value == 13


@pytest.mark.parametrize("text", [
    "The CNF said nineteen (19) junta soldiers were killed near Thlan Tlang.",
    "The CNF said 19 (nineteen) junta soldiers were killed near Thlan Tlang.",
])
def test_a_figure_restated_in_brackets(text):
    assert {(c.metric, c.value) for c in claims(text)} == {("killed", 19)}


def test_counted_soldiers_before_the_speaker_are_not_the_speaker():
    c = one("Resistance fighters killed 26 junta soldiers near Kyauk Sauk, the Arakan Army said.", "killed")
    assert c.claimant == "Arakan Army"


@pytest.mark.parametrize("text, metric, value", [
    ("The KNLA said 7 villagers were burned to death in Mae Kla.", "killed", 7),
    ("The CNF said 3 of its fighters were martyred near Hai Lon.", "killed", 3),
    ("Junta troops murdered 5 farmers in Nyaung Kone, the PDF said.", "killed", 5),
    ("The TNLA said its troops seized 18 junta soldiers at the Mong Lwe post.", "captured_personnel", 18),
    ("The MNDAA said it had taken 31 junta soldiers into custody.", "captured_personnel", 31),
])
def test_more_verbs_of_killing_and_capture(text, metric, value):
    assert one(text, metric).value == value


def test_coordinated_counts_of_one_kind_are_one_count():
    c = one("The KIA said 22 soldiers and 4 policemen were captured at Nam Sang.", "captured_personnel")
    assert c.value == 26


def test_coordinated_counts_of_two_kinds_stay_apart():
    got = {c.value for c in claims("Nine villagers and 3 soldiers died in the shelling of Pin Lon, residents said.")
           if c.metric == "killed"}
    assert 12 not in got and 9 in got


@pytest.mark.parametrize("text", [
    "The Hsin Kyun Column said its fighters killed 8 soldiers near Ta Ze.",
    "The Kyun Lay Tigers said its fighters killed 8 soldiers near Ta Ze.",
    "A spokesman for the Shwe Bo District Battalion 4 said its fighters killed 8 soldiers near Ta Ze.",
])
def test_more_local_resistance_names(text):
    assert one(text, "killed").claimant == "People's Defence Force"


@pytest.mark.parametrize("text, value", [
    ("The number of displaced people in Ma Lar township has risen to 4,200, aid workers said.", 4200),
    ("The number of IDPs in Nam Tu rose to 4,200, aid workers said.", 4200),
    ("Nearly 4,200 villagers have sought shelter in monasteries near Hsi Taw.", 4200),
    ("Most of Kun Lone's roughly 4,200 residents left before the assault, the TNLA said.", 4200),
    ("Some 4,200 residents have left Nga Pyaw town since March, aid groups said.", 4200),
])
def test_more_displacement(text, value):
    assert value in figure(one(text, "displaced"))


def test_residents_left_behind_are_not_displaced():
    assert not claims("About 350 residents left behind in Nam Tu are short of food, aid workers said.")


def test_a_part_counted_for_a_place():
    got = {(c.metric, c.value) for c in claims(
        "More than 1.9 million people have been displaced, including about 70,000 in Kayah State, the UN said.")}
    assert got == {("displaced", None), ("displaced", 70000)}


@pytest.mark.parametrize("text, metric, value", [
    ("Local media said 57 junta soldiers had crossed into Thailand after the KNLA attacked their posts.", "other", 57),
    ("About 2,300 villagers fled across the border to India's Mizoram state, aid groups said.", "displaced", 2300),
])
def test_fled_across_the_border(text, metric, value):
    assert one(text, metric).value == value


def test_the_second_day_of_a_date_is_no_count():
    text = "Four insurgents died in the fighting between June 3 and 9, and 12 rifles were seized, the statement said."
    assert {(c.metric, c.value) for c in claims(text)} == {("killed", 4), ("weapons_seized", 12)}


def test_a_count_after_a_date_is_still_a_count():
    got = {(c.metric, c.value) for c in claims("The TNLA said 21 soldiers died on June 3 and 8 more on June 4.")}
    assert got == {("killed", 21), ("killed", 8)}


@pytest.mark.parametrize("speaker, claimant", [
    ("The Karenni National Defense Force", "Karenni Nationalities Defence Force"),
    ("The Chinland Defense Forces", "Chin National Front"),
    ("The Kachin Independent Army", "Kachin Independence Army"),
    ("The Karen National Defence Organization", "Karen National Liberation Army"),
    ("The Pa Ka Pha", "People's Defence Force"),
    ("The SSA", "Shan State Progress Party"),
])
def test_spelling_variants_of_actors(speaker, claimant):
    assert one(f"{speaker} said 14 junta soldiers were killed near Loi Lem.", "killed").claimant == claimant


@pytest.mark.parametrize("text, value", [
    ("The TNLA said 1800 junta soldiers had been killed since June.", 1800),
    ("More than 2500 villagers fled the shelling in Nam Sang, aid workers said.", 2501),
])
def test_four_digit_counts_are_no_years(text, value):
    assert value in figure(claims(text)[0])


def test_a_year_before_people_is_still_a_year():
    assert {c.value for c in claims("Since 2021 soldiers have killed 6 villagers in Pan Mo, residents said.")} == {6}


def test_an_army_outside_the_registry_is_a_local_resistance_group():
    assert one("The Red Kite Army said it killed 11 junta soldiers near Ta Lin.", "killed").claimant == "People's Defence Force"


@pytest.mark.parametrize("text, value", [
    ("The KNU said upwards of 6,000 people from 23 nearby villages had fled the shelling.", 6001),
    ("Around 900 residents of 4 villages have fled their homes, the KNDF said.", 900),
])
def test_a_measure_inside_the_phrase_does_not_end_the_count(text, value):
    assert value in figure(one(text, "displaced"))


def test_ages_inside_a_count_do_not_end_it():
    c = one("The CNF said 27 soldiers, aged 19 to 24, were taken prisoner near Sur Ram.", "captured_personnel")
    assert c.value == 27


@pytest.mark.parametrize("text", [
    "The TNLA said it was holding 37 junta soldiers as prisoners.",
    "The TNLA said 37 junta soldiers were now in its custody.",
])
def test_soldiers_held_are_captured(text):
    assert one(text, "captured_personnel").value == 37


# ---------------------------------------------------------------- issue 9: rules by category

@pytest.mark.parametrize("text, metric", [
    ("The regime's battalion commander, Lt-Col Soe Paing, was killed in the assault on Hnget Taung, the KNDF said.", "killed"),
    ("The deputy commander of LIB 912 was captured alive by the CNF near Rih Lake, the group said.", "captured_personnel"),
    ("A brigadier general was among those killed when the AA stormed the Ywar Ma base.", "killed"),
    ("Resistance fighters announced the capture of an army sergeant near Ka Nyin Gyi on Tuesday.", "captured_personnel"),
    ("A junta major was killed in the ambush near Thit Hla, the PDF said.", "killed"),
])
def test_one_officer_named_by_his_post(text, metric):
    assert one(text, metric).value == 1


def test_an_adjective_major_is_no_officer():
    assert claims("The KIA said it captured a major camp near Sin Lum on Friday.") == []


@pytest.mark.parametrize("text, metric, value", [
    ("Eleven \"terrorists\" were neutralised in the clearance operation, MRTV reported.", "killed", 11),
    ("Altogether 64 members of armed groups returned to the legal fold with 31 arms, the statement said.", "surrendered", 64),
])
def test_state_media_idioms(text, metric, value):
    assert one(text, metric, outlet="Global New Light of Myanmar").value == value


def test_a_count_noun_right_before_the_figure_names_it():
    got = {(c.metric, c.value) for c in claims("regime troop death 19 ,injured 23 according to PDF sources in Kin Ma")}
    assert got == {("killed", 19), ("wounded", 23)}


@pytest.mark.parametrize("text, value", [
    ("About one hundred and twenty soldiers laid down their arms, the CNF said.", 120),
    ("The KNLA said a hundred and five junta soldiers were killed in May.", 105),
])
def test_hundreds_and_units_in_words(text, value):
    assert claims(text)[0].value == value


def test_a_units_word_after_another_is_no_compound_number():
    assert [c.value for c in claims("Two boys, one five years old and the other eight, were wounded in Tar Lay, locals said.")] == [2]


@pytest.mark.parametrize("text, metric, value", [
    ("Four villagers, one aged seventy and the others teenagers, were wounded by the shelling, residents said.", "wounded", 4),
    ("Two soldiers, one a corporal and the other a private, were taken prisoner, the KNLA said.", "captured_personnel", 2),
])
def test_an_apposition_that_parts_the_count(text, metric, value):
    assert [c.value for c in claims(text) if c.metric == metric] == [value]


@pytest.mark.parametrize("text, metric, value", [
    ("The AA has now seized the Southern Command headquarters and 9 towns, the group said.", "towns_captured", 9),
    ("The KNLA captured the Lay Kay police station as well as 12 junta outposts.", "outposts_captured", 12),
])
def test_a_count_closing_a_list_of_places_takes_its_verb(text, metric, value):
    assert one(text, metric).value == value


def test_a_count_in_an_apposition_after_a_capture_is_none():
    cs = claims("In March the AA captured the headquarters in Ann, one of the army's 14 regional commands.")
    assert not [c for c in cs if c.metric == "bases_captured"]


def test_a_figure_equal_to_an_earlier_one_but_further_is_a_count_of_its_own():
    text = ("The Zay Yar PDF said two soldiers were killed by a mine near Kan Gyi on Monday.\n\n"
            "On Tuesday two further soldiers died in a second blast, the group said.")
    assert [c.value for c in claims(text) if c.metric == "killed"] == [2, 2]


def test_a_restated_figure_is_one_claim():
    text = ("The Zay Yar PDF said two soldiers were killed by a mine near Kan Gyi on Monday.\n\n"
            "The two soldiers were killed when they stepped on the mine, the group said.")
    assert [c.value for c in claims(text) if c.metric == "killed"] == [2]


@pytest.mark.parametrize("text, metric, value", [
    ("The KNLA said the junta suffered 52 casualties, including 19 dead, near Mae Ta Lay.", "killed", 19),
    ("Regime losses came to 30 casualties including 8 killed, the KNDF said.", "killed", 8),
])
def test_a_part_of_another_kind_than_its_count(text, metric, value):
    assert one(text, metric).value == value


def test_counts_of_two_sides_are_not_summed():
    got = sorted(c.value for c in claims("Three PDF fighters and 11 soldiers were killed in the clash at Thone Pin, locals said."))
    assert got == [3, 11]


@pytest.mark.parametrize("text, metric, value", [
    ("The KNLA said the clash killed atleast 16 junta soldiers near Wa Lay.", "killed", 16),
    ("Over 40 regime soldiers killed,6 POWs taken in Hti Po battle: KNLA", "captured_personnel", 6),
])
def test_garbled_spacing(text, metric, value):
    assert value in figure(one(text, metric))


def test_a_gerund_after_the_count():
    c = one("The CNF said the camp fell on Friday, with about 45 soldiers surrendering and 6 killed.", "surrendered")
    assert c.value == 45


def test_people_closing_a_list_take_its_verb_and_the_one_before():
    c = one("The ambush killed the column's deputy commander and 5 other soldiers, the KNDF said.", "killed")
    assert c.value == 6


@pytest.mark.parametrize("text, metric, value", [
    ("At least 45 soldiers were among those who surrendered at Kyauk Gyi, the CNF said.", "surrendered", 45),
    ("The KNLA said 9 junta troops were among the dead.", "killed", 9),
])
def test_among_those_counted(text, metric, value):
    assert value in figure(one(text, metric))


def test_a_running_total():
    cs = claims("The KNDF said the clash killed 21 soldiers on Monday, bringing the total killed this month to 64.")
    assert sorted(c.value for c in cs if c.metric == "killed") == [21, 64]


def test_thousands_with_no_noun_who_fled_are_displaced():
    assert one("Aid groups say more than 1.2 million are now displaced in the region.", "displaced").value_low == 1_200_001


def test_people_joined_under_one_active_verb_are_one_count():
    assert one("The CNF killed four soldiers and three policemen at the Hai Lum post, the group said.", "killed").value == 7


@pytest.mark.parametrize("text, expected", [
    ("The KNDF said 30 or more soldiers were killed at Daw Pa.", (None, 30, None)),
    ("The KNDF said a dozen or so soldiers were killed at Daw Pa.", (12, None, None)),
    ("The KNDF said no less than 30 soldiers were killed at Daw Pa.", (None, 30, None)),
    ("The KNDF said not fewer than 30 soldiers were killed at Daw Pa.", (None, 30, None)),
])
def test_bounds_written_after_or_negated(text, expected):
    assert figure(one(text, "killed")) == expected


def test_it_said_after_a_speaker_is_that_speaker():
    text = ("The KNLA said its fighters overran the Hti Ka camp on Friday, killing 17 soldiers.\n"
            "The junta's information team said in a statement that 25 insurgents were killed.\n"
            "It said three soldiers died.")
    c = [c for c in claims(text, outlet="Test Wire") if c.value == 3][0]
    assert c.claimant == MAF


@pytest.mark.parametrize("text, metric, value", [
    ("No fewer than 14 soldiers succumbed to their wounds in hospital, the KNDF said.", "killed", 14),
    ("The KNDF said 50 soldiers were killed and 12 seized in the raid on Nan Mae Khon.", "captured_personnel", 12),
    ("Greater than 30 junta troops have been killed near Lay Wah, the KNLA said.", "killed", 31),
])
def test_wounds_captives_and_spun_bounds(text, metric, value):
    assert value in figure(one(text, metric))


def test_a_verb_in_the_next_clause_is_not_the_counts():
    cs = claims("The KNU said 27 soldiers gave up on the front line, and a single soldier was seized alive.")
    assert not [c for c in cs if c.metric == "captured_personnel" and c.value == 27]


@pytest.mark.parametrize("text, metric", [
    ("The junta lost 43 troops in the battle for Hpa Saung, the KNDF said.", "other"),
    ("The junta lost 43 troops killed in the battle for Hpa Saung, the KNDF said.", "killed"),
    ("The KNDF said it had lost 4 fighters in the battle for Hpa Saung.", "killed"),
    ("The KNDF said the resistance side lost two comrades in the battle.", "killed"),
])
def test_troops_lost_are_dead_only_when_said_or_ones_own(text, metric):
    assert claims(text)[0].metric == metric


def test_the_same_figure_from_two_sides_is_two_claims():
    text = ("The KIA said 23 junta soldiers were captured at the Nam Lim camp.\n\n"
            "The military's information team said 23 soldiers were captured after the camp fell.")
    assert {c.claimant for c in claims(text) if c.metric == "captured_personnel"} == {"Kachin Independence Army", MAF}


def test_civilians_of_other_callings_are_civilians():
    assert one("A junta airstrike killed 9 patients at the Lai Lo hospital, the CNF said.", "killed").subject is None


@pytest.mark.parametrize("text, metric", [
    ("Residents said one of the detainees, a man aged 52, was killed by the soldiers in Zee Pin.", "killed"),
    ("Nang Seng, a PDF medic, was wounded by shrapnel near Kun Lon, the group said.", "wounded"),
    ("Junta troops shot and killed Daw Khin Nu, the village clerk, in Thar Si, the PDF said.", "killed"),
    ("Ko Aung Naing, 41, was shot dead at a checkpoint in Mye Thin, locals said.", "killed"),
])
def test_one_person_named_or_in_an_apposition(text, metric):
    assert [(c.metric, c.value) for c in claims(text)] == [(metric, 1)]


def test_wounded_who_died_are_dead():
    assert one("One of the wounded soldiers died in hospital at Lwe Je, the KIA said.", "killed").value == 1


@pytest.mark.parametrize("text, metric, value", [
    ("The KIA said it had secured 9 junta bases during the offensive on Nam Hpat.", "bases_captured", 9),
    ("The junta said its troops cleared 6 terrorist camps near Kyauk Ta Ga.", "outposts_captured", 6),
    ("The AA wrested 4 towns from the regime in March, the group said.", "towns_captured", 4),
    ("The junta regained 5 outposts near Moe Nyo, state media said.", "outposts_captured", 5),
    ("The PDF said 13 junta soldiers were wiped out in the ambush near Sin Ma.", "killed", 13),
    ("The CNF rounded up 21 junta soldiers after the Lung Ler camp fell.", "captured_personnel", 21),
    ("The KNLA said 7 soldiers were caught as they tried to flee Hti Moo.", "captured_personnel", 7),
    ("The KIA said 16 soldiers had been taken hostage at the camp.", "captured_personnel", 16),
    ("Over 3,000 villagers were taking refuge in the forest near Le Paw, the KNU said.", "displaced", 3001),
])
def test_more_verbs_of_taking_killing_and_fleeing(text, metric, value):
    assert value in figure(one(text, metric))


def test_storming_is_no_capture():
    assert not claims("The TNLA said it had stormed three junta outposts near Man Pang on Friday.")


@pytest.mark.parametrize("text", [
    "The KNLA said junta troops abandoned 11 outposts along the Moei river.",
    "The CNF said close to 20 junta camps were left empty after the offensive began.",
    "The junta withdrew from 6 bases in the hills, the KNDF said.",
])
def test_places_given_up_are_a_withdrawal_not_a_capture(text):
    assert [c.metric for c in claims(text)] == ["other"]


def test_places_held_by_a_side():
    assert one("The TNLA said 15 towns are now held by the alliance.", "towns_captured").value == 15


def test_places_described_or_besieged_are_no_count_of_captures():
    assert not claims("Some 9 towns controlled by the resistance were bombed last week, the NUG said.")
    cs = claims("The AA has taken 18 towns, with 4 more under siege, the group said.")
    assert [c.value for c in cs] == [18]


@pytest.mark.parametrize("text, metric, value", [
    ("The capture brings the number of towns under KIA control to 11, the group said.", "towns_captured", 11),
    ("The number of bases captured by the alliance has risen to 140, the TNLA said.", "bases_captured", 140),
    ("The group's gains include 7 towns and 95 bases, the MNDAA said.", "bases_captured", 95),
])
def test_tallies_of_places(text, metric, value):
    assert one(text, metric).value == value


def test_counts_listed_after_a_named_place_share_its_verb():
    cs = claims("The AA has captured the Southern Command headquarters, 11 towns and more than 150 bases.")
    assert {c.metric for c in cs} == {"towns_captured", "bases_captured"}


def test_a_place_count_takes_the_verb_of_its_clause():
    c = one("The regime kept losing ground, giving up several bases - four battalion headquarters among them - "
            "as resistance attacks spread.", "bases_captured")
    assert c.value == 4


def test_took_place_is_no_taking():
    assert not claims("Voting took place on Sunday, with the commission saying polls opened in 88 townships.")


@pytest.mark.parametrize("text, metric, value", [
    ("The PDF said 4 villagers were tortured to death by junta troops in Si Taw.", "killed", 4),
    ("The KNDF said 9 rifles were collected from the overrun camp.", "weapons_seized", 9),
    ("The KNLA said 12 junta soldiers gave up after the siege of Mae Kha.", "surrendered", 12),
    ("Some 2,000 residents have moved to safer areas since the shelling began, aid workers said.", "displaced", 2000),
])
def test_more_verbs_after_the_count(text, metric, value):
    assert value in figure(one(text, metric))


@pytest.mark.parametrize("text, metric, value", [
    ("The KNDF said it killed a junta lieutenant and a corporal near Shar Daw.", "killed", 2),
    ("A farmer and his three sons were killed by junta shelling in Hlay Ku, residents said.", "killed", 4),
])
def test_one_person_joined_to_another_count(text, metric, value):
    assert one(text, metric).value == value
