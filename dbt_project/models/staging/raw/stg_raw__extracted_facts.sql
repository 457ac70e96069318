with source as (

    select * from {{ source('raw', 'extracted_facts') }}

),

renamed as (

    select
        fact_id,
        report_id,
        content_hash,
        cast(published_date as date) as published_date,
        kind as fact_kind,
        change,
        cast(recapture as boolean) as is_recapture,
        place as place_name,
        place_kind,
        unit_type,
        unit_number,
        unit_key,
        township,
        state,
        actor_to,
        actor_from,
        attributed_to,
        claimant,
        subject,
        metric,
        cast(value as double) as value,
        cast(value_low as double) as value_low,
        cast(value_high as double) as value_high,
        cast(approximate as boolean) as is_approximate,
        cast(date as date) as event_date,
        cast(date_end as date) as event_date_end,
        date_precision,
        evidence,
        rule as extraction_rule,
        extractor_version,
        run_id as extracted_by_run_id
    from source

)

select * from renamed
