{#- A custom schema is used as named (the seeds' `lookup`), not prefixed with the target
    schema; everything else stays in the target schema (main). -#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {{ custom_schema_name | trim if custom_schema_name is not none else target.schema }}
{%- endmacro %}
