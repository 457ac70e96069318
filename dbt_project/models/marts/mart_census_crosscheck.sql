-- Figures that reports state about places, against the 2014 census. One row per report,
-- sentence and figure. The figures (population, urban wards) and their sentences are read
-- in Python when the facts are extracted (ingestion/census_figures.py → raw.census_figures);
-- here they are only matched to places: no regular expression runs over report text.
-- The place is the town, ward or township named in the sentence (the most specific one:
-- a ward, then a township when the sentence says "township", then a town), compared with
-- the census figure of the same level (a main town: its township's urban population and
-- urban wards; the township's total population is given beside).
with figures as (

    select * from {{ ref('stg_raw__census_figures') }}

),

reports as (

    select report_id, outlet from {{ ref('int_reports__latest') }}

),

places as (

    select * from {{ ref('int_places__matchable') }}
    where level in ('town', 'ward', 'township') and length(name_norm) >= 4

),

townships as (

    select place_key, population_2014 as township_population_2014 from places where level = 'township'

),

mentions as (  -- the places a sentence names, most specific first

    select
        figures.*,
        places.place_key,
        places.level,
        places.name as place_name,
        places.township_pcode,
        places.population_2014,
        places.wards_2014,
        row_number() over (
            partition by figures.report_id, figures.sentence_number, figures.metric
            order by
                case
                    when places.level = 'ward' then 1
                    when places.level = 'township' and figures.names_township then 2
                    when places.level = 'town' then 3
                    else 4
                end,
                strpos(figures.sentence_norm, places.name_norm),
                places.place_key
        ) as mention_rank
    from figures
    inner join places
        on strpos(figures.sentence_norm, places.name_norm) > 0
    where figures.metric = 'population' or places.level in ('town', 'township')

)

select
    mentions.report_id,
    reports.outlet,
    mentions.published_date,
    mentions.sentence_number,
    mentions.metric,
    mentions.place_key,
    mentions.level as place_level,
    mentions.place_name,
    mentions.stated_value,
    case mentions.metric
        when 'population' then mentions.population_2014
        else mentions.wards_2014
    end as census_value,
    townships.township_population_2014,
    round(cast(mentions.stated_value as double)
          / nullif(case mentions.metric when 'population' then mentions.population_2014 else mentions.wards_2014 end, 0), 2)
        as stated_to_census_ratio,
    mentions.sentence
from mentions
left join reports on reports.report_id = mentions.report_id
left join townships on townships.place_key = mentions.township_pcode
where mentions.mention_rank = 1
