{#- The rows of a versioned reference table (`relation`, a source) from its latest load:
    the loaders append each new version of a file with a higher load_version.
    Use as a CTE body: with latest as ( {{ latest_load(source('reference', 'towns')) }} ). -#}
{% macro latest_load(relation) -%}
    select * from {{ relation }}
    where load_version = (select max(load_version) from {{ relation }})
{%- endmacro %}
