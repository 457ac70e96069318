"""The canonical queries of docs/bi.md run against the fixture warehouse and return rows."""
from __future__ import annotations

import re

import duckdb
import pytest

from tests.warehouse.fixtures import ROOT

pytestmark = pytest.mark.slow  # a dbt build of the fixture warehouse (session)

BI_DOC = ROOT / "docs" / "bi.md"


def sql_blocks() -> list[str]:
    return re.findall(r"```sql\n(.*?)```", BI_DOC.read_text(encoding="utf-8"), flags=re.S)


def test_doc_has_five_queries():
    assert len(sql_blocks()) == 5


@pytest.fixture(scope="module")
def published(built_warehouse, tmp_path_factory):
    """A copy opened read-only, as BI tools open the published file."""
    import shutil

    copy = tmp_path_factory.mktemp("published") / "frontline.duckdb"
    shutil.copy(built_warehouse, copy)
    con = duckdb.connect(str(copy), read_only=True)
    yield con
    con.close()


@pytest.mark.parametrize("number", range(5))
def test_bi_query_returns_rows(published, number):
    sql = sql_blocks()[number]
    result = published.execute(sql).fetchall()
    assert result, f"query {number + 1} returned no rows"


def test_snapshot_query_content(published):
    rows = published.execute(sql_blocks()[0]).fetchall()
    assert ("Tank Battalion 5014", "military_base", "Bhamo", "Kachin Independence Army") in [r[:4] for r in rows]


def test_timeline_query_content(published):
    rows = published.execute(sql_blocks()[4]).fetchall()
    assert [r[2] for r in rows] == ["Kachin Independence Army", "Myanmar Armed Forces"]


def test_claims_query_content(published):
    rows = published.execute(sql_blocks()[2]).fetchall()
    killed = [r for r in rows if r[0] == "killed"]
    assert {r[7] for r in killed} == {"Kachin Independence Army", "Myanmar Armed Forces"}
    assert {r[3] for r in killed} == {12}
