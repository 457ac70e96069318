-- Every name an actor goes by (canonical name, acronyms, aliases), lower-cased, mapped to
-- its dim_actor key and side. Facts carry canonical names; the aliases catch the rest.
-- A spelling that two actors share is dropped (ambiguous), never guessed.
with actors as (

    select * from {{ ref('dim_actor') }}

),

spellings as (

    select actor_key, canonical_name, side, lower(trim(canonical_name)) as spelling, 1 as priority
    from actors
    union all
    select actor_key, canonical_name, side, lower(trim(alias)), 2
    from actors, unnest(coalesce(aliases, [])) as t(alias)
    union all
    select actor_key, canonical_name, side, lower(trim(acronym)), 3
    from actors, unnest(coalesce(acronyms, [])) as t(acronym)
    union all
    select actor_key, canonical_name, side, lower(trim(actor_key)), 4
    from actors

),

best_per_actor as (

    select actor_key, canonical_name, side, spelling, min(priority) as priority
    from spellings
    where spelling is not null and spelling <> ''
    group by all

),

best_spelling as (  -- for each spelling, the actors that own it at its best priority

    select *
    from best_per_actor
    qualify priority = min(priority) over (partition by spelling)

)

select
    spelling,
    actor_key,
    canonical_name,
    side
from best_spelling
qualify count(*) over (partition by spelling) = 1
