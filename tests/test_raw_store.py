import datetime as dt

import duckdb
import pytest

from ingestion.models import Report
from ingestion.raw_store import connect, ensure_schema, latest_reports, quarantine_reports, store_reports
from ingestion.reports import ReportError


def counts(result):
    return result.inserted, result.unchanged, result.new_versions


def rep(rid="r1", text="KIA captured Bhamo.", published="2025-09-05", **kw):
    return Report(id=rid, published=published, text=text, source="inbox", outlet="Wire",
                  fetched_at="2025-09-08T01:02:03+00:00", **kw)


@pytest.fixture
def con(tmp_path):
    c = connect(tmp_path / "wh" / "build.duckdb")
    ensure_schema(c)
    yield c
    c.close()


def rows(con):
    return con.execute("SELECT id, version, content_hash, run_id FROM raw.reports ORDER BY id, version").fetchall()


def test_same_report_twice_is_stored_once(con):
    r = rep()
    assert counts(store_reports(con, [r, r], "run1")) == (1, 1, 0)  # a duplicate within the input too
    assert counts(store_reports(con, [r], "run2")) == (0, 1, 0)
    assert rows(con) == [("r1", 1, r.content_hash, "run1")]


def test_changed_report_is_a_new_version_and_old_is_kept(con):
    a, b = rep(text="First text."), rep(text="Corrected text.")
    store_reports(con, [a], "run1")
    assert counts(store_reports(con, [b, rep("r2")], "run2")) == (1, 0, 1)
    assert rows(con) == [("r1", 1, a.content_hash, "run1"), ("r1", 2, b.content_hash, "run2"),
                         ("r2", 1, rep("r2").content_hash, "run2")]
    # back to the first text: that is news again, version 3
    assert counts(store_reports(con, [a], "run3")) == (0, 0, 1)
    assert [v for rid, v, _, _ in rows(con) if rid == "r1"] == [1, 2, 3]


@pytest.mark.parametrize("batch_size", [1, 2, 10_000])
def test_two_texts_in_one_input_and_across_batches(con, batch_size):
    result = store_reports(con, [rep(text="one"), rep(text="two"), rep(text="one")], "run",
                           batch_size=batch_size)
    assert counts(result) == (1, 0, 2)  # one (new), two (v2), one (v3: differs from the one before)
    result = store_reports(con, [rep(text="x"), rep(text="y")], "run2", batch_size=batch_size)
    assert counts(result) == (0, 0, 2)
    assert [v for _, v, _, _ in rows(con)] == [1, 2, 3, 4, 5]


def _mixed_input():
    """Ids interleaved, with repeats just after, repeats later, texts coming back, and ids
    already stored (some unchanged, some changed)."""
    texts = {"a": ["1", "1", "2", "2", "1", "3", "3"], "b": ["x", "y", "x", "x"], "c": ["s"],
             "d": ["old", "old", "new"], "e": ["p", "q", "q", "p", "p"]}
    out, i = [], 0
    while any(texts.values()):
        for rid in sorted(texts):
            if texts[rid] and (i + ord(rid)) % 3:
                out.append(rep(rid, text=texts[rid].pop(0)))
        i += 1
    return out


def test_result_does_not_depend_on_batch_size(tmp_path):
    seen = set()
    for batch_size in (1, 2, 3, 5, 7, 10_000):
        con = connect(tmp_path / f"b{batch_size}.duckdb")
        try:
            store_reports(con, [rep("c", text="s"), rep("d", text="old"), rep("z")], "run0")
            result = store_reports(con, _mixed_input(), "run1", batch_size=batch_size)
            stored = con.execute("SELECT id, version, content_hash FROM raw.reports "
                                 "ORDER BY id, version").fetchall()
        finally:
            con.close()
        seen.add((counts(result), tuple(stored)))
    assert len(seen) == 1
    (result, stored), = seen
    # a: 1, 2, 1, 3 (the repeats just after are unchanged); b: x, y, x; c unchanged (stored);
    # d: old unchanged twice, then new (v2); e: p, q, p
    assert result == (3, 9, 8)
    hashes = {t: rep(text=t).content_hash for t in "1 2 3 x y s old new p q".split()}
    assert [(rid, v) for rid, v, _ in stored] == [
        ("a", 1), ("a", 2), ("a", 3), ("a", 4), ("b", 1), ("b", 2), ("b", 3), ("c", 1),
        ("d", 1), ("d", 2), ("e", 1), ("e", 2), ("e", 3), ("z", 1)]
    assert [h for rid, _, h in stored if rid == "a"] == [hashes[t] for t in "1213"]


def test_staging_is_dropped_and_private(tmp_path):
    con = connect(tmp_path / "s.duckdb")
    try:
        store_reports(con, [rep("a"), rep("b")], "run", batch_size=1)
        bad = Report(id="z", published="not a date", text="t")
        with pytest.raises(ValueError):
            store_reports(con, [rep("c"), bad], "run2", batch_size=1)
        left = con.execute("SELECT table_name FROM duckdb_tables() WHERE table_name LIKE '_raw_reports_%'"
                           ).fetchall()
        assert left == []
    finally:
        con.close()


