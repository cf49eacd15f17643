-- Rank and quartile band (indicators.md §7) of each authority's figure among all authorities
-- with a value for the same indicator, year and source: rank 1 = best by the catalogue's
-- polarity (highest value when higher is better, lowest when lower is better); ties share a
-- rank. ranked = how many authorities had a value. Band by rank: A when (rank - 1) / ranked <
-- 0.25 (the best quarter), B < 0.5, C < 0.75, D otherwise. Indicators without a polarity
-- (volumes, rates, mixes) are not ranked.
UPDATE mart_indicator m
SET rank = r.rank, ranked = r.ranked,
    quartile_band = CASE WHEN (r.rank - 1) / r.ranked < 0.25 THEN 'A'
                         WHEN (r.rank - 1) / r.ranked < 0.50 THEN 'B'
                         WHEN (r.rank - 1) / r.ranked < 0.75 THEN 'C'
                         ELSE 'D' END
FROM (
    SELECT m.area_code, m.year, m.indicator, m.source,
           CAST(rank() OVER (PARTITION BY m.year, m.indicator, m.source
                             ORDER BY CASE c.polarity WHEN 'higher_better' THEN -m.value ELSE m.value END) AS INTEGER) AS rank,
           CAST(count(*) OVER (PARTITION BY m.year, m.indicator, m.source) AS INTEGER) AS ranked
    FROM mart_indicator m
    JOIN mart_catalogue c USING (indicator)
    WHERE m.area_type = 'la' AND m.status = 'ok' AND c.polarity <> 'none'
) r
WHERE m.area_type = 'la' AND m.area_code = r.area_code AND m.year = r.year
  AND m.indicator = r.indicator AND m.source = r.source;
