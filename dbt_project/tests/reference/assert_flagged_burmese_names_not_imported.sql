-- Known defect: the registry flags the TNLA and UWSA Burmese names of one source as wrong
-- ("do not import"; TNLA's is the Pa-O name). A flagged row must carry no Burmese name, no
-- Burmese name may contain Latin text (the flag text itself), and only PNLO may carry Pa-O.
select actor_key, burmese_names, quality_notes
from {{ ref('dim_actor') }}
where (lower(coalesce(quality_notes, '')) like '%do not import%' and len(burmese_names) > 0)
   or len(list_filter(burmese_names, lambda x: regexp_matches(x, '[A-Za-z]'))) > 0
   or (actor_key <> 'PNLO' and len(list_filter(burmese_names, lambda x: x like '%ပအိုဝ်း%')) > 0)
