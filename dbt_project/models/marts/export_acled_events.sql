-- One row per control event (fct_control_events) in ACLED's columns and vocabulary (the
-- acledR codebook in ../shared/reference/acled/), to hand to tools built for ACLED data.
--   * event_type / sub_event_type: a capture by a non-state actor → Battles / Non-state actor
--     overtakes territory; by the junta or its affiliates → Battles / Government regains
--     territory; a withdrawal no report calls a capture → Strategic developments /
--     Non-violent transfer of territory; contested → Battles / Armed clash. "Held" events
--     (a holder confirmed, nothing happened) are not ACLED events and are left out.
--   * actor1 is the actor that gains or holds the place (the attacker in a clash when
--     known); actor2 the one that loses it. inter codes: 1 the Myanmar military, 2 armed
--     groups of the registry, 3 other junta-side forces and unidentified armed groups.
--   * fatalities: the conservative (lowest claimant) reconciled "killed" figure of the
--     claim groups that cover the event (same township, dates within a day; each group
--     counted for one event only, the closest), else 0, as ACLED does.
with events as (

    select * from {{ ref('fct_control_events') }}
    where event_class in ('change_of_control', 'contested')

),

places as (

    select * from {{ ref('dim_place') }}

),

units as (

    select unit_key, lat, lon from {{ ref('dim_unit') }}

),

actors as (

    select
        actor_key,
        canonical_name,
        side,
        case
            when actor_key = 'MILITARY' then 'Military Forces of Myanmar (2021-)'
            when short_code is not null and short_code <> canonical_name then short_code || ': ' || canonical_name
            else canonical_name
        end as acled_name,
        case
            when actor_key = 'MILITARY' then 1
            when side = 'junta' then 3
            else 2
        end as inter_code
    from {{ ref('dim_actor') }}

),

facts as (

    select fact_id, evidence from {{ ref('fct_control_changes') }}

),

outlets as (

    select outlet, outlet_side from {{ ref('int_outlets__sides') }}

),

killed as (

    select * from {{ ref('mart_claims_reconciled') }}
    where metric = 'killed' and best is not null

),

event_places as (

    select
        events.*,
        places.level as place_level,
        places.name as dim_place_name,
        places.state_name,
        places.district_name,
        places.township_name,
        places.township_pcode,
        coalesce(units.lat, places.lat) as lat,
        coalesce(units.lon, places.lon) as lon
    from events
    left join places on places.place_key = events.place_key
    left join units on units.unit_key = events.unit_key

),

typed as (

    select
        event_places.*,
        case
            when event_class = 'contested' then 'Armed clash'
            when change = 'withdrew' then 'Non-violent transfer of territory'
            when actor_to.side = 'junta' then 'Government regains territory'
            else 'Non-state actor overtakes territory'
        end as sub_event_type,
        coalesce(actor_to.acled_name, case when event_places.actor_to_name not like 'withdrawal of %'
                                           then event_places.actor_to_name end) as gainer_name,
        case
            when actor_to.actor_key is not null then actor_to.inter_code
            when event_places.actor_to_name not like 'withdrawal of %' then 3
        end as gainer_inter,
        coalesce(actor_from.acled_name, event_places.actor_from_name) as loser_name,
        case
            when actor_from.actor_key is not null then actor_from.inter_code
            when event_places.actor_from_name is not null then 3
        end as loser_inter
    from event_places
    left join actors as actor_to on actor_to.actor_key = event_places.actor_to_key
    left join actors as actor_from on actor_from.actor_key = event_places.actor_from_key

),

actors_placed as (

    select
        typed.*,
        case
            when sub_event_type = 'Non-violent transfer of territory'
                then coalesce(gainer_name, loser_name, 'Unidentified Armed Group (Myanmar)')
            else coalesce(gainer_name, 'Unidentified Armed Group (Myanmar)')
        end as actor1,
        case
            when sub_event_type = 'Non-violent transfer of territory'
                then coalesce(gainer_inter, loser_inter, 3)
            else coalesce(gainer_inter, 3)
        end as inter1,
        case
            when sub_event_type = 'Non-violent transfer of territory' and gainer_name is null then null
            else loser_name
        end as actor2_raw,
        case
            when sub_event_type = 'Non-violent transfer of territory' and gainer_name is null then null
            else loser_inter
        end as inter2_raw
    from typed

),

