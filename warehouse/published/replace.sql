-- The figures of one published file (in published_cell, filled by the script of its kind)
-- replace what the warehouse holds for the same release and kind, and nothing else: a newer
-- release is added beside the older ones, a DfE correction of a release replaces that
-- release's file of that kind. Runs in the caller's transaction, followed by rank.sql.
-- Variables: published_release, published_kind, published_source, published_origin,
-- published_fingerprint, published_job (NULL for shipped files), loaded_at.

DELETE FROM published_indicator_release
WHERE release = getvariable('published_release') AND kind = getvariable('published_kind');

INSERT INTO published_indicator_release
    (indicator, area_type, area_code, la_code, year, numerator, denominator, value, status, symbol,
     release, release_rank, source_file, kind)
SELECT indicator, area_type, area_code, la_code, year,
       dfe_number(numerator_cell),
       dfe_number(denominator_cell),
       dfe_number(value_cell),
       dfe_status(value_cell),
       CASE WHEN dfe_status(value_cell) <> 'ok' THEN nullif(trim(value_cell), '') END,
       getvariable('published_release'),
       0,                                   -- set by rank.sql
       getvariable('published_source'),
       getvariable('published_kind')
FROM published_cell;

UPDATE etl_published_file SET replaced_at = getvariable('loaded_at')
WHERE release = getvariable('published_release') AND kind = getvariable('published_kind') AND replaced_at IS NULL;

INSERT INTO etl_published_file
    (release, kind, source_file, origin, fingerprint, first_year, last_year, figures, loaded_at, job_execution_id, replaced_at)
SELECT getvariable('published_release'), getvariable('published_kind'), getvariable('published_source'),
       getvariable('published_origin'), getvariable('published_fingerprint'),
       min(year), max(year), count(*), getvariable('loaded_at'), getvariable('published_job'), NULL
FROM published_cell;
