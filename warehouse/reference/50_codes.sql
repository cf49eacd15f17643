-- Fills the code-list dimensions (warehouse/schema/15_codes.sql) from the analyst-readable CSV
-- files etl/codes/<list>.csv. The caller sets the session variable `codes_dir` to a folder holding
-- a copy of those files, e.g.  SET VARIABLE codes_dir = '/path/to/etl/codes';
-- and runs this script in the same transaction as the rest of warehouse/reference/*.sql, so
-- readers see either the old lists or the new ones, never a mix.
--
-- Every file is read as text (all_varchar) with an explicit dialect (comma, double quotes), then converted
-- here: blank -> NULL, years and numbers -> integers (a non-number fails the load), Y/N -> BOOLEAN
-- (anything else fails the load with the file and column named). A missing or misnamed column
-- fails the load too. Codes and descriptions are trimmed of surrounding spaces.

-- sex.csv
DELETE FROM dim_sex;
INSERT INTO dim_sex (code, description, valid_from, valid_to, code_group)
SELECT
    trim(code),
    trim(description),
    CAST(nullif(trim(valid_from), '') AS SMALLINT),
    CAST(nullif(trim(valid_to), '') AS SMALLINT),
    nullif(trim("group"), '')
FROM read_csv(getvariable('codes_dir') || '/sex.csv',
              header = true, all_varchar = true,
              delim = ',', quote = '"', escape = '"', encoding = 'utf-8')
WHERE nullif(trim(code), '') IS NOT NULL;

-- ethnicity.csv
DELETE FROM dim_ethnicity;
INSERT INTO dim_ethnicity (code, description, valid_from, valid_to, code_group)
SELECT
    trim(code),
    trim(description),
    CAST(nullif(trim(valid_from), '') AS SMALLINT),
    CAST(nullif(trim(valid_to), '') AS SMALLINT),
    nullif(trim("group"), '')
FROM read_csv(getvariable('codes_dir') || '/ethnicity.csv',
              header = true, all_varchar = true,
              delim = ',', quote = '"', escape = '"', encoding = 'utf-8')
WHERE nullif(trim(code), '') IS NOT NULL;

-- reason_new_episode.csv
DELETE FROM dim_reason_new_episode;
INSERT INTO dim_reason_new_episode (code, description, valid_from, valid_to, code_group, new_placement, same_carer_move)
SELECT
    trim(code),
    trim(description),
    CAST(nullif(trim(valid_from), '') AS SMALLINT),
    CAST(nullif(trim(valid_to), '') AS SMALLINT),
    nullif(trim("group"), ''),
    CASE upper(trim(new_placement)) WHEN 'Y' THEN true WHEN 'N' THEN false
        ELSE error('reason_new_episode.csv: new_placement must be Y or N, got ' || coalesce('''' || new_placement || '''', 'blank') || ' for code ' || code) END,
    CASE upper(trim(same_carer_move)) WHEN 'Y' THEN true WHEN 'N' THEN false
        ELSE error('reason_new_episode.csv: same_carer_move must be Y or N, got ' || coalesce('''' || same_carer_move || '''', 'blank') || ' for code ' || code) END
FROM read_csv(getvariable('codes_dir') || '/reason_new_episode.csv',
              header = true, all_varchar = true,
              delim = ',', quote = '"', escape = '"', encoding = 'utf-8')
WHERE nullif(trim(code), '') IS NOT NULL;

-- legal_status.csv
DELETE FROM dim_legal_status;
INSERT INTO dim_legal_status (code, description, valid_from, valid_to, code_group, short_break)
SELECT
    trim(code),
    trim(description),
    CAST(nullif(trim(valid_from), '') AS SMALLINT),
    CAST(nullif(trim(valid_to), '') AS SMALLINT),
    nullif(trim("group"), ''),
    CASE upper(trim(short_break)) WHEN 'Y' THEN true WHEN 'N' THEN false
        ELSE error('legal_status.csv: short_break must be Y or N, got ' || coalesce('''' || short_break || '''', 'blank') || ' for code ' || code) END
FROM read_csv(getvariable('codes_dir') || '/legal_status.csv',
              header = true, all_varchar = true,
              delim = ',', quote = '"', escape = '"', encoding = 'utf-8')
WHERE nullif(trim(code), '') IS NOT NULL;

-- category_of_need.csv
DELETE FROM dim_category_of_need;
INSERT INTO dim_category_of_need (code, description, valid_from, valid_to, code_group)
SELECT
    trim(code),
    trim(description),
    CAST(nullif(trim(valid_from), '') AS SMALLINT),
    CAST(nullif(trim(valid_to), '') AS SMALLINT),
    nullif(trim("group"), '')
FROM read_csv(getvariable('codes_dir') || '/category_of_need.csv',
              header = true, all_varchar = true,
              delim = ',', quote = '"', escape = '"', encoding = 'utf-8')
WHERE nullif(trim(code), '') IS NOT NULL;

-- placement_type.csv
DELETE FROM dim_placement_type;
INSERT INTO dim_placement_type (code, description, valid_from, valid_to, code_group, temporary, provider_required, max_days, adoption_with_current_carer)
SELECT
    trim(code),
    trim(description),
    CAST(nullif(trim(valid_from), '') AS SMALLINT),
    CAST(nullif(trim(valid_to), '') AS SMALLINT),
    nullif(trim("group"), ''),
    CASE upper(trim(temporary)) WHEN 'Y' THEN true WHEN 'N' THEN false
        ELSE error('placement_type.csv: temporary must be Y or N, got ' || coalesce('''' || temporary || '''', 'blank') || ' for code ' || code) END,
    CASE upper(trim(provider_required)) WHEN 'Y' THEN true WHEN 'N' THEN false
        ELSE error('placement_type.csv: provider_required must be Y or N, got ' || coalesce('''' || provider_required || '''', 'blank') || ' for code ' || code) END,
    CAST(nullif(trim(max_days), '') AS INTEGER),
    CASE upper(trim(adoption_with_current_carer)) WHEN 'Y' THEN true WHEN 'N' THEN false
        ELSE error('placement_type.csv: adoption_with_current_carer must be Y or N, got ' || coalesce('''' || adoption_with_current_carer || '''', 'blank') || ' for code ' || code) END
FROM read_csv(getvariable('codes_dir') || '/placement_type.csv',
              header = true, all_varchar = true,
              delim = ',', quote = '"', escape = '"', encoding = 'utf-8')
WHERE nullif(trim(code), '') IS NOT NULL;

-- placement_provider.csv
DELETE FROM dim_placement_provider;
INSERT INTO dim_placement_provider (code, description, valid_from, valid_to, code_group)
SELECT
    trim(code),
    trim(description),
    CAST(nullif(trim(valid_from), '') AS SMALLINT),
    CAST(nullif(trim(valid_to), '') AS SMALLINT),
    nullif(trim("group"), '')
FROM read_csv(getvariable('codes_dir') || '/placement_provider.csv',
              header = true, all_varchar = true,
              delim = ',', quote = '"', escape = '"', encoding = 'utf-8')
WHERE nullif(trim(code), '') IS NOT NULL;

-- reason_ceased.csv
DELETE FROM dim_reason_ceased;
INSERT INTO dim_reason_ceased (code, description, valid_from, valid_to, code_group)
SELECT
    trim(code),
    trim(description),
    CAST(nullif(trim(valid_from), '') AS SMALLINT),
    CAST(nullif(trim(valid_to), '') AS SMALLINT),
    nullif(trim("group"), '')
FROM read_csv(getvariable('codes_dir') || '/reason_ceased.csv',
              header = true, all_varchar = true,
              delim = ',', quote = '"', escape = '"', encoding = 'utf-8')
WHERE nullif(trim(code), '') IS NOT NULL;

-- reason_place_change.csv
DELETE FROM dim_reason_place_change;
INSERT INTO dim_reason_place_change (code, description, valid_from, valid_to, code_group)
SELECT
    trim(code),
    trim(description),
    CAST(nullif(trim(valid_from), '') AS SMALLINT),
    CAST(nullif(trim(valid_to), '') AS SMALLINT),
    nullif(trim("group"), '')
FROM read_csv(getvariable('codes_dir') || '/reason_place_change.csv',
              header = true, all_varchar = true,
              delim = ',', quote = '"', escape = '"', encoding = 'utf-8')
WHERE nullif(trim(code), '') IS NOT NULL;

-- review_code.csv
DELETE FROM dim_participation;
INSERT INTO dim_participation (code, description, valid_from, valid_to, code_group, views_conveyed, attended)
SELECT
    trim(code),
    trim(description),
    CAST(nullif(trim(valid_from), '') AS SMALLINT),
    CAST(nullif(trim(valid_to), '') AS SMALLINT),
    nullif(trim("group"), ''),
    CASE upper(trim(views_conveyed)) WHEN 'Y' THEN true WHEN 'N' THEN false
        ELSE error('review_code.csv: views_conveyed must be Y or N, got ' || coalesce('''' || views_conveyed || '''', 'blank') || ' for code ' || code) END,
    CASE upper(trim(attended)) WHEN 'Y' THEN true WHEN 'N' THEN false
        ELSE error('review_code.csv: attended must be Y or N, got ' || coalesce('''' || attended || '''', 'blank') || ' for code ' || code) END
FROM read_csv(getvariable('codes_dir') || '/review_code.csv',
              header = true, all_varchar = true,
              delim = ',', quote = '"', escape = '"', encoding = 'utf-8')
WHERE nullif(trim(code), '') IS NOT NULL;

-- dispute_type.csv
DELETE FROM dim_dispute_type;
INSERT INTO dim_dispute_type (code, description, valid_from, valid_to, code_group)
SELECT
    trim(code),
    trim(description),
    CAST(nullif(trim(valid_from), '') AS SMALLINT),
    CAST(nullif(trim(valid_to), '') AS SMALLINT),
    nullif(trim("group"), '')
FROM read_csv(getvariable('codes_dir') || '/dispute_type.csv',
              header = true, all_varchar = true,
              delim = ',', quote = '"', escape = '"', encoding = 'utf-8')
WHERE nullif(trim(code), '') IS NOT NULL;

-- dispute_theme.csv
DELETE FROM dim_dispute_theme;
INSERT INTO dim_dispute_theme (code, description, valid_from, valid_to, code_group)
SELECT
    trim(code),
    trim(description),
    CAST(nullif(trim(valid_from), '') AS SMALLINT),
    CAST(nullif(trim(valid_to), '') AS SMALLINT),
    nullif(trim("group"), '')
FROM read_csv(getvariable('codes_dir') || '/dispute_theme.csv',
              header = true, all_varchar = true,
              delim = ',', quote = '"', escape = '"', encoding = 'utf-8')
WHERE nullif(trim(code), '') IS NOT NULL;

-- dispute_stage.csv
DELETE FROM dim_dispute_stage;
INSERT INTO dim_dispute_stage (code, description, valid_from, valid_to, code_group, rank)
SELECT
    trim(code),
    trim(description),
    CAST(nullif(trim(valid_from), '') AS SMALLINT),
    CAST(nullif(trim(valid_to), '') AS SMALLINT),
    nullif(trim("group"), ''),
    CAST(nullif(trim(rank), '') AS INTEGER)
FROM read_csv(getvariable('codes_dir') || '/dispute_stage.csv',
              header = true, all_varchar = true,
              delim = ',', quote = '"', escape = '"', encoding = 'utf-8')
WHERE nullif(trim(code), '') IS NOT NULL;

-- dispute_outcome.csv
DELETE FROM dim_dispute_outcome;
INSERT INTO dim_dispute_outcome (code, description, valid_from, valid_to, code_group)
SELECT
    trim(code),
    trim(description),
    CAST(nullif(trim(valid_from), '') AS SMALLINT),
    CAST(nullif(trim(valid_to), '') AS SMALLINT),
    nullif(trim("group"), '')
FROM read_csv(getvariable('codes_dir') || '/dispute_outcome.csv',
              header = true, all_varchar = true,
              delim = ',', quote = '"', escape = '"', encoding = 'utf-8')
WHERE nullif(trim(code), '') IS NOT NULL;
