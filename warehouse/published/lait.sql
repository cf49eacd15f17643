-- One file of DfE's LA Interactive Tool long series (e.g. etl/reference/published/
-- lait_cla_measures_2016_2025.csv: one row per short_desc, area and year) into published_cell:
--     LACnum              -> cla_31mar
--     LAC                 -> cla_rate_10k             numerator = LACnum
--     LACnum_Start        -> starts
--     LAC_Start_Rate      -> starts_rate_10k          numerator = LACnum_Start  (2018 on)
--     LACceased           -> ceased
--     LAC_Cease_Rate      -> ceased_rate_10k          numerator = LACceased     (2018 on)
--     LACStable_2016on    -> stability_3plus_pct      numerator = LACStableNum_2016on
--     LAC_LongStable%     -> stability_long_term_pct  numerator = LAC_LongStableNum (2018 on)
-- LAIT publishes no population or group totals, so LAIT denominators are NULL. Areas are LAIT's
-- old codes (la_number '201.0'): 970 England, 980-990 the regions (986 London, 987 Inner
-- London, 988 Outer London); the pre-2019 authorities 835 Dorset, 836 Poole and 837
-- Bournemouth (figures for 2016-2019) are left out: they have no ONS code in dim_authority and
-- no successor with the same area. Other measures of the file are not loaded.
-- Variables: published_path, published_columns.

INSERT INTO published_cell
WITH
file AS (
    SELECT
        trim(short_desc)                               AS short_desc,
        CAST(trim(years) AS SMALLINT)                  AS year,
        regexp_replace(trim(la_number), '\.0$', '')    AS lait_code,
        la_or_region,
        value
    FROM read_csv(getvariable('published_path'), header = true, all_varchar = true,
                  delim = ',', quote = '"', escape = '"', names = getvariable('published_columns'))
    WHERE coalesce(trim(years), '') <> ''          -- a blank line
),
measure (short_desc, indicator, numerator_short_desc) AS (
    VALUES ('LACnum',           'cla_31mar',               'LACnum'),
           ('LAC',              'cla_rate_10k',            'LACnum'),
           ('LACnum_Start',     'starts',                  'LACnum_Start'),
           ('LAC_Start_Rate',   'starts_rate_10k',         'LACnum_Start'),
           ('LACceased',        'ceased',                  'LACceased'),
           ('LAC_Cease_Rate',   'ceased_rate_10k',         'LACceased'),
           ('LACStable_2016on', 'stability_3plus_pct',     'LACStableNum_2016on'),
           ('LAC_LongStable%',  'stability_long_term_pct', 'LAC_LongStableNum')
),
area (lait_code, area_type, area_code) AS (
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
)
SELECT
    m.indicator,
    coalesce(r.area_type, CASE WHEN a.la_code IS NOT NULL THEN 'la' END,
             error('area ' || v.lait_code || ' (' || v.la_or_region || ') is not known')),
    coalesce(r.area_code, a.ons_code),
    a.la_code,
    v.year,
    n.value,
    NULL,
    v.value
FROM file AS v
JOIN measure AS m ON m.short_desc = v.short_desc
LEFT JOIN file AS n
       ON n.short_desc = m.numerator_short_desc AND n.year = v.year AND n.lait_code = v.lait_code
LEFT JOIN area AS r ON r.lait_code = v.lait_code
LEFT JOIN dim_authority AS a ON a.la_code = v.lait_code
WHERE v.lait_code NOT IN ('835', '836', '837');    -- pre-2019 Dorset, Poole, Bournemouth
