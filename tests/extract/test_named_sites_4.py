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
    assert got[0] == ("army camp close to Ywa Ma Hlaing", "outpost")


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
