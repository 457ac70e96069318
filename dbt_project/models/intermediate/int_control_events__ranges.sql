{#- The parts of each site that a partitioned run recomputes in fct_control_events: per site
    and kind of event, the date ranges whose events the window's facts can change.

    An event is an island of facts of one site, kind and actor whose date intervals overlap
    or touch within a day; an unattributed withdrawal takes the captor of a capture within a
    day of it. So the events of a site and kind depend only on the facts within a day of
    one another: the "clusters" of the site and kind (islands of all its facts, whatever the
    actor). A run must recompute every cluster that a changed fact belongs to now or
    belonged to before:
      * seeds: the facts published in the window (new or re-extracted), and the events of
        the last run reported in the window (they held the facts the window replaced,
        perhaps now moved or gone);
      * closure: a range grows by every current fact and every stored event within a day of
        it, until nothing more joins. That fixpoint is the island (with one day of slack) of
        the seeds among all the site's current facts and stored events, which one
        gaps-and-islands pass computes: no recursion. (Its two window functions order by a
    unique interval_id last: with ties, two passes could order rows differently.)
    Outside the ranges, the stored events and the current facts are the same clusters as
    before, so the stored events are what a full rebuild gives. With no window (a plain
    build) every fact is a seed: every site's whole history.

    The previous fct_control_events is read by name, not ref() (it is downstream of this
    model: it is built after, so this reads the last run's table; absent on a first run). -#}
{%- set previous_events = adapter.get_relation(database=this.database, schema=this.schema,
                                                identifier='fct_control_events') -%}
with touched_sites as (

    select site_key from {{ ref('int_control_sites__touched') }}

),

current_facts as (  -- every fact of a touched site; the window's are seeds

    select
        site_key,
        {{ control_event_class('change') }} as event_class,
        'fact ' || fact_id as interval_id,
        effective_date as date_from,
        effective_date_end as date_to,
        {{ in_partition_window('published_date') }} as is_seed
    from {{ ref('fct_control_changes') }}
    where site_key in (select site_key from touched_sites)

),

stored_events as (  -- the last run's events of a touched site; those reported in the window are seeds

    {% if previous_events is not none -%}
    select
        site_key,
        event_class,
        'event ' || event_id as interval_id,
        event_date as date_from,
        event_date_end as date_to,
        first_reported < cast('{{ partition_max_date() }}' as date)
            and last_reported >= cast('{{ partition_min_date() }}' as date) as is_seed
    from {{ previous_events }}
    where site_key in (select site_key from touched_sites)
    {%- else -%}
    select
        cast(null as varchar) as site_key, cast(null as varchar) as event_class,
        cast(null as varchar) as interval_id, cast(null as date) as date_from, cast(null as date) as date_to, false as is_seed
    where false
    {%- endif %}

),

intervals as (

    select * from current_facts
    union all
    select * from stored_events

),

previous_ends as (

    select
        *,
        max(date_to) over (
            partition by site_key, event_class order by date_from, date_to, interval_id
            rows between unbounded preceding and 1 preceding
        ) as previous_max_end
    from intervals

),

clusters as (

    select
        *,
        sum(case when previous_max_end is null or date_from > previous_max_end + 1 then 1 else 0 end) over (
            partition by site_key, event_class order by date_from, date_to, interval_id
            rows between unbounded preceding and current row
        ) as cluster_number
    from previous_ends

)

select
    site_key,
    event_class,
    min(date_from) as range_start,
    max(date_to) as range_end
from clusters
group by site_key, event_class, cluster_number
having bool_or(is_seed)
