{#- "Who held what on date D": the control periods valid on D.
    `as_of_date` is a SQL expression (a literal such as "date '2025-03-05'" or a scalar
    subquery). Use in models and analyses: {{ control_as_of("date '2025-03-05'") }}. -#}
{% macro control_as_of(as_of_date, periods=none) -%}
    select
        periods.*,
        cast({{ as_of_date }} as date) as as_of_date
    from {{ periods if periods is not none else ref('fct_control_periods') }} as periods
    where periods.valid_from <= cast({{ as_of_date }} as date)
      and (periods.valid_to is null or periods.valid_to > cast({{ as_of_date }} as date))
{%- endmacro %}

{#- Post-hook of fct_control_periods: the same question as a DuckDB table macro stored in
    the warehouse, so BI users can run `select * from control_as_of(date '2025-03-05')`.
    The table is named without its database so the macro still works in the published
    copy (a file with another name). -#}
{% macro create_control_as_of_table_macro() -%}
    create or replace macro {{ this.schema }}.control_as_of(as_of) as table
        select periods.*, cast(as_of as date) as as_of_date
        from {{ this.schema }}.{{ this.identifier }} as periods
        where periods.valid_from <= cast(as_of as date)
          and (periods.valid_to is null or periods.valid_to > cast(as_of as date))
{%- endmacro %}
