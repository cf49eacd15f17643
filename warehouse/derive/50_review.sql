-- fact_review for the authorities in derive_scope: every review held, the latest return's copy
-- per (child, review_date), children whose every episode is a short break left out; each
-- review is placed in the period of care containing it and given its due date
-- (indicators.md §3):
-- * review 1 of a period: 20 working days after the period's start (dim_date working days);
-- * review 2: 3 calendar months after review 1 was held; review 3 on: 6 calendar months after
--   the previous review was held (DuckDB month arithmetic clamps to month end); due dates run
--   from the date actually held, so an early review resets the schedule;
-- * period whose start is unknown: the first loaded review's due date is unknown, each later
--   one 6 months after the one before; review_seq NULL;
-- * no period contains the review: period_seq, review_seq, due_date NULL.
-- on_time = held on or before due; working_days_late = 0 if on time, else the working days from
-- due date to review date.
DELETE FROM fact_review WHERE la_code IN (SELECT la_code FROM derive_scope);

INSERT INTO fact_review BY NAME
WITH latest AS (
    -- the latest return's copy: no copy of the same (child, review_date) from a later return
    SELECT r.*
    FROM return_review r
    ANTI JOIN (SELECT child_key, review_date, year FROM return_review
               WHERE la_code IN (SELECT la_code FROM derive_scope)) later
      ON later.child_key = r.child_key AND later.review_date = r.review_date AND later.year > r.year
    WHERE r.la_code IN (SELECT la_code FROM derive_scope)
),
short_break_only AS (
    SELECT child_key
    FROM fact_episode
    WHERE la_code IN (SELECT la_code FROM derive_scope)
    GROUP BY child_key
    HAVING bool_and(short_break)
),
reviews AS (
    SELECT c.*
    FROM latest c
    ANTI JOIN short_break_only s ON s.child_key = c.child_key
),
periods AS (
    SELECT child_key, period_seq, start_date, end_date, start_known
    FROM fact_period_of_care
    WHERE la_code IN (SELECT la_code FROM derive_scope)
),
placed AS (
    SELECT r.la_code, r.child_key, r.review_date, r.review_code, r.age_at_review,
           r.year AS return_year,
           CASE WHEN p.end_date IS NULL OR r.review_date <= p.end_date THEN p.period_seq END AS period_seq,
           p.start_date,
           p.start_known
    FROM reviews r
    ASOF LEFT JOIN periods p
      ON r.child_key = p.child_key AND r.review_date >= p.start_date
),
sequenced AS (
    SELECT *,
           row_number() OVER in_period AS n,
           lag(review_date) OVER in_period AS previous_review
    FROM placed
    WINDOW in_period AS (PARTITION BY child_key, period_seq ORDER BY review_date)
),
due AS (
    SELECT s.*,
           CASE
               WHEN s.period_seq IS NULL THEN NULL
               WHEN s.n = 1 THEN CASE WHEN s.start_known THEN first_due.date END
               WHEN s.n = 2 AND s.start_known THEN CAST(s.previous_review + INTERVAL 3 MONTH AS DATE)
               ELSE CAST(s.previous_review + INTERVAL 6 MONTH AS DATE)
           END AS due_date
    FROM sequenced s
    LEFT JOIN dim_date period_start ON period_start.date = s.start_date
    LEFT JOIN dim_date first_due
           ON first_due.working_day_index = period_start.working_day_index + 20
          AND first_due.is_working_day
)
SELECT d.la_code, d.child_key, d.review_date, d.review_code, d.age_at_review, d.return_year,
       d.period_seq,
       CASE WHEN d.period_seq IS NOT NULL AND d.start_known THEN d.n END AS review_seq,
       d.due_date,
       d.review_date <= d.due_date AS on_time,
       CASE
           WHEN d.due_date IS NULL THEN NULL
           WHEN d.review_date <= d.due_date THEN 0
           ELSE held.working_day_index - due_day.working_day_index
       END AS working_days_late
FROM due d
LEFT JOIN dim_date held ON held.date = d.review_date
LEFT JOIN dim_date due_day ON due_day.date = d.due_date;
