-- Derived facts: rebuilt per authority from the return tables (20_returns.sql) by the scripts
-- in warehouse/derive/, in the same transaction as the load that changed the authority.
-- Definitions: ../shared/spec/indicators.md §0 (building blocks), §2 (stability), §3 (reviews).
--
-- Every table is keyed by la_code and holds the whole loaded history of the authority
-- (all loaded collection years unioned), never one return's copy. A child is
-- (la_code, child_key). Collection year Y runs 1 April Y-1 .. 31 March Y.
-- Episodes are read as half-open day intervals [decom, dec): a child whose episode ceased on
-- a date was not looked after under it on that date (so DEC = 31 March is not in care at
-- 31 March; DEC = 1 April is).
-- The tables carry no PRIMARY KEY: each script's query produces its grain by construction
-- (stated under each table and checked by DerivedFactsTest), and index upkeep would double the
-- cost of a rebuild at national scale.

-- dim_child: one row per child of the authority. The header row of the latest return that
-- lists the child wins (sex, month of birth and ethnicity may be corrected in a later return).
CREATE TABLE IF NOT EXISTS dim_child (
    la_code            VARCHAR  NOT NULL,
    child_key          VARCHAR  NOT NULL,
    sex                TINYINT  NOT NULL,
    dob_month          DATE     NOT NULL,
    ethnic             VARCHAR  NOT NULL,
    age_31mar_latest   TINYINT  NOT NULL,   -- age on 31 March latest_return_year
    latest_return_year SMALLINT NOT NULL
    -- grain: one row per (la_code, child_key)
);

-- fact_episode: one row per episode of care, the union of all loaded returns of the authority.
-- * The same (la_code, child_key, decom) in several returns is one episode; the copy from the
--   latest return wins (returns are revised: a year's copy of an open episode is closed by the
--   next year's).
-- * An episode from an earlier return that overlaps in time ([decom, dec) intervals, an open
--   episode running to infinity) an episode of the same child with a different decom from a
--   later return is dropped: the later return is the authority's revised history (for example
--   a corrected start date). Episodes that merely touch (one's dec = the other's decom) do not
--   overlap.
-- * Short-break episodes (LS V3 or V4) are kept, flagged short_break, and take part in nothing
--   else: period_seq is NULL and they start no placement.
-- * period_seq numbers the child's periods of care (fact_period_of_care) from 1 in date order.
-- * starts_placement: this episode starts a new placement under the standard rule (RNE S, P, B;
--   see fact_placement); starts_placement_incl_same_carer: the same with RNE T and U counted
--   too (flag count_same_carer_moves = true).
CREATE TABLE IF NOT EXISTS fact_episode (
    la_code                          VARCHAR  NOT NULL,
    child_key                        VARCHAR  NOT NULL,
    decom                            DATE     NOT NULL,
    dec                              DATE,             -- NULL while open
    rne                              VARCHAR  NOT NULL,
    ls                               VARCHAR  NOT NULL,
    cin                              VARCHAR  NOT NULL,
    place                            VARCHAR  NOT NULL,
    place_provider                   VARCHAR,
    rec                              VARCHAR,
    reason_place_change              VARCHAR,
    urn                              VARCHAR,
    pl_post_key                      VARCHAR,
    age_at_decom                     TINYINT  NOT NULL,
    return_year                      SMALLINT NOT NULL, -- the return whose copy won
    short_break                      BOOLEAN  NOT NULL,
    period_seq                       INTEGER,           -- NULL for short breaks
    starts_placement                 BOOLEAN  NOT NULL,
    starts_placement_incl_same_carer BOOLEAN  NOT NULL
    -- grain: one row per (la_code, child_key, decom)
);

