"""Stage 4b — the learned ranker: which (trigger, place) candidates are facts, and of which change.

The assembly (``events``) proposes every pairing of a trigger with a place of its sentence:
the pairs its rules choose and the others. Rules alone are either too eager or too shy on
real reporting; a small multinomial logistic regression over plain features of each pair
(the trigger's family and voice, where the place stands, the words between them, what kind
of mention the place is, whether the rules chose it …) decides ``none`` / ``captured`` /
``withdrew`` / ``contested`` / ``held``.

The model is a JSON file of weights shipped beside this module (``control_model.json``),
trained by ``scripts/train_extractor.py`` on the tune part of the evaluation set only; the
score is a dot product, deterministic and cheap. Without the file, the rules' choice stands.
"""
from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from pathlib import Path

from ingestion.extract.places import kind_family

MODEL_PATH = Path(__file__).with_name("control_model.json")
_WORD = re.compile(r"[a-z][a-z'’-]*|\d+|[,;:()—–-]")
_KEEP_GAP = 6


@lru_cache(maxsize=4)
def load_model(path: str | None = None) -> dict | None:
    p = Path(path) if path else MODEL_PATH
    if not p.exists():
        return None
    data = json.loads(p.read_text(encoding="utf-8"))
    return data


def doc_context(resolved: list) -> dict[str, tuple[set[str], set[int]]]:
    """What the whole report says of each place: the trigger families paired with it and the
    sentences that pair it (a place taken in one sentence and fought over in another)."""
    ctx: dict[str, tuple[set[str], set[int]]] = {}
    for r in resolved:
        fams, sents = ctx.setdefault(r.place.key, (set(), set()))
        fams.add(r.event.trigger.family)
        sents.add(r.event.sentence)
    return ctx


def features(r, text: str, sm, doc: dict | None = None, model: dict | None = None) -> list[str]:
    """The features of one resolved candidate ``r`` (see ``document.Resolved``); ``doc`` is
    the report's ``doc_context``. The first ones depend only on the trigger, the type of the
    place (``_head_key``) and where the place stands from the trigger (``_where``): their
    scores are cached (``_judge``). With ``model``, a trigger form it never saw is read as the
    form of the same word it knows (``known_trigger``)."""
    lead, words = _where(r, text, sm)
    return _prefix_features(_head_key(r, model), lead) + _rest_features(r, text, sm, doc, lead, words)


_SUFFIX = re.compile(r"(?:ing|ed|es|e|s)$")
_TRIGGER_STEMS: dict[int, tuple[dict, dict[str, str]]] = {}


def _stem(trig_text: str) -> str:
    return " ".join(_SUFFIX.sub("", w) for w in trig_text.split())


def known_trigger(trig_text: str, model: dict) -> str:
    """``trig_text``, or, when the model never saw it, the form of the same words it saw
    ("clashing" as "clashes", "enters" as "entered"): a new inflection of a trigger is judged as
    its word, not as nothing (the model learns weights per trigger text)."""
    weights = model["weights"]
    if f"trig={trig_text}" in weights:
        return trig_text
    entry = _TRIGGER_STEMS.get(id(model))
    if entry is None or entry[0] is not model:
        known: dict[str, str] = {}
        for feat in sorted(weights):
            if feat.startswith("trig="):
                known.setdefault(_stem(feat[5:]), feat[5:])
        entry = _TRIGGER_STEMS[id(model)] = (model, known)
    return entry[1].get(_stem(trig_text), trig_text)


def _head_key(r, model: dict | None = None) -> tuple:
    """What the first features of ``r`` depend on: the trigger, the rule's choice, the place's type."""
    ev, place, trig = r.event, r.place, r.event.trigger
    sel = "sel" if ev.extra.get("selected", True) else "cand"
    ptype = ("unit" if place.unit is not None else "ref" if place.ref not in (None, "generic")
             else "generic" if place.ref == "generic" else "bare" if place.bare else "named")
    trig_text = trig.text.lower()[:24]
    if model is not None:
        trig_text = known_trigger(trig_text, model)
    return sel, trig.family, trig.voice, trig_text, trig.negated, ev.change, ptype, kind_family(place.kind)


