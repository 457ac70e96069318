"""The PostgreSQL publish on small hand-made warehouses, against a real local server:
values survive the trip, a failure (mid-load, server down, bad role) leaves the previous
tables live, and a reader querying in a loop during publishes sees one version at a time."""
from __future__ import annotations

import datetime as dt
import decimal
import json
import subprocess
import sys
import textwrap

import duckdb
import psycopg
import pytest

from publishing.pg_local import LocalCluster, free_port
from publishing.pg_schema import TableDoc
from publishing.pg_target import PostgresTarget
from publishing.postgres import PgPublishError, attempt, publish_postgres


def make_warehouse(path, version: int, n: int = 50) -> None:
    """main.fct_a / main.dim_b / meta.runs / quarantine.facts, every row marked ``version``;
    plus tables that must not be published."""
    path.unlink(missing_ok=True)
    con = duckdb.connect(str(path))
    con.execute("create schema meta; create schema quarantine; create schema raw")
    con.execute("create table main.fct_a as select range as id, ? as version, 'row ' || range as label "
                "from range(?)", [version, n])
    con.execute("create table main.dim_b as select range as b_key, ? as version from range(7)", [version])
    con.execute("create table meta.runs as select 'run-' || ? as run_id, ? as version", [version, version])
    con.execute("create table quarantine.facts as select 'bad' as rule, ? as version", [version])
    con.execute("create table raw.reports as select 1 as x")
    con.execute("create table main.stg_hidden as select 1 as x")
    con.execute("create view main.mart_view as select * from main.fct_a")
    con.close()


# the published schemas, and the record of what they hold (not granted to the reader role)
LIVE_SCHEMAS = {"public", "frontline", "meta", "quarantine", "frontline__state"}


def versions(url: str) -> dict[str, int]:
    with psycopg.connect(url) as con:
        return {t: con.execute(f"select min(version) from {t}").fetchone()[0]
                for t in ("frontline.fct_a", "frontline.dim_b", "meta.runs", "quarantine.facts")}


def schemas(url: str) -> set[str]:
    with psycopg.connect(url) as con:
        return {r[0] for r in con.execute("select nspname from pg_namespace where nspname !~ '^(pg_|information_schema)'")}


def test_publishes_the_bi_tables_and_only_those(tmp_path, pg_url):
    wh = tmp_path / "wh.duckdb"
    make_warehouse(wh, 1)
    result = publish_postgres(wh, PostgresTarget(url=pg_url), run_id="r1")
    assert sorted(result.tables) == ["frontline.dim_b", "frontline.fct_a", "meta.runs", "quarantine.facts"]
    assert result.tables["frontline.fct_a"].rows == 50 and result.tables["frontline.fct_a"].seconds >= 0
    assert versions(pg_url) == dict.fromkeys(versions(pg_url), 1)
    assert schemas(pg_url) == LIVE_SCHEMAS
    summary = result.summary()
    assert summary["status"] == "published" and summary["rows"]["frontline.fct_a"] == 50


