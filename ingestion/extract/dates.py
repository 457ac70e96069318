"""Dates in report text, resolved against the publication day.

Fast regular expressions only (no dateparser in the hot path). Every expression becomes a
``DateSpan``: an interval of days (``start``..``end``, ``end == start`` for one day), its
precision, and whether it is *relative to the previous date* of the paragraph ("two days
later", "the same day"), which the caller resolves against its anchor.

Reports tell of the past: no date found here is after the publication day. A date without a
year ("March 7", "on Friday") is the most recent such day on or before publication; an
interval that runs past publication ("late March", "since May") ends on the publication day;
a day after publication ("on 12 June 2026", "next Friday", "March 7" in a report of March 5)
is a plan or a deadline, not when something happened, and is not a date at all.
"""
from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import re
from dataclasses import dataclass

from ingestion.extract.scan import FirstCharDispatch, finditer_from, first_chars, starts_re

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
NUM_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
             "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}

_MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
_WDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_NUMW = r"(?:\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_YEAR = r"(?:19[5-9]\d|20\d\d)"

_RANGE_TO = r"(?:\s*(?:-|–|to|and|until|till|through)\s*)"
# "May 4 last year", "in June of this year": a day or month named with the year counted from publication
_LAST_YEAR = r"(?:,?\s+(?:of\s+)?(?:last|this|the\s+previous)\s+year)"

