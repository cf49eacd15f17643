-- fact_workforce for the authorities in derive_scope: the IRO workforce snapshots as loaded.
DELETE FROM fact_workforce WHERE la_code IN (SELECT la_code FROM derive_scope);

INSERT INTO fact_workforce BY NAME
SELECT la_code, year, snapshot_date, iro_fte, iro_headcount, vacant_fte, agency_fte
FROM local_workforce
WHERE la_code IN (SELECT la_code FROM derive_scope);
