-- dim_authority from etl/reference/local_authorities.csv (one row per authority: the 153 current
-- English authorities and legacy 909 Cumbria, 928 Northamptonshire).
--
-- The caller sets the session variable `reference_dir` to a folder holding a copy of
-- etl/reference/ and runs every warehouse/reference/*.sql in name order in one transaction
-- (uk.iroinsight.warehouse.ReferenceData), so readers see the old reference data or the new,
-- never a mix. Later scripts look authorities up here, so this one runs first.
--
-- is_current: an authority is current when ONS publishes a 0-17 population for it in the latest
-- mid-year of population_0_17.csv (mid-2024: 153 authorities). The two legacy authorities have
-- none: they were replaced by reorganisations (Northamptonshire on 1 April 2021, Cumbria on
-- 1 April 2023).

DELETE FROM dim_authority;

INSERT INTO dim_authority (la_code, ons_code, la_name, region_code, region_name, gor_code, gor_name, ons_code_type, is_current)
WITH authority AS (
    SELECT *
    FROM read_csv(getvariable('reference_dir') || '/local_authorities.csv',
                  header = true, all_varchar = true, delim = ',', quote = '"', escape = '"')
),
population AS (
    SELECT *
    FROM read_csv(getvariable('reference_dir') || '/population_0_17.csv',
                  header = true, all_varchar = true, delim = ',', quote = '"', escape = '"')
    WHERE geographic_level = 'Local authority'
),
current_authority AS (
    SELECT DISTINCT trim(old_la_code) AS la_code
    FROM population
    WHERE CAST(time_period AS SMALLINT) = (SELECT max(CAST(time_period AS SMALLINT)) FROM population)
      AND regexp_full_match(trim(population_estimate), '[0-9]+')
)
SELECT
    trim(a.old_la_code)                                                     AS la_code,
    trim(a.new_la_code)                                                     AS ons_code,
    trim(a.la_name)                                                         AS la_name,
    trim(a.region_code)                                                     AS region_code,
    trim(a.region_name)                                                     AS region_name,
    CASE WHEN trim(a.region_code) IN ('E13000001', 'E13000002')            -- Inner / Outer London
         THEN 'E12000007' ELSE trim(a.region_code) END                      AS gor_code,
    CASE WHEN trim(a.region_code) IN ('E13000001', 'E13000002')
         THEN 'London' ELSE trim(a.region_name) END                         AS gor_name,
    trim(a.ons_code_type)                                                   AS ons_code_type,
    trim(a.old_la_code) IN (SELECT la_code FROM current_authority)          AS is_current
FROM authority AS a
WHERE CASE WHEN regexp_full_match(trim(a.old_la_code), '[0-9]{3}') THEN true
           ELSE error('local_authorities.csv: old_la_code must be 3 digits, got ''' || a.old_la_code || '''') END;
