"""Running a Great Expectations Core 1.x suite on a pandas DataFrame.

GX is imported lazily (3-10 s) and its ephemeral context is created once per process.
GX's SQL datasource fails on DuckDB, so callers read rows with DuckDB (read-only, closed
afterwards) into pandas and validate them here. Analytics and progress bars are off.
"""
from __future__ import annotations

import math
import os
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

_lock = threading.Lock()
_state: dict[str, Any] = {}


def gx_context():
    """The process's ephemeral GX context with one pandas datasource (created once)."""
    with _lock:
        if "context" not in _state:
            os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")
            import great_expectations as gx
            from great_expectations.data_context.types.base import ProgressBarsConfig

            context = gx.get_context(mode="ephemeral")
            context.variables.progress_bars = ProgressBarsConfig(
                globally=False, metric_calculations=False)
            datasource = context.data_sources.add_pandas("frontline_frames")
            _state["context"] = context
            _state["datasource"] = datasource
            _state["batches"] = {}
        return _state["context"]


def expectations():
    """``great_expectations.expectations``, imported lazily (GX takes seconds to import)."""
    gx_context()
    import great_expectations.expectations as gxe

    return gxe


def expectation_suite(name: str, expectations_: Iterable[Any]):
    """An ``ExpectationSuite`` holding the given expectations."""
    import great_expectations as gx

    suite = gx.ExpectationSuite(name=name)
    for e in expectations_:
        suite.add_expectation(e)
    return suite


def _batch_definition(name: str):
    gx_context()
    with _lock:
        batches = _state["batches"]
        if name not in batches:
            asset = _state["datasource"].add_dataframe_asset(name)
            batches[name] = asset.add_batch_definition_whole_dataframe(f"{name}_whole")
        return batches[name]


@dataclass
class ExpectationOutcome:
    expectation: str  # expectation type, e.g. expect_column_values_to_be_in_set
    column: str | None
    success: bool
    severity: str  # "error" or "warn" (from the expectation's meta)
    unexpected_count: int | None = None
    examples: list[Any] = field(default_factory=list)  # failing values / ids
    observed: Any = None
    description: str | None = None

    def label(self) -> str:
        target = self.column or ""
        return f"{self.expectation}({target})" if target else self.expectation


@dataclass
class SuiteResult:
    """What a suite found: success, counts, and a few failing examples per expectation."""

    suite: str
    rows: int
    outcomes: list[ExpectationOutcome] = field(default_factory=list)
    error: str | None = None  # GX itself failed (never counted as a pass)

    @property
    def failed(self) -> list[ExpectationOutcome]:
        return [o for o in self.outcomes if not o.success]

    @property
    def passed(self) -> list[ExpectationOutcome]:
        return [o for o in self.outcomes if o.success]

    @property
    def errors(self) -> list[ExpectationOutcome]:
        """Failed expectations of ERROR severity."""
        return [o for o in self.failed if o.severity != "warn"]

    @property
    def warnings(self) -> list[ExpectationOutcome]:
        return [o for o in self.failed if o.severity == "warn"]

    @property
    def success(self) -> bool:
        return self.error is None and not self.errors

    @property
    def expectations_passed(self) -> int:
        return len(self.passed)

    @property
    def expectations_failed(self) -> int:
        return len(self.failed)

    def failing_examples(self) -> dict[str, Any]:
        return {o.label(): {"unexpected_count": o.unexpected_count, "examples": o.examples,
                            "observed": o.observed, "severity": o.severity}
                for o in self.failed}

    def metadata(self) -> dict[str, Any]:
        """JSON-friendly summary for Dagster check metadata."""
        return {
            "suite": self.suite,
            "rows_validated": self.rows,
            "expectations_passed": self.expectations_passed,
            "expectations_failed": self.expectations_failed,
            "failed_errors": len(self.errors),
            "failed_warnings": len(self.warnings),
            "failed_expectations": [o.label() for o in self.failed],
            "failing_examples": _jsonable(self.failing_examples()),
            **({"gx_error": self.error} if self.error else {}),
        }


def _jsonable(value: Any) -> Any:
    """Make GX/numpy/pandas values JSON-serialisable (for metadata)."""
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set)):
        return [_jsonable(v) for v in value]
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return None if math.isnan(value) else value
    if hasattr(value, "item"):
        try:
            return _jsonable(value.item())
        except (ValueError, TypeError):
            pass
    return str(value)


