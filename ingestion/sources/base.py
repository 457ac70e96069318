"""What every source shares: its error type and the report-or-error stream it yields."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ingestion.models import Report
from ingestion.reports import ReportError


@dataclass(frozen=True)
class SourceWarning:
    """Something a source skipped or changed on purpose (a link out of its folder, a text cut
    to the size limit): not a report, not an error, but named in the run's warnings."""

    origin: str
    rule: str
    reason: str
    source: str | None = None

    def __str__(self) -> str:
        return f"{self.origin}: {self.rule}: {self.reason}"


Item = Report | ReportError | SourceWarning
ItemStream = Iterator[Item]


class SourceError(Exception):
    """The whole source failed (feed unreachable, folder missing, not JSON...)."""
