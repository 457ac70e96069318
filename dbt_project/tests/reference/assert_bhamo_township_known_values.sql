-- Bhamo township is MMR001010 with 135,877 people (58,696 urban = its 13 wards summed),
-- whenever Bhamo is loaded.
with bhamo as (
    select * from {{ ref('dim_place') }} where level = 'township' and name = 'Bhamo'
),
bhamo_wards as (
    select count(*) as n, sum(pop_total_2014) as total
    from {{ ref('dim_place') }} where level = 'ward' and township_pcode = 'MMR001010'
)
select b.place_key, b.pop_total_2014, b.pop_urban_2014, w.n, w.total
from bhamo as b cross join bhamo_wards as w
where b.place_key <> 'MMR001010'
   or (b.pop_total_2014 is not null and b.pop_total_2014 <> 135877)
   or (b.pop_urban_2014 is not null and b.pop_urban_2014 <> 58696)
   or (w.n = 13 and w.total <> b.pop_urban_2014)
