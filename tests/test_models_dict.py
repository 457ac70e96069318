"""A fact's ``to_dict`` is ``dataclasses.asdict`` plus its id, without asdict's deep copy;
census figures are found whatever the case of the words their patterns need."""
from __future__ import annotations

import dataclasses

import pytest

from ingestion import census_figures
from ingestion.models import Claim, ControlChange, Report, Unit, fact_id

FACTS = [
    ControlChange(report_id="r1", change="captured", place="IB 236 base", place_kind="military_base",
                  evidence="The KIA seized the IB 236 base.", unit=Unit("infantry_battalion", "236"),
                  actor_to="Kachin Independence Army", date="2025-03-03", date_precision="day", recapture=True),
    ControlChange(report_id="r1", change="withdrew", place="Lashio", place_kind="town", evidence="They left."),
    Claim(report_id="r2", claimant="TNLA", metric="killed", evidence="TNLA said 12 were killed.", value=12.0,
          approximate=True, place="Kyaukme"),
    Claim(report_id="r2", claimant="junta", metric="other", evidence="x", value_low=1, value_high=3),
]


@pytest.mark.parametrize("fact", FACTS, ids=lambda f: f"{f.kind}-{f.evidence[:8]}")
def test_to_dict_is_asdict_plus_the_id_in_the_same_order(fact):
    expected = dataclasses.asdict(fact)
    expected["fact_id"] = fact_id(expected)
    got = fact.to_dict()
    assert got == expected and list(got) == list(expected)
    if getattr(fact, "unit", None) is not None:
        assert got["unit"] == {"type": "infantry_battalion", "number": "236"}


def test_an_unexpected_value_takes_asdict_whole():
    fact = ControlChange(report_id="r", change="held", place="x", place_kind="town", evidence="e")
    fact.township = ["a", "list"]  # not a scalar: copied deep, as asdict does
    got = fact.to_dict()
    assert got["township"] == ["a", "list"] and got["township"] is not fact.township


def test_census_figures_ignore_case_of_the_needed_words():
    report = Report(id="c", published="2025-03-03", text=(
        "The TOWN OF 12,000 PEOPLE fell. It had a Population Of about 9,500. It has 14 Urban WARDS. "
        "Nothing here: 25 soldiers."))
    found = [(f.metric, f.stated_value, f.sentence_number) for f in census_figures.census_figures(report)]
    assert found == [("population", 12000, 1), ("population", 9500, 2), ("urban_wards", 14, 3)]
