"""Unnamed sites placed by a town in the words reports use (a unit's type, "X-based", "on the
outskirts of", two sites coordinated), and relative clauses told of their own antecedent
(invented sentences, invented places)."""
from __future__ import annotations

import pytest

from ingestion.extract import extract_report
from ingestion.models import ControlChange, Report


def facts_of(text: str) -> list[ControlChange]:
    facts = extract_report(Report(id="t", published="2025-06-20", text=text))
    return [f for f in facts if isinstance(f, ControlChange)]


def taken(text: str) -> dict[str, str]:
    """place -> kind of the captures in ``text``."""
    return {f.place: f.place_kind for f in facts_of(text) if f.change == "captured"}


@pytest.mark.parametrize("text, place, kind", [
    ("The AA overran the Light Infantry Battalion base in Yoma Kyin on Friday.",
     "Light Infantry Battalion base in Yoma Kyin", "military_base"),
    ("Resistance fighters seized the LIB base in Tha Pyay Aing last week.", "LIB base in Tha Pyay Aing", "military_base"),
    ("The MNDAA took over the Nam Loi-based battalion headquarters on 2 May.",
     "battalion headquarters in Nam Loi", "military_base"),
    ("The KNLA overran a military camp on the outskirts of Htee Ka Pler.",
     "military camp on the outskirts of Htee Ka Pler", "outpost"),
    ("The junta's tactical operations command in Maw Hpa fell to the PNLA on Thursday.",
     "junta's tactical operations command in Maw Hpa", "military_base"),
])
def test_an_unnamed_site_placed_by_a_town_is_the_site_not_the_town(text, place, kind):
    got = taken(text)
    assert got.get(place) == kind
    assert not any(k == "town" for k in got.values())


def test_two_sites_placed_by_one_town_are_two_sites():
    got = taken("The regime's police station and administration office in Lwe Gyo were captured by the KIA on Monday.")
    assert got == {"police station in Lwe Gyo": "other", "administration office in Lwe Gyo": "other"}


def test_a_relative_clause_tells_of_its_antecedent_not_of_the_places_before_it():
    facts = facts_of("The Karenni army said on Monday junta forces in Nan Mae were shelling Lwe Pyin, "
                     "which is held by the KNDF.")
    assert {(f.place, f.change) for f in facts} == {("Lwe Pyin", "held")}


def test_a_place_that_lies_by_another_is_not_the_antecedent_of_the_other_s_clause():
    facts = facts_of("In Kayah State, the KNDF has been fighting for weeks. Hoya lies south of Saw Lon town, "
                     "which the resistance now controls entirely.")
    assert {(f.place, f.change, f.actor_to) for f in facts} == {
        ("Saw Lon town", "held", "Karenni Nationalities Defence Force")}


def test_a_list_of_objects_goes_on_past_the_dates_of_its_items():
    got = taken("PDF fighters seized Hpa Yar on 3 May, Nam Kon on 7 May and Loi Mwe on 9 May.")
    assert set(got) == {"Hpa Yar", "Nam Kon", "Loi Mwe"}


def test_a_list_of_objects_goes_on_past_a_time_aside_and_then():
    got = taken("The TNLA captured Hsar Lu on 25 December, two months after the operation began, and later Ton Pin.")
    assert set(got) == {"Hsar Lu", "Ton Pin"}


@pytest.mark.parametrize("text, names", [
    ("The AA has taken control of 11 of the state's 15 townships, including Yay Kyaw, Min Hla and Taung Bo.",
     {"Yay Kyaw", "Min Hla", "Taung Bo"}),
    ("Since May, KNLA fighters have taken no fewer than six junta bases, strategic camps such as Kaw Hta and "
     "Mae Hla Waw among them.", {"Kaw Hta", "Mae Hla Waw"}),
])
def test_the_names_a_count_of_captured_places_includes_are_captured(text, names):
    assert set(taken(text)) == names


