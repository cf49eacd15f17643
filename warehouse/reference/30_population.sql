-- fact_population from etl/reference/population_0_17.csv: ONS mid-year estimates of children aged
-- 0-17 (DfE layout: time_period is the mid-year; geographic_level National / Regional / Local
-- authority).
--
-- year = mid_year + 1: the 31 March Y rates use the mid-(Y-1) estimate (indicators.md §0;
-- Barnsley 2025: 366 / 51,799 (mid-2024) x 10,000 = 70.7, published 71).
-- Authorities are matched on their DfE code (old_la_code) and get their current ONS code from
-- dim_authority: ONS used older codes for some unchanged areas before they became unitary
-- (e.g. North Yorkshire E10000023, now E06000065). Regions include Inner and Outer London
-- (E13000001, E13000002) as well as London (E12000007).
-- Left out: the rows of the pre-2019 authorities 835 Dorset, 836 Poole and 837 Bournemouth, which
-- hold only 'x' (not available). Any other non-number, or an authority missing from
-- dim_authority, fails the load.

DELETE FROM fact_population;

INSERT INTO fact_population (area_type, area_code, la_code, mid_year, year, population_0_17)
WITH population AS (
    SELECT
        CAST(trim(time_period) AS SMALLINT) AS mid_year,
        trim(geographic_level)              AS geographic_level,
        trim(country_code)                  AS country_code,
        trim(region_code)                   AS region_code,
        trim(old_la_code)                   AS old_la_code,
        trim(population_estimate)           AS population_estimate
    FROM read_csv(getvariable('reference_dir') || '/population_0_17.csv',
                  header = true, all_varchar = true, delim = ',', quote = '"', escape = '"')
)
SELECT
    CASE p.geographic_level
        WHEN 'National'        THEN 'england'
        WHEN 'Regional'        THEN 'region'
        WHEN 'Local authority' THEN 'la'
        ELSE error('population_0_17.csv: unknown geographic_level ''' || p.geographic_level || '''')
    END                                                      AS area_type,
    CASE p.geographic_level
        WHEN 'National' THEN p.country_code
        WHEN 'Regional' THEN p.region_code
        ELSE coalesce(a.ons_code,
                      error('population_0_17.csv: authority ' || p.old_la_code || ' is not in local_authorities.csv'))
    END                                                      AS area_code,
    a.la_code                                                AS la_code,
    p.mid_year                                               AS mid_year,
    p.mid_year + 1                                           AS year,
    CASE WHEN regexp_full_match(p.population_estimate, '[0-9]+') THEN CAST(p.population_estimate AS INTEGER)
         ELSE error('population_0_17.csv: population ''' || coalesce(p.population_estimate, '') || ''' for '
                    || coalesce(p.old_la_code, p.region_code, p.country_code) || ' ' || p.mid_year || ' is not a number')
    END                                                      AS population_0_17
FROM population AS p
LEFT JOIN dim_authority AS a
       ON p.geographic_level = 'Local authority' AND a.la_code = p.old_la_code
WHERE NOT (p.old_la_code IN ('835', '836', '837') AND p.population_estimate = 'x');
