"""The PostgreSQL copy of the fixture warehouse, against a real local server: the five
canonical queries of docs/bi.md and control_as_of return the same rows as DuckDB, the keys
and comments come from the dbt docs, and the read-only role cannot write."""
from __future__ import annotations

import datetime as dt
import decimal
import re
import uuid

import duckdb
import psycopg
import pytest

from publishing.pg_schema import load_docs
from publishing.pg_target import PostgresTarget
from publishing.postgres import publish_postgres
from tests.warehouse.fixtures import ROOT
from tests.warehouse.test_bi_queries import BI_DOC, sql_blocks

pytestmark = pytest.mark.slow  # a dbt build and a PostgreSQL cluster

MANIFEST = ROOT / "dbt_project" / "target" / "manifest.json"


def postgres_blocks() -> dict[int, str]:
    """Query number (0-based) → its PostgreSQL version, when the doc gives one right after."""
    text = BI_DOC.read_text(encoding="utf-8")
    out: dict[int, str] = {}
    n = -1
    for m in re.finditer(r"```(sql|postgresql)\n(.*?)```", text, flags=re.S):
        if m.group(1) == "sql":
            n += 1
        else:
            out[n] = m.group(2)
    return out


def normal(value):
    """Values as both engines' Python drivers should agree on them."""
    if isinstance(value, decimal.Decimal):
        return float(value)
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        return value.astimezone(dt.timezone.utc).replace(tzinfo=None)
    if isinstance(value, list):
        return [normal(v) for v in value]
    return value


def rows(cursor_rows) -> list[tuple]:
    return [tuple(normal(v) for v in r) for r in cursor_rows]


@pytest.fixture(scope="module")
def published_pg(built_warehouse, pg_cluster):
    """The fixture warehouse published to a fresh database; the URL of a superuser session
    whose search_path is the published schemas (as the reader role's)."""
    url = pg_cluster.create_database(f"bi_{uuid.uuid4().hex[:8]}")
    target = PostgresTarget(url=url, reader_password="reader-secret")
    result = publish_postgres(built_warehouse, target, load_docs(MANIFEST), run_id="fixture-run")
    assert result.tables["frontline.fct_control_periods"].rows > 0
    return url


@pytest.fixture(scope="module")
def pg(published_pg):
    with psycopg.connect(published_pg, options="-c search_path=frontline,meta,quarantine") as con:
        yield con


@pytest.fixture(scope="module")
def duck(built_warehouse):
    con = duckdb.connect(str(built_warehouse), read_only=True)
    yield con
    con.close()


@pytest.mark.parametrize("number", range(5))
def test_canonical_query_same_rows_in_postgres(duck, pg, number):
    duck_sql = sql_blocks()[number]
    pg_sql = postgres_blocks().get(number, duck_sql)
    expected = rows(duck.execute(duck_sql).fetchall())
    cur = pg.execute(pg_sql)
    got = rows(cur.fetchall())
    assert expected, f"query {number + 1} returned no rows on DuckDB"
    assert [d.name for d in cur.description] == [d[0] for d in duck.execute(duck_sql).description]
    assert got == expected  # same rows, same order (text sorts by code point in both)


def test_only_query_3_needs_a_postgres_version():
    assert set(postgres_blocks()) == {2}


@pytest.mark.parametrize("day", ["2025-03-01", "2025-03-05", "2025-03-10", "2025-03-14", "2030-01-01"])
def test_control_as_of_function_equals_the_duckdb_macro(duck, pg, day):
    sql = f"select * from control_as_of(date '{day}') order by period_id"
    duck_cur = duck.execute(sql)
    expected = rows(duck_cur.fetchall())
    pg_cur = pg.execute(sql)
    assert [d.name for d in pg_cur.description] == [d[0] for d in duck_cur.description]
    assert rows(pg_cur.fetchall()) == expected
    if day != "2030-01-01":
        assert expected


