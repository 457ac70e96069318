"""Claims on invented sentences for the error classes of the claims pass after 0.5.0: who
speaks ("the army said", "Myanmar's State Administration Council said", "resistance groups
say", "the group said" in a new paragraph), garbled and listed figures, and restated counts.

Every sentence here is made up (places, people and numbers are invented), in several outlet
styles (wire, state media, resistance statements, round-ups, machine-translated rewrites);
none comes from the evaluation sets.
"""
from __future__ import annotations

import pytest

from ingestion.extract.extractor import extract_report
from ingestion.models import Claim, Report

MAF = "Myanmar Armed Forces"
PDF = "People's Defence Force"
KIA = "Kachin Independence Army"
KNLA = "Karen National Liberation Army"
KNDF = "Karenni Nationalities Defence Force"


def claims(text: str, outlet: str | None = "Test Wire", title: str | None = None) -> list[Claim]:
    report = Report(id="t", published="2024-06-10", text=text, outlet=outlet, title=title)
    return [f for f in extract_report(report) if isinstance(f, Claim)]


def got(text: str, outlet: str | None = "Test Wire", title: str | None = None) -> set[tuple]:
    return {(c.metric, c.value if c.value is not None else (c.value_low if c.value_low is not None else c.value_high),
             c.claimant) for c in claims(text, outlet, title)}


# ---------------------------------------------------------------- "the army said"

@pytest.mark.parametrize("text, outlet", [
    ("The army said its troops had killed 30 insurgents near Sin Lan village on Sunday.", "Wire Asia"),
    ("The army said it killed 30 insurgents in two days of fighting around Taung Pyin.", "Daily Bulletin"),
    ("In a statement on Monday the army said 30 insurgents were killed in the clash at Nyaung Gone.", "Regional Post"),
])
def test_the_army_said_is_the_military(text, outlet):
    assert ("killed", 30, MAF) in got(text, outlet)


def test_the_army_said_after_an_ethnic_army_is_that_army():
    text = ("Fighters of the Kachin Independence Army attacked a junta camp near Lwe Je on Friday. "
            "The army said it killed 18 soldiers.")
    assert ("killed", 18, KIA) in got(text)


# ---------------------------------------------------------------- a possessive is no part of a name

@pytest.mark.parametrize("text, claimant", [
    ("Myanmar's State Administration Council said on Thursday that terrorists had killed 9 civilians in "
     "a bomb attack in Kani.", MAF),
    ("Rakhine's Arakan Army said on Friday that 26 junta soldiers were captured at the Taung Shey camp.",
     "Arakan Army"),
    ("Karenni State's KNDF said 14 junta soldiers died in the clash near Daw Ta Ma Gyi.", KNDF),
])
def test_possessive_before_the_speaker(text, claimant):
    assert {c.claimant for c in claims(text, "Xin Wire")} == {claimant}


# ---------------------------------------------------------------- generic resistance names

@pytest.mark.parametrize("text", [
    "Resistance groups claim to have killed over 2,000 junta soldiers in the region in 2023.",
    "Anti-regime forces said they had killed 41 soldiers in the Pauk ambush.",
    "Pro-democracy fighters said 41 junta troops were killed when they attacked the Kyauk Hta post.",
])
def test_generic_resistance_speakers_are_the_pdf(text):
    assert {c.claimant for c in claims(text, "Round-up Weekly")} == {PDF}


# ---------------------------------------------------------------- "the group said" in a new paragraph

@pytest.mark.parametrize("text, first, second", [
    ("The KNDF said it killed 20 soldiers in Demoso.\n\nMeanwhile, in Sagaing, the Tha Pyay PDF ambushed a "
     "junta convoy on Friday. The group said 12 soldiers were killed.", (20, KNDF), (12, PDF)),
    ("The Arakan Army said it captured 30 soldiers in Ann.\n\nIn Kachin State, the KIA attacked a junta base "
     "near Nam Hpat. The group said it killed 15 soldiers.", (30, "Arakan Army"), (15, KIA)),
    ("The TNLA said 50 soldiers surrendered in Nawng Hkio.\n\nFurther south, the MNDAA is fighting for the "
     "town of Hsin Lam. It said 70 soldiers were captured on Monday.",
     (50, "Ta'ang National Liberation Army"), (70, "Myanmar National Democratic Alliance Army")),
])
def test_group_anaphor_is_the_organisation_the_paragraph_named(text, first, second):
    found = {(c.value, c.claimant) for c in claims(text)}
    assert first in found and second in found


