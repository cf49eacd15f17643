-- The figures DfE publishes (indicators.md §8), source 'published', exactly as published
-- (fact_published_indicator: the newest release holding each figure, its symbol kept as a
-- status): authorities, and DfE's own regional and national rows, for the catalogue's
-- published indicators.
INSERT INTO mart_indicator BY NAME
SELECT p.area_type,
       p.area_code,
       CASE p.area_type
            WHEN 'la' THEN a.la_name
            WHEN 'england' THEN 'England'
            ELSE coalesce(r.region_name, g.gor_name, p.area_code) END AS area_name,
       p.la_code,
       p.year,
       p.indicator,
       'published' AS source,
       p.numerator,
       p.denominator,
       p.value,
       p.status,
       p.symbol,
       p.release
FROM fact_published_indicator p
JOIN mart_catalogue c ON c.indicator = p.indicator AND c.published
LEFT JOIN dim_authority a ON a.la_code = p.la_code
LEFT JOIN (SELECT DISTINCT region_code, region_name FROM dim_authority) r ON r.region_code = p.area_code
LEFT JOIN (SELECT DISTINCT gor_code, gor_name FROM dim_authority) g ON g.gor_code = p.area_code;
