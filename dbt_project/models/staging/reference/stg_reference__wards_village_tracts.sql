with latest as (

    {{ latest_load(source('reference', 'wards_village_tracts')) }}

),

renamed as (

    select
        ts_pcode as township_pcode,
        township_name,
        source_township_name,
        name,
        name_as_published,
        place_type,
        cast(duplicate_ordinal as integer) as duplicate_ordinal,
        cast(pop_total as bigint) as pop_total,
        cast(pop_male as bigint) as pop_male,
        cast(pop_female as bigint) as pop_female,
        cast(lat as double) as lat,
        cast(lon as double) as lon,
        township_match,
        cast(load_version as integer) as load_version,
        file_sha256,
        loaded_at
    from latest

)

select * from renamed
