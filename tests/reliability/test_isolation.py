"""Per-file and per-item isolation, links out of the inbox, fact ids and row-level faults."""
from __future__ import annotations

import json
import os
from pathlib import Path

from ingestion.models import ControlChange, Report, Unit
from ingestion.sources import FolderSource, SourcesConfig, SourceWarning, load_sources
from ingestion.sources.folder import folder_files
from quality.rules import split_facts

GOOD = ("The Kachin Independence Army said on Monday it had captured the Infantry Battalion 236 "
        "base near Bhamo after two days of fighting.")


def good_json(rid: str, day: str = "2025-03-04") -> str:
    return json.dumps({"id": rid, "published": day, "text": GOOD, "outlet": "Wire"})


def folder_config(path: Path) -> SourcesConfig:
    return SourcesConfig(sources=[FolderSource(name="inbox", type="folder", path=path)])


# ---------------------------------------------------------------- item 5: fact ids


def _change(unit: str | None, **kw) -> dict:
    return ControlChange(report_id="r1", change="contested",
                         place="Light Infantry Battalions 542 and 543 base", place_kind="military_base",
                         evidence="besieged the bases of Light Infantry Battalions 542 and 543",
                         unit=Unit("light_infantry_battalion", unit) if unit else None, **kw).to_dict()


def test_fact_id_differs_by_unit_number_and_type():
    a, b = _change("542"), _change("543")
    assert a["fact_id"] != b["fact_id"]
    c = ControlChange(report_id="r1", change="contested", place=a["place"], place_kind="military_base",
                      evidence=a["evidence"], unit=Unit("infantry_battalion", "542")).to_dict()
    assert c["fact_id"] != a["fact_id"]
    assert _change("542")["fact_id"] == a["fact_id"]  # stable


def test_fact_id_differs_by_recapture_date_end_and_kind_of_place():
    base = _change("542")
    assert _change("542", recapture=True)["fact_id"] != base["fact_id"]
    assert _change("542", date="2025-03-01", date_end="2025-03-03")["fact_id"] != \
        _change("542", date="2025-03-01")["fact_id"]


def test_one_sentence_two_units_gives_two_ids_through_the_extractor():
    from ingestion.extract import default_gazetteer, extract_report

    report = Report(id="r1", published="2025-03-10", text=(
        "The Arakan Army besieged the bases of Light Infantry Battalions 542 and 543 in Ann "
        "township on Sunday."))
    facts = [f.to_dict() for f in extract_report(report, default_gazetteer())]
    units = {f["unit"]["number"] for f in facts if f.get("unit")}
    assert {"542", "543"} <= units
    assert len({f["fact_id"] for f in facts}) == len(facts)


def test_duplicate_fact_id_is_quarantined_not_written():
    row = {**_change("542"), "published_date": "2025-03-10"}
    text = {"r1": "They besieged the bases of Light Infantry Battalions 542 and 543 on Sunday."}
    seen: set[str] = set()
    good, bad = split_facts([row, dict(row)], text, seen_ids=seen)
    assert len(good) == 1 and len(bad) == 1
    assert bad[0].rule == "duplicate_fact_id" and row["fact_id"] in bad[0].reason
    # a later batch of the same window sees the id too
    good2, bad2 = split_facts([dict(row)], text, seen_ids=seen)
    assert not good2 and bad2[0].rule == "duplicate_fact_id"


# ---------------------------------------------------------------- item 1: per-file isolation


def test_deeply_nested_json_file_is_quarantined_and_the_others_load(tmp_path):
    for i in range(5):
        (tmp_path / f"good{i}.json").write_text(good_json(f"g{i}"), encoding="utf-8")
    (tmp_path / "bomb.json").write_text("[" * 200_000 + "]" * 200_000, encoding="utf-8")
    (tmp_path / "bomb.jsonl").write_text(good_json("l1") + "\n" + "[" * 200_000 + "\n" + good_json("l2") + "\n",
                                         encoding="utf-8")
    result = load_sources(folder_config(tmp_path))
    assert not result.failures
    assert sorted(r.id for r in result.reports) == ["g0", "g1", "g2", "g3", "g4", "l1", "l2"]
    reasons = {Path(e.origin.split(":")[0]).name: e.reason for e in result.errors}
    assert "nested too deeply" in reasons["bomb.json"]
    assert "nested too deeply" in reasons["bomb.jsonl"]
    assert all(e.source == "inbox" for e in result.errors)


def test_a_reader_crash_on_one_file_is_one_quarantine_row(tmp_path, monkeypatch):
    from ingestion.sources import folder

    (tmp_path / "a.txt").write_text("Published: 2025-03-04\n\n" + GOOD, encoding="utf-8")
    (tmp_path / "b.html").write_text("<html><body><p>x</p></body></html>", encoding="utf-8")
    (tmp_path / "c.json").write_text(good_json("c"), encoding="utf-8")

    def boom(*a, **k):
        raise KeyError("parser bug")

    monkeypatch.setattr(folder, "read_html_report", boom)
    result = load_sources(folder_config(tmp_path))
    assert {r.source for r in result.reports} == {"inbox"} and len(result.reports) == 2
    (err,) = result.errors
    assert err.origin.endswith("b.html") and err.rule == "unreadable_file" and "KeyError" in err.reason