_SINCE = r"(?P<since>\bsince\s+(?:the\s+start\s+of\s+|early\s+|late\s+|mid-?)?)?"
# the alternatives of DATE_RE, in order (a date is the first that matches)
_DATE_ALTERNATIVES = (
    rf"""(?P<dmy>\b(?:(?P<d0>\d{{1,2}})(?:st|nd|rd|th)?{_RANGE_TO})?(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>{_MONTH})\.?(?:,?\s+(?P<y1>{_YEAR})|(?P<l1>{_LAST_YEAR}))?\b)""",
    rf"""(?P<mdy>\b(?P<m2>{_MONTH})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b(?:{_RANGE_TO}(?P<d2b>\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s+(?:people|men|women|[a-z]+s)\b))?(?!\s*(?:%|percent|km|miles))(?:,?\s+(?P<y2>{_YEAR})\b|(?P<l2>{_LAST_YEAR})\b)?)""",
    # "the last week of April", "the first two weeks of June", "the final days of last month",
    # "the second half of May": a part of a named month (or of this or last month)
    rf"""(?P<wof>\b(?:in\s+the\s+|the\s+)?(?P<wo>first|second|third|fourth|last|final|closing|opening)\s+(?:(?P<wn>two|three|few|couple\s+of)\s+)?(?P<wun>weeks?|days|fortnight|half)\s+of\s+(?:(?P<wm>{_MONTH})\b(?:\s+(?P<wy>{_YEAR})|(?P<wl>{_LAST_YEAR}))?|(?P<wtm>this|last|the\s+previous)\s+month\b))""",
    # "the first half of the year", "the third quarter of 2024", "the first three months of last year"
    rf"""(?P<yof>\b(?:in\s+the\s+|the\s+)?(?P<yo>first|second|third|fourth|last|final)\s+(?:(?P<yn>two|three|four|five|six|few)\s+)?(?P<yu>months|half|quarter)\s+of\s+(?:(?P<yy2>{_YEAR})\b|(?P<ytl>the|this|last|the\s+previous)\s+year\b))""",
    # "in recent weeks", "over the past few days", "in recent months"
    rf"""(?P<recent>\b(?:recent|the\s+(?:past|last)\s+(?:few|several|couple\s+of))\s+(?P<reu>days|weeks|months)\b)""",
    rf"""(?P<part>\b(?P<pq>early|late|mid-?|the\s+end\s+of|the\s+start\s+of|the\s+beginning\s+of|the\s+middle\s+of)\s*(?P<m3>{_MONTH})(?:\s+(?P<y3>{_YEAR})|(?P<l3>{_LAST_YEAR}))?\b)""",
    # "between March and May", "from April to June", "March-April": months end to end
    rf"""(?P<mm>\b(?P<m5>{_MONTH})\.?(?:\s*[-–/]\s*|\s+(?:to|and|through|until|till)\s+)(?P<m6>{_MONTH})\b(?!\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b)(?:,?\s+(?P<y5>{_YEAR})\b|(?P<l5>{_LAST_YEAR})\b)?)""",
    rf"""(?P<my>\b(?P<m4>{_MONTH})(?:\s+(?P<y4>{_YEAR})|(?P<l4>{_LAST_YEAR}))?\b)""",
    rf"""(?P<ord>(?:(?<=\bthe\s)|(?<=\b[Oo]n\s))\b(?P<od>[12]\d|3[01]|[1-9])(?:st|nd|rd|th)\b(?:(?P<olm>\s+of\s+(?:this|last|the\s+previous|the)\s+month\b)|(?!\s*,\s*\d)(?=\s*[,.;)]|\s*$|\s+(?:and|when|as|at|in|after|before|during|while)\b)))""",
    rf"""(?P<iso>\b(?P<iy>{_YEAR})-(?P<im>\d\d)-(?P<id>\d\d)\b)""",
    rf"""(?P<num>\b(?P<n1>\d{{1,2}})(?P<ns>[/.-])(?P<n2>\d{{1,2}})(?P=ns)(?P<n3>20\d\d)\b|\b(?P<n4>20\d\d)(?P<ns2>[/.-])(?P<n5>\d{{1,2}})(?P=ns2)(?P<n6>\d{{1,2}})\b)""",
    rf"""(?P<wd>\b(?:(?P<wq>last|this|on|early\s+on|late\s+on)\s+)?(?P<w>{_WDAY})(?:\s+(?:night|morning|afternoon|evening))?(?P<wlw>,?\s+(?:of\s+)?last\s+week)?\b)""",
    rf"""(?P<yday>\b(?:yesterday|today|tonight|this\s+morning)\b)""",
    rf"""(?P<rel>\b(?P<rn>{_NUMW})\s+(?P<ru>days?|weeks?|fortnights?)\s+(?P<rd>later|earlier|ago|before|after)\b)""",
    # "two months later", "a month after": about that many months from the date told before
    rf"""(?P<relm>\b(?P<mn>{_NUMW})\s+months?\s+(?P<md>later|earlier|before|after)\b)""",
    # "days later", "a few weeks after": a stretch after (or before) the date told before
    rf"""(?P<vague>\b(?:(?:a\s+few|few|several|some)\s+)?(?P<vu>days|weeks|months)\s+(?P<vd>later|earlier|before|after)\b)""",
    rf"""(?P<ago>\b(?P<an>{_NUMW})\s+(?P<au>months?|years?)\s+ago\b)""",
    rf"""(?P<few>\b(?:a\s+few|few|several)\s+(?P<fu>days|weeks|months)\s+ago\b)""",
    rf"""(?P<rel1>\b(?:the\s+(?:previous|next|following)\s+(?:night|day|morning|evening)|the\s+(?:day|night)\s+(?:before|after)|(?:later\s+|on\s+)?that\s+(?:same\s+)?(?:day|night|morning|afternoon|evening)|the\s+same\s+(?:day|night|morning|afternoon|evening|date)|a\s+day\s+(?:earlier|later|before|after))\b)""",
    rf"""(?P<wk>\b(?:last|this|the\s+past|the\s+previous|earlier\s+this|the\s+same)\s+(?P<wu>week|weekend|month|year)\b|\b(?:at|over)\s+the\s+weekend\b|\bthe\s+weekend\b|\bthe\s+(?:start|beginning)\s+of\s+the\s+(?P<su>month|year|week)\b)(?!\s+of\s)""",
    rf"""(?P<past>\b(?:in\s+)?the\s+(?:past|last)\s+(?P<pn>{_NUMW})\s+(?P<pu>days|weeks|months)\b)""",
    rf"""(?P<year>\b(?:in|since|during|of|by)\s+(?P<yy>{_YEAR})\b|\b(?P<yq>early|late|mid)(?:-|\s+)(?P<yq_y>{_YEAR})\b)""",
)
DATE_RE = re.compile(rf"{_SINCE}(?:{'|'.join(_DATE_ALTERNATIVES)})", re.X | re.I)


