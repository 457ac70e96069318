"""Named sites as real reporting writes them (issue 9, point 2): long descriptive names around a
proper name ("the X army company camp", "the X area's security post"), names that open with a
Burmese syllable or a namesake word, a number or a second spelling inside a name, Burmese unit
abbreviations in Latin letters, a command and its number in brackets; and descriptive phrases
that stay no place (invented sentences, invented names and numbers)."""
from __future__ import annotations

import pytest

from ingestion.extract import extract_report
from ingestion.extract.places import find_places
from ingestion.models import ControlChange, Report


def places(s: str) -> list[tuple[str, str]]:
    return [(p.name, p.kind) for p in find_places(s, 0, len(s)) if p.ref is None and not p.inner]


def units(s: str) -> list[tuple[str, str, str]]:
    return [(p.name, p.unit.type, p.unit.number) for p in find_places(s, 0, len(s)) if p.unit is not None]


def captured(text: str) -> dict[str, str]:
    facts = extract_report(Report(id="t", published="2025-06-20", text=text))
    return {f.place: f.place_kind for f in facts if isinstance(f, ControlChange) and f.change == "captured"}


@pytest.mark.parametrize("text, name, kind", [
    ("The PDF captured the Zin Baw army company camp on Monday.", "Zin Baw army company camp", "outpost"),
    ("The KNLA seized the Mae Hpyu junta infantry company headquarters.",
     "Mae Hpyu junta infantry company headquarters", "military_base"),
    ("The resistance overran the Hto Lwe forward operating base.", "Hto Lwe forward operating base", "military_base"),
    ("The KIA took the Hka Lam Bum mountain top camp.", "Hka Lam Bum mountain top camp", "outpost"),
    ("The PNLO took the Naung Taw junta column's camp.", "Naung Taw junta column's camp", "outpost"),
    ("The AA overran the Sin Oo area's security post on Friday.", "Sin Oo area's security post", "outpost"),
    ("The regime had turned Hsin Tet village's rural police station into a fortress.",
     "Hsin Tet village's rural police station", "other"),
    ("Army columns pressed on along the Yin Kyi-Pa Lon communication road.", "Yin Kyi-Pa Lon communication road",
     "road"),
])
def test_a_name_with_the_words_of_a_unit_s_site_before_its_head_noun_is_one_site(text, name, kind):
    assert (name, kind) in places(text)


@pytest.mark.parametrize("text, name", [
    ("The PDF took the Min Pyin outpost.", "Min Pyin outpost"),
    ("The PDF took the Aung Mye Tha camp.", "Aung Mye Tha camp"),
    ("The KIA captured the Upper Nam Kaw camp.", "Upper Nam Kaw camp"),
    ("The KIA captured the New Lwe Zin outpost.", "New Lwe Zin outpost"),
])
def test_a_site_name_keeps_its_burmese_syllable_or_namesake_word(text, name):
    assert [n for n, _ in places(text)] == [name]


@pytest.mark.parametrize("text, name, kind", [
    ("The TNLA took the Hpa Yin No. 4 outpost.", "Hpa Yin No. 4 outpost", "outpost"),
    ("On 3 March a junta force set up camp at Zaw Lin (Dabu) Village.", "Zaw Lin (Dabu) Village", "village"),
    ("Fighting continues in Zee Pin village-tract.", "Zee Pin village-tract", "village"),
])
def test_a_number_a_second_spelling_or_a_hyphen_inside_a_site_name(text, name, kind):
    assert (name, kind) in places(text)


@pytest.mark.parametrize("text, utype, number", [
    ("The AA captured the Sa Ka Kha-19 headquarters in Lay Kyun.", "military_operations_command", "19"),
    ("The junta regained Ka La Ya 417 base near Hpun Lwe.", "infantry_battalion", "417"),
    ("The KIA took Kha-Ma-Ya (593) on Monday.", "light_infantry_battalion", "593"),
    ("The KNDF seized KaLaYa 281 on Tuesday.", "infantry_battalion", "281"),
    ("The AA seized Ta Ka Ya 9011 near Hpon Taw.", "tank_battalion", "9011"),
])
def test_a_burmese_unit_abbreviation_in_latin_letters_is_a_unit(text, utype, number):
    got = units(text)
    assert [(t, n) for _, t, n in got] == [(utype, number)]
    assert ")" not in got[0][0].replace("(593)", "")