def test_every_published_table_has_the_same_row_count(duck, pg):
    names = [r[0] for r in duck.execute(
        "select table_name from duckdb_tables() where schema_name = 'main' and "
        "(table_name like 'fct%' or table_name like 'dim%' or table_name like 'mart%')").fetchall()]
    assert len(names) >= 13
    for name in names:
        n = duck.execute(f'select count(*) from main."{name}"').fetchall()[0][0]
        assert pg.execute(f'select count(*) from frontline."{name}"').fetchone()[0] == n, name


def test_keys_indexes_and_comments_from_the_dbt_docs(pg):
    def pk(table):
        return pg.execute(
            "select array_agg(a.attname order by a.attnum) from pg_index i join pg_attribute a "
            "on a.attrelid = i.indrelid and a.attnum = any(i.indkey) "
            "where i.indrelid = %s::regclass and i.indisprimary", [f"frontline.{table}"]).fetchone()[0]

    assert pk("dim_actor") == ["actor_key"]
    assert pk("fct_control_changes") == ["fact_id"]
    assert pk("mart_population_under_control") == ["month_start", "holder_name"]
    indexed = {r[0] for r in pg.execute(
        "select pg_get_indexdef(indexrelid) from pg_index where indrelid = 'frontline.fct_control_changes'::regclass")}
    assert any("(place_key)" in d for d in indexed) and any("(actor_to_key)" in d for d in indexed)
    assert pg.execute("select col_description('frontline.fct_control_periods'::regclass, 1)").fetchone()[0] \
        == "md5 of site and period number."
    assert pg.execute("select obj_description('frontline.fct_control_periods'::regclass, 'pg_class')"
                      ).fetchone()[0].startswith("One row per site and period")


def test_reader_role_reads_and_cannot_write(published_pg):
    reader = published_pg.replace("postgresql://postgres@", "postgresql://frontline_reader:reader-secret@")
    with psycopg.connect(reader, autocommit=True) as con:
        # its search_path is the published schemas: bare names resolve as in DuckDB
        assert con.execute("select count(*) from fct_control_periods").fetchone()[0] > 0
        assert con.execute("select count(*) from control_as_of(date '2025-03-10')").fetchone()[0] > 0
        for sql in ["insert into dim_actor (actor_key, canonical_name) values ('X', 'X')",
                    "update dim_actor set side = 'x'", "delete from fct_claims", "truncate dim_date",
                    "drop table dim_unit", "create table frontline.evil (x int)", "create table public.evil (x int)",
                    "alter table dim_place add column x int"]:
            with pytest.raises(psycopg.errors.ReadOnlySqlTransaction):
                con.execute(sql)
            # even with read-only transactions turned off, it has no right to write
            con.execute("set default_transaction_read_only = off")
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                con.execute(sql)
            con.execute("reset default_transaction_read_only")


def test_the_superset_recipe_connects_as_the_reader_and_runs_the_queries(published_pg, pg):
    """docs/bi.md's SQLAlchemy URI (host, port and password replaced by the test server's):
    the reader role runs the five canonical queries with bare names, same rows as above."""
    text = BI_DOC.read_text(encoding="utf-8")
    uri = re.search(r"^\s*(postgresql\+psycopg2://\S+)$", text, flags=re.M).group(1)
    m = re.match(r"postgresql\+psycopg2://(?P<user>[^:]+):READER_PASSWORD@[^/]+/(?P<db>\w+)$", uri)
    assert m and m["user"] == "frontline_reader" and m["db"] == "frontline", uri
    server = re.match(r"postgresql://postgres@(?P<hostport>[^/]+)/(?P<db>\w+)", published_pg)
    reader = f"postgresql://{m['user']}:reader-secret@{server['hostport']}/{server['db']}"
    with psycopg.connect(reader) as con:
        for number in range(5):
            sql = postgres_blocks().get(number, sql_blocks()[number])
            assert rows(con.execute(sql).fetchall()) == rows(pg.execute(sql).fetchall()), number + 1
