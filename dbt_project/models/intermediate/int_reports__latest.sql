-- The latest version of each report: later versions supersede earlier ones.
-- The latest version number of each report is found on two narrow columns, then joined back
-- ((report_id, report_version) is raw.reports' primary key): a filter on this view (the
-- partition window on published_date, in dim_report) then reaches the scan of the reports,
-- and only the window's texts are read. A row_number() window over every report carried
-- every report's text through the window operator each night (a year: 365,000 texts). The
-- staging view is named twice, not shared through a CTE: DuckDB materializes a CTE read
-- twice, texts included.
with latest_versions as (

    select
        report_id,
        max(report_version) as report_version
    from {{ ref('stg_raw__reports') }}
    group by report_id

)

select reports.*
from {{ ref('stg_raw__reports') }} as reports
inner join latest_versions using (report_id, report_version)
