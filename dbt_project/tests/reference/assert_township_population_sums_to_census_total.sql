-- The 330 townships sum to the 2014 enumerated total, 50,279,900. Only checked when the full
-- census is loaded (330 townships): the demo gazetteer is partial.
with townships as (
    select count(*) as n, sum(pop_total_2014) as total
    from {{ ref('dim_place') }} where level = 'township' and pop_total_2014 is not null
)
select * from townships where n = 330 and total <> 50279900
