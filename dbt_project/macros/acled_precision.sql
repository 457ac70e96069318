{#- ACLED-style precision codes (ACLED codebook: time_precision 1 = actual date,
    2 = a specific week, 3 = only the month or vaguer; geo_precision 1 = a particular
    town, 2 = near a town / a small part of a region, 3 = a larger part of a region). -#}

{#- time_precision from our date_precision and the stated interval [date, date_end]. -#}
{% macro acled_time_precision(date_precision, date_start, date_end) -%}
    case
        when {{ date_start }} is null then 3
        when {{ date_precision }} = 'day'
             and ({{ date_end }} is null or {{ date_end }} = {{ date_start }}) then 1
        when {{ date_precision }} in ('day', 'week')
             and ({{ date_end }} is null or {{ date_end }} - {{ date_start }} <= 7) then 2
        else 3
    end
{%- endmacro %}

{#- geo_precision from how the place was resolved (see int_control_changes__resolved). -#}
{% macro acled_geo_precision(place_resolution, place_kind) -%}
    case
        when {{ place_resolution }} in ('unit_garrison', 'place_name') then 1
        when {{ place_resolution }} = 'township' and {{ place_kind }} <> 'township' then 2
        else 3
    end
{%- endmacro %}

{#- ACLED's event_id_no_cnty of a Frontline event: the first 12 decimal digits of the md5 of
    fct_control_events.event_id, so the same event keeps its number across runs (join the
    export back to fct_control_events with it). -#}
{% macro acled_event_number(event_id) -%}
    cast(md5_number({{ event_id }}) % 1000000000000 as bigint)
{%- endmacro %}
