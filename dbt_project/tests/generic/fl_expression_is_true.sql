{#- Frontline fact models: rows for which the boolean expression is not true
    (optionally only rows matching `where_clause`). Prefixed fl_ to stay apart from the
    reference group's generic tests. -#}
{% test fl_expression_is_true(model, expression, where_clause='true') %}
select * from {{ model }}
where ({{ where_clause }}) and not coalesce(({{ expression }}), false)
{% endtest %}
