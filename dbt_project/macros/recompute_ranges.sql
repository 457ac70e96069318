{#- Incremental within a site or a claim topic. fct_control_events and mart_claims_reconciled
    group rows into islands of date intervals that overlap or touch within a day. A run
    recomputes only the islands its window can change: int_control_events__ranges and
    int_claim_groups__ranges hold them (one row per key and date range, the ranges of one key
    disjoint and more than a day apart); the pre-hook deletes the stored rows in those ranges
    and the model inserts the rows it recomputes from the current facts in the same ranges. -#}

{#- The claim topic of a claim (metric, subject, place): claims of one topic are grouped by
    date in mart_claims_reconciled. -#}
{% macro claim_topic(prefix='') -%}
    {{ prefix }}metric
        || '|' || coalesce({{ prefix }}subject_key, lower(trim({{ prefix }}subject)), '?')
        || '|' || coalesce({{ prefix }}place_key, {{ prefix }}place_name_norm, '?')
{%- endmacro %}

{#- The kind of control event a change belongs to (see fct_control_events). -#}
{% macro control_event_class(change) -%}
    case when {{ change }} in ('captured', 'withdrew') then 'change_of_control' else {{ change }} end
{%- endmacro %}

{#- Pre-hook: on an incremental run, delete the stored rows whose dates fall in a range to
    recompute (`keys`: the columns a range row and a stored row share). -#}
{% macro delete_recomputed_ranges(ranges, keys, date_from, date_to) -%}
    {% if is_incremental() %}
    delete from {{ this }} as stored
    where exists (
        select 1 from {{ ref(ranges) }} as ranges
        where {% for key in keys %}ranges.{{ key }} = stored.{{ key }} and {% endfor -%}
              stored.{{ date_from }} <= ranges.range_end and stored.{{ date_to }} >= ranges.range_start
    )
    {% endif %}
{%- endmacro %}
