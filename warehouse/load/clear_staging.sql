-- Empty the staging tables at the start of a run: rows left by a process that died are
-- discarded (a swap consumes the staged rows it swaps in, warehouse/load/swap.sql).
DELETE FROM stg_header;
DELETE FROM stg_episode;
DELETE FROM stg_review;
DELETE FROM stg_uasc;
DELETE FROM stg_dispute;
DELETE FROM stg_workforce;
DELETE FROM stg_reject;
DELETE FROM stg_file_load;
DELETE FROM stg_la_year;
