-- Comparators (indicators.md §7), computed, never typed in.
-- * england / region (source records): over the authorities whose own figure has a value,
--   sum of numerators / sum of denominators x scale (never a mean of rates); a count or FTE is
--   the sum; a median is the median of all those authorities' units. coverage = how many
--   authorities. Regions are the nine English regions (dim_authority.gor_code). For source
--   published, DfE's own regional and national rows (20_published.sql) are used as they are.
-- * sn_mean (both sources): the simple mean of the values of the authority's ten statistical
--   neighbours (model: variable sn_model, default CSSNBT_2025) that have a value in that source
--   and year, with coverage = how many did ("based on N of 10"); written only when at least
--   one did.
INSERT INTO mart_indicator BY NAME
WITH la_rows AS (
    SELECT m.*, c.unit, c.scale, a.gor_code, a.gor_name
    FROM mart_indicator m
    JOIN mart_catalogue c USING (indicator)
    JOIN dim_authority a USING (la_code)
    WHERE m.area_type = 'la' AND m.source = 'records' AND m.status = 'ok'
),
areas AS (
    SELECT 'england' AS area_type, 'E92000001' AS area_code, 'England' AS area_name, la_code, year, indicator
    FROM la_rows
    UNION ALL
    SELECT 'region', gor_code, gor_name, la_code, year, indicator
    FROM la_rows
),
medians AS (
    SELECT a.area_type, a.area_code, a.year, a.indicator, median(u.numerator) AS median_value
    FROM areas a
    JOIN (SELECT * FROM mart_unit WHERE indicator IN (SELECT indicator FROM mart_catalogue WHERE unit = 'median')) u
      USING (la_code, year, indicator)
    GROUP BY ALL
),
sums AS (
    SELECT a.area_type, a.area_code, a.area_name, a.year, a.indicator,
           any_value(l.unit) AS unit, any_value(l.scale) AS scale,
           sum(l.numerator) AS numerator, sum(l.denominator) AS denominator,
           CAST(count(*) AS INTEGER) AS coverage
    FROM areas a
    JOIN la_rows l USING (la_code, year, indicator)
    GROUP BY ALL
)
SELECT s.area_type, s.area_code, s.area_name, s.year, s.indicator, 'records' AS source,
       s.numerator, s.denominator, v.value,
       CASE WHEN v.value IS NULL THEN 'not_available' ELSE 'ok' END AS status,
       s.coverage
FROM sums s
LEFT JOIN medians m USING (area_type, area_code, year, indicator),
LATERAL (SELECT CASE WHEN s.unit IN ('count', 'fte') THEN s.numerator
                     WHEN s.unit = 'median' THEN m.median_value
                     WHEN s.denominator > 0 THEN s.numerator / s.denominator * s.scale END AS value) v;

INSERT INTO mart_indicator BY NAME
SELECT 'sn_mean'                                  AS area_type,
       a.ons_code                                 AS area_code,
       a.la_name || ' statistical neighbours'     AS area_name,
       n.la_code,
       m.year,
       m.indicator,
       m.source,
       avg(m.value)                               AS value,
       'ok'                                       AS status,
       CAST(count(*) AS INTEGER)                  AS coverage
FROM ref_statistical_neighbour n
JOIN dim_authority a ON a.la_code = n.la_code
JOIN mart_indicator m ON m.area_type = 'la' AND m.la_code = n.neighbour_la_code AND m.status = 'ok'
WHERE n.sn_model = getvariable('sn_model')
GROUP BY ALL;
