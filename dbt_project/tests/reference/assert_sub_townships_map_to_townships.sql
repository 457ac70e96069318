-- Known defect: the crosswalk lists census sub-townships "(ST)" beside townships. They are
-- flagged, named without the suffix, map to an existing township P-code, and never become
-- places of their own.
select a.area_code, a.census_township_name, a.township_pcode
from {{ ref('stg_reference__area_codes') }} as a
left join {{ ref('dim_place') }} as p on p.place_key = a.township_pcode and p.level = 'township'
where a.census_township_name like '%(ST)%'
   or (p.place_key is null and (select count(*) from {{ ref('stg_reference__townships') }}) = 330)
union all
select place_key, name, township_pcode from {{ ref('dim_place') }} where name like '%(ST)%'
