import json
import os

import pytest

from ingestion.models import Report
from ingestion.reports import ReportError
from ingestion.sources.base import SourceError
from ingestion.sources.config import FolderSource
from ingestion.sources.folder import iter_folder

from .conftest import LONG, article_html


@pytest.fixture
def inbox(tmp_path):
    root = tmp_path / "inbox"
    (root / "2025").mkdir(parents=True)
    (root / "one.json").write_text(json.dumps(
        {"id": "r1", "published": "2025-09-05", "text": "KIA captured Bhamo.", "outlet": "Own Outlet"}))
    (root / "2025" / "many.jsonl").write_text(
        json.dumps({"id": "r2", "published": "2025-09-06T10:00:00+06:30", "text": "Fighting in Lashio."})
        + "\n{not json\n"
        + json.dumps({"id": "r3", "published": "2025-09-07", "text": ""}) + "\n")
    (root / "headers.txt").write_text(
        "Title: Junta retakes outposts\nPublished: 2025-09-04\nURL: https://ex.org/a\n\n"
        "Regime forces have retaken outposts in Bhamo Township.\n")
    plain = root / "2025" / "plain.txt"
    plain.write_text("Clashes near Myitkyina\n\nThe KIA said on Monday that clashes continued.\n")
    os.utime(plain, (1757000000, 1757000000))  # 2025-09-04 UTC
    (root / "page.html").write_text(article_html("Bhamo falls", "The KIA captured Bhamo on Friday.",
                                                 published="2025-09-05T08:30:00+06:30"))
    (root / "bad.json").write_text("{broken")
    (root / "bad-date.txt").write_text("Published: last week\n\nSome text.\n")
    (root / "empty.html").write_text("<html><body></body></html>")
    (root / ".hidden.json").write_text("{broken")
    (root / "notes.md").write_text("ignored")
    return root


def load(root):
    src = FolderSource(name="inbox", type="folder", path=root, outlet="Demo Wire")
    items = list(iter_folder(src, fetched_at="2025-09-08T00:00:00+00:00"))
    reports = {r.id: r for r in items if isinstance(r, Report)}
    errors = [e for e in items if isinstance(e, ReportError)]
    return reports, errors


def test_reads_json_jsonl_txt_and_html(inbox):
    reports, _ = load(inbox)
    assert set(reports) == {"r1", "r2", "https://ex.org/a", "inbox:2025/plain.txt", "inbox:page.html"}
    assert reports["r1"].outlet == "Own Outlet" and reports["r2"].outlet == "Demo Wire"
    assert reports["r2"].published == "2025-09-06T10:00:00+06:30"
    assert all(r.source == "inbox" for r in reports.values())

    h = reports["https://ex.org/a"]
    assert (h.title, h.published, h.url) == ("Junta retakes outposts", "2025-09-04", "https://ex.org/a")
    assert h.text == "Regime forces have retaken outposts in Bhamo Township."

    p = reports["inbox:2025/plain.txt"]
    assert p.title == "Clashes near Myitkyina" and p.published == "2025-09-04"
    assert "clashes continued" in p.text

    page = reports["inbox:page.html"]
    assert page.title == "Bhamo falls" and page.published == "2025-09-05T08:30:00+06:30"
    assert "The KIA captured Bhamo on Friday." in page.text and LONG.strip() in page.text
    assert "Subscribe now" not in page.text and "Copyright" not in page.text


def test_bad_files_are_named_with_a_reason(inbox):
    _, errors = load(inbox)
    by_file = {os.path.basename(e.origin.split(":")[0]): e.reason for e in errors}
    assert set(by_file) == {"bad.json", "many.jsonl", "bad-date.txt", "empty.html"}
    assert "invalid JSON" in by_file["bad.json"]
    assert "'published' is not an ISO 8601 date" in by_file["bad-date.txt"]
    assert "no main text" in by_file["empty.html"]
    jsonl = sorted(e.reason for e in errors if "many.jsonl" in e.origin)
    assert jsonl[0] == "'text' is empty" and jsonl[1].startswith("invalid JSON")


def test_edited_text_file_keeps_its_id(inbox):
    before, _ = load(inbox)
    (inbox / "2025" / "plain.txt").write_text("Clashes near Myitkyina\n\nThe KIA said clashes stopped.\n")
    after, _ = load(inbox)
    old, new = before["inbox:2025/plain.txt"], after["inbox:2025/plain.txt"]
    assert old.content_hash != new.content_hash


def test_missing_folder_fails_the_source(tmp_path):
    with pytest.raises(SourceError, match="folder not found"):
        list(iter_folder(FolderSource(name="x", type="folder", path=tmp_path / "nope")))


@pytest.mark.parametrize("written", ["3 March 2025", "March 3, 2025", "Monday, 3 March 2025", "2025-03-03"])
def test_a_text_file_may_write_its_date_in_words(tmp_path, written):
    (tmp_path / "a.txt").write_text(f"Title: A report\nPublished: {written}\n\nThe KIA seized the IB 236 base.\n")
    [report] = list(iter_folder(FolderSource(name="inbox", type="folder", path=tmp_path)))
    assert report.published == "2025-03-03"


def test_a_text_file_with_an_unreadable_date_is_named(tmp_path):
    (tmp_path / "a.txt").write_text("Published: soon\n\nThe KIA seized the IB 236 base.\n")
    [error] = list(iter_folder(FolderSource(name="inbox", type="folder", path=tmp_path)))
    assert isinstance(error, ReportError) and "nor a written date" in error.reason