def _date_dispatch() -> FirstCharDispatch:
    """DATE_RE tried through the alternatives that can open with the character at the position
    tried (a few of the sixteen): each of the others is made to fail at once (``(?!)`` before
    it), so every group is kept and the same alternative wins (``scan.FirstCharDispatch``;
    ``test_dates`` compares). "since" may open any alternative: after an "s" all are tried."""
    flags = re.X | re.I
    since = first_chars(_SINCE[:-1], flags)  # the group made not optional: what "since" opens with
    opens = [first_chars(alt, flags) for alt in _DATE_ALTERNATIVES]
    variants: dict[tuple[bool, ...], re.Pattern] = {}
    by_char: dict[str, re.Pattern] = {}
    for ch in map(chr, range(128)):
        low = ch.lower()
        keep = tuple(since is None or low in since or o is None or low in o for o in opens)
        if keep not in variants:
            alts = [alt if k else "(?!)" + alt for alt, k in zip(_DATE_ALTERNATIVES, keep)]
            variants[keep] = re.compile(rf"{_SINCE}(?:{'|'.join(alts)})", flags)
        by_char[ch] = variants[keep]
    return FirstCharDispatch(DATE_RE, by_char)


DATE_DISPATCH = _date_dispatch()
# where a date can start (lower-cased text; a space for any white space): every match of
# DATE_RE opens with one of these word beginnings (proved in ``test_scan``), so DATE_RE is only
# tried there (see ``scan.finditer_from``). A short function word counts only with the word the
# alternatives opening with it need next: "a day", "on Friday", "in 2024", "the same".
_WD3 = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DATE_WORD_STARTS = (
    *"0123456789", "a day", "a week", "an day", "an week", "at the weekend", "over the weekend",
    "a month", "a year", "an month", "an year",
    *(f"on {d}" for d in _WD3), "in the ", "in 1", "in 2", "of 1", "of 2", "by 1", "by 2",
    *(f"the {w}" for w in ("previous", "next", "day", "night", "same", "past", "last", "weekend", "start", "end",
                           "beginning", "following")),
    *(f"that {w}" for w in ("day", "night", "morning", "afternoon", "evening", "same")), "on that ", "a few", "few ",
    "several",
    *(f"this {w}" for w in (*_WD3, "morning", "week", "month", "year")),
    *(f"last {w}" for w in (*_WD3, "week", "month", "year")),
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    *(f"{d}day" for d in ("mon", "tues", "wednes", "thurs", "fri", "satur", "sun")),
    "earl", "late", "mid", "since", "yesterday", "today", "tonight", "one", "two", "three", "four", "five", "six",
    "seven", "eight", "nine", "ten", "eleven", "twelve", "during", "a fortnight", "an fortnight", "a month",
    "an month", *(f"the {w}" for w in ("first", "second", "third", "fourth", "final", "closing", "opening", "middle")),
    *(f"{o} {w}" for o in ("first", "second", "third", "fourth", "final", "closing", "opening", "last")
      for w in ("week", "two", "three", "few", "couple", "days", "fortnight", "half")),
    *(f"{u} {w}" for u in ("days", "weeks", "months") for w in ("later", "earlier", "before", "after")), "some ",
    "recent days", "recent weeks", "recent months", "the past few", "the past several", "the past couple",
    "the last few", "the last several", "the last couple",
    *(f"{o} {w}" for o in ("first", "second", "third", "fourth", "last", "final")
      for w in ("months", "quarter", "four", "five", "six")))
DATE_STARTS = starts_re(DATE_WORD_STARTS, shared=True)
# lowercase month names that are also words ("may", "march") need a capital to count
_WORDY_MONTHS = {"may", "march", "jan", "mar", "sep", "sept", "dec", "june", "july", "aug"}


_NEXT_BEFORE = re.compile(r"\b(?:[Nn]ext|[Cc]oming)\s+$")
_PREV_WORD = re.compile(r"\b([A-Z][\w'’-]*)\s+$")
_LEAD_WORDS = {"In", "By", "Since", "Until", "Till", "From", "Early", "Late", "Mid", "Last", "Of", "Through",
               "During", "Before", "After", "Since", "Throughout", "Around", "Between", "And", "To", "Next", "This",
               "On", "Also", "Then", "Later", "Earlier", "Both", "Or", "Into"}


