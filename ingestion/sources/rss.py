"""RSS and Atom feeds: the feed is fetched with ``HttpClient`` and parsed with feedparser
(from bytes, never by URL); each item's page is fetched and its main text extracted
with trafilatura, falling back to the item's own content/summary.

id = item link (else guid); published = the item's published/updated date, keeping the
feed's UTC offset (the local day matters for relative dates), else the page's date.
"""
from __future__ import annotations

import datetime as dt
import email.utils
from typing import Any

import feedparser

from ingestion.http import HttpClient, HttpError
from ingestion.models import Report
from ingestion.reports import ReportError, parse_published
from ingestion.sources.article import Article, extract_article, html_to_text
from ingestion.sources.base import ItemStream, SourceError
from ingestion.sources.config import RssSource


def screen_xml(content: bytes, url: str) -> None:
    """Refuse XML that declares entities or external references (billion laughs, XXE) before
    feedparser's SAX parser sees it; malformed XML is left to feedparser's lenient parsing."""
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import ParseError, fromstring

    try:
        fromstring(content)
    except DefusedXmlException as exc:
        raise SourceError(f"{url}: unsafe XML refused: {type(exc).__name__}") from None
    except ParseError:
        pass


def parse_feed(content: bytes, url: str) -> Any:
    """Parse feed bytes; raises ``SourceError`` when they are not a feed or are unsafe XML."""
    screen_xml(content, url)
    feed = feedparser.parse(content, response_headers={"content-location": url})
    if not feed.entries and (feed.bozo or not feed.version):
        reason = getattr(feed, "bozo_exception", None) or "no RSS/Atom structure"
        raise SourceError(f"{url}: not an RSS/Atom feed: {reason}")
    return feed


def entry_published(entry: Any) -> str | None:
    """ISO date(time) of a feed item: the raw string (RFC 822 or RFC 3339) with its own
    offset when parseable, else feedparser's UTC struct."""
    for key in ("published", "updated", "created"):
        raw = entry.get(key)
        if not raw:
            continue
        try:
            return parse_published(raw)
        except ValueError:
            pass
        try:
            parsed = email.utils.parsedate_to_datetime(raw)
        except (TypeError, ValueError):
            parsed = None
        if parsed is not None:
            return parsed.isoformat()
        struct = entry.get(f"{key}_parsed")
        if struct:
            return dt.datetime(*struct[:6], tzinfo=dt.UTC).isoformat()
    return None


def _entry_text(entry: Any) -> str:
    for content in entry.get("content") or []:
        text = html_to_text(content.get("value"))
        if text:
            return text
    return html_to_text(entry.get("summary"))


def _language(*values: str | None) -> str:
    for v in values:
        if v and v.strip():
            return v.strip().split("-")[0].split("_")[0].lower()
    return "en"


def iter_feed(source: RssSource, client: HttpClient, fetched_at: str | None = None) -> ItemStream:
    """Every item of the feed as a Report, or a ReportError naming the item and the reason."""
    fetched = client.get(source.url)
    feed = parse_feed(fetched.content, source.url)
    feed_lang = feed.feed.get("language")
    outlet = source.outlet or feed.feed.get("title") or None
    entries = feed.entries[: source.max_items] if source.max_items else feed.entries
    for n, entry in enumerate(entries, 1):
        try:
            yield feed_item(entry, n, source, client, outlet, feed_lang, fetched_at)
        except Exception as exc:  # noqa: BLE001 - one odd item must not stop the feed
            yield ReportError(f"{source.url}#item{n}", f"{type(exc).__name__}: {exc}"[:1000],
                              rule="unreadable_item", raw=_safe_raw(entry))


def feed_item(entry: Any, n: int, source: RssSource, client: HttpClient, outlet: str | None,
              feed_lang: str | None, fetched_at: str | None) -> Report | ReportError:
    """One feed item → Report, or a ReportError naming the item and the reason."""
    link = _web_link(entry.get("link"))
    rid = link or entry.get("id") or None
    origin = link or f"{source.url}#item{n}"
    if not rid:
        return ReportError(origin, "feed item has neither a link nor a guid", raw=_raw(entry))
    article, fetch_error = Article(None), None
    if source.fetch_articles and link:
        try:
            page = client.get(link)
            article = extract_article(page.text, url=link)
        except HttpError as exc:
            fetch_error = exc.reason
        except (ValueError, RecursionError, MemoryError) as exc:
            fetch_error = f"{type(exc).__name__}: {exc}"[:300]
    text = article.text or _entry_text(entry)
    if not text:
        why = f"article fetch failed ({fetch_error})" if fetch_error else "no main text in the page"
        return ReportError(origin, f"{why} and the item has no content or summary",
                           report_id=rid, raw=_raw(entry))
    published = entry_published(entry) or article.published
    if not published:
        return ReportError(origin, "no publication date in the item or its page",
                           report_id=rid, raw=_raw(entry))
    return Report(id=rid, published=published, text=text, url=link,
                  outlet=outlet, title=entry.get("title") or article.title,
                  language=_language(source.language, feed_lang, article.language),
                  source=source.name, fetched_at=fetched_at)


def _safe_raw(entry: Any) -> str | None:
    try:
        return _raw(entry)
    except Exception:  # noqa: BLE001
        return None


def _web_link(link: str | None) -> str | None:
    """The item's link when it is a web URL (feedparser copies a guid such as ``urn:...``)."""
    if link and link.strip().lower().startswith(("http://", "https://")):
        return link.strip()
    return None


def _raw(entry: Any) -> str:
    keys = ("id", "link", "title", "published", "updated", "summary")
    return str({k: entry.get(k) for k in keys if entry.get(k)})[:4000]
