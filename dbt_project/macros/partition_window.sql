{#- The half-open window [min_date, max_date) that a partitioned run rebuilds.
    Dagster passes it as --vars; the defaults in dbt_project.yml cover all history. -#}
{% macro in_partition_window(column) -%}
    ({{ column }} >= cast('{{ var("min_date") }}' as date) and {{ column }} < cast('{{ var("max_date") }}' as date))
{%- endmacro %}

{#- Pre-hook for incremental models keyed by a date: deletes the window first, so a
    partition that now yields no rows loses its old ones too (delete+insert alone only
    deletes keys present in the new batch). -#}
{% macro delete_partition_window(column) -%}
    {% if is_incremental() %}
    delete from {{ this }} where {{ in_partition_window(column) }}
    {% endif %}
{%- endmacro %}
