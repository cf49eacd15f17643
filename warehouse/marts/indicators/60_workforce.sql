-- §6 IRO workforce (../shared/spec/indicators.md §6). One SELECT of units over fact_workforce
-- (the IRO service's workforce.csv); these figures exist only for LA-years loaded with one.
--
-- iro_fte        IRO full-time equivalents at 31 March Y: the year's snapshot dated 31 March Y,
--                or failing that the latest snapshot of the year's file dated on or before it.
-- iro_caseload   cla_31mar / iro_fte. The IRO Handbook (2010) recommends 50-70 children per
--                full-time IRO (the catalogue's band).
WITH fte AS (
    SELECT w.la_code, w.year, arg_max(w.iro_fte, w.snapshot_date) AS iro_fte
    FROM fact_workforce w
    JOIN mart_la_year y USING (la_code, year)
    WHERE w.snapshot_date <= y.year_end
    GROUP BY ALL
)
SELECT la_code, year, 'iro_fte' AS indicator, CAST(iro_fte AS DOUBLE) AS numerator
FROM fte
UNION ALL BY NAME
SELECT la_code, year, 'iro_caseload' AS indicator, 0 AS numerator, CAST(iro_fte AS DOUBLE) AS denominator
FROM fte
UNION ALL BY NAME
-- (the children at 31 March of an LA-year as one row of units)
SELECT la_code, year, 'iro_caseload' AS indicator, count(*) AS numerator, 0 AS denominator, count(*) AS units
FROM mart_child_year
WHERE in_care_31mar
GROUP BY la_code, year