@dataclass(frozen=True)
class DateSpan:
    start: int  # offset in the searched string
    end: int
    first: dt.date | None  # None when relative to the anchor (see ``offset``)
    last: dt.date | None
    precision: str
    relative: int | None = None  # days after the anchor for "N days later", "the same day"
    since: bool = False
    weekday: bool = False  # named by its weekday only ("on Monday")
    length: int = 0  # days a relative span runs past its first day ("two months later", "days later")
    deictic: bool = False  # counted from the day of writing ("yesterday", "two days ago")

    def resolve(self, anchor: dt.date | None, pub: dt.date | None = None,
                anchor_last: dt.date | None = None) -> tuple[dt.date, dt.date] | None:
        """(first, last) of the span; a relative one counts from ``anchor`` and, when ``pub``
        is given, stops at the publication day ("two days later" cannot be after it). A
        stretch ("two months later", "weeks later") counts from the whole of an anchor that
        runs to ``anchor_last`` ("in March … two months later": May, wherever in it)."""
        if self.first is not None:
            return self.first, self.last or self.first
        if anchor is None or self.relative is None:
            return None
        day = anchor + dt.timedelta(days=self.relative)
        last = day + dt.timedelta(days=self.length)
        if self.length and anchor_last is not None and anchor_last > anchor:
            last += anchor_last - anchor
        if pub is not None and last > pub:
            last = pub
        if pub is not None and day > pub:
            day = pub
        return day, last

    def mirrored(self) -> "DateSpan":
        """The relative span read the other way: what "two days after X" says of X (two days
        before the date it counts to), "a day before X" (a day after)."""
        return dataclasses.replace(self, relative=-((self.relative or 0) + self.length))


def not_after(first: dt.date | None, last: dt.date | None, pub: dt.date) -> tuple[dt.date | None, dt.date | None]:
    """The guard every fact date passes: nothing after the publication day ``pub``.

    An interval running past ``pub`` ends on ``pub``; a day after ``pub`` is no event date
    (``(None, None)``)."""
    if first is not None and first > pub:
        return None, None
    if last is not None and last > pub:
        last = pub
    return first, last


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _month_bounds(y: int, m: int) -> tuple[dt.date, dt.date]:
    return dt.date(y, m, 1), dt.date(y, m, calendar.monthrange(y, m)[1])


# a day without a year this close after publication is a plan or deadline ("by March 7"), not last year's
NEAR_FUTURE = dt.timedelta(days=3)


def _year_for(month: int, day: int, pub: dt.date) -> int:
    """The year of a (month, day) named without one: that of publication when the day is on or
    before ``pub`` or only days after it (a near-future day, dropped by ``_resolve``), else the
    year before (a past day: "December 10" in a March report)."""
    cand = _safe_date(pub.year, month, min(day, 28 if month == 2 else day))
    if cand and cand > pub + NEAR_FUTURE:
        return pub.year - 1
    return pub.year


_AND = re.compile(r"\d\s+and\s+\d", re.I)
_WEEK_BEFORE = re.compile(r"\bweek\s+(ending|to|of|beginning|starting)\s+(?:on\s+)?$", re.I)
_BETWEEN = re.compile(r"\bbetween\s+$", re.I)


def _is_range(m: re.Match) -> bool:
    """Two days joined by "and" are an interval only after "between" ("between 5 and 8 June";
    "21 died on June 3 and 8 more on June 4" is a day and a count)."""
    return not _AND.search(m.group(0)) or bool(_BETWEEN.search(m.string, max(0, m.start() - 10), m.start()))


def _ordinal_day(day: int, last_month: bool, mk, pub: dt.date) -> DateSpan | None:
    """"the 28th" (of this month, or the month before when that is after publication), "the
    3rd of last month"."""
    first = pub.replace(day=1)
    if last_month or day > pub.day:
        first = (first - dt.timedelta(days=1)).replace(day=1)
    day_ = _safe_date(first.year, first.month, day)
    return mk(day_, day_, "day") if day_ else None


