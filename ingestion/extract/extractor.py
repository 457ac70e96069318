"""``extract_report``: report (+ gazetteer) → facts, in five stages, one module each.

1. ``sentences``  — text → paragraphs and sentences (offsets kept);
2. ``mentions``   — one scan: actors (Aho-Corasick over every known spelling), places
                    (``places``), triggers (``triggers``), dates, figures;
3. ``events`` / ``claims`` — per sentence, events and claims assembled over the mentions;
4. ``document``   — back-references, anaphora, dates, attribution, township/state, merging;
5. here           — the facts, each with its evidence sentence, rule and version.

Deterministic and offline; the only state is a cache of prepared gazetteers.
"""
from __future__ import annotations

import re
import threading
import warnings
from functools import lru_cache

from ingestion.extract.actors import ACTORS, MILITARY, STATES, add_builtin_actors
from ingestion.extract.claims import Speakers, find_claims, is_state_media, may_claim, names_monitor, opponent
from ingestion.reports import published_day
from ingestion.extract.document import Resolved, claim_dates, main_actor, resolve
from ingestion.extract.events import assemble, carried
from ingestion.extract.matcher import Matcher, fold, fold_key, matcher_for
from ingestion.extract.mentions import SentenceMentions, scan
from ingestion.extract.sentences import split_sentences
from ingestion.gazetteer import Gazetteer
from ingestion.models import Claim, ControlChange
from ingestion.reports import MAX_TEXT_CHARS

EXTRACTOR_VERSION = "0.13.0"

_DEFAULT: Gazetteer | None = None
_PREPARED: dict[int, tuple[Gazetteer, "_Prepared"]] = {}
_LOCK = threading.Lock()


def default_gazetteer() -> Gazetteer:
    """A gazetteer with the built-in actors only (no places): enough to extract."""
    global _DEFAULT
    if _DEFAULT is None:
        gaz = Gazetteer()
        add_builtin_actors(gaz)
        _DEFAULT = gaz
    return _DEFAULT


class _Prepared:
    """A gazetteer made ready for extraction: built-in actors merged, the automaton built."""

    def __init__(self, gaz: Gazetteer):
        if not gaz.actors:
            merged = Gazetteer(places=gaz.places, units=gaz.units, actors=dict(gaz.actors),
                               aliases={k: list(v) for k, v in gaz.aliases.items()})
            add_builtin_actors(merged)
            gaz = merged
        self.gaz = gaz
        extra: dict[str, list[tuple[str, str]]] = {}
        for key, (name, _side, aliases) in ACTORS.items():
            for alias in [name, key, *aliases]:
                extra.setdefault(fold_key(alias), []).append(("actor", key))
        for canon, spellings in STATES.items():
            for sp in spellings:
                extra.setdefault(fold_key(sp), []).append(("state", canon))
        self.matcher: Matcher = matcher_for(gaz, extra)
        self.names = {k: v[0] for k, v in ACTORS.items()}
        self.names.update({k: a.name for k, a in gaz.actors.items()})
        mil = [k for k, a in gaz.actors.items() if a.name == ACTORS[MILITARY][0]]
        self.military = (mil or [MILITARY])[0]


def _prepare(gazetteer: Gazetteer | None) -> _Prepared:
    gaz = gazetteer if gazetteer is not None else default_gazetteer()
    with _LOCK:
        cached = _PREPARED.get(id(gaz))
        if cached is not None and cached[0] is gaz:
            return cached[1]
    prep = _Prepared(gaz)
    with _LOCK:
        if len(_PREPARED) > 8:
            _PREPARED.clear()
        _PREPARED[id(gaz)] = (gaz, prep)
    return prep


def extract_report(report, gazetteer: Gazetteer | None = None) -> list[ControlChange | Claim]:
    """Every control change and claim the report states, each with its evidence sentence."""
    prep = _prepare(gazetteer)
    text = report.text or ""
    if len(text) > MAX_TEXT_CHARS:
        warnings.warn(f"report {report.id}: text of {len(text)} characters cut to {MAX_TEXT_CHARS}", stacklevel=2)
        text = text[:MAX_TEXT_CHARS]
    if not text.strip():
        return []
    pub = published_day(report.published)
    sms, resolved, main = _control_changes(text, pub, prep, ranked=True, junta_voice=_junta_voice(report.outlet, text))
    facts: list[ControlChange | Claim] = [_control_change(report.id, r, sms, prep) for r in resolved]
    facts.extend(_claims(report, text, sms, prep, pub, main, _named_taken(resolved)))
    return facts


