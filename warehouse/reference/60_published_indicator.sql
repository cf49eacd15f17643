-- published_indicator_release and fact_published_indicator from the DfE files in
-- etl/reference/published/ (what the columns mean, the symbol -> status mapping and the release
-- order are explained in warehouse/schema/10_reference.sql).
--
-- Files and how each becomes indicators:
--   ees_cla_number_and_rate_per_10k_2021_2025.csv  (release 'EES 2025')
--   ees_cla_number_and_rate_per_10k_2020_2024.csv  (release 'EES 2024')
--       one row per area, year and population_type (2024 release: population_count, and "at"
--       instead of "on" 31 March); each row gives a count and a rate:
--         Children looked after on/at 31 March each year -> cla_31mar, cla_rate_10k
--         Children starting to be looked after each year -> starts,    starts_rate_10k
--         Children ceasing to be looked after each year  -> ceased,    ceased_rate_10k
--       count = children_count (2024: number); rate = rate_per_10000 with numerator = the count
--       and denominator = population_estimate.
--   ees_cla_placement_stability_2021_2025.csv  (release 'EES 2025')
--   ees_cla_placement_stability_2020_2024.csv  (release 'EES 2024')
--       one row per area, year, cla_group and placement_stability; percentage = children_percent
--       (2024: percentage), count = children_count (2024: number):
--         cla_group 'CLA on 31 March', 'With 3 or more placements during the year'
--             -> stability_3plus_pct
--         cla_group 'Children looked after continuously for at least 2.5 years on 31 March aged
--         under 16 years', 'Living with the same carer for at least 2 years'
--             -> stability_long_term_pct
--       numerator = that row's count, denominator = the count of the group's 'Total children'
--       row. (The 'CLA 2 years on 31 March' group - 3+ placements in two years - is not one of
--       our indicators and is not loaded.)
--   lait_cla_measures_2016_2025.csv  (release 'LAIT 2025'; one row per short_desc, area, year)
--         LACnum              -> cla_31mar
--         LAC                 -> cla_rate_10k             numerator = LACnum
--         LACnum_Start        -> starts
--         LAC_Start_Rate      -> starts_rate_10k          numerator = LACnum_Start  (2018 on)
--         LACceased           -> ceased
--         LAC_Cease_Rate      -> ceased_rate_10k          numerator = LACceased     (2018 on)
--         LACStable_2016on    -> stability_3plus_pct      numerator = LACStableNum_2016on
--         LAC_LongStable%     -> stability_long_term_pct  numerator = LAC_LongStableNum (2018 on)
--       LAIT publishes no population or group totals, so LAIT denominators are NULL.
--       Areas are LAIT's old codes (la_number '201.0'): 970 England, 980-990 the regions
--       (986 London, 987 Inner London, 988 Outer London); the pre-2019 authorities 835 Dorset,
--       836 Poole and 837 Bournemouth (figures for 2016-2019) are left out: they have no ONS
--       code in dim_authority and no successor with the same area.
--
-- Areas: EES National -> ('england', country_code), Regional -> ('region', region_code), Local
-- authority -> ('la', ONS code from dim_authority by old_la_code). An authority code missing from
-- dim_authority, an unknown measure or an unknown symbol fails the load.
-- fact_published_indicator keeps, per (indicator, area_type, area_code, year), the row of the
-- highest release_rank.

DELETE FROM fact_published_indicator;
DELETE FROM published_indicator_release;

-- A published cell as a number (NULL for a symbol or a blank cell).
CREATE OR REPLACE TEMP MACRO dfe_number(cell) AS
    CASE WHEN regexp_full_match(trim(cell), '-?[0-9]+(\.[0-9]+)?') THEN CAST(trim(cell) AS DOUBLE) END;