def test_values_survive_the_trip(tmp_path, pg_url):
    wh = tmp_path / "wh.duckdb"
    con = duckdb.connect(str(wh))
    con.execute("""
        create table fct_values as select * from (values
          (1, 'plain', ['a', 'b'], {'x': 1, 'y': 'q"uote'}, [{'c': 'KIA', 'f': 30.5}], 1.5::decimal(10, 2),
           true, date '2025-03-01', timestamp '2025-03-01 10:11:12.123456', 12345678901234567890::hugeint, [1, 2]),
          (2, '', [], null, [], null, false, null, null, null, []),
          (3, null, null, null, null, -0.25::decimal(10, 2), null, date '1900-01-01', null, -1, null),
          (4, 'comma, "quotes", back\\slash, new
        line, ခလရ (၂၃၆)', ['with "quote"', null, 'back\\slash', 'com,ma', '{brace}', '', 'NULL'],
           {'x': null, 'y': ''}, [{'c': null, 'f': null}], 0, null, null, null, 0, [null, 3])
        ) as t(id, s, l, st, ls, d, b, dd, ts, h, li)""")
    expected = con.execute("select * from fct_values order by id").fetchall()
    con.close()
    publish_postgres(wh, PostgresTarget(url=pg_url))
    with psycopg.connect(pg_url) as pg:
        got = pg.execute("select * from frontline.fct_values order by id").fetchall()
        types = dict(pg.execute(
            "select column_name, data_type from information_schema.columns where table_name = 'fct_values'").fetchall())
    assert types["l"] == "ARRAY" and types["st"] == "jsonb" and types["ls"] == "jsonb" and types["h"] == "numeric"
    assert [r[0] for r in got] == [1, 2, 3, 4]
    for want, have in zip(expected, got):
        assert have[1] == want[1]  # '' stays '', NULL stays NULL
        assert have[2] == want[2] and have[10] == want[10]
        assert have[3] == want[3] and have[4] == want[4]  # structs as JSON objects
        assert have[5] == want[5] and have[6] == want[6] and have[7] == want[7] and have[8] == want[8]
        assert (have[9] is None and want[9] is None) or int(have[9]) == int(want[9])
    assert got[3][1].endswith("ခလရ (၂၃၆)") and "\n" in got[3][1]
    assert isinstance(got[0][5], decimal.Decimal) and isinstance(got[0][8], dt.datetime)


def test_a_failure_mid_load_leaves_the_previous_tables_live(tmp_path, pg_url):
    wh = tmp_path / "wh.duckdb"
    make_warehouse(wh, 1)
    publish_postgres(wh, PostgresTarget(url=pg_url))
    make_warehouse(wh, 2)
    # a key the data breaks: the primary key fails after fct_a is loaded
    docs = {"fct_a": TableDoc(primary_key=("version",))}
    with pytest.raises(PgPublishError, match="previous tables stay live"):
        publish_postgres(wh, PostgresTarget(url=pg_url), docs)
    assert set(versions(pg_url).values()) == {1}
    assert schemas(pg_url) == LIVE_SCHEMAS  # no half-loaded schema left
    outcome = attempt(wh, PostgresTarget(url=pg_url, blocking=False), docs, run_id="r2")
    assert outcome["status"] == "failed" and outcome["blocking"] is False and "could not create unique index" in outcome["error"]
    publish_postgres(wh, PostgresTarget(url=pg_url))  # the next good publish goes through
    assert set(versions(pg_url).values()) == {2}


def test_wrong_role_fails_without_touching_anything(tmp_path, pg_url):
    wh = tmp_path / "wh.duckdb"
    make_warehouse(wh, 1)
    publish_postgres(wh, PostgresTarget(url=pg_url))
    bad = pg_url.replace("postgresql://postgres@", "postgresql://nobody:secret@")
    with pytest.raises(PgPublishError, match="cannot connect") as info:
        publish_postgres(wh, PostgresTarget(url=bad))
    assert "secret" not in str(info.value) and "nobody:***@" in str(info.value)
    assert set(versions(pg_url).values()) == {1}


@pytest.mark.slow
def test_server_down_keeps_the_old_schema_and_says_so(tmp_path):
    wh = tmp_path / "wh.duckdb"
    with LocalCluster(icu_locale=None) as cluster:
        url = cluster.create_database("frontline")
        make_warehouse(wh, 1)
        publish_postgres(wh, PostgresTarget(url=url))
        cluster.stop()
        make_warehouse(wh, 2)
        outcome = attempt(wh, PostgresTarget(url=url))
        assert outcome["status"] == "failed" and outcome["blocking"] is True
        assert "cannot connect to PostgreSQL" in outcome["error"] and "Connection refused" in outcome["error"]
        cluster.start()  # same data folder, a new port
        url = cluster.url("frontline")
        assert set(versions(url).values()) == {1}
        with psycopg.connect(url) as con:
            stamp = con.execute("select obj_description('frontline'::regnamespace)").fetchone()[0]
        assert '"frontline_run_id": ""' in stamp