def test_staging_of_a_killed_run_is_never_read(tmp_path):
    """A run killed after staging: its TEMP table dies with its connection, and a later run
    (another connection, same file) sees only raw.reports."""
    path = tmp_path / "k.duckdb"
    con = connect(path)

    def stream():
        yield rep("a", text="staged, never stored")
        raise KeyboardInterrupt  # the run is killed while the stream is read

    with pytest.raises(KeyboardInterrupt):
        store_reports(con, stream(), "killed", batch_size=1)
    con.close()
    con = connect(path)
    try:
        assert counts(store_reports(con, [rep("a", text="later")], "later")) == (1, 0, 0)
        assert con.execute("SELECT id, version, text FROM raw.reports").fetchall() == [("a", 1, "later")]
        assert con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name LIKE '_raw_reports_%'"
                           ).fetchall() == [(0,)]
    finally:
        con.close()


def test_columns_and_types(con):
    store_reports(con, [rep(published="2025-09-05T01:00:00+06:30", title="T", url="https://x")], "run")
    row = con.execute("SELECT published, published_date, published_iso, fetched_at, language, "
                      "outlet, source, title, url, loaded_at IS NOT NULL FROM raw.reports").fetchone()
    assert row == (dt.datetime(2025, 9, 4, 18, 30), dt.date(2025, 9, 5), "2025-09-05T01:00:00+06:30",
                   dt.datetime(2025, 9, 8, 1, 2, 3), "en", "Wire", "inbox", "T", "https://x", True)


def test_latest_reports_in_a_date_window(con):
    store_reports(con, [rep("a", published="2025-09-04"), rep("b", published="2025-09-05T23:00:00+06:30"),
                        rep("c", published="2025-09-06"), rep("d", published="2025-09-07")], "run1")
    store_reports(con, [rep("b", text="Updated b.", published="2025-09-05T23:00:00+06:30")], "run2")
    got = list(latest_reports(con, "2025-09-05", dt.date(2025, 9, 7), batch_size=1))
    assert [(r.id, r.text) for r in got] == [("b", "Updated b."), ("c", "KIA captured Bhamo.")]
    b = got[0]
    assert b.published == "2025-09-05T23:00:00+06:30" and b.published_date == "2025-09-05"
    assert b.fetched_at == "2025-09-08T01:02:03+00:00" and b.source == "inbox"
    assert [r.id for r in latest_reports(con)] == ["a", "b", "c", "d"]


def test_latest_reports_while_the_connection_is_used(con):
    store_reports(con, [rep(str(i)) for i in range(5)], "run")
    seen = []
    for r in latest_reports(con, batch_size=2):
        con.execute("SELECT 1").fetchall()
        seen.append(r.id)
    assert seen == ["0", "1", "2", "3", "4"]


def test_failure_writes_nothing(con):
    bad = Report(id="z", published="not a date", text="t")
    with pytest.raises(ValueError):
        store_reports(con, [rep("ok"), bad], "run", batch_size=1)
    assert rows(con) == []


def test_quarantine_with_reason_and_idempotent_per_run(con):
    errors = [ReportError("inbox/bad.json", "invalid JSON: x", raw="{bad", source="inbox"),
              ReportError("https://x/api[1]", "'text' is missing", report_id="b", raw='{"id": "b"}')]
    assert quarantine_reports(con, errors, "run1", source="api") == 2
    assert quarantine_reports(con, errors, "run1", source="api") == 0
    assert quarantine_reports(con, errors[:1], "run2") == 1
    got = con.execute("SELECT report_id, origin, source, reason, rule, raw, run_id FROM quarantine.reports "
                      "ORDER BY run_id, origin").fetchall()
    assert got == [
        ("b", "https://x/api[1]", "api", "'text' is missing", "unreadable_report", '{"id": "b"}', "run1"),
        (None, "inbox/bad.json", "inbox", "invalid JSON: x", "unreadable_report", "{bad", "run1"),
        (None, "inbox/bad.json", "inbox", "invalid JSON: x", "unreadable_report", "{bad", "run2"),
    ]
    assert quarantine_reports(con, [], "run3") == 0


def test_bulk_store_is_fast(con):
    many = [rep(f"id{i}", text=f"text {i}") for i in range(20_000)]
    assert counts(store_reports(con, many, "run")) == (20_000, 0, 0)
    assert counts(store_reports(con, many, "run2")) == (0, 20_000, 0)
    assert con.execute("SELECT count(*) FROM raw.reports").fetchone()[0] == 20_000


def test_schema_is_idempotent(tmp_path):
    con = duckdb.connect(str(tmp_path / "x.duckdb"))
    ensure_schema(con)
    ensure_schema(con)
    assert con.execute("SELECT count(*) FROM raw.reports").fetchone()[0] == 0
