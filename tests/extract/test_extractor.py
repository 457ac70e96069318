"""Behaviour of the extractor on hand-written reports (invented events, no news text)."""
from __future__ import annotations

import json
from pathlib import Path


from ingestion.extract import EXTRACTOR_VERSION, default_gazetteer, extract_report
from ingestion.gazetteer import Gazetteer, PlaceEntry
from ingestion.models import Claim, ControlChange, Report
from ingestion.reports import parse_report

FIXTURES = Path(__file__).parent / "fixtures"
MAF, KIA, AA = "Myanmar Armed Forces", "Kachin Independence Army", "Arakan Army"


def load(name: str) -> Report:
    return parse_report(json.loads((FIXTURES / f"{name}.json").read_text()), name)


def changes(facts, change=None):
    return [f for f in facts if isinstance(f, ControlChange) and (change is None or f.change == change)]


def claims(facts, metric=None):
    return [f for f in facts if isinstance(f, Claim) and (metric is None or f.metric == metric)]


def by_unit(facts, key):
    return [f for f in facts if isinstance(f, ControlChange) and f.unit and f.unit.key == key]


def test_every_fact_is_explained():
    rep = load("invented-01")
    facts = extract_report(rep)
    assert facts
    for f in facts:
        assert f.evidence and f.evidence in rep.text
        assert f.rule
        assert f.extractor_version == EXTRACTOR_VERSION


def test_capture_of_a_unit_base_with_actor_and_date():
    facts = extract_report(load("invented-01"))
    cap = [f for f in by_unit(facts, "IB-401") if f.change == "captured"]
    assert len(cap) == 1
    assert cap[0].actor_to == KIA and cap[0].actor_from == MAF
    assert cap[0].date == "2024-06-11" and cap[0].place_kind == "military_base"
    assert cap[0].unit.type == "infantry_battalion"


def test_withdrawal_with_explicit_date():
    facts = extract_report(load("invented-01"))
    w = [f for f in changes(facts, "withdrew") if "Nam Lin" in f.place]
    assert w and w[0].actor_from == MAF and w[0].date == "2024-06-10" and w[0].place_kind == "village"


def test_negation_and_intent_are_not_changes():
    facts = extract_report(load("invented-01"))
    assert not [f for f in by_unit(facts, "LIB-388") if f.change == "captured"]
    assert not [f for f in changes(facts, "captured") if "Sumprabum" in f.place and f.actor_to == MAF]
    held = [f for f in by_unit(facts, "LIB-388") if f.change == "held"]
    assert held and held[0].actor_to == MAF


def test_contested_since_a_date():
    facts = extract_report(load("invented-01"))
    c = [f for f in by_unit(facts, "TB-5099") if f.change == "contested"]
    assert c and c[0].date == "2024-06-01" and c[0].date_end == "2024-06-15"


def test_claims_with_hedges_and_own_losses():
    facts = extract_report(load("invented-01"))
    assert any(c.value == 12 and c.claimant == KIA for c in claims(facts, "captured_personnel"))
    assert any(c.value_low == 41 for c in claims(facts, "weapons_seized"))
    killed = claims(facts, "killed")
    assert any(c.value_low == 15 and c.subject == MAF and c.claimant == KIA for c in killed)
    assert any(c.value == 2 and c.subject == KIA for c in killed)
    disp = claims(facts, "displaced")
    assert disp and disp[0].value_high == 3000 and disp[0].approximate


def test_list_of_bases_recapture_and_attribution():
    facts = extract_report(load("invented-02"))
    for key in ("IB-77", "LIB-512"):
        cap = [f for f in by_unit(facts, key) if f.change == "captured"]
        assert cap, key
        assert cap[0].actor_to == MAF and cap[0].recapture
        assert cap[0].date == "2025-03-06"


