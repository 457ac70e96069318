with latest as (

    {{ latest_load(source('reference', 'units')) }}

),

renamed as (

    select
        unit_key,
        unit_type,
        unit_number,
        name_en,
        name_mm,
        abbr_mm,
        location_en,
        location_mm,
        state_name,
        parent_command,
        parent_command_mm,
        cast(lat as double) as lat,
        cast(lon as double) as lon,
        status,
        type_as_published,
        source_list,
        cast(source_row as integer) as source_row,
        garrison_name,
        garrison_ts_pcode as garrison_township_pcode,
        garrison_town_pcode,
        garrison_match,
        cast(load_version as integer) as load_version,
        file_sha256,
        loaded_at
    from latest

)

select * from renamed
