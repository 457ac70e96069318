"""The assembly stage on its own: which places a verb acts on, who acts, and when a verb
states no change at all (invented sentences, invented places)."""
from __future__ import annotations

import pytest

from ingestion.reports import published_day
from ingestion.extract.events import assemble
from ingestion.extract.extractor import _prepare
from ingestion.extract.matcher import fold
from ingestion.extract.mentions import scan
from ingestion.extract.sentences import split_sentences

from .test_error_classes import cc, run


def selected(text: str) -> list:
    """The events the rules choose in ``text`` (one sentence), not the ranker's other candidates."""
    prep = _prepare(None)
    sms = scan(text, split_sentences(text), prep.matcher.find(text, fold(text)), published_day("2024-05-08"))
    return [e for sm in sms for e in assemble(sm, text) if e.extra.get("selected", True)]


def names(text: str, change: str) -> list[str]:
    return [p.name for e in selected(text) if e.change == change for p in e.places]


@pytest.mark.parametrize("text", [
    "The rebels seized three towns: Yaw Daung, Pa Lae and Hsin Kyo.",
    "Last week the junta won back three towns \u2014 Yaw Daung, Pa Lae and Hsin Kyo \u2014 residents said.",
    "The KIA still holds other camps in the area, among them Yaw Daung, Pa Lae and Hsin Kyo.",
])
def test_a_count_or_plural_head_followed_by_a_list_names_the_listed_places(text):
    got = names(text, "captured") + names(text, "held")
    assert {"Yaw Daung", "Pa Lae", "Hsin Kyo"} <= set(got)


def test_an_apposition_and_an_alias_in_brackets_do_not_end_a_list():
    assert names("Resistance forces have taken two more towns: Hka Tawng, a river port, and Nam Bwe.",
                 "captured") == ["Hka Tawng", "Nam Bwe"]
    got = names("The AA holds several camps, among them Loi Mung (Hpa Kan Tai), Seng Ja and Nam Hpa.", "held")
    assert ["Loi Mung", "Seng Ja", "Nam Hpa"] == got


def test_a_burmese_honorific_inside_a_listed_name_is_part_of_it():
    got = names("The army took control of the villages of Pa Lae, Min Tha Gone and Hsin Kyo on Monday.", "captured")
    assert "Min Tha Gone" in got


def test_the_owner_of_a_named_site_is_not_part_of_the_place():
    assert names("KNLA fighters attacked and overran the Military Council's Lwe Hkam camp in Hpa Lu Township.",
                 "captured") == ["Lwe Hkam camp"]


def test_after_a_participle_phrase_the_main_clause_subject_acts():
    events = [e for e in selected("Having retaken Shwe Myo, junta troops pushed on towards the river.")
              if e.change == "captured"]
    assert events and events[0].agent is not None and events[0].agent.key == "MAF"


def test_from_which_names_the_place_left_not_its_locative():
    assert names("Fighting began at the army's Hka Lum outpost in Nam Tu Township, from which the troops "
                 "fell back to two towns.", "withdrew") == ["Hka Lum outpost"]


def test_pulled_its_troops_out_is_a_withdrawal():
    assert any(e.change == "withdrew" for e in selected("The KIA pulled its troops out of Loi Mung on Friday."))


def test_civilians_fleeing_is_no_withdrawal():
    assert not [e for e in selected("About 8,000 residents have fled Hsin Kyo and nearby villages this month.")
                if e.change == "withdrew"]


def test_the_outposts_guarding_a_base_are_not_the_base():
    assert not names("A fighter said the outposts protecting the Mya Taung base had already been taken.", "captured")


def test_most_of_a_town_taken_is_a_contest():
    events = [e for e in selected("Most of Hsin Kyo has been taken by the KIA, a resident said.") if e.places]
    assert events and events[0].change == "contested"


def test_held_by_after_a_capture_names_the_holder_before_not_a_fact():
    facts = run("KIA fighters seized Pang Wo, held by the military council, on Monday.")
    assert not cc(facts, "held")


def test_a_camp_that_held_soldiers_is_no_holding():
    assert not [e for e in selected("KIA troops struck the Loi Mung camp, which held roughly 60 soldiers, at dawn.")
                if e.change == "held"]


def test_a_hyphenated_holder_holds_the_place_it_qualifies():
    events = [e for e in selected("The convoy moved towards the junta-held town of Hpa Lu and the KIA-controlled "
                                  "Loi Mung camp.") if e.change == "held"]
    held = {p.name: e.agent.key for e in events for p in e.places if e.agent is not None}
    assert held == {"Hpa Lu": "MAF", "Loi Mung camp": "KIA"}


def test_anti_regime_forces_are_not_the_regime():
    events = [e for e in selected("Junta troops are now confined to the towns, while Hpa Lu and Loi Mung are in the "
                                  "hands of anti-regime forces.") if e.change == "held"
              and any(p.name == "Hpa Lu" for p in e.places)]
    assert events and events[0].agent is not None and events[0].agent.key != "MAF"


def test_in_the_hands_of_states_who_holds_now_in_the_hands_of_a_capture():
    assert {e.change for e in selected("Hpa Lu is in the hands of the KNLA.")} == {"held"}
    assert {e.change for e in selected("Hpa Lu is now in the hands of the KNLA.")} == {"captured"}


def test_losing_control_of_a_place_to_a_group_is_that_group_s_capture():
    events = [e for e in selected("The regime lost control of Hka Lung to the KNLA on Monday.") if e.change == "captured"]
    assert [(p.name, e.agent.key if e.agent else None) for e in events for p in e.places] == [("Hka Lung", "KNLA")]


def test_driving_troops_out_of_a_place_takes_it():
    assert names("The TNLA drove the junta soldiers out of Loi Hpa village on Friday.", "captured") == ["Loi Hpa village"]


@pytest.mark.parametrize("head, kind", [("market", "other"), ("toll gate", "other"), ("airstrip", "airport"),
                                        ("administration office", "other")])
def test_more_site_heads_name_a_site_of_their_kind(head, kind):
    places = [p for e in selected(f"The KIA captured the Mai Ja {head} on Monday.") for p in e.places]
    assert [(p.name, p.kind) for p in places] == [(f"Mai Ja {head}", kind)]


def test_an_actor_naming_things_or_after_a_preposition_is_no_subject():
    events = [e for e in selected("On Monday its fighters struck junta positions in two places, overrunning the "
                                  "Loi Hsam outpost.") if e.change == "captured"]
    assert events and (events[0].agent is None or events[0].agent.key != "MAF")
    events = [e for e in selected("After weeks of attacks on the regime, the TNLA has taken control of Man Pying.")
              if e.change == "captured"]
    assert events and events[0].agent.key == "TNLA"


def test_a_list_of_groups_acts_through_its_first_named_group():
    events = [e for e in selected("The KNLA, the Karenni Nationalities Defence Force (KNDF) and allied groups "
                                  "captured the Hpa Sawng camp on Friday.") if e.change == "captured"]
    assert events and events[0].agent.key == "KNLA"


def test_a_unit_named_as_the_soldiers_unit_is_no_place_taken():
    prep = _prepare(None)
    text = "More than 10 soldiers belonging to the 131st Light Infantry Battalion fell into resistance hands, he said."
    sms = scan(text, split_sentences(text), prep.matcher.find(text, fold(text)), published_day("2024-05-08"))
    assert not [p for sm in sms for e in assemble(sm, text) for p in e.places if p.unit is not None]
