"""Where each reference file lives, and getting it onto local disk with its SHA-256.

Resolution (``resolve_base``):

1. An explicit ``source``, else ``FRONTLINE_REFERENCE_SOURCE`` (which only overrides the
   sources file), else ``sources.yaml``'s ``reference_source`` (with ``reference_layout``):
   a **folder** or a **base URL** laid out like ``../shared/reference`` (``census/...``,
   ``places/...``, ``units/...``, ``actors/...``, ``events/...``), or flat; every file is read from there;
   URLs are fetched with the project's ``HttpClient`` (conditional GET: an unchanged file
   answers 304 and is not downloaded again) into a local cache folder.
2. Nothing set: the demo's flat folder ``data/demo/gazetteer/`` (same file layouts, fewer
   rows; files absent there — the workbook, crosswalk, some unit lists — load as zero rows).

``sources.yaml`` may override single files in its ``reference:`` list (raw dicts):
``- {name: towns, url: "https://..."}`` or ``- {name: towns, path: some/file.csv}``
(relative paths resolve against the sources file's folder).

Production homes (``ReferenceFile.public_url``): the census and towns files are MIMU
publications (themimu.info); the unit lists and registry are community OSINT repositories
without a stable public URL — mirror them (e.g. an object store laid out like
``../shared/reference``) and point ``FRONTLINE_REFERENCE_SOURCE`` at the mirror.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ingestion import settings


@dataclass(frozen=True)
class ReferenceFile:
    name: str  # logical name used by the loaders
    rel_path: str  # path under a base laid out like ../shared/reference
    optional: bool = True  # absent → zero rows
    public_url: str | None = None  # where the publisher hosts it (documentation / production)

    @property
    def flat_name(self) -> str:
        """The file name in the demo's flat folder."""
        return Path(self.rel_path).name


_MIMU = "https://themimu.info"
REFERENCE_FILES: tuple[ReferenceFile, ...] = (
    ReferenceFile("census_workbook", "census/BaselineData_Census_Dataset_Township_MIMU_16Jun2016_ENG.xlsx",
                  public_url=f"{_MIMU}/sites/themimu.info/files/documents/BaselineData_Census_Dataset_Township_MIMU_16Jun2016_ENG.xlsx"),
    ReferenceFile("townships", "census/township_population_2014.csv", optional=False,
                  public_url=f"{_MIMU}/census-data (township population sheet of the baseline workbook)"),
    ReferenceFile("wards_village_tracts", "census/ward_village_tract_population_2014.csv",
                  public_url=f"{_MIMU}/census-data (ward and village-tract population, 2014 census)"),
    ReferenceFile("area_codes", "census/census_area_code_to_mimu_township.csv",
                  public_url=f"{_MIMU}/place-codes (census area code crosswalk)"),
    ReferenceFile("towns", "places/mimu_towns.csv", public_url=f"{_MIMU}/place-codes (MIMU towns P-codes)"),
    ReferenceFile("infantry_battalions", "units/infantry_battalions.csv"),
    ReferenceFile("armoured_battalions", "units/armoured_battalions.csv"),
    ReferenceFile("artillery_battalions", "units/artillery_battalions.csv"),
    ReferenceFile("military_operations_commands", "units/military_operations_commands.csv"),
    ReferenceFile("regional_operations_commands", "units/regional_operations_commands.csv"),
    ReferenceFile("regional_military_commands", "units/regional_military_commands.csv"),
    ReferenceFile("light_infantry_divisions", "units/light_infantry_divisions.csv"),
    ReferenceFile("armed_groups", "actors/armed_groups.csv"),
    ReferenceFile("town_control_events", "events/town_control_events.csv"),
)
FILES_BY_NAME = {f.name: f for f in REFERENCE_FILES}


@dataclass(frozen=True)
class LocalFile:
    """A reference file on local disk (``path`` None = absent) and where it came from."""

    name: str
    path: Path | None
    sha256: str | None
    origin: str  # the folder path or URL it was read from
    not_modified: bool = False  # HTTP 304: same bytes as the cached copy


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def is_url(text: str) -> bool:
    return text.startswith(("http://", "https://"))


