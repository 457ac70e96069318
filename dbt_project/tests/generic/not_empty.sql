{% test not_empty(model) %}
-- Fails when the model has no rows.
select 1 as no_rows where (select count(*) from {{ model }}) = 0
{% endtest %}