# the kind of place each count of places taken counts
_KIND_COUNTED = {"military_base": "bases_captured", "outpost": "outposts_captured", "town": "towns_captured"}


def _named_taken(resolved: list[Resolved]) -> dict[str, dict[str | None, int]]:
    """Per count metric of places taken, how many places of its kind each captor is found to take
    in the report, each named ("LIB 536, LIB 537 and LIB 538"): a count of them by that captor no
    greater than that is those places again, no figure of its own."""
    out: dict[str, dict[str | None, int]] = {}
    for r in resolved:
        if r.change == "captured" and r.place.kind in _KIND_COUNTED:
            by = out.setdefault(_KIND_COUNTED[r.place.kind], {})
            by[r.actor_to] = by.get(r.actor_to, 0) + 1
    return out


def _named_places(named_taken: dict[str, dict[str | None, int]] | None, metric: str, loser: str | None) -> int:
    """The most places of the count's kind one captor took, named, in the report (not the side that
    lost them: "the junta retook 3 bases" after the KIA took 3 others)."""
    by = named_taken.get(metric) if named_taken else None
    return max((n for a, n in by.items() if a is None or a != loser), default=0) if by else 0


def control_candidates(report, gazetteer: Gazetteer | None = None) -> tuple[list, str, list[SentenceMentions]]:
    """Every resolved (trigger, place) candidate of a report before the ranker judges it
    (what ``scripts/train_extractor.py`` learns from), with the text and the mentions."""
    prep = _prepare(gazetteer)
    text = (report.text or "")[:MAX_TEXT_CHARS]
    sms, cands, _ = _control_changes(text, published_day(report.published), prep, ranked=False,
                                     junta_voice=_junta_voice(report.outlet, text))
    return cands, text, sms


def _control_changes(text: str, pub, prep: _Prepared, ranked: bool,
                     junta_voice: bool = False) -> tuple[list[SentenceMentions], list[Resolved], str | None]:
    """The mentions, the resolved control changes and the report's ``main_actor`` (the claims read
    it too). ``junta_voice``: the report is the junta's own (its state media)."""
    hits = prep.matcher.find(text, fold(text))
    sms = scan(text, split_sentences(text), hits, pub)
    events = [assemble(sm, text) for sm in sms]
    for i in range(1, len(sms)):
        if sms[i].sentence.para == sms[i - 1].sentence.para or not sms[i].triggers:
            events[i] = events[i] + carried(sms[i], events[i - 1])
    states = _states_by_sentence(sms, hits)
    main = main_actor(sms, prep.military)
    return sms, resolve(sms, events, prep.military, pub, prep.gaz, states, text, ranked=ranked, main=main,
                        junta_voice=junta_voice), main


def _states_by_sentence(sms: list[SentenceMentions], hits) -> list[list[str]]:
    """The states and regions each sentence names (from the hits ``scan`` gave the sentence)."""
    return [[k for h in sm.hits for kind, k in h.targets if kind == "state"] for sm in sms]


def _control_change(report_id: str, r: Resolved, sms: list[SentenceMentions], prep: _Prepared) -> ControlChange:
    ev, place = r.event, r.place
    first, last, precision = r.date
    if precision == "week" and first and last and (last - first).days > 7:
        # a guessed stretch (the month before the report, "since the last date told"): weakest in a
        # merge as a week, told as what it spans
        precision = "month"
    return ControlChange(
        report_id=report_id, change=r.change, place=place.name, place_kind=place.kind,
        evidence=sms[ev.sentence].sentence.text, recapture=ev.recapture and r.change == "captured", unit=place.unit,
        township=r.township, state=r.state,
        actor_to=prep.names.get(r.actor_to, r.actor_to) if r.actor_to else None,
        actor_from=prep.names.get(r.actor_from, r.actor_from) if r.actor_from else None,
        attributed_to=prep.names.get(r.attributed_to, r.attributed_to) if r.attributed_to else None,
        date=first.isoformat() if first else None, date_end=last.isoformat() if last else None,
        date_precision=precision if first else "unknown", rule=ev.rule, extractor_version=EXTRACTOR_VERSION)


