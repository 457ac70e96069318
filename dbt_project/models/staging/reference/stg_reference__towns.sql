with latest as (

    {{ latest_load(source('reference', 'towns')) }}

),

renamed as (

    select
        {{ census_place_columns() }},
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