def test_passive_capture_and_range_claim():
    facts = extract_report(load("invented-02"))
    town = [f for f in changes(facts, "captured") if f.place == "Thawinkan"]
    assert town and town[0].actor_to == AA and town[0].place_kind == "town"
    assert town[0].date == "2025-02-24" and town[0].date_end == "2025-03-02"
    wounded = claims(facts, "wounded")
    assert wounded and wounded[0].value_low == 20 and wounded[0].value_high == 30 and wounded[0].claimant == MAF
    held = [f for f in by_unit(facts, "MOC-9") if f.change == "held"]
    assert held and held[0].actor_to == MAF
    assert not [f for f in by_unit(facts, "MOC-9") if f.change == "captured"]


def test_unit_spellings():
    text = ("KIA fighters captured the Light Infantry Battalion 345 base, the IB-236 base, Tank Battalion (TB) 5014, "
            "the Armoured Battalion 7006 base and the 21st Military Operations Command on Monday.")
    facts = extract_report(Report(id="u", published="2024-01-10", text=text))
    keys = {f.unit.key for f in changes(facts, "captured") if f.unit}
    assert {"LIB-345", "IB-236", "TB-5014", "AB-7006", "MOC-21"} <= keys


def test_burmese_unit_number():
    text = "KIA fighters captured the ခလရ (၂၃၆) base on Monday."
    facts = extract_report(Report(id="b", published="2024-01-10", text=text))
    assert any(f.unit and f.unit.key == "IB-236" for f in facts)


def test_coalition_and_reference_back():
    text = ("KIA-led joint forces overran the LIB 601 base on Tuesday. Most of the troops fled. "
            "Two days later, the KIA and its allies stormed the Artillery Battalion 333 base.")
    facts = extract_report(Report(id="c", published="2024-01-13", text=text))
    a = [f for f in by_unit(facts, "LIB-601") if f.change == "captured"]
    b = [f for f in by_unit(facts, "ArtyB-333") if f.change == "captured"]
    assert a and a[0].actor_to == KIA and a[0].date == "2024-01-09"
    assert b and b[0].actor_to == KIA and b[0].date == "2024-01-11"


def test_gazetteer_fills_township_and_resolves_ambiguity():
    gaz = Gazetteer()
    gaz.places["P1"] = PlaceEntry("P1", "Nam Kham", "village_tract", township="Bhamo", state="Kachin")
    gaz.places["P2"] = PlaceEntry("P2", "Nam Kham", "village_tract", township="Lashio", state="Shan")
    gaz.add_alias("Nam Kham", "place", "P1")
    gaz.add_alias("Nam Kham", "place", "P2")
    near = "Fighting in Lashio Township. Junta troops withdrew from Nam Kham village on Monday."
    far = "Junta troops withdrew from Nam Kham village on Monday."
    f1 = changes(extract_report(Report(id="g1", published="2024-01-10", text=near), gaz), "withdrew")
    f2 = changes(extract_report(Report(id="g2", published="2024-01-10", text=far), gaz), "withdrew")
    assert f1 and f1[0].township == "Lashio" and f1[0].state == "Shan"
    assert f2 and f2[0].township is None  # ambiguous stays ambiguous
    assert f1[0].actor_from == MAF  # built-in actors merged into a gazetteer without actors


def test_default_gazetteer_has_registry_names():
    gaz = default_gazetteer()
    names = {a.name for a in gaz.actors.values()}
    assert {MAF, KIA, AA, "Ta'ang National Liberation Army", "People's Defence Force"} <= names


