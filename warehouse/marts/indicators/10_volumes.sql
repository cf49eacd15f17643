-- §1 Children looked after: volumes, rates per 10,000 and the mix at 31 March
-- (../shared/spec/indicators.md §0-§1). One SELECT of units (see ../README.md).
--
-- cla_31mar        children with a non-short-break episode with DECOM <= 31 March Y and DEC
--                  blank or > 31 March Y (V3/V4 short breaks excluded everywhere).
-- cla_rate_10k     cla_31mar / population aged 0-17 (ONS mid-year Y-1) x 10,000.
-- starts           children with >= 1 period of care starting in the year (a period whose
--                  first episode is RNE S, dated 1 April Y-1 .. 31 March Y).
-- starts_rate_10k  starts / population x 10,000.
-- ceased           children with >= 1 period of care ending in the year (DEC in the year,
--                  REC <> X1).
-- ceased_rate_10k  ceased / population x 10,000.
-- uasc_pct         CLA at 31 March who are UASC on 31 March (a UASC row of the year's return
--                  with DUC blank or > 31 March Y) / cla_31mar x 100.
-- s20_pct          CLA at 31 March with LS = V2 / cla_31mar x 100.
-- care_order_pct   CLA at 31 March with LS in (C1, C2) / cla_31mar x 100.
-- foster_pct       CLA at 31 March with PLACE in U1-U6 / cla_31mar x 100.
-- residential_pct  CLA at 31 March with PLACE in (K1, K2, R1, S1) / cla_31mar x 100.
-- Status of the 31-March figures is that of the latest episode open on 31 March.
-- Each child at 31 March is broken down by age at 31 March, sex, ethnicity group and the group
-- of the placement type and legal status at 31 March.
-- (Children of an LA-year with the same categories are one row of units, carrying how many of
-- them count in each figure; in the drill, unit_key() makes each child a group of its own.)
WITH at_31mar AS (
    SELECT la_code, year, age_band, sex, ethnicity, placement_type, legal_status, unit_key(child_key) AS child_key,
           count(*)                                                                    AS children,
           count(*) FILTER (WHERE uasc_31mar)                                          AS uasc,
           count(*) FILTER (WHERE ls_31mar = 'V2')                                     AS s20,
           count(*) FILTER (WHERE ls_31mar IN ('C1', 'C2'))                            AS care_order,
           count(*) FILTER (WHERE place_31mar IN ('U1', 'U2', 'U3', 'U4', 'U5', 'U6')) AS foster,
           count(*) FILTER (WHERE place_31mar IN ('K1', 'K2', 'R1', 'S1'))             AS residential
    FROM mart_child_year
    WHERE in_care_31mar
    GROUP BY ALL
),
moved AS (
    SELECT la_code, year, age_band, sex, ethnicity, unit_key(child_key) AS child_key,
           count(*) FILTER (WHERE started_in_year) AS started,
           count(*) FILTER (WHERE ceased_in_year)  AS ceased
    FROM mart_child_year
    WHERE started_in_year OR ceased_in_year
    GROUP BY ALL
)
-- counts, and the numerators of the rates
SELECT la_code, year, indicator, children AS numerator, 0 AS denominator, children AS units,
       age_band, sex, ethnicity, placement_type, legal_status, child_key
FROM at_31mar, (VALUES ('cla_31mar'), ('cla_rate_10k')) v(indicator)
UNION ALL BY NAME
SELECT la_code, year, indicator, started AS numerator, 0 AS denominator, started AS units, age_band, sex, ethnicity, child_key
FROM moved, (VALUES ('starts'), ('starts_rate_10k')) v(indicator)
WHERE started > 0
UNION ALL BY NAME
SELECT la_code, year, indicator, ceased AS numerator, 0 AS denominator, ceased AS units, age_band, sex, ethnicity, child_key
FROM moved, (VALUES ('ceased'), ('ceased_rate_10k')) v(indicator)
WHERE ceased > 0
UNION ALL BY NAME
-- the denominators of the rates: one unit per LA-year holding its population
SELECT la_code, year, indicator, 0 AS numerator, population_0_17 AS denominator
FROM mart_population, (VALUES ('cla_rate_10k'), ('starts_rate_10k'), ('ceased_rate_10k')) v(indicator)
UNION ALL BY NAME
-- the mix at 31 March: every child at 31 March is in each denominator
SELECT la_code, year, m.indicator,
       CASE m.indicator WHEN 'uasc_pct' THEN uasc WHEN 's20_pct' THEN s20 WHEN 'care_order_pct' THEN care_order
                        WHEN 'foster_pct' THEN foster WHEN 'residential_pct' THEN residential END AS numerator,
       children AS denominator, children AS units,
       age_band, sex, ethnicity, placement_type, legal_status, child_key
FROM at_31mar, (VALUES ('uasc_pct'), ('s20_pct'), ('care_order_pct'), ('foster_pct'), ('residential_pct')) m(indicator)
