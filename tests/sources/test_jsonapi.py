import pytest

from ingestion.models import Report
from ingestion.reports import ReportError
from ingestion.sources.base import SourceError
from ingestion.sources.config import JsonSource
from ingestion.sources.jsonapi import iter_json_api


def src(httpserver, path="/api/reports"):
    return JsonSource(name="api", type="json", url=httpserver.url_for(path), outlet="API Wire")


def test_json_list_of_reports(client, httpserver):
    httpserver.expect_request("/api/reports").respond_with_json([
        {"id": "a", "published": "2025-09-05", "text": "KIA captured Bhamo.", "url": "https://x/a"},
        {"id": "b", "published": "yesterday", "text": "Bad date."},
        {"report": {"id": "c", "published": "2025-09-06", "text": "Wrapped.", "outlet": "Other"}},
    ])
    items = list(iter_json_api(src(httpserver), client, fetched_at="2025-09-08T00:00:00+00:00"))
    a, err, c = items
    assert isinstance(a, Report) and a.outlet == "API Wire" and a.source == "api"
    assert a.fetched_at == "2025-09-08T00:00:00+00:00"
    assert isinstance(err, ReportError) and err.report_id == "b" and "published" in err.reason
    assert err.origin == httpserver.url_for("/api/reports") + "[1]" and '"Bad date."' in err.raw
    assert isinstance(c, Report) and c.outlet == "Other"


def test_paged_reports_object(client, httpserver):
    httpserver.expect_request("/api/reports", query_string="").respond_with_json(
        {"reports": [{"id": "1", "published": "2025-09-01", "text": "one"}], "next": "/api/reports?page=2"})
    httpserver.expect_request("/api/reports", query_string="page=2").respond_with_json(
        {"reports": [{"id": "2", "published": "2025-09-02", "text": "two"}], "next": None})
    assert [r.id for r in iter_json_api(src(httpserver), client)] == ["1", "2"]


@pytest.mark.parametrize("body, reason", [("<html>", "not JSON"), ('{"data": []}', "expected a JSON list")])
def test_wrong_answers_fail_the_source(client, httpserver, body, reason):
    httpserver.expect_request("/api/reports").respond_with_data(body)
    with pytest.raises(SourceError, match=reason):
        list(iter_json_api(src(httpserver), client))
