{#- The value checks of a model's columns in one query, one dbt node (where a `not_null` or
    `accepted_values` test per column costs a node each: about 30 ms of a night apiece).
    Arguments, as dbt's own tests mean them:
      not_null:        [column, ...]                 NULL is a failure;
      accepted_values: {column: [value, ...], ...}   a value outside the list is a failure
                                                     (NULL is not; numbers compared as numbers,
                                                     as `quote: false` does, strings as strings).
    Returns one row per broken check (column, check, failing rows); the failures counted are
    the failing rows. The window filter (macros/test_window.sql) applies as to any data test. -#}
{% test column_values(model, not_null=[], accepted_values={}) %}
{{ config(fail_calc='coalesce(sum(failing_rows), 0)') }}
{%- set checks = [] -%}
{%- for column in not_null -%}
    {%- do checks.append((column, 'not_null', adapter.quote(column) ~ ' is null')) -%}
{%- endfor -%}
{%- for column, values in accepted_values.items() -%}
    {%- set listed = [] -%}
    {%- for v in values -%}
        {%- do listed.append(v if v is number else "'" ~ (v | replace("'", "''")) ~ "'") -%}
    {%- endfor -%}
    {%- do checks.append((column, 'accepted_values',
                          adapter.quote(column) ~ ' not in (' ~ listed | join(', ') ~ ')')) -%}
{%- endfor %}
with counted as (
    select
    {%- for column, check, condition in checks %}
        count(*) filter (where {{ condition }}) as check_{{ loop.index }}{{ "," if not loop.last }}
    {%- endfor %}
    from {{ model }}
)
{%- for column, check, condition in checks %}
select '{{ column }}' as column_name, '{{ check }}' as check_name, check_{{ loop.index }} as failing_rows
from counted where check_{{ loop.index }} > 0
{{ "union all" if not loop.last }}
{%- endfor %}
{% endtest %}
