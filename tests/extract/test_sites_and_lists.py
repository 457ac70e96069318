"""Named sites described by several words, lists of places, orders, recaptures told by their
own verb and places under attack (invented sentences, invented places)."""
from __future__ import annotations

import pytest

from ingestion.extract import extract_report
from ingestion.models import ControlChange, Report


def facts_of(text: str) -> list[ControlChange]:
    facts = extract_report(Report(id="t", published="2025-06-20", text=text))
    return [f for f in facts if isinstance(f, ControlChange)]


def _junta_media(text: str) -> set[tuple]:
    """(place, change, captor) of the control changes of ``text`` as the junta's state media."""
    facts = extract_report(Report(id="t", published="2025-06-20", text=text, outlet="The Global New Light of Myanmar"))
    return {(f.place, f.change, f.actor_to) for f in facts if isinstance(f, ControlChange)}


def taken(text: str) -> dict[str, tuple[str | None, str | None]]:
    """place -> (kind, captor) of the captures in ``text``."""
    return {f.place: (f.place_kind, f.actor_to) for f in facts_of(text) if f.change == "captured"}


@pytest.mark.parametrize("text, place, kind", [
    ("The MNDAA took control of the Hko Lon border trade post on Monday.", "Hko Lon border trade post", "outpost"),
    ("The KNLA seized the Kyon Doe district administration office.", "Kyon Doe district administration office", "other"),
    ("Resistance fighters took the Pale township police station on 3 May.", "Pale township police station", "other"),
    ("Resistance fighters seized the junta's Hinthada-Zalun road checkpoint.", "Hinthada-Zalun road checkpoint", "outpost"),
    ("The MNDAA took the Mong Hsu regional military command base on Monday.",
     "Mong Hsu regional military command base", "military_base"),
    ("The KIA captured the Nam Taw fortress on the river bank.", "Nam Taw fortress", "military_base"),
    ("The Karenni forces captured the Pekon University, where troops had been based.", "Pekon University", "other"),
])
def test_a_site_named_with_several_describing_words_is_the_site_not_the_town(text, place, kind):
    assert taken(text).get(place, (None,))[0] == kind


def test_names_listed_before_a_plural_apposition_take_its_kind():
    got = taken("PDF fighters seized Kyun Ywa and Kan Thar Yar, two villages on the Monywa road.")
    assert got == {"Kyun Ywa": ("village", "People's Defence Force"),
                   "Kan Thar Yar": ("village", "People's Defence Force")}


def test_a_place_joined_by_and_the_village_of_is_another_object():
    got = taken("The TNLA recaptured Pan Lon village and the nearby village of Ho Pang Lay.")
    assert set(got) == {"Pan Lon village", "Ho Pang Lay"}


def test_a_village_of_a_township_in_apposition_is_no_second_object():
    got = taken("On 3 May, resistance forces took Zee Phyu Gon, a village of Natogyi Township.")
    assert set(got) == {"Zee Phyu Gon"}


@pytest.mark.parametrize("order", ["ordered the deputy commander to retake", "instructed its columns to capture",
                                   "urged the resistance forces to seize", "told the battalion to take back"])
def test_an_order_to_take_a_place_is_no_capture(order):
    assert taken(f"The regional commander {order} Lwe Kaw, the local paper reported.") == {}


def test_a_recapture_by_its_own_verb_is_another_fact_than_the_capture_before():
    facts = facts_of("PDF fighters captured Thar Si village. Later, as junta reinforcements advanced, "
                     "the PDF had to pull out, and the junta retook the village.")
    got = {(f.change, f.actor_to or f.actor_from) for f in facts}
    assert ("captured", "People's Defence Force") in got
    assert ("captured", "Myanmar Armed Forces") in got
    assert ("withdrew", "People's Defence Force") in got


@pytest.mark.parametrize("attacked", ["came under attack by", "was under heavy fire from"])
def test_a_site_under_attack_is_contested_never_taken(attacked):
    facts = facts_of(f"Later that afternoon the Wet Let township police station {attacked} PDF fighters, "
                     "and the roof of its cell was damaged.")
    assert all(f.change != "captured" for f in facts)


def test_raising_a_flag_over_a_site_is_its_capture():
    got = taken("Clashes went on all week. Resistance fighters raised their flag over the Nga Pyaw police station "
                "after the police fled. More fighting is expected.")
    assert got == {"Nga Pyaw police station": ("other", "People's Defence Force")}


def test_a_place_cleared_of_a_side_s_troops_is_taken_from_that_side():
    facts = facts_of("Clashes went on all week. Hsin Taung has been cleared of junta troops, the KNDF said.")
    got = {(f.place, f.change, f.actor_to, f.actor_from) for f in facts}
    assert got == {("Hsin Taung", "captured", "Karenni Nationalities Defence Force", "Myanmar Armed Forces")}


