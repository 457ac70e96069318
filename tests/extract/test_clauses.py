"""Who acts in a later clause, what a described place noun is, and how holding is stated
(invented sentences, invented places)."""
from __future__ import annotations

import pytest

from ingestion.extract import extract_report
from ingestion.models import ControlChange, Report


def facts_of(text: str) -> list[ControlChange]:
    facts = extract_report(Report(id="t", published="2025-06-20", text=text))
    return [f for f in facts if isinstance(f, ControlChange)]


def candidates(text: str) -> tuple[list, str]:
    """Every (trigger, place) candidate of ``text`` before the ranker judges it, and the text."""
    from ingestion.extract.extractor import control_candidates

    cands, text, _ = control_candidates(Report(id="t", published="2025-06-20", text=text))
    return cands, text


def captors(text: str) -> dict[str, str | None]:
    return {f.place: f.actor_to for f in facts_of(text) if f.change == "captured"}


def test_a_relative_clause_s_subject_is_the_side_before_who():
    got = captors("A regime column that tried to cross the river was beaten back by Yinmabin PDF fighters, "
                  "who then took over Kyun Taw village.")
    assert got == {"Kyun Taw village": "People's Defence Force"}


def test_a_new_subject_after_and_is_the_later_verb_s_own():
    got = captors("Junta troops attacked the Nam Sai outpost for two days, and the TNLA took control "
                  "of Nam Sai village on Sunday.")
    assert got.get("Nam Sai village") == "Ta'ang National Liberation Army"


def test_verbs_joined_by_and_still_share_the_first_subject():
    got = captors("The KIA surrounded the Lung Hkang camp and captured Lung Hkang village on Monday.")
    assert got == {"Lung Hkang village": "Kachin Independence Army"}


@pytest.mark.parametrize("described", ["the jade town of", "the riverside town of", "the old mining town of"])
def test_a_word_describing_the_place_s_noun_does_not_hide_the_place(described):
    got = captors(f"In the north, the KIA said it took {described} Hpa Hkyet on Friday.")
    assert got == {"Hpa Hkyet": "Kachin Independence Army"}


@pytest.mark.parametrize("held", ["has been largely in the hands of the KNLA", "remains under KNLA firm control",
                                  "is mostly under the control of the KNLA"])
def test_holding_stated_with_an_adverb(held):
    got = [(f.place, f.change, f.actor_to) for f in facts_of(f"Kyaw Pa Lu, a river town, {held} since May.")]
    assert ("Kyaw Pa Lu", "held", "Karen National Liberation Army") in got


def test_the_town_of_a_later_clause_is_the_one_the_sentence_named():
    cands, _ = candidates("Resistance fighters stormed Hpa Saung on Monday, but the military reoccupied the town in late June.")
    assert ("reoccupied", "Hpa Saung") in {(c.event.trigger.text, c.place.name) for c in cands}


def test_a_town_that_fell_on_the_following_day_fell():
    from ingestion.extract.triggers import find_triggers
    text = "The PDF besieged Kyun Hla on 3 May and the town fell on the following day."
    assert [t.family for t in find_triggers(text, 0, len(text))] == ["contest", "capture"]
    text = "A shell fell on the market."
    assert find_triggers(text, 0, len(text)) == []


def test_recovering_towns_is_a_recapture_recovering_bodies_is_not():
    from ingestion.extract.triggers import find_triggers
    text = "The army recovered two towns, Hpa Lat and Kyun Su, in July."
    assert [t.family for t in find_triggers(text, 0, len(text))] == ["recapture"]
    text = "Soldiers recovered 20 bodies and 14 rifles from the river."
    assert find_triggers(text, 0, len(text)) == []


def test_a_counted_phrase_is_no_place_when_the_names_follow_it():
    got = captors("The Kayin army fully captured the three battalions stationed in Hpa Kat — Light Infantry "
                  "Battalion 536, Light Infantry Battalion 537 and Light Infantry Battalion 538 — on Monday.")
    assert not any(place.startswith("three battalions") for place in got)


@pytest.mark.parametrize("speaker, side", [
    ("Local resistance forces", "People's Defence Force"),
    ("Resistance forces in Karenni State", "Karenni Nationalities Defence Force"),
])
def test_they_after_a_generic_speaker_is_whoever_the_generic_name_stands_for(speaker, side):
    got = captors(f"{speaker} announced they have taken over the Kyun Pin police station.")
    assert got == {"Kyun Pin police station": side}


def test_seized_control_of_a_named_place_is_a_plain_capture():
    from ingestion.extract import ranker
    cands, text = candidates("Since the spring offensive, Karenni forces have seized control of Hpa Mun, "
                             "while fighting continues elsewhere.")
    assert any(c.place.name == "Hpa Mun" and ranker._plain(c, text) for c in cands)


