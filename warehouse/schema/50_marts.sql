-- Indicator marts: what the dashboards, the `indicators` command and the tests read.
-- Rebuilt as a whole, in one transaction, by warehouse/marts/*.sql (see warehouse/marts/README.md)
-- whenever their inputs change: a load, new reference data, another catalogue or other flags.
-- Definitions: ../shared/spec/indicators.md; the catalogue: dashboards/indicators.yaml.

-- The catalogue as the last build read it (dashboards/indicators.yaml), for SQL to join on.
CREATE TABLE IF NOT EXISTS mart_catalogue (
    indicator   VARCHAR  PRIMARY KEY,
    family      VARCHAR  NOT NULL,   -- volumes | stability | reviews | participation | disputes | workforce
    title       VARCHAR  NOT NULL,
    unit        VARCHAR  NOT NULL,   -- count | rate_10k | percent | per_100 | ratio | median | fte
    scale       DOUBLE,              -- value = numerator / denominator * scale; NULL for count, median, fte
    polarity    VARCHAR  NOT NULL,   -- higher_better | lower_better | none
    published   BOOLEAN  NOT NULL,   -- DfE publishes LA figures for it (indicators.md §8)
    requires    VARCHAR,             -- an optional input file the LA-year must have been loaded with, e.g. 'disputes.csv'
    breakdowns  VARCHAR[] NOT NULL,  -- dimensions it can be split by
    excluded_note VARCHAR,           -- what units left out of the denominator are (data-quality note)
    sort_order  INTEGER  NOT NULL
);

-- One row per area x year x indicator x source.
-- * area_type 'la': an authority's own figure; la_code/area_code are the authority's.
-- * area_type 'england' / 'region' (source records: the nine English regions, gor_code): sum of
--   numerators / sum of denominators over the authorities with a value (never a mean of rates;
--   a count is the sum; a median is the median of all the area's units); coverage = how many
--   authorities had a value. Source published: DfE's own national and regional rows as published
--   (coverage NULL).
-- * area_type 'sn_mean': the simple mean of the values of the ten statistical neighbours of
--   la_code (model in mart_build.sn_model) that have a value in the same source; coverage = how
--   many of the ten did ("based on N of 10"); numerator and denominator NULL.
-- * numerator / denominator / value unrounded; a count has value = numerator and no denominator.
-- * status: 'ok' (value present), 'not_available' (no value: nothing to divide by, an input file
--   the indicator needs was not loaded, no population), or for published rows 'suppressed' (a DfE
--   symbol, kept in `symbol`). Records rows are never suppressed here: disclosure control is
--   applied when figures are shown to a VIEWER (uk.iroinsight.indicators.Disclosure).
-- * excluded: units left out of the denominator because their history is not loaded or a due
--   date is unknown (la rows only); coverage of the denominator = denominator / (denominator + excluded).
-- * rank (1 = best by polarity; ties share a rank), ranked = how many authorities were ranked,
--   quartile_band 'A' (best quarter) to 'D': la rows with a value of an indicator with a polarity.
CREATE TABLE IF NOT EXISTS mart_indicator (
    area_type     VARCHAR  NOT NULL,
    area_code     VARCHAR  NOT NULL,
    area_name     VARCHAR  NOT NULL,
    la_code       VARCHAR,
    year          SMALLINT NOT NULL,
    indicator     VARCHAR  NOT NULL,
    source        VARCHAR  NOT NULL,
    numerator     DOUBLE,
    denominator   DOUBLE,
    value         DOUBLE,
    status        VARCHAR  NOT NULL,
    symbol        VARCHAR,
    release       VARCHAR,
    coverage      INTEGER,
    excluded      INTEGER,
    rank          INTEGER,
    ranked        INTEGER,
    quartile_band VARCHAR,
    CHECK (area_type IN ('la', 'sn_mean', 'region', 'england')),
    CHECK (source IN ('records', 'published')),
    CHECK (status IN ('ok', 'suppressed', 'not_available')),
    CHECK ((status = 'ok') = (value IS NOT NULL))
    -- grain: one row per (area_type, area_code, year, indicator, source)
);

-- An indicator of an LA-year split by one dimension (source records only), for drill-down.
-- dimension: age_band | sex | ethnicity | placement_type | legal_status | theme | stage | outcome;
-- category: the group's label ('Not known' where the record has none); category_order sorts them.
-- The categories of a dimension add up to the la row's numerator and denominator.
CREATE TABLE IF NOT EXISTS mart_breakdown (
    la_code        VARCHAR  NOT NULL,
    year           SMALLINT NOT NULL,
    indicator      VARCHAR  NOT NULL,
    dimension      VARCHAR  NOT NULL,
    category       VARCHAR  NOT NULL,
    category_order INTEGER  NOT NULL,
    numerator      DOUBLE,
    denominator    DOUBLE,
    value          DOUBLE,
    status         VARCHAR  NOT NULL,
    CHECK (status IN ('ok', 'not_available')),
    CHECK ((status = 'ok') = (value IS NOT NULL))
    -- grain: one row per (la_code, year, indicator, dimension, category)
);

-- Data-quality notes per LA-year, for "based on 97% of children" and the data-loads view.
-- indicator NULL: a note on the LA-year as a whole (rows rejected at load).
-- count = the units concerned, of_total = what they are a part of.
CREATE TABLE IF NOT EXISTS mart_dq_note (
    la_code   VARCHAR  NOT NULL,
    year      SMALLINT NOT NULL,
    indicator VARCHAR,
    note      VARCHAR  NOT NULL,   -- a short code: excluded | rejected_rows
    count     BIGINT   NOT NULL,
    of_total  BIGINT,
    message   VARCHAR  NOT NULL    -- plain English
);

-- The build the marts above come from: one row.
CREATE TABLE IF NOT EXISTS mart_build (
    built_at                    TIMESTAMP NOT NULL,
    fingerprint                 VARCHAR   NOT NULL,  -- SHA-256 of the inputs: catalogue, mart SQL, flags, loaded LA-years, reference data
    count_same_carer_moves      BOOLEAN   NOT NULL,
    pn4_counts_as_participation BOOLEAN   NOT NULL,
    sn_model                    VARCHAR   NOT NULL,
    la_years                    INTEGER   NOT NULL,
    rows                        BIGINT    NOT NULL
);

-- The `indicators` export (PRODUCT.md §5): exactly these columns, in this order.
CREATE OR REPLACE VIEW mart_indicator_export AS
SELECT area_type, area_code, area_name, year, indicator, numerator, denominator, value, status, source
FROM mart_indicator
JOIN mart_catalogue c USING (indicator)
ORDER BY year, c.sort_order, CASE area_type WHEN 'la' THEN 1 WHEN 'sn_mean' THEN 2 WHEN 'region' THEN 3 ELSE 4 END,
         area_code, source;

-- Reconciliation (indicators.md §8): for each LA-year and published indicator where both the
-- figure computed from the loaded records and DfE's published figure exist, the two side by
-- side with records - published (NULL where either has no value, e.g. a suppressed cell).
CREATE OR REPLACE VIEW mart_reconciliation AS
SELECT r.la_code, r.area_code, r.area_name, r.year, r.indicator,
       r.numerator   AS records_numerator,
       r.value       AS records_value,
       p.numerator   AS published_numerator,
       p.value       AS published_value,
       p.status      AS published_status,
       p.symbol      AS published_symbol,
       p.release     AS published_release,
       r.value - p.value AS difference
FROM mart_indicator r
JOIN mart_indicator p
  ON p.area_type = 'la' AND p.source = 'published'
 AND p.la_code = r.la_code AND p.year = r.year AND p.indicator = r.indicator
WHERE r.area_type = 'la' AND r.source = 'records';

-- The dashboards' choice of source for an authority's own figure (indicators.md §8): the records
-- figure where the LA-year is loaded, otherwise the published one; `source` says which.
-- (Comparators keep both sources: a records England over a few loaded authorities and DfE's
-- published England answer different questions, and a view says which it shows.)
CREATE OR REPLACE VIEW mart_la_indicator AS
SELECT *
FROM mart_indicator m
WHERE m.area_type = 'la'
  AND (m.source = 'records'
       OR NOT EXISTS (SELECT 1 FROM mart_indicator r
                      WHERE r.area_type = 'la' AND r.source = 'records' AND r.la_code = m.la_code
                        AND r.year = m.year AND r.indicator = m.indicator));
