"""Asset checks (the data-quality gates); the suites themselves live in ``quality/``."""
from __future__ import annotations
