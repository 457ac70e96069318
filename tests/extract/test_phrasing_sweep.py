"""Control changes as reports commonly phrase them, and statements that are no change
(invented sentences and places; each one after two neutral sentences, so the report is not a
one-line headline)."""
from __future__ import annotations

import datetime as dt

import pytest

from ingestion.extract import extract_report
from ingestion.models import ControlChange, Report

LEAD = "Residents described a tense week in the area. Markets stayed closed and schools were shut. "


def changes(sentence: str) -> list[tuple[str, str]]:
    facts = extract_report(Report(id="t", published="2025-07-10", text=LEAD + sentence))
    return [(f.change, f.place) for f in facts if isinstance(f, ControlChange)]


@pytest.mark.parametrize("sentence", [
    "The junta denied that Hpa Lin had fallen to the AA.",
    "The regime dismissed claims that the Hpa Lin camp was captured by the KIA.",
    "Rumours that Hpa Lin had fallen to the KNLA were false, the regime said.",
])
def test_a_denied_or_rumoured_capture_is_no_change(sentence):
    assert changes(sentence) == []


def test_the_same_capture_stated_plainly_is_one():
    assert changes("The KIA said that Hpa Lin had fallen to the AA on 3 May.") == [("captured", "Hpa Lin")]


def test_a_bulleted_tally_gives_each_line_its_place_and_date():
    text = ("Resistance gains in May\n\n- Hpa Lin (Sagaing): captured by the PDF on 3 May\n"
            "- Kyauk Gyi (Magway): captured by the PDF on 5 May\n• Nat Taung: taken by the CNF on 9 May\n")
    facts = extract_report(Report(id="t", published="2025-07-10", text=text))
    got = {(f.place, f.actor_to, f.date) for f in facts if isinstance(f, ControlChange) and f.change == "captured"}
    assert got == {("Hpa Lin", "People's Defence Force", "2025-05-03"), ("Kyauk Gyi", "People's Defence Force", "2025-05-05"),
                   ("Nat Taung", "Chin National Front", "2025-05-09")}


def test_each_bulleted_line_is_a_sentence_of_its_own():
    from ingestion.extract.sentences import split_sentences
    text = "Gains in May\n\n- Hpa Lin: taken on 3 May\n- Kyauk Gyi: taken on 5 May\n"
    assert [s.text for s in split_sentences(text)] == ["Gains in May", "- Hpa Lin: taken on 3 May", "- Kyauk Gyi: taken on 5 May"]
    assert all(text[s.start:s.end] == s.text for s in split_sentences(text))


@pytest.mark.parametrize("sequel", [
    "Next came Kyauk Gyi, on 5 May.",
    "On 5 May it was the turn of Kyauk Gyi.",
    "Kyauk Gyi followed on 5 May.",
])
def test_a_sentence_telling_the_next_place_of_the_story_continues_its_changes(sequel):
    facts = extract_report(Report(id="t", published="2025-07-10", text=LEAD + "The PDF took Hpa Lin on 3 May. " + sequel))
    got = {(f.place, f.actor_to, f.date) for f in facts if isinstance(f, ControlChange) and f.change == "captured"}
    assert got == {("Hpa Lin", "People's Defence Force", "2025-05-03"), ("Kyauk Gyi", "People's Defence Force", "2025-05-05")}


def test_a_sequel_goes_on_through_its_own_list():
    text = (LEAD + "The PDF took Hpa Lin on 3 May. Next came the Nat Taung cement factory and its surroundings, "
            "on 28 August, and the dam at Kyauk Gyi on 25 November.")
    facts = extract_report(Report(id="t", published="2025-12-10", text=text))
    got = {(f.place, f.date) for f in facts if isinstance(f, ControlChange) and f.change == "captured"}
    assert got == {("Hpa Lin", "2025-05-03"), ("Nat Taung cement factory", "2025-08-28"), ("dam at Kyauk Gyi", "2025-11-25")}