def resolve_base(source: str | None = None, configured: tuple[str, bool] | None = None) -> tuple[str, bool]:
    """(base folder or URL, flat?) — explicit source, else ``FRONTLINE_REFERENCE_SOURCE``, else
    ``configured`` (the sources file's ``reference_source`` and whether its layout is flat),
    else the demo."""
    source = source or settings.reference_source()
    if source:
        return source, False
    if configured is not None and configured[0]:
        return configured
    return str(settings.DEMO_DIR / "gazetteer"), True


def configured_base(config: Any) -> tuple[str, bool] | None:
    """(reference_source, flat?) of a ``SourcesConfig``, or None when it does not say."""
    source = getattr(config, "reference_source", None)
    if not source:
        return None
    return source, getattr(config, "reference_layout", "tree") == "flat"


def file_location(ref: ReferenceFile, base: str, flat: bool, overrides: Mapping[str, str] | None = None) -> str:
    """Path or URL of one file under a base (or its sources.yaml override)."""
    if overrides and ref.name in overrides:
        return overrides[ref.name]
    rel = ref.flat_name if flat else ref.rel_path
    if is_url(base):
        return base.rstrip("/") + "/" + rel
    return str(Path(base) / rel)


def overrides_from_config(reference: Iterable[Mapping[str, Any]] | None, base_dir: Path | None = None) -> dict[str, str]:
    """``sources.yaml`` ``reference:`` entries naming one of ``REFERENCE_FILES`` → location."""
    out: dict[str, str] = {}
    for entry in reference or []:
        name = entry.get("name")
        if name not in FILES_BY_NAME or entry.get("enabled") is False:
            continue
        loc = entry.get("url") or entry.get("path")
        if loc:
            if not is_url(loc) and base_dir is not None and not Path(loc).is_absolute():
                loc = str(base_dir / loc)
            out[name] = loc
    return out


def cache_dir() -> Path:
    return settings.warehouse_path().parent / "reference_cache"


def fetch_files(names: Iterable[str] | None = None, source: str | None = None,
                overrides: Mapping[str, str] | None = None, client=None,
                download_dir: Path | None = None,
                configured: tuple[str, bool] | None = None) -> dict[str, LocalFile]:
    """Every requested reference file on local disk with its SHA-256 (absent → ``path=None``).

    URLs are fetched with ``HttpClient.fetch_to_file`` (conditional GET); a 404 on an
    optional file counts as absent.
    """
    base, flat = resolve_base(source, configured)
    refs = [FILES_BY_NAME[n] for n in names] if names is not None else list(REFERENCE_FILES)
    out: dict[str, LocalFile] = {}
    own_client = None
    try:
        for ref in refs:
            loc = file_location(ref, base, flat, overrides)
            if is_url(loc):
                from ingestion.http import HttpClient, HttpError

                if client is None:
                    client = own_client = HttpClient()
                target = (download_dir or cache_dir()) / ref.rel_path
                try:
                    res = client.fetch_to_file(loc, target, label="reference")
                except HttpError as exc:
                    if exc.status == 404 and ref.optional:
                        out[ref.name] = LocalFile(ref.name, None, None, loc)
                        continue
                    # name the reference file: "<url>: reference file 'towns': reference_too_large: ..."
                    raise HttpError(exc.url, f"reference file {ref.name!r}: {exc.reason}", exc.status) from exc
                out[ref.name] = LocalFile(ref.name, Path(res.path), res.sha256, loc, res.not_modified)
            else:
                path = Path(loc)
                if path.is_file():
                    out[ref.name] = LocalFile(ref.name, path, file_sha256(path), loc)
                elif ref.optional:
                    out[ref.name] = LocalFile(ref.name, None, None, loc)
                else:
                    raise FileNotFoundError(f"reference file {ref.name!r} not found at {loc}")
    finally:
        if own_client is not None:
            own_client.close()
    return out
