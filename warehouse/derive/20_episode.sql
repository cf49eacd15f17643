-- fact_episode for the authorities in derive_scope: the union of its loaded returns, with the
-- period of care and the placement starts of each episode (indicators.md §0).
--
-- 1. One copy per (child, decom): the latest return's copy wins.
-- 2. A copy from an earlier return that overlaps in time ([decom, dec), open = unbounded) an
--    episode of the same child with another decom taken from a later return is dropped: the
--    later return is the authority's revised history.
-- 3. Short breaks (LS V3, V4) are flagged and left out of periods and placements.
-- 4. Periods of care (gaps and islands over the child's other episodes in DECOM order): an
--    episode starts a new period when it has RNE = S, or when the previous episode did not
--    cease with REC = X1 on this DECOM (or there is no previous episode); period_seq is the
--    running count of period starts.
-- 5. Placements: only real episodes (not PLACE T0-T4, not DEC = DECOM) are placements. The
--    first real episode of a period starts a placement; a later one starts a new placement
--    when RNE is S, P or B (with count_same_carer_moves also T or U), unless it is A3/A5 after
--    a real episode in U1-U6 (adoption by the current foster carers), or it follows a temporary
--    episode and returns to the pre-temporary placement (same PLACE and same URN, URN
--    'XXXXXXX' or blank never matching, or same PLACE and same pl_post_key).
DELETE FROM fact_episode WHERE la_code IN (SELECT la_code FROM derive_scope);

INSERT INTO fact_episode BY NAME
WITH copies AS (
    SELECT e.*,
           row_number() OVER (PARTITION BY child_key, decom ORDER BY year DESC) AS copy_rank
    FROM return_episode e
    WHERE la_code IN (SELECT la_code FROM derive_scope)
),
latest AS (
    SELECT * EXCLUDE (copy_rank) FROM copies WHERE copy_rank = 1
),
kept AS (
    SELECT e.*
    FROM latest e
    ANTI JOIN latest f
      ON f.child_key = e.child_key
     AND f.year > e.year
     AND f.decom <> e.decom
     AND f.decom < coalesce(e.dec, DATE '9999-12-31')
     AND e.decom < coalesce(f.dec, DATE '9999-12-31')
),
chained AS (
    SELECT *,
           ls IN ('V3', 'V4') AS short_break,            -- short breaks: V3, V4
           NOT (ls IN ('V3', 'V4'))
             AND (rne = 'S'
                  OR lag(rec) OVER same_kind IS DISTINCT FROM 'X1'
                  OR lag(dec) OVER same_kind IS DISTINCT FROM decom) AS starts_period,
           place IN ('T0', 'T1', 'T2', 'T3', 'T4') AS temporary,  -- temporary placements
           NOT (ls IN ('V3', 'V4'))
             AND place NOT IN ('T0', 'T1', 'T2', 'T3', 'T4')
             AND (dec IS NULL OR dec <> decom) AS real_placement
    FROM kept
    WINDOW same_kind AS (PARTITION BY child_key, ls IN ('V3', 'V4') ORDER BY decom)
),
-- One more pass in the same order (child, short_break, decom): a period is a run of the
-- child's non-short-break episodes in DECOM order, so "earlier in my period" is "earlier
-- among the child's episodes of my kind, on or after my period's first DECOM". The running
-- maxima/last value below look back over the whole kind, and looked_back keeps them only
-- when they fall in the episode's own period.
periods AS (
    SELECT *,
           CASE WHEN NOT short_break THEN sum(CAST(starts_period AS INTEGER)) OVER upto_me END AS period_seq,
           max(CASE WHEN starts_period THEN decom END) OVER upto_me AS period_start,
           last_value(CASE WHEN real_placement THEN {'place': place, 'urn': urn, 'post': pl_post_key, 'decom': decom} END IGNORE NULLS)
               OVER before_me AS last_real,
           max(CASE WHEN temporary THEN decom END) OVER before_me AS last_temporary_decom
    FROM chained
    WINDOW upto_me AS (PARTITION BY child_key, short_break ORDER BY decom ROWS UNBOUNDED PRECEDING),
           before_me AS (PARTITION BY child_key, short_break ORDER BY decom
                         ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
),
looked_back AS (
    -- the real placement and temporary episode before this episode in its period
    SELECT * EXCLUDE (period_start, last_real, last_temporary_decom),
           CASE WHEN last_real.decom >= period_start THEN last_real END AS prev_real,
           CASE WHEN last_real.decom >= period_start THEN last_real.decom END AS prev_real_decom,
           CASE WHEN last_temporary_decom >= period_start THEN last_temporary_decom END AS prev_temporary_decom
    FROM periods
),
judged AS (
    SELECT *,
           -- A3/A5 (adoption with current carers) after a foster placement U1-U6
           coalesce(place IN ('A3', 'A5')
                    AND prev_real.place IN ('U1', 'U2', 'U3', 'U4', 'U5', 'U6'), false) AS adoption_by_foster_carers,
           coalesce(prev_temporary_decom > prev_real_decom
                    AND place = prev_real.place
                    AND ((urn = prev_real.urn AND urn <> 'XXXXXXX') OR pl_post_key = prev_real.post), false)
               AS returns_after_temporary
    FROM looked_back
)
SELECT la_code, child_key, decom, dec, rne, ls, cin, place, place_provider, rec,
       reason_place_change, urn, pl_post_key, age_at_decom,
       year AS return_year,
       short_break,
       period_seq,
       real_placement
         AND (prev_real IS NULL
              OR (rne IN ('S', 'P', 'B')                 -- new placement
                  AND NOT adoption_by_foster_carers
                  AND NOT returns_after_temporary)) AS starts_placement,
       real_placement
         AND (prev_real IS NULL
              OR (rne IN ('S', 'P', 'B', 'T', 'U')       -- new placement, same-carer moves counted
                  AND NOT adoption_by_foster_carers
                  AND NOT returns_after_temporary)) AS starts_placement_incl_same_carer
FROM judged;
