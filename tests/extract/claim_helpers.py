"""What the claim tests on invented sentences share: the sides' registry names and the claims
of a text, whole or as (metric, figure, claimant)."""
from __future__ import annotations

from ingestion.extract.extractor import extract_report
from ingestion.models import Claim, Report

MAF = "Myanmar Armed Forces"
PDF = "People's Defence Force"
KNLA = "Karen National Liberation Army"
KNDF = "Karenni Nationalities Defence Force"
KIA = "Kachin Independence Army"
AA = "Arakan Army"
WIRE = "Test Wire"


def claims(text: str, outlet: str | None = WIRE) -> list[Claim]:
    report = Report(id="t", published="2025-03-10", text=text, outlet=outlet, title=None)
    return [f for f in extract_report(report) if isinstance(f, Claim)]


def got(text: str, outlet: str | None = WIRE) -> set[tuple]:
    """(metric, figure, claimant) of each claim of ``text``: the figure is the value, else its bound."""
    return {(c.metric, c.value if c.value is not None else (c.value_low if c.value_low is not None else c.value_high),
             c.claimant) for c in claims(text, outlet)}
