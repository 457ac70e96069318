"""The one daily partitioning shared by every partitioned asset: report publication days."""
from __future__ import annotations

import datetime as dt

from dagster import BackfillPolicy, DailyPartitionsDefinition

# Days in Myanmar time; the first partition is the month of the 2021 coup.
daily_partitions = DailyPartitionsDefinition(start_date="2021-02-01", timezone="Asia/Yangon")

# A backfill of any range is one run (one process, one dbt invocation), not one per day.
single_run = BackfillPolicy.single_run()


def range_tags(start: dt.date, end: dt.date) -> dict[str, str]:
    """Run tags that make one run cover every daily partition from start to end (inclusive)."""
    return {
        "dagster/asset_partition_range_start": start.isoformat(),
        "dagster/asset_partition_range_end": end.isoformat(),
    }
