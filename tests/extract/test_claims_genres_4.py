"""Claims on invented sentences, a fourth round of the genres of real reporting: local resistance
groups named at a sentence's end after "according to", ...

Every sentence here is made up (places, people and numbers are invented); none comes from
the evaluation sets.
"""
from __future__ import annotations

import pytest

from tests.extract.claim_helpers import MAF, PDF, KNLA, KNDF, KIA, AA, WIRE, claims, got


# ---------------------------------------------------------------- who says it

@pytest.mark.parametrize("text", [
    "26 junta soldiers were killed, according to the Yaw Defence Force.",
    "26 junta soldiers were killed, according to the Myaung Defence Force.",
    "According to the Myaung Defence Force, 26 junta soldiers were killed.",
])
def test_a_local_defence_force_after_according_to_is_the_pdf(text):
    assert got(text) == {("killed", 26, PDF)}
