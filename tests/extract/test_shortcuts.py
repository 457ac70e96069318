"""The performance shortcuts give exactly what the plain code gives."""
from __future__ import annotations

import random

import pytest

from ingestion.extract import extract_report
from ingestion.extract import extractor
from ingestion.extract.attribution import _LEAD_NAMES, _TRAILING_NAMES, _may_end_with_name
from ingestion.extract.rules_claims import HEAD_VERB, INCLUDING, _head_verb, _including
from ingestion.extract.sentences import _ABBR, _END, _PARA, Sentence, split_sentences
from ingestion.synthetic import generate

_WORDS = (
    "killed killing kill skill wounded injured captured seized took taken arrested lost down shot downed destroyed "
    "displaced overran death toll at to of rose climbed put the deaths control gained surrendered freed recaptured "
    "retook a total another further an estimated in all including among them whom said Salai Van Bawi KIA "
    "Col. Gen. U.S. e.g. x. Mr. spokesperson commander media Local Farmers 12 ၁၂ ſ K"
).split()
_SEPS = (" ", " ", " ", "  ", "\n", "\n\n", ". ", ".\n\n", "! ", "? ", '." ', "” ", "။", ", ", "\r\n\r\n", "\t")


def _text(rng: random.Random, n: int = 14) -> str:
    out = []
    for _ in range(rng.randint(0, n)):
        w = rng.choice(_WORDS)
        r = rng.random()
        out.append(w.upper() if r < 0.1 else w.capitalize() if r < 0.3 else w)
        out.append(rng.choice(_SEPS))
    return "".join(out)


def test_end_anchored_checks_equal_their_regexes():
    rng = random.Random(7)
    for _ in range(20000):
        t = _text(rng)
        assert (_head_verb(t) is None) == (HEAD_VERB.search(t) is None), t
        m, m2 = _head_verb(t), HEAD_VERB.search(t)
        assert (m and m.span()) == (m2 and m2.span()), t
        assert _including(t) == (INCLUDING.search(t) is not None), t
        if not _may_end_with_name(t):
            assert _TRAILING_NAMES.search(t) is None and _LEAD_NAMES.search(t) is None, t


def _split_per_paragraph(text: str) -> list[Sentence]:
    """The former split: paragraphs first, then sentence ends inside each one."""
    out: list[Sentence] = []
    para, pos, paras = 0, 0, []
    for m in _PARA.finditer(text):
        paras.append((pos, m.start()))
        pos = m.end()
    paras.append((pos, len(text)))

    def emit(a, b):
        seg = text[a:b]
        body = seg.strip()
        if body:
            a += len(seg) - len(seg.lstrip())
            out.append(Sentence(a, a + len(body), body, para, len(out)))

    for a, b in paras:
        chunk = text[a:b]
        if not chunk.strip():
            continue
        s0 = 0
        for m in _END.finditer(chunk):
            cut = m.end()
            if _ABBR.search(chunk[max(s0, cut - 12):cut].rstrip("\"”’'")):
                continue
            emit(a + s0, a + cut)
            s0 = cut
        emit(a + s0, a + len(chunk))
        para += 1
    return out


def test_split_sentences_equals_per_paragraph_split():
    rng = random.Random(8)
    for _ in range(20000):
        t = _text(rng, 30)
        assert split_sentences(t) == _split_per_paragraph(t), t
    for r, _ in generate(30, words=800, seed=3):
        assert split_sentences(r.text) == _split_per_paragraph(r.text)


@pytest.mark.parametrize("seed", [11, 12])
def test_slim_path_leaves_the_facts_unchanged(monkeypatch, seed):
    reports = [r for r, _ in generate(60, words=600, seed=seed, event_share=0.4)]
    slim = [[f.to_dict() for f in extract_report(r)] for r in reports]
    monkeypatch.setattr(extractor, "SLIM_PATH", False)
    full = [[f.to_dict() for f in extract_report(r)] for r in reports]
    assert slim == full


def test_place_stem_families_equal_the_stem_tests():
    from ingestion.extract.places import (_GENERIC, _HEAD, _UNIT, GENERIC_STEMS, HEAD_STEMS, UNIT_STEMS,
                                          _stems_in)
    from ingestion.extract.scan import contains_any, may_contain

    rng = random.Random(9)
    words = _WORDS + ("Battalion IB LIB Command Division ခလရ Township town Airport airport Hill hill Peak "
                      "outposts BASE Camp WARDS neighbourhood Bridge gate station checkpoint ſ").split()
    for _ in range(20000):
        t = "".join(rng.choice(words) + rng.choice(_SEPS) for _ in range(rng.randint(0, 12)))
        bits = _stems_in(t)
        assert bool(bits & _UNIT) == contains_any(t, UNIT_STEMS), t
        assert bool(bits & _HEAD) == contains_any(t, HEAD_STEMS), t
        assert bool(bits & _GENERIC) == may_contain(t, GENERIC_STEMS), t


def test_word_lookups_equal_the_stem_tests():
    from ingestion.extract import rules_claims, rules_control
    from ingestion.extract.scan import contains_any

    rng = random.Random(10)
    words = _WORDS + ("Captured CAPTURE seizing overrun taken took back fell Handed withdrew pulled attacked "
                      "battling fighting clashes contested holds HELD remained maintained retain entered pushed "
                      "handed themselves shot down death dead toll fled left camp town ſeized").split()
    for _ in range(20000):
        t = "".join(rng.choice(words) + rng.choice(_SEPS) for _ in range(rng.randint(0, 12)))
        present = rules_control._rules_present(t)
        for i, (rule, *_rest) in enumerate(rules_control.TRIGGERS):
            assert bool(present >> i & 1) == contains_any(t, rules_control.TRIGGER_STEMS[rule]), (rule, t)
        for f in (rules_control.PRE_FILTER, rules_claims.PRE_FILTER):
            assert f.search(t) == (f.pattern.search(t) is not None), t


def test_date_starts_find_every_date():
    from ingestion.extract.dates import DATE_RE, DATE_STARTS
    from ingestion.extract.scan import finditer_from

    rng = random.Random(11)
    words = ("junta months month market monastery Monday monsoon decided separate friend midnight Mar. sept. "
             "lateMarch mid-March March Marches Mayor may May June Junes Jun. Septembers September Sepember Sept "
             "Sunday sundays Saturday sat tuesday Tues wednesday thursday Thurs friday fri 12 3rd 2024 on in of the "
             "last this early late since during Dec. december decembers Oct octobers nov novel aug august augur "
             "jan january janitor feb february apr april aprils jul july julys , . ſ").split()
    for _ in range(30000):
        t = "".join(rng.choice(words) + rng.choice((" ", " ", "", ", ", ". ", "-", "\n")) for _ in range(rng.randint(1, 12)))
        want = [(m.span(), m.groupdict()) for m in DATE_RE.finditer(t)]
        assert [(m.span(), m.groupdict()) for m in finditer_from(DATE_RE, DATE_STARTS, t)] == want, t
