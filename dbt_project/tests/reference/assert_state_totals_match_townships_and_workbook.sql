-- Each state's population equals the sum of its townships, in the CSV and in the published
-- workbook alike; Kachin is 1,642,841 when the full census is loaded.
with states as (
    select place_key, name, pop_total_2014 from {{ ref('dim_place') }} where level = 'state'
),
csv_sums as (
    select state_pcode, sum(pop_total) as total from {{ ref('stg_reference__townships') }} group by 1
),
workbook_sums as (
    select state_pcode, sum(pop_total) as total from {{ ref('stg_reference__census_workbook') }} group by 1
),
census_size as (
    select count(*) as n from {{ ref('stg_reference__townships') }}
)
select s.place_key, s.name, s.pop_total_2014, c.total as csv_total, w.total as workbook_total
from states as s
left join csv_sums as c on c.state_pcode = s.place_key
left join workbook_sums as w on w.state_pcode = s.place_key
where (c.total is not null and s.pop_total_2014 <> c.total)
   or (w.total is not null and c.total is not null and w.total <> c.total)
   or (s.place_key = 'MMR001' and (select n from census_size) = 330 and s.pop_total_2014 <> 1642841)
