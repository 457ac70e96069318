-- Hand-kept alliance memberships with validity dates (valid_to null = still valid).
-- Dates: FPNCC founded at Panghsang 2017-04-19; the Three Brotherhood Alliance issued its
-- first joint statements in mid-2019 (month-level precision); the NUG was formed 2021-04-16
-- ("NUG-aligned" in the registry). MNDAA's 2025 China-brokered ceasefire did not formally end
-- its membership: not closed here.
with memberships (actor_id, alliance_key, alliance_name, valid_from, valid_to, note) as (

    values
        ('MNDAA', '3BA', 'Three Brotherhood Alliance', date '2019-06-01', cast(null as date), 'founding member'),
        ('TNLA', '3BA', 'Three Brotherhood Alliance', date '2019-06-01', cast(null as date), 'founding member'),
        ('AA', '3BA', 'Three Brotherhood Alliance', date '2019-06-01', cast(null as date), 'founding member'),
        ('AA', 'FPNCC', 'Federal Political Negotiation and Consultative Committee', date '2017-04-19', cast(null as date), null),
        ('TNLA', 'FPNCC', 'Federal Political Negotiation and Consultative Committee', date '2017-04-19', cast(null as date), null),
        ('MNDAA', 'FPNCC', 'Federal Political Negotiation and Consultative Committee', date '2017-04-19', cast(null as date), null),
        ('SSPP', 'FPNCC', 'Federal Political Negotiation and Consultative Committee', date '2017-04-19', cast(null as date), null),
        ('UWSA', 'FPNCC', 'Federal Political Negotiation and Consultative Committee', date '2017-04-19', cast(null as date), 'leading member'),
        ('NDAA', 'FPNCC', 'Federal Political Negotiation and Consultative Committee', date '2017-04-19', cast(null as date), null),
        ('KIA', 'NUG', 'National Unity Government (aligned)', date '2021-04-16', cast(null as date), 'aligned, not a member'),
        ('KNU', 'NUG', 'National Unity Government (aligned)', date '2021-04-16', cast(null as date), 'aligned, not a member'),
        ('KNPP', 'NUG', 'National Unity Government (aligned)', date '2021-04-16', cast(null as date), 'aligned, not a member'),
        ('CNF', 'NUG', 'National Unity Government (aligned)', date '2021-04-16', cast(null as date), 'aligned, not a member'),
        ('PDF', 'NUG', 'National Unity Government', date '2021-05-05', cast(null as date), 'armed wing of the NUG')

)

select * from memberships
