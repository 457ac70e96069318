"""Reading reports in the contract format, with a clear reason for every bad one.

A report file is a JSON object (a report, or ``{"report": {...}}`` as the evaluation
files hold), a JSON array of reports, or JSON Lines. ``iter_reports`` walks files and
folders and yields each report or a ``ReportError`` naming the input and the reason,
so one bad report never stops the others.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ingestion.models import Report

# Text beyond this is cut (with a warning) before extraction: a 50 MB "report" is an error
# of the source, not a report; 2 MB is ~300k words, far above any real article.
MAX_TEXT_CHARS = 2_000_000
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class ReportError:
    """A report that could not be read: where it came from and why."""

    origin: str  # file path (with line number for JSON Lines) or URL
    reason: str
    report_id: str | None = None
    raw: str | None = None  # the offending input, cut to a few kB, for quarantine
    source: str | None = None  # name of the configured source it came from, if any
    rule: str | None = None  # the quarantine rule; None means "unreadable_report"

    def __str__(self) -> str:
        rid = f" (report {self.report_id})" if self.report_id else ""
        return f"{self.origin}{rid}: {self.reason}"


def parse_published(value: Any) -> str:
    """Validate an ISO 8601 date or datetime; returns it normalised (date or datetime ISO)."""
    if not isinstance(value, str) or not value.strip():
        raise ValueError("'published' is missing or not a string")
    text = value.strip()
    try:
        if len(text) == 10:
            return dt.date.fromisoformat(text).isoformat()
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).isoformat()
    except ValueError:
        raise ValueError(f"'published' is not an ISO 8601 date: {text[:40]!r}") from None


def published_day(value: Any) -> dt.date:
    """The report's own day of its ``published`` value (the date as the report gave it,
    offset kept); raises ``ValueError`` like ``parse_published``: the one date parser."""
    return dt.date.fromisoformat(parse_published(value)[:10])


def clean_text(text: str) -> str:
    """Drop control characters (keeping newlines and tabs)."""
    return _CONTROL.sub("", text)


def _valid_unicode(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def parse_report(obj: Any, origin: str, *, source: str | None = None,
                 outlet: str | None = None, fetched_at: str | None = None) -> Report:
    """One report object → ``Report``; raises ``ValueError`` with the reason when invalid."""
    if isinstance(obj, dict) and "report" in obj and isinstance(obj["report"], dict):
        obj = obj["report"]
    if not isinstance(obj, dict):
        raise ValueError(f"expected a JSON object, got {type(obj).__name__}")
    rid = obj.get("id")
    if not isinstance(rid, (str, int)) or not str(rid).strip():
        raise ValueError("'id' is missing or empty")
    for key in ("id", "url", "outlet", "title", "language"):
        if isinstance(obj.get(key), str) and not _valid_unicode(obj[key]):
            raise ValueError(f"'{key}' is not valid Unicode (a lone surrogate)")
    text = obj.get("text")
    if not isinstance(text, str):
        raise ValueError("'text' is missing or not a string")
    text = clean_text(text)
    if not text.strip():
        raise ValueError("'text' is empty")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:  # lone surrogates ("\ud800") that JSON lets through
        raise ValueError(f"'text' is not valid Unicode: {exc.reason} at character {exc.start}") from None
    published = parse_published(obj.get("published"))

    def opt(key: str) -> str | None:
        v = obj.get(key)
        return str(v) if v not in (None, "") else None

    return Report(
        id=str(rid).strip(), published=published, text=text, url=opt("url"),
        outlet=opt("outlet") or outlet, title=opt("title"),
        language=(opt("language") or "en").lower(), source=source, fetched_at=fetched_at,
    )


def _raw(obj: Any) -> str:
    try:
        return json.dumps(obj, ensure_ascii=False)[:4000]
    except (TypeError, ValueError):
        return str(obj)[:4000]


def _id_of(obj: Any) -> str | None:
    if isinstance(obj, dict):
        inner = obj.get("report") if isinstance(obj.get("report"), dict) else obj
        rid = inner.get("id")
        return str(rid) if rid not in (None, "") else None
    return None


def _jsonl_lines(path: Path, max_line_bytes: int | None) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) of a JSON Lines file, read in binary; a line longer than
    ``max_line_bytes`` is skipped to its end and yielded as ``None``."""
    limit = max_line_bytes or -1
    with path.open("rb") as fh:
        n = 0
        while True:
            line = fh.readline(limit + 1 if limit > 0 else -1)
            if not line:
                return
            n += 1
            if limit > 0 and len(line) > limit and not line.endswith(b"\n"):
                while (rest := fh.readline(1 << 20)) and not rest.endswith(b"\n"):
                    pass
                yield n, None
                continue
            yield n, line


