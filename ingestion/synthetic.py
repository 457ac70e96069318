"""A seeded, deterministic generator of realistic reports with their true facts.

    for report, gold in generate(1000, words=800, seed=0):
        ...

Each report mixes event sentences (captures, withdrawals, sieges, holdings, casualty and
displacement figures) with background filler until it reaches about ``words`` words. The
gold facts are in the scorer's format (``place_names``, ``unit``, actor codes...), so the
extractor's recall can be measured on any number of reports. Streaming: nothing is kept.
"""
from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator

from ingestion.gazetteer import Gazetteer
from ingestion.models import Report

REBELS = [("KIA", "Kachin Independence Army", "KIA"), ("AA", "Arakan Army", "AA"),
          ("TNLA", "Ta'ang National Liberation Army", "TNLA"), ("KNLA", "Karen National Liberation Army", "KNLA"),
          ("KNDF", "Karenni Nationalities Defence Force", "KNDF"), ("PDF", "People's Defence Force", "PDF"),
          ("MNDAA", "Myanmar National Democratic Alliance Army", "MNDAA"), ("CNF", "Chin National Front", "CNF")]
MILITARY_NAMES = ["junta troops", "regime forces", "the military", "junta soldiers", "regime troops"]
TOWNS = ["Hpakant", "Mansi", "Shwegu", "Momauk", "Tanai", "Kutkai", "Namtu", "Mongmit", "Kyaukkyi", "Hpapun",
         "Demoso", "Hpruso", "Falam", "Matupi", "Kanpetlet", "Minbya", "Mrauk-U", "Ponnagyun", "Kalay", "Mawlaik",
         "Tamu", "Homalin", "Katha", "Indaw", "Pinlebu", "Kawlin", "Thabeikkyin", "Madaya", "Sinbo", "Nanhkan"]
VILLAGES = ["Nam Hkam", "Ywa Thit", "Kan Gyi", "Tha Pyay", "Sin Gaung", "Aung Tha", "Nyaung Kone", "Pauk Taw",
            "Mya Thar", "Let Pan", "Zin Yaw", "Hta Naung", "Kyun Pin", "Se Kone", "Thit Yar"]
UNIT_FORMS = [("infantry_battalion", "IB {n}"), ("infantry_battalion", "Infantry Battalion {n}"),
              ("infantry_battalion", "Infantry Battalion (IB) {n}"), ("light_infantry_battalion", "LIB {n}"),
              ("light_infantry_battalion", "Light Infantry Battalion {n}"), ("tank_battalion", "TB {n}"),
              ("artillery_battalion", "Artillery Battalion {n}"), ("armoured_battalion", "Armoured Battalion {n}")]
