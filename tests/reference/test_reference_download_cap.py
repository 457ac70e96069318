"""Reference files fetched by URL are bounded: a body above FRONTLINE_MAX_REFERENCE_BYTES is
cut off (declared or streamed), the error names the reference file, and nothing half-written
is left where the loader reads (a local HTTP server, no network)."""
from __future__ import annotations

import pytest
from werkzeug import Response

from ingestion.http import HttpClient, HttpError
from ingestion.reference.sources import fetch_files

TOWNS = b"town_pcode,name\n" + b"MMR001001701,Myitkyina\n" * 100  # 2,316 bytes


def _client(tmp_path):
    return HttpClient(cache_dir=tmp_path / "http_cache", retries=0, backoff_factor=0)


def _fetch(httpserver, tmp_path):
    return fetch_files(["towns"], overrides={"towns": httpserver.url_for("/towns.csv")},
                       client=_client(tmp_path), download_dir=tmp_path / "downloads")


def _leftovers(tmp_path):
    folder = tmp_path / "downloads" / "places"
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_a_reference_file_within_the_cap_is_downloaded(httpserver, tmp_path, monkeypatch):
    monkeypatch.setenv("FRONTLINE_MAX_REFERENCE_BYTES", str(len(TOWNS)))  # exactly at the cap
    httpserver.expect_request("/towns.csv").respond_with_data(TOWNS)
    got = _fetch(httpserver, tmp_path)["towns"]
    assert got.path.read_bytes() == TOWNS and _leftovers(tmp_path) == ["mimu_towns.csv"]


def test_a_declared_oversize_reference_file_is_refused_before_reading(httpserver, tmp_path, monkeypatch):
    monkeypatch.setenv("FRONTLINE_MAX_REFERENCE_BYTES", "1000")
    httpserver.expect_request("/towns.csv").respond_with_data(TOWNS)  # Content-Length: 2316
    with pytest.raises(HttpError, match=r"reference file 'towns': reference_too_large: Content-Length 2316 "
                                        r"is above the limit of 1000 bytes \(FRONTLINE_MAX_REFERENCE_BYTES\)"):
        _fetch(httpserver, tmp_path)
    assert _leftovers(tmp_path) == []


def test_a_streamed_oversize_reference_file_is_cut_off_and_the_old_copy_kept(httpserver, tmp_path, monkeypatch):
    old = tmp_path / "downloads" / "places" / "mimu_towns.csv"
    old.parent.mkdir(parents=True)
    old.write_bytes(b"town_pcode,name\n")

    def endless():  # no Content-Length: chunked, as a misbehaving server would send it (40 MB)
        for _ in range(10_000):
            yield b"x" * 4096

    monkeypatch.setenv("FRONTLINE_MAX_REFERENCE_BYTES", str(64 * 1024))
    httpserver.expect_request("/towns.csv").respond_with_handler(lambda request: Response(endless()))
    with pytest.raises(HttpError) as caught:
        _fetch(httpserver, tmp_path)
    message = str(caught.value)
    assert "/towns.csv" in message and "reference file 'towns'" in message
    assert f"reference_too_large: cut off after {64 * 1024} bytes" in message
    assert old.read_bytes() == b"town_pcode,name\n"  # the previous download untouched
    assert _leftovers(tmp_path) == ["mimu_towns.csv"]  # no partial file left behind
