"""The hostile-input battery: each case puts files in the inbox and/or serves feeds and APIs
on 127.0.0.1, and says what must happen (reports that land, inputs quarantined with a
reason, entries skipped and named, a source that fails). Used per case by
``test_battery.py`` (fast, through ``load_sources`` and the row rules) and all together,
beside 45 good reports, by the end-to-end run in ``test_end_to_end.py``."""
from __future__ import annotations

import gzip
import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from werkzeug.wrappers import Response

DAY = "2025-03-04"
SENTENCE = ("The Kachin Independence Army said on Monday it had captured the Infantry Battalion {n} "
            "base near Bhamo after two days of fighting.")


def text(n: int = 236) -> str:
    return SENTENCE.format(n=n) + " Residents said the road to Myitkyina was closed again."


def report(rid: str, day: str = DAY, n: int = 236, **extra: Any) -> dict:
    return {"id": rid, "published": day, "text": text(n), "outlet": "Battery Wire", **extra}


@dataclass
class Expect:
    lands: tuple[str, ...] = ()  # report ids that must land
    quarantined: tuple[tuple[str, str], ...] = ()  # (origin or report id contains, reason contains)
    skipped: tuple[str, ...] = ()  # origins named in the warnings
    source_fails: str | None = None  # name of a source that fails as a whole (reason contains ...)
    fail_reason: str = ""
    slow: bool = False  # too slow or too big for the per-case run: end-to-end only


@dataclass
class Env:
    """Where a case puts its inputs: the shared inbox folder and the local HTTP server."""

    inbox: Path
    httpserver: Any
    sources: list[dict] = field(default_factory=list)
    file_limit: int = 64 * 1024 * 1024  # FRONTLINE_MAX_FILE_BYTES in force

    def file(self, name: str, content: str | bytes) -> Path:
        path = self.inbox / name
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        return path

    def serve(self, path: str, body: Any = None, *, handler: Callable | None = None, status: int = 200,
              content_type: str = "application/json", times: int | None = None) -> str:
        req = self.httpserver.expect_request(path) if times is None else \
            self.httpserver.expect_ordered_request(path)
        if handler is not None:
            req.respond_with_handler(handler)
        elif isinstance(body, (dict, list)):
            req.respond_with_json(body, status=status)
        else:
            req.respond_with_data(body, status=status, content_type=content_type)
        return self.httpserver.url_for(path)

    def api(self, name: str, url: str) -> None:
        self.sources.append({"name": name, "type": "json", "url": url})

    def rss(self, name: str, url: str, **kw: Any) -> None:
        self.sources.append({"name": name, "type": "rss", "url": url, **kw})


CASES: dict[str, Callable[[Env], Expect]] = {}


def case(fn: Callable[[Env], Expect]) -> Callable[[Env], Expect]:
    CASES[fn.__name__] = fn
    return fn


# ---------------------------------------------------------------- files: broken and huge JSON


@case
def broken_json(env: Env) -> Expect:
    env.file("broken_json.json", '{"id": "broken", "published": "2025-03-04", "text": "cut')
    return Expect(quarantined=(("broken_json.json", "invalid JSON"),))


@case
def nested_json_array(env: Env) -> Expect:
    env.file("nested_array.json", "[" * 200_000 + "]" * 200_000)
    return Expect(quarantined=(("nested_array.json", "nested too deeply"),))


@case
def nested_json_object(env: Env) -> Expect:
    env.file("nested_object.json", '{"a":' * 100_000 + "1" + "}" * 100_000)
    return Expect(quarantined=(("nested_object.json", "nested too deeply"),))


@case
def nested_jsonl_line(env: Env) -> Expect:
    env.file("nested_line.jsonl", json.dumps(report("jsonl-before")) + "\n" + "[" * 100_000 + "\n"
             + json.dumps(report("jsonl-after", n=237)) + "\n")
    return Expect(lands=("jsonl-before", "jsonl-after"), quarantined=(("nested_line.jsonl:2", "nested too deeply"),))


