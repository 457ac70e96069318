-- One row per place: state/region → district → township → town → ward / village tract.
-- place_key is the MIMU P-code; wards and village tracts have none in the census file, so
-- their key is synthetic and stable: <township P-code>-W|VT-<name letters>[-<n>], n only
-- for the second, third... place of one name in one township (NawngMo in Bhamo, twice).
-- State P-codes come from the township P-code (the census file merges Bago as MMR111 and
-- Shan as MMR222); split states take MIMU's names ("Shan (North)"). MIMU townships absent
-- from the 2014 census (the Wa SAD's newer 3xx townships) are level 'sub_township'.

with townships as (

    select * from {{ ref('stg_reference__townships') }}

),

towns as (

    select * from {{ ref('stg_reference__towns') }}

),

wards as (

    select * from {{ ref('stg_reference__wards_village_tracts') }}
    where township_pcode is not null

),

mimu_state_names as (  -- the census merges Bago (MMR111) and Shan (MMR222); MIMU splits them

    select state_pcode, any_value(state_name) as state_name from towns group by state_pcode

),

township_candidates as (

    select township_pcode, township_name, district_pcode, district_name, state_name,
           pop_total, pop_urban, pop_rural, true as in_census, 1 as priority
    from townships
    union all
    select distinct township_pcode, township_name, district_pcode, district_name, state_name,
           cast(null as bigint), cast(null as bigint), cast(null as bigint), false, 2
    from towns

),

township_chain as (  -- every township either file names, census first; state from the P-code

    select
        c.* exclude (priority, state_name),
        left(c.township_pcode, 6) as state_pcode,
        coalesce(m.state_name, c.state_name) as state_name
    from township_candidates as c
    left join mimu_state_names as m on m.state_pcode = left(c.township_pcode, 6)
    qualify row_number() over (partition by c.township_pcode order by c.priority, c.township_name) = 1

),

has_census as (

    select count(*) > 0 as loaded from townships

),

capitals as (  -- coordinates for states, districts, townships: their capital / main town

    select
        township_pcode, district_pcode, state_pcode, town_name, town_level, lat, lon
    from towns

),

state_rows as (

    select
        state_pcode as place_key,
        'state' as level,
        any_value(state_name) as name,
        cast(null as varchar) as name_mm,
        state_pcode, any_value(state_name) as state_name,
        cast(null as varchar) as district_pcode, cast(null as varchar) as district_name,
        cast(null as varchar) as township_pcode, cast(null as varchar) as township_name,
        cast(null as varchar) as town_pcode, cast(null as varchar) as town_name,
        cast(null as varchar) as parent_key,
        case when (select loaded from has_census) then sum(pop_total) end as pop_total,
        case when (select loaded from has_census) then sum(pop_urban) end as pop_urban,
        case when (select loaded from has_census) then sum(pop_rural) end as pop_rural
    from township_chain
    group by state_pcode

),

district_rows as (

    select
        district_pcode as place_key,
        'district' as level,
        any_value(district_name) as name,
        cast(null as varchar) as name_mm,
        any_value(state_pcode) as state_pcode, any_value(state_name) as state_name,
        district_pcode, any_value(district_name) as district_name,
        cast(null as varchar) as township_pcode, cast(null as varchar) as township_name,
        cast(null as varchar) as town_pcode, cast(null as varchar) as town_name,
        any_value(state_pcode) as parent_key,
        case when (select loaded from has_census) then sum(pop_total) end as pop_total,
        case when (select loaded from has_census) then sum(pop_urban) end as pop_urban,
        case when (select loaded from has_census) then sum(pop_rural) end as pop_rural
    from township_chain
    group by district_pcode

),

township_rows as (

    select
        township_pcode as place_key,
        -- MIMU townships the 2014 census did not have (Wa SAD, 3xx codes) when it is loaded
        case when in_census or not (select loaded from has_census) then 'township' else 'sub_township' end as level,
        township_name as name,
        cast(null as varchar) as name_mm,
        state_pcode, state_name, district_pcode, district_name, township_pcode, township_name,
        cast(null as varchar) as town_pcode, cast(null as varchar) as town_name,
        district_pcode as parent_key,
        pop_total, pop_urban, pop_rural
    from township_chain

),

town_rows as (

    select
        towns.town_pcode as place_key,
        'town' as level,
        towns.town_name as name,
        towns.town_name_mm as name_mm,
        chain.state_pcode, chain.state_name, chain.district_pcode, chain.district_name,
        towns.township_pcode, chain.township_name,
        towns.town_pcode, towns.town_name,
        towns.township_pcode as parent_key,
        cast(null as bigint) as pop_total, cast(null as bigint) as pop_urban, cast(null as bigint) as pop_rural
    from towns
    left join township_chain as chain using (township_pcode)

),

ward_rows as (

    select
        wards.township_pcode
            || case wards.place_type when 'ward' then '-W-' else '-VT-' end
            || lower(regexp_replace(wards.name, '[^A-Za-z0-9]+', '', 'g'))
            || case when wards.duplicate_ordinal > 1 then '-' || wards.duplicate_ordinal else '' end
            as place_key,
        wards.place_type as level,
        wards.name,
        cast(null as varchar) as name_mm,
        chain.state_pcode, chain.state_name, chain.district_pcode, chain.district_name,
        wards.township_pcode, chain.township_name,
        cast(null as varchar) as town_pcode, cast(null as varchar) as town_name,
        wards.township_pcode as parent_key,
        wards.pop_total,
        case when wards.place_type = 'ward' then wards.pop_total else 0 end as pop_urban,
        case when wards.place_type = 'village_tract' then wards.pop_total else 0 end as pop_rural
    from wards
    left join township_chain as chain using (township_pcode)

),

places as (

    select * from state_rows
    union all by name select * from district_rows
    union all by name select * from township_rows
    union all by name select * from town_rows
    union all by name select * from ward_rows

),

with_coordinates as (

    select
        places.*,
        coalesce(own_town.lat, ward_coords.lat, capital.lat) as lat,
        coalesce(own_town.lon, ward_coords.lon, capital.lon) as lon
    from places
    left join towns as own_town
        on places.level = 'town' and own_town.town_pcode = places.place_key
    left join (
        select place_key, lat, lon from (
            select
                township_pcode
                    || case place_type when 'ward' then '-W-' else '-VT-' end
                    || lower(regexp_replace(name, '[^A-Za-z0-9]+', '', 'g'))
                    || case when duplicate_ordinal > 1 then '-' || duplicate_ordinal else '' end as place_key,
                lat, lon
            from wards
        )
    ) as ward_coords
        on places.level in ('ward', 'village_tract') and ward_coords.place_key = places.place_key
    left join (
        select
            level, key, lat, lon
        from (
            select 'state' as level, state_pcode as key, lat, lon,
                   row_number() over (partition by state_pcode
                                      order by town_level in ('State/Region Capital', 'Union Capital') desc, town_name) as rn
            from capitals
            union all
            select 'district', district_pcode, lat, lon,
                   row_number() over (partition by district_pcode
                                      order by town_level in ('District Capital', 'State/Region Capital', 'Union Capital') desc, town_name)
            from capitals
            union all
            select 'township', capitals.township_pcode, lat, lon,
                   row_number() over (partition by capitals.township_pcode
                                      order by town_level = 'Other Town', town_name)
            from capitals
        )
        where rn = 1
    ) as capital
        on capital.level = places.level and capital.key = places.place_key

)

select
    place_key,
    level,
    name,
    name_mm,
    parent_key,
    state_pcode,
    state_name,
    district_pcode,
    district_name,
    township_pcode,
    township_name,
    town_pcode,
    town_name,
    pop_total as pop_total_2014,
    pop_urban as pop_urban_2014,
    pop_rural as pop_rural_2014,
    lat,
    lon
from with_coordinates