_TERRORISTS = re.compile(r"\b(?:[A-Z]{2,6}|[A-Z][a-z]+)\s+(?:terrorists?|insurgents?)\b|\bterrorist\s+(?:groups?|organi[sz]ations?)\b")
_INDEPENDENT_WORDS = re.compile(r"\b(?:junta|regime|coup|military\s+council['’]s\s+(?:troops|forces))\b", re.I)


def _junta_voice(outlet: str | None, text: str) -> bool:
    """The report is the junta's own: its state media by outlet, or a text that calls the armed
    groups terrorists and never says "junta" or "regime" (words the junta does not use of itself)."""
    if _outlet_is_junta(outlet):
        return True
    return (("terrorist" in text or "insurgent" in text) and _TERRORISTS.search(text) is not None
            and _INDEPENDENT_WORDS.search(text) is None)


@lru_cache(maxsize=4096)
def _outlet_is_junta(outlet: str | None) -> bool:
    """``is_state_media(outlet)``, once per outlet (reports of one outlet follow each other, and
    its expressions cost a try of every alternative at every character)."""
    return is_state_media(outlet)


_HEADLINE_SAYS = re.compile(r"\b(?:says|said|claims|claimed|announces|announced|reports|declares|confirms)\b", re.I)


def _headline_speaker(title: str | None, prep: _Prepared) -> str | None:
    """The actor a headline gives the report's word to: "Tatmadaw says it has secured …",
    "AA claims …" (the first actor before the speech verb)."""
    if not title:
        return None
    verb = _HEADLINE_SAYS.search(title)
    if verb is None or verb.start() > 80:
        return None
    head = title[:verb.start()]
    for h in prep.matcher.find(head, fold(head)):
        keys = [k for kind, k in h.targets if kind == "actor"]
        if keys:
            return keys[0]
    return None


