"""Size limits on everything Frontline reads, so no input can exhaust memory.

=================================  ===========  ===========================================
Environment variable               Default      What
=================================  ===========  ===========================================
FRONTLINE_MAX_FILE_BYTES           67108864     bytes of one inbox file (64 MiB); a larger
                                                file is quarantined unread (``file_too_large``).
                                                JSON Lines files are read line by line: the
                                                limit is then per line.
FRONTLINE_MAX_HTTP_BYTES           33554432     bytes of one HTTP body (32 MiB), streamed and
                                                cut off at the limit (the fetch fails with
                                                ``body_too_large``).
FRONTLINE_MAX_HTTP_SECONDS         120          seconds to receive one HTTP body (a slow,
                                                endless answer is cut off).
FRONTLINE_MAX_REFERENCE_BYTES      268435456    bytes of one reference file downloaded by URL
                                                (256 MiB; the census workbook is ~1 MB),
                                                streamed to disk and cut off at the limit
                                                (``reference_too_large``, naming the file).
FRONTLINE_MAX_REPORT_CHARS         200000       characters of one report's text; longer text is
                                                cut before it is stored and a
                                                ``text_truncated`` row records it in
                                                ``quarantine.reports`` (the report still lands).
=================================  ===========  ===========================================

Values are read when called (tests set them per test). ``0`` or a negative value is refused.
"""
from __future__ import annotations

import os
from dataclasses import dataclass

DEFAULT_MAX_FILE_BYTES = 64 * 1024 * 1024
DEFAULT_MAX_HTTP_BYTES = 32 * 1024 * 1024
DEFAULT_MAX_HTTP_SECONDS = 120.0
DEFAULT_MAX_REFERENCE_BYTES = 256 * 1024 * 1024
DEFAULT_MAX_REPORT_CHARS = 200_000  # ~30k words: far above any article (extraction runs ~300k characters/s)


def _positive(name: str, default: float, kind: type = int):
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = kind(raw)
    except ValueError:
        raise ValueError(f"{name} must be a positive number, got {raw!r}") from None
    if value <= 0:
        raise ValueError(f"{name} must be a positive number, got {raw!r}")
    return value


@dataclass(frozen=True)
class Limits:
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES
    max_http_bytes: int = DEFAULT_MAX_HTTP_BYTES
    max_http_seconds: float = DEFAULT_MAX_HTTP_SECONDS
    max_report_chars: int = DEFAULT_MAX_REPORT_CHARS
    max_reference_bytes: int = DEFAULT_MAX_REFERENCE_BYTES

    @classmethod
    def from_env(cls) -> Limits:
        return cls(
            max_file_bytes=_positive("FRONTLINE_MAX_FILE_BYTES", DEFAULT_MAX_FILE_BYTES),
            max_http_bytes=_positive("FRONTLINE_MAX_HTTP_BYTES", DEFAULT_MAX_HTTP_BYTES),
            max_http_seconds=_positive("FRONTLINE_MAX_HTTP_SECONDS", DEFAULT_MAX_HTTP_SECONDS, float),
            max_report_chars=_positive("FRONTLINE_MAX_REPORT_CHARS", DEFAULT_MAX_REPORT_CHARS),
            max_reference_bytes=_positive("FRONTLINE_MAX_REFERENCE_BYTES", DEFAULT_MAX_REFERENCE_BYTES),
        )


def limits() -> Limits:
    """The limits in force now (environment variables over the defaults)."""
    return Limits.from_env()
