"""Fixtures for the quality tests: a private warehouse, reports, and fake upstream assets."""
from __future__ import annotations

import os

import pytest

os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")
os.environ.setdefault("DBT_SEND_ANONYMOUS_USAGE_STATS", "False")

from qc_helpers import TODAY  # noqa: E402
from quality.settings import QualitySettings  # noqa: E402

@pytest.fixture(autouse=True)
def _no_qc_env(monkeypatch):
    """Each test starts from the default knobs."""
    for key in list(os.environ):
        if key.startswith("FRONTLINE_QC_"):
            monkeypatch.delenv(key)


@pytest.fixture
def settings() -> QualitySettings:
    return QualitySettings(today=TODAY)


