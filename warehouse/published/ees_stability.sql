-- One EES placement stability file ("cla_placement_stability", e.g. etl/reference/published/
-- ees_cla_placement_stability_2021_2025.csv) into published_cell: one row per area, year,
-- cla_group and placement_stability, with children_count and children_percent (older releases:
-- number and percentage, read under today's names):
--     cla_group 'CLA on 31 March', 'With 3 or more placements during the year'
--         -> stability_3plus_pct
--     cla_group 'Children looked after continuously for at least 2.5 years on 31 March aged
--     under 16 years', 'Living with the same carer for at least 2 years'
--         -> stability_long_term_pct
-- numerator = that row's count, denominator = the count of the group's 'Total children' row.
-- (Other groups, such as 'CLA 2 years on 31 March' - 3+ placements in two years - are not our
-- indicators and are not loaded.)
-- Variables: published_path, published_columns (as for ees_volume.sql).

INSERT INTO published_cell
WITH
file AS (
    SELECT * FROM read_csv(getvariable('published_path'), header = true, all_varchar = true,
                           delim = ',', quote = '"', escape = '"', names = getvariable('published_columns'))
    WHERE coalesce(trim(time_period), '') <> ''    -- a blank line
),
measure (cla_group, placement_stability, indicator) AS (
    VALUES ('CLA on 31 March',
            'With 3 or more placements during the year',
            'stability_3plus_pct'),
           ('Children looked after continuously for at least 2.5 years on 31 March aged under 16 years',
            'Living with the same carer for at least 2 years',
            'stability_long_term_pct')
),
cell AS (
    SELECT m.indicator, s.time_period, s.geographic_level, s.country_code, s.region_code, s.old_la_code,
           s.children_count     AS numerator_cell,
           total.children_count AS denominator_cell,
           s.children_percent   AS value_cell
    FROM file AS s
    JOIN measure AS m
      ON m.cla_group = trim(s.cla_group) AND m.placement_stability = trim(s.placement_stability)
    LEFT JOIN file AS total
      ON  total.time_period = s.time_period
      AND total.geographic_level = s.geographic_level
      AND total.country_code IS NOT DISTINCT FROM s.country_code
      AND total.region_code IS NOT DISTINCT FROM s.region_code
      AND total.old_la_code IS NOT DISTINCT FROM s.old_la_code
      AND total.cla_group = s.cla_group
      AND trim(total.placement_stability) = 'Total children'
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
