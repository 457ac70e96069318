{#- A model's checks in one query, one dbt node (where a `not_null`, `accepted_values`,
    `unique` or `relationships` test per column costs a node each: about 30-50 ms of a night
    apiece, in dbt and in Dagster's handling of its result). Arguments, as dbt's own tests mean
    them:
      not_null:        [column, ...]                 NULL is a failure;
      accepted_values: {column: [value, ...], ...}   a value outside the list is a failure
                                                     (NULL is not; numbers compared as numbers,
                                                     as `quote: false` does, strings as strings);
      unique:          [column, ...]                 a non-NULL value on more than one row of
                                                     the WHOLE table is a failure (one per value);
      relationships:   {column: 'model.field', ...}  a non-NULL value with no row of that model
                                                     with it in that field is a failure (an orphan).
    Returns one row per broken check: the column, the check (`relationships` names its
    target), the failing rows (duplicated values for `unique`) and one failing value as an
    example; the failures counted are the failing rows. Severity is the test's: put the
    checks that only warn in a second `column_values` test with `config: {severity: warn}`.

    Window (macros/test_window.sql): get_where_subquery hands this test the whole relation,
    and the test filters the rows itself: not_null, accepted_values and relationships read the
    rows the run rebuilt (the window, or the recomputed sites), unique reads every row (an old
    row may share a value with a new one). A `where` of the test's own replaces the window
    and applies to every check.

    `unique_scope: window` makes unique read the window's rows too. Only for a view whose rows
    are stored, window by window, in a table that is itself tested unique on the same column
    over every row (int_control_changes__resolved → fct_control_changes, int_claims__resolved →
    fct_claims): an old row sharing a value with a new one is caught there, and the view is no
    longer computed over all history every night to be tested. -#}
{% test column_values(model, not_null=[], accepted_values={}, unique=[], relationships={}, unique_scope='table') %}
{{ config(fail_calc='coalesce(sum(failing_rows), 0)') }}
{%- set whole = model -%}
{%- set rows = model -%}
{#- only when running: at parse time the window's environment variables would become inputs of
    every YAML file with this test, and a night's new window would make dbt parse them all again -#}
{%- if execute and model.identifier is defined -%}
    {%- set window = test_window_filter(model) | trim -%}
    {%- if window != 'true' -%}
        {%- set rows = '(select * from ' ~ model ~ ' where ' ~ window ~ ')' -%}
    {%- endif -%}
{%- endif -%}
{%- if unique_scope not in ('table', 'window') -%}
    {{ exceptions.raise_compiler_error("column_values: unique_scope must be 'table' or 'window', got '" ~ unique_scope ~ "'") }}
{%- endif -%}
{%- set unique_from = rows if unique_scope == 'window' else whole -%}
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
{%- set targets = [] -%}
{%- for column, target in relationships.items() -%}
    {%- set parts = target.split('.') -%}
    {%- if parts | length != 2 -%}
        {{ exceptions.raise_compiler_error("column_values: relationships of '" ~ column ~ "' must be 'model.field', got '" ~ target ~ "'") }}
    {%- endif -%}
    {%- do targets.append((column, parts[0], parts[1])) -%}
{%- endfor %}
with
{%- if checks %}
counted as (
    select
    {%- for column, check, condition in checks %}
        count(*) filter (where {{ condition }}) as check_{{ loop.index }},
        cast(min({{ adapter.quote(column) }}) filter (where {{ condition }}) as varchar) as example_{{ loop.index }}{{ "," if not loop.last }}
    {%- endfor %}
    from {{ rows }}
),
{%- endif %}
{%- for column in unique %}
duplicated_{{ loop.index }} as (
    select count(*) as failing_rows, cast(min(value) as varchar) as example from (
        select {{ adapter.quote(column) }} as value from {{ unique_from }}
        where {{ adapter.quote(column) }} is not null
        group by 1 having count(*) > 1
    ) as duplicates
),
{%- endfor %}
{%- for column, to, field in targets %}
orphans_{{ loop.index }} as (
    select count(*) as failing_rows, cast(min(child.{{ adapter.quote(column) }}) as varchar) as example
    from {{ rows }} as child
    where child.{{ adapter.quote(column) }} is not null
      and not exists (select 1 from {{ ref(to) }} as parent
                      where parent.{{ adapter.quote(field) }} = child.{{ adapter.quote(column) }})
),
{%- endfor %}
failures as (
    select cast(null as varchar) as column_name, cast(null as varchar) as check_name,
           cast(0 as bigint) as failing_rows, cast(null as varchar) as example
    where false
{%- for column, check, condition in checks %}
    union all
    select '{{ column }}', '{{ check }}', check_{{ loop.index }}, example_{{ loop.index }}
    from counted where check_{{ loop.index }} > 0
{%- endfor %}
{%- for column in unique %}
    union all
    select '{{ column }}', 'unique', failing_rows, example from duplicated_{{ loop.index }} where failing_rows > 0
{%- endfor %}
{%- for column, to, field in targets %}
    union all
    select '{{ column }}', 'relationships to {{ to }}.{{ field }}', failing_rows, example
    from orphans_{{ loop.index }} where failing_rows > 0
{%- endfor %}
)
select * from failures
{% endtest %}
