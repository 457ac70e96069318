"""Place phrases that stop where the place ends, and places named after a known town that
take its township/state (invented sentences and invented place names)."""
from __future__ import annotations

import pandas as pd

from ingestion.extract import EXTRACTOR_VERSION, extract_report
from ingestion.extract.places import find_places
from ingestion.models import ControlChange, Report
from ingestion.reference.gazetteer_builder import build_gazetteer

MAF = "Myanmar Armed Forces"


def changes(facts, change=None):
    return [f for f in facts if isinstance(f, ControlChange) and (change is None or f.change == change)]


def test_version():
    assert EXTRACTOR_VERSION == "0.2.2"


def test_generic_place_stops_at_time_conjunction_and_verb():
    cases = {
        "Resistance fighters reached the fence of the camp on Friday morning but were pushed back.": "camp",
        "Rebels crept up to the checkpoint at dawn and were repelled by mortar fire.": "checkpoint",
        "The rebels surrounded the outpost in April after a long siege.": "outpost",
        "Troops shelled the bridge on Sunday, residents said.": "bridge",
    }
    for text, want in cases.items():
        names = [p.name for p in find_places(text, [])]
        assert want in names, (text, names)
        assert not any(w in n for n in names for w in ("Friday", "dawn", "April", "Sunday", "but", "were", "after")), names
    # a real place after the preposition is still part of the phrase
    names = [p.name for p in find_places("Fighters overran a camp near Zinbaw Hka on Monday but lost two men.", [])]
    assert "camp near Zinbaw Hka" in names, names


def test_failed_assault_on_the_base_refers_back_and_states_no_capture():
    text = ("Resistance fighters failed to capture the Light Infantry Battalion 912 base near Pan Sauk after a "
            "three-day attack, a spokesperson of the Kachin Independence Army said.\n\n"
            "Fighters cut through the wire around the base on Monday evening but were beaten back by "
            "helicopter gunships, he said.\n\n"
            "The base, which overlooks the river crossing, remains under the control of the military, he added.")
    facts = changes(extract_report(Report(id="t-failed", published="2024-05-08", text=text)))
    for f in facts:
        assert "Monday" not in f.place and " but " not in f.place and "were" not in f.place, f.place
    assert not changes(facts, "captured")
    held = changes(facts, "held")
    assert held, facts
    assert all(f.unit is not None and f.unit.key == "LIB-912" for f in held), held
    assert all(f.actor_to == MAF for f in held)


def _gazetteer():
    places = pd.DataFrame([
        {"place_key": "MMR001", "level": "state", "name": "Kachin", "state_pcode": "MMR001", "state_name": "Kachin"},
        {"place_key": "MMR001099", "level": "township", "name": "Mawlu Yang", "state_pcode": "MMR001",
         "state_name": "Kachin", "township_pcode": "MMR001099", "township_name": "Mawlu Yang", "parent_key": "MMR001"},
        {"place_key": "MMR001099701", "level": "town", "name": "Mawlu Yang", "state_pcode": "MMR001",
         "state_name": "Kachin", "township_pcode": "MMR001099", "township_name": "Mawlu Yang",
         "parent_key": "MMR001099"},
    ])
    units = pd.DataFrame([{"unit_key": "IB-999", "unit_type": "infantry_battalion", "unit_number": "999",
                           "name_en": "Infantry Battalion 999", "abbr_mm": "ခလရ"}])
    actors = pd.DataFrame([{"actor_key": "KIA", "canonical_name": "Kachin Independence Army", "acronyms": ["KIA"],
                            "aliases": [], "burmese_names": [], "side": "resistance", "short_code": "KIA"}])
    return build_gazetteer(places, units, actors)


def test_airport_named_after_a_known_town_takes_its_township_and_state():
    gaz = _gazetteer()
    texts = [
        "Mawlu Yang Airport remains under the control of regime troops, residents said.",
        "Fighting in Kachin State went on. The KIA captured Mawlu Yang airport on Monday, the group said.",
        "The KIA said on Monday that it had seized Mawlu Yang Airport. Shelling continued in Shan State.",
    ]
    got = set()
    for i, text in enumerate(texts):
        facts = [f for f in changes(extract_report(Report(id=f"ap{i}", published="2024-05-08", text=text), gaz))
                 if "airport" in f.place.lower()]
        assert facts, text
        got |= {(f.township, f.state) for f in facts}
    assert got == {("Mawlu Yang", "Kachin")}


def test_airport_state_from_the_report_without_a_place_gazetteer():
    text = ("Fighting spread across Kachin State this week, residents said. More villagers fled to camps in "
            "Kachin State on Sunday.\n\nA few families also left for Shan State.\n\n"
            "Regime troops still hold Mawlu Yang Airport, a resident said.")
    facts = [f for f in changes(extract_report(Report(id="ap-nogaz", published="2024-05-08", text=text)))
             if "Airport" in f.place]
    assert facts and all(f.state == "Kachin" for f in facts), facts
