-- Calendar 2021-01-01 .. 2027-12-31 (the war since the coup, with room ahead).

with days as (

    select cast(d as date) as date_day
    from generate_series(date '2021-01-01', date '2027-12-31', interval 1 day) as t(d)

)

select
    cast(strftime(date_day, '%Y%m%d') as integer) as date_key,
    date_day,
    cast(year(date_day) as integer) as year,
    cast(quarter(date_day) as integer) as quarter,
    cast(month(date_day) as integer) as month,
    strftime(date_day, '%B') as month_name,
    cast(day(date_day) as integer) as day_of_month,
    cast(isodow(date_day) as integer) as iso_day_of_week,
    strftime(date_day, '%A') as day_name,
    cast(isoyear(date_day) as integer) as iso_year,
    cast(weekofyear(date_day) as integer) as iso_week,
    cast(date_trunc('week', date_day) as date) as week_start,
    cast(date_trunc('month', date_day) as date) as month_start,
    isodow(date_day) >= 6 as is_weekend,
    date_day >= date '2021-02-01' as is_post_coup
from days
