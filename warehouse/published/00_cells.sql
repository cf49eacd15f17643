-- Shared by the scripts of this folder: how a published cell becomes a number and a status.
-- A cell is a number, a DfE symbol or blank (warehouse/schema/10_reference.sql explains the
-- symbols); the loader (uk.iroinsight.etl.published.PublishedFile) has already refused a file
-- with any other cell, so the error() below is a backstop.

-- A published cell as a number (NULL for a symbol or a blank cell).
CREATE OR REPLACE TEMP MACRO dfe_number(cell) AS
    CASE WHEN regexp_full_match(trim(cell), '-?[0-9]+(\.[0-9]+)?') THEN CAST(trim(cell) AS DOUBLE) END;

-- A published cell's status: ok (a number), suppressed or not_available (a symbol, or blank).
CREATE OR REPLACE TEMP MACRO dfe_status(cell) AS
    CASE
        WHEN regexp_full_match(trim(cell), '-?[0-9]+(\.[0-9]+)?')  THEN 'ok'
        WHEN trim(cell) IN ('c', 'k', 'low', 'u')                  THEN 'suppressed'
        WHEN trim(cell) IN ('x', 'z', ':', '..', '-')              THEN 'not_available'
        WHEN cell IS NULL OR trim(cell) = ''                       THEN 'not_available'
        ELSE error('unknown DfE symbol ''' || cell || '''')
    END;

-- An EES row's area: National -> ('england', country_code), Regional -> ('region', region_code),
-- Local authority -> ('la', the ONS code of old_la_code in dim_authority, passed as ons_code).
CREATE OR REPLACE TEMP MACRO ees_area_type(level) AS
    CASE trim(level)
        WHEN 'National'        THEN 'england'
        WHEN 'Regional'        THEN 'region'
        WHEN 'Local authority' THEN 'la'
        ELSE error('unknown geographic_level ''' || level || '''')
    END;
CREATE OR REPLACE TEMP MACRO ees_area_code(level, country_code, region_code, old_la_code, ons_code) AS
    CASE trim(level)
        WHEN 'National' THEN trim(country_code)
        WHEN 'Regional' THEN trim(region_code)
        ELSE coalesce(ons_code, error('authority ''' || old_la_code || ''' is not in dim_authority'))
    END;

-- The figures of the file being loaded, before they replace the release's earlier copy.
CREATE OR REPLACE TEMP TABLE published_cell (
    indicator        VARCHAR,
    area_type        VARCHAR,
    area_code        VARCHAR,
    la_code          VARCHAR,
    year             SMALLINT,
    numerator_cell   VARCHAR,
    denominator_cell VARCHAR,
    value_cell       VARCHAR
);
