-- One row per month and holder: the 2014 census population of the places each actor held
-- at the end of the month (or on the last date the reports cover, for the latest month).
-- Rule:
--   * only sites that are themselves a town, ward or township count (site_key 'place:...');
--     a base, an airport or another named site counts no population;
--   * township: its total population; ward: its own population; town: the urban
--     population of its township when it is the township's main town, else nothing
--     (the census gives towns no figure of their own);
--   * no double counting within one holder: a ward or town does not count when the same
--     holder holds its township, and a ward does not count when it holds its main town;
--   * contested places count for their holder and are also shown apart
--     (population_contested).
with periods as (

    select * from {{ ref('fct_control_periods') }}
    where holder_name is not null and site_key = 'place:' || place_key

),

places as (

    select * from {{ ref('int_places__matchable') }}
    where level in ('town', 'ward', 'township')

),

coverage as (

    select min(valid_from) as first_date, max(last_event_date) as last_date
    from {{ ref('fct_control_periods') }}

),

months as (

    select
        cast(month_start as date) as month_start,
        least(cast(month_start + interval 1 month - interval 1 day as date), coverage.last_date) as as_of_date
    from coverage,
        unnest(generate_series(date_trunc('month', coverage.first_date), date_trunc('month', coverage.last_date),
                               interval 1 month)) as t(month_start)

),

held as (

    select
        months.month_start,
        months.as_of_date,
        periods.holder_name,
        periods.holder_actor_key,
        periods.holder_side,
        periods.is_contested,
        places.place_key,
        places.level,
        places.township_pcode,
        places.is_main_town,
        coalesce(places.population_2014, 0) as population_2014
    from months
    inner join periods
        on periods.valid_from <= months.as_of_date
        and (periods.valid_to is null or periods.valid_to > months.as_of_date)
    inner join places on places.place_key = periods.place_key

),

counted as (

    select
        held.*,
        not exists (
            select 1 from held as outer_place
            where outer_place.month_start = held.month_start
              and outer_place.holder_name = held.holder_name
              and outer_place.township_pcode = held.township_pcode
              and (
                  (held.level in ('town', 'ward') and outer_place.level = 'township')
                  or (held.level = 'ward' and outer_place.level = 'town' and outer_place.is_main_town)
              )
        ) as is_counted
    from held

)

select
    month_start,
    as_of_date,
    holder_name,
    holder_actor_key,
    holder_side,
    count(*) as places_held,
    count(*) filter (where level = 'township') as townships_held,
    count(*) filter (where level = 'town') as towns_held,
    count(*) filter (where level = 'ward') as wards_held,
    count(*) filter (where is_contested) as places_contested,
    cast(coalesce(sum(population_2014) filter (where is_counted), 0) as bigint) as population_held,
    cast(coalesce(sum(population_2014) filter (where is_counted and is_contested), 0) as bigint)
        as population_contested,
    list(place_key order by place_key) as place_keys
from counted
group by month_start, as_of_date, holder_name, holder_actor_key, holder_side