-- fact_period_of_care: one row per period of care (short breaks excluded).
-- * A period starts at an episode with RNE = S, or wherever the chain of the child's episodes
--   is broken (the first loaded episode of the child, or an episode whose predecessor did not
--   cease with REC = X1 on this DECOM).
-- * It runs through episodes joined by REC = X1 (next DECOM = this DEC) and ends at the first
--   REC other than X1 (end_date = that DEC, end_reason = that REC); end_date is NULL while open.
-- * start_known is true only when the period's true start is loaded AND its history is loaded:
--   its first episode has RNE = S (or follows, joined by X1, a short-break episode: the child
--   became looked after other than on short breaks there), and start_date is on or after the
--   start of the authority's earliest loaded collection year (1 April of min(year) - 1).
--   Otherwise the period started before the loaded history (indicators.md §3 "Unknown
--   history"): start_date is then only the first loaded date.
-- * start_observed is the first half of start_known: the period's first episode has RNE = S (or
--   follows a short break as above), even when it began before the earliest loaded year (a 2024
--   return lists an open episode that started with RNE = S in 2019). Long-term stability only
--   needs to know when the period began, not its reviews, so it uses this.
-- * cin and age_at_start come from the first episode.
CREATE TABLE IF NOT EXISTS fact_period_of_care (
    la_code      VARCHAR  NOT NULL,
    child_key    VARCHAR  NOT NULL,
    period_seq   INTEGER  NOT NULL,
    start_date   DATE     NOT NULL,
    end_date     DATE,                 -- NULL if open
    end_reason   VARCHAR,              -- REC of the last episode (X1 only if the chain breaks off)
    start_known  BOOLEAN  NOT NULL,
    start_observed BOOLEAN,            -- the first loaded episode truly starts the period (RNE S), whether or not it is in the loaded years
    cin          VARCHAR  NOT NULL,
    age_at_start TINYINT  NOT NULL
    -- grain: one row per (la_code, child_key, period_seq)
);
ALTER TABLE fact_period_of_care ADD COLUMN IF NOT EXISTS start_observed BOOLEAN;

-- fact_placement: one row per placement, per counting rule ('standard' and
-- 'count_same_carer_moves'), built from the non-short-break episodes of each period of care.
-- * Only "real" episodes take part: temporary placements (PLACE T0-T4) and episodes with
--   DEC = DECOM are not placements and are skipped (they neither start nor end one).
-- * The first real episode of a period starts a placement. A later real episode starts a new
--   placement when its RNE is S, P or B (rule count_same_carer_moves: also T or U), unless
--   - its PLACE is A3 or A5 (placed for adoption with current foster carers) and the previous
--     real episode's PLACE is a foster placement U1-U6, or
--   - a temporary episode came between it and the previous real episode and it returns to that
--     pre-temporary placement: same PLACE and (same URN, 'XXXXXXX' and blanks not counting as
--     a match, or same pl_post_key).
--   RNE L (legal status only), and T/U under the standard rule, continue the current placement.
-- * start_date = DECOM of the episode that started the placement (the placement keeps its
--   start through the episodes merged into it: legal-status changes, same-carer moves, A3/A5
--   after fostering, returns from temporary stays); end_date = DEC of its last real episode
--   (NULL if that episode is open). place, place_provider and urn are those of its first episode.
-- * start_known is false for the first placement of a period whose start is not known when its
--   first loaded episode does not itself start a placement (RNE L, or T/U under the standard
--   rule): the placement began before the loaded history.
CREATE TABLE IF NOT EXISTS fact_placement (
    la_code        VARCHAR  NOT NULL,
    child_key      VARCHAR  NOT NULL,
    counting_rule  VARCHAR  NOT NULL,  -- 'standard' | 'count_same_carer_moves'
    period_seq     INTEGER  NOT NULL,
    placement_seq  INTEGER  NOT NULL,  -- 1-based within the period
    start_date     DATE     NOT NULL,
    end_date       DATE,
    place          VARCHAR  NOT NULL,
    place_provider VARCHAR,
    urn            VARCHAR,
    start_known    BOOLEAN  NOT NULL
    -- grain: one row per (la_code, child_key, counting_rule, period_seq, placement_seq)
);

