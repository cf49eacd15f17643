-- fact_period_of_care for the authorities in derive_scope, from fact_episode (short breaks
-- excluded): one row per period_seq of a child.
-- * start_date = first episode's DECOM; end_date/end_reason = last episode's DEC/REC (NULL if open).
-- * start_known: the first episode has RNE = S (or directly follows, joined by X1, a short-break
--   episode) AND start_date >= 1 April of (its authority's earliest loaded return year - 1);
--   otherwise the period began before the loaded history (indicators.md §3 "Unknown history").
-- * start_observed: the first condition alone (the period's true start is in the data).
DELETE FROM fact_period_of_care WHERE la_code IN (SELECT la_code FROM derive_scope);

INSERT INTO fact_period_of_care BY NAME
WITH history AS (
    SELECT la_code, make_date(CAST(min(year) AS BIGINT) - 1, 4, 1) AS history_start
    FROM return_episode
    WHERE la_code IN (SELECT la_code FROM derive_scope)
    GROUP BY la_code
),
ep AS (
    SELECT *,
           rne = 'S'
             OR coalesce(lag(short_break) OVER by_child
                         AND lag(rec) OVER by_child = 'X1'
                         AND lag(dec) OVER by_child = decom, false) AS true_start
    FROM fact_episode
    WHERE la_code IN (SELECT la_code FROM derive_scope)
    WINDOW by_child AS (PARTITION BY child_key ORDER BY decom)
)
SELECT la_code,
       child_key,
       period_seq,
       start_date,
       last_episode.dec AS end_date,
       last_episode.rec AS end_reason,
       first_episode.true_start AND start_date >= history_start AS start_known,
       first_episode.true_start AS start_observed,
       first_episode.cin,
       first_episode.age_at_decom AS age_at_start
FROM (
    -- the first and last episode of each period, each as one arg_min/arg_max of a row
    SELECT la_code,
           child_key,
           period_seq,
           min(decom)                                                          AS start_date,
           arg_max({'dec': dec, 'rec': rec}, decom)                            AS last_episode,
           arg_min({'true_start': true_start, 'cin': cin, 'age_at_decom': age_at_decom}, decom) AS first_episode,
           any_value(history_start)                                            AS history_start
    FROM ep JOIN history USING (la_code)
    WHERE NOT short_break
    GROUP BY la_code, child_key, period_seq);
