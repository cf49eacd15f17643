-- The record-level drill's rows (uk.iroinsight.dashboards.records.RecordDrill): the units of
-- one breakdown cell, as the indicator files (../marts/indicators/*.sql) made them for one
-- LA-year (../marts/base/10_inputs.sql with drill_la and drill_year set), with what an analyst
-- needs to read each one. Runs on the drill's own connection after it has put the cell's units
-- into the temporary table mart_unit. Nothing here is a name or a source identifier: child_key
-- is the HMAC pseudonym the loader made, dispute_id the IRO service's own log reference.
--
-- A unit is a review when it carries a review date, a dispute when it carries a dispute id, and
-- a child otherwise. A child's placement and legal status are those at 31 March (the codes of
-- fact_child_year); a review's those of the episode it fell in (as mart_review's groups).
WITH review_episode AS (
    SELECT r.child_key, r.review_date, e.place, e.ls
    FROM mart_review r
    ASOF LEFT JOIN (SELECT child_key, decom, place, ls FROM fact_episode
                    WHERE la_code = getvariable('drill_la') AND NOT short_break) e
        ON e.child_key = r.child_key AND e.decom <= r.review_date
),
child_reviews AS (
    SELECT child_key,
           CAST(count(*) AS INTEGER) AS review_count,
           string_agg(strftime(review_date, '%-d %b %Y') || ' ' || review_code, '; ' ORDER BY review_date) AS reviews
    FROM mart_review
    GROUP BY child_key
)
SELECT CASE WHEN u.dispute_id IS NOT NULL THEN 'dispute'
            WHEN u.review_date IS NOT NULL THEN 'review' ELSE 'child' END AS kind,
       coalesce(u.child_key, d.child_key)                       AS child_key,
       u.review_date,
       u.dispute_id,
       u.age_band, u.sex, u.ethnicity, u.placement_type, u.legal_status,
       CASE WHEN u.review_date IS NOT NULL THEN re.place ELSE cy.place_31mar END AS placement_code,
       CASE WHEN u.review_date IS NOT NULL THEN re.ls ELSE cy.ls_31mar END       AS legal_status_code,
       r.due_date, r.on_time, r.review_code,
       CASE WHEN u.review_date IS NULL AND u.dispute_id IS NULL THEN coalesce(cr.review_count, 0) END AS review_count,
       CASE WHEN u.review_date IS NULL AND u.dispute_id IS NULL THEN cr.reviews END AS reviews_in_year,
       d.type AS dispute_type, d.raised, u.theme, u.stage, u.outcome, d.resolved, d.working_days_to_resolve,
       coalesce(u.numerator, 0) AS numerator, coalesce(u.denominator, 0) AS denominator,
       coalesce(u.excluded, 0) = 1 AS excluded
FROM mart_unit u
LEFT JOIN mart_child_year cy ON u.review_date IS NULL AND u.dispute_id IS NULL AND cy.child_key = u.child_key
LEFT JOIN mart_review r ON r.child_key = u.child_key AND r.review_date = u.review_date
LEFT JOIN review_episode re ON re.child_key = u.child_key AND re.review_date = u.review_date
LEFT JOIN child_reviews cr ON cr.child_key = u.child_key
LEFT JOIN fact_dispute d ON d.la_code = u.la_code AND d.dispute_id = u.dispute_id
ORDER BY u.review_date NULLS LAST, d.raised NULLS LAST, u.dispute_id, coalesce(u.child_key, d.child_key)
