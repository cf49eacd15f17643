-- After published files are loaded: number the releases held (release_rank, higher wins: LAIT
-- releases oldest first, then EES releases oldest first; warehouse/schema/10_reference.sql
-- says why) and rebuild fact_published_indicator, the figure of the highest-ranked release
-- for each indicator, area and year. Runs in the caller's transaction.

UPDATE published_indicator_release AS p
SET release_rank = r.release_rank
FROM (
    SELECT release,
           CAST(dense_rank() OVER (ORDER BY CASE WHEN release LIKE 'LAIT %' THEN 0 ELSE 1 END, release) AS SMALLINT) AS release_rank
    FROM (SELECT DISTINCT release FROM published_indicator_release)
) AS r
WHERE p.release = r.release AND p.release_rank <> r.release_rank;

DELETE FROM fact_published_indicator;

INSERT INTO fact_published_indicator
    (indicator, area_type, area_code, la_code, year, numerator, denominator, value, status, symbol,
     release, release_rank, source_file)
SELECT indicator, area_type, area_code, la_code, year, numerator, denominator, value, status, symbol,
       release, release_rank, source_file
FROM published_indicator_release
QUALIFY row_number() OVER (PARTITION BY indicator, area_type, area_code, year ORDER BY release_rank DESC) = 1;
