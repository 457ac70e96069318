-- One row per Myanmar Armed Forces unit (unverified community lists). A unit listed twice
-- (the artillery list repeats some battalions under two commands) keeps its first row;
-- listed_times says how often it appears.

with units as (

    select * from {{ ref('stg_reference__units') }}

),

townships as (

    select place_key, name, state_name from {{ ref('dim_place') }}
    where level = 'township'

),

commands as (  -- regional military commands by English name, for MOC/ROC/LID parents

    select unit_key as command_key, lower(name_en) as command_name
    from units
    where unit_type = 'regional_military_command'

),

ranked as (

    select
        *,
        count(*) over (partition by unit_key) as listed_times,
        row_number() over (partition by unit_key order by source_list, source_row) as rn
    from units

),

first_listing as (

    select * from ranked where rn = 1

)

select
    u.unit_key,
    u.unit_type,
    split_part(u.unit_key, '-', 1) as unit_prefix,
    u.unit_number,
    u.name_en,
    u.name_mm,
    u.abbr_mm,
    u.garrison_name,
    u.garrison_town_pcode,
    u.garrison_township_pcode,
    t.name as garrison_township_name,
    t.state_name as garrison_state_name,
    u.garrison_match,
    u.location_en,
    u.location_mm,
    u.parent_command,
    c.command_key as parent_command_key,
    u.lat,
    u.lon,
    u.status as status_claimed,
    u.type_as_published,
    u.source_list,
    cast(u.listed_times as integer) as listed_times
from first_listing as u
left join townships as t on t.place_key = u.garrison_township_pcode
left join commands as c on c.command_name = lower(u.parent_command)
