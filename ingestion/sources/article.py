"""Main text, title and date of a web page or HTML file (trafilatura), and plain text
of an HTML fragment such as a feed item's summary."""
from __future__ import annotations

import re
from dataclasses import dataclass

import lxml.etree
import lxml.html
import trafilatura

from ingestion.reports import clean_text, parse_published

_PUBLISHED_META = ("article:published_time", "og:published_time", "datepublished",
                   "pubdate", "publishdate", "date", "dc.date", "dc.date.issued")


@dataclass(frozen=True)
class Article:
    text: str | None  # main text; None when nothing could be extracted
    title: str | None = None
    published: str | None = None  # ISO date or datetime
    url: str | None = None
    language: str | None = None


def _meta_published(doc: lxml.html.HtmlElement) -> str | None:
    """The first parseable publication date in <meta property/name=...> or <time datetime>."""
    values: dict[str, str] = {}
    for meta in doc.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key in _PUBLISHED_META and meta.get("content") and key not in values:
            values[key] = meta.get("content").strip()
    candidates = [values[k] for k in _PUBLISHED_META if k in values]
    candidates += [t.get("datetime") for t in doc.iter("time") if t.get("datetime")]
    for value in candidates:
        try:
            return parse_published(value)
        except ValueError:
            continue
    return None


def _parse(html: str | bytes) -> lxml.html.HtmlElement | None:
    try:
        return lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return None


def extract_article(html: str | bytes, url: str | None = None) -> Article:
    """Extract the main text with trafilatura; title and date from the page's metadata
    (``article:published_time`` and friends first, then trafilatura's own guess)."""
    if isinstance(html, bytes):
        html = html.decode("utf-8", errors="replace")
    if not html.strip():
        return Article(None, url=url)
    text = trafilatura.extract(html, url=url, include_comments=False, include_tables=True)
    meta = trafilatura.extract_metadata(html, default_url=url)
    doc = _parse(html)
    published = _meta_published(doc) if doc is not None else None
    if published is None and meta is not None and meta.date:
        try:
            published = parse_published(meta.date)
        except ValueError:
            published = None
    language = doc.get("lang") if doc is not None else None
    title = meta.title if meta is not None and meta.title else None
    if title is None and doc is not None:
        found = doc.find(".//title")
        title = found.text_content().strip() if found is not None and found.text_content().strip() else None
    text = clean_text(text).strip() if text else None
    return Article(text or None, title, published, url,
                   language.split("-")[0].lower() if language else None)


def html_to_text(fragment: str | None) -> str:
    """Plain text of an HTML fragment (a feed summary), paragraphs kept on their own lines."""
    if not fragment or not fragment.strip():
        return ""
    if "<" not in fragment:
        return clean_text(fragment).strip()
    doc = _parse(f"<div>{fragment}</div>")
    if doc is None:
        return clean_text(fragment).strip()
    for br in doc.iter("br"):
        br.tail = "\n" + (br.tail or "")
    for block in doc.iter("p", "div", "li", "h1", "h2", "h3", "h4", "blockquote"):
        block.tail = "\n" + (block.tail or "")
    text = doc.text_content()
    lines = [re.sub(r"[ \t\r\f\v]+", " ", line).strip() for line in text.splitlines()]
    return clean_text("\n".join(line for line in lines if line)).strip()
