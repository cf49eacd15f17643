-- Code-list dimensions: one table per list in etl/codes/<list>.csv (see etl/codes/README.md).
--
-- Every table has the same first five columns:
--   code         the code exactly as it appears in the 903 / local files (e.g. 'U4', 'PN5', '1')
--   description  plain-English meaning
--   valid_from   first collection year the code is valid in (year ending 31 March), NULL = no known start
--   valid_to     last collection year the code is valid in, NULL = still valid
--   code_group   dashboard grouping (the CSV column `group`), NULL where the list has none
-- followed by the list's own typed columns (Y/N in the CSV -> BOOLEAN here).
-- The rows are (re)filled by warehouse/reference/50_codes.sql from the CSV files; this file only
-- creates the tables and may be run any number of times.

CREATE TABLE IF NOT EXISTS dim_sex (
    code        VARCHAR  PRIMARY KEY,
    description VARCHAR  NOT NULL,
    valid_from  SMALLINT,
    valid_to    SMALLINT,
    code_group  VARCHAR,
    CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_from <= valid_to)
);

CREATE TABLE IF NOT EXISTS dim_ethnicity (
    code        VARCHAR  PRIMARY KEY,
    description VARCHAR  NOT NULL,
    valid_from  SMALLINT,
    valid_to    SMALLINT,
    code_group  VARCHAR,              -- White, Mixed, Asian (incl. Chinese), Black, Other, Refused/not obtained
    CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_from <= valid_to)
);

CREATE TABLE IF NOT EXISTS dim_reason_new_episode (
    code            VARCHAR  PRIMARY KEY,
    description     VARCHAR  NOT NULL,
    valid_from      SMALLINT,
    valid_to        SMALLINT,
    code_group      VARCHAR,
    new_placement   BOOLEAN  NOT NULL,  -- S, P, B start a new placement (indicators.md §0)
    same_carer_move BOOLEAN  NOT NULL,  -- T, U: placement changes but the carer stays (flag count_same_carer_moves)
    CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_from <= valid_to)
);

CREATE TABLE IF NOT EXISTS dim_legal_status (
    code        VARCHAR  PRIMARY KEY,
    description VARCHAR  NOT NULL,
    valid_from  SMALLINT,
    valid_to    SMALLINT,
    code_group  VARCHAR,
    short_break BOOLEAN  NOT NULL,      -- V3, V4: excluded everywhere (indicators.md §0)
    CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_from <= valid_to)
);

CREATE TABLE IF NOT EXISTS dim_category_of_need (
    code        VARCHAR  PRIMARY KEY,
    description VARCHAR  NOT NULL,
    valid_from  SMALLINT,
    valid_to    SMALLINT,
    code_group  VARCHAR,
    CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_from <= valid_to)
);

CREATE TABLE IF NOT EXISTS dim_placement_type (
    code                        VARCHAR  PRIMARY KEY,
    description                 VARCHAR  NOT NULL,
    valid_from                  SMALLINT,
    valid_to                    SMALLINT,
    code_group                  VARCHAR,
    temporary                   BOOLEAN  NOT NULL,  -- T0-T4: not a placement (indicators.md §0)
    provider_required           BOOLEAN  NOT NULL,  -- PLACE_PROVIDER expected (903 rules 213/526)
    max_days                    INTEGER,            -- longest allowed duration (T1 42, T3 21, T4 7)
    adoption_with_current_carer BOOLEAN  NOT NULL,  -- A3, A5: placed for adoption with current foster carer(s)
    CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_from <= valid_to),
    CHECK (max_days IS NULL OR max_days > 0)
);

CREATE TABLE IF NOT EXISTS dim_placement_provider (
    code        VARCHAR  PRIMARY KEY,
    description VARCHAR  NOT NULL,
    valid_from  SMALLINT,
    valid_to    SMALLINT,
    code_group  VARCHAR,
    CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_from <= valid_to)
);

CREATE TABLE IF NOT EXISTS dim_reason_ceased (
    code        VARCHAR  PRIMARY KEY,
    description VARCHAR  NOT NULL,
    valid_from  SMALLINT,
    valid_to    SMALLINT,
    code_group  VARCHAR,              -- 'Not leaving care' for X1
    CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_from <= valid_to)
);

CREATE TABLE IF NOT EXISTS dim_reason_place_change (
    code        VARCHAR  PRIMARY KEY,
    description VARCHAR  NOT NULL,
    valid_from  SMALLINT,
    valid_to    SMALLINT,
    code_group  VARCHAR,
    CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_from <= valid_to)
);

-- Review participation codes PN0-PN7 (the CSV is etl/codes/review_code.csv).
CREATE TABLE IF NOT EXISTS dim_participation (
    code           VARCHAR  PRIMARY KEY,
    description    VARCHAR  NOT NULL,
    valid_from     SMALLINT,
    valid_to       SMALLINT,
    code_group     VARCHAR,
    views_conveyed BOOLEAN  NOT NULL,   -- PN1, PN2, PN3, PN5, PN6 (indicators.md §4)
    attended       BOOLEAN  NOT NULL,   -- PN1-PN4
    CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_from <= valid_to)
);

CREATE TABLE IF NOT EXISTS dim_dispute_type (
    code        VARCHAR  PRIMARY KEY,
    description VARCHAR  NOT NULL,
    valid_from  SMALLINT,
    valid_to    SMALLINT,
    code_group  VARCHAR,
    CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_from <= valid_to)
);

CREATE TABLE IF NOT EXISTS dim_dispute_theme (
    code        VARCHAR  PRIMARY KEY,
    description VARCHAR  NOT NULL,
    valid_from  SMALLINT,
    valid_to    SMALLINT,
    code_group  VARCHAR,
    CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_from <= valid_to)
);

CREATE TABLE IF NOT EXISTS dim_dispute_stage (
    code        VARCHAR  PRIMARY KEY,   -- INFORMAL, 1, 2, 3, 4
    description VARCHAR  NOT NULL,
    valid_from  SMALLINT,
    valid_to    SMALLINT,
    code_group  VARCHAR,
    rank        INTEGER  NOT NULL UNIQUE, -- 0 = informal ... 4 = highest formal stage
    CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_from <= valid_to)
);

CREATE TABLE IF NOT EXISTS dim_dispute_outcome (
    code        VARCHAR  PRIMARY KEY,
    description VARCHAR  NOT NULL,
    valid_from  SMALLINT,
    valid_to    SMALLINT,
    code_group  VARCHAR,
    CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_from <= valid_to)
);