def _exception_message(info: Any) -> str | None:
    """The message of an exception GX caught while computing a metric, if any."""
    if not isinstance(info, dict):
        return None
    if info.get("raised_exception"):
        return str(info.get("exception_message"))
    for value in info.values():
        if isinstance(value, dict) and (msg := _exception_message(value)):
            return msg
    return None


def _examples(df, result: dict, id_column: str | None, max_examples: int) -> list[Any]:
    indexes = result.get("unexpected_index_list") or []
    if id_column and id_column in df.columns and indexes:
        out: list[Any] = []
        for idx in indexes:
            idx = idx.get("index", idx) if isinstance(idx, dict) else idx
            try:
                value = df.loc[idx, id_column]
            except (KeyError, TypeError):
                continue
            if value not in out:
                out.append(value)
            if len(out) >= max_examples:
                break
        if out:
            return _jsonable(out)
    return _jsonable(list(result.get("partial_unexpected_list") or [])[:max_examples])


def merge_results(parts: list[SuiteResult], max_examples: int = 5) -> SuiteResult:
    """One result for a suite validated part by part (the same suite on disjoint rows, e.g. a
    long window read a few weeks at a time so that memory stays bounded): an expectation
    passes when it passed on every part, the unexpected counts add up, the examples are the
    first ``max_examples`` of the parts in order, a GX error of any part is the result's.
    Expectations over the rows as a whole (unique ids) hold per part only: the caller checks
    those across parts itself."""
    if not parts:
        raise ValueError("merge_results needs at least one part")
    out = SuiteResult(suite=parts[0].suite, rows=sum(p.rows for p in parts),
                      error=next((p.error for p in parts if p.error), None))
    validated = [p for p in parts if p.outcomes]
    if not validated:
        return out
    for same in zip(*(p.outcomes for p in validated)):
        first = same[0]
        if any(o.label() != first.label() for o in same):
            raise ValueError(f"parts of {out.suite} hold other expectations: {[o.label() for o in same]}")
        counts = [o.unexpected_count for o in same if o.unexpected_count is not None]
        failing = [o for o in same if not o.success]
        out.outcomes.append(ExpectationOutcome(
            expectation=first.expectation, column=first.column, success=not failing, severity=first.severity,
            unexpected_count=sum(counts) if counts else None,
            examples=[e for o in failing for e in o.examples][:max_examples],
            observed=(failing[0] if failing else same[-1]).observed, description=first.description))
    return out


def _forget_batch(batch_id: str) -> None:
    """Drop a validated frame from GX's execution engine: its batch manager keeps every batch's
    data it loaded, one frame per suite for the life of the process (a year's mart gates: 141 MB
    of key columns held into the publish). GX has no public call for it; the internals are
    touched defensively, so another GX version only keeps its cache."""
    try:
        manager = _state["datasource"].get_execution_engine().batch_manager
        manager.batch_data_cache.pop(batch_id, None)
        manager.reset_batch_cache()
    except (AttributeError, KeyError, TypeError):
        pass


def run_suite(df, suite, *, id_column: str | None = None, max_examples: int = 5) -> SuiteResult:
    """Validate ``df`` (pandas) against ``suite`` (an ExpectationSuite) in the ephemeral context.
    ``id_column`` names the column whose values identify failing rows in the examples."""
    out = SuiteResult(suite=suite.name, rows=len(df))
    try:
        frame = df.reset_index(drop=True)
        batch = _batch_definition(suite.name).get_batch(batch_parameters={"dataframe": frame})
        try:
            validation = batch.validate(suite, result_format={"result_format": "COMPLETE"})
        finally:
            _forget_batch(batch.id)
    except Exception as exc:  # noqa: BLE001 - a broken validation must fail the check, not pass
        out.error = f"{type(exc).__name__}: {exc}"
        return out
    for r in validation.results:
        config = r.expectation_config
        meta = config.meta or {}
        res = dict(r.result or {})
        raised = _exception_message(getattr(r, "exception_info", None))
        outcome = ExpectationOutcome(
            expectation=config.type,
            column=config.kwargs.get("column") or (
                f"{config.kwargs.get('column_A')}>={config.kwargs.get('column_B')}"
                if config.kwargs.get("column_A") else None),
            success=bool(r.success),
            severity=meta.get("severity", "error"),
            unexpected_count=res.get("unexpected_count"),
            observed=_jsonable(res.get("observed_value")),
            description=meta.get("description"),
        )
        if not r.success:
            outcome.examples = _examples(frame, res, id_column, max_examples)
            if raised:
                outcome.observed = f"GX raised: {raised}"[:500]
        out.outcomes.append(outcome)
    return out