def _head_features(key: tuple) -> list[str]:
    sel, fam, voice, trig_text, negated, change, ptype, pkind = key
    out = [f"bias", f"sel={sel}", f"fam={fam}", f"voice={voice}", f"fv={fam}_{voice}", f"sf={sel}_{fam}",
           f"sfv={sel}_{fam}_{voice}", f"trig={trig_text}", f"neg={negated}",
           f"sneg={sel}_{negated}", f"rule_change={change}", f"sel_change={sel}_{change}"]
    out += [f"ptype={ptype}", f"pkind={pkind}", f"ptk={ptype}_{pkind}",
            f"fam_pk={fam}_{pkind}", f"fam_pt={fam}_{ptype}"]
    return out


def _where(r, text: str, sm) -> tuple[tuple, list[str]]:
    """Where the place of ``r`` stands from its trigger: (whether it is in the trigger's
    sentence, then "carried", "elsewhere" or its side and the bucket of its distance in words),
    and the words in between (before the place in its sentence, for a carried one)."""
    ev, place, trig = r.event, r.place, r.event.trigger
    s = sm.sentence if sm is not None else None
    in_sentence = s is not None and s.start <= place.start < s.end
    if ev.extra.get("carried"):
        return (in_sentence, "carried"), _WORD.findall(text[s.start:place.start].lower())
    if not in_sentence:
        return (False, "elsewhere"), []
    if place.start >= trig.end:
        side, gap = "after", text[trig.end:place.start]
    else:
        side, gap = "before", text[place.end:trig.start]
    words = _WORD.findall(gap.lower())
    return (True, side, _bucket(len(words))), words


def _lead_features(fam: str, voice: str, lead: tuple) -> list[str]:
    """The features of ``_where``'s ``lead``, right after those of ``_head_features``."""
    out = [f"here={lead[0]}"]
    if lead[1] == "elsewhere":
        out.append("side=elsewhere")
    elif lead[1] != "carried":
        side, bucket = lead[1], lead[2]
        out += [f"side={side}", f"fside={fam}_{side}", f"vside={voice}_{side}",
                f"dist={bucket}", f"fdist={fam}_{side}_{bucket}"]
    return out


def _prefix_features(key: tuple, lead: tuple) -> list[str]:
    """The features whose scores ``_judge`` caches: those of the head key and of the lead."""
    return _head_features(key) + _lead_features(key[1], key[2], lead)


def _rest_features(r, text: str, sm, doc: dict | None, lead: tuple, words: list[str]) -> list[str]:
    """The features of ``r`` after those of ``_lead_features`` (``lead`` and ``words``: from ``_where``)."""
    ev, place, trig = r.event, r.place, r.event.trigger
    fam = trig.family
    s = sm.sentence if sm is not None else None
    out: list[str] = []
    if lead[1] == "carried":
        out += [f"carried_first={w}" for w in words[:3]] + [f"carried_prev={w}" for w in words[-2:]]
        out.append(f"carried_fam={fam}")
    elif lead[0]:
        side = lead[1]
        for w in words[:_KEEP_GAP]:
            out.append(f"g{side[0]}={w}")
        for w in words[-3:]:
            out.append(f"gl{side[0]}={w}")
        if words:
            out.append(f"first{side[0]}={words[0]}")
            out.append(f"last{side[0]}={words[-1]}")
        lo, hi = min(trig.end, place.end), max(trig.start, place.start)  # between the trigger and the place
        out.append(f"gap_other_trig={any(t is not trig and lo <= t.start < hi for t in sm.triggers)}")
        out.append(f"gap_place={any(lo <= q.start < hi for q in sm.places)}")
        out.append(f"gap_actor={any(lo <= a.start < hi for a in sm.actors)}")
        prev = _WORD.findall(text[max(s.start, place.start - 20):place.start].lower())[-1:]
        nxt = _WORD.findall(text[place.end:min(s.end, place.end + 20)].lower())[:1]
        out += [f"prev={prev[0] if prev else '^'}", f"next={nxt[0] if nxt else '$'}"]
    for flag in ("pronoun_object", "intransitive", "carried", "alt_kind"):
        if ev.extra.get(flag):
            out.append(f"flag={flag}")
    if ev.shared_place:
        out.append("flag=shared")
    out.append(f"agent={'none' if r.actor_to is None and r.actor_from is None else 'some'}")
    if s is not None:
        out.append(f"speech={bool(sm.speech)}")
        out.append(f"ntrig={min(len(sm.triggers), 4)}")
        out.append(f"nplace={min(len(sm.places), 6)}")
    idx = ev.sentence
    out.append(f"sidx={'0' if idx == 0 else '1' if idx == 1 else '2-4' if idx <= 4 else '5-9' if idx <= 9 else '10+'}")
    if doc is not None and place.key in doc:
        fams, sents = doc[place.key]
        n = len(sents)
        out.append(f"nsent={'1' if n == 1 else '2' if n == 2 else '3+'}")
        for other in sorted(fams - {fam}):
            out += [f"also={other}", f"fam_also={fam}_{other}"]
    return out