def test_a_counted_phrase_placed_on_a_road_still_heads_the_list_after_it():
    facts = facts_of("Clashes went on all week. Before this, the TNLA had lost three towns on the main road between "
                     "the plains and the border – Nam Mo, Pa Yaw and Kun Hein – to a heavy army offensive.")
    got = {(f.place, f.actor_to, f.actor_from) for f in facts if f.change == "captured"}
    assert got == {(town, "Myanmar Armed Forces", "Ta'ang National Liberation Army") for town in ("Nam Mo", "Pa Yaw", "Kun Hein")}


def test_a_coalition_with_the_junta_among_its_members_is_the_junta_s_side():
    got = taken("Clashes went on all week. Loi Mwe village has now been seized by the coalition of the local militia "
                "and the junta, a resident said.")
    assert got == {"Loi Mwe village": ("village", "Myanmar Armed Forces")}


# translated English: the forms a Burmese original gives its English rewrite
def test_could_take_a_place_on_a_past_day_is_managed_to_take_it():
    got = taken("Clashes went on all week. The revolution forces could seize the military council's camp in "
                "Thit Yar village on 12 June, the group said.")
    assert [kind for kind, _ in got.values()] == ["outpost"]


def test_could_take_a_place_with_no_day_stays_a_possibility():
    assert taken("Clashes went on all week. The revolution forces could seize the Thit Yar camp soon, the group said.") == {}


def test_troops_that_were_retreated_from_a_camp_withdrew_from_it():
    facts = facts_of("Clashes went on all week. The military council troops were retreated from the Lay Wa camp on Tuesday.")
    assert {(f.place, f.change, f.actor_from) for f in facts} == {("Lay Wa camp", "withdrew", "Myanmar Armed Forces")}


def test_has_been_able_to_occupy_is_done():
    got = taken("Clashes went on all week. The KIA has been able to occupy the Hka Ya camp, a spokesman said.")
    assert got == {"Hka Ya camp": ("outpost", "Kachin Independence Army")}


def test_a_name_that_opens_with_a_title_s_syllable_keeps_it_before_a_head_noun():
    got = taken("Clashes went on all week. The military council has reoccupied Ma Yin Gone village, a resident said.")
    assert set(got) == {"Ma Yin Gone village"}


def test_a_date_after_since_is_when_a_state_began_not_the_day_of_the_change():
    facts = facts_of("The junta retook Pyin Oo village, which the PDF had held since 2023, residents said.")
    assert [(f.place, f.date) for f in facts if f.change == "captured"] == [("Pyin Oo village", "2025-06-13")]


@pytest.mark.parametrize("described", [", which served as a junta base,", " (a junta outpost)", ", the site of a regime camp,"])
def test_a_name_described_as_a_site_is_that_site(described):
    got = taken(f"Clashes went on all week. The KNLA overran Wah Khee{described} on Monday. More clashes are expected.")
    assert got["Wah Khee"][0] in ("military_base", "outpost")


def test_a_base_known_as_a_name_is_the_named_base():
    got = taken("Clashes went on all week. The TNLA seized the junta base known as Nam Sam on Monday.")
    assert [kind for kind, _ in got.values()] == ["military_base"]


def test_a_place_secured_with_no_one_named_is_the_junta_s_doing_in_its_own_media():
    text = ("Security forces carried out clearance operations in the region, state media said. Consequently, the "
            "Nyaung Kone area, temporarily held by PDF terrorists, was completely secured on 3 June.")
    assert {(place, actor) for place, change, actor in _junta_media(text) if change == "captured"} == {
        ("Nyaung Kone area", "Myanmar Armed Forces")}


def test_a_place_given_up_beside_a_counted_figure_is_taken_by_the_side_named_after():
    got = taken("Last month alone the regime surrendered four townships in the state as well as the Eastern "
                "Command headquarters there, while the Arakan Army came to control most of the state.")
    assert got == {"Eastern Command headquarters": ("military_base", "Arakan Army")}


def test_its_troops_after_the_junta_said_on_a_day_are_the_junta_s():
    facts = facts_of("BANGKOK — Myanmar's military government said Tuesday its troops had recaptured Loi Hseng, "
                     "a town in Shan state, from ethnic guerrillas who seized it in January.")
    got = [(f.place, f.actor_to, f.date) for f in facts if f.change == "captured"]
    assert len(got) == 1 and got[0][:2] == ("Loi Hseng", "Myanmar Armed Forces")
    assert got[0][2] != "2025-01-01"  # January is when the guerrillas seized it


def test_a_people_s_revolution_forces_are_its_armed_group():
    got = taken("Clashes went on all week. The Karenni revolution forces recaptured three camps in the township: "
                "Nan Pa, Lwe Kaw and Saung Pyi.")
    assert {actor for _, actor in got.values()} == {"Karenni Nationalities Defence Force"} and len(got) == 3