def _loads(raw: str | bytes) -> Any:
    """``json.loads`` that reports deep nesting as a ``ValueError`` (Python's parser recurses:
    200,000 brackets raise ``RecursionError``)."""
    try:
        return json.loads(raw)
    except RecursionError:
        raise ValueError("JSON nested too deeply") from None


def iter_objects(path: Path, *, max_line_bytes: int | None = None,
                 ) -> Iterator[tuple[str, Any] | ReportError]:
    """Yield (origin, JSON value) for each report object in a file, or a ReportError.
    JSON Lines are streamed line by line (``max_line_bytes`` bounds one line); a bad line
    is one error and the next lines go on."""
    if path.suffix == ".jsonl":  # streamed line by line: a large corpus is never held
        try:
            for n, line in _jsonl_lines(path, max_line_bytes):
                origin = f"{path}:{n}"
                if line is None:
                    yield ReportError(origin, f"line longer than {max_line_bytes} bytes", rule="line_too_large")
                    continue
                try:
                    text = line.decode("utf-8")
                except UnicodeDecodeError as exc:
                    yield ReportError(origin, f"not UTF-8: {exc.reason} at byte {exc.start}",
                                      raw=line[:4000].decode("utf-8", "replace"))
                    continue
                if not text.strip():
                    continue
                try:
                    yield origin, _loads(text)
                except json.JSONDecodeError as exc:
                    yield ReportError(origin, f"invalid JSON: {exc.msg}", raw=text[:4000])
                except ValueError as exc:
                    yield ReportError(origin, f"invalid JSON: {exc}", raw=text[:4000])
        except OSError as exc:
            yield ReportError(str(path), f"cannot read file: {exc}")
        return
    try:
        raw = path.read_text(encoding="utf-8-sig")  # a UTF-8 byte-order mark is allowed
    except UnicodeDecodeError as exc:
        yield ReportError(str(path), f"not UTF-8: {exc.reason} at byte {exc.start}")
        return
    except OSError as exc:
        yield ReportError(str(path), f"cannot read file: {exc}")
        return
    try:
        value = _loads(raw)
    except json.JSONDecodeError as exc:
        yield ReportError(str(path), f"invalid JSON: {exc.msg} at line {exc.lineno}", raw=raw[:4000])
        return
    except ValueError as exc:
        yield ReportError(str(path), f"invalid JSON: {exc}", raw=raw[:4000])
        return
    del raw
    if isinstance(value, list):
        for i, item in enumerate(value):
            yield f"{path}[{i}]", item
    else:
        yield str(path), value


def report_files(paths: Iterable[str | Path]) -> Iterator[Path | ReportError]:
    """Expand files and folders (recursively, ``*.json`` and ``*.jsonl``) in a stable order."""
    for p in paths:
        p = Path(p)
        if p.is_dir():
            yield from sorted(f for f in p.rglob("*") if f.is_file() and f.suffix in (".json", ".jsonl"))
        elif p.is_file():
            yield p
        else:
            yield ReportError(str(p), "no such file or folder")


def iter_reports(paths: Iterable[str | Path], *, max_line_bytes: int | None = None,
                 **meta: Any) -> Iterator[Report | ReportError]:
    """Every report in the given files/folders, streamed; bad ones as ``ReportError``."""
    for f in report_files(paths):
        if isinstance(f, ReportError):
            yield f
            continue
        for item in iter_objects(f, max_line_bytes=max_line_bytes):
            if isinstance(item, ReportError):
                yield item
                continue
            origin, obj = item
            try:
                yield parse_report(obj, origin, **meta)
            except (ValueError, TypeError, RecursionError) as exc:
                yield ReportError(origin, str(exc), report_id=_id_of(obj), raw=_raw(obj))