def test_person_anaphor_keeps_the_earlier_speaker():
    # "the spokesperson" is the person who spoke before, not the forces the paragraph named
    text = ("\"The town is nearly ours,\" a KNDF spokesperson said.\n\nFighting has pitted junta troops "
            "against resistance forces since March. In that time, the spokesperson said, the resistance "
            "forces have taken three junta checkpoints on the Pon River.")
    assert {(c.metric, c.claimant) for c in claims(text)} == {("outposts_captured", KNDF)}


# ---------------------------------------------------------------- garbled and listed figures

def test_listed_outcomes_with_a_noun_before_the_verb():
    text = "Battle results (3-9 May)\n- Junta soldiers killed: 33\n- Wounded: 12\n- Weapons seized: 7"
    found = {(c.metric, c.value) for c in claims(text, "KNDF Bulletin")}
    assert found >= {("killed", 33), ("wounded", 12), ("weapons_seized", 7)}


@pytest.mark.parametrize("text, expected", [
    ("The military council troops death was 23 and injured was 8 according to the PDF.",
     {("killed", 23), ("wounded", 8)}),
    ("According to PDF, the military council army lost 23 lifes and 8 got injury in Kalay battle.",
     {("killed", 23), ("wounded", 8)}),
    ("PDF said, 23 SAC soldiers are dead and 8 got injured during the fight at Ye Shin.",
     {("killed", 23), ("wounded", 8)}),
])
def test_machine_translated_counts(text, expected):
    assert {(c.metric, c.value) for c in claims(text, "Rewrite Daily")} >= expected


def test_losing_some_of_their_own():
    cs = claims("KNLA forces killed 27 junta soldiers and captured 4, while losing 2 of their own, the KNU said.")
    own = [c for c in cs if c.value == 2]
    assert len(own) == 1 and own[0].metric == "killed" and own[0].claimant == KNLA and own[0].subject == KNLA


# ---------------------------------------------------------------- one count, stated twice or listed

def test_vague_lead_and_exact_count_are_one_claim():
    text = ("Fighting near Kyone Doe left dozens of junta soldiers dead last week. According to the KNU's "
            "statement, 36 junta soldiers were killed and 20 injured.")
    cs = claims(text, "Karen Wire", title="KNU says 36 junta soldiers killed near Kyone Doe")
    killed = [c for c in cs if c.metric == "killed"]
    assert [(c.value, c.claimant) for c in killed] == [(36, KNLA)]


def test_vague_count_beside_an_unrelated_exact_count_stays():
    text = "The KIA said dozens of soldiers were killed in the battle; it said 400 soldiers were killed this year."
    assert {c.value_low or c.value for c in claims(text) if c.metric == "killed"} == {24, 400}


@pytest.mark.parametrize("text, value", [
    ("The PDF said it killed 5 soldiers, 2 policemen and 3 militiamen in the raid on Ma Gyi.", 10),
    ("Security forces said terrorists killed 4 soldiers, 3 policemen and 2 militiamen at the Ywa Thit post.", 9),
])
def test_a_comma_list_of_one_side_under_one_verb_is_one_count(text, value):
    assert [c.value for c in claims(text, "Myawady") if c.metric == "killed"] == [value]


# ---------------------------------------------------------------- a bare count after a comma shares the verb

@pytest.mark.parametrize("text, outlet, expected", [
    ("Security forces found five bodies of terrorists, three home-made rifles and ammunition at the scene.",
     "Global New Light of Myanmar", {("killed", 5), ("weapons_seized", 3)}),
    ("The KNLA said its troops seized 14 junta soldiers' bodies, nine rifles and a radio set after the battle.",
     "Karen Wire", {("killed", 14), ("weapons_seized", 9)}),
    ("PDF fighters overran the camp, capturing 11 soldiers, 20 guns and two drones, the group said.",
     "Round-up Weekly", {("captured_personnel", 11), ("weapons_seized", 20)}),
])
def test_comma_coordinated_count_shares_the_verb(text, outlet, expected):
    assert {(c.metric, c.value) for c in claims(text, outlet)} >= expected


# ---------------------------------------------------------------- a group's monthly report, machine-rendered statements

