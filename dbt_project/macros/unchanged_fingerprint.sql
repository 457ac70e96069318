{#- What the `seed` and `view` materializations of this project share: a relation whose
    comment holds the fingerprint of what it was built from is left alone when that
    fingerprint is unchanged (seed_unchanged.sql, view_unchanged.sql). -#}

{#- The comment DuckDB stores on `relation` (a table or a view), none when it does not exist. -#}
{% macro stored_fingerprint(relation, kind) -%}
    {%- if not execute -%}{{ return(none) }}{%- endif -%}
    {%- set catalog, name_column = ('duckdb_views()', 'view_name') if kind == 'view' else ('duckdb_tables()', 'table_name') -%}
    {%- set found = run_query(
        "select comment from " ~ catalog ~ " where database_name = '" ~ relation.database
        ~ "' and schema_name = '" ~ relation.schema ~ "' and " ~ name_column ~ " = '" ~ relation.identifier ~ "'") -%}
    {{ return(found.columns[0].values()[0] if found and found.rows | length == 1 else none) }}
{%- endmacro %}

{#- Report `relation` as built without a statement: its hooks run, its `main` statement is a no-op. -#}
{% macro build_nothing(relation, message, fingerprint, pre_hooks, post_hooks) -%}
    {{ run_hooks(pre_hooks, inside_transaction=False) }}
    {{ run_hooks(pre_hooks, inside_transaction=True) }}
    {%- call noop_statement('main', message, 'OK', 0) -%}
      -- {{ relation }} unchanged ({{ fingerprint }})
    {%- endcall -%}
    {{ run_hooks(post_hooks, inside_transaction=True) }}
    {{ run_hooks(post_hooks, inside_transaction=False) }}
{%- endmacro %}
