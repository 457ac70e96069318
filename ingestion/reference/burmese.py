"""Burmese-script helpers: digits and the administrative suffixes of place names."""
from __future__ import annotations

import re

_DIGITS = str.maketrans("၀၁၂၃၄၅၆၇၈၉", "0123456789")
_TO_BURMESE = str.maketrans("0123456789", "၀၁၂၃၄၅၆၇၈၉")

# longest first: "မြို့နယ်" (township) before "မြို့" (town)
PLACE_SUFFIXES = ("မြို့နယ်", "ကျေးရွာအုပ်စု", "ကျေးရွာ", "မြို့", "ရွာ", "ခရိုင်",
                  "တိုင်းဒေသကြီး", "ပြည်နယ်", "တိုင်း")


def to_ascii_digits(text: str) -> str:
    """``"ခလရ (၂၃၆)"`` → ``"ခလရ (236)"``."""
    return text.translate(_DIGITS)


def to_burmese_digits(text: str) -> str:
    return text.translate(_TO_BURMESE)


def number_in(text: str) -> str | None:
    """The first number in a text, Burmese or ASCII digits, without leading zeros."""
    m = re.search(r"\d+", to_ascii_digits(text or ""))
    return (m.group(0).lstrip("0") or "0") if m else None


def strip_place_suffix(name: str) -> str:
    """``"ဗန်းမော်မြို့"`` → ``"ဗန်းမော်"``; ``"သထုံမြို့နယ်"`` → ``"သထုံ"``."""
    name = name.strip()
    for suffix in PLACE_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)].strip()
    return name


def split_location(text: str) -> list[str]:
    """A Burmese location ``"ကချင်ပြည်နယ်၊ ဗန်းမော်မြို့"`` split on ``၊``, ``/`` and commas."""
    return [p.strip() for p in re.split(r"[၊,/]", text or "") if p.strip()]
