-- Returns as loaded: one row per row accepted from an LA-year's files.
--
-- Every table here is keyed by (la_code, year): the 3-digit DfE code of the authority and the
-- collection year of the return the row came from (year ending 31 March `year`). Loading an
-- LA-year replaces exactly its rows, in one transaction, together with the derived facts of
-- that authority (30_facts.sql). A child is identified by (la_code, child_key), where
-- child_key is a keyed hash (HMAC-SHA-256) of the LA's CHILD identifier: the source
-- identifier, UPN, postcodes and mother's child's date of birth are never stored.
-- Dates of birth are kept only as a month (dob_month = first day of the birth month); the
-- ages the indicators need are computed at ingest from the full date and stored instead.
-- `source_line` is the line of the source file the row came from (for explaining figures).
-- Keys: each table's key (noted at its end) is unique by validation (etl.validation.ReturnValidator
-- rejects a repeated child, episode start, review date, dispute id or snapshot date) and is not
-- declared as a PRIMARY KEY: DuckDB's index on it made every swap several times slower
-- (bench/RESULTS.md), and warehouses made with one are upgraded when opened (Warehouse.open).

CREATE TABLE IF NOT EXISTS return_header (
    la_code      VARCHAR  NOT NULL,
    year         SMALLINT NOT NULL,
    child_key    VARCHAR  NOT NULL,
    sex          TINYINT  NOT NULL,   -- 1 male, 2 female
    dob_month    DATE     NOT NULL,
    age_31mar    TINYINT  NOT NULL,   -- whole years on 31 March `year`
    ethnic       VARCHAR  NOT NULL,
    source_line  INTEGER  NOT NULL
    -- unique: (la_code, year, child_key), by validation
);

CREATE TABLE IF NOT EXISTS return_episode (
    la_code             VARCHAR  NOT NULL,
    year                SMALLINT NOT NULL,
    child_key           VARCHAR  NOT NULL,
    decom               DATE     NOT NULL,
    rne                 VARCHAR  NOT NULL,
    ls                  VARCHAR  NOT NULL,
    cin                 VARCHAR  NOT NULL,
    place               VARCHAR  NOT NULL,
    place_provider      VARCHAR,
    dec                 DATE,             -- NULL while the episode is open
    rec                 VARCHAR,          -- NULL iff dec is NULL
    reason_place_change VARCHAR,
    urn                 VARCHAR,          -- Ofsted URN of the placement, 'XXXXXXX' if not inspected
    pl_post_key         VARCHAR,          -- keyed hash of the placement postcode (compared, never shown)
    age_at_decom        TINYINT  NOT NULL,
    source_line         INTEGER  NOT NULL
    -- unique: (la_code, year, child_key, decom), by validation
);

CREATE TABLE IF NOT EXISTS return_review (
    la_code       VARCHAR  NOT NULL,
    year          SMALLINT NOT NULL,
    child_key     VARCHAR  NOT NULL,
    review_date   DATE     NOT NULL,
    review_code   VARCHAR  NOT NULL,    -- PN0..PN7
    age_at_review TINYINT  NOT NULL,
    source_line   INTEGER  NOT NULL
    -- unique: (la_code, year, child_key, review_date), by validation
);

CREATE TABLE IF NOT EXISTS return_uasc (
    la_code     VARCHAR  NOT NULL,
    year        SMALLINT NOT NULL,
    child_key   VARCHAR  NOT NULL,
    duc         DATE,                   -- date UASC status ceased (may be in the future: 18th birthday)
    source_line INTEGER  NOT NULL
    -- unique: (la_code, year, child_key), by validation
);

-- The IRO service's dispute-resolution log (ssda903.md §Local). A file of year Y lists the
-- disputes known at its extract date; a dispute appearing in several years' files is one
-- dispute (the latest file wins), see fact_dispute.
CREATE TABLE IF NOT EXISTS local_dispute (
    la_code       VARCHAR  NOT NULL,
    year          SMALLINT NOT NULL,
    dispute_id    VARCHAR  NOT NULL,
    child_key     VARCHAR,              -- NULL for a service-wide issue
    type          VARCHAR  NOT NULL,    -- CONCERN | GOOD_PRACTICE
    raised        DATE     NOT NULL,
    theme         VARCHAR,
    stage_reached VARCHAR  NOT NULL,    -- INFORMAL, 1, 2, 3, 4
    stage1_date   DATE,
    cafcass       BOOLEAN  NOT NULL,
    resolved      DATE,
    outcome       VARCHAR,
    source_line   INTEGER  NOT NULL
    -- unique: (la_code, year, dispute_id), by validation
);

CREATE TABLE IF NOT EXISTS local_workforce (
    la_code        VARCHAR      NOT NULL,
    year           SMALLINT     NOT NULL,
    snapshot_date  DATE         NOT NULL,
    iro_fte        DECIMAL(7,2) NOT NULL,
    iro_headcount  INTEGER,
    vacant_fte     DECIMAL(7,2),
    agency_fte     DECIMAL(7,2),
    source_line    INTEGER      NOT NULL
    -- unique: (la_code, year, snapshot_date), by validation
);
