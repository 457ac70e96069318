-- Claim facts keyed to the dimensions. Claims carry no township, so the place is matched by
-- name alone: a town, then a ward, then a township of that name, and only when the name is
-- unambiguous at that level (else place_key is null and place_name keeps the text).
with facts as (

    select * from {{ ref('stg_raw__extracted_facts') }}
    where fact_kind = 'claim'

),

reports as (

    select report_id, outlet from {{ ref('int_reports__latest') }}

),

places as (

    select * from {{ ref('int_places__matchable') }}
    where level in ('town', 'ward', 'township')

),

actors as (

    select * from {{ ref('int_actors__lookup') }}

),

outlets as (

    select * from {{ ref('int_outlets__sides') }}

),

facts_normalised as (

    select facts.*, {{ normalize_place_name('facts.place_name') }} as place_name_norm
    from facts

),

place_candidates as (

    select
        facts_normalised.fact_id,
        places.place_key,
        places.level,
        case places.level when 'town' then 1 when 'ward' then 2 else 3 end as level_rank
    from facts_normalised
    inner join places on places.name_norm = facts_normalised.place_name_norm

),

place_matches as (  -- the best level that has exactly one place of that name

    select fact_id, any_value(place_key) as place_key
    from place_candidates
    group by fact_id, level_rank
    having count(*) = 1
    qualify level_rank = min(level_rank) over (partition by fact_id)

)

select
    facts_normalised.fact_id,
    facts_normalised.report_id,
    facts_normalised.published_date,
    reports.outlet,
    facts_normalised.claimant,
    claimant.actor_key as claimant_key,
    coalesce(claimant.side, outlets.outlet_side, 'independent') as claimant_side,
    facts_normalised.subject,
    subject.actor_key as subject_key,
    facts_normalised.metric,
    facts_normalised.value,
    facts_normalised.value_low,
    facts_normalised.value_high,
    facts_normalised.is_approximate,
    -- one figure per claim: the value, else the bound it gives ("at least 40" → 40,
    -- "nearly 100" → 100)
    coalesce(facts_normalised.value, facts_normalised.value_low, facts_normalised.value_high)
        as point_value,
    facts_normalised.place_name,
    facts_normalised.place_name_norm,
    place_matches.place_key,
    facts_normalised.event_date,
    facts_normalised.event_date_end,
    coalesce(facts_normalised.event_date, facts_normalised.published_date) as effective_date,
    greatest(
        coalesce(facts_normalised.event_date_end, facts_normalised.event_date, facts_normalised.published_date),
        coalesce(facts_normalised.event_date, facts_normalised.published_date)
    ) as effective_date_end,
    facts_normalised.date_precision,
    {{ acled_time_precision('facts_normalised.date_precision', 'facts_normalised.event_date',
                            'facts_normalised.event_date_end') }} as time_precision,
    facts_normalised.evidence,
    facts_normalised.extraction_rule,
    facts_normalised.extractor_version
from facts_normalised
left join reports on reports.report_id = facts_normalised.report_id
left join actors as claimant on claimant.spelling = lower(trim(facts_normalised.claimant))
left join actors as subject on subject.spelling = lower(trim(facts_normalised.subject))
left join outlets on outlets.outlet = reports.outlet
left join place_matches on place_matches.fact_id = facts_normalised.fact_id
