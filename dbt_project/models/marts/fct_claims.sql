{#- Incremental by report publication day, like fct_control_changes. -#}
{{
    config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        on_schema_change='fail',
        unique_key='published_date',
        pre_hook="{{ delete_partition_window('published_date') }}",
    )
}}

with claims as (

    select * from {{ ref('int_claims__resolved') }}
    where {{ in_partition_window('published_date') }}

)

select
    fact_id,
    report_id,
    published_date,
    cast(strftime(published_date, '%Y%m%d') as integer) as published_date_key,
    outlet,
    claimant,
    claimant_key,
    claimant_side,
    subject,
    subject_key,
    metric,
    value,
    value_low,
    value_high,
    is_approximate,
    point_value,
    place_name,
    place_name_norm,
    place_key,
    event_date,
    event_date_end,
    cast(strftime(event_date, '%Y%m%d') as integer) as event_date_key,
    effective_date,
    effective_date_end,
    date_precision,
    time_precision,
    evidence,
    extraction_rule,
    extractor_version
from claims
