{{
    config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        unique_key='published_date',
        pre_hook="{{ delete_partition_window('published_date') }}",
    )
}}

with control_facts as (

    select * from {{ ref('stg_raw__extracted_facts') }}
    where fact_kind = 'control_change'
      and {{ in_partition_window('published_date') }}

)

select
    fact_id,
    report_id,
    published_date,
    change,
    is_recapture,
    place_name,
    place_kind,
    unit_key,
    unit_type,
    unit_number,
    township,
    state,
    actor_to,
    actor_from,
    attributed_to,
    event_date,
    event_date_end,
    date_precision,
    evidence,
    extraction_rule,
    extractor_version
from control_facts
