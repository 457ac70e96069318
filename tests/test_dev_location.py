"""``make dev`` on a fresh machine: the code location loads the way ``dagster dev`` loads it
(``DAGSTER_IS_DEV_CLI`` set, so ``DbtProject.prepare_if_dev`` parses the project) with a
PATH that does not hold the venv."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # loads the code location in a subprocess the way `dagster dev` does (about a minute)

ROOT = Path(__file__).resolve().parents[1]


def test_code_location_loads_in_dev_mode_without_venv_on_path(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV",)}
    env["PATH"] = "/usr/bin:/bin"
    env["DAGSTER_IS_DEV_CLI"] = "1"
    env["DAGSTER_HOME"] = str(tmp_path)
    env["FRONTLINE_WAREHOUSE"] = str(tmp_path / "w.duckdb")
    env["FRONTLINE_PUBLISHED"] = str(tmp_path / "p.duckdb")
    code = ("from orchestration.definitions import defs; "
            "n = len(list(defs.resolve_asset_graph().get_all_asset_keys())); print('assets', n)")
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert int(proc.stdout.split("assets")[-1]) > 20