def _claims(report, text: str, sms: list[SentenceMentions], prep: _Prepared, pub, main: str | None,
            named_taken: dict[str, dict[str | None, int]] | None = None) -> list[Claim]:
    """Claims of every sentence; the claimant from the sentence's speaker, its quoted
    paragraph, the actor that did what the figure counts, else the outlet. ``main``: the
    report's ``main_actor``; ``named_taken``: ``_named_taken`` of its control changes."""
    mil = prep.military
    outlet_is_junta = _outlet_is_junta(report.outlet)
    spk = Speakers(mil, main, {})
    raw: list[tuple[SentenceMentions, list]] = []
    sentence_speaker: dict[int, tuple[str | None, bool]] = {}
    para_speaker: dict[int, str] = {}
    para_last: dict[int, str] = {}  # the last actor that spoke in each paragraph so far
    para_named: dict[int, str] = {}  # the last non-military actor each paragraph named so far
    so_far: dict[int, tuple[str | None, str | None]] = {}
    by_sentence: dict[int, list] = {}
    fig_speaker: dict[tuple[int, int], tuple[str | None, bool]] = {}  # (sentence, figure start) -> speaker
    for sm in sms:
        s = sm.sentence
        if may_claim(sm):
            # the spans a figure may not stand in (only figures read them: none, nothing to find)
            taken = [(d.start, d.end) for d in sm.dates] + [(p.start, p.end) for p in sm.units] if sm.figures else []
            rcs = find_claims(sm, text, mil, taken)
            if rcs:
                by_sentence[s.index] = rcs
                raw.append((sm, rcs))
    if not raw:
        return []
    teasers = _teaser_spans(text)
    if teasers:
        # headlines of other stories listed under "Related stories" are no claims of this report
        raw = [(sm, rcs) for sm, rcs in raw if not any(a <= sm.sentence.start < b for a, b in teasers)]
        if not raw:
            return []
    headline = _headline_speaker(report.title, prep)
    # who speaks, sentence by sentence (only in reports that state a figure)
    prev_said: str | None = None  # the speaker the sentence before named
    for sm in sms:
        spk.learn(sm, text)
        s = sm.sentence
        has = s.index in by_sentence
        found = spk.of_sentence(sm, text, has) if sm.speech or has or "ccording to" in s.text else (None, False)
        key, ok = found
        if has and len(sm.speech) >= 2:
            for rc in by_sentence[s.index]:
                fig_speaker[(s.index, rc.figure.start)] = _figure_speaker(
                    spk, sm, text, rc.figure.start, mil, outlet_is_junta, para_speaker.get(s.para), para_last.get(s.para))
        if key == "?" and prev_said is not None and spk.it:
            key = prev_said  # "The junta said 40 insurgents were killed. It said five soldiers died."
        if key == "?":
            key = mil if outlet_is_junta else spk.fallback(para_speaker.get(s.para), para_last=para_last.get(s.para),
                                                           para_named=para_named.get(s.para))
        prev_said = key if ok and key and key != "?" else None
        named = [a.key for a in sm.actors if a.key and a.key != mil and not a.text[:1].islower()
                 or a.key and a.key != mil and len(a.text) > 4]
        if named:
            para_named[s.para] = named[-1]  # the last non-military actor the paragraph named so far
        for a in sm.actors:
            if a.key and a.key != mil:
                spk.last_named = a.key
                break
        if key:
            spk.last = key
            para_last[s.para] = key
            if s.para not in para_speaker and _quote_or_we(s.text):
                para_speaker[s.para] = key
        sentence_speaker[s.index] = (key, ok)
        so_far[s.index] = (spk.last, spk.last_named)  # who spoke and who was named up to here
    out: list[Claim] = []
    index: dict[tuple, int] = {}
    kinds: list[str | None] = []  # per claim of ``out``: the kind of people it counts (``_people_kind``)
    dated = claim_dates(sms, set(by_sentence), pub)
    for sm, rcs in raw:
        s = sm.sentence
        key, ok = sentence_speaker[s.index]
        if not ok and _quote_or_we(s.text):
            key = para_speaker.get(s.para)
            ok = key is not None
        first, last, precision = dated[s.index]
        # where: the first place the sentence names (a named one, not "the town")
        place = next((p.name for p in sm.places if p.ref is None and not p.bare), None)
        for rc in rcs:
            fk, fok = fig_speaker.get((s.index, rc.figure.start), (None, False))
            if fk:
                key, ok = fk, fok
            if ok and key is None and headline and not names_monitor(s.text):
                claimant_key = headline  # "Tatmadaw says it has …": unnamed sources speak for it (not the UN or a monitor)
            elif ok and (key or not outlet_is_junta):
                claimant_key = key
            elif outlet_is_junta:
                claimant_key = mil  # junta state media speak for the junta
            else:
                # who killed or displaced civilians does not claim the count of them
                claimant_key = None if rc.subject_hint == "civil" or rc.metric == "displaced" else rc.agent
                if claimant_key == "PDF" and para_last.get(s.para) not in (None, mil, "PDF") \
                        and _GENERIC_RESISTANCE.search(s.text) and not _NAMES_PDF.search(s.text):
                    # "the resistance groups also seized 60 weapons" after "..., the KNDF said": the speaker's side
                    claimant_key = para_last[s.para]
                last_spk, last_named = so_far[s.index]
                if claimant_key == "?":
                    claimant_key = last_named or spk.main  # "the group took ...": the actor spoken of
                elif claimant_key is None and (rc.subject_hint == "civil" or rc.metric == "displaced"):
                    claimant_key = para_speaker.get(s.para) or para_last.get(s.para)  # a speaker's paragraph
                elif claimant_key is None and para_last.get(s.para) == mil and _JUNTA_WORDS.search(s.text):
                    claimant_key = mil  # "State media reported clashes. ... 14 KIA insurgents were killed": its words, its count
                elif claimant_key is None:
                    # a count no one is named for: who spoke last, the headline's speaker, else the
                    # actor the report speaks of
                    claimant_key = (para_speaker.get(s.para) or headline or (last_spk if last_spk and last_spk != mil else None)
                                    or last_named or spk.main or last_spk)
            hint = rc.subject_hint or ""
            if rc.metric == "displaced" or hint == "civil":
                subject = None
            elif hint.startswith("actor:"):
                subject = hint[6:]
            elif hint == "own":
                subject = claimant_key
            elif hint == "enemy" or rc.metric not in ("killed", "wounded", "clashes", "other"):
                subject = opponent(claimant_key, mil, spk.main)
            elif hint == "armed":
                subject = opponent(claimant_key, mil, spk.main) or mil
            else:
                subject = None
            if rc.metric == "clashes":
                subject = None
            f = rc.figure
            claimant = prep.names.get(claimant_key) if claimant_key else (report.outlet or "unknown")
            if rc.metric in ("displaced",) and f.text.lower() == "one":
                continue  # "one displaced resident said": a person, not a count
            k = (rc.metric, f.value if f.value is not None else (f.low if f.low is not None else f.high))
            if named_taken and rc.metric in named_taken and k[1] is not None and not f.approximate \
                    and k[1] <= _named_places(named_taken, rc.metric, subject):
                continue  # "took all three battalions", each named in the report: those places, no count
            if rc.definite and k in index and not rc.further:
                continue  # "Among the 40 soldiers killed was ...": the count read before, whoever says it again
            claim = Claim(
                report_id=report.id, claimant=claimant, metric=rc.metric, evidence=s.text,
                subject=prep.names.get(subject) if subject else None,
                value=f.value, value_low=f.low, value_high=f.high, approximate=f.approximate, place=place,
                date=first.isoformat() if first else None,
                date_end=last.isoformat() if last and last != first else None,
                date_precision=precision, rule=rc.rule, extractor_version=EXTRACTOR_VERSION)
            kind = _people_kind(rc.subject_hint)
            if k in index and not rc.further and not (kind and kinds[index[k]] and kind != kinds[index[k]]):
                # the same figure again (headline and body, or restated): one claim; the one an
                # actor claims wins over the outlet's (not two soldiers and two civilians killed)
                old = out[index[k]]
                outlet = report.outlet or "unknown"
                if old.claimant == claim.claimant or outlet in (old.claimant, claim.claimant):
                    if old.claimant == (report.outlet or "unknown") and claimant_key:
                        out[index[k]] = claim
                    continue
            index[k] = len(out)
            kinds.append(kind)
            out.append(claim)
    return _drop_rounded(_drop_generic(_drop_lost_restated(out), prep.names, mil))


