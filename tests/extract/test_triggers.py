"""Every trigger form fires: each pattern of ``triggers.ACTIVE``, ``NOMINAL`` and
``PLACE_SUBJECT`` is exercised by an invented example, so a form added to the lists cannot
silently never match, and negation and intent are recognised."""
from __future__ import annotations

import re

import pytest

from ingestion.extract.triggers import ACTIVE, NOMINAL, PLACE_SUBJECT, find_triggers

# family -> example trigger texts, as they stand in a sentence (invented wording)
EXAMPLES = {
    "capture": [
        "captured", "seizes", "overran", "got control of", "overpowered", "occupied", "conquered", "liberated", "stormed",
        "took full control of", "taken control on Monday of", "took over", "gained control of", "won control over",
        "took the town", "takes Hka Lu", "taken", "taking the post", "take the camp", "wrested control of", "cleared the ward", "clear the KIA terrorists from",
        "secured the bridge", "over-ran", "annexed", "completely controlled", "drove the regime troops out of", "drove its fighters out", "claimed control of", "lost two camps",
        "surrendered the town", "is now in full control of", "handed over Hsenwi", "handed Lashio back to", "chased junta soldiers from",
        "raised their flag over", "entered the town", "moved into",
    ],
    "recapture": ["recaptured", "retook", "retaken", "regained control of", "reclaimed", "reoccupied", "reseized",
                  "took back", "re-captured", "again controls", "restored stability in", "recovered important towns", "got the village back", "stability was restored in",
                  "won Hka Lu back"],
    "withdraw": ["withdrew", "retreated", "pulled out", "gave up its positions", "pulled its troops out", "abandoned", "fled", "flee", "evacuated the camp", "vacated", "left the base",
                 "moved out", "deserted", "relocated", "ran away", "ran off from the camp", "fell back", "withdrawal from", "driven from"],
    "contest": ["attacked", "assaulted", "besieged", "surrounded", "encircled", "raided", "stormed",
                "fighting near the camp", "clashes broke out in the town", "launched an offensive on", "tried to capture", "attempt by rebel forces to seize", "pushed towards", "closing in on",
                "moved towards"],
    "hold": ["had been occupying", "controls", "control", "held", "retains", "maintained control of", "remains in full control of",
             "is firmly in control",
             "administers", "occupies", "is in full control of", "now in full control of", "has full control over", "are in charge of",
             "has been in control of", "are now confined to"],
}
NOMINAL_EXAMPLES = {
    "capture": ["capture", "seizure", "takeover", "take-over", "fall", "occupation", "conquest", "liberation",
                "capturing", "seizing", "overrunning", "loss", "lost control", "surrender"],
    "recapture": ["recapture", "retaking", "reoccupation", "recapturing"],
    "withdraw": ["withdrawal", "retreat", "evacuation", "abandonment", "abandoning", "pullout"],
    "contest": ["siege", "battle", "assault", "attack", "offensive", "fighting", "encirclement", "blockade"],
}
PLACE_SUBJECT_EXAMPLES = {
    "capture": ["fell to", "fallen under", "came under the control of", "was now in the hands of", "is now in their hands",
                "handed over to", "passed to", "surrendered to", "gave themselves up to", "pass entirely into the hands of", "was now in their control",
                "fell"],
    "recapture": ["has been restored to peace and stability", "returned to stability"],
    "hold": ["remains under junta control", "is controlled by", "is now run by", "is governed by", "remained firmly in junta hands", "has been in KIA hands",
             "still in regime hands"],
    "contest": ["changed hands", "came under heavy attack"],
}


def _fires(pattern: str, examples: list[str], suffix: str = "") -> bool:
    """``pattern`` matches at the start of one of the examples (which carry the words a
    look-ahead needs)."""
    rx = re.compile(rf"(?:{pattern}){suffix}\b", re.I)
    return any(rx.match(e) for e in examples)


@pytest.mark.parametrize("family", sorted(ACTIVE))
def test_every_active_form_has_an_example_that_fires(family):
    missing = [p for p in ACTIVE[family] if not _fires(p, EXAMPLES[family])]
    assert not missing, f"{family}: no example fires {missing}"


@pytest.mark.parametrize("family", sorted(NOMINAL))
def test_every_nominal_form_has_an_example_that_fires(family):
    missing = [p for p in NOMINAL[family] if not _fires(p, NOMINAL_EXAMPLES[family])]
    assert not missing, f"{family}: no example fires {missing}"


@pytest.mark.parametrize("family", sorted(PLACE_SUBJECT))
def test_every_place_subject_form_has_an_example_that_fires(family):
    missing = [p for p in PLACE_SUBJECT[family] if not _fires(p, PLACE_SUBJECT_EXAMPLES[family])]
    assert not missing, f"{family}: no example fires {missing}"


