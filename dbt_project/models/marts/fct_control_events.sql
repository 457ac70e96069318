{#- Incremental within a site: an event can be reported over several days, so merging inside
    one partition window would split it. A run recomputes the date ranges of each site and
    kind of event that its window can change (int_control_events__ranges: the islands, with
    a day of slack, of the window's facts and of the stored events it replaced, among all
    the site's facts and stored events); the pre-hook deletes the stored events in those
    ranges, and the events recomputed from the facts in them are inserted. That gives what a
    full rebuild gives (a test compares) at a cost that follows the night's islands, not the
    length of a site's history. -#}
{{
    config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        unique_key='event_id',
        on_schema_change='fail',
        pre_hook="{{ delete_recomputed_ranges('int_control_events__ranges', ['site_key', 'event_class'], 'event_date', 'event_date_end') }}",
    )
}}
-- depends_on: {{ ref('int_control_events__ranges') }}

-- One row per control event: the facts of several reports/outlets about the same change
-- at the same site merged. Facts merge when they have
--   * the same site (site_key),
--   * the same kind of change: 'captured' and 'withdrew' are one kind (a change of control:
--     "the KIA captured IB 236" and "troops were relocated from IB 236" are the same event
--     told by each side); 'contested' and 'held' are kinds of their own,
--   * the same actor: the new holder (actor_to); a withdrawal that names none takes the
--     captor of an overlapping capture at the site, else stays "withdrawal of actor_from",
--   * overlapping dates, with one day of slack ([date, date_end] intervals that overlap or
--     touch within a day: outlets often date an event a day apart).
with changes as (

    select * from {{ ref('fct_control_changes') }}
    where site_key is not null

),

all_classified as (

    select
        *,
        {{ control_event_class('change') }} as event_class
    from changes

),

classified as (  -- on an incremental run, the facts in the ranges to recompute only

    select all_classified.*
    from all_classified
    {% if is_incremental() -%}
    inner join {{ ref('int_control_events__ranges') }} as ranges
        on ranges.site_key = all_classified.site_key
        and ranges.event_class = all_classified.event_class
        and all_classified.effective_date between ranges.range_start and ranges.range_end
    {%- endif %}

),

withdrawal_captors as (  -- the captor of an overlapping capture, for withdrawals naming none

    select
        withdrawals.fact_id,
        min(captures.actor_to) as captor
    from classified as withdrawals
    inner join classified as captures
        on captures.site_key = withdrawals.site_key
        and captures.change = 'captured'
        and captures.actor_to is not null
        and captures.effective_date <= withdrawals.effective_date_end + 1
        and withdrawals.effective_date <= captures.effective_date_end + 1
        and (withdrawals.actor_from is null or captures.actor_from is null
             or captures.actor_from = withdrawals.actor_from)
    where withdrawals.change = 'withdrew' and withdrawals.actor_to is null
    group by withdrawals.fact_id

),

keyed as (

    select
        classified.*,
        case
            when classified.event_class = 'contested' then ''
            when classified.actor_to is not null then classified.actor_to
            when withdrawal_captors.captor is not null then withdrawal_captors.captor
            when classified.change = 'withdrew' then 'withdrawal of ' || coalesce(classified.actor_from, 'unknown')
            else ''
        end as merge_actor
    from classified
    left join withdrawal_captors on withdrawal_captors.fact_id = classified.fact_id

),

islands as (  -- gaps and islands over the date intervals of one site, kind and actor

    select
        *,
        max(effective_date_end) over (
            partition by site_key, event_class, merge_actor
            order by effective_date, effective_date_end, fact_id
            rows between unbounded preceding and 1 preceding
        ) as previous_max_end
    from keyed

),

numbered as (

    select
        *,
        sum(case when previous_max_end is null or effective_date > previous_max_end + 1 then 1 else 0 end) over (
            partition by site_key, event_class, merge_actor
            order by effective_date, effective_date_end, fact_id
            rows between unbounded preceding and current row
        ) as event_number
    from islands

),

events as (

    select
        site_key,
        event_class,
        merge_actor,
        event_number,
        min(effective_date) as event_date,
        max(effective_date_end) as event_date_end,
        -- a change of control is a capture when any report says so, else a withdrawal
        case
            when event_class = 'change_of_control'
                then case when bool_or(change = 'captured') then 'captured' else 'withdrew' end
            else any_value(change)
        end as change,
        mode(site_name order by fact_id) as site_name,
        mode(place_name order by fact_id) as place_name,
        mode(place_kind order by fact_id) as place_kind,
        mode(place_key order by fact_id) as place_key,
        mode(unit_key order by fact_id) as unit_key,
        mode(township order by fact_id) as township,
        mode(state order by fact_id) as state,
        coalesce(mode(actor_to order by fact_id), nullif(merge_actor, '')) as actor_to_name,
        mode(actor_to_key order by fact_id) as actor_to_key,
        mode(actor_from order by fact_id) as actor_from_name,
        mode(actor_from_key order by fact_id) as actor_from_key,
        bool_or(coalesce(is_recapture, false)) as is_recapture,
        min(time_precision) as time_precision,
        min(geo_precision) as geo_precision,
        count(*) as n_facts,
        count(distinct report_id) as n_reports,
        count(distinct outlet) as n_outlets,
        list(distinct outlet order by outlet) filter (where outlet is not null) as outlets,
        list(distinct report_id order by report_id) as report_ids,
        list(fact_id order by fact_id) as fact_ids,
        list(distinct source_side order by source_side) as source_sides,
        list(distinct attributed_to order by attributed_to) filter (where attributed_to is not null)
            as attributed_to,
        min(published_date) as first_reported,
        max(published_date) as last_reported,
        bool_or(source_side = 'junta') as has_junta_source,
        bool_or(source_side is not null and source_side not in ('junta', 'independent'))
            as has_opposing_source
    from numbered
    group by site_key, event_class, merge_actor, event_number

)

select
    md5(site_key || '|' || event_class || '|' || merge_actor || '|' || cast(event_date as varchar))
        as event_id,
    site_key,
    site_name,
    place_name,
    place_kind,
    place_key,
    unit_key,
    township,
    state,
    event_class,
    change,
    is_recapture,
    actor_to_name,
    actor_to_key,
    actor_from_name,
    actor_from_key,
    event_date,
    event_date_end,
    cast(strftime(event_date, '%Y%m%d') as integer) as event_date_key,
    time_precision,
    geo_precision,
    n_facts,
    n_reports,
    n_outlets,
    outlets,
    report_ids,
    fact_ids,
    attributed_to,
    source_sides,
    first_reported,
    last_reported,
    case
        when has_junta_source and has_opposing_source then 'confirmed_both_sides'
        when has_junta_source or has_opposing_source then 'one_side'
        else 'unattributed'
    end as confirmation
from events
