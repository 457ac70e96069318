"""The Parquet fact store: a file per day written atomically, replaced on a re-run, never read
half-written; the pool's output equals a serial run's; the loader quarantines ids repeated
across days as one serial pass would."""
from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import duckdb
import pytest

from ingestion import duck, fact_extraction, facts_store
from synthetic.reports import generate
from tests.test_facts_store import NOW, _row


def _day_rows(path: Path) -> list[tuple]:
    con = duckdb.connect()
    try:
        return con.execute(f"select report_id, place from read_parquet('{path}') order by all").fetchall()
    finally:
        con.close()


def test_rerunning_a_day_replaces_its_file(tmp_path):
    facts_store.write_day(tmp_path, "2025-03-03", [_row("a", "2025-03-03"), _row("b", "2025-03-03")])
    path = facts_store.write_day(tmp_path, "2025-03-03", [_row("c", "2025-03-03")])
    assert path == tmp_path / "extracted_facts" / "published_date=2025-03-03" / "facts.parquet"
    assert [r[0] for r in _day_rows(path)] == ["c"]
    assert [p.name for p in path.parent.iterdir()] == ["facts.parquet"]  # no temporary file left


def test_a_writer_killed_before_the_rename_leaves_the_old_file_and_nothing_read(tmp_path, monkeypatch):
    facts_store.write_day(tmp_path, "2025-03-03", [_row("old", "2025-03-03")])

    def killed(src, dst):  # the process dies between writing the temporary file and the rename
        raise KeyboardInterrupt

    monkeypatch.setattr(facts_store.os, "replace", killed)
    with pytest.raises(KeyboardInterrupt):
        facts_store.write_day(tmp_path, "2025-03-03", [_row("new", "2025-03-03")])
    monkeypatch.undo()
    day_dir = tmp_path / "extracted_facts" / "published_date=2025-03-03"
    assert any(p.name.endswith(".tmp") for p in day_dir.iterdir())  # the debris of the killed writer
    # a later load reads the whole old file, not the temporary one
    con = duckdb.connect()
    assert facts_store.load_window(con, tmp_path, "2025-03-01", "2025-03-05") == (1, [])
    assert con.execute("select report_id from raw.extracted_facts").fetchall() == [("old",)]
    # and the next write of that day clears the debris
    facts_store.write_day(tmp_path, "2025-03-03", [_row("new", "2025-03-03")])
    assert [p.name for p in day_dir.iterdir()] == ["facts.parquet"]


def test_the_loader_replaces_the_window_and_quarantines_ids_repeated_across_days(tmp_path):
    con = duckdb.connect()
    facts_store.replace_window(con, [_row("before", "2025-03-01"), _row("stale", "2025-03-03")],
                               "2025-03-01", "2025-03-05")
    first = _row("a", "2025-03-03", place="Hpakant")
    repeat = {**_row("b", "2025-03-04", place="Hpakant"), "fact_id": first["fact_id"]}
    facts_store.write_day(tmp_path, "2025-03-03", [first])
    facts_store.write_day(tmp_path, "2025-03-04", [repeat, _row("c", "2025-03-04", place="Lashio")])
    written, duplicates = facts_store.load_window(con, tmp_path, "2025-03-02", "2025-03-05")
    assert written == 2
    assert [d["report_id"] for d in duplicates] == ["b"]  # the later day's row is the repeat
    got = con.execute("select report_id, cast(published_date as varchar) from raw.extracted_facts "
                      "order by 1").fetchall()
    assert got == [("a", "2025-03-03"), ("before", "2025-03-01"), ("c", "2025-03-04")]
    # the same load again: the same rows (idempotent)
    assert facts_store.load_window(con, tmp_path, "2025-03-02", "2025-03-05")[0] == 2
    assert con.execute("select count(*) from raw.extracted_facts").fetchone()[0] == 3


def test_the_store_defaults_beside_the_warehouse_and_follows_its_variable(tmp_path, monkeypatch):
    monkeypatch.delenv(facts_store.FACT_STORE_ENV, raising=False)
    assert facts_store.store_dir(tmp_path / "build.duckdb") == tmp_path / "fact_store"
    monkeypatch.setenv(facts_store.FACT_STORE_ENV, str(tmp_path / "elsewhere"))
    assert facts_store.store_dir(tmp_path / "build.duckdb") == tmp_path / "elsewhere"


