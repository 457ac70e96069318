-- One row per armed actor of the registry. canonical_name is the project's name where one
-- is kept (int_reference__actor_names), else the registry's first English name.

with groups as (

    select * from {{ ref('stg_reference__armed_groups') }}

),

names as (

    select * from {{ ref('int_reference__actor_names') }}

),

memberships as (

    select
        actor_id,
        list(struct_pack(alliance_key, alliance_name, valid_from, valid_to) order by valid_from, alliance_key)
            as alliance_memberships
    from {{ ref('int_reference__alliance_memberships') }}
    group by actor_id

)

select
    g.actor_id as actor_key,
    coalesce(n.canonical_name, g.english_names[1], g.actor_id) as canonical_name,
    coalesce(n.short_code, g.actor_id) as short_code,
    g.acronyms,
    list_distinct(list_concat(g.english_names, g.acronyms)) as aliases,
    g.burmese_names,
    g.burmese_name_rejected,
    g.side,
    g.side_note,
    g.is_alliance,
    g.blocs_as_published,
    coalesce(m.alliance_memberships, []) as alliance_memberships,
    g.quality_notes
from groups as g
left join names as n using (actor_id)
left join memberships as m using (actor_id)
