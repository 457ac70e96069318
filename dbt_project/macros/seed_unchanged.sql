{#- The `seed` materialization of dbt's global project, for DuckDB, that leaves a seed's table
    alone when it was loaded from the same file with the same settings.

    dbt reloads every seed on every `dbt build` (delete the rows, COPY the CSV, commit): the
    `outlet_sides` seed of the fact group was reloaded every night though it changes with a
    commit. Here the table carries, as its comment, the MD5 of the file's checksum (dbt's
    SHA-256 of the CSV) and of the settings that shape the rows (column types, delimiter,
    quoting); a run that finds the same fingerprint on an existing table reports the seed as
    loaded and runs no statement. An edited CSV, other column types or `--full-refresh` load it
    again as dbt always did (tests/warehouse/test_seed_unchanged.py). Everything else is dbt's
    own code. -#}
{% macro seed_fingerprint(model) -%}
    {%- set settings = {
        'checksum': model.checksum.checksum if model.checksum is defined else none,
        'column_types': config.get('column_types', {}),
        'delimiter': config.get('delimiter', ','),
        'quote_columns': config.get('quote_columns', none),
    } -%}
    {{ return('dbt-seed-md5:' ~ local_md5(tojson(settings, sort_keys=true))) }}
{%- endmacro %}

{% materialization seed, adapter='duckdb' %}

  {%- set identifier = model['alias'] -%}
  {%- set full_refresh_mode = (should_full_refresh()) -%}

  {%- set old_relation = adapter.get_relation(database=database, schema=schema, identifier=identifier) -%}

  {%- set exists_as_table = (old_relation is not none and old_relation.is_table) -%}
  {%- set exists_as_view = (old_relation is not none and old_relation.is_view) -%}

  {%- set grant_config = config.get('grants') -%}
  {%- set agate_table = load_agate_table() -%}
  {%- set fingerprint = seed_fingerprint(model) -%}

  {%- do store_result('agate_table', response='OK', agate_table=agate_table) -%}

  {%- if exists_as_table and not full_refresh_mode and stored_fingerprint(old_relation, 'table') == fingerprint -%}
    {{ build_nothing(this, 'unchanged seed: not reloaded', fingerprint, pre_hooks, post_hooks) }}
    {{ return({'relations': [this.incorporate(type='table')]}) }}
  {%- endif -%}

  {#- from here on: dbt's global `seed` materialization, plus the comment -#}
  {{ run_hooks(pre_hooks, inside_transaction=False) }}

  -- `BEGIN` happens here:
  {{ run_hooks(pre_hooks, inside_transaction=True) }}

  -- build model
  {% set create_table_sql = "" %}
  {% if exists_as_view %}
    {{ exceptions.raise_compiler_error("Cannot seed to '{}', it is a view".format(old_relation.render())) }}
  {% elif exists_as_table %}
    {% set create_table_sql = reset_csv_table(model, full_refresh_mode, old_relation, agate_table) %}
  {% else %}
    {% set create_table_sql = create_csv_table(model, agate_table) %}
  {% endif %}

  {% set code = 'CREATE' if full_refresh_mode else 'INSERT' %}
  {% set rows_affected = (agate_table.rows | length) %}
  {% set sql = "" %}
  {% if rows_affected > 0 %}
    {% set sql = load_csv_rows(model, agate_table) %}
  {% endif %}

  {% call noop_statement('main', code ~ ' ' ~ rows_affected, code, rows_affected) %}
    {{ get_csv_sql(create_table_sql, sql) }};
  {% endcall %}

  {% set target_relation = this.incorporate(type='table') %}

  {% call statement('seed_fingerprint') -%}
    comment on table {{ target_relation }} is '{{ fingerprint }}'
  {%- endcall %}

  {% set should_revoke = should_revoke(old_relation, full_refresh_mode) %}
  {% do apply_grants(target_relation, grant_config, should_revoke=should_revoke) %}

  {% do persist_docs(target_relation, model) %}

  {% if full_refresh_mode or not exists_as_table %}
    {% do create_indexes(target_relation) %}
  {% endif %}

  {{ run_hooks(post_hooks, inside_transaction=True) }}

  -- `COMMIT` happens here
  {{ adapter.commit() }}

  {{ run_hooks(post_hooks, inside_transaction=False) }}

  {{ return({'relations': [target_relation]}) }}

{% endmaterialization %}