def _bucket(n: int) -> str:
    return "0" if n == 0 else "1-2" if n <= 2 else "3-5" if n <= 5 else "6-10" if n <= 10 else "11+"


# what a trigger of each family may state: a capture may turn out a contest ("captured parts
# of"), a statement of holding a contest ("controls part of"), never a capture (who holds a
# place says nothing of when it was taken), a withdrawal only a withdrawal (the side that took
# the place is another verb's fact); nothing else changes family
ALLOWED = {"capture": ("captured", "contested"), "recapture": ("captured", "contested"),
           "withdraw": ("withdrew",), "contest": ("contested", "captured"),
           "hold": ("held", "contested"), "under_attack": ("contested",)}


_UNDER = re.compile(r"(?:came|come|comes|coming|is|are|was|were|been)\s+under\b", re.I)


def judged_family(trig) -> str:
    """The family whose classes a trigger may be judged: a place that "came under attack" is
    fought over, never taken, whatever the words around it ("contest" may otherwise turn out a
    capture: "attacked and overran")."""
    return "under_attack" if trig.family == "contest" and _UNDER.match(trig.text) else trig.family


def predict(feats: list[str], model: dict, family: str | None = None) -> tuple[str, float]:
    """The most probable class (among those ``family`` allows, and ``none``) and its probability."""
    return _best(_scores(feats, model), model["classes"], family)


def _best(scores: list[float], classes: list[str], family: str | None) -> tuple[str, float]:
    allowed = _allowed(tuple(classes), family)
    top = max(scores[i] for i in allowed)
    exp = {i: math.exp(scores[i] - top) for i in allowed}
    total = sum(exp.values())
    i = max(allowed, key=scores.__getitem__)
    return classes[i], exp[i] / total


@lru_cache(maxsize=64)
def _allowed(classes: tuple[str, ...], family: str | None) -> list[int]:
    """The indices of the classes a trigger of ``family`` may be judged (``none`` always)."""
    return [i for i, c in enumerate(classes) if family is None or c == "none" or c in ALLOWED.get(family, (c,))]


def _scores(feats: list[str], model: dict) -> list[float]:
    """Each class's intercept plus the weights of the features the model knows, added in the
    order of ``feats`` (the same sums, to the last bit, as adding feature by feature: ``sum``
    of floats adds one after the other in a C double on Python 3.11, without the float
    objects of ``reduce(add, ...)``; 3.12 compensates its sums, ``test_ranker_sums`` would see it)."""
    return _scores_from(model["intercept"], feats, model)


def _scores_from(start: list[float], feats: list[str], model: dict) -> list[float]:
    """``start`` (the intercept, or the scores of the features before ``feats``) plus the
    weights of ``feats``, added one after the other: continuing a sum from its partial sums
    is the same sum, to the last bit."""
    rows = list(filter(None, map(model["weights"].get, feats)))  # the known ones (a row is never empty)
    if not rows:
        return list(start)
    return list(map(sum, zip(*rows), start))  # sum(column, b), class by class


# per model (by identity; a model is not changed once ranking with it): (``_head_key``, lead of
# ``_where``) -> scores of ``_prefix_features`` (few keys: the triggers' words, the places' types,
# the sides and distances)
_HEAD_SCORES: dict[int, tuple[dict, dict[tuple, list[float]]]] = {}


