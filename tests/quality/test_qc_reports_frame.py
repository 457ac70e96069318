"""The reports check reads the length of each stripped text, never the text itself."""
import datetime as dt

import pytest

from ingestion import raw_store
from quality.checks.reports import read_reports_frame
from quality.suites import validate_reports

TEXTS = {
    "plain": "KIA captured Bhamo.",
    "padded": " \t\n KIA captured Bhamo. \u3000",
    "nbsp-only": "\u00a0\u2003 \n",
    "separators": "\x1c\x1d\x1e\x1f",
    "accents": "é  ",
}


@pytest.fixture
def con(tmp_path):
    c = raw_store.connect(tmp_path / "build.duckdb")
    raw_store.ensure_schema(c)
    for i, (rid, text) in enumerate(TEXTS.items()):
        c.execute("insert into raw.reports (id, published, published_date, published_iso, text, content_hash, "
                  "version, loaded_at, run_id) values (?, ?, ?, ?, ?, ?, 1, ?, 'run-1')",
                  [rid, dt.datetime(2025, 9, 5), dt.date(2025, 9, 5), "2025-09-05", text, f"h{i}",
                   dt.datetime(2025, 9, 6)])
    yield c
    c.close()


@pytest.mark.parametrize("window", [(dt.date(2025, 9, 5), dt.date(2025, 9, 6)), None])
def test_text_chars_is_the_length_of_pythons_strip(con, window):
    frame = read_reports_frame(con, window, "run-1")
    got = dict(zip(frame["id"], frame["text_chars"]))
    assert got == {rid: len(text.strip()) for rid, text in TEXTS.items()}
    assert frame["text"].isna().all()  # no text read into pandas


def test_blank_texts_fail_the_suite_as_before(con):
    frame = read_reports_frame(con, (dt.date(2025, 9, 5), dt.date(2025, 9, 6)), "run-1")
    result = validate_reports(frame)
    failed = {o.label(): o for o in result.failed}
    outcome = failed["expect_column_values_to_be_between(text_chars)"]
    assert outcome.unexpected_count == 2
