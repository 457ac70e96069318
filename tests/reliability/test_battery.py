"""The hostile-input battery, one case at a time, beside a good report: every good report
lands, every bad input is quarantined with a reason, skipped and named, or its source fails
alone (the other sources still load). Inputs are files and 127.0.0.1 servers only."""
from __future__ import annotations

import json
import socket

import pytest

from ingestion.http import HttpClient
from ingestion.sources import load_sources
from ingestion.sources.config import parse_config
from quality.rules import split_reports
from quality.settings import QualitySettings
from tests.reliability.battery import CASES, DAY, Env, Expect, report

FILE_LIMIT = 2_000_000
FAST_CASES = [name for name, fn in CASES.items() if not getattr(fn, "slow", False)]


def test_the_battery_has_at_least_forty_cases():
    assert len(CASES) >= 40


def outcome(env: Env, client: HttpClient):
    """(loaded reports, quarantined (origin, report id, reason), warnings, failures, counts)."""
    config = parse_config({"sources": [{"name": "battery", "type": "folder", "path": str(env.inbox)},
                                       *env.sources]}, env.inbox.parent)
    result = load_sources(config, client)
    settings = QualitySettings.from_env(today=__import__("datetime").date(2025, 3, 10))
    good, rejected = split_reports(result.reports, settings)
    quarantined = [(e.origin, e.report_id or "", e.reason) for e in result.errors]
    quarantined += [(r.row.url or f"report:{r.row.id}", r.row.id, r.reason) for r in rejected]
    return good, quarantined, result


def check(expect: Expect, good, quarantined, result) -> None:
    ids = {r.id for r in good}
    for rid in expect.lands:
        assert rid in ids, f"{rid} did not land; quarantined: {quarantined}; failures: {result.failures}"
    for where, why in expect.quarantined:
        hits = [q for q in quarantined if where in q[0] or where == q[1]]
        assert hits, f"nothing quarantined for {where}: {quarantined}"
        assert any(why.lower() in q[2].lower() for q in hits), f"{where}: reasons {[q[2] for q in hits]}"
    for where in expect.skipped:
        assert any(where in w.origin for w in result.warnings), f"{where} not named: {result.warnings}"
    failed = {f.name: f.reason for f in result.failures}
    if expect.source_fails:
        assert expect.source_fails in failed and expect.fail_reason in failed[expect.source_fails], failed
        assert result.counts[expect.source_fails].failed
    assert set(failed) <= {expect.source_fails}, f"unexpected failed sources: {failed}"
    assert "anchor" in ids  # the good report beside the case always lands


@pytest.mark.parametrize("name", sorted(FAST_CASES))
def test_case(name, tmp_path, httpserver, monkeypatch):
    monkeypatch.setenv("FRONTLINE_MAX_FILE_BYTES", str(FILE_LIMIT))
    monkeypatch.setenv("FRONTLINE_MAX_HTTP_BYTES", str(FILE_LIMIT))
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    env = Env(inbox, httpserver, file_limit=FILE_LIMIT)
    env.file("anchor.json", json.dumps(report("anchor")))
    expect = CASES[name](env)
    if expect.slow:
        pytest.skip("end-to-end only")
    with HttpClient(cache_dir=tmp_path / "cache", retries=2, backoff_factor=0) as client:
        check(expect, *outcome(env, client))


def test_a_server_that_never_answers_fails_its_source_alone(tmp_path):
    """A slow answer: the connection is accepted and nothing ever comes back."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "anchor.json").write_text(json.dumps(report("anchor")), encoding="utf-8")
    env = Env(inbox, None)
    env.api("api-silent", f"http://127.0.0.1:{listener.getsockname()[1]}/reports")
    try:
        with HttpClient(cache_dir=tmp_path / "cache", retries=0, backoff_factor=0, read_timeout=0.3) as client:
            good, quarantined, result = outcome(env, client)
    finally:
        listener.close()
    check(Expect(source_fails="api-silent", fail_reason="timed out"), good, quarantined, result)


def test_reports_land_on_the_battery_day():
    assert report("x")["published"] == DAY
