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
WITH reviews AS (
    SELECT *,
           review_code IN ('PN1', 'PN2', 'PN3', 'PN5', 'PN6')
             OR (review_code = 'PN4' AND getvariable('pn4_counts_as_participation')) AS views_conveyed,
           review_code IN ('PN1', 'PN2', 'PN3', 'PN4', 'PN5', 'PN6', 'PN7')      AS aged_4_plus_code
    FROM mart_review
),
child_reviews AS (
    SELECT la_code, year, child_key, count(*) AS reviews, count(*) FILTER (WHERE views_conveyed) AS conveyed
    FROM reviews
    GROUP BY ALL
)
SELECT la_code, year, 'participation_pct' AS indicator,
       CASE WHEN views_conveyed THEN 1 ELSE 0 END AS numerator, 1 AS denominator,
       age_band, sex, ethnicity, placement_type, legal_status, unit_key(child_key) AS child_key, unit_key(review_date) AS review_date
FROM reviews
WHERE aged_4_plus_code
UNION ALL BY NAME
SELECT la_code, year, 'attendance_pct' AS indicator,
       CASE WHEN review_code IN ('PN1', 'PN2', 'PN3', 'PN4') THEN 1 ELSE 0 END AS numerator, 1 AS denominator,
       age_band, sex, ethnicity, placement_type, legal_status, unit_key(child_key) AS child_key, unit_key(review_date) AS review_date
FROM reviews
WHERE aged_4_plus_code
UNION ALL BY NAME
SELECT c.la_code, c.year, 'children_participated_all_pct' AS indicator,
       CASE WHEN r.conveyed = r.reviews THEN 1 ELSE 0 END AS numerator, 1 AS denominator,
       c.age_band, c.sex, c.ethnicity, c.placement_type, c.legal_status, unit_key(c.child_key) AS child_key
FROM mart_child_year c
JOIN child_reviews r USING (la_code, year, child_key)
WHERE c.in_care_31mar AND c.age_31mar >= 4
UNION ALL BY NAME
-- (the reviews of an LA-year with the same categories are one row of units: 8 shares x every
-- review would be the largest unit set of all; in the drill each review is its own row)
SELECT la_code, year, lower(code) || '_share' AS indicator,
       count(*) FILTER (WHERE review_code = code) AS numerator, count(*) AS denominator, count(*) AS units,
       age_band, sex, ethnicity, placement_type, legal_status, unit_key(child_key) AS child_key, unit_key(review_date) AS review_date
FROM reviews, (VALUES ('PN0'), ('PN1'), ('PN2'), ('PN3'), ('PN4'), ('PN5'), ('PN6'), ('PN7')) codes(code)
GROUP BY ALL
