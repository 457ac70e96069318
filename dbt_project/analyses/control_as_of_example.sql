-- Who held what on a given day: `dbt compile --select control_as_of_example` prints the SQL
-- (or, in the warehouse itself: select * from control_as_of(date '2025-03-05')).
{{ control_as_of("date '2025-03-05'") }}
order by site_key
