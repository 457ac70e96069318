"""The built-in actor registry and the states/regions of Myanmar.

The extractor works with no reference data loaded: these lists are enough to name every
party of the war with its canonical name (the ``name`` column of the evaluation's
``actors.tsv``). A gazetteer built from the reference data may add more actors; the
built-in ones fill it when it has none.
"""
from __future__ import annotations

from ingestion.gazetteer import ActorEntry, Gazetteer

MILITARY = "MAF"
# the People's Defence Forces and the local defence forces coded with them: beside an organised
# armed group in a joint operation, the group leads ("the PDF and the KNLA took X": the KNLA)
LOCAL_FORCES = "PDF"

# a coalition -> its members: "the groups" of a report that names two members is the coalition
COALITIONS: dict[str, frozenset[str]] = {"TBA": frozenset(("MNDAA", "TNLA", "AA"))}

# the resistance that fights in a state more than any other: "resistance forces" there, in a
# report about no group in particular (the People's Defence Force everywhere else)
HOME_GROUP: dict[str, str] = {"Kachin": "KIA", "Kayah": "KNDF", "Kayin": "KNLA", "Rakhine": "AA"}
# the regions of the Bamar heartland, where "resistance forces" are the People's Defence Forces
PDF_REGIONS = frozenset({"Sagaing", "Magway", "Mandalay", "Bago", "Yangon", "Ayeyarwady", "Nay Pyi Taw"})

# key -> (canonical name, side, aliases). Acronyms (all capitals) match case-sensitively.
ACTORS: dict[str, tuple[str, str, list[str]]] = {
    "MAF": ("Myanmar Armed Forces", "military", [
        "junta", "military junta", "Myanmar junta", "junta forces", "junta troops", "junta soldiers",
        "regime", "military regime", "regime forces", "regime troops", "regime soldiers",
        "military", "Myanmar military", "the military", "military council", "Tatmadaw", "Sit-tat",
        "Sittat", "SAC", "SAC troops", "State Administration Council", "SSPC",
        "State Security and Peace Commission", "Myanmar army", "Myanmar Armed Forces", "armed forces",
        "army", "the army", "security forces", "government forces", "government troops",
        "state media", "state-run media", "state television", "junta-run television",
        "junta-controlled media", "junta-run media", "junta-controlled newspapers",
        "junta propaganda", "junta spokesperson", "Pyu Saw Htee", "junta-backed militia",
        "Border Guard Force", "BGF", "air force", "navy", "Myanmar Army", "soldiers", "troops",
        "police", "policemen", "military government", "pro-military Telegram channel",
    ]),
    "KIA": ("Kachin Independence Army", "resistance", [
        "KIA", "KIO", "Kachin Independence Organization", "Kachin Independence Organisation",
        "Kachin Independence Army", "KIA-led forces", "KIA-led joint forces", "KIA-led fighters",
        "KIA and its allies", "KIA and allies", "KIA joint forces", "Kachin army", "Kachin forces",
        "KIA forces", "KIA troops", "KIO/KIA", "KIA-led", "Kachin Independent Army", "Kachin Independent Organization",
    ]),
    "AA": ("Arakan Army", "resistance", [
        "AA", "Arakan Army", "ULA", "United League of Arakan", "ULA/AA", "Arakha Army",
    ]),
    "TNLA": ("Ta'ang National Liberation Army", "resistance", [
        "TNLA", "Ta'ang National Liberation Army", "Taang National Liberation Army", "Ta'ang army",
        "PSLF/TNLA", "PSLF", "Palaung State Liberation Front",
    ]),
    "MNDAA": ("Myanmar National Democratic Alliance Army", "resistance", [
        "MNDAA", "Myanmar National Democratic Alliance Army", "Kokang army", "Kokang forces",
    ]),
    "TBA": ("Three Brotherhood Alliance", "resistance", [
        "Three Brotherhood Alliance", "Brotherhood Alliance", "3BHA", "3BA", "Northern Alliance",
    ]),
    "KNLA": ("Karen National Liberation Army", "resistance", [
        "KNLA", "KNU", "Karen National Union", "Karen National Liberation Army", "KNU/KNLA",
        "KNLA-led forces", "KNDO", "Karen National Defence Organisation",
        "Karen National Defense Organization", "Karen National Defence Organization",
        "Karen National Defense Organisation", "Karen forces", "Karen army",
    ]),
    "KNDF": ("Karenni Nationalities Defence Force", "resistance", [
        "KNDF", "Karenni Nationalities Defence Force", "Karenni Nationalities Defense Force",
        "Karenni National Defence Force", "Karenni National Defense Force", "Karenni Nationalities Defence Forces",
        "Karenni Nationalities Defense Forces", "Karenni resistance", "Karenni forces", "Karenni Army", "KA", "KNPP",
        "Karenni National Progressive Party", "IEC", "Karenni Interim Executive Council",
        "Interim Executive Council",
    ]),
    "CNF": ("Chin National Front", "resistance", [
        "CNF", "CNA", "Chin National Front", "Chin National Army", "Chin Brotherhood",
        "Chinland Council", "Chin resistance", "Chin Defense Force", "Chin Defence Force", "CDF",
        "Chin forces", "CNDF", "Chin National Defense Force", "Chin National Defence Force", "Chinland Defense Force",
        "Chinland Defence Force", "Chinland Government", "Chin Revolutionary Forces", "Chin Defense Forces",
        "Chin Defence Forces", "Chinland Defense Forces", "Chinland Defence Forces",
    ]),
    "PDF": ("People's Defence Force", "resistance", [
        "PDF", "PDFs", "People's Defence Force", "People's Defense Force", "People's Defence Forces",
        "NUG", "National Unity Government", "NUG forces", "local defence forces", "local defence force", "LDF",
        "resistance forces", "resistance fighters", "anti-junta forces", "anti-junta fighters",
        "anti-junta groups", "revolutionary forces", "revolution forces", "joint resistance forces", "resistance", "joint forces",
        "Bamar People's Liberation Army", "BPLA", "PDF forces", "PDF fighters",
        "local defense forces", "local defense force", "Local Defence Forces", "Local Defense Forces", "LDFs", "PaKaPha", "Pa Ka Pha",
        "resistance groups", "anti-regime forces", "anti-regime fighters", "anti-regime groups", "pro-democracy forces",
        "pro-democracy fighters",
    ]),
    "SSPP": ("Shan State Progress Party", "other", [
        "SSPP", "SSA-N", "Shan State Army-North", "Shan State Progress Party", "SSPP/SSA", "SSA",
    ]),
    "RCSS": ("Restoration Council of Shan State", "other", [
        "RCSS", "SSA-S", "Shan State Army-South", "Restoration Council of Shan State",
    ]),
    "UWSA": ("United Wa State Army", "other", ["UWSA", "United Wa State Army", "Wa army", "UWSP"]),
    "PNLO": ("Pa-O National Liberation Organization", "other", [
        "PNLO", "PNLA", "Pa-O National Liberation Army", "Pa-O National Liberation Organization",
        "Pa-O National Liberation Organisation",
    ]),
}

