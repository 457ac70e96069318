"""Who says what: "the KIA said", "according to state media", "he said", "said a
spokesperson for the alliance", and the people who speak for an actor.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ingestion.extract.context import ReportContext, SentenceView
from ingestion.extract.scan import contains_any

SPEECH_RE = re.compile(  # the look-ahead (first letters) only spares the engine hopeless positions
    r"(?=[scrtaidpe])\b(?:said|says|say|claimed|claims|claim|reported|reports|told|added|adding|stated|states|announced|"
    r"confirmed|confirms|acknowledged|insisted|alleged|denied|denies|put|estimated|estimates|"
    r"disputed|saying|accused|recorded|documented|counted)\b"
)
ACCORDING_RE = re.compile(r"\b[Aa]ccording\s+to\s+(?:the\s+|a\s+|an\s+)?")
PRONOUN_SPEAKER_RE = re.compile(
    r"\b(?:he|she|they|it|the\s+(?:spokesperson|spokesman|spokeswoman|officer|official|commander|source|group|alliance|statement))\s*$",
    re.I)
ROLE = (r"(?:spokesperson|spokesman|spokeswoman|official|officer|commander|deputy\s+commander|leader|chairman|"
        r"secretary|information\s+officer|member|sources?|officials|fighter|source)")
TITLE = r"(?:(?:Col|Maj|Lt|Gen|Brig|Capt|Gen|Dr)\.?\s+|Colonel\s+|Major\s+|General\s+|Captain\s+|Lieutenant\s+|Brigadier\s+)"
NAME = r"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3})"
ROLE_NAME_RE = re.compile(rf"\b{ROLE}\s+{TITLE}?{NAME}")
NAME_ROLE_RE = re.compile(rf"{NAME},\s+(?:a|an|the)\s+(?:[\w'’-]+\s+){{0,4}}?{ROLE}\b")
_NON_ACTOR_SPEAKER = re.compile(
    r"\b(?:residents?|rescuers?|villagers?|witnesses|sources|aid\s+(?:groups?|workers?)|relief\s+groups?|"
    r"(?:the\s+)?United\s+Nations|UN(?:'s)?|OCHA|UNHCR|volunteers?|monitors?|analysts?|locals?|doctors?|medics?|"
    r"camp\s+leaders?|officials?|network|group|channel|media)\b")


# pre-filters (exact): every SPEECH_RE match contains one of SPEECH_STEMS, every ROLE one of
# ROLE_STEMS, every PRONOUN_SPEAKER_RE match ends (before white space) with one of PRONOUN_ENDS
SPEECH_STEMS = ("said", "say", "claim", "report", "told", "add", "stat", "announced", "confirm", "acknowledged",
                "insisted", "alleged", "denie", "put", "estimate", "disputed", "accused", "recorded", "documented",
                "counted")
ROLE_STEMS = ("spokes", "official", "officer", "commander", "leader", "chairman", "secretary", "member", "source",
              "fighter")
PRONOUN_ENDS = ("he", "she", "they", "it", "spokesperson", "spokesman", "spokeswoman", "officer", "official",
                "commander", "source", "group", "alliance", "statement")
_LEAD_NAMES = re.compile(r"(?:^|[^.]\s)(?:[A-Z][\w'’.-]+\s+){1,4}$")
_TRAILING_NAMES = re.compile(r"((?:[A-Z][\w'’.-]+\s+){1,4})$")
_LABEL_CUT = re.compile(r"[,.;]")
_LABEL_DET = re.compile(r"^(?:the|a|an)\s+")
_AFTER_SAID = re.compile(r"\s+(?:the|a|an|[A-Z])")
_AFTER_SAID_NOT = re.compile(r"\s+(?:that|it|on|in|the\s+\w+\s+had)\b")
_ALLIANCE_WORD = re.compile(r"\balliance\b")


@dataclass(frozen=True)
class Attribution:
    pos: int  # offset of the speech verb in the sentence
    actor: str | None
    label: str | None  # who, as text, when no actor


def learn_people(sent: SentenceView, ctx: ReportContext) -> None:
    """Remember "KNU spokesperson Saw Htoo Klo" → KNLA for later "Saw Htoo Klo said"."""
    s = sent.text
    if not any(a.key for a in sent.actors) or not contains_any(s, ROLE_STEMS):
        return  # nobody to tie a name to, or no role word: nothing to learn
    for m in ROLE_NAME_RE.finditer(s):
        actor = _actor_before(sent, m.start(), 45)
        if actor:
            _remember(ctx, m.group("name"), actor)
    for m in NAME_ROLE_RE.finditer(s):
        actor = _actor_after(sent, m.end("name"), 70)
        if actor:
            _remember(ctx, m.group("name"), actor)


def _remember(ctx: ReportContext, name: str, actor: str) -> None:
    words = name.split()
    ctx.people[name] = actor
    if len(words) >= 2:
        ctx.people[" ".join(words[-2:])] = actor
        ctx.people[words[-1]] = actor


def _actor_before(sent: SentenceView, pos: int, window: int, ctx: ReportContext | None = None, skip_poss: bool = False):
    best = None
    for a in sent.actors:
        if a.end <= pos and pos - a.end <= window:
            if skip_poss and sent.text.startswith(("'s", "’s"), a.end):
                continue  # "the military's base": a modifier, not who speaks
            key = a.key if a.key is not None or ctx is None else ctx.resolve_anaphor(a, sent)
            if key is not None:
                best = key
    return best


def _actor_after(sent: SentenceView, pos: int, window: int, ctx: ReportContext | None = None):
    for a in sent.actors:
        if a.start >= pos and a.start - pos <= window:
            key = a.key if a.key is not None or ctx is None else ctx.resolve_anaphor(a, sent)
            if key is not None:
                return key
    return None


def attributions(sent: SentenceView, ctx: ReportContext) -> list[Attribution]:
    """Every statement of who says something in the sentence, in order."""
    s = sent.text
    out: list[Attribution] = []
    according = "ccording" in s
    if not according and not contains_any(s, SPEECH_STEMS):
        return out
    for m in (ACCORDING_RE.finditer(s) if according else ()):
        actor = _actor_after(sent, m.end(), 40, ctx)
        if actor:
            out.append(Attribution(m.start(), actor, None))
        else:
            label = _LABEL_CUT.split(s[m.end():])[0].strip()[:60]
            person = _person(label, ctx)
            out.append(Attribution(m.start(), person, None if person else (label or None)))
    for m in SPEECH_RE.finditer(s):
        v = m.start()
        before = s[max(0, v - 70):v]
        pron = _pronoun_speaker(before)
        if pron:
            word = pron.group().lower()
            if "group" in word or "alliance" in word:
                actor = ctx.last_alliance if "alliance" in word and ctx.last_alliance else ctx.last_rebel_speaker
            elif word == "it":
                actor = _actor_before(sent, pron.start(), 200, skip_poss=True) or ctx.last_speaker
            else:
                actor = _actor_before(sent, pron.start(), 200) if word in ("they",) else None
                actor = actor or ctx.para_speaker.get(sent.para) or ctx.last_speaker
            out.append(Attribution(v, actor, None))
            continue
        actor = _actor_before(sent, v, 45, ctx)
        if actor is None:
            person = _person_before(before, ctx)
            if person is None and _may_end_with_name(before) and _LEAD_NAMES.search(before) and not _NON_ACTOR_SPEAKER.search(before[-30:]):
                person = ctx.para_speaker.get(sent.para) or ctx.last_speaker  # a named speaker seen before
            if person:
                out.append(Attribution(v, person, None))
                continue
        if actor is None and m.group() in ("said", "says", "claimed", "told"):
            # "said a commander of the Wuntho PDF", "said Salai Van Bawi, a spokesperson for the alliance"
            after = s[m.end():m.end() + 90]
            if _AFTER_SAID.match(after) and not _AFTER_SAID_NOT.match(after):
                actor = _actor_after(sent, m.end(), 90, ctx)
                if actor is None and _ALLIANCE_WORD.search(after):
                    actor = ctx.last_alliance
        if actor is not None:
            out.append(Attribution(v, actor, None))
            continue
        nm = _NON_ACTOR_SPEAKER.search(before[-40:])
        if nm:
            label = before[-40:][nm.start():].strip()
            label = _LABEL_DET.sub("", label)
            out.append(Attribution(v, None, label.split(",")[0].strip() or None))
    out.sort(key=lambda a: a.pos)
    return out


def _pronoun_speaker(before: str) -> re.Match | None:
    """``PRONOUN_SPEAKER_RE.search(before)``, skipped when ``before`` cannot end with a pronoun."""
    if before.isascii() and not before.rstrip().lower().endswith(PRONOUN_ENDS):
        return None
    return PRONOUN_SPEAKER_RE.search(before)


def _may_end_with_name(before: str) -> bool:
    """False only when ``_TRAILING_NAMES`` / ``_LEAD_NAMES`` cannot match: both need ``before`` to
    end with white space after a last word holding a capital A-Z (their last repetition lies
    inside that word). A cheap test before the end-anchored searches, which try every position."""
    word = before.rstrip()
    if len(word) == len(before) or not word:
        return False
    last = word.rsplit(None, 1)[-1]
    return not last.islower() and any("A" <= c <= "Z" for c in last)


def _person(label: str, ctx: ReportContext) -> str | None:
    for name, actor in ctx.people.items():
        if name and name in label:
            return actor
    return None


def _person_before(before: str, ctx: ReportContext) -> str | None:
    if not _may_end_with_name(before):
        return None
    m = _TRAILING_NAMES.search(before)
    if not m:
        return None
    return _person(m.group(1).strip(), ctx)


def nearest(atts: list[Attribution], pos: int) -> Attribution | None:
    """The attribution that covers offset ``pos``: the closest one, preferring earlier."""
    if not atts:
        return None
    return min(atts, key=lambda a: abs(a.pos - pos) * (1 if a.pos <= pos else 1.2))
