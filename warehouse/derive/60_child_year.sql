-- fact_child_year for the authorities in derive_scope: one row per child per collection year
-- Y (1 April Y-1 .. 31 March Y) in which the child was looked after at any time other than on
-- short breaks, for every Y from the earliest to the latest loaded return year of the authority.
-- Rules (see 30_facts.sql for each column):
-- * in care at 31 March: a non-short-break episode with decom <= 31 March Y and dec NULL or
--   > 31 March Y (DEC = 31 March is not in care, DEC = 1 April is);
-- * looked_after_20wd: working days from the 31-March period's start to 31 March >= 20;
-- * started: a period with a known start in the year; ceased: a period ended in the year with
--   REC <> X1;
-- * placements in the year: placements overlapping the year (open on 1 April, or starting in
--   the year), in any period, per counting rule;
-- * placement start at 31 March: start of the current placement, or of the one before it when
--   the current one is an adoptive placement (A3-A6) following another placement in the period;
-- * UASC at 31 March: return_uasc row of year Y with duc NULL or > 31 March Y;
-- * next review due: after the last review held on or before 31 March in the current period
--   (3 months after review 1, else 6 months; 6 months when the period's start is unknown), or
--   review 1's due date (start + 20 working days) if none held; overdue when it is <= 31 March.
DELETE FROM fact_child_year WHERE la_code IN (SELECT la_code FROM derive_scope);

INSERT INTO fact_child_year BY NAME
WITH years AS (
    SELECT la_code,
           CAST(y AS SMALLINT) AS year,
           make_date(y - 1, 4, 1) AS year_start,
           make_date(y, 3, 31) AS year_end
    FROM (SELECT la_code, unnest(generate_series(CAST(min(year) AS BIGINT), CAST(max(year) AS BIGINT))) AS y
          FROM return_episode
          WHERE la_code IN (SELECT la_code FROM derive_scope)
          GROUP BY la_code)
),
episodes AS (
    SELECT la_code, child_key, decom, dec, ls, place, period_seq
    FROM fact_episode
    WHERE la_code IN (SELECT la_code FROM derive_scope) AND NOT short_break
),
periods AS (
    SELECT la_code, child_key, period_seq, start_date, end_date, end_reason, start_known
    FROM fact_period_of_care
    WHERE la_code IN (SELECT la_code FROM derive_scope)
),
child_years AS (
    -- with the episode in care at 31 March (latest decom) taken in the same pass: latest is
    -- NULL when none is
    SELECT e.la_code, e.child_key, y.year,
           any_value(y.year_start) AS year_start,
           any_value(y.year_end)   AS year_end,
           arg_max({'ls': e.ls, 'place': e.place, 'period_seq': e.period_seq}, e.decom)
               FILTER (WHERE e.dec IS NULL OR e.dec > y.year_end) AS latest
    FROM episodes e
    JOIN years y ON y.la_code = e.la_code AND e.decom <= y.year_end AND (e.dec IS NULL OR e.dec >= y.year_start)
    GROUP BY e.la_code, e.child_key, y.year
),
at_31mar AS (
    SELECT la_code, child_key, year, latest.ls AS ls_31mar, latest.place AS place_31mar,
           latest.period_seq AS period_seq_31mar, year_end
    FROM child_years
    WHERE latest IS NOT NULL
),
period_events AS (
    SELECT p.child_key, y.year,
           bool_or(p.start_known AND p.start_date BETWEEN y.year_start AND y.year_end) AS started_in_year,
           bool_or(p.end_reason <> 'X1' AND p.end_date BETWEEN y.year_start AND y.year_end) AS ceased_in_year
    FROM periods p
    JOIN years y ON y.la_code = p.la_code AND p.start_date <= y.year_end AND (p.end_date IS NULL OR p.end_date >= y.year_start)
    GROUP BY p.child_key, y.year
),
placements AS (
    SELECT * FROM derive_placement   -- fact_placement's rows with previous_start, next_start (40_placement.sql)
),
placement_counts AS (
    -- open on 1 April (start < 1 April, end NULL or > 1 April) or starting in the year
    SELECT pl.child_key, y.year,
           count(*) FILTER (WHERE pl.counting_rule = 'standard')               AS standard,
           count(*) FILTER (WHERE pl.counting_rule = 'count_same_carer_moves') AS incl_same_carer
    FROM placements pl
    JOIN years y ON y.la_code = pl.la_code AND pl.start_date <= y.year_end AND (pl.end_date IS NULL OR pl.end_date > y.year_start)
    GROUP BY pl.child_key, y.year
),
stability_start AS (
    -- the placement current at 31 March: started on or before it, the next one (if any) after it
    SELECT a.child_key, a.year,
           arg_max(pl.stable_since, pl.placement_seq) FILTER (WHERE pl.counting_rule = 'standard') AS standard,
           arg_max(pl.stable_since, pl.placement_seq) FILTER (WHERE pl.counting_rule = 'count_same_carer_moves')
               AS incl_same_carer
    FROM at_31mar a
    JOIN (SELECT *,
                 CASE WHEN place IN ('A3', 'A4', 'A5', 'A6') AND previous_start IS NOT NULL  -- adoptive
                      THEN previous_start ELSE start_date END AS stable_since
          FROM placements) pl
      ON pl.child_key = a.child_key AND pl.period_seq = a.period_seq_31mar AND pl.start_date <= a.year_end
     AND (pl.next_start IS NULL OR pl.next_start > a.year_end)
    GROUP BY a.child_key, a.year
),
uasc AS (
    SELECT DISTINCT child_key, year
    FROM return_uasc
    WHERE la_code IN (SELECT la_code FROM derive_scope)
      AND (duc IS NULL OR duc > make_date(year, 3, 31))
),
review_counts AS (
    SELECT child_key,
           CAST(year(review_date) + CASE WHEN month(review_date) >= 4 THEN 1 ELSE 0 END AS SMALLINT) AS year,
           count(*)                                  AS held,
           count(*) FILTER (WHERE on_time)           AS on_time,
           count(*) FILTER (WHERE due_date IS NULL)  AS due_unknown
    FROM fact_review
    WHERE la_code IN (SELECT la_code FROM derive_scope)
    GROUP BY ALL
),
held_by_31mar AS (
    SELECT a.child_key, a.year,
           count(*)           AS held,
           max(r.review_date) AS last_held
    FROM at_31mar a
    JOIN fact_review r
      ON r.la_code = a.la_code
     AND r.child_key = a.child_key
     AND r.period_seq = a.period_seq_31mar
     AND r.review_date <= a.year_end
    GROUP BY a.child_key, a.year
),
assembled AS (
    SELECT cy.la_code, cy.child_key, cy.year, cy.year_end,
           cy.latest IS NOT NULL AS in_care_31mar,
           coalesce(h.age_31mar, dc.age_31mar_latest - (dc.latest_return_year - cy.year)) AS age_31mar,
           dc.sex, dc.ethnic,
           cy.latest.ls AS ls_31mar, cy.latest.place AS place_31mar, cy.latest.period_seq AS period_seq_31mar,
           p.start_date  AS period_start_31mar,
           p.start_known AS period_start_known,
           CASE
               WHEN cy.latest IS NULL THEN NULL
               WHEN p.start_date <= cy.year_end - INTERVAL 60 DAY THEN true   -- always >= 20 working days
               WHEN d31.working_day_index - ds.working_day_index >= 20 THEN true
               WHEN p.start_known THEN false
           END AS looked_after_20wd,
           coalesce(pe.started_in_year, false) AS started_in_year,
           coalesce(pe.ceased_in_year, false)  AS ceased_in_year,
           coalesce(pc.standard, 0)            AS placements_in_year,
           coalesce(pc.incl_same_carer, 0)     AS placements_in_year_incl_same_carer,
           ss.standard                         AS placement_start_31mar,
           ss.incl_same_carer                  AS placement_start_31mar_incl_same_carer,
           u.child_key IS NOT NULL             AS uasc_31mar,
           coalesce(rc.held, 0)                AS reviews_in_year,
           coalesce(rc.on_time, 0)             AS reviews_on_time,
           coalesce(rc.due_unknown, 0)         AS reviews_due_unknown,
           CASE
               WHEN cy.latest IS NULL THEN NULL
               WHEN hb.held IS NULL THEN CASE WHEN p.start_known THEN first_due.date END
               WHEN hb.held = 1 AND p.start_known THEN CAST(hb.last_held + INTERVAL 3 MONTH AS DATE)
               ELSE CAST(hb.last_held + INTERVAL 6 MONTH AS DATE)
           END AS next_review_due
    FROM child_years cy
    LEFT JOIN periods p ON p.child_key = cy.child_key AND p.period_seq = cy.latest.period_seq
    LEFT JOIN return_header h
           ON h.la_code = cy.la_code AND h.year = cy.year AND h.child_key = cy.child_key
    LEFT JOIN dim_child dc ON dc.la_code = cy.la_code AND dc.child_key = cy.child_key
    LEFT JOIN period_events pe ON pe.child_key = cy.child_key AND pe.year = cy.year
    LEFT JOIN placement_counts pc ON pc.child_key = cy.child_key AND pc.year = cy.year
    LEFT JOIN stability_start ss ON ss.child_key = cy.child_key AND ss.year = cy.year
    LEFT JOIN uasc u ON u.child_key = cy.child_key AND u.year = cy.year
    LEFT JOIN review_counts rc ON rc.child_key = cy.child_key AND rc.year = cy.year
    LEFT JOIN held_by_31mar hb ON hb.child_key = cy.child_key AND hb.year = cy.year
    LEFT JOIN dim_date d31 ON d31.date = cy.year_end
    LEFT JOIN dim_date ds ON ds.date = p.start_date
    LEFT JOIN dim_date first_due ON first_due.working_day_index = ds.working_day_index + 20 AND first_due.is_working_day
)
SELECT la_code,
       year, child_key, in_care_31mar, age_31mar, sex, ethnic, ls_31mar, place_31mar,
       period_seq_31mar, period_start_31mar, period_start_known, looked_after_20wd,
       started_in_year, ceased_in_year, placements_in_year, placements_in_year_incl_same_carer,
       placement_start_31mar, placement_start_31mar_incl_same_carer, uasc_31mar,
       reviews_in_year, reviews_on_time, reviews_due_unknown, next_review_due,
       next_review_due <= year_end AS overdue_31mar,
       in_care_31mar AND next_review_due IS NOT NULL AS schedule_known
FROM assembled;
