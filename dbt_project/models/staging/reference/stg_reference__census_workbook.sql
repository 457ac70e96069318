with latest as (

    {{ latest_load(source('reference', 'census_workbook')) }}

),

renamed as (

    select
        {{ census_place_columns() }},
        cast(pop_total as bigint) as pop_total,
        cast(pop_male as bigint) as pop_male,
        cast(pop_female as bigint) as pop_female,
        cast(pop_urban as bigint) as pop_urban,
        cast(pop_rural as bigint) as pop_rural,
        cast(pop_conventional_households as bigint) as pop_conventional_households,
        cast(pop_institutions as bigint) as pop_institutions,
        cast(pop_age_0_14 as bigint) as pop_age_0_14,
        cast(pop_age_15_64 as bigint) as pop_age_15_64,
        cast(pop_age_65_plus as bigint) as pop_age_65_plus,
        cast(pop_age_18_plus as bigint) as pop_age_18_plus,
        cast(sex_ratio as double) as sex_ratio,
        cast(urban_pct as double) as urban_pct,
        cast(literacy_pct as double) as literacy_pct,
        cast(columns_json as json) as columns_json,
        cast(load_version as integer) as load_version,
        file_sha256,
        loaded_at
    from latest

)

select * from renamed