_PEOPLE_METRICS = frozenset({"killed", "wounded", "captured_personnel", "surrendered"})


def _drop_lost_restated(claims: list[Claim]) -> list[Claim]:
    """A count of soldiers a side "lost" (an ``other`` count: killed, captured or fled, not said
    which) that the report also gives as a count of the killed, the captured ... ("Junta loses
    more than 50 troops" over "more than 50 soldiers were killed"): that count, no figure of its own."""
    if not any(c.metric == "other" and (c.rule or "").startswith("lost:") for c in claims):
        return claims
    told = {(_value(c), c.value is None) for c in claims if c.metric in _PEOPLE_METRICS}
    return [c for c in claims if not (c.metric == "other" and (c.rule or "").startswith("lost:")
                                      and (_value(c), c.value is None) in told)]


def _value(c: Claim) -> float | None:
    """The claim's figure: its value, else its bound."""
    return c.value if c.value is not None else (c.value_low if c.value_low is not None else c.value_high)


def _drop_generic(claims: list[Claim], names: dict[str, str], mil: str) -> list[Claim]:
    """A figure the report gives twice, once as the word of the resistance at large ("resistance
    fighters say they downed a jet") and once as a named group's ("the KNDF said it shot down one"): one
    claim, the named group's (not an outlet's, not the junta's)."""
    generic = names.get("PDF")
    if generic is None or not any(c.claimant == generic for c in claims):
        return claims
    groups = {n for k, n in names.items() if k not in ("PDF", mil)}
    named = {(c.metric, _value(c)) for c in claims if c.claimant in groups}
    return [c for c in claims if c.claimant != generic or (c.metric, _value(c)) not in named]


_GENERIC_RESISTANCE = re.compile(r"\b(?:[Rr]esistance|[Rr]evolutionary\s+forces|[Aa]nti-junta\s+forces|[Jj]oint\s+forces)\b")
_JUNTA_WORDS = re.compile(r"\b(?:[Tt]errorists?|[Ii]nsurgents?|[Ss]ecurity\s+forces|[Tt]atmadaw)\b")
_NAMES_PDF = re.compile(r"\bPDFs?\b|People['’]s\s+Defen[cs]e|\bNUG\b|National\s+Unity")


def _people_kind(hint: str | None) -> str | None:
    """Whom a count of people counts, as far as the counted noun tells: "civil", "armed" or None."""
    if hint == "civil":
        return "civil"
    if hint in ("armed", "own", "enemy") or hint and hint.startswith("actor:"):
        return "armed"
    return None


