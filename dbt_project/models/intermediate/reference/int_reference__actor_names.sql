-- Hand-kept canonical names (and short codes) of the registry's actors, where the project
-- uses a name other than the registry's first English name: the actor_canonical_names seed,
-- checked against the extractor's registry (ingestion/extract/actors.py) by
-- tests/test_dbt_lookups.py.
select actor_id, canonical_name, short_code
from {{ ref('actor_canonical_names') }}