def test_the_report_said_is_the_group_whose_report_it_is():
    text = ("The KNU's Dooplaya District released its monthly report on 2 August. It said there were 54 clashes "
            "with junta troops in July, in which 29 junta soldiers were killed.\n\nOn the KNLA side, 4 soldiers "
            "were killed and 6 injured, the report said. Junta air strikes numbered 17, killing 3 villagers and "
            "wounding 5.")
    cs = claims(text, "Karen News Desk")
    assert {(c.metric, c.value, c.claimant) for c in cs} >= {
        ("clashes", 54, KNLA), ("killed", 29, KNLA), ("killed", 4, KNLA), ("wounded", 6, KNLA)}
    wounding = [c for c in cs if c.value == 5]
    assert len(wounding) == 1 and wounding[0].metric == "wounded" and wounding[0].subject is None  # villagers


@pytest.mark.parametrize("text, expected", [
    ("In the battle, military council side 7 soldiers were died and 3 soldiers were arrested alive. Our side "
     "2 comrades were sacrificed, the CNA spokesman said.", {("killed", 7), ("captured_personnel", 3), ("killed", 2)}),
    ("The PDF also got 15 guns and many bullets from the camp, the spokesman said.", {("weapons_seized", 15)}),
    ("Three of our comrades sacrificed their lives in the battle at Hnan Khar, the KNDF said.", {("killed", 3)}),
])
def test_machine_rendered_statements(text, expected):
    assert {(c.metric, c.value) for c in claims(text, "Rewrite Daily")} >= expected


@pytest.mark.parametrize("text, metric", [
    ("Junta troops later shelled the town, killing a 60-year-old woman, residents said.", "killed"),
    ("A drone dropped a bomb on the market, wounding a novice monk, the group said.", "wounded"),
    ("The KIA ambushed the convoy near Nam Lim, capturing a junta captain, it said.", "captured_personnel"),
])
def test_one_person_after_a_gerund(text, metric):
    assert [(c.metric, c.value) for c in claims(text, "Local Wire")] == [(metric, 1)]


def test_weapons_collected_after_an_ambush():
    text = ("Joint PDF forces ambushed a military council column near Thit Pin village, killing 9 soldiers. "
            "Resistance fighters collected 6 rifles and ammunition, a Pauk PDF officer said.")
    assert {(c.metric, c.value) for c in claims(text, "Khit Wire")} >= {("killed", 9), ("weapons_seized", 6)}


@pytest.mark.parametrize("text, value", [
    ("AA fighters overran two border posts on Sunday, forcing 45 members of the Border Guard Police to flee into "
     "Bangladesh, the Border Guard Bangladesh said.", 45),
    ("So far 270 Myanmar security personnel have taken shelter in Bangladesh since the fighting began, a "
     "spokesman said.", 270),
    ("Some 90 junta soldiers sought refuge in India after the camp fell, officials in Mizoram said.", 90),
])
def test_soldiers_who_fled_abroad_are_an_other_count(text, value):
    assert ("other", value) in {(c.metric, c.value) for c in claims(text, "Border Daily")}


# ---------------------------------------------------------------- figures in pasted or garbled text

@pytest.mark.parametrize("text, value", [
    ("The KNLA said a  hundred junta soldiers were killed near Hti Moe Kho on Friday.", 100),
    ("The KNLA said about a  dozen junta soldiers were killed near Hti Moe Kho on Friday.", 12),
    ("The KNLA said one  thousand junta soldiers were killed in the first half of the year.", 1000),
])
def test_number_words_with_a_double_space(text, value):
    assert [(c.metric, c.value) for c in claims(text, "Paste Wire")] == [("killed", value)]


def test_half_a_dozen_is_six():
    text = "Half a dozen junta soldiers were taken prisoner at the Lay Wah outpost, the KNLA said."
    assert [(c.metric, c.value) for c in claims(text, "Karen Wire")] == [("captured_personnel", 6)]


# ---------------------------------------------------------------- a verb in scare quotes

@pytest.mark.parametrize("text, metric, value", [
    ("The army said in a statement that its troops had \"neutralised\" 23 fighters near Kyauk Sin.", "killed", 23),
    ("The junta said soldiers \u201celiminated\u201d 17 \u201cterrorists\u201d in a raid on Ywa Ma village.", "killed", 17),
    ("The TNLA said it had \"captured\" 42 soldiers at the Ho Pang camp.", "captured_personnel", 42),
])
def test_a_verb_in_scare_quotes_is_still_the_verb(text, metric, value):
    assert (metric, value) in {(c.metric, c.value) for c in claims(text, "Wire Desk")}


