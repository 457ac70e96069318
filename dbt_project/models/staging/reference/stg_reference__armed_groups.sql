with latest as (

    {{ latest_load(source('reference', 'armed_groups')) }}

),

renamed as (

    select
        actor_id,
        list_filter(string_split(coalesce(acronyms, ''), '|'), lambda x: x <> '') as acronyms,
        list_filter(string_split(coalesce(english_names, ''), '|'), lambda x: x <> '') as english_names,
        list_filter(string_split(coalesce(burmese_names, ''), '|'), lambda x: x <> '') as burmese_names,
        cast(burmese_name_rejected as boolean) as burmese_name_rejected,
        list_filter(string_split(coalesce(alliances, ''), '|'), lambda x: x <> '') as blocs_as_published,
        cast(is_alliance as boolean) as is_alliance,
        side,
        side_note,
        quality_notes,
        cast(load_version as integer) as load_version,
        file_sha256,
        loaded_at
    from latest

)

select * from renamed