def test_ordered_map_keeps_the_items_order_and_bounds_what_it_reads_ahead():
    from concurrent.futures import ThreadPoolExecutor

    read: list[int] = []

    def items():
        for i in range(10):
            read.append(i)
            yield i

    with ThreadPoolExecutor(max_workers=3) as pool:
        results = fact_extraction.ordered_map(pool, lambda x: x * x, items(), in_flight=3)
        assert next(results) == 0
        assert len(read) == 3  # not the whole stream before the first result
        assert [0, *results] == [i * i for i in range(10)]


def _reports(n: int) -> list:
    reports = [r for r, _gold in generate(n, words=120, seed=3)]
    return sorted(reports, key=lambda r: (r.published_date, r.id))


def _extract(tmp: Path, reports: list, workers: int) -> tuple[list, dict[str, list]]:
    results = list(fact_extraction.extract_window(
        reports, store=tmp, run_id="run", extracted_at=NOW, gazetteer_path=None, workers=workers))
    files = {p.parent.name: _day_rows(p) for p in sorted(tmp.glob("extracted_facts/*/facts.parquet"))}
    return results, files


def test_the_pool_gives_what_one_process_gives(tmp_path):
    reports = _reports(60)
    serial, serial_files = _extract(tmp_path / "serial", reports, workers=1)
    pooled, pooled_files = _extract(tmp_path / "pooled", reports, workers=2)
    assert [r.day for r in pooled] == sorted({r.published_date for r in reports})
    assert len(serial_files) == len(serial) and sum(r.rows_out for r in serial) > 0

    def comparable(result):
        return dataclasses.replace(result, rejected_reports=[(x.row.id, x.rule) for x in result.rejected_reports],
                                   rejected_rows=[(x.row["fact_id"], x.rule) for x in result.rejected_rows])

    assert [comparable(r) for r in pooled] == [comparable(r) for r in serial]
    assert pooled_files == serial_files


def test_a_report_breaking_a_rule_is_set_aside_by_the_worker(tmp_path):
    report = _reports(1)[0]
    future = dataclasses.replace(report, published=(dt.date.today() + dt.timedelta(days=30)).isoformat())
    (result,) = fact_extraction.extract_window([future], store=tmp_path, run_id="run", extracted_at=NOW,
                                               gazetteer_path=None)
    assert result.reports == 0 and [r.rule for r in result.rejected_reports] == ["published_in_future"]
    assert _day_rows(facts_store.day_file(tmp_path, result.day)) == []


def test_a_day_without_reports_any_more_loses_its_file_and_its_facts(tmp_path):
    con = duckdb.connect()
    for day in ("2025-03-03", "2025-03-04"):
        facts_store.write_day(tmp_path, day, [_row(f"r-{day}", day)])
    facts_store.load_window(con, tmp_path, "2025-03-03", "2025-03-05")
    removed = facts_store.prune_window(tmp_path, "2025-03-03", "2025-03-05", keep={"2025-03-04"})
    assert [p.parent.name for p in removed] == ["published_date=2025-03-03"]
    facts_store.load_window(con, tmp_path, "2025-03-03", "2025-03-05")
    assert con.execute("select report_id from raw.extracted_facts").fetchall() == [("r-2025-03-04",)]


# ---------------------------------------------------------------- windows of many days

FIRST = dt.date(2023, 1, 1)


def _many_days(store: Path, days: int, per_day: int) -> dict:
    """``days`` day files of ``per_day`` facts each, from the first day: that day and the last
    through the store's writer (``write_day``), the days between as copies of the first day's
    file with their own day and fact ids (a writer's connection per file would take minutes).
    The last day repeats the first day's first fact id. Returns the repeated row."""
    first_rows = [_row(f"r0-{j}", FIRST.isoformat(), place=f"outpost {j}") for j in range(per_day)]
    template = facts_store.write_day(store, FIRST, first_rows)
    con = duckdb.connect()
    try:
        for i in range(1, days - 1):
            day = FIRST + dt.timedelta(days=i)
            path = facts_store.day_file(store, day)
            path.parent.mkdir(parents=True)
            con.execute(f"copy (select * replace (fact_id || '-{i}' as fact_id, report_id || '-{i}' as report_id, "
                        f"date '{day}' as published_date) from read_parquet('{template}')) "
                        f"to '{path}' (format parquet, compression zstd)")
    finally:
        con.close()
    last = (FIRST + dt.timedelta(days=days - 1)).isoformat()
    repeat = {**_row("repeat", last, place="outpost 0"), "fact_id": first_rows[0]["fact_id"]}
    facts_store.write_day(store, last, [_row(f"r{days - 1}-{j}", last, place=f"outpost {j}")
                                        for j in range(per_day)] + [repeat])
    return repeat