# ---------------------------------------------------------------- a rounded count restated exactly

def test_rounded_headline_and_exact_count_are_one_claim():
    text = ("Nearly 60 junta soldiers killed in Hpa-an District in August\n\n"
            "In a statement on 4 September, the KNU said 57 junta soldiers were killed and 33 wounded in its "
            "Hpa-an District during August.")
    killed = [c for c in claims(text, "Karen Wire") if c.metric == "killed"]
    assert [(c.value, c.claimant) for c in killed] == [(57, KNLA)]


def test_rounded_count_far_from_an_exact_one_stays():
    text = ("The KNU said about 300 junta soldiers were killed in the district this year. "
            "It said 41 junta soldiers were killed in the battle for Kyaw Ta.")
    killed = {c.value for c in claims(text, "Karen Wire") if c.metric == "killed"}
    assert killed == {300, 41}


# ---------------------------------------------------------------- a count and one more of its kind

@pytest.mark.parametrize("text, metric, value", [
    ("The KNLA said 22 soldiers and a captain were captured at the Mae Tha Waw camp.", "captured_personnel", 23),
    ("The TNLA took \"9 soldiers and an officer\" prisoner near Nam Tu, the group said.", "captured_personnel", 10),
    ("An air strike on Ta Khon village killed six villagers and a teacher, residents said.", "killed", 7),
])
def test_a_count_and_one_more_of_its_kind(text, metric, value):
    assert [(c.metric, c.value) for c in claims(text, "Wire Desk")] == [(metric, value)]


def test_a_count_and_one_of_another_kind_is_not_summed():
    text = "The KNLA said it killed 22 soldiers in the raid and a villager was wounded by junta shelling."
    assert ("killed", 22) in {(c.metric, c.value) for c in claims(text, "Wire Desk")}


# ---------------------------------------------------------------- "the groups say", the junta's chief

def test_the_groups_say_is_the_alliance_the_report_named():
    text = ("The Northern Alliance opened a new offensive in Hseng Hkam Township on Friday. The three groups say "
            "they have taken 85 junta soldiers prisoner so far.")
    assert {(c.metric, c.value, c.claimant) for c in claims(text, "Shan Wire")} == {
        ("captured_personnel", 85, "Three Brotherhood Alliance")}


@pytest.mark.parametrize("text", [
    "Senior General Than Kyaw Win said on state television that 52 terrorists had been killed near Pin Lel.",
    "In a speech in the capital, the coup leader said 52 terrorists had been killed near Pin Lel.",
    "\"52 terrorists were killed near Pin Lel,\" said Senior Gen. Than Kyaw Win.",
])
def test_the_junta_chief_speaks_for_the_junta(text):
    assert {(c.metric, c.value, c.claimant) for c in claims(text, "Wire Desk")} == {("killed", 52, MAF)}


@pytest.mark.parametrize("text", [
    "The Pyinmana Strike Force said it killed 17 junta soldiers in an ambush near Ela.",
    "The Kyaukse Special Task Force said 17 junta soldiers were killed in an ambush near Ela.",
    "Ko Zeya, commander of a local defence group, said 17 junta soldiers were killed in an ambush near Ela.",
])
def test_local_resistance_groups_outside_the_registry_are_the_pdf(text):
    assert {(c.metric, c.value, c.claimant) for c in claims(text, "Central Wire")} == {("killed", 17, PDF)}


# ---------------------------------------------------------------- other stories' headlines

@pytest.mark.parametrize("noise", [
    "RELATED STORIES\nJunta air strike kills nine in Tabayin\nResistance fighters take 14 soldiers captive near Kani\n\n",
    "You may also like\nJunta air strike kills nine in Tabayin\n\n",
    "Read more: Junta air strike kills nine in Tabayin\n\n",
])
def test_headlines_of_related_stories_are_no_claims(noise):
    text = ("The Depayin PDF said on Sunday that it had killed 8 junta soldiers near Ta Loke.\n\n" + noise +
            "Fighting continued near the village on Monday, residents said.")
    assert {(c.metric, c.value) for c in claims(text, "Central Wire")} == {("killed", 8)}


def test_a_paragraph_after_a_related_stories_header_and_a_blank_line_is_the_report():
    text = ("The Depayin PDF said on Sunday that it had killed 8 junta soldiers near Ta Loke.\n\nRELATED STORIES\n\n"
            "Junta troops torch homes in Tabayin\n\nNine towns in the region have fallen to resistance forces since 2021.")
    assert ("towns_captured", 9) in {(c.metric, c.value) for c in claims(text, "Central Wire")}


