{{
    config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        on_schema_change='fail',
        unique_key='published_date',
        pre_hook="{{ delete_partition_window('published_date') }}",
    )
}}

with latest_reports as (

    select * from {{ ref('int_reports__latest') }}
    where {{ in_partition_window('published_date') }}

)

select
    report_id,
    report_version,
    url,
    outlet,
    title,
    published_at,
    published_date,
    fetched_at,
    language,
    content_hash,
    source_name,
    length(report_text) as text_chars
from latest_reports