@pytest.mark.parametrize("close", ["are within a single step of taking", "are close to capturing", "are on the verge of seizing",
                                   "would be stronger if they managed to take"])
def test_a_capture_near_at_hand_or_supposed_is_none(close):
    assert taken(f"Clashes went on all week. Resistance forces say they {close} Loi Nan, a strategic town.") == {}


def test_a_unit_that_comes_under_a_command_is_not_taken_by_it_and_its_surrender_is_accepted_by_the_taker():
    got = taken("Clashes went on all week. On 12 May, the MNDAA accepted the surrender of all of No. 412 Light Infantry "
                "Battalion, which comes under the Regional Operations Command in Hong Lon.")
    assert got == {"412 Light Infantry Battalion base": ("military_base", "Myanmar National Democratic Alliance Army")}


@pytest.mark.parametrize("text, places", [
    ("The AA captured the Kyauk Lone camp, which had been guarded by junta troops, and the nearby Ywa Thit outpost.",
     {"Kyauk Lone camp", "Ywa Thit outpost"}),
    ("The KNLA overran the Tha Htoo camp, where about 50 junta soldiers were stationed, and the Kaw Pu outpost.",
     {"Tha Htoo camp", "Kaw Pu outpost"}),
    ("The TNLA took the Loi Hsan base, the junta's last stronghold in the township, as well as the Mong Nai outpost "
     "and Pang Wo village.", {"Loi Hsan base", "Mong Nai outpost", "Pang Wo village"}),
    ("The PDF seized the police station in Ah Tet village and the regime's administration office in Nyaung Lay.",
     {"police station in Ah Tet village", "regime's administration office in Nyaung Lay"}),
])
def test_a_list_of_objects_goes_on_past_a_description_of_one(text, places):
    assert set(taken(f"Clashes went on all week. {text} More clashes are expected.")) == places


def test_a_capture_told_twice_keeps_the_day_the_second_telling_gives():
    facts = facts_of("The KIA has taken Hpun Lwe, a local official said. Fighting for the village had gone on for a "
                     "month before KIA fighters took Hpun Lwe on 2 June, he said.")
    got = [(f.place, f.date) for f in facts if f.change == "captured"]
    assert got == [("Hpun Lwe", "2025-06-02")]


def test_state_media_s_security_control_taken_back_and_peace_restored_are_recaptures():
    assert ("Kyun Lel village", "captured", "Myanmar Armed Forces") in _junta_media(
        "Tatmadaw columns conducted area clearance operations. The columns took back security control of Kyun Lel "
        "village on 5 June after the terrorists fled.")
    assert _junta_media("Tatmadaw columns conducted area clearance operations. Kone Nyo village has been restored "
                        "to peace and stability, state media said.") == {("Kone Nyo village", "captured", "Myanmar Armed Forces")}


def test_who_had_been_occupying_a_place_held_it_and_took_nothing():
    got = _junta_media("Tatmadaw columns conducted area clearance operations. The terrorists who had been occupying "
                       "Ohn Kyin village were driven out by security forces on 6 June.")
    assert not any(change == "captured" and actor != "Myanmar Armed Forces" for _, change, actor in got)


def test_in_a_round_up_the_junta_retakes_a_place_from_the_side_at_home_there():
    facts = facts_of("Here is a round-up of the week. In Karenni State, the KNDF overran two outposts near Pekon. "
                     "In Magway Region, the junta retook Sa Taw village after three days of clashes. The KNDF said more "
                     "attacks would follow.")
    got = {(f.place, f.actor_to, f.actor_from) for f in facts if f.change == "captured"}
    assert ("Sa Taw village", "Myanmar Armed Forces", "People's Defence Force") in got


def test_names_each_placed_in_their_township_are_a_list_of_their_own():
    got = taken("Clashes went on all week. The AA said it had captured Kyauk Lay village in Ann Township, Taung Lay "
                "village in Gwa Township and Ma Gyi village in Toungup Township.")
    assert set(got) == {"Kyauk Lay village", "Taung Lay village", "Ma Gyi village"}


@pytest.mark.parametrize("middle, other", [
    ("after a two-hour fight with junta troops and Pyu Saw Htee militia, and then", "Yin Taw camp"),
    (", according to the group's information officer and residents of the area, and", "Lay Pyin outpost"),
])
def test_a_verb_s_objects_go_on_past_an_aside(middle, other):
    got = taken(f"Clashes went on all week. The PDF took the police station in Kani on Monday{'' if middle.startswith(',') else ' '}{middle} the {other}.")
    assert other in got


def test_a_later_clause_with_a_verb_of_its_own_is_no_object_of_the_first():
    got = taken("Clashes went on all week. The PDF took the police station in Kani after a fight with junta troops, "
                "and then the town fell to the KIA.")
    assert got.get("Kani", (None, "Kachin Independence Army"))[1] != "People's Defence Force"
