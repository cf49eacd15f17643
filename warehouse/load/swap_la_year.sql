-- Swap one LA-year into the warehouse: its staged rows replace whatever the warehouse held for
-- (la_code, year), table by table. Runs inside the load's single transaction, together with the
-- rebuild of the authority's derived facts (warehouse/derive/) and the bookkeeping in
-- etl_la_year, so a reader sees the old LA-year or the new one, never a mix.
-- Variables: la_code, year, load_id.

DELETE FROM return_header   WHERE la_code = getvariable('la_code') AND year = getvariable('year');
INSERT INTO return_header   SELECT * EXCLUDE (load_id) FROM stg_header    WHERE load_id = getvariable('load_id');

DELETE FROM return_episode  WHERE la_code = getvariable('la_code') AND year = getvariable('year');
INSERT INTO return_episode  SELECT * EXCLUDE (load_id) FROM stg_episode   WHERE load_id = getvariable('load_id');

DELETE FROM return_review   WHERE la_code = getvariable('la_code') AND year = getvariable('year');
INSERT INTO return_review   SELECT * EXCLUDE (load_id) FROM stg_review    WHERE load_id = getvariable('load_id');

DELETE FROM return_uasc     WHERE la_code = getvariable('la_code') AND year = getvariable('year');
INSERT INTO return_uasc     SELECT * EXCLUDE (load_id) FROM stg_uasc      WHERE load_id = getvariable('load_id');

DELETE FROM local_dispute   WHERE la_code = getvariable('la_code') AND year = getvariable('year');
INSERT INTO local_dispute   SELECT * EXCLUDE (load_id) FROM stg_dispute   WHERE load_id = getvariable('load_id');

DELETE FROM local_workforce WHERE la_code = getvariable('la_code') AND year = getvariable('year');
INSERT INTO local_workforce SELECT * EXCLUDE (load_id) FROM stg_workforce WHERE load_id = getvariable('load_id');

DELETE FROM etl_reject      WHERE la_code = getvariable('la_code') AND year = getvariable('year');
INSERT INTO etl_reject      SELECT * EXCLUDE (load_id) FROM stg_reject    WHERE load_id = getvariable('load_id');
