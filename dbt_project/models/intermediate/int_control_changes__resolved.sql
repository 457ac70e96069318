-- Control-change facts keyed to the dimensions. The place is resolved in this order:
--   1. unit_garrison: a place named after a unit (its base) → the unit's garrison township;
--   2. place_name:    a town, ward, village or township named in the text → the dim_place
--                     row of that name and level, within the fact's township/state;
--   3. township:      anything else → the fact's township (by name, within its state);
--   otherwise null. site_key identifies the exact place the fact is about (a base, a town,
--   a ward, "Bhamo Airport" in Bhamo township) so that events and periods are per site,
--   while place_key is the administrative place it rolls up to.
with facts as (

    select * from {{ ref('stg_raw__extracted_facts') }}
    where fact_kind = 'control_change'

),

reports as (

    select report_id, outlet from {{ ref('int_reports__latest') }}

),

units as (

    select * from {{ ref('dim_unit') }}

),

places as (

    select * from {{ ref('int_places__matchable') }}

),

actors as (

    select * from {{ ref('int_actors__lookup') }}

),

outlets as (

    select * from {{ ref('int_outlets__sides') }}

),

facts_normalised as (

    select
        facts.*,
        {{ normalize_place_name('facts.place_name') }} as place_name_norm,
        {{ normalize_place_name('facts.township') }} as township_norm,
        {{ normalize_state_name('facts.state') }} as state_norm,
        case facts.place_kind
            when 'town' then 'town'
            when 'urban_ward' then 'ward'
            when 'village' then 'village_tract'
            when 'township' then 'township'
        end as named_level
    from facts

),

named_matches as (  -- rule 2: the place by its name and level, inside the stated township/state

    select
        facts_normalised.fact_id,
        places.place_key
    from facts_normalised
    inner join places
        on places.level = facts_normalised.named_level
        and places.name_norm = facts_normalised.place_name_norm
        and (facts_normalised.township_norm is null
             or places.level = 'township'
             or places.township_name_norm = facts_normalised.township_norm)
        and (facts_normalised.state_norm is null or places.state_name_norm = facts_normalised.state_norm)
    qualify count(*) over (partition by facts_normalised.fact_id) = 1  -- ambiguous: no match

),

township_matches as (  -- rule 3: the stated township, by name within the stated state

    select
        facts_normalised.fact_id,
        places.place_key
    from facts_normalised
    inner join places
        on places.level = 'township'
        and places.name_norm = facts_normalised.township_norm
        and (facts_normalised.state_norm is null or places.state_name_norm = facts_normalised.state_norm)
    qualify count(*) over (partition by facts_normalised.fact_id) = 1

),

resolved as (

    select
        facts_normalised.*,
        reports.outlet,
        units.unit_key as known_unit_key,
        units.name_en as unit_name,
        units.lat is not null as unit_has_coordinates,
        case
            when units.garrison_township_pcode is not null then units.garrison_township_pcode
            when named_matches.place_key is not null then named_matches.place_key
            else township_matches.place_key
        end as place_key,
        case
            when units.garrison_township_pcode is not null then 'unit_garrison'
            when named_matches.place_key is not null then 'place_name'
            when township_matches.place_key is not null then 'township'
        end as place_resolution
    from facts_normalised
    left join reports on reports.report_id = facts_normalised.report_id
    left join units on units.unit_key = facts_normalised.unit_key
    left join named_matches on named_matches.fact_id = facts_normalised.fact_id
    left join township_matches on township_matches.fact_id = facts_normalised.fact_id

),

with_actors as (

    select
        resolved.*,
        actor_to.actor_key as actor_to_key,
        actor_to.side as actor_to_side,
        actor_from.actor_key as actor_from_key,
        actor_from.side as actor_from_side,
        attributed.actor_key as attributed_to_key,
        attributed.side as attributed_to_side,
        outlets.outlet_side
    from resolved
    left join actors as actor_to on actor_to.spelling = lower(trim(resolved.actor_to))
    left join actors as actor_from on actor_from.spelling = lower(trim(resolved.actor_from))
    left join actors as attributed on attributed.spelling = lower(trim(resolved.attributed_to))
    left join outlets on outlets.outlet = resolved.outlet

)

select
    fact_id,
    report_id,
    published_date,
    outlet,
    change,
    is_recapture,
    place_name,
    place_kind,
    place_key,
    place_resolution,
    case
        when unit_key is not null then 'unit:' || unit_key
        when place_resolution = 'place_name' then 'place:' || place_key
        when place_resolution = 'township' and place_kind = 'township' then 'place:' || place_key
        when place_name_norm is not null
            then 'name:' || coalesce(place_key, state_norm, 'unknown') || ':' || place_name_norm
    end as site_key,
    coalesce(unit_name, place_name) as site_name,
    unit_key,
    known_unit_key is not null as is_known_unit,
    unit_type,
    unit_number,
    township,
    state,
    actor_to,
    actor_to_key,
    actor_from,
    actor_from_key,
    attributed_to,
    attributed_to_key,
    -- who asserts the fact: the attributed actor's side, else the outlet's
    coalesce(attributed_to_side, outlet_side, 'independent') as source_side,
    event_date,
    event_date_end,
    coalesce(event_date, published_date) as effective_date,
    greatest(coalesce(event_date_end, event_date, published_date), coalesce(event_date, published_date))
        as effective_date_end,
    date_precision,
    {{ acled_time_precision('date_precision', 'event_date', 'event_date_end') }} as time_precision,
    case
        when place_resolution = 'unit_garrison' and not unit_has_coordinates then 2
        else {{ acled_geo_precision('place_resolution', 'place_kind') }}
    end as geo_precision,
    evidence,
    extraction_rule,
    extractor_version
from with_actors