def test_nothing_listens_is_a_clear_error(tmp_path):
    wh = tmp_path / "wh.duckdb"
    make_warehouse(wh, 1)
    with pytest.raises(PgPublishError, match="cannot connect to PostgreSQL at postgresql://u:\\*\\*\\*@127.0.0.1"):
        publish_postgres(wh, PostgresTarget(url=f"postgresql://u:pw@127.0.0.1:{free_port()}/x"))


READER = textwrap.dedent("""
    import json, os, sys, time, psycopg
    url, stop, seconds = sys.argv[1], sys.argv[2], float(sys.argv[3])
    seen, errors, mixed, n = set(), [], [], 0
    con = psycopg.connect(url, autocommit=True)
    print("ready", flush=True)
    end = time.monotonic() + seconds
    while time.monotonic() < end and not os.path.exists(stop):
        try:
            row = con.execute(
                "select (select min(version) from frontline.fct_a), (select max(version) from frontline.fct_a), "
                "(select count(*) from frontline.fct_a), (select min(version) from frontline.dim_b), "
                "(select min(version) from meta.runs), (select min(version) from quarantine.facts)").fetchone()
        except Exception as exc:
            errors.append(repr(exc)); continue
        n += 1
        if len(set(row[:2]) | set(row[3:])) != 1 or row[2] != 40 + 10 * row[0]:
            mixed.append(row)
        seen.add(row[0])
    print(json.dumps({"queries": n, "seen": sorted(seen), "errors": errors[:5], "mixed": mixed[:5]}), flush=True)
""")


