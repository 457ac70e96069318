-- Known defect: infantry_battalions.csv says LIB in `type` for every row. The Burmese prefix
-- decides: ခလရ = IB, ခမရ = LIB. Fails on any unit typed against its prefix.
select unit_key, abbr_mm, unit_type, type_as_published
from {{ ref('dim_unit') }}
where (abbr_mm = 'ခလရ' and (unit_type <> 'infantry_battalion' or unit_prefix <> 'IB'))
   or (abbr_mm = 'ခမရ' and (unit_type <> 'light_infantry_battalion' or unit_prefix <> 'LIB'))
   or (abbr_mm = 'တကရ' and unit_prefix <> 'TB')
