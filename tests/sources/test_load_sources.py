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


def test_the_stream_yields_what_load_sources_lists_one_report_at_a_time(tmp_path):
    """``iter_sources``: the same reports in the same order as ``load_sources``; the errors
    and counts fill as the stream is read, and nothing is kept in ``result.reports``."""
    from ingestion.models import Report
    from ingestion.sources import SourceLoadResult, iter_sources
    from quality.rules import screen_reports, split_reports

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    lines = [json.dumps({"id": f"r{i}", "published": "2025-09-05", "text": f"Report {i}."}) for i in range(5)]
    lines.insert(2, "{bad")
    lines.append(json.dumps({"id": "future", "published": "2999-01-01", "text": "From the future."}))
    (inbox / "a.jsonl").write_text("\n".join(lines) + "\n")
    (inbox / "b.json").write_text(json.dumps({"id": "b1", "published": "2025-09-06", "text": "Second file."}))
    config = parse_config({"sources": [{"name": "inbox", "type": "folder", "path": "inbox", "outlet": "W"},
                                       {"name": "missing", "type": "folder", "path": "nowhere"}]}, tmp_path)
    listed = load_sources(config)

    result = SourceLoadResult()
    stream = iter_sources(config, result)
    first = next(stream)
    assert isinstance(first, Report) and result.counts["inbox"].reports == 1 and not result.failures
    rest = list(stream)
    strip = lambda r: (r.id, r.text, r.source, r.outlet)  # noqa: E731 - fetched_at differs by the second
    assert [strip(r) for r in [first, *rest]] == [strip(r) for r in listed.reports]
    assert result.reports == []
    assert [e.origin for e in result.errors] == [e.origin for e in listed.errors]
    assert {n: (c.reports, c.errors, c.failed) for n, c in result.counts.items()} == \
        {n: (c.reports, c.errors, c.failed) for n, c in listed.counts.items()}
    assert [f.name for f in result.failures] == ["missing"]

    rejected: list = []
    good = list(screen_reports(iter(listed.reports), rejected))
    want_good, want_rejected = split_reports(listed.reports)
    assert good == want_good and [(r.rule, r.reason) for r in rejected] == [(r.rule, r.reason) for r in want_rejected]
    assert [r.report_id for r in rejected] == ["future"]
