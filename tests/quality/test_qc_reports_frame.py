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


def test_parts_give_the_verdict_of_the_whole(tmp_path):
    """Rows validated part by part (2,048 a part) and merged: the same outcomes and counts as
    one frame, ids with two texts split across parts included."""
    from quality.checks.reports import iter_reports_frames
    from quality.validation import merge_results

    c = raw_store.connect(tmp_path / "parts.duckdb")
    try:
        raw_store.ensure_schema(c)
        # 6,000 reports over 30 days: every 7th blank, every 11th in French, every 13th stored
        # again (this run) with another text on a later day, every 17th published in 2030
        c.execute("""
            insert into raw.reports (id, published, published_date, published_iso, language, text,
                                     content_hash, version, loaded_at, run_id)
            select 'r' || lpad(i::varchar, 5, '0'), d, d, strftime(d, '%Y-%m-%d'),
                   case when i % 11 = 0 then 'fr' else 'en' end,
                   case when i % 7 = 0 then '  ' else 'KIA captured Bhamo ' || i end, 'h' || i, 1,
                   TIMESTAMP '2025-10-01', case when i % 2 = 0 then 'run-0' else 'run-1' end
            from (select i, case when i % 17 = 0 then DATE '2030-01-01'
                                 else DATE '2025-09-01' + (i % 30)::INTEGER end as d
                  from range(6000) t(i))""")
        c.execute("""
            insert into raw.reports (id, published, published_date, published_iso, language, text,
                                     content_hash, version, loaded_at, run_id)
            select id, published + INTERVAL 3 DAY, published_date + 3, published_iso, language,
                   'changed', 'h2-' || id, 2, TIMESTAMP '2025-10-02', 'run-1'
            from raw.reports where hash(id) % 13 = 0""")
        for window in [(dt.date(2025, 9, 1), dt.date(2025, 10, 5)), None]:
            whole = validate_reports(read_reports_frame(c, window, "run-1"))
            frames = list(iter_reports_frames(c, window, "run-1", rows=2048))
            assert len(frames) > 1 and sum(map(len, frames)) == whole.rows
            merged = merge_results([validate_reports(f) for f in frames])

            def outcomes(result):
                return {(o.label(), o.success, o.unexpected_count) for o in result.outcomes}

            assert outcomes(merged) == outcomes(whole) and merged.rows == whole.rows
            assert {o.label() for o in whole.failed} >= {
                "expect_column_values_to_be_between(text_chars)", "expect_column_values_to_be_in_set(language)",
                "expect_column_values_to_be_between(content_variants)"}
    finally:
        c.close()
