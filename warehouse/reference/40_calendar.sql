-- dim_bank_holiday from etl/reference/bank_holidays_england_wales.csv, then dim_date generated
-- from it: one row per day 2000-01-01 .. 2040-12-31.
--
-- Bank holidays: the reference file lists 2005-2030 with substitute and one-off days (source
-- 'list'). For the other years dim_date covers, the regular England and Wales bank holidays are
-- generated from the rules (source 'rule'), so that working-day arithmetic near the edges is not
-- silently wrong:
--   New Year's Day 1 January (Saturday or Sunday: substitute on the Monday after)
--   Good Friday and Easter Monday (Easter Sunday by the Gregorian computus, below)
--   Early May bank holiday: first Monday in May; Spring: last Monday in May; Summer: last
--   Monday in August
--   Christmas Day and Boxing Day (a weekend day is replaced by the next weekday not already a
--   holiday: 25th on Saturday -> Christmas Monday 27th, Boxing Tuesday 28th; 25th on Sunday ->
--   Boxing Monday 26th, Christmas Tuesday 27th; 25th on Friday -> Boxing Monday 28th).
-- These rules reproduce the listed days of every ordinary year 2005-2030; one-off days of the
-- generated years (e.g. 3-4 June 2002, Golden Jubilee) are not known.
--
-- dim_date: collection_year is the year ending 31 March; is_working_day = Monday-Friday and not
-- a bank holiday; working_day_index = running count of working days from 2000-01-01 up to and
-- including the day (a non-working day carries the index of the last working day before it).

DELETE FROM dim_date;
DELETE FROM dim_bank_holiday;

INSERT INTO dim_bank_holiday (date, name, source)
WITH listed AS (
    SELECT CAST(trim(date) AS DATE) AS date, trim(name) AS name
    FROM read_csv(getvariable('reference_dir') || '/bank_holidays_england_wales.csv',
                  header = true, all_varchar = true, delim = ',', quote = '"', escape = '"')
),
rule_year AS (       -- years of dim_date that the list does not cover
    SELECT CAST(range AS INTEGER) AS y
    FROM range(2000, 2041)
    WHERE range NOT IN (SELECT DISTINCT year(date) FROM listed)
),
easter AS (          -- Easter Sunday: anonymous Gregorian algorithm (Meeus/Jones/Butcher)
    SELECT
        y,
        y % 19                                   AS a,
        y // 100                                 AS b,
        y % 100                                  AS c,
        b // 4                                   AS d,
        b % 4                                    AS e,
        (b + 8) // 25                            AS f,
        (b - f + 1) // 3                         AS g,
        (19 * a + b - d - g + 15) % 30           AS h,
        c // 4                                   AS i,
        c % 4                                    AS k,
        (32 + 2 * e + 2 * i - h - k) % 7         AS l,
        (a + 11 * h + 22 * l) // 451             AS m,
        make_date(y, (h + l - 7 * m + 114) // 31, (h + l - 7 * m + 114) % 31 + 1) AS easter_sunday
    FROM rule_year
),
fixed AS (           -- the anchor days of each year and their ISO weekday (1 Monday .. 7 Sunday)
    SELECT
        y,
        make_date(y, 1, 1)                     AS new_year,
        CAST(isodow(new_year) AS INTEGER)      AS new_year_dow,
        make_date(y, 5, 1)                     AS may_1,
        CAST(isodow(may_1) AS INTEGER)         AS may_1_dow,
        make_date(y, 5, 31)                    AS may_31,
        CAST(isodow(may_31) AS INTEGER)        AS may_31_dow,
        make_date(y, 8, 31)                    AS aug_31,
        CAST(isodow(aug_31) AS INTEGER)        AS aug_31_dow,
        make_date(y, 12, 25)                   AS christmas,
        CAST(isodow(christmas) AS INTEGER)     AS christmas_dow
    FROM rule_year
),
generated AS (
    SELECT CASE new_year_dow WHEN 6 THEN new_year + 2 WHEN 7 THEN new_year + 1 ELSE new_year END AS date,
           CASE WHEN new_year_dow >= 6 THEN 'New Year''s Day (substitute day)' ELSE 'New Year''s Day' END AS name
    FROM fixed
    UNION ALL SELECT easter_sunday - 2, 'Good Friday' FROM easter
    UNION ALL SELECT easter_sunday + 1, 'Easter Monday' FROM easter
    UNION ALL SELECT may_1 + (8 - may_1_dow) % 7, 'Early May bank holiday' FROM fixed
    UNION ALL SELECT may_31 - (may_31_dow - 1), 'Spring bank holiday' FROM fixed
    UNION ALL SELECT aug_31 - (aug_31_dow - 1), 'Summer bank holiday' FROM fixed
    UNION ALL
    SELECT CASE WHEN christmas_dow >= 6 THEN christmas + 2 ELSE christmas END,
           CASE WHEN christmas_dow >= 6 THEN 'Christmas Day (substitute day)' ELSE 'Christmas Day' END
    FROM fixed
    UNION ALL
    SELECT CASE WHEN christmas_dow IN (5, 6) THEN christmas + 3 ELSE christmas + 1 END,
           CASE WHEN christmas_dow IN (5, 6) THEN 'Boxing Day (substitute day)' ELSE 'Boxing Day' END
    FROM fixed
)
SELECT date, name, 'list' AS source FROM listed
UNION ALL
SELECT date, name, 'rule' AS source FROM generated;

INSERT INTO dim_date (date, collection_year, is_working_day, working_day_index, day_of_week, bank_holiday)
WITH day AS (
    SELECT CAST(generate_series AS DATE) AS date
    FROM generate_series(DATE '2000-01-01', DATE '2040-12-31', INTERVAL 1 DAY)
),
flagged AS (
    SELECT
        day.date,
        CAST(CASE WHEN month(day.date) >= 4 THEN year(day.date) + 1 ELSE year(day.date) END AS SMALLINT) AS collection_year,
        isodow(day.date) <= 5 AND bh.date IS NULL                                                  AS is_working_day,
        CAST(isodow(day.date) AS TINYINT)                                                          AS day_of_week,
        bh.name                                                                                    AS bank_holiday
    FROM day
    LEFT JOIN dim_bank_holiday AS bh ON bh.date = day.date
)
SELECT
    date,
    collection_year,
    is_working_day,
    CAST(sum(CASE WHEN is_working_day THEN 1 ELSE 0 END)
             OVER (ORDER BY date ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS INTEGER) AS working_day_index,
    day_of_week,
    bank_holiday
FROM flagged;
