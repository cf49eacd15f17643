-- The authorities' own figures (area_type 'la', source 'records'): every catalogue indicator
-- for every loaded LA-year, from the units the files of warehouse/marts/indicators/ produced.
-- * numerator, denominator = the sums of the units'; value by the catalogue unit:
--   count: the numerator (0 when no unit); fte: the numerator (not available when no unit);
--   median: the median of the units' numerators; rate_10k / percent / per_100 / ratio:
--   numerator / denominator x scale, not available when the denominator is 0.
-- * An LA-year loaded without the input file an indicator requires (e.g. disputes.csv) has the
--   indicator as not available, with no numerator or denominator.
-- * excluded: units left out of the denominator (unknown history), for the data-quality note.
DELETE FROM mart_indicator;
DELETE FROM mart_breakdown;
DELETE FROM mart_dq_note;

INSERT INTO mart_indicator BY NAME
WITH sums AS (
    SELECT la_code, year, indicator,
           sum(numerator)                 AS numerator,
           sum(denominator)               AS denominator,
           CAST(sum(excluded) AS INTEGER) AS excluded
    FROM mart_unit
    GROUP BY ALL
),
medians AS (
    SELECT la_code, year, indicator, median(numerator) AS median_value
    FROM mart_unit
    WHERE indicator IN (SELECT indicator FROM mart_catalogue WHERE unit = 'median')
    GROUP BY ALL
),
totals AS (
    SELECT s.*, m.median_value
    FROM sums s
    JOIN mart_catalogue c USING (indicator)
    LEFT JOIN medians m USING (la_code, year, indicator)
),
grid AS (
    SELECT y.la_code, y.year, c.indicator, c.unit, c.scale,
           c.requires IS NULL OR list_contains(y.files, c.requires) AS has_input
    FROM mart_la_year y
    CROSS JOIN mart_catalogue c
),
figures AS (
    SELECT g.*, t.excluded,
           CASE WHEN NOT g.has_input OR g.unit = 'median' THEN NULL
                WHEN g.unit = 'fte' THEN t.numerator
                ELSE coalesce(t.numerator, 0) END AS numerator,
           CASE WHEN NOT g.has_input OR g.unit IN ('count', 'fte', 'median') THEN NULL
                ELSE coalesce(t.denominator, 0) END AS denominator,
           CASE WHEN NOT g.has_input THEN NULL
                WHEN g.unit = 'count' THEN coalesce(t.numerator, 0)
                WHEN g.unit = 'fte' THEN t.numerator
                WHEN g.unit = 'median' THEN t.median_value
                WHEN coalesce(t.denominator, 0) = 0 THEN NULL
                ELSE t.numerator / t.denominator * g.scale END AS value
    FROM grid g
    LEFT JOIN totals t USING (la_code, year, indicator)
)
SELECT 'la'           AS area_type,
       a.ons_code     AS area_code,
       a.la_name      AS area_name,
       f.la_code,
       f.year,
       f.indicator,
       'records'      AS source,
       f.numerator,
       f.denominator,
       f.value,
       CASE WHEN f.value IS NULL THEN 'not_available' ELSE 'ok' END AS status,
       CASE WHEN f.has_input THEN coalesce(f.excluded, 0) END AS excluded
FROM figures f
JOIN dim_authority a USING (la_code);
