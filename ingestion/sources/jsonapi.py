"""A JSON API: a URL answering a list of contract reports, or ``{"reports": [...]}``
with an optional ``"next"`` URL (followed up to ``max_pages``)."""
from __future__ import annotations

import json
from typing import Any
from urllib.parse import urljoin

from ingestion.http import HttpClient
from ingestion.reports import ReportError, parse_report
from ingestion.sources.base import ItemStream, SourceError
from ingestion.sources.config import JsonSource


def page_items(data: Any, url: str) -> tuple[list[Any], str | None]:
    """The report objects of one answer and the next page's URL, if any."""
    if isinstance(data, list):
        return data, None
    if isinstance(data, dict) and isinstance(data.get("reports"), list):
        nxt = data.get("next")
        return data["reports"], urljoin(url, nxt) if isinstance(nxt, str) and nxt else None
    raise SourceError(f"{url}: expected a JSON list of reports or an object with a 'reports' list")


def iter_json_api(source: JsonSource, client: HttpClient, fetched_at: str | None = None) -> ItemStream:
    """Every report the API returns, or a ReportError naming ``url[index]`` and the reason."""
    url: str | None = source.url
    seen: set[str] = set()
    while url and url not in seen and len(seen) < source.max_pages:
        seen.add(url)
        fetched = client.get(url)
        try:
            data = json.loads(fetched.content)
        except RecursionError:
            raise SourceError(f"{url}: not JSON: nested too deeply") from None
        except ValueError as exc:
            raise SourceError(f"{url}: not JSON: {exc}") from None
        del fetched
        items, next_url = page_items(data, url)
        for i, obj in enumerate(items):
            origin = f"{url}[{i}]"
            try:
                yield parse_report(obj, origin, source=source.name, outlet=source.outlet,
                                   fetched_at=fetched_at)
            except ValueError as exc:
                yield ReportError(origin, str(exc), report_id=_id_of(obj), raw=_raw(obj))
            except Exception as exc:  # noqa: BLE001 - one odd record must not stop the others
                yield ReportError(origin, f"{type(exc).__name__}: {exc}"[:1000], rule="unreadable_item",
                                  report_id=_safe_id(obj), raw=_raw(obj))
        url = next_url


def _id_of(obj: Any) -> str | None:
    if isinstance(obj, dict):
        inner = obj["report"] if isinstance(obj.get("report"), dict) else obj
        rid = inner.get("id")
        return str(rid) if rid not in (None, "") else None
    return None


def _safe_id(obj: Any) -> str | None:
    try:
        return _id_of(obj)
    except Exception:  # noqa: BLE001
        return None


def _raw(obj: Any) -> str:
    try:
        return json.dumps(obj, ensure_ascii=False)[:4000]
    except (TypeError, ValueError, RecursionError):
        return repr(obj)[:4000]
