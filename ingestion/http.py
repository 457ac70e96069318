"""The project's one HTTP client: timeouts, retries with backoff, a User-Agent, and
conditional GET backed by an on-disk cache, so nothing is fetched twice.

``HttpClient.get(url)`` returns a ``FetchResult``; when the server answers 304 Not
Modified the cached body is returned with ``not_modified=True`` so callers can skip work.
``HttpClient.fetch_to_file(url, path)`` streams big files to disk with their SHA-256.

Bodies read into memory are streamed and cut off at ``max_body_bytes`` (default
``FRONTLINE_MAX_HTTP_BYTES``, counted after decompression, so a gzip bomb is cut too) and
``max_body_seconds`` (``FRONTLINE_MAX_HTTP_SECONDS``): an endless or trickling answer
fails with an ``HttpError`` instead of filling memory.

The cache is one folder holding, per URL, ``<sha256(url)>.json`` (validators, headers,
body hash) and ``<sha256(url)>.body``; both are written atomically (temporary file, then
``os.replace``), so concurrent processes never see half an entry.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

import requests
from requests.adapters import HTTPAdapter
from requests.structures import CaseInsensitiveDict
from urllib3.util.retry import Retry

from ingestion.atomic import write_atomic
from ingestion.limits import limits as current_limits
from ingestion.settings import PROJECT_ROOT

RETRY_STATUSES = (429, 500, 502, 503, 504)
_CHUNK = 1 << 20


def _version() -> str:
    try:
        return metadata.version("frontline")
    except metadata.PackageNotFoundError:
        return "0.0.0"


USER_AGENT = f"Frontline/{_version()} (+https://github.com/frontline)"


def default_cache_dir() -> Path:
    """``FRONTLINE_HTTP_CACHE`` or ``warehouse/http_cache`` under the project root."""
    value = os.environ.get("FRONTLINE_HTTP_CACHE")
    return Path(value) if value else PROJECT_ROOT / "warehouse" / "http_cache"


class HttpError(Exception):
    """A request that failed for good (after retries): names the URL and why."""

    def __init__(self, url: str, reason: str, status: int | None = None) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason
        self.status = status


@dataclass(frozen=True)
class FetchResult:
    """One fetched URL. ``not_modified`` is True when the body came from the cache after a 304."""

    url: str
    status: int
    content: bytes = field(repr=False)
    text: str = field(repr=False)
    headers: Mapping[str, str] = field(repr=False)
    not_modified: bool
    sha256: str


@dataclass(frozen=True)
class FileFetchResult:
    """One URL streamed to a file; ``not_modified`` when the file on disk was already current."""

    url: str
    path: Path
    status: int
    sha256: str
    size: int
    not_modified: bool


def decode_body(content: bytes, content_type: str | None) -> str:
    """Decode a body with the charset of its Content-Type, else UTF-8, else Latin-1."""
    charset = None
    if content_type:
        for part in content_type.split(";")[1:]:
            key, _, value = part.strip().partition("=")
            if key.lower() == "charset" and value:
                charset = value.strip("\"' ")
    if charset:
        try:
            return content.decode(charset, errors="replace")
        except LookupError:
            pass
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError:
        return content.decode("latin-1")


class _Cache:
    """Validators and bodies per URL, in a folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _key(self, url: str) -> str:
        return hashlib.sha256(url.encode("utf-8")).hexdigest()

    def meta_path(self, url: str) -> Path:
        return self.folder / f"{self._key(url)}.json"

    def body_path(self, url: str) -> Path:
        return self.folder / f"{self._key(url)}.body"

    def get_meta(self, url: str) -> dict[str, Any] | None:
        try:
            meta = json.loads(self.meta_path(url).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return meta if isinstance(meta, dict) and meta.get("url") == url else None

    def get(self, url: str) -> tuple[dict[str, Any], bytes] | None:
        """The cached entry with its body, or None when missing or corrupt."""
        meta = self.get_meta(url)
        if meta is None:
            return None
        try:
            body = self.body_path(url).read_bytes()
        except OSError:
            return None
        if hashlib.sha256(body).hexdigest() != meta.get("sha256"):
            return None
        return meta, body

    def put_meta(self, url: str, meta: dict[str, Any]) -> None:
        write_atomic(self.meta_path(url), json.dumps(meta).encode("utf-8"))

    def put(self, url: str, meta: dict[str, Any], body: bytes) -> None:
        write_atomic(self.body_path(url), body)  # body first: meta points at it
        self.put_meta(url, meta)

    def drop(self, url: str) -> None:
        for p in (self.meta_path(url), self.body_path(url)):
            p.unlink(missing_ok=True)


def _validators(headers: Mapping[str, str]) -> dict[str, str]:
    out = {}
    if headers.get("ETag"):
        out["etag"] = headers["ETag"]
    if headers.get("Last-Modified"):
        out["last_modified"] = headers["Last-Modified"]
    return out


def _conditional_headers(meta: Mapping[str, Any]) -> dict[str, str]:
    out = {}
    if meta.get("etag"):
        out["If-None-Match"] = meta["etag"]
    if meta.get("last_modified"):
        out["If-Modified-Since"] = meta["last_modified"]
    return out


class HttpClient:
    """One ``requests.Session`` with timeouts, retries, a User-Agent and a conditional-GET cache.

    ``retries`` counts retries after the first attempt (on 429/5xx and connection errors);
    ``backoff_factor`` 0 means no waiting (tests). ``Retry-After`` is honoured up to
    ``retry_after_max`` seconds. ``cache_dir=None`` uses ``default_cache_dir()``;
    ``use_cache=False`` turns conditional GET off.
    """

    def __init__(self, *, cache_dir: str | Path | None = None, use_cache: bool = True,
                 connect_timeout: float = 10.0, read_timeout: float = 30.0,
                 retries: int = 3, backoff_factor: float = 0.5, retry_after_max: int = 120,
                 user_agent: str = USER_AGENT, max_body_bytes: int | None = None,
                 max_body_seconds: float | None = None) -> None:
        self.timeout = (connect_timeout, read_timeout)
        limits = current_limits()
        self.max_body_bytes = max_body_bytes or limits.max_http_bytes
        self.max_body_seconds = max_body_seconds or limits.max_http_seconds
        self.cache = _Cache(Path(cache_dir) if cache_dir else default_cache_dir()) if use_cache else None
        retry = Retry(
            total=retries, connect=retries, read=retries, status=retries, other=0,
            backoff_factor=backoff_factor, status_forcelist=RETRY_STATUSES,
            allowed_methods=frozenset({"GET", "HEAD"}), respect_retry_after_header=True,
            retry_after_max=retry_after_max, raise_on_status=False,
        )
        self.session = requests.Session()
        adapter = HTTPAdapter(max_retries=retry)
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)
        self.session.headers["User-Agent"] = user_agent

    def close(self) -> None:
        self.session.close()

    def __enter__(self) -> HttpClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _request(self, url: str, headers: Mapping[str, str], stream: bool = False) -> requests.Response:
        try:
            response = self.session.get(url, headers=dict(headers), timeout=self.timeout, stream=stream)
        except requests.RequestException as exc:
            raise HttpError(url, f"request failed: {exc.__class__.__name__}: {exc}") from exc
        if response.status_code >= 400:
            response.close()
            raise HttpError(url, f"HTTP {response.status_code} {response.reason or ''}".strip(),
                            status=response.status_code)
        return response

    def get(self, url: str, *, headers: Mapping[str, str] | None = None,
            conditional: bool = True) -> FetchResult:
        """GET a URL; with a cached entry, send If-None-Match/If-Modified-Since and reuse
        the cached body on 304. Raises ``HttpError`` on a final 4xx/5xx or network failure."""
        request_headers = dict(headers or {})
        cached = self.cache.get(url) if (self.cache and conditional) else None
        if cached:
            request_headers.update(_conditional_headers(cached[0]))
        response = self._request(url, request_headers, stream=True)
        if response.status_code == 304:
            response.close()
            if not cached:
                raise HttpError(url, "HTTP 304 without a cached copy", status=304)
            meta, body = cached
            merged = CaseInsensitiveDict(meta.get("headers", {}))
            merged.update(response.headers)
            if self.cache and _validators(response.headers):
                self.cache.put_meta(url, {**meta, **_validators(response.headers)})
            return FetchResult(url, 304, body, decode_body(body, merged.get("Content-Type")),
                               merged, True, meta["sha256"])
        body = self._read_body(response, url)
        sha = hashlib.sha256(body).hexdigest()
        validators = _validators(response.headers)
        if self.cache:
            if validators:
                self.cache.put(url, {"url": url, "sha256": sha, **validators,
                                     "headers": dict(response.headers)}, body)
            elif cached:
                self.cache.drop(url)
        return FetchResult(url, response.status_code, body,
                           decode_body(body, response.headers.get("Content-Type")),
                           CaseInsensitiveDict(response.headers), False, sha)

    def _read_body(self, response: requests.Response, url: str) -> bytes:
        """The body, streamed; ``HttpError`` once it passes ``max_body_bytes`` or takes longer
        than ``max_body_seconds`` (the connection is closed, nothing more is read)."""
        deadline = time.monotonic() + self.max_body_seconds
        chunks: list[bytes] = []
        size = 0
        try:
            declared = int(response.headers.get("Content-Length") or 0)
        except ValueError:
            declared = 0
        with response:
            if declared > self.max_body_bytes:
                raise HttpError(url, f"body_too_large: Content-Length {declared} is above the limit of "
                                f"{self.max_body_bytes} bytes (FRONTLINE_MAX_HTTP_BYTES)")
            try:
                for chunk in response.iter_content(64 * 1024):
                    size += len(chunk)
                    if size > self.max_body_bytes:
                        raise HttpError(url, f"body_too_large: cut off after {self.max_body_bytes} bytes "
                                        "(FRONTLINE_MAX_HTTP_BYTES)")
                    if time.monotonic() > deadline:
                        raise HttpError(url, f"body_too_slow: not received within {self.max_body_seconds:g} s "
                                        "(FRONTLINE_MAX_HTTP_SECONDS)")
                    chunks.append(chunk)
            except requests.RequestException as exc:
                raise HttpError(url, f"body interrupted: {exc.__class__.__name__}: {exc}") from exc
        return b"".join(chunks)

    def fetch_to_file(self, url: str, path: str | Path, *, headers: Mapping[str, str] | None = None,
                      conditional: bool = True, max_bytes: int | None = None,
                      label: str = "download") -> FileFetchResult:
        """Stream a URL to ``path`` (atomically: temporary file, then replace) with its SHA-256.

        When ``path`` already holds the body cached for this URL, a conditional GET is sent
        and a 304 leaves the file alone (``not_modified=True``).

        ``max_bytes`` (default ``FRONTLINE_MAX_REFERENCE_BYTES``) bounds the body, counted
        after decompression, and ``max_body_seconds`` its time: past either the download
        stops, the partial file is removed, ``path`` is left as it was and ``HttpError``
        says ``<label>_too_large`` / ``<label>_too_slow``.
        """
        limit = max_bytes or current_limits().max_reference_bytes
        path = Path(path)
        request_headers = dict(headers or {})
        meta = self.cache.get_meta(url) if (self.cache and conditional) else None
        if meta and path.is_file() and _file_sha256(path) == meta.get("sha256"):
            request_headers.update(_conditional_headers(meta))
        else:
            meta = None
        response = self._request(url, request_headers, stream=True)
        with response:
            if response.status_code == 304:
                if meta is None:
                    raise HttpError(url, "HTTP 304 without a cached copy", status=304)
                return FileFetchResult(url, path, 304, meta["sha256"], path.stat().st_size, True)
            try:
                declared = int(response.headers.get("Content-Length") or 0)
            except ValueError:
                declared = 0
            if declared > limit:
                raise HttpError(url, f"{label}_too_large: Content-Length {declared} is above the limit of "
                                f"{limit} bytes (FRONTLINE_MAX_REFERENCE_BYTES)")
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
            digest, size = hashlib.sha256(), 0
            deadline = time.monotonic() + self.max_body_seconds
            try:
                with os.fdopen(fd, "wb") as f:
                    for chunk in response.iter_content(64 * 1024):
                        size += len(chunk)
                        if size > limit:
                            raise HttpError(url, f"{label}_too_large: cut off after {limit} bytes "
                                            "(FRONTLINE_MAX_REFERENCE_BYTES)")
                        if time.monotonic() > deadline:
                            raise HttpError(url, f"{label}_too_slow: not received within "
                                            f"{self.max_body_seconds:g} s (FRONTLINE_MAX_HTTP_SECONDS)")
                        f.write(chunk)
                        digest.update(chunk)
                os.replace(tmp, path)
            except requests.RequestException as exc:
                Path(tmp).unlink(missing_ok=True)
                raise HttpError(url, f"download interrupted: {exc}") from exc
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
            sha = digest.hexdigest()
            validators = _validators(response.headers)
            if self.cache:
                if validators:
                    self.cache.put_meta(url, {"url": url, "sha256": sha, **validators,
                                              "headers": dict(response.headers)})
                else:
                    self.cache.drop(url)
            return FileFetchResult(url, path, response.status_code, sha, size, False)


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(_CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()