def test_followed_by_joins_two_objects_of_one_verb():
    facts = extract_report(Report(id="t", published="2025-07-10",
                                  text=LEAD + "The PDF took Hpa Lin on 3 May, followed by Kyauk Gyi on 5 May."))
    assert {(f.place, f.date) for f in facts if isinstance(f, ControlChange)} == {("Hpa Lin", "2025-05-03"), ("Kyauk Gyi", "2025-05-05")}


@pytest.mark.parametrize("sentence, place", [
    ("Security forces seized a KIA terrorist camp near Hpa Lin on 3 May, the information team said.",
     "KIA terrorist camp near Hpa Lin"),
    ("Tatmadaw columns captured the PDF terrorists' stronghold at Hpa Lin on 3 May.", "PDF terrorists' stronghold at Hpa Lin"),
    ("The junta retook an AA outpost in Hpa Lin on 3 May.", "AA outpost in Hpa Lin"),
])
def test_a_side_s_site_named_by_its_acronym_and_placed_by_a_name_is_a_site(sentence, place):
    facts = extract_report(Report(id="t", published="2025-07-10", text=LEAD + sentence))
    assert [(f.place, f.actor_to) for f in facts if isinstance(f, ControlChange)] == [(place, "Myanmar Armed Forces")]


@pytest.mark.parametrize("sentence, taken_from", [
    ("Regional stability was restored in Hpa Lin on 3 May, state media said.", None),
    ("Hpa Lin, which had been occupied by AA terrorists, was cleared on 3 May.", "Arakan Army"),
])
def test_the_junta_s_own_words_tell_its_own_captures(sentence, taken_from):
    facts = extract_report(Report(id="t", published="2025-07-10", text=LEAD + sentence))
    assert [(f.place, f.actor_to, f.actor_from) for f in facts if isinstance(f, ControlChange)] == [
        ("Hpa Lin", "Myanmar Armed Forces", taken_from)]


def test_a_report_that_says_junta_is_not_the_junta_s_voice():
    sentence = "Hpa Lin, which the junta calls a base of AA terrorists, was cleared on 3 May by the KIA."
    facts = extract_report(Report(id="t", published="2025-07-10", text=LEAD + sentence))
    assert all(f.actor_to != "Myanmar Armed Forces" for f in facts if isinstance(f, ControlChange))


def test_a_word_trie_matches_exactly_its_words_longest_first():
    import re

    from ingestion.extract.places import word_trie_re
    words = ["base", "bases", "border post", "b", "people's militia", "check-post"]
    rx = re.compile(rf"(?:{word_trie_re(words)})\Z")
    for w in [*words, "border  post", "people’s militia"]:
        assert rx.match(w), w
    for w in ["bas", "border", "basess", "peoples militia"]:
        assert not rx.match(w), w
    assert re.match(word_trie_re(["police", "police station"]), "police station").group() == "police station"


def test_a_guessed_stretch_longer_than_a_week_is_not_labelled_a_week():
    text = LEAD + "Hpa Lin, which the TNLA had overrun, is a small trading town."
    facts = [f for f in extract_report(Report(id="t", published="2025-07-10", text=text)) if isinstance(f, ControlChange)]
    assert [(f.date, f.date_end, f.date_precision) for f in facts] == [("2025-06-10", "2025-07-10", "month")]
    span = (dt.date.fromisoformat(facts[0].date_end) - dt.date.fromisoformat(facts[0].date)).days
    assert span > 7


def test_a_place_that_fell_to_a_named_side_in_a_relative_clause_stands():
    text = "Regime forces are trying to retake Hpa Lin, which fell to the KIA in March, residents said."
    facts = extract_report(Report(id="t", published="2025-07-10", text=text))
    assert [(f.change, f.place, f.actor_to) for f in facts if isinstance(f, ControlChange)] == [
        ("captured", "Hpa Lin", "Kachin Independence Army")]


def test_a_quoted_participle_after_its_auxiliary_is_still_a_passive():
    assert changes('The AA announced that Hpa Lin had been "liberated" on 3 May.') == [("captured", "Hpa Lin")]
