"""The ranker's scores are the sums of the weights added one after the other, to the last bit."""
from __future__ import annotations

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
