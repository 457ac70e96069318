{#- The sites whose control events and periods a partitioned run recomputes: every site of a
    control change published in the window, and every site whose events (as the last run
    left them) were reported in the window — a re-extracted fact may have moved to another
    site, and its old site must lose it. Events and periods depend only on their own site's
    facts, so recomputing these sites whole gives what a full rebuild gives.

    The previous fct_control_events is read by name, not ref() (it is downstream of this
    model: it is built after, so this reads the last run's table; absent on a first run). -#}
{%- set previous_events = adapter.get_relation(database=this.database, schema=this.schema,
                                                identifier='fct_control_events') -%}
with changes_in_window as (

    select distinct site_key
    from {{ ref('fct_control_changes') }}
    where {{ in_partition_window('published_date') }} and site_key is not null

),

previously_reported_in_window as (

    {% if previous_events is not none -%}
    select distinct site_key
    from {{ previous_events }}
    where first_reported < cast('{{ partition_max_date() }}' as date)
      and last_reported >= cast('{{ partition_min_date() }}' as date)
    {%- else -%}
    select cast(null as varchar) as site_key
    where false
    {%- endif %}

)

select site_key from changes_in_window
union
select site_key from previously_reported_in_window
