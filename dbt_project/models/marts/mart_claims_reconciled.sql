{#- Incremental within a claim topic: a run recomputes the date ranges of each topic that its
    window can change (int_claim_groups__ranges: the islands, with a day of slack, of the
    window's claims and of the stored groups they replaced, among all the topic's claims and
    stored groups); the pre-hook deletes the stored groups in those ranges and the groups
    recomputed from the claims in them are inserted: what a full rebuild gives (a test
    compares), at a cost that follows the night's groups, not the length of history. -#}
{{
    config(
        materialized='incremental',
        incremental_strategy='delete+insert',
        unique_key='claim_group_id',
        on_schema_change='fail',
        pre_hook="{{ delete_recomputed_ranges('int_claim_groups__ranges', ['claim_topic'], 'date_from', 'date_to') }}",
    )
}}
-- depends_on: {{ ref('int_claim_groups__ranges') }}

-- One row per claim group: the figures that claimants give for the same metric about the
-- same subject at the same place over overlapping dates (one day of slack), reconciled.
--   * each claimant's figure: its highest point figure in the group (a claimant's later
--     reports update a count upwards), with its own low/high bounds;
--   * low / high: the lowest lower bound and the highest upper bound across claimants;
--   * best (conservative): the lowest claimant figure, as ACLED codes fatalities ("the most
--     conservative reported figure"), never an average of enemies' claims;
--   * the disagreement stays visible: n_claimants, ratio_high_low, claimant_figures.
with claims as (

    select * from {{ ref('fct_claims') }}
    where point_value is not null

),

all_topics as (

    select
        *,
        {{ claim_topic() }} as claim_topic
    from claims

),

topics as (  -- on an incremental run, the claims in the ranges to recompute only

    select all_topics.*
    from all_topics
    {% if is_incremental() -%}
    inner join {{ ref('int_claim_groups__ranges') }} as ranges
        on ranges.claim_topic = all_topics.claim_topic
        and all_topics.effective_date between ranges.range_start and ranges.range_end
    {%- endif %}

),

islands as (

    select
        *,
        max(effective_date_end) over (
            partition by claim_topic order by effective_date, effective_date_end, fact_id
            rows between unbounded preceding and 1 preceding
        ) as previous_max_end
    from topics

),

grouped as (

    select
        *,
        md5(claim_topic || '|' || cast(min(effective_date) over (
            partition by claim_topic, group_number) as varchar)) as claim_group_id
    from (
        select
            *,
            sum(case when previous_max_end is null or effective_date > previous_max_end + 1 then 1 else 0 end)
                over (partition by claim_topic order by effective_date, effective_date_end, fact_id
                      rows between unbounded preceding and current row) as group_number
        from islands
    )

),

claimant_figures as (

    select
        claim_group_id,
        claimant,
        any_value(claimant_key) as claimant_key,
        any_value(claimant_side) as claimant_side,
        max(point_value) as figure,
        min(coalesce(value_low, value, value_high)) as figure_low,
        max(coalesce(value_high, value, value_low)) as figure_high,
        bool_or(coalesce(is_approximate, false)) as is_approximate,
        count(distinct report_id) as n_reports,
        list(distinct report_id order by report_id) as report_ids
    from grouped
    group by claim_group_id, claimant

),

groups as (

    select
        claim_group_id,
        any_value(claim_topic) as claim_topic,
        any_value(metric) as metric,
        mode(subject order by fact_id) as subject,
        mode(subject_key order by fact_id) as subject_key,
        mode(place_name order by fact_id) as place_name,
        mode(place_key order by fact_id) as place_key,
        min(effective_date) as date_from,
        max(effective_date_end) as date_to,
        min(time_precision) as time_precision,
        count(*) as n_claims,
        count(distinct report_id) as n_reports,
        list(distinct outlet order by outlet) filter (where outlet is not null) as outlets,
        min(published_date) as first_reported,
        max(published_date) as last_reported
    from grouped
    group by claim_group_id

),

reconciled as (

    select
        claim_group_id,
        count(*) as n_claimants,
        list(claimant order by figure, claimant) as claimants,
        list(struct_pack(claimant, claimant_key, claimant_side, figure, figure_low, figure_high,
                         is_approximate, n_reports) order by figure, claimant) as claimant_figures,
        min(figure_low) as low,
        min(figure) as best,
        max(figure_high) as high,
        max(figure) as highest_claim,
        bool_or(claimant_side = 'junta') as has_junta_claimant,
        bool_or(claimant_side not in ('junta', 'independent')) as has_opposing_claimant
    from claimant_figures
    group by claim_group_id

)

select
    groups.claim_group_id,
    groups.claim_topic,
    groups.metric,
    groups.subject,
    groups.subject_key,
    groups.place_name,
    groups.place_key,
    groups.date_from,
    groups.date_to,
    groups.time_precision,
    reconciled.n_claimants,
    reconciled.claimants,
    reconciled.claimant_figures,
    reconciled.low,
    reconciled.best,
    reconciled.high,
    reconciled.highest_claim,
    round(reconciled.high / nullif(reconciled.low, 0), 2) as ratio_high_low,
    reconciled.n_claimants > 1 and reconciled.highest_claim > reconciled.best as is_disputed,
    case
        when reconciled.has_junta_claimant and reconciled.has_opposing_claimant then 'both_sides'
        when reconciled.has_junta_claimant or reconciled.has_opposing_claimant then 'one_side'
        else 'unattributed'
    end as claimant_sides,
    groups.n_claims,
    groups.n_reports,
    groups.outlets,
    groups.first_reported,
    groups.last_reported
from groups
inner join reconciled using (claim_group_id)
