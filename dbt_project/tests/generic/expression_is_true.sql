{% test expression_is_true(model, expression, where_clause='true') %}
-- Rows for which the boolean expression is not true (optionally only rows matching where_clause).
select * from {{ model }}
where ({{ where_clause }}) and not coalesce(({{ expression }}), false)
{% endtest %}