def _head_scores(key: tuple, lead: tuple, model: dict) -> list[float]:
    entry = _HEAD_SCORES.get(id(model))
    if entry is None or entry[0] is not model:
        if len(_HEAD_SCORES) > 8:
            _HEAD_SCORES.clear()
        entry = _HEAD_SCORES[id(model)] = (model, {})
    cache = entry[1]
    scores = cache.get((key, lead))
    if scores is None:
        scores = _scores(_prefix_features(key, lead), model)
        if len(cache) < 100_000:
            cache[(key, lead)] = scores
    return scores


def _judge(r, text: str, sm, doc: dict, model: dict) -> tuple[str, float]:
    """``predict(features(r, text, sm, doc), model, family)``, the scores of the first
    features (``_prefix_features``) taken from the cache."""
    lead, words = _where(r, text, sm)
    scores = _scores_from(_head_scores(_head_key(r, model), lead, model), _rest_features(r, text, sm, doc, lead, words), model)
    return _best(scores, model["classes"], judged_family(r.event.trigger))


_OVERRIDE: list[dict] = []  # a model to use instead of the shipped one (training's cross-validation)


class use_model:
    """``with use_model(m): ...`` ranks with ``m`` (training and tests only)."""

    def __init__(self, model: dict):
        self.model = model

    def __enter__(self):
        _OVERRIDE.append(self.model)

    def __exit__(self, *exc):
        _OVERRIDE.pop()


_TAKE = ("capture", "recapture")


def _stated(r, voice: str, families: tuple[str, ...], resolved_agent: bool = False):
    """The agent of ``r`` when the rules chose the pairing, its trigger (of ``voice``, one of
    ``families``) is not negated, its place is named and its agent names a side (or, with
    ``resolved_agent``, was resolved to one: "its troops"); else None. What every plain shape
    below shares."""
    ev, trig = r.event, r.event.trigger
    agent = ev.agent
    if not (ev.extra.get("selected", True) and trig.voice == voice and not trig.negated and trig.family in families
            and r.place.ref is None and agent is not None):
        return None
    return agent if agent.key is not None or resolved_agent and r.agent is not None else None


_PLAIN_GAP = re.compile(r"\s+(?:(?:full\s+|complete\s+|total\s+)?control\s+(?:of|over)\s+)?(?:the\s+)?$")


def _plain(r, text: str) -> bool:
    """The plainest statement of a capture: a named side is the active subject, and the named
    place follows the verb at once ("The TNLA captured Namhsan", "the KIA seized the Nam Lim Pa camp")."""
    trig = r.event.trigger
    return (_stated(r, "active", _TAKE, resolved_agent=True) is not None and not r.event.extra.get("carried")
            and r.place.start >= trig.end and _PLAIN_GAP.fullmatch(text, trig.end, r.place.start) is not None)


_WHICH = re.compile(r"\s*,\s*(?:which|that)\s+(?:the\s+)?$", re.I)
_AUX_GAP = re.compile(r"\s+(?:(?:had|has|have)\s+)?(?:(?:also|now|already|\w+ly)\s+)?$", re.I)


def _plain_relative(r, text: str) -> bool:
    """A capture told in a relative clause right after the place: "Hpa Lin, which the KIA
    captured on 3 May, …"."""
    agent, trig = _stated(r, "active", _TAKE, resolved_agent=True), r.event.trigger
    return (agent is not None and r.place.end <= agent.start and agent.end <= trig.start
            and _WHICH.fullmatch(text, r.place.end, agent.start) is not None
            and _AUX_GAP.fullmatch(text, agent.end, trig.start) is not None)


_PASSIVE_AUX = re.compile(r"\s+(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+(?:(?:also|now|already|\w+ly)\s+)?$", re.I)
_BY_NAMED = re.compile(r"\s+by\s+(?:the\s+)?$")


def _plain_passive(r, text: str) -> bool:
    """The plainest passive capture: the place the subject, the verb right after it, a named
    side after "by" ("Hpa Lin was recaptured by regime troops")."""
    agent, trig = _stated(r, "passive", _TAKE), r.event.trigger
    return (agent is not None and r.place.end <= trig.start and trig.end <= agent.start
            and _PASSIVE_AUX.fullmatch(text, r.place.end, trig.start) is not None
            and _BY_NAMED.fullmatch(text, trig.end, agent.start) is not None)


