"""The one place where Frontline's Dagster definitions are assembled."""
from __future__ import annotations

import os

os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")
os.environ.setdefault("DBT_SEND_ANONYMOUS_USAGE_STATS", "False")

from dagster import Definitions  # noqa: E402

from orchestration import freshness  # noqa: E402
from orchestration.assets import dbt_models, facts, gazetteer, publish, reference, report_html, reports  # noqa: E402
from orchestration.jobs import nightly_job, reference_job, reference_tables_job  # noqa: E402
from orchestration.resources import default_resources  # noqa: E402
from orchestration.schedules import nightly_schedule, reference_schedule  # noqa: E402
from quality.checks import facts as facts_checks  # noqa: E402
from quality.checks import marts as mart_checks  # noqa: E402
from quality.checks import reference as reference_checks  # noqa: E402
from quality.checks import reports as report_checks  # noqa: E402
from orchestration.sensors import inbox_sensor, reference_rebuild_sensor, run_failure_alert  # noqa: E402


def build_defs(resources: dict | None = None) -> Definitions:
    """The definitions with the given resources (tests point them at temporary files)."""
    return Definitions(
        assets=[
            *reference.reference_assets,
            dbt_models.dbt_reference_models,
            gazetteer.gazetteer,
            reports.raw_reports,
            facts.extracted_facts,
            dbt_models.dbt_fact_models,
            dbt_models.dbt_fact_builds,
            publish.published_warehouse,
            report_html.report_html,
        ],
        asset_checks=[*reference_checks.CHECKS, *report_checks.CHECKS, *facts_checks.CHECKS,
                      *mart_checks.CHECKS, *freshness.freshness_checks],
        jobs=[nightly_job, reference_tables_job, reference_job],
        schedules=[nightly_schedule, reference_schedule],
        sensors=[inbox_sensor, reference_rebuild_sensor, run_failure_alert, freshness.freshness_sensor],
        resources=resources or default_resources(),
    )


defs = build_defs()
