-- Known defect: the ward CSV names townships "Bhamo Township" and has no P-codes. Names are
-- stripped of " Township" and matched (within the state) to the census township of that name.
select w.source_township_name, w.township_name, w.township_pcode, t.township_name as census_name
from {{ ref('stg_reference__wards_village_tracts') }} as w
left join {{ ref('stg_reference__townships') }} as t using (township_pcode)
where w.township_name like '% Township'
   or (w.township_pcode is not null and t.township_name is not null
       and lower(regexp_replace(t.township_name, '[^A-Za-z0-9]', '', 'g'))
           <> lower(regexp_replace(w.township_name, '[^A-Za-z0-9]', '', 'g')))
