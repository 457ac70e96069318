{#- The window (days either side of a date) within which a Frontline change and a tracker
    event at the same town count as the same event: dbt var tracker_window_days, else the
    environment variable FRONTLINE_TRACKER_WINDOW_DAYS, else 7. -#}
{%- set window_days = var('tracker_window_days', env_var('FRONTLINE_TRACKER_WINDOW_DAYS', '7')) | int -%}

-- Frontline against the community tracker of town control, per town and overall.
-- Each tracker event (deduplicated, town resolved) is compared with Frontline's changes of
-- control at the same town whose dates [event_date, event_date_end] come within the window:
--   agreed            a change to the same holder (or a withdrawal by another actor, which
--                     leaves the place to the tracker's actor);
--   holder_disagrees  no such change, but one naming another holder;
--   outside_coverage  none, and the date lies outside the days Frontline has reports for;
--   tracker_only      none (Frontline has reports for those days, no such change);
--   unresolved_town   the tracker's slug names no town of the gazetteer (not compared).
-- Each Frontline change at a town gets agreed / holder_disagrees / outside_tracker_span
-- (outside the tracker's dates) / frontline_only the same way.
with tracker as (

    select * from {{ ref('int_tracker_events__resolved') }}

),

towns as (

    select place_key as town_pcode, name as town_name, township_name, state_name
    from {{ ref('dim_place') }}
    where level = 'town'

),

frontline as (  -- Frontline's changes of control at a town (not at a base, ward or township)

    select
        events.event_id,
        events.place_key as town_pcode,
        events.event_date,
        events.event_date_end,
        events.change,
        events.actor_to_key as holder_key,
        events.actor_to_name as holder_name,
        case when events.actor_to_key is null and events.change = 'withdrew'
             then events.actor_from_key end as leaver_key
    from {{ ref('fct_control_events') }} as events
    inner join towns on towns.town_pcode = events.place_key
    where events.event_class = 'change_of_control'

),

frontline_coverage as (  -- the days Frontline has reports for, widened by the window

    select
        min(published_date) - {{ window_days }} as first_day,
        max(published_date) + {{ window_days }} as last_day
    from {{ ref('dim_report') }}

),

tracker_span as (

    select
        min(event_date) - {{ window_days }} as first_day,
        max(event_date) + {{ window_days }} as last_day
    from tracker

),

pairs as (  -- a tracker event and a Frontline change at the same town within the window

    select
        tracker.tracker_event_id,
        frontline.event_id,
        case
            when frontline.holder_key = tracker.actor_key then 'same_holder'
            when frontline.leaver_key is not null and tracker.actor_key is not null
                 and frontline.leaver_key <> tracker.actor_key then 'same_holder'
            when frontline.holder_key is not null and tracker.actor_key is not null then 'other_holder'
            else 'holder_unknown'
        end as relation
    from tracker
    inner join frontline
        on frontline.town_pcode = tracker.town_pcode
        and tracker.event_date between frontline.event_date - {{ window_days }}
                                   and frontline.event_date_end + {{ window_days }}

),

tracker_matches as (

    select
        tracker_event_id,
        bool_or(relation = 'same_holder') as has_same_holder,
        bool_or(relation = 'other_holder') as has_other_holder,
        list(distinct event_id order by event_id) as frontline_event_ids
    from pairs
    group by tracker_event_id

),

frontline_matches as (

    select
        event_id,
        bool_or(relation = 'same_holder') as has_same_holder,
        bool_or(relation = 'other_holder') as has_other_holder,
        list(distinct tracker_event_id order by tracker_event_id) as tracker_event_ids
    from pairs
    group by event_id

),

tracker_status as (

    select
        tracker.tracker_event_id,
        tracker.town_pcode,
        tracker.town_id,
        tracker.event_date,
        tracker.actor_as_published,
        tracker.actor_key,
        case
            when tracker.town_pcode is null then 'unresolved_town'
            when matches.has_same_holder then 'agreed'
            when matches.has_other_holder then 'holder_disagrees'
            when coverage.first_day is null
                or tracker.event_date not between coverage.first_day and coverage.last_day then 'outside_coverage'
            else 'tracker_only'
        end as status,
        coalesce(matches.frontline_event_ids, []) as frontline_event_ids
    from tracker
    cross join frontline_coverage as coverage
    left join tracker_matches as matches on matches.tracker_event_id = tracker.tracker_event_id

),

frontline_status as (

    select
        frontline.event_id,
        frontline.town_pcode,
        frontline.event_date,
        frontline.change,
        frontline.holder_name,
        case
            when matches.has_same_holder then 'agreed'
            when matches.has_other_holder then 'holder_disagrees'
            when span.first_day is null
                or frontline.event_date_end < span.first_day
                or frontline.event_date > span.last_day then 'outside_tracker_span'
            else 'frontline_only'
        end as status,
        coalesce(matches.tracker_event_ids, []) as tracker_event_ids
    from frontline
    cross join tracker_span as span
    left join frontline_matches as matches on matches.event_id = frontline.event_id

),

tracker_counts as (  -- per town; unresolved slugs form the group of town null

    select
        town_pcode,
        count(*) as tracker_events,
        count(*) filter (where status = 'agreed') as tracker_agreed,
        count(*) filter (where status = 'holder_disagrees') as tracker_holder_disagrees,
        count(*) filter (where status = 'tracker_only') as tracker_only,
        count(*) filter (where status = 'outside_coverage') as tracker_outside_coverage,
        count(*) filter (where status = 'unresolved_town') as tracker_unresolved_towns,
        list(struct_pack(tracker_event_id, town_id, event_date, actor_as_published, actor_key, status,
                         frontline_event_ids) order by event_date, tracker_event_id) as tracker_details
    from tracker_status
    group by town_pcode

),

frontline_counts as (

    select
        town_pcode,
        count(*) as frontline_changes,
        count(*) filter (where status = 'agreed') as frontline_agreed,
        count(*) filter (where status = 'holder_disagrees') as frontline_holder_disagrees,
        count(*) filter (where status = 'frontline_only') as frontline_only,
        count(*) filter (where status = 'outside_tracker_span') as frontline_outside_tracker_span,
        list(struct_pack(event_id, event_date, change, holder_name, status, tracker_event_ids)
             order by event_date, event_id) as frontline_details
    from frontline_status
    group by town_pcode

),

town_counts as (

    select
        'town' as scope,
        coalesce(tracker_counts.town_pcode, frontline_counts.town_pcode) as town_pcode,
        tracker_counts.* exclude (town_pcode),
        frontline_counts.* exclude (town_pcode)
    from tracker_counts
    full outer join frontline_counts on frontline_counts.town_pcode = tracker_counts.town_pcode
    where coalesce(tracker_counts.town_pcode, frontline_counts.town_pcode) is not null

),

overall_counts as (

    select
        'overall' as scope,
        cast(null as varchar) as town_pcode,
        cast(coalesce((select sum(tracker_events) from tracker_counts), 0) as bigint) as tracker_events,
        cast(coalesce((select sum(tracker_agreed) from tracker_counts), 0) as bigint) as tracker_agreed,
        cast(coalesce((select sum(tracker_holder_disagrees) from tracker_counts), 0) as bigint) as tracker_holder_disagrees,
        cast(coalesce((select sum(tracker_only) from tracker_counts), 0) as bigint) as tracker_only,
        cast(coalesce((select sum(tracker_outside_coverage) from tracker_counts), 0) as bigint) as tracker_outside_coverage,
        cast(coalesce((select sum(tracker_unresolved_towns) from tracker_counts), 0) as bigint) as tracker_unresolved_towns,
        cast(coalesce((select sum(frontline_changes) from frontline_counts), 0) as bigint) as frontline_changes,
        cast(coalesce((select sum(frontline_agreed) from frontline_counts), 0) as bigint) as frontline_agreed,
        cast(coalesce((select sum(frontline_holder_disagrees) from frontline_counts), 0) as bigint) as frontline_holder_disagrees,
        cast(coalesce((select sum(frontline_only) from frontline_counts), 0) as bigint) as frontline_only,
        cast(coalesce((select sum(frontline_outside_tracker_span) from frontline_counts), 0) as bigint)
            as frontline_outside_tracker_span

),

combined as (

    select * from overall_counts
    union all by name
    select * from town_counts

)

select
    combined.scope,
    combined.town_pcode,
    towns.town_name,
    towns.township_name,
    towns.state_name,
    {{ window_days }} as window_days,
    coalesce(combined.tracker_agreed, 0) as agreed,
    coalesce(combined.tracker_only, 0) as tracker_only,
    coalesce(combined.frontline_only, 0) as frontline_only,
    coalesce(combined.tracker_holder_disagrees, 0) as holder_disagreements,
    coalesce(combined.tracker_events, 0) - coalesce(combined.tracker_unresolved_towns, 0) as tracker_events,
    coalesce(combined.tracker_agreed, 0) as tracker_agreed,
    coalesce(combined.tracker_holder_disagrees, 0) as tracker_holder_disagrees,
    coalesce(combined.tracker_outside_coverage, 0) as tracker_outside_coverage,
    coalesce(combined.tracker_unresolved_towns, 0) as tracker_unresolved_towns,
    coalesce(combined.frontline_changes, 0) as frontline_changes,
    coalesce(combined.frontline_agreed, 0) as frontline_agreed,
    coalesce(combined.frontline_holder_disagrees, 0) as frontline_holder_disagrees,
    coalesce(combined.frontline_outside_tracker_span, 0) as frontline_outside_tracker_span,
    round(coalesce(combined.tracker_agreed, 0) / nullif(
        coalesce(combined.tracker_agreed, 0) + coalesce(combined.tracker_holder_disagrees, 0)
        + coalesce(combined.tracker_only, 0), 0), 3) as tracker_agreement_share,
    round(coalesce(combined.frontline_agreed, 0) / nullif(
        coalesce(combined.frontline_agreed, 0) + coalesce(combined.frontline_holder_disagrees, 0)
        + coalesce(combined.frontline_only, 0), 0), 3) as frontline_agreement_share,
    combined.tracker_details,
    combined.frontline_details
from combined
left join towns on towns.town_pcode = combined.town_pcode
