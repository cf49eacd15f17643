-- fact_placement for the authorities in derive_scope: the placements of each period of care,
-- under both counting rules ('standard': RNE S/P/B start a placement; 'count_same_carer_moves':
-- also RNE T/U), from the starts_placement flags of fact_episode (see 20_episode.sql).
-- * Only real episodes (not temporary T0-T4, not DEC = DECOM) belong to placements; each belongs
--   to the placement most recently started in its period (running count of starts).
-- * start_date = DECOM of the starting episode (a placement keeps its start through merged
--   episodes); end_date = DEC of its last real episode; place/provider/urn from the first.
-- * start_known = false for the first placement of a period whose start is unknown when its
--   first episode's RNE does not itself start a placement under the rule.
DELETE FROM fact_placement WHERE la_code IN (SELECT la_code FROM derive_scope);

INSERT INTO fact_placement BY NAME
WITH real_episodes AS (
    SELECT e.*, p.start_known AS period_start_known
    FROM fact_episode e
    JOIN fact_period_of_care p USING (la_code, child_key, period_seq)
    WHERE e.la_code IN (SELECT la_code FROM derive_scope)
      AND NOT e.short_break
      AND e.place NOT IN ('T0', 'T1', 'T2', 'T3', 'T4')   -- temporary placements
      AND (e.dec IS NULL OR e.dec <> e.decom)              -- under 24 hours
),
by_rule AS (
    SELECT r.*, 'standard' AS counting_rule, starts_placement AS starts,
           rne IN ('S', 'P', 'B') AS rne_starts
    FROM real_episodes r
    UNION ALL
    SELECT r.*, 'count_same_carer_moves' AS counting_rule, starts_placement_incl_same_carer AS starts,
           rne IN ('S', 'P', 'B', 'T', 'U') AS rne_starts
    FROM real_episodes r
),
numbered AS (
    SELECT *,
           sum(CAST(starts AS INTEGER)) OVER (
               PARTITION BY child_key, counting_rule, period_seq ORDER BY decom ROWS UNBOUNDED PRECEDING
           ) AS placement_seq
    FROM by_rule
)
SELECT la_code,
       child_key,
       counting_rule,
       period_seq,
       placement_seq,
       min(decom)                          AS start_date,
       arg_max_null(dec, decom)            AS end_date,
       arg_min(place, decom)               AS place,
       arg_min_null(place_provider, decom) AS place_provider,
       arg_min_null(urn, decom)            AS urn,
       NOT (placement_seq = 1
            AND NOT any_value(period_start_known)
            AND NOT arg_min(rne_starts, decom)) AS start_known
FROM numbered
GROUP BY la_code, child_key, counting_rule, period_seq, placement_seq;
