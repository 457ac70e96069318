"""The data-quality knobs, in one small object, each overridable by an environment variable.

=====================================  =========  ==============================================
Environment variable                   Default    Meaning
=====================================  =========  ==============================================
FRONTLINE_QC_EARLIEST_DATE             2021-01-01 reports published before it are quarantined
FRONTLINE_QC_FUTURE_TOLERANCE_DAYS     1          days a ``published`` date may lie ahead of today
                                                  (UTC) before it counts as "in the future"
FRONTLINE_QC_LANGUAGES                 en,my      allowed report languages (comma separated)
FRONTLINE_QC_MAX_QUARANTINE_SHARE      0.5        a run whose share of quarantined reports is
                                                  above this fails the raw/reports gate
FRONTLINE_QC_NIGHTS_WITHOUT_DATA       3          a source that returned no report for this many
                                                  runs in a row fails the gate (0 = off)
FRONTLINE_QC_MAX_SHRINK_SHARE          0.2        a mart that lost more than this share of its rows
                                                  against the published warehouse fails the gate
FRONTLINE_QC_MAX_REFERENCE_SHRINK      0.05       a reference load (or a dimension against the
                                                  published warehouse) that removes more than this
                                                  share of the rows blocks the publish
FRONTLINE_QC_MAX_GROWTH_FACTOR         0          a mart may grow to at most this many times its
                                                  published row count (0 = no upper bound)
FRONTLINE_QC_MAX_EXAMPLES              5          failing examples kept per expectation
=====================================  =========  ==============================================

``QualitySettings.from_env()`` reads them (at call time, so tests can set them per test).
"""
from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field

_PREFIX = "FRONTLINE_QC_"


def _env(name: str) -> str | None:
    value = os.environ.get(_PREFIX + name)
    return value.strip() if value and value.strip() else None


@dataclass(frozen=True)
class QualitySettings:
    earliest_date: dt.date = dt.date(2021, 1, 1)
    future_tolerance_days: int = 1
    languages: tuple[str, ...] = ("en", "my")
    max_quarantine_share: float = 0.5
    nights_without_data: int = 3
    max_shrink_share: float = 0.2
    max_reference_shrink: float = 0.05
    max_growth_factor: float = 0.0
    max_examples: int = 5
    today: dt.date | None = field(default=None, compare=False)  # for tests; None = today (UTC)

    @classmethod
    def from_env(cls, **overrides) -> QualitySettings:
        """Defaults, then ``FRONTLINE_QC_*`` variables, then explicit ``overrides``."""
        values: dict = {}
        if (v := _env("EARLIEST_DATE")) is not None:
            values["earliest_date"] = dt.date.fromisoformat(v)
        if (v := _env("FUTURE_TOLERANCE_DAYS")) is not None:
            values["future_tolerance_days"] = int(v)
        if (v := _env("LANGUAGES")) is not None:
            values["languages"] = tuple(x.strip().lower() for x in v.split(",") if x.strip())
        if (v := _env("MAX_QUARANTINE_SHARE")) is not None:
            values["max_quarantine_share"] = float(v)
        if (v := _env("NIGHTS_WITHOUT_DATA")) is not None:
            values["nights_without_data"] = int(v)
        if (v := _env("MAX_SHRINK_SHARE")) is not None:
            values["max_shrink_share"] = float(v)
        if (v := _env("MAX_REFERENCE_SHRINK")) is not None:
            values["max_reference_shrink"] = float(v)
        if (v := _env("MAX_GROWTH_FACTOR")) is not None:
            values["max_growth_factor"] = float(v)
        if (v := _env("MAX_EXAMPLES")) is not None:
            values["max_examples"] = int(v)
        values.update(overrides)
        return cls(**values)

    def latest_allowed_date(self) -> dt.date:
        """The last ``published`` day that is not "in the future"."""
        today = self.today or dt.datetime.now(dt.UTC).date()
        return today + dt.timedelta(days=self.future_tolerance_days)

    def as_metadata(self) -> dict:
        return {
            "earliest_date": self.earliest_date.isoformat(),
            "latest_allowed_date": self.latest_allowed_date().isoformat(),
            "languages": list(self.languages),
            "max_quarantine_share": self.max_quarantine_share,
            "nights_without_data": self.nights_without_data,
            "max_shrink_share": self.max_shrink_share,
            "max_reference_shrink": self.max_reference_shrink,
            "max_growth_factor": self.max_growth_factor,
        }