def test_named_back_is_the_places_named_before_nearest_first():
    """``DocumentState.named_back`` (lazy, nearest first) yields, in reverse, what reading the
    last LOOK_BACK sentences in order (and the current one, when ``here``) gives: every named
    place before the position, of the family asked for."""
    from ingestion.extract.document import LOOK_BACK, DocumentState
    from ingestion.extract.matcher import fold
    from ingestion.extract.mentions import scan
    from ingestion.extract.places import NOT_PLACE, kind_family
    from ingestion.extract.sentences import split_sentences

    def in_order(st: DocumentState, pos: int, fam, here: bool) -> list:
        out = []
        for sm in st.sms[-LOOK_BACK:] + ([st.current] if here and st.current is not None else []):
            if sm.sentence.start >= pos:
                break
            out += [p for p in sm.places if p.ref in (None, "generic") and p.start < pos
                    and not (p.bare and p.name.split()[0] in NOT_PLACE) and (fam is None or kind_family(p.kind) == fam)]
        return out

    from ingestion.extract.extractor import _prepare

    prep = _prepare(None)
    text = "\n\n".join(load(n).text for n in ("invented-01", "invented-02")) * 3
    sms = scan(text, split_sentences(text), prep.matcher.find(text, fold(text)), None)
    st = DocumentState(prep.military)
    checked = 0
    for sm in sms:
        st.current = sm
        for pos in (sm.sentence.start, (sm.sentence.start + sm.sentence.end) // 2, sm.sentence.end):
            for fam in (None, "town", "base", "village"):
                for here in (False, True):
                    assert list(st.named_back(pos, fam, here)) == in_order(st, pos, fam, here)[::-1]
                    checked += 1
        st.sms.append(sm)
    assert checked > 100


def test_named_most_of_a_prefix_is_the_count_of_that_prefix():
    """``DocumentState.named_most(n)`` (what ``settle`` reads, after the whole report) is
    ``_named_most`` of the first ``n`` states, whatever was asked before."""
    from ingestion.extract.document import DocumentState, _named_most

    st = DocumentState("MAF")
    st.states.extend(["Shan", "Kachin", "Shan", "Rakhine", "Kachin", "Kachin", "Chin"])
    for n in (7, 0, 3, 5, 1, 7, 6, 2, 4, 4):
        assert st.named_most(n) == _named_most(st.states[:n])
    assert st.named_most() == _named_most(st.states)


def test_settled_date_and_place_are_those_of_the_report_as_read_so_far():
    """A candidate's date and location are worked out only once the ranker kept it
    (``document.settle``): from the dates, townships and states told before it, not after."""
    text = ("Fighting continued in Kachin State.\n\nThe KIA captured Mansi on May 3, a spokesman said. "
            "Two days later the KIA took the town of Hpakant.\n\nIn Shan State the TNLA seized Namhsan. "
            "The TNLA also captured Kyaukme on June 9.")
    facts = {f.place: f for f in extract_report(Report(id="t", published="2024-06-20", text=text))
             if isinstance(f, ControlChange)}
    assert facts["Mansi"].date == "2024-05-03" and facts["Hpakant"].date == "2024-05-05"
    assert facts["Mansi"].state == "Kachin"
    assert facts["Kyaukme"].date == "2024-06-09"


def test_clause_is_the_nearest_breaks_around_a_position():
    """``events._clause`` (a bisection) = the last break at or before the position and the first after it."""
    from ingestion.extract.events import _clause

    for breaks in ([0, 40], [0, 0, 12, 12, 30, 40], [5, 9, 17, 23, 60]):
        for pos in range(breaks[0], breaks[-1]):
            assert _clause(breaks, pos) == (max(b for b in breaks if b <= pos), min(b for b in breaks if b > pos))


def test_specific_head_is_the_first_head_noun_the_name_ends_with():
    """``document._specific_head`` (a test of every ending first) = the first of ``_SPECIFIC`` the
    lower-cased name ends with, alone or plural."""
    from ingestion.extract.document import _SPECIFIC, _specific_head

    for name in ("the police station", "Bhamo Airport", "the port", "two bridges", "the town", "Hpakant",
                 "the junta's offices", "a checkpoints", "the Gate", "roads", "", "Myitkyina-Bhamo highway"):
        low = name.lower()
        assert _specific_head(name) == next((h for h in _SPECIFIC if low.endswith(h) or low.endswith(h + "s")), None)
