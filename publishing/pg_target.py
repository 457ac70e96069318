"""The PostgreSQL publish target: from ``sources.yaml``'s ``publish.postgres`` section,
overridden by environment variables. Credentials never come from a file of the repo: the
password comes from ``PGPASSWORD``, ``~/.pgpass`` (``PGPASSFILE``), or a URL given in
``FRONTLINE_PG_URL``; a URL with a password in ``sources.yaml`` is refused.

FRONTLINE_PG_URL              the server (``postgresql://user@host:5432/frontline``); ``off`` disables
FRONTLINE_PG_SCHEMA           the schema of the marts (default ``frontline``)
FRONTLINE_PG_BLOCKING         ``true`` (default): a failed PostgreSQL publish fails the run
FRONTLINE_PG_READER_ROLE      the read-only role the publish creates (default ``frontline_reader``)
FRONTLINE_PG_READER_PASSWORD  when set, the reader role's password is set to it on each publish
"""
from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from publishing.pg_schema import check_ident

_FALSE = {"0", "false", "no", "off"}
_TRUE = {"1", "true", "yes", "on"}


class TargetError(ValueError):
    """The PostgreSQL target is misconfigured."""


@dataclass(frozen=True)
class PostgresTarget:
    url: str
    schema: str = "frontline"
    blocking: bool = True
    reader_role: str = "frontline_reader"
    reader_password: str | None = None

    @property
    def display_url(self) -> str:
        return redact(self.url)


def redact(url: str) -> str:
    """The URL without its password (for logs, meta.runs and status)."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    user = parts.username or ""
    return urlunsplit((parts.scheme, f"{user}:***@{host}", parts.path, parts.query, parts.fragment))


def has_password(url: str) -> bool:
    try:
        return urlsplit(url).password is not None
    except ValueError:
        return False


def _bool(value: str, name: str) -> bool:
    v = value.strip().lower()
    if v in _TRUE:
        return True
    if v in _FALSE:
        return False
    raise TargetError(f"{name} must be true or false, got {value!r}")


def resolve_target(section: Mapping | None, environ: Mapping[str, str] | None = None) -> PostgresTarget | None:
    """The target from the ``publish.postgres`` section (a mapping, or None) and the
    environment; None when no URL is configured (or ``FRONTLINE_PG_URL=off``)."""
    env = os.environ if environ is None else environ
    section = dict(section or {})
    url = env.get("FRONTLINE_PG_URL") or section.get("url")
    if not url or str(url).strip().lower() in _FALSE:
        return None
    url = str(url).strip()
    if not url.startswith(("postgresql://", "postgres://")):
        raise TargetError(f"the PostgreSQL URL must start with postgresql://, got {redact(url)!r}")
    if not env.get("FRONTLINE_PG_URL") and has_password(url):
        raise TargetError("sources.yaml's publish.postgres.url holds a password: keep credentials in "
                          "PGPASSWORD, ~/.pgpass or FRONTLINE_PG_URL, never in a file of the repo")
    blocking = section.get("blocking", True)
    if env.get("FRONTLINE_PG_BLOCKING"):
        blocking = _bool(env["FRONTLINE_PG_BLOCKING"], "FRONTLINE_PG_BLOCKING")
    try:
        return PostgresTarget(
            url=url,
            schema=check_ident(env.get("FRONTLINE_PG_SCHEMA") or section.get("schema") or "frontline"),
            blocking=bool(blocking),
            reader_role=check_ident(env.get("FRONTLINE_PG_READER_ROLE") or section.get("reader_role")
                                    or "frontline_reader"),
            reader_password=env.get("FRONTLINE_PG_READER_PASSWORD") or None,
        )
    except ValueError as exc:
        raise TargetError(str(exc)) from None
