-- Who holds each site on the latest date the reports cover (the last event date): the
-- control periods valid on that day (control_as_of). One row per site with a known period.
{{ control_as_of("(select max(event_date_end) from " ~ ref('fct_control_events') ~ ")") }}