_WEEK_OF = {"first": 0, "opening": 0, "second": 1, "third": 2, "fourth": 3}


def _part_of_year(m: re.Match, mk, pub: dt.date) -> DateSpan | None:
    """"the first half of the year", "the second quarter of 2024", "the first three months of
    last year", "the last two months of 2023"."""
    g = m.group
    if g("yy2"):
        y = int(g("yy2"))
    else:
        y = pub.year - 1 if re.match(r"last|the\s+previous", g("ytl"), re.I) else pub.year
    which, unit = g("yo").lower(), g("yu").lower()
    if unit == "half":
        months = 6
        index = 0 if which == "first" else 1
    elif unit == "quarter":
        months = 3
        index = 3 if which in ("last", "final") else _WEEK_OF.get(which, 0)
    else:
        months = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}.get((g("yn") or "three").lower(), 3)
        index = 0 if which == "first" else None
        if index is None and which not in ("last", "final"):
            return None  # "the second three months of": not said
    lo_month = 1 + index * months if index is not None else 13 - months
    hi_month = min(12, lo_month + months - 1)
    return mk(dt.date(y, lo_month, 1), _month_bounds(y, hi_month)[1], "month")


def _part_of_month(m: re.Match, mk, pub: dt.date) -> DateSpan | None:
    """"the last week of April" (its last seven days), "the first two weeks of June", "the
    second week of May" (days 8-14), "the final days of last month" (its last ten), "the
    first half of June"."""
    g = m.group
    if g("wm"):
        if not _check_month(g("wm")):
            return None
        month = MONTHS[g("wm").lower().rstrip(".")]
        y = int(g("wy")) if g("wy") else _counted_year(g("wl"), pub) or _year_for(month, 1, pub)
    else:
        first = pub.replace(day=1)
        if g("wtm").lower() != "this":
            first = (first - dt.timedelta(days=1)).replace(day=1)
        y, month = first.year, first.month
    first, last = _month_bounds(y, month)
    which, unit = g("wo").lower(), g("wun").lower()
    n = 2 if g("wn") else 1
    if unit == "half":
        days = 15
    elif unit == "days":
        days = 7 if which in ("first", "opening") else 10
    else:
        days = 7 * n * (2 if unit == "fortnight" else 1)
    if which in _WEEK_OF:
        lo = first + dt.timedelta(days=_WEEK_OF[which] * days)
        hi = min(lo + dt.timedelta(days=days - 1), last)
    else:  # last, final, closing
        hi, lo = last, max(first, last - dt.timedelta(days=days - 1))
    if unit == "half" and which != "first":
        lo, hi = first + dt.timedelta(days=15), last
    if lo > last:
        return None
    return mk(lo, hi, "week")


def _numeric(m: re.Match, mk, pub: dt.date) -> DateSpan | None:
    """"4/6/2025", "04.06.2025" (day first, unless that is no date or after publication and
    month first is one), "2025/06/04"."""
    g = m.group
    if g("n4"):
        day_ = _safe_date(int(g("n4")), int(g("n5")), int(g("n6")))
        return mk(day_, day_, "day") if day_ else None
    y, a, b = int(g("n3")), int(g("n1")), int(g("n2"))
    day_ = _safe_date(y, b, a)
    if day_ is None or day_ > pub:
        day_ = _safe_date(y, a, b) or day_
    return mk(day_, day_, "day") if day_ else None


def _counted_year(words: str | None, pub: dt.date) -> int | None:
    """The year of "last year", "this year" (after a day or month), else None."""
    if not words:
        return None
    return pub.year - 1 if re.search(r"last|previous", words, re.I) else pub.year


def _ago(n: int, years: bool, mk, pub: dt.date) -> DateSpan | None:
    """"two months ago" (a month around that day), "a year ago" (two months either side)."""
    months = 12 * n if years else n
    y, m = divmod(pub.year * 12 + pub.month - 1 - months, 12)
    center = dt.date(y, m + 1, min(pub.day, calendar.monthrange(y, m + 1)[1]))
    half = dt.timedelta(days=61 if years else 15)
    return mk(center - half, min(center + half, pub), "year" if years else "month")


