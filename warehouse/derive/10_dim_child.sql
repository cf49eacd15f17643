-- dim_child for the authorities in derive_scope: one row per child listed in any loaded
-- header of the authority; the header row of the latest return that lists the child wins.
DELETE FROM dim_child WHERE la_code IN (SELECT la_code FROM derive_scope);

INSERT INTO dim_child BY NAME
SELECT la_code,
       child_key,
       arg_max(sex, year)       AS sex,
       arg_max(dob_month, year) AS dob_month,
       arg_max(ethnic, year)    AS ethnic,
       arg_max(age_31mar, year) AS age_31mar_latest,
       max(year)                AS latest_return_year
FROM return_header
WHERE la_code IN (SELECT la_code FROM derive_scope)
GROUP BY la_code, child_key;
