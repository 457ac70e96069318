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
        publish_warehouse(build, published)
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
