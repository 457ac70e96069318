import hashlib
import json
import socket

import pytest
from werkzeug import Response

from ingestion.http import USER_AGENT, HttpClient, HttpError


def test_retries_500_then_succeeds(client, httpserver):
    httpserver.expect_ordered_request("/page").respond_with_data("boom", status=500)
    httpserver.expect_ordered_request("/page").respond_with_data("hello")
    result = client.get(httpserver.url_for("/page"))
    assert result.status == 200 and result.text == "hello" and not result.not_modified
    assert result.sha256 == hashlib.sha256(b"hello").hexdigest()
    httpserver.check_assertions()


def test_429_with_retry_after_is_retried(client, httpserver):
    httpserver.expect_ordered_request("/api").respond_with_data(
        "slow down", status=429, headers={"Retry-After": "0"})
    httpserver.expect_ordered_request("/api").respond_with_json([1, 2])
    assert json.loads(client.get(httpserver.url_for("/api")).content) == [1, 2]
    httpserver.check_assertions()


def test_failing_forever_raises_after_retries(tmp_path, httpserver):
    httpserver.expect_request("/down").respond_with_data("no", status=503)
    with HttpClient(cache_dir=tmp_path, retries=1, backoff_factor=0) as c:
        with pytest.raises(HttpError) as err:
            c.get(httpserver.url_for("/down"))
    assert err.value.status == 503
    assert len(httpserver.log) == 2  # first try + one retry


def test_client_error_is_not_retried(client, httpserver):
    httpserver.expect_request("/missing").respond_with_data("nope", status=404)
    with pytest.raises(HttpError, match="404"):
        client.get(httpserver.url_for("/missing"))
    assert len(httpserver.log) == 1


def test_connection_error_is_an_http_error(tmp_path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with HttpClient(cache_dir=tmp_path, retries=0, backoff_factor=0) as c:
        with pytest.raises(HttpError, match="request failed"):
            c.get(f"http://127.0.0.1:{port}/x")


def test_user_agent_is_sent(client, httpserver):
    httpserver.expect_request("/ua", headers={"User-Agent": USER_AGENT}).respond_with_data("ok")
    assert USER_AGENT.startswith("Frontline/") and "(+https://github.com/frontline)" in USER_AGENT
    assert client.get(httpserver.url_for("/ua")).text == "ok"


def test_unchanged_page_answered_304_returns_cached_body(client, httpserver):
    seen = []

    def handler(request):
        seen.append(dict(request.headers))
        if request.headers.get("If-None-Match") == '"v1"':
            assert request.headers.get("If-Modified-Since") == "Wed, 03 Sep 2025 10:00:00 GMT"
            return Response(status=304, headers={"ETag": '"v1"'})
        return Response("the body ၁၂", headers={"ETag": '"v1"', "Content-Type": "text/plain; charset=utf-8",
                                              "Last-Modified": "Wed, 03 Sep 2025 10:00:00 GMT"})

    httpserver.expect_request("/doc").respond_with_handler(handler)
    first = client.get(httpserver.url_for("/doc"))
    second = client.get(httpserver.url_for("/doc"))
    assert not first.not_modified and first.status == 200
    assert second.not_modified and second.status == 304
    assert second.content == first.content and second.text == "the body ၁၂"
    assert second.sha256 == first.sha256
    assert "If-None-Match" not in seen[0] and seen[1]["If-None-Match"] == '"v1"'


def test_changed_page_is_refetched(client, httpserver):
    httpserver.expect_ordered_request("/doc").respond_with_data("one", headers={"ETag": '"1"'})
    httpserver.expect_ordered_request("/doc", headers={"If-None-Match": '"1"'}).respond_with_data(
        "two", headers={"ETag": '"2"'})
    httpserver.expect_ordered_request("/doc", headers={"If-None-Match": '"2"'}).respond_with_data(
        "", status=304)
    url = httpserver.url_for("/doc")
    assert client.get(url).text == "one"
    assert client.get(url).text == "two"
    third = client.get(url)
    assert third.not_modified and third.text == "two"
    httpserver.check_assertions()


def test_no_cache_means_no_conditional_headers(tmp_path, httpserver):
    httpserver.expect_request("/doc").respond_with_data("x", headers={"ETag": '"1"'})
    with HttpClient(use_cache=False, backoff_factor=0) as c:
        c.get(httpserver.url_for("/doc"))
        c.get(httpserver.url_for("/doc"))
    assert all("If-None-Match" not in r.headers for r, _ in httpserver.log)


def test_fetch_to_file_streams_with_sha_and_skips_unchanged(client, httpserver, tmp_path):
    body = bytes(range(256)) * 5000
    httpserver.expect_ordered_request("/big.csv").respond_with_data(body, headers={"ETag": '"b1"'})
    httpserver.expect_ordered_request("/big.csv", headers={"If-None-Match": '"b1"'}).respond_with_data(
        "", status=304)
    target = tmp_path / "ref" / "big.csv"
    first = client.fetch_to_file(httpserver.url_for("/big.csv"), target)
    assert target.read_bytes() == body
    assert first.sha256 == hashlib.sha256(body).hexdigest() and first.size == len(body)
    second = client.fetch_to_file(httpserver.url_for("/big.csv"), target)
    assert second.not_modified and second.sha256 == first.sha256
    assert [p.name for p in target.parent.iterdir()] == ["big.csv"]  # no temporary files left
    httpserver.check_assertions()


def test_fetch_to_file_error_leaves_existing_file(client, httpserver, tmp_path):
    target = tmp_path / "keep.csv"
    target.write_text("old")
    httpserver.expect_request("/gone").respond_with_data("", status=404)
    with pytest.raises(HttpError):
        client.fetch_to_file(httpserver.url_for("/gone"), target)
    assert target.read_text() == "old"
