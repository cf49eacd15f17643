-- Swap staged LA-years into the warehouse, set-based: the LA-years listed in swap_scope
-- (load_id, la_code, year; a temporary table made by the loader from stg_la_year) replace
-- whatever the warehouse held for each (la_code, year), table by table, and their staging rows
-- are consumed. Runs inside the load's transaction, together with the rebuild of the swapped
-- authorities' derived facts (warehouse/derive/), so a reader sees the old LA-years or the
-- new ones, never a mix. Variable: loaded_at.

DELETE FROM return_header   t USING swap_scope s WHERE t.la_code = s.la_code AND t.year = s.year;
INSERT INTO return_header   SELECT * EXCLUDE (load_id) FROM stg_header    WHERE load_id IN (SELECT load_id FROM swap_scope);

DELETE FROM return_episode  t USING swap_scope s WHERE t.la_code = s.la_code AND t.year = s.year;
INSERT INTO return_episode  SELECT * EXCLUDE (load_id) FROM stg_episode   WHERE load_id IN (SELECT load_id FROM swap_scope);

DELETE FROM return_review   t USING swap_scope s WHERE t.la_code = s.la_code AND t.year = s.year;
INSERT INTO return_review   SELECT * EXCLUDE (load_id) FROM stg_review    WHERE load_id IN (SELECT load_id FROM swap_scope);

DELETE FROM return_uasc     t USING swap_scope s WHERE t.la_code = s.la_code AND t.year = s.year;
INSERT INTO return_uasc     SELECT * EXCLUDE (load_id) FROM stg_uasc      WHERE load_id IN (SELECT load_id FROM swap_scope);

DELETE FROM local_dispute   t USING swap_scope s WHERE t.la_code = s.la_code AND t.year = s.year;
INSERT INTO local_dispute   SELECT * EXCLUDE (load_id) FROM stg_dispute   WHERE load_id IN (SELECT load_id FROM swap_scope);

DELETE FROM local_workforce t USING swap_scope s WHERE t.la_code = s.la_code AND t.year = s.year;
INSERT INTO local_workforce SELECT * EXCLUDE (load_id) FROM stg_workforce WHERE load_id IN (SELECT load_id FROM swap_scope);

DELETE FROM etl_reject      t USING swap_scope s WHERE t.la_code = s.la_code AND t.year = s.year;
INSERT INTO etl_reject      SELECT * EXCLUDE (load_id) FROM stg_reject    WHERE load_id IN (SELECT load_id FROM swap_scope);

-- What is loaded now, and the run's per-file history.
INSERT OR REPLACE INTO etl_la_year (la_code, year, fingerprint, loaded_at, job_execution_id, children, rows_loaded, rows_rejected, files)
SELECT la_code, year, fingerprint, getvariable('loaded_at'), job_execution_id, children, rows_loaded, rows_rejected,
       string_split(files, ',')
FROM stg_la_year
WHERE load_id IN (SELECT load_id FROM swap_scope);
INSERT INTO etl_file_load SELECT * EXCLUDE (load_id) REPLACE (getvariable('loaded_at') AS finished_at)
FROM stg_file_load WHERE load_id IN (SELECT load_id FROM swap_scope);

-- The staged rows are consumed with the swap.
DELETE FROM stg_header    WHERE load_id IN (SELECT load_id FROM swap_scope);
DELETE FROM stg_episode   WHERE load_id IN (SELECT load_id FROM swap_scope);
DELETE FROM stg_review    WHERE load_id IN (SELECT load_id FROM swap_scope);
DELETE FROM stg_uasc      WHERE load_id IN (SELECT load_id FROM swap_scope);
DELETE FROM stg_dispute   WHERE load_id IN (SELECT load_id FROM swap_scope);
DELETE FROM stg_workforce WHERE load_id IN (SELECT load_id FROM swap_scope);
DELETE FROM stg_reject    WHERE load_id IN (SELECT load_id FROM swap_scope);
DELETE FROM stg_file_load WHERE load_id IN (SELECT load_id FROM swap_scope);
DELETE FROM stg_la_year   WHERE load_id IN (SELECT load_id FROM swap_scope);
