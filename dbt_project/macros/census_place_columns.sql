{#- The MIMU / 2014-census place columns under the project's names: state, district and
    township P-codes and names. The three reference tables that carry the full hierarchy
    (townships, census_workbook, towns) select them through this macro.
    Use inside a select list: select {{ census_place_columns() }}, other_column, ... -#}
{% macro census_place_columns() -%}
        sr_pcode as state_pcode,
        sr_name as state_name,
        dt_pcode as district_pcode,
        dt_name as district_name,
        ts_pcode as township_pcode,
        ts_name as township_name
{%- endmacro %}
