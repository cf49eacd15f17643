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
),
-- (children of an LA-year with the same categories are one row of units, carrying how many of
-- them count in each figure; in the drill, unit_key() makes each child a group of its own)
groups AS (
    SELECT la_code, year, age_band, sex, ethnicity, placement_type, legal_status, unit_key(child_key) AS child_key,
           count(*)                                 AS children,
           count(*) FILTER (WHERE placements >= 3)  AS three_plus,
           count(*) FILTER (WHERE long_term_scope)  AS long_term_units,
           count(*) FILTER (WHERE long_term_scope AND known AND placement_start <= placed_since) AS long_term_placed,
           count(*) FILTER (WHERE long_term_scope AND known)     AS long_term_known,
           count(*) FILTER (WHERE long_term_scope AND NOT known) AS long_term_unknown
    FROM (
        SELECT *, age_31mar < 16 AND (NOT known OR period_start_31mar <= continuous_since) AS long_term_scope
        FROM (SELECT *, coalesce(start_observed, false) OR period_start_31mar <= continuous_since AS known FROM at_31mar)
    )
    GROUP BY ALL
)
SELECT la_code, year, 'stability_3plus_pct' AS indicator,
       three_plus AS numerator, children AS denominator, children AS units,
       age_band, sex, ethnicity, placement_type, legal_status, child_key
FROM groups
UNION ALL BY NAME
SELECT la_code, year, 'stability_long_term_pct' AS indicator,
       long_term_placed AS numerator, long_term_known AS denominator, long_term_unknown AS excluded, long_term_units AS units,
       age_band, sex, ethnicity, placement_type, legal_status, child_key
FROM groups
WHERE long_term_units > 0