def test_a_command_and_its_number_in_brackets_are_one_place():
    s = "The TNLA said the Hsin Taw Operations Command (Sah Kah Khah-27)'s rear headquarters had been taken."
    assert units(s) == [("Hsin Taw Operations Command (Sah Kah Khah-27)", "military_operations_command", "27")]
    s = "The KIA took the Pa Wan base (LIB 811) on Monday."
    assert units(s) == [("Pa Wan base (LIB 811)", "light_infantry_battalion", "811")]


def test_a_camp_owned_by_the_country_s_army_near_a_village_is_the_camp():
    got = places("PNLA fighters turned on the Burma army camp close to Ywa Ma Hlaing village and took it.")
    assert got[0][0].startswith("army camp close to Ywa Ma Hlaing") and got[0][1] == "outpost"


def test_a_place_whose_name_ends_in_aung_is_a_place():
    got = places("Tha Aung and Kyauk Hpyu had both been held by the resistance.")
    assert ("Tha Aung", "town") in got


@pytest.mark.parametrize("text", [
    "The junta recaptured Kachin's jade hub on Monday.",
    "The AA captured the strategic town and three outposts.",
    "The regime said its army company camps were safe.",
])
def test_a_descriptive_phrase_is_no_named_site(text):
    assert places(text) == []


def test_a_long_site_name_is_the_captured_place():
    got = captured("The PDF captured the Zin Baw army company camp on Monday.")
    assert got == {"Zin Baw army company camp": "outpost"}


@pytest.mark.parametrize("text, name, kind", [
    ("The AA overran the Taung Zin area's sentry post on Friday.", "Taung Zin area's sentry post", "outpost"),
    ("The AA overran the Taung Zin hilltop fortified camp on Friday.", "Taung Zin hilltop fortified camp", "outpost"),
    ("The PDF seized the Nyaung Lwe junta mortar battery.", "Nyaung Lwe junta mortar battery", "outpost"),
    ("The KNLA captured the Mae Hpa Lar rifle company on Sunday.", "Mae Hpa Lar rifle company", "military_base"),
])
def test_a_name_after_the_anchors_a_site_whose_modifiers_no_list_holds(text, name, kind):
    assert (name, kind) in places(text)


@pytest.mark.parametrize("text", [
    "Troops raided the Hpa Zin refugee camp.",
    "The KIA took the Lwe Taw residents camp.",
    "The junta said the Mya Kone town was quiet and the camp safe.",
    "Fighters took the Myanmar military's northern camp.",
])
def test_a_camp_of_people_or_a_country_s_army_is_no_named_site(text):
    assert not any(kind in ("outpost", "military_base") for _, kind in places(text))


def test_the_settlement_s_head_noun_is_part_of_a_located_site_s_label():
    got = places("PNLA fighters turned on the Burma army camp close to Ywa Ma Hlaing village and took it.")
    assert got[0] == ("army camp close to Ywa Ma Hlaing village", "outpost")


@pytest.mark.parametrize("text, name, captor, owner", [
    ("The KNU seized the Hpa Zaw BGF camp on Monday.", "Hpa Zaw BGF camp", "Karen National Liberation Army",
     "Myanmar Armed Forces"),
    ("The AA took the Kyein Lwe military council base on Monday.", "Kyein Lwe military council base", "Arakan Army",
     "Myanmar Armed Forces"),
])
def test_a_site_named_by_its_place_then_its_owner_is_the_site_and_the_owner_held_it(text, name, captor, owner):
    facts = extract_report(Report(id="t", published="2025-06-20", text=text))
    got = [(f.place, f.actor_to, f.actor_from) for f in facts if isinstance(f, ControlChange) and f.change == "captured"]
    assert got == [(name, captor, owner)]


def test_an_owner_named_first_is_the_owner_not_a_site():
    facts = extract_report(Report(id="t", published="2025-06-20", text="The PDF overran the Arakan Army camp."))
    assert not [f for f in facts if isinstance(f, ControlChange)]


