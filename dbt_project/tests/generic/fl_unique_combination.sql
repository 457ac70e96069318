{#- Frontline fact models: combinations of `columns` that occur more than once. -#}
{% test fl_unique_combination(model, columns) %}
select {{ columns | join(', ') }}, count(*) as n_rows
from {{ model }}
group by {{ columns | join(', ') }}
having count(*) > 1
{% endtest %}
