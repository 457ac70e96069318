"""Who took a place when the report says "the groups", "resistance forces" or "the loss of X";
unnamed sites placed only by an area (invented sentences, invented places)."""
from __future__ import annotations

from ingestion.extract import extract_report
from ingestion.extract.extractor import control_candidates
from ingestion.models import Claim, ControlChange, Report

TBA, KNDF, KIA, MAF = ("Three Brotherhood Alliance", "Karenni Nationalities Defence Force",
                       "Kachin Independence Army", "Myanmar Armed Forces")


def run(text: str):
    return extract_report(Report(id="t", published="2024-05-08", text=text))


def captured(facts) -> dict[str, str | None]:
    return {f.place: f.actor_to for f in facts if isinstance(f, ControlChange) and f.change == "captured"}


def test_the_groups_of_two_coalition_members_are_the_coalition():
    facts = run("The TNLA, together with the MNDAA, took Mong Hpa on Tuesday after two days of fighting.\n\n"
                "The groups also say they have seized Loi Tawng and Wan Hsai towns.")
    got = captured(facts)
    assert [a for p, a in got.items() if p.startswith("Loi Tawng")] == [TBA]
    assert [a for p, a in got.items() if p.startswith("Wan Hsai")] == [TBA]


def test_one_member_alone_does_not_make_a_coalition():
    facts = run("The TNLA took Mong Hpa on Tuesday after two days of fighting.\n\n"
                "The group also says it has seized Loi Tawng town.")
    assert TBA not in captured(facts).values()


def test_resistance_forces_in_karenni_state_are_the_kndf():
    facts = run("Resistance forces captured the Hti Pu camp in Karenni State on Sunday, residents said.")
    assert [a for p, a in captured(facts).items() if "Hti Pu" in p] == [KNDF]


def test_resistance_forces_elsewhere_stay_the_pdf():
    facts = run("Resistance forces captured the Hti Pu camp in Magway Region on Sunday, residents said.")
    assert [a for p, a in captured(facts).items() if "Hti Pu" in p] == ["People's Defence Force"]


def test_a_named_main_group_wins_over_the_region():
    facts = run("The KIA said on Monday that resistance forces had captured the Hti Pu camp in Karenni State.\n\n"
                "The KIA has fought in the area since March.")
    assert [a for p, a in captured(facts).items() if "Hti Pu" in p] == [KIA]


def test_sites_placed_only_by_a_township_are_no_place():
    text = ("The KIA overran two army outposts in Kachin State's Nam Sai Township on Friday, "
            "as well as the headquarters of Light Infantry Battalion 777.")
    cands, _, _ = control_candidates(Report(id="t", published="2024-05-08", text=text))
    names = {c.place.name for c in cands}
    assert not any("outposts" in n for n in names), names
    assert "Nam Sai Township" not in names
    text = "The KIA seized outposts in the Nam Sai and Hka Lum townships last week."
    cands, _, _ = control_candidates(Report(id="t", published="2024-05-08", text=text))
    assert not {c.place.kind for c in cands if c.place.name.startswith(("Nam Sai", "Hka Lum"))} & {"outpost"}


def test_sites_placed_by_a_village_stay_a_place():
    facts = run("The KIA seized two hilltop outposts near Nam Sai on Friday.")
    assert any("outposts near Nam Sai" in p for p in captured(facts))


def test_the_side_named_first_keeps_a_joint_clash_figure():
    facts = run("The military said on Monday that the Tatmadaw and the groups exchanged fire on 12 occasions.")
    claims = [f for f in facts if isinstance(f, Claim) and f.metric == "clashes"]
    assert claims and all(c.claimant == MAF for c in claims)


def changes(text: str) -> list[tuple[str, str, str | None, str | None]]:
    return [(f.change, f.place, f.actor_to, f.actor_from) for f in run(text) if isinstance(f, ControlChange)]