@case
def huge_report(env: Env) -> Expect:
    """A 50 MB report: read (under the file limit), its text cut and named in the warnings."""
    body = text() + " " + ("Fighting went on near the town. " * 1_600_000)
    env.file("huge_report.json", json.dumps({"id": "huge", "published": DAY, "text": body}))
    return Expect(lands=("huge",), skipped=("report:huge",), slow=True)


@case
def file_over_the_limit(env: Env) -> Expect:
    """Above FRONTLINE_MAX_FILE_BYTES: quarantined unread."""
    with (env.inbox / "over_limit.txt").open("wb") as f:
        f.truncate(env.file_limit + 1)  # sparse: costs no disk
    return Expect(quarantined=(("over_limit.txt", "larger than the limit"),))


@case
def json_array_mixed(env: Env) -> Expect:
    env.file("mixed_array.json", json.dumps([report("array-good", n=301), {"id": "array-bad", "published": DAY}]))
    return Expect(lands=("array-good",), quarantined=(("array-bad", "'text' is missing"),))


@case
def jsonl_broken_line(env: Env) -> Expect:
    env.file("broken_line.jsonl", json.dumps(report("line-good", n=302)) + "\n{not json\n")
    return Expect(lands=("line-good",), quarantined=(("broken_line.jsonl:2", "invalid JSON"),))


@case
def jsonl_long_line(env: Env) -> Expect:
    """One JSON Lines line above the file limit: that line is quarantined, the next lands."""
    with (env.inbox / "long_line.jsonl").open("w", encoding="utf-8") as f:
        f.write(json.dumps({"id": "long-line", "published": DAY, "text": "x" * (env.file_limit + 1)}) + "\n")
        f.write(json.dumps(report("after-long-line", n=303)) + "\n")
    return Expect(lands=("after-long-line",), quarantined=(("long_line.jsonl:1", "longer than"),))


# ---------------------------------------------------------------- files: encodings, empty, binary


@case
def empty_json_file(env: Env) -> Expect:
    env.file("empty.json", "")
    return Expect(quarantined=(("empty.json", "invalid JSON"),))


@case
def empty_text_file(env: Env) -> Expect:
    env.file("empty.txt", "")
    return Expect(quarantined=(("empty.txt", "no text"),))


@case
def whitespace_text_file(env: Env) -> Expect:
    env.file("blank.txt", "Published: 2025-03-04\n\n   \n\t\n")
    return Expect(quarantined=(("blank.txt", "no text"),))


@case
def binary_json(env: Env) -> Expect:
    env.file("binary.json", bytes(range(256)) * 64)
    return Expect(quarantined=(("binary.json", "not UTF-8"),))