def test_quarantined_file_errors_keep_their_rule_in_the_warehouse(tmp_path):
    import duckdb

    from ingestion import raw_store
    from ingestion.reports import ReportError

    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    raw_store.quarantine_reports(con, [ReportError("a.json", "too big", rule="file_too_large"),
                                       ReportError("b.json", "invalid JSON")], run_id="r")
    rows = dict(con.execute("select origin, rule from quarantine.reports").fetchall())
    assert rows == {"a.json": "file_too_large", "b.json": "unreadable_report"}


# ---------------------------------------------------------------- item 6: links


def test_link_outside_the_folder_is_skipped_and_named(tmp_path):
    inbox, elsewhere = tmp_path / "inbox", tmp_path / "secret"
    inbox.mkdir()
    elsewhere.mkdir()
    (elsewhere / "passwd").write_text("root:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    (elsewhere / "d").mkdir()
    (elsewhere / "d" / "r.json").write_text(good_json("leak"), encoding="utf-8")
    (inbox / "ok.json").write_text(good_json("ok"), encoding="utf-8")
    os.symlink(elsewhere / "passwd", inbox / "x.txt")
    os.symlink(elsewhere / "d", inbox / "linked_dir")
    os.symlink(inbox / "ok.json", inbox / "alias.json")  # a link inside the folder is read
    os.mkfifo(inbox / "pipe.txt")  # would block a read forever
    result = load_sources(folder_config(inbox))
    assert sorted(r.id for r in result.reports) == ["ok", "ok"]  # ok.json and its alias
    assert not result.errors and not result.failures
    by_rule = {w.rule: w for w in result.warnings}
    assert by_rule["link_outside_folder"].origin.endswith("x.txt")
    assert "passwd" in by_rule["link_outside_folder"].reason
    assert by_rule["link_not_followed"].origin.endswith("linked_dir")
    assert by_rule["not_a_regular_file"].origin.endswith("pipe.txt")
    assert all(isinstance(w, SourceWarning) and w.source == "inbox" for w in result.warnings)
    assert all("passwd" not in r.text and r.id != "leak" for r in result.reports)
    assert [f.name for f in folder_files(inbox)] == ["alias.json", "ok.json"]


# ---------------------------------------------------------------- item 6: the sensor


def test_sensor_sees_and_dates_every_suffix_the_folder_reads(tmp_path):
    from orchestration.sensors import changed_days, listing_state

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text("Published: 2025-03-04\n\n" + GOOD, encoding="utf-8")
    (inbox / "b.html").write_text(
        "<html lang='en'><head><meta property='article:published_time' content='2025-03-05'>"
        f"<title>T</title></head><body><article><p>{GOOD}</p><p>{GOOD}</p></article></body></html>",
        encoding="utf-8")
    (inbox / "c.htm").write_text("<html><body><article><p>" + GOOD * 3 + "</p></article></body></html>",
                                 encoding="utf-8")
    os.utime(inbox / "c.htm", (1741392000, 1741392000))  # 2025-03-08 UTC: its mtime is its date
    (inbox / "d.jsonl").write_text(good_json("d", "2025-03-06") + "\n", encoding="utf-8")
    (inbox / "notes.md").write_text("not a report", encoding="utf-8")
    state = listing_state([inbox])
    assert sorted(Path(p).name for p in state) == ["a.txt", "b.html", "c.htm", "d.jsonl"]
    source = FolderSource(name="inbox", type="folder", path=inbox)
    days = changed_days([Path(p) for p in state], [source])
    assert days == ["2025-03-04", "2025-03-05", "2025-03-06", "2025-03-08"]


def test_sensor_requests_a_run_for_a_new_text_file(tmp_path, monkeypatch):
    from dagster import build_sensor_context

    from orchestration.sensors import inbox_sensor

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    sources = tmp_path / "sources.yaml"
    sources.write_text(f"sources:\n  - {{name: inbox, type: folder, path: {inbox}}}\n", encoding="utf-8")
    monkeypatch.setenv("FRONTLINE_SOURCES", str(sources))
    ctx = build_sensor_context(cursor=json.dumps({}))
    assert not list(_requests(inbox_sensor(ctx)))
    (inbox / "new.txt").write_text("Published: 2025-03-04\n\n" + GOOD, encoding="utf-8")
    (request,) = _requests(inbox_sensor(build_sensor_context(cursor=json.dumps({}))))
    assert request.partition_key == "2025-03-04"


def _requests(result):
    from dagster import RunRequest

    if result is None:
        return []
    items = [result] if not hasattr(result, "__iter__") else list(result)
    return [r for r in items if isinstance(r, RunRequest)]
