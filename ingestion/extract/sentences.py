"""Paragraphs and sentences of a report, with their offsets in the text."""
from __future__ import annotations

import re
from typing import NamedTuple

_PARA = re.compile(r"\n\s*\n|\r\n\s*\r\n|\n(?=[A-Z“\"‘'])")
_END = re.compile(r"""(?<=[.!?])["”’']?(?=\s+["“‘']?[A-Z0-9\u1000-\u109f])|(?<=[။])""")
# _END can only match right after one of these: they are found with a fast scan, _END is tried there
_END_CHARS = re.compile(r"[.!?။]")
_ABBR = re.compile(r"(?:\b(?:Col|Maj|Lt|Gen|Brig|Capt|Sgt|Cpl|Dr|Mr|Mrs|Ms|No|St|Gov|Sen|Rep|Jr|Sr|approx|vs|U\.S|U\.N|e\.g|i\.e|Bo|Ko|Pvt)|\b[A-Z])\.$")


class Sentence(NamedTuple):
    """One sentence: ``text == report_text[start:end]``."""

    start: int
    end: int
    text: str
    para: int  # paragraph number
    index: int  # sentence number in the report


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text``; ``text[s.start:s.end] == s.text`` always holds."""
    out: list[Sentence] = []
    para = 0
    pos = 0
    n = len(text)
    paras = []
    for m in _PARA.finditer(text):
        paras.append((pos, m.start()))
        pos = m.end()
    paras.append((pos, n))
    for a, b in paras:
        chunk = text[a:b]
        if not chunk.strip():
            continue
        s0 = 0
        for m in _ends(chunk):
            cut = m.end()
            if _ABBR.search(chunk[max(s0, cut - 12):cut].rstrip("\"”’'")):
                continue
            _emit(text, a + s0, a + cut, para, out)
            s0 = cut
        _emit(text, a + s0, a + len(chunk), para, out)
        para += 1
    return out


def _ends(chunk: str):
    """``_END.finditer(chunk)``, trying _END only after sentence-ending punctuation."""
    done = 0
    for c in _END_CHARS.finditer(chunk):
        p = c.end()
        if p < done:
            continue
        m = _END.match(chunk, p)
        if m is not None:
            yield m
            done = m.end()


def _emit(text: str, a: int, b: int, para: int, out: list[Sentence]) -> None:
    """Append ``text[a:b]`` without its surrounding white space, if anything is left."""
    seg = text[a:b]
    body = seg.strip()
    if body:
        a += len(seg) - len(seg.lstrip())
        out.append(Sentence(a, a + len(body), body, para, len(out)))
