with source as (

    select * from {{ source('raw', 'reports') }}

),

renamed as (

    select
        id as report_id,
        cast(version as integer) as report_version,
        url,
        outlet,
        title,
        cast(published as timestamp) as published_at,
        cast(published_date as date) as published_date,
        cast(fetched_at as timestamp) as fetched_at,
        language,
        text as report_text,
        content_hash,
        source as source_name,
        run_id as loaded_by_run_id
    from source

)

select * from renamed
