-- fact_dispute for the authorities in derive_scope: one row per (la_code, dispute_id), the copy in the
-- latest loaded log wins. raised_year = collection year containing `raised` (1 April - 31 March).
-- Working days = dim_date.working_day_index(to) - working_day_index(from): working days after
-- the first date up to and including the second.
DELETE FROM fact_dispute WHERE la_code IN (SELECT la_code FROM derive_scope);

INSERT INTO fact_dispute BY NAME
WITH latest AS (
    SELECT *
    FROM local_dispute
    WHERE la_code IN (SELECT la_code FROM derive_scope)
    QUALIFY row_number() OVER (PARTITION BY la_code, dispute_id ORDER BY year DESC) = 1
)
SELECT l.la_code, l.dispute_id, l.child_key, l.type, l.raised, l.theme, l.stage_reached,
       l.stage1_date, l.cafcass, l.resolved, l.outcome,
       CAST(year(l.raised) + CASE WHEN month(l.raised) >= 4 THEN 1 ELSE 0 END AS SMALLINT) AS raised_year,
       l.year AS return_year,
       resolved_day.working_day_index - raised_day.working_day_index AS working_days_to_resolve,
       resolved_day.working_day_index - stage1_day.working_day_index AS working_days_stage1_to_resolve
FROM latest l
LEFT JOIN dim_date raised_day ON raised_day.date = l.raised
LEFT JOIN dim_date stage1_day ON stage1_day.date = l.stage1_date
LEFT JOIN dim_date resolved_day ON resolved_day.date = l.resolved;