-- fact_review: one row per statutory review held, the union of all loaded returns (the latest
-- return's copy wins per (child, review_date)). Reviews of children whose every episode is a
-- short break are left out (rule 399: none should exist).
-- * period_seq: the period of care containing review_date (start_date <= review_date <=
--   end_date, or open); NULL when the review falls in no loaded period (then no schedule).
-- * Schedule (indicators.md §3): review 1 is due 20 working days after the period's start_date
--   (dim_date working days); review 2 is due 3 calendar months after review 1 was held; each
--   later review 6 calendar months after the previous review was held (month arithmetic
--   clamps to month end: 31 Aug + 6 months = 28/29 Feb). Each due date runs from the date the
--   previous review was actually held, so an early review resets the schedule.
-- * Period whose start is not known (fact_period_of_care.start_known = false): review_seq is
--   NULL; the first loaded review's due date is unknown (NULL) and each later review is due
--   6 months after the one before.
-- * on_time: review_date <= due_date (NULL when due_date is NULL).
--   working_days_late: 0 when on time, otherwise working days from due_date to review_date
--   (dim_date.working_day_index difference; a review held on a non-working day just after a
--   due date on a non-working day is late by 0 working days); NULL when due_date is NULL.
CREATE TABLE IF NOT EXISTS fact_review (
    la_code           VARCHAR  NOT NULL,
    child_key         VARCHAR  NOT NULL,
    review_date       DATE     NOT NULL,
    review_code       VARCHAR  NOT NULL,
    age_at_review     TINYINT  NOT NULL,
    return_year       SMALLINT NOT NULL,
    period_seq        INTEGER,
    review_seq        INTEGER,          -- 1-based within the period; NULL when its start is unknown
    due_date          DATE,             -- NULL when unknown
    on_time           BOOLEAN,          -- NULL when due_date is unknown
    working_days_late INTEGER
    -- grain: one row per (la_code, child_key, review_date)
);

-- fact_child_year: one row per child per collection year Y in which the child was looked after
-- at any time other than on short breaks (a non-short-break episode with decom <= 31 March Y
-- and dec NULL or >= 1 April Y-1), for every Y from the authority's earliest to its latest
-- loaded return year. The "as at 31 March" columns are NULL when in_care_31mar is false.
-- * in_care_31mar: a non-short-break episode with decom <= 31 March Y and (dec NULL or
--   dec > 31 March Y); ls_31mar, place_31mar, period_*_31mar from that episode (latest decom
--   if several).
-- * age_31mar from return_header of year Y; when the child is missing from that header, derived
--   exactly from dim_child (age_31mar_latest - (latest_return_year - Y)). sex, ethnic from dim_child.
-- * looked_after_20wd: in care at 31 March in a period that had lasted at least 20 working
--   days (working_day_index(31 March) - working_day_index(start) >= 20, i.e. review 1 was due
--   on or before 31 March); NULL when the period's start is unknown and its loaded start is
--   less than 20 working days before 31 March.
-- * started_in_year: a period with start_known and start_date in the year (a chain that merely
--   starts mid-way in the loaded data is not a start); ceased_in_year: a period with end_date
--   in the year and end_reason <> 'X1'.
-- * placements_in_year(_incl_same_carer): placements of the rule overlapping the year, in any
--   period: the placement open on 1 April Y-1 (start < 1 April and end NULL or > 1 April) plus
--   each placement starting in the year. Filled for every row; indicators use it for children
--   in care at 31 March.
-- * placement_start_31mar(_incl_same_carer): start_date of the placement (of the rule) of the
--   31-March period that started last on or before 31 March; when that placement is an
--   adoptive placement (PLACE A3-A6 at its start) and is not the period's first, the start of
--   the placement directly before it instead (indicators.md §2 long-term stability: the
--   adoptive placement and the one before it together). A3/A5 after fostering is already one
--   placement with the foster placement.
-- * uasc_31mar: a row in return_uasc of year Y with duc NULL or > 31 March Y.
-- * reviews_in_year / reviews_on_time / reviews_due_unknown: fact_review rows dated in the year
--   (any period), of which on_time, of which due_date unknown.
-- * next_review_due: in the 31-March period, the due date of the first review not held by
--   31 March: 3 months after review 1 if review 1 is the last held, 6 months after the last
--   review held otherwise (always 6 months when the period's start is unknown), or review 1's
--   due date (start + 20 working days) when none has been held. NULL when not known.
-- * overdue_31mar: next_review_due <= 31 March Y (the due date has passed by the end of 31 March
--   with no review held on or before it: that review will be late). NULL when unknown.
-- * schedule_known: in care at 31 March and next_review_due known. A child with
--   schedule_known = false is left out of children_reviews_on_time_pct (data-quality note);
--   reviews in the year with an unknown due date are left out of the on-time test only.
CREATE TABLE IF NOT EXISTS fact_child_year (
    la_code                               VARCHAR  NOT NULL,
    year                                  SMALLINT NOT NULL,
    child_key                             VARCHAR  NOT NULL,
    in_care_31mar                         BOOLEAN  NOT NULL,
    age_31mar                             TINYINT,
    sex                                   TINYINT,
    ethnic                                VARCHAR,
    ls_31mar                              VARCHAR,
    place_31mar                           VARCHAR,
    period_seq_31mar                      INTEGER,
    period_start_31mar                    DATE,
    period_start_known                    BOOLEAN,
    looked_after_20wd                     BOOLEAN,
    started_in_year                       BOOLEAN  NOT NULL,
    ceased_in_year                        BOOLEAN  NOT NULL,
    placements_in_year                    INTEGER  NOT NULL,
    placements_in_year_incl_same_carer    INTEGER  NOT NULL,
    placement_start_31mar                 DATE,
    placement_start_31mar_incl_same_carer DATE,
    uasc_31mar                            BOOLEAN  NOT NULL,
    reviews_in_year                       INTEGER  NOT NULL,
    reviews_on_time                       INTEGER  NOT NULL,
    reviews_due_unknown                   INTEGER  NOT NULL,
    next_review_due                       DATE,
    overdue_31mar                         BOOLEAN,
    schedule_known                        BOOLEAN  NOT NULL
    -- grain: one row per (la_code, year, child_key)
);

-- fact_dispute: one row per dispute (or good-practice alert) of the authority; the copy in the
-- latest loaded log wins per dispute_id. raised_year is the collection year containing
-- `raised` (a dispute is counted in the year it was raised). Working days are
-- dim_date.working_day_index differences (working days after the first date up to and
-- including the second); NULL while unresolved / never formal.
CREATE TABLE IF NOT EXISTS fact_dispute (
    la_code                        VARCHAR  NOT NULL,
    dispute_id                     VARCHAR  NOT NULL,
    child_key                      VARCHAR,
    type                           VARCHAR  NOT NULL,
    raised                         DATE     NOT NULL,
    theme                          VARCHAR,
    stage_reached                  VARCHAR  NOT NULL,
    stage1_date                    DATE,
    cafcass                        BOOLEAN  NOT NULL,
    resolved                       DATE,
    outcome                        VARCHAR,
    raised_year                    SMALLINT NOT NULL,
    return_year                    SMALLINT NOT NULL,
    working_days_to_resolve        INTEGER,
    working_days_stage1_to_resolve INTEGER
    -- grain: one row per (la_code, dispute_id)
);

-- fact_workforce: the IRO workforce snapshots as loaded (local_workforce), one row per
-- snapshot; `year` is the return the snapshot came from.
CREATE TABLE IF NOT EXISTS fact_workforce (
    la_code       VARCHAR      NOT NULL,
    year          SMALLINT     NOT NULL,
    snapshot_date DATE         NOT NULL,
    iro_fte       DECIMAL(7,2) NOT NULL,
    iro_headcount INTEGER,
    vacant_fte    DECIMAL(7,2),
    agency_fte    DECIMAL(7,2)
    -- grain: one row per (la_code, year, snapshot_date)
);