def test_the_main_verb_after_a_relative_clause_takes_back_the_town_it_named_with_its_own_date():
    facts = facts_of("The Pa-O National Liberation Army, which captured Loi Hsam in late 2023, lost the town to "
                     "junta troops in November last year.")
    got = {(f.place, f.actor_to, f.date[:7]) for f in facts if f.change == "captured"}
    assert ("Loi Hsam", "Myanmar Armed Forces", "2024-11") in got
    assert ("Loi Hsam", "Pa-O National Liberation Organization", "2023-09") in got


def test_the_town_of_the_main_clause_is_the_one_its_opening_clause_named():
    facts = facts_of("After losing Hpa Lu in April, the junta retook the town two weeks later.")
    assert {(f.place, f.change, f.actor_to) for f in facts} == {("Hpa Lu", "captured", "Myanmar Armed Forces")}


def test_an_outlet_that_learned_the_news_is_no_place():
    got = taken("The SSPP troops entered and took Mong Hsu Lay town on 3 July, Hsan Lon learned.")
    assert set(got) == {"Mong Hsu Lay town"}


def test_a_site_named_by_its_town_with_the_word_town_is_the_site():
    assert taken("The MDY-PDF announced that it has seized the Sin Hla town police station.") == {
        "Sin Hla town police station": "other"}


def test_a_place_after_its_township_s_possessive_is_the_verb_s_object():
    facts = facts_of("Tatmadaw members regained Kyauk Hla Township's Nan Taw village on 10 March after fierce fighting.")
    assert {(f.place, f.change, f.actor_to) for f in facts} == {("Nan Taw village", "captured", "Myanmar Armed Forces")}


@pytest.mark.parametrize("text, place", [
    ("The AA seized Hill 1184 near Sabya village on Monday.", "Hill 1184"),
    ("The AA seized the junta's stronghold on Hill 1184 near Sabya village.", "Hill 1184"),
    ("Resistance fighters overran Point 906 on Monday.", "Point 906"),
])
def test_a_hill_named_by_its_height_is_an_outpost_and_the_village_only_locates_it(text, place):
    assert taken(text) == {place: "outpost"}


def test_a_place_after_another_verb_of_the_same_family_is_not_the_first_verb_s():
    facts = facts_of("Fighting went on across the country this week. The resistance now holds roughly half of the "
                     "territory, while the junta retains the big cities, including Pyin Hla.")
    assert not any(f.actor_to == "People's Defence Force" for f in facts)


def test_a_named_group_with_allies_in_an_aside_is_the_captor():
    facts = facts_of("Fighting went on across the region this week. The KIA, along with PDF units, captured Sin Kan "
                     "and the regime's last outpost in Nam Hpe.")
    assert {f.actor_to for f in facts if f.change == "captured"} == {"Kachin Independence Army"}


@pytest.mark.parametrize("text, names", [
    ("The MNDAA captured Hko Tan and, with the help of the TNLA, Nam Pawng.", {"Hko Tan", "Nam Pawng"}),
    ("Resistance forces led by the KNDF captured the Daw Ku police station and, after three days, the junta's "
     "LIB 428 base.", {"Daw Ku police station", "LIB 428 base"}),
    ("The AA captured Hpon Nyo Leik and then Ywa Ma.", {"Hpon Nyo Leik", "Ywa Ma"}),
])
def test_a_list_of_objects_goes_on_past_an_aside_after_its_and(text, names):
    assert set(taken("Fighting went on across the region this week. " + text)) == names


def test_a_later_clause_with_a_two_word_subject_takes_the_town_its_sentence_named():
    facts = facts_of("Fighting went on across the region this week. Junta troops abandoned their positions in Hpa "
                     "Yar after the PDF attacked, and resistance fighters occupied the town.")
    assert ("Hpa Yar", "captured", "People's Defence Force") in {(f.place, f.change, f.actor_to) for f in facts}


@pytest.mark.parametrize("text, names", [
    ("KIA troops overran a junta camp near Lwe Hkaw, a KIA spokesman said, and another outpost in Nam Sai.",
     {"junta camp near Lwe Hkaw", "outpost in Nam Sai"}),
    ("The KIA and its allies seized Sin Lum's airport and, according to residents, the junta's Regional "
     "Operations Command.", {"Sin Lum's airport", "Regional Operations Command"}),
])
def test_a_list_of_objects_goes_on_past_a_speaker_aside(text, names):
    assert set(taken("Fighting went on across the region this week. " + text)) == names