def test_a_window_of_a_thousand_day_files_loads_under_the_scan_limit(tmp_path):
    # An insert of many files in file order held a buffer per file read ahead of the others:
    # 1,000 day files ran out of memory under the 128MB scan limit (a backfill of 1,000 days).
    days, per_day = 1001, 15
    repeat = _many_days(tmp_path / "store", days, per_day)
    last = FIRST + dt.timedelta(days=days - 1)
    con = duck.connect(tmp_path / "build.duckdb")
    try:
        # 1,000 days without a repeated id: the files go to the table as they are, in day order
        written, duplicates = facts_store.load_window(con, tmp_path / "store", FIRST.isoformat(), last.isoformat())
        assert (written, duplicates) == ((days - 1) * per_day, [])
        # with the last day, whose repeat of the first day's fact id goes to quarantine
        written, duplicates = facts_store.load_window(con, tmp_path / "store", FIRST.isoformat(),
                                                      (last + dt.timedelta(days=1)).isoformat())
        assert written == days * per_day
        assert [(d["report_id"], d["fact_id"]) for d in duplicates] == [("repeat", repeat["fact_id"])]
        got = con.execute("select count(*), count(distinct fact_id), min(published_date), max(published_date) "
                          "from raw.extracted_facts").fetchall()
        assert got == [(days * per_day, days * per_day, FIRST, last)]
        assert con.execute("select report_id from raw.extracted_facts where fact_id = ?",
                           [repeat["fact_id"]]).fetchall() == [("r0-0",)]  # the first day's row won
    finally:
        con.close()


def test_loading_a_few_files_at_a_time_gives_the_rows_and_repeats_of_one_insert(tmp_path):
    # repeats within a part, across parts, and of a repeat; the first (day, row) keeps the id
    a, b, c = (_row(x, "2025-03-01", place=f"outpost {x}") for x in "abc")
    facts_store.write_day(tmp_path, "2025-03-01", [a, b, c])
    facts_store.write_day(tmp_path, "2025-03-02", [{**_row("a2", "2025-03-02"), "fact_id": a["fact_id"]},
                                                   _row("d", "2025-03-02", place="Lashio")])
    facts_store.write_day(tmp_path, "2025-03-04", [_row("e", "2025-03-04", place="Muse"),
                                                   {**_row("c2", "2025-03-04"), "fact_id": c["fact_id"]}])
    facts_store.write_day(tmp_path, "2025-03-05", [{**_row("a3", "2025-03-05"), "fact_id": a["fact_id"]},
                                                   {**_row("b2", "2025-03-05"), "fact_id": b["fact_id"]}])
    facts_store.write_day(tmp_path, "2025-03-06", [_row("f", "2025-03-06", place="Hsipaw")])
    results = {}
    for n in (1, 2, 3, 100):
        con = duckdb.connect()
        written, duplicates = facts_store.load_window(con, tmp_path, "2025-03-01", "2025-03-07", files_per_insert=n)
        rows = con.execute("select report_id from raw.extracted_facts").fetchall()  # table order: file order
        results[n] = (written, [d["report_id"] for d in duplicates], [r[0] for r in rows])
    assert results[1] == (6, ["a2", "c2", "a3", "b2"], ["a", "b", "c", "d", "e", "f"])
    assert results[2] == results[3] == results[100] == results[1]
    with pytest.raises(ValueError):
        facts_store.load_window(duckdb.connect(), tmp_path, "2025-03-01", "2025-03-07", files_per_insert=0)


def test_a_part_failing_after_others_were_inserted_writes_nothing(tmp_path):
    con = duckdb.connect()
    for day in ("2025-03-01", "2025-03-02", "2025-03-03"):
        facts_store.write_day(tmp_path, day, [_row(f"r-{day}", day)])
    facts_store.load_window(con, tmp_path, "2025-03-01", "2025-03-04")
    facts_store.write_day(tmp_path, "2025-03-01", [_row("new", "2025-03-01")])

    class FailingThirdInsert:  # the connection, but the third part's insert fails
        inserts = 0

        def __getattr__(self, name):
            return getattr(con, name)

        def execute(self, sql, *args):
            if sql.startswith("insert into raw.extracted_facts"):
                self.inserts += 1
                if self.inserts == 3:
                    raise duckdb.IOException("disk went away")
            return con.execute(sql, *args)

    failing = FailingThirdInsert()
    with pytest.raises(duckdb.IOException):
        facts_store.load_window(failing, tmp_path, "2025-03-01", "2025-03-04", files_per_insert=1)
    assert failing.inserts == 3  # two parts were in the table before the failure
    assert con.execute("select report_id from raw.extracted_facts order by 1").fetchall() == [
        ("r-2025-03-01",), ("r-2025-03-02",), ("r-2025-03-03",)]
