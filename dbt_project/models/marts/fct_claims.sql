{{
    config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        unique_key='published_date',
        pre_hook="{{ delete_partition_window('published_date') }}",
    )
}}

with claim_facts as (

    select * from {{ ref('stg_raw__extracted_facts') }}
    where fact_kind = 'claim'
      and {{ in_partition_window('published_date') }}

)

select
    fact_id,
    report_id,
    published_date,
    claimant,
    subject,
    metric,
    value,
    value_low,
    value_high,
    is_approximate,
    place_name,
    event_date,
    event_date_end,
    date_precision,
    evidence,
    extraction_rule,
    extractor_version
from claim_facts
