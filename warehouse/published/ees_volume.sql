-- One EES file of children looked after at 31 March, starting and ceasing to be looked after
-- ("cla_number_and_rate_per_10k_children", e.g. etl/reference/published/
-- ees_cla_number_and_rate_per_10k_2021_2025.csv) into published_cell. Each row gives, for an
-- area, a year and a population_type, a count and a rate per 10,000:
--     Children looked after on (or at) 31 March each year -> cla_31mar, cla_rate_10k
--     Children starting to be looked after each year      -> starts,    starts_rate_10k
--     Children ceasing to be looked after each year       -> ceased,    ceased_rate_10k
-- count = children_count; rate = rate_per_10000 with numerator = the count and denominator =
-- population_estimate. Older releases name the columns population_count and number; the
-- loader reads them under today's names (uk.iroinsight.etl.published.PublishedKind).
-- Variables: published_path (the file), published_columns (its column names, today's spelling).

INSERT INTO published_cell
WITH
file AS (
    SELECT * FROM read_csv(getvariable('published_path'), header = true, all_varchar = true,
                           delim = ',', quote = '"', escape = '"', names = getvariable('published_columns'))
    WHERE coalesce(trim(time_period), '') <> ''    -- a blank line
),
volume AS (
    SELECT *,
        CASE trim(population_type)
            WHEN 'Children looked after on 31 March each year'    THEN 'cla_31mar'
            WHEN 'Children looked after at 31 March each year'    THEN 'cla_31mar'
            WHEN 'Children starting to be looked after each year' THEN 'starts'
            WHEN 'Children ceasing to be looked after each year'  THEN 'ceased'
            ELSE error('unknown population_type ''' || population_type || '''')
        END AS count_indicator
    FROM file
),
cell AS (
    -- the count
    SELECT count_indicator AS indicator, time_period, geographic_level, country_code, region_code, old_la_code,
           children_count AS numerator_cell, NULL AS denominator_cell, children_count AS value_cell
    FROM volume
    UNION ALL
    -- the rate per 10,000
    SELECT CASE count_indicator WHEN 'cla_31mar' THEN 'cla_rate_10k'
                                WHEN 'starts'    THEN 'starts_rate_10k'
                                WHEN 'ceased'    THEN 'ceased_rate_10k' END,
           time_period, geographic_level, country_code, region_code, old_la_code,
           children_count, population_estimate, rate_per_10000
    FROM volume
)
SELECT c.indicator,
       ees_area_type(c.geographic_level),
       ees_area_code(c.geographic_level, c.country_code, c.region_code, c.old_la_code, a.ons_code),
       a.la_code,
       CAST(trim(c.time_period) AS SMALLINT),
       c.numerator_cell, c.denominator_cell, c.value_cell
FROM cell AS c
LEFT JOIN dim_authority AS a
       ON trim(c.geographic_level) = 'Local authority' AND a.la_code = trim(c.old_la_code);
