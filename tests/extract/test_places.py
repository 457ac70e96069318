"""The place recogniser: units in every spelling, named sites with their kind, located sites,
back-references, and what is never a place (invented names)."""
from __future__ import annotations

import pytest

from ingestion.extract.places import find_places


def places(s: str):
    return find_places(s, 0, len(s))


@pytest.mark.parametrize(("text", "key"), [
    ("the IB 236 base", "IB-236"), ("Infantry Battalion (IB) 236", "IB-236"), ("LIB-321", "LIB-321"),
    ("the 366th Artillery Battalion", "ArtyB-366"), ("MOC-21", "MOC-21"), ("Military Operations Command No. 21", "MOC-21"),
    ("the 21st Military Operations Command (MOC-21)", "MOC-21"), ("ခလရ (၂၃၆)", "IB-236"),
    ("the junta's infantry battalion 601", "IB-601"), ("the No. 32 Police Battalion", "UNIT-32"),
])
def test_unit_spellings(text, key):
    units = [p.unit.key for p in places(text) if p.unit]
    assert units == [key], places(text)


def test_a_list_of_battalions_is_one_place_each():
    ps = [p for p in places("the bases of Light Infantry Battalions 542 and 543") if p.unit]
    assert [p.unit.key for p in ps] == ["LIB-542", "LIB-543"]
    assert [p.name for p in ps] == ["Light Infantry Battalion 542 base", "Light Infantry Battalion 543 base"]


@pytest.mark.parametrize(("text", "name", "kind"), [
    ("the Nga Hpaw camp", "Nga Hpaw camp", "outpost"),
    ("the Mong Ko police station", "Mong Ko police station", "other"),
    ("the Kyin San border gate", "Kyin San border gate", "other"),
    ("Loi Mwe Airport", "Loi Mwe Airport", "airport"),
    ("Hka Lan Ward", "Hka Lan Ward", "urban_ward"),
    ("the town of Hsen Wai", "Hsen Wai", "town"),
    ("the Tibual military camp", "Tibual military camp", "outpost"),
    ("the Lon Pa-Ho Lai road", "Lon Pa-Ho Lai road", "road"),
])
def test_named_sites_take_the_kind_of_their_head(text, name, kind):
    found = [(p.name, p.kind) for p in places(text) if p.ref is None and not p.inner]
    assert (name, kind) in found, found


def test_a_located_site_names_the_site_and_keeps_the_place_inside():
    ps = places("they stormed a hilltop outpost above Nam Lwe village")
    site = [p for p in ps if not p.inner]
    inner = [p for p in ps if p.inner]
    assert site[0].name.startswith("hilltop outpost above Nam Lwe") and site[0].kind == "outpost"
    assert inner and inner[0].name == "Nam Lwe" and inner[0].kind == "village"


def test_the_headquarters_of_a_unit_is_the_unit():
    ps = places("the headquarters of the 15th Military Operations Command")
    assert len(ps) == 1 and ps[0].unit and ps[0].unit.key == "MOC-15"


@pytest.mark.parametrize("text", ["the town", "the base", "the two camps", "the junta's outpost"])
def test_back_references_are_no_names(text):
    (p,) = places(text)
    assert p.ref is not None


@pytest.mark.parametrize("text", [
    "Colonel Naw Tu said", "Sai Khar said the fighting stopped", "in Myanmar's north", "Eleven towns fell",
    "the Indawgyi region", "Karen State",
])
def test_no_place_in(text):
    assert not [p for p in places(text) if p.ref is None and p.unit is None and not p.inner], places(text)


def test_every_head_noun_passes_the_cheap_head_check():
    from ingestion.extract.places import HEAD_KIND, REF_RE, has_head_word

    for head in list(HEAD_KIND) + ["cities", "towns", "villages", "headquarters", "battalions", "offices"]:
        assert has_head_word(f"near the {head} of".lower()), head
    for m in REF_RE.finditer("the cities, the police stations, its checkpoints, the border gates, the factory"):
        assert has_head_word(m.group().lower()), m.group()


