{#- Data tests scoped to what a partitioned run rebuilt (dbt's documented hook for templated
    `where` filters: get_where_subquery, rendered when the test runs, so the nightly window in
    the environment does not invalidate partial parsing).

    Every data test of the project carries `where: "__window__"` (dbt_project.yml); a test
    that must see the whole table sets `where: ""` in its YAML; `column_values` (a model's
    checks in one node, tests/generic/column_values.sql) gets the whole table and applies the
    filter below to its row checks itself, not to its uniqueness checks. At run time the
    placeholder becomes:
      * on the models rebuilt by publication day (incremental by window, the staging views
        of the raw tables, and the two intermediate views those incremental facts are selected
        from): the partition window on published_date;
      * on the models rebuilt by site (fct_control_events, fct_control_periods): the sites
        the run recomputed (int_control_sites__touched);
      * anywhere else (the marts rebuilt whole, the reference group): no filter.
    Without a window (a plain `dbt build`, --full-refresh) the window is all history, so
    every row is tested. Rows outside the window were tested when they were built and are
    unchanged since: a reference change makes the next fact build a full refresh. -#}
{% macro window_scoped_models() -%}
    {{ return({
        'fct_control_changes': 'window', 'fct_claims': 'window', 'dim_report': 'window',
        'int_control_changes__resolved': 'window', 'int_claims__resolved': 'window',
        'stg_raw__extracted_facts': 'window', 'stg_raw__reports': 'window',
        'stg_raw__census_figures': 'window', 'reports': 'window', 'extracted_facts': 'window',
        'census_figures': 'window',
        'fct_control_events': 'sites', 'fct_control_periods': 'sites',
    }) }}
{%- endmacro %}

{#- The generic test being rendered (`model` is the test node here), else none. -#}
{% macro window_test_name() -%}
    {%- set meta = model.test_metadata if model is defined and model.test_metadata is defined else none -%}
    {{ return(meta.name if meta else none) }}
{%- endmacro %}

{% macro has_partition_window() -%}
    {{ return(partition_min_date() != '1900-01-01' or partition_max_date() != '2999-12-31') }}
{%- endmacro %}

{% macro test_window_filter(relation) -%}
    {%- set scope = window_scoped_models().get(relation.identifier) -%}
    {%- if not has_partition_window() -%}
        true
    {%- elif scope == 'window' -%}
        (published_date is null or {{ in_partition_window('published_date') }})
    {%- elif scope == 'sites' -%}
        site_key in (select site_key from {{ relation.database }}.{{ relation.schema }}.int_control_sites__touched)
    {%- else -%}
        true
    {%- endif -%}
{%- endmacro %}

{% macro get_where_subquery(relation) -%}
    {%- set where = config.get('where', '') -%}
    {%- if where == '__window__' and window_test_name() == 'column_values' -%}
        {#- column_values windows its row checks itself and reads the whole table for `unique` -#}
        {{ return(relation) }}
    {%- endif -%}
    {%- if where and '__window__' in where -%}
        {%- set where = where | replace('__window__', test_window_filter(relation)) -%}
    {%- endif -%}
    {%- if where and where | trim != 'true' -%}
        {%- set filtered -%}
            (select * from {{ relation }} where {{ where }}) dbt_subquery
        {%- endset -%}
        {{ return(filtered) }}
    {%- else -%}
        {{ return(relation) }}
    {%- endif -%}
{%- endmacro %}
