"""The static HTML report: a control timeline per place and a map of current control.

Pure Python: ``render_report(con)`` reads the marts from an open DuckDB connection and
returns one self-contained HTML page (inline SVG and CSS, no scripts, nothing fetched from
the internet). ``write_report`` writes it atomically (temporary file + ``os.replace``).
"""
from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

import duckdb

from ingestion.atomic import write_atomic
from ingestion.tables import table_exists

# Colours by side of the holder.
SIDE_COLOURS = {
    "junta": "#c0392b",
    "resistance": "#2471a3",
    None: "#9e9e9e",
}
CONTESTED_COLOUR = "#f39c12"
OTHER_SIDE_COLOUR = "#7d3c98"

# A rough bounding box of Myanmar (lon, lat).
BBOX = (92.1, 9.5, 101.2, 28.6)

TIMELINE_WIDTH = 640
ROW_HEIGHT = 18
LABEL_WIDTH = 230
MAP_WIDTH, MAP_HEIGHT = 360, 640


def side_colour(side: str | None, contested: bool = False) -> str:
    if contested:
        return CONTESTED_COLOUR
    return SIDE_COLOURS.get(side, OTHER_SIDE_COLOUR)


def _e(value) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _rows(con: duckdb.DuckDBPyConnection, sql: str) -> list[dict]:
    cur = con.execute(sql)
    cols = [c[0] for c in cur.description]
    return [dict(zip(cols, r)) for r in cur.fetchall()]


def load_periods(con: duckdb.DuckDBPyConnection) -> list[dict]:
    return _rows(con, """
        select site_key, site_name, township, state, holder_name, holder_side, is_contested,
               valid_from, valid_to
        from fct_control_periods
        order by state nulls last, township nulls last, site_name, valid_from""")


def load_current(con: duckdb.DuckDBPyConnection) -> list[dict]:
    """Current control with coordinates: the unit's base, else the place, else its township."""
    unit_coords = "left join dim_unit as u on u.unit_key = s.unit_key" if table_exists(con, "main", "dim_unit") else ""
    unit_lat = "u.lat" if unit_coords else "null"
    unit_lon = "u.lon" if unit_coords else "null"
    return _rows(con, f"""
        select s.site_key, s.site_name, s.township, s.holder_name, s.holder_side, s.is_contested,
               s.valid_from, s.as_of_date,
               coalesce({unit_lat}, p.lat) as lat, coalesce({unit_lon}, p.lon) as lon
        from mart_control_snapshot as s
        {unit_coords}
        left join dim_place as p on p.place_key = s.place_key
        order by s.site_key""")


def timeline_svg(periods: list[dict], start: dt.date, end: dt.date) -> str:
    """One row per site, one bar per period, coloured by the holder's side."""
    sites: dict[str, list[dict]] = {}
    for p in periods:
        sites.setdefault(p["site_key"], []).append(p)
    span = max((end - start).days, 1)
    scale = (TIMELINE_WIDTH - LABEL_WIDTH - 10) / span

    def x(day: dt.date) -> float:
        return LABEL_WIDTH + (day - start).days * scale

    height = ROW_HEIGHT * (len(sites) + 2)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="timeline" width="{TIMELINE_WIDTH}" '
             f'height="{height}" role="img" aria-label="Control timeline per place">']
    parts.append(f'<text x="{LABEL_WIDTH}" y="12" class="axis">{_e(start.isoformat())}</text>')
    parts.append(f'<text x="{TIMELINE_WIDTH - 10}" y="12" class="axis" text-anchor="end">{_e(end.isoformat())}</text>')
    for i, (site_key, rows) in enumerate(sites.items()):
        y = ROW_HEIGHT * (i + 1)
        label = f"{rows[0]['site_name']} ({rows[0]['township'] or '?'})"
        parts.append(f'<text x="0" y="{y + 13}" class="label">{_e(label)}</text>')
        for p in rows:
            x0 = x(p["valid_from"])
            x1 = x(p["valid_to"] or end)
            width = max(x1 - x0, 2)
            title = (f"{p['site_name']}: {p['holder_name'] or 'unknown'}"
                     f"{' (contested)' if p['is_contested'] else ''} from {p['valid_from']}"
                     f"{' to ' + str(p['valid_to']) if p['valid_to'] else ''}")
            parts.append(f'<rect x="{x0:.1f}" y="{y + 3}" width="{width:.1f}" height="{ROW_HEIGHT - 6}" '
                         f'fill="{side_colour(p["holder_side"], p["is_contested"])}" data-site="{_e(site_key)}">'
                         f'<title>{_e(title)}</title></rect>')
    parts.append("</svg>")
    return "".join(parts)


