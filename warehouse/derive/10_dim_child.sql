-- dim_child for the authorities in derive_scope: one row per child listed in any loaded
-- header of the authority; the header row of the latest return that lists the child wins.
DELETE FROM dim_child WHERE la_code IN (SELECT la_code FROM derive_scope);

-- One arg_max of the whole header row (a (la_code, year, child_key) is unique by validation)
-- rather than one per column: half the aggregate work.
INSERT INTO dim_child BY NAME
SELECT la_code,
       child_key,
       latest.sex,
       latest.dob_month,
       latest.ethnic,
       latest.age_31mar AS age_31mar_latest,
       latest.year      AS latest_return_year
FROM (SELECT la_code,
             child_key,
             arg_max({'sex': sex, 'dob_month': dob_month, 'ethnic': ethnic, 'age_31mar': age_31mar, 'year': year},
                     year) AS latest
      FROM return_header
      WHERE la_code IN (SELECT la_code FROM derive_scope)
      GROUP BY la_code, child_key);
