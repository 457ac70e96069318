-- The latest version of each report: later versions supersede earlier ones.
with reports as (

    select * from {{ ref('stg_raw__reports') }}

),

ranked as (

    select
        *,
        row_number() over (partition by report_id order by report_version desc) as version_rank
    from reports

)

select * exclude (version_rank)
from ranked
where version_rank = 1
