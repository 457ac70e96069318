with latest as (

    {{ latest_load(source('reference', 'towns')) }}

),

renamed as (

    select
        sr_pcode as state_pcode,
        sr_name as state_name,
        dt_pcode as district_pcode,
        dt_name as district_name,
        ts_pcode as township_pcode,
        ts_name as township_name,
        town_pcode,
        town_name,
        town_name_mm,
        town_level,
        cast(lat as double) as lat,
        cast(lon as double) as lon,
        cast(load_version as integer) as load_version,
        file_sha256,
        loaded_at
    from latest

)

select * from renamed
