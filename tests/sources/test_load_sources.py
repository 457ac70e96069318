import json

from ingestion.http import HttpClient
from ingestion.sources import load_sources
from ingestion.sources.config import parse_config


def test_a_failing_source_is_reported_while_the_others_load(tmp_path, httpserver):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "r.jsonl").write_text(
        json.dumps({"id": "f1", "published": "2025-09-05", "text": "Folder report."}) + "\n{bad\n")
    httpserver.expect_request("/down").respond_with_data("no", status=500)
    httpserver.expect_request("/api").respond_with_json(
        [{"id": "j1", "published": "2025-09-06", "text": "API report."}])
    config = parse_config({"sources": [
        {"name": "inbox", "type": "folder", "path": "inbox", "outlet": "Demo Wire"},
        {"name": "broken", "type": "json", "url": httpserver.url_for("/down")},
        {"name": "api", "type": "json", "url": httpserver.url_for("/api"), "outlet": "API"},
        {"name": "off", "type": "folder", "path": "nowhere", "enabled": False},
        {"name": "missing", "type": "folder", "path": "nowhere"},
    ]}, tmp_path)
    with HttpClient(cache_dir=tmp_path / "cache", retries=1, backoff_factor=0) as client:
        result = load_sources(config, client)

    assert sorted(r.id for r in result.reports) == ["f1", "j1"]
    by_id = {r.id: r for r in result.reports}
    assert by_id["f1"].source == "inbox" and by_id["f1"].outlet == "Demo Wire"
    assert by_id["j1"].source == "api" and by_id["j1"].outlet == "API"
    assert all(r.fetched_at and r.fetched_at.endswith("+00:00") for r in result.reports)

    assert [(e.source, e.origin.endswith("r.jsonl:2")) for e in result.errors] == [("inbox", True)]
    failures = {f.name: f.reason for f in result.failures}
    assert set(failures) == {"broken", "missing"}
    assert "HTTP 500" in failures["broken"] and "folder not found" in failures["missing"]
    assert [resp.status_code for _, resp in httpserver.log].count(500) == 2  # one retry

    counts = {name: (c.reports, c.errors, c.failed) for name, c in result.counts.items()}
    assert counts == {"inbox": (1, 1, False), "broken": (0, 0, True), "api": (1, 0, False),
                      "missing": (0, 0, True)}
    assert not result.ok


def test_folder_only_config_needs_no_client(tmp_path):
    (tmp_path / "r.json").write_text(json.dumps({"id": "x", "published": "2025-09-05", "text": "t"}))
    config = parse_config({"sources": [{"name": "here", "type": "folder", "path": "."}]}, tmp_path)
    result = load_sources(config)
    assert [r.id for r in result.reports] == ["x"] and result.ok