def _site_texts():
    """Random sentences of names, head nouns, modifiers, list words and punctuation, then the
    dev-real sentences (if present)."""
    import random
    from pathlib import Path

    from ingestion.extract.places import HEAD_KIND, SITE_MODS

    words = ["Nga", "Hpaw", "Lashio-Muse", "Kyin", "San", "12th", "mile", "Mile", "7", "and", "And", "the", "a", "an",
             "two", "near", "at", "of", "above", "outside", "captured", "its", "people's", "people’s", "Military",
             "Council's", "x-Nam", "(Mansi", "“Hka", "ward.", "said", "junta-held", "K", "ſ",
             *(m.split("'")[0] for m in SITE_MODS),
             *HEAD_KIND, *(h.upper() for h in HEAD_KIND), *(h.title() + "s" for h in HEAD_KIND)]
    rng = random.Random(7)
    for _ in range(3000):
        out = []
        for _ in range(rng.randint(1, 18)):
            out.append(rng.choice(words))
            out.append(rng.choice([" ", " ", " ", ", ", " , ", ",", "  ", "\n", "\u00a0", ". ", "-"]))
        yield "".join(out)
    real = Path(__file__).resolve().parents[3] / "shared" / "eval" / "dev-real"
    if real.is_dir():
        from ingestion.extract.sentences import split_sentences
        from ingestion.models import Report
        from ingestion.reports import iter_reports

        for r in iter_reports([real]):
            if isinstance(r, Report):
                yield from (s.text for s in split_sentences(r.text))


def test_site_gates_find_what_the_plain_scans_find():
    """``SiteGates`` only spares tries: the gated scans find the plain scans' matches."""
    from ingestion.extract.places import (
        _LOCATED_SITE_STARTS_RE, LOCATED_HEAD_WITHIN, LOCATED_SITE_RE, NAMED_SITE_RE, site_gates,
    )
    from ingestion.extract.scan import finditer_at, finditer_positions

    for s in _site_texts():
        gates = site_gates(s, s.lower())
        if gates is None:
            continue
        want = [(m.span(), m.groupdict()) for m in NAMED_SITE_RE.finditer(s)]
        got = [(m.span(), m.groupdict()) for m in finditer_positions(NAMED_SITE_RE, gates.named_site_starts(), s)]
        assert got == want, s
        want = [(m.span(), m.groupdict()) for m in LOCATED_SITE_RE.finditer(s)]
        got = [(m.span(), m.groupdict()) for m in finditer_at(LOCATED_SITE_RE, _LOCATED_SITE_STARTS_RE, s, 0, len(s),
                                                                lambda p: gates.head_within(p, LOCATED_HEAD_WITHIN))]
        assert got == want, s


def test_a_count_before_a_unit_with_its_own_number_is_no_unit():
    from ingestion.extract.places import find_places

    text = "The AA said it captured 25 LIB 599 soldiers on Monday."
    assert [p.unit for p in find_places(text, 0, len(text)) if p.unit is not None and p.unit.number == "25"] == []


@pytest.mark.parametrize(("text", "name", "kind"), [
    ("The MNDAA seized Chin Shwe Haw on Friday.", "Chin Shwe Haw", "town"),
    ("The KNLA overran the 14-mile camp on Friday.", "14-mile camp", "outpost"),
    ("The PDF captured Point 512 Hill near Kalay on Friday.", "Point 512 Hill", "outpost"),
])
def test_names_with_an_ethnic_word_a_mile_post_or_a_number(text, name, kind):
    from ingestion.extract.places import find_places

    assert (name, kind) in [(p.name, p.kind) for p in find_places(text, 0, len(text))]


def test_a_held_by_prefix_is_not_part_of_a_bare_place_name():
    from ingestion.extract.extractor import control_candidates
    from ingestion.models import Report

    cands, _, _ = control_candidates(Report(id="t", published="2024-05-08",
                                            text="Junta troops fled KNDF-controlled Hpa Saung on Friday."))
    assert {c.place.name for c in cands} == {"Hpa Saung"}
