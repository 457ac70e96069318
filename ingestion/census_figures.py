"""Census figures that reports state (population, urban wards), read in Python with evidence.

The census cross-check (``mart_census_crosscheck``) compares what a report says about a
place ("a town of some 100,000 people", "16 urban wards") with the 2014 census. The figures
are found here, once per report, when the facts are extracted, and land in
``raw.census_figures`` (one row per sentence and figure, the sentence as evidence); dbt only
matches the places they name. No regular expression ever runs over raw text in SQL.

Patterns (case-insensitive), as the cross-check has always read them:

- population: "<town|city|township|ward|village> of [about] N people|residents|inhabitants",
  "home to [more than] N people", "population of [some] N", "N residents at the 2014 census";
- urban_wards: "N urban wards", "N wards".

Bounded work: the text is cut at ``FRONTLINE_MAX_REPORT_CHARS`` before it gets here, only
sentences holding a digit are matched, a sentence is cut at ``MAX_SENTENCE_CHARS``, a
repeated (sentence, figure) counts once and a report yields at most ``MAX_FIGURES_PER_REPORT``.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from typing import Any

import duckdb

from ingestion import tables
from ingestion.batching import batched
from ingestion.models import Report

MAX_SENTENCE_CHARS = 2_000
MAX_FIGURES_PER_REPORT = 1_000
_SENTENCE_END = re.compile(r"[.!?][\"”’]?\s+|\n+")
_HEDGE = (r"(?:(?:some|about|around|roughly|nearly|almost|over|more than|fewer than|less than|"
          r"approximately)\s+)?")
_PEOPLE = r"(?:people|residents|inhabitants)"
_NUMBER = r"([0-9][0-9,]*)"
POPULATION_PATTERNS = tuple(re.compile(p, re.I) for p in (
    rf"\b(?:town|city|township|ward|village)\s+of\s+{_HEDGE}{_NUMBER}\s+{_PEOPLE}",
    rf"\bhome to\s+{_HEDGE}{_NUMBER}\s+{_PEOPLE}",
    rf"\bpopulation of\s+{_HEDGE}{_NUMBER}",
    rf"{_NUMBER}\s+{_PEOPLE}\s+(?:at|in|according to)\s+the\s+(?:2014\s+)?census",
))
WARD_PATTERN = re.compile(r"\b([0-9]+)\s+(?:urban\s+)?wards\b", re.I)
_TOWNSHIP = re.compile(r"\btownship\b", re.I)
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
# A word every pattern above needs (matched as they match: ignoring case): a sentence
# without any of them states no figure.
_FIGURE_WORD = re.compile(r"people|residents|inhabitants|population|wards", re.I)
_DIGIT = re.compile(r"[0-9]")  # every figure pattern needs an ASCII digit: a sentence without one states none


@dataclass(frozen=True)
class CensusFigure:
    """One figure a report states, with the sentence that states it."""

    report_id: str
    sentence_number: int  # 1-based position of the sentence in the text
    metric: str  # population | urban_wards
    stated_value: int
    evidence: str  # the sentence
    sentence_norm: str  # lower case, letters and digits only: matched against place names
    names_township: bool  # the sentence says "township"


def sentences(text: str) -> Iterator[tuple[int, str]]:
    """(1-based number, sentence) of a text, split as the cross-check always did."""
    start, n = 0, 0
    for m in _SENTENCE_END.finditer(text):
        n += 1
        yield n, text[start:m.start() + (1 if text[m.start()] in ".!?" else 0)].strip()
        start = m.end()
    if start < len(text):
        yield n + 1, text[start:].strip()


def _number(text: str) -> int | None:
    digits = text.replace(",", "")
    return int(digits) if digits.isdigit() and len(digits) <= 15 else None


def figures_in_sentence(sentence: str) -> list[tuple[str, int]]:
    """(metric, value) pairs a sentence states: the first population pattern that matches,
    and a number of wards."""
    out: list[tuple[str, int]] = []
    for pattern in POPULATION_PATTERNS:
        m = pattern.search(sentence)
        if m and (value := _number(m.group(1))) is not None:
            out.append(("population", value))
            break
    m = WARD_PATTERN.search(sentence)
    if m and (value := _number(m.group(1))) is not None:
        out.append(("urban_wards", value))
    return out


def census_figures(report: Report) -> list[CensusFigure]:
    """Every census figure the report states; the same sentence stating the same figure again
    counts once, and at most ``MAX_FIGURES_PER_REPORT`` are kept."""
    found: list[CensusFigure] = []
    seen: set[tuple[str, int, str]] = set()
    for number, sentence in sentences(report.text):
        if not _DIGIT.search(sentence):  # a regular expression: a generator over the characters cost ~5% of a worker
            continue
        sentence = sentence[:MAX_SENTENCE_CHARS]
        if not _FIGURE_WORD.search(sentence):  # one pass instead of five patterns that all need one
            continue
        norm = None
        for metric, value in figures_in_sentence(sentence):
            norm = norm if norm is not None else _NOT_ALNUM.sub("", sentence.lower())
            if (metric, value, norm) in seen:
                continue
            seen.add((metric, value, norm))
            found.append(CensusFigure(
                report_id=report.id, sentence_number=number, metric=metric, stated_value=value,
                evidence=sentence, sentence_norm=norm, names_township=bool(_TOWNSHIP.search(sentence))))
            if len(found) >= MAX_FIGURES_PER_REPORT:
                return found
    return found


# ---------------------------------------------------------------- raw.census_figures

COLUMNS = tables.CENSUS_FIGURES_COLUMNS


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    tables.ensure(con, "raw.census_figures")


def figure_rows(report: Report, *, run_id: str, extracted_at: dt.datetime,
                content_hash: str | None = None) -> list[dict[str, Any]]:
    """The rows of ``raw.census_figures`` for one report (``content_hash``: the report's,
    when the caller has it already)."""
    figures = census_figures(report)
    if not figures:
        return []
    digest = content_hash or report.content_hash
    return [{**asdict(f), "content_hash": digest, "published_date": report.published_date,
             "run_id": run_id, "extracted_at": extracted_at} for f in figures]


def replace_window(con: duckdb.DuckDBPyConnection, rows: Iterable[dict[str, Any]], start: str, end: str,
                   *, batch_size: int = 20_000) -> int:
    """Replace the figures of reports published in [start, end) by ``rows`` (may be a
    generator) in one transaction; returns the count."""
    import pandas as pd

    ensure_schema(con)
    con.execute("begin transaction")
    try:
        con.execute("delete from raw.census_figures where published_date >= ? and published_date < ?",
                    [start, end])
        written = 0
        for batch in batched(rows, batch_size):
            frame = pd.DataFrame(batch, columns=list(COLUMNS))
            con.register("_census_incoming", frame)
            try:
                casts = ", ".join(f'cast("{c}" as {t})' for c, t in COLUMNS.items())
                con.execute(f"insert into raw.census_figures select {casts} from _census_incoming")
            finally:
                con.unregister("_census_incoming")
            written += len(batch)
        con.execute("commit")
    except BaseException:
        con.execute("rollback")
        raise
    return written