def test_who_accepts_a_surrender_takes_the_base():
    got = changes("The MNDAA accepted the surrender of Light Infantry Battalion 555 on Monday.")
    assert ("captured", "Light Infantry Battalion 555 base", "Myanmar National Democratic Alliance Army", MAF) in got


def test_a_blow_to_the_junta_is_not_the_junta_taking_it():
    got = changes("The KIA took Hpa Mon on Sunday. The fall of Hpa Mon was a heavy blow to the junta, he said.")
    assert got and all(to == KIA for change, _, to, _ in got if change == "captured")


def test_who_concedes_a_loss_lost_the_place():
    got = changes("The KNLA attacked Hpa Mon on Monday. The junta conceded the loss of the police station in Hpa Mon.")
    assert ("captured", "police station in Hpa Mon", "Karen National Liberation Army", MAF) in got


def test_intent_with_words_between_is_no_capture():
    assert not [c for c in changes("The junta has been trying since May 2 to take Nam Lwe village.") if c[0] == "captured"]
    assert not [c for c in changes("The TNLA intends to attack and capture Loi Sam, it warned residents.")
                if c[0] == "captured"]


def test_no_town_has_yet_fallen_is_no_capture():
    assert not [c for c in changes("No state capital has yet fallen to the AA, the analyst said.") if c[0] == "captured"]


def test_taking_heavy_losses_in_a_fight_for_a_town_is_no_capture():
    got = changes("The military has taken heavy losses in the fight for Hpa Mon, the PDF said.")
    assert not [c for c in got if c[0] == "captured"]


def test_civilians_leaving_a_town_is_no_withdrawal():
    for text in ("More civilians in Hpa Mon had to flee this week, the group said.",
                 "Many junta administrators are said to be leaving Hpa Mon."):
        assert not [c for c in changes(text) if c[0] == "withdrew"], text


def test_a_hold_that_ended_is_no_hold():
    got = changes("The AA had held Nam Lwe and Pa Kaw until 15 May, when junta assaults drove its fighters out.")
    assert not [c for c in got if c[0] == "held"]


def test_now_in_full_control_of_is_the_capture_just_made():
    got = changes("The KNLA said on Monday that it is now in full control of the Infantry Battalion 919 headquarters.")
    assert [c[0] for c in got if "919" in c[1]] == ["captured"]
    got = changes("The KNLA is in full control of Hpa Lu, a resident said.")
    assert [c[0] for c in got if c[1] == "Hpa Lu"] == ["held"]


def test_left_dead_and_left_in_are_no_withdrawal():
    for text in ("A KNLA ambush near Hpa Lu on Saturday left at least 10 junta soldiers dead.",
                 "It was the last army camp left in Hpa Lu town, residents said.",
                 "Junta troops left for Hpa Lu on Monday."):
        assert not [c for c in changes(text) if c[0] == "withdrew"], text
    assert [c for c in changes("Junta troops left their outposts at Hpa Lu behind.") if c[0] == "withdrew"]


def test_rebels_of_no_named_group_are_the_resistance():
    cands, _, _ = control_candidates(Report(id="t", published="2024-05-08",
                                            text="Residents said the rebels had left Hpa Lu on Friday."))
    assert [c.agent for c in cands if c.event.trigger.family == "withdraw"] == ["PDF"]


def test_no_fighting_in_a_town_is_no_contest():
    got = changes("While there is no fighting in Hpa Lu town itself, clashes go on in villages to the south, the KNLA said.")
    assert not [c for c in got if c[1].startswith("Hpa Lu")]


def test_resistance_forces_in_a_bamar_region_are_the_pdf_whatever_the_report_is_about():
    facts = run("The KIA said on Monday that it had taken the Hti Pu camp in Kachin State.\n\n"
                "In Sagaing Region, meanwhile, resistance forces have taken two more towns: Kyun Hla and Pa Taw.")
    got = captured(facts)
    assert [a for p, a in got.items() if p.startswith("Kyun Hla")] == ["People's Defence Force"]
    assert [a for p, a in got.items() if "Hti Pu" in p] == [KIA]
