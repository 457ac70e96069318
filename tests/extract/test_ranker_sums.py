"""The ranker's scores are the sums of the weights added one after the other, to the last bit."""
from __future__ import annotations

import pytest

import random
from functools import reduce
from operator import add

from ingestion.extract.ranker import _scores, load_model


def test_scores_add_feature_by_feature():
    model = load_model()
    assert model is not None
    names = sorted(model["weights"]) + ["unknown=x", "also=nothing"]
    rng = random.Random(7)
    for _ in range(3000):
        feats = [rng.choice(names) for _ in range(rng.randint(0, 60))]
        rows = [model["weights"][f] for f in feats if f in model["weights"]]
        want = [reduce(add, (r[i] for r in rows), b) for i, b in enumerate(model["intercept"])]
        assert _scores(feats, model) == want  # == on floats: bit for bit (no NaN here)
    big = {"classes": ["a", "b"], "intercept": [1e16, 0.1], "weights": {"x": [1.0, 0.2], "y": [-1e16, 0.3]}}
    assert _scores(["x", "x", "y"], big) == [reduce(add, (1.0, 1.0, -1e16), 1e16), reduce(add, (0.2, 0.2, 0.3), 0.1)]


def test_continued_sums_are_the_same_sums():
    """``_scores_from`` on the scores of a prefix of the features = ``_scores`` of them all."""
    from ingestion.extract.ranker import _scores_from

    model = load_model()
    names = sorted(model["weights"]) + ["unknown=x"]
    rng = random.Random(8)
    for _ in range(2000):
        feats = [rng.choice(names) for _ in range(rng.randint(0, 60))]
        cut = rng.randint(0, len(feats))
        assert _scores_from(_scores(feats[:cut], model), feats[cut:], model) == _scores(feats, model)


def test_judged_with_cached_head_scores_as_predicted():
    """``rank``'s ``_judge`` (cached scores of the first features) = ``predict(features(...))``."""
    from ingestion.extract.extractor import control_candidates
    from ingestion.extract.ranker import _judge, doc_context, features, predict
    from synthetic.reports import generate

    model = load_model()
    n = 0
    for report, _ in generate(60, words=300, seed=3, event_share=0.8):
        cands, text, sms = control_candidates(report)
        doc = doc_context(cands)
        for r in cands:
            sm = sms[r.event.sentence]
            assert _judge(r, text, sm, doc, model) == predict(features(r, text, sm, doc, model), model, r.event.trigger.family)
            n += 1
    assert n > 100


def test_a_statement_of_holding_or_of_leaving_is_never_judged_a_capture():
    from ingestion.extract.ranker import ALLOWED, _allowed

    assert "captured" not in ALLOWED["hold"] and ALLOWED["withdraw"] == ("withdrew",)
    classes = ("captured", "contested", "held", "none", "withdrew")
    assert [classes[i] for i in _allowed(classes, "hold")] == ["contested", "held", "none"]


@pytest.mark.parametrize("text", [
    "The TNLA captured Hseng Lai, a spokesman said on Monday.",
    "Yesterday the KIA seized the Nam Lim Pa camp, residents said.",
])
def test_the_plainest_capture_is_never_overruled_by_the_model(text):
    from ingestion.extract import extract_report
    from ingestion.models import Report

    facts = [f for f in extract_report(Report(id="t", published="2024-05-08", text=text))
             if getattr(f, "change", None) == "captured"]
    assert len(facts) == 1 and facts[0].rule