first_evidence as (

    select
        events.event_id,
        min_by(facts.evidence, facts.fact_id) as evidence
    from events
    cross join unnest(events.fact_ids) as t(fact_id)
    inner join facts on facts.fact_id = t.fact_id
    group by events.event_id

),

event_outlets as (

    select
        events.event_id,
        string_agg(distinct t.outlet, '; ' order by t.outlet) as source,
        string_agg(distinct case when outlets.outlet_side = 'junta' then 'National' else 'Other' end, '-'
                   order by case when outlets.outlet_side = 'junta' then 'National' else 'Other' end)
            as source_scale
    from events
    cross join unnest(events.outlets) as t(outlet)
    left join outlets on outlets.outlet = t.outlet
    group by events.event_id

),

claims_matched as (  -- each killed-claim group to the one event it covers best

    select
        killed.claim_group_id,
        event_places.event_id,
        killed.best
    from killed
    inner join places as claim_place on claim_place.place_key = killed.place_key
    inner join event_places
        on event_places.township_pcode = coalesce(claim_place.township_pcode, claim_place.place_key)
        and killed.date_from <= event_places.event_date_end + 1
        and event_places.event_date <= killed.date_to + 1
    qualify row_number() over (
        partition by killed.claim_group_id
        order by (event_places.place_key = killed.place_key) desc,
                 abs(event_places.event_date - killed.date_from),
                 event_places.event_id
    ) = 1

),

event_fatalities as (

    select event_id, cast(sum(best) as integer) as fatalities
    from claims_matched
    group by event_id

)

select
    {{ acled_event_number('p.event_id') }} as data_id,
    104 as iso,
    'MMR' || cast({{ acled_event_number('p.event_id') }} as varchar) as event_id_cnty,
    {{ acled_event_number('p.event_id') }} as event_id_no_cnty,
    p.event_date,
    year(p.event_date) as year,
    p.time_precision,
    case when p.sub_event_type = 'Non-violent transfer of territory'
         then 'Strategic developments' else 'Political violence' end as disorder_type,
    case when p.sub_event_type = 'Non-violent transfer of territory'
         then 'Strategic developments' else 'Battles' end as event_type,
    p.sub_event_type,
    p.actor1,
    cast(null as varchar) as assoc_actor_1,
    p.inter1,
    case when p.actor2_raw <> p.actor1 then p.actor2_raw end as actor2,
    cast(null as varchar) as assoc_actor_2,
    case when p.actor2_raw <> p.actor1 then coalesce(p.inter2_raw, 3) else 0 end as inter2,
    case
        when p.actor2_raw is null or p.actor2_raw = p.actor1 then p.inter1 * 10
        else least(p.inter1, coalesce(p.inter2_raw, 3)) * 10 + greatest(p.inter1, coalesce(p.inter2_raw, 3))
    end as interaction,
    'Southeast Asia' as region,
    'Myanmar' as country,
    coalesce(p.state_name, p.state) as admin1,
    p.district_name as admin2,
    p.township_name as admin3,
    coalesce(
        case when p.place_level = 'town' then p.dim_place_name end,
        case when p.place_level in ('ward', 'village_tract')
             then coalesce(p.township_name || ' - ', '') || coalesce(p.place_name, p.dim_place_name) end,
        p.township_name, p.township, p.state, p.place_name, p.site_name
    ) as location,
    round(p.lat, 4) as latitude,
    round(p.lon, 4) as longitude,
    p.geo_precision,
    o.source,
    o.source_scale,
    'On ' || strftime(p.event_date, '%-d %B %Y') || ': '
        || case when length(e.evidence) > 300 then left(e.evidence, 297) || '...' else e.evidence end
        as notes,
    coalesce(f.fatalities, 0) as fatalities,
    'confirmation=' || p.confirmation
        || case when p.is_recapture then '; recapture' else '' end as tags,
    cast(epoch(p.last_reported) as bigint) as timestamp,
    'MMR' as iso3
from actors_placed as p
left join first_evidence as e on e.event_id = p.event_id
left join event_outlets as o on o.event_id = p.event_id
left join event_fatalities as f on f.event_id = p.event_id
