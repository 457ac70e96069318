"""The training script's cross-validation folds (``scripts/train_extractor.py``)."""
from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _script():
    spec = importlib.util.spec_from_file_location("train_extractor", ROOT / "scripts" / "train_extractor.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _docs(names):
    return [(Path(n), {}) for n in names]


def test_grouped_folds_hold_out_one_letter_group_each():
    t = _script()
    names = ["d01.json", "d02.json"] + [f"dr-{g}{i:02d}.json" for g in "abcdghij" for i in (1, 2, 3)]
    names += ["syn-0001.json", "syn-0002.json"]
    docs = _docs(names)
    folds = t.folds_of(docs, grouped=True)
    assert len(folds) == 8
    for fold in folds:
        assert len({names[i][:4] for i in fold}) == 1  # a group is never split across folds
    held = sorted(i for fold in folds for i in fold)
    assert held == sorted(i for i, n in enumerate(names) if n.startswith("dr-"))  # dev and synthetic: always trained on


def test_plain_folds_take_every_fifth_report():
    t = _script()
    docs = _docs([f"r{i}.json" for i in range(12)])
    folds = t.folds_of(docs, grouped=False)
    assert folds[0] == [0, 5, 10] and sorted(i for f in folds for i in f) == list(range(12))
