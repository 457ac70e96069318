"""dbt as a subprocess over a private warehouse (shared by the reference and warehouse tests)."""
from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from ingestion import settings

DBT_DIR = settings.DBT_PROJECT_DIR


def dbt_executable() -> str:
    local = Path(sys.executable).parent / "dbt"
    return str(local) if local.exists() else "dbt"


def dbt_cli(warehouse: Path, args: Sequence[str], *, target_path: Path, log_path: Path) -> subprocess.CompletedProcess:
    """``dbt <args>`` writing ``warehouse``, with private target and log paths."""
    env = {**os.environ, "FRONTLINE_WAREHOUSE": str(warehouse), "DBT_SEND_ANONYMOUS_USAGE_STATS": "False"}
    cmd = [dbt_executable(), *args, "--project-dir", str(DBT_DIR), "--profiles-dir", str(DBT_DIR),
           "--target-path", str(target_path), "--log-path", str(log_path)]
    return subprocess.run(cmd, env=env, capture_output=True, text=True, cwd=DBT_DIR)