@pytest.mark.parametrize(("sentence", "family", "voice"), [
    ("The Wa Hpa army seized Loi Mwe on Friday.", "capture", "active"),
    ("Loi Mwe was seized by the resistance.", "capture", "passive"),
    ("Loi Mwe fell to the resistance on Friday.", "capture", "place_subject"),
    ("The capture of Loi Mwe surprised observers.", "capture", "nominal"),
    ("Junta troops retook Loi Mwe.", "recapture", "active"),
    ("Soldiers pulled out of Loi Mwe overnight.", "withdraw", "active"),
    ("Junta troops were driven from Loi Mwe on Friday.", "withdraw", "active"),
    ("Fighters have besieged the Loi Mwe camp since May.", "contest", "active"),
    ("Loi Mwe remains under junta control.", "hold", "place_subject"),
    ("A post held by the junta near Loi Mwe was overrun.", "hold", "passive"),
])
def test_voice_of_a_trigger(sentence, family, voice):
    found = [(t.family, t.voice) for t in find_triggers(sentence, 0, len(sentence))]
    assert (family, voice) in found, found


@pytest.mark.parametrize("sentence", [
    "The resistance failed to capture Loi Mwe.",
    "The junta plans to retake Loi Mwe next month.",
    "Fighters have not seized the Loi Mwe camp.",
    "The group vowed to capture Loi Mwe.",
    "The army launched an offensive to retake Loi Mwe.",
    "They haven't taken the whole base yet.",
    "Only two towns, Loi Mwe and Nam Pan, are still to be taken.",
    "The Loi Mwe camp is yet to be captured, the group said.",
])
def test_negation_and_intent_are_marked(sentence):
    """No capture is stated: the verb is negated, or the intent is a contest at most."""
    trig = [t for t in find_triggers(sentence, 0, len(sentence)) if t.family in ("capture", "recapture")]
    assert all(t.negated for t in trig), trig


def test_a_month_named_may_is_no_modal():
    s = "The KIA on 2 May took control of Loi Mwe."
    assert [t.negated for t in find_triggers(s, 0, len(s))] == [False]


def test_control_the_noun_is_no_trigger():
    s = "Loi Mwe has been under junta control for a year."
    assert not [t for t in find_triggers(s, 0, len(s)) if t.text.lower() == "control"]


def test_every_example_passes_the_cheap_key_check():
    from ingestion.extract.triggers import may_trigger

    for table in (EXAMPLES, NOMINAL_EXAMPLES, PLACE_SUBJECT_EXAMPLES):
        for examples in table.values():
            for e in examples:
                assert may_trigger(e.lower()), e


def test_leaving_after_a_comma_is_a_consequence_unless_a_place_follows():
    def families(sentence):
        return [t.family for t in find_triggers(sentence, 0, len(sentence))]

    assert families("The KIA seized Loi Mwe, leaving only two towns in junta hands.") == ["capture"]
    assert families("Air strikes hit Loi Mwe, leaving 12 civilians dead.") == []
    assert "withdraw" in families("Junta troops slipped away at night, leaving Loi Mwe to the KIA.")


def test_first_char_dispatch_matches_the_whole_expression():
    """``TRIGGER_DISPATCH`` (each position tried through the forms that can open with its
    character) finds what ``TRIGGER_RE`` finds, span and named group, at every position."""
    from ingestion.extract.triggers import TRIGGER_DISPATCH, TRIGGER_RE

    texts = [f"The AA {t} Paletwa. Paletwa {p} the AA. The {n} of the base."
             for fam in EXAMPLES for t in EXAMPLES[fam]
             for p in ("fell to", "came under the control of") for n in ("capture", "fall")]
    texts += ["THE KIA SEIZED THE CAMP; troops Fled. Under Control. ſeized Kaptured ÀÉ 1st 23 ...",
              "", "x", "were controlled by", "\u212aIA took"]
    for fam, forms in EXAMPLES.items():
        texts += [f"{x.upper()} {x.title()}" for x in forms]
    for text in texts:
        for p in range(len(text) + 1):
            a, b = TRIGGER_RE.match(text, p), TRIGGER_DISPATCH.match(text, p)
            assert (a and (a.span(), a.lastgroup)) == (b and (b.span(), b.lastgroup)), (text, p)


def test_first_chars():
    from ingestion.extract.scan import first_chars

    assert first_chars(r"f[ae]ll(?:s|en)?", re.I) == frozenset("f")
    assert first_chars(r"(?:took|take)\s+back|won", re.I) == frozenset("tw")
    assert first_chars(r"\b(?=x)[A-C]y") == frozenset("abc")
    assert first_chars(r"(?:the\s+)?town") == frozenset("t")  # an optional opening: what follows too
    assert first_chars(r"\d?x") == frozenset("0123456789x")
    assert first_chars(r"a?") is None  # may match the empty string: no bound
    assert first_chars(r"\w+") == frozenset("abcdefghijklmnopqrstuvwxyz0123456789_")
    assert first_chars(r"[^a]b") is None
    assert first_chars(r"(?:ab)+c") == frozenset("a")
