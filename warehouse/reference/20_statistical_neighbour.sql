-- ref_statistical_neighbour from etl/reference/statistical_neighbours.csv (long form: one row per
-- model, authority and rank 1-10).
--
-- The file names the models 'CSSNBT_April_2021' and 'CSSNBT_2025'; here they are 'CSSNBT_2021'
-- and 'CSSNBT_2025' (any other model name fails the load). The 2021 model lists the pre-2019
-- authorities 835 Dorset, 836 Poole and 837 Bournemouth (la_code kept as the model gives it) and
-- names 835 and 836 as neighbours: those have no authority in dim_authority, so their
-- neighbour_la_code is NULL (neighbour_old_code keeps the code). The closeness labels differ in
-- capitals between the models ('Very Close' / 'Very close'); they are put in sentence case.

DELETE FROM ref_statistical_neighbour;

INSERT INTO ref_statistical_neighbour (sn_model, la_code, rank, neighbour_la_code, neighbour_old_code, closeness)
WITH neighbour AS (
    SELECT *
    FROM read_csv(getvariable('reference_dir') || '/statistical_neighbours.csv',
                  header = true, all_varchar = true, delim = ',', quote = '"', escape = '"')
)
SELECT
    CASE trim(n.sn_model)
        WHEN 'CSSNBT_April_2021' THEN 'CSSNBT_2021'
        WHEN 'CSSNBT_2025'       THEN 'CSSNBT_2025'
        ELSE error('statistical_neighbours.csv: unknown sn_model ''' || n.sn_model || '''')
    END                                                                     AS sn_model,
    trim(n.old_la_code)                                                     AS la_code,
    CAST(trim(n.rank) AS TINYINT)                                           AS rank,
    a.la_code                                                               AS neighbour_la_code,
    trim(n.sn_old_la_code)                                                  AS neighbour_old_code,
    upper(left(trim(n.closeness), 1)) || lower(substr(trim(n.closeness), 2)) AS closeness
FROM neighbour AS n
LEFT JOIN dim_authority AS a ON a.la_code = trim(n.sn_old_la_code);
