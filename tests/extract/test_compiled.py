"""The mypyc-compiled extractor gives the facts of the pure-Python one, byte for byte.

Skipped when the compiled modules are not built (or are stale: a source changed since
``make setup``). The pure-Python run is a subprocess with ``FRONTLINE_PURE_PYTHON=1``.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ingestion.extract import compiled

ROOT = Path(__file__).resolve().parents[2]

_RUN = """
import json, sys
sys.path.insert(0, {root!r})
from ingestion.extract import extract_report
from ingestion.extract.compiled import mode
from ingestion.reports import iter_reports
from ingestion.models import Report
from pathlib import Path
dirs = [Path(d) for d in {dirs!r} if Path(d).is_dir()]
reps = sorted((r for r in iter_reports(dirs) if isinstance(r, Report)), key=lambda r: r.id)[:60]
facts = [json.dumps(f.to_dict(), sort_keys=True) for r in reps for f in extract_report(r)]
print(json.dumps({{"mode": mode(), "facts": facts}}))
"""


def _run(pure: bool) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "FRONTLINE_PURE_PYTHON"}
    if pure:
        env["FRONTLINE_PURE_PYTHON"] = "1"
    dirs = [str(ROOT / "tests" / "extract" / "fixtures"), str(ROOT.parent / "shared" / "eval" / "dev"),
            str(ROOT.parent / "shared" / "eval" / "dev-real")]
    code = _RUN.format(root=str(ROOT), dirs=dirs)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env, cwd=ROOT)
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_pure_python_forced():
    assert _run(pure=True)["mode"] == "pure Python"


@pytest.mark.skipif(not compiled.MANIFEST.is_file(), reason="the mypyc-compiled extractor is not built")
def test_compiled_same_facts_as_pure_python():
    got = _run(pure=False)
    if got["mode"] != "compiled (mypyc)":
        pytest.skip(f"compiled modules not in use ({got['mode']}): stale build?")
    want = _run(pure=True)
    assert want["mode"] == "pure Python"
    assert got["facts"] == want["facts"]
    assert len(got["facts"]) > 10
