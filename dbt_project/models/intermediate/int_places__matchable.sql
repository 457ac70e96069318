-- The places a fact can name (townships, towns, wards, village tracts) with normalised
-- names for matching, and the 2014 census population this project counts for each:
--   township: its total population; ward / village tract: its own population;
--   town: the urban population of its township when it is the township's main town (same
--   name; the census counts a town only through the township's urban wards), else unknown.
-- wards_2014: the number of urban wards the census lists in the township (for a main town).
with places as (

    select * from {{ ref('dim_place') }}
    where level in ('township', 'town', 'ward', 'village_tract')

),

townships as (

    select place_key, name, pop_urban_2014
    from places
    where level = 'township'

),

ward_counts as (

    select township_pcode, count(*) as wards_2014
    from places
    where level = 'ward'
    group by township_pcode

)

select
    places.place_key,
    places.level,
    places.name,
    {{ normalize_place_name('places.name') }} as name_norm,
    places.township_pcode,
    places.township_name,
    {{ normalize_place_name('places.township_name') }} as township_name_norm,
    places.town_pcode,
    places.state_pcode,
    places.state_name,
    {{ normalize_state_name('places.state_name') }} as state_name_norm,
    places.level = 'town'
        and {{ normalize_place_name('places.name') }} = {{ normalize_place_name('townships.name') }}
        as is_main_town,
    case places.level
        when 'town' then
            case when {{ normalize_place_name('places.name') }} = {{ normalize_place_name('townships.name') }}
                 then townships.pop_urban_2014 end
        else places.pop_total_2014
    end as population_2014,
    case
        when places.level = 'township' then coalesce(ward_counts.wards_2014, 0)
        when places.level = 'town'
             and {{ normalize_place_name('places.name') }} = {{ normalize_place_name('townships.name') }}
             then coalesce(ward_counts.wards_2014, 0)
    end as wards_2014,
    places.lat,
    places.lon
from places
left join townships on townships.place_key = places.township_pcode
left join ward_counts on ward_counts.township_pcode = places.township_pcode
