"""The sources file (``sources.yaml``): which feeds, APIs and folders to load.

```yaml
sources:
  - {name: demo-inbox, type: folder, path: data/demo/reports, outlet: Demo Wire}
  - {name: some-feed, type: rss, url: "https://example.org/feed.xml", outlet: Example}
  - {name: some-api, type: json, url: "https://example.org/api/reports", outlet: Example}
reference_source: /srv/mirror/reference   # folder or base URL laid out like ../shared/reference
reference_layout: tree                      # or flat: every file in one folder (the demo's)
reference:   # kept as raw dicts: single files overriding the reference_source
  - {name: towns, url: "https://example.org/towns.csv"}
publish:     # optional: a PostgreSQL copy of the published tables (publishing.pg_target)
  postgres: {url: "postgresql://frontline@db.example.org:5432/frontline", schema: frontline}
```

``reference_source`` says where the reference files come from; ``FRONTLINE_REFERENCE_SOURCE``
only overrides it (a tree layout). Neither set: the demo gazetteer.

Every source may say ``enabled: false``. Relative folder paths resolve against the
folder of the sources file. The path comes from ``--sources``, else ``FRONTLINE_SOURCES``,
else ``sources.yaml`` at the project root (``ingestion.settings.sources_path``).
"""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from ingestion.settings import sources_path


class ConfigError(Exception):
    """The sources file is missing or invalid; the message says where and why."""


class _Source(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
    outlet: str | None = None
    enabled: bool = True
    language: str | None = None  # default language of its reports when they do not say


class FolderSource(_Source):
    """Report files in a folder (recursively): contract JSON/JSONL, ``.txt`` and ``.html``."""

    type: Literal["folder"]
    path: Path


class RssSource(_Source):
    """An RSS or Atom feed; each item's page is fetched and its main text extracted."""

    type: Literal["rss"]
    url: str
    fetch_articles: bool = True  # False: use the item's own content/summary
    max_items: int | None = Field(default=None, ge=1)


class JsonSource(_Source):
    """A URL answering a JSON list of contract reports (or ``{"reports": [...], "next": url}``)."""

    type: Literal["json"]
    url: str
    max_pages: int = Field(default=100, ge=1)


SourceConfig = Annotated[FolderSource | RssSource | JsonSource, Field(discriminator="type")]


class SourcesConfig(BaseModel):
    """The whole sources file."""

    model_config = ConfigDict(extra="forbid")

    sources: list[SourceConfig] = []
    reference_source: str | None = None  # folder or base URL of the reference files
    reference_layout: Literal["tree", "flat"] = "tree"
    reference: list[dict[str, Any]] = []
    publish: dict[str, Any] = {}  # publish.postgres: see publishing.pg_target
    base_dir: Path = Field(default=Path("."), exclude=True)  # folder of the sources file

    @model_validator(mode="after")
    def _unique_names(self) -> SourcesConfig:
        seen: set[str] = set()
        for s in self.sources:
            if s.name in seen:
                raise ValueError(f"duplicate source name {s.name!r}")
            seen.add(s.name)
        return self

    @model_validator(mode="after")
    def _publish_section(self) -> SourcesConfig:
        from publishing.pg_target import has_password

        unknown = set(self.publish) - {"postgres"}
        if unknown:
            raise ValueError(f"unknown publish target(s): {sorted(unknown)} (known: postgres)")
        pg = self.publish.get("postgres") or {}
        if not isinstance(pg, dict):
            raise ValueError("publish.postgres must be a mapping (url, schema, blocking, reader_role)")
        extra = set(pg) - {"url", "schema", "blocking", "reader_role"}
        if extra:
            raise ValueError(f"publish.postgres: unknown key(s) {sorted(extra)}")
        if pg.get("url") and has_password(str(pg["url"])):
            raise ValueError("publish.postgres.url holds a password: keep credentials in PGPASSWORD, "
                             "~/.pgpass or FRONTLINE_PG_URL, never in a file of the repo")
        return self

    @property
    def enabled(self) -> list[FolderSource | RssSource | JsonSource]:
        return [s for s in self.sources if s.enabled]


def parse_config(data: Any, base_dir: Path, origin: str = "sources") -> SourcesConfig:
    """Validate the parsed YAML; folder paths become absolute against ``base_dir``."""
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError(f"{origin}: expected a mapping with a 'sources' list")
    try:
        config = SourcesConfig.model_validate({**data, "base_dir": base_dir})
    except ValidationError as exc:
        raise ConfigError(f"{origin}: invalid sources file:\n{exc}") from None
    for s in config.sources:
        if isinstance(s, FolderSource) and not s.path.is_absolute():
            s.path = (base_dir / s.path).resolve()
    ref = config.reference_source
    if ref and not ref.startswith(("http://", "https://")) and not Path(ref).is_absolute():
        config.reference_source = str((base_dir / ref).resolve())
    return config


def load_config(path: str | Path | None = None) -> SourcesConfig:
    """Read the sources file: ``path`` (from ``--sources``), else ``FRONTLINE_SOURCES``, else the default."""
    p = Path(path) if path else sources_path()
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{p}: cannot read sources file: {exc.strerror or exc}") from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ConfigError(f"{p}: invalid YAML: {exc}") from None
    return parse_config(data, p.resolve().parent, str(p))
