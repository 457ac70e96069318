with source as (

    select * from {{ source('raw', 'census_figures') }}

),

renamed as (

    select
        report_id,
        content_hash,
        cast(published_date as date) as published_date,
        cast(sentence_number as integer) as sentence_number,
        metric,
        cast(stated_value as bigint) as stated_value,
        evidence as sentence,
        sentence_norm,
        cast(names_township as boolean) as names_township
    from source

)

select * from renamed
