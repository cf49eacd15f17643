-- fact_workforce for one authority (variable la_code): the IRO workforce snapshots as loaded.
DELETE FROM fact_workforce WHERE la_code = getvariable('la_code');

INSERT INTO fact_workforce BY NAME
SELECT la_code, year, snapshot_date, iro_fte, iro_headcount, vacant_fte, agency_fte
FROM local_workforce
WHERE la_code = getvariable('la_code');
