"""The Great Expectations suites and the validators that prepare their DataFrames.

Each ``*_suite`` function builds an ``ExpectationSuite``; each ``validate_*`` function takes
pandas rows (already read from DuckDB), adds the derived columns the suite needs (e.g.
``evidence_in_text``), and returns a ``SuiteResult``. Expectations carry a severity in their
``meta`` ("error": the run must not publish; "warn": recorded only).
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from quality.rules import FACT_ENUMS, evidence_in_text
from quality.settings import QualitySettings
from quality.validation import SuiteResult, expectation_suite, expectations, run_suite

REPORT_COLUMNS = ("id", "published_date", "language", "text", "content_hash", "version", "run_id")
FACT_COLUMNS = ("fact_id", "report_id", "kind", "published_date", "evidence", "date", "date_end",
                *[c for c in FACT_ENUMS if c != "kind"])


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day)


def _meta(severity: str, description: str) -> dict[str, str]:
    return {"severity": severity, "description": description}


# ---------------------------------------------------------------- raw reports


def reports_suite(settings: QualitySettings | None = None):
    """raw.reports rows: schema and non-empty text (error); publication date range, language
    and ids delivered with different content (warn: those rows are quarantined by the
    row-level rules before extraction, so they are a leak to look at, not a systemic fault)."""
    settings = settings or QualitySettings.from_env()
    gxe = expectations()
    err = [gxe.ExpectColumnToExist(column=c, meta=_meta("error", f"raw.reports has {c}"))
           for c in REPORT_COLUMNS]
    err += [
        gxe.ExpectColumnValuesToNotBeNull(column="id", meta=_meta("error", "every report has an id")),
        gxe.ExpectColumnValuesToNotBeNull(column="published_date",
                                          meta=_meta("error", "every report has a publication day")),
        gxe.ExpectColumnValuesToNotBeNull(column="content_hash", meta=_meta("error", "hashed text")),
        gxe.ExpectColumnValuesToBeBetween(column="text_chars", min_value=1,
                                          meta=_meta("error", "text is not empty")),
    ]
    warn = [
        gxe.ExpectColumnValuesToBeBetween(
            column="published_day", min_value=_midnight(settings.earliest_date),
            max_value=_midnight(settings.latest_allowed_date()),
            meta=_meta("warn", "published neither before the earliest date nor in the future")),
        gxe.ExpectColumnValuesToBeInSet(column="language", value_set=list(settings.languages),
                                        meta=_meta("warn", "language in the allowed set")),
        gxe.ExpectColumnValuesToBeBetween(column="content_variants", max_value=1,
                                          meta=_meta("warn", "an id delivered with one text only")),
    ]
    return expectation_suite("raw_reports", [*err, *warn])


def validate_reports(df, settings: QualitySettings | None = None) -> SuiteResult:
    """Validate raw.reports rows (one row per stored version)."""
    import pandas as pd

    settings = settings or QualitySettings.from_env()
    frame = df.copy()
    if "text_chars" in frame.columns:  # read_reports_frame gives the stripped length, not the text
        pass
    elif "text" in frame.columns:
        frame["text_chars"] = frame["text"].fillna("").astype(str).str.strip().str.len()
    else:
        frame["text_chars"] = 0
    if "published_date" in frame.columns:
        frame["published_day"] = pd.to_datetime(frame["published_date"].map(_iso_day), errors="coerce")
    if "content_variants" in frame.columns:  # read_reports_frame counts them over all the rows
        pass
    elif {"id", "content_hash"} <= set(frame.columns):
        frame["content_variants"] = frame.groupby("id")["content_hash"].transform("nunique")
    else:
        frame["content_variants"] = 1
    if "language" in frame.columns:
        frame["language"] = frame["language"].fillna("en").astype(str).str.lower()
    return run_suite(frame, reports_suite(settings), id_column="id", max_examples=settings.max_examples)


# ---------------------------------------------------------------- extracted facts


def facts_suite(settings: QualitySettings | None = None):
    """raw.extracted_facts rows against the facts contract (all error)."""
    gxe = expectations()
    exps: list[Any] = [gxe.ExpectColumnToExist(column=c, meta=_meta("error", f"facts have {c}"))
                       for c in FACT_COLUMNS]
    exps += [
        gxe.ExpectColumnValuesToNotBeNull(column="fact_id", meta=_meta("error", "fact id")),
        gxe.ExpectColumnValuesToBeUnique(column="fact_id", meta=_meta("error", "one row per fact")),
        gxe.ExpectColumnValuesToNotBeNull(column="report_id", meta=_meta("error", "fact's report")),
        gxe.ExpectColumnValuesToNotBeNull(column="kind", meta=_meta("error", "fact kind")),
    ]
    exps += [gxe.ExpectColumnValuesToBeInSet(column=c, value_set=list(values),
                                             meta=_meta("error", f"{c} in the contract's enum"))
             for c, values in FACT_ENUMS.items()]
    exps += [
        gxe.ExpectColumnValuesToNotBeNull(column="change", row_condition='kind=="control_change"',
                                          condition_parser="pandas",
                                          meta=_meta("error", "control changes have a change")),
        gxe.ExpectColumnValuesToNotBeNull(column="metric", row_condition='kind=="claim"',
                                          condition_parser="pandas",
                                          meta=_meta("error", "claims have a metric")),
        gxe.ExpectColumnValuesToBeInSet(column="evidence_in_text", value_set=[True],
                                        meta=_meta("error", "evidence is a passage of the report's text")),
        gxe.ExpectColumnPairValuesAToBeGreaterThanB(
            column_A="published_day", column_B="date_day", or_equal=True,
            ignore_row_if="either_value_is_missing",
            meta=_meta("error", "fact date not after the report's publication")),
        gxe.ExpectColumnPairValuesAToBeGreaterThanB(
            column_A="published_day", column_B="date_end_day", or_equal=True,
            ignore_row_if="either_value_is_missing",
            meta=_meta("error", "fact end date not after the report's publication")),
    ]
    return expectation_suite("extracted_facts", exps)


def _iso_day(v: Any) -> str | None:
    if v is None:
        return None
    s = str(v)
    return None if s in ("NaT", "None", "nan", "") else s[:10]


def _iso_days(values):
    """``_iso_day`` of every value of a Series: vectorised for a datetime column (what DuckDB's
    DATE becomes), value by value otherwise."""
    import pandas as pd

    if pd.api.types.is_datetime64_any_dtype(values.dtype):
        days = values.dt.strftime("%Y-%m-%d")
        return days.astype(object).where(values.notna(), None)
    return values.map(_iso_day)


# Columns of the facts suite whose values no expectation reads (ExpectColumnToExist only).
_PRESENCE_ONLY = ("evidence", "published_date", "date", "date_end")


def _narrow_facts_frame(frame):
    """The frame GX validates: the columns the facts suite reads, and for the columns it only
    requires to exist, a one-byte placeholder of the same name. GX filters the whole frame
    for each expectation (a boolean mask per metric: about 70 passes over every column at
    15,000 facts, most of the suite's time on long text columns); the rows and the outcome are
    the same."""
    import numpy as np

    read = {"fact_id", "report_id", "kind", "change", "metric", "evidence_in_text", "published_day",
            "date_day", "date_end_day", *FACT_ENUMS}
    keep = [c for c in frame.columns if c in read or c in _PRESENCE_ONLY]
    narrow = frame[keep]
    for c in _PRESENCE_ONLY:
        if c in narrow.columns:
            narrow[c] = np.zeros(len(narrow), dtype=np.int8)
    return narrow


def validate_facts(df, report_texts: Mapping[str, str],
                   settings: QualitySettings | None = None) -> SuiteResult:
    """Validate fact rows; ``report_texts`` maps report id → text (for the evidence rule)."""
    settings = settings or QualitySettings.from_env()
    frame = df.copy(deep=False)  # new columns only: pandas' copy-on-write keeps ``df`` as it is
    if {"evidence", "report_id"} <= set(frame.columns):
        frame["evidence_in_text"] = [
            evidence_in_text(e, report_texts.get(r)) for e, r in zip(frame["evidence"], frame["report_id"])]
    else:
        frame["evidence_in_text"] = False
    for src, dst in (("published_date", "published_day"), ("date", "date_day"), ("date_end", "date_end_day")):
        frame[dst] = _iso_days(frame[src]) if src in frame.columns else None
    return run_suite(_narrow_facts_frame(frame), facts_suite(settings), id_column="fact_id",
                     max_examples=settings.max_examples)


def facts_reference_suite(actor_names: Iterable[str] | None, unit_keys: Iterable[str] | None):
    """Actors resolve to dim_actor names and unit keys to dim_unit (warn); a dimension that
    does not exist yet (None) is skipped."""
    gxe = expectations()
    exps: list[Any] = []
    if actor_names is not None:
        names = sorted(set(actor_names))
        exps += [gxe.ExpectColumnValuesToBeInSet(column=c, value_set=names,
                                                 meta=_meta("warn", f"{c} is a dim_actor name"))
                 for c in ("actor_to", "actor_from")]
    if unit_keys is not None:
        exps.append(gxe.ExpectColumnValuesToBeInSet(column="unit_key", value_set=sorted(set(unit_keys)),
                                                    meta=_meta("warn", "unit_key is in dim_unit")))
    return expectation_suite("extracted_facts_reference", exps)


def validate_fact_references(df, actor_names: Iterable[str] | None, unit_keys: Iterable[str] | None,
                             settings: QualitySettings | None = None) -> SuiteResult:
    settings = settings or QualitySettings.from_env()
    frame = df.copy()
    for c in ("actor_to", "actor_from", "unit_key"):
        if c not in frame.columns:
            frame[c] = None
    return run_suite(frame, facts_reference_suite(actor_names, unit_keys), id_column="fact_id",
                     max_examples=settings.max_examples)


# ---------------------------------------------------------------- marts


def mart_suite(name: str, previous_rows: int | None, settings: QualitySettings | None = None,
               *, has_report_id: bool = True, key_column: str | None = None, row_count: bool = True):
    """A mart: row count within bounds of its published count (error), no orphan report ids
    (error), and, given a key column, a present and unique key on every row (error).
    ``row_count=False``: the frame holds some of the mart's rows only, the count is checked by
    the caller (``validate_mart(..., table_rows=...)``)."""
    from quality.rules import row_count_bounds

    settings = settings or QualitySettings.from_env()
    gxe = expectations()
    low, high = row_count_bounds(previous_rows, settings)
    exps: list[Any] = [gxe.ExpectTableRowCountToBeBetween(
        min_value=low, max_value=high,
        meta=_meta("error", _row_count_description(previous_rows)))] if row_count else []
    if has_report_id:
        exps += [
            gxe.ExpectColumnValuesToNotBeNull(column="report_id", meta=_meta("error", "report id")),
            gxe.ExpectColumnValuesToBeInSet(column="report_known", value_set=[True],
                                            meta=_meta("error", "report_id is in dim_report (no orphans)")),
        ]
    if key_column:
        exps += [
            gxe.ExpectColumnValuesToNotBeNull(column=key_column, meta=_meta("error", f"{key_column} on every row")),
            gxe.ExpectColumnValuesToBeUnique(column=key_column, meta=_meta("error", f"{key_column} is unique")),
        ]
    return expectation_suite(f"mart_{name}", exps)


def _row_count_description(previous_rows: int | None) -> str:
    return f"row count within bounds of the published {previous_rows}"


def validate_mart(name: str, df, previous_rows: int | None, report_ids: Iterable[str] | None,
                  settings: QualitySettings | None = None, *, id_column: str = "report_id",
                  key_column: str | None = None, table_rows: int | None = None) -> SuiteResult:
    """``df``: the mart's key columns; ``report_ids``: dim_report's ids (None: no orphan rule,
    unless ``df`` has a ``report_known`` column already, computed by the caller);
    ``key_column``: a column of ``df`` that must be present and unique (None: no key rule).

    ``table_rows``: ``df`` holds only some of the mart's rows (quality.checks.marts: the run's
    window and every row that breaks a rule anywhere in the table), the mart has this many: the
    row-count bounds are checked on that number, the other expectations by GX on ``df``."""
    from quality.rules import row_count_bounds, row_count_ok
    from quality.validation import ExpectationOutcome

    settings = settings or QualitySettings.from_env()
    frame = df.copy()
    has_report_id = "report_id" in frame.columns and (report_ids is not None or "report_known" in frame.columns)
    if report_ids is not None and "report_id" in frame.columns:
        known = set(report_ids)
        frame["report_known"] = frame["report_id"].map(lambda r: r in known)
    key = key_column if key_column in frame.columns else None
    suite = mart_suite(name, previous_rows, settings, has_report_id=has_report_id, key_column=key,
                       row_count=table_rows is None)
    result = run_suite(frame, suite, id_column=id_column if id_column in frame.columns else key,
                       max_examples=settings.max_examples)
    if table_rows is not None:
        low, high = row_count_bounds(previous_rows, settings)
        result.outcomes.insert(0, ExpectationOutcome(
            expectation="expect_table_row_count_to_be_between", column=None,
            success=row_count_ok(table_rows, previous_rows, settings), severity="error",
            observed=table_rows, description=_row_count_description(previous_rows)))
    return result