# the people an ethnic armed group is named for: "Kokang troops", "Ta'ang fighters", "the Wa
# forces" are that group's (not the junta's "troops"); Shan and Pa-O name more than one group
ETHNIC_FORCES: dict[str, tuple[str, ...]] = {
    "KIA": ("Kachin",), "AA": ("Arakan", "Arakanese", "Rakhine"), "TNLA": ("Ta'ang", "Taang", "Palaung"),
    "MNDAA": ("Kokang",), "KNLA": ("Karen",), "KNDF": ("Karenni",), "CNF": ("Chin",), "UWSA": ("Wa",),
}
_FORCE_NOUNS = ("forces", "force", "troops", "fighters", "soldiers", "resistance forces", "resistance groups",
                "revolution forces", "revolutionary forces", "revolutionaries", "resistance fighters", "guerrillas",
                "defence groups", "defense groups", "defence forces", "defense forces", "armed groups", "rebels")
for _key, _peoples in ETHNIC_FORCES.items():
    _aliases = ACTORS[_key][2]
    _aliases += [f"{p} {n}" for p in _peoples for n in _FORCE_NOUNS if f"{p} {n}" not in _aliases]

# Words that name the military only when no other actor qualifies them ("KNLA troops").
WEAK_MILITARY = {"soldiers", "troops", "police", "policemen", "army"}

# Canonical census names of the 14 states/regions and the union territory -> spellings.
STATES: dict[str, list[str]] = {
    "Kachin": ["Kachin State"],
    "Kayah": ["Kayah State", "Karenni State", "Karenni (Kayah) State", "Kayah (Karenni) State"],
    "Kayin": ["Kayin State", "Karen State", "Karen (Kayin) State", "Kayin (Karen) State"],
    "Chin": ["Chin State"],
    "Mon": ["Mon State"],
    "Rakhine": ["Rakhine State", "Arakan State"],
    "Shan": ["Shan State", "northern Shan State", "southern Shan State", "eastern Shan State"],
    "Sagaing": ["Sagaing Region", "Sagaing Division"],
    "Magway": ["Magway Region", "Magwe Region", "Magway Division"],
    "Mandalay": ["Mandalay Region", "Mandalay Division"],
    "Bago": ["Bago Region", "Pegu Region", "Bago Division"],
    "Yangon": ["Yangon Region", "Rangoon Region", "Yangon Division"],
    "Ayeyarwady": ["Ayeyarwady Region", "Irrawaddy Region", "Ayeyarwady Division"],
    "Tanintharyi": ["Tanintharyi Region", "Tenasserim Region", "Tanintharyi Division"],
    "Nay Pyi Taw": ["Naypyitaw", "Nay Pyi Taw", "Naypyidaw", "Naypyitaw Union Territory"],
}


def builtin_actor_entries() -> list[ActorEntry]:
    return [ActorEntry(key=k, name=name, side=side) for k, (name, side, _) in ACTORS.items()]


def add_builtin_actors(gaz: Gazetteer) -> None:
    """Add the built-in actors and their aliases to ``gaz`` (in place)."""
    for key, (name, side, aliases) in ACTORS.items():
        gaz.actors.setdefault(key, ActorEntry(key=key, name=name, side=side))
        for alias in [name, key, *aliases]:
            gaz.add_alias(alias, "actor", key)
