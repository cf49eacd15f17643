-- Breakdowns for drill-down (source records): each indicator of an LA-year split by each
-- dimension its catalogue entry lists, from the same units as the LA's own figure, so the
-- categories of a dimension add up to it. A unit without a category is 'Not known'.
-- Values as in 10_indicator.sql (count: the numerator; median: the median of the category's
-- units; otherwise numerator / denominator x scale, not available when the denominator is 0).
-- (One aggregation of mart_unit per dimension, over the indicators that list it, rather than
-- every unit unpivoted into all eight: at national scale that was 22 M rows in one
-- aggregation. A median's units, single values and few, are unpivoted.)
INSERT INTO mart_breakdown BY NAME
WITH wanted AS (
    SELECT indicator, unnest(breakdowns) AS dimension, unit, scale, requires
    FROM mart_catalogue
    WHERE len(breakdowns) > 0
),
sums AS (
    SELECT la_code, year, indicator, 'age_band' AS dimension, coalesce(age_band, 'Not known') AS category,
           sum(numerator) AS numerator, sum(denominator) AS denominator, NULL::DOUBLE AS median_value
    FROM mart_unit
    WHERE indicator IN (SELECT indicator FROM wanted WHERE dimension = 'age_band' AND unit <> 'median')
    GROUP BY la_code, year, indicator, coalesce(age_band, 'Not known')
    UNION ALL
    SELECT la_code, year, indicator, 'sex' AS dimension, coalesce(sex, 'Not known') AS category,
           sum(numerator) AS numerator, sum(denominator) AS denominator, NULL::DOUBLE AS median_value
    FROM mart_unit
    WHERE indicator IN (SELECT indicator FROM wanted WHERE dimension = 'sex' AND unit <> 'median')
    GROUP BY la_code, year, indicator, coalesce(sex, 'Not known')
    UNION ALL
    SELECT la_code, year, indicator, 'ethnicity' AS dimension, coalesce(ethnicity, 'Not known') AS category,
           sum(numerator) AS numerator, sum(denominator) AS denominator, NULL::DOUBLE AS median_value
    FROM mart_unit
    WHERE indicator IN (SELECT indicator FROM wanted WHERE dimension = 'ethnicity' AND unit <> 'median')
    GROUP BY la_code, year, indicator, coalesce(ethnicity, 'Not known')
    UNION ALL
    SELECT la_code, year, indicator, 'placement_type' AS dimension, coalesce(placement_type, 'Not known') AS category,
           sum(numerator) AS numerator, sum(denominator) AS denominator, NULL::DOUBLE AS median_value
    FROM mart_unit
    WHERE indicator IN (SELECT indicator FROM wanted WHERE dimension = 'placement_type' AND unit <> 'median')
    GROUP BY la_code, year, indicator, coalesce(placement_type, 'Not known')
    UNION ALL
    SELECT la_code, year, indicator, 'legal_status' AS dimension, coalesce(legal_status, 'Not known') AS category,
           sum(numerator) AS numerator, sum(denominator) AS denominator, NULL::DOUBLE AS median_value
    FROM mart_unit
    WHERE indicator IN (SELECT indicator FROM wanted WHERE dimension = 'legal_status' AND unit <> 'median')
    GROUP BY la_code, year, indicator, coalesce(legal_status, 'Not known')
    UNION ALL
    SELECT la_code, year, indicator, 'theme' AS dimension, coalesce(theme, 'Not known') AS category,
           sum(numerator) AS numerator, sum(denominator) AS denominator, NULL::DOUBLE AS median_value
    FROM mart_unit
    WHERE indicator IN (SELECT indicator FROM wanted WHERE dimension = 'theme' AND unit <> 'median')
    GROUP BY la_code, year, indicator, coalesce(theme, 'Not known')
    UNION ALL
    SELECT la_code, year, indicator, 'stage' AS dimension, coalesce(stage, 'Not known') AS category,
           sum(numerator) AS numerator, sum(denominator) AS denominator, NULL::DOUBLE AS median_value
    FROM mart_unit
    WHERE indicator IN (SELECT indicator FROM wanted WHERE dimension = 'stage' AND unit <> 'median')
    GROUP BY la_code, year, indicator, coalesce(stage, 'Not known')
    UNION ALL
    SELECT la_code, year, indicator, 'outcome' AS dimension, coalesce(outcome, 'Not known') AS category,
           sum(numerator) AS numerator, sum(denominator) AS denominator, NULL::DOUBLE AS median_value
    FROM mart_unit
    WHERE indicator IN (SELECT indicator FROM wanted WHERE dimension = 'outcome' AND unit <> 'median')
    GROUP BY la_code, year, indicator, coalesce(outcome, 'Not known')
    UNION ALL
    SELECT la_code, year, indicator, dimension, coalesce(category, 'Not known') AS category,
           NULL AS numerator, NULL AS denominator, median(numerator) AS median_value
    FROM (SELECT * FROM mart_unit WHERE indicator IN (SELECT indicator FROM wanted WHERE unit = 'median'))
    UNPIVOT INCLUDE NULLS (category FOR dimension IN
        (age_band, sex, ethnicity, placement_type, legal_status, theme, stage, outcome))
    GROUP BY la_code, year, indicator, dimension, coalesce(category, 'Not known')
),
valued AS (
    SELECT s.la_code, s.year, s.indicator, s.dimension, s.category, w.unit, s.numerator, s.denominator,
           CASE WHEN w.unit IN ('count', 'fte') THEN s.numerator
                WHEN w.unit = 'median' THEN s.median_value
                WHEN s.denominator > 0 THEN s.numerator / s.denominator * w.scale END AS value,
           CASE WHEN s.category = 'Not known' THEN 1000
                WHEN s.dimension = 'age_band' THEN list_position(['Under 1', '1 to 4', '5 to 9', '10 to 15', '16 and over'], s.category)
                WHEN s.dimension = 'sex' THEN list_position(['Male', 'Female'], s.category)
                WHEN s.dimension = 'ethnicity' THEN list_position(['White', 'Mixed', 'Asian', 'Black', 'Other', 'Refused/not obtained'], s.category)
                WHEN s.dimension = 'stage' THEN list_position(['Informal', 'Stage 1', 'Stage 2', 'Stage 3', 'Stage 4'], s.category)
                WHEN s.dimension = 'outcome' THEN list_position(['Resolved', 'Partly resolved', 'Not resolved', 'Withdrawn', 'Open'], s.category)
           END AS fixed_order
    FROM sums s
    JOIN wanted w USING (indicator, dimension)
    JOIN mart_la_year y USING (la_code, year)
    WHERE w.requires IS NULL OR list_contains(y.files, w.requires)
),
-- category_order: the fixed order, or for a dimension without one (or a category outside it)
-- 100 + the category's place in its cell's dimension; the window only over the dimensions that
-- need it
unordered AS (
    SELECT DISTINCT dimension FROM valued WHERE fixed_order IS NULL
)
SELECT la_code, year, indicator, dimension, category,
       CAST(coalesce(fixed_order, 100 + dense_rank() OVER (PARTITION BY la_code, year, indicator, dimension ORDER BY category)) AS INTEGER) AS category_order,
       CASE WHEN unit = 'median' THEN NULL ELSE numerator END AS numerator,
       CASE WHEN unit IN ('count', 'fte', 'median') THEN NULL ELSE denominator END AS denominator,
       value,
       CASE WHEN value IS NULL THEN 'not_available' ELSE 'ok' END AS status
FROM valued
WHERE dimension IN (SELECT dimension FROM unordered)
UNION ALL
SELECT la_code, year, indicator, dimension, category,
       CAST(fixed_order AS INTEGER) AS category_order,
       CASE WHEN unit = 'median' THEN NULL ELSE numerator END AS numerator,
       CASE WHEN unit IN ('count', 'fte', 'median') THEN NULL ELSE denominator END AS denominator,
       value,
       CASE WHEN value IS NULL THEN 'not_available' ELSE 'ok' END AS status
FROM valued
WHERE dimension NOT IN (SELECT dimension FROM unordered);
