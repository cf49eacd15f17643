-- §3 Reviews: timeliness at review and child level (../shared/spec/indicators.md §3).
-- One SELECT of units. Due dates come from fact_review: review 1 is due 20 working days after
-- the period of care starts, review 2 three months after review 1, each later review six months
-- after the one before (month-end clamped); each runs from the date the previous review was
-- actually held, so an early review resets the schedule. A review is on time when held on or
-- before its due date. For a period that began before the loaded history the first loaded
-- review's due date is unknown and each later one is due six months after the one before.
--
-- reviews_held                  review rows dated in the year (1 April Y-1 .. 31 March Y).
-- reviews_on_time_pct           on-time reviews / reviews held in the year whose due date is
--                               known; reviews with an unknown due date are excluded (noted).
-- children_reviews_on_time_pct  of CLA at 31 March looked after continuously for at least 20
--                               working days (the 31-March period began 20 or more working days
--                               before 31 March, i.e. review 1 was due by then), % for whom every
--                               review due in the year (due date 1 April Y-1 .. 31 March Y) was
--                               held on time and no review was overdue at 31 March. A missed
--                               review counts as late although no row exists: the next review
--                               held carries the missed due date (late), or, if none was held by
--                               31 March, the child is overdue. A child whose schedule cannot be
--                               established (next review's due date unknown, or whether they
--                               were looked after for 20 working days unknown) is excluded (noted).
-- reviews_overdue_31mar         CLA at 31 March whose next review's due date is on or before
--                               31 March with no review held (fact_child_year.overdue_31mar);
--                               children whose next due date is unknown are noted as excluded.
-- Reviews are broken down by age at the review, sex, ethnicity group and the placement type and
-- legal status groups of the episode the review fell in; children by their state at 31 March.
-- (Reviews, and children, of an LA-year with the same categories and the same standing are one
-- row of units, carrying how many of them count in each figure; in the drill, unit_key() makes
-- each review or child a group of its own: a child's reviews have distinct dates.)
WITH late_due_in_year AS (
    SELECT y.la_code, y.year, r.child_key, count(*) AS late
    FROM fact_review r
    JOIN mart_la_year y ON y.la_code = r.la_code AND r.due_date BETWEEN y.year_start AND y.year_end
    WHERE NOT r.on_time
    GROUP BY ALL
),
reviews AS (
    SELECT la_code, year, age_band, sex, ethnicity, placement_type, legal_status,
           unit_key(child_key) AS child_key, unit_key(review_date) AS review_date,
           count(*)                                       AS reviews,
           count(*) FILTER (WHERE on_time)                AS on_time,
           count(*) FILTER (WHERE due_date IS NOT NULL)   AS due_known,
           count(*) FILTER (WHERE due_date IS NULL)       AS due_unknown
    FROM mart_review
    GROUP BY ALL
),
children AS (
    SELECT c.la_code, c.year, c.age_band, c.sex, c.ethnicity, c.placement_type, c.legal_status,
           unit_key(c.child_key) AS child_key,
           c.looked_after_20wd IS NOT NULL AND (NOT c.looked_after_20wd OR c.schedule_known) AS known,
           c.looked_after_20wd,
           coalesce(l.late, 0) = 0 AS none_late,
           c.overdue_31mar,
           count(*) AS children
    FROM mart_child_year c
    LEFT JOIN late_due_in_year l USING (la_code, year, child_key)
    WHERE c.in_care_31mar
    GROUP BY ALL
)
SELECT la_code, year, 'reviews_held' AS indicator, reviews AS numerator, reviews AS units,
       age_band, sex, ethnicity, placement_type, legal_status, child_key, review_date
FROM reviews
UNION ALL BY NAME
SELECT la_code, year, 'reviews_on_time_pct' AS indicator,
       on_time AS numerator, due_known AS denominator, due_unknown AS excluded, reviews AS units,
       age_band, sex, ethnicity, placement_type, legal_status, child_key, review_date
FROM reviews
UNION ALL BY NAME
SELECT la_code, year, 'children_reviews_on_time_pct' AS indicator,
       CASE WHEN known AND none_late AND NOT overdue_31mar THEN children ELSE 0 END AS numerator,
       CASE WHEN known THEN children ELSE 0 END AS denominator,
       CASE WHEN known THEN 0 ELSE children END AS excluded,
       children AS units,
       age_band, sex, ethnicity, placement_type, legal_status, child_key
FROM children
WHERE NOT known OR looked_after_20wd
UNION ALL BY NAME
SELECT la_code, year, 'reviews_overdue_31mar' AS indicator,
       CASE WHEN overdue_31mar THEN children ELSE 0 END AS numerator,
       CASE WHEN overdue_31mar IS NULL THEN children ELSE 0 END AS excluded,
       children AS units,
       age_band, sex, ethnicity, placement_type, legal_status, child_key
FROM children
