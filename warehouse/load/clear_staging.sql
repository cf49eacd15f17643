-- Empty the staging tables of one load (variable load_id), or of every load when load_id is
-- NULL (at the start of a run: rows left by a process that died are discarded).
DELETE FROM stg_header    WHERE getvariable('load_id') IS NULL OR load_id = getvariable('load_id');
DELETE FROM stg_episode   WHERE getvariable('load_id') IS NULL OR load_id = getvariable('load_id');
DELETE FROM stg_review    WHERE getvariable('load_id') IS NULL OR load_id = getvariable('load_id');
DELETE FROM stg_uasc      WHERE getvariable('load_id') IS NULL OR load_id = getvariable('load_id');
DELETE FROM stg_dispute   WHERE getvariable('load_id') IS NULL OR load_id = getvariable('load_id');
DELETE FROM stg_workforce WHERE getvariable('load_id') IS NULL OR load_id = getvariable('load_id');
DELETE FROM stg_reject    WHERE getvariable('load_id') IS NULL OR load_id = getvariable('load_id');
DELETE FROM stg_file_load WHERE getvariable('load_id') IS NULL OR load_id = getvariable('load_id');
DELETE FROM stg_la_year   WHERE getvariable('load_id') IS NULL OR load_id = getvariable('load_id');
