"""The HTML report: rendered from the fixture warehouse, self-contained, written atomically."""
from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET

import pytest

from reporting.html_report import map_svg, render_report, side_colour, write_report

pytestmark = pytest.mark.slow  # a dbt build of the fixture warehouse (session)


def test_render_report(con):
    page = render_report(con, generated_at=dt.datetime(2025, 3, 15, 12, 0))
    assert page.startswith("<!DOCTYPE html>")
    assert "As of 2025-03-14" in page
    assert "http://" not in page.replace("http://www.w3.org/2000/svg", "")  # nothing fetched
    assert "https://" not in page and "<script" not in page
    svgs = re.findall(r"<svg.*?</svg>", page, flags=re.S)
    assert len(svgs) == 2
    for svg in svgs:
        ET.fromstring(svg)  # well-formed
    timeline = ET.fromstring(svgs[1])
    tb5014 = [r for r in timeline.iter("{http://www.w3.org/2000/svg}rect") if r.get("data-site") == "unit:TB-5014"]
    assert [r.get("fill") for r in tb5014] == [side_colour("resistance"), side_colour("junta")]
    points = ET.fromstring(svgs[0]).findall("{http://www.w3.org/2000/svg}circle")
    assert len(points) >= 10
    assert "Tank Battalion 5014" in page


def test_map_places_points_inside_the_box():
    svg = ET.fromstring(map_svg([
        {"site_key": "a", "site_name": "Bhamo", "holder_name": "X", "holder_side": "junta", "is_contested": False,
         "lat": 24.255, "lon": 97.234},
        {"site_key": "b", "site_name": "Nowhere", "holder_name": None, "holder_side": None, "is_contested": False,
         "lat": None, "lon": None},
    ]))
    circles = svg.findall("{http://www.w3.org/2000/svg}circle")
    assert len(circles) == 1
    x, y = float(circles[0].get("cx")), float(circles[0].get("cy"))
    assert 0 < x < float(svg.get("width")) and 0 < y < float(svg.get("height"))
    assert circles[0].get("fill") == side_colour("junta")


def test_side_colours():
    assert side_colour("junta") != side_colour("resistance")
    assert side_colour("junta", contested=True) == side_colour("resistance", contested=True)


def test_write_report_is_atomic(tmp_path):
    target = tmp_path / "published" / "report.html"
    write_report("<html>one</html>", target)
    write_report("<html>two</html>", target)
    assert target.read_text() == "<html>two</html>"
    assert [p.name for p in target.parent.iterdir()] == ["report.html"]


def test_report_html_asset(built_warehouse, tmp_path):
    from dagster import materialize

    from orchestration.assets.report_html import report_html
    from orchestration.resources import PublishResource, WarehouseResource

    published = tmp_path / "published" / "frontline.duckdb"
    result = materialize(
        [report_html], partition_key="2025-03-14",
        resources={"warehouse": WarehouseResource(path=str(built_warehouse)),
                   "publish_target": PublishResource(path=str(published))})
    assert result.success
    assert "Tank Battalion 5014" in (published.parent / "report.html").read_text(encoding="utf-8")
