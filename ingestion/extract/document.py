"""Stage 4 — document resolution: what a sentence leaves open, the report answers.

- back-references ("the town", "the base", "the two camps", a verb with no place) → the
  places named before, of the same kind; an unnamed facility ("the police station", "the
  city's police station", "a power substation") → named by the town named before it;
- anaphoric actors ("they", "the group", "its fighters") and missing agents → the actor
  the report spoke of last, else the report's main actor;
- the date: the sentence's own date nearest the verb, else the date the paragraph set;
  never after the publication day;
- attribution: "…, the junta said", "according to the KIA", carried across a quoted
  paragraph;
- township and state from the gazetteer (a unit's garrison, a known name, a name nearby);
- one fact per (change, place, actor): repeats merge.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from ingestion.extract.actors import ACTORS, COALITIONS, HOME_GROUP, PDF_REGIONS
from ingestion.extract.claims import STATE_MEDIA
from ingestion.extract.dates import DateSpan, not_after
from ingestion.extract.events import NOT_SUBJECT_AFTER, Event

GENERIC_ACTOR = re.compile(r"^(?:the\s+)?(?:(?:allied\s+|joint\s+)?(?:resistance|revolutionary|anti-junta|anti-regime|"
                           r"rebel|combined|joint|allied)\s+(?:forces|fighters|troops|groups)|resistance|the\s+alliance|"
                           r"resistance\s+groups|anti-junta\s+groups|local\s+defence\s+forces|LDF)$", re.I)
from ingestion.extract.mentions import Actor, SentenceMentions
from ingestion.extract.places import HEAD_KIND, NOT_PLACE, Place, kind_family, without_determiners
from ingestion.extract.scan import StemGated
from ingestion.gazetteer import Gazetteer, PlaceEntry

SPEECH_DATE = re.compile(
    r"(?:\b(?:said|says|claimed|reported|told\s+[^,.;]{0,45}?|confirmed|announced|added|stated|statement|denied|"
    r"acknowledged|reporting|saying|claims|wrote|posted|media|released|published|issued)\s+"
    # "said in a statement on", "announced on its Telegram channel on"
    r"(?:(?:in|on|via|through)\s+(?:a|an|its|the|their|his|her)\s+(?:[\w'’-]+\s+){0,3}?)?(?:late\s+|early\s+)?(?:on\s+)?)$")
# SPEECH_DATE asked only of a text that holds one of its speech words (a stem of each): most
# texts before a date hold none, and the expression is tried at every character of them
SPEECH_DATE_STEMS = ("said", "says", "claim", "report", "told", "confirm", "announc", "added", "stated", "statement",
                     "denied", "acknowledg", "saying", "wrote", "posted", "media", "released", "published", "issued")
_SPEECH_DATE = StemGated(SPEECH_DATE, SPEECH_DATE_STEMS)
_TOWNSHIP_RE = re.compile(r"\b([A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?)\s+[Tt]ownship\b")
_INNER_WORD = re.compile(r"[A-Z][\w'’-]*")


_TITLE_FUNCTION_WORD = re.compile(r"\s(?:How|Why|What|And|The|Of|In|To|For|At|On|With|As|By|From|Is|Are)\s")
_WORD = re.compile(r"[A-Za-z][\w'’-]*")


def title_case_heading(text: str) -> bool:
    """Whether a sentence is a heading in title case ("How the Rebel Offensive Began and How the
    Junta Reinforced"): no closing stop, a capitalised function word inside, and most of its
    longer words capitalised; its capitalised words name nothing by their capital."""
    body = text.strip()
    if not body or body[-1] in ".!?\"”'’:;" or not _TITLE_FUNCTION_WORD.search(body):
        return False
    words = [w for w in _WORD.findall(body) if len(w) >= 4]  # its content words
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


@dataclass
class Resolved:
    """An event with everything the fact needs."""

    event: Event
    place: Place
    actor_to: str | None
    actor_from: str | None
    attributed_to: str | None
    date: tuple[dt.date | None, dt.date | None, str]
    agent: str | None = None
    change: str = ""
    local: str | None = None  # the side at home where the sentence is (``_side_of`` its states)
    township: str | None = None
    state: str | None = None
    evidence_from: int = 0  # first sentence of the evidence
    extra: dict = field(default_factory=dict)
    # what ``date``, ``township`` and ``state`` are worked out from, until ``settle`` does it
    pending: "_Pending | None" = field(default=None, repr=False)


@dataclass
class _Pending:
    """What a candidate's date and location are read from, as the report stood when its event
    was resolved (the date told so far, the states and townships named so far): both are
    worked out only for the candidates the ranker keeps (about one in five), by ``settle``."""

    sm: SentenceMentions
    event: Event
    place: Place
    st: "DocumentState"
    states: list[str]  # the states and regions the event's sentence names
    n_townships: int  # how many townships and states the report had named (a prefix of its lists)
    n_states: int
    event_date: list  # the event's date (one per event, shared by its places), once worked out


def settle(rs: list[Resolved], gaz: Gazetteer, pub: dt.date) -> list[Resolved]:
    """Work out the date, township and state of the candidates ``rs`` (what ``_resolve_all``
    left pending): the same values as if worked out when each was resolved."""
    for r in rs:
        pd = r.pending
        if pd is None:
            continue
        if not pd.event_date:
            pd.event_date.append(_date(pd.sm, pd.event, pd.st, pub))
        r.date = _place_date(pd.sm, pd.place, pub) or pd.event_date[0]
        r.township, r.state = locate(pd.place, gaz, pd.st, pd.states, pd.n_townships, pd.n_states)
        r.pending = None
    return rs


LOOK_BACK = 40


@dataclass
class DocumentState:
    """What the report has said so far, read in order."""

    military: str
    junta_voice: bool = False  # the report is the junta's own (its state media)
    sms: list[SentenceMentions] = field(default_factory=list)  # the sentences read so far
    current: SentenceMentions | None = None  # the sentence being read

    def named_back(self, pos: int, fam: str | None = None, here: bool = False) -> Iterator[Place]:
        """Named places before ``pos`` of the kind family ``fam`` (if given), nearest first (a
        sentence's places are in text order: their starts never increase). A back-reference
        points at most LOOK_BACK sentences back, or earlier in its own sentence when ``here``
        ("Paletwa is held by the AA, which took the town in 2024"). Lazy: a caller that needs
        only the nearest few stops early, and the places of the sentences further back are then
        never found."""
        back = [self.current] if here and self.current is not None else []
        back += reversed(self.sms[-LOOK_BACK:])
        for sm in back:
            if sm.sentence.start >= pos:
                continue  # a sentence after ``pos`` (text order: nothing it names stands before ``pos``)
            heading = None
            for p in reversed(sm.places):
                if (p.ref in (None, "generic") and p.start < pos and not (p.bare and p.name.split()[0] in NOT_PLACE)
                        and (fam is None or kind_family(p.kind) == fam)):
                    if p.bare and (heading if heading is not None else (heading := title_case_heading(sm.sentence.text))):
                        continue  # "How the Junta Reinforced": a capitalised word of a heading, no town
                    yield p
    last_objects: list[Place] = field(default_factory=list)
    last_agent: str | None = None
    last_captor: str | None = None
    captor_of: dict[str, str] = field(default_factory=dict)  # place key -> who the report says took it
    _dates: dict[int, DateSpan | None] = field(default_factory=dict)  # sentence index -> ``_sentence_date``, once found
    actor_counts: Counter = field(default_factory=Counter)
    townships: list[str] = field(default_factory=list)
    states: list[str] = field(default_factory=list)  # only ever extended: its length tells its content
    _most: tuple[int, str | None] = (0, None)  # (n, _named_most(states[:n])) of the last call

    def named_most(self, n: int | None = None) -> str | None:
        """``_named_most(self.states[:n])`` (all of them by default), counted again only for
        another ``n``."""
        n = len(self.states) if n is None else n
        if n != self._most[0]:
            self._most = (n, _named_most(self.states[:n]))
        return self._most[1]

    def sentence_date(self, i: int) -> DateSpan | None:
        """``_sentence_date`` of sentence ``i`` of the report (read), found once and only when
        asked: most sentences date no kept candidate, and their dates are never looked for."""
        if i not in self._dates:
            sm = self.sms[i]
            d = _sentence_date(sm, sm.sentence.text)
            rel = _sentence_relative(sm) if d is None or sm.dates[0] is not d else None
            if rel is not None and (d is None or rel.start < d.start):
                # "The next day it took B. Two days later …": a relative date, counted from the date
                # told before it, is what the sentence told
                self._dates[i] = None  # (no loop: a sentence counts only from those before it)
                anchor = self.date_before(i)
                span = rel.resolve(anchor.first, None, anchor.last) if anchor is not None and anchor.first else None
                if span is not None:
                    d = dataclasses.replace(rel, first=span[0], last=span[1], relative=None, length=0)
            self._dates[i] = d
        return self._dates[i]

    def date_before(self, i: int, para: int | None = None) -> DateSpan | None:
        """The date of the last sentence before sentence ``i`` that has one (of paragraph ``para``
        only, if given): what the report had told when it came to sentence ``i``."""
        for j in range(i - 1, -1, -1):
            if para is not None and self.sms[j].sentence.para != para:
                return None  # a paragraph's sentences follow each other: none before is in it
            d = self.sentence_date(j)
            if d is not None:
                return d
        return None

    def lede_date(self, i: int) -> DateSpan | None:
        """The date of the sentence after sentence ``i`` when ``i`` opens its paragraph and the next
        one is in it too: a paragraph that opens with a change and no date often dates it next
        ("X has fallen to the AA. Its troops overran the town on May 2 after ...")."""
        sms = self.sms
        if i + 1 >= len(sms) or sms[i + 1].sentence.para != sms[i].sentence.para:
            return None
        if i and sms[i - 1].sentence.para == sms[i].sentence.para:
            return None
        return self.sentence_date(i + 1)


def main_actor(sms: list[SentenceMentions], military: str) -> str | None:
    """The report's main non-military actor: the one named most often (first named wins a tie)."""
    counts: Counter = Counter()
    first: dict[str, int] = {}
    for sm in sms:
        for a in sm.actors:
            if a.key and a.key != military and not GENERIC_ACTOR.match(a.text):
                counts[a.key] += 1
                first.setdefault(a.key, a.start)
    if not counts:
        return None
    return max(counts, key=lambda k: (counts[k], -first[k]))


def resolve(sms: list[SentenceMentions], events_by_sentence: list[list], military: str, pub: dt.date,
            gaz: Gazetteer, state_hits: list[list[str]], text: str = "", ranked: bool = True,
            main: str | None = None, junta_voice: bool = False) -> list[Resolved]:
    """The control changes of the report: every candidate resolved, judged by the ranker
    (``ranked``; else every candidate is returned, for training), then merged. ``main``: the
    report's ``main_actor`` if the caller has it already; ``junta_voice``: the report is the
    junta's own (its state media: "the area was secured" is the junta's doing)."""
    out, main = _resolve_all(sms, events_by_sentence, military, pub, gaz, state_hits, main, junta_voice)
    out = [r for r in _named_in_evidence(_kinds_from_report(out, sms), sms) if _has_name(r.place)]
    out = _drop_appositives(out, text)
    if not ranked:
        return settle(out, gaz, pub)
    from ingestion.extract.ranker import rank

    kept = settle(rank(out, text, sms), gaz, pub)  # the ranker reads no date nor location
    for r in kept:
        r.actor_to, r.actor_from = _actors_for(r.change, r.agent, r.event, military, r.local or main)
    kept = [r for r in kept if not (r.change in ("captured", "held") and r.actor_to is None)]
    kept = _drop_locatives(kept, text)
    return _merge(_drop_held_after_capture(_drop_contested_captures(kept)))


_NAMED = re.compile(r"[A-Z0-9]")


def _has_name(place: Place) -> bool:
    """A place a reader can find: a unit, or a name ("Hpakant", "the camp at Nam Sang", "Hill 800").
    "a junta base", "the police station", "an outpost" name nothing; they count (a figure claim)."""
    return place.unit is not None or _NAMED.search(place.name) is not None


_COMMA_BEFORE = re.compile(r",[ \t]*$")  # a comma and the spaces after it, right before a place
_DESCRIBED = re.compile(r"(?:the|a|an|its|their)\s+[a-z]")


def _drop_appositives(rs: list[Resolved], text: str) -> list[Resolved]:
    """"overran the Hti Kya base, the last junta position on the river": a described site of the
    same sort right after a named one and a comma describes it, and is no place of its own
    ("Hti Kya, the police station in Mone" names two)."""
    named_ends = {(r.event.sentence, r.place.end): kind_family(r.place.kind) for r in rs
                  if r.place.name[:1].isupper() or r.place.unit}
    out = []
    for r in rs:
        p = r.place
        comma = _COMMA_BEFORE.search(text, max(0, p.start - 64), p.start)
        if (comma is not None and p.unit is None and p.ref is None and not p.bare and _DESCRIBED.match(text, p.start)
                and named_ends.get((r.event.sentence, comma.start())) == kind_family(p.kind)):
            continue
        out.append(r)
    return out


def _named_in_evidence(rs: list[Resolved], sms: list[SentenceMentions]) -> list[Resolved]:
    """A fact's place is named in its evidence sentence: a back-reference resolved to a place
    named sentences before ("the base fell") is dropped — on the real reports about seven such
    resolutions in eight named the wrong place or told a change already told. A withdrawal may
    leave the place the sentence before took ("They overran the base. Its troops fled."), and a
    recapture take it back ("… and the junta retook the village")."""
    out, later = [], []
    for r in rs:
        i = r.event.sentence
        if r.event.trigger.family in ("withdraw", "recapture") and i > 0:
            i -= 1  # "They overran the base. Its troops fled.": the place just taken
        if sms[i].sentence.start <= r.place.start < sms[r.event.sentence].sentence.end:
            out.append(r)
        elif r.change == "withdrew" and r.event.shared_place:
            later.append(r)
    # "the KNLA captured the base after its soldiers fled": the side left the place the capture
    # beside it took, a place the report named and told taken in its own words
    taken = {r.place.key for r in out if r.change == "captured"}
    out += [r for r in later if r.place.key in taken]
    return out


_LOCATIVE_GAP = re.compile(r"^\s*(?:,\s*)?(?:near|at|in|outside|inside|close\s+to|by|beside|on|of|above|overlooking)\s+"
                           r"(?:the\s+)?(?:(?:village|town)\s+of\s+)?$", re.I)


def _drop_locatives(rs: list[Resolved], text: str) -> list[Resolved]:
    """"the LIB 904 base near Pauk Sin": one place, the base; the village only locates it."""
    groups: dict[int, list[Resolved]] = {}
    for r in rs:
        groups.setdefault(r.event.sentence, []).append(r)
    out = []
    for r in rs:
        same = groups[r.event.sentence]
        located = any(o is not r and o.place.end <= r.place.start and o.place.ref is None
                      and _LOCATIVE_GAP.match(text[o.place.end:r.place.start]) for o in same)
        if not (located and r.place.unit is None):
            out.append(r)
    return out


_GIVE_UP = ("los", "surrender", "hand")  # "lost", "loss", "surrendered", "handed back": the subject gives the place up


def _actors_for(change: str, agent: str | None, ev: Event, military: str, main: str | None) -> tuple[str | None, str | None]:
    if change == "captured" and ev.trigger.text.lower().startswith(_GIVE_UP) and ev.trigger.voice != "place_subject" \
            and ev.agent is not None and not ev.extra.get("taker") and not (
            ev.trigger.voice == "nominal" and ev.agent.start >= ev.trigger.end):
        # "the junta's loss of X", "the junta lost X", "after losing X, the junta …", "the regime
        # surrendered X", "the MNDAA handed X back to the junta": the actor
        # named lost it to the other side ("the loss of X to the KIA" names the taker)
        taker = ev.extra.get("other_side") or main
        return ((taker if agent == military else military) if agent else None), agent
    if change == "captured":
        if ev.source and ev.source.key:
            return agent, ev.source.key
        if agent == military:  # the junta retook it: from the side the report is about (not itself)
            return agent, (main if main != military else None)
        return agent, (military if agent else None)
    if change == "withdrew":
        return None, agent or military
    if change == "held":
        return agent, None
    return None, None


def _resolve_all(sms: list[SentenceMentions], events_by_sentence: list[list], military: str, pub: dt.date,
                 gaz: Gazetteer, state_hits: list[list[str]], main: str | None = None,
                 junta_voice: bool = False) -> tuple[list[Resolved], str | None]:
    st = DocumentState(military, junta_voice=junta_voice)
    if main is None:
        main = main_actor(sms, military)
    out: list[Resolved] = []
    para_att: dict[int, str] = {}
    for sm, events, states in zip(sms, events_by_sentence, state_hits):
        s = sm.sentence
        st.current = sm
        st.states.extend(states)
        if "ownship" in s.text:  # what every _TOWNSHIP_RE match holds
            st.townships.extend(m.group(1) for m in _TOWNSHIP_RE.finditer(s.text))
        att = _attribution(sm, military)
        if att:
            if s.text.lstrip().startswith(("\"", "“")) or s.text.rstrip().endswith(("\"", "”")):
                para_att[s.para] = att
        elif s.para in para_att and ("\"" in s.text or "“" in s.text or "”" in s.text):
            att = para_att[s.para]
        for ev in events:
            agent = _agent(ev.agent, st, main, ev, sm, states)
            if agent == military and ev.trigger.text.lower().startswith(_GIVE_UP):
                # "the regime surrendered X, while the AA came to control …": the other side named
                other = next((a.key for a in sm.actors if a.key and a.key != military
                              and not GENERIC_ACTOR.match(a.text)), None)
                if other:
                    ev.extra["other_side"] = other
            places = _resolve_places(ev, st)
            if not places:
                continue
            event_date: list = []  # worked out once for the event's places, if the ranker keeps one
            for place in places:
                told_again = st.captor_of.get(place.key) if ev.change == "captured" and ev.agent is None else None
                local = _side_of(states) if agent == military else None
                actor_to, actor_from = _actors_for(ev.change, told_again or agent, ev, military, local or main)
                if ev.change == "captured" and ev.agent is not None and ev.agent.key and ev.extra.get("selected", True):
                    st.captor_of.setdefault(place.key, actor_to)
                r = Resolved(ev, place, actor_to, actor_from, att, None, agent=told_again or agent, change=ev.change,
                             local=local)
                r.pending = _Pending(sm, ev, place, st, states, len(st.townships), len(st.states), event_date)
                out.append(r)
            if not ev.extra.get("selected", True):
                continue
            if ev.trigger.family != "contest" and agent and ev.agent:  # "it still controls part of X"
                st.last_agent = ev.agent.key or agent  # "the KIA said it …": "it" is the KIA from here on
            if ev.change == "captured" and agent:
                st.last_captor = agent
            st.last_objects = places
        for a in sm.actors:
            if a.key:
                st.actor_counts[a.key] += 1
        st.sms.append(sm)
        st.current = None
        named_agents = [a for a in sm.actors if a.key]
        if named_agents and not any(e.extra.get("selected", True) for e in events):
            st.last_agent = named_agents[0].key
    return out, main


def _agent(actor: Actor | None, st: DocumentState, main: str | None, ev: Event, sm: SentenceMentions,
           states: list[str]) -> str | None:
    """Who did it. A generic name ("resistance forces", "the joint forces") is the report's
    main non-military actor when it has one; "the group", "the alliance", "its fighters"
    never mean the junta; "they", "it" are the actor named last. ``states``: the states and
    regions the sentence names."""
    if actor is not None and actor.key and GENERIC_ACTOR.match(actor.text):
        if states and set(states) <= PDF_REGIONS:
            return "PDF"  # "In Sagaing Region, resistance forces took X", in a report about the KIA
        key = (main if main and main != actor.key and main != st.military else None) or actor.key
        if key == "PDF":  # "resistance forces" in Karenni State, in a report about no group: the KNDF
            return _local_group(states or st.states) or key
        return key
    if actor is not None and actor.key:
        return actor.key
    if actor is not None and (army := _UNKNOWN_ARMY.match(actor.text)):
        # "Zomi Revolutionary Army fighters took X": a group the registry does not know, by its
        # name; "the Arakkhan Army" is the Arakan Army misspelt
        return _army_spelt_like(army.group(1)) or army.group(1)
    if actor is not None:
        low = actor.text.lower()
        if low.startswith(("its ", "their ")) and _SAYS_ITS.search(
                sm.sentence.text, 0, actor.start - sm.sentence.start) and any(
                a.key == st.military and actor.start - a.end <= 40 for a in sm.actors if a.end <= actor.start):
            return st.military  # "the junta says its troops retook X"
        # "we" in a report is the side that speaks to the press; "it" after "the group said"
        # is the group: neither is the junta
        non_military = (_non_military_anaphor(actor.text)
                        or any(a.key is None and a.end <= actor.start and _non_military_anaphor(a.text)
                               for a in sm.actors))
        if "alliance" in low or _GROUPS_ANAPHOR.match(actor.text) or (low in ("they", "it") and any(
                a.key is None and a.end <= actor.start and _GROUPS_ANAPHOR.match(a.text) for a in sm.actors)):
            # "the groups say they have taken X": the coalition
            coalition = _coalition_named(st.actor_counts)
            if coalition is not None:
                return coalition
        earlier = [a for a in sm.actors if a.key and a.end <= actor.start
                   and not (non_military and a.key == st.military)
                   and not (GENERIC_ACTOR.match(a.text) and (a.key == st.military or not main))]
        if earlier:
            first = earlier[0]
            if ev.change == "withdrew" and ev.shared_place and low in ("they", "it") and earlier[-1].key != first.key \
                    and not NOT_SUBJECT_AFTER.match(sm.sentence.text, earlier[-1].end - sm.sentence.start):
                # "… drove junta troops out of X, and they fled": who was driven out of the place the
                # sentence's capture took, the actor named last
                first = earlier[-1]
            return main if GENERIC_ACTOR.match(first.text) and main != st.military else first.key
        generic = next((a for a in sm.actors if a.key and a.key != st.military and a.end <= actor.start
                        and GENERIC_ACTOR.match(a.text)), None)
        if generic is not None and not main:
            # "resistance forces said they took X", in a report naming no group: whoever the
            # generic name stands for (the PDF, or the local group of the state named)
            return _agent(generic, st, main, ev, sm, states)
        if non_military:
            key = main if st.last_agent in (None, st.military) else st.last_agent
            if key is None and _REBELS.match(actor.text):
                # "the rebels", of no named group: the local group of the one state the sentence
                # names, else the PDF
                return _local_group(states or st.states) or "PDF"
            return key
        return st.last_agent or main
    if ev.change in ("captured",):
        # "the area was completely secured", in the junta's own media: by the junta; so is
        # stability "restored" in a place, whoever reports it (only the junta says so)
        if st.junta_voice or _JUNTA_WORDS.search(ev.trigger.text):
            return st.military
        return main or st.last_captor
    return None


def _side_of(states: list[str]) -> str | None:
    """The side at home in the states and regions a sentence names: the PDF in the central
    regions, the local armed group elsewhere ("In Magway Region, the junta retook X": from the
    PDF, in a round-up about the KNDF)."""
    if states and set(states) <= PDF_REGIONS:
        return "PDF"
    return _local_group(states)


def _local_group(states: list[str]) -> str | None:
    """The main armed group of the one state among ``states`` that has one (``HOME_GROUP``)."""
    local = {HOME_GROUP[s] for s in states if s in HOME_GROUP}
    return local.pop() if len(local) == 1 else None


_REBELS = re.compile(r"^(?:the\s+)?(?:rebels|insurgents|terrorists|(?:rebel|insurgent|anti-regime|terrorist)\s+(?:forces|fighters|groups))$", re.I)


def _coalition_named(counts: Counter) -> str | None:
    """The coalition a report names, itself or by two of its members ("the MNDAA … together
    with the Arakan Army": "the groups" are the Brotherhood Alliance)."""
    return next((c for c, members in COALITIONS.items()
                 if c in counts or sum(1 for m in members if m in counts) >= 2), None)


_GROUPS_ANAPHOR = re.compile(r"^the\s+(?:three\s+|allied\s+)?(?:groups|allies)$", re.I)  # "the groups say …": the coalition


def _army_spelt_like(name: str) -> str | None:
    """The built-in actor whose "… Army" name ``name`` misspells (similarity ≥ 0.85), if any."""
    low = name.lower()
    best = max(((SequenceMatcher(None, low, alias.lower()).ratio(), key) for key, alias in _ARMY_NAMES),
               default=(0.0, None))
    return best[1] if best[0] >= 0.85 else None


_ARMY_NAMES = [(key, alias) for key, (canonical, _, aliases) in ACTORS.items()
               for alias in (canonical, *aliases) if alias.endswith("Army") and " " in alias]
_UNKNOWN_ARMY = re.compile(r"^(?:[Tt]he\s+)?((?:[A-Z][\w'’-]*\s+)+Army)$")
_SAYS_ITS = re.compile(r"\b(?:says|said|claims|claimed|announced|reported)\s+"
                       r"(?:(?:on\s+)?(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|yesterday|today)\s+)?(?:that\s+)?$")  # "said Tuesday its troops"


def _non_military_anaphor(text: str) -> bool:
    """"the group", "its fighters", "we": never the junta; "it", "they" may be anyone."""
    low = text.lower()
    return not low.startswith(("it", "they")) or low.startswith(("its ", "their "))


_RELATIVE_VERB = re.compile(r"\b(?:which|who)\s+(?:had\s+|has\s+)?(?:\w+ly\s+)?$", re.I)  # "…, which (had) took the town"
# a later clause of the sentence, whose "the town" may be one the sentence named before it:
# "the PDF took Mindat in May, but the military reoccupied the town weeks later"
_LATER_CLAUSE = re.compile(r"(?:[,;]\s*|\s)(?:but|and|then|before|after|until|only\s+for|where)\s+(?:the\s+\w+\s+)?(?:\w+\s+){0,2}$", re.I)


# the main verb after a relative clause, whose "the town" may be the one the clause named: "the
# PNLA, which took X in 2023, lost the town in November"
# an opening clause naming the place, then the main clause's "the town": "After losing X in April,
# the junta retook the town"
_JUNTA_WORDS = re.compile(r"\b(?:stability|rule\s+of\s+law|law\s+and\s+order|normalcy)\b", re.I)
_LATER_AND_CLAUSE = re.compile(r"[,;]\s*(?:and|but|then|and\s+then)\s+[^,;]{0,60}$", re.I)
_OPENING_CLAUSE = re.compile(r"^\W*(?:after|before|since|having|despite|following|when|while)\b[^,;]*,\s*(?:[\w'’-]+\s+){0,4}$", re.I)
_AFTER_RELATIVE = re.compile(r",\s*(?:which|who)\b[^,;]*,\s*(?:\w+\s+){0,2}$", re.I)


def _resolve_places(ev: Event, st: DocumentState) -> list[Place]:
    out: list[Place] = []
    for p in ev.places:
        if p.ref in (None, "generic"):
            out.append(_facility_named(p, st) if p.ref == "generic" else p)
            continue
        fam = p.ref if p.ref != "base" else "base"
        if p.count != 1:  # "the three battalions — A, B and C": named right after, in the sentence
            ahead = [q for q in ev.extra.get("sentence_places", []) if q.start > p.end and q.ref is None
                     and kind_family(q.kind) == fam]
            if p.count >= 2 and len(ahead) >= p.count:
                out.extend(ahead[:p.count])
                continue
        head = _specific_head(p.name)
        before = st.current.sentence.text[:ev.trigger.start - st.current.sentence.start] if st.current is not None else ""
        here = (_RELATIVE_VERB.search(before) is not None or _LATER_CLAUSE.search(before) is not None
                or _AFTER_RELATIVE.search(before) is not None or ev.trigger.family in ("capture", "recapture", "withdraw") and _OPENING_CLAUSE.match(before) is not None
                # "… launched its push on X, …, and by 20 September the town had fallen to them"
                or ev.trigger.voice == "place_subject" and _LATER_AND_CLAUSE.search(before) is not None)
        # the candidates, nearest first (read only as far as needed)
        cands = (q for q in st.named_back(p.start, fam, here) if head is None or head in q.name.lower())
        nearest = next(cands, None)
        if nearest is None and head is not None and p.count == 1:
            # "the police station", "the dried tea leaf factory": a first mention, not a reference
            name = without_determiners(p.name)
            out.append(_facility_named(Place(p.start, p.end, name, HEAD_KIND.get(head, "other")), st))
            continue
        if nearest is None:
            continue
        if p.count == 1 and here and st.current is not None and nearest.start >= st.current.sentence.start:
            # "took Mindat in May, but the military reoccupied the town": the named place, where
            # the reference stands (the ranker reads the words between the verb and its object)
            out.append(dataclasses.replace(nearest, start=p.start, end=p.end))
        elif p.count == 0:  # "the bases": the last six named within 400 characters of the nearest one
            out.extend(_unique(_last_within(nearest, cands, 400, 6)[::-1]))
        else:
            out.extend(_nearest_unique(nearest, cands, p.count)[::-1])
    if not out and not ev.places and ev.extra.get("pronoun_object"):
        here = [q for q in ev.extra.get("sentence_places", []) if q.end <= ev.trigger.start and q.ref is None]
        out = here[-1:] or [q for q in st.last_objects if q.ref is None]
    elif not out and not ev.places and (ev.change == "withdrew" and ev.extra.get("intransitive")
                                        or ev.trigger.voice != "active"):
        out = [q for q in st.last_objects if q.ref is None]
    return _unique(out)


_FACILITY_WORDS = re.compile(r"^(?:the|a|an|this|that|its|their|one|another|[\w-]+['’]s?)$", re.I)


def _facility_named(p: Place, st: DocumentState) -> Place:
    """An unnamed facility ("the police station", "a power substation", "the city's police
    station") named by its settlement: the town its sentence names before it, else the one
    the report named last ("police station in Mone"); unchanged when there is none."""
    head = _specific_head(p.name)
    if head is None or head in ("road", "highway", "office", "offices") or st.current is None:
        return p
    towns = [q for q in st.current.places if q.ref is None and q.unit is None and not q.inner
             and kind_family(q.kind) == "town" and q.end <= p.start]
    town = towns[-1] if towns else next(st.named_back(p.start, "town"), None)
    if town is None or town.ref is not None:
        return p
    if head in ("airport", "airfield"):  # an airport is named after its town: one site with "Bhamo Airport"
        return Place(p.start, p.end, f"{town.name} Airport", "airport", ref=p.ref)
    words = p.name.split()
    while words and _FACILITY_WORDS.match(words[0]) and len(words) > 1:
        words = words[1:]
    return Place(p.start, p.end, f"{' '.join(words)} in {town.name}", p.kind, ref=p.ref)


def _last_within(nearest: Place, farther: Iterator[Place], span: int, n: int) -> list[Place]:
    """``nearest`` and the places of ``farther`` (nearest first, starts not increasing) that start
    less than ``span`` characters before it, at most ``n`` in all, nearest first."""
    out = [nearest]
    for q in farther:
        if len(out) >= n or nearest.start - q.start >= span:
            break  # the places further back start earlier still
        out.append(q)
    return out


def _nearest_unique(nearest: Place, farther: Iterator[Place], n: int) -> list[Place]:
    """The first ``n`` places of ``nearest`` then ``farther`` with a key not seen before
    (``_unique(...)[:n]``, reading only as far as needed)."""
    seen = {nearest.key}
    out = [nearest]
    for q in farther:
        if len(out) >= n:
            break
        if q.key not in seen:
            seen.add(q.key)
            out.append(q)
    return out[:n]


# longest-first where one ends another: "airport" before "port"
_SPECIFIC = ("naval base", "air base", "airport", "airfield", "police station", "substation", "terminal", "power plant", "power station", "border gate", "trade gate", "bridge", "factory", "hospital", "prison", "jetty", "port",
             "dam", "offices", "office", "compound", "checkpoint", "gate", "road", "highway")


_SPECIFIC_ENDINGS = _SPECIFIC + tuple(h + "s" for h in _SPECIFIC)  # what a name may end with to have one


def _specific_head(name: str) -> str | None:
    low = name.lower()
    if not low.endswith(_SPECIFIC_ENDINGS):
        return None  # most names: one test in C instead of one per head noun
    return next((h for h in _SPECIFIC if low.endswith(h) or low.endswith(h + "s")), None)


def _unique(places: list[Place]) -> list[Place]:
    seen, out = set(), []
    for p in places:
        if p.key not in seen:
            seen.add(p.key)
            out.append(p)
    return out


Span = tuple[dt.date | None, dt.date | None, str]  # first day, last day (None: one day), precision


def claim_dates(sms: list[SentenceMentions], wanted: set[int], pub: dt.date) -> dict[int, Span]:
    """The date of the figures of each sentence in ``wanted`` (sentence indexes): the
    sentence's own date (a relative one counted from the date told before, a speech date
    skipped), else the date its paragraph set, else the last date the report told (figures
    count the fighting the report is about), else the week before the report."""
    out: dict[int, Span] = {}
    para_date: dict[int, Span] = {}
    last: Span | None = None
    last_wanted = max(wanted, default=-1)
    for sm in sms:
        s = sm.sentence
        if s.index > last_wanted:
            break  # a sentence after the last one wanted dates none of them (its dates are not looked for)
        anchor = para_date.get(s.para) or last
        own = _own_date(sm, anchor[0] if anchor else None, pub)
        if s.index in wanted:
            out[s.index] = own or anchor or (pub - dt.timedelta(days=7), pub, "week")
        if own is not None:
            para_date[s.para] = last = own
    return out


def _own_date(sm: SentenceMentions, anchor: dt.date | None, pub: dt.date) -> Span | None:
    """The first date of the sentence that is not a speech date, resolved and never after ``pub``."""
    s = sm.sentence
    for d in sm.dates:
        if _SPEECH_DATE.search(s.text[:d.start - s.start]):
            continue
        span = d.resolve(anchor, pub)
        first, last = not_after(*span, pub) if span is not None else (None, None)
        if first is not None:
            return first, (last if last != first else None), d.precision
    return None


def _sentence_relative(sm: SentenceMentions) -> DateSpan | None:
    """The sentence's first relative date ("two days later") if it is no speech date."""
    s = sm.sentence
    for d in sm.dates:
        if d.first is None and d.relative is not None and not _SPEECH_DATE.search(s.text[:d.start - s.start]):
            return d
    return None


def _sentence_date(sm: SentenceMentions, text: str) -> DateSpan | None:
    for d in sm.dates:
        if d.first is not None and not _SPEECH_DATE.search(text[:d.start - sm.sentence.start]):
            return d
    return None


_BRACKET_DAY = re.compile(r"\s*\(\s*(?:on\s+)?$", re.I)


def _place_date(sm: SentenceMentions, place: Place, pub: dt.date) -> tuple[dt.date, dt.date | None, str] | None:
    """A date in brackets right after the place is that place's own: "an armoured battalion
    (March 4) and the airport (March 5)"; so is a date told right after each place of a list
    ("Lashio in April, Nawnghkio in July")."""
    for i, d in enumerate(sm.dates):
        if d.first is None:
            # "A on 3 May, and B a week later": a relative date counts from the one before it
            own = next((o for o in reversed(sm.dates[:i]) if o.first is not None), None)
            span = d.resolve(own.first if own is not None and own.precision == "day" else None, pub)
            if span is None:
                continue
            d = dataclasses.replace(d, first=span[0], last=span[1])
        if (0 < d.start - place.end <= 7 and _BRACKET_DAY.match(
                sm.sentence.text, place.end - sm.sentence.start, d.start - sm.sentence.start)
                or len(sm.dates) >= 2 and not any(o.precision == "year" for o in sm.dates)  # ("last year … in March")
                and 0 < d.start - place.end <= 4 and _LIST_DAY.fullmatch(
                    sm.sentence.text, place.end - sm.sentence.start, d.start - sm.sentence.start)):
            # (or a list of places dated one by one: "Lashio in April, Nawnghkio in July")
            d = _said_as_of(sm, d, pub)
            first, last = not_after(d.first, d.last, pub)
            if first is not None:
                return first, (last if last != first else None), d.precision
    if len(sm.dates) >= 2:
        # "took A on July 1, and B fell on July 3": a place with its own verb and date after it
        t, off = sm.sentence.text, sm.sentence.start
        for tr in sm.triggers:
            if tr.start < place.end or tr.start - place.end > 24:
                continue
            if not _OWN_VERB_GAP.fullmatch(t, place.end - off, tr.start - off):
                break
            for d in sm.dates:
                if d.first is not None and 0 < d.start - tr.end <= 40 and _OWN_VERB_DATE_GAP.fullmatch(t, tr.end - off, d.start - off):
                    d = _said_as_of(sm, d, pub)
                    first, last = not_after(d.first, d.last, pub)
                    if first is not None:
                        return first, (last if last != first else None), d.precision
            break
    if len(sm.dates) >= 2 and not any(o.precision == "year" for o in sm.dates):
        # "took A on July 14, and two days later, on July 16, B": a date opening a list's item
        t, off = sm.sentence.text, sm.sentence.start
        for d in sm.dates:
            if d.first is not None and 0 <= place.start - d.end <= 6 and _ITEM_DATE_GAP.fullmatch(t, d.end - off, place.start - off) \
                    and _ITEM_DATE_LEAD.search(t, max(0, d.start - off - 40), d.start - off):
                d = _said_as_of(sm, d, pub)
                first, last = not_after(d.first, d.last, pub)
                if first is not None:
                    return first, (last if last != first else None), d.precision
    if len(sm.dates) >= 2:
        # "… Nawnghkio in July, and then Kyaukme and Hsipaw in October": the pair's date
        nxt = next((q for q in sm.places if q.start > place.end and not q.inner), None)
        if nxt is not None and _AND_GAP.fullmatch(sm.sentence.text, place.end - sm.sentence.start, nxt.start - sm.sentence.start):
            return _place_date(sm, nxt, pub)
    return None


_LIST_DAY = re.compile(r"\s+(?:(?:in|on)\s+)?")  # "A on 3 May, and B a week later"
_OWN_VERB_GAP = re.compile(r"\s+(?:(?:was|were|had|has|have)\s+(?:been\s+)?(?:also\s+|then\s+|later\s+)?)?", re.I)
_OWN_VERB_DATE_GAP = re.compile(r"(?:\s+to\s+(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+){0,3}?)?\s+(?:on|in)\s+", re.I)
_ITEM_DATE_GAP = re.compile(r",?\s*(?:(?:a|an|the)\s+)?", re.I)
_ITEM_DATE_LEAD = re.compile(r"(?:,|\band)\s*(?:[\w-]+\s+){0,3}?(?:later\s*,?\s*|after\s*,?\s*)?(?:on|in)\s+$", re.I)
_AND_GAP = re.compile(r"\s+and\s+")


def _spoken_on(d: DateSpan, sm: SentenceMentions, ev: Event) -> bool:
    """Whether ``d`` is when something was said, not when the event happened: "said on
    Monday", or a date before a speech verb that comes before the trigger ("On Monday the
    KIA announced that it had taken …")."""
    s = sm.sentence
    if _SPEECH_DATE.search(s.text[:d.start - s.start]):
        return True
    return d.end <= ev.trigger.start and any(d.end <= a and b <= ev.trigger.start for a, b in sm.speech)


# between a date before the trigger and the trigger: another verb's clause ("launched an
# offensive on May 1 and captured the town two weeks later")
_OTHER_CLAUSE = re.compile(r"\band\s+(?:then\s+|later\s+)?(?:\w+ed\s+)?$|;")
# a trigger in an opening perfect participle ("Having retaken the town, troops pushed on in
# early June"): the sentence's dates are the main clause's, the event came before them
_HAVING = re.compile(r"^\W*(?:[Aa]fter\s+)?[Hh]aving\s+(?:\w+\s+)?$")


_BACKGROUND = re.compile(r"(?:\b(?:which|whom)\s+(?:[\w'’-]+,?\s+){0,6}|\bhad\s+(?:\w+ly\s+|been\s+)?)$")


def _background(sm: SentenceMentions, ev: Event) -> bool:
    """A change told in passing, with no date of its own: in a relative clause ("Mogok, which
    the TNLA took, …") or in the past perfect outside reported speech ("the town had fallen")."""
    s = sm.sentence
    m = _BACKGROUND.search(s.text, max(0, ev.trigger.start - s.start - 60), ev.trigger.start - s.start)
    if m is None:
        return False
    return m.group(0).startswith(("which", "whom")) or not any(b <= ev.trigger.start for _, b in sm.speech)


def _participle_date(sm: SentenceMentions, ev: Event, pub: dt.date) -> tuple[dt.date | None, dt.date | None, str]:
    """The date of a change told in an opening perfect participle: one inside that clause
    ("Having taken the base on May 3, ..."), else the month up to the main clause's date (the
    event came before it; a later sentence may tell it)."""
    s = sm.sentence
    comma = s.text.find(",", ev.trigger.end - s.start)
    end = s.start + comma if comma >= 0 else s.end
    for d in sm.dates:
        if ev.trigger.end <= d.start < end and d.first is not None:
            d = _said_as_of(sm, d, pub)
            first, last = not_after(d.first, d.last, pub)
            if first is not None:
                return first, (last if last != first else None), d.precision
    # else the month up to the main clause's date (or the report): the weakest date in a merge,
    # so a later sentence that tells it wins
    main = next((d for d in sm.dates if d.start >= end and d.first is not None), None)
    ref = min(main.last or main.first, pub) if main is not None else pub
    return ref - _PASSING, ref, "week"


_WHEN_AFTER = re.compile(r"\s*,?\s+when\b", re.I)
_SINCE = re.compile(r"\bsince\s+(?:early\s+|late\s+|mid-?)?$", re.I)


def _not_its_date(d: DateSpan, ev: Event, text: str, s_start: int) -> bool:
    """A date that belongs to no change: the start of a state ("which the PDF had held since
    2023", "its fourth camp since April")."""
    since = (_SINCE.search(text, max(0, d.start - s_start - 14), d.start - s_start) is not None
             or text.startswith(("since ", "Since "), d.start - s_start))
    return since and not _WHEN_AFTER.match(text, d.end - s_start)  # "since May, when the KIA seized it"


_WHO_BEFORE = re.compile(r"\b(?:who|which|that)\s+(?:[\w'’-]+\s+){0,3}$", re.I)


def _relative_verb_between(sm: SentenceMentions, ev: Event, d: DateSpan) -> bool:
    """A date after the verb of a relative clause that follows ``ev``'s verb is that verb's
    ("retook X from the rebels who seized it in January")."""
    s = sm.sentence
    return d.start >= ev.trigger.end and any(
        ev.trigger.end <= t.start and t.end <= d.start and t.family in ("capture", "recapture", "withdraw")
        and _WHO_BEFORE.search(s.text, 0, t.start - s.start)
        and "," not in s.text[t.end - s.start:d.start - s.start]  # (", which it took in May, on 3 June": closed before it)
        for t in sm.triggers)


def _distance(d: DateSpan, ev: Event, text: str, s_start: int) -> int:
    """How far a date is from the trigger: one after it counts nearer than one before it, and
    one before it across another verb's clause counts far."""
    if d.start >= ev.trigger.start:
        return abs(d.start - ev.trigger.end)
    dist = abs(ev.trigger.start - d.end) + 5
    if _OTHER_CLAUSE.search(text, d.end - s_start, ev.trigger.start - s_start) or (
            _OPEN_RELATIVE.search(text, 0, d.start - s_start)
            and _REST_OF_RELATIVE.match(text, d.end - s_start, ev.trigger.start - s_start)):
        dist += 60  # (or the date of a relative clause before it: "the PNLA, which took X in 2023, lost …")
    return dist


_PASSING = dt.timedelta(days=30)
_SINCE_TOLD = dt.timedelta(days=62)  # how far back an undated change told in passing is put
_NEXT_CLAUSE_DATE = re.compile(r"\band\s+(?:then\s+|later\s+)?(?:on|in|by)\s+$", re.I)
# from a relative date's end to a trigger in the clause it opens: "a week after [capturing]", "two days after the town [fell]"
_AFTER_CLAUSE = re.compile(r"[\w\s-]*?\b(?:after|before)\s+(?!(?:that|this)\s*(?:,|\s+(?:it|they|we|he|she|the)\b))[^,;]*$", re.I)
_OPEN_RELATIVE = re.compile(r",\s*(?:which|who)\b[^,;]*$", re.I)
_REST_OF_RELATIVE = re.compile(r"[^,;]*,\s*(?:\w+\s+){0,2}$")


def _date(sm: SentenceMentions, ev: Event, st: DocumentState, pub: dt.date) -> tuple[dt.date | None, dt.date | None, str]:
    """The date of ``ev``. Its paragraph's date before it (``anchor``), and the last date the
    report told before it, are looked for only when its sentence has no date of its own or a
    relative one ("two days later")."""
    s = sm.sentence
    if _HAVING.match(s.text, 0, max(0, ev.trigger.start - s.start)):
        return _participle_date(sm, ev, pub)
    best: DateSpan | None = None
    spoken: DateSpan | None = None
    best_dist = 10 ** 9
    outer = _outer_clauses(sm, ev) if len(sm.dates) >= 2 else ()
    for d in sm.dates:
        if _spoken_on(d, sm, ev):
            spoken = spoken or (d if d.first is not None else None)
            continue
        if ev.change in ("captured", "withdrew") and (_not_its_date(d, ev, s.text, s.start)
                                                       or _relative_verb_between(sm, ev, d)):
            continue
        if outer and any(r.end <= d.start < end for r, end in outer):
            continue  # "A week after the KIA took A on June 20, troops left B": June 20 is A's
        if outer and d.first is None and any(r is d for r, _ in outer) \
                and any(o.first is not None and o.end <= d.start and _APPOSED.fullmatch(s.text, o.end - s.start, d.start - s.start)
                        for o in sm.dates):
            continue  # "On May 6, two days after A fell, the AA took B": the day before it is B's
        dist = _distance(d, ev, s.text, s.start)
        if d.start >= ev.trigger.end and _NEXT_CLAUSE_DATE.search(s.text, max(0, d.start - s.start - 24), d.start - s.start) \
                and any(t.start >= d.end for t in sm.triggers):
            dist += 60  # "overran A and on July 8 captured B": the date of the next verb
        if dist < best_dist:
            best, best_dist = d, dist
    if best is not None and best.first is None and outer:
        end = next((e for r, e in outer if r is best), None)
        told = next((d for d in sm.dates if d.first is not None and end is not None and best.end <= d.start < end), None)
        if told is not None:  # "A week after the KIA took A on June 20, troops left B": June 27
            first, last = not_after(*best.resolve(told.first, pub, told.last), pub)
            if first is not None:
                return first, (last if last != first else None), best.precision
    if best is not None and best.first is None:
        # "on May 6, two days after the IB 606 base was overrun": counted from the sentence's own date
        # ("A on 1 July. B fell three days later, and C on 6 July": not from a date after it, unless
        # the event is the one it counts from: "two days after the base was overrun, on May 6")
        counted_from = best.start < ev.trigger.start and _AFTER_CLAUSE.match(
            s.text, best.start - s.start, ev.trigger.start - s.start)
        own = next((d for d in sm.dates if d.first is not None and d is not best
                    and (d.end <= best.start or counted_from)), None)
        if own is not None:
            rel = best
            if counted_from or best.start < ev.trigger.start and re.search(
                    r"\bafter\b", text_of(sm)[best.start - s.start:best.end - s.start + 8]):
                rel = best.mirrored()
            first, last = not_after(*rel.resolve(own.first, pub), pub)
            if first is not None:
                return first, (last if last != first else None), best.precision
    if best is not None and spoken is not None:
        best = _said_as_of(sm, best, pub)  # '"Yesterday we took it," he said on Monday': as of Monday
    if best is not None and best.first is None and best.start < ev.trigger.start and _AFTER_CLAUSE.match(
            s.text, best.start - s.start, ev.trigger.start - s.start):
        # "Two days after A fell, the AA took B": A's fall is the day the date counts from
        best = dataclasses.replace(best, relative=0, length=0, precision="day")
    # told in passing ("the town had fallen", "X, which the TNLA took"): its date, if any, is told
    # elsewhere (and wins the merge); else it came before the news of the report
    passing = best is None and ev.change in ("captured", "withdrew") and _background(sm, ev)
    anchor = None  # the date the event's paragraph had set before its sentence
    if best is None or best.first is None:
        anchor = st.date_before(s.index, s.para)
    if best is None:
        best = anchor
    if best is None and ev.change in ("captured", "withdrew"):
        best = st.lede_date(s.index)  # "X fell to the AA. The town was overrun on May 2 after ..."
    if best is None and spoken is None and ev.change in ("captured", "withdrew") and s.index > 0:
        # a paragraph that lists what the one before told with its date: "The AA said it had
        # captured three towns in February. ¶ It seized A, B and C after weeks of fighting."
        prev = st.sms[s.index - 1]
        if prev.sentence.para != s.para and any(
                t.family in ("capture", "recapture", "withdraw") and not t.negated for t in prev.triggers):
            d = st.sentence_date(s.index - 1)
            if d is not None and not d.since and d.precision != "year" and d.last is not None \
                    and d.last < pub - dt.timedelta(days=7):
                best = d  # (a date in the week before the report is no better than that week)
    if best is None and spoken is not None:
        if ev.change in ("held", "contested"):
            return spoken.first, None, "day"  # a state told on the day it was said
        return spoken.first - dt.timedelta(days=7), spoken.first, "week"  # a change before it was told
    if best is None and passing:
        return pub - _PASSING, pub, "week"  # (a guess: weakest in a merge, as the default week)
    if best is None and ev.change in ("captured", "withdrew"):
        # no date of its own after a report that told older dates: between the last date told and
        # the report (a round-up's undated paragraph after dated ones)
        prev = st.date_before(s.index)
        if prev is not None and not prev.since and prev.precision != "year" and prev.first is not None \
                and pub - _SINCE_TOLD <= prev.first and prev.last < pub - dt.timedelta(days=7):
            return prev.first, pub, "week"
    if best is None:  # no date stated: the week before the report (reports tell recent events)
        return pub - dt.timedelta(days=7), pub, "week"
    if best.first is None and anchor is None:
        anchor = st.date_before(s.index)  # "Two days later" opening a paragraph: after the date told last
    if best.first is None and anchor is not None and anchor.first is not None:
        # "A week later it took B, and three days after that C": counted from the relative date before it
        for d in sm.dates:
            if d.end > best.start:
                break
            if d.first is None and d.relative is not None and not _SPEECH_DATE.search(s.text[:d.start - s.start]):
                got = d.resolve(anchor.first, pub, anchor.last)
                if got is not None:
                    anchor = dataclasses.replace(d, first=got[0], last=got[1], relative=None, length=0)
    span = best.resolve(anchor.first if anchor and anchor.first else None, pub,  # ``anchor`` read only if relative
                        anchor.last if anchor else None)
    if span is None:  # counted from a date the report never told ("Days after the coup, …"): as undated
        return pub - dt.timedelta(days=7), pub, "week"
    first, last = not_after(span[0], span[1], pub)
    if first is None:
        return None, None, "unknown"
    return first, (last if last != first else None), best.precision


_CLAUSE_END = re.compile(r"[,;]")
_APPOSED = re.compile(r"\s*,\s*")  # "On May 6, two days after …": a relative date told beside a day


def _outer_clauses(sm: SentenceMentions, ev: Event) -> list[tuple[DateSpan, int]]:
    """The clauses that a relative date opens with "after" or "before" ("a week after the KIA
    took A on June 20") and that do not hold ``ev``'s verb: (the date, where its clause ends)."""
    s = sm.sentence
    out = []
    for r in sm.dates:
        if r.first is None and r.relative is not None and re.search(
                r"\b(?:after|before)\b", s.text[r.start - s.start:r.end - s.start + 8]):
            m = _CLAUSE_END.search(s.text, r.end - s.start)
            end = s.start + (m.start() if m else len(s.text))
            if not r.end <= ev.trigger.start < end:
                out.append((r, end))
    return out


def _said_as_of(sm: SentenceMentions, d: DateSpan, pub: dt.date) -> DateSpan:
    """``d`` read as of the day its sentence says something was said ("said on Monday"), when
    ``d`` is told from the day of writing or by its weekday (see ``_as_of``)."""
    if d.first is None or not (d.deictic or d.weekday):
        return d
    s = sm.sentence
    said = next((o for o in sm.dates if o is not d and o.first is not None and o.first < pub
                 and _SPEECH_DATE.search(s.text[:o.start - s.start])), None)
    if said is None or d.weekday and not d.deictic and d.first <= said.first:
        return d
    return _as_of(d, said.first, pub)


def _as_of(d: DateSpan, said: dt.date, pub: dt.date) -> DateSpan:
    """A day told from the day of writing ("yesterday", "two days ago") or by its weekday, read
    as of the day it was said (``said``, before ``pub``): "yesterday" is the day before it, a
    weekday the last such day on or before it."""
    if d.deictic:
        shift = said - pub
        return dataclasses.replace(d, first=d.first + shift, last=(d.last or d.first) + shift)
    day = d.first
    while day > said:
        day -= dt.timedelta(days=7)
    return dataclasses.replace(d, first=day, last=day)


def text_of(sm: SentenceMentions) -> str:
    return sm.sentence.text


# STATE_MEDIA asked only of a clause that holds one of these (each alternative of it holds one
# of them, lower-cased): most clauses before a speech verb name no state outlet, and the
# case-insensitive alternation costs a try of every alternative at every character
_STATE_MEDIA = StemGated(STATE_MEDIA, ("global", "gnlm", "mrtv", "myawady", "information", "state", "radio", "mitv",
                                       "mirror", "commander", "true", "alinn", "kyemon", "mna", "agency", "light", "myawaddy",
                                       "moi", "digital", "mwd"))


def _attribution(sm: SentenceMentions, military: str) -> str | None:
    if not sm.speech:
        return None
    for a, b in sm.speech:
        according = sm.sentence.text[a - sm.sentence.start:b - sm.sentence.start].lower().startswith("according")
        if not according:
            # the speaker is the clause before the verb: "…, MRTV reported", "the junta's
            # information team said the AA had …" (not the AA after it, nor the KIA the clause before names)
            rel = a - sm.sentence.start
            clause_start = max(sm.sentence.text.rfind(c, 0, rel) for c in ",;:—\"“”") + 1
            clause = _PARENTHESES.sub("", sm.sentence.text[clause_start:rel])  # "the Chinland Defense Force (Mindat) said"
            if _STATE_MEDIA.search(clause):
                return military
            if _SUBJECT_WORD.search(clause):
                first = clause_start + sm.sentence.start
                own = [x for x in sm.actors if first <= x.start and x.end <= a]
                if own and own[-1].key:
                    return own[-1].key
                if not own:
                    continue  # "residents said", "Myanmar Now reported": no actor's word
        near = [x for x in sm.actors if x.key and ((0 <= a - x.end <= 60 and not according) or 0 <= x.start - b <= 40)]
        if near:
            return min(near, key=lambda x: min(abs(a - x.end), abs(x.start - b))).key
        text = sm.sentence.text
        rel = b - sm.sentence.start
        if text[rel - 12:rel].lower().endswith("according to"):  # "according to Kachin Herald": a source by name
            m = _SOURCE_NAME.match(text, rel)
            if m:
                return m.group(1)
    return None


_SUBJECT_WORD = re.compile(r"[A-Za-z]{2,}")
_PARENTHESES = re.compile(r"\([^()]*\)")
_SOURCE_NAME = re.compile(r"\s+(?:the\s+)?((?:[A-Z][\w'’-]*\s*){1,5})(?=[,.;]|$)")


def locate(place: Place, gaz: Gazetteer, st: DocumentState, states: list[str], n_townships: int | None = None,
           n_states: int | None = None) -> tuple[str | None, str | None]:
    """Township and state of a place: its unit's garrison, the gazetteer entry of its name
    (an ambiguous name settled by a township or state named in the report), else the state
    the sentence or the report names (of the first ``n_townships`` and ``n_states`` the report
    named: all by default)."""
    if place.unit is not None:
        u = gaz.units.get(place.unit.key)
        if u is not None:
            return u.township, u.state
    if gaz.places:
        words = [w for w in _INNER_WORD.findall(place.name) if w not in NOT_PLACE and w.lower() not in (
            "town", "township", "village", "ward", "base", "camp", "airport", "bridge", "gate", "road", "hill",
            "outpost", "post", "station", "headquarters", "city", "highway")]
        for size in range(len(words), 0, -1):
            for i in range(len(words) - size + 1):
                found = [e for e in gaz.lookup(" ".join(words[i:i + size]), "place") if isinstance(e, PlaceEntry)]
                if not found:
                    continue
                found = [e for e in found if e.level != "state"] or found
                if len({(e.township, e.state) for e in found}) > 1:
                    near_t = {t.lower() for t in st.townships[:n_townships]}
                    near_s = set(states) | set(st.states[:n_states])
                    found = ([e for e in found if (e.township or "").lower() in near_t]
                             or [e for e in found if e.state in near_s])
                if found and len({(e.township, e.state) for e in found}) == 1:
                    e = found[0]
                    return (e.township or (e.name if e.level == "township" else None)), e.state
                return None, None
    here = set(states)
    if len(here) == 1:
        return None, next(iter(here))
    return None, st.named_most(n_states)


def _named_most(states: list[str]) -> str | None:
    """The state the report names more often than any other, if one is (what ``Counter``'s
    ``most_common(2)`` tells, without its heap)."""
    if not states:
        return None
    counts = Counter(states)
    top = max(counts.values())
    most = [k for k, c in counts.items() if c == top]
    return most[0] if len(most) == 1 else None


def _kinds_from_report(rs: list[Resolved], sms: list[SentenceMentions]) -> list[Resolved]:
    """A bare name ("Tarong") takes the kind the report gives it elsewhere ("Tarong village")."""
    kinds: dict[str, str] = {}
    bare = {r.place.name for r in rs if r.place.bare}
    if not bare:
        return rs
    names = sorted(bare, key=len, reverse=True)
    for sm in sms:
        text = sm.sentence.text
        if not any(n in text for n in names):  # substring tests: no expression compiled per report
            continue
        for p in sm.places:
            if not p.bare and p.ref is None and p.unit is None:
                kinds.setdefault(p.key, p.kind)
    for r in rs:
        if r.place.bare and r.place.key in kinds:
            p = r.place
            r.place = Place(p.start, p.end, p.name, kinds[p.key], p.unit, bare=False)
        elif r.place.bare and r.event.sentence + 1 < len(sms):
            # "… seized Gang Lum, held by the junta. That position on the road …": the next
            # sentence's back-reference tells the only bare name before it what it is
            here, after = sms[r.event.sentence], sms[r.event.sentence + 1]
            m = _NEXT_REF.match(after.sentence.text)
            kind = HEAD_KIND[m.group(1).lower()] if m else None
            # (not when the sentence names a site of that sort itself: "the camp at X … The camp …")
            if (m and after.sentence.para == here.sentence.para and sum(q.bare for q in here.places) == 1
                    and not any(not q.bare and kind_family(q.kind) == kind_family(kind) for q in here.places)):
                p = r.place
                r.place = Place(p.start, p.end, p.name, kind, p.unit, bare=False)
    return rs


# a sentence opening with a back-reference to one site ("That position …", "The village …")
_NEXT_REF = re.compile(r"\W*(?:That|This|The)\s+(?:[a-z]+\s+)?(position|camp|base|outpost|post|village|hilltop|checkpoint|"
                       r"garrison|stronghold)\b(?!\s+(?:in|at|near|outside|inside)\s+(?:the\s+)?[A-Z])")


def _drop_held_after_capture(rs: list[Resolved]) -> list[Resolved]:
    """"They now hold X" after "they captured X" is the capture told again; "seized X, held
    by the junta" in one sentence names who held it before, no fact of its own."""
    captured = {(r.place.key, r.actor_to) for r in rs if r.change == "captured"}
    here = {(r.event.sentence, r.place.key) for r in rs if r.change == "captured"}
    return [r for r in rs if not (r.change == "held" and (
        (r.place.key, r.actor_to) in captured or (r.event.sentence, r.place.key) in here))]


def _drop_contested_captures(rs: list[Resolved]) -> list[Resolved]:
    """A siege that ended in a capture, told in one sentence, is the capture; fighting in a
    whole township is no contest for a place."""
    captured = {(r.event.sentence, r.place.key) for r in rs if r.change == "captured"}
    return [r for r in rs if not (r.change == "contested" and (
        (r.event.sentence, r.place.key) in captured or r.place.kind == "township"))]


def _one_captor(rs: list[Resolved]) -> list[Resolved]:
    """A place the report has taken by two sides on the same days is one capture misread
    twice: the more probable reading stays. A recapture is another fact: on other days, or
    told by its own verb ("took X; later the junta retook the village")."""
    best: dict[tuple, Resolved] = {}

    def key(r: Resolved) -> tuple:
        return r.place.key, r.date, r.event.trigger.family == "recapture"

    for r in rs:
        if r.change == "captured":
            k = key(r)
            if k not in best or r.extra.get("p", 0) > best[k].extra.get("p", 0):
                best[k] = r
    return [r for r in rs if r.change != "captured" or best[key(r)] is r
            or best[key(r)].actor_to == r.actor_to]


_STRENGTH = {"day": 4, "month": 3, "year": 2, "week": 1}


def _date_strength(date: tuple) -> int:
    """How much a date says: a day, a month, a year, a week (the default: the week before the
    report), none."""
    return 0 if date[0] is None else _STRENGTH.get(date[2], 1)


def _date_known(date: tuple) -> int:
    return 0 if date[0] is None else 1


def _merge(rs: list[Resolved]) -> list[Resolved]:
    """One fact per (change, place, actor): the most probable candidate, in text order."""
    rs = _one_captor(rs)
    out: dict[tuple, Resolved] = {}
    for r in rs:
        key = (r.change, r.place.key, r.actor_to if r.change != "withdrew" else r.actor_from)
        kept = out.get(key)
        # an event told twice keeps the more telling date ("… retook the village on 21 October");
        # a state (held, contested) told twice may be of two times: only a missing date is filled
        strength = _date_strength if r.change in ("captured", "withdrew") else _date_known
        if kept is None or r.extra.get("p", 0) > kept.extra.get("p", 0):
            if kept is not None and strength(kept.date) > strength(r.date):
                r.date = kept.date
            out[key] = r
        elif strength(r.date) > strength(kept.date):
            kept.date = r.date
    return sorted(out.values(), key=lambda r: r.place.start)
