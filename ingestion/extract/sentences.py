"""Paragraphs and sentences of a report, with their offsets in the text."""
from __future__ import annotations

import re
from typing import NamedTuple

_PARA = re.compile(r"\n\s*\n|\r\n\s*\r\n|\n(?=[A-Z“\"‘'])")
_END = re.compile(r"""(?<=[.!?])["”’']?(?=\s+["“‘']?[A-Z0-9\u1000-\u109f])|(?<=[။])""")
# _END can only match right after one of these: they are found with a fast scan, _END is tried there
_END_CHARS = re.compile(r"[.!?။]")
_ABBR = re.compile(r"(?:\b(?:Col|Maj|Lt|Gen|Brig|Capt|Sgt|Cpl|Dr|Mr|Mrs|Ms|No|St|Gov|Sen|Rep|Jr|Sr|approx|vs|U\.S|U\.N|e\.g|i\.e|Bo|Ko|Pvt|Mt)|\b[A-Z])\.$")


# a month's short name before a day ("Aug. 13"): no sentence ends there
_MONTH_ABBR = re.compile(r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.$")
_DAY_NEXT = re.compile(r"\s+\d{1,4}\b")


class Sentence(NamedTuple):
    """One sentence: ``text == report_text[start:end]``."""

    start: int
    end: int
    text: str
    para: int  # paragraph number
    index: int  # sentence number in the report


_new_sentence = tuple.__new__  # ``Sentence(...)`` without the keyword handling of its generated __new__


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text``; ``text[s.start:s.end] == s.text`` always holds.

    One scan for sentence-ending punctuation over the whole text; each candidate is tried
    against _END bounded to its paragraph (``endpos``), exactly as on the paragraph alone.
    """
    out: list[Sentence] = []
    ends = [c.end() for c in _END_CHARS.finditer(text)]
    k = 0
    nk = len(ends)
    para = 0
    for a, b in _paragraphs(text):
        while k < nk and ends[k] <= a:
            k += 1  # punctuation in white space between paragraphs: none, but be safe
        if not text[a:b].strip():
            continue
        s0 = a
        done = a
        while k < nk and ends[k] <= b:
            p = ends[k]
            k += 1
            if p < done:
                continue
            m = _END.match(text, p, b)  # the paragraph's end is the end of the string for _END
            if m is None:
                continue
            cut = done = m.end()
            if _ABBR.search(text[max(s0, cut - 12):cut].rstrip("\"”’'")):
                continue
            if _MONTH_ABBR.search(text, max(s0, p - 6), p) and _DAY_NEXT.match(text, cut):
                continue  # "on Aug. 13", "Sept. 2, 2024": a month's short name, not a sentence end
            _emit(text, s0, cut, para, out)
            s0 = cut
        _emit(text, s0, b, para, out)
        para += 1
    return out


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every paragraph of ``text``, blank ones included."""
    paras = []
    pos = 0
    for m in _PARA.finditer(text):
        paras.append((pos, m.start()))
        pos = m.end()
    paras.append((pos, len(text)))
    return paras


# a line opening with a bullet or an item number: a list's item, its own sentence ("- A: taken on 3 May")
_BULLET_LINE = re.compile(r"\n[ \t]*(?=(?:[-•*▪●◦–]|\d{1,2}[.)])[ \t]+\S)")


def _emit(text: str, a: int, b: int, para: int, out: list[Sentence]) -> None:
    """Append ``text[a:b]`` without its surrounding white space, if anything is left; the items
    of a bulleted list are one sentence each."""
    if text.find("\n", a, b) >= 0:
        for m in _BULLET_LINE.finditer(text, a, b):
            _emit_one(text, a, m.start(), para, out)
            a = m.end()
    _emit_one(text, a, b, para, out)


def _emit_one(text: str, a: int, b: int, para: int, out: list[Sentence]) -> None:
    seg = text[a:b]
    body = seg.strip()
    if body:
        a += seg.find(body[0])  # the first character not white space
        out.append(_new_sentence(Sentence, (a, a + len(body), body, para, len(out))))