FILLER = [
    "Residents described long queues for rice and fuel in the market as prices kept rising.",
    "Mobile internet has been cut in much of the area for several months, making news slow to reach the outside world.",
    "Aid workers said the monsoon had washed out several stretches of road used by supply trucks.",
    "Schools in the area have been closed since the start of the conflict, teachers said.",
    "Local volunteers said they were running short of medicine at makeshift clinics in monasteries.",
    "The region is known for its jade and timber trade, which has long fuelled conflict in the hills.",
    "Many families have moved several times to escape airstrikes and shelling over the past years.",
    "Analysts say control of the roads is key to supplying frontline positions in the hills.",
    "Farmers said they had been unable to plant their fields because of landmines near the villages.",
    "Church and monastery compounds have been turned into shelters for people fleeing the fighting.",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _names(gazetteer: Gazetteer | None) -> tuple[list[str], list[str]]:
    towns, villages = list(TOWNS), list(VILLAGES)
    if gazetteer is not None and len(gazetteer.places) >= 20:
        towns = sorted({p.name for p in gazetteer.places.values() if p.level == "town"})[:400] or towns
        villages = sorted({p.name for p in gazetteer.places.values() if p.level in ("village_tract", "village", "ward")})[:400] or villages
    return towns, villages


def _weekday_before(pub: dt.date, rng: random.Random) -> tuple[str, dt.date]:
    back = rng.randint(1, 6)
    day = pub - dt.timedelta(days=back)
    return WEEKDAYS[day.weekday()], day


def _gold_cc(change, place_kind, names, unit, actor_to, actor_from, date, date_end=None, recapture=False):
    return {"kind": "control_change", "change": change, "recapture": recapture, "place_kind": place_kind,
            "unit": unit, "place_names": names, "actor_to": actor_to, "actor_from": actor_from,
            "date": date.isoformat() if date else None, "date_end": date_end.isoformat() if date_end else None}


def _gold_claim(metric, claimant, subject, value=None, low=None, high=None):
    return {"kind": "claim", "metric": metric, "claimant": claimant, "subject": subject,
            "value": value, "value_low": low, "value_high": high}


def _event(rng: random.Random, pub: dt.date, rebel, towns, villages, used: set) -> tuple[str, list[dict]]:
    code, name, short = rebel
    junta = rng.choice(MILITARY_NAMES)
    kind = rng.randrange(8)
    wd, day = _weekday_before(pub, rng)
    if kind in (0, 1):  # capture of a unit base
        utype, form = rng.choice(UNIT_FORMS)
        n = str(rng.randint(1, 999))
        while (utype, n) in used:
            n = str(rng.randint(1, 999))
        used.add((utype, n))
        label = form.format(n=n)
        verb = rng.choice(["captured", "seized", "overran", "took control of", "stormed"])
        text = f"{short} fighters {verb} the {label} base near {rng.choice(towns)} on {wd}, the group said."
        return text, [_gold_cc("captured", "military_base", [], {"type": utype, "number": n}, code, "MAF", day)]
    if kind == 2:  # town falls
        town = rng.choice(towns)
        if town in used:
            return "", []
        used.add(town)
        text = f"The town of {town} fell to the {short} on {wd} after a week of fighting, residents said."
        return text, [_gold_cc("captured", "town", [town], None, code, "MAF", day)]
    if kind == 3:  # junta withdrawal from a village
        v = rng.choice(villages)
        if v in used:
            return "", []
        used.add(v)
        verb = rng.choice(["withdrew from", "pulled back from", "retreated from", "abandoned"])
        text = f"Junta troops {verb} {v} village on {wd} as {short} forces advanced, according to local sources."
        return text, [_gold_cc("withdrew", "village", [v], None, None, "MAF", day)]
    if kind == 4:  # recapture by the junta
        utype, form = rng.choice(UNIT_FORMS[:5])
        n = str(rng.randint(1, 999))
        while (utype, n) in used:
            n = str(rng.randint(1, 999))
        used.add((utype, n))
        label = form.format(n=n)
        verb = rng.choice(["retook", "recaptured", "regained control of"])
        text = f"State media said {junta} {verb} the {label} base on {wd}."
        return text, [_gold_cc("captured", "military_base", [], {"type": utype, "number": n}, "MAF", code, day, recapture=True)]
    if kind == 5:  # junta still holds a town
        town = rng.choice(towns)
        if town in used:
            return "", []
        used.add(town)
        text = f"{town} remains under junta control, residents said."
        return text, [_gold_cc("held", "town", [town], None, "MAF", None, None)]
    if kind == 6:  # casualty figures
        k = rng.randint(5, 90)
        lost = rng.randint(1, 9)
        words = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
        text = (f"The {short} said more than {k} junta soldiers had been killed in the fighting and that "
                f"{words[lost - 1]} of its own fighters had died.")
        return text, [_gold_claim("killed", code, "MAF", low=k + 1), _gold_claim("killed", code, code, value=lost)]
    n = rng.randint(2, 40) * 100  # displacement
    text = f"About {n:,} people have fled their homes since the fighting began, according to a local relief group."
    return text, [_gold_claim("displaced", None, None, value=n)]


def generate(n: int, words: int = 800, seed: int = 0, gazetteer: Gazetteer | None = None) -> Iterator[tuple[Report, list[dict]]]:
    """``n`` reports of about ``words`` words each, with their gold facts (deterministic)."""
    towns, villages = _names(gazetteer)
    for i in range(n):
        rng = random.Random(f"{seed}:{i}")
        pub = dt.date(2023, 1, 1) + dt.timedelta(days=rng.randint(0, 1000))
        rebel = rng.choice(REBELS)
        paras: list[str] = []
        gold: list[dict] = []
        used: set = set()
        count = 0
        while count < words:
            if rng.random() < 0.45:
                text, facts = _event(rng, pub, rebel, towns, villages, used)
                if not text:
                    continue
                gold.extend(facts)
            else:
                text = rng.choice(FILLER)
            paras.append(text)
            count += len(text.split())
        report = Report(id=f"synthetic-{seed}-{i}", published=pub.isoformat(), text="\n\n".join(paras),
                        outlet="Synthetic Wire", language="en")
        yield report, gold