def _num(word: str) -> int:
    word = word.lower()
    return int(word) if word.isdigit() else NUM_WORDS.get(word, 1)


def find_dates(text: str, pub: dt.date) -> list[DateSpan]:
    """Every date expression in ``text`` (a sentence), resolved against ``pub``."""
    out: list[DateSpan] = []
    for m in finditer_from(DATE_DISPATCH, DATE_STARTS, text):
        try:
            span = _resolve(m, pub)
        except (ValueError, OverflowError):
            span = None
        if span is not None:
            out.append(span)
    return _joined(out, text) if len(out) > 1 else out


_JOIN = re.compile(r"\s*(?:-|–|to|until|till|through|and)\s*", re.I)
_BESIDE = re.compile(r"\s*(?:,|\(|\)|–|-)?\s*\(?\s*", re.I)


def _joined(spans: list[DateSpan], text: str) -> list[DateSpan]:
    """Neighbouring spans read as one: "from June 3 to June 6" is one interval, and a weekday
    beside the day it names ("Monday, June 2", "2 June (Monday)") is that day, not another."""
    out: list[DateSpan] = [spans[0]]
    for d in spans[1:]:
        prev = out[-1]
        between = text[prev.end:d.start]
        days = prev.precision == d.precision == "day" and prev.first is not None and d.first is not None
        if days and (prev.weekday or d.weekday) and _BESIDE.fullmatch(between):
            out[-1] = prev if d.weekday else d
        elif days and not prev.since and _JOIN.fullmatch(between) and prev.first < d.first <= prev.first + RANGE_MAX:
            out[-1] = DateSpan(prev.start, d.end, prev.first, d.last, "day")
        else:
            out.append(d)
    return out


RANGE_MAX = dt.timedelta(days=62)  # "from March 3 to April 20": longer is two dates, not one interval


def _check_month(word: str) -> bool:
    return not (word.lower() in _WORDY_MONTHS and word[0].islower())


