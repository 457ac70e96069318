"""Spelling keys and romanisation variants of Myanmar place names.

``name_key`` is the comparison form used for matching names between files (case, spaces,
hyphens and apostrophes ignored). ``romanisation_variants`` generates the alternative
spellings reports use ("Bhamo" → "Bhamaw", "Bamo"...) from known alternations of the
romanisation systems; ``EXONYMS`` is the small hand table of names no rule produces.
"""
from __future__ import annotations

import re
import unicodedata

# (pattern, replacement) alternations seen between MIMU, GAD, media and OSINT spellings.
# Each is applied alone (one substitution per variant) so the variant count stays small.
_ALTERNATIONS: tuple[tuple[str, str], ...] = (
    (r"o\b", "aw"), (r"aw\b", "o"), (r"^bh", "b"), (r"^b(?!h)", "bh"),
    (r"ei", "e"), (r"(?<!e)e(?!i)", "ei"), (r"ou", "u"), (r"oo", "u"),
    (r"^hp", "ph"), (r"^ph", "hp"), (r"^hp", "p"), (r"^ht", "th"), (r"^hk", "kh"),
    (r"^kh", "hk"), (r"^hs", "s"), (r"^s(?!h)", "hs"), (r"ky", "ch"), (r"^mong", "maing"),
    (r"^maing", "mong"), (r"^mong", "muang"), (r"taung", "toung"), (r"toung", "taung"),
    (r"ar\b", "a"), (r"a\b", "ar"), (r"ay\b", "e"), (r"e\b", "ay"), (r"ai", "ine"),
    (r"y\b", "i"), (r"i\b", "y"), (r"ee", "i"), (r"w\b", ""), (r"dd", "d"), (r"kk", "k"),
)

# Well-known exonyms and official renamings no alternation produces: canonical → others.
EXONYMS: dict[str, tuple[str, ...]] = {
    "Bhamo": ("Banmaw", "Bamaw"),
    "Yangon": ("Rangoon",),
    "Mawlamyine": ("Moulmein", "Mawlamyaing"),
    "Pathein": ("Bassein",),
    "Pyay": ("Prome",),
    "Bago": ("Pegu",),
    "Myeik": ("Mergui", "Beik"),
    "Dawei": ("Tavoy", "Dawe"),
    "Sittwe": ("Akyab",),
    "Hpa-An": ("Pa-an", "Hpaan", "Hpa-an"),
    "Kalay": ("Kale", "Kalemyo", "Kalaymyo"),
    "Tachileik": ("Tachilek", "Tachilik"),
    "Kawthoung": ("Kawthaung", "Victoria Point"),
    "Nay Pyi Taw": ("Naypyidaw", "Naypyitaw", "Nay Pyi Daw"),
    "Kayin": ("Karen",),
    "Kayah": ("Karenni",),
    "Rakhine": ("Arakan",),
    "Ayeyarwady": ("Irrawaddy",),
    "Tanintharyi": ("Tenasserim",),
    "Magway": ("Magwe",),
    "Myitkyina": ("Myitkina",),
    "Laukkaing": ("Laukkai",),
    "Hsipaw": ("Thibaw",),
    "Kengtung": ("Kyaingtong", "Keng Tung"),
    "Lashio": ("Lasho",),
    "Pyin Oo Lwin": ("Maymyo", "Pyinoolwin"),
    "Hopang": ("Hopan",),
    "Nyaunglebin": ("Nyaunglibin",),
    "Kyaukme": ("Kyaukmae",),
    "Muse": ("Mu Se",),
}


def name_key(text: str) -> str:
    """Comparison form of a name: NFC, casefolded, only letters and digits."""
    text = unicodedata.normalize("NFC", text or "").casefold()
    return re.sub(r"[\W_]+", "", text)


def clean_name(text: str) -> str:
    """Strip a trailing administrative word and parenthetical: "Bhamo (Banmaw)" → "Bhamo"."""
    text = re.sub(r"\(.*?\)", " ", text or "")
    text = re.sub(r"\b(township|twp\.?|town|city|district|region|state|camp|strategic base|forward base|"
                  r"base|area|reported)\b", " ", text, flags=re.I)
    return " ".join(text.split()).strip(" ,.-")


def romanisation_variants(name: str) -> set[str]:
    """Alternative spellings of a romanised name, each one alternation away, plus exonyms.

    Works on the lowercase, space-free form: "Mong Nawng" → {"mongnawng", "maingnawng", ...}.
    The name itself is not included.
    """
    base = re.sub(r"[^a-z0-9]+", "", (name or "").casefold())
    if not base or not base.isascii():
        return set()
    out: set[str] = set()
    for pattern, repl in _ALTERNATIONS:
        for m in re.finditer(pattern, base):
            v = base[: m.start()] + repl + base[m.end():]
            if v and v != base:
                out.add(v)
    for canonical, others in EXONYMS.items():
        keys = {name_key(canonical), *(name_key(o) for o in others)}
        if base in keys:
            out |= keys
    out.discard(base)
    return out
