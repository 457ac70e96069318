"""The HTTP path (conditional GET against a local server) and versioned reference tables."""
from __future__ import annotations

import hashlib
import re
import shutil

import duckdb
import pytest
from werkzeug import Request, Response

from ingestion.http import HttpClient
from ingestion.reference.pipeline import load_reference
from ingestion.reference.sources import REFERENCE_FILES


def _serve(httpserver, root, counts):
    def handler(request: Request) -> Response:
        path = root / request.path.lstrip("/")
        if not path.is_file():
            counts["404"] += 1
            return Response(status=404)
        body = path.read_bytes()
        etag = '"' + hashlib.sha256(body).hexdigest() + '"'
        if request.headers.get("If-None-Match") == etag:
            counts["304"] += 1
            return Response(status=304, headers={"ETag": etag})
        counts["200"] += 1
        return Response(body, status=200, headers={"ETag": etag})

    httpserver.expect_request(re.compile(r"^/.*$")).respond_with_handler(handler)
    return httpserver.url_for("/")


def _rows(con):
    return {t: con.execute(f"select count(*) from reference.{t} where load_version = "
                           f"(select max(load_version) from reference.{t})").fetchall()[0][0]
            for t in ("townships", "towns", "units", "armed_groups", "wards_village_tracts", "census_workbook")}


@pytest.mark.slow
def test_http_source_loads_the_same_rows_and_304_adds_nothing(httpserver, ref_dir, tmp_path, monkeypatch):
    counts = {"200": 0, "304": 0, "404": 0}
    base = _serve(httpserver, ref_dir, counts)
    monkeypatch.setenv("FRONTLINE_REFERENCE_SOURCE", base)
    monkeypatch.setenv("FRONTLINE_WAREHOUSE", str(tmp_path / "wh" / "frontline.duckdb"))
    monkeypatch.setenv("FRONTLINE_HTTP_CACHE", str(tmp_path / "http_cache"))
    client = HttpClient(cache_dir=tmp_path / "http_cache", retries=0, backoff_factor=0)

    http_con = duckdb.connect(str(tmp_path / "http.duckdb"))
    first = load_reference(http_con, client=client)
    n_files = len(REFERENCE_FILES)
    assert counts["200"] == n_files and counts["304"] == 0
    assert all(load.changed and load.load_version == 1 for load in first)

    second = load_reference(http_con, client=client)
    assert counts["304"] == n_files and counts["200"] == n_files  # answered 304: nothing downloaded
    assert not any(load.changed for load in second)
    assert {load.load_version for load in second} == {1}

    folder_con = duckdb.connect(str(tmp_path / "folder.duckdb"))
    load_reference(folder_con, source=str(ref_dir))
    assert _rows(http_con) == _rows(folder_con)
    hashes = "select table_name, fingerprint from reference._loads order by 1"
    assert http_con.execute(hashes).fetchall() == folder_con.execute(hashes).fetchall()
    http_con.close()
    folder_con.close()


def test_republished_file_becomes_a_new_version(ref_dir, tmp_path):
    mirror = tmp_path / "mirror"
    for sub in ("census", "places", "units", "actors"):
        (mirror / sub).mkdir(parents=True)
    for name in ("census/township_population_2014.csv", "places/mimu_towns.csv", "actors/armed_groups.csv"):
        shutil.copyfile(ref_dir / name, mirror / name)  # a temporary mirror, deleted with tmp_path
    con = duckdb.connect(str(tmp_path / "v.duckdb"))
    tables = ["townships", "armed_groups"]
    v1 = {x.table: x for x in load_reference(con, tables=tables, source=str(mirror))}
    assert v1["townships"].load_version == 1 and v1["townships"].rows == 330

    again = {x.table: x for x in load_reference(con, tables=tables, source=str(mirror))}
    assert not again["townships"].changed and again["townships"].load_version == 1

    csv = mirror / "census/township_population_2014.csv"
    lines = csv.read_text(encoding="utf-8").splitlines()
    csv.write_text("\n".join(lines[:-1]) + "\n", encoding="utf-8")  # re-published without one township
    v2 = {x.table: x for x in load_reference(con, tables=tables, source=str(mirror))}
    assert v2["townships"].changed and v2["townships"].load_version == 2 and v2["townships"].rows == 329
    assert not v2["armed_groups"].changed

    counts = dict(con.execute("select load_version, count(*) from reference.townships group by 1").fetchall())
    assert counts == {1: 330, 2: 329}  # the old version stays queryable
    shas = con.execute("select load_version, any_value(file_sha256) from reference.townships group by 1 order by 1").fetchall()
    assert shas[0][1] != shas[1][1]
    con.close()


def test_missing_required_file_is_an_error(tmp_path):
    con = duckdb.connect(":memory:")
    with pytest.raises(FileNotFoundError):
        load_reference(con, tables=["townships"], source=str(tmp_path))
