"""`frontline extract`: streams reports, one fact per line, bad reports named and skipped."""
from __future__ import annotations

import json

from ingestion.extract_cli import run_extract


def test_cli_writes_facts_and_reports_bad_input(tmp_path, capsys):
    good = {"id": "r1", "published": "2024-01-10", "text": "KIA fighters captured the IB 236 base on Monday."}
    (tmp_path / "a.jsonl").write_text(json.dumps(good) + "\n{not json\n" + json.dumps({"id": "r2", "published": "x", "text": "t"}) + "\n")
    out = tmp_path / "facts.jsonl"
    rc = run_extract([str(tmp_path / "a.jsonl")], str(out))
    assert rc == 1
    err = capsys.readouterr().err
    assert "invalid JSON" in err and "published" in err
    facts = [json.loads(line) for line in out.read_text().splitlines()]
    assert facts and facts[0]["report_id"] == "r1" and facts[0]["unit"] == {"type": "infantry_battalion", "number": "236"}


def test_cli_exit_zero_when_all_read(tmp_path, capsys):
    (tmp_path / "r.json").write_text(json.dumps({"id": "r1", "published": "2024-01-10", "text": "Nothing happened."}))
    assert run_extract([str(tmp_path)], None) == 0
