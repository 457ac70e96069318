with latest as (

    {{ latest_load(source('reference', 'town_control_events')) }}

),

renamed as (

    select
        cast(source_row as integer) as source_row,
        town_id,
        cast(event_date as date) as event_date,
        actor as actor_as_published,
        coalesce(cast(contested as boolean), false) as is_contested,
        comment,
        town_pcode,
        ts_pcode as township_pcode,
        town_match,
        coalesce(cast(is_alias_duplicate as boolean), false) as is_alias_duplicate,
        cast(load_version as integer) as load_version,
        file_sha256,
        loaded_at
    from latest

)

select * from renamed