_FELL_GAP = re.compile(r"(?:\s*,\s*(?:which|that))?\s+(?:(?:had|has|have)\s+)?(?:(?:also|now|finally|\w+ly)\s+)?$", re.I)
_THE_GAP = re.compile(r"\s+(?:the\s+)?$", re.I)


def _plain_fell(r, text: str) -> bool:
    """A place that fell to a named side, told plainly: "X fell to the KIA", "X, which fell to
    the KIA in March, …"."""
    agent, trig = _stated(r, "place_subject", ("capture",)), r.event.trigger
    return (agent is not None and trig.text.lower().startswith(("fell to", "fallen to", "falls to"))
            and r.place.end <= trig.start and trig.end <= agent.start
            and _FELL_GAP.fullmatch(text, r.place.end, trig.start) is not None
            and _THE_GAP.fullmatch(text, trig.end, agent.start) is not None)


_HELD_APPOSED = re.compile(r",\s*(?:now\s+|still\s+|currently\s+|already\s+|long\s+)?$")


def _plain_held(r, text: str) -> bool:
    """A place described as held by a named side in an apposition: "Hpakant, now controlled by
    the KIA, was hit", "Paletwa, held by the AA since January, …"."""
    agent, trig = _stated(r, "passive", ("hold",)), r.event.trigger
    return (agent is not None and r.place.end <= trig.start
            and _HELD_APPOSED.fullmatch(text, r.place.end, trig.start) is not None
            and agent.start >= trig.end and _BY_NAMED.fullmatch(text, trig.end, agent.start) is not None)


# the statements no model may overrule: the rule's change stands
_PLAIN_SHAPES = (_plain, _plain_passive, _plain_held, _plain_relative, _plain_fell)


def rank(resolved: list, text: str, sms: list, model: dict | None = None) -> list:
    """The candidates the model keeps, their change set to the predicted class."""
    model = model if model is not None else (_OVERRIDE[-1] if _OVERRIDE else load_model())
    if model is None:
        return [r for r in resolved if r.event.extra.get("selected", True)]
    threshold = model.get("threshold", 0.5)
    selected_threshold = model.get("selected_threshold", threshold)
    out = []
    # the places a rule took as one verb's coordinated objects ("A, B and C") are one decision:
    # the list is as good as its best-scored member
    doc = doc_context(resolved)
    scored = [(r, *_judge(r, text, sms[r.event.sentence], doc, model)) for r in resolved]
    best: dict[int, tuple[str, float]] = {}
    for r, cls, p in scored:
        if r.event.extra.get("selected", True) and cls != "none":
            k = id(r.event)
            if k not in best or p > best[k][1]:
                best[k] = (cls, p)
    follows = [r for r, _, _ in scored if r.event.rule == "withdraw:driven_out"]
    for r, cls, p in scored:
        if r.event.rule == "withdraw:driven_out":
            continue  # decided with the capture it follows, below
        if r.event.extra.get("selected", True) and id(r.event) in best:
            cls, p = best[id(r.event)]
        elif any(plain(r, text) for plain in _PLAIN_SHAPES):
            cls, p = r.change, max(p, selected_threshold)  # "The TNLA captured Namhsan, …": the rule stands
        if cls == "held" and r.event.extra.get("taken_now"):
            cls = "captured"  # "overran the camp and now control the town": the hold is the capture just told
        if cls != "none" and p >= (selected_threshold if r.event.extra.get("selected", True) else threshold):
            r.change = cls
            r.extra["p"] = p
            out.append(r)
    # "the KNLA drove junta troops out of X": the withdrawal of the side driven out stands or falls
    # with the capture of the same place by the same verb
    taken = {(r.event.trigger.start, r.place.start): r.extra["p"] for r in out if r.change == "captured"}
    for r in follows:
        p = taken.get((r.event.trigger.start, r.place.start))
        if p is not None:
            r.extra["p"] = p
            out.append(r)
    return out
