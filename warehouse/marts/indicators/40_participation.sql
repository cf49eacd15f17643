-- §4 Participation: the voice of the child in their reviews (../shared/spec/indicators.md §4).
-- One SELECT of units, over the reviews held in the year (fact_review, dated 1 April Y-1 ..
-- 31 March Y). Views conveyed = PN1, PN2, PN3, PN5, PN6; PN4 (attended without contributing)
-- too only when flag pn4_counts_as_participation is true (default false). PN0 = under 4.
--
-- participation_pct              reviews coded PN1-PN7 where views were conveyed / reviews
--                                coded PN1-PN7.
-- attendance_pct                 reviews coded PN1-PN4 / reviews coded PN1-PN7.
-- children_participated_all_pct  of CLA at 31 March aged 4 or over (age at 31 March) with at
--                                least one review in the year, % whose every review in the year
--                                conveyed views (a PN0 review, held before the fourth birthday,
--                                conveys none: taken literally from the definition).
-- pn0_share .. pn7_share         reviews with that code / all reviews in the year x 100.
-- Reviews are broken down by age at the review, sex, ethnicity group and the placement type and
-- legal status groups of the episode the review fell in; children by their state at 31 March.
-- (Reviews of an LA-year with the same categories are one row of units, carrying how many of
-- them count in each figure: a unit per review and indicator would be the largest unit set of
-- all. In the drill, unit_key() makes each review a group of its own: a child's reviews have
-- distinct dates.)
WITH reviews AS (
    SELECT la_code, year, child_key, review_date, review_code, age_band, sex, ethnicity, placement_type, legal_status,
           review_code IN ('PN1', 'PN2', 'PN3', 'PN5', 'PN6')
             OR (review_code = 'PN4' AND getvariable('pn4_counts_as_participation')) AS views_conveyed,
           review_code IN ('PN1', 'PN2', 'PN3', 'PN4', 'PN5', 'PN6', 'PN7')      AS aged_4_plus_code
    FROM mart_review
),
review_groups AS (
    SELECT la_code, year, age_band, sex, ethnicity, placement_type, legal_status,
           unit_key(child_key) AS child_key, unit_key(review_date) AS review_date,
           count(*)                                                          AS reviews,
           count(*) FILTER (WHERE aged_4_plus_code)                          AS coded,
           count(*) FILTER (WHERE aged_4_plus_code AND views_conveyed)       AS conveyed,
           count(*) FILTER (WHERE review_code IN ('PN1', 'PN2', 'PN3', 'PN4')) AS attended,
           count(*) FILTER (WHERE review_code = 'PN0') AS pn0,
           count(*) FILTER (WHERE review_code = 'PN1') AS pn1,
           count(*) FILTER (WHERE review_code = 'PN2') AS pn2,
           count(*) FILTER (WHERE review_code = 'PN3') AS pn3,
           count(*) FILTER (WHERE review_code = 'PN4') AS pn4,
           count(*) FILTER (WHERE review_code = 'PN5') AS pn5,
           count(*) FILTER (WHERE review_code = 'PN6') AS pn6,
           count(*) FILTER (WHERE review_code = 'PN7') AS pn7
    FROM reviews
    GROUP BY ALL
),
child_reviews AS (
    SELECT la_code, year, child_key, count(*) AS reviews, count(*) FILTER (WHERE views_conveyed) AS conveyed
    FROM reviews
    GROUP BY ALL
)
SELECT la_code, year, 'participation_pct' AS indicator, conveyed AS numerator, coded AS denominator, coded AS units,
       age_band, sex, ethnicity, placement_type, legal_status, child_key, review_date
FROM review_groups
WHERE coded > 0
UNION ALL BY NAME
SELECT la_code, year, 'attendance_pct' AS indicator, attended AS numerator, coded AS denominator, coded AS units,
       age_band, sex, ethnicity, placement_type, legal_status, child_key, review_date
FROM review_groups
WHERE coded > 0
UNION ALL BY NAME
SELECT c.la_code, c.year, 'children_participated_all_pct' AS indicator,
       count(*) FILTER (WHERE r.conveyed = r.reviews) AS numerator, count(*) AS denominator, count(*) AS units,
       c.age_band, c.sex, c.ethnicity, c.placement_type, c.legal_status, unit_key(c.child_key) AS child_key
FROM mart_child_year c
JOIN child_reviews r USING (la_code, year, child_key)
WHERE c.in_care_31mar AND c.age_31mar >= 4
GROUP BY c.la_code, c.year, c.age_band, c.sex, c.ethnicity, c.placement_type, c.legal_status, unit_key(c.child_key)
UNION ALL BY NAME
SELECT la_code, year, s.indicator,
       CASE s.indicator WHEN 'pn0_share' THEN pn0 WHEN 'pn1_share' THEN pn1 WHEN 'pn2_share' THEN pn2
                        WHEN 'pn3_share' THEN pn3 WHEN 'pn4_share' THEN pn4 WHEN 'pn5_share' THEN pn5
                        WHEN 'pn6_share' THEN pn6 WHEN 'pn7_share' THEN pn7 END AS numerator,
       reviews AS denominator, reviews AS units,
       age_band, sex, ethnicity, placement_type, legal_status, child_key, review_date
FROM review_groups,
     (VALUES ('pn0_share'), ('pn1_share'), ('pn2_share'), ('pn3_share'),
             ('pn4_share'), ('pn5_share'), ('pn6_share'), ('pn7_share')) s(indicator)