-- A published cell's status: ok (a number), suppressed or not_available (a symbol, or blank).
CREATE OR REPLACE TEMP MACRO dfe_status(cell) AS
    CASE
        WHEN regexp_full_match(trim(cell), '-?[0-9]+(\.[0-9]+)?')  THEN 'ok'
        WHEN trim(cell) IN ('c', 'k', 'low', 'u')                  THEN 'suppressed'
        WHEN trim(cell) IN ('x', 'z', ':', '..', '-')              THEN 'not_available'
        WHEN cell IS NULL OR trim(cell) = ''                       THEN 'not_available'
        ELSE error('unknown DfE symbol ''' || cell || '''')
    END;

INSERT INTO published_indicator_release
    (indicator, area_type, area_code, la_code, year, numerator, denominator, value, status, symbol,
     release, release_rank, source_file)
WITH
-- The releases, oldest-ranked first. Higher rank wins in fact_published_indicator.
release (release, release_rank) AS (
    VALUES ('LAIT 2025', 1),
           ('EES 2024',  2),
           ('EES 2025',  3)
),

-- EES: children looked after at 31 March, starting and ceasing (count, population, rate)
ees_volume_file AS (
    SELECT 'EES 2025' AS release,
           'published/ees_cla_number_and_rate_per_10k_2021_2025.csv' AS source_file,
           time_period, geographic_level, country_code, region_code, old_la_code,
           population_type     AS measure,
           children_count      AS children,
           population_estimate AS population,
           rate_per_10000      AS rate
    FROM read_csv(getvariable('reference_dir') || '/published/ees_cla_number_and_rate_per_10k_2021_2025.csv',
                  header = true, all_varchar = true, delim = ',', quote = '"', escape = '"')
    UNION ALL
    SELECT 'EES 2024',
           'published/ees_cla_number_and_rate_per_10k_2020_2024.csv',
           time_period, geographic_level, country_code, region_code, old_la_code,
           population_count,
           number,
           population_estimate,
           rate_per_10000
    FROM read_csv(getvariable('reference_dir') || '/published/ees_cla_number_and_rate_per_10k_2020_2024.csv',
                  header = true, all_varchar = true, delim = ',', quote = '"', escape = '"')
),
ees_volume AS (
    SELECT *,
        CASE trim(measure)
            WHEN 'Children looked after on 31 March each year'    THEN 'cla_31mar'
            WHEN 'Children looked after at 31 March each year'    THEN 'cla_31mar'
            WHEN 'Children starting to be looked after each year' THEN 'starts'
            WHEN 'Children ceasing to be looked after each year'  THEN 'ceased'
            ELSE error(source_file || ': unknown population_type ''' || measure || '''')
        END AS count_indicator
    FROM ees_volume_file
),
ees_volume_cell AS (
    -- the count
    SELECT count_indicator AS indicator, release, source_file, time_period, geographic_level,
           country_code, region_code, old_la_code,
           children AS numerator_cell, NULL AS denominator_cell, children AS value_cell
    FROM ees_volume
    UNION ALL
    -- the rate per 10,000
    SELECT CASE count_indicator WHEN 'cla_31mar' THEN 'cla_rate_10k'
                                WHEN 'starts'    THEN 'starts_rate_10k'
                                WHEN 'ceased'    THEN 'ceased_rate_10k' END,
           release, source_file, time_period, geographic_level,
           country_code, region_code, old_la_code,
           children, population, rate
    FROM ees_volume
),

-- EES: placement stability (count and percentage per group, with the group's total)
ees_stability_file AS (
    SELECT 'EES 2025' AS release,
           'published/ees_cla_placement_stability_2021_2025.csv' AS source_file,
           time_period, geographic_level, country_code, region_code, old_la_code,
           cla_group, placement_stability,
           children_count   AS children,
           children_percent AS percent
    FROM read_csv(getvariable('reference_dir') || '/published/ees_cla_placement_stability_2021_2025.csv',
                  header = true, all_varchar = true, delim = ',', quote = '"', escape = '"')
    UNION ALL
    SELECT 'EES 2024',
           'published/ees_cla_placement_stability_2020_2024.csv',
           time_period, geographic_level, country_code, region_code, old_la_code,
           cla_group, placement_stability,
           number,
           percentage
    FROM read_csv(getvariable('reference_dir') || '/published/ees_cla_placement_stability_2020_2024.csv',
                  header = true, all_varchar = true, delim = ',', quote = '"', escape = '"')
),
ees_stability_measure (cla_group, placement_stability, indicator) AS (
    VALUES ('CLA on 31 March',
            'With 3 or more placements during the year',
            'stability_3plus_pct'),
           ('Children looked after continuously for at least 2.5 years on 31 March aged under 16 years',
            'Living with the same carer for at least 2 years',
            'stability_long_term_pct')
),
ees_stability_cell AS (
    SELECT m.indicator, s.release, s.source_file, s.time_period, s.geographic_level,
           s.country_code, s.region_code, s.old_la_code,
           s.children     AS numerator_cell,
           total.children AS denominator_cell,
           s.percent      AS value_cell
    FROM ees_stability_file AS s
    JOIN ees_stability_measure AS m
      ON m.cla_group = trim(s.cla_group) AND m.placement_stability = trim(s.placement_stability)
    LEFT JOIN ees_stability_file AS total
      ON  total.release = s.release
      AND total.time_period = s.time_period
      AND total.geographic_level = s.geographic_level
      AND total.country_code IS NOT DISTINCT FROM s.country_code
      AND total.region_code IS NOT DISTINCT FROM s.region_code
      AND total.old_la_code IS NOT DISTINCT FROM s.old_la_code
      AND total.cla_group = s.cla_group
      AND trim(total.placement_stability) = 'Total children'
),

-- EES cells with their area
ees_cell AS (
    SELECT * FROM ees_volume_cell
    UNION ALL
    SELECT * FROM ees_stability_cell
),
ees AS (
    SELECT
        c.indicator,
        CASE trim(c.geographic_level)
            WHEN 'National'        THEN 'england'
            WHEN 'Regional'        THEN 'region'
            WHEN 'Local authority' THEN 'la'
            ELSE error(c.source_file || ': unknown geographic_level ''' || c.geographic_level || '''')
        END AS area_type,
        CASE trim(c.geographic_level)
            WHEN 'National' THEN trim(c.country_code)
            WHEN 'Regional' THEN trim(c.region_code)
            ELSE coalesce(a.ons_code,
                          error(c.source_file || ': authority ''' || c.old_la_code || ''' is not in dim_authority'))
        END AS area_code,
        a.la_code,
        CAST(trim(c.time_period) AS SMALLINT) AS year,
        c.numerator_cell, c.denominator_cell, c.value_cell,
        c.release, c.source_file
    FROM ees_cell AS c
    LEFT JOIN dim_authority AS a
           ON trim(c.geographic_level) = 'Local authority' AND a.la_code = trim(c.old_la_code)
),

-- LAIT long series
lait_file AS (
    SELECT
        trim(short_desc)                               AS short_desc,
        CAST(trim(years) AS SMALLINT)                  AS year,
        regexp_replace(trim(la_number), '\.0$', '')    AS lait_code,
        la_or_region,
        value
    FROM read_csv(getvariable('reference_dir') || '/published/lait_cla_measures_2016_2025.csv',
                  header = true, all_varchar = true, delim = ',', quote = '"', escape = '"')
),
lait_measure (short_desc, indicator, numerator_short_desc) AS (
    VALUES ('LACnum',           'cla_31mar',               'LACnum'),
           ('LAC',              'cla_rate_10k',            'LACnum'),
           ('LACnum_Start',     'starts',                  'LACnum_Start'),
           ('LAC_Start_Rate',   'starts_rate_10k',         'LACnum_Start'),
           ('LACceased',        'ceased',                  'LACceased'),
           ('LAC_Cease_Rate',   'ceased_rate_10k',         'LACceased'),
           ('LACStable_2016on', 'stability_3plus_pct',     'LACStableNum_2016on'),
           ('LAC_LongStable%',  'stability_long_term_pct', 'LAC_LongStableNum')
),
lait_area (lait_code, area_type, area_code) AS (
    VALUES ('970', 'england', 'E92000001'),
           ('980', 'region',  'E12000001'),   -- North East
           ('981', 'region',  'E12000002'),   -- North West
           ('982', 'region',  'E12000003'),   -- Yorkshire and the Humber
           ('983', 'region',  'E12000004'),   -- East Midlands
           ('984', 'region',  'E12000005'),   -- West Midlands
           ('985', 'region',  'E12000006'),   -- East of England
           ('986', 'region',  'E12000007'),   -- London
           ('987', 'region',  'E13000001'),   -- London (Inner)
           ('988', 'region',  'E13000002'),   -- London (Outer)
           ('989', 'region',  'E12000008'),   -- South East
           ('990', 'region',  'E12000009')    -- South West
),
lait AS (
    SELECT
        m.indicator,
        coalesce(r.area_type, CASE WHEN a.la_code IS NOT NULL THEN 'la' END,
                 error('lait_cla_measures_2016_2025.csv: area ' || v.lait_code || ' (' || v.la_or_region || ') is not known')) AS area_type,
        coalesce(r.area_code, a.ons_code)  AS area_code,
        a.la_code,
        v.year,
        n.value                            AS numerator_cell,
        NULL                               AS denominator_cell,
        v.value                            AS value_cell,
        'LAIT 2025'                        AS release,
        'published/lait_cla_measures_2016_2025.csv' AS source_file
    FROM lait_file AS v
    JOIN lait_measure AS m ON m.short_desc = v.short_desc
    LEFT JOIN lait_file AS n
           ON n.short_desc = m.numerator_short_desc AND n.year = v.year AND n.lait_code = v.lait_code
    LEFT JOIN lait_area AS r ON r.lait_code = v.lait_code
    LEFT JOIN dim_authority AS a ON a.la_code = v.lait_code
    WHERE v.lait_code NOT IN ('835', '836', '837')    -- pre-2019 Dorset, Poole, Bournemouth
),

published AS (
    SELECT * FROM ees
    UNION ALL
    SELECT * FROM lait
)
SELECT
    p.indicator,
    p.area_type,
    p.area_code,
    p.la_code,
    p.year,
    dfe_number(p.numerator_cell)                                       AS numerator,
    dfe_number(p.denominator_cell)                                     AS denominator,
    dfe_number(p.value_cell)                                           AS value,
    dfe_status(p.value_cell)                                           AS status,
    CASE WHEN dfe_status(p.value_cell) <> 'ok' THEN nullif(trim(p.value_cell), '') END AS symbol,
    p.release,
    r.release_rank,
    p.source_file
FROM published AS p
JOIN release AS r USING (release);

-- The newest release's figure for each indicator, area and year.
INSERT INTO fact_published_indicator
    (indicator, area_type, area_code, la_code, year, numerator, denominator, value, status, symbol,
     release, release_rank, source_file)
SELECT indicator, area_type, area_code, la_code, year, numerator, denominator, value, status, symbol,
       release, release_rank, source_file
FROM published_indicator_release
QUALIFY row_number() OVER (PARTITION BY indicator, area_type, area_code, year ORDER BY release_rank DESC) = 1;
