"""Fixtures for the source tests: a client with a private cache and no backoff."""
from __future__ import annotations

import pytest

from ingestion.http import HttpClient

LONG = ("Resistance forces said on Thursday they had captured the Infantry Battalion 236 base "
        "after three days of heavy fighting, while the junta denied losing the position. ")


@pytest.fixture
def client(tmp_path):
    with HttpClient(cache_dir=tmp_path / "http_cache", retries=2, backoff_factor=0) as c:
        yield c


def article_html(title: str, body: str, published: str | None = None, canonical: str | None = None) -> str:
    """A news page with navigation and a footer around the article."""
    meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    return (f"<html lang='en'><head><title>{title} | Wire</title>{meta}{link}</head><body>"
            "<nav><a href='/'>Home</a> | <a href='/news'>News</a> | Subscribe now</nav>"
            f"<article><h1>{title}</h1><p>{body}</p><p>{LONG * 2}</p></article>"
            "<footer>Copyright 2025 Wire. All rights reserved.</footer></body></html>")
