with latest as (

    {{ latest_load(source('reference', 'townships')) }}

),

renamed as (

    select
        {{ census_place_columns() }},
        cast(pop_total as bigint) as pop_total,
        cast(pop_male as bigint) as pop_male,
        cast(pop_female as bigint) as pop_female,
        cast(pop_urban as bigint) as pop_urban,
        cast(pop_rural as bigint) as pop_rural,
        cast(urban_pct as double) as urban_pct,
        cast(load_version as integer) as load_version,
        file_sha256,
        loaded_at
    from latest

)

select * from renamed
