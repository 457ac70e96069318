-- One row per event of the community tracker of town control: its rows without those that
-- repeat another row's event under a second slug, the actor code resolved to dim_actor
-- ("AA" → AA, "MILITARY" → MILITARY, "KNLA" → KNU by acronym, "PDF_NUG" → PDF by its first
-- part; "UNKNOWN" → none) and the town to dim_place.
with tracker as (

    select * from {{ ref('stg_reference__town_control_events') }}
    where not is_alias_duplicate

),

actors as (

    select * from {{ ref('int_actors__lookup') }}

),

towns as (

    select place_key, name, township_name, state_name from {{ ref('dim_place') }}
    where level = 'town'

),

with_codes as (

    select
        *,
        lower(trim(actor_as_published)) as actor_code,
        lower(trim(split_part(actor_as_published, '_', 1))) as actor_code_head
    from tracker

),

resolved as (

    select
        md5(coalesce(with_codes.town_pcode, 'slug:' || with_codes.town_id)
            || '|' || cast(with_codes.event_date as varchar)
            || '|' || upper(with_codes.actor_as_published)) as tracker_event_id,
        with_codes.source_row,
        with_codes.town_id,
        with_codes.town_pcode,
        with_codes.town_match,
        towns.name as town_name,
        towns.township_name,
        towns.state_name,
        with_codes.event_date,
        with_codes.actor_as_published,
        coalesce(exact_code.actor_key, head_code.actor_key) as actor_key,
        coalesce(exact_code.canonical_name, head_code.canonical_name) as actor_name,
        with_codes.is_contested,
        with_codes.comment
    from with_codes
    left join actors as exact_code on exact_code.spelling = with_codes.actor_code
    left join actors as head_code on head_code.spelling = with_codes.actor_code_head
    left join towns on towns.place_key = with_codes.town_pcode

)

select * from resolved
qualify row_number() over (partition by tracker_event_id order by source_row) = 1
