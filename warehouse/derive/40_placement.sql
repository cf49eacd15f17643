-- fact_placement for the authorities in derive_scope: the placements of each period of care,
-- under both counting rules ('standard': RNE S/P/B start a placement; 'count_same_carer_moves':
-- also RNE T/U), from the starts_placement flags of fact_episode (see 20_episode.sql).
-- * Only real episodes (not temporary T0-T4, not DEC = DECOM) belong to placements; each belongs
--   to the placement most recently started in its period (running count of starts).
-- * start_date = DECOM of the starting episode (a placement keeps its start through merged
--   episodes); end_date = DEC of its last real episode; place/provider/urn from the first.
-- * start_known = false for the first placement of a period whose start is unknown when its
--   first episode's RNE does not itself start a placement under the rule.
-- The rows are built once into the temp table derive_placement, which also holds each
-- placement's previous_start and next_start (start_date of the placement before / after it in
-- the period, same rule; NULL if none) for 60_child_year.sql; DerivedFacts drops it.
DELETE FROM fact_placement WHERE la_code IN (SELECT la_code FROM derive_scope);

CREATE OR REPLACE TEMP TABLE derive_placement AS
WITH real_episodes AS (
    SELECT e.*, p.start_known AS period_start_known
    FROM fact_episode e
    JOIN fact_period_of_care p USING (la_code, child_key, period_seq)
    WHERE e.la_code IN (SELECT la_code FROM derive_scope)
      AND NOT e.short_break
      AND e.place NOT IN ('T0', 'T1', 'T2', 'T3', 'T4')   -- temporary placements
      AND (e.dec IS NULL OR e.dec <> e.decom)              -- under 24 hours
),
numbered AS (
    -- placement_seq under each rule: the running count of the period's placement starts (one
    -- sort of the real episodes serves both rules)
    -- sort of the real episodes serves both rules), and the starts of the placements before
    -- and after (the DECOM of the rule's previous/next starting episode in the period)
    SELECT *,
           sum(CAST(starts_placement AS INTEGER)) OVER in_period                 AS seq_standard,
           sum(CAST(starts_placement_incl_same_carer AS INTEGER)) OVER in_period AS seq_incl_same_carer,
           max(CASE WHEN starts_placement THEN decom END) OVER before_me         AS previous_start_standard,
           max(CASE WHEN starts_placement_incl_same_carer THEN decom END) OVER before_me
                                                                                 AS previous_start_incl_same_carer,
           min(CASE WHEN starts_placement THEN decom END) OVER after_me          AS next_start_standard,
           min(CASE WHEN starts_placement_incl_same_carer THEN decom END) OVER after_me
                                                                                 AS next_start_incl_same_carer
    FROM real_episodes
    WINDOW in_period AS (PARTITION BY child_key, period_seq ORDER BY decom ROWS UNBOUNDED PRECEDING),
           before_me AS (PARTITION BY child_key, period_seq ORDER BY decom
                         ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING),
           after_me AS (PARTITION BY child_key, period_seq ORDER BY decom
                        ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING)
),
by_rule AS (
    -- each real episode once per rule (a join, not a UNION ALL, so numbered is not materialised)
    SELECT n.*, r.counting_rule,
           CASE r.counting_rule WHEN 'standard' THEN seq_standard ELSE seq_incl_same_carer END AS placement_seq,
           CASE r.counting_rule WHEN 'standard' THEN rne IN ('S', 'P', 'B')
                ELSE rne IN ('S', 'P', 'B', 'T', 'U') END AS rne_starts,
           CASE r.counting_rule WHEN 'standard' THEN previous_start_standard
                ELSE previous_start_incl_same_carer END AS previous_start,
           CASE r.counting_rule WHEN 'standard' THEN next_start_standard
                ELSE next_start_incl_same_carer END AS next_start
    FROM numbered n
    CROSS JOIN (VALUES ('standard'), ('count_same_carer_moves')) r(counting_rule)
)
SELECT la_code,
       child_key,
       counting_rule,
       period_seq,
       placement_seq,
       start_date,
       end_date,
       first_episode.place,
       first_episode.place_provider,
       first_episode.urn,
       NOT (placement_seq = 1
            AND NOT period_start_known
            AND NOT first_episode.rne_starts) AS start_known,
       first_episode.previous_start,
       first_episode.next_start
FROM (
    -- the first and last episode of each placement, each as one arg_min/arg_max of a row
    SELECT la_code, child_key, counting_rule, period_seq, placement_seq,
           min(decom)                                                   AS start_date,
           arg_max_null(dec, decom)                                     AS end_date,
           arg_min({'place': place, 'place_provider': place_provider, 'urn': urn, 'rne_starts': rne_starts,
                    'previous_start': previous_start, 'next_start': next_start}, decom)
                                                                        AS first_episode,
           any_value(period_start_known)                                AS period_start_known
    FROM by_rule
    GROUP BY la_code, child_key, counting_rule, period_seq, placement_seq);

INSERT INTO fact_placement BY NAME
SELECT * EXCLUDE (previous_start, next_start) FROM derive_placement;
