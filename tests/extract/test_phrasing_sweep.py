"""Control changes as reports commonly phrase them, and statements that are no change
(invented sentences and places; each one after two neutral sentences, so the report is not a
one-line headline)."""
from __future__ import annotations

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
