{#- A place name reduced to what spellings share: lower case, no "(W)"/"(VT)" census
    suffixes, no "ward"/"town"/"township" words, letters and digits only.
    "Shwe Kyee Nar ward" and "ShweKyeeNar(W)" both give 'shwekyeenar'. -#}
{% macro normalize_place_name(expr) -%}
    nullif(regexp_replace(
        regexp_replace(lower({{ expr }}), '\((w|vt|st)\)|\b(ward|town|township|village tract)\b', '', 'g'),
        '[^a-z0-9]', '', 'g'), '')
{%- endmacro %}

{#- A state/region name without its MIMU part and suffix: "Shan (North)" and "Shan State"
    give 'shan'; "Bago (East)" gives 'bago'. -#}
{% macro normalize_state_name(expr) -%}
    nullif(trim(regexp_replace(lower({{ expr }}), '\s*\(.*\)|\s+(state|region)$', '', 'g')), '')
{%- endmacro %}
