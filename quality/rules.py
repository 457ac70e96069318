"""Row-level rules (pure functions): which rows go on, which go to quarantine and why,
and the thresholds that turn many bad rows into a systemic failure.

- ``split_reports(reports)`` → (good reports, rejected): readable reports that break a rule
  (published in the future or before the earliest date, language not allowed, blank text).
- ``split_facts(rows, report_texts, published_dates)`` → (good rows, rejected): facts whose
  evidence is not in their report's text, with an enum outside the contract, a missing
  required field, or a date after the report's publication.
- ``quarantine_share`` / ``silent_sources`` / ``row_count_bounds``: the systemic thresholds.

Nothing here touches the warehouse or imports Great Expectations.
"""
from __future__ import annotations

import datetime as dt
import functools
import math
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from ingestion.models import CHANGES, DATE_PRECISIONS, METRICS, PLACE_KINDS, UNIT_TYPES, Report
from quality.settings import QualitySettings

T = TypeVar("T")

KINDS = ("control_change", "claim")

# Fact column -> allowed values (the contract's enums).
FACT_ENUMS: dict[str, tuple[str, ...]] = {
    "kind": KINDS,
    "change": CHANGES,
    "place_kind": PLACE_KINDS,
    "unit_type": UNIT_TYPES,
    "metric": METRICS,
    "date_precision": DATE_PRECISIONS,
}
# Columns every fact of a kind must have.
FACT_REQUIRED: dict[str, tuple[str, ...]] = {
    "control_change": ("report_id", "change", "place", "evidence"),
    "claim": ("report_id", "claimant", "metric", "evidence"),
}


@dataclass(frozen=True)
class Rejected:
    """A row that failed a rule: the row (a Report or a fact row), the rule and the reason."""

    row: Any
    rule: str
    reason: str

    @property
    def report_id(self) -> str | None:
        if isinstance(self.row, Report):
            return self.row.id
        return self.row.get("report_id") if isinstance(self.row, Mapping) else None


# ---------------------------------------------------------------- reports

# Rules a *readable* report can break (the others in quarantine.reports are unreadable input).
REPORT_RULES = ("empty_text", "invalid_published", "published_too_early", "published_in_future",
                "language_not_allowed")


def report_violation(report: Report, settings: QualitySettings) -> tuple[str, str] | None:
    """(rule, reason) of the first rule a readable report breaks, or None."""
    if not report.text or not report.text.strip():
        return "empty_text", "'text' is empty"
    try:
        day = dt.date.fromisoformat(report.published_date)
    except ValueError:
        return "invalid_published", f"'published' is not an ISO date: {report.published!r}"
    if day < settings.earliest_date:
        return ("published_too_early",
                f"published {day} is before the earliest allowed date {settings.earliest_date}")
    latest = settings.latest_allowed_date()
    if day > latest:
        return "published_in_future", f"published {day} is in the future (latest allowed {latest})"
    language = (report.language or "en").lower()
    if settings.languages and language not in settings.languages:
        return ("language_not_allowed",
                f"language {language!r} is not one of {', '.join(settings.languages)}")
    return None


def _split(items: Iterable[T], violation: Callable[[T], tuple[str, str] | None],
           ) -> tuple[list[T], list[Rejected]]:
    """Items → (those with no violation, the others as Rejected with rule and reason)."""
    good: list[T] = []
    bad: list[Rejected] = []
    for item in items:
        found = violation(item)
        if found is None:
            good.append(item)
        else:
            bad.append(Rejected(item, *found))
    return good, bad


def split_reports(reports: Iterable[Report], settings: QualitySettings | None = None,
                  ) -> tuple[list[Report], list[Rejected]]:
    """Readable reports → (those that go on, those to quarantine with rule and reason)."""
    settings = settings or QualitySettings.from_env()
    return _split(reports, lambda report: report_violation(report, settings))


def screen_reports(reports: Iterable[Report], rejected: list[Rejected],
                   settings: QualitySettings | None = None) -> Iterator[Report]:
    """``split_reports`` as a stream: the reports that go on are yielded one at a time, the
    others appended to ``rejected`` (few) as they come."""
    settings = settings or QualitySettings.from_env()
    for report in reports:
        found = report_violation(report, settings)
        if found is None:
            yield report
        else:
            rejected.append(Rejected(report, *found))


def conflicting_ids(reports: Iterable[Report]) -> dict[str, int]:
    """Ids delivered more than once with different texts in one batch → number of variants
    (flagged, not quarantined: the raw store keeps each text as a version)."""
    hashes: dict[str, set[str]] = {}
    for r in reports:
        hashes.setdefault(r.id, set()).add(r.content_hash)
    return {rid: len(h) for rid, h in hashes.items() if len(h) > 1}


# ---------------------------------------------------------------- facts

_SPACE = re.compile(r"\s+")
_ELLIPSIS = re.compile(r"\s*(?:\.\s?\.\s?\.|…|\[\.\.\.\])\s*")
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
                         "\u2013": "-", "\u2014": "-", "\u00a0": " "})


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text.translate(_QUOTES)).strip().casefold()


@functools.lru_cache(maxsize=256)
def _norm_text(text: str) -> str:
    """``_norm`` of a report's text, kept for the next facts of the same report (a report has
    several facts, checked one after the other: normalising the whole text per fact was most
    of the facts suite's time)."""
    return _norm(text)


def evidence_in_text(evidence: str | None, text: str | None) -> bool:
    """True when the evidence is copied from the text: ignoring case, runs of whitespace
    and typographic quotes; an ellipsis ("...", "…") may stand for omitted text, so every
    fragment between ellipses must occur, in order."""
    if not evidence or not evidence.strip() or not text:
        return False
    haystack = _norm_text(text)
    pos = 0
    fragments = [f for f in (_norm(x) for x in _ELLIPSIS.split(evidence.translate(_QUOTES))) if f]
    if not fragments:
        return False
    for fragment in fragments:
        found = haystack.find(fragment, pos)
        if found < 0:
            return False
        pos = found + len(fragment)
    return True