def test_the_town_of_a_where_clause_is_the_place_before_it():
    cands, _ = candidates("Battles rage for Hpa Kyin, where the KIA has besieged the town for months.")
    assert ("besieged", "Hpa Kyin") in {(c.event.trigger.text, c.place.name) for c in cands}


def test_a_list_after_a_count_dated_since_a_month_names_the_places():
    cands, _ = candidates("The regime has lost around 60 towns since October 2023, including Kyun Hla and Hpa Lat.")
    assert {"Kyun Hla", "Hpa Lat"} <= {c.place.name for c in cands if c.event.extra.get("selected", True)}


@pytest.mark.parametrize("state, group", [("Kayin State", "Karen National Liberation Army"),
                                          ("Sagaing Region", "People's Defence Force")])
def test_the_rebels_of_no_named_group_are_the_local_group_of_the_state_named(state, group):
    assert captors(f"The rebels seized Hpa Hkan town in {state} on Monday.") == {"Hpa Hkan town": group}


@pytest.mark.parametrize("text", [
    "Instead, the junta seems to be holding Kyun Pin, where its command sits.",
    "Clashes were reported close to the Catholic church and around Kyun Pin.",
])
def test_a_sentence_adverb_or_a_faith_is_no_place(text):
    assert not any(f.place in ("Instead", "Catholic") for f in facts_of(text))


@pytest.mark.parametrize("text", [
    "A junta convoy of some 60 troops set out this morning (March 3) to take back the base at Hpa Lan village.",
    "Troops were sent to retake Hpa Lan on Monday.",
    "\"We are attacking the last positions so that we can take all of Hpa Lan hill.\"",
])
def test_a_purpose_or_an_ability_is_no_capture(text):
    assert [f for f in facts_of(text) if f.change == "captured"] == []


def test_a_reoccupation_of_the_town_named_earlier_in_the_sentence_is_a_fact():
    got = {(f.place, f.actor_to) for f in facts_of(
        "The resistance took Hpa Saung in December, but the military reoccupied the town two weeks later.")
        if f.change == "captured"}
    assert got == {("Hpa Saung", "People's Defence Force"), ("Hpa Saung", "Myanmar Armed Forces")}


def test_the_town_that_fell_in_a_clause_of_its_own_is_the_one_attacked_before():
    got = captors("The PDF launched an offensive on Kyun Hla on 3 March and the town fell on the following day.")
    assert got == {"Kyun Hla": "People's Defence Force"}


def test_now_in_their_control_is_the_speaker_s_capture_not_the_possessor_s():
    got = captors("The Hpa Lan township PDF announced that the regime's administration office in Hpa Lan "
                  "was now in their control.")
    assert list(got.values()) == ["People's Defence Force"]


def test_a_local_defence_force_is_the_pdf():
    got = [(f.change, f.actor_from) for f in facts_of(
        "Junta troops torched Kyun Taw village on 4 June; the local defence force withdrew from Kyun Taw village "
        "to spare the villagers.") if f.change == "withdrew"]
    assert got == [("withdrew", "People's Defence Force")]


@pytest.mark.parametrize("text, negated", [
    ("Junta columns were able to completely control Hpa Lan town on 9 July.", False),
    ("The KIA was not able to capture Hpa Lan.", True),
    ("The KIA will be able to capture Hpa Lan.", True),
])
def test_were_able_to_is_done_not_able_to_is_not(text, negated):
    from ingestion.extract.triggers import find_triggers
    assert [t.negated for t in find_triggers(text, 0, len(text))] == [negated]


def test_state_media_s_restoring_regional_stability_in_x_is_a_recapture():
    got = captors("Members of the Tatmadaw are maintaining security and restoring regional stability in Hpa Lan.")
    assert got == {"Hpa Lan": "Myanmar Armed Forces"}


def test_a_people_s_defence_groups_are_its_armed_group():
    got = [(f.change, f.actor_to or f.actor_from) for f in facts_of(
        "Chin defence groups took the Hpa Lan camp on Friday and then pulled back from it to avoid air strikes.")]
    assert got == [("captured", "Chin National Front"), ("withdrew", "Chin National Front")]


def test_giving_up_positions_is_a_withdrawal_giving_up_arms_is_not():
    from ingestion.extract.triggers import find_triggers
    text = "Faced with drone attacks, the PDF gave up its positions in Hpa Lan and moved to the hills."
    assert "withdraw" in [t.family for t in find_triggers(text, 0, len(text))]
    text = "Forty soldiers gave up their weapons to the KNLA."
    assert find_triggers(text, 0, len(text)) == []
