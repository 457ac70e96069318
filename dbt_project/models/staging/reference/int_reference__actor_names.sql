-- Hand-kept canonical names (and short codes) of the registry's actors, where the project
-- uses a name other than the registry's first English name. Kept here (not a seed) so the
-- reference selection builds it. Names follow the project's actor list (evaluation set).
with canonical (actor_id, canonical_name, short_code) as (

    values
        ('MILITARY', 'Myanmar Armed Forces', 'MAF'),
        ('KIA', 'Kachin Independence Army', 'KIA'),
        ('AA', 'Arakan Army', 'AA'),
        ('TNLA', 'Ta''ang National Liberation Army', 'TNLA'),
        ('MNDAA', 'Myanmar National Democratic Alliance Army', 'MNDAA'),
        ('3BA', 'Three Brotherhood Alliance', 'TBA'),
        ('KNU', 'Karen National Liberation Army', 'KNLA'),
        ('KNPP', 'Karenni Nationalities Defence Force', 'KNDF'),
        ('CNF', 'Chin National Front', 'CNF'),
        ('PDF', 'People''s Defence Force', 'PDF'),
        ('SSPP', 'Shan State Progress Party', 'SSPP'),
        ('RCSS', 'Restoration Council of Shan State', 'RCSS'),
        ('UWSA', 'United Wa State Army', 'UWSA'),
        ('PNLO', 'Pa-O National Liberation Organization', 'PNLO')

)

select * from canonical
