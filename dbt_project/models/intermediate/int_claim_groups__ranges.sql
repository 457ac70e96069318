{#- The parts of each claim topic that a partitioned run recomputes in mart_claims_reconciled:
    per topic, the date ranges whose claim groups the window's claims can change.

    A claim group is an island of a topic's claims (with a point figure) whose date
    intervals overlap or touch within a day, and it depends on its own claims only. A run
    must recompute every group that a changed claim belongs to now or belonged to before:
      * seeds: the claims published in the window (new or re-extracted), and the groups of
        the last run reported in the window (they held the claims the window replaced,
        perhaps now moved to another topic or gone);
      * closure: a range grows by every current claim and every stored group within a day
        of it (a new figure between two groups merges them), until nothing more joins: the
        island, with one day of slack, of the seeds among the topic's current claims and
        stored groups, which one gaps-and-islands pass computes.
    Outside the ranges the stored groups are what a full rebuild gives. With no window (a
    plain build) every claim is a seed.

    The previous mart_claims_reconciled is read by name, not ref() (it is downstream of this
    model; absent on a first run). -#}
{%- set previous_groups = adapter.get_relation(database=this.database, schema=this.schema,
                                                identifier='mart_claims_reconciled') -%}
{#- a mart built before it had claim_topic: nothing stored to match (its build must be a
    --full-refresh, which the mart's on_schema_change: fail demands) -#}
{%- if previous_groups is not none and execute
      and 'claim_topic' not in adapter.get_columns_in_relation(previous_groups) | map(attribute='name') | list -%}
    {%- set previous_groups = none -%}
{%- endif -%}
with current_claims as (  -- every claim with a point figure; the window's are seeds

    select
        {{ claim_topic() }} as claim_topic,
        'fact ' || fact_id as interval_id,
        effective_date as date_from,
        effective_date_end as date_to,
        {{ in_partition_window('published_date') }} as is_seed
    from {{ ref('fct_claims') }}
    where point_value is not null

),

stored_groups as (  -- the last run's groups; those reported in the window are seeds

    {% if previous_groups is not none -%}
    select
        claim_topic,
        'group ' || claim_group_id as interval_id,
        date_from,
        date_to,
        first_reported < cast('{{ partition_max_date() }}' as date)
            and last_reported >= cast('{{ partition_min_date() }}' as date) as is_seed
    from {{ previous_groups }}
    {%- else -%}
    select cast(null as varchar) as claim_topic, cast(null as varchar) as interval_id, cast(null as date) as date_from,
           cast(null as date) as date_to, false as is_seed
    where false
    {%- endif %}

),

intervals as (

    select * from current_claims
    union all
    select * from stored_groups

),

touched_intervals as (  -- the topics with a seed only

    select * from intervals
    where claim_topic in (select claim_topic from intervals where is_seed)

),

previous_ends as (

    select
        *,
        max(date_to) over (
            partition by claim_topic order by date_from, date_to, interval_id
            rows between unbounded preceding and 1 preceding
        ) as previous_max_end
    from touched_intervals

),

clusters as (

    select
        *,
        sum(case when previous_max_end is null or date_from > previous_max_end + 1 then 1 else 0 end) over (
            partition by claim_topic order by date_from, date_to, interval_id
            rows between unbounded preceding and current row
        ) as cluster_number
    from previous_ends

)

select
    claim_topic,
    min(date_from) as range_start,
    max(date_to) as range_end
from clusters
group by claim_topic, cluster_number
having bool_or(is_seed)
