-- The side an outlet speaks for, when it speaks for one: state media speak for the junta
-- (the outlet_sides seed, checked against the extractor's is_state_media by
-- tests/test_dbt_lookups.py). Every other outlet is 'independent' (its reports count for a
-- side only through their attribution: "the KIA said..."). Match is on the lower-cased
-- outlet name.
with state_media as (

    select outlet_name from {{ ref('outlet_sides') }}
    where outlet_side = 'junta'

),

outlets as (

    select distinct outlet from {{ ref('int_reports__latest') }}
    where outlet is not null

)

select
    outlets.outlet,
    case when state_media.outlet_name is not null then 'junta' else 'independent' end as outlet_side
from outlets
left join state_media on state_media.outlet_name = lower(trim(outlets.outlet))
