{% test matches_pattern(model, column_name, pattern) %}
-- Rows whose non-null value does not fully match the regular expression.
select {{ column_name }} as failing_value
from {{ model }}
where {{ column_name }} is not null
  and not regexp_full_match({{ column_name }}, '{{ pattern }}')
{% endtest %}
