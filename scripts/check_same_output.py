#!/usr/bin/env python3
"""Golden output of the extractor, to prove a performance change changes nothing.

    .venv/bin/python scripts/check_same_output.py write /tmp/golden   # before the change
    .venv/bin/python scripts/check_same_output.py check /tmp/golden   # after: exit 1 on any difference

The corpus: every report of ``../shared/eval/dev`` and ``../shared/eval/dev-real``, the test
fixtures, 200 synthetic reports (fixed seed), a few variants (non-ASCII text, a long report
made of many dev-real texts), each extracted with the built-in gazetteer and, if
``GOLDEN_DIR/gazetteer.json`` exists, with that one too. The facts are written as JSON Lines,
one file per set; ``check`` compares them byte for byte and names the first difference.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ingestion.extract import extract_report  # noqa: E402
from ingestion.gazetteer import Gazetteer  # noqa: E402
from ingestion.models import Report  # noqa: E402
from ingestion.reports import iter_reports  # noqa: E402
from synthetic.reports import generate  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"


def _read(dirs: list[Path]) -> list[Report]:
    reps = [r for r in iter_reports([d for d in dirs if d.exists()]) if isinstance(r, Report)]
    return sorted(reps, key=lambda r: r.id)


def _variants(reals: list[Report]) -> Iterator[Report]:
    """Harder inputs: non-ASCII text (the slow paths), CRLF, odd white space inside sentences
    (double spaces, tabs, no-break spaces, line breaks), a long report."""
    for r in reals[:40]:
        yield Report(**{**r.to_dict(), "id": r.id + "-nonascii",
                        "text": r.text.replace("'", "’").replace(" the ", " thé ", 3)})
        yield Report(**{**r.to_dict(), "id": r.id + "-crlf", "text": r.text.replace("\n", "\r\n")})
        yield Report(**{**r.to_dict(), "id": r.id + "-spaces",
                        "text": r.text.replace(" the ", " the  ").replace(", ", ",\t").replace(" of ", " of\u00a0")
                        .replace(" is ", " is\n")})
    long_text = "\n\n".join(r.text for r in reals[:120])
    yield Report(**{**reals[0].to_dict(), "id": "long", "text": long_text})


def sets() -> dict[str, list[Report]]:
    reals = _read([EVAL / "dev-real"])
    return {
        "dev": _read([EVAL / "dev"]),
        "dev-real": reals,
        "fixtures": _read([ROOT / "tests" / "extract" / "fixtures"]),
        "synthetic": [r for r, _ in generate(200, words=800, seed=1234)],
        "synthetic-short": [r for r, _ in generate(100, words=150, seed=99, event_share=0.5)],
        "variants": list(_variants(reals)),
    }


def run(golden: Path) -> dict[str, str]:
    gazetteers: dict[str, Gazetteer | None] = {"builtin": None}
    if (golden / "gazetteer.json").exists():
        gazetteers["gaz"] = Gazetteer.load(golden / "gazetteer.json")
    out: dict[str, str] = {}
    for name, reps in sets().items():
        for gname, gaz in gazetteers.items():
            lines = []
            for r in reps:
                for fact in extract_report(r, gaz):
                    lines.append(json.dumps(fact.to_dict(), ensure_ascii=False, sort_keys=True))
            out[f"{name}.{gname}.jsonl"] = "\n".join(lines) + "\n"
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("mode", choices=("write", "check"))
    ap.add_argument("golden", type=Path)
    args = ap.parse_args()
    got = run(args.golden)
    if args.mode == "write":
        args.golden.mkdir(parents=True, exist_ok=True)
        for fname, body in got.items():
            (args.golden / fname).write_text(body, encoding="utf-8")
        print(f"wrote {len(got)} files, {sum(b.count(chr(10)) for b in got.values())} facts to {args.golden}")
        return 0
    bad = 0
    for fname, body in got.items():
        want = (args.golden / fname).read_text(encoding="utf-8")
        if body == want:
            continue
        bad += 1
        a, b = want.splitlines(), body.splitlines()
        first = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
        print(f"DIFFERENT {fname}: {len(a)} facts golden, {len(b)} now; first difference at fact {first}")
        print(f"  golden: {a[first] if first < len(a) else '<none>'}")
        print(f"  now:    {b[first] if first < len(b) else '<none>'}")
    total = sum(b.count("\n") for b in got.values())
    print("same output" if not bad else f"{bad} file(s) differ", f"({len(got)} files, {total} facts)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
