-- §5 Dispute resolution: the IRO's challenge to the authority (../shared/spec/indicators.md §5).
-- One SELECT of units over fact_dispute (the IRO service's log, disputes.csv: the latest log's
-- copy of each dispute wins). A dispute is counted in the year it was raised. These figures
-- exist only for LA-years loaded with a disputes.csv (catalogue: requires disputes.csv).
-- "Disputes" are the records of TYPE = CONCERN; formal = reached stage 1 or higher.
--
-- disputes_raised             concerns raised in the year.
-- disputes_per_100_cla        disputes_raised / cla_31mar x 100.
-- disputes_formal_pct         raised concerns that reached stage 1 or higher / disputes_raised.
-- disputes_stage3plus_pct     reached stage 3, stage 4 or a Cafcass referral / disputes_raised.
-- disputes_resolved_20wd_pct  formal concerns resolved within 20 working days of reaching
--                             stage 1 (working days after STAGE1_DATE up to and including
--                             RESOLVED <= 20) / formal concerns resolved.
-- disputes_median_wd          median working days from RAISED to RESOLVED, resolved concerns
--                             (value only).
-- disputes_open_31mar         concerns raised on or before 31 March Y (in any year) and not
--                             resolved by then (RESOLVED blank or after 31 March Y).
-- cafcass_referrals           concerns raised in the year with a Cafcass referral.
-- good_practice_alerts        records of TYPE = GOOD_PRACTICE raised in the year.
-- Broken down by THEME, highest STAGE reached and OUTCOME ('Open' while unresolved).
WITH disputes AS (
    SELECT d.*,
           y.year_start,
           y.year_end,
           d.stage_reached IN ('1', '2', '3', '4') AS formal,
           coalesce(th.description, 'Not known') AS theme_label,
           CASE d.stage_reached WHEN 'INFORMAL' THEN 'Informal' ELSE 'Stage ' || d.stage_reached END AS stage_label,
           CASE WHEN d.resolved IS NULL THEN 'Open' ELSE coalesce(oc.description, 'Not known') END AS outcome_label
    FROM fact_dispute d
    JOIN mart_la_year y ON y.la_code = d.la_code AND y.year = d.raised_year
    LEFT JOIN dim_dispute_theme th ON th.code = d.theme
    LEFT JOIN dim_dispute_outcome oc ON oc.code = d.outcome
),
concerns AS (
    SELECT * FROM disputes WHERE type = 'CONCERN'
)
SELECT la_code, raised_year AS year, indicator, 1 AS numerator,
       theme_label AS theme, stage_label AS stage, outcome_label AS outcome,
       unit_key(dispute_id) AS dispute_id
FROM concerns, (VALUES ('disputes_raised'), ('disputes_per_100_cla')) v(indicator)
UNION ALL BY NAME
-- (the children at 31 March of an LA-year as one row of units)
SELECT la_code, year, 'disputes_per_100_cla' AS indicator, 0 AS numerator, count(*) AS denominator, count(*) AS units
FROM mart_child_year
WHERE in_care_31mar
GROUP BY la_code, year
UNION ALL BY NAME
SELECT la_code, raised_year AS year, 'disputes_formal_pct' AS indicator,
       CASE WHEN formal THEN 1 ELSE 0 END AS numerator, 1 AS denominator, theme_label AS theme,
       unit_key(dispute_id) AS dispute_id
FROM concerns
UNION ALL BY NAME
SELECT la_code, raised_year AS year, 'disputes_stage3plus_pct' AS indicator,
       CASE WHEN stage_reached IN ('3', '4') OR cafcass THEN 1 ELSE 0 END AS numerator, 1 AS denominator,
       theme_label AS theme, unit_key(dispute_id) AS dispute_id
FROM concerns
UNION ALL BY NAME
SELECT la_code, raised_year AS year, 'disputes_resolved_20wd_pct' AS indicator,
       CASE WHEN working_days_stage1_to_resolve <= 20 THEN 1 ELSE 0 END AS numerator, 1 AS denominator,
       theme_label AS theme, stage_label AS stage, unit_key(dispute_id) AS dispute_id
FROM concerns
WHERE formal AND resolved IS NOT NULL AND stage1_date IS NOT NULL
UNION ALL BY NAME
SELECT la_code, raised_year AS year, 'disputes_median_wd' AS indicator,
       working_days_to_resolve AS numerator, NULL AS denominator,
       theme_label AS theme, stage_label AS stage, unit_key(dispute_id) AS dispute_id
FROM concerns
WHERE resolved IS NOT NULL
UNION ALL BY NAME
SELECT y.la_code, y.year, 'disputes_open_31mar' AS indicator, 1 AS numerator,
       coalesce(th.description, 'Not known') AS theme, CASE d.stage_reached WHEN 'INFORMAL' THEN 'Informal' ELSE 'Stage ' || d.stage_reached END AS stage,
       unit_key(d.dispute_id) AS dispute_id
FROM fact_dispute d
JOIN mart_la_year y ON y.la_code = d.la_code AND d.raised <= y.year_end AND (d.resolved IS NULL OR d.resolved > y.year_end)
LEFT JOIN dim_dispute_theme th ON th.code = d.theme
WHERE d.type = 'CONCERN'
UNION ALL BY NAME
SELECT la_code, raised_year AS year, 'cafcass_referrals' AS indicator, 1 AS numerator, theme_label AS theme,
       unit_key(dispute_id) AS dispute_id
FROM concerns
WHERE cafcass
UNION ALL BY NAME
SELECT la_code, raised_year AS year, 'good_practice_alerts' AS indicator, 1 AS numerator, theme_label AS theme,
       unit_key(dispute_id) AS dispute_id
FROM disputes
WHERE type = 'GOOD_PRACTICE'
