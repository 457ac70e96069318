"""A folder of report files, read recursively in a stable order.

- ``*.json`` / ``*.jsonl``: reports in the contract format (``ingestion.reports``).
- ``*.txt``: optional header lines first (``Title:``, ``Published: YYYY-MM-DD``, ``URL:``,
  ``Id:``, ``Outlet:``, ``Language:``), then the text. Without ``Title:`` the first line is
  the title; without ``Published:`` the file's modification date (UTC) is used.
- ``*.html`` / ``*.htm``: main text by trafilatura; title and date from the page metadata,
  else the modification date.

The id of a txt/html report is its ``Id:``/``URL:``/canonical URL when given, else
``<source name>:<relative path>``: an edited file is a new *version* of the same report
(the raw store keys versions on id + content hash), not a second report.
Hidden files and other suffixes are skipped.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

from ingestion.models import Report
from ingestion.reports import ReportError, clean_text, iter_reports, parse_published
from ingestion.sources.article import extract_article
from ingestion.sources.base import ItemStream, SourceError
from ingestion.sources.config import FolderSource

REPORT_SUFFIXES = (".json", ".jsonl")
TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
_HEADER = re.compile(r"^(title|published|date|url|id|outlet|language)\s*:\s*(.*?)\s*$", re.I)
_RAW_MAX = 4000


def folder_files(root: Path) -> Iterator[Path]:
    """Readable report files under ``root``, sorted, skipping hidden files and folders."""
    suffixes = REPORT_SUFFIXES + TEXT_SUFFIXES + HTML_SUFFIXES
    for f in sorted(root.rglob("*")):
        rel = f.relative_to(root)
        if any(part.startswith(".") for part in rel.parts):
            continue
        if f.is_file() and f.suffix.lower() in suffixes:
            yield f


def _mtime_date(path: Path) -> str:
    return dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC).date().isoformat()


def _split_headers(raw: str) -> tuple[dict[str, str], str]:
    headers: dict[str, str] = {}
    lines = raw.splitlines()
    i = 0
    while i < len(lines) and (m := _HEADER.match(lines[i])):
        key = m.group(1).lower()
        headers["published" if key == "date" else key] = m.group(2)
        i += 1
    if headers and i < len(lines) and not lines[i].strip():
        i += 1
    return headers, "\n".join(lines[i:])


def header_date(value: str) -> str:
    """A ``Published:`` header: ISO 8601, else a written date ("3 March 2025", "March 3,
    2025") read by dateparser; raises ``ValueError`` when it is neither."""
    try:
        return parse_published(value)
    except ValueError as not_iso:
        import dateparser

        parsed = dateparser.parse(value, languages=["en"],
                                  settings={"STRICT_PARSING": True, "RETURN_AS_TIMEZONE_AWARE": False,
                                            "PARSERS": ["absolute-time"]})  # "last week": relative to what?
        if parsed is None:
            raise ValueError(f"{not_iso}, nor a written date") from None
        return parsed.date().isoformat()


def read_text_report(path: Path, root: Path, source: FolderSource, fetched_at: str | None) -> Report:
    """A ``.txt`` file → Report; raises ``ValueError`` with the reason."""
    raw = path.read_text(encoding="utf-8")
    headers, body = _split_headers(raw.lstrip("\ufeff"))
    text = clean_text(body).strip()
    if not text:
        raise ValueError("the file has no text")
    title = headers.get("title") or None
    if title is None:
        first = next((line.strip() for line in text.splitlines() if line.strip()), "")
        title = first if len(first) <= 300 else None
    published = header_date(headers["published"]) if "published" in headers else _mtime_date(path)
    url = headers.get("url") or None
    rid = headers.get("id") or url or f"{source.name}:{path.relative_to(root).as_posix()}"
    return Report(id=rid, published=published, text=text, url=url,
                  outlet=headers.get("outlet") or source.outlet, title=title,
                  language=(headers.get("language") or source.language or "en").lower(),
                  source=source.name, fetched_at=fetched_at)


def read_html_report(path: Path, root: Path, source: FolderSource, fetched_at: str | None) -> Report:
    """An ``.html`` file → Report; raises ``ValueError`` with the reason."""
    article = extract_article(path.read_bytes())
    if not article.text:
        raise ValueError("no main text found in the HTML")
    rid = article.url or f"{source.name}:{path.relative_to(root).as_posix()}"
    return Report(id=rid, published=article.published or _mtime_date(path), text=article.text,
                  url=article.url, outlet=source.outlet, title=article.title,
                  language=(article.language or source.language or "en"),
                  source=source.name, fetched_at=fetched_at)


def iter_folder(source: FolderSource, fetched_at: str | None = None) -> ItemStream:
    """Every report in the folder, or a ``ReportError`` naming the file and the reason."""
    root = source.path
    if not root.is_dir():
        raise SourceError(f"folder not found: {root}")
    for f in folder_files(root):
        suffix = f.suffix.lower()
        if suffix in REPORT_SUFFIXES:
            for item in iter_reports([f], source=source.name, outlet=source.outlet, fetched_at=fetched_at):
                yield item
            continue
        reader = read_text_report if suffix in TEXT_SUFFIXES else read_html_report
        try:
            yield reader(f, root, source, fetched_at)
        except (OSError, UnicodeDecodeError) as exc:
            yield ReportError(str(f), f"cannot read file: {exc}")
        except ValueError as exc:
            yield ReportError(str(f), str(exc), raw=_head(f))


def _head(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8", errors="replace")[:_RAW_MAX]
    except OSError:
        return None
