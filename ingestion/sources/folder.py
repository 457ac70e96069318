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

Only regular files inside the folder are read: a symbolic link that leads outside it (or
to something that is not a regular file) is skipped and named as a ``SourceWarning``;
links to folders are not followed. Every file is read on its own: whatever goes wrong with
one (too large, undecodable, nested 200,000 levels deep, a parser crash) becomes a
``ReportError`` naming the file, the rule and the reason, and the other files go on.
"""
from __future__ import annotations

import datetime as dt
import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path

from ingestion.models import Report
from ingestion.reports import ReportError, clean_text, iter_reports, parse_published
from ingestion.sources.article import extract_article
from ingestion.limits import Limits, limits as current_limits
from ingestion.sources.base import ItemStream, SourceError, SourceWarning
from ingestion.sources.config import FolderSource

REPORT_SUFFIXES = (".json", ".jsonl")
TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
_HEADER = re.compile(r"^(title|published|date|url|id|outlet|language)\s*:\s*(.*?)\s*$", re.I)
_RAW_MAX = 4000
MIN_HTML_WORDS = 8  # fewer words of main text in an HTML file: not a report


SUFFIXES = REPORT_SUFFIXES + TEXT_SUFFIXES + HTML_SUFFIXES


def _inside(path: Path, root: Path) -> bool:
    try:
        path.relative_to(root)
        return True
    except ValueError:
        return False


def folder_entries(root: Path) -> Iterator[Path | SourceWarning]:
    """Report files under ``root`` (sorted; hidden files and folders skipped), and a
    ``SourceWarning`` for each entry with a report suffix that is not read: a link leading
    outside the folder, a link to a folder (never followed), or not a regular file."""
    real_root = root.resolve()
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        here = Path(dirpath)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for d in dirnames:
            if (here / d).is_symlink():
                yield SourceWarning(str(here / d), "link_not_followed",
                                    f"link to a folder ({os.path.realpath(here / d)}) is not followed")
        for name in sorted(filenames):
            f = here / name
            if name.startswith(".") or f.suffix.lower() not in SUFFIXES:
                continue
            if f.is_symlink():
                target = Path(os.path.realpath(f))
                if not _inside(target, real_root):
                    yield SourceWarning(str(f), "link_outside_folder",
                                        f"link to {target}, outside the folder {real_root}: not read")
                    continue
            try:
                mode = f.stat().st_mode
            except OSError as exc:
                yield SourceWarning(str(f), "not_a_regular_file", f"cannot stat: {exc.strerror or exc}")
                continue
            if not stat.S_ISREG(mode):
                yield SourceWarning(str(f), "not_a_regular_file", "not a regular file: not read")
                continue
            yield f


def folder_files(root: Path) -> Iterator[Path]:
    """Readable report files under ``root`` (see ``folder_entries``), sorted."""
    for entry in folder_entries(root):
        if isinstance(entry, Path):
            yield entry


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
    words = len(article.text.split())
    if words < MIN_HTML_WORDS:  # a navigation bar or a title is not an article
        raise ValueError(f"no main text found in the HTML (only {words} words)")
    rid = article.url or f"{source.name}:{path.relative_to(root).as_posix()}"
    return Report(id=rid, published=article.published or _mtime_date(path), text=article.text,
                  url=article.url, outlet=source.outlet, title=article.title,
                  language=(article.language or source.language or "en"),
                  source=source.name, fetched_at=fetched_at)


def read_folder_file(path: Path, root: Path, source: FolderSource, fetched_at: str | None = None,
                     limits: Limits | None = None) -> ItemStream:
    """The reports of one file, or ``ReportError``s naming it: never raises, so one file
    never stops the others."""
    limits = limits or current_limits()
    suffix = path.suffix.lower()
    try:
        size = path.stat().st_size
        if suffix != ".jsonl" and size > limits.max_file_bytes:  # JSON Lines: per line
            yield ReportError(str(path), f"file of {size} bytes is larger than the limit of "
                              f"{limits.max_file_bytes} bytes (FRONTLINE_MAX_FILE_BYTES)",
                              rule="file_too_large", source=source.name)
            return
        if suffix in REPORT_SUFFIXES:
            yield from iter_reports([path], source=source.name, outlet=source.outlet,
                                    fetched_at=fetched_at, max_line_bytes=limits.max_file_bytes)
            return
        reader = read_text_report if suffix in TEXT_SUFFIXES else read_html_report
        yield reader(path, root, source, fetched_at)
    except (OSError, UnicodeDecodeError) as exc:
        yield ReportError(str(path), f"cannot read file: {exc}")
    except RecursionError:
        yield ReportError(str(path), "nested too deeply to parse", rule="unreadable_file", raw=_head(path))
    except ValueError as exc:
        yield ReportError(str(path), str(exc), raw=_head(path))
    except Exception as exc:  # noqa: BLE001 - a parser bug on one file must not stop the folder
        yield ReportError(str(path), f"{type(exc).__name__}: {exc}"[:1000], rule="unreadable_file",
                          raw=_head(path))


def iter_folder(source: FolderSource, fetched_at: str | None = None,
                limits: Limits | None = None) -> ItemStream:
    """Every report in the folder, a ``ReportError`` naming each bad file and the reason, and
    a ``SourceWarning`` for each entry skipped on purpose. Raises ``SourceError`` only when
    the folder itself cannot be listed."""
    root = source.path
    if not root.is_dir():
        raise SourceError(f"folder not found: {root}")
    limits = limits or current_limits()
    for entry in folder_entries(root):
        if isinstance(entry, SourceWarning):
            yield entry
        else:
            yield from read_folder_file(entry, root, source, fetched_at, limits)


def _head(path: Path) -> str | None:
    try:
        with path.open("rb") as fh:
            return fh.read(_RAW_MAX).decode("utf-8", errors="replace")
    except OSError:
        return None
