-- Inputs of the indicator SQL (warehouse/marts/indicators/*.sql): the loaded LA-years and the
-- derived facts with the breakdown dimensions attached, as temporary views of the build's
-- connection. Variables (set by the build from the configuration, indicators.md flags):
--   count_same_carer_moves       BOOLEAN  placements counted with RNE T/U moves (default false)
--   pn4_counts_as_participation  BOOLEAN  PN4 counts as views conveyed (default false)
--
-- Breakdown dimensions, as labels (indicators.md issue: age band, sex, ethnicity group,
-- placement type group, legal status group; for disputes theme, stage and outcome):
--   age_band        'Under 1', '1 to 4', '5 to 9', '10 to 15', '16 and over'
--   sex             'Male', 'Female'
--   ethnicity       the ethnicity code's group in etl/codes/ethnicity.csv (White, Mixed, Asian,
--                   Black, Other, Refused/not obtained)
--   placement_type  the placement type's group in etl/codes/placement_type.csv
--   legal_status    the legal status's group in etl/codes/legal_status.csv

CREATE OR REPLACE TEMP MACRO age_band(age) AS
    CASE WHEN age IS NULL THEN NULL
         WHEN age < 1 THEN 'Under 1'
         WHEN age <= 4 THEN '1 to 4'
         WHEN age <= 9 THEN '5 to 9'
         WHEN age <= 15 THEN '10 to 15'
         ELSE '16 and over' END;

CREATE OR REPLACE TEMP MACRO sex_label(sex) AS
    CASE sex WHEN 1 THEN 'Male' WHEN 2 THEN 'Female' END;

-- The record-level drill (uk.iroinsight.dashboards.records.RecordDrill) runs these same files on
-- a connection of its own with variables drill_la and drill_year set: only that LA-year is taken,
-- and every unit carries its key (child_key; review_date for a review; dispute_id) through
-- unit_key(). In a build the variables are unset, the keys are NULL and the units group as before.
CREATE OR REPLACE TEMP MACRO unit_key(k) AS CASE WHEN getvariable('drill_la') IS NOT NULL THEN k END;

-- The LA-years loaded (only these get records figures), with the collection year's bounds and
-- the files each was loaded from.
CREATE OR REPLACE TEMP VIEW mart_la_year AS
SELECT la_code,
       year,
       make_date(year - 1, 4, 1) AS year_start,
       make_date(year, 3, 31)    AS year_end,
       coalesce(files, [])       AS files
FROM etl_la_year
WHERE getvariable('drill_la') IS NULL
   OR (la_code = getvariable('drill_la') AND year = getvariable('drill_year'));

-- One row per child per loaded LA-year (fact_child_year), with the placement figures of the
-- counting rule in force and the breakdown dimensions at 31 March. (Temporary tables rather
-- than views: several indicator files read them, and at national scale they are computed once.)
CREATE OR REPLACE TEMP TABLE mart_child_year AS
SELECT cy.* EXCLUDE (sex),
       y.year_start,
       y.year_end,
       CASE WHEN getvariable('count_same_carer_moves')
            THEN cy.placements_in_year_incl_same_carer ELSE cy.placements_in_year END AS placements,
       CASE WHEN getvariable('count_same_carer_moves')
            THEN cy.placement_start_31mar_incl_same_carer ELSE cy.placement_start_31mar END AS placement_start,
       age_band(cy.age_31mar)                             AS age_band,
       sex_label(cy.sex)                                  AS sex,
       coalesce(eth.code_group, 'Not known')              AS ethnicity,
       CASE WHEN cy.in_care_31mar THEN coalesce(pt.code_group, 'Not known') END AS placement_type,
       CASE WHEN cy.in_care_31mar THEN coalesce(ls.code_group, 'Not known') END AS legal_status
FROM fact_child_year cy
JOIN mart_la_year y USING (la_code, year)
LEFT JOIN dim_ethnicity eth ON eth.code = cy.ethnic
LEFT JOIN dim_placement_type pt ON pt.code = cy.place_31mar
LEFT JOIN dim_legal_status ls ON ls.code = cy.ls_31mar;

-- One row per review held in a loaded LA-year, with the child's dimensions on the review date
-- (age at the review; placement and legal status of the episode the review fell in).
CREATE OR REPLACE TEMP TABLE mart_review AS
SELECT r.*,
       y.year,
       y.year_start,
       y.year_end,
       age_band(r.age_at_review)                          AS age_band,
       sex_label(c.sex)                                   AS sex,
       coalesce(eth.code_group, 'Not known')              AS ethnicity,
       coalesce(pt.code_group, 'Not known')               AS placement_type,
       coalesce(ls.code_group, 'Not known')               AS legal_status
FROM fact_review r
JOIN mart_la_year y ON y.la_code = r.la_code AND r.review_date BETWEEN y.year_start AND y.year_end
LEFT JOIN dim_child c ON c.la_code = r.la_code AND c.child_key = r.child_key
LEFT JOIN dim_ethnicity eth ON eth.code = c.ethnic
ASOF LEFT JOIN (SELECT la_code, child_key, decom, place, ls FROM fact_episode WHERE NOT short_break) e
    ON e.la_code = r.la_code AND e.child_key = r.child_key AND e.decom <= r.review_date
LEFT JOIN dim_placement_type pt ON pt.code = e.place
LEFT JOIN dim_legal_status ls ON ls.code = e.ls;

-- Each authority's population aged 0-17 for collection year Y (ONS mid-year Y-1).
CREATE OR REPLACE TEMP VIEW mart_population AS
SELECT y.la_code, y.year, p.population_0_17
FROM mart_la_year y
JOIN fact_population p ON p.area_type = 'la' AND p.la_code = y.la_code AND p.year = y.year;

-- The units every indicator file adds rows to (see warehouse/marts/README.md):
--   numerator, denominator  what the unit adds to each (a count's units have no denominator;
--                           a rate adds one row per LA-year holding the population)
--   units                   how many children/reviews/disputes the row stands for (default 1;
--                           a file may add one row per group of units with the same LA-year,
--                           indicator and categories, with the group's sums, except for a
--                           median, whose units are single values; the build inserts the rows
--                           as they come, so a file with many units groups them itself)
--   excluded                1 for a unit left out of the denominator (unknown history)
--   age_band .. outcome     the unit's breakdown dimensions (NULL where it has none)
--   child_key, review_date, the unit's key for the record-level drill (unit_key(): NULL in a
--   dispute_id              build; a child: child_key; a review: child_key and review_date)
CREATE OR REPLACE TEMP TABLE mart_unit (
    la_code        VARCHAR  NOT NULL,
    year           SMALLINT NOT NULL,
    indicator      VARCHAR  NOT NULL,
    numerator      DOUBLE   DEFAULT 0,
    denominator    DOUBLE   DEFAULT 0,
    excluded       INTEGER  DEFAULT 0,
    units          INTEGER  DEFAULT 1,
    age_band       VARCHAR,
    sex            VARCHAR,
    ethnicity      VARCHAR,
    placement_type VARCHAR,
    legal_status   VARCHAR,
    theme          VARCHAR,
    stage          VARCHAR,
    outcome        VARCHAR,
    child_key      VARCHAR,
    review_date    DATE,
    dispute_id     VARCHAR
);
