-- Figures that reports state about places, against the 2014 census. One row per report,
-- sentence and figure. Sentences are read from the report text with regular expressions:
--   population: "a town of some 100,000 people", "a township of about 95,000 people",
--               "home to more than 300,000 people", "about 8,400 residents at the 2014
--               census", "a population of 50,000";
--   urban_wards: "16 urban wards", "13 wards".
-- The place is the town, ward or township named in the sentence (the most specific one:
-- a ward, then a township when the sentence says "township", then a town), compared with
-- the census figure of the same level (a main town: its township's urban population and
-- urban wards; the township's total population is given beside).
with reports as (

    select report_id, outlet, published_date, report_text from {{ ref('int_reports__latest') }}

),

places as (

    select * from {{ ref('int_places__matchable') }}
    where level in ('town', 'ward', 'township') and length(name_norm) >= 4

),

townships as (

    select place_key, population_2014 as township_population_2014 from places where level = 'township'

),

sentences as (

    select
        reports.report_id,
        reports.outlet,
        reports.published_date,
        sentence_number,
        trim(sentence) as sentence
    from reports,
        unnest(regexp_split_to_array(reports.report_text, '[.!?]["”’]?\s+|\n+')) with ordinality as t(sentence, sentence_number)

),

population_figures as (

    select
        *,
        'population' as metric,
        coalesce(
            nullif(regexp_extract(sentence,
                '(?i)\b(?:town|city|township|ward|village)\s+of\s+((?:some|about|around|roughly|nearly|almost|over|more than|fewer than|less than|approximately)\s+)?([0-9][0-9,]*)\s+(?:people|residents|inhabitants)', 2), ''),
            nullif(regexp_extract(sentence,
                '(?i)\bhome to\s+((?:some|about|around|roughly|nearly|almost|over|more than|approximately)\s+)?([0-9][0-9,]*)\s+(?:people|residents|inhabitants)', 2), ''),
            nullif(regexp_extract(sentence,
                '(?i)\bpopulation of\s+((?:some|about|around|roughly|nearly|almost|over|more than|approximately)\s+)?([0-9][0-9,]*)', 2), ''),
            nullif(regexp_extract(sentence,
                '(?i)([0-9][0-9,]*)\s+(?:people|residents|inhabitants)\s+(?:at|in|according to)\s+the\s+(?:2014\s+)?census', 1), '')
        ) as stated_text
    from sentences

),

ward_figures as (

    select
        *,
        'urban_wards' as metric,
        nullif(regexp_extract(sentence, '(?i)\b([0-9]+)\s+(?:urban\s+)?wards\b', 1), '') as stated_text
    from sentences

),

figures as (

    select * from population_figures where stated_text is not null
    union all
    select * from ward_figures where stated_text is not null

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
                    when places.level = 'township' and regexp_matches(lower(figures.sentence), '\btownship\b') then 2
                    when places.level = 'town' then 3
                    else 4
                end,
                strpos(regexp_replace(lower(figures.sentence), '[^a-z0-9]', '', 'g'), places.name_norm),
                places.place_key
        ) as mention_rank
    from figures
    inner join places
        on strpos(regexp_replace(lower(figures.sentence), '[^a-z0-9]', '', 'g'), places.name_norm) > 0
    where figures.metric = 'population' or places.level in ('town', 'township')

)

select
    mentions.report_id,
    mentions.outlet,
    mentions.published_date,
    mentions.sentence_number,
    mentions.metric,
    mentions.place_key,
    mentions.level as place_level,
    mentions.place_name,
    cast(replace(mentions.stated_text, ',', '') as bigint) as stated_value,
    case mentions.metric
        when 'population' then mentions.population_2014
        else mentions.wards_2014
    end as census_value,
    townships.township_population_2014,
    round(cast(replace(mentions.stated_text, ',', '') as double)
          / nullif(case mentions.metric when 'population' then mentions.population_2014 else mentions.wards_2014 end, 0), 2)
        as stated_to_census_ratio,
    mentions.sentence
from mentions
left join townships on townships.place_key = mentions.township_pcode
where mentions.mention_rank = 1
