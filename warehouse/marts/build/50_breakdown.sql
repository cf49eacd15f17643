-- Breakdowns for drill-down (source records): each indicator of an LA-year split by each
-- dimension its catalogue entry lists, from the same units as the LA's own figure, so the
-- categories of a dimension add up to it. A unit without a category is 'Not known'.
-- Values as in 10_indicator.sql (count: the numerator; median: the median of the category's
-- units; otherwise numerator / denominator x scale, not available when the denominator is 0).
INSERT INTO mart_breakdown BY NAME
WITH units AS (
    SELECT u.*, c.unit, c.scale, c.breakdowns
    FROM mart_unit u
    JOIN mart_catalogue c USING (indicator)
    JOIN mart_la_year y USING (la_code, year)
    WHERE len(c.breakdowns) > 0 AND (c.requires IS NULL OR list_contains(y.files, c.requires))
),
-- (mart_unit already holds units with the same categories summed into one row; a median's
-- units are single values)
grouped AS (
    SELECT *, CASE WHEN unit = 'median' THEN numerator END AS median_unit
    FROM units
),
long AS (
    SELECT *
    FROM grouped
    UNPIVOT INCLUDE NULLS (category FOR dimension IN
        (age_band, sex, ethnicity, placement_type, legal_status, theme, stage, outcome))
),
cells AS (
    SELECT la_code, year, indicator, dimension, coalesce(category, 'Not known') AS category,
           any_value(unit) AS unit, any_value(scale) AS scale,
           sum(numerator) AS numerator, sum(denominator) AS denominator,
           median(median_unit) AS median_value
    FROM long
    WHERE list_contains(breakdowns, dimension)
    GROUP BY la_code, year, indicator, dimension, coalesce(category, 'Not known')
),
valued AS (
    SELECT *,
           CASE WHEN unit IN ('count', 'fte') THEN numerator
                WHEN unit = 'median' THEN median_value
                WHEN denominator > 0 THEN numerator / denominator * scale END AS value,
           CASE WHEN category = 'Not known' THEN 1000
                WHEN dimension = 'age_band' THEN list_position(['Under 1', '1 to 4', '5 to 9', '10 to 15', '16 and over'], category)
                WHEN dimension = 'sex' THEN list_position(['Male', 'Female'], category)
                WHEN dimension = 'ethnicity' THEN list_position(['White', 'Mixed', 'Asian', 'Black', 'Other', 'Refused/not obtained'], category)
                WHEN dimension = 'stage' THEN list_position(['Informal', 'Stage 1', 'Stage 2', 'Stage 3', 'Stage 4'], category)
                WHEN dimension = 'outcome' THEN list_position(['Resolved', 'Partly resolved', 'Not resolved', 'Withdrawn', 'Open'], category)
           END AS fixed_order
    FROM cells
)
SELECT la_code, year, indicator, dimension, category,
       CAST(coalesce(fixed_order, 100 + dense_rank() OVER (PARTITION BY la_code, year, indicator, dimension ORDER BY category)) AS INTEGER) AS category_order,
       CASE WHEN unit = 'median' THEN NULL ELSE numerator END AS numerator,
       CASE WHEN unit IN ('count', 'fte', 'median') THEN NULL ELSE denominator END AS denominator,
       value,
       CASE WHEN value IS NULL THEN 'not_available' ELSE 'ok' END AS status
FROM valued;
