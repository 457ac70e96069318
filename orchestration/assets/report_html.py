"""report_html: the static HTML report (timeline per place, map of current control).

Thin: reads the build warehouse read-only, renders with reporting.html_report and writes
warehouse/published/report.html atomically. Register it in orchestration/definitions.py.
"""

from dagster import AssetExecutionContext, AssetKey, MaterializeResult, MetadataValue, asset

from orchestration.partitions import daily_partitions, single_run
from orchestration.resources import PublishResource, WarehouseResource

# After publishing (so the report changes only when the gates passed), from these marts.
REPORT_DEPS = [AssetKey(name) for name in (
    "published_warehouse", "fct_control_periods", "mart_control_snapshot", "dim_place", "dim_unit")]


@asset(
    key=AssetKey("report_html"),
    group_name="report",
    deps=REPORT_DEPS,
    partitions_def=daily_partitions,
    backfill_policy=single_run,
    description="Static HTML report (control timeline per place, map of current control) "
    "written atomically to warehouse/published/report.html.",
)
def report_html(context: AssetExecutionContext, warehouse: WarehouseResource,
                publish_target: PublishResource) -> MaterializeResult:
    from reporting.html_report import render_report, write_report

    with warehouse.connect(read_only=True) as con:
        content = render_report(con)
    path = write_report(content, publish_target.folder / "report.html")
    context.log.info("report written to %s", path)
    return MaterializeResult(metadata={
        "path": MetadataValue.path(str(path)),
        "bytes": len(content.encode("utf-8")),
    })
