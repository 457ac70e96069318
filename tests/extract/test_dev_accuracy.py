"""Accuracy on the shared dev set, measured by the shared scorer."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from ingestion.extract import extract_report
from ingestion.reports import Report, iter_reports

DEV = Path(__file__).parents[2].parent / "shared" / "eval" / "dev"
SCORE = DEV.parent / "score.py"


@pytest.mark.skipif(not DEV.is_dir() or not SCORE.is_file(), reason="shared dev set not present")
def test_dev_accuracy(tmp_path):
    out = tmp_path / "facts.jsonl"
    with out.open("w", encoding="utf-8") as fh:
        for rep in iter_reports([DEV]):
            assert isinstance(rep, Report), rep
            for fact in extract_report(rep):
                fh.write(json.dumps(fact.to_dict(), ensure_ascii=False) + "\n")
    res = subprocess.run([sys.executable, str(SCORE), str(DEV), str(out)], capture_output=True, text=True, check=True)
    last = res.stdout.strip().splitlines()[-1]
    cc = float(re.search(r"control_change_F1=([\d.]+)", last).group(1))
    cl = float(re.search(r"claim_F1=([\d.]+)", last).group(1))
    da = float(re.search(r"date_accuracy=([\d.]+)", last).group(1))
    assert cc >= 0.85 and cl >= 0.85 and da >= 0.80, last
