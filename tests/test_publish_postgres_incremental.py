"""The incremental PostgreSQL publish against a real local server: after every night (new
days, a day re-run, a night that changes earlier rows and sites, a night that changes
nothing) the database holds exactly what a full copy of the same file gives, while copying
only the groups of rows that changed; anything it cannot trust (a table redefined, replaced
or drifted behind its back) makes a full copy."""
from __future__ import annotations

import datetime as dt

import duckdb
import psycopg
import pytest

from publishing.pg_schema import TableDoc
from publishing.pg_target import PostgresTarget
from publishing.postgres import publish_postgres

DOCS = {"fct_changes": TableDoc(description="changes", primary_key=("change_id",), indexes=[("site_key",)]),
        "fct_periods": TableDoc(primary_key=("period_id",))}
DAY0 = dt.date(2025, 3, 1)


class Warehouse:
    """A small build warehouse shaped like Frontline's: facts by publication day, periods by
    site, a mart rebuilt whole, a dimension that never changes, meta.runs and a quarantine
    table that grow by run. ``night(n)`` adds day ``n``'s rows and the run ``r<n>``."""

    def __init__(self, path):
        self.path = path
        con = duckdb.connect(str(path))
        con.execute("create schema meta; create schema quarantine")
        con.execute("create table fct_changes (change_id varchar, published_date date, site_key varchar, "
                    "actor varchar, tags varchar[], detail struct(n integer, s varchar))")
        con.execute("create table fct_periods (period_id varchar, site_key varchar, valid_from date, "
                    "valid_to date, actor varchar)")
        con.execute("create table dim_place as select 'S' || range as place_key, 'place ' || range as name "
                    "from range(20)")
        con.execute("create table mart_snapshot (site_key varchar, actor varchar)")
        con.execute("create table meta.runs (run_id varchar, status varchar, rows_json varchar)")
        con.execute("create table quarantine.facts (fact_id varchar, rule varchar, run_id varchar, published_date date)")
        con.close()

    def sql(self, statement: str, params=None) -> None:
        con = duckdb.connect(str(self.path))
        try:
            con.execute(statement, params or [])
        finally:
            con.close()

    def night(self, n: int, *, actor: str = "junta") -> None:
        day = DAY0 + dt.timedelta(days=n)
        self.sql("delete from fct_changes where published_date = ?", [day])
        self.sql("insert into fct_changes select ? || '-' || range, ?, 'S' || ((? * 3 + range) % 20), ?, "
                 "['t' || range, null], {'n': range, 's': 'x'} from range(5)", [f"d{n}", day, n, actor])
        # periods recomputed whole for the sites the night touched
        touched = "(select distinct site_key from fct_changes where published_date = ?)"
        self.sql(f"delete from fct_periods where site_key in {touched}", [day])
        self.sql("insert into fct_periods select c.site_key || '@' || c.change_id, c.site_key, c.published_date, "
                 f"null, c.actor from fct_changes c where c.site_key in {touched}", [day])
        self.sql("create or replace table mart_snapshot as select site_key, max(actor) as actor "
                 "from fct_periods group by all")
        self.sql("delete from meta.runs where run_id = ?", [f"r{n}"])
        self.sql("insert into meta.runs values (?, 'published', '{}')", [f"r{n}"])
        if n % 2:
            self.sql("insert into quarantine.facts values (?, 'duplicate_fact_id', ?, ?)", [f"q{n}", f"r{n}", day])


def dump(url: str) -> dict:
    """Every published table's rows (sorted), columns, keys and indexes."""
    out = {}
    with psycopg.connect(url) as con:
        tables = con.execute(
            "select table_schema, table_name from information_schema.tables "
            "where table_schema in ('frontline', 'meta', 'quarantine') order by 1, 2").fetchall()
        for schema, table in tables:
            n = len(con.execute(f'select * from "{schema}"."{table}" limit 0').description)
            order = ", ".join(str(i + 1) for i in range(n))
            out[f"{schema}.{table}"] = {
                "rows": con.execute(f'select * from "{schema}"."{table}" order by {order}').fetchall(),
                "columns": con.execute("select column_name, data_type, collation_name from information_schema.columns "
                                       "where table_schema = %s and table_name = %s order by ordinal_position",
                                       [schema, table]).fetchall(),
                "indexes": sorted(r[0] for r in con.execute(
                    "select indexdef from pg_indexes where schemaname = %s and tablename = %s", [schema, table])),
                "comment": con.execute("select obj_description(%s::regclass)", [f'"{schema}"."{table}"']).fetchone()[0],
            }
    return out


@pytest.fixture
def two_dbs(pg_cluster):
    import uuid

    return (pg_cluster.create_database(f"inc_{uuid.uuid4().hex[:10]}"),
            pg_cluster.create_database(f"full_{uuid.uuid4().hex[:10]}"))


def publish_both(path, incremental_url: str, full_url: str, run_id: str):
    result = publish_postgres(path, PostgresTarget(url=incremental_url), DOCS, run_id)
    publish_postgres(path, PostgresTarget(url=full_url), DOCS, run_id, incremental=False)
    assert dump(incremental_url) == dump(full_url), f"after {run_id}"
    return result