# ---------------------------------------------------------------- one value, two counts

def test_soldiers_and_civilians_of_one_value_are_two_counts():
    text = ("Security forces fought back near Ywa Thar village. Two security force members sacrificed their lives "
            "in the clash.\n\nMoreover, the terrorists burned 4 houses and killed 2 innocent villagers in the area.")
    killed = sorted((c.value, c.subject is None) for c in claims(text, "Myawady") if c.metric == "killed")
    assert killed == [(2, False), (2, True)]


def test_a_headline_count_restated_in_the_body_stays_one_claim():
    text = ("Air strike kills 6 in Hpa Saung village\n\nA junta air strike killed 6 villagers in Hpa Saung on "
            "Monday, residents said.")
    assert [c.value for c in claims(text, "Karenni Wire") if c.metric == "killed"] == [6]


# ---------------------------------------------------------------- a local group named in full, then by its short name

def test_short_name_of_a_local_group_is_learnt():
    text = ("In Kachin State, the KIA seized a junta camp near Nam Sai on Monday, the group said. Farther south, the "
            "Pakokku Revolutionary Force (PRF) ambushed a junta column. The PRF said 15 junta soldiers were killed. "
            "\"We also seized 9 weapons,\" a PRF officer said.")
    found = {(c.metric, c.value, c.claimant) for c in claims(text, "Central Wire")}
    assert found >= {("killed", 15, PDF), ("weapons_seized", 9, PDF)}


@pytest.mark.parametrize("text", [
    "In the battle near Taw Ma, 15 soldiers of the military council were dead, said the Seikphyu Revolutionary Force.",
    "Fifteen junta soldiers were killed near Taw Ma, said a spokesman for the Seikphyu Defence Force.",
])
def test_a_local_group_named_after_the_speech_verb_is_the_pdf(text):
    assert ("killed", 15, PDF) in {(c.metric, c.value, c.claimant) for c in claims(text, "Central Wire")}


# ---------------------------------------------------------------- more figure forms

def bounds(c: Claim) -> tuple:
    return (c.value, c.value_low, c.value_high)


@pytest.mark.parametrize("text, expected", [
    ("The UN agency said 27 500 people had been displaced in Hpakant Township.", (27500, None, None)),
    ("The KNLA said it killed 20 or 30 junta soldiers near Kaw Taw.", (None, 20, 30)),
    ("The KNLA said 1,500+ junta soldiers had been killed in the district this year.", (None, 1500, None)),
    ("The KNLA said 40-plus junta soldiers were killed near Kaw Taw.", (None, 40, None)),
    ("The KNLA said 40-odd junta soldiers were killed near Kaw Taw.", (40, None, None)),
    ("The KNLA said a few hundred junta soldiers had surrendered in the district.", (None, 200, None)),
    ("Hundreds of thousands of people have been displaced in the region, the UN agency said.", (None, 200000, None)),
])
def test_more_figure_forms(text, expected):
    cs = claims(text, "Wire Desk")
    assert len(cs) == 1 and bounds(cs[0]) == expected


# ---------------------------------------------------------------- "the army's officer" of an ethnic army

def test_the_armys_officer_after_an_ethnic_army_is_that_armys():
    text = ("The Kachin Independence Army said on Monday it had taken a junta camp near Nam Hkam Yang.\n\n"
            "According to Maj. Hkun Seng, the army's information officer, the raid began on Friday.\n\n"
            "\"Twenty-two soldiers of the junta were captured,\" Maj. Hkun Seng said.")
    assert {(c.metric, c.value, c.claimant) for c in claims(text, "Border Wire")} == {("captured_personnel", 22, KIA)}


def test_the_actor_of_a_listed_count_is_the_counted_not_the_claimant():
    text = ("The KNDF released its battle report for the week on Sunday.\n\n"
            "Junta soldiers killed – 19; wounded – 7; captured – 2.")
    assert {(c.metric, c.value, c.claimant) for c in claims(text, "Karenni Wire")} == {
        ("killed", 19, KNDF), ("wounded", 7, KNDF), ("captured_personnel", 2, KNDF)}


