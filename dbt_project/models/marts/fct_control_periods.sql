{#- Incremental by site, as fct_control_events: the sites a run touches are recomputed whole
    from their events. -#}
{{
    config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        unique_key='site_key',
        on_schema_change='fail',
        pre_hook="{{ delete_touched_sites() }}",
        post_hook="{{ create_control_as_of_table_macro() }}",
    )
}}
-- depends_on: {{ ref('int_control_sites__touched') }}

-- One row per site and period of unchanged control: who held it from valid_from until
-- valid_to (exclusive; null = still holds as far as the reports tell), and whether it was
-- contested. Derived from the site's events in date order:
--   captured  → actor_to holds from the event date (contest over);
--   held      → actor_to holds (a new period only if the holder differs; contest over);
--   withdrew  → actor_from leaves: actor_to holds if named, else nobody known; ignored when
--               actor_from is not the holder at that time (attackers pulling back);
--   contested → the holder stays (or actor_to, if the report names who holds) and the
--               period is flagged contested from that date.
-- Events of one day apply in the order held, contested, withdrew, captured.
with events as (

    select * from {{ ref('fct_control_events') }}
    where {{ only_touched_sites() }}

),

actors as (

    select actor_key, canonical_name, side from {{ ref('dim_actor') }}

),

ordered as (

    select
        *,
        case change when 'held' then 1 when 'contested' then 2 when 'withdrew' then 3 else 4 end
            as change_order
    from events

),

holder_hints as (  -- the holder named by earlier captures and holds, to judge withdrawals

    select
        *,
        last_value(case when change in ('captured', 'held') then actor_to_name end ignore nulls) over (
            partition by site_key order by event_date, change_order, event_id
            rows between unbounded preceding and 1 preceding
        ) as holder_before
    from ordered

),

asserted as (

    select
        *,
        case
            when change in ('captured', 'held') then actor_to_name
            when change = 'withdrew'
                 and (holder_before is null or actor_from_name is null or actor_from_name = holder_before)
                then coalesce(actor_to_name, '~nobody')
            when change = 'contested' then actor_to_name
        end as holder_asserted,
        case
            when change = 'contested' then true
            when change in ('captured', 'held') then false
            when change = 'withdrew'
                 and (holder_before is null or actor_from_name is null or actor_from_name = holder_before)
                then false
        end as contested_asserted
    from holder_hints

),

states as (

    select
        *,
        last_value(holder_asserted ignore nulls) over w as holder_state,
        coalesce(last_value(contested_asserted ignore nulls) over w, false) as contested_state
    from asserted
    window w as (
        partition by site_key order by event_date, change_order, event_id
        rows between unbounded preceding and current row
    )

),

changes_of_state as (

    select
        *,
        case
            when lag(holder_state) over w is distinct from holder_state
              or lag(contested_state) over w is distinct from contested_state
              or row_number() over w = 1
            then 1 else 0
        end as starts_period
    from states
    window w as (partition by site_key order by event_date, change_order, event_id)

),

numbered as (

    select
        *,
        sum(starts_period) over (
            partition by site_key order by event_date, change_order, event_id
            rows between unbounded preceding and current row
        ) as period_number
    from changes_of_state

),

periods as (

    select
        site_key,
        period_number,
        any_value(site_name) as site_name,
        any_value(place_kind) as place_kind,
        any_value(place_key) as place_key,
        any_value(unit_key) as unit_key,
        any_value(township) as township,
        any_value(state) as state,
        nullif(any_value(holder_state), '~nobody') as holder_name,
        any_value(contested_state) as is_contested,
        min(event_date) as valid_from,
        arg_min(event_id, event_date) as opening_event_id,
        arg_min(change, event_date) as opening_change,
        arg_min(confirmation, event_date) as opening_confirmation,
        max(event_date) as last_event_date,
        count(*) as n_events,
        list(event_id order by event_date, change_order, event_id) as event_ids
    from numbered
    group by site_key, period_number

),

bounded as (

    select
        *,
        lead(valid_from) over (partition by site_key order by period_number) as valid_to
    from periods

)

select
    md5(bounded.site_key || '|' || cast(bounded.period_number as varchar)) as period_id,
    bounded.site_key,
    bounded.site_name,
    bounded.place_kind,
    bounded.place_key,
    bounded.unit_key,
    bounded.township,
    bounded.state,
    bounded.holder_name,
    actors.actor_key as holder_actor_key,
    actors.side as holder_side,
    bounded.is_contested,
    bounded.valid_from,
    bounded.valid_to,
    cast(strftime(bounded.valid_from, '%Y%m%d') as integer) as valid_from_key,
    cast(strftime(bounded.valid_to, '%Y%m%d') as integer) as valid_to_key,
    bounded.valid_to is null as is_current,
    bounded.opening_event_id,
    bounded.opening_change,
    bounded.opening_confirmation,
    bounded.last_event_date,
    bounded.n_events,
    bounded.event_ids
from bounded
left join actors on actors.canonical_name = bounded.holder_name
-- a state that changed again the same day held for no time: not a period
where bounded.valid_to is null or bounded.valid_to > bounded.valid_from
