-- The side an outlet speaks for, when it speaks for one: state media speak for the junta.
-- Every other outlet is 'independent' (its reports count for a side only through their
-- attribution: "the KIA said..."). Kept here as a short hand list until the reference
-- data carries outlets; match is on the lower-cased outlet name.
with state_media (outlet_name) as (

    values
        ('state bulletin'),                  -- the demo's junta-side outlet
        ('global new light of myanmar'),
        ('the global new light of myanmar'),
        ('gnlm'),
        ('mrtv'),
        ('myawady'),
        ('myawady tv'),
        ('the mirror'),
        ('kyemon')

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
