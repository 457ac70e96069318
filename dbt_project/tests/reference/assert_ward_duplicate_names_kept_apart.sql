-- Known defect: the ward CSV repeats names within a township (NawngMo in Bhamo, twice, with
-- different populations). Both stay, under distinct keys; rows that only repeat with other
-- coordinates were collapsed on load.
with nawngmo as (
    select count(*) as n, count(distinct place_key) as keys
    from {{ ref('dim_place') }}
    where township_pcode = 'MMR001010' and name = 'NawngMo'
),
loaded as (
    select count(*) as n from {{ ref('stg_reference__wards_village_tracts') }}
    where source_township_name = 'Bhamo Township' and name = 'NawngMo'
)
select * from nawngmo, loaded where loaded.n >= 2 and (nawngmo.n <> loaded.n or nawngmo.keys <> nawngmo.n)
