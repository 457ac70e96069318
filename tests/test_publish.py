import errno
import os
import subprocess
import sys
import textwrap

import duckdb
import pytest

from publishing import duckdb_file as publish
from publishing.duckdb_file import PublishError, export_csv, export_parquet, publish_warehouse


def make_build(path, n):
    con = duckdb.connect(str(path))
    con.execute("CREATE SCHEMA IF NOT EXISTS marts")
    con.execute("CREATE OR REPLACE TABLE marts.fct_control AS SELECT range AS id, 'place ' || range AS place "
                "FROM range(?)", [n])
    con.close()


def count(path):
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute("SELECT count(*) FROM marts.fct_control").fetchall()[0][0]
    finally:
        con.close()


def storage_version(path):
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute("SELECT tags['storage_version'] FROM duckdb_databases() "
                           "WHERE database_name = current_database()").fetchall()[0][0]
    finally:
        con.close()


def test_published_file_is_a_checkpointed_copy_in_the_1x_storage_format(tmp_path):
    build, published = tmp_path / "build.duckdb", tmp_path / "pub" / "frontline.duckdb"
    make_build(build, 3)
    writer = duckdb.connect(str(build))  # still open: the new rows sit in the .wal
    writer.execute("INSERT INTO marts.fct_control VALUES (99, 'late')")
    writer.execute("CREATE MACRO marts.first_places(n) AS TABLE SELECT * FROM marts.fct_control WHERE id < n")
    writer.execute("CREATE VIEW marts.v_control AS SELECT place FROM marts.fct_control")
    result = publish_warehouse(build, published)
    writer.close()
    assert result.tables == ("marts.fct_control", "marts.v_control") and result.published_path == published
    assert count(published) == 4  # the .wal was folded in before the copy
    assert storage_version(published).startswith(publish.STORAGE_VERSION)  # DuckDB 1.x reads it
    con = duckdb.connect(str(published), read_only=True)
    try:  # tables, views and table macros come along
        assert con.execute("SELECT count(*) FROM marts.first_places(2)").fetchall() == [(2,)]
        assert con.execute("SELECT count(*) FROM marts.v_control").fetchall() == [(4,)]
    finally:
        con.close()
    assert oct(published.stat().st_mode & 0o777) == "0o644"
    assert sorted(p.name for p in published.parent.iterdir()) == ["frontline.duckdb"]


def test_failed_copy_leaves_the_old_file_untouched(tmp_path, monkeypatch):
    build, published = tmp_path / "build.duckdb", tmp_path / "pub" / "frontline.duckdb"
    make_build(build, 2)
    publish_warehouse(build, published)
    before = published.read_bytes()
    make_build(build, 5)

    def broken_copy(src, dst, storage_version=None):
        dst.write_bytes(src.read_bytes()[:100])
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(publish, "_write_copy", broken_copy)
    with pytest.raises(OSError, match="No space"):
        publish_warehouse(build, published, incremental=False)
    assert published.read_bytes() == before and count(published) == 2
    assert sorted(p.name for p in published.parent.iterdir()) == ["frontline.duckdb"]


def test_a_build_that_is_not_a_database_is_refused(tmp_path):
    build, published = tmp_path / "build.duckdb", tmp_path / "frontline.duckdb"
    make_build(published, 1)
    before = published.read_bytes()
    build.write_bytes(b"not a database at all" * 100)
    with pytest.raises(PublishError):
        publish_warehouse(build, published)
    assert published.read_bytes() == before
    with pytest.raises(PublishError, match="not found"):
        publish_warehouse(tmp_path / "missing.duckdb", published)


READER = textwrap.dedent("""
    import sys, duckdb
    con = duckdb.connect(sys.argv[1], read_only=True)
    q = "SELECT count(*) FROM marts.fct_control"
    print(con.execute(q).fetchall()[0][0], flush=True)
    sys.stdin.readline()  # wait until the publisher has swapped the file
    print(con.execute(q).fetchall()[0][0], flush=True)
""")


