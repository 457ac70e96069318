import pytest

from ingestion.models import Report
from ingestion.reports import ReportError
from ingestion.sources.base import SourceError
from ingestion.sources.config import RssSource
from ingestion.sources.rss import iter_feed

from .conftest import LONG, article_html


def rss(base: str) -> str:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Mizzima Test</title><link>{base}/</link>
<language>en-us</language><description>test</description>
<item><title>KIA captures Bhamo base</title><link>{base}/news/1</link><guid>g1</guid>
  <pubDate>Fri, 05 Sep 2025 08:30:00 +0630</pubDate><description>Short summary one.</description></item>
<item><title>Clashes in Lashio</title><link>{base}/news/2</link>
  <pubDate>Sat, 06 Sep 2025 10:00:00 GMT</pubDate>
  <description>&lt;p&gt;Fighting continued in &lt;b&gt;Lashio&lt;/b&gt;.&lt;/p&gt;&lt;p&gt;Second paragraph.&lt;/p&gt;</description></item>
<item><title>No date anywhere</title><link>{base}/news/3</link><description>Text.</description></item>
<item><title>Orphan</title><description>no link, no guid</description></item>
</channel></rss>"""


def atom(base: str) -> str:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title><id>urn:wire</id>
<updated>2025-09-07T00:00:00Z</updated>
<entry><title>Junta retakes outposts</title><link href="{base}/a/1"/><id>urn:a1</id>
  <published>2025-09-04T09:00:00+06:30</published><updated>2025-09-04T12:00:00+06:30</updated>
  <summary>Summary.</summary></entry>
<entry><title>Update only</title><id>urn:a2</id><updated>2025-09-05T01:00:00Z</updated>
  <content type="html">&lt;p&gt;Body from the feed itself.&lt;/p&gt;</content></entry>
</feed>"""


def test_rss_items_become_reports_with_page_text(client, httpserver):
    base = httpserver.url_for("").rstrip("/")
    httpserver.expect_request("/feed.xml").respond_with_data(rss(base), content_type="application/rss+xml")
    httpserver.expect_request("/news/1").respond_with_data(
        article_html("KIA captures Bhamo base", "The KIA captured the IB 236 base on Thursday."),
        content_type="text/html; charset=utf-8")
    httpserver.expect_request("/news/2").respond_with_data("gone", status=404)
    httpserver.expect_request("/news/3").respond_with_data("<html><body><p>x</p></body></html>",
                                                           content_type="text/html")
    src = RssSource(name="feed", type="rss", url=httpserver.url_for("/feed.xml"))
    items = list(iter_feed(src, client, fetched_at="2025-09-08T00:00:00+00:00"))
    reports = [i for i in items if isinstance(i, Report)]
    errors = [i for i in items if isinstance(i, ReportError)]

    first, second = reports
    assert first.id == f"{base}/news/1" and first.url == first.id
    assert first.published == "2025-09-05T08:30:00+06:30"  # the feed's own offset kept
    assert first.title == "KIA captures Bhamo base" and first.outlet == "Mizzima Test"
    assert "The KIA captured the IB 236 base on Thursday." in first.text and LONG.strip() in first.text
    assert "Subscribe now" not in first.text and first.language == "en"
    # page 404 → the item's summary, as plain text
    assert second.text == "Fighting continued in Lashio.\nSecond paragraph."
    assert second.published == "2025-09-06T10:00:00+00:00"

    reasons = {e.origin: e.reason for e in errors}
    assert "no publication date" in reasons[f"{base}/news/3"]
    assert any("neither a link nor a guid" in r for r in reasons.values())


def test_atom_feed(client, httpserver):
    base = httpserver.url_for("").rstrip("/")
    httpserver.expect_request("/atom").respond_with_data(atom(base), content_type="application/atom+xml")
    httpserver.expect_request("/a/1").respond_with_data(
        article_html("Junta retakes outposts", "Regime forces retook the outposts."), content_type="text/html")
    src = RssSource(name="atom", type="rss", url=httpserver.url_for("/atom"), outlet="Configured")
    reports = list(iter_feed(src, client))
    assert all(isinstance(r, Report) for r in reports)
    a1, a2 = reports
    assert a1.id == f"{base}/a/1" and a1.published == "2025-09-04T09:00:00+06:30"
    assert "Regime forces retook the outposts." in a1.text and a1.outlet == "Configured"
    assert a2.id == "urn:a2" and a2.url is None and a2.text == "Body from the feed itself."
    assert a2.published == "2025-09-05T01:00:00+00:00"


def test_feed_unchanged_pages_come_from_the_cache(client, httpserver):
    base = httpserver.url_for("").rstrip("/")
    page = article_html("KIA captures Bhamo base", "The KIA captured the base.")
    httpserver.expect_request("/feed.xml").respond_with_data(rss(base), headers={"ETag": '"f"'})
    httpserver.expect_request("/news/1", headers={"If-None-Match": '"p"'}).respond_with_data("", status=304)
    httpserver.expect_request("/news/1").respond_with_data(page, headers={"ETag": '"p"'},
                                                           content_type="text/html")
    src = RssSource(name="feed", type="rss", url=httpserver.url_for("/feed.xml"), max_items=1)
    first = list(iter_feed(src, client))
    second = list(iter_feed(src, client))
    assert first == second and len(first) == 1
    assert [resp.status_code for req, resp in httpserver.log if req.path == "/news/1"] == [200, 304]


def test_not_a_feed_fails_the_source(client, httpserver):
    httpserver.expect_request("/feed.xml").respond_with_data("<html><body>Hello</body></html>",
                                                             content_type="text/html")
    with pytest.raises(SourceError, match="not an RSS/Atom feed"):
        list(iter_feed(RssSource(name="f", type="rss", url=httpserver.url_for("/feed.xml")), client))


def test_a_feed_declaring_entities_is_refused_before_parsing(client, httpserver):
    bomb = ('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>'
            '<rss version="2.0"><channel><title>&b;</title><item><title>x</title>'
            '<link>https://example.org/x</link></item></channel></rss>')
    httpserver.expect_request("/feed.xml").respond_with_data(bomb, content_type="application/rss+xml")
    with pytest.raises(SourceError, match="unsafe XML refused"):
        list(iter_feed(RssSource(name="f", type="rss", url=httpserver.url_for("/feed.xml")), client))
