"""Loading reports from the configured sources (folders, RSS/Atom feeds, JSON APIs).

``load_sources(config, client)`` runs every enabled source. A bad report (file, feed item,
API record) becomes a ``ReportError`` (tagged with its source) and the next one goes on; a
source that fails as a whole (unreachable, missing folder, not a feed) becomes a
``SourceFailure`` and the other sources still load (reports it yielded before failing, such
as earlier pages of an API, are kept). Texts longer than ``FRONTLINE_MAX_REPORT_CHARS`` are
cut and named in ``warnings``, with links skipped by folder sources.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field

from ingestion.http import HttpClient, HttpError
from ingestion.limits import Limits, limits as current_limits
from ingestion.models import Report
from ingestion.reports import ReportError
from ingestion.sources.base import ItemStream, SourceError, SourceWarning
from ingestion.sources.config import (
    ConfigError, FolderSource, JsonSource, RssSource, SourcesConfig, load_config,
)
from ingestion.sources.folder import iter_folder
from ingestion.sources.jsonapi import iter_json_api
from ingestion.sources.rss import iter_feed

__all__ = [
    "ConfigError", "FolderSource", "JsonSource", "RssSource", "SourceCounts", "SourceError",
    "SourceFailure", "SourceLoadResult", "SourceWarning", "SourcesConfig", "iter_source", "iter_sources",
    "load_config", "load_sources",
]


@dataclass(frozen=True)
class SourceFailure:
    """A source that failed entirely, and why."""

    name: str
    reason: str

    def __str__(self) -> str:
        return f"source {self.name}: {self.reason}"


@dataclass
class SourceCounts:
    reports: int = 0
    errors: int = 0
    failed: bool = False
    reason: str | None = None  # why it failed


@dataclass
class SourceLoadResult:
    reports: list[Report] = field(default_factory=list)
    errors: list[ReportError] = field(default_factory=list)  # bad reports
    failures: list[SourceFailure] = field(default_factory=list)  # failed sources
    warnings: list[SourceWarning] = field(default_factory=list)  # skipped links, cut texts
    counts: dict[str, SourceCounts] = field(default_factory=dict)  # per source name

    @property
    def ok(self) -> bool:
        return not self.errors and not self.failures


def utc_now_iso() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def iter_source(source: FolderSource | RssSource | JsonSource, client: HttpClient | None,
                fetched_at: str | None = None) -> ItemStream:
    """The raw stream of one source (no defaults applied, exceptions not caught)."""
    if isinstance(source, FolderSource):
        return iter_folder(source, fetched_at)
    if client is None:
        raise SourceError("an HttpClient is needed for web sources")
    if isinstance(source, RssSource):
        return iter_feed(source, client, fetched_at)
    if isinstance(source, JsonSource):
        return iter_json_api(source, client, fetched_at)
    raise SourceError(f"unknown source type {type(source).__name__}")


def _finish(item: Report | ReportError, source: FolderSource | RssSource | JsonSource,
            fetched_at: str) -> Report | ReportError:
    """Stamp provenance: the source's name, its outlet as default, the fetch time."""
    if isinstance(item, ReportError):
        return dataclasses.replace(item, source=source.name)
    return dataclasses.replace(item, source=source.name, outlet=item.outlet or source.outlet,
                               fetched_at=item.fetched_at or fetched_at)


def cap_text(report: Report, max_chars: int) -> tuple[Report, SourceWarning | None]:
    """A report whose text is within ``max_chars``, and a warning when it had to be cut."""
    if len(report.text) <= max_chars:
        return report, None
    warning = SourceWarning(report.url or f"report:{report.id}", "text_truncated",
                            f"report {report.id}: text of {len(report.text)} characters cut to "
                            f"{max_chars} (FRONTLINE_MAX_REPORT_CHARS)", report.source)
    return dataclasses.replace(report, text=report.text[:max_chars]), warning


def load_sources(config: SourcesConfig, client: HttpClient | None = None, *,
                 only: list[str] | None = None, limits: Limits | None = None) -> SourceLoadResult:
    """Run every enabled source (or just those named in ``only``); never raises for a
    source's failure. ``client`` is created (with default settings) when web sources need it."""
    result = SourceLoadResult()
    result.reports.extend(iter_sources(config, result, client, only=only, limits=limits))
    return result


def iter_sources(config: SourcesConfig, result: SourceLoadResult, client: HttpClient | None = None, *,
                 only: list[str] | None = None, limits: Limits | None = None) -> Iterator[Report]:
    """``load_sources`` as a stream: the reports one at a time (not kept), while the
    errors, warnings, failures and counts go to ``result`` as they come (complete once the
    stream is exhausted). A year's inbox then never sits in memory as one list."""
    limits = limits or current_limits()
    own_client = None
    try:
        for source in config.enabled:
            if only is not None and source.name not in only:
                continue
            if client is None and not isinstance(source, FolderSource):
                client = own_client = HttpClient()
            fetched_at = utc_now_iso()
            counts = result.counts[source.name] = SourceCounts()
            try:
                for item in iter_source(source, client, fetched_at):
                    if isinstance(item, SourceWarning):
                        result.warnings.append(dataclasses.replace(item, source=source.name))
                        continue
                    item = _finish(item, source, fetched_at)
                    if isinstance(item, ReportError):
                        result.errors.append(item)
                        counts.errors += 1
                        continue
                    item, cut = cap_text(item, limits.max_report_chars)
                    if cut is not None:
                        result.warnings.append(cut)
                    counts.reports += 1
                    yield item
            except Exception as exc:  # noqa: BLE001 - one source must not stop the others
                reason = str(exc) if isinstance(exc, (SourceError, HttpError, OSError)) \
                    else f"{type(exc).__name__}: {exc}"
                result.failures.append(SourceFailure(source.name, reason[:2000]))
                counts.failed, counts.reason = True, reason[:2000]
    finally:
        if own_client is not None:
            own_client.close()
