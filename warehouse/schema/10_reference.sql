-- Reference data: authorities, statistical neighbours, population, calendar and the figures
-- DfE publishes for each authority. The rows are (re)filled by warehouse/reference/*.sql from
-- the CSV files in etl/reference/ (see etl/reference/SOURCES.md for where each file came from);
-- this file only creates the tables and macros and may be run any number of times.
--
-- Codes: an authority is identified everywhere by `la_code`, its 3-digit DfE code as text
-- ('891'); `ons_code` / `area_code` hold 9-character ONS codes ('E06000018').
--
-- dim_authority              the 153 current English authorities plus the two legacy ones that
--                            still appear in published series: 909 Cumbria (split into 942
--                            Cumberland and 943 Westmorland and Furness on 1 April 2023) and
--                            928 Northamptonshire (split into 940 North and 941 West
--                            Northamptonshire on 1 April 2021), with is_current = false.
--                            region_code/region_name are the DfE publication regions (London
--                            boroughs sit in Inner London E13000001 or Outer London E13000002);
--                            gor_code/gor_name are the nine English regions (London = E12000007).
-- ref_statistical_neighbour  each authority's ten statistical neighbours, ranked 1 (closest) to
--                            10, in two models: 'CSSNBT_2021' (the April 2021 groupings) and
--                            'CSSNBT_2025' (the default, indicators.md §7). The 2021 model still
--                            names the pre-2019 authorities 835 Dorset, 836 Poole and 837
--                            Bournemouth; a neighbour with no authority in dim_authority (835,
--                            836) has neighbour_la_code NULL and keeps its code in
--                            neighbour_old_code. closeness is the model's label in sentence case
--                            ('Extremely close', 'Very close', 'Close', 'Somewhat close', 'Not close').
-- fact_population            ONS mid-year estimates of children aged 0-17 for each authority,
--                            region (including Inner/Outer London) and England, 2012-2024.
--                            `year` is the collection year the estimate is the denominator for:
--                            rates for 31 March Y use the mid-(Y-1) estimate (indicators.md §0), so
--                            year = mid_year + 1. An authority's area_code is its current ONS
--                            code from dim_authority even where ONS published an older code.
-- dim_bank_holiday           England and Wales bank holidays, including substitute and one-off
--                            days. source = 'list' for the days in the reference file (2005-2030);
--                            for the other years dim_date covers (2000-2004, 2031-2040) the
--                            regular holidays are generated from the statutory rules
--                            (source = 'rule'): one-off days of those years (e.g. the 2002
--                            Golden Jubilee) are not known.
-- dim_date                   one row per day from 2000-01-01 to 2040-12-31. A working day is
--                            Monday-Friday and not a bank holiday (indicators.md §0).
--                            working_day_index counts the working days from 2000-01-01 up to and
--                            including the date, so a non-working day has the index of the last
--                            working day before it. Hence:
--                              working days after A up to and including B = idx(B) - idx(A)
--                              N working days after D = the working day with index idx(D) + N
--                            (macros working_days_between(a, b) and add_working_days(d, n) below).
--
-- Published figures (indicators.md §8):
-- published_indicator_release  every figure of every release we hold, one row per (indicator,
--                            area, year, release): shipped with the product EES 2025 (years
--                            2021-2025), EES 2024 (2020-2024) and LAIT 2025 (2016-2025); newer
--                            releases arrive through the inbox (INBOX/published/*.csv) and are
--                            added beside them, so the history of every figure is kept.
-- fact_published_indicator   one row per (indicator, area, year): the figure of the release with
--                            the highest release_rank that has the area-year.
--   indicator    cla_31mar, cla_rate_10k, starts, starts_rate_10k, ceased, ceased_rate_10k,
--                stability_3plus_pct, stability_long_term_pct (indicators.md §1-2)
--   area_type    'la' | 'region' | 'england'; area_code is the ONS code; la_code only for 'la'
--   numerator / denominator / value, as published (never recomputed):
--                a count:  value = the count, numerator = value, denominator NULL
--                a rate:   value = the published rate per 10,000 (DfE rounds it to a whole
--                          number), numerator = the count, denominator = the 0-17 population
--                          the release used (EES only; LAIT publishes no population)
--                a %:      value = the published percentage, numerator = the count with the
--                          characteristic, denominator = "Total children" of the group (EES);
--                          LAIT publishes the count (LACStableNum_2016on, LAC_LongStableNum) but
--                          no denominator
--                National and regional EES counts are rounded by DfE to the nearest 10.
--   status / symbol: a published cell is either a number (status 'ok', symbol NULL) or a DfE
--                symbol, which is kept in `symbol` as published with value NULL - never as a
--                number:
--                  c    confidential: suppressed to protect individuals       -> 'suppressed'
--                  k    non-zero but rounds to zero                           -> 'suppressed'
--                  low  non-zero but rounds to zero (older releases)          -> 'suppressed'
--                  u    low reliability, figure withheld                      -> 'suppressed'
--                  x    not available                                         -> 'not_available'
--                  z    not applicable (e.g. an authority in a year it did not exist,
--                       Isles of Scilly with no looked-after children)        -> 'not_available'
--                  :    not available (older releases)                        -> 'not_available'
--                  ..   not available (older releases)                        -> 'not_available'
--                  -    LAIT's only symbol                                    -> 'not_available'
--                'suppressed' means a figure exists but is not shown (c, or too small/unreliable
--                to show: k, low, u); 'not_available' means there is no figure. LAIT writes '-'
--                for every missing cell, whatever EES's symbol was (we checked: it stands for c
--                as well as z), so a LAIT '-' can only be read as not available. A blank cell
--                is 'not_available' with symbol NULL. Any other text fails the load.
--   kind         the kind of DfE file the figure came from: 'ees_volume' (CLA at 31 March,
--                starts, ceased), 'ees_stability' (placement stability) or 'lait' (the LAIT
--                long series). A release is one file of each kind it publishes; a file of a
--                release and kind we hold already (a DfE correction) replaces exactly that
--                file's figures (warehouse/published/replace.sql; etl_published_file keeps
--                which file each was and when it was replaced).
--   release / release_rank (higher wins) - the release order:
--                'EES YYYY'   Children looked after in England including adoptions, the release
--                             of year YYYY (its latest year; it covers YYYY-4 to YYYY)
--                'LAIT YYYY'  DfE's Local Authority Interactive Tool long series as of YYYY
--                Each EES release revises earlier years (e.g. England CLA at 31 March 2024 was
--                83,630 in EES 2024 and 83,530 in EES 2025), so the newer EES release wins.
--                LAIT is not an independent source: it republishes the EES figures (for
--                2021-2025 its numbers equal EES 2025's cell for cell, for 2020 EES 2024's),
--                but replaces every symbol by '-'. So every EES release ranks above every
--                LAIT release, which only supplies the years no EES release we hold covers
--                (2016-2019). release_rank is recomputed whenever a release arrives
--                (warehouse/published/rank.sql): LAIT releases oldest first, then EES releases
--                oldest first, numbered 1, 2, ...; with the shipped files LAIT 2025 = 1,
--                EES 2024 = 2, EES 2025 = 3, and an EES 2026 loaded later becomes 4.
--   source_file  the file the figure was read from: 'published/<name>' for a file shipped under
--                etl/reference/published/, 'inbox/published/<name>' for one loaded from the inbox.
--
-- etl_reference_load         what was loaded and when: name 'reference' holds the SHA-256 of all
--                            the files loaded (etl/reference/**/*.csv and the code lists
--                            etl/codes/*.csv: names and contents) and the total row count of the
--                            tables above; one row per table above holds that table's row count.
--                            ReferenceData.load() reloads everything only when the checksum changes.

CREATE TABLE IF NOT EXISTS dim_authority (
    la_code       VARCHAR  PRIMARY KEY,   -- 3-digit DfE code, e.g. '891'
    ons_code      VARCHAR  NOT NULL UNIQUE,
    la_name       VARCHAR  NOT NULL,
    region_code   VARCHAR  NOT NULL,      -- DfE publication region (London: E13000001 / E13000002)
    region_name   VARCHAR  NOT NULL,
    gor_code      VARCHAR  NOT NULL,      -- English region (London boroughs: E12000007)
    gor_name      VARCHAR  NOT NULL,
    ons_code_type VARCHAR  NOT NULL,      -- E06 unitary, E08 metropolitan district, E09 London borough, E10 county
    is_current    BOOLEAN  NOT NULL       -- false for legacy 909 Cumbria, 928 Northamptonshire
);

CREATE TABLE IF NOT EXISTS ref_statistical_neighbour (
    sn_model           VARCHAR  NOT NULL,  -- 'CSSNBT_2021' | 'CSSNBT_2025'
    la_code            VARCHAR  NOT NULL,
    rank               TINYINT  NOT NULL,  -- 1 = closest
    neighbour_la_code  VARCHAR,            -- NULL when the neighbour has no current authority (835, 836)
    neighbour_old_code VARCHAR  NOT NULL,  -- the neighbour's code as the model gives it
    closeness          VARCHAR  NOT NULL,
    PRIMARY KEY (sn_model, la_code, rank),
    CHECK (rank BETWEEN 1 AND 10)
);

CREATE TABLE IF NOT EXISTS fact_population (
    area_type       VARCHAR  NOT NULL,  -- 'la' | 'region' | 'england'
    area_code       VARCHAR  NOT NULL,  -- ONS code
    la_code         VARCHAR,            -- NULL unless area_type = 'la'
    mid_year        SMALLINT NOT NULL,  -- the estimate is for 30 June mid_year
    year            SMALLINT NOT NULL,  -- collection year it is the denominator for = mid_year + 1
    population_0_17 INTEGER  NOT NULL,
    PRIMARY KEY (area_type, area_code, mid_year),
    CHECK (area_type IN ('la', 'region', 'england')),
    CHECK ((area_type = 'la') = (la_code IS NOT NULL)),
    CHECK (year = mid_year + 1)
);

CREATE TABLE IF NOT EXISTS dim_bank_holiday (
    date   DATE     PRIMARY KEY,
    name   VARCHAR  NOT NULL,
    source VARCHAR  NOT NULL,  -- 'list' (etl/reference/bank_holidays_england_wales.csv) | 'rule'
    CHECK (source IN ('list', 'rule'))
);

CREATE TABLE IF NOT EXISTS dim_date (
    date              DATE     PRIMARY KEY,
    collection_year   SMALLINT NOT NULL,  -- year ending 31 March: 2024-04-01 .. 2025-03-31 -> 2025
    is_working_day    BOOLEAN  NOT NULL,  -- Monday-Friday and not an England & Wales bank holiday
    working_day_index INTEGER  NOT NULL,  -- working days from 2000-01-01 up to and including date
    day_of_week       TINYINT  NOT NULL,  -- ISO: 1 Monday .. 7 Sunday
    bank_holiday      VARCHAR             -- the bank holiday's name, NULL on other days
);

-- The date N working days after d (N >= 1; N = 0 gives d itself when d is a working day, else the
-- last working day before it; a negative N counts back). NULL outside 2000-2040.
-- Example: add_working_days(DATE '2024-12-20', 5) = 2024-12-31 (skips the weekend, Christmas Day
-- and Boxing Day).
CREATE OR REPLACE MACRO add_working_days(d, n) AS (
    SELECT min(wd.date)
    FROM dim_date AS wd
    WHERE wd.is_working_day
      AND wd.working_day_index = (SELECT dd.working_day_index FROM dim_date AS dd WHERE dd.date = CAST(d AS DATE)) + n
);

-- Working days after a up to and including b (negative when b is before a). NULL outside 2000-2040.
CREATE OR REPLACE MACRO working_days_between(a, b) AS (
    (SELECT db.working_day_index FROM dim_date AS db WHERE db.date = CAST(b AS DATE))
  - (SELECT da.working_day_index FROM dim_date AS da WHERE da.date = CAST(a AS DATE))
);

CREATE TABLE IF NOT EXISTS published_indicator_release (
    indicator    VARCHAR  NOT NULL,
    area_type    VARCHAR  NOT NULL,  -- 'la' | 'region' | 'england'
    area_code    VARCHAR  NOT NULL,  -- ONS code
    la_code      VARCHAR,            -- NULL unless area_type = 'la'
    year         SMALLINT NOT NULL,  -- collection year (year ending 31 March)
    numerator    DOUBLE,
    denominator  DOUBLE,
    value        DOUBLE,             -- NULL unless status = 'ok'
    status       VARCHAR  NOT NULL,  -- 'ok' | 'suppressed' | 'not_available'
    symbol       VARCHAR,            -- the DfE symbol as published; NULL for a number
    release      VARCHAR  NOT NULL,  -- 'EES 2025' | 'EES 2024' | 'LAIT 2025' | a newer release
    release_rank SMALLINT NOT NULL,  -- higher = newer / preferred
    source_file  VARCHAR  NOT NULL,
    kind         VARCHAR,            -- 'ees_volume' | 'ees_stability' | 'lait' (NULL only in rows loaded before kinds were kept)
    PRIMARY KEY (indicator, area_type, area_code, year, release),
    CHECK (area_type IN ('la', 'region', 'england')),
    CHECK ((area_type = 'la') = (la_code IS NOT NULL)),
    CHECK (status IN ('ok', 'suppressed', 'not_available')),
    CHECK ((status = 'ok') = (value IS NOT NULL)),
    CHECK (status <> 'ok' OR symbol IS NULL)
);

ALTER TABLE published_indicator_release ADD COLUMN IF NOT EXISTS kind VARCHAR;

CREATE TABLE IF NOT EXISTS fact_published_indicator (
    indicator    VARCHAR  NOT NULL,
    area_type    VARCHAR  NOT NULL,
    area_code    VARCHAR  NOT NULL,
    la_code      VARCHAR,
    year         SMALLINT NOT NULL,
    numerator    DOUBLE,
    denominator  DOUBLE,
    value        DOUBLE,
    status       VARCHAR  NOT NULL,
    symbol       VARCHAR,
    release      VARCHAR  NOT NULL,  -- the release the figure comes from
    release_rank SMALLINT NOT NULL,
    source_file  VARCHAR  NOT NULL,
    PRIMARY KEY (indicator, area_type, area_code, year),
    CHECK (area_type IN ('la', 'region', 'england')),
    CHECK ((area_type = 'la') = (la_code IS NOT NULL)),
    CHECK (status IN ('ok', 'suppressed', 'not_available')),
    CHECK ((status = 'ok') = (value IS NOT NULL)),
    CHECK (status <> 'ok' OR symbol IS NULL)
);

CREATE TABLE IF NOT EXISTS etl_reference_load (
    name      VARCHAR   PRIMARY KEY,  -- 'reference' (all files) or a table name
    checksum  VARCHAR   NOT NULL,     -- SHA-256 (hex) of the reference files' names and contents
    loaded_at TIMESTAMP NOT NULL,
    rows      BIGINT    NOT NULL
);
