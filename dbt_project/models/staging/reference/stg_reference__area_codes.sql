with latest as (

    {{ latest_load(source('reference', 'area_codes')) }}

),

renamed as (

    select
        area_code,
        sr_name as state_name,
        district_name,
        census_township_name,
        cast(is_sub_township as boolean) as is_sub_township,
        ts_pcode as township_pcode,
        ts_name as township_name,
        cast(load_version as integer) as load_version,
        file_sha256,
        loaded_at
    from latest

)

select * from renamed
