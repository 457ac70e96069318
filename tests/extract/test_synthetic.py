"""The synthetic generator is deterministic and the extractor finds what it wrote."""
from __future__ import annotations

from pathlib import Path

from ingestion.extract import extract_report
from synthetic.reports import generate

SCORE = Path(__file__).parents[2].parent / "shared" / "eval" / "score.py"


def test_generate_is_deterministic_and_sized():
    a = [(r.text, g) for r, g in generate(5, words=300, seed=3)]
    b = [(r.text, g) for r, g in generate(5, words=300, seed=3)]
    assert a == b
    assert all(len(t.split()) >= 300 for t, _ in a)
    assert all(g for _, g in a)


def _matches(pred: dict, gold: dict) -> bool:
    if pred["kind"] != gold["kind"]:
        return False
    if gold["kind"] == "claim":
        return pred["metric"] == gold["metric"] and (
            pred.get("value") == gold.get("value") and pred.get("value_low") == gold.get("value_low"))
    if pred["change"] != gold["change"]:
        return False
    if gold["unit"]:
        return bool(pred["unit"]) and pred["unit"]["number"] == gold["unit"]["number"]
    return any(n in (pred["place"] or "") for n in gold["place_names"])


def test_recall_on_synthetic_reports(tmp_path):
    found = total = 0
    for report, gold in generate(60, words=500, seed=11):
        preds = [f.to_dict() for f in extract_report(report)]
        for g in gold:
            total += 1
            found += any(_matches(p, g) for p in preds)
    assert total > 100
    assert found / total >= 0.9