@pytest.mark.parametrize("text, claimant", [
    ("The junta's Ministry of Home Affairs said 14 terrorists were killed in Ta Ze Township.", MAF),
    ("The NUG's Ministry of Home Affairs and Immigration said 14 junta soldiers were killed in Ta Ze Township.", PDF),
])
def test_a_ministry_with_a_long_name_speaks_for_its_actor(text, claimant):
    assert {(c.metric, c.value, c.claimant) for c in claims(text, "Wire Desk")} == {("killed", 14, claimant)}


# ---------------------------------------------------------------- running totals

def test_a_running_total_shares_the_metric_of_the_count_before():
    text = "The KNLA said 14 junta soldiers were killed on Sunday, taking the total for the month to 260."
    assert {(c.metric, c.value) for c in claims(text, "Karen Wire")} == {("killed", 14), ("killed", 260)}


def test_a_count_that_exceeds_a_figure_is_a_low_bound():
    text = "The number of IDPs in Mindat Township now exceeds 45,000, a local relief group said."
    assert [(c.metric, c.value, c.value_low) for c in claims(text, "Chin Wire")] == [("displaced", None, 45001)]


# ---------------------------------------------------------------- one officer named with his rank, a victim killed on the spot

@pytest.mark.parametrize("text, metric, value", [
    ("Brigadier General Than Htike, who headed the junta's 44th Division, was shot dead by a sniper near Hsi Hseng "
     "on Friday together with an army captain.", "killed", 2),
    ("Lt-Col Myo Thant, the battalion's commander, was captured alive when the camp at Nam Lan fell, the TNLA said.",
     "captured_personnel", 1),
    ("A shell hit the market and killed on the spot Daw Khin Aye, residents said.", "killed", 1),
])
def test_one_named_officer_or_victim(text, metric, value):
    assert [(c.metric, c.value) for c in claims(text, "Wire Desk")] == [(metric, value)]


# ---------------------------------------------------------------- "as were", and the side of a count before its speaker

def test_as_were_shares_the_verb_of_the_clause_before():
    text = "Several policemen were injured in the blast, as were four students and three vendors, state media said."
    assert ("wounded", 7) in {(c.metric, c.value) for c in claims(text, "Wire Desk")}


@pytest.mark.parametrize("text", [
    "Twenty-six soldiers were captured, the KIA said on Monday.",
    "Between 20 and 30 soldiers were killed near Loi Je, the KIA said.",
])
def test_the_speaker_after_a_count_is_not_its_subject(text):
    assert {c.subject for c in claims(text, "Wire Desk")} == {MAF}


def test_the_capture_of_an_officer_with_a_time_and_place_between():
    text = "The shelling followed the capture last Sunday, near Kan Ni village, of a junta lieutenant by the Kani PDF."
    assert [(c.metric, c.value, c.claimant) for c in claims(text, "Central Wire")] == [("captured_personnel", 1, PDF)]


@pytest.mark.parametrize("text, value", [
    ("The massacre of 17 villagers in Ywa Haung was carried out by junta troops, residents said.", 17),
    ("The NUG condemned the killings of 17 civilians in Ywa Haung.", 17),
    ("The regime blamed the rebels for a genocide against 17 residents of Ywa Haung.", 17),
])
def test_nouns_of_killing_before_a_count(text, value):
    assert [(c.metric, c.value) for c in claims(text, "Wire Desk")] == [("killed", value)]


# ---------------------------------------------------------------- a verb with its own object

def test_places_attacked_are_no_count_of_places_taken():
    text = "The KNDF said it had attacked 6 junta outposts near Moe Bye on Sunday and seized 3 of them."
    assert [(c.metric, c.value) for c in claims(text, "Karenni Wire")] == [("outposts_captured", 3)]


def test_myanmars_information_ministry_speaks_for_the_junta():
    text = "Myanmar's Information Ministry said 11 terrorists were killed near Kyun Hla on Tuesday."
    assert {(c.metric, c.value, c.claimant) for c in claims(text, "Wire Desk")} == {("killed", 11, MAF)}


def test_a_count_with_an_of_complement_shares_the_verb_of_the_count_after_it():
    assert got("The junta said 23 members of the security forces and 9 civilians had been killed in the raids.") >= {
        ("killed", 23, MAF), ("killed", 9, MAF)}


def test_a_resistance_spokesperson_speaks_for_the_resistance():
    assert got("A resistance spokesperson said 11 fighters had been killed and about 20 wounded since June.") == {
        ("killed", 11, PDF), ("wounded", 20, PDF)}