def test_a_list_of_objects_goes_on_past_whom_the_first_was_taken_from():
    got = taken("Fighting went on this week. The AA captured Kyauk Hpyu from junta troops on Monday, along with "
                "the nearby Kyauk Sin camp.")
    assert set(got) == {"Kyauk Hpyu", "Kyauk Sin camp"}


def test_a_list_of_objects_goes_on_past_where_each_lies_in_brackets():
    got = taken("Fighting went on this week. In October, resistance groups captured four junta bases: Kin Pyin "
                "(Sagaing), Hti Law (Kayin), Nat Kan (Magway) and Mya Hla (Bago).")
    assert set(got) == {"Kin Pyin", "Hti Law", "Nat Kan", "Mya Hla"}


def test_allied_troops_are_not_the_junta_s():
    facts = facts_of("Fighting went on this week. Around 8 am on 15 August, the allied troops conquered the "
                     "Loi Lem Township's Nam Hpa outpost.")
    assert not any(f.actor_to == "Myanmar Armed Forces" for f in facts)


@pytest.mark.parametrize("text, names", [
    ("Resistance forces captured the following this week: Nyaung Hla camp (Sagaing), Tha Pyin outpost "
     "(Magway) and Pyin Hla police station (Mandalay).", {"Nyaung Hla camp", "Tha Pyin outpost", "Pyin Hla police station"}),
    ("Captured by the AA: Kyauk Hla (11 March), Taung Pyin (12 March).", {"Kyauk Hla", "Taung Pyin"}),
    ("Towns seized by the TNLA: 2 (Hpa Hla and Nan Kon).", {"Hpa Hla", "Nan Kon"}),
])
def test_a_tally_s_heading_names_the_places_after_its_colon(text, names):
    assert set(taken("Fighting went on this week.\n" + text)) == names


def test_a_place_described_as_held_by_a_named_side_is_held_by_it():
    facts = facts_of("Fighting went on this week. Nam Hkan, now controlled by the KIA, was hit by airstrikes on Monday.")
    assert {(f.place, f.change, f.actor_to) for f in facts} == {("Nam Hkan", "held", "Kachin Independence Army")}


@pytest.mark.parametrize("text, places", [
    ("The KNDF captured two wards in Loi Nan on Tuesday.", {"Loi Nan wards"}),
    ("The KIA has taken control of several urban wards of Nam Sang.", {"Nam Sang wards"}),
    ("The AA captured wards 3, 4 and 5 of Kyauk Pyin on Monday.",
     {"Ward 3 of Kyauk Pyin", "Ward 4 of Kyauk Pyin", "Ward 5 of Kyauk Pyin"}),
    ("The KIA captured the town's No. 3 ward on Friday.", {"No. 3 ward"}),
])
def test_wards_told_together_are_urban_wards(text, places):
    got = taken("Fighting went on this week. " + text)
    assert set(got) == places and set(got.values()) == {"urban_ward"}


def test_a_group_s_brigade_troops_are_the_group_s():
    facts = facts_of("Fighting went on this week. KNLA Brigade 6 troops captured the Kyaik Hla camp on Friday, "
                     "the brigade said.")
    assert {(f.place, f.actor_to) for f in facts if f.change == "captured"} == {
        ("Kyaik Hla camp", "Karen National Liberation Army")}


def test_camps_named_by_number_are_outposts():
    got = taken("Fighting went on this week. The Chin Brotherhood said it had seized Hlan Taw's Camp No. 1 and "
                "Camp No. 2 after a month-long siege.")
    assert got == {"Camp No. 1": "outpost", "Camp No. 2": "outpost"}


def test_a_side_s_remaining_positions_in_a_town_are_the_town():
    got = taken("Fighting went on this week. The AA have overrun the military's remaining positions in Kyauk Ni, "
                "residents said.")
    assert set(got) == {"Kyauk Ni"}  # (its kind the ranker's choice: the town, or the base the positions were)