def test_open_reader_is_not_blocked_and_keeps_its_snapshot(tmp_path):
    build, published = tmp_path / "build.duckdb", tmp_path / "pub" / "frontline.duckdb"
    make_build(build, 2)
    publish_warehouse(build, published)
    reader = subprocess.Popen([sys.executable, "-c", READER, str(published)], text=True,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        assert reader.stdout.readline().strip() == "2"  # the reader holds the file (read-only lock)
        make_build(build, 7)
        publish_warehouse(build, published)  # not blocked by the reader's lock
        assert count(published) == 7  # new readers see the new data
        out, err = reader.communicate("go\n", timeout=30)
        assert reader.returncode == 0, err
        assert out.strip() == "2"  # the old reader still sees its snapshot
    finally:
        if reader.poll() is None:
            reader.kill()


def test_stale_wal_next_to_the_published_file_is_removed(tmp_path):
    build, published = tmp_path / "build.duckdb", tmp_path / "frontline.duckdb"
    make_build(build, 2)
    publish_warehouse(build, published)
    (tmp_path / "frontline.duckdb.wal").write_bytes(b"garbage")
    make_build(build, 3)
    publish_warehouse(build, published)
    assert not (tmp_path / "frontline.duckdb.wal").exists() and count(published) == 3


def test_export_parquet_swaps_the_folder(tmp_path):
    build, published = tmp_path / "build.duckdb", tmp_path / "frontline.duckdb"
    make_build(build, 4)
    publish_warehouse(build, published)
    out = tmp_path / "exports" / "parquet"
    result = export_parquet(published, out, ["marts.fct_control"])
    assert result.rows == {"marts.fct_control": 4}
    assert result.files["marts.fct_control"] == out / "marts.fct_control.parquet"
    assert duckdb.sql(f"SELECT count(*) FROM '{out / 'marts.fct_control.parquet'}'").fetchall() == [(4,)]
    (out / "stale.parquet").write_bytes(b"old export")

    make_build(build, 6)
    publish_warehouse(build, published)
    export_parquet(published, out, ["marts.fct_control"])
    assert sorted(p.name for p in out.iterdir()) == ["marts.fct_control.parquet"]
    assert sorted(p.name for p in out.parent.iterdir()) == ["parquet"]  # no temporary folders left

    with pytest.raises(duckdb.Error):
        export_parquet(published, out, ["marts.fct_control", "marts.missing"])
    assert sorted(p.name for p in out.iterdir()) == ["marts.fct_control.parquet"]
    assert sorted(p.name for p in out.parent.iterdir()) == ["parquet"]
    with pytest.raises(ValueError, match="not a table name"):
        export_parquet(published, out, ["x; DROP TABLE y"])


def test_export_csv_replaces_the_file(tmp_path):
    published = tmp_path / "frontline.duckdb"
    con = duckdb.connect(str(published))
    con.execute("create table export_acled_events as select * from (values "
                "(1, date '2025-03-05', 'Lashio', null), (2, date '2025-03-13', 'Kyaukme, town', 'x')) "
                "t(data_id, event_date, location, actor2)")
    con.close()
    out = tmp_path / "export_acled_events.csv"
    out.write_text("old export")
    assert export_csv(published, out, "export_acled_events") == 2
    lines = out.read_text().splitlines()
    assert lines == ["data_id,event_date,location,actor2", "1,2025-03-05,Lashio,", '2,2025-03-13,"Kyaukme, town",x']
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export_acled_events.csv", "frontline.duckdb"]
    with pytest.raises(duckdb.Error):
        export_csv(published, out, "missing")
    assert out.read_text().splitlines()[0] == "data_id,event_date,location,actor2"  # the old file stays
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export_acled_events.csv", "frontline.duckdb"]
    with pytest.raises(ValueError, match="not a table name"):
        export_csv(published, out, "x; DROP TABLE y")


# ---------------------------------------------------------------- incremental publish


def make_marts(path, *, days=4, sites=3, extra=None):
    """A build with a table per sync case: by published_date, by site_key, neither; a view
    and a table macro; ``extra`` SQL run last (the night's changes)."""
    con = duckdb.connect(str(path))
    con.execute("CREATE OR REPLACE TABLE fct_by_day AS SELECT range AS fact_id, "
                "DATE '2025-03-01' + (range % ?)::int AS published_date, 'evidence ' || range AS evidence, "
                "[range, range + 1] AS ids FROM range(40)", [days])
    con.execute("CREATE OR REPLACE TABLE fct_by_site AS SELECT range AS event_id, "
                "CASE WHEN range % 5 = 4 THEN NULL ELSE 'site:' || (range % ?) END AS site_key, "
                "{'n': range} AS detail FROM range(30)", [sites])
    con.execute("CREATE OR REPLACE TABLE mart_whole AS SELECT range AS k, range * 1.5 AS v FROM range(5)")
    con.execute("CREATE SCHEMA IF NOT EXISTS meta")
    con.execute("CREATE TABLE IF NOT EXISTS meta.runs (run_id VARCHAR)")
    con.execute("CREATE OR REPLACE VIEW v_days AS SELECT DISTINCT published_date FROM fct_by_day")
    con.execute("CREATE OR REPLACE MACRO first_facts(n) AS TABLE SELECT * FROM fct_by_day WHERE fact_id < n")
    if extra:
        con.execute(extra)
    con.close()


def rows_of(path):
    """Every table's rows (sorted), every view's, and the macro's, of a DuckDB file."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        names = [r[0] for r in con.execute(
            "SELECT schema_name || '.' || table_name FROM duckdb_tables() WHERE database_name = current_database() "
            "UNION ALL SELECT schema_name || '.' || view_name FROM duckdb_views() "
            "WHERE database_name = current_database() AND NOT internal ORDER BY 1").fetchall()]
        out = {n: sorted(map(repr, con.execute(f"SELECT * FROM {n}").fetchall())) for n in names}
        out["first_facts(3)"] = sorted(map(repr, con.execute("SELECT * FROM first_facts(3)").fetchall()))
        return out
    finally:
        con.close()


NIGHT = """
    DELETE FROM fct_by_day WHERE published_date = DATE '2025-03-02';
    INSERT INTO fct_by_day VALUES (100, DATE '2025-03-05', 'new day', [1]), (101, DATE '2025-03-02', 'redone', []);
    UPDATE fct_by_site SET detail = {'n': -1} WHERE site_key = 'site:1';
    DELETE FROM fct_by_site WHERE site_key IS NULL AND event_id = 4;
    INSERT INTO meta.runs VALUES ('run-2');
    CREATE OR REPLACE VIEW v_days AS SELECT DISTINCT published_date FROM fct_by_day
        WHERE published_date > DATE '2025-03-01';
"""


def test_incremental_publish_equals_a_full_copy(tmp_path):
    build, published = tmp_path / "build.duckdb", tmp_path / "pub" / "frontline.duckdb"
    make_marts(build)
    first = publish.stage(build, published)
    assert first.mode == "full" and first.changed is None  # nothing published yet
    publish.commit(first)
    make_marts(build, extra=NIGHT)
    staged = publish.stage(build, published)
    assert staged.mode == "incremental"
    # only what the night touched is written; the untouched table is not
    assert staged.changed == ("main.fct_by_day", "main.fct_by_site", "meta.runs")
    result = publish.commit(staged)
    full = tmp_path / "full" / "frontline.duckdb"
    publish.commit(publish.stage(build, full, incremental=False))
    assert rows_of(published) == rows_of(full) == rows_of(build)
    assert storage_version(published).startswith(publish.STORAGE_VERSION)  # still readable by DuckDB 1.x
    assert result.tables == publish.list_tables(full)
    # a night with nothing new changes nothing
    again = publish.stage(build, published)
    assert again.mode == "incremental" and again.changed == ()
    publish.discard(again)


def test_a_changed_schema_falls_back_to_a_full_copy(tmp_path):
    build, published = tmp_path / "build.duckdb", tmp_path / "frontline.duckdb"
    make_marts(build)
    publish_warehouse(build, published)
    make_marts(build, extra="ALTER TABLE mart_whole ADD COLUMN note VARCHAR DEFAULT 'x'; "
                            "CREATE TABLE fct_new AS SELECT 1 AS a")
    staged = publish.stage(build, published)
    assert staged.mode == "full" and staged.changed is None
    publish.commit(staged)
    assert rows_of(published) == rows_of(build)
    assert sorted(p.name for p in published.parent.iterdir()) == ["build.duckdb", "frontline.duckdb"]


def test_a_failed_incremental_publish_leaves_the_old_file_untouched(tmp_path, monkeypatch):
    build, published = tmp_path / "build.duckdb", tmp_path / "pub" / "frontline.duckdb"
    make_marts(build)
    publish_warehouse(build, published)
    before = published.read_bytes()
    make_marts(build, extra=NIGHT)

    def broken_sync(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(publish, "_sync_table", broken_sync)
    with pytest.raises(OSError, match="No space"):
        publish_warehouse(build, published)
    assert published.read_bytes() == before
    assert sorted(p.name for p in published.parent.iterdir()) == ["frontline.duckdb"]


def test_incremental_publish_readers_see_one_version(tmp_path):
    """A reader opened before an incremental publish keeps the old version whole; one
    opened after sees the new version whole (never a mix)."""
    build, published = tmp_path / "build.duckdb", tmp_path / "pub" / "frontline.duckdb"
    make_marts(build)
    publish_warehouse(build, published)
    old = rows_of(published)
    reader = duckdb.connect(str(published), read_only=True)
    try:
        make_marts(build, extra=NIGHT)
        staged = publish.stage(build, published)
        assert staged.mode == "incremental"
        publish.commit(staged)
        seen = {t: sorted(map(repr, reader.execute(f"SELECT * FROM {t}").fetchall()))
                for t in ("main.fct_by_day", "main.fct_by_site", "meta.runs")}
        assert seen == {t: old[t] for t in seen}
    finally:
        reader.close()
    assert rows_of(published) == rows_of(build)


def test_export_parquet_links_the_unchanged_tables(tmp_path):
    build, published = tmp_path / "build.duckdb", tmp_path / "frontline.duckdb"
    make_marts(build)
    first = publish_warehouse(build, published)
    out = tmp_path / "parquet"
    export_parquet(published, out, ["fct_by_day", "mart_whole"], published_fingerprint=first.fingerprint)
    assert publish.exported_from(out) == first.fingerprint
    whole_inode = (out / "mart_whole.parquet").stat().st_ino
    make_marts(build, extra=NIGHT)
    staged = publish.stage(build, published)
    assert staged.base_fingerprint == first.fingerprint
    second = publish.commit(staged)
    result = export_parquet(published, out, ["fct_by_day", "mart_whole"], unchanged=["mart_whole"],
                            published_fingerprint=second.fingerprint)
    assert (out / "mart_whole.parquet").stat().st_ino == whole_inode  # linked, not rewritten
    assert result.rows == {"fct_by_day": 32, "mart_whole": 5}
    assert duckdb.sql(f"SELECT count(*) FROM '{out / 'fct_by_day.parquet'}' WHERE evidence = 'new day'"
                      ).fetchall() == [(1,)]
    assert publish.exported_from(out) == second.fingerprint
    # no temporary file left; the incremental publish kept the published file's signatures
    assert sorted(p.name for p in out.parent.iterdir()) == [".frontline.duckdb.signatures.json", "build.duckdb",
                                                             "frontline.duckdb", "parquet"]


# ---------------------------------------------------------------- the byte copy and its proof


def test_fingerprint_names_one_version_of_the_file(tmp_path):
    path = tmp_path / "f.duckdb"
    make_marts(path)
    first = publish.fingerprint(path)
    assert publish.fingerprint(path) == first  # reading it changes nothing
    con = duckdb.connect(str(path), read_only=True)
    con.execute("SELECT count(*) FROM fct_by_day").fetchall()
    con.close()
    assert publish.fingerprint(path) == first  # nor does a reader
    make_marts(path, extra="INSERT INTO meta.runs VALUES ('run-2')")  # written in place
    assert publish.fingerprint(path) != first
    second = publish.fingerprint(path)
    copy = tmp_path / "copy.duckdb"
    copy.write_bytes(path.read_bytes())
    os.replace(copy, path)  # the same bytes under another inode: another file
    assert publish.fingerprint(path) != second


@pytest.mark.parametrize("kernel", [True, False], ids=["copy_file_range", "read-write"])
def test_the_byte_copy_is_exact_with_or_without_copy_file_range(tmp_path, monkeypatch, kernel):
    src, dst = tmp_path / "src.bin", tmp_path / "dst.bin"
    src.write_bytes(os.urandom(3 * (1 << 20) + 12_345))
    if not kernel:
        def unsupported(*args):
            raise OSError(errno.EXDEV, "Invalid cross-device link")

        monkeypatch.setattr(os, "copy_file_range", unsupported)
    assert publish._copy_file(src, dst) == publish.fingerprint(src)
    assert dst.read_bytes() == src.read_bytes()


def test_a_published_file_changed_during_the_copy_is_copied_whole(tmp_path, monkeypatch):
    """The fingerprint taken before the copy must still hold after it, else the copy may mix
    two versions: the publish falls back to the full copy, and the result is the build's."""
    build, published = tmp_path / "build.duckdb", tmp_path / "pub" / "frontline.duckdb"
    make_marts(build)
    publish_warehouse(build, published)
    make_marts(build, extra=NIGHT)
    copy_range = publish._copy_range

    def copy_then_touch(fin, fout, size):
        copy_range(fin, fout, size)
        con = duckdb.connect(str(published))  # a writer in the published file meanwhile
        con.execute("INSERT INTO meta.runs VALUES ('intruder')")
        con.close()

    monkeypatch.setattr(publish, "_copy_range", copy_then_touch)
    staged = publish.stage(build, published)
    assert staged.mode == "full" and staged.base_fingerprint is None
    publish.commit(staged)
    assert rows_of(published) == rows_of(build)
    assert sorted(p.name for p in published.parent.iterdir()) == ["frontline.duckdb"]


# ---------------------------------------------------------------- the published side's signatures, cached

NIGHT_3 = """
    INSERT INTO fct_by_day VALUES (200, DATE '2025-03-06', 'third night', [2]);
    UPDATE fct_by_site SET detail = {'n': -3} WHERE site_key = 'site:2';
    INSERT INTO meta.runs VALUES ('run-3');
"""


def _three_nights(build, published, *, amend=None):
    """Publish the build, then NIGHT, then NIGHT_3 (incrementally); ``amend`` runs on each
    staged copy before its commit, as the publish step records meta.runs."""
    make_marts(build)
    publish.commit(publish.stage(build, published))
    stages = []
    for extra in (NIGHT, NIGHT + NIGHT_3):
        make_marts(build, extra=extra)
        staged = publish.stage(build, published)
        amended = ()
        if amend:
            con = duckdb.connect(str(staged.path))
            con.execute(amend)
            con.close()
            amended = ("meta.runs",)
        stages.append((staged, publish.commit(staged, amended=amended)))
    return stages


def test_the_published_sides_signatures_are_kept_and_used_the_next_night(tmp_path):
    build, published = tmp_path / "build.duckdb", tmp_path / "pub" / "frontline.duckdb"
    (second, second_result), (third, _) = _three_nights(build, published)
    assert second.cached_tables == 0  # after a full copy: none kept, both sides read
    # what the second night kept is what its published file holds, under that file's fingerprint
    # the second night's entry described the file the third night replaced: gone
    assert publish.load_signatures(published, second_result.fingerprint) == {}
    assert third.cached_tables == len(second.signatures) == 4
    assert third.changed == ("main.fct_by_day", "main.fct_by_site", "meta.runs")
    full = tmp_path / "full" / "frontline.duckdb"
    publish.commit(publish.stage(build, full, incremental=False))
    assert rows_of(published) == rows_of(full) == rows_of(build)
    # the cache names exactly the file now published, and holds its real signatures
    now = publish.fingerprint(published)
    cached = publish.load_signatures(published, now)
    con = duckdb.connect(str(published), read_only=True)
    try:
        for table, (group, sigs) in cached.items():
            assert publish.signatures(con, table, group) == sigs, table
    finally:
        con.close()
    assert publish.load_signatures(published, "another file") == {}


def test_tables_written_after_staging_are_not_kept(tmp_path):
    build, published = tmp_path / "build.duckdb", tmp_path / "pub" / "frontline.duckdb"
    _, (third, _) = _three_nights(build, published, amend="INSERT INTO meta.runs VALUES ('status of the copy')")
    cached = publish.load_signatures(published, publish.fingerprint(published))
    assert "meta.runs" not in cached and "main.fct_by_day" in cached
    assert third.cached_tables == 3  # meta.runs read from the copy
    # the amended row is in the published file, and the next night still brings the build over
    make_marts(build, extra=NIGHT + NIGHT_3 + "INSERT INTO fct_by_day VALUES (300, DATE '2025-03-07', 'x', []);")
    publish.commit(publish.stage(build, published))
    assert rows_of(published) == rows_of(build)


def test_a_published_file_written_in_place_is_not_compared_with_its_old_signatures(tmp_path):
    """Someone opens the published file read-write and changes a row: its fingerprint
    changes, the kept signatures are ignored, and the next publish still repairs the row."""
    build, published = tmp_path / "build.duckdb", tmp_path / "pub" / "frontline.duckdb"
    _three_nights(build, published)
    con = duckdb.connect(str(published))
    con.execute("UPDATE fct_by_day SET evidence = 'tampered' WHERE fact_id = 0")
    con.close()
    staged = publish.stage(build, published)
    assert staged.mode == "incremental" and staged.cached_tables == 0
    assert "main.fct_by_day" in staged.changed
    publish.commit(staged)
    assert rows_of(published) == rows_of(build)


def test_an_unreadable_cache_is_ignored(tmp_path):
    build, published = tmp_path / "build.duckdb", tmp_path / "pub" / "frontline.duckdb"
    _three_nights(build, published)
    cache = published.parent / ".frontline.duckdb.signatures.json"
    cache.write_text("{not json")
    make_marts(build, extra=NIGHT + NIGHT_3 + "DELETE FROM mart_whole WHERE k = 1;")
    staged = publish.stage(build, published)
    assert staged.cached_tables == 0 and "main.mart_whole" in staged.changed
    publish.commit(staged)
    assert rows_of(published) == rows_of(build)


def test_the_staged_text_signatures_are_the_files_own(tmp_path):
    """The PostgreSQL copy takes the staged signatures instead of reading the file again:
    they must be what reading the staged file gives."""
    build, published = tmp_path / "build.duckdb", tmp_path / "pub" / "frontline.duckdb"
    make_marts(build)
    publish.commit(publish.stage(build, published))
    make_marts(build, extra=NIGHT)
    staged = publish.stage(build, published)
    con = duckdb.connect(str(staged.path), read_only=True)
    try:
        for table, sigs in staged.text_signatures.items():
            group = staged.signatures[table][0]
            assert publish.signatures(con, table, group, as_text=True) == sigs, table
    finally:
        con.close()
    publish.discard(staged)


# ---------------------------------------------------------------- the publish's memory bound


def make_wide(path, n=50_000, extra=None):
    """``make_marts``' build plus a table (random text, so DuckDB cannot compress it away)
    larger than a 4MB memory limit, partitioned by day."""
    make_marts(path)
    con = duckdb.connect(str(path))
    con.execute("CREATE OR REPLACE TABLE fct_wide AS SELECT range AS fact_id, "
                "DATE '2025-03-01' + (range % 40)::int AS published_date, "
                "md5(range::varchar) || md5((range * 7)::varchar) || md5((range * 13)::varchar) AS evidence "
                "FROM range(?)", [n])
    if extra:
        con.execute(extra)
    con.close()


def test_a_publish_under_a_small_memory_limit_equals_an_unbounded_one(tmp_path, monkeypatch):
    """The copy and the incremental sync stream under ``PUBLISH_MEMORY_LIMIT``: bounded,
    whole or incremental, the published tables are the build's and an unbounded copy's."""
    build, published = tmp_path / "build.duckdb", tmp_path / "pub" / "frontline.duckdb"
    make_wide(build)
    unbounded = tmp_path / "unbounded" / "frontline.duckdb"
    monkeypatch.setattr(publish, "PUBLISH_MEMORY_LIMIT", "4GB")  # (never raised above the connection's)
    publish_warehouse(build, unbounded, incremental=False)
    monkeypatch.setattr(publish, "PUBLISH_MEMORY_LIMIT", "4MB")
    first = publish.stage(build, published)
    assert first.mode == "full"
    publish.commit(first)
    assert rows_of(published) == rows_of(unbounded) == rows_of(build)
    make_wide(build, extra="DELETE FROM fct_wide WHERE published_date = DATE '2025-03-02'; "
                           "UPDATE fct_wide SET evidence = 'redone' WHERE published_date = DATE '2025-03-09'")
    night = publish.stage(build, published)
    assert night.mode == "incremental" and night.changed == ("main.fct_wide",)
    publish.commit(night)
    assert rows_of(published) == rows_of(build)


def test_a_publish_that_runs_out_of_memory_leaves_the_published_file_as_it_was(tmp_path, monkeypatch):
    """DuckDB refusing the copy under the publish's limit (out of memory, incremental then
    whole) is a failed publish: the last published file stays, no temporary file is left."""
    build, published = tmp_path / "build.duckdb", tmp_path / "pub" / "frontline.duckdb"
    make_wide(build, n=20_000)
    publish_warehouse(build, published)
    before = published.read_bytes()
    make_wide(build, n=20_000, extra="UPDATE fct_wide SET evidence = 'redone' WHERE fact_id % 3 = 0")
    monkeypatch.setattr(publish, "PUBLISH_MEMORY_LIMIT", "1MB")
    with pytest.raises(PublishError, match="Out of Memory"):
        publish_warehouse(build, published)  # the incremental sync fails, then the whole copy
    with pytest.raises(PublishError, match="Out of Memory"):
        publish_warehouse(build, published, incremental=False)
    assert published.read_bytes() == before
    assert [p.name for p in published.parent.iterdir() if p.name.endswith((".tmp", ".wal"))] == []
    monkeypatch.setattr(publish, "PUBLISH_MEMORY_LIMIT", "4MB")
    publish_warehouse(build, published)  # the next publish with room goes through
    assert rows_of(published) == rows_of(build)