def _resolve(m: re.Match, pub: dt.date) -> DateSpan | None:
    since = bool(m.group("since"))
    s, e = m.start(), m.end()
    g = m.group

    def mk(first, last, prec, rel=None):
        if first is not None and first > pub:
            return None  # after publication: a plan or a deadline, not when it happened
        if since and first is not None:
            return DateSpan(s, e, first, pub, "day" if prec == "day" else prec, None, True)
        if last is not None and last > pub:
            last = pub  # "late March" in a report of March 25: up to publication
        return DateSpan(s, e, first, last, prec, rel, since)

    if g("dmy") or g("mdy"):
        mon, day, yr, ly = (g("m1"), g("d1"), g("y1"), g("l1")) if g("dmy") else (g("m2"), g("d2"), g("y2"), g("l2"))
        if not _check_month(mon):
            return None
        month, d = MONTHS[mon.lower().rstrip(".")], int(day)
        y = int(yr) if yr else _counted_year(ly, pub) or _year_for(month, d, pub)
        day_ = _safe_date(y, month, d)
        if day_ is None:
            return None
        other = g("d0") if g("dmy") else g("d2b")  # "5-8 June", "June 5 to 8": an interval of days
        day2 = _safe_date(y, month, int(other)) if other is not None else None
        if day2 is not None and day2 != day_ and (day2 < day_) == bool(g("dmy")) and _is_range(m):
            return mk(min(day_, day2), max(day_, day2), "day")
        if other is not None:  # not an interval: the span is the one day ("June 3 and 8 more")
            s, e = (m.start("d1"), e) if g("dmy") else (s, m.end("d2"))
        elif "eek" in m.string[max(0, s - 22):s]:
            week = _WEEK_BEFORE.search(m.string, max(0, s - 22), s)
            if week is not None:  # "the week ending July 6", "the week of June 30"
                seven = dt.timedelta(days=6)
                if week.group(1).lower() in ("ending", "to"):
                    return mk(day_ - seven, day_, "week")
                return mk(day_, day_ + seven, "week")
        return mk(day_, day_, "day")
    if g("part"):
        if not _check_month(g("m3")):
            return None
        month = MONTHS[g("m3").lower()]
        y = int(g("y3")) if g("y3") else _counted_year(g("l3"), pub) or _year_for(month, 1, pub)
        first, last = _month_bounds(y, month)
        q = g("pq").lower()
        if q.startswith("early") or "start" in q or "beginning" in q:
            last = first + dt.timedelta(days=9)
        elif q.startswith("late") or "end" in q:
            first = first + dt.timedelta(days=20)
        else:
            first, last = first + dt.timedelta(days=9), first + dt.timedelta(days=19)
        return mk(first, last, "week" if not since else "day")
    if g("mm"):  # "between March and May": the first day of one to the last of the other
        m5, m6 = g("m5"), g("m6")
        if not (_check_month(m5) and _check_month(m6)):
            return None
        prev = _PREV_WORD.search(m.string, 0, s)
        if prev and prev.group(1) not in _LEAD_WORDS and not g("y5"):
            return None  # "Nam Mar - May": a place name before
        a, b = MONTHS[m5.lower().rstrip(".")], MONTHS[m6.lower()]
        y = int(g("y5")) if g("y5") else _counted_year(g("l5"), pub) or _year_for(b, 1, pub)
        first = dt.date(y if a <= b else y - 1, a, 1)
        return mk(first, _month_bounds(y, b)[1], "month")
    if g("wof"):
        return _part_of_month(m, mk, pub)
    if g("yof"):
        return _part_of_year(m, mk, pub)
    if g("recent"):
        back = {"days": 7, "weeks": 30, "months": 120}[g("reu").lower()]
        return mk(pub - dt.timedelta(days=back), pub, "week" if back <= 7 else "month")
    if g("my"):
        if not _check_month(g("m4")):
            return None
        prev = _PREV_WORD.search(m.string, 0, s)
        if prev and prev.group(1) not in _LEAD_WORDS and not g("y4"):
            return None  # "Nam Mar", "Ywa May": part of a place name, not a month
        month = MONTHS[g("m4").lower()]
        y = int(g("y4")) if g("y4") else _counted_year(g("l4"), pub) or _year_for(month, 1, pub)
        first, last = _month_bounds(y, month)
        q = (g("since") or "").lower()
        if "late" in q or "mid" in q:  # "since late May": from its 21st, "since mid-May": from its 10th
            first += dt.timedelta(days=20 if "late" in q else 9)
        return mk(first, min(last, pub) if last > pub else last, "month")
    if g("iso"):
        day_ = _safe_date(int(g("iy")), int(g("im")), int(g("id")))
        return mk(day_, day_, "day") if day_ else None
    if g("wd"):
        if _NEXT_BEFORE.search(m.string, max(0, s - 16), s):
            return None  # "next Friday", "the coming Monday": ahead of publication
        wd = WEEKDAYS[g("w").lower()]
        back = (pub.weekday() - wd) % 7
        q = (g("wq") or "").lower()
        if q == "last" and back == 0:
            back = 7
        if q == "this" and back == 0:
            back = 0
        if g("wlw"):  # "Monday last week": that weekday of the week before publication's
            back = pub.weekday() + 7 - wd
        day_ = pub - dt.timedelta(days=back)
        span = mk(day_, day_, "day")
        return DateSpan(span.start, span.end, span.first, span.last, "day", weekday=True) if span else None
    if g("yday"):
        word = g("yday").lower()
        day_ = pub - dt.timedelta(days=1) if word == "yesterday" else pub
        span = mk(day_, day_, "day")
        return dataclasses.replace(span, deictic=True) if span else None
    if g("relm"):  # "two months later": a month around that many months on (or back)
        n = 30 * _num(g("mn"))
        back = g("md").lower() in ("earlier", "before")
        return DateSpan(s, e, None, None, "month", -(n + 15) if back else n - 15, since, length=30)
    if g("vague"):  # "days later" (up to ten days on), "weeks later" (one to seven weeks), "months later"
        lo, length, prec = {"days": (1, 9, "week"), "weeks": (7, 42, "month"),
                            "months": (30, 150, "month")}[g("vu").lower()]
        back = g("vd").lower() in ("earlier", "before")
        return DateSpan(s, e, None, None, prec, -(lo + length) if back else lo, since, length=length)
    if g("rel"):
        unit = g("ru").lower()
        n = _num(g("rn")) * (14 if unit.startswith("fortnight") else 7 if unit.startswith("week") else 1)
        direction = g("rd").lower()
        if direction == "ago":
            day_ = pub - dt.timedelta(days=n)
            span = mk(day_, day_, "day")
            return dataclasses.replace(span, deictic=True) if span else None
        return mk(None, None, "day", n if direction in ("later", "after") else -n)
    if g("ord"):  # "on the 28th": a day of publication's month, else of the month before
        return _ordinal_day(int(g("od")), bool(g("olm")) and bool(re.search(r"last|previous", g("olm"), re.I)), mk, pub)
    if g("num"):
        return _numeric(m, mk, pub)
    if g("few"):  # "a few days ago", "several weeks ago"
        lo, hi = {"days": (7, 2), "weeks": (42, 14), "months": (180, 60)}[g("fu").lower()]
        return mk(pub - dt.timedelta(days=lo), pub - dt.timedelta(days=hi), "week" if g("fu").lower() == "days" else "month")
    if g("ago"):
        return _ago(_num(g("an")), g("au").lower().startswith("year"), mk, pub)
    if g("rel1"):
        t = g("rel1").lower()
        if "same" in t or t.startswith(("that", "later", "on that")):
            rel = 0
        elif "next" in t or "following" in t or "after" in t:
            rel = 1
        else:
            rel = -1
        return mk(None, None, "day", rel)
    if g("wk"):
        t = g("wk").lower()
        unit = (g("wu") or g("su") or "weekend").lower()
        if "start of the" in t or "beginning of the" in t:
            if unit == "month":
                return mk(pub.replace(day=1), pub, "month")
            if unit == "year":
                return mk(pub.replace(month=1, day=1), pub, "year")
            monday = pub - dt.timedelta(days=pub.weekday())
            return mk(monday, pub, "week")
        if unit == "weekend":
            back = (pub.weekday() - 5) % 7
            sat = pub - dt.timedelta(days=back if back else 7)
            return mk(sat, min(sat + dt.timedelta(days=1), pub), "day")
        if unit == "week":
            monday = pub - dt.timedelta(days=pub.weekday())
            if t.startswith("last") or "previous" in t:
                return mk(monday - dt.timedelta(days=7), monday - dt.timedelta(days=1), "week")
            if "past" in t:
                return mk(pub - dt.timedelta(days=7), pub, "week")
            return mk(monday, pub, "week")
        if unit == "month":
            first = pub.replace(day=1)
            if t.startswith("last") or "previous" in t:
                prev_last = first - dt.timedelta(days=1)
                return mk(prev_last.replace(day=1), prev_last, "month")
            if "past" in t:
                return mk(pub - dt.timedelta(days=30), pub, "month")
            if t.startswith("earlier"):
                return mk(first, max(first, pub - dt.timedelta(days=1)), "month")
            return mk(first, pub, "month")
        if unit == "year":
            if t.startswith("last") or "previous" in t:
                return mk(dt.date(pub.year - 1, 1, 1), dt.date(pub.year - 1, 12, 31), "year")
            if "past" in t:
                return mk(pub - dt.timedelta(days=365), pub, "year")
            return mk(dt.date(pub.year, 1, 1), pub, "year")
    if g("past"):
        n = _num(g("pn"))
        unit = g("pu").lower()
        days = n * {"days": 1, "weeks": 7, "months": 30}[unit]
        return mk(pub - dt.timedelta(days=days), pub, "week" if days <= 14 else "month")
    if g("year"):
        y = int(g("yy") or g("yq_y"))
        word = g("year").split()[0].lower()
        first, last = dt.date(y, 1, 1), dt.date(y, 12, 31)
        if g("yq"):  # "early 2024", "mid-2023", "late 2022": a third of the year
            third = {"early": 0, "mid": 1, "late": 2}[g("yq").lower()]
            first, last = dt.date(y, 1 + 4 * third, 1), _month_bounds(y, 4 + 4 * third)[1]
        if first > pub:
            return None
        if word == "since" or since:
            return DateSpan(s, e, first, pub, "year", None, True)
        return mk(first, min(last, pub), "month" if g("yq") else "year")
    return None