@case
def binary_text(env: Env) -> Expect:
    env.file("binary.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 16)
    return Expect(quarantined=(("binary.txt", "cannot read file"),))


@case
def latin1_text(env: Env) -> Expect:
    env.file("latin1.txt", ("Published: 2025-03-04\n\nCaf\xe9 " + text()).encode("latin-1"))
    return Expect(quarantined=(("latin1.txt", "cannot read file"),))


@case
def utf16_json(env: Env) -> Expect:
    env.file("utf16.json", json.dumps(report("utf16")).encode("utf-16"))
    return Expect(quarantined=(("utf16.json", "not UTF-8"),))


@case
def utf8_bom_json(env: Env) -> Expect:
    env.file("bom.json", b"\xef\xbb\xbf" + json.dumps(report("bom-json", n=304)).encode("utf-8"))
    return Expect(lands=("bom-json",))


@case
def utf8_bom_text(env: Env) -> Expect:
    env.file("bom.txt", b"\xef\xbb\xbf" + f"Id: bom-text\nPublished: {DAY}\n\n{text(305)}".encode("utf-8"))
    return Expect(lands=("bom-text",))


@case
def lone_surrogate(env: Env) -> Expect:
    env.file("surrogate.json", '{"id": "surrogate", "published": "2025-03-04", "text": "Bad \\ud800 text here."}')
    return Expect(quarantined=(("surrogate", "not valid Unicode"),))


@case
def control_characters(env: Env) -> Expect:
    env.file("nul.json", json.dumps({"id": "nul-bytes", "published": DAY, "text": "\x00\x07" + text(306) + "\x1b"}))
    return Expect(lands=("nul-bytes",))


@case
def html_without_text(env: Env) -> Expect:
    env.file("nav_only.html", "<html><head><title>Home</title></head><body><nav><a href='/'>Home</a>"
             "</nav><script>var x = 1;</script></body></html>")
    return Expect(quarantined=(("nav_only.html", "no main text"),))


@case
def html_script_only(env: Env) -> Expect:
    env.file("script_only.htm", "<script>" + "alert(1);" * 1000 + "</script>")
    return Expect(quarantined=(("script_only.htm", "no main text"),))


@case
def html_unclosed_tags(env: Env) -> Expect:
    env.file("unclosed.html", "<html lang='en'><head><meta property='article:published_time' content='2025-03-04'>"
             "<title>Unclosed</title><body><article><p>" + text(307) * 3 + "<p>" + text(308) * 3 + "<div><span>")
    return Expect(lands=("battery:unclosed.html",))


# ---------------------------------------------------------------- files: dates and ids


@case
def future_date(env: Env) -> Expect:
    env.file("future.json", json.dumps(report("future", day="2099-01-01")))
    return Expect(quarantined=(("future", "in the future"),))


@case
def impossible_date(env: Env) -> Expect:
    env.file("impossible.json", json.dumps(report("impossible", day="2025-02-30")))
    return Expect(quarantined=(("impossible", "not an ISO 8601 date"),))


@case
def too_early_date(env: Env) -> Expect:
    env.file("early.json", json.dumps(report("early", day="1999-01-01")))
    return Expect(quarantined=(("early", "before the earliest allowed date"),))


@case
def unreadable_text_header_date(env: Env) -> Expect:
    env.file("bad_header.txt", f"Published: the day after yesterday's tomorrow\n\n{text()}")
    return Expect(quarantined=(("bad_header.txt", "nor a written date"),))


@case
def missing_published(env: Env) -> Expect:
    env.file("no_date.json", json.dumps({"id": "no-date", "text": text()}))
    return Expect(quarantined=(("no-date", "'published' is missing"),))


@case
def missing_id(env: Env) -> Expect:
    env.file("no_id.json", json.dumps({"published": DAY, "text": text()}))
    return Expect(quarantined=(("no_id.json", "'id' is missing"),))


@case
def id_is_an_object(env: Env) -> Expect:
    env.file("object_id.json", json.dumps({"id": {"a": 1}, "published": DAY, "text": text()}))
    return Expect(quarantined=(("object_id.json", "'id' is missing"),))


@case
def text_is_a_number(env: Env) -> Expect:
    env.file("number_text.json", json.dumps({"id": "number-text", "published": DAY, "text": 42}))
    return Expect(quarantined=(("number-text", "'text' is missing or not a string"),))


@case
def duplicate_id_other_text(env: Env) -> Expect:
    """The same id with another text: both land, as two versions of one report."""
    env.file("dup_a.json", json.dumps(report("dup-id", n=309)))
    env.file("dup_b.json", json.dumps(report("dup-id", n=310)))
    return Expect(lands=("dup-id",))


@case
def language_not_allowed(env: Env) -> Expect:
    env.file("french.json", json.dumps(report("french", language="fr")))
    return Expect(quarantined=(("french", "language 'fr'"),))


@case
def two_units_one_sentence(env: Env) -> Expect:
    """Two facts with one place string: two ids, both land (no blocking duplicate)."""
    env.file("two_units.json", json.dumps({"id": "two-units", "published": DAY, "text": (
        "The Arakan Army besieged the bases of Light Infantry Battalions 542 and 543 in Ann "
        "township on Sunday.")}))
    return Expect(lands=("two-units",))


# ---------------------------------------------------------------- files: links and specials


@case
def link_to_etc_passwd(env: Env) -> Expect:
    os.symlink("/etc/passwd", env.inbox / "x.txt")
    return Expect(skipped=("x.txt",))


@case
def link_to_folder_outside(env: Env) -> Expect:
    os.symlink("/etc", env.inbox / "etc_link")
    return Expect(skipped=("etc_link",))


@case
def named_pipe(env: Env) -> Expect:
    os.mkfifo(env.inbox / "pipe.json")
    return Expect(skipped=("pipe.json",))


@case
def hidden_file(env: Env) -> Expect:
    env.file(".hidden.json", json.dumps(report("hidden")))
    return Expect()  # not read, not named: hidden files are not reports


# ---------------------------------------------------------------- JSON APIs


def _endless(chunk: bytes) -> Callable:
    def handler(request):
        def body():
            yield b'{"reports": ['
            while True:
                yield chunk
        return Response(body(), content_type="application/json")
    return handler


@case
def api_endless_body(env: Env) -> Expect:
    env.api("api-endless", env.serve("/endless", handler=_endless(b'{"id": "e", "text": "' + b"a" * 65536 + b'"}, ')))
    return Expect(source_fails="api-endless", fail_reason="body_too_large")


@case
def api_gzip_bomb(env: Env) -> Expect:
    bomb = gzip.compress(b"[" + b" " * (200 * 1024 * 1024) + b"]", compresslevel=9)

    def handler(request):
        return Response(bomb, content_type="application/json", headers={"Content-Encoding": "gzip"})

    env.api("api-gzip-bomb", env.serve("/gzip-bomb", handler=handler))
    return Expect(source_fails="api-gzip-bomb", fail_reason="body_too_large")


@case
def api_5xx_storm(env: Env) -> Expect:
    env.api("api-5xx", env.serve("/storm", "busy", status=503, content_type="text/plain"))
    return Expect(source_fails="api-5xx", fail_reason="503")


@case
def api_503_twice_then_ok(env: Env) -> Expect:
    calls = {"n": 0}

    def handler(request):
        calls["n"] += 1
        if calls["n"] <= 2:
            return Response("busy", status=503)
        return Response(json.dumps([report("after-retries", n=311)]), content_type="application/json")

    env.api("api-retried", env.serve("/flaky", handler=handler))
    return Expect(lands=("after-retries",))


@case
def api_pagination_loop(env: Env) -> Expect:
    env.serve("/loop2", {"reports": [report("loop-2", n=313)], "next": "/loop1"})
    env.api("api-loop", env.serve("/loop1", {"reports": [report("loop-1", n=312)], "next": "/loop2"}))
    return Expect(lands=("loop-1", "loop-2"))


@case
def api_html_error_page(env: Env) -> Expect:
    env.api("api-html", env.serve("/html", "<html><body>Maintenance</body></html>", content_type="text/html"))
    return Expect(source_fails="api-html", fail_reason="not JSON")


@case
def api_wrong_shape(env: Env) -> Expect:
    env.api("api-shape", env.serve("/shape", {"data": []}))
    return Expect(source_fails="api-shape", fail_reason="expected a JSON list")


@case
def api_bad_items(env: Env) -> Expect:
    env.api("api-items", env.serve("/items", [report("api-good", n=314), "a string", None, 7,
                                               {"id": "api-no-text", "published": DAY}]))
    return Expect(lands=("api-good",), quarantined=(("/items[1]", "expected a JSON object"),
                                                    ("/items[2]", "expected a JSON object"),
                                                    ("/items[3]", "expected a JSON object"),
                                                    ("api-no-text", "'text' is missing")))


@case
def api_deeply_nested_page(env: Env) -> Expect:
    env.api("api-nested", env.serve("/nested", "[" * 100_000 + "]" * 100_000))
    return Expect(source_fails="api-nested", fail_reason="nested too deeply")


# ---------------------------------------------------------------- feeds


def _rss(base: str, items: str) -> str:
    return (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Battery Feed</title>'
            f"<link>{base}/</link><description>t</description>{items}</channel></rss>")


def _item(link: str | None, title: str, day: str = "Tue, 04 Mar 2025 08:00:00 +0630",
          summary: str = "") -> str:
    link_xml = f"<link>{link}</link>" if link else ""
    return f"<item><title>{title}</title>{link_xml}<pubDate>{day}</pubDate><description>{summary}</description></item>"


@case
def rss_entity_bomb(env: Env) -> Expect:
    bomb = ('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;">'
            '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;">]><rss version="2.0"><channel><title>&c;</title></channel></rss>')
    env.rss("rss-bomb", env.serve("/bomb.xml", bomb, content_type="application/rss+xml"), fetch_articles=False)
    return Expect(source_fails="rss-bomb", fail_reason="unsafe XML refused")


@case
def rss_truncated(env: Env) -> Expect:
    base = env.httpserver.url_for("").rstrip("/")
    full = _rss(base, _item(f"{base}/trunc/1", "First", summary=text(315)) +
                _item(f"{base}/trunc/2", "Second", summary=text(316)))
    cut = full[: full.index("/trunc/2") + 20]
    env.rss("rss-truncated", env.serve("/truncated.xml", cut, content_type="application/rss+xml"),
            fetch_articles=False)
    return Expect(lands=(f"{base}/trunc/1",))


@case
def rss_item_without_link(env: Env) -> Expect:
    base = env.httpserver.url_for("").rstrip("/")
    feed = _rss(base, _item(None, "Orphan", summary="no link") + _item(f"{base}/ok/1", "Fine", summary=text(317)))
    env.rss("rss-orphan", env.serve("/orphan.xml", feed, content_type="application/rss+xml"), fetch_articles=False)
    return Expect(lands=(f"{base}/ok/1",), quarantined=(("/orphan.xml#item1", "neither a link nor a guid"),))


@case
def rss_article_404_no_summary(env: Env) -> Expect:
    base = env.httpserver.url_for("").rstrip("/")
    env.serve("/gone/1", "gone", status=404, content_type="text/plain")
    feed = _rss(base, _item(f"{base}/gone/1", "Gone"))
    env.rss("rss-gone", env.serve("/gone.xml", feed, content_type="application/rss+xml"))
    return Expect(quarantined=((f"{base}/gone/1", "article fetch failed"),))


@case
def rss_endless_article(env: Env) -> Expect:
    """The article page never ends: cut off, and the item's own summary is used."""
    base = env.httpserver.url_for("").rstrip("/")
    env.serve("/endless-article", handler=_endless(b"<p>" + b"word " * 10000 + b"</p>"))
    feed = _rss(base, _item(f"{base}/endless-article", "Endless", summary=text(318)))
    env.rss("rss-endless-article", env.serve("/endless.xml", feed, content_type="application/rss+xml"))
    return Expect(lands=(f"{base}/endless-article",))


@case
def rss_future_item(env: Env) -> Expect:
    base = env.httpserver.url_for("").rstrip("/")
    feed = _rss(base, _item(f"{base}/future/1", "Later", day="Fri, 01 Jan 2099 08:00:00 +0000", summary=text(319)))
    env.rss("rss-future", env.serve("/future.xml", feed, content_type="application/rss+xml"), fetch_articles=False)
    return Expect(quarantined=((f"{base}/future/1", "in the future"),))


@case
def rss_not_a_feed(env: Env) -> Expect:
    env.rss("rss-not-feed", env.serve("/not-feed.xml", "just some words", content_type="text/plain"))
    return Expect(source_fails="rss-not-feed", fail_reason="not an RSS/Atom feed")
