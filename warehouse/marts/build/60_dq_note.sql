-- Data-quality notes per LA-year, so a chart can say "based on 97% of children":
-- * excluded: for each indicator, the units left out of its denominator because the history
--   they need is not loaded (count), of all the units in scope (of_total: the children or
--   reviews in the denominator plus those left out); the catalogue says what they are.
-- * rejected_rows: rows of the LA-year's files rejected at load (see the reject report), of
--   all rows read.
INSERT INTO mart_dq_note BY NAME
WITH excluded AS (
    SELECT u.la_code, u.year, u.indicator,
           CAST(sum(u.excluded) AS BIGINT) AS count,
           CAST(sum(u.units) AS BIGINT)    AS of_total
    FROM mart_unit u
    WHERE u.denominator > 0 OR u.excluded > 0 OR u.indicator IN (SELECT indicator FROM mart_catalogue WHERE unit = 'count')
    GROUP BY ALL
    HAVING sum(u.excluded) > 0
)
SELECT e.la_code, e.year, e.indicator, 'excluded' AS note, e.count, e.of_total,
       format('{} of {} left out: {}. Based on {}%.', e.count, e.of_total,
              coalesce(c.excluded_note, 'history not loaded'),
              CAST(round(100.0 * (e.of_total - e.count) / e.of_total) AS INTEGER)) AS message
FROM excluded e
JOIN mart_catalogue c USING (indicator)
UNION ALL BY NAME
SELECT la_code, year, NULL AS indicator, 'rejected_rows' AS note,
       rows_rejected AS count,
       rows_loaded + rows_rejected AS of_total,
       format('{} of {} rows in the files for {} were rejected at load; see the reject report.',
              rows_rejected, rows_loaded + rows_rejected, year) AS message
FROM etl_la_year
WHERE rows_rejected > 0;