def test_incremental_equals_full_night_after_night(tmp_path, two_dbs):
    inc, full = two_dbs
    wh = Warehouse(tmp_path / "wh.duckdb")
    for n in range(4):  # the history, then the first publish: a full copy
        wh.night(n)
    first = publish_both(wh.path, inc, full, "r3")
    assert first.mode == "full" and first.full_reason == "no earlier copy recorded"

    wh.night(4)  # a new day
    night = publish_both(wh.path, inc, full, "r4")
    assert night.mode == "incremental", night.full_reason
    assert night.tables["frontline.fct_changes"].copied == 5  # the new day only
    assert night.tables["frontline.fct_changes"].rows == 25
    assert night.tables["frontline.dim_place"].copied == 0 and "frontline.dim_place" not in night.changed
    assert night.tables["meta.runs"].copied == 1
    assert set(night.summary()["copied"]) == set(night.changed)

    again = publish_both(wh.path, inc, full, "r4 again")  # the same file again: nothing to copy
    assert again.mode == "incremental" and again.changed == []

    wh.night(2)  # day 2 re-run, same content: idempotent
    rerun = publish_both(wh.path, inc, full, "r2 re-run")
    assert rerun.mode == "incremental" and rerun.changed == []

    wh.night(1, actor="KIA")  # a re-extracted earlier day changes earlier rows and sites
    wh.sql("update fct_changes set tags = null, detail = null where published_date = ?", [DAY0])
    changed = publish_both(wh.path, inc, full, "r1 changed")
    assert changed.mode == "incremental"
    assert changed.tables["frontline.fct_changes"].copied == 10  # days 0 and 1, not 2-4
    assert 0 < changed.tables["frontline.fct_periods"].copied < changed.tables["frontline.fct_periods"].rows

    wh.sql("delete from fct_changes where published_date = ?", [DAY0 + dt.timedelta(days=3)])  # a day emptied
    wh.sql("insert into fct_periods values ('nowhere', null, null, null, 'x')")  # a NULL group
    emptied = publish_both(wh.path, inc, full, "day 3 emptied")
    assert emptied.mode == "incremental" and emptied.tables["frontline.fct_changes"].rows == 20
    wh.sql("delete from fct_periods where site_key is null")
    assert publish_both(wh.path, inc, full, "NULL group gone").mode == "incremental"

    for n in range(5, 8):  # more nights
        wh.night(n)
        assert publish_both(wh.path, inc, full, f"r{n}").mode == "incremental"


def test_what_it_cannot_trust_makes_a_full_copy(tmp_path, two_dbs):
    inc, full = two_dbs
    wh = Warehouse(tmp_path / "wh.duckdb")
    wh.night(0)
    publish_both(wh.path, inc, full, "r0")

    wh.night(1)
    with psycopg.connect(inc, autocommit=True) as con:  # a table replaced behind the publisher's back
        con.execute("create table frontline.dim_place_x as select * from frontline.dim_place")
        con.execute("drop table frontline.dim_place")
        con.execute("alter table frontline.dim_place_x rename to dim_place")
    replaced = publish_both(wh.path, inc, full, "r1")
    assert replaced.mode == "full" and "not those the last publish recorded" in replaced.full_reason

    wh.night(2)
    with psycopg.connect(inc, autocommit=True) as con:  # rows lost behind its back
        con.execute("delete from frontline.fct_changes where published_date = %s", [DAY0])
    drifted = publish_both(wh.path, inc, full, "r2")
    assert drifted.mode == "full" and "drifted" in drifted.full_reason

    wh.sql("alter table dim_place add column kind varchar")  # a redefined table
    redefined = publish_both(wh.path, inc, full, "new column")
    assert redefined.mode == "full" and "frontline.dim_place" in redefined.full_reason

    wh.sql("create table main.mart_new as select 1 as x")  # a new table
    added = publish_both(wh.path, inc, full, "new table")
    assert added.mode == "full" and "added or removed" in added.full_reason

    with psycopg.connect(inc, autocommit=True) as con:  # the record is not readable by the reader role
        con.execute("set role frontline_reader")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            con.execute("select * from frontline__state.tables")


def test_the_staged_signatures_give_what_reading_the_file_gives(tmp_path, two_dbs):
    """As the publish step runs it: the PostgreSQL copy is loaded from the staged DuckDB file
    with the signatures its staging computed (not read again); night after night it holds
    what a full copy of that file gives."""
    from publishing import duckdb_file

    inc, full = two_dbs
    wh = Warehouse(tmp_path / "wh.duckdb")
    published = tmp_path / "pub" / "frontline.duckdb"
    nights = [lambda: [wh.night(n) for n in range(4)], lambda: wh.night(4), lambda: None,
              lambda: wh.night(1, actor="KIA"), lambda: wh.night(5)]
    modes = []
    for i, night in enumerate(nights):
        night()
        staged = duckdb_file.stage(wh.path, published)
        result = publish_postgres(staged.path, PostgresTarget(url=inc), DOCS, f"n{i}",
                                  signatures=staged.text_signatures)
        publish_postgres(staged.path, PostgresTarget(url=full), DOCS, f"n{i}", incremental=False)
        assert dump(inc) == dump(full), f"night {i}"
        duckdb_file.commit(staged)
        modes.append((staged.mode, result.mode, staged.text_signatures is not None))
    assert modes[0] == ("full", "full", False)
    assert all(m == ("incremental", "incremental", True) for m in modes[1:]), modes