def _day(value: Any) -> dt.date | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if hasattr(value, "date") and callable(value.date):  # pandas Timestamp
        try:
            return value.date()
        except (TypeError, ValueError):
            return None
    text = str(value).strip()
    if not text or text.lower() in ("nat", "none", "nan"):
        return None
    return dt.date.fromisoformat(text[:10])


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or (
        isinstance(value, str) and not value.strip())


def fact_violation(row: Mapping[str, Any], report_texts: Mapping[str, str],
                   published_dates: Mapping[str, Any] | None = None) -> tuple[str, str] | None:
    """(rule, reason) of the first rule a fact row breaks, or None."""
    kind = row.get("kind")
    for column, allowed in FACT_ENUMS.items():
        value = row.get(column)
        if not _blank(value) and value not in allowed:
            return "invalid_enum", f"{column} {value!r} is not one of the contract's values"
    if _blank(kind):
        return "invalid_enum", "kind is missing"
    for column in FACT_REQUIRED[kind]:
        if _blank(row.get(column)):
            return "missing_field", f"{kind} without {column}"
    report_id = row.get("report_id")
    if report_id not in report_texts:
        return "unknown_report", f"report {report_id!r} is not among the partition's reports"
    if not evidence_in_text(row.get("evidence"), report_texts[report_id]):
        return "evidence_not_in_text", "the evidence is not a passage of the report's text"
    try:
        published = _day(row.get("published_date"))
        if published is None and published_dates is not None:
            published = _day(published_dates.get(report_id))
        date, date_end = _day(row.get("date")), _day(row.get("date_end"))
    except ValueError as exc:
        return "invalid_date", f"unreadable date: {exc}"
    if published is not None:
        for name, value in (("date", date), ("date_end", date_end)):
            if value is not None and value > published:
                return "date_after_published", f"{name} {value} is after the report's publication {published}"
    if date is not None and date_end is not None and date_end < date:
        return "date_range_inverted", f"date_end {date_end} is before date {date}"
    return None


def duplicate_violation(row: Mapping[str, Any], seen: set[str]) -> tuple[str, str] | None:
    """A fact whose ``fact_id`` was already taken by an earlier row (recorded in ``seen``)."""
    fid = row.get("fact_id")
    if _blank(fid):
        return "missing_field", "fact without fact_id"
    if fid in seen:
        return ("duplicate_fact_id",
                f"fact_id {fid} already taken by an earlier fact of report {row.get('report_id')!r} "
                "(same identifying fields)")
    seen.add(fid)
    return None


def split_facts(rows: Iterable[Mapping[str, Any]], report_texts: Mapping[str, str],
                published_dates: Mapping[str, Any] | None = None, *,
                seen_ids: set[str] | None = None,
                ) -> tuple[list[Mapping[str, Any]], list[Rejected]]:
    """Fact rows → (those written to raw.extracted_facts, those to quarantine.facts).
    ``report_texts``: report id → its text; ``published_dates``: report id → its publication
    day, used when a row carries no ``published_date``. ``seen_ids``: fact ids already written
    in this window (updated in place); a repeated id is a row-level fault, quarantined, so one
    odd sentence never blocks a night."""
    seen = seen_ids if seen_ids is not None else set()
    return _split(rows, lambda row: fact_violation(row, report_texts, published_dates)
                  or duplicate_violation(row, seen))


# ---------------------------------------------------------------- systemic thresholds


def quarantine_share(quarantined: int, total: int) -> float:
    """Share of a run's reports that went to quarantine (0 when there were none)."""
    return quarantined / total if total else 0.0


def too_many_quarantined(quarantined: int, total: int, settings: QualitySettings) -> bool:
    return quarantine_share(quarantined, total) > settings.max_quarantine_share


def silent_sources(history: Mapping[str, Sequence[int]], nights: int) -> list[str]:
    """Sources whose ``nights`` most recent runs (newest first in ``history``) all returned
    no report; a source with fewer recorded runs is not judged yet. ``nights <= 0``: off."""
    if nights <= 0:
        return []
    return sorted(name for name, counts in history.items()
                  if len(counts) >= nights and all(c == 0 for c in counts[:nights]))


def row_count_bounds(previous: int | None, settings: QualitySettings) -> tuple[int, int | None]:
    """(min, max) rows a mart may have given its published row count (None: no bound)."""
    if not previous:
        return 0, None
    low = math.ceil(previous * (1 - settings.max_shrink_share))
    high = math.floor(previous * settings.max_growth_factor) if settings.max_growth_factor > 0 else None
    return low, high


def row_count_ok(current: int, previous: int | None, settings: QualitySettings) -> bool:
    low, high = row_count_bounds(previous, settings)
    return current >= low and (high is None or current <= high)


def shrink_share(previous: int | None, current: int) -> float:
    """Share of ``previous`` rows that ``current`` lost (0 when it did not shrink or there was
    nothing before)."""
    if not previous or current >= previous:
        return 0.0
    return (previous - current) / previous


def shrunk_tables(counts: Mapping[str, tuple[int | None, int]], max_share: float) -> list[str]:
    """"table: previous → current rows (-x%)" for every table of ``counts`` (name →
    (previous, current)) that lost more than ``max_share`` of its rows."""
    out = []
    for name, (previous, current) in sorted(counts.items()):
        share = shrink_share(previous, current)
        if share > max_share:
            out.append(f"{name}: {previous} → {current} rows (-{share:.0%})")
    return out