def test_the_next_sentence_s_back_reference_tells_what_a_bare_name_is():
    got = captured("The KIA then seized Lung Hkawng, held by the junta, on 3 May. That position on the "
                   "Hpa Lu-Nam Zin road had been manned for years.")
    assert got == {"Lung Hkawng": "outpost"}


def test_a_site_the_next_sentence_places_in_the_town_leaves_the_town_a_town():
    got = captured("The TNLA overran the camp of the junta at Hsin Lwe and now controls the town. "
                   "The camp in Hsin Lwe fell last night.")
    assert got.get("Hsin Lwe") == "town"


@pytest.mark.parametrize("text, name, kind", [
    ("The KNLA captured Outpost 27 near the river.", "Outpost 27", "outpost"),
    ("The KNLA captured Gate (6) near the river.", "Gate (6)", "other"),
    ("The KIA overran the Hpa Zin checkpost on Monday.", "Hpa Zin checkpost", "outpost"),
    ("The KIA overran the Nam Lwe HQ on Monday.", "Nam Lwe HQ", "military_base"),
])
def test_a_site_named_by_its_number_or_a_head_noun_of_reporting_english(text, name, kind):
    assert (name, kind) in places(text)


def test_a_number_with_a_unit_of_length_after_a_head_noun_is_no_site():
    assert places("The camp 5 km away was shelled.") == []


@pytest.mark.parametrize("dash", ["—", "–", "-"])
def test_a_bare_name_takes_the_kind_of_a_site_told_between_dashes(dash):
    got = places(f"The KIA seized Lwe Hpa Bum {dash} a junta outpost on the ridge {dash} on Monday.")
    assert ("Lwe Hpa Bum", "outpost") in got


@pytest.mark.parametrize("text, name, kind", [
    ("The KIA captured the base just outside Hpa Zin on Monday.", "base just outside Hpa Zin", "military_base"),
    ("The KIA captured the camp next to Hpa Zin on Monday.", "camp next to Hpa Zin", "outpost"),
    ("The KIA captured the outpost beside Hpa Zin on Monday.", "outpost beside Hpa Zin", "outpost"),
    ("The KIA captured the base north-east of Hpa Zin on Monday.", "base north-east of Hpa Zin", "military_base"),
    ("The KIA captured the junta base about 7 km from Hpa Zin on Monday.", "junta base about 7 km from Hpa Zin",
     "military_base"),
    ("The KIA captured the junta base 14 km north of Hpa Zin.", "junta base 14 km north of Hpa Zin", "military_base"),
    ("The KIA captured the camp guarding Hpa Zin on Monday.", "camp guarding Hpa Zin", "outpost"),
    ("The KIA captured the junta's camp in the Hpa Zin area on Monday.", "junta's camp in the Hpa Zin area",
     "outpost"),
])
def test_an_unnamed_site_placed_by_a_name_in_more_ways(text, name, kind):
    assert (name, kind) in places(text)


@pytest.mark.parametrize("text, name, kind", [
    ("The KNLA seized the border guard post 31 on Monday.", "border guard post 31", "outpost"),
    ("The PDF raided the police station No. (4) in the town.", "police station No. (4)", "other"),
])
def test_a_lower_case_site_named_by_its_number(text, name, kind):
    assert (name, kind) in places(text)


@pytest.mark.parametrize("text", [
    "The camp 5 km away was attacked and the base 3 times shelled.",
    "The junta said its camp 2 soldiers died.",
])
def test_a_number_of_a_measure_or_a_count_after_a_head_noun_names_no_site(text):
    assert places(text) == []


def test_a_name_after_they_or_a_word_holding_the_still_finds_its_the():
    got = places("Northern units said they took the Lwe Zin sniper nest camp.")
    assert ("Lwe Zin sniper nest camp", "outpost") in got


def test_an_ordinal_among_the_words_of_a_located_site():
    got = places("The AA captured the junta's 9th company camp at Hpa Zin.")
    assert ("junta's 9th company camp at Hpa Zin", "outpost") in got
