-- §2 Placement stability (../shared/spec/indicators.md §0, §2). One SELECT of units.
--
-- stability_3plus_pct      of CLA at 31 March, % with 3 or more placements during the year:
--                          1 for the placement open on 1 April (if any) + each new placement
--                          starting in the year. Placements are fact_placement's (§0: a new
--                          placement starts at RNE S, P or B; L continues it; T/U continue it
--                          unless flag count_same_carer_moves; temporary placements T0-T4 and
--                          episodes with DEC = DECOM are not placements; a return to the
--                          pre-temporary placement and A3/A5 after fostering are not new).
-- stability_long_term_pct  of CLA at 31 March aged under 16 looked after continuously since on
--                          or before 30 September Y-3 (2.5 years), % whose current placement
--                          started on or before 31 March Y-2; for a child placed for adoption
--                          (A3-A6) the adoptive placement and the one before it together must
--                          span that time (fact_child_year.placement_start_31mar).
--                          Whether a child has been looked after since 30 September Y-3 is known
--                          when the start of the period of care is in the data (its first episode
--                          has RNE = S), or when the loaded part of the period already began on
--                          or before that date. Otherwise the period began before the loaded
--                          history and it is not known: the child leaves the denominator
--                          (excluded = 1) and is counted in the LA-year's data-quality note.
-- Both are broken down by the child's age at 31 March, sex, ethnicity group, and the groups of
-- the placement type and legal status at 31 March.
WITH at_31mar AS (
    SELECT c.*,
           make_date(c.year - 3, 9, 30) AS continuous_since,
           make_date(c.year - 2, 3, 31) AS placed_since,
           p.start_observed
    FROM mart_child_year c
    LEFT JOIN fact_period_of_care p
           ON p.la_code = c.la_code AND p.child_key = c.child_key AND p.period_seq = c.period_seq_31mar
    WHERE c.in_care_31mar
)
SELECT la_code, year, 'stability_3plus_pct' AS indicator,
       CASE WHEN placements >= 3 THEN 1 ELSE 0 END AS numerator, 1 AS denominator,
       age_band, sex, ethnicity, placement_type, legal_status, unit_key(child_key) AS child_key
FROM at_31mar
UNION ALL BY NAME
SELECT la_code, year, 'stability_long_term_pct' AS indicator,
       CASE WHEN known AND placement_start <= placed_since THEN 1 ELSE 0 END AS numerator,
       CASE WHEN known THEN 1 ELSE 0 END AS denominator,
       CASE WHEN known THEN 0 ELSE 1 END AS excluded,
       age_band, sex, ethnicity, placement_type, legal_status, unit_key(child_key) AS child_key
FROM (
    SELECT *, coalesce(start_observed, false) OR period_start_31mar <= continuous_since AS known
    FROM at_31mar
    WHERE age_31mar < 16
)
WHERE NOT known OR period_start_31mar <= continuous_since