# a list of other stories' headlines: a header line ("RELATED STORIES", "Read more", "You may also like")
# and the lines right under it, up to the first blank line; or one line "Read more: <headline>"
_TEASERS = re.compile(r"^[ \t]*(?:(?:related(?:[ \t]+(?:stories|news|articles|posts|reading|coverage|content|reports))?|"
                      r"read[ \t]+(?:more|also)|also[ \t]+read|see[ \t]+also|more[ \t]+(?:stories|news|reports)|"
                      r"you[ \t]+may[ \t]+also[ \t]+like|recommended(?:[ \t]+(?:posts|stories|articles))?|"
                      r"latest[ \t]+(?:news|stories)|top[ \t]+stories|most[ \t]+read)[ \t]*:?[ \t]*\n(?:[ \t]*\S[^\n]*(?:\n|$))+|"
                      r"(?:read[ \t]+more|also[ \t]+read|see[ \t]+also|related)[ \t]*:[ \t]*\S[^\n]*)", re.I | re.M)
_TEASER_WORDS = ("related", "read more", "read also", "also read", "see also", "more stories", "more news", "more reports",
                 "you may also like", "recommended", "latest news", "latest stories", "top stories", "most read")


def _teaser_spans(text: str) -> list[tuple[int, int]]:
    """The spans of ``_TEASERS`` in ``text``, tried only at the lines that open with one of its words."""
    low = text.lower()
    out = []
    for w in _TEASER_WORDS:
        i = low.find(w)
        while i >= 0:
            line = low.rfind("\n", 0, i) + 1
            if not low[line:i].strip(" \t"):
                m = _TEASERS.match(text, line)
                if m is not None:
                    out.append((m.start(), m.end()))
            i = low.find(w, i + len(w))
    return out


# the low bound figures.py gives a vague count -> the exact counts it may round
_VAGUE_SPAN = {24: (13, 99), 20: (20, 99), 200: (200, 999), 2000: (2000, 9999)}


def _drop_rounded(claims: list[Claim]) -> list[Claim]:
    """A vague count that an exact one of the same count restates ("dozens of soldiers dead" in the
    lead, "36 soldiers were killed" below): one claim, the exact one (same metric and claimant)."""
    exact = [c for c in claims if c.value is not None and not c.approximate]
    if not exact:
        return claims
    out = []
    for c in claims:
        if c.approximate and c.value is None and c.value_high is None and c.value_low in _VAGUE_SPAN:
            lo, hi = _VAGUE_SPAN[c.value_low]
            if any(e.metric == c.metric and e.claimant == c.claimant and lo <= e.value <= hi for e in exact):
                continue
        span = _rounded_span(c)
        if span is not None and any(e.metric == c.metric and e.claimant == c.claimant and span[0] <= e.value <= span[1]
                                    for e in exact):
            continue
        out.append(c)
    return out


def _rounded_span(c: Claim) -> tuple[float, float] | None:
    """The exact counts a rounded one may restate: "nearly 50" (headline) for 48 (body), "about 200"
    for 196; None for a count that is not rounded."""
    if not c.approximate or c.value_low is not None:
        return None
    if c.value is None and c.value_high is not None and c.value_high >= 10:
        return 0.85 * c.value_high, c.value_high - 1  # "nearly 50", "close to 50", "almost 50"
    if c.value is not None and c.value >= 10:
        return 0.9 * c.value, 1.1 * c.value  # "about 200", "some 200", "roughly 200"
    return None


def _figure_speaker(spk: Speakers, sm: SentenceMentions, text: str, fstart: int, mil: str,
                    outlet_is_junta: bool, para_speaker: str | None, para_last: str | None):
    """In a sentence with two speakers ("X said it killed 40; the junta said 12 died"), a
    figure is the word of the speaker whose verb stands nearest before it; (None, False)
    when no verb stands before it or its speaker is unknown (the sentence's speaker then)."""
    before = [sp for sp in sm.speech if sp[1] <= fstart]
    if not before:
        return None, False
    key, ok = spk._one(sm, text, *before[-1])
    if key == "?":
        key = mil if outlet_is_junta else spk.fallback(para_speaker, para_last=para_last)
    return (key, ok) if key else (None, False)


_WE = re.compile(r"(?=[WwOoUu])\b(?:[Ww]e|[Oo]ur|[Uu]s)\b")  # the look-ahead first: other characters are passed over sooner


def _quote_or_we(text: str) -> bool:
    """Whether ``text`` holds a quotation mark, or "we", "our", "us" as a word: a quote, or the
    side that speaks to the press."""
    return '"' in text or "“" in text or "”" in text or _WE.search(text) is not None
