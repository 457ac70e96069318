"""Train the extractor's ranker (``ingestion/extract/control_model.json``).

    .venv/bin/python scripts/train_extractor.py [--eval ../shared/eval] [--c 0.5] [--cv] [--groups]

Learns from the candidates of the tune part of ``dev-real`` (dr-a…d, dr-g…j) and of
``dev``: a candidate's label is the change of the gold fact whose place it names (the
scorer's own place matching), else ``none``. The check part (dr-e, f, k, l) is never read
here. ``--cv`` picks the regularisation and the threshold by 5-fold cross-validation over
the training reports (end-to-end F1 with the scorer over the held-out reports of every
fold, pooled). ``--groups`` makes the folds the letter groups of the tune part instead
(dr-a, dr-b, …: one batch of reports each, of a theatre or kind of outlet; dev and the
synthetic reports are always trained on): what the score rewards is then what carries over
to reporting the model has not seen, not what recurs within one batch. Needs scikit-learn
(a dev dependency); the extractor itself only reads the JSON.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ingestion.extract import extract_report, ranker  # noqa: E402
from ingestion.extract.extractor import control_candidates  # noqa: E402
from ingestion.models import Report  # noqa: E402

TUNE = ("dr-a", "dr-b", "dr-c", "dr-d", "dr-g", "dr-h", "dr-i", "dr-j")


def load_scorer(eval_dir: Path):
    spec = importlib.util.spec_from_file_location("score", eval_dir / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def training_docs(eval_dir: Path, synthetic: int = 30) -> list[tuple[Path, dict]]:
    """dev, the tune part of dev-real and ``synthetic`` reports of the project's own generator
    (plain phrasing the real set has too few of; seed 7, not the tests' seed)."""
    from synthetic.reports import generate

    paths = sorted((eval_dir / "dev").glob("*.json"))
    paths += [p for p in sorted((eval_dir / "dev-real").glob("*.json")) if p.name.startswith(TUNE)]
    docs = [(p, json.loads(p.read_text())) for p in paths]
    for report, gold in generate(synthetic, words=300, seed=7):
        docs.append((Path(f"{report.id}.json"), {"report": report.to_dict(), "gold": gold}))
    return docs


def report_of(doc: dict) -> Report:
    r = doc["report"]
    return Report(id=r["id"], published=r["published"], text=r["text"], outlet=r.get("outlet"), title=r.get("title"))


def label(cand, golds: list[dict], score) -> str:
    pred = {"place": cand.place.name, "place_kind": cand.place.kind,
            "unit": {"type": cand.place.unit.type, "number": cand.place.unit.number} if cand.place.unit else None}
    matching = [g for g in golds if g["kind"] == "control_change" and score.place_matches(pred, g)]
    first, last = cand.date[0], cand.date[1] or cand.date[0]
    if first is not None:  # a sentence telling another moment of the place tells another fact
        dated = {"date": first.isoformat(), "date_end": last.isoformat()}
        matching = [g for g in matching if score.date_ok(dated, g) is not False]
    if not matching:
        return "none"
    same = [g for g in matching if score.change_of(g) == cand.change]
    return score.change_of((same or matching)[0])


def examples(docs, score) -> list[list[tuple[dict, str]]]:
    """Per report: (features, label) of every candidate. Of the candidates of one trigger
    that name the same gold fact ("the LIB 321 base at Shwenyangbin"), the first is the
    fact and the others are ``none``: the model learns to name a place once."""
    out = []
    for _, doc in docs:
        cands, text, sms = control_candidates(report_of(doc))
        context = ranker.doc_context(cands)
        rows = []
        claimed: set[tuple[int, int]] = set()
        for c in sorted(cands, key=lambda c: (c.event.sentence, c.place.start)):
            lab = label(c, doc["gold"], score)
            if lab != "none":
                gi = gold_index(c, doc["gold"], score)
                key = (id(c.event.trigger), gi)
                if key in claimed:
                    lab = "none"
                claimed.add(key)
            rows.append(({f: 1 for f in ranker.features(c, text, sms[c.event.sentence], context)}, lab))
        out.append(rows)
    return out


def gold_index(cand, golds: list[dict], score) -> int:
    pred = {"place": cand.place.name, "place_kind": cand.place.kind,
            "unit": {"type": cand.place.unit.type, "number": cand.place.unit.number} if cand.place.unit else None}
    for i, g in enumerate(golds):
        if g["kind"] == "control_change" and score.place_matches(pred, g):
            return i
    return -1


def folds_of(docs, grouped: bool) -> list[list[int]]:
    """The indices of the held-out reports of each fold: every fifth report (5 folds), or
    (``grouped``) one letter group of the tune part a fold, dev and synthetic reports in none."""
    if not grouped:
        return [list(range(i, len(docs), 5)) for i in range(5)]
    names = [p.name for p, _ in docs]
    groups = sorted({n[:4] for n in names if n.startswith(TUNE)})
    return [[i for i, n in enumerate(names) if n.startswith(g)] for g in groups]


def fit(rows: list[tuple[dict, str]], c: float, threshold: float) -> dict:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from threadpoolctl import threadpool_limits

    vec = DictVectorizer()
    X = vec.fit_transform([f for f, _ in rows])
    y = [lab for _, lab in rows]
    model = LogisticRegression(C=c, max_iter=5000)
    with threadpool_limits(1):  # a few thousand rows: threads only contend (20 s a fit instead of 1 s on a busy machine)
        model.fit(X, y)
    classes = [str(k) for k in model.classes_]
    weights = {}
    for j, name in enumerate(vec.feature_names_):
        col = [float(model.coef_[i, j]) for i in range(len(classes))]
        if any(abs(w) > 1e-4 for w in col):
            weights[name] = [round(w, 4) for w in col]
    return {"classes": classes, "intercept": [round(float(b), 4) for b in model.intercept_], "weights": weights,
            "threshold": threshold, "c": c, "trained_on": "dev + dev-real tune part (dr-a..d, dr-g..j) + 30 synthetic reports (seed 7)"}


def control_f1(parts, score, actors) -> float:
    """End-to-end control-change F1 with the evaluation's scorer of ``parts``, pairs (docs,
    model): each model's facts on its docs, scored together (the held-out reports of every fold)."""
    with tempfile.TemporaryDirectory() as tmp:
        gold_dir = Path(tmp) / "gold"
        gold_dir.mkdir()
        pred = Path(tmp) / "pred.jsonl"
        with pred.open("w") as fh:
            for docs, model in parts:
                with ranker.use_model(model):
                    for path, doc in docs:
                        (gold_dir / path.name).write_text(json.dumps(
                            {"report": doc["report"], "gold": [g for g in doc["gold"] if g["kind"] == "control_change"]}))
                        for f in extract_report(report_of(doc)):
                            if f.kind == "control_change":
                                fh.write(json.dumps(f.to_dict(), default=str) + "\n")
        import contextlib
        import io

        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            score.score(str(gold_dir), str(pred), actors, False)
        line = [x for x in buf.getvalue().splitlines() if x.startswith("control_change")][0]
        tp, fp, fn = (int(line.split(f"{k}=")[1].split()[0].rstrip(")")) for k in ("tp", "fp", "fn"))
        return 2 * tp / (2 * tp + fp + fn) if tp else 0.0  # the line's F1 has two decimals only


def model_json(model: dict) -> str:
    """The model as JSON with one feature a line (a retrained model diffs line by line)."""
    head = {k: v for k, v in sorted(model.items()) if k != "weights"}
    lines = [json.dumps(f) + ": " + json.dumps(w) for f, w in sorted(model["weights"].items())]
    return (json.dumps(head, sort_keys=True)[:-1] + ', "weights": {\n' + ",\n".join(lines) + "\n}}\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--eval", default=str(ROOT.parent / "shared" / "eval"))
    ap.add_argument("--c", type=float, default=0.3, help="inverse regularisation strength")
    ap.add_argument("--threshold", type=float, default=0.6, help="probability a proposed pairing needs")
    ap.add_argument("--selected-threshold", type=float, default=0.45,
                    help="probability a pairing the rules chose needs")
    ap.add_argument("--cv", action="store_true", help="choose C and the threshold by 5-fold cross-validation")
    ap.add_argument("--groups", action="store_true",
                    help="cross-validate with one fold per letter group of the tune part (dr-a, dr-b, …)")
    ap.add_argument("--oof", help="write the out-of-fold facts of the training reports to this JSON Lines file")
    ap.add_argument("--cv-once", action="store_true", help="print the 5-fold cross-validated F1 of --c and --threshold")
    ap.add_argument("--out", default=str(ranker.MODEL_PATH))
    args = ap.parse_args()
    eval_dir = Path(args.eval)
    score = load_scorer(eval_dir)
    actors = score.load_actors(str(eval_dir / "actors.tsv"))
    docs = training_docs(eval_dir)
    per_doc = examples(docs, score)
    c, threshold = args.c, args.threshold
    folds = folds_of(docs, args.groups)
    if args.oof:  # out-of-fold facts of every training report, for error analysis
        with open(args.oof, "w") as fh:
            for fold in folds:
                m = fit([row for i, rows in enumerate(per_doc) if i not in fold for row in rows], c, threshold)
                m["selected_threshold"] = args.selected_threshold if args.selected_threshold is not None else threshold
                with ranker.use_model(m):
                    for i in fold:
                        for f in extract_report(report_of(docs[i][1])):
                            fh.write(json.dumps(f.to_dict(), default=str) + "\n")
    if args.cv_once:
        models = [fit([row for i, rows in enumerate(per_doc) if i not in fold for row in rows], c, threshold)
                  for fold in folds]
        for m in models:
            m["selected_threshold"] = args.selected_threshold if args.selected_threshold is not None else threshold
        f1s = [control_f1([([docs[i] for i in fold], m)], score, actors) for fold, m in zip(folds, models)]
        pooled = control_f1([([docs[i] for i in fold], m) for fold, m in zip(folds, models)], score, actors)
        print(f"cv control F1 {pooled:.3f} (folds {' '.join(f'{x:.2f}' for x in f1s)})")
    if args.cv:
        best = None
        for cc in (0.05, 0.1, 0.2, 0.3, 0.5, 1.0):
            models = [fit([row for i, rows in enumerate(per_doc) if i not in fold for row in rows], cc, 0.5)
                      for fold in folds]
            for m in models:
                m["selected_threshold"] = args.selected_threshold
            for th in (0.35, 0.4, 0.45, 0.5, 0.55, 0.6):
                for m in models:
                    m["threshold"] = th
                mean = control_f1([([docs[i] for i in fold], m) for fold, m in zip(folds, models)], score, actors)
                print(f"C={cc} threshold={th} cv control F1={mean:.3f}")
                if best is None or mean > best[0]:
                    best = (mean, cc, th)
        _, c, threshold = best
        print(f"chosen C={c} threshold={threshold} (cv F1 {best[0]:.3f})")
    model = fit([row for rows in per_doc for row in rows], c, threshold)
    model["selected_threshold"] = args.selected_threshold if args.selected_threshold is not None else threshold
    Path(args.out).write_text(model_json(model), encoding="utf-8")
    labels = [lab for rows in per_doc for _, lab in rows]
    print(f"candidates {len(labels)} " + " ".join(f"{k}={labels.count(k)}" for k in model["classes"])
          + f"; features {len(model['weights'])}; written {args.out}")


if __name__ == "__main__":
    main()
