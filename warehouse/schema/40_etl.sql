-- ETL bookkeeping: what is loaded, what every run did, and what was rejected.
--
-- Staging tables (stg_*) hold the valid rows of an LA-year between validation and the swap;
-- they mirror the return tables plus the load that staged them. The swap (one transaction)
-- deletes the LA-year from return_* / local_*, inserts it from staging, rebuilds the
-- authority's derived facts and records the LA-year in etl_la_year; staging is then cleared.
-- Rows left in staging by a process that died are discarded when the next run starts.

CREATE TABLE IF NOT EXISTS stg_header    AS SELECT ''::VARCHAR AS load_id, * FROM return_header    LIMIT 0;
CREATE TABLE IF NOT EXISTS stg_episode   AS SELECT ''::VARCHAR AS load_id, * FROM return_episode   LIMIT 0;
CREATE TABLE IF NOT EXISTS stg_review    AS SELECT ''::VARCHAR AS load_id, * FROM return_review    LIMIT 0;
CREATE TABLE IF NOT EXISTS stg_uasc      AS SELECT ''::VARCHAR AS load_id, * FROM return_uasc      LIMIT 0;
CREATE TABLE IF NOT EXISTS stg_dispute   AS SELECT ''::VARCHAR AS load_id, * FROM local_dispute    LIMIT 0;
CREATE TABLE IF NOT EXISTS stg_workforce AS SELECT ''::VARCHAR AS load_id, * FROM local_workforce  LIMIT 0;

-- The LA-years in the warehouse now, with a fingerprint (SHA-256 over the names and bytes of
-- the files loaded): a later scan skips an LA-year whose files are unchanged, which makes
-- re-loading idempotent and a re-run after a crash converge.
CREATE TABLE IF NOT EXISTS etl_la_year (
    la_code          VARCHAR   NOT NULL,
    year             SMALLINT  NOT NULL,
    fingerprint      VARCHAR   NOT NULL,
    loaded_at        TIMESTAMP NOT NULL,
    job_execution_id BIGINT,
    children         INTEGER   NOT NULL,  -- children in the header that were loaded
    rows_loaded      INTEGER   NOT NULL,
    rows_rejected    INTEGER   NOT NULL,
    files            VARCHAR[],           -- the files the LA-year was loaded from, e.g. [header.csv, episodes.csv, reviews.csv, disputes.csv]
    PRIMARY KEY (la_code, year)
);
ALTER TABLE etl_la_year ADD COLUMN IF NOT EXISTS files VARCHAR[];

-- One row per file per LA-year per run: the job history an administrator reads.
-- status: loaded | unchanged | failed (file unreadable: the LA-year keeps its previous data) | ignored
CREATE TABLE IF NOT EXISTS etl_file_load (
    job_execution_id BIGINT,
    la_code          VARCHAR,
    year             SMALLINT,
    folder           VARCHAR   NOT NULL,  -- inbox-relative folder, e.g. 891/2024
    file_name        VARCHAR   NOT NULL,
    status           VARCHAR   NOT NULL,
    rows_read        INTEGER   NOT NULL,
    rows_loaded      INTEGER   NOT NULL,
    rows_rejected    INTEGER   NOT NULL,
    message          VARCHAR,
    finished_at      TIMESTAMP NOT NULL
);

-- The rejected rows of the LA-years now loaded (replaced with the LA-year): file, line,
-- field, value and a plain-English reason. Values of identifying fields (CHILD, UPN, DOB,
-- postcodes) are masked here; `validate` prints them in full to the person holding the files.
CREATE TABLE IF NOT EXISTS etl_reject (
    la_code    VARCHAR  NOT NULL,
    year       SMALLINT NOT NULL,
    file_name  VARCHAR  NOT NULL,
    line       INTEGER  NOT NULL,
    field      VARCHAR,
    value      VARCHAR,
    reason     VARCHAR  NOT NULL,
    child_key  VARCHAR                  -- the child's pseudonym, where the row names a child
);

CREATE TABLE IF NOT EXISTS stg_reject AS SELECT ''::VARCHAR AS load_id, * FROM etl_reject LIMIT 0;

-- The staged LA-years ready to swap in: one row per LA-year, written in one transaction for all
-- the years of an authority once every one of them is staged, so a swap takes an authority's
-- changed years together. The swap (warehouse/load/swap.sql) consumes these rows with their
-- staged rows; rows of a load that died are discarded at the start of the next run.
CREATE TABLE IF NOT EXISTS stg_la_year (
    load_id          VARCHAR   NOT NULL,
    la_code          VARCHAR   NOT NULL,
    year             SMALLINT  NOT NULL,
    fingerprint      VARCHAR   NOT NULL,
    job_execution_id BIGINT,
    children         INTEGER   NOT NULL,
    rows_loaded      INTEGER   NOT NULL,
    rows_rejected    INTEGER   NOT NULL,
    files            VARCHAR              -- comma-separated file names
);

-- etl_file_load rows of the staged LA-years, copied into etl_file_load by their swap.
CREATE TABLE IF NOT EXISTS stg_file_load AS SELECT ''::VARCHAR AS load_id, * FROM etl_file_load LIMIT 0;

-- Every published DfE file loaded (shipped under etl/reference/published/ or dropped in the
-- inbox as INBOX/published/*.csv), one row per file version: the file whose figures a
-- (release, kind) holds now has replaced_at NULL; a DfE correction of the same release and
-- kind replaces it, and the earlier row is kept with the time it was replaced. A file whose
-- fingerprint equals the current one is not loaded again.
CREATE TABLE IF NOT EXISTS etl_published_file (
    release          VARCHAR   NOT NULL,  -- e.g. 'EES 2026'
    kind             VARCHAR   NOT NULL,  -- ees_volume | ees_stability | lait
    source_file      VARCHAR   NOT NULL,  -- published/<name> (shipped) or inbox/published/<name>
    origin           VARCHAR   NOT NULL,  -- reference | inbox
    fingerprint      VARCHAR   NOT NULL,  -- SHA-256 of the file's bytes
    first_year       SMALLINT,
    last_year        SMALLINT,
    figures          INTEGER   NOT NULL,  -- rows written to published_indicator_release
    loaded_at        TIMESTAMP NOT NULL,
    job_execution_id BIGINT,              -- the load run (NULL for the shipped files)
    replaced_at      TIMESTAMP,
    CHECK (origin IN ('reference', 'inbox'))
);
