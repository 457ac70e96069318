{#- The half-open window [min_date, max_date) of report publication dates that a partitioned
    run rebuilds. Dagster passes it in the environment (FRONTLINE_MIN_DATE, FRONTLINE_MAX_DATE:
    a value that changes every night does not invalidate dbt's partial parsing, as --vars
    would); `--vars '{"min_date": ..., "max_date": ...}'` works too. The defaults cover all
    history, so a plain `dbt build` (or --full-refresh) rebuilds everything.

    The environment is read only when executing (`execute`): at parse time the window is all
    history, which changes nothing dbt parses (refs, sources, configs). Read at parse time, the
    two variables became inputs of the models and schema files that use the window, and every
    night's new window made dbt parse them again and rewrite partial_parse.msgpack (about 15 %
    of a night's dbt process, profiled). -#}
{% macro partition_min_date() -%}
    {{ return(var("min_date", env_var("FRONTLINE_MIN_DATE", "1900-01-01") if execute else "1900-01-01")) }}
{%- endmacro %}

{% macro partition_max_date() -%}
    {{ return(var("max_date", env_var("FRONTLINE_MAX_DATE", "2999-12-31") if execute else "2999-12-31")) }}
{%- endmacro %}

{% macro in_partition_window(column) -%}
    ({{ column }} >= cast('{{ partition_min_date() }}' as date) and {{ column }} < cast('{{ partition_max_date() }}' as date))
{%- endmacro %}

{#- Pre-hook for incremental models keyed by a date: deletes the window first, so a
    partition that now yields no rows loses its old ones too (delete+insert alone only
    deletes keys present in the new batch). -#}
{% macro delete_partition_window(column) -%}
    {% if is_incremental() %}
    delete from {{ this }} where {{ in_partition_window(column) }}
    {% endif %}
{%- endmacro %}

{#- Pre-hook for incremental models keyed by site: deletes every site a partitioned run
    recomputes (int_control_sites__touched), so a site left with no rows loses its old ones
    too; delete+insert on site_key then inserts the recomputed sites. -#}
{% macro delete_touched_sites() -%}
    {% if is_incremental() %}
    delete from {{ this }} where site_key in (select site_key from {{ ref('int_control_sites__touched') }})
    {% endif %}
{%- endmacro %}

{#- The filter of a model keyed by site: on an incremental run, the touched sites only. -#}
{% macro only_touched_sites(column='site_key') -%}
    {% if is_incremental() -%}
    {{ column }} in (select site_key from {{ ref('int_control_sites__touched') }})
    {%- else -%}
    true
    {%- endif %}
{%- endmacro %}