@pytest.mark.slow
def test_a_reader_during_publishes_sees_one_version_never_an_error_or_a_mix(tmp_path, pg_url):
    wh = tmp_path / "wh.duckdb"
    make_warehouse(wh, 1, n=50)
    publish_postgres(wh, PostgresTarget(url=pg_url))
    reader = subprocess.Popen([sys.executable, "-c", READER, pg_url, str(tmp_path / "stop"), "60"], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    try:
        assert reader.stdout.readline().strip() == "ready"
        for version in range(2, 8):
            make_warehouse(wh, version, n=40 + 10 * version)
            publish_postgres(wh, PostgresTarget(url=pg_url))
        (tmp_path / "stop").touch()
        out, err = reader.communicate(timeout=60)
    finally:
        if reader.poll() is None:
            reader.kill()
    assert reader.returncode == 0, err
    report = json.loads(out.strip().splitlines()[-1])
    assert report["errors"] == [] and report["mixed"] == []
    assert report["queries"] > 20 and len(report["seen"]) >= 3, report  # it did read across publishes
    assert set(versions(pg_url).values()) == {7}
    assert schemas(pg_url) == LIVE_SCHEMAS


@pytest.mark.slow
def test_a_query_running_during_the_swap_finishes_on_the_old_tables(tmp_path, pg_url):
    import threading
    import time

    wh = tmp_path / "wh.duckdb"
    make_warehouse(wh, 1)
    publish_postgres(wh, PostgresTarget(url=pg_url))
    make_warehouse(wh, 2)
    result: dict = {}
    started = threading.Event()

    def long_query():
        with psycopg.connect(pg_url, autocommit=True) as con:
            with con.transaction():
                con.execute("select count(*) from frontline.fct_a")  # holds the old table from here
                started.set()
                result["row"] = con.execute("select min(version), max(version), pg_sleep(1.5) "
                                            "from frontline.fct_a").fetchone()

    reader = threading.Thread(target=long_query)
    reader.start()
    assert started.wait(30)
    t0 = time.perf_counter()
    publish_postgres(wh, PostgresTarget(url=pg_url))
    waited = time.perf_counter() - t0
    reader.join(30)
    assert result["row"][:2] == (1, 1)  # it finished, on the old data
    assert waited >= 1.0  # the swap waited for it
    assert set(versions(pg_url).values()) == {2}


def make_wide(path, version: int, n: int = 50_000) -> None:
    """``make_warehouse`` plus a table of random text larger than a 4MB memory limit."""
    make_warehouse(path, version)
    con = duckdb.connect(str(path))
    con.execute("create table main.fct_wide as select range as id, ? as version, "
                "md5(range::varchar) || md5((range * 7)::varchar) || md5((range * 13)::varchar) as evidence "
                "from range(?)", [version, n])
    con.close()


def test_the_copy_under_the_publish_memory_limit_holds_every_row(tmp_path, pg_url, monkeypatch):
    """The staged file's tables are rendered as CSV under the publish's small DuckDB limit
    (in any row order): PostgreSQL gets exactly the DuckDB rows, whole and incremental."""
    import publishing.postgres as pg_publish

    monkeypatch.setattr(pg_publish, "PUBLISH_MEMORY_LIMIT", "4MB")
    wh = tmp_path / "wh.duckdb"
    make_wide(wh, 1)
    assert publish_postgres(wh, PostgresTarget(url=pg_url)).mode == "full"
    con = duckdb.connect(str(wh))
    con.execute("update main.fct_wide set evidence = 'redone' where id % 4 = 0")
    want = sorted(con.execute("select id, version, evidence from main.fct_wide").fetchall())
    con.close()
    assert publish_postgres(wh, PostgresTarget(url=pg_url)).mode == "incremental"
    with psycopg.connect(pg_url) as pg:
        assert sorted(pg.execute("select id, version, evidence from frontline.fct_wide").fetchall()) == want


def test_running_out_of_memory_mid_load_leaves_the_previous_tables_live(tmp_path, pg_url, monkeypatch):
    import publishing.postgres as pg_publish

    wh = tmp_path / "wh.duckdb"
    make_wide(wh, 1, n=20_000)
    publish_postgres(wh, PostgresTarget(url=pg_url))
    make_wide(wh, 2, n=20_000)
    con = duckdb.connect(str(wh), read_only=True)  # the signatures as staging gives them: only the load is left
    known = {f"{s}.{t}": pg_publish.signatures(con, f'"{s}"."{t}"', pg_publish.group_column(
        c.name for c in pg_publish.table_columns(con, s, t)), as_text=True) for s, t in pg_publish.published_tables(con)}
    con.close()
    monkeypatch.setattr(pg_publish, "PUBLISH_MEMORY_LIMIT", "1MB")
    with pytest.raises(PgPublishError, match="previous tables stay live.*Out of Memory"):
        publish_postgres(wh, PostgresTarget(url=pg_url), incremental=False, signatures=known)
    assert set(versions(pg_url).values()) == {1}
    assert schemas(pg_url) == LIVE_SCHEMAS  # no half-loaded schema left
    monkeypatch.setattr(pg_publish, "PUBLISH_MEMORY_LIMIT", "4MB")
    publish_postgres(wh, PostgresTarget(url=pg_url))
    assert set(versions(pg_url).values()) == {2}


def test_the_incremental_copy_runs_at_the_connections_limit_not_the_scan_limit(tmp_path, pg_url, monkeypatch):
    """Only the full copy streams under the publish's scan limit: a night's incremental copy
    (the stale groups' rows picked by a list of group values) runs at the connection's
    limit, so a scan limit the full copy cannot run under does not fail a night (a year's
    first night after a whole publish ran out of memory under the 128MB one)."""
    import publishing.postgres as pg_publish

    wh = tmp_path / "wh.duckdb"
    make_wide(wh, 1, n=20_000)
    assert publish_postgres(wh, PostgresTarget(url=pg_url)).mode == "full"
    con = duckdb.connect(str(wh))
    con.execute("update main.fct_wide set evidence = 'redone' where id % 4 = 0")
    want = sorted(con.execute("select id, version, evidence from main.fct_wide").fetchall())
    con.close()
    monkeypatch.setattr(pg_publish, "PUBLISH_MEMORY_LIMIT", "1MB")  # the full copy fails under it (above)
    assert publish_postgres(wh, PostgresTarget(url=pg_url)).mode == "incremental"
    with psycopg.connect(pg_url) as pg:
        assert sorted(pg.execute("select id, version, evidence from frontline.fct_wide").fetchall()) == want