def map_svg(current: list[dict]) -> str:
    """Current control as a scatter over Myanmar's bounding box (lon → x, lat → y)."""
    lon0, lat0, lon1, lat1 = BBOX

    def xy(lat: float, lon: float) -> tuple[float, float]:
        return ((lon - lon0) / (lon1 - lon0) * MAP_WIDTH, (lat1 - lat) / (lat1 - lat0) * MAP_HEIGHT)

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="map" width="{MAP_WIDTH}" height="{MAP_HEIGHT}" '
             f'viewBox="0 0 {MAP_WIDTH} {MAP_HEIGHT}" role="img" aria-label="Map of current control">',
             f'<rect x="0" y="0" width="{MAP_WIDTH}" height="{MAP_HEIGHT}" fill="#f4f6f7" stroke="#bbb"/>']
    for lat in range(10, 29, 2):  # graticule
        _, y = xy(lat, lon0)
        parts.append(f'<line x1="0" x2="{MAP_WIDTH}" y1="{y:.1f}" y2="{y:.1f}" class="grid"/>'
                     f'<text x="2" y="{y - 2:.1f}" class="axis">{lat}°N</text>')
    for lon in range(93, 102, 2):
        x, _ = xy(lat0, lon)
        parts.append(f'<line y1="0" y2="{MAP_HEIGHT}" x1="{x:.1f}" x2="{x:.1f}" class="grid"/>'
                     f'<text x="{x + 2:.1f}" y="{MAP_HEIGHT - 4}" class="axis">{lon}°E</text>')
    placed = [c for c in current if c["lat"] is not None and c["lon"] is not None]
    for c in placed:
        x, y = xy(c["lat"], c["lon"])
        title = f"{c['site_name']}: {c['holder_name'] or 'unknown'}{' (contested)' if c['is_contested'] else ''}"
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{side_colour(c["holder_side"], c["is_contested"])}" '
                     f'stroke="#333" stroke-width="0.5" data-site="{_e(c["site_key"])}"><title>{_e(title)}</title></circle>')
    parts.append("</svg>")
    return "".join(parts)


def _legend() -> str:
    items = [("junta", SIDE_COLOURS["junta"]), ("resistance", SIDE_COLOURS["resistance"]),
             ("other side", OTHER_SIDE_COLOUR), ("contested", CONTESTED_COLOUR), ("unknown", SIDE_COLOURS[None])]
    return "".join(f'<span class="key"><span class="swatch" style="background:{c}"></span>{_e(n)}</span>'
                   for n, c in items)


def render_report(con: duckdb.DuckDBPyConnection, generated_at: dt.datetime | None = None) -> str:
    """The whole report as one HTML string (no external resources)."""
    periods = load_periods(con)
    current = load_current(con)
    generated = (generated_at or dt.datetime.now(dt.timezone.utc)).strftime("%Y-%m-%d %H:%M UTC")
    if periods:
        start = min(p["valid_from"] for p in periods)
        end = max([p["valid_to"] for p in periods if p["valid_to"]] + [c["as_of_date"] for c in current] + [start])
        end = max(end, start + dt.timedelta(days=1))
        timeline = timeline_svg(periods, start, end)
    else:
        timeline = "<p>No control periods yet.</p>"
    as_of = current[0]["as_of_date"] if current else None
    rows = "".join(
        f"<tr><td>{_e(c['site_name'])}</td><td>{_e(c['township'])}</td><td>{_e(c['holder_name'] or 'unknown')}</td>"
        f"<td>{_e(c['holder_side'] or '')}</td><td>{'yes' if c['is_contested'] else ''}</td><td>{_e(c['valid_from'])}</td></tr>"
        for c in sorted(current, key=lambda c: (c["township"] or "", c["site_name"] or "")))
    unplaced = sum(1 for c in current if c["lat"] is None or c["lon"] is None)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Frontline — territorial control</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 1.5em; color: #222; }}
h1 {{ font-size: 1.4em; }} h2 {{ font-size: 1.1em; margin-top: 1.5em; }}
.label {{ font-size: 11px; }} .axis {{ font-size: 9px; fill: #666; }}
.grid {{ stroke: #ddd; stroke-width: 0.5; }}
.key {{ margin-right: 1em; font-size: 0.9em; }}
.swatch {{ display: inline-block; width: 0.9em; height: 0.9em; margin-right: 0.3em; vertical-align: middle; }}
table {{ border-collapse: collapse; font-size: 0.9em; }} td, th {{ border-bottom: 1px solid #ddd; padding: 2px 8px; text-align: left; }}
.layout {{ display: flex; gap: 2em; flex-wrap: wrap; align-items: flex-start; }}
</style></head>
<body>
<h1>Frontline — territorial control in Myanmar</h1>
<p>As of {_e(as_of or 'n/a')} (latest date the reports cover); generated {_e(generated)}.
Control is what reports state, not verified fact.</p>
<p>{_legend()}</p>
<div class="layout">
<section><h2>Map of current control</h2>{map_svg(current)}
<p>{len(current) - unplaced} of {len(current)} sites placed (MIMU coordinates; bases at their unit's coordinates).</p></section>
<section><h2>Current control</h2>
<table><thead><tr><th>Site</th><th>Township</th><th>Holder</th><th>Side</th><th>Contested</th><th>Since</th></tr></thead>
<tbody>{rows}</tbody></table></section>
</div>
<h2>Control timeline per place</h2>
{timeline}
</body></html>
"""


def write_report(content: str, path: Path | str) -> Path:
    """Write the report atomically: a temporary file in the same folder, then os.replace."""
    return write_atomic(path, content, mode=0o644, fsync=True)
