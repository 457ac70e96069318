"""A seeded, deterministic generator of realistic reports with their true facts.

    for report, gold in generate(1000, words=800, seed=0):
        ...

Each report mixes event sentences (captures, withdrawals, holdings, casualty and
displacement figures; about 15% of the sentences, as in real reports) with varied background
sentences (quotes, prices, context), grouped in paragraphs, until it reaches about ``words`` words. The
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
# background: most of a real report is context, quotes and colour, not events
_F_SUBJ = ["Residents", "Aid workers", "Local volunteers", "Teachers", "Farmers", "Traders", "Monks", "Doctors at a local clinic",
           "A woman who sells vegetables in the market", "Camp leaders", "Analysts", "A community elder", "Drivers",
           "Relatives of those missing", "Students", "Health workers"]
_F_VERB = ["said", "told reporters", "explained", "complained", "recalled", "noted", "added", "warned"]
_F_BODY = [
    "that prices of rice and cooking oil had doubled since the roads were closed",
    "that mobile internet had been cut for months, making it hard to reach relatives",
    "that the monsoon had washed out stretches of the road used by supply trucks",
    "that schools had stayed closed for a second year and children were helping in the fields",
    "that medicine was running short at makeshift clinics set up in monasteries",
    "that many families had moved several times to escape air strikes and shelling",
    "that landmines near the fields had kept farmers from planting this season",
    "that electricity came on for only two hours a day in the evening",
    "that fuel was sold in plastic bottles at three times the price of a year ago",
    "that young men were hiding in the forest to avoid being conscripted",
    "that the bridge over the river had been closed to trucks for weeks",
    "that the local hospital had moved its patients to a village further from the fighting",
    "that banks in the town had not opened since the start of the year",
    "that a curfew from 9 pm to 5 am was still in force",
]
_F_STANDALONE = [
    "The region is known for its jade and timber trade, which has long fuelled conflict in the hills.",
    "Church and monastery compounds have been turned into shelters for people fleeing the fighting.",
    "Control of the roads is key to supplying frontline positions in the hills, analysts say.",
    "The figures could not be independently verified.",
    "The military did not respond to requests for comment.",
    "Telephone lines to the area have been down for much of the week.",
    "The conflict has intensified since the coup of February 2021, when the military seized power.",
    "Humanitarian groups say access to the area remains severely restricted.",
    "Journalists have been unable to visit the area since the fighting began.",
    "The town lies on a trade route to the Chinese border that was once busy with trucks.",
    "\"We just want to live in peace and send our children to school,\" one mother said.",
    "\"Nobody knows when we can go home,\" said a man sheltering in a monastery.",
    "The United Nations has warned of a worsening humanitarian crisis across the country.",
    "Local media said the price of a sack of rice had reached 150,000 kyat.",
]


def _filler(rng: random.Random) -> str:
    if rng.random() < 0.4:
        return rng.choice(_F_STANDALONE)
    text = f"{rng.choice(_F_SUBJ)} {rng.choice(_F_VERB)} {rng.choice(_F_BODY)}."
    if rng.random() < 0.3:
        text = text[:-1] + f", {rng.choice(['speaking on condition of anonymity', 'by telephone', 'last month', 'in a message'])}."
    return text


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


def generate(n: int, words: int = 800, seed: int = 0, gazetteer: Gazetteer | None = None,
             event_share: float = 0.15, *, first_day: dt.date | None = None, days: int | None = None,
             offset: int = 0) -> Iterator[tuple[Report, list[dict]]]:
    """``n`` reports of about ``words`` words each, with their gold facts (deterministic).
    ``event_share`` of the sentences state events (real reports: about 10-20%); the rest is
    varied background (quotes, prices, context). Publication days are drawn over about 1,000
    days from 2023-01-01, or, with ``first_day`` and ``days``, spread evenly over those days
    (report ``i`` on day ``i % days``). ``offset``: the first report's number (ids and seeds),
    to generate more reports of the same corpus later."""
    towns, villages = _names(gazetteer)
    for i in range(offset, offset + n):
        rng = random.Random(f"{seed}:{i}")
        pub = dt.date(2023, 1, 1) + dt.timedelta(days=rng.randint(0, 1000))
        if first_day is not None and days:
            pub = first_day + dt.timedelta(days=i % days)
        rebel = rng.choice(REBELS)
        paras: list[str] = []
        gold: list[dict] = []
        used: set = set()
        count = 0
        para: list[str] = []
        while count < words:
            if rng.random() < event_share:
                text, facts = _event(rng, pub, rebel, towns, villages, used)
                if not text:
                    continue
                gold.extend(facts)
            else:
                text = _filler(rng)
            para.append(text)
            count += len(text.split())
            if len(para) >= rng.randint(1, 4):
                paras.append(" ".join(para))
                para = []
        if para:
            paras.append(" ".join(para))
        if not gold:  # every report states at least one fact
            text, facts = _event(rng, pub, rebel, towns, villages, used)
            if text:
                paras.insert(0, text)
                gold.extend(facts)
        report = Report(id=f"synthetic-{seed}-{i}", published=pub.isoformat(), text="\n\n".join(paras),
                        outlet="Synthetic Wire", language="en")
        yield report, gold
