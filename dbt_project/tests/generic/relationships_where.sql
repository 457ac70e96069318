{% test relationships_where(model, column_name, to, field, from_condition='true') %}
-- Values (of rows matching from_condition) with no match in to.field.
select m.{{ column_name }} as failing_value
from {{ model }} as m
left join {{ to }} as t on t.{{ field }} = m.{{ column_name }}
where m.{{ column_name }} is not null and ({{ from_condition }}) and t.{{ field }} is null
{% endtest %}
