"""What every source shares: its error type and the report-or-error stream it yields."""
from __future__ import annotations

from collections.abc import Iterator

from ingestion.models import Report
from ingestion.reports import ReportError

Item = Report | ReportError
ItemStream = Iterator[Item]


class SourceError(Exception):
    """The whole source failed (feed unreachable, folder missing, not JSON...)."""
