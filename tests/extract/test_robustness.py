"""Bad input never crashes the extractor."""
from __future__ import annotations

import random
import warnings

import pytest

from ingestion.extract import extract_report
from ingestion.models import Report
from ingestion.reports import MAX_TEXT_CHARS


def run(text: str, published: str = "2024-05-01"):
    return extract_report(Report(id="x", published=published, text=text))


def test_empty_text():
    assert run("") == []
    assert run("   \n\n ") == []


def test_burmese_and_mixed_scripts():
    run("ကချင်လွတ်မြောက်ရေးတပ်မတော်သည် ဗန်းမော်မြို့ကို သိမ်းပိုက်ခဲ့သည်။ ခလရ (၂၃၆) ကို တိုက်ခိုက်ခဲ့သည်။")
    run("The KIA captured ဗန်းမော် on Monday, 城镇 Мьитчина 🚩 and more than ၅၀ soldiers were killed.")


def test_control_characters():
    run("The KIA\x00 captured\x07 the IB 236\x1b base on Monday.\x0c\x7f")


def test_invalid_dates():
    run("The KIA captured the IB 236 base on 31 February and on 45 March 2024.")
    with pytest.raises(ValueError, match="not an ISO 8601 date"):  # one parser: a bad date is an error
        run("The KIA captured the IB 236 base on Monday.", published="not-a-date")
    run("The KIA captured the IB 236 base on Monday.", published="0001-01-01")


@pytest.mark.slow
def test_huge_text_is_cut_with_a_warning():
    text = ("The KIA captured the IB 236 base on Monday. " * 40) + ("x" * (MAX_TEXT_CHARS + 10))
    text = text + " filler" * 10
    big = text + "y" * (50_000_000 - len(text))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        facts = run(big)
    assert any("cut" in str(w.message) for w in caught)
    assert facts


def test_random_unicode_never_raises():
    rng = random.Random(7)
    alphabet = [chr(c) for c in range(32, 0x2FFF) if not 0xD800 <= c <= 0xDFFF]
    words = ["captured", "IB", "236", "junta", "KIA", "on", "Monday", "more", "than", "killed", "the", "base",
             "withdrew", "from", ",", ".", "\n\n", "“", "”", "fell", "to", "which", "remains", "under", "control"]
    for _ in range(300):
        parts = [rng.choice(words) if rng.random() < 0.6 else "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 8)))
                 for _ in range(rng.randint(0, 80))]
        run(" ".join(parts))
